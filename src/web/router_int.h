/*
** router_int.h — router.c's internals that its tests need.
**
** Only tests/fuzz/fuzz_route.c includes this: the route matching is fed
** hostile paths there without a server, a database or a session.
*/
#ifndef LMPMON_ROUTER_INT_H
#define LMPMON_ROUTER_INT_H

#include "http.h"

/* 1 when zPath, the path as sent (percent-encoded), matches zPattern, else
** 0.  A "{}" matches one path segment that decodes (url_decode()) to a
** non-empty text, at most four of them.  With r, a match also stores the
** decoded segments as heap strings in r->azParam[] and their count in
** r->nParam (the caller frees them); without r, or when there is no
** match, nothing is kept. */
int route_match(const char *zPattern, const char *zPath, Req *r);

#endif
