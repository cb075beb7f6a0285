/*
** samples.h — sample data compiled into the binary.
**
** cmake/embed.cmake turns the files under data/ into aEmbeddedFile, so
** 'lmpmon init --sample NAME' works from any directory, with no data files
** installed beside the binary.
*/
#ifndef LMPMON_SAMPLES_H
#define LMPMON_SAMPLES_H

#include "../base/embedded.h"

/* Paths relative to data/ ("NAME/plan.json"); terminated by an entry whose
** zPath is NULL.  Generated at build time. */
extern const EmbeddedFile aEmbeddedFile[];

/* The file zPath, or NULL. */
const EmbeddedFile *samples_find(const char *zPath);

/* Append to b the names of the samples (directories of embedded files),
** separated by ", ". */
#include "../base/buf.h"
void samples_list(Buf *b);

#endif
