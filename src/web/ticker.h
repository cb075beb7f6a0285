/*
** ticker.h — a thread that does one thing now and then: the server's
** scheduled backups (backup_timer.c), e-mails (mailer.c) and deadline
** reminders (reminder.c) each run on one.
**
** The thread waits on the monotonic clock, so a change of the wall clock
** neither skips nor repeats a turn, and ticker_stop() wakes it at once.
** The work function says how long to wait before its next turn.
*/
#ifndef LMPMON_TICKER_H
#define LMPMON_TICKER_H

#include <pthread.h>

/* One turn of work; returns the seconds to wait before the next (0: at
** once). */
typedef long (*TickFn)(void *arg);

typedef struct Ticker {
    pthread_mutex_t mutex;
    pthread_cond_t wake; /* signalled to stop; waits on CLOCK_MONOTONIC */
    pthread_t thread;
    int bRunning; /* the thread was started */
    int bStop;    /* ticker_stop() was called */
    long nFirst;  /* seconds before the first turn */
    TickFn xTick;
    void *arg;
} Ticker;

/* Start t's thread: xTick(arg) nFirst seconds from now, then again after
** the seconds each turn returns.  0, or -1 when no thread could start. */
int ticker_start(Ticker *t, long nFirst, TickFn xTick, void *arg);

/* Stop t's thread, waiting for a turn in progress to end.  Harmless on a
** ticker never started (t zeroed) or stopped already. */
void ticker_stop(Ticker *t);

#endif
