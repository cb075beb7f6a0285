/*
** table.h — a table of the web application, drawn as HTML or downloaded
** as CSV or XLSX from the same rows.
**
** A page fills a Table cell by cell (text, a number, a link, a badge) and
** renders it in the format the request asks for, so a download holds
** exactly what the page shows: the same columns, the same rows, the same
** words (labels, not codes).  HTML escapes every cell (escape.h); CSV is
** written by io/csv.c's writer (RFC 4180, a formula-looking cell
** guarded); XLSX by io/xlsx_write.c, numbers as number cells.
*/
#ifndef LMPMON_TABLE_H
#define LMPMON_TABLE_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"

typedef enum TableFormat {
    TABLE_HTML = 0,
    TABLE_CSV,
    TABLE_XLSX,
    TABLE_FORMAT_COUNT
} TableFormat;

typedef struct TableCell {
    char *zText;  /* the value as every format shows it */
    char *zHref;  /* HTML: a link on the text (a local address), or NULL */
    char *zClass; /* HTML: the class of a <span> around the text (a
                   ** badge: "rating r-on_target"), or NULL */
    int bNum;     /* a count: right-aligned, a number cell in XLSX */
    long nValue;  /* its value when bNum */
} TableCell;

typedef struct Table {
    const char *zId; /* names the table in a download address
                        ** (?table=ID): a literal of [a-z0-9_] */
    char *zCaption;  /* or NULL */
    char **azHead;   /* column headings */
    size_t nCol;
    TableCell *aCell; /* row after row, nCol cells each */
    size_t nCell, nAlloc;
    int bRowHeads; /* the first column heads its row (th scope=row) */
} Table;

/* Start an empty table named zId (static), captioned zCaption (copied;
** NULL: none).  Columns first (table_col), then cells row by row. */
void table_init(Table *t, const char *zId, const char *zCaption);
void table_release(Table *t);

/* Add a column headed zName (copied); before the first cell only. */
void table_col(Table *t, const char *zName);

/* The next cell: text; text linked to zHref; text in a badge of class
** zClass; a count.  All copy their arguments; NULL text is "". */
void table_text(Table *t, const char *z);
void table_link(Table *t, const char *z, const char *zHref);
void table_badge(Table *t, const char *z, const char *zClass);
void table_num(Table *t, long n);

/* Rows filled so far (complete or not). */
size_t table_rows(const Table *t);

/* The format named z ("csv", "xlsx"; "" or "html": TABLE_HTML) in *pOut;
** 0, or -1 for an unknown name. */
int table_format_parse(const char *z, TableFormat *pOut);

/* What a download of format e is: MIME type and file extension. */
const char *table_format_mime(TableFormat e);
const char *table_format_ext(TableFormat e);

/* The table as HTML: a <table> in a box that scrolls sideways on its own
** (a narrow screen never scrolls the page), and, when zSelf is not NULL,
** links to download it as CSV and XLSX: zSelf (the page's own address,
** its query included, not yet escaped) with table=ID&format=... added. */
void table_render_html(const Table *t, const char *zSelf, Buf *b);

/* The table as CSV: the headings, then the rows, CRLF line ends. */
void table_render_csv(const Table *t, Buf *b);

/* The table as an XLSX workbook (one sheet named after its id), appended
** to b.  0, or -1 with err when the workbook cannot be written. */
int table_render_xlsx(const Table *t, Buf *b, AppErr *err);

/* Render t in format e (HTML without download links) into b. */
int table_render(const Table *t, TableFormat e, Buf *b, AppErr *err);

#endif
