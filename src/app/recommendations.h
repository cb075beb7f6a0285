/*
** recommendations.h — the use cases of a review's recommendations and
** priorities (core/recommend.h): importing a round's recommendations,
** adding or editing one, recording its follow-up in a later round, and
** reading them.  Each takes an Actor, owns its transaction, reads inside
** it and checks core's rules; the CLI and the web only call them.
*/
#ifndef LMPMON_APP_RECOMMENDATIONS_H
#define LMPMON_APP_RECOMMENDATIONS_H

#include "../store/store.h"
#include "../io/recs_csv.h"

/* Write every recommendation of f (with its discussion groups) into plan
** zPlan (NULL: the first), in one transaction: all or nothing.
** Organisations resolve through the directory (acronym, name, alias) and
** are stored by acronym; plan codes must name nodes.  Refuses, naming
** file, line, column and field, with the closest known names: an unknown
** round, organisation or plan code.  Only the M&E officer or admin
** (APPERR_FORBIDDEN).  f's organisations are replaced by their acronyms.
*/
int app_recs_import(Store *s, const Actor *who, const char *zPlan, RecsFile *f,
                    AppErr *err);

/* Add (bCreate: its code must be new in its round, else APPERR_CONFLICT)
** or change recommendation r of plan zPlan, creating its group when new.
** r->iVersion is the version the user's form showed (0 when adding): a
** change made since is APPERR_CONFLICT.  Names resolve as in the import;
** messages name the field. */
int app_rec_put(Store *s, const Actor *who, const char *zPlan, Rec *r,
                int bCreate, AppErr *err);

/* Record f (its round, status, evidence; f->iVersion the version the form
** showed, 0 when there was none) for recommendation zCode of round zRound
** of plan zPlan.  Only in a round after the recommendation's, not a
** published one (core/recommend.h). */
int app_followup_put(Store *s, const Actor *who, const char *zPlan,
                     const char *zRound, const char *zCode,
                     const RecFollowup *f, AppErr *err);

/* Set the action point of activity zNode in round zRound of plan zPlan
** (NULL: the first) to zText: the year's action point as the M&E officer
** agrees it (the web's action-point editor; the CLI's way is the annex
** import).  iVersion is the assessment's version the user's form showed:
** a change made since (another edit, a statement submitted) is
** APPERR_CONFLICT and nothing is written.  An unknown activity, or one the
** round does not assess, is APPERR_NOTFOUND; the rules are
** rec_action_point_may()'s (core/recommend.h).  Audited as every
** assessment field. */
int app_action_point_put(Store *s, const Actor *who, const char *zPlan,
                         const char *zRound, const char *zNode,
                         const char *zText, int iVersion, AppErr *err);

/* Read plan zPlan's recommendations (NULL: the first plan's) in one read
** transaction into *out (free with rec_set_release()), with the plan's
** organisations and rounds (no nodes) into *m (empty; model_release())
** and the plan in *pp. */
int app_recs_read(Store *s, const char *zPlan, Model *m, Plan **pp, RecSet *out,
                  AppErr *err);

/* Read round zRound of plan zPlan (NULL: the first) with its assessments
** into *m (empty; model_release()) and the plan's recommendations into
** *out, in one read transaction: what the round's action plan shows
** (report/action_plan.h), and the round's costs and funding into *pFund
** (fund_set_release()).  *pp is the plan, *prd the round
** (APPERR_NOTFOUND when there is none). */
int app_action_plan_read(Store *s, const char *zPlan, const char *zRound,
                         Model *m, Plan **pp, const Round **prd, RecSet *out,
                         FundSet *pFund, AppErr *err);

#endif
