/*
** fund_csv.h — costs and funding lines as a table
** (docs/formats/funding-csv.md): CSV or the first sheet of an XLSX
** workbook, one cost or funding line per row.
**
** Columns: round, activity, line, source_kind, source, amount, currency,
** status, note.  A cost row has source_kind "cost" and no line, source
** or status; a funding line has its number (1, 2, ...) within the
** activity and round, a source kind (government, partner, other), its
** source (the partner organisation, or the budget line or other source
** in words) and a status (secured, pledged, gap).  Amounts are in major
** units with at most two decimals ("12500.50"): the store keeps minor
** units, so a file read and written back gives the same text.
*/
#ifndef LMPMON_FUND_CSV_H
#define LMPMON_FUND_CSV_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/funding.h"

/* The columns, in the order an export writes them. */
enum {
    FUND_COL_ROUND = 0,
    FUND_COL_ACTIVITY,
    FUND_COL_LINE,
    FUND_COL_KIND,
    FUND_COL_SOURCE,
    FUND_COL_AMOUNT,
    FUND_COL_CURRENCY,
    FUND_COL_STATUS,
    FUND_COL_NOTE,
    FUND_NCOL
};

extern const char *const azFundColumn[FUND_NCOL];

/* A parsed file, with where each row was read for the messages of later
** checks (an unknown round, activity or organisation). */
typedef struct FundFile {
    const char *zFile;    /* as given (not owned) */
    FundSet set;          /* the rows in file order; a partner line's zOrg
                         ** is the name as written until resolved */
    int *aiCostLine;      /* the file line of set.aCost[i] */
    int *aiLineLine;      /* the file line of set.aLine[i] */
    int aiCol[FUND_NCOL]; /* 1-based column of each, 0 when absent */
} FundFile;

/* Parse z[0..n) read from zFile into *f.  Refuses, naming file, line,
** column and field: missing or unknown columns, an empty round or
** activity, an unknown source kind or status, an amount that is negative
** or not one, a currency that is not ISO 4217, a partner line without an
** organisation, a line number that is not one, a cost or a line given
** twice.  Free f with fund_file_release() either way. */
int fund_csv_read(const char *zFile, const char *z, size_t n, FundFile *f,
                  AppErr *err);
void fund_file_release(FundFile *f);

/* The text of cell c of the table row of cost pc or line pl (one is
** NULL), into b.  For the CSV, XLSX and web tables alike. */
void fund_cell(const FundCost *pc, const FundLine *pl, int c, Buf *b);

/* Write s (of round zRound only, unless NULL) as CSV: each activity's
** cost, then its lines. */
void fund_csv_write(const FundSet *s, const char *zRound, Buf *b);

#endif
