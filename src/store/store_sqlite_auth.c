/*
** store_sqlite_auth.c — accounts, sessions and organisations' statements
** in SQLite (see store.h).  Same rules as store_sqlite.c: literal SQL,
** bound values, an audit row for every change of what people wrote.
*/
#include <stdio.h>
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
}

int
sq_user_put(Store *s, const User *u, int bCreate, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_int64 orgId = -1;
    if (u->zOrg && sq_org_id(S, u->zOrg, &orgId, err)) {
        return -1;
    }
    User old = { 0 };
    int bExists = sq_user_get(s, u->zName, &old, err) == 0;
    if (!bExists && err->code != APPERR_NOTFOUND) {
        return -1;
    }
    err->code = APPERR_OK;
    int rc = -1;
    char zKey[LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "user/%s", u->zName);
    sqlite3_stmt *st;
    if (bCreate) {
        if (bExists) {
            apperr_set(err, APPERR_CONFLICT, "user '%s' exists already",
                       u->zName);
            goto out;
        }
        if (SQ_PREPARE(S,
                       "INSERT INTO user(name, role, org_id, pw_hash, disabled,"
                       " created) VALUES($1, $2, $3, $4, $5, $6)",
                       &st, err)) {
            goto out;
        }
        sq_bind_text(st, 6, S->base.zNow);
        if (sq_audit(S, "create", "user", zKey, "role", NULL,
                     role_name(u->eRole), err)) {
            sqlite3_finalize(st);
            goto out;
        }
    } else {
        if (!bExists) {
            apperr_set(err, APPERR_NOTFOUND, "no user '%s'", u->zName);
            goto out;
        }
        int bChanged = 0;
        if (sq_audit_field(S, "user", zKey, "role", role_name(old.eRole),
                           role_name(u->eRole), &bChanged, err) ||
            sq_audit_field(S, "user", zKey, "org", old.zOrg, u->zOrg,
                           &bChanged, err) ||
            sq_audit_field(S, "user", zKey, "disabled",
                           old.bDisabled ? "yes" : "no",
                           u->bDisabled ? "yes" : "no", &bChanged, err)) {
            goto out;
        }
        /* The hash itself stays out of the audit trail. */
        if (!str_eq(old.zHash, u->zHash) &&
            sq_audit(S, "update", "user", zKey, "password", NULL, "changed",
                     err)) {
            goto out;
        }
        if (SQ_PREPARE(S,
                       "UPDATE user SET role = $2, org_id = $3, pw_hash = $4,"
                       " disabled = $5 WHERE name = $1",
                       &st, err)) {
            goto out;
        }
    }
    sq_bind_text(st, 1, u->zName);
    sq_bind_text(st, 2, role_name(u->eRole));
    if (orgId >= 0) {
        sq_bind_int(st, 3, orgId);
    } else {
        sq_bind_text(st, 3, NULL);
    }
    sq_bind_text(st, 4, u->zHash);
    sq_bind_int(st, 5, u->bDisabled);
    rc = sq_run(S, st, err, "writing a user");
out:
    user_release(&old);
    return rc;
}

int
sq_user_get(Store *s, const char *zName, User *u, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    memset(u, 0, sizeof *u);
    if (SQ_PREPARE(S,
                   "SELECT u.id, u.name, u.role, o.acronym, u.pw_hash,"
                   " u.disabled, u.created FROM user u"
                   " LEFT JOIN org o ON o.id = u.org_id WHERE u.name = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zName);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sq_read_user(st, 0, u);
    }
    (void)sqlite3_finalize(st);
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
                   " u.disabled, u.created FROM user u"
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
    (void)sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "listing users");
}

/* ---- sessions ----------------------------------------------------------- */

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
                   " u.disabled, u.created FROM session s"
                   " JOIN user u ON u.id = s.user_id"
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
    }
    (void)sqlite3_finalize(st);
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

/* ---- statements ----------------------------------------------------------- */

int
sq_put_statement(Store *s, const char *zPlan, const char *zNode,
                 const char *zRound, const Statement *stm, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_int64 planId, nodeId, orgId, assessId;
    if (sq_plan_id(S, zPlan, &planId, err) ||
        sq_node_id(S, planId, zNode, &nodeId, err) ||
        sq_org_id(S, stm->zOrg, &orgId, err)) {
        return -1;
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
    sq_bind_text(st, 2, zRound);
    sq_bind_int(st, 3, planId);
    if (sq_lookup_id(S, st, &assessId, err)) {
        return -1;
    }
    if (nodeId < 0 || assessId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "activity '%s' is not part of "
                          "round '%s'", zNode, zRound);
    }
    char zKey[4 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/%s/%s/%s", zPlan, zNode, zRound,
                   stm->zOrg);
    if (SQ_PREPARE(S,
                   "SELECT id, text, proposed_rating, state, comment, version"
                   " FROM statement WHERE assessment_id = $1 AND org_id = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, assessId);
    sq_bind_int(st, 2, orgId);
    sqlite3_int64 id = -1;
    char *zText = NULL, *zRating = NULL, *zState = NULL, *zComment = NULL;
    int version = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        zText = sq_col_dup(st, 1);
        zRating = sq_col_dup(st, 2);
        zState = sq_col_dup(st, 3);
        zComment = sq_col_dup(st, 4);
        version = sqlite3_column_int(st, 5);
    }
    (void)sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading a statement");
    }
    rc = -1;
    /* The version is always checked: 0 means "there was no statement when
    ** the form was built".  The check is repeated in the SQL (a plain
    ** INSERT, an UPDATE guarded by the version), so the write cannot land
    ** on a row that changed, whatever the isolation of the database. */
    if (stm->iVersion != (id < 0 ? 0 : version)) {
        apperr_set(err, APPERR_CONFLICT,
                   "%s's statement on %s was changed by someone else since you "
                   "opened it; your text is kept below: compare and save again",
                   stm->zOrg, zNode);
        goto out;
    }
    const char *zNewRating = rating_key(stm->eProposed);
    const char *zNewState = assess_state_name(stm->eState);
    int bChanged = 0;
    if (id < 0) {
        bChanged = 1;
        if (sq_audit(S, "create", "statement", zKey, NULL, NULL, zNewState, err) ||
            sq_audit(S, "create", "statement", zKey, "text", NULL,
                     stm->zText ? stm->zText : "", err)) {
            goto out;
        }
    } else if (sq_audit_field(S, "statement", zKey, "text", zText, stm->zText,
                              &bChanged, err) ||
               sq_audit_field(S, "statement", zKey, "proposed_rating", zRating,
                              zNewRating, &bChanged, err) ||
               sq_audit_field(S, "statement", zKey, "state", zState, zNewState,
                              &bChanged, err) ||
               sq_audit_field(S, "statement", zKey, "comment", zComment,
                              stm->zComment ? stm->zComment : "", &bChanged,
                              err)) {
        goto out;
    }
    if (!bChanged) {
        rc = 0;
        goto out;
    }
    if (id < 0) {
        if (SQ_PREPARE(S,
                       "INSERT INTO statement(assessment_id, org_id, text,"
                       " proposed_rating, state, comment, version, updated_by,"
                       " updated_at) VALUES($1, $2, $3, $4, $5, $6, 1, $7, $8)",
                       &st, err)) {
            goto out;
        }
    } else if (SQ_PREPARE(S,
                          "UPDATE statement SET text = $3, proposed_rating = $4,"
                          " state = $5, comment = $6, version = version + 1,"
                          " updated_by = $7, updated_at = $8"
                          " WHERE assessment_id = $1 AND org_id = $2"
                          " AND version = $9",
                          &st, err)) {
        goto out;
    }
    sq_bind_int(st, 1, assessId);
    sq_bind_int(st, 2, orgId);
    sq_bind_text(st, 3, stm->zText ? stm->zText : "");
    sq_bind_text(st, 4, zNewRating);
    sq_bind_text(st, 5, zNewState);
    sq_bind_text(st, 6, stm->zComment ? stm->zComment : "");
    sq_bind_text(st, 7, S->base.zActor);
    sq_bind_text(st, 8, S->base.zNow);
    if (id >= 0) {
        sq_bind_int(st, 9, stm->iVersion);
    }
    rc = sqlite3_step(st);
    int xrc = sqlite3_extended_errcode(S->db);
    (void)sqlite3_finalize(st);
    if (rc == SQLITE_CONSTRAINT && xrc == SQLITE_CONSTRAINT_UNIQUE) {
        rc = apperr_set(err, APPERR_CONFLICT, "%s's statement on %s was "
                        "written by someone else meanwhile; your text is kept "
                        "below: compare and save again", stm->zOrg, zNode);
    } else if (rc != SQLITE_DONE) {
        rc = sq_fail(S, err, "writing a statement");
    } else if (sqlite3_changes(S->db) != 1) {
        rc = apperr_set(err, APPERR_CONFLICT, "%s's statement on %s was "
                        "changed by someone else meanwhile; your text is kept "
                        "below: compare and save again", stm->zOrg, zNode);
    } else {
        rc = 0;
    }
out:
    free(zText);
    free(zRating);
    free(zState);
    free(zComment);
    return rc;
}

int
sq_load_statements(SqStore *S, sqlite3_int64 planId, const char *zNode,
                   Plan *p, AppErr *err)
{
    sqlite3_stmt *st;
    if (zNode ? SQ_PREPARE(S,
                           "SELECT n.code, r.code, o.acronym, s.text,"
                           " s.proposed_rating, s.state, s.comment, s.version,"
                           " s.updated_by, s.updated_at FROM statement s"
                           " JOIN assessment a ON a.id = s.assessment_id"
                           " JOIN node n ON n.id = a.node_id"
                           " JOIN round r ON r.id = a.round_id"
                           " JOIN org o ON o.id = s.org_id"
                           " WHERE n.plan_id = $1 AND n.code = $2"
                           " ORDER BY s.id",
                           &st, err)
              : SQ_PREPARE(S,
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
    if (zNode) {
        sq_bind_text(st, 2, zNode);
    }
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
        if (assess_state_parse((const char *)sqlite3_column_text(st, 5),
                               &x->eState)) {
            x->eState = ASSESS_DRAFT;
        }
        x->zComment = sq_col_dup(st, 6);
        x->iVersion = sqlite3_column_int(st, 7);
        x->zUpdatedBy = sq_col_dup(st, 8);
        x->zUpdatedAt = sq_col_dup(st, 9);
    }
    (void)sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading statements");
}
