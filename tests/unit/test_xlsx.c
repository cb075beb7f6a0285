/*
** test_xlsx.c — the spreadsheet reader's date rules: serial numbers in both
** date systems (with Excel's phantom 29 February 1900) and which number
** formats show dates.
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

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_serial_1900),
        cmocka_unit_test(test_serial_1904),
        cmocka_unit_test(test_date_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
