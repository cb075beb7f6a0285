/*
** test_khmer_words.c — unit tests of khmer_words_mark()
** (src/report/khmer_words.h): U+200B between Khmer words, from ICU's
** dictionary, and nowhere else.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "report/khmer_words.h"

#define ZWSP "\xE2\x80\x8B"

/* "Annual progress report": three words, the second and third with coeng
** (្) subscripts; each word stays whole. */
static void
test_words_apart(void **state)
{
    (void)state;
    char *z = khmer_words_mark("របាយការណ៍វឌ្ឍនភាពប្រចាំឆ្នាំ", NULL);
    assert_non_null(z);
    assert_string_equal(z, "របាយការណ៍" ZWSP "វឌ្ឍនភាព" ZWSP "ប្រចាំឆ្នាំ");
    free(z);
}

/* No mark inside a cluster: never right after a coeng (U+17D2) nor
** before a subscript, a vowel sign or a diacritic (U+17B6..U+17D3). */
static void
test_clusters_whole(void **state)
{
    (void)state;
    char *z = khmer_words_mark("ក្របខ័ណ្ឌអន្តរជាតិស្ត្រីពលករចំណាកស្រុក", NULL);
    assert_non_null(z);
    for (const char *p = strstr(z, ZWSP); p; p = strstr(p + 1, ZWSP)) {
        assert_true(p > z);
        assert_false(p[-3] == '\xE1' && p[-2] == '\x9F' && p[-1] == '\x92');
        /* The code point after the mark begins a cluster: a consonant or
        ** an independent vowel (U+1780..U+17B3). */
        assert_true(p[3] == '\xE1' && p[4] == '\x9E');
    }
    assert_non_null(strstr(z, "ក្របខ័ណ្ឌ" ZWSP "អន្តរជាតិ"));
    free(z);
}

/* English, spaces, numbers and the ends of a Khmer run get nothing; no
** line may begin with Khmer punctuation (៖ ។). */
static void
test_only_inside_khmer(void **state)
{
    (void)state;
    assert_null(khmer_words_mark("Annual progress report, 2017", NULL));
    assert_null(khmer_words_mark("", NULL));
    assert_null(khmer_words_mark("ការងារ 83 (10)", NULL));
    char *z = khmer_words_mark("សូចនាករ៖ MOLVT ក្របខ័ណ្ឌអន្តរជាតិ។", NULL);
    assert_non_null(z);
    assert_string_equal(z, "សូចនាករ៖ MOLVT ក្របខ័ណ្ឌ" ZWSP "អន្តរជាតិ។");
    free(z);
}

/* The offset (a bold prefix's end) moves past the marks before it. */
static void
test_offset_follows(void **state)
{
    (void)state;
    const char *zIn = "សូចនាករ៖ របាយការណ៍វឌ្ឍនភាព";
    size_t iPrefix = strlen("សូចនាករ៖ ");
    size_t i = iPrefix;
    char *z = khmer_words_mark(zIn, &i);
    assert_non_null(z);
    assert_int_equal(i, iPrefix);
    free(z);
    i = strlen(zIn);
    z = khmer_words_mark(zIn, &i);
    assert_int_equal(i, strlen(z));
    free(z);
    i = strlen("សូចនាករ៖ របាយការណ៍វឌ្ឍ");
    z = khmer_words_mark(zIn, &i);
    assert_int_equal(i, strlen("សូចនាករ៖ របាយការណ៍" ZWSP "វឌ្ឍ"));
    free(z);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_apart),
        cmocka_unit_test(test_clusters_whole),
        cmocka_unit_test(test_only_inside_khmer),
        cmocka_unit_test(test_offset_follows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
