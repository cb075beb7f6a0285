/*
** test_escape.c — unit tests of the output encoders
** (src/report/escape.h).
**
** Narratives are typed by reporters and go into HTML, SVG and Markdown
** reports: a '<' or a '|' in a narrative must show as itself, never turn
** into markup or break a table.  Where the header leaves the spelling open
** (&#39; or &apos;, \< or &lt;), the tests accept any safe spelling and
** check that decoding gives the text back.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "report/escape.h"

typedef void (*Encoder)(Buf *, const char *);

/* z through encoder x, as a heap string. */
static char *
encode(Encoder x, const char *z)
{
    Buf b = BUF_INIT;
    x(&b, z);
    assert_false(buf_failed(&b));
    char *zOut = buf_detach(&b);
    return zOut ? zOut : xstrdup("");
}

static void
check_encode(Encoder x, const char *z, const char *zWant)
{
    char *zGot = encode(x, z);
    if (strcmp(zGot, zWant) != 0) {
        print_error("encoding '%s': got '%s', expected '%s'\n", z, zGot, zWant);
    }
    int bSame = strcmp(zGot, zWant) == 0;
    free(zGot);
    assert_true(bSame);
}

/* Decode the entities an HTML escaper may use; NULL if zHtml holds a raw
** < > " ' or an '&' that starts none of them. */
static char *
html_decode(const char *zHtml)
{
    static const struct {
        const char *zEnt;
        char c;
    } aEnt[] = {
        { "&amp;", '&' },  { "&lt;", '<' },    { "&gt;", '>' },
        { "&quot;", '"' }, { "&#34;", '"' },   { "&#x22;", '"' },
        { "&#39;", '\'' }, { "&#x27;", '\'' }, { "&apos;", '\'' },
    };

    Buf b = BUF_INIT;
    for (const char *p = zHtml; *p;) {
        if (strchr("<>\"'", *p)) {
            buf_release(&b);
            return NULL;
        }
        if (*p != '&') {
            buf_putc(&b, *p++);
            continue;
        }
        size_t k = 0, nEnt = sizeof aEnt / sizeof aEnt[0];
        while (k < nEnt &&
               strncmp(p, aEnt[k].zEnt, strlen(aEnt[k].zEnt)) != 0) {
            k++;
        }
        if (k == nEnt) {
            buf_release(&b);
            return NULL;
        }
        buf_putc(&b, aEnt[k].c);
        p += strlen(aEnt[k].zEnt);
    }
    char *z = buf_detach(&b);
    return z ? z : xstrdup("");
}

/* esc_html(z) is safe and decodes to zWant. */
static void
check_html_round_trip(const char *z, const char *zWant)
{
    char *zGot = encode(esc_html, z);
    char *zBack = html_decode(zGot);
    if (!zBack || strcmp(zBack, zWant) != 0) {
        print_error("esc_html('%s') gave '%s'\n", z, zGot);
    }
    int bOk = zBack && strcmp(zBack, zWant) == 0;
    free(zGot);
    free(zBack);
    assert_true(bOk);
}

static void
test_esc_html_specials(void **state)
{
    (void)state;
    check_encode(esc_html, "a & b", "a &amp; b");
    check_encode(esc_html, "<script>", "&lt;script&gt;");
    check_encode(esc_html, "say \"hi\"", "say &quot;hi&quot;");
    check_encode(esc_html, "&amp;", "&amp;amp;");
    check_html_round_trip("it's", "it's");
    check_html_round_trip("<a href='x' title=\"y\">&</a>",
                          "<a href='x' title=\"y\">&</a>");
    check_html_round_trip("MOFA&IC: 10 < 12 > 8", "MOFA&IC: 10 < 12 > 8");
    check_encode(esc_html, "", "");
    check_encode(esc_html, "Plain text, 83% (10 of 12).",
                 "Plain text, 83% (10 of 12).");
}

static void
test_esc_html_controls(void **state)
{
    (void)state;
    /* Tab and newline stay; other C0 controls, which XML 1.0 forbids, go. */
    check_encode(esc_html, "a\tb\nc", "a\tb\nc");
    check_encode(esc_html,
                 "a\x01"
                 "b\x08"
                 "c\x0b"
                 "d\x0c"
                 "e\x1b"
                 "f\x1f"
                 "g",
                 "abcdefg");
    /* A carriage return is a control character too: CRLF becomes LF. */
    check_encode(esc_html, "line\r\nnext", "line\nnext");
}

/* Bytes of UTF-8 text are not control characters. */
static void
test_esc_html_utf8(void **state)
{
    (void)state;
    check_encode(esc_html, "Caf\xC3\xA9", "Caf\xC3\xA9");
    check_encode(esc_html,
                 "\xE1\x9E\x95\xE1\x9F\x82\xE1\x9E\x93\xE1\x9E\x80\xE1\x9E\xB6"
                 "\xE1\x9E\x9A <",
                 "\xE1\x9E\x95\xE1\x9F\x82\xE1\x9E\x93\xE1\x9E\x80\xE1\x9E\xB6"
                 "\xE1\x9E\x9A &lt;");
}

/* The encoders append; what was in the Buf stays. */
static void
test_esc_appends(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    buf_puts(&b, "<td>");
    esc_html(&b, "a<b");
    esc_md_cell(&b, "|");
    esc_md_text(&b, "*");
    assert_string_equal(buf_str(&b), "<td>a&lt;b\\|\\*");
    buf_release(&b);
}

/* ---- esc_html_paragraphs ----------------------------------------------- */

static int
count_of(const char *z, const char *zSub)
{
    int n = 0;
    for (const char *p = z; (p = strstr(p, zSub)) != NULL; p += strlen(zSub)) {
        n++;
    }
    return n;
}

static void
test_esc_html_paragraphs_blank_line(void **state)
{
    (void)state;
    char *z = encode(esc_html_paragraphs, "First para.\n\nSecond para.");
    int bOk = strcmp(z, "First para.</p><p>Second para.") == 0;
    if (!bOk) {
        print_error("got '%s'\n", z);
    }
    free(z);
    assert_true(bOk);

    /* Windows line ends from a spreadsheet: the same. */
    z = encode(esc_html_paragraphs, "First para.\r\n\r\nSecond para.");
    bOk = strcmp(z, "First para.</p><p>Second para.") == 0;
    if (!bOk) {
        print_error("got '%s'\n", z);
    }
    free(z);
    assert_true(bOk);
}

static void
test_esc_html_paragraphs_single_newline(void **state)
{
    (void)state;
    static const char *const azIn[] = { "one\ntwo", "one\r\ntwo" };
    for (size_t k = 0; k < 2; k++) {
        char *z = encode(esc_html_paragraphs, azIn[k]);
        /* <br> or <br/>: either is fine. */
        int bOk = strncmp(z, "one<br", 6) == 0 && count_of(z, "<br") == 1 &&
                  !strstr(z, "</p>") && !strchr(z, '\r') && !strchr(z, '\n') &&
                  strlen(z) >= 3 && strcmp(z + strlen(z) - 3, "two") == 0;
        if (!bOk) {
            print_error("paragraphs of '%s' gave '%s'\n", azIn[k], z);
        }
        free(z);
        assert_true(bOk);
    }
}

static void
test_esc_html_paragraphs_escapes(void **state)
{
    (void)state;
    char *z =
        encode(esc_html_paragraphs, "a<b & \"c\"\n\n<script>alert(1)</script>");
    int bOk = strcmp(z, "a&lt;b &amp; &quot;c&quot;</p><p>"
                        "&lt;script&gt;alert(1)&lt;/script&gt;") == 0;
    if (!bOk) {
        print_error("got '%s'\n", z);
    }
    free(z);
    assert_true(bOk);
    check_encode(esc_html_paragraphs, "no break at all", "no break at all");
    check_encode(esc_html_paragraphs, "bell\x07 here", "bell here");
}

/* Three paragraphs, with breaks inside: the count of each is right. */
static void
test_esc_html_paragraphs_mixed(void **state)
{
    (void)state;
    char *z = encode(esc_html_paragraphs, "a\nb\n\nc\n\nd\ne\nf");
    int nP = count_of(z, "</p><p>"), nBr = count_of(z, "<br");
    if (nP != 2 || nBr != 3) {
        print_error("got '%s'\n", z);
    }
    free(z);
    assert_int_equal(nP, 2);
    assert_int_equal(nBr, 3);
}

/* ---- Markdown ------------------------------------------------------------ */

static void
test_esc_md_cell(void **state)
{
    (void)state;
    check_encode(esc_md_cell, "a|b", "a\\|b");
    check_encode(esc_md_cell, "C:\\dir", "C:\\\\dir");
    check_encode(esc_md_cell, "\\|", "\\\\\\|");
    check_encode(esc_md_cell, "one\ntwo", "one<br>two");
    check_encode(esc_md_cell, "one\r\ntwo", "one<br>two");
    check_encode(esc_md_cell, "On Target (10 of 12)", "On Target (10 of 12)");
    /* Not special inside a cell: left alone. */
    check_encode(esc_md_cell, "# 1", "# 1");
    check_encode(esc_md_cell, "> quoted", "> quoted");
    check_encode(esc_md_cell, "- item", "- item");
    check_encode(esc_md_cell, "+ item", "+ item");
    check_encode(esc_md_cell, "1. first", "1. first");
    /* Inline markup works inside cells: escaped. */
    check_encode(esc_md_cell, "*bold* _em_ `code`",
                 "\\*bold\\* \\_em\\_ \\`code\\`");
    check_encode(esc_md_cell, "[link](http://x)", "\\[link\\](http://x)");
    check_encode(esc_md_cell, "~~gone~~", "\\~\\~gone\\~\\~");
    check_encode(esc_md_cell, "<b>", "&lt;b>");
    /* A character reference would show as its character; a lone '&' is
    ** text already. */
    check_encode(esc_md_cell, "&amp; &#39; &x", "\\&amp; \\&#39; &x");
    check_encode(esc_md_cell, "MOFA&IC", "MOFA&IC");
}

#define MD_PUNCT "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

/* Undo esc_md_text's escapes; NULL if a special character (or a line
** break, or a character reference) is left raw. */
static char *
md_decode(const char *z)
{
    Buf b = BUF_INIT;
    for (const char *p = z; *p;) {
        if (*p == '\\' && p[1] && strchr(MD_PUNCT, p[1])) {
            /* CommonMark: a backslash before ASCII punctuation. */
            buf_putc(&b, p[1]);
            p += 2;
        } else if (strncmp(p, "&lt;", 4) == 0) {
            buf_putc(&b, '<');
            p += 4;
        } else if (strncmp(p, "<br>", 4) == 0) {
            buf_putc(&b, '\n');
            p += 4;
        } else if (strchr("*_`[]\\<~|\n", *p) ||
                   (*p == '&' && p[1] && strchr(p, ';') &&
                    strspn(p + 1, "#abcdefghijklmnopqrstuvwxyz"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") ==
                        (size_t)(strchr(p, ';') - p - 1))) {
            buf_release(&b);
            return NULL;
        } else {
            buf_putc(&b, *p++);
        }
    }
    char *zOut = buf_detach(&b);
    return zOut ? zOut : xstrdup("");
}

static void
check_md_text(const char *z)
{
    char *zGot = encode(esc_md_text, z);
    char *zBack = md_decode(zGot);
    int bOk = zBack && strcmp(zBack, z) == 0;
    if (!bOk) {
        print_error("esc_md_text('%s') gave '%s'\n", z, zGot);
    }
    free(zGot);
    free(zBack);
    assert_true(bOk);
}

static void
test_esc_md_text(void **state)
{
    (void)state;
    check_encode(esc_md_text, "*bold*", "\\*bold\\*");
    check_encode(esc_md_text, "snake_case", "snake\\_case");
    check_encode(esc_md_text, "`code`", "\\`code\\`");
    check_encode(esc_md_text, "[link](http://x)", "\\[link\\](http://x)");
    check_encode(esc_md_text, "a\\b", "a\\\\b");
    check_encode(esc_md_text, "Ministry of Labour (MOLVT): 83% done.",
                 "Ministry of Labour (MOLVT): 83% done.");
    check_md_text("<b>not bold</b>");
    check_md_text("<script>x</script> *a* _b_ `c` [d] \\e");
    check_md_text("\\*");
    check_md_text("");
    check_md_text("~~a~~ | b &amp; &#x27; & c");
    /* A line break would end a heading or list item: <br> instead. */
    check_encode(esc_md_text, "one\ntwo", "one<br>two");
    check_encode(esc_md_text, "one\r\ntwo", "one<br>two");
    check_md_text("one\ntwo\n\n# three");
    /* In running text a leading '#' or "1." is not at a line start. */
    check_encode(esc_md_text, "# of cases", "# of cases");
}

/* esc_md_line: data that starts a line cannot start a block. */
static void
test_esc_md_line(void **state)
{
    (void)state;
    check_encode(esc_md_line, "# Title", "\\# Title");
    check_encode(esc_md_line, "###### six", "\\###### six");
    check_encode(esc_md_line, "#", "\\#");
    check_encode(esc_md_line, "> quote", "\\> quote");
    check_encode(esc_md_line, "- item", "\\- item");
    check_encode(esc_md_line, "+ item", "\\+ item");
    check_encode(esc_md_line, "---", "\\---");
    check_encode(esc_md_line, "==", "\\==");
    check_encode(esc_md_line, "1. first", "1\\. first");
    check_encode(esc_md_line, "12) twelfth", "12\\) twelfth");
    check_encode(esc_md_line, "3.", "3\\.");
    /* Not a block start: left alone. */
    check_encode(esc_md_line, "#hashtag", "#hashtag");
    check_encode(esc_md_line, "####### seven", "####### seven");
    check_encode(esc_md_line, "4.3 Review", "4.3 Review");
    check_encode(esc_md_line, "-5 degrees", "-5 degrees");
    check_encode(esc_md_line, "+1", "+1");
    check_encode(esc_md_line, "2017 progress review", "2017 progress review");
    check_encode(esc_md_line, "1234567890. ten digits",
                 "1234567890. ten digits");
    /* And the inline escapes still apply. */
    check_encode(esc_md_line, "# *x*", "\\# \\*x\\*");
    check_encode(esc_md_line, "", "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_esc_html_specials),
        cmocka_unit_test(test_esc_html_controls),
        cmocka_unit_test(test_esc_html_utf8),
        cmocka_unit_test(test_esc_appends),
        cmocka_unit_test(test_esc_html_paragraphs_blank_line),
        cmocka_unit_test(test_esc_html_paragraphs_single_newline),
        cmocka_unit_test(test_esc_html_paragraphs_escapes),
        cmocka_unit_test(test_esc_html_paragraphs_mixed),
        cmocka_unit_test(test_esc_md_cell),
        cmocka_unit_test(test_esc_md_text),
        cmocka_unit_test(test_esc_md_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
