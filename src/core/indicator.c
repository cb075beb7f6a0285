/*
** indicator.c — the vocabulary and rules of indicators and their values
** (see indicator.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "codes.h"
#include "outreach.h"
#include "model.h"
#include "cases.h"
#include "../base/buf.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static const CodeName aIndUnit[IND_UNIT_COUNT] = {
    [IND_UNIT_NUMBER] = { "count", N_("Count") },
    [IND_UNIT_PERCENT] = { "percentage", N_("Percentage") },
    [IND_UNIT_AMOUNT] = { "amount", N_("Amount") },
};
static const CodeName aIndDirection[IND_DIRECTION_COUNT] = {
    [IND_INCREASE] = { "increase", N_("Increase") },
    [IND_DECREASE] = { "decrease", N_("Decrease") },
    [IND_MAINTAIN] = { "maintain", N_("Maintain") },
};
static const CodeName aIndDim[IND_DIM_COUNT] = {
    [IND_DIM_SEX] = { "sex", N_("Sex") },
    [IND_DIM_PROVINCE] = { "province", N_("Province") },
    [IND_DIM_DESTINATION] = { "destination", N_("Destination country") },
    [IND_DIM_CHANNEL] = { "channel", N_("Channel of migration") },
    [IND_DIM_SECTOR] = { "sector", N_("Sector") },
};
static const CodeName aIndValueState[IND_VALUE_STATE_COUNT] = {
    [IND_VALUE_DRAFT] = { "draft", N_("Draft") },
    [IND_VALUE_SUBMITTED] = { "submitted", N_("Submitted") },
    [IND_VALUE_RETURNED] = { "returned", N_("Returned") },
    [IND_VALUE_VALIDATED] = { "validated", N_("Validated") },
};

const CodeName *
indicator_code_table(CodeKind k, size_t *pn)
{
    switch (k) {
    case CODE_IND_UNIT:
        *pn = IND_UNIT_COUNT;
        return aIndUnit;
    case CODE_IND_DIRECTION:
        *pn = IND_DIRECTION_COUNT;
        return aIndDirection;
    case CODE_IND_DIM:
        *pn = IND_DIM_COUNT;
        return aIndDim;
    default:
        *pn = IND_VALUE_STATE_COUNT;
        return aIndValueState;
    }
}

void
indicator_init(Indicator *p)
{
    memset(p, 0, sizeof *p);
    p->iRev = 1;
}

void
indicator_release(Indicator *p)
{
    free(p->zCode);
    free(p->zPlan);
    free(p->zNode);
    free(p->zEffective);
    free(p->zReason);
    free(p->zDefinition);
    free(p->zDefinitionKm);
    free(p->aTarget);
    free(p->zVerification);
    free(p->zOrg);
    indicator_init(p);
}

const char *
ind_definition(const Indicator *p, I18nLang eLang)
{
    return model_text(eLang, p->zDefinition, p->zDefinitionKm);
}

void
ind_value_init(IndValue *v)
{
    memset(v, 0, sizeof *v);
    v->iRev = 1;
    v->eSex = STAT_TOTAL;
    v->eDim = IND_DIM_COUNT;
    v->num = v->den = -1;
}

void
ind_value_release(IndValue *v)
{
    free(v->zCode);
    free(v->zPeriod);
    free(v->zDimCode);
    free(v->zSource);
    free(v->zNote);
    ind_value_init(v);
}

/* A figure x valid in unit u, or -1 and err naming zField. */
static int
unit_check(IndUnit u, double x, const char *zField, AppErr *err)
{
    if (!isfinite(x) || x < 0) {
        return apperr_set(err, APPERR_INPUT, "%s: %g is not a number >= 0",
                          zField, x);
    }
    if (u == IND_UNIT_PERCENT && x > 100) {
        return apperr_set(err, APPERR_INPUT,
                          "%s: %g is not a percentage between 0 and 100",
                          zField, x);
    }
    if (u == IND_UNIT_NUMBER && x != floor(x)) {
        return apperr_set(err, APPERR_INPUT, "%s: %g is not a whole count",
                          zField, x);
    }
    return 0;
}

static int
year_check(int y, const char *zField, AppErr *err)
{
    if (y < 1900 || y > 2200) {
        return apperr_set(err, APPERR_INPUT, "%s: %d is not a year", zField, y);
    }
    return 0;
}

/* ** RULE: an indicator's own fields */
int
indicator_check(const Indicator *p, AppErr *err)
{
    const char *z = p->zCode;
    if (!z || !*z || strlen(z) > 32) {
        return apperr_set(err, APPERR_INPUT,
                          "code: needed (up to 32 "
                          "characters)");
    }
    for (; *z; z++) {
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789.-_",
                    *z)) {
            return apperr_set(err, APPERR_INPUT,
                              "code: '%s' has a character other than "
                              "letters, digits, '.', '-' or '_'",
                              p->zCode);
        }
    }
    if (!p->zDefinition || !*p->zDefinition) {
        return apperr_set(err, APPERR_INPUT, "definition: needed");
    }
    if ((unsigned)p->eUnit >= IND_UNIT_COUNT ||
        (unsigned)p->eDir >= IND_DIRECTION_COUNT) {
        return apperr_set(err, APPERR_INPUT, "unit: unknown");
    }
    if (p->mDim >= (1u << IND_DIM_COUNT)) {
        return apperr_set(err, APPERR_INPUT, "disaggregation: unknown");
    }
    if (p->iRev > 1 && (!p->zReason || !*p->zReason)) {
        return apperr_set(err, APPERR_INPUT,
                          "reason: an amendment says why it is made");
    }
    if (p->bBaseline && (unit_check(p->eUnit, p->baseline, "baseline", err) ||
                         year_check(p->baselineYear, "baseline year", err))) {
        return -1;
    }
    for (size_t i = 0; i < p->nTarget; i++) {
        const IndTarget *t = &p->aTarget[i];
        if (year_check(t->year, "target year", err) ||
            unit_check(p->eUnit, t->value, "target", err)) {
            return -1;
        }
        if (i > 0 && t->year <= p->aTarget[i - 1].year) {
            return apperr_set(err, APPERR_INPUT,
                              "target year: %d comes twice or out of order",
                              t->year);
        }
    }
    return 0;
}

const IndTarget *
indicator_target(const Indicator *p, int year)
{
    for (size_t i = 0; i < p->nTarget; i++) {
        if (p->aTarget[i].year == year) {
            return &p->aTarget[i];
        }
    }
    return NULL;
}

/* ** RULE: periods of values are years or quarters */
int
ind_check_period(const char *z, int *pYear, AppErr *err)
{
    int y = 0;
    size_t i = 0;
    for (; z && i < 4 && z[i] >= '0' && z[i] <= '9'; i++) {
        y = y * 10 + (z[i] - '0');
    }
    if (!z || i != 4 ||
        !(z[4] == 0 ||
          (z[4] == 'Q' && z[5] >= '1' && z[5] <= '4' && z[6] == 0)) ||
        year_check(y, "period", NULL)) {
        return apperr_set(err, APPERR_INPUT,
                          "period: '%s' is not a year (2017) or a quarter "
                          "(2017Q3)",
                          z ? z : "");
    }
    if (pYear) {
        *pYear = y;
    }
    return 0;
}

/* ** RULE: a value fits its indicator */
int
ind_value_check(const Indicator *p, const IndValue *v, int bComputing,
                AppErr *err)
{
    if (p->bComputed && !bComputing) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "indicator '%s' is computed by lmpmon from %s: its "
                          "values cannot be typed over",
                          p->zCode,
                          p->mOutreach ? "the outreach events"
                                       : "the complaints register");
    }
    if (ind_check_period(v->zPeriod, NULL, err) ||
        unit_check(p->eUnit, v->value, "value", err)) {
        return -1;
    }
    if ((unsigned)v->eSex >= STAT_SEX_COUNT) {
        return apperr_set(err, APPERR_INPUT, "sex: unknown");
    }
    if (v->eSex != STAT_TOTAL && !(p->mDim & (1u << IND_DIM_SEX))) {
        return apperr_set(err, APPERR_INPUT,
                          "sex: indicator '%s' is not broken down by sex",
                          p->zCode);
    }
    if (v->eDim != IND_DIM_COUNT) {
        if (v->eDim == IND_DIM_SEX || (unsigned)v->eDim >= IND_DIM_COUNT ||
            !(p->mDim & (1u << v->eDim))) {
            return apperr_set(err, APPERR_INPUT,
                              "disaggregation: indicator '%s' is not "
                              "broken down by it",
                              p->zCode);
        }
        if (!v->zDimCode || !*v->zDimCode) {
            return apperr_set(err, APPERR_INPUT, "%s: needed",
                              aIndDim[v->eDim].zKey);
        }
    }
    if (v->num >= 0 || v->den >= 0) {
        if (p->eUnit != IND_UNIT_PERCENT) {
            return apperr_set(err, APPERR_INPUT,
                              "numerator: only a percentage has one");
        }
        if (v->num < 0 || v->den <= 0 || v->num > v->den) {
            return apperr_set(err, APPERR_INPUT,
                              "denominator: needs 0 <= numerator <= "
                              "denominator and a denominator > 0");
        }
        double x = 100.0 * (double)v->num / (double)v->den;
        if (fabs(x - v->value) > 0.05 + 1e-9) {
            return apperr_set(
                err, APPERR_INPUT, "value: %g is not %lld of %lld (%.1f%%)",
                v->value, (long long)v->num, (long long)v->den, x);
        }
    }
    return 0;
}

/* ** RULE: who writes a value, in which state */
int
ind_value_may_write(const Actor *who, const Indicator *p, int eOld,
                    IndValueState eNew, AppErr *err)
{
    if (who->eRole == ROLE_ADMIN || who->eRole == ROLE_ME_OFFICER) {
        return 0;
    }
    if (who->eRole != ROLE_REPORTER) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "only the responsible organisation's reporters "
                          "and the M&E officer write indicator values");
    }
    if (!p->zOrg || !who->zOrg || strcmp(p->zOrg, who->zOrg) != 0) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "indicator '%s' is reported by %s, not by %s",
                          p->zCode, p->zOrg ? p->zOrg : "the M&E officer",
                          who->zOrg ? who->zOrg : "you");
    }
    if (eOld == IND_VALUE_VALIDATED || eOld == IND_VALUE_SUBMITTED) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "the %s value is %s: only the M&E officer changes "
                          "it now",
                          p->zCode, aIndValueState[eOld].zKey);
    }
    if (eNew != IND_VALUE_DRAFT && eNew != IND_VALUE_SUBMITTED) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "a reporter saves a draft or submits; the M&E "
                          "officer %s",
                          eNew == IND_VALUE_VALIDATED ? "validates"
                                                      : "returns");
    }
    return 0;
}

double
ind_percent_of(int64_t num, int64_t den)
{
    return round(1000.0 * (double)num / (double)den) / 10.0;
}

/* ** RULE: the M&E officer validates or returns what is submitted */
int
ind_value_may_review(const Actor *who, const Indicator *p, IndValueState eOld,
                     IndValueState eNew, const char *zReason, AppErr *err)
{
    if (who->eRole != ROLE_ADMIN && who->eRole != ROLE_ME_OFFICER) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "only the M&E officer validates or returns "
                          "indicator values");
    }
    if (p->bComputed) {
        return ind_value_check(p, &(IndValue){ .eSex = STAT_TOTAL }, 0, err);
    }
    if (eNew != IND_VALUE_VALIDATED && eNew != IND_VALUE_RETURNED) {
        return apperr_set(err, APPERR_INPUT,
                          "a review validates or returns the values");
    }
    if (eOld != IND_VALUE_SUBMITTED) {
        return apperr_set(err, APPERR_INPUT,
                          "the %s values are %s, not submitted: only "
                          "submitted values are validated or returned",
                          p->zCode,
                          (unsigned)eOld < IND_VALUE_STATE_COUNT
                              ? aIndValueState[eOld].zKey
                              : "not entered");
    }
    if (eNew == IND_VALUE_RETURNED && (!zReason || !*zReason)) {
        return apperr_set(err, APPERR_INPUT,
                          "reason: say why the values are returned, for "
                          "the reporter who corrects them");
    }
    return 0;
}

/* ** RULE: women, men and total agree */
int
ind_check_sex_sum(IndUnit eUnit, const IndValue *pWomen, const IndValue *pMen,
                  const IndValue *pTotal, AppErr *err)
{
    if (!pWomen || !pMen || !pTotal) {
        return 0;
    }
    double w = pWomen->value, m = pMen->value, t = pTotal->value;
    if (eUnit == IND_UNIT_PERCENT) {
        double lo = w < m ? w : m, hi = w < m ? m : w;
        /* With the counts behind all three, the total is theirs. */
        if (pWomen->den > 0 && pMen->den > 0 && pTotal->den > 0 &&
            (pWomen->num + pMen->num != pTotal->num ||
             pWomen->den + pMen->den != pTotal->den)) {
            return apperr_set(err, APPERR_INPUT,
                              "total: %lld of %lld is not women's and men's "
                              "counts added",
                              (long long)pTotal->num, (long long)pTotal->den);
        }
        if (t < lo - 0.05 || t > hi + 0.05) {
            return apperr_set(err, APPERR_INPUT,
                              "total: %g%% is not between women's %g%% and "
                              "men's %g%%",
                              t, w, m);
        }
        return 0;
    }
    if (fabs(w + m - t) > 0.005) {
        return apperr_set(err, APPERR_INPUT,
                          "total: %g is not women + men (%g + %g)", t, w, m);
    }
    return 0;
}

/* ** RULE: progress from baseline to target, direction aware */
IndProgress
ind_progress(IndDirection eDir, double baseline, double target, double current)
{
    IndProgress r = { 0, 0 };
    if (eDir == IND_MAINTAIN) {
        r.share = target != 0 ? current / target : (current >= 0 ? 1 : 0);
        r.bMet = current >= target;
        return r;
    }
    int bUp = eDir == IND_INCREASE;
    r.bMet = bUp ? current >= target : current <= target;
    if (target == baseline) {
        r.share = r.bMet ? 1 : 0;
    } else {
        r.share = (current - baseline) / (target - baseline);
    }
    return r;
}

void
ind_format_value(IndUnit eUnit, double x, char *z, size_t n)
{
    int nDec = eUnit == IND_UNIT_NUMBER ? 0 : eUnit == IND_UNIT_PERCENT ? 1 : 2;
    if (n > 0) {
        (void)snprintf(z, n, "%.*f", nDec, x);
    }
}

void
ind_number_text(double x, char *z, size_t n)
{
    if (n == 0) {
        return;
    }
    (void)snprintf(z, n, "%.4f", x);
    char *zDot = strchr(z, '.');
    if (zDot) {
        char *zEnd = z + strlen(z);
        while (zEnd > zDot && (zEnd[-1] == '0' || zEnd[-1] == '.')) {
            *--zEnd = 0;
            if (zEnd == zDot) {
                break;
            }
        }
    }
    if (strcmp(z, "-0") == 0) {
        z[0] = '0', z[1] = 0;
    }
}

int
ind_number_parse(const char *z, double *pOut)
{
    size_t i = 0, nDigit = 0;
    if (!z) {
        return -1;
    }
    if (z[i] == '-') {
        i++;
    }
    for (; z[i] >= '0' && z[i] <= '9'; i++) {
        nDigit++;
    }
    if (z[i] == '.') {
        for (i++; z[i] >= '0' && z[i] <= '9'; i++) {
            nDigit++;
        }
    }
    if (z[i] != 0 || nDigit == 0 || nDigit > 18) {
        return -1;
    }
    *pOut = strtod(z, NULL);
    return 0;
}

char *
ind_targets_text(const Indicator *p)
{
    Buf b = BUF_INIT;
    for (size_t i = 0; i < p->nTarget; i++) {
        char z[48];
        ind_number_text(p->aTarget[i].value, z, sizeof z);
        buf_printf(&b, "%s%d=%s", i ? ";" : "", p->aTarget[i].year, z);
    }
    return buf_detach(&b);
}

int
ind_targets_parse(Indicator *p, const char *z)
{
    free(p->aTarget);
    p->aTarget = NULL;
    p->nTarget = 0;
    while (z && *z) {
        const char *zEnd = strchr(z, ';');
        size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
        char zItem[64];
        int year = 0;
        double v;
        const char *zEq = memchr(z, '=', n);
        if (n >= sizeof zItem || !zEq || zEq - z != 4) {
            return -1;
        }
        memcpy(zItem, z, n);
        zItem[n] = 0;
        for (int i = 0; i < 4; i++) {
            if (zItem[i] < '0' || zItem[i] > '9') {
                return -1;
            }
            year = year * 10 + (zItem[i] - '0');
        }
        if (ind_number_parse(zItem + 5, &v)) {
            return -1;
        }
        p->aTarget =
            xreallocarray(p->aTarget, p->nTarget + 1, sizeof *p->aTarget);
        p->aTarget[p->nTarget++] = (IndTarget){ year, v };
        z += n + (zEnd ? 1 : 0);
    }
    return 0;
}

char *
ind_dims_text(unsigned mDim)
{
    Buf b = BUF_INIT;
    for (int i = 0; i < IND_DIM_COUNT; i++) {
        if (mDim & (1u << i)) {
            buf_printf(&b, "%s%s", *buf_str(&b) ? "," : "", aIndDim[i].zKey);
        }
    }
    return buf_detach(&b);
}

char *
ind_computed_text(const Indicator *p)
{
    if (!p->bComputed) {
        return xstrdup("no");
    }
    if (!p->mOutreach) {
        return xstrdup("yes");
    }
    Buf b = BUF_INIT;
    buf_puts(&b, "outreach");
    if (p->mOutreach != IND_OUTREACH_ALL) {
        size_t n;
        const CodeName *a = code_table(CODE_OUTREACH_KIND, &n);
        for (size_t i = 0, k = 0; i < n && i < OUTREACH_KIND_COUNT; i++) {
            if (p->mOutreach & (1u << i)) {
                buf_printf(&b, "%s%s", k++ ? ";" : ":", a[i].zKey);
            }
        }
    }
    return buf_detach(&b);
}

int
ind_computed_parse(const char *z, Indicator *p)
{
    if (!z || !*z || strcmp(z, "no") == 0) {
        p->bComputed = 0;
        p->mOutreach = 0;
        return 0;
    }
    if (strcmp(z, "yes") == 0 || strcmp(z, "complaints") == 0) {
        p->bComputed = 1;
        p->mOutreach = 0;
        return 0;
    }
    if (strncmp(z, "outreach", 8) != 0 || (z[8] && z[8] != ':')) {
        return -1;
    }
    unsigned m = 0;
    for (const char *q = z[8] ? z + 9 : ""; *q;) {
        size_t n = strcspn(q, ";");
        char zKind[32];
        if (n == 0 || n >= sizeof zKind) {
            return -1;
        }
        memcpy(zKind, q, n);
        zKind[n] = 0;
        int i = code_index(CODE_OUTREACH_KIND, zKind);
        if (i < 0) {
            return -1;
        }
        m |= 1u << i;
        q += n + (q[n] == ';');
    }
    p->bComputed = 1;
    p->mOutreach = m ? m : IND_OUTREACH_ALL;
    return 0;
}

char *
ind_computed_label(const Indicator *p)
{
    if (!p->bComputed) {
        return NULL;
    }
    if (!p->mOutreach) {
        return xstrdup("computed from the complaints register");
    }
    Buf b = BUF_INIT;
    buf_puts(&b, "computed from outreach");
    if (p->mOutreach != IND_OUTREACH_ALL) {
        size_t n;
        const CodeName *a = code_table(CODE_OUTREACH_KIND, &n);
        for (size_t i = 0, k = 0; i < n && i < OUTREACH_KIND_COUNT; i++) {
            if (p->mOutreach & (1u << i)) {
                buf_printf(&b, "%s%s", k++ ? ", " : " (", a[i].zLabel);
            }
        }
        buf_putc(&b, ')');
    }
    return buf_detach(&b);
}

int
ind_outreach_value(const Indicator *p, const Outreach *a, size_t n, int year,
                   int eSex, int64_t *pValue)
{
    int bAny = 0;
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        const Outreach *o = &a[i];
        const char *zLast = o->zTo ? o->zTo : o->zFrom;
        if (o->eStatus != OUTREACH_HELD || !(p->mOutreach & (1u << o->eKind)) ||
            !zLast || strlen(zLast) < 4 ||
            (zLast[0] - '0') * 1000 + (zLast[1] - '0') * 100 +
                    (zLast[2] - '0') * 10 + (zLast[3] - '0') !=
                year) {
            continue;
        }
        int64_t v = OUTREACH_NONE;
        if (eSex == STAT_WOMEN) {
            v = o->n.women;
        } else if (eSex == STAT_MEN) {
            v = o->n.men;
        } else if (o->n.total != OUTREACH_NONE) {
            v = o->n.total;
        } else {
            int64_t aPart[3] = { o->n.women, o->n.men, o->n.unknown };
            for (int k = 0; k < 3; k++) {
                if (aPart[k] != OUTREACH_NONE) {
                    v = (v == OUTREACH_NONE ? 0 : v) + aPart[k];
                }
            }
        }
        if (v != OUTREACH_NONE) {
            sum += v;
            bAny = 1;
        }
    }
    *pValue = sum;
    return bAny;
}

int
ind_dims_parse(const char *z, unsigned *pmDim)
{
    unsigned m = 0;
    while (z && *z) {
        while (*z == ' ' || *z == ',') {
            z++;
        }
        size_t n = strcspn(z, ", ");
        if (n == 0) {
            break;
        }
        int iFound = -1;
        for (int i = 0; i < IND_DIM_COUNT; i++) {
            if (strlen(aIndDim[i].zKey) == n &&
                strncmp(aIndDim[i].zKey, z, n) == 0) {
                iFound = i;
            }
        }
        if (iFound < 0) {
            return -1;
        }
        m |= 1u << iFound;
        z += n;
    }
    *pmDim = m;
    return 0;
}

/* Whether period z lies in year y ("2017", "2017Q3"). */
static int
period_in_year(const char *z, int y)
{
    int yz = 0;
    return ind_check_period(z, &yz, NULL) == 0 && yz == y;
}

/* The value of p for sex in year y without another breakdown: the
** year's own, else its latest quarter's. */
static const IndValue *
report_value(const Indicator *p, const IndValue *aV, size_t nV, int eSex,
             int year)
{
    const IndValue *pYear = NULL, *pQuarter = NULL;
    for (size_t i = 0; i < nV; i++) {
        const IndValue *v = &aV[i];
        if (strcmp(v->zCode, p->zCode) != 0 || v->iRev != p->iRev ||
            v->eSex != eSex || v->eDim != IND_DIM_COUNT ||
            !period_in_year(v->zPeriod, year)) {
            continue;
        }
        if (strlen(v->zPeriod) == 4) {
            pYear = v;
        } else if (!pQuarter || strcmp(v->zPeriod, pQuarter->zPeriod) > 0) {
            pQuarter = v;
        }
    }
    return pYear ? pYear : pQuarter;
}

size_t
ind_report_rows(const Indicator *a, size_t n, const IndValue *aV, size_t nV,
                int year, IndReportRow **paRow)
{
    IndReportRow *aRow = NULL;
    size_t nRow = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && strcmp(a[i + 1].zCode, a[i].zCode) == 0) {
            continue; /* the code's last (newest) revision decides */
        }
        /* The newest revision with a value in the year, else the newest. */
        const Indicator *p = &a[i];
        for (size_t j = i + 1;
             j-- > 0 && strcmp(a[j].zCode, a[i].zCode) == 0;) {
            int bHas = 0;
            for (size_t k = 0; k < nV && !bHas; k++) {
                bHas = strcmp(aV[k].zCode, a[j].zCode) == 0 &&
                       aV[k].iRev == a[j].iRev &&
                       period_in_year(aV[k].zPeriod, year);
            }
            if (bHas) {
                p = &a[j];
                break;
            }
        }
        int aSex[3] = { STAT_TOTAL, STAT_WOMEN, STAT_MEN };
        int nSex = (p->mDim & (1u << IND_DIM_SEX)) ? 3 : 1;
        for (int k = 0; k < nSex; k++) {
            aRow = xreallocarray(aRow, nRow + 1, sizeof *aRow);
            IndReportRow *r = &aRow[nRow++];
            memset(r, 0, sizeof *r);
            r->p = p;
            r->eSex = aSex[k];
            r->v = report_value(p, aV, nV, aSex[k], year);
            r->t = indicator_target(p, year);
            r->bProgress = r->v && r->t && p->bBaseline;
            if (r->bProgress) {
                r->prog = ind_progress(p->eDir, p->baseline, r->t->value,
                                       r->v->value);
            }
        }
    }
    *paRow = aRow;
    return nRow;
}

int
ind_code_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            while (*a == '0') {
                a++;
            }
            while (*b == '0') {
                b++;
            }
            size_t na = strspn(a, "0123456789"), nb = strspn(b, "0123456789");
            if (na != nb) {
                return na < nb ? -1 : 1;
            }
            int c = strncmp(a, b, na);
            if (c) {
                return c;
            }
            a += na;
            b += nb;
            continue;
        }
        if (*a != *b) {
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        }
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

int
indicator_cmp(const void *a, const void *b)
{
    const Indicator *p = a, *q = b;
    int c = ind_code_cmp(p->zCode, q->zCode);
    return c ? c : (p->iRev > q->iRev) - (p->iRev < q->iRev);
}

/* A computed figure of the complaints register (not of outreach). */
static int
ind_of_register(const Indicator *p)
{
    return p->bComputed && !p->mOutreach;
}

int
ind_value_small(const Indicator *p, const IndValue *v)
{
    return ind_of_register(p) && v && v->eSex != STAT_TOTAL &&
           v->den < CASE_SUPPRESS_BELOW;
}

int
ind_value_public(const Indicator *p, const IndValue *v, int eSex, int bSexSmall)
{
    if (!ind_of_register(p)) {
        return 1;
    }
    if (bSexSmall && eSex != STAT_TOTAL) {
        return 0;
    }
    return !v || v->den >= CASE_SUPPRESS_BELOW;
}
