/*
** recommendations.c — the recommendations' use cases (see
** recommendations.h).  Names in a recommendation (its organisations, the
** plan codes it concerns, its round) are resolved here, inside the write
** transaction, against the model read under the same lock; the store's
** puts then audit and write.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recommendations.h"
#include "app.h"
#include "../core/orgdir.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* Resolve r's organisations to acronyms and check its plan codes and
** round in p.  On an unknown name: -1 with *piWhat (0 round, 1 plan code,
** 2 organisation) and the name and closest known ones in zName / sugg. */
static int
rec_resolve(Plan *p, const OrgDir *d, Rec *r, int *piWhat, Buf *name, Buf *sugg)
{
    if (!plan_find_round(p, r->zRound)) {
        *piWhat = 0;
        buf_puts(name, r->zRound);
        for (size_t i = 0; i < p->nRound; i++) {
            buf_printf(sugg, "%s'%s'", i ? ", " : "", p->aRound[i].zCode);
        }
        return -1;
    }
    for (size_t i = 0; i < r->nNode; i++) {
        if (plan_find_node(p, r->azNode[i]) < 0) {
            *piWhat = 1;
            buf_puts(name, r->azNode[i]);
            rec_suggest_node(p, r->azNode[i], 3, sugg);
            return -1;
        }
    }
    for (size_t i = 0; i < r->nOrg; i++) {
        const Org *o = orgdir_resolve(d, r->azOrg[i]);
        if (!o) {
            *piWhat = 2;
            buf_puts(name, r->azOrg[i]);
            orgdir_suggest(d, r->azOrg[i], 3, sugg);
            return -1;
        }
        char *zAcronym = xstrdup(o->zAcronym);
        free(r->azOrg[i]);
        r->azOrg[i] = zAcronym;
    }
    return 0;
}

static const char *const azWhat[] = { "round", "concerns", "asked" };
static const char *const azKind[] = { "round", "goal or activity",
                                      "organisation" };

/* The message of an unknown name; zWhere prefixes it ("line 4, column 5
** (asked): "), or NULL. */
static int
rec_unknown(AppErr *err, const char *zWhere, int iWhat, Buf *name, Buf *sugg)
{
    return apperr_set(err, APPERR_NOTFOUND, "%sunknown %s '%s'%s%s%s",
                      zWhere ? zWhere : "", azKind[iWhat], buf_str(name),
                      sugg->n ? " (closest: " : "", buf_str(sugg),
                      sugg->n ? ")" : "");
}

/* Write r's group (when it has one) and r. */
static int
rec_write(Store *s, const char *zPlan, const Rec *r, AppErr *err)
{
    return (r->zGroup &&
            store_rec_group_put(s, zPlan, r->zRound, r->zGroup, err)) ||
                   store_rec_put(s, zPlan, r, err)
               ? -1
               : 0;
}

/* What the writing use cases share: the plan read inside the write
** transaction, its organisation directory, and the names of a refusal. */
typedef struct RecTxn {
    Model m;
    Plan *p;   /* the plan written to, NULL until read */
    OrgDir *d; /* m's directory */
    Buf name;  /* an unknown name (rec_resolve()) */
    Buf sugg;  /* the closest known ones */
} RecTxn;

/* Begin the write transaction, read the plan and index its
** organisations; 0, or -1 with err.  End t with rec_txn_end() whatever
** this returns. */
static int
rec_txn_begin(Store *s, const Actor *who, const char *zPlan, RecTxn *t,
              AppErr *err)
{
    memset(t, 0, sizeof *t);
    t->name = (Buf)BUF_INIT;
    t->sugg = (Buf)BUF_INIT;
    if (app_begin(s, who, err) || store_load(s, zPlan, &t->m, err)) {
        return -1;
    }
    t->p = app_plan(&t->m, zPlan, err);
    if (!t->p) {
        return -1;
    }
    t->d = orgdir_new(&t->m);
    return 0;
}

/* Commit when rc is 0, else roll back; free t.  Returns app_end()'s. */
static int
rec_txn_end(Store *s, int rc, RecTxn *t, AppErr *err)
{
    rc = app_end(s, rc ? -1 : 0, err);
    orgdir_free(t->d);
    model_release(&t->m);
    buf_release(&t->name);
    buf_release(&t->sugg);
    return rc;
}

int
app_recs_import(Store *s, const Actor *who, const char *zPlan, RecsFile *f,
                AppErr *err)
{
    RecTxn t;
    if (rec_may_record(who, err)) {
        return -1;
    }
    int rc = rec_txn_begin(s, who, zPlan, &t, err);
    for (size_t i = 0; rc == 0 && i < f->set.nRec; i++) {
        Rec *r = &f->set.aRec[i];
        int iWhat = 0;
        if (rec_resolve(t.p, t.d, r, &iWhat, &t.name, &t.sugg)) {
            int aiCol[] = { 1, f->iColConcerns, f->iColAsked };
            char zWhere[96];
            (void)snprintf(zWhere, sizeof zWhere,
                           "line %d, column %d (%s): ", f->aiLine[i],
                           aiCol[iWhat], azWhat[iWhat]);
            rec_unknown(err, zWhere, iWhat, &t.name, &t.sugg);
            rc = -1;
        } else if (rec_write(s, t.p->zCode, r, err)) {
            apperr_prefix(err, "line %d", f->aiLine[i]);
            rc = -1;
        }
    }
    if (rc && t.p) {
        apperr_prefix(err, "cannot import '%s'", f->zFile);
    }
    return rec_txn_end(s, rc, &t, err);
}

int
app_rec_put(Store *s, const Actor *who, const char *zPlan, Rec *r, int bCreate,
            AppErr *err)
{
    RecTxn t;
    RecSet have = { 0 };
    if (rec_may_record(who, err)) {
        return -1;
    }
    int rc = rec_txn_begin(s, who, zPlan, &t, err);
    int iWhat = 0;
    if (rc == 0 && (!r->zText || !*r->zText || !r->zCode || !*r->zCode)) {
        rc = apperr_set(err, APPERR_INPUT,
                        "a recommendation needs a code and a text");
    } else if (rc == 0 && rec_resolve(t.p, t.d, r, &iWhat, &t.name, &t.sugg)) {
        char zWhere[64];
        (void)snprintf(zWhere, sizeof zWhere, "%s: ", azWhat[iWhat]);
        rc = rec_unknown(err, zWhere, iWhat, &t.name, &t.sugg);
    }
    if (rc == 0 && bCreate) {
        rc = store_rec_list(s, t.p->zCode, &have, err);
        if (rc == 0 && rec_set_find(&have, r->zRound, r->zCode)) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            "round %s has a recommendation %s already",
                            r->zRound, r->zCode);
        }
    }
    if (rc == 0) {
        rc = rec_write(s, t.p->zCode, r, err);
    }
    rec_set_release(&have);
    return rec_txn_end(s, rc, &t, err);
}

int
app_followup_put(Store *s, const Actor *who, const char *zPlan,
                 const char *zRound, const char *zCode, const RecFollowup *f,
                 AppErr *err)
{
    Model m = { 0 };
    if (rec_may_record(who, err)) {
        return -1;
    }
    int rc = app_begin(s, who, err) || store_load_node(s, zPlan, "", &m, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    rc = rc || !p;
    const Round *r = p ? plan_find_round(p, f->zRound) : NULL;
    if (rc == 0 && !r) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no round '%s'", f->zRound);
    }
    if (rc == 0) {
        rc = rec_may_follow_up(p, zRound, r, err) ||
             store_followup_put(s, p->zCode, zRound, zCode, f, err);
    }
    rc = app_end(s, rc ? -1 : 0, err);
    model_release(&m);
    return rc;
}

int
app_action_point_put(Store *s, const Actor *who, const char *zPlan,
                     const char *zRound, const char *zNode, const char *zText,
                     int iVersion, AppErr *err)
{
    Model m = MODEL_INIT;
    int rc =
        app_begin(s, who, err) || store_load_node(s, zPlan, zNode, &m, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    rc = rc || !p;
    const Round *rd = p ? plan_find_round(p, zRound) : NULL;
    const Node *n = NULL;
    const Assessment *a = NULL;
    if (rc == 0 && !rd) {
        rc = apperr_set(err, APPERR_NOTFOUND, _("no round '%s'"), zRound);
    }
    if (rc == 0) {
        /* The one node store_load_node() read, if it exists. */
        n = p->nNode == 1 && str_eq(p->aNode[0].zCode, zNode) ? &p->aNode[0]
                                                              : NULL;
        a = n ? node_find_assessment(n, zRound) : NULL;
        if (!n) {
            rc =
                apperr_set(err, APPERR_NOTFOUND,
                           _("no activity '%s' in plan '%s'"), zNode, p->zCode);
        } else if (!a) {
            rc = apperr_set(err, APPERR_NOTFOUND,
                            _("activity %s is not part of round %s"), zNode,
                            zRound);
        }
    }
    if (rc == 0) {
        rc = rec_action_point_may(who, zNode, rd, a, iVersion, zText, err);
    }
    if (rc == 0) {
        /* The assessment as read, with the new wording (a copy: the
        ** strings are the model's); the store repeats the version guard. */
        Assessment na = *a;
        char *zNew = xstrdup(zText);
        na.zActionPoint = zNew;
        na.iVersion = iVersion;
        rc = store_assessment_put(s, p->zCode, n->zCode, &na, 0, err);
        free(zNew);
    }
    rc = app_end(s, rc ? -1 : 0, err);
    model_release(&m);
    return rc;
}

int
app_recs_read(Store *s, const char *zPlan, Model *m, Plan **pp, RecSet *out,
              AppErr *err)
{
    memset(out, 0, sizeof *out);
    *pp = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_load_node(s, zPlan, "", m, err);
    Plan *p = rc ? NULL : app_plan(m, zPlan, err);
    rc = rc || !p || store_rec_list(s, p->zCode, out, err);
    store_end_read(s);
    *pp = rc ? NULL : p;
    return rc ? -1 : 0;
}

int
app_action_plan_read(Store *s, const char *zPlan, const char *zRound, Model *m,
                     Plan **pp, const Round **prd, RecSet *out, FundSet *pFund,
                     AppErr *err)
{
    memset(out, 0, sizeof *out);
    memset(pFund, 0, sizeof *pFund);
    *pp = NULL;
    *prd = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    const char *azRound[] = { zRound };
    int rc = store_load_rounds(s, zPlan, azRound, 1, 0, m, err);
    Plan *p = rc ? NULL : app_plan(m, zPlan, err);
    const Round *rd = p ? plan_find_round(p, zRound) : NULL;
    if (p && !rd) {
        apperr_set(err, APPERR_NOTFOUND, "no round '%s'", zRound);
    }
    rc = rc || !rd || store_rec_list(s, p->zCode, out, err) ||
         store_fund_list(s, p->zCode, zRound, pFund, err);
    store_end_read(s);
    *pp = rc ? NULL : p;
    *prd = rc ? NULL : rd;
    return rc ? -1 : 0;
}
