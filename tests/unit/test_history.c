/*
** test_history.c — unit tests of the audit trail in words
** (src/core/history.h): the entries an activity page shows read as
** sentences, never as keys.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/history.h"

static void
check_describe(const char *zEntity, const char *zKey, size_t nSkip,
               const char *zField, const char *zWant)
{
    Buf b = BUF_INIT;
    history_describe(&b, zEntity, zKey, nSkip, zField);
    if (strcmp(buf_str(&b), zWant) != 0) {
        print_error("%s %s %s: '%s', wanted '%s'\n", zEntity, zKey,
                    zField ? zField : "(create)", buf_str(&b), zWant);
    }
    assert_string_equal(buf_str(&b), zWant);
    buf_release(&b);
}

static void
test_history_describe(void **state)
{
    (void)state;
    /* The briefing's records say their kinds and fields in words. */
    check_describe("outreach", "outreach/2019-09-12/Training", 0, "unknown",
                   "outreach outreach/2019-09-12/Training: of unknown sex");
    assert_string_equal(history_value("outreach", NULL, "legal_assistance"),
                        "Legal assistance and dispute resolution");
    assert_string_equal(history_value("outreach", "status", "planned"),
                        "Planned");
    assert_string_equal(history_value("stat", "value", "311290"), "311290");
    const char *zAct = "lmp/4.8";
    size_t n = strlen(zAct);
    check_describe("statement", "lmp/4.8/2018/MOLVT", n, "state",
                   "2018 statement of MOLVT: status");
    check_describe("statement", "lmp/4.8/2018/MOLVT", n, "proposed_rating",
                   "2018 statement of MOLVT: proposed rating");
    check_describe("statement", "lmp/4.8/2018/MOLVT", n, NULL,
                   "2018 statement of MOLVT: created as");
    check_describe("assessment", "lmp/4.8/2018", n, "progress",
                   "2018 assessment: progress narrative");
    check_describe("assessment", "lmp/4.8/2018", n, NULL,
                   "2018 assessment: created with rating");
    check_describe("node", "lmp/4.8", n, "responsible",
                   "Activity: responsible bodies");
    check_describe("node", "lmp/4.8", n, NULL, "Activity: created");
    /* Unknown entity and field: shown as they are. */
    check_describe("gadget", "lmp/4.8/x", n, "colour", "gadget /x: colour");
}

static void
test_history_value(void **state)
{
    (void)state;
    assert_string_equal(history_value("assessment", "rating", "not_rated"),
                        "Not rated");
    assert_string_equal(history_value("assessment", NULL, "on_target"),
                        "On Target");
    assert_string_equal(history_value("statement", "state", "submitted"),
                        "Submitted");
    /* A statement's states since schema 11, and 'approved' as written
    ** before it. */
    assert_string_equal(history_value("statement", "state", "resubmitted"),
                        "Resubmitted");
    assert_string_equal(history_value("statement", NULL, "accepted"),
                        "Accepted");
    assert_string_equal(history_value("statement", "state", "approved"),
                        "Approved");
    assert_string_equal(history_value("statement", "comment", "accepted"),
                        "accepted");
    assert_string_equal(
        history_value("statement", "proposed_rating", "not_on_target"),
        "Not on Target");
    assert_string_equal(history_value("user", "role", "me_officer"),
                        "M&E officer");
    assert_string_equal(history_value("round", "state", "published"),
                        "Published");
    /* The assessments created with an activity: a list of ratings, each
    ** read as its label; a round code holding ": " or "; " stays whole
    ** up to the rating. */
    Buf tmp = BUF_INIT;
    assert_string_equal(
        history_value_list(&tmp, "node", "assessments",
                           "2016: on_target; 2017: not_rated; Q1: x: "
                           "progressing"),
        "2016: On Target; 2017: Not rated; Q1: x: Progressing");
    assert_string_equal(
        history_value_list(&tmp, "assessment", "rating", "not_rated"),
        "Not rated");
    buf_release(&tmp);
    /* Text is text, even when it looks like a code. */
    assert_string_equal(history_value("statement", "text", "approved"),
                        "approved");
    assert_string_equal(history_value("assessment", "rating", "odd"), "odd");
    assert_null(history_value("assessment", "rating", NULL));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_history_describe),
        cmocka_unit_test(test_history_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
