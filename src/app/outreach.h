/*
** outreach.h (app) — the use cases of outreach events, media coverage
** and migration statistics entered one at a time (the web's forms): add,
** change and delete one event, one article, one statistics figure.  Each
** takes an Actor, owns its write transaction, reads inside it what the
** rules need (the directory, the plan, the stored records and their
** versions), checks core's rules (outreach_may_write(),
** outreach_check(), stat_may_write(), stat_check_sums()) and writes
** through the store's audited puts with the version the user's form
** showed: a form saved after someone else's change is APPERR_CONFLICT,
** never written over it.  Files of them are imported by io/outreach_csv.c
** with the same rules.
*/
#ifndef LMPMON_APP_OUTREACH_H
#define LMPMON_APP_OUTREACH_H

#include "../core/outreach.h"
#include "../store/store.h"

/* What the outreach and statistics pages show, read in one read
** transaction: the events whose first day is in [zFrom, zTo] (NULL:
** unbounded), the articles of the same days, every statistics figure.
** Release with app_outreach_data_release() whatever this returns. */
typedef struct OutreachData {
    Outreach *aEv;
    size_t nEv;
    Media *aMedia;
    size_t nMedia;
    StatObs *aStat;
    size_t nStat;
} OutreachData;

int app_outreach_read(Store *s, const char *zFrom, const char *zTo,
                      OutreachData *d, AppErr *err);
void app_outreach_data_release(OutreachData *d);

/* The stored event id into *o (outreach_release() it whatever this
** returns), *pbFound 1; *pbFound 0 when there is none. */
int app_outreach_get(Store *s, long long id, Outreach *o, int *pbFound,
                     AppErr *err);

/* Every statistics figure into d->aStat (nothing else), in one read
** transaction. */
int app_stat_read(Store *s, OutreachData *d, AppErr *err);

/* Record event o: added when o->id is 0, else the stored event o->id
** changed, which must still be at version o->iVersion (APPERR_CONFLICT,
** APPERR_NOTFOUND when it is gone).  o's places may be any usual
** spelling (resolved through the gazetteer, replaced by their codes, or
** refused with the closest names), its organisations acronyms, names or
** aliases (replaced by acronyms), its activities node codes of plan
** o->zPlan (NULL: the first plan, when there are any).  Refusals name the
** field first ("total: ...", "organisations: ..."): APPERR_INPUT for the
** event, APPERR_FORBIDDEN when who may not write it as it was or as it
** would be (outreach_may_write()), APPERR_CONFLICT for another event of
** the same first day and title.  A change of first day or title deletes
** the old row and adds the new one (the audit trail says both). */
int app_outreach_save(Store *s, const Actor *who, Outreach *o, AppErr *err);

/* Delete the stored event id, still at version iVersion, if who may write
** it; errors as app_outreach_save(). */
int app_outreach_delete(Store *s, const Actor *who, long long id, int iVersion,
                        AppErr *err);

/* Record article m (added when m->id is 0, else changed at m->iVersion),
** or delete the stored article id at version iVersion: M&E officers and
** administrators (outreach_may_write_media()).  Refusals name the field
** ("date", "title", "outlet", "link"). */
int app_media_save(Store *s, const Actor *who, Media *m, AppErr *err);
int app_media_delete(Store *s, const Actor *who, long long id, int iVersion,
                     AppErr *err);

/* One statistics figure as a form gives it: its key (measure, destination
** as typed, channel, reference period, source) in key, and per sex
** (StatSex) a value (OUTREACH_NONE: none) with the version the form
** showed of that sex's stored row (0: there was none).  A sex left empty
** whose row was shown (version > 0) is deleted. */
typedef struct StatEntry {
    StatObs key; /* eSex, value, id, iVersion unused; strings borrowed */
    int64_t aValue[STAT_SEX_COUNT];
    int aVersion[STAT_SEX_COUNT];
} StatEntry;

/* Record e (stat_may_write(): M&E officers and administrators), its
** destination resolved through the gazetteer, in one transaction: women
** + men = total checked with whatever the database holds of the same
** figure (stat_check_sums()), each sex's row written or deleted at the
** version shown (APPERR_CONFLICT otherwise, also for a figure added that
** someone recorded meanwhile).  Refusals name the field. */
int app_stat_save(Store *s, const Actor *who, StatEntry *e, AppErr *err);

/* Delete every sex of the figure whose stored row id is given (the row
** still at version iVersion). */
int app_stat_delete(Store *s, const Actor *who, long long id, int iVersion,
                    AppErr *err);

#endif
