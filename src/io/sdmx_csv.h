/*
** sdmx_csv.h — migration statistics and indicator values as SDMX-CSV 2.0
** data messages (docs/formats/sdmx-csv.md), for statistical offices and
** the agencies that collect figures in SDMX.
**
** An SDMX-CSV 2.0 file has a header row of fixed columns, STRUCTURE,
** STRUCTURE_ID and ACTION, then one column per component of the data
** structure: its dimensions, the measure OBS_VALUE, its attributes; each
** row after it is one observation, naming its dataflow ("dataflow",
** "LMPMON:DF_MIGRANT_STOCK(1.0)") and the action, here always "I"
** (information).  lmpmon's dataflows are three, one per kind of figure:
** migrant stocks and flows (by destination, channel, sex and period) and
** indicator values (by indicator and its revision, area, sex,
** destination, channel, sector and period).  Codes are the gazetteer's (ISO 3166-1 alpha-2,
** ISO 3166-2:KH), SDMX's cross-domain CL_SEX (F, M, _T) and "_Z" (not
** applicable) where a value is not broken down by a dimension; lmpmon's
** own code lists (channels, units, states) are in the format's page.
** Writing only: lmpmon reads its figures from its own CSV files.
*/
#ifndef LMPMON_SDMX_CSV_H
#define LMPMON_SDMX_CSV_H

#include <stddef.h>

#include "../base/buf.h"
#include "../core/indicator.h"
#include "../core/outreach.h"
#include "../store/store.h"

/* Write lmpmon's reference date or period z (outreach_check_period()) as
** an SDMX TIME_PERIOD into zOut (size n): a day, a month and a year as
** they are, a quarter "2019Q3" as "2019-Q3", a range "2017-04/2019-07"
** as its first day and its length, "2017-04-01/P28M" (in days, "P10D",
** when it does not begin and end on a month's bounds).  "" when z is
** not a period. */
void sdmx_time_period(const char *z, char *zOut, size_t n);

/* Append the figures a[0..n) to b as one SDMX-CSV 2.0 message of the
** dataflows DF_MIGRANT_STOCK and DF_MIGRANT_FLOW. */
void sdmx_stats_write(const StatObs *a, size_t n, Buf *b);

/* The figures stored in s, read in one read transaction, as
** sdmx_stats_write() writes them.  0, or -1 and err. */
int sdmx_stats_export(Store *s, Buf *b, AppErr *err);

/* Append the values aV[0..nV) of the indicators a[0..n) (for each its
** unit) to b as one SDMX-CSV 2.0 message of the dataflow DF_IND_VALUE. */
void sdmx_values_write(const Indicator *a, size_t n, const IndValue *aV,
                       size_t nV, Buf *b);

#endif
