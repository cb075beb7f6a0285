/*
** funding.h — the use cases of costs and funding (core/funding.h):
** importing a table of them, recording one cost or funding line from a
** form, and reading a plan's.  Each takes an Actor, owns its
** transaction, reads inside it and checks core's rules; the CLI and the
** web only call them.
*/
#ifndef LMPMON_APP_FUNDING_H
#define LMPMON_APP_FUNDING_H

#include "../store/store.h"
#include "../io/fund_csv.h"

/* Write every cost and line of f into plan zPlan (NULL: the first), in
** one transaction: all or nothing.  Rounds must exist and not be
** published, activities must be the plan's, partners resolve through the
** directory (acronym, name, alias) and are stored by acronym.  Refuses,
** naming file, line, column and field with the closest known names.
** Only the M&E officer or admin (APPERR_FORBIDDEN).  *pnChanges: the
** audit rows written (0: the file changed nothing). */
int app_fund_import(Store *s, const Actor *who, const char *zPlan, FundFile *f,
                    long *pnChanges, AppErr *err);

/* Record the cost c, or the funding line l, of plan zPlan (one of them
** NULL), with the version the user's form showed (0 when adding: then a
** line's number must be new, else APPERR_CONFLICT).  Names resolve as in
** the import; messages name the field.  l->zOrg is replaced by the
** acronym. */
int app_fund_put(Store *s, const Actor *who, const char *zPlan, FundCost *c,
                 FundLine *l, AppErr *err);

/* Read round zRound (NULL: every round) of plan zPlan (NULL: the first)
** with its nodes and organisations into *m (empty; model_release()), and
** its costs and funding into *out (fund_set_release()), in one read
** transaction.  *pp is the plan; a named round must exist
** (APPERR_NOTFOUND). */
int app_fund_read(Store *s, const char *zPlan, const char *zRound, Model *m,
                  Plan **pp, FundSet *out, AppErr *err);

/* Plan zPlan's costs and funding of round zRound (NULL: every round)
** into *out (fund_set_release()), in one read transaction: for a page
** that has its model already. */
int app_fund_list(Store *s, const char *zPlan, const char *zRound, FundSet *out,
                  AppErr *err);

#endif
