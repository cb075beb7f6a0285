/*
** cases.c — case vocabulary, dates, amounts and the complaints indicator
** (see cases.h).
**
** The report counts each case once per dimension; a case with several
** complaint types counts once under each of its types.  Values are found
** through a small hash table per dimension, so counting a million cases
** costs a few hash lookups each, not a scan of every value seen.
*/
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "review.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static const char *const azSex[SEX_COUNT] = { "female", "male", "unknown" };
static const char *const azLegal[LEGAL_COUNT] = { "regular", "irregular",
                                                  "unknown" };
static const char *const azSatisfied[SATISFIED_COUNT] = { "yes", "no",
                                                          "unknown" };
static const char *const azStage[STAGE_COUNT] = {
    "lodged", "conciliation", "resolved",
    "court",  "withdrawn",    "closed_unresolved",
};
static const char *const azChannel[CHANNEL_COUNT] = {
    "mrc", "pdolvt", "hotline", "ngo", "embassy", "other",
};
static const char *const azType[TYPE_COUNT] = {
    "unpaid_wages", "deception", "confiscated_documents", "abuse", "injury",
    "death",        "other",
};
/* What pages show for each key above, in the same order (one label per
** code, as core/codes.h's tables). */
static const char *const azSexLabel[SEX_COUNT] = { N_("Female"), N_("Male"),
                                                   N_("Unknown") };
static const char *const azLegalLabel[LEGAL_COUNT] = { N_("Regular"),
                                                       N_("Irregular"),
                                                       N_("Unknown") };
static const char *const azSatisfiedLabel[SATISFIED_COUNT] = {
    N_("Yes"), N_("No"), N_("Not known")
};
static const char *const azStageLabel[STAGE_COUNT] = {
    N_("Lodged"),    N_("Conciliation"),
    N_("Resolved"),  N_("Referred to court"),
    N_("Withdrawn"), N_("Closed, unresolved"),
};
static const char *const azChannelLabel[CHANNEL_COUNT] = {
    N_("Migrant Worker Resource Centre"),
    N_("PDOLVT"),
    N_("Hotline"),
    N_("NGO"),
    N_("Embassy"),
    N_("Other"),
};
static const char *const azTypeLabel[TYPE_COUNT] = {
    N_("Unpaid wages"), N_("Deception"), N_("Confiscated documents"),
    N_("Abuse"),        N_("Injury"),    N_("Death"),
    N_("Other"),
};
/* The dimensions' keys (files, the CLI's --by); pages show their
** translations ("By sex"). */
static const char *const azDim[DIM_COUNT] = {
    N_("all"),         N_("sex"),           N_("province"),
    N_("destination"), N_("assisting_org"), N_("complaint_type"),
};

const char *
case_sex_name(CaseSex e)
{
    return azSex[(unsigned)e < SEX_COUNT ? e : SEX_UNKNOWN];
}

const char *
case_sex_label(CaseSex e)
{
    return _(azSexLabel[(unsigned)e < SEX_COUNT ? e : SEX_UNKNOWN]);
}

int
case_sex_parse(const char *z, CaseSex *p)
{
    static const struct {
        const char *z;
        CaseSex e;
    } aAlt[] = { { "f", SEX_FEMALE },     { "w", SEX_FEMALE },
                 { "woman", SEX_FEMALE }, { "women", SEX_FEMALE },
                 { "m", SEX_MALE },       { "man", SEX_MALE },
                 { "men", SEX_MALE },     { "", SEX_UNKNOWN } };

    int i = str_key_index(azSex, SEX_COUNT, z);
    if (i >= 0) {
        *p = (CaseSex)i;
        return 0;
    }
    char *f = str_fold(z ? z : "");
    int rc = -1;
    for (size_t k = 0; k < sizeof aAlt / sizeof aAlt[0] && rc; k++) {
        if (strcmp(f, aAlt[k].z) == 0) {
            *p = aAlt[k].e;
            rc = 0;
        }
    }
    free(f);
    return rc;
}

#define CASE_ENUM(name, Type, az, azLabel, n, zEmpty)                          \
 const char *case_##name##_name(Type e)                                        \
 {                                                                             \
  return (az)[(unsigned)e < (unsigned)(n) ? (int)e : (n)-1];                   \
 }                                                                             \
 const char *case_##name##_label(Type e)                                       \
 {                                                                             \
  return _((azLabel)[(unsigned)e < (unsigned)(n) ? (int)e : (n)-1]);           \
 } /* NOLINTNEXTLINE(bugprone-macro-parentheses): Type is a type name */       \
 int case_##name##_parse(const char *z, Type *p)                               \
 {                                                                             \
  int i = str_key_index(az, n, (z && *z) ? z : (zEmpty));                      \
  if (i < 0) {                                                                 \
   return -1;                                                                  \
  }                                                                            \
  *p = (Type)i;                                                                \
  return 0;                                                                    \
 }

CASE_ENUM(legal, CaseLegal, azLegal, azLegalLabel, LEGAL_COUNT, "unknown")
CASE_ENUM(satisfied, CaseSatisfied, azSatisfied, azSatisfiedLabel,
          SATISFIED_COUNT, "unknown")
CASE_ENUM(stage, CaseStage, azStage, azStageLabel, STAGE_COUNT, "lodged")
CASE_ENUM(channel, CaseChannel, azChannel, azChannelLabel, CHANNEL_COUNT,
          "other")

const char *
case_type_name(CaseType e)
{
    return azType[(unsigned)e < TYPE_COUNT ? e : TYPE_OTHER];
}

const char *
case_type_label(CaseType e)
{
    return _(azTypeLabel[(unsigned)e < TYPE_COUNT ? e : TYPE_OTHER]);
}

int
case_types_parse(const char *z, unsigned *pTypes)
{
    unsigned t = 0;
    const char *p = z ? z : "";
    while (*p) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *zOne = xstrndup(p, n);
        char *zTrim = str_trim(zOne);
        if (*zTrim) {
            int i = str_key_index(azType, TYPE_COUNT, zTrim);
            if (i < 0) {
                free(zOne);
                free(zTrim);
                return -1;
            }
            t |= 1u << i;
        }
        free(zOne);
        free(zTrim);
        p += n;
        if (*p == ';') {
            p++;
        }
    }
    *pTypes = t;
    return 0;
}

void
case_release(Case *c)
{
    free(c->zCaseNo);
    free(c->zAssistingOrg);
    free(c->zProvince);
    free(c->zAgeBand);
    free(c->zDestination);
    free(c->zSector);
    free(c->zAgency);
    free(c->zOutcome);
    memset(c, 0, sizeof *c);
}

void
case_file_release(CaseFile *f)
{
    case_release(&f->c);
    for (size_t i = 0; i < f->nEvent; i++) {
        free(f->aEvent[i].zNote);
        free(f->aEvent[i].zActor);
    }
    free(f->aEvent);
    for (size_t i = 0; i < f->nPayment; i++) {
        free(f->aPayment[i].zActor);
    }
    free(f->aPayment);
    memset(f, 0, sizeof *f);
}

const char *
case_dim_name(CaseDim e)
{
    return azDim[(unsigned)e < DIM_COUNT ? e : 0];
}

int
case_place_code(const Gazetteer *g, GazKind k, const char *z,
                char zCode[GAZ_CODE_BYTES], AppErr *err)
{
    const char *zAt = z ? z : "";
    while (*zAt == ' ' || *zAt == '\t') {
        zAt++;
    }
    const char *zFound = NULL;
    if (!*zAt) {
        zCode[0] = 0;
        return 0;
    }
    if (gaz_resolve(g, k, z, &zFound, err) == 0) {
        (void)snprintf(zCode, GAZ_CODE_BYTES, "%s", zFound);
        return 0;
    }
    /* The gazetteer's message, in the reader's language. */
    Buf b = BUF_INIT;
    gaz_suggest(g, k, z, 3, &b);
    if (b.n) {
        apperr_set(err, APPERR_INPUT,
                   k == GAZ_PROVINCE ? _("unknown province '%s' (closest: %s)")
                                     : _("unknown country '%s' (closest: %s)"),
                   z, buf_str(&b));
    } else {
        apperr_set(err, APPERR_INPUT,
                   k == GAZ_PROVINCE ? _("unknown province '%s'")
                                     : _("unknown country '%s'"),
                   z);
    }
    buf_release(&b);
    return -1;
}

int
case_amount_parse(const char *z, int64_t *pMinor)
{
    int64_t major = 0;
    int nDigits = 0;
    const char *p = z;
    while (*p == ' ') {
        p++;
    }
    if (!*p) {
        *pMinor = 0;
        return 0;
    }
    while (*p >= '0' && *p <= '9') {
        if (major > (INT64_MAX / 100 - 9) / 10) {
            return -1;
        }
        major = major * 10 + (*p - '0');
        p++;
        nDigits++;
    }
    int64_t minor = 0;
    if (*p == '.') {
        p++;
        int nDec = 0;
        while (*p >= '0' && *p <= '9' && nDec < 3) {
            minor = minor * 10 + (*p - '0');
            p++;
            nDec++;
        }
        if (nDec == 0 || nDec > 2) {
            return -1;
        }
        if (nDec == 1) {
            minor *= 10;
        }
    }
    while (*p == ' ') {
        p++;
    }
    if (*p || nDigits == 0) {
        return -1;
    }
    *pMinor = major * 100 + minor;
    return 0;
}

void
case_amount_format(Buf *b, int64_t minor)
{
    buf_printf(b, "%lld.%02lld", (long long)(minor / 100),
               (long long)(minor % 100));
}

static void
case_date_split(const char *z, int *y, int *m, int *d)
{
    *y = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 +
         (z[3] - '0');
    *m = (z[5] - '0') * 10 + (z[6] - '0');
    *d = (z[8] - '0') * 10 + (z[9] - '0');
}

void
case_three_months_after(const char *zLodged, char zOut[11])
{
    int y, m, d;
    case_date_split(zLodged, &y, &m, &d);
    m += 3;
    if (m > 12) {
        m -= 12;
        y++;
    }
    int last = str_month_days(y, m);
    if (d > last) {
        d = last;
    }
    /* The first of that month, then d - 1 days on: one date writer. */
    char zFirst[11];
    memcpy(zFirst, "0000-00-01", 11);
    zFirst[0] = (char)('0' + y / 1000 % 10);
    zFirst[1] = (char)('0' + y / 100 % 10);
    zFirst[2] = (char)('0' + y / 10 % 10);
    zFirst[3] = (char)('0' + y % 10);
    zFirst[5] = (char)('0' + m / 10);
    zFirst[6] = (char)('0' + m % 10);
    str_date_from_days(str_date_days(zFirst) + d - 1, zOut);
}

void
case_year_bounds(long y, char zFrom[11], char zTo[11])
{
    Buf b = BUF_INIT;
    buf_printf(&b, "%04ld-01-01", y);
    memcpy(zFrom, buf_str(&b), 11);
    buf_reset(&b);
    buf_printf(&b, "%04ld-12-31", y);
    memcpy(zTo, buf_str(&b), 11);
    buf_release(&b);
}

long
case_days_between(const char *zFrom, const char *zTo)
{
    return str_date_days(zTo) - str_date_days(zFrom);
}

/* ---- the report ------------------------------------------------------------ */

void
case_report_init(CaseReport *r)
{
    memset(r, 0, sizeof *r);
}

static unsigned
case_hash(const char *z)
{
    unsigned h = 2166136261u;
    for (; *z; z++) {
        h = (h ^ (unsigned char)*z) * 16777619u;
    }
    return h;
}

/* The cell of dimension d for value z, created on first sight. */
static CaseCell *
case_cell(CaseReport *r, CaseDim d, const char *z)
{
    if (r->anCell[d] * 2 >= r->anSlot[d]) {
        /* Grow and rehash: keeps the table at most half full. */
        size_t nNew = r->anSlot[d] ? r->anSlot[d] * 2 : 64;
        int *aNew = xcalloc(nNew, sizeof *aNew);
        for (size_t i = 0; i < r->anCell[d]; i++) {
            size_t h = case_hash(r->aCell[d][i].zValue) & (nNew - 1);
            while (aNew[h]) {
                h = (h + 1) & (nNew - 1);
            }
            aNew[h] = (int)i + 1;
        }
        free(r->aSlot[d]);
        r->aSlot[d] = aNew;
        r->anSlot[d] = nNew;
    }
    size_t mask = r->anSlot[d] - 1;
    size_t h = case_hash(z) & mask;
    while (r->aSlot[d][h]) {
        CaseCell *c = &r->aCell[d][r->aSlot[d][h] - 1];
        if (strcmp(c->zValue, z) == 0) {
            return c;
        }
        h = (h + 1) & mask;
    }
    xgrow((void **)&r->aCell[d], &r->anAlloc[d], r->anCell[d],
          sizeof *r->aCell[d]);
    CaseCell *c = &r->aCell[d][r->anCell[d]];
    memset(c, 0, sizeof *c);
    c->zValue = xstrdup(z);
    c->aDayHist = xcalloc(CASE_DAYS_CAP + 1, sizeof *c->aDayHist);
    r->aSlot[d][h] = (int)++r->anCell[d];
    return c;
}

static void
case_cell_add(CaseCell *c, const Case *x, int bWithin3, long days, int bSums)
{
    c->nCases++;
    if (x->eStage == STAGE_RESOLVED && x->zResolved[0]) {
        c->nResolved++;
        c->aDayHist[days < 0               ? 0
                    : days > CASE_DAYS_CAP ? CASE_DAYS_CAP
                                           : days]++;
        if (bWithin3) {
            c->nWithin3++;
            c->nSatisfiedWithin3 += x->eSatisfied == SATISFIED_YES;
        }
    }
    c->nCourt += x->eStage == STAGE_COURT;
    if (bSums) {
        c->requested += x->requested;
        c->ordered += x->ordered;
        c->paid += x->paid;
    }
}

void
case_report_add(CaseReport *r, const Case *x)
{
    int bWithin3 = 0;
    long days = 0;
    if (x->eStage == STAGE_RESOLVED && x->zResolved[0]) {
        char zBy[11];
        case_three_months_after(x->zLodged, zBy);
        bWithin3 = strcmp(x->zResolved, zBy) <= 0;
        days = case_days_between(x->zLodged, x->zResolved);
    }
    /* Sums are in one currency: the first one seen; others are counted
    ** as mixed and left out of the sums, never added across currencies. */
    if (!r->zCurrency[0]) {
        memcpy(r->zCurrency, x->zCurrency, sizeof r->zCurrency);
    }
    int bSums = strcmp(r->zCurrency, x->zCurrency) == 0;
    r->nMixed += !bSums;
    case_cell_add(case_cell(r, DIM_ALL, "all"), x, bWithin3, days, bSums);
    case_cell_add(case_cell(r, DIM_SEX, case_sex_name(x->eSex)), x, bWithin3,
                  days, bSums);
    case_cell_add(
        case_cell(r, DIM_PROVINCE,
                  x->zProvince && *x->zProvince ? x->zProvince : "unknown"),
        x, bWithin3, days, bSums);
    case_cell_add(case_cell(r, DIM_DESTINATION,
                            x->zDestination && *x->zDestination
                                ? x->zDestination
                                : "unknown"),
                  x, bWithin3, days, bSums);
    case_cell_add(case_cell(r, DIM_ASSISTING_ORG,
                            x->zAssistingOrg ? x->zAssistingOrg : "none"),
                  x, bWithin3, days, bSums);
    for (int t = 0; t < TYPE_COUNT; t++) {
        if (x->types & (1u << t)) {
            case_cell_add(case_cell(r, DIM_TYPE, case_type_name((CaseType)t)),
                          x, bWithin3, days, bSums);
        }
    }
}

static int
case_cell_cmp(const void *a, const void *b)
{
    return strcmp(((const CaseCell *)a)->zValue, ((const CaseCell *)b)->zValue);
}

/* Places are stored by code but read by name: in the order of their
** English names, as before they were codes. */
static int
case_place_cell_cmp(const void *a, const void *b)
{
    const char *zA = ((const CaseCell *)a)->zValue;
    const char *zB = ((const CaseCell *)b)->zValue;
    int c = strcmp(gaz_show(zA, I18N_EN), gaz_show(zB, I18N_EN));
    return c ? c : strcmp(zA, zB);
}

void
case_report_finish(CaseReport *r)
{
    for (int d = 0; d < DIM_COUNT; d++) {
        if (r->anCell[d] > 1) {
            qsort(r->aCell[d], r->anCell[d], sizeof *r->aCell[d],
                  d == DIM_PROVINCE || d == DIM_DESTINATION
                      ? case_place_cell_cmp
                      : case_cell_cmp);
        }
        /* The hash indexes are stale after sorting; lookups are over. */
        free(r->aSlot[d]);
        r->aSlot[d] = NULL;
        r->anSlot[d] = 0;
    }
}

void
case_report_release(CaseReport *r)
{
    for (int d = 0; d < DIM_COUNT; d++) {
        for (size_t i = 0; i < r->anCell[d]; i++) {
            free(r->aCell[d][i].zValue);
            free(r->aCell[d][i].aDayHist);
        }
        free(r->aCell[d]);
        free(r->aSlot[d]);
    }
    memset(r, 0, sizeof *r);
}

long
case_cell_median_days(const CaseCell *c)
{
    if (c->nResolved == 0) {
        return -1;
    }
    /* The two middle values (the same one when the count is odd); their
    ** mean, rounded half up, is the median in whole days. */
    long lo = (c->nResolved - 1) / 2, hi = c->nResolved / 2;
    long seen = 0, vLo = -1, vHi = -1;
    for (long dd = 0; dd <= CASE_DAYS_CAP && vHi < 0; dd++) {
        seen += c->aDayHist[dd];
        if (vLo < 0 && seen > lo) {
            vLo = dd;
        }
        if (seen > hi) {
            vHi = dd;
        }
    }
    return (vLo + vHi + 1) / 2;
}

/* Add cell c's counts to the merged cell m. */
static void
case_cell_merge(CaseCell *m, const CaseCell *c)
{
    m->nCases += c->nCases;
    m->nResolved += c->nResolved;
    m->nWithin3 += c->nWithin3;
    m->nSatisfiedWithin3 += c->nSatisfiedWithin3;
    m->nCourt += c->nCourt;
    m->requested += c->requested;
    m->ordered += c->ordered;
    m->paid += c->paid;
    for (long dd = 0; c->aDayHist && dd <= CASE_DAYS_CAP; dd++) {
        m->aDayHist[dd] += c->aDayHist[dd];
    }
}

void
case_shown_build(const CaseReport *r, CaseDim d, int bSuppress, CaseShown *s)
{
    memset(s, 0, sizeof *s);
    size_t n = r->anCell[d];
    const CaseCell *a = r->aCell[d];
    char *abHidden = xcalloc(n ? n : 1, 1);
    size_t nHidden = 0;
    long nHiddenCases = 0;
    for (size_t i = 0; bSuppress && i < n; i++) {
        if (a[i].nCases < CASE_SUPPRESS_BELOW) {
            abHidden[i] = 1;
            nHidden++;
            nHiddenCases += a[i].nCases;
        }
    }
    /* Secondary suppression: hide the smallest shown cells until no
    ** subtraction gives a small count back. */
    while (nHidden > 0 && nHidden < n &&
           (nHidden == 1 || nHiddenCases < CASE_SUPPRESS_BELOW)) {
        size_t iMin = n;
        for (size_t i = 0; i < n; i++) {
            if (!abHidden[i] && (iMin == n || a[i].nCases < a[iMin].nCases)) {
                iMin = i;
            }
        }
        abHidden[iMin] = 1;
        nHidden++;
        nHiddenCases += a[iMin].nCases;
    }
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    s->apCell = xcalloc(n ? n : 1, sizeof *s->apCell);
    s->other.zValue = xstrdup("other groups");
    s->other.aDayHist = xcalloc(CASE_DAYS_CAP + 1, sizeof *s->other.aDayHist);
    for (size_t i = 0; i < n; i++) {
        if (abHidden[i]) {
            case_cell_merge(&s->other, &a[i]);
            s->nMerged++;
        } else {
            s->apCell[s->nCell++] = &a[i];
        }
    }
    s->bOtherHidden = s->nMerged > 0 && s->other.nCases < CASE_SUPPRESS_BELOW;
    free(abHidden);
}

void
case_shown_release(CaseShown *s)
{
    free(s->apCell);
    free(s->other.zValue);
    free(s->other.aDayHist);
    memset(s, 0, sizeof *s);
}

int
case_goal10_figure(const CaseReport *r, CaseDim d, const char *zValue,
                   int bSuppress, Buf *b)
{
    int bFound = 0, bShown = 0;
    const CaseCell *c = NULL;
    for (size_t i = 0; i < r->anCell[d] && !bFound; i++) {
        c = &r->aCell[d][i];
        bFound = strcmp(c->zValue, zValue) == 0;
    }
    if (!bFound) {
        buf_puts(b, "no cases");
        return 0;
    }
    CaseShown s;
    case_shown_build(r, d, bSuppress, &s);
    for (size_t i = 0; i < s.nCell && !bShown; i++) {
        bShown = s.apCell[i] == c;
    }
    case_shown_release(&s);
    if (!bShown && c->nCases < CASE_SUPPRESS_BELOW) {
        buf_printf(b, "fewer than %d cases (not shown)", CASE_SUPPRESS_BELOW);
        return 0;
    }
    if (!bShown) {
        buf_puts(b, "not shown (it would let a smaller group be worked out)");
        return 0;
    }
    buf_printf(b, "%ld%% (%ld of %ld)",
               review_pct(c->nSatisfiedWithin3, c->nCases),
               c->nSatisfiedWithin3, c->nCases);
    return 1;
}

int
case_actor_may(const Actor *who, const Case *c)
{
    if (who->eRole == ROLE_ADMIN) {
        return 1;
    }
    if (who->eRole != ROLE_CASE_OFFICER || !who->zOrg || !*who->zOrg) {
        return 0;
    }
    return c->zAssistingOrg && str_eq(c->zAssistingOrg, who->zOrg);
}

const char *
case_actor_scope(const Actor *who)
{
    if (who->eRole == ROLE_ADMIN) {
        return NULL;
    }
    if (who->eRole != ROLE_CASE_OFFICER || !who->zOrg) {
        return "";
    }
    return who->zOrg;
}

/* ---- the reports of a whole register ------------------------------------------ */

void
case_report_set_init(CaseReportSet *x)
{
    memset(x, 0, sizeof *x);
    case_report_init(&x->all);
}

void
case_report_set_release(CaseReportSet *x)
{
    case_report_release(&x->all);
    for (size_t i = 0; i < x->nYear; i++) {
        case_report_release(&x->aYear[i].rep);
    }
    free(x->aYear);
    memset(x, 0, sizeof *x);
}

/* The report of year (0: all), created on first sight. */
static CaseReport *
case_set_report(CaseReportSet *x, long year)
{
    if (year == 0) {
        return &x->all;
    }
    for (size_t i = 0; i < x->nYear; i++) {
        if (x->aYear[i].year == year) {
            return &x->aYear[i].rep;
        }
    }
    xgrow((void **)&x->aYear, &x->nYearAlloc, x->nYear, sizeof *x->aYear);
    CaseYearReport *y = &x->aYear[x->nYear++];
    y->year = year;
    case_report_init(&y->rep);
    return &y->rep;
}

void
case_report_set_add_year(CaseReportSet *x, const Case *c)
{
    const char *z = c->zLodged;
    long year = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 +
                (z[3] - '0');
    case_report_add(case_set_report(x, year), c);
}

void
case_report_set_add(CaseReportSet *x, const Case *c)
{
    case_report_add(&x->all, c);
    case_report_set_add_year(x, c);
}

void
case_report_set_finish(CaseReportSet *x)
{
    case_report_finish(&x->all);
    for (size_t i = 0; i < x->nYear; i++) {
        case_report_finish(&x->aYear[i].rep);
    }
}

const CaseReport *
case_report_set_get(const CaseReportSet *x, long year)
{
    if (year == 0) {
        return x->all.anCell[DIM_ALL] ? &x->all : NULL;
    }
    for (size_t i = 0; i < x->nYear; i++) {
        if (x->aYear[i].year == year) {
            return &x->aYear[i].rep;
        }
    }
    return NULL;
}

static int
case_report_merge(CaseReport *d, const CaseReport *s)
{
    if (s->anCell[DIM_ALL] == 0) {
        return 0;
    }
    if (!d->zCurrency[0]) {
        memcpy(d->zCurrency, s->zCurrency, sizeof d->zCurrency);
    } else if (strcmp(d->zCurrency, s->zCurrency) != 0) {
        return -1;
    }
    d->nMixed += s->nMixed;
    for (int dim = 0; dim < DIM_COUNT; dim++) {
        for (size_t i = 0; i < s->anCell[dim]; i++) {
            const CaseCell *c = &s->aCell[dim][i];
            case_cell_merge(case_cell(d, (CaseDim)dim, c->zValue), c);
        }
    }
    return 0;
}

int
case_report_set_total(CaseReportSet *x)
{
    for (size_t i = 0; i < x->nYear; i++) {
        const CaseReport *y = &x->aYear[i].rep;
        if (y->nMixed ||
            (x->all.zCurrency[0] &&
             strcmp(y->zCurrency, x->all.zCurrency) != 0) ||
            case_report_merge(&x->all, y)) {
            return -1;
        }
    }
    return 0;
}

int
case_report_set_merge(CaseReportSet *dst, const CaseReportSet *src)
{
    if (case_report_merge(&dst->all, &src->all)) {
        return -1;
    }
    for (size_t i = 0; i < src->nYear; i++) {
        const CaseYearReport *y = &src->aYear[i];
        if (case_report_merge(case_set_report(dst, y->year), &y->rep)) {
            return -1;
        }
    }
    return 0;
}

/* The text form, one line each:
**   lmpmon case report set 1
**   report YEAR CURRENCY NMIXED          (year 0: all; currency "-": none)
**   cell DIM CASES RESOLVED WITHIN3 SATISFIED COURT REQ ORD PAID VALUE
**   hist DAY:COUNT ...                   (after each cell; non-zero days)
**   end
** VALUE is the rest of its line, with backslash and line breaks escaped. */
#define CASE_SET_MAGIC "lmpmon case report set 1"

static void
case_report_write(const CaseReport *r, long year, Buf *b)
{
    buf_printf(b, "report %ld %s %ld\n", year,
               r->zCurrency[0] ? r->zCurrency : "-", r->nMixed);
    for (int d = 0; d < DIM_COUNT; d++) {
        for (size_t i = 0; i < r->anCell[d]; i++) {
            const CaseCell *c = &r->aCell[d][i];
            buf_printf(b, "cell %d %ld %ld %ld %ld %ld %lld %lld %lld ", d,
                       c->nCases, c->nResolved, c->nWithin3,
                       c->nSatisfiedWithin3, c->nCourt, (long long)c->requested,
                       (long long)c->ordered, (long long)c->paid);
            for (const char *p = c->zValue; *p; p++) {
                if (*p == '\\' || *p == '\n') {
                    buf_putc(b, '\\');
                    buf_putc(b, *p == '\n' ? 'n' : '\\');
                } else {
                    buf_putc(b, *p);
                }
            }
            buf_puts(b, "\nhist");
            for (size_t k = 0; k <= CASE_DAYS_CAP; k++) {
                if (c->aDayHist[k]) {
                    buf_printf(b, " %zu:%u", k, c->aDayHist[k]);
                }
            }
            buf_putc(b, '\n');
        }
    }
}

void
case_report_set_write(const CaseReportSet *x, Buf *b)
{
    buf_puts(b, CASE_SET_MAGIC "\n");
    case_report_write(&x->all, 0, b);
    for (size_t i = 0; i < x->nYear; i++) {
        case_report_write(&x->aYear[i].rep, x->aYear[i].year, b);
    }
    buf_puts(b, "end\n");
}

/* A number at *pz followed by a space or a line's end (not consumed), in
** [lo, hi]; advances *pz.  0 or -1. */
static int
case_set_num(const char **pz, long long lo, long long hi, long long *pOut)
{
    const char *z = *pz;
    int bNeg = *z == '-';
    z += bNeg;
    if (*z < '0' || *z > '9') {
        return -1;
    }
    long long v = 0;
    while (*z >= '0' && *z <= '9') {
        if (v > (INT64_MAX - 9) / 10) {
            return -1;
        }
        v = v * 10 + (*z++ - '0');
    }
    v = bNeg ? -v : v;
    if (v < lo || v > hi) {
        return -1;
    }
    *pOut = v;
    *pz = z;
    return 0;
}

/* Expect the literal zWord at *pz; advances past it. */
static int
case_set_word(const char **pz, const char *zWord)
{
    size_t n = strlen(zWord);
    if (strncmp(*pz, zWord, n) != 0) {
        return -1;
    }
    *pz += n;
    return 0;
}

int
case_report_set_read(CaseReportSet *x, const char *z)
{
    if (case_set_word(&z, CASE_SET_MAGIC "\n")) {
        return -1;
    }
    CaseReport *r = NULL;
    CaseCell *c = NULL;
    Buf val = BUF_INIT;
    int rc = -1;
    for (;;) {
        long long a[9];
        if (case_set_word(&z, "end\n") == 0) {
            rc = *z ? -1 : 0;
            break;
        }
        if (case_set_word(&z, "report ") == 0) {
            long long year, nMixed;
            if (case_set_num(&z, 0, 9999, &year) || *z++ != ' ') {
                break;
            }
            r = case_set_report(x, (long)year);
            if (r->anCell[DIM_ALL] || r->zCurrency[0]) {
                break; /* twice */
            }
            if (*z == '-') {
                z++;
            } else {
                for (int k = 0; k < 3; k++) {
                    if (z[k] < 'A' || z[k] > 'Z') {
                        goto out;
                    }
                }
                memcpy(r->zCurrency, z, 3);
                r->zCurrency[3] = '\0';
                z += 3;
            }
            if (*z++ != ' ' || case_set_num(&z, 0, LONG_MAX, &nMixed) ||
                *z++ != '\n') {
                break;
            }
            r->nMixed = (long)nMixed;
            c = NULL;
        } else if (r && case_set_word(&z, "cell ") == 0) {
            long long dim;
            if (case_set_num(&z, 0, DIM_COUNT - 1, &dim)) {
                break;
            }
            int bBad = 0;
            for (int k = 0; k < 8 && !bBad; k++) {
                bBad = *z++ != ' ' ||
                       case_set_num(&z, k < 5 ? 0 : INT64_MIN / 2,
                                    k < 5 ? LONG_MAX : INT64_MAX / 2, &a[k]);
            }
            if (bBad || *z++ != ' ') {
                break;
            }
            buf_reset(&val);
            while (*z && *z != '\n') {
                if (*z == '\\') {
                    z++;
                    if (*z != 'n' && *z != '\\') {
                        goto out;
                    }
                    buf_putc(&val, *z == 'n' ? '\n' : '\\');
                    z++;
                } else {
                    buf_putc(&val, *z++);
                }
            }
            if (*z++ != '\n' || buf_failed(&val)) {
                break;
            }
            size_t nBefore = r->anCell[dim];
            c = case_cell(r, (CaseDim)dim, buf_str(&val));
            if (r->anCell[dim] == nBefore) {
                break; /* the same value twice */
            }
            c->nCases = (long)a[0];
            c->nResolved = (long)a[1];
            c->nWithin3 = (long)a[2];
            c->nSatisfiedWithin3 = (long)a[3];
            c->nCourt = (long)a[4];
            c->requested = a[5];
            c->ordered = a[6];
            c->paid = a[7];
            if (case_set_word(&z, "hist")) {
                break;
            }
            while (*z == ' ') {
                long long day, n;
                z++;
                if (case_set_num(&z, 0, CASE_DAYS_CAP, &day) || *z++ != ':' ||
                    case_set_num(&z, 1, UINT_MAX, &n)) {
                    goto out;
                }
                c->aDayHist[day] = (unsigned)n;
            }
            if (*z++ != '\n') {
                break;
            }
        } else {
            break;
        }
    }
out:
    buf_release(&val);
    return rc;
}
