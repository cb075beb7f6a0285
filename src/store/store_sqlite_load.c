/*
** store_sqlite_load.c — reading the model (store_load(), store_load_node(),
** store_load_rounds()) from an SQLite database: organisations, then each
** plan's levels, rounds, nodes in pre-order, links, assessments and
** statements, each in one query whose rows are put in order here.
*/
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store_sqlite_int.h"
#include "store_tree.h"
#include "../base/base.h"
#include "../base/banned.h"

static int
sq_load_orgs(SqStore *S, Model *m, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT o.id, o.acronym, o.name, o.kind, p.acronym,"
                   " o.name_km FROM org o LEFT JOIN org p ON p.id = o.parent_id"
                   " ORDER BY o.acronym COLLATE NOCASE, o.acronym",
                   &st, err)) {
        return -1;
    }
    sqlite3_int64 *aId = NULL;
    size_t nIdAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&aId, &nIdAlloc, m->nOrg, sizeof *aId);
        aId[m->nOrg] = sqlite3_column_int64(st, 0);
        Org *o = model_add_org(m);
        o->zAcronym = sq_col_dup(st, 1);
        o->zName = sq_col_dup(st, 2);
        char *zKind = sq_col_dup(st, 3);
        if (org_kind_parse(zKind, &o->eKind)) {
            o->eKind = ORG_OTHER;
        }
        free(zKind);
        o->zParent = sq_col_dup(st, 4);
        o->zNameKm = sq_col_dup(st, 5);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        free(aId);
        return sq_fail(S, err, "reading organisations");
    }
    /* All aliases in one query, attached by organisation id. */
    if (SQ_PREPARE(S,
                   "SELECT org_id, alias FROM org_alias"
                   " ORDER BY org_id, position",
                   &st, err)) {
        free(aId);
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 orgId = sqlite3_column_int64(st, 0);
        for (size_t i = 0; i < m->nOrg; i++) {
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): *m was empty */
            if (aId[i] == orgId) {
                strv_push(&m->aOrg[i].azAlias, &m->aOrg[i].nAlias,
                          (const char *)sqlite3_column_text(st, 1));
                break;
            }
        }
    }
    sq_finalize(S, st);
    rc = rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading aliases");
    free(aId);
    return rc;
}

/* Add the assessments st yields (node id, round code, action point,
** progress, rating, state, version) to their nodes; gives st back. */
static int
sq_load_assessment_rows(SqStore *S, sqlite3_stmt *st, const StoreIdIndex *aMap,
                        size_t nMap, Plan *p, AppErr *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = store_tree_index_of(aMap, nMap, sqlite3_column_int64(st, 0));
        if (i < 0) {
            continue;
        }
        Assessment *a = node_add_assessment(&p->aNode[i]);
        a->zRound = sq_col_dup(st, 1);
        a->zActionPoint = sq_col_dup(st, 2);
        a->zProgress = sq_col_dup(st, 3);
        const char *zRating = (const char *)sqlite3_column_text(st, 4);
        a->eRating = RATING_NONE;
        for (int r = 0; r < RATING_COUNT; r++) {
            if (str_eq(zRating, rating_key((Rating)r))) {
                a->eRating = (Rating)r;
            }
        }
        if (assess_state_parse((const char *)sqlite3_column_text(st, 5),
                               &a->eState)) {
            a->eState = ASSESS_DRAFT;
        }
        a->iVersion = sqlite3_column_int(st, 6);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading assessments");
}

/* Every organisation's acronym by id (ascending), for the links of a
** whole plan: looked up here instead of joined, which cost a b-tree
** search per link.  Returns 0 or -1 with err filled. */
typedef struct SqOrgNames {
    sqlite3_int64 *aId;
    char **azAcronym;
    size_t n;
} SqOrgNames;

static int
sq_org_names(SqStore *S, SqOrgNames *o, AppErr *err)
{
    memset(o, 0, sizeof *o);
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT id, acronym FROM org ORDER BY id", &st, err)) {
        return -1;
    }
    size_t nAlloc = 0, nAlloc2 = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&o->aId, &nAlloc, o->n, sizeof *o->aId);
        xgrow((void **)&o->azAcronym, &nAlloc2, o->n, sizeof *o->azAcronym);
        o->aId[o->n] = sqlite3_column_int64(st, 0);
        o->azAcronym[o->n++] = sq_col_dup(st, 1);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading organisations");
}

static const char *
sq_org_name(const SqOrgNames *o, sqlite3_int64 id)
{
    size_t lo = 0, hi = o->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o->aId[mid] < id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < o->n && o->aId[lo] == id ? o->azAcronym[lo] : NULL;
}

static void
sq_org_names_release(SqOrgNames *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->azAcronym[i]);
    }
    free(o->azAcronym);
    free(o->aId);
    memset(o, 0, sizeof *o);
}

/* The nodes of plan planId with their links and assessments; with zNode,
** only that node (a one-node plan whose node has no parent: what a use
** case needs to check and change one activity, at a cost independent of
** the plan's size); with azRound, the assessments of those nRound rounds
** only. */
static int
sq_load_nodes(SqStore *S, sqlite3_int64 planId, const char *zNode,
              const char *const *azRound, size_t nRound, Plan *p, AppErr *err)
{
    sqlite3_stmt *st;
    int bOne = zNode != NULL;
    if (bOne ? SQ_PREPARE(S,
                          "SELECT id, 0, position, depth, code, text,"
                          " indicator, text_km, indicator_km,"
                          " (SELECT q.code || '/' || d.code"
                          "  FROM node d JOIN plan q ON q.id = d.plan_id"
                          "  WHERE d.id = node.predecessor_id)"
                          " FROM node WHERE plan_id = $1 AND code = $2",
                          &st, err)
             : SQ_PREPARE(S,
                          "SELECT id, coalesce(parent_id, 0), position, depth,"
                          " code, text, indicator, text_km, indicator_km,"
                          " (SELECT q.code || '/' ||"
                          "  d.code FROM node d JOIN plan q"
                          "  ON q.id = d.plan_id"
                          "  WHERE d.id = node.predecessor_id)"
                          " FROM node WHERE plan_id = $1",
                          &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    if (bOne) {
        sq_bind_text(st, 2, zNode);
    }
    StoreNodeRow *aRow = NULL;
    size_t nRow = 0, nRowAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&aRow, &nRowAlloc, nRow, sizeof *aRow);
        StoreNodeRow *r = &aRow[nRow++];
        r->id = sqlite3_column_int64(st, 0);
        r->parentId = sqlite3_column_int64(st, 1);
        r->position = sqlite3_column_int64(st, 2);
        r->depth = sqlite3_column_int(st, 3);
        r->zCode = sq_col_dup(st, 4);
        r->zText = sq_col_dup(st, 5);
        r->zIndicator = sq_col_dup(st, 6);
        r->zTextKm = sq_col_dup(st, 7);
        r->zIndicatorKm = sq_col_dup(st, 8);
        r->zPred = sq_col_dup(st, 9);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        rc = sq_fail(S, err, "reading plan nodes");
        goto out;
    }
    if (nRow) {
        qsort(aRow, nRow, sizeof *aRow, store_tree_node_cmp);
    }
    StoreIdIndex *aMap = xcalloc(nRow ? nRow : 1, sizeof *aMap);
    size_t nRoots = 0;
    while (nRoots < nRow && aRow[nRoots].parentId == 0) {
        nRoots++;
    }
    store_tree_emit(p, aRow, nRow, 0, nRoots, -1, aMap);
    size_t nMap = p->nNode;
    qsort(aMap, nMap, sizeof *aMap, store_tree_id_cmp);

    /* Links: read in the order SQLite finds them (an ORDER BY cost a
    ** temporary b-tree as large as the plan's links), then put in role and
    ** position order here.  A whole plan's in one pass over the links in
    ** table order (CROSS JOIN keeps it: through the node index SQLite
    ** searched the links' b-tree once per node and fetched each row by
    ** id), named from the organisations read beforehand. */
    SqOrgNames orgs = { NULL, NULL, 0 };
    if (!bOne && sq_org_names(S, &orgs, err)) {
        rc = -1;
        goto out_map;
    }
    if (bOne ? SQ_PREPARE(S,
                          "SELECT l.node_id, l.role, o.acronym, l.position"
                          " FROM node_org l JOIN org o ON o.id = l.org_id"
                          " WHERE l.node_id = $1",
                          &st, err)
             : SQ_PREPARE(S,
                          "SELECT l.node_id, l.role, l.org_id, l.position"
                          " FROM node_org l CROSS JOIN node n"
                          " ON n.id = l.node_id WHERE n.plan_id = $1",
                          &st, err)) {
        sq_org_names_release(&orgs);
        rc = -1;
        goto out_map;
    }
    sq_bind_int(st, 1, bOne ? (nMap ? aMap[0].id : -1) : planId);
    StoreLinkRow *aLink = NULL;
    size_t nLink = 0, nLinkAlloc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = store_tree_index_of(aMap, nMap, sqlite3_column_int64(st, 0));
        if (i < 0) {
            continue;
        }
        xgrow((void **)&aLink, &nLinkAlloc, nLink, sizeof *aLink);
        StoreLinkRow *l = &aLink[nLink++];
        l->iNode = i;
        l->bResponsible =
            str_eq((const char *)sqlite3_column_text(st, 1), "responsible");
        l->position = sqlite3_column_int64(st, 3);
        l->zOrg =
            bOne ? sq_col_dup(st, 2)
                 : xstrdup(sq_org_name(&orgs, sqlite3_column_int64(st, 2)));
        if (!l->zOrg) { /* cannot be: the foreign key holds */
            nLink--;
        }
    }
    sq_finalize(S, st);
    sq_org_names_release(&orgs);
    if (nLink) {
        qsort(aLink, nLink, sizeof *aLink, store_tree_link_cmp);
    }
    for (size_t k = 0; k < nLink; k++) {
        Node *n = &p->aNode[aLink[k].iNode];
        if (aLink[k].bResponsible) {
            strv_push(&n->azResp, &n->nResp, aLink[k].zOrg);
        } else {
            strv_push(&n->azContrib, &n->nContrib, aLink[k].zOrg);
        }
        free(aLink[k].zOrg);
    }
    free(aLink);
    if (rc != SQLITE_DONE) {
        rc = sq_fail(S, err, "reading links");
        goto out_map;
    }
    rc = 0;

    /* Assessments, in round order (as-of date, then code). */
    if (bOne) {
        if (SQ_PREPARE(S,
                       "SELECT a.node_id, r.code, a.action_point,"
                       " a.progress, a.rating, a.state, a.version"
                       " FROM assessment a JOIN round r ON r.id = a.round_id"
                       " WHERE a.node_id = $1"
                       " ORDER BY r.as_of IS NULL, r.as_of, r.code",
                       &st, err)) {
            rc = -1;
            goto out_map;
        }
        sq_bind_int(st, 1, nMap ? aMap[0].id : -1);
        rc = sq_load_assessment_rows(S, st, aMap, nMap, p, err);
    } else if (!azRound) {
        if (SQ_PREPARE(S,
                       "SELECT a.node_id, r.code, a.action_point,"
                       " a.progress, a.rating, a.state, a.version"
                       " FROM assessment a CROSS JOIN round r"
                       " ON r.id = a.round_id WHERE r.plan_id = $1",
                       &st, err)) {
            rc = -1;
            goto out_map;
        }
        sq_bind_int(st, 1, planId);
        rc = sq_load_assessment_rows(S, st, aMap, nMap, p, err);
    }
    for (size_t k = 0; azRound && rc == 0 && k < nRound; k++) {
        /* Through the round index: only this round's rows are read. */
        if (SQ_PREPARE(S,
                       "SELECT a.node_id, r.code, a.action_point,"
                       " a.progress, a.rating, a.state, a.version"
                       " FROM round r JOIN assessment a ON a.round_id = r.id"
                       " WHERE r.plan_id = $1 AND r.code = $2",
                       &st, err)) {
            rc = -1;
            goto out_map;
        }
        sq_bind_int(st, 1, planId);
        sq_bind_text(st, 2, azRound[k]);
        rc = sq_load_assessment_rows(S, st, aMap, nMap, p, err);
    }
    /* CROSS JOIN keeps SQLite's loop order: one sequential pass over the
    ** assessments, each round looked up in a table of a few rows (through
    ** the round index it fetched every assessment row by id instead).  No
    ** ORDER BY: sorting every assessment with its text spilled to disk;
    ** each node's few assessments are put in round order here. */
    for (size_t i = 0; rc == 0 && i < p->nNode; i++) {
        store_tree_sort_assessments(p, &p->aNode[i]);
    }
out_map:
    free(aMap);
out:
    for (size_t k = 0; k < nRow; k++) {
        free(aRow[k].zCode);
        free(aRow[k].zText);
        free(aRow[k].zIndicator);
        free(aRow[k].zTextKm);
        free(aRow[k].zIndicatorKm);
        free(aRow[k].zPred);
    }
    free(aRow);
    return rc;
}

static int
sq_load_plan(SqStore *S, sqlite3_int64 planId, const StoreScope *scope, Plan *p,
             AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT name, has_indicator FROM plan_level"
                   " WHERE plan_id = $1 ORDER BY depth",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
           p->nLevel < (int)LIMIT_PLAN_LEVELS) {
        p->aLevel[p->nLevel].zName = sq_col_dup(st, 0);
        p->aLevel[p->nLevel].bIndicator = sqlite3_column_int(st, 1);
        p->nLevel++;
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        return sq_fail(S, err, "reading plan levels");
    }
    if (SQ_PREPARE(S,
                   "SELECT code, title, as_of, state, due FROM round"
                   " WHERE plan_id = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Round *r = plan_add_round(p);
        r->zCode = sq_col_dup(st, 0);
        r->zTitle = sq_col_dup(st, 1);
        r->zAsOf = sq_col_dup(st, 2);
        if (round_state_parse((const char *)sqlite3_column_text(st, 3),
                              &r->eState)) {
            r->eState = ROUND_DRAFT;
        }
        r->zDue = sq_col_dup(st, 4);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading rounds");
    }
    /* Each round's extensions, by organisation. */
    if (SQ_PREPARE(S,
                   "SELECT r.code, o.acronym, e.due, e.reason, e.granted_by,"
                   " e.granted_at, e.version FROM round_extension e"
                   " JOIN round r ON r.id = e.round_id"
                   " JOIN org o ON o.id = e.org_id WHERE r.plan_id = $1"
                   " ORDER BY r.code, o.acronym",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Round *r = plan_find_round(p, (const char *)sqlite3_column_text(st, 0));
        if (!r) {
            continue;
        }
        RoundExt *e = round_add_ext(r);
        e->zOrg = sq_col_dup(st, 1);
        e->zDue = sq_col_dup(st, 2);
        e->zReason = sq_col_dup(st, 3);
        e->zBy = sq_col_dup(st, 4);
        e->zAt = sq_col_dup(st, 5);
        e->iVersion = sqlite3_column_int(st, 6);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading extensions");
    }
    /* Each round's chapters. */
    if (SQ_PREPARE(S,
                   "SELECT r.code, c.kind, c.text, c.text_km, c.written_by,"
                   " c.written_at, c.version FROM round_chapter c"
                   " JOIN round r ON r.id = c.round_id WHERE r.plan_id = $1"
                   " ORDER BY c.id",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Round *r = plan_find_round(p, (const char *)sqlite3_column_text(st, 0));
        ChapterKind eKind;
        if (!r || chapter_kind_parse((const char *)sqlite3_column_text(st, 1),
                                     &eKind)) {
            continue;
        }
        RoundChapter *c = round_add_chapter(r);
        c->eKind = eKind;
        c->zText = sq_col_dup(st, 2);
        c->zTextKm = sq_col_dup(st, 3);
        c->zBy = sq_col_dup(st, 4);
        c->zAt = sq_col_dup(st, 5);
        c->iVersion = sqlite3_column_int(st, 6);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading chapters");
    }
    plan_sort_rounds(p);
    size_t nRound = 0;
    const char **azRound = store_tree_scope_rounds(scope, p, &nRound);
    rc = sq_load_nodes(S, planId, scope->zNode, azRound, nRound, p, err);
    if (rc == 0) {
        rc = sq_load_statements(S, planId, scope->zNode, azRound, nRound, p,
                                err);
    }
    free(azRound);
    return rc;
}

int
sq_load(Store *s, const StoreScope *scope, Model *m, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    const char *zPlan = scope->zPlan;
    if (!scope->bNoOrgs && sq_load_orgs(S, m, err)) {
        return -1;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT id, code, title, title_km FROM plan"
                   " WHERE $1 IS NULL OR code = $1 ORDER BY id",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    sqlite3_int64 *aId = NULL;
    size_t nIdAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&aId, &nIdAlloc, m->nPlan, sizeof *aId);
        aId[m->nPlan] = sqlite3_column_int64(st, 0);
        Plan *p = model_add_plan(m);
        p->zCode = sq_col_dup(st, 1);
        p->zTitle = sq_col_dup(st, 2);
        p->zTitleKm = sq_col_dup(st, 3);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        free(aId);
        return sq_fail(S, err, "reading plans");
    }
    rc = 0;
    if (zPlan && m->nPlan == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    for (size_t i = 0; i < m->nPlan && rc == 0; i++) {
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): *m was empty */
        rc = sq_load_plan(S, aId[i], scope, &m->aPlan[i], err);
    }
    free(aId);
    return rc;
}
