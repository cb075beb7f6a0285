/*
** test_utf8.c — unit tests of UTF-8 checks, widths and wrapping
** (src/base/utf8.h).
**
** Imports refuse invalid UTF-8 with utf8_invalid_at(); terminal tables of
** Khmer and English text line up only if utf8_width() counts columns the
** way a terminal does (combining marks none, CJK two), and utf8_wrap() /
** utf8_pad() never lose a word or break the grid.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"

#define KHMER_PLAN                                                             \
 "\xE1\x9E\x95\xE1\x9F\x82\xE1\x9E\x93\xE1\x9E\x80\xE1\x9E\xB6\xE1\x9E\x9A" /* ផែនការ */
#define KHMER_SROK                                                             \
 "\xE1\x9E\x9F\xE1\x9F\x92\xE1\x9E\x9A\xE1\x9E\xBB\xE1\x9E\x80" /* ស្រុក */
#define ELLIPSIS "\xE2\x80\xA6"                                 /* … */

static long
invalid_at(const char *z)
{
    return utf8_invalid_at(z, strlen(z));
}

static size_t
width(const char *z)
{
    return utf8_width(z, strlen(z));
}

static void
test_utf8_valid(void **state)
{
    (void)state;
    assert_int_equal(invalid_at(""), -1);
    assert_int_equal(invalid_at("plain ASCII, 100%"), -1);
    /* Make sure the macro spells the word we think it does. */
    assert_string_equal(KHMER_PLAN, "ផែនការ");
    assert_string_equal(KHMER_SROK, "ស្រុក");
    assert_int_equal(invalid_at(KHMER_PLAN), -1);
    assert_int_equal(invalid_at("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80"),
                     -1);
    /* The largest code point, U+10FFFF, and the last before surrogates. */
    assert_int_equal(invalid_at("\xF4\x8F\xBF\xBF"), -1);
    assert_int_equal(invalid_at("\xED\x9F\xBF"), -1);
}

static void
test_utf8_truncated(void **state)
{
    (void)state;
    /* The last character of ផែនការ lost its last byte. */
    const char *z = KHMER_PLAN;
    size_t n = strlen(z);
    assert_int_equal(utf8_invalid_at(z, n - 1), (long)(n - 3));
    assert_int_equal(invalid_at("ab\xE1\x9E"), 2);
    assert_int_equal(invalid_at("ab\xC3"), 2);
    /* A lead byte followed by ASCII instead of a continuation byte. */
    assert_int_equal(invalid_at("x\xE1\x9Ey"), 1);
    /* A continuation byte with no lead. */
    assert_int_equal(invalid_at("ok\x80"), 2);
}

static void
test_utf8_overlong(void **state)
{
    (void)state;
    assert_int_equal(invalid_at("\xC0\xAF"), 0); /* '/' in 2 bytes */
    assert_int_equal(invalid_at("a\xC1\xBF"), 1);
    assert_int_equal(invalid_at("ab\xE0\x80\xAF"), 2); /* '/' in 3 bytes */
    assert_int_equal(invalid_at("\xF0\x80\x80\xAF"), 0);
}

static void
test_utf8_surrogate_and_range(void **state)
{
    (void)state;
    assert_int_equal(invalid_at("\xED\xA0\x80"), 0);     /* U+D800 */
    assert_int_equal(invalid_at("x\xED\xBF\xBF"), 1);    /* U+DFFF */
    assert_int_equal(invalid_at("\xF4\x90\x80\x80"), 0); /* U+110000 */
    assert_int_equal(invalid_at("ok\xF5\x80\x80\x80"), 2);
    assert_int_equal(invalid_at("\xFF"), 0);
}

static void
test_utf8_width_khmer_cjk(void **state)
{
    (void)state;
    assert_int_equal(width("abc"), 3);
    assert_int_equal(width(""), 0);
    /* KA + VOWEL SIGN I (a mark above): one column. */
    assert_int_equal(width("\xE1\x9E\x80\xE1\x9E\xB7"), 1);
    /* KA + COENG + KA (a subscript consonant): one column per base. */
    assert_int_equal(width("\xE1\x9E\x80\xE1\x9F\x92\xE1\x9E\x80"), 2);
    /* SA + COENG + RO + VOWEL SIGN U + KA: three bases, two marks. */
    assert_int_equal(width(KHMER_SROK), 3);
    /* PHA + AE + NO + KA + AA + RO: AE and AA are spacing vowels (Unicode
    ** category Mc; wcwidth() gives them 1), so six columns. */
    assert_int_equal(width(KHMER_PLAN), 6);
    assert_int_equal(utf8_cp_width(0x17D2), 0); /* coeng */
    assert_int_equal(utf8_cp_width(0x17BB), 0); /* vowel sign u */
    assert_int_equal(utf8_cp_width(0x17B6), 1); /* vowel sign aa */
    /* CJK takes two columns, "e" + combining acute one. */
    assert_int_equal(width("\xE4\xB8\xAD\xE6\x96\x87"), 4); /* 中文 */
    assert_int_equal(width("a\xE4\xB8\xAD"
                           "b"),
                     4);
    assert_int_equal(width("e\xCC\x81"), 1);
    assert_int_equal(width(ELLIPSIS), 1);
}

/* Split z at spaces and newlines and join the words with one space. */
static void
words_of(const char *z, Buf *b)
{
    int bSep = 0;
    for (; *z; z++) {
        if (*z == ' ' || *z == '\n') {
            bSep = b->n > 0;
            continue;
        }
        if (bSep) {
            buf_putc(b, ' ');
            bSep = 0;
        }
        buf_putc(b, *z);
    }
}

/* Every line of zOut starts with zIndent, ends with '\n' and is at most
** nWidth columns after the indent. */
static void
check_lines(const char *zOut, const char *zIndent, size_t nWidth)
{
    size_t nIndent = strlen(zIndent);
    assert_true(strlen(zOut) > 0);
    assert_true(zOut[strlen(zOut) - 1] == '\n');
    const char *p = zOut;
    while (*p) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        assert_true((size_t)(nl - p) >= nIndent);
        assert_memory_equal(p, zIndent, nIndent);
        size_t w = utf8_width(p + nIndent, (size_t)(nl - p) - nIndent);
        if (w > nWidth) {
            print_error("line '%.*s' is %zu columns, more than %zu\n",
                        (int)(nl - p), p, w, nWidth);
        }
        assert_true(w <= nWidth);
        p = nl + 1;
    }
}

static void
test_utf8_wrap_words(void **state)
{
    (void)state;
    const char *z = "the quick brown fox jumps over the lazy dog";
    Buf b = BUF_INIT;
    utf8_wrap(&b, z, 10, "  ");
    /* Greedy filling: "the quick" + " brown" would be 15 columns. */
    assert_string_equal(buf_str(&b), "  the quick\n"
                                     "  brown fox\n"
                                     "  jumps over\n"
                                     "  the lazy\n"
                                     "  dog\n");
    check_lines(buf_str(&b), "  ", 10);
    Buf want = BUF_INIT, got = BUF_INIT;
    words_of(z, &want);
    words_of(buf_str(&b), &got);
    assert_string_equal(buf_str(&got), buf_str(&want));
    buf_release(&want);
    buf_release(&got);
    buf_release(&b);
}

/* Wrapping counts columns, not bytes: three 3-column Khmer words (15 bytes
** each) make two lines at width 8. */
static void
test_utf8_wrap_khmer(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_wrap(&b, KHMER_SROK " " KHMER_SROK " " KHMER_SROK, 8, "");
    assert_string_equal(buf_str(&b),
                        KHMER_SROK " " KHMER_SROK "\n" KHMER_SROK "\n");
    buf_release(&b);
}

static void
test_utf8_wrap_long_word(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_wrap(&b, "see abcdefghijklmnopqrst end", 8, "");
    assert_string_equal(buf_str(&b), "see\nabcdefgh\nijklmnop\nqrst end\n");
    check_lines(buf_str(&b), "", 8);
    buf_reset(&b);
    /* Wide characters: never more than 8 columns, no character lost. */
    const char *zCjk = "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"
                       "\xE4\xB8\xAD\xE6\x96\x87"; /* 中文中文中文 */
    utf8_wrap(&b, zCjk, 9, "> ");
    check_lines(buf_str(&b), "> ", 9);
    assert_string_equal(buf_str(&b),
                        "> \xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\n"
                        "> \xE4\xB8\xAD\xE6\x96\x87\n");
    buf_release(&b);
}

static void
test_utf8_wrap_keeps_line_breaks(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_wrap(&b, "first\n\nthird line\r\nfourth", 20, "| ");
    assert_string_equal(buf_str(&b),
                        "| first\n|\x20\n| third line\n| fourth\n");
    buf_release(&b);
}

/* Regression test (a bug found and fixed): a line holding only spaces (common when narratives are pasted from
** a word processor) vanishes, so two paragraphs run together; the header
** promises that line breaks in z are kept. */
static void
test_utf8_wrap_blank_line_of_spaces(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_wrap(&b, "para one\n \npara two", 20, "");
    /* Three lines, the middle one blank (its space may stay or go). */
    const char *z = buf_str(&b);
    int nLine = 0;
    for (const char *p = z; *p; p++) {
        nLine += *p == '\n';
    }
    int bOk = nLine == 3 && strncmp(z, "para one\n", 9) == 0 && b.n >= 9 &&
              strcmp(z + b.n - 9, "para two\n") == 0;
    if (!bOk) {
        print_error("utf8_wrap gave '%s'\n", buf_str(&b));
    }
    buf_release(&b); /* before asserting, so a failure leaks nothing */
    assert_true(bOk);
}

static void
test_utf8_pad(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_pad(&b, "abc", 5);
    assert_string_equal(buf_str(&b), "abc  ");
    buf_reset(&b);
    utf8_pad(&b, "abcde", 5);
    assert_string_equal(buf_str(&b), "abcde");
    buf_reset(&b);
    utf8_pad(&b, "abcdefgh", 5);
    assert_string_equal(buf_str(&b), "abcd" ELLIPSIS);
    buf_reset(&b);
    /* Khmer: 3 columns in 15 bytes, padded by columns. */
    utf8_pad(&b, KHMER_SROK, 5);
    assert_string_equal(buf_str(&b), KHMER_SROK "  ");
    buf_reset(&b);
    /* 中文字 is 6 columns: cut to 中文 (4) + … */
    utf8_pad(&b, "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 5);
    assert_string_equal(buf_str(&b), "\xE4\xB8\xAD\xE6\x96\x87" ELLIPSIS);
    buf_reset(&b);
    /* At 4 columns 文 no longer fits before the …: pad the gap. */
    utf8_pad(&b, "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 4);
    assert_string_equal(buf_str(&b), "\xE4\xB8\xAD" ELLIPSIS " ");
    buf_release(&b);
}

/* A title clipped for a heading or a cell ends between words with one
** ellipsis, and is cut inside a word only when no space is near. */
static void
test_utf8_clip_words(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_clip_words(&b, "Train border officials", 30);
    assert_string_equal(buf_str(&b), "Train border officials");
    buf_reset(&b);
    utf8_clip_words(&b, "Train border officials at crossings", 20);
    assert_string_equal(buf_str(&b), "Train border" ELLIPSIS);
    buf_reset(&b);
    utf8_clip_words(&b, "Supercalifragilistic words", 10);
    assert_string_equal(buf_str(&b), "Supercali" ELLIPSIS);
    buf_reset(&b);
    /* Khmer without spaces is cut by columns, never inside a byte. */
    utf8_clip_words(&b, KHMER_SROK KHMER_SROK, 4);
    assert_int_equal(utf8_invalid_at(buf_str(&b), b.n), -1);
    assert_non_null(strstr(buf_str(&b), ELLIPSIS));
    buf_release(&b);
}

/* Newlines would break a table: they show as spaces, only in the padded
** cell, not in what the Buf held before. */
static void
test_utf8_pad_newlines(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    buf_puts(&b, "row\n|");
    utf8_pad(&b, "a\nb\tc", 6);
    buf_putc(&b, '|');
    assert_string_equal(buf_str(&b), "row\n|a b c |");
    buf_reset(&b);
    utf8_pad(&b, "line one\nline two", 10);
    assert_string_equal(buf_str(&b), "line one " ELLIPSIS);
    buf_release(&b);
}

/* Every cell is exactly nWidth columns, for any text and width. */
static void
test_utf8_pad_exact_width(void **state)
{
    (void)state;
    static const char *const az[] = {
        "",
        "a",
        "abcdefghij",
        KHMER_PLAN,
        KHMER_SROK " " KHMER_SROK,
        "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97",
        "a\xE4\xB8\xAD"
        "bc",
    };
    Buf b = BUF_INIT;
    for (size_t i = 0; i < sizeof az / sizeof az[0]; i++) {
        for (size_t w = 3; w <= 12; w++) {
            buf_reset(&b);
            utf8_pad(&b, az[i], w);
            size_t got = utf8_width(buf_str(&b), b.n);
            if (got != w) {
                print_error("utf8_pad('%s', %zu) gave '%s', %zu columns\n",
                            az[i], w, buf_str(&b), got);
            }
            assert_int_equal(got, w);
            assert_int_equal(utf8_invalid_at(buf_str(&b), b.n), -1);
        }
    }
    buf_release(&b);
}

/* Regression test (a bug found and fixed): in a column narrower than the first character plus "…", the cut
** keeps that character anyway, so the cell is wider than asked and the
** table's grid breaks: utf8_pad("中文", 2) gives "中…" (3 columns),
** utf8_pad("abc", 1) gives "a…" (2 columns). */
static void
test_utf8_pad_narrow_column(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    utf8_pad(&b, "\xE4\xB8\xAD\xE6\x96\x87", 2);
    size_t wCjk = utf8_width(buf_str(&b), b.n);
    if (wCjk != 2) {
        print_error("utf8_pad('中文', 2) gave '%s', %zu columns\n", buf_str(&b),
                    wCjk);
    }
    buf_reset(&b);
    utf8_pad(&b, "abc", 1);
    int bAbcOk = strcmp(buf_str(&b), ELLIPSIS) == 0;
    if (!bAbcOk) {
        print_error("utf8_pad('abc', 1) gave '%s'\n", buf_str(&b));
    }
    buf_release(&b); /* before asserting, so a failure leaks nothing */
    assert_int_equal(wCjk, 2);
    assert_true(bAbcOk);
}

/* z capitalised by utf8_capitalise(), checked against zWant and, for
** valid z, for valid UTF-8. */
static void
check_capital(const char *z, const char *zWant)
{
    Buf b = BUF_INIT;
    utf8_capitalise(&b, z);
    if (utf8_invalid_at(z, strlen(z)) < 0) {
        assert_int_equal(utf8_invalid_at(buf_str(&b), b.n), -1);
    }
    assert_string_equal(buf_str(&b), zWant);
    buf_release(&b);
}

/* The first letter becomes a capital, in UTF-8: a byte-wise 'a' - 'A'
** made "área" the invalid "\xA3\xA1rea" and "Area" "!rea". */
static void
test_utf8_capitalise(void **state)
{
    (void)state;
    check_capital("goal", "Goal");
    check_capital("Area", "Area");
    check_capital("\xC3\xA1rea", "\xC3\x81rea");   /* área -> Área */
    check_capital("\xC3\x81rea", "\xC3\x81rea");   /* Área stays */
    check_capital("\xC3\xA9tape", "\xC3\x89tape"); /* étape */
    check_capital("\xC3\xBF", "\xC5\xB8");         /* ÿ -> Ÿ */
    check_capital("\xC5\x82\xC3\xB3"
                  "d\xC5\xBA",
                  "\xC5\x81\xC3\xB3"
                  "d\xC5\xBA");                            /* łódź */
    check_capital("\xC5\xBEupa", "\xC5\xBDupa");           /* župa */
    check_capital("\xC4\xB1", "I");                        /* dotless i */
    check_capital("\xCE\xB1\xCF\x81", "\xCE\x91\xCF\x81"); /* αρ */
    check_capital("\xD0\xBE\xD0\xB1", "\xD0\x9E\xD0\xB1"); /* об */
    check_capital("\xD1\x91", "\xD0\x81");                 /* ё -> Ё */
    check_capital(KHMER_SROK, KHMER_SROK);                 /* no case */
    check_capital("1st", "1st");
    check_capital("_x", "_x");
    check_capital("", "");
    /* Not UTF-8: left as it is, never made worse. */
    check_capital("\xA1x", "\xA1x");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_utf8_truncated),
        cmocka_unit_test(test_utf8_overlong),
        cmocka_unit_test(test_utf8_surrogate_and_range),
        cmocka_unit_test(test_utf8_width_khmer_cjk),
        cmocka_unit_test(test_utf8_wrap_words),
        cmocka_unit_test(test_utf8_wrap_khmer),
        cmocka_unit_test(test_utf8_wrap_long_word),
        cmocka_unit_test(test_utf8_wrap_keeps_line_breaks),
        cmocka_unit_test(test_utf8_wrap_blank_line_of_spaces),
        cmocka_unit_test(test_utf8_pad),
        cmocka_unit_test(test_utf8_clip_words),
        cmocka_unit_test(test_utf8_pad_newlines),
        cmocka_unit_test(test_utf8_pad_exact_width),
        cmocka_unit_test(test_utf8_pad_narrow_column),
        cmocka_unit_test(test_utf8_capitalise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
