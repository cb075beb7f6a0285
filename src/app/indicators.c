/*
** indicators.c — adding, amending and reading the plan's indicators (see
** indicators.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicators.h"
#include "app.h"
#include "complaints.h"
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
         store_indicator_list(s, p->zCode, &d->a, &d->n, &d->aV, &d->nV, NULL,
                              err);
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
    free(d->zPlan);
    memset(d, 0, sizeof *d);
}
