/*
** fuzz_multipart.c — multipart/form-data bodies (web/http.c), what a form
** that uploads files carries (the plan import).
**
** The input's first line is the Content-Type header, the rest the body,
** parsed as the router does (the raw body, no NUL after it).  Every text
** field kept must be valid UTF-8 without a NUL, no more than
** LIMIT_FORM_FIELDS of them; at most LIMIT_UPLOAD_FILES files, each with a
** non-empty field name and lying inside the body; a file name has no
** directory.
*/
#include "fuzz.h"
#include "base/utf8.h"
#include "web/http.h"
#include "web/web_limits.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    const uint8_t *pEol = memchr(aData, '\n', nData);
    size_t nType = pEol ? (size_t)(pEol - aData) : nData;
    char *zType = fuzz_cstr(aData, nType);
    const char *z = (const char *)aData + nType + (pEol != NULL);
    size_t n = nData - nType - (pEol != NULL);
    /* The body alone on the heap, so ASan sees a read past its end. */
    char *zBody = malloc(n ? n : 1);
    if (!zBody) {
        abort();
    }
    if (n) {
        memcpy(zBody, z, n);
    }
    Params p = { 0 };
    WebUpload aUp[LIMIT_UPLOAD_FILES];
    int nUp = 0;
    (void)multipart_parse(&p, aUp, &nUp, zType, zBody, n);
    FUZZ_CHECK(p.n <= LIMIT_FORM_FIELDS);
    FUZZ_CHECK(nUp >= 0 && nUp <= LIMIT_UPLOAD_FILES);
    for (size_t i = 0; i < p.n; i++) {
        FUZZ_CHECK(utf8_invalid_at(p.azKey[i], strlen(p.azKey[i])) < 0);
        FUZZ_CHECK(utf8_invalid_at(p.azVal[i], strlen(p.azVal[i])) < 0);
    }
    for (int i = 0; i < nUp; i++) {
        FUZZ_CHECK(aUp[i].zField[0] != 0);
        FUZZ_CHECK(aUp[i].z >= zBody && aUp[i].z + aUp[i].n <= zBody + n);
        FUZZ_CHECK(!strchr(aUp[i].zFile, '/') && !strchr(aUp[i].zFile, '\\'));
        FUZZ_CHECK(utf8_invalid_at(aUp[i].zFile, strlen(aUp[i].zFile)) < 0);
    }
    uploads_release(aUp, nUp);
    params_release(&p);
    free(zBody);
    free(zType);
    return 0;
}
