/*
** client_addr.h — who a request comes from, when a reverse proxy may stand
** between the client and lmpmon.
**
** Behind a proxy every TCP connection comes from the proxy's address, so
** the access log, the failed-login throttle and the per-client connection
** limit would treat all users as one.  'lmpmon serve --trusted-proxy ADDR'
** names the proxies; only for a connection from one of them is the
** X-Forwarded-For header believed, and then only as far as the proxies
** wrote it:
**
**     X-Forwarded-For: 6.6.6.6, 203.0.113.7, 10.0.0.2     peer 10.0.0.1
**                      ^ client's own  ^ added by proxy 10.0.0.2
**
** With 10.0.0.1 and 10.0.0.2 trusted, the client is 203.0.113.7: the
** right-most address that is not a trusted proxy.  Everything to its left
** was sent by the client and may be made up.  From any other peer the
** header is ignored, so nobody can choose the address lmpmon sees.
**
** server.c is the only user; the parsing has no libmicrohttpd in it so
** tests/unit/test_client_addr.c can exercise it directly.
*/
#ifndef LMPMON_CLIENT_ADDR_H
#define LMPMON_CLIENT_ADDR_H

#include <stddef.h>

#include "web_limits.h"
#include "../base/apperr.h"

struct sockaddr;

/* Room for an address as text with its NUL (INET6_ADDRSTRLEN). */
#define NET_ADDR_CHARS 46

/* An IPv4 or IPv6 address.  IPv4 is held IPv4-mapped (::ffff:a.b.c.d) so
** that the two spellings of one address compare equal. */
typedef struct NetAddr {
    unsigned char a[16]; /* network byte order */
} NetAddr;

/* The proxies of --trusted-proxy. */
typedef struct ProxyList {
    NetAddr aAddr[LIMIT_TRUSTED_PROXIES]; /* trusted peers, in given order */
    size_t nAddr;                         /* entries used; 0: trust none */
} ProxyList;

/* Parse the literal z[0..n) ("192.0.2.1", "2001:db8::1"; no port, no
** brackets, no zone).  Returns 0, or -1 when it is not an address. */
int net_addr_parse(const char *z, size_t n, NetAddr *p);

/* The address of an AF_INET or AF_INET6 socket address.  Returns 0, or -1
** for another family (then *p is zero). */
int net_addr_from_sockaddr(const struct sockaddr *sa, NetAddr *p);

/* Write p as text into z[NET_ADDR_CHARS]: dotted quad for IPv4 (mapped
** or not), RFC 5952 form for IPv6. */
void net_addr_format(const NetAddr *p, char z[NET_ADDR_CHARS]);

/* 1 when p and q are the same address. */
int net_addr_eq(const NetAddr *p, const NetAddr *q);

/* Add the address z to pl.  Returns 0, or -1 with err (APPERR_USAGE) when
** z is not an IPv4 or IPv6 literal or pl already holds
** LIMIT_TRUSTED_PROXIES addresses; the message quotes z. */
int proxy_list_add(ProxyList *pl, const char *z, AppErr *err);

/* 1 when p is one of pl's proxies. */
int proxy_list_has(const ProxyList *pl, const NetAddr *p);

/* The client of a request that arrived from pPeer carrying the
** X-Forwarded-For value zXff (all such headers joined by ", " in order;
** NULL when there is none).  Unless pPeer is a trusted proxy, the client
** is the peer.  Otherwise the list is read from the right, skipping empty
** elements and trusted proxies; the first other element is the client if
** it is an address.  If it is not (a proxy wrote "unknown", a port, a
** typo), or every element is a trusted proxy, the client is the peer:
** looking further left would take the client's own word for it.  Never
** fails, allocates nothing. */
void client_addr_resolve(const ProxyList *pl, const NetAddr *pPeer,
                         const char *zXff, NetAddr *pClient);

#endif
