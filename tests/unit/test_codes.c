/*
** test_codes.c — unit tests of the code tables (src/core/codes.h): every
** code the data uses has a label people can read, keys and labels are
** unique within their kind, and parsing accepts a key or a label and
** gives back the same value.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/model.h"
#include "core/rating.h"

static void
test_codes_complete_and_unique(void **state)
{
    (void)state;
    for (int k = 0; k < CODE_KIND_COUNT; k++) {
        size_t n = 0;
        const CodeName *a = code_table((CodeKind)k, &n);
        assert_true(n > 1);
        for (size_t i = 0; i < n; i++) {
            assert_non_null(a[i].zKey);
            assert_non_null(a[i].zLabel);
            assert_true(*a[i].zKey && *a[i].zLabel);
            /* A label is never the bare key: no "me_officer" on a page. */
            assert_null(strchr(a[i].zLabel, '_'));
            assert_int_equal(code_index((CodeKind)k, a[i].zKey), (int)i);
            assert_int_equal(code_index((CodeKind)k, a[i].zLabel), (int)i);
            assert_string_equal(code_label((CodeKind)k, a[i].zKey),
                                a[i].zLabel);
            for (size_t j = 0; j < i; j++) {
                assert_string_not_equal(a[i].zKey, a[j].zKey);
                assert_string_not_equal(a[i].zLabel, a[j].zLabel);
            }
        }
    }
}

static void
test_codes_labels(void **state)
{
    (void)state;
    assert_string_equal(role_label(ROLE_ME_OFFICER), "M&E officer");
    assert_string_equal(role_name(ROLE_ME_OFFICER), "me_officer");
    assert_string_equal(rating_label(RATING_NONE), "Not rated");
    assert_string_equal(rating_name(RATING_NONE), "");
    assert_string_equal(rating_key(RATING_NONE), "not_rated");
    assert_string_equal(rating_label(RATING_ON_TARGET), "On Target");
    assert_string_equal(round_state_label(ROUND_PUBLISHED), "Published");
    assert_string_equal(assess_state_label(ASSESS_SUBMITTED), "Submitted");
    assert_string_equal(org_kind_label(ORG_UN_AGENCY), "UN agency");
    assert_string_equal(link_role_label(LINK_CONTRIBUTING),
                        "Contributing partner");
    /* Out of range: the enum's fallback, never NULL. */
    assert_string_equal(role_name((Role)99), "viewer");
    assert_string_equal(rating_name((Rating)99), "");
    /* Free text passes through code_label(). */
    assert_string_equal(code_label(CODE_RATING, "see annex"), "see annex");
}

static void
test_codes_parse(void **state)
{
    (void)state;
    Role e;
    assert_int_equal(role_parse("me_officer", &e), 0);
    assert_int_equal(e, ROLE_ME_OFFICER);
    assert_int_equal(role_parse("M&E officer", &e), 0);
    assert_int_equal(e, ROLE_ME_OFFICER);
    assert_int_equal(role_parse("CASE-OFFICER", &e), 0);
    assert_int_equal(e, ROLE_CASE_OFFICER);
    assert_int_equal(role_parse("", &e), -1);
    assert_int_equal(role_parse("root", &e), -1);
    OrgKind k;
    assert_int_equal(org_kind_parse("Trade union", &k), 0);
    assert_int_equal(k, ORG_TRADE_UNION);
    assert_int_equal(org_kind_parse("Employers' organisation", &k), 0);
    assert_int_equal(k, ORG_EMPLOYERS);
    RoundState r;
    assert_int_equal(round_state_parse("Published", &r), 0);
    assert_int_equal(r, ROUND_PUBLISHED);
    assert_int_equal(round_state_parse("new", &r), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_complete_and_unique),
        cmocka_unit_test(test_codes_labels),
        cmocka_unit_test(test_codes_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
