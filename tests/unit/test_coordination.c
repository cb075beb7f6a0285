/*
** test_coordination.c — unit tests of the coordination analysis
** (src/core/coordination.h).
**
** Small plans made by hand; every expected count is worked out in the
** comments from the definitions in coordination.h, not taken from a run.
** The review's explanations (aCoordTest) are tested on plans large enough
** to reach a verdict: one where each goes the way the review says, and
** the verdict rule at its edges (too few, within chance, beyond it, the
** other way).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/xalloc.h"
#include "core/coordination.h"
#include "core/model.h"

#define OT   RATING_ON_TARGET
#define PR   RATING_PROGRESSING
#define NOT  RATING_NOT_ON_TARGET
#define NONE RATING_NONE

/* One assessment of an activity. */
typedef struct Act {
    const char *zArea; /* area code (created on first use); NULL: the
                           ** plan has one level, activities only */
    const char *zCode; /* activity code; NULL ends a table */
    const char *zResp; /* ';'-separated acronyms, or NULL */
    const char *zContrib;
    const char *zRound;
    const char *zText;     /* the activity's text */
    const char *zAction;   /* the round's action point */
    const char *zProgress; /* narrative */
    Rating eRating;
    const char *zStmt; /* statements "ORG=state;ORG=state", or NULL */
} Act;

static void
add_org(Model *m, const char *zAcronym, OrgKind e)
{
    Org *o = model_add_org(m);
    o->zAcronym = xstrdup(zAcronym);
    o->zName = xstrdup(zAcronym);
    o->eKind = e;
}

/* The directory every case shares. */
static void
add_orgs(Model *m)
{
    add_org(m, "MOLVT", ORG_GOVERNMENT);
    add_org(m, "MOI", ORG_GOVERNMENT);
    add_org(m, "ILO", ORG_UN_AGENCY);
    add_org(m, "DFAT", ORG_DEVELOPMENT_PARTNER);
    add_org(m, "CARE", ORG_NGO);
    add_org(m, "ACRA", ORG_PRIVATE_SECTOR);
}

/* Push each ';'-separated item of z onto the array. */
static void
push_list(char ***pa, size_t *pn, const char *z)
{
    while (z && *z) {
        const char *e = strchr(z, ';');
        size_t len = e ? (size_t)(e - z) : strlen(z);
        char *zItem = xstrndup(z, len);
        strv_push(pa, pn, zItem);
        free(zItem);
        z = e ? e + 1 : NULL;
    }
}

/* An empty plan "lmp" with rounds 2016 and 2017, with areas above the
** activities when bAreas. */
static Plan *
new_plan(Model *m, int bAreas)
{
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup("lmp");
    p->zTitle = xstrdup("Plan");
    int l = 0;
    if (bAreas) {
        p->aLevel[l++].zName = xstrdup("area");
    }
    p->aLevel[l++].zName = xstrdup("activity");
    p->nLevel = l;
    plan_add_round(p)->zCode = xstrdup("2016");
    plan_add_round(p)->zCode = xstrdup("2017");
    return p;
}

/* Append activity r (a new node unless its code exists) with its
** assessment.  Areas are appended as met, so a table lists an area's
** activities together. */
static void
add_act(Plan *p, const Act *r)
{
    long i = plan_find_node(p, r->zCode);
    if (i < 0) {
        long iArea = -1;
        if (r->zArea) {
            iArea = plan_find_node(p, r->zArea);
            if (iArea < 0) {
                Node *g = plan_add_node(p);
                g->zCode = xstrdup(r->zArea);
                g->zText = xstrdup(r->zArea);
                g->iLevel = 0;
                g->iParent = -1;
                iArea = (long)(p->nNode - 1);
            }
        }
        Node *n = plan_add_node(p);
        n->zCode = xstrdup(r->zCode);
        n->zText = xstrdup(r->zText ? r->zText : r->zCode);
        n->iLevel = plan_leaf_level(p);
        n->iParent = iArea;
        push_list(&n->azResp, &n->nResp, r->zResp);
        push_list(&n->azContrib, &n->nContrib, r->zContrib);
        i = (long)(p->nNode - 1);
    }
    Assessment *a = node_add_assessment(&p->aNode[i]);
    a->zRound = xstrdup(r->zRound ? r->zRound : "2017");
    a->zActionPoint = xstrdup(r->zAction ? r->zAction : "");
    a->zProgress = xstrdup(r->zProgress ? r->zProgress : "");
    a->eRating = r->eRating;
    a->eState = ASSESS_APPROVED;
    char **az = NULL;
    size_t n = 0;
    push_list(&az, &n, r->zStmt);
    for (size_t k = 0; k < n; k++) {
        char *zEq = strchr(az[k], '=');
        assert_non_null(zEq);
        *zEq = 0;
        Statement *s = assessment_add_statement(a);
        s->zOrg = xstrdup(az[k]);
        s->zText = xstrdup("statement");
        assert_int_equal(stmt_state_parse(zEq + 1, &s->eState), 0);
        free(az[k]);
    }
    free(az);
}

static void
add_acts(Plan *p, const Act *a)
{
    for (; a->zCode; a++) {
        add_act(p, a);
    }
}

/* n activities "PREFIX.1" ... in area zArea with the given bodies, the
** first nPositive Progressing and the rest Not on Target. */
static void
add_many(Plan *p, const char *zArea, const char *zPrefix, size_t n,
         const char *zResp, const char *zContrib, size_t nPositive)
{
    for (size_t k = 0; k < n; k++) {
        char zCode[32];
        (void)snprintf(zCode, sizeof zCode, "%s.%zu", zPrefix, k + 1);
        Act r = { zArea,    zCode,      zResp,
                  zContrib, "2017",     NULL,
                  NULL,     "reported", k < nPositive ? PR : NOT,
                  NULL };
        add_act(p, &r);
    }
}

static const CoordOrg *
org_named(const Coordination *c, const char *z)
{
    for (size_t o = 0; o < c->nOrg; o++) {
        if (strcmp(c->aOrg[o].zAcronym, z) == 0) {
            return &c->aOrg[o];
        }
    }
    return NULL;
}

static const CoordTest *
test_named(const char *z)
{
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        if (strcmp(t->zName, z) == 0) {
            return t;
        }
    }
    fail_msg("no test '%s' in aCoordTest", z);
    return NULL;
}

static const CoordList *
list_named(const char *z)
{
    for (const CoordList *l = aCoordList; l->zName; l++) {
        if (strcmp(l->zName, z) == 0) {
            return l;
        }
    }
    fail_msg("no list '%s' in aCoordList", z);
    return NULL;
}

static const char *
act_code(const Coordination *c, size_t i)
{
    return c->p->aNode[c->aAct[i].iNode].zCode;
}

/* Assert a result's counts: first n1 of d1, second n2 of d2, neither. */
static void
check_result(const CoordResult *r, size_t n1, size_t d1, size_t n2, size_t d2,
             size_t nNeither)
{
    assert_non_null(r);
    assert_int_equal(r->first.n, n1);
    assert_int_equal(r->first.nOf, d1);
    assert_int_equal(r->second.n, n2);
    assert_int_equal(r->second.nOf, d2);
    assert_int_equal(r->nNeither, nNeither);
}

/* ---- the small plan ------------------------------------------------------- */

/* Seven activities of 2017 in two areas; area A3 has only a 2016 one. */
static const Act aSmall[] = {
    { "A1", "1.1", "MOLVT", "ILO", "2017", NULL, "Train officials.",
      "Training held", PR, NULL },
    /* No action point in 2017: its wording is the activity's text. */
    { "A1", "1.2", "MOLVT;MOI", "CARE", "2017", "Set caps on recruitment costs",
      "", "", NOT, NULL },
    { "A1", "1.3", NULL, "DFAT", "2017", NULL, "train  officials", "Done", OT,
      NULL },
    /* A blank narrative is no narrative. */
    { "A2", "2.1", "MOLVT;MOI;ILO;CARE", NULL, "2017", NULL,
      "Set caps on recruitment-costs", "  ", NONE, NULL },
    { "A2", "2.2", "ACRA", NULL, "2017", NULL, "Inspect agencies",
      "Inspections began", PR, NULL },
    { "A2", "2.3", "ACRA", NULL, "2017", NULL, "Inspect  agencies.", "none",
      NOT, NULL },
    /* MOLVT twice counts once; XYZ is not in the directory. */
    { "A2", "2.4", "MOLVT;MOLVT", "XYZ", "2017", NULL, "Draft a prakas",
      "MOLVT drafted the prakas", PR, NULL },
    { "A3", "3.1", "MOI", "ILO", "2016", NULL, "Old activity", "x", PR, NULL },
    { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NONE, NULL },
};

static void
build_small(Model *m, Coordination *c)
{
    add_orgs(m);
    Plan *p = new_plan(m, 1);
    add_acts(p, aSmall);
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(m, p, "2017", c, &err), 0);
}

static void
test_coordination_activities(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    Coordination c;
    build_small(&m, &c);
    /* 3.1 is not assessed in 2017: 7 activities. */
    assert_int_equal(c.nAct, 7);
    assert_false(c.bStatements);
    /* Ratings: Progressing 1.1, 2.2, 2.4; Not on Target 1.2, 2.3; On
    ** Target 1.3; not rated 2.1.  Positive: 3 + 1 = 4. */
    assert_int_equal(c.anRating[PR], 3);
    assert_int_equal(c.anRating[NOT], 2);
    assert_int_equal(c.anRating[OT], 1);
    assert_int_equal(c.anRating[NONE], 1);
    assert_int_equal(c.nPositive, 4);
    /* Lead: none 1.3; one government 1.1 (MOLVT), 2.4 (MOLVT twice);
    ** one other 2.2, 2.3 (ACRA); several 1.2, 2.1. */
    assert_int_equal(c.anLead[COORD_LEAD_NONE], 1);
    assert_int_equal(c.anLead[COORD_LEAD_ONE_GOVERNMENT], 2);
    assert_int_equal(c.anLead[COORD_LEAD_ONE_OTHER], 2);
    assert_int_equal(c.anLead[COORD_LEAD_SEVERAL], 2);
    assert_int_equal(c.aAct[6].nResp, 1); /* 2.4: MOLVT once */
    assert_int_equal(c.aAct[3].nResp, 4); /* 2.1 */
    /* Supported: 1.1 (ILO contributes), 1.3 (DFAT), 2.1 (ILO responsible);
    ** not 1.2 (CARE is an NGO), nor 2.4 (XYZ is unknown). */
    assert_int_equal(c.nSupport, 3);
    assert_true(c.aAct[0].bSupport);
    assert_false(c.aAct[1].bSupport);
    assert_true(c.aAct[2].bSupport);
    assert_true(c.aAct[3].bSupport);
    assert_false(c.aAct[6].bSupport);
    /* Narratives: all but 1.2 (empty) and 2.1 (blank). */
    assert_false(c.aAct[1].bNarrative);
    assert_false(c.aAct[3].bNarrative);
    assert_true(c.aAct[4].bNarrative);
    /* Lists: no responsible 1.3; many (4 or more) 2.1; same wording 1.1 and
    ** 1.3, 1.2 (its text) and 2.1, 2.2 and 2.3: 6. */
    assert_int_equal(coordination_list_count(&c, list_named("no_responsible")),
                     1);
    assert_int_equal(
        coordination_list_count(&c, list_named("many_responsible")), 1);
    assert_int_equal(coordination_list_count(&c, list_named("same_wording")),
                     6);
    coordination_release(&c);
    model_release(&m);
}

static void
test_coordination_same_wording(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    Coordination c;
    build_small(&m, &c);
    /* Three groups in the plan order of their first activity. */
    assert_int_equal(c.nOverlap, 3);
    /* "Train officials." and "train  officials": responsible MOLVT and
    ** nobody — across organisations. */
    assert_int_equal(c.aOverlap[0].nAct, 2);
    assert_string_equal(act_code(&c, c.aOverlap[0].aiAct[0]), "1.1");
    assert_string_equal(act_code(&c, c.aOverlap[0].aiAct[1]), "1.3");
    assert_true(c.aOverlap[0].bAcrossOrgs);
    /* 1.2's text and 2.1's action point: MOI, MOLVT against CARE, ILO,
    ** MOI, MOLVT. */
    assert_string_equal(act_code(&c, c.aOverlap[1].aiAct[0]), "1.2");
    assert_string_equal(act_code(&c, c.aOverlap[1].aiAct[1]), "2.1");
    assert_true(c.aOverlap[1].bAcrossOrgs);
    /* ACRA both times: within one organisation. */
    assert_string_equal(act_code(&c, c.aOverlap[2].aiAct[0]), "2.2");
    assert_string_equal(act_code(&c, c.aOverlap[2].aiAct[1]), "2.3");
    assert_false(c.aOverlap[2].bAcrossOrgs);
    assert_int_equal(c.aAct[0].iOverlap, 0);
    assert_int_equal(c.aAct[6].iOverlap, -1);
    assert_string_equal(c.aAct[1].zWording, "Set caps on recruitment costs");
    coordination_release(&c);
    model_release(&m);
}

static void
test_coordination_organisations(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    Coordination c;
    build_small(&m, &c);
    /* Named in 2017: MOLVT, MOI, ILO, CARE, DFAT, ACRA, XYZ.  Order: most
    ** responsible (MOLVT 4; ACRA, MOI 2; CARE, ILO 1, each contributing to
    ** 1; DFAT, XYZ 0, each contributing to 1), ties by acronym. */
    assert_int_equal(c.nOrg, 7);
    const char *azOrder[] = { "MOLVT", "ACRA", "MOI", "CARE",
                              "ILO",   "DFAT", "XYZ" };
    for (size_t o = 0; o < 7; o++) {
        assert_string_equal(c.aOrg[o].zAcronym, azOrder[o]);
    }
    /* MOLVT: responsible for 1.1, 1.2, 2.1, 2.4; reported (a narrative):
    ** 1.1, 2.4; ratings PR 1.1, 2.4, NOT 1.2, none 2.1; A1: 1.1, 1.2; A2:
    ** 2.1, 2.4. */
    const CoordOrg *g = org_named(&c, "MOLVT");
    assert_int_equal(g->nResp, 4);
    assert_int_equal(g->nRespReported, 2);
    assert_int_equal(g->nContrib, 0);
    assert_int_equal(g->anRating[PR], 2);
    assert_int_equal(g->anRating[NOT], 1);
    assert_int_equal(g->anRating[NONE], 1);
    assert_int_equal(g->anRating[OT], 0);
    assert_int_equal(g->anArea[0], 2);
    assert_int_equal(g->anArea[1], 2);
    /* MOI: 1.2, 2.1, neither with a narrative (3.1 is 2016's). */
    g = org_named(&c, "MOI");
    assert_int_equal(g->nResp, 2);
    assert_int_equal(g->nRespReported, 0);
    assert_int_equal(g->anArea[0], 1);
    assert_int_equal(g->anArea[1], 1);
    /* ILO: responsible for 2.1 (blank), contributes to 1.1 (reported). */
    g = org_named(&c, "ILO");
    assert_int_equal(g->nResp, 1);
    assert_int_equal(g->nRespReported, 0);
    assert_int_equal(g->nContrib, 1);
    assert_int_equal(g->nContribReported, 1);
    /* ACRA: 2.2 and 2.3, both reported, PR and NOT, both in A2. */
    g = org_named(&c, "ACRA");
    assert_int_equal(g->nResp, 2);
    assert_int_equal(g->nRespReported, 2);
    assert_int_equal(g->anRating[PR], 1);
    assert_int_equal(g->anRating[NOT], 1);
    assert_int_equal(g->anArea[0], 0);
    assert_int_equal(g->anArea[1], 2);
    /* XYZ: counted under its acronym, with no directory entry. */
    g = org_named(&c, "XYZ");
    assert_null(g->pOrg);
    assert_int_equal(g->nContrib, 1);
    assert_int_equal(g->nContribReported, 1);
    assert_non_null(org_named(&c, "DFAT")->pOrg);
    /* silent_responsible_org, as checks.c decides for an imported round:
    ** a government body no narrative of its activities names.  MOI is;
    ** MOLVT is named in 2.4's narrative; ACRA is not a government body. */
    assert_true(org_named(&c, "MOI")->bSilent);
    assert_false(org_named(&c, "MOLVT")->bSilent);
    assert_false(org_named(&c, "ACRA")->bSilent);
    assert_int_equal(c.silent.n, 1);
    assert_string_equal(c.silent.a[0].zOrg, "MOI");
    coordination_release(&c);
    model_release(&m);
}

static void
test_coordination_areas(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    Coordination c;
    build_small(&m, &c);
    /* A3 has no activity in 2017 and is left out. */
    assert_int_equal(c.nArea, 2);
    assert_string_equal(c.p->aNode[c.aArea[0].iNode].zCode, "A1");
    assert_string_equal(c.p->aNode[c.aArea[1].iNode].zCode, "A2");
    /* A1: 1.1 PR, 1.2 NOT, 1.3 OT: 2 of 3 positive; supported 1.1, 1.3.
    ** A2: 2.1 none, 2.2 PR, 2.3 NOT, 2.4 PR: 2 of 4; supported 2.1.
    ** The round: 4 of 7 (57%); A2's 50% is below it, A1's 67% is not. */
    assert_int_equal(c.aArea[0].nAct, 3);
    assert_int_equal(c.aArea[0].nPositive, 2);
    assert_int_equal(c.aArea[0].nSupport, 2);
    assert_int_equal(c.aArea[0].anLead[COORD_LEAD_SEVERAL], 1);
    assert_false(c.aArea[0].bLeastProgressing);
    assert_int_equal(c.aArea[1].nAct, 4);
    assert_int_equal(c.aArea[1].nPositive, 2);
    assert_int_equal(c.aArea[1].nSupport, 1);
    assert_int_equal(c.aArea[1].anLead[COORD_LEAD_ONE_OTHER], 2);
    assert_true(c.aArea[1].bLeastProgressing);
    assert_int_equal(c.aAct[3].iArea, 1);
    coordination_release(&c);
    model_release(&m);
}

/* "Below the round's share" is strict: A1 2 of 4 and A2 1 of 2 are both
** at the round's 3 of 6 (50%), so neither is least progressing. */
static void
test_coordination_least_progressing_is_strict(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 1);
    add_many(p, "A1", "a", 4, "MOLVT", NULL, 2);
    add_many(p, "A2", "b", 2, "MOLVT", NULL, 1);
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(&m, p, "2017", &c, &err), 0);
    assert_int_equal(c.nPositive, 3);
    assert_false(c.aArea[0].bLeastProgressing);
    assert_false(c.aArea[1].bLeastProgressing);
    coordination_release(&c);
    model_release(&m);
}

static void
test_coordination_small_groups_too_few(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    Coordination c;
    build_small(&m, &c);
    /* Two by-area tests with two areas each (3 results), four overall (two
    ** by funding source, with no funding given): 10. */
    assert_int_equal(c.nResult, 10);
    /* several_bodies: several 1.2 (NOT), 2.1 (none): 0 of 2; one
    ** government 1.1, 2.4 (PR): 2 of 2; neither 1.3, 2.2, 2.3. */
    const CoordTest *t = test_named("several_bodies");
    const CoordResult *r = coordination_result(&c, t, -1);
    check_result(r, 0, 2, 2, 2, 3);
    assert_int_equal(r->diffPp, -100);
    assert_int_equal(r->eVerdict, COORD_TOO_FEW);
    assert_false(r->bAsClaimed);
    assert_int_equal(r->marginPp, 0);
    /* In A1: 1.2 against 1.1, 1.3 neither; in A2: 2.1 against 2.4. */
    check_result(coordination_result(&c, t, 0), 0, 1, 1, 1, 1);
    check_result(coordination_result(&c, t, 1), 0, 1, 1, 1, 2);
    /* partner_support: without 1.2, 2.2, 2.3, 2.4 (2.2, 2.4 positive);
    ** with 1.1, 1.3, 2.1 (1.1, 1.3 positive). */
    check_result(coordination_result(&c, test_named("partner_support"), -1), 2,
                 4, 2, 3, 0);
    /* Least progressing A2 (4) against A1 (3): supported 2.1 against 1.1,
    ** 1.3; several 2.1 against 1.2. */
    t = test_named("support_where_least_progress");
    check_result(coordination_result(&c, t, -1), 1, 4, 2, 3, 0);
    assert_null(coordination_result(&c, t, 0));
    check_result(
        coordination_result(&c, test_named("several_where_least_progress"), -1),
        1, 4, 1, 3, 0);
    coordination_release(&c);
    model_release(&m);
}

/* ---- statements ------------------------------------------------------------- */

static const Act aStatements[] = {
    { "A1", "1.1", "MOLVT", "ILO", "2017", NULL, "a", "", PR,
      "MOLVT=submitted;ILO=draft" },
    { "A1", "1.2", "MOLVT;MOI", NULL, "2017", NULL, "b", "", PR,
      "MOLVT=accepted;MOI=returned" },
    /* A narrative naming MOI does not count once statements are collected. */
    { "A1", "1.3", "MOI", NULL, "2017", NULL, "c", "MOI reports progress", PR,
      NULL },
    { "A1", "1.4", "CARE", NULL, "2017", NULL, "d", "CARE ran a course", PR,
      NULL },
    { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NONE, NULL },
};

static void
test_coordination_statements(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 1);
    add_acts(p, aStatements);
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(&m, p, "2017", &c, &err), 0);
    assert_true(c.bStatements);
    /* MOLVT: submitted on 1.1, approved on 1.2: 2 of 2 reported. */
    assert_int_equal(org_named(&c, "MOLVT")->nResp, 2);
    assert_int_equal(org_named(&c, "MOLVT")->nRespReported, 2);
    /* MOI: returned on 1.2, none on 1.3: 0 of 2. */
    assert_int_equal(org_named(&c, "MOI")->nResp, 2);
    assert_int_equal(org_named(&c, "MOI")->nRespReported, 0);
    /* ILO: a draft on 1.1 is not a report. */
    assert_int_equal(org_named(&c, "ILO")->nContrib, 1);
    assert_int_equal(org_named(&c, "ILO")->nContribReported, 0);
    /* silent_responsible_org in a round with statements: everyone who
    ** gave none (a returned one counts as given, so MOI is not silent;
    ** CARE is, narrative or not). */
    assert_int_equal(c.silent.n, 1);
    assert_string_equal(c.silent.a[0].zOrg, "CARE");
    assert_true(org_named(&c, "CARE")->bSilent);
    assert_false(org_named(&c, "MOI")->bSilent);
    coordination_release(&c);
    model_release(&m);
}

/* ---- the verdict rule ------------------------------------------------------- */

/* several_bodies on nSev activities with several bodies (MOLVT and MOI),
** nSevPos of them positive, and nGov led by MOLVT alone, nGovPos
** positive. */
static void
several_bodies(size_t nSev, size_t nSevPos, size_t nGov, size_t nGovPos,
               CoordResult *pOut)
{
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 1);
    add_many(p, "A1", "s", nSev, "MOLVT;MOI", NULL, nSevPos);
    add_many(p, "A1", "g", nGov, "MOLVT", NULL, nGovPos);
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(&m, p, "2017", &c, &err), 0);
    *pOut = *coordination_result(&c, test_named("several_bodies"), -1);
    coordination_release(&c);
    model_release(&m);
}

static void
test_coordination_verdicts(void **state)
{
    (void)state;
    CoordResult r;
    /* 6 of 20 (30%) against 18 of 20 (90%): pooled 24/40 = 0.6, standard
    ** error sqrt(0.6 * 0.4 * (1/20 + 1/20)) = 0.1549, twice that 31
    ** points; 60 points is beyond: lower, as the review says. */
    several_bodies(20, 6, 20, 18, &r);
    assert_int_equal(r.eVerdict, COORD_FIRST_LOWER);
    assert_true(r.bAsClaimed);
    assert_int_equal(r.diffPp, -60);
    assert_int_equal(r.marginPp, 31);
    /* The other way round: higher, against the review. */
    several_bodies(20, 18, 20, 6, &r);
    assert_int_equal(r.eVerdict, COORD_FIRST_HIGHER);
    assert_false(r.bAsClaimed);
    assert_int_equal(r.diffPp, 60);
    /* 10 of 20 (50%) against 12 of 20 (60%): pooled 0.55, standard error
    ** sqrt(0.55 * 0.45 * 0.1) = 0.1573, margin 31 points; 10 is within. */
    several_bodies(20, 10, 20, 12, &r);
    assert_int_equal(r.eVerdict, COORD_WITHIN_CHANCE);
    assert_false(r.bAsClaimed);
    assert_int_equal(r.diffPp, -10);
    assert_int_equal(r.marginPp, 31);
    /* 9 in a group is too few, however large the difference. */
    several_bodies(9, 0, 30, 30, &r);
    assert_int_equal(r.eVerdict, COORD_TOO_FEW);
    assert_int_equal(r.diffPp, -100);
    /* 10 is enough: 10 of 10 against 0 of 10, pooled 0.5, standard error
    ** sqrt(0.25 * 0.2) = 0.2236, margin 45 points. */
    several_bodies(10, 10, 10, 0, &r);
    assert_int_equal(r.eVerdict, COORD_FIRST_HIGHER);
    assert_int_equal(r.marginPp, 45);
    /* Nothing positive on either side: no spread, no difference. */
    several_bodies(10, 0, 10, 0, &r);
    assert_int_equal(r.eVerdict, COORD_WITHIN_CHANCE);
    assert_int_equal(r.diffPp, 0);
    assert_int_equal(r.marginPp, 0);
}

/* Every explanation of aCoordTest can reach a verdict: area A1 has 20
** activities with several bodies and no support, 4 positive; A2 20 led by
** MOLVT with ILO contributing, 18 positive.  The round: 22 of 40 (55%);
** A1's 20% is below, so A1 is the least progressing area.
**   several_bodies: 4/20 against 18/20, pooled 0.55, margin 31: lower;
**   partner_support (without against with): the same numbers: lower;
**   support_where_least_progress: 0/20 against 20/20, pooled 0.5,
**     margin 32: lower;
**   several_where_least_progress: 20/20 against 0/20: higher.
** With funding: a.1-a.10 paid by a partner, a.11-a.20 with a cost and
** nothing secured, b.* paid by the government budget:
**   partner_funding: 4/10 against 18/20, pooled 22/30, margin 34: lower;
**   unfunded: 0/10 against 22/30 (73%), pooled 22/40, margin 36: lower.
** Each goes the way the review's explanation says. */
static void
test_coordination_every_test_reaches_a_verdict(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 1);
    add_many(p, "A1", "a", 20, "MOLVT;MOI", NULL, 4);
    add_many(p, "A2", "b", 20, "MOLVT", "ILO", 18);
    FundCost aCost[40];
    FundLine aLine[30];
    char azCode[40][8];
    size_t nLine = 0;
    for (size_t k = 0; k < 40; k++) {
        (void)snprintf(azCode[k], sizeof azCode[k], "%s.%zu",
                       k < 20 ? "a" : "b", k % 20 + 1);
        aCost[k] = (FundCost){ .zRound = (char *)(uintptr_t) "2017",
                               .zNode = azCode[k],
                               .amount = 100,
                               .zCurrency = "USD" };
        if (k < 10 || k >= 20) {
            aLine[nLine++] =
                (FundLine){ .zRound = (char *)(uintptr_t) "2017",
                            .zNode = azCode[k],
                            .iLine = 1,
                            .eKind = k < 10 ? FUND_PARTNER : FUND_GOVERNMENT,
                            .amount = 100,
                            .zCurrency = "USD",
                            .eStatus = FUND_SECURED };
        }
    }
    FundSet fund = { aCost, 40, aLine, nLine };
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build_funded(&m, p, "2017", &fund, &c, &err),
                     0);
    assert_true(c.aArea[0].bLeastProgressing);
    assert_false(c.aArea[1].bLeastProgressing);
    assert_int_equal(c.anFund[COORD_FUND_PARTNER], 10);
    assert_int_equal(c.anFund[COORD_FUND_GAP], 10);
    assert_int_equal(c.anFund[COORD_FUND_GOVERNMENT], 20);

    static const struct {
        const char *zTest;
        size_t n1, d1, n2, d2;
        CoordVerdict e;
        long diffPp, marginPp;
        size_t nNeither;
    } aWant[] = {
        { "several_bodies", 4, 20, 18, 20, COORD_FIRST_LOWER, -70, 31, 0 },
        { "partner_support", 4, 20, 18, 20, COORD_FIRST_LOWER, -70, 31, 0 },
        { "support_where_least_progress", 0, 20, 20, 20, COORD_FIRST_LOWER,
          -100, 32, 0 },
        { "several_where_least_progress", 20, 20, 0, 20, COORD_FIRST_HIGHER,
          100, 32, 0 },
        { "partner_funding", 4, 10, 18, 20, COORD_FIRST_LOWER, -50, 34, 10 },
        { "unfunded", 0, 10, 22, 30, COORD_FIRST_LOWER, -73, 36, 0 },
    };

    size_t nTest = 0;
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        nTest++;
    }
    assert_int_equal(nTest, sizeof aWant / sizeof aWant[0]);
    for (size_t k = 0; k < nTest; k++) {
        const CoordResult *r =
            coordination_result(&c, test_named(aWant[k].zTest), -1);
        check_result(r, aWant[k].n1, aWant[k].d1, aWant[k].n2, aWant[k].d2,
                     aWant[k].nNeither);
        assert_int_equal(r->eVerdict, aWant[k].e);
        assert_true(r->bAsClaimed);
        assert_int_equal(r->diffPp, aWant[k].diffPp);
        assert_int_equal(r->marginPp, aWant[k].marginPp);
    }
    /* Within an area one of the groups is empty: too few. */
    const CoordResult *r =
        coordination_result(&c, test_named("several_bodies"), 0);
    check_result(r, 4, 20, 0, 0, 0);
    assert_int_equal(r->eVerdict, COORD_TOO_FEW);
    coordination_release(&c);
    model_release(&m);
}

/* ---- edges -------------------------------------------------------------------- */

static void
test_coordination_plan_without_areas(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 0);
    Act r = { NULL, "1", "MOLVT", NULL, "2017", NULL, "x", "y", PR, NULL };
    add_act(p, &r);
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(&m, p, "2017", &c, &err), 0);
    assert_int_equal(c.nAct, 1);
    assert_int_equal(c.nArea, 0);
    assert_int_equal(c.aAct[0].iArea, -1);
    /* No areas: nobody is in an area group. */
    check_result(
        coordination_result(&c, test_named("support_where_least_progress"), -1),
        0, 0, 0, 0, 1);
    assert_int_equal(org_named(&c, "MOLVT")->nResp, 1);
    coordination_release(&c);
    model_release(&m);
}

static void
test_coordination_unknown_round(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 1);
    add_acts(p, aSmall);
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(&m, p, "2030", &c, &err), -1);
    assert_int_equal(err.code, APPERR_NOTFOUND);
    assert_string_equal(err.zMsg, "no round '2030' in plan 'lmp'");
    coordination_release(&c);
    model_release(&m);
}

/* A round nothing was assessed in: empty, not an error. */
static void
test_coordination_empty_round(void **state)
{
    (void)state;
    Model m = MODEL_INIT;
    add_orgs(&m);
    Plan *p = new_plan(&m, 1);
    Act r = { "A1", "1.1", "MOLVT", NULL, "2016", NULL, "x", "y", PR, NULL };
    add_act(p, &r);
    Coordination c;
    AppErr err = APPERR_INIT;
    assert_int_equal(coordination_build(&m, p, "2017", &c, &err), 0);
    assert_int_equal(c.nAct, 0);
    assert_int_equal(c.nOrg, 0);
    assert_int_equal(c.nArea, 0);
    assert_int_equal(c.nOverlap, 0);
    assert_int_equal(
        coordination_result(&c, test_named("several_bodies"), -1)->eVerdict,
        COORD_TOO_FEW);
    coordination_release(&c);
    model_release(&m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coordination_activities),
        cmocka_unit_test(test_coordination_same_wording),
        cmocka_unit_test(test_coordination_organisations),
        cmocka_unit_test(test_coordination_areas),
        cmocka_unit_test(test_coordination_least_progressing_is_strict),
        cmocka_unit_test(test_coordination_small_groups_too_few),
        cmocka_unit_test(test_coordination_statements),
        cmocka_unit_test(test_coordination_verdicts),
        cmocka_unit_test(test_coordination_every_test_reaches_a_verdict),
        cmocka_unit_test(test_coordination_plan_without_areas),
        cmocka_unit_test(test_coordination_unknown_round),
        cmocka_unit_test(test_coordination_empty_round),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
