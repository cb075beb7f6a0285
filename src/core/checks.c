/*
** checks.c — the data-quality rules (see checks.h).
**
** The phrase lists come from the 2017 Cambodian review's annex, where a
** careful reader finds "No evidence this occurring" under Progressing and
** "See last years comment" standing in for a narrative.  Matching is on
** lower-cased text; a phrase of completion preceded by a negation ("not
** completed", "not yet occurring") does not count as completion.
**
** A plan may have thousands of activities, hundreds of organisations and
** ten rounds, so no rule compares every pair or searches per round: each
** rule's cost is near-linear in activities x rounds plus organisations
** (plus what its messages print).  Rounds are found by code in a sorted
** index (RoundIdx), each round's assessments are gathered in one pass
** (ByRound), equal texts are grouped by sorting once (texts_sort), and
** responsible bodies are counted in one pass over the activities.  What
** several rules need — the rounds' assessments, the narratives lower-cased
** — is made once per run and kept in the CheckRun.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "orgdir.h"
#include "texts.h"
#include "../base/buf.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static void finding_add(Findings *out, const char *zRule, CheckSeverity e,
                        const char *zActivity, const char *zRound,
                        const char *zFmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
finding_add(Findings *out, const char *zRule, CheckSeverity e,
            const char *zActivity, const char *zRound, const char *zFmt, ...)
{
    xgrow((void **)&out->a, &out->nAlloc, out->n, sizeof *out->a);
    Finding *f = &out->a[out->n++];
    f->zRule = zRule;
    f->eSeverity = e;
    f->zActivity = zActivity ? xstrdup(zActivity) : NULL;
    f->zRound = zRound ? xstrdup(zRound) : NULL;
    Buf b = BUF_INIT;
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(&b, zFmt, ap);
    va_end(ap);
    f->zMessage = buf_detach(&b);
    f->zOrg = NULL;
}

void
findings_release(Findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->a[i].zActivity);
        free(f->a[i].zRound);
        free(f->a[i].zMessage);
        free(f->a[i].zOrg);
    }
    free(f->a);
    memset(f, 0, sizeof *f);
}

const char *
check_severity_name(CheckSeverity e)
{
    return e == CHECK_ERROR ? "error" : e == CHECK_WARNING ? "warning" : "info";
}

const char *
check_severity_label(CheckSeverity e)
{
    return e == CHECK_ERROR     ? _("Error")
           : e == CHECK_WARNING ? _("Warning")
                                : _("Note");
}

const char *
check_rule_label(const char *zRule)
{
    for (const CheckRule *r = aCheckRule; r->zName; r++) {
        if (str_eq(r->zName, zRule)) {
            return _(r->zLabel);
        }
    }
    return zRule;
}

/* A rating in a finding's message: rating_name() (nothing for no rating)
** in the reader's language. */
static const char *
check_rating_word(Rating r)
{
    return *rating_name(r) ? rating_label(r) : "";
}

/* The first of the phrases (lower case) found in zLow, or NULL.  With
** bNegatable, an occurrence shortly after "not", "no" or "yet" is
** skipped. */
static const char *
check_find_phrase(const char *zLow, const char *const *azPhrase, int bNegatable)
{
    for (const char *const *p = azPhrase; *p; p++) {
        const char *s = zLow;
        while ((s = strstr(s, *p)) != NULL) {
            int bNegated = 0;
            if (bNegatable) {
                /* Negated when the clause before the phrase says no:
                ** "No skills certification is occurring". */
                const char *q = s;
                while (q > zLow && !strchr(".;:\n", q[-1])) {
                    q--;
                }
                size_t n = (size_t)(s - q);
                char *zClause = xstrndup(q, n);
                const char *const azNeg[] = { "not",   "no",      "yet",
                                              "never", "nothing", NULL };
                bNegated = check_find_phrase(zClause, azNeg, 0) != NULL;
                free(zClause);
            }
            /* Whole words only. */
            size_t len = strlen(*p);
            int bStart = s == zLow || !((s[-1] >= 'a' && s[-1] <= 'z'));
            int bEnd = !(s[len] >= 'a' && s[len] <= 'z');
            if (!bNegated && bStart && bEnd) {
                return *p;
            }
            s += len;
        }
    }
    return NULL;
}

/* Calls fn for each (activity, assessment) of the rounds selected.  n and
** a name the loop variables it declares, which cannot be parenthesised. */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define FOR_EACH_ASSESSMENT(p, zRound, n, a)                                   \
 for (size_t i_ = 0; i_ < (p)->nNode; i_++)                                    \
  for (const Node *n = &(p)->aNode[i_]; n; n = NULL)                           \
   if (n->iLevel == plan_leaf_level(p))                                        \
    for (size_t k_ = 0; k_ < n->nAssess; k_++)                                 \
     for (const Assessment *a = &n->aAssess[k_]; a; a = NULL)                  \
      if (!(zRound) || str_eq(a->zRound, (zRound)))

/* NOLINTEND(bugprone-macro-parentheses) */

/* The plan's rounds by code: a round's index from its code in log time.
** Round codes are unique in a plan (the store's UNIQUE constraint, the
** readers' duplicate checks), so "the first round with this code" is
** "the round". */
typedef struct RoundIdx {
    TextAt *a; /* codes sorted, with their index in p->aRound */
    size_t n;
} RoundIdx;

static void
round_idx_build(const Plan *p, RoundIdx *x)
{
    const char **az = xcalloc(p->nRound ? p->nRound : 1, sizeof *az);
    for (size_t r = 0; r < p->nRound; r++) {
        az[r] = p->aRound[r].zCode;
    }
    x->a = texts_sort(az, p->nRound);
    x->n = p->nRound;
    free(az);
}

/* Index in p->aRound of the round coded z, or -1. */
static long
round_idx_find(const RoundIdx *x, const char *z)
{
    size_t k = texts_lower_bound(x->a, x->n, z);
    return k < x->n ? (long)x->a[k].i : -1;
}

static void
round_idx_release(RoundIdx *x)
{
    free(x->a);
    memset(x, 0, sizeof *x);
}

/* Every round's assessed nodes, in plan order, each with its first
** assessment of that round (what node_find_assessment() returns), found
** in one pass over all assessments.  Asking node_find_assessment() for
** every node and round instead costs nodes x rounds x assessments per
** node: quadratic in rounds. */
typedef struct ByRound {
    RoundIdx idx;
    size_t *aStart;        /* round r: entries [aStart[r], aStart[r + 1]) */
    size_t *aiNode;        /* node index of each entry */
    const Assessment **aA; /* its assessment */
} ByRound;

static void
by_round_build(const Plan *p, ByRound *x)
{
    size_t nR = p->nRound;
    round_idx_build(p, &x->idx);
    x->aStart = xcalloc(nR + 1, sizeof *x->aStart);
    /* The last node that had an assessment of round r: a node's later
    ** assessments of the same round are not its first. */
    size_t *aiLast = xcalloc(nR ? nR : 1, sizeof *aiLast);
    size_t nEntry = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t *aiFill = NULL;
        if (pass == 1) {
            /* Counts to offsets; aiFill is where round r's next goes. */
            aiFill = xcalloc(nR ? nR : 1, sizeof *aiFill);
            size_t nSum = 0;
            for (size_t r = 0; r < nR; r++) {
                size_t c = x->aStart[r + 1];
                x->aStart[r] = aiFill[r] = nSum;
                nSum += c;
            }
            x->aStart[nR] = nSum;
            x->aiNode = xcalloc(nEntry ? nEntry : 1, sizeof *x->aiNode);
            /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
            x->aA = xcalloc(nEntry ? nEntry : 1, sizeof *x->aA);
        }
        for (size_t r = 0; r < nR; r++) {
            aiLast[r] = (size_t)-1;
        }
        for (size_t i = 0; i < p->nNode; i++) {
            const Node *n = &p->aNode[i];
            for (size_t k = 0; k < n->nAssess; k++) {
                long r = round_idx_find(&x->idx, n->aAssess[k].zRound);
                if (r < 0 || aiLast[r] == i) {
                    continue;
                }
                aiLast[r] = i;
                if (pass == 0) {
                    x->aStart[r + 1]++; /* counted one place up */
                    nEntry++;
                } else {
                    x->aiNode[aiFill[r]] = i;
                    x->aA[aiFill[r]++] = &n->aAssess[k];
                }
            }
        }
        free(aiFill);
    }
    free(aiLast);
}

static void
by_round_release(ByRound *x)
{
    round_idx_release(&x->idx);
    free(x->aStart);
    free(x->aiNode);
    free(x->aA);
    memset(x, 0, sizeof *x);
}

/* Texts folded by str_fold() (lower case, runs of white space as one
** space), kept by the address of the original: a narrative is folded once
** per run however many rules read it. */
typedef struct FoldMemo {
    const char **azKey; /* original texts; NULL: empty slot */
    char **azFold;
    size_t nSlot, nUsed; /* nSlot a power of two, at most half used */
} FoldMemo;

struct CheckRun {
    const Model *m;
    const Plan *p;
    const char *zRound; /* NULL: every round */
    ByRound x;          /* built on first use (run_by_round) */
    int bByRound;
    FoldMemo fold;
};

static size_t
fold_slot(const FoldMemo *f, const char *z)
{
    size_t h = (size_t)(uintptr_t)z;
    h ^= h >> 17;
    h *= (size_t)0x9E3779B97F4A7C15u;
    size_t i = (h >> 7) & (f->nSlot - 1);
    while (f->azKey[i] && f->azKey[i] != z) {
        i = (i + 1) & (f->nSlot - 1);
    }
    return i;
}

/* z lower-cased with runs of white space as one space; owned by the run. */
static const char *
run_fold(CheckRun *c, const char *z)
{
    FoldMemo *f = &c->fold;
    if (!z) {
        return "";
    }
    if (2 * (f->nUsed + 1) > f->nSlot) {
        FoldMemo g = { NULL, NULL, f->nSlot ? 2 * f->nSlot : 1024, f->nUsed };
        g.azKey = xcalloc(g.nSlot, sizeof *g.azKey);
        g.azFold = xcalloc(g.nSlot, sizeof *g.azFold);
        for (size_t i = 0; i < f->nSlot; i++) {
            if (f->azKey[i]) {
                size_t j = fold_slot(&g, f->azKey[i]);
                g.azKey[j] = f->azKey[i];
                g.azFold[j] = f->azFold[i];
            }
        }
        free(f->azKey);
        free(f->azFold);
        *f = g;
    }
    size_t i = fold_slot(f, z);
    if (!f->azKey[i]) {
        f->azKey[i] = z;
        f->azFold[i] = str_fold(z);
        f->nUsed++;
    }
    return f->azFold[i];
}

static const ByRound *
run_by_round(CheckRun *c)
{
    if (!c->bByRound) {
        by_round_build(c->p, &c->x);
        c->bByRound = 1;
    }
    return &c->x;
}

static void
run_release(CheckRun *c)
{
    if (c->bByRound) {
        by_round_release(&c->x);
    }
    for (size_t i = 0; i < c->fold.nSlot; i++) {
        free(c->fold.azFold[i]);
    }
    free(c->fold.azKey);
    free(c->fold.azFold);
    memset(c, 0, sizeof *c);
}

/* The activities of one round with the texts a rule compares folded once
** (RT_PROGRESS, RT_ACTION): the rules that compare texts across
** activities would otherwise fold each text once per comparison. */
typedef struct RoundTexts {
    size_t n;
    const Node **aNode;
    const Assessment **aA;
    const char **azProgress; /* folded progress narratives, or NULL */
    const char **azAction;   /* folded action points, or NULL */
} RoundTexts;

#define RT_PROGRESS 1
#define RT_ACTION   2

static void
round_texts_build(CheckRun *c, const char *zR, int mText, RoundTexts *t)
{
    const Plan *p = c->p;
    const ByRound *x = run_by_round(c);
    memset(t, 0, sizeof *t);
    long r = round_idx_find(&x->idx, zR);
    size_t lo = r < 0 ? 0 : x->aStart[r], hi = r < 0 ? 0 : x->aStart[r + 1];
    size_t nMax = hi > lo ? hi - lo : 1;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    t->aNode = xcalloc(nMax, sizeof *t->aNode);
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    t->aA = xcalloc(nMax, sizeof *t->aA);
    t->azProgress = mText & RT_PROGRESS ? xcalloc(nMax, sizeof(char *)) : NULL;
    t->azAction = mText & RT_ACTION ? xcalloc(nMax, sizeof(char *)) : NULL;
    int iLeaf = plan_leaf_level(p);
    for (size_t e = lo; e < hi; e++) {
        const Node *n = &p->aNode[x->aiNode[e]];
        const Assessment *a = x->aA[e];
        if (n->iLevel != iLeaf) {
            continue;
        }
        t->aNode[t->n] = n;
        t->aA[t->n] = a;
        if (t->azProgress) {
            t->azProgress[t->n] = run_fold(c, a->zProgress);
        }
        if (t->azAction) {
            t->azAction[t->n] = run_fold(c, a->zActionPoint);
        }
        t->n++;
    }
}

static void
round_texts_release(RoundTexts *t)
{
    free(t->aNode);
    free(t->aA);
    free(t->azProgress);
    free(t->azAction);
    memset(t, 0, sizeof *t);
}

/* ** RULE: missing_rating */
static void
check_missing_rating(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    FOR_EACH_ASSESSMENT(p, zRound, n, a)
    {
        if (a->eRating == RATING_NONE) {
            finding_add(out, "missing_rating", CHECK_WARNING, n->zCode,
                        a->zRound, _("activity %s has no rating in round %s"),
                        n->zCode, a->zRound);
        }
    }
}

/* ** RULE: rating_without_narrative */
static void
check_rating_without_narrative(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    FOR_EACH_ASSESSMENT(p, zRound, n, a)
    {
        char *zT = str_trim(a->zProgress);
        if (a->eRating != RATING_NONE && (!*zT || strcmp(zT, ".") == 0)) {
            finding_add(out, "rating_without_narrative", CHECK_WARNING,
                        n->zCode, a->zRound,
                        _("rated %s with no progress narrative"),
                        check_rating_word(a->eRating));
        }
        free(zT);
    }
}

static const char *const azNegative[] = {
    "not on target",     "not on track",          "no progress",
    "not yet occurring", "no evidence",           "not occurring",
    "not started",       "nothing has been done", NULL,
};

static const char *const azCompleted[] = {
    "completed",     "is occurring", "has occurred",
    "have occurred", "was adopted",  "has been adopted",
    "finalised",     "finalized",    NULL,
};

/* ** RULE: narrative_contradicts_rating */
static void
check_contradiction(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    FOR_EACH_ASSESSMENT(p, zRound, n, a)
    {
        const char *zLow = run_fold(c, a->zProgress);
        const char *zHit = NULL;
        if (a->eRating == RATING_PROGRESSING ||
            a->eRating == RATING_ON_TARGET) {
            zHit = check_find_phrase(zLow, azNegative, 0);
        } else if (a->eRating == RATING_NOT_ON_TARGET) {
            zHit = check_find_phrase(zLow, azCompleted, 1);
        }
        if (zHit) {
            finding_add(out, "narrative_contradicts_rating", CHECK_ERROR,
                        n->zCode, a->zRound,
                        _("rated %s but the narrative says \"%s\""),
                        check_rating_word(a->eRating), zHit);
        }
    }
}

static const char *const azStale[] = {
    "see last year",
    "see last years",
    "see past year",
    "see above",
    "see previous",
    "as above",
    "same as last year",
    "no new information",
    "no update",
    "no new update",
    NULL,
};

/* ** RULE: stale_narrative */
static void
check_stale(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    RoundIdx idx;
    round_idx_build(p, &idx);
    /* Per node: its first assessment of each round (by round index), so
    ** that comparing with the round before costs no search through the
    ** node's assessments. */
    long *aiByRound = xcalloc(p->nRound ? p->nRound : 1, sizeof *aiByRound);
    for (size_t r = 0; r < p->nRound; r++) {
        aiByRound[r] = -1;
    }
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf) {
            continue;
        }
        for (size_t k = 0; k < n->nAssess; k++) {
            long r = round_idx_find(&idx, n->aAssess[k].zRound);
            if (r >= 0 && aiByRound[r] < 0) {
                aiByRound[r] = (long)k;
            }
        }
        for (size_t k = 0; k < n->nAssess; k++) {
            const Assessment *a = &n->aAssess[k];
            if (zRound && !str_eq(a->zRound, zRound)) {
                continue;
            }
            const char *zLow = run_fold(c, a->zProgress);
            const char *zHit = check_find_phrase(zLow, azStale, 0);
            long r = round_idx_find(&idx, a->zRound);
            long kPrev = r >= 1 ? aiByRound[r - 1] : -1;
            if (zHit) {
                finding_add(out, "stale_narrative", CHECK_WARNING, n->zCode,
                            a->zRound,
                            _("the narrative carries forward (\"%s\") "
                              "instead of reporting this round"),
                            zHit);
            } else if (*zLow && kPrev >= 0) {
                /* The same text as the round before: copied forward. */
                const Assessment *prev = &n->aAssess[kPrev];
                if (strcmp(run_fold(c, prev->zProgress), zLow) == 0) {
                    finding_add(out, "stale_narrative", CHECK_WARNING, n->zCode,
                                a->zRound,
                                _("the narrative repeats round %s word for "
                                  "word"),
                                prev->zRound);
                }
            }
        }
        for (size_t k = 0; k < n->nAssess; k++) {
            long r = round_idx_find(&idx, n->aAssess[k].zRound);
            if (r >= 0) {
                aiByRound[r] = -1;
            }
        }
    }
    free(aiByRound);
    round_idx_release(&idx);
}

/* ** RULE: same_narrative_different_ratings */
static void
check_same_narrative(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        RoundTexts t;
        round_texts_build(c, zR, RT_PROGRESS, &t);
        size_t n = t.n;
        /* Equal narratives side by side, each group in plan order.  For
        ** each position: its group's first and past-the-end positions, and
        ** the end of its run of equally rated neighbours, so that listing
        ** a group's differently rated members skips a run in one step:
        ** the cost is what the messages print, not group size squared. */
        TextAt *a = texts_sort(t.azProgress, n);
        size_t *aPos = xcalloc(n ? n : 1, sizeof *aPos);
        size_t *aBegin = xcalloc(n ? n : 1, sizeof *aBegin);
        size_t *aEnd = xcalloc(n ? n : 1, sizeof *aEnd);
        size_t *aRunEnd = xcalloc(n ? n : 1, sizeof *aRunEnd);
        for (size_t q = 0; q < n; q++) {
            aPos[a[q].i] = q;
            aBegin[q] =
                q > 0 && strcmp(a[q].z, a[q - 1].z) == 0 ? aBegin[q - 1] : q;
        }
        for (size_t q = n; q-- > 0;) {
            aEnd[q] = q + 1 < n && strcmp(a[q].z, a[q + 1].z) == 0 ? aEnd[q + 1]
                                                                   : q + 1;
            aRunEnd[q] = q + 1 < aEnd[q] && t.aA[a[q + 1].i]->eRating ==
                                                t.aA[a[q].i]->eRating
                             ? aRunEnd[q + 1]
                             : q + 1;
        }
        for (size_t k = 0; k < n; k++) {
            const char *zA = t.azProgress[k];
            size_t q = aPos[k];
            /* Alone with its text: nothing to compare. */
            if (aEnd[q] - aBegin[q] < 2) {
                continue;
            }
            /* Short or carried-forward texts ("see last years comment") are
            ** the stale rule's business, not shared narratives. */
            if (strlen(zA) < 20 || check_find_phrase(zA, azStale, 0)) {
                continue;
            }
            Rating e = t.aA[k]->eRating;
            Buf others = BUF_INIT;
            for (size_t l = aBegin[q]; l < aEnd[q];) {
                const Assessment *o = t.aA[a[l].i];
                if (o->eRating == e) {
                    l = aRunEnd[l]; /* k's own rating: skip the run */
                    continue;
                }
                buf_printf(&others, "%s%s (%s)", others.n ? ", " : "",
                           t.aNode[a[l].i]->zCode,
                           check_rating_word(o->eRating));
                l++;
            }
            if (others.n) {
                finding_add(out, "same_narrative_different_ratings",
                            CHECK_ERROR, t.aNode[k]->zCode, zR,
                            _("the same narrative is rated %s here and "
                              "differently under %s"),
                            check_rating_word(e), buf_str(&others));
            }
            buf_release(&others);
        }
        free(aPos);
        free(aBegin);
        free(aEnd);
        free(aRunEnd);
        free(a);
        round_texts_release(&t);
    }
}

/* ** RULE: no_responsible */
static void
check_no_responsible(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    /* Reported for each round the activity is part of, so that checking all
    ** rounds finds everything checking one round finds. */
    FOR_EACH_ASSESSMENT(p, zRound, n, a)
    {
        if (n->nResp == 0) {
            finding_add(out, "no_responsible", CHECK_WARNING, n->zCode,
                        a->zRound,
                        _("no responsible body: nobody is asked to "
                          "report on it"));
        }
    }
}

/* Non-zero if any assessment of round zR carries statements: the round
** was collected through lmpmon, so "no statement" can be taken literally. */
static int
check_round_has_statements(const ByRound *x, const char *zR)
{
    long r = round_idx_find(&x->idx, zR);
    for (size_t e = r < 0 ? 0 : x->aStart[r]; r >= 0 && e < x->aStart[r + 1];
         e++) {
        if (x->aA[e]->nStmt) {
            return 1;
        }
    }
    return 0;
}

/* Did organisation g speak about assessment a: a submitted (or later)
** statement of its own, or, for rounds imported from a report, its name in
** the narrative? */
static int
check_org_spoke(const Org *g, const Assessment *a, const char *zLowProgress,
                const char *const *azNames, int bStatements)
{
    if (bStatements) {
        const Statement *x = assessment_find_statement(a, g->zAcronym);
        return x && x->eState != STMT_DRAFT;
    }
    return check_find_phrase(zLowProgress, azNames, 0) != NULL;
}

/* An organisation's names folded for check_find_phrase(): acronym, full
** name, aliases, NULL-terminated.  Heap; free with org_names_free(). */
static char **
org_names_fold(const Org *g)
{
    char **azNames = xcalloc(g->nAlias + 3, sizeof *azNames);
    azNames[0] = str_fold(g->zAcronym);
    azNames[1] = str_fold(g->zName);
    for (size_t k = 0; k < g->nAlias; k++) {
        azNames[2 + k] = str_fold(g->azAlias[k]);
    }
    return azNames;
}

static void
org_names_free(char **azNames)
{
    for (size_t k = 0; azNames && azNames[k]; k++) {
        free(azNames[k]);
    }
    free(azNames);
}

/* ** RULE: silent_responsible_org */
static void
check_silent_org(CheckRun *c, Findings *out)
{
    const Model *m = c->m;
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    /* One pass over the round's activities and their responsible bodies,
    ** counting per organisation (found by acronym in a sorted index),
    ** instead of one pass over the activities per organisation.  Equal
    ** acronyms, which a well-formed directory does not have, are side by
    ** side in the index and each counts, as before. */
    size_t nOrg = m->nOrg;
    const char **azAcr = xcalloc(nOrg ? nOrg : 1, sizeof *azAcr);
    for (size_t o = 0; o < nOrg; o++) {
        azAcr[o] = m->aOrg[o].zAcronym;
    }
    TextAt *aByAcr = texts_sort(azAcr, nOrg);
    free(azAcr);
    size_t *anResp = xcalloc(nOrg ? nOrg : 1, sizeof *anResp);
    char *abSpoke = xcalloc(nOrg ? nOrg : 1, 1);
    /* The activity an organisation was last counted for: an activity
    ** naming it twice counts once. */
    size_t *aiLast = xcalloc(nOrg ? nOrg : 1, sizeof *aiLast);
    char ***aazNames = xcalloc(nOrg ? nOrg : 1, sizeof *aazNames);
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        int bStatements = check_round_has_statements(run_by_round(c), zR);
        RoundTexts t;
        round_texts_build(c, zR, RT_PROGRESS, &t);
        for (size_t o = 0; o < nOrg; o++) {
            anResp[o] = 0;
            abSpoke[o] = 0;
            aiLast[o] = (size_t)-1;
        }
        for (size_t i = 0; i < t.n; i++) {
            const Node *n = t.aNode[i];
            for (size_t k = 0; k < n->nResp; k++) {
                for (size_t q = texts_lower_bound(aByAcr, nOrg, n->azResp[k]);
                     q < nOrg && str_eq(aByAcr[q].z, n->azResp[k]); q++) {
                    size_t o = aByAcr[q].i;
                    if (aiLast[o] == i) {
                        continue;
                    }
                    aiLast[o] = i;
                    anResp[o]++;
                    if (abSpoke[o]) {
                        continue; /* one mention is enough */
                    }
                    if (!aazNames[o]) {
                        aazNames[o] = org_names_fold(&m->aOrg[o]);
                    }
                    abSpoke[o] = (char)check_org_spoke(
                        &m->aOrg[o], t.aA[i], t.azProgress[i],
                        (const char *const *)aazNames[o], bStatements);
                }
            }
        }
        /* Findings in directory order, as a scan per organisation gives. */
        for (size_t o = 0; o < nOrg; o++) {
            const Org *g = &m->aOrg[o];
            size_t nResp = anResp[o];
            /* From an imported report only government bodies are expected
            ** to be named; when statements are collected, everyone is. */
            if (nResp && !abSpoke[o] &&
                (bStatements || g->eKind == ORG_GOVERNMENT)) {
                finding_add(
                    out, "silent_responsible_org", CHECK_INFO, NULL, zR,
                    bStatements
                        ? ngettext("%s is responsible for %zu activity in "
                                   "round %s and has submitted no statement",
                                   "%s is responsible for %zu activities in "
                                   "round %s and has submitted no statement",
                                   nResp)
                        : ngettext("%s is responsible for %zu activity in "
                                   "round %s but no narrative of them "
                                   "mentions it",
                                   "%s is responsible for %zu activities in "
                                   "round %s but no narrative of them "
                                   "mentions it",
                                   nResp),
                    g->zAcronym, nResp, zR);
                out->a[out->n - 1].zOrg = xstrdup(g->zAcronym);
            }
        }
        round_texts_release(&t);
    }
    for (size_t o = 0; o < nOrg; o++) {
        org_names_free(aazNames[o]);
    }
    free(aazNames);
    free(aiLast);
    free(abSpoke);
    free(anResp);
    free(aByAcr);
}

/* ** RULE: duplicate_action_point */
static void
check_duplicate_action(CheckRun *c, Findings *out)
{
    const Plan *p = c->p;
    const char *zRound = c->zRound;
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        RoundTexts t;
        round_texts_build(c, zR, RT_ACTION, &t);
        size_t *aFirst = texts_first_equal(t.azAction, t.n);
        /* Every later activity (in plan order) repeats the first. */
        for (size_t k = 0; k < t.n; k++) {
            if (aFirst[k] != k && *t.azAction[k]) {
                finding_add(out, "duplicate_action_point", CHECK_WARNING,
                            t.aNode[k]->zCode, zR,
                            _("the same action point as activity %s"),
                            t.aNode[aFirst[k]]->zCode);
            }
        }
        free(aFirst);
        round_texts_release(&t);
    }
}

const CheckRule aCheckRule[] = {
    { "missing_rating", CHECK_WARNING, N_("Missing rating"),
      "an activity of the round has no rating", check_missing_rating },
    { "rating_without_narrative", CHECK_WARNING, N_("Rating without narrative"),
      "a rating with no progress narrative to support it",
      check_rating_without_narrative },
    { "narrative_contradicts_rating", CHECK_ERROR,
      N_("Narrative contradicts the rating"),
      "the narrative says the opposite of the rating", check_contradiction },
    { "stale_narrative", CHECK_WARNING, N_("Stale narrative"),
      "the narrative refers elsewhere or repeats the previous round",
      check_stale },
    { "same_narrative_different_ratings", CHECK_ERROR,
      N_("Same narrative, different ratings"),
      "one narrative under several activities rated differently",
      check_same_narrative },
    { "no_responsible", CHECK_WARNING, N_("No responsible body"),
      "an activity with no responsible body", check_no_responsible },
    { "silent_responsible_org", CHECK_INFO, N_("Silent responsible body"),
      "a responsible organisation that gave no statement in the round (for "
      "rounds imported from a report: a government body no narrative "
      "mentions)",
      check_silent_org },
    { "duplicate_action_point", CHECK_WARNING, N_("Duplicate action point"),
      "the same action point text under two activity codes",
      check_duplicate_action },
    { NULL, CHECK_INFO, NULL, NULL, NULL },
};

void
checks_run(const Model *m, const Plan *p, const char *zRound, Findings *out)
{
    CheckRun c = { .m = m, .p = p, .zRound = zRound };
    for (const CheckRule *r = aCheckRule; r->zName; r++) {
        r->xCheck(&c, out);
    }
    run_release(&c);
}

int
checks_run_rule(const Model *m, const Plan *p, const char *zRound,
                const char *zRule, Findings *out)
{
    for (const CheckRule *r = aCheckRule; r->zName; r++) {
        if (str_eq(r->zName, zRule)) {
            CheckRun c = { .m = m, .p = p, .zRound = zRound };
            r->xCheck(&c, out);
            run_release(&c);
            return 0;
        }
    }
    return -1;
}
