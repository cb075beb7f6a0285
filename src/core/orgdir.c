/*
** orgdir.c — organisation name index and suggestions (see orgdir.h).
**
** Names are kept in the order they were added (suggestions and ties
** follow it) and, beside them, as a list of their positions sorted by
** folded spelling: an import of a national plan resolves a name per
** activity against a thousand and more spellings, and a scan per name made
** that the import's largest cost after writing.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "orgdir.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

typedef struct OrgName {
    char *zFold;       /* folded spelling */
    const char *zShow; /* spelling to suggest */
    size_t iOrg;       /* index into the model's aOrg */
} OrgName;

struct OrgDir {
    const Model *m;
    OrgName *a;
    size_t n, nAlloc;
    size_t *aiByFold; /* positions in a, by zFold, then by position */
    size_t nByFoldAlloc;
};

/* The first position in aiByFold whose spelling is not below zFold. */
static size_t
orgdir_lower_bound(const OrgDir *d, const char *zFold)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(d->a[d->aiByFold[mid]].zFold, zFold) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static void
orgdir_add(OrgDir *d, const char *z, size_t iOrg)
{
    if (!z || !*z) {
        return;
    }
    xgrow((void **)&d->a, &d->nAlloc, d->n, sizeof *d->a);
    xgrow((void **)&d->aiByFold, &d->nByFoldAlloc, d->n, sizeof *d->aiByFold);
    char *zFold = str_fold(z);
    /* After every equal spelling: equal ones stay in the order added. */
    size_t k = orgdir_lower_bound(d, zFold);
    while (k < d->n && strcmp(d->a[d->aiByFold[k]].zFold, zFold) == 0) {
        k++;
    }
    memmove(&d->aiByFold[k + 1], &d->aiByFold[k],
            (d->n - k) * sizeof *d->aiByFold);
    d->aiByFold[k] = d->n;
    d->a[d->n].zFold = zFold;
    d->a[d->n].zShow = z;
    d->a[d->n].iOrg = iOrg;
    d->n++;
}

static void
orgdir_clear(OrgDir *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->a[i].zFold);
    }
    d->n = 0;
}

void
orgdir_add_org(OrgDir *d, size_t iOrg)
{
    assert(iOrg < d->m->nOrg);
    /* zShow points into the model's strings, which stay put when the
    ** model's array of organisations grows: only the array moves, and
    ** entries find their organisation by index. */
    const Org *o = &d->m->aOrg[iOrg];
    orgdir_add(d, o->zAcronym, iOrg);
    orgdir_add(d, o->zName, iOrg);
    for (size_t k = 0; k < o->nAlias; k++) {
        orgdir_add(d, o->azAlias[k], iOrg);
    }
}

void
orgdir_refresh(OrgDir *d)
{
    orgdir_clear(d);
    for (size_t i = 0; i < d->m->nOrg; i++) {
        orgdir_add_org(d, i);
    }
}

OrgDir *
orgdir_new(const Model *m)
{
    OrgDir *d = xcalloc(1, sizeof *d);
    d->m = m;
    orgdir_refresh(d);
    return d;
}

void
orgdir_free(OrgDir *d)
{
    if (!d) {
        return;
    }
    orgdir_clear(d);
    free(d->a);
    free(d->aiByFold);
    free(d);
}

const Org *
orgdir_resolve(const OrgDir *d, const char *z)
{
    char *zFold = str_fold(z);
    const Org *found = NULL;
    /* Acronyms first: an alias of one body must not shadow another's
    ** acronym.  Otherwise the spelling added first. */
    size_t kFirst = orgdir_lower_bound(d, zFold);
    for (size_t k = kFirst; k < d->n && !found; k++) {
        const OrgName *e = &d->a[d->aiByFold[k]];
        if (strcmp(e->zFold, zFold) != 0) {
            break;
        }
        if (e->zShow == d->m->aOrg[e->iOrg].zAcronym) {
            found = &d->m->aOrg[e->iOrg];
        }
    }
    if (!found && kFirst < d->n &&
        strcmp(d->a[d->aiByFold[kFirst]].zFold, zFold) == 0) {
        found = &d->m->aOrg[d->a[d->aiByFold[kFirst]].iOrg];
    }
    free(zFold);
    return found;
}

void
orgdir_suggest(const OrgDir *d, const char *z, size_t nMax, Buf *b)
{
    char *zFold = str_fold(z);
    size_t nFold = strlen(zFold);
    /* Distances are doubled so that a name starting with the other
    ** ("MOFA" and "MOFA&IC") can rank between an exact and a one-letter
    ** miss: people shorten names far more often than they misspell them. */
    size_t nCap = 2 * (nFold / 3 + 2);
    size_t *aDist = xcalloc(d->n ? d->n : 1, sizeof *aDist);
    for (size_t i = 0; i < d->n; i++) {
        aDist[i] = 2 * str_distance(zFold, d->a[i].zFold, nCap / 2);
        const char *zOther = d->a[i].zFold;
        if (nFold >= 3 && (strncmp(zOther, zFold, nFold) == 0 ||
                           strncmp(zFold, zOther, strlen(zOther)) == 0)) {
            aDist[i] = 1;
        } else if (aDist[i] > nCap && nFold >= 3 &&
                   (strstr(zOther, zFold) || strstr(zFold, zOther))) {
            aDist[i] = nCap;
        }
    }
    size_t nShown = 0;
    size_t *aShownOrg = xcalloc(nMax ? nMax : 1, sizeof *aShownOrg);
    for (size_t dist = 0; dist <= nCap && nShown < nMax; dist++) {
        for (size_t i = 0; i < d->n && nShown < nMax; i++) {
            if (aDist[i] != dist) {
                continue;
            }
            /* One suggestion per organisation: its closest spelling. */
            int bSeen = 0;
            for (size_t k = 0; k < nShown; k++) {
                bSeen |= aShownOrg[k] == d->a[i].iOrg;
            }
            if (bSeen) {
                continue;
            }
            buf_printf(b, "%s'%s'", nShown ? ", " : "", d->a[i].zShow);
            aShownOrg[nShown++] = d->a[i].iOrg;
        }
    }
    free(aShownOrg);
    free(aDist);
    free(zFold);
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
