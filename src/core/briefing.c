/*
** briefing.c — the quarterly briefing's selection and counting (see
** briefing.h for what goes where and why).  No I/O.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "briefing.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* English: the quarter's label kept with it (the JSON's); every text
** people read says them through the catalogue (month_name()). */
static const char *const azMonth[12] = {
    N_("January"),   N_("February"), N_("March"),    N_("April"),
    N_("May"),       N_("June"),     N_("July"),     N_("August"),
    N_("September"), N_("October"),  N_("November"), N_("December"),
};

/* Month m (1..12) in the reader's language. */
static const char *
month_name(int m)
{
    return _(azMonth[m - 1]);
}

static const char *const azQuarterEnd[4] = { "03-31", "06-30", "09-30",
                                             "12-31" };

/* The days and label of quarter q (1..4) of year y. */
static void
quarter_bounds(int y, int q, char zFrom[11], char zTo[11], char zLabel[40])
{
    /* Through a wide buffer: the compiler cannot see the year has four
    ** digits. */
    char zWide[64];
    (void)snprintf(zWide, sizeof zWide, "%04d-%02d-01", y, 3 * q - 2);
    memcpy(zFrom, zWide, 11);
    (void)snprintf(zWide, sizeof zWide, "%04d-%s", y, azQuarterEnd[q - 1]);
    memcpy(zTo, zWide, 11);
    (void)snprintf(zWide, sizeof zWide, "%s \xE2\x80\x93 %s %04d",
                   azMonth[3 * q - 3], azMonth[3 * q - 1], y);
    memcpy(zLabel, zWide, 40);
    zLabel[39] = 0;
}

int
briefing_quarter_parse(const char *zQuarter, BriefQuarter *q, AppErr *err)
{
    memset(q, 0, sizeof *q);
    const char *z = zQuarter ? zQuarter : "";
    char zYear[5];
    long y;
    size_t n = strlen(z);
    int bDash = n == 7 && z[4] == '-';
    const char *zQ = z + 4 + bDash;
    if ((n != 6 && !bDash) || (zQ[0] != 'Q' && zQ[0] != 'q') || zQ[1] < '1' ||
        zQ[1] > '4' || zQ[2] != 0) {
        goto bad;
    }
    memcpy(zYear, z, 4);
    zYear[4] = 0;
    for (int i = 0; i < 4; i++) {
        if (zYear[i] < '0' || zYear[i] > '9') {
            goto bad;
        }
    }
    if (str_to_long(zYear, 1900, 9998, &y)) {
        goto bad;
    }
    q->year = (int)y;
    q->q = zQ[1] - '0';
    memcpy(q->zCode, zYear, 4);
    q->zCode[4] = 'Q';
    q->zCode[5] = zQ[1];
    q->zCode[6] = 0;
    quarter_bounds(q->year, q->q, q->zFrom, q->zTo, q->zLabel);
    quarter_bounds(q->q == 4 ? q->year + 1 : q->year, q->q % 4 + 1,
                   q->zNextFrom, q->zNextTo, q->zNextLabel);
    return 0;
bad:
    return apperr_set(err, APPERR_USAGE,
                      "'%s' is not a quarter: write the year and the quarter, "
                      "as 2019Q3 or 2019-Q3",
                      z);
}

void
briefing_init(Briefing *b, const BriefQuarter *q, const char *zOrg)
{
    memset(b, 0, sizeof *b);
    b->q = *q;
    b->zOrg = zOrg;
}

/* Whether event o names organisation zOrg (any, when zOrg is NULL). */
static int
event_has_org(const Outreach *o, const char *zOrg)
{
    if (!zOrg) {
        return 1;
    }
    for (size_t i = 0; i < o->nOrg; i++) {
        if (str_eq(o->azOrg[i], zOrg)) {
            return 1;
        }
    }
    return 0;
}

static int
in_range(const char *zDate, const char *zFrom, const char *zTo)
{
    return strcmp(zDate, zFrom) >= 0 && strcmp(zDate, zTo) <= 0;
}

static void
push_event(const Outreach ***pap, size_t *pn, size_t *pnAlloc,
           const Outreach *o)
{
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    xgrow((void **)pap, pnAlloc, *pn, sizeof **pap);
    (*pap)[(*pn)++] = o;
}

static int
event_cmp(const void *pa, const void *pb)
{
    const Outreach *a = *(const Outreach *const *)pa;
    const Outreach *b = *(const Outreach *const *)pb;
    int c = strcmp(a->zFrom, b->zFrom);
    return c ? c : strcmp(a->zTitle, b->zTitle);
}

static int
media_cmp(const void *pa, const void *pb)
{
    const Media *a = *(const Media *const *)pa;
    const Media *b = *(const Media *const *)pb;
    int c = strcmp(a->zDate, b->zDate);
    return c ? c : strcmp(a->zTitle, b->zTitle);
}

static int
stat_ptr_cmp(const void *pa, const void *pb)
{
    return stat_obs_cmp(*(const StatObs *const *)pa,
                        *(const StatObs *const *)pb);
}

/* The first day a reference period covers: "2018-05" -> "2018-05-01",
** "2019Q3" -> "2019-07-01", "2017" -> "2017-01-01", "A/B" -> A's. */
static void
period_start(const char *zPeriod, char z[11])
{
    memcpy(z, "0000-01-01", 11);
    size_t n = strcspn(zPeriod, "/");
    if (n >= 4) {
        memcpy(z, zPeriod, 4);
    }
    if (n == 6 && zPeriod[4] == 'Q' && zPeriod[5] >= '1' && zPeriod[5] <= '4') {
        int m = 3 * (zPeriod[5] - '0') - 2;
        z[5] = (char)('0' + m / 10);
        z[6] = (char)('0' + m % 10);
    } else if (n >= 7) {
        memcpy(z + 5, zPeriod + 5, 2);
        if (n >= 10) {
            memcpy(z + 8, zPeriod + 8, 2);
        }
    }
}

/* Whether a and b are the same figure but for sex (and perhaps period). */
static int
same_series(const StatObs *a, const StatObs *b)
{
    return a->eMeasure == b->eMeasure && a->eChannel == b->eChannel &&
           str_eq(a->zDest, b->zDest);
}

static int
same_figure(const StatObs *a, const StatObs *b)
{
    return same_series(a, b) && str_eq(a->zPeriod, b->zPeriod) &&
           str_eq(a->zSource, b->zSource);
}

/* The figures known at the quarter's end: of each series (measure,
** destination, channel), those of its latest reference period starting on
** or before the quarter's last day. */
static void
select_figures(Briefing *b, const StatObs *aStat, size_t nStat)
{
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    const StatObs **ap = xcalloc(nStat ? nStat : 1, sizeof *ap);
    size_t n = 0;
    for (size_t i = 0; i < nStat; i++) {
        char z[11];
        period_start(aStat[i].zPeriod, z);
        if (strcmp(z, b->q.zTo) <= 0) {
            ap[n++] = &aStat[i];
        }
    }
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    qsort(ap, n, sizeof *ap, stat_ptr_cmp);
    size_t nAlloc = 0;
    for (size_t i = 0; i < n; i++) {
        /* Keep the figure if no figure of its series starts later. */
        char zMine[11], zOther[11];
        int bLatest = 1;
        period_start(ap[i]->zPeriod, zMine);
        for (size_t j = 0; j < n && bLatest; j++) {
            period_start(ap[j]->zPeriod, zOther);
            bLatest = !same_series(ap[i], ap[j]) || strcmp(zOther, zMine) <= 0;
        }
        if (!bLatest) {
            continue;
        }
        BriefFigure *f = b->nFigure ? &b->aFigure[b->nFigure - 1] : NULL;
        if (!f || !same_figure(f->pFirst, ap[i])) {
            xgrow((void **)&b->aFigure, &nAlloc, b->nFigure,
                  sizeof *b->aFigure);
            f = &b->aFigure[b->nFigure++];
            f->pFirst = ap[i];
            f->women = f->men = f->total = OUTREACH_NONE;
            f->zNote = NULL;
        }
        switch (ap[i]->eSex) {
        case STAT_WOMEN:
            f->women = ap[i]->value;
            break;
        case STAT_MEN:
            f->men = ap[i]->value;
            break;
        default:
            f->total = ap[i]->value;
            f->zNote = ap[i]->zNote;
        }
    }
    free(ap);
}

void
briefing_select(Briefing *b, const Outreach *aEv, size_t nEv,
                const Media *aMedia, size_t nMedia, const StatObs *aStat,
                size_t nStat)
{
    size_t nA = 0, nR = 0, nU = 0, nM = 0;
    for (size_t i = 0; i < nEv; i++) {
        const Outreach *o = &aEv[i];
        const char *zLast = o->zTo ? o->zTo : o->zFrom;
        if (!event_has_org(o, b->zOrg)) {
            continue;
        }
        if (o->eStatus == OUTREACH_PLANNED) {
            if (in_range(o->zFrom, b->q.zNextFrom, b->q.zNextTo)) {
                push_event(&b->apUpcoming, &b->nUpcoming, &nU, o);
            }
        } else if (in_range(o->zFrom, b->q.zFrom, b->q.zTo)) {
            push_event(&b->apActivity, &b->nActivity, &nA, o);
        } else if (strcmp(o->zFrom, b->q.zFrom) < 0 &&
                   in_range(zLast, b->q.zFrom, b->q.zTo)) {
            push_event(&b->apResult, &b->nResult, &nR, o);
        }
    }
    for (size_t i = 0; i < nMedia; i++) {
        if (in_range(aMedia[i].zDate, b->q.zFrom, b->q.zTo)) {
            /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
            xgrow((void **)&b->apMedia, &nM, b->nMedia, sizeof *b->apMedia);
            b->apMedia[b->nMedia++] = &aMedia[i];
        }
    }
    if (b->nActivity) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
        qsort(b->apActivity, b->nActivity, sizeof *b->apActivity, event_cmp);
    }
    if (b->nResult) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
        qsort(b->apResult, b->nResult, sizeof *b->apResult, event_cmp);
    }
    if (b->nUpcoming) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
        qsort(b->apUpcoming, b->nUpcoming, sizeof *b->apUpcoming, event_cmp);
    }
    if (b->nMedia) {
        /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
        qsort(b->apMedia, b->nMedia, sizeof *b->apMedia, media_cmp);
    }
    select_figures(b, aStat, nStat);
}

void
briefing_add_case(Briefing *b, const Case *c)
{
    if (c->eStage != STAGE_RESOLVED || !c->zResolved[0] ||
        !in_range(c->zResolved, b->q.zFrom, b->q.zTo)) {
        return;
    }
    const char *zOrg = c->zAssistingOrg ? c->zAssistingOrg : "";
    if (b->zOrg && !str_eq(zOrg, b->zOrg)) {
        return;
    }
    BriefCases *k = NULL;
    size_t i = 0;
    while (i < b->nCases && strcmp(b->aCases[i].zOrg, zOrg) < 0) {
        i++;
    }
    if (i < b->nCases && str_eq(b->aCases[i].zOrg, zOrg)) {
        k = &b->aCases[i];
    } else {
        /* Few organisations assist cases: a sorted insert is enough. */
        b->aCases = xreallocarray(b->aCases, b->nCases + 1, sizeof *b->aCases);
        memmove(&b->aCases[i + 1], &b->aCases[i],
                (b->nCases - i) * sizeof *b->aCases);
        b->nCases++;
        k = &b->aCases[i];
        memset(k, 0, sizeof *k);
        k->zOrg = xstrdup(zOrg);
    }
    k->nResolved++;
    k->nWomen += c->eSex == SEX_FEMALE;
    k->nMen += c->eSex == SEX_MALE;
    k->nUnknown += c->eSex != SEX_FEMALE && c->eSex != SEX_MALE;
    if (c->requested || c->ordered || c->paid) {
        if (!k->zCurrency[0]) {
            memcpy(k->zCurrency, c->zCurrency, sizeof k->zCurrency);
        } else if (strcmp(k->zCurrency, c->zCurrency) != 0) {
            memcpy(k->zCurrency, "*", 2);
        }
        k->requested += c->requested;
        k->ordered += c->ordered;
        k->paid += c->paid;
    }
}

void
briefing_release(Briefing *b)
{
    free(b->apActivity);
    free(b->apResult);
    free(b->apUpcoming);
    free(b->apMedia);
    free(b->aFigure);
    for (size_t i = 0; i < b->nCases; i++) {
        free(b->aCases[i].zOrg);
    }
    free(b->aCases);
    memset(b, 0, sizeof *b);
}

int
briefing_is_empty(const Briefing *b)
{
    return !b->nActivity && !b->nResult && !b->nUpcoming && !b->nMedia &&
           !b->nFigure && !b->nCases;
}

void
briefing_number(Buf *b, int64_t n)
{
    char z[32];
    int bNeg = n < 0;
    uint64_t u = bNeg ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    (void)snprintf(z, sizeof z, "%llu", (unsigned long long)u);
    size_t len = strlen(z);
    if (bNeg) {
        buf_putc(b, '-');
    }
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0) {
            buf_putc(b, ',');
        }
        buf_putc(b, z[i]);
    }
}

void
briefing_people(Buf *b, const SexCounts *c)
{
    if (c->total == OUTREACH_NONE) {
        return;
    }
    briefing_number(b, c->total);
    if (c->men == OUTREACH_NONE && c->unknown == OUTREACH_NONE) {
        if (c->women != OUTREACH_NONE) {
            Buf n = BUF_INIT;
            briefing_number(&n, c->women);
            buf_printf(b, _(" (including %s women)"), buf_str(&n));
            buf_release(&n);
        }
        return;
    }
    const char *zSep = " (";
    /* TRANSLATORS: "W" and "M" mark the counts of women and men:
    ** "120 (W45: M75)"; the method says "W(omen): M(en)". */
    if (c->women != OUTREACH_NONE) {
        buf_printf(b, "%s%s", zSep, _("W"));
        briefing_number(b, c->women);
        zSep = ": ";
    }
    if (c->men != OUTREACH_NONE) {
        buf_printf(b, "%s%s", zSep, _("M"));
        briefing_number(b, c->men);
        zSep = ": ";
    }
    if (c->unknown != OUTREACH_NONE) {
        buf_printf(b, "%s%s ", zSep, _("unknown"));
        briefing_number(b, c->unknown);
    }
    buf_putc(b, ')');
}

void
briefing_amount(Buf *b, int64_t minor)
{
    briefing_number(b, minor / 100);
    if (minor % 100) {
        buf_printf(b, ".%02d", (int)(minor % 100));
    }
}

/* The two digits at z as a number (dates are checked on import). */
static int
two_digits(const char *z)
{
    return (z[0] - '0') * 10 + (z[1] - '0');
}

/* Month m (1..12) of a date. */
static int
month_of(const char *zDate)
{
    int m = two_digits(zDate + 5);
    return m >= 1 && m <= 12 ? m : 1;
}

/* Whether zFrom..zTo are whole months: the first day of one to the last
** day of one. */
static int
whole_months(const char *zFrom, const char *zTo)
{
    int y = two_digits(zTo) * 100 + two_digits(zTo + 2);
    int nLast = str_month_days(y, month_of(zTo));
    return two_digits(zFrom + 8) == 1 && two_digits(zTo + 8) == nLast;
}

void
briefing_when(Buf *b, const char *zFrom, const char *zTo)
{
    int d1 = two_digits(zFrom + 8), m1 = month_of(zFrom);
    if (!zTo || str_eq(zFrom, zTo)) {
        buf_printf(b, "%d %s", d1, month_name(m1));
        return;
    }
    int d2 = two_digits(zTo + 8), m2 = month_of(zTo);
    int bSameYear = strncmp(zFrom, zTo, 4) == 0;
    if (whole_months(zFrom, zTo)) {
        /* As the seed says them: "In July", "April 2017-July 2019". */
        if (bSameYear && m1 == m2) {
            buf_puts(b, month_name(m1));
        } else if (bSameYear) {
            buf_printf(b, "%s \xE2\x80\x93 %s", month_name(m1), month_name(m2));
        } else {
            buf_printf(b, "%s %.4s \xE2\x80\x93 %s %.4s", month_name(m1), zFrom,
                       month_name(m2), zTo);
        }
    } else if (m1 == m2 && bSameYear) {
        buf_printf(b, "%d\xE2\x80\x93%d %s", d1, d2, month_name(m1));
    } else if (bSameYear) {
        buf_printf(b, "%d %s \xE2\x80\x93 %d %s", d1, month_name(m1), d2,
                   month_name(m2));
    } else {
        buf_printf(b, "%d %s %.4s \xE2\x80\x93 %d %s %.4s", d1, month_name(m1),
                   zFrom, d2, month_name(m2), zTo);
    }
}

/* One part of a period: "2018-05" as "May 2018", a day as "31 August
** 2019", a year or quarter as written. */
static void
period_part(Buf *b, const char *z, size_t n)
{
    if (n == 7 && z[4] == '-') {
        buf_printf(b, "%s %.4s", month_name(month_of(z)), z);
    } else if (n == 10) {
        buf_printf(b, "%d %s %.4s", two_digits(z + 8), month_name(month_of(z)),
                   z);
    } else {
        buf_append(b, z, n);
    }
}

void
briefing_period(Buf *b, const char *zPeriod)
{
    size_t n = strcspn(zPeriod, "/");
    period_part(b, zPeriod, n);
    if (zPeriod[n] == '/') {
        buf_puts(b, " \xE2\x80\x93 ");
        period_part(b, zPeriod + n + 1, strlen(zPeriod + n + 1));
    }
}

void
briefing_quarter_label(const BriefQuarter *q, int bNext, Buf *b)
{
    int y = q->year, k = q->q;
    if (bNext) {
        y += k == 4;
        k = k == 4 ? 1 : k + 1;
    }
    buf_printf(b, "%s \xE2\x80\x93 %s %04d", month_name(3 * k - 2),
               month_name(3 * k), y);
}

void
briefing_method(const Briefing *b, Buf *out)
{
    Buf now = BUF_INIT, next = BUF_INIT;
    briefing_quarter_label(&b->q, 0, &now);
    briefing_quarter_label(&b->q, 1, &next);
    buf_printf(out,
               _("Activities are the events held whose first day is in %s. "
                 "Partner results are the results over a period that began "
                 "before the quarter and ended in it (a partner reports what "
                 "it achieved when its agreement period closes, so they are "
                 "reported in the quarter the period ends in, not dated by "
                 "it). The complaints register gives, per assisting "
                 "organisation, the cases resolved in the quarter. Upcoming "
                 "events are the planned events of %s. At a glance shows, "
                 "for each destination and channel, the latest figures whose "
                 "reference date began by the quarter's end, with their "
                 "source."),
               buf_str(&now), buf_str(&next));
    buf_putc(out, ' ');
    if (b->zOrg) {
        buf_printf(out,
                   _("Events and cases are those %s took part in; statistics "
                     "and media coverage are the programme's."),
                   b->zOrg);
        buf_putc(out, ' ');
    }
    buf_puts(out, _("Counts are written as W(omen): M(en); a total with only "
                    "the women counted says \"including\". Generated by "
                    "lmpmon from the data."));
    buf_release(&now);
    buf_release(&next);
}
