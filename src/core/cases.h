/*
** cases.h — the complaints mechanism's cases and the goal-10 indicator.
**
** A case is a migrant worker's complaint handled under Sub-decree 190 /
** Prakas 249: when and how it was lodged, who assists, the complainant's
** sex, legal status, destination, the complaint types, the stage reached
** and when, the outcome, whether the complainant is satisfied, and the
** compensation requested, ordered and paid (integer minor units, one
** currency per case).  Personal details (name, phone, identity document)
** are kept apart (CasePerson) and shown to case officers and admins only.
**
** The indicator of the plan's goal 10: "% of complaint cases which are
** resolved to the satisfaction of women and men migrant workers within 3
** months".  "Within 3 months" is within three calendar months of lodging:
** lodged 31 January, resolved by 30 April.  Pure computation; no I/O.
*/
#ifndef LMPMON_CASES_H
#define LMPMON_CASES_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

typedef enum CaseSex {
    SEX_FEMALE = 0,
    SEX_MALE,
    SEX_UNKNOWN,
    SEX_COUNT
} CaseSex;

typedef enum CaseLegal {
    LEGAL_REGULAR = 0,
    LEGAL_IRREGULAR,
    LEGAL_UNKNOWN,
    LEGAL_COUNT
} CaseLegal;

typedef enum CaseSatisfied {
    SATISFIED_YES = 0,
    SATISFIED_NO,
    SATISFIED_UNKNOWN,
    SATISFIED_COUNT
} CaseSatisfied;

typedef enum CaseStage {
    STAGE_LODGED = 0,
    STAGE_CONCILIATION,
    STAGE_RESOLVED,
    STAGE_COURT, /* referred to court */
    STAGE_WITHDRAWN,
    STAGE_CLOSED_UNRESOLVED,
    STAGE_COUNT
} CaseStage;

typedef enum CaseChannel {
    CHANNEL_MRC = 0,
    CHANNEL_PDOLVT,
    CHANNEL_HOTLINE,
    CHANNEL_NGO,
    CHANNEL_EMBASSY,
    CHANNEL_OTHER,
    CHANNEL_COUNT
} CaseChannel;

/* Complaint types, as bits of Case.types. */
typedef enum CaseType {
    TYPE_UNPAID_WAGES = 0,
    TYPE_DECEPTION,
    TYPE_CONFISCATED_DOCUMENTS,
    TYPE_ABUSE,
    TYPE_INJURY,
    TYPE_DEATH,
    TYPE_OTHER,
    TYPE_COUNT
} CaseType;

typedef struct Case {
    char *zCaseNo;      /* unique within its assisting organisation */
    char zLodged[11];   /* YYYY-MM-DD */
    char zResolved[11]; /* date the final stage was reached, or "" */
    CaseChannel eChannel;
    char *zAssistingOrg; /* acronym, or NULL */
    char *zProvince;
    CaseSex eSex;
    char *zAgeBand; /* "18-24", ... or "" */
    CaseLegal eLegal;
    char *zDestination; /* country */
    char *zSector;
    char *zAgency;  /* recruitment agency, or "" */
    unsigned types; /* bits 1 << CaseType */
    CaseStage eStage;
    char *zOutcome;
    CaseSatisfied eSatisfied;
    char zCurrency[4];                /* ISO 4217, "USD" */
    int64_t requested, ordered, paid; /* minor units (cents) */
} Case;

/* One step of a case's timeline. */
typedef struct CaseEvent {
    CaseStage eStage;
    char zOn[11];
    char *zNote;
    char *zActor;
} CaseEvent;

/* One payment of compensation received. */
typedef struct CasePayment {
    char zOn[11];
    int64_t amount; /* minor units */
    char *zActor;
} CasePayment;

/* A case with everything the case page shows (heap copies). */
typedef struct CaseFile {
    Case c;
    int iVersion;
    CaseEvent *aEvent;
    size_t nEvent;
    CasePayment *aPayment;
    size_t nPayment;
} CaseFile;

/* Free the strings c owns (a case built with heap copies, or one of a
** CaseFile); c becomes empty.  case_file_release() frees everything. */
void case_release(Case *c);
void case_file_release(CaseFile *f);

/* Names (machine keys) and parsing; parse accepts common spellings ("F",
** "women", "Thai" is not a sex...) and returns -1 for anything else. */
/* May who see and change case c (personal details included)?  Admins see
** every case; a case officer only the cases its organisation assists, and
** none when its account names no organisation (an empty scope never
** matches a case without an assisting organisation). */
int case_actor_may(const Actor *who, const Case *c);

/* Each assisting organisation numbers its own cases, so a number alone
** names a case only within one organisation.  Where a case must be named
** across organisations (an admin's links, the cases CSV), it is named by
** organisation and number; CASE_ORG_NONE names "no organisation" (the
** cases none assists) in a link's org=. */
#define CASE_ORG_NONE "-"

/* The organisation in which who looks numbers up: a case officer's own
** ("" when its account names none: it has no cases), NULL for an admin,
** who sees every organisation's; other roles have no cases (""). */
const char *case_actor_scope(const Actor *who);

const char *case_sex_name(CaseSex e);
const char *case_sex_label(CaseSex e); /* what pages show */
int case_sex_parse(const char *z, CaseSex *p);
const char *case_legal_name(CaseLegal e);
const char *case_legal_label(CaseLegal e); /* what pages show */
int case_legal_parse(const char *z, CaseLegal *p);
const char *case_satisfied_name(CaseSatisfied e);
const char *case_satisfied_label(CaseSatisfied e); /* what pages show */
int case_satisfied_parse(const char *z, CaseSatisfied *p);
const char *case_stage_name(CaseStage e);
const char *case_stage_label(CaseStage e); /* what pages show */
int case_stage_parse(const char *z, CaseStage *p);
const char *case_channel_name(CaseChannel e);
const char *case_channel_label(CaseChannel e); /* what pages show */
int case_channel_parse(const char *z, CaseChannel *p);
const char *case_type_name(CaseType e);
const char *case_type_label(CaseType e); /* what pages show */
/* "unpaid_wages; deception" into bits; -1 naming nothing if unknown. */
int case_types_parse(const char *z, unsigned *pTypes);

#define CASE_SEX_ACCEPTED       "female, male, unknown (or F, M, woman, man)"
#define CASE_LEGAL_ACCEPTED     "regular, irregular, unknown"
#define CASE_SATISFIED_ACCEPTED "yes, no, unknown"
#define CASE_STAGE_ACCEPTED                                                    \
 "lodged, conciliation, resolved, court, withdrawn, closed_unresolved"
#define CASE_CHANNEL_ACCEPTED "mrc, pdolvt, hotline, ngo, embassy, other"
#define CASE_TYPE_ACCEPTED                                                     \
 "unpaid_wages, deception, confiscated_documents, abuse, injury, death, other"

/* A case's province and destination are stored as gazetteer codes
** (core/gazetteer.h: "KH-14", "TH").  The code to store for the place of
** kind k (GAZ_PROVINCE for the province, GAZ_COUNTRY for the destination)
** written z on a form or in a file, into zCode: "" for an
** empty one, else the place it names in any usual spelling.  -1 when it
** names none: err (APPERR_INPUT) says so with the closest names.  Pages
** and files show the stored code through gaz_show(). */
#include "gazetteer.h"
int case_place_code(const Gazetteer *g, GazKind k, const char *z,
                    char zCode[GAZ_CODE_BYTES], AppErr *err);

/* Parse an amount in major units ("1234.5", "6755", "84600.00") into minor
** units; no thousands separators, at most two decimals, not negative.
** 0 or -1. */
int case_amount_parse(const char *z, int64_t *pMinor);

/* Append an amount in minor units as major units with two decimals. */
#include "../base/buf.h"
void case_amount_format(Buf *b, int64_t minor);

/* The last day by which a case lodged on zLodged counts as resolved
** "within 3 months": the same day three calendar months later, or that
** month's last day when it is shorter (31 January -> 30 April).  Writes
** YYYY-MM-DD into zOut (11 bytes).  zLodged must be a valid date. */
void case_three_months_after(const char *zLodged, char zOut[11]);

/* The lodging period of a year: zFrom = Y-01-01, zTo = Y-12-31. */
void case_year_bounds(long y, char zFrom[11], char zTo[11]);

/* Days from zFrom to zTo (valid dates). */
long case_days_between(const char *zFrom, const char *zTo);

/* ---- the indicator ------------------------------------------------------ */

/* Counts for one breakdown value ("female", "Kampong Cham", ...). */
typedef struct CaseCell {
    char *zValue;
    long nCases;                      /* lodged */
    long nResolved;                   /* stage resolved */
    long nWithin3;                    /* resolved within three months */
    long nSatisfiedWithin3;           /* ... and the complainant satisfied */
    long nCourt;                      /* referred to court */
    int64_t requested, ordered, paid; /* sums in minor units */
    unsigned *aDayHist; /* resolved cases by days to resolution, the
                            ** last bucket holding CASE_DAYS_CAP and more */
} CaseCell;

/* Days to resolution are counted exactly up to this; longer ones share the
** last bucket of the histogram (ten years: no case takes longer). */
#define CASE_DAYS_CAP 3660

/* The dimensions of the complaints report, in report order. */
typedef enum CaseDim {
    DIM_ALL = 0,
    DIM_SEX,
    DIM_PROVINCE,
    DIM_DESTINATION,
    DIM_ASSISTING_ORG,
    DIM_TYPE,
    DIM_COUNT
} CaseDim;

const char *case_dim_name(CaseDim e);

typedef struct CaseReport {
    CaseCell *aCell[DIM_COUNT]; /* cells per dimension, sorted by value */
    size_t anCell[DIM_COUNT];
    size_t anAlloc[DIM_COUNT];
    int *aSlot[DIM_COUNT]; /* hash of values -> cell index (+1) */
    size_t anSlot[DIM_COUNT];
    char zCurrency[4]; /* the currency of the sums, or "" when
                                  ** cases mix currencies (then per currency
                                  ** reporting is needed: see nMixed) */
    long nMixed;       /* cases not in zCurrency, left out of sums */
} CaseReport;

void case_report_init(CaseReport *r);
/* Count one case (year filtering is the caller's). */
void case_report_add(CaseReport *r, const Case *x);
/* Sort cells and finish; call once after the last add. */
void case_report_finish(CaseReport *r);
void case_report_release(CaseReport *r);

/* Median days to resolution of a cell (-1 when none resolved). */
long case_cell_median_days(const CaseCell *c);

/* Append the goal-10 figure of the cell (d, zValue) of r: "45% (138 of
** 306)"; or "fewer than 5 cases (not shown)" when bSuppress and the cell
** is not shown (case_shown_build()); or "no cases".  Returns 1 when figures
** were appended. */
int case_goal10_figure(const CaseReport *r, CaseDim d, const char *zValue,
                       int bSuppress, Buf *b);

/* Minimum number of cases a cell needs to be shown to viewers and the
** public; smaller cells are suppressed. */
#define CASE_SUPPRESS_BELOW 5

/* How one dimension of a report is shown.  Without suppression every cell
** is shown.  With it, a cell of fewer than CASE_SUPPRESS_BELOW cases is not
** shown, and neither is what would let a reader work it out: while the
** cells not shown are only one, or hold fewer than CASE_SUPPRESS_BELOW
** cases together, the smallest shown cell joins them (otherwise the total
** minus the shown cells gives the hidden count back).  The cells not shown
** are merged into one "other groups" cell, so their labels (a province, a
** destination) are not shown either; when even that holds fewer than
** CASE_SUPPRESS_BELOW cases (a dimension with very few cases in all), it
** is shown without figures. */
typedef struct CaseShown {
    const CaseCell **apCell; /* the cells shown as they are, in order */
    size_t nCell;
    CaseCell other;   /* the others merged (nMerged of them) */
    size_t nMerged;   /* 0: nothing merged, no "other" row */
    int bOtherHidden; /* the merged cell is too small to show */
} CaseShown;

void case_shown_build(const CaseReport *r, CaseDim d, int bSuppress,
                      CaseShown *s);
void case_shown_release(CaseShown *s);

/* ---- the reports of a whole register ------------------------------------
**
** One pass over the register makes the report of all cases and one per
** year lodged (what the server keeps ready).  A set can be written as
** text and read back (the database keeps the set of its current cases:
** store_kept_get()), and the set of cases added after a set's cases can
** be merged into it, so an import that only adds cases updates the kept
** set without counting the register again. */
typedef struct CaseYearReport {
    long year;
    CaseReport rep;
} CaseYearReport;

typedef struct CaseReportSet {
    CaseReport all;        /* every case */
    CaseYearReport *aYear; /* by year lodged, in the order first seen */
    size_t nYear, nYearAlloc;
} CaseReportSet;

void case_report_set_init(CaseReportSet *x);
void case_report_set_release(CaseReportSet *x);

/* Count case c in the all-years report and in its year's. */
void case_report_set_add(CaseReportSet *x, const Case *c);

/* Count case c in its year's report only, for a caller that sums the
** years with case_report_set_total() at the end: half the work of
** case_report_set_add() per case. */
void case_report_set_add_year(CaseReportSet *x, const Case *c);

/* Make the all-years report the sum of the years' (it must be empty).
** -1, leaving it partly made, when that sum would differ from counting
** every case into it: a year sums another currency than the others, or
** holds cases of a second currency. */
int case_report_set_total(CaseReportSet *x);

/* Finish every report (case_report_finish()): call before rendering. */
void case_report_set_finish(CaseReportSet *x);

/* The report of year (0: all years), NULL when no case was lodged then.
** Points into x. */
const CaseReport *case_report_set_get(const CaseReportSet *x, long year);

/* Merge src, the reports of cases stored after all of dst's, into dst:
** counts, sums and histograms add up.  -1 when a report of src sums
** another currency than dst's (the first case's currency is the one
** summed, so the merge would differ from counting again): dst is then
** partly merged and must be discarded. */
int case_report_set_merge(CaseReportSet *dst, const CaseReportSet *src);

/* Append x as text to b; read it back into x (initialised, empty): 0, or
** -1 for text that is not a set written by this version (x then holds
** part of it: release it). */
void case_report_set_write(const CaseReportSet *x, Buf *b);
int case_report_set_read(CaseReportSet *x, const char *z);

#endif
