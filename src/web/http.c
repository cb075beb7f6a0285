/*
** http.c — decoding query strings, forms and cookies (see http.h).
*/
#include <arpa/inet.h>
#include <netinet/in.h>
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
