/*
** succession.c — creating a plan from the one it follows (see
** succession.h).  The old plan and the new code are read inside the write
** transaction; core makes the new plan (model_add_successor()) and says
** who may (rules_plan_may_succeed()); the store's puts audit and write,
** checking each predecessor exists.
*/
#include "succession.h"
#include "app.h"
#include "../core/rules.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

int
app_plan_succeed(Store *s, const Actor *who, const char *zFrom,
                 const char *zCode, const char *zTitle, size_t *pnNode,
                 AppErr *err)
{
    Model old = MODEL_INIT, neu = MODEL_INIT;
    int bTaken = 0;
    if (pnNode) {
        *pnNode = 0;
    }
    if (rules_plan_may_succeed(who, zFrom, zCode, 0, err)) {
        return -1; /* refused before anything is read */
    }
    int rc = app_begin(s, who, err);
    if (rc == 0) {
        rc = store_load(s, zFrom, &old, err);
    }
    const Plan *pOld = NULL;
    if (rc == 0) {
        pOld = model_find_plan(&old, zFrom);
        if (!pOld || pOld->nLevel == 0) {
            rc = apperr_set(err, APPERR_NOTFOUND,
                            _("no plan '%s' to create the new plan from"),
                            zFrom);
        }
    }
    if (rc == 0) {
        rc = store_plan_exists(s, zCode, &bTaken, err) ||
             rules_plan_may_succeed(who, zFrom, zCode, bTaken, err);
    }
    if (rc == 0) {
        Plan *p = model_add_successor(&neu, pOld, zCode,
                                      zTitle && *zTitle ? zTitle : zCode);
        rc = store_plan_put(s, p, err);
        for (size_t i = 0; rc == 0 && i < p->nNode; i++) {
            rc = store_node_put(s, p, (long)i, 1, err);
            if (rc) {
                apperr_prefix(err, "%s '%s'",
                              p->aLevel[p->aNode[i].iLevel].zName,
                              p->aNode[i].zCode);
            }
        }
        if (rc == 0 && pnNode) {
            *pnNode = p->nNode;
        }
    }
    rc = app_end(s, rc ? -1 : 0, err);
    model_release(&old);
    model_release(&neu);
    return rc;
}
