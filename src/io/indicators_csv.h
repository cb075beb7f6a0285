/*
** indicators_csv.h — the plan's indicators and their values in and out of
** CSV files (docs/formats/indicators-csv.md); an XLSX sheet is read as
** CSV text after xlsx_to_csv().
**
** An indicators file has one revision of an indicator per row: code,
** goal, definition, unit, direction, baseline, baseline_year, targets
** ("2017=50;2018=60"), disaggregation ("sex,province"), verification,
** organisation, computed (no; yes: from the complaints register;
** outreach:KIND;KIND: the people reached by those kinds of outreach
** event), revision (1 when empty), effective, reason.  A values file has one figure per row: indicator, revision (the
** newest when empty), period, sex, dimension, code, value, numerator,
** denominator, source, state; an export adds the definition the value was
** reported against, which an import reads past.
**
** An import is one transaction: read what names resolve against, check
** every row (core's rules), put it, and refuse the whole file at the
** first bad cell, naming file, line, column and field.  Organisation
** names resolve through the directory, provinces and destinations
** through the gazetteer, indicator codes among the plan's, each with the
** closest known names when unknown.
*/
#ifndef LMPMON_INDICATORS_CSV_H
#define LMPMON_INDICATORS_CSV_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../store/store.h"

typedef enum IndFileKind {
    IND_FILE_INDICATORS = 0, /* definitions */
    IND_FILE_VALUES,         /* reported figures */
    IND_FILE_KIND_COUNT
} IndFileKind;

typedef struct IndImportStats {
    long nRows;    /* rows read */
    long nWritten; /* rows whose put changed something */
} IndImportStats;

/* Import z[0..n), the text of zFile, into plan zPlan's indicators (NULL:
** the database's only plan) as who: indicators are the M&E officer's
** (or an administrator's), values follow ind_value_may_write() from the
** state stored to the state in the file.  0, or -1 with err and nothing
** written. */
int ind_csv_import(Store *s, const Actor *who, IndFileKind k, const char *zPlan,
                   const char *zFile, const char *z, size_t n,
                   IndImportStats *st, AppErr *err);

/* Append the values aV[0..nV) of the indicators a[0..n) as a values file
** (with each value's definition) to b. */
void ind_values_csv_write(const Indicator *a, size_t n, const IndValue *aV,
                          size_t nV, Buf *b);

/* The revision of a[0..n) with code zCode and revision iRev, or (iRev 0)
** the newest; NULL when none. */
const Indicator *ind_find(const Indicator *a, size_t n, const char *zCode,
                          int iRev);

#endif
