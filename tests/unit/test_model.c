/*
** test_model.c — unit tests of plan succession in the model
** (src/core/model.h): a plan made from the one it follows, and an
** activity's history across plans — its predecessors' assessments, the
** earliest plan first, each plan's rounds in order, a loop of links
** ending — and the rule of who may create a plan with which code
** (src/core/rules.h).
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
#include "core/rules.h"

/* Plan zCode with levels goal > activity, goal G with activity zAct
** assessed in each round of azRound (its rating the round's index). */
static Plan *
add_plan(Model *m, const char *zCode, const char *zAct,
         const char *const *azRound, size_t nRound)
{
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup(zCode);
    p->zTitle = xstrdup(zCode);
    p->aLevel[0].zName = xstrdup("goal");
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    Node *g = plan_add_node(p);
    g->zCode = xstrdup("G");
    g->zText = xstrdup("goal");
    g->iParent = -1;
    Node *n = plan_add_node(p);
    n->zCode = xstrdup(zAct);
    n->zText = xstrdup("activity");
    n->iLevel = 1;
    n->iParent = 0;
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    for (size_t k = 0; k < nRound; k++) {
        Round *r = plan_add_round(p);
        r->zCode = xstrdup(azRound[k]);
        r->zTitle = xstrdup(azRound[k]);
        Assessment *a = node_add_assessment(&p->aNode[1]);
        a->zRound = xstrdup(azRound[k]);
        a->zActionPoint = xstrdup("");
        a->zProgress = xstrdup("");
        a->eRating = (Rating)(k % 3 + 1);
    }
    return p;
}

static void
link_to(Plan *p, long i, const char *zPlan, const char *zCode)
{
    p->aNode[i].zPredPlan = xstrdup(zPlan);
    p->aNode[i].zPredCode = xstrdup(zCode);
}

/* The successor has the old plan's levels and nodes, each linked to its
** namesake, and neither rounds nor assessments. */
static void
test_model_successor(void **state)
{
    (void)state;
    Model old = MODEL_INIT, neu = MODEL_INIT;
    static const char *const azR[] = { "2016", "2017" };
    const Plan *po = add_plan(&old, "p1", "1.1", azR, 2);
    Plan *p = model_add_successor(&neu, po, "p2", "Second plan");
    assert_string_equal(p->zCode, "p2");
    assert_string_equal(p->zTitle, "Second plan");
    assert_int_equal(p->nLevel, 2);
    assert_string_equal(p->aLevel[1].zName, "activity");
    assert_int_equal(p->nNode, 2);
    assert_int_equal(p->nRound, 0);
    for (size_t i = 0; i < p->nNode; i++) {
        assert_string_equal(p->aNode[i].zCode, po->aNode[i].zCode);
        assert_string_equal(p->aNode[i].zPredPlan, "p1");
        assert_string_equal(p->aNode[i].zPredCode, po->aNode[i].zCode);
        assert_int_equal(p->aNode[i].iParent, po->aNode[i].iParent);
        assert_int_equal(p->aNode[i].nAssess, 0);
    }
    assert_int_equal(p->aNode[1].nResp, 1);
    assert_string_equal(p->aNode[1].azResp[0], "MOLVT");
    model_release(&old);
    model_release(&neu);
}

/* Three plans, the activity renumbered in the last: the history runs from
** the first plan's rounds to the second's, and each end names the other;
** a loop of links ends. */
static void
test_model_history_across_plans(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    static const char *const azR1[] = { "2016", "2017" };
    static const char *const azR2[] = { "2020" };
    add_plan(&m, "p1", "1.1", azR1, 2);
    add_plan(&m, "p2", "1.1", azR2, 1);
    add_plan(&m, "p3", "4.2", NULL, 0);
    link_to(&m.aPlan[1], 1, "p1", "1.1");
    link_to(&m.aPlan[2], 1, "p2", "1.1");
    const Plan *pp;
    const Node *q = model_find_predecessor(&m, &m.aPlan[2].aNode[1], &pp);
    assert_non_null(q);
    assert_string_equal(pp->zCode, "p2");
    PredRound *a;
    size_t n = model_predecessor_rounds(&m, &m.aPlan[2].aNode[1], &a);
    assert_int_equal(n, 3);
    assert_string_equal(a[0].p->zCode, "p1");
    assert_string_equal(a[0].rd->zCode, "2016");
    assert_string_equal(a[1].rd->zCode, "2017");
    assert_int_equal(a[1].a->eRating, (Rating)2);
    assert_string_equal(a[2].p->zCode, "p2");
    assert_string_equal(a[2].rd->zCode, "2020");
    free(a);
    q = model_find_successor(&m, &m.aPlan[0], &m.aPlan[0].aNode[1], &pp);
    assert_non_null(q);
    assert_string_equal(pp->zCode, "p2");
    q = model_find_successor(&m, &m.aPlan[1], &m.aPlan[1].aNode[1], &pp);
    assert_non_null(q);
    assert_string_equal(q->zCode, "4.2");
    assert_null(
        model_find_successor(&m, &m.aPlan[2], &m.aPlan[2].aNode[1], &pp));
    /* None before the first plan; a link to a plan not held is none. */
    assert_int_equal(model_predecessor_rounds(&m, &m.aPlan[0].aNode[1], &a), 0);
    assert_null(a);
    link_to(&m.aPlan[0], 0, "nowhere", "G");
    assert_null(model_find_predecessor(&m, &m.aPlan[0].aNode[0], &pp));
    /* p1's activity made to follow p3's: the walk stops after as many
    ** steps as there are plans. */
    link_to(&m.aPlan[0], 1, "p3", "4.2");
    n = model_predecessor_rounds(&m, &m.aPlan[2].aNode[1], &a);
    assert_true(n >= 3 && n <= 6);
    free(a);
    model_release(&m);
}

/* Who may create a plan, with which code. */
static void
test_model_succeed_rule(void **state)
{
    (void)state;
    Actor officer = { "o", ROLE_ME_OFFICER, NULL };
    Actor reporter = { "r", ROLE_REPORTER, "MOLVT" };
    AppErr err = APPERR_INIT;
    assert_int_equal(rules_plan_may_succeed(&officer, "p1", "p2", 0, &err), 0);
    assert_int_equal(rules_plan_may_succeed(&reporter, "p1", "p2", 0, &err),
                     -1);
    assert_int_equal(err.code, APPERR_FORBIDDEN);
    static const char *const azBad[] = { "", "a b", "a/b", "p1" };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        err = (AppErr)APPERR_INIT;
        assert_int_equal(
            rules_plan_may_succeed(&officer, "p1", azBad[i], 0, &err), -1);
        assert_int_equal(err.code, APPERR_INPUT);
    }
    err = (AppErr)APPERR_INIT;
    assert_int_equal(rules_plan_may_succeed(&officer, "p1", "p2", 1, &err), -1);
    assert_int_equal(err.code, APPERR_CONFLICT);
    assert_non_null(strstr(err.zMsg, "'p2' already"));
}

int
main(void)
{
    const struct CMUnitTest aTest[] = {
        cmocka_unit_test(test_model_successor),
        cmocka_unit_test(test_model_history_across_plans),
        cmocka_unit_test(test_model_succeed_rule),
    };
    return cmocka_run_group_tests(aTest, NULL, NULL);
}
