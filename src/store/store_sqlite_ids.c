/*
** store_sqlite_ids.c — the ids of plans, nodes, rounds and organisations
** by their codes, remembered for one transaction.
**
** An import puts one assessment per activity and round; each put names
** its plan, activity and round by code, and the backend turned each code
** into an id with a query — four queries per assessment, a sixth of a
** national plan's import.  Inside a transaction a code names one row for
** good (rows are never deleted and codes never change; a row inserted
** later is simply not yet remembered), so the answer is kept until the
** transaction ends.  Only ids that exist are kept.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

struct SqIdEntry {
    char *zCode;            /* NULL: empty slot */
    sqlite3_int64 scope;    /* the plan's id for nodes and rounds, else 0 */
    sqlite3_int64 id;
    char cKind;             /* 'p'lan, 'n'ode, 'r'ound, 'o'rganisation */
};

/* FNV-1a over the kind, the scope and the code. */
static size_t
sq_id_hash(char cKind, sqlite3_int64 scope, const char *zCode)
{
    uint64_t h = 14695981039346656037u;
    h = (h ^ (unsigned char)cKind) * 1099511628211u;
    for (int i = 0; i < 8; i++) {
        h = (h ^ (uint64_t)((scope >> (8 * i)) & 0xff)) * 1099511628211u;
    }
    for (const unsigned char *p = (const unsigned char *)zCode; *p; p++) {
        h = (h ^ *p) * 1099511628211u;
    }
    return (size_t)h;
}

/* The slot of (cKind, scope, zCode): its entry, or the empty slot where it
** would go.  The table is never more than half full. */
static SqIdEntry *
sq_id_slot(SqIdEntry *a, size_t nSlot, char cKind, sqlite3_int64 scope,
           const char *zCode)
{
    size_t i = sq_id_hash(cKind, scope, zCode) & (nSlot - 1);
    while (a[i].zCode && !(a[i].cKind == cKind && a[i].scope == scope &&
                           strcmp(a[i].zCode, zCode) == 0)) {
        i = (i + 1) & (nSlot - 1);
    }
    return &a[i];
}

int
sq_ids_get(SqStore *S, char cKind, sqlite3_int64 scope, const char *zCode,
           sqlite3_int64 *pId)
{
    if (!S->bInTxn || S->nIdSlot == 0) {
        return 0;
    }
    const SqIdEntry *e = sq_id_slot(S->aId, S->nIdSlot, cKind, scope, zCode);
    if (!e->zCode) {
        return 0;
    }
    *pId = e->id;
    return 1;
}

void
sq_ids_put(SqStore *S, char cKind, sqlite3_int64 scope, const char *zCode,
           sqlite3_int64 id)
{
    if (!S->bInTxn || id < 0) {
        return;
    }
    if (2 * (S->nIdUsed + 1) > S->nIdSlot) {
        size_t nNew = S->nIdSlot ? 2 * S->nIdSlot : 256;
        SqIdEntry *aNew = xcalloc(nNew, sizeof *aNew);
        for (size_t i = 0; i < S->nIdSlot; i++) {
            const SqIdEntry *e = &S->aId[i];
            if (e->zCode) {
                *sq_id_slot(aNew, nNew, e->cKind, e->scope, e->zCode) = *e;
            }
        }
        free(S->aId);
        S->aId = aNew;
        S->nIdSlot = nNew;
    }
    SqIdEntry *e = sq_id_slot(S->aId, S->nIdSlot, cKind, scope, zCode);
    if (!e->zCode) {
        e->zCode = xstrdup(zCode);
        e->cKind = cKind;
        e->scope = scope;
        S->nIdUsed++;
    }
    e->id = id;
}

void
sq_ids_forget(SqStore *S)
{
    for (size_t i = 0; i < S->nIdSlot; i++) {
        free(S->aId[i].zCode);
    }
    free(S->aId);
    S->aId = NULL;
    S->nIdSlot = S->nIdUsed = 0;
}
