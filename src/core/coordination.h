/*
** coordination.h — who is responsible for what in a review round, and
** whether the review's explanations of slow progress hold.
**
** The 2017 Cambodian review explains its least progressing areas without
** checking: some activities "require more than one Ministries’
** participation", "development partner support has not been concentrated
** in this area", "the high dependence on development partner funding
** threatens the sustainability of activities".  The plan says who is
** responsible for and contributes to every activity, and the directory
** what kind of body each is, so coordination_build() can count, for one
** round:
**
**   - per organisation: the activities it is responsible for and
**     contributes to, how many of those were reported, and the ratings of
**     those it is responsible for;
**   - the activities with no responsible body, with many
**     (COORD_MANY_RESPONSIBLE or more), and those sharing one wording under
**     different codes (aCoordList);
**   - per area: activities by who leads them, with development partner or
**     UN support, progressing or on target;
**   - the review's explanations as comparisons of two shares (aCoordTest),
**     each with its counts and a verdict that says when the groups are too
**     small or the difference within what chance gives;
**   - the organisations the data-quality rule silent_responsible_org
**     (checks.c) finds silent in the round, as that rule decides;
**   - responsible activities per organisation and area (the matrix).
**
** Terms, as the report states them:
**
**   activity of the round  a node of the plan's last level assessed in the
**                          round, rated or not: the denominator of every
**                          share, as in the review (REVIEW_DENOMINATOR);
**   area                   a node of the plan's first level;
**   reported               in a round that collected statements (any
**                          activity of it has one): the organisation's own
**                          statement is submitted or approved; in a round
**                          imported from a report: the activity has a
**                          progress narrative (one per activity, so it
**                          counts for every body on it);
**   lead                   one government body (exactly one responsible
**                          body, of kind government), one body of another
**                          kind, several (two or more), or none;
**   supported              a development partner or UN agency among the
**                          responsible or contributing bodies;
**   funded mainly by       of the activity's money secured or pledged in
**                          the round (funding.h), more than half from the
**                          government budget, or from development
**                          partners; told only when its cost and funding
**                          are in one currency;
**   unfunded               its money secured or pledged is less than half
**                          its estimated cost (or only gap lines are
**                          recorded);
**   least progressing area an area whose share progressing or on target is
**                          below that of all activities of the round;
**   same wording           the round's action point, or the activity's own
**                          text when the round gives none, equal to another
**                          activity's once case, punctuation and spacing
**                          are set aside (texts_fold_words).
**
** Verdict of a comparison (the rule is simple on purpose, and stated with
** every result): fewer than COORD_MIN_GROUP activities in either group is
** too few to say anything; otherwise the two shares differ when their
** difference is more than COORD_CHANCE_SE standard errors of a difference
** of two proportions (pooled: p(1 - p)(1/n1 + 1/n2)), and are within what
** chance gives when not.
**
** Near-linear in activities, links and organisations: organisations are
** found in a sorted index and equal wordings by sorting once.  Pure
** computation on a Model; no I/O.
*/
#ifndef LMPMON_COORDINATION_H
#define LMPMON_COORDINATION_H

#include <stddef.h>

#include "../base/apperr.h"
#include "checks.h"
#include "funding.h"
#include "model.h"

/* "Many responsible bodies": this many or more. */
#define COORD_MANY_RESPONSIBLE 4
/* A group of fewer activities than this is too small to compare. */
#define COORD_MIN_GROUP 10
/* Two shares differ when their difference is more than this many standard
** errors; within that, chance alone could give it. */
#define COORD_CHANCE_SE 2

/* Who leads an activity. */
typedef enum CoordLead {
    COORD_LEAD_NONE = 0,       /* no responsible body */
    COORD_LEAD_ONE_GOVERNMENT, /* exactly one, a government body */
    COORD_LEAD_ONE_OTHER,      /* exactly one, of another kind (or unknown) */
    COORD_LEAD_SEVERAL,        /* two or more */
    COORD_LEAD_COUNT
} CoordLead;

/* Who pays for an activity in the round (see "funded mainly by" above). */
typedef enum CoordFund {
    COORD_FUND_NONE = 0,   /* nothing recorded */
    COORD_FUND_UNKNOWN,    /* money in more than one currency: not told */
    COORD_FUND_GAP,        /* unfunded: less than half its cost covered */
    COORD_FUND_GOVERNMENT, /* mainly the government budget */
    COORD_FUND_PARTNER,    /* mainly development partners */
    COORD_FUND_MIXED,      /* neither has more than half */
    COORD_FUND_COUNT
} CoordFund;

/* Machine key: "none", "one_government", "one_other", "several". */
const char *coord_lead_key(CoordLead e);

/* One activity of the round. */
typedef struct CoordActivity {
    long iNode;           /* index into the plan's nodes */
    long iArea;           /* index into Coordination.aArea, or -1 */
    const Assessment *pA; /* its assessment of the round */
    size_t nResp;         /* distinct responsible bodies */
    size_t nContrib;      /* distinct contributing bodies */
    CoordLead eLead;
    int bSupport;         /* a development partner or UN agency is
                              ** responsible or contributes */
    int bNarrative;       /* the assessment has a progress narrative */
    const char *zWording; /* the round's action point, or the node's text
                              ** when that is empty (not owned) */
    long iOverlap;        /* index into aOverlap of its group of the
                              ** same wording, or -1 */
    CoordFund eFund;      /* who pays for it in the round */
} CoordActivity;

/* One organisation named on an activity of the round. */
typedef struct CoordOrg {
    const char *zAcronym;          /* not owned */
    const Org *pOrg;               /* its directory entry; NULL when the
                              ** directory does not know the acronym */
    size_t nResp;                  /* activities it is responsible for */
    size_t nRespReported;          /* ... of those, reported */
    size_t nContrib;               /* activities it contributes to */
    size_t nContribReported;       /* ... of those, reported */
    size_t anRating[RATING_COUNT]; /* ratings of its responsible ones */
    size_t *anArea;                /* responsible activities per area (nArea) */
    int bSilent;                   /* silent_responsible_org names it */
} CoordOrg;

/* One area (a node of the first level) with activities in the round. */
typedef struct CoordArea {
    long iNode;       /* index into the plan's nodes */
    size_t nAct;      /* activities of the round in it */
    size_t nPositive; /* progressing or on target */
    size_t anLead[COORD_LEAD_COUNT];
    size_t nSupport;       /* supported */
    int bLeastProgressing; /* share positive below the round's */
} CoordArea;

/* Activities sharing one wording under different codes. */
typedef struct CoordOverlap {
    size_t *aiAct;   /* indexes into aAct, in plan order */
    size_t nAct;     /* at least 2 */
    int bAcrossOrgs; /* their responsible bodies differ */
} CoordOverlap;

typedef struct Coordination Coordination;

/* One explanation of the review, as the comparison of two shares: among
** the activities of a first and a second group, the share having the
** measured property. */
typedef struct CoordTest {
    const char *zName;    /* key: "several_bodies" */
    const char *zTitle;   /* heading: "Several responsible bodies and
                              ** progress" */
    const char *zClaim;   /* the review's words */
    const char *zFirst;   /* "activities with several responsible bodies" */
    const char *zSecond;  /* "activities led by one government body" */
    const char *zMeasure; /* what is counted, as a verb phrase: "are
                              ** progressing or on target" */
    int iExpect;          /* the review's explanation holds when the
                              ** first share is lower (-1) or higher (1) */
    int bByArea;          /* compared within each area too */
    /* 1: a is in the first group, 2: in the second, 0: in neither. */
    int (*xGroup)(const Coordination *c, const CoordActivity *a);
    /* Non-zero if a has the measured property. */
    int (*xMeasure)(const CoordActivity *a);
} CoordTest;

/* The comparisons, terminated by an entry with zName NULL. */
extern const CoordTest aCoordTest[];

typedef enum CoordVerdict {
    COORD_TOO_FEW = 0,   /* a group has fewer than COORD_MIN_GROUP */
    COORD_WITHIN_CHANCE, /* the difference is within chance */
    COORD_FIRST_HIGHER,  /* the first share is higher, beyond chance */
    COORD_FIRST_LOWER    /* the first share is lower, beyond chance */
} CoordVerdict;

/* Machine key: "too_few", "within_chance", "first_higher", "first_lower". */
const char *coord_verdict_key(CoordVerdict e);

/* n of nOf activities. */
typedef struct CoordShare {
    size_t n;
    size_t nOf;
} CoordShare;

typedef struct CoordResult {
    const CoordTest *pTest;
    long iArea; /* -1: every activity of the round */
    CoordShare first, second;
    size_t nNeither; /* activities in neither group */
    long diffPp;     /* first minus second, in points: the
                              ** difference of the rounded percentages */
    long marginPp;   /* COORD_CHANCE_SE standard errors in points,
                              ** rounded; 0 when too few */
    CoordVerdict eVerdict;
    int bAsClaimed; /* a difference the way iExpect says */
} CoordResult;

/* A list of activities the report names (aCoordList). */
typedef struct CoordList {
    const char *zName;  /* key: "no_responsible" */
    const char *zTitle; /* "Activities with no responsible body" */
    int (*xHas)(const CoordActivity *a);
} CoordList;

/* The lists, terminated by an entry with zName NULL. */
extern const CoordList aCoordList[];

struct Coordination {
    const Model *m;
    const Plan *p;
    const Round *pRound;
    int bStatements;     /* the round collected statements */
    CoordActivity *aAct; /* the activities of the round, plan order */
    size_t nAct;
    CoordArea *aArea; /* plan order; only areas with activities */
    size_t nArea;
    CoordOrg *aOrg; /* organisations named on an activity of the
                              ** round: most responsible first, then most
                              ** contributing, then by acronym */
    size_t nOrg;
    CoordOverlap *aOverlap; /* in the plan order of their first activity */
    size_t nOverlap;
    CoordResult *aResult; /* per test of aCoordTest: overall, then per
                              ** area of aArea when bByArea */
    size_t nResult;
    size_t nPositive; /* activities progressing or on target */
    size_t anLead[COORD_LEAD_COUNT];
    size_t nSupport; /* supported activities */
    size_t anRating[RATING_COUNT];
    size_t anFund[COORD_FUND_COUNT]; /* activities by who pays */
    Findings silent;                 /* silent_responsible_org's findings */
};

/* Analyse round zRound of plan p (one of m's plans; m gives the
** organisation directory).  Returns 0, or -1 with err (APPERR_NOTFOUND:
** no such round).  Allocates; free with coordination_release().  m and p
** must outlive the result and not change while it is used. */
int coordination_build(const Model *m, const Plan *p, const char *zRound,
                       Coordination *c, AppErr *err);

/* As coordination_build(), with the round's costs and funding pFund
** (store_fund_list(); NULL: none recorded) for the comparisons by funding
** source.  pFund is read during the call only. */
int coordination_build_funded(const Model *m, const Plan *p, const char *zRound,
                              const FundSet *pFund, Coordination *c,
                              AppErr *err);
void coordination_release(Coordination *c);

/* The result of test t overall (iArea -1) or in area iArea, or NULL when
** t is not compared there. */
const CoordResult *coordination_result(const Coordination *c,
                                       const CoordTest *t, long iArea);

/* The number of activities of the round on list l. */
size_t coordination_list_count(const Coordination *c, const CoordList *l);

/* Non-zero if a is progressing or on target. */
int coord_is_positive(const CoordActivity *a);

/* Non-zero if the organisation zAcronym reported on activity a of c's
** round (see "reported" above). */
int coordination_reported(const Coordination *c, const CoordActivity *a,
                          const char *zAcronym);

#endif
