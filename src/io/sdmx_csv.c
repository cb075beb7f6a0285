/*
** sdmx_csv.c — figures as SDMX-CSV 2.0 data messages (see sdmx_csv.h and
** docs/formats/sdmx-csv.md).
**
** Each message is a header row and one row per observation, written in
** the component order of its data structure (dimensions, the measure,
** attributes), every field through csv_write_field() as lmpmon's other
** CSV files are.  The code lists are the tables below; the page of the
** format documents the same ones.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sdmx_csv.h"
#include "csv.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The agency, and the dataflows' identifiers as STRUCTURE_ID writes them. */
#define SDMX_DF_STOCK "LMPMON:DF_MIGRANT_STOCK(1.0)"
#define SDMX_DF_FLOW  "LMPMON:DF_MIGRANT_FLOW(1.0)"
#define SDMX_DF_VALUE "LMPMON:DF_IND_VALUE(1.0)"

/* Not applicable (SDMX's cross-domain code): a value not broken down by
** the dimension. */
#define SDMX_NA "_Z"

/* CL_SEX of SDMX's cross-domain code lists, by StatSex. */
static const char *const azSdmxSex[STAT_SEX_COUNT] = {
    [STAT_WOMEN] = "F",
    [STAT_MEN] = "M",
    [STAT_TOTAL] = "_T",
};

/* CL_LMP_CHANNEL, lmpmon's own, by StatChannel: "other" counts all
** channels or one not listed, which SDMX calls the total. */
static const char *const azSdmxChannel[STAT_CHANNEL_COUNT] = {
    [STAT_MOU] = "MOU",           [STAT_NV] = "NV",
    [STAT_SEASONAL] = "SEASONAL", [STAT_ONE_STOP] = "ONE_STOP",
    [STAT_CHANNEL_ANY] = "_T",
};

/* CL_LMP_UNIT, by IndUnit. */
static const char *const azSdmxUnit[IND_UNIT_COUNT] = {
    [IND_UNIT_NUMBER] = "NUMBER",
    [IND_UNIT_PERCENT] = "PT",
    [IND_UNIT_AMOUNT] = "AMOUNT",
};

/* CL_LMP_VALUE_STATE, by IndValueState. */
static const char *const azSdmxState[IND_VALUE_STATE_COUNT] = {
    [IND_VALUE_DRAFT] = "DRAFT",
    [IND_VALUE_SUBMITTED] = "SUBMITTED",
    [IND_VALUE_RETURNED] = "RETURNED",
    [IND_VALUE_VALIDATED] = "VALIDATED",
};

/* One part of a period, z[0..n): its first day in (y, m, d) and its last
** in (y2, m2, d2).  0, or -1 when it is none of a year, quarter, month
** or day. */
typedef struct PeriodPart {
    int y, m, d;    /* first day */
    int y2, m2, d2; /* last day */
} PeriodPart;

static int
digits(const char *z, size_t n, int *pOut)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (z[i] < '0' || z[i] > '9') {
            return -1;
        }
        v = v * 10 + (z[i] - '0');
    }
    *pOut = v;
    return 0;
}

static int
period_part(const char *z, size_t n, PeriodPart *p)
{
    memset(p, 0, sizeof *p);
    if (n < 4 || digits(z, 4, &p->y)) {
        return -1;
    }
    p->y2 = p->y;
    if (n == 4) {
        p->m = p->d = 1;
        p->m2 = 12;
        p->d2 = 31;
    } else if (n == 6 && z[4] == 'Q' && z[5] >= '1' && z[5] <= '4') {
        int q = z[5] - '0';
        p->m = 3 * q - 2;
        p->d = 1;
        p->m2 = 3 * q;
        p->d2 = str_month_days(p->y, p->m2);
    } else if (n == 7 && z[4] == '-' && !digits(z + 5, 2, &p->m) && p->m >= 1 &&
               p->m <= 12) {
        p->d = 1;
        p->m2 = p->m;
        p->d2 = str_month_days(p->y, p->m);
    } else if (n == 10 && z[4] == '-' && z[7] == '-' &&
               !digits(z + 5, 2, &p->m) && !digits(z + 8, 2, &p->d) &&
               p->m >= 1 && p->m <= 12 && p->d >= 1 &&
               p->d <= str_month_days(p->y, p->m)) {
        p->m2 = p->m;
        p->d2 = p->d;
    } else {
        return -1;
    }
    return 0;
}

void
sdmx_time_period(const char *z, char *zOut, size_t n)
{
    const char *zSlash = strchr(z, '/');
    size_t n1 = zSlash ? (size_t)(zSlash - z) : strlen(z);
    PeriodPart a, b;
    zOut[0] = 0;
    if (period_part(z, n1, &a)) {
        return;
    }
    if (!zSlash) {
        if (n1 == 6) {
            (void)snprintf(zOut, n, "%04d-Q%c", a.y, z[5]);
        } else {
            (void)snprintf(zOut, n, "%s", z);
        }
        return;
    }
    if (period_part(zSlash + 1, strlen(zSlash + 1), &b)) {
        return;
    }
    if (a.d == 1 && b.d2 == str_month_days(b.y2, b.m2)) {
        (void)snprintf(zOut, n, "%04d-%02d-01/P%dM", a.y, a.m,
                       (b.y2 - a.y) * 12 + b.m2 - a.m + 1);
    } else {
        (void)snprintf(zOut, n, "%04d-%02d-%02d/P%ldD", a.y, a.m, a.d,
                       str_civil_days(b.y2, b.m2, b.d2) -
                           str_civil_days(a.y, a.m, a.d) + 1);
    }
}

/* One row of fields az[0..n) as CSV. */
static void
write_row(Buf *b, const char *const *az, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i) {
            buf_putc(b, ',');
        }
        csv_write_field(b, az[i] ? az[i] : "");
    }
    buf_puts(b, "\r\n");
}

void
sdmx_stats_write(const StatObs *a, size_t n, Buf *b)
{
    static const char *const azHead[] = {
        "STRUCTURE", "STRUCTURE_ID", "ACTION",      "DESTINATION",
        "CHANNEL",   "SEX",          "TIME_PERIOD", "OBS_VALUE",
        "SOURCE",    "REF_DATE",     "OBS_COMMENT",
    };

    enum { N_COL = sizeof azHead / sizeof azHead[0] };

    write_row(b, azHead, N_COL);
    for (size_t i = 0; i < n; i++) {
        const StatObs *o = &a[i];
        char zTime[48], zValue[24];
        sdmx_time_period(o->zPeriod, zTime, sizeof zTime);
        (void)snprintf(zValue, sizeof zValue, "%lld", (long long)o->value);
        const char *az[N_COL] = {
            "dataflow",
            o->eMeasure == STAT_STOCK ? SDMX_DF_STOCK : SDMX_DF_FLOW,
            "I",
            o->zDest,
            azSdmxChannel[o->eChannel],
            azSdmxSex[o->eSex],
            zTime,
            zValue,
            o->zSource,
            o->zPeriod,
            o->zNote,
        };
        write_row(b, az, N_COL);
    }
}

int
sdmx_stats_export(Store *s, Buf *b, AppErr *err)
{
    StatObs *a = NULL;
    size_t n = 0;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_stat_list(s, &a, &n, err);
    store_end_read(s);
    if (rc == 0) {
        sdmx_stats_write(a, n, b);
    }
    for (size_t i = 0; i < n; i++) {
        stat_obs_release(&a[i]);
    }
    free(a);
    return rc;
}

/* The free text of a sector as an SDMX code: letters, digits, '-' and
** '_' kept, the rest '_' ("domestic work" is DOMESTIC_WORK). */
static void
sector_code(const char *z, char *zOut, size_t n)
{
    size_t j = 0;
    for (; *z && j + 1 < n; z++) {
        char c = *z;
        if (c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        } else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '_')) {
            c = '_';
        }
        zOut[j++] = c;
    }
    zOut[j] = 0;
}

void
sdmx_values_write(const Indicator *a, size_t n, const IndValue *aV, size_t nV,
                  Buf *b)
{
    static const char *const azHead[] = {
        "STRUCTURE",    "STRUCTURE_ID", "ACTION",      "INDICATOR",
        "REVISION",     "REF_AREA",     "SEX",         "DESTINATION",
        "CHANNEL",      "SECTOR",       "TIME_PERIOD", "OBS_VALUE",
        "UNIT_MEASURE", "NUMERATOR",    "DENOMINATOR", "SOURCE",
        "VALUE_STATE",
    };

    enum { N_COL = sizeof azHead / sizeof azHead[0] };

    write_row(b, azHead, N_COL);
    for (size_t i = 0; i < nV; i++) {
        const IndValue *v = &aV[i];
        const Indicator *p = NULL;
        for (size_t j = 0; j < n && !p; j++) {
            if (a[j].iRev == v->iRev && strcmp(a[j].zCode, v->zCode) == 0) {
                p = &a[j];
            }
        }
        char zTime[48], zValue[48], zRev[16], zNum[24] = "", zDen[24] = "";
        char zSector[128];
        sdmx_time_period(v->zPeriod, zTime, sizeof zTime);
        ind_number_text(v->value, zValue, sizeof zValue);
        (void)snprintf(zRev, sizeof zRev, "%d", v->iRev);
        if (v->num >= 0) {
            (void)snprintf(zNum, sizeof zNum, "%lld", (long long)v->num);
        }
        if (v->den >= 0) {
            (void)snprintf(zDen, sizeof zDen, "%lld", (long long)v->den);
        }
        const char *zCode = v->zDimCode ? v->zDimCode : "";
        const char *zChannel = SDMX_NA;
        if (v->eDim == IND_DIM_CHANNEL) {
            int iCh = code_index(CODE_STAT_CHANNEL, zCode);
            zChannel = iCh >= 0 ? azSdmxChannel[iCh] : zCode;
        }
        sector_code(v->eDim == IND_DIM_SECTOR ? zCode : SDMX_NA, zSector,
                    sizeof zSector);
        const char *az[N_COL] = {
            "dataflow",
            SDMX_DF_VALUE,
            "I",
            v->zCode,
            zRev,
            v->eDim == IND_DIM_PROVINCE ? zCode : "KH",
            azSdmxSex[v->eSex],
            v->eDim == IND_DIM_DESTINATION ? zCode : SDMX_NA,
            zChannel,
            zSector,
            zTime,
            zValue,
            p ? azSdmxUnit[p->eUnit] : "",
            zNum,
            zDen,
            v->zSource,
            azSdmxState[v->eState],
        };
        write_row(b, az, N_COL);
    }
}
