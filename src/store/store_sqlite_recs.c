/*
** store_sqlite_recs.c — recommendations, their groups, nodes,
** organisations and follow-ups in SQLite (see store.h, "recommendations"):
** the rows and sub-rows the puts of store_audit.c read and write, and the
** parts store_rec_list() assembles.  SQL only, as store_sqlite_rows.c.
**
** Rows are named by codes (plan, round, recommendation), resolved in the
** SQL itself: recommendations are few, and the puts check beforehand that
** what they name exists.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The id of the recommendation named by $1 plan, $2 round, $3 code. */
#define SQ_REC_ID                                                              \
 "(SELECT r.id FROM recommendation r JOIN round d ON d.id = r.round_id"        \
 " JOIN plan p ON p.id = d.plan_id WHERE p.code = $1 AND d.code = $2"          \
 " AND r.code = $3)"

/* Rounds in the order of the model's rounds: by as-of date, undated last,
** then code. */
#define SQ_ROUND_ORDER(d) d ".as_of IS NULL, " d ".as_of, " d ".code"

static void
sq_bind_key(sqlite3_stmt *st, const char *const *azKey, int nKey)
{
    for (int i = 0; i < nKey; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
}

int
sq_rec_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
               char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    int nCol, rc, bVersion = 1;
    switch (e) {
    case STORE_GROUP:
        rc = SQ_PREPARE(S,
                        "SELECT g.name FROM rec_group g"
                        " JOIN round d ON d.id = g.round_id"
                        " JOIN plan p ON p.id = d.plan_id WHERE p.code = $1"
                        " AND d.code = $2 AND g.name = $3",
                        &st, err);
        nCol = STORE_GROUP_NCOL;
        bVersion = 0;
        break;
    case STORE_REC:
        rc = SQ_PREPARE(S,
                        "SELECT r.text, g.name, r.priority, r.source,"
                        " r.version FROM recommendation r"
                        " JOIN round d ON d.id = r.round_id"
                        " JOIN plan p ON p.id = d.plan_id"
                        " LEFT JOIN rec_group g ON g.id = r.group_id"
                        " WHERE p.code = $1 AND d.code = $2 AND r.code = $3",
                        &st, err);
        nCol = STORE_REC_NCOL;
        break;
    default:
        rc = SQ_PREPARE(S,
                        "SELECT f.status, f.evidence, f.version"
                        " FROM rec_followup f JOIN round fd"
                        " ON fd.id = f.round_id WHERE f.rec_id = " SQ_REC_ID
                        " AND fd.code = $4 AND fd.plan_id = (SELECT id"
                        "  FROM plan WHERE code = $1)",
                        &st, err);
        nCol = STORE_FOLLOWUP_NCOL;
        break;
    }
    if (rc) {
        return -1;
    }
    sq_bind_key(st, azKey, e == STORE_FOLLOWUP ? 4 : 3);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        for (int i = 0; i < nCol; i++) {
            azOld[i] = sq_col_dup(st, i);
        }
        *pVersion = bVersion ? sqlite3_column_int(st, nCol) : 0;
        *pbFound = 1;
    }
    sq_finalize(S, st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading a recommendation");
    }
    return 0;
}

/* Run an INSERT or UPDATE; *pbDone as in sq_row_write(). */
static int
sq_rec_write(SqStore *S, sqlite3_stmt *st, int *pbDone, AppErr *err)
{
    int rc = sqlite3_step(st);
    int xrc = sqlite3_extended_errcode(S->db);
    sq_finalize(S, st);
    if (rc == SQLITE_DONE) {
        *pbDone = sqlite3_changes(S->db) == 1;
        return 0;
    }
    if (xrc == SQLITE_CONSTRAINT_UNIQUE) {
        *pbDone = 0;
        return 0;
    }
    return sq_fail(S, err, "writing a recommendation");
}

int
sq_rec_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
               const char *const *az, int bInsert, int iVersion, int *pbDone,
               AppErr *err)
{
    sqlite3_stmt *st;
    int rc;
    switch (e) {
    case STORE_GROUP:
        if (!bInsert) {
            *pbDone = 1; /* a group has nothing to update */
            return 0;
        }
        rc = SQ_PREPARE(S,
                        "INSERT INTO rec_group(round_id, name, position)"
                        " SELECT d.id, $3, (SELECT coalesce(max(position), 0)"
                        "  + 1 FROM rec_group WHERE round_id = d.id)"
                        " FROM round d JOIN plan p ON p.id = d.plan_id"
                        " WHERE p.code = $1 AND d.code = $2",
                        &st, err);
        if (rc == 0) {
            sq_bind_key(st, azKey, 3);
        }
        break;
    case STORE_REC:
        rc = bInsert
                 ? SQ_PREPARE(S,
                              "INSERT INTO recommendation(round_id, code,"
                              " text, group_id, priority, source, position)"
                              " SELECT d.id, $3, $4, (SELECT id FROM rec_group"
                              "  WHERE round_id = d.id AND name = $5), $6, $7,"
                              " (SELECT coalesce(max(position), 0) + 1"
                              "  FROM recommendation WHERE round_id = d.id)"
                              " FROM round d JOIN plan p ON p.id = d.plan_id"
                              " WHERE p.code = $1 AND d.code = $2",
                              &st, err)
                 : SQ_PREPARE(S,
                              "UPDATE recommendation SET text = $4,"
                              " group_id = (SELECT id FROM rec_group"
                              "  WHERE round_id = recommendation.round_id"
                              "  AND name = $5), priority = $6, source = $7,"
                              " version = version + 1 WHERE id = " SQ_REC_ID
                              " AND ($8 = 0 OR version = $8)",
                              &st, err);
        if (rc == 0) {
            sq_bind_key(st, azKey, 3);
            sq_bind_text(st, 4, az[STORE_REC_TEXT]);
            sq_bind_text(st, 5, az[STORE_REC_GROUP]);
            sq_bind_text(st, 6, az[STORE_REC_PRIORITY]);
            sq_bind_text(st, 7, az[STORE_REC_SOURCE]);
            if (!bInsert) {
                sq_bind_int(st, 8, iVersion);
            }
        }
        break;
    default:
        rc = bInsert
                 ? SQ_PREPARE(S,
                              "INSERT INTO rec_followup(rec_id, round_id,"
                              " status, evidence, recorded_by, recorded_at)"
                              " SELECT " SQ_REC_ID ", fd.id, $5, $6, $7, $8"
                              " FROM round fd JOIN plan p ON p.id = fd.plan_id"
                              " WHERE p.code = $1 AND fd.code = $4",
                              &st, err)
                 : SQ_PREPARE(S,
                              "UPDATE rec_followup SET status = $5,"
                              " evidence = $6, recorded_by = $7,"
                              " recorded_at = $8, version = version + 1"
                              " WHERE rec_id = " SQ_REC_ID
                              " AND round_id = (SELECT fd.id FROM round fd"
                              "  JOIN plan p ON p.id = fd.plan_id"
                              "  WHERE p.code = $1 AND fd.code = $4)"
                              " AND ($9 = 0 OR version = $9)",
                              &st, err);
        if (rc == 0) {
            sq_bind_key(st, azKey, 4);
            sq_bind_text(st, 5, az[STORE_FOLLOWUP_STATUS]);
            sq_bind_text(st, 6, az[STORE_FOLLOWUP_EVIDENCE]);
            sq_bind_text(st, 7, S->base.zActor);
            sq_bind_text(st, 8, S->base.zNow);
            if (!bInsert) {
                sq_bind_int(st, 9, iVersion);
            }
        }
        break;
    }
    return rc ? -1 : sq_rec_write(S, st, pbDone, err);
}

int
sq_rec_sub_get(SqStore *S, StoreSub k, const char *const *azKey,
               char ***pazItem, size_t *pnItem, AppErr *err)
{
    sqlite3_stmt *st;
    if (k == STORE_SUB_REC_NODE
            ? SQ_PREPARE(S,
                         "SELECT n.code FROM rec_node x JOIN node n"
                         " ON n.id = x.node_id WHERE x.rec_id = " SQ_REC_ID
                         " ORDER BY x.position",
                         &st, err)
            : SQ_PREPARE(S,
                         "SELECT o.acronym FROM rec_org x JOIN org o"
                         " ON o.id = x.org_id WHERE x.rec_id = " SQ_REC_ID
                         " ORDER BY x.position",
                         &st, err)) {
        return -1;
    }
    sq_bind_key(st, azKey, 3);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *z = (const char *)sqlite3_column_text(st, 0);
        strv_push(pazItem, pnItem, z ? z : "");
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading a recommendation");
}

int
sq_rec_sub_put(SqStore *S, StoreSub k, const char *const *azKey,
               const char *const *azItem, size_t nItem, AppErr *err)
{
    sqlite3_stmt *st;
    int bNode = k == STORE_SUB_REC_NODE;
    if (bNode ? SQ_PREPARE(S, "DELETE FROM rec_node WHERE rec_id = " SQ_REC_ID,
                           &st, err)
              : SQ_PREPARE(S, "DELETE FROM rec_org WHERE rec_id = " SQ_REC_ID,
                           &st, err)) {
        return -1;
    }
    sq_bind_key(st, azKey, 3);
    if (sq_run(S, st, err, "writing a recommendation")) {
        return -1;
    }
    for (size_t i = 0; i < nItem; i++) {
        if (bNode ? SQ_PREPARE(S,
                               "INSERT OR IGNORE INTO rec_node(rec_id,"
                               " node_id, position) SELECT " SQ_REC_ID
                               ", n.id, $4 FROM node n JOIN plan p"
                               " ON p.id = n.plan_id WHERE p.code = $1"
                               " AND n.code = $5",
                               &st, err)
                  : SQ_PREPARE(S,
                               "INSERT OR IGNORE INTO rec_org(rec_id, org_id,"
                               " position) SELECT " SQ_REC_ID ", o.id, $4"
                               " FROM org o WHERE o.acronym = $5",
                               &st, err)) {
            return -1;
        }
        sq_bind_key(st, azKey, 3);
        sq_bind_int(st, 4, (sqlite3_int64)i);
        sq_bind_text(st, 5, azItem[i]);
        if (sq_run(S, st, err, "writing a recommendation")) {
            return -1;
        }
    }
    return 0;
}

int
sq_rec_scan(Store *s, const char *zPlan, StoreRecPart part, StoreRowVisitor fn,
            void *pArg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    int rc;
    switch (part) {
    case STORE_REC_PART_GROUP:
        rc = SQ_PREPARE(S,
                        "SELECT d.code, g.name FROM rec_group g"
                        " JOIN round d ON d.id = g.round_id"
                        " JOIN plan p ON p.id = d.plan_id WHERE p.code = $1"
                        " ORDER BY " SQ_ROUND_ORDER("d") ", g.position",
                        &st, err);
        break;
    case STORE_REC_PART_REC:
        rc = SQ_PREPARE(S,
                        "SELECT d.code, r.code, r.text, g.name, r.priority,"
                        " r.source, r.version FROM recommendation r"
                        " JOIN round d ON d.id = r.round_id"
                        " JOIN plan p ON p.id = d.plan_id"
                        " LEFT JOIN rec_group g ON g.id = r.group_id"
                        " WHERE p.code = $1"
                        " ORDER BY " SQ_ROUND_ORDER("d") ", r.position",
                        &st, err);
        break;
    case STORE_REC_PART_NODE:
        rc = SQ_PREPARE(
            S,
            "SELECT d.code, r.code, n.code FROM rec_node x"
            " JOIN recommendation r ON r.id = x.rec_id"
            " JOIN round d ON d.id = r.round_id"
            " JOIN plan p ON p.id = d.plan_id"
            " JOIN node n ON n.id = x.node_id WHERE p.code = $1"
            " ORDER BY " SQ_ROUND_ORDER("d") ", r.position, x.position",
            &st, err);
        break;
    case STORE_REC_PART_ORG:
        rc = SQ_PREPARE(
            S,
            "SELECT d.code, r.code, o.acronym FROM rec_org x"
            " JOIN recommendation r ON r.id = x.rec_id"
            " JOIN round d ON d.id = r.round_id"
            " JOIN plan p ON p.id = d.plan_id"
            " JOIN org o ON o.id = x.org_id WHERE p.code = $1"
            " ORDER BY " SQ_ROUND_ORDER("d") ", r.position, x.position",
            &st, err);
        break;
    default:
        rc = SQ_PREPARE(S,
                        "SELECT d.code, r.code, fd.code, f.status,"
                        " f.evidence, f.recorded_by, f.recorded_at, f.version"
                        " FROM rec_followup f"
                        " JOIN recommendation r ON r.id = f.rec_id"
                        " JOIN round d ON d.id = r.round_id"
                        " JOIN plan p ON p.id = d.plan_id"
                        " JOIN round fd ON fd.id = f.round_id"
                        " WHERE p.code = $1 ORDER BY " SQ_ROUND_ORDER(
                            "d") ", r.position, " SQ_ROUND_ORDER("fd"),
                        &st, err);
        break;
    }
    if (rc) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    return sq_visit_rows(S, st, fn, pArg, err, "reading recommendations");
}
