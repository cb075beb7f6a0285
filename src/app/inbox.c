/*
** inbox.c — notifications and their e-mails' bookkeeping (see inbox.h).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inbox.h"
#include "app.h"
#include "../core/funding.h"
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

/* inbox_tell(), counting the notifications added into *pnAdded. */
static int
inbox_tell_counted(Store *s, const Actor *who, NoteKind k, const char *zPlan,
                   const char *zRound, const char *zNode, const char *zOrg,
                   size_t *pnAdded, AppErr *err)
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
        *pnAdded += rc == 0;
        note_release(&n);
    }
    for (size_t i = 0; i < nUser; i++) {
        user_release(&aUser[i]);
    }
    free(aUser);
    return rc;
}

int
inbox_tell(Store *s, const Actor *who, NoteKind k, const char *zPlan,
           const char *zRound, const char *zNode, const char *zOrg, AppErr *err)
{
    size_t nAdded = 0;
    return inbox_tell_counted(s, who, k, zPlan, zRound, zNode, zOrg, &nAdded,
                              err);
}

/* One plan and round to remind in (inbox_remind()). */
typedef struct RemindRound {
    char *zPlan;
    char *zRound;
} RemindRound;

/* The open rounds of every plan that have a due date or an extension,
** into *pa, and with bBudget the round each plan's budget is planned for
** (core/funding.h fund_budget_round()), into *paBudget (free each and the
** arrays). */
static int
remind_rounds(Store *s, int bBudget, RemindRound **pa, size_t *pn,
              RemindRound **paBudget, size_t *pnBudget, AppErr *err)
{
    *pa = NULL;
    *pn = 0;
    *paBudget = NULL;
    *pnBudget = 0;
    size_t nAllocBudget = 0;
    if (store_begin_read(s, err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    /* No round's assessments: only which rounds there are. */
    int rc = store_load_rounds(s, NULL, NULL, 0, 0, &m, err);
    store_end_read(s);
    size_t nAlloc = 0;
    for (size_t i = 0; rc == 0 && i < m.nPlan; i++) {
        const Plan *p = &m.aPlan[i];
        const Round *rb = bBudget ? fund_budget_round(p) : NULL;
        if (rb) {
            xgrow((void **)paBudget, &nAllocBudget, *pnBudget,
                  sizeof **paBudget);
            (*paBudget)[*pnBudget].zPlan = xstrdup(p->zCode);
            (*paBudget)[(*pnBudget)++].zRound = xstrdup(rb->zCode);
        }
        for (size_t j = 0; j < p->nRound; j++) {
            const Round *rd = &p->aRound[j];
            if (rd->eState == ROUND_OPEN && (rd->zDue || rd->nExt)) {
                xgrow((void **)pa, &nAlloc, *pn, sizeof **pa);
                (*pa)[*pn].zPlan = xstrdup(p->zCode);
                (*pa)[(*pn)++].zRound = xstrdup(rd->zCode);
            }
        }
    }
    model_release(&m);
    return rc;
}

/* Remind the organisations of round zRound of plan zPlan, in one write
** transaction: the round is read again inside it, so nobody is reminded
** of what was handed in a moment ago. */
static int
remind_round(Store *s, const Actor *who, const char *zPlan, const char *zRound,
             const char *zToday, size_t *pnTold, AppErr *err)
{
    if (app_begin(s, who, err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    int rc = store_load_rounds(s, zPlan, &zRound, 1, 0, &m, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    const Round *rd = p ? plan_find_round(p, zRound) : NULL;
    size_t nOrg = 0;
    ReviewOrgProgress *a =
        rd ? review_org_progress(p, rd, zToday, &nOrg) : NULL;
    if (!p) {
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < nOrg; i++) {
        char zSince[11];
        int k = notify_deadline(rd, &a[i], zToday, zSince);
        int bTold = 0;
        if (k < 0 ||
            (rc = store_note_told(s, (NoteKind)k, p->zCode, zRound, a[i].zOrg,
                                  zSince, &bTold, err)) ||
            bTold) {
            continue;
        }
        /* An organisation without a reporter's account has nobody to
        ** tell, and is asked again next time (it may have one by then). */
        size_t nAdded = 0;
        rc = inbox_tell_counted(s, who, (NoteKind)k, p->zCode, zRound, "",
                                a[i].zOrg, &nAdded, err);
        *pnTold += nAdded > 0;
    }
    free(a);
    model_release(&m);
    return app_end(s, rc, err);
}

/* Remind the organisations responsible for activities of round zRound of
** plan zPlan that have no estimated cost yet of the budget calendar, in
** one write transaction; zSince as fund_budget_window() gave it. */
static int
remind_budget(Store *s, const Actor *who, const char *zPlan, const char *zRound,
              const char *zSince, size_t *pnTold, AppErr *err)
{
    if (app_begin(s, who, err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    FundSet f;
    memset(&f, 0, sizeof f);
    int rc = store_load_rounds(s, zPlan, &zRound, 1, 0, &m, err) ||
             store_fund_list(s, zPlan, zRound, &f, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    const Round *rd = p ? plan_find_round(p, zRound) : NULL;
    size_t nOrg = 0;
    FundBudgetOrg *a = rd ? fund_budget_missing(p, rd, &f, &nOrg) : NULL;
    if (!rc && !rd) {
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < nOrg; i++) {
        int bTold = 0;
        rc = store_note_told(s, NOTE_BUDGET, p->zCode, zRound, a[i].zOrg,
                             zSince, &bTold, err);
        if (rc == 0 && !bTold) {
            size_t nAdded = 0;
            rc = inbox_tell_counted(s, who, NOTE_BUDGET, p->zCode, zRound, "",
                                    a[i].zOrg, &nAdded, err);
            *pnTold += nAdded > 0;
        }
    }
    free(a);
    fund_set_release(&f);
    model_release(&m);
    return app_end(s, rc, err);
}

int
inbox_remind(Store *s, const Actor *who, const char *zToday,
             const char *zBudgetClose, size_t *pnTold, AppErr *err)
{
    size_t nTold = 0, nRound = 0, nBudget = 0;
    RemindRound *a = NULL, *aBudget = NULL;
    char zSince[11];
    int bBudget =
        zBudgetClose && fund_budget_window(zToday, zBudgetClose, zSince);
    int rc = remind_rounds(s, bBudget, &a, &nRound, &aBudget, &nBudget, err);
    for (size_t i = 0; rc == 0 && i < nRound; i++) {
        rc = remind_round(s, who, a[i].zPlan, a[i].zRound, zToday, &nTold, err);
    }
    for (size_t i = 0; rc == 0 && i < nBudget; i++) {
        rc = remind_budget(s, who, aBudget[i].zPlan, aBudget[i].zRound, zSince,
                           &nTold, err);
    }
    for (size_t i = 0; i < nRound; i++) {
        free(a[i].zPlan);
        free(a[i].zRound);
    }
    for (size_t i = 0; i < nBudget; i++) {
        free(aBudget[i].zPlan);
        free(aBudget[i].zRound);
    }
    free(a);
    free(aBudget);
    if (pnTold) {
        *pnTold = nTold;
    }
    return rc;
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
