/*
** fuzz_attach.c — recognising a statement's attachment by its bytes
** (core/attach.c), which walks a zip archive's central directory as the
** file claims it to be: every answer is NULL or one of the accepted
** types, and nothing outside the input is read (ASan).
*/
#include "fuzz.h"
#include "core/attach.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    /* A copy of its own size, so a read past its end is caught. */
    uint8_t *a = malloc(nData ? nData : 1);
    if (!a) {
        abort();
    }
    if (nData) {
        memcpy(a, aData, nData);
    }
    const char *zType = attach_type_of(a, nData);
    FUZZ_CHECK(!zType || strcmp(attach_type_label(zType), "file") != 0);
    free(a);
    return 0;
}
