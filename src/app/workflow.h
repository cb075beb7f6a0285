/*
** workflow.h — the review round's use cases: open and move rounds, write
** a statement, review an activity.
**
** A round goes draft → open → closed → published (closed may reopen;
** published is final and locks the round; the table is core/rules.c).  In
** an open round a reporter writes its organisation's statement and a
** proposed rating on each activity the organisation is linked to, saves
** drafts and submits; the M&E officer merges statements into the
** activity's narrative, sets the rating, and approves or returns with a
** comment.
**
** Every function here is one use case and owns its transaction: it begins
** the write transaction, reads what the rules need inside it, asks
** core/rules.h, and writes with the versions it read (guarded in the SQL).
** A form's version that no longer matches is APPERR_CONFLICT and nothing
** is written; the CLI and the web call these and check nothing themselves.
*/
#ifndef LMPMON_WORKFLOW_H
#define LMPMON_WORKFLOW_H

#include "../base/buf.h"
#include "../core/rules.h"
#include "../store/store.h"

/* Open round zRound of plan zPlan (NULL: the first plan): create it when
** it does not exist (bMustBeNew refuses an existing one), or move a draft
** or closed round to open; give every activity without an assessment in
** it a draft one whose action point is the latest earlier wording (or the
** activity's text).  zTitle and zAsOf may be NULL or "" (kept, or
** "CODE review" for a new round); zDue, NULL or "" keeps the due date,
** a date sets it (rules_due_check()). */
int workflow_open_round(Store *s, const Actor *who, const char *zPlan,
                        const char *zRound, const char *zTitle,
                        const char *zAsOf, const char *zDue, int bMustBeNew,
                        AppErr *err);

/* Move round zRound of plan zPlan to eState, as core/rules.c's table
** allows; moving to open is workflow_open_round() (without title or date
** changes), so an opened round always has its activities. */
int workflow_set_round_state(Store *s, const Actor *who, const char *zPlan,
                             const char *zRound, RoundState eState,
                             AppErr *err);

/* Reopen published round zRound of plan zPlan (NULL: the first plan) for
** a correction, as core's rules_round_may_correct() allows: the round goes
** back to closed and zReason goes into the audit trail (entity "round",
** field "correction"), from which workflow_round_amendments() tells the
** report's readers. */
int workflow_correct_round(Store *s, const Actor *who, const char *zPlan,
                           const char *zRound, const char *zReason,
                           AppErr *err);

/* The corrections made to round zRound of plan zPlan after it was first
** published, oldest first, one sentence each in the thread's language
** ("Amended after publication on 3 January 2019 10:04 +07 by admin: ...").
** *pazOut: free each and the array. */
int workflow_round_amendments(Store *s, const char *zPlan, const char *zRound,
                              char ***pazOut, size_t *pnOut, AppErr *err);

/* Save chapter eKind of round zRound of plan zPlan (NULL: the first
** plan): its English text zText and Khmer text zTextKm, each NULL to keep
** the stored one ("" empties it), as core's rules_chapter_may_write()
** allows and its Markdown subset accepts (md_parse(); APPERR_INPUT naming
** the line and the language).  iVersion is the chapter's version the
** writer read (0: it had none); a chapter saved since is not overwritten
** (APPERR_CONFLICT naming who saved it and when); -1 writes over the
** stored one (the CLI, which reads nothing first).  One write
** transaction; audited per field (entity "chapter"). */
int workflow_save_chapter(Store *s, const Actor *who, const char *zPlan,
                          const char *zRound, ChapterKind eKind,
                          const char *zText, const char *zTextKm, int iVersion,
                          AppErr *err);

/* Set the due date of round zRound of plan zPlan (NULL: the first plan)
** to zDue (YYYY-MM-DD; NULL or "": none), as core's
** rules_round_may_schedule() and rules_due_check() allow.  zWasDue is the
** due date the user's form showed ("": none; NULL: not checked, the
** CLI's): when the stored one differs, someone changed it meanwhile and
** nothing is written (APPERR_CONFLICT). */
int workflow_set_round_due(Store *s, const Actor *who, const char *zPlan,
                           const char *zRound, const char *zDue,
                           const char *zWasDue, AppErr *err);

/* Grant or change (zDue a date) or remove (zDue NULL) organisation zOrg's
** (acronym, alias or full name; an unknown one is refused with the closest
** names) extension in round zRound of plan zPlan, for zReason (required for a
** grant or change; a removal without one keeps the last), as core's
** rules_extension_may() allows.  iVersion is the extension's version the
** user's form showed (0: it had none); -1 takes whatever is stored (the
** CLI's).  A stale version is APPERR_CONFLICT and nothing is written. */
int workflow_extend(Store *s, const Actor *who, const char *zPlan,
                    const char *zRound, const char *zOrg, const char *zDue,
                    const char *zReason, int iVersion, AppErr *err);

/* What a reporter sends: its organisation's statement on one activity. */
typedef struct StatementEdit {
    const char *zPlan; /* NULL: the first plan */
    const char *zNode; /* activity code */
    const char *zRound;
    const char *zText;
    Rating eProposed;
    int iVersion;           /* statement version the form showed; 0: none */
    WorkflowAction eAction; /* WF_SAVE or WF_SUBMIT */
} StatementEdit;

/* Save or submit who's organisation's statement.  Submitting puts the
** activity in the officer's queue (state submitted); submitting, or saving
** a submitted statement back to draft, bumps the activity's version, so a
** review form built before cannot approve text that changed. */
int workflow_save_statement(Store *s, const Actor *who, const StatementEdit *e,
                            AppErr *err);

/* What an M&E officer sends: the review of one activity. */
typedef struct ReviewEdit {
    const char *zPlan; /* NULL: the first plan */
    const char *zNode;
    const char *zRound;
    const char *zProgress; /* the narrative */
    Rating eRating;
    int iVersion;           /* assessment version the form showed */
    WorkflowAction eAction; /* WF_SAVE, WF_APPROVE or WF_RETURN */
    const char *zComment;   /* to the organisations, for a return */
} ReviewEdit;

/* Save, approve or return the activity: narrative and rating; approving
** accepts the statements waiting for the officer, returning returns them
** with the comment added to each one's thread. */
int workflow_review(Store *s, const Actor *who, const ReviewEdit *e,
                    AppErr *err);

/* What is done to one organisation's statement: accepted or returned by
** the officer, or a comment added to its thread (a reporter's reply). */
typedef struct StmtReviewEdit {
    const char *zPlan; /* NULL: the first plan */
    const char *zNode; /* activity code */
    const char *zRound;
    const char *zOrg;     /* whose statement */
    StmtAction eAction;   /* STMT_ACT_ACCEPT, _RETURN or _COMMENT */
    const char *zComment; /* "" for none; needed to return or comment */
    int iVersion;         /* statement version the form showed */
} StmtReviewEdit;

/* Accept or return organisation e->zOrg's statement, or comment on it —
** one statement: the other organisations' stay as they are.  The comment
** goes to the statement's thread with who and when; accepting or
** returning is conditional on e->iVersion (APPERR_CONFLICT, nothing
** written) and moves the activity's version, so its review form built
** before must be reloaded. */
int workflow_review_statement(Store *s, const Actor *who,
                              const StmtReviewEdit *e, AppErr *err);

/* Read activity zNode of plan zPlan (NULL: the first) into *m (empty)
** with its statements' threads and submitted versions, as who may see
** them (core/rules.h rules_statement_may_read()): a reporter keeps only
** its own organisation's statements; an actor who may read none keeps the
** statements without threads or versions.  *ppNode: the activity, owned
** by *m (NULL when there is no such activity: not an error).  Free *m
** with model_release(), also after an error. */
int workflow_activity_threads(Store *s, const Actor *who, const char *zPlan,
                              const char *zNode, Model *m, Node **ppNode,
                              AppErr *err);

/* A file who attaches to its organisation's statement on activity zNode
** of plan zPlan (NULL: the first) in round zRound: p[0..n) named zName
** (the name as uploaded, without directories). */
typedef struct AttachEdit {
    const char *zPlan;
    const char *zNode;
    const char *zRound;
    const char *zName;
    const void *p;
    size_t n;
} AttachEdit;

/* Attach e's file to who's organisation's statement, which must exist and
** be a draft or returned to its reporter, in an open round: its media type
** is found from its bytes (core/attach.h) and must be one accepted; size
** and count are held to LIMIT_ATTACH_BYTES and LIMIT_ATTACH_PER_STATEMENT
** (core/rules.h rules_attachment_may_add()).  Audited. */
int workflow_attach(Store *s, const Actor *who, const AttachEdit *e,
                    AppErr *err);

/* Remove attachment iId of a statement on activity zNode: only who
** attached it, while the statement is a draft or returned and its round
** open (rules_attachment_may_delete()).  APPERR_NOTFOUND when there is no
** such attachment on zNode.  Audited. */
int workflow_attachment_remove(Store *s, const Actor *who, const char *zNode,
                               long iId, AppErr *err);

/* Read attachment iId of a statement on activity zNode whole into *f
** (release with store_attach_file_release(), also after an error), for
** who may read that organisation's statements (rules_statement_may_read():
** officers, administrators, the organisation's reporters); APPERR_NOTFOUND
** when there is none on zNode, APPERR_FORBIDDEN for anyone else. */
int workflow_attachment_read(Store *s, const Actor *who, const char *zNode,
                             long iId, StoreAttachFile *f, AppErr *err);

/* The narrative composed from the statements of assessment a: "ORG: text"
** paragraphs in statement order, from each accepted statement's text (an
** accepted statement cannot change, so this is the text the officer
** accepted) and, with bWaiting, from each statement waiting for review
** too (the officer's review form: approving it accepts them as shown).
** Never a draft, nor a returned text its reporter is replacing.
** Appended to b. */
void workflow_narrative_draft(const Assessment *a, int bWaiting, Buf *b);

#endif
