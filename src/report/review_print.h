/*
** review_print.h — the review report as a printed document: PDF drawn
** with Pango and cairo (review_pdf.c), and Word's Office Open XML
** (review_docx.c).
**
** Both print the blocks of review_doc.h: a cover, the contents, the status
** by group with figures 1 and 2 (the same counts as the SVG charts of the
** HTML report), the sentences, the comparison and the changes, and the
** annex on landscape A4 pages.  Latin text is set in DejaVu Sans and
** Serif, Khmer in Khmer OS Siemreap (fonts-khmeros) or Noto Sans Khmer,
** shaped by Pango and HarfBuzz; the PDF embeds the fonts it uses.
*/
#ifndef LMPMON_REVIEW_PRINT_H
#define LMPMON_REVIEW_PRINT_H

#include <cairo.h>

#include "review_report.h"

/* The whole review r as an A4 PDF, appended to b.  Returns 0, or -1 with
** err when cairo fails (out of memory, a font it cannot embed). */
int review_render_pdf(const ReviewReport *r, Buf *b, AppErr *err);

/* The whole review r as a Word document (.docx), appended to b.  Returns
** 0, or -1 with err when the package cannot be written. */
int review_render_docx(const ReviewReport *r, Buf *b, AppErr *err);

/* The stacked bar chart of s (a summary of r) drawn with cairo at the
** origin, w points wide, titled zTitle (NULL: no title, for a picture
** whose caption is text beside it); review_chart_height() says how high it
** is.  The counts are r's: nothing is recounted. */
double review_chart_height(const ReviewSummary *s, const char *zTitle,
                           double w);
void review_chart_draw(cairo_t *cr, const ReviewReport *r,
                       const ReviewSummary *s, const char *zTitle, double w);

/* The same chart as a PNG picture w points wide at nDpi dots per inch,
** appended to b; its height in points in *pH.  0, or -1 with err.  Uses
** cairo's image surface: allocates about (w * nDpi / 72)^2 bytes. */
int review_chart_png(const ReviewReport *r, const ReviewSummary *s,
                     const char *zTitle, double w, int nDpi, Buf *b, double *pH,
                     AppErr *err);

/* Release the font caches of Pango, cairo and fontconfig, which live for
** the whole process otherwise.  For a process that prints and exits (the
** CLI), so that leak checkers see nothing left; never while another
** thread may be drawing. */
void review_print_release_fonts(void);

#endif
