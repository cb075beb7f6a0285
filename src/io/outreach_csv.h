/*
** outreach_csv.h — outreach events, media coverage and migration
** statistics as CSV and XLSX files (docs/formats/outreach-csv.md).
**
** One file kind per record kind, each a header row naming its columns (any
** order; the required ones must be there) and one row per record.  An
** import is one transaction: the first bad cell is reported as the annex's
** are — file, line (a spreadsheet's row), column and field — and nothing
** is written.  Places and destinations resolve through the gazetteer,
** organisations through the directory, both with the closest names for
** one nobody knows.  Importing the same file again writes nothing (the
** puts compare with what is stored) and the summary says so.  An export
** is importable: the same file gives the same records.
*/
#ifndef LMPMON_OUTREACH_CSV_H
#define LMPMON_OUTREACH_CSV_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../store/store.h"

typedef enum OutreachFile {
    OUTREACH_FILE_EVENTS = 0, /* outreach events (lmpmon outreach) */
    OUTREACH_FILE_MEDIA,      /* media coverage (lmpmon media) */
    OUTREACH_FILE_STATS,      /* statistics figures (lmpmon stats) */
    OUTREACH_FILE_COUNT
} OutreachFile;

typedef struct OutreachImportStats {
    long nRows;    /* records in the file */
    long nWritten; /* of which new or changed */
    long nChanges; /* audit rows written */
} OutreachImportStats;

/* Import z[0..n), the file zFile of kind k, into s in one transaction.
** Returns 0 or -1 with err naming file, line, column and field. */
int outreach_csv_import(Store *s, OutreachFile k, const char *zFile,
                        const char *z, size_t n, OutreachImportStats *stats,
                        AppErr *err);

/* The records of kind k (events and articles dated in [zFrom, zTo], NULL
** for no bound; every figure) as CSV appended to b, or as a spreadsheet
** written to zPath (dates as date cells, counts as numbers). */
int outreach_csv_export(Store *s, OutreachFile k, const char *zFrom,
                        const char *zTo, Buf *b, AppErr *err);
int outreach_xlsx_export(Store *s, OutreachFile k, const char *zFrom,
                         const char *zTo, const char *zPath, AppErr *err);

/* The records of kind k as a table for people to read: headings and
** cells in words (places by name, codes by their label, counts as
** "43 (W27: M16)").  Release with outreach_table_release(). */
typedef struct OutreachTable {
    size_t nCol;
    const char **azHead; /* nCol static headings */
    char **azCell;       /* nRow * nCol, owned; NULL for empty */
    size_t nRow;
} OutreachTable;

int outreach_table(Store *s, OutreachFile k, const char *zFrom, const char *zTo,
                   OutreachTable *t, AppErr *err);
void outreach_table_release(OutreachTable *t);

/* The noun of kind k's records: "events", "articles", "figures". */
const char *outreach_file_noun(OutreachFile k);

#endif
