/*
** store_sqlite_thread.c — statements' comment threads and submitted
** versions in SQLite (schema 11): the rows store_thread.c assembles and
** writes.  SQL only; the PostgreSQL translation is store_pg_thread.c.
*/
#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The statement named by $1 (plan), $2 (node), $3 (round), $4 (org). */
#define SQ_STMT_ID                                                             \
 "(SELECT s.id FROM statement s"                                               \
 " JOIN assessment a ON a.id = s.assessment_id"                                \
 " JOIN node n ON n.id = a.node_id JOIN plan p ON p.id = n.plan_id"            \
 " JOIN round r ON r.id = a.round_id JOIN org o ON o.id = s.org_id"            \
 " WHERE p.code = $1 AND n.code = $2 AND r.code = $3 AND o.acronym = $4)"

/* The joins from a statement (s) to its activity and plan, round and
** organisation. */
#define SQ_STMT_JOINS                                                          \
 " JOIN assessment a ON a.id = s.assessment_id"                                \
 " JOIN node n ON n.id = a.node_id JOIN plan p ON p.id = n.plan_id"            \
 " JOIN round r ON r.id = a.round_id JOIN org o ON o.id = s.org_id"

int
sq_stmt_scan(Store *s, const char *zPlan, const char *zNode, StoreStmtPart part,
             StoreRowVisitor fn, void *pArg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (part == STORE_STMT_PART_ATTACHMENT) {
        if (SQ_PREPARE(
                S,
                "SELECT r.code, o.acronym, f.id, f.name, f.type,"
                " f.size, f.added_by, f.added_at"
                " FROM statement_attachment f"
                " JOIN statement s ON s.id = f.statement_id" SQ_STMT_JOINS
                " WHERE p.code = $1 AND n.code = $2"
                " ORDER BY r.code, o.acronym, f.id",
                &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, zPlan);
        sq_bind_text(st, 2, zNode);
        return sq_visit_rows(S, st, fn, pArg, err,
                             "reading statements' attachments");
    }
    int rc =
        part == STORE_STMT_PART_COMMENT
            ? SQ_PREPARE(
                  S,
                  "SELECT r.code, o.acronym, c.author, c.role,"
                  " c.at, c.text, c.stmt_version"
                  " FROM statement_comment c"
                  " JOIN statement s ON s.id = c.statement_id" SQ_STMT_JOINS
                  " WHERE p.code = $1 AND n.code = $2"
                  " ORDER BY r.code, o.acronym, c.id",
                  &st, err)
            : SQ_PREPARE(
                  S,
                  "SELECT r.code, o.acronym, v.version, v.text,"
                  " v.proposed_rating, v.state, v.submitted_by,"
                  " v.submitted_at FROM statement_version v"
                  " JOIN statement s ON s.id = v.statement_id" SQ_STMT_JOINS
                  " WHERE p.code = $1 AND n.code = $2"
                  " ORDER BY r.code, o.acronym, v.version",
                  &st, err);
    if (rc) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    sq_bind_text(st, 2, zNode);
    return sq_visit_rows(S, st, fn, pArg, err, "reading statements' threads");
}

int
sq_stmt_add(Store *s, StoreStmtPart part, const char *const *azKey,
            const char *const *azVal, int *pbDone, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (part == STORE_STMT_PART_ATTACHMENT) {
        if (SQ_PREPARE(S,
                       "INSERT INTO statement_attachment(statement_id, name,"
                       " type, size, data, added_by, added_at)"
                       " SELECT id, $5, $6, $7, $8, $9, $10"
                       " FROM statement WHERE id = " SQ_STMT_ID,
                       &st, err)) {
            return -1;
        }
        for (int i = 0; i < 4; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
            sq_bind_text(st, i + 5, azVal[i]);
        }
        sq_bind_text(st, 9, S->base.zActor ? S->base.zActor : "");
        sq_bind_text(st, 10, S->base.zNow);
        return sq_row_write(S, st, pbDone, err, "attaching a file");
    }
    int rc =
        part == STORE_STMT_PART_COMMENT
            ? SQ_PREPARE(S,
                         "INSERT INTO statement_comment(statement_id,"
                         " stmt_version, author, role, at, text)"
                         " SELECT id, version, $5, $6, $7, $8"
                         " FROM statement WHERE id = " SQ_STMT_ID,
                         &st, err)
            : SQ_PREPARE(S,
                         "INSERT INTO statement_version(statement_id,"
                         " version, text, proposed_rating, state,"
                         " submitted_by, submitted_at)"
                         " SELECT id, version, text, proposed_rating,"
                         " state, $5, $6 FROM statement"
                         " WHERE id = " SQ_STMT_ID " ON CONFLICT DO NOTHING",
                         &st, err);
    if (rc) {
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    if (part == STORE_STMT_PART_COMMENT) {
        sq_bind_text(st, 5, azVal[0]);
        sq_bind_text(st, 6, azVal[1]);
        sq_bind_text(st, 7, S->base.zNow);
        sq_bind_text(st, 8, azVal[2]);
    } else {
        sq_bind_text(st, 5, S->base.zActor ? S->base.zActor : "");
        sq_bind_text(st, 6, S->base.zNow);
    }
    return sq_row_write(S, st, pbDone, err,
                        part == STORE_STMT_PART_COMMENT
                            ? "writing a statement's comment"
                            : "keeping a statement's version");
}

int
sq_attach_read(Store *s, long iId, StoreRowVisitor fn, void *pArg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT p.code, n.code, r.code, o.acronym, f.name, f.type,"
                   " f.data, f.added_by FROM statement_attachment f"
                   " JOIN statement s ON s.id = f.statement_id" SQ_STMT_JOINS
                   " WHERE f.id = $1",
                   &st, err)) {
        return -1;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)iId);
    return sq_visit_rows(S, st, fn, pArg, err, "reading an attachment");
}

int
sq_attach_delete(Store *s, long iId, int *pbDone, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "DELETE FROM statement_attachment WHERE id = $1", &st,
                   err)) {
        return -1;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)iId);
    return sq_row_write(S, st, pbDone, err, "removing an attachment");
}
