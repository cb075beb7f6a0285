/*
** test_str.c — unit tests of the string helpers (src/base/str.h).
**
** str_fold decides which spellings of a rating or organisation match,
** str_distance drives "did you mean" suggestions, str_to_long and
** str_is_date check what users type into files and forms.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "base/str.h"

/* Assert that str_fold(z) is zWant. */
static void
check_fold(const char *z, const char *zWant)
{
    char *zGot = str_fold(z);
    if (strcmp(zGot, zWant) != 0) {
        print_error("str_fold(\"%s\") = \"%s\", want \"%s\"\n", z, zGot, zWant);
    }
    int bOk = strcmp(zGot, zWant) == 0;
    free(zGot);
    assert_true(bOk);
}

static void
test_str_fold_spellings_alike(void **state)
{
    (void)state;
    char *a = str_fold("On-Track ");
    char *b = str_fold("on  track");
    assert_string_equal(a, b);
    assert_string_equal(a, "on track");
    free(a);
    free(b);
}

static void
test_str_fold_separators(void **state)
{
    (void)state;
    check_fold("not_on_target", "not on target");
    check_fold("\tNot\t\ton  -_ Target\t", "not on target");
    check_fold("  MOFA&IC  ", "mofa&ic");
    check_fold("", "");
    check_fold(" \t-_ ", "");
    /* Only ASCII is lower-cased; other bytes pass through unchanged. */
    check_fold("ÉTAT Khmer ក", "État khmer ក");
}

static void
test_str_trim(void **state)
{
    (void)state;
    char *z = str_trim(" \t a  b \r\n");
    assert_string_equal(z, "a  b");
    free(z);
    z = str_trim("   ");
    assert_string_equal(z, "");
    free(z);
}

static void
test_str_eq_null(void **state)
{
    (void)state;
    assert_true(str_eq(NULL, NULL));
    assert_true(str_eq(NULL, ""));
    assert_true(str_eq("", NULL));
    assert_false(str_eq(NULL, "a"));
    assert_true(str_eq("abc", "abc"));
    assert_false(str_eq("abc", "abd"));
}

static void
test_str_distance(void **state)
{
    (void)state;
    /* kitten -> sitten -> sittin -> sitting */
    assert_int_equal(str_distance("kitten", "sitting", 10), 3);
    assert_int_equal(str_distance("sitting", "kitten", 10), 3);
    assert_int_equal(str_distance("flaw", "lawn", 10), 2);
    assert_int_equal(str_distance("same", "same", 0), 0);
    assert_int_equal(str_distance("", "abc", 5), 3);
    assert_int_equal(str_distance("abc", "", 5), 3);
    assert_int_equal(str_distance("", "", 0), 0);
}

/* Beyond the cap the answer is nCap + 1, whichever way it is detected
** (length difference alone, or during the computation). */
static void
test_str_distance_cap(void **state)
{
    (void)state;
    assert_int_equal(str_distance("kitten", "sitting", 3), 3);
    assert_int_equal(str_distance("kitten", "sitting", 2), 3);
    assert_int_equal(str_distance("kitten", "sitting", 1), 2);
    assert_int_equal(str_distance("kitten", "sitting", 0), 1);
    /* Same length, all different: distance 5, capped at 2. */
    assert_int_equal(str_distance("abcde", "vwxyz", 2), 3);
    /* Length difference 6 > cap 2. */
    assert_int_equal(str_distance("ab", "abcdefgh", 2), 3);
    assert_int_equal(str_distance("abcdefgh", "ab", 6), 6);
}

static void
test_str_to_long(void **state)
{
    (void)state;
    long v = -99;
    assert_int_equal(str_to_long("42", 0, 100, &v), 0);
    assert_int_equal(v, 42);
    assert_int_equal(str_to_long("-7", -10, 10, &v), 0);
    assert_int_equal(v, -7);
    assert_int_equal(str_to_long("0", 0, 0, &v), 0);
    assert_int_equal(v, 0);
    /* Bounds are inclusive. */
    assert_int_equal(str_to_long("100", 0, 100, &v), 0);
    assert_int_equal(v, 100);

    v = 1234;
    assert_int_equal(str_to_long("12x", 0, 100, &v), -1);
    assert_int_equal(str_to_long("", 0, 100, &v), -1);
    assert_int_equal(str_to_long(NULL, 0, 100, &v), -1);
    assert_int_equal(str_to_long("x12", 0, 100, &v), -1);
    assert_int_equal(str_to_long("1.5", 0, 100, &v), -1);
    assert_int_equal(str_to_long("0x10", 0, 100, &v), -1);
    assert_int_equal(str_to_long("101", 0, 100, &v), -1);
    assert_int_equal(str_to_long("-1", 0, 100, &v), -1);
    assert_int_equal(
        str_to_long("99999999999999999999999", LONG_MIN, LONG_MAX, &v), -1);
    assert_int_equal(
        str_to_long("-99999999999999999999999", LONG_MIN, LONG_MAX, &v), -1);
    /* A refused value leaves the output alone. */
    assert_int_equal(v, 1234);

    char z[64];
    (void)snprintf(z, sizeof z, "%ld", LONG_MAX);
    assert_int_equal(str_to_long(z, LONG_MIN, LONG_MAX, &v), 0);
    assert_true(v == LONG_MAX);
}

static void
test_str_is_date(void **state)
{
    (void)state;
    assert_true(str_is_date("2016-02-29")); /* leap year */
    assert_true(str_is_date("2000-02-29")); /* divisible by 400 */
    assert_true(str_is_date("2017-12-31"));
    assert_true(str_is_date("2017-01-01"));
    assert_false(str_is_date("2017-02-29"));
    assert_false(str_is_date("1900-02-29")); /* divisible by 100 */
    assert_false(str_is_date("2017-13-01"));
    assert_false(str_is_date("2017-00-10"));
    assert_false(str_is_date("2017-04-31"));
    assert_false(str_is_date("2017-01-00"));
    assert_false(str_is_date("2017-01-32"));
    assert_false(str_is_date("2017-1-01"));
    assert_false(str_is_date("2017-01-1"));
    assert_false(str_is_date("2017/01/01"));
    assert_false(str_is_date("2017-01-01T00:00"));
    assert_false(str_is_date("201a-01-01"));
    assert_false(str_is_date(""));
    assert_false(str_is_date(NULL));
}

/* LMPMON_NOW fixes the clock so tests and audit rows are repeatable. */
static void
test_str_now_utc(void **state)
{
    (void)state;
    char z[32];
    assert_int_equal(setenv("LMPMON_NOW", "2018-03-01T10:00:00Z", 1), 0);
    str_now_utc(z, sizeof z);
    assert_string_equal(z, "2018-03-01T10:00:00Z");
    assert_int_equal(unsetenv("LMPMON_NOW"), 0);
    str_now_utc(z, sizeof z);
    assert_int_equal(strlen(z), 20);
    assert_true(z[4] == '-' && z[10] == 'T' && z[19] == 'Z');
    z[10] = 0;
    assert_true(str_is_date(z));
}

/* The one clock: LMPMON_NOW fixes it (sessions are tested with it), and
** stored times parse back to the same instant. */
static void
test_str_clock(void **state)
{
    (void)state;
    time_t t = 0;
    assert_int_equal(str_parse_utc("2026-03-01T08:00:00Z", &t), 0);
    assert_true(t == (time_t)1772352000);
    assert_int_equal(str_parse_utc("2026-03-01 08:00:00", &t), -1);
    assert_int_equal(str_parse_utc("2026-03-01T08:00:00", &t), -1);
    assert_int_equal(str_parse_utc("", &t), -1);
    assert_int_equal(str_parse_utc(NULL, &t), -1);
    assert_int_equal(setenv("LMPMON_NOW", "2026-03-01T08:00:00Z", 1), 0);
    assert_true(str_clock_now() == (time_t)1772352000);
    char z[32];
    str_now_utc(z, sizeof z);
    assert_string_equal(z, "2026-03-01T08:00:00Z");
    assert_int_equal(setenv("LMPMON_NOW", "not a time", 1), 0);
    time_t now = time(NULL);
    assert_true(str_clock_now() >= now && str_clock_now() <= now + 5);
    assert_int_equal(unsetenv("LMPMON_NOW"), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_str_fold_spellings_alike),
        cmocka_unit_test(test_str_fold_separators),
        cmocka_unit_test(test_str_trim),
        cmocka_unit_test(test_str_eq_null),
        cmocka_unit_test(test_str_distance),
        cmocka_unit_test(test_str_distance_cap),
        cmocka_unit_test(test_str_to_long),
        cmocka_unit_test(test_str_is_date),
        cmocka_unit_test(test_str_now_utc),
        cmocka_unit_test(test_str_clock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
