/*
** model.c — building, searching and freeing the in-memory model.
*/
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "recommend.h"
#include "outreach.h"
#include "indicator.h"
#include "funding.h"
#include "notify.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

void
strv_push(char ***pa, size_t *pn, const char *z)
{
    *pa = xreallocarray(*pa, *pn + 1, sizeof **pa);
    (*pa)[(*pn)++] = xstrdup(z);
}

void
strv_split(const char *z, const char *zSep, char ***pa, size_t *pn)
{
    while (z && *z) {
        size_t n = strcspn(z, zSep);
        char *zRaw = xstrndup(z, n);
        char *zItem = str_trim(zRaw);
        if (*zItem) {
            strv_push(pa, pn, zItem);
        }
        free(zRaw);
        free(zItem);
        z += n;
        z += *z ? 1 : 0;
    }
}

void
strv_free(char **a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(a[i]);
    }
    free(a);
}

void
statement_release(Statement *st)
{
    free(st->zOrg);
    free(st->zText);
    free(st->zComment);
    free(st->zUpdatedBy);
    free(st->zUpdatedAt);
    statement_release_thread(st);
    memset(st, 0, sizeof *st);
}

void
statement_release_thread(Statement *st)
{
    for (size_t i = 0; i < st->nComment; i++) {
        free(st->aComment[i].zAuthor);
        free(st->aComment[i].zAt);
        free(st->aComment[i].zText);
    }
    free(st->aComment);
    st->aComment = NULL;
    st->nComment = 0;
    for (size_t i = 0; i < st->nVer; i++) {
        free(st->aVer[i].zText);
        free(st->aVer[i].zBy);
        free(st->aVer[i].zAt);
    }
    free(st->aVer);
    st->aVer = NULL;
    st->nVer = 0;
    for (size_t i = 0; i < st->nAttach; i++) {
        free(st->aAttach[i].zName);
        free(st->aAttach[i].zType);
        free(st->aAttach[i].zBy);
        free(st->aAttach[i].zAt);
    }
    free(st->aAttach);
    st->aAttach = NULL;
    st->nAttach = 0;
}

StmtComment *
statement_add_comment(Statement *st)
{
    st->aComment =
        xreallocarray(st->aComment, st->nComment + 1, sizeof *st->aComment);
    StmtComment *c = &st->aComment[st->nComment++];
    memset(c, 0, sizeof *c);
    return c;
}

StmtVersion *
statement_add_version(Statement *st)
{
    st->aVer = xreallocarray(st->aVer, st->nVer + 1, sizeof *st->aVer);
    StmtVersion *v = &st->aVer[st->nVer++];
    memset(v, 0, sizeof *v);
    return v;
}

StmtAttachment *
statement_add_attachment(Statement *st)
{
    st->aAttach =
        xreallocarray(st->aAttach, st->nAttach + 1, sizeof *st->aAttach);
    StmtAttachment *f = &st->aAttach[st->nAttach++];
    memset(f, 0, sizeof *f);
    return f;
}

void
assessment_release_statements(Assessment *a)
{
    for (size_t k = 0; k < a->nStmt; k++) {
        statement_release(&a->aStmt[k]);
    }
    free(a->aStmt);
    a->aStmt = NULL;
    a->nStmt = 0;
}

void
assessment_release(Assessment *a)
{
    free(a->zRound);
    free(a->zActionPoint);
    free(a->zProgress);
    assessment_release_statements(a);
    memset(a, 0, sizeof *a);
}

static void
node_release(Node *n)
{
    free(n->zCode);
    free(n->zText);
    free(n->zIndicator);
    free(n->zTextKm);
    free(n->zIndicatorKm);
    free(n->zPredPlan);
    free(n->zPredCode);
    strv_free(n->azResp, n->nResp);
    strv_free(n->azContrib, n->nContrib);
    for (size_t i = 0; i < n->nAssess; i++) {
        assessment_release(&n->aAssess[i]);
    }
    free(n->aAssess);
}

void
round_release(Round *r)
{
    free(r->zCode);
    free(r->zTitle);
    free(r->zAsOf);
    free(r->zDue);
    for (size_t i = 0; i < r->nExt; i++) {
        free(r->aExt[i].zOrg);
        free(r->aExt[i].zDue);
        free(r->aExt[i].zReason);
        free(r->aExt[i].zBy);
        free(r->aExt[i].zAt);
    }
    free(r->aExt);
    for (size_t i = 0; i < r->nChapter; i++) {
        free(r->aChapter[i].zText);
        free(r->aChapter[i].zTextKm);
        free(r->aChapter[i].zBy);
        free(r->aChapter[i].zAt);
    }
    free(r->aChapter);
    memset(r, 0, sizeof *r);
}

static void
plan_release(Plan *p)
{
    free(p->zCode);
    free(p->zTitle);
    free(p->zTitleKm);
    for (int i = 0; i < p->nLevel; i++) {
        free(p->aLevel[i].zName);
    }
    for (size_t i = 0; i < p->nRound; i++) {
        round_release(&p->aRound[i]);
    }
    free(p->aRound);
    for (size_t i = 0; i < p->nNode; i++) {
        node_release(&p->aNode[i]);
    }
    free(p->aNode);
    free(p->aiByCode);
}

void
model_release(Model *m)
{
    for (size_t i = 0; i < m->nOrg; i++) {
        Org *o = &m->aOrg[i];
        free(o->zAcronym);
        free(o->zName);
        free(o->zNameKm);
        free(o->zParent);
        strv_free(o->azAlias, o->nAlias);
    }
    free(m->aOrg);
    for (size_t i = 0; i < m->nPlan; i++) {
        plan_release(&m->aPlan[i]);
    }
    free(m->aPlan);
    memset(m, 0, sizeof *m);
}

Org *
model_add_org(Model *m)
{
    xgrow((void **)&m->aOrg, &m->nOrgAlloc, m->nOrg, sizeof *m->aOrg);
    return &m->aOrg[m->nOrg++];
}

Plan *
model_add_plan(Model *m)
{
    xgrow((void **)&m->aPlan, &m->nPlanAlloc, m->nPlan, sizeof *m->aPlan);
    return &m->aPlan[m->nPlan++];
}

Round *
plan_add_round(Plan *p)
{
    xgrow((void **)&p->aRound, &p->nRoundAlloc, p->nRound, sizeof *p->aRound);
    return &p->aRound[p->nRound++];
}

RoundExt *
round_add_ext(Round *rd)
{
    rd->aExt = xreallocarray(rd->aExt, rd->nExt + 1, sizeof *rd->aExt);
    RoundExt *e = &rd->aExt[rd->nExt++];
    memset(e, 0, sizeof *e);
    return e;
}

RoundChapter *
round_add_chapter(Round *rd)
{
    rd->aChapter =
        xreallocarray(rd->aChapter, rd->nChapter + 1, sizeof *rd->aChapter);
    RoundChapter *c = &rd->aChapter[rd->nChapter++];
    memset(c, 0, sizeof *c);
    return c;
}

const RoundChapter *
round_chapter(const Round *rd, ChapterKind e)
{
    for (size_t i = 0; i < rd->nChapter; i++) {
        if (rd->aChapter[i].eKind == e) {
            return &rd->aChapter[i];
        }
    }
    return NULL;
}

Node *
plan_add_node(Plan *p)
{
    xgrow((void **)&p->aNode, &p->nNodeAlloc, p->nNode, sizeof *p->aNode);
    Node *n = &p->aNode[p->nNode++];
    n->iParent = -1;
    return n;
}

Assessment *
node_add_assessment(Node *n)
{
    n->aAssess = xreallocarray(n->aAssess, n->nAssess + 1, sizeof *n->aAssess);
    Assessment *a = &n->aAssess[n->nAssess++];
    memset(a, 0, sizeof *a);
    return a;
}

Statement *
assessment_add_statement(Assessment *a)
{
    a->aStmt = xreallocarray(a->aStmt, a->nStmt + 1, sizeof *a->aStmt);
    Statement *st = &a->aStmt[a->nStmt++];
    memset(st, 0, sizeof *st);
    return st;
}

const Statement *
assessment_find_statement(const Assessment *a, const char *zOrg)
{
    for (size_t i = 0; i < a->nStmt; i++) {
        if (str_eq(a->aStmt[i].zOrg, zOrg)) {
            return &a->aStmt[i];
        }
    }
    return NULL;
}

Plan *
model_find_plan(const Model *m, const char *zCode)
{
    for (size_t i = 0; i < m->nPlan; i++) {
        if (str_eq(m->aPlan[i].zCode, zCode)) {
            return &m->aPlan[i];
        }
    }
    return NULL;
}

Org *
model_find_org(const Model *m, const char *zAcronym)
{
    for (size_t i = 0; i < m->nOrg; i++) {
        if (str_eq(m->aOrg[i].zAcronym, zAcronym)) {
            return &m->aOrg[i];
        }
    }
    return NULL;
}

/* A node's code beside its index, for sorting without a global. */
typedef struct CodeIndex {
    const char *zCode;
    long i;
} CodeIndex;

static int
plan_code_cmp(const void *a, const void *b)
{
    return strcmp(((const CodeIndex *)a)->zCode, ((const CodeIndex *)b)->zCode);
}

/* Add the nodes appended since the index was made to it: sort them and
** merge the two sorted runs, O(nodes) instead of sorting them all again. */
static void
plan_index_extend(Plan *p)
{
    size_t nOld = p->nByCode, nTail = p->nNode - nOld;
    CodeIndex *aTail = xcalloc(nTail, sizeof *aTail);
    for (size_t i = 0; i < nTail; i++) {
        const char *z = p->aNode[nOld + i].zCode;
        aTail[i].zCode = z ? z : "";
        aTail[i].i = (long)(nOld + i);
    }
    qsort(aTail, nTail, sizeof *aTail, plan_code_cmp);
    long *ai = xcalloc(p->nNode, sizeof *ai);
    size_t a = 0, b = 0, k = 0;
    while (a < nOld || b < nTail) {
        const char *zA = a < nOld ? p->aNode[p->aiByCode[a]].zCode : NULL;
        if (b == nTail ||
            (a < nOld && strcmp(zA ? zA : "", aTail[b].zCode) <= 0)) {
            ai[k++] = p->aiByCode[a++];
        } else {
            ai[k++] = aTail[b++].i;
        }
    }
    free(aTail);
    free(p->aiByCode);
    p->aiByCode = ai;
    p->nByCode = p->nNode;
}

void
plan_index_codes(Plan *p)
{
    size_t n = p->nNode ? p->nNode : 1;
    CodeIndex *a = xcalloc(n, sizeof *a);
    for (size_t i = 0; i < p->nNode; i++) {
        a[i].zCode = p->aNode[i].zCode ? p->aNode[i].zCode : "";
        a[i].i = (long)i;
    }
    qsort(a, p->nNode, sizeof *a, plan_code_cmp);
    free(p->aiByCode);
    p->aiByCode = xcalloc(n, sizeof *p->aiByCode);
    for (size_t i = 0; i < p->nNode; i++) {
        p->aiByCode[i] = a[i].i;
    }
    free(a);
    p->nByCode = p->nNode;
}

/* The nodes the index covers: the first nByCode, or none when the index
** is missing or stale (nodes were taken away since it was made). */
static size_t
plan_index_covers(const Plan *p)
{
    return p->aiByCode && p->nByCode <= p->nNode ? p->nByCode : 0;
}

long
plan_lookup_node(const Plan *p, const char *zCode)
{
    if (!zCode) {
        return -1;
    }
    /* The index covers the first nIdx nodes; nodes appended since are
    ** scanned. */
    size_t nIdx = plan_index_covers(p);
    size_t lo = 0, hi = nIdx;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *z = p->aNode[p->aiByCode[mid]].zCode;
        int c = strcmp(z ? z : "", zCode);
        if (c == 0) {
            return p->aiByCode[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (size_t i = nIdx; i < p->nNode; i++) {
        if (str_eq(p->aNode[i].zCode, zCode)) {
            return (long)i;
        }
    }
    return -1;
}

long
plan_find_node(Plan *p, const char *zCode)
{
    if (!zCode) {
        return -1;
    }
    /* When the tail of nodes the index does not cover passes 64 nodes it
    ** is merged into the index, so a plan built row by row (an import)
    ** costs a short scan and a binary search per lookup.  Extending
    ** changes only the index, a cache: a plan shared between threads is
    ** indexed whole before it is shared and only looked up
    ** (plan_lookup_node()). */
    size_t nIdx = plan_index_covers(p);
    if (nIdx == 0 && p->nNode > 64) {
        plan_index_codes(p);
    } else if (p->nNode - nIdx > 64) {
        plan_index_extend(p);
    }
    return plan_lookup_node(p, zCode);
}

Round *
plan_find_round(const Plan *p, const char *zCode)
{
    for (size_t i = 0; i < p->nRound; i++) {
        if (str_eq(p->aRound[i].zCode, zCode)) {
            return &p->aRound[i];
        }
    }
    return NULL;
}

const Assessment *
node_find_assessment(const Node *n, const char *zRound)
{
    for (size_t i = 0; i < n->nAssess; i++) {
        if (str_eq(n->aAssess[i].zRound, zRound)) {
            return &n->aAssess[i];
        }
    }
    return NULL;
}

int
plan_find_level(const Plan *p, const char *zName)
{
    for (int i = 0; i < p->nLevel; i++) {
        if (str_eq(p->aLevel[i].zName, zName)) {
            return i;
        }
    }
    return -1;
}

int
plan_leaf_level(const Plan *p)
{
    return p->nLevel - 1;
}

long
plan_ancestor_at(const Plan *p, long i, int iLevel)
{
    while (i >= 0 && p->aNode[i].iLevel > iLevel) {
        i = p->aNode[i].iParent;
    }
    return (i >= 0 && p->aNode[i].iLevel == iLevel) ? i : -1;
}

static int
round_cmp(const void *a, const void *b)
{
    const Round *x = a, *y = b;
    if (x->zAsOf && !y->zAsOf) {
        return -1;
    }
    if (!x->zAsOf && y->zAsOf) {
        return 1;
    }
    int c = x->zAsOf ? strcmp(x->zAsOf, y->zAsOf) : 0;
    return c ? c : strcmp(x->zCode, y->zCode);
}

void
plan_sort_rounds(Plan *p)
{
    if (p->nRound > 1) {
        qsort(p->aRound, p->nRound, sizeof *p->aRound, round_cmp);
    }
}

/* One table per code kind (codes.h): the key, then the label. */
static const CodeName aOrgKind[ORG_KIND_COUNT] = {
    [ORG_GOVERNMENT] = { "government", N_("Government") },
    [ORG_DEVELOPMENT_PARTNER] = { "development_partner",
                                  N_("Development partner") },
    [ORG_UN_AGENCY] = { "un_agency", N_("UN agency") },
    [ORG_NGO] = { "ngo", N_("NGO") },
    [ORG_TRADE_UNION] = { "trade_union", N_("Trade union") },
    [ORG_EMPLOYERS] = { "employers", N_("Employers' organisation") },
    [ORG_PRIVATE_SECTOR] = { "private_sector", N_("Private sector") },
    [ORG_OTHER] = { "other", N_("Other") },
};
static const CodeName aRoundState[ROUND_STATE_COUNT] = {
    [ROUND_DRAFT] = { "draft", N_("Draft") },
    [ROUND_OPEN] = { "open", N_("Open") },
    [ROUND_CLOSED] = { "closed", N_("Closed") },
    [ROUND_PUBLISHED] = { "published", N_("Published") },
};
static const CodeName aAssessState[ASSESS_STATE_COUNT] = {
    [ASSESS_DRAFT] = { "draft", N_("Draft") },
    [ASSESS_SUBMITTED] = { "submitted", N_("Submitted") },
    [ASSESS_RETURNED] = { "returned", N_("Returned") },
    [ASSESS_APPROVED] = { "approved", N_("Approved") },
};
static const CodeName aStmtState[STMT_STATE_COUNT] = {
    [STMT_DRAFT] = { "draft", N_("Draft") },
    [STMT_SUBMITTED] = { "submitted", N_("Submitted") },
    [STMT_RETURNED] = { "returned", N_("Returned") },
    [STMT_RESUBMITTED] = { "resubmitted", N_("Resubmitted") },
    [STMT_ACCEPTED] = { "accepted", N_("Accepted") },
};
static const CodeName aRole[ROLE_COUNT] = {
    [ROLE_ADMIN] = { "admin", N_("Administrator") },
    [ROLE_ME_OFFICER] = { "me_officer", N_("M&E officer") },
    [ROLE_REPORTER] = { "reporter", N_("Reporter") },
    [ROLE_CASE_OFFICER] = { "case_officer", N_("Case officer") },
    [ROLE_VIEWER] = { "viewer", N_("Viewer") },
};
static const CodeName aLinkRole[] = {
    [LINK_RESPONSIBLE] = { "responsible", N_("Responsible") },
    [LINK_CONTRIBUTING] = { "contributing", N_("Contributing partner") },
};

const CodeName *
code_table(CodeKind k, size_t *pn)
{
    switch (k) {
    case CODE_ROLE:
        *pn = ROLE_COUNT;
        return aRole;
    case CODE_RATING:
        *pn = RATING_COUNT;
        return aRatingCode;
    case CODE_ROUND_STATE:
        *pn = ROUND_STATE_COUNT;
        return aRoundState;
    case CODE_ASSESS_STATE:
        *pn = ASSESS_STATE_COUNT;
        return aAssessState;
    case CODE_STMT_STATE:
        *pn = STMT_STATE_COUNT;
        return aStmtState;
    case CODE_ORG_KIND:
        *pn = ORG_KIND_COUNT;
        return aOrgKind;
    case CODE_REC_STATUS:
        return rec_status_table(pn);
    case CODE_OUTREACH_KIND:
    case CODE_OUTREACH_STATUS:
    case CODE_STAT_MEASURE:
    case CODE_STAT_CHANNEL:
    case CODE_STAT_SEX:
        return outreach_code_table(k, pn);
    case CODE_IND_UNIT:
    case CODE_IND_DIRECTION:
    case CODE_IND_DIM:
    case CODE_IND_VALUE_STATE:
        return indicator_code_table(k, pn);
    case CODE_FUND_KIND:
    case CODE_FUND_STATUS:
        return fund_code_table(k, pn);
    case CODE_NOTE_KIND:
    case CODE_NOTE_MAIL:
        return note_code_table(k, pn);
    case CODE_CHAPTER_KIND:
        return chapter_code_table(pn);
    default:
        *pn = sizeof aLinkRole / sizeof aLinkRole[0];
        return aLinkRole;
    }
}

int
code_index(CodeKind k, const char *z)
{
    size_t n;
    const CodeName *a = code_table(k, &n);
    for (size_t i = 0; z && i < n; i++) {
        if (strcmp(z, a[i].zKey) == 0) {
            return (int)i;
        }
    }
    /* Folded: "Trade union" and "TRADE-UNION" find trade_union, "M&E
    ** officer" its label. */
    char *f = str_fold(z ? z : "");
    char *fKey = xstrdup(f);
    for (char *p = fKey; *p; p++) {
        *p = (char)(*p == ' ' ? '_' : *p);
    }
    int found = -1;
    for (size_t i = 0; i < n && found < 0 && *f; i++) {
        char *fLabel = str_fold(a[i].zLabel);
        if (strcmp(fKey, a[i].zKey) == 0 || strcmp(f, fLabel) == 0) {
            found = (int)i;
        }
        free(fLabel);
    }
    free(fKey);
    free(f);
    return found;
}

const char *
code_label(CodeKind k, const char *zKey)
{
    size_t n;
    const CodeName *a = code_table(k, &n);
    for (size_t i = 0; zKey && i < n; i++) {
        if (strcmp(zKey, a[i].zKey) == 0) {
            return _(a[i].zLabel);
        }
    }
    return zKey;
}

/* code_index() of kind k into *pOut; 0 or -1. */
static int
enum_parse(CodeKind k, const char *z, int *pOut)
{
    int i = code_index(k, z);
    if (i < 0) {
        return -1;
    }
    *pOut = i;
    return 0;
}

const char *
org_kind_name(OrgKind e)
{
    return aOrgKind[(unsigned)e < ORG_KIND_COUNT ? e : ORG_OTHER].zKey;
}

const char *
org_kind_label(OrgKind e)
{
    return _(aOrgKind[(unsigned)e < ORG_KIND_COUNT ? e : ORG_OTHER].zLabel);
}

int
org_kind_parse(const char *z, OrgKind *pOut)
{
    int i;
    if (enum_parse(CODE_ORG_KIND, z, &i)) {
        return -1;
    }
    *pOut = (OrgKind)i;
    return 0;
}

const char *
round_state_name(RoundState e)
{
    return aRoundState[(unsigned)e < ROUND_STATE_COUNT ? e : ROUND_DRAFT].zKey;
}

const char *
round_state_label(RoundState e)
{
    return _(
        aRoundState[(unsigned)e < ROUND_STATE_COUNT ? e : ROUND_DRAFT].zLabel);
}

int
round_state_parse(const char *z, RoundState *pOut)
{
    int i;
    if (enum_parse(CODE_ROUND_STATE, z, &i)) {
        return -1;
    }
    *pOut = (RoundState)i;
    return 0;
}

const char *
assess_state_name(AssessState e)
{
    return aAssessState[(unsigned)e < ASSESS_STATE_COUNT ? e : ASSESS_DRAFT]
        .zKey;
}

const char *
assess_state_label(AssessState e)
{
    return _(aAssessState[(unsigned)e < ASSESS_STATE_COUNT ? e : ASSESS_DRAFT]
                 .zLabel);
}

int
assess_state_parse(const char *z, AssessState *pOut)
{
    int i;
    if (enum_parse(CODE_ASSESS_STATE, z, &i)) {
        return -1;
    }
    *pOut = (AssessState)i;
    return 0;
}

const char *
stmt_state_name(StmtState e)
{
    return aStmtState[(unsigned)e < STMT_STATE_COUNT ? e : STMT_DRAFT].zKey;
}

const char *
stmt_state_label(StmtState e)
{
    return _(
        aStmtState[(unsigned)e < STMT_STATE_COUNT ? e : STMT_DRAFT].zLabel);
}

int
stmt_state_parse(const char *z, StmtState *pOut)
{
    int i;
    if (enum_parse(CODE_STMT_STATE, z, &i)) {
        return -1;
    }
    *pOut = (StmtState)i;
    return 0;
}

const char *
role_name(Role e)
{
    return aRole[(unsigned)e < ROLE_COUNT ? e : ROLE_VIEWER].zKey;
}

const char *
role_label(Role e)
{
    return _(aRole[(unsigned)e < ROLE_COUNT ? e : ROLE_VIEWER].zLabel);
}

int
role_parse(const char *z, Role *pOut)
{
    int i;
    if (enum_parse(CODE_ROLE, z, &i)) {
        return -1;
    }
    *pOut = (Role)i;
    return 0;
}

const char *
link_role_name(LinkRole e)
{
    return aLinkRole[e == LINK_RESPONSIBLE ? 0 : 1].zKey;
}

const char *
link_role_label(LinkRole e)
{
    return _(aLinkRole[e == LINK_RESPONSIBLE ? 0 : 1].zLabel);
}

const char *
model_text(I18nLang eLang, const char *zEn, const char *zKm)
{
    int bEn = zEn && *zEn, bKm = zKm && *zKm;
    if (eLang == I18N_KM) {
        return bKm ? zKm : bEn ? zEn : "";
    }
    return bEn ? zEn : bKm ? zKm : "";
}

const char *
plan_title(const Plan *p, I18nLang eLang)
{
    return model_text(eLang, p->zTitle, p->zTitleKm);
}

const char *
org_name(const Org *o, I18nLang eLang)
{
    const char *z = model_text(eLang, o->zName, o->zNameKm);
    return *z ? z : o->zAcronym;
}

const char *
node_text(const Node *n, I18nLang eLang)
{
    return model_text(eLang, n->zText, n->zTextKm);
}

const char *
node_indicator(const Node *n, I18nLang eLang)
{
    const char *z = model_text(eLang, n->zIndicator, n->zIndicatorKm);
    return *z ? z : NULL;
}

/* The names results frameworks give their levels, as the catalogue
** translates them (lower case: they sit inside sentences). */
static const char *const azLevelWord[] = {
    /* TRANSLATORS: the levels of a plan's results framework, in lower
    ** case as they sit inside a sentence ("Status of activities by
    ** area"); a heading capitalises them where the language has capitals. */
    N_("area"),     N_("pillar"),       N_("section"),   N_("objective"),
    N_("goal"),     N_("outcome"),      N_("output"),    N_("result"),
    N_("activity"), N_("sub-activity"), N_("component"), N_("priority"),
};

const char *
level_label(const char *zName)
{
    for (size_t i = 0; i < sizeof azLevelWord / sizeof azLevelWord[0]; i++) {
        if (str_eq(zName, azLevelWord[i])) {
            return _(azLevelWord[i]);
        }
    }
    return zName;
}

Plan *
model_add_successor(Model *m, const Plan *pOld, const char *zCode,
                    const char *zTitle)
{
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup(zCode);
    p->zTitle = xstrdup(zTitle);
    p->nLevel = pOld->nLevel;
    for (int l = 0; l < pOld->nLevel; l++) {
        p->aLevel[l].zName = xstrdup(pOld->aLevel[l].zName);
        p->aLevel[l].bIndicator = pOld->aLevel[l].bIndicator;
    }
    for (size_t i = 0; i < pOld->nNode; i++) {
        const Node *o = &pOld->aNode[i];
        Node *n = plan_add_node(p);
        n->zCode = xstrdup(o->zCode);
        n->iLevel = o->iLevel;
        n->iParent = o->iParent; /* pre-order kept: same indexes */
        n->zText = xstrdup(o->zText ? o->zText : "");
        n->zIndicator = o->zIndicator ? xstrdup(o->zIndicator) : NULL;
        n->zTextKm = o->zTextKm ? xstrdup(o->zTextKm) : NULL;
        n->zIndicatorKm = o->zIndicatorKm ? xstrdup(o->zIndicatorKm) : NULL;
        for (size_t k = 0; k < o->nResp; k++) {
            strv_push(&n->azResp, &n->nResp, o->azResp[k]);
        }
        for (size_t k = 0; k < o->nContrib; k++) {
            strv_push(&n->azContrib, &n->nContrib, o->azContrib[k]);
        }
        n->zPredPlan = xstrdup(pOld->zCode);
        n->zPredCode = xstrdup(o->zCode);
    }
    return p;
}

const Node *
model_find_predecessor(const Model *m, const Node *n, const Plan **pp)
{
    *pp = NULL;
    if (!n->zPredPlan || !n->zPredCode) {
        return NULL;
    }
    const Plan *q = model_find_plan(m, n->zPredPlan);
    long i = q ? plan_lookup_node(q, n->zPredCode) : -1;
    if (i < 0) {
        return NULL;
    }
    *pp = q;
    return &q->aNode[i];
}

const Node *
model_find_successor(const Model *m, const Plan *p, const Node *n,
                     const Plan **pp)
{
    *pp = NULL;
    for (size_t k = 0; k < m->nPlan; k++) {
        const Plan *q = &m->aPlan[k];
        if (q == p) {
            continue;
        }
        for (size_t i = 0; i < q->nNode; i++) {
            const Node *s = &q->aNode[i];
            if (str_eq(s->zPredPlan, p->zCode) &&
                str_eq(s->zPredCode, n->zCode)) {
                *pp = q;
                return s;
            }
        }
    }
    return NULL;
}

size_t
model_predecessor_rounds(const Model *m, const Node *n, PredRound **pa)
{
    PredRound *a = NULL;
    size_t nA = 0, nAlloc = 0;
    const Node *q = n;
    for (size_t step = 0; step < m->nPlan; step++) {
        const Plan *pp;
        q = model_find_predecessor(m, q, &pp);
        if (!q) {
            break;
        }
        /* This plan's rounds go before those found so far. */
        size_t nHere = 0;
        for (size_t r = 0; r < pp->nRound; r++) {
            nHere += node_find_assessment(q, pp->aRound[r].zCode) != NULL;
        }
        if (nHere == 0) {
            continue;
        }
        xgrow((void **)&a, &nAlloc, nA + nHere - 1, sizeof *a);
        if (nA) {
            memmove(a + nHere, a, nA * sizeof *a);
        }
        size_t k = 0;
        for (size_t r = 0; r < pp->nRound; r++) {
            const Round *rd = &pp->aRound[r];
            const Assessment *x = node_find_assessment(q, rd->zCode);
            if (x) {
                a[k++] = (PredRound){ pp, q, rd, x };
            }
        }
        nA += nHere;
    }
    *pa = a;
    return nA;
}
