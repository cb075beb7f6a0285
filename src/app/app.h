/*
** app.h — what every use case of the app layer shares.
**
** The app layer holds the use cases: each takes an actor, owns its
** transaction (store_begin … app_end), reads what it needs inside it,
** checks core's rules and writes.  The CLI and the web are thin callers:
** parse, call, present.  This header holds the two steps every use case
** repeats.
*/
#ifndef LMPMON_APP_H
#define LMPMON_APP_H

#include "../store/store.h"

/* End the use case's transaction: commit when rc is 0, else roll back.
** Returns rc, or -1 when the commit itself failed (err filled). */
int app_end(Store *s, int rc, AppErr *err);

/* Begin a use case: record who in the audit trail and open the write
** transaction.  Returns 0 or -1 (err filled: busy, database). */
int app_begin(Store *s, const Actor *who, AppErr *err);

/* The plan zPlan of m (the first when zPlan is NULL), or NULL with err
** filled (APPERR_NOTFOUND, naming the plan). */
Plan *app_plan(Model *m, const char *zPlan, AppErr *err);

#endif
