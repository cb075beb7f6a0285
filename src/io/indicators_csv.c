/*
** indicators_csv.c — indicators and their values in and out of CSV (see
** indicators_csv.h and docs/formats/indicators-csv.md).
**
** Reading maps the header onto the kind's table of columns, then turns
** each row into core's record, every cell checked and the first bad one
** named with its line, column and field; the record's own rules are
** core's (indicator_check(), ind_value_check(), ind_check_sex_sum()).
** Writing goes through the store's puts, which compare with what is
** stored, so an unchanged row writes nothing.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicators_csv.h"
#include "csv.h"
#include "../base/base.h"
#include "../core/gazetteer.h"
#include "../core/names.h"
#include "../core/orgdir.h"
#include "../base/banned.h"

typedef CsvColumn Col;

enum {
    IC_CODE = 0,
    IC_GOAL,
    IC_DEFINITION,
    IC_UNIT,
    IC_DIRECTION,
    IC_BASELINE,
    IC_BASELINE_YEAR,
    IC_TARGETS,
    IC_DISAGG,
    IC_VERIFICATION,
    IC_ORG,
    IC_COMPUTED,
    IC_REVISION,
    IC_EFFECTIVE,
    IC_REASON,
    IC_NCOL
};

#define IND_NCOL_MAX 16

static const Col aIndCol[IC_NCOL] = {
    [IC_CODE] = { "code", 1 },
    [IC_GOAL] = { "goal", 1 },
    [IC_DEFINITION] = { "definition", 1 },
    [IC_UNIT] = { "unit", 1 },
    [IC_DIRECTION] = { "direction", 0 },
    [IC_BASELINE] = { "baseline", 0 },
    [IC_BASELINE_YEAR] = { "baseline_year", 0 },
    [IC_TARGETS] = { "targets", 0 },
    [IC_DISAGG] = { "disaggregation", 0 },
    [IC_VERIFICATION] = { "verification", 0 },
    [IC_ORG] = { "organisation", 0 },
    [IC_COMPUTED] = { "computed", 0 },
    [IC_REVISION] = { "revision", 0 },
    [IC_EFFECTIVE] = { "effective", 0 },
    [IC_REASON] = { "reason", 0 },
};

static const Col aValueCol[IND_VC_NCOL] = {
    [IND_VC_INDICATOR] = { "indicator", 1 },
    [IND_VC_REVISION] = { "revision", 0 },
    [IND_VC_PERIOD] = { "period", 1 },
    [IND_VC_SEX] = { "sex", 0 },
    [IND_VC_DIMENSION] = { "dimension", 0 },
    [IND_VC_CODE] = { "code", 0 },
    [IND_VC_VALUE] = { "value", 1 },
    [IND_VC_NUMERATOR] = { "numerator", 0 },
    [IND_VC_DENOMINATOR] = { "denominator", 0 },
    [IND_VC_SOURCE] = { "source", 0 },
    [IND_VC_STATE] = { "state", 0 },
    [IND_VC_DEFINITION] = { "definition", 0 },
};

typedef struct Reader {
    IndFileKind k;
    const char *zFile;
    AppErr *err;
    CsvRecord rec;
    int aiCol[IND_NCOL_MAX]; /* file column of each of ours, or -1 */
    const Col *aCol;
    int nCol;
    Model m;
    Plan *p;
    OrgDir *pDir;
    Gazetteer *pGaz;
    Indicator *aInd; /* the plan's revisions, as stored */
    size_t nInd;
    IndValue *aOld; /* their values, as stored */
    size_t nOld;
    const Actor *who;
    const IndValueRows *pRows; /* rows of another file kind, or NULL */
} Reader;

static void value_key(const IndValue *v, int bSex, Buf *b);

static const char *
cell(const Reader *r, int c)
{
    int i = r->aiCol[c];
    return i >= 0 ? r->rec.azField[i] : "";
}

static int bad(Reader *r, int c, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "cannot import 'F': line L, column N (field): ...".  Returns -1. */
static int
bad(Reader *r, int c, const char *zFmt, ...)
{
    char zMsg[768];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zMsg, sizeof zMsg, zFmt, ap);
    va_end(ap);
    if (r->pRows) {
        const IndValueRows *p = r->pRows;
        int i = r->rec.iLine;
        const char *zField = c == IND_VC_CODE || c == IND_VC_DIMENSION
                                 ? p->azCodeField[i]
                                 : p->azField[c];
        return apperr_set(r->err, APPERR_INPUT,
                          "cannot import '%s': %s[%d] (%s): %s", r->zFile,
                          p->zElem, i, zField, zMsg);
    }
    return csv_cell_error(r->zFile, &r->rec, r->aiCol, r->aCol, c, zMsg,
                          r->err);
}

/* Where row iLine is, for messages: "line 14", or "dataValues[13]". */
static const char *
row_where(const Reader *r, int iLine, char *z, size_t n)
{
    if (r->pRows) {
        (void)snprintf(z, n, "%s[%d]", r->pRows->zElem, iLine);
    } else {
        (void)snprintf(z, n, "line %d", iLine);
    }
    return z;
}

/* As bad(), with core's message left in err (its own code kept). */
static int
bad_err(Reader *r, int c)
{
    char zMsg[1100];
    AppErrCode code = r->err->code;
    (void)snprintf(zMsg, sizeof zMsg, "%s", r->err->zMsg);
    *r->err = (AppErr)APPERR_INIT;
    bad(r, c, "%s", zMsg);
    r->err->code = code == APPERR_OK ? APPERR_INPUT : code;
    return -1;
}

static int
read_header(Reader *r)
{
    for (int c = 0; c < IND_NCOL_MAX; c++) {
        r->aiCol[c] = -1;
    }
    return csv_header_map(r->zFile, &r->rec, r->aCol, r->nCol,
                          r->k == IND_FILE_INDICATORS ? "indicators" : "values",
                          r->aiCol, r->err);
}

/* A code of kind k in column c (keys or labels); -1 after bad(). */
static int
code_cell(Reader *r, int c, CodeKind k, int iDefault, int *pOut)
{
    const char *z = cell(r, c);
    if (!*z) {
        *pOut = iDefault;
        return iDefault < 0 ? bad(r, c, "needed") : 0;
    }
    int i = code_index(k, z);
    if (i < 0) {
        size_t n;
        const CodeName *a = code_table(k, &n);
        Buf b = BUF_INIT;
        for (size_t j = 0; j < n; j++) {
            buf_printf(&b, "%s%s", j ? ", " : "", a[j].zKey);
        }
        bad(r, c, "unknown value '%s' (accepted: %s)", z, buf_str(&b));
        buf_release(&b);
        return -1;
    }
    *pOut = i;
    return 0;
}

static int
number_cell(Reader *r, int c, double *pOut)
{
    if (ind_number_parse(cell(r, c), pOut)) {
        return bad(r, c, "'%s' is not a number (write 45.5, not 45,5 or 45%%)",
                   cell(r, c));
    }
    return 0;
}

static int
count_cell(Reader *r, int c, int64_t *pOut)
{
    const char *z = cell(r, c);
    long v;
    if (!*z) {
        *pOut = -1;
        return 0;
    }
    if (str_to_long(z, 0, 2000000000L, &v)) {
        return bad(r, c, "'%s' is not a whole number >= 0", z);
    }
    *pOut = v;
    return 0;
}

const Indicator *
ind_find(const Indicator *a, size_t n, const char *zCode, int iRev)
{
    const Indicator *pBest = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(a[i].zCode, zCode) != 0) {
            continue;
        }
        if (iRev ? a[i].iRev == iRev : !pBest || a[i].iRev > pBest->iRev) {
            pBest = &a[i];
        }
    }
    return pBest;
}

/* An indicator code of the plan, or bad() with the closest ones. */
static const Indicator *
resolve_indicator(Reader *r, int c, int iRev)
{
    const char *z = cell(r, c);
    const Indicator *p = ind_find(r->aInd, r->nInd, z, 0);
    if (p && iRev) {
        const Indicator *pRev = ind_find(r->aInd, r->nInd, z, iRev);
        if (!pRev) {
            bad(r, IND_VC_REVISION,
                "indicator %s has no revision %d (newest: %d)", z, iRev,
                p->iRev);
        }
        return pRev;
    }
    if (!p) {
        NameIndex *d = names_new(str_fold);
        for (size_t i = 0; i < r->nInd; i++) {
            /* Each code once, though it has several revisions. */
            if (i == 0 || strcmp(r->aInd[i - 1].zCode, r->aInd[i].zCode) != 0) {
                names_add(d, r->aInd[i].zCode, i, 0);
            }
        }
        Buf b = BUF_INIT;
        names_suggest(d, z, 3, &b);
        bad(r, c, "unknown indicator '%s'%s%s%s", z,
            buf_str(&b)[0] ? " (closest: " : "", buf_str(&b),
            buf_str(&b)[0] ? ")" : "");
        buf_release(&b);
        names_free(d);
    }
    return p;
}

/* One row of an indicators file into *p (owned strings). */
static int
read_indicator(Reader *r, Indicator *p)
{
    int e;
    p->zPlan = xstrdup(r->p->zCode);
    p->zCode = xstrdup(cell(r, IC_CODE));
    const char *zGoal = cell(r, IC_GOAL);
    if (plan_find_node(r->p, zGoal) < 0) {
        return bad(r, IC_GOAL, "no goal '%s' in plan %s", zGoal, r->p->zCode);
    }
    p->zNode = xstrdup(zGoal);
    p->zDefinition = xstrdup(cell(r, IC_DEFINITION));
    if (code_cell(r, IC_UNIT, CODE_IND_UNIT, -1, &e)) {
        return -1;
    }
    p->eUnit = (IndUnit)e;
    if (code_cell(r, IC_DIRECTION, CODE_IND_DIRECTION, IND_INCREASE, &e)) {
        return -1;
    }
    p->eDir = (IndDirection)e;
    if (*cell(r, IC_BASELINE)) {
        long y;
        p->bBaseline = 1;
        if (number_cell(r, IC_BASELINE, &p->baseline)) {
            return -1;
        }
        if (str_to_long(cell(r, IC_BASELINE_YEAR), 1900, 2200, &y)) {
            return bad(r, IC_BASELINE_YEAR,
                       "'%s' is not a year (a baseline "
                       "needs the year it was measured)",
                       cell(r, IC_BASELINE_YEAR));
        }
        p->baselineYear = (int)y;
    }
    if (ind_targets_parse(p, cell(r, IC_TARGETS))) {
        return bad(r, IC_TARGETS,
                   "'%s' is not targets by year "
                   "(2017=50;2018=60)",
                   cell(r, IC_TARGETS));
    }
    if (ind_dims_parse(cell(r, IC_DISAGG), &p->mDim)) {
        return bad(r, IC_DISAGG,
                   "'%s': the disaggregations are sex, "
                   "province, destination, channel and sector, joined by ','",
                   cell(r, IC_DISAGG));
    }
    if (*cell(r, IC_VERIFICATION)) {
        p->zVerification = xstrdup(cell(r, IC_VERIFICATION));
    }
    if (*cell(r, IC_ORG)) {
        const Org *o = orgdir_resolve(r->pDir, cell(r, IC_ORG));
        if (!o) {
            Buf b = BUF_INIT;
            orgdir_suggest(r->pDir, cell(r, IC_ORG), 3, &b);
            bad(r, IC_ORG, "unknown organisation '%s'%s%s%s", cell(r, IC_ORG),
                buf_str(&b)[0] ? " (closest: " : "", buf_str(&b),
                buf_str(&b)[0] ? ")" : "");
            buf_release(&b);
            return -1;
        }
        p->zOrg = xstrdup(o->zAcronym);
    }
    const char *zComp = cell(r, IC_COMPUTED);
    if (ind_computed_parse(zComp, p)) {
        return bad(r, IC_COMPUTED,
                   "'%s' is not no, yes (the complaints register) or "
                   "outreach:KIND;KIND (the people reached by those kinds "
                   "of outreach event: training, meeting, counselling, "
                   "dissemination, consultation, workshop, "
                   "legal_assistance, other)",
                   zComp);
    }
    long rev = 1;
    if (*cell(r, IC_REVISION) &&
        str_to_long(cell(r, IC_REVISION), 1, 1000, &rev)) {
        return bad(r, IC_REVISION, "'%s' is not a revision number",
                   cell(r, IC_REVISION));
    }
    p->iRev = (int)rev;
    if (*cell(r, IC_EFFECTIVE)) {
        p->zEffective = xstrdup(cell(r, IC_EFFECTIVE));
    }
    if (*cell(r, IC_REASON)) {
        p->zReason = xstrdup(cell(r, IC_REASON));
    }
    if (indicator_check(p, r->err)) {
        /* Core names the field first: "target: 120 ..." */
        static const struct {
            const char *zPrefix;
            int c;
        } aField[] = {
            { "code", IC_CODE },
            { "definition", IC_DEFINITION },
            { "baseline year", IC_BASELINE_YEAR },
            { "baseline", IC_BASELINE },
            { "target", IC_TARGETS },
            { "reason", IC_REASON },
            { "disaggregation", IC_DISAGG },
        };

        int c = IC_CODE;
        for (size_t i = 0; i < sizeof aField / sizeof aField[0]; i++) {
            if (strncmp(r->err->zMsg, aField[i].zPrefix,
                        strlen(aField[i].zPrefix)) == 0) {
                c = aField[i].c;
                break;
            }
        }
        return bad_err(r, c);
    }
    return 0;
}

/* One row of a values file into *v (owned strings); *ppInd its revision. */
static int
read_value(Reader *r, IndValue *v, const Indicator **ppInd)
{
    long rev = 0;
    int e;
    if (*cell(r, IND_VC_REVISION) &&
        str_to_long(cell(r, IND_VC_REVISION), 1, 1000, &rev)) {
        return bad(r, IND_VC_REVISION, "'%s' is not a revision number",
                   cell(r, IND_VC_REVISION));
    }
    const Indicator *p = resolve_indicator(r, IND_VC_INDICATOR, (int)rev);
    if (!p) {
        return -1;
    }
    *ppInd = p;
    v->zCode = xstrdup(p->zCode);
    v->iRev = p->iRev;
    if (ind_check_period(cell(r, IND_VC_PERIOD), NULL, r->err)) {
        return bad_err(r, IND_VC_PERIOD);
    }
    v->zPeriod = xstrdup(cell(r, IND_VC_PERIOD));
    if (code_cell(r, IND_VC_SEX, CODE_STAT_SEX, STAT_TOTAL, &v->eSex)) {
        return -1;
    }
    if (*cell(r, IND_VC_DIMENSION)) {
        if (code_cell(r, IND_VC_DIMENSION, CODE_IND_DIM, -1, &e)) {
            return -1;
        }
        if (e == IND_DIM_SEX) {
            return bad(r, IND_VC_DIMENSION, "sex has its own column");
        }
        v->eDim = (IndDim)e;
        const char *zCode = cell(r, IND_VC_CODE);
        const char *zResolved = zCode;
        if (!*zCode) {
            return bad(r, IND_VC_CODE, "needed for dimension %s",
                       cell(r, IND_VC_DIMENSION));
        }
        if (e == IND_DIM_PROVINCE || e == IND_DIM_DESTINATION) {
            if (gaz_resolve(r->pGaz,
                            e == IND_DIM_PROVINCE ? GAZ_PROVINCE : GAZ_COUNTRY,
                            zCode, &zResolved, r->err)) {
                return bad_err(r, IND_VC_CODE);
            }
        } else if (e == IND_DIM_CHANNEL) {
            int iCh;
            if (code_cell(r, IND_VC_CODE, CODE_STAT_CHANNEL, -1, &iCh)) {
                return -1;
            }
            zResolved = code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[iCh].zKey;
        }
        v->zDimCode = xstrdup(zResolved);
    } else if (*cell(r, IND_VC_CODE)) {
        return bad(r, IND_VC_CODE, "a code needs its dimension");
    }
    if (number_cell(r, IND_VC_VALUE, &v->value) ||
        count_cell(r, IND_VC_NUMERATOR, &v->num) ||
        count_cell(r, IND_VC_DENOMINATOR, &v->den)) {
        return -1;
    }
    if (*cell(r, IND_VC_SOURCE)) {
        v->zSource = xstrdup(cell(r, IND_VC_SOURCE));
    }
    if (code_cell(r, IND_VC_STATE, CODE_IND_VALUE_STATE, IND_VALUE_DRAFT, &e)) {
        return -1;
    }
    v->eState = (IndValueState)e;
    if (ind_value_check(p, v, 0, r->err)) {
        int c = IND_VC_VALUE;
        if (r->err->code == APPERR_FORBIDDEN) {
            c = IND_VC_INDICATOR;
        } else if (strncmp(r->err->zMsg, "sex", 3) == 0) {
            c = IND_VC_SEX;
        } else if (strncmp(r->err->zMsg, "disaggregation", 14) == 0) {
            c = IND_VC_DIMENSION;
        } else if (strncmp(r->err->zMsg, "numerator", 9) == 0) {
            c = IND_VC_NUMERATOR;
        } else if (strncmp(r->err->zMsg, "denominator", 11) == 0) {
            c = IND_VC_DENOMINATOR;
        }
        return bad_err(r, c);
    }
    /* Who may move it from the state it has to the one in the file. */
    int eOld = IND_VALUE_STATE_COUNT;
    Buf k1 = BUF_INIT, k2 = BUF_INIT;
    value_key(v, 1, &k1);
    for (size_t i = 0; i < r->nOld; i++) {
        value_key(&r->aOld[i], 1, &k2);
        if (strcmp(buf_str(&k1), buf_str(&k2)) == 0) {
            eOld = (int)r->aOld[i].eState;
        }
    }
    buf_release(&k1);
    buf_release(&k2);
    if (ind_value_may_write(r->who, p, eOld, v->eState, r->err)) {
        return bad_err(r, IND_VC_STATE);
    }
    return 0;
}

/* The key of a value for finding repeats and sums: code, rev, period,
** cell, then sex. */
static void
value_key(const IndValue *v, int bSex, Buf *b)
{
    buf_reset(b);
    buf_printf(b, "%s\x1f%d\x1f%s\x1f%d\x1f%s", v->zCode, v->iRev, v->zPeriod,
               (int)v->eDim, v->zDimCode ? v->zDimCode : "");
    if (bSex) {
        buf_printf(b, "\x1f%d", v->eSex);
    }
}

/* Women, men and total of each cell agree, over the values now stored
** (the file's included); err names the line of the file's row when it
** is one of them. */
static int
check_sums(Reader *r, Store *s, const int *aiLine, IndValue *aFile,
           size_t nFile)
{
    Indicator *a = NULL;
    IndValue *aV = NULL;
    size_t n = 0, nV = 0;
    int rc =
        store_indicator_list(s, r->p->zCode, &a, &n, &aV, &nV, NULL, r->err);
    Buf k1 = BUF_INIT, k2 = BUF_INIT;
    for (size_t i = 0; rc == 0 && i < nV; i++) {
        if (aV[i].eSex != STAT_TOTAL) {
            continue;
        }
        const IndValue *pW = NULL, *pM = NULL;
        value_key(&aV[i], 0, &k1);
        for (size_t j = 0; j < nV; j++) {
            value_key(&aV[j], 0, &k2);
            if (strcmp(buf_str(&k1), buf_str(&k2)) == 0) {
                pW = aV[j].eSex == STAT_WOMEN ? &aV[j] : pW;
                pM = aV[j].eSex == STAT_MEN ? &aV[j] : pM;
            }
        }
        const Indicator *p = ind_find(a, n, aV[i].zCode, aV[i].iRev);
        if (p && ind_check_sex_sum(p->eUnit, pW, pM, &aV[i], r->err)) {
            /* The line of the file's row of this cell, if any. */
            int iLine = 0;
            for (size_t f = 0; f < nFile; f++) {
                value_key(&aFile[f], 0, &k2);
                if (strcmp(buf_str(&k1), buf_str(&k2)) == 0) {
                    iLine = aiLine[f] > iLine ? aiLine[f] : iLine;
                }
            }
            char zMsg[1100], zWhere[64];
            (void)snprintf(zMsg, sizeof zMsg, "%s", r->err->zMsg);
            *r->err = (AppErr)APPERR_INIT;
            apperr_set(r->err, APPERR_INPUT,
                       "cannot import '%s': %s (%s): indicator %s, %s: %s",
                       r->zFile, row_where(r, iLine, zWhere, sizeof zWhere),
                       r->pRows ? r->pRows->azField[IND_VC_VALUE] : "value",
                       aV[i].zCode, aV[i].zPeriod, zMsg);
            rc = -1;
        }
    }
    buf_release(&k1);
    buf_release(&k2);
    for (size_t i = 0; i < n; i++) {
        indicator_release(&a[i]);
    }
    for (size_t i = 0; i < nV; i++) {
        ind_value_release(&aV[i]);
    }
    free(a);
    free(aV);
    return rc;
}

/* The next row into r->rec: from the CSV text, or the next of r->pRows
** (*piRow counts them).  1, 0 at the end, -1 and err. */
static int
next_row(Reader *r, CsvReader *in, size_t nHeader, long nRead, size_t *piRow)
{
    if (r->pRows) {
        if (*piRow >= r->pRows->nRow) {
            return 0;
        }
        r->rec.azField = &r->pRows->azCell[*piRow * IND_VC_NCOL];
        r->rec.nField = IND_VC_NCOL;
        r->rec.iLine = (int)*piRow;
        ++*piRow;
        return 1;
    }
    return csv_read_row(in, &r->rec, r->zFile, nHeader, nRead, r->err);
}

/* ind_csv_import() of the CSV text z[0..n), or with pRows those rows. */
static int
ind_import(Store *s, const Actor *who, IndFileKind k, const char *zPlan,
           const char *zFile, const char *z, size_t n,
           const IndValueRows *pRows, IndImportStats *st, AppErr *err)
{
    Reader r;
    memset(&r, 0, sizeof r);
    r.who = who;
    r.pRows = pRows;
    r.k = k;
    r.zFile = zFile;
    r.err = err;
    r.aCol = k == IND_FILE_INDICATORS ? aIndCol : aValueCol;
    r.nCol = k == IND_FILE_INDICATORS ? IC_NCOL : IND_VC_NCOL;
    memset(st, 0, sizeof *st);
    CsvReader in;
    csv_reader_init(&in, z, n);
    IndValue *aFile = NULL;
    int *aiLine = NULL;
    char **azKey = NULL;
    size_t nFile = 0;
    int rc = -1, bBegun = 0;
    Buf key = BUF_INIT;
    size_t nHeader = IND_VC_NCOL, iRow = 0;
    int got;
    if (pRows) {
        for (int c = 0; c < IND_NCOL_MAX; c++) {
            r.aiCol[c] = c < IND_VC_NCOL ? c : -1;
        }
    } else {
        got = csv_read_header(&in, &r.rec, zFile, "indicators-csv.md", err);
        if (got <= 0 || read_header(&r)) {
            goto out;
        }
        nHeader = r.rec.nField;
    }
    /* What names resolve against is read inside the transaction. */
    if (store_begin(s, err)) {
        goto out;
    }
    bBegun = 1;
    if (store_load(s, zPlan, &r.m, err)) {
        goto out;
    }
    if (zPlan) {
        r.p = model_find_plan(&r.m, zPlan);
    } else if (r.m.nPlan == 1) {
        r.p = &r.m.aPlan[0];
    }
    if (!r.p) {
        apperr_set(err, APPERR_NOTFOUND,
                   zPlan ? "no plan '%s'"
                         : "cannot import '%s': the database holds %zu plans "
                           "(name one with --plan)",
                   zPlan ? zPlan : zFile, r.m.nPlan);
        goto out;
    }
    if (store_indicator_list(s, r.p->zCode, &r.aInd, &r.nInd, &r.aOld, &r.nOld,
                             NULL, err)) {
        goto out;
    }
    if (k == IND_FILE_INDICATORS && who->eRole != ROLE_ADMIN &&
        who->eRole != ROLE_ME_OFFICER) {
        apperr_set(err, APPERR_FORBIDDEN,
                   "cannot import '%s': indicators are defined by the M&E "
                   "officer",
                   zFile);
        goto out;
    }
    r.pDir = orgdir_new(&r.m);
    r.pGaz = gaz_new();
    while ((got = next_row(&r, &in, nHeader, st->nRows, &iRow)) > 0) {
        char zWhere[64];
        row_where(&r, r.rec.iLine, zWhere, sizeof zWhere);
        long vBefore = 0, vAfter = 0;
        if (store_data_version(s, &vBefore, err)) {
            goto out;
        }
        if (k == IND_FILE_INDICATORS) {
            Indicator p;
            indicator_init(&p);
            int bad1 = read_indicator(&r, &p);
            buf_reset(&key);
            buf_printf(&key, "%s\x1f%d", p.zCode ? p.zCode : "", p.iRev);
            if (!bad1 && store_indicator_put(s, &p, err)) {
                apperr_prefix(err, "cannot import '%s': %s", zFile, zWhere);
                bad1 = -1;
            }
            indicator_release(&p);
            if (bad1) {
                goto out;
            }
        } else {
            aFile = xreallocarray(aFile, nFile + 1, sizeof *aFile);
            aiLine = xreallocarray(aiLine, nFile + 1, sizeof *aiLine);
            IndValue *v = &aFile[nFile];
            ind_value_init(v);
            aiLine[nFile++] = r.rec.iLine;
            const Indicator *p = NULL;
            if (read_value(&r, v, &p)) {
                goto out;
            }
            value_key(v, 1, &key);
            if (store_ind_value_put(s, r.p->zCode, v, 0, err)) {
                apperr_prefix(err, "cannot import '%s': %s", zFile, zWhere);
                goto out;
            }
        }
        /* A row given twice: the second would silently replace the
        ** first. */
        azKey = xreallocarray(azKey, (size_t)st->nRows + 1, sizeof *azKey);
        azKey[st->nRows] = xstrdup(buf_str(&key));
        for (long i = 0; i < st->nRows; i++) {
            if (strcmp(azKey[i], azKey[st->nRows]) == 0) {
                st->nRows++;
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': %s: the same %s as an "
                           "earlier %s",
                           zFile, zWhere,
                           k == IND_FILE_INDICATORS
                               ? "indicator and revision"
                               : "indicator, period, sex and breakdown",
                           pRows ? "one" : "line");
                goto out;
            }
        }
        st->nRows++;
        if (store_data_version(s, &vAfter, err)) {
            goto out;
        }
        st->nWritten += vAfter != vBefore;
    }
    if (got < 0) {
        goto out;
    }
    if (k == IND_FILE_VALUES && check_sums(&r, s, aiLine, aFile, nFile)) {
        goto out;
    }
    rc = store_commit(s, err);
    bBegun = 0;
    if (rc) {
        apperr_prefix(err, "cannot import '%s'", zFile);
    }
out:
    if (bBegun) {
        store_rollback(s);
    }
    for (size_t i = 0; i < nFile; i++) {
        ind_value_release(&aFile[i]);
    }
    free(aFile);
    free(aiLine);
    for (long i = 0; i < st->nRows; i++) {
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): azKey holds st->nRows keys */
        free(azKey[i]);
    }
    free(azKey);
    for (size_t i = 0; i < r.nInd; i++) {
        indicator_release(&r.aInd[i]);
    }
    free(r.aInd);
    for (size_t i = 0; i < r.nOld; i++) {
        ind_value_release(&r.aOld[i]);
    }
    free(r.aOld);
    orgdir_free(r.pDir);
    gaz_free(r.pGaz);
    model_release(&r.m);
    if (pRows) {
        /* Its fields are the rows' cells. */
        memset(&r.rec, 0, sizeof r.rec);
    }
    csv_record_release(&r.rec);
    buf_release(&key);
    return rc;
}

int
ind_csv_import(Store *s, const Actor *who, IndFileKind k, const char *zPlan,
               const char *zFile, const char *z, size_t n, IndImportStats *st,
               AppErr *err)
{
    return ind_import(s, who, k, zPlan, zFile, z, n, NULL, st, err);
}

int
ind_value_rows_import(Store *s, const Actor *who, const char *zPlan,
                      const char *zFile, const IndValueRows *rows,
                      IndImportStats *st, AppErr *err)
{
    return ind_import(s, who, IND_FILE_VALUES, zPlan, zFile, "", 0, rows, st,
                      err);
}

char **
ind_value_rows_add(IndValueRows *r)
{
    r->azCell = xreallocarray(r->azCell, (r->nRow + 1) * IND_VC_NCOL,
                              sizeof *r->azCell);
    r->azCodeField =
        xreallocarray(r->azCodeField, r->nRow + 1, sizeof *r->azCodeField);
    char **az = &r->azCell[r->nRow * IND_VC_NCOL];
    for (int c = 0; c < IND_VC_NCOL; c++) {
        az[c] = xstrdup("");
    }
    r->azCodeField[r->nRow++] = r->azField ? r->azField[IND_VC_CODE] : "";
    return az;
}

void
ind_value_rows_release(IndValueRows *r)
{
    for (size_t i = 0; i < r->nRow * IND_VC_NCOL; i++) {
        free(r->azCell[i]);
    }
    free(r->azCell);
    free(r->azCodeField);
    r->azCell = NULL;
    r->azCodeField = NULL;
    r->nRow = 0;
}

void
ind_values_csv_write(const Indicator *a, size_t n, const IndValue *aV,
                     size_t nV, Buf *b)
{
    for (int c = 0; c < IND_VC_NCOL; c++) {
        buf_printf(b, "%s%s", c ? "," : "", aValueCol[c].zName);
    }
    buf_puts(b, "\r\n");
    for (size_t i = 0; i < nV; i++) {
        const IndValue *v = &aV[i];
        const Indicator *p = ind_find(a, n, v->zCode, v->iRev);
        char zRev[16], zVal[48], zNum[24] = "", zDen[24] = "";
        (void)snprintf(zRev, sizeof zRev, "%d", v->iRev);
        ind_number_text(v->value, zVal, sizeof zVal);
        if (v->num >= 0) {
            (void)snprintf(zNum, sizeof zNum, "%lld", (long long)v->num);
        }
        if (v->den >= 0) {
            (void)snprintf(zDen, sizeof zDen, "%lld", (long long)v->den);
        }
        const char *azCell[IND_VC_NCOL] = {
            [IND_VC_INDICATOR] = v->zCode,
            [IND_VC_REVISION] = zRev,
            [IND_VC_PERIOD] = v->zPeriod,
            [IND_VC_SEX] =
                code_table(CODE_STAT_SEX, &(size_t){ 0 })[v->eSex].zKey,
            [IND_VC_DIMENSION] =
                v->eDim == IND_DIM_COUNT
                    ? ""
                    : code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zKey,
            [IND_VC_CODE] = v->zDimCode ? v->zDimCode : "",
            [IND_VC_VALUE] = zVal,
            [IND_VC_NUMERATOR] = zNum,
            [IND_VC_DENOMINATOR] = zDen,
            [IND_VC_SOURCE] = v->zSource ? v->zSource : "",
            [IND_VC_STATE] =
                code_table(CODE_IND_VALUE_STATE, &(size_t){ 0 })[v->eState]
                    .zKey,
            [IND_VC_DEFINITION] = p ? p->zDefinition : "",
        };
        for (int c = 0; c < IND_VC_NCOL; c++) {
            if (c) {
                buf_putc(b, ',');
            }
            csv_write_field(b, azCell[c]);
        }
        buf_puts(b, "\r\n");
    }
}
