/*
** login_throttle.c — the back-off after failed logins and the cap on
** logins checked at once from one address (see login_throttle.h).
*/
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "login_throttle.h"
#include "web_limits.h"
#include "../base/banned.h"

#define THROTTLE_KEY_CHARS 80

/* One client address ("ip:203.0.113.7") or user name ("u:molvt"). */
typedef struct ThrottleKey {
    char zKey[THROTTLE_KEY_CHARS]; /* "": the slot is free */
    int nFail;                     /* failures not yet forgotten */
    long long msLastFail;          /* the latest one, for forgetting */
    long long msUntil;             /* end of the back-off window */
    int nRunning;                  /* logins from the address being checked */
} ThrottleKey;

static ThrottleKey aThrottleKey[LIMIT_LOGIN_THROTTLE_KEYS];
static pthread_mutex_t throttleMutex = PTHREAD_MUTEX_INITIALIZER;

static void
throttle_key_name(char z[THROTTLE_KEY_CHARS], const char *zKind,
                  const char *zName)
{
    (void)snprintf(z, THROTTLE_KEY_CHARS, "%s:%.64s", zKind, zName);
}

/* Forget k's failures once it has been quiet long enough. */
static void
throttle_key_decay(ThrottleKey *k, long long msNow)
{
    if (k->nFail &&
        msNow - k->msLastFail >= LIMIT_LOGIN_FORGET_SECONDS * 1000LL) {
        k->nFail = 0;
        k->msUntil = 0;
    }
}

/* Which slot gives way first: the smallest value (no failure: first). */
static long long
throttle_key_age(const ThrottleKey *k)
{
    return k->nFail ? k->msLastFail : LLONG_MIN;
}

/* The slot of zKey, or NULL; with bCreate a new slot when there is none:
** a free one, else the one whose latest failure is oldest (one with no
** failure first) among those with no login running, which can always be
** found: a running login holds a connection, and there are fewer
** connections than slots.  Call with throttleMutex held. */
static ThrottleKey *
throttle_key_find(const char *zKey, int bCreate, long long msNow)
{
    ThrottleKey *pFree = NULL, *pOld = NULL;
    for (size_t i = 0; i < LIMIT_LOGIN_THROTTLE_KEYS; i++) {
        ThrottleKey *k = &aThrottleKey[i];
        if (k->zKey[0] == 0) {
            pFree = pFree ? pFree : k;
            continue;
        }
        throttle_key_decay(k, msNow);
        if (strcmp(k->zKey, zKey) == 0) {
            return k;
        }
        if (k->nRunning == 0 &&
            (!pOld || throttle_key_age(k) < throttle_key_age(pOld))) {
            pOld = k;
        }
    }
    ThrottleKey *k = pFree ? pFree : pOld;
    if (!bCreate || !k) {
        return NULL;
    }
    memset(k, 0, sizeof *k);
    (void)snprintf(k->zKey, sizeof k->zKey, "%s", zKey);
    return k;
}

/* Count a failure against k at msNow; returns the window it opens, in
** seconds (0: none). */
static int
throttle_key_fail(ThrottleKey *k, long long msNow)
{
    k->nFail++;
    k->msLastFail = msNow;
    int iShift = k->nFail - (int)LIMIT_LOGIN_FREE_FAILURES;
    if (iShift < 0) {
        return 0;
    }
    /* 1 << 6 is already above the cap; no shift can overflow. */
    int nSec = iShift >= 6 ? LIMIT_LOGIN_BACKOFF_MAX_SECONDS : 1 << iShift;
    if (nSec > LIMIT_LOGIN_BACKOFF_MAX_SECONDS) {
        nSec = LIMIT_LOGIN_BACKOFF_MAX_SECONDS;
    }
    if (msNow + nSec * 1000LL > k->msUntil) {
        k->msUntil = msNow + nSec * 1000LL;
    }
    return nSec;
}

LoginVerdict
login_throttle_begin(const char *zAddr, const char *zUser, long long msNow,
                     int *pnWaitSeconds)
{
    char zA[THROTTLE_KEY_CHARS], zU[THROTTLE_KEY_CHARS];
    throttle_key_name(zA, "ip", zAddr);
    throttle_key_name(zU, "u", zUser);
    LoginVerdict e = LOGIN_GO;
    long long msWait = 0;
    pthread_mutex_lock(&throttleMutex);
    ThrottleKey *a = throttle_key_find(zA, 1, msNow);
    ThrottleKey *u = throttle_key_find(zU, 0, msNow);
    if (a && a->msUntil > msNow) {
        e = LOGIN_WAIT_ADDRESS;
        msWait = a->msUntil - msNow;
    }
    if (u && u->msUntil > msNow && u->msUntil - msNow > msWait) {
        e = LOGIN_WAIT_USER;
        msWait = u->msUntil - msNow;
    }
    if (e == LOGIN_GO && a &&
        a->nRunning >= (int)LIMIT_LOGIN_CONCURRENT_PER_CLIENT) {
        e = LOGIN_WAIT_BUSY;
        msWait = 1000; /* a check takes a fraction of a second */
    }
    if (e == LOGIN_GO && a) {
        a->nRunning++;
    }
    pthread_mutex_unlock(&throttleMutex);
    *pnWaitSeconds = e == LOGIN_GO ? 0 : (int)((msWait + 999) / 1000);
    return e;
}

int
login_throttle_end(const char *zAddr, const char *zUser, int bFailed,
                   long long msNow)
{
    char zA[THROTTLE_KEY_CHARS], zU[THROTTLE_KEY_CHARS];
    throttle_key_name(zA, "ip", zAddr);
    throttle_key_name(zU, "u", zUser);
    int nSec = 0;
    pthread_mutex_lock(&throttleMutex);
    /* Found: a running login keeps its address's slot. */
    ThrottleKey *a = throttle_key_find(zA, 1, msNow);
    if (a && a->nRunning > 0) {
        a->nRunning--;
    }
    if (bFailed) {
        nSec = a ? throttle_key_fail(a, msNow) : 0;
        ThrottleKey *u = throttle_key_find(zU, 1, msNow);
        int nUser = u ? throttle_key_fail(u, msNow) : 0;
        nSec = nUser > nSec ? nUser : nSec;
    }
    pthread_mutex_unlock(&throttleMutex);
    return nSec;
}

long long
login_throttle_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000LL + ts.tv_nsec / 1000000L;
}
