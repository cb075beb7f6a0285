/*
** store_pg_copy.c — bulk writes in PostgreSQL: rows held back and sent
** with COPY ... FROM STDIN instead of one INSERT round trip each.
**
** Two kinds of row are held back, inside a write transaction only:
**
** - Cases (store_case_put()).  A case import puts up to ten million; one
**   upsert each was as many round trips.  The puts of a batch are kept
**   (their fields, for the reasons below); once PG_COPY_MIN are kept a
**   COPY into complaint_case is opened and every further put is streamed
**   into it as it comes, in libpq's nonblocking mode, so the server
**   inserts while lmpmon parses the next lines.  At PG_COPY_BATCH rows,
**   or when anything else is about to run on the connection, the COPY is
**   ended and its result read.
**
**   A COPY only inserts, so it runs under a savepoint on the guess that
**   every case of the batch is new.  When one is not (stored before, or
**   twice in the batch: unique_violation), the batch is rolled back to
**   the savepoint and written again the slow way: one query finds which of
**   its case numbers exist, the new ones go through COPY, the others
**   through the one-row upsert in the order they were put, so the later
**   of two puts of a case wins, as in SQLite.  Ids are the identity's,
**   handed out in the COPY's order, which is the order of the puts (the
**   order of the file), as SQLite's are.  Personal details follow their
**   cases in a second COPY once the cases' ids are known.  A batch too
**   small for a COPY (a case officer's one case) is upserted row by row,
**   as before.
**
**   Into an empty register (a first import, the million-case case) the
**   index on (assisting_org, id) is dropped when the first COPY opens and
**   made again over all the rows before COMMIT: one sort instead of a
**   million index insertions.  PostgreSQL's DDL is transactional, so an
**   import that fails or is rolled back leaves the index as it was.  The
**   drop locks the table until COMMIT, which only readers of an empty
**   register notice.  The unique key stays: it is what finds a case put
**   twice.
**
** - Audit rows (xAuditAdd, called by every put).  A plan import writes
**   several per assessment.  They are kept as COPY text and sent when
**   something reads the audit trail (pg_audit_flush() before those
**   queries), when they pass PG_AUDIT_HOLD_BYTES, and at commit.  Ids are
**   handed out at the COPY, in the order the rows were added, still
**   inside the writer's transaction: commit order holds.
**
** Held-back cases are sent before any other query on the connection
** (pg_query() calls pg_copy_flush_cases()): a case officer's next step
** reads the case just put.  Everything is sent before COMMIT; a rollback
** drops it.  So a failure may surface in a later call or in
** store_commit() rather than in the put that caused it — never as a
** partial commit.
*/
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Rows a batch must hold before a COPY pays for its extra round trips
** (savepoint, COPY, result, release); rows per COPY, so a batch written
** again the slow way is bounded and the savepoints of a ten-million-case
** import stay few. */
#define PG_COPY_MIN   64
#define PG_COPY_BATCH 50000

/* Audit text held back before it is sent anyway. */
#define PG_AUDIT_HOLD_BYTES (8u << 20) /* MiB */

/* A case's fields as the upsert and the COPY take them, in this order. */
#define PG_CASE_NFIELD   20
#define PG_PERSON_NFIELD 3

static const char zCaseCopy[] =
    "COPY complaint_case(case_no, lodged_on, resolved_on, channel,"
    " assisting_org, province, sex, age_band, legal_status, destination,"
    " sector, agency, types, stage, outcome, satisfied, currency, requested,"
    " ordered, paid) FROM STDIN";
static const char zPersonCopy[] =
    "COPY case_person(case_id, name, phone, id_document) FROM STDIN";
static const char zAuditCopy[] =
    "COPY audit(at, actor, action, entity, key, field, old, new) FROM STDIN";

struct PgCopy {
    Buf arena;               /* fields of the batch's rows, NUL-ended */
    size_t *aiRow;           /* offset of each row's first field */
    unsigned char *abPerson; /* the row carries personal details */
    size_t nRow, nAlloc;
    int bCopying;   /* a COPY of the batch was started, its result unread */
    int bStreaming; /* ... and takes rows (the server did not end it) */
    int bBulk;      /* a batch was copied in this transaction: open at once */
    int bFlushing;  /* inside a flush: pg_query() must not flush again */
    int bIndexOff;  /* complaint_case_org dropped: make it before COMMIT */
    Buf line;       /* scratch: one row as COPY text */
    Buf audit;      /* audit rows held back, as COPY text */
};

/* ---- COPY text ------------------------------------------------------------ */

void
pg_copy_field(Buf *b, const char *z, int bFirst)
{
    if (!bFirst) {
        buf_putc(b, '\t');
    }
    if (!z) {
        buf_append(b, "\\N", 2);
        return;
    }
    const char *p = z;
    for (;;) {
        size_t n = strcspn(p, "\\\t\n\r");
        buf_append(b, p, n);
        p += n;
        if (!*p) {
            break;
        }
        buf_putc(b, '\\');
        buf_putc(b, (char)(*p == '\t'   ? 't'
                           : *p == '\n' ? 'n'
                           : *p == '\r' ? 'r'
                                        : '\\'));
        p++;
    }
}

/* Append z to a PostgreSQL array literal being built in b. */
static void
pg_array_item(Buf *b, const char *z)
{
    buf_putc(b, b->n ? ',' : '{');
    buf_putc(b, '"');
    for (const char *p = z; *p; p++) {
        if (*p == '"' || *p == '\\') {
            buf_putc(b, '\\');
        }
        buf_putc(b, *p);
    }
    buf_putc(b, '"');
}

/* Read the results of a COPY that was ended (or failed): 0, or -1 with
** err filled, *pbUnique set when it failed on a unique key and *piLine
** the line of the COPY's data it failed at (from the error's context;
** 0 when unknown). */
static int
pg_copy_result(PgStore *S, int *pbUnique, long *piLine, AppErr *err,
               const char *zWhat)
{
    int rc = 0;
    PGresult *r;
    *pbUnique = 0;
    *piLine = 0;
    while ((r = PQgetResult(S->db)) != NULL) {
        ExecStatusType e = PQresultStatus(r);
        if (e == PGRES_COPY_IN) {
            /* Still in COPY: the end was not sent (a failure). */
            (void)PQputCopyEnd(S->db, "lmpmon gave up");
        } else if (e != PGRES_COMMAND_OK && rc == 0) {
            *pbUnique = strcmp(pg_state(r), "23505") == 0;
            const char *zCtx = PQresultErrorField(r, PG_DIAG_CONTEXT);
            const char *zLine = zCtx ? strstr(zCtx, ", line ") : NULL;
            if (zLine) {
                *piLine = strtol(zLine + 7, NULL, 10);
            }
            rc = pg_fail(S, r, err, zWhat);
        }
        PQclear(r);
    }
    if (rc == 0 && PQstatus(S->db) == CONNECTION_BAD) {
        rc = pg_fail(S, NULL, err, zWhat);
    }
    return rc;
}

/* Start zCopy (a COPY ... FROM STDIN literal); 0 when the server waits
** for its rows. */
static int
pg_copy_begin(PgStore *S, const char *zCopy, AppErr *err, const char *zWhat)
{
    if (pg_pipe_drain(S, err)) {
        return -1;
    }
    PGresult *r = PQexec(S->db, zCopy);
    if (PQresultStatus(r) == PGRES_COPY_IN) {
        PQclear(r);
        return 0;
    }
    pg_fail(S, r, err, zWhat);
    PQclear(r);
    return -1;
}

/* Send b's rows through zCopy and wait for the result (blocking). */
static int
pg_copy_send(PgStore *S, const char *zCopy, const Buf *b, int *pbUnique,
             AppErr *err, const char *zWhat)
{
    *pbUnique = 0;
    if (pg_copy_begin(S, zCopy, err, zWhat)) {
        return -1;
    }
    /* A failed send leaves the COPY to pg_copy_result(), which reads why. */
    size_t i = 0;
    while (i < b->n) {
        size_t n = b->n - i < (1u << 20) ? b->n - i : (1u << 20);
        if (PQputCopyData(S->db, b->z + i, (int)n) != 1) {
            break;
        }
        i += n;
    }
    if (i == b->n) {
        (void)PQputCopyEnd(S->db, NULL);
    }
    long iLine;
    return pg_copy_result(S, pbUnique, &iLine, err, zWhat);
}

/* ---- the batch of cases ----------------------------------------------------- */

static PgCopy *
pg_copy_of(PgStore *S)
{
    if (!S->pCopy) {
        S->pCopy = xcalloc(1, sizeof *S->pCopy);
        buf_init(&S->pCopy->arena, 0);
        buf_init(&S->pCopy->line, 0);
        buf_init(&S->pCopy->audit, 0);
    }
    return S->pCopy;
}

/* Field k of row i of the batch. */
static const char *
pg_row_field(const PgCopy *C, size_t i, int k)
{
    const char *z = C->arena.z + C->aiRow[i];
    while (k-- > 0) {
        z += strlen(z) + 1;
    }
    return z;
}

/* A case's key (its assisting organisation and number; field 4 and 0) as
** one string into b, the organisation's length first so that no pair of
** texts makes another's key. */
static const char *
pg_row_key(const PgCopy *C, size_t i, Buf *b)
{
    const char *zOrg = pg_row_field(C, i, 4);
    buf_reset(b);
    buf_printf(b, "%zu:%s%s", strlen(zOrg), zOrg, pg_row_field(C, i, 0));
    return buf_str(b);
}

/* The same from a result's case number (column 0) and organisation (1). */
static const char *
pg_res_key(const PGresult *r, int row, Buf *b)
{
    const char *zOrg = pg_text(r, row, 1);
    buf_reset(b);
    buf_printf(b, "%zu:%s%s", strlen(zOrg), zOrg, pg_text(r, row, 0));
    return buf_str(b);
}

/* Arrays of the batch's case numbers and organisations (rows in abOnly
** when given, and with personal details when bPerson) as PostgreSQL array
** literals; the number of rows in them. */
static size_t
pg_batch_keys(const PgCopy *C, const unsigned char *abOnly, int bPerson,
              Buf *pNo, Buf *pOrg)
{
    size_t n = 0;
    for (size_t i = 0; i < C->nRow; i++) {
        if ((!bPerson || C->abPerson[i]) && (!abOnly || abOnly[i])) {
            pg_array_item(pNo, pg_row_field(C, i, 0));
            pg_array_item(pOrg, pg_row_field(C, i, 4));
            n++;
        }
    }
    buf_putc(pNo, '}');
    buf_putc(pOrg, '}');
    return n;
}

/* The cases of the batch that exist, by the keys of pg_batch_keys(): case
** number, organisation, id. */
static PGresult *
pg_batch_find(PgStore *S, Buf *pNo, Buf *pOrg, AppErr *err, const char *zWhat)
{
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, buf_str(pNo));
    pg_arg_text(&a, 2, buf_str(pOrg));
    PGresult *r = PG_QUERY(S,
                           "SELECT c.case_no, c.assisting_org, c.id"
                           " FROM complaint_case c JOIN"
                           " unnest($1::text[], $2::text[]) AS k(no, org)"
                           " ON c.case_no = k.no AND c.assisting_org = k.org",
                           &a, err, zWhat);
    buf_release(pNo);
    buf_release(pOrg);
    return r;
}

/* The fields of row i (and its personal details, or NULL) as arrays. */
static void
pg_row_fields(const PgCopy *C, size_t i, const char **az, const char **pazWho)
{
    const char *z = C->arena.z + C->aiRow[i];
    for (int k = 0; k < PG_CASE_NFIELD + PG_PERSON_NFIELD; k++) {
        if (k < PG_CASE_NFIELD) {
            az[k] = z;
        } else if (pazWho) {
            pazWho[k - PG_CASE_NFIELD] = z;
        }
        z += strlen(z) + 1;
    }
}

/* Row i as a line of COPY text into C->line (resolved "" is NULL). */
static void
pg_row_copy_line(PgCopy *C, size_t i)
{
    const char *az[PG_CASE_NFIELD];
    pg_row_fields(C, i, az, NULL);
    buf_reset(&C->line);
    for (int k = 0; k < PG_CASE_NFIELD; k++) {
        pg_copy_field(&C->line, k == 2 && !*az[k] ? NULL : az[k], k == 0);
    }
    buf_putc(&C->line, '\n');
}

/* Stream row i into the open COPY.  A refusal (the server ended the COPY
** with an error) closes the stream; the batch's result then says why. */
static void
pg_row_stream(PgStore *S, PgCopy *C, size_t i)
{
    pg_row_copy_line(C, i);
    int r = PQputCopyData(S->db, C->line.z, (int)C->line.n);
    if (r == 0) { /* nonblocking and libpq's buffer full: wait this once */
        (void)PQsetnonblocking(S->db, 0);
        r = PQputCopyData(S->db, C->line.z, (int)C->line.n);
        (void)PQsetnonblocking(S->db, 1);
    }
    if (r != 1) {
        C->bStreaming = 0; /* ended by the server: the result says why */
        return;
    }
    if ((i & 255u) == 0) {
        (void)PQflush(S->db); /* nonblocking: what the socket takes now */
    }
}

static int
pg_exec_savepoint(PgStore *S, const char *zSql, AppErr *err)
{
    if (pg_pipe_drain(S, err)) {
        return -1;
    }
    PGresult *r = PQexec(S->db, zSql);
    int bOk = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!bOk) {
        pg_fail(S, r, err, "writing cases");
    }
    PQclear(r);
    return bOk ? 0 : -1;
}

/* The index of lists by organisation (schema_pg.c, migration 11), made
** again after a bulk load into an empty register. */
static const char zCaseOrgIndex[] =
    "CREATE INDEX IF NOT EXISTS complaint_case_org"
    " ON complaint_case(assisting_org, id)";

/* Before the transaction's first COPY of cases: when the register is
** empty, drop the index by organisation (pg_copy_flush() makes it again).
** Outside the batch's savepoint, so a batch written again the slow way
** does not bring it back. */
static int
pg_copy_index_off(PgStore *S, PgCopy *C, AppErr *err)
{
    if (pg_pipe_drain(S, err)) {
        return -1;
    }
    PGresult *r = PQexec(S->db, "SELECT NOT EXISTS"
                                " (SELECT 1 FROM complaint_case)");
    int bOk = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    int bEmpty = bOk && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    if (!bOk) {
        pg_fail(S, r, err, "writing cases");
    }
    PQclear(r);
    if (!bOk) {
        return -1;
    }
    if (!bEmpty) {
        return 0;
    }
    r = PQexec(S->db, "DROP INDEX IF EXISTS complaint_case_org");
    bOk = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!bOk) {
        pg_fail(S, r, err, "writing cases");
    }
    PQclear(r);
    C->bIndexOff = bOk;
    return bOk ? 0 : -1;
}

/* Make the index pg_copy_index_off() dropped. */
static int
pg_copy_index_on(PgStore *S, PgCopy *C, AppErr *err)
{
    if (!C->bIndexOff) {
        return 0;
    }
    if (pg_pipe_drain(S, err)) {
        return -1;
    }
    PGresult *r = PQexec(S->db, zCaseOrgIndex);
    int bOk = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!bOk) {
        pg_fail(S, r, err, "indexing the cases");
    }
    PQclear(r);
    C->bIndexOff = 0;
    return bOk ? 0 : -1;
}

/* Open the batch's COPY under a savepoint and stream the rows kept so
** far. */
static int
pg_copy_batch_open(PgStore *S, PgCopy *C, AppErr *err)
{
    if ((!C->bBulk && pg_copy_index_off(S, C, err)) ||
        pg_exec_savepoint(S, "SAVEPOINT lmpmon_copy", err) ||
        pg_copy_begin(S, zCaseCopy, err, "writing cases")) {
        return -1;
    }
    C->bCopying = C->bStreaming = 1;
    C->bBulk = 1;
    (void)PQsetnonblocking(S->db, 1);
    for (size_t i = 0; i < C->nRow && C->bStreaming; i++) {
        pg_row_stream(S, C, i);
    }
    return 0;
}

/* The ids of the batch's rows that carry personal details (all or only
** those in abOnly), by case number, into ids. */
static int
pg_batch_ids(PgStore *S, PgCopy *C, const unsigned char *abOnly, StoreIds *ids,
             AppErr *err)
{
    Buf no = BUF_INIT, org = BUF_INIT;
    size_t n = pg_batch_keys(C, abOnly, 1, &no, &org);
    store_ids_start(ids);
    if (n == 0) {
        buf_release(&no);
        buf_release(&org);
        return 0;
    }
    PGresult *r = pg_batch_find(S, &no, &org, err, "writing personal details");
    if (!r) {
        return -1;
    }
    Buf key = BUF_INIT;
    for (int row = 0; row < PQntuples(r); row++) {
        store_ids_put(ids, 'c', 0, pg_res_key(r, row, &key), pg_int(r, row, 2));
    }
    buf_release(&key);
    PQclear(r);
    return 0;
}

/* COPY the personal details of the batch's rows (those in abOnly when
** given): their cases are new, so these are inserts. */
static int
pg_batch_people(PgStore *S, PgCopy *C, const unsigned char *abOnly, AppErr *err)
{
    StoreIds ids = STORE_IDS_INIT;
    if (pg_batch_ids(S, C, abOnly, &ids, err)) {
        store_ids_release(&ids);
        return -1;
    }
    Buf b = BUF_INIT, key = BUF_INIT;
    for (size_t i = 0; i < C->nRow; i++) {
        long long id;
        if (!C->abPerson[i] || (abOnly && !abOnly[i]) ||
            !store_ids_get(&ids, 'c', 0, pg_row_key(C, i, &key), &id)) {
            continue;
        }
        char zId[24];
        (void)snprintf(zId, sizeof zId, "%lld", id);
        pg_copy_field(&b, zId, 1);
        for (int k = 0; k < PG_PERSON_NFIELD; k++) {
            pg_copy_field(&b, pg_row_field(C, i, PG_CASE_NFIELD + k), 0);
        }
        buf_putc(&b, '\n');
    }
    store_ids_release(&ids);
    buf_release(&key);
    int bUnique = 0;
    int rc = b.n ? pg_copy_send(S, zPersonCopy, &b, &bUnique, err,
                                "writing personal details")
                 : 0;
    buf_release(&b);
    return rc;
}

/* Write the batch the slow way, after its COPY met a case that exists:
** find which exist, COPY the others, upsert the rest in order. */
static int
pg_batch_slow(PgStore *S, PgCopy *C, AppErr *err)
{
    Buf no = BUF_INIT, org = BUF_INIT;
    (void)pg_batch_keys(C, NULL, 0, &no, &org);
    PGresult *r = pg_batch_find(S, &no, &org, err, "writing cases");
    if (!r) {
        return -1;
    }
    /* Seen: stored already, or put earlier in this batch. */
    StoreIds seen = STORE_IDS_INIT;
    store_ids_start(&seen);
    Buf key = BUF_INIT;
    for (int row = 0; row < PQntuples(r); row++) {
        store_ids_put(&seen, 'c', 0, pg_res_key(r, row, &key), 1);
    }
    PQclear(r);
    unsigned char *abNew = xcalloc(C->nRow ? C->nRow : 1, 1);
    Buf b = BUF_INIT;
    long long one;
    for (size_t i = 0; i < C->nRow; i++) {
        const char *zNo = pg_row_key(C, i, &key);
        if (!store_ids_get(&seen, 'c', 0, zNo, &one)) {
            abNew[i] = 1;
            store_ids_put(&seen, 'c', 0, zNo, 1);
            pg_row_copy_line(C, i);
            buf_append(&b, C->line.z, C->line.n);
        }
    }
    store_ids_release(&seen);
    buf_release(&key);
    int bUnique = 0;
    int rc =
        b.n ? pg_copy_send(S, zCaseCopy, &b, &bUnique, err, "writing cases")
            : 0;
    buf_release(&b);
    if (rc == 0) {
        rc = pg_batch_people(S, C, abNew, err);
    }
    for (size_t i = 0; i < C->nRow && rc == 0; i++) {
        if (!abNew[i]) {
            const char *az[PG_CASE_NFIELD], *azWho[PG_PERSON_NFIELD];
            pg_row_fields(C, i, az, azWho);
            rc = pg_case_upsert(S, az, C->abPerson[i] ? azWho : NULL, err);
        }
    }
    free(abNew);
    return rc;
}

static void
pg_batch_clear(PgCopy *C)
{
    buf_reset(&C->arena);
    C->nRow = 0;
}

/* Write the batch: end its COPY and read the result (on a unique key,
** roll back to the savepoint and write it the slow way), or upsert a
** small one row by row. */
static int
pg_copy_batch_end(PgStore *S, PgCopy *C, AppErr *err)
{
    int rc = 0;
    if (C->nRow == 0) {
        return 0;
    }
    if (!C->bCopying) {
        for (size_t i = 0; i < C->nRow && rc == 0; i++) {
            const char *az[PG_CASE_NFIELD], *azWho[PG_PERSON_NFIELD];
            pg_row_fields(C, i, az, azWho);
            rc = pg_case_upsert(S, az, C->abPerson[i] ? azWho : NULL, err);
        }
        pg_batch_clear(C);
        return rc;
    }
    /* Back to blocking: the rest of the stream goes out, then its end. */
    (void)PQsetnonblocking(S->db, 0);
    if (C->bStreaming) {
        (void)PQputCopyEnd(S->db, NULL);
    }
    C->bCopying = C->bStreaming = 0;
    int bUnique = 0;
    long iLine = 0;
    AppErr tmp = APPERR_INIT;
    rc = pg_copy_result(S, &bUnique, &iLine, &tmp, "writing cases");
    if (rc && bUnique) {
        rc = pg_exec_savepoint(S, "ROLLBACK TO SAVEPOINT lmpmon_copy", err) ||
             pg_batch_slow(S, C, err);
    } else if (rc) {
        /* Line k of the COPY is the batch's row k - 1: name its case. */
        *err = tmp;
        if (iLine >= 1 && (size_t)iLine <= C->nRow) {
            apperr_prefix(err, "case '%s'",
                          pg_row_field(C, (size_t)iLine - 1, 0));
        }
    } else {
        rc = pg_batch_people(S, C, NULL, err);
    }
    if (rc == 0) {
        rc = pg_exec_savepoint(S, "RELEASE SAVEPOINT lmpmon_copy", err);
    }
    pg_batch_clear(C);
    return rc;
}

int
pg_copy_case_put(PgStore *S, const char *const *az, const char *const *azWho,
                 AppErr *err)
{
    PgCopy *C = pg_copy_of(S);
    xgrow((void **)&C->aiRow, &C->nAlloc, C->nRow, sizeof *C->aiRow);
    C->abPerson = xreallocarray(C->abPerson, C->nAlloc, 1);
    C->aiRow[C->nRow] = C->arena.n;
    C->abPerson[C->nRow] = azWho != NULL;
    for (int k = 0; k < PG_CASE_NFIELD + PG_PERSON_NFIELD; k++) {
        const char *z = k < PG_CASE_NFIELD ? az[k]
                        : azWho            ? azWho[k - PG_CASE_NFIELD]
                                           : "";
        buf_append(&C->arena, z, strlen(z) + 1);
    }
    if (buf_failed(&C->arena)) {
        return apperr_set(err, APPERR_INTERNAL, "a batch of cases is too big");
    }
    size_t i = C->nRow++;
    int rc = 0;
    C->bFlushing = 1;
    if (C->bStreaming) {
        pg_row_stream(S, C, i);
    } else if (C->nRow >= PG_COPY_MIN || C->bBulk) {
        rc = pg_copy_batch_open(S, C, err);
    }
    /* A full batch, or a COPY the server ended early: write it now. */
    if (rc == 0 &&
        (C->nRow >= PG_COPY_BATCH || (C->bCopying && !C->bStreaming))) {
        rc = pg_copy_batch_end(S, C, err);
    }
    C->bFlushing = 0;
    return rc;
}

int
pg_copy_flush_cases(PgStore *S, AppErr *err)
{
    PgCopy *C = S->pCopy;
    if (!C || C->bFlushing || C->nRow == 0) {
        return 0;
    }
    C->bFlushing = 1;
    int rc = pg_copy_batch_end(S, C, err);
    C->bFlushing = 0;
    return rc;
}

/* ---- audit rows ------------------------------------------------------------ */

int
pg_copy_audit_add(PgStore *S, const char *const *az, AppErr *err)
{
    PgCopy *C = pg_copy_of(S);
    for (int k = 0; k < 8; k++) {
        pg_copy_field(&C->audit, az[k], k == 0);
    }
    buf_putc(&C->audit, '\n');
    if (buf_failed(&C->audit)) {
        return apperr_set(err, APPERR_INTERNAL,
                          "audit rows held back "
                          "are too big");
    }
    return C->audit.n >= PG_AUDIT_HOLD_BYTES ? pg_audit_flush(S, err) : 0;
}

int
pg_audit_flush(PgStore *S, AppErr *err)
{
    PgCopy *C = S->pCopy;
    if (!C || C->audit.n == 0) {
        return 0;
    }
    if (pg_copy_flush_cases(S, err)) {
        return -1;
    }
    int bUnique = 0;
    int rc = pg_copy_send(S, zAuditCopy, &C->audit, &bUnique, err,
                          "writing the audit trail");
    buf_reset(&C->audit);
    return rc;
}

/* ---- the transaction's end -------------------------------------------------- */

int
pg_copy_flush(PgStore *S, AppErr *err)
{
    return pg_copy_flush_cases(S, err) || pg_audit_flush(S, err) ||
           (S->pCopy && pg_copy_index_on(S, S->pCopy, err));
}

void
pg_copy_discard(PgStore *S)
{
    if (S->bTableCopy) { /* a copied table's COPY (store_pg_tables.c) */
        S->bTableCopy = 0;
        (void)PQputCopyEnd(S->db, "rolled back");
        PGresult *r;
        while ((r = PQgetResult(S->db)) != NULL) {
            PQclear(r);
        }
    }
    PgCopy *C = S->pCopy;
    if (!C) {
        return;
    }
    if (C->bCopying) {
        (void)PQsetnonblocking(S->db, 0);
        if (C->bStreaming) {
            (void)PQputCopyEnd(S->db, "rolled back");
        }
        PGresult *r;
        while ((r = PQgetResult(S->db)) != NULL) {
            if (PQresultStatus(r) == PGRES_COPY_IN) {
                (void)PQputCopyEnd(S->db, "rolled back");
            }
            PQclear(r);
        }
        C->bCopying = C->bStreaming = 0;
    }
    pg_batch_clear(C);
    buf_reset(&C->audit);
    C->bBulk = 0;
    C->bIndexOff = 0; /* dropped in the transaction: back with its rollback */
}

void
pg_copy_free(PgStore *S)
{
    PgCopy *C = S->pCopy;
    if (!C) {
        return;
    }
    buf_release(&C->arena);
    buf_release(&C->line);
    buf_release(&C->audit);
    free(C->aiRow);
    free(C->abPerson);
    free(C);
    S->pCopy = NULL;
}
