/*
** coordination.c — the coordination analysis of a round (see
** coordination.h): per organisation, per activity, per area, and the
** review's explanations tested as comparisons of two shares.
**
** One pass over the round's activities does the counting.  Organisations
** are found by acronym in a sorted index of the directory and of every
** acronym the activities name (texts.h), so an acronym the directory does
** not know is still counted, under its own name.  Equal wordings are found
** by sorting the folded wordings once (texts_first_equal).  Who is silent
** is not decided here: checks.c's rule silent_responsible_org is run as it
** is (checks_run_rule) and its findings mark the organisations it names.
*/
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coordination.h"
#include "review.h"
#include "texts.h"
#include "../base/buf.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

const char *
coord_lead_key(CoordLead e)
{
    static const char *const az[COORD_LEAD_COUNT] = {
        "none",
        "one_government",
        "one_other",
        "several",
    };
    return (unsigned)e < COORD_LEAD_COUNT ? az[e] : "none";
}

const char *
coord_verdict_key(CoordVerdict e)
{
    switch (e) {
    case COORD_WITHIN_CHANCE:
        return "within_chance";
    case COORD_FIRST_HIGHER:
        return "first_higher";
    case COORD_FIRST_LOWER:
        return "first_lower";
    default:
        return "too_few";
    }
}

int
coord_is_positive(const CoordActivity *a)
{
    return a->pA->eRating == RATING_PROGRESSING ||
           a->pA->eRating == RATING_ON_TARGET;
}

/* Who pays for activity zNode in round zRound, by the rule of
** coordination.h ("funded mainly by", "unfunded"). */
static CoordFund
coord_fund_of(const FundSet *f, const char *zRound, const char *zNode)
{
    if (!f) {
        return COORD_FUND_NONE;
    }
    const FundCost *pc = fund_set_cost(f, zRound, zNode);
    const char *zCur = pc ? pc->zCurrency : NULL;
    int64_t aBy[FUND_KIND_COUNT] = { 0 }, funded = 0;
    int bAny = pc != NULL;
    for (size_t i = 0; i < f->nLine; i++) {
        const FundLine *l = &f->aLine[i];
        if (!fund_line_of(l, zRound, zNode)) {
            continue;
        }
        bAny = 1;
        if (zCur && strcmp(zCur, l->zCurrency) != 0) {
            return COORD_FUND_UNKNOWN;
        }
        zCur = l->zCurrency;
        if (l->eStatus != FUND_GAP) {
            aBy[l->eKind] += l->amount;
            funded += l->amount;
        }
    }
    if (!bAny) {
        return COORD_FUND_NONE;
    }
    if ((pc && funded < pc->amount - funded) || (!pc && funded == 0)) {
        return COORD_FUND_GAP;
    }
    return aBy[FUND_GOVERNMENT] > funded - aBy[FUND_GOVERNMENT]
               ? COORD_FUND_GOVERNMENT
           : aBy[FUND_PARTNER] > funded - aBy[FUND_PARTNER] ? COORD_FUND_PARTNER
                                                            : COORD_FUND_MIXED;
}

/* ---- the comparisons ---------------------------------------------------- */

static int
coord_group_fund_source(const Coordination *c, const CoordActivity *a)
{
    (void)c;
    return a->eFund == COORD_FUND_PARTNER      ? 1
           : a->eFund == COORD_FUND_GOVERNMENT ? 2
                                               : 0;
}

static int
coord_group_unfunded(const Coordination *c, const CoordActivity *a)
{
    (void)c;
    return a->eFund == COORD_FUND_GAP ? 1
           : a->eFund == COORD_FUND_GOVERNMENT ||
                   a->eFund == COORD_FUND_PARTNER ||
                   a->eFund == COORD_FUND_MIXED
               ? 2
               : 0;
}

static int
coord_group_lead(const Coordination *c, const CoordActivity *a)
{
    (void)c;
    return a->eLead == COORD_LEAD_SEVERAL          ? 1
           : a->eLead == COORD_LEAD_ONE_GOVERNMENT ? 2
                                                   : 0;
}

static int
coord_group_support(const Coordination *c, const CoordActivity *a)
{
    (void)c;
    return a->bSupport ? 2 : 1;
}

static int
coord_group_least(const Coordination *c, const CoordActivity *a)
{
    if (a->iArea < 0) {
        return 0;
    }
    return c->aArea[a->iArea].bLeastProgressing ? 1 : 2;
}

static int
coord_is_supported(const CoordActivity *a)
{
    return a->bSupport;
}

static int
coord_is_several(const CoordActivity *a)
{
    return a->eLead == COORD_LEAD_SEVERAL;
}

/* The words of the review (2017, "Challenges to LMP Implementation")
** are quoted as printed (a reader of another language reads them
** translated: the report calls _() on every text of these tables). */
const CoordTest aCoordTest[] = {
    { "several_bodies", N_("Several responsible bodies and progress"),
      N_("require more than one Ministries\xE2\x80\x99 participation, and "
         "inter\xE2\x80\x90ministerial cooperation around LMP implementation "
         "has not been high"),
      N_("activities with several responsible bodies"),
      N_("activities led by one government body"),
      N_("are progressing or on target"), -1, 1, coord_group_lead,
      coord_is_positive },
    { "partner_support", N_("Development partner or UN support and progress"),
      N_("the high dependence on development partner funding threatens the "
         "sustainability of activities being implemented, and means that other "
         "activities may not be implemented at all"),
      N_("activities without development partner or UN support"),
      N_("activities with development partner or UN support"),
      N_("are progressing or on target"), -1, 1, coord_group_support,
      coord_is_positive },
    { "support_where_least_progress",
      N_("Development partner or UN support in the least progressing areas"),
      N_("development partner support has not been concentrated in this area"),
      N_("activities in the least progressing areas"),
      N_("activities in the other areas"),
      N_("are supported by a development partner or UN agency"), -1, 0,
      coord_group_least, coord_is_supported },
    { "several_where_least_progress",
      N_("Several responsible bodies in the least progressing areas"),
      N_("some activities [of the least progressing areas] require more than "
         "one Ministries\xE2\x80\x99 participation"),
      N_("activities in the least progressing areas"),
      N_("activities in the other areas"),
      N_("have several responsible bodies"), 1, 0, coord_group_least,
      coord_is_several },
    { "partner_funding", N_("Funding by development partners and progress"),
      N_("the high dependence on development partner funding threatens the "
         "sustainability of activities being implemented"),
      N_("activities funded mainly by development partners"),
      N_("activities funded mainly by the government budget"),
      N_("are progressing or on target"), -1, 0, coord_group_fund_source,
      coord_is_positive },
    { "unfunded", N_("Unfunded activities and progress"),
      N_("other activities may not be implemented at all"),
      N_("activities with less than half their cost secured or pledged"),
      N_("activities funded at least half"), N_("are progressing or on target"),
      -1, 0, coord_group_unfunded, coord_is_positive },
    { NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL },
};

static int
coord_has_no_responsible(const CoordActivity *a)
{
    return a->eLead == COORD_LEAD_NONE;
}

static int
coord_has_many_responsible(const CoordActivity *a)
{
    return a->nResp >= COORD_MANY_RESPONSIBLE;
}

static int
coord_has_same_wording(const CoordActivity *a)
{
    return a->iOverlap >= 0;
}

const CoordList aCoordList[] = {
    { "no_responsible", N_("Activities with no responsible body"),
      coord_has_no_responsible },
    { "many_responsible", N_("Activities with many responsible bodies"),
      coord_has_many_responsible },
    { "same_wording", N_("Activities sharing their wording with another code"),
      coord_has_same_wording },
    { NULL, NULL, NULL },
};

size_t
coordination_list_count(const Coordination *c, const CoordList *l)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nAct; i++) {
        n += l->xHas(&c->aAct[i]) != 0;
    }
    return n;
}

/* Compare test t among the activities of area iArea (-1: all). */
static void
coord_compare(const Coordination *c, const CoordTest *t, long iArea,
              CoordResult *r)
{
    memset(r, 0, sizeof *r);
    r->pTest = t;
    r->iArea = iArea;
    for (size_t i = 0; i < c->nAct; i++) {
        const CoordActivity *a = &c->aAct[i];
        if (iArea >= 0 && a->iArea != iArea) {
            continue;
        }
        int g = t->xGroup(c, a);
        CoordShare *s = g == 1 ? &r->first : g == 2 ? &r->second : NULL;
        if (!s) {
            r->nNeither++;
            continue;
        }
        s->nOf++;
        s->n += t->xMeasure(a) != 0;
    }
    r->diffPp = review_pct((long)r->first.n, (long)r->first.nOf) -
                review_pct((long)r->second.n, (long)r->second.nOf);
    if (r->first.nOf < COORD_MIN_GROUP || r->second.nOf < COORD_MIN_GROUP) {
        r->eVerdict = COORD_TOO_FEW;
        return;
    }
    double n1 = (double)r->first.nOf, n2 = (double)r->second.nOf;
    double p1 = (double)r->first.n / n1, p2 = (double)r->second.n / n2;
    double p = ((double)r->first.n + (double)r->second.n) / (n1 + n2);
    double se = sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
    double margin = COORD_CHANCE_SE * se;
    r->marginPp = (long)floor(100 * margin + 0.5);
    if (fabs(p1 - p2) > margin) {
        r->eVerdict = p1 > p2 ? COORD_FIRST_HIGHER : COORD_FIRST_LOWER;
        r->bAsClaimed = (t->iExpect > 0) == (p1 > p2);
    } else {
        r->eVerdict = COORD_WITHIN_CHANCE;
    }
}

const CoordResult *
coordination_result(const Coordination *c, const CoordTest *t, long iArea)
{
    for (size_t k = 0; k < c->nResult; k++) {
        if (c->aResult[k].pTest == t && c->aResult[k].iArea == iArea) {
            return &c->aResult[k];
        }
    }
    return NULL;
}

/* ---- organisations -------------------------------------------------------- */

/* The organisations by acronym: the directory's and every acronym an
** activity of the round names, each once. */
typedef struct OrgIndex {
    const char **azAcr; /* directory acronyms, then the activities' */
    size_t nAcr;
    TextAt *aSorted; /* azAcr sorted */
    size_t *aiSlot;  /* slot of each sorted position */
    size_t nSlot;
} OrgIndex;

static void
org_index_build(const Model *m, const Plan *p, const CoordActivity *aAct,
                size_t nAct, OrgIndex *x)
{
    size_t nAcr = m->nOrg;
    for (size_t i = 0; i < nAct; i++) {
        const Node *n = &p->aNode[aAct[i].iNode];
        nAcr += n->nResp + n->nContrib;
    }
    x->azAcr = xcalloc(nAcr ? nAcr : 1, sizeof *x->azAcr);
    for (size_t o = 0; o < m->nOrg; o++) {
        x->azAcr[x->nAcr++] = m->aOrg[o].zAcronym;
    }
    for (size_t i = 0; i < nAct; i++) {
        const Node *n = &p->aNode[aAct[i].iNode];
        for (size_t k = 0; k < n->nResp; k++) {
            x->azAcr[x->nAcr++] = n->azResp[k];
        }
        for (size_t k = 0; k < n->nContrib; k++) {
            x->azAcr[x->nAcr++] = n->azContrib[k];
        }
    }
    x->aSorted = texts_sort(x->azAcr, x->nAcr);
    x->aiSlot = xcalloc(x->nAcr ? x->nAcr : 1, sizeof *x->aiSlot);
    for (size_t q = 0; q < x->nAcr; q++) {
        if (q > 0 && strcmp(x->aSorted[q].z, x->aSorted[q - 1].z) == 0) {
            x->aiSlot[q] = x->aiSlot[q - 1];
        } else {
            x->aiSlot[q] = x->nSlot++;
        }
    }
}

/* Slot of acronym z (which the index holds). */
static size_t
org_index_slot(const OrgIndex *x, const char *z)
{
    size_t q = texts_lower_bound(x->aSorted, x->nAcr, z);
    assert(q < x->nAcr);
    return x->aiSlot[q];
}

static void
org_index_release(OrgIndex *x)
{
    free(x->azAcr);
    free(x->aSorted);
    free(x->aiSlot);
    memset(x, 0, sizeof *x);
}

static int
coord_org_cmp(const void *pa, const void *pb)
{
    const CoordOrg *a = pa, *b = pb;
    if (a->nResp != b->nResp) {
        return a->nResp > b->nResp ? -1 : 1;
    }
    if (a->nContrib != b->nContrib) {
        return a->nContrib > b->nContrib ? -1 : 1;
    }
    return strcmp(a->zAcronym, b->zAcronym);
}

int
coordination_reported(const Coordination *c, const CoordActivity *a,
                      const char *zAcr)
{
    if (c->bStatements) {
        const Statement *s = assessment_find_statement(a->pA, zAcr);
        return s && s->eState != STMT_DRAFT && s->eState != STMT_RETURNED;
    }
    return a->bNarrative;
}

static int
coord_kind_supports(const Org *g)
{
    return g &&
           (g->eKind == ORG_DEVELOPMENT_PARTNER || g->eKind == ORG_UN_AGENCY);
}

/* Count the links of every activity: per organisation slot into aSlot,
** and the activity's own distinct bodies, lead and support. */
static void
coord_count_links(Coordination *c, const OrgIndex *x, CoordOrg *aSlot)
{
    const Plan *p = c->p;
    /* The activity a slot was last counted for, per role: an activity
    ** naming a body twice counts it once. */
    size_t *aiLastResp = xcalloc(x->nSlot ? x->nSlot : 1, sizeof *aiLastResp);
    size_t *aiLastContrib =
        xcalloc(x->nSlot ? x->nSlot : 1, sizeof *aiLastContrib);
    for (size_t s = 0; s < x->nSlot; s++) {
        aiLastResp[s] = aiLastContrib[s] = (size_t)-1;
    }
    for (size_t i = 0; i < c->nAct; i++) {
        CoordActivity *a = &c->aAct[i];
        const Node *n = &p->aNode[a->iNode];
        const Org *pOnly = NULL;
        for (size_t k = 0; k < n->nResp; k++) {
            size_t s = org_index_slot(x, n->azResp[k]);
            CoordOrg *g = &aSlot[s];
            if (aiLastResp[s] == i) {
                continue;
            }
            aiLastResp[s] = i;
            a->nResp++;
            pOnly = g->pOrg;
            a->bSupport |= coord_kind_supports(g->pOrg);
            g->nResp++;
            g->nRespReported += coordination_reported(c, a, g->zAcronym) != 0;
            g->anRating[a->pA->eRating]++;
            if (a->iArea >= 0) {
                g->anArea[a->iArea]++;
            }
        }
        for (size_t k = 0; k < n->nContrib; k++) {
            size_t s = org_index_slot(x, n->azContrib[k]);
            CoordOrg *g = &aSlot[s];
            if (aiLastContrib[s] == i) {
                continue;
            }
            aiLastContrib[s] = i;
            a->nContrib++;
            a->bSupport |= coord_kind_supports(g->pOrg);
            g->nContrib++;
            g->nContribReported +=
                coordination_reported(c, a, g->zAcronym) != 0;
        }
        if (a->nResp == 0) {
            a->eLead = COORD_LEAD_NONE;
        } else if (a->nResp > 1) {
            a->eLead = COORD_LEAD_SEVERAL;
        } else {
            a->eLead = pOnly && pOnly->eKind == ORG_GOVERNMENT
                           ? COORD_LEAD_ONE_GOVERNMENT
                           : COORD_LEAD_ONE_OTHER;
        }
    }
    free(aiLastResp);
    free(aiLastContrib);
}

/* ---- same wording ----------------------------------------------------------- */

/* The activity's responsible bodies as one text (distinct, sorted, joined
** by a unit separator), to tell whether two activities share them.  Heap. */
static char *
coord_resp_key(const Node *n)
{
    const char **az = xcalloc(n->nResp ? n->nResp : 1, sizeof *az);
    for (size_t k = 0; k < n->nResp; k++) {
        az[k] = n->azResp[k];
    }
    TextAt *a = texts_sort(az, n->nResp);
    Buf b = BUF_INIT;
    for (size_t k = 0; k < n->nResp; k++) {
        if (k > 0 && strcmp(a[k].z, a[k - 1].z) == 0) {
            continue;
        }
        buf_puts(&b, a[k].z);
        buf_putc(&b, '\x1f');
    }
    free(a);
    free(az);
    return buf_detach(&b);
}

static void
coord_find_overlaps(Coordination *c)
{
    size_t n = c->nAct;
    char **azFold = xcalloc(n ? n : 1, sizeof *azFold);
    for (size_t i = 0; i < n; i++) {
        azFold[i] = texts_fold_words(c->aAct[i].zWording);
    }
    size_t *aFirst = texts_first_equal((const char *const *)azFold, n);
    size_t *anSize = xcalloc(n ? n : 1, sizeof *anSize);
    for (size_t i = 0; i < n; i++) {
        anSize[aFirst[i]]++;
    }
    /* A group per first activity (plan order) shared by another; each
    ** member points to it. */
    long *aiGroup = xcalloc(n ? n : 1, sizeof *aiGroup);
    size_t nAlloc = 0;
    for (size_t i = 0; i < n; i++) {
        aiGroup[i] = -1;
        if (aFirst[i] != i || anSize[i] < 2 || !*azFold[i]) {
            continue;
        }
        xgrow((void **)&c->aOverlap, &nAlloc, c->nOverlap, sizeof *c->aOverlap);
        CoordOverlap *o = &c->aOverlap[c->nOverlap];
        memset(o, 0, sizeof *o);
        o->aiAct = xcalloc(anSize[i], sizeof *o->aiAct);
        aiGroup[i] = (long)c->nOverlap++;
    }
    for (size_t i = 0; i < n; i++) {
        long g = aiGroup[aFirst[i]];
        if (g < 0) {
            continue;
        }
        CoordOverlap *o = &c->aOverlap[g];
        o->aiAct[o->nAct++] = i;
        c->aAct[i].iOverlap = g;
    }
    for (size_t g = 0; g < c->nOverlap; g++) {
        CoordOverlap *o = &c->aOverlap[g];
        char *zHead = coord_resp_key(&c->p->aNode[c->aAct[o->aiAct[0]].iNode]);
        for (size_t k = 1; k < o->nAct && !o->bAcrossOrgs; k++) {
            char *z = coord_resp_key(&c->p->aNode[c->aAct[o->aiAct[k]].iNode]);
            o->bAcrossOrgs = strcmp(z, zHead) != 0;
            free(z);
        }
        free(zHead);
    }
    for (size_t i = 0; i < n; i++) {
        free(azFold[i]);
    }
    free(azFold);
    free(aFirst);
    free(anSize);
    free(aiGroup);
}

/* ---- building ---------------------------------------------------------------- */

/* Non-zero if z has a character other than white space. */
static int
coord_has_text(const char *z)
{
    for (; z && *z; z++) {
        if (!strchr(" \t\r\n", *z)) {
            return 1;
        }
    }
    return 0;
}

/* The activities of the round in plan order, with their areas. */
static void
coord_collect(Coordination *c)
{
    const Plan *p = c->p;
    int iLeaf = plan_leaf_level(p);
    /* Area slot of each first-level node (iLeaf >= 1), else -1. */
    long *aiAreaOf = xcalloc(p->nNode ? p->nNode : 1, sizeof *aiAreaOf);
    size_t nAreaAlloc = 0, nActAlloc = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        aiAreaOf[i] = -1;
        if (iLeaf >= 1 && p->aNode[i].iLevel == 0) {
            xgrow((void **)&c->aArea, &nAreaAlloc, c->nArea, sizeof *c->aArea);
            memset(&c->aArea[c->nArea], 0, sizeof *c->aArea);
            c->aArea[c->nArea].iNode = (long)i;
            aiAreaOf[i] = (long)c->nArea++;
        }
    }
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *pA;
        if (n->iLevel != iLeaf ||
            !(pA = node_find_assessment(n, c->pRound->zCode))) {
            continue;
        }
        xgrow((void **)&c->aAct, &nActAlloc, c->nAct, sizeof *c->aAct);
        CoordActivity *a = &c->aAct[c->nAct++];
        memset(a, 0, sizeof *a);
        a->iNode = (long)i;
        long iAnc = iLeaf >= 1 ? plan_ancestor_at(p, (long)i, 0) : -1;
        a->iArea = iAnc >= 0 ? aiAreaOf[iAnc] : -1;
        a->pA = pA;
        a->bNarrative = coord_has_text(pA->zProgress);
        a->zWording =
            coord_has_text(pA->zActionPoint) ? pA->zActionPoint : n->zText;
        a->iOverlap = -1;
        c->bStatements |= pA->nStmt > 0;
    }
    free(aiAreaOf);
}

/* Totals of the round and of each area, then the least progressing areas,
** and drop areas without activities. */
static void
coord_count_areas(Coordination *c)
{
    for (size_t i = 0; i < c->nAct; i++) {
        const CoordActivity *a = &c->aAct[i];
        int bPos = coord_is_positive(a);
        c->nPositive += bPos;
        c->anLead[a->eLead]++;
        c->nSupport += a->bSupport != 0;
        c->anRating[a->pA->eRating]++;
        if (a->iArea >= 0) {
            CoordArea *r = &c->aArea[a->iArea];
            r->nAct++;
            r->nPositive += bPos;
            r->anLead[a->eLead]++;
            r->nSupport += a->bSupport != 0;
        }
    }
    for (size_t g = 0; g < c->nArea; g++) {
        CoordArea *r = &c->aArea[g];
        /* nPositive / nAct < c->nPositive / c->nAct, in integers. */
        r->bLeastProgressing =
            r->nAct > 0 && r->nPositive * c->nAct < c->nPositive * r->nAct;
    }
}

/* Remove the areas without activities (renumbering the activities' and
** the organisations' per-area counts). */
static void
coord_drop_empty_areas(Coordination *c, CoordOrg *aSlot, size_t nSlot)
{
    long *aiNew = xcalloc(c->nArea ? c->nArea : 1, sizeof *aiNew);
    size_t k = 0;
    for (size_t g = 0; g < c->nArea; g++) {
        aiNew[g] = c->aArea[g].nAct ? (long)k : -1;
        if (c->aArea[g].nAct) {
            c->aArea[k++] = c->aArea[g];
        }
    }
    for (size_t s = 0; s < nSlot; s++) {
        for (size_t g = 0; g < c->nArea; g++) {
            if (aiNew[g] >= 0) {
                aSlot[s].anArea[aiNew[g]] = aSlot[s].anArea[g];
            }
        }
    }
    for (size_t i = 0; i < c->nAct; i++) {
        if (c->aAct[i].iArea >= 0) {
            c->aAct[i].iArea = aiNew[c->aAct[i].iArea];
        }
    }
    c->nArea = k;
    free(aiNew);
}

int
coordination_build(const Model *m, const Plan *p, const char *zRound,
                   Coordination *c, AppErr *err)
{
    return coordination_build_funded(m, p, zRound, NULL, c, err);
}

int
coordination_build_funded(const Model *m, const Plan *p, const char *zRound,
                          const FundSet *pFund, Coordination *c, AppErr *err)
{
    memset(c, 0, sizeof *c);
    c->m = m;
    c->p = p;
    c->pRound = plan_find_round(p, zRound);
    if (!c->pRound) {
        return apperr_set(err, APPERR_NOTFOUND, "no round '%s' in plan '%s'",
                          zRound, p->zCode);
    }
    coord_collect(c);
    for (size_t i = 0; i < c->nAct; i++) {
        CoordActivity *a = &c->aAct[i];
        a->eFund =
            coord_fund_of(pFund, c->pRound->zCode, p->aNode[a->iNode].zCode);
        c->anFund[a->eFund]++;
    }

    OrgIndex x = { 0 };
    org_index_build(m, p, c->aAct, c->nAct, &x);
    CoordOrg *aSlot = xcalloc(x.nSlot ? x.nSlot : 1, sizeof *aSlot);
    for (size_t q = x.nAcr; q-- > 0;) {
        /* Going down, the slot's lowest index is seen last: the directory
        ** (indexes below m->nOrg) wins over the activities' spellings. */
        CoordOrg *g = &aSlot[x.aiSlot[q]];
        size_t i = x.aSorted[q].i;
        g->zAcronym = x.aSorted[q].z;
        g->pOrg = i < m->nOrg ? &m->aOrg[i] : g->pOrg;
    }
    for (size_t s = 0; s < x.nSlot; s++) {
        aSlot[s].anArea = xcalloc(c->nArea ? c->nArea : 1, sizeof(size_t));
    }
    coord_count_links(c, &x, aSlot);
    coord_count_areas(c);
    coord_drop_empty_areas(c, aSlot, x.nSlot);
    coord_find_overlaps(c);

    /* silent_responsible_org as checks.c decides it. */
    int rc = checks_run_rule(m, p, c->pRound->zCode, "silent_responsible_org",
                             &c->silent);
    assert(rc == 0);
    (void)rc;
    for (size_t f = 0; f < c->silent.n; f++) {
        const char *zOrg = c->silent.a[f].zOrg;
        if (zOrg && texts_lower_bound(x.aSorted, x.nAcr, zOrg) < x.nAcr) {
            aSlot[org_index_slot(&x, zOrg)].bSilent = 1;
        }
    }

    /* Keep the organisations named in the round, in report order. */
    c->aOrg = xcalloc(x.nSlot ? x.nSlot : 1, sizeof *c->aOrg);
    for (size_t s = 0; s < x.nSlot; s++) {
        if (aSlot[s].nResp || aSlot[s].nContrib) {
            c->aOrg[c->nOrg++] = aSlot[s];
        } else {
            free(aSlot[s].anArea);
        }
    }
    qsort(c->aOrg, c->nOrg, sizeof *c->aOrg, coord_org_cmp);
    free(aSlot);
    org_index_release(&x);

    size_t nAlloc = 0;
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        for (long g = -1; g < (t->bByArea ? (long)c->nArea : 0); g++) {
            xgrow((void **)&c->aResult, &nAlloc, c->nResult,
                  sizeof *c->aResult);
            coord_compare(c, t, g, &c->aResult[c->nResult++]);
        }
    }
    return 0;
}

void
coordination_release(Coordination *c)
{
    for (size_t o = 0; o < c->nOrg; o++) {
        free(c->aOrg[o].anArea);
    }
    free(c->aOrg);
    for (size_t g = 0; g < c->nOverlap; g++) {
        free(c->aOverlap[g].aiAct);
    }
    free(c->aOverlap);
    free(c->aAct);
    free(c->aArea);
    free(c->aResult);
    findings_release(&c->silent);
    memset(c, 0, sizeof *c);
}
