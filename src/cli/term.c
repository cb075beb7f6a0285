/*
** term.c — terminal width and tables (see term.h).
*/
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "term.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

size_t
term_width(void)
{
    long w = 0;
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col > 0) {
        w = ws.ws_col;
    } else if (str_to_long(getenv("COLUMNS"), 1, 10000, &w)) {
        w = 80;
    }
    if (w < 40) {
        w = 40;
    }
    if (w > 200) {
        w = 200;
    }
    return (size_t)w;
}

void
table_init(Table *t, size_t nCol, const char **azHead)
{
    memset(t, 0, sizeof *t);
    t->nCol = nCol;
    t->azHead = azHead;
}

void
table_release(Table *t)
{
    for (size_t i = 0; i < t->nRow * t->nCol; i++) {
        free(t->azCell[i]);
    }
    free(t->azCell);
    memset(t, 0, sizeof *t);
}

void
table_add(Table *t, const char *const *azCell)
{
    size_t need = (t->nRow + 1) * t->nCol;
    if (need > t->nAlloc) {
        size_t n = t->nAlloc ? t->nAlloc * 2 : 64 * t->nCol;
        while (n < need) {
            n *= 2;
        }
        t->azCell = xreallocarray(t->azCell, n, sizeof *t->azCell);
        t->nAlloc = n;
    }
    for (size_t c = 0; c < t->nCol; c++) {
        t->azCell[t->nRow * t->nCol + c] = xstrdup(azCell[c] ? azCell[c] : "");
    }
    t->nRow++;
}

void
table_render(const Table *t, size_t nWidth, Buf *b)
{
    size_t *aW = xcalloc(t->nCol, sizeof *aW);
    for (size_t c = 0; c < t->nCol; c++) {
        aW[c] = utf8_width(t->azHead[c], strlen(t->azHead[c]));
        for (size_t r = 0; r < t->nRow; r++) {
            const char *z = t->azCell[r * t->nCol + c];
            size_t w = utf8_width(z, strlen(z));
            if (w > aW[c]) {
                aW[c] = w;
            }
        }
    }
    /* Two spaces between columns.  The last column (a title or text) gives
    ** way first, down to 24 columns; then the widest until it fits. */
    size_t total0 = 2 * (t->nCol - 1);
    for (size_t c = 0; c < t->nCol; c++) {
        total0 += aW[c];
    }
    size_t iLast = t->nCol - 1;
    if (total0 > nWidth && aW[iLast] > 24) {
        size_t over = total0 - nWidth;
        size_t room = aW[iLast] - 24;
        aW[iLast] -= over < room ? over : room;
    }
    for (;;) {
        size_t total = 2 * (t->nCol - 1);
        size_t iWidest = 0;
        for (size_t c = 0; c < t->nCol; c++) {
            total += aW[c];
            if (aW[c] > aW[iWidest]) {
                iWidest = c;
            }
        }
        if (total <= nWidth || aW[iWidest] <= 6) {
            break;
        }
        size_t over = total - nWidth;
        aW[iWidest] -= over < aW[iWidest] - 6 ? over : aW[iWidest] - 6;
    }
    for (long r = -1; r < (long)t->nRow; r++) {
        size_t nLineStart = b->n;
        for (size_t c = 0; c < t->nCol; c++) {
            const char *z =
                r < 0 ? t->azHead[c] : t->azCell[(size_t)r * t->nCol + c];
            if (c) {
                buf_puts(b, "  ");
            }
            utf8_pad(b, z, aW[c]);
        }
        /* No trailing blanks. */
        while (b->n > nLineStart && b->z[b->n - 1] == ' ') {
            buf_truncate(b, b->n - 1);
        }
        buf_putc(b, '\n');
    }
    free(aW);
}
