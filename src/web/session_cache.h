/*
** session_cache.h — sessions read under a generation of change_watch.h,
** kept so that the next request of the same browser needs no query: a
** session and the data version read with it hold until the generation
** moves (a change committed anywhere, a session ended anywhere).  Bounded;
** safe from any thread.
*/
#ifndef LMPMON_SESSION_CACHE_H
#define LMPMON_SESSION_CACHE_H

#include "../store/store.h"

/* The session of token hash zHash kept under generation gen: 1 and a copy
** in *out (session_release() it), else 0.  gen 0 finds nothing. */
int session_cache_get(const char *zHash, unsigned long gen, Session *out);

/* Keep a copy of ses, read after change_watch_generation() returned gen
** (nothing is kept for gen 0). */
void session_cache_put(const char *zHash, unsigned long gen,
                       const Session *ses);

/* The session's idle clock was refreshed in the database. */
void session_cache_touch(const char *zHash, long lastSeen);

/* Forget everything (at the server's stop). */
void session_cache_clear(void);

#endif
