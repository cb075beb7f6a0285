/*
** test_sdmx_csv.c — unit tests of the SDMX-CSV writer (src/io/sdmx_csv.h):
** lmpmon's periods as SDMX time periods (quarters, ranges in months or
** days across leap years), and the fixed columns and codes of a message.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "io/sdmx_csv.h"

static void
check_period(const char *z, const char *zWant)
{
    char zOut[48];
    sdmx_time_period(z, zOut, sizeof zOut);
    assert_string_equal(zOut, zWant);
}

static void
test_sdmx_time_period(void **state)
{
    (void)state;
    check_period("2017", "2017");
    check_period("2019Q3", "2019-Q3");
    check_period("2018-05", "2018-05");
    check_period("2019-08-31", "2019-08-31");
    /* Ranges: months when on a month's bounds, else days. */
    check_period("2017-04/2019-07", "2017-04-01/P28M");
    check_period("2018/2019Q2", "2018-01-01/P18M");
    check_period("2019Q3/2019Q3", "2019-07-01/P3M");
    check_period("2019-08-05/2019-08-31", "2019-08-05/P27D");
    check_period("2020-02-01/2020-02-29", "2020-02-01/P1M");
    check_period("2019-02-01/2019-02-28", "2019-02-01/P1M");
    check_period("2020-02-01/2020-02-28", "2020-02-01/P28D");
    check_period("2019-12-31/2020-03", "2019-12-31/P92D");
    /* Not a period: nothing. */
    check_period("2019Q5", "");
    check_period("soon", "");
    check_period("2019-02-30", "");
    check_period("2019/later", "");
}

static void
test_sdmx_stats_message(void **state)
{
    (void)state;
    char zTH[] = "TH", zKR[] = "KR", zMay[] = "2018-05", zQ3[] = "2019Q3";
    char zSrc1[] = "OFWA", zSrc2[] = "Office, \"Korea\"", zNote[] = "a note";
    StatObs a[2] = {
        { STAT_STOCK, zTH, STAT_MOU, STAT_WOMEN, zMay, zSrc1, 129680, NULL, 0,
          0 },
        { STAT_FLOW, zKR, STAT_CHANNEL_ANY, STAT_TOTAL, zQ3, zSrc2, 17, zNote,
          0, 0 },
    };
    Buf b = BUF_INIT;
    sdmx_stats_write(a, 2, &b);
    assert_string_equal(
        buf_str(&b),
        "STRUCTURE,STRUCTURE_ID,ACTION,DESTINATION,CHANNEL,SEX,TIME_PERIOD,"
        "OBS_VALUE,SOURCE,REF_DATE,OBS_COMMENT\r\n"
        "dataflow,LMPMON:DF_MIGRANT_STOCK(1.0),I,TH,MOU,F,2018-05,129680,OFWA,"
        "2018-05,\r\n"
        "dataflow,LMPMON:DF_MIGRANT_FLOW(1.0),I,KR,_T,_T,2019-Q3,17,"
        "\"Office, \"\"Korea\"\"\",2019Q3,a note\r\n");
    buf_release(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sdmx_time_period),
        cmocka_unit_test(test_sdmx_stats_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
