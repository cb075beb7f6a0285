/*
** session_cache.c — sessions kept per generation (see session_cache.h).
**
** An open-addressed table by token hash under one mutex.  Entries of an
** older generation are dead: they are dropped when the table fills, and
** if every entry is current the table is emptied (a burst of new logins
** costs each one query, nothing more).
*/
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "session_cache.h"
#include "../base/base.h"
#include "../base/banned.h"

/* At most this many sessions kept (a power of two; half of it used). */
#define SESSION_CACHE_SLOTS 2048

typedef struct Kept {
    unsigned long gen; /* 0: the slot is free */
    Session ses;       /* ses.zTokenHash is the key */
} Kept;

static pthread_mutex_t gMu = PTHREAD_MUTEX_INITIALIZER;
static Kept aKept[SESSION_CACHE_SLOTS];
static size_t nKept;

static size_t
kept_hash(const char *zHash)
{
    size_t h = 5381;
    for (const unsigned char *p = (const unsigned char *)zHash; *p; p++) {
        h = h * 33 + *p;
    }
    return h & (SESSION_CACHE_SLOTS - 1);
}

/* The slot holding zHash, or the free slot where it would go. */
static Kept *
kept_slot(const char *zHash)
{
    size_t i = kept_hash(zHash);
    while (aKept[i].gen && strcmp(aKept[i].ses.zTokenHash, zHash) != 0) {
        i = (i + 1) & (SESSION_CACHE_SLOTS - 1);
    }
    return &aKept[i];
}

static void
kept_clear_locked(void)
{
    for (size_t i = 0; i < SESSION_CACHE_SLOTS; i++) {
        if (aKept[i].gen) {
            session_release(&aKept[i].ses);
            aKept[i].gen = 0;
        }
    }
    nKept = 0;
}

/* Drop the entries not of generation gen (rehashing what stays). */
static void
kept_prune_locked(unsigned long gen)
{
    Kept *aOld = xcalloc(SESSION_CACHE_SLOTS, sizeof *aOld);
    memcpy(aOld, aKept, sizeof aKept);
    memset(aKept, 0, sizeof aKept);
    nKept = 0;
    for (size_t i = 0; i < SESSION_CACHE_SLOTS; i++) {
        if (!aOld[i].gen) {
            continue;
        }
        if (aOld[i].gen != gen) {
            session_release(&aOld[i].ses);
            continue;
        }
        *kept_slot(aOld[i].ses.zTokenHash) = aOld[i];
        nKept++;
    }
    free(aOld);
}

int
session_cache_get(const char *zHash, unsigned long gen, Session *out)
{
    if (!gen) {
        return 0;
    }
    pthread_mutex_lock(&gMu);
    const Kept *k = kept_slot(zHash);
    int bFound = k->gen == gen;
    if (bFound) {
        session_copy(out, &k->ses);
    }
    pthread_mutex_unlock(&gMu);
    return bFound;
}

void
session_cache_put(const char *zHash, unsigned long gen, const Session *ses)
{
    if (!gen || strcmp(ses->zTokenHash ? ses->zTokenHash : "", zHash) != 0) {
        return;
    }
    pthread_mutex_lock(&gMu);
    if (2 * (nKept + 1) > SESSION_CACHE_SLOTS) {
        kept_prune_locked(gen);
        if (2 * (nKept + 1) > SESSION_CACHE_SLOTS) {
            kept_clear_locked();
        }
    }
    Kept *k = kept_slot(zHash);
    if (k->gen) {
        session_release(&k->ses);
    } else {
        nKept++;
    }
    session_copy(&k->ses, ses);
    k->gen = gen;
    pthread_mutex_unlock(&gMu);
}

void
session_cache_touch(const char *zHash, long lastSeen)
{
    pthread_mutex_lock(&gMu);
    Kept *k = kept_slot(zHash);
    if (k->gen) {
        k->ses.lastSeen = lastSeen;
    }
    pthread_mutex_unlock(&gMu);
}

void
session_cache_clear(void)
{
    pthread_mutex_lock(&gMu);
    kept_clear_locked();
    pthread_mutex_unlock(&gMu);
}
