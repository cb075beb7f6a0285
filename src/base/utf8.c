/*
** utf8.c — UTF-8 checks, widths and wrapping (see utf8.h).
**
** Written here rather than taken from wcwidth(3) so the output does not
** depend on the user's locale: a report printed on a server with LANG=C must
** look like the one printed on a laptop.
*/
#include <string.h>

#include "utf8.h"
#include "banned.h"

long
utf8_invalid_at(const char *z, size_t n)
{
    const unsigned char *s = (const unsigned char *)z;
    size_t i = 0;
    while (i < n) {
        /* Runs of ASCII (most of any file) eight bytes at a time. */
        uint64_t w;
        if (n - i >= 8 &&
            (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0)) {
            i += 8;
            continue;
        }
        unsigned c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return (long)i;
        }
        if (n - i < len) {
            return (long)i;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return (long)i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return (long)i;
        }
        i += len;
    }
    return -1;
}

size_t
utf8_decode(const char *z, size_t n, uint32_t *pCp)
{
    const unsigned char *s = (const unsigned char *)z;
    unsigned c = s[0];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (len > n) {
        *pCp = 0xFFFD;
        return n;
    }
    uint32_t cp = len == 1   ? c
                  : len == 2 ? (c & 0x1F)
                  : len == 3 ? (c & 0x0F)
                             : (c & 0x07);
    for (size_t k = 1; k < len; k++) {
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    *pCp = cp;
    return len;
}

int
utf8_cp_width(uint32_t cp)
{
    /* Zero width: combining marks (general ranges), Khmer and other
    ** Brahmic vowel signs and coeng, zero-width space and joiners. */
    if ((cp >= 0x0300 && cp <= 0x036F) ||
        (cp >= 0x17B4 && cp <= 0x17D3 && cp != 0x17B6 && cp != 0x17BE &&
         cp != 0x17BF && cp != 0x17C0 && cp != 0x17C1 && cp != 0x17C2 &&
         cp != 0x17C3 && cp != 0x17C4 && cp != 0x17C5 && cp != 0x17C7 &&
         cp != 0x17C8) ||
        cp == 0x17DD || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x20D0 && cp <= 0x20FF)) {
        return 0;
    }
    /* Wide: CJK, Hangul, full-width forms, most emoji. */
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
        (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
        return 2;
    }
    return 1;
}

size_t
utf8_width(const char *z, size_t n)
{
    size_t w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += utf8_decode(z + i, n - i, &cp);
        w += (size_t)utf8_cp_width(cp);
    }
    return w;
}

/* Length in bytes of the longest prefix of z[0..n) at most nWidth wide.
** With bProgress, at least one code point is taken even if it is wider
** (wrapping must always advance); without, the prefix may be empty. */
static size_t
utf8_prefix_fitting(const char *z, size_t n, size_t nWidth, int bProgress)
{
    size_t i = 0;
    size_t w = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(z + i, n - i, &cp);
        size_t cw = (size_t)utf8_cp_width(cp);
        if ((i > 0 || !bProgress) && w + cw > nWidth) {
            break;
        }
        w += cw;
        i += len;
    }
    return i;
}

/* Wrap one line (no '\n' inside) of z[0..n). */
static void
utf8_wrap_line(Buf *b, const char *z, size_t n, size_t nWidth,
               const char *zIndent)
{
    size_t i = 0;
    /* An empty line, or one of spaces only, is a paragraph break: keep it. */
    size_t k = 0;
    while (k < n && z[k] == ' ') {
        k++;
    }
    if (k == n) {
        buf_puts(b, zIndent);
        buf_putc(b, '\n');
        return;
    }
    while (i < n) {
        while (i < n && z[i] == ' ') {
            i++;
        }
        if (i >= n) {
            break;
        }
        /* Take words while they fit. */
        size_t lineStart = i;
        size_t lineEnd = i;
        size_t w = 0;
        while (i < n) {
            size_t wordEnd = i;
            while (wordEnd < n && z[wordEnd] != ' ') {
                wordEnd++;
            }
            size_t gap =
                lineEnd > lineStart ? utf8_width(z + lineEnd, i - lineEnd) : 0;
            size_t ww = utf8_width(z + i, wordEnd - i);
            if (lineEnd > lineStart && w + gap + ww > nWidth) {
                break;
            }
            if (lineEnd == lineStart && ww > nWidth) {
                /* A word longer than the line: break it. */
                wordEnd =
                    i + utf8_prefix_fitting(z + i, wordEnd - i, nWidth, 1);
                ww = utf8_width(z + i, wordEnd - i);
            }
            w += gap + ww;
            lineEnd = wordEnd;
            i = wordEnd;
            while (i < n && z[i] == ' ') {
                i++;
            }
            if (w >= nWidth) {
                break;
            }
        }
        buf_puts(b, zIndent);
        buf_append(b, z + lineStart, lineEnd - lineStart);
        buf_putc(b, '\n');
        i = lineEnd;
    }
}

void
utf8_wrap(Buf *b, const char *z, size_t nWidth, const char *zIndent)
{
    if (nWidth < 8) {
        nWidth = 8;
    }
    const char *p = z;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 0 && p[n - 1] == '\r') {
            n--;
        }
        utf8_wrap_line(b, p, n, nWidth, zIndent);
        if (!nl) {
            break;
        }
        p = nl + 1;
    }
}

void
utf8_pad(Buf *b, const char *z, size_t nWidth)
{
    size_t n = strlen(z);
    size_t w = utf8_width(z, n);
    size_t start = b->n;
    if (w <= nWidth) {
        buf_append(b, z, n);
    } else {
        if (nWidth == 0) {
            return;
        }
        size_t cut = utf8_prefix_fitting(z, n, nWidth - 1, 0);
        buf_append(b, z, cut);
        buf_puts(b, "\xE2\x80\xA6"); /* … */
        w = utf8_width(z, cut) + 1;
    }
    /* Newlines and tabs would break the table's grid. */
    for (size_t k = start; k < b->n; k++) {
        if (b->z[k] == '\n' || b->z[k] == '\r' || b->z[k] == '\t') {
            b->z[k] = ' ';
        }
    }
    if (w < nWidth) {
        buf_repeat(b, ' ', nWidth - w);
    }
}

/* The capital of the lower-case letter cp, or cp itself: the scripts with
** case that plans are written in (Latin, Greek, Cyrillic), from tables
** small enough to check by eye; Khmer has no case. */
static uint32_t
utf8_cp_upper(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) ||
        (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) ||
        (cp >= 0x430 && cp <= 0x44F)) {
        return cp - 0x20;
    }
    if (cp == 0xFF) {
        return 0x178;
    }
    if (cp == 0x3C2) {
        return 0x3A3; /* final sigma */
    }
    if (cp >= 0x450 && cp <= 0x45F) {
        return cp - 0x50;
    }
    /* Latin Extended-A pairs: capital first, small second, except in the
    ** two runs where the pairs start on an odd code point. */
    if (cp == 0x131) {
        return 'I'; /* dotless i */
    }
    if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) ||
        (cp >= 0x14A && cp <= 0x177)) {
        return cp & 1 ? cp - 1 : cp;
    }
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
        return cp & 1 ? cp : cp - 1;
    }
    return cp;
}

/* Append code point cp (at most U+10FFFF, no surrogate) as UTF-8. */
static void
utf8_put_cp(Buf *b, uint32_t cp)
{
    char z[4];
    size_t n;
    if (cp < 0x80) {
        z[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        z[0] = (char)(0xC0 | (cp >> 6));
        z[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        z[0] = (char)(0xE0 | (cp >> 12));
        z[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        z[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        z[0] = (char)(0xF0 | (cp >> 18));
        z[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        z[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        z[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_append(b, z, n);
}

void
utf8_capitalise(Buf *b, const char *z)
{
    size_t n = strlen(z);
    if (n == 0) {
        return;
    }
    if (utf8_invalid_at(z, n) >= 0) {
        buf_append(b, z, n); /* not ours to judge here: left as it is */
        return;
    }
    uint32_t cp;
    size_t len = utf8_decode(z, n, &cp);
    utf8_put_cp(b, utf8_cp_upper(cp));
    buf_append(b, z + len, n - len);
}

void
utf8_clip_words(Buf *b, const char *z, size_t nWidth)
{
    size_t n = strlen(z);
    if (utf8_width(z, n) <= nWidth || nWidth == 0) {
        buf_append(b, z, n);
        return;
    }
    size_t cut = utf8_prefix_fitting(z, n, nWidth - 1, 0);
    size_t at = cut;
    while (at > 0 && z[at] != ' ' && z[at - 1] != ' ') {
        at--;
    }
    if (at >= cut * 2 / 3) {
        cut = at; /* between two words */
    }
    while (cut > 0 && z[cut - 1] == ' ') {
        cut--;
    }
    buf_append(b, z, cut);
    buf_puts(b, "\xE2\x80\xA6"); /* … */
}
