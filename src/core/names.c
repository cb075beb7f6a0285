/*
** names.c — the index of names and its suggestions (see names.h).
**
** Names are kept in the order they were added (suggestions and ties
** follow it) and, beside them, as a list of their positions sorted by
** folded spelling: an import of a national plan resolves a name per
** activity against a thousand and more spellings, and a scan per name made
** that the import's largest cost after writing.
*/
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

typedef struct Name {
    char *zFold;       /* folded spelling */
    const char *zShow; /* spelling to suggest */
    size_t iItem;      /* the caller's item */
    int iRank;         /* lower wins among equal folds */
    int bSuggest;      /* shown by names_suggest() */
} Name;

struct NameIndex {
    NameFold xFold;
    Name *a;
    size_t n, nAlloc;
    size_t *aiByFold; /* positions in a, by zFold, then by position */
    size_t nByFoldAlloc;
};

/* The first position in aiByFold whose spelling is not below zFold. */
static size_t
names_lower_bound(const NameIndex *d, const char *zFold)
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

NameIndex *
names_new(NameFold xFold)
{
    NameIndex *d = xcalloc(1, sizeof *d);
    d->xFold = xFold;
    return d;
}

void
names_clear(NameIndex *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->a[i].zFold);
    }
    d->n = 0;
}

void
names_free(NameIndex *d)
{
    if (!d) {
        return;
    }
    names_clear(d);
    free(d->a);
    free(d->aiByFold);
    free(d);
}

static void
names_insert(NameIndex *d, const char *z, size_t iItem, int iRank, int bSuggest)
{
    if (!z || !*z) {
        return;
    }
    xgrow((void **)&d->a, &d->nAlloc, d->n, sizeof *d->a);
    xgrow((void **)&d->aiByFold, &d->nByFoldAlloc, d->n, sizeof *d->aiByFold);
    char *zFold = d->xFold(z);
    /* After every equal spelling: equal ones stay in the order added. */
    size_t k = names_lower_bound(d, zFold);
    while (k < d->n && strcmp(d->a[d->aiByFold[k]].zFold, zFold) == 0) {
        k++;
    }
    memmove(&d->aiByFold[k + 1], &d->aiByFold[k],
            (d->n - k) * sizeof *d->aiByFold);
    d->aiByFold[k] = d->n;
    d->a[d->n] = (Name){ zFold, z, iItem, iRank, bSuggest };
    d->n++;
}

void
names_add(NameIndex *d, const char *z, size_t iItem, int iRank)
{
    names_insert(d, z, iItem, iRank, 1);
}

void
names_add_code(NameIndex *d, const char *z, size_t iItem, int iRank)
{
    names_insert(d, z, iItem, iRank, 0);
}

long
names_find(const NameIndex *d, const char *z)
{
    char *zFold = d->xFold(z);
    const Name *best = NULL;
    for (size_t k = names_lower_bound(d, zFold); k < d->n; k++) {
        const Name *e = &d->a[d->aiByFold[k]];
        if (strcmp(e->zFold, zFold) != 0) {
            break;
        }
        if (!best || e->iRank < best->iRank) {
            best = e;
        }
    }
    free(zFold);
    return best ? (long)best->iItem : -1;
}

void
names_suggest(const NameIndex *d, const char *z, size_t nMax, Buf *b)
{
    char *zFold = d->xFold(z);
    size_t nFold = strlen(zFold);
    /* Distances are doubled so that a name starting with the other
    ** ("MOFA" and "MOFA&IC") can rank between an exact and a one-letter
    ** miss. */
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
    size_t *aShown = xcalloc(nMax ? nMax : 1, sizeof *aShown);
    for (size_t dist = 0; dist <= nCap && nShown < nMax; dist++) {
        for (size_t i = 0; i < d->n && nShown < nMax; i++) {
            if (aDist[i] != dist || !d->a[i].bSuggest) {
                continue;
            }
            /* One suggestion per item: its closest spelling. */
            int bSeen = 0;
            for (size_t k = 0; k < nShown; k++) {
                bSeen |= aShown[k] == d->a[i].iItem;
            }
            if (bSeen) {
                continue;
            }
            buf_printf(b, "%s'%s'", nShown ? ", " : "", d->a[i].zShow);
            aShown[nShown++] = d->a[i].iItem;
        }
    }
    free(aShown);
    free(aDist);
    free(zFold);
}
