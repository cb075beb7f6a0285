/*
** test_merge.c — unit tests of export revisions and the cell merge
** (src/io/merge.h).
**
** Eight people export the annex, each changes a few cells and imports it
** back: a cell the user did not touch must keep what others wrote since,
** a cell only the user changed must be written, a cell both changed is a
** conflict naming who changed the database.  The base — the value at
** export — comes from the audit trail, so these tests change a real
** database (each in its own mkdtemp() directory) between export and merge.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/apperr.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "core/model.h"
#include "io/merge.h"
#include "store/store.h"

typedef struct Fix {
    char zDir[64];
    char zPath[128];
    Store *s;
    AppErr err;
    Model m;         /* what was put */
    char *zRevision; /* the export's revision */
    Merge *mg;
} Fix;

static void
check_ok(Fix *f, int rc)
{
    if (rc != 0) {
        print_error("%s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
}

static Assessment *
add_assessment(Node *n, const char *zRound, const char *zProgress, Rating e)
{
    Assessment *a = node_add_assessment(n);
    a->zRound = xstrdup(zRound);
    a->zActionPoint = xstrdup("Study");
    a->zProgress = xstrdup(zProgress);
    a->eRating = e;
    a->eState = ASSESS_APPROVED;
    return a;
}

/* A plan "lmp" with goal 1, activity 1.1 (responsible MOLVT) assessed in
** round 2017 ("Started", Progressing); then the export's revision. */
static int
setup(void **state)
{
    Fix *f = xcalloc(1, sizeof *f);
    (void)snprintf(f->zDir, sizeof f->zDir, "/tmp/lmpmon-test-XXXXXX");
    assert_non_null(mkdtemp(f->zDir));
    (void)snprintf(f->zPath, sizeof f->zPath, "%s/lmp.db", f->zDir);
    assert_int_equal(setenv("LMPMON_NOW", "2026-01-01T08:00:00Z", 1), 0);
    f->s = store_open(f->zPath, STORE_OPEN_CREATE, "tester", &f->err);
    assert_non_null(f->s);
    Org *o = model_add_org(&f->m);
    o->zAcronym = xstrdup("MOLVT");
    o->zName = xstrdup("Ministry of Labour");
    Plan *p = model_add_plan(&f->m);
    p->zCode = xstrdup("lmp");
    p->zTitle = xstrdup("Plan");
    p->aLevel[0].zName = xstrdup("goal");
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    Round *r = plan_add_round(p);
    r->zCode = xstrdup("2017");
    r->zTitle = xstrdup("2017 review");
    r->eState = ROUND_OPEN;
    r = plan_add_round(p);
    r->zCode = xstrdup("2018");
    r->zTitle = xstrdup("2018 review");
    r->eState = ROUND_OPEN;
    Node *n = plan_add_node(p);
    n->zCode = xstrdup("1");
    n->zText = xstrdup("Standards");
    n->iParent = -1;
    n = plan_add_node(p);
    n->zCode = xstrdup("1.1");
    n->zText = xstrdup("Study");
    n->iLevel = 1;
    n->iParent = 0;
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    add_assessment(n, "2017", "Started", RATING_PROGRESSING);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_org_put(f->s, o, &f->err));
    check_ok(f, store_plan_put(f->s, p, &f->err));
    for (size_t i = 0; i < p->nRound; i++) {
        check_ok(f, store_round_put(f->s, "lmp", &p->aRound[i], &f->err));
    }
    for (size_t i = 0; i < p->nNode; i++) {
        check_ok(f, store_node_put(f->s, p, (long)i, 1, &f->err));
    }
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &n->aAssess[0], 0,
                                     &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    Model exported = MODEL_INIT;
    check_ok(f,
             merge_export_load(f->s, NULL, &exported, &f->zRevision, &f->err));
    assert_int_equal(exported.nPlan, 1);
    model_release(&exported);
    f->mg = merge_new();
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fix *f = *state;
    merge_free(f->mg);
    store_close(f->s);
    model_release(&f->m);
    free(f->zRevision);
    char z[256];
    static const char *const azFile[] = { "lmp.db", "lmp.db-wal",
                                          "lmp.db-shm" };
    for (size_t i = 0; i < 3; i++) {
        (void)snprintf(z, sizeof z, "%s/%s", f->zDir, azFile[i]);
        (void)unlink(z);
    }
    (void)rmdir(f->zDir);
    free(f);
    return 0;
}

/* As someone else (zActor), after the export: progress of 1.1 in 2017 to
** zProgress, and a new assessment of 1.1 in 2018. */
static void
change_db(Fix *f, const char *zActor, const char *zProgress)
{
    Node *n = &f->m.aPlan[0].aNode[1];
    free(n->aAssess[0].zProgress);
    n->aAssess[0].zProgress = xstrdup(zProgress);
    Assessment *a2018 = add_assessment(n, "2018", "New", RATING_ON_TARGET);
    store_set_actor(f->s, zActor);
    assert_int_equal(setenv("LMPMON_NOW", "2026-02-01T09:30:00Z", 1), 0);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &n->aAssess[0], 0,
                                     &f->err));
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", a2018, 0, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
}

static long
add_revision(Fix *f, const char *z)
{
    long iRev = -1;
    check_ok(f, merge_add_revision(f->mg, f->s, z, &iRev, &f->err));
    return iRev;
}

static void
test_merge_revision_text(void **state)
{
    Fix *f = *state;
    /* The export's revision: the newest audit row and its time. */
    assert_non_null(f->zRevision);
    long v = 0;
    check_ok(f, store_data_version(f->s, &v, &f->err));
    char zWant[64];
    (void)snprintf(zWant, sizeof zWant, "%ld@2026-01-01T08:00:00Z", v);
    assert_string_equal(f->zRevision, zWant);
    long iRev = 0;
    char zAt[MERGE_REVISION_BYTES];
    assert_int_equal(merge_revision_parse(f->zRevision, &iRev, zAt, sizeof zAt),
                     0);
    assert_int_equal(iRev, v);
    assert_string_equal(zAt, "2026-01-01T08:00:00Z");
    static const char *const azBad[] = {
        "",       "12",       "@2026",
        "12@",    "x@2026",   "-3@2026",
        "0@2026", "12@20 26", "99999999999999999999@2026"
    };
    for (size_t i = 0; i < sizeof azBad / sizeof azBad[0]; i++) {
        if (merge_revision_parse(azBad[i], &iRev, zAt, sizeof zAt) == 0) {
            print_error("'%s' was read as a revision\n", azBad[i]);
        }
        assert_int_equal(merge_revision_parse(azBad[i], &iRev, zAt, sizeof zAt),
                         -1);
    }
}

/* A revision this database never had cannot merge: its cells are written
** as the file has them. */
static void
test_merge_revision_unknown(void **state)
{
    Fix *f = *state;
    long v = 0;
    check_ok(f, store_data_version(f->s, &v, &f->err));
    assert_int_equal(add_revision(f, f->zRevision), v);
    char z[64];
    (void)snprintf(z, sizeof z, "%ld@2026-01-01T08:00:00Z", v + 100);
    assert_int_equal(add_revision(f, z), 0); /* not (yet) there */
    (void)snprintf(z, sizeof z, "%ld@2025-12-31T23:59:59Z", v);
    assert_int_equal(add_revision(f, z), 0); /* another history */
    long iRev = 0;
    assert_int_equal(
        merge_add_revision(f->mg, f->s, "yesterday", &iRev, &f->err), -2);
    check_ok(f, merge_load(f->mg, f->s, "lmp", &f->err));
    MergeCell c;
    merge_cell(f->mg, 0, "assessment", "lmp/1.1/2017", "progress", "Mine",
               "Started", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
}

static void
test_merge_cells(void **state)
{
    Fix *f = *state;
    long iRev = add_revision(f, f->zRevision);
    assert_true(iRev > 0);
    change_db(f, "alice", "Finished");
    check_ok(f, merge_load(f->mg, f->s, "lmp", &f->err));
    MergeCell c;

    /* The file still has the exported value: keep the database's. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2017", "progress", "Started",
               "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_KEEP_DB);
    assert_string_equal(c.zBase, "Started");
    /* Both changed it, differently: a conflict, with who and when. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2017", "progress",
               "Half done", "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_CONFLICT);
    assert_string_equal(c.zBase, "Started");
    assert_non_null(c.pBy);
    assert_string_equal(c.pBy->zActor, "alice");
    assert_string_equal(c.pBy->zAt, "2026-02-01T09:30:00Z");
    /* Both changed it the same way: nothing to do. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2017", "progress",
               "Finished", "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_SAME);
    /* Only the file changed it: write it. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2017", "rating", "on_target",
               "progressing", "not_rated", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
    merge_cell(f->mg, iRev, "node", "lmp/1.1", "responsible", "MOLVT; ILO",
               "MOLVT", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
    /* Created after the export: the file could only have had it empty.
    ** Empty in the file: keep; filled in: a conflict with its creator. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2018", "rating", "not_rated",
               "on_target", "not_rated", &c);
    assert_int_equal(c.eHow, MERGE_KEEP_DB);
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2018", "progress", "Mine",
               "New", "", &c);
    assert_int_equal(c.eHow, MERGE_CONFLICT);
    assert_string_equal(c.zBase, "");
    assert_string_equal(c.pBy->zActor, "alice");
    /* The same field of another thing is not confused with it. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/201", "progress", "Mine",
               "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
    merge_cell(f->mg, iRev, "node", "lmp/1.1/2017", "progress", "Mine",
               "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
    /* Without a revision (hand-made file): the file wins, as it always did. */
    merge_cell(f->mg, 0, "assessment", "lmp/1.1/2017", "progress", "Started",
               "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
    merge_cell(NULL, 0, "assessment", "lmp/1.1/2017", "progress", "Finished",
               "Finished", "", &c);
    assert_int_equal(c.eHow, MERGE_SAME);
}

/* Changed and changed back since the export: the base is the exported
** value, which the database holds again, so the file's change is written;
** the latest change names who. */
static void
test_merge_changed_back(void **state)
{
    Fix *f = *state;
    long iRev = add_revision(f, f->zRevision);
    change_db(f, "alice", "Finished");
    Node *n = &f->m.aPlan[0].aNode[1];
    n->nAssess = 1; /* 2018 exists now: put only 2017 again */
    assessment_release(&n->aAssess[1]);
    change_db(f, "bob", "Started");
    check_ok(f, merge_load(f->mg, f->s, "lmp", &f->err));
    MergeCell c;
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2017", "progress", "Mine",
               "Started", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2018", "progress", "Mine",
               "New", "", &c);
    assert_int_equal(c.eHow, MERGE_CONFLICT);
    assert_string_equal(c.pBy->zActor, "alice");
}

/* An activity created since the export, with its assessments (their
** creation is one audit row of the activity): the file could only have
** had its cells empty, so a filled-in cell is a conflict with its
** creator, an empty one keeps what was written. */
static void
test_merge_activity_created_since(void **state)
{
    Fix *f = *state;
    long iRev = add_revision(f, f->zRevision);
    Plan *p = &f->m.aPlan[0];
    Node *n = plan_add_node(p);
    n->zCode = xstrdup("1.2");
    n->zText = xstrdup("Survey");
    n->iLevel = 1;
    n->iParent = 0;
    add_assessment(n, "2017", "Surveyed", RATING_ON_TARGET);
    store_set_actor(f->s, "carol");
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_node_put(f->s, p, (long)p->nNode - 1, 1, &f->err));
    check_ok(f, store_assessment_put(f->s, "lmp", "1.2", &n->aAssess[0], 0,
                                     &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    check_ok(f, merge_load(f->mg, f->s, "lmp", &f->err));
    MergeCell c;
    merge_cell(f->mg, iRev, "assessment", "lmp/1.2/2017", "progress", "Mine",
               "Surveyed", "", &c);
    assert_int_equal(c.eHow, MERGE_CONFLICT);
    assert_string_equal(c.zBase, "");
    assert_non_null(c.pBy);
    assert_string_equal(c.pBy->zActor, "carol");
    merge_cell(f->mg, iRev, "assessment", "lmp/1.2/2017", "progress", "",
               "Surveyed", "", &c);
    assert_int_equal(c.eHow, MERGE_KEEP_DB);
    /* 1.1 existed at the export: its cells merge as before. */
    merge_cell(f->mg, iRev, "assessment", "lmp/1.1/2017", "progress", "Mine",
               "Started", "", &c);
    assert_int_equal(c.eHow, MERGE_TAKE_FILE);
}

static void
test_merge_quote(void **state)
{
    (void)state;
    Buf b = BUF_INIT;
    merge_quote(&b, "two\nlines");
    assert_string_equal(buf_str(&b), "'two lines'");
    buf_reset(&b);
    merge_quote(&b, NULL);
    assert_string_equal(buf_str(&b), "''");
    buf_reset(&b);
    /* 59 ASCII bytes, then a 3-byte character across the cut: whole. */
    char z[128];
    memset(z, 'x', 59);
    (void)snprintf(z + 59, sizeof z - 59, "\xe1\x9e\x80yyyy");
    merge_quote(&b, z);
    assert_int_equal(b.n, 1 + 59 + 3 + 3 + 1);
    assert_non_null(strstr(buf_str(&b), "\xe1\x9e\x80\xe2\x80\xa6'"));
    buf_release(&b);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_merge_revision_text),
        T(test_merge_revision_unknown),
        T(test_merge_cells),
        T(test_merge_changed_back),
        T(test_merge_activity_created_since),
        T(test_merge_quote),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
