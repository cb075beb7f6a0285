/*
** store_pg.c — the Store interface on a PostgreSQL database (libpq).
**
** Selected by a database name that starts "postgresql://" or
** "postgres://" (store_open()).  Connection settings come from the URL and
** libpq's environment (PGHOST, PGPASSFILE, PGSSLMODE, ...); the password
** never reaches a message: the database is named by user, host, port and
** name only (PgStore.zName), and the engine's text goes to the detail.
**
** Transactions.  PostgreSQL runs at READ COMMITTED, where a row read at
** the start of a transaction may be changed by another one before we
** write.  The versioned UPDATEs carry their guard in the WHERE and an
** INSERT that meets a unique key does nothing (ON CONFLICT DO NOTHING),
** so a lost race is always APPERR_CONFLICT.  Version guards are not
** enough, though: a use case checks rules on what it read (a round's
** state, who may write), an import merges against the committed state it
** read, and the audit trail's ids order the database's states
** (store_data_version(), an export's revision), which holds only if they
** are handed out in commit order.  So a write transaction begins by taking
** one transaction-level advisory lock (PG_WRITER_LOCK): writers take turns
** exactly as under SQLite's BEGIN IMMEDIATE, waiting at most the busy
** timeout (lock_timeout) and then failing with APPERR_BUSY that names the
** holder; readers (REPEATABLE READ READ ONLY snapshots) never wait.  The
** lock is the database's, so it holds across every server process.
**
** Statements are prepared once per connection, keyed by the address of
** their SQL literal (as in the SQLite backend); parameters and results
** are text.
*/
#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "store_pg.h"
#include "store_pg_int.h"
#include "schema_pg.h"
#include "../base/base.h"
#include "../core/gazetteer.h"
#include "../base/banned.h"

/* How often a statement outside a transaction is tried again after a
** serialization failure or a deadlock (inside one, the whole transaction
** must be, which only its caller can do: APPERR_BUSY). */
#define PG_RETRIES 3

/* ---- parameters and results -------------------------------------------- */

void
pg_arg_text(PgArgs *a, int i, const char *z)
{
    assert(i >= 1 && i <= PG_NPARAM);
    a->az[i - 1] = z;
    if (i > a->n) {
        a->n = i;
    }
}

void
pg_arg_int(PgArgs *a, int i, long long v)
{
    assert(i >= 1 && i <= PG_NPARAM);
    (void)snprintf(a->aNum[i - 1], sizeof a->aNum[i - 1], "%lld", v);
    pg_arg_text(a, i, a->aNum[i - 1]);
}

char *
pg_dup(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : xstrdup(PQgetvalue(r, row, col));
}

long long
pg_int(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col)
               ? 0
               : strtoll(PQgetvalue(r, row, col), NULL, 10);
}

const char *
pg_text(const PGresult *r, int row, int col)
{
    return PQgetvalue(r, row, col); /* "" for NULL */
}

/* ---- failures ----------------------------------------------------------- */

/* The SQLSTATE of r ("" when there is none: a lost connection). */
const char *
pg_state(const PGresult *r)
{
    const char *z = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    return z ? z : "";
}

static int
pg_state_is(const char *zState, const char *zWant)
{
    return strcmp(zState, zWant) == 0;
}

/* The engine's words go to the detail (the log), never to the message:
** users get what they can act on, named by SQLSTATE. */
int
pg_fail(PgStore *S, const PGresult *r, AppErr *err, const char *zWhat)
{
    const char *zState = pg_state(r);
    if (!r || PQstatus(S->db) == CONNECTION_BAD ||
        (zState[0] == '0' && zState[1] == '8') ||
        pg_state_is(zState, "57P01") || pg_state_is(zState, "57P02") ||
        pg_state_is(zState, "57P03")) {
        apperr_set(err, APPERR_IO,
                   "lost the connection to the database "
                   "server while %s; nothing was changed: try again",
                   zWhat);
    } else if (pg_state_is(zState, "40001") || pg_state_is(zState, "40P01") ||
               pg_state_is(zState, "55P03") || pg_state_is(zState, "57014")) {
        apperr_set(err, APPERR_BUSY,
                   "the database is busy with another "
                   "change and did not free up within %.1f s while %s; "
                   "nothing was changed: try again in a moment",
                   S->msBusy / 1000.0, zWhat);
    } else if (pg_state_is(zState, "23505")) {
        apperr_set(err, APPERR_CONFLICT,
                   "someone else wrote the same thing "
                   "meanwhile (while %s); nothing was changed: try again",
                   zWhat);
    } else if (pg_state_is(zState, "53100")) {
        apperr_set(err, APPERR_IO,
                   "the database server's disk is full: "
                   "cannot finish %s; nothing was changed",
                   zWhat);
    } else if (pg_state_is(zState, "25006")) {
        apperr_set(err, APPERR_IO,
                   "the database is open read-only: cannot "
                   "finish %s; nothing was changed",
                   zWhat);
    } else if (pg_state_is(zState, "42501")) {
        apperr_set(err, APPERR_IO,
                   "the database server does not let user "
                   "'%s' do this (while %s); nothing was changed",
                   PQuser(S->db), zWhat);
    } else if (zState[0] == '2' && zState[1] == '2') {
        apperr_set(err, APPERR_INPUT,
                   "the database refused a value while "
                   "%s (a date or a number out of range?); nothing was "
                   "changed",
                   zWhat);
    } else {
        apperr_set(err, APPERR_DB,
                   "database error while %s; nothing was "
                   "changed (the details are in the log)",
                   zWhat);
    }
    const char *zEngine = r ? PQresultErrorMessage(r) : "";
    if (!zEngine || !*zEngine) {
        zEngine = PQerrorMessage(S->db);
    }
    return apperr_detail(err, "postgresql %s while %s: %s",
                         *zState ? zState : "-", zWhat, zEngine);
}

/* ---- the session -------------------------------------------------------- */

/* Notices ("table does not exist, skipping") are no one's business. */
static void
pg_notice_quiet(void *pArg, const char *zMsg)
{
    (void)pArg;
    (void)zMsg;
}

/* What every connection sets: dates as YYYY-MM-DD whatever the server's
** DateStyle, UTF-8, and how long a lock is waited for. */
static int
pg_session_setup(PgStore *S, AppErr *err)
{
    PGresult *r = PQexec(S->db, "SET DateStyle = ISO, YMD;"
                                " SET TimeZone = 'UTC';"
                                " SET client_encoding = 'UTF8';"
                                " SET IntervalStyle = postgres");
    int bOk = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!bOk) {
        pg_fail(S, r, err, "setting up the connection");
    }
    PQclear(r);
    return bOk ? 0 : -1;
}

/* lock_timeout 0 would wait for ever; SQLite's 0 fails at once. */
static int
pg_set_lock_timeout(PgStore *S, int ms, AppErr *err)
{
    char zMs[32];
    (void)snprintf(zMs, sizeof zMs, "%dms", ms > 0 ? ms : 1);
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zMs);
    return PG_RUN(S, "SELECT set_config('lock_timeout', $1, false)", &a, err,
                  "setting the busy timeout");
}

/* A connection the server dropped (a restart) is made again, between
** transactions only: what a transaction did is gone with it. */
static void
pg_reconnect(PgStore *S)
{
    if (S->bInTxn || PQstatus(S->db) != CONNECTION_BAD) {
        return;
    }
    PQreset(S->db);
    if (PQstatus(S->db) != CONNECTION_OK) {
        return;
    }
    memset(S->azPrepared, 0, sizeof S->azPrepared);
    AppErr ignored = APPERR_INIT;
    (void)pg_session_setup(S, &ignored);
    (void)pg_set_lock_timeout(S, S->msBusy, &ignored);
}

/* Whether a statement that failed outside a transaction failed because the
** connection was found lost (the server restarted, the connection was
** ended): then it is made again and the statement tried once more, so that
** each server thread's first request after it is not an error page.  In a
** transaction the outcome would be unknown: that fails. */
static int
pg_lost_outside_txn(PgStore *S)
{
    return !S->bInTxn && PQstatus(S->db) == CONNECTION_BAD;
}

static PGresult *pg_query_once(PgStore *S, const char *zSql, const PgArgs *args,
                               AppErr *err, const char *zWhat);

PGresult *
pg_query(PgStore *S, const char *zSql, const PgArgs *args, AppErr *err,
         const char *zWhat)
{
    static const PgArgs none = { { 0 }, { { 0 } }, 0 };
    if (!args) {
        args = &none;
    }
    /* Cases held back for COPY go first: this query may read them. */
    if (S->pCopy && pg_copy_flush_cases(S, err)) {
        return NULL;
    }
    AppErr first = APPERR_INIT;
    PGresult *r = pg_query_once(S, zSql, args, &first, zWhat);
    if (!r && pg_lost_outside_txn(S)) {
        return pg_query_once(S, zSql, args, err, zWhat);
    }
    if (!r) {
        *err = first;
    }
    return r;
}

/* The statement-cache slot of the literal zSql; with bPrepare prepared
** there now if it was not (outside pipeline mode).  -1 when it is not
** there (without bPrepare) or the cache is full (run it unprepared), -2
** with err filled when preparing failed. */
static int
pg_slot(PgStore *S, const char *zSql, int bPrepare, AppErr *err,
        const char *zWhat)
{
    size_t h = ((size_t)(uintptr_t)zSql >> 3) % PG_CACHE_SLOTS;
    for (size_t i = 0; i < PG_CACHE_SLOTS; i++) {
        size_t c = (h + i) % PG_CACHE_SLOTS;
        if (S->azPrepared[c] == zSql) {
            return (int)c;
        }
        if (!S->azPrepared[c]) {
            if (!bPrepare) {
                return -1;
            }
            char zName[16];
            (void)snprintf(zName, sizeof zName, "q%zu", c);
            PGresult *r = PQprepare(S->db, zName, zSql, 0, NULL);
            if (PQresultStatus(r) != PGRES_COMMAND_OK) {
                pg_fail(S, r, err, zWhat);
                PQclear(r);
                return -2;
            }
            PQclear(r);
            S->azPrepared[c] = zSql;
            return (int)c;
        }
    }
    return -1;
}

int
pg_defer(PgStore *S, const char *zSql, const PgArgs *args, AppErr *err,
         const char *zWhat)
{
    int k = pg_slot(S, zSql, 0, err, zWhat);
    if (k < 0) { /* prepared outside the pipeline, once */
        if (pg_pipe_drain(S, err)) {
            return -1;
        }
        pg_reconnect(S);
        k = pg_slot(S, zSql, 1, err, zWhat);
    }
    if (k == -2) {
        return -1;
    }
    if (k < 0) { /* the cache is full: one at a time */
        PGresult *r = pg_query(S, zSql, args, err, zWhat);
        int bOne = r && strcmp(PQcmdTuples(r), "1") == 0;
        PQclear(r);
        if (!r) {
            return -1;
        }
        return bOne ? 0
                    : apperr_set(err, APPERR_INTERNAL,
                                 "a new row existed while %s", zWhat);
    }
    if (PQpipelineStatus(S->db) == PQ_PIPELINE_OFF &&
        !PQenterPipelineMode(S->db)) {
        return pg_fail(S, NULL, err, zWhat);
    }
    char zName[16];
    (void)snprintf(zName, sizeof zName, "q%d", k);
    int bSent =
        PQsendQueryPrepared(S->db, zName, args->n, args->az, NULL, NULL, 0);
    S->anPipedRows[S->nPiped] = 1;
    S->azPipedWhat[S->nPiped++] = zWhat;
    if (!bSent) {
        AppErr ignored = APPERR_INIT;
        pg_fail(S, NULL, err, zWhat);
        (void)pg_pipe_drain(S, &ignored);
        return -1;
    }
    /* One place is kept for the rows gathered (pg_batch_send()). */
    return S->nPiped >= PG_PIPE_MAX - 1 ? pg_pipe_drain(S, err) : 0;
}

/* Send the rows gathered (one multi-row INSERT into the pipeline). */
static int
pg_batch_send(PgStore *S, AppErr *err)
{
    PgBatch *B = &S->batch;
    if (B->nRow == 0) {
        return 0;
    }
    assert(S->nPiped < PG_PIPE_MAX);
    Buf sql = BUF_INIT;
    buf_puts(&sql, B->zHead);
    for (int k = 0; k < B->nRow; k++) {
        /* The row's template, its $n moved past the rows before. */
        buf_puts(&sql, k ? ", " : " ");
        for (const char *p = B->zRow; *p; p++) {
            buf_putc(&sql, *p);
            if (*p == '$') {
                char *zEnd;
                long n = strtol(p + 1, &zEnd, 10);
                buf_printf(&sql, "%ld", n + (long)k * B->nCol);
                p = zEnd - 1;
            }
        }
    }
    const char **az = xcalloc((size_t)B->nRow * (size_t)B->nCol, sizeof *az);
    for (int i = 0; i < B->nRow * B->nCol; i++) {
        az[i] = B->aOff[i] == SIZE_MAX ? NULL : B->arena.z + B->aOff[i];
    }
    int rc = 0;
    if (PQpipelineStatus(S->db) == PQ_PIPELINE_OFF &&
        !PQenterPipelineMode(S->db)) {
        rc = pg_fail(S, NULL, err, B->zWhat);
    } else {
        int bSent = PQsendQueryParams(S->db, buf_str(&sql), B->nRow * B->nCol,
                                      NULL, az, NULL, NULL, 0);
        S->anPipedRows[S->nPiped] = B->nRow;
        S->azPipedWhat[S->nPiped++] = B->zWhat;
        if (!bSent) {
            rc = pg_fail(S, NULL, err, B->zWhat);
        }
    }
    free(az);
    buf_release(&sql);
    buf_reset(&B->arena);
    B->nRow = 0;
    B->zHead = NULL;
    return rc;
}

int
pg_defer_row(PgStore *S, const char *zHead, const char *zRow,
             const PgArgs *args, AppErr *err, const char *zWhat)
{
    PgBatch *B = &S->batch;
    if (B->nRow && (B->zHead != zHead || B->nRow == PG_BATCH_MAX) &&
        pg_batch_send(S, err)) {
        return -1;
    }
    if (S->nPiped >= PG_PIPE_MAX - 1 && pg_pipe_drain(S, err)) {
        return -1;
    }
    B->zHead = zHead;
    B->zRow = zRow;
    B->zWhat = zWhat;
    B->nCol = args->n;
    for (int i = 0; i < args->n; i++) {
        size_t *pOff = &B->aOff[B->nRow * B->nCol + i];
        if (args->az[i]) {
            *pOff = B->arena.n;
            buf_append(&B->arena, args->az[i], strlen(args->az[i]) + 1);
        } else {
            *pOff = SIZE_MAX;
        }
    }
    B->nRow++;
    return 0;
}

int
pg_pipe_drain(PgStore *S, AppErr *err)
{
    int rc = pg_batch_send(S, err);
    if (S->nPiped == 0 && PQpipelineStatus(S->db) == PQ_PIPELINE_OFF) {
        return rc;
    }
    if (!PQpipelineSync(S->db) && rc == 0) {
        rc = pg_fail(S, NULL, err, "writing");
    }
    for (int i = 0; i < S->nPiped; i++) {
        PGresult *r = PQgetResult(S->db);
        if (!r) {
            break; /* the connection is lost: PQstatus says so */
        }
        ExecStatusType e = PQresultStatus(r);
        if (rc == 0 && e != PGRES_COMMAND_OK) {
            rc = pg_fail(S, e == PGRES_PIPELINE_ABORTED ? NULL : r, err,
                         S->azPipedWhat[i]);
        } else if (rc == 0 &&
                   strtol(PQcmdTuples(r), NULL, 10) != S->anPipedRows[i]) {
            rc = apperr_set(err, APPERR_INTERNAL, "a new row existed while %s",
                            S->azPipedWhat[i]);
            apperr_detail(err, "postgresql: %s rows written of %d (%s)",
                          PQcmdTuples(r), S->anPipedRows[i], PQcmdStatus(r));
        }
        PQclear(r);
        while ((r = PQgetResult(S->db)) != NULL) { /* its end */
            PQclear(r);
        }
    }
    S->nPiped = 0;
    /* The sync's own result, then out of pipeline mode. */
    PGresult *r;
    while (PQpipelineStatus(S->db) != PQ_PIPELINE_OFF &&
           !PQexitPipelineMode(S->db) && (r = PQgetResult(S->db)) != NULL) {
        PQclear(r);
    }
    if (PQpipelineStatus(S->db) != PQ_PIPELINE_OFF && rc == 0) {
        rc = pg_fail(S, NULL, err, "writing");
    }
    return rc;
}

static PGresult *
pg_query_once(PgStore *S, const char *zSql, const PgArgs *args, AppErr *err,
              const char *zWhat)
{
    if (pg_pipe_drain(S, err)) {
        return NULL;
    }
    pg_reconnect(S);
    int k = pg_slot(S, zSql, 1, err, zWhat);
    if (k == -2) {
        return NULL;
    }
    for (int iTry = 0;; iTry++) {
        PGresult *r;
        if (k >= 0) {
            char zName[16];
            (void)snprintf(zName, sizeof zName, "q%d", k);
            r = PQexecPrepared(S->db, zName, args->n, args->az, NULL, NULL, 0);
        } else {
            r = PQexecParams(S->db, zSql, args->n, NULL, args->az, NULL, NULL,
                             0);
        }
        ExecStatusType e = PQresultStatus(r);
        if (e == PGRES_TUPLES_OK || e == PGRES_COMMAND_OK) {
            return r;
        }
        const char *zState = pg_state(r);
        if (!S->bInTxn && iTry < PG_RETRIES &&
            (pg_state_is(zState, "40001") || pg_state_is(zState, "40P01"))) {
            PQclear(r);
            struct timespec ts = { 0, 20000000L * (iTry + 1) };
            (void)nanosleep(&ts, NULL);
            continue;
        }
        pg_fail(S, r, err, zWhat);
        PQclear(r);
        return NULL;
    }
}

int
pg_run(PgStore *S, const char *zSql, const PgArgs *args, AppErr *err,
       const char *zWhat)
{
    PGresult *r = pg_query(S, zSql, args, err, zWhat);
    if (!r) {
        return -1;
    }
    PQclear(r);
    return 0;
}

int
pg_lookup_id(PgStore *S, PGresult *r, long long *pOut)
{
    (void)S;
    if (!r) {
        return -1;
    }
    *pOut = PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? pg_int(r, 0, 0) : -1;
    PQclear(r);
    return 0;
}

/* A command outside the statement cache (transaction control). */
static int
pg_exec_plain(PgStore *S, const char *zSql, AppErr *err, const char *zWhat)
{
    if (pg_pipe_drain(S, err)) {
        return -1;
    }
    PGresult *r = PQexec(S->db, zSql);
    if (PQresultStatus(r) == PGRES_FATAL_ERROR && pg_lost_outside_txn(S)) {
        PQclear(r); /* as in pg_query() */
        pg_reconnect(S);
        r = PQexec(S->db, zSql);
    }
    int bOk = PQresultStatus(r) == PGRES_COMMAND_OK ||
              PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!bOk) {
        pg_fail(S, r, err, zWhat);
    }
    PQclear(r);
    return bOk ? 0 : -1;
}

/* ---- transactions ------------------------------------------------------- */

/* Who holds the writer lock, when they said what they do (the writer's
** note travels as the connection's application_name, which other
** connections see in pg_stat_activity): "an import of 'a.csv' by sok
** (since 10:02:11)" into b; 0 if nobody said. */
static int
pg_writer_describe(PgStore *S, Buf *b)
{
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, PG_WRITER_LOCK);
    AppErr ignored = APPERR_INIT;
    PGresult *r = PG_QUERY(S,
                           "SELECT a.application_name,"
                           " extract(epoch FROM a.xact_start)::bigint"
                           " FROM pg_locks l JOIN pg_stat_activity a"
                           " ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                           " AND l.granted AND l.classid = 0"
                           " AND l.objid = $1::bigint::oid"
                           " AND l.database = (SELECT oid FROM pg_database"
                           "  WHERE datname = current_database())",
                           &a, &ignored, "looking for the writer");
    if (!r) {
        return 0;
    }
    int bFound = 0;
    if (PQntuples(r) > 0) {
        const char *zApp = pg_text(r, 0, 0);
        if (strncmp(zApp, "lmpmon: ", 8) == 0 && zApp[8]) {
            time_t since = (time_t)pg_int(r, 0, 1);
            struct tm tm;
            char zSince[32] = "";
            if (localtime_r(&since, &tm)) {
                (void)strftime(zSince, sizeof zSince, "%H:%M:%S", &tm);
            }
            buf_printf(b, "%s (since %s)", zApp + 8, zSince);
            bFound = 1;
        }
    }
    PQclear(r);
    return bFound;
}

/* Say what this connection's write transactions do, where other
** connections can read it (application_name: at most 63 bytes, ASCII; a
** longer note is cut). */
static void
pg_writer_note_show(PgStore *S)
{
    Buf b = BUF_INIT;
    if (S->zNote) {
        buf_printf(&b, "lmpmon: %s by %s", S->zNote, S->base.zActor);
    } else {
        buf_puts(&b, "lmpmon");
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, buf_str(&b));
    AppErr ignored = APPERR_INIT;
    (void)PG_RUN(S, "SELECT set_config('application_name', $1, false)", &a,
                 &ignored, "naming the connection");
    buf_release(&b);
}

static void
pg_set_writer_note(Store *s, const char *zWhat)
{
    PgStore *S = (PgStore *)s;
    free(S->zNote);
    S->zNote = zWhat ? xstrdup(zWhat) : NULL;
}

static void
pg_rollback(Store *s)
{
    PgStore *S = (PgStore *)s;
    AppErr ignored = APPERR_INIT;
    S->batch.nRow = 0; /* not sent: dropped */
    buf_reset(&S->batch.arena);
    pg_node_ids_forget(S);
    (void)pg_pipe_drain(S, &ignored); /* what was sent is rolled back */
    pg_copy_discard(S);
    if (S->bInTxn) {
        PGresult *r = PQexec(S->db, "ROLLBACK");
        PQclear(r);
        S->bInTxn = S->bWrite = 0;
    }
    store_ids_release(&S->ids);
}

static int
pg_begin(Store *s, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    assert(!S->bInTxn);
    pg_reconnect(S);
    if (S->zNote) {
        pg_writer_note_show(S);
    }
    if (pg_exec_plain(S, "BEGIN ISOLATION LEVEL READ COMMITTED", err,
                      "starting a transaction")) {
        return -1;
    }
    S->bInTxn = S->bWrite = 1;
    store_ids_start(&S->ids);
    /* Not through pg_query(): a busy lock is not a failure to report
    ** yet, and must not be retried. */
    char zKey[24];
    (void)snprintf(zKey, sizeof zKey, "%d", PG_WRITER_LOCK);
    const char *azArg[] = { zKey };
    PGresult *r =
        PQexecParams(S->db, "SELECT pg_advisory_xact_lock($1::bigint)", 1, NULL,
                     azArg, NULL, NULL, 0);
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
        PQclear(r);
        /* Identities are not transactional: the audit rows of a write
        ** rolled back (an import refused half-way, a conflict) used up
        ** their ids, and every revision after would differ from SQLite's,
        ** whose rowids follow the last committed row.  Holding the
        ** writer lock, nobody else is handing ids out: the next one
        ** follows the last committed row here too.  (Not while the
        ** schema is being created or migrated.) */
        if (S->bSchema &&
            PG_RUN(S,
                   "SELECT setval(pg_get_serial_sequence('audit', 'id'),"
                   " coalesce(max(id), 0) + 1, false) FROM audit",
                   NULL, err, "starting a transaction")) {
            pg_rollback(s);
            return -1;
        }
        return 0;
    }
    const char *zState = pg_state(r);
    int bBusy = pg_state_is(zState, "55P03") || pg_state_is(zState, "57014") ||
                pg_state_is(zState, "40P01");
    if (!bBusy) {
        pg_fail(S, r, err, "starting a transaction");
        PQclear(r);
        pg_rollback(s);
        return -1;
    }
    AppErr tmp = APPERR_INIT;
    pg_fail(S, r, &tmp, "starting a transaction");
    PQclear(r);
    pg_rollback(s);
    Buf who = BUF_INIT;
    if (pg_writer_describe(S, &who)) {
        apperr_set(err, APPERR_BUSY,
                   "the database is busy: %s holds it and "
                   "did not finish within %.1f s while starting a "
                   "transaction; nothing was changed: try again when it has "
                   "finished",
                   buf_str(&who), S->msBusy / 1000.0);
    } else {
        apperr_set(err, APPERR_BUSY,
                   "the database is busy with another "
                   "change (an import?) and did not free up within %.1f s "
                   "while starting a transaction; nothing was changed: try "
                   "again in a moment",
                   S->msBusy / 1000.0);
    }
    buf_release(&who);
    return apperr_detail(err, "%s", tmp.zDetail);
}

static int
pg_commit(Store *s, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    assert(S->bInTxn);
    if (pg_pipe_drain(S, err) || pg_node_ids_settle(S, err) ||
        pg_copy_flush(S, err)) {
        pg_rollback(s);
        return -1;
    }
    /* Servers watching (store_watch()) learn of the change when it is
    ** committed, and only then: a notification goes out at COMMIT.  In a
    ** transaction that failed earlier the NOTIFY fails and COMMIT is not
    ** run; otherwise a failed one answers COMMIT with ROLLBACK. */
    PGresult *r = PQexec(S->db, "NOTIFY " PG_CHANGE_CHANNEL "; COMMIT");
    int bOk = PQresultStatus(r) == PGRES_COMMAND_OK &&
              strcmp(PQcmdStatus(r), "COMMIT") == 0;
    if (!bOk) {
        if (PQresultStatus(r) == PGRES_COMMAND_OK) {
            apperr_set(err, APPERR_DB,
                       "database error while committing; "
                       "nothing was changed (the details are in the log)");
            apperr_detail(err, "postgresql: COMMIT of a failed transaction");
        } else {
            pg_fail(S, r, err, "committing");
        }
    }
    PQclear(r);
    if (!bOk) {
        pg_rollback(s);
        return -1;
    }
    S->bInTxn = S->bWrite = 0;
    store_ids_release(&S->ids);
    pg_copy_discard(S); /* nothing is left; the next transaction starts anew */
    return 0;
}

/* One snapshot for every read until store_end_read(), as SQLite's WAL
** read transaction gives; a read-only REPEATABLE READ transaction never
** waits and never fails for serialization. */
static int
pg_begin_read(Store *s, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    assert(!S->bInTxn);
    pg_reconnect(S);
    if (pg_exec_plain(S, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err,
                      "starting to read")) {
        return -1;
    }
    S->bInTxn = 1;
    S->bWrite = 0;
    store_ids_start(&S->ids);
    return 0;
}

static void
pg_set_busy_ms(Store *s, int ms)
{
    PgStore *S = (PgStore *)s;
    S->msBusy = ms;
    AppErr ignored = APPERR_INIT;
    (void)pg_set_lock_timeout(S, ms, &ignored);
}

static void
pg_close(Store *s)
{
    PgStore *S = (PgStore *)s;
    if (S->db) {
        pg_rollback(s);
        PQfinish(S->db);
    }
    store_ids_release(&S->ids);
    pg_copy_free(S);
    buf_release(&S->batch.arena);
    free(S->zNote);
    free(S->zName);
    free(S->base.zActor);
    free(S);
}

/* ---- the audit trail and counts ---------------------------------------- */

static int
pg_audit_list(Store *s, const char *zKeyPrefix, AuditEntry **paOut,
              size_t *pnOut, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    *paOut = NULL;
    *pnOut = 0;
    if (pg_audit_flush(S, err)) {
        return -1;
    }
    /* The key itself or a key below it, as a range of the index audit_key
    ** (keys compare byte-wise: COLLATE "C"), as in the SQLite backend. */
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zKeyPrefix);
    PGresult *r = PG_QUERY(
        S,
        "SELECT " PG_TS("at") ", actor, action, entity,"
                              " key, field, old, new FROM audit"
                              " WHERE key = $1::text OR (key >= $1::text || '/'"
                              " AND key < $1::text || '0') ORDER BY id",
        &a, err, "reading the audit trail");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *paOut = n ? xcalloc(n, sizeof **paOut) : NULL;
    for (size_t i = 0; i < n; i++) {
        AuditEntry *e = &(*paOut)[i];
        e->zAt = pg_dup(r, (int)i, 0);
        e->zActor = pg_dup(r, (int)i, 1);
        e->zAction = pg_dup(r, (int)i, 2);
        e->zEntity = pg_dup(r, (int)i, 3);
        e->zKey = pg_dup(r, (int)i, 4);
        e->zField = pg_dup(r, (int)i, 5);
        e->zOld = pg_dup(r, (int)i, 6);
        e->zNew = pg_dup(r, (int)i, 7);
    }
    *pnOut = n;
    PQclear(r);
    return 0;
}

static int
pg_audit_rows(Store *s, long iFrom, long iTo, const char *zKeyPrefix,
              AuditEntry **paOut, long **paiId, size_t *pnOut, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    *paOut = NULL;
    *paiId = NULL;
    *pnOut = 0;
    if (pg_audit_flush(S, err)) {
        return -1;
    }
    PgArgs a = { 0 };
    pg_arg_int(&a, 1, iFrom);
    pg_arg_int(&a, 2, iTo);
    pg_arg_text(&a, 3, zKeyPrefix);
    PGresult *r = PG_QUERY(
        S,
        "SELECT id, " PG_TS("at") ", actor, action, entity,"
                                  " key, field, old, new FROM audit"
                                  " WHERE id >= $1::bigint"
                                  " AND ($2::bigint <= 0 OR id <= $2::bigint)"
                                  " AND ($3::text IS NULL OR key = $3::text"
                                  "  OR (key >= $3::text || '/'"
                                  "      AND key < $3::text || '0'))"
                                  " ORDER BY id",
        &a, err, "reading the audit trail");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    if (n) {
        *paOut = xcalloc(n, sizeof **paOut);
        *paiId = xcalloc(n, sizeof **paiId);
    }
    for (size_t i = 0; i < n; i++) {
        int row = (int)i;
        (*paiId)[i] = (long)pg_int(r, row, 0);
        AuditEntry *e = &(*paOut)[i];
        e->zAt = pg_dup(r, row, 1);
        e->zActor = pg_dup(r, row, 2);
        e->zAction = pg_dup(r, row, 3);
        e->zEntity = pg_dup(r, row, 4);
        e->zKey = pg_dup(r, row, 5);
        e->zField = pg_dup(r, row, 6);
        e->zOld = pg_dup(r, row, 7);
        e->zNew = pg_dup(r, row, 8);
    }
    *pnOut = n;
    PQclear(r);
    return 0;
}

/* The id of the newest audit row: every committed change writes one, and
** writers take turns (pg_begin()), so ids grow in commit order. */
static int
pg_data_version(Store *s, long *pOut, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    long long v = 0;
    if (pg_audit_flush(S, err)) {
        return -1;
    }
    if (pg_lookup_id(S,
                     PG_QUERY(S, "SELECT coalesce(max(id), 0) FROM audit", NULL,
                              err, "reading the data version"),
                     &v)) {
        return -1;
    }
    *pOut = (long)v;
    return 0;
}

/* Whether a notification came in (all of them consumed), after input was
** read from the socket. */
static int
pg_watch_drain(PgStore *S)
{
    int bAny = 0;
    PGnotify *n;
    while ((n = PQnotifies(S->db)) != NULL) {
        bAny = 1;
        PQfreemem(n);
    }
    return bAny;
}

static int
pg_watch(Store *s, int msTimeout, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    assert(!S->bInTxn);
    if (!S->bListening || PQstatus(S->db) != CONNECTION_OK) {
        S->bListening = 0;
        pg_reconnect(S);
        if (pg_exec_plain(S, "LISTEN " PG_CHANGE_CHANNEL, err,
                          "watching for changes")) {
            return -1;
        }
        S->bListening = 1;
        (void)pg_watch_drain(S);
        return 1;
    }
    if (!PQconsumeInput(S->db)) {
        S->bListening = 0;
        pg_fail(S, NULL, err, "watching for changes");
        return -1;
    }
    if (pg_watch_drain(S)) {
        return 1;
    }
    struct pollfd fd = { PQsocket(S->db), POLLIN, 0 };
    int n = poll(&fd, 1, msTimeout);
    if (n < 0 && errno != EINTR) {
        S->bListening = 0;
        apperr_set(err, APPERR_DB,
                   "database error while watching for changes (the details "
                   "are in the log)");
        return apperr_detail(err, "poll: %s", strerror(errno));
    }
    if (n <= 0) {
        return 0;
    }
    if (!PQconsumeInput(S->db)) {
        S->bListening = 0;
        pg_fail(S, NULL, err, "watching for changes");
        return -1;
    }
    return pg_watch_drain(S);
}

static int
pg_round_list(Store *s, const char *zPlan, RoundCount **paOut, size_t *pnOut,
              AppErr *err)
{
    PgStore *S = (PgStore *)s;
    *paOut = NULL;
    *pnOut = 0;
    if (zPlan) {
        long long planId = -1;
        if (pg_plan_find(S, zPlan, &planId, err)) {
            return -1;
        }
        if (planId < 0) {
            return apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
        }
    }
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    PGresult *r = PG_QUERY(S,
                           "SELECT p.code, r.code, r.title, r.as_of, r.state,"
                           " (SELECT count(*) FROM assessment a"
                           "   WHERE a.round_id = r.id),"
                           " (SELECT count(*) FROM assessment a"
                           "   WHERE a.round_id = r.id"
                           "   AND a.rating <> 'not_rated')"
                           " FROM round r JOIN plan p ON p.id = r.plan_id"
                           " WHERE $1::text IS NULL OR p.code = $1::text"
                           " ORDER BY p.id, r.as_of NULLS LAST, r.code",
                           &a, err, "listing rounds");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *paOut = n ? xcalloc(n, sizeof **paOut) : NULL;
    for (size_t i = 0; i < n; i++) {
        int row = (int)i;
        RoundCount *c = &(*paOut)[i];
        c->zPlan = pg_dup(r, row, 0);
        c->r.zCode = pg_dup(r, row, 1);
        c->r.zTitle = pg_dup(r, row, 2);
        c->r.zAsOf = pg_dup(r, row, 3);
        if (round_state_parse(pg_text(r, row, 4), &c->r.eState)) {
            c->r.eState = ROUND_DRAFT;
        }
        c->nAssessed = (long)pg_int(r, row, 5);
        c->nRated = (long)pg_int(r, row, 6);
    }
    *pnOut = n;
    PQclear(r);
    return 0;
}

/* ---- what PostgreSQL leaves to its own tools ----------------------------- */

static int
pg_backup(Store *s, const char *zFile, unsigned flags, AppErr *err)
{
    (void)s;
    (void)zFile;
    (void)flags;
    return apperr_set(err, APPERR_USAGE,
                      "cannot back up a PostgreSQL "
                      "database with lmpmon: use pg_dump (for example "
                      "'pg_dump -Fc -f lmpmon.dump DBNAME'), and pg_restore "
                      "to restore it");
}

static int
pg_check(Store *s, AppErr *err)
{
    (void)s;
    return apperr_set(err, APPERR_USAGE,
                      "cannot check a PostgreSQL database "
                      "with lmpmon: use PostgreSQL's own tools (pg_amcheck)");
}

static int
pg_restore(Store *s, const char *zPath, AppErr *err)
{
    (void)s;
    (void)zPath;
    return apperr_set(err, APPERR_USAGE,
                      "cannot restore from a PostgreSQL "
                      "database with lmpmon: use pg_dump and pg_restore");
}

static const StoreMethods pgMethods = {
    .xClose = pg_close,
    .xBegin = pg_begin,
    .xCommit = pg_commit,
    .xRollback = pg_rollback,
    .xSetBusyMs = pg_set_busy_ms,
    .xSetWriterNote = pg_set_writer_note,
    .xBeginRead = pg_begin_read,
    .xEndRead = pg_rollback,
    .xDataVersion = pg_data_version,
    .xWatch = pg_watch,
    .xLoad = pg_load,
    .xRowGet = pg_row_get,
    .xRowExists = pg_row_exists,
    .xRowPut = pg_row_put,
    .xSubGet = pg_sub_get,
    .xSubPut = pg_sub_put,
    .xAuditAdd = pg_audit_add,
    .xAuditList = pg_audit_list,
    .xUserGet = pg_user_get,
    .xUserList = pg_user_list,
    .xSessionPut = pg_session_put,
    .xSessionGet = pg_session_get,
    .xSessionTouch = pg_session_touch,
    .xSessionDelete = pg_session_delete,
    .xSessionDeleteUser = pg_session_delete_user,
    .xCasePut = pg_case_put,
    .xCaseScan = pg_case_scan,
    .xAuditLatest = pg_audit_latest,
    .xCaseCount = pg_case_count,
    .xKeptGet = pg_kept_get,
    .xKeptPut = pg_kept_put,
    .xTableScan = pg_table_scan,
    .xTablePut = pg_table_put,
    .xTableEnd = pg_table_end,
    .xTableCount = pg_table_count,
    .xCaseGet = pg_case_get,
    .xCaseOrgs = pg_case_orgs,
    .xCaseEventAdd = pg_case_event_add,
    .xCasePaymentAdd = pg_case_payment_add,
    .xCaseList = pg_case_list,
    .xRoundList = pg_round_list,
    .xAuditRows = pg_audit_rows,
    .xBackup = pg_backup,
    .xCheck = pg_check,
    .xRestore = pg_restore,
    .xRecScan = pg_rec_scan,
    .xOutreachList = pg_outreach_list,
    .xMediaList = pg_media_list,
    .xStatList = pg_stat_list,
    .xOutreachDelete = pg_outreach_delete,
    .xIndScan = pg_ind_scan,
    .xStmtScan = pg_stmt_scan,
    .xStmtAdd = pg_stmt_add,
    .xAttachRead = pg_attach_read,
    .xAttachDelete = pg_attach_delete,
    .xFundScan = pg_fund_scan,
    .xNoteAdd = pg_note_add,
    .xNoteList = pg_note_list,
    .xNoteRead = pg_note_read,
    .xNoteMailDue = pg_note_mail_due,
    .xNoteTold = pg_note_told,
    .xNoteWithdraw = pg_note_withdraw,
    .xNoteMailSet = pg_note_mail_set,
};

/* "postgresql://user@host:port/db" as libpq resolved it (URL and
** environment), for messages. */
static char *
pg_name_of(PGconn *db)
{
    Buf b = BUF_INIT;
    const char *zHost = PQhost(db);
    buf_printf(&b, "postgresql://%s@%s:%s/%s", PQuser(db) ? PQuser(db) : "",
               zHost && *zHost ? zHost : "localhost",
               PQport(db) ? PQport(db) : "", PQdb(db) ? PQdb(db) : "");
    return buf_detach(&b);
}

/* Why connecting failed, in words a user can act on (libpq's own message,
** which never holds the password, goes to the detail).  Returns -1. */
static int
pg_connect_fail(PgStore *S, AppErr *err)
{
    const char *zMsg = PQerrorMessage(S->db);
    const char *zUser = PQuser(S->db) ? PQuser(S->db) : "";
    if (strstr(zMsg, "password authentication failed") ||
        strstr(zMsg, "SCRAM authentication")) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s: the server refused "
                   "the password of user '%s'",
                   S->zName, zUser);
    } else if (strstr(zMsg, "no password supplied")) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s: the server asks "
                   "for user '%s''s password (put it in ~/.pgpass or the "
                   "file PGPASSFILE names)",
                   S->zName, zUser);
    } else if (strstr(zMsg, "database \"") && strstr(zMsg, "does not exist")) {
        apperr_set(err, APPERR_NOTFOUND,
                   "no database %s (create it with "
                   "createdb, then 'lmpmon --db URL init')",
                   S->zName);
    } else if (strstr(zMsg, "role \"") && strstr(zMsg, "does not exist")) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s: the server has no "
                   "user '%s'",
                   S->zName, zUser);
    } else if (strstr(zMsg, "Connection refused") ||
               strstr(zMsg, "could not translate host name") ||
               strstr(zMsg, "No such file or directory") ||
               strstr(zMsg, "timeout expired")) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s: no database server "
                   "answers there (is it running, and is the address "
                   "right?)",
                   S->zName);
    } else if (strstr(zMsg, "server does not support SSL")) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s: the server does not "
                   "offer TLS, which sslmode asks for (docs/deploy.md)",
                   S->zName);
    } else if (strstr(zMsg, "certificate") || strstr(zMsg, "SSL error")) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s: its TLS certificate "
                   "could not be verified (sslmode, sslrootcert: "
                   "docs/deploy.md)",
                   S->zName);
    } else {
        apperr_set(err, APPERR_IO,
                   "cannot connect to %s (the details are in "
                   "the log)",
                   S->zName);
    }
    return apperr_detail(err, "libpq: %s", zMsg);
}

/* ---- opening and migrating --------------------------------------------- */

/* What the current schema holds: *pnTable tables and the like; *pVersion
** the lmpmon schema version, 0 when it is not an lmpmon database. */
static int
pg_schema_state(PgStore *S, long long *pnTable, int *pVersion, AppErr *err)
{
    *pnTable = 0;
    *pVersion = 0;
    PGresult *r = PG_QUERY(S,
                           "SELECT count(*), bool_or(c.relname ="
                           " 'schema_version' AND c.relkind = 'r')"
                           " FROM pg_class c JOIN pg_namespace n"
                           " ON n.oid = c.relnamespace"
                           " WHERE n.nspname = current_schema()"
                           " AND c.relkind IN ('r','p','v','m','f','S')",
                           NULL, err, "reading the database's tables");
    if (!r) {
        return -1;
    }
    *pnTable = pg_int(r, 0, 0);
    int bMarker = strcmp(pg_text(r, 0, 1), "t") == 0;
    PQclear(r);
    if (!bMarker) {
        return 0;
    }
    /* Another program's table of that name reads as "not ours". */
    r = PQexec(S->db, "SELECT version FROM schema_version"
                      " WHERE application = 'lmpmon'");
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        long long v = pg_int(r, 0, 0);
        *pVersion = v > 0 && v < 1000000 ? (int)v : 0;
    } else if (S->bInTxn && PQresultStatus(r) != PGRES_TUPLES_OK) {
        pg_fail(S, r, err, "reading the schema version");
        PQclear(r);
        return -1;
    }
    PQclear(r);
    return 0;
}

/* The data step of a migration that names lmpmon_place: a temporary
** table (dropped at COMMIT) of what each distinct province and
** destination of the register resolves to through the gazetteer, as
** store_sqlite.c's sq_place_map() makes it. */
static int
pg_place_map(PgStore *S, AppErr *err)
{
    if (PG_RUN(S,
               "CREATE TEMP TABLE lmpmon_place(kind text, value text,"
               " code text, PRIMARY KEY(kind, value)) ON COMMIT DROP",
               NULL, err, "migrating")) {
        return -1;
    }
    PGresult *r = PG_QUERY(S,
                           "SELECT DISTINCT 'province', province FROM"
                           " complaint_case WHERE province <> ''"
                           " UNION SELECT DISTINCT 'country', destination"
                           " FROM complaint_case WHERE destination <> ''",
                           NULL, err, "migrating");
    if (!r) {
        return -1;
    }
    Gazetteer *g = gaz_new();
    int rc = 0;
    for (int i = 0; rc == 0 && i < PQntuples(r); i++) {
        const char *zKind = pg_text(r, i, 0);
        const char *zValue = pg_text(r, i, 1);
        GazKind k = strcmp(zKind, "province") == 0 ? GAZ_PROVINCE : GAZ_COUNTRY;
        const char *zCode = gaz_code_of(g, k, zValue);
        if (zCode && strcmp(zCode, zValue) != 0) {
            PgArgs a = { 0 };
            pg_arg_text(&a, 1, zKind);
            pg_arg_text(&a, 2, zValue);
            pg_arg_text(&a, 3, zCode);
            rc = PG_RUN(S,
                        "INSERT INTO lmpmon_place(kind, value, code)"
                        " VALUES($1, $2, $3)",
                        &a, err, "migrating");
        }
    }
    gaz_free(g);
    PQclear(r);
    return rc;
}

/* Create (iFrom 0) or migrate the schema in one transaction, under the
** writer lock; another process that did it meanwhile is noticed inside the
** lock.  Refuses (changing nothing) what is no longer as expected. */
static int
pg_migrate(PgStore *S, int iFrom, StoreOpenMode eMode, AppErr *err)
{
    if (pg_begin(&S->base, err)) {
        return -1;
    }
    long long nTable = 0;
    int version = 0;
    int rc = pg_schema_state(S, &nTable, &version, err);
    if (rc == 0 && eMode == STORE_OPEN_CREATE && nTable > 0) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "cannot create the lmpmon "
                        "database in %s: it is not empty",
                        S->zName);
    } else if (rc == 0 && version > iFrom) {
        pg_rollback(&S->base); /* migrated by another process meanwhile */
        return 0;
    }
    for (int i = iFrom; rc == 0 && i < nPgMigration; i++) {
        if (strstr(azPgMigration[i], "lmpmon_place")) {
            AppErr tmp = APPERR_INIT;
            if (pg_place_map(S, &tmp)) {
                apperr_set(err, APPERR_DB,
                           "cannot migrate %s to schema version %d; it is "
                           "unchanged (the details are in the log)",
                           S->zName, i + 1);
                apperr_detail(err, "%s", tmp.zDetail);
                rc = -1;
                break;
            }
        }
        PGresult *r = PQexec(S->db, azPgMigration[i]);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            AppErr tmp = APPERR_INIT;
            pg_fail(S, r, &tmp, "migrating");
            apperr_set(err, APPERR_DB,
                       "cannot %s %s to schema version %d; "
                       "it is unchanged (the details are in the log)",
                       iFrom ? "migrate" : "create the lmpmon schema in",
                       S->zName, i + 1);
            apperr_detail(err, "%s", tmp.zDetail);
            rc = -1;
        }
        PQclear(r);
    }
    if (rc == 0) {
        PgArgs a = { 0 };
        pg_arg_int(&a, 1, nPgMigration);
        rc = PG_RUN(S,
                    "INSERT INTO schema_version(application, version)"
                    " VALUES('lmpmon', $1::integer) ON CONFLICT(application)"
                    " DO UPDATE SET version = excluded.version",
                    &a, err, "recording the schema version");
    }
    if (rc == 0) {
        return pg_commit(&S->base, err);
    }
    pg_rollback(&S->base);
    return -1;
}

Store *
store_pg_open(const char *zUrl, StoreOpenMode eMode, const char *zActor,
              AppErr *err)
{
    PgStore *S = xcalloc(1, sizeof *S);
    buf_init(&S->batch.arena, 0);
    S->base.pMethods = &pgMethods;
    S->base.zActor = xstrdup(zActor ? zActor : "unknown");
    S->msBusy = store_default_busy_ms();
    static const char *const azKey[] = { "dbname", "fallback_application_name",
                                         NULL };
    const char *azVal[] = { zUrl, "lmpmon", NULL };
    S->db = PQconnectdbParams(azKey, azVal, 1);
    if (!S->db) {
        apperr_set(err, APPERR_IO,
                   "cannot connect to the database server: "
                   "out of memory");
        pg_close(&S->base);
        return NULL;
    }
    PQsetNoticeProcessor(S->db, pg_notice_quiet, NULL);
    S->zName = pg_name_of(S->db);
    if (PQstatus(S->db) != CONNECTION_OK) {
        pg_connect_fail(S, err);
        pg_close(&S->base);
        return NULL;
    }
    long long nTable = 0;
    int version = 0;
    if (pg_session_setup(S, err) || pg_set_lock_timeout(S, S->msBusy, err) ||
        pg_schema_state(S, &nTable, &version, err)) {
        pg_close(&S->base);
        return NULL;
    }
    int rc = 0;
    if (version == 0 && nTable == 0 && eMode != STORE_OPEN_CREATE) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        "database %s holds no lmpmon "
                        "data (create it with 'lmpmon --db URL init')",
                        S->zName);
    } else if (version == 0 && nTable > 0) {
        rc = eMode == STORE_OPEN_CREATE
                 ? apperr_set(err, APPERR_CONFLICT,
                              "cannot create the "
                              "lmpmon database in %s: it holds another "
                              "program's tables",
                              S->zName)
                 : apperr_set(err, APPERR_INPUT,
                              "%s is not an lmpmon "
                              "database",
                              S->zName);
    } else if (version > 0 && eMode == STORE_OPEN_CREATE) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "cannot create database %s: "
                        "it holds an lmpmon database already",
                        S->zName);
    } else if (version > nPgMigration) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "database %s was written by a "
                        "newer lmpmon (schema version %d; this lmpmon knows "
                        "versions up to %d): upgrade lmpmon",
                        S->zName, version, nPgMigration);
    } else if (eMode == STORE_OPEN_READ_ONLY) {
        rc = pg_exec_plain(S, "SET default_transaction_read_only = on", err,
                           "opening read-only");
    } else if (version < nPgMigration) {
        rc = pg_migrate(S, version, eMode, err);
    }
    if (rc) {
        pg_close(&S->base);
        return NULL;
    }
    S->bSchema = 1;
    return &S->base;
}
