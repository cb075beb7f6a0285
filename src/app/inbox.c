/*
** inbox.c — notifications and their e-mails' bookkeeping (see inbox.h).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inbox.h"
#include "app.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The time nSeconds from now (str_clock_now()), as stored, into z. */
static void
inbox_time_after(long nSeconds, char *z, size_t n)
{
    time_t t = str_clock_now() + (time_t)nSeconds;
    struct tm tm;
    (void)gmtime_r(&t, &tm);
    (void)strftime(z, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
inbox_tell(Store *s, const Actor *who, NoteKind k, const char *zPlan,
           const char *zRound, const char *zNode, const char *zOrg, AppErr *err)
{
    User *aUser = NULL;
    size_t nUser = 0;
    char zAt[32];
    str_now_utc(zAt, sizeof zAt);
    int rc = store_user_list(s, &aUser, &nUser, err);
    for (size_t i = 0; rc == 0 && i < nUser; i++) {
        const User *u = &aUser[i];
        if (u->bDisabled || str_eq(u->zName, who->zName) ||
            !notify_tells(k, u->eRole, u->zOrg, zOrg ? zOrg : "")) {
            continue;
        }
        Note n;
        memset(&n, 0, sizeof n);
        n.zUser = xstrdup(u->zName);
        n.eKind = k;
        n.zPlan = xstrdup(zPlan);
        n.zRound = xstrdup(zRound);
        n.zNode = xstrdup(zNode ? zNode : "");
        n.zOrg = xstrdup(zOrg ? zOrg : "");
        n.zActor = xstrdup(who->zName);
        n.zAt = xstrdup(zAt);
        n.eMail = notify_mail_wanted(u->zEmail, u->bMail);
        n.zMailNext = n.eMail == NOTE_MAIL_PENDING ? xstrdup(zAt) : NULL;
        rc = store_note_add(s, &n, err);
        note_release(&n);
    }
    for (size_t i = 0; i < nUser; i++) {
        user_release(&aUser[i]);
    }
    free(aUser);
    return rc;
}

int
inbox_deadline(Store *s, const Actor *who, NoteKind k, const char *zPlan,
               const char *zRound, const char *zOrg, AppErr *err)
{
    if (k != NOTE_DUE_SOON && k != NOTE_OVERDUE) {
        return apperr_set(err, APPERR_INPUT,
                          _("a deadline tells of statements due soon or "
                            "overdue"));
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    /* Rounds only: no node is named "". */
    int rc = store_load_node(s, zPlan, "", &m, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    if (!p) {
        rc = -1;
    } else if (!plan_find_round(p, zRound)) {
        rc = apperr_set(err, APPERR_NOTFOUND, _("no round '%s'"), zRound);
    } else if (!model_find_org(&m, zOrg)) {
        rc = apperr_set(err, APPERR_NOTFOUND, _("no organisation '%s'"), zOrg);
    } else {
        rc = inbox_tell(s, who, k, p->zCode, zRound, "", zOrg, err);
    }
    model_release(&m);
    return app_end(s, rc, err);
}

int
inbox_list(Store *s, const Actor *who, Note **paOut, size_t *pnOut, AppErr *err)
{
    *paOut = NULL;
    *pnOut = 0;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc =
        store_note_list(s, who->zName, LIMIT_INBOX_ROWS, paOut, pnOut, err);
    store_end_read(s);
    return rc;
}

int
inbox_mark_read(Store *s, const Actor *who, long id, long *pnChanged,
                AppErr *err)
{
    if (id < 0) {
        return apperr_set(err, APPERR_INPUT, _("no notification %ld"), id);
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    char zAt[32];
    str_now_utc(zAt, sizeof zAt);
    int rc = store_note_read(s, who->zName, id, zAt, pnChanged, err);
    return app_end(s, rc, err);
}

int
inbox_set_email(Store *s, const Actor *who, const char *zUser,
                const char *zEmail, int bMail, const char *zLang, AppErr *err)
{
    if (!str_eq(who->zName, zUser) && who->eRole != ROLE_ADMIN) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only administrators set another user's "
                            "e-mail address"));
    }
    if (zEmail && *zEmail && !notify_email_ok(zEmail)) {
        return apperr_set(err, APPERR_INPUT,
                          _("'%s' is not an e-mail address lmpmon can send "
                            "to (name@domain, at most %u characters, no "
                            "spaces, quotes, commas or angle brackets)"),
                          zEmail, LIMIT_EMAIL_BYTES);
    }
    if (zLang && *zLang && i18n_lang_parse(zLang) < 0) {
        return apperr_set(err, APPERR_INPUT,
                          _("unknown language '%s' (accepted: en, km)"), zLang);
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    User u;
    memset(&u, 0, sizeof u);
    int rc = store_user_get(s, zUser, &u, err);
    if (rc == 0) {
        free(u.zEmail);
        u.zEmail = zEmail && *zEmail ? xstrdup(zEmail) : NULL;
        if (bMail >= 0) {
            u.bMail = bMail != 0;
        }
        if (zLang) {
            free(u.zLang);
            u.zLang = xstrdup(
                *zLang ? i18n_lang_code((I18nLang)i18n_lang_parse(zLang)) : "");
        }
        rc = store_user_put(s, &u, 0, err);
    }
    user_release(&u);
    return app_end(s, rc, err);
}

int
inbox_mail_take(Store *s, Note **paOut, size_t *pnOut, AppErr *err)
{
    static const Actor sender = { "lmpmon", ROLE_ADMIN, NULL };
    *paOut = NULL;
    *pnOut = 0;
    char zNow[32], zLease[32];
    str_now_utc(zNow, sizeof zNow);
    /* Most looks find nothing: a read transaction says so without taking
    ** the writers' lock every few seconds. */
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_note_mail_due(s, zNow, 1, paOut, pnOut, err);
    store_end_read(s);
    size_t nDue = *pnOut;
    note_free(*paOut, *pnOut);
    *paOut = NULL;
    *pnOut = 0;
    if (rc || nDue == 0) {
        return rc;
    }
    if (app_begin(s, &sender, err)) {
        return -1;
    }
    inbox_time_after(LIMIT_MAIL_LEASE_SECONDS, zLease, sizeof zLease);
    rc = store_note_mail_due(s, zNow, LIMIT_MAIL_BATCH, paOut, pnOut, err);
    for (size_t i = 0; rc == 0 && i < *pnOut; i++) {
        const Note *n = &(*paOut)[i];
        rc = store_note_mail_set(s, n->id, n->eMail, n->nTries, zLease, err);
    }
    rc = app_end(s, rc, err);
    if (rc) {
        note_free(*paOut, *pnOut);
        *paOut = NULL;
        *pnOut = 0;
    }
    return rc;
}

int
inbox_mail_done(Store *s, const Note *n, int bSent, int bSkip, long nRetryBase,
                AppErr *err)
{
    static const Actor sender = { "lmpmon", ROLE_ADMIN, NULL };
    char zNext[32];
    const char *zNextAt = NULL;
    NoteMail e = NOTE_MAIL_SENT;
    int nTries = n->nTries;
    if (bSkip) {
        e = NOTE_MAIL_NONE;
    } else if (nRetryBase < 0) {
        e = NOTE_MAIL_FAILED; /* too old: given up without an attempt */
    } else {
        nTries++;
        if (!bSent) {
            e = NOTE_MAIL_FAILED;
            long nWait = notify_mail_retry_seconds(nTries, nRetryBase);
            if (nWait >= 0) {
                inbox_time_after(nWait, zNext, sizeof zNext);
                zNextAt = zNext;
            }
        }
    }
    if (app_begin(s, &sender, err)) {
        return -1;
    }
    int rc = store_note_mail_set(s, n->id, e, nTries, zNextAt, err);
    return app_end(s, rc, err);
}
