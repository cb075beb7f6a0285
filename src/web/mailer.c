/*
** mailer.c — the server's e-mail sender (see mailer.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "mailer.h"
#include "ticker.h"
#include "http.h"
#include "web.h"
#include "../app/inbox.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The parts of an SMTP URL: the URL as libcurl gets it (no user or
** password), and those apart. */
typedef struct SmtpUrl {
    char *zUrl;  /* "smtp://host:port" */
    char *zUser; /* decoded, or NULL */
    char *zPass; /* decoded, or NULL */
    char *zHost; /* for the sender's address and Message-ID */
} SmtpUrl;

static struct {
    Ticker ticker;
    Store *s; /* the sender's connection, opened on its first turn */
    char *zDb;
    SmtpUrl url;
    char *zFrom;      /* the sender's address */
    char *zBase;      /* links start with it, no final '/' */
    int eDefaultLang; /* the installation's (I18nLang) */
    long nRetryBase;  /* seconds before the first retry */
} mailer;

/* Forget err's failure: an AppErr keeps its first one. */
static void
mailer_err_reset(AppErr *err)
{
    AppErr fresh = APPERR_INIT;
    *err = fresh;
}

static void
smtp_url_release(SmtpUrl *u)
{
    free(u->zUrl);
    free(u->zUser);
    if (u->zPass) {
        memset(u->zPass, 0, strlen(u->zPass));
    }
    free(u->zPass);
    free(u->zHost);
    memset(u, 0, sizeof *u);
}

/* Split zUrl into u (empty on failure); 0 or -1 with err. */
static int
smtp_url_parse(const char *zUrl, SmtpUrl *u, AppErr *err)
{
    memset(u, 0, sizeof *u);
    size_t nScheme;
    if (strncmp(zUrl, "smtp://", 7) == 0) {
        nScheme = 7;
    } else if (strncmp(zUrl, "smtps://", 8) == 0) {
        nScheme = 8;
    } else {
        return apperr_set(err, APPERR_USAGE,
                          _("--smtp takes a URL starting smtp:// or "
                            "smtps://"));
    }
    const char *zAuth = zUrl + nScheme;
    size_t nAuth = strcspn(zAuth, "/?#");
    const char *zAt = NULL;
    for (size_t i = 0; i < nAuth; i++) {
        if (zAuth[i] == '@') {
            zAt = zAuth + i; /* the last '@' ends the user part */
        }
    }
    const char *zHostPort = zAt ? zAt + 1 : zAuth;
    size_t nHostPort = (size_t)(zAuth + nAuth - zHostPort);
    size_t nHost = nHostPort;
    for (size_t i = 0; i < nHostPort; i++) {
        if (zHostPort[i] == ':') {
            nHost = i;
        }
    }
    if (zHostPort[0] == '[') { /* [::1]:25 */
        const char *zEnd = memchr(zHostPort, ']', nHostPort);
        nHost = zEnd ? (size_t)(zEnd - zHostPort) + 1 : nHostPort;
    }
    if (nHost == 0) {
        return apperr_set(err, APPERR_USAGE,
                          _("--smtp needs a host: smtp://HOST[:PORT]"));
    }
    for (size_t i = nHost; i < nHostPort; i++) {
        if (i == nHost ? zHostPort[i] != ':'
                       : (zHostPort[i] < '0' || zHostPort[i] > '9')) {
            return apperr_set(err, APPERR_USAGE,
                              _("--smtp: the port after the host is a "
                                "number"));
        }
    }
    Buf b = BUF_INIT;
    buf_append(&b, zUrl, nScheme);
    buf_append(&b, zHostPort, nHostPort);
    buf_puts(&b, zAuth + nAuth);
    u->zUrl = buf_detach(&b);
    /* %XX decoded as every URL part is (http.h url_decode()): NULL for a
    ** part that decodes to a NUL or to bytes that are not UTF-8. */
    u->zHost = url_decode(zHostPort, nHost, 0);
    int bBad = !u->zHost;
    if (zAt) {
        size_t nUser = strcspn(zAuth, ":@");
        u->zUser = url_decode(zAuth, nUser, 0);
        bBad |= !u->zUser;
        if (zAuth[nUser] == ':') {
            u->zPass = url_decode(zAuth + nUser + 1,
                                  (size_t)(zAt - zAuth) - nUser - 1, 0);
            bBad |= !u->zPass;
        }
    }
    if (bBad) {
        smtp_url_release(u);
        return apperr_set(err, APPERR_USAGE,
                          _("--smtp: the URL's host, user or password does "
                            "not decode to text"));
    }
    return 0;
}

int
mailer_check_url(const char *zUrl, AppErr *err)
{
    SmtpUrl u;
    int rc = smtp_url_parse(zUrl, &u, err);
    smtp_url_release(&u);
    return rc;
}

/* What libcurl reads the message from. */
typedef struct MailBody {
    const char *z;
    size_t n, at;
} MailBody;

static size_t
mail_read(char *zOut, size_t size, size_t nItems, void *arg)
{
    MailBody *m = arg;
    size_t nRoom = size * nItems;
    size_t n = m->n - m->at < nRoom ? m->n - m->at : nRoom;
    memcpy(zOut, m->z + m->at, n);
    m->at += n;
    return n;
}

/* Base64 of z (n bytes), appended: an RFC 2047 encoded word's text. */
static void
base64_append(Buf *b, const unsigned char *z, size_t n)
{
    static const char az[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)z[i] << 16;
        if (i + 1 < n) {
            v |= (unsigned)z[i + 1] << 8;
        }
        if (i + 2 < n) {
            v |= z[i + 2];
        }
        buf_putc(b, az[(v >> 18) & 63]);
        buf_putc(b, az[(v >> 12) & 63]);
        buf_putc(b, (char)(i + 1 < n ? az[(v >> 6) & 63] : '='));
        buf_putc(b, (char)(i + 2 < n ? az[v & 63] : '='));
    }
}

/* A header's text: as it is when printable ASCII, else an RFC 2047
** encoded word (UTF-8, base64). */
static void
header_text(Buf *b, const char *z)
{
    int bAscii = 1;
    for (const char *p = z; *p; p++) {
        if ((unsigned char)*p < ' ' || (unsigned char)*p >= 0x7f) {
            bAscii = 0;
        }
    }
    if (bAscii) {
        buf_puts(b, z);
        return;
    }
    /* Encoded words of at most 75 characters (RFC 2047): 39 bytes of
    ** text each, cut between characters, on folded lines. */
    size_t n = strlen(z);
    for (size_t at = 0; at < n;) {
        size_t len = n - at < 39 ? n - at : 39;
        while (at + len < n && ((unsigned char)z[at + len] & 0xC0) == 0x80) {
            len--;
        }
        buf_puts(b, at ? "\r\n =?UTF-8?B?" : "=?UTF-8?B?");
        base64_append(b, (const unsigned char *)z + at, len);
        buf_puts(b, "?=");
        at += len;
    }
}

/* The time t as an e-mail's Date header writes it (RFC 5322: English
** names whatever the thread's language), into z. */
static void
mail_date(time_t t, char *z, size_t n)
{
    static const char *const azDay[] = { "Sun", "Mon", "Tue", "Wed",
                                         "Thu", "Fri", "Sat" };
    static const char *const azMonth[] = { "Jan", "Feb", "Mar", "Apr",
                                           "May", "Jun", "Jul", "Aug",
                                           "Sep", "Oct", "Nov", "Dec" };
    struct tm tm;
    (void)gmtime_r(&t, &tm);
    (void)snprintf(z, n, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                   azDay[tm.tm_wday % 7], tm.tm_mday, azMonth[tm.tm_mon % 12],
                   tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The message of notification n to its recipient, headers and body, with
** CRLF line ends, into msg. */
static void
mail_compose(const Note *n, Buf *msg)
{
    int eLang = n->zLang && *n->zLang ? i18n_lang_parse(n->zLang) : -1;
    I18nLang eBefore =
        i18n_use((I18nLang)(eLang >= 0 ? eLang : mailer.eDefaultLang));
    char zWhen[STR_TIME_LOCAL_BYTES];
    str_time_local(n->zAt, zWhen, sizeof zWhen);
    Buf subject = BUF_INIT, body = BUF_INIT;
    notify_mail_text(n, zWhen, mailer.zBase, &subject, &body);
    char zDate[64];
    time_t t = str_clock_now();
    mail_date(t, zDate, sizeof zDate);
    buf_printf(msg, "Date: %s\r\n", zDate);
    buf_printf(msg, "From: <%s>\r\n", mailer.zFrom);
    buf_printf(msg, "To: <%s>\r\n", n->zEmail);
    buf_puts(msg, "Subject: ");
    header_text(msg, buf_str(&subject));
    buf_puts(msg, "\r\n");
    buf_printf(msg, "Message-ID: <lmpmon-%ld-%ld@%s>\r\n", n->id, (long)t,
               mailer.url.zHost);
    buf_puts(msg, "MIME-Version: 1.0\r\n"
                  "Content-Type: text/plain; charset=UTF-8\r\n"
                  "Content-Transfer-Encoding: 8bit\r\n"
                  "Auto-Submitted: auto-generated\r\n\r\n");
    for (const char *p = buf_str(&body); *p; p++) {
        if (*p == '\n') {
            buf_putc(msg, '\r');
        }
        buf_putc(msg, *p);
    }
    buf_release(&subject);
    buf_release(&body);
    (void)i18n_use(eBefore);
}

/* Send n; 0, or -1 with the reason (libcurl's words) in zWhy. */
static int
mail_send(const Note *n, char *zWhy, size_t nWhy)
{
    Buf msg = BUF_INIT;
    mail_compose(n, &msg);
    MailBody body = { buf_str(&msg), msg.n, 0 };
    char zErr[CURL_ERROR_SIZE] = "";
    Buf from = BUF_INIT, to = BUF_INIT;
    buf_printf(&from, "<%s>", mailer.zFrom);
    buf_printf(&to, "<%s>", n->zEmail);
    struct curl_slist *rcpt = curl_slist_append(NULL, buf_str(&to));
    CURL *c = curl_easy_init();
    CURLcode rc = CURLE_FAILED_INIT;
    if (c && rcpt) {
        (void)curl_easy_setopt(c, CURLOPT_URL, mailer.url.zUrl);
        if (mailer.url.zUser) {
            (void)curl_easy_setopt(c, CURLOPT_USERNAME, mailer.url.zUser);
        }
        if (mailer.url.zPass) {
            (void)curl_easy_setopt(c, CURLOPT_PASSWORD, mailer.url.zPass);
        }
        /* smtp:// upgrades to TLS when the server offers STARTTLS;
        ** smtps:// is TLS from the start. */
        (void)curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
        (void)curl_easy_setopt(c, CURLOPT_MAIL_FROM, buf_str(&from));
        (void)curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
        (void)curl_easy_setopt(c, CURLOPT_READFUNCTION, mail_read);
        (void)curl_easy_setopt(c, CURLOPT_READDATA, &body);
        (void)curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
        (void)curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        (void)curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
        (void)curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
        (void)curl_easy_setopt(c, CURLOPT_ERRORBUFFER, zErr);
        rc = curl_easy_perform(c);
    }
    if (rc != CURLE_OK) {
        (void)snprintf(zWhy, nWhy, "%s", *zErr ? zErr : curl_easy_strerror(rc));
    }
    curl_easy_cleanup(c);
    curl_slist_free_all(rcpt);
    buf_release(&from);
    buf_release(&to);
    buf_release(&msg);
    return rc == CURLE_OK ? 0 : -1;
}

/* One pass: take what is due, send it, record how it went.  Returns the
** number taken (a full batch: look again at once). */
static size_t
mailer_pass(Store *s)
{
    AppErr err = APPERR_INIT;
    Note *a = NULL;
    size_t n = 0;
    if (inbox_mail_take(s, &a, &n, &err)) {
        web_log("e-mail: cannot read the e-mails due: %s (%s)", err.zMsg,
                err.zDetail);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        const Note *x = &a[i];
        int bSkip = !x->bMail || !x->zEmail || !notify_email_ok(x->zEmail);
        int bStale = !bSkip && notify_mail_stale(x->zAt, str_clock_now());
        int bSent = 0;
        char zWhy[CURL_ERROR_SIZE + 1] = "";
        if (bStale) {
            web_log("e-mail: notification %ld to %s is too old to send "
                    "(of %s); it stays in the inbox",
                    x->id, x->zUser, x->zAt);
        } else if (!bSkip) {
            bSent = mail_send(x, zWhy, sizeof zWhy) == 0;
            if (bSent) {
                web_log("e-mail: notification %ld sent to %s", x->id, x->zUser);
            } else {
                web_log("e-mail: notification %ld to %s failed (attempt "
                        "%d of %d): %s",
                        x->id, x->zUser, x->nTries + 1, LIMIT_MAIL_TRIES, zWhy);
            }
        }
        if (inbox_mail_done(s, x, bSent, bSkip, bStale ? -1 : mailer.nRetryBase,
                            &err)) {
            web_log("e-mail: cannot record notification %ld: %s (%s)", x->id,
                    err.zMsg, err.zDetail);
            mailer_err_reset(&err);
        }
    }
    note_free(a, n);
    return n;
}

/* One turn of the sender: send what is due; again at once when the
** batch was full, else after MAILER_POLL_SECONDS. */
static long
mailer_turn(void *arg)
{
    (void)arg;
    if (!mailer.s) {
        AppErr err = APPERR_INIT;
        mailer.s = store_open(mailer.zDb, STORE_OPEN_EXISTING, "lmpmon", &err);
        if (!mailer.s) {
            web_log("e-mail: cannot open the database: %s", err.zMsg);
            return MAILER_POLL_SECONDS;
        }
    }
    return mailer_pass(mailer.s) < LIMIT_MAIL_BATCH ? MAILER_POLL_SECONDS : 0;
}

int
mailer_start(const WebConfig *cfg, const char *zBaseUrl, AppErr *err)
{
    if (!cfg->zSmtp) {
        return 0;
    }
    if (smtp_url_parse(cfg->zSmtp, &mailer.url, err)) {
        return -1;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        smtp_url_release(&mailer.url);
        return apperr_set(err, APPERR_INTERNAL, "cannot start libcurl");
    }
    mailer.zDb = xstrdup(cfg->zDb);
    const char *zBase = cfg->zBaseUrl ? cfg->zBaseUrl : zBaseUrl;
    size_t nBase = strlen(zBase);
    while (nBase && zBase[nBase - 1] == '/') {
        nBase--;
    }
    mailer.zBase = xstrndup(zBase, nBase);
    if (cfg->zSmtpFrom) {
        mailer.zFrom = xstrdup(cfg->zSmtpFrom);
    } else {
        /* lmpmon@ the host people reach the server at. */
        const char *zHost = strstr(mailer.zBase, "://");
        zHost = zHost ? zHost + 3 : "";
        size_t nHost = strcspn(zHost, ":/[");
        Buf b = BUF_INIT;
        buf_puts(&b, "lmpmon@");
        if (nHost) {
            buf_append(&b, zHost, nHost);
        } else {
            buf_puts(&b, "localhost");
        }
        mailer.zFrom = buf_detach(&b);
    }
    mailer.eDefaultLang = cfg->eLang;
    mailer.nRetryBase = 60;
    long nRetry = 0;
    if (str_to_long(getenv("LMPMON_MAIL_RETRY_SECONDS"), 1, 60, &nRetry) == 0) {
        mailer.nRetryBase = nRetry; /* tests */
    }
    if (ticker_start(&mailer.ticker, 0, mailer_turn, NULL)) {
        return apperr_set(err, APPERR_INTERNAL, "cannot start a thread");
    }
    web_log("e-mail: notifications go through %s from <%s>, linking to %s",
            mailer.url.zUrl, mailer.zFrom, mailer.zBase);
    return 0;
}

void
mailer_stop(void)
{
    if (!mailer.ticker.bRunning) {
        return;
    }
    ticker_stop(&mailer.ticker);
    store_close(mailer.s);
    mailer.s = NULL;
    smtp_url_release(&mailer.url);
    free(mailer.zDb);
    free(mailer.zFrom);
    free(mailer.zBase);
    mailer.zDb = mailer.zFrom = mailer.zBase = NULL;
    curl_global_cleanup();
}
