/*
** fuzz_dhis2_json.c — the DHIS2 dataValueSet reader and its mapping file
** reader (io/dhis2_json.c), what 'lmpmon value import FILE.json --format
** dhis2 --mapping MAP.json' parses before it looks at the database.
**
** The input is read as a dataValueSet through a fixed mapping (the one of
** docs/formats/dhis2.md) and as a mapping itself.  A set read has one row
** of cells per value, each with an indicator of the mapping, a year or
** quarter and a number; a refusal is a message naming the file.  A
** mapping read has only well-formed identifiers.
*/
#include "fuzz.h"
#include "core/indicator.h"
#include "io/dhis2_json.h"

static const char zMap[] =
    "{ \"dataSet\": \"pBOMPrpg1QX\", \"attributeOptionCombo\": "
    "\"HllvX50cXC0\",\n"
    "  \"dataElements\": [ { \"indicator\": \"G10\", \"id\": \"fbfJHSPpUQD\" "
    "},\n"
    "    { \"indicator\": \"G11\", \"revision\": 2, \"id\": \"cYeuwXTCPkU\" } "
    "],\n"
    "  \"categoryOptionCombos\": [ { \"sex\": \"total\", \"id\": "
    "\"bRowv6yZOF2\" },\n"
    "    { \"sex\": \"women\", \"id\": \"Prlt0C1RF0s\" },\n"
    "    { \"sex\": \"total\", \"dimension\": \"channel\", \"code\": \"mou\", "
    "\"id\": \"psbwp3CQEhs\" } ],\n"
    "  \"orgUnits\": [ { \"place\": \"KH\", \"id\": \"ImspTQPwCqd\" },\n"
    "    { \"place\": \"KH-14\", \"id\": \"O6uvpzGd5pu\" },\n"
    "    { \"organisation\": \"MOLVT\", \"id\": \"fdc6uOvgoji\" } ] }\n";

static int
uid_ok(const char *z)
{
    return z && strlen(z) == 11;
}

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    Dhis2Map m, m2;
    IndValueRows rows;
    AppErr err = APPERR_INIT;
    memset(&m, 0, sizeof m);
    memset(&m2, 0, sizeof m2);
    memset(&rows, 0, sizeof rows);
    FUZZ_CHECK(dhis2_map_read("map.json", zMap, sizeof zMap - 1, &m, &err) ==
               0);
    if (dhis2_values_parse("fuzz.json", (const char *)aData, nData, &m, &rows,
                           &err) == 0) {
        for (size_t i = 0; i < rows.nRow; i++) {
            char **az = &rows.azCell[i * IND_VC_NCOL];
            double x;
            for (int c = 0; c < IND_VC_NCOL; c++) {
                FUZZ_CHECK(az[c] != NULL);
            }
            FUZZ_CHECK(strcmp(az[IND_VC_INDICATOR], "G10") == 0 ||
                       strcmp(az[IND_VC_INDICATOR], "G11") == 0);
            FUZZ_CHECK(strlen(az[IND_VC_PERIOD]) == 4 ||
                       az[IND_VC_PERIOD][4] == 'Q');
            FUZZ_CHECK(ind_number_parse(az[IND_VC_VALUE], &x) == 0);
        }
    } else {
        FUZZ_CHECK(strncmp(err.zMsg, "cannot import 'fuzz.json'", 25) == 0);
    }
    ind_value_rows_release(&rows);
    err = (AppErr)APPERR_INIT;
    if (dhis2_map_read("fuzz.json", (const char *)aData, nData, &m2, &err) ==
        0) {
        for (size_t i = 0; i < m2.nElem; i++) {
            FUZZ_CHECK(uid_ok(m2.aElem[i].zId) && m2.aElem[i].zIndicator);
        }
        for (size_t i = 0; i < m2.nCombo; i++) {
            FUZZ_CHECK(uid_ok(m2.aCombo[i].zId));
        }
        for (size_t i = 0; i < m2.nUnit; i++) {
            FUZZ_CHECK(uid_ok(m2.aUnit[i].zId));
            FUZZ_CHECK((m2.aUnit[i].zPlace == NULL) !=
                       (m2.aUnit[i].zOrg == NULL));
        }
    } else {
        FUZZ_CHECK(strncmp(err.zMsg, "cannot read mapping 'fuzz.json'", 31) ==
                   0);
    }
    dhis2_map_release(&m);
    dhis2_map_release(&m2);
    return 0;
}
