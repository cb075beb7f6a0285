/*
** store_ids.c — ids by code for one transaction, shared by the backends
** (store_ids.h says why and when).  An open-addressed hash table keyed by
** kind, scope and code, grown by doubling.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_ids.h"
#include "../base/base.h"
#include "../base/banned.h"

struct StoreIdEntry {
    char *zCode;     /* NULL: empty slot */
    long long scope; /* the plan's id for nodes and rounds, else 0 */
    long long id;
    unsigned long long children; /* bit (child id % 64) of the rows
                                 ** written below a new row */
    char cKind;                  /* STORE_ID_* */
    char bNew;                   /* inserted by this transaction */
};

/* FNV-1a over the kind, the scope and the code. */
static size_t
store_id_hash(char cKind, long long scope, const char *zCode)
{
    uint64_t h = 14695981039346656037u;
    uint64_t u = (uint64_t)scope;
    h = (h ^ (unsigned char)cKind) * 1099511628211u;
    for (int i = 0; i < 8; i++) {
        h = (h ^ ((u >> (8 * i)) & 0xff)) * 1099511628211u;
    }
    for (const unsigned char *p = (const unsigned char *)zCode; *p; p++) {
        h = (h ^ *p) * 1099511628211u;
    }
    return (size_t)h;
}

/* The slot of (cKind, scope, zCode): its entry, or the empty slot where it
** would go.  The table is never more than half full. */
static StoreIdEntry *
store_id_slot(StoreIdEntry *a, size_t nSlot, char cKind, long long scope,
              const char *zCode)
{
    size_t i = store_id_hash(cKind, scope, zCode) & (nSlot - 1);
    while (a[i].zCode && !(a[i].cKind == cKind && a[i].scope == scope &&
                           strcmp(a[i].zCode, zCode) == 0)) {
        i = (i + 1) & (nSlot - 1);
    }
    return &a[i];
}

/* The entry of (cKind, scope, zCode) if one is kept, else NULL. */
static StoreIdEntry *
store_id_find(const StoreIds *t, char cKind, long long scope, const char *zCode)
{
    if (!t->bOn || t->nSlot == 0) {
        return NULL;
    }
    StoreIdEntry *e = store_id_slot(t->a, t->nSlot, cKind, scope, zCode);
    return e->zCode ? e : NULL;
}

void
store_ids_start(StoreIds *t)
{
    store_ids_release(t);
    t->bOn = 1;
}

void
store_ids_release(StoreIds *t)
{
    for (size_t i = 0; i < t->nSlot; i++) {
        free(t->a[i].zCode);
    }
    free(t->a);
    t->a = NULL;
    t->nSlot = t->nUsed = 0;
    t->bOn = 0;
}

int
store_ids_get(const StoreIds *t, char cKind, long long scope, const char *zCode,
              long long *pId)
{
    const StoreIdEntry *e = store_id_find(t, cKind, scope, zCode);
    if (!e) {
        return 0;
    }
    *pId = e->id;
    return 1;
}

/* The entry of (cKind, scope, zCode), made if new; NULL when nothing is
** kept (outside a transaction). */
static StoreIdEntry *
store_id_entry(StoreIds *t, char cKind, long long scope, const char *zCode)
{
    if (!t->bOn) {
        return NULL;
    }
    if (2 * (t->nUsed + 1) > t->nSlot) {
        size_t nNew = t->nSlot ? 2 * t->nSlot : 256;
        StoreIdEntry *aNew = xcalloc(nNew, sizeof *aNew);
        for (size_t i = 0; i < t->nSlot; i++) {
            const StoreIdEntry *e = &t->a[i];
            if (e->zCode) {
                *store_id_slot(aNew, nNew, e->cKind, e->scope, e->zCode) = *e;
            }
        }
        free(t->a);
        t->a = aNew;
        t->nSlot = nNew;
    }
    StoreIdEntry *e = store_id_slot(t->a, t->nSlot, cKind, scope, zCode);
    if (!e->zCode) {
        e->zCode = xstrdup(zCode);
        e->cKind = cKind;
        e->scope = scope;
        e->bNew = 0;
        e->children = 0;
        t->nUsed++;
    }
    return e;
}

void
store_ids_put(StoreIds *t, char cKind, long long scope, const char *zCode,
              long long id)
{
    StoreIdEntry *e = id >= 0 ? store_id_entry(t, cKind, scope, zCode) : NULL;
    if (e) {
        e->id = id;
    }
}

void
store_ids_put_new(StoreIds *t, char cKind, long long scope, const char *zCode,
                  long long id)
{
    StoreIdEntry *e = id >= 0 ? store_id_entry(t, cKind, scope, zCode) : NULL;
    if (e) {
        e->id = id;
        e->bNew = 1;
    }
}

static unsigned long long
store_id_child_bit(long long child)
{
    return 1uLL << ((unsigned long long)child & 63u);
}

void
store_ids_add_child(StoreIds *t, char cKind, long long scope, const char *zCode,
                    long long child)
{
    StoreIdEntry *e = store_id_find(t, cKind, scope, zCode);
    if (e && e->bNew) {
        e->children |= store_id_child_bit(child);
    }
}

int
store_ids_is_new(const StoreIds *t, char cKind, long long scope,
                 const char *zCode)
{
    const StoreIdEntry *e = store_id_find(t, cKind, scope, zCode);
    return e && e->bNew;
}

int
store_ids_child_absent(const StoreIds *t, char cKind, long long scope,
                       const char *zCode, long long child)
{
    const StoreIdEntry *e = store_id_find(t, cKind, scope, zCode);
    return e && e->bNew && (e->children & store_id_child_bit(child)) == 0;
}
