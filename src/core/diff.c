/*
** diff.c — word-level comparison of two texts (see diff.h).
*/
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

/* A word and the white space after it; words compare without it. */
typedef struct DiffWord {
    const char *z;
    size_t n;     /* with the white space */
    size_t nWord; /* without */
} DiffWord;

static int
diff_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Cut z into words; *pn of them, allocated. */
static DiffWord *
diff_cut(const char *z, size_t *pn)
{
    size_t nAlloc = 8, n = 0;
    DiffWord *a = xreallocarray(NULL, nAlloc, sizeof *a);
    while (*z) {
        const char *s = z;
        while (*z && !diff_is_space(*z)) {
            z++;
        }
        size_t nWord = (size_t)(z - s);
        while (*z && diff_is_space(*z)) {
            z++;
        }
        if (n == nAlloc) {
            nAlloc *= 2;
            a = xreallocarray(a, nAlloc, sizeof *a);
        }
        a[n].z = s;
        a[n].n = (size_t)(z - s);
        a[n].nWord = nWord;
        n++;
    }
    *pn = n;
    return a;
}

static int
diff_word_eq(const DiffWord *a, const DiffWord *b)
{
    return a->nWord == b->nWord && memcmp(a->z, b->z, a->nWord) == 0;
}

/* Append a piece, joining it to the last one of the same kind when they
** touch. */
static void
diff_push(DiffPiece **pa, size_t *pn, size_t *pnAlloc, DiffKind e,
          const char *z, size_t n)
{
    if (n == 0) {
        return;
    }
    if (*pn && (*pa)[*pn - 1].eKind == e &&
        (*pa)[*pn - 1].z + (*pa)[*pn - 1].n == z) {
        (*pa)[*pn - 1].n += n;
        return;
    }
    if (*pn == *pnAlloc) {
        *pnAlloc = *pnAlloc ? 2 * *pnAlloc : 16;
        *pa = xreallocarray(*pa, *pnAlloc, sizeof **pa);
    }
    (*pa)[(*pn)++] = (DiffPiece){ e, z, n };
}

void
diff_words(const char *zOld, const char *zNew, DiffPiece **paOut, size_t *pnOut)
{
    size_t nA, nB, n = 0, nAlloc = 0;
    DiffWord *a = diff_cut(zOld, &nA);
    DiffWord *b = diff_cut(zNew, &nB);
    DiffPiece *out = NULL;
    if (nA && nB && nA > DIFF_MAX_CELLS / nB) {
        diff_push(&out, &n, &nAlloc, DIFF_DEL, zOld, strlen(zOld));
        diff_push(&out, &n, &nAlloc, DIFF_INS, zNew, strlen(zNew));
    } else {
        /* L[i][j]: the longest common subsequence of a[i..] and b[j..]. */
        size_t w = nB + 1;
        unsigned *L = xreallocarray(NULL, (nA + 1) * w, sizeof *L);
        for (size_t i = nA + 1; i-- > 0;) {
            for (size_t j = nB + 1; j-- > 0;) {
                unsigned *c = &L[i * w + j];
                if (i == nA || j == nB) {
                    *c = 0;
                } else if (diff_word_eq(&a[i], &b[j])) {
                    *c = L[(i + 1) * w + j + 1] + 1;
                } else {
                    unsigned d = L[(i + 1) * w + j], r = L[i * w + j + 1];
                    *c = d >= r ? d : r;
                }
            }
        }
        size_t i = 0, j = 0;
        while (i < nA || j < nB) {
            if (i < nA && j < nB && diff_word_eq(&a[i], &b[j])) {
                /* The new text's piece: its white space is what shows. */
                diff_push(&out, &n, &nAlloc, DIFF_SAME, b[j].z, b[j].n);
                i++;
                j++;
            } else if (i < nA &&
                       (j == nB || L[(i + 1) * w + j] >= L[i * w + j + 1])) {
                /* Deleted before inserted: what went, then what came. */
                diff_push(&out, &n, &nAlloc, DIFF_DEL, a[i].z, a[i].n);
                i++;
            } else {
                diff_push(&out, &n, &nAlloc, DIFF_INS, b[j].z, b[j].n);
                j++;
            }
        }
        free(L);
    }
    free(a);
    free(b);
    *paOut = out;
    *pnOut = n;
}
