/*
** test_funding.c — unit tests of costs, funding lines and their totals
** (src/core/funding.h): currencies are ISO 4217's, amounts are never
** negative, totals never add two currencies, and a gap is computed only
** when cost and funding share one currency.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/funding.h"

/* A literal where a record holds an owned text it never frees here. */
#define S(z) ((char *)(uintptr_t)(z))

static void
test_funding_currency(void **state)
{
    (void)state;
    assert_true(money_currency_ok("USD"));
    assert_true(money_currency_ok("KHR"));
    assert_false(money_currency_ok("XYZ"));
    assert_false(money_currency_ok("usd"));
    assert_false(money_currency_ok("US$"));
    assert_false(money_currency_ok("USDD"));
    assert_false(money_currency_ok(NULL));
}

static void
test_funding_amounts(void **state)
{
    (void)state;
    AppErr err = APPERR_INIT;
    int64_t v = 0;
    assert_int_equal(money_amount_parse("12500.05", &v, &err), 0);
    assert_true(v == 1250005);
    assert_int_equal(money_amount_parse("-5", &v, &err), -1);
    assert_non_null(strstr(err.zMsg, "negative"));
    err = (AppErr)APPERR_INIT;
    assert_int_equal(money_amount_parse("1,000", &v, &err), -1);
    assert_non_null(strstr(err.zMsg, "not an amount"));
    Buf b = BUF_INIT;
    money_format(&b, 4000000005);
    assert_string_equal(buf_str(&b), "40,000,000.05");
    buf_reset(&b);
    money_format(&b, -125050);
    assert_string_equal(buf_str(&b), "-1,250.50");
    buf_release(&b);
}

static void
test_funding_checks(void **state)
{
    (void)state;
    AppErr err = APPERR_INIT;
    FundLine l = { .iLine = 1,
                   .eKind = FUND_PARTNER,
                   .amount = 10,
                   .zCurrency = "USD",
                   .eStatus = FUND_SECURED };
    assert_int_equal(fund_line_check(&l, &err), -1); /* no organisation */
    assert_non_null(strstr(err.zMsg, "source"));
    err = (AppErr)APPERR_INIT;
    l.zOrg = (char *)(uintptr_t) "ILO";
    assert_int_equal(fund_line_check(&l, &err), 0);
    l.amount = -1;
    assert_int_equal(fund_line_check(&l, &err), -1);
    assert_non_null(strstr(err.zMsg, "negative"));
    err = (AppErr)APPERR_INIT;
    l.amount = 1;
    memcpy(l.zCurrency, "ABC", 4);
    assert_int_equal(fund_line_check(&l, &err), -1);
    assert_non_null(strstr(err.zMsg, "ISO 4217"));
}

/* USD and KHR lines: two totals, neither holding the other's amounts. */
static void
test_funding_totals_per_currency(void **state)
{
    (void)state;
    FundCost aCost[] = {
        { .zRound = S("2018"),
          .zNode = S("1.1"),
          .amount = 100000,
          .zCurrency = "USD" },
        { .zRound = S("2018"),
          .zNode = S("1.2"),
          .amount = 100000,
          .zCurrency = "USD" },
    };
    FundLine aLine[] = {
        { .zRound = S("2018"),
          .zNode = S("1.1"),
          .iLine = 1,
          .amount = 30000,
          .zCurrency = "USD",
          .eStatus = FUND_SECURED },
        { .zRound = S("2018"),
          .zNode = S("1.1"),
          .iLine = 2,
          .amount = 20000,
          .zCurrency = "USD",
          .eStatus = FUND_PLEDGED },
        { .zRound = S("2018"),
          .zNode = S("1.1"),
          .iLine = 3,
          .amount = 99900,
          .zCurrency = "USD",
          .eStatus = FUND_GAP },
        { .zRound = S("2018"),
          .zNode = S("1.2"),
          .iLine = 1,
          .amount = 400000000,
          .zCurrency = "KHR",
          .eStatus = FUND_SECURED },
    };
    FundSet s = { aCost, 2, aLine, 4 };
    int64_t gap = 0;
    assert_int_equal(fund_activity_gap(&s, "2018", "1.1", &gap), 1);
    assert_true(gap == 50000); /* the gap line does not count */
    assert_int_equal(fund_activity_gap(&s, "2018", "1.2", &gap), 0);
    assert_int_equal(fund_activity_gap(&s, "2018", "2.1", &gap), 0);
    FundTotals t = { 0 };
    fund_totals_add_activity(&t, &s, "2018", "1.1");
    fund_totals_add_activity(&t, &s, "2018", "1.2");
    assert_int_equal(t.n, 2);
    const FundTotal *usd = fund_totals_get(&t, "USD");
    const FundTotal *khr = fund_totals_get(&t, "KHR");
    assert_true(usd->cost == 200000);
    assert_true(usd->secured == 30000);
    assert_true(usd->pledged == 20000);
    assert_true(usd->asked == 99900);
    assert_true(usd->gap == 50000);
    assert_int_equal(usd->nGap, 1);
    assert_int_equal(usd->nNoGap, 1);
    assert_true(khr->cost == 0);
    assert_true(khr->secured == 400000000);
    assert_int_equal(khr->nGap, 0);
    assert_int_equal(khr->nNoGap, 1);
    fund_totals_release(&t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_funding_currency),
        cmocka_unit_test(test_funding_amounts),
        cmocka_unit_test(test_funding_checks),
        cmocka_unit_test(test_funding_totals_per_currency),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
