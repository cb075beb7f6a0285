/*
** indicator.h — the plan's indicators as records, their values, and the
** rules both obey.
**
** Each goal of a plan carries indicators ("# of international standards
** ... ratified", "% of complaint cases resolved to the satisfaction of
** women and men migrant workers within 3 months").  An indicator has a
** code, a definition, a unit (count, percentage, amount), a direction
** (increase, decrease, maintain), a baseline (value, year), targets per
** year, the disaggregations its values need (sex, province, destination,
** channel, sector), means of verification and a responsible organisation.
** One lmpmon counts itself is "computed": nobody types its values.  It
** is counted from the complaints register (goal 10) or from the outreach
** events (people reached by events of some kinds, by sex: "# of women and
** men who are provided with ... information on safe migration").
**
** Indicators get amended as things change (the 2017 review says so): an
** amendment is a new revision, effective from a date or a round, with a
** reason; a value belongs to the revision it was reported against, so an
** old value stays readable under the definition it measured.
**
** A value is one figure for a period (a year "2017" or a quarter
** "2017Q3"), for one cell of its disaggregation: sex women, men or total,
** and at most one other dimension's code (a province of the gazetteer, a
** destination country...).  A percentage may carry the count behind it
** (numerator and denominator).  Values go draft -> submitted -> validated
** (returned sends one back), as statements do.  No I/O.
*/
#ifndef LMPMON_INDICATOR_H
#define LMPMON_INDICATOR_H

#include <stddef.h>
#include <stdint.h>

#include "codes.h"
#include "../base/apperr.h"
#include "../base/i18n.h"

typedef enum IndUnit {
    IND_UNIT_NUMBER = 0, /* a count of things or people, whole */
    IND_UNIT_PERCENT,    /* between 0 and 100 */
    IND_UNIT_AMOUNT,     /* money or another quantity, >= 0 */
    IND_UNIT_COUNT
} IndUnit;

typedef enum IndDirection {
    IND_INCREASE = 0, /* more is better */
    IND_DECREASE,     /* less is better */
    IND_MAINTAIN,     /* keep at least the target */
    IND_DIRECTION_COUNT
} IndDirection;

/* The dimensions a value may be broken down by; an indicator's needs are
** a bit set of (1u << IndDim). */
typedef enum IndDim {
    IND_DIM_SEX = 0,
    IND_DIM_PROVINCE,    /* gazetteer province code */
    IND_DIM_DESTINATION, /* ISO 3166-1 alpha-2 */
    IND_DIM_CHANNEL,     /* StatChannel key (outreach.h) */
    IND_DIM_SECTOR,      /* free text: "construction", "domestic work" */
    IND_DIM_COUNT
} IndDim;

typedef enum IndValueState {
    IND_VALUE_DRAFT = 0,
    IND_VALUE_SUBMITTED,
    IND_VALUE_RETURNED,
    IND_VALUE_VALIDATED,
    IND_VALUE_STATE_COUNT
} IndValueState;

/* The code table of kind k: one of CODE_IND_UNIT, CODE_IND_DIRECTION,
** CODE_IND_DIM, CODE_IND_VALUE_STATE. */
const CodeName *indicator_code_table(CodeKind k, size_t *pn);

/* A target: the value the indicator should reach in a year. */
typedef struct IndTarget {
    int year;
    double value;
} IndTarget;

/* One revision of an indicator.  Strings are owned (indicator_release()). */
typedef struct Indicator {
    char *zCode;       /* "G10.1": unique within its plan */
    char *zPlan;       /* the plan's code */
    char *zNode;       /* the goal's node code */
    int iRev;          /* 1 for the first definition, +1 per amendment */
    char *zEffective;  /* YYYY-MM-DD or a round's code; NULL for rev 1 */
    char *zReason;     /* why amended; NULL for rev 1 */
    char *zDefinition; /* as the plan writes it */
    IndUnit eUnit;
    IndDirection eDir;
    int bBaseline;   /* a baseline is given */
    double baseline; /* its value */
    int baselineYear;
    IndTarget *aTarget; /* by year, ascending, no year twice */
    size_t nTarget;
    unsigned mDim;       /* bit set of IndDim: what values must carry */
    char *zVerification; /* means of verification; NULL when none */
    char *zOrg;          /* responsible organisation's acronym, or NULL */
    int bComputed;       /* lmpmon computes its values */
    unsigned mOutreach;  /* computed from the people reached by the held
                         ** outreach events of these kinds (bit set of
                         ** OutreachKind); 0: from the complaints register */
    char *zDefinitionKm; /* zDefinition in Khmer, or NULL: the Khmer of
                         ** this revision (a translation is no revision:
                         ** it does not change what is measured) */
} Indicator;

void indicator_init(Indicator *p);
void indicator_release(Indicator *p);

/* The definition a reader of eLang reads (model_text(): the Khmer to a
** reader of Khmer where it is written, else the English).  Points into
** p. */
const char *ind_definition(const Indicator *p, I18nLang eLang);

/* Check an indicator's own fields: a code of letters, digits, '.', '-' or
** '_'; a definition; a baseline and targets valid in its unit, years
** between 1900 and 2200, targets in ascending years with none twice.
** APPERR_INPUT naming the field.  Codes of plans, nodes and
** organisations are the caller's to resolve. */
int indicator_check(const Indicator *p, AppErr *err);

/* Order of indicator codes as people count: runs of digits by their
** value ("G2" before "G10", "1.9" before "1.10"), the rest byte by byte;
** then by revision.  For qsort(). */
int ind_code_cmp(const char *a, const char *b);
int indicator_cmp(const void *a, const void *b);

/* The target of year y, or NULL when the indicator has none for it. */
const IndTarget *indicator_target(const Indicator *p, int year);

/* One reported figure. */
typedef struct IndValue {
    char *zCode;    /* the indicator's code */
    int iRev;       /* the revision it was reported against */
    char *zPeriod;  /* "2017" or "2017Q3" */
    int eSex;       /* StatSex (outreach.h): women, men, total */
    IndDim eDim;    /* IND_DIM_COUNT when broken down by sex only */
    char *zDimCode; /* the code in eDim, NULL when none */
    double value;
    int64_t num, den; /* the count behind a percentage, or -1 */
    char *zSource;    /* where the figure comes from */
    IndValueState eState;
    char *zNote; /* why the M&E officer returned it (IND_VALUE_RETURNED),
                 ** else NULL */
} IndValue;

void ind_value_init(IndValue *v);
void ind_value_release(IndValue *v);

/* A period of values: a year (2017) or a quarter (2017Q3).  Its year in
** *pYear.  0, or -1 and err. */
int ind_check_period(const char *z, int *pYear, AppErr *err);

/* Check value v of indicator p: its period, its value in p's unit (a whole
** number for counts, 0..100 for percentages, >= 0 otherwise), the count
** behind a percentage (0 <= num <= den, den > 0, and value = 100 num / den
** to within 0.05), a dimension p asks for with a code.  A computed
** indicator's values are refused (APPERR_FORBIDDEN) unless bComputing. */
int ind_value_check(const Indicator *p, const IndValue *v, int bComputing,
                    AppErr *err);

/* May who write a value of indicator p, moving it from state eOld
** (IND_VALUE_STATE_COUNT: a new value) to eNew?  As statements: the
** reporters of p's responsible organisation enter drafts and submit them
** (or take back a returned one), the M&E officer (or an administrator)
** validates or returns submitted values and may correct any; a validated
** or submitted value is then changed by them only; nobody else writes.
** A computed indicator's values are lmpmon's (ind_value_check()).  0, or
** -1 with APPERR_FORBIDDEN saying why. */
struct Actor;
int ind_value_may_write(const struct Actor *who, const Indicator *p, int eOld,
                        IndValueState eNew, AppErr *err);

/* The percentage num of den are, to one decimal as a form would enter
** it (3 of 4: 75; 1 of 3: 33.3); den > 0. */
double ind_percent_of(int64_t num, int64_t den);

/* May who move a submitted value of indicator p, now in state eOld, to
** eNew: validate it (IND_VALUE_VALIDATED) or return it with zReason
** (IND_VALUE_RETURNED)?  Only the M&E officer or an administrator
** reviews (APPERR_FORBIDDEN), only a submitted value (APPERR_INPUT:
** drafts are the reporter's, validated ones are done), never a computed
** indicator's (APPERR_FORBIDDEN), and a return says why (APPERR_INPUT
** naming "reason").  0, or -1 and err. */
int ind_value_may_review(const struct Actor *who, const Indicator *p,
                         IndValueState eOld, IndValueState eNew,
                         const char *zReason, AppErr *err);

/* Check that the figures women, men and total of one cell agree: for
** counts and amounts women + men = total; a percentage of everyone lies
** between those of women and of men (it is their weighted mean).  Any
** of the three may be missing (NULL).  0, or -1 and err naming "total". */
int ind_check_sex_sum(IndUnit eUnit, const IndValue *pWomen,
                      const IndValue *pMen, const IndValue *pTotal,
                      AppErr *err);

/* For readers who do not see small cells (rules_sees_small_cells()):
** whether value v (NULL: none reported) of p in cell eSex (StatSex) may
** be shown.  Only the complaints register's figures (a computed
** indicator that is not of outreach) are held back: one of fewer than
** CASE_SUPPRESS_BELOW cases, and when a sex of the same period is held
** back (bSexSmall: ind_value_small() of one of them) the other sex too,
** since the total less one gives the other; the total still shows. */
int ind_value_public(const Indicator *p, const IndValue *v, int eSex,
                     int bSexSmall);
/* Whether v, a figure by sex of p, is one ind_value_public() holds back
** for its size. */
int ind_value_small(const Indicator *p, const IndValue *v);

/* Progress of a value against a target. */
typedef struct IndProgress {
    double share; /* of the way from baseline to target: 0 = at baseline,
                  ** 1 = target reached; may exceed 1 or be negative */
    int bMet;     /* the target is reached, in the indicator's direction */
} IndProgress;

/* Progress of current against target from baseline, direction aware: for
** an increase or a decrease, (current - baseline) / (target - baseline);
** when target equals baseline, 1 if current is at or beyond it in the
** direction, else 0.  To maintain, current / target (1 when target is 0
** and current >= 0): the target is met while current does not fall below
** it. */
IndProgress ind_progress(IndDirection eDir, double baseline, double target,
                         double current);

/* Write value x as a plain number into z (size n, truncated to fit): no
** decimals for counts, one for percentages, two for amounts.  Thousands
** separators and the '%' sign are the report's. */
void ind_format_value(IndUnit eUnit, double x, char *z, size_t n);

/* Write x as canonical decimal text into z (size n): up to four decimals,
** trailing zeros and a bare point dropped ("50", "45.25").  The store
** keeps numbers so, for equal values to compare equal as text. */
void ind_number_text(double x, char *z, size_t n);

/* Parse canonical or plain decimal text z ("45.25", "1e3" refused): 0 and
** *pOut, or -1 when z is not a finite decimal number. */
int ind_number_parse(const char *z, double *pOut);

/* The targets as stored: "2017=50;2018=60" (ind_targets_text() writes,
** allocating; ind_targets_parse() reads into p->aTarget, replacing it,
** -1 when z is malformed).  The disaggregations: "sex,province". */
char *ind_targets_text(const Indicator *p);
int ind_targets_parse(Indicator *p, const char *z);
char *ind_dims_text(unsigned mDim);
int ind_dims_parse(const char *z, unsigned *pmDim);

/* Where a computed indicator's values come from, as files write it
** (the indicators CSV's computed column): "no", "yes" (the complaints
** register, goal 10), "outreach:counselling;dissemination" (the kinds'
** keys, CODE_OUTREACH_KIND; "outreach" alone: every kind).  Parsing fills
** p->bComputed and p->mOutreach ("complaints" is "yes"); -1 for anything
** else.  ind_computed_text() allocates. */
char *ind_computed_text(const Indicator *p);
int ind_computed_parse(const char *z, Indicator *p);

/* What people read of it: "computed from outreach (counselling,
** dissemination)", "computed from the complaints register", or NULL
** for a typed indicator.  Allocates. */
char *ind_computed_label(const Indicator *p);

/* Every outreach kind: what "outreach" alone means. */
#define IND_OUTREACH_ALL ((1u << OUTREACH_KIND_COUNT) - 1u)

/* The value lmpmon computes from outreach events for indicator p (a
** computed one with mOutreach): the people reached by the held events
** of p's kinds whose last day is in year, for sex eSex (StatSex: total,
** women or men).  An event's total is its total, else the sum of its
** counts by sex; women and men count where the event gives them.  1 and
** *pValue when at least one event counts (a count for that sex), 0 when
** none. */
struct Outreach;
int ind_outreach_value(const Indicator *p, const struct Outreach *a, size_t n,
                       int year, int eSex, int64_t *pValue);

/* One line of the indicators report of a year: an indicator (the
** revision its values of the year were reported against, else the
** newest), for one sex (the total, then women and men when it is broken
** down by sex), with the value of the year (the year's own, else its
** latest quarter's; only those without another breakdown) and progress
** against the year's target from the baseline. */
typedef struct IndReportRow {
    const Indicator *p; /* points into the caller's array */
    int eSex;           /* StatSex */
    const IndValue *v;  /* the value, or NULL when none was reported */
    const IndTarget *t; /* the year's target, or NULL */
    int bProgress;      /* baseline, target and value are all there */
    IndProgress prog;
} IndReportRow;

/* The rows of the report of year for indicators a[0..n) (sorted by code
** and revision, as the store lists them) and values aV[0..nV).  *paRow
** is allocated (free it); their number is returned. */
size_t ind_report_rows(const Indicator *a, size_t n, const IndValue *aV,
                       size_t nV, int year, IndReportRow **paRow);

#endif
