/*
** fuzz_route.c — matching a request's path against the route table
** (web/router.c, web/routes.c), the first thing done with every request.
**
** The input is the path as sent, percent-encoded (a C string, so up to
** the first NUL).  Every route of aRoute[] is tried as router_dispatch()
** does: first without a request (nothing kept), then with one; both must
** agree, and a match takes one parameter per "{}": decoded, non-empty,
** valid UTF-8 (a '/' in it came as %2F).
*/
#include "fuzz.h"
#include "base/utf8.h"
#include "web/router.h"
#include "web/router_int.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    char *zPath = fuzz_cstr(aData, nData);
    for (const Route *x = aRoute; x->zMethod; x++) {
        int bMatch = route_match(x->zPattern, zPath, NULL);
        Req r;
        memset(&r, 0, sizeof r);
        FUZZ_CHECK(route_match(x->zPattern, zPath, &r) == bMatch);
        int nBrace = 0;
        for (const char *p = strstr(x->zPattern, "{}"); p;
             p = strstr(p + 2, "{}")) {
            nBrace++;
        }
        FUZZ_CHECK(r.nParam == (bMatch ? nBrace : 0));
        for (int i = 0; i < r.nParam; i++) {
            FUZZ_CHECK(r.azParam[i][0] &&
                       utf8_invalid_at(r.azParam[i], strlen(r.azParam[i])) < 0);
            free(r.azParam[i]);
        }
    }
    free(zPath);
    return 0;
}
