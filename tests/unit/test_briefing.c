/*
** test_briefing.c — unit tests of the quarterly briefing's selection and
** wording (src/core/briefing.h): which quarter a string names, which
** events are activities, partner results or upcoming, which statistics
** are the latest known at the quarter's end, which register cases count,
** and the seed's ways of writing counts and dates.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/briefing.h"

#define NONE OUTREACH_NONE
/* A literal where the structs hold owned (non-const) strings. */
#define W(z) ((char *)(uintptr_t)(z))

static void
test_quarter(void **state)
{
    (void)state;
    BriefQuarter q;
    AppErr err = APPERR_INIT;
    assert_int_equal(briefing_quarter_parse("2019Q3", &q, &err), 0);
    assert_string_equal(q.zFrom, "2019-07-01");
    assert_string_equal(q.zTo, "2019-09-30");
    assert_string_equal(q.zNextFrom, "2019-10-01");
    assert_string_equal(q.zNextTo, "2019-12-31");
    assert_string_equal(q.zCode, "2019Q3");
    assert_int_equal(briefing_quarter_parse("2019-q4", &q, &err), 0);
    assert_string_equal(q.zCode, "2019Q4");
    assert_string_equal(q.zNextFrom, "2020-01-01");
    assert_string_equal(q.zNextTo, "2020-03-31");
    assert_non_null(strstr(q.zLabel, "October"));
    const char *azBad[] = { "2019Q5",   "2019Q0", "2019-3", "19Q3", "2019Q3 ",
                            "2019--Q3", "",       "abcdQ1", "2019Q" };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        err = (AppErr)APPERR_INIT;
        assert_int_equal(briefing_quarter_parse(azBad[i], &q, &err), -1);
        assert_int_equal(err.code, APPERR_USAGE);
        /* The message names what was given. */
        Buf quoted = BUF_INIT;
        buf_printf(&quoted, "'%s'", azBad[i]);
        assert_non_null(strstr(err.zMsg, buf_str(&quoted)));
        buf_release(&quoted);
    }
}

static Outreach
ev(const char *zFrom, const char *zTo, const char *zTitle, OutreachStatus e,
   char **azOrg, size_t nOrg)
{
    Outreach o;
    outreach_init(&o);
    o.zFrom = (char *)(uintptr_t)zFrom;
    o.zTo = (char *)(uintptr_t)zTo;
    o.zTitle = (char *)(uintptr_t)zTitle;
    o.eStatus = e;
    o.azOrg = azOrg;
    o.nOrg = nOrg;
    return o;
}

static void
test_select(void **state)
{
    (void)state;
    char *azLscw[] = { W("LSCW") }, *azMrc[] = { W("MRC"), W("LSCW") };
    Outreach a[] = {
        ev("2019-09-12", "2019-09-13", "training", OUTREACH_HELD, NULL, 0),
        ev("2019-07-01", "2019-07-31", "brief", OUTREACH_HELD, azLscw, 1),
        ev("2017-04-01", "2019-07-31", "result", OUTREACH_HELD, azMrc, 2),
        ev("2017-04-01", "2019-10-31", "still running", OUTREACH_HELD, NULL, 0),
        ev("2017-04-01", "2019-06-30", "reported before", OUTREACH_HELD, NULL,
           0),
        ev("2019-06-30", NULL, "last quarter", OUTREACH_HELD, NULL, 0),
        ev("2019-11-18", "2019-11-22", "visit", OUTREACH_PLANNED, azLscw, 1),
        ev("2020-01-02", NULL, "too far", OUTREACH_PLANNED, NULL, 0),
        ev("2019-09-20", NULL, "planned, past", OUTREACH_PLANNED, NULL, 0),
    };
    Media m[] = { { W("2019-09-26"), W("b"), W("o"), NULL, 0, 0 },
                  { W("2019-08-26"), W("a"), W("o"), NULL, 0, 0 },
                  { W("2019-10-01"), W("c"), W("o"), NULL, 0, 0 } };
    StatObs s[] = {
        { STAT_STOCK, W("TH"), STAT_MOU, STAT_WOMEN, W("2018-05"), W("S"), 1,
          NULL, 0, 0 },
        { STAT_STOCK, W("TH"), STAT_MOU, STAT_TOTAL, W("2018-05"), W("S"), 3,
          W("MOU"), 0, 0 },
        { STAT_STOCK, W("TH"), STAT_MOU, STAT_MEN, W("2018-05"), W("S"), 2,
          NULL, 0, 0 },
        { STAT_STOCK, W("TH"), STAT_MOU, STAT_TOTAL, W("2017"), W("S"), 9, NULL,
          0, 0 },
        { STAT_STOCK, W("TH"), STAT_MOU, STAT_TOTAL, W("2019Q4"), W("S"), 7,
          NULL, 0, 0 },
        { STAT_STOCK, W("MY"), STAT_CHANNEL_ANY, STAT_TOTAL, W("2017-03"),
          W("S"), 5, NULL, 0, 0 },
    };
    BriefQuarter q;
    AppErr err = APPERR_INIT;
    assert_int_equal(briefing_quarter_parse("2019Q3", &q, &err), 0);
    Briefing b;
    briefing_init(&b, &q, NULL);
    briefing_select(&b, a, sizeof a / sizeof a[0], m, 3, s, 6);
    assert_int_equal(b.nActivity, 2);
    assert_string_equal(b.apActivity[0]->zTitle, "brief"); /* by date */
    assert_string_equal(b.apActivity[1]->zTitle, "training");
    assert_int_equal(b.nResult, 1);
    assert_string_equal(b.apResult[0]->zTitle, "result");
    assert_int_equal(b.nUpcoming, 1);
    assert_string_equal(b.apUpcoming[0]->zTitle, "visit");
    assert_int_equal(b.nMedia, 2);
    assert_string_equal(b.apMedia[0]->zTitle, "a");
    /* Malaysia's one figure; Thailand's of May 2018 (2019Q4 was not yet
    ** known, 2017 is older), women, men and total together. */
    assert_int_equal(b.nFigure, 2);
    assert_string_equal(b.aFigure[0].pFirst->zDest, "MY");
    assert_int_equal(b.aFigure[0].women, NONE);
    assert_int_equal(b.aFigure[0].total, 5);
    assert_string_equal(b.aFigure[1].pFirst->zPeriod, "2018-05");
    assert_int_equal(b.aFigure[1].women, 1);
    assert_int_equal(b.aFigure[1].men, 2);
    assert_int_equal(b.aFigure[1].total, 3);
    assert_string_equal(b.aFigure[1].zNote, "MOU");
    assert_false(briefing_is_empty(&b));
    briefing_release(&b);

    /* One organisation: its events only, statistics unchanged. */
    briefing_init(&b, &q, "LSCW");
    briefing_select(&b, a, sizeof a / sizeof a[0], m, 3, s, 6);
    assert_int_equal(b.nActivity, 1);
    assert_int_equal(b.nResult, 1);
    assert_int_equal(b.nUpcoming, 1);
    assert_int_equal(b.nFigure, 2);
    briefing_release(&b);

    /* Nothing at all in 2015. */
    assert_int_equal(briefing_quarter_parse("2015Q1", &q, &err), 0);
    briefing_init(&b, &q, NULL);
    briefing_select(&b, a, sizeof a / sizeof a[0], m, 3, s, 6);
    assert_true(briefing_is_empty(&b));
    briefing_release(&b);
}

static Case
kase(const char *zResolved, CaseStage e, CaseSex sex, const char *zOrg,
     int64_t ordered)
{
    Case c;
    memset(&c, 0, sizeof c);
    memcpy(c.zLodged, "2019-01-01", 11);
    memcpy(c.zResolved, zResolved, strlen(zResolved) + 1);
    c.eStage = e;
    c.eSex = sex;
    c.zAssistingOrg = W(zOrg);
    memcpy(c.zCurrency, "USD", 4);
    c.ordered = ordered;
    return c;
}

static void
test_cases(void **state)
{
    (void)state;
    BriefQuarter q;
    AppErr err = APPERR_INIT;
    assert_int_equal(briefing_quarter_parse("2019Q3", &q, &err), 0);
    Briefing b;
    briefing_init(&b, &q, NULL);
    Case ac[] = {
        kase("2019-07-01", STAGE_RESOLVED, SEX_FEMALE, "MRC", 100),
        kase("2019-09-30", STAGE_RESOLVED, SEX_MALE, "MRC", 250),
        kase("2019-08-01", STAGE_RESOLVED, SEX_UNKNOWN, "LSCW", 0),
        kase("2019-10-01", STAGE_RESOLVED, SEX_FEMALE, "MRC", 1),
        kase("2019-08-01", STAGE_WITHDRAWN, SEX_FEMALE, "MRC", 1),
        kase("", STAGE_LODGED, SEX_FEMALE, "MRC", 1),
    };
    for (size_t i = 0; i < sizeof ac / sizeof ac[0]; i++) {
        briefing_add_case(&b, &ac[i]);
    }
    assert_int_equal(b.nCases, 2);
    assert_string_equal(b.aCases[0].zOrg, "LSCW"); /* by acronym */
    assert_int_equal(b.aCases[0].nUnknown, 1);
    assert_int_equal(b.aCases[1].nResolved, 2);
    assert_int_equal(b.aCases[1].nWomen, 1);
    assert_int_equal(b.aCases[1].nMen, 1);
    assert_int_equal(b.aCases[1].ordered, 350);
    assert_string_equal(b.aCases[1].zCurrency, "USD");
    briefing_release(&b);
}

static void
expect_people(int64_t w, int64_t m, int64_t u, int64_t t, const char *zWant)
{
    Buf b = BUF_INIT;
    SexCounts c = { w, m, u, t };
    briefing_people(&b, &c);
    assert_string_equal(buf_str(&b), zWant);
    buf_release(&b);
}

static void
expect_when(const char *zFrom, const char *zTo, const char *zWant)
{
    Buf b = BUF_INIT;
    briefing_when(&b, zFrom, zTo);
    assert_string_equal(buf_str(&b), zWant);
    buf_release(&b);
}

static void
test_words(void **state)
{
    (void)state;
    expect_people(27, 16, NONE, 43, "43 (W27: M16)");
    expect_people(7308, NONE, NONE, 11182, "11,182 (including 7,308 women)");
    expect_people(NONE, NONE, NONE, 3776, "3,776");
    expect_people(3, 2, 1, 6, "6 (W3: M2: unknown 1)");
    expect_people(NONE, NONE, NONE, NONE, "");
    Buf b = BUF_INIT;
    briefing_number(&b, 1234567);
    buf_putc(&b, ' ');
    briefing_amount(&b, 675550);
    buf_putc(&b, ' ');
    briefing_amount(&b, 8460000);
    buf_putc(&b, ' ');
    briefing_period(&b, "2018-05");
    buf_putc(&b, ' ');
    briefing_period(&b, "2017-04/2019-07");
    assert_string_equal(buf_str(&b), "1,234,567 6,755.50 84,600 May 2018 "
                                     "April 2017 \xE2\x80\x93 July 2019");
    buf_release(&b);
    expect_when("2019-07-30", NULL, "30 July");
    expect_when("2019-09-12", "2019-09-13",
                "12\xE2\x80\x93"
                "13 September");
    expect_when("2019-07-01", "2019-07-31", "July");
    expect_when("2020-02-01", "2020-02-29", "February");
    expect_when("2019-02-01", "2019-02-28", "February");
    expect_when("2017-04-01", "2019-07-31",
                "April 2017 \xE2\x80\x93 July 2019");
    expect_when("2019-06-28", "2019-07-02", "28 June \xE2\x80\x93 2 July");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quarter),
        cmocka_unit_test(test_select),
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
