/*
** funding.c — costs, funding lines and their totals per currency (see
** funding.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funding.h"
#include "cases.h"
#include "../base/i18n.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

static const CodeName aFundKind[FUND_KIND_COUNT] = {
    [FUND_GOVERNMENT] = { "government", N_("Government budget") },
    [FUND_PARTNER] = { "partner", N_("Development partner") },
    [FUND_OTHER] = { "other", N_("Other source") },
};
static const CodeName aFundStatus[FUND_STATUS_COUNT] = {
    [FUND_SECURED] = { "secured", N_("Secured") },
    [FUND_PLEDGED] = { "pledged", N_("Pledged") },
    [FUND_GAP] = { "gap", N_("Gap") },
};

const CodeName *
fund_code_table(CodeKind k, size_t *pn)
{
    if (k == CODE_FUND_KIND) {
        *pn = FUND_KIND_COUNT;
        return aFundKind;
    }
    *pn = FUND_STATUS_COUNT;
    return aFundStatus;
}

void
fund_cost_release(FundCost *c)
{
    free(c->zRound);
    free(c->zNode);
    free(c->zNote);
    memset(c, 0, sizeof *c);
}

void
fund_line_release(FundLine *l)
{
    free(l->zRound);
    free(l->zNode);
    free(l->zOrg);
    free(l->zLabel);
    free(l->zNote);
    memset(l, 0, sizeof *l);
}

void
fund_set_release(FundSet *s)
{
    for (size_t i = 0; i < s->nCost; i++) {
        fund_cost_release(&s->aCost[i]);
    }
    for (size_t i = 0; i < s->nLine; i++) {
        fund_line_release(&s->aLine[i]);
    }
    free(s->aCost);
    free(s->aLine);
    memset(s, 0, sizeof *s);
}

const FundCost *
fund_set_cost(const FundSet *s, const char *zRound, const char *zNode)
{
    for (size_t i = 0; i < s->nCost; i++) {
        if (strcmp(s->aCost[i].zRound, zRound) == 0 &&
            strcmp(s->aCost[i].zNode, zNode) == 0) {
            return &s->aCost[i];
        }
    }
    return NULL;
}

/* ISO 4217's codes as Debian's iso-codes lists them
** (/usr/share/iso-codes/json/iso_4217.json), sorted for bsearch(). */
static const char *const azCurrency[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM",
    "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD",
    "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP",
    "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP",
    "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
    "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF",
    "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
    "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR",
    "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
    "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS",
    "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP",
    "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW",
    "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB",
    "XBC", "XBD", "XCD", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA",
    "XXX", "YER", "ZAR", "ZMW", "ZWL",
};

static int
currency_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, *(const char *const *)b);
}

int
money_currency_ok(const char *z)
{
    if (!z || strlen(z) != 3) {
        return 0;
    }
    return bsearch(z, azCurrency, sizeof azCurrency / sizeof azCurrency[0],
                   sizeof azCurrency[0], currency_cmp) != NULL;
}

int
money_amount_parse(const char *z, int64_t *pMinor, AppErr *err)
{
    const char *p = z ? z : "";
    while (*p == ' ') {
        p++;
    }
    if (!*p) {
        return apperr_set(err, APPERR_INPUT, "missing");
    }
    if (*p == '-') {
        return apperr_set(err, APPERR_INPUT,
                          "'%s' is negative: amounts are what is needed or "
                          "given, 0 or more",
                          z);
    }
    if (case_amount_parse(p, pMinor)) {
        return apperr_set(err, APPERR_INPUT,
                          "'%s' is not an amount (digits with at most two "
                          "decimals after a point, no thousands separators)",
                          z);
    }
    return 0;
}

void
money_format(Buf *b, int64_t minor)
{
    uint64_t v = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
    char zDigits[32];
    int n = 0;
    uint64_t major = v / 100;
    do {
        zDigits[n++] = (char)('0' + major % 10);
        major /= 10;
    } while (major);
    if (minor < 0) {
        buf_puts(b, "-");
    }
    for (int i = n - 1; i >= 0; i--) {
        buf_printf(b, "%c", zDigits[i]);
        if (i > 0 && i % 3 == 0) {
            buf_puts(b, ",");
        }
    }
    buf_printf(b, ".%02d", (int)(v % 100));
}

static int
currency_check(const char *z, AppErr *err)
{
    if (!z[0]) {
        return apperr_set(err, APPERR_INPUT, "currency: missing");
    }
    if (!money_currency_ok(z)) {
        return apperr_set(err, APPERR_INPUT,
                          "currency: '%s' is not an ISO 4217 code such as "
                          "USD or KHR",
                          z);
    }
    return 0;
}

static int
amount_check(int64_t v, AppErr *err)
{
    if (v < 0) {
        return apperr_set(err, APPERR_INPUT,
                          "amount: negative: amounts are what is needed or "
                          "given, 0 or more");
    }
    return 0;
}

int
fund_cost_check(const FundCost *c, AppErr *err)
{
    return amount_check(c->amount, err) || currency_check(c->zCurrency, err)
               ? -1
               : 0;
}

int
fund_line_check(const FundLine *l, AppErr *err)
{
    if (l->iLine < 1) {
        return apperr_set(err, APPERR_INPUT, "line: a number from 1");
    }
    if ((unsigned)l->eKind >= FUND_KIND_COUNT) {
        return apperr_set(err, APPERR_INPUT, "source_kind: one of %s",
                          FUND_KIND_ACCEPTED);
    }
    if ((unsigned)l->eStatus >= FUND_STATUS_COUNT) {
        return apperr_set(err, APPERR_INPUT, "status: one of %s",
                          FUND_STATUS_ACCEPTED);
    }
    if (l->eKind == FUND_PARTNER && !l->zOrg) {
        return apperr_set(err, APPERR_INPUT,
                          "source: a development partner's line names the "
                          "organisation");
    }
    if (l->eKind != FUND_PARTNER && l->zOrg) {
        return apperr_set(err, APPERR_INPUT,
                          "source: only a development partner's line names "
                          "an organisation; a budget line or other source "
                          "is named by its label");
    }
    if (l->eKind != FUND_PARTNER && (!l->zLabel || !*l->zLabel)) {
        return apperr_set(err, APPERR_INPUT,
                          "source: missing (the budget line or the source)");
    }
    return amount_check(l->amount, err) || currency_check(l->zCurrency, err)
               ? -1
               : 0;
}

int
fund_may_record(const Actor *who, const Round *r, AppErr *err)
{
    if (who->eRole != ROLE_ME_OFFICER && who->eRole != ROLE_ADMIN) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "only the M&E officer records costs and funding");
    }
    if (r && r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          "round %s is published: its action plan and its "
                          "funding are final",
                          r->zCode);
    }
    return 0;
}

/* ---- totals ------------------------------------------------------------- */

void
fund_totals_release(FundTotals *t)
{
    free(t->a);
    memset(t, 0, sizeof *t);
}

FundTotal *
fund_totals_get(FundTotals *t, const char *zCur)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->a[i].zCurrency, zCur) == 0) {
            return &t->a[i];
        }
    }
    t->a = xreallocarray(t->a, t->n + 1, sizeof *t->a);
    FundTotal *x = &t->a[t->n++];
    memset(x, 0, sizeof *x);
    memcpy(x->zCurrency, zCur, 3);
    return x;
}

void
fund_totals_add_line(FundTotals *t, const FundLine *l)
{
    FundTotal *x = fund_totals_get(t, l->zCurrency);
    if (l->eStatus == FUND_SECURED) {
        x->secured += l->amount;
    } else if (l->eStatus == FUND_PLEDGED) {
        x->pledged += l->amount;
    } else {
        x->asked += l->amount;
    }
}

int
fund_line_of(const FundLine *l, const char *zRound, const char *zNode)
{
    return strcmp(l->zRound, zRound) == 0 && strcmp(l->zNode, zNode) == 0;
}

int
fund_set_has(const FundSet *s, const char *zRound, const char *zNode)
{
    if (fund_set_cost(s, zRound, zNode)) {
        return 1;
    }
    for (size_t k = 0; k < s->nLine; k++) {
        if (fund_line_of(&s->aLine[k], zRound, zNode)) {
            return 1;
        }
    }
    return 0;
}

const char *
fund_line_source(const FundLine *l)
{
    return l->zOrg ? l->zOrg : l->zLabel ? l->zLabel : "";
}

int
fund_activity_gap(const FundSet *s, const char *zRound, const char *zNode,
                  int64_t *pGap)
{
    const FundCost *c = fund_set_cost(s, zRound, zNode);
    if (!c) {
        return 0;
    }
    int64_t gap = c->amount;
    for (size_t i = 0; i < s->nLine; i++) {
        const FundLine *l = &s->aLine[i];
        if (!fund_line_of(l, zRound, zNode)) {
            continue;
        }
        if (strcmp(l->zCurrency, c->zCurrency) != 0) {
            return 0;
        }
        if (l->eStatus != FUND_GAP) {
            gap -= l->amount;
        }
    }
    *pGap = gap;
    return 1;
}

void
fund_totals_add_activity(FundTotals *t, const FundSet *s, const char *zRound,
                         const char *zNode)
{
    const FundCost *c = fund_set_cost(s, zRound, zNode);
    /* Which currencies this activity holds, to count it once in each. */
    char azSeen[8][4];
    size_t nSeen = 0;
    if (c) {
        fund_totals_get(t, c->zCurrency)->cost += c->amount;
        memcpy(azSeen[nSeen++], c->zCurrency, 4);
    }
    for (size_t i = 0; i < s->nLine; i++) {
        const FundLine *l = &s->aLine[i];
        if (!fund_line_of(l, zRound, zNode)) {
            continue;
        }
        fund_totals_add_line(t, l);
        int bSeen = 0;
        for (size_t k = 0; k < nSeen; k++) {
            bSeen |= strcmp(azSeen[k], l->zCurrency) == 0;
        }
        if (!bSeen && nSeen < sizeof azSeen / sizeof azSeen[0]) {
            memcpy(azSeen[nSeen++], l->zCurrency, 4);
        }
    }
    int64_t gap = 0;
    if (fund_activity_gap(s, zRound, zNode, &gap)) {
        FundTotal *x = fund_totals_get(t, c->zCurrency);
        x->gap += gap;
        x->nGap++;
        return;
    }
    for (size_t k = 0; k < nSeen; k++) {
        fund_totals_get(t, azSeen[k])->nNoGap++;
    }
}

int
fund_budget_close_ok(const char *z)
{
    char zDate[16];
    /* A month-day that exists in a leap year (02-29 included). */
    if (!z || strlen(z) != 5 || z[2] != '-') {
        return 0;
    }
    (void)snprintf(zDate, sizeof zDate, "2000-%s", z);
    return str_is_date(zDate);
}

int
fund_budget_window(const char *zToday, const char *zClose, char zSince[11])
{
    zSince[0] = 0;
    if (!zToday || !str_is_date(zToday) || !fund_budget_close_ok(zClose)) {
        return 0;
    }
    char zDue[16];
    (void)snprintf(zDue, sizeof zDue, "%.4s-%s", zToday, zClose);
    if (!str_is_date(zDue)) {
        (void)snprintf(zDue, sizeof zDue, "%.4s-02-28", zToday);
    }
    long nDays = str_date_days(zDue) - str_date_days(zToday);
    if (nDays < 0 || nDays > FUND_BUDGET_REMIND_DAYS) {
        return 0;
    }
    str_date_from_days(str_date_days(zDue) - FUND_BUDGET_REMIND_DAYS - 1,
                       zSince);
    return 1;
}

const Round *
fund_budget_round(const Plan *p)
{
    for (size_t k = p->nRound; k-- > 0;) {
        if (p->aRound[k].eState != ROUND_PUBLISHED) {
            return &p->aRound[k];
        }
    }
    return NULL;
}

static int
fund_str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

FundBudgetOrg *
fund_budget_missing(const Plan *p, const Round *rd, const FundSet *s,
                    size_t *pn)
{
    /* The activities with a cost in the round, sorted: one search each. */
    const char **azCosted = xcalloc(s->nCost + 1, sizeof *azCosted);
    size_t nCosted = 0;
    for (size_t i = 0; i < s->nCost; i++) {
        if (str_eq(s->aCost[i].zRound, rd->zCode)) {
            azCosted[nCosted++] = s->aCost[i].zNode;
        }
    }
    qsort(azCosted, nCosted, sizeof *azCosted, fund_str_cmp);
    int iLeaf = plan_leaf_level(p);
    FundBudgetOrg *a = NULL;
    size_t n = 0, nAlloc = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *nd = &p->aNode[i];
        if (nd->iLevel != iLeaf || !node_find_assessment(nd, rd->zCode) ||
            bsearch(&nd->zCode, azCosted, nCosted, sizeof *azCosted,
                    fund_str_cmp)) {
            continue;
        }
        for (size_t k = 0; k < nd->nResp; k++) {
            size_t j = 0;
            while (j < n && !str_eq(a[j].zOrg, nd->azResp[k])) {
                j++;
            }
            if (j == n) {
                xgrow((void **)&a, &nAlloc, n, sizeof *a);
                a[n].zOrg = nd->azResp[k];
                a[n++].nMissing = 0;
            }
            a[j].nMissing++;
        }
    }
    free(azCosted);
    *pn = n;
    return a;
}
