/*
** test_http.c — unit tests of the request decoding of src/web/http.h.
**
** What these protect: the page a login sends the user on to
** (/login?next=...) stays on this site whatever the link said, so a link
** to the real login page cannot hand the user to another site afterwards
** (an open redirect, the first step of a phishing page); a server on
** loopback answers only requests addressed to this machine, so a page on
** another site that points its own name at 127.0.0.1 (DNS rebinding)
** cannot use the visitor's browser to read or change lmpmon's data.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "web/http.h"

/* z is kept as the redirect target. */
static void
assert_local(const char *z)
{
    assert_ptr_equal(url_local_target(z), z);
}

/* z is replaced by "/". */
static void
assert_refused(const char *z)
{
    assert_string_equal(url_local_target(z), "/");
}

/* The query value as the server sees it: %-decoded. */
static void
assert_refused_encoded(const char *zEncoded)
{
    char *z = url_decode(zEncoded, strlen(zEncoded), 1);
    assert_non_null(z);
    assert_refused(z);
    free(z);
}

static void
test_local_paths_kept(void **state)
{
    (void)state;
    assert_local("/");
    assert_local("/plan");
    assert_local("/activity/1.1");
    assert_local("/round/2018/report?compare=2017&level=2");
    assert_local("/org/ILO?plan=lmp-2015-2018");
    assert_local("/a:b");   /* a path: no browser reads a scheme after '/' */
    assert_local("/x/\\y"); /* a backslash after the first segment: a path */
    assert_local("/org/\xe1\x9e\x80"); /* non-ASCII letters are allowed */
    /* Not decoded again by a browser before the URL is parsed: a path. */
    assert_local("/%09/evil.example");
}

static void
test_other_sites_refused(void **state)
{
    (void)state;
    assert_refused("");
    assert_refused("//evil.example");
    assert_refused("//evil.example/login");
    assert_refused("/\\evil.example");
    assert_refused("\\\\evil.example");
    assert_refused("https://evil.example/");
    assert_refused("http:evil.example");
    assert_refused("javascript:alert(1)");
    assert_refused("evil.example");
    /* Browsers drop tabs and newlines inside URLs: "//evil.example". */
    assert_refused("/\t/evil.example");
    assert_refused("/\n/evil.example");
    assert_refused("/\r\n/evil.example");
    assert_refused_encoded("/%09/evil.example");
    assert_refused_encoded("/%0A/evil.example");
    assert_refused_encoded("%2F%2Fevil.example");
    /* Leading or inner space and other controls. */
    assert_refused(" /plan");
    assert_refused("/ /evil.example");
    assert_refused("/plan?x=1 2");
    assert_refused("/plan\x7f");
    assert_refused("/plan\x01");
    assert_refused("/plan\xc2\x85"); /* U+0085, a C1 control (NEL) */
}

static void
test_loopback_hosts(void **state)
{
    (void)state;
    const char *azYes[] = { "localhost",       "LocalHost",
                            "localhost:8080",  "127.0.0.1",
                            "127.0.0.1:8080",  "127.0.0.2:1",
                            "127.255.255.254", "[::1]",
                            "[::1]:8080",      "[0:0:0:0:0:0:0:1]:80" };
    const char *azNo[] = { NULL,
                           "",
                           ":8080",
                           "evil.example",
                           "evil.example:8080",
                           "localhost.evil.example",
                           "127.0.0.1.nip.io",
                           "127.0.0.1.evil.example:80",
                           "localhost:",
                           "localhost:80:80",
                           "localhost:http",
                           "localhost:123456",
                           "127.0.0.1 ",
                           " localhost",
                           "128.0.0.1",
                           "10.0.0.1:8080",
                           "0.0.0.0",
                           "127.1",
                           "0x7f.0.0.1",
                           "2130706433",
                           "::1",
                           "[::1",
                           "[::1]x",
                           "[::2]:80",
                           "[]",
                           "[::ffff:7f00:1]x",
                           "[::1]:",
                           "localhost\t" };
    for (size_t i = 0; i < sizeof azYes / sizeof azYes[0]; i++) {
        if (!http_host_is_loopback(azYes[i])) {
            print_error("'%s' is this machine\n", azYes[i]);
            fail();
        }
    }
    for (size_t i = 0; i < sizeof azNo / sizeof azNo[0]; i++) {
        if (http_host_is_loopback(azNo[i])) {
            print_error("'%s' is not surely this machine\n",
                        azNo[i] ? azNo[i] : "(none)");
            fail();
        }
    }
}

/* A form that uploads files: its text fields become the form's pairs
** (the CSRF token among them), its files keep their bytes exactly (CRLF
** inside a file included) and lose any directory of their name; a body
** that is not what its Content-Type says is refused, not half-read. */
static void
test_multipart(void **state)
{
    (void)state;
    static const char zType[] = "multipart/form-data; boundary=----b1";
    static const char zBody[] =
        "------b1\r\n"
        "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
        "tok\r\n"
        "------b1\r\n"
        "Content-Disposition: form-data; name=\"file\"; "
        "filename=\"C:\\dir\\annex.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\n"
        "a,b\r\n1,2\r\n\r\n"
        "------b1\r\n"
        "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
        "\r\n"
        "\r\n"
        "------b1--\r\n";
    Params p = { 0 };
    WebUpload aUp[LIMIT_UPLOAD_FILES];
    int nUp = 0;
    assert_int_equal(
        multipart_parse(&p, aUp, &nUp, zType, zBody, sizeof zBody - 1), 0);
    assert_string_equal(params_get(&p, "csrf"), "tok");
    assert_int_equal(nUp, 2);
    assert_string_equal(aUp[0].zField, "file");
    assert_string_equal(aUp[0].zFile, "annex.csv");
    assert_int_equal(aUp[0].n, 10);
    assert_memory_equal(aUp[0].z, "a,b\r\n1,2\r\n", 10);
    assert_string_equal(aUp[1].zFile, "");
    assert_int_equal(aUp[1].n, 0);
    uploads_release(aUp, nUp);
    params_release(&p);

    /* No closing delimiter: the file may be cut short. */
    nUp = 0;
    assert_int_equal(multipart_parse(&p, aUp, &nUp, zType, zBody, 120),
                     PARAMS_BAD_TEXT);
    uploads_release(aUp, nUp);
    params_release(&p);
    /* Another boundary, or none. */
    nUp = 0;
    assert_int_equal(multipart_parse(&p, aUp, &nUp,
                                     "multipart/form-data; boundary=x", zBody,
                                     sizeof zBody - 1),
                     PARAMS_BAD_TEXT);
    assert_int_equal(multipart_parse(&p, aUp, &nUp, "multipart/form-data",
                                     zBody, sizeof zBody - 1),
                     PARAMS_BAD_TEXT);
    assert_int_equal(nUp, 0);
    params_release(&p);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_local_paths_kept),
        cmocka_unit_test(test_multipart),
        cmocka_unit_test(test_other_sites_refused),
        cmocka_unit_test(test_loopback_hosts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
