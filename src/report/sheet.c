/*
** sheet.c — one table, three formats (see sheet.h).
*/
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sheet.h"
#include "escape.h"
#include "../base/base.h"
#include "../io/csv.h"
#include "../io/xlsx_write.h"
#include "../base/banned.h"

void
sheet_init(Sheet *t, const char *zId, const char *zCaption)
{
    assert(zId && *zId &&
           strspn(zId, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(zId));
    memset(t, 0, sizeof *t);
    t->zId = zId;
    t->zCaption = zCaption ? xstrdup(zCaption) : NULL;
}

void
sheet_caption(Sheet *t, const char *zFmt, ...)
{
    Buf b = BUF_INIT;
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(&b, zFmt, ap);
    va_end(ap);
    free(t->zCaption);
    t->zCaption = buf_detach(&b);
}

void
sheet_release(Sheet *t)
{
    for (size_t i = 0; i < t->nCol; i++) {
        free(t->azHead[i]);
    }
    free(t->azHead);
    free(t->abHtmlOnly);
    for (size_t i = 0; i < t->nCell; i++) {
        free(t->aCell[i].zText);
        free(t->aCell[i].zHref);
        free(t->aCell[i].zClass);
        free(t->aCell[i].zMarkup);
    }
    free(t->aCell);
    free(t->zCaption);
    memset(t, 0, sizeof *t);
}

void
sheet_col(Sheet *t, const char *zName)
{
    assert(t->nCell == 0);
    t->azHead = xreallocarray(t->azHead, t->nCol + 1, sizeof *t->azHead);
    t->abHtmlOnly = xreallocarray(t->abHtmlOnly, t->nCol + 1, 1);
    t->abHtmlOnly[t->nCol] = 0;
    t->azHead[t->nCol++] = xstrdup(zName);
}

void
sheet_col_html(Sheet *t, const char *zName)
{
    sheet_col(t, zName);
    t->abHtmlOnly[t->nCol - 1] = 1;
}

static SheetCell *
sheet_cell(Sheet *t, const char *z)
{
    xgrow((void **)&t->aCell, &t->nAlloc, t->nCell, sizeof *t->aCell);
    SheetCell *c = &t->aCell[t->nCell++];
    memset(c, 0, sizeof *c);
    c->zText = xstrdup(z ? z : "");
    return c;
}

void
sheet_text(Sheet *t, const char *z)
{
    (void)sheet_cell(t, z);
}

void
sheet_text_clip(Sheet *t, const char *z, size_t nWidth)
{
    sheet_cell(t, z)->nClip = nWidth;
}

void
sheet_link(Sheet *t, const char *z, const char *zHref)
{
    sheet_cell(t, z)->zHref = zHref ? xstrdup(zHref) : NULL;
}

void
sheet_badge(Sheet *t, const char *z, const char *zClass)
{
    sheet_cell(t, z)->zClass = zClass ? xstrdup(zClass) : NULL;
}

void
sheet_num_text(Sheet *t, double v, const char *zText)
{
    SheetCell *c = sheet_cell(t, zText);
    c->bNum = 1;
    c->v = v;
}

void
sheet_markup(Sheet *t, const char *zMarkup)
{
    sheet_cell(t, "")->zMarkup = xstrdup(zMarkup ? zMarkup : "");
}

void
sheet_text_markup(Sheet *t, const char *z, const char *zMarkup)
{
    sheet_cell(t, z)->zMarkup = xstrdup(zMarkup ? zMarkup : "");
}

void
sheet_num(Sheet *t, long n)
{
    char z[32];
    Buf b = BUF_INIT;
    buf_printf(&b, "%ld", n);
    size_t k = b.n < sizeof z - 1 ? b.n : sizeof z - 1;
    memcpy(z, buf_str(&b), k);
    z[k] = 0;
    buf_release(&b);
    SheetCell *c = sheet_cell(t, z);
    c->bNum = 1;
    c->v = (double)n;
}

size_t
sheet_rows(const Sheet *t)
{
    return t->nCol ? (t->nCell + t->nCol - 1) / t->nCol : 0;
}

static const struct {
    const char *zName;
    const char *zMime;
} aSheetFormat[SHEET_FORMAT_COUNT] = {
    [SHEET_HTML] = { "html", "text/html; charset=utf-8" },
    [SHEET_CSV] = { "csv", "text/csv; charset=utf-8" },
    [SHEET_XLSX] = { "xlsx", "application/vnd.openxmlformats-officedocument."
                             "spreadsheetml.sheet" },
};

int
sheet_format_parse(const char *z, SheetFormat *pOut)
{
    if (!z || !*z) {
        *pOut = SHEET_HTML;
        return 0;
    }
    for (int i = 0; i < SHEET_FORMAT_COUNT; i++) {
        if (strcmp(z, aSheetFormat[i].zName) == 0) {
            *pOut = (SheetFormat)i;
            return 0;
        }
    }
    return -1;
}

const char *
sheet_format_mime(SheetFormat e)
{
    return aSheetFormat[(unsigned)e < SHEET_FORMAT_COUNT ? e : 0].zMime;
}

const char *
sheet_format_ext(SheetFormat e)
{
    return aSheetFormat[(unsigned)e < SHEET_FORMAT_COUNT ? e : 0].zName;
}

/* The address of a download of t in format zFmt: zSelf with the table and
** the format added to its query. */
static void
sheet_download_href(const Sheet *t, const char *zSelf, const char *zFmt,
                    Buf *out)
{
    buf_puts(out, zSelf);
    buf_puts(out, strchr(zSelf, '?') ? "&" : "?");
    buf_puts(out, "table=");
    buf_puts(out, t->zId); /* [a-z0-9_]: nothing to encode */
    buf_puts(out, "&format=");
    buf_puts(out, zFmt);
}

/* Does z begin with a date (YYYY-MM-DD, alone or followed by a time:
** "2019-01-31 14:05 ICT")?  Such a cell keeps to one line: a date broken
** at its hyphens in a narrow column reads as three numbers. */
static int
sheet_is_date(const char *z)
{
    char zDay[11];
    if (strlen(z) < 10) {
        return 0;
    }
    memcpy(zDay, z, 10);
    zDay[10] = 0;
    return str_is_date(zDay) &&
           (z[10] == 0 || (z[10] == ' ' && z[11] >= '0' && z[11] <= '9'));
}

void
sheet_render_html(const Sheet *t, const char *zSelf, Buf *b)
{
    HTML_LIT(b, "<div class=\"table-wrap\" tabindex=\"0\"><table id=\"t-");
    esc_html(b, t->zId);
    HTML_LIT(b, "\">");
    if (t->zCaption) {
        HTML_LIT(b, "<caption>");
        esc_html(b, t->zCaption);
        HTML_LIT(b, "</caption>");
    }
    HTML_LIT(b, "<thead><tr>");
    for (size_t i = 0; i < t->nCol; i++) {
        HTML_LIT(b, "<th scope=\"col\">");
        esc_html(b, t->azHead[i]);
        HTML_LIT(b, "</th>");
    }
    HTML_LIT(b, "</tr></thead><tbody>");
    assert(t->nCol > 0 || t->nCell == 0); /* a cell is in a column */
    for (size_t i = 0; i < t->nCell; i++) {
        const SheetCell *c = &t->aCell[i];
        size_t iCol = i % t->nCol;
        if (iCol == 0) {
            HTML_LIT(b, "<tr>");
        }
        int bHead = iCol == 0 && t->bRowHeads;
        if (bHead) {
            HTML_LIT(b, "<th scope=\"row\">");
        } else if (c->bNum) {
            HTML_LIT(b, "<td class=\"n\">");
        } else if (sheet_is_date(c->zText)) {
            HTML_LIT(b, "<td class=\"d\">");
        } else {
            HTML_LIT(b, "<td>");
        }
        if (c->zMarkup) {
            /* Markup the caller built with escape.h's encoders. */
            buf_puts(b, c->zMarkup);
        }
        if (c->zHref) {
            HTML_LIT(b, "<a href=\"");
            esc_html(b, c->zHref);
            HTML_LIT(b, "\">");
        }
        if (c->zClass) {
            HTML_LIT(b, "<span class=\"");
            esc_html(b, c->zClass);
            HTML_LIT(b, "\">");
        }
        if (c->nClip && utf8_width(c->zText, strlen(c->zText)) > c->nClip) {
            Buf cut = BUF_INIT;
            utf8_clip_words(&cut, c->zText, c->nClip);
            HTML_LIT(b, "<span title=\"");
            esc_html(b, c->zText);
            HTML_LIT(b, "\">");
            esc_html(b, buf_str(&cut));
            HTML_LIT(b, "</span>");
            buf_release(&cut);
        } else if (!c->zMarkup) {
            /* A form's cell, or a cell with markup, shows that; its text is
            ** for downloads. */
            esc_html(b, c->zText);
        }
        if (c->zClass) {
            HTML_LIT(b, "</span>");
        }
        if (c->zHref) {
            HTML_LIT(b, "</a>");
        }
        if (bHead) {
            HTML_LIT(b, "</th>");
        } else {
            HTML_LIT(b, "</td>");
        }
        if (iCol + 1 == t->nCol || i + 1 == t->nCell) {
            HTML_LIT(b, "</tr>");
        }
    }
    HTML_LIT(b, "</tbody></table></div>\n");
    if (zSelf) {
        Buf h = BUF_INIT;
        HTML_LIT(b, "<p class=\"downloads small\">");
        HTML_TR(b, "Download this table:");
        HTML_LIT(b, " <a download=\"\" href=\"");
        sheet_download_href(t, zSelf, "csv", &h);
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\">CSV</a> \xC2\xB7 <a download=\"\" href=\"");
        buf_reset(&h);
        sheet_download_href(t, zSelf, "xlsx", &h);
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\">XLSX</a></p>\n");
        buf_release(&h);
    }
}

void
sheet_render_csv(const Sheet *t, Buf *b)
{
    const char *zSep = "";
    for (size_t i = 0; i < t->nCol; i++) {
        if (!t->abHtmlOnly[i]) {
            buf_puts(b, zSep);
            csv_write_field(b, t->azHead[i]);
            zSep = ",";
        }
    }
    buf_puts(b, "\r\n");
    zSep = "";
    assert(t->nCol > 0 || t->nCell == 0); /* a cell is in a column */
    for (size_t i = 0; i < t->nCell; i++) {
        size_t iCol = i % t->nCol;
        if (iCol == 0) {
            zSep = "";
        }
        if (t->abHtmlOnly[iCol]) {
            /* nothing: a column of buttons */
        } else if (t->aCell[i].bNum) {
            buf_puts(b, zSep);
            buf_puts(b, t->aCell[i].zText); /* a number, never a formula */
            zSep = ",";
        } else {
            buf_puts(b, zSep);
            csv_write_field(b, t->aCell[i].zText);
            zSep = ",";
        }
        if (iCol + 1 == t->nCol) {
            buf_puts(b, "\r\n");
        }
    }
    if (t->nCol && t->nCell % t->nCol) {
        buf_puts(b, "\r\n");
    }
}

int
sheet_render_xlsx(const Sheet *t, Buf *b, AppErr *err)
{
    XlsxOut *x = xlsx_out_new_mem(t->zId, err);
    if (!x) {
        return -1;
    }
    for (size_t i = 0; i < t->nCol; i++) {
        if (!t->abHtmlOnly[i]) {
            xlsx_out_header(x, t->azHead[i]);
        }
    }
    xlsx_out_row(x);
    assert(t->nCol > 0 || t->nCell == 0); /* a cell is in a column */
    for (size_t i = 0; i < t->nCell; i++) {
        const SheetCell *c = &t->aCell[i];
        if (t->abHtmlOnly[i % t->nCol]) {
            /* nothing: a column of buttons */
        } else if (c->bNum) {
            xlsx_out_number(x, c->v);
        } else {
            xlsx_out_text(x, c->zText);
        }
        if ((i + 1) % t->nCol == 0) {
            xlsx_out_row(x);
        }
    }
    return xlsx_out_take(x, b, err);
}

int
sheet_render(const Sheet *t, SheetFormat e, Buf *b, AppErr *err)
{
    switch (e) {
    case SHEET_CSV:
        sheet_render_csv(t, b);
        return 0;
    case SHEET_XLSX:
        return sheet_render_xlsx(t, b, err);
    default:
        sheet_render_html(t, NULL, b);
        return 0;
    }
}
