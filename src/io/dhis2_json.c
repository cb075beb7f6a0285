/*
** dhis2_json.c — DHIS2 dataValueSets and their mapping file (see
** dhis2_json.h and docs/formats/dhis2.md).
**
** Both files are read with jansson after model_json_depth_at() has bounded
** their nesting (jansson recurses per level), every member checked by
** type and against the keys the format knows.  The values' own rules are
** not here: a dataValue becomes the cells of a values file, and the
** values import (io/indicators_csv.c) checks them as it checks a CSV
** file, naming the dataValue and the DHIS2 field instead of a line and a
** column.
*/
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dhis2_json.h"
#include "model_json.h"
#include "../base/base.h"
#include "../base/limits.h"
#include "../core/gazetteer.h"
#include "../base/banned.h"

/* The DHIS2 field a values file's column comes from, for messages. */
static const char *const azValueField[IND_VC_NCOL] = {
    [IND_VC_INDICATOR] = "dataElement",
    [IND_VC_REVISION] = "dataElement",
    [IND_VC_PERIOD] = "period",
    [IND_VC_SEX] = "categoryOptionCombo",
    [IND_VC_DIMENSION] = "categoryOptionCombo",
    [IND_VC_CODE] = "categoryOptionCombo",
    [IND_VC_VALUE] = "value",
    [IND_VC_NUMERATOR] = "value",
    [IND_VC_DENOMINATOR] = "value",
    [IND_VC_SOURCE] = "comment",
    [IND_VC_STATE] = "value",
    [IND_VC_DEFINITION] = "dataElement",
};

/* A DHIS2 UID: eleven letters and digits, the first a letter. */
static int
dhis2_uid_ok(const char *z)
{
    size_t i = 0;
    for (; z[i]; i++) {
        char c = z[i];
        int bAlpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!bAlpha && (i == 0 || c < '0' || c > '9')) {
            return 0;
        }
    }
    return i == 11;
}

/* "cannot V 'F': ELEM[i] (field): MSG".  Returns -1. */
static int fail(AppErr *err, const char *zVerb, const char *zFile,
                const char *zElem, size_t i, const char *zField,
                const char *zFmt, ...) __attribute__((format(printf, 7, 8)));

static int
fail(AppErr *err, const char *zVerb, const char *zFile, const char *zElem,
     size_t i, const char *zField, const char *zFmt, ...)
{
    char zMsg[768];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zMsg, sizeof zMsg, zFmt, ap);
    va_end(ap);
    if (zField) {
        return apperr_set(err, APPERR_INPUT, "cannot %s '%s': %s[%zu] (%s): %s",
                          zVerb, zFile, zElem, i, zField, zMsg);
    }
    return apperr_set(err, APPERR_INPUT, "cannot %s '%s': %s[%zu]: %s", zVerb,
                      zFile, zElem, i, zMsg);
}

/* Parse z[0..n) as one JSON object, nesting bounded.  NULL and err. */
static json_t *
load_object(const char *zVerb, const char *zFile, const char *z, size_t n,
            AppErr *err)
{
    int iLine, iCol;
    if (model_json_depth_at(z, n, LIMIT_JSON_DEPTH, &iLine, &iCol)) {
        apperr_set(err, APPERR_INPUT,
                   "cannot %s '%s': line %d, column %d: nested deeper than "
                   "%u levels (LIMIT_JSON_DEPTH)",
                   zVerb, zFile, iLine, iCol, LIMIT_JSON_DEPTH);
        return NULL;
    }
    json_error_t jerr;
    json_t *root = json_loadb(z, n, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        apperr_set(err, APPERR_INPUT, "cannot %s '%s': line %d, column %d: %s",
                   zVerb, zFile, jerr.line, jerr.column, jerr.text);
        return NULL;
    }
    if (!json_is_object(root)) {
        apperr_set(err, APPERR_INPUT, "cannot %s '%s': not a JSON object",
                   zVerb, zFile);
        json_decref(root);
        return NULL;
    }
    return root;
}

/* String member zKey of o, or NULL when absent; *pbBad when present but
** not a string (or longer than a field may be). */
static const char *
member_text(json_t *o, const char *zKey, int *pbBad)
{
    json_t *v = json_object_get(o, zKey);
    *pbBad = 0;
    if (!v) {
        return NULL;
    }
    if (!json_is_string(v) || json_string_length(v) > LIMIT_FIELD_BYTES ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        *pbBad = 1;
        return NULL;
    }
    return json_string_value(v);
}

/* ---- the mapping file ---------------------------------------------- */

#define MAP_VERB "read mapping"

/* Member zKey of entry i of list zList as text, required unless bOptional;
** *pz a copy.  0, or -1 after fail(). */
/* Entry i of list zElem of file zFile must be an object holding only the
** keys azKnown (NULL-terminated): 0, or the refusal ("not an object",
** "unknown key (the known ones)") naming it. */
static int
entry_check(const char *zVerb, const char *zFile, const char *zElem, size_t i,
            json_t *o, const char *const *azKnown, AppErr *err)
{
    if (!json_is_object(o)) {
        return fail(err, zVerb, zFile, zElem, i, NULL, "not an object");
    }
    const char *zBad = json_unknown_key(o, azKnown);
    if (!zBad) {
        return 0;
    }
    Buf known = BUF_INIT;
    for (const char *const *p = azKnown; *p; p++) {
        buf_printf(&known, "%s%s", p == azKnown ? "" : ", ", *p);
    }
    int rc = fail(err, zVerb, zFile, zElem, i, zBad, "unknown key (%s)",
                  buf_str(&known));
    buf_release(&known);
    return rc;
}

static int
map_text(const Dhis2Map *m, json_t *o, const char *zList, size_t i,
         const char *zKey, int bOptional, char **pz, AppErr *err)
{
    int bBad;
    const char *z = member_text(o, zKey, &bBad);
    *pz = NULL;
    if (bBad) {
        return fail(err, MAP_VERB, m->zFile, zList, i, zKey, "not a string");
    }
    if (!z || !*z) {
        return bOptional
                   ? 0
                   : fail(err, MAP_VERB, m->zFile, zList, i, zKey, "needed");
    }
    if (strcmp(zKey, "id") == 0 && !dhis2_uid_ok(z)) {
        return fail(err, MAP_VERB, m->zFile, zList, i, zKey,
                    "'%s' is not a DHIS2 identifier (11 letters and digits, "
                    "the first a letter)",
                    z);
    }
    *pz = xstrdup(z);
    return 0;
}

static int
map_elements(Dhis2Map *m, json_t *a, AppErr *err)
{
    static const char *const azKey[] = { "indicator", "revision", "id", NULL };
    const char *zList = "dataElements";
    size_t i;
    json_t *o;
    json_array_foreach(a, i, o)
    {
        if (entry_check(MAP_VERB, m->zFile, zList, i, o, azKey, err)) {
            return -1;
        }
        m->aElem = xreallocarray(m->aElem, m->nElem + 1, sizeof *m->aElem);
        Dhis2Element *e = &m->aElem[m->nElem++];
        memset(e, 0, sizeof *e);
        if (map_text(m, o, zList, i, "indicator", 0, &e->zIndicator, err) ||
            map_text(m, o, zList, i, "id", 0, &e->zId, err)) {
            return -1;
        }
        json_t *r = json_object_get(o, "revision");
        if (r && (!json_is_integer(r) || json_integer_value(r) < 1 ||
                  json_integer_value(r) > 1000)) {
            return fail(err, MAP_VERB, m->zFile, zList, i, "revision",
                        "not a revision number (1, 2...)");
        }
        e->iRev = r ? (int)json_integer_value(r) : 0;
        for (size_t j = 0; j + 1 < m->nElem; j++) {
            /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): map_text() set it or failed */
            if (strcmp(m->aElem[j].zId, e->zId) == 0) {
                return fail(err, MAP_VERB, m->zFile, zList, i, "id",
                            "'%s' maps %s[%zu] already", e->zId, zList, j);
            }
            /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): map_text() set it or failed */
            if (strcmp(m->aElem[j].zIndicator, e->zIndicator) == 0 &&
                (m->aElem[j].iRev == e->iRev || !m->aElem[j].iRev ||
                 !e->iRev)) {
                return fail(err, MAP_VERB, m->zFile, zList, i, "indicator",
                            "indicator %s is mapped by %s[%zu] already",
                            e->zIndicator, zList, j);
            }
        }
    }
    return 0;
}

static int
map_combos(Dhis2Map *m, json_t *a, AppErr *err)
{
    static const char *const azKey[] = { "sex", "dimension", "code", "id",
                                         NULL };
    const char *zList = "categoryOptionCombos";
    size_t i;
    json_t *o;
    json_array_foreach(a, i, o)
    {
        if (entry_check(MAP_VERB, m->zFile, zList, i, o, azKey, err)) {
            return -1;
        }
        m->aCombo = xreallocarray(m->aCombo, m->nCombo + 1, sizeof *m->aCombo);
        Dhis2Combo *c = &m->aCombo[m->nCombo++];
        memset(c, 0, sizeof *c);
        c->eDim = IND_DIM_COUNT;
        char *zSex = NULL, *zDim = NULL;
        int rc = map_text(m, o, zList, i, "id", 0, &c->zId, err) ||
                 map_text(m, o, zList, i, "sex", 1, &zSex, err) ||
                 map_text(m, o, zList, i, "dimension", 1, &zDim, err) ||
                 map_text(m, o, zList, i, "code", 1, &c->zCode, err);
        c->eSex = STAT_TOTAL;
        if (!rc && zSex && (c->eSex = code_index(CODE_STAT_SEX, zSex)) < 0) {
            rc = fail(err, MAP_VERB, m->zFile, zList, i, "sex",
                      "unknown sex '%s' (women, men or total)", zSex);
        }
        if (!rc && zDim) {
            int e = code_index(CODE_IND_DIM, zDim);
            if (e < 0 || e == IND_DIM_SEX || e == IND_DIM_PROVINCE) {
                rc = fail(err, MAP_VERB, m->zFile, zList, i, "dimension",
                          "'%s' is not destination, channel or sector "
                          "(provinces are orgUnits)",
                          zDim);
            } else {
                c->eDim = (IndDim)e;
            }
        }
        if (!rc && (c->eDim == IND_DIM_COUNT) != (c->zCode == NULL)) {
            rc = fail(err, MAP_VERB, m->zFile, zList, i,
                      c->zCode ? "dimension" : "code",
                      "a dimension and its code go together");
        }
        if (!rc && c->eDim == IND_DIM_DESTINATION &&
            !gaz_find_code(GAZ_COUNTRY, c->zCode, &(GazPlace){ 0 })) {
            rc = fail(err, MAP_VERB, m->zFile, zList, i, "code",
                      "'%s' is not a country's ISO 3166-1 code", c->zCode);
        }
        if (!rc && c->eDim == IND_DIM_CHANNEL) {
            int iCh = code_index(CODE_STAT_CHANNEL, c->zCode);
            if (iCh < 0) {
                rc = fail(err, MAP_VERB, m->zFile, zList, i, "code",
                          "unknown channel '%s' (mou, "
                          "nationality_verification, seasonal, one_stop, "
                          "other)",
                          c->zCode);
            } else {
                free(c->zCode);
                c->zCode = xstrdup(
                    code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[iCh].zKey);
            }
        }
        free(zSex);
        free(zDim);
        if (rc) {
            return -1;
        }
        for (size_t j = 0; j + 1 < m->nCombo; j++) {
            const Dhis2Combo *d = &m->aCombo[j];
            /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): map_text() set it or failed */
            if (strcmp(d->zId, c->zId) == 0) {
                return fail(err, MAP_VERB, m->zFile, zList, i, "id",
                            "'%s' maps %s[%zu] already", c->zId, zList, j);
            }
            if (d->eSex == c->eSex && d->eDim == c->eDim &&
                (!d->zCode || strcmp(d->zCode, c->zCode) == 0)) {
                return fail(err, MAP_VERB, m->zFile, zList, i, NULL,
                            "the same sex and breakdown as %s[%zu]", zList, j);
            }
        }
    }
    return 0;
}

static int
map_units(Dhis2Map *m, json_t *a, AppErr *err)
{
    static const char *const azKey[] = { "place", "organisation", "id", NULL };
    const char *zList = "orgUnits";
    size_t i;
    json_t *o;
    json_array_foreach(a, i, o)
    {
        if (entry_check(MAP_VERB, m->zFile, zList, i, o, azKey, err)) {
            return -1;
        }
        m->aUnit = xreallocarray(m->aUnit, m->nUnit + 1, sizeof *m->aUnit);
        Dhis2Unit *u = &m->aUnit[m->nUnit++];
        memset(u, 0, sizeof *u);
        if (map_text(m, o, zList, i, "id", 0, &u->zId, err) ||
            map_text(m, o, zList, i, "place", 1, &u->zPlace, err) ||
            map_text(m, o, zList, i, "organisation", 1, &u->zOrg, err)) {
            return -1;
        }
        if ((u->zPlace == NULL) == (u->zOrg == NULL)) {
            return fail(err, MAP_VERB, m->zFile, zList, i, "place",
                        "an orgUnit is a place or an organisation, one of "
                        "the two");
        }
        if (u->zPlace && strcmp(u->zPlace, "KH") != 0 &&
            !gaz_find_code(GAZ_PROVINCE, u->zPlace, &(GazPlace){ 0 })) {
            return fail(err, MAP_VERB, m->zFile, zList, i, "place",
                        "'%s' is neither Cambodia (KH) nor a province's "
                        "code (KH-12)",
                        u->zPlace);
        }
        for (size_t j = 0; j + 1 < m->nUnit; j++) {
            const Dhis2Unit *d = &m->aUnit[j];
            /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): map_text() set it or failed */
            if (strcmp(d->zId, u->zId) == 0) {
                return fail(err, MAP_VERB, m->zFile, zList, i, "id",
                            "'%s' maps %s[%zu] already", u->zId, zList, j);
            }
            if ((u->zPlace && d->zPlace && !strcmp(u->zPlace, d->zPlace)) ||
                (u->zOrg && d->zOrg && !strcmp(u->zOrg, d->zOrg))) {
                return fail(err, MAP_VERB, m->zFile, zList, i,
                            u->zPlace ? "place" : "organisation",
                            "mapped by %s[%zu] already", zList, j);
            }
        }
    }
    return 0;
}

int
dhis2_map_read(const char *zFile, const char *z, size_t n, Dhis2Map *m,
               AppErr *err)
{
    static const char *const azKey[] = { "lmpmon",
                                         "dataSet",
                                         "attributeOptionCombo",
                                         "dataElements",
                                         "categoryOptionCombos",
                                         "orgUnits",
                                         NULL };
    m->zFile = xstrdup(zFile);
    json_t *root = load_object(MAP_VERB, zFile, z, n, err);
    if (!root) {
        return -1;
    }
    int rc = -1;
    const char *zBad = json_unknown_key(root, azKey);
    if (zBad) {
        apperr_set(err, APPERR_INPUT, "cannot %s '%s': unknown key '%s'",
                   MAP_VERB, zFile, zBad);
        goto out;
    }
    static const char *const azList[] = { "dataElements",
                                          "categoryOptionCombos", "orgUnits" };
    json_t *aList[3];
    for (int i = 0; i < 3; i++) {
        aList[i] = json_object_get(root, azList[i]);
        if (!json_is_array(aList[i])) {
            apperr_set(err, APPERR_INPUT,
                       "cannot %s '%s': %s: an array is needed", MAP_VERB,
                       zFile, azList[i]);
            goto out;
        }
    }
    static const char *const azText[] = { "dataSet", "attributeOptionCombo" };
    char **apz[] = { &m->zDataSet, &m->zAttrCombo };
    for (int i = 0; i < 2; i++) {
        int bBad;
        const char *zId = member_text(root, azText[i], &bBad);
        if (bBad || (zId && !dhis2_uid_ok(zId))) {
            apperr_set(err, APPERR_INPUT,
                       "cannot %s '%s': %s: not a DHIS2 identifier (11 "
                       "letters and digits, the first a letter)",
                       MAP_VERB, zFile, azText[i]);
            goto out;
        }
        *apz[i] = zId ? xstrdup(zId) : NULL;
    }
    rc = map_elements(m, aList[0], err) || map_combos(m, aList[1], err) ||
                 map_units(m, aList[2], err)
             ? -1
             : 0;
out:
    json_decref(root);
    return rc;
}

void
dhis2_map_release(Dhis2Map *m)
{
    for (size_t i = 0; i < m->nElem; i++) {
        free(m->aElem[i].zIndicator);
        free(m->aElem[i].zId);
    }
    for (size_t i = 0; i < m->nCombo; i++) {
        free(m->aCombo[i].zCode);
        free(m->aCombo[i].zId);
    }
    for (size_t i = 0; i < m->nUnit; i++) {
        free(m->aUnit[i].zPlace);
        free(m->aUnit[i].zOrg);
        free(m->aUnit[i].zId);
    }
    free(m->aElem);
    free(m->aCombo);
    free(m->aUnit);
    free(m->zFile);
    free(m->zDataSet);
    free(m->zAttrCombo);
    memset(m, 0, sizeof *m);
}

/* ---- dataValueSets in ---------------------------------------------- */

#define DV "dataValues"

/* Replace cell c of row az by a copy of z. */
static void
set_cell(char **az, int c, const char *z)
{
    free(az[c]);
    az[c] = xstrdup(z);
}

/* A DHIS2 period as lmpmon's: a year and a quarter are the same text.
** 0, or -1 after fail(). */
static int
read_period(const char *zFile, size_t i, const char *z, char **az, AppErr *err)
{
    size_t n = strlen(z);
    int bDigits = n >= 4;
    for (size_t j = 0; j < 4 && j < n; j++) {
        bDigits &= z[j] >= '0' && z[j] <= '9';
    }
    if (bDigits && (n == 4 || (n == 6 && z[4] == 'Q'))) {
        set_cell(az, IND_VC_PERIOD, z);
        return 0;
    }
    if (bDigits && n == 6 && z[4] >= '0' && z[4] <= '1' && z[5] >= '0' &&
        z[5] <= '9') {
        return fail(err, "import", zFile, DV, i, "period",
                    "'%s' is a month: indicator values are by year (2019) or "
                    "quarter (2019Q3)",
                    z);
    }
    return fail(err, "import", zFile, DV, i, "period",
                "'%s' is not a DHIS2 period of a year (2019) or a quarter "
                "(2019Q3)",
                z);
}

/* One dataValue o (index i) into a new row of rows; zPeriod and zUnit
** the set's defaults (NULL when none). */
static int
read_value(const char *zFile, size_t i, json_t *o, const Dhis2Map *m,
           const char *zPeriod, const char *zUnit, IndValueRows *rows,
           AppErr *err)
{
    static const char *const azKey[] = { "dataElement",
                                         "period",
                                         "orgUnit",
                                         "categoryOptionCombo",
                                         "value",
                                         "comment",
                                         "storedBy",
                                         "created",
                                         "lastUpdated",
                                         "followup",
                                         "attributeOptionCombo",
                                         "deleted",
                                         NULL };
    static const char *const azText[] = {
        "dataElement",         "period",  "orgUnit",
        "categoryOptionCombo", "comment", "attributeOptionCombo"
    };

    enum { T_DE, T_PERIOD, T_OU, T_COC, T_COMMENT, T_AOC, T_N };

    const char *az[T_N];
    if (entry_check("import", zFile, DV, i, o, azKey, err)) {
        return -1;
    }
    for (int t = 0; t < T_N; t++) {
        int bBad;
        az[t] = member_text(o, azText[t], &bBad);
        if (bBad) {
            return fail(err, "import", zFile, DV, i, azText[t], "not a string");
        }
    }
    az[T_PERIOD] = az[T_PERIOD] ? az[T_PERIOD] : zPeriod;
    az[T_OU] = az[T_OU] ? az[T_OU] : zUnit;
    json_t *del = json_object_get(o, "deleted");
    if (json_is_true(del)) {
        return fail(err, "import", zFile, DV, i, "deleted",
                    "deleted values are not imported");
    }
    for (int t = T_DE; t <= T_COC; t++) {
        if (!az[t] || !*az[t]) {
            return fail(err, "import", zFile, DV, i, azText[t], "needed");
        }
    }
    char **row = ind_value_rows_add(rows);
    /* dataElement: an indicator (and revision) of the mapping. */
    const Dhis2Element *e = NULL;
    for (size_t j = 0; j < m->nElem && !e; j++) {
        e = strcmp(m->aElem[j].zId, az[T_DE]) == 0 ? &m->aElem[j] : NULL;
    }
    if (!e) {
        return fail(err, "import", zFile, DV, i, "dataElement", "'%s' is %s",
                    az[T_DE],
                    dhis2_uid_ok(az[T_DE]) ? "not a data element of the mapping"
                                           : "not a DHIS2 identifier");
    }
    set_cell(row, IND_VC_INDICATOR, e->zIndicator);
    if (e->iRev) {
        char zRev[16];
        (void)snprintf(zRev, sizeof zRev, "%d", e->iRev);
        set_cell(row, IND_VC_REVISION, zRev);
    }
    if (read_period(zFile, i, az[T_PERIOD], row, err)) {
        return -1;
    }
    /* orgUnit: a province breaks the value down; the country and an
    ** organisation do not. */
    const Dhis2Unit *u = NULL;
    for (size_t j = 0; j < m->nUnit && !u; j++) {
        u = strcmp(m->aUnit[j].zId, az[T_OU]) == 0 ? &m->aUnit[j] : NULL;
    }
    if (!u) {
        return fail(
            err, "import", zFile, DV, i, "orgUnit", "'%s' is %s", az[T_OU],
            dhis2_uid_ok(az[T_OU]) ? "not an organisation unit of the mapping"
                                   : "not a DHIS2 identifier");
    }
    const Dhis2Combo *c = NULL;
    for (size_t j = 0; j < m->nCombo && !c; j++) {
        c = strcmp(m->aCombo[j].zId, az[T_COC]) == 0 ? &m->aCombo[j] : NULL;
    }
    if (!c) {
        return fail(err, "import", zFile, DV, i, "categoryOptionCombo",
                    "'%s' is %s", az[T_COC],
                    dhis2_uid_ok(az[T_COC])
                        ? "not a category option combination of the mapping"
                        : "not a DHIS2 identifier");
    }
    set_cell(row, IND_VC_SEX,
             code_table(CODE_STAT_SEX, &(size_t){ 0 })[c->eSex].zKey);
    int bProvince = u->zPlace && strcmp(u->zPlace, "KH") != 0;
    if (bProvince && c->eDim != IND_DIM_COUNT) {
        return fail(err, "import", zFile, DV, i, "categoryOptionCombo",
                    "a value has one breakdown besides sex, and orgUnit "
                    "names province %s already",
                    u->zPlace);
    }
    if (bProvince) {
        set_cell(row, IND_VC_DIMENSION, "province");
        set_cell(row, IND_VC_CODE, u->zPlace);
        rows->azCodeField[rows->nRow - 1] = "orgUnit";
    } else if (c->eDim != IND_DIM_COUNT) {
        set_cell(row, IND_VC_DIMENSION,
                 code_table(CODE_IND_DIM, &(size_t){ 0 })[c->eDim].zKey);
        set_cell(row, IND_VC_CODE, c->zCode);
    }
    if (az[T_AOC] && m->zAttrCombo && strcmp(az[T_AOC], m->zAttrCombo) != 0) {
        return fail(err, "import", zFile, DV, i, "attributeOptionCombo",
                    "'%s' is not the mapping's (%s)", az[T_AOC], m->zAttrCombo);
    }
    /* value: DHIS2 writes numbers as strings; a JSON number is taken. */
    json_t *v = json_object_get(o, "value");
    char zNum[64];
    if (json_is_string(v) && json_string_length(v) < sizeof zNum &&
        strlen(json_string_value(v)) == json_string_length(v)) {
        set_cell(row, IND_VC_VALUE, json_string_value(v));
    } else if (json_is_integer(v)) {
        (void)snprintf(zNum, sizeof zNum, "%lld",
                       (long long)json_integer_value(v));
        set_cell(row, IND_VC_VALUE, zNum);
    } else if (json_is_real(v)) {
        ind_number_text(json_real_value(v), zNum, sizeof zNum);
        set_cell(row, IND_VC_VALUE, zNum);
    } else {
        return fail(err, "import", zFile, DV, i, "value",
                    v ? "not a number" : "needed");
    }
    double x;
    if (ind_number_parse(row[IND_VC_VALUE], &x)) {
        return fail(err, "import", zFile, DV, i, "value",
                    "'%s' is not a number (write 45.5, not 45,5 or 45%%)",
                    row[IND_VC_VALUE]);
    }
    if (az[T_COMMENT]) {
        set_cell(row, IND_VC_SOURCE, az[T_COMMENT]);
    }
    return 0;
}

int
dhis2_values_parse(const char *zFile, const char *z, size_t n,
                   const Dhis2Map *m, IndValueRows *rows, AppErr *err)
{
    static const char *const azKey[] = {
        DV,       "dataSet", "completeDate",
        "period", "orgUnit", "attributeOptionCombo",
        NULL
    };
    rows->zElem = DV;
    rows->azField = azValueField;
    json_t *root = load_object("import", zFile, z, n, err);
    if (!root) {
        return -1;
    }
    int rc = -1;
    const char *zBad = json_unknown_key(root, azKey);
    json_t *a = json_object_get(root, DV);
    int bBadP, bBadU;
    const char *zPeriod = member_text(root, "period", &bBadP);
    const char *zUnit = member_text(root, "orgUnit", &bBadU);
    if (zBad) {
        apperr_set(err, APPERR_INPUT, "cannot import '%s': unknown key '%s'",
                   zFile, zBad);
    } else if (!json_is_array(a)) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': " DV ": an array is needed", zFile);
    } else if (bBadP || bBadU) {
        apperr_set(err, APPERR_INPUT, "cannot import '%s': %s: not a string",
                   zFile, bBadP ? "period" : "orgUnit");
    } else {
        size_t i;
        json_t *o;
        rc = 0;
        json_array_foreach(a, i, o)
        {
            if (read_value(zFile, i, o, m, zPeriod, zUnit, rows, err)) {
                rc = -1;
                break;
            }
        }
    }
    json_decref(root);
    return rc;
}

int
dhis2_values_import(Store *s, const Actor *who, const char *zPlan,
                    const char *zFile, const char *z, size_t n,
                    const Dhis2Map *m, IndImportStats *st, AppErr *err)
{
    IndValueRows rows;
    memset(&rows, 0, sizeof rows);
    memset(st, 0, sizeof *st);
    int rc = dhis2_values_parse(zFile, z, n, m, &rows, err) ||
                     ind_value_rows_import(s, who, zPlan, zFile, &rows, st, err)
                 ? -1
                 : 0;
    ind_value_rows_release(&rows);
    return rc;
}

/* ---- dataValueSets out --------------------------------------------- */

int
dhis2_values_write(const Dhis2Map *m, const Indicator *a, size_t n,
                   const IndValue *aV, size_t nV, Buf *b, size_t *pnSkipped,
                   AppErr *err)
{
    json_t *root = json_object();
    json_t *arr = json_array();
    int rc = 0;
    *pnSkipped = 0;
    if (m->zDataSet) {
        json_object_set_new(root, "dataSet", json_string(m->zDataSet));
    }
    for (size_t i = 0; i < nV && rc == 0; i++) {
        const IndValue *v = &aV[i];
        const Dhis2Element *e = NULL;
        for (size_t j = 0; j < m->nElem; j++) {
            const Dhis2Element *f = &m->aElem[j];
            if (strcmp(f->zIndicator, v->zCode) == 0 &&
                (f->iRev == 0 || f->iRev == v->iRev)) {
                e = f;
            }
        }
        if (!e) {
            ++*pnSkipped;
            continue;
        }
        const Indicator *p = NULL;
        for (size_t j = 0; j < n && !p; j++) {
            p = a[j].iRev == v->iRev && strcmp(a[j].zCode, v->zCode) == 0
                    ? &a[j]
                    : NULL;
        }
        /* The province's unit, else the organisation's, else the
        ** country's. */
        const Dhis2Unit *u = NULL;
        int bProvince = v->eDim == IND_DIM_PROVINCE;
        for (size_t j = 0; j < m->nUnit && !u; j++) {
            const Dhis2Unit *w = &m->aUnit[j];
            if (bProvince
                    ? w->zPlace && !strcmp(w->zPlace, v->zDimCode)
                    : p && p->zOrg && w->zOrg && !strcmp(w->zOrg, p->zOrg)) {
                u = w;
            }
        }
        for (size_t j = 0; j < m->nUnit && !u && !bProvince; j++) {
            u = m->aUnit[j].zPlace && !strcmp(m->aUnit[j].zPlace, "KH")
                    ? &m->aUnit[j]
                    : NULL;
        }
        const Dhis2Combo *c = NULL;
        for (size_t j = 0; j < m->nCombo && !c; j++) {
            const Dhis2Combo *d = &m->aCombo[j];
            int bDim =
                bProvince || v->eDim == IND_DIM_COUNT
                    ? d->eDim == IND_DIM_COUNT
                    : d->eDim == v->eDim && strcmp(d->zCode, v->zDimCode) == 0;
            c = d->eSex == v->eSex && bDim ? d : NULL;
        }
        const char *zSex =
            code_table(CODE_STAT_SEX, &(size_t){ 0 })[v->eSex].zKey;
        if (!u) {
            rc = apperr_set(err, APPERR_INPUT,
                            "cannot export indicator %s, %s, %s: the mapping "
                            "'%s' has no orgUnit for %s",
                            v->zCode, v->zPeriod, zSex, m->zFile,
                            bProvince ? v->zDimCode
                            : p && p->zOrg
                                ? "its organisation nor for Cambodia (KH)"
                                : "Cambodia (place KH)");
        } else if (!c) {
            rc = apperr_set(
                err, APPERR_INPUT,
                "cannot export indicator %s, %s, %s: the mapping '%s' has "
                "no categoryOptionCombo for sex %s%s%s%s",
                v->zCode, v->zPeriod, zSex, m->zFile, zSex,
                bProvince || v->eDim == IND_DIM_COUNT ? "" : " and ",
                bProvince || v->eDim == IND_DIM_COUNT
                    ? ""
                    : code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zKey,
                bProvince || v->eDim == IND_DIM_COUNT ? "" : " code");
        } else {
            char zVal[48];
            ind_number_text(v->value, zVal, sizeof zVal);
            json_t *o = json_object();
            json_object_set_new(o, "dataElement", json_string(e->zId));
            json_object_set_new(o, "period", json_string(v->zPeriod));
            json_object_set_new(o, "orgUnit", json_string(u->zId));
            json_object_set_new(o, "categoryOptionCombo", json_string(c->zId));
            if (m->zAttrCombo) {
                json_object_set_new(o, "attributeOptionCombo",
                                    json_string(m->zAttrCombo));
            }
            json_object_set_new(o, "value", json_string(zVal));
            if (v->zSource) {
                json_object_set_new(o, "comment", json_string(v->zSource));
            }
            json_array_append_new(arr, o);
        }
    }
    json_object_set_new(root, DV, arr);
    if (rc == 0) {
        char *z = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        buf_puts(b, z ? z : "{}");
        buf_putc(b, '\n');
        free(z);
    }
    json_decref(root);
    return rc;
}
