/*
** cases_csv.h — complaints cases as CSV (docs/formats/cases-csv.md).
**
** Import reads the spreadsheets case officers keep: one row per case,
** columns named in the header (any order; only case_no and lodged_on are
** required).  Every cell is checked and the first bad one is reported with
** line, column and field; the whole file is one transaction.  Export
** writes the columns of the list first, amounts in major units
** with two decimals.
*/
#ifndef LMPMON_CASES_CSV_H
#define LMPMON_CASES_CSV_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../store/store.h"

typedef struct CaseImportStats {
    long nCases;       /* rows imported */
    long nCreatedOrgs; /* with bCreateOrgs */
} CaseImportStats;

/* Import z[0..n) named zFile into s in one transaction.  Assisting
** organisations resolve through the directory (unknown: error with
** suggestions, or created with bCreateOrgs).  Returns 0 or -1 with err. */
int cases_csv_import(Store *s, const char *zFile, const char *z, size_t n,
                     int bCreateOrgs, CaseImportStats *stats, AppErr *err);

/* Export the cases lodged between zFrom and zTo (NULL: no bound) to b;
** bPersonal adds the complainant's name, phone and identity document. */
int cases_csv_export(Store *s, const char *zFrom, const char *zTo,
                     int bPersonal, Buf *b, AppErr *err);

/* The export of every case (with personal details when bPersonal) as a
** hex digest in zHex (SECRET_HASH_HEX bytes) and the number of cases in
** *pnCases, without holding the export: equal digests, equal exports. */
int cases_csv_digest(Store *s, int bPersonal, char zHex[65], long *pnCases,
                     AppErr *err);

/* The same export as a spreadsheet written to zPath (dates as date cells,
** amounts as numbers with two decimals). */
int cases_xlsx_export(Store *s, const char *zFrom, const char *zTo,
                      int bPersonal, const char *zPath, AppErr *err);

/* The export's columns, in order (NULL-terminated). */
extern const char *const azCaseColumn[];

#endif
