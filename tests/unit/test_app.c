/*
** test_app.c — unit tests of the use cases in src/app (workflow, casework,
** admin) against two connections to one database.
**
** Two people working at once is what the service layer exists for: each
** use case reads inside its own write transaction and writes with the
** version the user's form showed, so the later of two saves is refused
** (APPERR_CONFLICT) and the earlier one stays as it was.  The tests play
** both people deterministically: Store A reads what a form would show,
** Store B changes the same thing through the service, then A acts with
** what it read, and the database is read back to show that B's change is
** untouched.  A busy database (B holding the write lock) is APPERR_BUSY
** with a message that tells the user to try again and no engine text.
**
** Each test works on its own small plan in a mkdtemp() directory (or, when
** LMPMON_TEST_PG_URL names a PostgreSQL test server, in a new database
** there: ctest's unit_app_pg runs every race on PostgreSQL too):
** goal 1 with activities 1.1 (MOLVT responsible, ILO contributing) and
** 1.2 (PDOLVT), round 2018 open (opened through workflow_open_round) and
** round 2019 a draft.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/admin.h"
#include "app/casework.h"
#include "app/recommendations.h"
#include "app/succession.h"
#include "app/funding.h"
#include "app/inbox.h"
#include "app/outreach.h"
#include "app/workflow.h"
#include "base/apperr.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "core/cases.h"
#include "core/model.h"
#include "core/rules.h"
#include "store/store.h"
#include "pg_testdb.h"

#define NOW   "2018-12-01T10:00:00Z"
#define PLAN  "lmp"
#define ROUND "2018"

/* The people of the tests. */
static const Actor admin = { "admin", ROLE_ADMIN, NULL };
static const Actor officer = { "officer", ROLE_ME_OFFICER, NULL };
static const Actor officer2 = { "officer2", ROLE_ME_OFFICER, NULL };
static const Actor molvt1 = { "molvt1", ROLE_REPORTER, "MOLVT" };
static const Actor molvt2 = { "molvt2", ROLE_REPORTER, "MOLVT" };
static const Actor ilo = { "ilo", ROLE_REPORTER, "ILO" };
static const Actor pdolvt = { "pdolvt", ROLE_REPORTER, "PDOLVT" };
static const Actor orgless = { "orgless", ROLE_REPORTER, NULL };
static const Actor viewer = { "viewer", ROLE_VIEWER, NULL };
static const Actor cwMolvt = { "cw-molvt", ROLE_CASE_OFFICER, "MOLVT" };
static const Actor cwMolvt2 = { "cw-molvt2", ROLE_CASE_OFFICER, "MOLVT" };
static const Actor cwIlo = { "cw-ilo", ROLE_CASE_OFFICER, "ILO" };
static const Actor cwNone = { "cw-none", ROLE_CASE_OFFICER, NULL };
static const Actor cwEmpty = { "cw-empty", ROLE_CASE_OFFICER, "" };

typedef struct Fix {
    char zDir[64];    /* the temporary directory */
    char zPath[256];  /* zDir/lmp.db, or the PostgreSQL database's URL */
    char zPgName[64]; /* the PostgreSQL database, or "" */
    Store *a;         /* one person's connection */
    Store *b;         /* another person's, on the same file */
    AppErr err;       /* of the last call made through call() */
} Fix;

/* What the activity's page shows of one organisation's statement and the
** assessment, read back from a store (outside any transaction). */
typedef struct Seen {
    RoundState eRound;
    int iVersion; /* the assessment's: what a review form carries */
    char zProgress[256];
    Rating eRating;
    AssessState eState;
    int bStmt;        /* the organisation has a statement */
    int iStmtVersion; /* 0 without one: what a statement form carries */
    char zStmt[256];
    StmtState eStmtState;
    char zStmtBy[64];
    char zComment[256]; /* the last comment of its thread */
    size_t nComment;    /* the comments of its thread */
    size_t nVer;        /* its submitted versions kept */
} Seen;

/* ---- fixture ---------------------------------------------------------- */

static AppErr *
fresh(Fix *f)
{
    memset(&f->err, 0, sizeof f->err);
    return &f->err;
}

static void
expect_ok(Fix *f, int rc)
{
    if (rc != 0) {
        print_error("unexpected failure: %s [%s]\n", f->err.zMsg,
                    f->err.zDetail);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(f->err.code, APPERR_OK);
}

/* The call was refused with eCode and a message holding zPart (if any). */
static void
expect_refused(Fix *f, int rc, AppErrCode eCode, const char *zPart)
{
    if (rc == 0) {
        print_error("expected refusal %d, but it succeeded\n", (int)eCode);
    }
    assert_int_not_equal(rc, 0);
    if (f->err.code != eCode) {
        print_error("expected code %d, got %d: %s\n", (int)eCode,
                    (int)f->err.code, f->err.zMsg);
    }
    assert_int_equal(f->err.code, eCode);
    if (zPart && !strstr(f->err.zMsg, zPart)) {
        print_error("message '%s' lacks '%s'\n", f->err.zMsg, zPart);
        fail();
    }
}

static Store *
open_store(Fix *f, StoreOpenMode e)
{
    Store *s = store_open(f->zPath, e, "tester", fresh(f));
    if (!s) {
        print_error("store_open: %s\n", f->err.zMsg);
    }
    assert_non_null(s);
    return s;
}

static void
add_org(Model *m, const char *zAcronym, const char *zName)
{
    Org *o = model_add_org(m);
    o->zAcronym = xstrdup(zAcronym);
    o->zName = xstrdup(zName);
    o->eKind = ORG_GOVERNMENT;
}

static Node *
add_node(Plan *p, const char *zCode, int iLevel, long iParent,
         const char *zText)
{
    Node *n = plan_add_node(p);
    n->zCode = xstrdup(zCode);
    n->iLevel = iLevel;
    n->iParent = iParent;
    n->zText = xstrdup(zText);
    return n;
}

/* The small plan, put through the store as an import would, then round
** 2018 opened through the use case (which gives every activity its draft
** assessment); then the two connections. */
static int
setup(void **state)
{
    Fix *f = xcalloc(1, sizeof *f);
    (void)snprintf(f->zDir, sizeof f->zDir, "/tmp/lmpmon-app-XXXXXX");
    assert_non_null(mkdtemp(f->zDir));
    (void)snprintf(f->zPath, sizeof f->zPath, "%s/lmp.db", f->zDir);
    if (testdb_pg()) {
        assert_int_equal(testdb_create(f->zPgName, sizeof f->zPgName, f->zPath,
                                       sizeof f->zPath),
                         0);
    }
    assert_int_equal(setenv("LMPMON_NOW", NOW, 1), 0);

    Model m = MODEL_INIT;
    add_org(&m, "MOLVT", "Ministry of Labour and Vocational Training");
    add_org(&m, "ILO", "International Labour Organization");
    add_org(&m, "PDOLVT", "Provincial Departments of Labour");
    Plan *p = model_add_plan(&m);
    p->zCode = xstrdup(PLAN);
    p->zTitle = xstrdup("Policy on Labour Migration");
    p->aLevel[0].zName = xstrdup("goal");
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    Round *r = plan_add_round(p);
    r->zCode = xstrdup("2019");
    r->zTitle = xstrdup("2019 review");
    r->eState = ROUND_DRAFT;
    add_node(p, "1", 0, -1, "Protection");
    Node *n = add_node(p, "1.1", 1, 0, "Train border officials");
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    strv_push(&n->azContrib, &n->nContrib, "ILO");
    n = add_node(p, "1.2", 1, 0, "Open shelters");
    strv_push(&n->azResp, &n->nResp, "PDOLVT");

    Store *s = open_store(f, STORE_OPEN_CREATE);
    expect_ok(f, store_begin(s, fresh(f)));
    for (size_t i = 0; i < m.nOrg; i++) {
        expect_ok(f, store_org_put(s, &m.aOrg[i], fresh(f)));
    }
    expect_ok(f, store_plan_put(s, p, fresh(f)));
    expect_ok(f, store_round_put(s, PLAN, &p->aRound[0], fresh(f)));
    for (size_t i = 0; i < p->nNode; i++) {
        expect_ok(f, store_node_put(s, p, (long)i, 1, fresh(f)));
    }
    expect_ok(f, store_commit(s, fresh(f)));
    expect_ok(f, workflow_open_round(s, &admin, PLAN, ROUND, "2018 review",
                                     "2018-11-30", NULL, 1, fresh(f)));
    store_close(s);
    model_release(&m);

    f->a = open_store(f, STORE_OPEN_EXISTING);
    f->b = open_store(f, STORE_OPEN_EXISTING);
    memset(&f->err, 0, sizeof f->err);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fix *f = *state;
    store_close(f->a);
    store_close(f->b);
    if (f->zPgName[0]) {
        testdb_drop(f->zPgName);
    }
    DIR *d = opendir(f->zDir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                char z[512];
                (void)snprintf(z, sizeof z, "%s/%s", f->zDir, e->d_name);
                (void)unlink(z);
            }
        }
        closedir(d);
    }
    (void)rmdir(f->zDir);
    free(f);
    return 0;
}

/* ---- reading back ------------------------------------------------------ */

static void
copy(char *zOut, size_t nOut, const char *z)
{
    (void)snprintf(zOut, nOut, "%s", z ? z : "");
}

/* What s shows of activity zNode in round zRound and zOrg's statement. */
static Seen
seen(Fix *f, Store *s, const char *zNode, const char *zRound, const char *zOrg)
{
    Seen v;
    memset(&v, 0, sizeof v);
    Model m = MODEL_INIT;
    expect_ok(f, store_load_node(s, PLAN, zNode, &m, fresh(f)));
    assert_int_equal(m.nPlan, 1);
    const Plan *p = &m.aPlan[0];
    assert_int_equal(p->nNode, 1);
    const Round *r = plan_find_round(p, zRound);
    assert_non_null(r);
    v.eRound = r->eState;
    expect_ok(f,
              store_statement_threads(s, PLAN, &m.aPlan[0].aNode[0], fresh(f)));
    const Assessment *a = node_find_assessment(&p->aNode[0], zRound);
    assert_non_null(a);
    v.iVersion = a->iVersion;
    copy(v.zProgress, sizeof v.zProgress, a->zProgress);
    v.eRating = a->eRating;
    v.eState = a->eState;
    const Statement *st = zOrg ? assessment_find_statement(a, zOrg) : NULL;
    if (st) {
        v.bStmt = 1;
        v.iStmtVersion = st->iVersion;
        copy(v.zStmt, sizeof v.zStmt, st->zText);
        v.eStmtState = st->eState;
        copy(v.zStmtBy, sizeof v.zStmtBy, st->zUpdatedBy);
        v.nComment = st->nComment;
        v.nVer = st->nVer;
        copy(v.zComment, sizeof v.zComment,
             st->nComment ? st->aComment[st->nComment - 1].zText : "");
    }
    model_release(&m);
    return v;
}

static RoundState
round_state(Fix *f, Store *s, const char *zRound)
{
    Model m = MODEL_INIT;
    expect_ok(f, store_load_node(s, PLAN, "", &m, fresh(f)));
    const Round *r = plan_find_round(&m.aPlan[0], zRound);
    assert_non_null(r);
    RoundState e = r->eState;
    model_release(&m);
    return e;
}

/* ---- acting ------------------------------------------------------------ */

static int
say(Fix *f, Store *s, const Actor *who, const char *zNode, const char *zText,
    int iVersion, WorkflowAction e)
{
    StatementEdit se = { PLAN,     zNode, ROUND, zText, RATING_ON_TARGET,
                         iVersion, e };
    return workflow_save_statement(s, who, &se, fresh(f));
}

static int
review(Fix *f, Store *s, const Actor *who, const char *zNode,
       const char *zProgress, Rating eRating, int iVersion, WorkflowAction e,
       const char *zComment)
{
    ReviewEdit re = { PLAN,    zNode,    ROUND, zProgress,
                      eRating, iVersion, e,     zComment };
    return workflow_review(s, who, &re, fresh(f));
}

/* ---- statements -------------------------------------------------------- */

/* Two reporters of MOLVT open the empty statement form of 1.1 (version 0)
** and both submit: the second is refused and the first text is stored. */
static void
test_app_first_statement_race(void **state)
{
    Fix *f = *state;
    Seen formA = seen(f, f->a, "1.1", ROUND, "MOLVT");
    Seen formB = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_false(formA.bStmt);
    assert_int_equal(formA.iStmtVersion, 0);
    assert_int_equal(formB.iStmtVersion, 0);

    expect_ok(f, say(f, f->b, &molvt2, "1.1", "B: trained 120 officials",
                     formB.iStmtVersion, WF_SUBMIT));
    expect_refused(f,
                   say(f, f->a, &molvt1, "1.1", "A: trained 80 officials",
                       formA.iStmtVersion, WF_SUBMIT),
                   APPERR_CONFLICT, "changed by someone else");

    Seen now = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_true(now.bStmt);
    assert_string_equal(now.zStmt, "B: trained 120 officials");
    assert_string_equal(now.zStmtBy, "molvt2");
    assert_int_equal(now.eStmtState, STMT_SUBMITTED);
    assert_int_equal(now.iStmtVersion, 1);
    assert_int_equal(now.eState, ASSESS_SUBMITTED);

    /* The same with drafts: a second "first" draft is refused too. */
    Seen formC = seen(f, f->a, "1.1", ROUND, "ILO");
    expect_ok(f, say(f, f->b, &ilo, "1.1", "ILO draft one", 0, WF_SAVE));
    expect_refused(
        f,
        say(f, f->a, &ilo, "1.1", "ILO draft two", formC.iStmtVersion, WF_SAVE),
        APPERR_CONFLICT, NULL);
    assert_string_equal(seen(f, f->a, "1.1", ROUND, "ILO").zStmt,
                        "ILO draft one");
}

/* A reporter writes only on the activities its organisation is linked to,
** and only a reporter with an organisation writes statements. */
static void
test_app_statement_forbidden(void **state)
{
    Fix *f = *state;
    expect_refused(f, say(f, f->a, &ilo, "1.2", "not ours", 0, WF_SUBMIT),
                   APPERR_FORBIDDEN, "not linked");
    expect_refused(f, say(f, f->a, &molvt1, "1.2", "not ours", 0, WF_SAVE),
                   APPERR_FORBIDDEN, "not linked");
    expect_refused(f, say(f, f->a, &orgless, "1.1", "who am I", 0, WF_SAVE),
                   APPERR_FORBIDDEN, NULL);
    expect_refused(f, say(f, f->a, &viewer, "1.1", "viewer", 0, WF_SAVE),
                   APPERR_FORBIDDEN, NULL);
    expect_refused(f, say(f, f->a, &officer, "1.1", "officer", 0, WF_SAVE),
                   APPERR_FORBIDDEN, NULL);
    Seen v = seen(f, f->b, "1.2", ROUND, "ILO");
    assert_false(v.bStmt);
    assert_false(seen(f, f->b, "1.2", ROUND, "MOLVT").bStmt);
    assert_int_equal(v.eState, ASSESS_DRAFT);
    assert_false(seen(f, f->b, "1.1", ROUND, "MOLVT").bStmt);
}

/* ---- reviews ----------------------------------------------------------- */

/* The officer returns MOLVT's statement and reopens the review form; the
** reporter resubmits a better text; the officer's approve from the form
** built before the resubmission is refused.  Reloaded, the approve
** publishes the resubmitted statement with the officer's narrative. */
static void
test_app_resubmit_after_return(void **state)
{
    Fix *f = *state;
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "Some training", 0, WF_SUBMIT));
    Seen form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_ok(f, review(f, f->a, &officer, "1.1", "", RATING_NONE,
                        form.iVersion, WF_RETURN, "Please give numbers"));
    Seen returned = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_int_equal(returned.eStmtState, STMT_RETURNED);
    assert_string_equal(returned.zComment, "Please give numbers");
    assert_int_equal(returned.eState, ASSESS_RETURNED);

    /* The officer's page after the return: the form the approve comes from. */
    Seen v1 = seen(f, f->a, "1.1", ROUND, "MOLVT");
    /* The reporter answers with a better text. */
    expect_ok(f, say(f, f->b, &molvt1, "1.1",
                     "MOLVT trained 120 border officials in 2018",
                     returned.iStmtVersion, WF_SUBMIT));
    expect_refused(f,
                   review(f, f->a, &officer, "1.1",
                          "Officer: some training was given", RATING_ON_TARGET,
                          v1.iVersion, WF_APPROVE, ""),
                   APPERR_CONFLICT, "changed by someone else");
    Seen after = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(after.eState, ASSESS_SUBMITTED);
    /* Submitted again after a return: resubmitted, both texts kept. */
    assert_int_equal(after.eStmtState, STMT_RESUBMITTED);
    assert_int_equal(after.nVer, 2);
    assert_string_equal(after.zStmt,
                        "MOLVT trained 120 border officials in 2018");
    assert_int_equal(after.eRating, RATING_NONE);
    assert_string_equal(after.zProgress, "");

    /* Reloaded: the fresh version approves what the officer now sees. */
    assert_true(after.iVersion > v1.iVersion);
    expect_ok(f, review(f, f->a, &officer, "1.1",
                        "120 border officials trained (MOLVT)",
                        RATING_ON_TARGET, after.iVersion, WF_APPROVE, ""));
    Seen done = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_int_equal(done.eState, ASSESS_APPROVED);
    assert_int_equal(done.eRating, RATING_ON_TARGET);
    assert_string_equal(done.zProgress, "120 border officials trained (MOLVT)");
    assert_int_equal(done.eStmtState, STMT_ACCEPTED);
    assert_string_equal(done.zStmt,
                        "MOLVT trained 120 border officials in 2018");
    /* The officer's comment stays in the thread. */
    assert_string_equal(done.zComment, "Please give numbers");
    assert_int_equal(done.nComment, 1);
    /* An accepted statement no longer changes. */
    expect_refused(
        f,
        say(f, f->b, &molvt1, "1.1", "late edit", done.iStmtVersion, WF_SAVE),
        APPERR_CONFLICT, "accepted");
}

/* The activity is already waiting for review when a second submission
** arrives (a partner's statement, or MOLVT resubmitting its own): the
** officer's form from before it cannot approve, and an approve leaves a
** partner's draft alone. */
static void
test_app_second_submission(void **state)
{
    Fix *f = *state;
    expect_ok(f,
              say(f, f->b, &molvt1, "1.1", "MOLVT: first text", 0, WF_SUBMIT));
    Seen form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(form.eState, ASSESS_SUBMITTED);

    /* ILO submits while the officer reads. */
    expect_ok(
        f, say(f, f->b, &ilo, "1.1", "ILO: funded the training", 0, WF_SUBMIT));
    expect_refused(f,
                   review(f, f->a, &officer, "1.1", "MOLVT: first text",
                          RATING_ON_TARGET, form.iVersion, WF_APPROVE, ""),
                   APPERR_CONFLICT, "changed by someone else");
    Seen ilo1 = seen(f, f->a, "1.1", ROUND, "ILO");
    assert_int_equal(ilo1.eStmtState, STMT_SUBMITTED);
    assert_int_equal(ilo1.eState, ASSESS_SUBMITTED);
    assert_int_equal(ilo1.eRating, RATING_NONE);

    /* MOLVT resubmits a changed text while it is still submitted. */
    form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_ok(f, say(f, f->b, &molvt2, "1.1", "MOLVT: corrected text",
                     form.iStmtVersion, WF_SUBMIT));
    expect_refused(f,
                   review(f, f->a, &officer, "1.1", "MOLVT: first text",
                          RATING_ON_TARGET, form.iVersion, WF_APPROVE, ""),
                   APPERR_CONFLICT, "changed by someone else");
    Seen now = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(now.eState, ASSESS_SUBMITTED);
    assert_string_equal(now.zStmt, "MOLVT: corrected text");
    assert_int_equal(now.eStmtState, STMT_SUBMITTED);

    /* ILO takes its statement back to redraft it (before the officer opens
    ** the form); the approve covers MOLVT's only, and ILO may still write. */
    Seen ilo2 = seen(f, f->b, "1.1", ROUND, "ILO");
    expect_ok(f, say(f, f->b, &ilo, "1.1", "ILO: redrafting", ilo2.iStmtVersion,
                     WF_SAVE));
    form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_ok(f, review(f, f->a, &officer, "1.1", "Training given",
                        RATING_ON_TARGET, form.iVersion, WF_APPROVE, ""));
    assert_int_equal(seen(f, f->b, "1.1", ROUND, "MOLVT").eStmtState,
                     STMT_ACCEPTED);
    Seen ilo3 = seen(f, f->b, "1.1", ROUND, "ILO");
    assert_int_equal(ilo3.eStmtState, STMT_DRAFT);
    assert_string_equal(ilo3.zStmt, "ILO: redrafting");
    expect_ok(f, say(f, f->b, &ilo, "1.1", "ILO: final", ilo3.iStmtVersion,
                     WF_SUBMIT));
    /* Which puts the activity back in the officer's queue. */
    assert_int_equal(seen(f, f->b, "1.1", ROUND, "ILO").eState,
                     ASSESS_SUBMITTED);
}

static int
act(Fix *f, Store *s, const Actor *who, const char *zOrg, StmtAction e,
    const char *zComment, int iVersion)
{
    StmtReviewEdit re = { PLAN, "1.1", ROUND, zOrg, e, zComment, iVersion };
    return workflow_review_statement(s, who, &re, fresh(f));
}

/* Statements are reviewed one by one: returning MOLVT's leaves ILO's as
** it was; the thread keeps every comment with who and when; a form loaded
** with one connection before a resubmission through another cannot
** accept (nothing written); a resubmission is 'resubmitted'; a reporter
** replies on its own statement only and reads only its own; a narrative
** keeping replaced text is not approved. */
static void
test_app_statement_review(void **state)
{
    Fix *f = *state;
    expect_ok(
        f, say(f, f->b, &molvt1, "1.1", "MOLVT: some training", 0, WF_SUBMIT));
    expect_ok(f, say(f, f->b, &ilo, "1.1", "ILO: funded it", 0, WF_SUBMIT));
    Seen ilo0 = seen(f, f->a, "1.1", ROUND, "ILO");
    Seen m0 = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(m0.nVer, 1);

    expect_refused(
        f,
        act(f, f->a, &officer, "MOLVT", STMT_ACT_RETURN, "", m0.iStmtVersion),
        APPERR_INPUT, "needs a comment");
    expect_refused(
        f, act(f, f->a, &molvt1, "MOLVT", STMT_ACT_ACCEPT, "", m0.iStmtVersion),
        APPERR_FORBIDDEN, NULL);
    expect_ok(f, act(f, f->a, &officer, "MOLVT", STMT_ACT_RETURN,
                     "MOLVT: how many officials?", m0.iStmtVersion));
    Seen m1 = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_int_equal(m1.eStmtState, STMT_RETURNED);
    assert_int_equal(m1.nComment, 1);
    assert_string_equal(m1.zComment, "MOLVT: how many officials?");
    Seen ilo1 = seen(f, f->b, "1.1", ROUND, "ILO");
    assert_int_equal(ilo1.eStmtState, STMT_SUBMITTED);
    assert_int_equal(ilo1.iStmtVersion, ilo0.iStmtVersion);
    assert_string_equal(ilo1.zStmt, "ILO: funded it");
    assert_int_equal(ilo1.nComment, 0);

    /* The reporter replies; ILO's reporter may not comment on MOLVT's. */
    expect_ok(f, act(f, f->b, &molvt1, "MOLVT", STMT_ACT_COMMENT,
                     "120, figures follow", 0));
    expect_refused(f, act(f, f->b, &ilo, "MOLVT", STMT_ACT_COMMENT, "hi", 0),
                   APPERR_FORBIDDEN, NULL);

    /* A reads the statement; B resubmits; A's accept is a conflict. */
    Seen formA = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "MOLVT trained 120 officials",
                     formA.iStmtVersion, WF_SUBMIT));
    expect_refused(f,
                   act(f, f->a, &officer, "MOLVT", STMT_ACT_ACCEPT, "ok",
                       formA.iStmtVersion),
                   APPERR_CONFLICT, "changed since you opened");
    Seen m2 = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(m2.eStmtState, STMT_RESUBMITTED);
    assert_int_equal(m2.nComment, 2); /* nothing of the refused accept */
    assert_int_equal(m2.nVer, 2);

    /* Reloaded, the officer accepts what is there now. */
    expect_ok(f, act(f, f->a, &officer, "MOLVT", STMT_ACT_ACCEPT, "",
                     m2.iStmtVersion));
    Seen m3 = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_int_equal(m3.eStmtState, STMT_ACCEPTED);
    assert_string_equal(m3.zStmt, "MOLVT trained 120 officials");
    assert_int_equal(seen(f, f->b, "1.1", ROUND, "ILO").eStmtState,
                     STMT_SUBMITTED);

    /* What each reader gets: ILO only its own statement, without MOLVT's
    ** thread; the officer both with threads.  The narrative draft is the
    ** accepted text only. */
    Model m = MODEL_INIT;
    Node *n = NULL;
    expect_ok(f, workflow_activity_threads(f->a, &ilo, PLAN, "1.1", &m, &n,
                                           fresh(f)));
    assert_non_null(n);
    const Assessment *a = node_find_assessment(n, ROUND);
    assert_int_equal(a->nStmt, 1);
    assert_string_equal(a->aStmt[0].zOrg, "ILO");
    model_release(&m);
    m = (Model)MODEL_INIT;
    expect_ok(f, workflow_activity_threads(f->a, &officer, PLAN, "1.1", &m, &n,
                                           fresh(f)));
    a = node_find_assessment(n, ROUND);
    assert_int_equal(a->nStmt, 2);
    const Statement *st = assessment_find_statement(a, "MOLVT");
    assert_int_equal(st->nComment, 2);
    assert_string_equal(st->aComment[0].zAuthor, "officer");
    assert_int_equal(st->aComment[0].eRole, ROLE_ME_OFFICER);
    assert_string_equal(st->aComment[0].zAt, NOW);
    assert_int_equal(st->aComment[0].iStmtVersion, m0.iStmtVersion);
    assert_string_equal(st->aComment[1].zAuthor, "molvt1");
    assert_int_equal(st->nVer, 2);
    assert_string_equal(st->aVer[0].zText, "MOLVT: some training");
    assert_int_equal(st->aVer[1].eState, STMT_RESUBMITTED);
    Buf draft = BUF_INIT;
    workflow_narrative_draft(a, 0, &draft);
    /* The text names MOLVT first: no "MOLVT: " prefix before it. */
    assert_string_equal(buf_str(&draft), "MOLVT trained 120 officials");
    buf_release(&draft);
    model_release(&m);

    /* Approving a narrative that keeps MOLVT's replaced first text is
    ** refused, whoever calls (the web form, the API); the current text
    ** is approved. */
    Seen v = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_refused(f,
                   review(f, f->a, &officer, "1.1",
                          "Border officials: MOLVT: some training",
                          RATING_ON_TARGET, v.iVersion, WF_APPROVE, ""),
                   APPERR_CONFLICT, "has replaced since");
    expect_ok(f, review(f, f->a, &officer, "1.1",
                        "Border officials: MOLVT trained 120 officials",
                        RATING_ON_TARGET, v.iVersion, WF_APPROVE, ""));
}

/* A reporter who takes a submitted statement back (saves it as a draft
** with other text) after the officer opened the review form changes the
** assessment's version: the officer's approve from that form is a
** conflict and the activity stays as it was, never approved with text
** MOLVT withdrew. */
static void
test_app_withdrawn_statement(void **state)
{
    Fix *f = *state;
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "MOLVT: 120 officials trained", 0,
                     WF_SUBMIT));
    Seen form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    /* The form the officer reads, pre-filled with the submitted text. */
    assert_string_equal(form.zStmt, "MOLVT: 120 officials trained");
    assert_int_equal(form.eStmtState, STMT_SUBMITTED);

    /* MOLVT finds its figure wrong and takes the statement back. */
    expect_ok(f, say(f, f->b, &molvt1, "1.1",
                     "MOLVT: checking the figure, only 12 so far",
                     form.iStmtVersion, WF_SAVE));
    int rc = review(f, f->a, &officer, "1.1", "MOLVT: 120 officials trained",
                    RATING_ON_TARGET, form.iVersion, WF_APPROVE, "");
    AppErr got = f->err;
    Seen now = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_int_equal(now.eStmtState, STMT_DRAFT);
    assert_string_equal(now.zStmt,
                        "MOLVT: checking the figure, only 12 so far");
    /* What a user notices: the withdrawn figure published as approved. */
    if (rc == 0) {
        print_error("approved '%s' (state %s) although MOLVT took its "
                    "statement back after the form was opened\n",
                    now.zProgress, assess_state_name(now.eState));
    }
    f->err = got;
    expect_refused(f, rc, APPERR_CONFLICT, "changed by someone else");
    assert_int_not_equal(now.eState, ASSESS_APPROVED);
    assert_string_equal(now.zProgress, "");
}

/* Two officers on the same form version: one saves, the other approves;
** the later is refused whichever it is, and the earlier stays. */
static void
test_app_review_save_then_approve(void **state)
{
    Fix *f = *state;
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "Training given", 0, WF_SUBMIT));
    Seen formA = seen(f, f->a, "1.1", ROUND, "MOLVT");
    Seen formB = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_int_equal(formA.iVersion, formB.iVersion);

    expect_ok(f, review(f, f->b, &officer2, "1.1", "B: still progressing",
                        RATING_PROGRESSING, formB.iVersion, WF_SAVE, ""));
    expect_refused(f,
                   review(f, f->a, &officer, "1.1", "A: done", RATING_ON_TARGET,
                          formA.iVersion, WF_APPROVE, ""),
                   APPERR_CONFLICT, "changed by someone else");
    Seen now = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_string_equal(now.zProgress, "B: still progressing");
    assert_int_equal(now.eRating, RATING_PROGRESSING);
    assert_int_equal(now.eState, ASSESS_SUBMITTED);
    assert_int_equal(now.eStmtState, STMT_SUBMITTED);
}

static void
test_app_review_approve_then_save(void **state)
{
    Fix *f = *state;
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "Training given", 0, WF_SUBMIT));
    Seen formA = seen(f, f->a, "1.1", ROUND, "MOLVT");
    Seen formB = seen(f, f->b, "1.1", ROUND, "MOLVT");

    expect_ok(f, review(f, f->b, &officer2, "1.1", "B: done", RATING_ON_TARGET,
                        formB.iVersion, WF_APPROVE, ""));
    expect_refused(f,
                   review(f, f->a, &officer, "1.1", "A: my edit",
                          RATING_NOT_ON_TARGET, formA.iVersion, WF_SAVE, ""),
                   APPERR_CONFLICT, NULL);
    /* Nor can A return what B approved. */
    expect_refused(f,
                   review(f, f->a, &officer, "1.1", "A: my edit",
                          RATING_NOT_ON_TARGET, formA.iVersion, WF_RETURN,
                          "redo"),
                   APPERR_CONFLICT, NULL);
    Seen now = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_string_equal(now.zProgress, "B: done");
    assert_int_equal(now.eRating, RATING_ON_TARGET);
    assert_int_equal(now.eState, ASSESS_APPROVED);
    assert_int_equal(now.eStmtState, STMT_ACCEPTED);
}

/* The round is published (by B) while A has a review form of it open: A's
** save is refused and the published assessment does not change. */
static void
test_app_review_published_round(void **state)
{
    Fix *f = *state;
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "Training given", 0, WF_SUBMIT));
    Seen v = seen(f, f->b, "1.1", ROUND, "MOLVT");
    expect_ok(f, review(f, f->b, &officer2, "1.1", "Published narrative",
                        RATING_ON_TARGET, v.iVersion, WF_APPROVE, ""));
    Seen form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(form.eRound, ROUND_OPEN);

    expect_ok(f, workflow_set_round_state(f->b, &officer2, PLAN, ROUND,
                                          ROUND_CLOSED, fresh(f)));
    expect_ok(f, workflow_set_round_state(f->b, &officer2, PLAN, ROUND,
                                          ROUND_PUBLISHED, fresh(f)));
    expect_refused(f,
                   review(f, f->a, &officer, "1.1", "A: rewritten",
                          RATING_NOT_ON_TARGET, form.iVersion, WF_SAVE, ""),
                   APPERR_CONFLICT, "published");
    expect_refused(f, say(f, f->a, &ilo, "1.1", "late", 0, WF_SUBMIT),
                   APPERR_CONFLICT, NULL);
    Seen now = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(now.eRound, ROUND_PUBLISHED);
    assert_int_equal(now.iVersion, form.iVersion);
    assert_string_equal(now.zProgress, "Published narrative");
    assert_int_equal(now.eRating, RATING_ON_TARGET);
    assert_int_equal(now.eState, ASSESS_APPROVED);
    assert_false(seen(f, f->a, "1.1", ROUND, "ILO").bStmt);
}

/* Only M&E officers and admins review. */
static void
test_app_review_forbidden(void **state)
{
    Fix *f = *state;
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "Training given", 0, WF_SUBMIT));
    Seen v = seen(f, f->a, "1.1", ROUND, "MOLVT");
    const Actor *aWho[] = { &viewer, &cwMolvt, &molvt1 };
    for (size_t i = 0; i < sizeof aWho / sizeof aWho[0]; i++) {
        expect_refused(f,
                       review(f, f->a, aWho[i], "1.1", "self-approved",
                              RATING_ON_TARGET, v.iVersion, WF_APPROVE, ""),
                       APPERR_FORBIDDEN, NULL);
        expect_refused(f,
                       review(f, f->a, aWho[i], "1.1", "edited",
                              RATING_ON_TARGET, v.iVersion, WF_SAVE, ""),
                       APPERR_FORBIDDEN, NULL);
    }
    Seen now = seen(f, f->a, "1.1", ROUND, "MOLVT");
    assert_int_equal(now.iVersion, v.iVersion);
    assert_int_equal(now.eState, ASSESS_SUBMITTED);
    assert_int_equal(now.eStmtState, STMT_SUBMITTED);
    assert_string_equal(now.zProgress, "");
    /* An admin may. */
    expect_ok(f, review(f, f->a, &admin, "1.1", "by the admin",
                        RATING_PROGRESSING, v.iVersion, WF_APPROVE, ""));
}

/* ---- rounds ------------------------------------------------------------ */

static void
test_app_round_moves(void **state)
{
    Fix *f = *state;
    /* Illegal moves are refused and change nothing. */
    expect_refused(f,
                   workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                            ROUND_PUBLISHED, fresh(f)),
                   APPERR_CONFLICT, "cannot go from open to published");
    assert_int_equal(round_state(f, f->b, ROUND), ROUND_OPEN);
    expect_refused(f,
                   workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                            ROUND_DRAFT, fresh(f)),
                   APPERR_CONFLICT, NULL);
    expect_refused(f,
                   workflow_set_round_state(f->a, &officer, PLAN, "2019",
                                            ROUND_PUBLISHED, fresh(f)),
                   APPERR_CONFLICT, NULL);
    expect_refused(f,
                   workflow_set_round_state(f->a, &officer, PLAN, "2019",
                                            ROUND_CLOSED, fresh(f)),
                   APPERR_CONFLICT, NULL);
    assert_int_equal(round_state(f, f->b, "2019"), ROUND_DRAFT);
    /* Only editors move rounds. */
    expect_refused(f,
                   workflow_set_round_state(f->a, &molvt1, PLAN, ROUND,
                                            ROUND_CLOSED, fresh(f)),
                   APPERR_FORBIDDEN, NULL);
    expect_refused(f,
                   workflow_set_round_state(f->a, &viewer, PLAN, ROUND,
                                            ROUND_CLOSED, fresh(f)),
                   APPERR_FORBIDDEN, NULL);
    assert_int_equal(round_state(f, f->b, ROUND), ROUND_OPEN);
    expect_refused(f,
                   workflow_set_round_state(f->a, &officer, PLAN, "2099",
                                            ROUND_CLOSED, fresh(f)),
                   APPERR_NOTFOUND, NULL);

    /* Legal ones pass: close, reopen, close, publish. */
    expect_ok(f, workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                          ROUND_CLOSED, fresh(f)));
    assert_int_equal(round_state(f, f->b, ROUND), ROUND_CLOSED);
    expect_ok(f, workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                          ROUND_OPEN, fresh(f)));
    assert_int_equal(round_state(f, f->b, ROUND), ROUND_OPEN);
    /* A draft round opens through workflow_open_round, which gives every
    ** activity an assessment to report on. */
    expect_ok(f, workflow_open_round(f->a, &officer, PLAN, "2019", NULL, NULL,
                                     NULL, 0, fresh(f)));
    assert_int_equal(round_state(f, f->b, "2019"), ROUND_OPEN);
    Seen v2019 = seen(f, f->b, "1.2", "2019", NULL);
    assert_int_equal(v2019.eState, ASSESS_DRAFT);

    /* A sees the round closed; B publishes it; A's reopen is refused. */
    expect_ok(f, workflow_set_round_state(f->b, &officer2, PLAN, ROUND,
                                          ROUND_CLOSED, fresh(f)));
    assert_int_equal(round_state(f, f->a, ROUND), ROUND_CLOSED);
    expect_ok(f, workflow_set_round_state(f->b, &officer2, PLAN, ROUND,
                                          ROUND_PUBLISHED, fresh(f)));
    expect_refused(f,
                   workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                            ROUND_OPEN, fresh(f)),
                   APPERR_CONFLICT, "published");
    /* Nothing leaves published. */
    const RoundState aTo[] = { ROUND_DRAFT, ROUND_OPEN, ROUND_CLOSED,
                               ROUND_PUBLISHED };
    for (size_t i = 0; i < sizeof aTo / sizeof aTo[0]; i++) {
        expect_refused(f,
                       workflow_set_round_state(f->a, &admin, PLAN, ROUND,
                                                aTo[i], fresh(f)),
                       APPERR_CONFLICT, "published");
    }
    expect_refused(f,
                   workflow_open_round(f->a, &admin, PLAN, ROUND, NULL, NULL,
                                       NULL, 0, fresh(f)),
                   APPERR_CONFLICT, "published");
    assert_int_equal(round_state(f, f->b, ROUND), ROUND_PUBLISHED);

    /* Two officers create the same new round: the second is refused. */
    expect_ok(f, workflow_open_round(f->b, &officer2, PLAN, "2020", "B's title",
                                     NULL, NULL, 1, fresh(f)));
    expect_refused(f,
                   workflow_open_round(f->a, &officer, PLAN, "2020",
                                       "A's title", NULL, NULL, 1, fresh(f)),
                   APPERR_CONFLICT, "exists already");
    Model m = MODEL_INIT;
    expect_ok(f, store_load_node(f->a, PLAN, "", &m, fresh(f)));
    assert_string_equal(plan_find_round(&m.aPlan[0], "2020")->zTitle,
                        "B's title");
    model_release(&m);
}

/* ---- cases ------------------------------------------------------------- */

/* Fill c with a new case of copies (free with case_release()). */
static void
case_fill(Case *c, const char *zCaseNo, const char *zOrg)
{
    memset(c, 0, sizeof *c);
    c->zCaseNo = xstrdup(zCaseNo);
    memcpy(c->zLodged, "2018-01-15", 11);
    c->eChannel = CHANNEL_MRC;
    c->zAssistingOrg = xstrdup(zOrg);
    c->eSex = SEX_FEMALE;
    c->eLegal = LEGAL_REGULAR;
    c->zDestination = xstrdup("Thailand");
    c->types = 1u << TYPE_UNPAID_WAGES;
    c->eStage = STAGE_LODGED;
    c->zOutcome = xstrdup("");
    c->eSatisfied = SATISFIED_UNKNOWN;
    memcpy(c->zCurrency, "USD", 4);
    c->requested = 120000;
}

/* The case as stored: f owned by the caller (case_file_release). */
static void
case_read(Fix *f, Store *s, const char *zCaseNo, CaseFile *cf)
{
    /* The tests' numbers: C-0 has no assisting organisation, the others
    ** are MOLVT's. */
    const char *zOrg = strcmp(zCaseNo, "C-0") == 0 ? "" : "MOLVT";
    expect_ok(f, store_case_get(s, zOrg, zCaseNo, cf, NULL, fresh(f)));
}

static void
test_app_case_stale_version(void **state)
{
    Fix *f = *state;
    Case c;
    case_fill(&c, "C-1", "MOLVT");
    expect_ok(f, casework_create(f->b, &cwMolvt, &c, NULL, fresh(f)));
    /* The same number entered by a colleague is refused, not merged. */
    Case c2;
    case_fill(&c2, "C-1", "MOLVT");
    free(c2.zDestination);
    c2.zDestination = xstrdup("Malaysia");
    c2.requested = 1;
    expect_refused(f, casework_create(f->a, &cwMolvt2, &c2, NULL, fresh(f)),
                   APPERR_CONFLICT, "exists already");
    CaseFile formA, formB;
    case_read(f, f->a, "C-1", &formA);
    case_read(f, f->b, "C-1", &formB);
    assert_int_equal(formA.iVersion, formB.iVersion);

    expect_ok(f, casework_stage(f->b, &cwMolvt2, NULL, "C-1",
                                STAGE_CONCILIATION, "2018-02-01",
                                "first meeting", formB.iVersion, fresh(f)));
    expect_refused(f,
                   casework_stage(f->a, &cwMolvt, NULL, "C-1", STAGE_RESOLVED,
                                  "2018-03-01", "settled", formA.iVersion,
                                  fresh(f)),
                   APPERR_CONFLICT, "changed by someone else");
    expect_refused(f,
                   casework_details(f->a, &cwMolvt, NULL, "C-1", SATISFIED_YES,
                                    "paid in full", 120000, 100000,
                                    formA.iVersion, fresh(f)),
                   APPERR_CONFLICT, NULL);
    CaseFile now;
    case_read(f, f->a, "C-1", &now);
    assert_int_equal(now.c.eStage, STAGE_CONCILIATION);
    assert_string_equal(now.c.zResolved, "");
    assert_int_equal(now.nEvent, 2);
    assert_int_equal(now.aEvent[1].eStage, STAGE_CONCILIATION);
    assert_string_equal(now.aEvent[1].zNote, "first meeting");
    assert_int_equal(now.c.eSatisfied, SATISFIED_UNKNOWN);
    assert_string_equal(now.c.zOutcome, "");
    assert_int_equal(now.c.ordered, 0);
    assert_string_equal(now.c.zDestination, "TH"); /* stored by code */
    assert_int_equal(now.c.requested, 120000);
    assert_true(now.iVersion > formA.iVersion);
    /* With the fresh version A's stage goes through. */
    expect_ok(f,
              casework_stage(f->a, &cwMolvt, NULL, "C-1", STAGE_RESOLVED,
                             "2018-03-01", "settled", now.iVersion, fresh(f)));
    CaseFile last;
    case_read(f, f->b, "C-1", &last);
    assert_int_equal(last.c.eStage, STAGE_RESOLVED);
    assert_string_equal(last.c.zResolved, "2018-03-01");
    assert_int_equal(last.nEvent, 3);
    case_file_release(&formA);
    case_file_release(&formB);
    case_file_release(&now);
    case_file_release(&last);
    case_release(&c);
    case_release(&c2);
}

/* A case officer works only on its organisation's cases: another
** organisation's case is "no case"; an officer without an organisation
** has no case, not even one without an assisting organisation. */
static void
test_app_case_scope(void **state)
{
    Fix *f = *state;
    Case c;
    case_fill(&c, "C-M", "MOLVT");
    expect_ok(f, casework_create(f->a, &admin, &c, NULL, fresh(f)));
    case_release(&c);
    case_fill(&c, "C-0", NULL);
    expect_ok(f, casework_create(f->a, &admin, &c, NULL, fresh(f)));
    CaseFile m0, n0;
    case_read(f, f->a, "C-M", &m0);
    case_read(f, f->a, "C-0", &n0);

    expect_refused(f,
                   casework_stage(f->a, &cwIlo, NULL, "C-M", STAGE_RESOLVED,
                                  "2018-02-01", "", m0.iVersion, fresh(f)),
                   APPERR_NOTFOUND, NULL);
    expect_refused(f,
                   casework_payment(f->a, &cwIlo, NULL, "C-M", "2018-02-01",
                                    5000, fresh(f)),
                   APPERR_NOTFOUND, NULL);
    expect_refused(f,
                   casework_details(f->a, &cwIlo, NULL, "C-M", SATISFIED_YES,
                                    "mine now", 1, 1, m0.iVersion, fresh(f)),
                   APPERR_NOTFOUND, NULL);
    const Actor *aNone[] = { &cwNone, &cwEmpty };
    for (size_t i = 0; i < 2; i++) {
        expect_refused(f,
                       casework_stage(f->a, aNone[i], NULL, "C-0",
                                      STAGE_RESOLVED, "2018-02-01", "",
                                      n0.iVersion, fresh(f)),
                       APPERR_NOTFOUND, NULL);
        expect_refused(f,
                       casework_payment(f->a, aNone[i], NULL, "C-0",
                                        "2018-02-01", 5000, fresh(f)),
                       APPERR_NOTFOUND, NULL);
        expect_refused(f,
                       casework_details(f->a, aNone[i], NULL, "C-0",
                                        SATISFIED_YES, "x", 1, 1, n0.iVersion,
                                        fresh(f)),
                       APPERR_NOTFOUND, NULL);
        case_release(&c);
        case_fill(&c, "C-new", NULL);
        expect_refused(f, casework_create(f->a, aNone[i], &c, NULL, fresh(f)),
                       APPERR_FORBIDDEN, NULL);
    }
    /* Nor do other roles touch cases. */
    expect_refused(f,
                   casework_stage(f->a, &officer, NULL, "C-0", STAGE_RESOLVED,
                                  "2018-02-01", "", n0.iVersion, fresh(f)),
                   APPERR_NOTFOUND, NULL);
    case_release(&c);
    case_fill(&c, "C-new", "MOLVT");
    expect_refused(f, casework_create(f->a, &molvt1, &c, NULL, fresh(f)),
                   APPERR_FORBIDDEN, NULL);

    CaseFile m1, n1;
    case_read(f, f->b, "C-M", &m1);
    case_read(f, f->b, "C-0", &n1);
    assert_int_equal(m1.iVersion, m0.iVersion);
    assert_int_equal(m1.c.eStage, STAGE_LODGED);
    assert_int_equal(m1.c.paid, 0);
    assert_int_equal(m1.nPayment, 0);
    assert_string_equal(m1.c.zOutcome, "");
    assert_int_equal(n1.iVersion, n0.iVersion);
    assert_int_equal(n1.c.eStage, STAGE_LODGED);
    assert_int_equal(n1.nEvent, 1);
    assert_int_equal(n1.c.paid, 0);
    AppErr *e = fresh(f);
    CaseFile none;
    assert_int_not_equal(store_case_get(f->b, "MOLVT", "C-new", &none, NULL, e),
                         0);
    assert_int_equal(e->code, APPERR_NOTFOUND);
    /* The case officer of MOLVT may. */
    expect_ok(f, casework_payment(f->a, &cwMolvt, NULL, "C-M", "2018-02-01",
                                  5000, fresh(f)));
    case_file_release(&m0);
    case_file_release(&n0);
    case_file_release(&m1);
    case_file_release(&n1);
    case_release(&c);
}

/* Each organisation numbers its own cases: two officers of two
** organisations both open "2018/001", each works on its own only, a
** number of another's is "no case" as for one nobody has; an admin names
** the case by organisation where the number alone does not say whose. */
static void
test_app_case_per_org(void **state)
{
    Fix *f = *state;
    Case c;
    case_fill(&c, "2018/001", NULL);
    expect_ok(f, casework_create(f->a, &cwMolvt, &c, NULL, fresh(f)));
    expect_ok(f, casework_create(f->b, &cwIlo, &c, NULL, fresh(f)));
    /* Again in one's own organisation: refused. */
    expect_refused(f, casework_create(f->a, &cwMolvt2, &c, NULL, fresh(f)),
                   APPERR_CONFLICT, "exists already");
    CaseFile mine, other;
    char **azOrg = NULL;
    size_t nOrg = 0;
    expect_ok(f, casework_get(f->a, &cwIlo, NULL, "2018/001", &mine, NULL, NULL,
                              NULL, fresh(f)));
    assert_string_equal(mine.c.zAssistingOrg, "ILO");
    expect_ok(f,
              casework_stage(f->a, &cwIlo, NULL, "2018/001", STAGE_CONCILIATION,
                             "2018-02-01", "", mine.iVersion, fresh(f)));
    /* MOLVT's case of that number did not move. */
    expect_ok(f, casework_get(f->b, &cwMolvt, NULL, "2018/001", &other, NULL,
                              NULL, NULL, fresh(f)));
    assert_string_equal(other.c.zAssistingOrg, "MOLVT");
    assert_int_equal(other.c.eStage, STAGE_LODGED);
    assert_int_equal(other.nEvent, 1);
    case_file_release(&other);
    /* Another organisation's case, named: the same "no case" as a number
    ** nobody has. */
    expect_refused(f,
                   casework_get(f->a, &cwIlo, "MOLVT", "2018/001", &other, NULL,
                                NULL, NULL, fresh(f)),
                   APPERR_NOTFOUND, "no case 2018/001");
    expect_refused(f,
                   casework_get(f->a, &cwIlo, NULL, "2018/999", &other, NULL,
                                NULL, NULL, fresh(f)),
                   APPERR_NOTFOUND, "no case 2018/999");
    expect_refused(f,
                   casework_payment(f->a, &cwIlo, "MOLVT", "2018/001",
                                    "2018-03-01", 100, fresh(f)),
                   APPERR_NOTFOUND, NULL);
    /* The admin: the number alone is two cases; named, one each. */
    expect_refused(f,
                   casework_get(f->a, &admin, NULL, "2018/001", &other, NULL,
                                &azOrg, &nOrg, fresh(f)),
                   APPERR_CONFLICT, "several organisations");
    assert_int_equal(nOrg, 2);
    assert_string_equal(azOrg[0], "ILO");
    assert_string_equal(azOrg[1], "MOLVT");
    for (size_t i = 0; i < nOrg; i++) {
        free(azOrg[i]);
    }
    free(azOrg);
    expect_ok(f, casework_get(f->a, &admin, "MOLVT", "2018/001", &other, NULL,
                              NULL, NULL, fresh(f)));
    assert_int_equal(other.c.eStage, STAGE_LODGED);
    case_file_release(&other);
    expect_ok(f, casework_get(f->a, &admin, "ILO", "2018/001", &other, NULL,
                              NULL, NULL, fresh(f)));
    assert_int_equal(other.c.eStage, STAGE_CONCILIATION);
    case_file_release(&other);
    expect_refused(f,
                   casework_get(f->a, &admin, CASE_ORG_NONE, "2018/001", &other,
                                NULL, NULL, NULL, fresh(f)),
                   APPERR_NOTFOUND, NULL);
    /* A number only one organisation has needs no organisation. */
    case_release(&c);
    case_fill(&c, "2018/002", NULL);
    expect_ok(f, casework_create(f->a, &cwIlo, &c, NULL, fresh(f)));
    expect_ok(f, casework_get(f->a, &admin, NULL, "2018/002", &other, NULL,
                              NULL, NULL, fresh(f)));
    assert_string_equal(other.c.zAssistingOrg, "ILO");
    case_file_release(&other);
    case_file_release(&mine);
    case_release(&c);
}

/* ---- accounts ---------------------------------------------------------- */

static User
user_read(Fix *f, Store *s, const char *zName)
{
    User u;
    expect_ok(f, store_user_get(s, zName, &u, fresh(f)));
    return u;
}

static void
test_app_admin(void **state)
{
    Fix *f = *state;
    expect_ok(f, admin_user_add(f->a, &admin, "admin", ROLE_ADMIN, NULL,
                                "hash-admin", fresh(f)));
    expect_ok(f, admin_user_add(f->a, &admin, "molvt1", ROLE_REPORTER, "MOLVT",
                                "hash-1", fresh(f)));

    /* Nobody disables their own account. */
    int rc = admin_user_set_disabled(f->a, &admin, "admin", 1, fresh(f));
    assert_int_not_equal(rc, 0);
    assert_int_not_equal(f->err.code, APPERR_OK);
    assert_non_null(strstr(f->err.zMsg, "own account"));
    User u = user_read(f, f->b, "admin");
    assert_false(u.bDisabled);
    user_release(&u);

    /* Nobody but an admin manages accounts or organisations. */
    const Actor *aWho[] = { &officer, &molvt1, &viewer, &cwMolvt };
    for (size_t i = 0; i < sizeof aWho / sizeof aWho[0]; i++) {
        expect_refused(f,
                       admin_user_add(f->a, aWho[i], "intruder", ROLE_ADMIN,
                                      NULL, "hash-x", fresh(f)),
                       APPERR_FORBIDDEN, NULL);
        expect_refused(
            f,
            admin_user_set_password(f->a, aWho[i], "admin", "hash-x", fresh(f)),
            APPERR_FORBIDDEN, NULL);
        expect_refused(
            f, admin_user_set_disabled(f->a, aWho[i], "admin", 1, fresh(f)),
            APPERR_FORBIDDEN, NULL);
        expect_refused(f,
                       admin_org_save(f->a, aWho[i], "IOM", "IOM", NULL,
                                      ORG_OTHER, NULL, fresh(f)),
                       APPERR_FORBIDDEN, NULL);
    }
    AppErr *e = fresh(f);
    assert_int_not_equal(store_user_get(f->b, "intruder", &u, e), 0);
    assert_int_equal(e->code, APPERR_NOTFOUND);
    u = user_read(f, f->b, "admin");
    assert_false(u.bDisabled);
    assert_string_equal(u.zHash, "hash-admin");
    user_release(&u);
    Model m = MODEL_INIT;
    expect_ok(f, store_load_node(f->b, PLAN, "", &m, fresh(f)));
    assert_null(model_find_org(&m, "IOM"));
    model_release(&m);

    /* Two admins add the same name: the second is refused. */
    expect_ok(f, admin_user_add(f->b, &admin, "newcomer", ROLE_VIEWER, NULL,
                                "hash-b", fresh(f)));
    expect_refused(f,
                   admin_user_add(f->a, &admin, "newcomer", ROLE_ADMIN, NULL,
                                  "hash-a", fresh(f)),
                   APPERR_CONFLICT, "exists already");
    u = user_read(f, f->a, "newcomer");
    assert_int_equal(u.eRole, ROLE_VIEWER);
    assert_string_equal(u.zHash, "hash-b");
    user_release(&u);

    /* B disables molvt1 while A resets its password: both stick (A reads
    ** the account inside its transaction, so it does not re-enable it). */
    User before = user_read(f, f->a, "molvt1");
    expect_ok(f, admin_user_set_disabled(f->b, &admin, "molvt1", 1, fresh(f)));
    expect_ok(
        f, admin_user_set_password(f->a, &admin, "molvt1", "hash-2", fresh(f)));
    u = user_read(f, f->b, "molvt1");
    assert_true(u.bDisabled);
    assert_string_equal(u.zHash, "hash-2");
    assert_string_equal(u.zOrg, "MOLVT");
    assert_false(before.bDisabled);
    user_release(&u);
    user_release(&before);

    /* B renames PDOLVT; A changes only its kind (name "" keeps the name
    ** as stored then): B's name and the organisation's aliases stay. */
    Model dir = MODEL_INIT;
    add_org(&dir, "PDOLVT", "Provincial Departments of Labour");
    strv_push(&dir.aOrg[0].azAlias, &dir.aOrg[0].nAlias, "PDoLVT");
    expect_ok(f, store_begin(f->b, fresh(f)));
    expect_ok(f, store_org_put(f->b, &dir.aOrg[0], fresh(f)));
    expect_ok(f, store_commit(f->b, fresh(f)));
    model_release(&dir);
    expect_ok(f, admin_org_save(f->b, &admin, "PDOLVT",
                                "Provincial Departments of Labour and "
                                "Vocational Training",
                                NULL, ORG_GOVERNMENT, NULL, fresh(f)));
    expect_ok(f, admin_org_save(f->a, &admin, "PDOLVT", "", NULL, ORG_OTHER,
                                NULL, fresh(f)));
    expect_ok(f, store_load_node(f->b, PLAN, "", &m, fresh(f)));
    const Org *o = model_find_org(&m, "PDOLVT");
    assert_non_null(o);
    assert_string_equal(o->zName, "Provincial Departments of Labour and "
                                  "Vocational Training");
    assert_int_equal(o->eKind, ORG_OTHER);
    assert_int_equal(o->nAlias, 1);
    assert_string_equal(o->azAlias[0], "PDoLVT");
    model_release(&m);

    /* No cycle of parents: PDOLVT is part of MOLVT, so MOLVT cannot become
    ** part of PDOLVT, nor anything part of itself; nothing is written. */
    expect_ok(f, admin_org_save(f->a, &admin, "MOLVT", "Ministry of Labour",
                                NULL, ORG_GOVERNMENT, NULL, fresh(f)));
    expect_ok(f, admin_org_save(f->a, &admin, "PDOLVT", "", NULL,
                                ORG_GOVERNMENT, "MOLVT", fresh(f)));
    expect_refused(f,
                   admin_org_save(f->a, &admin, "MOLVT", "", NULL,
                                  ORG_GOVERNMENT, "PDOLVT", fresh(f)),
                   APPERR_INPUT, "cycle of parents (MOLVT");
    expect_refused(f,
                   admin_org_save(f->a, &admin, "MOLVT", "", NULL,
                                  ORG_GOVERNMENT, "MOLVT", fresh(f)),
                   APPERR_INPUT, "cycle of parents");
    expect_ok(f, store_load_node(f->b, PLAN, "", &m, fresh(f)));
    assert_null(model_find_org(&m, "MOLVT")->zParent);
    model_release(&m);
}

/* Open a session for account zUser with token hash zHash. */
static void
session_open(Fix *f, const char *zUser, const char *zHash)
{
    User u = user_read(f, f->a, zUser);
    Session ses;
    memset(&ses, 0, sizeof ses);
    ses.zTokenHash = xstrdup(zHash);
    ses.userId = u.id;
    ses.zCsrf = xstrdup("csrf");
    ses.created = 1;
    ses.lastSeen = 1;
    expect_ok(f, store_session_put(f->a, &ses, fresh(f)));
    session_release(&ses);
    user_release(&u);
}

/* Does the session with token hash zHash still exist (read with B)? */
static int
session_alive(Fix *f, const char *zHash)
{
    Session ses;
    AppErr *e = fresh(f);
    int rc = store_session_get(f->b, zHash, &ses, e);
    if (rc == 0) {
        session_release(&ses);
        return 1;
    }
    assert_int_equal(e->code, APPERR_NOTFOUND);
    return 0;
}

/* A new password or a disabled account logs the account out everywhere
** (someone who had the old password keeps no session); other accounts
** stay logged in, and enabling an account again opens nothing. */
static void
test_app_admin_sessions(void **state)
{
    Fix *f = *state;
    expect_ok(f, admin_user_add(f->a, &admin, "molvt1", ROLE_REPORTER, "MOLVT",
                                "hash-1", fresh(f)));
    expect_ok(f, admin_user_add(f->a, &admin, "ilo", ROLE_REPORTER, "ILO",
                                "hash-i", fresh(f)));
    session_open(f, "molvt1", "s-molvt1-laptop");
    session_open(f, "molvt1", "s-molvt1-phone");
    session_open(f, "ilo", "s-ilo");
    expect_ok(
        f, admin_user_set_password(f->a, &admin, "molvt1", "hash-2", fresh(f)));
    assert_false(session_alive(f, "s-molvt1-laptop"));
    assert_false(session_alive(f, "s-molvt1-phone"));
    assert_true(session_alive(f, "s-ilo"));

    session_open(f, "molvt1", "s-molvt1-again");
    expect_ok(f, admin_user_set_disabled(f->a, &admin, "molvt1", 1, fresh(f)));
    assert_false(session_alive(f, "s-molvt1-again"));
    assert_true(session_alive(f, "s-ilo"));
    expect_ok(f, admin_user_set_disabled(f->a, &admin, "molvt1", 0, fresh(f)));
    assert_true(session_alive(f, "s-ilo"));

    /* A refused change ends nothing. */
    expect_refused(
        f, admin_user_set_password(f->a, &viewer, "ilo", "hash-x", fresh(f)),
        APPERR_FORBIDDEN, NULL);
    assert_true(session_alive(f, "s-ilo"));
}

/* ---- a busy database --------------------------------------------------- */

static int
has_word(const char *z, const char *zWord)
{
    size_t n = strlen(zWord);
    for (; *z; z++) {
        size_t i = 0;
        while (i < n && z[i] &&
               tolower((unsigned char)z[i]) ==
                   tolower((unsigned char)zWord[i])) {
            i++;
        }
        if (i == n) {
            return 1;
        }
    }
    return 0;
}

/* The message a user sees for a busy database: try again, no engine text;
** the engine's text is in the detail for the log. */
static void
expect_busy(Fix *f, int rc)
{
    expect_refused(f, rc, APPERR_BUSY, NULL);
    if (!has_word(f->err.zMsg, "try again")) {
        print_error("busy message '%s' does not say to try again\n",
                    f->err.zMsg);
        fail();
    }
    static const char *const azEngine[] = {
        "sqlite",     "locked",       "database is locked",
        "postgresql", "lock timeout", "canceling statement"
    };
    for (size_t i = 0; i < sizeof azEngine / sizeof azEngine[0]; i++) {
        if (has_word(f->err.zMsg, azEngine[i])) {
            print_error("busy message '%s' shows engine text '%s'\n",
                        f->err.zMsg, azEngine[i]);
            fail();
        }
    }
    assert_true(f->err.zDetail[0] != '\0');
}

/* B holds the write lock (an import, say) longer than A's busy timeout:
** every use case on A answers busy and writes nothing; once B is done,
** A's retry goes through. */
static void
test_app_busy(void **state)
{
    Fix *f = *state;
    Case c;
    case_fill(&c, "C-1", "MOLVT");
    expect_ok(f, casework_create(f->a, &admin, &c, NULL, fresh(f)));
    Seen form = seen(f, f->a, "1.1", ROUND, "MOLVT");

    store_set_busy_ms(f->a, 100);
    expect_ok(f, store_begin(f->b, fresh(f)));
    expect_busy(f, say(f, f->a, &molvt1, "1.1", "while busy", form.iStmtVersion,
                       WF_SUBMIT));
    /* Every other use case answers the same way. */
    expect_busy(f, review(f, f->a, &officer, "1.1", "x", RATING_ON_TARGET,
                          form.iVersion, WF_SAVE, ""));
    expect_busy(f, workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                            ROUND_CLOSED, fresh(f)));
    expect_busy(f, workflow_open_round(f->a, &officer, PLAN, "2021", NULL, NULL,
                                       NULL, 1, fresh(f)));
    case_release(&c);
    case_fill(&c, "C-2", "MOLVT");
    expect_busy(f, casework_create(f->a, &cwMolvt, &c, NULL, fresh(f)));
    expect_busy(f,
                casework_stage(f->a, &cwMolvt, NULL, "C-1", STAGE_CONCILIATION,
                               "2018-02-01", "", 0, fresh(f)));
    expect_busy(f, casework_payment(f->a, &cwMolvt, NULL, "C-1", "2018-02-01",
                                    10, fresh(f)));
    expect_busy(f, casework_details(f->a, &cwMolvt, NULL, "C-1", SATISFIED_YES,
                                    "x", 1, 1, 0, fresh(f)));
    expect_busy(f, admin_user_add(f->a, &admin, "late", ROLE_VIEWER, NULL,
                                  "hash", fresh(f)));
    expect_busy(f, admin_org_save(f->a, &admin, "IOM", "", NULL, ORG_OTHER,
                                  NULL, fresh(f)));
    store_rollback(f->b);

    /* Nothing was written. */
    Seen now = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_false(now.bStmt);
    assert_int_equal(now.iVersion, form.iVersion);
    assert_int_equal(round_state(f, f->b, ROUND), ROUND_OPEN);

    /* The retry goes through. */
    expect_ok(f, say(f, f->a, &molvt1, "1.1", "after the wait",
                     form.iStmtVersion, WF_SUBMIT));
    now = seen(f, f->b, "1.1", ROUND, "MOLVT");
    assert_string_equal(now.zStmt, "after the wait");
    assert_int_equal(now.eStmtState, STMT_SUBMITTED);
    case_release(&c);
}

/* ---- recommendations ------------------------------------------------------ */

/* The version of recommendation R1 of round 2018 as a form would show it,
** and its status recorded in zRound (REC_STATUS_COUNT: none). */
static int
rec_seen(Fix *f, Store *s, const char *zRound, RecStatus *pStatus)
{
    Model m = MODEL_INIT;
    Plan *p = NULL;
    RecSet set;
    expect_ok(f, app_recs_read(s, PLAN, &m, &p, &set, fresh(f)));
    const Rec *r = rec_set_find(&set, ROUND, "R1");
    int v = r ? r->iVersion : 0;
    const RecFollowup *fu = r && zRound ? rec_find_followup(r, zRound) : NULL;
    if (pStatus) {
        *pStatus = fu ? fu->eStatus : REC_STATUS_COUNT;
    }
    if (zRound) {
        v = fu ? fu->iVersion : 0;
    }
    rec_set_release(&set);
    model_release(&m);
    return v;
}

static void
rec_make(Rec *r, const char *zText, const char *zOrg)
{
    memset(r, 0, sizeof *r);
    r->zRound = xstrdup(ROUND);
    r->zCode = xstrdup("R1");
    r->zText = xstrdup(zText);
    r->zGroup = xstrdup("Policy");
    strv_push(&r->azNode, &r->nNode, "1.1");
    strv_push(&r->azOrg, &r->nOrg, zOrg);
}

/* Two officers edit one recommendation: the later save, made from a form
** built before the first, is refused and the first stays.  Follow-ups
** race the same way, go only into later rounds, and only officers and
** administrators record any of it.  Organisation names resolve to
** acronyms; an unknown one is refused with the closest names. */
/* The action point of 1.1 in round 2018 as store s has it, in zBuf. */
static const char *
stored_action_point(Fix *f, Store *s, char *zBuf, size_t nBuf)
{
    Model m = MODEL_INIT;
    expect_ok(f, store_load_node(s, PLAN, "1.1", &m, fresh(f)));
    const Assessment *a = node_find_assessment(&m.aPlan[0].aNode[0], ROUND);
    assert_non_null(a);
    copy(zBuf, nBuf, a->zActionPoint);
    model_release(&m);
    return zBuf;
}

/* The action-point editor: two officers with the same form, the later
** save refused and the earlier kept; a statement submitted after the
** form was opened makes it stale too; reporters may not; empty text and
** unknown activities are refused. */
static void
test_app_action_point(void **state)
{
    Fix *f = *state;
    char z[256];
    Seen formA = seen(f, f->a, "1.1", ROUND, NULL);
    Seen formB = seen(f, f->b, "1.1", ROUND, NULL);
    expect_ok(f, app_action_point_put(f->b, &officer2, PLAN, ROUND, "1.1",
                                      "B: train 120 officials", formB.iVersion,
                                      fresh(f)));
    expect_refused(f,
                   app_action_point_put(f->a, &officer, PLAN, ROUND, "1.1",
                                        "A: my wording", formA.iVersion,
                                        fresh(f)),
                   APPERR_CONFLICT, "changed by someone else");
    assert_string_equal(stored_action_point(f, f->a, z, sizeof z),
                        "B: train 120 officials");

    Seen form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_ok(f, say(f, f->b, &molvt1, "1.1", "Training given", 0, WF_SUBMIT));
    expect_refused(f,
                   app_action_point_put(f->a, &officer, PLAN, ROUND, "1.1",
                                        "A: after the statement", form.iVersion,
                                        fresh(f)),
                   APPERR_CONFLICT, "a statement was submitted");
    form = seen(f, f->a, "1.1", ROUND, "MOLVT");
    expect_refused(f,
                   app_action_point_put(f->a, &molvt1, PLAN, ROUND, "1.1",
                                        "by a reporter", form.iVersion,
                                        fresh(f)),
                   APPERR_FORBIDDEN, "word the action plan");
    expect_refused(f,
                   app_action_point_put(f->a, &officer, PLAN, ROUND, "1.1",
                                        " \n", form.iVersion, fresh(f)),
                   APPERR_INPUT, "needs a text");
    expect_refused(f,
                   app_action_point_put(f->a, &officer, PLAN, ROUND, "9.9", "x",
                                        form.iVersion, fresh(f)),
                   APPERR_NOTFOUND, "'9.9'");
    assert_string_equal(stored_action_point(f, f->b, z, sizeof z),
                        "B: train 120 officials");
    expect_ok(f, app_action_point_put(f->a, &admin, PLAN, ROUND, "1.1",
                                      "A: agreed", form.iVersion, fresh(f)));
    assert_string_equal(stored_action_point(f, f->b, z, sizeof z), "A: agreed");
}

/* Two officers create the next plan with one code: the second is refused
** and the first plan stands; nothing of the refused one is written. */
static void
test_app_plan_succeed(void **state)
{
    Fix *f = *state;
    size_t n = 0;
    expect_ok(f, app_plan_succeed(f->b, &officer2, PLAN, "next", "B's plan", &n,
                                  fresh(f)));
    assert_int_equal(n, 3); /* goal 1, activities 1.1 and 1.2 */
    expect_refused(f,
                   app_plan_succeed(f->a, &officer, PLAN, "next", "A's plan",
                                    NULL, fresh(f)),
                   APPERR_CONFLICT, "already");
    expect_refused(
        f, app_plan_succeed(f->a, &molvt1, PLAN, "other", NULL, NULL, fresh(f)),
        APPERR_FORBIDDEN, "create plans");
    expect_refused(
        f,
        app_plan_succeed(f->a, &officer, "nope", "other", NULL, NULL, fresh(f)),
        APPERR_NOTFOUND, "'nope'");
    Model m = MODEL_INIT;
    expect_ok(f, store_load(f->a, NULL, &m, fresh(f)));
    assert_int_equal(m.nPlan, 2);
    const Plan *p = model_find_plan(&m, "next");
    assert_non_null(p);
    assert_string_equal(p->zTitle, "B's plan");
    assert_string_equal(p->aNode[1].zPredPlan, PLAN);
    assert_string_equal(p->aNode[1].zPredCode, p->aNode[1].zCode);
    model_release(&m);
}

static void
test_app_recommendations(void **state)
{
    Fix *f = *state;
    Rec r;
    rec_make(&r, "Train labour counsellors",
             "Ministry of Labour and Vocational Training");
    expect_refused(f, app_rec_put(f->a, &molvt1, PLAN, &r, 1, fresh(f)),
                   APPERR_FORBIDDEN, "M&E officer");
    expect_ok(f, app_rec_put(f->a, &officer, PLAN, &r, 1, fresh(f)));
    /* Adding the same code again is a conflict, not an overwrite. */
    expect_refused(f, app_rec_put(f->b, &officer2, PLAN, &r, 1, fresh(f)),
                   APPERR_CONFLICT, "already");
    rec_release(&r);

    int v = rec_seen(f, f->a, NULL, NULL);
    rec_make(&r, "B's wording", "MOLVT");
    r.iVersion = rec_seen(f, f->b, NULL, NULL);
    expect_ok(f, app_rec_put(f->b, &officer2, PLAN, &r, 0, fresh(f)));
    rec_release(&r);
    rec_make(&r, "A's wording", "MOLVT");
    r.iVersion = v;
    expect_refused(f, app_rec_put(f->a, &officer, PLAN, &r, 0, fresh(f)),
                   APPERR_CONFLICT, "someone else");
    rec_release(&r);
    Model m = MODEL_INIT;
    Plan *p = NULL;
    RecSet set;
    expect_ok(f, app_recs_read(f->a, PLAN, &m, &p, &set, fresh(f)));
    assert_string_equal(rec_set_find(&set, ROUND, "R1")->zText, "B's wording");
    assert_string_equal(rec_set_find(&set, ROUND, "R1")->azOrg[0], "MOLVT");
    rec_set_release(&set);
    model_release(&m);

    rec_make(&r, "x", "Ministry of Labor and Vocational Training");
    r.iVersion = rec_seen(f, f->a, NULL, NULL);
    expect_refused(f, app_rec_put(f->a, &officer, PLAN, &r, 0, fresh(f)),
                   APPERR_NOTFOUND,
                   "closest: 'Ministry of Labour and Vocational Training'");
    rec_release(&r);

    /* Follow-ups: in 2019 (after 2018), not in 2018 itself. */
    RecFollowup fu = { .zRound = (char *)(uintptr_t) "2019",
                       .eStatus = REC_IN_PROGRESS,
                       .zEvidence = (char *)(uintptr_t) "drafted" };
    fu.zRound = (char *)(uintptr_t)ROUND;
    expect_refused(
        f, app_followup_put(f->a, &officer, PLAN, ROUND, "R1", &fu, fresh(f)),
        APPERR_INPUT, "later round");
    fu.zRound = (char *)(uintptr_t) "2019";
    expect_refused(
        f, app_followup_put(f->a, &viewer, PLAN, ROUND, "R1", &fu, fresh(f)),
        APPERR_FORBIDDEN, NULL);
    int vA = rec_seen(f, f->a, "2019", NULL); /* none yet: 0 */
    fu.iVersion = rec_seen(f, f->b, "2019", NULL);
    expect_ok(
        f, app_followup_put(f->b, &officer2, PLAN, ROUND, "R1", &fu, fresh(f)));
    fu.iVersion = vA;
    fu.eStatus = REC_DROPPED;
    expect_refused(
        f, app_followup_put(f->a, &officer, PLAN, ROUND, "R1", &fu, fresh(f)),
        APPERR_CONFLICT, "someone else");
    RecStatus e;
    (void)rec_seen(f, f->a, "2019", &e);
    assert_int_equal(e, REC_IN_PROGRESS);
}

/* The version of funding line 1 of activity 1.1 in ROUND as store s
** reads it (0: none yet). */
static int
fund_seen(Fix *f, Store *s)
{
    FundSet set;
    expect_ok(f, app_fund_list(s, PLAN, ROUND, &set, fresh(f)));
    int v = 0;
    for (size_t i = 0; i < set.nLine; i++) {
        if (strcmp(set.aLine[i].zNode, "1.1") == 0 && set.aLine[i].iLine == 1) {
            v = set.aLine[i].iVersion;
        }
    }
    fund_set_release(&set);
    return v;
}

/* Two officers edit one funding line: the later save, made from a form
** built before the first, is refused and the first stays.  Only officers
** and administrators record funding; a partner's name resolves to its
** acronym; unknown names and currencies are refused, naming them. */
static void
test_app_funding(void **state)
{
    Fix *f = *state;
    FundLine l = { .zRound = (char *)(uintptr_t)ROUND,
                   .zNode = (char *)(uintptr_t) "1.1",
                   .iLine = 1,
                   .eKind = FUND_PARTNER,
                   .amount = 250050,
                   .zCurrency = "USD",
                   .eStatus = FUND_PLEDGED };
    l.zOrg = xstrdup("Ministry of Labour and Vocational Training");
    expect_refused(f, app_fund_put(f->a, &molvt1, PLAN, NULL, &l, fresh(f)),
                   APPERR_FORBIDDEN, "M&E officer");
    expect_ok(f, app_fund_put(f->a, &officer, PLAN, NULL, &l, fresh(f)));
    assert_string_equal(l.zOrg, "MOLVT");
    /* Adding line 1 again is a conflict, not an overwrite. */
    expect_refused(f, app_fund_put(f->b, &officer2, PLAN, NULL, &l, fresh(f)),
                   APPERR_CONFLICT, "already");

    int vA = fund_seen(f, f->a);
    l.iVersion = fund_seen(f, f->b);
    l.eStatus = FUND_SECURED;
    expect_ok(f, app_fund_put(f->b, &officer2, PLAN, NULL, &l, fresh(f)));
    l.iVersion = vA;
    l.amount = 1;
    expect_refused(f, app_fund_put(f->a, &officer, PLAN, NULL, &l, fresh(f)),
                   APPERR_CONFLICT, "someone else");
    FundSet set;
    expect_ok(f, app_fund_list(f->a, PLAN, ROUND, &set, fresh(f)));
    assert_int_equal(set.nLine, 1);
    assert_true(set.aLine[0].amount == 250050);
    assert_int_equal(set.aLine[0].eStatus, FUND_SECURED);
    fund_set_release(&set);

    free(l.zOrg);
    l.zOrg = xstrdup("Ministry of Labor and Vocational Training");
    l.iLine = 2;
    l.iVersion = 0;
    expect_refused(f, app_fund_put(f->a, &officer, PLAN, NULL, &l, fresh(f)),
                   APPERR_NOTFOUND,
                   "closest: 'Ministry of Labour and Vocational Training'");
    free(l.zOrg);
    l.zOrg = xstrdup("MOLVT");
    memcpy(l.zCurrency, "XYZ", 4);
    expect_refused(f, app_fund_put(f->a, &officer, PLAN, NULL, &l, fresh(f)),
                   APPERR_INPUT, "ISO 4217");
    memcpy(l.zCurrency, "KHR", 4);
    l.zNode = (char *)(uintptr_t) "9.99";
    expect_refused(f, app_fund_put(f->a, &officer, PLAN, NULL, &l, fresh(f)),
                   APPERR_NOTFOUND, "unknown activity '9.99'");
    free(l.zOrg);
}

/* Round ROUND's due date and MOLVT's extension as store b reads them:
** the due date into zDue (11 bytes, "" for none), the extension's date
** into zExt ("" for none or removed); returns the extension's version. */
static int
due_seen(Fix *f, Store *s, char *zDue, char *zExt)
{
    Model m = MODEL_INIT;
    expect_ok(f, store_load_node(s, PLAN, "", &m, fresh(f)));
    const Round *r = plan_find_round(&m.aPlan[0], ROUND);
    assert_non_null(r);
    (void)snprintf(zDue, 11, "%s", r->zDue ? r->zDue : "");
    zExt[0] = 0;
    int v = 0;
    for (size_t i = 0; i < r->nExt; i++) {
        if (strcmp(r->aExt[i].zOrg, "MOLVT") == 0) {
            (void)snprintf(zExt, 11, "%s",
                           r->aExt[i].zDue ? r->aExt[i].zDue : "");
            v = r->aExt[i].iVersion;
        }
    }
    model_release(&m);
    return v;
}

/* The due date and extensions: only the officer and the admin set them,
** dates are checked, an extension needs a reason and an organisation of
** the directory; two officers from the same page: the later is refused
** and the first stays; a published round's are locked. */
static void
test_app_due_dates(void **state)
{
    Fix *f = *state;
    char zDue[11], zExt[11];
    expect_refused(f,
                   workflow_set_round_due(f->a, &molvt1, PLAN, ROUND,
                                          "2019-01-31", NULL, fresh(f)),
                   APPERR_FORBIDDEN, "M&E officers");
    expect_refused(f,
                   workflow_set_round_due(f->a, &officer, PLAN, ROUND,
                                          "2019-02-30", NULL, fresh(f)),
                   APPERR_INPUT, "'2019-02-30' is not a date");
    expect_ok(f, workflow_set_round_due(f->a, &officer, PLAN, ROUND,
                                        "2019-01-31", "", fresh(f)));
    (void)due_seen(f, f->b, zDue, zExt);
    assert_string_equal(zDue, "2019-01-31");
    /* Both pages showed 2019-01-31; B saves first, A's save is refused. */
    expect_ok(f, workflow_set_round_due(f->b, &officer2, PLAN, ROUND,
                                        "2019-02-15", "2019-01-31", fresh(f)));
    expect_refused(f,
                   workflow_set_round_due(f->a, &officer, PLAN, ROUND, "",
                                          "2019-01-31", fresh(f)),
                   APPERR_CONFLICT, "changed by someone else");
    (void)due_seen(f, f->a, zDue, zExt);
    assert_string_equal(zDue, "2019-02-15");

    /* Extensions. */
    expect_refused(f,
                   workflow_extend(f->a, &officer, PLAN, ROUND, "MOLVT",
                                   "2019-03-01", "  ", 0, fresh(f)),
                   APPERR_INPUT, "needs a reason");
    expect_refused(f,
                   workflow_extend(f->a, &officer, PLAN, ROUND, "NOPE",
                                   "2019-03-01", "late", 0, fresh(f)),
                   APPERR_NOTFOUND, "no organisation 'NOPE'");
    expect_refused(f,
                   workflow_extend(f->a, &officer, PLAN, ROUND, "MOLVT", NULL,
                                   NULL, -1, fresh(f)),
                   APPERR_NOTFOUND, "no extension");
    expect_ok(f, workflow_extend(f->a, &officer, PLAN, ROUND, "MOLVT",
                                 "2019-03-01", "new minister", 0, fresh(f)));
    int v = due_seen(f, f->b, zDue, zExt);
    assert_string_equal(zExt, "2019-03-01");
    /* Granting again from a page that showed none: refused. */
    expect_refused(f,
                   workflow_extend(f->b, &officer2, PLAN, ROUND, "MOLVT",
                                   "2019-04-01", "other", 0, fresh(f)),
                   APPERR_CONFLICT, "someone else");
    expect_ok(f, workflow_extend(f->b, &officer2, PLAN, ROUND, "MOLVT",
                                 "2019-03-15", "flood", v, fresh(f)));
    expect_refused(f,
                   workflow_extend(f->a, &officer, PLAN, ROUND, "MOLVT", NULL,
                                   "not needed", v, fresh(f)),
                   APPERR_CONFLICT, "someone else");
    (void)due_seen(f, f->a, zDue, zExt);
    assert_string_equal(zExt, "2019-03-15");
    /* The CLI's way: whatever is stored. */
    expect_ok(f, workflow_extend(f->a, &officer, PLAN, ROUND, "MOLVT", NULL,
                                 NULL, -1, fresh(f)));
    (void)due_seen(f, f->b, zDue, zExt);
    assert_string_equal(zExt, "");

    /* Published: locked. */
    expect_ok(f, workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                          ROUND_CLOSED, fresh(f)));
    expect_ok(f, workflow_set_round_state(f->a, &officer, PLAN, ROUND,
                                          ROUND_PUBLISHED, fresh(f)));
    expect_refused(f,
                   workflow_set_round_due(f->a, &officer, PLAN, ROUND, NULL,
                                          NULL, fresh(f)),
                   APPERR_CONFLICT, "published");
    expect_refused(f,
                   workflow_extend(f->a, &officer, PLAN, ROUND, "MOLVT",
                                   "2019-05-01", "late", -1, fresh(f)),
                   APPERR_CONFLICT, "published");
}

/* The kinds of who's notifications, newest first, as "kind:org ...". */
static void
inbox_kinds(Fix *f, Store *s, const Actor *who, char *z, size_t n)
{
    Note *a = NULL;
    size_t nNote = 0;
    expect_ok(f, inbox_list(s, who, &a, &nNote, fresh(f)));
    z[0] = 0;
    for (size_t i = 0; i < nNote; i++) {
        size_t len = strlen(z);
        (void)snprintf(z + len, n - len, "%s%s:%s", i ? " " : "",
                       note_kind_name(a[i].eKind), a[i].zOrg);
    }
    note_free(a, nNote);
}

/* Run the deadline reminders on zDay, the clock set to that morning (the
** reminders are stamped with it); how many organisations were told. */
static size_t
remind_on(Fix *f, Store *s, const char *zDay)
{
    char zNow[32];
    (void)snprintf(zNow, sizeof zNow, "%sT02:00:00Z", zDay);
    assert_int_equal(setenv("LMPMON_NOW", zNow, 1), 0);
    size_t nTold = 99;
    expect_ok(f, inbox_remind(s, &admin, zDay, NULL, &nTold, fresh(f)));
    assert_int_equal(setenv("LMPMON_NOW", NOW, 1), 0);
    return nTold;
}

/* A notification is written with the change it tells of: a submission
** that loses the race tells nobody, the one that wins tells the officers
** once; the deadline reminders tell the reporters of an organisation that
** owes statements once per due date;
** nobody marks another's notification read. */
static void
test_app_notifications(void **state)
{
    Fix *f = *state;
    const Actor *aWho[] = { &officer, &molvt1, &molvt2, &ilo };
    for (size_t i = 0; i < sizeof aWho / sizeof aWho[0]; i++) {
        expect_ok(f,
                  admin_user_add(f->a, &admin, aWho[i]->zName, aWho[i]->eRole,
                                 aWho[i]->zOrg,
                                 "$argon2id$v=19$m=8,t=1,p=1$x$y", fresh(f)));
    }
    char z[256];
    expect_ok(f, say(f, f->b, &molvt2, "1.1", "B: trained 120 officials", 0,
                     WF_SUBMIT));
    expect_refused(
        f,
        say(f, f->a, &molvt1, "1.1", "A: trained 80 officials", 0, WF_SUBMIT),
        APPERR_CONFLICT, NULL);
    inbox_kinds(f, f->a, &officer, z, sizeof z);
    assert_string_equal(z, "submitted:MOLVT");
    inbox_kinds(f, f->a, &molvt1, z, sizeof z);
    assert_string_equal(z, "");

    /* The deadline reminders: PDOLVT owes 1.2's statement, MOLVT has
    ** handed in 1.1's, ILO is a partner and owes nothing. */
    expect_ok(f, admin_user_add(f->a, &admin, pdolvt.zName, pdolvt.eRole,
                                pdolvt.zOrg, "$argon2id$v=19$m=8,t=1,p=1$x$y",
                                fresh(f)));
    assert_int_equal(remind_on(f, f->a, "2018-12-10"), 0); /* no due date */
    expect_ok(f, workflow_set_round_due(f->a, &admin, PLAN, ROUND, "2018-12-15",
                                        NULL, fresh(f)));
    assert_int_equal(remind_on(f, f->a, "2018-12-11"), 0); /* 4 days before */
    assert_int_equal(remind_on(f, f->a, "2018-12-12"), 1);
    inbox_kinds(f, f->b, &pdolvt, z, sizeof z);
    assert_string_equal(z, "due_soon:PDOLVT");
    inbox_kinds(f, f->b, &molvt1, z, sizeof z);
    assert_string_equal(z, "");
    inbox_kinds(f, f->b, &ilo, z, sizeof z);
    assert_string_equal(z, "");
    /* Told once, by whichever connection (server) asks next. */
    assert_int_equal(remind_on(f, f->b, "2018-12-14"), 0);
    assert_int_equal(remind_on(f, f->a, "2018-12-16"), 1);
    assert_int_equal(remind_on(f, f->b, "2018-12-17"), 0);
    inbox_kinds(f, f->b, &pdolvt, z, sizeof z);
    assert_string_equal(z, "overdue:PDOLVT due_soon:PDOLVT");
    /* An extension is a new due date: reminded again when it comes near
    ** and when it passes. */
    expect_ok(f,
              workflow_extend(f->a, &admin, PLAN, ROUND, "PDOLVT", "2019-01-31",
                              "Provincial elections", -1, fresh(f)));
    assert_int_equal(remind_on(f, f->a, "2018-12-18"), 0);
    assert_int_equal(remind_on(f, f->a, "2019-01-30"), 1);
    /* Once PDOLVT hands its statement in, nobody reminds it. */
    expect_ok(
        f, say(f, f->a, &pdolvt, "1.2", "Two shelters opened", 0, WF_SUBMIT));
    assert_int_equal(remind_on(f, f->a, "2019-02-02"), 0);
    /* The extension withdrew the reminders of the old date: only the
    ** new date's is left. */
    inbox_kinds(f, f->b, &pdolvt, z, sizeof z);
    assert_string_equal(z, "due_soon:PDOLVT");

    /* ILO's reporter cannot mark the officer's notification read. */
    Note *a = NULL;
    size_t n = 0;
    expect_ok(f, inbox_list(f->a, &officer, &a, &n, fresh(f)));
    assert_int_equal(n, 2); /* MOLVT's and PDOLVT's submissions */
    long nChanged = -1;
    expect_ok(f, inbox_mark_read(f->b, &ilo, a[0].id, &nChanged, fresh(f)));
    assert_int_equal(nChanged, 0);
    expect_ok(f, inbox_mark_read(f->b, &officer, a[0].id, &nChanged, fresh(f)));
    assert_int_equal(nChanged, 1);
    note_free(a, n);
    expect_ok(f, inbox_list(f->a, &officer, &a, &n, fresh(f)));
    assert_non_null(a[0].zReadAt);
    note_free(a, n);

    /* Addresses: one's own, checked; another's only by an administrator. */
    expect_ok(f, inbox_set_email(f->a, &ilo, "ilo", "focal@ilo.example", 1,
                                 "km", fresh(f)));
    expect_refused(
        f,
        inbox_set_email(f->a, &ilo, "molvt1", "x@y.example", 1, "", fresh(f)),
        APPERR_FORBIDDEN, NULL);
    expect_refused(
        f, inbox_set_email(f->a, &ilo, "ilo", "focal@@ilo", 1, "", fresh(f)),
        APPERR_INPUT, "focal@@ilo");
    User u;
    expect_ok(f, store_user_get(f->b, "ilo", &u, fresh(f)));
    assert_string_equal(u.zEmail, "focal@ilo.example");
    assert_string_equal(u.zLang, "km");
    assert_int_equal(u.bMail, 1);
    user_release(&u);
}

/* One outreach event through the use cases: a reporter of another
** organisation is refused; places and organisations resolve; two people
** change the same event: the later form is refused and the first change
** stays; a stale delete is refused.  A statistics figure's sums are
** checked, and one recorded twice from two new forms is a conflict. */
static void
test_app_outreach(void **state)
{
    Fix *f = *state;
    Outreach o;
    outreach_init(&o);
    o.zFrom = xstrdup("2019-08-20");
    o.zTitle = xstrdup("Orientation");
    o.eKind = OUTREACH_TRAINING;
    o.azPlace = xcalloc(1, sizeof *o.azPlace);
    o.azPlace[o.nPlace++] = xstrdup("prey veng ");
    o.azOrg = xcalloc(1, sizeof *o.azOrg);
    o.azOrg[o.nOrg++] = xstrdup("MOLVT");
    o.azActivity = xcalloc(1, sizeof *o.azActivity);
    o.azActivity[o.nActivity++] = xstrdup("1.1");
    o.n = (SexCounts){ 12, 9, OUTREACH_NONE, 21 };
    expect_refused(f, app_outreach_save(f->a, &ilo, &o, fresh(f)),
                   APPERR_FORBIDDEN, "ILO");
    expect_ok(f, app_outreach_save(f->a, &molvt1, &o, fresh(f)));
    assert_string_equal(o.azPlace[0], "KH-14");
    outreach_release(&o);

    OutreachData dA, dB;
    expect_ok(f, app_outreach_read(f->a, NULL, NULL, &dA, fresh(f)));
    expect_ok(f, app_outreach_read(f->b, NULL, NULL, &dB, fresh(f)));
    assert_int_equal(dA.nEv, 1);
    assert_int_equal(dA.aEv[0].iVersion, 1);
    dB.aEv[0].n = (SexCounts){ 13, 9, OUTREACH_NONE, 22 };
    expect_ok(f, app_outreach_save(f->b, &molvt2, &dB.aEv[0], fresh(f)));
    dA.aEv[0].n = (SexCounts){ 12, 10, OUTREACH_NONE, 22 };
    expect_refused(f, app_outreach_save(f->a, &molvt1, &dA.aEv[0], fresh(f)),
                   APPERR_CONFLICT, "someone else");
    expect_refused(f,
                   app_outreach_delete(f->a, &officer, dA.aEv[0].id,
                                       dA.aEv[0].iVersion, fresh(f)),
                   APPERR_CONFLICT, "someone else");
    app_outreach_data_release(&dA);
    expect_ok(f, app_outreach_read(f->a, NULL, NULL, &dA, fresh(f)));
    assert_true(dA.aEv[0].n.women == 13 && dA.aEv[0].n.men == 9);
    expect_ok(f, app_outreach_delete(f->a, &officer, dA.aEv[0].id,
                                     dA.aEv[0].iVersion, fresh(f)));
    app_outreach_data_release(&dA);
    app_outreach_data_release(&dB);

    StatEntry e;
    memset(&e, 0, sizeof e);
    e.key.eMeasure = STAT_STOCK;
    e.key.zDest = (char *)(uintptr_t) "Thailand";
    e.key.eChannel = STAT_MOU;
    e.key.zPeriod = (char *)(uintptr_t) "2018-05";
    e.key.zSource = (char *)(uintptr_t) "OFWA";
    e.aValue[STAT_WOMEN] = 10;
    e.aValue[STAT_MEN] = 20;
    e.aValue[STAT_TOTAL] = 31;
    expect_refused(f, app_stat_save(f->a, &molvt1, &e, fresh(f)),
                   APPERR_FORBIDDEN, "M&E officers");
    expect_refused(f, app_stat_save(f->a, &officer, &e, fresh(f)), APPERR_INPUT,
                   "total 31 is not women + men");
    e.aValue[STAT_TOTAL] = 30;
    expect_ok(f, app_stat_save(f->a, &officer, &e, fresh(f)));
    expect_refused(f, app_stat_save(f->b, &officer2, &e, fresh(f)),
                   APPERR_CONFLICT, "recorded already");
    expect_ok(f, app_stat_read(f->b, &dB, fresh(f)));
    assert_int_equal(dB.nStat, 3);
    assert_string_equal(dB.aStat[0].zDest, "TH");
    app_outreach_data_release(&dB);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_app_first_statement_race),
        T(test_app_statement_forbidden),
        T(test_app_resubmit_after_return),
        T(test_app_second_submission),
        T(test_app_statement_review),
        T(test_app_withdrawn_statement),
        T(test_app_review_save_then_approve),
        T(test_app_review_approve_then_save),
        T(test_app_review_published_round),
        T(test_app_review_forbidden),
        T(test_app_round_moves),
        T(test_app_case_stale_version),
        T(test_app_case_scope),
        T(test_app_case_per_org),
        T(test_app_admin),
        T(test_app_admin_sessions),
        T(test_app_busy),
        T(test_app_recommendations),
        T(test_app_action_point),
        T(test_app_plan_succeed),
        T(test_app_funding),
        T(test_app_due_dates),
        T(test_app_notifications),
        T(test_app_outreach),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
