/*
** paginate.h — flowing text, tables and pictures onto pages with Pango and
** cairo.
**
** cairo draws and Pango (with HarfBuzz) shapes, but neither breaks a
** document into pages.  A Pager does: blocks are added top to bottom and
** it starts a new page when one does not fit, with the rules a printed
** report needs —
**
**   - a heading or caption (pager_keep) is never the last thing on a
**     page: it waits and goes onto the page where the first lines of what
**     follows it fit;
**   - a paragraph breaks between lines, never leaving a single line at
**     the bottom of a page;
**   - a table repeats its header rows on every page and moves a row that
**     does not fit to the next page whole; only a row taller than a page
**     is split, between lines of its cells;
**   - pictures are never split.
**
** Page sizes are in points (A4: 595.28 x 841.89); the surface must be a
** cairo PDF surface (pages change orientation with
** cairo_pdf_surface_set_size).  A callback draws each page's running
** header and footer when the page starts.  Laying out is deterministic, so
** a caller that needs page numbers ahead of them ("page N of M", the
** contents) lays the document out twice and uses the first run's numbers.
*/
#ifndef LMPMON_PAGINATE_H
#define LMPMON_PAGINATE_H

#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../core/chapter.h"

#define PG_A4_WIDTH  595.276 /* points */
#define PG_A4_HEIGHT 841.890

/* How a block of text looks. */
typedef struct PgStyle {
    const char *zFont;  /* Pango font description, "DejaVu Sans Bold 12" */
    double spaceBefore; /* points above; dropped at the top of a page */
    double spaceAfter;  /* points below */
    double indent;      /* left indent in points */
    double lineSpacing; /* factor of the font's line height; 0 = 1 */
    double grey;        /* text colour: 0 black .. 1 white */
    int bBox;           /* drawn on a light grey box, never split */
    double khmerScale;  /* size of Khmer runs to the font's; 0 = 1 */
} PgStyle;

/* Margins and the running header/footer of pages of one orientation. */
typedef struct PgFrame {
    double top, bottom, left, right; /* margins, points */
} PgFrame;

/* Called when a page starts, before anything else is drawn on it: draws
** the running header and footer.  iPage counts from 1. */
typedef void (*PgDecorate)(void *pArg, cairo_t *cr, PangoContext *ctx,
                           int iPage, double width, double height,
                           const PgFrame *f);

/* Draws a picture at the origin, w points wide. */
typedef void (*PgDraw)(void *pArg, cairo_t *cr, double w);

/* A table: cells row by row, the first nHead rows the header. */
typedef struct PgTable {
    size_t nCol, nRow, nHead;
    const double *aWidth;        /* shares of the text width, summing to 1 */
    const unsigned char *aRight; /* 1: right-aligned column, or NULL */
    char *const *azCell;         /* nRow * nCol texts */
    const unsigned char *aBold;  /* per row: bold (a total row), or NULL */
    const PgStyle *pStyle;       /* the cells' type; headers are bold */
} PgTable;

typedef struct Pager Pager;

/* A pager drawing onto the PDF surface pSurface with portrait pages
** framed by pPortrait and landscape ones by pLandscape; xDecorate (may be
** NULL) draws each page's header and footer.  Allocates; free with
** pager_free(). */
Pager *pager_new(cairo_surface_t *pSurface, const PgFrame *pPortrait,
                 const PgFrame *pLandscape, PgDecorate xDecorate, void *pArg);

/* Finish the last page and free pg (NULL is fine).  The surface stays the
** caller's. */
void pager_free(Pager *pg);

/* A Pango context drawing on cr in points (72 per inch), with metrics
** unhinted so that a layout measures the same on every surface.  The
** caller unrefs it. */
PangoContext *pager_context_new(cairo_t *cr);

/* A layout of z in style st, wrapped at width points (-1: unwrapped);
** the first nBold bytes bold.  The caller unrefs it. */
PangoLayout *pager_layout(PangoContext *ctx, const PgStyle *st, const char *z,
                          size_t nBold, double width);

/* Start a new page (unless the current one is still empty and of that
** orientation); later pages are landscape when bLandscape. */
void pager_break(Pager *pg, int bLandscape);

/* A heading or caption (the first nBold bytes in bold), kept with the
** block that follows it.  When it is drawn, *piPage (if not NULL) is set
** to its page number. */
void pager_keep(Pager *pg, const PgStyle *st, const char *z, size_t nBold,
                int *piPage);

/* A paragraph; with zBullet ("•") a list item with the bullet hanging in
** the indent. */
void pager_para(Pager *pg, const PgStyle *st, const char *z, size_t nBold,
                const char *zBullet);

/* pager_para() of a chapter's text: aRun[0 .. nRun) (core/chapter.h) say
** which bytes of z are bold, italic or a link (drawn underlined in the
** link colour); zBullet may be a number ("12."), set right-aligned in
** the indent. */
void pager_para_runs(Pager *pg, const PgStyle *st, const char *z,
                     const MdRun *aRun, size_t nRun, const char *zBullet);

/* One line of a table of contents: z, a dotted leader and zPage at the
** right margin; a link to page iTarget. */
void pager_toc_line(Pager *pg, const PgStyle *st, const char *z,
                    const char *zPage, int iTarget);

/* A table (see PgTable). */
void pager_table(Pager *pg, const PgTable *t);

/* A picture h points high across the text width, drawn by xDraw. */
void pager_picture(Pager *pg, double h, PgDraw xDraw, void *pArg);

/* Vertical space (dropped at the top of a page). */
void pager_space(Pager *pg, double h);

/* The current page's number, from 1; 0 before the first page. */
int pager_page(const Pager *pg);

/* The text width of the current orientation, in points. */
double pager_text_width(const Pager *pg);

#endif
