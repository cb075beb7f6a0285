/*
** claims.h — checking the figures a review report prints against the data.
**
** A claim is one printed statement: "In the international framework 84 per
** cent of the activities (10 out of 12) are progressing or on target".  It
** names a round, a group (a node of the plan, or all), the statuses it
** counts, and the numerator, denominator and percentage as printed; or,
** for a change since an earlier round, the printed change in percentage
** points.  claim_evaluate() computes the same figures from the data and
** says whether the claim holds.
*/
#ifndef LMPMON_CLAIMS_H
#define LMPMON_CLAIMS_H

#include "model.h"
#include "review.h"
#include "../base/apperr.h"

#define CLAIM_NOT_PRINTED (-1000000L) /* a figure the sentence does not give */

typedef struct Claim {
    char *zId;          /* the claim's name in the file ("c3") */
    char *zRound;       /* round the claim speaks of */
    char *zGroup;       /* node code or text, or "all" */
    char *zStatuses;    /* as written: "on_target+progressing" */
    unsigned mask;      /* parsed zStatuses */
    long num, den, pct; /* as printed, or CLAIM_NOT_PRINTED */
    char *zSince;       /* earlier round for a change claim, else NULL */
    char *zSentence;    /* the printed sentence */
    int iLine;          /* line in the claims file */
} Claim;

typedef enum ClaimStatus {
    CLAIM_HOLDS = 0,
    CLAIM_WRONG_PERCENT,
    CLAIM_WRONG_COUNT,
    CLAIM_WRONG_DENOMINATOR
} ClaimStatus;

typedef struct ClaimResult {
    ClaimStatus eStatus;
    const char *zGroupName; /* the group's text, or "all activities" */
    long num, den, pct;     /* computed; for a change claim num and den
                             ** are the counts of the later round */
    long pctSince;          /* change claims: share in the earlier round */
    long numSince, denSince;
} ClaimResult;

/* Evaluate claim c against plan p.  Returns 0, or -1 with err when the
** claim names a round or group the plan does not have. */
int claim_evaluate(const Plan *p, const Claim *c, ClaimResult *out,
                   AppErr *err);

/* Machine name of a status: "holds", "wrong_percent", ... */
const char *claim_status_name(ClaimStatus e);

void claim_release(Claim *c);

#endif
