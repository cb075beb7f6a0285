/*
** fuzz_claims_csv.c — the claims file reader (io/claims_csv.c), what
** 'lmpmon report --claims FILE' parses.
*/
#include "fuzz.h"
#include "io/claims_csv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    Claim *a = NULL;
    size_t n = 0;
    AppErr err = APPERR_INIT;
    int rc =
        claims_csv_read("fuzz.csv", (const char *)aData, nData, &a, &n, &err);
    if (rc) {
        /* A failed read hands back nothing. */
        FUZZ_CHECK(a == NULL && n == 0);
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
    }
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(a[i].zRound && a[i].zRound[0] && a[i].zGroup[0]);
        claim_release(&a[i]);
    }
    free(a);
    return 0;
}
