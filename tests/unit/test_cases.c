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
#include "base/xalloc.h"
#include "core/cases.h"
#include "core/model.h"

static void
test_three_months_month_ends(void **state)
{
    (void)state;
    static const char *const aCase[][2] = {
        { "2018-01-31", "2018-04-30" }, /* April has 30 days */
        { "2018-01-15", "2018-04-15" },
        { "2018-03-31", "2018-06-30" },
        { "2018-10-31", "2019-01-31" }, /* into the next year */
        { "2018-12-31", "2019-03-31" },
        { "2018-11-30", "2019-02-28" }, /* February, common year */
        { "2019-11-30", "2020-02-29" }, /* February, leap year */
        { "2019-11-29", "2020-02-29" },
        { "2020-02-29", "2020-05-29" }, /* from a leap day */
        { "2099-11-30", "2100-02-28" }, /* 2100 is not a leap year */
        { "1999-11-30", "2000-02-29" }, /* 2000 is */
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
        { "", 1, 0 }, /* an empty cell is no amount */
        { "6755", 1, 675500 },
        { "1234.5", 1, 123450 },
        { "84600.00", 1, 8460000 },
        { " 12.34 ", 1, 1234 },
        { "92233720368547740", 1, 9223372036854774000 },
        { "922337203685477580", 0, 0 }, /* would overflow in cents */
        { "1234.567", 0, 0 },           /* three decimals */
        { "12.", 0, 0 },
        { ".5", 0, 0 },
        { "-1", 0, 0 },
        { "1,000", 0, 0 }, /* no thousands separators */
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
        size_t nShown;  /* cells shown as they are */
        size_t nMerged; /* cells in "other groups" */
        long nOther;    /* its cases */
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

/* ---- the reports of a whole register ------------------------------------ */

/* Case i of a varied caseload: years 2016-2019, resolved or not, within
** three months or not, several types, provinces with odd characters. */
static void
varied_case(long i, Case *c, char *zProv, size_t nProv, const char *zCur)
{
    static const char *const azProv[] = { "Prey Veng", "Kampot", "Line\nbreak",
                                          "Back\\slash" };
    memset(c, 0, sizeof *c);
    /* Through a wide buffer: the compiler cannot see that the numbers
    ** fit ten characters, and would warn of truncation. */
    char zDate[48];
    (void)snprintf(zDate, sizeof zDate, "%ld-%02ld-%02ld", 2016 + i % 4,
                   1 + i % 12, 1 + i % 28);
    memcpy(c->zLodged, zDate, sizeof c->zLodged - 1);
    if (i % 3) {
        c->eStage = STAGE_RESOLVED;
        (void)snprintf(zDate, sizeof zDate, "%ld-%02ld-28",
                       2016 + i % 4 + (i % 5 == 0), 1 + (i * 7) % 12);
        memcpy(c->zResolved, zDate, sizeof c->zResolved - 1);
        if (strcmp(c->zResolved, c->zLodged) < 0) {
            memcpy(c->zResolved, c->zLodged, 11);
        }
    } else {
        c->eStage = i % 2 ? STAGE_COURT : STAGE_LODGED;
    }
    c->eSex = (CaseSex)(i % SEX_COUNT);
    c->eSatisfied = (CaseSatisfied)(i % SATISFIED_COUNT);
    (void)snprintf(zProv, nProv, "%s", azProv[i % 4]);
    c->zProvince = zProv;
    static char zThailand[] = "Thailand", zNone[] = "", zMrc[] = "MRC";
    c->zDestination = i % 2 ? zThailand : zNone;
    c->zAssistingOrg = i % 5 ? zMrc : NULL;
    c->types = (unsigned)(1 + i % 100);
    memcpy(c->zCurrency, zCur, 4);
    c->requested = 1000 + i;
    c->ordered = 500 + i;
    c->paid = i;
}

/* The set's text after finishing (cells sorted: comparable). */
static char *
set_text(CaseReportSet *x)
{
    case_report_set_finish(x);
    Buf b = BUF_INIT;
    case_report_set_write(x, &b);
    return buf_detach(&b);
}

/* Counting the cases in two parts and merging gives what counting them
** all gives; so does summing the years; the text reads back the same. */
static void
test_report_set_merge_and_text(void **state)
{
    (void)state;
    CaseReportSet all, first, second;
    case_report_set_init(&all);
    case_report_set_init(&first);
    case_report_set_init(&second);
    char zProv[32];
    for (long i = 0; i < 2000; i++) {
        Case c;
        varied_case(i, &c, zProv, sizeof zProv, "USD");
        case_report_set_add(&all, &c);
        if (i < 1300) {
            case_report_set_add(&first, &c);
        } else {
            case_report_set_add_year(&second, &c);
        }
    }
    assert_int_equal(case_report_set_total(&second), 0);
    /* Through the text, as the database keeps it. */
    Buf b = BUF_INIT;
    case_report_set_write(&first, &b);
    CaseReportSet kept;
    case_report_set_init(&kept);
    assert_int_equal(case_report_set_read(&kept, buf_str(&b)), 0);
    buf_release(&b);
    assert_int_equal(case_report_set_merge(&kept, &second), 0);
    char *zAll = set_text(&all), *zMerged = set_text(&kept);
    assert_string_equal(zMerged, zAll);
    assert_non_null(strstr(zAll, "Line\\nbreak"));
    const CaseReport *r = case_report_set_get(&kept, 2017);
    assert_non_null(r);
    assert_int_equal(r->aCell[DIM_ALL][0].nCases, 500);
    assert_null(case_report_set_get(&kept, 2015));
    free(zAll);
    free(zMerged);
    case_report_set_release(&all);
    case_report_set_release(&first);
    case_report_set_release(&second);
    case_report_set_release(&kept);
}

/* Sums are in the first case's currency: added cases of another currency
** cannot be merged, nor years holding two currencies summed. */
static void
test_report_set_currencies(void **state)
{
    (void)state;
    CaseReportSet usd, khr, mixed;
    case_report_set_init(&usd);
    case_report_set_init(&khr);
    case_report_set_init(&mixed);
    char zProv[32];
    Case c;
    for (long i = 0; i < 50; i++) {
        varied_case(i, &c, zProv, sizeof zProv, "USD");
        case_report_set_add(&usd, &c);
        varied_case(i, &c, zProv, sizeof zProv, "KHR");
        case_report_set_add_year(&khr, &c);
        varied_case(i, &c, zProv, sizeof zProv, i == 7 ? "KHR" : "USD");
        case_report_set_add_year(&mixed, &c);
    }
    assert_int_equal(case_report_set_total(&khr), 0);
    assert_int_equal(case_report_set_merge(&usd, &khr), -1);
    assert_int_equal(case_report_set_total(&mixed), -1);
    case_report_set_release(&usd);
    case_report_set_release(&khr);
    case_report_set_release(&mixed);
}

/* Text that is not a whole set of this version is refused. */
static void
test_report_set_bad_text(void **state)
{
    (void)state;
    CaseReportSet x;
    case_report_set_init(&x);
    char zProv[32];
    Case c;
    varied_case(4, &c, zProv, sizeof zProv, "USD");
    case_report_set_add(&x, &c);
    Buf b = BUF_INIT;
    case_report_set_write(&x, &b);
    case_report_set_release(&x);
    const char *z = buf_str(&b);
    char *zCut = xstrndup(z, b.n - 4); /* no "end" */
    static const char *const azBad[] = {
        "",
        "lmpmon case report set 2\nend\n",
        "lmpmon case report set 1\nreport 0 usd 0\nend\n",
        "lmpmon case report set 1\ncell 0 1 1 1 1 0 0 0 0 all\nhist\nend\n",
        "lmpmon case report set 1\nreport 0 USD 0\n"
        "cell 9 1 1 1 1 0 0 0 0 all\nhist\nend\n",
        "lmpmon case report set 1\nreport 0 USD 0\n"
        "cell 0 1 1 1 1 0 0 0 0 all\nhist 3661:1\nend\n",
        "lmpmon case report set 1\nreport 0 USD 0\nreport 0 USD 0\nend\n",
        "lmpmon case report set 1\nreport 0 USD 0\nend\nmore",
    };
    size_t nBad = sizeof azBad / sizeof azBad[0];
    for (size_t i = 0; i <= nBad; i++) {
        const char *zBad = i < nBad ? azBad[i] : zCut;
        case_report_set_init(&x);
        int rc = case_report_set_read(&x, zBad);
        if (rc != -1) {
            print_error("accepted: %s\n", zBad);
        }
        assert_int_equal(rc, -1);
        case_report_set_release(&x);
    }
    case_report_set_init(&x);
    assert_int_equal(case_report_set_read(&x, z), 0);
    case_report_set_release(&x);
    free(zCut);
    buf_release(&b);
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
        cmocka_unit_test(test_report_set_merge_and_text),
        cmocka_unit_test(test_report_set_currencies),
        cmocka_unit_test(test_report_set_bad_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
