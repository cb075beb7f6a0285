/*
** recs_csv.h — a round's recommendations as a table
** (docs/formats/recommendations-csv.md): CSV or the first sheet of an
** XLSX workbook, one recommendation per row.
**
** Columns: round, code, group, text, concerns (plan codes joined by ';'),
** asked (organisations joined by ';'), priority (yes/no), source.  An
** export adds status, status_round and evidence (the latest follow-up),
** which an import reads past: follow-ups are recorded one by one.
*/
#ifndef LMPMON_RECS_CSV_H
#define LMPMON_RECS_CSV_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/recommend.h"

/* Where a parsed recommendation was read, for the messages of later
** checks (unknown activity or organisation). */
typedef struct RecsFile {
    const char *zFile; /* as given (not owned) */
    RecSet set;        /* the rows, in file order; no follow-ups */
    int *aiLine;       /* line (sheet row) of set.aRec[i] */
    int iColConcerns;  /* 1-based columns, for messages */
    int iColAsked;
    int iColGroup;
} RecsFile;

/* Parse z[0..n) read from zFile (CSV text; an XLSX sheet converted by
** xlsx_to_csv()) into *f.  Refuses, naming file, line, column and field:
** missing or unknown columns, an empty round, code or text, a code holding
** '/', a priority not yes/no, a recommendation given twice, more than
** LIMIT_IMPORT_ROWS rows.  Free f with recs_file_release() either way. */
int recs_csv_read(const char *zFile, const char *z, size_t n, RecsFile *f,
                  AppErr *err);
void recs_file_release(RecsFile *f);

/* The columns an export writes, and the text of one row's cell i
** (a static, s's or a Buf's string; the status columns from p's round
** order).  For the CSV, XLSX and web tables alike. */
extern const char *const azRecsColumn[];
extern const size_t nRecsColumn;
void recs_cell(const Plan *p, const Rec *r, size_t i, Buf *b);

/* Write s's recommendations (of round zRound only, unless NULL) as CSV. */
void recs_csv_write(const Plan *p, const RecSet *s, const char *zRound, Buf *b);

#endif
