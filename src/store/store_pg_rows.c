/*
** store_pg_rows.c — rows and sub-rows for the puts, in PostgreSQL (see
** store.h, "rows"): the translation of store_sqlite_rows.c.  One SELECT
** reads a row, one INSERT or UPDATE writes it, a DELETE and INSERTs
** replace its sub-rows.  SQL only: what is audited and which version a
** write needs are decided above every backend, in store_audit.c.
**
** What differs from SQLite: an INSERT that meets a unique key does nothing
** (ON CONFLICT DO NOTHING) instead of failing, since a failed statement
** would end the whole transaction; zero rows written is the put's
** conflict either way.  Flags are BOOLEAN columns, read back as "0"/"1".
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Read a query of at most one row whose first nCol columns are the row's
** columns and, with pVersion, whose column nCol is its version. */
int
pg_row_read(PgStore *S, PGresult *r, int nCol, char **azOld, int *pVersion,
            int *pbFound)
{
    (void)S;
    if (!r) {
        return -1;
    }
    if (PQntuples(r) > 0) {
        for (int i = 0; i < nCol; i++) {
            azOld[i] = pg_dup(r, 0, i);
        }
        if (pVersion) {
            *pVersion = (int)pg_int(r, 0, nCol);
        }
        *pbFound = 1;
    }
    PQclear(r);
    return 0;
}

/* An INSERT or UPDATE's outcome: *pbDone is 1 when it changed one row. */
int
pg_row_wrote(PGresult *r, int *pbDone)
{
    if (!r) {
        return -1;
    }
    *pbDone = strcmp(PQcmdTuples(r), "1") == 0;
    PQclear(r);
    return 0;
}

/* The lookups of ids by code go through the transaction's id cache
** (store_ids.h): an import's puts name the same plan, activities, rounds
** and organisations again and again, and each lookup is a round trip. */
int
pg_plan_find(PgStore *S, const char *zPlan, long long *pId, AppErr *err)
{
    if (store_ids_get(&S->ids, STORE_ID_PLAN, 0, zPlan, pId)) {
        return 0;
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    if (pg_lookup_id(S,
                     PG_QUERY(S, "SELECT id FROM plan WHERE code = $1", &a, err,
                              "looking up a plan"),
                     pId)) {
        return -1;
    }
    store_ids_put(&S->ids, STORE_ID_PLAN, 0, zPlan, *pId);
    return 0;
}

static int
pg_org_find(PgStore *S, const char *zAcronym, long long *pId, AppErr *err)
{
    if (store_ids_get(&S->ids, STORE_ID_ORG, 0, zAcronym, pId)) {
        return 0;
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zAcronym);
    if (pg_lookup_id(S,
                     PG_QUERY(S, "SELECT id FROM org WHERE acronym = $1", &a,
                              err, "looking up an organisation"),
                     pId)) {
        return -1;
    }
    store_ids_put(&S->ids, STORE_ID_ORG, 0, zAcronym, *pId);
    return 0;
}

static int
pg_node_id(PgStore *S, long long planId, const char *zCode, long long *pId,
           AppErr *err)
{
    if (store_ids_get(&S->ids, STORE_ID_NODE, planId, zCode, pId)) {
        return 0;
    }
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, planId);
    pg_arg_text(&a, 2, zCode);
    if (pg_lookup_id(S,
                     PG_QUERY(S,
                              "SELECT id FROM node WHERE plan_id = $1"
                              " AND code = $2",
                              &a, err, "looking up a plan node"),
                     pId)) {
        return -1;
    }
    store_ids_put(&S->ids, STORE_ID_NODE, planId, zCode, *pId);
    return 0;
}

static int
pg_plan_id(PgStore *S, const char *zPlan, long long *pId, AppErr *err)
{
    if (pg_plan_find(S, zPlan, pId, err)) {
        return -1;
    }
    if (*pId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    return 0;
}

static int
pg_org_id(PgStore *S, const char *zAcronym, long long *pId, AppErr *err)
{
    if (pg_org_find(S, zAcronym, pId, err)) {
        return -1;
    }
    if (*pId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'",
                          zAcronym);
    }
    return 0;
}

/* The ids of the activity and the round of an assessment key (plan, node,
** round); *piMissing is the index of the first that does not exist. */
static int
pg_assessment_find(PgStore *S, const char *const *azKey, long long *pNodeId,
                   long long *pRoundId, int *piMissing, AppErr *err)
{
    long long planId;
    *pNodeId = *pRoundId = -1;
    if (pg_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0) {
        *piMissing = 0;
        return 0;
    }
    if (pg_node_id(S, planId, azKey[1], pNodeId, err)) {
        return -1;
    }
    if (*pNodeId < 0) {
        *piMissing = 1;
        return 0;
    }
    if (!store_ids_get(&S->ids, STORE_ID_ROUND, planId, azKey[2], pRoundId)) {
        PgArgs a = { 0 };
        pg_arg_int(&a, 1, planId);
        pg_arg_text(&a, 2, azKey[2]);
        if (pg_lookup_id(S,
                         PG_QUERY(S,
                                  "SELECT id FROM round WHERE plan_id = $1"
                                  " AND code = $2",
                                  &a, err, "looking up a round"),
                         pRoundId)) {
            return -1;
        }
        store_ids_put(&S->ids, STORE_ID_ROUND, planId, azKey[2], *pRoundId);
    }
    if (*pRoundId < 0) {
        *piMissing = 2;
    }
    return 0;
}

/* The id of the plan azKey[0] names when this transaction knows it, else
** -1 (the rows the transaction inserted: store_ids.h). */
static long long
pg_key_plan(PgStore *S, const char *const *azKey)
{
    long long planId;
    return store_ids_get(&S->ids, STORE_ID_PLAN, 0, azKey[0], &planId) ? planId
                                                                       : -1;
}

/* The child (store_ids.h) that stands for a node's links in role k. */
static long long
pg_links_child(StoreSub k)
{
    return k == STORE_SUB_RESPONSIBLE ? STORE_IDS_CHILD_RESPONSIBLE
                                      : STORE_IDS_CHILD_CONTRIBUTING;
}

/* Whether node zCode of plan planId certainly does not exist: the plan was
** inserted by this transaction, and the node not (store_ids.h). */
static int
pg_node_absent(PgStore *S, const char *zPlan, long long planId,
               const char *zCode)
{
    long long id;
    return store_ids_is_new(&S->ids, STORE_ID_PLAN, 0, zPlan) &&
           !store_ids_get(&S->ids, STORE_ID_NODE, planId, zCode, &id);
}

static int
pg_node_find(PgStore *S, const char *const *azKey, long long *pId, AppErr *err)
{
    long long planId;
    *pId = -1;
    if (pg_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0 || pg_node_absent(S, azKey[0], planId, azKey[1])) {
        return 0;
    }
    return pg_node_id(S, planId, azKey[1], pId, err);
}

/* The ids of the assessment and the organisation of a statement key
** (plan, node, round, organisation); *piMissing as in xRowGet. */
static int
pg_statement_find(PgStore *S, const char *const *azKey, long long *pAssessId,
                  long long *pOrgId, int *piMissing, AppErr *err)
{
    long long planId, nodeId;
    *pAssessId = *pOrgId = -1;
    if (pg_plan_find(S, azKey[0], &planId, err)) {
        return -1;
    }
    if (planId < 0) {
        *piMissing = 0;
        return 0;
    }
    if (pg_node_id(S, planId, azKey[1], &nodeId, err)) {
        return -1;
    }
    if (nodeId < 0) {
        *piMissing = 1;
        return 0;
    }
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, nodeId);
    pg_arg_text(&a, 2, azKey[2]);
    pg_arg_int(&a, 3, planId);
    if (pg_lookup_id(S,
                     PG_QUERY(S,
                              "SELECT a.id FROM assessment a JOIN round r"
                              " ON r.id = a.round_id WHERE a.node_id = $1"
                              " AND r.code = $2 AND r.plan_id = $3",
                              &a, err, "looking up an assessment"),
                     pAssessId)) {
        return -1;
    }
    if (*pAssessId < 0) {
        *piMissing = 2;
        return 0;
    }
    if (pg_org_find(S, azKey[3], pOrgId, err)) {
        return -1;
    }
    if (*pOrgId < 0) {
        *piMissing = 3;
    }
    return 0;
}

/* ---- reading a row ------------------------------------------------------ */

int
pg_row_get(Store *s, StoreEntity e, const char *const *azKey, char **azOld,
           int *pVersion, int *pbFound, int *piMissing, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    for (int i = 0; i < STORE_NCOL_MAX; i++) {
        azOld[i] = NULL;
    }
    *pVersion = 0;
    *pbFound = 0;
    *piMissing = -1;
    PgArgs a = { 0 };
    long long planId = -1, id1 = -1, id2 = -1;
    switch (e) {
    case STORE_ORG:
        pg_arg_text(&a, 1, azKey[0]);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT o.name, o.kind, p.acronym,"
                                    " o.name_km FROM org o LEFT JOIN org p"
                                    " ON p.id = o.parent_id"
                                    " WHERE o.acronym = $1",
                                    &a, err, "reading an organisation"),
                           STORE_ORG_NCOL, azOld, NULL, pbFound);
    case STORE_PLAN:
        pg_arg_text(&a, 1, azKey[0]);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT title, (EXISTS(SELECT 1"
                                    " FROM node WHERE plan_id = plan.id))"
                                    "::int, title_km FROM plan"
                                    " WHERE code = $1",
                                    &a, err, "reading a plan"),
                           STORE_PLAN_NCOL, azOld, NULL, pbFound);
    case STORE_ROUND:
    case STORE_NODE:
        if (pg_plan_find(S, azKey[0], &planId, err)) {
            return -1;
        }
        if (planId < 0) {
            *piMissing = 0;
            return 0;
        }
        if (e == STORE_NODE && pg_node_absent(S, azKey[0], planId, azKey[1])) {
            return 0; /* nothing to read: see store_ids.h */
        }
        pg_arg_int(&a, 1, planId);
        pg_arg_text(&a, 2, azKey[1]);
        if (e == STORE_ROUND) {
            return pg_row_read(S,
                               PG_QUERY(S,
                                        "SELECT title, as_of, state, due"
                                        " FROM round WHERE plan_id = $1"
                                        " AND code = $2",
                                        &a, err, "reading a round"),
                               STORE_ROUND_NCOL, azOld, NULL, pbFound);
        }
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT n.text, n.indicator, pn.code,"
                                    " n.depth, n.text_km, n.indicator_km,"
                                    " (SELECT q.code || '/' ||"
                                    "  d.code FROM node d JOIN plan q"
                                    "  ON q.id = d.plan_id"
                                    "  WHERE d.id = n.predecessor_id)"
                                    " FROM node n LEFT JOIN node pn"
                                    " ON pn.id = n.parent_id"
                                    " WHERE n.plan_id = $1 AND n.code = $2",
                                    &a, err, "reading a plan node"),
                           STORE_NODE_NCOL, azOld, NULL, pbFound);
    case STORE_ASSESSMENT:
        if (pg_assessment_find(S, azKey, &id1, &id2, piMissing, err)) {
            return -1;
        }
        if (*piMissing >= 0) {
            return 0;
        }
        if (store_ids_child_absent(&S->ids, STORE_ID_NODE,
                                   pg_key_plan(S, azKey), azKey[1], id2)) {
            return 0; /* nothing to read: see store_ids.h */
        }
        pg_arg_int(&a, 1, id1);
        pg_arg_int(&a, 2, id2);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT action_point, progress, rating,"
                                    " state, version FROM assessment"
                                    " WHERE node_id = $1 AND round_id = $2",
                                    &a, err, "reading an assessment"),
                           STORE_ASSESSMENT_NCOL, azOld, pVersion, pbFound);
    case STORE_STATEMENT:
        if (pg_statement_find(S, azKey, &id1, &id2, piMissing, err)) {
            return -1;
        }
        if (*piMissing >= 0) {
            return 0;
        }
        pg_arg_int(&a, 1, id1);
        pg_arg_int(&a, 2, id2);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT text, proposed_rating, state,"
                                    " comment, version FROM statement"
                                    " WHERE assessment_id = $1"
                                    " AND org_id = $2",
                                    &a, err, "reading a statement"),
                           STORE_STATEMENT_NCOL, azOld, pVersion, pbFound);
    case STORE_USER:
        pg_arg_text(&a, 1, azKey[0]);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT u.role, o.acronym,"
                                    " u.disabled::int, u.pw_hash, u.email,"
                                    " u.mail::int, u.lang"
                                    " FROM account u LEFT JOIN org o"
                                    " ON o.id = u.org_id WHERE u.name = $1",
                                    &a, err, "reading a user"),
                           STORE_USER_NCOL, azOld, NULL, pbFound);
    case STORE_GROUP:
    case STORE_REC:
    case STORE_FOLLOWUP:
        return pg_rec_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_OUTREACH:
    case STORE_MEDIA:
    case STORE_STAT:
        return pg_outreach_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_INDICATOR:
    case STORE_IND_VALUE:
        return pg_ind_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_FUND_COST:
    case STORE_FUND_LINE:
        return pg_fund_row_get(S, e, azKey, azOld, pVersion, pbFound, err);
    case STORE_ROUND_EXT:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, azKey[2]);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT e.due, e.reason, e.version"
                                    " FROM round_extension e"
                                    " JOIN round d ON d.id = e.round_id"
                                    " JOIN plan p ON p.id = d.plan_id"
                                    " JOIN org o ON o.id = e.org_id"
                                    " WHERE p.code = $1 AND d.code = $2"
                                    " AND o.acronym = $3",
                                    &a, err, "reading an extension"),
                           STORE_ROUND_EXT_NCOL, azOld, pVersion, pbFound);
    case STORE_CHAPTER:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, azKey[2]);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT c.text, c.text_km, c.version"
                                    " FROM round_chapter c"
                                    " JOIN round d ON d.id = c.round_id"
                                    " JOIN plan p ON p.id = d.plan_id"
                                    " WHERE p.code = $1 AND d.code = $2"
                                    " AND c.kind = $3",
                                    &a, err, "reading a chapter"),
                           STORE_CHAPTER_NCOL, azOld, pVersion, pbFound);
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "reading an unknown entity");
}

/* Whether a row exists, answered from the ids the transaction knows where
** it can (an import names the same organisations and parent nodes again
** and again): see xRowExists. */
int
pg_row_exists(Store *s, StoreEntity e, const char *const *azKey, int *pbFound,
              int *piMissing, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    long long id = -1;
    if (e == STORE_ORG) {
        if (pg_org_find(S, azKey[0], &id, err)) {
            return -1;
        }
        *pbFound = id >= 0;
        return 0;
    }
    if (e == STORE_NODE) {
        if (pg_node_find(S, azKey, &id, err)) {
            return -1;
        }
        if (id < 0 && pg_key_plan(S, azKey) < 0) {
            *piMissing = 0;
        }
        *pbFound = id >= 0;
        return 0;
    }
    char *azOld[STORE_NCOL_MAX];
    int version;
    int rc = pg_row_get(s, e, azKey, azOld, &version, pbFound, piMissing, err);
    for (int i = 0; i < STORE_NCOL_MAX; i++) {
        free(azOld[i]);
    }
    return rc;
}

/* ---- ids of new nodes ---------------------------------------------------- */

static int
pg_node_id_next(PgStore *S, long long *pId, AppErr *err)
{
    if (S->nodeIdNext == 0) {
        long long max = 0;
        if (pg_lookup_id(S,
                         PG_QUERY(S, "SELECT coalesce(max(id), 0) FROM node",
                                  NULL, err, "writing a plan node"),
                         &max)) {
            return -1;
        }
        S->nodeIdNext = max + 1;
    }
    *pId = S->nodeIdNext++;
    return 0;
}

int
pg_node_ids_settle(PgStore *S, AppErr *err)
{
    if (S->nodeIdNext == 0) {
        return 0;
    }
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, S->nodeIdNext - 1);
    S->nodeIdNext = 0;
    return PG_RUN(S,
                  "SELECT setval(pg_get_serial_sequence('node', 'id'),"
                  " greatest($1::bigint, 1))",
                  &a, err, "writing a plan node");
}

void
pg_node_ids_forget(PgStore *S)
{
    S->nodeIdNext = 0;
}

/* ---- writing a row ------------------------------------------------------- */

/* The id of the node parameter P names as "plan/code" (codes hold no
** '/'), or NULL. */
#define PG_PRED_ID(P)                                                          \
 "(SELECT d.id FROM node d JOIN plan q ON q.id = d.plan_id"                    \
 " WHERE q.code = split_part(" P "::text, '/', 1)"                             \
 " AND d.code = substr(" P "::text, strpos(" P "::text, '/') + 1))"

/* The guards "$n = 0 OR version = $n" are the version check of a use
** case's write: zero rows changed means someone else wrote first. */
int
pg_row_put(Store *s, StoreEntity e, const char *const *azKey,
           const char *const *az, int bInsert, int iVersion, int *pbDone,
           AppErr *err)
{
    PgStore *S = (PgStore *)s;
    *pbDone = 0;
    PgArgs a = { 0 };
    long long id1 = -1, id2 = -1;
    int iMissing = -1;
    PGresult *r = NULL;
    switch (e) {
    case STORE_GROUP:
    case STORE_REC:
    case STORE_FOLLOWUP:
        return pg_rec_row_put(S, e, azKey, az, bInsert, iVersion, pbDone, err);
    case STORE_ORG:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, az[STORE_ORG_NAME]);
        pg_arg_text(&a, 3, az[STORE_ORG_KIND]);
        pg_arg_text(&a, 4, az[STORE_ORG_PARENT]);
        pg_arg_text(&a, 5, az[STORE_ORG_NAME_KM]);
        r = bInsert ? PG_QUERY(S,
                               "INSERT INTO org(acronym, name, kind, parent_id,"
                               " name_km) VALUES($1, $2, $3, (SELECT id"
                               "  FROM org WHERE acronym = $4::text), $5)"
                               " ON CONFLICT DO NOTHING",
                               &a, err, "writing an organisation")
                    : PG_QUERY(S,
                               "UPDATE org SET name = $2, kind = $3,"
                               " parent_id = (SELECT id FROM org"
                               "  WHERE acronym = $4::text), name_km = $5"
                               " WHERE acronym = $1",
                               &a, err, "writing an organisation");
        break;
    case STORE_PLAN:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, az[STORE_PLAN_TITLE]);
        pg_arg_text(&a, 3, az[STORE_PLAN_TITLE_KM]);
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO plan(code, title, title_km)"
                         " VALUES($1, $2, $3)"
                         " ON CONFLICT DO NOTHING RETURNING id",
                         &a, err, "writing a plan");
            if (r && PQntuples(r) == 1) {
                store_ids_put_new(&S->ids, STORE_ID_PLAN, 0, azKey[0],
                                  pg_int(r, 0, 0));
            }
        } else {
            r = PG_QUERY(S,
                         "UPDATE plan SET title = $2, title_km = $3"
                         " WHERE code = $1",
                         &a, err, "writing a plan");
        }
        break;
    case STORE_ROUND:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, az[STORE_ROUND_TITLE]);
        pg_arg_text(&a, 4, az[STORE_ROUND_AS_OF]);
        pg_arg_text(&a, 5, az[STORE_ROUND_STATE]);
        pg_arg_text(&a, 6, az[STORE_ROUND_DUE]);
        r = bInsert ? PG_QUERY(S,
                               "INSERT INTO round(plan_id, code, title, as_of,"
                               " state, due) VALUES((SELECT id FROM plan"
                               "  WHERE code = $1::text), $2, $3, $4::date, $5,"
                               " $6::date) ON CONFLICT DO NOTHING",
                               &a, err, "writing a round")
                    : PG_QUERY(S,
                               "UPDATE round SET title = $3, as_of = $4::date,"
                               " state = $5, due = $6::date WHERE plan_id ="
                               " (SELECT id FROM plan WHERE code = $1::text)"
                               " AND code = $2",
                               &a, err, "writing a round");
        break;
    case STORE_ROUND_EXT:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, azKey[2]);
        pg_arg_text(&a, 4, az[STORE_ROUND_EXT_DUE]);
        pg_arg_text(&a, 5, az[STORE_ROUND_EXT_REASON]);
        pg_arg_text(&a, 6, S->base.zActor);
        pg_arg_text(&a, 7, S->base.zNow);
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO round_extension(round_id, org_id, due,"
                         " reason, granted_by, granted_at) VALUES((SELECT d.id"
                         "  FROM round d JOIN plan p ON p.id = d.plan_id"
                         "  WHERE p.code = $1::text AND d.code = $2::text),"
                         " (SELECT id FROM org WHERE acronym = $3::text),"
                         " $4::date, $5, $6, $7::timestamptz)"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing an extension");
        } else {
            pg_arg_int(&a, 8, iVersion);
            r = PG_QUERY(S,
                         "UPDATE round_extension SET due = $4::date,"
                         " reason = $5, granted_by = $6,"
                         " granted_at = $7::timestamptz,"
                         " version = version + 1"
                         " WHERE round_id = (SELECT d.id FROM round d"
                         "  JOIN plan p ON p.id = d.plan_id"
                         "  WHERE p.code = $1::text AND d.code = $2::text)"
                         " AND org_id = (SELECT id FROM org"
                         "  WHERE acronym = $3::text)"
                         " AND version = $8::integer",
                         &a, err, "writing an extension");
        }
        break;
    case STORE_CHAPTER:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, azKey[2]);
        pg_arg_text(&a, 4, az[STORE_CHAPTER_TEXT]);
        pg_arg_text(&a, 5, az[STORE_CHAPTER_TEXT_KM]);
        pg_arg_text(&a, 6, S->base.zActor);
        pg_arg_text(&a, 7, S->base.zNow);
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO round_chapter(round_id, kind, text,"
                         " text_km, written_by, written_at) VALUES((SELECT d.id"
                         "  FROM round d JOIN plan p ON p.id = d.plan_id"
                         "  WHERE p.code = $1::text AND d.code = $2::text),"
                         " $3, $4, $5, $6, $7::timestamptz)"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing a chapter");
        } else {
            pg_arg_int(&a, 8, iVersion);
            r = PG_QUERY(S,
                         "UPDATE round_chapter SET text = $4, text_km = $5,"
                         " written_by = $6, written_at = $7::timestamptz,"
                         " version = version + 1"
                         " WHERE round_id = (SELECT d.id FROM round d"
                         "  JOIN plan p ON p.id = d.plan_id"
                         "  WHERE p.code = $1::text AND d.code = $2::text)"
                         " AND kind = $3 AND version = $8::integer",
                         &a, err, "writing a chapter");
        }
        break;
    case STORE_NODE:
        if (pg_plan_id(S, azKey[0], &id1, err)) {
            return -1;
        }
        pg_arg_int(&a, 1, id1);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, az[STORE_NODE_TEXT]);
        pg_arg_text(&a, 4, az[STORE_NODE_INDICATOR]);
        pg_arg_text(&a, 5, az[STORE_NODE_PARENT]);
        if (bInsert && pg_node_absent(S, azKey[0], id1, azKey[1])) {
            /* Cannot exist (store_ids.h): sent without waiting, its id
            ** given here. */
            long long id = 0;
            pg_arg_text(&a, 6, az[STORE_NODE_DEPTH]);
            if (pg_node_id_next(S, &id, err)) {
                return -1;
            }
            pg_arg_int(&a, 7, id);
            pg_arg_text(&a, 8, az[STORE_NODE_TEXT_KM]);
            pg_arg_text(&a, 9, az[STORE_NODE_INDICATOR_KM]);
            pg_arg_text(&a, 10, az[STORE_NODE_PREDECESSOR]);
            if (PG_DEFER(
                    S,
                    "INSERT INTO node(id, plan_id, parent_id, depth,"
                    " code, text, indicator, position, text_km,"
                    " indicator_km, predecessor_id) VALUES($7::bigint,"
                    " $1::bigint,"
                    " (SELECT id FROM node WHERE plan_id = $1::bigint"
                    "  AND code = $5::text), $6::integer, $2, $3, $4,"
                    " (SELECT coalesce(max(position), 0) + 1"
                    "  FROM node WHERE plan_id = $1::bigint), $8, $9, " PG_PRED_ID(
                        "$10") ")",
                    &a, err, "writing a plan node")) {
                return -1;
            }
            store_ids_put_new(&S->ids, STORE_ID_NODE, id1, azKey[1], id);
            *pbDone = 1;
            return 0;
        }
        if (bInsert) {
            pg_arg_text(&a, 6, az[STORE_NODE_DEPTH]);
            pg_arg_text(&a, 7, az[STORE_NODE_TEXT_KM]);
            pg_arg_text(&a, 8, az[STORE_NODE_INDICATOR_KM]);
            pg_arg_text(&a, 9, az[STORE_NODE_PREDECESSOR]);
            r = PG_QUERY(
                S,
                "INSERT INTO node(plan_id, parent_id, depth, code,"
                " text, indicator, position, text_km, indicator_km,"
                " predecessor_id)"
                " VALUES($1::bigint,"
                " (SELECT id FROM node WHERE plan_id = $1::bigint"
                "  AND code = $5::text), $6::integer, $2, $3, $4,"
                " (SELECT coalesce(max(position), 0) + 1"
                "  FROM node WHERE plan_id = $1::bigint), $7, $8, " PG_PRED_ID(
                    "$9") ") ON CONFLICT DO NOTHING"
                          " RETURNING id",
                &a, err, "writing a plan node");
            if (r && PQntuples(r) == 1) {
                store_ids_put_new(&S->ids, STORE_ID_NODE, id1, azKey[1],
                                  pg_int(r, 0, 0));
            }
        } else {
            pg_arg_text(&a, 6, az[STORE_NODE_TEXT_KM]);
            pg_arg_text(&a, 7, az[STORE_NODE_INDICATOR_KM]);
            pg_arg_text(&a, 8, az[STORE_NODE_PREDECESSOR]);
            r = PG_QUERY(S,
                         "UPDATE node SET text = $3, indicator = $4,"
                         " parent_id = (SELECT id FROM node"
                         "  WHERE plan_id = $1::bigint AND code = $5::text),"
                         " text_km = $6, indicator_km = $7,"
                         " predecessor_id = " PG_PRED_ID(
                             "$8") " WHERE plan_id = $1::bigint AND code = $2",
                         &a, err, "writing a plan node");
        }
        break;
    case STORE_ASSESSMENT:
        if (pg_assessment_find(S, azKey, &id1, &id2, &iMissing, err)) {
            return -1;
        }
        pg_arg_int(&a, 1, id1);
        pg_arg_int(&a, 2, id2);
        pg_arg_text(&a, 3, az[STORE_ASSESSMENT_ACTION_POINT]);
        pg_arg_text(&a, 4, az[STORE_ASSESSMENT_PROGRESS]);
        pg_arg_text(&a, 5, az[STORE_ASSESSMENT_RATING]);
        pg_arg_text(&a, 6, az[STORE_ASSESSMENT_STATE]);
        if (bInsert &&
            store_ids_child_absent(&S->ids, STORE_ID_NODE,
                                   pg_key_plan(S, azKey), azKey[1], id2)) {
            /* Cannot exist (store_ids.h): sent without waiting. */
            if (PG_DEFER_ROW(S,
                             "INSERT INTO assessment(node_id, round_id,"
                             " action_point, progress, rating, state) VALUES",
                             "($1::bigint, $2::bigint, $3, $4, $5, $6)", &a,
                             err, "writing an assessment")) {
                return -1;
            }
            store_ids_add_child(&S->ids, STORE_ID_NODE, pg_key_plan(S, azKey),
                                azKey[1], id2);
            *pbDone = 1;
            return 0;
        }
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO assessment(node_id, round_id,"
                         " action_point, progress, rating, state)"
                         " VALUES($1, $2, $3, $4, $5, $6)"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing an assessment");
            if (r && strcmp(PQcmdTuples(r), "1") == 0) {
                store_ids_add_child(&S->ids, STORE_ID_NODE,
                                    pg_key_plan(S, azKey), azKey[1], id2);
            }
        } else {
            pg_arg_int(&a, 7, iVersion);
            r = PG_QUERY(S,
                         "UPDATE assessment SET action_point = $3,"
                         " progress = $4, rating = $5, state = $6,"
                         " version = version + 1 WHERE node_id = $1"
                         " AND round_id = $2"
                         " AND ($7::integer = 0 OR version = $7::integer)",
                         &a, err, "writing an assessment");
        }
        break;
    case STORE_STATEMENT:
        if (pg_statement_find(S, azKey, &id1, &id2, &iMissing, err)) {
            return -1;
        }
        pg_arg_int(&a, 1, id1);
        pg_arg_int(&a, 2, id2);
        pg_arg_text(&a, 3, az[STORE_STATEMENT_TEXT]);
        pg_arg_text(&a, 4, az[STORE_STATEMENT_PROPOSED_RATING]);
        pg_arg_text(&a, 5, az[STORE_STATEMENT_STATE]);
        pg_arg_text(&a, 6, az[STORE_STATEMENT_COMMENT]);
        pg_arg_text(&a, 7, S->base.zActor);
        pg_arg_text(&a, 8, S->base.zNow);
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO statement(assessment_id, org_id, text,"
                         " proposed_rating, state, comment, version,"
                         " updated_by, updated_at) VALUES($1, $2, $3, $4,"
                         " $5, $6, 1, $7, $8::timestamptz)"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing a statement");
        } else {
            pg_arg_int(&a, 9, iVersion);
            r = PG_QUERY(S,
                         "UPDATE statement SET text = $3,"
                         " proposed_rating = $4, state = $5, comment = $6,"
                         " version = version + 1, updated_by = $7,"
                         " updated_at = $8::timestamptz"
                         " WHERE assessment_id = $1 AND org_id = $2"
                         " AND ($9::integer = 0 OR version = $9::integer)",
                         &a, err, "writing a statement");
        }
        break;
    case STORE_USER:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, az[STORE_USER_ROLE]);
        pg_arg_text(&a, 3, az[STORE_USER_ORG]);
        pg_arg_text(&a, 4, az[STORE_USER_PW_HASH]);
        pg_arg_text(&a, 5, az[STORE_USER_DISABLED]);
        pg_arg_text(&a, 6, az[STORE_USER_EMAIL]);
        pg_arg_text(&a, 7, az[STORE_USER_MAIL]);
        pg_arg_text(&a, 8, az[STORE_USER_LANG]);
        if (bInsert) {
            pg_arg_text(&a, 9, S->base.zNow);
            r = PG_QUERY(S,
                         "INSERT INTO account(name, role, org_id, pw_hash,"
                         " disabled, email, mail, lang, created) VALUES($1, $2,"
                         " (SELECT id FROM org WHERE acronym = $3::text), $4,"
                         " $5::boolean, $6::text, $7::boolean, $8::text,"
                         " $9::timestamptz)"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing a user");
        } else {
            r = PG_QUERY(S,
                         "UPDATE account SET role = $2, org_id = (SELECT id"
                         "  FROM org WHERE acronym = $3::text), pw_hash = $4,"
                         " disabled = $5::boolean, email = $6::text,"
                         " mail = $7::boolean, lang = $8::text"
                         " WHERE name = $1",
                         &a, err, "writing a user");
        }
        break;
    case STORE_OUTREACH:
    case STORE_MEDIA:
    case STORE_STAT:
        return pg_outreach_row_put(S, e, azKey, az, bInsert, iVersion, pbDone,
                                   err);
    case STORE_INDICATOR:
    case STORE_IND_VALUE:
        return pg_ind_row_put(S, e, azKey, az, bInsert, iVersion, pbDone, err);
    case STORE_FUND_COST:
    case STORE_FUND_LINE:
        return pg_fund_row_put(S, e, azKey, az, bInsert, iVersion, pbDone, err);
    default:
        assert(!"no such entity");
        return apperr_set(err, APPERR_INTERNAL, "writing an unknown entity");
    }
    return pg_row_wrote(r, pbDone);
}

/* ---- sub-rows -------------------------------------------------------------- */

static const char *
pg_link_role(StoreSub k)
{
    return link_role_name(k == STORE_SUB_RESPONSIBLE ? LINK_RESPONSIBLE
                                                     : LINK_CONTRIBUTING);
}

int
pg_sub_get(Store *s, StoreSub k, const char *const *azKey, char ***pazItem,
           size_t *pnItem, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    PGresult *r = NULL;
    int nCol = 1;
    *pazItem = NULL;
    *pnItem = 0;
    switch (k) {
    case STORE_SUB_REC_NODE:
    case STORE_SUB_REC_ORG:
        return pg_rec_sub_get(S, k, azKey, pazItem, pnItem, err);
    case STORE_SUB_ALIAS:
        pg_arg_text(&a, 1, azKey[0]);
        r = PG_QUERY(S,
                     "SELECT a.alias FROM org_alias a JOIN org o"
                     " ON o.id = a.org_id WHERE o.acronym = $1"
                     " ORDER BY a.position",
                     &a, err, "reading sub-rows");
        break;
    case STORE_SUB_LEVEL:
        nCol = 2;
        pg_arg_text(&a, 1, azKey[0]);
        r = PG_QUERY(S,
                     "SELECT l.name, l.has_indicator::int FROM plan_level l"
                     " JOIN plan p ON p.id = l.plan_id WHERE p.code = $1"
                     " ORDER BY l.depth",
                     &a, err, "reading sub-rows");
        break;
    case STORE_SUB_RESPONSIBLE:
    case STORE_SUB_CONTRIBUTING:
        if (store_ids_child_absent(&S->ids, STORE_ID_NODE,
                                   pg_key_plan(S, azKey), azKey[1],
                                   pg_links_child(k))) {
            return 0; /* none yet: see store_ids.h */
        }
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, pg_link_role(k));
        r = PG_QUERY(S,
                     "SELECT o.acronym FROM node_org l"
                     " JOIN org o ON o.id = l.org_id"
                     " JOIN node n ON n.id = l.node_id"
                     " JOIN plan p ON p.id = n.plan_id"
                     " WHERE p.code = $1 AND n.code = $2 AND l.role = $3"
                     " ORDER BY l.position",
                     &a, err, "reading sub-rows");
        break;
    case STORE_SUB_OUTREACH_PLACE:
    case STORE_SUB_OUTREACH_ORG:
    case STORE_SUB_OUTREACH_NODE:
        r = pg_outreach_sub_query(S, k, azKey, err);
        break;
    default:
        assert(!"no such sub-row");
        return apperr_set(err, APPERR_INTERNAL, "reading unknown sub-rows");
    }
    if (!r) {
        return -1;
    }
    char **az = NULL;
    size_t n = 0;
    for (int row = 0; row < PQntuples(r); row++) {
        for (int i = 0; i < nCol; i++) {
            strv_push(&az, &n, pg_text(r, row, i));
        }
    }
    PQclear(r);
    *pazItem = az;
    *pnItem = n / (size_t)nCol;
    return 0;
}

int
pg_sub_put(Store *s, StoreSub k, const char *const *azKey,
           const char *const *azItem, size_t nItem, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    long long ownerId = -1;
    PgArgs a = { 0 };
    switch (k) {
    case STORE_SUB_REC_NODE:
    case STORE_SUB_REC_ORG:
        return pg_rec_sub_put(S, k, azKey, azItem, nItem, err);
    case STORE_SUB_ALIAS:
        if (pg_org_id(S, azKey[0], &ownerId, err)) {
            return -1;
        }
        pg_arg_int(&a, 1, ownerId);
        if (PG_RUN(S, "DELETE FROM org_alias WHERE org_id = $1", &a, err,
                   "replacing aliases")) {
            return -1;
        }
        for (size_t i = 0; i < nItem; i++) {
            pg_arg_text(&a, 2, azItem[i]);
            pg_arg_int(&a, 3, (long long)i);
            if (PG_RUN(S,
                       "INSERT INTO org_alias(org_id, alias, position)"
                       " VALUES($1, $2, $3) ON CONFLICT DO NOTHING",
                       &a, err, "writing an alias")) {
                return -1;
            }
        }
        return 0;
    case STORE_SUB_LEVEL:
        if (pg_plan_id(S, azKey[0], &ownerId, err)) {
            return -1;
        }
        pg_arg_int(&a, 1, ownerId);
        if (PG_RUN(S, "DELETE FROM plan_level WHERE plan_id = $1", &a, err,
                   "replacing plan levels")) {
            return -1;
        }
        for (size_t i = 0; i < nItem; i++) {
            pg_arg_int(&a, 2, (long long)i);
            pg_arg_text(&a, 3, azItem[2 * i]);
            pg_arg_text(&a, 4, azItem[2 * i + 1]);
            if (PG_RUN(S,
                       "INSERT INTO plan_level(plan_id, depth, name,"
                       " has_indicator) VALUES($1, $2, $3, $4::boolean)",
                       &a, err, "writing plan levels")) {
                return -1;
            }
        }
        return 0;
    case STORE_SUB_RESPONSIBLE:
    case STORE_SUB_CONTRIBUTING:
        if (pg_node_find(S, azKey, &ownerId, err)) {
            return -1;
        }
        pg_arg_int(&a, 1, ownerId);
        pg_arg_text(&a, 2, pg_link_role(k));
        /* A new node's first links cannot exist: sent without waiting. */
        int bNew = store_ids_child_absent(&S->ids, STORE_ID_NODE,
                                          pg_key_plan(S, azKey), azKey[1],
                                          pg_links_child(k));
        if (!bNew &&
            PG_RUN(S, "DELETE FROM node_org WHERE node_id = $1 AND role = $2",
                   &a, err, "replacing links")) {
            return -1;
        }
        store_ids_add_child(&S->ids, STORE_ID_NODE, pg_key_plan(S, azKey),
                            azKey[1], pg_links_child(k));
        for (size_t i = 0; i < nItem; i++) {
            long long orgId;
            if (pg_org_id(S, azItem[i], &orgId, err)) {
                return -1;
            }
            pg_arg_int(&a, 3, orgId);
            pg_arg_int(&a, 4, (long long)i);
            /* The same organisation twice in a list is one link (the
            ** first): only the first of each may be sent unread. */
            int bFirst = 1;
            for (size_t j = 0; j < i && bFirst; j++) {
                bFirst = strcmp(azItem[j], azItem[i]) != 0;
            }
            if (bNew && bFirst
                    ? PG_DEFER(S,
                               "INSERT INTO node_org(node_id, role, org_id,"
                               " position) VALUES($1, $2, $3, $4)",
                               &a, err, "writing a link")
                    : PG_RUN(S,
                             "INSERT INTO node_org(node_id, role, org_id,"
                             " position) VALUES($1, $2, $3, $4)"
                             " ON CONFLICT DO NOTHING",
                             &a, err, "writing a link")) {
                return -1;
            }
        }
        return 0;
    case STORE_SUB_OUTREACH_PLACE:
    case STORE_SUB_OUTREACH_ORG:
    case STORE_SUB_OUTREACH_NODE:
        return pg_outreach_sub_put(S, k, azKey, azItem, nItem, err);
    default:
        break;
    }
    assert(!"no such sub-row");
    return apperr_set(err, APPERR_INTERNAL, "writing unknown sub-rows");
}

/* ---- the audit trail ------------------------------------------------------ */

int
pg_audit_add(Store *s, const char *zAction, const char *zEntity,
             const char *zKey, const char *zField, const char *zOld,
             const char *zNew, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    if (S->bInTxn && S->bWrite) {
        /* Held back and sent with the others through COPY. */
        const char *az[8] = { S->base.zNow, S->base.zActor, zAction, zEntity,
                              zKey,         zField,         zOld,    zNew };
        return pg_copy_audit_add(S, az, err);
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, S->base.zNow);
    pg_arg_text(&a, 2, S->base.zActor);
    pg_arg_text(&a, 3, zAction);
    pg_arg_text(&a, 4, zEntity);
    pg_arg_text(&a, 5, zKey);
    pg_arg_text(&a, 6, zField);
    pg_arg_text(&a, 7, zOld);
    pg_arg_text(&a, 8, zNew);
    return PG_RUN(S,
                  "INSERT INTO audit(at, actor, action, entity, key, field,"
                  " old, new) VALUES($1::timestamptz, $2, $3, $4, $5, $6, $7,"
                  " $8)",
                  &a, err, "writing the audit trail");
}

void
pg_visit_rows(PGresult *r, StoreRowVisitor fn, void *pArg)
{
    int nCol = PQnfields(r);
    const char *az[24];
    assert(nCol <= 24);
    for (int row = 0; row < PQntuples(r); row++) {
        for (int i = 0; i < nCol; i++) {
            az[i] = PQgetisnull(r, row, i) ? NULL : PQgetvalue(r, row, i);
        }
        if (fn(pArg, az, nCol)) {
            break;
        }
    }
    PQclear(r);
}
