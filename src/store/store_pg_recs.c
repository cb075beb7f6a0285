/*
** store_pg_recs.c — recommendations in PostgreSQL: the translation of
** store_sqlite_recs.c (see there).  What differs: an INSERT that meets a
** unique key does nothing (ON CONFLICT DO NOTHING) instead of failing, the
** priority is a BOOLEAN read back as "0"/"1", and parameters in a SELECT
** list carry their type.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

#define PG_REC_ID                                                              \
 "(SELECT r.id FROM recommendation r JOIN round d ON d.id = r.round_id"        \
 " JOIN plan p ON p.id = d.plan_id WHERE p.code = $1::text"                    \
 " AND d.code = $2::text AND r.code = $3::text)"

#define PG_ROUND_ORDER(d) d ".as_of IS NULL, " d ".as_of, " d ".code"

static void
pg_arg_key(PgArgs *a, const char *const *azKey, int nKey)
{
    for (int i = 0; i < nKey; i++) {
        pg_arg_text(a, i + 1, azKey[i]);
    }
}

int
pg_rec_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
               char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    PgArgs a = { 0 };
    PGresult *r;
    int nCol, bVersion = 1;
    switch (e) {
    case STORE_GROUP:
        pg_arg_key(&a, azKey, 3);
        r = PG_QUERY(S,
                     "SELECT g.name FROM rec_group g"
                     " JOIN round d ON d.id = g.round_id"
                     " JOIN plan p ON p.id = d.plan_id WHERE p.code = $1"
                     " AND d.code = $2 AND g.name = $3",
                     &a, err, "reading a recommendation");
        nCol = STORE_GROUP_NCOL;
        bVersion = 0;
        break;
    case STORE_REC:
        pg_arg_key(&a, azKey, 3);
        r = PG_QUERY(S,
                     "SELECT r.text, g.name, r.priority::int, r.source,"
                     " r.version FROM recommendation r"
                     " JOIN round d ON d.id = r.round_id"
                     " JOIN plan p ON p.id = d.plan_id"
                     " LEFT JOIN rec_group g ON g.id = r.group_id"
                     " WHERE p.code = $1 AND d.code = $2 AND r.code = $3",
                     &a, err, "reading a recommendation");
        nCol = STORE_REC_NCOL;
        break;
    default:
        pg_arg_key(&a, azKey, 4);
        r = PG_QUERY(S,
                     "SELECT f.status, f.evidence, f.version"
                     " FROM rec_followup f JOIN round fd"
                     " ON fd.id = f.round_id WHERE f.rec_id = " PG_REC_ID
                     " AND fd.code = $4 AND fd.plan_id = (SELECT id"
                     "  FROM plan WHERE code = $1)",
                     &a, err, "reading a recommendation");
        nCol = STORE_FOLLOWUP_NCOL;
        break;
    }
    if (!r) {
        return -1;
    }
    if (PQntuples(r) > 0) {
        for (int i = 0; i < nCol; i++) {
            azOld[i] = pg_dup(r, 0, i);
        }
        *pVersion = bVersion ? (int)pg_int(r, 0, nCol) : 0;
        *pbFound = 1;
    }
    PQclear(r);
    return 0;
}

int
pg_rec_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
               const char *const *az, int bInsert, int iVersion, int *pbDone,
               AppErr *err)
{
    PgArgs a = { 0 };
    PGresult *r;
    switch (e) {
    case STORE_GROUP:
        if (!bInsert) {
            *pbDone = 1; /* a group has nothing to update */
            return 0;
        }
        pg_arg_key(&a, azKey, 3);
        r = PG_QUERY(S,
                     "INSERT INTO rec_group(round_id, name, position)"
                     " SELECT d.id, $3::text, (SELECT coalesce(max(position),"
                     "  0) + 1 FROM rec_group WHERE round_id = d.id)"
                     " FROM round d JOIN plan p ON p.id = d.plan_id"
                     " WHERE p.code = $1 AND d.code = $2"
                     " ON CONFLICT DO NOTHING",
                     &a, err, "writing a recommendation");
        break;
    case STORE_REC:
        pg_arg_key(&a, azKey, 3);
        pg_arg_text(&a, 4, az[STORE_REC_TEXT]);
        pg_arg_text(&a, 5, az[STORE_REC_GROUP]);
        pg_arg_text(&a, 6, az[STORE_REC_PRIORITY]);
        pg_arg_text(&a, 7, az[STORE_REC_SOURCE]);
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO recommendation(round_id, code, text,"
                         " group_id, priority, source, position)"
                         " SELECT d.id, $3::text, $4::text, (SELECT id"
                         "  FROM rec_group WHERE round_id = d.id"
                         "  AND name = $5::text), $6::boolean, $7::text,"
                         " (SELECT coalesce(max(position), 0) + 1"
                         "  FROM recommendation WHERE round_id = d.id)"
                         " FROM round d JOIN plan p ON p.id = d.plan_id"
                         " WHERE p.code = $1 AND d.code = $2"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing a recommendation");
        } else {
            pg_arg_int(&a, 8, iVersion);
            r = PG_QUERY(S,
                         "UPDATE recommendation SET text = $4::text,"
                         " group_id = (SELECT id FROM rec_group"
                         "  WHERE round_id = recommendation.round_id"
                         "  AND name = $5::text), priority = $6::boolean,"
                         " source = $7::text, version = version + 1"
                         " WHERE id = " PG_REC_ID
                         " AND ($8::integer = 0 OR version = $8::integer)",
                         &a, err, "writing a recommendation");
        }
        break;
    default:
        pg_arg_key(&a, azKey, 4);
        pg_arg_text(&a, 5, az[STORE_FOLLOWUP_STATUS]);
        pg_arg_text(&a, 6, az[STORE_FOLLOWUP_EVIDENCE]);
        pg_arg_text(&a, 7, S->base.zActor);
        pg_arg_text(&a, 8, S->base.zNow);
        if (bInsert) {
            r = PG_QUERY(S,
                         "INSERT INTO rec_followup(rec_id, round_id, status,"
                         " evidence, recorded_by, recorded_at)"
                         " SELECT " PG_REC_ID ", fd.id, $5::text, $6::text,"
                         " $7::text, $8::timestamptz FROM round fd"
                         " JOIN plan p ON p.id = fd.plan_id"
                         " WHERE p.code = $1 AND fd.code = $4::text"
                         " ON CONFLICT DO NOTHING",
                         &a, err, "writing a recommendation");
        } else {
            pg_arg_int(&a, 9, iVersion);
            r = PG_QUERY(S,
                         "UPDATE rec_followup SET status = $5::text,"
                         " evidence = $6::text, recorded_by = $7::text,"
                         " recorded_at = $8::timestamptz,"
                         " version = version + 1 WHERE rec_id = " PG_REC_ID
                         " AND round_id = (SELECT fd.id FROM round fd"
                         "  JOIN plan p ON p.id = fd.plan_id"
                         "  WHERE p.code = $1 AND fd.code = $4::text)"
                         " AND ($9::integer = 0 OR version = $9::integer)",
                         &a, err, "writing a recommendation");
        }
        break;
    }
    if (!r) {
        return -1;
    }
    *pbDone = strcmp(PQcmdTuples(r), "1") == 0;
    PQclear(r);
    return 0;
}

int
pg_rec_sub_get(PgStore *S, StoreSub k, const char *const *azKey,
               char ***pazItem, size_t *pnItem, AppErr *err)
{
    PgArgs a = { 0 };
    pg_arg_key(&a, azKey, 3);
    PGresult *r =
        k == STORE_SUB_REC_NODE
            ? PG_QUERY(S,
                       "SELECT n.code FROM rec_node x JOIN node n"
                       " ON n.id = x.node_id WHERE x.rec_id = " PG_REC_ID
                       " ORDER BY x.position",
                       &a, err, "reading a recommendation")
            : PG_QUERY(S,
                       "SELECT o.acronym FROM rec_org x JOIN org o"
                       " ON o.id = x.org_id WHERE x.rec_id = " PG_REC_ID
                       " ORDER BY x.position",
                       &a, err, "reading a recommendation");
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        strv_push(pazItem, pnItem, pg_text(r, row, 0));
    }
    PQclear(r);
    return 0;
}

int
pg_rec_sub_put(PgStore *S, StoreSub k, const char *const *azKey,
               const char *const *azItem, size_t nItem, AppErr *err)
{
    PgArgs a = { 0 };
    int bNode = k == STORE_SUB_REC_NODE;
    pg_arg_key(&a, azKey, 3);
    if (bNode ? PG_RUN(S, "DELETE FROM rec_node WHERE rec_id = " PG_REC_ID, &a,
                       err, "writing a recommendation")
              : PG_RUN(S, "DELETE FROM rec_org WHERE rec_id = " PG_REC_ID, &a,
                       err, "writing a recommendation")) {
        return -1;
    }
    for (size_t i = 0; i < nItem; i++) {
        pg_arg_int(&a, 4, (long long)i);
        pg_arg_text(&a, 5, azItem[i]);
        if (bNode ? PG_RUN(S,
                           "INSERT INTO rec_node(rec_id, node_id, position)"
                           " SELECT " PG_REC_ID ", n.id, $4::integer"
                           " FROM node n JOIN plan p ON p.id = n.plan_id"
                           " WHERE p.code = $1 AND n.code = $5::text"
                           " ON CONFLICT DO NOTHING",
                           &a, err, "writing a recommendation")
                  : PG_RUN(S,
                           "INSERT INTO rec_org(rec_id, org_id, position)"
                           " SELECT " PG_REC_ID ", o.id, $4::integer"
                           " FROM org o WHERE o.acronym = $5::text"
                           " ON CONFLICT DO NOTHING",
                           &a, err, "writing a recommendation")) {
            return -1;
        }
    }
    return 0;
}

int
pg_rec_scan(Store *s, const char *zPlan, StoreRecPart part, StoreRowVisitor fn,
            void *pArg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    PGresult *r;
    switch (part) {
    case STORE_REC_PART_GROUP:
        r = PG_QUERY(S,
                     "SELECT d.code, g.name FROM rec_group g"
                     " JOIN round d ON d.id = g.round_id"
                     " JOIN plan p ON p.id = d.plan_id WHERE p.code = $1"
                     " ORDER BY " PG_ROUND_ORDER("d") ", g.position",
                     &a, err, "reading recommendations");
        break;
    case STORE_REC_PART_REC:
        r = PG_QUERY(S,
                     "SELECT d.code, r.code, r.text, g.name, r.priority::int,"
                     " r.source, r.version FROM recommendation r"
                     " JOIN round d ON d.id = r.round_id"
                     " JOIN plan p ON p.id = d.plan_id"
                     " LEFT JOIN rec_group g ON g.id = r.group_id"
                     " WHERE p.code = $1"
                     " ORDER BY " PG_ROUND_ORDER("d") ", r.position",
                     &a, err, "reading recommendations");
        break;
    case STORE_REC_PART_NODE:
        r = PG_QUERY(
            S,
            "SELECT d.code, r.code, n.code FROM rec_node x"
            " JOIN recommendation r ON r.id = x.rec_id"
            " JOIN round d ON d.id = r.round_id"
            " JOIN plan p ON p.id = d.plan_id"
            " JOIN node n ON n.id = x.node_id WHERE p.code = $1"
            " ORDER BY " PG_ROUND_ORDER("d") ", r.position, x.position",
            &a, err, "reading recommendations");
        break;
    case STORE_REC_PART_ORG:
        r = PG_QUERY(
            S,
            "SELECT d.code, r.code, o.acronym FROM rec_org x"
            " JOIN recommendation r ON r.id = x.rec_id"
            " JOIN round d ON d.id = r.round_id"
            " JOIN plan p ON p.id = d.plan_id"
            " JOIN org o ON o.id = x.org_id WHERE p.code = $1"
            " ORDER BY " PG_ROUND_ORDER("d") ", r.position, x.position",
            &a, err, "reading recommendations");
        break;
    default:
        r = PG_QUERY(
            S,
            "SELECT d.code, r.code, fd.code, f.status, f.evidence,"
            " f.recorded_by, " PG_TS(
                "f.recorded_at") ", f.version"
                                 " FROM rec_followup f"
                                 " JOIN recommendation r ON r.id = f.rec_id"
                                 " JOIN round d ON d.id = r.round_id"
                                 " JOIN plan p ON p.id = d.plan_id"
                                 " JOIN round fd ON fd.id = f.round_id"
                                 " WHERE p.code = $1 ORDER BY " PG_ROUND_ORDER(
                                     "d") ", r.position, " PG_ROUND_ORDER("fd"),
            &a, err, "reading recommendations");
        break;
    }
    if (!r) {
        return -1;
    }
    pg_visit_rows(r, fn, pArg);
    return 0;
}
