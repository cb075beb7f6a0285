/*
** fuzz_url.c — percent-decoding and encoding (web/http.c): query values,
** form fields and the login page's "next" address go through them.
**
** Decoding gives NULL or valid UTF-8 without a NUL no longer than the
** input; whatever decodes, encoded again, decodes back to itself in both
** modes ('+' as space or not), and the encoding holds only unreserved
** characters and %XX.  url_local_target(), which vets the login page's
** decoded "next", lets through only a path on this site: one '/' not
** followed by '/' or '\', no control character, space or DEL.
*/
#include "fuzz.h"
#include "base/utf8.h"
#include "web/http.h"

static void
url_check_round_trip(const char *zDec)
{
    Buf b = BUF_INIT;
    url_encode(&b, zDec);
    FUZZ_CHECK(!buf_failed(&b));
    for (size_t i = 0; i < b.n; i++) {
        char c = b.z[i];
        FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   (c >= '0' && c <= '9') || strchr("-_.~%", c));
    }
    for (int bPlus = 0; bPlus < 2; bPlus++) {
        char *zAgain = url_decode(b.z, b.n, bPlus);
        FUZZ_CHECK(zAgain != NULL && strcmp(zAgain, zDec) == 0);
        free(zAgain);
    }
    buf_release(&b);
}

static void
url_check_local_target(const char *z)
{
    const char *zTarget = url_local_target(z);
    FUZZ_CHECK(zTarget == z || strcmp(zTarget, "/") == 0);
    FUZZ_CHECK(zTarget[0] == '/' && zTarget[1] != '/' && zTarget[1] != '\\');
    for (const unsigned char *p = (const unsigned char *)zTarget; *p; p++) {
        FUZZ_CHECK(*p > 0x20 && *p != 0x7f);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    const char *z = (const char *)aData;
    for (int bPlus = 0; bPlus < 2; bPlus++) {
        char *zDec = url_decode(z, nData, bPlus);
        if (zDec) {
            size_t n = strlen(zDec);
            FUZZ_CHECK(n <= nData);
            FUZZ_CHECK(utf8_invalid_at(zDec, n) < 0);
            url_check_round_trip(zDec);
            url_check_local_target(zDec);
        }
        free(zDec);
    }
    /* And the raw text, as a C string. */
    char *zRaw = fuzz_cstr(aData, nData);
    url_check_local_target(zRaw);
    free(zRaw);
    return 0;
}
