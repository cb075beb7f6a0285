/*
** reminder.h — the server's deadline reminders.
**
** While the server runs, one thread (ticker.h) asks inbox_remind()
** REMINDER_FIRST_SECONDS after start and then every REMINDER_SECONDS: the reporters of organisations
** that still owe statements in an open round are told when they are due
** within NOTIFY_DUE_SOON_DAYS days and again when they are overdue, in the
** inbox and by e-mail when they want it.  Each is told once per due date
** however many servers share the database (inbox_remind() says why), so
** the hour is only how late a reminder may come.  An installation with
** no server running can run 'lmpmon round remind' from cron instead.
*/
#ifndef LMPMON_REMINDER_H
#define LMPMON_REMINDER_H

#include "../base/apperr.h"

typedef struct WebConfig WebConfig;

/* Seconds between two turns (LMPMON_REMIND_SECONDS, 1 to 3600, for
** tests).  LMPMON_REMIND=off starts no thread: the test suites' servers
** set it, so that what they are told does not depend on the day they run
** (a budget reminder every June); tests/http/t_reminders.sh turns it on. */
#define REMINDER_SECONDS 3600

/* Seconds from start to the first turn (or REMINDER_SECONDS when fewer):
** after the first requests have loaded the read model, not beside them. */
#define REMINDER_FIRST_SECONDS 60

/* Start the thread; fails only when it cannot be made.  Copies what it
** needs of cfg. */
int reminder_start(const WebConfig *cfg, AppErr *err);

/* Stop it, after a turn in progress; harmless when not started. */
void reminder_stop(void);

#endif
