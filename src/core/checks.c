/*
** checks.c — the data-quality rules (see checks.h).
**
** The phrase lists come from the 2017 Cambodian review's annex, where a
** careful reader finds "No evidence this occurring" under Progressing and
** "See last years comment" standing in for a narrative.  Matching is on
** lower-cased text; a phrase of completion preceded by a negation ("not
** completed", "not yet occurring") does not count as completion.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "orgdir.h"
#include "../base/buf.h"
#include "../base/str.h"
#include "../base/xalloc.h"
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
}

void
findings_release(Findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->a[i].zActivity);
        free(f->a[i].zRound);
        free(f->a[i].zMessage);
    }
    free(f->a);
    memset(f, 0, sizeof *f);
}

const char *
check_severity_name(CheckSeverity e)
{
    return e == CHECK_ERROR ? "error" : e == CHECK_WARNING ? "warning" : "info";
}

/* Lower-cased copy with runs of white space as one space. */
static char *
check_lower(const char *z)
{
    char *f = str_fold(z);
    return f;
}

/* The first of the phrases (lower case) found in zLow, or NULL.  With
** bNegatable, an occurrence shortly after "not", "no" or "yet" is
** skipped. */
static const char *
check_find_phrase(const char *zLow, const char *const *azPhrase,
                  int bNegatable)
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
                const char *const azNeg[] = { "not", "no", "yet", "never",
                                              "nothing", NULL };
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

/* Calls fn for each (activity, assessment) of the rounds selected. */
#define FOR_EACH_ASSESSMENT(p, zRound, n, a)                                  \
    for (size_t i_ = 0; i_ < (p)->nNode; i_++)                                \
        for (const Node *n = &(p)->aNode[i_]; n; n = NULL)                     \
            if (n->iLevel == plan_leaf_level(p))                               \
                for (size_t k_ = 0; k_ < n->nAssess; k_++)                     \
                    for (const Assessment *a = &n->aAssess[k_]; a; a = NULL)   \
                        if (!(zRound) || str_eq(a->zRound, (zRound)))

/* The activities of one round with their texts folded once: the rules
** that compare texts across activities would otherwise fold each text
** once per comparison. */
typedef struct RoundTexts {
    size_t n;
    const Node **aNode;
    const Assessment **aA;
    char **azProgress;   /* folded progress narratives */
    char **azAction;     /* folded action points */
} RoundTexts;

static void
round_texts_build(const Plan *p, const char *zR, RoundTexts *t)
{
    memset(t, 0, sizeof *t);
    size_t nMax = p->nNode ? p->nNode : 1;
    t->aNode = xcalloc(nMax, sizeof *t->aNode);
    t->aA = xcalloc(nMax, sizeof *t->aA);
    t->azProgress = xcalloc(nMax, sizeof *t->azProgress);
    t->azAction = xcalloc(nMax, sizeof *t->azAction);
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, zR);
        if (n->iLevel != iLeaf || !a) {
            continue;
        }
        t->aNode[t->n] = n;
        t->aA[t->n] = a;
        t->azProgress[t->n] = check_lower(a->zProgress);
        t->azAction[t->n] = check_lower(a->zActionPoint);
        t->n++;
    }
}

static void
round_texts_release(RoundTexts *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->azProgress[i]);
        free(t->azAction[i]);
    }
    free(t->aNode);
    free(t->aA);
    free(t->azProgress);
    free(t->azAction);
    memset(t, 0, sizeof *t);
}

/* A text with its activity's index, for grouping equal texts by sorting. */
typedef struct TextAt {
    const char *z;
    size_t i;
} TextAt;

static int
text_at_cmp(const void *a, const void *b)
{
    const TextAt *x = a, *y = b;
    int c = strcmp(x->z, y->z);
    return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

/* For each of az[0..n), the index of the first text (in plan order) equal
** to it: activities with equal texts share that index.  Heap array. */
static size_t *
texts_first_equal(char **az, size_t n)
{
    TextAt *a = xcalloc(n ? n : 1, sizeof *a);
    size_t *aFirst = xcalloc(n ? n : 1, sizeof *aFirst);
    for (size_t i = 0; i < n; i++) {
        a[i].z = az[i];
        a[i].i = i;
    }
    qsort(a, n, sizeof *a, text_at_cmp);
    for (size_t k = 0; k < n; k++) {
        /* Sorted by text, then index: a run's head is its first activity. */
        size_t head = k > 0 && strcmp(a[k].z, a[k - 1].z) == 0 ? aFirst[a[k - 1].i]
                                                                : a[k].i;
        aFirst[a[k].i] = head;
    }
    free(a);
    return aFirst;
}

/* ** RULE: missing_rating */
static void
check_missing_rating(const Model *m, const Plan *p, const char *zRound,
                     Findings *out)
{
    FOR_EACH_ASSESSMENT(p, zRound, n, a) {
        if (a->eRating == RATING_NONE) {
            finding_add(out, "missing_rating", CHECK_WARNING, n->zCode,
                        a->zRound, "activity %s has no rating in round %s",
                        n->zCode, a->zRound);
        }
    }
}

/* ** RULE: rating_without_narrative */
static void
check_rating_without_narrative(const Model *m, const Plan *p,
                               const char *zRound, Findings *out)
{
    FOR_EACH_ASSESSMENT(p, zRound, n, a) {
        char *zT = str_trim(a->zProgress);
        if (a->eRating != RATING_NONE && (!*zT || strcmp(zT, ".") == 0)) {
            finding_add(out, "rating_without_narrative", CHECK_WARNING,
                        n->zCode, a->zRound,
                        "rated %s with no progress narrative",
                        rating_name(a->eRating));
        }
        free(zT);
    }
}

static const char *const azNegative[] = {
    "not on target", "not on track", "no progress", "not yet occurring",
    "no evidence", "not occurring", "not started", "nothing has been done",
    NULL,
};

static const char *const azCompleted[] = {
    "completed", "is occurring", "has occurred", "have occurred",
    "was adopted", "has been adopted", "finalised", "finalized", NULL,
};

/* ** RULE: narrative_contradicts_rating */
static void
check_contradiction(const Model *m, const Plan *p, const char *zRound,
                    Findings *out)
{
    FOR_EACH_ASSESSMENT(p, zRound, n, a) {
        char *zLow = check_lower(a->zProgress);
        const char *zHit = NULL;
        if (a->eRating == RATING_PROGRESSING || a->eRating == RATING_ON_TARGET) {
            zHit = check_find_phrase(zLow, azNegative, 0);
        } else if (a->eRating == RATING_NOT_ON_TARGET) {
            zHit = check_find_phrase(zLow, azCompleted, 1);
        }
        if (zHit) {
            finding_add(out, "narrative_contradicts_rating", CHECK_ERROR,
                        n->zCode, a->zRound,
                        "rated %s but the narrative says \"%s\"",
                        rating_name(a->eRating), zHit);
        }
        free(zLow);
    }
}

static const char *const azStale[] = {
    "see last year", "see last years", "see past year", "see above",
    "see previous", "as above", "same as last year", "no new information",
    "no update", "no new update", NULL,
};

/* ** RULE: stale_narrative */
static void
check_stale(const Model *m, const Plan *p, const char *zRound, Findings *out)
{
    FOR_EACH_ASSESSMENT(p, zRound, n, a) {
        char *zLow = check_lower(a->zProgress);
        const char *zHit = check_find_phrase(zLow, azStale, 0);
        if (zHit) {
            finding_add(out, "stale_narrative", CHECK_WARNING, n->zCode,
                        a->zRound, "the narrative carries forward (\"%s\") "
                        "instead of reporting this round", zHit);
        } else if (*zLow) {
            /* The same text as the round before: copied forward. */
            for (size_t r = 1; r < p->nRound; r++) {
                if (!str_eq(p->aRound[r].zCode, a->zRound)) {
                    continue;
                }
                const Assessment *prev =
                    node_find_assessment(n, p->aRound[r - 1].zCode);
                if (prev) {
                    char *zPrev = check_lower(prev->zProgress);
                    if (strcmp(zPrev, zLow) == 0) {
                        finding_add(out, "stale_narrative", CHECK_WARNING,
                                    n->zCode, a->zRound,
                                    "the narrative repeats round %s word for "
                                    "word", prev->zRound);
                    }
                    free(zPrev);
                }
            }
        }
        free(zLow);
    }
}

/* ** RULE: same_narrative_different_ratings */
static void
check_same_narrative(const Model *m, const Plan *p, const char *zRound,
                     Findings *out)
{
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        RoundTexts t;
        round_texts_build(p, zR, &t);
        size_t *aFirst = texts_first_equal(t.azProgress, t.n);
        for (size_t k = 0; k < t.n; k++) {
            const char *zA = t.azProgress[k];
            /* Short or carried-forward texts ("see last years comment") are
            ** the stale rule's business, not shared narratives. */
            if (strlen(zA) < 20 || check_find_phrase(zA, azStale, 0)) {
                continue;
            }
            Buf others = BUF_INIT;
            for (size_t l = 0; l < t.n; l++) {
                if (l != k && aFirst[l] == aFirst[k] &&
                    t.aA[l]->eRating != t.aA[k]->eRating) {
                    buf_printf(&others, "%s%s (%s)", others.n ? ", " : "",
                               t.aNode[l]->zCode, rating_name(t.aA[l]->eRating));
                }
            }
            if (others.n) {
                finding_add(out, "same_narrative_different_ratings",
                            CHECK_ERROR, t.aNode[k]->zCode, zR,
                            "the same narrative is rated %s here and "
                            "differently under %s",
                            rating_name(t.aA[k]->eRating), buf_str(&others));
            }
            buf_release(&others);
        }
        free(aFirst);
        round_texts_release(&t);
    }
}

/* ** RULE: no_responsible */
static void
check_no_responsible(const Model *m, const Plan *p, const char *zRound,
                     Findings *out)
{
    /* Reported for each round the activity is part of, so that checking all
    ** rounds finds everything checking one round finds. */
    FOR_EACH_ASSESSMENT(p, zRound, n, a) {
        if (n->nResp == 0) {
            finding_add(out, "no_responsible", CHECK_WARNING, n->zCode,
                        a->zRound, "no responsible body: nobody is asked to "
                        "report on it");
        }
    }
}

/* Non-zero if any assessment of round zR carries statements: the round
** was collected through lmpmon, so "no statement" can be taken literally. */
static int
check_round_has_statements(const Plan *p, const char *zR)
{
    for (size_t i = 0; i < p->nNode; i++) {
        const Assessment *a = node_find_assessment(&p->aNode[i], zR);
        if (a && a->nStmt) {
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
        return x && x->eState != ASSESS_DRAFT;
    }
    return check_find_phrase(zLowProgress, azNames, 0) != NULL;
}

/* ** RULE: silent_responsible_org */
static void
check_silent_org(const Model *m, const Plan *p, const char *zRound,
                 Findings *out)
{
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        int bStatements = check_round_has_statements(p, zR);
        RoundTexts t;
        round_texts_build(p, zR, &t);
        for (size_t o = 0; o < m->nOrg; o++) {
            const Org *g = &m->aOrg[o];
            /* Its names, folded once: acronym, full name, aliases. */
            char **azNames = xcalloc(g->nAlias + 3, sizeof *azNames);
            azNames[0] = check_lower(g->zAcronym);
            azNames[1] = check_lower(g->zName);
            for (size_t k = 0; k < g->nAlias; k++) {
                azNames[2 + k] = check_lower(g->azAlias[k]);
            }
            size_t nResp = 0, nSpoke = 0;
            for (size_t i = 0; i < t.n; i++) {
                const Node *n = t.aNode[i];
                int bResp = 0;
                for (size_t k = 0; k < n->nResp; k++) {
                    bResp |= str_eq(n->azResp[k], g->zAcronym);
                }
                if (bResp) {
                    nResp++;
                    nSpoke += check_org_spoke(g, t.aA[i], t.azProgress[i],
                                              (const char *const *)azNames,
                                              bStatements);
                }
            }
            for (size_t k = 0; k < g->nAlias + 2; k++) {
                free(azNames[k]);
            }
            free(azNames);
            /* From an imported report only government bodies are expected
            ** to be named; when statements are collected, everyone is. */
            if (nResp && !nSpoke && (bStatements || g->eKind == ORG_GOVERNMENT)) {
                finding_add(out, "silent_responsible_org", CHECK_INFO, NULL, zR,
                            bStatements
                                ? "%s is responsible for %zu activit%s in round "
                                  "%s and has submitted no statement"
                                : "%s is responsible for %zu activit%s in round "
                                  "%s but no narrative of them mentions it",
                            g->zAcronym, nResp, nResp == 1 ? "y" : "ies", zR);
            }
        }
        round_texts_release(&t);
    }
}

/* ** RULE: duplicate_action_point */
static void
check_duplicate_action(const Model *m, const Plan *p, const char *zRound,
                       Findings *out)
{
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        RoundTexts t;
        round_texts_build(p, zR, &t);
        size_t *aFirst = texts_first_equal(t.azAction, t.n);
        /* Every later activity (in plan order) repeats the first. */
        for (size_t k = 0; k < t.n; k++) {
            if (aFirst[k] != k && *t.azAction[k]) {
                finding_add(out, "duplicate_action_point", CHECK_WARNING,
                            t.aNode[k]->zCode, zR,
                            "the same action point as activity %s",
                            t.aNode[aFirst[k]]->zCode);
            }
        }
        free(aFirst);
        round_texts_release(&t);
    }
}

const CheckRule aCheckRule[] = {
    { "missing_rating", CHECK_WARNING,
      "an activity of the round has no rating", check_missing_rating },
    { "rating_without_narrative", CHECK_WARNING,
      "a rating with no progress narrative to support it",
      check_rating_without_narrative },
    { "narrative_contradicts_rating", CHECK_ERROR,
      "the narrative says the opposite of the rating",
      check_contradiction },
    { "stale_narrative", CHECK_WARNING,
      "the narrative refers elsewhere or repeats the previous round",
      check_stale },
    { "same_narrative_different_ratings", CHECK_ERROR,
      "one narrative under several activities rated differently",
      check_same_narrative },
    { "no_responsible", CHECK_WARNING, "an activity with no responsible body",
      check_no_responsible },
    { "silent_responsible_org", CHECK_INFO,
      "a responsible organisation that gave no statement in the round (for "
      "rounds imported from a report: a government body no narrative "
      "mentions)", check_silent_org },
    { "duplicate_action_point", CHECK_WARNING,
      "the same action point text under two activity codes",
      check_duplicate_action },
    { NULL, CHECK_INFO, NULL, NULL },
};

void
checks_run(const Model *m, const Plan *p, const char *zRound, Findings *out)
{
    for (const CheckRule *r = aCheckRule; r->zName; r++) {
        r->xCheck(m, p, zRound, out);
    }
}
