/*
** store_sqlite_auth.c — reading accounts, sessions and organisations'
** statements in SQLite (see store.h).  Same rules as store_sqlite.c:
** literal SQL, bound values.  Accounts and statements are written through
** the rows of store_sqlite_rows.c, so the puts of store_audit.c audit them.
*/
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* ---- users ---------------------------------------------------------------- */

static void
sq_read_user(sqlite3_stmt *st, int i0, User *u)
{
    u->id = (long)sqlite3_column_int64(st, i0);
    u->zName = sq_col_dup(st, i0 + 1);
    char *zRole = sq_col_dup(st, i0 + 2);
    if (role_parse(zRole, &u->eRole)) {
        u->eRole = ROLE_VIEWER;
    }
    free(zRole);
    u->zOrg = sq_col_dup(st, i0 + 3);
    u->zHash = sq_col_dup(st, i0 + 4);
    u->bDisabled = sqlite3_column_int(st, i0 + 5);
    u->zCreated = sq_col_dup(st, i0 + 6);
    u->zEmail = sq_col_dup(st, i0 + 7);
    u->bMail = sqlite3_column_int(st, i0 + 8);
    u->zLang = sq_col_dup(st, i0 + 9);
}

int
sq_user_get(Store *s, const char *zName, User *u, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    memset(u, 0, sizeof *u);
    if (SQ_PREPARE(S,
                   "SELECT u.id, u.name, u.role, o.acronym, u.pw_hash,"
                   " u.disabled, u.created, u.email, u.mail, u.lang"
                   " FROM account u"
                   " LEFT JOIN org o ON o.id = u.org_id WHERE u.name = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zName);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sq_read_user(st, 0, u);
    }
    sq_finalize(S, st);
    if (rc == SQLITE_ROW) {
        return 0;
    }
    if (rc == SQLITE_DONE) {
        return apperr_set(err, APPERR_NOTFOUND, "no user '%s'", zName);
    }
    return sq_fail(S, err, "reading a user");
}

int
sq_user_list(Store *s, User **pa, size_t *pn, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *pa = NULL;
    *pn = 0;
    if (SQ_PREPARE(S,
                   "SELECT u.id, u.name, u.role, o.acronym, u.pw_hash,"
                   " u.disabled, u.created, u.email, u.mail, u.lang"
                   " FROM account u"
                   " LEFT JOIN org o ON o.id = u.org_id ORDER BY u.name",
                   &st, err)) {
        return -1;
    }
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)pa, &nAlloc, *pn, sizeof **pa);
        sq_read_user(st, 0, &(*pa)[(*pn)++]);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "listing users");
}

/* ---- sessions ----------------------------------------------------------- */

/* The session's query counts unread notifications with a literal LIMIT. */
_Static_assert(LIMIT_INBOX_UNREAD_COUNTED == 100,
               "the session query's LIMIT is LIMIT_INBOX_UNREAD_COUNTED");

int
sq_session_put(Store *s, const Session *ses, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "INSERT INTO session(token_hash, user_id, csrf, created,"
                   " last_seen) VALUES($1, $2, $3, $4, $5)",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, ses->zTokenHash);
    sq_bind_int(st, 2, ses->userId);
    sq_bind_text(st, 3, ses->zCsrf);
    sq_bind_int(st, 4, ses->created);
    sq_bind_int(st, 5, ses->lastSeen);
    return sq_run(S, st, err, "creating a session");
}

int
sq_session_get(Store *s, const char *zTokenHash, Session *ses, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    memset(ses, 0, sizeof *ses);
    if (SQ_PREPARE(S,
                   "SELECT s.token_hash, s.user_id, s.csrf, s.created,"
                   " s.last_seen, u.id, u.name, u.role, o.acronym, u.pw_hash,"
                   " u.disabled, u.created, u.email, u.mail, u.lang,"
                   " (SELECT coalesce(max(id), 0) FROM audit),"
                   " (SELECT count(*) FROM (SELECT 1 FROM notification x"
                   "  WHERE x.recipient_id = s.user_id"
                   "  AND x.read_at IS NULL LIMIT 100))"
                   " FROM session s JOIN account u ON u.id = s.user_id"
                   " LEFT JOIN org o ON o.id = u.org_id"
                   " WHERE s.token_hash = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zTokenHash);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        ses->zTokenHash = sq_col_dup(st, 0);
        ses->userId = (long)sqlite3_column_int64(st, 1);
        ses->zCsrf = sq_col_dup(st, 2);
        ses->created = (long)sqlite3_column_int64(st, 3);
        ses->lastSeen = (long)sqlite3_column_int64(st, 4);
        sq_read_user(st, 5, &ses->user);
        ses->dataVersion = (long)sqlite3_column_int64(st, 15);
        ses->nUnread = (long)sqlite3_column_int64(st, 16);
    }
    sq_finalize(S, st);
    if (rc == SQLITE_ROW) {
        return 0;
    }
    if (rc == SQLITE_DONE) {
        return apperr_set(err, APPERR_NOTFOUND, "no such session");
    }
    return sq_fail(S, err, "reading a session");
}

int
sq_session_touch(Store *s, const char *zTokenHash, long now, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "UPDATE session SET last_seen = $2 WHERE token_hash = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zTokenHash);
    sq_bind_int(st, 2, now);
    return sq_run(S, st, err, "updating a session");
}

int
sq_session_delete(Store *s, const char *zTokenHash, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "DELETE FROM session WHERE token_hash = $1", &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zTokenHash);
    return sq_run(S, st, err, "ending a session");
}

int
sq_session_delete_user(Store *s, const char *zUser, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "DELETE FROM session WHERE user_id ="
                   " (SELECT id FROM account WHERE name = $1)",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zUser);
    return sq_run(S, st, err, "ending a user's sessions");
}

/* ---- statements ----------------------------------------------------------- */

/* Add the statements st yields (node code, round code, organisation,
** text, proposed rating, state, comment, version, updated by, updated at)
** to their assessments; gives st back. */
static int
sq_load_statement_rows(SqStore *S, sqlite3_stmt *st, Plan *p, AppErr *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = plan_find_node(p, (const char *)sqlite3_column_text(st, 0));
        if (i < 0) {
            continue;
        }
        Node *n = &p->aNode[i];
        Assessment *a = NULL;
        for (size_t k = 0; k < n->nAssess; k++) {
            if (str_eq(n->aAssess[k].zRound,
                       (const char *)sqlite3_column_text(st, 1))) {
                a = &n->aAssess[k];
            }
        }
        if (!a) {
            continue;
        }
        Statement *x = assessment_add_statement(a);
        x->zOrg = sq_col_dup(st, 2);
        x->zText = sq_col_dup(st, 3);
        const char *zR = (const char *)sqlite3_column_text(st, 4);
        for (int r = 0; r < RATING_COUNT; r++) {
            if (str_eq(zR, rating_key((Rating)r))) {
                x->eProposed = (Rating)r;
            }
        }
        if (stmt_state_parse((const char *)sqlite3_column_text(st, 5),
                             &x->eState)) {
            x->eState = STMT_DRAFT;
        }
        x->zComment = sq_col_dup(st, 6);
        x->iVersion = sqlite3_column_int(st, 7);
        x->zUpdatedBy = sq_col_dup(st, 8);
        x->zUpdatedAt = sq_col_dup(st, 9);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading statements");
}

int
sq_load_statements(SqStore *S, sqlite3_int64 planId, const char *zNode,
                   const char *const *azRound, size_t nRound, Plan *p,
                   AppErr *err)
{
    sqlite3_stmt *st;
    if (zNode) {
        if (SQ_PREPARE(S,
                       "SELECT n.code, r.code, o.acronym, s.text,"
                       " s.proposed_rating, s.state, s.comment, s.version,"
                       " s.updated_by, s.updated_at FROM statement s"
                       " JOIN assessment a ON a.id = s.assessment_id"
                       " JOIN node n ON n.id = a.node_id"
                       " JOIN round r ON r.id = a.round_id"
                       " JOIN org o ON o.id = s.org_id"
                       " WHERE n.plan_id = $1 AND n.code = $2"
                       " ORDER BY s.id",
                       &st, err)) {
            return -1;
        }
        sq_bind_int(st, 1, planId);
        sq_bind_text(st, 2, zNode);
        return sq_load_statement_rows(S, st, p, err);
    }
    if (!azRound) {
        if (SQ_PREPARE(S,
                       "SELECT n.code, r.code, o.acronym, s.text,"
                       " s.proposed_rating, s.state, s.comment, s.version,"
                       " s.updated_by, s.updated_at FROM statement s"
                       " JOIN assessment a ON a.id = s.assessment_id"
                       " JOIN node n ON n.id = a.node_id"
                       " JOIN round r ON r.id = a.round_id"
                       " JOIN org o ON o.id = s.org_id"
                       " WHERE n.plan_id = $1 ORDER BY s.id",
                       &st, err)) {
            return -1;
        }
        sq_bind_int(st, 1, planId);
        return sq_load_statement_rows(S, st, p, err);
    }
    for (size_t k = 0; k < nRound; k++) {
        /* In this order (CROSS JOIN keeps it): the round's assessments are
        ** walked in the round index alone, and only those with statements
        ** are read.  SQLite's own choice read every assessment row of the
        ** round, narratives and all, for a round with no statement. */
        if (SQ_PREPARE(S,
                       "SELECT n.code, r.code, o.acronym, s.text,"
                       " s.proposed_rating, s.state, s.comment, s.version,"
                       " s.updated_by, s.updated_at FROM round r"
                       " CROSS JOIN assessment a ON a.round_id = r.id"
                       " CROSS JOIN statement s ON s.assessment_id = a.id"
                       " CROSS JOIN node n ON n.id = a.node_id"
                       " CROSS JOIN org o ON o.id = s.org_id"
                       " WHERE r.plan_id = $1 AND r.code = $2 ORDER BY s.id",
                       &st, err)) {
            return -1;
        }
        sq_bind_int(st, 1, planId);
        sq_bind_text(st, 2, azRound[k]);
        if (sq_load_statement_rows(S, st, p, err)) {
            return -1;
        }
    }
    return 0;
}
