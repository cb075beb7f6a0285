/*
** store_fund.c — a plan's costs and funding lines read back whole
** (store_fund_list()), above the backends.
**
** A backend returns the rows as text (xFundScan); this file turns them
** into core's FundCost and FundLine once for every backend.  A row the
** schema's checks let through but core cannot read (an unknown source
** kind) is reported, not guessed at.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

typedef struct FundFill {
    FundSet *out;
    int bBad; /* a row could not be read */
} FundFill;

static char *
dup_or_null(const char *z)
{
    return z ? xstrdup(z) : NULL;
}

static void
currency_copy(char zOut[4], const char *z)
{
    memset(zOut, 0, 4);
    if (z) {
        (void)snprintf(zOut, 4, "%.3s", z);
    }
}

static int
fund_fill_cost(void *pArg, const char *const *azVal, int nVal)
{
    FundFill *x = pArg;
    FundSet *s = x->out;
    (void)nVal;
    s->aCost = xreallocarray(s->aCost, s->nCost + 1, sizeof *s->aCost);
    FundCost *c = &s->aCost[s->nCost++];
    memset(c, 0, sizeof *c);
    const char *const *az = azVal + 3; /* the STORE_FUND_COST_* columns */
    c->zRound = xstrdup(azVal[1]);
    c->zNode = xstrdup(azVal[2]);
    c->amount = strtoll(az[STORE_FUND_COST_AMOUNT], NULL, 10);
    currency_copy(c->zCurrency, az[STORE_FUND_COST_CURRENCY]);
    c->zNote = dup_or_null(az[STORE_FUND_COST_NOTE]);
    c->iVersion = (int)strtol(az[STORE_FUND_COST_NCOL], NULL, 10);
    return 0;
}

static int
fund_fill_line(void *pArg, const char *const *azVal, int nVal)
{
    FundFill *x = pArg;
    FundSet *s = x->out;
    (void)nVal;
    s->aLine = xreallocarray(s->aLine, s->nLine + 1, sizeof *s->aLine);
    FundLine *l = &s->aLine[s->nLine++];
    memset(l, 0, sizeof *l);
    const char *const *az = azVal + 4; /* the STORE_FUND_LINE_* columns */
    l->zRound = xstrdup(azVal[1]);
    l->zNode = xstrdup(azVal[2]);
    l->iLine = (int)strtol(azVal[3], NULL, 10);
    int eKind = code_index(CODE_FUND_KIND, az[STORE_FUND_LINE_KIND]);
    int eStatus = code_index(CODE_FUND_STATUS, az[STORE_FUND_LINE_STATUS]);
    x->bBad |= eKind < 0 || eStatus < 0;
    l->eKind = eKind < 0 ? FUND_OTHER : (FundKind)eKind;
    l->eStatus = eStatus < 0 ? FUND_GAP : (FundStatus)eStatus;
    l->zOrg = dup_or_null(az[STORE_FUND_LINE_ORG]);
    l->zLabel = dup_or_null(az[STORE_FUND_LINE_LABEL]);
    l->amount = strtoll(az[STORE_FUND_LINE_AMOUNT], NULL, 10);
    currency_copy(l->zCurrency, az[STORE_FUND_LINE_CURRENCY]);
    l->zNote = dup_or_null(az[STORE_FUND_LINE_NOTE]);
    l->iVersion = (int)strtol(az[STORE_FUND_LINE_NCOL], NULL, 10);
    return 0;
}

int
store_fund_list(Store *s, const char *zPlan, const char *zRound, FundSet *out,
                AppErr *err)
{
    memset(out, 0, sizeof *out);
    FundFill x = { out, 0 };
    int rc =
        s->pMethods->xFundScan(s, zPlan, zRound, STORE_FUND_PART_COST,
                               fund_fill_cost, &x, err) ||
                s->pMethods->xFundScan(s, zPlan, zRound, STORE_FUND_PART_LINE,
                                       fund_fill_line, &x, err)
            ? -1
            : 0;
    if (rc == 0 && x.bBad) {
        rc = apperr_set(err, APPERR_DB,
                        "the stored funding holds a value lmpmon cannot read");
    }
    if (rc) {
        fund_set_release(out);
    }
    return rc;
}
