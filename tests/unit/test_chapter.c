/*
** test_chapter.c — unit tests of core/chapter.h: the review's chapters
** and the Markdown subset the M&E officer writes them in.
**
** What these protect: a chapter reads as its author wrote it (paragraphs,
** headings, lists, bold, italic, links); anything outside the subset —
** HTML, a javascript: link, an unclosed star — stays literal text that
** every renderer escapes; a text too long, too many blocks, not UTF-8 or
** with control characters is refused with the line named; hostile input
** ends in a tree whose runs cover its text exactly.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/limits.h"
#include "core/chapter.h"

/* The tree as one line: "p " paragraph, "h2 " heading, "ul1 " / "ol1#3 "
** a list item (list, number); runs as <b>, <i>, <a href=...>; a line
** break "\n" as "/"; blocks joined by " | ". */
static char *
dump(const char *z)
{
    MdDoc d;
    AppErr err = APPERR_INIT;
    Buf b = BUF_INIT;
    if (md_parse(z, &d, &err)) {
        buf_printf(&b, "error: %s", err.zMsg);
        return buf_detach(&b);
    }
    for (size_t i = 0; i < d.nBlock; i++) {
        const MdBlock *k = &d.aBlock[i];
        buf_puts(&b, i ? " | " : "");
        switch (k->e) {
        case MD_PARA:
            buf_puts(&b, "p ");
            break;
        case MD_HEADING:
            buf_printf(&b, "h%d ", k->iLevel);
            break;
        case MD_ITEM:
            if (k->bOrdered) {
                buf_printf(&b, "ol%d#%ld ", k->iList, k->iNumber);
            } else {
                buf_printf(&b, "ul%d ", k->iList);
            }
            break;
        }
        size_t at = 0;
        for (size_t r = 0; r < k->nRun; r++) {
            const MdRun *u = &k->aRun[r];
            assert_int_equal(u->i, at); /* the runs cover the text */
            assert_true(u->n > 0);
            at += u->n;
            if (u->fl & MD_RUN_LINK) {
                buf_printf(&b, "<a %s>", u->zHref);
            }
            buf_puts(&b, u->fl & MD_RUN_BOLD ? "<b>" : "");
            buf_puts(&b, u->fl & MD_RUN_ITALIC ? "<i>" : "");
            for (size_t c = 0; c < u->n; c++) {
                char ch = k->zText[u->i + c];
                buf_putc(&b, ch == '\n' ? '/' : ch);
            }
            buf_puts(&b, u->fl & MD_RUN_ITALIC ? "</i>" : "");
            buf_puts(&b, u->fl & MD_RUN_BOLD ? "</b>" : "");
            buf_puts(&b, u->fl & MD_RUN_LINK ? "</a>" : "");
        }
        assert_int_equal(at, strlen(k->zText));
    }
    md_doc_release(&d);
    return buf_detach(&b);
}

static void
expect(const char *zIn, const char *zWant)
{
    char *z = dump(zIn);
    if (strcmp(z, zWant) != 0) {
        fprintf(stderr, "input: %s\nwant:  %s\ngot:   %s\n", zIn, zWant, z);
    }
    assert_string_equal(z, zWant);
    free(z);
}

static void
test_blocks(void **state)
{
    (void)state;
    expect("", "");
    expect("\n\n  \n", "");
    expect("One line\nand the next.\n\nSecond paragraph.",
           "p One line and the next. | p Second paragraph.");
    expect("Broken  \nhere\\\nand here", "p Broken/here/and here");
    expect("## Funding\nText", "h2 Funding | p Text");
    expect("### Monitoring and evaluation\n", "h3 Monitoring and evaluation");
    /* Not headings: one or four hashes, no space, four spaces before. */
    expect("# Title", "p # Title");
    expect("#### Deep", "p #### Deep");
    expect("##Title", "p ##Title");
    expect("    ## Indented", "p ## Indented");
    expect("- one\n- two\n  continued\n\n- three\n\nAfter.",
           "ul1 one | ul1 two continued | ul1 three | p After.");
    expect("* a\n+ b", "ul1 a | ul1 b");
    expect("3. third\n7) fourth\n\n1. new list?",
           "ol1#3 third | ol1#4 fourth | ol1#5 new list?");
    expect("1. a\n- b\n1. c", "ol1#1 a | ul2 b | ol3#1 c");
    expect("Para\n- item", "p Para | ul1 item");
    expect("-not an item\n2.not either", "p -not an item 2.not either");
    expect("Windows\r\nlines\r\n", "p Windows lines");
}

static void
test_inline(void **state)
{
    (void)state;
    expect("**bold** and *italic*", "p <b>bold</b> and <i>italic</i>");
    expect("*a **b** c*", "p <i>a </i><b><i>b</i></b><i> c</i>");
    expect("3 * 4 * 5", "p 3 * 4 * 5");
    expect("**unclosed and *half", "p **unclosed and *half");
    expect("\\*literal\\* \\\\ \\a", "p *literal* \\ \\a");
    expect("See [the ILO](https://www.ilo.org/triangle).",
           "p See <a https://www.ilo.org/triangle>the ILO</a>.");
    expect("[**bold link**](http://x.example/a?b=c)",
           "p <a http://x.example/a?b=c><b>bold link</b></a>");
    expect("[write](mailto:me@example.org)",
           "p <a mailto:me@example.org>write</a>");
    /* Everything else is literal text. */
    expect("[x](javascript:alert(1))", "p [x](javascript:alert(1))");
    expect("[x](data:text/html,hi)", "p [x](data:text/html,hi)");
    expect("[x](https://a b)", "p [x](https://a b)");
    expect("[x](https://)", "p [x](https://)");
    expect("[](https://x.example)", "p [](https://x.example)");
    expect("<script>alert('x')</script> &amp;",
           "p <script>alert('x')</script> &amp;");
    expect("`code` _under_ ~~strike~~ > quote",
           "p `code` _under_ ~~strike~~ > quote");
    expect("[a [b](https://x.example)", "p [a <a https://x.example>b</a>");
}

static void
expect_error(const char *zIn, const char *zWant)
{
    MdDoc d;
    AppErr err = APPERR_INIT;
    assert_int_equal(md_parse(zIn, &d, &err), -1);
    assert_int_equal(err.code, APPERR_INPUT);
    if (!strstr(err.zMsg, zWant)) {
        fprintf(stderr, "want: %s\ngot:  %s\n", zWant, err.zMsg);
    }
    assert_non_null(strstr(err.zMsg, zWant));
    assert_int_equal(d.nBlock, 0);
}

static void
test_refused(void **state)
{
    (void)state;
    expect_error("fine\nbad \x01 byte", "line 2, column 5: a control");
    expect_error("ok\n\nnot \xC3\x28 utf-8", "line 3: the text is not UTF-8");
    Buf b = BUF_INIT;
    buf_init(&b, LIMIT_BUF_BYTES);
    buf_puts(&b, "one\n");
    buf_repeat(&b, 'x', LIMIT_CHAPTER_LINE_BYTES + 1);
    expect_error(buf_str(&b), "line 2: longer than 8192 bytes");
    buf_reset(&b);
    for (unsigned i = 0; i <= LIMIT_CHAPTER_BLOCKS; i++) {
        buf_puts(&b, "- item\n");
    }
    expect_error(buf_str(&b), "line 1001: more than 1000 paragraphs");
    buf_reset(&b);
    while (b.n <= LIMIT_CHAPTER_BYTES) {
        buf_puts(&b, "A sentence of the review.\n");
    }
    expect_error(buf_str(&b), "the chapter is longer than 65536 bytes");
    buf_reset(&b);
    buf_puts(&b, "Para\n\n[link](https://x.example/");
    buf_repeat(&b, 'a', LIMIT_CHAPTER_HREF_BYTES);
    buf_puts(&b, ")");
    expect_error(buf_str(&b), "line 3: a link's address is longer than");
    buf_release(&b);
}

/* Hostile input: long runs of delimiters and brackets end quickly in a
** tree whose runs cover the text (dump() asserts it). */
static void
test_hostile(void **state)
{
    (void)state;
    static const char *const azPiece[] = {
        "*",  "**", "[",   "](", "https://x.example", ")", "\\", " ",
        "\n", "- ", "## ", "1. "
    };
    Buf b = BUF_INIT;
    unsigned seed = 7;
    for (int round = 0; round < 200; round++) {
        buf_reset(&b);
        for (int k = 0; k < 60; k++) {
            seed = seed * 1103515245u + 12345u;
            buf_puts(&b, azPiece[(seed >> 16) % 12]);
        }
        char *z = dump(buf_str(&b));
        assert_null(strstr(z, "error"));
        free(z);
    }
    buf_reset(&b);
    buf_repeat(&b, '*', 8000);
    char *z = dump(buf_str(&b));
    free(z);
    buf_reset(&b);
    for (int k = 0; k < 2000; k++) {
        buf_puts(&b, "[a](");
    }
    z = dump(buf_str(&b));
    free(z);
    /* Stars no later one closes, a whole chapter of them in one
    ** paragraph: each opener would look to the end (a quadratic time). */
    buf_reset(&b);
    while (b.n + 8 < LIMIT_CHAPTER_BYTES) {
        buf_puts(&b, b.n % 4000 < 8 ? "\n*a **a " : "*a **a ");
    }
    z = dump(buf_str(&b));
    assert_null(strstr(z, "error"));
    assert_null(strstr(z, "<i>"));
    free(z);
    buf_release(&b);
}

static void
test_kinds(void **state)
{
    (void)state;
    ChapterKind e;
    assert_int_equal(chapter_kind_parse("good_practices", &e), 0);
    assert_int_equal(e, CHAPTER_GOOD_PRACTICES);
    assert_int_equal(chapter_kind_parse("Findings", &e), 0);
    assert_int_equal(e, CHAPTER_FINDINGS);
    assert_int_equal(chapter_kind_parse("annex", &e), -1);
    assert_string_equal(chapter_kind_label(CHAPTER_PRIORITIES),
                        "Priorities for the next action plan");
    /* The review's order: opening, then findings by the figures, then
    ** the closing chapters; never back. */
    for (int k = 1; k < CHAPTER_KIND_COUNT; k++) {
        assert_true(chapter_kind_place((ChapterKind)k) >=
                    chapter_kind_place((ChapterKind)(k - 1)));
    }
    assert_int_equal(chapter_kind_place(CHAPTER_METHODOLOGY),
                     CHAPTER_AT_OPENING);
    assert_int_equal(chapter_kind_place(CHAPTER_FINDINGS), CHAPTER_AT_FIGURES);
    assert_int_equal(chapter_kind_place(CHAPTER_CHALLENGES),
                     CHAPTER_AT_CLOSING);
    char zEn[] = "English", zKm[] = "\xE1\x9E\x81";
    RoundChapter c = { CHAPTER_FINDINGS, zEn, NULL, NULL, NULL, 1 };
    assert_string_equal(chapter_text(&c, I18N_KM), "English");
    c.zTextKm = zKm;
    assert_string_equal(chapter_text(&c, I18N_KM), "\xE1\x9E\x81");
    assert_string_equal(chapter_text(&c, I18N_EN), "English");
    assert_int_equal(chapter_word_count(NULL), 0);
    assert_int_equal(chapter_word_count("  "), 0);
    assert_int_equal(chapter_word_count("## Two words\n\n- and\tfour"), 6);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks),  cmocka_unit_test(test_inline),
        cmocka_unit_test(test_refused), cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_kinds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
