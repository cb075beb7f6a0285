/*
** test_cases.c — unit tests of the complaints rules (src/core/cases.h).
**
** Goal 10 counts cases resolved "within 3 months", and the report goes to
** the public with small groups hidden: the date rule must hold at month
** ends and in leap years, amounts must parse exactly or be refused, a case
** officer's scope must not open cases to someone with no organisation,
** and no hidden count may be worked out from what is shown.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "core/cases.h"
#include "core/model.h"

static void
test_three_months_month_ends(void **state)
{
    (void)state;
    static const char *const aCase[][2] = {
        { "2018-01-31", "2018-04-30" },  /* April has 30 days */
        { "2018-01-15", "2018-04-15" },
        { "2018-03-31", "2018-06-30" },
        { "2018-10-31", "2019-01-31" },  /* into the next year */
        { "2018-12-31", "2019-03-31" },
        { "2018-11-30", "2019-02-28" },  /* February, common year */
        { "2019-11-30", "2020-02-29" },  /* February, leap year */
        { "2019-11-29", "2020-02-29" },
        { "2020-02-29", "2020-05-29" },  /* from a leap day */
        { "2099-11-30", "2100-02-28" },  /* 2100 is not a leap year */
        { "1999-11-30", "2000-02-29" },  /* 2000 is */
    };
    for (size_t i = 0; i < sizeof aCase / sizeof aCase[0]; i++) {
        char z[11];
        case_three_months_after(aCase[i][0], z);
        if (strcmp(z, aCase[i][1]) != 0) {
            print_error("%s: expected %s, got %s\n", aCase[i][0], aCase[i][1],
                        z);
        }
        assert_string_equal(z, aCase[i][1]);
    }
}

static void
test_days_between(void **state)
{
    (void)state;
    assert_int_equal(case_days_between("2018-01-31", "2018-04-30"), 89);
    assert_int_equal(case_days_between("2020-02-28", "2020-03-01"), 2);
    assert_int_equal(case_days_between("2019-02-28", "2019-03-01"), 1);
    assert_int_equal(case_days_between("2018-12-31", "2019-01-01"), 1);
    assert_int_equal(case_days_between("2018-05-05", "2018-05-05"), 0);
}

static void
test_amount_parse(void **state)
{
    (void)state;
    static const struct {
        const char *z;
        int bOk;
        int64_t minor;
    } a[] = {
        { "0", 1, 0 },
        { "", 1, 0 },                 /* an empty cell is no amount */
        { "6755", 1, 675500 },
        { "1234.5", 1, 123450 },
        { "84600.00", 1, 8460000 },
        { " 12.34 ", 1, 1234 },
        { "92233720368547740", 1, 9223372036854774000 },
        { "922337203685477580", 0, 0 },  /* would overflow in cents */
        { "1234.567", 0, 0 },         /* three decimals */
        { "12.", 0, 0 },
        { ".5", 0, 0 },
        { "-1", 0, 0 },
        { "1,000", 0, 0 },            /* no thousands separators */
        { "1 000", 0, 0 },
        { "12a", 0, 0 },
        { "1e3", 0, 0 },
        { "USD 5", 0, 0 },
    };
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
        int64_t v = -7;
        int rc = case_amount_parse(a[i].z, &v);
        if ((rc == 0) != a[i].bOk || (a[i].bOk && v != a[i].minor)) {
            print_error("'%s': rc %d, value %lld\n", a[i].z, rc, (long long)v);
        }
        assert_int_equal(rc == 0, a[i].bOk);
        if (a[i].bOk) {
            assert_true(v == a[i].minor);
        }
    }
    Buf b = BUF_INIT;
    case_amount_format(&b, 123450);
    buf_putc(&b, ' ');
    case_amount_format(&b, 5);
    buf_putc(&b, ' ');
    case_amount_format(&b, 0);
    assert_string_equal(buf_str(&b), "1234.50 0.05 0.00");
    buf_release(&b);
}

/* An actor with no organisation sees no case, whatever the case's scope. */
static void
test_actor_scope(void **state)
{
    (void)state;
    Case c;
    memset(&c, 0, sizeof c);
    const Actor none = { "x", ROLE_CASE_OFFICER, NULL };
    const Actor empty = { "x", ROLE_CASE_OFFICER, "" };
    const Actor lscw = { "x", ROLE_CASE_OFFICER, "LSCW" };
    const Actor admin = { "x", ROLE_ADMIN, NULL };
    const Actor viewer = { "x", ROLE_VIEWER, "LSCW" };
    /* The case's own strings (a Case holds char *). */
    char zEmpty[] = "", zLscw[] = "LSCW", zCentral[] = "CENTRAL";
    assert_false(case_actor_may(&none, &c));
    assert_false(case_actor_may(&empty, &c));
    assert_false(case_actor_may(&lscw, &c));
    assert_true(case_actor_may(&admin, &c));
    c.zAssistingOrg = zEmpty;
    assert_false(case_actor_may(&empty, &c));
    c.zAssistingOrg = zLscw;
    assert_true(case_actor_may(&lscw, &c));
    assert_false(case_actor_may(&none, &c));
    assert_false(case_actor_may(&viewer, &c));
    c.zAssistingOrg = zCentral;
    assert_false(case_actor_may(&lscw, &c));
}

/* A report of cases by province with the given counts (province "P<i>"). */
static void
report_of(CaseReport *r, const long *an, size_t n)
{
    case_report_init(r);
    char azName[16][24];
    char zThailand[] = "Thailand";
    for (size_t i = 0; i < n; i++) {
        (void)snprintf(azName[i], sizeof azName[i], "P%zu", i);
        for (long k = 0; k < an[i]; k++) {
            Case c;
            memset(&c, 0, sizeof c);
            memcpy(c.zLodged, "2018-01-10", 11);
            c.zProvince = azName[i];
            c.zDestination = zThailand;
            memcpy(c.zCurrency, "USD", 4);
            case_report_add(r, &c);
        }
    }
    case_report_finish(r);
}

/* What a reader of the suppressed report can work out by subtraction:
** every shown cell is at least the threshold, the merged cell holds at
** least the threshold or is shown without figures, and never exactly one
** small cell is merged alone. */
static void
test_suppression_no_subtraction(void **state)
{
    (void)state;
    static const struct {
        long an[6];
        size_t n;
        size_t nShown;    /* cells shown as they are */
        size_t nMerged;   /* cells in "other groups" */
        long nOther;      /* its cases */
        int bOtherHidden;
    } a[] = {
        { { 5, 1 }, 2, 0, 2, 6, 0 },          /* 1 alone: 6 - 5 = 1 */
        { { 40, 30, 2 }, 3, 1, 2, 32, 0 },    /* 2 with the next smallest */
        { { 40, 30, 2, 2 }, 4, 1, 3, 34, 0 }, /* 2 + 2 = 4 < 5: one more */
        { { 40, 3, 3 }, 3, 1, 2, 6, 0 },      /* 3 + 3 = 6: enough */
        { { 10, 10, 10 }, 3, 3, 0, 0, 0 },    /* nothing small */
        { { 1, 2 }, 2, 0, 2, 3, 1 },          /* 3 in all: no figures */
        { { 4 }, 1, 0, 1, 4, 1 },
    };
    for (size_t t = 0; t < sizeof a / sizeof a[0]; t++) {
        CaseReport r;
        report_of(&r, a[t].an, a[t].n);
        CaseShown s;
        case_shown_build(&r, DIM_PROVINCE, 1, &s);
        if (s.nCell != a[t].nShown || s.nMerged != a[t].nMerged) {
            print_error("case %zu: shown %zu, merged %zu\n", t, s.nCell,
                        s.nMerged);
        }
        assert_int_equal(s.nCell, a[t].nShown);
        assert_int_equal(s.nMerged, a[t].nMerged);
        assert_int_equal(s.other.nCases, a[t].nOther);
        assert_int_equal(s.bOtherHidden, a[t].bOtherHidden);
        long nShown = 0;
        for (size_t i = 0; i < s.nCell; i++) {
            assert_true(s.apCell[i]->nCases >= CASE_SUPPRESS_BELOW);
            nShown += s.apCell[i]->nCases;
        }
        /* The total minus what is shown is what "other groups" says. */
        assert_int_equal(r.aCell[DIM_ALL][0].nCases - nShown, s.other.nCases);
        assert_true(s.nMerged != 1 || s.bOtherHidden);
        case_shown_release(&s);

        /* Unsuppressed, everything is shown as it is. */
        case_shown_build(&r, DIM_PROVINCE, 0, &s);
        assert_int_equal(s.nCell, a[t].n);
        assert_int_equal(s.nMerged, 0);
        case_shown_release(&s);
        case_report_release(&r);
    }
}

/* The dashboard's goal-10 sentence says a secondarily hidden group is not
** shown, without calling it small. */
static void
test_goal10_figure_hidden(void **state)
{
    (void)state;
    static const long an[] = { 5, 1 };
    CaseReport r;
    report_of(&r, an, 2);
    Buf b = BUF_INIT;
    assert_int_equal(case_goal10_figure(&r, DIM_PROVINCE, "P0", 0, &b), 1);
    assert_string_equal(buf_str(&b), "0% (0 of 5)");
    buf_reset(&b);
    assert_int_equal(case_goal10_figure(&r, DIM_PROVINCE, "P0", 1, &b), 0);
    assert_non_null(strstr(buf_str(&b), "not shown"));
    assert_null(strstr(buf_str(&b), "fewer than"));
    buf_reset(&b);
    assert_int_equal(case_goal10_figure(&r, DIM_PROVINCE, "P1", 1, &b), 0);
    assert_string_equal(buf_str(&b), "fewer than 5 cases (not shown)");
    buf_reset(&b);
    assert_int_equal(case_goal10_figure(&r, DIM_PROVINCE, "P9", 1, &b), 0);
    assert_string_equal(buf_str(&b), "no cases");
    buf_release(&b);
    case_report_release(&r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_months_month_ends),
        cmocka_unit_test(test_days_between),
        cmocka_unit_test(test_amount_parse),
        cmocka_unit_test(test_actor_scope),
        cmocka_unit_test(test_suppression_no_subtraction),
        cmocka_unit_test(test_goal10_figure_hidden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
