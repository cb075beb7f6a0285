/*
** router.h — the route table and its enforcement.
*/
#ifndef LMPMON_ROUTER_H
#define LMPMON_ROUTER_H

#include "http.h"

typedef int (*WebHandler)(Req *r, Resp *w);

/* Who may use a route: bits of ROLE_BIT(role), plus: */
#define ROLE_BIT(r)  (1u << (r))
#define WEB_ANY_USER 0x1Fu /* every role */
#define WEB_EDITORS  (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_ME_OFFICER))
#define WEB_PUBLIC   0x100u /* anonymous readers too, with --public */
#define WEB_OPEN     0x200u /* no login at all (login page, assets) */
#define WEB_UPLOAD                                                             \
 0x400u /* takes files: a multipart/form-data body of
                            ** up to LIMIT_UPLOAD_BYTES, parsed only once
                            ** session and role allow the request */

typedef struct Route {
    const char *zMethod;  /* any method but GET changes state: the
                            ** router checks its CSRF token and origin */
    const char *zPattern; /* "{}" matches one path segment */
    unsigned who;         /* ROLE_BIT()s and WEB_PUBLIC / WEB_OPEN */
    WebHandler xHandler;
} Route;

/* The routes (routes.c), terminated by a NULL method. */
extern const Route aRoute[];

/* Whether the route for zMethod and zRawPath (as sent) takes files
** (WEB_UPLOAD): the server then lets its body grow to LIMIT_UPLOAD_BYTES
** instead of LIMIT_BODY_BYTES. */
int route_takes_upload(const char *zMethod, const char *zRawPath);

/* Before the body of a route that takes files is read: 401 when the
** request (its Cookie header zCookie) has no valid session, 403 when the
** user's role may not use the route, else 0 (also for any other route).
** An anonymous or unauthorised client then never gets to send, nor the
** server to hold, up to LIMIT_UPLOAD_BYTES for
** LIMIT_UPLOAD_TOTAL_SECONDS; the router checks it all again, with the
** CSRF token, once the body is in. */
int router_upload_refused(const WebConfig *cfg, const char *zMethod,
                          const char *zRawPath, const char *zCookie);

/* Whether a request with zMethod changes state (so needs its CSRF token):
** every method but GET and HEAD. */
int route_changes_state(const char *zMethod);

/* The language of a request (I18nLang): the one the visitor chose with the
** language switch (the cookie LANG_COOKIE in zCookie, the Cookie header or
** NULL), else the first of ours that zAccept (the Accept-Language header
** or NULL) prefers, else the installation's cfg->eLang.  A logged-in
** user's own preference would come first; it needs a column of users
** (not yet: the schema). */
#define LANG_COOKIE "lmpmon_lang"
int router_lang(const WebConfig *cfg, const char *zCookie, const char *zAccept);

/* Handle one request: find the route, open the database, check session,
** role and CSRF, run the handler.  Always fills w. */
void router_dispatch(Req *r, Resp *w);

/* The HTTP status of a failure: the one place where error codes become
** statuses.  Input 400, forbidden 403, not found 404, conflict 409, busy database 503,
** database, file-system and internal failures 500. */
int web_status_of(const AppErr *err);

/* Prepare w for the failure err: status from web_status_of(), Retry-After
** for a busy database, and err's detail (engine text, never shown to the
** user) written to the server log with the request's path.  The handler
** then fills the body (a page showing the form again, or web_fail()). */
void web_fail_status(const Req *r, Resp *w, const AppErr *err);

/* web_fail_status() and an error page with err's message. */
void web_fail(const Req *r, Resp *w, const AppErr *err);

/* An error page with the status's title and a short message (never the
** request's own text), in the site's frame: header, navigation and who is
** logged in, as far as r (NULL: nothing known yet) tells. */
void web_error(const Req *r, Resp *w, int status, const char *zMessage);

#endif
