/*
** fuzz_host.c — the Host header check of a server on loopback
** (web/http.c: http_host_is_loopback()), run before a request's body is
** read.
**
** The input is the header as a C string (up to its first NUL).  What is
** taken for loopback must look like "localhost", an address in
** 127.0.0.0/8 or [::1], with at most a numeric port (host_looks_loopback()
** judges the text itself, not the way the server does).
*/
#include <arpa/inet.h>
#include <strings.h>

#include "fuzz.h"
#include "web/http.h"

/* Whether zHost has the shape of a loopback name, judged by its text: an
** optional ":PORT" of 1 to 5 digits, and before it "localhost" (any case),
** "127." and only digits and dots, or "[...]" holding only hex digits,
** ':' and '.' that inet_pton reads as ::1. */
static int
host_looks_loopback(const char *zHost)
{
    size_t n = strlen(zHost);
    const char *zColon = strrchr(zHost, ':');
    const char *zBracket = strrchr(zHost, ']');
    if (zColon && (!zBracket || zColon > zBracket)) {
        size_t nPort = strlen(zColon + 1);
        if (nPort < 1 || nPort > 5 ||
            strspn(zColon + 1, "0123456789") != nPort) {
            return 0;
        }
        n = (size_t)(zColon - zHost);
    }
    if (n == 9 && strncasecmp(zHost, "localhost", 9) == 0) {
        return 1;
    }
    if (n > 4 && strncmp(zHost, "127.", 4) == 0) {
        for (size_t i = 0; i < n; i++) {
            if (!strchr("0123456789.", zHost[i])) {
                return 0;
            }
        }
        return 1;
    }
    if (n > 2 && zHost[0] == '[' && zHost[n - 1] == ']' && n < 64) {
        char z[64];
        memcpy(z, zHost + 1, n - 2);
        z[n - 2] = 0;
        struct in6_addr a6;
        return strspn(z, "0123456789abcdefABCDEF:.") == n - 2 &&
               inet_pton(AF_INET6, z, &a6) == 1 && IN6_IS_ADDR_LOOPBACK(&a6);
    }
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    char *zHost = fuzz_cstr(aData, nData);
    if (http_host_is_loopback(zHost)) {
        FUZZ_CHECK(host_looks_loopback(zHost));
    }
    FUZZ_CHECK(!http_host_is_loopback(NULL));
    free(zHost);
    return 0;
}
