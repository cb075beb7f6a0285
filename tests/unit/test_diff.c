/*
** test_diff.c — unit tests of the word-level comparison the officer reads
** between a statement's last two submitted versions (src/core/diff.h).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"

/* The comparison of zOld with zNew written as text: deleted pieces in
** [-...-], inserted ones in {+...+}. */
static void
check_diff(const char *zOld, const char *zNew, const char *zWant)
{
    DiffPiece *a = NULL;
    size_t n = 0;
    diff_words(zOld, zNew, &a, &n);
    char zGot[512] = "";
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const char *zOpen = a[i].eKind == DIFF_DEL   ? "[-"
                            : a[i].eKind == DIFF_INS ? "{+"
                                                     : "";
        const char *zClose = a[i].eKind == DIFF_DEL   ? "-]"
                             : a[i].eKind == DIFF_INS ? "+}"
                                                      : "";
        int k = snprintf(zGot + len, sizeof zGot - len, "%s%.*s%s", zOpen,
                         (int)a[i].n, a[i].z, zClose);
        assert_true(k > 0 && (size_t)k < sizeof zGot - len);
        len += (size_t)k;
    }
    free(a);
    if (strcmp(zGot, zWant) != 0) {
        print_error("diff(\"%s\", \"%s\") = \"%s\", want \"%s\"\n", zOld, zNew,
                    zGot, zWant);
    }
    assert_string_equal(zGot, zWant);
}

static void
test_diff_words_changed(void **state)
{
    (void)state;
    check_diff("trained 40 officers", "trained 55 officers in May",
               "trained [-40 -]{+55 +}officers {+in May+}");
    check_diff("MOLVT met border officials.",
               "MOLVT trained 120 border officials.",
               "MOLVT [-met -]{+trained 120 +}border officials.");
}

static void
test_diff_words_same_and_empty(void **state)
{
    (void)state;
    check_diff("no change at all", "no change at all", "no change at all");
    check_diff("", "all new", "{+all new+}");
    check_diff("all gone", "", "[-all gone-]");
    check_diff("", "", "");
}

/* Texts too long to compare word by word: old deleted, new inserted. */
static void
test_diff_words_too_long(void **state)
{
    (void)state;
    size_t nWords = 2100; /* 2100 * 2100 pairs > DIFF_MAX_CELLS */
    char *zA = malloc(nWords * 2 + 1), *zB = malloc(nWords * 2 + 1);
    for (size_t i = 0; i < nWords; i++) {
        memcpy(zA + 2 * i, "a ", 2);
        memcpy(zB + 2 * i, "b ", 2);
    }
    zA[nWords * 2] = zB[nWords * 2] = 0;
    DiffPiece *a = NULL;
    size_t n = 0;
    diff_words(zA, zB, &a, &n);
    assert_int_equal(n, 2);
    assert_int_equal(a[0].eKind, DIFF_DEL);
    assert_int_equal(a[0].n, nWords * 2);
    assert_int_equal(a[1].eKind, DIFF_INS);
    free(a);
    free(zA);
    free(zB);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff_words_changed),
        cmocka_unit_test(test_diff_words_same_and_empty),
        cmocka_unit_test(test_diff_words_too_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
