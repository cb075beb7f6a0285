/*
** test_ooxml.c — unit tests of the Office Open XML writer
** (src/report/ooxml.h): the XML builder keeps a part well-formed whatever
** the data, and the package is a zip that holds the parts as given.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "base/buf.h"
#include "report/ooxml.h"

/* Hostile text: markup, an entity, quotes, control characters. */
static void
test_xml_escapes_data(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    Xml x;
    xml_begin(&x, &b);
    XML_OPEN(&x, "w:p");
    XML_ATTR(&x, "w:val", "a\"b' <c>&d");
    XML_OPEN(&x, "w:t");
    xml_text(&x, "</w:t><w:r>&amp;\x01\x1f ok");
    xml_end(&x);
    const char *z = buf_str(&b);
    assert_non_null(strstr(z, "<?xml version=\"1.0\""));
    assert_non_null(strstr(z, "w:val=\"a&quot;b&#39; &lt;c&gt;&amp;d\""));
    assert_non_null(
        strstr(z, "<w:t>&lt;/w:t&gt;&lt;w:r&gt;&amp;amp; ok</w:t>"));
    assert_null(strchr(z, '\x01'));
    assert_non_null(strstr(z, "</w:p>\n"));
    buf_release(&b);
}

/* An element without content closes as "/>"; xml_end closes all. */
static void
test_xml_nesting(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    Xml x;
    xml_begin(&x, &b);
    XML_OPEN(&x, "a");
    XML_LEAF(&x, "b");
    XML_LEAF1(&x, "c", "v", "1");
    XML_OPEN(&x, "d");
    XML_ATTR_LONG(&x, "n", -42);
    XML_OPEN(&x, "e");
    xml_text(&x, "");
    xml_end(&x);
    const char *z = strchr(buf_str(&b), '\n') + 1;
    assert_string_equal(z, "<a><b/><c v=\"1\"/><d n=\"-42\"><e></e></d></a>\n");
    assert_int_equal(x.nOpen, 0);
    buf_release(&b);
}

/* The package is a zip whose parts read back as written. */
static void
test_package_roundtrip(void **state)
{
    (void)state;
    AppErr err = APPERR_INIT;
    Ooxml *o = ooxml_new(&err);
    assert_non_null(o);
    ooxml_add(o, "[Content_Types].xml", "<Types/>", 8);
    ooxml_add(o, "word/media/x.bin", "\0\1\2", 3);
    Buf b = BUF_INIT;
    assert_int_equal(ooxml_finish(o, &b, &err), 0);
    assert_true(b.n > 22);
    assert_memory_equal(b.z, "PK\3\4", 4);

    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(b.z, b.n, 0, &ze);
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    assert_non_null(za);
    assert_int_equal(zip_get_num_entries(za, 0), 2);
    zip_file_t *f = zip_fopen(za, "word/media/x.bin", 0);
    assert_non_null(f);
    char a[8];
    assert_int_equal(zip_fread(f, a, sizeof a), 3);
    assert_memory_equal(a, "\0\1\2", 3);
    zip_fclose(f);
    zip_close(za);
    zip_error_fini(&ze);
    buf_release(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_escapes_data),
        cmocka_unit_test(test_xml_nesting),
        cmocka_unit_test(test_package_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
