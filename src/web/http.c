/*
** http.c — decoding query strings, forms and cookies (see http.h).
*/
/* memmem(), for the multipart delimiter. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http.h"
#include "web_limits.h"
#include "../app/readmodel.h"
#include "../base/base.h"
#include "../base/banned.h"

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

char *
url_decode(const char *z, size_t n, int bPlusIsSpace)
{
    char *out = xmalloc(n + 1);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        char c = z[i];
        if (c == '+' && bPlusIsSpace) {
            c = ' ';
        } else if (c == '%' && i + 2 < n && hex_value(z[i + 1]) >= 0 &&
                   hex_value(z[i + 2]) >= 0) {
            c = (char)(hex_value(z[i + 1]) * 16 + hex_value(z[i + 2]));
            i += 2;
        }
        if (c == 0) {
            free(out);
            return NULL;
        }
        out[j++] = c;
    }
    out[j] = 0;
    if (utf8_invalid_at(out, j) >= 0) {
        free(out);
        return NULL;
    }
    return out;
}

void
url_encode(Buf *b, const char *z)
{
    static const char zHex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)z; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' ||
            *p == '~') {
            buf_putc(b, (char)*p);
        } else {
            buf_putc(b, '%');
            buf_putc(b, zHex[*p >> 4]);
            buf_putc(b, zHex[*p & 15]);
        }
    }
}

const char *
url_local_target(const char *z)
{
    /* "//host" and "/\\host" are network-path references: another site. */
    if (z[0] != '/' || z[1] == '/' || z[1] == '\\') {
        return "/";
    }
    /* C0 controls, space and DEL; and C1 controls (U+0080..U+009F, UTF-8
    ** C2 80..C2 9F), which have no business in a path either.  Non-ASCII
    ** letters stay: an organisation's acronym may be Khmer. */
    for (const unsigned char *p = (const unsigned char *)z; *p; p++) {
        if (*p <= 0x20 || *p == 0x7f ||
            (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)) {
            return "/";
        }
    }
    return z;
}

int
http_host_is_loopback(const char *zHost)
{
    if (!zHost) {
        return 0;
    }
    /* Split "name[:port]"; an IPv6 literal is bracketed. */
    const char *zEnd;
    if (zHost[0] == '[') {
        zEnd = strchr(zHost, ']');
        zEnd = zEnd ? zEnd + 1 : NULL;
    } else {
        zEnd = strchr(zHost, ':');
        zEnd = zEnd ? zEnd : zHost + strlen(zHost);
    }
    if (!zEnd || zEnd == zHost) {
        return 0;
    }
    if (*zEnd) {
        size_t nPort = strlen(zEnd + 1);
        if (zEnd[0] != ':' || nPort < 1 || nPort > 5 ||
            strspn(zEnd + 1, "0123456789") != nPort) {
            return 0;
        }
    }
    char zName[64];
    size_t n = (size_t)(zEnd - zHost);
    if (n >= sizeof zName) {
        return 0;
    }
    memcpy(zName, zHost, n);
    zName[n] = 0;
    if (strcasecmp(zName, "localhost") == 0) {
        return 1;
    }
    struct in_addr a4;
    if (inet_pton(AF_INET, zName, &a4) == 1) {
        return (ntohl(a4.s_addr) >> 24) == 127;
    }
    struct in6_addr a6;
    if (zName[0] == '[' && n > 2) {
        zName[n - 1] = 0;
        return inet_pton(AF_INET6, zName + 1, &a6) == 1 &&
               IN6_IS_ADDR_LOOPBACK(&a6);
    }
    return 0;
}

static void
params_add(Params *p, char *zKey, char *zVal)
{
    p->azKey = xreallocarray(p->azKey, p->n + 1, sizeof *p->azKey);
    p->azVal = xreallocarray(p->azVal, p->n + 1, sizeof *p->azVal);
    p->azKey[p->n] = zKey;
    p->azVal[p->n] = zVal;
    p->n++;
}

int
params_parse_urlencoded(Params *p, const char *z, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && z[e] != '&') {
            e++;
        }
        if (e > i) {
            if (p->n >= LIMIT_FORM_FIELDS) {
                return PARAMS_TOO_MANY;
            }
            const char *eq = memchr(z + i, '=', e - i);
            size_t nKey = eq ? (size_t)(eq - (z + i)) : e - i;
            char *zKey = url_decode(z + i, nKey, 1);
            char *zVal = eq ? url_decode(eq + 1, (size_t)(z + e - eq - 1), 1)
                            : xstrdup("");
            if (!zKey || !zVal) {
                free(zKey);
                free(zVal);
                return PARAMS_BAD_TEXT;
            }
            params_add(p, zKey, zVal);
        }
        i = e + 1;
    }
    return 0;
}

/* The boundary of a multipart/form-data Content-Type into z (at most 70
** bytes, RFC 2046), or -1. */
static int
multipart_boundary(const char *zType, char z[72])
{
    static const char zMedia[] = "multipart/form-data";
    if (!zType || strncasecmp(zType, zMedia, sizeof zMedia - 1) != 0) {
        return -1;
    }
    const char *p = zType + sizeof zMedia - 1;
    while (*p) {
        while (*p == ';' || *p == ' ' || *p == '\t') {
            p++;
        }
        if (strncasecmp(p, "boundary=", 9) == 0) {
            p += 9;
            size_t n;
            if (*p == '"') {
                p++;
                const char *e = strchr(p, '"');
                if (!e) {
                    return -1;
                }
                n = (size_t)(e - p);
            } else {
                n = strcspn(p, "; \t");
            }
            if (n == 0 || n > 70) {
                return -1;
            }
            memcpy(z, p, n);
            z[n] = 0;
            return 0;
        }
        p += strcspn(p, ";");
    }
    return -1;
}

/* The value of parameter zName ("name", "filename") of a
** Content-Disposition header's value z[0..n), as a heap string, or NULL
** when it has none.  Browsers send names quoted, with '"' and line breaks
** written %22, %0D, %0A (the HTML standard), so a value ends at the next
** quote; an unquoted one (a token) at ';' or space. */
static char *
multipart_param(const char *z, size_t n, const char *zName)
{
    size_t nName = strlen(zName);
    size_t i = 0;
    while (i < n) {
        /* At the start of a parameter: after ';' and spaces. */
        while (i < n && (z[i] == ';' || z[i] == ' ' || z[i] == '\t')) {
            i++;
        }
        int bMatch = n - i > nName && strncasecmp(z + i, zName, nName) == 0 &&
                     z[i + nName] == '=';
        size_t j = i;
        while (j < n && z[j] != '=' && z[j] != ';') {
            j++;
        }
        if (j < n && z[j] == '=') {
            j++;
            size_t v = j, e;
            if (j < n && z[j] == '"') {
                v = ++j;
                while (j < n && z[j] != '"') {
                    j++;
                }
                e = j;
                j += j < n;
            } else {
                while (j < n && z[j] != ';' && z[j] != ' ') {
                    j++;
                }
                e = j;
            }
            if (bMatch) {
                return xstrndup(z + v, e - v);
            }
        }
        while (j < n && z[j] != ';') {
            j++;
        }
        i = j;
    }
    return NULL;
}

/* A header line's value if the line z[0..n) is header zName, else NULL. */
static const char *
multipart_header(const char *z, size_t n, const char *zName, size_t *pnVal)
{
    size_t nName = strlen(zName);
    if (n <= nName || strncasecmp(z, zName, nName) != 0 || z[nName] != ':') {
        return NULL;
    }
    size_t i = nName + 1;
    while (i < n && (z[i] == ' ' || z[i] == '\t')) {
        i++;
    }
    *pnVal = n - i;
    return z + i;
}

/* Text a form may hold: valid UTF-8, no NUL. */
static int
multipart_text_ok(const char *z, size_t n)
{
    return !memchr(z, 0, n) && utf8_invalid_at(z, n) < 0;
}

int
multipart_parse(Params *p, WebUpload *aUp, int *pnUp, const char *zType,
                const char *z, size_t n)
{
    char zBound[72];
    char zDelim[76]; /* CRLF "--" boundary */
    if (multipart_boundary(zType, zBound)) {
        return PARAMS_BAD_TEXT;
    }
    size_t nDelim = (size_t)snprintf(zDelim, sizeof zDelim, "\r\n--%s", zBound);
    /* The first delimiter may open the body (no CRLF before it) or follow
    ** a preamble. */
    size_t at;
    if (n >= nDelim - 2 && memcmp(z, zDelim + 2, nDelim - 2) == 0) {
        at = nDelim - 2;
    } else {
        const char *d = memmem(z, n, zDelim, nDelim);
        if (!d) {
            return PARAMS_BAD_TEXT;
        }
        at = (size_t)(d - z) + nDelim;
    }
    for (;;) {
        /* After a delimiter: "--" ends the body, else padding and CRLF. */
        if (n - at >= 2 && z[at] == '-' && z[at + 1] == '-') {
            return 0;
        }
        while (at < n && (z[at] == ' ' || z[at] == '\t')) {
            at++;
        }
        if (n - at < 2 || z[at] != '\r' || z[at + 1] != '\n') {
            return PARAMS_BAD_TEXT;
        }
        at += 2;
        size_t nLook = n - at < LIMIT_UPLOAD_PART_HEADER_BYTES
                           ? n - at
                           : LIMIT_UPLOAD_PART_HEADER_BYTES;
        const char *zHeadEnd = memmem(z + at, nLook, "\r\n\r\n", 4);
        if (!zHeadEnd) {
            return PARAMS_BAD_TEXT;
        }
        /* The part's headers: only Content-Disposition matters. */
        char *zName = NULL, *zFile = NULL;
        int bFile = 0, bSeen = 0;
        const char *h = z + at;
        while (h < zHeadEnd + 2) {
            const char *e = memmem(h, (size_t)(zHeadEnd + 2 - h), "\r\n", 2);
            size_t nVal;
            const char *zVal = multipart_header(h, (size_t)(e - h),
                                                "Content-Disposition", &nVal);
            if (zVal && !bSeen) { /* the first one counts */
                bSeen = 1;
                zName = multipart_param(zVal, nVal, "name");
                zFile = multipart_param(zVal, nVal, "filename");
                bFile = zFile != NULL;
            }
            h = e + 2;
        }
        size_t iBody = (size_t)(zHeadEnd - z) + 4;
        const char *d = memmem(z + iBody, n - iBody, zDelim, nDelim);
        int rc = 0;
        if (!d || !zName || !*zName ||
            !multipart_text_ok(zName, strlen(zName)) ||
            (zFile && !multipart_text_ok(zFile, strlen(zFile)))) {
            rc = PARAMS_BAD_TEXT;
        }
        size_t nBody = d ? (size_t)(d - (z + iBody)) : 0;
        if (rc == 0 && bFile) {
            if (*pnUp >= LIMIT_UPLOAD_FILES) {
                rc = PARAMS_TOO_MANY_FILES;
            } else {
                /* The name without the directory some browsers send. */
                const char *zBase = zFile;
                for (const char *q = zFile; *q; q++) {
                    if (*q == '/' || *q == '\\') {
                        zBase = q + 1;
                    }
                }
                WebUpload *u = &aUp[(*pnUp)++];
                u->zField = zName;
                u->zFile = xstrdup(zBase);
                u->z = z + iBody;
                u->n = nBody;
                zName = NULL;
            }
        } else if (rc == 0) {
            if (p->n >= LIMIT_FORM_FIELDS) {
                rc = PARAMS_TOO_MANY;
            } else if (!multipart_text_ok(z + iBody, nBody)) {
                rc = PARAMS_BAD_TEXT;
            } else {
                params_add(p, zName, xstrndup(z + iBody, nBody));
                zName = NULL;
            }
        }
        free(zName);
        free(zFile);
        if (rc) {
            return rc;
        }
        at = (size_t)(d - z) + nDelim;
    }
}

void
uploads_release(WebUpload *aUp, int n)
{
    for (int i = 0; i < n; i++) {
        free(aUp[i].zField);
        free(aUp[i].zFile);
        aUp[i].zField = aUp[i].zFile = NULL;
    }
}

void
params_parse_cookies(Params *p, const char *z)
{
    while (z && *z && p->n < LIMIT_FORM_FIELDS) {
        while (*z == ' ' || *z == ';') {
            z++;
        }
        const char *e = strchr(z, ';');
        size_t n = e ? (size_t)(e - z) : strlen(z);
        const char *eq = memchr(z, '=', n);
        if (eq && eq > z) {
            params_add(p, xstrndup(z, (size_t)(eq - z)),
                       xstrndup(eq + 1, (size_t)(z + n - eq - 1)));
        }
        z += n;
    }
}

const char *
params_get(const Params *p, const char *zKey)
{
    for (size_t i = 0; i < p->n; i++) {
        if (strcmp(p->azKey[i], zKey) == 0) {
            return p->azVal[i];
        }
    }
    return NULL;
}

void
params_release(Params *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->azKey[i]);
        free(p->azVal[i]);
    }
    free(p->azKey);
    free(p->azVal);
    memset(p, 0, sizeof *p);
}

const char *
req_form(const Req *r, const char *zKey)
{
    const char *z = params_get(&r->form, zKey);
    return z ? z : "";
}

const char *
req_query(const Req *r, const char *zKey)
{
    const char *z = params_get(&r->query, zKey);
    return z ? z : "";
}

void
resp_redirect(Resp *w, const char *zLocation)
{
    w->status = 303;
    free(w->zLocation);
    w->zLocation = xstrdup(zLocation);
}

void
resp_init(Resp *w)
{
    memset(w, 0, sizeof *w);
    w->status = 200;
    buf_init(&w->body, 0);
}

size_t
resp_length(const Resp *w)
{
    size_t n = w->body.n;
    for (int i = 0; i < w->nSplice; i++) {
        n += w->aSplice[i].n;
    }
    return n;
}

void
resp_reset_body(Resp *w)
{
    buf_reset(&w->body);
    w->nSplice = 0;
}

void
resp_release(Resp *w)
{
    buf_release(&w->body);
    w->nSplice = 0;
    readmodel_release(w->pHeld);
    w->pHeld = NULL;
    free(w->zLocation);
    free(w->zSetCookie);
    free(w->zDisposition);
    w->zLocation = w->zSetCookie = w->zDisposition = NULL;
}

void
web_log(const char *zFmt, ...)
{
    char zNow[32];
    str_now_utc(zNow, sizeof zNow);
    Buf b = BUF_INIT;
    buf_printf(&b, "%s lmpmon: ", zNow);
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(&b, zFmt, ap);
    va_end(ap);
    buf_putc(&b, '\n');
    (void)fputs(buf_str(&b), stderr);
    buf_release(&b);
}
