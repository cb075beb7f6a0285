/*
** store_ids.h — the ids of plans, nodes, rounds and organisations by their
** codes, remembered for one transaction: a helper for every backend.
**
** An import puts one assessment per activity and round; each put names
** its plan, activity and round by code, and a backend turns each code
** into an id with a query — four queries per assessment, a sixth of a
** national plan's import in SQLite, and four round trips to a PostgreSQL
** server.  Inside a transaction a code names one row for good (rows are
** never deleted and codes never change; a row inserted later is simply
** not yet remembered, and one rolled back is forgotten with the
** transaction), so the answer is kept until the transaction ends.  Only
** ids that exist are kept.
**
** A backend embeds one StoreIds, calls store_ids_start() when a
** transaction begins and store_ids_release() when it ends (commit,
** rollback, close); outside a transaction get finds nothing and put keeps
** nothing.
**
** It also remembers which rows the transaction itself inserted
** (store_ids_put_new()): nothing can refer to such a row from before, so
** a put under a new node knows without a query that the node has no
** assessment yet, other than those the transaction wrote under it
** (store_ids_add_child()) — the reads a bulk import of a new plan would
** otherwise make once per assessment, to find nothing.  The children are
** kept as one bit per child id modulo 64: a bit set by another child only
** costs the query it would have made anyway.
*/
#ifndef LMPMON_STORE_IDS_H
#define LMPMON_STORE_IDS_H

#include <stddef.h>

typedef struct StoreIdEntry StoreIdEntry;

typedef struct StoreIds {
    StoreIdEntry *a;     /* open-addressed table, never more than half full */
    size_t nSlot, nUsed; /* its size (a power of two, or 0) and entries */
    int bOn;             /* a transaction is open: remember */
} StoreIds;

/* clang-format off */
#define STORE_IDS_INIT { NULL, 0, 0, 0 }
/* clang-format on */

/* The kinds of row remembered. */
#define STORE_ID_PLAN  'p'
#define STORE_ID_NODE  'n'
#define STORE_ID_ROUND 'r'
#define STORE_ID_ORG   'o'

/* Forget everything and remember from now on (a transaction began). */
void store_ids_start(StoreIds *t);

/* Forget everything, free the table and remember nothing until the next
** store_ids_start() (a transaction ended).  Safe to call twice. */
void store_ids_release(StoreIds *t);

/* The id of the row of kind cKind (STORE_ID_*) with code zCode in scope
** (the plan's id for nodes and rounds, else 0), as found earlier in the
** same transaction: 1 and *pId if known, else 0. */
int store_ids_get(const StoreIds *t, char cKind, long long scope,
                  const char *zCode, long long *pId);

/* Remember that zCode of kind cKind in scope is row id.  A negative id
** (none found) and anything outside a transaction are not kept.  Copies
** zCode. */
void store_ids_put(StoreIds *t, char cKind, long long scope, const char *zCode,
                   long long id);

/* As store_ids_put(), for a row this transaction inserted. */
void store_ids_put_new(StoreIds *t, char cKind, long long scope,
                       const char *zCode, long long id);

/* Remember that this transaction wrote a row below the new row (cKind,
** scope, zCode) that child id (e.g. a round's) names.  Nothing is kept
** for a row not inserted by this transaction. */
void store_ids_add_child(StoreIds *t, char cKind, long long scope,
                         const char *zCode, long long child);

/* 1 when the row (cKind, scope, zCode) was inserted by this transaction
** and no row below it named by child was written since: that row cannot
** exist.  0 when it may (ask the database). */
int store_ids_child_absent(const StoreIds *t, char cKind, long long scope,
                           const char *zCode, long long child);

/* 1 when the row (cKind, scope, zCode) was inserted by this transaction.
** A plan this transaction inserted has no node but those it inserted
** itself, each remembered when inserted: a node of it not remembered does
** not exist. */
int store_ids_is_new(const StoreIds *t, char cKind, long long scope,
                     const char *zCode);

/* The children (bits 63 and 62) that stand for a node's links in each
** role: a node this transaction inserted has none but those it wrote, so
** reading and deleting them before writing are skipped.  A round id
** sharing a bit only costs the query. */
#define STORE_IDS_CHILD_RESPONSIBLE  (-1)
#define STORE_IDS_CHILD_CONTRIBUTING (-2)

#endif
