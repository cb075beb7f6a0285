/*
** test_model_json.c — unit tests of the model's JSON form
** (src/io/model_json.h).
**
** plan.json carries the organisation directory and the plan tree.  A
** reader of a wrong file must learn where it is wrong: syntax errors by
** line and column, shape errors by the JSON path of the value.  What
** model_json_write() gives must read back as the same model.
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
#include "io/model_json.h"
#include "io/samples.h"

typedef struct Fix {
    Model m;
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
    free(f);
    return 0;
}

static const char zDoc[] =
    "{\n"
    "  \"lmpmon\": 1,\n"
    "  \"organisations\": [\n"
    "    {\"acronym\": \"MOLVT\",\n"
    "     \"name\": \"Ministry of Labour and Vocational Training\",\n"
    "     \"kind\": \"government\", \"aliases\": [\"MoLVT\", \"M.O.L.V.T\"]},\n"
    "    {\"acronym\": \"PDOLVT\", \"name\": \"Provincial Departments\",\n"
    "     \"kind\": \"government\", \"parent\": \"MOLVT\"},\n"
    "    {\"acronym\": \"ILO\", \"kind\": \"un_agency\"}\n"
    "  ],\n"
    "  \"plans\": [{\n"
    "    \"code\": \"lmp\", \"title\": \"Policy on Labour Migration\",\n"
    "    \"levels\": [{\"name\": \"goal\", \"indicator\": true},\n"
    "               {\"name\": \"activity\"}],\n"
    "    \"rounds\": [{\"code\": \"2016\", \"title\": \"2016 review\",\n"
    "                \"as_of\": \"2016-12-31\", \"state\": \"published\"},\n"
    "               {\"code\": \"2017\", \"state\": \"open\"}],\n"
    "    \"nodes\": [\n"
    "      {\"code\": \"1\", \"level\": \"goal\", \"text\": \"Standards\",\n"
    "       \"indicator\": \"# ratified\",\n"
    "       \"children\": [\n"
    "         {\"code\": \"1.1\", \"level\": \"activity\",\n"
    "          \"text\": \"Study ratification\",\n"
    "          \"responsible\": [\"MOLVT\"], \"contributing\": [\"ILO\"],\n"
    "          \"assessments\": [\n"
    "            {\"round\": \"2016\", \"action_point\": \"Study\",\n"
    "             \"progress\": \"Done\", \"rating\": \"On Target\",\n"
    "             \"state\": \"approved\"},\n"
    "            {\"round\": \"2017\", \"rating\": \"progressing\",\n"
    "             \"state\": \"draft\"}]},\n"
    "         {\"code\": \"1.2\", \"level\": \"activity\",\n"
    "          \"text\": \"Ratify C189\"}]},\n"
    "      {\"code\": \"2\", \"level\": \"goal\", \"text\": \"Protection\",\n"
    "       \"children\": [{\"code\": \"2.1\", \"level\": \"activity\",\n"
    "                     \"text\": \"Shelters\"}]}\n"
    "    ]}]\n"
    "}\n";

static int
read_json(Fix *f, const char *z)
{
    return model_json_read("plan.json", z, strlen(z), &f->m, NULL, &f->err);
}

/* Read z, which must fail with a message holding each NULL-ended part. */
static void
read_fails(Fix *f, const char *z, ...)
{
    int rc = read_json(f, z);
    assert_int_equal(rc, -1);
    assert_int_equal(f->err.code, APPERR_INPUT);
    assert_non_null(strstr(f->err.zMsg, "'plan.json'"));
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
}

static void
test_json_read_orgs(void **state)
{
    Fix *f = *state;
    int rc = read_json(f, zDoc);
    if (rc) {
        print_error("%s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    assert_int_equal(f->m.nOrg, 3);
    const Org *o = &f->m.aOrg[0];
    assert_string_equal(o->zAcronym, "MOLVT");
    assert_string_equal(o->zName, "Ministry of Labour and Vocational Training");
    assert_int_equal(o->eKind, ORG_GOVERNMENT);
    assert_null(o->zParent);
    assert_int_equal(o->nAlias, 2);
    assert_string_equal(o->azAlias[0], "MoLVT");
    assert_string_equal(o->azAlias[1], "M.O.L.V.T");
    o = &f->m.aOrg[1];
    assert_string_equal(o->zParent, "MOLVT");
    assert_int_equal(o->nAlias, 0);
    o = &f->m.aOrg[2];
    assert_string_equal(o->zAcronym, "ILO");
    assert_string_equal(o->zName, "ILO"); /* no name: the acronym */
    assert_int_equal(o->eKind, ORG_UN_AGENCY);
}

static void
test_json_read_plan(void **state)
{
    Fix *f = *state;
    assert_int_equal(read_json(f, zDoc), 0);
    assert_int_equal(f->m.nPlan, 1);
    const Plan *p = &f->m.aPlan[0];
    assert_string_equal(p->zCode, "lmp");
    assert_string_equal(p->zTitle, "Policy on Labour Migration");
    assert_int_equal(p->nLevel, 2);
    assert_string_equal(p->aLevel[0].zName, "goal");
    assert_true(p->aLevel[0].bIndicator);
    assert_string_equal(p->aLevel[1].zName, "activity");
    assert_false(p->aLevel[1].bIndicator);
    assert_int_equal(p->nRound, 2);
    assert_string_equal(p->aRound[0].zCode, "2016");
    assert_string_equal(p->aRound[0].zTitle, "2016 review");
    assert_string_equal(p->aRound[0].zAsOf, "2016-12-31");
    assert_int_equal(p->aRound[0].eState, ROUND_PUBLISHED);
    assert_string_equal(p->aRound[1].zCode, "2017");
    assert_null(p->aRound[1].zAsOf);
    assert_int_equal(p->aRound[1].eState, ROUND_OPEN);
}

static void
test_json_read_nodes(void **state)
{
    Fix *f = *state;
    assert_int_equal(read_json(f, zDoc), 0);
    const Plan *p = &f->m.aPlan[0];
    assert_int_equal(p->nNode, 5);
    static const char *const azCode[] = { "1", "1.1", "1.2", "2", "2.1" };
    static const long aiParent[] = { -1, 0, 0, -1, 3 };
    static const int aiLevel[] = { 0, 1, 1, 0, 1 };
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(p->aNode[i].zCode, azCode[i]);
        assert_int_equal(p->aNode[i].iParent, aiParent[i]);
        assert_int_equal(p->aNode[i].iLevel, aiLevel[i]);
    }
    assert_string_equal(p->aNode[0].zIndicator, "# ratified");
    assert_null(p->aNode[3].zIndicator);
    const Node *n = &p->aNode[1];
    assert_string_equal(n->zText, "Study ratification");
    assert_int_equal(n->nResp, 1);
    assert_string_equal(n->azResp[0], "MOLVT");
    assert_int_equal(n->nContrib, 1);
    assert_string_equal(n->azContrib[0], "ILO");
    assert_int_equal(n->nAssess, 2);
    assert_string_equal(n->aAssess[0].zRound, "2016");
    assert_string_equal(n->aAssess[0].zActionPoint, "Study");
    assert_string_equal(n->aAssess[0].zProgress, "Done");
    assert_int_equal(n->aAssess[0].eRating, RATING_ON_TARGET);
    assert_int_equal(n->aAssess[0].eState, ASSESS_APPROVED);
    assert_string_equal(n->aAssess[1].zRound, "2017");
    assert_string_equal(n->aAssess[1].zActionPoint, "");
    assert_string_equal(n->aAssess[1].zProgress, "");
    assert_int_equal(n->aAssess[1].eRating, RATING_PROGRESSING);
    assert_int_equal(n->aAssess[1].eState, ASSESS_DRAFT);
    assert_int_equal(p->aNode[2].nAssess, 0);
}

/* Only "lmpmon" is required: a file may hold just the directory. */
static void
test_json_minimal(void **state)
{
    Fix *f = *state;
    assert_int_equal(read_json(f, "{\"lmpmon\": 1}"), 0);
    assert_int_equal(f->m.nOrg, 0);
    assert_int_equal(f->m.nPlan, 0);
}

/* Replace the first zOld in zDoc by zNew (test documents with one fault). */
static char *
doc_with(const char *zOld, const char *zNew)
{
    const char *p = strstr(zDoc, zOld);
    assert_non_null(p);
    Buf b = BUF_INIT;
    buf_append(&b, zDoc, (size_t)(p - zDoc));
    buf_puts(&b, zNew);
    buf_puts(&b, p + strlen(zOld));
    return buf_detach(&b);
}

static void
read_doc_fails(Fix *f, const char *zOld, const char *zNew, const char *zPath,
               const char *zWhat)
{
    char *z = doc_with(zOld, zNew);
    read_fails(f, z, zPath, zWhat, NULL);
    free(z);
}

static void
test_json_wrong_type(void **state)
{
    Fix *f = *state;
    read_doc_fails(f, "\"code\": \"2016\"", "\"code\": 2016",
                   "plans[0].rounds[0].code: ", "expected a string");
    model_release(&f->m);
    read_doc_fails(
        f, "\"responsible\": [\"MOLVT\"]", "\"responsible\": \"MOLVT\"",
        "plans[0].nodes[0].children[0].responsible: ", "expected an array");
    model_release(&f->m);
    read_doc_fails(f, "\"indicator\": true", "\"indicator\": \"yes\"",
                   "plans[0].levels[0].indicator: ", "true or false");
    model_release(&f->m);
    read_doc_fails(
        f, "\"contributing\": [\"ILO\"]", "\"contributing\": [\"ILO\", 7]",
        "plans[0].nodes[0].children[0].contributing[1]: ", "non-empty string");
}

static void
test_json_unknown_key(void **state)
{
    Fix *f = *state;
    read_doc_fails(f, "\"acronym\": \"ILO\"",
                   "\"acronym\": \"ILO\", \"colour\": 1",
                   "organisations[2].colour: ", "unknown key 'colour'");
    model_release(&f->m);
    read_doc_fails(f, "\"text\": \"Shelters\"",
                   "\"text\": \"Shelters\", \"txt\": \"\"",
                   "plans[0].nodes[1].children[0].txt: ", "unknown key 'txt'");
    model_release(&f->m);
    read_doc_fails(f, "\"lmpmon\": 1,", "\"lmpmon\": 1, \"plan\": [],",
                   "plan: ", "unknown key 'plan'");
}

/* A node's predecessor (plan succession): read, written back, and its
** faults named by their path. */
static void
test_json_predecessor(void **state)
{
    Fix *f = *state;
    char *z = doc_with("\"text\": \"Shelters\"",
                       "\"text\": \"Shelters\", \"predecessor\": "
                       "{\"plan\": \"old\", \"code\": \"4.2\"}");
    assert_int_equal(read_json(f, z), 0);
    free(z);
    const Node *n = &f->m.aPlan[0].aNode[4];
    assert_string_equal(n->zPredPlan, "old");
    assert_string_equal(n->zPredCode, "4.2");
    assert_null(f->m.aPlan[0].aNode[1].zPredPlan);
    Buf b = BUF_INIT;
    model_json_write(&f->m, &b);
    assert_non_null(strstr(buf_str(&b), "\"predecessor\": {\n"));
    Model again = MODEL_INIT;
    assert_int_equal(
        model_json_read("again.json", buf_str(&b), b.n, &again, NULL, &f->err),
        0);
    assert_string_equal(again.aPlan[0].aNode[4].zPredCode, "4.2");
    model_release(&again);
    buf_release(&b);
    model_release(&f->m);
    read_doc_fails(
        f, "\"text\": \"Shelters\"",
        "\"text\": \"Shelters\", \"predecessor\": \"old/4.2\"",
        "plans[0].nodes[1].children[0].predecessor: ", "expected an object");
    model_release(&f->m);
    read_doc_fails(
        f, "\"text\": \"Shelters\"",
        "\"text\": \"Shelters\", \"predecessor\": "
        "{\"plan\": \"old\"}",
        "plans[0].nodes[1].children[0].predecessor.code: ", "required");
    model_release(&f->m);
    read_doc_fails(f, "\"text\": \"Shelters\"",
                   "\"text\": \"Shelters\", \"predecessor\": "
                   "{\"plan\": \"old\", \"code\": \"4.2\", \"year\": 1}",
                   "plans[0].nodes[1].children[0].predecessor.year: ",
                   "unknown key 'year'");
}

static void
test_json_missing_required(void **state)
{
    Fix *f = *state;
    read_doc_fails(f, "\"text\": \"Ratify C189\"", "\"text\": \"\"",
                   "plans[0].nodes[0].children[1].text: ", "must not be empty");
    model_release(&f->m);
    read_doc_fails(f, ",\n          \"text\": \"Ratify C189\"", "",
                   "plans[0].nodes[0].children[1].text: ", "required");
}

static void
test_json_not_lmpmon(void **state)
{
    Fix *f = *state;
    read_fails(f, "{\"plans\": []}", "lmpmon", "not an lmpmon file", NULL);
    model_release(&f->m);
    read_fails(f, "{\"lmpmon\": \"1\"}", "lmpmon", "not an lmpmon file", NULL);
    model_release(&f->m);
    read_fails(f, "[1, 2]", "top level", "expected an object", NULL);
}

static void
test_json_newer_version(void **state)
{
    Fix *f = *state;
    char *z = doc_with("\"lmpmon\": 1", "\"lmpmon\": 2");
    read_fails(f, z, "lmpmon: ", "format version 2 is newer", "upgrade lmpmon",
               NULL);
    free(z);
    model_release(&f->m);
    read_fails(f, "{\"lmpmon\": 0}", "lmpmon: ", "must be 1 or more", NULL);
}

/* jansson would keep the last of two equal keys; a file with both is
** ambiguous and refused. */
static void
test_json_duplicate_keys(void **state)
{
    Fix *f = *state;
    read_fails(f, "{\"lmpmon\": 1,\n \"lmpmon\": 1}", "line 2", "duplicate",
               NULL);
    model_release(&f->m);
    char *z = doc_with("\"title\": \"2016 review\",",
                       "\"title\": \"2016 review\", \"title\": \"x\",");
    read_fails(f, z, "line 15", "duplicate", NULL);
    free(z);
}

/* The third line is '  "plans": [ }': the '}' in column 14 cannot close
** an array. */
static void
test_json_syntax_error(void **state)
{
    Fix *f = *state;
    read_fails(f, "{\n  \"lmpmon\": 1,\n  \"plans\": [ }\n}\n",
               "line 3, column 14", NULL);
    model_release(&f->m);
    /* A trailing comma, as people write after editing by hand. */
    read_fails(f, "{\n  \"lmpmon\": 1,\n}\n", "line 3, column 1", NULL);
    model_release(&f->m);
    /* Truncated file. */
    read_fails(f, "{\"lmpmon\": 1,\n \"plans\": [", "line 2", NULL);
    model_release(&f->m);
    /* Invalid UTF-8 in a string. */
    read_fails(f,
               "{\"lmpmon\": 1,\n\"organisations\": [{\"acronym\": "
               "\"Caf\xE9\"}]}",
               "line 2, column ", NULL);
}

/* Nesting deeper than LIMIT_JSON_DEPTH is refused before parsing, at the
** bracket one level too deep; brackets inside strings do not count. */
static void
test_json_depth(void **state)
{
    Fix *f = *state;
    Buf b = BUF_INIT;
    /* 100,000 nested arrays: the 65th bracket is too deep. */
    buf_repeat(&b, '[', 100000);
    buf_repeat(&b, ']', 100000);
    read_fails(f, buf_str(&b),
               "line 1, column 65: nested deeper than 64 "
               "levels (LIMIT_JSON_DEPTH)",
               NULL);
    model_release(&f->m);
    /* Inside a document, after a string of brackets and escapes, and a
    ** line break; the object itself is level 1. */
    buf_reset(&b);
    buf_puts(&b, "{\"lmpmon\": 1, \"x\": \"[[{\\\"\\\\[\",\n \"y\": ");
    buf_repeat(&b, '[', 64);
    buf_repeat(&b, ']', 64);
    buf_puts(&b, "}");
    read_fails(f, buf_str(&b), "line 2, column 70: nested deeper than 64",
               NULL);
    model_release(&f->m);
    /* 64 levels are fine as far as depth goes (the shape is wrong). */
    buf_reset(&b);
    buf_puts(&b, "{\"lmpmon\": 1, \"x\": ");
    buf_repeat(&b, '[', 63);
    buf_repeat(&b, ']', 63);
    buf_puts(&b, "}");
    read_fails(f, buf_str(&b), "unknown key", NULL);
    assert_null(strstr(f->err.zMsg, "deeper"));
    buf_release(&b);
    /* Columns count characters, as jansson's do. */
    int iLine = 0, iCol = 0;
    assert_int_equal(
        model_json_depth_at("{\"\xC3\xA1\": [[", 10, 2, &iLine, &iCol), 1);
    assert_int_equal(iLine, 1);
    assert_int_equal(iCol, 8);
    assert_int_equal(model_json_depth_at("[]]][[", 6, 1, &iLine, &iCol), 1);
    assert_int_equal(iCol, 6);
}

static void
test_json_invalid_rating(void **state)
{
    Fix *f = *state;
    read_doc_fails(f, "\"rating\": \"progressing\"", "\"rating\": \"Done\"",
                   "plans[0].nodes[0].children[0].assessments[1].rating: ",
                   "unknown rating 'Done'");
    assert_non_null(strstr(f->err.zMsg, "'Not on Target'"));
}

static void
test_json_other_shape_errors(void **state)
{
    Fix *f = *state;
    read_doc_fails(f, "\"as_of\": \"2016-12-31\"", "\"as_of\": \"2017-02-29\"",
                   "plans[0].rounds[0].as_of: ", "not a date");
    model_release(&f->m);
    read_doc_fails(f, "\"state\": \"open\"", "\"state\": \"ajar\"",
                   "plans[0].rounds[1].state: ", "unknown state 'ajar'");
    model_release(&f->m);
    read_doc_fails(f, "\"kind\": \"un_agency\"", "\"kind\": \"agency\"",
                   "organisations[2].kind: ", "unknown kind 'agency'");
    model_release(&f->m);
    /* A goal under a goal. */
    read_doc_fails(
        f, "{\"code\": \"2.1\", \"level\": \"activity\"",
        "{\"code\": \"2.1\", \"level\": \"goal\"",
        "plans[0].nodes[1].children[0].level: ", "cannot stand here");
    model_release(&f->m);
    read_doc_fails(
        f, "{\"code\": \"2.1\"", "{\"code\": \"1.1\"",
        "plans[0].nodes[1].children[0].code: ", "duplicate code '1.1'");
    model_release(&f->m);
    read_doc_fails(f, "{\"code\": \"2017\"", "{\"code\": \"2016\"",
                   "plans[0].rounds[1]", "duplicate round code '2016'");
}

/* Compare models field by field. */
static void
check_same_model(const Model *a, const Model *b)
{
    assert_int_equal(a->nOrg, b->nOrg);
    for (size_t i = 0; i < a->nOrg; i++) {
        const Org *x = &a->aOrg[i], *y = &b->aOrg[i];
        assert_string_equal(x->zAcronym, y->zAcronym);
        assert_string_equal(x->zName, y->zName);
        assert_int_equal(x->eKind, y->eKind);
        assert_true((x->zParent == NULL) == (y->zParent == NULL));
        if (x->zParent) {
            assert_string_equal(x->zParent, y->zParent);
        }
        assert_int_equal(x->nAlias, y->nAlias);
        for (size_t k = 0; k < x->nAlias; k++) {
            assert_string_equal(x->azAlias[k], y->azAlias[k]);
        }
    }
    assert_int_equal(a->nPlan, b->nPlan);
    for (size_t i = 0; i < a->nPlan; i++) {
        const Plan *p = &a->aPlan[i], *q = &b->aPlan[i];
        assert_string_equal(p->zCode, q->zCode);
        assert_string_equal(p->zTitle, q->zTitle);
        assert_int_equal(p->nLevel, q->nLevel);
        for (int l = 0; l < p->nLevel; l++) {
            assert_string_equal(p->aLevel[l].zName, q->aLevel[l].zName);
            assert_int_equal(p->aLevel[l].bIndicator, q->aLevel[l].bIndicator);
        }
        assert_int_equal(p->nRound, q->nRound);
        for (size_t r = 0; r < p->nRound; r++) {
            const Round *x = &p->aRound[r], *y = &q->aRound[r];
            assert_string_equal(x->zCode, y->zCode);
            assert_string_equal(x->zTitle, y->zTitle);
            assert_true((x->zAsOf == NULL) == (y->zAsOf == NULL));
            if (x->zAsOf) {
                assert_string_equal(x->zAsOf, y->zAsOf);
            }
            assert_int_equal(x->eState, y->eState);
        }
        assert_int_equal(p->nNode, q->nNode);
        for (size_t k = 0; k < p->nNode; k++) {
            const Node *x = &p->aNode[k], *y = &q->aNode[k];
            assert_string_equal(x->zCode, y->zCode);
            assert_int_equal(x->iLevel, y->iLevel);
            assert_int_equal(x->iParent, y->iParent);
            assert_string_equal(x->zText, y->zText);
            assert_true((x->zIndicator == NULL) == (y->zIndicator == NULL));
            if (x->zIndicator) {
                assert_string_equal(x->zIndicator, y->zIndicator);
            }
            assert_int_equal(x->nResp, y->nResp);
            for (size_t j = 0; j < x->nResp; j++) {
                assert_string_equal(x->azResp[j], y->azResp[j]);
            }
            assert_int_equal(x->nContrib, y->nContrib);
            for (size_t j = 0; j < x->nContrib; j++) {
                assert_string_equal(x->azContrib[j], y->azContrib[j]);
            }
            assert_int_equal(x->nAssess, y->nAssess);
            for (size_t j = 0; j < x->nAssess; j++) {
                const Assessment *s = &x->aAssess[j], *t = &y->aAssess[j];
                assert_string_equal(s->zRound, t->zRound);
                assert_string_equal(s->zActionPoint, t->zActionPoint);
                assert_string_equal(s->zProgress, t->zProgress);
                assert_int_equal(s->eRating, t->eRating);
                assert_int_equal(s->eState, t->eState);
            }
        }
    }
}

static void
check_round_trip(const Model *m)
{
    Buf b = BUF_INIT;
    model_json_write(m, &b);
    assert_false(buf_failed(&b));
    Model m2 = MODEL_INIT;
    AppErr err = APPERR_INIT;
    int rc = model_json_read("out.json", buf_str(&b), b.n, &m2, NULL, &err);
    if (rc) {
        print_error("cannot read back: %s\n%s\n", err.zMsg, buf_str(&b));
    }
    assert_int_equal(rc, 0);
    check_same_model(m, &m2);
    model_release(&m2);
    buf_release(&b);
}

/* An export's revision goes after "lmpmon" and reads back; a file
** without one reads as NULL; one of the wrong type is refused. */
static void
test_json_revision(void **state)
{
    Fix *f = *state;
    assert_int_equal(read_json(f, zDoc), 0);
    Buf b = BUF_INIT;
    model_json_write_revision(&f->m, "77@2026-01-01T08:00:00Z", &b);
    assert_memory_equal(buf_str(&b),
                        "{\n \"lmpmon\": 1,\n \"revision\": "
                        "\"77@2026-01-01T08:00:00Z\",\n",
                        50);
    Model m2 = MODEL_INIT;
    AppErr err = APPERR_INIT;
    char *zRev = NULL;
    assert_int_equal(
        model_json_read("out.json", buf_str(&b), b.n, &m2, &zRev, &err), 0);
    assert_string_equal(zRev, "77@2026-01-01T08:00:00Z");
    assert_int_equal(m2.nPlan, f->m.nPlan);
    assert_int_equal(m2.aPlan[0].nNode, f->m.aPlan[0].nNode);
    free(zRev);
    model_release(&m2);
    buf_reset(&b);
    model_json_write(&f->m, &b);
    assert_null(strstr(buf_str(&b), "revision"));
    assert_int_equal(
        model_json_read("out.json", buf_str(&b), b.n, &m2, &zRev, &err), 0);
    assert_null(zRev);
    model_release(&m2);
    const char *zBad = "{\"lmpmon\": 1, \"revision\": 77}";
    assert_int_equal(
        model_json_read("bad.json", zBad, strlen(zBad), &m2, &zRev, &err), -1);
    assert_null(zRev);
    assert_non_null(strstr(err.zMsg, "revision: expected a string"));
    model_release(&m2);
    buf_release(&b);
}

/* Everything the document holds survives write + read; round titles
** filled in so that no NULL has to become "". */
static void
test_json_round_trip(void **state)
{
    Fix *f = *state;
    assert_int_equal(read_json(f, zDoc), 0);
    Plan *p = &f->m.aPlan[0];
    p->aRound[1].zTitle = xstrdup("2017 review");
    /* Text JSON must escape. */
    free(p->aNode[4].zText);
    p->aNode[4].zText = xstrdup("Shelters \"safe\"\\n\n\ttab, "
                                "\xE1\x9E\x95\xE1\x9F\x82\xE1\x9E\x93");
    check_round_trip(&f->m);
}

/* The shipped sample reads and round-trips too. */
static void
test_json_sample_round_trip(void **state)
{
    Fix *f = *state;
    const EmbeddedFile *e = samples_find("cambodia-lmp-2015-2018/plan.json");
    assert_non_null(e);
    int rc = model_json_read("plan.json", (const char *)e->aData, e->nData,
                             &f->m, NULL, &f->err);
    if (rc) {
        print_error("%s\n", f->err.zMsg);
    }
    assert_int_equal(rc, 0);
    assert_true(f->m.nOrg > 0);
    /* Fill what an absent key leaves NULL and the writer writes as "". */
    for (size_t i = 0; i < f->m.nPlan; i++) {
        Plan *p = &f->m.aPlan[i];
        if (!p->zTitle) {
            p->zTitle = xstrdup("");
        }
        for (size_t r = 0; r < p->nRound; r++) {
            if (!p->aRound[r].zTitle) {
                p->aRound[r].zTitle = xstrdup("");
            }
        }
    }
    check_round_trip(&f->m);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_json_read_orgs),
        T(test_json_revision),
        T(test_json_read_plan),
        T(test_json_read_nodes),
        T(test_json_minimal),
        T(test_json_wrong_type),
        T(test_json_unknown_key),
        T(test_json_missing_required),
        T(test_json_not_lmpmon),
        T(test_json_newer_version),
        T(test_json_duplicate_keys),
        T(test_json_syntax_error),
        T(test_json_depth),
        T(test_json_invalid_rating),
        T(test_json_other_shape_errors),
        T(test_json_round_trip),
        T(test_json_predecessor),
        T(test_json_sample_round_trip),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
