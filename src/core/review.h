/*
** review.h — counting a review round: status of activities per group.
**
** The annual review reports, per area of the plan (or any level) and
** overall, how many activities are On Target, Progressing, Not on Target
** and not rated, and the shares of these.  Shares use one denominator
** everywhere: all activities assessed in the round, rated or not
** (REVIEW_DENOMINATOR says so in words for reports).  Percentages are
** integers rounded half away from zero and are always shown with their
** counts.  Pure computation on a Plan; no I/O.
*/
#ifndef LMPMON_REVIEW_H
#define LMPMON_REVIEW_H

#include <stddef.h>

#include "model.h"

#define REVIEW_DENOMINATOR "all activities assessed in the round, rated or not"

/* The denominator while a round is still collecting (review_rated_only):
** an activity not rated yet is one nobody has assessed, not one that made
** no progress, so counting it would make every share fall to zero the
** day a round opens. */
#define REVIEW_DENOMINATOR_RATED                                               \
 "the activities rated so far in the round, which is still collecting"

/* Counts of each rating among a set of activities. */
typedef struct StatusCount {
    size_t an[RATING_COUNT]; /* indexed by Rating */
    size_t nTotal;           /* sum of an[] */
} StatusCount;

/* One group (a node of the grouping level, or the whole plan). */
typedef struct ReviewGroup {
    long iNode; /* index into the plan's nodes; -1 for "all" */
    StatusCount c;
} ReviewGroup;

/* The counts of one round at one level. */
typedef struct ReviewSummary {
    const Round *pRound;
    int iLevel;          /* grouping level; groups are its nodes */
    ReviewGroup *aGroup; /* in plan order; groups without activities
                             ** assessed in the round are left out */
    size_t nGroup;
    ReviewGroup all; /* the whole plan */
} ReviewSummary;

/* Integer percentage of num / den, rounded half away from zero (num may
** be negative).  Returns 0 when den is 0. */
long review_pct(long num, long den);

/* Number of activities counted as any of the statuses in mask (bit 1 << r
** for each Rating r). */
size_t review_count(const StatusCount *c, unsigned mask);

/* Count round zRound of plan p grouped at level iLevel (0 <= iLevel <
** leaf level).  Returns 0, or -1 when the round does not exist.  Free with
** review_summary_release(). */
int review_summarise(const Plan *p, const char *zRound, int iLevel,
                     ReviewSummary *out);
void review_summary_release(ReviewSummary *s);

/* review_summarise(), counting only the activities that are rated in
** round zAmong (NULL: every activity assessed in zRound, as
** review_summarise()).  With zAmong = zRound, the shares of a round still
** collecting; with zAmong the collecting round and zRound an earlier
** one, the same activities then, for a like-for-like comparison. */
int review_summarise_among(const Plan *p, const char *zRound, int iLevel,
                           const char *zAmong, ReviewSummary *out);

/* Whether the shares of round rd count only its rated activities: while
** it is collecting (draft or open) a missing rating means "not assessed
** yet"; once closed, every activity assessed counts, rated or not
** (REVIEW_DENOMINATOR). */
int review_rated_only(const Round *rd);

/* How far the collection of a round has come. */
typedef struct ReviewProgress {
    size_t nAssessed;                    /* activities assessed in it */
    size_t nRated;                       /* of them, rated */
    size_t anAssess[ASSESS_STATE_COUNT]; /* activities by workflow state */
    size_t anStmt[STMT_STATE_COUNT];     /* statements by state */
    size_t nExpected; /* statements owed: one per responsible body of
                          ** each activity assessed */
    size_t nMissing;  /* of those, none yet or only a draft; always 0
                          ** once the round is closed or published: its
                          ** collection is over, nothing is missing any
                          ** more, some bodies simply did not report */
    size_t nReported; /* of those, submitted, returned or approved */
    int bCollecting;  /* review_rated_only(): draft or open */
} ReviewProgress;

/* Count the collection of round rd of plan p into *out (activities of the
** leaf level only). */
void review_progress(const Plan *p, const Round *rd, ReviewProgress *out);

/* One organisation's part in the collection of a round: the activities
** assessed in it that the organisation is linked to, and its statements
** on them.  A responsible body owes a statement on each activity it is
** responsible for; a partner may write one. */
typedef struct ReviewOrgProgress {
    const char *zOrg;                /* acronym, borrowed from the plan */
    size_t nResponsible;             /* activities it is responsible for */
    size_t nPartner;                 /* activities it contributes to */
    size_t nNotStarted;              /* owed statements not begun */
    size_t anStmt[STMT_STATE_COUNT]; /* its statements by state */
    int bCollecting;                 /* the round is (review_rated_only()) */
    size_t nOwedOpen; /* activities it is responsible for whose statement
                      ** is not begun, a draft or returned: what it owes */
    const char *zDue; /* its due date (review_org_due()), or NULL */
    int bOverdue;     /* review_org_overdue() on the day asked for */
} ReviewOrgProgress;

/* A statement waiting for the M&E officer's review: submitted or
** resubmitted, in a round that is open or closed (not yet published). */
typedef struct ReviewWaiting {
    long iNode;             /* the activity, in p->aNode */
    const Round *pRound;    /* borrowed from the plan */
    const Statement *pStmt; /* borrowed from the plan */
} ReviewWaiting;

/* The statements of p waiting for the officer, oldest first (by when
** they were last saved, then plan order); *pn of them.  Allocated (free
** it); the pointers are p's. */
ReviewWaiting *review_waiting(const Plan *p, size_t *pn);

/* What an organisation still has to do in a collecting round: owed
** statements not begun, drafts and returned ones; nothing once the round
** is closed (its collection is over). */
size_t review_org_outstanding(const ReviewOrgProgress *o);

/* The collection of round rd of p per organisation linked to an activity
** assessed in it (leaf level), overdue ones on zToday first (YYYY-MM-DD in
** the installation's time zone; NULL: none is), then those with most
** outstanding (in a closed round: most owed statements never begun), then
** by acronym: the officer's list of whom to chase.  *pn entries; free()
** the array (the acronyms and dates are the plan's). */
ReviewOrgProgress *review_org_progress(const Plan *p, const Round *rd,
                                       const char *zToday, size_t *pn);

/* The extension row of zOrg in rd, removed ones too (their version guards
** the next grant), or NULL. */
const RoundExt *review_org_ext(const Round *rd, const char *zOrg);

/* The date zOrg's statements are due by in rd: its extension's, else the
** round's; NULL when neither has one. */
const char *review_org_due(const Round *rd, const char *zOrg);

/* Whether the organisation of o is overdue in rd on zToday (YYYY-MM-DD;
** NULL: never): the round is open, zToday is after its due date, and it
** still owes statements (o->nOwedOpen: an activity it is responsible for
** has no statement submitted, resubmitted or accepted).  A partner's own
** statements are welcome, never owed. */
int review_org_overdue(const Round *rd, const ReviewOrgProgress *o,
                       const char *zToday);

/* Whether one activity's statement is what makes organisation zOrg late
** in rd on zToday (YYYY-MM-DD; NULL: never): the round is open, zToday
** is past zOrg's due date, zOrg is responsible for the activity
** (bResponsible: a partner's statement is welcome, never owed) and has
** not handed its statement in (e is NEED_NOT_BEGUN, NEED_DRAFT or
** NEED_RETURNED).  The rule review_org_overdue() applies to the whole. */
int review_task_overdue(const Round *rd, const char *zOrg, int bResponsible,
                        int e, const char *zToday);

/* Where the assessment a of an activity stands in round rd, in words for
** its readers: "Published" in a published round (an imported round was
** never reviewed here: its workflow state says nothing), "Approved",
** else what its statements say — "Waiting for review" (one is submitted
** or resubmitted), "Returned" (one is returned, none waits), "Statements
** accepted" (every one, not yet approved), "Being written" (drafts only),
** "No statement yet".  The assessment's own state (draft, submitted,
** returned) is the workflow's bookkeeping and is not shown.  zOrg (NULL:
** every organisation's) counts only that organisation's statements: a
** reporter's page says where its own stands. */
const char *review_assessment_status(const Round *rd, const Assessment *a,
                                     const char *zOrg);

/* How many organisations of rd are overdue on zToday. */
size_t review_round_overdue(const Plan *p, const Round *rd, const char *zToday);

/* Days from zToday to zDue (both YYYY-MM-DD): positive when zDue is later,
** negative when it is past. */
long review_days_until(const char *zToday, const char *zDue);

/* What a reporter's statement on an activity needs, most urgent first:
** the order of an organisation's tasks in a collecting round. */
typedef enum ReviewNeed {
    NEED_RETURNED = 0, /* the officer sent it back: answer first */
    NEED_NOT_BEGUN,    /* owed (or welcome) and not begun */
    NEED_DRAFT,        /* begun, not submitted */
    NEED_SUBMITTED,    /* with the officer */
    NEED_APPROVED,     /* done */
    NEED_NONE,         /* the activity is not assessed in the round */
    NEED_COUNT
} ReviewNeed;

/* The need of statement st (NULL: none yet) on an activity whose
** assessment in the round is a (NULL: not assessed in it). */
ReviewNeed review_need(const Assessment *a, const Statement *st);

/* "Returned", "Not begun", "Draft", ... */
const char *review_need_label(ReviewNeed e);

/* What closing or publishing round rd of p would leave behind, item by
** item ("12 of 103 activities are not rated."), each open or done, in
** the thread's language;
** nErrors is the number of data-quality errors in the round.  The web's
** confirm page and the CLI's 'round close|publish' show the same list.
** Returns how many items are still open. */
#define REVIEW_CHECKLIST_ITEMS 5

typedef struct ReviewCheckItem {
    int bOpen;
    char zText[640]; /* a sentence in the thread's language (Khmer takes
                     ** three bytes a letter) */
} ReviewCheckItem;

int review_round_checklist(const Plan *p, const Round *rd, size_t nErrors,
                           const char *zToday,
                           ReviewCheckItem a[REVIEW_CHECKLIST_ITEMS]);

/* The latest rated assessment of node n: the last round of p (in the
** plan's round order) in which n has a rating, its round in *pRound; NULL
** (and *pRound NULL) when n was never rated.  What a plan overview shows
** while a round is open: the open round's "not rated" says nothing. */
const Assessment *review_latest_rated(const Plan *p, const Node *n,
                                      const Round **pRound);

/* The group of s for node iNode (-1: all), or NULL. */
const ReviewGroup *review_group(const ReviewSummary *s, long iNode);

/* Change of the share of mask between two counts, in percentage points:
** the difference of the two rounded percentages, as a reader computes it
** from the printed figures. */
long review_pp_change(const StatusCount *before, const StatusCount *after,
                      unsigned mask);

/* Activities that changed between round zFrom and zTo. */
typedef struct ReviewChanges {
    long *aUp; /* node indexes rated higher in zTo */
    size_t nUp;
    long *aDown; /* rated lower */
    size_t nDown;
    long *aNew; /* assessed in zTo but not in zFrom */
    size_t nNew;
    long *aReworded; /* action point worded differently */
    size_t nReworded;
} ReviewChanges;

/* Compare two rounds of p.  Ratings compare Not on Target < Progressing <
** On Target; an activity not rated in either round is neither up nor down.
** Action points compare after folding white space; an empty one is not
** compared.  Free with review_changes_release(). */
void review_changes(const Plan *p, const char *zFrom, const char *zTo,
                    ReviewChanges *out);
void review_changes_release(ReviewChanges *c);

/* Bit masks of common status sets. */
#define REVIEW_MASK(r) (1u << (r))
#define REVIEW_MASK_POSITIVE                                                   \
 (REVIEW_MASK(RATING_ON_TARGET) | REVIEW_MASK(RATING_PROGRESSING))

/* Parse "on_target+progressing" (keys of rating_key(), joined by '+') into
** a mask; -1 if a key is unknown or the text is empty. */
int review_mask_parse(const char *z, unsigned *pMask);

#endif
