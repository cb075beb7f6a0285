/*
** indicators.c — adding, amending and reading the plan's indicators (see
** indicators.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicators.h"
#include "app.h"
#include "complaints.h"
#include "../core/gazetteer.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Begin, load plan p->zPlan (filling it in when NULL) and its revisions.
** End with ind_txn_end() whatever this returns. */
static int
ind_txn_begin(Store *s, const Actor *who, Indicator *p, Model *m,
              Indicator **pa, size_t *pn, AppErr *err)
{
    if (app_begin(s, who, err) || store_load(s, p->zPlan, m, err)) {
        return -1;
    }
    Plan *pl = app_plan(m, p->zPlan, err);
    if (!pl) {
        return -1;
    }
    if (!p->zPlan) {
        p->zPlan = xstrdup(pl->zCode);
    }
    return store_indicator_list(s, p->zPlan, pa, pn, NULL, NULL, NULL, err);
}

static int
ind_txn_end(Store *s, int rc, Model *m, Indicator *a, size_t n, AppErr *err)
{
    rc = app_end(s, rc ? -1 : 0, err);
    for (size_t i = 0; i < n; i++) {
        indicator_release(&a[i]);
    }
    free(a);
    model_release(m);
    return rc;
}

/* The newest revision of zCode among a[0..n), 0 when none. */
static int
newest_rev(const Indicator *a, size_t n, const char *zCode)
{
    int iRev = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(a[i].zCode, zCode) == 0 && a[i].iRev > iRev) {
            iRev = a[i].iRev;
        }
    }
    return iRev;
}

int
app_indicator_add(Store *s, const Actor *who, Indicator *p, AppErr *err)
{
    Model m = MODEL_INIT;
    Indicator *a = NULL;
    size_t n = 0;
    p->iRev = 1;
    int rc = ind_txn_begin(s, who, p, &m, &a, &n, err);
    if (rc == 0 && newest_rev(a, n, p->zCode) > 0) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "indicator '%s' exists already: amend it "
                        "('lmpmon indicator amend %s --reason ...')",
                        p->zCode, p->zCode);
    }
    rc = rc || indicator_check(p, err) || store_indicator_put(s, p, err);
    return ind_txn_end(s, rc, &m, a, n, err);
}

int
app_indicator_amend(Store *s, const Actor *who, Indicator *pNew, AppErr *err)
{
    Model m = MODEL_INIT;
    Indicator *a = NULL;
    size_t n = 0;
    int rc = ind_txn_begin(s, who, pNew, &m, &a, &n, err);
    int iNewest = rc ? 0 : newest_rev(a, n, pNew->zCode);
    if (rc == 0 && iNewest == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no indicator '%s'", pNew->zCode);
    } else if (rc == 0 && iNewest != pNew->iRev - 1) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "indicator '%s' was amended by someone else "
                        "meanwhile (now at revision %d): look at it and "
                        "amend again",
                        pNew->zCode, iNewest);
    }
    rc = rc || indicator_check(pNew, err) || store_indicator_put(s, pNew, err);
    return ind_txn_end(s, rc, &m, a, n, err);
}

/* Append the computed values of indicator p: each year's goal-10 figure
** of the register, for everyone and by sex, as counts behind a
** percentage. */
static void
add_computed(IndData *d, const Indicator *p, const CaseReportSet *x)
{
    static const struct {
        int eSex;
        CaseDim dim;
        const char *zCell;
    } aCell[] = {
        { STAT_TOTAL, DIM_ALL, "all" },
        { STAT_WOMEN, DIM_SEX, "female" },
        { STAT_MEN, DIM_SEX, "male" },
    };

    for (size_t y = 0; y < x->nYear; y++) {
        const CaseReport *r = &x->aYear[y].rep;
        for (size_t k = 0; k < sizeof aCell / sizeof aCell[0]; k++) {
            if (aCell[k].eSex != STAT_TOTAL &&
                !(p->mDim & (1u << IND_DIM_SEX))) {
                continue;
            }
            const CaseCell *c = NULL;
            for (size_t i = 0; i < r->anCell[aCell[k].dim]; i++) {
                if (strcmp(r->aCell[aCell[k].dim][i].zValue, aCell[k].zCell) ==
                    0) {
                    c = &r->aCell[aCell[k].dim][i];
                }
            }
            if (!c || c->nCases == 0) {
                continue;
            }
            d->aV = xreallocarray(d->aV, d->nV + 1, sizeof *d->aV);
            IndValue *v = &d->aV[d->nV++];
            d->nComputed++;
            ind_value_init(v);
            char zYear[16];
            (void)snprintf(zYear, sizeof zYear, "%ld", x->aYear[y].year);
            v->zCode = xstrdup(p->zCode);
            v->iRev = p->iRev;
            v->zPeriod = xstrdup(zYear);
            v->eSex = aCell[k].eSex;
            v->num = c->nSatisfiedWithin3;
            v->den = c->nCases;
            v->value = 100.0 * (double)c->nSatisfiedWithin3 / (double)c->nCases;
            v->zSource = xstrdup("complaints register (lmpmon)");
            v->eState = IND_VALUE_VALIDATED;
        }
    }
}

/* Append the values of indicator p computed from the outreach events
** a[0..n): for each year an event of p's kinds ended in, the people
** reached (ind_outreach_value()), in total and, when p is broken down by
** sex, women and men. */
static void
add_outreach(IndData *d, const Indicator *p, const Outreach *a, size_t n)
{
    int aYear[64];
    size_t nYear = 0;
    for (size_t i = 0; i < n; i++) {
        const char *zLast = a[i].zTo ? a[i].zTo : a[i].zFrom;
        long y = 0;
        char zY[5];
        if (!zLast || strlen(zLast) < 4) {
            continue;
        }
        memcpy(zY, zLast, 4);
        zY[4] = 0;
        if (str_to_long(zY, 1900, 2200, &y)) {
            continue;
        }
        size_t k = 0;
        while (k < nYear && aYear[k] != (int)y) {
            k++;
        }
        if (k == nYear && nYear < sizeof aYear / sizeof aYear[0]) {
            aYear[nYear++] = (int)y;
        }
    }
    static const int aeSex[] = { STAT_TOTAL, STAT_WOMEN, STAT_MEN };
    for (size_t y = 0; y < nYear; y++) {
        for (size_t k = 0; k < sizeof aeSex / sizeof aeSex[0]; k++) {
            int64_t v = 0;
            if ((aeSex[k] != STAT_TOTAL && !(p->mDim & (1u << IND_DIM_SEX))) ||
                !ind_outreach_value(p, a, n, aYear[y], aeSex[k], &v)) {
                continue;
            }
            d->aV = xreallocarray(d->aV, d->nV + 1, sizeof *d->aV);
            IndValue *x = &d->aV[d->nV++];
            d->nComputed++;
            ind_value_init(x);
            char zYear[16];
            (void)snprintf(zYear, sizeof zYear, "%d", aYear[y]);
            x->zCode = xstrdup(p->zCode);
            x->iRev = p->iRev;
            x->zPeriod = xstrdup(zYear);
            x->eSex = aeSex[k];
            x->value = (double)v;
            x->zSource = xstrdup("computed from outreach (lmpmon)");
            x->eState = IND_VALUE_VALIDATED;
        }
    }
}

int
app_indicators_read(Store *s, const char *zPlan, IndData *d, AppErr *err)
{
    memset(d, 0, sizeof *d);
    Model m = MODEL_INIT;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_load_node(s, zPlan, "", &m, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    rc = rc || !p ||
         store_indicator_list(s, p->zCode, &d->a, &d->n, &d->aV, &d->nV,
                              &d->aVersion, err);
    if (rc == 0) {
        d->zPlan = xstrdup(p->zCode);
    }
    /* The outreach events, read in the same snapshot, when an indicator
    ** counts them. */
    Outreach *aOut = NULL;
    size_t nOut = 0;
    int bOutreach = 0, bComputed = 0;
    for (size_t i = 0; rc == 0 && i < d->n; i++) {
        bOutreach |= d->a[i].bComputed && d->a[i].mOutreach;
        bComputed |= d->a[i].bComputed && !d->a[i].mOutreach;
    }
    if (rc == 0 && bOutreach) {
        rc = store_outreach_list(s, NULL, NULL, &aOut, &nOut, err);
    }
    store_end_read(s);
    model_release(&m);
    for (size_t i = 0; rc == 0 && i < d->n; i++) {
        /* Only the newest revision is counted: the events answer
        ** today's definition. */
        if (d->a[i].bComputed && d->a[i].mOutreach &&
            (i + 1 == d->n || strcmp(d->a[i + 1].zCode, d->a[i].zCode) != 0)) {
            add_outreach(d, &d->a[i], aOut, nOut);
        }
    }
    for (size_t i = 0; i < nOut; i++) {
        outreach_release(&aOut[i]);
    }
    free(aOut);
    if (rc == 0 && bComputed) {
        CaseReportSet x;
        long gen = 0;
        case_report_set_init(&x);
        rc = complaints_set_load(s, 0, &x, &gen, err);
        if (rc == 0) {
            case_report_set_finish(&x);
            for (size_t i = 0; i < d->n; i++) {
                /* Only the newest revision is counted: the register
                ** answers today's definition. */
                if (d->a[i].bComputed && !d->a[i].mOutreach &&
                    (i + 1 == d->n ||
                     strcmp(d->a[i + 1].zCode, d->a[i].zCode) != 0)) {
                    add_computed(d, &d->a[i], &x);
                }
            }
        }
        case_report_set_release(&x);
    }
    if (rc) {
        app_indicators_release(d);
        return -1;
    }
    /* The computed values have no version: lmpmon writes none. */
    d->aVersion =
        xreallocarray(d->aVersion, d->nV ? d->nV : 1, sizeof *d->aVersion);
    for (size_t i = d->nV - d->nComputed; i < d->nV; i++) {
        d->aVersion[i] = 0;
    }
    return 0;
}

void
app_indicators_release(IndData *d)
{
    for (size_t i = 0; i < d->n; i++) {
        indicator_release(&d->a[i]);
    }
    for (size_t i = 0; i < d->nV; i++) {
        ind_value_release(&d->aV[i]);
    }
    free(d->a);
    free(d->aV);
    free(d->aVersion);
    free(d->zPlan);
    memset(d, 0, sizeof *d);
}

/* ---- values entered on the web ----------------------------------------- */

/* Whether v is a value of period zPeriod of revision p. */
static int
value_of(const IndValue *v, const Indicator *p, const char *zPeriod)
{
    return str_eq(v->zCode, p->zCode) && v->iRev == p->iRev &&
           str_eq(v->zPeriod, zPeriod);
}

/* Whether a and b are the same cell: sex and breakdown. */
static int
same_cell(const IndValue *a, const IndValue *b)
{
    return a->eSex == b->eSex && a->eDim == b->eDim &&
           str_eq(a->zDimCode ? a->zDimCode : "",
                  b->zDimCode ? b->zDimCode : "");
}

/* Whether a and b are of the same breakdown (any sex). */
static int
same_breakdown(const IndValue *a, const IndValue *b)
{
    return a->eDim == b->eDim && str_eq(a->zDimCode ? a->zDimCode : "",
                                        b->zDimCode ? b->zDimCode : "");
}

/* A cell's name in messages: "women", "total", "province Prey Veng
** women" (a place by its name once resolved). */
static void
cell_name(const IndValue *v, Buf *b)
{
    buf_reset(b);
    if (v->eDim != IND_DIM_COUNT) {
        const char *z = v->zDimCode ? v->zDimCode : "";
        buf_printf(b, "%s %s ",
                   code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zKey,
                   gaz_label(z) ? gaz_label(z) : z);
    }
    buf_puts(b, code_table(CODE_STAT_SEX, &(size_t){ 0 })[v->eSex].zKey);
}

char *
app_ind_period_stamp(const Indicator *p, const IndValue *aV,
                     const int *aVersion, size_t nV, const char *zPeriod)
{
    Buf b = BUF_INIT;
    buf_printf(&b, "rev=%d", p->iRev);
    for (size_t i = 0; i < nV; i++) {
        if (!value_of(&aV[i], p, zPeriod)) {
            continue;
        }
        buf_printf(&b, ";%s,",
                   code_table(CODE_STAT_SEX, &(size_t){ 0 })[aV[i].eSex].zKey);
        if (aV[i].eDim != IND_DIM_COUNT) {
            buf_printf(
                &b, "%s:%s",
                code_table(CODE_IND_DIM, &(size_t){ 0 })[aV[i].eDim].zKey,
                aV[i].zDimCode ? aV[i].zDimCode : "");
        }
        buf_printf(&b, "=%d", aVersion ? aVersion[i] : 0);
    }
    char *z = xstrdup(buf_str(&b));
    buf_release(&b);
    return z;
}

/* Put the breakdown code of cell v as stored: a province's or a
** country's through the gazetteer (any usual spelling: "prey veng",
** "Thaïland"), a channel's key from its key or label; a sector as
** entered.  0, or -1 and err (APPERR_INPUT, with the closest names). */
static int
cell_code_resolve(const Gazetteer *g, IndValue *v, AppErr *err)
{
    const char *zCode = NULL;
    if (v->eDim == IND_DIM_PROVINCE || v->eDim == IND_DIM_DESTINATION) {
        if (!v->zDimCode || !*v->zDimCode) {
            return 0; /* ind_value_check() says it is needed */
        }
        if (gaz_resolve(
                g, v->eDim == IND_DIM_PROVINCE ? GAZ_PROVINCE : GAZ_COUNTRY,
                v->zDimCode, &zCode, err)) {
            return -1;
        }
    } else if (v->eDim == IND_DIM_CHANNEL && v->zDimCode && *v->zDimCode) {
        int e = code_index(CODE_STAT_CHANNEL, v->zDimCode);
        if (e < 0) {
            return apperr_set(err, APPERR_INPUT, "unknown channel '%s'",
                              v->zDimCode);
        }
        zCode = code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[e].zKey;
    }
    if (zCode) {
        free(v->zDimCode);
        v->zDimCode = xstrdup(zCode);
    }
    return 0;
}

/* Begin a use case on the values of indicator zCode of plan zPlan: the
** revisions and the stored values with their versions read under the
** write lock into d, *pp the newest revision.  End with app_end() and
** app_indicators_release() whatever this returns. */
static int
values_begin(Store *s, const Actor *who, const char *zPlan, const char *zCode,
             IndData *d, const Indicator **pp, AppErr *err)
{
    memset(d, 0, sizeof *d);
    *pp = NULL;
    Model m = MODEL_INIT;
    int rc = app_begin(s, who, err) || store_load_node(s, zPlan, "", &m, err);
    Plan *pl = rc ? NULL : app_plan(&m, zPlan, err);
    rc = rc || !pl ||
         store_indicator_list(s, pl->zCode, &d->a, &d->n, &d->aV, &d->nV,
                              &d->aVersion, err);
    if (rc == 0) {
        d->zPlan = xstrdup(pl->zCode);
    }
    model_release(&m);
    for (size_t i = 0; rc == 0 && i < d->n; i++) {
        if (str_eq(d->a[i].zCode, zCode)) {
            *pp = &d->a[i]; /* by revision: the last is the newest */
        }
    }
    if (rc == 0 && !*pp) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no indicator '%s'",
                        zCode ? zCode : "");
    }
    return rc ? -1 : 0;
}

/* APPERR_CONFLICT unless the stored period of revision p still has the
** stamp zStamp. */
static int
stamp_check(const IndData *d, const Indicator *p, const char *zPeriod,
            const char *zStamp, AppErr *err)
{
    char *z = app_ind_period_stamp(p, d->aV, d->aVersion, d->nV, zPeriod);
    int bSame =
        zStamp && (str_eq(z, zStamp) || (!*zStamp && strchr(z, ';') == NULL));
    free(z);
    if (!bSame) {
        return apperr_set(err, APPERR_CONFLICT,
                          "the %s figures of indicator %s were changed by "
                          "someone else since you opened the form: look "
                          "at them and enter yours again",
                          zPeriod, p->zCode);
    }
    return 0;
}

int
app_ind_values_put(Store *s, const Actor *who, const IndEntry *e, AppErr *err)
{
    IndData d;
    const Indicator *p = NULL;
    Buf name = BUF_INIT;
    int rc = values_begin(s, who, e->zPlan, e->zCode, &d, &p, err);
    if (rc == 0 &&
        (e->eState != IND_VALUE_DRAFT && e->eState != IND_VALUE_SUBMITTED)) {
        rc = apperr_set(err, APPERR_INPUT,
                        "figures are saved as a draft or submitted");
    }
    /* Who may write at all (role, organisation, a computed indicator)
    ** before anything about the figures; each cell's state below. */
    rc = rc ||
         ind_value_may_write(who, p, IND_VALUE_STATE_COUNT, e->eState, err) ||
         (p->bComputed &&
          ind_value_check(p, &(IndValue){ .eSex = STAT_TOTAL }, 0, err)) ||
         ind_check_period(e->zPeriod, NULL, err) ||
         stamp_check(&d, p, e->zPeriod, e->zStamp, err);
    if (rc == 0 && e->nCell == 0) {
        rc = apperr_set(err, APPERR_INPUT, "value: no figure is entered");
    }
    /* Each cell: its figures, and who moves it from where it is. */
    int *aiOld = xcalloc(e->nCell ? e->nCell : 1, sizeof *aiOld);
    Gazetteer *pGaz = rc ? NULL : gaz_new();
    for (size_t k = 0; rc == 0 && k < e->nCell; k++) {
        IndValue *v = &e->aCell[k];
        free(v->zCode);
        free(v->zPeriod);
        free(v->zSource);
        free(v->zNote);
        v->zCode = xstrdup(p->zCode);
        v->iRev = p->iRev;
        v->zPeriod = xstrdup(e->zPeriod);
        v->zSource = e->zSource && *e->zSource ? xstrdup(e->zSource) : NULL;
        v->zNote = NULL;
        v->eState = e->eState;
        if (cell_code_resolve(pGaz, v, err)) {
            cell_name(v, &name);
            rc = apperr_prefix(err, "%s", buf_str(&name));
            break;
        }
        if (isnan(v->value) && p->eUnit == IND_UNIT_PERCENT && v->num >= 0 &&
            v->den > 0) {
            v->value = ind_percent_of(v->num, v->den);
        } else if (isnan(v->value)) {
            cell_name(v, &name);
            rc = apperr_set(err, APPERR_INPUT, "%s: value: needed",
                            buf_str(&name));
            break;
        }
        int eOld = IND_VALUE_STATE_COUNT;
        aiOld[k] = -1;
        for (size_t i = 0; i < d.nV; i++) {
            if (value_of(&d.aV[i], p, e->zPeriod) && same_cell(&d.aV[i], v)) {
                eOld = (int)d.aV[i].eState;
                aiOld[k] = (int)i;
            }
        }
        for (size_t j = 0; rc == 0 && j < k; j++) {
            if (same_cell(&e->aCell[j], v)) {
                cell_name(v, &name);
                rc = apperr_set(err, APPERR_INPUT, "%s: entered twice",
                                buf_str(&name));
            }
        }
        if (rc == 0 && (ind_value_may_write(who, p, eOld, e->eState, err) ||
                        ind_value_check(p, v, 0, err))) {
            cell_name(v, &name);
            rc = err->code == APPERR_FORBIDDEN
                     ? -1
                     : apperr_prefix(err, "%s", buf_str(&name));
        }
    }
    /* A cell stored before stays: values are corrected, not removed. */
    for (size_t i = 0; rc == 0 && i < d.nV; i++) {
        if (!value_of(&d.aV[i], p, e->zPeriod)) {
            continue;
        }
        size_t k = 0;
        while (k < e->nCell && !same_cell(&d.aV[i], &e->aCell[k])) {
            k++;
        }
        if (k == e->nCell) {
            cell_name(&d.aV[i], &name);
            rc = apperr_set(err, APPERR_INPUT,
                            "%s: a figure was entered before; correct it "
                            "rather than leave it empty",
                            buf_str(&name));
        }
    }
    /* Women, men and total of each breakdown agree. */
    for (size_t k = 0; rc == 0 && k < e->nCell; k++) {
        const IndValue *v = &e->aCell[k];
        if (v->eSex != STAT_TOTAL) {
            continue;
        }
        const IndValue *pW = NULL, *pM = NULL;
        for (size_t j = 0; j < e->nCell; j++) {
            if (same_breakdown(&e->aCell[j], v)) {
                pW = e->aCell[j].eSex == STAT_WOMEN ? &e->aCell[j] : pW;
                pM = e->aCell[j].eSex == STAT_MEN ? &e->aCell[j] : pM;
            }
        }
        rc = ind_check_sex_sum(p->eUnit, pW, pM, v, err);
        if (rc && v->eDim != IND_DIM_COUNT) {
            apperr_prefix(
                err, "%s %s",
                code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zKey,
                gaz_label(v->zDimCode) ? gaz_label(v->zDimCode) : v->zDimCode);
        }
    }
    for (size_t k = 0; rc == 0 && k < e->nCell; k++) {
        rc = store_ind_value_put(s, d.zPlan, &e->aCell[k],
                                 aiOld[k] >= 0 ? d.aVersion[aiOld[k]] : 0, err);
    }
    free(aiOld);
    gaz_free(pGaz);
    buf_release(&name);
    rc = app_end(s, rc ? -1 : 0, err);
    app_indicators_release(&d);
    return rc;
}

int
app_ind_values_review(Store *s, const Actor *who, const IndReview *e,
                      AppErr *err)
{
    IndData d;
    const Indicator *pNewest = NULL, *p = NULL;
    int rc = values_begin(s, who, e->zPlan, e->zCode, &d, &pNewest, err);
    for (size_t i = 0; rc == 0 && i < d.n; i++) {
        if (str_eq(d.a[i].zCode, e->zCode) && d.a[i].iRev == e->iRev) {
            p = &d.a[i];
        }
    }
    if (rc == 0 && !p) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        "no revision %d of indicator '%s'", e->iRev, e->zCode);
    }
    /* Who may review at all before whether the form is current. */
    rc = rc ||
         ind_value_may_review(who, p, IND_VALUE_SUBMITTED, IND_VALUE_VALIDATED,
                              NULL, err) ||
         stamp_check(&d, p, e->zPeriod, e->zStamp, err);
    size_t nDone = 0;
    for (size_t i = 0; rc == 0 && i < d.nV; i++) {
        IndValue *v = &d.aV[i];
        if (!value_of(v, p, e->zPeriod)) {
            continue;
        }
        rc =
            ind_value_may_review(who, p, v->eState, e->eState, e->zReason, err);
        if (rc == 0) {
            v->eState = e->eState;
            free(v->zNote);
            v->zNote =
                e->eState == IND_VALUE_RETURNED ? xstrdup(e->zReason) : NULL;
            rc = store_ind_value_put(s, d.zPlan, v, d.aVersion[i], err);
            nDone++;
        }
    }
    if (rc == 0 && nDone == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        "indicator %s has no figures for %s to review",
                        e->zCode, e->zPeriod ? e->zPeriod : "");
    }
    rc = app_end(s, rc ? -1 : 0, err);
    app_indicators_release(&d);
    return rc;
}
