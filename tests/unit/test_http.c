/*
** test_http.c — unit tests of the request decoding of src/web/http.h.
**
** What these protect: the page a login sends the user on to
** (/login?next=...) stays on this site whatever the link said, so a link
** to the real login page cannot hand the user to another site afterwards
** (an open redirect, the first step of a phishing page).
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
    assert_local("/a:b"); /* a path: no browser reads a scheme after '/' */
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

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_local_paths_kept),
        cmocka_unit_test(test_other_sites_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
