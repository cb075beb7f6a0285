/*
** ticker.c — a thread that does one thing now and then (see ticker.h).
*/
#include <errno.h>
#include <string.h>
#include <time.h>

#include "ticker.h"
#include "../base/banned.h"

static void *
ticker_thread(void *p)
{
    Ticker *t = p;
    struct timespec due;
    clock_gettime(CLOCK_MONOTONIC, &due);
    due.tv_sec += t->nFirst;
    pthread_mutex_lock(&t->mutex);
    while (!t->bStop) {
        int rc = 0;
        while (!t->bStop && rc != ETIMEDOUT) {
            rc = pthread_cond_timedwait(&t->wake, &t->mutex, &due);
        }
        if (t->bStop) {
            break;
        }
        pthread_mutex_unlock(&t->mutex);
        long nNext = t->xTick(t->arg);
        clock_gettime(CLOCK_MONOTONIC, &due);
        due.tv_sec += nNext > 0 ? nNext : 0;
        pthread_mutex_lock(&t->mutex);
    }
    pthread_mutex_unlock(&t->mutex);
    return NULL;
}

int
ticker_start(Ticker *t, long nFirst, TickFn xTick, void *arg)
{
    memset(t, 0, sizeof *t);
    pthread_condattr_t attr;
    (void)pthread_condattr_init(&attr);
    (void)pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    (void)pthread_cond_init(&t->wake, &attr);
    (void)pthread_condattr_destroy(&attr);
    (void)pthread_mutex_init(&t->mutex, NULL);
    t->nFirst = nFirst;
    t->xTick = xTick;
    t->arg = arg;
    if (pthread_create(&t->thread, NULL, ticker_thread, t) != 0) {
        (void)pthread_cond_destroy(&t->wake);
        (void)pthread_mutex_destroy(&t->mutex);
        return -1;
    }
    t->bRunning = 1;
    return 0;
}

void
ticker_stop(Ticker *t)
{
    if (!t->bRunning) {
        return;
    }
    pthread_mutex_lock(&t->mutex);
    t->bStop = 1;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->mutex);
    (void)pthread_join(t->thread, NULL);
    (void)pthread_cond_destroy(&t->wake);
    (void)pthread_mutex_destroy(&t->mutex);
    t->bRunning = 0;
}
