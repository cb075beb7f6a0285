/*
** complaints_report.h — the complaints mechanism report: cases lodged and
** resolved, the goal-10 indicator (resolved to the complainant's
** satisfaction within three months) overall and by sex, province,
** destination, assisting organisation and complaint type, median days to
** resolution, referrals to court, compensation requested, ordered, paid.
**
** Shares use the cases lodged in the period as denominator.  With
** bSuppress (what viewers and the public see), a cell of fewer than
** CASE_SUPPRESS_BELOW cases shows no numbers.
*/
#ifndef LMPMON_COMPLAINTS_REPORT_H
#define LMPMON_COMPLAINTS_REPORT_H

#include "../base/buf.h"
#include "../core/cases.h"

typedef struct ComplaintsView {
    const CaseReport *r;
    const char *zPeriod; /* "2018", or "all years" */
    int bSuppress;
} ComplaintsView;

void complaints_render_csv(const ComplaintsView *v, Buf *b);
void complaints_render_json(const ComplaintsView *v, Buf *b);
void complaints_render_html(const ComplaintsView *v, Buf *b); /* a section */
void complaints_render_html_page(const ComplaintsView *v, Buf *b); /* a file */

/* The CSV's table as a spreadsheet written to zPath. */
#include "../base/apperr.h"
int complaints_render_xlsx(const ComplaintsView *v, const char *zPath,
                           AppErr *err);

/* The same spreadsheet appended to b (a download).  0 or -1 with err. */
int complaints_render_xlsx_buf(const ComplaintsView *v, Buf *b, AppErr *err);

/* The report as a printed document (print.h): a cover, the method, and
** each dimension's table as the HTML shows it (with bSuppress, no figure
** of a group the HTML hides); a Word document when bDocx, else a PDF,
** appended to b.  0, or -1 with err when the printing module fails; the
** caller releases the fonts if it wants (review_print_release_fonts()). */
int complaints_render_print(const ComplaintsView *v, int bDocx, Buf *b,
                            AppErr *err);

/* One line for dashboards: "Goal 10: 41% (123 of 300) of cases ...". */
void complaints_indicator_sentence(const ComplaintsView *v, CaseDim d,
                                   const char *zValue, Buf *b);

#endif
