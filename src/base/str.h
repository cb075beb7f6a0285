/*
** str.h — small string helpers shared by every layer.
*/
#ifndef LMPMON_STR_H
#define LMPMON_STR_H

#include <stddef.h>

/* Non-zero if a and b are equal (NULL equals NULL and ""). */
int str_eq(const char *a, const char *b);

/* Heap copy of z folded for matching names: ASCII lower-cased, leading and
** trailing white space removed, inner runs of white space, '-' and '_'
** collapsed to one space.  "On-Track " and "on  track" fold alike. */
char *str_fold(const char *z);

/* Heap copy of z folded harder, for place names people type many ways:
** ASCII letters lower-cased, Latin letters with diacritics (U+00C0 to
** U+017F) as their base letter, and every space, punctuation mark and
** invisible or typographic mark (U+0080 to U+00BF, U+2000 to U+206F,
** U+FEFF) dropped; digits and other letters (Khmer) kept as they are.
** "Prey Veng ", "prey-veng" and "PreyVeng" fold to "preyveng",
** "Thaïland" to "thailand". */
char *str_fold_name(const char *z);

/* Index of z among the machine keys az[0..n) ("trade_union"), or -1:
** matched exactly first (no allocation: the common case in bulk imports),
** then folded (str_fold) with spaces as '_', so "Trade union" and
** "TRADE-UNION" find "trade_union" too. */
int str_key_index(const char *const *az, int n, const char *z);

/* Heap copy of z without leading and trailing ASCII white space. */
char *str_trim(const char *z);

/* Levenshtein distance between a and b (bytes), or nCap + 1 when it is
** larger than nCap (stops early).  For "did you mean" suggestions. */
size_t str_distance(const char *a, const char *b, size_t nCap);

/* Parse a whole decimal integer in [lo, hi]; 0 on success, -1 otherwise. */
int str_to_long(const char *z, long lo, long hi, long *pOut);

/* Non-zero if z is a date written YYYY-MM-DD that exists in the calendar. */
int str_is_date(const char *z);

/* Days since 1970-01-01 of the valid date zIso (YYYY-MM-DD), and back:
** the civil (proleptic Gregorian) calendar, years 0 to 9999. */
long str_date_days(const char *zIso);

/* The calendar (proleptic Gregorian), once: the days of month m (1-12)
** of year y, and the days since 1970-01-01 of y-m-d. */
int str_month_days(int y, int m);
long str_civil_days(int y, int m, int d);
void str_date_from_days(long days, char z[11]);

/* The time now, from the one clock lmpmon reads: LMPMON_NOW in the
** environment ("YYYY-MM-DDTHH:MM:SSZ") fixes it, so that tests are
** repeatable and session expiry can be tested; otherwise the system's. */
#include <time.h>
time_t str_clock_now(void);

/* Today's date (str_clock_now()) in the process's time zone (TZ, as
** str_time_local()), "YYYY-MM-DD", into z: the day a due date is compared
** with. */
void str_today_local(char z[11]);

/* Current UTC time (str_clock_now()) as "YYYY-MM-DDTHH:MM:SSZ" into z (at
** least 21 bytes). */
void str_now_utc(char *z, size_t n);

/* Parse "YYYY-MM-DDTHH:MM:SSZ" into *pt: 0, or -1 when z is not that. */
int str_parse_utc(const char *z, time_t *pt);

/* The UTC time zIso ("YYYY-MM-DDTHH:MM:SSZ", as stored) as people read it
** where lmpmon runs: "YYYY-MM-DD HH:MM ZONE" in the process's time zone
** (TZ; lmpmon's --timezone sets it), e.g. "2017-11-28 15:30 +07" (in the
** reader's language: Khmer writes the month's name; i18n.h).  Text
** that is not such a time is copied as it is.  z: at least 32 bytes. */
#define STR_TIME_LOCAL_BYTES 96 /* room for a month name in Khmer */
void str_time_local(const char *zIso, char *z, size_t n);

/* str_time_local() of the moment t (seconds since the epoch). */
void str_time_local_at(time_t t, char *z, size_t n);

/* The date zIso (YYYY-MM-DD) in the reader's language (i18n.h) into z
** (STR_TIME_LOCAL_BYTES): in words ("31 January 2019", the month's name
** translated) with bWords, else as a printed report's cover writes it
** (English "2019-01-31", Khmer with the month's name).  Text that is no
** such date is copied as it is. */
void str_date_format(const char *zIso, int bWords, char *z, size_t n);

#endif
