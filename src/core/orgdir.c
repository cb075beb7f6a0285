/*
** orgdir.c — organisation name index and suggestions (see orgdir.h).
**
** The matching itself (folded spellings, sorted for lookups, and the
** suggestions) is core/names.c's, shared with the gazetteer.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "orgdir.h"
#include "names.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

struct OrgDir {
    const Model *m;
    NameIndex *pNames; /* items: indexes into the model's aOrg */
};

/* Acronyms rank first: an alias of one body must not shadow another's
** acronym. */
enum { ORGDIR_RANK_ACRONYM = 0, ORGDIR_RANK_OTHER = 1 };

void
orgdir_add_org(OrgDir *d, size_t iOrg)
{
    assert(iOrg < d->m->nOrg);
    /* The spellings point into the model's strings, which stay put when
    ** the model's array of organisations grows: only the array moves, and
    ** entries find their organisation by index. */
    const Org *o = &d->m->aOrg[iOrg];
    names_add(d->pNames, o->zAcronym, iOrg, ORGDIR_RANK_ACRONYM);
    names_add(d->pNames, o->zName, iOrg, ORGDIR_RANK_OTHER);
    for (size_t k = 0; k < o->nAlias; k++) {
        names_add(d->pNames, o->azAlias[k], iOrg, ORGDIR_RANK_OTHER);
    }
}

void
orgdir_refresh(OrgDir *d)
{
    names_clear(d->pNames);
    for (size_t i = 0; i < d->m->nOrg; i++) {
        orgdir_add_org(d, i);
    }
}

OrgDir *
orgdir_new(const Model *m)
{
    OrgDir *d = xcalloc(1, sizeof *d);
    d->m = m;
    d->pNames = names_new(str_fold);
    orgdir_refresh(d);
    return d;
}

void
orgdir_free(OrgDir *d)
{
    if (!d) {
        return;
    }
    names_free(d->pNames);
    free(d);
}

const Org *
orgdir_resolve(const OrgDir *d, const char *z)
{
    long i = names_find(d->pNames, z);
    return i < 0 ? NULL : &d->m->aOrg[i];
}

void
orgdir_suggest(const OrgDir *d, const char *z, size_t nMax, Buf *b)
{
    names_suggest(d->pNames, z, nMax, b);
}

/* ---- parent cycles --------------------------------------------------- */

/* An organisation as the parent rule sees it. */
typedef struct OrgNode {
    const char *zAcronym;
    const char *zParent; /* NULL or "" for none */
    long iUpd;           /* index in the update, or -1 for the database's */
} OrgNode;

/* By acronym; for the same acronym, the update's first. */
static int
orgnode_cmp(const void *pA, const void *pB)
{
    const OrgNode *a = pA, *b = pB;
    int c = strcmp(a->zAcronym, b->zAcronym);
    return c ? c : (a->iUpd < 0) - (b->iUpd < 0);
}

static int
orgnode_cmp_key(const void *pKey, const void *pB)
{
    return strcmp((const char *)pKey, ((const OrgNode *)pB)->zAcronym);
}

int
orgdir_find_parent_cycle(const Model *db, const Model *upd, size_t *piOrg,
                         Buf *pPath)
{
    size_t n = upd->nOrg + db->nOrg;
    OrgNode *a = xcalloc(n ? n : 1, sizeof *a);
    for (size_t i = 0; i < upd->nOrg; i++) {
        a[i] =
            (OrgNode){ upd->aOrg[i].zAcronym, upd->aOrg[i].zParent, (long)i };
    }
    for (size_t i = 0; i < db->nOrg; i++) {
        a[upd->nOrg + i] =
            (OrgNode){ db->aOrg[i].zAcronym, db->aOrg[i].zParent, -1 };
    }
    qsort(a, n, sizeof *a, orgnode_cmp);
    /* One node per acronym: the update's where it has one. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m == 0 || strcmp(a[m - 1].zAcronym, a[i].zAcronym) != 0) {
            a[m++] = a[i];
        }
    }
    /* Each node has at most one parent: follow the chains, marking nodes
    ** being walked (1) and done (2); meeting a node being walked closes
    ** a cycle, whose nodes are marked in aOn. */
    long *aPar = xcalloc(m ? m : 1, sizeof *aPar);
    char *aState = xcalloc(m ? m : 1, 1);
    char *aOn = xcalloc(m ? m : 1, 1);
    for (size_t i = 0; i < m; i++) {
        const OrgNode *p =
            a[i].zParent && *a[i].zParent
                ? bsearch(a[i].zParent, a, m, sizeof *a, orgnode_cmp_key)
                : NULL;
        aPar[i] = p ? (long)(p - a) : -1;
    }
    for (size_t i = 0; i < m; i++) {
        long j = (long)i;
        while (j >= 0 && aState[j] == 0) {
            aState[j] = 1;
            j = aPar[j];
        }
        if (j >= 0 && aState[j] == 1) {
            long k = j;
            do {
                aOn[k] = 1;
                k = aPar[k];
            } while (k != j);
        }
        for (j = (long)i; j >= 0 && aState[j] == 1; j = aPar[j]) {
            aState[j] = 2;
        }
    }
    /* Report the cycle of the update's first organisation on one: cycles
    ** among the database's own are not this update's doing. */
    long iFirst = -1;
    for (size_t i = 0; i < m; i++) {
        if (aOn[i] && a[i].iUpd >= 0 &&
            (iFirst < 0 || a[i].iUpd < a[iFirst].iUpd)) {
            iFirst = (long)i;
        }
    }
    if (iFirst >= 0) {
        *piOrg = (size_t)a[iFirst].iUpd;
        long j = iFirst;
        do {
            buf_printf(pPath, "%s → ", a[j].zAcronym);
            j = aPar[j];
        } while (j != iFirst);
        buf_puts(pPath, a[iFirst].zAcronym);
    }
    free(aOn);
    free(aState);
    free(aPar);
    free(a);
    return iFirst >= 0;
}
