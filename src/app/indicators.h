/*
** indicators.h — the use cases of the plan's indicators: adding one,
** amending one (a new revision), and reading them with their values,
** those lmpmon computes included.
**
** Each writing use case owns its transaction: it reads the revisions
** under the write lock, checks (core/indicator.h), writes, commits.  The
** computed indicators' values are not stored: they are counted each time
** they are read, from the complaints register (core/cases.c, the goal-10
** figure: complaints resolved to the complainant's satisfaction within
** three months, of those lodged in the year, by sex) or from the outreach
** events (core/indicator.h ind_outreach_value(): the people reached by
** the held events of the indicator's kinds that ended in the year, by
** sex).
*/
#ifndef LMPMON_APP_INDICATORS_H
#define LMPMON_APP_INDICATORS_H

#include "../store/store.h"

/* Add indicator p (revision 1) to plan p->zPlan (NULL: the database's
** first plan; filled in).  APPERR_CONFLICT when the code exists already
** (amend it instead), APPERR_NOTFOUND for an unknown goal or
** organisation, APPERR_INPUT from indicator_check(). */
int app_indicator_add(Store *s, const Actor *who, Indicator *p, AppErr *err);

/* Amend: write pNew as revision pNew->iRev of its code, which must be one
** more than the newest stored (APPERR_CONFLICT when someone amended it
** meanwhile); pNew->zReason is required.  The earlier revisions and their
** values stay as they are. */
int app_indicator_amend(Store *s, const Actor *who, Indicator *pNew,
                        AppErr *err);

/* Read plan zPlan's (NULL: the first plan's) revisions and values in one
** snapshot, and add the values of computed indicators: counted from the
** complaints register, one per year lodged and sex (total, women, men),
** validated, with the count behind each; from the outreach events, one
** per year an event of its kinds ended in and sex (source "computed from
** outreach (lmpmon)").  *pzPlan is the plan's code
** (allocated).  Release with app_indicators_release(). */
typedef struct IndData {
    char *zPlan;
    Indicator *a;
    size_t n;
    IndValue *aV;
    size_t nV;
    size_t nComputed; /* the last nComputed values are computed */
} IndData;

int app_indicators_read(Store *s, const char *zPlan, IndData *d, AppErr *err);
void app_indicators_release(IndData *d);

#endif
