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
        /* Quadratic over a round's activities: a plan has hundreds. */
        int iLeaf = plan_leaf_level(p);
        for (size_t i = 0; i < p->nNode; i++) {
            const Node *n = &p->aNode[i];
            const Assessment *a = node_find_assessment(n, zR);
            if (n->iLevel != iLeaf || !a) {
                continue;
            }
            char *zA = check_lower(a->zProgress);
            /* Short or carried-forward texts ("see last years comment") are
            ** the stale rule's business, not shared narratives. */
            if (strlen(zA) < 20 || check_find_phrase(zA, azStale, 0)) {
                free(zA);
                continue;
            }
            Buf others = BUF_INIT;
            for (size_t j = 0; j < p->nNode; j++) {
                const Node *o = &p->aNode[j];
                const Assessment *b = node_find_assessment(o, zR);
                if (j == i || o->iLevel != iLeaf || !b ||
                    b->eRating == a->eRating) {
                    continue;
                }
                char *zB = check_lower(b->zProgress);
                if (strcmp(zA, zB) == 0) {
                    buf_printf(&others, "%s%s (%s)", others.n ? ", " : "",
                               o->zCode, rating_name(b->eRating));
                }
                free(zB);
            }
            if (others.n) {
                finding_add(out, "same_narrative_different_ratings",
                            CHECK_ERROR, n->zCode, zR,
                            "the same narrative is rated %s here and "
                            "differently under %s",
                            rating_name(a->eRating), buf_str(&others));
            }
            buf_release(&others);
            free(zA);
        }
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
check_org_spoke(const Org *g, const Assessment *a, int bStatements)
{
    if (bStatements) {
        const Statement *x = assessment_find_statement(a, g->zAcronym);
        return x && x->eState != ASSESS_DRAFT;
    }
    char *zLow = check_lower(a->zProgress);
    char *zAcr = check_lower(g->zAcronym);
    char *zName = check_lower(g->zName);
    const char *azMine[] = { zAcr, zName, NULL };
    int bMention = check_find_phrase(zLow, azMine, 0) != NULL;
    for (size_t k = 0; k < g->nAlias && !bMention; k++) {
        char *zAl = check_lower(g->azAlias[k]);
        const char *azAl[] = { zAl, NULL };
        bMention = check_find_phrase(zLow, azAl, 0) != NULL;
        free(zAl);
    }
    free(zLow);
    free(zAcr);
    free(zName);
    return bMention;
}

/* ** RULE: silent_responsible_org */
static void
check_silent_org(const Model *m, const Plan *p, const char *zRound,
                 Findings *out)
{
    int iLeaf = plan_leaf_level(p);
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        int bStatements = check_round_has_statements(p, zR);
        for (size_t o = 0; o < m->nOrg; o++) {
            const Org *g = &m->aOrg[o];
            size_t nResp = 0, nSpoke = 0;
            for (size_t i = 0; i < p->nNode; i++) {
                const Node *n = &p->aNode[i];
                const Assessment *a = node_find_assessment(n, zR);
                if (n->iLevel != iLeaf || !a) {
                    continue;
                }
                int bResp = 0;
                for (size_t k = 0; k < n->nResp; k++) {
                    bResp |= str_eq(n->azResp[k], g->zAcronym);
                }
                if (bResp) {
                    nResp++;
                    nSpoke += check_org_spoke(g, a, bStatements);
                }
            }
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
    }
}

/* ** RULE: duplicate_action_point */
static void
check_duplicate_action(const Model *m, const Plan *p, const char *zRound,
                       Findings *out)
{
    int iLeaf = plan_leaf_level(p);
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        if (zRound && !str_eq(zR, zRound)) {
            continue;
        }
        for (size_t i = 0; i < p->nNode; i++) {
            const Node *n = &p->aNode[i];
            const Assessment *a = node_find_assessment(n, zR);
            if (n->iLevel != iLeaf || !a || !*a->zActionPoint) {
                continue;
            }
            char *zA = check_lower(a->zActionPoint);
            for (size_t j = i + 1; j < p->nNode; j++) {
                const Node *o = &p->aNode[j];
                const Assessment *b = node_find_assessment(o, zR);
                if (o->iLevel != iLeaf || !b || !*b->zActionPoint) {
                    continue;
                }
                char *zB = check_lower(b->zActionPoint);
                if (strcmp(zA, zB) == 0) {
                    finding_add(out, "duplicate_action_point", CHECK_WARNING,
                                o->zCode, zR,
                                "the same action point as activity %s",
                                n->zCode);
                }
                free(zB);
            }
            free(zA);
        }
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
