/*
** test_notify.c — unit tests of who is told what and of the words and
** addresses of notifications (src/core/notify.h).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/notify.h"
#include "base/limits.h"
#include "base/str.h"

/* The table's audiences: an organisation's statement moving to the
** officer tells the officers; the officer's answer tells that
** organisation's reporters only; a round opened or published tells every
** reporter and officer; nobody else is told anything. */
static void
test_notify_tells(void **state)
{
    (void)state;
    assert_true(notify_tells(NOTE_SUBMITTED, ROLE_ME_OFFICER, NULL, "MOLVT"));
    assert_true(notify_tells(NOTE_RESUBMITTED, ROLE_ME_OFFICER, NULL, "MOLVT"));
    assert_false(notify_tells(NOTE_SUBMITTED, ROLE_REPORTER, "MOLVT", "MOLVT"));
    assert_false(notify_tells(NOTE_SUBMITTED, ROLE_ADMIN, NULL, "MOLVT"));
    for (int k = NOTE_RETURNED; k <= NOTE_ACCEPTED; k++) {
        assert_true(notify_tells((NoteKind)k, ROLE_REPORTER, "MOLVT", "MOLVT"));
        assert_false(notify_tells((NoteKind)k, ROLE_REPORTER, "NCCT", "MOLVT"));
        assert_false(notify_tells((NoteKind)k, ROLE_REPORTER, NULL, "MOLVT"));
        assert_false(notify_tells((NoteKind)k, ROLE_ME_OFFICER, NULL, "MOLVT"));
    }
    for (int k = NOTE_DUE_SOON; k <= NOTE_OVERDUE; k++) {
        assert_true(notify_tells((NoteKind)k, ROLE_REPORTER, "ILO", "ILO"));
        assert_false(notify_tells((NoteKind)k, ROLE_REPORTER, "IOM", "ILO"));
    }
    for (int k = NOTE_ROUND_OPENED; k <= NOTE_ROUND_PUBLISHED; k++) {
        assert_true(notify_tells((NoteKind)k, ROLE_REPORTER, "ILO", ""));
        assert_true(notify_tells((NoteKind)k, ROLE_ME_OFFICER, NULL, ""));
        assert_false(notify_tells((NoteKind)k, ROLE_VIEWER, NULL, ""));
        assert_false(notify_tells((NoteKind)k, ROLE_CASE_OFFICER, NULL, ""));
    }
    /* Every kind of the table is its own row, and has its key back. */
    for (int k = 0; k < NOTE_KIND_COUNT; k++) {
        NoteKind e;
        assert_int_equal(aNoteRule[k].eKind, k);
        assert_int_equal(note_kind_parse(note_kind_name((NoteKind)k), &e), 0);
        assert_int_equal(e, k);
    }
}

static void
test_notify_email_ok(void **state)
{
    (void)state;
    assert_true(notify_email_ok("focal.point@molvt.gov.kh"));
    assert_true(notify_email_ok("a+b@localhost"));
    assert_false(notify_email_ok(""));
    assert_false(notify_email_ok("no-at-sign"));
    assert_false(notify_email_ok("@molvt.gov.kh"));
    assert_false(notify_email_ok("a@"));
    assert_false(notify_email_ok("a@b@c"));
    assert_false(notify_email_ok("a b@c.kh"));
    assert_false(notify_email_ok("a@c.kh\r\nBcc: x@y.kh")); /* a header */
    assert_false(notify_email_ok("<a@c.kh>"));
    assert_false(notify_email_ok("a,b@c.kh"));
    assert_false(notify_email_ok("a@.c.kh"));
    assert_false(notify_email_ok("a@c..kh"));
    char zLong[300];
    memset(zLong, 'a', sizeof zLong - 1);
    zLong[sizeof zLong - 1] = 0;
    zLong[10] = '@';
    assert_false(notify_email_ok(zLong));
}

static void
test_notify_mail_retry(void **state)
{
    (void)state;
    assert_int_equal(notify_mail_wanted("a@b.kh", 1), NOTE_MAIL_PENDING);
    assert_int_equal(notify_mail_wanted("a@b.kh", 0), NOTE_MAIL_NONE);
    assert_int_equal(notify_mail_wanted(NULL, 1), NOTE_MAIL_NONE);
    assert_int_equal(notify_mail_wanted("", 1), NOTE_MAIL_NONE);
    assert_int_equal(notify_mail_retry_seconds(1, 60), 60);
    assert_int_equal(notify_mail_retry_seconds(2, 60), 120);
    assert_int_equal(notify_mail_retry_seconds(4, 60), 480);
    assert_int_equal(notify_mail_retry_seconds(LIMIT_MAIL_TRIES, 60), -1);
    time_t t;
    assert_int_equal(str_parse_utc("2018-12-03T10:00:00Z", &t), 0);
    assert_false(notify_mail_stale("2018-12-02T10:00:00Z", t));
    assert_true(notify_mail_stale("2018-12-01T09:59:59Z", t));
    assert_false(notify_mail_stale("not a time", t));
}

static void
test_notify_words(void **state)
{
    (void)state;
    char zPlan[] = "p 1", zRound[] = "2018", zNode[] = "4/8";
    char zOrg[] = "MOLVT", zActor[] = "sok", zNone[] = "";
    Note n;
    memset(&n, 0, sizeof n);
    n.eKind = NOTE_RETURNED;
    n.zPlan = zPlan;
    n.zRound = zRound;
    n.zNode = zNode;
    n.zOrg = zOrg;
    n.zActor = zActor;
    Buf b = BUF_INIT;
    notify_sentence(&n, &b);
    assert_string_equal(buf_str(&b),
                        "MOLVT's statement on activity 4/8 (round 2018) was "
                        "returned by sok");
    buf_reset(&b);
    notify_path(&n, &b);
    assert_string_equal(buf_str(&b), "/activity/4%2F8?round=2018&plan=p%201");
    buf_reset(&b);
    n.eKind = NOTE_ROUND_PUBLISHED;
    n.zNode = zNone;
    char zTitle[] = "2018 review";
    n.zRoundTitle = zTitle; /* as the store reads it with the note */
    notify_path(&n, &b);
    assert_string_equal(buf_str(&b), "/round/2018?plan=p%201");
    Buf subject = BUF_INIT;
    buf_reset(&b);
    notify_mail_text(&n, "2018-12-01 10:00 +07", "https://m.example", &subject,
                     &b);
    assert_string_equal(buf_str(&subject),
                        "[lmpmon] 2018 review was published");
    assert_non_null(strstr(buf_str(&b), "\nSee: https://m.example/round/2018"
                                        "?plan=p%201\n"));
    assert_non_null(strstr(buf_str(&b), "When: 2018-12-01 10:00 +07\n"));
    buf_release(&subject);
    buf_release(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_notify_tells),
        cmocka_unit_test(test_notify_email_ok),
        cmocka_unit_test(test_notify_mail_retry),
        cmocka_unit_test(test_notify_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
