/*
** casework.h — what a case officer does to a case, each as one use case
** owning its transaction with its audit row: open a case, record a stage
** reached, record a payment received, correct the details.  Each takes the
** actor: a case officer works only on the cases its organisation assists
** (core's case_actor_may(); others are "no case"), an admin on all.
** Versions refuse the later of two concurrent saves, as for assessments.
*/
#ifndef LMPMON_CASEWORK_H
#define LMPMON_CASEWORK_H

#include "../store/store.h"

/* A new case (its number must be new in its organisation's: a case
** officer's own, an admin's as c says); the timeline starts "lodged". */
int casework_create(Store *s, const Actor *actor, const Case *c,
                    const CasePerson *who, AppErr *err);

/* Each organisation numbers its own cases: a case is named by its number
** zCaseNo and, where the number alone does not say whose, by zOrg (NULL
** or "": not named; CASE_ORG_NONE: the cases no organisation assists).
**
** casework_which() finds the organisation of the case who means, into
** *pzOrg (heap; "" for none).  A case officer's numbers are its own
** organisation's (a zOrg naming another finds nothing).  An admin's
** number needs no zOrg while one case has it; when several organisations
** have one it is APPERR_CONFLICT, and when pazChoice is not NULL their
** organisations go to *pazChoice ("" for none; free each and the array),
** *pnChoice of them.  A case who may not see, or none, is APPERR_NOTFOUND
** "no case ...": the same answer whether another organisation has the
** number or not.  Reads only: inside the caller's transaction, if any. */
int casework_which(Store *s, const Actor *who, const char *zOrg,
                   const char *zCaseNo, char **pzOrg, char ***pazChoice,
                   size_t *pnChoice, AppErr *err);

/* The case (zOrg, zCaseNo) for who's page, with its personal details:
** casework_which() then the case. */
int casework_get(Store *s, const Actor *who, const char *zOrg,
                 const char *zCaseNo, CaseFile *f, CasePerson *pWho,
                 char ***pazChoice, size_t *pnChoice, AppErr *err);

/* The case reached eStage on zOn (not before it was lodged nor before its
** last step).  A final stage (resolved, court, withdrawn, closed
** unresolved) sets resolved_on. */
int casework_stage(Store *s, const Actor *who, const char *zOrg,
                   const char *zCaseNo, CaseStage eStage, const char *zOn,
                   const char *zNote, int iVersion, AppErr *err);

/* A payment of compensation received on zOn. */
int casework_payment(Store *s, const Actor *who, const char *zOrg,
                     const char *zCaseNo, const char *zOn, int64_t amount,
                     AppErr *err);

/* Correct satisfaction, outcome and the amounts requested and ordered. */
int casework_details(Store *s, const Actor *who, const char *zOrg,
                     const char *zCaseNo, CaseSatisfied eSatisfied,
                     const char *zOutcome, int64_t requested, int64_t ordered,
                     int iVersion, AppErr *err);

/* The goal-10 indicator for cases lodged between zFrom and zTo (NULL: no
** bound), overall and by sex, as one sentence appended to b ("Goal 10:
** 45% (138 of 306) of complaint cases were resolved to the complainant's
** satisfaction within 3 months; women 47% (...); men ..."); appends
** nothing when there are no cases.  bSuppress hides groups under 5. */
int casework_goal10_sentence(Store *s, const char *zFrom, const char *zTo,
                             int bSuppress, Buf *b, AppErr *err);

/* The same for the calendar year of the date zDate (a round's as-of
** date); appends nothing when zDate is NULL or not a date. */
int casework_goal10_of_year(Store *s, const char *zDate, int bSuppress, Buf *b,
                            AppErr *err);

#endif
