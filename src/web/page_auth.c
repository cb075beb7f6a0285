/*
** page_auth.c — logging in and out.
**
** A failed login is logged and counted by login_throttle.c against the
** client's address and the user name: after a few, logins from that
** address or for that name are answered 429 at once (with Retry-After)
** until a back-off window has passed, and the password is not even
** checked.  Nothing waits in the handler.  Password checks go through
** secret.c, which bounds how many argon2id runs happen at once.
**
** A user who forgot the password follows a one-time link an administrator
** made (/reset/TOKEN, app/admin.h admin_user_reset_token()) and chooses a
** new one.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "login_throttle.h"
#include "web.h"
#include "../base/base.h"
#include "../base/secret.h"
#include "../app/admin.h"
#include "../report/escape.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The login form; zError: why the last attempt failed, or NULL. */
static void
login_render(Req *r, Resp *w, const char *zToken, const char *zNext,
             const char *zUser, const char *zError)
{
    page_begin(r, w, _("Log in"));
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    } else if (str_eq(req_query(r, "msg"), "password_set")) {
        /* Keyed, never the text of the address (no spoofed notices). */
        page_notice(b, "ok", _("Your new password is set: log in with it."));
    }
    HTML_LIT(b, "<form class=\"card\" method=\"post\" action=\"/login\">"
                "<input type=\"hidden\" name=\"csrf\" value=\"");
    esc_html(b, zToken);
    HTML_LIT(b, "\"/><input type=\"hidden\" name=\"next\" value=\"");
    esc_html(b, zNext);
    HTML_LIT(b, "\"/><label for=\"username\">");
    HTML_TR(b, "User name");
    HTML_LIT(
        b,
        "</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required=\"required\" value=\"");
    esc_html(b, zUser);
    HTML_LIT(b, "\"/><label for=\"password\">");
    HTML_TR(b, "Password");
    HTML_LIT(
        b,
        "</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required=\"required\"/><div><button type=\"submit\">");
    HTML_TR(b, "Log in");
    HTML_LIT(b, "</button></div></form>\n");
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

/* The answer while login_throttle.c holds the client back: 429 at once,
** with the seconds to wait in Retry-After and on the page. */
static void
login_refuse(Req *r, Resp *w, const char *zNext, const char *zUser,
             LoginVerdict e, int nWait)
{
    Buf msg = BUF_INIT;
    buf_printf(&msg,
               ngettext("%s; try again in %d second.",
                        "%s; try again in %d seconds.", (unsigned long)nWait),
               e == LOGIN_WAIT_USER
                   ? _("Too many failed sign-ins for this user name")
               : e == LOGIN_WAIT_BUSY
                   ? _("Too many sign-ins from your address at once")
                   : _("Too many failed sign-ins from your address"),
               nWait);
    char zToken[SECRET_TOKEN_CHARS];
    login_new_csrf(r, w, zToken);
    w->status = 429;
    w->nRetryAfter = nWait;
    w->bPrivate = 1;
    login_render(r, w, zToken, zNext, zUser, buf_str(&msg));
    buf_release(&msg);
}

/* ** PAGE: /login (POST) */
int
page_login(Req *r, Resp *w)
{
    const char *zUser = req_form(r, "username");
    const char *zPass = req_form(r, "password");
    const char *zNext = url_local_target(req_form(r, "next"));
    int nWait = 0;
    LoginVerdict e =
        login_throttle_begin(r->zClientIp, zUser, login_throttle_now(), &nWait);
    if (e != LOGIN_GO) {
        login_refuse(r, w, zNext, zUser, e, nWait);
        return 0;
    }
    User u;
    AppErr err = APPERR_INIT;
    int bUser = strlen(zUser) < LIMIT_CODE_BYTES &&
                store_user_get(r->s, zUser, &u, &err) == 0;
    /* Verify even for an unknown user, so timing does not tell. */
    int bOk = secret_verify_password(bUser ? u.zHash : secret_dummy_hash(),
                                     zPass) == 0 &&
              bUser && !u.bDisabled;
    int nWindow =
        login_throttle_end(r->zClientIp, zUser, !bOk, login_throttle_now());
    if (!bOk) {
        Buf log = BUF_INIT;
        char zNow[32];
        str_now_utc(zNow, sizeof zNow);
        buf_printf(&log, "%s lmpmon: failed login for '", zNow);
        for (const char *p = zUser; *p && p - zUser < 64; p++) {
            buf_putc(&log, (char)((*p > 32 && *p < 127) ? *p : '?'));
        }
        buf_printf(&log, "' from %s%s", r->zClientIp,
                   bUser && u.bDisabled ? " (account disabled)" : "");
        if (nWindow) {
            buf_printf(&log, "; further logins refused for %d s", nWindow);
        }
        buf_putc(&log, '\n');
        (void)fputs(buf_str(&log), stderr);
        buf_release(&log);
        if (bUser) {
            user_release(&u);
        }
        char zToken[SECRET_TOKEN_CHARS];
        login_new_csrf(r, w, zToken);
        w->status = 401;
        w->bPrivate = 1;
        login_render(r, w, zToken, zNext, zUser,
                     _("Wrong user name or password, or the account is "
                       "disabled."));
        return 0;
    }
    char zToken[SECRET_TOKEN_CHARS], zHash[SECRET_HASH_HEX];
    char zCsrf[SECRET_TOKEN_CHARS];
    secret_new_token(zToken);
    secret_new_token(zCsrf);
    secret_hash_token(zToken, zHash);
    long now = (long)str_clock_now();
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

/* The new-password form of reset link zToken for account zUser. */
static void
reset_render(Req *r, Resp *w, const char *zToken, const char *zUser,
             const char *zError)
{
    char zCsrf[SECRET_TOKEN_CHARS];
    login_new_csrf(r, w, zCsrf);
    w->bPrivate = 1;
    page_begin(r, w, _("Choose a new password"));
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    HTML_LIT(b, "<form class=\"card\" method=\"post\" action=\"/reset/");
    esc_html(b, zToken);
    HTML_LIT(b, "\"><input type=\"hidden\" name=\"csrf\" value=\"");
    esc_html(b, zCsrf);
    HTML_LIT(b, "\"/><p>");
    Buf t = BUF_INIT;
    buf_printf(&t,
               _("A new password for %s: at least 8 characters. Every "
                 "browser where %s is logged in is logged out."),
               zUser, zUser);
    esc_html(b, buf_str(&t));
    buf_release(&t);
    /* The name, for password managers. */
    HTML_LIT(b, "</p><input type=\"hidden\" name=\"username\" "
                "autocomplete=\"username\" value=\"");
    esc_html(b, zUser);
    HTML_LIT(b, "\"/><label for=\"password\">");
    HTML_TR(b, "New password");
    HTML_LIT(b, "</label><input id=\"password\" name=\"password\" "
                "type=\"password\" autocomplete=\"new-password\" "
                "minlength=\"8\" required=\"required\"/>"
                "<label for=\"again\">");
    HTML_TR(b, "The same password again");
    HTML_LIT(b, "</label><input id=\"again\" name=\"again\" "
                "type=\"password\" autocomplete=\"new-password\" "
                "minlength=\"8\" required=\"required\"/><div><button "
                "type=\"submit\">");
    HTML_TR(b, "Set the password");
    HTML_LIT(b, "</button></div></form>\n");
    page_end(r, w);
}

/* ** PAGE: /reset/{} (GET) */
int
page_reset_form(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    char *zUser = NULL;
    w->bPrivate = 1;
    if (admin_reset_user(r->s, r->azParam[0], &zUser, &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    reset_render(r, w, r->azParam[0], zUser, NULL);
    free(zUser);
    return 0;
}

/* ** PAGE: /reset/{} (POST) */
int
page_reset_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    char *zUser = NULL;
    w->bPrivate = 1;
    if (admin_reset_user(r->s, r->azParam[0], &zUser, &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    const char *zPass = req_form(r, "password");
    char *zHash = NULL;
    int rc;
    if (!str_eq(zPass, req_form(r, "again"))) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the two passwords differ: type the same twice"));
    } else if (secret_hash_password(zPass, &zHash, &err)) {
        rc = -1;
    } else {
        rc = admin_reset_password(r->s, r->azParam[0], zHash, &err);
    }
    free(zHash);
    if (rc && err.code == APPERR_INPUT) {
        web_fail_status(r, w, &err);
        reset_render(r, w, r->azParam[0], zUser, err.zMsg);
    } else if (rc) {
        web_fail(r, w, &err);
    } else {
        resp_redirect(w, "/login?msg=password_set");
    }
    free(zUser);
    return 0;
}
