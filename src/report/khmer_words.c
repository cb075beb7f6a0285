/*
** khmer_words.c — U+200B between Khmer words for Pango (khmer_words.h),
** from ICU's dictionary-based word break iterator.
**
** Every Khmer code point is in the Basic Multilingual Plane and three
** bytes long in UTF-8, so a run of them is converted to UTF-16 one code
** unit per code point, and ICU's boundaries (UTF-16 offsets into the run)
** are code point counts: the byte offset in z is three times that.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "khmer_words.h"
#include "../base/base.h"
#include "../base/utf8.h"
#include "../base/banned.h"

#define KW_ZWSP "\xE2\x80\x8B"

/* A Khmer letter, sign or digit, or a Khmer symbol. */
static int
kw_is_khmer(uint32_t cp)
{
    return (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF);
}

int
khmer_words_is(uint32_t cp)
{
    return kw_is_khmer(cp) || cp == 0x200B;
}

/* Khmer punctuation that ends a phrase or sentence (khan, bariyoosan,
** camnuc pii kuuh...): no line begins with it. */
static int
kw_is_closing(uint32_t cp)
{
    return cp >= 0x17D4 && cp <= 0x17DA;
}

/* Append the Khmer run z[0..n) (n/3 code points) to b with U+200B at its
** inner word boundaries; *pnAdded counts the bytes added before z + nAt
** (an offset in the run, or beyond it). */
static int
kw_mark_run(Buf *b, const char *z, size_t n, size_t nAt, size_t *pnAdded)
{
    size_t nCp = n / 3;
    UChar *u = xmalloc((nCp + 1) * sizeof(UChar));
    UErrorCode st = U_ZERO_ERROR;
    int32_t nU = 0;
    u_strFromUTF8(u, (int32_t)nCp + 1, &nU, z, (int32_t)n, &st);
    UBreakIterator *bi = NULL;
    if (U_SUCCESS(st) && (size_t)nU == nCp) {
        bi = ubrk_open(UBRK_WORD, "km", u, nU, &st);
    }
    int nMarks = 0;
    if (bi == NULL || U_FAILURE(st)) {
        buf_append(b, z, n);
    } else {
        size_t iFrom = 0;
        for (int32_t i = ubrk_following(bi, 0); i != UBRK_DONE && i < nU;
             i = ubrk_next(bi)) {
            if (kw_is_closing(u[i])) {
                continue;
            }
            size_t iByte = (size_t)i * 3;
            buf_append(b, z + iFrom, iByte - iFrom);
            buf_puts(b, KW_ZWSP);
            if (iByte <= nAt) {
                *pnAdded += 3;
            }
            iFrom = iByte;
            nMarks++;
        }
        buf_append(b, z + iFrom, n - iFrom);
    }
    if (bi) {
        ubrk_close(bi);
    }
    free(u);
    return nMarks;
}

char *
khmer_words_mark(const char *z, size_t *piOffset)
{
    size_t n = strlen(z), nAt = piOffset ? *piOffset : n, nAdded = 0;
    int nMarks = 0;
    Buf b = BUF_INIT;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(z + i, n - i, &cp);
        if (!kw_is_khmer(cp)) {
            buf_append(&b, z + i, k);
            i += k;
            continue;
        }
        size_t j = i;
        while (j < n) {
            k = utf8_decode(z + j, n - j, &cp);
            if (!kw_is_khmer(cp)) {
                break;
            }
            j += k;
        }
        size_t nAdd = 0;
        nMarks += kw_mark_run(&b, z + i, j - i, nAt > i ? nAt - i : 0, &nAdd);
        if (nAt > i) {
            nAdded += nAdd;
        }
        i = j;
    }
    if (nMarks == 0 || buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    if (piOffset) {
        *piOffset += nAdded;
    }
    return buf_detach(&b);
}

int
khmer_words_present(const char *z)
{
    /* U+1780..U+17FF is E1 9E xx and E1 9F xx; U+19E0..U+19FF E1 A7 A0+. */
    for (const char *p = strchr(z, '\xE1'); p; p = strchr(p + 1, '\xE1')) {
        unsigned char c1 = (unsigned char)p[1], c2 = (unsigned char)p[2];
        if (c1 == 0x9E || c1 == 0x9F || (c1 == 0xA7 && c2 >= 0xA0)) {
            return 1;
        }
    }
    return 0;
}
