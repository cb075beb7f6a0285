/*
** embedded.h — files compiled into the binary by cmake/embed.cmake (the
** shipped samples, the web application's stylesheet and script), so that
** lmpmon needs nothing installed beside it.
*/
#ifndef LMPMON_EMBEDDED_H
#define LMPMON_EMBEDDED_H

#include <stddef.h>

typedef struct EmbeddedFile {
    const char *zPath;          /* relative to the embedded root */
    const unsigned char *aData; /* content, NUL-terminated */
    size_t nData;               /* bytes, without the NUL */
} EmbeddedFile;

/* The file zPath of table a (terminated by a NULL zPath), or NULL. */
const EmbeddedFile *embedded_find(const EmbeddedFile *a, const char *zPath);

#endif
