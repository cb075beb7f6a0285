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
#include "../store/store.h"
#include "../base/banned.h"

/* The reports of one refresh: all years, and each year lodged. */
typedef struct CacheSet {
    CaseReport all;
    struct {
        long year;
        CaseReport rep;
    } *aYear;
    size_t nYear, nYearAlloc;
} CacheSet;

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    pthread_t thread;
    int bRunning, bStop;
    Store *s;            /* the thread's own connection */
    long gen;            /* audit id the reports were made at */
    CacheSet *pSet;      /* NULL until there are cases */
} cache = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
            (pthread_t)0, 0, 0, NULL, -1, NULL };

static void
cache_set_free(CacheSet *x)
{
    if (!x) {
        return;
    }
    case_report_release(&x->all);
    for (size_t i = 0; i < x->nYear; i++) {
        case_report_release(&x->aYear[i].rep);
    }
    free(x->aYear);
    free(x);
}

/* Count a case in the all-years report and in its year's, in one pass. */
static int
cache_add(void *pArg, const Case *c, const CasePerson *who)
{
    CacheSet *x = pArg;
    case_report_add(&x->all, c);
    long y = (c->zLodged[0] - '0') * 1000 + (c->zLodged[1] - '0') * 100 +
             (c->zLodged[2] - '0') * 10 + (c->zLodged[3] - '0');
    size_t i = 0;
    while (i < x->nYear && x->aYear[i].year != y) {
        i++;
    }
    if (i == x->nYear) {
        xgrow((void **)&x->aYear, &x->nYearAlloc, x->nYear, sizeof *x->aYear);
        x->aYear[i].year = y;
        case_report_init(&x->aYear[i].rep);
        x->nYear++;
    }
    case_report_add(&x->aYear[i].rep, c);
    return 0;
}

/* Remake the report if the register changed; outside the lock but for
** the swap, so pages keep being served from the old one meanwhile. */
static void
cache_refresh(void)
{
    AppErr err = APPERR_INIT;
    long gen = 0;
    if (store_audit_latest(cache.s, "cases", &gen, &err) || gen == cache.gen) {
        return;
    }
    CacheSet *x = xcalloc(1, sizeof *x);
    case_report_init(&x->all);
    if (store_case_scan(cache.s, NULL, NULL, 0, cache_add, x, &err)) {
        cache_set_free(x);
        return;
    }
    case_report_finish(&x->all);
    for (size_t i = 0; i < x->nYear; i++) {
        case_report_finish(&x->aYear[i].rep);
    }
    if (x->all.anCell[DIM_ALL] == 0) {
        cache_set_free(x);
        x = NULL;
    }
    pthread_mutex_lock(&cache.mutex);
    CacheSet *old = cache.pSet;
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
        ts.tv_sec += 2;
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
    const CacheSet *x = cache.pSet;
    if (x && year == 0) {
        fn(&x->all, pArg);
        rc = 0;
    }
    for (size_t i = 0; x && year && i < x->nYear && rc; i++) {
        if (x->aYear[i].year == year) {
            fn(&x->aYear[i].rep, pArg);
            rc = 0;
        }
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
