/*
** test_store.c — unit tests of the store on SQLite (src/store/store.h).
**
** The database is where a ministry's review data lives: opening must never
** damage a file that is not ours (or is from a newer lmpmon), what is put
** must load back as the same plan, every change must leave an audit row
** with the old and new value, and a rollback must leave no trace.  Each
** test works in its own mkdtemp() directory, or, when LMPMON_TEST_PG_URL
** names a PostgreSQL test server (ctest's unit_store_pg), in its own new
** database there (pg_testdb.h): the same tests hold for both backends,
** with each backend's own refusals (a file that is not ours, a database
** that is not ours) tested on it.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/apperr.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "core/model.h"
#include "store/store.h"
#include "pg_testdb.h"

#define NOW "2018-03-01T10:00:00Z"

typedef struct Fix {
    char zDir[64];    /* the temporary directory */
    char zPath[256];  /* zDir/lmp.db, or the PostgreSQL database's URL */
    char zPgName[64]; /* the PostgreSQL database, or "" */
    Store *s;
    AppErr err;
    Model m;   /* what tests put */
    Model got; /* what store_load gives */
} Fix;

static int
setup(void **state)
{
    Fix *f = xcalloc(1, sizeof *f);
    (void)snprintf(f->zDir, sizeof f->zDir, "/tmp/lmpmon-test-XXXXXX");
    assert_non_null(mkdtemp(f->zDir));
    (void)snprintf(f->zPath, sizeof f->zPath, "%s/lmp.db", f->zDir);
    if (testdb_pg()) {
        assert_int_equal(testdb_create(f->zPgName, sizeof f->zPgName, f->zPath,
                                       sizeof f->zPath),
                         0);
    }
    assert_int_equal(setenv("LMPMON_NOW", NOW, 1), 0);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fix *f = *state;
    store_close(f->s);
    model_release(&f->m);
    model_release(&f->got);
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

/* Whole content of zPath in b; -1 if it cannot be read. */
static int
slurp(const char *zPath, Buf *b)
{
    FILE *in = fopen(zPath, "rb");
    if (!in) {
        return -1;
    }
    char a[4096];
    size_t n;
    while ((n = fread(a, 1, sizeof a, in)) > 0) {
        buf_append(b, a, n);
    }
    (void)fclose(in);
    return 0;
}

static int
exists(const char *zPath)
{
    struct stat sb;
    return stat(zPath, &sb) == 0;
}

/* Run SQL on zPath with the plain SQLite API (as another program would). */
static void
sqlite_exec(const char *zPath, const char *zSql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(zPath, &db), SQLITE_OK);
    char *zErr = NULL;
    int rc = sqlite3_exec(db, zSql, NULL, NULL, &zErr);
    if (rc != SQLITE_OK) {
        print_error("%s: %s\n", zSql, zErr ? zErr : "?");
    }
    sqlite3_free(zErr);
    assert_int_equal(rc, SQLITE_OK);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static Store *
open_ok(Fix *f, StoreOpenMode e)
{
    Store *s = store_open(f->zPath, e, "tester", &f->err);
    if (!s) {
        print_error("store_open: %s\n", f->err.zMsg);
    }
    assert_non_null(s);
    return s;
}

static void
check_ok(Fix *f, int rc)
{
    if (rc != 0) {
        print_error("%s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
}

/* Open zPath, which must be refused with eCode and a message holding
** zPart, leaving its bytes as they were. */
static void
open_refused(Fix *f, const char *zPath, StoreOpenMode e, AppErrCode eCode,
             const char *zPart)
{
    Buf before = BUF_INIT, after = BUF_INIT;
    int bHad = slurp(zPath, &before) == 0;
    AppErr err = APPERR_INIT;
    Store *s = store_open(zPath, e, "tester", &err);
    assert_null(s);
    assert_int_equal(err.code, eCode);
    if (!strstr(err.zMsg, zPart)) {
        print_error("message '%s' lacks '%s'\n", err.zMsg, zPart);
    }
    assert_non_null(strstr(err.zMsg, zPart));
    if (bHad) {
        assert_int_equal(slurp(zPath, &after), 0);
        assert_int_equal(after.n, before.n);
        assert_memory_equal(buf_str(&after), buf_str(&before), before.n);
    } else {
        assert_false(exists(zPath));
    }
    buf_release(&before);
    buf_release(&after);
}

static void
test_store_create_then_existing(void **state)
{
    Fix *f = *state;
    Store *s = open_ok(f, STORE_OPEN_CREATE);
    store_close(s);
    assert_true(testdb_pg() || exists(f->zPath));
    /* Creating over an existing database is refused. */
    open_refused(f, f->zPath, STORE_OPEN_CREATE, APPERR_CONFLICT, "already");
    f->s = open_ok(f, STORE_OPEN_EXISTING);
    assert_true(store_schema_version() >= 1);
    /* A new database has no plan. */
    check_ok(f, store_load(f->s, NULL, &f->got, &f->err));
    assert_int_equal(f->got.nPlan, 0);
    assert_int_equal(f->got.nOrg, 0);
}

static void
test_store_missing_file(void **state)
{
    Fix *f = *state;
    char zMissing[192];
    (void)snprintf(zMissing, sizeof zMissing, "%s/missing.db", f->zDir);
    open_refused(f, zMissing, STORE_OPEN_EXISTING, APPERR_NOTFOUND,
                 "missing.db");
    assert_false(exists(zMissing));
}

static void
test_store_not_sqlite(void **state)
{
    Fix *f = *state;
    FILE *out = fopen(f->zPath, "wb");
    assert_non_null(out);
    assert_true(fputs("hello", out) >= 0);
    assert_int_equal(fclose(out), 0);
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_INPUT,
                 "not an lmpmon database");
    Buf b = BUF_INIT;
    assert_int_equal(slurp(f->zPath, &b), 0);
    assert_string_equal(buf_str(&b), "hello");
    buf_release(&b);
}

/* An empty file would become a new SQLite database if opened blindly. */
static void
test_store_empty_file(void **state)
{
    Fix *f = *state;
    FILE *out = fopen(f->zPath, "wb");
    assert_non_null(out);
    assert_int_equal(fclose(out), 0);
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_INPUT,
                 "not an lmpmon database");
    struct stat sb;
    assert_int_equal(stat(f->zPath, &sb), 0);
    assert_int_equal(sb.st_size, 0);
}

static void
test_store_other_sqlite(void **state)
{
    Fix *f = *state;
    sqlite_exec(f->zPath, "CREATE TABLE customer(id INTEGER, name TEXT);"
                          "INSERT INTO customer VALUES(1, 'Sok');");
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_INPUT,
                 "not an lmpmon database");
    /* Still the other program's database, with no table of ours. */
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->zPath, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT count(*) FROM sqlite_schema",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void
test_store_newer_schema(void **state)
{
    Fix *f = *state;
    store_close(open_ok(f, STORE_OPEN_CREATE));
    char zSql[64];
    (void)snprintf(zSql, sizeof zSql, "PRAGMA user_version = %d",
                   store_schema_version() + 1);
    sqlite_exec(f->zPath, zSql);
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_CONFLICT, "newer");
}

/* ---- putting and loading -------------------------------------------- */

static Org *
add_org(Model *m, const char *zAcronym, const char *zName, const char *zParent,
        const char *zAlias)
{
    Org *o = model_add_org(m);
    o->zAcronym = xstrdup(zAcronym);
    o->zName = xstrdup(zName);
    o->eKind = ORG_GOVERNMENT;
    o->zParent = xstrdup(zParent);
    if (zAlias) {
        strv_push(&o->azAlias, &o->nAlias, zAlias);
    }
    return o;
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
add_round(Plan *p, const char *zCode, const char *zAsOf, RoundState e)
{
    Round *r = plan_add_round(p);
    r->zCode = xstrdup(zCode);
    Buf t = BUF_INIT;
    buf_printf(&t, "%s review", zCode);
    r->zTitle = buf_detach(&t);
    r->zAsOf = xstrdup(zAsOf);
    r->eState = e;
}

/* An approved assessment of copies (free with assessment_release()). */
static Assessment
assessment(const char *zRound, const char *zAction, Rating e)
{
    Assessment a;
    memset(&a, 0, sizeof a);
    a.zRound = xstrdup(zRound);
    a.zActionPoint = xstrdup(zAction);
    a.zProgress = xstrdup("progress text");
    a.eRating = e;
    a.eState = ASSESS_APPROVED;
    return a;
}

/* Replace the string *pz owns with a copy of z. */
static void
set_copy(char **pz, const char *z)
{
    free(*pz);
    *pz = xstrdup(z);
}

/* Fill f->m with a plan whose nodes are not in pre-order (activity 1.2
** comes after goal 2) and whose rounds are not in date order, put it all
** in one transaction and commit. */
static void
put_sample(Fix *f)
{
    Model *m = &f->m;
    add_org(m, "MOLVT", "Ministry of Labour", NULL, NULL);
    add_org(m, "PDOLVT", "Provincial Departments of Labour", "MOLVT", "PDoLVT");
    add_org(m, "ILO", "International Labour Organization", NULL, NULL)->eKind =
        ORG_UN_AGENCY;
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup("lmp");
    p->zTitle = xstrdup("Policy on Labour Migration");
    p->aLevel[0].zName = xstrdup("goal");
    p->aLevel[0].bIndicator = 1;
    p->aLevel[1].zName = xstrdup("activity");
    p->nLevel = 2;
    /* Neither in date order nor in code order. */
    add_round(p, "2017", "2017-12-31", ROUND_OPEN);
    add_round(p, "2018", NULL, ROUND_DRAFT);
    add_round(p, "2016", "2016-12-31", ROUND_PUBLISHED);
    add_round(p, "baseline", "2015-06-30", ROUND_CLOSED);
    add_node(p, "1", 0, -1, "Standards", "# ratified"); /* 0 */
    Node *n = add_node(p, "1.1", 1, 0, "Study", NULL);  /* 1 */
    strv_push(&n->azResp, &n->nResp, "MOLVT");
    strv_push(&n->azContrib, &n->nContrib, "ILO");
    strv_push(&n->azContrib, &n->nContrib, "PDOLVT");
    add_node(p, "2", 0, -1, "Protection", NULL);    /* 2 */
    n = add_node(p, "2.1", 1, 2, "Shelters", NULL); /* 3 */
    strv_push(&n->azResp, &n->nResp, "PDOLVT");
    add_node(p, "1.2", 1, 0, "Ratify C189", NULL); /* 4 */

    f->s = open_ok(f, STORE_OPEN_CREATE);
    check_ok(f, store_begin(f->s, &f->err));
    for (size_t i = 0; i < m->nOrg; i++) {
        check_ok(f, store_org_put(f->s, &m->aOrg[i], &f->err));
    }
    check_ok(f, store_plan_put(f->s, p, &f->err));
    for (size_t i = 0; i < p->nRound; i++) {
        check_ok(f, store_round_put(f->s, "lmp", &p->aRound[i], &f->err));
    }
    for (size_t i = 0; i < p->nNode; i++) {
        check_ok(f, store_node_put(f->s, p, (long)i, 1, &f->err));
    }
    Assessment a = assessment("2017", "Study more", RATING_PROGRESSING);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &a, 0, &f->err));
    assessment_release(&a);
    a = assessment("2016", "Study", RATING_ON_TARGET);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &a, 0, &f->err));
    assessment_release(&a);
    a = assessment("2016", "Build", RATING_NONE);
    a.eState = ASSESS_SUBMITTED;
    check_ok(f, store_assessment_put(f->s, "lmp", "2.1", &a, 0, &f->err));
    assessment_release(&a);
    a = assessment("baseline", "Plan", RATING_PROGRESSING);
    check_ok(f, store_assessment_put(f->s, "lmp", "2.1", &a, 0, &f->err));
    assessment_release(&a);
    check_ok(f, store_commit(f->s, &f->err));
}

/* Close and reopen, so what is loaded comes from the file. */
static void
reopen(Fix *f)
{
    store_close(f->s);
    f->s = open_ok(f, STORE_OPEN_EXISTING);
}

static void
load(Fix *f, const char *zPlan)
{
    model_release(&f->got);
    check_ok(f, store_load(f->s, zPlan, &f->got, &f->err));
}

static void
test_store_load_orgs(void **state)
{
    Fix *f = *state;
    put_sample(f);
    reopen(f);
    load(f, "lmp");
    const Model *g = &f->got;
    assert_int_equal(g->nOrg, 3);
    /* By acronym. */
    assert_string_equal(g->aOrg[0].zAcronym, "ILO");
    assert_string_equal(g->aOrg[1].zAcronym, "MOLVT");
    assert_string_equal(g->aOrg[2].zAcronym, "PDOLVT");
    assert_string_equal(g->aOrg[0].zName, "International Labour Organization");
    assert_int_equal(g->aOrg[0].eKind, ORG_UN_AGENCY);
    assert_int_equal(g->aOrg[1].eKind, ORG_GOVERNMENT);
    assert_null(g->aOrg[1].zParent);
    assert_string_equal(g->aOrg[2].zParent, "MOLVT");
    assert_int_equal(g->aOrg[2].nAlias, 1);
    assert_string_equal(g->aOrg[2].azAlias[0], "PDoLVT");
}

static void
test_store_load_plan(void **state)
{
    Fix *f = *state;
    put_sample(f);
    reopen(f);
    load(f, "lmp");
    assert_int_equal(f->got.nPlan, 1);
    const Plan *p = &f->got.aPlan[0];
    assert_string_equal(p->zCode, "lmp");
    assert_string_equal(p->zTitle, "Policy on Labour Migration");
    assert_int_equal(p->nLevel, 2);
    assert_string_equal(p->aLevel[0].zName, "goal");
    assert_true(p->aLevel[0].bIndicator);
    assert_string_equal(p->aLevel[1].zName, "activity");
    assert_false(p->aLevel[1].bIndicator);
    /* Rounds by as-of date, undated last (not by code: "baseline" is the
    ** earliest). */
    assert_int_equal(p->nRound, 4);
    assert_string_equal(p->aRound[0].zCode, "baseline");
    assert_string_equal(p->aRound[0].zAsOf, "2015-06-30");
    assert_int_equal(p->aRound[0].eState, ROUND_CLOSED);
    assert_string_equal(p->aRound[1].zCode, "2016");
    assert_string_equal(p->aRound[1].zAsOf, "2016-12-31");
    assert_string_equal(p->aRound[1].zTitle, "2016 review");
    assert_int_equal(p->aRound[1].eState, ROUND_PUBLISHED);
    assert_string_equal(p->aRound[2].zCode, "2017");
    assert_int_equal(p->aRound[2].eState, ROUND_OPEN);
    assert_string_equal(p->aRound[3].zCode, "2018");
    assert_null(p->aRound[3].zAsOf);
    assert_int_equal(p->aRound[3].eState, ROUND_DRAFT);
}

static void
test_store_load_nodes_pre_order(void **state)
{
    Fix *f = *state;
    put_sample(f);
    reopen(f);
    load(f, "lmp");
    const Plan *p = &f->got.aPlan[0];
    assert_int_equal(p->nNode, 5);
    static const char *const azCode[] = { "1", "1.1", "1.2", "2", "2.1" };
    static const long aiParent[] = { -1, 0, 0, -1, 3 };
    static const int aiLevel[] = { 0, 1, 1, 0, 1 };
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(p->aNode[i].zCode, azCode[i]);
        assert_int_equal(p->aNode[i].iParent, aiParent[i]);
        assert_int_equal(p->aNode[i].iLevel, aiLevel[i]);
    }
    assert_string_equal(p->aNode[0].zText, "Standards");
    assert_string_equal(p->aNode[0].zIndicator, "# ratified");
    assert_null(p->aNode[1].zIndicator);
    assert_string_equal(p->aNode[2].zText, "Ratify C189");
    /* Links in the order given. */
    const Node *n = &p->aNode[1];
    assert_int_equal(n->nResp, 1);
    assert_string_equal(n->azResp[0], "MOLVT");
    assert_int_equal(n->nContrib, 2);
    assert_string_equal(n->azContrib[0], "ILO");
    assert_string_equal(n->azContrib[1], "PDOLVT");
    assert_int_equal(p->aNode[4].nResp, 1);
    assert_string_equal(p->aNode[4].azResp[0], "PDOLVT");
    assert_int_equal(p->aNode[4].nContrib, 0);
}

static void
test_store_load_assessments(void **state)
{
    Fix *f = *state;
    put_sample(f);
    reopen(f);
    load(f, NULL); /* all plans */
    assert_int_equal(f->got.nPlan, 1);
    const Plan *p = &f->got.aPlan[0];
    const Node *n = &p->aNode[1]; /* 1.1 */
    /* Put 2017 first; loaded in round order. */
    assert_int_equal(n->nAssess, 2);
    assert_string_equal(n->aAssess[0].zRound, "2016");
    assert_string_equal(n->aAssess[0].zActionPoint, "Study");
    assert_string_equal(n->aAssess[0].zProgress, "progress text");
    assert_int_equal(n->aAssess[0].eRating, RATING_ON_TARGET);
    assert_int_equal(n->aAssess[0].eState, ASSESS_APPROVED);
    assert_string_equal(n->aAssess[1].zRound, "2017");
    assert_int_equal(n->aAssess[1].eRating, RATING_PROGRESSING);
    n = &p->aNode[4]; /* 2.1: baseline (2015) before 2016 */
    assert_int_equal(n->nAssess, 2);
    assert_string_equal(n->aAssess[0].zRound, "baseline");
    assert_int_equal(n->aAssess[0].eRating, RATING_PROGRESSING);
    assert_string_equal(n->aAssess[1].zRound, "2016");
    assert_int_equal(n->aAssess[1].eRating, RATING_NONE);
    assert_int_equal(n->aAssess[1].eState, ASSESS_SUBMITTED);
    assert_int_equal(p->aNode[2].nAssess, 0);
}

/* Loading some rounds gives every round and node but only those rounds'
** assessments (and the round before each when asked: in as-of order,
** "baseline" comes before 2016). */
static void
test_store_load_rounds(void **state)
{
    Fix *f = *state;
    put_sample(f);
    reopen(f);
    const char *az2016[] = { "2016" };
    check_ok(f, store_load_rounds(f->s, "lmp", az2016, 1, 0, &f->got, &f->err));
    const Plan *p = &f->got.aPlan[0];
    assert_int_equal(p->nRound, 4);
    assert_int_equal(p->nNode, 5);
    assert_int_equal(p->aNode[1].nResp, 1); /* links as before */
    assert_int_equal(p->aNode[1].nContrib, 2);
    assert_int_equal(p->aNode[1].nAssess, 1); /* 1.1: 2016 only */
    assert_string_equal(p->aNode[1].aAssess[0].zRound, "2016");
    assert_int_equal(p->aNode[4].nAssess, 1); /* 2.1: 2016 only */
    assert_string_equal(p->aNode[4].aAssess[0].zRound, "2016");
    assert_true(plan_lookup_node(p, "2.1") == 4); /* indexed */

    model_release(&f->got);
    check_ok(f, store_load_rounds(f->s, "lmp", az2016, 1, 1, &f->got, &f->err));
    p = &f->got.aPlan[0];
    assert_int_equal(p->aNode[1].nAssess, 1); /* 1.1 has no baseline */
    assert_int_equal(p->aNode[4].nAssess, 2); /* 2.1: baseline, 2016 */
    assert_string_equal(p->aNode[4].aAssess[0].zRound, "baseline");
    assert_string_equal(p->aNode[4].aAssess[1].zRound, "2016");

    /* A round with no assessments, and one that does not exist. */
    model_release(&f->got);
    const char *azNone[] = { "2018", "nope" };
    check_ok(f, store_load_rounds(f->s, "lmp", azNone, 2, 0, &f->got, &f->err));
    p = &f->got.aPlan[0];
    for (size_t i = 0; i < p->nNode; i++) {
        assert_int_equal(p->aNode[i].nAssess, 0);
    }
}

static void
test_store_load_unknown_plan(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Model m = MODEL_INIT;
    assert_int_equal(store_load(f->s, "nope", &m, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(f->err.zMsg, "'nope'"));
    model_release(&m);
}

/* Puts that refer to what does not exist are refused. */
static void
test_store_put_refused(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Plan *p = &f->m.aPlan[0];
    check_ok(f, store_begin(f->s, &f->err));
    /* A round of an unknown plan. */
    AppErr err = APPERR_INIT;
    assert_int_equal(store_round_put(f->s, "nope", &p->aRound[0], &err), -1);
    assert_int_equal(err.code, APPERR_NOTFOUND);
    /* An assessment of an unknown activity or round. */
    Assessment a = assessment("2016", "x", RATING_NONE);
    err.code = APPERR_OK;
    assert_int_equal(store_assessment_put(f->s, "lmp", "9.9", &a, 0, &err), -1);
    assert_int_equal(err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(err.zMsg, "'9.9'"));
    set_copy(&a.zRound, "1999");
    err.code = APPERR_OK;
    assert_int_equal(store_assessment_put(f->s, "lmp", "1.1", &a, 0, &err), -1);
    assert_int_equal(err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(err.zMsg, "'1999'"));
    assessment_release(&a);
    /* A link to an unknown organisation. */
    strv_push(&p->aNode[1].azResp, &p->aNode[1].nResp, "NOBODY");
    err.code = APPERR_OK;
    assert_int_equal(store_node_put(f->s, p, 1, 1, &err), -1);
    assert_int_equal(err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(err.zMsg, "'NOBODY'"));
    /* Levels of a plan that has nodes cannot change. */
    p->aLevel[0].bIndicator = 0;
    err.code = APPERR_OK;
    assert_int_equal(store_plan_put(f->s, p, &err), -1);
    assert_int_equal(err.code, APPERR_CONFLICT);
    store_rollback(f->s);
}

/* Audit rows of key zKey (and below), as "action entity key field old->new"
** lines. */
static void
audit_text(Fix *f, const char *zKey, Buf *b)
{
    AuditEntry *a = NULL;
    size_t n = 0;
    check_ok(f, store_audit_list(f->s, zKey, &a, &n, &f->err));
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(a[i].zActor, "tester");
        assert_string_equal(a[i].zAt, NOW);
        buf_printf(b, "%s %s %s %s %s->%s\n", a[i].zAction, a[i].zEntity,
                   a[i].zKey, a[i].zField ? a[i].zField : "-",
                   a[i].zOld ? a[i].zOld : "-", a[i].zNew ? a[i].zNew : "-");
    }
    audit_free(a, n);
}

static void
test_store_audit_create(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Buf b = BUF_INIT;
    audit_text(f, "lmp/1.1", &b);
    /* The node, its links, then its assessments (put 2017 first).  Not the
    ** rows of lmp/1 nor of lmp/1.2. */
    assert_string_equal(buf_str(&b),
                        "create node lmp/1.1 - -->Study\n"
                        "update node lmp/1.1 responsible ->MOLVT\n"
                        "update node lmp/1.1 contributing ->ILO; PDOLVT\n"
                        "create assessment lmp/1.1/2017 - -->progressing\n"
                        "create assessment lmp/1.1/2016 - -->on_target\n");
    buf_reset(&b);
    audit_text(f, "lmp/1", &b);
    assert_string_equal(buf_str(&b),
                        "create node lmp/1 - -->Standards\n"
                        "create node lmp/1 indicator --># ratified\n");
    buf_reset(&b);
    audit_text(f, "lmp/round/2016", &b);
    assert_string_equal(buf_str(&b),
                        "create round lmp/round/2016 - -->2016 review\n");
    buf_reset(&b);
    audit_text(f, "PDOLVT", &b);
    assert_string_equal(buf_str(&b),
                        "create org PDOLVT - -->Provincial Departments of "
                        "Labour\n"
                        "update org PDOLVT aliases ->PDoLVT\n");
    buf_release(&b);
}

/* A node's history is its key and the keys below it ("lmp/1.1/2016"),
** never a neighbour whose code merely starts the same: "1.10" ('0' sorts
** right after '/'), "1.1.2" and "1.1-a" (they sort before '/'), "1.1é"
** (a byte above '/').  The query reads these as a range of the index. */
static void
test_store_audit_prefix(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Plan *p = &f->m.aPlan[0];
    static const char *const azNeighbour[] = { "1.10", "1.1.2", "1.1-a",
                                               "1.1\xc3\xa9" };
    check_ok(f, store_begin(f->s, &f->err));
    for (size_t k = 0; k < sizeof azNeighbour / sizeof azNeighbour[0]; k++) {
        add_node(p, azNeighbour[k], 1, 0, "Neighbour", NULL);
        check_ok(f, store_node_put(f->s, p, (long)p->nNode - 1, 1, &f->err));
        Assessment a = assessment("2017", "Neighbour", RATING_PROGRESSING);
        check_ok(f, store_assessment_put(f->s, "lmp", azNeighbour[k], &a, 0,
                                         &f->err));
        assessment_release(&a);
    }
    /* A code with a '/' in it would have a key below "lmp/1.1" and show
    ** in 1.1's history (keys are joined with '/'): it is refused. */
    add_node(p, "1.1/x", 1, 0, "Neighbour", NULL);
    AppErr err = APPERR_INIT;
    assert_int_equal(store_node_put(f->s, p, (long)p->nNode - 1, 1, &err), -1);
    assert_int_equal(err.code, APPERR_INPUT);
    assert_non_null(strstr(err.zMsg, "'1.1/x' holds '/'"));
    check_ok(f, store_commit(f->s, &f->err));
    Buf b = BUF_INIT;
    audit_text(f, "lmp/1.1", &b);
    assert_string_equal(buf_str(&b),
                        "create node lmp/1.1 - -->Study\n"
                        "update node lmp/1.1 responsible ->MOLVT\n"
                        "update node lmp/1.1 contributing ->ILO; PDOLVT\n"
                        "create assessment lmp/1.1/2017 - -->progressing\n"
                        "create assessment lmp/1.1/2016 - -->on_target\n");
    buf_reset(&b);
    audit_text(f, "lmp/1.10", &b);
    assert_string_equal(buf_str(&b), "create node lmp/1.10 - -->Neighbour\n"
                                     "create node lmp/1.10 assessments -->"
                                     "2017: progressing\n");
    buf_release(&b);
}

/* Assessments created right after their new activity, as an import
** writes a plan, are one audit row of the activity (store.c says why);
** each is still told to the observer as its own creation.  An
** assessment created later, or under an activity that already existed,
** has its own row, and so has every later change of a folded one; a
** transaction rolled back leaves no folded row behind. */
static void
count_observed(void *pArg, const char *zAction, const char *zEntity,
               const char *zField)
{
    int *pn = pArg;
    if (strcmp(zAction, "create") == 0 && strcmp(zEntity, "assessment") == 0 &&
        !zField) {
        (*pn)++;
    }
}

static void
test_store_audit_fold(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Plan *p = &f->m.aPlan[0];
    int nTold = 0;
    store_set_audit_observer(f->s, count_observed, &nTold);
    check_ok(f, store_begin(f->s, &f->err));
    add_node(p, "1.3", 1, 0, "Survey", NULL);
    check_ok(f, store_node_put(f->s, p, (long)p->nNode - 1, 1, &f->err));
    static const char *const azRound[] = { "2016", "2017", "baseline" };
    static const Rating aRating[] = { RATING_ON_TARGET, RATING_NONE,
                                      RATING_PROGRESSING };
    for (int k = 0; k < 3; k++) {
        Assessment a = assessment(azRound[k], "Survey", aRating[k]);
        check_ok(f, store_assessment_put(f->s, "lmp", "1.3", &a, 0, &f->err));
        assessment_release(&a);
    }
    /* 1.2 existed before: its new assessment has a row of its own. */
    Assessment a = assessment("2018", "Ratify", RATING_NONE);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.2", &a, 0, &f->err));
    assessment_release(&a);
    check_ok(f, store_commit(f->s, &f->err));
    assert_int_equal(nTold, 4);

    /* A later change of a folded assessment: audited as any change. */
    check_ok(f, store_begin(f->s, &f->err));
    a = assessment("2017", "Survey", RATING_ON_TARGET);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.3", &a, 0, &f->err));
    assessment_release(&a);
    check_ok(f, store_commit(f->s, &f->err));

    /* Rolled back: neither the activity nor its folded row. */
    check_ok(f, store_begin(f->s, &f->err));
    add_node(p, "1.4", 1, 0, "Abandoned", NULL);
    check_ok(f, store_node_put(f->s, p, (long)p->nNode - 1, 1, &f->err));
    a = assessment("2016", "Abandoned", RATING_ON_TARGET);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.4", &a, 0, &f->err));
    assessment_release(&a);
    store_rollback(f->s);
    store_set_audit_observer(f->s, NULL, NULL);

    Buf b = BUF_INIT;
    audit_text(f, "lmp/1.3", &b);
    assert_string_equal(buf_str(&b),
                        "create node lmp/1.3 - -->Survey\n"
                        "create node lmp/1.3 assessments -->2016: on_target; "
                        "2017: not_rated; baseline: progressing\n"
                        "update assessment lmp/1.3/2017 rating "
                        "not_rated->on_target\n");
    buf_reset(&b);
    audit_text(f, "lmp/1.2", &b);
    assert_non_null(
        strstr(buf_str(&b), "create assessment lmp/1.2/2018 - -->not_rated\n"));
    buf_reset(&b);
    audit_text(f, "lmp/1.4", &b);
    assert_string_equal(buf_str(&b), "");
    buf_release(&b);
}

/* Changing values writes one audit row per changed field, old -> new;
** putting the same values again writes nothing. */
static void
test_store_audit_update(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Plan *p = &f->m.aPlan[0];
    Node *n = &p->aNode[1]; /* 1.1 */
    free(n->zText);
    n->zText = xstrdup("Study ratification");
    strv_push(&n->azResp, &n->nResp, "ILO");
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_node_put(f->s, p, 1, 1, &f->err));
    Assessment a = assessment("2016", "Study", RATING_PROGRESSING);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &a, 0, &f->err));
    assessment_release(&a);
    /* Same values as stored: no row. */
    a = assessment("2017", "Study more", RATING_PROGRESSING);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &a, 0, &f->err));
    assessment_release(&a);
    check_ok(f, store_org_put(f->s, &f->m.aOrg[0], &f->err));
    check_ok(f, store_commit(f->s, &f->err));

    Buf b = BUF_INIT;
    audit_text(f, "lmp/1.1", &b);
    const char *zNew = strstr(buf_str(&b), "create assessment lmp/1.1/2016");
    assert_non_null(zNew);
    zNew = strchr(zNew, '\n') + 1;
    assert_string_equal(zNew,
                        "update node lmp/1.1 text Study->Study ratification\n"
                        "update node lmp/1.1 responsible MOLVT->MOLVT; ILO\n"
                        "update assessment lmp/1.1/2016 rating "
                        "on_target->progressing\n");
    buf_reset(&b);
    audit_text(f, "MOLVT", &b);
    assert_string_equal(buf_str(&b),
                        "create org MOLVT - -->Ministry of Labour\n");
    buf_release(&b);

    /* And the new values are what loads. */
    load(f, "lmp");
    const Node *g = &f->got.aPlan[0].aNode[1];
    assert_string_equal(g->zText, "Study ratification");
    assert_int_equal(g->nResp, 2);
    assert_string_equal(g->azResp[1], "ILO");
    assert_int_equal(g->aAssess[0].eRating, RATING_PROGRESSING);
}

/* ---- one audit row per changed field ------------------------------------- */

/* How far a test has read the audit trail. */
typedef struct Seen {
    size_t n; /* rows of the key seen so far */
    long v;   /* store_data_version() when last looked */
} Seen;

static void
seen_init(Fix *f, const char *zKey, Seen *p)
{
    AuditEntry *a = NULL;
    check_ok(f, store_audit_list(f->s, zKey, &a, &p->n, &f->err));
    audit_free(a, p->n);
    check_ok(f, store_data_version(f->s, &p->v, &f->err));
}

/* The puts since the last look wrote exactly zWant under zKey ("" for
** nothing; rows as "action field key old->new" lines) and no row of any
** other key; *p moves past them. */
static void
expect_rows(Fix *f, const char *zKey, Seen *p, const char *zWant)
{
    AuditEntry *a = NULL;
    size_t n = 0;
    check_ok(f, store_audit_list(f->s, zKey, &a, &n, &f->err));
    Buf b = BUF_INIT;
    for (size_t i = p->n; i < n; i++) {
        buf_printf(&b, "%s %s %s %s->%s\n", a[i].zAction,
                   a[i].zField ? a[i].zField : "-", a[i].zKey,
                   a[i].zOld ? a[i].zOld : "-", a[i].zNew ? a[i].zNew : "-");
    }
    audit_free(a, n);
    if (strcmp(buf_str(&b), zWant) != 0) {
        print_error("audit of %s:\n%s\nwanted:\n%s\n", zKey, buf_str(&b),
                    zWant);
    }
    assert_string_equal(buf_str(&b), zWant);
    long v = 0;
    check_ok(f, store_data_version(f->s, &v, &f->err));
    assert_int_equal(v - p->v, n - p->n);
    p->n = n;
    p->v = v;
    buf_release(&b);
}

/* The stored version of lmp/zNode's assessment in zRound, and (with zOrg)
** of that organisation's statement on it; 0 when there is none. */
static int
stored_version(Fix *f, const char *zNode, const char *zRound, const char *zOrg)
{
    Model m = MODEL_INIT;
    check_ok(f, store_load_node(f->s, "lmp", zNode, &m, &f->err));
    int v = 0;
    const Assessment *a = node_find_assessment(&m.aPlan[0].aNode[0], zRound);
    if (a && !zOrg) {
        v = a->iVersion;
    } else if (a) {
        const Statement *st = assessment_find_statement(a, zOrg);
        v = st ? st->iVersion : 0;
    }
    model_release(&m);
    return v;
}

static void
set_text(char **pz, const char *z)
{
    free(*pz);
    *pz = xstrdup(z);
}

/* Putting what is stored writes no audit row (and bumps no version); each
** changed field writes exactly one row, old -> new. */
static void
test_store_audit_per_field(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Plan *p = &f->m.aPlan[0];
    Seen k;
    check_ok(f, store_begin(f->s, &f->err));

    /* An organisation: name, kind, parent, aliases. */
    Org *o = &f->m.aOrg[0]; /* MOLVT */
    seen_init(f, "MOLVT", &k);
    check_ok(f, store_org_put(f->s, o, &f->err));
    expect_rows(f, "MOLVT", &k, "");
    set_text(&o->zName, "Ministry of Labour and Vocational Training");
    check_ok(f, store_org_put(f->s, o, &f->err));
    expect_rows(f, "MOLVT", &k,
                "update name MOLVT Ministry of Labour->"
                "Ministry of Labour and Vocational Training\n");
    o->eKind = ORG_OTHER;
    check_ok(f, store_org_put(f->s, o, &f->err));
    expect_rows(f, "MOLVT", &k, "update kind MOLVT government->other\n");
    set_text(&o->zParent, "ILO");
    check_ok(f, store_org_put(f->s, o, &f->err));
    expect_rows(f, "MOLVT", &k, "update parent MOLVT ->ILO\n");
    strv_push(&o->azAlias, &o->nAlias, "MoLVT");
    strv_push(&o->azAlias, &o->nAlias, "Labour ministry");
    check_ok(f, store_org_put(f->s, o, &f->err));
    expect_rows(f, "MOLVT", &k,
                "update aliases MOLVT ->MoLVT; Labour "
                "ministry\n");
    check_ok(f, store_org_put(f->s, o, &f->err));
    expect_rows(f, "MOLVT", &k, "");

    /* A plan: title; levels while it has no nodes. */
    seen_init(f, "lmp", &k);
    check_ok(f, store_plan_put(f->s, p, &f->err));
    expect_rows(f, "lmp", &k, "");
    set_text(&p->zTitle, "National Policy on Labour Migration");
    check_ok(f, store_plan_put(f->s, p, &f->err));
    expect_rows(f, "lmp", &k,
                "update title lmp Policy on Labour Migration->"
                "National Policy on Labour Migration\n");
    check_ok(f, store_plan_put(f->s, p, &f->err));
    expect_rows(f, "lmp", &k, "");
    Model m2 = MODEL_INIT;
    Plan *q = model_add_plan(&m2);
    q->zCode = xstrdup("other");
    q->zTitle = xstrdup("Other");
    q->aLevel[0].zName = xstrdup("goal");
    q->aLevel[1].zName = xstrdup("activity");
    q->nLevel = 2;
    check_ok(f, store_plan_put(f->s, q, &f->err));
    seen_init(f, "other", &k);
    check_ok(f, store_plan_put(f->s, q, &f->err));
    expect_rows(f, "other", &k, "");
    q->aLevel[0].bIndicator = 1;
    check_ok(f, store_plan_put(f->s, q, &f->err));
    expect_rows(f, "other", &k,
                "update levels other goal > activity->"
                "goal* > activity\n");
    model_release(&m2);

    /* A round: title, as-of date, state. */
    Round *r = plan_find_round(p, "2017");
    seen_init(f, "lmp/round/2017", &k);
    check_ok(f, store_round_put(f->s, "lmp", r, &f->err));
    expect_rows(f, "lmp/round/2017", &k, "");
    set_text(&r->zTitle, "2017 annual review");
    check_ok(f, store_round_put(f->s, "lmp", r, &f->err));
    expect_rows(f, "lmp/round/2017", &k,
                "update title lmp/round/2017 "
                "2017 review->2017 annual review\n");
    set_text(&r->zAsOf, "2018-01-15");
    check_ok(f, store_round_put(f->s, "lmp", r, &f->err));
    expect_rows(f, "lmp/round/2017", &k,
                "update as_of lmp/round/2017 "
                "2017-12-31->2018-01-15\n");
    r->eState = ROUND_CLOSED;
    check_ok(f, store_round_put(f->s, "lmp", r, &f->err));
    expect_rows(f, "lmp/round/2017", &k,
                "update state lmp/round/2017 "
                "open->closed\n");
    /* Its due date: one row per change; a round put leaves it alone. */
    check_ok(f,
             store_round_due_put(f->s, "lmp", "2017", "2018-01-31", &f->err));
    expect_rows(f, "lmp/round/2017", &k,
                "update due lmp/round/2017 ->2018-01-31\n");
    check_ok(f,
             store_round_due_put(f->s, "lmp", "2017", "2018-01-31", &f->err));
    expect_rows(f, "lmp/round/2017", &k, "");
    check_ok(f, store_round_put(f->s, "lmp", r, &f->err));
    expect_rows(f, "lmp/round/2017", &k, "");
    check_ok(f, store_round_due_put(f->s, "lmp", "2017", NULL, &f->err));
    expect_rows(f, "lmp/round/2017", &k,
                "update due lmp/round/2017 2018-01-31->\n");
    /* An extension: created with its date and reason, changed per field,
    ** removed (date empty) keeping its row; a stale version is refused. */
    RoundExt e = { .zOrg = xstrdup("MOLVT"),
                   .zDue = xstrdup("2018-02-15"),
                   .zReason = xstrdup("flood") };
    seen_init(f, "lmp/round/2017/extension/MOLVT", &k);
    check_ok(f, store_round_ext_put(f->s, "lmp", "2017", &e, &f->err));
    expect_rows(f, "lmp/round/2017/extension/MOLVT", &k,
                "create - lmp/round/2017/extension/MOLVT -->2018-02-15\n"
                "create reason lmp/round/2017/extension/MOLVT -->flood\n");
    assert_int_equal(store_round_ext_put(f->s, "lmp", "2017", &e, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    e.iVersion = 1;
    set_text(&e.zDue, "2018-02-28");
    check_ok(f, store_round_ext_put(f->s, "lmp", "2017", &e, &f->err));
    expect_rows(f, "lmp/round/2017/extension/MOLVT", &k,
                "update due lmp/round/2017/extension/MOLVT "
                "2018-02-15->2018-02-28\n");
    e.iVersion = 2;
    free(e.zDue);
    e.zDue = NULL;
    check_ok(f, store_round_ext_put(f->s, "lmp", "2017", &e, &f->err));
    expect_rows(f, "lmp/round/2017/extension/MOLVT", &k,
                "update due lmp/round/2017/extension/MOLVT 2018-02-28->\n");
    set_text(&e.zOrg, "NOBODY");
    e.iVersion = 0;
    assert_int_equal(store_round_ext_put(f->s, "lmp", "2017", &e, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    free(e.zOrg);
    free(e.zReason);

    /* A chapter of the review: created with its English text (an empty
    ** Khmer one is none), each text's change one row, a stale version
    ** refused with nothing written, a round that does not exist named. */
    char zFind[] = "In contrast to 2016, **awareness** was high.";
    char zFind2[] = "Awareness was high.";
    char zKm[] = "\xE1\x9E\x80", zEmpty[] = "";
    RoundChapter ch = { CHAPTER_FINDINGS, zFind, zEmpty, NULL, NULL, 0 };
    seen_init(f, "lmp/round/2017/chapter/findings", &k);
    check_ok(f, store_round_chapter_put(f->s, "lmp", "2017", &ch, &f->err));
    expect_rows(f, "lmp/round/2017/chapter/findings", &k,
                "create - lmp/round/2017/chapter/findings -->"
                "In contrast to 2016, **awareness** was high.\n");
    assert_int_equal(store_round_chapter_put(f->s, "lmp", "2017", &ch, &f->err),
                     -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    f->err = (AppErr)APPERR_INIT;
    ch.iVersion = 1;
    ch.zTextKm = zKm;
    check_ok(f, store_round_chapter_put(f->s, "lmp", "2017", &ch, &f->err));
    expect_rows(f, "lmp/round/2017/chapter/findings", &k,
                "update text_km lmp/round/2017/chapter/findings ->"
                "\xE1\x9E\x80\n");
    ch.zText = zFind2;
    assert_int_equal(store_round_chapter_put(f->s, "lmp", "2017", &ch, &f->err),
                     -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    expect_rows(f, "lmp/round/2017/chapter/findings", &k, "");
    f->err = (AppErr)APPERR_INIT;
    ch.iVersion = 2;
    check_ok(f, store_round_chapter_put(f->s, "lmp", "2017", &ch, &f->err));
    expect_rows(f, "lmp/round/2017/chapter/findings", &k,
                "update text lmp/round/2017/chapter/findings "
                "In contrast to 2016, **awareness** was high.->"
                "Awareness was high.\n");
    ch.iVersion = 0;
    assert_int_equal(store_round_chapter_put(f->s, "lmp", "2099", &ch, &f->err),
                     -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    f->err = (AppErr)APPERR_INIT;

    /* A node: text, indicator, parent, each role's organisations; the
    ** links are left alone without bLinks.  Its assessments' rows are
    ** under its key too: seen_init() counts them. */
    Node *nd = &p->aNode[4]; /* 1.2, under goal 1 */
    seen_init(f, "lmp/1.2", &k);
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "");
    set_text(&nd->zText, "Ratify C189 and C181");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k,
                "update text lmp/1.2 Ratify C189->"
                "Ratify C189 and C181\n");
    set_text(&nd->zIndicator, "# conventions");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k,
                "update indicator lmp/1.2 ->"
                "# conventions\n");
    nd->iParent = 2;
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "update parent lmp/1.2 1->2\n");
    strv_push(&nd->azResp, &nd->nResp, "MOLVT");
    check_ok(f, store_node_put(f->s, p, 4, 0, &f->err));
    expect_rows(f, "lmp/1.2", &k, "");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "update responsible lmp/1.2 ->MOLVT\n");
    strv_push(&nd->azContrib, &nd->nContrib, "ILO");
    strv_push(&nd->azContrib, &nd->nContrib, "PDOLVT");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k,
                "update contributing lmp/1.2 ->ILO; "
                "PDOLVT\n");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "");

    /* Its predecessor, a node of another plan: one row when set; a put
    ** without one keeps it; one of its own plan or one that does not
    ** exist is refused. */
    Model m3 = MODEL_INIT;
    q = model_add_plan(&m3);
    q->zCode = xstrdup("other");
    q->zTitle = xstrdup("Other");
    q->aLevel[0].zName = xstrdup("goal");
    q->aLevel[0].bIndicator = 1;
    q->aLevel[1].zName = xstrdup("activity");
    q->nLevel = 2;
    Node *pOldGoal = plan_add_node(q);
    pOldGoal->zCode = xstrdup("G1");
    pOldGoal->zText = xstrdup("An earlier goal");
    pOldGoal->iParent = -1;
    check_ok(f, store_node_put(f->s, q, 0, 1, &f->err));
    seen_init(f, "lmp/1.2", &k); /* other/G1's rows are not 1.2's */
    nd->zPredPlan = xstrdup("other");
    nd->zPredCode = xstrdup("G1");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "update predecessor lmp/1.2 ->other/G1\n");
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "");
    free(nd->zPredPlan);
    free(nd->zPredCode);
    nd->zPredPlan = nd->zPredCode = NULL;
    check_ok(f, store_node_put(f->s, p, 4, 1, &f->err));
    expect_rows(f, "lmp/1.2", &k, "");
    nd->zPredPlan = xstrdup("lmp");
    nd->zPredCode = xstrdup("1.1");
    assert_int_equal(store_node_put(f->s, p, 4, 1, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_INPUT);
    assert_non_null(strstr(f->err.zMsg, "another plan"));
    f->err = (AppErr)APPERR_INIT;
    set_text(&nd->zPredPlan, "other");
    set_text(&nd->zPredCode, "G9");
    assert_int_equal(store_node_put(f->s, p, 4, 1, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(f->err.zMsg, "no node 'G9' in plan 'other'"));
    f->err = (AppErr)APPERR_INIT;
    expect_rows(f, "lmp/1.2", &k, "");
    free(nd->zPredPlan);
    free(nd->zPredCode);
    nd->zPredPlan = nd->zPredCode = NULL;
    model_release(&m3);

    /* An assessment, written as a use case does (with the version it
    ** read): action point, progress, rating, state; every change bumps the
    ** version, an unchanged put does not. */
    Assessment as = assessment("2017", "Study more", RATING_PROGRESSING);
    seen_init(f, "lmp/1.1/2017", &k);
    int v = stored_version(f, "1.1", "2017", NULL);
    assert_true(v > 0);
    as.iVersion = v;
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &as, 0, &f->err));
    expect_rows(f, "lmp/1.1/2017", &k, "");
    assert_int_equal(stored_version(f, "1.1", "2017", NULL), v);
    set_copy(&as.zActionPoint, "Study much more");
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &as, 0, &f->err));
    expect_rows(f, "lmp/1.1/2017", &k,
                "update action_point lmp/1.1/2017 "
                "Study more->Study much more\n");
    assert_int_equal(stored_version(f, "1.1", "2017", NULL), ++v);
    as.iVersion = v;
    set_copy(&as.zProgress, "half done");
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &as, 0, &f->err));
    expect_rows(f, "lmp/1.1/2017", &k,
                "update progress lmp/1.1/2017 "
                "progress text->half done\n");
    assert_int_equal(stored_version(f, "1.1", "2017", NULL), ++v);
    as.iVersion = v;
    as.eRating = RATING_ON_TARGET;
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &as, 0, &f->err));
    expect_rows(f, "lmp/1.1/2017", &k,
                "update rating lmp/1.1/2017 "
                "progressing->on_target\n");
    assert_int_equal(stored_version(f, "1.1", "2017", NULL), ++v);
    as.iVersion = v;
    as.eState = ASSESS_RETURNED;
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &as, 0, &f->err));
    expect_rows(f, "lmp/1.1/2017", &k,
                "update state lmp/1.1/2017 "
                "approved->returned\n");
    assert_int_equal(stored_version(f, "1.1", "2017", NULL), ++v);
    /* STORE_BUMP bumps an unchanged one, without an audit row. */
    as.iVersion = v;
    check_ok(
        f, store_assessment_put(f->s, "lmp", "1.1", &as, STORE_BUMP, &f->err));
    expect_rows(f, "lmp/1.1/2017", &k, "");
    assert_int_equal(stored_version(f, "1.1", "2017", NULL), ++v);

    /* A statement: created at version 1 with its create rows; then text,
    ** proposed rating, state, comment. */
    Statement st;
    memset(&st, 0, sizeof st);
    st.zOrg = xstrdup("ILO");
    st.zText = xstrdup("We studied");
    st.eProposed = RATING_PROGRESSING;
    st.eState = STMT_DRAFT;
    const char *zSk = "lmp/1.1/2017/ILO";
    seen_init(f, zSk, &k);
    check_ok(f, store_statement_put(f->s, "lmp", "1.1", "2017", &st, &f->err));
    expect_rows(f, zSk, &k,
                "create - lmp/1.1/2017/ILO -->draft\n"
                "create text lmp/1.1/2017/ILO -->We studied\n");
    assert_int_equal(stored_version(f, "1.1", "2017", "ILO"), 1);
    st.iVersion = 1;
    check_ok(f, store_statement_put(f->s, "lmp", "1.1", "2017", &st, &f->err));
    expect_rows(f, zSk, &k, "");
    assert_int_equal(stored_version(f, "1.1", "2017", "ILO"), 1);
    set_copy(&st.zText, "We studied twice");
    check_ok(f, store_statement_put(f->s, "lmp", "1.1", "2017", &st, &f->err));
    expect_rows(f, zSk, &k,
                "update text lmp/1.1/2017/ILO We studied->"
                "We studied twice\n");
    assert_int_equal(stored_version(f, "1.1", "2017", "ILO"), 2);
    st.iVersion = 2;
    st.eProposed = RATING_ON_TARGET;
    check_ok(f, store_statement_put(f->s, "lmp", "1.1", "2017", &st, &f->err));
    expect_rows(f, zSk, &k,
                "update proposed_rating lmp/1.1/2017/ILO "
                "progressing->on_target\n");
    st.iVersion = 3;
    st.eState = STMT_SUBMITTED;
    check_ok(f, store_statement_put(f->s, "lmp", "1.1", "2017", &st, &f->err));
    expect_rows(f, zSk, &k,
                "update state lmp/1.1/2017/ILO "
                "draft->submitted\n");
    st.iVersion = 4;
    set_copy(&st.zComment, "cite the study");
    check_ok(f, store_statement_put(f->s, "lmp", "1.1", "2017", &st, &f->err));
    expect_rows(f, zSk, &k,
                "update comment lmp/1.1/2017/ILO ->"
                "cite the study\n");
    assert_int_equal(stored_version(f, "1.1", "2017", "ILO"), 5);
    /* The version is always checked, even when nothing changed. */
    st.iVersion = 4;
    AppErr err = APPERR_INIT;
    assert_int_equal(store_statement_put(f->s, "lmp", "1.1", "2017", &st, &err),
                     -1);
    assert_int_equal(err.code, APPERR_CONFLICT);
    expect_rows(f, zSk, &k, "");

    /* A user: role, organisation, disabled, password (never its hash). */
    User u;
    memset(&u, 0, sizeof u);
    u.zName = xstrdup("sok");
    u.eRole = ROLE_REPORTER;
    u.zOrg = xstrdup("ILO");
    u.zHash = xstrdup("hash-1");
    seen_init(f, "user/sok", &k);
    check_ok(f, store_user_put(f->s, &u, 1, &f->err));
    expect_rows(f, "user/sok", &k, "create role user/sok -->reporter\n");
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k, "");
    u.eRole = ROLE_ME_OFFICER;
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k,
                "update role user/sok reporter->"
                "me_officer\n");
    set_copy(&u.zOrg, "MOLVT");
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k, "update org user/sok ILO->MOLVT\n");
    u.bDisabled = 1;
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k, "update disabled user/sok no->yes\n");
    set_copy(&u.zHash, "hash-2");
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k, "update password user/sok -->changed\n");
    /* Its e-mail address, "e-mail me" and the e-mails' language. */
    set_copy(&u.zEmail, "sok@ilo.example");
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k, "update email user/sok ->sok@ilo.example\n");
    u.bMail = 1;
    set_copy(&u.zLang, "km");
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k,
                "update mail user/sok no->yes\n"
                "update language user/sok ->km\n");
    check_ok(f, store_user_put(f->s, &u, 0, &f->err));
    expect_rows(f, "user/sok", &k, "");
    check_ok(f, store_commit(f->s, &f->err));

    /* What was put is what loads. */
    load(f, "lmp");
    const Plan *g = &f->got.aPlan[0];
    const Org *go = model_find_org(&f->got, "MOLVT");
    assert_string_equal(go->zParent, "ILO");
    assert_int_equal(go->nAlias, 2);
    assert_string_equal(go->azAlias[1], "Labour ministry");
    long i12 = plan_lookup_node(g, "1.2");
    assert_string_equal(g->aNode[g->aNode[i12].iParent].zCode, "2");
    assert_int_equal(g->aNode[i12].nContrib, 2);
    assert_string_equal(plan_find_round(g, "2017")->zAsOf, "2018-01-15");
    User gu;
    check_ok(f, store_user_get(f->s, "sok", &gu, &f->err));
    assert_string_equal(gu.zHash, "hash-2");
    assert_string_equal(gu.zOrg, "MOLVT");
    assert_int_equal(gu.bDisabled, 1);
    assert_string_equal(gu.zEmail, "sok@ilo.example");
    assert_int_equal(gu.bMail, 1);
    assert_string_equal(gu.zLang, "km");
    user_release(&gu);
    assessment_release(&as);
    statement_release(&st);
    user_release(&u);
}

/* store_audit_rows(): the rows of an id range, oldest first with their
** ids (the data version), all keys or those under a prefix; inside a write
** transaction it sees the transaction's own rows. */
static void
test_store_audit_rows(void **state)
{
    Fix *f = *state;
    put_sample(f);
    long v = 0;
    check_ok(f, store_data_version(f->s, &v, &f->err));
    assert_true(v > 5);
    AuditEntry *a = NULL;
    long *aiId = NULL;
    size_t n = 0;
    /* Everything: ids 1..v in order. */
    check_ok(f, store_audit_rows(f->s, 1, 0, NULL, &a, &aiId, &n, &f->err));
    assert_int_equal(n, (size_t)v);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(aiId[i], (long)i + 1);
    }
    audit_free(a, n);
    free(aiId);
    /* One row by its id. */
    check_ok(f, store_audit_rows(f->s, v, v, NULL, &a, &aiId, &n, &f->err));
    assert_int_equal(n, 1);
    assert_int_equal(aiId[0], v);
    assert_string_equal(a[0].zAt, NOW);
    audit_free(a, n);
    free(aiId);
    /* Past the end: none. */
    check_ok(f, store_audit_rows(f->s, v + 1, 0, NULL, &a, &aiId, &n, &f->err));
    assert_int_equal(n, 0);
    audit_free(a, n);
    free(aiId);

    /* Changes after v, seen by the transaction that writes them, under
    ** a prefix: the node's own rows, not the organisation's. */
    Plan *p = &f->m.aPlan[0];
    free(p->aNode[1].zText);
    p->aNode[1].zText = xstrdup("Study again");
    free(f->m.aOrg[0].zName);
    f->m.aOrg[0].zName = xstrdup("Ministry of Labour and Vocational Training");
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_org_put(f->s, &f->m.aOrg[0], &f->err));
    check_ok(f, store_node_put(f->s, p, 1, 1, &f->err));
    check_ok(f,
             store_audit_rows(f->s, v + 1, 0, "lmp", &a, &aiId, &n, &f->err));
    assert_int_equal(n, 1);
    assert_int_equal(aiId[0], v + 2);
    assert_string_equal(a[0].zKey, "lmp/1.1");
    assert_string_equal(a[0].zField, "text");
    assert_string_equal(a[0].zOld, "Study");
    assert_string_equal(a[0].zNew, "Study again");
    audit_free(a, n);
    free(aiId);
    check_ok(f, store_audit_rows(f->s, v + 1, 0, NULL, &a, &aiId, &n, &f->err));
    assert_int_equal(n, 2);
    assert_string_equal(a[0].zKey, "MOLVT");
    audit_free(a, n);
    free(aiId);
    store_rollback(f->s);
}

/* A rollback undoes every put of the transaction, audit rows included. */
static void
test_store_rollback(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Plan *p = &f->m.aPlan[0];
    Org *o = add_org(&f->m, "IOM", "International Organization for Migration",
                     NULL, NULL);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_org_put(f->s, o, &f->err));
    add_node(p, "3", 0, -1, "Reintegration", NULL);
    check_ok(f, store_node_put(f->s, p, (long)p->nNode - 1, 1, &f->err));
    free(p->aNode[0].zText);
    p->aNode[0].zText = xstrdup("Changed");
    check_ok(f, store_node_put(f->s, p, 0, 1, &f->err));
    Assessment a = assessment("2016", "Study", RATING_NOT_ON_TARGET);
    check_ok(f, store_assessment_put(f->s, "lmp", "1.1", &a, 0, &f->err));
    check_ok(f, store_assessment_put(f->s, "lmp", "3", &a, 0, &f->err));
    store_rollback(f->s);
    /* The backend remembers ids by code within a transaction: node 3's
    ** rolled-back id must be forgotten, not used to assess nothing. */
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_assessment_put(f->s, "lmp", "3", &a, 0, &f->err),
                     -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    store_rollback(f->s);

    reopen(f);
    load(f, "lmp");
    assert_int_equal(f->got.nOrg, 3);
    assert_null(model_find_org(&f->got, "IOM"));
    const Plan *g = &f->got.aPlan[0];
    assert_int_equal(g->nNode, 5);
    assert_int_equal(plan_lookup_node(g, "3"), -1);
    assert_string_equal(g->aNode[0].zText, "Standards");
    assert_int_equal(g->aNode[1].aAssess[0].eRating, RATING_ON_TARGET);
    Buf b = BUF_INIT;
    audit_text(f, "IOM", &b);
    audit_text(f, "lmp/3", &b);
    assert_string_equal(buf_str(&b), "");
    audit_text(f, "lmp/1", &b);
    assert_null(strstr(buf_str(&b), "Changed"));
    buf_release(&b);
    /* The store is usable after a rollback. */
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_org_put(f->s, o, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    load(f, NULL);
    assert_non_null(model_find_org(&f->got, "IOM"));
    assessment_release(&a);
}

/* A writer kept waiting is told who holds the database and what they are
** doing, when that writer said so; the note goes when its transaction
** ends, and a note left by a process that is gone is not believed. */
static void
test_store_busy_names_writer(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Store *other = store_open(f->zPath, STORE_OPEN_EXISTING, "sok", &f->err);
    assert_non_null(other);
    store_set_writer_note(other, "an import of 'annex.csv'");
    check_ok(f, store_begin(other, &f->err));
    char zNote[300];
    (void)snprintf(zNote, sizeof zNote, "%s-writer", f->zPath);
    /* SQLite: a file beside the database; PostgreSQL: the connection's
    ** application_name, read through the lock's holder. */
    assert_true(testdb_pg() || exists(zNote));

    store_set_busy_ms(f->s, 50);
    AppErr err = APPERR_INIT;
    assert_int_equal(store_begin(f->s, &err), -1);
    assert_int_equal(err.code, APPERR_BUSY);
    if (!strstr(err.zMsg, "an import of 'annex.csv' by sok")) {
        print_error("busy message: %s [%s]\n", err.zMsg, err.zDetail);
    }
    assert_non_null(strstr(err.zMsg, "an import of 'annex.csv' by sok"));
    assert_non_null(strstr(err.zMsg, "since "));
    err = (AppErr)APPERR_INIT;
    check_ok(f, store_commit(other, &f->err));
    assert_false(exists(zNote));
    if (testdb_pg()) {
        /* Once it is done, the next writer goes ahead. */
        check_ok(f, store_begin(f->s, &f->err));
        store_rollback(f->s);
        store_close(other);
        return;
    }

    /* A stale note (no such process) and a holder that said nothing: the
    ** plain message. */
    FILE *out = fopen(zNote, "w");
    assert_non_null(out);
    (void)fputs("2147483600\nghost\nan old import\n0\n", out);
    (void)fclose(out);
    store_set_writer_note(other, NULL);
    check_ok(f, store_begin(other, &f->err));
    assert_int_equal(store_begin(f->s, &err), -1);
    assert_int_equal(err.code, APPERR_BUSY);
    assert_null(strstr(err.zMsg, "ghost"));
    assert_non_null(strstr(err.zMsg, "busy"));
    err = (AppErr)APPERR_INIT;
    store_rollback(other);
    store_close(other);
}

/* A database file deleted or replaced while the store has it open: a
** write is refused, saying so, instead of going into the deleted file. */
static void
test_store_file_deleted(void **state)
{
    Fix *f = *state;
    put_sample(f);
    assert_int_equal(unlink(f->zPath), 0);
    AppErr err = APPERR_INIT;
    assert_int_equal(store_begin(f->s, &err), -1);
    assert_int_equal(err.code, APPERR_IO);
    assert_non_null(strstr(err.zMsg, "deleted or replaced"));
    assert_non_null(strstr(err.zMsg, "nothing was saved"));
    /* Another file in its place is not it either. */
    store_close(open_ok(f, STORE_OPEN_CREATE));
    err = (AppErr)APPERR_INIT;
    assert_int_equal(store_begin(f->s, &err), -1);
    assert_int_equal(err.code, APPERR_IO);
}

/* Closing with a transaction open rolls it back. */
static void
test_store_close_rolls_back(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Org *o = add_org(&f->m, "IOM", "International Organization for Migration",
                     NULL, NULL);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_org_put(f->s, o, &f->err));
    reopen(f);
    load(f, NULL);
    assert_null(model_find_org(&f->got, "IOM"));
}

/* ---- PostgreSQL: refusals of a database that is not as expected --------- */

/* The number of tables, views and sequences in the database zUrl. */
static long
pg_relations(const char *zUrl)
{
    long n = -1;
    assert_int_equal(testdb_exec_url(zUrl,
                                     "SELECT count(*) FROM pg_class c"
                                     " JOIN pg_namespace s"
                                     " ON s.oid = c.relnamespace"
                                     " WHERE s.nspname = 'public'",
                                     &n),
                     0);
    return n;
}

/* An empty database is no lmpmon database yet: only 'init' (CREATE)
** makes it one; opening it creates nothing. */
static void
test_store_pg_empty_database(void **state)
{
    Fix *f = *state;
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_NOTFOUND,
                 "holds no lmpmon data");
    open_refused(f, f->zPath, STORE_OPEN_READ_ONLY, APPERR_NOTFOUND,
                 "holds no lmpmon data");
    assert_int_equal(pg_relations(f->zPath), 0);
    f->s = open_ok(f, STORE_OPEN_CREATE);
    assert_true(pg_relations(f->zPath) > 10);
    long v = -1;
    assert_int_equal(testdb_exec_url(f->zPath,
                                     "SELECT version FROM"
                                     " schema_version WHERE application ="
                                     " 'lmpmon'",
                                     &v),
                     0);
    assert_true(v >= 1);
}

/* A database that does not exist is named, and not created. */
static void
test_store_pg_missing_database(void **state)
{
    Fix *f = *state;
    char zUrl[256];
    testdb_url("lmpmon_no_such_db", zUrl, sizeof zUrl);
    open_refused(f, zUrl, STORE_OPEN_EXISTING, APPERR_NOTFOUND,
                 "lmpmon_no_such_db");
    open_refused(f, zUrl, STORE_OPEN_CREATE, APPERR_NOTFOUND,
                 "lmpmon_no_such_db");
}

/* Another program's database is refused, for reading and for creating,
** and left exactly as it was. */
static void
test_store_pg_other_database(void **state)
{
    Fix *f = *state;
    assert_int_equal(testdb_exec_url(f->zPath,
                                     "CREATE TABLE customer(id integer,"
                                     " name text);"
                                     "INSERT INTO customer VALUES(1, 'Sok')",
                                     NULL),
                     0);
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_INPUT,
                 "not an lmpmon database");
    open_refused(f, f->zPath, STORE_OPEN_READ_ONLY, APPERR_INPUT,
                 "not an lmpmon database");
    open_refused(f, f->zPath, STORE_OPEN_CREATE, APPERR_CONFLICT,
                 "another program's tables");
    /* A table that happens to be called schema_version is not our
    ** marker either. */
    assert_int_equal(testdb_exec_url(f->zPath,
                                     "CREATE TABLE schema_version(v integer)",
                                     NULL),
                     0);
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_INPUT,
                 "not an lmpmon database");
    assert_int_equal(pg_relations(f->zPath), 2);
    long n = -1;
    assert_int_equal(testdb_exec_url(f->zPath,
                                     "SELECT count(*) FROM"
                                     " customer WHERE name = 'Sok'",
                                     &n),
                     0);
    assert_int_equal(n, 1);
}

/* A database of a newer lmpmon is refused untouched, even read-only. */
static void
test_store_pg_newer_schema(void **state)
{
    Fix *f = *state;
    put_sample(f);
    store_close(f->s);
    f->s = NULL;
    assert_int_equal(testdb_exec_url(f->zPath,
                                     "UPDATE schema_version SET"
                                     " version = 999",
                                     NULL),
                     0);
    long nBefore = pg_relations(f->zPath);
    open_refused(f, f->zPath, STORE_OPEN_EXISTING, APPERR_CONFLICT, "newer");
    open_refused(f, f->zPath, STORE_OPEN_READ_ONLY, APPERR_CONFLICT, "newer");
    long v = -1;
    assert_int_equal(testdb_exec_url(f->zPath,
                                     "SELECT version FROM"
                                     " schema_version",
                                     &v),
                     0);
    assert_int_equal(v, 999);
    assert_int_equal(pg_relations(f->zPath), nBefore);
}

/* A refused password is said so, naming user, host and database but
** never the password itself, not even in the detail for the log. */
static void
test_store_pg_wrong_password(void **state)
{
    Fix *f = *state;
    char zUrl[300];
    const char *zAdmin = getenv("LMPMON_TEST_PG_URL");
    const char *zAt = strchr(zAdmin, '@');
    const char *zSlash = strrchr(zAdmin, '/');
    (void)snprintf(zUrl, sizeof zUrl,
                   "postgresql://lmpmon:Not-The-Pw-42%.*s/%s",
                   (int)(zSlash - zAt), zAt, f->zPgName);
    AppErr err = APPERR_INIT;
    assert_null(store_open(zUrl, STORE_OPEN_EXISTING, "tester", &err));
    assert_int_equal(err.code, APPERR_IO);
    assert_non_null(strstr(err.zMsg, "refused the password"));
    assert_non_null(strstr(err.zMsg, "lmpmon"));
    assert_non_null(strstr(err.zMsg, f->zPgName));
    assert_null(strstr(err.zMsg, "Not-The-Pw-42"));
    assert_null(strstr(err.zDetail, "Not-The-Pw-42"));
    /* What the CLI shows of such a URL has no password either, and
    ** libpq finds it in the environment instead. */
    char *zShown = store_db_conceal(zUrl);
    assert_null(strstr(zShown, "Not-The-Pw-42"));
    assert_non_null(strstr(zShown, f->zPgName));
    assert_string_equal(getenv("PGPASSWORD"), "Not-The-Pw-42");
    free(zShown);
    assert_int_equal(unsetenv("PGPASSWORD"), 0);
}

/* Backups, checks and restores are PostgreSQL's own tools' business. */
static void
test_store_pg_backup_refused(void **state)
{
    Fix *f = *state;
    put_sample(f);
    AppErr err = APPERR_INIT;
    assert_int_equal(store_backup(f->s, "/tmp/never.db", 0, &err), -1);
    assert_int_equal(err.code, APPERR_USAGE);
    assert_non_null(strstr(err.zMsg, "pg_dump"));
    err = (AppErr)APPERR_INIT;
    assert_int_equal(store_check(f->s, &err), -1);
    assert_int_equal(err.code, APPERR_USAGE);
    assert_false(exists("/tmp/never.db"));
}

/* ---- recommendations ------------------------------------------------------ */

/* A recommendation of round 2017 of the sample plan: group, nodes, orgs. */
static void
rec_fill(Rec *r, const char *zText)
{
    memset(r, 0, sizeof *r);
    r->zRound = xstrdup("2017");
    r->zCode = xstrdup("R1");
    r->zText = xstrdup(zText);
    r->zGroup = xstrdup("Policy");
    r->bPriority = 1;
    r->zSource = xstrdup("2017 review, §Policy");
    strv_push(&r->azNode, &r->nNode, "1.1");
    strv_push(&r->azNode, &r->nNode, "2");
    strv_push(&r->azOrg, &r->nOrg, "MOLVT");
}

/* Groups, recommendations and follow-ups: audited per field like the other
** entities (under the round's key), versioned writes refused when stale,
** unknown names refused, and everything read back as written. */
/* Costs and funding lines: amounts in minor units read back exactly,
** audited in major units per field, an unchanged put writes nothing, a
** stale version is refused, unknown activities and organisations are
** named. */
static void
test_store_funding(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Seen seen;
    const char *zKey = "lmp/round/2018";
    seen_init(f, zKey, &seen);
    FundCost c = { .zRound = (char *)(uintptr_t) "2018",
                   .zNode = (char *)(uintptr_t) "1.1",
                   .amount = 1250005,
                   .zCurrency = "USD" };
    FundLine l = { .zRound = (char *)(uintptr_t) "2018",
                   .zNode = (char *)(uintptr_t) "1.1",
                   .iLine = 1,
                   .eKind = FUND_PARTNER,
                   .zOrg = (char *)(uintptr_t) "MOLVT",
                   .amount = 40000000000,
                   .zCurrency = "KHR",
                   .eStatus = FUND_PLEDGED };
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_fund_cost_put(f->s, "lmp", &c, &f->err));
    check_ok(f, store_fund_line_put(f->s, "lmp", &l, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, zKey, &seen,
                "create - lmp/round/2018/cost/1.1 -->12500.05\n"
                "create currency lmp/round/2018/cost/1.1 -->USD\n"
                "create - lmp/round/2018/funding/1.1/1 -->400000000.00\n"
                "create currency lmp/round/2018/funding/1.1/1 -->KHR\n");
    FundSet set;
    check_ok(f, store_fund_list(f->s, "lmp", "2018", &set, &f->err));
    assert_int_equal(set.nCost, 1);
    assert_int_equal(set.nLine, 1);
    assert_true(set.aCost[0].amount == 1250005);
    assert_string_equal(set.aCost[0].zCurrency, "USD");
    assert_int_equal(set.aCost[0].iVersion, 1);
    assert_true(set.aLine[0].amount == 40000000000);
    assert_string_equal(set.aLine[0].zOrg, "MOLVT");
    assert_int_equal(set.aLine[0].eStatus, FUND_PLEDGED);
    /* Two currencies, two totals; the gap cannot be computed. */
    FundTotals tot = { 0 };
    fund_totals_add_activity(&tot, &set, "2018", "1.1");
    assert_int_equal(tot.n, 2);
    assert_true(fund_totals_get(&tot, "USD")->cost == 1250005);
    assert_true(fund_totals_get(&tot, "KHR")->pledged == 40000000000);
    assert_int_equal(fund_totals_get(&tot, "USD")->nNoGap, 1);
    fund_totals_release(&tot);
    fund_set_release(&set);
    /* The same again writes nothing; one changed field one row. */
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_fund_cost_put(f->s, "lmp", &c, &f->err));
    check_ok(f, store_fund_line_put(f->s, "lmp", &l, &f->err));
    l.eStatus = FUND_SECURED;
    l.iVersion = 1;
    check_ok(f, store_fund_line_put(f->s, "lmp", &l, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(
        f, zKey, &seen,
        "update status lmp/round/2018/funding/1.1/1 pledged->secured\n");
    /* Version 1 is stale now (2): refused, nothing written. */
    l.amount = 1;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_fund_line_put(f->s, "lmp", &l, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    store_rollback(f->s);
    expect_rows(f, zKey, &seen, "");
    f->err = (AppErr)APPERR_INIT;
    /* Unknown activity and organisation are named. */
    c.zNode = (char *)(uintptr_t) "9.9";
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_fund_cost_put(f->s, "lmp", &c, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(f->err.zMsg, "9.9"));
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    l.iVersion = 0;
    l.iLine = 2;
    l.zOrg = (char *)(uintptr_t) "NOBODY";
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_fund_line_put(f->s, "lmp", &l, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(f->err.zMsg, "NOBODY"));
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
}

static void
test_store_recommendations(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Seen seen;
    const char *zKey = "lmp/round/2017";
    seen_init(f, zKey, &seen);
    Rec r;
    rec_fill(&r, "Train labour counsellors");
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_rec_group_put(f->s, "lmp", "2017", "Policy", &f->err));
    check_ok(f, store_rec_put(f->s, "lmp", &r, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, zKey, &seen,
                "create - lmp/round/2017/group/Policy -->Policy\n"
                "create - lmp/round/2017/rec/R1 -->Train labour counsellors\n"
                "update concerns lmp/round/2017/rec/R1 ->1.1; 2\n"
                "update asked lmp/round/2017/rec/R1 ->MOLVT\n");
    /* The same again writes nothing; one changed field writes one row. */
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_rec_group_put(f->s, "lmp", "2017", "Policy", &f->err));
    check_ok(f, store_rec_put(f->s, "lmp", &r, &f->err));
    r.bPriority = 0;
    r.iVersion = 1;
    check_ok(f, store_rec_put(f->s, "lmp", &r, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, zKey, &seen,
                "update priority lmp/round/2017/rec/R1 yes->no\n");
    /* Version 1 is stale now (2): refused, nothing written. */
    free(r.zText);
    r.zText = xstrdup("Something else");
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_rec_put(f->s, "lmp", &r, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    store_rollback(f->s);
    expect_rows(f, zKey, &seen, "");
    /* Only the nodes change: the version moves all the same. */
    f->err = (AppErr)APPERR_INIT;
    r.iVersion = 2;
    free(r.zText);
    r.zText = xstrdup("Train labour counsellors");
    free(r.azNode[1]);
    r.azNode[1] = xstrdup("1.2");
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_rec_put(f->s, "lmp", &r, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, zKey, &seen,
                "update concerns lmp/round/2017/rec/R1 1.1; 2->1.1; 1.2\n");
    /* Unknown names are refused with their kind. */
    free(r.azNode[1]);
    r.azNode[1] = xstrdup("9.9");
    r.iVersion = 0;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_rec_put(f->s, "lmp", &r, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(f->err.zMsg, "9.9"));
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    /* A follow-up in 2018: created once; a second writer who saw none
    ** meets the first one's. */
    RecFollowup fu = { .zRound = (char *)(uintptr_t) "2018",
                       .eStatus = REC_IN_PROGRESS,
                       .zEvidence = (char *)(uintptr_t) "a draft" };
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_followup_put(f->s, "lmp", "2017", "R1", &fu, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, zKey, &seen,
                "create - lmp/round/2017/rec/R1/2018 -->in_progress\n"
                "create evidence lmp/round/2017/rec/R1/2018 -->a draft\n");
    fu.eStatus = REC_DONE;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(
        store_followup_put(f->s, "lmp", "2017", "R1", &fu, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    fu.iVersion = 1;
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_followup_put(f->s, "lmp", "2017", "R1", &fu, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, zKey, &seen,
                "update status lmp/round/2017/rec/R1/2018 in_progress->done\n");
    /* Read back whole. */
    reopen(f);
    RecSet set;
    check_ok(f, store_begin_read(f->s, &f->err));
    check_ok(f, store_rec_list(f->s, "lmp", &set, &f->err));
    store_end_read(f->s);
    assert_int_equal(set.nGroup, 1);
    assert_string_equal(set.aGroup[0].zName, "Policy");
    assert_int_equal(set.nRec, 1);
    const Rec *g = &set.aRec[0];
    assert_string_equal(g->zText, "Train labour counsellors");
    assert_string_equal(g->zGroup, "Policy");
    assert_string_equal(g->zSource, "2017 review, §Policy");
    assert_int_equal(g->bPriority, 0);
    assert_int_equal(g->iVersion, 3);
    assert_int_equal(g->nNode, 2);
    assert_string_equal(g->azNode[1], "1.2");
    assert_int_equal(g->nOrg, 1);
    assert_int_equal(g->nFollow, 1);
    assert_int_equal(g->aFollow[0].eStatus, REC_DONE);
    assert_string_equal(g->aFollow[0].zEvidence, "a draft");
    assert_string_equal(g->aFollow[0].zBy, "tester");
    assert_string_equal(g->aFollow[0].zAt, NOW);
    assert_int_equal(g->aFollow[0].iVersion, 2);
    rec_set_release(&set);
    rec_release(&r);
}

/* ---- outreach, media, statistics ----------------------------------------- */

/* An outreach event as an import would put it. */
static void
event(Outreach *o, const char *zFrom, const char *zTitle, long w, long m)
{
    outreach_init(o);
    o->zFrom = xstrdup(zFrom);
    o->zTitle = xstrdup(zTitle);
    o->eKind = OUTREACH_TRAINING;
    strv_push(&o->azPlace, &o->nPlace, "KH-3");
    strv_push(&o->azPlace, &o->nPlace, "KH-14");
    strv_push(&o->azOrg, &o->nOrg, "MOLVT");
    o->zPlan = xstrdup("lmp");
    strv_push(&o->azActivity, &o->nActivity, "1.1");
    o->n.women = w;
    o->n.men = m;
    o->n.total = w + m;
    o->zCurrency = xstrdup("USD");
    o->ordered = 8460000;
}

/* Events, articles and figures load back as put, on both backends;
** putting them again writes nothing; a change writes one row per field
** (amounts shown in major units); names that do not exist are refused. */
static void
test_store_outreach(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Outreach o;
    event(&o, "2019-09-12", "Gender and statistics", 27, 16);
    Media md = { 0 };
    md.zDate = xstrdup("2019-09-19");
    md.zTitle = xstrdup("Cambodia to curb fees");
    md.zOutlet = xstrdup("Bangkok Post");
    StatObs so = { 0 };
    so.eMeasure = STAT_STOCK;
    so.zDest = xstrdup("TH");
    so.eChannel = STAT_MOU;
    so.eSex = STAT_WOMEN;
    so.zPeriod = xstrdup("2018-05");
    so.zSource = xstrdup("OFWA");
    so.value = 129680;
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_outreach_put(f->s, &o, &f->err));
    check_ok(f, store_media_put(f->s, &md, &f->err));
    check_ok(f, store_stat_put(f->s, &so, &f->err));
    check_ok(f, store_commit(f->s, &f->err));

    Seen seen;
    seen_init(f, "outreach", &seen);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_outreach_put(f->s, &o, &f->err));
    check_ok(f, store_media_put(f->s, &md, &f->err));
    check_ok(f, store_stat_put(f->s, &so, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "outreach", &seen, "");

    o.n.women = 28;
    o.n.total = 44;
    o.ordered = 8460050;
    free(o.azPlace[1]);
    o.azPlace[1] = xstrdup("KH-12");
    so.value = 129681;
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_outreach_put(f->s, &o, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "outreach", &seen,
                "update women outreach/2019-09-12/Gender and statistics "
                "27->28\n"
                "update total outreach/2019-09-12/Gender and statistics "
                "43->44\n"
                "update ordered outreach/2019-09-12/Gender and statistics "
                "84600.00->84600.50\n"
                "update places outreach/2019-09-12/Gender and statistics "
                "KH-3; KH-14->KH-3; KH-12\n");
    Seen seenStat;
    seen_init(f, "stat", &seenStat);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_stat_put(f->s, &so, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "stat", &seenStat,
                "update value stat/stock/TH/mou/women/2018-05/OFWA "
                "129680->129681\n");

    Outreach *aO = NULL;
    size_t nO = 0;
    check_ok(f, store_outreach_list(f->s, "2019-07-01", "2019-09-30", &aO, &nO,
                                    &f->err));
    assert_int_equal(nO, 1);
    assert_string_equal(aO[0].zTitle, "Gender and statistics");
    assert_int_equal(aO[0].eKind, OUTREACH_TRAINING);
    assert_int_equal(aO[0].n.women, 28);
    /* Created at version 1, changed once: a form read before the change
    ** is refused, and the row keeps the change. */
    assert_int_equal(aO[0].iVersion, 2);
    assert_true(aO[0].id > 0);
    /* One event by its row id, as a form opens it. */
    Outreach one;
    int bFound = 0;
    check_ok(f, store_outreach_get(f->s, aO[0].id, &one, &bFound, &f->err));
    assert_true(bFound);
    assert_string_equal(one.zTitle, "Gender and statistics");
    assert_int_equal(one.iVersion, 2);
    assert_int_equal(one.nPlace, 2);
    outreach_release(&one);
    check_ok(f,
             store_outreach_get(f->s, aO[0].id + 1000, &one, &bFound, &f->err));
    assert_false(bFound);
    outreach_release(&one);
    o.iVersion = 1;
    o.n.women = 30;
    o.n.total = 46;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_outreach_put(f->s, &o, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    assert_int_equal(aO[0].n.men, 16);
    assert_int_equal(aO[0].n.unknown, OUTREACH_NONE);
    assert_int_equal(aO[0].nPlace, 2);
    assert_string_equal(aO[0].azPlace[1], "KH-12");
    assert_int_equal(aO[0].nOrg, 1);
    assert_string_equal(aO[0].azActivity[0], "1.1");
    assert_null(aO[0].zTo);
    outreach_release(&aO[0]);
    free(aO);
    check_ok(f,
             store_outreach_list(f->s, "2019-10-01", NULL, &aO, &nO, &f->err));
    assert_int_equal(nO, 0);
    free(aO);

    Media *aM = NULL;
    size_t nM = 0;
    check_ok(f, store_media_list(f->s, NULL, NULL, &aM, &nM, &f->err));
    assert_int_equal(nM, 1);
    assert_string_equal(aM[0].zOutlet, "Bangkok Post");
    assert_null(aM[0].zLink);
    media_release(&aM[0]);
    free(aM);
    StatObs *aS = NULL;
    size_t nS = 0;
    check_ok(f, store_stat_list(f->s, &aS, &nS, &f->err));
    assert_int_equal(nS, 1);
    assert_int_equal(aS[0].value, 129681);
    assert_int_equal(aS[0].eChannel, STAT_MOU);
    assert_string_equal(aS[0].zPeriod, "2018-05");
    assert_int_equal(aS[0].iVersion, 2);
    stat_obs_release(&aS[0]);
    free(aS);

    /* A delete at a stale version is refused; at the current one the
    ** figure goes, with one audit row saying what it was. */
    so.iVersion = 1;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_stat_delete(f->s, &so, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    so.iVersion = 2;
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_stat_delete(f->s, &so, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "stat", &seenStat,
                "delete - stat/stock/TH/mou/women/2018-05/OFWA 129681->-\n");
    check_ok(f, store_stat_list(f->s, &aS, &nS, &f->err));
    assert_int_equal(nS, 0);
    free(aS);
    o.iVersion = 2;
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_outreach_delete(f->s, &o, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    check_ok(f, store_outreach_list(f->s, NULL, NULL, &aO, &nO, &f->err));
    assert_int_equal(nO, 0);
    free(aO);

    /* An organisation or an activity nobody has: refused, nothing kept. */
    Outreach bad;
    event(&bad, "2019-09-13", "Other", 1, 1);
    free(bad.azOrg[0]);
    bad.azOrg[0] = xstrdup("NOBODY");
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_outreach_put(f->s, &bad, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    assert_non_null(strstr(f->err.zMsg, "NOBODY"));
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    free(bad.azOrg[0]);
    bad.azOrg[0] = xstrdup("MOLVT");
    free(bad.azActivity[0]);
    bad.azActivity[0] = xstrdup("9.9");
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_outreach_put(f->s, &bad, &f->err), -1);
    assert_non_null(strstr(f->err.zMsg, "9.9"));
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    check_ok(f, store_outreach_list(f->s, NULL, NULL, &aO, &nO, &f->err));
    assert_int_equal(nO, 0);
    free(aO);
    outreach_release(&bad);
    outreach_release(&o);
    media_release(&md);
    stat_obs_release(&so);
}

/* Indicators: a revision and a value written once are audited once and
** not again when put unchanged; an amendment is a new revision that
** leaves the first one's values where they were; a value written at a
** version someone else has passed is a conflict; a value of a missing
** revision is refused. */
static void
test_store_indicators(void **state)
{
    Fix *f = *state;
    put_sample(f);
    Indicator p;
    indicator_init(&p);
    p.zPlan = xstrdup("lmp");
    p.zCode = xstrdup("G1.1");
    p.zNode = xstrdup("1");
    p.zDefinition = xstrdup("# of standards ratified");
    p.eUnit = IND_UNIT_PERCENT;
    p.bBaseline = 1;
    p.baseline = 30;
    p.baselineYear = 2015;
    p.aTarget = xcalloc(2, sizeof *p.aTarget);
    p.aTarget[0] = (IndTarget){ 2017, 45.5 };
    p.aTarget[1] = (IndTarget){ 2018, 60 };
    p.nTarget = 2;
    p.mDim = 1u << IND_DIM_SEX;
    p.zOrg = xstrdup("MOLVT");
    IndValue v;
    ind_value_init(&v);
    v.zCode = xstrdup("G1.1");
    v.zPeriod = xstrdup("2017");
    v.eSex = STAT_WOMEN;
    v.value = 45;
    v.num = 9;
    v.den = 20;
    v.zSource = xstrdup("MOLVT report");
    Seen seen;
    seen_init(f, "lmp/indicator", &seen);
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_indicator_put(f->s, &p, &f->err));
    check_ok(f, store_ind_value_put(f->s, "lmp", &v, 0, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "lmp/indicator", &seen,
                "create - lmp/indicator/G1.1/1 --># of standards ratified\n"
                "create - lmp/indicator/G1.1/1/value/2017/women/ -->45\n");
    /* Unchanged: nothing written. */
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_indicator_put(f->s, &p, &f->err));
    check_ok(f, store_ind_value_put(f->s, "lmp", &v, 0, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "lmp/indicator", &seen, "");

    /* Amended: revision 2, the value stays under revision 1. */
    Indicator p2;
    indicator_init(&p2);
    p2.zPlan = p.zPlan, p2.zCode = p.zCode, p2.zNode = p.zNode;
    p2.iRev = 2;
    p2.zDefinition = xstrdup("# of standards ratified and applied");
    p2.eUnit = IND_UNIT_PERCENT;
    p2.zReason = xstrdup("2017 review");
    p2.zEffective = xstrdup("2018-01-01");
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_indicator_put(f->s, &p2, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "lmp/indicator", &seen,
                "create - lmp/indicator/G1.1/2 --># of standards ratified and "
                "applied\n"
                "create reason lmp/indicator/G1.1/2 -->2017 review\n");

    /* A value at a stale version is a conflict; at the current one, ok. */
    v.value = 50;
    v.num = 10;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_ind_value_put(f->s, "lmp", &v, 7, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_CONFLICT);
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;
    check_ok(f, store_begin(f->s, &f->err));
    check_ok(f, store_ind_value_put(f->s, "lmp", &v, 1, &f->err));
    check_ok(f, store_commit(f->s, &f->err));
    expect_rows(f, "lmp/indicator", &seen,
                "update value lmp/indicator/G1.1/1/value/2017/women/ 45->50\n"
                "update numerator lmp/indicator/G1.1/1/value/2017/women/ "
                "9->10\n");

    /* A value of a revision that does not exist. */
    v.iRev = 3;
    check_ok(f, store_begin(f->s, &f->err));
    assert_int_equal(store_ind_value_put(f->s, "lmp", &v, 0, &f->err), -1);
    assert_int_equal(f->err.code, APPERR_NOTFOUND);
    store_rollback(f->s);
    f->err = (AppErr)APPERR_INIT;

    Indicator *a = NULL;
    IndValue *aV = NULL;
    int *aVer = NULL;
    size_t n = 0, nV = 0;
    check_ok(
        f, store_indicator_list(f->s, "lmp", &a, &n, &aV, &nV, &aVer, &f->err));
    assert_int_equal(n, 2);
    assert_int_equal(a[0].iRev, 1);
    assert_string_equal(a[0].zDefinition, "# of standards ratified");
    assert_int_equal(a[0].nTarget, 2);
    assert_true(a[0].aTarget[0].value == 45.5);
    assert_int_equal(a[0].mDim, 1u << IND_DIM_SEX);
    assert_true(a[0].bBaseline && a[0].baseline == 30);
    assert_string_equal(a[0].zOrg, "MOLVT");
    assert_int_equal(a[1].iRev, 2);
    assert_string_equal(a[1].zReason, "2017 review");
    assert_false(a[1].bBaseline);
    assert_int_equal(nV, 1);
    assert_int_equal(aV[0].iRev, 1);
    assert_true(aV[0].value == 50);
    assert_int_equal(aV[0].num, 10);
    assert_int_equal(aV[0].eSex, STAT_WOMEN);
    assert_int_equal(aVer[0], 2);
    for (size_t i = 0; i < n; i++) {
        indicator_release(&a[i]);
    }
    ind_value_release(&aV[0]);
    free(a);
    free(aV);
    free(aVer);
    p2.zPlan = p2.zCode = p2.zNode = NULL;
    indicator_release(&p2);
    indicator_release(&p);
    ind_value_release(&v);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest aCommon[] = {
        T(test_store_create_then_existing),
        T(test_store_load_orgs),
        T(test_store_load_plan),
        T(test_store_load_nodes_pre_order),
        T(test_store_load_assessments),
        T(test_store_load_rounds),
        T(test_store_load_unknown_plan),
        T(test_store_put_refused),
        T(test_store_audit_create),
        T(test_store_audit_update),
        T(test_store_audit_prefix),
        T(test_store_audit_fold),
        T(test_store_audit_per_field),
        T(test_store_audit_rows),
        T(test_store_rollback),
        T(test_store_busy_names_writer),
        T(test_store_close_rolls_back),
        T(test_store_recommendations),
        T(test_store_funding),
        T(test_store_outreach),
        T(test_store_indicators),
    };
    const struct CMUnitTest aSqlite[] = {
        T(test_store_file_deleted), T(test_store_missing_file),
        T(test_store_not_sqlite),   T(test_store_empty_file),
        T(test_store_other_sqlite), T(test_store_newer_schema),
    };
    const struct CMUnitTest aPg[] = {
        T(test_store_pg_empty_database), T(test_store_pg_missing_database),
        T(test_store_pg_other_database), T(test_store_pg_newer_schema),
        T(test_store_pg_wrong_password), T(test_store_pg_backup_refused),
    };
#undef T
    int nFail = cmocka_run_group_tests_name("common", aCommon, NULL, NULL);
    if (testdb_pg()) {
        nFail += cmocka_run_group_tests_name("postgresql", aPg, NULL, NULL);
    } else {
        nFail += cmocka_run_group_tests_name("sqlite", aSqlite, NULL, NULL);
    }
    return nFail;
}
