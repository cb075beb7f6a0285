/*
** indicators_report.h — the indicators report of a year (lmpmon report
** indicators): each indicator's value against its target, by sex where
** it asks for it, laid out as a table (text, CSV), JSON, PDF or Word.  The rows are
** core's (ind_report_rows()); this file only lays them out, in words
** (labels), never codes.
*/
#ifndef LMPMON_INDICATORS_REPORT_H
#define LMPMON_INDICATORS_REPORT_H

#include "sheet.h"
#include "../core/indicator.h"

/* The table of rows a[0..n) of year: indicator, revision, goal,
** definition, sex, unit, direction, baseline, baseline year, target,
** period, value, count behind it, progress (% of the way), target met,
** source. */
void ind_report_sheet(const IndReportRow *a, size_t n, int year, Sheet *t);

/* The same as plain text lines for a terminal. */
void ind_report_text(const IndReportRow *a, size_t n, int year, Buf *b);

/* The rows as a printed document (print.h): a cover, a word on how
** progress is counted, and the table of each indicator's baseline,
** target, value with the count behind it and progress, on landscape
** pages; a Word document when bDocx, else a PDF, appended to b.  0, or
** -1 with err when the printing module fails.  The caller releases the
** fonts if it wants (review_print_release_fonts()). */
int ind_report_print(const IndReportRow *a, size_t n, int year, int bDocx,
                     Buf *b, AppErr *err);

/* The same as JSON: {"year": Y, "indicators": [...]}; numbers as
** numbers, a missing one as null. */
void ind_report_json(const IndReportRow *a, size_t n, int year, Buf *b);

#endif
