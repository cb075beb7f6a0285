/*
** store_pg_auth.c — accounts, sessions and organisations' statements in
** PostgreSQL: the translation of store_sqlite_auth.c.  Accounts and
** statements are written through the rows of store_pg_rows.c, so the puts
** of store_audit.c audit them.
*/
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* ---- users ---------------------------------------------------------------- */

/* The columns every user query returns from i0 on. */
#define PG_USER_COLS                                                           \
 "u.id, u.name, u.role, o.acronym, u.pw_hash, u.disabled::int, " PG_TS(        \
     "u.created") ", u.email, u.mail::int, u.lang"

static void
pg_read_user(const PGresult *r, int row, int i0, User *u)
{
    u->id = (long)pg_int(r, row, i0);
    u->zName = pg_dup(r, row, i0 + 1);
    if (role_parse(pg_text(r, row, i0 + 2), &u->eRole)) {
        u->eRole = ROLE_VIEWER;
    }
    u->zOrg = pg_dup(r, row, i0 + 3);
    u->zHash = pg_dup(r, row, i0 + 4);
    u->bDisabled = (int)pg_int(r, row, i0 + 5);
    u->zCreated = pg_dup(r, row, i0 + 6);
    u->zEmail = pg_dup(r, row, i0 + 7);
    u->bMail = (int)pg_int(r, row, i0 + 8);
    u->zLang = pg_dup(r, row, i0 + 9);
}

int
pg_user_get(Store *s, const char *zName, User *u, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    memset(u, 0, sizeof *u);
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zName);
    PGresult *r = PG_QUERY(S,
                           "SELECT " PG_USER_COLS " FROM account u"
                           " LEFT JOIN org o ON o.id = u.org_id"
                           " WHERE u.name = $1",
                           &a, err, "reading a user");
    if (!r) {
        return -1;
    }
    int bFound = PQntuples(r) > 0;
    if (bFound) {
        pg_read_user(r, 0, 0, u);
    }
    PQclear(r);
    return bFound ? 0 : apperr_set(err, APPERR_NOTFOUND, "no user '%s'", zName);
}

int
pg_user_list(Store *s, User **pa, size_t *pn, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    *pa = NULL;
    *pn = 0;
    PGresult *r = PG_QUERY(S,
                           "SELECT " PG_USER_COLS " FROM account u"
                           " LEFT JOIN org o ON o.id = u.org_id"
                           " ORDER BY u.name",
                           NULL, err, "listing users");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *pa = n ? xcalloc(n, sizeof **pa) : NULL;
    for (size_t i = 0; i < n; i++) {
        pg_read_user(r, (int)i, 0, &(*pa)[i]);
    }
    *pn = n;
    PQclear(r);
    return 0;
}

/* ---- sessions ----------------------------------------------------------- */

/* The session's query counts unread notifications with a literal LIMIT. */
_Static_assert(LIMIT_INBOX_UNREAD_COUNTED == 100,
               "the session query's LIMIT is LIMIT_INBOX_UNREAD_COUNTED");

int
pg_session_put(Store *s, const Session *ses, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, ses->zTokenHash);
    pg_arg_int(&a, 2, ses->userId);
    pg_arg_text(&a, 3, ses->zCsrf);
    pg_arg_int(&a, 4, ses->created);
    pg_arg_int(&a, 5, ses->lastSeen);
    return PG_RUN(S,
                  "INSERT INTO session(token_hash, user_id, csrf, created,"
                  " last_seen) VALUES($1, $2, $3, $4, $5)",
                  &a, err, "creating a session");
}

int
pg_session_get(Store *s, const char *zTokenHash, Session *ses, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    memset(ses, 0, sizeof *ses);
    if (pg_audit_flush(S, err)) { /* the data version counts them */
        return -1;
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zTokenHash);
    PGresult *r = PG_QUERY(S,
                           "SELECT s.token_hash, s.user_id, s.csrf, s.created,"
                           " s.last_seen, " PG_USER_COLS ","
                           " (SELECT coalesce(max(id), 0) FROM audit),"
                           " (SELECT count(*) FROM (SELECT 1 FROM"
                           "  notification x WHERE x.recipient_id = s.user_id"
                           "  AND x.read_at IS NULL LIMIT 100) y)"
                           " FROM session s"
                           " JOIN account u ON u.id = s.user_id"
                           " LEFT JOIN org o ON o.id = u.org_id"
                           " WHERE s.token_hash = $1",
                           &a, err, "reading a session");
    if (!r) {
        return -1;
    }
    int bFound = PQntuples(r) > 0;
    if (bFound) {
        ses->zTokenHash = pg_dup(r, 0, 0);
        ses->userId = (long)pg_int(r, 0, 1);
        ses->zCsrf = pg_dup(r, 0, 2);
        ses->created = (long)pg_int(r, 0, 3);
        ses->lastSeen = (long)pg_int(r, 0, 4);
        pg_read_user(r, 0, 5, &ses->user);
        ses->dataVersion = (long)pg_int(r, 0, 15);
        ses->nUnread = (long)pg_int(r, 0, 16);
    }
    PQclear(r);
    return bFound ? 0 : apperr_set(err, APPERR_NOTFOUND, "no such session");
}

int
pg_session_touch(Store *s, const char *zTokenHash, long now, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zTokenHash);
    pg_arg_int(&a, 2, now);
    return PG_RUN(S, "UPDATE session SET last_seen = $2 WHERE token_hash = $1",
                  &a, err, "updating a session");
}

int
pg_session_delete(Store *s, const char *zTokenHash, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zTokenHash);
    /* Announced (store_watch()): a server that kept the session must
    ** forget it.  pg_notify() runs once per row deleted. */
    return PG_RUN(S,
                  "WITH d AS (DELETE FROM session WHERE token_hash = $1"
                  " RETURNING 1) SELECT pg_notify('" PG_CHANGE_CHANNEL
                  "', '') FROM d",
                  &a, err, "ending a session");
}

int
pg_session_delete_user(Store *s, const char *zUser, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zUser);
    return PG_RUN(S,
                  "WITH d AS (DELETE FROM session WHERE user_id ="
                  " (SELECT id FROM account WHERE name = $1) RETURNING 1)"
                  " SELECT pg_notify('" PG_CHANGE_CHANNEL "', '') FROM d",
                  &a, err, "ending a user's sessions");
}

/* ---- statements ----------------------------------------------------------- */

/* The columns of a statement query: node code, round code, organisation,
** text, proposed rating, state, comment, version, updated by, at. */
#define PG_STATEMENT_COLS                                                      \
 "n.code, r.code, o.acronym, s.text, s.proposed_rating, s.state,"              \
 " s.comment, s.version, s.updated_by, " PG_TS("s.updated_at")

/* Add the statements of r to their assessments; clears r. */
static int
pg_load_statement_rows(PGresult *r, Plan *p)
{
    if (!r) {
        return -1;
    }
    for (int row = 0; row < PQntuples(r); row++) {
        long i = plan_find_node(p, pg_text(r, row, 0));
        if (i < 0) {
            continue;
        }
        Node *n = &p->aNode[i];
        Assessment *a = NULL;
        for (size_t k = 0; k < n->nAssess; k++) {
            if (str_eq(n->aAssess[k].zRound, pg_text(r, row, 1))) {
                a = &n->aAssess[k];
            }
        }
        if (!a) {
            continue;
        }
        Statement *x = assessment_add_statement(a);
        x->zOrg = pg_dup(r, row, 2);
        x->zText = pg_dup(r, row, 3);
        const char *zR = pg_text(r, row, 4);
        for (int k = 0; k < RATING_COUNT; k++) {
            if (str_eq(zR, rating_key((Rating)k))) {
                x->eProposed = (Rating)k;
            }
        }
        if (stmt_state_parse(pg_text(r, row, 5), &x->eState)) {
            x->eState = STMT_DRAFT;
        }
        x->zComment = pg_dup(r, row, 6);
        x->iVersion = (int)pg_int(r, row, 7);
        x->zUpdatedBy = pg_dup(r, row, 8);
        x->zUpdatedAt = pg_dup(r, row, 9);
    }
    PQclear(r);
    return 0;
}

int
pg_load_statements(PgStore *S, long long planId, const char *zNode,
                   const char *const *azRound, size_t nRound, Plan *p,
                   AppErr *err)
{
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, planId);
    if (zNode) {
        pg_arg_text(&a, 2, zNode);
        return pg_load_statement_rows(
            PG_QUERY(S,
                     "SELECT " PG_STATEMENT_COLS " FROM statement s"
                     " JOIN assessment a ON a.id = s.assessment_id"
                     " JOIN node n ON n.id = a.node_id"
                     " JOIN round r ON r.id = a.round_id"
                     " JOIN org o ON o.id = s.org_id"
                     " WHERE n.plan_id = $1 AND n.code = $2 ORDER BY s.id",
                     &a, err, "reading statements"),
            p);
    }
    if (!azRound) {
        return pg_load_statement_rows(
            PG_QUERY(S,
                     "SELECT " PG_STATEMENT_COLS " FROM statement s"
                     " JOIN assessment a ON a.id = s.assessment_id"
                     " JOIN node n ON n.id = a.node_id"
                     " JOIN round r ON r.id = a.round_id"
                     " JOIN org o ON o.id = s.org_id"
                     " WHERE n.plan_id = $1 ORDER BY s.id",
                     &a, err, "reading statements"),
            p);
    }
    for (size_t k = 0; k < nRound; k++) {
        pg_arg_text(&a, 2, azRound[k]);
        if (pg_load_statement_rows(
                PG_QUERY(S,
                         "SELECT " PG_STATEMENT_COLS " FROM round r"
                         " JOIN assessment a ON a.round_id = r.id"
                         " JOIN statement s ON s.assessment_id = a.id"
                         " JOIN node n ON n.id = a.node_id"
                         " JOIN org o ON o.id = s.org_id"
                         " WHERE r.plan_id = $1 AND r.code = $2"
                         " ORDER BY s.id",
                         &a, err, "reading statements"),
                p)) {
            return -1;
        }
    }
    return 0;
}
