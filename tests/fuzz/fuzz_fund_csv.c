/*
** fuzz_fund_csv.c — the costs and funding file reader (io/fund_csv.c),
** what 'lmpmon funding import FILE' parses before anything is resolved.
*/
#include "fuzz.h"
#include "io/fund_csv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    FundFile f;
    AppErr err = APPERR_INIT;
    int rc = fund_csv_read("fuzz.csv", (const char *)aData, nData, &f, &err);
    if (rc) {
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
    } else {
        /* What was read obeys the file's rules: amounts not negative,
        ** currencies of ISO 4217, lines numbered from 1, every row with
        ** the line it was read on. */
        for (size_t i = 0; i < f.set.nCost; i++) {
            const FundCost *c = &f.set.aCost[i];
            FUZZ_CHECK(c->amount >= 0 && money_currency_ok(c->zCurrency));
            FUZZ_CHECK(c->zRound[0] && c->zNode[0] && f.aiCostLine[i] > 1);
        }
        for (size_t i = 0; i < f.set.nLine; i++) {
            const FundLine *l = &f.set.aLine[i];
            FUZZ_CHECK(l->amount >= 0 && money_currency_ok(l->zCurrency));
            FUZZ_CHECK(l->iLine >= 1 && f.aiLineLine[i] > 1);
            FUZZ_CHECK((l->eKind == FUND_PARTNER) == (l->zOrg != NULL));
        }
    }
    fund_file_release(&f);
    return 0;
}
