/*
** page_funding.h — the costs and funding of an activity on its page
** (web/page_edit.c draws the page; this file the part about money), and
** the plan's resources page.
*/
#ifndef LMPMON_PAGE_FUNDING_H
#define LMPMON_PAGE_FUNDING_H

#include "router.h"
#include "../core/funding.h"
#include "../report/sheet.h"

/* Table "funding" of activity n of p: every round's cost and funding
** lines in f, with labels (round, line, source kind, source, amount,
** currency, status, note). */
void funding_activity_sheet(const Plan *p, const Node *n, const FundSet *f,
                            Sheet *t);

/* The activity page's "Resources" part: per round with money, its sums
** per currency (never added across currencies) and the table; for the
** M&E officer and the administrator, in rounds not published, the forms
** to record the cost and to add or change a funding line (bKeep: show
** what the refused form posted). */
void funding_activity_section(const Req *r, Buf *b, const Model *m,
                              const Plan *p, const Node *n, const FundSet *f,
                              int bKeep);

/* Parse the funding form posted to /activity/{}/funding and record it
** (app_fund_put()); 0, or -1 with err (a bad field named). */
int funding_form_put(Req *r, AppErr *err);

#endif
