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

/* The columns of a values file, in the order an export writes them. */
typedef enum IndValueCol {
    IND_VC_INDICATOR = 0,
    IND_VC_REVISION,
    IND_VC_PERIOD,
    IND_VC_SEX,
    IND_VC_DIMENSION,
    IND_VC_CODE,
    IND_VC_VALUE,
    IND_VC_NUMERATOR,
    IND_VC_DENOMINATOR,
    IND_VC_SOURCE,
    IND_VC_STATE,
    IND_VC_DEFINITION, /* written by exports, read past */
    IND_VC_NCOL
} IndValueCol;

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

/* Values read from another kind of file (a DHIS2 dataValueSet), as the
** cells a values file would hold, for ind_value_rows_import().  Row i's
** cells are azCell[i * IND_VC_NCOL + c], owned, "" when empty.  Messages
** name a row "ELEM[i]" (zElem: "dataValues") and a cell by the file's
** own field: azField[c], or for IND_VC_DIMENSION and IND_VC_CODE the
** row's azCodeField[i] (static strings). */
typedef struct IndValueRows {
    const char *zElem;
    const char *const *azField; /* IND_VC_NCOL names */
    char **azCell;
    const char **azCodeField;
    size_t nRow;
} IndValueRows;

/* Append an empty row to r, returning its IND_VC_NCOL cells to fill
** (free() and replace any). */
char **ind_value_rows_add(IndValueRows *r);
void ind_value_rows_release(IndValueRows *r);

/* Import the values of rows, read from zFile, as ind_csv_import() imports
** a values file: the same checks, one transaction, nothing written when
** one row is refused, the message naming the row and the field. */
int ind_value_rows_import(Store *s, const Actor *who, const char *zPlan,
                          const char *zFile, const IndValueRows *rows,
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
