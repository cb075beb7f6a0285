/*
** claims.c — evaluating printed figures against the data (see claims.h).
**
** The order of the verdicts follows how a figure goes wrong: a wrong
** denominator (the group was miscounted) makes everything after it wrong,
** so it is reported first; then a wrong count of the statuses; then a
** percentage that does not follow from the counts.
*/
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "../base/str.h"
#include "../base/banned.h"

const char *
claim_status_name(ClaimStatus e)
{
    switch (e) {
    case CLAIM_HOLDS:
        return "holds";
    case CLAIM_WRONG_PERCENT:
        return "wrong_percent";
    case CLAIM_WRONG_COUNT:
        return "wrong_count";
    default:
        return "wrong_denominator";
    }
}

void
claim_release(Claim *c)
{
    free(c->zId);
    free(c->zRound);
    free(c->zGroup);
    free(c->zStatuses);
    free(c->zSince);
    free(c->zSentence);
    memset(c, 0, sizeof *c);
}

/* Index of the non-leaf node named z (code or text, folded), -1 for "all",
** -2 when unknown. */
static long
claim_find_group(const Plan *p, const char *z)
{
    char *zF = str_fold(z);
    long found = -2;
    if (strcmp(zF, "all") == 0 || strcmp(zF, "overall") == 0) {
        found = -1;
    }
    for (size_t i = 0; i < p->nNode && found == -2; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel == plan_leaf_level(p)) {
            continue;
        }
        char *zC = str_fold(n->zCode);
        char *zT = str_fold(n->zText ? n->zText : "");
        if (strcmp(zC, zF) == 0 || strcmp(zT, zF) == 0) {
            found = (long)i;
        }
        free(zC);
        free(zT);
    }
    free(zF);
    return found;
}

/* Counts of round zRound among the activities under node iGroup. */
static void
claim_count(const Plan *p, long iGroup, const char *zRound, StatusCount *c)
{
    memset(c, 0, sizeof *c);
    int iLeaf = plan_leaf_level(p);
    int iLevel = iGroup >= 0 ? p->aNode[iGroup].iLevel : 0;
    for (size_t i = 0; i < p->nNode; i++) {
        if (p->aNode[i].iLevel != iLeaf) {
            continue;
        }
        if (iGroup >= 0 && plan_ancestor_at(p, (long)i, iLevel) != iGroup) {
            continue;
        }
        const Assessment *a = node_find_assessment(&p->aNode[i], zRound);
        if (a) {
            c->an[a->eRating]++;
            c->nTotal++;
        }
    }
}

int
claim_evaluate(const Plan *p, const Claim *c, ClaimResult *out, AppErr *err)
{
    memset(out, 0, sizeof *out);
    if (!plan_find_round(p, c->zRound)) {
        return apperr_set(err, APPERR_INPUT,
                          "line %d: no round '%s' in plan "
                          "'%s'",
                          c->iLine, c->zRound, p->zCode);
    }
    if (c->zSince && !plan_find_round(p, c->zSince)) {
        return apperr_set(err, APPERR_INPUT,
                          "line %d: no round '%s' in plan "
                          "'%s'",
                          c->iLine, c->zSince, p->zCode);
    }
    long iGroup = claim_find_group(p, c->zGroup);
    if (iGroup == -2) {
        return apperr_set(err, APPERR_INPUT,
                          "line %d: no group '%s' in plan '%s' (give a code "
                          "such as an area's, its name, or 'all')",
                          c->iLine, c->zGroup, p->zCode);
    }
    out->zGroupName = iGroup >= 0 ? p->aNode[iGroup].zText : "all activities";
    StatusCount now;
    claim_count(p, iGroup, c->zRound, &now);
    out->num = (long)review_count(&now, c->mask);
    out->den = (long)now.nTotal;
    out->pct = review_pct(out->num, out->den);
    out->eStatus = CLAIM_HOLDS;
    if (c->zSince) {
        StatusCount before;
        claim_count(p, iGroup, c->zSince, &before);
        out->numSince = (long)review_count(&before, c->mask);
        out->denSince = (long)before.nTotal;
        out->pctSince = review_pct(out->numSince, out->denSince);
        /* Readers subtract the printed, rounded shares; the exact
        ** difference rounded is accepted too. */
        long change = out->pct - out->pctSince;
        long exact =
            review_pct(out->num * out->denSince - out->numSince * out->den,
                       out->den * out->denSince);
        if (c->pct != CLAIM_NOT_PRINTED && c->pct != change &&
            c->pct != exact) {
            out->eStatus = CLAIM_WRONG_PERCENT;
        }
        return 0;
    }
    if (c->den != CLAIM_NOT_PRINTED && c->den != out->den) {
        out->eStatus = CLAIM_WRONG_DENOMINATOR;
    } else if (c->num != CLAIM_NOT_PRINTED && c->num != out->num) {
        out->eStatus = CLAIM_WRONG_COUNT;
    } else if (c->pct != CLAIM_NOT_PRINTED && c->pct != out->pct) {
        out->eStatus = CLAIM_WRONG_PERCENT;
    }
    return 0;
}
