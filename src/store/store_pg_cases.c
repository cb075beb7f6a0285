/*
** store_pg_cases.c — complaints cases in PostgreSQL: the translation of
** store_sqlite_cases.c.  A case is one prepared upsert; a scan streams
** rows to the visitor in chunks (libpq's single-row mode), so a million
** cases are never in memory at once.  Dates are DATE columns; "no
** resolution date" is NULL here and "" in the model.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The one-row upsert of a case (by case number and assisting
** organisation) from its fields as text,
** in the order of the COPY in store_pg_copy.c; with azWho, its personal
** details too. */
int
pg_case_upsert(PgStore *S, const char *const *az, const char *const *azWho,
               AppErr *err)
{
    PgArgs a = { 0 };
    for (int k = 0; k < 20; k++) {
        pg_arg_text(&a, k + 1, az[k]);
    }
    PGresult *r = PG_QUERY(S,
                           "INSERT INTO complaint_case(case_no, lodged_on,"
                           " resolved_on, channel, assisting_org, province,"
                           " sex, age_band, legal_status, destination, sector,"
                           " agency, types, stage, outcome, satisfied,"
                           " currency, requested, ordered, paid)"
                           " VALUES($1, $2::date, nullif($3::text, '')::date,"
                           " $4, $5, $6, $7, $8, $9, $10, $11, $12,"
                           " $13::integer, $14, $15, $16, $17, $18::bigint,"
                           " $19::bigint, $20::bigint)"
                           " ON CONFLICT(case_no, assisting_org) DO UPDATE SET"
                           " lodged_on = excluded.lodged_on,"
                           " resolved_on = excluded.resolved_on,"
                           " channel = excluded.channel,"
                           " assisting_org = excluded.assisting_org,"
                           " province = excluded.province, sex = excluded.sex,"
                           " age_band = excluded.age_band,"
                           " legal_status = excluded.legal_status,"
                           " destination = excluded.destination,"
                           " sector = excluded.sector,"
                           " agency = excluded.agency, types = excluded.types,"
                           " stage = excluded.stage,"
                           " outcome = excluded.outcome,"
                           " satisfied = excluded.satisfied,"
                           " currency = excluded.currency,"
                           " requested = excluded.requested,"
                           " ordered = excluded.ordered, paid = excluded.paid,"
                           " version = complaint_case.version + 1"
                           " RETURNING id",
                           &a, err, "writing a case");
    long long id = -1;
    if (pg_lookup_id(S, r, &id)) {
        return -1;
    }
    if (!azWho) {
        return 0;
    }
    PgArgs b = { 0 };
    pg_arg_int(&b, 1, id);
    pg_arg_text(&b, 2, azWho[0]);
    pg_arg_text(&b, 3, azWho[1]);
    pg_arg_text(&b, 4, azWho[2]);
    return PG_RUN(S,
                  "INSERT INTO case_person(case_id, name, phone, id_document)"
                  " VALUES($1, $2, $3, $4) ON CONFLICT(case_id) DO UPDATE SET"
                  " name = excluded.name, phone = excluded.phone,"
                  " id_document = excluded.id_document",
                  &b, err, "writing personal details");
}

/* Inside a write transaction the case is held back and written with
** others through COPY (store_pg_copy.c); outside one, upserted now. */
int
pg_case_put(Store *s, const Case *c, const CasePerson *who, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    char azNum[4][24];
    (void)snprintf(azNum[0], sizeof azNum[0], "%u", c->types);
    (void)snprintf(azNum[1], sizeof azNum[1], "%lld", (long long)c->requested);
    (void)snprintf(azNum[2], sizeof azNum[2], "%lld", (long long)c->ordered);
    (void)snprintf(azNum[3], sizeof azNum[3], "%lld", (long long)c->paid);
    const char *az[20] = {
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
        azNum[0],
        case_stage_name(c->eStage),
        c->zOutcome ? c->zOutcome : "",
        case_satisfied_name(c->eSatisfied),
        c->zCurrency,
        azNum[1],
        azNum[2],
        azNum[3],
    };
    const char *azWho[3] = {
        who && who->zName ? who->zName : "",
        who && who->zPhone ? who->zPhone : "",
        who && who->zIdDocument ? who->zIdDocument : "",
    };
    if (S->bInTxn && S->bWrite) {
        return pg_copy_case_put(S, az, who ? azWho : NULL, err);
    }
    return pg_case_upsert(S, az, who ? azWho : NULL, err);
}

/* Copy field (row, col) into a fixed buffer (dates, currency). */
static void
pg_fixed(const PGresult *r, int row, int col, char *z, size_t n)
{
    (void)snprintf(z, n, "%s", pg_text(r, row, col));
}

/* The case columns every case query returns, in sq_case_scan()'s order;
** with personal details or three NULLs after them. */
#define PG_CASE_COLS                                                           \
 "c.case_no, c.lodged_on, coalesce(c.resolved_on::text, ''), c.channel,"       \
 " c.assisting_org, c.province, c.sex, c.age_band, c.legal_status,"            \
 " c.destination, c.sector, c.agency, c.types, c.stage, c.outcome,"            \
 " c.satisfied, c.currency, c.requested, c.ordered, c.paid"

/* Call fn for every row of the query sent on S (single-row mode): the
** Case points into the row, valid during the call only. */
static int
pg_case_visit(PgStore *S, int bPersonal, CaseVisitor fn, void *pArg,
              AppErr *err)
{
    int bStop = 0, rc = 0;
    PGresult *r;
    while ((r = PQgetResult(S->db)) != NULL) {
        ExecStatusType e = PQresultStatus(r);
        if (e == PGRES_SINGLE_TUPLE && !bStop) {
            Case c;
            memset(&c, 0, sizeof c);
            c.zCaseNo = PQgetvalue(r, 0, 0);
            pg_fixed(r, 0, 1, c.zLodged, sizeof c.zLodged);
            pg_fixed(r, 0, 2, c.zResolved, sizeof c.zResolved);
            (void)case_channel_parse(pg_text(r, 0, 3), &c.eChannel);
            const char *zOrg = pg_text(r, 0, 4);
            c.zAssistingOrg = *zOrg ? PQgetvalue(r, 0, 4) : NULL;
            c.zProvince = PQgetvalue(r, 0, 5);
            (void)case_sex_parse(pg_text(r, 0, 6), &c.eSex);
            c.zAgeBand = PQgetvalue(r, 0, 7);
            (void)case_legal_parse(pg_text(r, 0, 8), &c.eLegal);
            c.zDestination = PQgetvalue(r, 0, 9);
            c.zSector = PQgetvalue(r, 0, 10);
            c.zAgency = PQgetvalue(r, 0, 11);
            c.types = (unsigned)pg_int(r, 0, 12);
            (void)case_stage_parse(pg_text(r, 0, 13), &c.eStage);
            c.zOutcome = PQgetvalue(r, 0, 14);
            (void)case_satisfied_parse(pg_text(r, 0, 15), &c.eSatisfied);
            pg_fixed(r, 0, 16, c.zCurrency, sizeof c.zCurrency);
            c.requested = pg_int(r, 0, 17);
            c.ordered = pg_int(r, 0, 18);
            c.paid = pg_int(r, 0, 19);
            CasePerson who = {
                PQgetisnull(r, 0, 20) ? NULL : PQgetvalue(r, 0, 20),
                PQgetisnull(r, 0, 21) ? NULL : PQgetvalue(r, 0, 21),
                PQgetisnull(r, 0, 22) ? NULL : PQgetvalue(r, 0, 22),
            };
            bStop = fn(pArg, &c, bPersonal ? &who : NULL);
        } else if (e != PGRES_SINGLE_TUPLE && e != PGRES_TUPLES_OK && rc == 0) {
            rc = pg_fail(S, r, err, "reading cases");
        }
        PQclear(r);
    }
    return rc;
}

/* Send a case query in single-row mode (not prepared: a streamed query
** cannot share the statement cache's synchronous calls). */
static int
pg_case_send(PgStore *S, const char *zSql, const PgArgs *a, AppErr *err)
{
    if (pg_copy_flush_cases(S, err) || pg_pipe_drain(S, err)) {
        return -1;
    }
    if (!PQsendQueryParams(S->db, zSql, a->n, NULL, a->az, NULL, NULL, 0) ||
        !PQsetSingleRowMode(S->db)) {
        return pg_fail(S, NULL, err, "reading cases");
    }
    return 0;
}

int
pg_case_scan(Store *s, const char *zFrom, const char *zTo, int bPersonal,
             CaseVisitor fn, void *pArg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zFrom);
    pg_arg_text(&a, 2, zTo);
    /* Id order: the order cases were first stored, as in SQLite. */
    int rc = bPersonal
                 ? pg_case_send(
                       S,
                       "SELECT " PG_CASE_COLS ", p.name, p.phone,"
                       " p.id_document FROM complaint_case c"
                       " LEFT JOIN case_person p ON p.case_id = c.id"
                       " WHERE ($1::date IS NULL OR c.lodged_on >= $1::date)"
                       " AND ($2::date IS NULL OR c.lodged_on <= $2::date)"
                       " ORDER BY c.id",
                       &a, err)
                 : pg_case_send(
                       S,
                       "SELECT " PG_CASE_COLS ", NULL, NULL, NULL"
                       " FROM complaint_case c"
                       " WHERE ($1::date IS NULL OR c.lodged_on >= $1::date)"
                       " AND ($2::date IS NULL OR c.lodged_on <= $2::date)"
                       " ORDER BY c.id",
                       &a, err);
    return rc ? -1 : pg_case_visit(S, bPersonal, fn, pArg, err);
}

int
pg_case_list(Store *s, const char *zOrg, int nLimit, CaseVisitor fn, void *pArg,
             AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, nLimit);
    /* Two statements, not "$1 IS NULL OR assisting_org = $1", which no
    ** planner turns into a search of the index (assisting_org, id). */
    int rc;
    if (zOrg) {
        pg_arg_text(&a, 2, zOrg);
        rc = pg_case_send(S,
                          "SELECT " PG_CASE_COLS ", NULL, NULL, NULL"
                          " FROM complaint_case c"
                          " WHERE c.assisting_org = $2::text"
                          " ORDER BY c.id DESC LIMIT $1::bigint",
                          &a, err);
    } else {
        rc = pg_case_send(S,
                          "SELECT " PG_CASE_COLS ", NULL, NULL, NULL"
                          " FROM complaint_case c"
                          " ORDER BY c.id DESC LIMIT $1::bigint",
                          &a, err);
    }
    if (rc) {
        return -1;
    }
    return pg_case_visit(S, 0, fn, pArg, err);
}

int
pg_audit_latest(Store *s, const char *zKey, long *pId, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    if (pg_audit_flush(S, err)) {
        return -1;
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zKey);
    long long id = 0;
    if (pg_lookup_id(S,
                     PG_QUERY(S,
                              "SELECT coalesce(max(id), 0) FROM audit"
                              " WHERE key = $1",
                              &a, err, "reading the audit trail"),
                     &id)) {
        return -1;
    }
    *pId = (long)id;
    return 0;
}

int
pg_case_count(Store *s, long *pn, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    long long n = 0;
    if (pg_lookup_id(S,
                     PG_QUERY(S, "SELECT count(*) FROM complaint_case", NULL,
                              err, "counting cases"),
                     &n)) {
        return -1;
    }
    *pn = (long)n;
    return 0;
}

/* ---- what is kept ready ------------------------------------------------------ */

int
pg_kept_get(Store *s, const char *zName, long *pGen, char **pzBody, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zName);
    PGresult *r = PG_QUERY(S, "SELECT gen, body FROM kept WHERE name = $1", &a,
                           err, "reading what is kept ready");
    if (!r) {
        return -1;
    }
    if (PQntuples(r) > 0) {
        *pGen = (long)pg_int(r, 0, 0);
        *pzBody = pg_dup(r, 0, 1);
    }
    PQclear(r);
    return 0;
}

int
pg_kept_put(Store *s, const char *zName, long gen, const char *zBody,
            AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zName);
    pg_arg_int(&a, 2, gen);
    pg_arg_text(&a, 3, zBody);
    return PG_RUN(S,
                  "INSERT INTO kept(name, gen, body) VALUES($1, $2, $3)"
                  " ON CONFLICT(name) DO UPDATE SET gen = excluded.gen,"
                  " body = excluded.body WHERE excluded.gen >= kept.gen",
                  &a, err, "keeping a report ready");
}

/* ---- one case, for its page ------------------------------------------------ */

static char *
pg_dup_or_null(const PGresult *r, int row, int col)
{
    const char *z = pg_text(r, row, col);
    return *z ? xstrdup(z) : NULL;
}

static int
pg_case_id(PgStore *S, const char *zOrg, const char *zCaseNo, long long *pId,
           AppErr *err)
{
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zCaseNo);
    pg_arg_text(&a, 2, zOrg);
    if (pg_lookup_id(S,
                     PG_QUERY(S,
                              "SELECT id FROM complaint_case"
                              " WHERE case_no = $1 AND assisting_org = $2",
                              &a, err, "looking up a case"),
                     pId)) {
        return -1;
    }
    if (*pId < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no case '%s'", zCaseNo);
    }
    return 0;
}

int
pg_case_orgs(Store *s, const char *zCaseNo, char ***pazOrg, size_t *pn,
             AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zCaseNo);
    PGresult *r = PG_QUERY(S,
                           "SELECT assisting_org FROM complaint_case"
                           " WHERE case_no = $1 ORDER BY assisting_org",
                           &a, err, "looking up a case");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *pazOrg = n ? xcalloc(n, sizeof **pazOrg) : NULL;
    for (size_t i = 0; i < n; i++) {
        (*pazOrg)[i] = pg_dup(r, (int)i, 0);
    }
    *pn = n;
    PQclear(r);
    return 0;
}

int
pg_case_get(Store *s, const char *zOrg, const char *zCaseNo, CaseFile *f,
            CasePerson *who, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    memset(f, 0, sizeof *f);
    if (who) {
        memset(who, 0, sizeof *who);
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zCaseNo);
    pg_arg_text(&a, 2, zOrg);
    PGresult *r = PG_QUERY(S,
                           "SELECT c.id, " PG_CASE_COLS ", c.version,"
                           " p.name, p.phone, p.id_document"
                           " FROM complaint_case c"
                           " LEFT JOIN case_person p ON p.case_id = c.id"
                           " WHERE c.case_no = $1 AND c.assisting_org = $2",
                           &a, err, "reading a case");
    if (!r) {
        return -1;
    }
    if (PQntuples(r) == 0) {
        PQclear(r);
        return apperr_set(err, APPERR_NOTFOUND, "no case '%s'", zCaseNo);
    }
    Case *c = &f->c;
    long long id = pg_int(r, 0, 0);
    c->zCaseNo = pg_dup(r, 0, 1);
    pg_fixed(r, 0, 2, c->zLodged, sizeof c->zLodged);
    pg_fixed(r, 0, 3, c->zResolved, sizeof c->zResolved);
    (void)case_channel_parse(pg_text(r, 0, 4), &c->eChannel);
    c->zAssistingOrg = pg_dup_or_null(r, 0, 5);
    c->zProvince = pg_dup(r, 0, 6);
    (void)case_sex_parse(pg_text(r, 0, 7), &c->eSex);
    c->zAgeBand = pg_dup(r, 0, 8);
    (void)case_legal_parse(pg_text(r, 0, 9), &c->eLegal);
    c->zDestination = pg_dup(r, 0, 10);
    c->zSector = pg_dup(r, 0, 11);
    c->zAgency = pg_dup(r, 0, 12);
    c->types = (unsigned)pg_int(r, 0, 13);
    (void)case_stage_parse(pg_text(r, 0, 14), &c->eStage);
    c->zOutcome = pg_dup(r, 0, 15);
    (void)case_satisfied_parse(pg_text(r, 0, 16), &c->eSatisfied);
    pg_fixed(r, 0, 17, c->zCurrency, sizeof c->zCurrency);
    c->requested = pg_int(r, 0, 18);
    c->ordered = pg_int(r, 0, 19);
    c->paid = pg_int(r, 0, 20);
    f->iVersion = (int)pg_int(r, 0, 21);
    if (who) {
        who->zName = pg_dup(r, 0, 22);
        who->zPhone = pg_dup(r, 0, 23);
        who->zIdDocument = pg_dup(r, 0, 24);
    }
    PQclear(r);
    PgArgs b = { 0 };
    pg_arg_int(&b, 1, id);
    r = PG_QUERY(S,
                 "SELECT stage, on_date, note, actor FROM case_event"
                 " WHERE case_id = $1 ORDER BY on_date, id",
                 &b, err, "reading a case's timeline");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    f->aEvent = n ? xcalloc(n, sizeof *f->aEvent) : NULL;
    for (size_t i = 0; i < n; i++) {
        CaseEvent *e = &f->aEvent[i];
        (void)case_stage_parse(pg_text(r, (int)i, 0), &e->eStage);
        pg_fixed(r, (int)i, 1, e->zOn, sizeof e->zOn);
        e->zNote = pg_dup(r, (int)i, 2);
        e->zActor = pg_dup(r, (int)i, 3);
    }
    f->nEvent = n;
    PQclear(r);
    r = PG_QUERY(S,
                 "SELECT paid_on, amount, actor FROM case_payment"
                 " WHERE case_id = $1 ORDER BY paid_on, id",
                 &b, err, "reading payments");
    if (!r) {
        return -1;
    }
    n = (size_t)PQntuples(r);
    f->aPayment = n ? xcalloc(n, sizeof *f->aPayment) : NULL;
    for (size_t i = 0; i < n; i++) {
        CasePayment *p = &f->aPayment[i];
        pg_fixed(r, (int)i, 0, p->zOn, sizeof p->zOn);
        p->amount = pg_int(r, (int)i, 1);
        p->zActor = pg_dup(r, (int)i, 2);
    }
    f->nPayment = n;
    PQclear(r);
    return 0;
}

int
pg_case_event_add(Store *s, const char *zOrg, const char *zCaseNo,
                  const CaseEvent *e, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    long long id;
    if (pg_case_id(S, zOrg, zCaseNo, &id, err)) {
        return -1;
    }
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, id);
    pg_arg_text(&a, 2, case_stage_name(e->eStage));
    pg_arg_text(&a, 3, e->zOn);
    pg_arg_text(&a, 4, e->zNote ? e->zNote : "");
    pg_arg_text(&a, 5, S->base.zActor);
    return PG_RUN(S,
                  "INSERT INTO case_event(case_id, stage, on_date, note, actor)"
                  " VALUES($1, $2, $3::date, $4, $5)",
                  &a, err, "recording a stage");
}

int
pg_case_payment_add(Store *s, const char *zOrg, const char *zCaseNo,
                    const CasePayment *p, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    long long id;
    if (pg_case_id(S, zOrg, zCaseNo, &id, err)) {
        return -1;
    }
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, id);
    pg_arg_text(&a, 2, p->zOn);
    pg_arg_int(&a, 3, p->amount);
    pg_arg_text(&a, 4, S->base.zActor);
    if (PG_RUN(S,
               "INSERT INTO case_payment(case_id, paid_on, amount, actor)"
               " VALUES($1, $2::date, $3, $4)",
               &a, err, "recording a payment")) {
        return -1;
    }
    PgArgs b = { 0 };
    pg_arg_int(&b, 1, id);
    pg_arg_int(&b, 2, p->amount);
    return PG_RUN(S,
                  "UPDATE complaint_case SET paid = paid + $2,"
                  " version = version + 1 WHERE id = $1",
                  &b, err, "updating the amount paid");
}
