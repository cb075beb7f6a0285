/*
** app.c — the steps every use case shares (see app.h).
*/
#include "app.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

int
app_begin(Store *s, const Actor *who, AppErr *err)
{
    store_set_actor(s, who->zName);
    return store_begin(s, err);
}

int
app_end(Store *s, int rc, AppErr *err)
{
    if (rc == 0) {
        return store_commit(s, err);
    }
    store_rollback(s);
    return rc;
}

Plan *
app_plan(Model *m, const char *zPlan, AppErr *err)
{
    if (zPlan) {
        Plan *p = model_find_plan(m, zPlan);
        if (!p) {
            apperr_set(err, APPERR_NOTFOUND, _("no plan '%s'"), zPlan);
        }
        return p;
    }
    if (m->nPlan == 0) {
        apperr_set(err, APPERR_NOTFOUND,
                   _("the database holds no plan yet: "
                     "import one with 'lmpmon import'"));
        return NULL;
    }
    return &m->aPlan[0];
}
