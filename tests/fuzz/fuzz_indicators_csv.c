/*
** fuzz_indicators_csv.c — the indicators and values imports
** (io/indicators_csv.c), what 'lmpmon indicator import FILE' and 'lmpmon
** value import FILE' parse, check and write.
**
** The first byte of the input chooses the kind of file (bit 0:
** definitions or values) and who imports it (bit 1: the administrator, or
** a reporter of MOLVT, whom the rules let enter values of MOLVT's
** indicators only); the rest is the file.  The store holds the shipped
** sample's plan (plan.json and annex.csv) and its goals' indicators, so codes, goals, organisations
** and revisions resolve.  A failed import must write nothing: the data
** version (the newest audit row) is checked unchanged, and that store
** serves the next input; after an import that succeeded the store is
** closed and the next input gets a new one.
*/
#include "fuzz.h"
#include "io/import.h"
#include "io/indicators_csv.h"
#include "io/samples.h"

#define FUZZ_SAMPLE "cambodia-lmp-2015-2018"

/* A fresh in-memory database with the sample's plan and indicators;
** aborts on failure (the harness is broken, not the input). */
static Store *
indicators_store_new(void)
{
    AppErr err = APPERR_INIT;
    Store *s = store_open(":memory:", STORE_OPEN_CREATE, "fuzz", &err);
    FUZZ_CHECK(s != NULL);
    const EmbeddedFile *pPlan = samples_find(FUZZ_SAMPLE "/plan.json");
    const EmbeddedFile *pAnnex = samples_find(FUZZ_SAMPLE "/annex.csv");
    const EmbeddedFile *pInd = samples_find(FUZZ_SAMPLE "/indicators.csv");
    FUZZ_CHECK(pPlan && pAnnex && pInd);
    ImportInput aIn[] = {
        { "plan.json", (const char *)pPlan->aData, pPlan->nData, IMPORT_AUTO },
        { "annex.csv", (const char *)pAnnex->aData, pAnnex->nData,
          IMPORT_AUTO },
    };
    ImportOpts opts = { NULL, 0, 0, 0, 0 };
    ImportStats stats;
    FUZZ_CHECK(import_run(s, aIn, 2, &opts, &stats, &err) == 0);
    import_stats_release(&stats);
    Actor admin = { "fuzz", ROLE_ADMIN, NULL };
    IndImportStats st;
    int rc =
        ind_csv_import(s, &admin, IND_FILE_INDICATORS, NULL, "indicators.csv",
                       (const char *)pInd->aData, pInd->nData, &st, &err);
    if (rc) {
        (void)fprintf(stderr, "the sample's indicators: %s\n", err.zMsg);
    }
    FUZZ_CHECK(rc == 0);
    return s;
}

/* The store shared by failing inputs (see above); NULL: make a new one. */
static Store *pFresh;

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    if (nData == 0) {
        return 0;
    }
    Store *s = pFresh ? pFresh : indicators_store_new();
    pFresh = NULL;
    IndFileKind k = (aData[0] & 1) ? IND_FILE_VALUES : IND_FILE_INDICATORS;
    Actor admin = { "fuzz", ROLE_ADMIN, NULL };
    Actor reporter = { "molvt", ROLE_REPORTER, "MOLVT" };
    const Actor *who = (aData[0] & 2) ? &reporter : &admin;
    long vBefore = 0, vAfter = 0;
    AppErr err = APPERR_INIT;
    FUZZ_CHECK(store_data_version(s, &vBefore, &err) == 0);
    IndImportStats st;
    int rc = ind_csv_import(s, who, k, NULL, "fuzz.csv",
                            (const char *)aData + 1, nData - 1, &st, &err);
    if (rc) {
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
        AppErr err2 = APPERR_INIT;
        FUZZ_CHECK(store_data_version(s, &vAfter, &err2) == 0);
        FUZZ_CHECK(vAfter == vBefore);
        pFresh = s;
    } else {
        FUZZ_CHECK(st.nWritten >= 0 && st.nWritten <= st.nRows);
        /* A reporter may not define indicators. */
        FUZZ_CHECK(k == IND_FILE_VALUES || who == &admin || st.nRows == 0);
        store_close(s);
    }
    return 0;
}
