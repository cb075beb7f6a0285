/*
** http.h — the request and response as the web layer's handlers see them.
**
** server.c fills a Req from libmicrohttpd and sends the Resp back; nothing
** else in the web layer touches libmicrohttpd, so a later switch of HTTP
** library stays in one file.  Query strings and url-encoded form bodies
** are decoded here, bounded and checked for valid UTF-8.
*/
#ifndef LMPMON_HTTP_H
#define LMPMON_HTTP_H

#include <stddef.h>

#include "../base/buf.h"
#include "../core/model.h"
#include "../store/store.h"
#include "web_limits.h"

/* Decoded name=value pairs (query string, form body or cookies). */
typedef struct Params {
    char **azKey;
    char **azVal;
    size_t n;
} Params;

typedef struct WebConfig WebConfig;

/* One file of a multipart/form-data body (multipart_parse()): its bytes
** point into the request's body, which outlives the request's handler. */
typedef struct WebUpload {
    char *zField;  /* the form field's name (heap) */
    char *zFile;   /* the file name the browser sent, without any
                        ** directory (heap, valid UTF-8, may be "") */
    const char *z; /* its content, not NUL-terminated (not owned) */
    size_t n;
} WebUpload;

typedef struct Req {
    const char *zMethod;   /* "GET", "POST", ... */
    const char *zPath;     /* decoded path, without the query */
    const char *zRawPath;  /* the path as sent (percent-encoded): routes
                             ** match it, then decode each parameter, so a
                             ** code holding '/' (%2F) is one parameter */
    const char *zClientIp; /* the client's address (behind a trusted
                             ** proxy: from X-Forwarded-For), for the log
                             ** and the failed-login throttle */
    Params query;
    Params form;       /* url-encoded POST body, or the text fields of
                        ** a multipart one (route flag WEB_UPLOAD) */
    const char *zBody; /* raw body (JSON API), NUL-terminated */
    size_t nBody;
    const char *zContentType; /* the Content-Type header, or NULL */
    WebUpload aUpload[LIMIT_UPLOAD_FILES]; /* the files of a multipart
                        ** body (routes flagged WEB_UPLOAD only) */
    int nUpload;
    const char *zCookie;       /* the Cookie header, or NULL */
    const char *zCsrfHeader;   /* X-CSRF-Token header, or NULL */
    const char *zSecFetchSite; /* Sec-Fetch-Site header, or NULL */
    const char *zOrigin;       /* Origin header, or NULL */
    const char *zHost;         /* Host header, or NULL */
    char *azParam[4];          /* path parameters ({code}), decoded */
    int nParam;
    /* Filled by the router: */
    Session ses; /* valid when bAuthed */
    int bAuthed;
    int bAnon;               /* anonymous reader of a --public server */
    Store *s;                /* the request's database connection */
    struct ReadModel *pView; /* shared snapshot held by the request */
    long iDataVersion;       /* the data version read with the session, for
                              ** a request that changes nothing; else -1 */
    const WebConfig *cfg;
    int eLang; /* the language of the answer (I18nLang): the visitor's
                ** switch (a cookie), else Accept-Language, else the
                ** installation's default (router_lang()); the thread
                ** serves the request in it (i18n_use()) */
} Req;

/* Bytes of a kept fragment (page_fragment()) that go into the response at
** offset at of body, sent from where they are kept instead of copied. */
typedef struct RespSplice {
    size_t at;
    const char *z;
    size_t n;
} RespSplice;

#define RESP_SPLICES 4

typedef struct Resp {
    int status;        /* HTTP status */
    const char *zType; /* Content-Type (static string) */
    Buf body;          /* the response's own bytes, around the splices */
    RespSplice aSplice[RESP_SPLICES];
    int nSplice;
    struct ReadModel *pHeld; /* the snapshot the splices point into, held
                             ** until the response is sent */
    char *zLocation;         /* redirect target, or NULL */
    char *zSetCookie;        /* Set-Cookie value, or NULL */
    char *zDisposition;      /* Content-Disposition value (a download:
                             ** "attachment; filename=..."), or NULL */
    int bPrivate;            /* logged-in content: Cache-Control no-store */
    int nRetryAfter;         /* seconds for a Retry-After header, 0: none */
} Resp;

/* Parse an application/x-www-form-urlencoded string z[0..n) (a form body
** or a query string) into p (appending).  Returns 0; PARAMS_BAD_TEXT for a
** pair that is not valid UTF-8 after decoding or holds a NUL; or
** PARAMS_TOO_MANY when p would hold more than LIMIT_FORM_FIELDS pairs. */
#define PARAMS_BAD_TEXT (-1)
#define PARAMS_TOO_MANY (-2)
int params_parse_urlencoded(Params *p, const char *z, size_t n);

/* Parse a multipart/form-data body z[0..n) (RFC 7578) whose Content-Type
** header is zType: each part without a file name becomes a pair of p (its
** value valid UTF-8 without NUL, as a url-encoded form's), each part with
** one (even "") an entry of aUp[] (*pnUp of them; its bytes point into
** z, the names are heap strings: release with uploads_release()).
** Returns 0; PARAMS_BAD_TEXT for a body that is not multipart as zType
** announces (no boundary, a part without a name, text that is not UTF-8,
** no closing delimiter); PARAMS_TOO_MANY for more than LIMIT_FORM_FIELDS
** text fields; PARAMS_TOO_MANY_FILES for more than LIMIT_UPLOAD_FILES
** files.  On failure what was parsed stays in p and aUp (release both).
**
** Our own parser rather than libmicrohttpd's post processor: the server
** collects a whole body before the router runs (it must see the route,
** the session and the role before parsing anything, and the CSRF token is
** one of the fields), and a whole buffer is parsed in one pass without
** copying a file; MHD's processor is fed in pieces as bytes arrive and
** hands values over in chunks, for a design that streams.  The parser is
** fuzzed (tests/fuzz/fuzz_multipart.c). */
#define PARAMS_TOO_MANY_FILES (-3)
int multipart_parse(Params *p, WebUpload *aUp, int *pnUp, const char *zType,
                    const char *z, size_t n);

/* Free the names of aUp[0..n). */
void uploads_release(WebUpload *aUp, int n);

/* Parse a Cookie header ("a=1; b=2") into p. */
void params_parse_cookies(Params *p, const char *z);

/* The value of the first pair named zKey, or NULL. */
const char *params_get(const Params *p, const char *zKey);

void params_release(Params *p);

/* Decode %XX and '+' of z[0..n) into a heap string (NUL-terminated); NULL
** when the result is not valid UTF-8 or holds a NUL byte. */
char *url_decode(const char *z, size_t n, int bPlusIsSpace);

/* Append z percent-encoded for a URL path segment or query value. */
void url_encode(Buf *b, const char *z);

/* z if it is a redirect target on this site, else "/".  A local target
** is a path: one '/' then anything but '/' or a backslash
** ("/plan?round=2018"), with no control character or space anywhere
** (browsers drop tabs and newlines inside a URL and read a backslash as
** '/', so "/<TAB>/evil.example" would lead to another site).  z is decoded
** text (a query or form value).  Returns z itself or a static string;
** never allocates. */
const char *url_local_target(const char *z);

/* Is zHost (a Host header; NULL when there was none) a name of this
** machine that no other site can point at: "localhost", an IPv4 literal
** in 127.0.0.0/8 or the IPv6 literal "[::1]", each with an optional
** ":PORT"?  A page on another site that rebinds its own DNS name to
** 127.0.0.1 reaches a loopback server with that name in Host; a server
** on loopback answers only these (server.c). */
int http_host_is_loopback(const char *zHost);

/* Convenience for handlers. */
const char *req_form(const Req *r, const char *zKey);  /* "" if absent */
const char *req_query(const Req *r, const char *zKey); /* "" if absent */

/* Make w an empty 200 response. */
void resp_init(Resp *w);

/* The body's length: its own bytes and the splices. */
size_t resp_length(const Resp *w);

/* Empty the body (its own bytes and the splices): for an error page or a
** download that replaces what a handler had begun. */
void resp_reset_body(Resp *w);

/* Free what w holds (the body, headers, the snapshot held for splices). */
void resp_release(Resp *w);

/* Set a redirect (303 See Other) to zLocation. */
void resp_redirect(Resp *w, const char *zLocation);

/* One line on the server's log (stderr), as the access log writes them:
** the UTC time, "lmpmon: ", the text.  For the server's own threads
** (backups, e-mail, the change watch). */
void web_log(const char *zFmt, ...) __attribute__((format(printf, 1, 2)));

#endif
