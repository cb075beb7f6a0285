/*
** store_sqlite_rows.c — rows and sub-rows for the puts, in SQLite (see
** store.h, "rows"): one SELECT to read a row, one INSERT or UPDATE to write
** it, a DELETE and INSERTs to replace its sub-rows.  SQL only: what is
** audited, what counts as a change and which version a write needs are
** decided once, above every backend, in store_audit.c.  This file is what
** a PostgreSQL backend translates.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Step st, a query of at most one row whose first nCol columns are the
** row's columns and, with pVersion, whose column nCol is its version;
** finalizes st. */
int
sq_row_read(SqStore *S, sqlite3_stmt *st, int nCol, char **azOld, int *pVersion,
            int *pbFound, AppErr *err, const char *zWhat)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        for (int i = 0; i < nCol; i++) {
            azOld[i] = sq_col_dup(st, i);
        }
        if (pVersion) {
            *pVersion = sqlite3_column_int(st, nCol);
        }
        *pbFound = 1;
    }
    sq_finalize(S, st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return sq_fail(S, err, zWhat);
    }
    return 0;
}

int
sq_visit_rows(SqStore *S, sqlite3_stmt *st, StoreRowVisitor fn, void *pArg,
              AppErr *err, const char *zWhat)
{
    int nCol = sqlite3_column_count(st);
    const char *az[24];
    assert(nCol <= 24);
    int bStop = 0, rc;
    while (!bStop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < nCol; i++) {
            az[i] = (const char *)sqlite3_column_text(st, i);
        }
        bStop = fn(pArg, az, nCol);
    }
    sq_finalize(S, st);
    if (!bStop && rc != SQLITE_DONE) {
        return sq_fail(S, err, zWhat);
    }
    return 0;
}

/* Run an INSERT or UPDATE; finalizes st.  *pbDone is 1 when it changed
** one row, 0 when it changed none or met a unique key already there. */
int
sq_row_write(SqStore *S, sqlite3_stmt *st, int *pbDone, AppErr *err,
             const char *zWhat)
{
    int rc = sqlite3_step(st);
    int xrc = sqlite3_extended_errcode(S->db);
    sq_finalize(S, st);
    if (rc == SQLITE_DONE) {
        *pbDone = sqlite3_changes(S->db) == 1;
        return 0;
    }
    if (xrc == SQLITE_CONSTRAINT_UNIQUE ||
        xrc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        *pbDone = 0;
        return 0;
    }
    return sq_fail(S, err, zWhat);
}

/* The id of plan zPlan, -1 when there is none. */
int
sq_plan_find(SqStore *S, const char *zPlan, sqlite3_int64 *pId, AppErr *err)
{
    if (store_ids_get(&S->ids, STORE_ID_PLAN, 0, zPlan, pId)) {
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT id FROM plan WHERE code = $1", &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    if (sq_lookup_id(S, st, pId, err)) {
        return -1;
    }
    store_ids_put(&S->ids, STORE_ID_PLAN, 0, zPlan, *pId);
    return 0;
}

/* The id of organisation zAcronym, -1 when there is none. */
static int
sq_org_find(SqStore *S, const char *zAcronym, sqlite3_int64 *pId, AppErr *err)
{
    if (store_ids_get(&S->ids, STORE_ID_ORG, 0, zAcronym, pId)) {
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT id FROM org WHERE acronym = $1", &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zAcronym);
    if (sq_lookup_id(S, st, pId, err)) {
        return -1;
    }
    store_ids_put(&S->ids, STORE_ID_ORG, 0, zAcronym, *pId);
    return 0;
}

/* The id of node zCode of plan planId, -1 when there is none. */
static int
sq_node_id(SqStore *S, sqlite3_int64 planId, const char *zCode,
           sqlite3_int64 *pId, AppErr *err)
{
    if (store_ids_get(&S->ids, STORE_ID_NODE, planId, zCode, pId)) {
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT id FROM node WHERE plan_id = $1 AND code = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    sq_bind_text(st, 2, zCode);
    if (sq_lookup_id(S, st, pId, err)) {
        return -1;
    }
    store_ids_put(&S->ids, STORE_ID_NODE, planId, zCode, *pId);
    return 0;
}

/* The plan's id of a key (plan, ...) whose plan was looked up before in
** this transaction, else -1. */
static sqlite3_int64
sq_key_plan(SqStore *S, const char *const *azKey)
{
    sqlite3_int64 planId;
    return store_ids_get(&S->ids, STORE_ID_PLAN, 0, azKey[0], &planId) ? planId
                                                                       : -1;
}

/* The child (store_ids.h) that stands for a node's links in role k. */
static long long
sq_links_child(StoreSub k)
{
    return k == STORE_SUB_RESPONSIBLE ? STORE_IDS_CHILD_RESPONSIBLE
                                      : STORE_IDS_CHILD_CONTRIBUTING;
}

/* As sq_plan_find() and sq_org_find(), for writes: the puts check first
** that what they write refers to exists, so not finding it here is
** APPERR_NOTFOUND. */
static int
sq_plan_id(SqStore *S, const char *zPlan, sqlite3_int64 *pId, AppErr *err)
{
    if (sq_plan_find(S, zPlan, pId, err)) {
        return -1;
    }
    if (*pId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    return 0;
}

static int
sq_org_id(SqStore *S, const char *zAcronym, sqlite3_int64 *pId, AppErr *err)
{
    if (sq_org_find(S, zAcronym, pId, err)) {
        return -1;
    }
    if (*pId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'",
                          zAcronym);
    }
    return 0;
}

/* The ids of the activity and the round an assessment key names (plan,
** node, round); *piMissing is the index of the first that does not exist,
** or -1. */
static int
sq_assessment_find(SqStore *S, const char *const *azKey, sqlite3_int64 *pNodeId,
                   sqlite3_int64 *pRoundId, int *piMissing, AppErr *err)
{
    sqlite3_int64 planId;
    *pNodeId = *pRoundId = -1;
    if (sq_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0) {
        *piMissing = 0;
        return 0;
    }
    if (sq_node_id(S, planId, azKey[1], pNodeId, err)) {
        return -1;
    }
    if (*pNodeId < 0) {
        *piMissing = 1;
        return 0;
    }
    if (!store_ids_get(&S->ids, STORE_ID_ROUND, planId, azKey[2], pRoundId)) {
        sqlite3_stmt *st;
        if (SQ_PREPARE(S,
                       "SELECT id FROM round WHERE plan_id = $1 AND code = $2",
                       &st, err)) {
            return -1;
        }
        sq_bind_int(st, 1, planId);
        sq_bind_text(st, 2, azKey[2]);
        if (sq_lookup_id(S, st, pRoundId, err)) {
            return -1;
        }
        store_ids_put(&S->ids, STORE_ID_ROUND, planId, azKey[2], *pRoundId);
    }
    if (*pRoundId < 0) {
        *piMissing = 2;
    }
    return 0;
}

/* The id of the node a node key (plan, code) names, -1 if none. */
static int
sq_node_find(SqStore *S, const char *const *azKey, sqlite3_int64 *pId,
             AppErr *err)
{
    sqlite3_int64 planId;
    *pId = -1;
    if (sq_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    return planId < 0 ? 0 : sq_node_id(S, planId, azKey[1], pId, err);
}

/* The ids of the assessment and the organisation a statement key names
** (plan, node, round, organisation); *piMissing as in xRowGet. */
static int
sq_statement_find(SqStore *S, const char *const *azKey,
                  sqlite3_int64 *pAssessId, sqlite3_int64 *pOrgId,
                  int *piMissing, AppErr *err)
{
    sqlite3_int64 planId, nodeId;
    *pAssessId = *pOrgId = -1;
    if (sq_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0) {
        *piMissing = 0;
        return 0;
    }
    if (sq_node_id(S, planId, azKey[1], &nodeId, err)) {
        return -1;
    }
    if (nodeId < 0) {
        *piMissing = 1;
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT a.id FROM assessment a JOIN round r"
                   " ON r.id = a.round_id WHERE a.node_id = $1 AND r.code = $2"
                   " AND r.plan_id = $3",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, nodeId);
    sq_bind_text(st, 2, azKey[2]);
    sq_bind_int(st, 3, planId);
    if (sq_lookup_id(S, st, pAssessId, err)) {
        return -1;
    }
    if (*pAssessId < 0) {
        *piMissing = 2;
        return 0;
    }
    if (sq_org_find(S, azKey[3], pOrgId, err)) {
        return -1;
    }
    if (*pOrgId < 0) {
        *piMissing = 3;
    }
    return 0;
}

/* ---- reading a row ------------------------------------------------------ */

static int
sq_org_row_get(SqStore *S, const char *const *azKey, char **azOld, int *pbFound,
               AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT o.name, o.kind, p.acronym, o.name_km FROM org o"
                   " LEFT JOIN org p ON p.id = o.parent_id"
                   " WHERE o.acronym = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    return sq_row_read(S, st, STORE_ORG_NCOL, azOld, NULL, pbFound, err,
                       "reading an organisation");
}

static int
sq_plan_row_get(SqStore *S, const char *const *azKey, char **azOld,
                int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT title, EXISTS(SELECT 1 FROM node"
                   " WHERE plan_id = plan.id), title_km FROM plan"
                   " WHERE code = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    return sq_row_read(S, st, STORE_PLAN_NCOL, azOld, NULL, pbFound, err,
                       "reading a plan");
}

static int
sq_round_row_get(SqStore *S, const char *const *azKey, char **azOld,
                 int *pbFound, int *piMissing, AppErr *err)
{
    sqlite3_int64 planId;
    if (sq_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0) {
        *piMissing = 0;
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT title, as_of, state, due FROM round"
                   " WHERE plan_id = $1 AND code = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    sq_bind_text(st, 2, azKey[1]);
    return sq_row_read(S, st, STORE_ROUND_NCOL, azOld, NULL, pbFound, err,
                       "reading a round");
}

static int
sq_node_row_get(SqStore *S, const char *const *azKey, char **azOld,
                int *pbFound, int *piMissing, AppErr *err)
{
    sqlite3_int64 planId;
    if (sq_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0) {
        *piMissing = 0;
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT n.text, n.indicator, pn.code, n.depth, n.text_km,"
                   " n.indicator_km,"
                   " (SELECT q.code || '/' || d.code FROM node d"
                   "  JOIN plan q ON q.id = d.plan_id"
                   "  WHERE d.id = n.predecessor_id) FROM node n"
                   " LEFT JOIN node pn ON pn.id = n.parent_id"
                   " WHERE n.plan_id = $1 AND n.code = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    sq_bind_text(st, 2, azKey[1]);
    return sq_row_read(S, st, STORE_NODE_NCOL, azOld, NULL, pbFound, err,
                       "reading a plan node");
}

static int
sq_assessment_row_get(SqStore *S, const char *const *azKey, char **azOld,
                      int *pVersion, int *pbFound, int *piMissing, AppErr *err)
{
    sqlite3_int64 nodeId, roundId;
    if (sq_assessment_find(S, azKey, &nodeId, &roundId, piMissing, err)) {
        return -1;
    }
    if (*piMissing >= 0) {
        return 0;
    }
    if (store_ids_child_absent(&S->ids, STORE_ID_NODE, sq_key_plan(S, azKey),
                               azKey[1], roundId)) {
        return 0; /* nothing to read: see store_ids.h */
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT action_point, progress, rating, state, version"
                   " FROM assessment WHERE node_id = $1 AND round_id = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, nodeId);
    sq_bind_int(st, 2, roundId);
    return sq_row_read(S, st, STORE_ASSESSMENT_NCOL, azOld, pVersion, pbFound,
                       err, "reading an assessment");
}

static int
sq_statement_row_get(SqStore *S, const char *const *azKey, char **azOld,
                     int *pVersion, int *pbFound, int *piMissing, AppErr *err)
{
    sqlite3_int64 assessId, orgId;
    if (sq_statement_find(S, azKey, &assessId, &orgId, piMissing, err)) {
        return -1;
    }
    if (*piMissing >= 0) {
        return 0;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT text, proposed_rating, state, comment, version"
                   " FROM statement WHERE assessment_id = $1 AND org_id = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, assessId);
    sq_bind_int(st, 2, orgId);
    return sq_row_read(S, st, STORE_STATEMENT_NCOL, azOld, pVersion, pbFound,
                       err, "reading a statement");
}

static int
sq_user_row_get(SqStore *S, const char *const *azKey, char **azOld,
                int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT u.role, o.acronym, u.disabled, u.pw_hash, u.email,"
                   " u.mail, u.lang FROM account u"
                   " LEFT JOIN org o ON o.id = u.org_id WHERE u.name = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    return sq_row_read(S, st, STORE_USER_NCOL, azOld, NULL, pbFound, err,
                       "reading a user");
}

static int sq_ext_row_get(SqStore *S, const char *const *azKey, char **azOld,
                          int *pVersion, int *pbFound, AppErr *err);
static int sq_chapter_row_get(SqStore *S, const char *const *azKey,
                              char **azOld, int *pVersion, int *pbFound,
                              AppErr *err);
static int sq_chapter_row_put(SqStore *S, const char *const *azKey,
                              const char *const *az, int bInsert, int iVersion,
                              int *pbDone, AppErr *err);

int
sq_row_get(Store *s, StoreEntity e, const char *const *azKey, char **azOld,
           int *pVersion, int *pbFound, int *piMissing, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    for (int i = 0; i < STORE_NCOL_MAX; i++) {
        azOld[i] = NULL;
    }
    *pVersion = 0;
    *pbFound = 0;
    *piMissing = -1;
    switch (e) {
    case STORE_ORG:
        return sq_org_row_get(S, azKey, azOld, pbFound, err);
    case STORE_PLAN:
        return sq_plan_row_get(S, azKey, azOld, pbFound, err);
    case STORE_ROUND:
        return sq_round_row_get(S, azKey, azOld, pbFound, piMissing, err);
    case STORE_NODE:
        return sq_node_row_get(S, azKey, azOld, pbFound, piMissing, err);
    case STORE_ASSESSMENT:
        return sq_assessment_row_get(S, azKey, azOld, pVersion, pbFound,
                                     piMissing, err);
    case STORE_STATEMENT:
        return sq_statement_row_get(S, azKey, azOld, pVersion, pbFound,
                                    piMissing, err);
    case STORE_USER:
        return sq_user_row_get(S, azKey, azOld, pbFound, err);
    case STORE_GROUP:
    case STORE_REC:
    case STORE_FOLLOWUP:
        return sq_rec_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_OUTREACH:
    case STORE_MEDIA:
    case STORE_STAT:
        return sq_outreach_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_INDICATOR:
    case STORE_IND_VALUE:
        return sq_ind_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_FUND_COST:
    case STORE_FUND_LINE:
        return sq_fund_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_ROUND_EXT:
        return sq_ext_row_get(S, azKey, azOld, pVersion, pbFound, err);
    case STORE_CHAPTER:
        return sq_chapter_row_get(S, azKey, azOld, pVersion, pbFound, err);
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "reading an unknown entity");
}

/* Organisations and nodes by their ids, which the transaction keeps
** (the links of every node of an import name a few hundred organisations
** thousands of times); other rows as sq_row_get(). */
int
sq_row_exists(Store *s, StoreEntity e, const char *const *azKey, int *pbFound,
              int *piMissing, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_int64 id = -1;
    if (e == STORE_ORG) {
        if (sq_org_find(S, azKey[0], &id, err)) {
            return -1;
        }
        *pbFound = id >= 0;
        return 0;
    }
    if (e == STORE_NODE) {
        if (sq_node_find(S, azKey, &id, err)) {
            return -1;
        }
        if (id < 0 && sq_key_plan(S, azKey) < 0) {
            *piMissing = 0;
        }
        *pbFound = id >= 0;
        return 0;
    }
    char *azOld[STORE_NCOL_MAX];
    int version;
    int rc = sq_row_get(s, e, azKey, azOld, &version, pbFound, piMissing, err);
    for (int i = 0; i < STORE_NCOL_MAX; i++) {
        free(azOld[i]);
    }
    return rc;
}

/* ---- writing a row ------------------------------------------------------- */

static int
sq_org_row_put(SqStore *S, const char *const *azKey, const char *const *az,
               int bInsert, int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO org(acronym, name, kind, parent_id,"
                             " name_km) VALUES($1, $2, $3,"
                             " (SELECT id FROM org WHERE acronym = $4), $5)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE org SET name = $2, kind = $3,"
                             " parent_id = (SELECT id FROM org"
                             "  WHERE acronym = $4), name_km = $5"
                             " WHERE acronym = $1",
                             &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    sq_bind_text(st, 2, az[STORE_ORG_NAME]);
    sq_bind_text(st, 3, az[STORE_ORG_KIND]);
    sq_bind_text(st, 4, az[STORE_ORG_PARENT]);
    sq_bind_text(st, 5, az[STORE_ORG_NAME_KM]);
    return sq_row_write(S, st, pbDone, err, "writing an organisation");
}

static int
sq_plan_row_put(SqStore *S, const char *const *azKey, const char *const *az,
                int bInsert, int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO plan(code, title, title_km)"
                             " VALUES($1, $2, $3)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE plan SET title = $2, title_km = $3"
                             " WHERE code = $1",
                             &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    sq_bind_text(st, 2, az[STORE_PLAN_TITLE]);
    sq_bind_text(st, 3, az[STORE_PLAN_TITLE_KM]);
    return sq_row_write(S, st, pbDone, err, "writing a plan");
}

static int
sq_round_row_put(SqStore *S, const char *const *azKey, const char *const *az,
                 int bInsert, int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO round(plan_id, code, title, as_of,"
                             " state, due) VALUES((SELECT id FROM plan"
                             "  WHERE code = $1), $2, $3, $4, $5, $6)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE round SET title = $3, as_of = $4,"
                             " state = $5, due = $6 WHERE plan_id = (SELECT id"
                             "  FROM plan WHERE code = $1) AND code = $2",
                             &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    sq_bind_text(st, 2, azKey[1]);
    sq_bind_text(st, 3, az[STORE_ROUND_TITLE]);
    sq_bind_text(st, 4, az[STORE_ROUND_AS_OF]);
    sq_bind_text(st, 5, az[STORE_ROUND_STATE]);
    sq_bind_text(st, 6, az[STORE_ROUND_DUE]);
    return sq_row_write(S, st, pbDone, err, "writing a round");
}

/* The round named by $1 (plan) and $2 (round), the organisation by $3. */
#define SQ_EXT_KEY                                                             \
 "round_id = (SELECT d.id FROM round d JOIN plan p ON p.id = d.plan_id"        \
 " WHERE p.code = $1 AND d.code = $2)"                                         \
 " AND org_id = (SELECT id FROM org WHERE acronym = $3)"

static int
sq_ext_row_get(SqStore *S, const char *const *azKey, char **azOld,
               int *pVersion, int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT due, reason, version FROM round_extension"
                   " WHERE " SQ_EXT_KEY,
                   &st, err)) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    return sq_row_read(S, st, STORE_ROUND_EXT_NCOL, azOld, pVersion, pbFound,
                       err, "reading an extension");
}

static int
sq_ext_row_put(SqStore *S, const char *const *azKey, const char *const *az,
               int bInsert, int iVersion, int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO round_extension(round_id, org_id,"
                             " due, reason, granted_by, granted_at)"
                             " VALUES((SELECT d.id FROM round d JOIN plan p"
                             "  ON p.id = d.plan_id WHERE p.code = $1"
                             "  AND d.code = $2), (SELECT id FROM org"
                             "  WHERE acronym = $3), $4, $5, $6, $7)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE round_extension SET due = $4,"
                             " reason = $5, granted_by = $6, granted_at = $7,"
                             " version = version + 1 WHERE " SQ_EXT_KEY
                             " AND version = $8",
                             &st, err)) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    sq_bind_text(st, 4, az[STORE_ROUND_EXT_DUE]);
    sq_bind_text(st, 5, az[STORE_ROUND_EXT_REASON]);
    sq_bind_text(st, 6, S->base.zActor);
    sq_bind_text(st, 7, S->base.zNow);
    if (!bInsert) {
        sq_bind_int(st, 8, iVersion);
    }
    return sq_row_write(S, st, pbDone, err, "writing an extension");
}

/* The id of the node $9 names as "plan/code" (codes hold no '/'), or
** NULL. */
#define SQ_PRED_ID                                                             \
 "(SELECT d.id FROM node d JOIN plan q ON q.id = d.plan_id"                    \
 " WHERE q.code = substr($9, 1, instr($9, '/') - 1)"                           \
 " AND d.code = substr($9, instr($9, '/') + 1))"

/* The round named by $1 (plan) and $2 (round), the chapter's kind $3. */
#define SQ_CHAPTER_KEY                                                         \
 "round_id = (SELECT d.id FROM round d JOIN plan p ON p.id = d.plan_id"        \
 " WHERE p.code = $1 AND d.code = $2) AND kind = $3"

static int
sq_chapter_row_get(SqStore *S, const char *const *azKey, char **azOld,
                   int *pVersion, int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT text, text_km, version FROM round_chapter"
                   " WHERE " SQ_CHAPTER_KEY,
                   &st, err)) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    return sq_row_read(S, st, STORE_CHAPTER_NCOL, azOld, pVersion, pbFound, err,
                       "reading a chapter");
}

static int
sq_chapter_row_put(SqStore *S, const char *const *azKey, const char *const *az,
                   int bInsert, int iVersion, int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO round_chapter(round_id, kind, text,"
                             " text_km, written_by, written_at)"
                             " VALUES((SELECT d.id FROM round d JOIN plan p"
                             "  ON p.id = d.plan_id WHERE p.code = $1"
                             "  AND d.code = $2), $3, $4, $5, $6, $7)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE round_chapter SET text = $4,"
                             " text_km = $5, written_by = $6, written_at = $7,"
                             " version = version + 1 WHERE " SQ_CHAPTER_KEY
                             " AND version = $8",
                             &st, err)) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    sq_bind_text(st, 4, az[STORE_CHAPTER_TEXT]);
    sq_bind_text(st, 5, az[STORE_CHAPTER_TEXT_KM]);
    sq_bind_text(st, 6, S->base.zActor);
    sq_bind_text(st, 7, S->base.zNow);
    if (!bInsert) {
        sq_bind_int(st, 8, iVersion);
    }
    return sq_row_write(S, st, pbDone, err, "writing a chapter");
}

static int
sq_node_row_put(SqStore *S, const char *const *azKey, const char *const *az,
                int bInsert, int *pbDone, AppErr *err)
{
    sqlite3_int64 planId;
    if (sq_plan_id(S, azKey[0], &planId, err)) {
        return -1;
    }
    sqlite3_stmt *st;
    if (bInsert
            ? SQ_PREPARE(S,
                         "INSERT INTO node(plan_id, parent_id, depth, code,"
                         " text, indicator, position, text_km,"
                         " indicator_km, predecessor_id) VALUES($1,"
                         " (SELECT id FROM node WHERE plan_id = $1"
                         "  AND code = $5), $6, $2, $3, $4,"
                         " (SELECT coalesce(max(position), 0) + 1"
                         "  FROM node WHERE plan_id = $1), $7, $8, " SQ_PRED_ID
                         ")",
                         &st, err)
            : SQ_PREPARE(S,
                         "UPDATE node SET text = $3, indicator = $4,"
                         " parent_id = (SELECT id FROM node"
                         "  WHERE plan_id = $1 AND code = $5),"
                         " text_km = $7, indicator_km = $8,"
                         " predecessor_id = " SQ_PRED_ID
                         " WHERE plan_id = $1 AND code = $2",
                         &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    sq_bind_text(st, 2, azKey[1]);
    sq_bind_text(st, 3, az[STORE_NODE_TEXT]);
    sq_bind_text(st, 4, az[STORE_NODE_INDICATOR]);
    sq_bind_text(st, 5, az[STORE_NODE_PARENT]);
    if (bInsert) {
        sq_bind_text(st, 6, az[STORE_NODE_DEPTH]);
    }
    sq_bind_text(st, 7, az[STORE_NODE_TEXT_KM]);
    sq_bind_text(st, 8, az[STORE_NODE_INDICATOR_KM]);
    sq_bind_text(st, 9, az[STORE_NODE_PREDECESSOR]);
    if (sq_row_write(S, st, pbDone, err, "writing a plan node")) {
        return -1;
    }
    if (bInsert && *pbDone) {
        store_ids_put_new(&S->ids, STORE_ID_NODE, planId, azKey[1],
                          sqlite3_last_insert_rowid(S->db));
    }
    return 0;
}

/* The guard "$7 = 0 OR version = $7" is the version check of a use case's
** write: zero rows changed means someone else wrote first. */
static int
sq_assessment_row_put(SqStore *S, const char *const *azKey,
                      const char *const *az, int bInsert, int iVersion,
                      int *pbDone, AppErr *err)
{
    sqlite3_int64 nodeId, roundId;
    int iMissing = -1;
    if (sq_assessment_find(S, azKey, &nodeId, &roundId, &iMissing, err)) {
        return -1;
    }
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO assessment(node_id, round_id,"
                             " action_point, progress, rating, state)"
                             " VALUES($1, $2, $3, $4, $5, $6)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE assessment SET action_point = $3,"
                             " progress = $4, rating = $5, state = $6,"
                             " version = version + 1 WHERE node_id = $1"
                             " AND round_id = $2 AND ($7 = 0 OR version = $7)",
                             &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, nodeId);
    sq_bind_int(st, 2, roundId);
    sq_bind_text_static(st, 3, az[STORE_ASSESSMENT_ACTION_POINT]);
    sq_bind_text_static(st, 4, az[STORE_ASSESSMENT_PROGRESS]);
    sq_bind_text_static(st, 5, az[STORE_ASSESSMENT_RATING]);
    sq_bind_text_static(st, 6, az[STORE_ASSESSMENT_STATE]);
    if (!bInsert) {
        sq_bind_int(st, 7, iVersion);
    }
    if (sq_row_write(S, st, pbDone, err, "writing an assessment")) {
        return -1;
    }
    if (bInsert && *pbDone) {
        store_ids_add_child(&S->ids, STORE_ID_NODE, sq_key_plan(S, azKey),
                            azKey[1], roundId);
    }
    return 0;
}

static int
sq_statement_row_put(SqStore *S, const char *const *azKey,
                     const char *const *az, int bInsert, int iVersion,
                     int *pbDone, AppErr *err)
{
    sqlite3_int64 assessId, orgId;
    int iMissing = -1;
    if (sq_statement_find(S, azKey, &assessId, &orgId, &iMissing, err)) {
        return -1;
    }
    sqlite3_stmt *st;
    if (bInsert
            ? SQ_PREPARE(S,
                         "INSERT INTO statement(assessment_id, org_id, text,"
                         " proposed_rating, state, comment, version,"
                         " updated_by, updated_at) VALUES($1, $2, $3, $4,"
                         " $5, $6, 1, $7, $8)",
                         &st, err)
            : SQ_PREPARE(S,
                         "UPDATE statement SET text = $3,"
                         " proposed_rating = $4, state = $5, comment = $6,"
                         " version = version + 1, updated_by = $7,"
                         " updated_at = $8 WHERE assessment_id = $1"
                         " AND org_id = $2 AND ($9 = 0 OR version = $9)",
                         &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, assessId);
    sq_bind_int(st, 2, orgId);
    sq_bind_text(st, 3, az[STORE_STATEMENT_TEXT]);
    sq_bind_text(st, 4, az[STORE_STATEMENT_PROPOSED_RATING]);
    sq_bind_text(st, 5, az[STORE_STATEMENT_STATE]);
    sq_bind_text(st, 6, az[STORE_STATEMENT_COMMENT]);
    sq_bind_text(st, 7, S->base.zActor);
    sq_bind_text(st, 8, S->base.zNow);
    if (!bInsert) {
        sq_bind_int(st, 9, iVersion);
    }
    return sq_row_write(S, st, pbDone, err, "writing a statement");
}

static int
sq_user_row_put(SqStore *S, const char *const *azKey, const char *const *az,
                int bInsert, int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO account(name, role, org_id, pw_hash,"
                             " disabled, email, mail, lang, created)"
                             " VALUES($1, $2,"
                             " (SELECT id FROM org WHERE acronym = $3), $4, $5,"
                             " $6, $7, $8, $9)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE account SET role = $2, org_id = (SELECT id"
                             "  FROM org WHERE acronym = $3), pw_hash = $4,"
                             " disabled = $5, email = $6, mail = $7,"
                             " lang = $8 WHERE name = $1",
                             &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    sq_bind_text(st, 2, az[STORE_USER_ROLE]);
    sq_bind_text(st, 3, az[STORE_USER_ORG]);
    sq_bind_text(st, 4, az[STORE_USER_PW_HASH]);
    sq_bind_text(st, 5, az[STORE_USER_DISABLED]);
    sq_bind_text(st, 6, az[STORE_USER_EMAIL]);
    sq_bind_text(st, 7, az[STORE_USER_MAIL]);
    sq_bind_text(st, 8, az[STORE_USER_LANG]);
    if (bInsert) {
        sq_bind_text(st, 9, S->base.zNow);
    }
    return sq_row_write(S, st, pbDone, err, "writing a user");
}

int
sq_row_put(Store *s, StoreEntity e, const char *const *azKey,
           const char *const *azNew, int bInsert, int iVersion, int *pbDone,
           AppErr *err)
{
    SqStore *S = (SqStore *)s;
    *pbDone = 0;
    switch (e) {
    case STORE_ORG:
        return sq_org_row_put(S, azKey, azNew, bInsert, pbDone, err);
    case STORE_PLAN:
        return sq_plan_row_put(S, azKey, azNew, bInsert, pbDone, err);
    case STORE_ROUND:
        return sq_round_row_put(S, azKey, azNew, bInsert, pbDone, err);
    case STORE_NODE:
        return sq_node_row_put(S, azKey, azNew, bInsert, pbDone, err);
    case STORE_ASSESSMENT:
        return sq_assessment_row_put(S, azKey, azNew, bInsert, iVersion, pbDone,
                                     err);
    case STORE_STATEMENT:
        return sq_statement_row_put(S, azKey, azNew, bInsert, iVersion, pbDone,
                                    err);
    case STORE_USER:
        return sq_user_row_put(S, azKey, azNew, bInsert, pbDone, err);
    case STORE_GROUP:
    case STORE_REC:
    case STORE_FOLLOWUP:
        return sq_rec_row_put(S, e, azKey, azNew, bInsert, iVersion, pbDone,
                              err);
    case STORE_OUTREACH:
    case STORE_MEDIA:
    case STORE_STAT:
        return sq_outreach_row_put(S, e, azKey, azNew, bInsert, iVersion,
                                   pbDone, err);
    case STORE_INDICATOR:
    case STORE_IND_VALUE:
        return sq_ind_row_put(S, e, azKey, azNew, bInsert, iVersion, pbDone,
                              err);
    case STORE_FUND_COST:
    case STORE_FUND_LINE:
        return sq_fund_row_put(S, e, azKey, azNew, bInsert, iVersion, pbDone,
                               err);
    case STORE_ROUND_EXT:
        return sq_ext_row_put(S, azKey, azNew, bInsert, iVersion, pbDone, err);
    case STORE_CHAPTER:
        return sq_chapter_row_put(S, azKey, azNew, bInsert, iVersion, pbDone,
                                  err);
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "writing an unknown entity");
}

/* ---- sub-rows -------------------------------------------------------------- */

/* node_org.role of a node's sub-rows. */
static const char *
sq_link_role(StoreSub k)
{
    return link_role_name(k == STORE_SUB_RESPONSIBLE ? LINK_RESPONSIBLE
                                                     : LINK_CONTRIBUTING);
}

int
sq_sub_get(Store *s, StoreSub k, const char *const *azKey, char ***pazItem,
           size_t *pnItem, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    int nCol = 1;
    *pazItem = NULL;
    *pnItem = 0;
    switch (k) {
    case STORE_SUB_REC_NODE:
    case STORE_SUB_REC_ORG:
        return sq_rec_sub_get(S, k, azKey, pazItem, pnItem, err);
    case STORE_SUB_ALIAS:
        if (SQ_PREPARE(S,
                       "SELECT a.alias FROM org_alias a JOIN org o"
                       " ON o.id = a.org_id WHERE o.acronym = $1"
                       " ORDER BY a.position",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        break;
    case STORE_SUB_LEVEL:
        nCol = 2;
        if (SQ_PREPARE(S,
                       "SELECT l.name, l.has_indicator FROM plan_level l"
                       " JOIN plan p ON p.id = l.plan_id WHERE p.code = $1"
                       " ORDER BY l.depth",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        break;
    case STORE_SUB_RESPONSIBLE:
    case STORE_SUB_CONTRIBUTING:
        if (store_ids_child_absent(&S->ids, STORE_ID_NODE,
                                   sq_key_plan(S, azKey), azKey[1],
                                   sq_links_child(k))) {
            return 0; /* none yet: see sq_links_child() */
        }
        if (SQ_PREPARE(S,
                       "SELECT o.acronym FROM node_org l"
                       " JOIN org o ON o.id = l.org_id"
                       " JOIN node n ON n.id = l.node_id"
                       " JOIN plan p ON p.id = n.plan_id"
                       " WHERE p.code = $1 AND n.code = $2 AND l.role = $3"
                       " ORDER BY l.position",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        sq_bind_text(st, 3, sq_link_role(k));
        break;
    case STORE_SUB_OUTREACH_PLACE:
    case STORE_SUB_OUTREACH_ORG:
    case STORE_SUB_OUTREACH_NODE:
        if (sq_outreach_sub_prepare(S, k, azKey, &st, err)) {
            return -1;
        }
        break;
    default:
        assert(!"no such sub-row");
        return apperr_set(err, APPERR_INTERNAL, "reading unknown sub-rows");
    }
    char **az = NULL;
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < nCol; i++) {
            const char *z = (const char *)sqlite3_column_text(st, i);
            strv_push(&az, &n, z ? z : "");
        }
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; i < n; i++) {
            free(az[i]);
        }
        free(az);
        return sq_fail(S, err, "reading sub-rows");
    }
    *pazItem = az;
    *pnItem = n / (size_t)nCol;
    return 0;
}

int
sq_sub_put(Store *s, StoreSub k, const char *const *azKey,
           const char *const *azItem, size_t nItem, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    sqlite3_int64 ownerId = -1;
    switch (k) {
    case STORE_SUB_REC_NODE:
    case STORE_SUB_REC_ORG:
        return sq_rec_sub_put(S, k, azKey, azItem, nItem, err);
    case STORE_SUB_ALIAS:
        if (sq_org_id(S, azKey[0], &ownerId, err) ||
            SQ_PREPARE(S, "DELETE FROM org_alias WHERE org_id = $1", &st,
                       err)) {
            return -1;
        }
        sq_bind_int(st, 1, ownerId);
        if (sq_run(S, st, err, "replacing aliases")) {
            return -1;
        }
        for (size_t i = 0; i < nItem; i++) {
            if (SQ_PREPARE(S,
                           "INSERT OR IGNORE INTO org_alias(org_id, alias,"
                           " position) VALUES($1, $2, $3)",
                           &st, err)) {
                return -1;
            }
            sq_bind_int(st, 1, ownerId);
            sq_bind_text(st, 2, azItem[i]);
            sq_bind_int(st, 3, (sqlite3_int64)i);
            if (sq_run(S, st, err, "writing an alias")) {
                return -1;
            }
        }
        return 0;
    case STORE_SUB_LEVEL:
        if (sq_plan_id(S, azKey[0], &ownerId, err) ||
            SQ_PREPARE(S, "DELETE FROM plan_level WHERE plan_id = $1", &st,
                       err)) {
            return -1;
        }
        sq_bind_int(st, 1, ownerId);
        if (sq_run(S, st, err, "replacing plan levels")) {
            return -1;
        }
        for (size_t i = 0; i < nItem; i++) {
            if (SQ_PREPARE(S,
                           "INSERT INTO plan_level(plan_id, depth, name,"
                           " has_indicator) VALUES($1, $2, $3, $4)",
                           &st, err)) {
                return -1;
            }
            sq_bind_int(st, 1, ownerId);
            sq_bind_int(st, 2, (sqlite3_int64)i);
            sq_bind_text(st, 3, azItem[2 * i]);
            sq_bind_text(st, 4, azItem[2 * i + 1]);
            if (sq_run(S, st, err, "writing plan levels")) {
                return -1;
            }
        }
        return 0;
    case STORE_SUB_RESPONSIBLE:
    case STORE_SUB_CONTRIBUTING:
        if (sq_node_find(S, azKey, &ownerId, err)) {
            return -1;
        }
        if (!store_ids_child_absent(&S->ids, STORE_ID_NODE,
                                    sq_key_plan(S, azKey), azKey[1],
                                    sq_links_child(k))) {
            if (SQ_PREPARE(S,
                           "DELETE FROM node_org WHERE node_id = $1"
                           " AND role = $2",
                           &st, err)) {
                return -1;
            }
            sq_bind_int(st, 1, ownerId);
            sq_bind_text(st, 2, sq_link_role(k));
            if (sq_run(S, st, err, "replacing links")) {
                return -1;
            }
        }
        store_ids_add_child(&S->ids, STORE_ID_NODE, sq_key_plan(S, azKey),
                            azKey[1], sq_links_child(k));
        for (size_t i = 0; i < nItem; i++) {
            sqlite3_int64 orgId;
            if (sq_org_id(S, azItem[i], &orgId, err) ||
                SQ_PREPARE(S,
                           "INSERT OR IGNORE INTO node_org(node_id, org_id,"
                           " role, position) VALUES($1, $2, $3, $4)",
                           &st, err)) {
                return -1;
            }
            sq_bind_int(st, 1, ownerId);
            sq_bind_int(st, 2, orgId);
            sq_bind_text(st, 3, sq_link_role(k));
            sq_bind_int(st, 4, (sqlite3_int64)i);
            if (sq_run(S, st, err, "writing a link")) {
                return -1;
            }
        }
        return 0;
    case STORE_SUB_OUTREACH_PLACE:
    case STORE_SUB_OUTREACH_ORG:
    case STORE_SUB_OUTREACH_NODE:
        return sq_outreach_sub_put(S, k, azKey, azItem, nItem, err);
    default:
        break;
    }
    assert(!"no such sub-row");
    return apperr_set(err, APPERR_INTERNAL, "writing unknown sub-rows");
}

/* ---- the audit trail ------------------------------------------------------ */

int
sq_audit_add(Store *s, const char *zAction, const char *zEntity,
             const char *zKey, const char *zField, const char *zOld,
             const char *zNew, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "INSERT INTO audit(at, actor, action, entity, key, field,"
                   " old, new) VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                   &st, err)) {
        return -1;
    }
    sq_bind_text_static(st, 1, S->base.zNow);
    sq_bind_text_static(st, 2, S->base.zActor);
    sq_bind_text_static(st, 3, zAction);
    sq_bind_text_static(st, 4, zEntity);
    sq_bind_text_static(st, 5, zKey);
    sq_bind_text_static(st, 6, zField);
    sq_bind_text_static(st, 7, zOld);
    sq_bind_text_static(st, 8, zNew);
    return sq_run(S, st, err, "writing the audit trail");
}
