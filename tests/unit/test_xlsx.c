/*
** test_xlsx.c — the spreadsheet reader's date rules: serial numbers in both
** date systems (with Excel's phantom 29 February 1900) and which number
** formats show dates; cell references parsed within the sheet's bounds.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "io/xlsx_read.h"

static void
test_serial_1900(void **state)
{
    char z[11];
    assert_int_equal(xlsx_serial_to_date(1, 0, z), 0);
    assert_string_equal(z, "1900-01-01");
    assert_int_equal(xlsx_serial_to_date(59, 0, z), 0);
    assert_string_equal(z, "1900-02-28");
    /* 60 is the 29 February 1900 Excel believes in: no such day. */
    assert_int_equal(xlsx_serial_to_date(60, 0, z), -1);
    assert_int_equal(xlsx_serial_to_date(61, 0, z), 0);
    assert_string_equal(z, "1900-03-01");
    /* The off-by-one the technology study warns about: 45306 is 15 January
    ** 2024, not the 14th. */
    assert_int_equal(xlsx_serial_to_date(45306, 0, z), 0);
    assert_string_equal(z, "2024-01-15");
    /* A time of day does not move the date. */
    assert_int_equal(xlsx_serial_to_date(45306.75, 0, z), 0);
    assert_string_equal(z, "2024-01-15");
    assert_int_equal(xlsx_serial_to_date(0, 0, z), -1);
    assert_int_equal(xlsx_serial_to_date(3e7, 0, z), -1);
}

static void
test_serial_1904(void **state)
{
    char z[11];
    /* In the 1904 system the same day has a serial 1462 smaller. */
    assert_int_equal(xlsx_serial_to_date(45306 - 1462, 1, z), 0);
    assert_string_equal(z, "2024-01-15");
    assert_int_equal(xlsx_serial_to_date(1, 1, z), 0);
    assert_string_equal(z, "1904-01-02");
}

static void
test_date_formats(void **state)
{
    assert_true(xlsx_format_is_date(14, NULL));
    assert_true(xlsx_format_is_date(22, NULL));
    assert_false(xlsx_format_is_date(0, NULL));
    assert_false(xlsx_format_is_date(2, NULL));
    assert_true(xlsx_format_is_date(164, "yyyy-mm-dd"));
    assert_true(xlsx_format_is_date(165, "[$-409]d\\-mmm\\-yy;@"));
    assert_true(xlsx_format_is_date(166, "[h]:mm"));
    assert_false(xlsx_format_is_date(167, "\"days\" 0"));
    assert_false(xlsx_format_is_date(168, "[Red]0.00"));
    assert_false(xlsx_format_is_date(169, "0.00;[Red]-0.00"));
    assert_false(xlsx_format_is_date(170, "#,##0"));
}

/* References inside the sheet, up to the last column and row. */
static void
test_ref_valid(void **state)
{
    long c, r;
    assert_int_equal(xlsx_parse_ref("A1", &c, &r), 0);
    assert_int_equal(c, 0);
    assert_int_equal(r, 1);
    assert_int_equal(xlsx_parse_ref("AB12", &c, &r), 0);
    assert_int_equal(c, 27);
    assert_int_equal(r, 12);
    assert_int_equal(xlsx_parse_ref("XFD1048576", &c, &r), 0);
    assert_int_equal(c, 16383);
    assert_int_equal(r, 1048576);
    /* No row part, and no reference at all. */
    assert_int_equal(xlsx_parse_ref("C", &c, &r), 0);
    assert_int_equal(c, 2);
    assert_int_equal(r, 0);
    assert_int_equal(xlsx_parse_ref("12", &c, &r), 0);
    assert_int_equal(c, -1);
}

/* Beyond XFD or row 1,048,576 is refused, and however long the reference
** nothing overflows (UBSan checks that in the sanitizer build). */
static void
test_ref_beyond(void **state)
{
    long c, r;
    assert_int_equal(xlsx_parse_ref("XFE1", &c, &r), XLSX_REF_BAD_COLUMN);
    assert_int_equal(xlsx_parse_ref("FXSHRXW1", &c, &r), XLSX_REF_BAD_COLUMN);
    assert_int_equal(xlsx_parse_ref("ZZZZZZZZZZZZZZ1", &c, &r),
                     XLSX_REF_BAD_COLUMN);
    assert_int_equal(
        xlsx_parse_ref("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ1", &c, &r),
        XLSX_REF_BAD_COLUMN);
    assert_int_equal(xlsx_parse_ref("A1048577", &c, &r), XLSX_REF_BAD_ROW);
    assert_int_equal(xlsx_parse_ref("A99999999999999999999999999", &c, &r),
                     XLSX_REF_BAD_ROW);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serial_1900),  cmocka_unit_test(test_serial_1904),
        cmocka_unit_test(test_date_formats), cmocka_unit_test(test_ref_valid),
        cmocka_unit_test(test_ref_beyond),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
