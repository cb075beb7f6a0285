/*
** inbox.h — notifications: telling people what happened (core/notify.h
** says whom), their inbox, and the e-mails' bookkeeping for the sender
** (web/mailer.c sends them).
**
** inbox_tell() runs inside the transaction of the use case whose change
** it tells of (workflow.c calls it), so a rolled-back change tells nobody
** and a committed one has told everyone it should.  The others are use
** cases of their own, each owning its transaction.
*/
#ifndef LMPMON_INBOX_H
#define LMPMON_INBOX_H

#include "../core/notify.h"
#include "../store/store.h"

/* Inside the caller's write transaction: add a notification of kind k
** (plan zPlan, round zRound, activity zNode or "", organisation zOrg or
** "") for every enabled account aNoteRule[] names, but who itself, with
** its e-mail pending when the account has an address and wants e-mail. */
int inbox_tell(Store *s, const Actor *who, NoteKind k, const char *zPlan,
               const char *zRound, const char *zNode, const char *zOrg,
               AppErr *err);

/* The deadline reminders' use case: on zToday (YYYY-MM-DD in the
** installation's zone), tell the reporters of every organisation that
** still owes statements in an open round that they are due soon or
** overdue (core/notify.h notify_deadline()), unless someone was told so
** already since that due date came near or passed (store_note_told()):
** run it as often as you like, from as many servers as share the
** database.  Reads the open rounds first, then one write transaction per
** round that has a due date.  who is the timer (an administrator's
** rights; nobody is told of their own act, so not an account's name).
** With zBudgetClose (the budget calendar's closing day, "07-01"; NULL:
** none), in the month before it also the reporters of each organisation
** responsible for activities without an estimated cost in the round each
** plan's budget is planned for (core/funding.h), once a year.
** *pnTold (may be NULL): organisations whose reporters were reminded
** (one without a reporter's account has nobody to tell). */
int inbox_remind(Store *s, const Actor *who, const char *zToday,
                 const char *zBudgetClose, size_t *pnTold, AppErr *err);

/* who's newest notifications (at most LIMIT_INBOX_ROWS), newest first:
** nobody reads another's.  *paOut allocated: note_free(). */
int inbox_list(Store *s, const Actor *who, Note **paOut, size_t *pnOut,
               AppErr *err);

/* Mark who's notification id read (0: all of who's unread ones); another
** account's notification is never touched (nothing changes).  *pnChanged
** (may be NULL): how many were marked. */
int inbox_mark_read(Store *s, const Actor *who, long id, long *pnChanged,
                    AppErr *err);

/* Set account zUser's e-mail address (NULL or "": none; else it must pass
** notify_email_ok()), whether it wants e-mail (bMail; -1: as it was), and
** its e-mails' language ("", "en" or "km"; NULL: as it was).  Users set
** their own; an administrator anyone's.  Audited as the account's email,
** mail and language. */
int inbox_set_email(Store *s, const Actor *who, const char *zUser,
                    const char *zEmail, int bMail, const char *zLang,
                    AppErr *err);

/* The sender's side.  Take at most LIMIT_MAIL_BATCH e-mails due now: in
** one transaction they are read and their next attempt moved
** LIMIT_MAIL_LEASE_SECONDS on, so no other sender (another server process
** on the database) takes them while this one sends.  *paOut: note_free(). */
int inbox_mail_take(Store *s, Note **paOut, size_t *pnOut, AppErr *err);

/* Record how sending n went: sent, not wanted any more (the recipient
** removed the address or turned e-mail off since: bSkip), or failed — then
** tried again after notify_mail_retry_seconds() with nRetryBase, or given
** up (failed, no next attempt; also when nRetryBase is negative: the
** e-mail is too old to send, notify_mail_stale()). */
int inbox_mail_done(Store *s, const Note *n, int bSent, int bSkip,
                    long nRetryBase, AppErr *err);

#endif
