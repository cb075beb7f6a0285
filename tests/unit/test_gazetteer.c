/*
** test_gazetteer.c — unit tests of place names (src/core/gazetteer.h) and
** the shared name matching under them (src/core/names.h).
**
** Importers store places by code whatever spelling a file uses, and
** refuse a name nobody knows with the closest known ones: these tests
** hold the spellings the brief and the seeds use.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "core/cases.h"
#include "core/gazetteer.h"
#include "core/names.h"

static const char *
resolve(GazKind k, const char *z)
{
    Gazetteer *g = gaz_new();
    const char *zCode = NULL;
    AppErr err = APPERR_INIT;
    if (gaz_resolve(g, k, z, &zCode, &err) != 0) {
        zCode = NULL;
    }
    gaz_free(g);
    return zCode;
}

static void
test_provinces_have_iso_codes(void **state)
{
    (void)state;
    assert_int_equal(gaz_count(GAZ_PROVINCE), 25);
    /* Every code KH-1 .. KH-25 once, each with both names. */
    for (int i = 1; i <= 25; i++) {
        char z[8];
        snprintf(z, sizeof z, "KH-%d", i);
        GazPlace p;
        assert_true(gaz_find_code(GAZ_PROVINCE, z, &p));
        assert_non_null(p.zName);
        assert_non_null(p.zKhmer);
    }
    assert_string_equal(gaz_label("KH-12"), "Phnom Penh");
    assert_string_equal(gaz_label("KH-25"), "Tboung Khmum");
    assert_null(gaz_label("KH-26"));
}

static void
test_province_spellings(void **state)
{
    (void)state;
    assert_string_equal(resolve(GAZ_PROVINCE, "Prey Veng "), "KH-14");
    assert_string_equal(resolve(GAZ_PROVINCE, "prey veng"), "KH-14");
    assert_string_equal(resolve(GAZ_PROVINCE, "PreyVeng"), "KH-14");
    assert_string_equal(resolve(GAZ_PROVINCE, "PREY-VENG."), "KH-14");
    assert_string_equal(resolve(GAZ_PROVINCE, "Kompong Cham"), "KH-3");
    assert_string_equal(resolve(GAZ_PROVINCE, "Kampong Cham"), "KH-3");
    assert_string_equal(resolve(GAZ_PROVINCE, "Siemreap"), "KH-17");
    assert_string_equal(resolve(GAZ_PROVINCE, "Siem Reap"), "KH-17");
    assert_string_equal(resolve(GAZ_PROVINCE, "Sihanoukville"), "KH-18");
    assert_string_equal(resolve(GAZ_PROVINCE, "Preah Sihanouk"), "KH-18");
    assert_string_equal(resolve(GAZ_PROVINCE, "ភ្នំពេញ"), "KH-12");
    assert_string_equal(resolve(GAZ_PROVINCE, "kh-12"), "KH-12");
    assert_string_equal(resolve(GAZ_PROVINCE, "Kratié"), "KH-10");
    /* A country is not a province. */
    assert_null(resolve(GAZ_PROVINCE, "Thailand"));
}

static void
test_country_spellings(void **state)
{
    (void)state;
    assert_true(gaz_count(GAZ_COUNTRY) >= 249);
    assert_string_equal(resolve(GAZ_COUNTRY, "Thailand"), "TH");
    assert_string_equal(resolve(GAZ_COUNTRY, "Thaïland"), "TH");
    assert_string_equal(resolve(GAZ_COUNTRY, "TH"), "TH");
    assert_string_equal(resolve(GAZ_COUNTRY, "tha"), "TH");
    assert_string_equal(resolve(GAZ_COUNTRY, "Korea"), "KR");
    assert_string_equal(resolve(GAZ_COUNTRY, "Republic of Korea"), "KR");
    assert_string_equal(resolve(GAZ_COUNTRY, "South Korea"), "KR");
    assert_string_equal(resolve(GAZ_COUNTRY, "Lao PDR"), "LA");
    assert_string_equal(resolve(GAZ_COUNTRY, "Laos"), "LA");
    assert_string_equal(resolve(GAZ_COUNTRY, "Malaysia"), "MY");
    assert_string_equal(resolve(GAZ_COUNTRY, "Viet Nam"), "VN");
    assert_string_equal(resolve(GAZ_COUNTRY, "Côte d'Ivoire"), "CI");
    assert_string_equal(resolve(GAZ_COUNTRY, "cote divoire"), "CI");
    assert_string_equal(gaz_label("KR"), "Republic of Korea");
}

static void
test_unknown_suggests(void **state)
{
    (void)state;
    Gazetteer *g = gaz_new();
    const char *zCode = NULL;
    AppErr err = APPERR_INIT;
    assert_int_equal(gaz_resolve(g, GAZ_PROVINCE, "Prey Vang", &zCode, &err),
                     -1);
    assert_int_equal(err.code, APPERR_INPUT);
    assert_non_null(strstr(err.zMsg, "unknown province 'Prey Vang'"));
    assert_non_null(strstr(err.zMsg, "'Prey Veng'"));
    err = (AppErr)APPERR_INIT;
    assert_int_equal(gaz_resolve(g, GAZ_COUNTRY, "Thailnd", &zCode, &err), -1);
    assert_non_null(strstr(err.zMsg, "'Thailand'"));
    err = (AppErr)APPERR_INIT;
    /* Nothing close: no suggestion at all. */
    assert_int_equal(
        gaz_resolve(g, GAZ_COUNTRY, "Atlantis Beyond The Sea", &zCode, &err),
        -1);
    assert_null(strstr(err.zMsg, "closest"));
    /* A place may be a province or a country. */
    assert_int_equal(gaz_resolve_place(g, "Kampong Cham", &zCode, &err), 0);
    assert_string_equal(zCode, "KH-3");
    assert_int_equal(gaz_resolve_place(g, "Japan", &zCode, &err), 0);
    assert_string_equal(zCode, "JP");
    gaz_free(g);
}

static void
test_names_rank_and_order(void **state)
{
    (void)state;
    NameIndex *d = names_new(str_fold_name);
    names_add(d, "Alpha", 0, 1);
    names_add(d, "ALPHA", 1, 0); /* same fold, lower rank: wins */
    names_add(d, "Beta", 2, 1);
    names_add(d, "be-ta", 3, 1); /* same fold and rank: the first wins */
    assert_int_equal(names_find(d, "alpha"), 1);
    assert_int_equal(names_find(d, "BETA"), 2);
    assert_int_equal(names_find(d, "gamma"), -1);
    Buf b = BUF_INIT;
    names_suggest(d, "Betta", 5, &b);
    assert_string_equal(buf_str(&b), "'Beta', 'be-ta'");
    buf_release(&b);
    names_free(d);
}

static void
test_fold_name(void **state)
{
    (void)state;
    char *z = str_fold_name(" Thaïland\xc2\xa0(TH) ");
    assert_string_equal(z, "thailandth");
    free(z);
    z = str_fold_name("Ŝtung Tréng");
    assert_string_equal(z, "stungtreng");
    free(z);
}

/* What pages show for a stored place: a code's name (a province's in
** Khmer to a reader of Khmer), a value from before codes as it is; and
** what a case stores for what a form says. */
static void
test_show_and_case_codes(void **state)
{
    (void)state;
    assert_string_equal(gaz_show("KH-14", I18N_EN), "Prey Veng");
    assert_string_equal(gaz_show("KH-14", I18N_KM), "ព្រៃវែង");
    assert_string_equal(gaz_show("TH", I18N_KM), "Thailand");
    assert_string_equal(gaz_show("ZW", I18N_EN), "Zimbabwe");
    assert_string_equal(gaz_show("AD", I18N_EN), "Andorra");
    assert_string_equal(gaz_show("Atlantis", I18N_EN), "Atlantis");
    assert_string_equal(gaz_show("KH-99", I18N_EN), "KH-99");
    assert_string_equal(gaz_show(NULL, I18N_EN), "");
    Gazetteer *g = gaz_new();
    assert_string_equal(gaz_code_of(g, GAZ_PROVINCE, "PreyVeng"), "KH-14");
    assert_null(gaz_code_of(g, GAZ_PROVINCE, "Thailand"));
    char z[GAZ_CODE_BYTES];
    AppErr err = APPERR_INIT;
    assert_int_equal(case_place_code(g, GAZ_PROVINCE, " prey veng ", z, &err),
                     0);
    assert_string_equal(z, "KH-14");
    assert_int_equal(case_place_code(g, GAZ_COUNTRY, "Thaïland", z, &err), 0);
    assert_string_equal(z, "TH");
    assert_int_equal(case_place_code(g, GAZ_COUNTRY, "  ", z, &err), 0);
    assert_string_equal(z, "");
    assert_int_equal(case_place_code(g, GAZ_PROVINCE, "Prey Vang", z, &err),
                     -1);
    assert_int_equal(err.code, APPERR_INPUT);
    assert_non_null(strstr(err.zMsg, "unknown province 'Prey Vang' "
                                     "(closest: 'Prey Veng'"));
    gaz_free(g);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_provinces_have_iso_codes),
        cmocka_unit_test(test_province_spellings),
        cmocka_unit_test(test_country_spellings),
        cmocka_unit_test(test_unknown_suggests),
        cmocka_unit_test(test_names_rank_and_order),
        cmocka_unit_test(test_fold_name),
        cmocka_unit_test(test_show_and_case_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
