/*
** router.h — the route table and its enforcement.
*/
#ifndef LMPMON_ROUTER_H
#define LMPMON_ROUTER_H

#include "http.h"

typedef int (*WebHandler)(Req *r, Resp *w);

/* Who may use a route: bits of ROLE_BIT(role), plus: */
#define ROLE_BIT(r) (1u << (r))
#define WEB_ANY_USER 0x1Fu       /* every role */
#define WEB_EDITORS (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_ME_OFFICER))
#define WEB_PUBLIC 0x100u        /* anonymous readers too, with --public */
#define WEB_OPEN 0x200u          /* no login at all (login page, assets) */

typedef struct Route {
    const char *zMethod;
    const char *zPattern;   /* "{}" matches one path segment */
    unsigned who;           /* ROLE_BIT()s and WEB_PUBLIC / WEB_OPEN */
    int bCsrf;              /* state-changing: token and origin checked */
    WebHandler xHandler;
} Route;

/* The routes (routes.c), terminated by a NULL method. */
extern const Route aRoute[];

/* Handle one request: find the route, open the database, check session,
** role and CSRF, run the handler.  Always fills w. */
void router_dispatch(Req *r, Resp *w);

/* A page with only a status line and a short message (never the request's
** own text). */
void web_error(Resp *w, int status, const char *zMessage);

#endif
