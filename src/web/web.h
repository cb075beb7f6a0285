/*
** web.h — the web application: 'lmpmon serve'.
**
** server.c runs libmicrohttpd (thread pool, epoll) and turns each request
** into a Req; router.c finds its route in the table of routes.c, checks the
** session, role and CSRF token the route requires (deny by default), and
** calls the page or API handler.  Pages render server-side HTML through
** page.c's layout and report/escape.c's encoders.
*/
#ifndef LMPMON_WEB_H
#define LMPMON_WEB_H

#include "client_addr.h"
#include "../base/apperr.h"
#include "../base/buf.h"

struct WebConfig {
    const char *zDb;          /* database path */
    const char *zListen;      /* "127.0.0.1:8080" */
    int bPublic;              /* anonymous visitors may read published rounds */
    int bSecureCookie;        /* cookies get Secure (served over TLS/proxy) */
    int bQuiet;               /* no access log (tests of throughput) */
    ProxyList proxies;        /* --trusted-proxy: peers whose X-Forwarded-For
                            ** names the client (client_addr.h) */
    long nBackupSeconds;      /* --backup-every, in seconds; 0: no backups
                            ** (backup_timer.h) */
    int nBackupKeep;          /* --keep: how many of them to keep */
    const char *zBackupDir;   /* --backup-dir; NULL: "DB-backups" */
    int bLoopbackOnly;        /* set by web_serve(): answer only requests
                            ** whose Host is this machine (server.c) */
    unsigned nRequestSeconds; /* a request's deadline, shorter than
                            ** LIMIT_REQUEST_TOTAL_SECONDS (tests); 0: that */
    int eLang;                /* --language: the installation's default
                            ** language (I18nLang), for a visitor who chose
                            ** none and whose browser asks for none of ours */
    const char *zSmtp;        /* --smtp URL: e-mail notifications through it
                            ** (mailer.h); NULL: none */
    const char *zSmtpFrom; /* --smtp-from; NULL: lmpmon@ the base URL's host */
    const char *zBaseUrl;  /* --base-url: what links in e-mails start
                            ** with; NULL: the listening address */
    const char *zBudgetClose; /* --budget-close MM-DD (core/funding.h) */
};

typedef struct WebConfig WebConfig;

/* Serve until SIGINT or SIGTERM; requests in flight are finished before
** returning.  Returns 0, or -1 with err (address in use, bad --listen). */
int web_serve(const WebConfig *pConfig, AppErr *err);

/* Check an SMTP URL as --smtp takes it (mailer.c): smtp:// or smtps://,
** a host, an optional user and password, an optional port.  0, or -1
** with err naming what is wrong (never echoing a password). */
int mailer_check_url(const char *zUrl, AppErr *err);

/* The route table for people (lmpmon routes): one line per route,
** "METHOD PATH WHO" with WHO the roles' names, "public" (anonymous readers
** with --public) and "open" (no login), then "csrf" for a route that
** changes state. */
void web_describe_routes(Buf *b);

#endif
