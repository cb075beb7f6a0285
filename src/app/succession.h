/*
** succession.h — plan succession: a new plan made from the one it follows
** (the 2019–2023 policy after the 2015–2018 one), each node linked to its
** predecessor so that an activity's history runs across plans.  The use
** case takes an Actor and owns its transaction; the CLI ('lmpmon plan
** new') and the web (the plans page) only call it.
*/
#ifndef LMPMON_APP_SUCCESSION_H
#define LMPMON_APP_SUCCESSION_H

#include "../store/store.h"

/* Create plan zCode titled zTitle (NULL or "": the code) from plan zFrom
** in one transaction: its levels, its nodes with their codes, texts,
** indicators and organisations, each linked to its namesake in zFrom; no
** rounds, no assessments.  Refuses, writing nothing: who is not an M&E
** officer or administrator (APPERR_FORBIDDEN), an unknown zFrom
** (APPERR_NOTFOUND), a bad zCode (APPERR_INPUT) or one a plan has already
** (APPERR_CONFLICT) — core/rules.h rules_plan_may_succeed().  *pnNode, if
** not NULL, gets the number of nodes created. */
int app_plan_succeed(Store *s, const Actor *who, const char *zFrom,
                     const char *zCode, const char *zTitle, size_t *pnNode,
                     AppErr *err);

#endif
