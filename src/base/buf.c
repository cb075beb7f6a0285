/*
** buf.c — growable string builder with a size cap (see buf.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"
#include "banned.h"

void
buf_init(Buf *b, size_t nMax)
{
    b->z = NULL;
    b->n = 0;
    b->nAlloc = 0;
    b->nMax = nMax ? nMax : LIMIT_BUF_BYTES;
    b->bOverflow = 0;
}

void
buf_release(Buf *b)
{
    free(b->z);
    b->z = NULL;
    b->n = 0;
    b->nAlloc = 0;
    b->bOverflow = 0;
}

void
buf_reset(Buf *b)
{
    b->n = 0;
    if (b->z) {
        b->z[0] = 0;
    }
    b->bOverflow = 0;
}

const char *
buf_str(const Buf *b)
{
    return b->z ? b->z : "";
}

/* Make room for n more bytes plus the NUL; 0 if that would pass nMax. */
static int
buf_reserve(Buf *b, size_t n)
{
    if (b->bOverflow || n > b->nMax || b->n > b->nMax - n) {
        b->bOverflow = 1;
        return 0;
    }
    size_t need = b->n + n + 1;
    if (need > b->nAlloc) {
        size_t nNew = b->nAlloc ? b->nAlloc : 64;
        while (nNew < need) {
            nNew *= 2;
        }
        b->z = xreallocarray(b->z, nNew, 1);
        b->nAlloc = nNew;
    }
    return 1;
}

void
buf_append(Buf *b, const char *z, size_t n)
{
    if (!buf_reserve(b, n)) {
        return;
    }
    if (n) {
        memcpy(b->z + b->n, z, n);
    }
    b->n += n;
    b->z[b->n] = 0;
}

void
buf_puts(Buf *b, const char *z)
{
    buf_append(b, z, strlen(z));
}

void
buf_putc(Buf *b, char c)
{
    buf_append(b, &c, 1);
}

void
buf_vprintf(Buf *b, const char *zFmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, zFmt, ap2);
    va_end(ap2);
    if (n < 0 || !buf_reserve(b, (size_t)n)) {
        b->bOverflow = 1;
        return;
    }
    (void)vsnprintf(b->z + b->n, (size_t)n + 1, zFmt, ap);
    b->n += (size_t)n;
}

void
buf_printf(Buf *b, const char *zFmt, ...)
{
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(b, zFmt, ap);
    va_end(ap);
}

void
buf_repeat(Buf *b, char c, size_t n)
{
    if (!buf_reserve(b, n)) {
        return;
    }
    memset(b->z + b->n, c, n);
    b->n += n;
    b->z[b->n] = 0;
}

void
buf_truncate(Buf *b, size_t n)
{
    if (n < b->n) {
        b->n = n;
        b->z[n] = 0;
    }
}

char *
buf_detach(Buf *b)
{
    char *z = b->z ? b->z : xstrdup("");
    b->z = NULL;
    b->n = 0;
    b->nAlloc = 0;
    return z;
}

int
buf_failed(const Buf *b)
{
    return b->bOverflow;
}
