/*
** complaints_cache.c — the background-refreshed complaints report (see
** complaints_cache.h).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "complaints_cache.h"
#include "web.h"
#include "../base/base.h"
#include "../app/complaints.h"
#include "../store/store.h"
#include "../base/banned.h"

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    pthread_t thread;
    int bRunning, bStop;
    Store *s;            /* the thread's own connection */
    long gen;            /* the register's generation the reports are of */
    CaseReportSet *pSet; /* NULL until there are cases */
} cache = { PTHREAD_MUTEX_INITIALIZER,
            PTHREAD_COND_INITIALIZER,
            (pthread_t)0,
            0,
            0,
            NULL,
            -1,
            NULL };

static void
cache_set_free(CaseReportSet *x)
{
    if (x) {
        case_report_set_release(x);
        free(x);
    }
}

/* Remake the reports if the register changed (in this process or any
** other: the generation is the database's); outside the lock but for the
** swap, so pages keep being served from the old ones meanwhile.  The
** reports come from the database when they are kept there for this
** generation (another server, or an import, made them); counted ones are
** kept there for the others. */
static void
cache_refresh(void)
{
    AppErr err = APPERR_INIT;
    long gen = 0;
    if (store_audit_latest(cache.s, "cases", &gen, &err) || gen == cache.gen) {
        return;
    }
    CaseReportSet *x = xcalloc(1, sizeof *x);
    case_report_set_init(x);
    if (complaints_set_load(cache.s, 1, x, &gen, &err)) {
        cache_set_free(x);
        return;
    }
    case_report_set_finish(x);
    if (!case_report_set_get(x, 0)) {
        cache_set_free(x);
        x = NULL;
    }
    pthread_mutex_lock(&cache.mutex);
    CaseReportSet *old = cache.pSet;
    cache.pSet = x;
    cache.gen = gen;
    pthread_mutex_unlock(&cache.mutex);
    cache_set_free(old);
}

static void *
cache_thread(void *arg)
{
    pthread_mutex_lock(&cache.mutex);
    while (!cache.bStop) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 1;
        (void)pthread_cond_timedwait(&cache.wake, &cache.mutex, &ts);
        if (cache.bStop) {
            break;
        }
        pthread_mutex_unlock(&cache.mutex);
        cache_refresh();
        pthread_mutex_lock(&cache.mutex);
    }
    pthread_mutex_unlock(&cache.mutex);
    return NULL;
}

int
complaints_cache_start(const WebConfig *cfg, AppErr *err)
{
    cache.s = store_open(cfg->zDb, STORE_OPEN_EXISTING, "web", err);
    if (!cache.s) {
        return -1;
    }
    /* Its only write keeps counted reports for others: never worth
    ** waiting for an import. */
    store_set_busy_ms(cache.s, 200);
    cache_refresh();
    cache.bStop = 0;
    if (pthread_create(&cache.thread, NULL, cache_thread, NULL) != 0) {
        return apperr_set(err, APPERR_INTERNAL, "cannot start a thread");
    }
    cache.bRunning = 1;
    return 0;
}

void
complaints_cache_stop(void)
{
    if (cache.bRunning) {
        pthread_mutex_lock(&cache.mutex);
        cache.bStop = 1;
        pthread_cond_signal(&cache.wake);
        pthread_mutex_unlock(&cache.mutex);
        (void)pthread_join(cache.thread, NULL);
        cache.bRunning = 0;
    }
    cache_set_free(cache.pSet);
    cache.pSet = NULL;
    store_close(cache.s);
    cache.s = NULL;
    cache.gen = -1;
}

void
complaints_cache_poke(void)
{
    pthread_mutex_lock(&cache.mutex);
    pthread_cond_signal(&cache.wake);
    pthread_mutex_unlock(&cache.mutex);
}

int
complaints_cache_use(long year, void (*fn)(const CaseReport *, void *),
                     void *pArg)
{
    pthread_mutex_lock(&cache.mutex);
    int rc = -1;
    const CaseReport *r =
        cache.pSet ? case_report_set_get(cache.pSet, year) : NULL;
    if (r) {
        fn(r, pArg);
        rc = 0;
    }
    pthread_mutex_unlock(&cache.mutex);
    return rc;
}

long
complaints_cache_latest_year(void)
{
    pthread_mutex_lock(&cache.mutex);
    long y = 0;
    for (size_t i = 0; cache.pSet && i < cache.pSet->nYear; i++) {
        if (cache.pSet->aYear[i].year > y) {
            y = cache.pSet->aYear[i].year;
        }
    }
    pthread_mutex_unlock(&cache.mutex);
    return y;
}
