/*
** store_sqlite.c — the Store interface on an SQLite file.
**
** One connection per Store; a Store is used by one thread at a time.  Write
** transactions are BEGIN IMMEDIATE so a second writer waits (busy_timeout)
** instead of failing half-way (reference/tech-choices.md, section 8).
**
** SQL text is always a literal (SQ_PREPARE refuses anything else at compile
** time) with $N parameters, the numbering PostgreSQL uses too; values are
** always bound.
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "store_sqlite.h"
#include "store_sqlite_int.h"
#include "schema_sqlite.h"
#include "../base/base.h"
#include "../base/banned.h"


/* The engine's text goes to the detail (the log), never to the message:
** users get what they can act on.  A busy database is its own code so the
** web answers 503 with Retry-After and the CLI says to try again. */
int
sq_fail(SqStore *S, AppErr *err, const char *zWhat)
{
    int code = sqlite3_extended_errcode(S->db);
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        apperr_set(err, APPERR_BUSY, "the database is busy with another "
                   "change (an import?) and did not free up within %.1f s "
                   "while %s; nothing was changed: try again in a moment",
                   S->msBusy / 1000.0, zWhat);
    } else {
        apperr_set(err, APPERR_DB, "database error while %s; nothing was "
                   "changed (the details are in the log)", zWhat);
    }
    return apperr_detail(err, "sqlite %d while %s: %s", code, zWhat,
                         sqlite3_errmsg(S->db));
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
    if (sqlite3_prepare_v2(S->db, zSql, -1, ppSt, NULL) != SQLITE_OK) {
        *ppSt = NULL;
        return sq_fail(S, err, "preparing a query");
    }
    if (slot) {
        slot->zSql = zSql;
        slot->st = *ppSt;
        slot->bBusy = 1;
    }
    return 0;
}

void
sq_finalize(SqStore *S, sqlite3_stmt *st)
{
    if (!st) {
        return;
    }
    for (size_t k = 0; k < SQ_CACHE_SLOTS; k++) {
        if (S->aCache[k].st == st) {
            (void)sqlite3_reset(st);
            (void)sqlite3_clear_bindings(st);
            S->aCache[k].bBusy = 0;
            return;
        }
    }
    (void)(sqlite3_finalize)(st);
}

/* Parameter "$n" of st (SQLite numbers named parameters by first use, so
** "$2" may well be index 1: look it up by name). */
static int
sq_param(sqlite3_stmt *st, int n)
{
    char zName[16];
    (void)snprintf(zName, sizeof zName, "$%d", n);
    int i = sqlite3_bind_parameter_index(st, zName);
    assert(i > 0);
    return i;
}

void
sq_bind_text(sqlite3_stmt *st, int n, const char *z)
{
    int i = sq_param(st, n);
    if (z) {
        (void)sqlite3_bind_text(st, i, z, -1, SQLITE_TRANSIENT);
    } else {
        (void)sqlite3_bind_null(st, i);
    }
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
    for (size_t k = 0; k < SQ_CACHE_SLOTS; k++) {
        (void)(sqlite3_finalize)(S->aCache[k].st);
    }
    (void)sqlite3_close(S->db);
    free(S->base.zActor);
    free(S);
}

static int
sq_begin(Store *s, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(!S->bInTxn);
    if (sqlite3_exec(S->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        return sq_fail(S, err, "starting a transaction");
    }
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
        return rc;
    }
    S->bInTxn = 0;
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

/* Apply the migrations after version iFrom in one transaction. */
static int
sq_migrate(SqStore *S, int iFrom, const char *zPath, AppErr *err)
{
    if (sqlite3_exec(S->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        return sq_fail(S, err, "starting the schema migration");
    }
    for (int i = iFrom; i < nSchemaMigration; i++) {
        char *zErr = NULL;
        if (sqlite3_exec(S->db, azSchemaMigration[i], NULL, NULL, &zErr) !=
            SQLITE_OK) {
            apperr_set(err, APPERR_DB,
                       "cannot migrate '%s' to schema version %d; it is "
                       "unchanged (the details are in the log)", zPath, i + 1);
            apperr_detail(err, "sqlite: %s", zErr ? zErr : "unknown error");
            sqlite3_free(zErr);
            (void)sqlite3_exec(S->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
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

static const StoreMethods sqMethods;

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
                   "--db PATH)", zPath);
        return NULL;
    }
    if (bExists && (!S_ISREG(sb.st_mode) || sb.st_size == 0)) {
        apperr_set(err, APPERR_INPUT, "'%s' is not an lmpmon database", zPath);
        return NULL;
    }

    SqStore *S = xcalloc(1, sizeof *S);
    S->base.pMethods = &sqMethods;
    S->base.zActor = xstrdup(zActor ? zActor : "unknown");
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                (eMode == STORE_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(zPath, &S->db, flags, NULL) != SQLITE_OK) {
        apperr_set(err, APPERR_IO, "cannot open database '%s'", zPath);
        apperr_detail(err, "sqlite: %s",
                      S->db ? sqlite3_errmsg(S->db) : "out of memory");
        sq_close(&S->base);
        return NULL;
    }
    S->msBusy = store_default_busy_ms();
    (void)sqlite3_busy_timeout(S->db, S->msBusy);
    (void)sqlite3_exec(S->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

    int appId = 0, version = 0;
    if (sq_pragma_int(S, "PRAGMA application_id", &appId) ||
        sq_pragma_int(S, "PRAGMA user_version", &version)) {
        apperr_set(err, APPERR_INPUT, "'%s' is not an lmpmon database", zPath);
        sq_close(&S->base);
        return NULL;
    }
    if (eMode == STORE_OPEN_EXISTING && appId != SCHEMA_APPLICATION_ID) {
        apperr_set(err, APPERR_INPUT, "'%s' is not an lmpmon database", zPath);
        sq_close(&S->base);
        return NULL;
    }
    if (version > nSchemaMigration) {
        apperr_set(err, APPERR_CONFLICT,
                   "database '%s' was written by a newer lmpmon (schema "
                   "version %d; this lmpmon knows versions up to %d): upgrade "
                   "lmpmon", zPath, version, nSchemaMigration);
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
    (void)sqlite3_exec(S->db, "PRAGMA mmap_size = 268435456", NULL, NULL,
                       NULL);
    if (version < nSchemaMigration && sq_migrate(S, version, zPath, err)) {
        sq_close(&S->base);
        return NULL;
    }
    return &S->base;
}

int
store_schema_version(void)
{
    return nSchemaMigration;
}

/* ---- loading the model ---------------------------------------------------- */

static int
sq_load_orgs(SqStore *S, Model *m, AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT o.id, o.acronym, o.name, o.kind, p.acronym"
                   " FROM org o LEFT JOIN org p ON p.id = o.parent_id"
                   " ORDER BY o.acronym COLLATE NOCASE, o.acronym",
                   &st, err)) {
        return -1;
    }
    sqlite3_int64 *aId = NULL;
    size_t nIdAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&aId, &nIdAlloc, m->nOrg, sizeof *aId);
        aId[m->nOrg] = sqlite3_column_int64(st, 0);
        Org *o = model_add_org(m);
        o->zAcronym = sq_col_dup(st, 1);
        o->zName = sq_col_dup(st, 2);
        char *zKind = sq_col_dup(st, 3);
        if (org_kind_parse(zKind, &o->eKind)) {
            o->eKind = ORG_OTHER;
        }
        free(zKind);
        o->zParent = sq_col_dup(st, 4);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        free(aId);
        return sq_fail(S, err, "reading organisations");
    }
    /* All aliases in one query, attached by organisation id. */
    if (SQ_PREPARE(S,
                   "SELECT org_id, alias FROM org_alias"
                   " ORDER BY org_id, position",
                   &st, err)) {
        free(aId);
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 orgId = sqlite3_column_int64(st, 0);
        for (size_t i = 0; i < m->nOrg; i++) {
            if (aId[i] == orgId) {
                strv_push(&m->aOrg[i].azAlias, &m->aOrg[i].nAlias,
                          (const char *)sqlite3_column_text(st, 1));
                break;
            }
        }
    }
    sq_finalize(S, st);
    rc = rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading aliases");
    free(aId);
    return rc;
}

/* Position of round zCode in p's sorted rounds (nRound if absent). */
static size_t
sq_round_pos(const Plan *p, const char *zCode)
{
    for (size_t k = 0; k < p->nRound; k++) {
        if (str_eq(p->aRound[k].zCode, zCode)) {
            return k;
        }
    }
    return p->nRound;
}

/* Sort n's assessments into p's round order (insertion sort: a node has
** one assessment per round, a handful). */
static void
sq_sort_assessments(const Plan *p, Node *n)
{
    for (size_t i = 1; i < n->nAssess; i++) {
        Assessment x = n->aAssess[i];
        size_t pos = sq_round_pos(p, x.zRound);
        size_t j = i;
        while (j > 0 && sq_round_pos(p, n->aAssess[j - 1].zRound) > pos) {
            n->aAssess[j] = n->aAssess[j - 1];
            j--;
        }
        n->aAssess[j] = x;
    }
}

/* A node row as read, before it takes its place in pre-order. */
typedef struct SqNodeRow {
    sqlite3_int64 id, parentId, position;
    int depth;
    char *zCode, *zText, *zIndicator;
} SqNodeRow;

static int
sq_node_row_cmp(const void *a, const void *b)
{
    const SqNodeRow *x = a, *y = b;
    if (x->parentId != y->parentId) {
        return x->parentId < y->parentId ? -1 : 1;
    }
    return x->position < y->position ? -1 : x->position > y->position;
}

/* Maps a node id to its index in Plan.aNode. */
typedef struct SqIdIndex {
    sqlite3_int64 id;
    long i;
} SqIdIndex;

static int
sq_id_index_cmp(const void *a, const void *b)
{
    const SqIdIndex *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

static long
sq_index_of(const SqIdIndex *a, size_t n, sqlite3_int64 id)
{
    SqIdIndex key = { id, -1 };
    const SqIdIndex *p = bsearch(&key, a, n, sizeof *a, sq_id_index_cmp);
    return p ? p->i : -1;
}

/* Append rows[lo..hi) (siblings, sorted) and their subtrees in pre-order. */
static void
sq_emit_subtree(Plan *p, SqNodeRow *aRow, size_t nRow, size_t lo, size_t hi,
                long iParent, SqIdIndex *aMap)
{
    for (size_t k = lo; k < hi; k++) {
        SqNodeRow *r = &aRow[k];
        long iSelf = (long)p->nNode;
        Node *n = plan_add_node(p);
        n->zCode = r->zCode;
        n->zText = r->zText;
        n->zIndicator = r->zIndicator;
        n->iLevel = r->depth;
        n->iParent = iParent;
        r->zCode = r->zText = r->zIndicator = NULL;
        aMap[iSelf].id = r->id;
        aMap[iSelf].i = iSelf;
        /* Children of r form one run in the sorted rows. */
        SqNodeRow key = { 0, r->id, -1, 0, NULL, NULL, NULL };
        size_t a = 0, b = nRow;
        while (a < b) {
            size_t mid = (a + b) / 2;
            if (sq_node_row_cmp(&aRow[mid], &key) < 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        size_t end = a;
        while (end < nRow && aRow[end].parentId == r->id) {
            end++;
        }
        if (end > a) {
            sq_emit_subtree(p, aRow, nRow, a, end, iSelf, aMap);
        }
    }
}

/* The nodes of plan planId with their links and assessments; with zNode,
** only that node (a one-node plan whose node has no parent: what a use
** case needs to check and change one activity, at a cost independent of
** the plan's size). */
static int
sq_load_nodes(SqStore *S, sqlite3_int64 planId, const char *zNode, Plan *p,
              AppErr *err)
{
    sqlite3_stmt *st;
    int bOne = zNode != NULL;
    if (bOne ? SQ_PREPARE(S,
                          "SELECT id, 0, position, depth, code, text,"
                          " indicator FROM node WHERE plan_id = $1"
                          " AND code = $2",
                          &st, err)
             : SQ_PREPARE(S,
                          "SELECT id, coalesce(parent_id, 0), position, depth,"
                          " code, text, indicator FROM node WHERE plan_id = $1",
                          &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    if (bOne) {
        sq_bind_text(st, 2, zNode);
    }
    SqNodeRow *aRow = NULL;
    size_t nRow = 0, nRowAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&aRow, &nRowAlloc, nRow, sizeof *aRow);
        SqNodeRow *r = &aRow[nRow++];
        r->id = sqlite3_column_int64(st, 0);
        r->parentId = sqlite3_column_int64(st, 1);
        r->position = sqlite3_column_int64(st, 2);
        r->depth = sqlite3_column_int(st, 3);
        r->zCode = sq_col_dup(st, 4);
        r->zText = sq_col_dup(st, 5);
        r->zIndicator = sq_col_dup(st, 6);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        rc = sq_fail(S, err, "reading plan nodes");
        goto out;
    }
    rc = 0;
    if (nRow) {
        qsort(aRow, nRow, sizeof *aRow, sq_node_row_cmp);
    }
    SqIdIndex *aMap = xcalloc(nRow ? nRow : 1, sizeof *aMap);
    size_t nRoots = 0;
    while (nRoots < nRow && aRow[nRoots].parentId == 0) {
        nRoots++;
    }
    sq_emit_subtree(p, aRow, nRow, 0, nRoots, -1, aMap);
    size_t nMap = p->nNode;
    qsort(aMap, nMap, sizeof *aMap, sq_id_index_cmp);

    /* Links, in role and position order. */
    if (bOne ? SQ_PREPARE(S,
                          "SELECT l.node_id, l.role, o.acronym FROM node_org l"
                          " JOIN org o ON o.id = l.org_id WHERE l.node_id = $1"
                          " ORDER BY l.role DESC, l.position",
                          &st, err)
             : SQ_PREPARE(S,
                          "SELECT l.node_id, l.role, o.acronym FROM node_org l"
                          " JOIN org o ON o.id = l.org_id JOIN node n"
                          " ON n.id = l.node_id WHERE n.plan_id = $1"
                          " ORDER BY l.node_id, l.role DESC, l.position",
                          &st, err)) {
        rc = -1;
        goto out_map;
    }
    sq_bind_int(st, 1, bOne ? (nMap ? aMap[0].id : -1) : planId);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = sq_index_of(aMap, nMap, sqlite3_column_int64(st, 0));
        if (i < 0) {
            continue;
        }
        Node *n = &p->aNode[i];
        const char *zRole = (const char *)sqlite3_column_text(st, 1);
        const char *zOrg = (const char *)sqlite3_column_text(st, 2);
        if (str_eq(zRole, "responsible")) {
            strv_push(&n->azResp, &n->nResp, zOrg);
        } else {
            strv_push(&n->azContrib, &n->nContrib, zOrg);
        }
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        rc = sq_fail(S, err, "reading links");
        goto out_map;
    }

    /* Assessments, in round order (as-of date, then code). */
    if (bOne ? SQ_PREPARE(S,
                          "SELECT a.node_id, r.code, a.action_point,"
                          " a.progress, a.rating, a.state, a.version"
                          " FROM assessment a JOIN round r ON r.id = a.round_id"
                          " WHERE a.node_id = $1"
                          " ORDER BY r.as_of IS NULL, r.as_of, r.code",
                          &st, err)
             : SQ_PREPARE(S,
                          "SELECT a.node_id, r.code, a.action_point,"
                          " a.progress, a.rating, a.state, a.version"
                          " FROM assessment a CROSS JOIN round r"
                          " ON r.id = a.round_id WHERE r.plan_id = $1",
                          &st, err)) {
        rc = -1;
        goto out_map;
    }
    sq_bind_int(st, 1, bOne ? (nMap ? aMap[0].id : -1) : planId);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long i = sq_index_of(aMap, nMap, sqlite3_column_int64(st, 0));
        if (i < 0) {
            continue;
        }
        Assessment *a = node_add_assessment(&p->aNode[i]);
        a->zRound = sq_col_dup(st, 1);
        a->zActionPoint = sq_col_dup(st, 2);
        a->zProgress = sq_col_dup(st, 3);
        const char *zRating = (const char *)sqlite3_column_text(st, 4);
        a->eRating = RATING_NONE;
        for (int r = 0; r < RATING_COUNT; r++) {
            if (str_eq(zRating, rating_key((Rating)r))) {
                a->eRating = (Rating)r;
            }
        }
        if (assess_state_parse((const char *)sqlite3_column_text(st, 5),
                               &a->eState)) {
            a->eState = ASSESS_DRAFT;
        }
        a->iVersion = sqlite3_column_int(st, 6);
    }
    sq_finalize(S, st);
    rc = rc == SQLITE_DONE ? 0 : sq_fail(S, err, "reading assessments");
    /* CROSS JOIN keeps SQLite's loop order: one sequential pass over the
    ** assessments, each round looked up in a table of a few rows (through
    ** the round index it fetched every assessment row by id instead).  No
    ** ORDER BY: sorting every assessment with its text spilled to disk;
    ** each node's few assessments are put in round order here. */
    for (size_t i = 0; rc == 0 && i < p->nNode; i++) {
        sq_sort_assessments(p, &p->aNode[i]);
    }
out_map:
    free(aMap);
out:
    for (size_t k = 0; k < nRow; k++) {
        free(aRow[k].zCode);
        free(aRow[k].zText);
        free(aRow[k].zIndicator);
    }
    free(aRow);
    return rc;
}

static int
sq_load_plan(SqStore *S, sqlite3_int64 planId, const char *zNode, Plan *p,
             AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT name, has_indicator FROM plan_level"
                   " WHERE plan_id = $1 ORDER BY depth",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
           p->nLevel < (int)LIMIT_PLAN_LEVELS) {
        p->aLevel[p->nLevel].zName = sq_col_dup(st, 0);
        p->aLevel[p->nLevel].bIndicator = sqlite3_column_int(st, 1);
        p->nLevel++;
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        return sq_fail(S, err, "reading plan levels");
    }
    if (SQ_PREPARE(S,
                   "SELECT code, title, as_of, state FROM round"
                   " WHERE plan_id = $1",
                   &st, err)) {
        return -1;
    }
    sq_bind_int(st, 1, planId);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Round *r = plan_add_round(p);
        r->zCode = sq_col_dup(st, 0);
        r->zTitle = sq_col_dup(st, 1);
        r->zAsOf = sq_col_dup(st, 2);
        if (round_state_parse((const char *)sqlite3_column_text(st, 3),
                              &r->eState)) {
            r->eState = ROUND_DRAFT;
        }
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading rounds");
    }
    plan_sort_rounds(p);
    if (sq_load_nodes(S, planId, zNode, p, err)) {
        return -1;
    }
    return sq_load_statements(S, planId, zNode, p, err);
}

static int
sq_load(Store *s, const char *zPlan, const char *zNode, Model *m, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    if (sq_load_orgs(S, m, err)) {
        return -1;
    }
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT id, code, title FROM plan"
                   " WHERE $1 IS NULL OR code = $1 ORDER BY id",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    sqlite3_int64 *aId = NULL;
    size_t nIdAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)&aId, &nIdAlloc, m->nPlan, sizeof *aId);
        aId[m->nPlan] = sqlite3_column_int64(st, 0);
        Plan *p = model_add_plan(m);
        p->zCode = sq_col_dup(st, 1);
        p->zTitle = sq_col_dup(st, 2);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        free(aId);
        return sq_fail(S, err, "reading plans");
    }
    rc = 0;
    if (zPlan && m->nPlan == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    for (size_t i = 0; i < m->nPlan && rc == 0; i++) {
        rc = sq_load_plan(S, aId[i], zNode, &m->aPlan[i], err);
    }
    free(aId);
    return rc;
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

static int sq_audit_rows(Store *s, long iFrom, long iTo,
                         const char *zKeyPrefix, AuditEntry **paOut,
                         long **paiId, size_t *pnOut, AppErr *err);

static const StoreMethods sqMethods = {
    .xClose = sq_close,
    .xBegin = sq_begin,
    .xCommit = sq_commit,
    .xRollback = sq_rollback,
    .xSetBusyMs = sq_set_busy_ms,
    .xBeginRead = sq_begin_read,
    .xEndRead = sq_rollback,
    .xDataVersion = sq_data_version,
    .xLoad = sq_load,
    .xRowGet = sq_row_get,
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
    .xCaseGet = sq_case_get,
    .xCaseEventAdd = sq_case_event_add,
    .xCasePaymentAdd = sq_case_payment_add,
    .xCaseList = sq_case_list,
    .xRoundList = sq_round_list,
    .xAuditRows = sq_audit_rows,
};

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

/* The public wrapper, here rather than in store.c while store.c is being
** reworked on another branch (see store.h). */
int
store_audit_rows(Store *s, long iFrom, long iTo, const char *zKeyPrefix,
                 AuditEntry **paOut, long **paiId, size_t *pnOut, AppErr *err)
{
    return s->pMethods->xAuditRows(s, iFrom, iTo, zKeyPrefix, paOut, paiId,
                                   pnOut, err);
}
