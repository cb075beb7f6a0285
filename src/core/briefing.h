/*
** briefing.h — the quarterly programme briefing (issue 14; the seed of
** July to September 2019): what the outreach records, media coverage,
** migration statistics and the complaints register say about a quarter,
** selected and counted once here, for every format to lay out.  No I/O:
** the caller reads the records (any order) and hands them in.
**
** What goes where, and why:
** - activities: held events whose first day is in the quarter (as
**   'lmpmon outreach list --quarter' chooses them);
** - partner results: held events over a period that began before the
**   quarter and ended in it.  A partner reports its results when its
**   agreement period closes ("achievements made during the period of
**   their last agreements (April 2017-July 2019)"), so the briefing of the
**   quarter the period closes in is the one that reports them; an event
**   still running at the quarter's end is not reported yet;
** - complaints register: per assisting organisation, the cases resolved in
**   the quarter (by sex of the complainant) and the compensation requested
**   and ordered in them;
** - upcoming events: planned events whose first day is in the next
**   quarter;
** - media coverage: articles dated in the quarter;
** - at a glance: for each measure, destination and channel, the figures of
**   the latest reference date or period that begins on or before the
**   quarter's last day (what was known then), each with its source.
** With an organisation, events and register cases are those it took part
** in (one of the event's organisations, the case's assisting
** organisation); statistics and media, which no organisation makes, stay
** the programme's.
*/
#ifndef LMPMON_BRIEFING_H
#define LMPMON_BRIEFING_H

#include <stddef.h>
#include <stdint.h>

#include "cases.h"
#include "outreach.h"
#include "../base/apperr.h"
#include "../base/buf.h"

/* A quarter: "2019Q3" (or "2019-Q3", "2019q3"). */
typedef struct BriefQuarter {
    int year, q;        /* q 1..4 */
    char zCode[7];      /* "2019Q3" */
    char zFrom[11];     /* first day, YYYY-MM-DD */
    char zTo[11];       /* last day */
    char zNextFrom[11]; /* the next quarter's first and last days */
    char zNextTo[11];
    char zLabel[40];     /* "July – September 2019" */
    char zNextLabel[40]; /* "October – December 2019" */
} BriefQuarter;

/* Parse zQuarter into *q.  0, or -1 with err (APPERR_USAGE) naming it. */
int briefing_quarter_parse(const char *zQuarter, BriefQuarter *q, AppErr *err);

/* One statistics figure: women, men and total of one measure,
** destination, channel, period and source (OUTREACH_NONE where absent). */
typedef struct BriefFigure {
    const StatObs *pFirst; /* measure, destination, channel, period, source */
    int64_t women, men, total;
    const char *zNote; /* the total's note ("MOU migrants"), or NULL */
} BriefFigure;

/* Cases of the complaints register resolved in the quarter, of one
** assisting organisation. */
typedef struct BriefCases {
    char *zOrg; /* acronym; owned */
    long nResolved, nWomen, nMen, nUnknown;
    char zCurrency[4]; /* of the sums; "" when none, "*" when mixed */
    int64_t requested, ordered, paid; /* minor units */
} BriefCases;

typedef struct Briefing {
    BriefQuarter q;
    const char *zOrg; /* the organisation chosen, or NULL: the programme */
    const Outreach **apActivity, **apResult, **apUpcoming;
    size_t nActivity, nResult, nUpcoming;
    const Media **apMedia;
    size_t nMedia;
    BriefFigure *aFigure;
    size_t nFigure;
    BriefCases *aCases; /* by acronym */
    size_t nCases;
    int bCases; /* whether the register was read (briefing_add_case()) */
} Briefing;

/* Start *b for quarter q and organisation zOrg (NULL: all; the pointer is
** kept, as are those handed to briefing_select()). */
void briefing_init(Briefing *b, const BriefQuarter *q, const char *zOrg);

/* Select from the events, articles and figures given (which must outlive
** b) what the briefing of the quarter shows, ordered by date (figures by
** stat_obs_cmp()). */
void briefing_select(Briefing *b, const Outreach *aEv, size_t nEv,
                     const Media *aMedia, size_t nMedia, const StatObs *aStat,
                     size_t nStat);

/* Count one case of the register (a CaseVisitor's body): resolved in the
** quarter, and the organisation's when one is chosen.  The caller sets
** b->bCases when it reads the register (a reader who may not see cases
** gets a briefing that says they are left out). */
void briefing_add_case(Briefing *b, const Case *c);

void briefing_release(Briefing *b);

/* Whether the briefing has nothing to show. */
int briefing_is_empty(const Briefing *b);

/* 311290 as "311,290", as the seed prints numbers. */
void briefing_number(Buf *b, int64_t n);

/* People reached as the seed writes them: "43 (W27: M16)", "11,182
** (including 7,308 women)", "3,776"; "W3: M2: unknown 1" parts; nothing
** when no total. */
void briefing_people(Buf *b, const SexCounts *c);

/* An amount in minor units in major units, "84,600" or "6,755.50". */
void briefing_amount(Buf *b, int64_t minor);

/* When an event was, as the seed writes it: "30 July", "12–13
** September", "July" (the whole month), "April 2017 – July 2019" (whole
** months over years), "28 June – 2 July". */
void briefing_when(Buf *b, const char *zFrom, const char *zTo);

/* A reference period as words: "May 2018", "2017", "2019Q3",
** "April 2017 – July 2019". */
void briefing_period(Buf *b, const char *zPeriod);

/* The selection rules in one paragraph, for the report itself. */
void briefing_method(const Briefing *b, Buf *out);

/* The label of quarter q ("July – September 2019"), or with bNext of the
** one after it, in the reader's language (q->zLabel is the English one,
** what files keep). */
void briefing_quarter_label(const BriefQuarter *q, int bNext, Buf *b);

#endif
