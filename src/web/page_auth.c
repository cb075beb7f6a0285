/*
** page_auth.c — logging in and out.
**
** A failed login is logged and answered late: each failure for the same
** user name or client address doubles the wait (up to 4 s), so guessing
** passwords is slow while a typo costs a quarter of a second.  Password
** checks go through secret.c, which bounds how many argon2id runs happen
** at once.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "web.h"
#include "../base/base.h"
#include "../base/secret.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* Recent failures per user name or client address (keys "u:name",
** "ip:1.2.3.4").  A small table: the oldest entry gives way. */
typedef struct LoginFailure {
    char zKey[80];
    int nFail;
    time_t tLast;
} LoginFailure;

static LoginFailure aFailure[128];
static pthread_mutex_t failureMutex = PTHREAD_MUTEX_INITIALIZER;

/* Record (bFailed) or clear a key; returns the delay in ms to apply. */
static long
login_note(const char *zKey, int bFailed)
{
    time_t now = time(NULL);
    long ms = 0;
    pthread_mutex_lock(&failureMutex);
    LoginFailure *slot = NULL, *oldest = &aFailure[0];
    for (size_t i = 0; i < sizeof aFailure / sizeof aFailure[0]; i++) {
        if (strcmp(aFailure[i].zKey, zKey) == 0) {
            slot = &aFailure[i];
        }
        if (aFailure[i].tLast < oldest->tLast) {
            oldest = &aFailure[i];
        }
    }
    if (slot && now - slot->tLast > 15 * 60) {
        slot->nFail = 0; /* quiet for 15 minutes: forgiven */
    }
    if (!bFailed) {
        if (slot) {
            slot->zKey[0] = 0;
            slot->nFail = 0;
        }
    } else {
        if (!slot) {
            slot = oldest;
            (void)snprintf(slot->zKey, sizeof slot->zKey, "%s", zKey);
            slot->nFail = 0;
        }
        slot->nFail++;
        slot->tLast = now;
        ms = 250L << (slot->nFail > 5 ? 4 : slot->nFail - 1);
    }
    pthread_mutex_unlock(&failureMutex);
    return ms;
}

static void
login_render(Req *r, Resp *w, const char *zToken, const char *zNext,
             const char *zUser, const char *zError)
{
    page_begin(r, w, "Log in");
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    HTML_LIT(b, "<form class=\"card\" method=\"post\" action=\"/login\">"
                "<input type=\"hidden\" name=\"csrf\" value=\"");
    esc_html(b, zToken);
    HTML_LIT(b, "\"/><input type=\"hidden\" name=\"next\" value=\"");
    esc_html(b, zNext);
    HTML_LIT(b, "\"/><label for=\"username\">User name</label><input "
                "id=\"username\" name=\"username\" autocomplete=\"username\" "
                "required=\"required\" value=\"");
    esc_html(b, zUser);
    HTML_LIT(b, "\"/><label for=\"password\">Password</label><input "
                "id=\"password\" name=\"password\" type=\"password\" "
                "autocomplete=\"current-password\" required=\"required\"/>"
                "<div><button type=\"submit\">Log in</button></div></form>\n");
    page_end(r, w);
}

/* Set the pre-session CSRF cookie and return its token in zToken. */
static void
login_new_csrf(Req *r, Resp *w, char zToken[SECRET_TOKEN_CHARS])
{
    secret_new_token(zToken);
    Buf c = BUF_INIT;
    buf_printf(&c, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s",
               page_csrf_cookie(r), zToken,
               r->cfg->bSecureCookie ? "; Secure" : "");
    free(w->zSetCookie);
    w->zSetCookie = buf_detach(&c);
}

/* ** PAGE: /login (GET) */
int
page_login_form(Req *r, Resp *w)
{
    if (r->bAuthed) {
        resp_redirect(w, "/");
        return 0;
    }
    char zToken[SECRET_TOKEN_CHARS];
    login_new_csrf(r, w, zToken);
    w->bPrivate = 1;
    login_render(r, w, zToken, url_local_target(req_query(r, "next")), "",
                 NULL);
    return 0;
}

/* ** PAGE: /login (POST) */
int
page_login(Req *r, Resp *w)
{
    const char *zUser = req_form(r, "username");
    const char *zPass = req_form(r, "password");
    const char *zNext = url_local_target(req_form(r, "next"));
    User u;
    AppErr err = APPERR_INIT;
    int bUser = strlen(zUser) < LIMIT_CODE_BYTES &&
                store_user_get(r->s, zUser, &u, &err) == 0;
    /* Verify even for an unknown user, so timing does not tell. */
    int bOk = secret_verify_password(bUser ? u.zHash : secret_dummy_hash(),
                                     zPass) == 0 &&
              bUser && !u.bDisabled;
    char zIpKey[80], zUserKey[80];
    (void)snprintf(zIpKey, sizeof zIpKey, "ip:%s", r->zClientIp);
    (void)snprintf(zUserKey, sizeof zUserKey, "u:%.70s", zUser);
    if (!bOk) {
        long ms1 = login_note(zIpKey, 1), ms2 = login_note(zUserKey, 1);
        long ms = ms1 > ms2 ? ms1 : ms2;
        Buf log = BUF_INIT;
        char zNow[32];
        str_now_utc(zNow, sizeof zNow);
        buf_printf(&log, "%s lmpmon: failed login for '", zNow);
        for (const char *p = zUser; *p && p - zUser < 64; p++) {
            buf_putc(&log, (*p > 32 && *p < 127) ? *p : '?');
        }
        buf_printf(&log, "' from %s%s; answering in %ld ms\n", r->zClientIp,
                   bUser && u.bDisabled ? " (account disabled)" : "", ms);
        (void)fputs(buf_str(&log), stderr);
        buf_release(&log);
        struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
        nanosleep(&ts, NULL);
        if (bUser) {
            user_release(&u);
        }
        char zToken[SECRET_TOKEN_CHARS];
        login_new_csrf(r, w, zToken);
        w->status = 401;
        w->bPrivate = 1;
        login_render(r, w, zToken, zNext, zUser,
                     "Wrong user name or password, or the account is "
                     "disabled.");
        return 0;
    }
    (void)login_note(zIpKey, 0);
    (void)login_note(zUserKey, 0);
    char zToken[SECRET_TOKEN_CHARS], zHash[SECRET_HASH_HEX];
    char zCsrf[SECRET_TOKEN_CHARS];
    secret_new_token(zToken);
    secret_new_token(zCsrf);
    secret_hash_token(zToken, zHash);
    long now = (long)time(NULL);
    Session ses;
    memset(&ses, 0, sizeof ses);
    ses.zTokenHash = zHash;
    ses.userId = u.id;
    ses.zCsrf = zCsrf;
    ses.created = now;
    ses.lastSeen = now;
    if (store_session_put(r->s, &ses, &err)) {
        user_release(&u);
        /* Busy (an import holds the database): 503 with Retry-After. */
        web_fail(r, w, &err);
        return 0;
    }
    Buf c = BUF_INIT;
    buf_printf(&c, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s",
               page_session_cookie(r), zToken,
               r->cfg->bSecureCookie ? "; Secure" : "");
    free(w->zSetCookie);
    w->zSetCookie = buf_detach(&c);
    user_release(&u);
    resp_redirect(w, zNext);
    return 0;
}

/* ** PAGE: /logout (POST) */
int
page_logout(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    (void)store_session_delete(r->s, r->ses.zTokenHash, &err);
    Buf c = BUF_INIT;
    buf_printf(&c, "%s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s",
               page_session_cookie(r), r->cfg->bSecureCookie ? "; Secure" : "");
    free(w->zSetCookie);
    w->zSetCookie = buf_detach(&c);
    resp_redirect(w, "/login");
    return 0;
}
