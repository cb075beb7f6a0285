/*
** review_print.h — inside the printing module (lmpmon-print.so, see
** print.h): the review report as a printed document, PDF drawn with Pango
** and cairo (review_pdf.c), and Word's Office Open XML (review_docx.c).
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

#include "print.h"
#include "review_report.h"

/* The printing module's entry points (print.h says how the program finds
** them), one for review_render_pdf(), review_render_docx(),
** review_print_release_fonts(), sheet_render_pdf() and
** sheet_render_docx() each. */
int print_review_pdf(const ReviewReport *r, Buf *b, AppErr *err);
int print_review_docx(const ReviewReport *r, Buf *out, AppErr *err);
int print_sheet_pdf(const SheetDocSpec *s, Buf *b, AppErr *err);
int print_sheet_docx(const SheetDocSpec *spec, Buf *out, AppErr *err);
void print_release_fonts(void);

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

#endif
