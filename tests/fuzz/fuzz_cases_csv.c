/*
** fuzz_cases_csv.c — the complaints case import (io/cases_csv.c), what
** 'lmpmon cases import FILE' parses.
**
** The import checks every cell and writes in one transaction, so it needs
** a database: an in-memory SQLite store holding two organisations, so
** that assisting_org has names to resolve, misspell and get suggestions
** for.  An odd-sized input is imported with --create-orgs, an even-sized
** one without.
**
** Creating the store costs more than most imports, so one store serves
** the inputs that fail, and only while it is as new: a failed import must
** write nothing (that is checked: no case in the store afterwards).  After
** an import that succeeded the store is closed and the next input gets a
** new one, so no input sees what another wrote.
*/
#include "fuzz.h"
#include "io/cases_csv.h"

/* A fresh in-memory database with two organisations; aborts on failure
** (the harness is broken, not the input). */
static Store *
cases_store_new(void)
{
    AppErr err = APPERR_INIT;
    Store *s = store_open(":memory:", STORE_OPEN_CREATE, "fuzz", &err);
    FUZZ_CHECK(s != NULL);
    /* Org holds writable strings: arrays, not literals. */
    char zMolvt[] = "MoLVT", zMolvtName[] = "Ministry of Labour and "
                                            "Vocational Training";
    char zAlias[] = "MOLVT", zLscw[] = "LSCW",
         zLscwName[] = "Legal Support for Children and Women";
    char *azAlias[] = { zAlias };
    Org aOrg[] = {
        { zMolvt, zMolvtName, ORG_GOVERNMENT, NULL, azAlias, 1, NULL },
        { zLscw, zLscwName, ORG_NGO, NULL, NULL, 0, NULL },
    };
    FUZZ_CHECK(store_begin(s, &err) == 0);
    for (size_t i = 0; i < sizeof aOrg / sizeof aOrg[0]; i++) {
        FUZZ_CHECK(store_org_put(s, &aOrg[i], &err) == 0);
    }
    FUZZ_CHECK(store_commit(s, &err) == 0);
    return s;
}

static int
cases_count(void *pArg, const Case *c, const CasePerson *who)
{
    (*(long *)pArg)++;
    return 0;
}

/* The store shared by failing inputs (see above); NULL: make a new one. */
static Store *pFresh;

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    Store *s = pFresh ? pFresh : cases_store_new();
    pFresh = NULL;
    CaseImportStats st;
    AppErr err = APPERR_INIT;
    int rc = cases_csv_import(s, "fuzz.csv", (const char *)aData, nData,
                              (int)(nData & 1), &st, &err);
    if (rc) {
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
        long nCase = 0;
        AppErr err2 = APPERR_INIT;
        FUZZ_CHECK(
            store_case_scan(s, NULL, NULL, 1, cases_count, &nCase, &err2) == 0);
        FUZZ_CHECK(nCase == 0);
        pFresh = s;
    } else {
        FUZZ_CHECK(st.nCases >= 0 && (nData & 1 || st.nCreatedOrgs == 0));
        store_close(s);
    }
    return 0;
}
