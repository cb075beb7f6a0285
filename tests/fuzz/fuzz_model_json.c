/*
** fuzz_model_json.c — the model JSON reader (io/model_json.c), what
** 'lmpmon import plan.json' parses before it looks at the database.
**
** What the reader accepts, the writer writes, and that must read again
** and write the same text: an export of an import can always be
** imported, and nothing changes on the way.  The same input also goes
** through model_json_depth_at() as the JSON API uses it (depth 1).
*/
#include "fuzz.h"
#include "io/model_json.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    Model m = MODEL_INIT;
    Model m2 = MODEL_INIT;
    char *zRev = NULL;
    char *zRev2 = NULL;
    Buf b = BUF_INIT;
    Buf b2 = BUF_INIT;
    AppErr err = APPERR_INIT;
    /* The JSON API's first look at a body: one flat object at most. */
    int iLine = 0, iCol = 0;
    if (model_json_depth_at((const char *)aData, nData, 1, &iLine, &iCol)) {
        FUZZ_CHECK(iLine >= 1 && iCol >= 1);
    }
    int rc = model_json_read("fuzz.json", (const char *)aData, nData, &m, &zRev,
                             &err);
    if (rc) {
        FUZZ_CHECK(zRev == NULL);
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
        goto out;
    }
    model_json_write_revision(&m, zRev, &b);
    FUZZ_CHECK(!buf_failed(&b));
    rc = model_json_read("again.json", b.z, b.n, &m2, &zRev2, &err);
    if (rc) {
        (void)fprintf(stderr, "re-read: %s\n", err.zMsg);
    }
    FUZZ_CHECK(rc == 0);
    FUZZ_CHECK((zRev == NULL) == (zRev2 == NULL));
    FUZZ_CHECK(zRev == NULL || strcmp(zRev, zRev2) == 0);
    model_json_write_revision(&m2, zRev2, &b2);
    FUZZ_CHECK(b.n == b2.n && memcmp(b.z, b2.z, b.n) == 0);
out:
    buf_release(&b);
    buf_release(&b2);
    free(zRev);
    free(zRev2);
    model_release(&m);
    model_release(&m2);
    return 0;
}
