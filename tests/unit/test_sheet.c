/*
** test_sheet.c — unit tests of the tables the web application shows and
** downloads (src/report/sheet.h): the HTML escapes every cell and offers
** the downloads, the CSV holds the same cells with spreadsheet formulas
** guarded, and the XLSX reads back (io/xlsx_read.c) as the same CSV.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/xlsx_read.h"
#include "report/sheet.h"

static void
fill(Sheet *t)
{
    sheet_init(t, "activities", "Activities & <their> ratings");
    sheet_col(t, "Activity");
    sheet_col(t, "Rating");
    sheet_col(t, "Statements");
    sheet_link(t, "4.8", "/activity/4.8?plan=a&b");
    sheet_badge(t, "On Target", "rating r-on_target");
    sheet_num(t, 3);
    sheet_text(t, "=HYPERLINK(\"http://evil\")");
    sheet_text(t, "<script>");
    sheet_num(t, -12);
}

static void
test_sheet_html(void **state)
{
    (void)state;
    Sheet t;
    fill(&t);
    assert_int_equal(sheet_rows(&t), 2);
    Buf b = BUF_INIT;
    sheet_render_html(&t, "/round/2018?plan=x", &b);
    const char *z = buf_str(&b);
    assert_non_null(strstr(z, "<div class=\"table-wrap\""));
    assert_non_null(strstr(z, "<caption>Activities &amp; &lt;their&gt; "
                              "ratings</caption>"));
    assert_non_null(strstr(z, "<a href=\"/activity/4.8?plan=a&amp;b\">4.8"
                              "</a>"));
    assert_non_null(strstr(z, "<span class=\"rating r-on_target\">On Target"
                              "</span>"));
    assert_non_null(strstr(z, "<td class=\"n\">-12</td>"));
    assert_non_null(strstr(z, "&lt;script&gt;"));
    assert_null(strstr(z, "<script>"));
    assert_non_null(strstr(z, "href=\"/round/2018?plan=x&amp;table="
                              "activities&amp;format=csv\""));
    assert_non_null(strstr(z, "table=activities&amp;format=xlsx"));
    buf_reset(&b);
    sheet_render_html(&t, "/rounds", &b);
    assert_non_null(strstr(buf_str(&b), "href=\"/rounds?table=activities&amp;"
                                        "format=csv\""));
    buf_reset(&b);
    sheet_render_html(&t, NULL, &b);
    assert_null(strstr(buf_str(&b), "format=csv"));
    buf_release(&b);
    sheet_release(&t);
}

static const char zWantCsv[] =
    "Activity,Rating,Statements\r\n"
    "4.8,On Target,3\r\n"
    "\"'=HYPERLINK(\"\"http://evil\"\")\",<script>,-12\r\n";

static void
test_sheet_csv(void **state)
{
    (void)state;
    Sheet t;
    fill(&t);
    Buf b = BUF_INIT;
    sheet_render_csv(&t, &b);
    assert_string_equal(buf_str(&b), zWantCsv);
    buf_release(&b);
    sheet_release(&t);
}

static void
test_sheet_xlsx_round_trip(void **state)
{
    (void)state;
    Sheet t;
    fill(&t);
    Buf b = BUF_INIT;
    AppErr err = APPERR_INIT;
    assert_int_equal(sheet_render_xlsx(&t, &b, &err), 0);
    assert_true(b.n > 100);
    assert_memory_equal(b.z, "PK", 2); /* a zip package */
    const char *zDir = getenv("TMPDIR");
    Buf tmp = BUF_INIT;
    buf_printf(&tmp, "%s/lmpmon-test-sheet-XXXXXX",
               zDir && *zDir ? zDir : "/tmp");
    char *zPath = buf_detach(&tmp);
    int fd = mkstemp(zPath);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b.z, b.n), (ssize_t)b.n);
    close(fd);
    Buf csv = BUF_INIT;
    char *zXlsx = NULL;
    Buf name = BUF_INIT;
    buf_printf(&name, "%s.xlsx", zPath);
    zXlsx = buf_detach(&name);
    assert_int_equal(rename(zPath, zXlsx), 0);
    int rc = xlsx_to_csv(zXlsx, &csv, &err);
    if (rc) {
        print_error("%s\n", err.zMsg);
    }
    assert_int_equal(rc, 0);
    /* The formula came back as text (a string cell, never a formula);
    ** the reader's CSV guards it, and the negative number, as any CSV
    ** writer of lmpmon does. */
    assert_non_null(strstr(buf_str(&csv), "Activity,Rating,Statements"));
    assert_non_null(strstr(buf_str(&csv), "4.8,On Target,3"));
    assert_non_null(strstr(buf_str(&csv), "HYPERLINK"));
    assert_non_null(strstr(buf_str(&csv), "<script>,'-12"));
    unlink(zXlsx);
    free(zXlsx);
    free(zPath);
    buf_release(&csv);
    buf_release(&b);
    sheet_release(&t);
}

static void
test_sheet_formats(void **state)
{
    (void)state;
    SheetFormat e;
    assert_int_equal(sheet_format_parse("", &e), 0);
    assert_int_equal(e, SHEET_HTML);
    assert_int_equal(sheet_format_parse("csv", &e), 0);
    assert_int_equal(e, SHEET_CSV);
    assert_int_equal(sheet_format_parse("xlsx", &e), 0);
    assert_int_equal(e, SHEET_XLSX);
    assert_int_equal(sheet_format_parse("pdf", &e), -1);
    assert_string_equal(sheet_format_ext(SHEET_XLSX), "xlsx");
    assert_string_equal(sheet_format_mime(SHEET_CSV),
                        "text/csv; charset=utf-8");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheet_html),
        cmocka_unit_test(test_sheet_csv),
        cmocka_unit_test(test_sheet_xlsx_round_trip),
        cmocka_unit_test(test_sheet_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
