/*
** buf.h — the one string builder of lmpmon.
**
** A Buf is always readable as a NUL-terminated string (buf_str() never
** returns NULL, even before the first append), grows as needed up to a
** maximum size, and keeps a sticky overflow flag: a caller appends freely
** and checks buf_failed() once at the end instead of after every call.
**
**     Buf b = BUF_INIT;          // does not allocate
**     buf_puts(&b, "total: ");
**     buf_printf(&b, "%d", n);
**     if (buf_failed(&b)) ...    // went past b.nMax
**     use(buf_str(&b));
**     buf_release(&b);
*/
#ifndef LMPMON_BUF_H
#define LMPMON_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "limits.h"

typedef struct Buf {
    char *z;       /* content, NUL-terminated; NULL until first growth */
    size_t n;      /* bytes used, not counting the NUL */
    size_t nAlloc; /* bytes allocated for z */
    size_t nMax;   /* appends beyond this many bytes set bOverflow */
    int bOverflow; /* sticky: an append was refused for size */
} Buf;

#define BUF_INIT                                                               \
 {                                                                             \
  NULL, 0, 0, LIMIT_BUF_BYTES, 0                                               \
 }

/* Make b empty with the given maximum size (0 = LIMIT_BUF_BYTES). */
void buf_init(Buf *b, size_t nMax);

/* Free b's memory and make it empty again; b stays usable. */
void buf_release(Buf *b);

/* Forget the content but keep the memory (and the overflow flag cleared). */
void buf_reset(Buf *b);

/* The content, always NUL-terminated, never NULL; valid until b changes. */
const char *buf_str(const Buf *b);

/* Append n bytes of z. */
void buf_append(Buf *b, const char *z, size_t n);

/* Append the NUL-terminated z. */
void buf_puts(Buf *b, const char *z);

/* Append one byte. */
void buf_putc(Buf *b, char c);

/* Append formatted text (printf rules). */
void buf_printf(Buf *b, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *zFmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Append c n times. */
void buf_repeat(Buf *b, char c, size_t n);

/* Remove bytes from n on (n <= b->n). */
void buf_truncate(Buf *b, size_t n);

/* Take the content as a heap string the caller frees; b becomes empty. */
char *buf_detach(Buf *b);

/* Non-zero if an append went past the maximum size since the last reset. */
int buf_failed(const Buf *b);

#endif
