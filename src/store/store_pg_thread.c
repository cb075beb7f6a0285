/*
** store_pg_thread.c — statements' comment threads and submitted versions
** in PostgreSQL (migration 6): the translation of store_sqlite_thread.c.
** An INSERT reports its row (RETURNING), which tells whether the
** statement existed; a version kept already is left (ON CONFLICT DO
** NOTHING), since a failed statement would end the transaction.
*/
#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The statement named by $1 (plan), $2 (node), $3 (round), $4 (org). */
#define PG_STMT_ID                                                             \
 "(SELECT s.id FROM statement s"                                               \
 " JOIN assessment a ON a.id = s.assessment_id"                                \
 " JOIN node n ON n.id = a.node_id JOIN plan p ON p.id = n.plan_id"            \
 " JOIN round r ON r.id = a.round_id JOIN org o ON o.id = s.org_id"            \
 " WHERE p.code = $1 AND n.code = $2 AND r.code = $3 AND o.acronym = $4)"

#define PG_STMT_JOINS                                                          \
 " JOIN assessment a ON a.id = s.assessment_id"                                \
 " JOIN node n ON n.id = a.node_id JOIN plan p ON p.id = n.plan_id"            \
 " JOIN round r ON r.id = a.round_id JOIN org o ON o.id = s.org_id"

int
pg_stmt_scan(Store *s, const char *zPlan, const char *zNode, StoreStmtPart part,
             StoreRowVisitor fn, void *pArg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    pg_arg_text(&a, 2, zNode);
    if (part == STORE_STMT_PART_ATTACHMENT) {
        PGresult *r = PG_QUERY(
            S,
            "SELECT r.code, o.acronym, f.id, f.name, f.type, f.size,"
            " f.added_by, " PG_TS(
                "f.added_at") " FROM statement_attachment f"
                              " JOIN statement s ON s.id = f.statement_id" PG_STMT_JOINS
                              " WHERE p.code = $1 AND n.code = $2"
                              " ORDER BY r.code, o.acronym, f.id",
            &a, err, "reading statements' attachments");
        if (!r) {
            return -1;
        }
        pg_visit_rows(r, fn, pArg);
        return 0;
    }
    PGresult *r =
        part == STORE_STMT_PART_COMMENT
            ? PG_QUERY(
                  S,
                  "SELECT r.code, o.acronym, c.author, c.role, " PG_TS(
                      "c.at") ", c.text, c.stmt_version"
                              " FROM statement_comment c"
                              " JOIN statement s ON s.id = c.statement_id" PG_STMT_JOINS
                              " WHERE p.code = $1 AND n.code = $2"
                              " ORDER BY r.code, o.acronym, c.id",
                  &a, err, "reading statements' threads")
            : PG_QUERY(
                  S,
                  "SELECT r.code, o.acronym, v.version, v.text,"
                  " v.proposed_rating, v.state, v.submitted_by, " PG_TS(
                      "v.submitted_at") " FROM statement_version v"
                                        " JOIN statement s ON s.id = v.statement_id" PG_STMT_JOINS
                                        " WHERE p.code = $1 AND n.code = $2"
                                        " ORDER BY r.code, o.acronym, v.version",
                  &a, err, "reading statements' threads");
    if (!r) {
        return -1;
    }
    pg_visit_rows(r, fn, pArg);
    return 0;
}

int
pg_stmt_add(Store *s, StoreStmtPart part, const char *const *azKey,
            const char *const *azVal, int *pbDone, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    for (int i = 0; i < 4; i++) {
        pg_arg_text(&a, i + 1, azKey[i]);
    }
    PGresult *r;
    if (part == STORE_STMT_PART_ATTACHMENT) {
        for (int i = 0; i < 4; i++) {
            pg_arg_text(&a, i + 5, azVal[i]);
        }
        pg_arg_text(&a, 9, S->base.zActor ? S->base.zActor : "");
        pg_arg_text(&a, 10, S->base.zNow);
        r = PG_QUERY(S,
                     "INSERT INTO statement_attachment(statement_id, name,"
                     " type, size, data, added_by, added_at)"
                     " SELECT id, $5, $6, $7::bigint, $8, $9, $10::timestamptz"
                     " FROM statement WHERE id = " PG_STMT_ID " RETURNING id",
                     &a, err, "attaching a file");
    } else if (part == STORE_STMT_PART_COMMENT) {
        pg_arg_text(&a, 5, azVal[0]);
        pg_arg_text(&a, 6, azVal[1]);
        pg_arg_text(&a, 7, S->base.zNow);
        pg_arg_text(&a, 8, azVal[2]);
        r = PG_QUERY(S,
                     "INSERT INTO statement_comment(statement_id,"
                     " stmt_version, author, role, at, text)"
                     " SELECT id, version, $5, $6, $7::timestamptz, $8"
                     " FROM statement WHERE id = " PG_STMT_ID " RETURNING id",
                     &a, err, "writing a statement's comment");
    } else {
        pg_arg_text(&a, 5, S->base.zActor ? S->base.zActor : "");
        pg_arg_text(&a, 6, S->base.zNow);
        r = PG_QUERY(S,
                     "INSERT INTO statement_version(statement_id, version,"
                     " text, proposed_rating, state, submitted_by,"
                     " submitted_at) SELECT id, version, text,"
                     " proposed_rating, state, $5, $6::timestamptz"
                     " FROM statement WHERE id = " PG_STMT_ID
                     " ON CONFLICT DO NOTHING RETURNING id",
                     &a, err, "keeping a statement's version");
    }
    long long id = -1;
    if (!r || pg_lookup_id(S, r, &id)) {
        return -1;
    }
    *pbDone = id >= 0;
    return 0;
}

int
pg_attach_read(Store *s, long iId, StoreRowVisitor fn, void *pArg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, iId);
    PGresult *r = PG_QUERY(
        S,
        "SELECT p.code, n.code, r.code, o.acronym, f.name, f.type, f.data,"
        " f.added_by FROM statement_attachment f"
        " JOIN statement s ON s.id = f.statement_id" PG_STMT_JOINS
        " WHERE f.id = $1",
        &a, err, "reading an attachment");
    if (!r) {
        return -1;
    }
    pg_visit_rows(r, fn, pArg);
    return 0;
}

int
pg_attach_delete(Store *s, long iId, int *pbDone, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, iId);
    PGresult *r = PG_QUERY(S,
                           "DELETE FROM statement_attachment WHERE id = $1"
                           " RETURNING id",
                           &a, err, "removing an attachment");
    long long id = -1;
    if (!r || pg_lookup_id(S, r, &id)) {
        return -1;
    }
    *pbDone = id >= 0;
    return 0;
}
