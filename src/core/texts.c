/*
** texts.c — equal texts by sorting once, and word folding (see texts.h).
*/
#include <stdlib.h>
#include <string.h>

#include "texts.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

static int
text_at_cmp(const void *a, const void *b)
{
    const TextAt *x = a, *y = b;
    int c = strcmp(x->z, y->z);
    return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

TextAt *
texts_sort(const char *const *az, size_t n)
{
    TextAt *a = xcalloc(n ? n : 1, sizeof *a);
    for (size_t i = 0; i < n; i++) {
        a[i].z = az[i] ? az[i] : "";
        a[i].i = i;
    }
    qsort(a, n, sizeof *a, text_at_cmp);
    return a;
}

size_t
texts_lower_bound(const TextAt *a, size_t n, const char *z)
{
    size_t lo = 0, hi = n;
    z = z ? z : "";
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(a[mid].z, z) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && strcmp(a[lo].z, z) == 0 ? lo : n;
}

size_t *
texts_first_equal(const char *const *az, size_t n)
{
    TextAt *a = texts_sort(az, n);
    size_t *aFirst = xcalloc(n ? n : 1, sizeof *aFirst);
    for (size_t k = 0; k < n; k++) {
        /* Sorted by text, then index: a run's head is its first text. */
        size_t head = k > 0 && strcmp(a[k].z, a[k - 1].z) == 0
                          ? aFirst[a[k - 1].i]
                          : a[k].i;
        aFirst[a[k].i] = head;
    }
    free(a);
    return aFirst;
}

/* Bytes of a word break starting at s (see texts_fold_words), or 0. */
static size_t
texts_break_len(const unsigned char *s)
{
    if (s[0] < 0x80) {
        int bWord = (s[0] >= 'a' && s[0] <= 'z') ||
                    (s[0] >= 'A' && s[0] <= 'Z') ||
                    (s[0] >= '0' && s[0] <= '9');
        return bWord ? 0 : 1;
    }
    if (s[0] == 0xC2 && s[1] == 0xA0) {
        return 2; /* U+00A0 no-break space */
    }
    /* U+2000..U+206F is E2 80 80..E2 81 AF. */
    if (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81) && s[2] >= 0x80 &&
        s[2] <= (s[1] == 0x80 ? 0xBF : 0xAF)) {
        return 3;
    }
    return 0;
}

char *
texts_fold_words(const char *z)
{
    const unsigned char *s = (const unsigned char *)(z ? z : "");
    size_t n = strlen((const char *)s);
    char *out = xmalloc(n + 1);
    size_t j = 0;
    int bBreak = 0;
    while (*s) {
        size_t k = texts_break_len(s);
        if (k) {
            bBreak = j > 0;
            s += k;
            continue;
        }
        if (bBreak) {
            out[j++] = ' ';
            bBreak = 0;
        }
        unsigned char c = *s++;
        out[j++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[j] = 0;
    return out;
}
