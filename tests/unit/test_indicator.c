/*
** test_indicator.c — unit tests of the rules of indicators and their
** values (src/core/indicator.h).
**
** A report shows "share of the way from baseline to target": a decrease
** that goes the wrong way must read as negative progress, a percentage
** of 120 or a count of 2.5 must be refused before it is stored, and the
** figures by sex must agree with the total.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/cases.h"
#include "core/indicator.h"
#include "core/outreach.h"
#include "core/rules.h"
#include "core/outreach.h"
#include "core/model.h"

/* Writable strings for the records' char * fields (not freed here). */
static char zG10[] = "G10.1", zDef[] = "% of complaint cases resolved",
            zBadCode[] = "G 10", zReason[] = "the 2017 review", zProv[] = "14";
static char z2017[] = "2017", z2018Q2[] = "2018Q2";

static Indicator
ind(IndUnit u, unsigned mDim, int bComputed)
{
    Indicator p;
    indicator_init(&p);
    p.zCode = zG10;
    p.zDefinition = zDef;
    p.eUnit = u;
    p.mDim = mDim;
    p.bComputed = bComputed;
    return p;
}

static IndValue
val(char *zPeriod, int eSex, double x)
{
    IndValue v;
    ind_value_init(&v);
    v.zCode = zG10;
    v.zPeriod = zPeriod;
    v.eSex = eSex;
    v.value = x;
    return v;
}

static void
test_indicator_check(void **state)
{
    (void)state;
    AppErr err = APPERR_INIT;
    Indicator p = ind(IND_UNIT_PERCENT, 1u << IND_DIM_SEX, 0);
    IndTarget a[] = { { 2017, 50 }, { 2018, 60 } };
    p.aTarget = a;
    p.nTarget = 2;
    p.bBaseline = 1;
    p.baseline = 30;
    p.baselineYear = 2015;
    assert_int_equal(indicator_check(&p, &err), 0);
    assert_non_null(indicator_target(&p, 2018));
    assert_true(indicator_target(&p, 2018)->value == 60);
    assert_null(indicator_target(&p, 2016));

    a[1].value = 120; /* a percentage above 100 */
    assert_int_equal(indicator_check(&p, &err), -1);
    assert_non_null(strstr(err.zMsg, "target: 120"));
    a[1] = (IndTarget){ 2017, 60 }; /* a year twice */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(indicator_check(&p, &err), -1);
    assert_non_null(strstr(err.zMsg, "target year: 2017"));
    a[1] = (IndTarget){ 2018, 60 };

    p.zCode = zBadCode; /* a space in a code */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(indicator_check(&p, &err), -1);
    assert_non_null(strstr(err.zMsg, "code:"));
    p.zCode = zG10;

    p.iRev = 2; /* an amendment without its reason */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(indicator_check(&p, &err), -1);
    assert_non_null(strstr(err.zMsg, "reason:"));
    p.zReason = zReason;
    assert_int_equal(indicator_check(&p, &err), 0);

    p.eUnit = IND_UNIT_NUMBER;
    p.baseline = 2.5; /* a count that is not whole */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(indicator_check(&p, &err), -1);
    assert_non_null(strstr(err.zMsg, "baseline: 2.5"));
}

static void
test_period(void **state)
{
    (void)state;
    int y = 0;
    assert_int_equal(ind_check_period("2017", &y, NULL), 0);
    assert_int_equal(y, 2017);
    assert_int_equal(ind_check_period("2019Q3", &y, NULL), 0);
    assert_int_equal(y, 2019);
    const char *azBad[] = { "",        "17",      "2017Q5", "2017Q",
                            "2017-03", "2017Q34", "0999" };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        AppErr err = APPERR_INIT;
        assert_int_equal(ind_check_period(azBad[i], &y, &err), -1);
        assert_non_null(strstr(err.zMsg, "period:"));
    }
}

static void
test_value_check(void **state)
{
    (void)state;
    AppErr err = APPERR_INIT;
    Indicator p = ind(IND_UNIT_PERCENT, 1u << IND_DIM_SEX, 0);
    IndValue v = val(z2017, STAT_WOMEN, 45);
    assert_int_equal(ind_value_check(&p, &v, 0, &err), 0);
    v.value = 100.5;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), -1);
    assert_non_null(strstr(err.zMsg, "between 0 and 100"));

    /* The count behind a percentage must give it. */
    v.value = 45.0;
    v.num = 9;
    v.den = 20;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), 0);
    v.num = 10;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), -1);
    assert_non_null(strstr(err.zMsg, "10 of 20"));
    v.num = 21;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), -1);
    v.num = v.den = -1;

    /* A breakdown the indicator does not ask for. */
    v.eDim = IND_DIM_PROVINCE;
    v.zDimCode = zProv;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), -1);
    assert_non_null(strstr(err.zMsg, "disaggregation:"));
    p.mDim |= 1u << IND_DIM_PROVINCE;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), 0);
    v.eDim = IND_DIM_COUNT;

    /* By sex on an indicator that is not. */
    p.mDim = 0;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&p, &v, 0, &err), -1);
    assert_non_null(strstr(err.zMsg, "sex:"));

    /* Computed: typed values refused, lmpmon's own accepted. */
    Indicator c = ind(IND_UNIT_PERCENT, 1u << IND_DIM_SEX, 1);
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&c, &v, 0, &err), -1);
    assert_int_equal(err.code, APPERR_FORBIDDEN);
    assert_non_null(strstr(err.zMsg, "computed"));
    assert_int_equal(ind_value_check(&c, &v, 1, &err), 0);

    /* A count is whole and not negative. */
    Indicator n = ind(IND_UNIT_NUMBER, 0, 0);
    IndValue k = val(z2018Q2, STAT_TOTAL, 3);
    assert_int_equal(ind_value_check(&n, &k, 0, &err), 0);
    k.value = -1;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&n, &k, 0, &err), -1);
    k.value = 3;
    k.num = 1;
    k.den = 3;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_check(&n, &k, 0, &err), -1);
    assert_non_null(strstr(err.zMsg, "numerator"));
}

static void
test_sex_sum(void **state)
{
    (void)state;
    AppErr err = APPERR_INIT;
    IndValue w = val(z2017, STAT_WOMEN, 27);
    IndValue m = val(z2017, STAT_MEN, 16);
    IndValue t = val(z2017, STAT_TOTAL, 43);
    assert_int_equal(ind_check_sex_sum(IND_UNIT_NUMBER, &w, &m, &t, &err), 0);
    t.value = 44;
    assert_int_equal(ind_check_sex_sum(IND_UNIT_NUMBER, &w, &m, &t, &err), -1);
    assert_non_null(strstr(err.zMsg, "total: 44"));
    /* A missing part checks nothing. */
    assert_int_equal(ind_check_sex_sum(IND_UNIT_NUMBER, &w, NULL, &t, NULL), 0);

    /* Percentages: the total lies between women's and men's. */
    w = val(z2017, STAT_WOMEN, 40);
    m = val(z2017, STAT_MEN, 60);
    t = val(z2017, STAT_TOTAL, 52);
    assert_int_equal(ind_check_sex_sum(IND_UNIT_PERCENT, &w, &m, &t, NULL), 0);
    t.value = 61;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_check_sex_sum(IND_UNIT_PERCENT, &w, &m, &t, &err), -1);
    assert_non_null(strstr(err.zMsg, "between"));
    /* With counts: 4 of 10 and 6 of 10 make 10 of 20, not 10 of 21. */
    w.num = 4, w.den = 10, m.num = 6, m.den = 10;
    t.value = 50, t.num = 10, t.den = 21;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_check_sex_sum(IND_UNIT_PERCENT, &w, &m, &t, &err), -1);
    t.den = 20;
    assert_int_equal(ind_check_sex_sum(IND_UNIT_PERCENT, &w, &m, &t, NULL), 0);
}

static void
test_progress(void **state)
{
    (void)state;
    /* Increase 30 -> 60, at 45: half way, not met. */
    IndProgress r = ind_progress(IND_INCREASE, 30, 60, 45);
    assert_true(fabs(r.share - 0.5) < 1e-9);
    assert_false(r.bMet);
    r = ind_progress(IND_INCREASE, 30, 60, 66);
    assert_true(r.share > 1);
    assert_true(r.bMet);
    /* Decrease 40 -> 20: at 35 a quarter of the way; at 50 backwards. */
    r = ind_progress(IND_DECREASE, 40, 20, 35);
    assert_true(fabs(r.share - 0.25) < 1e-9);
    assert_false(r.bMet);
    r = ind_progress(IND_DECREASE, 40, 20, 50);
    assert_true(r.share < 0);
    r = ind_progress(IND_DECREASE, 40, 20, 20);
    assert_true(r.bMet);
    /* Target equal to baseline: met or not. */
    r = ind_progress(IND_INCREASE, 5, 5, 5);
    assert_true(r.bMet && r.share == 1);
    r = ind_progress(IND_INCREASE, 5, 5, 4);
    assert_true(!r.bMet && r.share == 0);
    /* Maintain 90: 81 is 90% of it, not met. */
    r = ind_progress(IND_MAINTAIN, 90, 90, 81);
    assert_true(fabs(r.share - 0.9) < 1e-9);
    assert_false(r.bMet);
}

static void
test_format(void **state)
{
    (void)state;
    char z[32];
    ind_format_value(IND_UNIT_PERCENT, 45.25, z, sizeof z);
    assert_string_equal(z, "45.2");
    ind_format_value(IND_UNIT_NUMBER, 12, z, sizeof z);
    assert_string_equal(z, "12");
    ind_format_value(IND_UNIT_AMOUNT, 84600, z, sizeof z);
    assert_string_equal(z, "84600.00");
}

/* What the store keeps: canonical numbers, targets and dimensions read
** back as written; malformed text refused rather than guessed at. */
static void
test_stored_text(void **state)
{
    (void)state;
    char z[48];
    ind_number_text(50, z, sizeof z);
    assert_string_equal(z, "50");
    ind_number_text(45.25, z, sizeof z);
    assert_string_equal(z, "45.25");
    ind_number_text(1234567.5, z, sizeof z);
    assert_string_equal(z, "1234567.5");
    double x = 0;
    assert_int_equal(ind_number_parse("45.25", &x), 0);
    assert_true(x == 45.25);
    assert_int_equal(ind_number_parse("1e3", &x), -1);
    assert_int_equal(ind_number_parse("", &x), -1);
    assert_int_equal(ind_number_parse("4,5", &x), -1);

    Indicator p = ind(IND_UNIT_PERCENT, 0, 0);
    assert_int_equal(ind_targets_parse(&p, "2017=50;2018=62.5"), 0);
    assert_int_equal(p.nTarget, 2);
    assert_int_equal(p.aTarget[1].year, 2018);
    assert_true(p.aTarget[1].value == 62.5);
    char *zT = ind_targets_text(&p);
    assert_string_equal(zT, "2017=50;2018=62.5");
    free(zT);
    assert_int_equal(ind_targets_parse(&p, "17=50"), -1);
    assert_int_equal(ind_targets_parse(&p, "2017=x"), -1);
    free(p.aTarget);

    unsigned m = 0;
    assert_int_equal(ind_dims_parse("sex,province", &m), 0);
    assert_int_equal(m, (1u << IND_DIM_SEX) | (1u << IND_DIM_PROVINCE));
    char *zD = ind_dims_text(m);
    assert_string_equal(zD, "sex,province");
    free(zD);
    assert_int_equal(ind_dims_parse("sex,age", &m), -1);
}

static void
test_code_order(void **state)
{
    (void)state;
    assert_true(ind_code_cmp("G2", "G10") < 0);
    assert_true(ind_code_cmp("G10", "G9") > 0);
    assert_true(ind_code_cmp("1.9", "1.10") < 0);
    assert_true(ind_code_cmp("G10", "G10") == 0);
    assert_true(ind_code_cmp("G1", "G1.1") < 0);
    assert_true(ind_code_cmp("A", "B") < 0);
    assert_true(ind_code_cmp("G02", "G2") == 0);
}

/* Values move as statements do: the responsible organisation's reporters
** enter and submit, the M&E officer validates or returns. */
static void
test_value_workflow(void **state)
{
    (void)state;
    static char zMolvt[] = "MOLVT";
    Indicator p = ind(IND_UNIT_NUMBER, 0, 0);
    p.zOrg = zMolvt;
    Actor rep = { "sok", ROLE_REPORTER, "MOLVT" };
    Actor other = { "dara", ROLE_REPORTER, "ILO" };
    Actor me = { "vannak", ROLE_ME_OFFICER, NULL };
    Actor viewer = { "v", ROLE_VIEWER, NULL };
    const int NEW = IND_VALUE_STATE_COUNT;
    AppErr err = APPERR_INIT;
    assert_int_equal(ind_value_may_write(&rep, &p, NEW, IND_VALUE_DRAFT, &err),
                     0);
    assert_int_equal(ind_value_may_write(&rep, &p, IND_VALUE_DRAFT,
                                         IND_VALUE_SUBMITTED, &err),
                     0);
    assert_int_equal(ind_value_may_write(&rep, &p, IND_VALUE_RETURNED,
                                         IND_VALUE_SUBMITTED, &err),
                     0);
    /* A reporter does not validate, nor change what is submitted. */
    assert_int_equal(ind_value_may_write(&rep, &p, IND_VALUE_SUBMITTED,
                                         IND_VALUE_VALIDATED, &err),
                     -1);
    assert_int_equal(err.code, APPERR_FORBIDDEN);
    err = (AppErr)APPERR_INIT;
    assert_int_equal(
        ind_value_may_write(&rep, &p, NEW, IND_VALUE_VALIDATED, &err), -1);
    assert_non_null(strstr(err.zMsg, "validates"));
    /* Another organisation's reporter, a viewer: no. */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(
        ind_value_may_write(&other, &p, NEW, IND_VALUE_DRAFT, &err), -1);
    assert_non_null(strstr(err.zMsg, "reported by MOLVT"));
    assert_int_equal(
        ind_value_may_write(&viewer, &p, NEW, IND_VALUE_DRAFT, NULL), -1);
    /* The M&E officer validates, returns and corrects. */
    assert_int_equal(ind_value_may_write(&me, &p, IND_VALUE_SUBMITTED,
                                         IND_VALUE_VALIDATED, NULL),
                     0);
    assert_int_equal(ind_value_may_write(&me, &p, IND_VALUE_SUBMITTED,
                                         IND_VALUE_RETURNED, NULL),
                     0);
    /* No organisation responsible: the M&E officer's alone. */
    p.zOrg = NULL;
    assert_int_equal(ind_value_may_write(&rep, &p, NEW, IND_VALUE_DRAFT, NULL),
                     -1);
    assert_int_equal(ind_value_may_write(&me, &p, NEW, IND_VALUE_DRAFT, NULL),
                     0);
}

/* The M&E officer validates or returns what is submitted, a return says
** why, and nobody else reviews. */
static void
test_value_review(void **state)
{
    (void)state;
    Indicator p = ind(IND_UNIT_NUMBER, 1u << IND_DIM_SEX, 0);
    char zMolvt[] = "MOLVT";
    p.zOrg = zMolvt;
    Actor me = { "o", ROLE_ME_OFFICER, NULL };
    Actor admin = { "a", ROLE_ADMIN, NULL };
    Actor rep = { "r", ROLE_REPORTER, "MOLVT" };
    AppErr err = APPERR_INIT;
    assert_int_equal(ind_value_may_review(&me, &p, IND_VALUE_SUBMITTED,
                                          IND_VALUE_VALIDATED, NULL, &err),
                     0);
    assert_int_equal(ind_value_may_review(&admin, &p, IND_VALUE_SUBMITTED,
                                          IND_VALUE_RETURNED, "why", &err),
                     0);
    /* A return without its reason names the field. */
    assert_int_equal(ind_value_may_review(&me, &p, IND_VALUE_SUBMITTED,
                                          IND_VALUE_RETURNED, "", &err),
                     -1);
    assert_int_equal(err.code, APPERR_INPUT);
    assert_non_null(strstr(err.zMsg, "reason:"));
    /* A draft is still the reporter's; a validated value is done. */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_may_review(&me, &p, IND_VALUE_DRAFT,
                                          IND_VALUE_VALIDATED, NULL, &err),
                     -1);
    assert_non_null(strstr(err.zMsg, "draft, not submitted"));
    assert_int_equal(ind_value_may_review(&me, &p, IND_VALUE_VALIDATED,
                                          IND_VALUE_RETURNED, "x", NULL),
                     -1);
    /* The responsible organisation's reporter does not review its own. */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_may_review(&rep, &p, IND_VALUE_SUBMITTED,
                                          IND_VALUE_VALIDATED, NULL, &err),
                     -1);
    assert_int_equal(err.code, APPERR_FORBIDDEN);
    /* A computed indicator has nothing to review. */
    p.bComputed = 1;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(ind_value_may_review(&me, &p, IND_VALUE_SUBMITTED,
                                          IND_VALUE_VALIDATED, NULL, &err),
                     -1);
    assert_non_null(strstr(err.zMsg, "cannot be typed over"));
}

/* A percentage left empty is taken from its counts to one decimal, and
** passes the check of the counts behind it. */
static void
test_percent_of(void **state)
{
    (void)state;
    assert_true(ind_percent_of(3, 4) == 75.0);
    assert_true(fabs(ind_percent_of(1, 3) - 33.3) < 1e-9);
    assert_true(fabs(ind_percent_of(2, 3) - 66.7) < 1e-9);
    assert_true(ind_percent_of(0, 7) == 0.0);
    Indicator p = ind(IND_UNIT_PERCENT, 0, 0);
    IndValue v;
    ind_value_init(&v);
    v.zPeriod = z2017;
    v.num = 2, v.den = 3;
    v.value = ind_percent_of(v.num, v.den);
    assert_int_equal(ind_value_check(&p, &v, 0, NULL), 0);
}

/* Who sees the register's small figures, and which of them the others do
** not: a sex under CASE_SUPPRESS_BELOW, and then the other sex too (the
** total less one gives the other); the total stays; outreach and typed
** indicators are never held back. */
static void
test_value_public(void **state)
{
    (void)state;
    Actor admin = { "a", ROLE_ADMIN, NULL },
          officer = { "o", ROLE_ME_OFFICER, NULL };
    Actor cases = { "c", ROLE_CASE_OFFICER, "LSCW" };
    Actor viewer = { "v", ROLE_VIEWER, NULL },
          rep = { "r", ROLE_REPORTER, "MOLVT" };
    assert_true(rules_sees_small_cells(&admin));
    assert_true(rules_sees_small_cells(&officer));
    assert_true(rules_sees_small_cells(&cases));
    assert_false(rules_sees_small_cells(&viewer));
    assert_false(rules_sees_small_cells(&rep));
    Indicator g10 = ind(IND_UNIT_PERCENT, 0, 1);
    IndValue women, men, total;
    ind_value_init(&women);
    ind_value_init(&men);
    ind_value_init(&total);
    women.eSex = STAT_WOMEN, women.den = CASE_SUPPRESS_BELOW - 1;
    men.eSex = STAT_MEN, men.den = 40;
    total.eSex = STAT_TOTAL, total.den = 40 + CASE_SUPPRESS_BELOW - 1;
    assert_true(ind_value_small(&g10, &women));
    assert_false(ind_value_small(&g10, &men));
    assert_false(ind_value_small(&g10, &total)); /* a total is never "by sex" */
    int bSexSmall =
        ind_value_small(&g10, &women) || ind_value_small(&g10, &men);
    assert_false(ind_value_public(&g10, &women, STAT_WOMEN, bSexSmall));
    assert_false(ind_value_public(&g10, &men, STAT_MEN, bSexSmall));
    assert_true(ind_value_public(&g10, &total, STAT_TOTAL, bSexSmall));
    assert_true(ind_value_public(&g10, &men, STAT_MEN, 0));
    /* A small total is held back too; a typed indicator never is. */
    total.den = CASE_SUPPRESS_BELOW - 1;
    assert_false(ind_value_public(&g10, &total, STAT_TOTAL, 0));
    Indicator typed = ind(IND_UNIT_COUNT, 0, 0);
    assert_false(ind_value_small(&typed, &women));
    assert_true(ind_value_public(&typed, &women, STAT_WOMEN, 1));
}

/* What a computed indicator counts, read and written as files say it, and
** the people reached by outreach events of its kinds. */
static void
test_computed_from_outreach(void **state)
{
    (void)state;
    Indicator p;
    indicator_init(&p);
    assert_int_equal(
        ind_computed_parse("outreach:dissemination;counselling", &p), 0);
    assert_true(p.bComputed);
    char *z = ind_computed_text(&p);
    assert_string_equal(z, "outreach:counselling;dissemination");
    free(z);
    z = ind_computed_label(&p);
    assert_string_equal(z,
                        "computed from outreach (Counselling, Dissemination)");
    free(z);
    assert_int_equal(ind_computed_parse("outreach", &p), 0);
    assert_int_equal(p.mOutreach, IND_OUTREACH_ALL);
    z = ind_computed_text(&p);
    assert_string_equal(z, "outreach");
    free(z);
    assert_int_equal(ind_computed_parse("yes", &p), 0);
    assert_true(p.bComputed && p.mOutreach == 0);
    assert_int_equal(ind_computed_parse("outreach:gossip", &p), -1);
    assert_int_equal(ind_computed_parse("outreachy", &p), -1);
    assert_int_equal(ind_computed_parse("maybe", &p), -1);

    /* Two counselling events of 2019 (one with no split by sex), a
    ** planned one, a training, and one of 2018 by its last day. */
    Outreach a[5];
    char azFrom[5][11] = { "2019-03-01", "2019-05-01", "2019-12-01",
                           "2019-06-01", "2017-04-01" };
    char zTo[] = "2018-12-31";
    OutreachKind aeKind[5] = { OUTREACH_COUNSELLING, OUTREACH_COUNSELLING,
                               OUTREACH_COUNSELLING, OUTREACH_TRAINING,
                               OUTREACH_COUNSELLING };
    SexCounts an[5] = { { 30, 20, OUTREACH_NONE, 50 },
                        { OUTREACH_NONE, OUTREACH_NONE, 4, OUTREACH_NONE },
                        { 100, 100, OUTREACH_NONE, 200 },
                        { 5, 5, OUTREACH_NONE, 10 },
                        { 1, 2, OUTREACH_NONE, 3 } };
    for (int i = 0; i < 5; i++) {
        outreach_init(&a[i]);
        a[i].zFrom = azFrom[i];
        a[i].zTo = i == 4 ? zTo : NULL;
        a[i].eKind = aeKind[i];
        a[i].eStatus = i == 2 ? OUTREACH_PLANNED : OUTREACH_HELD;
        a[i].n = an[i];
    }
    assert_int_equal(ind_computed_parse("outreach:counselling", &p), 0);
    int64_t v = -1;
    assert_int_equal(ind_outreach_value(&p, a, 5, 2019, STAT_TOTAL, &v), 1);
    assert_int_equal(v, 54);
    assert_int_equal(ind_outreach_value(&p, a, 5, 2019, STAT_WOMEN, &v), 1);
    assert_int_equal(v, 30);
    assert_int_equal(ind_outreach_value(&p, a, 5, 2018, STAT_MEN, &v), 1);
    assert_int_equal(v, 2);
    assert_int_equal(ind_outreach_value(&p, a, 5, 2017, STAT_TOTAL, &v), 0);
    indicator_release(&p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_indicator_check),
        cmocka_unit_test(test_period),
        cmocka_unit_test(test_value_check),
        cmocka_unit_test(test_sex_sum),
        cmocka_unit_test(test_progress),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_stored_text),
        cmocka_unit_test(test_value_workflow),
        cmocka_unit_test(test_code_order),
        cmocka_unit_test(test_computed_from_outreach),
        cmocka_unit_test(test_value_review),
        cmocka_unit_test(test_percent_of),
        cmocka_unit_test(test_value_public),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
