/*
** server.c — libmicrohttpd glue: the daemon, the request's life, headers,
** the access log, the connection limits, the request deadline, graceful
** shutdown.
**
** MHD calls on_uri() once a request line is in (it sets up the
** per-request state and takes the query string away from MHD), then the
** access handler several times.  The first call only checks what the
** headers allow (a Host of this machine when serving on loopback, a
** Content-Length within LIMIT_BODY_BYTES, or LIMIT_UPLOAD_BYTES for a
** route that takes files) and returns: answering on the
** first call makes MHD 0.9.75 close the connection afterwards
** (reference/tech-choices.md, 1.2), which only refusals do.  Later calls
** collect the body (bounded by the same limit); the last one builds a
** Req, lets the router fill a Resp, adds the security headers every
** response carries, and queues it.
**
** MHD's connection notifications (on_connection) keep a small state per
** TCP connection: the per-client connection limit when a proxy is trusted,
** the idle timeout that frees slots when the server is busy, and where its
** request is, for the watchdog thread that closes requests past their
** deadline.
*/
#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <malloc.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "web.h"
#include "http.h"
#include "../app/readmodel.h"
#include "client_addr.h"
#include "router.h"
#include "complaints_cache.h"
#include "backup_timer.h"
#include "reminder.h"
#include "change_watch.h"
#include "session_cache.h"
#include "mailer.h"
#include "web_limits.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/secret.h"
#include "../report/briefing_report.h"
#include "../report/coordination_report.h"
#include "../report/print.h"
#include "../report/review_report.h"
#include "../base/banned.h"

/* Per-request state between the calls of the access handler. */
typedef struct Conn {
    Buf body;
    char *zQuery;   /* the raw query string (on_uri()), or NULL */
    char *zRawPath; /* the path as sent, before MHD decodes it */
    int bStarted;   /* the access handler has been called */
    int bAnswered;  /* refused on the first call: skip the body */
    int bTooBig;    /* the body outgrew its limit: the rest
                             ** is read and dropped, then 413 */
    int bUpload;    /* a route that takes files (WEB_UPLOAD): the body
                             ** may grow to LIMIT_UPLOAD_BYTES, and the
                             ** request holds one of nUploads */
    struct timespec t0;
} Conn;

/* Requests between their first call and their completion; shutdown waits
** for this to reach zero. */
static atomic_int nInFlight;

/* Requests of routes that take files, between their first call and their
** completion: at most LIMIT_UPLOADS_AT_ONCE (web_limits.h). */
static atomic_int nUploads;

/* The 413 message of a body over its limit, into z. */
static const char *
body_limit_message(const Conn *k, char z[200])
{
    if (k->bUpload) {
        (void)snprintf(z, 200,
                       _("The files are larger than the server accepts: at "
                         "most %u MB in all (LIMIT_UPLOAD_BYTES)."),
                       LIMIT_UPLOAD_BYTES >> 20);
    } else {
        (void)snprintf(z, 200, "%s",
                       _("The request body is larger than the server "
                         "accepts (LIMIT_BODY_BYTES)."));
    }
    return z;
}

/* No inline script or style: the stylesheet and the script are files
** (/static/); the inline <style>s are the review, the coordination and
** the briefing reports', pages people save and mail as one file, allowed by their
** hashes only (csp_init()). */
static char zCsp[640];

static void
csp_init(void)
{
    char zStyle[SECRET_CSP_HASH_CHARS];
    char zStyle2[SECRET_CSP_HASH_CHARS];
    char zStyle3[SECRET_CSP_HASH_CHARS];
    secret_csp_hash(review_html_css(), zStyle);
    secret_csp_hash(coordination_html_css(), zStyle2);
    secret_csp_hash(briefing_html_css(), zStyle3);
    (void)snprintf(zCsp, sizeof zCsp,
                   "default-src 'self'; script-src 'self'; style-src 'self' "
                   "%s %s %s; img-src 'self' data:; form-action 'self'; "
                   "base-uri 'none'; frame-ancestors 'none'",
                   zStyle, zStyle2, zStyle3);
}

static double
ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Append z to b with anything but printable ASCII shown as %XX, so a log
** line stays one line whatever the client sent. */
static void
log_safe(Buf *b, const char *z)
{
    for (const unsigned char *p = (const unsigned char *)z; *p; p++) {
        if (*p > 32 && *p < 127 && *p != '"' && *p != '%') {
            buf_putc(b, (char)*p);
        } else {
            buf_printf(b, "%%%02X", *p);
        }
    }
}

static void
access_log(const WebConfig *cfg, const char *zIp, const char *zMethod,
           const char *zUrl, int status, size_t nBytes, double ms,
           const char *zUser)
{
    if (cfg->bQuiet) {
        return;
    }
    char zNow[32];
    str_now_utc(zNow, sizeof zNow);
    Buf b = BUF_INIT;
    buf_printf(&b, "%s %s \"", zNow, zIp);
    log_safe(&b, zMethod);
    buf_putc(&b, ' ');
    log_safe(&b, zUrl);
    buf_printf(&b, "\" %d %zu %.1fms ", status, nBytes, ms);
    log_safe(&b, zUser && *zUser ? zUser : "-");
    buf_putc(&b, '\n');
    (void)fputs(buf_str(&b), stderr);
    buf_release(&b);
}

/* What a response made of pieces owns until MHD has sent it. */
typedef struct SentBody {
    char *z;                 /* the response's own bytes */
    struct ReadModel *pHeld; /* the snapshot its splices point into */
} SentBody;

static void
sent_body_free(void *cls)
{
    SentBody *o = cls;
    free(o->z);
    readmodel_release(o->pHeld);
    free(o);
}

/* w's body as an MHD response, handed over (w->body is left empty, the
** snapshot's hold passes to the response): a 5 MB report page is neither
** copied for every request in flight nor, when it is a fragment the
** snapshot keeps (page_fragment()), copied at all. */
static struct MHD_Response *
resp_to_mhd(Resp *w)
{
    size_t n = w->body.n;
    char *z = buf_detach(&w->body);
    if (w->nSplice == 0) {
        struct MHD_Response *r =
            MHD_create_response_from_buffer(n, z, MHD_RESPMEM_MUST_FREE);
        if (!r) {
            free(z);
        }
        return r;
    }
    struct MHD_IoVec aIov[2 * RESP_SPLICES + 1];
    unsigned nIov = 0;
    size_t at = 0;
    for (int i = 0; i < w->nSplice; i++) {
        const RespSplice *p = &w->aSplice[i];
        aIov[nIov++] = (struct MHD_IoVec){ z + at, p->at - at };
        aIov[nIov++] = (struct MHD_IoVec){ p->z, p->n };
        at = p->at;
    }
    aIov[nIov++] = (struct MHD_IoVec){ z + at, n - at };
    SentBody *o = xmalloc(sizeof *o);
    o->z = z;
    o->pHeld = w->pHeld;
    w->pHeld = NULL;
    w->nSplice = 0;
    struct MHD_Response *r =
        MHD_create_response_from_iovec(aIov, nIov, sent_body_free, o);
    if (!r) {
        sent_body_free(o);
    }
    return r;
}

/* Queue w (resp_to_mhd()). */
static enum MHD_Result
queue_resp(struct MHD_Connection *c, Resp *w)
{
    struct MHD_Response *r = resp_to_mhd(w);
    if (!r) {
        return MHD_NO;
    }
    (void)MHD_add_response_header(
        r, "Content-Type", w->zType ? w->zType : "text/html; charset=utf-8");
    (void)MHD_add_response_header(r, "Content-Security-Policy", zCsp);
    (void)MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    (void)MHD_add_response_header(r, "X-Frame-Options", "DENY");
    (void)MHD_add_response_header(r, "Referrer-Policy", "same-origin");
    /* The same address answers in the language the visitor chose or the
    ** browser asks for: caches must keep the languages apart. */
    (void)MHD_add_response_header(r, "Content-Language",
                                  i18n_lang_code(i18n_current()));
    (void)MHD_add_response_header(r, "Vary", "Accept-Language, Cookie");
    (void)MHD_add_response_header(r, "Cache-Control",
                                  w->bPrivate ? "no-store" : "no-cache");
    if (w->nRetryAfter > 0) {
        char zSec[16];
        (void)snprintf(zSec, sizeof zSec, "%d", w->nRetryAfter);
        (void)MHD_add_response_header(r, "Retry-After", zSec);
    }
    if (w->zLocation) {
        (void)MHD_add_response_header(r, "Location", w->zLocation);
    }
    if (w->zSetCookie) {
        (void)MHD_add_response_header(r, "Set-Cookie", w->zSetCookie);
    }
    if (w->zDisposition) {
        (void)MHD_add_response_header(r, "Content-Disposition",
                                      w->zDisposition);
    }
    enum MHD_Result rc = MHD_queue_response(c, (unsigned)w->status, r);
    MHD_destroy_response(r);
    return rc;
}

/* Appends each X-Forwarded-For header's value to a Buf, ", " between. */
static enum MHD_Result
collect_forwarded_for(void *cls, enum MHD_ValueKind kind, const char *zKey,
                      const char *zVal)
{
    Buf *b = cls;
    if (zKey && zVal && strcasecmp(zKey, "X-Forwarded-For") == 0) {
        if (b->n) {
            buf_puts(b, ", ");
        }
        buf_puts(b, zVal);
    }
    return MHD_YES;
}

/* The request's client as text in z: the TCP peer, or, when the peer is a
** trusted proxy, the client it names in X-Forwarded-For (client_addr.h).
** Every X-Forwarded-For header counts, in order: a proxy may add its own
** header below the client's instead of appending to it, and RFC 9110
** makes the two forms equal; looking up only the first would read the
** client's.  "-" when the peer is not an IP socket. */
static const char *
request_client(struct MHD_Connection *c, const WebConfig *cfg,
               char z[NET_ADDR_CHARS])
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    NetAddr peer, client;
    if (!ci || net_addr_from_sockaddr(ci->client_addr, &peer)) {
        (void)snprintf(z, NET_ADDR_CHARS, "-");
        return z;
    }
    client = peer;
    if (proxy_list_has(&cfg->proxies, &peer)) {
        /* MHD's memory limit already bounds the headers to this size. */
        Buf xff;
        buf_init(&xff, LIMIT_HEADER_BYTES);
        (void)MHD_get_connection_values(c, MHD_HEADER_KIND,
                                        collect_forwarded_for, &xff);
        if (xff.n && !buf_failed(&xff)) {
            client_addr_resolve(&cfg->proxies, &peer, buf_str(&xff), &client);
        }
        buf_release(&xff);
    }
    net_addr_format(&client, z);
    return z;
}

/* Refuse a request before the router sees it (size limits). */
static enum MHD_Result
refuse(struct MHD_Connection *c, const WebConfig *cfg, const char *zMethod,
       const char *zUrl, Conn *k, int status, const char *zMsg)
{
    Resp w;
    resp_init(&w);
    web_error(NULL, &w, status, zMsg);
    char zIp[NET_ADDR_CHARS];
    access_log(cfg, request_client(c, cfg, zIp), zMethod, zUrl, status,
               resp_length(&w), ms_since(&k->t0), NULL);
    enum MHD_Result rc = queue_resp(c, &w);
    resp_release(&w);
    return rc;
}

/*
** The per-client connection limit.
**
** Without --trusted-proxy, MHD enforces LIMIT_CONNECTIONS_PER_CLIENT itself
** (MHD_OPTION_PER_IP_CONNECTION_LIMIT), which refuses a connection before
** anything is allocated for it.  But MHD counts TCP peers, and behind a
** reverse proxy every user's connections come from the proxy: the 33rd
** would be refused and the site would go dark for everyone.  MHD cannot
** exempt one address, so with any trusted proxy its per-IP limit is off
** and the limit is kept here instead, for every peer that is not a trusted
** proxy.  A proxy is bounded by LIMIT_CONNECTIONS (and by its own limits
** towards its clients, where it sees their addresses).
**
** The count is taken when MHD announces the connection (NOTIFY_CONNECTION
** STARTED) and given back when it announces its end (CLOSED); MHD pairs the
** two, so the count is exact.  A connection over the limit is shut down
** at once (MHD sees the end of the stream and closes it, as for a client
** that hung up) and any request already sent on it is refused unanswered
** in on_request().  The accept-policy callback could refuse earlier, but
** MHD may still drop a connection between that callback and STARTED
** without telling us, which would leak a count.
*/

/* One address and its open connections. */
typedef struct ClientSlot {
    NetAddr addr;   /* the peer */
    unsigned nConn; /* its counted connections; 0: slot is free */
} ClientSlot;

/* MHD never holds more than LIMIT_CONNECTIONS connections, and each holds
** at most one slot, so the table cannot fill up. */
static ClientSlot aClientSlot[LIMIT_CONNECTIONS];
static pthread_mutex_t clientSlotMutex = PTHREAD_MUTEX_INITIALIZER;

/* Count one more connection from *p.  Returns its slot, or -1 when *p has
** LIMIT_CONNECTIONS_PER_CLIENT already. */
static int
client_slot_take(const NetAddr *p)
{
    int iFree = -1, iSlot = -1;
    pthread_mutex_lock(&clientSlotMutex);
    for (int i = 0; i < (int)LIMIT_CONNECTIONS; i++) {
        if (aClientSlot[i].nConn == 0) {
            iFree = iFree < 0 ? i : iFree;
        } else if (net_addr_eq(&aClientSlot[i].addr, p)) {
            iSlot = i;
            break;
        }
    }
    if (iSlot < 0 && iFree >= 0) {
        iSlot = iFree;
        aClientSlot[iSlot].addr = *p;
    }
    if (iSlot >= 0 && aClientSlot[iSlot].nConn < LIMIT_CONNECTIONS_PER_CLIENT) {
        aClientSlot[iSlot].nConn++;
    } else {
        iSlot = -1;
    }
    pthread_mutex_unlock(&clientSlotMutex);
    return iSlot;
}

static void
client_slot_give(int iSlot)
{
    pthread_mutex_lock(&clientSlotMutex);
    assert(aClientSlot[iSlot].nConn > 0);
    aClientSlot[iSlot].nConn--;
    pthread_mutex_unlock(&clientSlotMutex);
}

/* Where a connection is in its request, for the deadline (below). */
typedef enum ConnPhase {
    CONN_IDLE,      /* waiting for a request line */
    CONN_RECEIVING, /* request line in: headers and body arriving */
    CONN_ANSWERING  /* request complete: handled, answer being sent */
} ConnPhase;

/* What the server keeps per TCP connection: MHD's socket context, from
** NOTIFY_CONNECTION STARTED to CLOSED. */
typedef struct ConnState {
    int iClientSlot;       /* aClientSlot entry counting it, or -1 */
    int bRefused;          /* over the per-client limit: being closed */
    unsigned nIdleSeconds; /* the idle timeout MHD applies to it */
    /* The deadline's, under liveMutex: */
    int iLive; /* its aLive[] entry, or -1 */
    int fd;    /* its socket, or -1 */
    ConnPhase ePhase;
    long long msPhase; /* when ePhase began (mono_ms()) */
    int bExpired;      /* past its deadline: being closed */
    int bUpload;       /* its request takes files: LIMIT_UPLOAD_TOTAL_SECONDS */
    char zPeer[NET_ADDR_CHARS]; /* the TCP peer, for the log */
} ConnState;

/*
** Every request has a deadline.
**
** MHD's timeout counts time without traffic, so a client that sends a
** header line every few seconds (slowloris) keeps its connection for as
** long as it likes, and a few hundred such clients hold every slot while
** sending almost nothing.  So a request must be complete, headers and
** body, within LIMIT_REQUEST_TOTAL_SECONDS of its request line (the first
** thing MHD tells us of: on_uri()).  The request line itself must come
** within LIMIT_REQUEST_SECONDS + LIMIT_REQUEST_TOTAL_SECONDS of the
** connection going idle: a silent connection is closed by MHD's idle
** timeout long before, so only one that trickles its request line in
** lives that long.
**
** While a request trickles in, MHD calls nothing of ours, so a watchdog
** thread (deadline_watch) looks at every open connection each
** WEB_DEADLINE_TICK_MS and shuts down the socket of one past its
** deadline; MHD then sees the end of the stream and closes the connection,
** as for a client that hung up (no answer: MHD 0.9.75 takes no response
** before the request is complete).  Connections are in aLive[] from
** NOTIFY_CONNECTION STARTED to CLOSED, under liveMutex, and MHD closes a
** socket only after CLOSED, so the watchdog never shuts down a socket
** number that has been given to another connection.
**
** A request of a route that takes files has LIMIT_UPLOAD_TOTAL_SECONDS
** instead (conn_mark_upload(), from its first call): a plan's files come
** over slow lines, and such requests are few (LIMIT_UPLOADS_AT_ONCE).
*/
#define WEB_DEADLINE_TICK_MS 250

static ConnState *aLive[LIMIT_CONNECTIONS];
static pthread_mutex_t liveMutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t liveStop; /* signalled to end deadline_watch */
static int bLiveStop;           /* under liveMutex */

static long long
mono_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Enter cs (new: CONN_IDLE) into aLive[]; MHD holds at most
** LIMIT_CONNECTIONS connections, so there is room. */
static void
conn_live_add(ConnState *cs)
{
    pthread_mutex_lock(&liveMutex);
    cs->iLive = -1;
    cs->ePhase = CONN_IDLE;
    cs->msPhase = mono_ms();
    for (int i = 0; i < (int)LIMIT_CONNECTIONS && cs->iLive < 0; i++) {
        if (!aLive[i]) {
            aLive[i] = cs;
            cs->iLive = i;
        }
    }
    pthread_mutex_unlock(&liveMutex);
}

static void
conn_live_remove(ConnState *cs)
{
    pthread_mutex_lock(&liveMutex);
    if (cs->iLive >= 0) {
        aLive[cs->iLive] = NULL;
    }
    cs->iLive = -1;
    pthread_mutex_unlock(&liveMutex);
}

/* Connection c's request has reached phase e. */
static void
conn_phase(struct MHD_Connection *c, ConnPhase e)
{
    const union MHD_ConnectionInfo *si =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    ConnState *cs = si ? si->socket_context : NULL;
    if (cs) {
        pthread_mutex_lock(&liveMutex);
        cs->ePhase = e;
        cs->msPhase = mono_ms();
        cs->bUpload = 0; /* a new request line, or none */
        pthread_mutex_unlock(&liveMutex);
    }
}

/* Connection c's request takes files: its deadline is the longer
** LIMIT_UPLOAD_TOTAL_SECONDS, from the same request line. */
static void
conn_mark_upload(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *si =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    ConnState *cs = si ? si->socket_context : NULL;
    if (cs) {
        pthread_mutex_lock(&liveMutex);
        cs->bUpload = 1;
        pthread_mutex_unlock(&liveMutex);
    }
}

/* The watchdog thread: close the connections past their deadline. */
static void *
deadline_watch(void *p)
{
    const WebConfig *cfg = p;
    long long msTotal =
        1000LL * (cfg->nRequestSeconds ? cfg->nRequestSeconds
                                       : LIMIT_REQUEST_TOTAL_SECONDS);
    long long msIdle = 1000LL * LIMIT_REQUEST_SECONDS + msTotal;
    long long msUpload =
        msTotal * LIMIT_UPLOAD_TOTAL_SECONDS / LIMIT_REQUEST_TOTAL_SECONDS;
    pthread_mutex_lock(&liveMutex);
    while (!bLiveStop) {
        long long now = mono_ms();
        for (int i = 0; i < (int)LIMIT_CONNECTIONS; i++) {
            ConnState *cs = aLive[i];
            if (!cs || cs->bExpired || cs->fd < 0 ||
                cs->ePhase == CONN_ANSWERING ||
                now - cs->msPhase <= (cs->ePhase == CONN_IDLE ? msIdle
                                      : cs->bUpload           ? msUpload
                                                              : msTotal)) {
                continue;
            }
            cs->bExpired = 1;
            (void)shutdown(cs->fd, SHUT_RDWR);
            if (!cfg->bQuiet) {
                char zNow[32];
                str_now_utc(zNow, sizeof zNow);
                (void)fprintf(stderr,
                              "%s lmpmon: closed a connection from "
                              "%s: its request was not complete after %lld s "
                              "(%s)\n",
                              zNow, cs->zPeer,
                              (cs->bUpload ? msUpload : msTotal) / 1000,
                              cs->bUpload ? "LIMIT_UPLOAD_TOTAL_SECONDS"
                                          : "LIMIT_REQUEST_TOTAL_SECONDS");
            }
        }
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ts.tv_nsec += WEB_DEADLINE_TICK_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        (void)pthread_cond_timedwait(&liveStop, &liveMutex, &ts);
    }
    pthread_mutex_unlock(&liveMutex);
    return NULL;
}

/*
** Idle connections make room before new ones wait.
**
** Browsers and proxies keep connections open between requests.  When all
** LIMIT_CONNECTIONS are taken MHD stops accepting, and a new visitor waits
** until one of them has been idle for LIMIT_REQUEST_SECONDS, even if most
** of them are doing nothing.  So each connection's idle timeout is chosen
** again whenever it starts and whenever a request on it finishes (the two
** moments it may go idle; both run on the connection's own MHD thread,
** the only place MHD_set_connection_option() is safe): above
** LIMIT_CONNECTIONS_BUSY open connections it is LIMIT_IDLE_SECONDS_BUSY,
** else LIMIT_REQUEST_SECONDS.
**
** What this guarantees: whenever all LIMIT_CONNECTIONS are open, at least
** LIMIT_CONNECTIONS - LIMIT_CONNECTIONS_BUSY of them have the short
** timeout.  (Order the open connections by the last time their timeout
** was chosen: the k-th latest saw at least LIMIT_CONNECTIONS - k + 1
** connections open then, all those chosen before it and still open, which
** is above LIMIT_CONNECTIONS_BUSY for every k up to LIMIT_CONNECTIONS -
** LIMIT_CONNECTIONS_BUSY.)  So unless those connections are all busy with
** requests, a slot frees within LIMIT_IDLE_SECONDS_BUSY.  It does not cut
** a request short: the timeout counts time without traffic, and MHD
** restarts it when a response is queued.  A short timeout is also applied
** to a slow client's request while the server is busy, which is when that
** is most wanted.  (MHD looks at every connection with a timeout of its
** own on each turn of its loop; there are few of them unless the server
** is busy, and at most LIMIT_CONNECTIONS / WEB_THREADS per thread.)
*/

/* Open connections, refused ones included until they are closed. */
static atomic_uint nOpenConn;

static void
conn_choose_timeout(struct MHD_Connection *c, ConnState *cs)
{
    unsigned n = atomic_load(&nOpenConn) > LIMIT_CONNECTIONS_BUSY
                     ? LIMIT_IDLE_SECONDS_BUSY
                     : LIMIT_REQUEST_SECONDS;
    if (n != cs->nIdleSeconds) {
        (void)MHD_set_connection_option(c, MHD_CONNECTION_OPTION_TIMEOUT, n);
        cs->nIdleSeconds = n;
    }
}

static void
on_connection(void *cls, struct MHD_Connection *c, void **ppSocket,
              enum MHD_ConnectionNotificationCode code)
{
    const WebConfig *cfg = cls;
    if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        ConnState *cs = *ppSocket;
        if (cs && cs->iClientSlot >= 0) {
            client_slot_give(cs->iClientSlot);
        }
        if (cs) {
            conn_live_remove(cs);
        }
        free(cs);
        *ppSocket = NULL;
        atomic_fetch_sub(&nOpenConn, 1);
        return;
    }
    if (code != MHD_CONNECTION_NOTIFY_STARTED) {
        return; /* no other code exists in MHD 0.9.75 */
    }
    atomic_fetch_add(&nOpenConn, 1);
    ConnState *cs = xcalloc(1, sizeof *cs);
    cs->iClientSlot = -1;
    cs->nIdleSeconds =
        LIMIT_REQUEST_SECONDS; /* MHD_OPTION_CONNECTION_TIMEOUT */
    *ppSocket = cs;
    conn_choose_timeout(c, cs);
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const union MHD_ConnectionInfo *fi =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    NetAddr peer;
    cs->fd = fi ? fi->connect_fd : -1;
    if (ci && net_addr_from_sockaddr(ci->client_addr, &peer) == 0) {
        net_addr_format(&peer, cs->zPeer);
    } else {
        (void)snprintf(cs->zPeer, sizeof cs->zPeer, "-");
    }
    conn_live_add(cs);
    if (cfg->proxies.nAddr == 0 || !ci ||
        net_addr_from_sockaddr(ci->client_addr, &peer) ||
        proxy_list_has(&cfg->proxies, &peer)) {
        return; /* MHD's own limit applies, or the peer is a proxy */
    }
    cs->iClientSlot = client_slot_take(&peer);
    if (cs->iClientSlot < 0) {
        cs->bRefused = 1;
        if (cs->fd >= 0) {
            (void)shutdown(cs->fd, SHUT_RDWR);
        }
        if (!cfg->bQuiet) {
            char zNow[32], zPeer[NET_ADDR_CHARS];
            str_now_utc(zNow, sizeof zNow);
            net_addr_format(&peer, zPeer);
            (void)fprintf(stderr,
                          "%s lmpmon: refused a connection from %s: "
                          "it has %u already (LIMIT_CONNECTIONS_PER_CLIENT)\n",
                          zNow, zPeer, LIMIT_CONNECTIONS_PER_CLIENT);
        }
    }
}

/*
** The query string is ours, not MHD's.
**
** MHD 0.9.75 parses the query into records in the connection's memory pool
** (LIMIT_HEADER_BYTES) as soon as the request line is in.  When they do not
** fit (a thousand arguments of a few bytes each do not), it queues a 431,
** but then carries on reading headers over it, and the client gets no
** answer at all (parse_initial_message_line() ignores the failure).  So
** on_uri(), which MHD calls with the raw URI just before it looks at the
** query, copies the query and ends the string MHD is about to parse right
** after the '?': MHD sees no arguments, and the access handler decodes the
** copy with http.c's params_parse_urlencoded(), the same bounded and
** UTF-8-checked decoder as url-encoded forms, and answers 400 when it is
** refused.  (The URI is MHD's own buffer, which it changes itself at that
** point; the API gives it to us as const.)
**
** on_uri() also allocates the request's Conn: what it returns is the
** first *ppConn of the access handler, and on_completed() gets it back
** even when the request never reaches the handler.
*/
static void *
on_uri(void *cls, const char *zUri, struct MHD_Connection *c)
{
    (void)cls;
    conn_phase(c, CONN_RECEIVING);
    Conn *k = xcalloc(1, sizeof *k);
    buf_init(&k->body, LIMIT_BODY_BYTES);
    clock_gettime(CLOCK_MONOTONIC, &k->t0);
    char *zMark = (char *)strchr(zUri, '?'); /* MHD's buffer: see above */
    k->zRawPath = xstrndup(zUri, zMark ? (size_t)(zMark - zUri) : strlen(zUri));
    if (zMark) {
        k->zQuery = xstrdup(zMark + 1);
        zMark[1] = 0;
    }
    return k;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *zUrl,
           const char *zMethod, const char *zVersion, const char *zUpload,
           size_t *pnUpload, void **ppConn)
{
    const WebConfig *cfg = cls;
    Conn *k = *ppConn;
    assert(k); /* on_uri() made it */
    if (!k->bStarted) {
        const union MHD_ConnectionInfo *si =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        const ConnState *cs = si ? si->socket_context : NULL;
        if (cs && cs->bRefused) {
            return MHD_NO; /* over the per-client limit: close unanswered */
        }
        k->bStarted = 1;
        atomic_fetch_add(&nInFlight, 1);
        const char *zLen =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        char zMsg[200];
        long nLen = 0;
        if (cfg->bLoopbackOnly &&
            !http_host_is_loopback(
                MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host"))) {
            k->bAnswered = 1;
            return refuse(c, cfg, zMethod, zUrl, k, 421,
                          "This server answers only to addresses of this "
                          "computer: localhost or 127.0.0.1.");
        }
        /* A route that takes files may have a larger body, from a user
        ** it admits only (router_upload_refused()); it holds one of
        ** LIMIT_UPLOADS_AT_ONCE places until it completes, so the memory
        ** such bodies take is bounded. */
        size_t nMax = LIMIT_BODY_BYTES;
        if (route_takes_upload(zMethod, k->zRawPath)) {
            int status = router_upload_refused(
                cfg, zMethod, k->zRawPath,
                MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie"));
            if (status) {
                k->bAnswered = 1;
                return refuse(c, cfg, zMethod, zUrl, k, status,
                              status == 401
                                  ? _("Log in first.")
                                  : _("Your role does not allow this."));
            }
            nMax = LIMIT_UPLOAD_BYTES;
            if (atomic_fetch_add(&nUploads, 1) >= LIMIT_UPLOADS_AT_ONCE) {
                atomic_fetch_sub(&nUploads, 1);
                k->bAnswered = 1;
                return refuse(c, cfg, zMethod, zUrl, k, 503,
                              _("The server is receiving other files: "
                                "send yours again in a minute."));
            }
            k->bUpload = 1;
            conn_mark_upload(c);
            buf_init(&k->body, nMax);
        }
        if (zLen &&
            (str_to_long(zLen, 0, 1L << 40, &nLen) || nLen > (long)nMax)) {
            k->bAnswered = 1;
            return refuse(c, cfg, zMethod, zUrl, k, 413,
                          body_limit_message(k, zMsg));
        }
        return MHD_YES;
    }
    if (*pnUpload) {
        /* A body without Content-Length (chunked) can outgrow the limit
        ** here, where MHD 0.9.75 takes no response (it would close the
        ** connection unanswered): drop the rest and answer at the end. */
        if (!k->bAnswered && !k->bTooBig) {
            buf_append(&k->body, zUpload, *pnUpload);
            if (buf_failed(&k->body)) {
                k->bTooBig = 1;
                buf_release(&k->body);
            }
        }
        *pnUpload = 0;
        return MHD_YES;
    }
    if (k->bAnswered) {
        return MHD_YES; /* already answered */
    }
    conn_phase(c, CONN_ANSWERING);
    if (k->bTooBig) {
        char zMsg[200];
        k->bAnswered = 1;
        return refuse(c, cfg, zMethod, zUrl, k, 413,
                      body_limit_message(k, zMsg));
    }
    Req r;
    memset(&r, 0, sizeof r);
    r.iDataVersion = -1; /* read when needed (router.c) */
    Resp w;
    resp_init(&w);
    char zIp[NET_ADDR_CHARS];
    r.zMethod = zMethod;
    r.zClientIp = request_client(c, cfg, zIp);
    r.cfg = cfg;
    r.zCookie = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie");
    r.zCsrfHeader =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
    r.zSecFetchSite =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site");
    r.zOrigin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    r.zHost = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    /* The whole answer, error pages included, in the request's language:
    ** this thread's locale until the answer is queued. */
    r.eLang = router_lang(
        cfg, r.zCookie,
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language"));
    I18nLang eBefore = i18n_use((I18nLang)r.eLang);
    r.zBody = buf_str(&k->body);
    r.nBody = k->body.n;
    r.zContentType =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    /* MHD has already %-decoded the path; the query is decoded here from
    ** on_uri()'s copy, by the rules of forms. */
    int rcParse =
        utf8_invalid_at(zUrl, strlen(zUrl)) >= 0 ? PARAMS_BAD_TEXT : 0;
    r.zPath = zUrl;
    r.zRawPath = k->zRawPath ? k->zRawPath : zUrl;
    if (rcParse == 0 && k->zQuery) {
        rcParse =
            params_parse_urlencoded(&r.query, k->zQuery, strlen(k->zQuery));
    }
    const char *zType =
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    if (rcParse == 0 && k->body.n && zType &&
        strncmp(zType, "application/x-www-form-urlencoded", 33) == 0) {
        rcParse = params_parse_urlencoded(&r.form, k->body.z, k->body.n);
    }
    if (rcParse == PARAMS_TOO_MANY) {
        web_error(NULL, &w, 400,
                  "The request has more fields than the server "
                  "accepts (LIMIT_FORM_FIELDS).");
    } else if (rcParse) {
        web_error(NULL, &w, 400, "The request could not be read.");
    } else {
        router_dispatch(&r, &w);
    }
    access_log(cfg, r.zClientIp, zMethod, zUrl, w.status, resp_length(&w),
               ms_since(&k->t0), r.bAuthed ? r.ses.user.zName : NULL);
    enum MHD_Result rc = queue_resp(c, &w);
    (void)i18n_use(eBefore);
    resp_release(&w);
    params_release(&r.query);
    params_release(&r.form);
    uploads_release(r.aUpload, r.nUpload);
    for (int i = 0; i < r.nParam; i++) {
        free(r.azParam[i]);
    }
    session_release(&r.ses);
    return rc;
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **ppConn,
             enum MHD_RequestTerminationCode toe)
{
    Conn *k = *ppConn;
    if (k) {
        if (k->bStarted) {
            atomic_fetch_sub(&nInFlight, 1);
        }
        if (k->bUpload) {
            atomic_fetch_sub(&nUploads, 1);
        }
        buf_release(&k->body);
        free(k->zQuery);
        free(k->zRawPath);
        free(k);
        *ppConn = NULL;
    }
    /* The connection may now sit idle, waiting for the next request. */
    conn_phase(c, CONN_IDLE);
    const union MHD_ConnectionInfo *si =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK && si &&
        si->socket_context) {
        conn_choose_timeout(c, si->socket_context);
    }
}

/* Parse "host:port" (IPv4 or "localhost"). */
static int
parse_listen(const char *z, struct sockaddr_in *sa, AppErr *err)
{
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    const char *colon = strrchr(z, ':');
    long port;
    if (!colon || str_to_long(colon + 1, 0, 65535, &port)) {
        return apperr_set(err, APPERR_USAGE,
                          "cannot listen on '%s': give "
                          "HOST:PORT, e.g. 127.0.0.1:8080",
                          z);
    }
    char zHost[64];
    size_t n = (size_t)(colon - z);
    if (n >= sizeof zHost) {
        return apperr_set(err, APPERR_USAGE, "cannot listen on '%s'", z);
    }
    memcpy(zHost, z, n);
    zHost[n] = 0;
    if (strcmp(zHost, "localhost") == 0 || n == 0) {
        (void)snprintf(zHost, sizeof zHost, "127.0.0.1");
    }
    if (inet_pton(AF_INET, zHost, &sa->sin_addr) != 1) {
        return apperr_set(err, APPERR_USAGE,
                          "cannot listen on '%s': '%s' is "
                          "not an IPv4 address",
                          z, zHost);
    }
    sa->sin_port = htons((unsigned short)port);
    return 0;
}

int
web_serve(const WebConfig *pConfig, AppErr *err)
{
    struct sockaddr_in sa;
    if (parse_listen(pConfig->zListen, &sa, err)) {
        return -1;
    }
    /* DNS rebinding: a page on another site can rename its own host to
    ** 127.0.0.1 and have the visitor's browser talk to a server on
    ** loopback as if it were that site; the Host header still carries the
    ** other site's name.  A server only this machine can reach answers
    ** only its own names.  With --public or behind a --trusted-proxy it is
    ** reached under names we do not know, and is exposed on purpose. */
    WebConfig run = *pConfig;
    run.bLoopbackOnly = (ntohl(sa.sin_addr.s_addr) >> 24) == 127 &&
                        !run.bPublic && run.proxies.nAddr == 0;
    const WebConfig *cfg = &run;
    if (secret_init()) {
        return apperr_set(err, APPERR_INTERNAL, "libsodium cannot start");
    }
    /* Every language's locale and catalogue, before any thread starts:
    ** a server that could not answer in Khmer refuses to start. */
    if (i18n_init_server(err)) {
        return -1;
    }
    csp_init();
    /* glibc gives each thread its own heap arena; the shared read model is
    ** built by whichever thread finds the data changed, so every arena ends
    ** up holding the free space of an old snapshot.  Two arenas keep the
    ** server's memory near what it uses. */
    (void)mallopt(M_ARENA_MAX, 2);
    /* Page bodies of megabytes (a national plan's report) are mapped and
    ** unmapped whole: with glibc's sliding threshold they would land in
    ** the heap after the first one was freed, and stay there. */
    (void)mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    if (complaints_cache_start(cfg, err)) {
        return -1;
    }
    /* Signals go to sigwait() below, not to the server's threads. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    (void)signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC, 0,
        NULL, NULL, on_request,
        &run, /* the callbacks' cfg (MHD's closures are void *) */
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)WEB_THREADS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)LIMIT_HEADER_BYTES,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)LIMIT_CONNECTIONS,
        /* 0 turns MHD's per-IP limit off: on_connection() keeps it. */
        MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        cfg->proxies.nAddr ? 0u : (unsigned)LIMIT_CONNECTIONS_PER_CLIENT,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)LIMIT_REQUEST_SECONDS,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, &run,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL, MHD_OPTION_END);
    if (!d) {
        complaints_cache_stop();
        return apperr_set(err, APPERR_IO, "cannot listen on '%s': %s",
                          cfg->zListen, strerror(errno ? errno : EADDRINUSE));
    }
    if (backup_timer_start(cfg, err)) {
        MHD_stop_daemon(d);
        complaints_cache_stop();
        return -1;
    }
    if (change_watch_start(cfg, err)) {
        MHD_stop_daemon(d);
        complaints_cache_stop();
        backup_timer_stop();
        return -1;
    }
    if (reminder_start(cfg, err)) {
        MHD_stop_daemon(d);
        complaints_cache_stop();
        backup_timer_stop();
        change_watch_stop();
        return -1;
    }
    pthread_condattr_t ca;
    pthread_t thWatch;
    (void)pthread_condattr_init(&ca);
    (void)pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    (void)pthread_cond_init(&liveStop, &ca);
    (void)pthread_condattr_destroy(&ca);
    bLiveStop = 0;
    int bWatch = pthread_create(&thWatch, NULL, deadline_watch, &run) == 0;
    if (!bWatch) {
        (void)fprintf(stderr, "lmpmon: cannot start the request deadline "
                              "thread; requests are bounded only by the idle "
                              "timeout\n");
    }
    const union MHD_DaemonInfo *di =
        MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    char zAddr[64];
    inet_ntop(AF_INET, &sa.sin_addr, zAddr, sizeof zAddr);
    char zListenUrl[96];
    (void)snprintf(zListenUrl, sizeof zListenUrl, "http://%s:%u", zAddr,
                   di ? (unsigned)di->port : (unsigned)ntohs(sa.sin_port));
    if (mailer_start(cfg, zListenUrl, err)) {
        (void)fprintf(stderr, "lmpmon: e-mail is off: %s\n", err->zMsg);
        AppErr fresh = APPERR_INIT;
        *err = fresh;
    }
    printf("lmpmon: serving %s on http://%s:%u/ (stop with Ctrl-C)\n", cfg->zDb,
           zAddr, di ? (unsigned)di->port : (unsigned)ntohs(sa.sin_port));
    (void)fflush(stdout);

    int sig = 0;
    (void)sigwait(&set, &sig);
    (void)fprintf(stderr, "lmpmon: stopping: finishing requests in flight\n");
    /* Stop accepting, let running requests finish (at most 10 s). */
    (void)MHD_quiesce_daemon(d);
    for (int i = 0; i < 1000 && atomic_load(&nInFlight) > 0; i++) {
        struct timespec ts = { 0, 10L * 1000 * 1000 };
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(d);
    if (bWatch) {
        pthread_mutex_lock(&liveMutex);
        bLiveStop = 1;
        (void)pthread_cond_signal(&liveStop);
        pthread_mutex_unlock(&liveMutex);
        (void)pthread_join(thWatch, NULL);
    }
    (void)pthread_cond_destroy(&liveStop);
    complaints_cache_stop();
    backup_timer_stop();
    reminder_stop();
    change_watch_stop();
    session_cache_clear();
    mailer_stop();
    /* The report pages may have drawn PDFs: no thread draws any more. */
    review_print_release_fonts();
    (void)fprintf(stderr, "lmpmon: stopped\n");
    return 0;
}
