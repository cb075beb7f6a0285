/*
** translate.c — setting the Khmer of a plan's title, an organisation's
** name, a node's text or indicator (translate.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "translate.h"
#include "app.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../core/rules.h"
#include "../base/banned.h"

static const char *const azWhat[TRANSLATE_COUNT] = {
    [TRANSLATE_PLAN] = "plan",
    [TRANSLATE_ORG] = "org",
    [TRANSLATE_NODE] = "node",
    [TRANSLATE_INDICATOR] = "indicator",
    [TRANSLATE_DEFINITION] = "definition",
};

const char *
translate_what_name(TranslateWhat e)
{
    return (unsigned)e < TRANSLATE_COUNT ? azWhat[e] : "";
}

int
translate_what_parse(const char *z, TranslateWhat *pe)
{
    for (int i = 0; i < TRANSLATE_COUNT; i++) {
        if (str_eq(z, azWhat[i])) {
            *pe = (TranslateWhat)i;
            return 0;
        }
    }
    return -1;
}

/* The latest revision of indicator zCode of plan zPlan (NULL: the first
** plan, read into m) into *pOut (indicator_release()).  APPERR_NOTFOUND
** when the plan has no such indicator. */
static int
app_definition_find(Store *s, const char *zPlan, const char *zCode, Model *m,
                    Indicator *pOut, AppErr *err)
{
    int rc = store_load_node(s, zPlan, "", m, err);
    const Plan *p = rc ? NULL : app_plan(m, zPlan, err);
    Indicator *a = NULL;
    size_t n = 0;
    if (!p ||
        store_indicator_list(s, p->zCode, &a, &n, NULL, NULL, NULL, err)) {
        return -1;
    }
    long iLatest = -1;
    for (size_t i = 0; i < n; i++) {
        if (str_eq(a[i].zCode, zCode) &&
            (iLatest < 0 || a[i].iRev > a[iLatest].iRev)) {
            iLatest = (long)i;
        }
    }
    if (iLatest < 0) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        _("no indicator '%s' in plan '%s'"), zCode, p->zCode);
    } else {
        *pOut = a[iLatest];
        indicator_init(&a[iLatest]);
    }
    for (size_t i = 0; i < n; i++) {
        indicator_release(&a[i]);
    }
    free(a);
    return rc;
}

int
app_translation_put(Store *s, const Actor *who, const char *zPlan,
                    TranslateWhat e, const char *zCode, const char *zNew,
                    const char *zWas, AppErr *err)
{
    Model m = MODEL_INIT;
    Indicator ind;
    indicator_init(&ind);
    char zRev[16];
    const char *zStored = NULL;
    const char *azKey[3] = { NULL, NULL, NULL };
    StoreEntity eEnt = STORE_NODE;
    int iCol = 0;
    int rc = app_begin(s, who, err);
    if (rc == 0 && e == TRANSLATE_ORG) {
        /* The directory only: no plan is named "". */
        rc = store_load(s, "", &m, err);
        if (rc && err->code == APPERR_NOTFOUND) {
            rc = 0;
            err->code = APPERR_OK;
        }
        const Org *o = rc ? NULL : model_find_org(&m, zCode);
        if (rc == 0 && !o) {
            rc = apperr_set(err, APPERR_NOTFOUND, _("no organisation '%s'"),
                            zCode);
        }
        if (rc == 0) {
            zStored = o->zNameKm;
            azKey[0] = o->zAcronym;
            eEnt = STORE_ORG;
            iCol = STORE_ORG_NAME_KM;
        }
    } else if (rc == 0 && e == TRANSLATE_DEFINITION) {
        rc = app_definition_find(s, zPlan, zCode, &m, &ind, err);
        if (rc == 0) {
            zStored = ind.zDefinitionKm;
            (void)snprintf(zRev, sizeof zRev, "%d", ind.iRev);
            azKey[0] = ind.zPlan;
            azKey[1] = ind.zCode;
            azKey[2] = zRev;
            eEnt = STORE_INDICATOR;
            iCol = STORE_INDICATOR_DEFINITION_KM;
        }
    } else if (rc == 0) {
        /* The plan alone, or with the one node (the store reads it at a
        ** cost independent of the plan's size). */
        int bNode = e != TRANSLATE_PLAN;
        rc = store_load_node(s, zPlan, bNode ? zCode : "", &m, err);
        const Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
        rc = rc || !p;
        const Node *n = NULL;
        if (rc == 0 && bNode) {
            n = p->nNode == 1 && str_eq(p->aNode[0].zCode, zCode) ? &p->aNode[0]
                                                                  : NULL;
            if (!n) {
                rc =
                    apperr_set(err, APPERR_NOTFOUND,
                               _("no node '%s' in plan '%s'"), zCode, p->zCode);
            } else if (e == TRANSLATE_INDICATOR &&
                       !p->aLevel[n->iLevel].bIndicator &&
                       !(n->zIndicator && *n->zIndicator)) {
                rc = apperr_set(err, APPERR_INPUT, _("%s has no indicator"),
                                zCode);
            }
        }
        if (rc == 0) {
            azKey[0] = p->zCode;
            azKey[1] = n ? n->zCode : NULL;
            eEnt = n ? STORE_NODE : STORE_PLAN;
            iCol = e == TRANSLATE_PLAN        ? STORE_PLAN_TITLE_KM
                   : e == TRANSLATE_INDICATOR ? STORE_NODE_INDICATOR_KM
                                              : STORE_NODE_TEXT_KM;
            zStored = e == TRANSLATE_PLAN        ? p->zTitleKm
                      : e == TRANSLATE_INDICATOR ? n->zIndicatorKm
                                                 : n->zTextKm;
        }
    }
    if (rc == 0) {
        rc = rules_translation_may(who, zStored, zWas, zNew, err);
    }
    if (rc == 0) {
        rc = store_field_put(s, eEnt, azKey, iCol, zNew, err);
    }
    rc = app_end(s, rc ? -1 : 0, err);
    indicator_release(&ind);
    model_release(&m);
    return rc;
}
