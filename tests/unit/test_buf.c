/*
** test_buf.c — unit tests of the Buf string builder (src/base/buf.h).
**
** Buf is the one way lmpmon builds text: exports, reports and error pages
** all rely on it being readable before the first append, on its size cap
** holding, and on the overflow flag staying set so one check at the end
** is enough.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* A Buf that was never appended to reads as "" (never NULL). */
static void
test_buf_empty_is_readable(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    assert_non_null(buf_str(&b));
    assert_string_equal(buf_str(&b), "");
    assert_int_equal(b.n, 0);
    assert_false(buf_failed(&b));

    Buf c;
    buf_init(&c, 16);
    assert_string_equal(buf_str(&c), "");
    buf_release(&c);
    buf_release(&b);
}

static void
test_buf_appends(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    buf_puts(&b, "total: ");
    buf_append(&b, "12345", 2);
    buf_putc(&b, '!');
    buf_repeat(&b, '-', 3);
    buf_printf(&b, " %d/%s", 7, "x");
    assert_string_equal(buf_str(&b), "total: 12!--- 7/x");
    assert_int_equal(b.n, strlen("total: 12!--- 7/x"));
    assert_false(buf_failed(&b));
    buf_release(&b);
    /* Released: empty again and still usable. */
    assert_string_equal(buf_str(&b), "");
    buf_puts(&b, "again");
    assert_string_equal(buf_str(&b), "again");
    buf_release(&b);
}

/* Growing past the initial allocation keeps every byte in order. */
static void
test_buf_grows(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    for (int i = 0; i < 1000; i++) {
        buf_printf(&b, "%03d,", i);
    }
    assert_int_equal(b.n, 4000);
    assert_memory_equal(buf_str(&b), "000,001,002,", 12);
    assert_string_equal(buf_str(&b) + 3996, "999,");
    assert_int_equal(strlen(buf_str(&b)), 4000);
    assert_false(buf_failed(&b));
    buf_release(&b);
}

/* An empty printf result still leaves a valid string. */
static void
test_buf_printf_empty(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s", "");
    assert_string_equal(buf_str(&b), "");
    assert_false(buf_failed(&b));
    buf_release(&b);
}

/* Appends past nMax are refused, set the sticky flag, and never let the
** content grow beyond nMax; smaller appends after that are refused too. */
static void
test_buf_max_size_is_sticky(void **state)
{
    (void)state;
    Buf b;
    buf_init(&b, 10);
    buf_puts(&b, "0123456");
    assert_false(buf_failed(&b));
    buf_puts(&b, "789A"); /* 11 bytes: one too many */
    assert_true(buf_failed(&b));
    assert_true(b.n <= 10);
    assert_string_equal(buf_str(&b), "0123456");
    buf_putc(&b, 'x'); /* would fit, but the failure is sticky */
    assert_true(buf_failed(&b));
    assert_string_equal(buf_str(&b), "0123456");
    buf_printf(&b, "%d", 1);
    buf_repeat(&b, 'y', 1);
    assert_true(buf_failed(&b));
    assert_true(b.n <= 10);
    assert_int_equal(strlen(buf_str(&b)), b.n);
    /* reset clears the flag */
    buf_reset(&b);
    assert_false(buf_failed(&b));
    assert_string_equal(buf_str(&b), "");
    buf_puts(&b, "abc");
    assert_string_equal(buf_str(&b), "abc");
    buf_release(&b);
}

/* Exactly nMax bytes fit. */
static void
test_buf_max_size_exact(void **state)
{
    (void)state;
    Buf b;
    buf_init(&b, 5);
    buf_printf(&b, "%s", "abcde");
    assert_false(buf_failed(&b));
    assert_string_equal(buf_str(&b), "abcde");
    buf_putc(&b, 'f');
    assert_true(buf_failed(&b));
    assert_string_equal(buf_str(&b), "abcde");
    buf_release(&b);

    buf_init(&b, 5);
    buf_printf(&b, "%s", "abcdef"); /* printf checks the cap too */
    assert_true(buf_failed(&b));
    assert_true(b.n <= 5);
    buf_release(&b);

    buf_init(&b, 5);
    buf_repeat(&b, '=', 6);
    assert_true(buf_failed(&b));
    assert_true(b.n <= 5);
    buf_release(&b);
}

static void
test_buf_detach(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    buf_puts(&b, "owned");
    char *z = buf_detach(&b);
    assert_string_equal(z, "owned");
    /* b is empty and usable; z is the caller's. */
    assert_string_equal(buf_str(&b), "");
    assert_int_equal(b.n, 0);
    buf_puts(&b, "new");
    assert_string_equal(buf_str(&b), "new");
    assert_string_equal(z, "owned");
    free(z);
    buf_release(&b);

    /* Detaching a Buf that never allocated gives a heap "". */
    Buf e = BUF_INIT;
    z = buf_detach(&e);
    assert_non_null(z);
    assert_string_equal(z, "");
    free(z);
}

static void
test_buf_truncate(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    buf_puts(&b, "hello, world");
    buf_truncate(&b, 5);
    assert_string_equal(buf_str(&b), "hello");
    assert_int_equal(b.n, 5);
    buf_puts(&b, "!");
    assert_string_equal(buf_str(&b), "hello!");
    buf_truncate(&b, 100); /* beyond the end: no change */
    assert_string_equal(buf_str(&b), "hello!");
    buf_truncate(&b, 0);
    assert_string_equal(buf_str(&b), "");
    buf_release(&b);

    Buf e = BUF_INIT; /* never allocated */
    buf_truncate(&e, 0);
    assert_string_equal(buf_str(&e), "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_empty_is_readable),
        cmocka_unit_test(test_buf_appends),
        cmocka_unit_test(test_buf_grows),
        cmocka_unit_test(test_buf_printf_empty),
        cmocka_unit_test(test_buf_max_size_is_sticky),
        cmocka_unit_test(test_buf_max_size_exact),
        cmocka_unit_test(test_buf_detach),
        cmocka_unit_test(test_buf_truncate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
