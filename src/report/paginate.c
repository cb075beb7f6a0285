/*
** paginate.c — the pager (paginate.h): blocks onto pages with the rules
** of a printed report.
**
** Everything is measured before it is drawn: a text block is a
** PangoLayout whose lines' top and bottom are read once (PgLines), and
** the decisions — does it fit, where to break — are made on those
** numbers.  A block that must break is drawn piece by piece: the lines
** of one page are drawn with the layout shifted up and clipped to them.
*/
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "paginate.h"
#include "khmer_words.h"
#include "../base/base.h"
#include "../base/utf8.h"
#include "../base/i18n.h"
#include "../base/banned.h"

#define PG_CELL_PAD_X 3.0 /* points inside a table cell, left and right */
#define PG_CELL_PAD_Y 2.0 /* and above and below */
#define PG_BOX_PAD    6.0 /* inside a boxed paragraph */
/* The height of a line holding Khmer, in ems of its style's size.  Khmer
** OS's ascent and descent make 1.81 em, while its tallest clusters (vowels
** above a consonant with two coeng subscripts below) take 1.44 em of ink:
** each line of Khmer was a quarter taller than it need be, and a line
** with one Khmer word among Latin ones half as tall again as its
** neighbours. */
#define PG_KHMER_LINE 1.45

/* A laid-out text and its lines' vertical extents in points. */
typedef struct PgLines {
    PangoLayout *pl;
    int n;
    double *aTop, *aBot;
    double h; /* the whole layout's height */
} PgLines;

/* A heading or caption waiting for what follows it. */
typedef struct PgPending {
    PgLines t;
    const PgStyle *st;
    int *piPage;
} PgPending;

struct Pager {
    cairo_surface_t *pSurface;
    cairo_t *cr;
    PangoContext *ctx;
    PgFrame aFrame[2]; /* portrait, landscape */
    PgDecorate xDecorate;
    void *pArg;
    int bLandscape; /* orientation of the open or next page */
    int bOpen;      /* a page is open */
    int bEmpty;     /* nothing but the header and footer on it yet */
    int iPage;      /* pages started */
    double y;       /* where the next block goes */
    PgPending *aPend;
    size_t nPend, nPendAlloc;
};

/* ---- Measuring ------------------------------------------------------------ */

PangoContext *
pager_context_new(cairo_t *cr)
{
    PangoContext *ctx = pango_cairo_create_context(cr);
    pango_cairo_context_set_resolution(ctx, 72.0);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    /* The reader's language: Pango picks fonts and breaks lines (Khmer
    ** between words) for it. */
    pango_context_set_language(
        ctx, pango_language_from_string(i18n_lang_code(i18n_current())));
    return ctx;
}

/* Khmer runs of z (a text with Khmer) at scale times the font's size. */
static void
pg_khmer_scale(PangoAttrList *al, const char *z, double scale)
{
    size_t n = strlen(z), i = 0, iStart = 0;
    int bIn = 0;
    while (i <= n) {
        uint32_t cp = 0;
        size_t k = i < n ? utf8_decode(z + i, n - i, &cp) : 1;
        int bKhmer = i < n && khmer_words_is(cp);
        if (bKhmer && !bIn) {
            iStart = i;
        } else if (!bKhmer && bIn) {
            PangoAttribute *a = pango_attr_scale_new(scale);
            a->start_index = (guint)iStart;
            a->end_index = (guint)i;
            pango_attr_list_insert(al, a);
        }
        bIn = bKhmer;
        i += k;
    }
}

/* Where byte iOrig of zOrig is in zMarked, the same text with U+200B
** put between Khmer words (khmer_words_mark()). */
static size_t
pg_marked_offset(const char *zOrig, const char *zMarked, size_t iOrig)
{
    static const char zZwsp[] = "\xE2\x80\x8B";
    size_t i = 0, j = 0;
    while (i < iOrig && zMarked[j]) {
        if (strncmp(zMarked + j, zZwsp, 3) == 0 &&
            strncmp(zOrig + i, zZwsp, 3) != 0) {
            j += 3;
        } else {
            i++;
            j++;
        }
    }
    return j;
}

/* The attributes of runs aRun[0 .. nRun) of zOrig, drawn as zText (zOrig
** itself, or its marked copy), into al. */
static void
pg_run_attrs(PangoAttrList *al, const char *zOrig, const char *zText,
             const MdRun *aRun, size_t nRun)
{
    for (size_t k = 0; k < nRun; k++) {
        const MdRun *u = &aRun[k];
        if (!u->fl) {
            continue;
        }
        guint iStart =
            (guint)(zText == zOrig ? u->i
                                   : pg_marked_offset(zOrig, zText, u->i));
        guint iEnd = (guint)(zText == zOrig
                                 ? u->i + u->n
                                 : pg_marked_offset(zOrig, zText, u->i + u->n));
        PangoAttribute *a[4];
        int n = 0;
        if (u->fl & MD_RUN_BOLD) {
            a[n++] = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        }
        if (u->fl & MD_RUN_ITALIC) {
            a[n++] = pango_attr_style_new(PANGO_STYLE_ITALIC);
        }
        if (u->fl & MD_RUN_LINK) {
            a[n++] = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
            a[n++] = pango_attr_foreground_new(0x1a1a, 0x4f4f, 0x8b8b);
        }
        for (int i = 0; i < n; i++) {
            a[i]->start_index = iStart;
            a[i]->end_index = iEnd;
            pango_attr_list_insert(al, a[i]);
        }
    }
}

/* pager_layout() with runs (pager_para_runs()). */
static PangoLayout *
pg_layout_runs(PangoContext *ctx, const PgStyle *st, const char *z,
               size_t nBold, const MdRun *aRun, size_t nRun, double width)
{
    /* Khmer words apart for the line breaker (khmer_words.h); z is then
    ** the marked copy and nBold the same place in it. */
    const char *zOrig = z;
    char *zMarked = khmer_words_mark(z, &nBold);
    if (zMarked) {
        z = zMarked;
    }
    int bKhmer = khmer_words_present(z);
    PangoLayout *pl = pango_layout_new(ctx);
    PangoFontDescription *fd = pango_font_description_from_string(st->zFont);
    pango_layout_set_font_description(pl, fd);
    double size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
    pango_font_description_free(fd);
    /* A Khmer word longer than the line (or text ICU could not divide)
    ** breaks between clusters rather than run past the margin. */
    pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
    if (width > 0) {
        pango_layout_set_width(pl, (int)(width * PANGO_SCALE));
    }
    double khmerScale = st->khmerScale > 0 ? st->khmerScale : 1.0;
    double hKhmer = PG_KHMER_LINE * size * khmerScale *
                    (st->lineSpacing > 0 ? st->lineSpacing : 1.0);
    if (st->lineSpacing > 0 && !bKhmer) {
        pango_layout_set_line_spacing(pl, (float)st->lineSpacing);
    }
    pango_layout_set_text(pl, z, -1);
    PangoAttrList *al = pango_attr_list_new();
    if (bKhmer) {
        /* Every line of a text with Khmer is PG_KHMER_LINE em high (and
        ** the style's spacing), set here because the layout's own line
        ** spacing would multiply Khmer OS's height again. */
        PangoAttribute *a =
            pango_attr_line_height_new_absolute((int)(hKhmer * PANGO_SCALE));
        a->start_index = 0;
        a->end_index = PANGO_ATTR_INDEX_TO_TEXT_END;
        pango_attr_list_insert(al, a);
        if (khmerScale != 1.0) {
            pg_khmer_scale(al, z, khmerScale);
        }
    }
    if (nBold) {
        PangoAttribute *a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        a->start_index = 0;
        a->end_index = (guint)nBold;
        pango_attr_list_insert(al, a);
    }
    pg_run_attrs(al, zOrig, z, aRun, nRun);
    /* A blank line between paragraphs takes a third of a line: narratives
    ** are written as paragraphs, and full blank lines would make the annex
    ** a third longer. */
    for (const char *p = strstr(z, "\n\n"); p; p = strstr(p + 1, "\n\n")) {
        PangoAttribute *a = bKhmer ? pango_attr_line_height_new_absolute(
                                         (int)(0.35 * hKhmer * PANGO_SCALE))
                                   : pango_attr_line_height_new(0.35);
        a->start_index = (guint)(p + 1 - z);
        a->end_index = (guint)(p + 2 - z);
        pango_attr_list_insert(al, a);
    }
    pango_layout_set_attributes(pl, al);
    pango_attr_list_unref(al);
    free(zMarked);
    return pl;
}

PangoLayout *
pager_layout(PangoContext *ctx, const PgStyle *st, const char *z, size_t nBold,
             double width)
{
    return pg_layout_runs(ctx, st, z, nBold, NULL, 0, width);
}

/* Take pl (owned from now on) and read its lines' extents. */
static void
pg_lines_of(PgLines *t, PangoLayout *pl)
{
    t->pl = pl;
    t->n = pango_layout_get_line_count(pl);
    t->aTop = xcalloc((size_t)t->n + 1, sizeof(double));
    t->aBot = xcalloc((size_t)t->n + 1, sizeof(double));
    PangoLayoutIter *it = pango_layout_get_iter(pl);
    int i = 0;
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        if (i < t->n) {
            t->aTop[i] = (double)y0 / PANGO_SCALE;
            t->aBot[i] = (double)y1 / PANGO_SCALE;
        }
        i++;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    int w, h;
    pango_layout_get_size(pl, &w, &h);
    t->h = (double)h / PANGO_SCALE;
    if (t->n > 0 && t->aBot[t->n - 1] > t->h) {
        t->h = t->aBot[t->n - 1];
    }
}

static void
pg_lines_release(PgLines *t)
{
    if (t->pl) {
        g_object_unref(t->pl);
    }
    free(t->aTop);
    free(t->aBot);
    memset(t, 0, sizeof *t);
}

/* Height of lines [i, j) of t. */
static double
pg_lines_height(const PgLines *t, int i, int j)
{
    return j > i ? t->aBot[j - 1] - t->aTop[i] : 0;
}

/* The end of the lines from i that fit in h points (at least i + 1 when
** bForce, so that a line taller than a page still goes somewhere). */
static int
pg_lines_fit(const PgLines *t, int i, double h, int bForce)
{
    int j = i;
    while (j < t->n && t->aBot[j] - t->aTop[i] <= h + 0.01) {
        j++;
    }
    return j == i && bForce && i < t->n ? i + 1 : j;
}

/* ---- Pages ---------------------------------------------------------------- */

static const PgFrame *
pg_frame(const Pager *pg)
{
    return &pg->aFrame[pg->bLandscape];
}

static double
pg_page_width(const Pager *pg)
{
    return pg->bLandscape ? PG_A4_HEIGHT : PG_A4_WIDTH;
}

static double
pg_page_height(const Pager *pg)
{
    return pg->bLandscape ? PG_A4_WIDTH : PG_A4_HEIGHT;
}

double
pager_text_width(const Pager *pg)
{
    return pg_page_width(pg) - pg_frame(pg)->left - pg_frame(pg)->right;
}

static double
pg_bottom(const Pager *pg)
{
    return pg_page_height(pg) - pg_frame(pg)->bottom;
}

static double
pg_left(const Pager *pg)
{
    return pg_frame(pg)->left;
}

static void
pg_page_begin(Pager *pg)
{
    if (pg->bOpen) {
        cairo_show_page(pg->cr);
    }
    /* The size applies to the page about to start: nothing is drawn on it
    ** yet. */
    cairo_pdf_surface_set_size(pg->pSurface, pg_page_width(pg),
                               pg_page_height(pg));
    pg->iPage++;
    pg->bOpen = 1;
    pg->bEmpty = 1;
    pg->y = pg_frame(pg)->top;
    if (pg->xDecorate) {
        cairo_save(pg->cr);
        pg->xDecorate(pg->pArg, pg->cr, pg->ctx, pg->iPage, pg_page_width(pg),
                      pg_page_height(pg), pg_frame(pg));
        cairo_restore(pg->cr);
    }
}

static void
pg_open(Pager *pg)
{
    if (!pg->bOpen) {
        pg_page_begin(pg);
    }
}

/* Draw lines [i, j) of t with the top of line i at (x, y). */
static void
pg_draw_lines(Pager *pg, const PgLines *t, int i, int j, double x, double y,
              double grey)
{
    cairo_t *cr = pg->cr;
    cairo_save(cr);
    cairo_set_source_rgb(cr, grey, grey, grey);
    if (i == 0 && j == t->n) {
        cairo_move_to(cr, x, y - t->aTop[0]);
        pango_cairo_show_layout(cr, t->pl);
        cairo_restore(cr);
        return;
    }
    /* Part of the text: its lines one by one at their baselines, not the
    ** whole layout clipped to them, which would cut the vowels above a
    ** Khmer line and the subscripts below it where they reach past the
    ** line's height (PG_KHMER_LINE). */
    PangoLayoutIter *it = pango_layout_get_iter(t->pl);
    int k = 0;
    do {
        if (k >= i && k < j) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double yBase =
                (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(cr, x + (double)logical.x / PANGO_SCALE,
                          y - t->aTop[i] + yBase);
            pango_cairo_show_layout_line(
                cr, pango_layout_iter_get_line_readonly(it));
        }
        k++;
    } while (k < j && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    cairo_restore(cr);
}

/* Place what waits (headings, captions) and make room for h points of what
** follows them: both go onto a new page when they do not fit together. */
static void
pg_need(Pager *pg, double h)
{
    pg_open(pg);
    double hPend = 0;
    for (size_t i = 0; i < pg->nPend; i++) {
        const PgPending *p = &pg->aPend[i];
        hPend += p->st->spaceBefore + p->t.h + p->st->spaceAfter;
    }
    if (!pg->bEmpty && pg->y + hPend + h > pg_bottom(pg)) {
        pg_page_begin(pg);
    }
    for (size_t i = 0; i < pg->nPend; i++) {
        PgPending *p = &pg->aPend[i];
        if (!pg->bEmpty) {
            pg->y += p->st->spaceBefore;
        }
        pg_draw_lines(pg, &p->t, 0, p->t.n, pg_left(pg) + p->st->indent, pg->y,
                      p->st->grey);
        pg->y += p->t.h + p->st->spaceAfter;
        pg->bEmpty = 0;
        if (p->piPage) {
            *p->piPage = pg->iPage;
        }
        pg_lines_release(&p->t);
    }
    pg->nPend = 0;
}

/* The space above a block, unless it starts the page. */
static void
pg_space_before(Pager *pg, const PgStyle *st)
{
    if (!pg->bEmpty) {
        pg->y += st->spaceBefore;
    }
}

Pager *
pager_new(cairo_surface_t *pSurface, const PgFrame *pPortrait,
          const PgFrame *pLandscape, PgDecorate xDecorate, void *pArg)
{
    Pager *pg = xcalloc(1, sizeof *pg);
    pg->pSurface = pSurface;
    pg->cr = cairo_create(pSurface);
    pg->ctx = pager_context_new(pg->cr);
    pg->aFrame[0] = *pPortrait;
    pg->aFrame[1] = *pLandscape;
    pg->xDecorate = xDecorate;
    pg->pArg = pArg;
    return pg;
}

void
pager_free(Pager *pg)
{
    if (!pg) {
        return;
    }
    if (pg->nPend) {
        pg_need(pg, 0);
    }
    if (pg->bOpen) {
        cairo_show_page(pg->cr);
    }
    free(pg->aPend);
    g_object_unref(pg->ctx);
    cairo_destroy(pg->cr);
    free(pg);
}

int
pager_page(const Pager *pg)
{
    return pg->iPage;
}

void
pager_break(Pager *pg, int bLandscape)
{
    if (pg->bOpen) {
        cairo_show_page(pg->cr);
        pg->bOpen = 0;
    }
    pg->bLandscape = bLandscape != 0;
}

void
pager_space(Pager *pg, double h)
{
    if (pg->bOpen && !pg->bEmpty) {
        pg->y += h;
    }
}

/* ---- Text ----------------------------------------------------------------- */

void
pager_keep(Pager *pg, const PgStyle *st, const char *z, size_t nBold,
           int *piPage)
{
    xgrow((void **)&pg->aPend, &pg->nPendAlloc, pg->nPend, sizeof *pg->aPend);
    PgPending *p = &pg->aPend[pg->nPend++];
    pg_lines_of(&p->t, pager_layout(pg->ctx, st, z, nBold,
                                    pager_text_width(pg) - st->indent));
    p->st = st;
    p->piPage = piPage;
}

/* pager_para() and pager_para_runs(). */
static void
pg_para(Pager *pg, const PgStyle *st, const char *z, size_t nBold,
        const MdRun *aRun, size_t nRun, const char *zBullet)
{
    double x = pg_left(pg) + st->indent;
    double w = pager_text_width(pg) - st->indent;
    PgLines t;
    if (st->bBox) {
        pg_lines_of(&t, pg_layout_runs(pg->ctx, st, z, nBold, aRun, nRun,
                                       w - 2 * PG_BOX_PAD));
        double h = t.h + 2 * PG_BOX_PAD;
        pg_need(pg, st->spaceBefore + h);
        pg_space_before(pg, st);
        cairo_save(pg->cr);
        cairo_rectangle(pg->cr, x, pg->y, w, h);
        cairo_set_source_rgb(pg->cr, 0.94, 0.94, 0.94);
        cairo_fill(pg->cr);
        cairo_restore(pg->cr);
        pg_draw_lines(pg, &t, 0, t.n, x + PG_BOX_PAD, pg->y + PG_BOX_PAD,
                      st->grey);
        pg->y += h + st->spaceAfter;
        pg->bEmpty = 0;
        pg_lines_release(&t);
        return;
    }
    pg_lines_of(&t, pg_layout_runs(pg->ctx, st, z, nBold, aRun, nRun, w));
    /* Never a single line alone at the bottom of a page. */
    pg_need(pg, st->spaceBefore + pg_lines_height(&t, 0, t.n < 2 ? t.n : 2));
    pg_space_before(pg, st);
    int i = 0;
    while (i < t.n) {
        int j = pg_lines_fit(&t, i, pg_bottom(pg) - pg->y, pg->bEmpty);
        /* Nor a single line alone at the top of the next one. */
        if (j < t.n && t.n - j == 1 && j - i >= 3) {
            j--;
        }
        if (j > i) {
            pg_draw_lines(pg, &t, i, j, x, pg->y, st->grey);
            if (i == 0 && zBullet) {
                PgLines b;
                pg_lines_of(&b, pager_layout(pg->ctx, st, zBullet, 0, -1));
                /* On the first line's baseline, which a line with Khmer
                ** has lower than the bullet's own. */
                double dy = (double)(pango_layout_get_baseline(t.pl) -
                                     pango_layout_get_baseline(b.pl)) /
                            PANGO_SCALE;
                /* A bullet hangs 10 points left of the text; a number
                ** ends 3 points before it. */
                int wB, hB;
                pango_layout_get_size(b.pl, &wB, &hB);
                double xB = (double)wB / PANGO_SCALE + 3;
                pg_draw_lines(pg, &b, 0, b.n, x - (xB > 10 ? xB : 10),
                              pg->y + dy, st->grey);
                pg_lines_release(&b);
            }
            pg->y += pg_lines_height(&t, i, j);
            pg->bEmpty = 0;
            i = j;
        }
        if (i < t.n) {
            pg_page_begin(pg);
        }
    }
    pg->y += st->spaceAfter;
    pg_lines_release(&t);
}

void
pager_para(Pager *pg, const PgStyle *st, const char *z, size_t nBold,
           const char *zBullet)
{
    pg_para(pg, st, z, nBold, NULL, 0, zBullet);
}

void
pager_para_runs(Pager *pg, const PgStyle *st, const char *z, const MdRun *aRun,
                size_t nRun, const char *zBullet)
{
    pg_para(pg, st, z, 0, aRun, nRun, zBullet);
}

void
pager_toc_line(Pager *pg, const PgStyle *st, const char *z, const char *zPage,
               int iTarget)
{
    const double wNumber = 36;
    double x = pg_left(pg) + st->indent;
    double w = pager_text_width(pg) - st->indent - wNumber;
    PgLines t, n;
    pg_lines_of(&t, pager_layout(pg->ctx, st, z, 0, w));
    PangoLayout *plNumber = pager_layout(pg->ctx, st, zPage, 0, wNumber);
    pango_layout_set_alignment(plNumber, PANGO_ALIGN_RIGHT);
    pg_lines_of(&n, plNumber);
    pg_need(pg, st->spaceBefore + t.h);
    pg_space_before(pg, st);
    Buf link = BUF_INIT;
    buf_printf(&link, "page=%d", iTarget);
    cairo_tag_begin(pg->cr, CAIRO_TAG_LINK, buf_str(&link));
    pg_draw_lines(pg, &t, 0, t.n, x, pg->y, st->grey);
    double yLast = pg->y + t.aTop[t.n - 1];
    pg_draw_lines(pg, &n, 0, n.n, x + w, yLast, st->grey);
    cairo_tag_end(pg->cr, CAIRO_TAG_LINK);
    buf_release(&link);
    /* The dotted leader from the end of the last line to the number. */
    PangoRectangle rLast;
    PangoLayoutLine *pLine = pango_layout_get_line_readonly(t.pl, t.n - 1);
    pango_layout_line_get_extents(pLine, NULL, &rLast);
    double xDot = x + (double)(rLast.x + rLast.width) / PANGO_SCALE + 6;
    PangoRectangle rNum;
    pango_layout_get_pixel_extents(n.pl, NULL, &rNum);
    double xEnd = x + w + rNum.x - 6;
    double yDot = yLast + (double)pango_layout_get_baseline(t.pl) / PANGO_SCALE;
    cairo_save(pg->cr);
    cairo_set_source_rgb(pg->cr, 0.4, 0.4, 0.4);
    cairo_new_path(pg->cr);
    for (int k = 0; xDot + 4.0 * k < xEnd; k++) {
        cairo_new_sub_path(pg->cr);
        cairo_arc(pg->cr, xDot + 4.0 * k, yDot - 0.5, 0.5, 0, 6.2832);
    }
    cairo_fill(pg->cr);
    cairo_restore(pg->cr);
    pg->y += t.h + st->spaceAfter;
    pg->bEmpty = 0;
    pg_lines_release(&t);
    pg_lines_release(&n);
}

/* ---- Pictures ------------------------------------------------------------- */

void
pager_picture(Pager *pg, double h, PgDraw xDraw, void *pArg)
{
    pg_need(pg, h);
    cairo_save(pg->cr);
    cairo_translate(pg->cr, pg_left(pg), pg->y);
    xDraw(pArg, pg->cr, pager_text_width(pg));
    cairo_restore(pg->cr);
    pg->y += h;
    pg->bEmpty = 0;
}

/* ---- Tables --------------------------------------------------------------- */

/* One row's cells laid out at their column widths. */
typedef struct PgRow {
    PgLines a[8];
    size_t n;
    double h; /* tallest cell, without padding */
} PgRow;

static void
pg_row_layout(Pager *pg, const PgTable *t, size_t iRow, PgRow *pRow)
{
    int bBold = iRow < t->nHead || (t->aBold && t->aBold[iRow]);
    double wText = pager_text_width(pg);
    pRow->n = t->nCol;
    pRow->h = 0;
    for (size_t c = 0; c < t->nCol; c++) {
        const char *z = t->azCell[iRow * t->nCol + c];
        double w = t->aWidth[c] * wText - 2 * PG_CELL_PAD_X;
        PangoLayout *pl =
            pager_layout(pg->ctx, t->pStyle, z, bBold ? strlen(z) : 0, w);
        if (t->aRight && t->aRight[c]) {
            pango_layout_set_alignment(pl, PANGO_ALIGN_RIGHT);
        }
        pg_lines_of(&pRow->a[c], pl);
        if (pRow->a[c].h > pRow->h) {
            pRow->h = pRow->a[c].h;
        }
    }
}

static void
pg_row_release(PgRow *pRow)
{
    for (size_t c = 0; c < pRow->n; c++) {
        pg_lines_release(&pRow->a[c]);
    }
}

/* The frame of a row slice hRow high at the cursor: the header's shade
** and the cells' borders. */
static void
pg_row_frame(Pager *pg, const PgTable *t, double hRow, int bHead)
{
    cairo_t *cr = pg->cr;
    double x = pg_left(pg), wText = pager_text_width(pg);
    cairo_save(cr);
    if (bHead) {
        cairo_rectangle(cr, x, pg->y, wText, hRow);
        cairo_set_source_rgb(cr, 0.86, 0.89, 0.93);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(cr, 0.5);
    for (size_t c = 0; c < t->nCol; c++) {
        double w = t->aWidth[c] * wText;
        cairo_rectangle(cr, x, pg->y, w, hRow);
        cairo_stroke(cr);
        x += w;
    }
    cairo_restore(cr);
}

/* Draw a row that fits at the cursor. */
static void
pg_row_draw(Pager *pg, const PgTable *t, const PgRow *pRow, int bHead)
{
    /* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): pager_table() laid out aHead[] */
    double hRow = pRow->h + 2 * PG_CELL_PAD_Y;
    pg_row_frame(pg, t, hRow, bHead);
    double x = pg_left(pg), wText = pager_text_width(pg);
    for (size_t c = 0; c < t->nCol; c++) {
        const PgLines *l = &pRow->a[c];
        pg_draw_lines(pg, l, 0, l->n, x + PG_CELL_PAD_X, pg->y + PG_CELL_PAD_Y,
                      t->pStyle->grey);
        x += t->aWidth[c] * wText;
    }
    pg->y += hRow;
    pg->bEmpty = 0;
}

static void
pg_head_draw(Pager *pg, const PgTable *t, PgRow *aHead)
{
    for (size_t r = 0; r < t->nHead; r++) {
        pg_row_draw(pg, t, &aHead[r], 1);
    }
}

/* A row taller than a page: each page takes the lines of every cell that
** fit, and the header is repeated above the rest. */
static void
pg_row_split(Pager *pg, const PgTable *t, const PgRow *pRow, PgRow *aHead)
{
    int aiLine[8] = { 0 };
    double wText = pager_text_width(pg);
    for (;;) {
        double avail = pg_bottom(pg) - pg->y - 2 * PG_CELL_PAD_Y;
        /* Too little room for a few lines: start on the next page. */
        if (!pg->bEmpty && avail < 3 * 10.0) {
            pg_page_begin(pg);
            pg_head_draw(pg, t, aHead);
            continue;
        }
        double hSlice = 0;
        int aiEnd[8];
        for (size_t c = 0; c < t->nCol; c++) {
            aiEnd[c] = pg_lines_fit(&pRow->a[c], aiLine[c], avail, 1);
            double h = pg_lines_height(&pRow->a[c], aiLine[c], aiEnd[c]);
            hSlice = h > hSlice ? h : hSlice;
        }
        pg_row_frame(pg, t, hSlice + 2 * PG_CELL_PAD_Y, 0);
        double x = pg_left(pg);
        int bDone = 1;
        for (size_t c = 0; c < t->nCol; c++) {
            if (aiEnd[c] > aiLine[c]) {
                pg_draw_lines(pg, &pRow->a[c], aiLine[c], aiEnd[c],
                              x + PG_CELL_PAD_X, pg->y + PG_CELL_PAD_Y,
                              t->pStyle->grey);
            }
            aiLine[c] = aiEnd[c];
            bDone &= aiLine[c] >= pRow->a[c].n;
            x += t->aWidth[c] * wText;
        }
        pg->y += hSlice + 2 * PG_CELL_PAD_Y;
        pg->bEmpty = 0;
        if (bDone) {
            return;
        }
        pg_page_begin(pg);
        pg_head_draw(pg, t, aHead);
    }
}

void
pager_table(Pager *pg, const PgTable *t)
{
    assert(t->nCol <= 8 && t->nHead <= 4 && t->nHead <= t->nRow);
    PgRow aHead[4];
    double hHead = 0;
    for (size_t r = 0; r < t->nHead; r++) {
        pg_row_layout(pg, t, r, &aHead[r]);
        hHead += aHead[r].h + 2 * PG_CELL_PAD_Y;
    }
    const PgFrame *f = pg_frame(pg);
    double hPage = pg_page_height(pg) - f->top - f->bottom;
    for (size_t r = t->nHead; r < t->nRow; r++) {
        PgRow row;
        pg_row_layout(pg, t, r, &row);
        double hRow = row.h + 2 * PG_CELL_PAD_Y;
        int bTall = hHead + hRow > hPage;
        if (r == t->nHead) {
            /* The header goes with the first row (or a good part of it). */
            pg_need(pg, t->pStyle->spaceBefore + hHead +
                            (bTall ? hPage / 4 : hRow));
            pg_space_before(pg, t->pStyle);
            pg_head_draw(pg, t, aHead);
        }
        if (bTall) {
            pg_row_split(pg, t, &row, aHead);
        } else {
            if (pg->y + hRow > pg_bottom(pg)) {
                pg_page_begin(pg);
                pg_head_draw(pg, t, aHead);
            }
            pg_row_draw(pg, t, &row, 0);
        }
        pg_row_release(&row);
    }
    if (t->nRow == t->nHead) {
        pg_need(pg, hHead);
        pg_head_draw(pg, t, aHead);
    }
    pg->y += t->pStyle->spaceAfter;
    for (size_t r = 0; r < t->nHead; r++) {
        pg_row_release(&aHead[r]);
    }
}
