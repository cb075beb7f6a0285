/*
** web_limits.h — the limits of the web server, named (see also
** base/limits.h for those shared with the CLI).
*/
#ifndef LMPMON_WEB_LIMITS_H
#define LMPMON_WEB_LIMITS_H

/* Largest request body: a statement form or JSON API call. */
#define LIMIT_BODY_BYTES (256u << 10) /* KiB */

/* Largest request body of a route that takes files (multipart/form-data,
** route flag WEB_UPLOAD: importing a plan).  A national plan's annex CSV
** is about 17 MB; 32 MB leaves room for it beside its plan JSON.  The
** body is held in memory until the router has checked the session, role
** and CSRF token, so at most LIMIT_UPLOADS_AT_ONCE such bodies are taken
** at a time (the others get 503): LIMIT_UPLOAD_BYTES times that bounds
** the memory uploads can hold. */
#define LIMIT_UPLOAD_BYTES    (32u << 20) /* MiB */
#define LIMIT_UPLOADS_AT_ONCE 4

/* Most files in one upload, and the most bytes of one part's headers
** (Content-Disposition and Content-Type) in a multipart body. */
#define LIMIT_UPLOAD_FILES             8
#define LIMIT_UPLOAD_PART_HEADER_BYTES 4096u

/* A statement's attachments have their own limits, which core's rules
** check: LIMIT_ATTACH_BYTES and LIMIT_ATTACH_PER_STATEMENT in
** base/limits.h (their upload route is held to LIMIT_UPLOAD_BYTES too). */

/* Plan imports previewed in the browser and waiting for their
** confirmation (page_import.c): kept in the server's memory, at most this
** many (the oldest goes first) and for at most this many seconds. */
#define LIMIT_IMPORT_PENDING         4
#define LIMIT_IMPORT_PENDING_SECONDS (30L * 60)

/* Most name=value pairs in a query string or form. */
#define LIMIT_FORM_FIELDS 64u

/* Memory libmicrohttpd may use per connection: bounds header size. */
#define LIMIT_HEADER_BYTES (32u << 10) /* KiB */

/* Simultaneous connections in all, and from one client address. */
#define LIMIT_CONNECTIONS            256u
#define LIMIT_CONNECTIONS_PER_CLIENT 32u

/* Open connections above which the server is busy: a connection that
** starts or finishes a request then may stay idle for only
** LIMIT_IDLE_SECONDS_BUSY, so idle keep-alive connections make room for
** new ones (server.c says what this guarantees). */
#define LIMIT_CONNECTIONS_BUSY  (LIMIT_CONNECTIONS / 4u * 3u)
#define LIMIT_IDLE_SECONDS_BUSY 5u

/* Most reverse proxies 'serve --trusted-proxy' accepts (a chain of a few
** is usual; each one is compared with every connection's peer). */
#define LIMIT_TRUSTED_PROXIES 16u

/* Seconds a connection may stay idle, or go without traffic while a
** request arrives (MHD's timeout). */
#define LIMIT_REQUEST_SECONDS 30u

/* Seconds from a request's request line until its headers and body are all
** in, however steadily they trickle (server.c: "Every request has a
** deadline").  The environment variable LMPMON_REQUEST_SECONDS can only
** shorten it, for tests. */
#define LIMIT_REQUEST_TOTAL_SECONDS 30u

/* The same for a request of a route that takes files (WEB_UPLOAD): a
** national plan's 17 MB annex takes over a minute on a provincial
** office's 2 Mbit/s line.  Such requests are at most LIMIT_UPLOADS_AT_ONCE,
** so slow ones hold no more than those few connections.  A test's
** LMPMON_REQUEST_SECONDS shortens it in the same proportion. */
#define LIMIT_UPLOAD_TOTAL_SECONDS 600u

/* A request that found the database busy for longer than the server's busy
** timeout answers 503 and asks the client to come back this much later. */
#define LIMIT_WEB_RETRY_AFTER_SECONDS 2

/* Failed logins (login_throttle.h): free ones per client address and per
** user name, the longest back-off window after more, how long a quiet
** address or name takes to be forgotten, logins checked at once from one
** address, and how many addresses and names are remembered. */
#define LIMIT_LOGIN_FREE_FAILURES         3
#define LIMIT_LOGIN_BACKOFF_MAX_SECONDS   60
#define LIMIT_LOGIN_FORGET_SECONDS        (15L * 60)
#define LIMIT_LOGIN_CONCURRENT_PER_CLIENT 2
#define LIMIT_LOGIN_THROTTLE_KEYS         1024

/* Password hashings at once (argon2id takes 64 MiB and ~0.1 s each). */
#define LIMIT_CONCURRENT_HASHING 2

/* Slow pages (the full review report) rendered at once; the others wait. */
#define WEB_SLOW_WORK 2

/* Session lifetimes, seconds: idle and absolute. */
#define LIMIT_SESSION_IDLE_SECONDS     (2L * 60 * 60)
#define LIMIT_SESSION_ABSOLUTE_SECONDS (12L * 60 * 60)

/* Worker threads of the server. */
#define WEB_THREADS 4u

#endif
