/*
** store_pg_note.c — notifications in PostgreSQL: the translation of
** store_sqlite_note.c.
*/
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

int
pg_note_add(Store *s, const Note *n, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, n->zUser);
    pg_arg_text(&a, 2, note_kind_name(n->eKind));
    pg_arg_text(&a, 3, n->zPlan ? n->zPlan : "");
    pg_arg_text(&a, 4, n->zRound ? n->zRound : "");
    pg_arg_text(&a, 5, n->zNode ? n->zNode : "");
    pg_arg_text(&a, 6, n->zOrg ? n->zOrg : "");
    pg_arg_text(&a, 7, n->zActor ? n->zActor : "");
    pg_arg_text(&a, 8, n->zAt);
    pg_arg_text(&a, 9, note_mail_name(n->eMail));
    pg_arg_text(&a, 10, n->zMailNext);
    return PG_RUN(S,
                  "INSERT INTO notification(recipient_id, kind, plan, round,"
                  " node, org, actor, at, mail, mail_next)"
                  " SELECT id, $2::text, $3::text, $4::text, $5::text,"
                  " $6::text, $7::text, $8::timestamptz, $9::text,"
                  " $10::timestamptz FROM account WHERE name = $1::text",
                  &a, err, "adding a notification");
}

/* The columns every notification query returns. */
/* The round's title, for the sentence (NULL when the round is gone). */
#define PG_NOTE_ROUND_TITLE                                                    \
 "(SELECT r.title FROM round r JOIN plan p ON p.id = r.plan_id"                \
 " WHERE p.code = x.plan AND r.code = x.round)"
#define PG_NOTE_COLS                                                                         \
 "x.id, u.name, x.kind, x.plan, x.round, x.node, x.org, x.actor, " PG_TS("x.at") ", " PG_TS( \
     "x.read_at") ", x.mail, x.mail_tries, " PG_TS("x.mail_next") ", " PG_NOTE_ROUND_TITLE

/* The rows of r as notifications (*pa, *pn): column 13 is the round's
** title; with bMail, columns 14 to 16 are the recipient's email, mail and
** lang.  Clears r. */
static int
pg_read_notes(PGresult *r, int bMail, Note **pa, size_t *pn)
{
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *pa = n ? xcalloc(n, sizeof **pa) : NULL;
    for (size_t i = 0; i < n; i++) {
        Note *x = &(*pa)[i];
        int row = (int)i;
        x->id = (long)pg_int(r, row, 0);
        x->zUser = pg_dup(r, row, 1);
        if (note_kind_parse(pg_text(r, row, 2), &x->eKind)) {
            x->eKind = NOTE_SUBMITTED;
        }
        x->zPlan = pg_dup(r, row, 3);
        x->zRound = pg_dup(r, row, 4);
        x->zNode = pg_dup(r, row, 5);
        x->zOrg = pg_dup(r, row, 6);
        x->zActor = pg_dup(r, row, 7);
        x->zAt = pg_dup(r, row, 8);
        x->zReadAt = pg_dup(r, row, 9);
        if (note_mail_parse(pg_text(r, row, 10), &x->eMail)) {
            x->eMail = NOTE_MAIL_NONE;
        }
        x->nTries = (int)pg_int(r, row, 11);
        x->zMailNext = pg_dup(r, row, 12);
        x->zRoundTitle = pg_dup(r, row, 13);
        if (bMail) {
            x->zEmail = pg_dup(r, row, 14);
            x->bMail = (int)pg_int(r, row, 15);
            x->zLang = pg_dup(r, row, 16);
        }
    }
    *pn = n;
    PQclear(r);
    return 0;
}

int
pg_note_list(Store *s, const char *zUser, int nMax, Note **pa, size_t *pn,
             AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zUser);
    pg_arg_int(&a, 2, nMax);
    return pg_read_notes(PG_QUERY(S,
                                  "SELECT " PG_NOTE_COLS " FROM notification x"
                                  " JOIN account u ON u.id = x.recipient_id"
                                  " WHERE u.name = $1::text"
                                  " ORDER BY x.id DESC LIMIT $2::integer",
                                  &a, err, "reading notifications"),
                         0, pa, pn);
}

int
pg_note_read(Store *s, const char *zUser, long id, const char *zAt,
             long *pnChanged, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zUser);
    pg_arg_int(&a, 2, id);
    pg_arg_text(&a, 3, zAt);
    PGresult *r = PG_QUERY(S,
                           "UPDATE notification SET read_at = $3::timestamptz"
                           " WHERE recipient_id = (SELECT id FROM account"
                           "  WHERE name = $1::text)"
                           " AND ($2::bigint = 0 OR id = $2::bigint)"
                           " AND read_at IS NULL",
                           &a, err, "marking notifications read");
    if (!r) {
        return -1;
    }
    *pnChanged = strtol(PQcmdTuples(r), NULL, 10);
    PQclear(r);
    return 0;
}

int
pg_note_mail_due(Store *s, const char *zNow, int nMax, Note **pa, size_t *pn,
                 AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zNow);
    pg_arg_int(&a, 2, nMax);
    return pg_read_notes(PG_QUERY(S,
                                  "SELECT " PG_NOTE_COLS ", u.email,"
                                  " u.mail::int, u.lang FROM notification x"
                                  " JOIN account u ON u.id = x.recipient_id"
                                  " WHERE x.mail_next IS NOT NULL"
                                  " AND x.mail_next <= $1::timestamptz"
                                  " ORDER BY x.mail_next, x.id"
                                  " LIMIT $2::integer",
                                  &a, err, "reading e-mails to send"),
                         1, pa, pn);
}

int
pg_note_mail_set(Store *s, long id, NoteMail e, int nTries, const char *zNext,
                 AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, id);
    pg_arg_text(&a, 2, note_mail_name(e));
    pg_arg_int(&a, 3, nTries);
    pg_arg_text(&a, 4, zNext);
    return PG_RUN(S,
                  "UPDATE notification SET mail = $2::text,"
                  " mail_tries = $3::integer, mail_next = $4::timestamptz"
                  " WHERE id = $1::bigint",
                  &a, err, "recording an e-mail");
}

int
pg_note_told(Store *s, NoteKind k, const char *zPlan, const char *zRound,
             const char *zOrg, const char *zSince, int *pbTold, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, note_kind_name(k));
    pg_arg_text(&a, 2, zPlan);
    pg_arg_text(&a, 3, zRound);
    pg_arg_text(&a, 4, zOrg);
    pg_arg_text(&a, 5, zSince);
    /* The session's zone is UTC (pg_session_setup()): a date is its first
    ** moment there, as in SQLite. */
    PGresult *r = PG_QUERY(S,
                           "SELECT EXISTS(SELECT 1 FROM notification"
                           " WHERE kind = $1::text AND plan = $2::text"
                           " AND round = $3::text AND org = $4::text"
                           " AND at >= $5::timestamptz)",
                           &a, err, "reading notifications");
    if (!r) {
        return -1;
    }
    *pbTold = PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    return 0;
}

int
pg_note_withdraw(Store *s, const char *zPlan, const char *zRound,
                 const char *zOrg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    pg_arg_text(&a, 2, zRound);
    pg_arg_text(&a, 3, zOrg);
    PGresult *r = PG_QUERY(S,
                           "DELETE FROM notification"
                           " WHERE kind IN ('due_soon', 'overdue')"
                           " AND plan = $1::text AND round = $2::text"
                           " AND ($3::text IS NULL OR org = $3::text)",
                           &a, err, "withdrawing reminders");
    if (!r) {
        return -1;
    }
    PQclear(r);
    return 0;
}
