/*
** store.c — the backend-independent half of the store: dispatch through
** StoreMethods and choosing a backend by the database name.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_sqlite.h"
#include "store_pg.h"
#include "../base/module.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

static void fold_discard(Store *s);
static int fold_flush(Store *s, AppErr *err);

/* The PostgreSQL backend is a module (store_pg.h), loaded on first use.
** A program linked with the backend itself (the store's unit tests) has
** store_pg_open defined, and uses it; in lmpmon the weak reference stays
** NULL and the module provides it. */
#pragma weak store_pg_open

typedef Store *(*PgOpenFn)(const char *, StoreOpenMode, const char *, AppErr *);

static const char *const azPgEntry[] = { "store_pg_open", NULL };
static void *apPgEntry[1];
static Module pgModule =
    MODULE_INIT("lmpmon-pg.so", "PostgreSQL module", azPgEntry, apPgEntry);

static Store *
store_open_pg(const char *zUrl, StoreOpenMode eMode, const char *zActor,
              AppErr *err)
{
    PgOpenFn xOpen = store_pg_open;
    if (!xOpen) {
        if (module_load(&pgModule, "open a PostgreSQL database", err)) {
            return NULL;
        }
        *(void **)&xOpen = apPgEntry[0];
    }
    return xOpen(zUrl, eMode, zActor, err);
}

Store *
store_open(const char *zPath, StoreOpenMode eMode, const char *zActor,
           AppErr *err)
{
    if (store_is_url(zPath)) {
        return store_open_pg(zPath, eMode, zActor, err);
    }
    return store_sqlite_open(zPath, eMode, zActor, err);
}

int
store_is_url(const char *zDb)
{
    return strncmp(zDb, "postgresql://", 13) == 0 ||
           strncmp(zDb, "postgres://", 11) == 0;
}

/* ---- naming a database without its password --------------------------- */

/* Append z[0..n) to b with %XX decoded. */
static void
url_decode(const char *z, size_t n, Buf *b)
{
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        if (z[i] == '%' && i + 2 < n && isxdigit((unsigned char)z[i + 1]) &&
            isxdigit((unsigned char)z[i + 2]) &&
            /* NOLINTNEXTLINE(cert-err34-c): fixed widths cannot overflow */
            sscanf(z + i + 1, "%2x", &v) == 1) {
            buf_putc(b, (char)v);
            i += 2;
        } else {
            buf_putc(b, z[i]);
        }
    }
}

/* zUrl without its password (from "user:PASSWORD@" or "password=") into
** pOut, and that password, %-decoded, into pPassword (when not NULL;
** nothing when there is none). */
static void
url_conceal(const char *zUrl, Buf *pOut, Buf *pPassword)
{
    const char *zRest = strstr(zUrl, "://");
    if (!zRest) {
        buf_puts(pOut, zUrl);
        return;
    }
    zRest += 3;
    buf_append(pOut, zUrl, (size_t)(zRest - zUrl));
    size_t nAuth = strcspn(zRest, "/?");
    const char *zAt = NULL;
    for (size_t i = 0; i < nAuth; i++) {
        if (zRest[i] == '@') {
            zAt = zRest + i; /* the last '@' ends the user part */
        }
    }
    if (zAt) {
        const char *zColon = memchr(zRest, ':', (size_t)(zAt - zRest));
        if (zColon) {
            buf_append(pOut, zRest, (size_t)(zColon - zRest));
            if (pPassword) {
                url_decode(zColon + 1, (size_t)(zAt - zColon - 1), pPassword);
            }
            zRest = zAt;
        }
    }
    /* The query string: every parameter but password=. */
    const char *zQuery = strchr(zRest, '?');
    if (!zQuery) {
        buf_puts(pOut, zRest);
        return;
    }
    buf_append(pOut, zRest, (size_t)(zQuery - zRest));
    const char *p = zQuery + 1;
    int nKept = 0;
    while (*p) {
        size_t n = strcspn(p, "&");
        if (n > 9 && strncmp(p, "password=", 9) == 0) {
            if (pPassword) {
                buf_reset(pPassword);
                url_decode(p + 9, n - 9, pPassword);
            }
        } else if (n > 0) {
            buf_putc(pOut, nKept++ ? '&' : '?');
            buf_append(pOut, p, n);
        }
        p += n + (p[n] == '&');
    }
}

char *
store_db_conceal(const char *zDb)
{
    if (!store_is_url(zDb)) {
        return xstrdup(zDb);
    }
    Buf out = BUF_INIT, pw = BUF_INIT;
    url_conceal(zDb, &out, &pw);
    if (pw.n > 0) {
        (void)setenv("PGPASSWORD", buf_str(&pw), 1);
        /* Wipe our copy; libpq reads the environment's. */
        if (pw.z) {
            volatile char *z = pw.z;
            for (size_t i = 0; i < pw.n; i++) {
                z[i] = 0;
            }
        }
    }
    buf_release(&pw);
    return buf_detach(&out);
}

void
store_close(Store *s)
{
    if (s) {
        fold_discard(s);
        s->pMethods->xClose(s);
    }
}

int
store_begin(Store *s, AppErr *err)
{
    str_now_utc(s->zNow, sizeof s->zNow);
    fold_discard(s);
    return s->pMethods->xBegin(s, err);
}

int
store_commit(Store *s, AppErr *err)
{
    if (fold_flush(s, err)) {
        return -1;
    }
    return s->pMethods->xCommit(s, err);
}

void
store_rollback(Store *s)
{
    fold_discard(s);
    s->pMethods->xRollback(s);
}

void
store_set_actor(Store *s, const char *zActor)
{
    free(s->zActor);
    s->zActor = xstrdup(zActor ? zActor : "unknown");
}

int
store_begin_read(Store *s, AppErr *err)
{
    return s->pMethods->xBeginRead(s, err);
}

void
store_end_read(Store *s)
{
    s->pMethods->xEndRead(s);
}

/* Set once by the CLI before any thread starts, read by every open. */
static int msDefaultBusy = LIMIT_DB_BUSY_MS;

void
store_set_default_busy_ms(int ms)
{
    msDefaultBusy = ms;
}

int
store_default_busy_ms(void)
{
    return msDefaultBusy;
}

void
store_set_busy_ms(Store *s, int ms)
{
    s->pMethods->xSetBusyMs(s, ms);
}

void
store_set_writer_note(Store *s, const char *zWhat)
{
    s->pMethods->xSetWriterNote(s, zWhat);
}

int
store_data_version(Store *s, long *pOut, AppErr *err)
{
    if (fold_flush(s, err)) {
        return -1;
    }
    return s->pMethods->xDataVersion(s, pOut, err);
}

int
store_watch(Store *s, int msTimeout, AppErr *err)
{
    if (!s->pMethods->xWatch) {
        return apperr_set(err, APPERR_USAGE,
                          "this database cannot announce its changes");
    }
    return s->pMethods->xWatch(s, msTimeout, err);
}

/* Load what scope names; every plan's codes indexed. */
static int
store_load_scope(Store *s, const StoreScope *scope, Model *m, AppErr *err)
{
    if (s->pMethods->xLoad(s, scope, m, err)) {
        return -1;
    }
    /* Indexed whole here, whatever the backend: a model shared between
    ** threads (the read model) then only ever reads its index. */
    for (size_t i = 0; i < m->nPlan; i++) {
        plan_index_codes(&m->aPlan[i]);
    }
    return 0;
}

int
store_load(Store *s, const char *zPlan, Model *m, AppErr *err)
{
    const StoreScope scope = { .zPlan = zPlan };
    return store_load_scope(s, &scope, m, err);
}

int
store_load_rounds(Store *s, const char *zPlan, const char *const *azRound,
                  size_t nRound, int bRoundBefore, Model *m, AppErr *err)
{
    const StoreScope scope = { .zPlan = zPlan,
                               .azRound = azRound,
                               .nRound = nRound,
                               .bRoundBefore = bRoundBefore };
    return store_load_scope(s, &scope, m, err);
}

int
store_load_node(Store *s, const char *zPlan, const char *zNode, Model *m,
                AppErr *err)
{
    const StoreScope scope = { .zPlan = zPlan, .zNode = zNode };
    return s->pMethods->xLoad(s, &scope, m, err);
}

int
store_load_activity(Store *s, const char *zPlan, const char *zNode, Model *m,
                    AppErr *err)
{
    const StoreScope scope = { .zPlan = zPlan, .zNode = zNode, .bNoOrgs = 1 };
    return s->pMethods->xLoad(s, &scope, m, err);
}

int
store_audit_list(Store *s, const char *zKeyPrefix, AuditEntry **paOut,
                 size_t *pnOut, AppErr *err)
{
    if (fold_flush(s, err)) {
        return -1;
    }
    return s->pMethods->xAuditList(s, zKeyPrefix, paOut, pnOut, err);
}

int
store_audit_rows(Store *s, long iFrom, long iTo, const char *zKeyPrefix,
                 AuditEntry **paOut, long **paiId, size_t *pnOut, AppErr *err)
{
    if (fold_flush(s, err)) {
        return -1;
    }
    return s->pMethods->xAuditRows(s, iFrom, iTo, zKeyPrefix, paOut, paiId,
                                   pnOut, err);
}

void
audit_free(AuditEntry *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(a[i].zAt);
        free(a[i].zActor);
        free(a[i].zAction);
        free(a[i].zEntity);
        free(a[i].zKey);
        free(a[i].zField);
        free(a[i].zOld);
        free(a[i].zNew);
    }
    free(a);
}

int
store_user_get(Store *s, const char *zName, User *u, AppErr *err)
{
    return s->pMethods->xUserGet(s, zName, u, err);
}

int
store_user_list(Store *s, User **paOut, size_t *pnOut, AppErr *err)
{
    return s->pMethods->xUserList(s, paOut, pnOut, err);
}

int
store_note_add(Store *s, const Note *n, AppErr *err)
{
    return s->pMethods->xNoteAdd(s, n, err);
}

int
store_note_list(Store *s, const char *zUser, int nMax, Note **paOut,
                size_t *pnOut, AppErr *err)
{
    *paOut = NULL;
    *pnOut = 0;
    return s->pMethods->xNoteList(s, zUser, nMax, paOut, pnOut, err);
}

int
store_note_read(Store *s, const char *zUser, long id, const char *zAt,
                long *pnChanged, AppErr *err)
{
    long nDummy = 0;
    return s->pMethods->xNoteRead(s, zUser, id, zAt,
                                  pnChanged ? pnChanged : &nDummy, err);
}

int
store_note_mail_due(Store *s, const char *zNow, int nMax, Note **paOut,
                    size_t *pnOut, AppErr *err)
{
    *paOut = NULL;
    *pnOut = 0;
    return s->pMethods->xNoteMailDue(s, zNow, nMax, paOut, pnOut, err);
}

int
store_note_withdraw(Store *s, const char *zPlan, const char *zRound,
                    const char *zOrg, AppErr *err)
{
    return s->pMethods->xNoteWithdraw(s, zPlan, zRound, zOrg, err);
}

int
store_note_told(Store *s, NoteKind k, const char *zPlan, const char *zRound,
                const char *zOrg, const char *zSince, int *pbTold, AppErr *err)
{
    *pbTold = 0;
    return s->pMethods->xNoteTold(s, k, zPlan, zRound, zOrg, zSince, pbTold,
                                  err);
}

int
store_note_mail_set(Store *s, long id, NoteMail e, int nTries,
                    const char *zNext, AppErr *err)
{
    return s->pMethods->xNoteMailSet(s, id, e, nTries, zNext, err);
}

int
store_session_put(Store *s, const Session *ses, AppErr *err)
{
    return s->pMethods->xSessionPut(s, ses, err);
}

int
store_session_get(Store *s, const char *zTokenHash, Session *ses, AppErr *err)
{
    /* The data version read with it must count what this connection wrote
    ** (store_data_version()). */
    if (fold_flush(s, err)) {
        return -1;
    }
    return s->pMethods->xSessionGet(s, zTokenHash, ses, err);
}

int
store_session_touch(Store *s, const char *zTokenHash, long now, AppErr *err)
{
    return s->pMethods->xSessionTouch(s, zTokenHash, now, err);
}

int
store_session_delete(Store *s, const char *zTokenHash, AppErr *err)
{
    return s->pMethods->xSessionDelete(s, zTokenHash, err);
}

int
store_session_delete_user(Store *s, const char *zUser, AppErr *err)
{
    return s->pMethods->xSessionDeleteUser(s, zUser, err);
}

void
user_copy(User *dst, const User *src)
{
    *dst = *src;
    dst->zName = xstrdup(src->zName);
    dst->zOrg = xstrdup(src->zOrg);
    dst->zHash = xstrdup(src->zHash);
    dst->zCreated = xstrdup(src->zCreated);
    dst->zEmail = xstrdup(src->zEmail);
    dst->zLang = xstrdup(src->zLang);
}

void
user_release(User *u)
{
    free(u->zName);
    free(u->zOrg);
    free(u->zHash);
    free(u->zCreated);
    free(u->zEmail);
    free(u->zLang);
    memset(u, 0, sizeof *u);
}

void
session_release(Session *ses)
{
    free(ses->zTokenHash);
    free(ses->zCsrf);
    user_release(&ses->user);
    memset(ses, 0, sizeof *ses);
}

void
session_copy(Session *dst, const Session *src)
{
    *dst = *src;
    dst->zTokenHash = xstrdup(src->zTokenHash);
    dst->zCsrf = xstrdup(src->zCsrf);
    user_copy(&dst->user, &src->user);
}

void
case_person_release(CasePerson *who)
{
    free(who->zName);
    free(who->zPhone);
    free(who->zIdDocument);
    memset(who, 0, sizeof *who);
}

int
store_case_put(Store *s, const Case *c, const CasePerson *who, AppErr *err)
{
    return s->pMethods->xCasePut(s, c, who, err);
}

int
store_case_scan(Store *s, const char *zFrom, const char *zTo, int bPersonal,
                CaseVisitor fn, void *pArg, AppErr *err)
{
    return s->pMethods->xCaseScan(s, zFrom, zTo, bPersonal, fn, pArg, err);
}

void
store_set_audit_observer(Store *s, StoreAuditObserver fn, void *pArg)
{
    s->xObserve = fn;
    s->pObserveArg = pArg;
}

/* ---- assessments created with their activity -----------------------------
** Importing a plan creates each activity and, right after it, its
** assessment in every round: an audit row for each would be ten rows per
** activity — 50,000 of a national plan's 66,000, a third of its import —
** each saying only "created with rating R", by the same actor at the same
** moment as the activity itself.  They are kept instead as one row of the
** activity: entity "node", action "create", field STORE_FOLD_FIELD, new
** "2016: on_target; 2017: progressing" (rounds in the order written).
** The row is written when the activity's puts end: at the next audit row
** of anything else, or when the data version is asked, the trail read or
** the transaction committed.  Later changes of these assessments are
** audited as any change; history.c shows the row, merge.c reads it as
** each assessment's creation. */

static void
fold_discard(Store *s)
{
    free(s->zFoldKey);
    s->zFoldKey = NULL;
    buf_release(&s->fold);
}

/* Write the folded row, if any, and end the fold. */
static int
fold_flush(Store *s, AppErr *err)
{
    int rc = 0;
    if (s->zFoldKey && s->fold.n > 0) {
        rc = s->pMethods->xAuditAdd(s, "create", "node", s->zFoldKey,
                                    STORE_FOLD_FIELD, NULL, buf_str(&s->fold),
                                    err);
    }
    fold_discard(s);
    return rc;
}

void
store_audit_fold_begin(Store *s, const char *zNodeKey)
{
    fold_discard(s);
    buf_init(&s->fold, 0); /* a backend's Store starts zeroed */
    s->zFoldKey = xstrdup(zNodeKey);
}

int
store_audit_fold_has(const Store *s, const char *zPlan, const char *zNode)
{
    if (!s->zFoldKey) {
        return 0;
    }
    size_t nPlan = strlen(zPlan);
    return strncmp(s->zFoldKey, zPlan, nPlan) == 0 &&
           s->zFoldKey[nPlan] == '/' && str_eq(s->zFoldKey + nPlan + 1, zNode);
}

void
store_audit_fold_add(Store *s, const char *zRound, const char *zRating)
{
    if (s->fold.n > 0) {
        buf_puts(&s->fold, "; ");
    }
    buf_puts(&s->fold, zRound);
    buf_puts(&s->fold, ": ");
    buf_puts(&s->fold, zRating);
    if (s->xObserve) {
        s->xObserve(s->pObserveArg, "create", "assessment", NULL);
    }
}

int
store_audit_append(Store *s, const char *zAction, const char *zEntity,
                   const char *zKey, const char *zField, const char *zOld,
                   const char *zNew, AppErr *err)
{
    /* The activity's own rows (its links) keep the fold open. */
    if (s->zFoldKey && !str_eq(zKey, s->zFoldKey) && fold_flush(s, err)) {
        return -1;
    }
    if (s->pMethods->xAuditAdd(s, zAction, zEntity, zKey, zField, zOld, zNew,
                               err)) {
        return -1;
    }
    if (s->xObserve) {
        s->xObserve(s->pObserveArg, zAction, zEntity, zField);
    }
    return 0;
}

int
store_audit(Store *s, const char *zEntity, const char *zKey, const char *zField,
            const char *zNew, AppErr *err)
{
    return store_audit_append(s, "update", zEntity, zKey, zField, NULL, zNew,
                              err);
}

int
store_audit_latest(Store *s, const char *zKey, long *pId, AppErr *err)
{
    if (fold_flush(s, err)) {
        return -1;
    }
    return s->pMethods->xAuditLatest(s, zKey, pId, err);
}

int
store_case_count(Store *s, long *pn, AppErr *err)
{
    return s->pMethods->xCaseCount(s, pn, err);
}

int
store_kept_get(Store *s, const char *zName, long *pGen, char **pzBody,
               AppErr *err)
{
    *pGen = -1;
    *pzBody = NULL;
    return s->pMethods->xKeptGet(s, zName, pGen, pzBody, err);
}

int
store_kept_put(Store *s, const char *zName, long gen, const char *zBody,
               AppErr *err)
{
    return s->pMethods->xKeptPut(s, zName, gen, zBody, err);
}

int
store_case_get(Store *s, const char *zOrg, const char *zCaseNo, CaseFile *f,
               CasePerson *who, AppErr *err)
{
    return s->pMethods->xCaseGet(s, zOrg ? zOrg : "", zCaseNo, f, who, err);
}

int
store_case_orgs(Store *s, const char *zCaseNo, char ***pazOrg, size_t *pn,
                AppErr *err)
{
    *pazOrg = NULL;
    *pn = 0;
    return s->pMethods->xCaseOrgs(s, zCaseNo, pazOrg, pn, err);
}

int
store_case_event_add(Store *s, const char *zOrg, const char *zCaseNo,
                     const CaseEvent *e, AppErr *err)
{
    return s->pMethods->xCaseEventAdd(s, zOrg ? zOrg : "", zCaseNo, e, err);
}

int
store_case_payment_add(Store *s, const char *zOrg, const char *zCaseNo,
                       const CasePayment *p, AppErr *err)
{
    return s->pMethods->xCasePaymentAdd(s, zOrg ? zOrg : "", zCaseNo, p, err);
}

int
store_case_list(Store *s, const char *zOrg, int nLimit, CaseVisitor fn,
                void *pArg, AppErr *err)
{
    return s->pMethods->xCaseList(s, zOrg, nLimit, fn, pArg, err);
}

int
store_round_list(Store *s, const char *zPlan, RoundCount **paOut, size_t *pnOut,
                 AppErr *err)
{
    return s->pMethods->xRoundList(s, zPlan, paOut, pnOut, err);
}

int
store_outreach_list(Store *s, const char *zFrom, const char *zTo, Outreach **pa,
                    size_t *pn, AppErr *err)
{
    return s->pMethods->xOutreachList(s, zFrom, zTo, 0, pa, pn, err);
}

int
store_outreach_get(Store *s, long long id, Outreach *o, int *pbFound,
                   AppErr *err)
{
    Outreach *a = NULL;
    size_t n = 0;
    outreach_init(o);
    *pbFound = 0;
    int rc =
        id > 0 ? s->pMethods->xOutreachList(s, NULL, NULL, id, &a, &n, err) : 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && i == 0) {
            *o = a[0];
            *pbFound = 1;
        } else {
            outreach_release(&a[i]);
        }
    }
    free(a);
    return rc;
}

int
store_media_list(Store *s, const char *zFrom, const char *zTo, Media **pa,
                 size_t *pn, AppErr *err)
{
    return s->pMethods->xMediaList(s, zFrom, zTo, pa, pn, err);
}

int
store_stat_list(Store *s, StatObs **pa, size_t *pn, AppErr *err)
{
    return s->pMethods->xStatList(s, pa, pn, err);
}

void
round_count_free(RoundCount *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(a[i].zPlan);
        round_release(&a[i].r);
    }
    free(a);
}

int
store_backup(Store *s, const char *zFile, unsigned flags, AppErr *err)
{
    return s->pMethods->xBackup(s, zFile, flags, err);
}

int
store_check(Store *s, AppErr *err)
{
    return s->pMethods->xCheck(s, err);
}

int
store_restore(Store *s, const char *zPath, AppErr *err)
{
    if (store_is_url(zPath)) {
        Buf name = BUF_INIT;
        url_conceal(zPath, &name, NULL);
        apperr_set(err, APPERR_USAGE,
                   "cannot restore into '%s': a "
                   "PostgreSQL database is restored with pg_restore",
                   buf_str(&name));
        buf_release(&name);
        return -1;
    }
    return s->pMethods->xRestore(s, zPath, err);
}
