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

#endif
