/*
** test_login_throttle.c — unit tests of the failed-login back-off
** (src/web/login_throttle.h).
**
** What these protect: guessing passwords stays slow, from one address or
** at one account, without ever making a request wait in the server (a
** refused login is answered at once, with the seconds to wait); a typo or
** two costs nothing; logging in with one's own account in between does not
** buy more guesses; one address cannot check many passwords in parallel.
**
** The throttle's table is one per process, so each test uses its own
** addresses and names, and its own stretch of (simulated) time.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "web/login_throttle.h"
#include "web/web_limits.h"

#define SEC 1000LL

/* One whole login attempt at msNow that gets to check the password: its
** result (bFailed) is counted; returns the window it opened. */
static int
attempt(const char *zAddr, const char *zUser, int bFailed, long long msNow)
{
    int nWait = -1;
    assert_int_equal(login_throttle_begin(zAddr, zUser, msNow, &nWait),
                     LOGIN_GO);
    assert_int_equal(nWait, 0);
    return login_throttle_end(zAddr, zUser, bFailed, msNow);
}

/* An attempt at msNow is refused with verdict e and Retry-After nWant. */
static void
refused(const char *zAddr, const char *zUser, long long msNow, LoginVerdict e,
        int nWant)
{
    int nWait = -1;
    assert_int_equal(login_throttle_begin(zAddr, zUser, msNow, &nWait), e);
    assert_int_equal(nWait, nWant);
}

/* The first failures are free; then each one doubles the window, up to
** the cap; the window ends on time. */
static void
test_backoff_grows(void **state)
{
    (void)state;
    const char *zIp = "192.0.2.1";
    long long t = 1000 * SEC;
    char zName[32];
    for (int i = 1; i < (int)LIMIT_LOGIN_FREE_FAILURES; i++) {
        (void)snprintf(zName, sizeof zName, "guess%d", i);
        assert_int_equal(attempt(zIp, zName, 1, t), 0);
    }
    assert_int_equal(attempt(zIp, "guess-x", 1, t), 1);
    refused(zIp, "anyone", t + 1, LOGIN_WAIT_ADDRESS, 1);
    refused(zIp, "anyone", t + 999, LOGIN_WAIT_ADDRESS, 1);
    int nWant = 2;
    for (int i = 0; i < 10; i++) {
        t += 100 * SEC;
        int nGot = attempt(zIp, "guess-y", 1, t);
        assert_int_equal(nGot, nWant);
        refused(zIp, "guess-z", t + 10, LOGIN_WAIT_ADDRESS, nWant);
        nWant = nWant * 2 > LIMIT_LOGIN_BACKOFF_MAX_SECONDS
                    ? LIMIT_LOGIN_BACKOFF_MAX_SECONDS
                    : nWant * 2;
    }
    assert_int_equal(nWant, LIMIT_LOGIN_BACKOFF_MAX_SECONDS);
    /* Another address is not held back. */
    assert_int_equal(attempt("192.0.2.2", "guess-z", 0, t + 10), 0);
}

/* Logging in with a good account between guesses forgets nothing: the
** address goes on where it was. */
static void
test_success_forgets_nothing(void **state)
{
    (void)state;
    const char *zIp = "192.0.2.10";
    long long t = 1000000 * SEC;
    for (int i = 0; i < (int)LIMIT_LOGIN_FREE_FAILURES; i++) {
        (void)attempt(zIp, "victim", 1, t);
    }
    refused(zIp, "mine", t + 10, LOGIN_WAIT_ADDRESS, 1);
    t += 2 * SEC;
    assert_int_equal(attempt(zIp, "mine", 0, t), 0);
    /* The next failure is the fourth, not the first. */
    assert_int_equal(attempt(zIp, "victim", 1, t + 10), 2);
    refused(zIp, "victim", t + 20, LOGIN_WAIT_ADDRESS, 2);
    refused(zIp, "mine", t + 20, LOGIN_WAIT_ADDRESS, 2);
}

/* Failures are forgotten after a quiet LIMIT_LOGIN_FORGET_SECONDS. */
static void
test_forgotten_with_time(void **state)
{
    (void)state;
    const char *zIp = "192.0.2.20";
    long long t = 2000000 * SEC;
    for (int i = 0; i < (int)LIMIT_LOGIN_FREE_FAILURES + 2; i++) {
        (void)attempt(zIp, "x", 1, t + i * 100 * SEC);
    }
    long long tLast = t + (LIMIT_LOGIN_FREE_FAILURES + 1) * 100 * SEC;
    /* Not yet forgotten: the next failure opens a longer window. */
    assert_int_equal(
        attempt(zIp, "y", 1, tLast + (LIMIT_LOGIN_FORGET_SECONDS - 1) * SEC),
        8);
    tLast += (LIMIT_LOGIN_FORGET_SECONDS - 1) * SEC;
    /* Quiet long enough: free again. */
    assert_int_equal(
        attempt(zIp, "z", 1, tLast + LIMIT_LOGIN_FORGET_SECONDS * SEC), 0);
}

/* A user name is held back whatever address the guesses come from. */
static void
test_user_name_held(void **state)
{
    (void)state;
    long long t = 3000000 * SEC;
    char zIp[32];
    for (int i = 0; i < (int)LIMIT_LOGIN_FREE_FAILURES; i++) {
        (void)snprintf(zIp, sizeof zIp, "198.51.100.%d", i + 1);
        (void)attempt(zIp, "molvt", 1, t);
    }
    refused("198.51.100.99", "molvt", t + 10, LOGIN_WAIT_USER, 1);
    /* Another name from that address is fine. */
    assert_int_equal(attempt("198.51.100.99", "ilo", 0, t + 10), 0);
    assert_int_equal(attempt("198.51.100.99", "molvt", 0, t + 1000), 0);
}

/* At most LIMIT_LOGIN_CONCURRENT_PER_CLIENT checks at once per address;
** the next one is refused at once, and a slot frees when one ends. */
static void
test_concurrent_cap(void **state)
{
    (void)state;
    const char *zIp = "203.0.113.5";
    long long t = 4000000 * SEC;
    int nWait;
    for (int i = 0; i < (int)LIMIT_LOGIN_CONCURRENT_PER_CLIENT; i++) {
        assert_int_equal(login_throttle_begin(zIp, "a", t, &nWait), LOGIN_GO);
    }
    refused(zIp, "b", t, LOGIN_WAIT_BUSY, 1);
    assert_int_equal(login_throttle_begin("203.0.113.6", "b", t, &nWait),
                     LOGIN_GO);
    (void)login_throttle_end("203.0.113.6", "b", 0, t);
    (void)login_throttle_end(zIp, "a", 0, t + 100);
    assert_int_equal(login_throttle_begin(zIp, "b", t + 100, &nWait), LOGIN_GO);
    (void)login_throttle_end(zIp, "b", 0, t + 200);
    for (int i = 1; i < (int)LIMIT_LOGIN_CONCURRENT_PER_CLIENT; i++) {
        (void)login_throttle_end(zIp, "a", 0, t + 200);
    }
}

/* Many other addresses failing cannot push an address with logins running
** out of the table (its count would be lost, and its cap with it). */
static void
test_table_full(void **state)
{
    (void)state;
    const char *zIp = "203.0.113.77";
    long long t = 5000000 * SEC;
    int nWait;
    for (int i = 0; i < (int)LIMIT_LOGIN_CONCURRENT_PER_CLIENT; i++) {
        assert_int_equal(login_throttle_begin(zIp, "a", t, &nWait), LOGIN_GO);
    }
    char zOther[32];
    for (int i = 0; i < 3 * (int)LIMIT_LOGIN_THROTTLE_KEYS; i++) {
        (void)snprintf(zOther, sizeof zOther, "10.%d.%d.%d", i >> 16,
                       (i >> 8) & 255, i & 255);
        (void)attempt(zOther, zOther, 1, t + 1 + i);
    }
    refused(zIp, "a", t + 5 * SEC, LOGIN_WAIT_BUSY, 1);
    for (int i = 0; i < (int)LIMIT_LOGIN_CONCURRENT_PER_CLIENT; i++) {
        (void)login_throttle_end(zIp, "a", 0, t + 5 * SEC);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backoff_grows),
        cmocka_unit_test(test_success_forgets_nothing),
        cmocka_unit_test(test_forgotten_with_time),
        cmocka_unit_test(test_user_name_held),
        cmocka_unit_test(test_concurrent_cap),
        cmocka_unit_test(test_table_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
