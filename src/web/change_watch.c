/*
** change_watch.c — the generation of what this server read (see
** change_watch.h).
*/
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "change_watch.h"
#include "http.h"
#include "../base/base.h"
#include "../store/store.h"
#include "../base/banned.h"

/* How long one wait lasts, so that stopping is noticed; how often the
** data version is compared besides (a connection can die silently, with no
** error on the socket for as long as TCP takes to notice, and nothing
** announced meanwhile would be heard); the pause before a lost connection
** is made again. */
#define WATCH_WAIT_MS  500
#define WATCH_CHECK_MS 1000
#define WATCH_RETRY_MS 1000

static struct {
    const WebConfig *cfg;
    pthread_t thread;
    int bRunning;
    atomic_int bStop;
    atomic_int bTrusted;      /* the watch is established */
    atomic_ulong gen;         /* moves with every change; never 0 */
    pthread_mutex_t mu;       /* guards the two below */
    unsigned long versionGen; /* the generation iVersion was read under */
    long iVersion;
} watch = { .gen = 1, .mu = PTHREAD_MUTEX_INITIALIZER };

void
change_watch_moved(void)
{
    unsigned long g = atomic_fetch_add(&watch.gen, 1) + 1;
    if (g == 0) { /* wrapped: 0 means "trust nothing" */
        atomic_fetch_add(&watch.gen, 1);
    }
}

unsigned long
change_watch_generation(void)
{
    return atomic_load(&watch.bTrusted) ? atomic_load(&watch.gen) : 0;
}

int
change_watch_version(unsigned long gen, long *pOut)
{
    if (!gen) {
        return 0;
    }
    pthread_mutex_lock(&watch.mu);
    int bKept = watch.versionGen == gen;
    if (bKept) {
        *pOut = watch.iVersion;
    }
    pthread_mutex_unlock(&watch.mu);
    return bKept;
}

void
change_watch_keep_version(unsigned long gen, long v)
{
    if (!gen) {
        return;
    }
    pthread_mutex_lock(&watch.mu);
    watch.versionGen = gen;
    watch.iVersion = v;
    pthread_mutex_unlock(&watch.mu);
}

static void
watch_sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    (void)nanosleep(&ts, NULL);
}

/* Distrust first, then move: a reader that saw the old generation while
** trusted keeps nothing past this point. */
static void
watch_distrust(void)
{
    atomic_store(&watch.bTrusted, 0);
    change_watch_moved();
}

static long
watch_now_ms(void)
{
    struct timespec ts;
    (void)clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One round of the watch on s: 0 while it holds, -1 with err filled when
** the connection failed (or the backend cannot watch: APPERR_USAGE). */
static int
watch_round(Store *s, long *pVersion, long *pChecked, AppErr *err)
{
    int rc = store_watch(s, WATCH_WAIT_MS, err);
    if (rc < 0) {
        return -1;
    }
    if (rc > 0) {
        change_watch_moved();
    }
    long now = watch_now_ms();
    if (rc > 0 || now - *pChecked >= WATCH_CHECK_MS) {
        /* After a notification the version is only noted: the change it
        ** announced is not to be heard of twice. */
        long v = 0;
        if (store_data_version(s, &v, err)) {
            return -1;
        }
        if (v != *pVersion && rc == 0) {
            change_watch_moved(); /* changed, and not heard of */
        }
        *pVersion = v;
        *pChecked = now;
    }
    return 0;
}

static void *
watch_thread(void *pArg)
{
    (void)pArg;
    const WebConfig *cfg = watch.cfg;
    Store *s = NULL;
    long iVersion = -1, checked = 0;
    while (!atomic_load(&watch.bStop)) {
        AppErr err = APPERR_INIT;
        if (!s) {
            s = store_open(cfg->zDb, STORE_OPEN_EXISTING, "web", &err);
            iVersion = -1;
            checked = 0;
        }
        if (s && watch_round(s, &iVersion, &checked, &err) == 0) {
            atomic_store(&watch.bTrusted, 1);
            continue;
        }
        watch_distrust();
        if (err.code == APPERR_USAGE) {
            break; /* SQLite: other processes write its file unannounced */
        }
        web_log("watching for changes: %s (%s); pages read the database "
                "each time meanwhile",
                err.zMsg, err.zDetail);
        store_close(s);
        s = NULL;
        watch_sleep_ms(WATCH_RETRY_MS);
    }
    watch_distrust();
    store_close(s);
    return NULL;
}

int
change_watch_start(const WebConfig *cfg, AppErr *err)
{
    atomic_store(&watch.bStop, 0);
    watch.cfg = cfg;
    if (pthread_create(&watch.thread, NULL, watch_thread, NULL) != 0) {
        return apperr_set(err, APPERR_INTERNAL, "cannot start a thread");
    }
    watch.bRunning = 1;
    return 0;
}

void
change_watch_stop(void)
{
    if (watch.bRunning) {
        atomic_store(&watch.bStop, 1);
        (void)pthread_join(watch.thread, NULL);
        watch.bRunning = 0;
    }
    atomic_store(&watch.bTrusted, 0);
}
