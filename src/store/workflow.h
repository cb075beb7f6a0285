/*
** workflow.h — the review round's life and the progress-entry workflow.
**
** A round goes draft → open → closed → published (closed may reopen;
** published is final and locks the round).  In an open round a reporter
** writes its organisation's statement and a proposed rating on each
** activity the organisation is linked to, saves drafts and submits; the
** M&E officer merges statements into the activity's narrative, sets the
** rating, and approves or returns with a comment.  Each operation is one
** transaction; every change lands in the audit trail through the store's
** puts; version numbers refuse the later of two concurrent saves.
*/
#ifndef LMPMON_WORKFLOW_H
#define LMPMON_WORKFLOW_H

#include "store.h"

/* Create round zRound of plan p (or reopen it) in state open, and give every
** activity without an assessment in it a draft one whose action point is
** the latest earlier wording (or the activity's text).  Refuses a published
** round. */
int workflow_open_round(Store *s, const Plan *p, const char *zRound,
                        const char *zTitle, const char *zAsOf, AppErr *err);

/* Move round zRound to eState: open → closed, closed → open or published,
** draft → open.  A published round cannot change. */
int workflow_set_round_state(Store *s, const Plan *p, const char *zRound,
                             RoundState eState, AppErr *err);

typedef enum WorkflowAction {
    WF_SAVE = 0,   /* keep as draft (reporter) / save edits (officer) */
    WF_SUBMIT,     /* reporter: hand the statement to the M&E officer */
    WF_APPROVE,    /* officer: accept narrative, rating and statements */
    WF_RETURN      /* officer: send statements back with a comment */
} WorkflowAction;

/* A reporter's statement for organisation zOrg on activity zNode in round
** zRound (must be open; zOrg must be linked to the activity; an approved
** statement is final).  iVersion is the version the form was built from. */
int workflow_save_statement(Store *s, const Plan *p, const char *zNode,
                            const char *zRound, const char *zOrg,
                            const char *zText, Rating eProposed, int iVersion,
                            WorkflowAction eAction, AppErr *err);

/* The M&E officer's review of activity zNode in round zRound (open or
** closed): narrative and rating, then approve or return (with zComment to
** the organisations whose statements were submitted). */
int workflow_review(Store *s, const Plan *p, const char *zNode,
                    const char *zRound, const char *zProgress, Rating eRating,
                    int iVersion, WorkflowAction eAction, const char *zComment,
                    AppErr *err);

#endif
