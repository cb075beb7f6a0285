/*
** page_inbox.c — a user's notifications (/inbox, GET /api/inbox) and
** account page (/account: e-mail address, "e-mail me", language of
** e-mails).  What is written goes through app/inbox.h; who is told what
** is core/notify.c's table.  Everyone logged in has an inbox and sees only
** their own notifications: the store reads them by the session's user.
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../app/inbox.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* The sheet "inbox": the user's notifications, newest first. */
typedef struct InboxPage {
    const Req *r;
    const Note *a;
    size_t n;
} InboxPage;

static void
inbox_sheet(const void *arg, const char *zId, Sheet *t)
{
    (void)zId;
    const InboxPage *x = arg;
    sheet_col(t, _("When"));
    sheet_col(t, _("What"));
    sheet_col(t, _("Notification"));
    sheet_col(t, _("State"));
    sheet_col(t, _("E-mail"));
    sheet_col_html(t, _("Mark"));
    for (size_t i = 0; i < x->n; i++) {
        const Note *n = &x->a[i];
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(n->zAt, zWhen, sizeof zWhen);
        sheet_text(t, zWhen);
        sheet_text(t, note_kind_label(n->eKind));
        Buf text = BUF_INIT, path = BUF_INIT;
        notify_sentence(n, &text);
        notify_path(n, &path);
        sheet_link(t, buf_str(&text), buf_str(&path));
        buf_release(&text);
        buf_release(&path);
        if (n->zReadAt) {
            sheet_badge(t, _("Read"), "badge s-read");
        } else {
            sheet_badge(t, _("Unread"), "badge s-unread");
        }
        sheet_text(t, code_label(CODE_NOTE_MAIL, note_mail_name(n->eMail)));
        Buf f = BUF_INIT;
        if (!n->zReadAt) {
            HTML_LIT(&f, "<form class=\"inline\" method=\"post\" "
                         "action=\"/inbox/read\">");
            page_csrf_field(x->r, &f);
            HTML_LIT(&f, "<input type=\"hidden\" name=\"id\" value=\"");
            buf_printf(&f, "%ld", n->id);
            HTML_LIT(&f, "\"/><button type=\"submit\">");
            HTML_TR(&f, "Mark read");
            HTML_LIT(&f, "</button></form>");
        }
        sheet_markup(t, buf_str(&f));
        buf_release(&f);
    }
}

/* ** PAGE: /inbox */
int
page_inbox(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    Note *a = NULL;
    size_t n = 0;
    if (inbox_list(r->s, &who, &a, &n, &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    InboxPage x = { r, a, n };
    static const char *const azId[] = { "inbox", NULL };
    if (page_download(r, w, azId, inbox_sheet, &x, "inbox")) {
        note_free(a, n);
        return 0;
    }
    size_t nUnread = 0;
    for (size_t i = 0; i < n; i++) {
        nUnread += a[i].zReadAt == NULL;
    }
    w->bPrivate = 1;
    page_begin(r, w, _("Inbox"));
    Buf *b = &w->body;
    if (str_eq(req_query(r, "done"), "read")) {
        page_notice(b, "ok", _("Marked read."));
    }
    HTML_LIT(b, "<p>");
    if (n == 0) {
        HTML_TR(b, "Nothing yet: you are told here when a statement you "
                   "report or review moves, and when a round opens or is "
                   "published.");
    } else {
        Buf s = BUF_INIT;
        buf_printf(&s,
                   ngettext("%zu unread notification",
                            "%zu unread notifications", nUnread),
                   nUnread);
        esc_html(b, buf_str(&s));
        buf_release(&s);
    }
    HTML_LIT(b, " <a href=\"/account\">");
    HTML_TR(b, "E-mail settings");
    HTML_LIT(b, "</a></p>\n");
    if (nUnread > 0) {
        HTML_LIT(b, "<form class=\"inline\" method=\"post\" "
                    "action=\"/inbox/read\">");
        page_csrf_field(r, b);
        HTML_LIT(b, "<input type=\"hidden\" name=\"id\" value=\"all\"/>"
                    "<button type=\"submit\">");
        HTML_TR(b, "Mark all read");
        HTML_LIT(b, "</button></form>\n");
    }
    if (n > 0) {
        Sheet t;
        sheet_init(&t, "inbox", NULL);
        inbox_sheet(&x, "inbox", &t);
        char *zSelf = page_self(r);
        page_sheet(b, &t, zSelf);
        free(zSelf);
        sheet_release(&t);
    }
    note_free(a, n);
    page_end(r, w);
    return 0;
}

/* ** PAGE: /inbox/read (POST) */
int
page_inbox_read_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    const char *zId = req_form(r, "id");
    long id = 0;
    int rc;
    if (str_eq(zId, "all")) {
        rc = inbox_mark_read(r->s, &who, 0, NULL, &err);
    } else if (str_to_long(zId, 1, 0x7fffffffL, &id)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("which notification? 'id' is a notification's "
                          "number or 'all'"));
    } else {
        rc = inbox_mark_read(r->s, &who, id, NULL, &err);
    }
    if (rc) {
        web_fail(r, w, &err);
        return 0;
    }
    resp_redirect(w, "/inbox?done=read");
    return 0;
}

/* ** PAGE: /api/inbox */
int
api_inbox(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    Note *a = NULL;
    size_t n = 0;
    if (inbox_list(r->s, &who, &a, &n, &err)) {
        web_fail_status(r, w, &err);
        api_send(w, w->status, json_pack("{s:s}", "error", err.zMsg));
        return 0;
    }
    json_t *arr = json_array();
    long nUnread = 0;
    for (size_t i = 0; i < n; i++) {
        const Note *x = &a[i];
        Buf text = BUF_INIT, path = BUF_INIT;
        notify_sentence(x, &text);
        notify_path(x, &path);
        nUnread += x->zReadAt == NULL;
        json_array_append_new(
            arr,
            json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s?,s:s,s:s}",
                      "id", (json_int_t)x->id, "kind", note_kind_name(x->eKind),
                      "text", buf_str(&text), "plan", x->zPlan, "round",
                      x->zRound, "activity", x->zNode, "org", x->zOrg, "by",
                      x->zActor, "at", x->zAt, "read_at", x->zReadAt, "email",
                      note_mail_name(x->eMail), "link", buf_str(&path)));
        buf_release(&text);
        buf_release(&path);
    }
    note_free(a, n);
    api_send(w, 200,
             json_pack("{s:s,s:I,s:o}", "user", who.zName, "unread",
                       (json_int_t)nUnread, "notifications", arr));
    return 0;
}

/* The account page: what the user set, or (bKept) what the refused form
** held, and a notice. */
static void
account_render(Req *r, Resp *w, const char *zNotice, const char *zKind,
               int bKept)
{
    const User *u = &r->ses.user;
    const char *zEmail =
        bKept ? req_form(r, "email") : (u->zEmail ? u->zEmail : "");
    int bMail = bKept ? str_eq(req_form(r, "mail"), "1") : u->bMail;
    const char *zLang =
        bKept ? req_form(r, "lang") : (u->zLang ? u->zLang : "");
    w->bPrivate = 1;
    page_begin(r, w, _("Your account"));
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, zKind, zNotice);
    }
    HTML_LIT(b, "<p>");
    esc_html(b, u->zName);
    HTML_LIT(b, " \xE2\x80\x94 ");
    esc_html(b, role_label(u->eRole));
    if (u->zOrg) {
        HTML_LIT(b, ", ");
        esc_html(b, u->zOrg);
    }
    HTML_LIT(b, " \xE2\x80\x94 <a href=\"/inbox\">");
    HTML_TR(b, "Inbox");
    HTML_LIT(b, "</a></p>\n<form class=\"card\" method=\"post\" "
                "action=\"/account\"><h2>");
    HTML_TR(b, "E-mail");
    HTML_LIT(b, "</h2>");
    page_csrf_field(r, b);
    HTML_LIT(b, "<label for=\"email\">");
    HTML_TR(b, "E-mail address (empty: none)");
    HTML_LIT(b, "</label><input id=\"email\" name=\"email\" type=\"email\" "
                "autocomplete=\"email\" value=\"");
    esc_html(b, zEmail);
    HTML_LIT(b, "\"/><label class=\"check\"><input type=\"checkbox\" "
                "name=\"mail\" value=\"1\"");
    if (bMail) {
        HTML_LIT(b, " checked=\"checked\"");
    }
    HTML_LIT(b, "/> ");
    HTML_TR(b, "E-mail me my notifications");
    HTML_LIT(b, "</label><label for=\"lang\">");
    HTML_TR(b, "Language of the e-mails");
    HTML_LIT(b, "</label><select id=\"lang\" name=\"lang\"><option value=\"\"");
    if (!*zLang) {
        HTML_LIT(b, " selected=\"selected\"");
    }
    HTML_LIT(b, ">");
    HTML_TR(b, "The installation's");
    HTML_LIT(b, "</option>");
    for (int i = 0; i < I18N_COUNT; i++) {
        const char *zCode = i18n_lang_code((I18nLang)i);
        page_option(b, zCode, i18n_lang_name((I18nLang)i),
                    str_eq(zLang, zCode));
    }
    HTML_LIT(b, "</select><div><button type=\"submit\">");
    HTML_TR(b, "Save");
    HTML_LIT(b, "</button></div></form>\n");
    page_end(r, w);
}

/* ** PAGE: /account */
int
page_account(Req *r, Resp *w)
{
    const char *zNotice =
        str_eq(req_query(r, "done"), "saved") ? _("Saved.") : NULL;
    account_render(r, w, zNotice, "ok", 0);
    return 0;
}

/* ** PAGE: /account (POST) */
int
page_account_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    int rc = inbox_set_email(r->s, &who, who.zName, req_form(r, "email"),
                             str_eq(req_form(r, "mail"), "1"),
                             req_form(r, "lang"), &err);
    if (rc) {
        resp_reset_body(w);
        account_render(r, w, err.zMsg, "error", 1);
        web_fail_status(r, w, &err);
        return 0;
    }
    resp_redirect(w, "/account?done=saved");
    return 0;
}
