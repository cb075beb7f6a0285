/*
** store_sqlite.c — the Store interface on an SQLite file.
**
** One connection per Store; a Store is used by one thread at a time.  Write
** transactions are BEGIN IMMEDIATE so a second writer waits (busy_timeout)
** instead of failing half-way (reference/tech-choices.md, section 8).
**
** SQL text is always a literal (SQ_PREPARE refuses anything else at compile
** time) with $N parameters, the numbering PostgreSQL uses too, prepared
** as SQLite's "?N" (sq_prepare()); values are always bound.
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store_sqlite.h"
#include "store_sqlite_int.h"
#include "schema_sqlite.h"
#include "../base/base.h"
#include "../core/gazetteer.h"
#include "../base/banned.h"

/* SQLite's code for a failure on connection db that returned code: an
** I/O error the operating system explains as a full disk or a read-only
** file system (ENOSPC when the WAL index grows, EROFS when it is made)
** becomes SQLITE_FULL or SQLITE_READONLY, the words users need. */
int
sq_code_refine(sqlite3 *db, int code)
{
    int e = db ? sqlite3_system_errno(db) : 0;
    if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN) {
        if (e == ENOSPC || e == EDQUOT) {
            return SQLITE_FULL;
        }
        if (e == EROFS) {
            return SQLITE_READONLY;
        }
    }
    return code;
}

/* The code of the last failure on connection db (see sq_code_refine()). */
int
sq_errcode(sqlite3 *db)
{
    return sq_code_refine(db, sqlite3_extended_errcode(db));
}

/* The engine's text goes to the detail (the log), never to the message:
** users get what they can act on.  A busy database is its own code so the
** web answers 503 with Retry-After and the CLI says to try again.  No file
** name: the web shows these messages, and a server's paths are none of a
** visitor's business (the CLI names the file where it opens it). */
int
sq_fail_code(SqStore *S, int code, const char *zEngine, AppErr *err,
             const char *zWhat)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
        Buf who = BUF_INIT;
        if (sq_writer_note_describe(S, &who)) {
            apperr_set(err, APPERR_BUSY,
                       "the database is busy: %s holds it "
                       "and did not finish within %.1f s while %s; nothing "
                       "was changed: try again when it has finished",
                       buf_str(&who), S->msBusy / 1000.0, zWhat);
        } else {
            apperr_set(err, APPERR_BUSY,
                       "the database is busy with another "
                       "change (an import?) and did not free up within "
                       "%.1f s while %s; nothing was changed: try again in "
                       "a moment",
                       S->msBusy / 1000.0, zWhat);
        }
        buf_release(&who);
        break;
    }
    case SQLITE_FULL:
        apperr_set(err, APPERR_IO,
                   "the disk is full: cannot finish %s; "
                   "nothing was changed (free some space, then try again)",
                   zWhat);
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        apperr_set(err, APPERR_IO,
                   "the database is read-only (its file, "
                   "its directory or the file system): cannot finish %s; "
                   "nothing was changed",
                   zWhat);
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        apperr_set(err, APPERR_DB,
                   "the database is damaged (found while %s); "
                   "nothing was changed: restore it from a backup ('lmpmon "
                   "restore --from FILE')",
                   zWhat);
        break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        apperr_set(err, APPERR_IO,
                   "cannot read or write the database file "
                   "while %s: the disk or the file system failed (the details "
                   "are in the log); nothing was changed",
                   zWhat);
        break;
    default:
        apperr_set(err, APPERR_DB,
                   "database error while %s; nothing was "
                   "changed (the details are in the log)",
                   zWhat);
        break;
    }
    return apperr_detail(err, "sqlite %d while %s: %s", code, zWhat,
                         zEngine ? zEngine : sqlite3_errstr(code));
}

int
sq_fail(SqStore *S, AppErr *err, const char *zWhat)
{
    return sq_fail_code(S, sq_errcode(S->db), sqlite3_errmsg(S->db), err,
                        zWhat);
}

/* zSql with each "$N" outside quotes written "?N", in a new heap string.
** SQLite numbers "$N" parameters by first use, so "$2" may be index 1 and
** binding by N would mean a lookup by name on every bind (a bulk import
** binds millions); "?N" is parameter N itself. */
static char *
sq_numbered_sql(const char *zSql)
{
    char *z = xstrdup(zSql);
    char cQuote = 0;
    for (char *p = z; *p; p++) {
        if (cQuote) {
            cQuote = (char)(*p == cQuote ? 0 : cQuote);
        } else if (*p == '\'' || *p == '"') {
            cQuote = *p;
        } else if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
            *p = '?';
        }
    }
    return z;
}

/* The statement's slot in S's cache, found by the statement's address
** (sq_finalize() gives statements back after every use). */
static size_t
sq_slot_of(const sqlite3_stmt *st)
{
    return ((size_t)(uintptr_t)st >> 4) % SQ_CACHE_SLOTS;
}

int
sq_prepare(SqStore *S, const char *zSql, sqlite3_stmt **ppSt, AppErr *err)
{
    size_t h = ((size_t)(uintptr_t)zSql >> 3) % SQ_CACHE_SLOTS;
    SqCached *slot = NULL;
    for (size_t k = 0; k < SQ_CACHE_SLOTS; k++) {
        SqCached *c = &S->aCache[(h + k) % SQ_CACHE_SLOTS];
        if (c->zSql == zSql) {
            if (!c->bBusy) {
                c->bBusy = 1;
                *ppSt = c->st;
                return 0;
            }
            break; /* in use by an outer loop: a fresh one, not kept */
        }
        if (!c->zSql) {
            slot = c;
            break;
        }
    }
    char *zNumbered = sq_numbered_sql(zSql);
    int rc = sqlite3_prepare_v2(S->db, zNumbered, -1, ppSt, NULL);
    free(zNumbered);
    if (rc != SQLITE_OK) {
        *ppSt = NULL;
        return sq_fail(S, err, "preparing a query");
    }
    if (slot) {
        slot->zSql = zSql;
        slot->st = *ppSt;
        slot->bBusy = 1;
        S->aiBack[sq_slot_of(*ppSt)] = (short)(slot - S->aCache);
    }
    return 0;
}

void
sq_finalize(SqStore *S, sqlite3_stmt *st)
{
    if (!st) {
        return;
    }
    /* Most statements are kept: try the slot the address remembers before
    ** looking through the whole cache. */
    SqCached *c = &S->aCache[S->aiBack[sq_slot_of(st)]];
    for (size_t k = 0; c->st != st && k < SQ_CACHE_SLOTS; k++) {
        c = &S->aCache[k];
    }
    if (c->st == st) {
        (void)sqlite3_reset(st);
        (void)sqlite3_clear_bindings(st);
        c->bBusy = 0;
        return;
    }
    (void)(sqlite3_finalize)(st);
}

/* Parameter "$n" of st: index n, as sq_prepare() wrote it "?n". */
static int
sq_param(sqlite3_stmt *st, int n)
{
    assert(n > 0 && n <= sqlite3_bind_parameter_count(st));
    (void)st;
    return n;
}

static void
sq_bind_text_as(sqlite3_stmt *st, int n, const char *z,
                void (*xDestroy)(void *))
{
    int i = sq_param(st, n);
    if (z) {
        (void)sqlite3_bind_text(st, i, z, -1, xDestroy);
    } else {
        (void)sqlite3_bind_null(st, i);
    }
}

void
sq_bind_text(sqlite3_stmt *st, int n, const char *z)
{
    sq_bind_text_as(st, n, z, SQLITE_TRANSIENT);
}

void
sq_bind_text_static(sqlite3_stmt *st, int n, const char *z)
{
    sq_bind_text_as(st, n, z, SQLITE_STATIC);
}

void
sq_bind_int(sqlite3_stmt *st, int n, sqlite3_int64 v)
{
    (void)sqlite3_bind_int64(st, sq_param(st, n), v);
}

/* Copy of column i as a heap string, NULL for SQL NULL. */
char *
sq_col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *z = sqlite3_column_text(st, i);
    return z ? xstrdup((const char *)z) : NULL;
}

/* Run a statement that returns no rows; finalizes it. */
int
sq_run(SqStore *S, sqlite3_stmt *st, AppErr *err, const char *zWhat)
{
    int rc = sqlite3_step(st);
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, zWhat);
    }
    return 0;
}

/* Single integer from a one-column query with one optional text parameter;
** *pOut = -1 when there is no row. */
int
sq_lookup_id(SqStore *S, sqlite3_stmt *st, sqlite3_int64 *pOut, AppErr *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *pOut = sqlite3_column_int64(st, 0);
        rc = 0;
    } else if (rc == SQLITE_DONE) {
        *pOut = -1;
        rc = 0;
    } else {
        rc = sq_fail(S, err, "looking up a record");
    }
    sq_finalize(S, st);
    return rc;
}

/* ---- open, close, transactions ----------------------------------------- */

static void
sq_close(Store *s)
{
    SqStore *S = (SqStore *)s;
    if (S->bInTxn) {
        (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sq_cases_finalize(S);
    store_ids_release(&S->ids);
    sq_writer_note_end(S);
    free(S->zNote);
    free(S->zNotePath);
    for (size_t k = 0; k < SQ_CACHE_SLOTS; k++) {
        (void)(sqlite3_finalize)(S->aCache[k].st);
    }
    (void)sqlite3_close(S->db);
    free(S->base.zActor);
    free(S->zPath);
    free(S);
}

static int
sq_begin(Store *s, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(!S->bInTxn);
    /* SQLite writes on through its open descriptor into a file that was
    ** deleted or replaced meanwhile: every later change would be lost. */
    struct stat sb;
    if (S->bIdentity && (stat(S->zPath, &sb) != 0 || sb.st_dev != S->dev ||
                         sb.st_ino != S->ino)) {
        apperr_set(err, APPERR_IO,
                   "the database file was deleted or "
                   "replaced while lmpmon had it open; nothing was saved "
                   "(restart lmpmon, or restore the database with 'lmpmon "
                   "restore')");
        return apperr_detail(err, "'%s' is no longer the file opened",
                             S->zPath);
    }
    if (sqlite3_exec(S->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        return sq_fail(S, err, "starting a transaction");
    }
    store_ids_start(&S->ids);
    sq_writer_note_begin(S);
    S->bInTxn = 1;
    return 0;
}

static int
sq_commit(Store *s, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(S->bInTxn);
    if (sqlite3_exec(S->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = sq_fail(S, err, "committing");
        (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
        S->bInTxn = 0;
        store_ids_release(&S->ids);
        sq_writer_note_end(S);
        return rc;
    }
    S->bInTxn = 0;
    store_ids_release(&S->ids);
    sq_writer_note_end(S);
    return 0;
}

/* A deferred BEGIN takes its snapshot at the first read and holds no
** lock that would stop a writer (WAL). */
static int
sq_begin_read(Store *s, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(!S->bInTxn);
    if (sqlite3_exec(S->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        return sq_fail(S, err, "starting to read");
    }
    store_ids_start(&S->ids);
    S->bInTxn = 1;
    return 0;
}

static void
sq_rollback(Store *s)
{
    SqStore *S = (SqStore *)s;
    if (S->bInTxn) {
        (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
        S->bInTxn = 0;
    }
    store_ids_release(&S->ids);
    sq_writer_note_end(S);
}

static int
sq_pragma_int(SqStore *S, const char *zSql, int *pOut)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(S->db, zSql, -1, &st, NULL) != SQLITE_OK) {
        return -1;
    }
    int rc = sqlite3_step(st);
    *pOut = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sq_finalize(S, st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* The data step of a migration that names temp.lmpmon_place: the table
** of what each distinct province and destination of the register
** resolves to through the gazetteer (kind 'province' or 'country', value
** as stored, code), rows only for the values that resolve to a code other
** than themselves.  SQL cannot fold spellings as the gazetteer does, so
** the migration's UPDATE reads this table.  0 or -1 (zErr: the engine's
** text, sqlite3_free() it). */
static int
sq_place_map(SqStore *S, char **pzErr)
{
    if (sqlite3_exec(S->db,
                     "DROP TABLE IF EXISTS temp.lmpmon_place;"
                     "CREATE TEMP TABLE lmpmon_place(kind TEXT, value TEXT,"
                     "  code TEXT, PRIMARY KEY(kind, value))",
                     NULL, NULL, pzErr) != SQLITE_OK) {
        return -1;
    }
    sqlite3_stmt *pSel = NULL, *pIns = NULL;
    int rc = sqlite3_prepare_v2(
        S->db,
        "SELECT DISTINCT 'province', province FROM complaint_case"
        "  WHERE province <> ''"
        " UNION SELECT DISTINCT 'country', destination FROM complaint_case"
        "  WHERE destination <> ''",
        -1, &pSel, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_prepare_v2(S->db,
                                "INSERT INTO temp.lmpmon_place(kind, value,"
                                " code) VALUES(?1, ?2, ?3)",
                                -1, &pIns, NULL);
    }
    Gazetteer *g = gaz_new();
    while (rc == SQLITE_OK && (rc = sqlite3_step(pSel)) == SQLITE_ROW) {
        const char *zKind = (const char *)sqlite3_column_text(pSel, 0);
        const char *zValue = (const char *)sqlite3_column_text(pSel, 1);
        GazKind k = strcmp(zKind, "province") == 0 ? GAZ_PROVINCE : GAZ_COUNTRY;
        const char *zCode = gaz_code_of(g, k, zValue);
        rc = SQLITE_OK;
        if (zCode && strcmp(zCode, zValue) != 0) {
            sqlite3_bind_text(pIns, 1, zKind, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(pIns, 2, zValue, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(pIns, 3, zCode, -1, SQLITE_STATIC);
            rc = sqlite3_step(pIns) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
            sqlite3_reset(pIns);
        }
    }
    gaz_free(g);
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        *pzErr = sqlite3_mprintf("%s", sqlite3_errmsg(S->db));
    }
    sq_finalize(S, pSel);
    sq_finalize(S, pIns);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Apply the migrations after version iFrom in one transaction, foreign
** keys off (a migration may rebuild a table others refer to: SQLite's
** procedure for that drops the old table and renames the new one) and
** checked before the commit instead. */
static int
sq_migrate_run(SqStore *S, int iFrom, const char *zPath, AppErr *err)
{
    (void)sqlite3_exec(S->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
    if (sqlite3_exec(S->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        return sq_fail(S, err, "starting the schema migration");
    }
    for (int i = iFrom; i < nSchemaMigration; i++) {
        char *zErr = NULL;
        int bStep = strstr(azSchemaMigration[i], "lmpmon_place") != NULL;
        if ((bStep && sq_place_map(S, &zErr)) ||
            sqlite3_exec(S->db, azSchemaMigration[i], NULL, NULL, &zErr) !=
                SQLITE_OK ||
            (bStep && sqlite3_exec(S->db, "DROP TABLE temp.lmpmon_place", NULL,
                                   NULL, &zErr) != SQLITE_OK)) {
            apperr_set(err, APPERR_DB,
                       "cannot migrate '%s' to schema version %d; it is "
                       "unchanged (the details are in the log)",
                       zPath, i + 1);
            apperr_detail(err, "sqlite: %s", zErr ? zErr : "unknown error");
            sqlite3_free(zErr);
            (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
    }
    sqlite3_stmt *st = NULL;
    int bDangling = 0;
    if (sqlite3_prepare_v2(S->db, "PRAGMA foreign_key_check", -1, &st, NULL) ==
        SQLITE_OK) {
        bDangling = sqlite3_step(st) == SQLITE_ROW;
    }
    sq_finalize(S, st);
    if (bDangling) {
        apperr_set(err, APPERR_DB,
                   "cannot migrate '%s' to schema version %d: it holds rows "
                   "that refer to missing ones; it is unchanged",
                   zPath, nSchemaMigration);
        (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    char zSql[128];
    (void)snprintf(zSql, sizeof zSql,
                   "PRAGMA application_id = %d; PRAGMA user_version = %d",
                   SCHEMA_APPLICATION_ID, nSchemaMigration);
    /* Not a value from the user: both numbers are compile-time constants,
    ** and PRAGMA takes no bound parameters. */
    if (sqlite3_exec(S->db, zSql, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(S->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = sq_fail(S, err, "recording the schema version");
        (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return 0;
}

static int
sq_migrate(SqStore *S, int iFrom, const char *zPath, AppErr *err)
{
    int rc = sq_migrate_run(S, iFrom, zPath, err);
    (void)sqlite3_exec(S->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    return rc;
}

static const StoreMethods sqMethods;

/* The directory part of zPath ("." when it has none) into b. */
void
sq_dir_of(const char *zPath, Buf *b)
{
    const char *zSlash = strrchr(zPath, '/');
    if (!zSlash) {
        buf_puts(b, ".");
    } else if (zSlash == zPath) {
        buf_puts(b, "/");
    } else {
        buf_append(b, zPath, (size_t)(zSlash - zPath));
    }
}

/* Whether the directory of zPath lets us create files: SQLite creates
** "-wal" and "-shm" files beside a WAL database, even to read it. */
int
sq_dir_writable(const char *zPath)
{
    Buf dir = BUF_INIT;
    sq_dir_of(zPath, &dir);
    int bOk = access(buf_str(&dir), W_OK) == 0;
    buf_release(&dir);
    return bOk;
}

/* Why opening zPath failed at its first read, in words a user can act on
** (the engine's code and text go to the detail).  Returns -1. */
static int
sq_open_fail(SqStore *S, const char *zPath, AppErr *err)
{
    int code = sq_errcode(S->db);
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return sq_fail(S, err, "opening the database");
    case SQLITE_CORRUPT:
        apperr_set(err, APPERR_DB,
                   "database '%s' is damaged: restore it "
                   "from a backup ('lmpmon restore --from FILE')",
                   zPath);
        break;
    case SQLITE_FULL:
        apperr_set(err, APPERR_IO,
                   "cannot open database '%s': the disk is "
                   "full",
                   zPath);
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        if (!sq_dir_writable(zPath)) {
            apperr_set(err, APPERR_IO,
                       "cannot open database '%s': its "
                       "directory is read-only, and SQLite must create "
                       "'%s-wal' and '%s-shm' beside it (make the directory "
                       "writable, or copy the database to one that is)",
                       zPath, zPath, zPath);
        } else {
            apperr_set(err, APPERR_IO,
                       "cannot open database '%s': the disk "
                       "or the file system failed (the details are in the "
                       "log)",
                       zPath);
        }
        break;
    default:
        apperr_set(err, APPERR_INPUT, "'%s' is not an lmpmon database", zPath);
        break;
    }
    return apperr_detail(err, "sqlite %d opening '%s': %s", code, zPath,
                         sqlite3_errmsg(S->db));
}

Store *
store_sqlite_open(const char *zPath, StoreOpenMode eMode, const char *zActor,
                  AppErr *err)
{
    struct stat sb;
    int bExists = stat(zPath, &sb) == 0;
    if (eMode == STORE_OPEN_CREATE && bExists) {
        apperr_set(err, APPERR_CONFLICT,
                   "cannot create database '%s': the file already exists",
                   zPath);
        return NULL;
    }
    if (eMode == STORE_OPEN_EXISTING && !bExists) {
        apperr_set(err, APPERR_NOTFOUND,
                   "no database '%s' (create one with 'lmpmon init', or give "
                   "--db PATH)",
                   zPath);
        return NULL;
    }
    if (eMode == STORE_OPEN_READ_ONLY && !bExists) {
        apperr_set(err, APPERR_NOTFOUND, "no file '%s'", zPath);
        return NULL;
    }
    if (bExists && (!S_ISREG(sb.st_mode) || sb.st_size == 0)) {
        apperr_set(err, APPERR_INPUT, "'%s' is not an lmpmon database", zPath);
        return NULL;
    }
    if (bExists && access(zPath, R_OK) != 0) {
        apperr_set(err, APPERR_IO,
                   "cannot open database '%s': you may not "
                   "read it (see its owner and permissions)",
                   zPath);
        return NULL;
    }

    SqStore *S = xcalloc(1, sizeof *S);
    S->base.pMethods = &sqMethods;
    S->base.zActor = xstrdup(zActor ? zActor : "unknown");
    S->zPath = xstrdup(zPath);
    /* READWRITE opens a write-protected file for reading only: reading an
    ** archived copy works, and a write then fails as SQLITE_READONLY,
    ** which sq_fail() explains. */
    int flags = (eMode == STORE_OPEN_READ_ONLY ? SQLITE_OPEN_READONLY
                                               : SQLITE_OPEN_READWRITE) |
                SQLITE_OPEN_NOMUTEX |
                (eMode == STORE_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(zPath, &S->db, flags, NULL) != SQLITE_OK) {
        if (eMode == STORE_OPEN_CREATE && !sq_dir_writable(zPath)) {
            apperr_set(err, APPERR_IO,
                       "cannot create database '%s': its "
                       "directory is missing or read-only",
                       zPath);
        } else {
            apperr_set(err, APPERR_IO,
                       "cannot open database '%s' (the "
                       "details are in the log)",
                       zPath);
        }
        apperr_detail(err, "sqlite: %s",
                      S->db ? sqlite3_errmsg(S->db) : "out of memory");
        sq_close(&S->base);
        return NULL;
    }
    S->msBusy = store_default_busy_ms();
    Buf note = BUF_INIT;
    buf_printf(&note, "%s-writer", zPath);
    S->zNotePath = buf_detach(&note);
    (void)sqlite3_busy_timeout(S->db, S->msBusy);
    (void)sqlite3_exec(S->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

    int appId = 0, version = 0;
    if (sq_pragma_int(S, "PRAGMA application_id", &appId) ||
        sq_pragma_int(S, "PRAGMA user_version", &version)) {
        sq_open_fail(S, zPath, err);
        sq_close(&S->base);
        return NULL;
    }
    if (eMode != STORE_OPEN_CREATE && appId != SCHEMA_APPLICATION_ID) {
        apperr_set(err, APPERR_INPUT, "'%s' is not an lmpmon database", zPath);
        sq_close(&S->base);
        return NULL;
    }
    if (version > nSchemaMigration) {
        apperr_set(err, APPERR_CONFLICT,
                   "database '%s' was written by a newer lmpmon (schema "
                   "version %d; this lmpmon knows versions up to %d): upgrade "
                   "lmpmon",
                   zPath, version, nSchemaMigration);
        sq_close(&S->base);
        return NULL;
    }
    if (eMode == STORE_OPEN_CREATE) {
        /* WAL lets readers (the web server) go on while an import writes;
        ** the mode is stored in the file, so set it once here. */
        (void)sqlite3_exec(S->db, "PRAGMA journal_mode = WAL", NULL, NULL,
                           NULL);
    }
    (void)sqlite3_exec(S->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    /* Reads map the file instead of copying it page by page through
    ** read(): loading a national plan is mostly reading. */
    (void)sqlite3_exec(S->db, "PRAGMA mmap_size = 268435456", NULL, NULL, NULL);
    if (eMode != STORE_OPEN_READ_ONLY && version < nSchemaMigration &&
        sq_migrate(S, version, zPath, err)) {
        sq_close(&S->base);
        return NULL;
    }
    struct stat sbOpen;
    if (stat(zPath, &sbOpen) == 0) {
        S->dev = sbOpen.st_dev;
        S->ino = sbOpen.st_ino;
        S->bIdentity = 1;
    }
    return &S->base;
}

int
store_schema_version(void)
{
    return nSchemaMigration;
}

/* ---- audit trail ------------------------------------------------------- */

static int
sq_audit_list(Store *s, const char *zKeyPrefix, AuditEntry **paOut,
              size_t *pnOut, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *paOut = NULL;
    *pnOut = 0;
    /* The key itself, or a key below it ("plan/4.8/2017" under
    ** "plan/4.8"): as a range, so SQLite searches the index audit_key
    ** instead of computing substr() on every row of the table.  Keys
    ** compare as bytes (BINARY), '0' is the byte after '/', so exactly
    ** the keys starting with "$1/" lie in ["$1/", "$1" "0").  EXPLAIN
    ** QUERY PLAN (SQLite 3.40):
    **   MULTI-INDEX OR
    **     INDEX 1: SEARCH audit USING INDEX audit_key (key=?)
    **     INDEX 2: SEARCH audit USING INDEX audit_key (key>? AND key<?)
    **   USE TEMP B-TREE FOR ORDER BY
    ** where the substr() form was "SCAN audit". */
    if (SQ_PREPARE(S,
                   "SELECT at, actor, action, entity, key, field, old, new"
                   " FROM audit WHERE key = $1"
                   " OR (key >= $1 || '/' AND key < $1 || '0')"
                   " ORDER BY id",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zKeyPrefix);
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)paOut, &nAlloc, *pnOut, sizeof **paOut);
        AuditEntry *e = &(*paOut)[(*pnOut)++];
        e->zAt = sq_col_dup(st, 0);
        e->zActor = sq_col_dup(st, 1);
        e->zAction = sq_col_dup(st, 2);
        e->zEntity = sq_col_dup(st, 3);
        e->zKey = sq_col_dup(st, 4);
        e->zField = sq_col_dup(st, 5);
        e->zOld = sq_col_dup(st, 6);
        e->zNew = sq_col_dup(st, 7);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading the audit trail");
}

static void
sq_set_busy_ms(Store *s, int ms)
{
    SqStore *S = (SqStore *)s;
    S->msBusy = ms;
    (void)sqlite3_busy_timeout(S->db, ms);
}

/* The id of the newest audit row: every committed change writes one, and
** ids only grow, so this orders the database's states. */
static int
sq_data_version(Store *s, long *pOut, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (SQ_PREPARE(S, "SELECT coalesce(max(id), 0) FROM audit", &st, err)) {
        return -1;
    }
    sqlite3_int64 v = 0;
    if (sq_lookup_id(S, st, &v, err)) {
        return -1;
    }
    *pOut = (long)v;
    return 0;
}

static int
sq_round_list(Store *s, const char *zPlan, RoundCount **paOut, size_t *pnOut,
              AppErr *err)
{
    SqStore *S = (SqStore *)s;
    *paOut = NULL;
    *pnOut = 0;
    sqlite3_stmt *st;
    if (zPlan) {
        sqlite3_int64 planId = -1;
        if (sq_plan_find(S, zPlan, &planId, err)) {
            return -1;
        }
        if (planId < 0) {
            return apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
        }
    }
    if (SQ_PREPARE(S,
                   "SELECT p.code, r.code, r.title, r.as_of, r.state,"
                   " (SELECT count(*) FROM assessment a"
                   "   WHERE a.round_id = r.id),"
                   " (SELECT count(*) FROM assessment a"
                   "   WHERE a.round_id = r.id AND a.rating <> 'not_rated')"
                   " FROM round r JOIN plan p ON p.id = r.plan_id"
                   " WHERE $1 IS NULL OR p.code = $1"
                   " ORDER BY p.id, r.as_of IS NULL, r.as_of, r.code",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)paOut, &nAlloc, *pnOut, sizeof **paOut);
        RoundCount *c = &(*paOut)[(*pnOut)++];
        memset(c, 0, sizeof *c);
        c->zPlan = sq_col_dup(st, 0);
        c->r.zCode = sq_col_dup(st, 1);
        c->r.zTitle = sq_col_dup(st, 2);
        c->r.zAsOf = sq_col_dup(st, 3);
        if (round_state_parse((const char *)sqlite3_column_text(st, 4),
                              &c->r.eState)) {
            c->r.eState = ROUND_DRAFT;
        }
        c->nAssessed = (long)sqlite3_column_int64(st, 5);
        c->nRated = (long)sqlite3_column_int64(st, 6);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "listing rounds");
}

/* ---- audit rows by id (imports that merge) ------------------------------ */

/* The ids are the table's rowid, so the range is a search of the table
** itself, and a range that starts at an export's version holds only the
** changes made since (few, however long the trail).  The key test is
** sq_audit_list()'s. */
static int
sq_audit_rows(Store *s, long iFrom, long iTo, const char *zKeyPrefix,
              AuditEntry **paOut, long **paiId, size_t *pnOut, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *paOut = NULL;
    *paiId = NULL;
    *pnOut = 0;
    if (SQ_PREPARE(S,
                   "SELECT id, at, actor, action, entity, key, field, old, new"
                   " FROM audit WHERE id >= $1 AND ($2 <= 0 OR id <= $2)"
                   " AND ($3 IS NULL OR key = $3"
                   "      OR (key >= $3 || '/' AND key < $3 || '0'))"
                   " ORDER BY id",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, iFrom);
    sq_bind_int(st, 2, iTo);
    sq_bind_text(st, 3, zKeyPrefix);
    size_t nAlloc = 0, nIdAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)paOut, &nAlloc, *pnOut, sizeof **paOut);
        xgrow((void **)paiId, &nIdAlloc, *pnOut, sizeof **paiId);
        (*paiId)[*pnOut] = (long)sqlite3_column_int64(st, 0);
        AuditEntry *e = &(*paOut)[(*pnOut)++];
        e->zAt = sq_col_dup(st, 1);
        e->zActor = sq_col_dup(st, 2);
        e->zAction = sq_col_dup(st, 3);
        e->zEntity = sq_col_dup(st, 4);
        e->zKey = sq_col_dup(st, 5);
        e->zField = sq_col_dup(st, 6);
        e->zOld = sq_col_dup(st, 7);
        e->zNew = sq_col_dup(st, 8);
    }
    sq_finalize(S, st);
    return rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading the audit trail");
}

static const StoreMethods sqMethods = {
    .xClose = sq_close,
    .xBegin = sq_begin,
    .xCommit = sq_commit,
    .xRollback = sq_rollback,
    .xSetBusyMs = sq_set_busy_ms,
    .xSetWriterNote = sq_writer_note_set,
    .xBeginRead = sq_begin_read,
    .xEndRead = sq_rollback,
    .xDataVersion = sq_data_version,
    .xLoad = sq_load,
    .xRowGet = sq_row_get,
    .xRowExists = sq_row_exists,
    .xRowPut = sq_row_put,
    .xSubGet = sq_sub_get,
    .xSubPut = sq_sub_put,
    .xAuditAdd = sq_audit_add,
    .xAuditList = sq_audit_list,
    .xUserGet = sq_user_get,
    .xUserList = sq_user_list,
    .xSessionPut = sq_session_put,
    .xSessionGet = sq_session_get,
    .xSessionTouch = sq_session_touch,
    .xSessionDelete = sq_session_delete,
    .xSessionDeleteUser = sq_session_delete_user,
    .xCasePut = sq_case_put,
    .xCaseScan = sq_case_scan,
    .xAuditLatest = sq_audit_latest,
    .xCaseCount = sq_case_count,
    .xKeptGet = sq_kept_get,
    .xKeptPut = sq_kept_put,
    .xTableScan = sq_table_scan,
    .xTablePut = sq_table_put,
    .xTableEnd = sq_table_end,
    .xTableCount = sq_table_count,
    .xCaseGet = sq_case_get,
    .xCaseOrgs = sq_case_orgs,
    .xCaseEventAdd = sq_case_event_add,
    .xCasePaymentAdd = sq_case_payment_add,
    .xCaseList = sq_case_list,
    .xRoundList = sq_round_list,
    .xAuditRows = sq_audit_rows,
    .xBackup = sq_backup,
    .xCheck = sq_check,
    .xRestore = sq_restore,
    .xRecScan = sq_rec_scan,
    .xOutreachList = sq_outreach_list,
    .xMediaList = sq_media_list,
    .xStatList = sq_stat_list,
    .xOutreachDelete = sq_outreach_delete,
    .xIndScan = sq_ind_scan,
    .xStmtScan = sq_stmt_scan,
    .xStmtAdd = sq_stmt_add,
    .xAttachRead = sq_attach_read,
    .xAttachDelete = sq_attach_delete,
    .xFundScan = sq_fund_scan,
    .xNoteAdd = sq_note_add,
    .xNoteList = sq_note_list,
    .xNoteRead = sq_note_read,
    .xNoteMailDue = sq_note_mail_due,
    .xNoteTold = sq_note_told,
    .xNoteWithdraw = sq_note_withdraw,
    .xNoteMailSet = sq_note_mail_set,
};
