/*
** test_csv.c — unit tests of the RFC 4180 reader and writer (src/io/csv.h).
**
** The reader must take what spreadsheets write (BOM, CRLF, quoted commas,
** quotes and newlines) and point at the exact line of a mistake; the
** writer must quote what needs quoting and keep spreadsheet programs from
** running a cell as a formula, without losing the text on re-import.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/apperr.h"
#include "base/buf.h"
#include "base/limits.h"
#include "io/csv.h"

/* A reader and a record over a string literal, freed by teardown. */
typedef struct Fix {
    CsvReader r;
    CsvRecord rec;
    AppErr err;
    Buf in;  /* the input being read */
    Buf out; /* what a test wrote */
} Fix;

static int
setup(void **state)
{
    Fix *f = calloc(1, sizeof *f);
    assert_non_null(f);
    buf_init(&f->in, 0);
    buf_init(&f->out, 0);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fix *f = *state;
    csv_record_release(&f->rec);
    free(f->rec.azField);
    free(f->rec.aiLine);
    buf_release(&f->in);
    buf_release(&f->out);
    free(f);
    return 0;
}

/* Start reading z (the bytes up to n, or strlen(z) when n is 0). */
static void
start(Fix *f, const char *z, size_t n)
{
    buf_reset(&f->in);
    buf_append(&f->in, z, n ? n : strlen(z));
    csv_reader_init(&f->r, buf_str(&f->in), f->in.n);
}

static int
next(Fix *f)
{
    return csv_read_record(&f->r, &f->rec, &f->err);
}

/* Assert the next record is the nField fields of az, starting on iLine. */
static void
expect_record(Fix *f, int iLine, size_t nField, const char *const *az)
{
    int rc = next(f);
    if (rc != 1) {
        print_error("read gave %d: %s\n", rc, f->err.zMsg);
    }
    assert_int_equal(rc, 1);
    assert_int_equal(f->rec.iLine, iLine);
    assert_int_equal(f->rec.nField, nField);
    for (size_t k = 0; k < nField; k++) {
        assert_string_equal(f->rec.azField[k], az[k]);
    }
}

/* Assert the next read fails with a message containing zPart. */
static void
expect_error(Fix *f, const char *zPart)
{
    int rc = next(f);
    assert_int_equal(rc, -1);
    assert_int_equal(f->err.code, APPERR_INPUT);
    if (!strstr(f->err.zMsg, zPart)) {
        print_error("message '%s' lacks '%s'\n", f->err.zMsg, zPart);
    }
    assert_non_null(strstr(f->err.zMsg, zPart));
}

static void
test_csv_bom_crlf(void **state)
{
    Fix *f = *state;
    start(f,
          "\xEF\xBB\xBF"
          "code,text\r\n4.1,Study\r\n",
          0);
    static const char *const a1[] = { "code", "text" };
    static const char *const a2[] = { "4.1", "Study" };
    expect_record(f, 1, 2, a1);
    expect_record(f, 2, 2, a2);
    assert_int_equal(next(f), 0);
    assert_int_equal(next(f), 0); /* stays at the end */
}

static void
test_csv_lf_no_final_newline(void **state)
{
    Fix *f = *state;
    start(f, "a,b\nc,d", 0);
    static const char *const a1[] = { "a", "b" };
    static const char *const a2[] = { "c", "d" };
    expect_record(f, 1, 2, a1);
    expect_record(f, 2, 2, a2);
    assert_int_equal(next(f), 0);
}

/* Only a BOM at the very start is skipped; a BOM-only file is empty. */
static void
test_csv_bom_only(void **state)
{
    Fix *f = *state;
    start(f, "\xEF\xBB\xBF", 0);
    assert_int_equal(next(f), 0);
    start(f, "", 0);
    assert_int_equal(next(f), 0);
}

static void
test_csv_quoted(void **state)
{
    Fix *f = *state;
    start(f,
          "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",z\n"
          "next,\"\"\n",
          0);
    static const char *const a1[] = { "x, y", "say \"hi\"", "two\nlines", "z" };
    expect_record(f, 1, 4, a1);
    /* "z" comes after the newline inside the third field. */
    assert_int_equal(f->rec.aiLine[0], 1);
    assert_int_equal(f->rec.aiLine[1], 1);
    assert_int_equal(f->rec.aiLine[2], 1);
    assert_int_equal(f->rec.aiLine[3], 2);
    static const char *const a2[] = { "next", "" };
    expect_record(f, 3, 2, a2);
    assert_int_equal(f->rec.aiLine[0], 3);
    assert_int_equal(f->rec.aiLine[1], 3);
    assert_int_equal(next(f), 0);
}

/* A quoted field may hold CRLF; it is kept as written. */
static void
test_csv_quoted_crlf(void **state)
{
    Fix *f = *state;
    start(f, "\"a\r\nb\",c\r\nd,e\r\n", 0);
    static const char *const a1[] = { "a\r\nb", "c" };
    static const char *const a2[] = { "d", "e" };
    expect_record(f, 1, 2, a1);
    assert_int_equal(f->rec.aiLine[1], 2);
    expect_record(f, 3, 2, a2);
}

static void
test_csv_empty_fields(void **state)
{
    Fix *f = *state;
    start(f, "a,,\n,\n", 0);
    static const char *const a1[] = { "a", "", "" };
    static const char *const a2[] = { "", "" };
    expect_record(f, 1, 3, a1);
    expect_record(f, 2, 2, a2);
    assert_int_equal(next(f), 0);
}

/* Empty lines (LF or CRLF) are skipped, but still counted. */
static void
test_csv_empty_lines_skipped(void **state)
{
    Fix *f = *state;
    start(f, "\n\na\n\n\r\nb\n\n", 0);
    static const char *const a1[] = { "a" };
    static const char *const a2[] = { "b" };
    expect_record(f, 3, 1, a1);
    expect_record(f, 6, 1, a2);
    assert_int_equal(next(f), 0);
}

/* Spaces are data: the reader does not trim. */
static void
test_csv_spaces_kept(void **state)
{
    Fix *f = *state;
    start(f, " a , b\n", 0);
    static const char *const a1[] = { " a ", " b" };
    expect_record(f, 1, 2, a1);
}

/* The message names the line where the quote was opened, not the end of
** the file where the reader noticed. */
static void
test_csv_unterminated_quote(void **state)
{
    Fix *f = *state;
    start(f, "a,b\nc,\"open\nmore\nstuff\n", 0);
    static const char *const a1[] = { "a", "b" };
    expect_record(f, 1, 2, a1);
    expect_error(f, "line 2, column 2");
    assert_non_null(strstr(f->err.zMsg, "not closed"));
}

static void
test_csv_stray_quote(void **state)
{
    Fix *f = *state;
    start(f, "x,y\na,b\"c\n", 0);
    static const char *const a1[] = { "x", "y" };
    expect_record(f, 1, 2, a1);
    expect_error(f, "line 2, column 2");
    assert_non_null(strstr(f->err.zMsg, "quote"));
}

static void
test_csv_text_after_quote(void **state)
{
    Fix *f = *state;
    start(f, "\"ab\"c,d\n", 0);
    expect_error(f, "line 1, column 1");
    assert_non_null(strstr(f->err.zMsg, "after the closing quote"));

    start(f, "ok,\"ab\" ,d\n", 0);
    expect_error(f, "line 1, column 2");
}

/* A field of LIMIT_FIELD_BYTES is fine, one byte more is refused with the
** position and the limit's name. */
static void
test_csv_field_limit(void **state)
{
    Fix *f = *state;
    Buf z = BUF_INIT;
    buf_puts(&z, "head\nx,");
    buf_repeat(&z, 'a', LIMIT_FIELD_BYTES);
    buf_puts(&z, "\n");
    start(f, buf_str(&z), z.n);
    assert_int_equal(next(f), 1);
    assert_int_equal(next(f), 1);
    assert_int_equal(f->rec.nField, 2);
    assert_int_equal(strlen(f->rec.azField[1]), LIMIT_FIELD_BYTES);

    buf_reset(&z);
    buf_puts(&z, "head\nx,");
    buf_repeat(&z, 'a', LIMIT_FIELD_BYTES + 1);
    buf_puts(&z, ",y\n");
    start(f, buf_str(&z), z.n);
    assert_int_equal(next(f), 1);
    expect_error(f, "line 2, column 2");
    assert_non_null(strstr(f->err.zMsg, "LIMIT_FIELD_BYTES"));

    /* Quoted, spanning lines: the line where the field began. */
    buf_reset(&z);
    buf_puts(&z, "\"x\n");
    buf_repeat(&z, 'a', LIMIT_FIELD_BYTES);
    buf_puts(&z, "\"\n");
    start(f, buf_str(&z), z.n);
    expect_error(f, "line 1, column 1");
    assert_non_null(strstr(f->err.zMsg, "LIMIT_FIELD_BYTES"));
    buf_release(&z);
}

/* A record of LIMIT_CSV_FIELDS fields is read; one field more is refused
** at the column past the limit, on the line of the record. */
static void
test_csv_fields_limit(void **state)
{
    Fix *f = *state;
    Buf z = BUF_INIT;
    buf_puts(&z, "head\n");
    buf_repeat(&z, ',', LIMIT_CSV_FIELDS - 1);
    buf_puts(&z, "\n");
    start(f, buf_str(&z), z.n);
    assert_int_equal(next(f), 1);
    assert_int_equal(next(f), 1);
    assert_int_equal(f->rec.nField, LIMIT_CSV_FIELDS);

    buf_reset(&z);
    buf_puts(&z, "head\n");
    buf_repeat(&z, ',', 30u * 1000u * 1000u); /* a 30 MB line */
    buf_puts(&z, "\n");
    start(f, buf_str(&z), z.n);
    assert_int_equal(next(f), 1);
    expect_error(f, "line 2, column 1001: more than 1000 fields in one "
                    "record (LIMIT_CSV_FIELDS)");
    /* Bounded bookkeeping: nothing like 30 million fields was kept. */
    assert_true(f->rec.nAlloc <= 2 * LIMIT_CSV_FIELDS);
    buf_release(&z);
}

/* Fields within LIMIT_FIELD_BYTES can still add up to a record beyond
** LIMIT_CSV_RECORD_BYTES: refused where it passes the limit, quoted or
** not. */
static void
test_csv_record_bytes_limit(void **state)
{
    Fix *f = *state;
    Buf z = BUF_INIT;
    for (int bQuote = 0; bQuote < 2; bQuote++) {
        buf_reset(&z);
        buf_puts(&z, "head\n");
        size_t nField = LIMIT_CSV_RECORD_BYTES / LIMIT_FIELD_BYTES + 2;
        for (size_t k = 0; k < nField; k++) {
            buf_puts(&z, k ? (bQuote ? ",\"" : ",") : (bQuote ? "\"" : ""));
            buf_repeat(&z, 'a', LIMIT_FIELD_BYTES);
            buf_puts(&z, bQuote ? "\"" : "");
        }
        buf_puts(&z, "\n");
        start(f, buf_str(&z), z.n);
        assert_int_equal(next(f), 1);
        expect_error(f, "line 2, column 129: record longer than 4194304 bytes "
                        "(LIMIT_CSV_RECORD_BYTES)");
    }
    buf_release(&z);
}

/* What csv_write_field makes of z. */
static const char *
written(Buf *b, const char *z)
{
    buf_reset(b);
    csv_write_field(b, z);
    return buf_str(b);
}

static void
test_csv_write_quoting(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    assert_string_equal(written(&b, "plain text"), "plain text");
    assert_string_equal(written(&b, ""), "");
    assert_string_equal(written(&b, "a,b"), "\"a,b\"");
    assert_string_equal(written(&b, "say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_string_equal(written(&b, "two\nlines"), "\"two\nlines\"");
    assert_string_equal(written(&b, "cr\rhere"), "\"cr\rhere\"");
    assert_string_equal(written(&b, " lead"), "\" lead\"");
    assert_string_equal(written(&b, "trail "), "\"trail \"");
    assert_string_equal(written(&b, "MOLVT; MOWA"), "MOLVT; MOWA");
    buf_release(&b);
}

static void
test_csv_write_formula_guard(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    assert_string_equal(written(&b, "=1+1"), "'=1+1");
    assert_string_equal(written(&b, "-x"), "'-x");
    assert_string_equal(written(&b, "+x"), "'+x");
    assert_string_equal(written(&b, "@x"), "'@x");
    /* Guard and quotes together: the apostrophe goes inside the quotes. */
    assert_string_equal(written(&b, "=SUM(A1,B1)"), "\"'=SUM(A1,B1)\"");
    assert_string_equal(written(&b, "=HYPERLINK(\"u\")"),
                        "\"'=HYPERLINK(\"\"u\"\")\"");
    /* Not at the start: no guard. */
    assert_string_equal(written(&b, "1+1=2"), "1+1=2");
    assert_string_equal(written(&b, "a-b"), "a-b");
    /* TAB and CR, which some programs strip before looking for '=': */
    assert_string_equal(written(&b, "\t=1+1"), "'\t=1+1");
    assert_string_equal(written(&b, "\r=1+1"), "\"'\r=1+1\"");
    /* A text starting with apostrophes and a formula sign gets one more. */
    assert_string_equal(written(&b, "'=x"), "''=x");
    assert_string_equal(written(&b, "''=x"), "'''=x");
    /* Apostrophes before anything else: left alone. */
    assert_string_equal(written(&b, "'quoted'"), "'quoted'");
    assert_string_equal(written(&b, "''"), "''");
    buf_release(&b);
}

static void
test_csv_unguard(void **state)
{
    (void)state;
    assert_string_equal(csv_unguard("'=1+1"), "=1+1");
    assert_string_equal(csv_unguard("'-x"), "-x");
    assert_string_equal(csv_unguard("'+x"), "+x");
    assert_string_equal(csv_unguard("'@x"), "@x");
    assert_string_equal(csv_unguard("'quoted'"), "'quoted'");
    assert_string_equal(csv_unguard("'"), "'");
    assert_string_equal(csv_unguard(""), "");
    assert_string_equal(csv_unguard("=1"), "=1");
    assert_string_equal(csv_unguard("'\t=1"), "\t=1");
    assert_string_equal(csv_unguard("'\r=1"), "\r=1");
    assert_string_equal(csv_unguard("''=x"), "'=x");
    assert_string_equal(csv_unguard("'''-1"), "''-1");
    assert_string_equal(csv_unguard("''"), "''");
}

/* Write az as one record between two others, read it back, unguard: the
** same strings.  The text lives in the fixture, so a failing assertion
** leaks nothing. */
static void
check_round_trip(Fix *f, const char *const *az, size_t n)
{
    Buf *b = &f->out;
    buf_reset(b);
    buf_puts(b, "first,row\r\n");
    for (size_t k = 0; k < n; k++) {
        if (k) {
            buf_putc(b, ',');
        }
        csv_write_field(b, az[k]);
    }
    buf_puts(b, "\r\nlast,row\r\n");
    start(f, buf_str(b), b->n);
    assert_int_equal(next(f), 1);
    int rc = next(f);
    if (rc != 1) {
        print_error("cannot read back '%s': %s\n", buf_str(b), f->err.zMsg);
    }
    assert_int_equal(rc, 1);
    assert_int_equal(f->rec.iLine, 2);
    assert_int_equal(f->rec.nField, n);
    for (size_t k = 0; k < n; k++) {
        const char *zGot = csv_unguard(f->rec.azField[k]);
        if (strcmp(zGot, az[k]) != 0) {
            print_error("field %zu: wrote '%s', read '%s'\n", k, az[k], zGot);
        }
        assert_string_equal(zGot, az[k]);
    }
    /* The record after it starts one line after its last line break. */
    int nNewline = 0;
    for (size_t k = 0; k < n; k++) {
        for (const char *p = az[k]; *p; p++) {
            nNewline += *p == '\n';
        }
    }
    static const char *const aLast[] = { "last", "row" };
    expect_record(f, 3 + nNewline, 2, aLast);
    assert_int_equal(next(f), 0);
}

static void
test_csv_round_trip(void **state)
{
    Fix *f = *state;
    static const char *const az[] = {
        "",         "plain",
        "a,b",      "\"",
        "\"\"",     "say \"hi\", twice",
        " spaced ", "=1+1",
        "-5",       "+x",
        "@home",    "=HYPERLINK(\"http://x\",\"y\")",
        "'quoted'", "\xE1\x9E\x95\xE1\x9F\x82\xE1\x9E\x93, \xE1\x9E\x80",
        "end",
    };
    check_round_trip(f, az, sizeof az / sizeof az[0]);
}

/* Fields with line breaks: the next record's line number counts them. */
static void
test_csv_round_trip_multiline(void **state)
{
    Fix *f = *state;
    static const char *const az[] = { "x\r\ny", "\n", "a\nb\nc" };
    check_round_trip(f, az, sizeof az / sizeof az[0]);
}

/* Regression test (a bug found and fixed): a text that itself starts with an apostrophe and a formula sign
** ("'-' marks a missing value", "'=x") is written unchanged, so on
** re-import csv_unguard() strips its apostrophe and the text comes back as
** "-' marks a missing value".  csv_write_field() and csv_unguard() need an
** escape for a leading apostrophe that the guard did not add. */
static void
test_csv_round_trip_apostrophe(void **state)
{
    Fix *f = *state;
    static const char *const az[] = { "'-' marks a missing value", "'=x" };
    check_round_trip(f, az, sizeof az / sizeof az[0]);
}

/* Texts that start like formulas, with apostrophes of their own, or both:
** each is written so that no spreadsheet runs it (the field as read starts
** with no formula sign), and comes back exactly through csv_unguard() and
** through csv_record_unguard(), which the annex importer uses. */
static void
test_csv_guard_table(void **state)
{
    Fix *f = *state;
    static const char *const az[] = {
        "",
        "'",
        "''",
        "'''",
        "a",
        "'a",
        "''a",
        "a'",
        "=",
        "'=",
        "''=",
        "=1+1",
        "'=1+1",
        "''=1+1",
        "'''=1+1",
        "+1",
        "'+1",
        "-1",
        "'-1",
        "''-1",
        "@SUM(A1)",
        "'@x",
        "\t",
        "\t=1",
        "'\t=1",
        "''\t=1",
        "\r",
        "\r=1",
        "'\r=1",
        "\r\n=1",
        "\n=1",
        " =1",
        "' =1",
        "'-' marks a missing value",
        "=HYPERLINK(\"http://x\",\"y\")",
        "'=HYPERLINK(\"http://x\")",
        "a,'=b",
        "\"=1\"",
        "'\"=1\"",
        "-",
        "--",
        "'--",
        "=\n=",
        "\xE1\x9E\x95=",
        "'\xE1\x9E\x95",
    };
    size_t n = sizeof az / sizeof az[0];
    check_round_trip(f, az, n);
    Buf *b = &f->out;
    for (size_t k = 1; k < n; k++) { /* alone, "" is an empty line */
        buf_reset(b);
        csv_write_field(b, az[k]);
        buf_puts(b, "\r\n");
        start(f, buf_str(b), b->n);
        assert_int_equal(next(f), 1);
        assert_int_equal(f->rec.nField, 1);
        const char *zRaw = f->rec.azField[0];
        if (*zRaw && strchr("=+-@\t\r", *zRaw)) {
            print_error("'%s' was written to start with a formula sign\n",
                        az[k]);
            fail();
        }
        csv_record_unguard(&f->rec);
        assert_string_equal(f->rec.azField[0], az[k]);
    }
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_csv_bom_crlf),
        T(test_csv_lf_no_final_newline),
        T(test_csv_bom_only),
        T(test_csv_quoted),
        T(test_csv_quoted_crlf),
        T(test_csv_empty_fields),
        T(test_csv_empty_lines_skipped),
        T(test_csv_spaces_kept),
        T(test_csv_unterminated_quote),
        T(test_csv_stray_quote),
        T(test_csv_text_after_quote),
        T(test_csv_field_limit),
        T(test_csv_fields_limit),
        T(test_csv_record_bytes_limit),
        T(test_csv_write_quoting),
        T(test_csv_write_formula_guard),
        T(test_csv_unguard),
        T(test_csv_guard_table),
        T(test_csv_round_trip),
        T(test_csv_round_trip_multiline),
        T(test_csv_round_trip_apostrophe),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
