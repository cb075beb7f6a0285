/*
** embedded.c — finding a file compiled into the binary (see embedded.h).
*/
#include <string.h>

#include "embedded.h"
#include "banned.h"

const EmbeddedFile *
embedded_find(const EmbeddedFile *a, const char *zPath)
{
    for (const EmbeddedFile *f = a; f->zPath; f++) {
        if (strcmp(f->zPath, zPath) == 0) {
            return f;
        }
    }
    return NULL;
}
