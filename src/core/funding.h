/*
** funding.h — what an activity of the action plan costs and who pays for
** it, per review round, and the totals that never add two currencies.
**
** The policy asks the M&E system to let stakeholders "secure technical
** and financial resources to implement these tasks" (the 2017 review),
** and the review blames "the high dependence on development partner
** funding".  So each activity carries, for a round (the yearly review
** whose action plan it is: the round is the model's year, the unit whose
** action points are worded, agreed, printed and locked together), an
** estimated cost and funding lines: a source (a government budget line,
** a development partner from the directory, or another source), an
** amount and whether it is secured, pledged or still a gap.
**
** Amounts are integer minor units (cents) with an ISO 4217 currency.
** Totals are kept per currency and never added across currencies: a
** report shows one line per currency.  The gap of an activity, cost -
** secured - pledged, is computed only when its cost and all its funding
** are in one currency; otherwise it "cannot be computed" and the report
** says so.  Pure data and rules; the store reads and writes it
** (store_fund_*), app/funding.c holds the use cases.  No I/O.
*/
#ifndef LMPMON_FUNDING_H
#define LMPMON_FUNDING_H

#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "model.h"
#include "../base/apperr.h"
#include "../base/buf.h"

/* Where money comes from. */
typedef enum FundKind {
    FUND_GOVERNMENT = 0, /* a government budget line */
    FUND_PARTNER,        /* a development partner: an organisation */
    FUND_OTHER,          /* anything else, named by its label */
    FUND_KIND_COUNT
} FundKind;

/* How sure the money is. */
typedef enum FundStatus {
    FUND_SECURED = 0, /* committed: in the budget, or signed */
    FUND_PLEDGED,     /* promised, not yet committed */
    FUND_GAP,         /* asked of this source, not covered */
    FUND_STATUS_COUNT
} FundStatus;

#define FUND_KIND_ACCEPTED   "government, partner, other"
#define FUND_STATUS_ACCEPTED "secured, pledged, gap"

/* The code tables (codes.h's CODE_FUND_KIND, CODE_FUND_STATUS). */
const CodeName *fund_code_table(CodeKind k, size_t *pn);

/* An activity's estimated cost in a round. */
typedef struct FundCost {
    char *zRound;      /* the round (year) whose action plan it is */
    char *zNode;       /* the activity's code */
    int64_t amount;    /* minor units, >= 0 */
    char zCurrency[4]; /* ISO 4217 */
    char *zNote;       /* where the estimate comes from, or NULL */
    int iVersion;      /* guards concurrent edits; 0 when new */
} FundCost;

/* One funding line of an activity in a round. */
typedef struct FundLine {
    char *zRound;
    char *zNode;
    int iLine; /* its number within the activity and round, >= 1 */
    FundKind eKind;
    char *zOrg;        /* the partner's acronym (FUND_PARTNER), else NULL */
    char *zLabel;      /* the budget line, the other source, or the
                        ** partner's project; NULL when none */
    int64_t amount;    /* minor units, >= 0 */
    char zCurrency[4]; /* ISO 4217 */
    FundStatus eStatus;
    char *zNote;
    int iVersion;
} FundLine;

/* A plan's costs and funding lines, ordered by round, activity, line. */
typedef struct FundSet {
    FundCost *aCost;
    size_t nCost;
    FundLine *aLine;
    size_t nLine;
} FundSet;

void fund_cost_release(FundCost *c);
void fund_line_release(FundLine *l);
void fund_set_release(FundSet *s);

/* The cost of activity zNode in round zRound, or NULL. */
const FundCost *fund_set_cost(const FundSet *s, const char *zRound,
                              const char *zNode);

/* Whether line l is one of activity zNode's in round zRound. */
int fund_line_of(const FundLine *l, const char *zRound, const char *zNode);

/* Whether activity zNode has a cost or a funding line in round zRound. */
int fund_set_has(const FundSet *s, const char *zRound, const char *zNode);

/* Who line l's money comes from, as written: the partner's acronym, else
** the budget line or other source; "" when none. */
const char *fund_line_source(const FundLine *l);

/* Whether z is an ISO 4217 currency code ("USD", "KHR"): the one rule of
** currencies, used by every importer of amounts. */
int money_currency_ok(const char *z);

/* Parse an amount in major units ("1234.5", "6755", "84600.00") into
** minor units, as case_amount_parse() does, with the messages a person
** acts on: 0, or -1 with APPERR_INPUT "'-5' is negative: ..." or "'1,000'
** is not an amount ...". */
int money_amount_parse(const char *z, int64_t *pMinor, AppErr *err);

/* Append minor units as major units with two decimals and thousands
** separators: "84,600.00", "-1,250.50". */
void money_format(Buf *b, int64_t minor);

/* Check a cost or a line as a form or a file gives it (APPERR_INPUT
** naming the field: "currency: 'US$' is not an ISO 4217 code ..."): a
** known currency, an amount >= 0, a partner line with an organisation,
** a government or other line with a label, no organisation on a line
** that is not a partner's. */
int fund_cost_check(const FundCost *c, AppErr *err);
int fund_line_check(const FundLine *l, AppErr *err);

/* May who record costs and funding?  The M&E officer and the
** administrator (APPERR_FORBIDDEN); and not in a published round
** (APPERR_CONFLICT: its action plan is final). */
int fund_may_record(const Actor *who, const Round *r, AppErr *err);

/* The budget calendar.  The national budget's planning closes on one day
** of the year (FUND_BUDGET_CLOSE, month-day: Cambodia's closes in July;
** 'serve --budget-close MM-DD' and 'round remind --budget-close' change
** it).  From FUND_BUDGET_REMIND_DAYS before that day until it, the
** reporters of each organisation responsible for activities of the round
** being planned that have no estimated cost yet are reminded, once a
** year.  fund_budget_close_ok(): is z such a day ("07-01")?
** fund_budget_window(): is zToday (YYYY-MM-DD) in the reminders' window
** of its year's closing day zClose?  Then zSince (11 bytes) gets the day
** from which a reminder given counts (store_note_told()): the window's
** first, less a day's slack for the zone. */
#define FUND_BUDGET_CLOSE       "07-01"
#define FUND_BUDGET_REMIND_DAYS 30
int fund_budget_close_ok(const char *z);
int fund_budget_window(const char *zToday, const char *zClose, char zSince[11]);

/* The round of p the budget is planned for: its last round not published
** (the action plan being agreed), or NULL. */
const Round *fund_budget_round(const Plan *p);

/* The organisations responsible for activities of p assessed in round rd
** that have no estimated cost in s, each with how many (in the order
** first met); *pn of them.  free() the array (the acronyms are p's). */
typedef struct FundBudgetOrg {
    const char *zOrg;
    size_t nMissing;
} FundBudgetOrg;

FundBudgetOrg *fund_budget_missing(const Plan *p, const Round *rd,
                                   const FundSet *s, size_t *pn);

/* ---- totals --------------------------------------------------------- */

/* The sums of one currency. */
typedef struct FundTotal {
    char zCurrency[4];
    int64_t cost;    /* estimated cost in this currency */
    int64_t secured; /* lines secured */
    int64_t pledged; /* lines pledged */
    int64_t asked;   /* lines recorded as a gap */
    int64_t gap;     /* cost - secured - pledged of the activities whose
                       ** gap could be computed in this currency */
    long nGap;       /* activities whose gap is in gap */
    long nNoGap;     /* activities with money in this currency whose gap
                       ** cannot be computed (another currency, no cost) */
} FundTotal;

/* Totals per currency, in the order currencies were first met. */
typedef struct FundTotals {
    FundTotal *a;
    size_t n;
} FundTotals;

void fund_totals_release(FundTotals *t);

/* The total of currency zCur in t (added, zeroed, when absent). */
FundTotal *fund_totals_get(FundTotals *t, const char *zCur);

/* Add activity zNode's cost and funding lines in round zRound to t: each
** amount to its own currency's sums; its gap when its cost and every
** line share one currency (nGap), else nNoGap for each currency it
** holds.  Lines of other activities or rounds are ignored. */
void fund_totals_add_activity(FundTotals *t, const FundSet *s,
                              const char *zRound, const char *zNode);

/* Add one line's amount to t (by source: no cost, no gap). */
void fund_totals_add_line(FundTotals *t, const FundLine *l);

/* Whether activity zNode's gap in round zRound can be computed: its cost
** is known and every line is in its currency.  *pGap is then cost -
** secured - pledged (negative when funded beyond the cost). */
int fund_activity_gap(const FundSet *s, const char *zRound, const char *zNode,
                      int64_t *pGap);

#endif
