/*
** sheet.h — a table of the web application, drawn as HTML or downloaded
** as CSV or XLSX from the same rows.
**
** A page fills a Sheet cell by cell (text, a number, a link, a badge) and
** renders it in the format the request asks for, so a download holds
** exactly what the page shows: the same columns, the same rows, the same
** words (labels, not codes).  HTML escapes every cell (escape.h); CSV is
** written by io/csv.c's writer (RFC 4180, a formula-looking cell
** guarded); XLSX by io/xlsx_write.c, numbers as number cells.
*/
#ifndef LMPMON_SHEET_H
#define LMPMON_SHEET_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"

typedef enum SheetFormat {
    SHEET_HTML = 0,
    SHEET_CSV,
    SHEET_XLSX,
    SHEET_FORMAT_COUNT
} SheetFormat;

typedef struct SheetCell {
    char *zText;   /* the value as every format shows it */
    char *zHref;   /* HTML: a link on the text (a local address), or NULL */
    char *zClass;  /* HTML: the class of a <span> around the text (a
                   ** badge: "rating r-on_target"), or NULL */
    char *zMarkup; /* HTML only: markup the caller built with escape.h's
                   ** encoders (a form's buttons), or NULL */
    size_t nClip;  /* HTML: show at most this many columns ("…" and the
                   ** whole text as a tooltip); 0: all */
    int bNum;      /* a count: right-aligned, a number cell in XLSX */
    double v;      /* its value when bNum */
} SheetCell;

typedef struct Sheet {
    const char *zId;  /* names the table in a download address
                        ** (?table=ID): a literal of [a-z0-9_] */
    char *zCaption;   /* or NULL */
    char **azHead;    /* column headings */
    char *abHtmlOnly; /* per column: shown in HTML only (buttons) */
    size_t nCol;
    SheetCell *aCell; /* row after row, nCol cells each */
    size_t nCell, nAlloc;
    int bRowHeads; /* the first column heads its row (th scope=row) */
} Sheet;

/* Start an empty table named zId (static), captioned zCaption (copied;
** NULL: none).  Columns first (sheet_col), then cells row by row. */
void sheet_init(Sheet *t, const char *zId, const char *zCaption);

/* Caption t with the formatted text (replacing any caption it had). */
void sheet_caption(Sheet *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
void sheet_release(Sheet *t);

/* Add a column headed zName (copied); before the first cell only. */
void sheet_col(Sheet *t, const char *zName);

/* The next cell: text z in CSV and XLSX, the caller's markup (built with
** escape.h's encoders: a form editing z, several links in one cell) in
** its place in HTML. */
void sheet_text_markup(Sheet *t, const char *z, const char *zMarkup);

/* Add a column shown in HTML only (its cells are sheet_markup(): the
** forms of the row's actions); CSV and XLSX leave it out. */
void sheet_col_html(Sheet *t, const char *zName);

/* The next cell: text; text linked to zHref; text in a badge of class
** zClass; a count; markup for an HTML-only column, built by the caller
** with escape.h's encoders.  All copy their arguments; NULL text is "". */
void sheet_text(Sheet *t, const char *z);
void sheet_link(Sheet *t, const char *z, const char *zHref);
void sheet_badge(Sheet *t, const char *z, const char *zClass);
void sheet_num(Sheet *t, long n);
/* Text that HTML cuts to nWidth columns (the whole text in a tooltip;
** CSV and XLSX hold it whole): a long wording in a list. */
void sheet_text_clip(Sheet *t, const char *z, size_t nWidth);
/* A number shown as zText ("+3"; CSV and HTML), a number in XLSX.  zText
** must be a number as people write one: it is not formula-guarded. */
void sheet_num_text(Sheet *t, double v, const char *zText);
void sheet_markup(Sheet *t, const char *zMarkup);

/* Rows filled so far (complete or not). */
size_t sheet_rows(const Sheet *t);

/* The format named z ("csv", "xlsx"; "" or "html": SHEET_HTML) in *pOut;
** 0, or -1 for an unknown name. */
int sheet_format_parse(const char *z, SheetFormat *pOut);

/* What a download of format e is: MIME type and file extension. */
const char *sheet_format_mime(SheetFormat e);
const char *sheet_format_ext(SheetFormat e);

/* The table as HTML: a <table> in a box that scrolls sideways on its own
** (a narrow screen never scrolls the page), and, when zSelf is not NULL,
** links to download it as CSV and XLSX: zSelf (the page's own address,
** its query included, not yet escaped) with table=ID&format=... added. */
void sheet_render_html(const Sheet *t, const char *zSelf, Buf *b);

/* The table as CSV: the headings, then the rows, CRLF line ends. */
void sheet_render_csv(const Sheet *t, Buf *b);

/* The table as an XLSX workbook (one sheet named after its id), appended
** to b.  0, or -1 with err when the workbook cannot be written. */
int sheet_render_xlsx(const Sheet *t, Buf *b, AppErr *err);

/* Render t in format e (HTML without download links) into b. */
int sheet_render(const Sheet *t, SheetFormat e, Buf *b, AppErr *err);

#endif
