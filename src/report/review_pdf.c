/*
** review_pdf.c — the review report as an A4 PDF (review_print.h), and its
** charts drawn with cairo.
**
** The document is laid out twice with the same code: the first run, into
** a PDF nobody keeps, learns on which page each heading falls and how many
** pages there are; the second prints the contents with those page numbers
** and "page N of M" in the footers.  The contents has one line per block
** known before layout, so it takes the same room in both runs and nothing
** after it moves.
**
** Pages: 1 the cover; then the contents; the body on portrait pages; the
** annex on landscape pages (the PDF surface changes size per page).  Every
** page but the cover has a running header (plan, round) and footer.
*/
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <unicode/uclean.h>

#include "review_print.h"
#include "review_doc.h"
#include "paginate.h"
#include "palette.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* Latin from DejaVu; Khmer, which DejaVu lacks, from the Khmer fonts. */
#define PDF_KHMER  "Khmer OS Siemreap, Noto Sans Khmer"
#define PDF_SANS   "DejaVu Sans, " PDF_KHMER
#define PDF_SERIF  "DejaVu Serif, " PDF_KHMER
#define PDF_NARROW "DejaVu Sans Condensed, " PDF_KHMER

/* font, space before, after, indent, line spacing, grey, box, Khmer's size
** (tables: Khmer OS's letters are as tall as DejaVu's capitals, and at nine
** tenths "Rating 2016" and the ratings fit the annex's narrow columns) */
static const PgStyle stH1 = { PDF_SANS " Bold 15", 18, 8, 0, 0, 0.1, 0, 0 };
static const PgStyle stH2 = { PDF_SANS " Bold 12", 12, 5, 0, 0, 0.1, 0, 0.9 };
static const PgStyle stH3 = { PDF_SANS " Bold 10.5", 9, 4, 0, 0, 0.1, 0, 0.9 };
static const PgStyle stH4 = { PDF_SANS " Bold 9", 7, 3, 0, 0, 0.1, 0, 0.9 };
static const PgStyle stBody = { PDF_SERIF " 10", 2, 6, 0, 1.15, 0, 0, 0 };
static const PgStyle stBullet = { PDF_SERIF " 10", 0, 4, 14, 1.15, 0, 0, 0 };
static const PgStyle stNote = {
    PDF_SERIF " Italic 9.5", 4, 12, 0, 1.15, 0, 1, 0
};
static const PgStyle stCaption = {
    PDF_SANS " Bold 8.5", 8, 3, 0, 0, 0.2, 0, 0
};
static const PgStyle stTable = { PDF_NARROW " 8.5", 0, 10, 0, 0, 0, 0, 0.9 };
static const PgStyle stAnnex = { PDF_NARROW " 7.3", 0, 8, 0, 0, 0, 0, 0.9 };
static const PgStyle stToc1 = { PDF_SANS " Bold 10.5", 9, 2, 0, 0, 0, 0, 0 };
static const PgStyle stToc2 = { PDF_SANS " 10", 2, 1, 16, 0, 0, 0, 0 };
static const PgStyle stRunning = { PDF_SANS " 7.5", 0, 0, 0, 0, 0.35, 0, 0 };

/* Margins: about 22 mm, the running header and footer inside them. */
static const PgFrame framePortrait = { 70, 62, 62, 62 };
static const PgFrame frameLandscape = { 46, 38, 34, 34 };

/* ---- The charts ----------------------------------------------------------- */

/* The statuses in the order the bars show them, as the SVG charts;
** colours: palette.h ("not rated" is hatched). */
static const struct {
    Rating e;
    const char *zLabel;
} aPdfSeg[] = {
    { RATING_ON_TARGET, N_("On Target") },
    { RATING_PROGRESSING, N_("Progressing") },
    { RATING_NOT_ON_TARGET, N_("Not on Target") },
    { RATING_NONE, N_("Not rated") },
};

#define PDF_NSEG 4

#define CHART_TOP   44.0 /* title and legend above the bars */
#define CHART_TITLE 18.0 /* the title's part of it */
#define CHART_ROW   25.0 /* one bar and its label */
#define CHART_FOOT  22.0 /* the note below */

double
review_chart_height(const ReviewSummary *s, const char *zTitle, double w)
{
    (void)w;
    return CHART_TOP - (zTitle ? 0 : CHART_TITLE) +
           (double)(s->nGroup + 1) * CHART_ROW + CHART_FOOT;
}

static void
chart_fill(cairo_t *cr, int k)
{
    double r, g, b;
    rating_fill_rgb(aPdfSeg[k].e, &r, &g, &b);
    if (r >= 0) {
        cairo_set_source_rgb(cr, r, g, b);
        return;
    }
    /* White with grey diagonal lines, drawn as a repeating vector tile. */
    cairo_rectangle_t ext = { 0, 0, 6, 6 };
    cairo_surface_t *tile =
        cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
    cairo_t *t = cairo_create(tile);
    cairo_set_source_rgb(t, 1, 1, 1);
    cairo_paint(t);
    cairo_set_source_rgb(t, 0.33, 0.33, 0.33);
    cairo_set_line_width(t, 1.2);
    cairo_move_to(t, -1, 7);
    cairo_line_to(t, 7, -1);
    cairo_stroke(t);
    cairo_destroy(t);
    cairo_pattern_t *pat = cairo_pattern_create_for_surface(tile);
    cairo_pattern_set_extend(pat, CAIRO_EXTEND_REPEAT);
    cairo_set_source(cr, pat);
    cairo_pattern_destroy(pat);
    cairo_surface_destroy(tile);
}

/* Draw z with its top-left at (x, y) (or its top-right when bRight, centred
** on x when bCentre), at most w wide and nLines lines; returns its height. */
static double
chart_text(cairo_t *cr, PangoContext *ctx, const PgStyle *st, const char *z,
           double x, double y, double w, int nLines, int iAlign, double grey)
{
    PangoLayout *pl = pager_layout(ctx, st, z, 0, w);
    pango_layout_set_height(pl, -nLines);
    pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(pl, iAlign < 0   ? PANGO_ALIGN_LEFT
                                   : iAlign > 0 ? PANGO_ALIGN_RIGHT
                                                : PANGO_ALIGN_CENTER);
    int wPl, hPl;
    pango_layout_get_size(pl, &wPl, &hPl);
    double h = (double)hPl / PANGO_SCALE;
    cairo_save(cr);
    cairo_set_source_rgb(cr, grey, grey, grey);
    double x0 = iAlign < 0 ? x : iAlign > 0 ? x - w : x - w / 2;
    cairo_move_to(cr, x0, y);
    pango_cairo_show_layout(cr, pl);
    cairo_restore(cr);
    g_object_unref(pl);
    return h;
}

void
review_chart_draw(cairo_t *cr, const ReviewReport *r, const ReviewSummary *s,
                  const char *zTitle, double w)
{
    static const PgStyle stTitle = { PDF_SANS " Bold 10", 0, 0, 0, 0, 0, 0, 0 };
    static const PgStyle stLabel = { PDF_SANS " 8", 0, 0, 0, 0, 0, 0, 0 };
    static const PgStyle stLabelBold = {
        PDF_SANS " Bold 8", 0, 0, 0, 0, 0, 0, 0
    };
    static const PgStyle stCount = {
        PDF_SANS " Bold 7.5", 0, 0, 0, 0, 0, 0, 0
    };
    PangoContext *ctx = pager_context_new(cr);
    const double wLabel = w * 0.34, wTotal = 28;
    const double xBar = wLabel + 8, wBar = w - xBar - wTotal;
    char zNum[32];

    cairo_save(cr);
    if (zTitle) {
        chart_text(cr, ctx, &stTitle, zTitle, 0, 0, w, 1, -1, 0);
    } else {
        cairo_translate(cr, 0, -CHART_TITLE);
    }
    /* The legend. */
    double x = 0;
    for (int k = 0; k < PDF_NSEG; k++) {
        cairo_rectangle(cr, x + 0.5, 20.5, 9, 9);
        chart_fill(cr, k);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
        PangoLayout *pl =
            pager_layout(ctx, &stLabel, _(aPdfSeg[k].zLabel), 0, -1);
        int wPl, hPl;
        pango_layout_get_size(pl, &wPl, &hPl);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, x + 14, 19.5);
        pango_cairo_show_layout(cr, pl);
        g_object_unref(pl);
        x += 14 + (double)wPl / PANGO_SCALE + 14;
    }
    /* One bar per group, the whole plan last and in bold. */
    for (size_t g = 0; g <= s->nGroup; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        double y = CHART_TOP + (double)g * CHART_ROW;
        const PgStyle *st = gr->iNode < 0 ? &stLabelBold : &stLabel;
        Buf label = BUF_INIT;
        if (gr->iNode >= 0 && r->p->aLevel[r->iLevel].bIndicator) {
            buf_printf(&label, "%s %s",
                       level_label(r->p->aLevel[r->iLevel].zName),
                       r->p->aNode[gr->iNode].zCode);
        } else {
            buf_puts(&label, review_group_name(r, gr->iNode));
        }
        /* Up to two lines, centred on the bar. */
        PangoLayout *pl = pager_layout(ctx, st, buf_str(&label), 0, wLabel);
        pango_layout_set_height(pl, -2);
        pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(pl, PANGO_ALIGN_RIGHT);
        int wPl, hPl;
        pango_layout_get_size(pl, &wPl, &hPl);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, 0, y + CHART_ROW / 2 - (double)hPl / PANGO_SCALE / 2);
        pango_cairo_show_layout(cr, pl);
        g_object_unref(pl);
        buf_release(&label);
        double xSeg = xBar;
        const double hBar = 17, yBar = y + (CHART_ROW - hBar) / 2;
        for (int k = 0; k < PDF_NSEG; k++) {
            size_t n = gr->c.an[aPdfSeg[k].e];
            if (n == 0 || gr->c.nTotal == 0) {
                continue;
            }
            double wSeg = wBar * (double)n / (double)gr->c.nTotal;
            cairo_rectangle(cr, xSeg, yBar, wSeg, hBar);
            chart_fill(cr, k);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
            if (wSeg >= 14) {
                (void)snprintf(zNum, sizeof zNum, "%zu", n);
                /* On the hatching, the count sits on a white patch. */
                if (!rating_fill(aPdfSeg[k].e)) {
                    cairo_set_source_rgb(cr, 1, 1, 1);
                    cairo_rectangle(cr, xSeg + wSeg / 2 - 7, yBar + 3, 14,
                                    hBar - 6);
                    cairo_fill(cr);
                }
                chart_text(cr, ctx, &stCount, zNum, xSeg + wSeg / 2, yBar + 3.5,
                           wSeg, 1, 0,
                           str_eq(rating_ink(aPdfSeg[k].e), "#ffffff") ? 1 : 0);
            }
            xSeg += wSeg;
        }
        (void)snprintf(zNum, sizeof zNum, "%zu", gr->c.nTotal);
        chart_text(cr, ctx, st, zNum, xBar + wBar + 5, yBar + 3.5, wTotal - 5,
                   1, -1, 0);
    }
    chart_text(cr, ctx, &stLabel,
               _("Number of activities; total at the right."), xBar,
               CHART_TOP + (double)(s->nGroup + 1) * CHART_ROW + 6,
               wBar + wTotal, 1, -1, 0.3);
    cairo_restore(cr);
    g_object_unref(ctx);
}

/* ---- Writing a cairo stream into a Buf ------------------------------------ */

static cairo_status_t
pdf_write_buf(void *pArg, const unsigned char *a, unsigned int n)
{
    Buf *b = pArg;
    buf_append(b, (const char *)a, n);
    return buf_failed(b) ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
pdf_write_nothing(void *pArg, const unsigned char *a, unsigned int n)
{
    (void)pArg;
    (void)a;
    (void)n;
    return CAIRO_STATUS_SUCCESS;
}

int
review_chart_png(const ReviewReport *r, const ReviewSummary *s,
                 const char *zTitle, double w, int nDpi, Buf *b, double *pH,
                 AppErr *err)
{
    double h = review_chart_height(s, zTitle, w);
    double scale = nDpi / 72.0;
    cairo_surface_t *img = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, (int)(w * scale + 0.5), (int)(h * scale + 0.5));
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    review_chart_draw(cr, r, s, zTitle, w);
    cairo_destroy(cr);
    cairo_status_t st =
        cairo_surface_write_to_png_stream(img, pdf_write_buf, b);
    cairo_surface_destroy(img);
    *pH = h;
    if (st != CAIRO_STATUS_SUCCESS) {
        apperr_set(err, APPERR_INTERNAL, "cannot draw the chart");
        return apperr_detail(err, "cairo: %s", cairo_status_to_string(st));
    }
    return 0;
}

/* ---- The document --------------------------------------------------------- */

typedef struct ReviewPdf {
    const ReviewDoc *d;
    int *aiPage;    /* per block: the page of a heading (first run) */
    int *aiPageNow; /* the same, being filled by this run */
    int nPage;      /* pages of the first run; 0 during it */
    cairo_surface_t *pSurface;
} ReviewPdf;

static void
pdf_decorate(void *pArg, cairo_t *cr, PangoContext *ctx, int iPage,
             double width, double height, const PgFrame *f)
{
    const ReviewPdf *x = pArg;
    if (iPage == 1) {
        return; /* the cover */
    }
    double w = width - f->left - f->right;
    double y = f->top - 30;
    chart_text(cr, ctx, &stRunning, x->d->zPlan, f->left, y, w * 0.62, 1, -1,
               stRunning.grey);
    chart_text(cr, ctx, &stRunning, x->d->zTitle, f->left + w, y, w * 0.36, 1,
               1, stRunning.grey);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, f->left, y + 14);
    cairo_line_to(cr, f->left + w, y + 14);
    cairo_stroke(cr);
    char z[64];
    if (x->nPage) {
        (void)snprintf(z, sizeof z, _("page %d of %d"), iPage, x->nPage);
    } else {
        (void)snprintf(z, sizeof z, _("page %d"), iPage);
    }
    chart_text(cr, ctx, &stRunning, z, f->left + w / 2, height - f->bottom + 22,
               w, 1, 0, stRunning.grey);
}

/* The cover, drawn as one picture filling the first page. */
static void
pdf_cover(void *pArg, cairo_t *cr, double w)
{
    static const PgStyle stPlan = { PDF_SERIF " 15", 0, 0, 0, 1.2, 0, 0, 0 };
    static const PgStyle stTitle = {
        PDF_SERIF " Bold 30", 0, 0, 0, 1.1, 0, 0, 0
    };
    static const PgStyle stLine = { PDF_SANS " 11", 0, 0, 0, 0, 0, 0, 0 };
    static const PgStyle stSmall = { PDF_SANS " 9", 0, 0, 0, 1.2, 0, 0, 0 };
    const ReviewPdf *x = pArg;
    const ReviewDoc *d = x->d;
    PangoContext *ctx = pager_context_new(cr);
    /* The accent rule: the web application's accent blue (app.css). */
    cairo_set_source_rgb(cr, 0x1f / 255.0, 0x4e / 255.0, 0x79 / 255.0);
    cairo_rectangle(cr, 0, 120, w, 6);
    cairo_fill(cr);
    double y = 150;
    y += chart_text(cr, ctx, &stPlan, d->zPlan, 0, y, w, 4, -1, 0.15) + 18;
    y += chart_text(cr, ctx, &stTitle, d->zTitle, 0, y, w, 3, -1, 0) + 22;
    Buf b = BUF_INIT;
    for (int k = 0; k < 2; k++) {
        if (review_doc_cover_line(d, k, &b)) {
            y += chart_text(cr, ctx, &stLine, buf_str(&b), 0, y, w, 2, -1, 0) +
                 6;
        }
        buf_reset(&b);
    }
    (void)review_doc_cover_line(d, 2, &b);
    chart_text(cr, ctx, &stSmall, buf_str(&b), 0, 640, w, 3, -1, 0.3);
    buf_release(&b);
    g_object_unref(ctx);
}

typedef struct PdfFigure {
    const ReviewReport *r;
    const DocBlock *b;
} PdfFigure;

static void
pdf_figure(void *pArg, cairo_t *cr, double w)
{
    const PdfFigure *f = pArg;
    review_chart_draw(cr, f->r, f->b->pSum, f->b->zText, w);
}

/* The text of chapter block b as printed, into t, with its runs in
** *paRun (the caller frees the array; the addresses are b's): on paper a
** link cannot be followed, so its address follows its text in brackets,
** unless the text is the address. */
static void
pdf_link_text(const DocBlock *b, Buf *t, MdRun **paRun, size_t *pnRun)
{
    MdRun *a = xcalloc(2 * b->nRun + 1, sizeof *a);
    size_t n = 0, iLinkText = 0;
    for (size_t k = 0; k < b->nRun; k++) {
        const MdRun *u = &b->aRun[k];
        int bLink = (u->fl & MD_RUN_LINK) != 0;
        if (bLink && (k == 0 || !(b->aRun[k - 1].fl & MD_RUN_LINK) ||
                      strcmp(b->aRun[k - 1].zHref, u->zHref) != 0)) {
            iLinkText = t->n;
        }
        a[n] = *u;
        a[n].i = t->n;
        buf_append(t, b->zText + u->i, u->n);
        n++;
        int bLast =
            bLink && (k + 1 == b->nRun || !(b->aRun[k + 1].fl & MD_RUN_LINK) ||
                      strcmp(b->aRun[k + 1].zHref, u->zHref) != 0);
        if (bLast) {
            const char *zShow = u->zHref;
            if (strncmp(zShow, "mailto:", 7) == 0) {
                zShow += 7;
            }
            if (strcmp(buf_str(t) + iLinkText, zShow) != 0) {
                a[n].i = t->n;
                buf_printf(t, " (%s)", zShow);
                a[n].n = t->n - a[n].i;
                a[n].fl = 0;
                a[n].zHref = NULL;
                n++;
            }
        }
    }
    *paRun = a;
    *pnRun = n;
}

/* A paragraph or list item: with its runs when it has some. */
static void
pdf_para(Pager *pg, const PgStyle *st, const DocBlock *b, const char *zBullet)
{
    if (!b->aRun) {
        pager_para(pg, st, b->zText, b->nBold, zBullet);
        return;
    }
    Buf t = BUF_INIT;
    MdRun *a;
    size_t n;
    pdf_link_text(b, &t, &a, &n);
    pager_para_runs(pg, st, buf_str(&t), a, n, zBullet);
    free(a);
    buf_release(&t);
}

static const PgStyle *
pdf_heading_style(int iLevel)
{
    static const PgStyle *const a[] = { &stH1, &stH2, &stH3, &stH4 };
    return a[iLevel < 1 ? 0 : iLevel > 4 ? 3 : iLevel - 1];
}

/* One run of the layout onto pSurface. */
static void
pdf_lay_out(ReviewPdf *x)
{
    const ReviewDoc *d = x->d;
    Pager *pg = pager_new(x->pSurface, &framePortrait, &frameLandscape,
                          pdf_decorate, x);
    pager_picture(pg, 600, pdf_cover, x);
    pager_break(pg, 0);
    /* The contents: chapters and their sections. */
    pager_keep(pg, &stH1, _("Contents"), 0, NULL);
    char zNum[32];
    for (size_t i = 0; i < d->nBlock; i++) {
        const DocBlock *b = &d->aBlock[i];
        if (b->e != DOC_HEADING || !b->bToc) {
            continue;
        }
        (void)snprintf(zNum, sizeof zNum, "%d", x->aiPage[i]);
        pager_toc_line(pg, b->iLevel == 1 ? &stToc1 : &stToc2, b->zText,
                       x->nPage ? zNum : "0", x->aiPage[i]);
    }
    pager_break(pg, 0);
    for (size_t i = 0; i < d->nBlock; i++) {
        const DocBlock *b = &d->aBlock[i];
        switch (b->e) {
        case DOC_HEADING:
            pager_keep(pg, pdf_heading_style(b->iLevel), b->zText, 0,
                       &x->aiPageNow[i]);
            break;
        case DOC_PARA:
            pdf_para(pg, &stBody, b, NULL);
            break;
        case DOC_LABEL:
            pager_keep(pg, &stBody, b->zText, b->nBold, NULL);
            break;
        case DOC_NOTE:
            pager_para(pg, &stNote, b->zText, 0, NULL);
            break;
        case DOC_BULLET:
            pdf_para(pg, &stBullet, b, "\xE2\x80\xA2");
            break;
        case DOC_NUMBERED: {
            char zN[24];
            (void)snprintf(zN, sizeof zN, "%ld.", b->iNumber);
            pdf_para(pg, &stBullet, b, zN);
            break;
        }
        case DOC_CAPTION:
            pager_keep(pg, &stCaption, b->zText, 0, NULL);
            break;
        case DOC_TABLE: {
            const DocTable *t = b->pTable;
            PgTable pt = { t->nCol,   t->nRow,
                           t->nHead,  t->aWidth,
                           t->aRight, t->azCell,
                           t->aBold,  t->bSmall ? &stAnnex : &stTable };
            pager_table(pg, &pt);
            break;
        }
        case DOC_FIGURE: {
            PdfFigure f = { d->r, b };
            pager_space(pg, 6);
            pager_picture(
                pg,
                review_chart_height(b->pSum, b->zText, pager_text_width(pg)),
                pdf_figure, &f);
            pager_space(pg, 6);
            break;
        }
        case DOC_LANDSCAPE:
            pager_break(pg, 1);
            break;
        }
    }
    x->nPage = pager_page(pg);
    pager_free(pg);
}

/* The PDF's bookmarks: chapters, their sections and the annex's parts. */
static void
pdf_outline(const ReviewPdf *x)
{
    int aiParent[4] = { CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0 };
    char zDest[32];
    for (size_t i = 0; i < x->d->nBlock; i++) {
        const DocBlock *b = &x->d->aBlock[i];
        if (b->e != DOC_HEADING || b->iLevel > 3) {
            continue;
        }
        (void)snprintf(zDest, sizeof zDest, "page=%d", x->aiPage[i]);
        int id = cairo_pdf_surface_add_outline(
            x->pSurface, aiParent[b->iLevel - 1], b->zText, zDest,
            b->iLevel == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        if (b->iLevel < 4) {
            aiParent[b->iLevel] = id;
        }
    }
}

/* Document d as an A4 PDF appended to b. */
static int
pdf_write(const ReviewDoc *pd, Buf *b, AppErr *err)
{
    const ReviewDoc d = *pd; /* read only */
    ReviewPdf x = { pd, xcalloc(d.nBlock + 1, sizeof(int)),
                    xcalloc(d.nBlock + 1, sizeof(int)), 0, NULL };
    int rc = 0;
    /* First run: where the headings fall and how many pages there are. */
    x.pSurface = cairo_pdf_surface_create_for_stream(pdf_write_nothing, NULL,
                                                     PG_A4_WIDTH, PG_A4_HEIGHT);
    pdf_lay_out(&x);
    cairo_surface_finish(x.pSurface);
    cairo_surface_destroy(x.pSurface);
    memcpy(x.aiPage, x.aiPageNow, d.nBlock * sizeof(int));
    int nFirst = x.nPage;

    /* Second run: the same layout, with the numbers known. */
    size_t nStart = b->n;
    x.pSurface = cairo_pdf_surface_create_for_stream(pdf_write_buf, b,
                                                     PG_A4_WIDTH, PG_A4_HEIGHT);
    Buf meta = BUF_INIT;
    buf_printf(&meta, "%s \xE2\x80\x94 %s", d.zTitle, d.zPlan);
    cairo_pdf_surface_set_metadata(x.pSurface, CAIRO_PDF_METADATA_TITLE,
                                   buf_str(&meta));
    buf_release(&meta);
    cairo_pdf_surface_set_metadata(x.pSurface, CAIRO_PDF_METADATA_CREATOR,
                                   "lmpmon");
    char zNow[32];
    str_now_utc(zNow, sizeof zNow);
    cairo_pdf_surface_set_metadata(x.pSurface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   zNow);
    pdf_lay_out(&x);
    pdf_outline(&x);
    cairo_surface_finish(x.pSurface);
    cairo_status_t st = cairo_surface_status(x.pSurface);
    cairo_surface_destroy(x.pSurface);
    if (st != CAIRO_STATUS_SUCCESS || buf_failed(b)) {
        buf_truncate(b, nStart);
        apperr_set(err, APPERR_INTERNAL, "cannot write the PDF");
        rc = apperr_detail(err, "cairo: %s", cairo_status_to_string(st));
    } else if (x.nPage != nFirst ||
               memcmp(x.aiPage, x.aiPageNow, d.nBlock * sizeof(int)) != 0) {
        /* The layout is deterministic: runs that disagree are a bug, and
        ** the contents and footers would lie. */
        buf_truncate(b, nStart);
        rc = apperr_set(err, APPERR_INTERNAL,
                        "cannot write the PDF: its two "
                        "layout runs disagree (%d and %d pages)",
                        nFirst, x.nPage);
    }
    free(x.aiPage);
    free(x.aiPageNow);
    return rc;
}

int
print_review_pdf(const ReviewReport *r, Buf *b, AppErr *err)
{
    ReviewDoc d;
    review_doc_build(r, &d);
    int rc = pdf_write(&d, b, err);
    review_doc_release(&d);
    return rc;
}

int
print_sheet_pdf(const SheetDocSpec *spec, Buf *b, AppErr *err)
{
    ReviewDoc d;
    sheet_doc_build(spec, &d);
    int rc = pdf_write(&d, b, err);
    review_doc_release(&d);
    return rc;
}

void
print_release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
    u_cleanup(); /* ICU's Khmer dictionary (khmer_words.c) */
}
