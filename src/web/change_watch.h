/*
** change_watch.h — what this server may trust from an earlier read: a
** generation number that moves with every change any process commits.
**
** On PostgreSQL a thread of its own waits on a connection of its own for
** the changes other processes announce (store_watch(): LISTEN/NOTIFY), and
** the router moves the generation after each request of this server that
** may have written, before it answers, so a user's next page sees their
** own change.  While the generation stands, what was read under it — a
** session (session_cache.h), the data version — still holds, and a page
** needs no query at all.  A change through another server reaches this one
** as fast as PostgreSQL delivers its notification (milliseconds).
**
** Nothing is trusted (change_watch_generation() is 0) on SQLite, whose file
** other processes write unannounced, before the watch is established, and
** whenever its connection is lost (the thread reconnects, and moves the
** generation when it is back: changes may have been missed meanwhile).
*/
#ifndef LMPMON_CHANGE_WATCH_H
#define LMPMON_CHANGE_WATCH_H

#include "web.h"

/* Start the watching thread for cfg's database; nothing (and 0) when the
** backend cannot announce changes.  -1 with err filled when the thread
** cannot be started. */
int change_watch_start(const WebConfig *cfg, AppErr *err);
void change_watch_stop(void);

/* The current generation, 0 when nothing read before may be trusted.  Read
** it before reading what is to be kept under it. */
unsigned long change_watch_generation(void);

/* This process may have written: what was read before is stale. */
void change_watch_moved(void);

/* The data version read under generation gen, if one was kept for it
** (1 and *pOut), else 0; keep one (change_watch_keep_version()) read after
** change_watch_generation() returned gen. */
int change_watch_version(unsigned long gen, long *pOut);
void change_watch_keep_version(unsigned long gen, long v);

#endif
