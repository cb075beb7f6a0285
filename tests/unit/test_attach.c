/*
** test_attach.c — unit tests of core/attach.h: which files a statement
** may carry, judged by their bytes.
**
** What these protect: a program or a web page renamed report.pdf is never
** stored and handed out as a PDF; an office document is recognised by the
** archive's entries, not by being a zip; a document with macros is
** refused; a damaged archive is refused without reading outside it.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/attach.h"

/* A zip archive of empty stored entries azName[0..n) into a (at most
** nMax bytes); returns its size.  The first entry's content is zFirst. */
static size_t
make_zip(unsigned char *a, size_t nMax, const char *const *azName, int n,
         const char *zFirst)
{
    size_t at = 0, aiOff[8];
    for (int i = 0; i < n; i++) {
        size_t nName = strlen(azName[i]);
        size_t nData = i == 0 && zFirst ? strlen(zFirst) : 0;
        aiOff[i] = at;
        memset(a + at, 0, 30);
        memcpy(a + at, "PK\x03\x04", 4);
        a[at + 18] = (unsigned char)nData; /* compressed size */
        a[at + 22] = (unsigned char)nData;
        a[at + 26] = (unsigned char)nName;
        memcpy(a + at + 30, azName[i], nName);
        memcpy(a + at + 30 + nName, zFirst ? zFirst : "", nData);
        at += 30 + nName + nData;
    }
    size_t iDir = at;
    for (int i = 0; i < n; i++) {
        size_t nName = strlen(azName[i]);
        memset(a + at, 0, 46);
        memcpy(a + at, "PK\x01\x02", 4);
        a[at + 28] = (unsigned char)nName;
        a[at + 42] = (unsigned char)aiOff[i];
        memcpy(a + at + 46, azName[i], nName);
        at += 46 + nName;
    }
    memset(a + at, 0, 22);
    memcpy(a + at, "PK\x05\x06", 4);
    a[at + 8] = a[at + 10] = (unsigned char)n;
    a[at + 12] = (unsigned char)(at - iDir);
    a[at + 16] = (unsigned char)iDir;
    at += 22;
    assert_true(at <= nMax);
    return at;
}

static void
test_by_first_bytes(void **state)
{
    (void)state;
    assert_string_equal(attach_type_of("%PDF-1.7\n", 9), "application/pdf");
    assert_string_equal(attach_type_of("\x89PNG\r\n\x1a\n\0", 9), "image/png");
    assert_string_equal(attach_type_of("\xff\xd8\xff\xe0", 4), "image/jpeg");
    /* Renamed programs, pages and texts are none of them. */
    assert_null(attach_type_of("MZ\x90\0", 4));
    assert_null(attach_type_of("<html><script>", 14));
    assert_null(attach_type_of("a,b\n1,2\n", 8));
    assert_null(attach_type_of("%PDF", 4)); /* cut short */
    assert_null(attach_type_of("", 0));
    assert_string_equal(attach_type_label("image/png"), "PNG image");
    assert_string_equal(attach_type_label("text/html"), "file");
}

static void
test_office_by_entries(void **state)
{
    (void)state;
    unsigned char a[1024];
    static const char *const azDocx[] = { "[Content_Types].xml",
                                          "word/document.xml" };
    static const char *const azXlsx[] = { "[Content_Types].xml",
                                          "xl/workbook.xml" };
    static const char *const azMacro[] = { "word/document.xml",
                                           "word/vbaProject.bin" };
    static const char *const azZip[] = { "readme.txt" };
    static const char *const azOdt[] = { "mimetype", "content.xml" };
    size_t n = make_zip(a, sizeof a, azDocx, 2, NULL);
    assert_string_equal(attach_type_of(a, n),
                        "application/vnd.openxmlformats-officedocument."
                        "wordprocessingml.document");
    /* Cut anywhere, the archive is refused, never read past its end. */
    for (size_t k = 0; k < n; k++) {
        assert_null(attach_type_of(a, k));
    }
    n = make_zip(a, sizeof a, azXlsx, 2, NULL);
    assert_string_equal(
        attach_type_of(a, n),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    n = make_zip(a, sizeof a, azMacro, 2, NULL);
    assert_null(attach_type_of(a, n));
    n = make_zip(a, sizeof a, azZip, 1, NULL);
    assert_null(attach_type_of(a, n));
    n = make_zip(a, sizeof a, azOdt, 2,
                 "application/vnd.oasis.opendocument.text");
    assert_string_equal(attach_type_of(a, n),
                        "application/vnd.oasis.opendocument.text");
    n = make_zip(a, sizeof a, azOdt, 2,
                 "application/vnd.oasis.opendocument.graphics");
    assert_null(attach_type_of(a, n));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_by_first_bytes),
        cmocka_unit_test(test_office_by_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
