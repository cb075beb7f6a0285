/*
** store_sqlite_int.h — what the files of the SQLite backend share:
** the backend's struct and its statement helpers.
*/
#ifndef LMPMON_STORE_SQLITE_INT_H
#define LMPMON_STORE_SQLITE_INT_H

#include <sys/types.h>

#include <sqlite3.h>

#include "store.h"
#include "store_ids.h"

/* Prepared statements kept for the connection's life, keyed by the
** address of their SQL literal (SQ_PREPARE takes literals only, so the
** address names the text).  Parsing SQL cost more than running it for the
** short queries of a page or an import row. */
#define SQ_CACHE_SLOTS 128

typedef struct SqCached {
    const char *zSql; /* NULL: empty slot */
    sqlite3_stmt *st;
    int bBusy; /* handed out and not yet given back */
} SqCached;

typedef struct SqStore {
    Store base; /* must be first: a Store * is a SqStore * */
    SqCached aCache[SQ_CACHE_SLOTS];
    short aiBack[SQ_CACHE_SLOTS]; /* a kept statement's slot, by a hash of
                                  ** its address (sq_finalize()) */
    sqlite3 *db;
    char *zPath;            /* the database file, as given to store_open() */
    int bInTxn;             /* a write transaction is open */
    int msBusy;             /* how long a statement waits for another writer */
    sqlite3_stmt *pCasePut; /* kept for bulk imports (store_sqlite_cases.c) */
    sqlite3_stmt *pPersonPut;
    StoreIds ids;     /* ids by code for this transaction */
    long nTablePut;   /* rows copied into the current table */
    dev_t dev;        /* which file zPath was at open: a write */
    ino_t ino;        /* into a file deleted or replaced since */
    int bIdentity;    /* would be lost (sq_begin() checks) */
    char *zNote;      /* what write transactions do, or NULL */
    char *zNotePath;  /* the note beside the database */
    int bNoteWritten; /* (store_sqlite_writer.c) */
} SqStore;

/* The writer's note (store_sqlite_writer.c): set what this connection's
** write transactions do; write the note when one begins and remove it
** when it ends; describe the note another process left ("an import of
** 'a.csv' by sok (since 10:02:11)") into b, 0 if there is none. */
void sq_writer_note_set(Store *s, const char *zWhat);
void sq_writer_note_begin(SqStore *S);
void sq_writer_note_end(SqStore *S);
int sq_writer_note_describe(const SqStore *S, Buf *b);

/* SQLite's code for a failure on db that returned code, with an I/O error
** the system explains as a full disk or a read-only file system made
** SQLITE_FULL or SQLITE_READONLY; sq_errcode() for the last failure. */
int sq_code_refine(sqlite3 *db, int code);
int sq_errcode(sqlite3 *db);
/* The directory part of zPath ("." when it has none) into b; whether that
** directory lets us create files (SQLite's -wal and -shm). */
void sq_dir_of(const char *zPath, Buf *b);
int sq_dir_writable(const char *zPath);

/* The methods in files of their own: loading the model
** (store_sqlite_load.c), backups (store_sqlite_backup.c). */
int sq_load(Store *s, const StoreScope *scope, Model *m, AppErr *err);
int sq_check(Store *s, AppErr *err);
int sq_backup(Store *s, const char *zFile, unsigned flags, AppErr *err);
int sq_restore(Store *s, const char *zPath, AppErr *err);

/* Prepare a statement from a string literal only. */
#define SQ_PREPARE(S, SQL, ppSt, err) sq_prepare((S), "" SQL "", (ppSt), (err))

int sq_fail(SqStore *S, AppErr *err, const char *zWhat);
/* sq_fail() for an engine result code and text of any connection (a
** backup's, whose code a step returns). */
int sq_fail_code(SqStore *S, int code, const char *zEngine, AppErr *err,
                 const char *zWhat);
int sq_prepare(SqStore *S, const char *zSql, sqlite3_stmt **ppSt, AppErr *err);

/* Give a statement from sq_prepare() back: a cached one is reset and its
** bindings cleared for the next use, any other finalized.  Accepts NULL. */
void sq_finalize(SqStore *S, sqlite3_stmt *st);

/* Finalizing a cached statement directly would finalize it twice (again
** when the connection closes): the backend gives statements back with
** sq_finalize().  The two places that must finalize write
** (sqlite3_finalize)(st), which the macro does not touch. */
#define sqlite3_finalize(st) use_sq_finalize_instead_of_sqlite3_finalize(st)
void sq_bind_text(sqlite3_stmt *st, int n, const char *z);
/* sq_bind_text() without SQLite's copy of z, for the hot paths of a bulk
** import: z must stay as it is until the statement is given back
** (sq_finalize(), which the running helpers sq_run(), sq_row_write() and
** sq_lookup_id() call before they return). */
void sq_bind_text_static(sqlite3_stmt *st, int n, const char *z);
void sq_bind_int(sqlite3_stmt *st, int n, sqlite3_int64 v);
char *sq_col_dup(sqlite3_stmt *st, int i);
int sq_run(SqStore *S, sqlite3_stmt *st, AppErr *err, const char *zWhat);
/* The id of plan zPlan in *pId, -1 when there is none
** (store_sqlite_rows.c). */
int sq_plan_find(SqStore *S, const char *zPlan, sqlite3_int64 *pId,
                 AppErr *err);
int sq_lookup_id(SqStore *S, sqlite3_stmt *st, sqlite3_int64 *pOut,
                 AppErr *err);

/* store_sqlite_rows.c: rows and sub-rows for the puts, the audit trail. */
int sq_row_get(Store *s, StoreEntity e, const char *const *azKey, char **azOld,
               int *pVersion, int *pbFound, int *piMissing, AppErr *err);
int sq_row_exists(Store *s, StoreEntity e, const char *const *azKey,
                  int *pbFound, int *piMissing, AppErr *err);
int sq_row_put(Store *s, StoreEntity e, const char *const *azKey,
               const char *const *azNew, int bInsert, int iVersion, int *pbDone,
               AppErr *err);
int sq_sub_get(Store *s, StoreSub k, const char *const *azKey, char ***pazItem,
               size_t *pnItem, AppErr *err);
int sq_sub_put(Store *s, StoreSub k, const char *const *azKey,
               const char *const *azItem, size_t nItem, AppErr *err);
int sq_audit_add(Store *s, const char *zAction, const char *zEntity,
                 const char *zKey, const char *zField, const char *zOld,
                 const char *zNew, AppErr *err);

/* store_sqlite_auth.c: accounts, sessions, statements. */
/* A one-row read and a write of store_sqlite_rows.c, for the rows of
** other files: sq_row_read() steps a query of at most one row (its first
** nCol columns the row's, column nCol its version when pVersion),
** sq_row_write() an INSERT or UPDATE (*pbDone: it changed one row); both
** finalize st. */
int sq_row_read(SqStore *S, sqlite3_stmt *st, int nCol, char **azOld,
                int *pVersion, int *pbFound, AppErr *err, const char *zWhat);
/* Step st, a query of at most 16 columns, calling fn with each row's
** texts until it returns non-zero; finalizes st.  0, or -1 with err
** (zWhat: what was being read). */
int sq_visit_rows(SqStore *S, sqlite3_stmt *st, StoreRowVisitor fn, void *pArg,
                  AppErr *err, const char *zWhat);
int sq_row_write(SqStore *S, sqlite3_stmt *st, int *pbDone, AppErr *err,
                 const char *zWhat);

/* Outreach events, media, statistics (store_sqlite_outreach.c): their
** rows and sub-rows for sq_row_get(), sq_row_put(), sq_sub_get() and
** sq_sub_put(), and the lists. */
int sq_outreach_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
                        char **azOld, int *pVersion, int *pbFound, AppErr *err);
int sq_outreach_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
                        const char *const *az, int bInsert, int iVersion,
                        int *pbDone, AppErr *err);
/* The query of an event's sub-rows k, its key bound (for sq_sub_get()). */
int sq_outreach_sub_prepare(SqStore *S, StoreSub k, const char *const *azKey,
                            sqlite3_stmt **pSt, AppErr *err);
int sq_outreach_sub_put(SqStore *S, StoreSub k, const char *const *azKey,
                        const char *const *azItem, size_t nItem, AppErr *err);
int sq_outreach_list(Store *s, const char *zFrom, const char *zTo, long long id,
                     Outreach **pa, size_t *pn, AppErr *err);
int sq_media_list(Store *s, const char *zFrom, const char *zTo, Media **pa,
                  size_t *pn, AppErr *err);
int sq_stat_list(Store *s, StatObs **pa, size_t *pn, AppErr *err);
int sq_outreach_delete(Store *s, StoreEntity e, const char *const *azKey,
                       int iVersion, int *pbDone, AppErr *err);

int sq_user_get(Store *s, const char *zName, User *u, AppErr *err);
int sq_user_list(Store *s, User **pa, size_t *pn, AppErr *err);
int sq_session_put(Store *s, const Session *ses, AppErr *err);
int sq_session_get(Store *s, const char *zTokenHash, Session *ses, AppErr *err);
int sq_session_touch(Store *s, const char *zTokenHash, long now, AppErr *err);
int sq_session_delete(Store *s, const char *zTokenHash, AppErr *err);
int sq_session_delete_user(Store *s, const char *zUser, AppErr *err);
int sq_case_put(Store *s, const Case *c, const CasePerson *who, AppErr *err);
int sq_case_scan(Store *s, const char *zFrom, const char *zTo, int bPersonal,
                 CaseVisitor fn, void *pArg, AppErr *err);
void sq_cases_finalize(SqStore *S);
int sq_audit_latest(Store *s, const char *zKey, long *pId, AppErr *err);
int sq_case_count(Store *s, long *pn, AppErr *err);

/* store_sqlite_tables.c: whole tables, for 'lmpmon copy'. */
int sq_table_scan(Store *s, StoreTable t, StoreRowVisitor fn, void *pArg,
                  AppErr *err);
int sq_table_put(Store *s, StoreTable t, const char *const *azVal, AppErr *err);
int sq_table_end(Store *s, StoreTable t, AppErr *err);
int sq_table_count(Store *s, StoreTable t, long *pn, AppErr *err);
int sq_kept_get(Store *s, const char *zName, long *pGen, char **pzBody,
                AppErr *err);
int sq_kept_put(Store *s, const char *zName, long gen, const char *zBody,
                AppErr *err);
int sq_case_get(Store *s, const char *zOrg, const char *zCaseNo, CaseFile *f,
                CasePerson *who, AppErr *err);
int sq_case_event_add(Store *s, const char *zOrg, const char *zCaseNo,
                      const CaseEvent *e, AppErr *err);
int sq_case_orgs(Store *s, const char *zCaseNo, char ***pazOrg, size_t *pn,
                 AppErr *err);
int sq_case_list(Store *s, const char *zOrg, int nLimit, CaseVisitor fn,
                 void *pArg, AppErr *err);
int sq_case_payment_add(Store *s, const char *zOrg, const char *zCaseNo,
                        const CasePayment *p, AppErr *err);
int sq_load_statements(SqStore *S, sqlite3_int64 planId, const char *zNode,
                       const char *const *azRound, size_t nRound, Plan *p,
                       AppErr *err);

/* store_sqlite_recs.c: recommendations' rows, sub-rows and parts; the
** first three are sq_row_get()'s, sq_row_put()'s, sq_sub_get()'s and
** sq_sub_put()'s cases for them. */
int sq_rec_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
                   char **azOld, int *pVersion, int *pbFound, AppErr *err);
int sq_rec_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
                   const char *const *az, int bInsert, int iVersion,
                   int *pbDone, AppErr *err);
int sq_rec_sub_get(SqStore *S, StoreSub k, const char *const *azKey,
                   char ***pazItem, size_t *pnItem, AppErr *err);
int sq_rec_sub_put(SqStore *S, StoreSub k, const char *const *azKey,
                   const char *const *azItem, size_t nItem, AppErr *err);
/* Indicators and their values (store_sqlite_ind.c): their rows for
** sq_row_get() and sq_row_put(), and the scan of store_indicator_list(). */
int sq_ind_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
                   char **azOld, int *pVersion, int *pbFound, AppErr *err);
int sq_ind_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
                   const char *const *az, int bInsert, int iVersion,
                   int *pbDone, AppErr *err);
int sq_ind_scan(Store *s, const char *zPlan, StoreIndPart part,
                StoreRowVisitor fn, void *pArg, AppErr *err);
/* Costs and funding lines (store_sqlite_fund.c), likewise. */
int sq_fund_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
                    char **azOld, int *pVersion, int *pbFound, AppErr *err);
int sq_fund_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
                    const char *const *az, int bInsert, int iVersion,
                    int *pbDone, AppErr *err);
int sq_fund_scan(Store *s, const char *zPlan, const char *zRound,
                 StoreFundPart part, StoreRowVisitor fn, void *pArg,
                 AppErr *err);

/* store_sqlite_thread.c: statements' threads and versions. */
int sq_stmt_scan(Store *s, const char *zPlan, const char *zNode,
                 StoreStmtPart part, StoreRowVisitor fn, void *pArg,
                 AppErr *err);
int sq_stmt_add(Store *s, StoreStmtPart part, const char *const *azKey,
                const char *const *azVal, int *pbDone, AppErr *err);
int sq_attach_read(Store *s, long iId, StoreRowVisitor fn, void *pArg,
                   AppErr *err);
int sq_attach_delete(Store *s, long iId, int *pbDone, AppErr *err);
int sq_rec_scan(Store *s, const char *zPlan, StoreRecPart part,
                StoreRowVisitor fn, void *pArg, AppErr *err);

/* Notifications (store_sqlite_note.c). */
int sq_note_add(Store *s, const Note *n, AppErr *err);
int sq_note_list(Store *s, const char *zUser, int nMax, Note **pa, size_t *pn,
                 AppErr *err);
int sq_note_read(Store *s, const char *zUser, long id, const char *zAt,
                 long *pnChanged, AppErr *err);
int sq_note_mail_due(Store *s, const char *zNow, int nMax, Note **pa,
                     size_t *pn, AppErr *err);
int sq_note_withdraw(Store *s, const char *zPlan, const char *zRound,
                     const char *zOrg, AppErr *err);
int sq_note_told(Store *s, NoteKind k, const char *zPlan, const char *zRound,
                 const char *zOrg, const char *zSince, int *pbTold,
                 AppErr *err);
int sq_note_mail_set(Store *s, long id, NoteMail e, int nTries,
                     const char *zNext, AppErr *err);

#endif
