/*
** router.c — enforcing the route table before any handler runs.
**
** For every request: find the route (404 if the path is unknown, 405 if
** only the method is wrong); open the database; find the session from the
** cookie (expired sessions end here); check the route's audience (deny by
** default: a route names the roles it admits); for state-changing routes
** check the request's origin (Fetch Metadata) and the CSRF token.  Only
** then is the handler called.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "router.h"
#include "router_int.h"
#include "change_watch.h"
#include "page.h"
#include "session_cache.h"
#include "../app/readmodel.h"
#include "web.h"
#include "web_limits.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/secret.h"
#include "../report/escape.h"
#include "../base/banned.h"

void
web_error(const Req *r, Resp *w, int status, const char *zMessage)
{
    w->status = status;
    const char *zTitle = status == 400   ? _("Bad request")
                         : status == 401 ? _("Log in first")
                         : status == 403 ? _("Not allowed")
                         : status == 404 ? _("Not found")
                         : status == 405 ? _("Method not allowed")
                         : status == 409 ? _("Changed meanwhile")
                         : status == 413 ? _("Too large")
                         : status == 421 ? _("Wrong address")
                         : status == 429 ? _("Too many requests")
                         : status == 503 ? _("Busy, try again")
                                         : _("Server error");
    page_error(r, w, zTitle, zMessage);
}

int
web_status_of(const AppErr *err)
{
    switch (err->code) {
    case APPERR_INPUT:
    case APPERR_USAGE:
        return 400;
    case APPERR_NOTFOUND:
        return 404;
    case APPERR_FORBIDDEN:
        return 403;
    case APPERR_CONFLICT:
        return 409;
    case APPERR_BUSY:
        return 503;
    default:
        return 500;
    }
}

void
web_fail_status(const Req *r, Resp *w, const AppErr *err)
{
    w->status = web_status_of(err);
    if (err->code == APPERR_BUSY) {
        w->nRetryAfter = LIMIT_WEB_RETRY_AFTER_SECONDS;
    }
    if (err->zDetail[0] || w->status >= 500) {
        Buf b = BUF_INIT;
        buf_printf(&b, "lmpmon: %s %s: %s", r->zMethod, r->zPath, err->zMsg);
        if (err->zDetail[0]) {
            buf_printf(&b, " [%s]", err->zDetail);
        }
        buf_putc(&b, '\n');
        (void)fputs(buf_str(&b), stderr);
        buf_release(&b);
    }
}

void
web_fail(const Req *r, Resp *w, const AppErr *err)
{
    web_fail_status(r, w, err);
    int status = w->status;
    web_error(r, w, status, err->zMsg);
}

/* Each server thread keeps its database connection between requests:
** opening one (file, schema version, pragmas) costs more than most pages.
** The connection belongs to the thread, never to a request.
** A thread-specific key (not __thread) so the connection is closed when
** the thread ends at shutdown. */
static pthread_key_t storeKey;
static pthread_once_t storeKeyOnce = PTHREAD_ONCE_INIT;

static void
router_store_destroy(void *p)
{
    store_close(p);
}

static void
router_store_key(void)
{
    (void)pthread_key_create(&storeKey, router_store_destroy);
}

static Store *
router_store_acquire(const Req *r, AppErr *err)
{
    (void)pthread_once(&storeKeyOnce, router_store_key);
    Store *s = pthread_getspecific(storeKey);
    if (!s) {
        s = store_open(r->cfg->zDb, STORE_OPEN_EXISTING, "web", err);
        (void)pthread_setspecific(storeKey, s);
    }
    return s;
}

/* Give the connection back after a request; one that failed oddly (a
** server error) is closed, so the next request starts clean. */
static void
router_store_release(Store *s, int bBroken)
{
    if (bBroken) {
        store_close(s);
        (void)pthread_setspecific(storeKey, NULL);
    }
}

/* Match zPath, the path as sent (percent-encoded), against zPattern; a
** "{}" takes one segment, decoded (a code with '/' in it comes as %2F and
** stays one parameter); fills r's path parameters.  Declared in
** router_int.h for tests/fuzz. */
int
route_match(const char *zPattern, const char *zPath, Req *r)
{
    const char *p = zPattern, *q = zPath;
    int nParam = 0;
    char *azParam[4] = { NULL, NULL, NULL, NULL };
    while (*p && *q) {
        if (p[0] == '{' && p[1] == '}') {
            const char *e = strchr(q, '/');
            size_t n = e ? (size_t)(e - q) : strlen(q);
            char *zParam = n == 0 || nParam >= 4 ? NULL : url_decode(q, n, 0);
            if (!zParam || !*zParam) {
                free(zParam);
                break;
            }
            azParam[nParam++] = zParam;
            p += 2;
            q += n;
            continue;
        }
        if (*p != *q) {
            break;
        }
        p++;
        q++;
    }
    int bMatch = !*p && !*q;
    if (bMatch && r) {
        for (int i = 0; i < nParam; i++) {
            r->azParam[i] = azParam[i];
        }
        r->nParam = nParam;
        return 1;
    }
    for (int i = 0; i < nParam; i++) {
        free(azParam[i]);
    }
    return bMatch;
}

/* The session named by the request's cookie, if valid; ends expired ones. */
static void
router_session(Req *r)
{
    Params cookies = { 0 };
    params_parse_cookies(&cookies, r->zCookie);
    const char *zToken = params_get(&cookies, page_session_cookie(r));
    if (zToken && strlen(zToken) < 100) {
        char zHash[SECRET_HASH_HEX];
        secret_hash_token(zToken, zHash);
        AppErr err = APPERR_INIT;
        /* Kept from an earlier request while nothing changed anywhere
        ** (change_watch.h), else read (and kept). */
        unsigned long gen = change_watch_generation();
        int bFound = session_cache_get(zHash, gen, &r->ses);
        if (!bFound && store_session_get(r->s, zHash, &r->ses, &err) == 0) {
            session_cache_put(zHash, gen, &r->ses);
            bFound = 1;
        }
        if (bFound) {
            long now = (long)str_clock_now();
            if (r->ses.user.bDisabled ||
                now - r->ses.lastSeen > LIMIT_SESSION_IDLE_SECONDS ||
                now - r->ses.created > LIMIT_SESSION_ABSOLUTE_SECONDS) {
                (void)store_session_delete(r->s, zHash, &err);
                session_release(&r->ses);
            } else {
                r->bAuthed = 1;
                /* Refresh the idle clock at most once a minute: a write
                ** per page view would serialise readers for nothing. */
                if (now - r->ses.lastSeen > 60 &&
                    store_session_touch(r->s, zHash, now, &err) == 0) {
                    session_cache_touch(zHash, now);
                }
            }
        }
    }
    params_release(&cookies);
}

/* Cross-site requests that change state are refused (Fetch Metadata, then
** Origin against Host), before the token is even looked at. */
static int
router_same_origin(const Req *r)
{
    if (r->zSecFetchSite) {
        return strcmp(r->zSecFetchSite, "same-origin") == 0 ||
               strcmp(r->zSecFetchSite, "none") == 0;
    }
    if (r->zOrigin && r->zHost) {
        const char *z = strstr(r->zOrigin, "://");
        return z && strcmp(z + 3, r->zHost) == 0;
    }
    return 1; /* not a browser: the token decides */
}

static int
router_csrf_ok(const Req *r)
{
    if (!router_same_origin(r)) {
        return 0;
    }
    const char *zSent = params_get(&r->form, "csrf");
    if (!zSent) {
        zSent = r->zCsrfHeader;
    }
    if (r->bAuthed) {
        return secret_equal(zSent, r->ses.zCsrf);
    }
    /* Before login: the token of the pre-session cookie (double submit). */
    Params cookies = { 0 };
    params_parse_cookies(&cookies, r->zCookie);
    int bOk = secret_equal(zSent, params_get(&cookies, page_csrf_cookie(r)));
    params_release(&cookies);
    return bOk;
}

/* The fields and files of an upload route's multipart body, into r->form
** and r->aUpload (the server parsed no form for it: a body this large is
** read only for a user the route admits).  Returns 0, or -1 with w an
** error page. */
static int
router_read_upload(Req *r, Resp *w)
{
    if (!r->zContentType ||
        strncasecmp(r->zContentType, "multipart/form-data", 19) != 0) {
        return 0; /* a form without files: parsed by the server */
    }
    int rc = multipart_parse(&r->form, r->aUpload, &r->nUpload, r->zContentType,
                             r->zBody, r->nBody);
    if (rc == PARAMS_TOO_MANY_FILES) {
        Buf m = BUF_INIT;
        buf_printf(&m, _("Send at most %d files at once (LIMIT_UPLOAD_FILES)."),
                   LIMIT_UPLOAD_FILES);
        web_error(r, w, 400, buf_str(&m));
        buf_release(&m);
    } else if (rc == PARAMS_TOO_MANY) {
        web_error(r, w, 400,
                  _("The request has more fields than the server "
                    "accepts (LIMIT_FORM_FIELDS)."));
    } else if (rc) {
        web_error(r, w, 400,
                  _("The upload could not be read: send the files again "
                    "from the form."));
    }
    return rc ? -1 : 0;
}

/* The route that takes files for zMethod and zRawPath, or NULL. */
static const Route *
route_upload_of(const char *zMethod, const char *zRawPath)
{
    for (const Route *x = aRoute; x->zMethod; x++) {
        if ((x->who & WEB_UPLOAD) && strcmp(x->zMethod, zMethod) == 0 &&
            route_match(x->zPattern, zRawPath, NULL)) {
            return x;
        }
    }
    return NULL;
}

int
route_takes_upload(const char *zMethod, const char *zRawPath)
{
    return route_upload_of(zMethod, zRawPath) != NULL;
}

int
router_upload_refused(const WebConfig *cfg, const char *zMethod,
                      const char *zRawPath, const char *zCookie)
{
    const Route *route = route_upload_of(zMethod, zRawPath);
    if (!route || (route->who & WEB_OPEN)) {
        return 0;
    }
    Req r;
    memset(&r, 0, sizeof r);
    r.cfg = cfg;
    r.zMethod = zMethod;
    r.zPath = r.zRawPath = zRawPath;
    r.zCookie = zCookie;
    AppErr err = APPERR_INIT;
    r.s = router_store_acquire(&r, &err);
    if (!r.s) {
        return 0; /* the router says so once the request is in */
    }
    router_session(&r);
    int status = 0;
    if (!r.bAuthed) {
        status = 401;
    } else if (!(route->who & ROLE_BIT(r.ses.user.eRole))) {
        status = 403;
    }
    session_release(&r.ses);
    router_store_release(r.s, 0);
    return status;
}

void
router_dispatch(Req *r, Resp *w)
{
    const Route *route = NULL;
    int bPathKnown = 0;
    for (const Route *x = aRoute; x->zMethod && !route; x++) {
        if (route_match(x->zPattern, r->zRawPath, NULL)) {
            bPathKnown = 1;
            if (strcmp(x->zMethod, r->zMethod) == 0 ||
                (strcmp(r->zMethod, "HEAD") == 0 &&
                 strcmp(x->zMethod, "GET") == 0)) {
                route = x;
            }
        }
    }
    if (!route) {
        /* The error page keeps the site's frame: who is logged in shows
        ** in its header, as on any page. */
        AppErr err = APPERR_INIT;
        r->s = strncmp(r->zPath, "/static/", 8) == 0
                   ? NULL
                   : router_store_acquire(r, &err);
        if (r->s) {
            router_session(r);
        }
        web_error(r, w, bPathKnown ? 405 : 404,
                  bPathKnown ? _("This address does not accept that method.")
                             : _("There is no page at this address."));
        if (r->s) {
            router_store_release(r->s, 0);
            r->s = NULL;
        }
        return;
    }
    (void)route_match(route->zPattern, r->zRawPath, r);
    if (route->who & WEB_OPEN && !route_changes_state(route->zMethod) &&
        strncmp(r->zPath, "/static/", 8) == 0) {
        route->xHandler(r, w); /* assets need no database */
        return;
    }
    AppErr err = APPERR_INIT;
    r->s = router_store_acquire(r, &err);
    if (!r->s) {
        (void)fprintf(stderr, "lmpmon: %s\n", err.zMsg);
        web_error(r, w, 500,
                  _("The database cannot be opened; see the server log."));
        return;
    }
    router_session(r);
    /* A request that writes must see its own change: it reads the version
    ** again when it renders. */
    r->iDataVersion = -1;
    if (!route_changes_state(route->zMethod)) {
        if (r->bAuthed) {
            r->iDataVersion = r->ses.dataVersion;
        } else {
            /* An anonymous reader's: kept per generation too. */
            unsigned long gen = change_watch_generation();
            long v = 0;
            if (change_watch_version(gen, &v)) {
                r->iDataVersion = v;
            } else if (gen && store_data_version(r->s, &v, &err) == 0) {
                change_watch_keep_version(gen, v);
                r->iDataVersion = v;
            }
        }
    }
    store_set_actor(r->s, r->bAuthed ? r->ses.user.zName : "web");
    int bAllowed = 0;
    if (route->who & WEB_OPEN) {
        bAllowed = 1;
    } else if (r->bAuthed) {
        bAllowed = (route->who & ROLE_BIT(r->ses.user.eRole)) != 0;
    } else if (r->cfg->bPublic && (route->who & WEB_PUBLIC)) {
        r->bAnon = 1;
        bAllowed = 1;
    }
    if (!bAllowed) {
        if (!r->bAuthed && strncmp(r->zPath, "/api/", 5) != 0 &&
            strcmp(r->zMethod, "GET") == 0) {
            Buf loc = BUF_INIT;
            buf_puts(&loc, "/login?next=");
            url_encode(&loc, r->zPath);
            resp_redirect(w, buf_str(&loc));
            buf_release(&loc);
        } else {
            web_error(r, w, r->bAuthed ? 403 : 401,
                      r->bAuthed ? _("Your role does not allow this.")
                                 : _("Log in first."));
        }
    } else if ((route->who & WEB_UPLOAD) && router_read_upload(r, w) != 0) {
        /* refused: w says why */
    } else if (route_changes_state(r->zMethod) && !router_csrf_ok(r)) {
        web_error(r, w, 403,
                  _("The form has expired or did not come from this "
                    "site. Reload the page and try again."));
    } else {
        route->xHandler(r, w);
        if (r->bAuthed) {
            w->bPrivate = 1;
        }
        if (route_changes_state(r->zMethod)) {
            /* Before the answer leaves: the user's next page, here or on
            ** a server that has heard of it, shows what they did. */
            change_watch_moved();
        }
    }
    readmodel_release(r->pView);
    r->pView = NULL;
    /* A failed database connection is reset; a busy one is only busy. */
    router_store_release(r->s, w->status >= 500 && w->status != 503);
    r->s = NULL;
}

int
router_lang(const WebConfig *cfg, const char *zCookie, const char *zAccept)
{
    Params cookies = { 0 };
    params_parse_cookies(&cookies, zCookie);
    int e = i18n_lang_parse(params_get(&cookies, LANG_COOKIE));
    params_release(&cookies);
    if (e < 0) {
        e = i18n_lang_accept(zAccept);
    }
    return e >= 0 ? e : cfg->eLang;
}

int
route_changes_state(const char *zMethod)
{
    return strcmp(zMethod, "GET") != 0 && strcmp(zMethod, "HEAD") != 0;
}

void
web_describe_routes(Buf *b)
{
    for (const Route *x = aRoute; x->zMethod; x++) {
        buf_printf(b, "%-5s %-32s ", x->zMethod, x->zPattern);
        const char *zSep = "";
        if (x->who & WEB_OPEN) {
            buf_puts(b, "open");
            zSep = ",";
        }
        for (int e = 0; e < ROLE_COUNT; e++) {
            if (x->who & ROLE_BIT(e)) {
                buf_printf(b, "%s%s", zSep, role_name((Role)e));
                zSep = ",";
            }
        }
        if (x->who & WEB_PUBLIC) {
            buf_printf(b, "%spublic", zSep);
        }
        if (route_changes_state(x->zMethod)) {
            buf_puts(b, " csrf");
        }
        if (x->who & WEB_UPLOAD) {
            buf_puts(b, " upload");
        }
        buf_putc(b, '\n');
    }
}
