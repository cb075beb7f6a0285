/*
** test_claims.c — unit tests of checking printed figures against the data
** (src/core/claims.h).
**
** A review prints "84 per cent of the activities (10 out of 12) are
** progressing or on target"; claim_evaluate() must say whether that holds,
** and if not, name the first figure that went wrong: the denominator, then
** the count, then the percentage.  The plan here is built so that each
** printed figure has one right value, worked out by hand below.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/apperr.h"
#include "base/xalloc.h"
#include "core/claims.h"
#include "core/model.h"
#include "core/review.h"

#define NP CLAIM_NOT_PRINTED

/* Levels area > activity; rounds 2016 and 2017.
**
**   area 1 "International framework": 12 activities, in 2017 6 On Target,
**          4 Progressing, 2 Not on Target (10 of 12 positive: 83%)
**   area 2 "Labour migration governance": 31 activities, in 2017 15 On
**          Target, 10 Progressing, 4 Not on Target, 2 not rated (25 of 31
**          positive: 81%; the not rated count in the 31)
**   area 3 "Protection of migrant workers": 22 activities; in 2016 the
**          first 17 are assessed, 5 Not on Target (29%) and 12
**          Progressing; in 2017 all 22, 3 Not on Target (14%) and 19
**          Progressing
**   area 4 "Research": no activities
**
** All of 2017: 65 activities, 54 positive (83%), 9 Not on Target (14%).
** All of 2016: 17 activities, 12 positive (71%), 5 Not on Target (29%).
*/
typedef struct Fix {
    Model m;
    Claim c;
    AppErr err;
} Fix;

static long
add_node(Plan *p, const char *zCode, int iLevel, long iParent,
         const char *zText)
{
    Node *n = plan_add_node(p);
    n->zCode = xstrdup(zCode);
    n->iLevel = iLevel;
    n->iParent = iParent;
    n->zText = xstrdup(zText);
    return (long)(p->nNode - 1);
}

static void
add_assess(Plan *p, long i, const char *zRound, Rating e)
{
    Assessment *a = node_add_assessment(&p->aNode[i]);
    a->zRound = xstrdup(zRound);
    a->zActionPoint = xstrdup("");
    a->zProgress = xstrdup("");
    a->eRating = e;
    a->eState = ASSESS_APPROVED;
}

/* Add nOn + nProg + nNot + nNone activities under area iArea, assessed in
** 2017 only, rated in that order. */
static void
add_activities(Plan *p, long iArea, size_t nOn, size_t nProg, size_t nNot,
               size_t nNone)
{
    const char *zArea = p->aNode[iArea].zCode;
    size_t n = nOn + nProg + nNot + nNone;
    for (size_t k = 0; k < n; k++) {
        char zCode[32];
        snprintf(zCode, sizeof zCode, "%s.%zu", zArea, k + 1);
        long i = add_node(p, zCode, 1, iArea, "activity");
        Rating e = k < nOn                  ? RATING_ON_TARGET
                   : k < nOn + nProg        ? RATING_PROGRESSING
                   : k < nOn + nProg + nNot ? RATING_NOT_ON_TARGET
                                            : RATING_NONE;
        add_assess(p, i, "2017", e);
    }
}

static int
setup(void **state)
{
    Fix *f = xcalloc(1, sizeof *f);
    Plan *p = model_add_plan(&f->m);
    p->zCode = xstrdup("lmp");
    p->aLevel[0].zName = xstrdup("area");
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    plan_add_round(p)->zCode = xstrdup("2016");
    plan_add_round(p)->zCode = xstrdup("2017");

    long a = add_node(p, "1", 0, -1, "International framework");
    add_activities(p, a, 6, 4, 2, 0);
    a = add_node(p, "2", 0, -1, "Labour migration governance");
    add_activities(p, a, 15, 10, 4, 2);
    a = add_node(p, "3", 0, -1, "Protection of migrant workers");
    for (size_t k = 0; k < 22; k++) {
        char zCode[32];
        snprintf(zCode, sizeof zCode, "3.%zu", k + 1);
        long i = add_node(p, zCode, 1, a, "activity");
        if (k < 17) {
            add_assess(p, i, "2016",
                       k < 5 ? RATING_NOT_ON_TARGET : RATING_PROGRESSING);
        }
        add_assess(p, i, "2017",
                   k < 3 ? RATING_NOT_ON_TARGET : RATING_PROGRESSING);
    }
    (void)add_node(p, "4", 0, -1, "Research");
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fix *f = *state;
    claim_release(&f->c);
    model_release(&f->m);
    free(f);
    return 0;
}

/* Fill f->c (releasing the previous claim) as the claims file would. */
static void
set_claim(Fix *f, const char *zRound, const char *zGroup, const char *zStatuses,
          long num, long den, long pct, const char *zSince)
{
    claim_release(&f->c);
    f->c.zId = xstrdup("c1");
    f->c.zRound = xstrdup(zRound);
    f->c.zGroup = xstrdup(zGroup);
    f->c.zStatuses = xstrdup(zStatuses);
    assert_int_equal(review_mask_parse(zStatuses, &f->c.mask), 0);
    f->c.num = num;
    f->c.den = den;
    f->c.pct = pct;
    f->c.zSince = zSince ? xstrdup(zSince) : NULL;
    f->c.zSentence = xstrdup("a sentence of the review");
    f->c.iLine = 7;
}

/* Evaluate f->c, which must succeed, and return the verdict. */
static ClaimStatus
verdict(Fix *f, ClaimResult *r)
{
    f->err.code = APPERR_OK;
    f->err.zMsg[0] = 0;
    int rc = claim_evaluate(&f->m.aPlan[0], &f->c, r, &f->err);
    if (rc != 0) {
        print_error("claim_evaluate failed: %s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    return r->eStatus;
}

static void
check_status(ClaimStatus got, ClaimStatus want)
{
    if (got != want) {
        print_error("verdict %s, expected %s\n", claim_status_name(got),
                    claim_status_name(want));
    }
    assert_int_equal(got, want);
}

static void
test_claim_holds(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "1", "on_target+progressing", 10, 12, 83, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    assert_int_equal(r.num, 10);
    assert_int_equal(r.den, 12);
    assert_int_equal(r.pct, 83);
    assert_string_equal(r.zGroupName, "International framework");
    /* The not rated are in the denominator: 25 of 31 = 81%. */
    set_claim(f, "2017", "2", "progressing+on_target", 25, 31, 81, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "2", "not_rated", 2, 31, 6, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
}

static void
test_claim_wrong_percent(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "1", "on_target+progressing", 10, 12, 84, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
    assert_int_equal(r.pct, 83);
    /* 2 of 12 Not on Target is 16.67%: truncating to 16 is wrong. */
    set_claim(f, "2017", "1", "not_on_target", 2, 12, 16, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
    assert_int_equal(r.pct, 17);
}

static void
test_claim_wrong_count(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "1", "on_target+progressing", 11, 12, 92, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_COUNT);
    assert_int_equal(r.num, 10);
    /* A wrong count with the percentage of the right one: still the
    ** count is what went wrong. */
    set_claim(f, "2017", "1", "on_target+progressing", 9, 12, 83, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_COUNT);
    /* On Target alone is 6, not the 10 printed. */
    set_claim(f, "2017", "1", "on_target", 10, 12, 83, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_COUNT);
    assert_int_equal(r.num, 6);
}

/* The denominator is checked before the count: the data has 25 of 31. */
static void
test_claim_wrong_denominator(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "2", "on_target+progressing", 20, 26, 77, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_DENOMINATOR);
    assert_int_equal(r.num, 25);
    assert_int_equal(r.den, 31);
    assert_int_equal(r.pct, 81);
    /* Leaving out the 2 not rated is a wrong denominator too. */
    set_claim(f, "2017", "2", "on_target+progressing", 25, 29, 86, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_DENOMINATOR);
}

/* A figure the sentence does not give is not checked. */
static void
test_claim_not_printed(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "1", "on_target+progressing", NP, NP, 83, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "1", "on_target+progressing", 10, 12, NP, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "1", "on_target+progressing", 10, NP, 83, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "1", "on_target+progressing", NP, NP, NP, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    assert_int_equal(r.num, 10);
    assert_int_equal(r.den, 12);
    assert_int_equal(r.pct, 83);
    /* The figures that are printed still count. */
    set_claim(f, "2017", "1", "on_target+progressing", NP, NP, 84, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
    set_claim(f, "2017", "1", "on_target+progressing", 11, NP, NP, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_COUNT);
    set_claim(f, "2017", "1", "on_target+progressing", NP, 13, NP, NULL);
    check_status(verdict(f, &r), CLAIM_WRONG_DENOMINATOR);
}

static void
test_claim_group_by_text(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    static const char *const azGroup[] = {
        "International framework",
        "international framework",
        "  INTERNATIONAL   Framework ",
        "International\tframework",
    };
    for (size_t k = 0; k < sizeof azGroup / sizeof azGroup[0]; k++) {
        set_claim(f, "2017", azGroup[k], "on_target+progressing", 10, 12, 83,
                  NULL);
        check_status(verdict(f, &r), CLAIM_HOLDS);
        assert_string_equal(r.zGroupName, "International framework");
    }
    set_claim(f, "2017", "labour migration GOVERNANCE", "on_target", 15, 31, 48,
              NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    assert_string_equal(r.zGroupName, "Labour migration governance");
}

static void
test_claim_group_all(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    static const char *const azAll[] = { "all", "ALL", "overall", "Overall" };
    for (size_t k = 0; k < sizeof azAll / sizeof azAll[0]; k++) {
        set_claim(f, "2017", azAll[k], "on_target+progressing", 54, 65, 83,
                  NULL);
        check_status(verdict(f, &r), CLAIM_HOLDS);
        assert_string_equal(r.zGroupName, "all activities");
    }
    set_claim(f, "2016", "all", "not_on_target", 5, 17, 29, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
    /* An area with no activities counts nothing. */
    set_claim(f, "2017", "4", "on_target", NP, 0, 0, NULL);
    check_status(verdict(f, &r), CLAIM_HOLDS);
}

/* The message names the claim's line and the unknown name. */
static void
check_input_error(Fix *f, const char *zName)
{
    ClaimResult r;
    f->err.code = APPERR_OK;
    f->err.zMsg[0] = 0;
    int rc = claim_evaluate(&f->m.aPlan[0], &f->c, &r, &f->err);
    assert_int_equal(rc, -1);
    assert_int_equal(f->err.code, APPERR_INPUT);
    if (!strstr(f->err.zMsg, "line 7") || !strstr(f->err.zMsg, zName)) {
        print_error("message '%s' lacks 'line 7' or %s\n", f->err.zMsg, zName);
    }
    assert_non_null(strstr(f->err.zMsg, "line 7"));
    assert_non_null(strstr(f->err.zMsg, zName));
}

static void
test_claim_unknown_group(void **state)
{
    Fix *f = *state;
    set_claim(f, "2017", "Social protection", "on_target", 1, 2, 50, NULL);
    check_input_error(f, "'Social protection'");
    set_claim(f, "2017", "5", "on_target", 1, 2, 50, NULL);
    check_input_error(f, "'5'");
}

static void
test_claim_unknown_round(void **state)
{
    Fix *f = *state;
    set_claim(f, "2019", "1", "on_target", 1, 2, 50, NULL);
    check_input_error(f, "'2019'");
}

static void
test_claim_unknown_since(void **state)
{
    Fix *f = *state;
    set_claim(f, "2017", "3", "not_on_target", NP, NP, -15, "2015");
    check_input_error(f, "'2015'");
}

/* Area 3: 5 of 17 Not on Target in 2016 (29.41 -> 29%), 3 of 22 in 2017
** (13.64 -> 14%).  The difference of the printed shares is -15; the exact
** change, -15.78, rounds to -16.  Both are fair; anything else is not. */
static void
test_claim_change(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "3", "not_on_target", NP, NP, -15, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    assert_int_equal(r.num, 3);
    assert_int_equal(r.den, 22);
    assert_int_equal(r.pct, 14);
    assert_int_equal(r.numSince, 5);
    assert_int_equal(r.denSince, 17);
    assert_int_equal(r.pctSince, 29);
    set_claim(f, "2017", "3", "not_on_target", NP, NP, -16, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "3", "not_on_target", NP, NP, -14, "2016");
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
    set_claim(f, "2017", "3", "not_on_target", NP, NP, 15, "2016");
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
    set_claim(f, "2017", "3", "not_on_target", NP, NP, -17, "2016");
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
    /* Not printed: nothing to check. */
    set_claim(f, "2017", "3", "not_on_target", NP, NP, NP, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    /* Progressing: 12 of 17 (70.59 -> 71%) to 19 of 22 (86.36 -> 86%):
    ** +15 printed, exact +15.78 -> +16. */
    set_claim(f, "2017", "3", "progressing", NP, NP, 15, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "3", "progressing", NP, NP, 16, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "3", "progressing", NP, NP, 14, "2016");
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
}

/* The same change over all activities: 5 of 17 (29%) in 2016, 9 of 65
** (13.85 -> 14%) in 2017: -15 printed; exact -15.56 rounds to -16. */
static void
test_claim_change_all(void **state)
{
    Fix *f = *state;
    ClaimResult r;
    set_claim(f, "2017", "all", "not_on_target", NP, NP, -15, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    assert_int_equal(r.num, 9);
    assert_int_equal(r.den, 65);
    set_claim(f, "2017", "all", "not_on_target", NP, NP, -16, "2016");
    check_status(verdict(f, &r), CLAIM_HOLDS);
    set_claim(f, "2017", "all", "not_on_target", NP, NP, -13, "2016");
    check_status(verdict(f, &r), CLAIM_WRONG_PERCENT);
}

static void
test_claim_status_names(void **state)
{
    (void)state;
    assert_string_equal(claim_status_name(CLAIM_HOLDS), "holds");
    assert_string_equal(claim_status_name(CLAIM_WRONG_PERCENT),
                        "wrong_percent");
    assert_string_equal(claim_status_name(CLAIM_WRONG_COUNT), "wrong_count");
    assert_string_equal(claim_status_name(CLAIM_WRONG_DENOMINATOR),
                        "wrong_denominator");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_claim_holds),
        T(test_claim_wrong_percent),
        T(test_claim_wrong_count),
        T(test_claim_wrong_denominator),
        T(test_claim_not_printed),
        T(test_claim_group_by_text),
        T(test_claim_group_all),
        T(test_claim_unknown_group),
        T(test_claim_unknown_round),
        T(test_claim_unknown_since),
        T(test_claim_change),
        T(test_claim_change_all),
        cmocka_unit_test(test_claim_status_names),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
