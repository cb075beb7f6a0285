/*
** dhis2_json.h — indicator values in and out of DHIS2 as dataValueSets
** JSON (docs/formats/dhis2.md), through a mapping file.
**
** DHIS2 names everything by an eleven-character identifier (UID): a value
** is { dataElement, period, orgUnit, categoryOptionCombo, value }.  The
** mapping file says which UID stands for what of lmpmon's: an indicator
** (optionally one revision) is a data element; a sex with at most one
** other breakdown (destination, channel, sector) is a category option
** combination; the country ("KH"), a province ("KH-12") or a responsible
** organisation is an organisation unit.  Periods are DHIS2's own: a year
** (2019) and a quarter (2019Q3) are lmpmon's; a month (201907) is refused,
** lmpmon's values being by year or quarter.
**
** An import reads the file (jansson, nested no deeper than
** LIMIT_JSON_DEPTH), turns each dataValue into the cells of a values file
** and imports them as one (ind_value_rows_import()): the first bad value
** refuses the file, named by its index and field ("dataValues[3]
** (period)"), and nothing is written.  An export writes the values whose
** indicator the mapping names; a value whose breakdown or organisation
** unit it lacks is refused by name.
*/
#ifndef LMPMON_DHIS2_JSON_H
#define LMPMON_DHIS2_JSON_H

#include <stddef.h>

#include "indicators_csv.h"
#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/indicator.h"

/* A data element: an indicator, all its revisions (iRev 0) or one. */
typedef struct Dhis2Element {
    char *zIndicator;
    int iRev;
    char *zId;
} Dhis2Element;

/* A category option combination: a sex, and a breakdown by eDim
** (IND_DIM_COUNT: none) with code zCode. */
typedef struct Dhis2Combo {
    int eSex; /* StatSex */
    IndDim eDim;
    char *zCode; /* NULL when eDim is IND_DIM_COUNT */
    char *zId;
} Dhis2Combo;

/* An organisation unit: a place of the gazetteer ("KH", "KH-12") or an
** organisation's acronym (one of the two). */
typedef struct Dhis2Unit {
    char *zPlace;
    char *zOrg;
    char *zId;
} Dhis2Unit;

typedef struct Dhis2Map {
    char *zFile;         /* the mapping's file, for messages */
    char *zDataSet;      /* written on export, or NULL */
    char *zAttrCombo;    /* attributeOptionCombo, or NULL */
    Dhis2Element *aElem; /* data elements */
    size_t nElem;
    Dhis2Combo *aCombo;
    size_t nCombo;
    Dhis2Unit *aUnit;
    size_t nUnit;
} Dhis2Map;

/* Read the mapping file z[0..n), named zFile, into *m (empty first:
** memset 0).  Every UID well formed, each at most once per list, codes
** known (sex, dimension, channel; places by the gazetteer's codes).  0,
** or -1 with err naming the entry and field ("dataElements[2] (id)").
** Release with dhis2_map_release() either way. */
int dhis2_map_read(const char *zFile, const char *z, size_t n, Dhis2Map *m,
                   AppErr *err);
void dhis2_map_release(Dhis2Map *m);

/* Read the dataValueSet z[0..n) of zFile through m into rows (empty
** first): each value's cells as a values file holds them.  Refuses
** (-1 and err naming "dataValues[i] (field)") what is not JSON or nested
** too deep, unknown keys, a UID not in m, a period not a year or a
** quarter, a value not a number, and deletions.  Release rows with
** ind_value_rows_release() either way. */
int dhis2_values_parse(const char *zFile, const char *z, size_t n,
                       const Dhis2Map *m, IndValueRows *rows, AppErr *err);

/* Import the dataValueSet z[0..n) of zFile through m into plan zPlan's
** values as who: dhis2_values_parse(), then ind_value_rows_import().  0,
** or -1 with err and nothing written. */
int dhis2_values_import(Store *s, const Actor *who, const char *zPlan,
                        const char *zFile, const char *z, size_t n,
                        const Dhis2Map *m, IndImportStats *st, AppErr *err);

/* Append the values aV[0..nV) of indicators a[0..n) as a dataValueSet
** JSON through m to b; values of indicators m does not name are left
** out and counted in *pnSkipped.  0, or -1 and err naming the value
** whose breakdown or organisation unit m lacks. */
int dhis2_values_write(const Dhis2Map *m, const Indicator *a, size_t n,
                       const IndValue *aV, size_t nV, Buf *b, size_t *pnSkipped,
                       AppErr *err);

#endif
