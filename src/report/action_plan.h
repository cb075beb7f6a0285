/*
** action_plan.h — a round's action plan as a table: each activity with
** its responsible and contributing organisations, its action point in the
** round (drafted when the round was opened: core/recommend.h,
** rec_priorities_for()) and the priorities of earlier reviews that concern
** it and are not done or dropped, as they stand now.  The same table is
** the web's /round/{}/action-plan (downloadable) and 'lmpmon report
** action-plan' (CSV, XLSX, or a printable HTML page).
*/
#ifndef LMPMON_ACTION_PLAN_H
#define LMPMON_ACTION_PLAN_H

#include "print.h"
#include "sheet.h"
#include "../core/recommend.h"
#include "../core/funding.h"

/* Fill t (initialised, empty) with round rd's action plan of plan p
** (the activities assessed in rd, in plan order): the action point
** without the lines its draft appended, and beside it the priorities of
** recommendations s (p's) that concern it and are not done as they stand
** now; and, from f (rd's costs and funding, or NULL), its estimated cost
** and the funding secured and pledged and the gap, one line per currency
** (never added across currencies; a gap that cannot be computed says
** why). */
void action_plan_sheet(const Plan *p, const Round *rd, const RecSet *s,
                       const FundSet *f, Sheet *t);

/* action_plan_sheet() with a last column shown in HTML only (CSV, XLSX
** and print leave it out), headed zHead: for each activity n, the markup
** xRow appends to its Buf (built with escape.h's encoders; the web's
** link to the row's editor). */
void action_plan_sheet_html(const Plan *p, const Round *rd, const RecSet *s,
                            const FundSet *f, const char *zHead,
                            void (*xRow)(const void *arg, const Node *n,
                                         Buf *b),
                            const void *arg, Sheet *t);

/* Append activity zNode's sums of round zRound in f, one line per
** currency ("USD 12,500.00"), of column iWhat: 0 cost, 1 secured, 2
** pledged, 3 gap (or why it cannot be computed).  Nothing when none. */
void action_plan_money(const FundSet *f, const char *zRound, const char *zNode,
                       int iWhat, Buf *b);

/* t as a printed document (print.h): an A4 PDF, or with bDocx a Word
** document, with a cover, an introduction and the table on landscape
** pages, appended to b.  0, or -1 with err. */
int action_plan_render_print(const Plan *p, const Round *rd, const Sheet *t,
                             int bDocx, Buf *b, AppErr *err);

/* t as one printable, self-contained HTML page titled after rd and p. */
void action_plan_render_html(const Plan *p, const Round *rd, const Sheet *t,
                             Buf *b);

#endif
