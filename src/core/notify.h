/*
** notify.h — who is told what: the kinds of notification, the one table
** saying which users each kind is for, and the words of a notification in
** the inbox and in an e-mail.
**
** A notification is written by the use case whose change it tells of, in
** the same transaction (app/notify.h), so nobody is told of what did not
** happen and nothing that happened goes untold.  Who receives it is
** aNoteRule[] below, asked through notify_tells(); nothing else decides.
** Whether it is also sent by e-mail is the recipient's: an address and
** "e-mail me" (notify_mail_wanted()); how often a failed sending is tried
** again is notify_mail_retry_seconds().  No I/O here.
*/
#ifndef LMPMON_NOTIFY_H
#define LMPMON_NOTIFY_H

#include "codes.h"
#include "model.h"
#include "review.h"
#include <time.h>

#include "../base/buf.h"

/* What happened.  Due soon and overdue are told by the deadline timer
** (notify_deadline(), app/inbox.h inbox_remind()). */
typedef enum NoteKind {
    NOTE_SUBMITTED = 0, /* an organisation submitted its statement */
    NOTE_RESUBMITTED,   /* ... submitted it again after a return */
    NOTE_RETURNED,      /* the officer returned a statement */
    NOTE_ACCEPTED,      /* the officer accepted a statement */
    NOTE_ROUND_OPENED,  /* a round opened for statements */
    NOTE_ROUND_PUBLISHED,
    NOTE_DUE_SOON, /* an organisation's statements are due soon */
    NOTE_OVERDUE,  /* ... and are late */
    NOTE_BUDGET,   /* budget planning closes soon: costs and funding
                   ** of its activities are missing (core/funding.h) */
    NOTE_KIND_COUNT
} NoteKind;

/* Where a notification's e-mail is. */
typedef enum NoteMail {
    NOTE_MAIL_NONE = 0, /* not wanted: no address, or e-mail turned off */
    NOTE_MAIL_PENDING,  /* waiting for the sender */
    NOTE_MAIL_SENT,
    NOTE_MAIL_FAILED, /* the last attempt failed; tried again while
                      ** mail_next is set (notify_mail_retry_seconds()) */
    NOTE_MAIL_COUNT
} NoteMail;

/* Whom a kind is for (bits of NoteRule.to). */
#define NOTE_TO_OFFICERS      1u /* every M&E officer */
#define NOTE_TO_ADMINS        2u /* every administrator */
#define NOTE_TO_ORG_REPORTERS 4u /* the reporters of the organisation named */
#define NOTE_TO_ALL_REPORTERS 8u /* every reporter */

/* One row of the table: a kind and whom it is for. */
typedef struct NoteRule {
    NoteKind eKind;
    unsigned to; /* NOTE_TO_* bits */
} NoteRule;

extern const NoteRule aNoteRule[NOTE_KIND_COUNT];

/* One notification, as stored (store.h store_note_*()). */
typedef struct Note {
    long id;
    char *zUser; /* the recipient's login name */
    NoteKind eKind;
    char *zPlan;
    char *zRound;
    char *zNode;       /* activity code; "" for a round's */
    char *zOrg;        /* the organisation concerned; "" for none */
    char *zActor;      /* who caused it */
    char *zAt;         /* when, UTC "YYYY-MM-DDTHH:MM:SSZ" */
    char *zReadAt;     /* when the recipient read it; NULL: unread */
    NoteMail eMail;    /* its e-mail's state */
    int nTries;        /* e-mail attempts made */
    char *zMailNext;   /* when the sender should (try to) send it; NULL:
                     ** nothing more to send */
    char *zEmail;      /* the recipient's address (read for the sender) */
    int bMail;         /* the recipient wants e-mail (idem) */
    char *zLang;       /* the recipient's language, "" for the default */
    char *zRoundTitle; /* the round's title, read with the note; NULL when
                       ** the round is gone (the sentence names its code) */
} Note;

void note_release(Note *n);
void note_free(Note *a, size_t n); /* a list and its notes; NULL ok */

/* The kind's and the mail state's key ("returned", "pending") and label;
** a key parsed back: 0, or -1 for none of them. */
const char *note_kind_name(NoteKind e);
const char *note_kind_label(NoteKind e);
int note_kind_parse(const char *z, NoteKind *pOut);
const char *note_mail_name(NoteMail e);
int note_mail_parse(const char *z, NoteMail *pOut);
const CodeName *note_code_table(CodeKind k, size_t *pn);

/* Is a user with role eRole and organisation zUserOrg (NULL: none) told of
** a notification of kind k about organisation zOrg ("" for none)?  The
** table's answer; the caller leaves out disabled accounts and the actor
** who caused it (nobody is told of their own act). */
int notify_tells(NoteKind k, Role eRole, const char *zUserOrg,
                 const char *zOrg);

/* How many days before its due date an organisation that still owes
** statements is told they are due soon. */
#define NOTIFY_DUE_SOON_DAYS 3

/* The reminder owed to organisation o of round rd on zToday (YYYY-MM-DD in
** the installation's zone): NOTE_OVERDUE when review_org_overdue();
** NOTE_DUE_SOON when the round is open, o still owes statements and its
** due date is today or within NOTIFY_DUE_SOON_DAYS days; -1 for none.
** For a reminder, zSince (11 bytes) gets the day from which one of its
** kind already given counts (store_note_told()): the due date for overdue,
** NOTIFY_DUE_SOON_DAYS + 1 days before it for due soon (a day's slack for
** the zone: notifications are stamped in UTC).  A due date moved later —
** an extension — so reminds again when the new one comes near or passes. */
int notify_deadline(const Round *rd, const ReviewOrgProgress *o,
                    const char *zToday, char zSince[11]);

/* Is z an e-mail address lmpmon can send to: "local@domain", at most
** LIMIT_EMAIL_BYTES, printable ASCII without spaces, quotes, commas or
** angle brackets (it goes into an SMTP command and a header)? */
int notify_email_ok(const char *z);

/* The e-mail state a new notification starts in for a recipient with
** address zEmail (NULL or "": none) who wants e-mail (bMail). */
NoteMail notify_mail_wanted(const char *zEmail, int bMail);

/* Seconds to wait before the next attempt after nTries failed ones, or
** -1 when LIMIT_MAIL_TRIES have failed: the sender gives up (the
** notification stays in the inbox, marked failed).  Doubles from nBase
** seconds (the sender's: a minute; tests shorten it). */
long notify_mail_retry_seconds(int nTries, long nBase);

/* Is the e-mail of a notification made at zAt (as stored) too old to
** send at now (LIMIT_MAIL_STALE_SECONDS)?  A time that does not parse is
** not too old. */
int notify_mail_stale(const char *zAt, time_t now);

/* The notification in one sentence, in the thread's language: "MOLVT's
** statement on 4.8 (2017) was returned by sok".  Appended to b. */
void notify_sentence(const Note *n, Buf *b);

/* The path of the page it is about ("/activity/4.8?plan=P&round=2017",
** "/round/2017?plan=P"), URL-encoded.  Appended to b. */
void notify_path(const Note *n, Buf *b);

/* An e-mail's subject and plain-text body, in the thread's language: the
** sentence as subject (prefixed "[lmpmon]"), and a body with the sentence,
** the time (zWhen: as people read it) and a link, zBaseUrl (no final
** '/'; "" for none: the path alone) + notify_path().  Appended. */
void notify_mail_text(const Note *n, const char *zWhen, const char *zBaseUrl,
                      Buf *subject, Buf *body);

#endif
