/*
** fuzz_urlencoded.c — url-encoded form bodies (web/http.c), what every
** POST of a form carries.
**
** Parsed as the server does (server.c: the raw body, no NUL after it);
** every pair kept must be valid UTF-8 without a NUL, and no more than
** LIMIT_FORM_FIELDS of them.  The body is parsed a second time into the
** same Params, as a query and a form may share one: the limit holds for
** the sum.
*/
#include "fuzz.h"
#include "base/utf8.h"
#include "web/http.h"
#include "web/web_limits.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    Params p = { 0 };
    const char *z = (const char *)aData;
    int rc = params_parse_urlencoded(&p, z, nData);
    if (rc == 0) {
        rc = params_parse_urlencoded(&p, z, nData);
    }
    FUZZ_CHECK(p.n <= LIMIT_FORM_FIELDS);
    for (size_t i = 0; i < p.n; i++) {
        FUZZ_CHECK(utf8_invalid_at(p.azKey[i], strlen(p.azKey[i])) < 0);
        FUZZ_CHECK(utf8_invalid_at(p.azVal[i], strlen(p.azVal[i])) < 0);
        FUZZ_CHECK(params_get(&p, p.azKey[i]) != NULL);
    }
    (void)params_get(&p, "csrf");
    params_release(&p);
    FUZZ_CHECK(p.n == 0 && p.azKey == NULL);
    return 0;
}
