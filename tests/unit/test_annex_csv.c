/*
** test_annex_csv.c — unit tests of the annex CSV layout
** (src/io/annex_csv.h).
**
** The annex is what M&E officers edit in a spreadsheet: the header names
** the plan's levels and review rounds, each row is one activity.  Reading
** must build the plan tree from it and name file, line, column and field of
** every mistake; writing must give a file that reads back the same.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "base/apperr.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "core/model.h"
#include "io/annex_csv.h"
#include "io/samples.h"

/* Columns: 1 goal_code, 2 goal, 3 goal_indicator, 4 activity_code,
** 5 activity, 6 responsible, 7 contributing, 8-10 round 2016, 11-13 round
** 2017. */
#define HDR                                                                    \
 "goal_code,goal,goal_indicator,activity_code,activity,"                       \
 "responsible,contributing,2016:action_point,2016:progress,"                   \
 "2016:rating,2017:action_point,2017:progress,2017:rating\n"

typedef struct Fix {
    Model m;
    AnnexCols cols;
    AppErr err;
} Fix;

static int
setup(void **state)
{
    Fix *f = xcalloc(1, sizeof *f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fix *f = *state;
    model_release(&f->m);
    annex_cols_release(&f->cols);
    free(f);
    return 0;
}

static int
read_csv(Fix *f, const char *z)
{
    return annex_csv_read("annex.csv", z, strlen(z), "lmp", &f->m, &f->cols,
                          &f->err);
}

/* Read z, which must succeed; returns the plan. */
static Plan *
read_ok(Fix *f, const char *z)
{
    int rc = read_csv(f, z);
    if (rc != 0) {
        print_error("annex_csv_read failed: %s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(f->m.nPlan, 1);
    assert_string_equal(f->m.aPlan[0].zCode, "lmp");
    return &f->m.aPlan[0];
}

/* Read z, which must fail with a message holding each of the NULL-ended
** parts. */
static void
read_fails(Fix *f, const char *z, ...)
{
    int rc = read_csv(f, z);
    assert_int_equal(rc, -1);
    assert_int_equal(f->err.code, APPERR_INPUT);
    va_list ap;
    va_start(ap, z);
    const char *zPart;
    while ((zPart = va_arg(ap, const char *)) != NULL) {
        if (!strstr(f->err.zMsg, zPart)) {
            print_error("message '%s' lacks '%s'\n", f->err.zMsg, zPart);
        }
        assert_non_null(strstr(f->err.zMsg, zPart));
    }
    va_end(ap);
    /* Every message names the file. */
    assert_non_null(strstr(f->err.zMsg, "'annex.csv'"));
}

static void
check_strv(char **a, size_t n, const char *const *azWant, size_t nWant)
{
    assert_int_equal(n, nWant);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(a[i], azWant[i]);
    }
}

static const char zGood[] =
    HDR "1,Standards reviewed,# ratified,1.1,Study ratification,"
        "MOLVT; MOFA&IC,ILO,Study,\"Done, with ILO\",On Target,,,\n"
        "1,,,1.2,Ratify C189,MOLVT,,,,,Ratify,Under way,Progressing\n"
        "2,Protection,,2.1,Shelters, MOSVY ; ; MOWA ,,,,,,,not on target\n";

static void
test_annex_levels_from_header(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, zGood);
    assert_int_equal(p->nLevel, 2);
    assert_string_equal(p->aLevel[0].zName, "goal");
    assert_true(p->aLevel[0].bIndicator);
    assert_string_equal(p->aLevel[1].zName, "activity");
    assert_false(p->aLevel[1].bIndicator);
    assert_int_equal(p->nRound, 2);
    assert_string_equal(p->aRound[0].zCode, "2016");
    assert_string_equal(p->aRound[1].zCode, "2017");
    /* Where the columns are, for messages given later by the import. */
    assert_int_equal(f->cols.aiCode[0], 1);
    assert_int_equal(f->cols.aiCode[1], 4);
    assert_int_equal(f->cols.iResp, 6);
    assert_int_equal(f->cols.iContrib, 7);
}

/* Three levels, no rounds: a plan without reviews yet. */
static void
test_annex_three_levels(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, "area_code,area,goal_code,goal,activity_code,"
                         "activity,responsible,contributing\n"
                         "A1,Governance,1,Policy,1.1,Draft policy,MOLVT,\n");
    assert_int_equal(p->nLevel, 3);
    assert_string_equal(p->aLevel[0].zName, "area");
    assert_string_equal(p->aLevel[1].zName, "goal");
    assert_string_equal(p->aLevel[2].zName, "activity");
    assert_int_equal(p->nRound, 0);
    assert_int_equal(p->nNode, 3);
    assert_int_equal(p->aNode[2].iParent, 1);
    assert_int_equal(p->aNode[1].iParent, 0);
    assert_int_equal(p->aNode[2].nAssess, 0);
}

static void
test_annex_nodes_pre_order(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, zGood);
    assert_int_equal(p->nNode, 5);
    static const char *const azCode[] = { "1", "1.1", "1.2", "2", "2.1" };
    static const long aiParent[] = { -1, 0, 0, -1, 3 };
    static const int aiLevel[] = { 0, 1, 1, 0, 1 };
    static const int aiLine[] = { 2, 2, 3, 4, 4 };
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(p->aNode[i].zCode, azCode[i]);
        assert_int_equal(p->aNode[i].iParent, aiParent[i]);
        assert_int_equal(p->aNode[i].iLevel, aiLevel[i]);
        assert_int_equal(p->aNode[i].iLine, aiLine[i]);
    }
    assert_string_equal(p->aNode[0].zText, "Standards reviewed");
    assert_string_equal(p->aNode[0].zIndicator, "# ratified");
    assert_string_equal(p->aNode[3].zText, "Protection");
    assert_null(p->aNode[3].zIndicator);
    assert_string_equal(p->aNode[1].zText, "Study ratification");
    assert_null(p->aNode[1].zIndicator);
}

static void
test_annex_orgs_and_assessments(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, zGood);
    const Node *n = &p->aNode[1]; /* 1.1 */
    static const char *const azResp11[] = { "MOLVT", "MOFA&IC" };
    static const char *const azContrib11[] = { "ILO" };
    check_strv(n->azResp, n->nResp, azResp11, 2);
    check_strv(n->azContrib, n->nContrib, azContrib11, 1);
    /* Only 2016: the 2017 cells are all empty. */
    assert_int_equal(n->nAssess, 1);
    assert_string_equal(n->aAssess[0].zRound, "2016");
    assert_string_equal(n->aAssess[0].zActionPoint, "Study");
    assert_string_equal(n->aAssess[0].zProgress, "Done, with ILO");
    assert_int_equal(n->aAssess[0].eRating, RATING_ON_TARGET);
    assert_int_equal(n->aAssess[0].eState, ASSESS_APPROVED);

    n = &p->aNode[2]; /* 1.2 */
    assert_int_equal(n->nContrib, 0);
    assert_int_equal(n->nAssess, 1);
    assert_string_equal(n->aAssess[0].zRound, "2017");
    assert_int_equal(n->aAssess[0].eRating, RATING_PROGRESSING);
    assert_null(node_find_assessment(n, "2016"));

    n = &p->aNode[4]; /* 2.1: spaces and an empty name dropped */
    static const char *const azResp21[] = { "MOSVY", "MOWA" };
    check_strv(n->azResp, n->nResp, azResp21, 2);
    assert_int_equal(n->nAssess, 1);
    assert_int_equal(n->aAssess[0].eRating, RATING_NOT_ON_TARGET);
    assert_string_equal(n->aAssess[0].zActionPoint, "");
    assert_string_equal(n->aAssess[0].zProgress, "");
}

/* A goal given by its code alone (the text is in the database) keeps
** zText NULL so the import knows to look it up. */
static void
test_annex_goal_by_code_only(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, HDR "7,,,7.1,Hotline,MOLVT,,,,,,,\n"
                             "7,,,7.2,Website,MOLVT,,,,,,,\n");
    assert_int_equal(p->nNode, 3);
    assert_string_equal(p->aNode[0].zCode, "7");
    assert_null(p->aNode[0].zText);
    assert_null(p->aNode[0].zIndicator);
    assert_int_equal(p->aNode[2].iParent, 0);
    assert_int_equal(p->aNode[1].nAssess, 0);
}

/* The first row with the goal's text fills it in for earlier rows. */
static void
test_annex_goal_text_later(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, HDR "7,,,7.1,Hotline,MOLVT,,,,,,,\n"
                             "7,Information,,7.2,Website,MOLVT,,,,,,,\n");
    assert_string_equal(p->aNode[0].zText, "Information");
}

/* Spreadsheet-guarded text ("'=...") is read without the apostrophe. */
static void
test_annex_unguards_text(void **state)
{
    Fix *f = *state;
    Plan *p = read_ok(f, HDR "1,G,,1.1,'-5% irregular migration,MOLVT,,"
                             "'=x,'+y,,,,\n");
    assert_string_equal(p->aNode[1].zText, "-5% irregular migration");
    assert_string_equal(p->aNode[1].aAssess[0].zActionPoint, "=x");
    assert_string_equal(p->aNode[1].aAssess[0].zProgress, "+y");
}

static void
test_annex_duplicate_activity(void **state)
{
    Fix *f = *state;
    read_fails(f,
               HDR "1,G,,1.1,A,MOLVT,,,,,,,\n"
                   "1,G,,1.2,B,MOLVT,,,,,,,\n"
                   "1,G,,1.1,C,MOLVT,,,,,,,\n",
               "line 4", "column 4 (activity_code)", "'1.1'", "first on line 2",
               NULL);
}

static void
test_annex_unknown_rating(void **state)
{
    Fix *f = *state;
    read_fails(f,
               HDR "1,G,,1.1,A,MOLVT,,,,,,,\n"
                   "1,G,,1.2,B,MOLVT,,,,,x,y,On track?\n",
               "line 3, column 13 (2017:rating)", "unknown rating 'On track?'",
               "'On Target'", "'Progressing'", "'Not on Target'", NULL);
}

/* A row spanning lines: the line is that of the rating cell itself. */
static void
test_annex_unknown_rating_multiline(void **state)
{
    Fix *f = *state;
    read_fails(f, HDR "1,G,,1.1,A,MOLVT,,x,\"first\nsecond\",Done,,,\n",
               "line 3, column 10 (2016:rating)", "'Done'", NULL);
}

static void
test_annex_missing_column(void **state)
{
    Fix *f = *state;
    read_fails(f,
               "goal_code,goal,activity_code,activity,responsible,"
               "contributing,2017:action_point,2017:progress\n"
               "1,G,1.1,A,MOLVT,,x,y\n",
               "line 1", "missing column '2017:rating'", NULL);
    model_release(&f->m);
    read_fails(f, "goal_code,goal,activity_code,activity,responsible\n",
               "missing column 'contributing'", NULL);
    model_release(&f->m);
    read_fails(f,
               "goal_code,activity_code,activity,responsible,"
               "contributing\n",
               "missing column 'goal'", NULL);
}

static void
test_annex_unknown_column(void **state)
{
    Fix *f = *state;
    read_fails(f,
               "goal_code,goal,activity_code,activity,responsible,"
               "contributing,notes\n",
               "line 1, column 7", "unknown column 'notes'", NULL);
    model_release(&f->m);
    read_fails(f,
               "goal_code,goal,activity_code,activity,responsible,"
               "contributing,2017:score\n",
               "line 1, column 7", "unknown column '2017:score'", NULL);
    model_release(&f->m);
    read_fails(f,
               "goal_code,goal,activity_code,activity,description,"
               "responsible,contributing\n",
               "line 1, column 5", "unknown column 'description'", NULL);
}

static void
test_annex_duplicate_column(void **state)
{
    Fix *f = *state;
    read_fails(f,
               "goal_code,goal,activity_code,activity,responsible,"
               "contributing,responsible\n",
               "line 1, column 7", "duplicate column 'responsible'", "column 5",
               NULL);
}

static void
test_annex_wrong_field_count(void **state)
{
    Fix *f = *state;
    read_fails(f,
               HDR "1,G,,1.1,A,MOLVT,,,,,,,\n"
                   "1,G,,1.2,B,MOLVT,,,,,,\n",
               "line 3", "12 fields", "13 columns", NULL);
    model_release(&f->m);
    read_fails(f, HDR "1,G,,1.1,A,MOLVT,,,,,,,,\n", "line 2", "14 fields",
               NULL);
}

static void
test_annex_empty_file(void **state)
{
    Fix *f = *state;
    read_fails(f, "", "empty", NULL);
    model_release(&f->m);
    read_fails(f, "\xEF\xBB\xBF\r\n\r\n", "empty", NULL);
}

static void
test_annex_invalid_utf8(void **state)
{
    Fix *f = *state;
    read_fails(f,
               HDR "1,G,,1.1,A,MOLVT,,,,,,,\n"
                   "1,G,,1.2,Caf\xE9 latin-1,MOLVT,,,,,,,\n",
               "line 3, column 5 (activity)", "invalid UTF-8", NULL);
}

static void
test_annex_csv_syntax_error(void **state)
{
    Fix *f = *state;
    read_fails(f, HDR "1,G,,1.1,\"A,MOLVT,,,,,,,\n", "line 2, column 5",
               "not closed", NULL);
}

static void
test_annex_empty_code(void **state)
{
    Fix *f = *state;
    read_fails(f, HDR "1,G,,,A,MOLVT,,,,,,,\n",
               "line 2, column 4 (activity_code)", "empty activity code", NULL);
}

/* A goal's text given twice must agree. */
static void
test_annex_conflicting_goal_text(void **state)
{
    Fix *f = *state;
    read_fails(f,
               HDR "1,Goal one,,1.1,A,MOLVT,,,,,,,\n"
                   "1,Goal 1,,1.2,B,MOLVT,,,,,,,\n",
               "line 3, column 2 (goal)", "'1'", "different text", "line 2",
               NULL);
}

/* Compare two plans field by field (what the annex layout carries). */
static void
check_same_plan(const Plan *a, const Plan *b)
{
    assert_int_equal(a->nLevel, b->nLevel);
    for (int l = 0; l < a->nLevel; l++) {
        assert_string_equal(a->aLevel[l].zName, b->aLevel[l].zName);
        assert_int_equal(a->aLevel[l].bIndicator, b->aLevel[l].bIndicator);
    }
    assert_int_equal(a->nRound, b->nRound);
    for (size_t r = 0; r < a->nRound; r++) {
        assert_string_equal(a->aRound[r].zCode, b->aRound[r].zCode);
    }
    assert_int_equal(a->nNode, b->nNode);
    for (size_t i = 0; i < a->nNode; i++) {
        const Node *x = &a->aNode[i], *y = &b->aNode[i];
        assert_string_equal(x->zCode, y->zCode);
        assert_int_equal(x->iLevel, y->iLevel);
        assert_int_equal(x->iParent, y->iParent);
        if (x->zText || y->zText) {
            assert_non_null(x->zText);
            assert_non_null(y->zText);
            assert_string_equal(x->zText, y->zText);
        }
        if (x->zIndicator || y->zIndicator) {
            assert_non_null(x->zIndicator);
            assert_non_null(y->zIndicator);
            assert_string_equal(x->zIndicator, y->zIndicator);
        }
        check_strv(y->azResp, y->nResp, (const char *const *)x->azResp,
                   x->nResp);
        check_strv(y->azContrib, y->nContrib, (const char *const *)x->azContrib,
                   x->nContrib);
        assert_int_equal(x->nAssess, y->nAssess);
        for (size_t k = 0; k < x->nAssess; k++) {
            assert_string_equal(x->aAssess[k].zRound, y->aAssess[k].zRound);
            assert_string_equal(x->aAssess[k].zActionPoint,
                                y->aAssess[k].zActionPoint);
            assert_string_equal(x->aAssess[k].zProgress,
                                y->aAssess[k].zProgress);
            assert_int_equal(x->aAssess[k].eRating, y->aAssess[k].eRating);
        }
    }
}

static Node *
add_node(Plan *p, const char *zCode, int iLevel, long iParent,
         const char *zText, const char *zIndicator)
{
    Node *n = plan_add_node(p);
    n->zCode = xstrdup(zCode);
    n->iLevel = iLevel;
    n->iParent = iParent;
    n->zText = xstrdup(zText);
    n->zIndicator = xstrdup(zIndicator);
    return n;
}

static void
add_assessment(Node *n, const char *zRound, const char *zAction,
               const char *zProgress, Rating e)
{
    Assessment *a = node_add_assessment(n);
    a->zRound = xstrdup(zRound);
    a->zActionPoint = xstrdup(zAction);
    a->zProgress = xstrdup(zProgress);
    a->eRating = e;
    a->eState = ASSESS_APPROVED;
}

/* Tricky text survives annex_csv_write + annex_csv_read. */
static void
test_annex_round_trip(void **state)
{
    Fix *f = *state;
    Model m = MODEL_INIT;
    Plan *p = model_add_plan(&m);
    p->zCode = xstrdup("lmp");
    p->aLevel[0].zName = xstrdup("goal");
    p->aLevel[0].bIndicator = 1;
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    plan_add_round(p)->zCode = xstrdup("2016");
    plan_add_round(p)->zCode = xstrdup("2017");
    add_node(p, "1", 0, -1, "Standards, \"reviewed\"", "# ratified\n(count)");
    Node *n = add_node(p, "1.1", 1, 0,
                       "\xE1\x9E\x95\xE1\x9F\x82\xE1\x9E\x93\xE1\x9E\x80"
                       "\xE1\x9E\xB6\xE1\x9E\x9A: study",
                       NULL);
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    strv_push(&n->azResp, &n->nResp, "MOFA&IC");
    strv_push(&n->azContrib, &n->nContrib, "ILO");
    add_assessment(n, "2016", "=1+1 is not a formula", "line one\r\nline two",
                   RATING_ON_TARGET);
    add_assessment(n, "2017", "-5% target", " padded ", RATING_NONE);
    n = add_node(p, "1.2", 1, 0, "@home workers", NULL);
    add_assessment(n, "2017", "x", "", RATING_NOT_ON_TARGET);
    add_node(p, "2", 0, -1, "Protection", NULL);
    n = add_node(p, "2.1", 1, 3, "Shelters", NULL);
    strv_push(&n->azContrib, &n->nContrib, "IOM");
    add_assessment(n, "2016", "", "+ more shelters", RATING_PROGRESSING);

    Buf b = BUF_INIT;
    annex_csv_write(p, NULL, &b);
    assert_false(buf_failed(&b));
    /* UTF-8 with a byte-order mark, for spreadsheets. */
    assert_memory_equal(buf_str(&b), "\xEF\xBB\xBF", 3);
    int rc = annex_csv_read("out.csv", buf_str(&b), b.n, "lmp", &f->m, &f->cols,
                            &f->err);
    if (rc) {
        print_error("cannot read back:\n%s\n%s\n", buf_str(&b), f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    check_same_plan(p, &f->m.aPlan[0]);
    buf_release(&b);
    model_release(&m);
}

/* The shipped sample reads, and writing it gives a file that reads back
** the same plan. */
static void
test_annex_sample_round_trip(void **state)
{
    Fix *f = *state;
    const EmbeddedFile *e = samples_find("cambodia-lmp-2015-2018/annex.csv");
    assert_non_null(e);
    int rc = annex_csv_read("annex.csv", (const char *)e->aData, e->nData,
                            "lmp", &f->m, &f->cols, &f->err);
    if (rc) {
        print_error("%s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    const Plan *p = &f->m.aPlan[0];
    assert_int_equal(p->nLevel, 4);
    assert_true(p->nNode > 100);
    Buf b = BUF_INIT;
    annex_csv_write(p, NULL, &b);
    Model m2 = MODEL_INIT;
    AnnexCols cols;
    memset(&cols, 0, sizeof cols);
    AppErr err = APPERR_INIT;
    rc = annex_csv_read("out.csv", buf_str(&b), b.n, "lmp", &m2, &cols, &err);
    if (rc) {
        print_error("%s\n", err.zMsg);
    }
    assert_int_equal(rc, 0);
    check_same_plan(p, &m2.aPlan[0]);
    assert_int_equal(cols.iRevision, 0);
    annex_cols_release(&cols);
    model_release(&m2);
    buf_release(&b);
}

/* An export's revision column: written last in every row, read back per
** node (an ancestor takes the row that first gave it), accepted anywhere
** in the header; the columns of every level and round are known for
** messages. */
static void
test_annex_revision_column(void **state)
{
    Fix *f = *state;
    const char *zRev = "1234@2026-01-01T08:00:00Z";
    Model m = MODEL_INIT;
    Plan *p = model_add_plan(&m);
    p->zCode = xstrdup("lmp");
    p->aLevel[0].zName = xstrdup("goal");
    p->aLevel[0].bIndicator = 1;
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    plan_add_round(p)->zCode = xstrdup("2017");
    add_node(p, "1", 0, -1, "Standards", "# ratified");
    Node *n = add_node(p, "1.1", 1, 0, "Study", NULL);
    add_assessment(n, "2017", "Study", "Started", RATING_PROGRESSING);
    add_node(p, "1.2", 1, 0, "Ratify", NULL);
    Buf b = BUF_INIT;
    annex_csv_write(p, zRev, &b);
    const char *zHead = buf_str(&b) + 3;
    assert_memory_equal(zHead,
                        "goal_code,goal,goal_indicator,activity_code,activity,"
                        "responsible,contributing,2017:action_point,"
                        "2017:progress,2017:rating,lmpmon:revision\r\n",
                        115);
    assert_non_null(strstr(buf_str(&b), "1.1,Study,,,Study,Started,Progressing,"
                                        "1234@2026-01-01T08:00:00Z\r\n"));
    int rc = annex_csv_read("out.csv", buf_str(&b), b.n, "lmp", &f->m, &f->cols,
                            &f->err);
    if (rc) {
        print_error("%s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    check_same_plan(p, &f->m.aPlan[0]);
    assert_int_equal(f->cols.iRevision, 11);
    assert_int_equal(f->cols.nRevision, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(f->cols.azRevision[i], zRev);
    }
    assert_int_equal(f->cols.aiText[0], 2);
    assert_int_equal(f->cols.aiIndicator[0], 3);
    assert_int_equal(f->cols.aiText[1], 5);
    assert_int_equal(f->cols.aiIndicator[1], 0);
    assert_int_equal(f->cols.aiRound[0], 8);
    assert_int_equal(f->cols.aiRound[1], 9);
    assert_int_equal(f->cols.aiRound[2], 10);
    buf_release(&b);
    model_release(&m);

    /* First column, one row without, one with spaces around. */
    model_release(&f->m);
    annex_cols_release(&f->cols);
    (void)read_ok(f, "lmpmon:revision,goal_code,goal,activity_code,"
                     "activity,responsible,contributing,"
                     "2017:action_point,2017:progress,2017:rating\n"
                     ",1,G,1.1,A,,,x,y,\n"
                     " 7@t ,1,G,1.2,B,,,x,y,\n");
    assert_int_equal(f->cols.iRevision, 1);
    assert_null(f->cols.azRevision[0]);
    assert_null(f->cols.azRevision[1]);
    assert_string_equal(f->cols.azRevision[2], "7@t");
    assert_int_equal(f->m.aPlan[0].aNode[2].aAssess[0].eRating, RATING_NONE);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_annex_levels_from_header),
        T(test_annex_revision_column),
        T(test_annex_three_levels),
        T(test_annex_nodes_pre_order),
        T(test_annex_orgs_and_assessments),
        T(test_annex_goal_by_code_only),
        T(test_annex_goal_text_later),
        T(test_annex_unguards_text),
        T(test_annex_duplicate_activity),
        T(test_annex_unknown_rating),
        T(test_annex_unknown_rating_multiline),
        T(test_annex_missing_column),
        T(test_annex_unknown_column),
        T(test_annex_duplicate_column),
        T(test_annex_wrong_field_count),
        T(test_annex_empty_file),
        T(test_annex_invalid_utf8),
        T(test_annex_csv_syntax_error),
        T(test_annex_empty_code),
        T(test_annex_conflicting_goal_text),
        T(test_annex_round_trip),
        T(test_annex_sample_round_trip),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
