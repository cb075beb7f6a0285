/*
** outreach.h — outreach events, media coverage and migration statistics:
** what a quarterly programme briefing reports (seeds/002, July to
** September 2019), held as records, and the rules they obey.
**
** An outreach event is a training, meeting, counselling, dissemination,
** consultation, workshop, legal assistance or other activity, held on a
** day or over a period ("12 to 13 September"), or planned ("upcoming
** events", with their purpose and attendees), in places (gazetteer
** codes), by organisations, linked to plan activities, with people
** reached counted by sex: "43 (W27: M16)".  A partner's results over a
** period ("dispute resolutions for 67 (W23:M44) migrants, USD 84,600
** granted") are events too, with the compensation requested and ordered.
** Media coverage is a dated article (title, outlet, link).  A statistics
** observation is one figure: a stock or flow of migrants in a destination
** country, by channel (MOU, nationality verification, seasonal, one-stop
** service registration, other) and sex, with its source and reference
** date or period: "MOU migrants = 311,290 (Women = 129,680 / Men =
** 181,610) ... (May 2018)" is three observations.
**
** Counts follow one rule, here once: a count is a whole number >= 0 or
** not given; when women and men are both given the total is women + men +
** unknown (an unknown count given explains the difference; the total may
** be left out and is then computed); a total alone is allowed; a part
** given alone (women, as in "11,182 including 7,308 women") may not exceed
** the total.  For statistics, women + men = total when all three are
** given for the same figure.  No I/O.
*/
#ifndef LMPMON_OUTREACH_H
#define LMPMON_OUTREACH_H

#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "../base/apperr.h"

typedef enum OutreachKind {
    OUTREACH_TRAINING = 0,
    OUTREACH_MEETING,
    OUTREACH_COUNSELLING,
    OUTREACH_DISSEMINATION,
    OUTREACH_CONSULTATION,
    OUTREACH_WORKSHOP,
    OUTREACH_LEGAL_ASSISTANCE, /* dispute resolution, legal aid */
    OUTREACH_OTHER,
    OUTREACH_KIND_COUNT
} OutreachKind;

typedef enum OutreachStatus {
    OUTREACH_HELD = 0, /* took place */
    OUTREACH_PLANNED,  /* upcoming */
    OUTREACH_STATUS_COUNT
} OutreachStatus;

typedef enum StatMeasure {
    STAT_STOCK = 0, /* people there at the reference date */
    STAT_FLOW,      /* people who moved during the reference period */
    STAT_MEASURE_COUNT
} StatMeasure;

typedef enum StatChannel {
    STAT_MOU = 0,     /* recruited under a bilateral MOU */
    STAT_NV,          /* registered, completing nationality verification */
    STAT_SEASONAL,    /* seasonal (border) workers */
    STAT_ONE_STOP,    /* registered at one-stop service centres */
    STAT_CHANNEL_ANY, /* all channels or another one */
    STAT_CHANNEL_COUNT
} StatChannel;

typedef enum StatSex {
    STAT_WOMEN = 0,
    STAT_MEN,
    STAT_TOTAL,
    STAT_SEX_COUNT
} StatSex;

/* The code tables (codes.h) of these enumerations. */
const CodeName *outreach_code_table(CodeKind k, size_t *pn);

/* A count not given. */
#define OUTREACH_NONE ((int64_t)-1)

/* People reached, by sex; OUTREACH_NONE where not given. */
typedef struct SexCounts {
    int64_t women, men, unknown, total;
} SexCounts;

/* An outreach event.  Every string is owned (release with
** outreach_release()); lists hold codes: places as gazetteer codes,
** organisations as acronyms, activities as node codes of zPlan. */
typedef struct Outreach {
    char *zFrom;  /* YYYY-MM-DD: the day, or the first day */
    char *zTo;    /* YYYY-MM-DD: the last day of a period, or NULL */
    char *zTitle; /* with zFrom, the event's key */
    OutreachKind eKind;
    OutreachStatus eStatus;
    char **azPlace;
    size_t nPlace;
    char **azOrg;
    size_t nOrg;
    char *zPlan; /* the plan of azActivity, NULL when none */
    char **azActivity;
    size_t nActivity;
    SexCounts n;
    char *zCurrency;                      /* of the amounts, NULL when none */
    int64_t requested, ordered;           /* minor units, OUTREACH_NONE */
    char *zPurpose, *zAttendees, *zNotes; /* NULL when empty */
    long long id; /* the stored row's id (lists), 0 when not stored */
    int iVersion; /* the stored row's version; on a put, the version the
                  ** writer read (0: write whatever is there, or add) */
} Outreach;

void outreach_init(Outreach *o);
void outreach_release(Outreach *o);

/* A dated article about the programme's subject. */
typedef struct Media {
    char *zDate; /* YYYY-MM-DD; with zTitle, the key */
    char *zTitle;
    char *zOutlet;
    char *zLink;  /* NULL when none */
    long long id; /* the stored row's id, 0 when not stored */
    int iVersion; /* as Outreach's */
} Media;

void media_release(Media *m);

/* One figure of migration statistics. */
typedef struct StatObs {
    StatMeasure eMeasure;
    char *zDest; /* ISO 3166-1 alpha-2 */
    StatChannel eChannel;
    StatSex eSex;
    char *zPeriod; /* reference date or period (outreach_check_period) */
    char *zSource;
    int64_t value;
    char *zNote;  /* NULL when none */
    long long id; /* the stored row's id, 0 when not stored */
    int iVersion; /* as Outreach's */
} StatObs;

void stat_obs_release(StatObs *s);

/* Check the counts of people c (see the file's comment) and fill in a
** total left out when women and men are given.  APPERR_INPUT naming the
** failing field ("total", "women") in the message. */
int outreach_check_counts(SexCounts *c, AppErr *err);

/* Check an event: dates valid and in order, a title, the counts; a
** planned event has no counts of people reached.  Codes are the caller's
** to resolve (gazetteer, directory, plan). */
int outreach_check(Outreach *o, AppErr *err);

/* A reference date or period as statistics write them: a day
** (2019-08-31), a month (2018-05), a quarter (2019Q3), a year (2017), or
** two of these joined by '/' (2017-04/2019-07), the first not after the
** second.  0 when z is one, else -1 and err. */
int outreach_check_period(const char *z, AppErr *err);

/* The figures a..a+n that describe the same thing (measure, destination,
** channel, period, source) must add up: women + men = total when all
** three are there, and no sex twice.  Returns 0, or -1 and err naming
** the figure; *piBad is the index of the one found wrong. */
int stat_check_sums(const StatObs *a, size_t n, size_t *piBad, AppErr *err);

/* Who writes outreach records (the rule, once).  An event: M&E officers
** and administrators any; a reporter only an event one of whose
** organisations (o->azOrg, acronyms) is the reporter's own, so both the
** event as stored and as changed must pass for a change; nobody else.
** Media coverage and statistics figures: M&E officers and administrators
** only.  0, or -1 and err (APPERR_FORBIDDEN, saying why). */
struct Actor;
int outreach_may_write(const struct Actor *who, const Outreach *o, AppErr *err);
int outreach_may_write_media(const struct Actor *who, AppErr *err);
int stat_may_write(const struct Actor *who, AppErr *err);

/* Order of figures for lists and exports: measure, destination, channel,
** period, source, sex (women, men, total). */
int stat_obs_cmp(const StatObs *a, const StatObs *b);

#endif
