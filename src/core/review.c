/*
** review.c — counting review rounds (see review.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "rules.h"
#include "../base/buf.h"
#include "../base/i18n.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

long
review_pct(long num, long den)
{
    if (den <= 0) {
        return 0;
    }
    /* round(100 * num / den) half away from zero, in integers:
    ** (200 * |num| + den) / (2 * den), with num's sign. */
    long a = num < 0 ? -num : num;
    long q = (200 * a + den) / (2 * den);
    return num < 0 ? -q : q;
}

size_t
review_count(const StatusCount *c, unsigned mask)
{
    size_t n = 0;
    for (int r = 0; r < RATING_COUNT; r++) {
        if (mask & REVIEW_MASK(r)) {
            n += c->an[r];
        }
    }
    return n;
}

long
review_pp_change(const StatusCount *before, const StatusCount *after,
                 unsigned mask)
{
    return review_pct((long)review_count(after, mask), (long)after->nTotal) -
           review_pct((long)review_count(before, mask), (long)before->nTotal);
}

int
review_summarise(const Plan *p, const char *zRound, int iLevel,
                 ReviewSummary *out)
{
    return review_summarise_among(p, zRound, iLevel, NULL, out);
}

int
review_rated_only(const Round *rd)
{
    return rd && (rd->eState == ROUND_DRAFT || rd->eState == ROUND_OPEN);
}

int
review_summarise_among(const Plan *p, const char *zRound, int iLevel,
                       const char *zAmong, ReviewSummary *out)
{
    memset(out, 0, sizeof *out);
    out->pRound = plan_find_round(p, zRound);
    out->iLevel = iLevel;
    out->all.iNode = -1;
    if (!out->pRound) {
        return -1;
    }
    int iLeaf = plan_leaf_level(p);
    /* One slot per node of the level, in plan order. */
    size_t nAlloc = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        if (p->aNode[i].iLevel == iLevel && iLevel < iLeaf) {
            xgrow((void **)&out->aGroup, &nAlloc, out->nGroup,
                  sizeof *out->aGroup);
            out->aGroup[out->nGroup].iNode = (long)i;
            out->nGroup++;
        }
    }
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf) {
            continue;
        }
        const Assessment *a = node_find_assessment(n, zRound);
        if (!a) {
            continue;
        }
        if (zAmong) {
            const Assessment *b = node_find_assessment(n, zAmong);
            if (!b || b->eRating == RATING_NONE) {
                continue;
            }
        }
        out->all.c.an[a->eRating]++;
        out->all.c.nTotal++;
        long iAnc = plan_ancestor_at(p, (long)i, iLevel);
        for (size_t g = 0; g < out->nGroup; g++) {
            if (out->aGroup[g].iNode == iAnc) {
                out->aGroup[g].c.an[a->eRating]++;
                out->aGroup[g].c.nTotal++;
            }
        }
    }
    /* Drop groups with nothing assessed in this round. */
    size_t k = 0;
    for (size_t g = 0; g < out->nGroup; g++) {
        if (out->aGroup[g].c.nTotal) {
            out->aGroup[k++] = out->aGroup[g];
        }
    }
    out->nGroup = k;
    return 0;
}

void
review_progress(const Plan *p, const Round *rd, ReviewProgress *out)
{
    memset(out, 0, sizeof *out);
    out->bCollecting = review_rated_only(rd);
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a =
            n->iLevel == iLeaf ? node_find_assessment(n, rd->zCode) : NULL;
        if (!a) {
            continue;
        }
        out->nAssessed++;
        out->nRated += a->eRating != RATING_NONE;
        out->anAssess[(unsigned)a->eState < ASSESS_STATE_COUNT
                          ? a->eState
                          : ASSESS_DRAFT]++;
        for (size_t k = 0; k < a->nStmt; k++) {
            StmtState e = a->aStmt[k].eState;
            out->anStmt[(unsigned)e < STMT_STATE_COUNT ? e : STMT_DRAFT]++;
        }
        for (size_t k = 0; k < n->nResp; k++) {
            const Statement *st = assessment_find_statement(a, n->azResp[k]);
            int bIn = st && st->eState != STMT_DRAFT;
            out->nExpected++;
            out->nReported += bIn;
            out->nMissing += !bIn && out->bCollecting;
        }
    }
}

ReviewNeed
review_need(const Assessment *a, const Statement *st)
{
    if (!a) {
        return NEED_NONE;
    }
    if (!st) {
        return NEED_NOT_BEGUN;
    }
    switch (st->eState) {
    case STMT_RETURNED:
        return NEED_RETURNED;
    case STMT_SUBMITTED:
    case STMT_RESUBMITTED:
        return NEED_SUBMITTED;
    case STMT_ACCEPTED:
        return NEED_APPROVED;
    default:
        return NEED_DRAFT;
    }
}

const char *
review_need_label(ReviewNeed e)
{
    static const char *const az[NEED_COUNT] = {
        [NEED_RETURNED] = N_("Returned"), [NEED_NOT_BEGUN] = N_("Not begun"),
        [NEED_DRAFT] = N_("Draft"),       [NEED_SUBMITTED] = N_("Submitted"),
        [NEED_APPROVED] = N_("Accepted"), [NEED_NONE] = N_("Not in this round"),
    };
    return (unsigned)e < NEED_COUNT ? _(az[e]) : "";
}

size_t
review_org_outstanding(const ReviewOrgProgress *o)
{
    return o->bCollecting ? o->nNotStarted + o->anStmt[STMT_DRAFT] +
                                o->anStmt[STMT_RETURNED]
                          : 0;
}

static int
org_progress_name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
org_progress_cmp(const void *a, const void *b)
{
    const ReviewOrgProgress *x = a, *y = b;
    if (x->bOverdue != y->bOverdue) {
        return x->bOverdue ? -1 : 1;
    }
    size_t nx = x->bCollecting ? review_org_outstanding(x) : x->nNotStarted;
    size_t ny = y->bCollecting ? review_org_outstanding(y) : y->nNotStarted;
    if (nx != ny) {
        return nx > ny ? -1 : 1;
    }
    return strcmp(x->zOrg, y->zOrg);
}

/* The entry of zOrg among a[0..n), sorted by acronym (it is there). */
static ReviewOrgProgress *
org_progress_find(ReviewOrgProgress *a, size_t n, const char *zOrg)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(a[mid].zOrg, zOrg);
        if (c == 0) {
            return &a[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

/* Whether zOrg is among n's responsible bodies. */
static int
org_progress_responsible(const Node *n, const char *zOrg)
{
    for (size_t k = 0; k < n->nResp; k++) {
        if (str_eq(n->azResp[k], zOrg)) {
            return 1;
        }
    }
    return 0;
}

const RoundExt *
review_org_ext(const Round *rd, const char *zOrg)
{
    size_t lo = 0, hi = rd->nExt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(rd->aExt[mid].zOrg, zOrg);
        if (c == 0) {
            return &rd->aExt[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

const char *
review_org_due(const Round *rd, const char *zOrg)
{
    const RoundExt *e = review_org_ext(rd, zOrg);
    return e && e->zDue ? e->zDue : rd->zDue;
}

/* Is zToday past zOrg's due date in rd while rd still collects?  The one
** test of lateness; what is owed is the callers'. */
static int
review_past_due(const Round *rd, const char *zOrg, const char *zToday)
{
    const char *zDue = review_org_due(rd, zOrg);
    /* Dates written YYYY-MM-DD compare as text. */
    return rd->eState == ROUND_OPEN && zToday && zDue &&
           strcmp(zToday, zDue) > 0;
}

int
review_org_overdue(const Round *rd, const ReviewOrgProgress *o,
                   const char *zToday)
{
    return o->nOwedOpen > 0 && review_past_due(rd, o->zOrg, zToday);
}

const char *
review_assessment_status(const Round *rd, const Assessment *a, const char *zOrg)
{
    if (rd->eState == ROUND_PUBLISHED) {
        return _("Published");
    }
    if (a->eState == ASSESS_APPROVED) {
        return _("Approved");
    }
    size_t an[STMT_STATE_COUNT] = { 0 };
    size_t nStmt = 0;
    for (size_t k = 0; k < a->nStmt; k++) {
        if ((unsigned)a->aStmt[k].eState < STMT_STATE_COUNT &&
            (!zOrg || str_eq(a->aStmt[k].zOrg, zOrg))) {
            an[a->aStmt[k].eState]++;
            nStmt++;
        }
    }
    if (an[STMT_SUBMITTED] + an[STMT_RESUBMITTED]) {
        return _("Waiting for review");
    }
    if (an[STMT_RETURNED]) {
        return _("Returned");
    }
    if (nStmt && an[STMT_ACCEPTED] == nStmt) {
        return _("Statements accepted");
    }
    return nStmt ? _("Being written") : _("No statement yet");
}

int
review_task_overdue(const Round *rd, const char *zOrg, int bResponsible, int e,
                    const char *zToday)
{
    int bOwed = e == NEED_NOT_BEGUN || e == NEED_DRAFT || e == NEED_RETURNED;
    return bResponsible && bOwed && review_past_due(rd, zOrg, zToday);
}

size_t
review_round_overdue(const Plan *p, const Round *rd, const char *zToday)
{
    size_t n = 0, nOverdue = 0;
    ReviewOrgProgress *a = review_org_progress(p, rd, zToday, &n);
    for (size_t i = 0; i < n; i++) {
        nOverdue += a[i].bOverdue != 0;
    }
    free(a);
    return nOverdue;
}

long
review_days_until(const char *zToday, const char *zDue)
{
    return str_date_days(zDue) - str_date_days(zToday);
}

ReviewOrgProgress *
review_org_progress(const Plan *p, const Round *rd, const char *zToday,
                    size_t *pn)
{
    int iLeaf = plan_leaf_level(p);
    /* The acronyms linked to an assessed activity, each once, sorted: a
    ** national plan links a few hundred organisations thousands of times. */
    const char **az = NULL;
    size_t nAz = 0, nAlloc = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf || !node_find_assessment(n, rd->zCode)) {
            continue;
        }
        for (size_t k = 0; k < n->nResp + n->nContrib; k++) {
            xgrow((void **)&az, &nAlloc, nAz, sizeof *az);
            az[nAz++] =
                k < n->nResp ? n->azResp[k] : n->azContrib[k - n->nResp];
        }
    }
    if (nAz) {
        qsort(az, nAz, sizeof *az, org_progress_name_cmp);
    }
    ReviewOrgProgress *a = xcalloc(nAz ? nAz : 1, sizeof *a);
    size_t nOrg = 0;
    for (size_t i = 0; i < nAz; i++) {
        if (nOrg == 0 || strcmp(a[nOrg - 1].zOrg, az[i]) != 0) {
            a[nOrg].bCollecting = review_rated_only(rd);
            a[nOrg++].zOrg = az[i];
        }
    }
    free(az);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *s =
            n->iLevel == iLeaf ? node_find_assessment(n, rd->zCode) : NULL;
        if (!s) {
            continue;
        }
        for (size_t k = 0; k < n->nResp + n->nContrib; k++) {
            int bResp = k < n->nResp;
            const char *zOrg =
                bResp ? n->azResp[k] : n->azContrib[k - n->nResp];
            ReviewOrgProgress *o = org_progress_find(a, nOrg, zOrg);
            const Statement *st = assessment_find_statement(s, zOrg);
            if (!bResp && org_progress_responsible(n, zOrg)) {
                continue; /* also responsible: counted as that */
            }
            if (bResp) {
                o->nResponsible++;
                o->nNotStarted += st == NULL;
                o->nOwedOpen += st == NULL || st->eState == STMT_DRAFT ||
                                st->eState == STMT_RETURNED;
            } else {
                o->nPartner++;
            }
            if (st) {
                o->anStmt[(unsigned)st->eState < STMT_STATE_COUNT
                              ? st->eState
                              : STMT_DRAFT]++;
            }
        }
    }
    for (size_t i = 0; i < nOrg; i++) {
        a[i].zDue = review_org_due(rd, a[i].zOrg);
        a[i].bOverdue = review_org_overdue(rd, &a[i], zToday);
    }
    if (nOrg) {
        qsort(a, nOrg, sizeof *a, org_progress_cmp);
    }
    *pn = nOrg;
    return a;
}

const Assessment *
review_latest_rated(const Plan *p, const Node *n, const Round **pRound)
{
    *pRound = NULL;
    for (size_t k = p->nRound; k-- > 0;) {
        const Assessment *a = node_find_assessment(n, p->aRound[k].zCode);
        if (a && a->eRating != RATING_NONE) {
            *pRound = &p->aRound[k];
            return a;
        }
    }
    return NULL;
}

void
review_summary_release(ReviewSummary *s)
{
    free(s->aGroup);
    memset(s, 0, sizeof *s);
}

const ReviewGroup *
review_group(const ReviewSummary *s, long iNode)
{
    if (iNode < 0) {
        return &s->all;
    }
    for (size_t g = 0; g < s->nGroup; g++) {
        if (s->aGroup[g].iNode == iNode) {
            return &s->aGroup[g];
        }
    }
    return NULL;
}

/* Order of ratings for up/down; RATING_NONE has no place. */
static int
review_rank(Rating r)
{
    switch (r) {
    case RATING_NOT_ON_TARGET:
        return 1;
    case RATING_PROGRESSING:
        return 2;
    case RATING_ON_TARGET:
        return 3;
    default:
        return 0;
    }
}

/* Action point text compared with white space folded (case kept). */
static char *
review_fold_space(const char *z)
{
    size_t n = strlen(z);
    char *out = xmalloc(n + 1);
    size_t j = 0;
    int bSpace = 0;
    for (size_t i = 0; i < n; i++) {
        char c = z[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            bSpace = j > 0;
            continue;
        }
        if (bSpace) {
            out[j++] = ' ';
            bSpace = 0;
        }
        out[j++] = c;
    }
    out[j] = 0;
    return out;
}

static void
review_push(long **pa, size_t *pn, long i)
{
    *pa = xreallocarray(*pa, *pn + 1, sizeof **pa);
    (*pa)[(*pn)++] = i;
}

void
review_changes(const Plan *p, const char *zFrom, const char *zTo,
               ReviewChanges *out)
{
    memset(out, 0, sizeof *out);
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf) {
            continue;
        }
        const Assessment *a0 = node_find_assessment(n, zFrom);
        const Assessment *a1 = node_find_assessment(n, zTo);
        if (!a1) {
            continue;
        }
        if (!a0) {
            review_push(&out->aNew, &out->nNew, (long)i);
            continue;
        }
        int r0 = review_rank(a0->eRating), r1 = review_rank(a1->eRating);
        if (r0 && r1 && r1 > r0) {
            review_push(&out->aUp, &out->nUp, (long)i);
        } else if (r0 && r1 && r1 < r0) {
            review_push(&out->aDown, &out->nDown, (long)i);
        }
        if (*a0->zActionPoint && *a1->zActionPoint) {
            char *z0 = review_fold_space(a0->zActionPoint);
            char *z1 = review_fold_space(a1->zActionPoint);
            if (strcmp(z0, z1) != 0) {
                review_push(&out->aReworded, &out->nReworded, (long)i);
            }
            free(z0);
            free(z1);
        }
    }
}

void
review_changes_release(ReviewChanges *c)
{
    free(c->aUp);
    free(c->aDown);
    free(c->aNew);
    free(c->aReworded);
    memset(c, 0, sizeof *c);
}

int
review_mask_parse(const char *z, unsigned *pMask)
{
    unsigned mask = 0;
    const char *p = z;
    if (!z || !*z) {
        return -1;
    }
    while (*p) {
        const char *e = strchr(p, '+');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int bFound = 0;
        for (int r = 0; r < RATING_COUNT; r++) {
            const char *zKey = rating_key((Rating)r);
            if (strlen(zKey) == n && strncmp(zKey, p, n) == 0) {
                mask |= REVIEW_MASK(r);
                bFound = 1;
            }
        }
        if (!bFound) {
            return -1;
        }
        p += n;
        if (*p == '+') {
            p++;
            if (!*p) {
                return -1;
            }
        }
    }
    *pMask = mask;
    return 0;
}

int
review_round_checklist(const Plan *p, const Round *rd, size_t nErrors,
                       const char *zToday,
                       ReviewCheckItem a[REVIEW_CHECKLIST_ITEMS])
{
    ReviewProgress g;
    review_progress(p, rd, &g);
    size_t nUnrated = g.nAssessed - g.nRated;
    size_t nNotApproved = g.nAssessed - g.anAssess[ASSESS_APPROVED];
    size_t nNever = g.nExpected - g.nReported;
    a[0].bOpen = nUnrated != 0;
    (void)snprintf(a[0].zText, sizeof a[0].zText,
                   ngettext("%zu of %zu activity is not rated.",
                            "%zu of %zu activities are not rated.",
                            g.nAssessed),
                   nUnrated, g.nAssessed);
    a[1].bOpen = nNotApproved != 0;
    (void)snprintf(a[1].zText, sizeof a[1].zText,
                   ngettext("%zu of %zu activity is not approved.",
                            "%zu of %zu activities are not approved.",
                            g.nAssessed),
                   nNotApproved, g.nAssessed);
    a[2].bOpen = nNever != 0;
    (void)snprintf(a[2].zText, sizeof a[2].zText,
                   ngettext("%zu of %zu statement owed by the responsible "
                            "bodies was never submitted.",
                            "%zu of %zu statements owed by the responsible "
                            "bodies were never submitted.",
                            g.nExpected),
                   nNever, g.nExpected);
    a[3].bOpen = nErrors != 0;
    (void)snprintf(a[3].zText, sizeof a[3].zText,
                   ngettext("%zu data-quality error.",
                            "%zu data-quality errors.", nErrors),
                   nErrors);
    /* Overdue organisations, named (as many whole names as the line
    ** holds, then how many more).  Only an open round has any. */
    size_t nOrg = 0, nOverdue = 0;
    ReviewOrgProgress *ao = review_org_progress(p, rd, zToday, &nOrg);
    for (size_t i = 0; i < nOrg; i++) {
        nOverdue += ao[i].bOverdue != 0;
    }
    a[4].bOpen = nOverdue != 0;
    Buf t = BUF_INIT;
    if (rd->eState != ROUND_OPEN) {
        buf_puts(&t, _("No organisation can be overdue: the round is no "
                       "longer collecting."));
    } else if (nOverdue == 0) {
        buf_puts(&t, _("No organisation is overdue."));
    } else {
        Buf names = BUF_INIT;
        size_t nNamed = 0;
        for (size_t i = 0; i < nOrg; i++) {
            /* Room kept for the sentence around the names. */
            if (ao[i].bOverdue &&
                names.n + strlen(ao[i].zOrg) + 2 + 160 < sizeof a[4].zText) {
                buf_printf(&names, "%s%s", nNamed++ ? ", " : "", ao[i].zOrg);
            }
        }
        if (nNamed < nOverdue) {
            buf_printf(&t,
                       ngettext("%zu organisation is overdue: %s, and %zu "
                                "more.",
                                "%zu organisations are overdue: %s, and %zu "
                                "more.",
                                nOverdue),
                       nOverdue, buf_str(&names), nOverdue - nNamed);
        } else {
            buf_printf(&t,
                       ngettext("%zu organisation is overdue: %s.",
                                "%zu organisations are overdue: %s.", nOverdue),
                       nOverdue, buf_str(&names));
        }
        buf_release(&names);
    }
    (void)snprintf(a[4].zText, sizeof a[4].zText, "%s", buf_str(&t));
    buf_release(&t);
    free(ao);
    int nOpen = 0;
    for (int i = 0; i < REVIEW_CHECKLIST_ITEMS; i++) {
        nOpen += a[i].bOpen;
    }
    return nOpen;
}

static int
review_waiting_cmp(const void *pa, const void *pb)
{
    const ReviewWaiting *a = pa, *b = pb;
    const char *za = a->pStmt->zUpdatedAt ? a->pStmt->zUpdatedAt : "";
    const char *zb = b->pStmt->zUpdatedAt ? b->pStmt->zUpdatedAt : "";
    int c = strcmp(za, zb);
    if (c) {
        return c;
    }
    return a->iNode < b->iNode ? -1 : a->iNode > b->iNode;
}

ReviewWaiting *
review_waiting(const Plan *p, size_t *pn)
{
    ReviewWaiting *a = NULL;
    size_t n = 0, nAlloc = 0;
    int iLeaf = plan_leaf_level(p);
    for (size_t k = 0; k < p->nRound; k++) {
        const Round *rd = &p->aRound[k];
        if (rd->eState != ROUND_OPEN && rd->eState != ROUND_CLOSED) {
            continue;
        }
        for (size_t i = 0; i < p->nNode; i++) {
            const Node *nd = &p->aNode[i];
            const Assessment *as = nd->iLevel == iLeaf
                                       ? node_find_assessment(nd, rd->zCode)
                                       : NULL;
            for (size_t s = 0; as && s < as->nStmt; s++) {
                if (!rules_statement_waiting(&as->aStmt[s])) {
                    continue;
                }
                if (n == nAlloc) {
                    nAlloc = nAlloc ? 2 * nAlloc : 16;
                    a = xreallocarray(a, nAlloc, sizeof *a);
                }
                a[n++] = (ReviewWaiting){ (long)i, rd, &as->aStmt[s] };
            }
        }
    }
    if (n > 1) {
        qsort(a, n, sizeof *a, review_waiting_cmp);
    }
    *pn = n;
    return a;
}
