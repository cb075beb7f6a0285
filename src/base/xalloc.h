/*
** xalloc.h — allocation that never returns NULL.
**
** lmpmon bounds every input (limits.h), so running out of memory is not an
** expected failure to report but an environment problem: these wrappers print
** one line and abort, which keeps every caller free of NULL checks.
*/
#ifndef LMPMON_XALLOC_H
#define LMPMON_XALLOC_H

#include <stddef.h>

/* Allocate n bytes (n may be 0); aborts on exhaustion.  Caller frees. */
void *xmalloc(size_t n);

/* Allocate nmemb * size zeroed bytes; aborts on overflow or exhaustion. */
void *xcalloc(size_t nmemb, size_t size);

/* Resize p to nmemb * size bytes; aborts on overflow or exhaustion. */
void *xreallocarray(void *p, size_t nmemb, size_t size);

/* Copy of the NUL-terminated z (NULL gives NULL).  Caller frees. */
char *xstrdup(const char *z);

/* Copy of the first n bytes of z, NUL-terminated.  Caller frees. */
char *xstrndup(const char *z, size_t n);

/* Grow an array *pa of *pn elements of size sz so that index i fits;
** doubling, so appends are amortised O(1).  Updates *pa and *pnAlloc. */
void xgrow(void **pa, size_t *pnAlloc, size_t i, size_t sz);

#endif
