/*
** client_addr.c — addresses, the trusted proxies and the client behind them
** (see client_addr.h for the rules and why).
*/
#include <arpa/inet.h>
#include <assert.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "client_addr.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The first 12 bytes of an IPv4-mapped IPv6 address (RFC 4291, 2.5.5.2). */
static const unsigned char aV4Mapped[12] = { 0, 0, 0, 0, 0,    0,
                                             0, 0, 0, 0, 0xff, 0xff };

int
net_addr_parse(const char *z, size_t n, NetAddr *p)
{
    char zCopy[NET_ADDR_CHARS];
    memset(p, 0, sizeof *p);
    if (n == 0 || n >= sizeof zCopy) {
        return -1;
    }
    memcpy(zCopy, z, n);
    zCopy[n] = 0;
    /* inet_pton() is strict: four decimal parts for IPv4 (no "1.2.3",
    ** no octal), no port, no brackets, no surrounding space. */
    if (memchr(zCopy, ':', n)) {
        return inet_pton(AF_INET6, zCopy, p->a) == 1 ? 0 : -1;
    }
    if (inet_pton(AF_INET, zCopy, p->a + 12) != 1) {
        return -1;
    }
    memcpy(p->a, aV4Mapped, sizeof aV4Mapped);
    return 0;
}

int
net_addr_from_sockaddr(const struct sockaddr *sa, NetAddr *p)
{
    memset(p, 0, sizeof *p);
    if (sa && sa->sa_family == AF_INET) {
        const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;
        memcpy(p->a, aV4Mapped, sizeof aV4Mapped);
        memcpy(p->a + 12, &s4->sin_addr, 4);
        return 0;
    }
    if (sa && sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
        memcpy(p->a, &s6->sin6_addr, 16);
        return 0;
    }
    return -1;
}

void
net_addr_format(const NetAddr *p, char z[NET_ADDR_CHARS])
{
    const char *zOk;
    if (memcmp(p->a, aV4Mapped, sizeof aV4Mapped) == 0) {
        zOk = inet_ntop(AF_INET, p->a + 12, z, NET_ADDR_CHARS);
    } else {
        zOk = inet_ntop(AF_INET6, p->a, z, NET_ADDR_CHARS);
    }
    assert(zOk); /* only fails for a short buffer or a bad family */
    (void)zOk;
}

int
net_addr_eq(const NetAddr *p, const NetAddr *q)
{
    return memcmp(p->a, q->a, sizeof p->a) == 0;
}

int
proxy_list_add(ProxyList *pl, const char *z, AppErr *err)
{
    NetAddr a;
    if (net_addr_parse(z, strlen(z), &a)) {
        return apperr_set(err, APPERR_USAGE,
                          "cannot trust proxy '%s': not an "
                          "IPv4 or IPv6 address (e.g. 127.0.0.1 or ::1)",
                          z);
    }
    if (pl->nAddr >= LIMIT_TRUSTED_PROXIES) {
        return apperr_set(err, APPERR_USAGE,
                          "cannot trust proxy '%s': at "
                          "most %u trusted proxies (LIMIT_TRUSTED_PROXIES)",
                          z, LIMIT_TRUSTED_PROXIES);
    }
    pl->aAddr[pl->nAddr++] = a;
    return 0;
}

int
proxy_list_has(const ProxyList *pl, const NetAddr *p)
{
    for (size_t i = 0; i < pl->nAddr; i++) {
        if (net_addr_eq(&pl->aAddr[i], p)) {
            return 1;
        }
    }
    return 0;
}

void
client_addr_resolve(const ProxyList *pl, const NetAddr *pPeer, const char *zXff,
                    NetAddr *pClient)
{
    *pClient = *pPeer;
    if (!zXff || !proxy_list_has(pl, pPeer)) {
        return;
    }
    /* Walk the elements from the right: [zBegin, zEnd) is the one at hand. */
    const char *zEnd = zXff + strlen(zXff);
    for (;;) {
        const char *zBegin = zEnd;
        while (zBegin > zXff && zBegin[-1] != ',') {
            zBegin--;
        }
        const char *a = zBegin, *b = zEnd;
        while (a < b && (*a == ' ' || *a == '\t')) {
            a++;
        }
        while (b > a && (b[-1] == ' ' || b[-1] == '\t')) {
            b--;
        }
        /* Empty elements ("a, , b", a trailing comma) are allowed in an
        ** HTTP list and mean nothing (RFC 9110, 5.6.1). */
        if (a < b) {
            NetAddr x;
            if (net_addr_parse(a, (size_t)(b - a), &x)) {
                return; /* not an address: keep the peer, see the header */
            }
            if (!proxy_list_has(pl, &x)) {
                *pClient = x;
                return;
            }
        }
        if (zBegin == zXff) {
            return; /* only trusted proxies: keep the peer */
        }
        zEnd = zBegin - 1; /* before the comma */
    }
}
