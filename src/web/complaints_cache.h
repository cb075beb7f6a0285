/*
** complaints_cache.h — the complaints report of all cases, kept ready.
**
** Counting a large register takes long (0.6 s at a million cases), too
** long for a page.  The server keeps the reports of all years and of each
** year in memory, and a background thread remakes them whenever the
** register changes, through this server or any other process on the same
** database: every change to cases writes an audit row with key "cases",
** and the thread looks at the newest one every second.  It takes the
** reports the database keeps for that generation when there are (made by
** an import, or by another server: app/complaints.h), else counts the
** register once and keeps the result there for the others.  Pages read
** it under a lock and never scan; between a change and the remake they
** show the previous one.
*/
#ifndef LMPMON_COMPLAINTS_CACHE_H
#define LMPMON_COMPLAINTS_CACHE_H

#include "../base/apperr.h"
#include "../core/cases.h"

typedef struct WebConfig WebConfig;

/* Make the report and start the refreshing thread. */
int complaints_cache_start(const WebConfig *cfg, AppErr *err);

/* Stop the thread and free the report. */
void complaints_cache_stop(void);

/* Ask the thread to look now (after a case was saved through this
** server); returns at once. */
void complaints_cache_poke(void);

/* Call fn with the current report of all years (year 0) or of cases
** lodged in year (under the lock; fn must be quick and must not keep the
** pointer).  Returns -1 when there is none (no cases, or none that year). */
int complaints_cache_use(long year, void (*fn)(const CaseReport *, void *),
                         void *pArg);

/* The latest year in which cases were lodged, or 0. */
long complaints_cache_latest_year(void);

#endif
