/*
** funding.c — the use cases of costs and funding (see funding.h).  Names
** (rounds, activities, partner organisations) are resolved here, inside
** the write transaction, against the model read under the same lock; the
** store's puts then audit and write.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funding.h"
#include "app.h"
#include "../core/orgdir.h"
#include "../core/recommend.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The field a refusal names, for the import's column. */
enum { WHAT_ROUND = 0, WHAT_ACTIVITY, WHAT_ORG };

/* Check round zRound and activity zNode in p (and, for a line, resolve
** its partner in d to an acronym).  On an unknown name: -1 with err
** "unknown round 'X' (closest: ...)" and *piWhat; a published round or a
** node that is not an activity: -1 with err too. */
static int
fund_resolve(Plan *p, const OrgDir *d, const Actor *who, const char *zRound,
             const char *zNode, char **pzOrg, int *piWhat, AppErr *err)
{
    Buf sugg = BUF_INIT;
    int rc = 0;
    const Round *rd = plan_find_round(p, zRound);
    long iNode = plan_find_node(p, zNode);
    if (!rd) {
        *piWhat = WHAT_ROUND;
        for (size_t i = 0; i < p->nRound; i++) {
            buf_printf(&sugg, "%s'%s'", i ? ", " : "", p->aRound[i].zCode);
        }
        rc = apperr_set(err, APPERR_NOTFOUND, "unknown round '%s'%s%s%s",
                        zRound, sugg.n ? " (rounds: " : "", buf_str(&sugg),
                        sugg.n ? ")" : "");
    } else if (fund_may_record(who, rd, err)) {
        *piWhat = WHAT_ROUND;
        rc = -1;
    } else if (iNode < 0) {
        *piWhat = WHAT_ACTIVITY;
        rec_suggest_node(p, zNode, 3, &sugg);
        rc = apperr_set(err, APPERR_NOTFOUND, "unknown activity '%s'%s%s%s",
                        zNode, sugg.n ? " (closest: " : "", buf_str(&sugg),
                        sugg.n ? ")" : "");
    } else if (p->aNode[iNode].iLevel != plan_leaf_level(p)) {
        /* Money belongs to activities: an area's or a goal's is the sum
        ** of theirs, and no total would ever count it. */
        *piWhat = WHAT_ACTIVITY;
        rc = apperr_set(err, APPERR_INPUT,
                        "'%s' is of level '%s', not '%s': costs and funding "
                        "are recorded on activities",
                        zNode, p->aLevel[p->aNode[iNode].iLevel].zName,
                        p->aLevel[plan_leaf_level(p)].zName);
    } else if (pzOrg && *pzOrg) {
        const Org *o = orgdir_resolve(d, *pzOrg);
        if (!o) {
            *piWhat = WHAT_ORG;
            orgdir_suggest(d, *pzOrg, 3, &sugg);
            rc = apperr_set(
                err, APPERR_NOTFOUND, "unknown organisation '%s'%s%s%s", *pzOrg,
                sugg.n ? " (closest: " : "", buf_str(&sugg), sugg.n ? ")" : "");
        } else {
            char *zAcronym = xstrdup(o->zAcronym);
            free(*pzOrg);
            *pzOrg = zAcronym;
        }
    }
    buf_release(&sugg);
    return rc;
}

/* The plan read inside the write transaction and its directory. */
typedef struct FundTxn {
    Model m;
    Plan *p;
    OrgDir *d;
} FundTxn;

static int
fund_txn_begin(Store *s, const Actor *who, const char *zPlan, FundTxn *t,
               AppErr *err)
{
    memset(t, 0, sizeof *t);
    if (fund_may_record(who, NULL, err) || app_begin(s, who, err)) {
        return -1;
    }
    if (store_load(s, zPlan, &t->m, err)) {
        return -1;
    }
    t->p = app_plan(&t->m, zPlan, err);
    if (!t->p) {
        return -1;
    }
    t->d = orgdir_new(&t->m);
    return 0;
}

static int
fund_txn_end(Store *s, int rc, FundTxn *t, AppErr *err)
{
    rc = app_end(s, rc ? -1 : 0, err);
    orgdir_free(t->d);
    model_release(&t->m);
    return rc;
}

/* Prefix err with "cannot import 'F': line L, column C (FIELD): " (iCol
** one of fund_csv.h's FUND_COL_*, or -1: no column). */
static void
fund_where(AppErr *err, const FundFile *f, int iLine, int iCol)
{
    if (iCol >= 0) {
        apperr_prefix(err, "cannot import '%s': line %d, column %d (%s)",
                      f->zFile, iLine, f->aiCol[iCol], azFundColumn[iCol]);
    } else {
        apperr_prefix(err, "cannot import '%s': line %d", f->zFile, iLine);
    }
}

static const int aiWhatCol[] = { FUND_COL_ROUND, FUND_COL_ACTIVITY,
                                 FUND_COL_SOURCE };

int
app_fund_import(Store *s, const Actor *who, const char *zPlan, FundFile *f,
                long *pnChanges, AppErr *err)
{
    FundTxn t;
    long vStart = 0, vEnd = 0;
    *pnChanges = 0;
    int rc = fund_txn_begin(s, who, zPlan, &t, err);
    if (rc && !t.p && err->code != APPERR_FORBIDDEN) {
        apperr_prefix(err, "cannot import '%s'", f->zFile);
    }
    rc = rc || store_data_version(s, &vStart, err);
    for (size_t i = 0; rc == 0 && i < f->set.nCost; i++) {
        FundCost *c = &f->set.aCost[i];
        int iWhat = 0;
        if (fund_resolve(t.p, t.d, who, c->zRound, c->zNode, NULL, &iWhat,
                         err)) {
            fund_where(err, f, f->aiCostLine[i], aiWhatCol[iWhat]);
            rc = -1;
        } else if (store_fund_cost_put(s, t.p->zCode, c, err)) {
            fund_where(err, f, f->aiCostLine[i], -1);
            rc = -1;
        }
    }
    for (size_t i = 0; rc == 0 && i < f->set.nLine; i++) {
        FundLine *l = &f->set.aLine[i];
        int iWhat = 0;
        if (fund_resolve(t.p, t.d, who, l->zRound, l->zNode, &l->zOrg, &iWhat,
                         err)) {
            fund_where(err, f, f->aiLineLine[i], aiWhatCol[iWhat]);
            rc = -1;
        } else if (store_fund_line_put(s, t.p->zCode, l, err)) {
            fund_where(err, f, f->aiLineLine[i], -1);
            rc = -1;
        }
    }
    rc = rc || store_data_version(s, &vEnd, err);
    rc = fund_txn_end(s, rc, &t, err);
    if (rc == 0) {
        *pnChanges = vEnd - vStart;
    }
    return rc;
}

int
app_fund_put(Store *s, const Actor *who, const char *zPlan, FundCost *c,
             FundLine *l, AppErr *err)
{
    FundTxn t;
    FundSet have = { 0 };
    int rc = fund_txn_begin(s, who, zPlan, &t, err);
    int iWhat = 0;
    if (rc == 0) {
        rc = c ? fund_cost_check(c, err) : fund_line_check(l, err);
    }
    if (rc == 0) {
        rc = fund_resolve(t.p, t.d, who, c ? c->zRound : l->zRound,
                          c ? c->zNode : l->zNode, c ? NULL : &l->zOrg, &iWhat,
                          err);
    }
    if (rc == 0 && l && l->iVersion == 0) {
        rc = store_fund_list(s, t.p->zCode, l->zRound, &have, err);
        for (size_t i = 0; rc == 0 && i < have.nLine; i++) {
            if (str_eq(have.aLine[i].zNode, l->zNode) &&
                have.aLine[i].iLine == l->iLine) {
                rc = apperr_set(err, APPERR_CONFLICT,
                                "activity %s has a funding line %d in round "
                                "%s already",
                                l->zNode, l->iLine, l->zRound);
            }
        }
    }
    if (rc == 0) {
        rc = c ? store_fund_cost_put(s, t.p->zCode, c, err)
               : store_fund_line_put(s, t.p->zCode, l, err);
    }
    fund_set_release(&have);
    return fund_txn_end(s, rc, &t, err);
}

int
app_fund_list(Store *s, const char *zPlan, const char *zRound, FundSet *out,
              AppErr *err)
{
    memset(out, 0, sizeof *out);
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_fund_list(s, zPlan, zRound, out, err);
    store_end_read(s);
    return rc;
}

int
app_fund_read(Store *s, const char *zPlan, const char *zRound, Model *m,
              Plan **pp, FundSet *out, AppErr *err)
{
    memset(out, 0, sizeof *out);
    *pp = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    const char *azRound[] = { zRound };
    int rc = zRound ? store_load_rounds(s, zPlan, azRound, 1, 0, m, err)
                    : store_load(s, zPlan, m, err);
    Plan *p = rc ? NULL : app_plan(m, zPlan, err);
    if (p && zRound && !plan_find_round(p, zRound)) {
        apperr_set(err, APPERR_NOTFOUND, "no round '%s'", zRound);
        p = NULL;
    }
    rc = rc || !p || store_fund_list(s, p->zCode, zRound, out, err);
    store_end_read(s);
    *pp = rc ? NULL : p;
    return rc ? -1 : 0;
}
