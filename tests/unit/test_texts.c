/*
** test_texts.c — unit tests of grouping equal texts and of word folding
** (src/core/texts.h).
**
** texts_fold_words decides which action points count as the same wording
** in the coordination report: the 2017 Cambodian annex writes the same
** sentence with different hyphens ("sub‐regional", U+2010, beside
** "sub-regional"), stray full stops and doubled spaces.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/texts.h"

/* Assert that texts_fold_words(z) is zWant. */
static void
check_fold(const char *z, const char *zWant)
{
    char *zGot = texts_fold_words(z);
    if (strcmp(zGot, zWant) != 0) {
        print_error("texts_fold_words(\"%s\") = \"%s\", want \"%s\"\n",
                    z ? z : "(null)", zGot, zWant);
    }
    int bOk = strcmp(zGot, zWant) == 0;
    free(zGot);
    assert_true(bOk);
}

static void
test_texts_fold_words_punctuation_and_case(void **state)
{
    (void)state;
    check_fold("Establish a multi-stakeholder committee.",
               "establish a multi stakeholder committee");
    check_fold("  establish a multi stakeholder\n\tcommittee ",
               "establish a multi stakeholder committee");
    /* U+2010 hyphen, U+2019 apostrophe, U+00A0 no-break space, U+2026. */
    check_fold("Sub\xE2\x80\x90regional  workers\xE2\x80\x99\xC2\xA0rights"
               "\xE2\x80\xA6",
               "sub regional workers rights");
    check_fold("Prakas No. 250, 251", "prakas no 250 251");
    check_fold("", "");
    check_fold(NULL, "");
    check_fold(" .,;- ", "");
}

static void
test_texts_fold_words_keeps_letters_of_other_scripts(void **state)
{
    (void)state;
    /* Khmer (U+1780..) and Latin-1 letters are word characters; only the
    ** general punctuation block breaks words. */
    check_fold("ក្រសួង ការងារ", "ក្រសួង ការងារ");
    check_fold("ÉTAT", "État");
    check_fold("\xE2\x81\xB0x", "\xE2\x81\xB0x"); /* U+2070, not punctuation */
}

static void
test_texts_first_equal_groups_in_order(void **state)
{
    (void)state;
    const char *az[] = { "b", "a", NULL, "b", "", "a" };
    size_t *a = texts_first_equal(az, 6);
    /* "b" at 0 and 3; "a" at 1 and 5; NULL and "" alike at 2 and 4. */
    size_t aWant[] = { 0, 1, 2, 0, 2, 1 };
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(a[i], aWant[i]);
    }
    free(a);
}

static void
test_texts_lower_bound_finds_first(void **state)
{
    (void)state;
    const char *az[] = { "MOLVT", "ILO", "MOLVT", "IOM" };
    TextAt *a = texts_sort(az, 4);
    size_t k = texts_lower_bound(a, 4, "MOLVT");
    assert_true(k < 4);
    assert_string_equal(a[k].z, "MOLVT");
    assert_int_equal(a[k].i, 0);
    assert_int_equal(a[k + 1].i, 2);
    assert_int_equal(texts_lower_bound(a, 4, "NGO"), 4);
    assert_int_equal(texts_lower_bound(a, 0, "ILO"), 0);
    free(a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_texts_fold_words_punctuation_and_case),
        cmocka_unit_test(test_texts_fold_words_keeps_letters_of_other_scripts),
        cmocka_unit_test(test_texts_first_equal_groups_in_order),
        cmocka_unit_test(test_texts_lower_bound_finds_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
