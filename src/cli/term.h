/*
** term.h — terminal output helpers: width and simple tables.
*/
#ifndef LMPMON_TERM_H
#define LMPMON_TERM_H

#include <stddef.h>

#include "../base/buf.h"

/* Columns available on standard output: the terminal's width when it is
** one, else $COLUMNS, else 80; clamped to 40..200. */
size_t term_width(void);

/* A table of text cells, printed with columns fitted to a width. */
typedef struct Table {
    size_t nCol;
    const char **azHead; /* nCol headings (static strings) */
    char **azCell;       /* nRow * nCol copies */
    size_t nRow, nAlloc;
} Table;

void table_init(Table *t, size_t nCol, const char **azHead);
void table_release(Table *t);

/* Add a row of nCol cells (copied; NULL shows as empty). */
void table_add(Table *t, const char *const *azCell);

/* Append t to b fitted to nWidth columns: narrow columns keep their
** natural width, the widest are cut (with "…") until the table fits. */
void table_render(const Table *t, size_t nWidth, Buf *b);

#endif
