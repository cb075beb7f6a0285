/*
** rules.h — the rules of the review workflow, each written once.
**
** The use cases in app/ read the current data inside their transaction and
** ask these functions whether the actor may do what it asks; the web pages
** ask the same functions which buttons and forms to show.  Nothing else
** decides.  No I/O here: each function looks only at what it is given and
** fills an AppErr with a message a user can act on.
**
** The round's life is a table (aRoundMove): draft → open → closed →
** published, and closed → open to reopen.  Published is final.
*/
#ifndef LMPMON_RULES_H
#define LMPMON_RULES_H

#include "model.h"
#include "../base/apperr.h"

/* One permitted move of a round's state, with the word for its button. */
typedef struct RoundMove {
    RoundState eFrom;
    RoundState eTo;
    const char *zVerb;    /* "open", "close", "reopen", "publish" */
    const char *zLabel;   /* its button: "Open", "Close", ... */
    const char *zWarning; /* what it does that is hard to undo, which the
                         ** user confirms first; NULL: nothing to confirm */
} RoundMove;

extern const RoundMove aRoundMove[];
extern const size_t nRoundMove;

/* The move from eFrom to eTo, or NULL when the table has none. */
const RoundMove *rules_round_move(RoundState eFrom, RoundState eTo);

/* May who move round r (NULL: it does not exist) to eTo?  Only M&E
** officers and admins move rounds; a published round never changes. */
/* May who create plan zCode from plan zFrom (plan succession)?  Only M&E
** officers and administrators (APPERR_FORBIDDEN); zCode must be a code
** (not empty, no '/' or space, at most LIMIT_CODE_BYTES - 1 bytes;
** APPERR_INPUT), differ from zFrom, and bExists (a plan zCode is stored
** already) refuses it (APPERR_CONFLICT). */
int rules_plan_may_succeed(const Actor *who, const char *zFrom,
                           const char *zCode, int bExists, AppErr *err);

/* May who set to zNew the Khmer of a name or text (a plan's title, an
** organisation's name, a node's text or indicator) whose stored Khmer is
** zStored, from a form made when it was zWas?  Only M&E officers and
** administrators (APPERR_FORBIDDEN); zNew at most LIMIT_FIELD_BYTES bytes
** of UTF-8 (APPERR_INPUT); zWas other than zStored (NULL and "" alike):
** someone changed it since the form was made (APPERR_CONFLICT, naming
** what it says now).  A translation is an audited edit of what is stored,
** never a new revision of anything: it does not change what is meant. */
int rules_translation_may(const Actor *who, const char *zStored,
                          const char *zWas, const char *zNew, AppErr *err);

int rules_round_may_move(const Actor *who, const Round *r, RoundState eTo,
                         AppErr *err);

/* May who reopen published round r for a correction, for zReason?  An
** administrator's (APPERR_FORBIDDEN), of a published round
** (APPERR_CONFLICT), saying what is corrected (APPERR_INPUT): the
** published report shows it. */
int rules_round_may_correct(const Actor *who, const Round *r,
                            const char *zReason, AppErr *err);

/* May who set round r's due date or grant, change or remove an
** organisation's extension in it?  M&E officers and admins, in a round
** that is not published (APPERR_FORBIDDEN, APPERR_CONFLICT). */
int rules_round_may_schedule(const Actor *who, const Round *r, AppErr *err);

/* May who write round r's chapters (core/chapter.h)?  M&E officers and
** administrators (APPERR_FORBIDDEN), in a round that is not published
** (APPERR_CONFLICT): a published review's text changes only after an
** administrator reopens it for a correction (rules_round_may_correct()),
** and then the report says it was amended. */
int rules_chapter_may_write(const Actor *who, const Round *r, AppErr *err);

/* Is zDue a due date as typed: NULL or "" (none) or a date YYYY-MM-DD
** that exists?  APPERR_INPUT naming what was given otherwise. */
int rules_due_check(const char *zDue, AppErr *err);

/* May who give organisation zOrg of m's directory the extension zDue
** (NULL: remove it) in round r, for zReason?  As
** rules_round_may_schedule(), and the organisation must be in the
** directory, the date valid, a grant or change must say why
** (APPERR_INPUT), and a removal needs an extension to remove. */
int rules_extension_may(const Actor *who, const Model *m, const Round *r,
                        const char *zOrg, const char *zDue, const char *zReason,
                        AppErr *err);

/* What a reporter's or an officer's action does. */
typedef enum WorkflowAction {
    WF_SAVE = 0, /* keep as draft (reporter) / save edits (officer) */
    WF_SUBMIT,   /* reporter: hand the statement to the M&E officer */
    WF_APPROVE,  /* officer: accept narrative, rating and statements */
    WF_RETURN    /* officer: send statements back with a comment */
} WorkflowAction;

/* Is organisation zOrg responsible for or contributing to n? */
int rules_node_links_org(const Node *n, const char *zOrg);

/* May who write its organisation's statement on activity n of round r,
** whose current assessment is a and whose current statement (NULL when
** none) is old?  iVersion is the statement version the user's form was
** built from (0: there was none).  Checks role, organisation link, round
** state, approval, length, and the version (a statement written by
** someone else since the form was built is a conflict). */
int rules_statement_may_write(const Actor *who, const Node *n, const Round *r,
                              const Statement *old, const char *zText,
                              int iVersion, AppErr *err);

/* May who review (save, approve or return) assessment a of activity zNode
** in round r?  iVersion is the assessment version the form was built
** from: any change since — a new or resubmitted statement included — is a
** conflict, so what is approved is what the officer saw.  Approving a
** narrative that keeps the text of a statement's version its organisation
** has replaced since (rules_narrative_replaced(): a's statements' versions
** must have been read) is a conflict too: replaced text is never
** published. */
int rules_review_may(const Actor *who, const char *zNode, const Round *r,
                     const Assessment *a, int iVersion, WorkflowAction e,
                     const char *zProgress, Rating eRating,
                     const char *zComment, AppErr *err);

/* The assessment state after a statement is submitted: the activity waits
** for the officer's review, whatever state it was in. */
AssessState rules_state_after_submit(AssessState eNow);

/* A statement's state after its reporter saves (WF_SAVE) or submits
** (WF_SUBMIT) it; bOld: there was a statement, in state eOld.  A
** submission after a return is 'resubmitted'; a returned (or resubmitted,
** taken back) statement saved as a draft stays 'returned' until it is
** submitted again. */
StmtState rules_statement_after_write(int bOld, StmtState eOld,
                                      WorkflowAction e);

/* What is done to one organisation's statement (workflow_review_statement()):
** the officer accepts it or returns it, or anyone who may read its thread
** adds a comment. */
typedef enum StmtAction {
    STMT_ACT_ACCEPT = 0, /* officer: the text is final */
    STMT_ACT_RETURN,     /* officer: back to the organisation, with why */
    STMT_ACT_COMMENT     /* a comment only (a reporter's reply) */
} StmtAction;

/* Does statement st wait for the officer (submitted or resubmitted)? */
int rules_statement_waiting(const Statement *st);

/* Does narrative zNarrative keep text the reporter has replaced?  The
** first statement of a with a submitted version (a->aStmt[k].aVer, read
** with the threads) whose text differs from the statement's text now,
** is found word for word in zNarrative and not in the text now; NULL when
** none (or the versions were not read).  *piVer: that version's index in
** its aVer.  The officer's composer shows it instead of keeping it
** silently. */
const Statement *rules_narrative_replaced(const Assessment *a,
                                          const char *zNarrative,
                                          size_t *piVer);

/* Is who an editor of the review — an M&E officer or an administrator,
** who reads and reviews every organisation's statements? */
int rules_is_editor(const Actor *who);

/* Does who see the complaints register's small figures — cells of fewer
** than CASE_SUPPRESS_BELOW cases (core/cases.h)?  Administrators, M&E
** officers and case officers; viewers, reporters and the public see
** them suppressed, on every page and report that counts the register. */
int rules_sees_small_cells(const Actor *who);

/* May who read the officer's narrative of assessment a in round r?  Until
** it is approved (or the round published) it is the officer's draft,
** which may quote organisations' statements a reporter may not read:
** M&E officers and administrators only.  Once approved, everyone who reads
** the activity. */
int rules_narrative_may_read(const Actor *who, const Round *r,
                             const Assessment *a);

/* May who read organisation zOrg's statements' threads and versions?
** Officers and administrators read every organisation's; a reporter only
** its own organisation's; nobody else any. */
int rules_statement_may_read(const Actor *who, const char *zOrg);

/* May who do e to statement st (organisation st->zOrg) on activity n of
** round r?  iVersion is the statement version the form showed: accepting
** or returning a statement changed since is a conflict.  Accept and
** return are the officer's, on a waiting statement, in an open or closed
** round; a return needs a comment.  A comment alone is the officer's or
** the organisation's reporter's, and needs text.  Nothing in a published
** round. */
int rules_statement_may_review(const Actor *who, const Node *n, const Round *r,
                               const Statement *st, int iVersion, StmtAction e,
                               const char *zComment, AppErr *err);

/* May who attach a file of media type zType (attach_type_of(): NULL when
** it is none accepted) named zName, nBytes long, to statement st (NULL:
** none saved yet) of activity n in round r?  The organisation's reporter
** attaches while the round is open and the statement is being written (a
** draft, or returned to it), at most LIMIT_ATTACH_PER_STATEMENT files of
** at most LIMIT_ATTACH_BYTES each. */
int rules_attachment_may_add(const Actor *who, const Node *n, const Round *r,
                             const Statement *st, const char *zName,
                             const char *zType, size_t nBytes, AppErr *err);

/* May who remove attachment f of statement st in round r?  Only who
** attached it, while the round is open and the statement a draft or
** returned to its reporter. */
int rules_attachment_may_delete(const Actor *who, const Round *r,
                                const Statement *st, const StmtAttachment *f,
                                AppErr *err);

/* The state a statement in eNow goes to by e (a comment: unchanged). */
StmtState rules_statement_after_review(StmtState eNow, StmtAction e);

#endif
