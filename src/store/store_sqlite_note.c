/*
** store_sqlite_note.c — notifications in SQLite (see store.h,
** store_note_*()).  Same rules as store_sqlite.c: literal SQL, bound
** values.  Accounts are named by login; the recipient's id is looked up in
** the statement itself.
*/
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

int
sq_note_add(Store *s, const Note *n, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "INSERT INTO notification(recipient_id, kind, plan, round,"
                   " node, org, actor, at, mail, mail_next)"
                   " SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, $10"
                   " FROM account WHERE name = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, n->zUser);
    sq_bind_text(st, 2, note_kind_name(n->eKind));
    sq_bind_text(st, 3, n->zPlan ? n->zPlan : "");
    sq_bind_text(st, 4, n->zRound ? n->zRound : "");
    sq_bind_text(st, 5, n->zNode ? n->zNode : "");
    sq_bind_text(st, 6, n->zOrg ? n->zOrg : "");
    sq_bind_text(st, 7, n->zActor ? n->zActor : "");
    sq_bind_text(st, 8, n->zAt);
    sq_bind_text(st, 9, note_mail_name(n->eMail));
    sq_bind_text(st, 10, n->zMailNext);
    return sq_run(S, st, err, "adding a notification");
}

/* The round's title, for the sentence (NULL when the round is gone). */
#define SQ_NOTE_ROUND_TITLE                                                    \
 "(SELECT r.title FROM round r JOIN plan p ON p.id = r.plan_id"                \
 " WHERE p.code = x.plan AND r.code = x.round)"

/* One notification from st's columns: id, recipient, kind, plan, round,
** node, org, actor, at, read_at, mail, mail_tries, mail_next, the round's
** title (SQ_NOTE_ROUND_TITLE), and from column 14 on (bMail) the
** recipient's email, mail and lang. */
static void
sq_read_note(sqlite3_stmt *st, Note *n, int bMail)
{
    n->id = (long)sqlite3_column_int64(st, 0);
    n->zUser = sq_col_dup(st, 1);
    if (note_kind_parse((const char *)sqlite3_column_text(st, 2), &n->eKind)) {
        n->eKind = NOTE_SUBMITTED;
    }
    n->zPlan = sq_col_dup(st, 3);
    n->zRound = sq_col_dup(st, 4);
    n->zNode = sq_col_dup(st, 5);
    n->zOrg = sq_col_dup(st, 6);
    n->zActor = sq_col_dup(st, 7);
    n->zAt = sq_col_dup(st, 8);
    n->zReadAt = sq_col_dup(st, 9);
    if (note_mail_parse((const char *)sqlite3_column_text(st, 10), &n->eMail)) {
        n->eMail = NOTE_MAIL_NONE;
    }
    n->nTries = sqlite3_column_int(st, 11);
    n->zMailNext = sq_col_dup(st, 12);
    n->zRoundTitle = sq_col_dup(st, 13);
    if (bMail) {
        n->zEmail = sq_col_dup(st, 14);
        n->bMail = sqlite3_column_int(st, 15);
        n->zLang = sq_col_dup(st, 16);
    }
}

/* Read every row of st into a new list (*pa, *pn); gives st back. */
static int
sq_read_notes(SqStore *S, sqlite3_stmt *st, int bMail, Note **pa, size_t *pn,
              AppErr *err)
{
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)pa, &nAlloc, *pn, sizeof **pa);
        memset(&(*pa)[*pn], 0, sizeof **pa);
        sq_read_note(st, &(*pa)[(*pn)++], bMail);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading notifications");
}

int
sq_note_list(Store *s, const char *zUser, int nMax, Note **pa, size_t *pn,
             AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT x.id, u.name, x.kind, x.plan, x.round, x.node,"
                   " x.org, x.actor, x.at, x.read_at, x.mail, x.mail_tries,"
                   " x.mail_next, " SQ_NOTE_ROUND_TITLE " FROM notification x"
                   " JOIN account u ON u.id = x.recipient_id"
                   " WHERE u.name = $1 ORDER BY x.id DESC LIMIT $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zUser);
    sq_bind_int(st, 2, nMax);
    return sq_read_notes(S, st, 0, pa, pn, err);
}

int
sq_note_read(Store *s, const char *zUser, long id, const char *zAt,
             long *pnChanged, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "UPDATE notification SET read_at = $3"
                   " WHERE recipient_id = (SELECT id FROM account"
                   "  WHERE name = $1)"
                   " AND ($2 = 0 OR id = $2) AND read_at IS NULL",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zUser);
    sq_bind_int(st, 2, id);
    sq_bind_text(st, 3, zAt);
    if (sq_run(S, st, err, "marking notifications read")) {
        return -1;
    }
    *pnChanged = (long)sqlite3_changes(S->db);
    return 0;
}

int
sq_note_mail_due(Store *s, const char *zNow, int nMax, Note **pa, size_t *pn,
                 AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT x.id, u.name, x.kind, x.plan, x.round, x.node,"
                   " x.org, x.actor, x.at, x.read_at, x.mail, x.mail_tries,"
                   " x.mail_next, " SQ_NOTE_ROUND_TITLE
                   ", u.email, u.mail, u.lang"
                   " FROM notification x"
                   " JOIN account u ON u.id = x.recipient_id"
                   " WHERE x.mail_next IS NOT NULL AND x.mail_next <= $1"
                   " ORDER BY x.mail_next, x.id LIMIT $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zNow);
    sq_bind_int(st, 2, nMax);
    return sq_read_notes(S, st, 1, pa, pn, err);
}

int
sq_note_mail_set(Store *s, long id, NoteMail e, int nTries, const char *zNext,
                 AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "UPDATE notification SET mail = $2, mail_tries = $3,"
                   " mail_next = $4 WHERE id = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    sq_bind_text(st, 2, note_mail_name(e));
    sq_bind_int(st, 3, nTries);
    sq_bind_text(st, 4, zNext);
    return sq_run(S, st, err, "recording an e-mail");
}

int
sq_note_told(Store *s, NoteKind k, const char *zPlan, const char *zRound,
             const char *zOrg, const char *zSince, int *pbTold, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    /* Times are stored "YYYY-MM-DDTHH:MM:SSZ": a date compares as its
    ** first moment. */
    if (SQ_PREPARE(S,
                   "SELECT EXISTS(SELECT 1 FROM notification"
                   " WHERE kind = $1 AND plan = $2 AND round = $3"
                   " AND org = $4 AND at >= $5)",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, note_kind_name(k));
    sq_bind_text(st, 2, zPlan);
    sq_bind_text(st, 3, zRound);
    sq_bind_text(st, 4, zOrg);
    sq_bind_text(st, 5, zSince);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *pbTold = sqlite3_column_int(st, 0);
    }
    sq_finalize(S, st);
    return rc == SQLITE_ROW ? 0 : sq_fail(S, err, "reading notifications");
}

int
sq_note_withdraw(Store *s, const char *zPlan, const char *zRound,
                 const char *zOrg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "DELETE FROM notification"
                   " WHERE kind IN ('due_soon', 'overdue')"
                   " AND plan = $1 AND round = $2 AND ($3 IS NULL OR org = $3)",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    sq_bind_text(st, 2, zRound);
    sq_bind_text(st, 3, zOrg);
    return sq_run(S, st, err, "withdrawing reminders");
}
