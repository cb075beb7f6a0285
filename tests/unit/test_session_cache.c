/*
** test_session_cache.c — unit tests of the sessions a server keeps between
** requests (src/web/session_cache.h) and of the generation they are kept
** under (src/web/change_watch.h).
**
** What these protect: a kept session is given back only under the
** generation it was read in (a change anywhere makes the next request read
** the database again); nothing is kept while nothing may be trusted
** (generation 0: SQLite, or the watch not established); the copy given
** back is the caller's own; the idle clock refreshed in the database is
** refreshed in what is kept; a full table drops the stale entries first
** and never refuses to keep the newest.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "web/change_watch.h"
#include "web/session_cache.h"

/* A session of token hash zHash, user zUser, read at data version v. */
static Session
ses_make(const char *zHash, const char *zUser, long v)
{
    Session s;
    memset(&s, 0, sizeof s);
    s.zTokenHash = xstrdup(zHash);
    s.zCsrf = xstrdup("csrf");
    s.lastSeen = 100;
    s.dataVersion = v;
    s.user.zName = xstrdup(zUser);
    s.user.zOrg = xstrdup("MOLVT");
    s.user.eRole = ROLE_REPORTER;
    return s;
}

static void
test_kept_per_generation(void **state)
{
    (void)state;
    Session s = ses_make("h1", "sok", 41), got;
    session_cache_put("h1", 7, &s);
    session_release(&s);
    assert_int_equal(session_cache_get("h1", 7, &got), 1);
    assert_string_equal(got.user.zName, "sok");
    assert_string_equal(got.user.zOrg, "MOLVT");
    assert_int_equal(got.dataVersion, 41);
    session_release(&got);
    /* Another generation: something changed somewhere. */
    assert_int_equal(session_cache_get("h1", 8, &got), 0);
    assert_int_equal(session_cache_get("h2", 7, &got), 0);
    session_cache_clear();
    assert_int_equal(session_cache_get("h1", 7, &got), 0);
}

static void
test_nothing_kept_untrusted(void **state)
{
    (void)state;
    Session s = ses_make("h3", "dara", 1), got;
    session_cache_put("h3", 0, &s);
    assert_int_equal(session_cache_get("h3", 0, &got), 0);
    session_cache_put("h3", 3, &s);
    assert_int_equal(session_cache_get("h3", 0, &got), 0);
    /* A session under another hash than it says is not kept. */
    session_cache_put("other", 3, &s);
    assert_int_equal(session_cache_get("other", 3, &got), 0);
    session_release(&s);
    session_cache_clear();
}

static void
test_copy_is_own_and_touch(void **state)
{
    (void)state;
    Session s = ses_make("h4", "vanna", 5), a, b;
    session_cache_put("h4", 2, &s);
    session_release(&s);
    assert_int_equal(session_cache_get("h4", 2, &a), 1);
    a.user.zName[0] = 'X'; /* the caller's copy */
    session_release(&a);
    session_cache_touch("h4", 999);
    assert_int_equal(session_cache_get("h4", 2, &b), 1);
    assert_string_equal(b.user.zName, "vanna");
    assert_int_equal(b.lastSeen, 999);
    session_release(&b);
    session_cache_clear();
}

static void
test_full_table(void **state)
{
    (void)state;
    char zHash[32];
    /* Far more sessions than are kept, under an old generation... */
    for (int i = 0; i < 5000; i++) {
        (void)snprintf(zHash, sizeof zHash, "old%d", i);
        Session s = ses_make(zHash, "u", 1);
        session_cache_put(zHash, 10, &s);
        session_release(&s);
    }
    /* ...then under a new one: the newest is always kept. */
    for (int i = 0; i < 5000; i++) {
        (void)snprintf(zHash, sizeof zHash, "new%d", i);
        Session s = ses_make(zHash, "u", 2);
        session_cache_put(zHash, 11, &s);
        session_release(&s);
        Session got;
        assert_int_equal(session_cache_get(zHash, 11, &got), 1);
        session_release(&got);
    }
    session_cache_clear();
}

static void
test_generation_moves(void **state)
{
    (void)state;
    /* Not watching (no server started): nothing may be trusted. */
    assert_int_equal(change_watch_generation(), 0);
    long v = 0;
    assert_int_equal(change_watch_version(0, &v), 0);
    change_watch_keep_version(0, 5);
    assert_int_equal(change_watch_version(0, &v), 0);
    change_watch_keep_version(4, 12);
    assert_int_equal(change_watch_version(4, &v), 1);
    assert_int_equal(v, 12);
    assert_int_equal(change_watch_version(5, &v), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kept_per_generation),
        cmocka_unit_test(test_nothing_kept_untrusted),
        cmocka_unit_test(test_copy_is_own_and_touch),
        cmocka_unit_test(test_full_table),
        cmocka_unit_test(test_generation_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
