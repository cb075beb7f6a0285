/*
** test_i18n.c — unit tests of the language choice (src/base/i18n.h).
**
** i18n_lang_accept() reads the Accept-Language header every browser sends:
** the language a visitor gets when they have not used the switch.
** i18n_lang_parse() reads the switch's cookie, --language and LANG.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "base/i18n.h"

static void
test_i18n_parse_spellings(void **state)
{
    (void)state;
    assert_int_equal(i18n_lang_parse("km"), I18N_KM);
    assert_int_equal(i18n_lang_parse("KM-kh"), I18N_KM);
    assert_int_equal(i18n_lang_parse("km_KH.UTF-8"), I18N_KM);
    assert_int_equal(i18n_lang_parse("en"), I18N_EN);
    assert_int_equal(i18n_lang_parse("en_GB.UTF-8"), I18N_EN);
    assert_int_equal(i18n_lang_parse("en-US"), I18N_EN);
    /* Not ours, or only a prefix of a longer code. */
    assert_int_equal(i18n_lang_parse("fr"), -1);
    assert_int_equal(i18n_lang_parse("kmr"), -1);
    assert_int_equal(i18n_lang_parse("eng"), -1);
    assert_int_equal(i18n_lang_parse("k"), -1);
    assert_int_equal(i18n_lang_parse(""), -1);
    assert_int_equal(i18n_lang_parse("C"), -1);
    assert_int_equal(i18n_lang_parse(NULL), -1);
}

static void
test_i18n_accept_language(void **state)
{
    (void)state;
    assert_int_equal(i18n_lang_accept("km"), I18N_KM);
    assert_int_equal(i18n_lang_accept("km-KH,km;q=0.9,en-US;q=0.8,en;q=0.7"),
                     I18N_KM);
    /* The highest weight wins, wherever it stands. */
    assert_int_equal(i18n_lang_accept("en;q=0.5, km;q=0.8"), I18N_KM);
    assert_int_equal(i18n_lang_accept("km;q=0.5,en"), I18N_EN);
    /* Languages we do not have are skipped. */
    assert_int_equal(i18n_lang_accept("fr-FR,fr;q=0.9,km;q=0.1"), I18N_KM);
    assert_int_equal(i18n_lang_accept("fr-FR,de;q=0.9"), -1);
    /* q=0 means "not this one". */
    assert_int_equal(i18n_lang_accept("km;q=0,en;q=0.1"), I18N_EN);
    assert_int_equal(i18n_lang_accept("km;q=0"), -1);
    assert_int_equal(i18n_lang_accept("*"), -1);
    assert_int_equal(i18n_lang_accept(""), -1);
    assert_int_equal(i18n_lang_accept(NULL), -1);
    assert_int_equal(i18n_lang_accept(",,;q=,km;q=1.0"), I18N_KM);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_i18n_parse_spellings),
        cmocka_unit_test(test_i18n_accept_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
