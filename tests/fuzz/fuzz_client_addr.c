/*
** fuzz_client_addr.c — X-Forwarded-For and address literals
** (web/client_addr.c): who a request behind a trusted proxy comes from.
**
** Input: the first line is an address literal (the peer, when it parses;
** else 10.0.0.1, a trusted proxy); the rest is the X-Forwarded-For value
** (a C string, up to its first NUL).  10.0.0.1, 10.0.0.2 and ::1 are
** trusted.  Checked: an address that parses formats to text that parses
** to the same address; and the client found is the peer or an address
** written in the header, never a trusted proxy unless it is the peer.
*/
#include "fuzz.h"
#include "web/client_addr.h"

/* 1 when some comma-separated element of zXff parses as a. */
static int
xff_has(const char *zXff, const NetAddr *a)
{
    const char *p = zXff;
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t i = 0;
        while (i < n && (p[i] == ' ' || p[i] == '\t')) {
            i++;
        }
        while (n > i && (p[n - 1] == ' ' || p[n - 1] == '\t')) {
            n--;
        }
        NetAddr x;
        if (net_addr_parse(p + i, n - i, &x) == 0 && net_addr_eq(&x, a)) {
            return 1;
        }
        p = e ? e + 1 : NULL;
    }
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    const char *z = (const char *)aData;
    const char *nl = memchr(z, '\n', nData);
    size_t nPeer = nl ? (size_t)(nl - z) : nData;
    char *zXff = nl ? fuzz_cstr(aData + nPeer + 1, nData - nPeer - 1) : NULL;
    ProxyList pl;
    AppErr err = APPERR_INIT;
    memset(&pl, 0, sizeof pl);
    FUZZ_CHECK(proxy_list_add(&pl, "10.0.0.1", &err) == 0);
    FUZZ_CHECK(proxy_list_add(&pl, "10.0.0.2", &err) == 0);
    FUZZ_CHECK(proxy_list_add(&pl, "::1", &err) == 0);

    NetAddr peer, again, client;
    if (net_addr_parse(z, nPeer, &peer) == 0) {
        char zText[NET_ADDR_CHARS];
        net_addr_format(&peer, zText);
        FUZZ_CHECK(strlen(zText) < NET_ADDR_CHARS);
        FUZZ_CHECK(net_addr_parse(zText, strlen(zText), &again) == 0);
        FUZZ_CHECK(net_addr_eq(&peer, &again));
    } else {
        FUZZ_CHECK(net_addr_parse("10.0.0.1", 8, &peer) == 0);
    }
    client_addr_resolve(&pl, &peer, zXff, &client);
    if (!net_addr_eq(&client, &peer)) {
        FUZZ_CHECK(proxy_list_has(&pl, &peer));
        FUZZ_CHECK(!proxy_list_has(&pl, &client));
        FUZZ_CHECK(xff_has(zXff, &client));
    }
    free(zXff);
    return 0;
}
