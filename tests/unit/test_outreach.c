/*
** test_outreach.c — unit tests of the rules of outreach counts, reference
** periods and statistics sums (src/core/outreach.h).
**
** A briefing prints "43 (W27: M16)" and "311,290 (Women = 129,680 / Men =
** 181,610)": counts that do not add up must be refused before they are
** stored, with the field that is wrong, and the forms the seed uses (a
** total alone, "including 7,308 women") must pass.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "core/codes.h"
#include "core/model.h"
#include "core/outreach.h"

#define NONE OUTREACH_NONE

static int
counts(int64_t w, int64_t m, int64_t u, int64_t t, SexCounts *out, AppErr *err)
{
    *out = (SexCounts){ w, m, u, t };
    *err = (AppErr)APPERR_INIT;
    return outreach_check_counts(out, err);
}

static void
test_counts(void **state)
{
    (void)state;
    SexCounts c;
    AppErr err;
    /* W27: M16 with or without the total. */
    assert_int_equal(counts(27, 16, NONE, 43, &c, &err), 0);
    assert_int_equal(counts(27, 16, NONE, NONE, &c, &err), 0);
    assert_int_equal(c.total, 43);
    /* A total alone; a part alone within its total. */
    assert_int_equal(counts(NONE, NONE, NONE, 3776, &c, &err), 0);
    assert_int_equal(counts(7308, NONE, NONE, 11182, &c, &err), 0);
    /* A total that is not women + men, unless some are of unknown sex. */
    assert_int_equal(counts(27, 16, NONE, 44, &c, &err), -1);
    assert_int_equal(err.code, APPERR_INPUT);
    assert_non_null(strstr(err.zMsg, "total: 44 is not women + men"));
    assert_int_equal(counts(27, 16, 1, 44, &c, &err), 0);
    assert_int_equal(counts(27, 16, 2, 44, &c, &err), -1);
    assert_non_null(strstr(err.zMsg, "women + men + unknown"));
    /* A part without a total, a part above it, a negative count. */
    assert_int_equal(counts(22, NONE, NONE, NONE, &c, &err), -1);
    assert_non_null(strstr(err.zMsg, "total: needed"));
    assert_int_equal(counts(50, NONE, NONE, 45, &c, &err), -1);
    assert_int_equal(counts(-2, 3, NONE, NONE, &c, &err), -1);
    assert_non_null(strstr(err.zMsg, "women"));
}

static void
test_event(void **state)
{
    (void)state;
    Outreach o;
    outreach_init(&o);
    o.zFrom = xstrdup("2019-09-12");
    o.zTo = xstrdup("2019-09-13");
    o.zTitle = xstrdup("Gender and statistics");
    AppErr err = APPERR_INIT;
    assert_int_equal(outreach_check(&o, &err), 0);
    free(o.zTo);
    o.zTo = xstrdup("2019-09-11");
    assert_int_equal(outreach_check(&o, &err), -1);
    assert_non_null(strstr(err.zMsg, "date_to"));
    free(o.zTo);
    o.zTo = NULL;
    /* A planned event has reached nobody yet. */
    o.eStatus = OUTREACH_PLANNED;
    o.n.total = 10;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(outreach_check(&o, &err), -1);
    assert_non_null(strstr(err.zMsg, "status"));
    o.n.total = OUTREACH_NONE;
    /* An amount needs its currency. */
    o.eStatus = OUTREACH_HELD;
    o.ordered = 675500;
    err = (AppErr)APPERR_INIT;
    assert_int_equal(outreach_check(&o, &err), -1);
    assert_non_null(strstr(err.zMsg, "currency"));
    outreach_release(&o);
}

static void
test_periods(void **state)
{
    (void)state;
    const char *azGood[] = { "2019-08-31",      "2018-05",
                             "2019Q3",          "2017",
                             "2017-04/2019-07", "2019-07-01/2019-09-30" };
    const char *azBad[] = { "",       "May 2018",   "2018-13",
                            "2019Q5", "2019-02-30", "2019-07/2017-04",
                            "2017/",  "18-05" };
    for (size_t i = 0; i < sizeof azGood / sizeof azGood[0]; i++) {
        AppErr err = APPERR_INIT;
        assert_int_equal(outreach_check_period(azGood[i], &err), 0);
    }
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        AppErr err = APPERR_INIT;
        assert_int_equal(outreach_check_period(azBad[i], &err), -1);
        assert_int_equal(err.code, APPERR_INPUT);
    }
}

/* Writable strings for the figures (StatObs owns its strings). */
static char zTH[] = "TH", zMay[] = "2018-05", zOfwa[] = "OFWA",
            zOther[] = "other";

static StatObs
obs(StatSex e, int64_t v, char *zSource)
{
    return (
        StatObs){ STAT_STOCK, zTH, STAT_MOU, e, zMay, zSource, v, NULL, 0, 0 };
}

static void
test_stat_sums(void **state)
{
    (void)state;
    StatObs a[] = { obs(STAT_TOTAL, 311290, zOfwa),
                    obs(STAT_WOMEN, 129680, zOfwa),
                    obs(STAT_MEN, 181610, zOfwa),
                    /* Another source's figure is its own. */
                    obs(STAT_TOTAL, 5, zOther) };
    size_t iBad = 99;
    AppErr err = APPERR_INIT;
    assert_int_equal(stat_check_sums(a, 4, &iBad, &err), 0);
    a[2].value = 181611;
    assert_int_equal(stat_check_sums(a, 4, &iBad, &err), -1);
    assert_int_equal(iBad, 0);
    assert_non_null(strstr(err.zMsg, "total 311290 is not women + men"));
    /* Two of only two sexes need no total. */
    assert_int_equal(stat_check_sums(a + 1, 2, &iBad, &err), 0);
    /* A sex given twice. */
    a[2] = obs(STAT_WOMEN, 1, zOfwa);
    err = (AppErr)APPERR_INIT;
    assert_int_equal(stat_check_sums(a, 3, &iBad, &err), -1);
    assert_non_null(strstr(err.zMsg, "women: given twice"));
}

static void
test_codes(void **state)
{
    (void)state;
    assert_int_equal(code_index(CODE_STAT_CHANNEL, "MOU"), STAT_MOU);
    assert_int_equal(code_index(CODE_STAT_CHANNEL, "one-stop"), STAT_ONE_STOP);
    assert_int_equal(code_index(CODE_STAT_CHANNEL, "Nationality verification"),
                     STAT_NV);
    assert_int_equal(code_index(CODE_OUTREACH_KIND, "Workshop"),
                     OUTREACH_WORKSHOP);
    assert_int_equal(code_index(CODE_OUTREACH_KIND, "seminar"), -1);
    assert_string_equal(code_label(CODE_STAT_SEX, "women"), "Women");
}

/* Who writes an event: a reporter of one of its organisations, the M&E
** officer and administrators any; a reporter of another organisation, a
** reporter without one, a viewer or a case officer none. */
static void
test_may_write(void **state)
{
    (void)state;
    char zIlo[] = "ILO", zMolvt[] = "MOLVT";
    char *azOrg[] = { zMolvt, zIlo };
    Outreach o;
    outreach_init(&o);
    o.azOrg = azOrg;
    o.nOrg = 2;
    const Actor ilo = { "sok", ROLE_REPORTER, "ILO" };
    const Actor iom = { "dara", ROLE_REPORTER, "IOM" };
    const Actor none = { "lone", ROLE_REPORTER, NULL };
    const Actor officer = { "me", ROLE_ME_OFFICER, NULL };
    const Actor admin = { "root", ROLE_ADMIN, NULL };
    const Actor viewer = { "v", ROLE_VIEWER, NULL };
    const Actor cases = { "c", ROLE_CASE_OFFICER, "ILO" };
    AppErr err = APPERR_INIT;
    assert_int_equal(outreach_may_write(&ilo, &o, &err), 0);
    assert_int_equal(outreach_may_write(&officer, &o, &err), 0);
    assert_int_equal(outreach_may_write(&admin, &o, &err), 0);
    const Actor *apNo[] = { &iom, &none, &viewer, &cases };
    for (size_t i = 0; i < sizeof apNo / sizeof apNo[0]; i++) {
        err = (AppErr)APPERR_INIT;
        assert_int_equal(outreach_may_write(apNo[i], &o, &err), -1);
        assert_int_equal(err.code, APPERR_FORBIDDEN);
    }
    /* The refusal of another organisation's reporter says whose. */
    err = (AppErr)APPERR_INIT;
    (void)outreach_may_write(&iom, &o, &err);
    assert_non_null(strstr(err.zMsg, "IOM"));
    /* An event of no organisation is the officer's to record. */
    o.nOrg = 0;
    assert_int_equal(outreach_may_write(&ilo, &o, &err), -1);
    assert_int_equal(outreach_may_write(&officer, &o, &err), 0);
    /* Statistics and media: the officer and administrators only. */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(stat_may_write(&officer, &err), 0);
    assert_int_equal(stat_may_write(&admin, &err), 0);
    assert_int_equal(stat_may_write(&ilo, &err), -1);
    assert_int_equal(err.code, APPERR_FORBIDDEN);
    assert_int_equal(outreach_may_write_media(&officer, &err), 0);
    assert_int_equal(outreach_may_write_media(&ilo, &err), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),  cmocka_unit_test(test_event),
        cmocka_unit_test(test_periods), cmocka_unit_test(test_stat_sums),
        cmocka_unit_test(test_codes),   cmocka_unit_test(test_may_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
