/*
** test_recommend.c — unit tests of a review's recommendations and their
** rules (src/core/recommend.h): who records them, which rounds may follow
** one up, and which priorities a new round's draft action point carries —
** those of earlier reviews that concern the activity or a goal or area
** above it, not yet done or dropped, with their last status.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "core/recommend.h"

static Node *
add_node(Plan *p, const char *zCode, int iLevel, long iParent)
{
    Node *n = plan_add_node(p);
    n->zCode = xstrdup(zCode);
    n->zText = xstrdup(zCode);
    n->iLevel = iLevel;
    n->iParent = iParent;
    return n;
}

static void
add_round(Plan *p, const char *zCode, RoundState e)
{
    Round *r = plan_add_round(p);
    r->zCode = xstrdup(zCode);
    r->zTitle = xstrdup(zCode);
    r->eState = e;
}

/* Area A1 > goals 1 (activities 1.1, 1.2) and 2 (2.1); rounds 2016
** (published) and 2017 (open). */
static void
make_plan(Model *m)
{
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup("lmp");
    add_round(p, "2016", ROUND_PUBLISHED);
    add_round(p, "2017", ROUND_OPEN);
    add_node(p, "A1", 0, -1); /* 0 */
    add_node(p, "1", 1, 0);   /* 1 */
    add_node(p, "1.1", 2, 1); /* 2 */
    add_node(p, "1.2", 2, 1); /* 3 */
    add_node(p, "2", 1, 0);   /* 4 */
    add_node(p, "2.1", 2, 4); /* 5 */
}

static Rec *
add_rec(RecSet *s, const char *zRound, const char *zCode, int bPriority,
        const char *zNode)
{
    s->aRec = xreallocarray(s->aRec, s->nRec + 1, sizeof *s->aRec);
    Rec *r = &s->aRec[s->nRec++];
    memset(r, 0, sizeof *r);
    r->zRound = xstrdup(zRound);
    r->zCode = xstrdup(zCode);
    r->zText = xstrdup(zCode);
    r->zSource = xstrdup("");
    r->bPriority = bPriority;
    strv_push(&r->azNode, &r->nNode, zNode);
    return r;
}

static void
add_followup(Rec *r, const char *zRound, RecStatus e)
{
    r->aFollow = xreallocarray(r->aFollow, r->nFollow + 1, sizeof *r->aFollow);
    RecFollowup *f = &r->aFollow[r->nFollow++];
    memset(f, 0, sizeof *f);
    f->zRound = xstrdup(zRound);
    f->zEvidence = xstrdup("");
    f->eStatus = e;
}

/* The priorities node zCode's draft in round zRound carries, as text. */
static size_t
draft(const Plan *p, const RecSet *s, const char *zCode, const char *zRound,
      Buf *b)
{
    buf_reset(b);
    for (size_t i = 0; i < p->nNode; i++) {
        if (strcmp(p->aNode[i].zCode, zCode) == 0) {
            return rec_priorities_for(p, &p->aNode[i], s, zRound, b);
        }
    }
    fail();
    return 0;
}

static void
test_recommend_priorities_for(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    make_plan(&m);
    const Plan *p = &m.aPlan[0];
    RecSet s = { 0 };
    add_rec(&s, "2017", "P1", 1, "1");   /* goal 1: 1.1 and 1.2 */
    add_rec(&s, "2017", "R3", 0, "1.1"); /* no priority */
    Rec *r = add_rec(&s, "2016", "P2", 1, "2.1");
    add_followup(r, "2017", REC_DONE);
    r = add_rec(&s, "2016", "P4", 1, "A1"); /* the whole area */
    add_followup(r, "2017", REC_IN_PROGRESS);
    Buf b = BUF_INIT;
    /* 2018, a round not in the plan yet: after every round. */
    assert_int_equal(draft(p, &s, "1.1", "2018", &b), 2);
    assert_non_null(strstr(buf_str(&b), "Priority of the 2017 (P1): P1"));
    assert_non_null(strstr(buf_str(&b), "(P4): P4 [In progress in 2017]"));
    assert_null(strstr(buf_str(&b), "R3"));
    /* P2 is done: 2.1 carries only the area's P4. */
    assert_int_equal(draft(p, &s, "2.1", "2018", &b), 1);
    assert_null(strstr(buf_str(&b), "P2"));
    /* The goal itself is concerned too; the area by P4 only. */
    assert_int_equal(draft(p, &s, "1", "2018", &b), 2);
    assert_int_equal(draft(p, &s, "A1", "2018", &b), 1);
    /* Opening 2017: only 2016's priorities, with no status before 2017 —
    ** P2's "done" was recorded in 2017 itself. */
    assert_int_equal(draft(p, &s, "2.1", "2017", &b), 2);
    assert_null(strstr(buf_str(&b), "["));
    /* A later draft starts from the wording without those lines. */
    Buf ap = BUF_INIT;
    buf_puts(&ap, "Train officials.\n\n");
    buf_puts(&ap, buf_str(&b));
    assert_int_equal(rec_draft_wording_len(buf_str(&ap)),
                     strlen("Train officials."));
    assert_int_equal(rec_draft_wording_len("Plain"), 5);
    buf_release(&ap);
    buf_release(&b);
    rec_set_release(&s);
    model_release(&m);
}

static void
test_recommend_rules(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    make_plan(&m);
    Plan *p = &m.aPlan[0];
    AppErr err = APPERR_INIT;
    const Actor officer = { "o", ROLE_ME_OFFICER, NULL };
    const Actor reporter = { "r", ROLE_REPORTER, "MOLVT" };
    assert_int_equal(rec_may_record(&officer, &err), 0);
    assert_int_equal(rec_may_record(&reporter, &err), -1);
    assert_int_equal(err.code, APPERR_FORBIDDEN);
    /* A 2016 recommendation: followed up in 2017 (open), not in 2016. */
    err = (AppErr)APPERR_INIT;
    assert_int_equal(rec_may_follow_up(p, "2016", &p->aRound[1], &err), 0);
    assert_int_equal(rec_may_follow_up(p, "2016", &p->aRound[0], &err), -1);
    assert_int_equal(err.code, APPERR_INPUT);
    /* Nor in a published later round. */
    err = (AppErr)APPERR_INIT;
    p->aRound[1].eState = ROUND_PUBLISHED;
    assert_int_equal(rec_may_follow_up(p, "2016", &p->aRound[1], &err), -1);
    assert_int_equal(err.code, APPERR_CONFLICT);
    RecStatus e;
    assert_int_equal(rec_status_parse("In progress", &e), 0);
    assert_int_equal(e, REC_IN_PROGRESS);
    assert_int_equal(rec_status_parse("finished", &e), -1);
    model_release(&m);
}

int
main(void)
{
    const struct CMUnitTest a[] = {
        cmocka_unit_test(test_recommend_priorities_for),
        cmocka_unit_test(test_recommend_rules),
    };
    return cmocka_run_group_tests_name("recommend", a, NULL, NULL);
}
