/*
** indicators_report.h — the indicators report of a year (lmpmon report
** indicators): each indicator's value against its target, by sex where
** it asks for it, laid out as a table (text, CSV) or JSON.  The rows are
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

/* The same as JSON: {"year": Y, "indicators": [...]}; numbers as
** numbers, a missing one as null. */
void ind_report_json(const IndReportRow *a, size_t n, int year, Buf *b);

#endif
