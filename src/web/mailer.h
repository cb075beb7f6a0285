/*
** mailer.h — the server's e-mail sender ('serve --smtp URL').
**
** Notifications are written by the use cases into the database with their
** e-mail pending (app/inbox.h); a request never sends anything.  One
** thread of the server, on its own connection, looks every
** MAILER_POLL_SECONDS for e-mails due, takes a batch (inbox_mail_take():
** leased, so another server process on the same database leaves them),
** sends each through libcurl's SMTP (plain text, in the recipient's
** language, a link to the page under --base-url) and records the outcome
** (inbox_mail_done(): sent; failed and tried again after a back-off
** doubling from a minute, LIMIT_MAIL_TRIES times in all).  A recipient who
** removed the address or turned e-mail off since is skipped.  Every
** failure is one line on the server's log naming the notification and the
** recipient, never the SMTP password: it is handed to libcurl apart from
** the URL, which is logged without it.
*/
#ifndef LMPMON_MAILER_H
#define LMPMON_MAILER_H

#include "../base/apperr.h"

typedef struct WebConfig WebConfig;

/* Seconds between two looks at the database for e-mails due. */
#define MAILER_POLL_SECONDS 2

/* Start the thread when cfg names an SMTP server (cfg->zSmtp); else do
** nothing.  zBaseUrl: what links in e-mails start with when cfg has no
** --base-url (the address the server listens on).  Copies what it needs.
** Call with SIGINT and SIGTERM blocked, as web_serve() does. */
int mailer_start(const WebConfig *cfg, const char *zBaseUrl, AppErr *err);

/* Stop the thread after the e-mail it may be sending; accepts being
** called when nothing was started. */
void mailer_stop(void);

#endif
