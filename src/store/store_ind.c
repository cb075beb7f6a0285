/*
** store_ind.c — a plan's indicators and their values read back whole
** (store_indicator_list()), above the backends.
**
** A backend returns the revisions and the values as rows of text
** (xIndScan); this file turns the text back into core's Indicator and
** IndValue once for every backend.  A row the schema's checks let through
** but core cannot read (a number that is not one) is reported, not
** guessed at.
*/
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

typedef struct IndFill {
    Indicator *a;
    size_t n;
    IndValue *aValue;
    size_t nValue;
    int *aVersion;
    int bBad; /* a row could not be read */
} IndFill;

static char *
dup_or_null(const char *z)
{
    return z ? xstrdup(z) : NULL;
}

static int
int_of(const char *z)
{
    return z ? (int)strtol(z, NULL, 10) : 0;
}

static int
ind_fill_indicator(void *pArg, const char *const *azVal, int nVal)
{
    IndFill *x = pArg;
    (void)nVal;
    x->a = xreallocarray(x->a, x->n + 1, sizeof *x->a);
    Indicator *p = &x->a[x->n++];
    indicator_init(p);
    const char *const *az = azVal + 3; /* the STORE_INDICATOR_* columns */
    p->zPlan = xstrdup(azVal[0]);
    p->zCode = xstrdup(azVal[1]);
    p->iRev = int_of(azVal[2]);
    p->zNode = xstrdup(az[STORE_INDICATOR_NODE]);
    p->zDefinition = xstrdup(az[STORE_INDICATOR_DEFINITION]);
    int eUnit = code_index(CODE_IND_UNIT, az[STORE_INDICATOR_UNIT]);
    int eDir = code_index(CODE_IND_DIRECTION, az[STORE_INDICATOR_DIRECTION]);
    p->eUnit = eUnit < 0 ? IND_UNIT_NUMBER : (IndUnit)eUnit;
    p->eDir = eDir < 0 ? IND_INCREASE : (IndDirection)eDir;
    p->bBaseline = az[STORE_INDICATOR_BASELINE] != NULL;
    if (p->bBaseline &&
        ind_number_parse(az[STORE_INDICATOR_BASELINE], &p->baseline)) {
        x->bBad = 1;
    }
    p->baselineYear = int_of(az[STORE_INDICATOR_BASELINE_YEAR]);
    if (eUnit < 0 || eDir < 0 ||
        ind_targets_parse(p, az[STORE_INDICATOR_TARGETS]) ||
        ind_dims_parse(az[STORE_INDICATOR_DISAGG], &p->mDim)) {
        x->bBad = 1;
    }
    p->zVerification = dup_or_null(az[STORE_INDICATOR_VERIFICATION]);
    p->zOrg = dup_or_null(az[STORE_INDICATOR_ORG]);
    p->bComputed = int_of(az[STORE_INDICATOR_COMPUTED]) != 0;
    if (p->bComputed && az[STORE_INDICATOR_COMPUTED_FROM] &&
        ind_computed_parse(az[STORE_INDICATOR_COMPUTED_FROM], p)) {
        x->bBad = 1;
    }
    p->zEffective = dup_or_null(az[STORE_INDICATOR_EFFECTIVE]);
    p->zReason = dup_or_null(az[STORE_INDICATOR_REASON]);
    p->zDefinitionKm = dup_or_null(az[STORE_INDICATOR_DEFINITION_KM]);
    return 0;
}

static int
ind_fill_value(void *pArg, const char *const *azVal, int nVal)
{
    IndFill *x = pArg;
    (void)nVal;
    x->aValue = xreallocarray(x->aValue, x->nValue + 1, sizeof *x->aValue);
    x->aVersion =
        xreallocarray(x->aVersion, x->nValue + 1, sizeof *x->aVersion);
    IndValue *v = &x->aValue[x->nValue];
    ind_value_init(v);
    const char *const *az = azVal + 6; /* the STORE_IND_VALUE_* columns */
    x->aVersion[x->nValue++] = int_of(az[STORE_IND_VALUE_NCOL]);
    v->zCode = xstrdup(azVal[1]);
    v->iRev = int_of(azVal[2]);
    v->zPeriod = xstrdup(azVal[3]);
    int eSex = code_index(CODE_STAT_SEX, azVal[4]);
    v->eSex = eSex < 0 ? STAT_TOTAL : eSex;
    const char *zCell = azVal[5] ? azVal[5] : "";
    const char *zColon = strchr(zCell, ':');
    if (zColon) {
        char zDim[32];
        size_t n = (size_t)(zColon - zCell);
        if (n >= sizeof zDim) {
            n = sizeof zDim - 1;
        }
        memcpy(zDim, zCell, n);
        zDim[n] = 0;
        int eDim = code_index(CODE_IND_DIM, zDim);
        v->eDim = eDim < 0 ? IND_DIM_COUNT : (IndDim)eDim;
        v->zDimCode = xstrdup(zColon + 1);
        x->bBad |= eDim < 0;
    } else if (*zCell) {
        x->bBad = 1;
    }
    x->bBad |=
        eSex < 0 || ind_number_parse(az[STORE_IND_VALUE_VALUE], &v->value) != 0;
    v->num = az[STORE_IND_VALUE_NUM]
                 ? strtoll(az[STORE_IND_VALUE_NUM], NULL, 10)
                 : -1;
    v->den = az[STORE_IND_VALUE_DEN]
                 ? strtoll(az[STORE_IND_VALUE_DEN], NULL, 10)
                 : -1;
    v->zSource = dup_or_null(az[STORE_IND_VALUE_SOURCE]);
    int eState = code_index(CODE_IND_VALUE_STATE, az[STORE_IND_VALUE_STATE]);
    v->eState = eState < 0 ? IND_VALUE_DRAFT : (IndValueState)eState;
    x->bBad |= eState < 0;
    v->zNote = dup_or_null(az[STORE_IND_VALUE_NOTE]);
    return 0;
}

int
store_indicator_list(Store *s, const char *zPlan, Indicator **pa, size_t *pn,
                     IndValue **paValue, size_t *pnValue, int **paVersion,
                     AppErr *err)
{
    IndFill x;
    memset(&x, 0, sizeof x);
    int rc = s->pMethods->xIndScan(s, zPlan, STORE_IND_PART_INDICATOR,
                                   ind_fill_indicator, &x, err);
    if (rc == 0 && x.n) {
        /* G2 before G10: codes as people count them (the SQL's order is
        ** byte order); the revisions of a code stay together. */
        qsort(x.a, x.n, sizeof *x.a, indicator_cmp);
    }
    if (rc == 0 && paValue) {
        rc = s->pMethods->xIndScan(s, zPlan, STORE_IND_PART_VALUE,
                                   ind_fill_value, &x, err);
    }
    if (rc == 0 && x.bBad) {
        rc = apperr_set(err, APPERR_DB,
                        "the stored indicators hold a value lmpmon cannot "
                        "read");
    }
    if (rc) {
        for (size_t i = 0; i < x.n; i++) {
            indicator_release(&x.a[i]);
        }
        for (size_t i = 0; i < x.nValue; i++) {
            ind_value_release(&x.aValue[i]);
        }
        free(x.a);
        free(x.aValue);
        free(x.aVersion);
        return -1;
    }
    *pa = x.a;
    *pn = x.n;
    if (paValue) {
        *paValue = x.aValue;
        *pnValue = x.nValue;
    }
    if (paVersion) {
        *paVersion = x.aVersion;
    } else {
        free(x.aVersion);
    }
    return 0;
}
