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
    int *aVersion;    /* the version of each of aV (0: computed) */
    size_t nComputed; /* the last nComputed values are computed */
} IndData;

int app_indicators_read(Store *s, const char *zPlan, IndData *d, AppErr *err);
void app_indicators_release(IndData *d);

/* What a form drawn from the stored values of period zPeriod of
** revision p says it saw: the revision and every stored cell's version,
** as text ("rev=2;total,=3;women,=1"), from values aV[0..nV) and their
** versions aVersion.  A use case compares it with the one it computes
** under the write lock: any difference is someone else's write since the
** form was drawn.  Allocates. */
char *app_ind_period_stamp(const Indicator *p, const IndValue *aV,
                           const int *aVersion, size_t nV, const char *zPeriod);

/* One period's figures of one indicator as a form enters them. */
typedef struct IndEntry {
    const char *zPlan;   /* NULL: the first plan */
    const char *zCode;   /* the indicator */
    const char *zPeriod; /* "2018" or "2018Q3" */
    IndValue *aCell;     /* the figures entered, one per cell (sex and
                         ** breakdown, value, num/den; a value NAN when
                         ** not given: a percentage's then comes from its
                         ** counts); the use case fills in code, revision,
                         ** period, source and state */
    size_t nCell;
    const char *zSource;  /* where the figures come from, or NULL */
    IndValueState eState; /* IND_VALUE_DRAFT (save) or _SUBMITTED */
    const char *zStamp;   /* app_ind_period_stamp() the form was drawn
                          ** from ("" when nothing was stored) */
} IndEntry;

/* Write the figures of period e->zPeriod of indicator e->zCode's newest
** revision, every cell in one transaction, as who: each cell checked
** against the indicator (ind_value_check(), prefixed with the cell's
** name: "women: value: 2.5 is not a whole count"), who may move it from
** its stored state to e->eState (ind_value_may_write()), women + men =
** total of each breakdown (ind_check_sex_sum()); a cell stored before
** cannot be left out (APPERR_INPUT naming it).  APPERR_CONFLICT when the
** period's stamp is no longer e->zStamp (someone wrote or amended since
** the form was drawn), APPERR_NOTFOUND for an unknown indicator,
** APPERR_FORBIDDEN for a computed one or a writer not allowed.  Audited
** per field; nothing written on error. */
int app_ind_values_put(Store *s, const Actor *who, const IndEntry *e,
                       AppErr *err);

/* The M&E officer's review of one period of one revision's values. */
typedef struct IndReview {
    const char *zPlan;    /* NULL: the first plan */
    const char *zCode;    /* the indicator */
    int iRev;             /* the revision the values were reported against */
    const char *zPeriod;  /* "2018" or "2018Q3" */
    IndValueState eState; /* IND_VALUE_VALIDATED or IND_VALUE_RETURNED */
    const char *zReason;  /* why returned (kept with the values) */
    const char *zStamp;   /* app_ind_period_stamp() the form was drawn from */
} IndReview;

/* Validate or return every stored cell of the period, in one
** transaction, as who (ind_value_may_review() for each).  APPERR_CONFLICT
** for a stale stamp, APPERR_NOTFOUND when nothing is stored for the
** period. */
int app_ind_values_review(Store *s, const Actor *who, const IndReview *e,
                          AppErr *err);

#endif
