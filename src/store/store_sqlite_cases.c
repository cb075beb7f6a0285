/*
** store_sqlite_cases.c — complaints cases in SQLite (see store.h).
**
** Built for bulk: a million-case import runs one prepared upsert per case
** inside the caller's single transaction, and the scan streams rows to a
** visitor instead of building them all in memory.  Enumerations are
** parsed from their stored keys by pointer-free exact comparison (the
** stored values are always canonical).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

void
sq_cases_finalize(SqStore *S)
{
    sq_finalize(S, S->pCasePut);
    sq_finalize(S, S->pPersonPut);
    S->pCasePut = S->pPersonPut = NULL;
}

int
sq_case_put(Store *s, const Case *c, const CasePerson *who, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    if (!S->pCasePut &&
        SQ_PREPARE(S,
                   "INSERT INTO complaint_case(case_no, lodged_on, resolved_on,"
                   " channel, assisting_org, province, sex, age_band,"
                   " legal_status, destination, sector, agency, types, stage,"
                   " outcome, satisfied, currency, requested, ordered, paid)"
                   " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                   " $13, $14, $15, $16, $17, $18, $19, $20)"
                   " ON CONFLICT(case_no, assisting_org) DO UPDATE SET"
                   " lodged_on = $2,"
                   " resolved_on = $3, channel = $4, assisting_org = $5,"
                   " province = $6, sex = $7, age_band = $8,"
                   " legal_status = $9, destination = $10, sector = $11,"
                   " agency = $12, types = $13, stage = $14, outcome = $15,"
                   " satisfied = $16, currency = $17, requested = $18,"
                   " ordered = $19, paid = $20, version = version + 1",
                   &S->pCasePut, err)) {
        return -1;
    }
    sqlite3_stmt *st = S->pCasePut;
    const char *azText[20] = {
        c->zCaseNo,
        c->zLodged,
        c->zResolved,
        case_channel_name(c->eChannel),
        c->zAssistingOrg ? c->zAssistingOrg : "",
        c->zProvince ? c->zProvince : "",
        case_sex_name(c->eSex),
        c->zAgeBand ? c->zAgeBand : "",
        case_legal_name(c->eLegal),
        c->zDestination ? c->zDestination : "",
        c->zSector ? c->zSector : "",
        c->zAgency ? c->zAgency : "",
        NULL,
        case_stage_name(c->eStage),
        c->zOutcome ? c->zOutcome : "",
        case_satisfied_name(c->eSatisfied),
        c->zCurrency,
        NULL,
        NULL,
        NULL,
    };
    for (int k = 0; k < 20; k++) {
        if (azText[k]) {
            (void)sqlite3_bind_text(st, k + 1, azText[k], -1, SQLITE_STATIC);
        }
    }
    (void)sqlite3_bind_int64(st, 13, (sqlite3_int64)c->types);
    (void)sqlite3_bind_int64(st, 18, c->requested);
    (void)sqlite3_bind_int64(st, 19, c->ordered);
    (void)sqlite3_bind_int64(st, 20, c->paid);
    int rc = sqlite3_step(st);
    (void)sqlite3_reset(st);
    /* Text bound SQLITE_STATIC belongs to the caller: unbind now. */
    (void)sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "writing a case");
    }
    if (!who) {
        return 0;
    }
    /* The case's id, for its personal details (RETURNING would cost a
    ** temporary table per case on the bulk path). */
    sqlite3_int64 id = -1;
    sqlite3_stmt *q;
    if (SQ_PREPARE(S,
                   "SELECT id FROM complaint_case WHERE case_no = $1"
                   " AND assisting_org = $2",
                   &q, err)) {
        return -1;
    }
    sq_bind_text(q, 1, c->zCaseNo);
    sq_bind_text(q, 2, c->zAssistingOrg ? c->zAssistingOrg : "");
    if (sq_lookup_id(S, q, &id, err)) {
        return -1;
    }
    if (!S->pPersonPut &&
        SQ_PREPARE(S,
                   "INSERT INTO case_person(case_id, name, phone, id_document)"
                   " VALUES($1, $2, $3, $4) ON CONFLICT(case_id) DO UPDATE SET"
                   " name = $2, phone = $3, id_document = $4",
                   &S->pPersonPut, err)) {
        return -1;
    }
    st = S->pPersonPut;
    sq_bind_int(st, 1, id);
    sq_bind_text(st, 2, who->zName ? who->zName : "");
    sq_bind_text(st, 3, who->zPhone ? who->zPhone : "");
    sq_bind_text(st, 4, who->zIdDocument ? who->zIdDocument : "");
    rc = sqlite3_step(st);
    (void)sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "writing personal details");
}

/* Copy column i into a fixed buffer (dates, currency). */
static void
sq_col_fixed(sqlite3_stmt *st, int i, char *z, size_t n)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    size_t len = v ? (size_t)sqlite3_column_bytes(st, i) : 0;
    if (len >= n) {
        len = n - 1;
    }
    if (len) {
        memcpy(z, v, len);
    }
    z[len] = 0;
}

static int sq_case_visit(SqStore *S, sqlite3_stmt *st, int bPersonal,
                         CaseVisitor fn, void *pArg, AppErr *err);

int
sq_case_scan(Store *s, const char *zFrom, const char *zTo, int bPersonal,
             CaseVisitor fn, void *pArg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    /* Rowid order: the order cases were first imported or entered, which
    ** is stable and needs no index walk.  The join to personal details is
    ** a separate statement so reports never touch that table. */
    int rcPrep =
        bPersonal
            ? SQ_PREPARE(
                  S,
                  "SELECT c.case_no, c.lodged_on, c.resolved_on, c.channel,"
                  " c.assisting_org, c.province, c.sex, c.age_band,"
                  " c.legal_status, c.destination, c.sector, c.agency,"
                  " c.types, c.stage, c.outcome, c.satisfied, c.currency,"
                  " c.requested, c.ordered, c.paid, p.name, p.phone,"
                  " p.id_document, $3"
                  " FROM complaint_case c LEFT JOIN case_person p"
                  " ON p.case_id = c.id"
                  " WHERE ($1 IS NULL OR c.lodged_on >= $1)"
                  " AND ($2 IS NULL OR c.lodged_on <= $2)"
                  " ORDER BY c.id",
                  &st, err)
            : SQ_PREPARE(
                  S,
                  "SELECT case_no, lodged_on, resolved_on, channel,"
                  " assisting_org, province, sex, age_band, legal_status,"
                  " destination, sector, agency, types, stage, outcome,"
                  " satisfied, currency, requested, ordered, paid, NULL,"
                  " NULL, NULL, $3 FROM complaint_case"
                  " WHERE ($1 IS NULL OR lodged_on >= $1)"
                  " AND ($2 IS NULL OR lodged_on <= $2)"
                  " ORDER BY id",
                  &st, err);
    if (rcPrep) {
        return -1;
    }
    sq_bind_text(st, 1, zFrom);
    sq_bind_text(st, 2, zTo);
    sq_bind_int(st, 3, bPersonal);
    return sq_case_visit(S, st, bPersonal, fn, pArg, err);
}

/* Step through st (columns as in sq_case_scan), calling fn per row;
** finalizes st. */
static int
sq_case_visit(SqStore *S, sqlite3_stmt *st, int bPersonal, CaseVisitor fn,
              void *pArg, AppErr *err)
{
    int rc;
    int bStop = 0;
    while (!bStop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        /* Column texts stay valid until the next step: the visitor sees
        ** them in place, with no copy per case. */
        Case c;
        memset(&c, 0, sizeof c);
        c.zCaseNo = (char *)sqlite3_column_text(st, 0);
        sq_col_fixed(st, 1, c.zLodged, sizeof c.zLodged);
        sq_col_fixed(st, 2, c.zResolved, sizeof c.zResolved);
        (void)case_channel_parse((const char *)sqlite3_column_text(st, 3),
                                 &c.eChannel);
        const char *zOrg = (const char *)sqlite3_column_text(st, 4);
        c.zAssistingOrg = zOrg && *zOrg ? (char *)zOrg : NULL;
        c.zProvince = (char *)sqlite3_column_text(st, 5);
        (void)case_sex_parse((const char *)sqlite3_column_text(st, 6), &c.eSex);
        c.zAgeBand = (char *)sqlite3_column_text(st, 7);
        (void)case_legal_parse((const char *)sqlite3_column_text(st, 8),
                               &c.eLegal);
        c.zDestination = (char *)sqlite3_column_text(st, 9);
        c.zSector = (char *)sqlite3_column_text(st, 10);
        c.zAgency = (char *)sqlite3_column_text(st, 11);
        c.types = (unsigned)sqlite3_column_int(st, 12);
        (void)case_stage_parse((const char *)sqlite3_column_text(st, 13),
                               &c.eStage);
        c.zOutcome = (char *)sqlite3_column_text(st, 14);
        (void)case_satisfied_parse((const char *)sqlite3_column_text(st, 15),
                                   &c.eSatisfied);
        sq_col_fixed(st, 16, c.zCurrency, sizeof c.zCurrency);
        c.requested = sqlite3_column_int64(st, 17);
        c.ordered = sqlite3_column_int64(st, 18);
        c.paid = sqlite3_column_int64(st, 19);
        CasePerson who = { (char *)sqlite3_column_text(st, 20),
                           (char *)sqlite3_column_text(st, 21),
                           (char *)sqlite3_column_text(st, 22) };
        bStop = fn(pArg, &c, bPersonal ? &who : NULL);
    }
    sq_finalize(S, st);
    if (bStop || rc == SQLITE_DONE) {
        return 0;
    }
    return sq_fail(S, err, "reading cases");
}

int
sq_audit_latest(Store *s, const char *zKey, long *pId, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT coalesce(max(id), 0) FROM audit WHERE key = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zKey);
    sqlite3_int64 id = 0;
    if (sq_lookup_id(S, st, &id, err)) {
        return -1;
    }
    *pId = (long)id;
    return 0;
}

int
sq_case_count(Store *s, long *pn, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT count(*) FROM complaint_case", &st, err)) {
        return -1;
    }
    sqlite3_int64 n = 0;
    if (sq_lookup_id(S, st, &n, err)) {
        return -1;
    }
    *pn = (long)n;
    return 0;
}

/* ---- what is kept ready ------------------------------------------------------ */

int
sq_kept_get(Store *s, const char *zName, long *pGen, char **pzBody, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT gen, body FROM kept WHERE name = $1", &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zName);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *pGen = (long)sqlite3_column_int64(st, 0);
        *pzBody = sq_col_dup(st, 1);
        rc = 0;
    } else if (rc == SQLITE_DONE) {
        rc = 0;
    } else {
        rc = sq_fail(S, err, "reading what is kept ready");
    }
    sq_finalize(S, st);
    return rc;
}

int
sq_kept_put(Store *s, const char *zName, long gen, const char *zBody,
            AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "INSERT INTO kept(name, gen, body) VALUES($1, $2, $3)"
                   " ON CONFLICT(name) DO UPDATE SET gen = excluded.gen,"
                   " body = excluded.body WHERE excluded.gen >= kept.gen",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zName);
    sq_bind_int(st, 2, gen);
    sq_bind_text(st, 3, zBody);
    return sq_run(S, st, err, "keeping a report ready");
}

/* ---- one case, for its page ------------------------------------------------ */

static char *
sq_dup_or_null(sqlite3_stmt *st, int i)
{
    const unsigned char *z = sqlite3_column_text(st, i);
    return z && *z ? xstrdup((const char *)z) : NULL;
}

static int
sq_case_id(SqStore *S, const char *zOrg, const char *zCaseNo,
           sqlite3_int64 *pId, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT id FROM complaint_case WHERE case_no = $1"
                   " AND assisting_org = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zCaseNo);
    sq_bind_text(st, 2, zOrg);
    if (sq_lookup_id(S, st, pId, err)) {
        return -1;
    }
    if (*pId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no case '%s'", zCaseNo);
    }
    return 0;
}

int
sq_case_orgs(Store *s, const char *zCaseNo, char ***pazOrg, size_t *pn,
             AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT assisting_org FROM complaint_case"
                   " WHERE case_no = $1 ORDER BY assisting_org",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zCaseNo);
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)pazOrg, &nAlloc, *pn, sizeof **pazOrg);
        (*pazOrg)[(*pn)++] = sq_col_dup(st, 0);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "looking up a case");
}

int
sq_case_get(Store *s, const char *zOrg, const char *zCaseNo, CaseFile *f,
            CasePerson *who, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    memset(f, 0, sizeof *f);
    if (who) {
        memset(who, 0, sizeof *who);
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT c.id, c.case_no, c.lodged_on, c.resolved_on,"
                   " c.channel, c.assisting_org, c.province, c.sex,"
                   " c.age_band, c.legal_status, c.destination, c.sector,"
                   " c.agency, c.types, c.stage, c.outcome, c.satisfied,"
                   " c.currency, c.requested, c.ordered, c.paid, c.version,"
                   " p.name, p.phone, p.id_document FROM complaint_case c"
                   " LEFT JOIN case_person p ON p.case_id = c.id"
                   " WHERE c.case_no = $1 AND c.assisting_org = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zCaseNo);
    sq_bind_text(st, 2, zOrg);
    int rc = sqlite3_step(st);
    sqlite3_int64 id = -1;
    if (rc == SQLITE_ROW) {
        Case *c = &f->c;
        id = sqlite3_column_int64(st, 0);
        c->zCaseNo = sq_col_dup(st, 1);
        sq_col_fixed(st, 2, c->zLodged, sizeof c->zLodged);
        sq_col_fixed(st, 3, c->zResolved, sizeof c->zResolved);
        (void)case_channel_parse((const char *)sqlite3_column_text(st, 4),
                                 &c->eChannel);
        c->zAssistingOrg = sq_dup_or_null(st, 5);
        c->zProvince = sq_col_dup(st, 6);
        (void)case_sex_parse((const char *)sqlite3_column_text(st, 7),
                             &c->eSex);
        c->zAgeBand = sq_col_dup(st, 8);
        (void)case_legal_parse((const char *)sqlite3_column_text(st, 9),
                               &c->eLegal);
        c->zDestination = sq_col_dup(st, 10);
        c->zSector = sq_col_dup(st, 11);
        c->zAgency = sq_col_dup(st, 12);
        c->types = (unsigned)sqlite3_column_int(st, 13);
        (void)case_stage_parse((const char *)sqlite3_column_text(st, 14),
                               &c->eStage);
        c->zOutcome = sq_col_dup(st, 15);
        (void)case_satisfied_parse((const char *)sqlite3_column_text(st, 16),
                                   &c->eSatisfied);
        sq_col_fixed(st, 17, c->zCurrency, sizeof c->zCurrency);
        c->requested = sqlite3_column_int64(st, 18);
        c->ordered = sqlite3_column_int64(st, 19);
        c->paid = sqlite3_column_int64(st, 20);
        f->iVersion = sqlite3_column_int(st, 21);
        if (who) {
            who->zName = sq_col_dup(st, 22);
            who->zPhone = sq_col_dup(st, 23);
            who->zIdDocument = sq_col_dup(st, 24);
        }
    }
    sq_finalize(S, st);
    if (rc == SQLITE_DONE) {
        return apperr_set(err, APPERR_NOTFOUND, "no case '%s'", zCaseNo);
    }
    if (rc != SQLITE_ROW) {
        return sq_fail(S, err, "reading a case");
    }
    if (SQ_PREPARE(S,
                   "SELECT stage, on_date, note, actor FROM case_event"
                   " WHERE case_id = $1 ORDER BY on_date, id",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    size_t nAlloc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&f->aEvent, &nAlloc, f->nEvent, sizeof *f->aEvent);
        CaseEvent *e = &f->aEvent[f->nEvent++];
        (void)case_stage_parse((const char *)sqlite3_column_text(st, 0),
                               &e->eStage);
        sq_col_fixed(st, 1, e->zOn, sizeof e->zOn);
        e->zNote = sq_col_dup(st, 2);
        e->zActor = sq_col_dup(st, 3);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading a case's timeline");
    }
    if (SQ_PREPARE(S,
                   "SELECT paid_on, amount, actor FROM case_payment"
                   " WHERE case_id = $1 ORDER BY paid_on, id",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    nAlloc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&f->aPayment, &nAlloc, f->nPayment, sizeof *f->aPayment);
        CasePayment *p = &f->aPayment[f->nPayment++];
        sq_col_fixed(st, 0, p->zOn, sizeof p->zOn);
        p->amount = sqlite3_column_int64(st, 1);
        p->zActor = sq_col_dup(st, 2);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading payments");
}

int
sq_case_event_add(Store *s, const char *zOrg, const char *zCaseNo,
                  const CaseEvent *e, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_int64 id;
    sqlite3_stmt *st;
    if (sq_case_id(S, zOrg, zCaseNo, &id, err) ||
        SQ_PREPARE(
            S,
            "INSERT INTO case_event(case_id, stage, on_date, note, actor)"
            " VALUES($1, $2, $3, $4, $5)",
            &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    sq_bind_text(st, 2, case_stage_name(e->eStage));
    sq_bind_text(st, 3, e->zOn);
    sq_bind_text(st, 4, e->zNote ? e->zNote : "");
    sq_bind_text(st, 5, S->base.zActor);
    return sq_run(S, st, err, "recording a stage");
}

int
sq_case_payment_add(Store *s, const char *zOrg, const char *zCaseNo,
                    const CasePayment *p, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_int64 id;
    sqlite3_stmt *st;
    if (sq_case_id(S, zOrg, zCaseNo, &id, err) ||
        SQ_PREPARE(S,
                   "INSERT INTO case_payment(case_id, paid_on, amount, actor)"
                   " VALUES($1, $2, $3, $4)",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    sq_bind_text(st, 2, p->zOn);
    sq_bind_int(st, 3, p->amount);
    sq_bind_text(st, 4, S->base.zActor);
    if (sq_run(S, st, err, "recording a payment") ||
        SQ_PREPARE(S,
                   "UPDATE complaint_case SET paid = paid + $2,"
                   " version = version + 1 WHERE id = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    sq_bind_int(st, 2, p->amount);
    return sq_run(S, st, err, "updating the amount paid");
}

/* The columns of a case list, as sq_case_scan()'s without personal
** details. */
#define SQ_CASE_LIST_COLS                                                      \
 "case_no, lodged_on, resolved_on, channel, assisting_org, province, sex,"     \
 " age_band, legal_status, destination, sector, agency, types, stage,"         \
 " outcome, satisfied, currency, requested, ordered, paid, NULL, NULL, NULL"

int
sq_case_list(Store *s, const char *zOrg, int nLimit, CaseVisitor fn, void *pArg,
             AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    /* Two statements, not "$1 IS NULL OR assisting_org = $1", which no
    ** planner turns into a search of the index (assisting_org, id). */
    int rcPrep =
        zOrg ? SQ_PREPARE(S,
                          "SELECT " SQ_CASE_LIST_COLS " FROM complaint_case"
                          " WHERE assisting_org = $2"
                          " ORDER BY id DESC LIMIT $1",
                          &st, err)
             : SQ_PREPARE(S,
                          "SELECT " SQ_CASE_LIST_COLS " FROM complaint_case"
                          " ORDER BY id DESC LIMIT $1",
                          &st, err);
    if (rcPrep) {
        return -1;
    }
    sq_bind_int(st, 1, nLimit);
    if (zOrg) {
        sq_bind_text(st, 2, zOrg);
    }
    return sq_case_visit(S, st, 0, fn, pArg, err);
}
