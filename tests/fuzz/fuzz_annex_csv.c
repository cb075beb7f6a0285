/*
** fuzz_annex_csv.c — the annex CSV reader (io/annex_csv.c), what
** 'lmpmon import annex.csv' parses before it looks at the database.
**
** The reader fills a Model and the AnnexCols; both are released whether
** it succeeded or not, as import.c does.  On success the plan must be one
** plan with the code asked for.
*/
#include "fuzz.h"
#include "io/annex_csv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    Model m = MODEL_INIT;
    AnnexCols cols;
    AppErr err = APPERR_INIT;
    memset(&cols, 0, sizeof cols);
    int rc = annex_csv_read("fuzz.csv", (const char *)aData, nData, "lmp", &m,
                            &cols, &err);
    if (rc == 0) {
        FUZZ_CHECK(m.nPlan == 1 && strcmp(m.aPlan[0].zCode, "lmp") == 0);
    } else {
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
    }
    annex_cols_release(&cols);
    model_release(&m);
    return 0;
}
