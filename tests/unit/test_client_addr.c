/*
** test_client_addr.c — unit tests of who a request comes from
** (src/web/client_addr.h).
**
** What these protect: behind a reverse proxy the access log and the
** failed-login throttle see each user's own address, and a client talking
** to lmpmon directly cannot pick the address lmpmon logs or throttles by
** sending an X-Forwarded-For header of its own.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "base/apperr.h"
#include "web/client_addr.h"

/* A proxy list of the given literals (NULL-terminated). */
static ProxyList
proxies(const char *const *az)
{
    ProxyList pl;
    memset(&pl, 0, sizeof pl);
    for (; *az; az++) {
        AppErr err = APPERR_INIT;
        assert_int_equal(proxy_list_add(&pl, *az, &err), 0);
    }
    return pl;
}

/* Assert that a request from zPeer with X-Forwarded-For zXff is taken to
** come from zWant, given the proxies pl. */
static void
check_client(const ProxyList *pl, const char *zPeer, const char *zXff,
             const char *zWant)
{
    NetAddr peer, client;
    char zGot[NET_ADDR_CHARS];
    assert_int_equal(net_addr_parse(zPeer, strlen(zPeer), &peer), 0);
    client_addr_resolve(pl, &peer, zXff, &client);
    net_addr_format(&client, zGot);
    if (strcmp(zGot, zWant) != 0) {
        print_error("peer %s, X-Forwarded-For \"%s\": got %s, want %s\n", zPeer,
                    zXff ? zXff : "(none)", zGot, zWant);
    }
    assert_string_equal(zGot, zWant);
}

static void
test_spoofed_header_from_other_peer_is_ignored(void **state)
{
    (void)state;
    const char *az[] = { "10.0.0.1", NULL };
    ProxyList pl = proxies(az);
    check_client(&pl, "198.51.100.9", "1.2.3.4", "198.51.100.9");
    check_client(&pl, "198.51.100.9", "1.2.3.4, 10.0.0.1", "198.51.100.9");
    /* With no proxy trusted at all, nobody's header counts. */
    ProxyList none;
    memset(&none, 0, sizeof none);
    check_client(&none, "10.0.0.1", "1.2.3.4", "10.0.0.1");
}

static void
test_from_proxy_rightmost_entry(void **state)
{
    (void)state;
    const char *az[] = { "10.0.0.1", NULL };
    ProxyList pl = proxies(az);
    check_client(&pl, "10.0.0.1", "203.0.113.7", "203.0.113.7");
    /* The client sent "6.6.6.6" itself; the proxy appended what it saw. */
    check_client(&pl, "10.0.0.1", "6.6.6.6, 203.0.113.7", "203.0.113.7");
}

static void
test_chain_of_proxies(void **state)
{
    (void)state;
    const char *az[] = { "10.0.0.1", "10.0.0.2", "2001:db8::10", NULL };
    ProxyList pl = proxies(az);
    /* client -> 10.0.0.2 -> 10.0.0.1 -> lmpmon */
    check_client(&pl, "10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2",
                 "203.0.113.7");
    /* An untrusted hop in the middle ends the walk: it may be lying. */
    check_client(&pl, "10.0.0.1", "203.0.113.7, 192.0.2.50, 10.0.0.2",
                 "192.0.2.50");
    check_client(&pl, "10.0.0.1", "203.0.113.7, 2001:db8::10, 10.0.0.2",
                 "203.0.113.7");
    /* Only proxies: nobody else to name, the peer stays. */
    check_client(&pl, "10.0.0.1", "10.0.0.2, 10.0.0.1", "10.0.0.1");
}

static void
test_spaces_and_empty_elements(void **state)
{
    (void)state;
    const char *az[] = { "10.0.0.1", NULL };
    ProxyList pl = proxies(az);
    check_client(&pl, "10.0.0.1", "  203.0.113.7  ", "203.0.113.7");
    check_client(&pl, "10.0.0.1", "6.6.6.6,203.0.113.7", "203.0.113.7");
    check_client(&pl, "10.0.0.1", "6.6.6.6 ,\t203.0.113.7\t", "203.0.113.7");
    check_client(&pl, "10.0.0.1", "203.0.113.7, , ", "203.0.113.7");
    check_client(&pl, "10.0.0.1", ",,203.0.113.7", "203.0.113.7");
    check_client(&pl, "10.0.0.1", "203.0.113.7 , 10.0.0.1", "203.0.113.7");
}

static void
test_ipv6(void **state)
{
    (void)state;
    const char *az[] = { "::1", "127.0.0.1", NULL };
    ProxyList pl = proxies(az);
    check_client(&pl, "127.0.0.1", "2001:DB8:0:0::7", "2001:db8::7");
    check_client(&pl, "::1", "203.0.113.7", "203.0.113.7");
    check_client(&pl, "127.0.0.1", "2001:db8::7, ::1", "2001:db8::7");
    /* An IPv4-mapped spelling is the IPv4 address: a trusted proxy too. */
    check_client(&pl, "::ffff:127.0.0.1", "203.0.113.7", "203.0.113.7");
    check_client(&pl, "127.0.0.1", "203.0.113.7, ::ffff:127.0.0.1",
                 "203.0.113.7");
}

static void
test_garbage_keeps_the_peer(void **state)
{
    (void)state;
    const char *az[] = { "10.0.0.1", NULL };
    ProxyList pl = proxies(az);
    const char *azBad[] = {
        "unknown",
        "203.0.113.7:8080",
        "[2001:db8::7]",
        "fe80::1%eth0",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "01.2.3.4",
        "203.0.113.7;x",
        "\"203.0.113.7\"",
        "<script>",
        "203.0.113.7 6.6.6.6",
        "2001:db8::7::1",
        "1234567890123456789012345678901234567890123456789012345678901234",
    };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        check_client(&pl, "10.0.0.1", azBad[i], "10.0.0.1");
    }
    /* A malformed element where the client should be ends the walk: the
    ** entries to its left are the client's own words. */
    check_client(&pl, "10.0.0.1", "6.6.6.6, unknown", "10.0.0.1");
    check_client(&pl, "10.0.0.1", "6.6.6.6, garbage, 10.0.0.1", "10.0.0.1");
    /* Garbage left of the client does not matter. */
    check_client(&pl, "10.0.0.1", "garbage, 203.0.113.7", "203.0.113.7");
}

static void
test_empty_or_missing_header(void **state)
{
    (void)state;
    const char *az[] = { "10.0.0.1", NULL };
    ProxyList pl = proxies(az);
    check_client(&pl, "10.0.0.1", NULL, "10.0.0.1");
    check_client(&pl, "10.0.0.1", "", "10.0.0.1");
    check_client(&pl, "10.0.0.1", " ", "10.0.0.1");
    check_client(&pl, "10.0.0.1", ",", "10.0.0.1");
    check_client(&pl, "10.0.0.1", " , ,", "10.0.0.1");
}

static void
test_proxy_list_add_refuses_bad_values(void **state)
{
    (void)state;
    ProxyList pl;
    memset(&pl, 0, sizeof pl);
    const char *azBad[] = { "",           "localhost",
                            "10.0.0.0/8", "10.0.0.1:80",
                            " 10.0.0.1",  "[::1]" };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        AppErr err = APPERR_INIT;
        assert_int_equal(proxy_list_add(&pl, azBad[i], &err), -1);
        assert_int_equal(err.code, APPERR_USAGE);
        /* The message names the value so the user sees which one. */
        char zQuoted[64];
        (void)snprintf(zQuoted, sizeof zQuoted, "'%s'", azBad[i]);
        assert_non_null(strstr(err.zMsg, zQuoted));
    }
    assert_int_equal(pl.nAddr, 0);
    for (unsigned i = 0; i < LIMIT_TRUSTED_PROXIES; i++) {
        AppErr err = APPERR_INIT;
        assert_int_equal(proxy_list_add(&pl, "::1", &err), 0);
    }
    AppErr err = APPERR_INIT;
    assert_int_equal(proxy_list_add(&pl, "::1", &err), -1);
    assert_non_null(strstr(err.zMsg, "LIMIT_TRUSTED_PROXIES"));
}

static void
test_sockaddr_and_format(void **state)
{
    (void)state;
    struct sockaddr_in s4;
    memset(&s4, 0, sizeof s4);
    s4.sin_family = AF_INET;
    assert_int_equal(inet_pton(AF_INET, "192.0.2.33", &s4.sin_addr), 1);
    NetAddr a, b;
    char z[NET_ADDR_CHARS];
    assert_int_equal(net_addr_from_sockaddr((struct sockaddr *)&s4, &a), 0);
    net_addr_format(&a, z);
    assert_string_equal(z, "192.0.2.33");
    assert_int_equal(net_addr_parse("192.0.2.33", 10, &b), 0);
    assert_true(net_addr_eq(&a, &b));

    struct sockaddr_in6 s6;
    memset(&s6, 0, sizeof s6);
    s6.sin6_family = AF_INET6;
    assert_int_equal(inet_pton(AF_INET6, "2001:db8::1:0:0:1", &s6.sin6_addr),
                     1);
    assert_int_equal(net_addr_from_sockaddr((struct sockaddr *)&s6, &a), 0);
    net_addr_format(&a, z);
    assert_string_equal(z, "2001:db8::1:0:0:1");

    struct sockaddr other;
    memset(&other, 0, sizeof other);
    other.sa_family = AF_UNIX;
    assert_int_equal(net_addr_from_sockaddr(&other, &a), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spoofed_header_from_other_peer_is_ignored),
        cmocka_unit_test(test_from_proxy_rightmost_entry),
        cmocka_unit_test(test_chain_of_proxies),
        cmocka_unit_test(test_spaces_and_empty_elements),
        cmocka_unit_test(test_ipv6),
        cmocka_unit_test(test_garbage_keeps_the_peer),
        cmocka_unit_test(test_empty_or_missing_header),
        cmocka_unit_test(test_proxy_list_add_refuses_bad_values),
        cmocka_unit_test(test_sockaddr_and_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
