/*
** test_review.c — unit tests of counting a review round
** (src/core/review.h).
**
** The annual review prints, per area and overall, how many activities are
** On Target, Progressing, Not on Target and not rated, with percentages
** over all activities assessed in the round.  Readers check those figures
** by hand, so the rounding (half away from zero), the denominator (rated or
** not) and the comparison of two rounds must be exactly what the header
** promises.  Every expected value below is worked out from review.h, not
** taken from a run.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "core/model.h"
#include "core/review.h"
#include "core/rules.h"
#include "base/str.h"

/* ---- review_pct, review_count, review_mask_parse ---------------------- */

static void
test_review_pct_rounding(void **state)
{
    (void)state;
    assert_int_equal(review_pct(10, 12), 83); /* 83.33 */
    assert_int_equal(review_pct(1, 8), 13);   /* 12.5 rounds up */
    assert_int_equal(review_pct(3, 8), 38);   /* 37.5 rounds up */
    assert_int_equal(review_pct(-1, 8), -13); /* -12.5: away from zero */
    assert_int_equal(review_pct(-3, 8), -38);
    assert_int_equal(review_pct(2, 3), 67); /* 66.67 */
    assert_int_equal(review_pct(1, 3), 33); /* 33.33 */
    assert_int_equal(review_pct(0, 5), 0);
    assert_int_equal(review_pct(5, 5), 100);
    assert_int_equal(review_pct(1, 200), 1);     /* 0.5 rounds up */
    assert_int_equal(review_pct(-1, 200), -1);   /* -0.5 rounds down */
    assert_int_equal(review_pct(1, 201), 0);     /* 0.4975 */
    assert_int_equal(review_pct(199, 200), 100); /* 99.5 */
    assert_int_equal(review_pct(25, 31), 81);    /* 80.65 */
}

static void
test_review_pct_zero_denominator(void **state)
{
    (void)state;
    assert_int_equal(review_pct(0, 0), 0);
    assert_int_equal(review_pct(3, 0), 0);
    assert_int_equal(review_pct(-3, 0), 0);
}

/* A count with a different number of each status, so a mask that picks
** the wrong one gives a different sum. */
static StatusCount
count_2_3_5_7(void)
{
    StatusCount c;
    memset(&c, 0, sizeof c);
    c.an[RATING_NONE] = 2;
    c.an[RATING_NOT_ON_TARGET] = 3;
    c.an[RATING_PROGRESSING] = 5;
    c.an[RATING_ON_TARGET] = 7;
    c.nTotal = 17;
    return c;
}

static void
test_review_count_masks(void **state)
{
    (void)state;
    StatusCount c = count_2_3_5_7();
    assert_int_equal(review_count(&c, 0), 0);
    assert_int_equal(review_count(&c, REVIEW_MASK(RATING_NONE)), 2);
    assert_int_equal(review_count(&c, REVIEW_MASK(RATING_NOT_ON_TARGET)), 3);
    assert_int_equal(review_count(&c, REVIEW_MASK(RATING_PROGRESSING)), 5);
    assert_int_equal(review_count(&c, REVIEW_MASK(RATING_ON_TARGET)), 7);
    assert_int_equal(review_count(&c, REVIEW_MASK_POSITIVE), 12);
    assert_int_equal(review_count(&c, REVIEW_MASK(RATING_NONE) |
                                          REVIEW_MASK(RATING_NOT_ON_TARGET)),
                     5);
    unsigned all = REVIEW_MASK(RATING_NONE) |
                   REVIEW_MASK(RATING_NOT_ON_TARGET) | REVIEW_MASK_POSITIVE;
    assert_int_equal(review_count(&c, all), 17);
}

static void
test_review_mask_parse_good(void **state)
{
    (void)state;
    unsigned mask = 0;
    assert_int_equal(review_mask_parse("on_target+progressing", &mask), 0);
    assert_int_equal(mask, REVIEW_MASK_POSITIVE);
    mask = 0;
    assert_int_equal(review_mask_parse("progressing+on_target", &mask), 0);
    assert_int_equal(mask, REVIEW_MASK_POSITIVE);
    assert_int_equal(review_mask_parse("not_rated", &mask), 0);
    assert_int_equal(mask, REVIEW_MASK(RATING_NONE));
    /* "not_on_target" is not mistaken for "not_rated" or "on_target". */
    assert_int_equal(review_mask_parse("not_on_target", &mask), 0);
    assert_int_equal(mask, REVIEW_MASK(RATING_NOT_ON_TARGET));
    assert_int_equal(review_mask_parse("on_target", &mask), 0);
    assert_int_equal(mask, REVIEW_MASK(RATING_ON_TARGET));
    assert_int_equal(
        review_mask_parse("not_on_target+not_rated+progressing+on_target",
                          &mask),
        0);
    assert_int_equal(mask, REVIEW_MASK(RATING_NONE) |
                               REVIEW_MASK(RATING_NOT_ON_TARGET) |
                               REVIEW_MASK_POSITIVE);
}

static void
test_review_mask_parse_refused(void **state)
{
    (void)state;
    static const char *const azBad[] = {
        "",
        "on_target+",
        "done",
        "on_target++progressing",
        "+on_target",
        "on_target+done",
        "on_targetprogressing",
        "on target",
        "on_targets",
    };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        unsigned mask = 0;
        int rc = review_mask_parse(azBad[i], &mask);
        if (rc != -1) {
            print_error("'%s' was accepted (mask %u)\n", azBad[i], mask);
        }
        assert_int_equal(rc, -1);
    }
}

/* ---- a small plan ------------------------------------------------------ */

/* Levels area > goal > activity; rounds 2016, 2017, 2018 (nothing is
** assessed in 2018).  Node indexes (pre-order):
**
**   0 A  Governance                         area
**   1   A.1 Policy                          goal
**   2     1.1  2016 Progressing   2017 On Target      up
**   3     1.2  2016 On Target     2017 Progressing    down, reworded
**   4   A.2 Services                        goal
**   5     2.1  -                  2017 not rated      new in 2017
**   6     2.2  2016 Not on Target 2017 not rated      neither up nor down
**   7     2.3  2016 not rated     2017 Not on Target  neither up nor down
**   8 B  Protection                         area
**   9   B.1 Shelters                        goal
**  10     3.1  2016 Progressing   -
**  11     3.2  2016 Not on Target -
**  12 C  Research                           area
**  13   C.1 Studies                         goal
**  14     4.1  never assessed
*/
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
add_assess(Plan *p, long i, const char *zRound, const char *zAction, Rating e)
{
    Assessment *a = node_add_assessment(&p->aNode[i]);
    a->zRound = xstrdup(zRound);
    a->zActionPoint = xstrdup(zAction);
    a->zProgress = xstrdup("");
    a->eRating = e;
    a->eState = ASSESS_APPROVED;
}

static int
setup(void **state)
{
    Model *m = xcalloc(1, sizeof *m);
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup("lmp");
    p->aLevel[0].zName = xstrdup("area");
    p->aLevel[1].zName = xstrdup("goal");
    p->aLevel[2].zName = xstrdup("activity");
    p->nLevel = 3;
    plan_add_round(p)->zCode = xstrdup("2016");
    plan_add_round(p)->zCode = xstrdup("2017");
    plan_add_round(p)->zCode = xstrdup("2018");

    long a = add_node(p, "A", 0, -1, "Governance");
    long g = add_node(p, "A.1", 1, a, "Policy");
    long i = add_node(p, "1.1", 2, g, "Draft the policy");
    add_assess(p, i, "2016", "Draft the  policy", RATING_PROGRESSING);
    add_assess(p, i, "2017", " Draft the\tpolicy\n", RATING_ON_TARGET);
    i = add_node(p, "1.2", 2, g, "Ratify C189");
    add_assess(p, i, "2016", "Ratify C189", RATING_ON_TARGET);
    add_assess(p, i, "2017", "Ratify and implement C189", RATING_PROGRESSING);
    g = add_node(p, "A.2", 1, a, "Services");
    i = add_node(p, "2.1", 2, g, "Open job centres");
    add_assess(p, i, "2017", "Open job centres", RATING_NONE);
    i = add_node(p, "2.2", 2, g, "Train officers");
    add_assess(p, i, "2016", "Train officers", RATING_NOT_ON_TARGET);
    add_assess(p, i, "2017", "", RATING_NONE);
    i = add_node(p, "2.3", 2, g, "Set up a hotline");
    add_assess(p, i, "2016", "", RATING_NONE);
    add_assess(p, i, "2017", "Set up a hotline", RATING_NOT_ON_TARGET);

    a = add_node(p, "B", 0, -1, "Protection");
    g = add_node(p, "B.1", 1, a, "Shelters");
    i = add_node(p, "3.1", 2, g, "Build shelters");
    add_assess(p, i, "2016", "Build shelters", RATING_PROGRESSING);
    i = add_node(p, "3.2", 2, g, "Fund shelters");
    add_assess(p, i, "2016", "Fund shelters", RATING_NOT_ON_TARGET);

    a = add_node(p, "C", 0, -1, "Research");
    g = add_node(p, "C.1", 1, a, "Studies");
    (void)add_node(p, "4.1", 2, g, "Study remittances");
    *state = m;
    return 0;
}

static int
teardown(void **state)
{
    Model *m = *state;
    model_release(m);
    free(m);
    return 0;
}

static const Plan *
plan_of(void **state)
{
    Model *m = *state;
    return &m->aPlan[0];
}

/* c has exactly these counts (not rated, not on target, progressing, on
** target) and nTotal their sum. */
static void
check_count(const StatusCount *c, size_t nNone, size_t nNot, size_t nProg,
            size_t nOn)
{
    assert_int_equal(c->an[RATING_NONE], nNone);
    assert_int_equal(c->an[RATING_NOT_ON_TARGET], nNot);
    assert_int_equal(c->an[RATING_PROGRESSING], nProg);
    assert_int_equal(c->an[RATING_ON_TARGET], nOn);
    assert_int_equal(c->nTotal, nNone + nNot + nProg + nOn);
}

/* ---- review_summarise -------------------------------------------------- */

static void
test_review_summarise_areas_2016(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s;
    assert_int_equal(review_summarise(p, "2016", 0, &s), 0);
    assert_non_null(s.pRound);
    assert_string_equal(s.pRound->zCode, "2016");
    assert_int_equal(s.iLevel, 0);
    /* A and B; C has nothing assessed and is left out. */
    assert_int_equal(s.nGroup, 2);
    assert_int_equal(s.aGroup[0].iNode, 0);
    check_count(&s.aGroup[0].c, 1, 1, 1, 1); /* 1.1, 1.2, 2.2, 2.3 */
    assert_int_equal(s.aGroup[1].iNode, 8);
    check_count(&s.aGroup[1].c, 0, 1, 1, 0); /* 3.1, 3.2 */
    assert_int_equal(s.all.iNode, -1);
    check_count(&s.all.c, 1, 2, 2, 1);
    /* The not-rated 2.3 is in the denominator: 3 of 6 positive. */
    assert_int_equal(
        review_pct((long)review_count(&s.all.c, REVIEW_MASK_POSITIVE),
                   (long)s.all.c.nTotal),
        50);
    review_summary_release(&s);
}

static void
test_review_summarise_areas_2017(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s;
    assert_int_equal(review_summarise(p, "2017", 0, &s), 0);
    /* Only A: nothing of B or C is assessed in 2017. */
    assert_int_equal(s.nGroup, 1);
    assert_int_equal(s.aGroup[0].iNode, 0);
    /* 1.1 On Target, 1.2 Progressing, 2.1 and 2.2 not rated, 2.3 Not on
    ** Target; 3.1, 3.2 and 4.1 are not in the round. */
    check_count(&s.aGroup[0].c, 2, 1, 1, 1);
    check_count(&s.all.c, 2, 1, 1, 1);
    assert_int_equal(s.all.c.nTotal, 5);
    review_summary_release(&s);
}

static void
test_review_summarise_goals(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s;
    assert_int_equal(review_summarise(p, "2016", 1, &s), 0);
    assert_int_equal(s.iLevel, 1);
    assert_int_equal(s.nGroup, 3); /* A.1, A.2, B.1; not C.1 */
    assert_int_equal(s.aGroup[0].iNode, 1);
    check_count(&s.aGroup[0].c, 0, 0, 1, 1);
    assert_int_equal(s.aGroup[1].iNode, 4);
    check_count(&s.aGroup[1].c, 1, 1, 0, 0);
    assert_int_equal(s.aGroup[2].iNode, 9);
    check_count(&s.aGroup[2].c, 0, 1, 1, 0);
    check_count(&s.all.c, 1, 2, 2, 1);
    review_summary_release(&s);

    assert_int_equal(review_summarise(p, "2017", 1, &s), 0);
    assert_int_equal(s.nGroup, 2); /* A.1, A.2 */
    assert_int_equal(s.aGroup[0].iNode, 1);
    check_count(&s.aGroup[0].c, 0, 0, 1, 1);
    assert_int_equal(s.aGroup[1].iNode, 4);
    check_count(&s.aGroup[1].c, 2, 1, 0, 0);
    review_summary_release(&s);
}

static void
test_review_summarise_empty_round(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s;
    assert_int_equal(review_summarise(p, "2018", 0, &s), 0);
    assert_int_equal(s.nGroup, 0);
    check_count(&s.all.c, 0, 0, 0, 0);
    review_summary_release(&s);
}

static void
test_review_summarise_unknown_round(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s;
    assert_int_equal(review_summarise(p, "2019", 0, &s), -1);
    review_summary_release(&s);
    assert_int_equal(review_summarise(p, "", 1, &s), -1);
    review_summary_release(&s);
}

static void
test_review_group_lookup(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s;
    assert_int_equal(review_summarise(p, "2017", 0, &s), 0);
    const ReviewGroup *g = review_group(&s, -1);
    assert_non_null(g);
    assert_ptr_equal(g, &s.all);
    g = review_group(&s, 0);
    assert_non_null(g);
    assert_int_equal(g->iNode, 0);
    assert_int_equal(g->c.nTotal, 5);
    assert_null(review_group(&s, 8));  /* B: left out in 2017 */
    assert_null(review_group(&s, 12)); /* C: never assessed */
    assert_null(review_group(&s, 2));  /* an activity is not a group */
    review_summary_release(&s);
}

/* ---- review_pp_change -------------------------------------------------- */

static StatusCount
count_of(size_t nPositive, size_t nTotal)
{
    StatusCount c;
    memset(&c, 0, sizeof c);
    c.an[RATING_ON_TARGET] = nPositive;
    c.an[RATING_NOT_ON_TARGET] = nTotal - nPositive;
    c.nTotal = nTotal;
    return c;
}

static void
test_review_pp_change(void **state)
{
    (void)state;
    /* 1 of 8 is 13%, 1 of 3 is 33%: the reader computes 33 - 13 = 20,
    ** although the exact change (20.83) would round to 21. */
    StatusCount before = count_of(1, 8), after = count_of(1, 3);
    assert_int_equal(review_pp_change(&before, &after, REVIEW_MASK_POSITIVE),
                     20);
    assert_int_equal(review_pp_change(&after, &before, REVIEW_MASK_POSITIVE),
                     -20);
    /* The complement: 88% to 67%. */
    assert_int_equal(
        review_pp_change(&before, &after, REVIEW_MASK(RATING_NOT_ON_TARGET)),
        -21);
    /* An empty round counts as 0%. */
    StatusCount none = count_of(0, 0);
    assert_int_equal(review_pp_change(&none, &after, REVIEW_MASK_POSITIVE), 33);
}

static void
test_review_pp_change_from_plan(void **state)
{
    const Plan *p = plan_of(state);
    ReviewSummary s16, s17;
    assert_int_equal(review_summarise(p, "2016", 0, &s16), 0);
    assert_int_equal(review_summarise(p, "2017", 0, &s17), 0);
    /* Positive: 3 of 6 (50%) in 2016, 2 of 5 (40%) in 2017. */
    assert_int_equal(
        review_pp_change(&s16.all.c, &s17.all.c, REVIEW_MASK_POSITIVE), -10);
    /* Not rated: 1 of 6 (17%), 2 of 5 (40%). */
    assert_int_equal(
        review_pp_change(&s16.all.c, &s17.all.c, REVIEW_MASK(RATING_NONE)), 23);
    review_summary_release(&s16);
    review_summary_release(&s17);
}

/* ---- review_changes ---------------------------------------------------- */

static void
check_list(const long *a, size_t n, const long *aWant, size_t nWant,
           const char *zWhat)
{
    if (n != nWant) {
        print_error("%s: %zu nodes, expected %zu\n", zWhat, n, nWant);
    }
    assert_int_equal(n, nWant);
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(a[k], aWant[k]);
    }
}

static void
test_review_changes_2016_2017(void **state)
{
    const Plan *p = plan_of(state);
    ReviewChanges c;
    review_changes(p, "2016", "2017", &c);
    static const long aUp[] = { 2 };       /* 1.1 Progressing -> On Target */
    static const long aDown[] = { 3 };     /* 1.2 On Target -> Progressing */
    static const long aNew[] = { 5 };      /* 2.1 */
    static const long aReworded[] = { 3 }; /* 1.2 only: 1.1 differs in
                                            ** white space, 2.2 and 2.3
                                            ** have an empty action point */
    check_list(c.aUp, c.nUp, aUp, 1, "up");
    check_list(c.aDown, c.nDown, aDown, 1, "down");
    check_list(c.aNew, c.nNew, aNew, 1, "new");
    check_list(c.aReworded, c.nReworded, aReworded, 1, "reworded");
    review_changes_release(&c);
}

/* The other way round: 3.1 and 3.2 are new, 1.1 down, 1.2 up; 2.1 is not
** in the later round at all. */
static void
test_review_changes_reverse(void **state)
{
    const Plan *p = plan_of(state);
    ReviewChanges c;
    review_changes(p, "2017", "2016", &c);
    static const long aUp[] = { 3 };
    static const long aDown[] = { 2 };
    static const long aNew[] = { 10, 11 };
    static const long aReworded[] = { 3 };
    check_list(c.aUp, c.nUp, aUp, 1, "up");
    check_list(c.aDown, c.nDown, aDown, 1, "down");
    check_list(c.aNew, c.nNew, aNew, 2, "new");
    check_list(c.aReworded, c.nReworded, aReworded, 1, "reworded");
    review_changes_release(&c);
}

/* Nothing assessed in the later round: nothing changed. */
static void
test_review_changes_empty_round(void **state)
{
    const Plan *p = plan_of(state);
    ReviewChanges c;
    review_changes(p, "2017", "2018", &c);
    assert_int_equal(c.nUp, 0);
    assert_int_equal(c.nDown, 0);
    assert_int_equal(c.nNew, 0);
    assert_int_equal(c.nReworded, 0);
    review_changes_release(&c);
}

/* Action points that differ only in white space are the same wording, in
** any of its forms; a different word is a rewording. */
static void
test_review_changes_white_space(void **state)
{
    Model *m = *state;
    Plan *p = &m->aPlan[0];
    static const char *const azSame[] = {
        "Draft  the policy",        "Draft the policy ",
        "\tDraft the policy",       "Draft\nthe\r\npolicy",
        "  Draft   the   policy  ",
    };
    long i = 2; /* 1.1; its 2016 action point is "Draft the  policy" */
    for (size_t k = 0; k < sizeof azSame / sizeof azSame[0]; k++) {
        Assessment *a = &p->aNode[i].aAssess[1];
        assert_string_equal(a->zRound, "2017");
        free(a->zActionPoint);
        a->zActionPoint = xstrdup(azSame[k]);
        ReviewChanges c;
        review_changes(p, "2016", "2017", &c);
        int bReworded = 0;
        for (size_t j = 0; j < c.nReworded; j++) {
            bReworded |= c.aReworded[j] == i;
        }
        review_changes_release(&c);
        if (bReworded) {
            print_error("'%s' counted as a rewording\n", azSame[k]);
        }
        assert_false(bReworded);
    }
    Assessment *a = &p->aNode[i].aAssess[1];
    free(a->zActionPoint);
    a->zActionPoint = xstrdup("Draft the policies");
    ReviewChanges c;
    review_changes(p, "2016", "2017", &c);
    static const long aReworded[] = { 2, 3 };
    check_list(c.aReworded, c.nReworded, aReworded, 2, "reworded");
    review_changes_release(&c);
}

/* ---- a round still collecting --------------------------------------- */

/* Round 2017 of the small plan, open: 1.1, 1.2 and 2.3 are rated, 2.1 and
** 2.2 not yet. */
static Plan *
plan_open_2017(void **state)
{
    Model *m = *state;
    Plan *p = &m->aPlan[0];
    for (size_t k = 0; k < p->nRound; k++) {
        p->aRound[k].eState = ROUND_PUBLISHED;
    }
    plan_find_round(p, "2017")->eState = ROUND_OPEN;
    return p;
}

static void
test_review_rated_only_by_state(void **state)
{
    (void)state;
    Round rd;
    memset(&rd, 0, sizeof rd);

    static const struct {
        RoundState e;
        int bRatedOnly;
    } aCase[] = { { ROUND_DRAFT, 1 },
                  { ROUND_OPEN, 1 },
                  { ROUND_CLOSED, 0 },
                  { ROUND_PUBLISHED, 0 } };

    for (size_t i = 0; i < sizeof aCase / sizeof aCase[0]; i++) {
        rd.eState = aCase[i].e;
        assert_int_equal(review_rated_only(&rd), aCase[i].bRatedOnly);
    }
    assert_int_equal(review_rated_only(NULL), 0);
}

static void
test_review_summarise_among_rated(void **state)
{
    const Plan *p = plan_open_2017(state);
    ReviewSummary s;
    /* The open round's shares: 3 rated of 5 assessed. */
    assert_int_equal(review_summarise_among(p, "2017", 0, "2017", &s), 0);
    check_count(&s.all.c, 0, 1, 1, 1);
    assert_int_equal(
        review_pct((long)review_count(&s.all.c, REVIEW_MASK_POSITIVE),
                   (long)s.all.c.nTotal),
        67);
    review_summary_release(&s);
    /* The same activities in 2016: 1.1 Progressing, 1.2 On Target, 2.3
    ** not rated then (2.1 and 2.2 are left out: not rated in 2017). */
    assert_int_equal(review_summarise_among(p, "2016", 0, "2017", &s), 0);
    check_count(&s.all.c, 1, 0, 1, 1);
    assert_int_equal(s.nGroup, 1); /* B's activities were not rated in 2017 */
    review_summary_release(&s);
    /* NULL: every activity assessed, as review_summarise(). */
    assert_int_equal(review_summarise_among(p, "2017", 0, NULL, &s), 0);
    check_count(&s.all.c, 2, 1, 1, 1);
    review_summary_release(&s);
    /* Nothing rated in 2018: empty, not an error. */
    assert_int_equal(review_summarise_among(p, "2017", 0, "2018", &s), 0);
    assert_int_equal(s.all.c.nTotal, 0);
    assert_int_equal(s.nGroup, 0);
    review_summary_release(&s);
}

/* Responsible bodies and statements of 1.1 (MOLVT, NCCT) and 1.2 (MOLVT)
** in 2017. */
static void
add_statements_2017(Plan *p)
{
    Node *n = &p->aNode[2];
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    strv_push(&n->azResp, &n->nResp, "NCCT");
    Assessment *a = &n->aAssess[1];
    Statement *st = assessment_add_statement(a);
    st->zOrg = xstrdup("MOLVT");
    st->eState = STMT_SUBMITTED;
    st = assessment_add_statement(a);
    st->zOrg = xstrdup("NCCT");
    st->eState = STMT_DRAFT;
    n = &p->aNode[3];
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    n->aAssess[1].eState = ASSESS_SUBMITTED;
}

static void
test_review_progress_open(void **state)
{
    Plan *p = plan_open_2017(state);
    add_statements_2017(p);
    ReviewProgress g;
    review_progress(p, plan_find_round(p, "2017"), &g);
    assert_true(g.bCollecting);
    assert_int_equal(g.nAssessed, 5);
    assert_int_equal(g.nRated, 3);
    assert_int_equal(g.anAssess[ASSESS_APPROVED], 4);
    assert_int_equal(g.anAssess[ASSESS_SUBMITTED], 1);
    assert_int_equal(g.anStmt[STMT_SUBMITTED], 1);
    assert_int_equal(g.anStmt[STMT_DRAFT], 1);
    /* Owed: MOLVT and NCCT on 1.1, MOLVT on 1.2; reported: MOLVT on 1.1. */
    assert_int_equal(g.nExpected, 3);
    assert_int_equal(g.nReported, 1);
    assert_int_equal(g.nMissing, 2);
}

static void
test_review_progress_published_misses_nothing(void **state)
{
    Plan *p = plan_open_2017(state);
    add_statements_2017(p);
    Round *rd = plan_find_round(p, "2017");
    static const RoundState aE[] = { ROUND_CLOSED, ROUND_PUBLISHED };
    for (size_t i = 0; i < 2; i++) {
        rd->eState = aE[i];
        ReviewProgress g;
        review_progress(p, rd, &g);
        assert_false(g.bCollecting);
        assert_int_equal(g.nExpected, 3);
        assert_int_equal(g.nReported, 1);
        assert_int_equal(g.nMissing, 0);
    }
}

/* Per organisation: MOLVT owes 1.1 (submitted) and 1.2 (not begun); NCCT
** owes 1.1 (a draft); ILO, a partner of 2.3 that is also responsible for
** it (counted once, as responsible) and a partner of 2.1 with a returned
** statement there; UNW only a partner of 2.1, silent.  Those with most
** outstanding come first. */
static void
test_review_org_progress(void **state)
{
    Plan *p = plan_open_2017(state);
    add_statements_2017(p);
    Node *n = &p->aNode[5]; /* 2.1 */
    strv_push(&n->azContrib, &n->nContrib, "ILO");
    strv_push(&n->azContrib, &n->nContrib, "UNW");
    Statement *st = assessment_add_statement(&n->aAssess[0]);
    st->zOrg = xstrdup("ILO");
    st->eState = STMT_RETURNED;
    n = &p->aNode[7]; /* 2.3 */
    strv_push(&n->azResp, &n->nResp, "ILO");
    strv_push(&n->azContrib, &n->nContrib, "ILO");
    size_t nOrg = 0;
    ReviewOrgProgress *a =
        review_org_progress(p, plan_find_round(p, "2017"), NULL, &nOrg);
    assert_int_equal(nOrg, 4);
    /* ILO: 2.3 not begun + 2.1 returned = 2; MOLVT: 1.2 not begun = 1;
    ** NCCT: a draft = 1; UNW: 0. */
    assert_string_equal(a[0].zOrg, "ILO");
    assert_int_equal(a[0].nResponsible, 1);
    assert_int_equal(a[0].nPartner, 1);
    assert_int_equal(a[0].nNotStarted, 1);
    assert_int_equal(a[0].anStmt[STMT_RETURNED], 1);
    assert_int_equal(review_org_outstanding(&a[0]), 2);
    assert_string_equal(a[1].zOrg, "MOLVT");
    assert_int_equal(a[1].nResponsible, 2);
    assert_int_equal(a[1].nNotStarted, 1);
    assert_int_equal(a[1].anStmt[STMT_SUBMITTED], 1);
    assert_string_equal(a[2].zOrg, "NCCT");
    assert_int_equal(a[2].anStmt[STMT_DRAFT], 1);
    assert_int_equal(a[2].nNotStarted, 0);
    assert_string_equal(a[3].zOrg, "UNW");
    assert_int_equal(a[3].nResponsible, 0);
    assert_int_equal(a[3].nPartner, 1);
    assert_int_equal(review_org_outstanding(&a[3]), 0);
    free(a);
    /* Closed, the collection is over: nothing to do; the order is who
    ** never began most (ILO and MOLVT one each), then by acronym. */
    plan_find_round(p, "2017")->eState = ROUND_CLOSED;
    a = review_org_progress(p, plan_find_round(p, "2017"), NULL, &nOrg);
    assert_int_equal(nOrg, 4);
    assert_string_equal(a[0].zOrg, "ILO");
    assert_string_equal(a[1].zOrg, "MOLVT");
    for (size_t i = 0; i < nOrg; i++) {
        assert_int_equal(review_org_outstanding(&a[i]), 0);
    }
    assert_int_equal(a[1].nNotStarted, 1);
    free(a);
    /* A round nobody was assessed in: nobody. */
    a = review_org_progress(p, plan_find_round(p, "2018"), NULL, &nOrg);
    assert_int_equal(nOrg, 0);
    free(a);
}

/* Who is overdue: the same organisations, the round due on 31 January
** 2018.  On the day itself nobody; the day after, those that still owe a
** statement (ILO not begun, MOLVT not begun, NCCT a draft), not UNW, a
** partner that owes nothing; MOLVT's extension takes it out until its own
** date and a removed extension puts it back; NCCT submitting its draft
** takes it out; a closed round has nobody overdue. */
static void
test_review_org_overdue(void **state)
{
    Plan *p = plan_open_2017(state);
    add_statements_2017(p);
    Node *n = &p->aNode[5]; /* 2.1 */
    strv_push(&n->azContrib, &n->nContrib, "UNW");
    n = &p->aNode[7]; /* 2.3 */
    strv_push(&n->azResp, &n->nResp, "ILO");
    Round *rd = plan_find_round(p, "2017");
    size_t nOrg = 0;
    /* No due date: nobody, whatever the day. */
    assert_int_equal(review_round_overdue(p, rd, "2030-01-01"), 0);
    rd->zDue = xstrdup("2018-01-31");
    assert_int_equal(review_round_overdue(p, rd, "2018-01-31"), 0);
    assert_int_equal(review_round_overdue(p, rd, NULL), 0);
    ReviewOrgProgress *a = review_org_progress(p, rd, "2018-02-01", &nOrg);
    assert_int_equal(nOrg, 4);
    /* Overdue first (ILO, MOLVT and NCCT by what they owe, then name). */
    assert_string_equal(a[0].zOrg, "ILO");
    assert_true(a[0].bOverdue);
    assert_string_equal(a[0].zDue, "2018-01-31");
    assert_true(a[1].bOverdue && a[2].bOverdue);
    assert_string_equal(a[3].zOrg, "UNW");
    assert_false(a[3].bOverdue);
    assert_int_equal(a[3].nOwedOpen, 0);
    free(a);
    /* MOLVT's extension to 15 February. */
    RoundExt *e = round_add_ext(rd);
    e->zOrg = xstrdup("MOLVT");
    e->zDue = xstrdup("2018-02-15");
    e->zReason = xstrdup("minister travelling");
    e->iVersion = 1;
    assert_string_equal(review_org_due(rd, "MOLVT"), "2018-02-15");
    assert_string_equal(review_org_due(rd, "NCCT"), "2018-01-31");
    a = review_org_progress(p, rd, "2018-02-01", &nOrg);
    for (size_t i = 0; i < nOrg; i++) {
        assert_int_equal(a[i].bOverdue, !str_eq(a[i].zOrg, "MOLVT") &&
                                            !str_eq(a[i].zOrg, "UNW"));
    }
    free(a);
    assert_int_equal(review_round_overdue(p, rd, "2018-02-15"), 2);
    assert_int_equal(review_round_overdue(p, rd, "2018-02-16"), 3);
    /* Removed: the round's date again. */
    free(e->zDue);
    e->zDue = NULL;
    assert_string_equal(review_org_due(rd, "MOLVT"), "2018-01-31");
    assert_int_equal(review_round_overdue(p, rd, "2018-02-01"), 3);
    /* NCCT submits its draft: it owes nothing more. */
    Assessment *as = &p->aNode[2].aAssess[1];
    for (size_t i = 0; i < as->nStmt; i++) {
        if (str_eq(as->aStmt[i].zOrg, "NCCT")) {
            as->aStmt[i].eState = STMT_SUBMITTED;
        }
    }
    assert_int_equal(review_round_overdue(p, rd, "2018-02-01"), 2);
    ReviewCheckItem ck[REVIEW_CHECKLIST_ITEMS];
    (void)review_round_checklist(p, rd, 0, "2018-02-01", ck);
    assert_true(ck[4].bOpen);
    assert_string_equal(ck[4].zText,
                        "2 organisations are overdue: ILO, MOLVT.");
    (void)review_round_checklist(p, rd, 0, "2018-01-02", ck);
    assert_false(ck[4].bOpen);
    /* Closed: the collection is over, nobody is overdue. */
    rd->eState = ROUND_CLOSED;
    assert_int_equal(review_round_overdue(p, rd, "2018-02-01"), 0);
    assert_int_equal(review_days_until("2018-01-26", "2018-01-31"), 5);
    assert_int_equal(review_days_until("2018-02-03", "2018-01-31"), -3);
}

static void
test_review_latest_rated(void **state)
{
    const Plan *p = plan_open_2017(state);
    const Round *rd = NULL;
    /* 2.2: Not on Target in 2016, not rated in 2017: 2016's rating. */
    const Assessment *a = review_latest_rated(p, &p->aNode[6], &rd);
    assert_non_null(a);
    assert_string_equal(rd->zCode, "2016");
    assert_int_equal(a->eRating, RATING_NOT_ON_TARGET);
    /* 1.1: rated in 2017. */
    a = review_latest_rated(p, &p->aNode[2], &rd);
    assert_string_equal(rd->zCode, "2017");
    assert_int_equal(a->eRating, RATING_ON_TARGET);
    /* 2.1: assessed only in 2017, not rated; 4.1: never assessed. */
    assert_null(review_latest_rated(p, &p->aNode[5], &rd));
    assert_null(rd);
    assert_null(review_latest_rated(p, &p->aNode[14], &rd));
}

/* ---- rules_narrative_replaced ------------------------------------------ */

/* A saved narrative that quotes a statement's replaced version is found;
** one that quotes the text now, or an edited text, or none, is not. */
static void
test_rules_narrative_replaced(void **state)
{
    (void)state;
    char zOld[] = "Attended the ASEAN meeting.";
    char zNew[] = "Named 4 focal points.";
    char zBoth[] = "Attended the ASEAN meeting. Named 4 focal points.";
    char zMofaText[] = "Passed the figures on.";
    char zMolvt[] = "MOLVT", zMofa[] = "MOFA&IC", zBy[] = "molvt";
    char zAt1[] = "2018-12-20T03:00:00Z", zAt2[] = "2018-12-21T03:00:00Z";
    StmtVersion av[2] = {
        { 1, zOld, RATING_PROGRESSING, STMT_SUBMITTED, zBy, zAt1 },
        { 2, zNew, RATING_PROGRESSING, STMT_RESUBMITTED, zBy, zAt2 },
    };
    Statement ast[2] = { 0 };
    ast[0].zOrg = zMofa;
    ast[0].zText = zMofaText;
    ast[1].zOrg = zMolvt;
    ast[1].zText = zNew;
    ast[1].aVer = av;
    ast[1].nVer = 2;
    Assessment a = { 0 };
    a.aStmt = ast;
    a.nStmt = 2;
    size_t iVer = 99;
    const Statement *st = rules_narrative_replaced(
        &a, "MOLVT: Attended the ASEAN meeting.\n\nMOFA&IC: x", &iVer);
    assert_ptr_equal(st, &ast[1]);
    assert_int_equal(iVer, 0);
    assert_null(
        rules_narrative_replaced(&a, "MOLVT: Named 4 focal points.", NULL));
    assert_null(
        rules_narrative_replaced(&a, "MOLVT attended a meeting.", NULL));
    assert_null(rules_narrative_replaced(&a, "", NULL));
    assert_null(rules_narrative_replaced(NULL, "x", NULL));
    /* A text kept whole in the new one is not replaced. */
    ast[1].zText = zBoth;
    assert_null(rules_narrative_replaced(
        &a, "MOLVT: Attended the ASEAN meeting.", NULL));
    /* Without the versions read, nothing is known to be replaced. */
    ast[1].nVer = 0;
    assert_null(rules_narrative_replaced(
        &a, "MOLVT: Attended the ASEAN meeting.", NULL));
}

/* Text written in both languages: the reader's language, else the other
** (core/model.h model_text()). */
static void
test_model_text_falls_back(void **state)
{
    (void)state;
    char zEn[] = "International Framework";
    char zKm[] = "\xE1\x9E\x80"; /* U+1780 */
    char zMolvt[] = "MOLVT";
    assert_ptr_equal(model_text(I18N_KM, zEn, zKm), zKm);
    assert_ptr_equal(model_text(I18N_EN, zEn, zKm), zEn);
    assert_ptr_equal(model_text(I18N_KM, zEn, NULL), zEn);
    assert_ptr_equal(model_text(I18N_KM, zEn, ""), zEn);
    assert_ptr_equal(model_text(I18N_EN, NULL, zKm), zKm);
    assert_ptr_equal(model_text(I18N_EN, "", zKm), zKm);
    assert_string_equal(model_text(I18N_KM, NULL, NULL), "");
    Org o = { 0 };
    o.zAcronym = zMolvt;
    assert_string_equal(org_name(&o, I18N_KM), "MOLVT");
    Node n = { 0 };
    n.zText = zEn;
    n.zIndicatorKm = zKm;
    assert_string_equal(node_text(&n, I18N_KM), zEn);
    assert_ptr_equal(node_indicator(&n, I18N_EN), zKm);
    n.zIndicatorKm = NULL;
    assert_null(node_indicator(&n, I18N_KM));
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_review_pct_rounding),
        cmocka_unit_test(test_rules_narrative_replaced),
        cmocka_unit_test(test_review_pct_zero_denominator),
        cmocka_unit_test(test_review_count_masks),
        cmocka_unit_test(test_review_mask_parse_good),
        cmocka_unit_test(test_review_mask_parse_refused),
        T(test_review_summarise_areas_2016),
        T(test_review_summarise_areas_2017),
        T(test_review_summarise_goals),
        T(test_review_summarise_empty_round),
        T(test_review_summarise_unknown_round),
        T(test_review_group_lookup),
        cmocka_unit_test(test_review_pp_change),
        T(test_review_pp_change_from_plan),
        T(test_review_changes_2016_2017),
        T(test_review_changes_reverse),
        T(test_review_changes_empty_round),
        T(test_review_changes_white_space),
        cmocka_unit_test(test_review_rated_only_by_state),
        cmocka_unit_test(test_model_text_falls_back),
        T(test_review_summarise_among_rated),
        T(test_review_progress_open),
        T(test_review_progress_published_misses_nothing),
        T(test_review_org_progress),
        T(test_review_org_overdue),
        T(test_review_latest_rated),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
