/*
** reminder.c — the server's deadline reminders (see reminder.h).
*/
#include <malloc.h>
#include <stdlib.h>

#include "reminder.h"
#include "http.h"
#include "ticker.h"
#include "web.h"
#include "../app/inbox.h"
#include "../core/funding.h"
#include "../base/base.h"
#include "../base/banned.h"

static struct {
    Ticker ticker;
    char *zDb;
    char *zBudgetClose; /* the budget calendar's closing day, MM-DD */
    long nEvery;        /* seconds between turns */
} reminder;

/* One turn: its own connection (a turn an hour needs none kept open). */
static long
reminder_turn(void *arg)
{
    (void)arg;
    AppErr err = APPERR_INIT;
    /* An actor no account can be named (names have no spaces): reporters
    ** see the reminder, not who sent it, and nobody is left out as "its
    ** own actor". */
    Actor who = { "deadline reminder", ROLE_ADMIN, NULL };
    char zToday[11];
    str_today_local(zToday);
    size_t nTold = 0;
    Store *s = store_open(reminder.zDb, STORE_OPEN_EXISTING, "lmpmon", &err);
    if (!s ||
        inbox_remind(s, &who, zToday, reminder.zBudgetClose, &nTold, &err)) {
        web_log("reminders: %s; the next attempt is in %ld s%s%s%s", err.zMsg,
                reminder.nEvery, err.zDetail[0] ? " [" : "", err.zDetail,
                err.zDetail[0] ? "]" : "");
    } else if (nTold) {
        web_log("reminders: %zu organisation(s) told their statements are "
                "due soon or overdue",
                nTold);
    }
    store_close(s);
    /* The turn read a round of the plan on this thread's own malloc arena,
    ** which glibc keeps for the thread once freed: at 5,000 activities
    ** that held 25 MB for the server's life beside the read model. */
    (void)malloc_trim(0);
    return reminder.nEvery;
}

int
reminder_start(const WebConfig *cfg, AppErr *err)
{
    /* The test suites' servers run on whatever day it is: reminders
    ** there would depend on the calendar (reminder.h). */
    const char *zOff = getenv("LMPMON_REMIND");
    if (zOff && str_eq(zOff, "off")) {
        return 0;
    }
    reminder.zDb = xstrdup(cfg->zDb);
    reminder.zBudgetClose =
        xstrdup(cfg->zBudgetClose ? cfg->zBudgetClose : FUND_BUDGET_CLOSE);
    reminder.nEvery = REMINDER_SECONDS;
    long n = 0;
    if (str_to_long(getenv("LMPMON_REMIND_SECONDS"), 1, REMINDER_SECONDS, &n) ==
        0) {
        reminder.nEvery = n;
    }
    /* The first turn a minute after start (sooner when turns come
    ** sooner: the tests'), not at once: the first requests load the read
    ** model then, and a turn reading a round beside them doubled the
    ** server's peak memory (127 MB at 5,000 activities, 79 without). */
    long nFirst = reminder.nEvery < REMINDER_FIRST_SECONDS
                      ? reminder.nEvery
                      : REMINDER_FIRST_SECONDS;
    if (ticker_start(&reminder.ticker, nFirst, reminder_turn, NULL)) {
        free(reminder.zDb);
        reminder.zDb = NULL;
        return apperr_set(err, APPERR_INTERNAL, "cannot start a thread");
    }
    return 0;
}

void
reminder_stop(void)
{
    ticker_stop(&reminder.ticker);
    free(reminder.zDb);
    free(reminder.zBudgetClose);
    reminder.zDb = reminder.zBudgetClose = NULL;
}
