/*
** fuzz_cookies.c — the Cookie header (web/http.c), read by the router on
** every request to find the session and the pre-login CSRF token.
**
** The server gets the header as a C string, so the input is one (up to
** its first NUL).  Every pair kept has a non-empty name without ';' or
** leading space, and there are no more than LIMIT_FORM_FIELDS of them.
*/
#include "fuzz.h"
#include "web/http.h"
#include "web/web_limits.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    char *z = fuzz_cstr(aData, nData);
    Params p = { 0 };
    params_parse_cookies(&p, z);
    FUZZ_CHECK(p.n <= LIMIT_FORM_FIELDS);
    for (size_t i = 0; i < p.n; i++) {
        FUZZ_CHECK(p.azKey[i][0] && p.azKey[i][0] != ' ');
        FUZZ_CHECK(strchr(p.azKey[i], ';') == NULL);
        FUZZ_CHECK(strchr(p.azVal[i], ';') == NULL);
    }
    (void)params_get(&p, "lmpmon_session");
    (void)params_get(&p, "__Host-lmpmon_csrf");
    params_release(&p);
    /* A missing header is a NULL pointer. */
    params_parse_cookies(&p, NULL);
    FUZZ_CHECK(p.n == 0);
    free(z);
    return 0;
}
