/*
** recommend.h — a review's recommendations and priorities, and their
** follow-up in later rounds.
**
** The 2017 review ends with recommendations: the consultant's own, and
** those of the workshop's discussion groups (Policy, Skills training,
** Cost of migration, M&E tools and system, Return and reintegration),
** which the workshop made the priorities of the next action plan.  Each
** belongs to the round whose review made it, may name a discussion group,
** the plan nodes it concerns (goals, areas, activities) and the
** organisations asked to act, and says where it was written ("2017
** review, §Recommendations for Future Implementation").  In each later
** round the M&E officer records how far it got (not started, in
** progress, done, dropped) with the evidence, as the human-rights
** recommendation trackers do.
**
** Pure data and the rules about it (who may record, which rounds may
** follow a recommendation up); the store reads and writes it
** (store_rec_*), app/recommendations.c holds the use cases.  No I/O.
*/
#ifndef LMPMON_RECOMMEND_H
#define LMPMON_RECOMMEND_H

#include <stddef.h>

#include "model.h"
#include "../base/apperr.h"
#include "../base/buf.h"

/* How far a recommendation got, as recorded in a later round. */
typedef enum RecStatus {
    REC_NOT_STARTED = 0,
    REC_IN_PROGRESS,
    REC_DONE,
    REC_DROPPED,
    REC_STATUS_COUNT
} RecStatus;

#define REC_STATUS_ACCEPTED "not_started, in_progress, done, dropped"

/* The status's key ("in_progress") and label ("In progress"), codes.h's
** CODE_REC_STATUS; rec_status_parse() takes either (0 or -1). */
const char *rec_status_name(RecStatus e);
const char *rec_status_label(RecStatus e);
int rec_status_parse(const char *z, RecStatus *pOut);
const CodeName *rec_status_table(size_t *pn);

/* A discussion group of a round's workshop. */
typedef struct RecGroup {
    char *zRound; /* the round whose workshop it was */
    char *zName;  /* "Cost of migration": its key within the round */
} RecGroup;

/* A recommendation's follow-up in a later round. */
typedef struct RecFollowup {
    char *zRound; /* the round that records it */
    RecStatus eStatus;
    char *zEvidence; /* what shows it, in words */
    char *zBy;       /* who recorded it */
    char *zAt;       /* when, UTC ISO 8601 */
    int iVersion;    /* guards concurrent edits */
} RecFollowup;

/* One recommendation. */
typedef struct Rec {
    char *zRound;  /* the round whose review made it */
    char *zCode;   /* "R3": its key within the round */
    char *zText;   /* as the review words it */
    char *zGroup;  /* the discussion group's name, or NULL */
    int bPriority; /* became a priority of the next action plan */
    char *zSource; /* where it is written: "2017 review, §Funding" */
    char **azNode; /* codes of the plan nodes it concerns */
    size_t nNode;
    char **azOrg; /* acronyms of the organisations asked to act */
    size_t nOrg;
    RecFollowup *aFollow; /* in round order */
    size_t nFollow;
    int iVersion; /* guards concurrent edits */
} Rec;

/* A plan's recommendations, groups and follow-ups, every round. */
typedef struct RecSet {
    RecGroup *aGroup;
    size_t nGroup;
    Rec *aRec;
    size_t nRec;
} RecSet;

void rec_release(Rec *r);
void rec_set_release(RecSet *s);

/* The recommendation zCode of round zRound in s, or NULL. */
Rec *rec_set_find(const RecSet *s, const char *zRound, const char *zCode);

/* The follow-up of r recorded in round zRound, or NULL. */
RecFollowup *rec_find_followup(const Rec *r, const char *zRound);

/* The latest follow-up of r (in p's round order), or NULL: its status
** now. */
const RecFollowup *rec_latest_followup(const Plan *p, const Rec *r);

/* May who record recommendations and their follow-ups?  The M&E officer
** and the administrator only (APPERR_FORBIDDEN). */
int rec_may_record(const Actor *who, AppErr *err);

/* May who word the action points of round r?  The M&E officer and the
** administrator only, as for an annex import (APPERR_FORBIDDEN); not in a
** published round (APPERR_CONFLICT).  err may be NULL (a page asking
** whether to offer the editor). */
int rec_may_word(const Actor *who, const Round *r, AppErr *err);

/* May who set the action point of activity zNode in round r to zText,
** its assessment a as read now, iVersion the version the user's form
** showed?  rec_may_word(); a text, of at most LIMIT_FIELD_BYTES (APPERR_INPUT); a changed since
** is APPERR_CONFLICT, saying the text typed is kept.  Saving is agreeing:
** what is stored is the year's action point, as the action plan prints
** it. */
int rec_action_point_may(const Actor *who, const char *zNode, const Round *r,
                         const Assessment *a, int iVersion, const char *zText,
                         AppErr *err);

/* May a recommendation of round zRecRound be followed up in round r of
** plan p?  Only in a round after the recommendation's (by p's round
** order: as-of date, then code), and not in a published one (its review
** is final). */
int rec_may_follow_up(const Plan *p, const char *zRecRound, const Round *r,
                      AppErr *err);

/* Append to b, one line each ("Priority of the 2017 review (C1, Cost of
** migration): text"), the priorities made in rounds before zRound (in p's
** round order; a round not in p yet counts as the latest) that concern
** node n — naming n, or a goal or area above it — and that are not done
** or dropped as last recorded before zRound.  What a new round's draft
** action point carries from the workshop (app/workflow.c).  Returns how
** many. */
size_t rec_priorities_for(const Plan *p, const Node *n, const RecSet *s,
                          const char *zRound, Buf *b);

/* The length of action point z without the priorities a draft appended
** to it ("\n\nPriority of the ..." to the end): the wording a later
** draft starts from, so that a priority done since is not carried on in
** the text of an action point nobody edited. */
size_t rec_draft_wording_len(const char *z);

/* Append to b up to nMax codes of p's nodes closest to zCode (quoted,
** joined by ", "; nothing when none is close): a "did you mean" for a
** code that names no node. */
void rec_suggest_node(const Plan *p, const char *zCode, size_t nMax, Buf *b);

#endif
