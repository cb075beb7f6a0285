/*
** fuzz_outreach_csv.c — the outreach, media and statistics imports
** (io/outreach_csv.c), what 'lmpmon outreach|media|stats import FILE'
** parse.
**
** The first byte of the input chooses the kind of file (its value modulo
** three: events, media, statistics), the rest is the file.  The import
** resolves places through the gazetteer and organisations through the
** directory, so the store holds two organisations.  A failed import must
** write nothing: the data version (the newest audit row) is checked
** unchanged, and that store serves the next input; after an import that
** succeeded the store is closed and the next input gets a new one.
*/
#include "fuzz.h"
#include "io/outreach_csv.h"

/* A fresh in-memory database with two organisations; aborts on failure
** (the harness is broken, not the input). */
static Store *
outreach_store_new(void)
{
    AppErr err = APPERR_INIT;
    Store *s = store_open(":memory:", STORE_OPEN_CREATE, "fuzz", &err);
    FUZZ_CHECK(s != NULL);
    char zMolvt[] = "MOLVT", zMolvtName[] = "Ministry of Labour and "
                                            "Vocational Training";
    char zLscw[] = "LSCW", zLscwName[] = "Legal Support for Children and Women";
    Org aOrg[] = {
        { zMolvt, zMolvtName, ORG_GOVERNMENT, NULL, NULL, 0, NULL },
        { zLscw, zLscwName, ORG_NGO, NULL, NULL, 0, NULL },
    };
    FUZZ_CHECK(store_begin(s, &err) == 0);
    for (size_t i = 0; i < sizeof aOrg / sizeof aOrg[0]; i++) {
        FUZZ_CHECK(store_org_put(s, &aOrg[i], &err) == 0);
    }
    FUZZ_CHECK(store_commit(s, &err) == 0);
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
    Store *s = pFresh ? pFresh : outreach_store_new();
    pFresh = NULL;
    OutreachFile k = (OutreachFile)(aData[0] % OUTREACH_FILE_COUNT);
    long vBefore = 0, vAfter = 0;
    AppErr err = APPERR_INIT;
    FUZZ_CHECK(store_data_version(s, &vBefore, &err) == 0);
    OutreachImportStats st;
    int rc = outreach_csv_import(s, k, "fuzz.csv", (const char *)aData + 1,
                                 nData - 1, &st, &err);
    if (rc) {
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
        AppErr err2 = APPERR_INIT;
        FUZZ_CHECK(store_data_version(s, &vAfter, &err2) == 0);
        FUZZ_CHECK(vAfter == vBefore);
        pFresh = s;
    } else {
        FUZZ_CHECK(st.nWritten >= 0 && st.nWritten <= st.nRows);
        store_close(s);
    }
    return 0;
}
