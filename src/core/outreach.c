/*
** outreach.c — the vocabulary and rules of outreach events, media coverage
** and migration statistics (see outreach.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outreach.h"
#include "model.h"
#include "../base/i18n.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static const CodeName aOutreachKind[OUTREACH_KIND_COUNT] = {
    [OUTREACH_TRAINING] = { "training", N_("Training") },
    [OUTREACH_MEETING] = { "meeting", N_("Meeting") },
    [OUTREACH_COUNSELLING] = { "counselling", N_("Counselling") },
    [OUTREACH_DISSEMINATION] = { "dissemination", N_("Dissemination") },
    [OUTREACH_CONSULTATION] = { "consultation", N_("Consultation") },
    [OUTREACH_WORKSHOP] = { "workshop", N_("Workshop") },
    [OUTREACH_LEGAL_ASSISTANCE] = { "legal_assistance",
                                    N_("Legal assistance and dispute resolution") },
    [OUTREACH_OTHER] = { "other", N_("Other") },
};
static const CodeName aOutreachStatus[OUTREACH_STATUS_COUNT] = {
    [OUTREACH_HELD] = { "held", N_("Held") },
    [OUTREACH_PLANNED] = { "planned", N_("Planned") },
};
static const CodeName aStatMeasure[STAT_MEASURE_COUNT] = {
    [STAT_STOCK] = { "stock", N_("Stock") },
    [STAT_FLOW] = { "flow", N_("Flow") },
};
static const CodeName aStatChannel[STAT_CHANNEL_COUNT] = {
    [STAT_MOU] = { "mou", N_("MOU") },
    [STAT_NV] = { "nationality_verification", N_("Nationality verification") },
    [STAT_SEASONAL] = { "seasonal", N_("Seasonal") },
    [STAT_ONE_STOP] = { "one_stop", N_("One-stop service registration") },
    [STAT_CHANNEL_ANY] = { "other", N_("All or other channels") },
};
static const CodeName aStatSex[STAT_SEX_COUNT] = {
    [STAT_WOMEN] = { "women", N_("Women") },
    [STAT_MEN] = { "men", N_("Men") },
    [STAT_TOTAL] = { "total", N_("Total") },
};

const CodeName *
outreach_code_table(CodeKind k, size_t *pn)
{
    switch (k) {
    case CODE_OUTREACH_KIND:
        *pn = OUTREACH_KIND_COUNT;
        return aOutreachKind;
    case CODE_OUTREACH_STATUS:
        *pn = OUTREACH_STATUS_COUNT;
        return aOutreachStatus;
    case CODE_STAT_MEASURE:
        *pn = STAT_MEASURE_COUNT;
        return aStatMeasure;
    case CODE_STAT_CHANNEL:
        *pn = STAT_CHANNEL_COUNT;
        return aStatChannel;
    default:
        *pn = STAT_SEX_COUNT;
        return aStatSex;
    }
}

static void
strv_release(char **az, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(az[i]);
    }
    free(az);
}

void
outreach_init(Outreach *o)
{
    memset(o, 0, sizeof *o);
    o->n = (SexCounts){ OUTREACH_NONE, OUTREACH_NONE, OUTREACH_NONE,
                        OUTREACH_NONE };
    o->requested = o->ordered = OUTREACH_NONE;
}

void
outreach_release(Outreach *o)
{
    free(o->zFrom);
    free(o->zTo);
    free(o->zTitle);
    strv_release(o->azPlace, o->nPlace);
    strv_release(o->azOrg, o->nOrg);
    free(o->zPlan);
    strv_release(o->azActivity, o->nActivity);
    free(o->zCurrency);
    free(o->zPurpose);
    free(o->zAttendees);
    free(o->zNotes);
    outreach_init(o);
}

void
media_release(Media *m)
{
    free(m->zDate);
    free(m->zTitle);
    free(m->zOutlet);
    free(m->zLink);
    memset(m, 0, sizeof *m);
}

void
stat_obs_release(StatObs *s)
{
    free(s->zDest);
    free(s->zPeriod);
    free(s->zSource);
    free(s->zNote);
    memset(s, 0, sizeof *s);
}

/* ** RULE: counts of people by sex */
int
outreach_check_counts(SexCounts *c, AppErr *err)
{
    const struct {
        const char *zName;
        int64_t v;
    } aPart[] = {
        { "women", c->women },
        { "men", c->men },
        { "unknown", c->unknown },
        { "total", c->total },
    };

    for (size_t i = 0; i < sizeof aPart / sizeof aPart[0]; i++) {
        if (aPart[i].v < 0 && aPart[i].v != OUTREACH_NONE) {
            return apperr_set(err, APPERR_INPUT,
                              "%s: a count cannot be negative", aPart[i].zName);
        }
    }
    int64_t nPart = 0;
    int bAnyPart = 0;
    for (size_t i = 0; i < 3; i++) {
        if (aPart[i].v != OUTREACH_NONE) {
            nPart += aPart[i].v;
            bAnyPart = 1;
        }
    }
    if (c->women != OUTREACH_NONE && c->men != OUTREACH_NONE) {
        if (c->total == OUTREACH_NONE) {
            c->total = nPart;
        } else if (c->total != nPart) {
            if (c->unknown == OUTREACH_NONE) {
                return apperr_set(
                    err, APPERR_INPUT,
                    "total: %lld is not women + men (%lld + %lld = %lld); "
                    "give the count of unknown sex if some were not counted",
                    (long long)c->total, (long long)c->women, (long long)c->men,
                    (long long)nPart);
            }
            return apperr_set(err, APPERR_INPUT,
                              "total: %lld is not women + men + unknown "
                              "(%lld + %lld + %lld = %lld)",
                              (long long)c->total, (long long)c->women,
                              (long long)c->men, (long long)c->unknown,
                              (long long)nPart);
        }
        return 0;
    }
    if (bAnyPart && c->total == OUTREACH_NONE) {
        return apperr_set(err, APPERR_INPUT,
                          "total: needed when only part of the split by sex "
                          "is given");
    }
    if (bAnyPart && nPart > c->total) {
        return apperr_set(err, APPERR_INPUT,
                          "total: %lld is less than the counts by sex given "
                          "(%lld)",
                          (long long)c->total, (long long)nPart);
    }
    return 0;
}

int
outreach_check(Outreach *o, AppErr *err)
{
    if (!o->zFrom || !str_is_date(o->zFrom)) {
        return apperr_set(err, APPERR_INPUT,
                          "date: '%s' is not a date (YYYY-MM-DD)",
                          o->zFrom ? o->zFrom : "");
    }
    if (o->zTo && !str_is_date(o->zTo)) {
        return apperr_set(err, APPERR_INPUT,
                          "date_to: '%s' is not a date (YYYY-MM-DD)", o->zTo);
    }
    if (o->zTo && strcmp(o->zTo, o->zFrom) < 0) {
        return apperr_set(err, APPERR_INPUT,
                          "date_to: %s is before the first day %s", o->zTo,
                          o->zFrom);
    }
    if (!o->zTitle || !*o->zTitle) {
        return apperr_set(err, APPERR_INPUT, "title: missing");
    }
    if (o->nActivity > 0 && !o->zPlan) {
        return apperr_set(err, APPERR_INPUT,
                          "plan: needed to name the linked activities");
    }
    if ((o->requested != OUTREACH_NONE || o->ordered != OUTREACH_NONE) &&
        !o->zCurrency) {
        return apperr_set(err, APPERR_INPUT, "currency: needed with an amount");
    }
    if (o->eStatus == OUTREACH_PLANNED &&
        (o->n.women != OUTREACH_NONE || o->n.men != OUTREACH_NONE ||
         o->n.unknown != OUTREACH_NONE || o->n.total != OUTREACH_NONE)) {
        return apperr_set(err, APPERR_INPUT,
                          "status: a planned event has reached nobody yet; "
                          "leave its counts empty");
    }
    return outreach_check_counts(&o->n, err);
}

/* "YYYY-MM-DD" of year y (1900-2999), month and day into zOut (11 bytes):
** the bounds of a period, compared as text ("-31" closes every month). */
static void
period_day(char *zOut, long y, long m, long d)
{
    char z[64];
    (void)snprintf(z, sizeof z, "%04ld-%02ld-%02ld", y, m, d);
    memcpy(zOut, z, 10);
    zOut[10] = '\0';
}

/* The length of the date, month, quarter or year at z (0 if none), and
** its first and last day as comparable text in zLo, zHi (11 bytes). */
static size_t
period_part(const char *z, size_t n, char *zLo, char *zHi)
{
    char zBuf[16];
    if (n >= sizeof zBuf) {
        return 0;
    }
    memcpy(zBuf, z, n);
    zBuf[n] = 0;
    long y, m;
    if (n == 10 && str_is_date(zBuf)) {
        memcpy(zLo, zBuf, 11);
        memcpy(zHi, zBuf, 11);
        return n;
    }
    char zY[5] = { 0 };
    if (n < 4) {
        return 0;
    }
    memcpy(zY, zBuf, 4);
    if (str_to_long(zY, 1900, 2999, &y)) {
        return 0;
    }
    if (n == 4) {
        period_day(zLo, y, 1, 1);
        period_day(zHi, y, 12, 31);
        return n;
    }
    if (n == 6 && zBuf[4] == 'Q' && zBuf[5] >= '1' && zBuf[5] <= '4') {
        long q = zBuf[5] - '0';
        period_day(zLo, y, 3 * q - 2, 1);
        period_day(zHi, y, 3 * q, 31);
        return n;
    }
    if (n == 7 && zBuf[4] == '-' && !str_to_long(zBuf + 5, 1, 12, &m) &&
        zBuf[5] >= '0' && zBuf[5] <= '1') {
        period_day(zLo, y, m, 1);
        period_day(zHi, y, m, 31);
        return n;
    }
    return 0;
}

int
outreach_check_period(const char *z, AppErr *err)
{
    const char *zSlash = z ? strchr(z, '/') : NULL;
    size_t n = z ? strlen(z) : 0;
    char zLo1[11], zHi1[11], zLo2[11], zHi2[11];
    size_t n1 = zSlash ? (size_t)(zSlash - z) : n;
    int bOk = n1 > 0 && period_part(z, n1, zLo1, zHi1) == n1;
    if (bOk && zSlash) {
        size_t n2 = n - n1 - 1;
        bOk = n2 > 0 && period_part(zSlash + 1, n2, zLo2, zHi2) == n2 &&
              strcmp(zLo1, zLo2) <= 0;
    }
    if (!bOk) {
        return apperr_set(err, APPERR_INPUT,
                          "'%s' is not a reference date or period (2019-08-31, "
                          "2018-05, 2019Q3, 2017, or two joined by '/': "
                          "2017-04/2019-07)",
                          z ? z : "");
    }
    return 0;
}

int
stat_obs_cmp(const StatObs *a, const StatObs *b)
{
    int c = (int)a->eMeasure - (int)b->eMeasure;
    if (!c) {
        c = strcmp(a->zDest, b->zDest);
    }
    if (!c) {
        c = (int)a->eChannel - (int)b->eChannel;
    }
    if (!c) {
        c = strcmp(a->zPeriod, b->zPeriod);
    }
    if (!c) {
        c = strcmp(a->zSource, b->zSource);
    }
    return c ? c : (int)a->eSex - (int)b->eSex;
}

static int
stat_same_figure(const StatObs *a, const StatObs *b)
{
    return a->eMeasure == b->eMeasure && strcmp(a->zDest, b->zDest) == 0 &&
           a->eChannel == b->eChannel && strcmp(a->zPeriod, b->zPeriod) == 0 &&
           strcmp(a->zSource, b->zSource) == 0;
}

static int
stat_cmp_ptr(const void *pA, const void *pB)
{
    return stat_obs_cmp(*(const StatObs *const *)pA,
                        *(const StatObs *const *)pB);
}

/* ** RULE: women + men = total for one figure */
int
stat_check_sums(const StatObs *a, size_t n, size_t *piBad, AppErr *err)
{
    /* Sorted, each figure's sexes come together. */
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    const StatObs **ap = xcalloc(n ? n : 1, sizeof *ap);
    for (size_t i = 0; i < n; i++) {
        ap[i] = &a[i];
    }
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    qsort(ap, n, sizeof *ap, stat_cmp_ptr);
    int rc = 0;
    for (size_t g = 0; g < n && rc == 0;) {
        size_t h = g + 1;
        while (h < n && stat_same_figure(ap[g], ap[h])) {
            h++;
        }
        const StatObs *apSex[STAT_SEX_COUNT] = { 0 };
        for (size_t k = g; k < h && rc == 0; k++) {
            const StatObs *o = ap[k];
            if (apSex[o->eSex]) {
                *piBad = (size_t)(o - a);
                rc = apperr_set(
                    err, APPERR_INPUT, "%s: given twice for %s in %s (%s)",
                    aStatSex[o->eSex].zKey, o->zDest, o->zPeriod, o->zSource);
            }
            apSex[o->eSex] = o;
        }
        if (rc == 0 && apSex[STAT_WOMEN] && apSex[STAT_MEN] &&
            apSex[STAT_TOTAL] &&
            apSex[STAT_WOMEN]->value + apSex[STAT_MEN]->value !=
                apSex[STAT_TOTAL]->value) {
            *piBad = (size_t)(apSex[STAT_TOTAL] - a);
            rc = apperr_set(
                err, APPERR_INPUT,
                "value: total %lld is not women + men (%lld + %lld = %lld)",
                (long long)apSex[STAT_TOTAL]->value,
                (long long)apSex[STAT_WOMEN]->value,
                (long long)apSex[STAT_MEN]->value,
                (long long)apSex[STAT_WOMEN]->value + apSex[STAT_MEN]->value);
        }
        g = h;
    }
    free(ap);
    return rc;
}

/* ** RULE: who writes an outreach event */
int
outreach_may_write(const Actor *who, const Outreach *o, AppErr *err)
{
    if (who->eRole == ROLE_ADMIN || who->eRole == ROLE_ME_OFFICER) {
        return 0;
    }
    if (who->eRole != ROLE_REPORTER) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only reporters, M&E officers and administrators "
                            "record outreach events"));
    }
    if (!who->zOrg || !*who->zOrg) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("your account belongs to no organisation, so it "
                            "cannot record outreach events"));
    }
    for (size_t i = 0; i < o->nOrg; i++) {
        if (strcmp(o->azOrg[i], who->zOrg) == 0) {
            return 0;
        }
    }
    return apperr_set(err, APPERR_FORBIDDEN,
                      _("organisations: a reporter of %s records only events "
                        "%s held or took part in"),
                      who->zOrg, who->zOrg);
}

/* ** RULE: who writes media coverage */
int
outreach_may_write_media(const Actor *who, AppErr *err)
{
    if (who->eRole == ROLE_ADMIN || who->eRole == ROLE_ME_OFFICER) {
        return 0;
    }
    return apperr_set(err, APPERR_FORBIDDEN,
                      _("only M&E officers and administrators record media "
                        "coverage"));
}

/* ** RULE: who writes migration statistics */
int
stat_may_write(const Actor *who, AppErr *err)
{
    if (who->eRole == ROLE_ADMIN || who->eRole == ROLE_ME_OFFICER) {
        return 0;
    }
    return apperr_set(err, APPERR_FORBIDDEN,
                      _("only M&E officers and administrators record "
                        "migration statistics"));
}
