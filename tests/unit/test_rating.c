/*
** test_rating.c — unit tests of rating parsing and naming
** (src/core/rating.h).
**
** Reviews spell the three ratings many ways; an import must accept those
** spellings and refuse anything else (a typo must not silently become
** "not rated").
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/rating.h"

/* Assert that z parses as eWant. */
static void
check_parse(const char *z, Rating eWant)
{
    Rating e = RATING_COUNT;
    int rc = rating_parse(z, &e);
    if (rc != 0 || e != eWant) {
        print_error("rating_parse(\"%s\") = %d, rating %d; want rating %d\n",
                    z ? z : "(null)", rc, (int)e, (int)eWant);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(e, eWant);
}

/* Assert that z is refused and *pOut left alone. */
static void
check_refused(const char *z)
{
    Rating e = RATING_PROGRESSING;
    int rc = rating_parse(z, &e);
    if (rc != -1) {
        print_error("rating_parse(\"%s\") accepted it as %d\n", z, (int)e);
    }
    assert_int_equal(rc, -1);
    assert_int_equal(e, RATING_PROGRESSING);
}

static void
test_rating_parse_on_target(void **state)
{
    (void)state;
    check_parse("On Target", RATING_ON_TARGET);
    check_parse("On-Track", RATING_ON_TARGET);
    check_parse("on track", RATING_ON_TARGET);
    check_parse(" ON   TARGET ", RATING_ON_TARGET);
    check_parse("on_target", RATING_ON_TARGET);
}

static void
test_rating_parse_others(void **state)
{
    (void)state;
    check_parse("Progressing", RATING_PROGRESSING);
    check_parse("PROGRESSING", RATING_PROGRESSING);
    check_parse("Not on target", RATING_NOT_ON_TARGET);
    check_parse("not-on-target", RATING_NOT_ON_TARGET);
    check_parse("Not on Target", RATING_NOT_ON_TARGET);
}

static void
test_rating_parse_empty(void **state)
{
    (void)state;
    check_parse("", RATING_NONE);
    check_parse("   ", RATING_NONE);
    check_parse("\t", RATING_NONE);
    check_parse(NULL, RATING_NONE);
}

static void
test_rating_parse_refuses(void **state)
{
    (void)state;
    check_refused("On track?");
    check_refused("Done");
    check_refused("Progresing");
    check_refused("On");
    check_refused("target");
    check_refused("not");
    check_refused("On Target.");
    check_refused("not on target yet");
}

/* rating_name() and rating_key() give what rating_parse() reads back, so
** exports re-import unchanged. */
static void
test_rating_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < RATING_COUNT; i++) {
        Rating r = (Rating)i;
        Rating e = RATING_COUNT;
        assert_int_equal(rating_parse(rating_name(r), &e), 0);
        assert_int_equal(e, r);
        e = RATING_COUNT;
        assert_int_equal(rating_parse(rating_key(r), &e), 0);
        assert_int_equal(e, r);
    }
}

static void
test_rating_names(void **state)
{
    (void)state;
    assert_string_equal(rating_name(RATING_ON_TARGET), "On Target");
    assert_string_equal(rating_name(RATING_PROGRESSING), "Progressing");
    assert_string_equal(rating_name(RATING_NOT_ON_TARGET), "Not on Target");
    assert_string_equal(rating_name(RATING_NONE), "");
    assert_string_equal(rating_key(RATING_ON_TARGET), "on_target");
    assert_string_equal(rating_key(RATING_PROGRESSING), "progressing");
    assert_string_equal(rating_key(RATING_NOT_ON_TARGET), "not_on_target");
    assert_string_equal(rating_key(RATING_NONE), "not_rated");
    /* Names and keys are all different. */
    for (int i = 0; i < RATING_COUNT; i++) {
        for (int j = i + 1; j < RATING_COUNT; j++) {
            assert_string_not_equal(rating_name((Rating)i),
                                    rating_name((Rating)j));
            assert_string_not_equal(rating_key((Rating)i),
                                    rating_key((Rating)j));
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rating_parse_on_target),
        cmocka_unit_test(test_rating_parse_others),
        cmocka_unit_test(test_rating_parse_empty),
        cmocka_unit_test(test_rating_parse_refuses),
        cmocka_unit_test(test_rating_round_trip),
        cmocka_unit_test(test_rating_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
