/*
** coordination_report.h — the coordination report of a round: who is
** responsible for what, who reported, and whether the review's
** explanations of slow progress hold, in the review's style.
**
** core/coordination.c counts; this file writes it as one self-contained
** HTML file (tables, sentences and an SVG heat map of responsible
** activities per organisation and area), Markdown, JSON, PDF, Word, or the CSV of the
** rows every figure is counted from (docs/formats/coordination.md).  Every
** share is printed with its counts and its denominator; every number of
** the HTML, Markdown and JSON can be recounted from the CSV.
*/
#ifndef LMPMON_COORDINATION_REPORT_H
#define LMPMON_COORDINATION_REPORT_H

#include "../base/buf.h"
#include "../core/coordination.h"

/* The CSV's header line (without the line end), as documented. */
#define COORDINATION_CSV_HEADER                                                \
 "round,area_code,area,activity,role,organisation,org_kind,"                   \
 "responsible_bodies,lead,supported,rating,reported,"                          \
 "least_progressing_area,same_wording_group"

/* The coordination report's formats (review_report.h's ReportFormat),
** ended by a NULL name: html, md, csv, json, pdf and docx (bPrint: the
** HTML's sentences and tables printed through print.h; the caller
** releases the fonts if it wants, review_print_release_fonts()). */
#include "review_report.h"
extern const ReportFormat aCoordinationFormat[];

/* Render c in the format named zFormat into b.  0, or -1 with err for an
** unknown format (APPERR_USAGE, listing the formats). */
int coordination_render(const Coordination *c, const char *zFormat, Buf *b,
                        AppErr *err);

/* Count round zRound of plan p of m (coordination_build_funded(), with
** the round's funding pFund or NULL) and render it in format zFormat into
** b.  The formats programs read (csv, json) are counted and written in
** English whatever the thread's language: the silent organisations'
** messages are written when they are counted.  With zSelf (the web
** page's address, not yet escaped), the HTML offers the other formats
** as downloads from it (report_format_links()).  0, or -1 with err (an
** unknown format, APPERR_USAGE; what coordination_build_funded()
** refuses). */
int coordination_report(const Model *m, const Plan *p, const char *zRound,
                        const FundSet *pFund, const char *zFormat,
                        const char *zSelf, Buf *b, AppErr *err);

/* The rules coordination_render_html() adds, inline, after the review
** report's stylesheet (the web allows exactly these two <style>s, by
** their hashes). */
const char *coordination_html_css(void);

/* Renderers: append the whole document for c to b. */
void coordination_render_html(const Coordination *c, Buf *b);
void coordination_render_md(const Coordination *c, Buf *b);
void coordination_render_csv(const Coordination *c, Buf *b);
void coordination_render_json(const Coordination *c, Buf *b);

#endif
