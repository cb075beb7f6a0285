/*
** samples.c — looking up the embedded sample files (see samples.h).
*/
#include <string.h>

#include "samples.h"
#include "../base/banned.h"

const EmbeddedFile *
samples_find(const char *zPath)
{
    return embedded_find(aEmbeddedFile, zPath);
}

void
samples_list(Buf *b)
{
    size_t nStart = b->n;
    for (const EmbeddedFile *f = aEmbeddedFile; f->zPath; f++) {
        const char *zSlash = strchr(f->zPath, '/');
        size_t n = zSlash ? (size_t)(zSlash - f->zPath) : strlen(f->zPath);
        /* Skip names already listed. */
        int bSeen = 0;
        for (const EmbeddedFile *g = aEmbeddedFile; g < f; g++) {
            bSeen |= strncmp(g->zPath, f->zPath, n) == 0 && g->zPath[n] == '/';
        }
        if (!bSeen) {
            if (b->n > nStart) {
                buf_puts(b, ", ");
            }
            buf_append(b, f->zPath, n);
        }
    }
}
