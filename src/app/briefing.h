/*
** briefing.h (app) — reading what the quarterly briefing shows
** (core/briefing.h) in one read transaction: the outreach events, the
** quarter's media articles, the statistics figures and the complaints
** register's cases up to the quarter's end, with the organisation chosen
** resolved through the directory.  The CLI's 'report briefing' (and a
** web page) call it, then render with report/briefing_report.h.
*/
#ifndef LMPMON_APP_BRIEFING_H
#define LMPMON_APP_BRIEFING_H

#include "../core/briefing.h"
#include "../store/store.h"

/* The records a Briefing points into, and the Briefing. */
typedef struct BriefingData {
    Outreach *aEv;
    size_t nEv;
    Media *aMedia;
    size_t nMedia;
    StatObs *aStat;
    size_t nStat;
    char *zOrg; /* the organisation's acronym, or NULL */
    Briefing b;
} BriefingData;

/* Read and select the briefing of quarter q for organisation zOrg (an
** acronym, name or alias of the directory; NULL for the programme) into
** *d, with the complaints register's cases when bCases (every case lodged
** by the quarter's end is read: a scan of the register).  0, or -1 with err: an unknown organisation (APPERR_NOTFOUND, with
** the closest names) or the store's failure.  Release *d with
** app_briefing_release() either way. */
int app_briefing_read(Store *s, const BriefQuarter *q, const char *zOrg,
                      int bCases, BriefingData *d, AppErr *err);

void app_briefing_release(BriefingData *d);

#endif
