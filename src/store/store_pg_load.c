/*
** store_pg_load.c — reading the model (store_load(), store_load_node(),
** store_load_rounds()) from PostgreSQL: the translation of
** store_sqlite_load.c.  Organisations, then each plan's levels, rounds,
** nodes, links, assessments and statements, each in one query whose rows
** store_tree.c puts in the model's order.
*/
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "store_tree.h"
#include "../base/base.h"
#include "../base/banned.h"

static int
pg_load_orgs(PgStore *S, Model *m, AppErr *err)
{
    /* SQLite's order: acronyms without regard to ASCII case, then as
    ** bytes (COLLATE "C" keeps lower() to ASCII as NOCASE does). */
    PGresult *r =
        PG_QUERY(S,
                 "SELECT o.id, o.acronym, o.name, o.kind, p.acronym,"
                 " o.name_km FROM org o LEFT JOIN org p ON p.id = o.parent_id"
                 " ORDER BY lower(o.acronym), o.acronym",
                 NULL, err, "reading organisations");
    if (!r) {
        return -1;
    }
    int n = PQntuples(r);
    long long *aId = xcalloc(n ? (size_t)n : 1, sizeof *aId);
    for (int row = 0; row < n; row++) {
        aId[row] = pg_int(r, row, 0);
        Org *o = model_add_org(m);
        o->zAcronym = pg_dup(r, row, 1);
        o->zName = pg_dup(r, row, 2);
        if (org_kind_parse(pg_text(r, row, 3), &o->eKind)) {
            o->eKind = ORG_OTHER;
        }
        o->zParent = pg_dup(r, row, 4);
        o->zNameKm = pg_dup(r, row, 5);
    }
    PQclear(r);
    r = PG_QUERY(S,
                 "SELECT org_id, alias FROM org_alias"
                 " ORDER BY org_id, position",
                 NULL, err, "reading aliases");
    if (!r) {
        free(aId);
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        long long orgId = pg_int(r, row, 0);
        for (size_t i = 0; i < m->nOrg; i++) {
            if (aId[i] == orgId) {
                strv_push(&m->aOrg[i].azAlias, &m->aOrg[i].nAlias,
                          pg_text(r, row, 1));
                break;
            }
        }
    }
    PQclear(r);
    free(aId);
    return 0;
}

/* Add the assessments of r (node id, round code, action point, progress,
** rating, state, version) to their nodes; clears r. */
static int
pg_load_assessment_rows(PGresult *r, const StoreIdIndex *aMap, size_t nMap,
                        Plan *p)
{
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        long i = store_tree_index_of(aMap, nMap, pg_int(r, row, 0));
        if (i < 0) {
            continue;
        }
        Assessment *a = node_add_assessment(&p->aNode[i]);
        a->zRound = pg_dup(r, row, 1);
        a->zActionPoint = pg_dup(r, row, 2);
        a->zProgress = pg_dup(r, row, 3);
        const char *zRating = pg_text(r, row, 4);
        a->eRating = RATING_NONE;
        for (int k = 0; k < RATING_COUNT; k++) {
            if (str_eq(zRating, rating_key((Rating)k))) {
                a->eRating = (Rating)k;
            }
        }
        if (assess_state_parse(pg_text(r, row, 5), &a->eState)) {
            a->eState = ASSESS_DRAFT;
        }
        a->iVersion = (int)pg_int(r, row, 6);
    }
    PQclear(r);
    return 0;
}

/* The nodes of plan planId with their links and assessments; with zNode
** only that node (as a top-level node); with azRound the assessments of
** those rounds only (see sq_load_nodes()). */
static int
pg_load_nodes(PgStore *S, long long planId, const char *zNode,
              const char *const *azRound, size_t nRound, Plan *p, AppErr *err)
{
    int bOne = zNode != NULL;
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, planId);
    PGresult *r;
    if (bOne) {
        pg_arg_text(&a, 2, zNode);
        r = PG_QUERY(S,
                     "SELECT id, 0, position, depth, code, text, indicator,"
                     " text_km, indicator_km,"
                     " (SELECT q.code || '/' || d.code FROM node d"
                     "  JOIN plan q ON q.id = d.plan_id"
                     "  WHERE d.id = node.predecessor_id)"
                     " FROM node WHERE plan_id = $1 AND code = $2",
                     &a, err, "reading plan nodes");
    } else {
        r = PG_QUERY(S,
                     "SELECT id, coalesce(parent_id, 0), position, depth,"
                     " code, text, indicator, text_km, indicator_km,"
                     " (SELECT q.code || '/' ||"
                     "  d.code FROM node d JOIN plan q ON q.id = d.plan_id"
                     "  WHERE d.id = node.predecessor_id)"
                     " FROM node WHERE plan_id = $1",
                     &a, err, "reading plan nodes");
    }
    if (!r) {
        return -1;
    }
    size_t nRow = (size_t)PQntuples(r);
    StoreNodeRow *aRow = xcalloc(nRow ? nRow : 1, sizeof *aRow);
    for (size_t k = 0; k < nRow; k++) {
        int row = (int)k;
        aRow[k].id = pg_int(r, row, 0);
        aRow[k].parentId = pg_int(r, row, 1);
        aRow[k].position = pg_int(r, row, 2);
        aRow[k].depth = (int)pg_int(r, row, 3);
        aRow[k].zCode = pg_dup(r, row, 4);
        aRow[k].zText = pg_dup(r, row, 5);
        aRow[k].zIndicator = pg_dup(r, row, 6);
        aRow[k].zTextKm = pg_dup(r, row, 7);
        aRow[k].zIndicatorKm = pg_dup(r, row, 8);
        aRow[k].zPred = pg_dup(r, row, 9);
    }
    PQclear(r);
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
    int rc = 0;

    /* Links, put in order here. */
    PgArgs b = { 0 };
    pg_arg_int(&b, 1, bOne ? (nMap ? aMap[0].id : -1) : planId);
    r = bOne ? PG_QUERY(S,
                        "SELECT l.node_id, l.role, o.acronym, l.position"
                        " FROM node_org l JOIN org o ON o.id = l.org_id"
                        " WHERE l.node_id = $1",
                        &b, err, "reading links")
             : PG_QUERY(S,
                        "SELECT l.node_id, l.role, o.acronym, l.position"
                        " FROM node n JOIN node_org l ON l.node_id = n.id"
                        " JOIN org o ON o.id = l.org_id WHERE n.plan_id = $1",
                        &b, err, "reading links");
    if (!r) {
        rc = -1;
        goto out;
    }
    size_t nLink = 0;
    StoreLinkRow *aLink = xcalloc((size_t)PQntuples(r) + 1, sizeof *aLink);
    for (int row = 0; row < PQntuples(r); row++) {
        long i = store_tree_index_of(aMap, nMap, pg_int(r, row, 0));
        if (i < 0) {
            continue;
        }
        StoreLinkRow *l = &aLink[nLink++];
        l->iNode = i;
        l->bResponsible = str_eq(pg_text(r, row, 1), "responsible");
        l->position = pg_int(r, row, 3);
        l->zOrg = pg_dup(r, row, 2);
    }
    PQclear(r);
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

    /* Assessments, then put in round order per node. */
    if (bOne) {
        PgArgs c = { 0 };
        pg_arg_int(&c, 1, nMap ? aMap[0].id : -1);
        rc = pg_load_assessment_rows(
            PG_QUERY(S,
                     "SELECT a.node_id, r.code, a.action_point, a.progress,"
                     " a.rating, a.state, a.version FROM assessment a"
                     " JOIN round r ON r.id = a.round_id WHERE a.node_id = $1",
                     &c, err, "reading assessments"),
            aMap, nMap, p);
    } else if (!azRound) {
        rc = pg_load_assessment_rows(
            PG_QUERY(S,
                     "SELECT a.node_id, r.code, a.action_point, a.progress,"
                     " a.rating, a.state, a.version FROM assessment a"
                     " JOIN round r ON r.id = a.round_id WHERE r.plan_id = $1",
                     &a, err, "reading assessments"),
            aMap, nMap, p);
    }
    for (size_t k = 0; azRound && rc == 0 && k < nRound; k++) {
        PgArgs c = { 0 };
        pg_arg_int(&c, 1, planId);
        pg_arg_text(&c, 2, azRound[k]);
        rc = pg_load_assessment_rows(
            PG_QUERY(S,
                     "SELECT a.node_id, r.code, a.action_point, a.progress,"
                     " a.rating, a.state, a.version FROM round r"
                     " JOIN assessment a ON a.round_id = r.id"
                     " WHERE r.plan_id = $1 AND r.code = $2",
                     &c, err, "reading assessments"),
            aMap, nMap, p);
    }
    for (size_t i = 0; rc == 0 && i < p->nNode; i++) {
        store_tree_sort_assessments(p, &p->aNode[i]);
    }
out:
    free(aMap);
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
pg_load_plan(PgStore *S, long long planId, const StoreScope *scope, Plan *p,
             AppErr *err)
{
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, planId);
    PGresult *r = PG_QUERY(S,
                           "SELECT name, has_indicator::int FROM plan_level"
                           " WHERE plan_id = $1 ORDER BY depth",
                           &a, err, "reading plan levels");
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r) && p->nLevel < (int)LIMIT_PLAN_LEVELS;
         row++) {
        p->aLevel[p->nLevel].zName = pg_dup(r, row, 0);
        p->aLevel[p->nLevel].bIndicator = (int)pg_int(r, row, 1);
        p->nLevel++;
    }
    PQclear(r);
    r = PG_QUERY(S,
                 "SELECT code, title, as_of, state, due FROM round"
                 " WHERE plan_id = $1",
                 &a, err, "reading rounds");
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        Round *rd = plan_add_round(p);
        rd->zCode = pg_dup(r, row, 0);
        rd->zTitle = pg_dup(r, row, 1);
        rd->zAsOf = pg_dup(r, row, 2);
        if (round_state_parse(pg_text(r, row, 3), &rd->eState)) {
            rd->eState = ROUND_DRAFT;
        }
        rd->zDue = pg_dup(r, row, 4);
    }
    PQclear(r);
    /* Each round's extensions, by organisation. */
    r = PG_QUERY(
        S,
        "SELECT r.code, o.acronym, e.due, e.reason, e.granted_by,"
        " " PG_TS(
            "e.granted_at") ", e.version"
                            " FROM round_extension e JOIN round r ON r.id = e.round_id"
                            " JOIN org o ON o.id = e.org_id WHERE r.plan_id = $1"
                            " ORDER BY r.code, o.acronym",
        &a, err, "reading extensions");
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        Round *rd = plan_find_round(p, pg_text(r, row, 0));
        if (!rd) {
            continue;
        }
        RoundExt *e = round_add_ext(rd);
        e->zOrg = pg_dup(r, row, 1);
        e->zDue = pg_dup(r, row, 2);
        e->zReason = pg_dup(r, row, 3);
        e->zBy = pg_dup(r, row, 4);
        e->zAt = pg_dup(r, row, 5);
        e->iVersion = (int)pg_int(r, row, 6);
    }
    PQclear(r);
    /* Each round's chapters. */
    r = PG_QUERY(
        S,
        "SELECT r.code, c.kind, c.text, c.text_km, c.written_by,"
        " " PG_TS(
            "c.written_at") ", c.version FROM round_chapter c"
                            " JOIN round r ON r.id = c.round_id WHERE r.plan_id = $1"
                            " ORDER BY c.id",
        &a, err, "reading chapters");
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        Round *rd = plan_find_round(p, pg_text(r, row, 0));
        ChapterKind eKind;
        if (!rd || chapter_kind_parse(pg_text(r, row, 1), &eKind)) {
            continue;
        }
        RoundChapter *c = round_add_chapter(rd);
        c->eKind = eKind;
        c->zText = pg_dup(r, row, 2);
        c->zTextKm = pg_dup(r, row, 3);
        c->zBy = pg_dup(r, row, 4);
        c->zAt = pg_dup(r, row, 5);
        c->iVersion = (int)pg_int(r, row, 6);
    }
    PQclear(r);
    plan_sort_rounds(p);
    size_t nRound = 0;
    const char **azRound = store_tree_scope_rounds(scope, p, &nRound);
    int rc = pg_load_nodes(S, planId, scope->zNode, azRound, nRound, p, err);
    if (rc == 0) {
        rc = pg_load_statements(S, planId, scope->zNode, azRound, nRound, p,
                                err);
    }
    free(azRound);
    return rc;
}

int
pg_load(Store *s, const StoreScope *scope, Model *m, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    const char *zPlan = scope->zPlan;
    if (!scope->bNoOrgs && pg_load_orgs(S, m, err)) {
        return -1;
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    PGresult *r = PG_QUERY(S,
                           "SELECT id, code, title, title_km FROM plan"
                           " WHERE $1::text IS NULL OR code = $1::text"
                           " ORDER BY id",
                           &a, err, "reading plans");
    if (!r) {
        return -1;
    }
    int n = PQntuples(r);
    long long *aId = xcalloc(n ? (size_t)n : 1, sizeof *aId);
    for (int row = 0; row < n; row++) {
        aId[row] = pg_int(r, row, 0);
        Plan *p = model_add_plan(m);
        p->zCode = pg_dup(r, row, 1);
        p->zTitle = pg_dup(r, row, 2);
        p->zTitleKm = pg_dup(r, row, 3);
    }
    PQclear(r);
    int rc = 0;
    if (zPlan && m->nPlan == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    for (size_t i = 0; i < m->nPlan && rc == 0; i++) {
        rc = pg_load_plan(S, aId[i], scope, &m->aPlan[i], err);
    }
    free(aId);
    return rc;
}
