/*
** store_pg_int.h — what the files of the PostgreSQL backend share: the
** backend's struct and its query helpers.
**
** The backend is a translation of the SQLite one (store_sqlite*.c): the
** same methods, the same queries in PostgreSQL's dialect, split the same
** way (store_pg_rows.c, store_pg_load.c, store_pg_auth.c,
** store_pg_cases.c).  Every value travels as text ($N parameters, text
** results); SQL is always a literal, prepared once per connection.
*/
#ifndef LMPMON_STORE_PG_INT_H
#define LMPMON_STORE_PG_INT_H

#include <libpq-fe.h>

#include "store.h"
#include "store_ids.h"

/* Prepared statements kept for the connection's life, keyed by the
** address of their SQL literal as in the SQLite backend; slot k is the
** server-side statement "q<k>". */
#define PG_CACHE_SLOTS 256

/* The key of the advisory lock every write transaction holds: 'LMPM'.
** Writers take turns as under SQLite's BEGIN IMMEDIATE (see pg_begin()). */
#define PG_WRITER_LOCK 0x4C4D504D

/* The channel every commit of a write transaction, and every session
** ended, is announced on (NOTIFY), for store_watch(). */
#define PG_CHANGE_CHANNEL "lmpmon_change"

/* Rows held back for COPY (store_pg_copy.c). */
typedef struct PgCopy PgCopy;

/* The most parameters of one query (PgArgs). */
#define PG_NPARAM 24

/* Writes pg_defer() sends before their results are read; rows
** pg_defer_row() gathers into one INSERT. */
#define PG_PIPE_MAX  256
#define PG_BATCH_MAX 64

/* Rows of one table gathered for a multi-row INSERT (pg_defer_row()). */
typedef struct PgBatch {
    const char *zHead; /* "INSERT INTO t(columns) VALUES", or NULL */
    const char *zRow;  /* one row's "($1::bigint, $2, ...)" */
    const char *zWhat;
    int nCol, nRow;
    Buf arena;                             /* the values, NUL-ended */
    size_t aOff[PG_BATCH_MAX * PG_NPARAM]; /* each value's, or SIZE_MAX: NULL */
} PgBatch;

typedef struct PgStore {
    Store base; /* must be first */
    PGconn *db;
    const char *azPrepared[PG_CACHE_SLOTS]; /* SQL of slot k, or NULL */
    char *zName;    /* the database as messages name it: no password */
    int bInTxn;     /* a transaction (write or read) is open */
    int bWrite;     /* ... and it is a write transaction */
    int msBusy;     /* how long a write waits for another writer */
    char *zNote;    /* what write transactions do, or NULL */
    StoreIds ids;   /* ids by code for this transaction (store_ids.h) */
    PgCopy *pCopy;  /* cases and audit rows held back, or NULL */
    int bTableCopy; /* a COPY of a copied table is open (store_pg_tables.c) */
    int bSchema;    /* the schema is in place (opened): pg_begin() may
                    ** read the audit trail */
    int bListening; /* LISTEN is in force on this connection (pg_watch()) */
    int nPiped;     /* writes sent without waiting (pg_defer()) */
    const char *azPipedWhat[PG_PIPE_MAX]; /* what each was, for messages */
    int anPipedRows[PG_PIPE_MAX];         /* the rows each must write */
    PgBatch batch;                        /* rows not sent yet */
    long long nodeIdNext; /* the id the next new node gets (pg_node_ids_*),
                          ** 0 until one is needed in this transaction */
} PgStore;

/* Parameters of one query: up to PG_NPARAM texts (NULL for SQL NULL);
** numbers are formatted into the struct's own buffers. */

typedef struct PgArgs {
    const char *az[PG_NPARAM];
    char aNum[PG_NPARAM][24];
    int n;
} PgArgs;

void pg_arg_text(PgArgs *a, int i, const char *z); /* $i, 1-based */
void pg_arg_int(PgArgs *a, int i, long long v);

/* Run the literal SQL with the arguments: a result whose status is
** PGRES_TUPLES_OK or PGRES_COMMAND_OK (PQclear() it), or NULL with err
** filled as pg_fail() says.  zWhat names what was being done, for the
** message ("reading a plan"). */
#define PG_QUERY(S, SQL, args, err, zWhat)                                     \
 pg_query((S), "" SQL "", (args), (err), (zWhat))
PGresult *pg_query(PgStore *S, const char *zSql, const PgArgs *args,
                   AppErr *err, const char *zWhat);

/* Writes whose outcome is certain, sent without waiting for it: an import
** of a new plan inserts ten assessments and a few links under each new
** activity, rows that cannot exist yet (store_ids.h) — a round trip each
** was most of the import.  pg_defer() sends the INSERT of literal SQL with
** args in libpq's pipeline mode and counts it done; pg_pipe_drain() reads
** what was sent, each of which must have inserted its one row, and leaves
** pipeline mode.  Everything else on the connection drains first
** (pg_query(), transaction control, COPY), so statements keep their order
** and a read sees every write before it; at most PG_PIPE_MAX are sent
** unread.  A failure surfaces in the call that drains (the transaction is
** then failed and cannot commit).  0, or -1 with err filled. */
#define PG_DEFER(S, SQL, args, err, zWhat)                                     \
 pg_defer((S), "" SQL "", (args), (err), (zWhat))
int pg_defer(PgStore *S, const char *zSql, const PgArgs *args, AppErr *err,
             const char *zWhat);
/* The same for a row of zHead, a literal "INSERT INTO t(c1, ..., cN)
** VALUES", zRow its values "($1, $2::bigint, ...)" (casts where a
** parameter's type is not text: a multi-row VALUES does not take it from
** the columns) and args the N values: rows of one zHead are sent together
** as one INSERT (PostgreSQL's cost per statement dwarfs its cost per row),
** at PG_BATCH_MAX rows, at another zHead, and when the pipeline drains. */
#define PG_DEFER_ROW(S, HEAD, ROW, args, err, zWhat)                           \
 pg_defer_row((S), "" HEAD "", "" ROW "", (args), (err), (zWhat))
int pg_defer_row(PgStore *S, const char *zHead, const char *zRow,
                 const PgArgs *args, AppErr *err, const char *zWhat);
int pg_pipe_drain(PgStore *S, AppErr *err);

/* Fill err for a failed query result (or a lost connection when r is
** NULL): a message for people by SQLSTATE class (busy, conflict, lost
** connection, full disk, ...), the engine's text only in the detail.
** Returns -1. */
int pg_fail(PgStore *S, const PGresult *r, AppErr *err, const char *zWhat);

/* The SQLSTATE of a failed result ("" when there is none). */
const char *pg_state(const PGresult *r);

/* Copy of field (row, col) of r, NULL for SQL NULL. */
char *pg_dup(const PGresult *r, int row, int col);
/* Field (row, col) as a number (0 for NULL), as text ("" for NULL). */
long long pg_int(const PGresult *r, int row, int col);
const char *pg_text(const PGresult *r, int row, int col);

/* One number from a one-column query: *pOut, -1 when there is no row. */
int pg_lookup_id(PgStore *S, PGresult *r, long long *pOut);

/* Run a statement that returns nothing interesting; 0 or -1. */
int pg_run(PgStore *S, const char *zSql, const PgArgs *args, AppErr *err,
           const char *zWhat);
#define PG_RUN(S, SQL, args, err, zWhat)                                       \
 pg_run((S), "" SQL "", (args), (err), (zWhat))

/* Timestamps are stored as timestamptz and shown as lmpmon writes them
** ("2018-03-01T10:00:00Z"), whatever the server's settings. */
#define PG_TS(col)                                                             \
 "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* store_pg_rows.c: rows and sub-rows for the puts, the audit trail. */
int pg_row_get(Store *s, StoreEntity e, const char *const *azKey, char **azOld,
               int *pVersion, int *pbFound, int *piMissing, AppErr *err);
/* Ids of nodes inserted without waiting are handed out here, from the
** largest id + 1 (the writer lock keeps every other writer out, as the
** audit ids': the same ids as SQLite's); before COMMIT the identity's
** sequence is moved past them (pg_node_ids_settle()), at the end of a
** transaction forgotten (pg_node_ids_forget()). */
int pg_node_ids_settle(PgStore *S, AppErr *err);
void pg_node_ids_forget(PgStore *S);
int pg_row_exists(Store *s, StoreEntity e, const char *const *azKey,
                  int *pbFound, int *piMissing, AppErr *err);
int pg_row_put(Store *s, StoreEntity e, const char *const *azKey,
               const char *const *azNew, int bInsert, int iVersion, int *pbDone,
               AppErr *err);
int pg_sub_get(Store *s, StoreSub k, const char *const *azKey, char ***pazItem,
               size_t *pnItem, AppErr *err);
int pg_sub_put(Store *s, StoreSub k, const char *const *azKey,
               const char *const *azItem, size_t nItem, AppErr *err);
int pg_audit_add(Store *s, const char *zAction, const char *zEntity,
                 const char *zKey, const char *zField, const char *zOld,
                 const char *zNew, AppErr *err);
/* The id of plan zPlan in *pId, -1 when there is none. */
int pg_plan_find(PgStore *S, const char *zPlan, long long *pId, AppErr *err);

/* A one-row read and a write's outcome of store_pg_rows.c, for the rows
** of other files: pg_row_read() takes a query's result of at most one row
** (its first nCol columns the row's, column nCol its version when
** pVersion), pg_row_wrote() an INSERT's or UPDATE's (*pbDone: it changed
** one row); both clear r, and a NULL r (the query failed) is -1. */
int pg_row_read(PgStore *S, PGresult *r, int nCol, char **azOld, int *pVersion,
                int *pbFound);
int pg_row_wrote(PGresult *r, int *pbDone);
/* Call fn with each row's texts of r (at most 16 columns) until it
** returns non-zero; clear r. */
void pg_visit_rows(PGresult *r, StoreRowVisitor fn, void *pArg);

/* Outreach events, media, statistics (store_pg_outreach.c): their rows
** and sub-rows for pg_row_get(), pg_row_put(), pg_sub_get() and
** pg_sub_put(), and the lists. */
int pg_outreach_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
                        char **azOld, int *pVersion, int *pbFound, AppErr *err);
int pg_outreach_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
                        const char *const *az, int bInsert, int iVersion,
                        int *pbDone, AppErr *err);
/* The result of the query of an event's sub-rows k (for pg_sub_get()). */
PGresult *pg_outreach_sub_query(PgStore *S, StoreSub k,
                                const char *const *azKey, AppErr *err);
int pg_outreach_sub_put(PgStore *S, StoreSub k, const char *const *azKey,
                        const char *const *azItem, size_t nItem, AppErr *err);
int pg_outreach_list(Store *s, const char *zFrom, const char *zTo, long long id,
                     Outreach **pa, size_t *pn, AppErr *err);
int pg_media_list(Store *s, const char *zFrom, const char *zTo, Media **pa,
                  size_t *pn, AppErr *err);
int pg_stat_list(Store *s, StatObs **pa, size_t *pn, AppErr *err);
int pg_outreach_delete(Store *s, StoreEntity e, const char *const *azKey,
                       int iVersion, int *pbDone, AppErr *err);

/* store_pg_load.c */
int pg_load(Store *s, const StoreScope *scope, Model *m, AppErr *err);

/* store_pg_auth.c: accounts, sessions, statements. */
int pg_user_get(Store *s, const char *zName, User *u, AppErr *err);
int pg_user_list(Store *s, User **pa, size_t *pn, AppErr *err);
int pg_session_put(Store *s, const Session *ses, AppErr *err);
int pg_session_get(Store *s, const char *zTokenHash, Session *ses, AppErr *err);
int pg_session_touch(Store *s, const char *zTokenHash, long now, AppErr *err);
int pg_session_delete(Store *s, const char *zTokenHash, AppErr *err);
int pg_session_delete_user(Store *s, const char *zUser, AppErr *err);
int pg_load_statements(PgStore *S, long long planId, const char *zNode,
                       const char *const *azRound, size_t nRound, Plan *p,
                       AppErr *err);

/* store_pg_copy.c: rows held back and sent with COPY.
**
** pg_copy_case_put() keeps a case (its 20 fields as text in the order of
** pg_case_upsert(), azWho its 3 personal fields or NULL) to be written
** with others; pg_copy_audit_add() an audit row (at, actor, action,
** entity, key, field, old, new; NULL for SQL NULL).  Either may write
** what was kept before (and fail for it).  pg_copy_flush_cases() writes
** the cases kept (pg_query() calls it before every query), pg_audit_flush()
** the audit rows (call it before reading the audit trail),
** pg_copy_flush() both (before COMMIT); 0 or -1 with err filled.
** pg_copy_discard() drops everything kept (at a rollback; it ends a COPY
** in progress), pg_copy_free() frees it all (at close). */
/* Append z (NULL: SQL NULL) as one field of COPY's text format to b: a
** tab before all but the first, backslash escapes for what would end it. */
void pg_copy_field(Buf *b, const char *z, int bFirst);

int pg_copy_case_put(PgStore *S, const char *const *az,
                     const char *const *azWho, AppErr *err);
int pg_copy_audit_add(PgStore *S, const char *const *az, AppErr *err);
int pg_copy_flush_cases(PgStore *S, AppErr *err);
int pg_audit_flush(PgStore *S, AppErr *err);
int pg_copy_flush(PgStore *S, AppErr *err);
void pg_copy_discard(PgStore *S);
void pg_copy_free(PgStore *S);

/* store_pg_cases.c */
int pg_case_upsert(PgStore *S, const char *const *az, const char *const *azWho,
                   AppErr *err);
int pg_case_put(Store *s, const Case *c, const CasePerson *who, AppErr *err);
int pg_case_scan(Store *s, const char *zFrom, const char *zTo, int bPersonal,
                 CaseVisitor fn, void *pArg, AppErr *err);
int pg_audit_latest(Store *s, const char *zKey, long *pId, AppErr *err);
int pg_case_count(Store *s, long *pn, AppErr *err);

/* store_pg_tables.c: whole tables, for 'lmpmon copy'. */
int pg_table_scan(Store *s, StoreTable t, StoreRowVisitor fn, void *pArg,
                  AppErr *err);
int pg_table_put(Store *s, StoreTable t, const char *const *azVal, AppErr *err);
int pg_table_end(Store *s, StoreTable t, AppErr *err);
int pg_table_count(Store *s, StoreTable t, long *pn, AppErr *err);
int pg_kept_get(Store *s, const char *zName, long *pGen, char **pzBody,
                AppErr *err);
int pg_kept_put(Store *s, const char *zName, long gen, const char *zBody,
                AppErr *err);
int pg_case_get(Store *s, const char *zOrg, const char *zCaseNo, CaseFile *f,
                CasePerson *who, AppErr *err);
int pg_case_event_add(Store *s, const char *zOrg, const char *zCaseNo,
                      const CaseEvent *e, AppErr *err);
int pg_case_payment_add(Store *s, const char *zOrg, const char *zCaseNo,
                        const CasePayment *p, AppErr *err);
int pg_case_orgs(Store *s, const char *zCaseNo, char ***pazOrg, size_t *pn,
                 AppErr *err);
int pg_case_list(Store *s, const char *zOrg, int nLimit, CaseVisitor fn,
                 void *pArg, AppErr *err);

/* store_pg_recs.c: recommendations (as store_sqlite_recs.c). */
int pg_rec_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
                   char **azOld, int *pVersion, int *pbFound, AppErr *err);
int pg_rec_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
                   const char *const *az, int bInsert, int iVersion,
                   int *pbDone, AppErr *err);
int pg_rec_sub_get(PgStore *S, StoreSub k, const char *const *azKey,
                   char ***pazItem, size_t *pnItem, AppErr *err);
int pg_rec_sub_put(PgStore *S, StoreSub k, const char *const *azKey,
                   const char *const *azItem, size_t nItem, AppErr *err);
/* Indicators and their values (store_pg_ind.c): their rows for
** pg_row_get() and pg_row_put(), and the scan of store_indicator_list(). */
int pg_ind_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
                   char **azOld, int *pVersion, int *pbFound, AppErr *err);
int pg_ind_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
                   const char *const *az, int bInsert, int iVersion,
                   int *pbDone, AppErr *err);
int pg_ind_scan(Store *s, const char *zPlan, StoreIndPart part,
                StoreRowVisitor fn, void *pArg, AppErr *err);
/* Costs and funding lines (store_pg_fund.c), likewise. */
int pg_fund_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
                    char **azOld, int *pVersion, int *pbFound, AppErr *err);
int pg_fund_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
                    const char *const *az, int bInsert, int iVersion,
                    int *pbDone, AppErr *err);
int pg_fund_scan(Store *s, const char *zPlan, const char *zRound,
                 StoreFundPart part, StoreRowVisitor fn, void *pArg,
                 AppErr *err);

/* store_pg_thread.c: statements' threads and versions. */
int pg_stmt_scan(Store *s, const char *zPlan, const char *zNode,
                 StoreStmtPart part, StoreRowVisitor fn, void *pArg,
                 AppErr *err);
int pg_stmt_add(Store *s, StoreStmtPart part, const char *const *azKey,
                const char *const *azVal, int *pbDone, AppErr *err);
int pg_attach_read(Store *s, long iId, StoreRowVisitor fn, void *pArg,
                   AppErr *err);
int pg_attach_delete(Store *s, long iId, int *pbDone, AppErr *err);
int pg_rec_scan(Store *s, const char *zPlan, StoreRecPart part,
                StoreRowVisitor fn, void *pArg, AppErr *err);

/* Notifications (store_pg_note.c). */
int pg_note_add(Store *s, const Note *n, AppErr *err);
int pg_note_list(Store *s, const char *zUser, int nMax, Note **pa, size_t *pn,
                 AppErr *err);
int pg_note_read(Store *s, const char *zUser, long id, const char *zAt,
                 long *pnChanged, AppErr *err);
int pg_note_mail_due(Store *s, const char *zNow, int nMax, Note **pa,
                     size_t *pn, AppErr *err);
int pg_note_withdraw(Store *s, const char *zPlan, const char *zRound,
                     const char *zOrg, AppErr *err);
int pg_note_told(Store *s, NoteKind k, const char *zPlan, const char *zRound,
                 const char *zOrg, const char *zSince, int *pbTold,
                 AppErr *err);
int pg_note_mail_set(Store *s, long id, NoteMail e, int nTries,
                     const char *zNext, AppErr *err);

#endif
