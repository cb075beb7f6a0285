/*
** briefing_report.h — the quarterly programme briefing (core/briefing.h)
** as one self-contained HTML file, Markdown, CSV (one row per record
** shown, docs/formats/briefing.md), JSON, PDF or Word (printed as the action
** plan is: print.h's SheetDocSpec, through the printing module).  The tables people read are
** built once, as plain text cells, and every format escapes them for its
** context; CSV and JSON give the records' own values (numbers as numbers,
** codes as codes) so every figure can be recounted.
*/
#ifndef LMPMON_BRIEFING_REPORT_H
#define LMPMON_BRIEFING_REPORT_H

#include "../base/buf.h"
#include "../core/briefing.h"
#include "review_report.h"

/* The briefing's formats, ended by a NULL name: html, md, csv, json, pdf
** and docx (bPrint). */
extern const ReportFormat aBriefingFormat[];

/* Render b in the format named zFormat into out.  0, or -1 with err for
** an unknown format (APPERR_USAGE, listing the formats). */
int briefing_render(const Briefing *b, const char *zFormat, Buf *out,
                    AppErr *err);

/* The HTML of the web page: as briefing_render()'s, with links to the
** downloads of the other formats (PDF, CSV...) at zSelf ("/briefing?
** quarter=2019Q3", already encoded) plus "&format=NAME". */
void briefing_render_page(const Briefing *b, const char *zSelf, Buf *out);

/* The rules the HTML adds after the review report's stylesheet (the web
** allows them by their hash). */
const char *briefing_html_css(void);

#endif
