/*
** xalloc.c — allocation wrappers that abort on exhaustion (see xalloc.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "banned.h"

static void
xalloc_die(size_t n)
{
    (void)fprintf(stderr, "lmpmon: out of memory allocating %zu bytes\n", n);
    abort();
}

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        xalloc_die(n);
    }
    return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (!p) {
        xalloc_die(nmemb * size);
    }
    return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
    if (size && nmemb > (size_t)-1 / size) {
        xalloc_die((size_t)-1);
    }
    size_t n = nmemb * size;
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        xalloc_die(n);
    }
    return q;
}

char *
xstrdup(const char *z)
{
    if (!z) {
        return NULL;
    }
    return xstrndup(z, strlen(z));
}

char *
xstrndup(const char *z, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, z, n);
    p[n] = 0;
    return p;
}

void
xgrow(void **pa, size_t *pnAlloc, size_t i, size_t sz)
{
    if (i < *pnAlloc) {
        return;
    }
    size_t n = *pnAlloc ? *pnAlloc : 8;
    while (n <= i) {
        if (n > (size_t)-1 / 2) {
            xalloc_die((size_t)-1);
        }
        n *= 2;
    }
    *pa = xreallocarray(*pa, n, sz);
    memset((char *)*pa + *pnAlloc * sz, 0, (n - *pnAlloc) * sz);
    *pnAlloc = n;
}
