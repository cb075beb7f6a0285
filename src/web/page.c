/*
** page.c — layout and helpers shared by the pages (see page.h).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page.h"
#include "pages.h"
#include "../core/history.h"
#include "../core/rules.h"
#include "../app/readmodel.h"
#include "router.h"
#include "web.h"
#include "web_limits.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../report/escape.h"
#include "../report/sheet.h"
#include "../base/banned.h"

const char *
page_session_cookie(const Req *r)
{
    return r->cfg->bSecureCookie ? "__Host-lmpmon_session" : "lmpmon_session";
}

const char *
page_csrf_cookie(const Req *r)
{
    return r->cfg->bSecureCookie ? "__Host-lmpmon_csrf" : "lmpmon_csrf";
}

/* The language switch: a link per other language, in that language's own
** words, to /language, which sets the cookie and comes back to this page
** (page_self(); the dashboard from an error page, bError).  Plain links:
** no script, one tap on a phone. */
static void
page_lang_switch(const Req *r, Buf *b, int bError)
{
    /* The answer to a form (a POST) has no address to come back to, and an
    ** error page never echoes the request: both lead to the dashboard. */
    char *zSelf =
        bError || route_changes_state(r->zMethod) ? xstrdup("/") : page_self(r);
    HTML_LIT(b, "<nav class=\"lang\" aria-label=\"");
    esc_html(b, _("Language"));
    HTML_LIT(b, "\">");
    for (int e = 0; e < I18N_COUNT; e++) {
        if (e == r->eLang) {
            continue;
        }
        Buf h = BUF_INIT;
        buf_printf(&h, "/language?lang=%s&next=", i18n_lang_code((I18nLang)e));
        url_encode(&h, zSelf);
        HTML_LIT(b, "<a href=\"");
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\" lang=\"");
        esc_html(b, i18n_lang_code((I18nLang)e));
        HTML_LIT(b, "\" hreflang=\"");
        esc_html(b, i18n_lang_code((I18nLang)e));
        HTML_LIT(b, "\">");
        esc_html(b, i18n_lang_name((I18nLang)e));
        HTML_LIT(b, "</a>");
        buf_release(&h);
    }
    HTML_LIT(b, "</nav>");
    free(zSelf);
}

/* ** PAGE: /language (GET)
** The language switch: remembers ?lang= in a cookie for a year and goes
** back to ?next= (a page of this site only: url_local_target()).  A GET,
** so that a plain link switches; it changes nothing but the visitor's own
** cookie, as a browser's language setting would. */
int
page_language(Req *r, Resp *w)
{
    int e = i18n_lang_parse(req_query(r, "lang"));
    if (e < 0) {
        web_error(r, w, 400, _("There is no such language."));
        return 0;
    }
    Buf c = BUF_INIT;
    buf_printf(&c, "%s=%s; Path=/; Max-Age=31536000; SameSite=Lax%s",
               LANG_COOKIE, i18n_lang_code((I18nLang)e),
               r->cfg->bSecureCookie ? "; Secure" : "");
    free(w->zSetCookie);
    w->zSetCookie = buf_detach(&c);
    resp_redirect(w, url_local_target(req_query(r, "next")));
    return 0;
}

/* The head, the site's header (navigation, who is logged in) and the
** page's heading.  zPlanQ keeps the navigation on a plan named by ?plan=
** ("" for none): an error page passes "", so it never echoes the
** request.  r may be NULL (a refusal before any request was read): then
** the header offers only the public pages. */
static void
page_frame(const Req *r, Resp *w, const char *zTitle, const char *zPlanQ,
           int bError)
{
    Buf *b = &w->body;
    w->zType = "text/html; charset=utf-8";
    HTML_LIT(b, "<!DOCTYPE html>\n<html lang=\"");
    esc_html(b, i18n_lang_code(i18n_current()));
    HTML_LIT(b, "\">\n<head>\n<meta "
                "charset=\"utf-8\"/>\n<meta name=\"viewport\" "
                "content=\"width=device-width, initial-scale=1\"/>\n<title>");
    esc_html(b, zTitle);
    HTML_LIT(b, " \xE2\x80\x94 lmpmon</title>\n<link rel=\"stylesheet\" "
                "href=\"/static/app.css\"/>\n<script src=\"/static/app.js\" "
                "defer=\"defer\"></script>\n</head>\n<body>\n<header "
                "class=\"top\"><nav>");
    HTML_LIT(b, "<a class=\"brand\" href=\"/");
    esc_html(b, zPlanQ);
    HTML_LIT(b, "\">lmpmon</a>");
    if (!r) {
        /* Refused before the request was read (a foreign Host, a body
        ** too large): the brand only, nothing of the site's content. */
        HTML_LIT(b, "</nav></header>\n<main>\n<h1>");
        esc_html(b, zTitle);
        HTML_LIT(b, "</h1>\n");
        return;
    }
    HTML_LIT(b, " <a href=\"/plan");
    esc_html(b, zPlanQ);
    HTML_LIT(b, "\">");
    HTML_TR(b, "Plan");
    HTML_LIT(b, "</a> <a href=\"/rounds");
    esc_html(b, zPlanQ);
    HTML_LIT(b, "\">");
    HTML_TR(b, "Rounds");
    HTML_LIT(b, "</a> <a href=\"/complaints\">");
    HTML_TR(b, "Complaints");
    HTML_LIT(b, "</a> <a href=\"/indicators\">");
    HTML_TR(b, "Indicators");
    HTML_LIT(b, "</a> <a href=\"/outreach\">");
    HTML_TR(b, "Outreach");
    HTML_LIT(b, "</a> <a href=\"/statistics\">");
    HTML_TR(b, "Statistics");
    HTML_LIT(b, "</a>");
    if (r && r->bAuthed) {
        const User *u = &r->ses.user;
        HTML_LIT(b, " <a href=\"/briefing\">");
        HTML_TR(b, "Briefing");
        HTML_LIT(b, "</a>");
        if (u->zOrg && u->eRole == ROLE_REPORTER) {
            HTML_LIT(b, " <a href=\"/org/");
            Buf e = BUF_INIT;
            url_encode(&e, u->zOrg);
            buf_puts(&e, zPlanQ);
            esc_html(b, buf_str(&e));
            buf_release(&e);
            HTML_LIT(b, "\">");
            HTML_TR(b, "My tasks");
            HTML_LIT(b, "</a>");
        }
        if (u->eRole == ROLE_CASE_OFFICER || u->eRole == ROLE_ADMIN) {
            HTML_LIT(b, " <a href=\"/cases\">");
            HTML_TR(b, "Cases");
            HTML_LIT(b, "</a>");
        }
        if (u->eRole == ROLE_ADMIN || u->eRole == ROLE_ME_OFFICER) {
            HTML_LIT(b, " <a href=\"/admin\">");
            HTML_TR(b, "Admin");
            HTML_LIT(b, "</a>");
        }
        /* The unread count came with the session (store_session_get()):
        ** no query of its own. */
        HTML_LIT(b, " <a class=\"inbox\" href=\"/inbox\">");
        if (r->ses.nUnread >= LIMIT_INBOX_UNREAD_COUNTED) {
            HTML_TR(b, "Inbox (99+ unread)");
        } else if (r->ses.nUnread > 0) {
            Buf s = BUF_INIT;
            buf_printf(&s,
                       ngettext("Inbox (%ld unread)", "Inbox (%ld unread)",
                                (unsigned long)r->ses.nUnread),
                       r->ses.nUnread);
            esc_html(b, buf_str(&s));
            buf_release(&s);
        } else {
            HTML_TR(b, "Inbox");
        }
        HTML_LIT(b, "</a>");
        HTML_LIT(b, "</nav><form class=\"who\" method=\"post\" "
                    "action=\"/logout\"><span><a href=\"/account\">");
        esc_html(b, u->zName);
        HTML_LIT(b, " (");
        esc_html(b, role_label(u->eRole));
        if (u->zOrg) {
            HTML_LIT(b, ", ");
            esc_html(b, u->zOrg);
        }
        HTML_LIT(b, ")</a></span> ");
        page_csrf_field(r, b);
        HTML_LIT(b, "<button type=\"submit\">");
        HTML_TR(b, "Log out");
        HTML_LIT(b, "</button></form>");
    } else {
        HTML_LIT(b, "</nav><a class=\"who\" href=\"/login\">");
        HTML_TR(b, "Log in");
        HTML_LIT(b, "</a>");
    }
    page_lang_switch(r, b, bError);
    HTML_LIT(b, "</header>\n<main>\n<h1>");
    esc_html(b, zTitle);
    HTML_LIT(b, "</h1>\n");
}

void
page_begin(const Req *r, Resp *w, const char *zTitle)
{
    /* On a page of a plan named by ?plan=, the plan's pages stay on it. */
    Buf q = BUF_INIT;
    buf_puts(&q, "");
    if (page_plan_code(r)) {
        buf_puts(&q, "?plan=");
        url_encode(&q, page_plan_code(r));
    }
    page_frame(r, w, zTitle, buf_str(&q), 0);
    buf_release(&q);
}

void
page_fragment(Req *r, Resp *w, const char *zKey, ReadRender xRender,
              const void *arg)
{
    size_t n = 0;
    const char *z =
        readmodel_fragment_ref(r->pView, zKey, xRender, arg, &w->body, &n);
    if (!z) {
        return; /* not kept: rendered into the body */
    }
    if (w->nSplice == RESP_SPLICES || (w->pHeld && w->pHeld != r->pView)) {
        buf_append(&w->body, z, n);
        return;
    }
    if (!w->pHeld) {
        readmodel_hold(r->pView);
        w->pHeld = r->pView;
    }
    w->aSplice[w->nSplice++] = (RespSplice){ w->body.n, z, n };
}

void
page_error(const Req *r, Resp *w, const char *zTitle, const char *zMessage)
{
    resp_reset_body(w);
    page_frame(r, w, zTitle, "", 1);
    page_notice(&w->body, "error", zMessage);
    HTML_LIT(&w->body, "<p><a href=\"/\">");
    HTML_TR(&w->body, "Back to the dashboard");
    HTML_LIT(&w->body, "</a></p>\n");
    page_end(r, w);
}

void
page_end(const Req *r, Resp *w)
{
    HTML_LIT(&w->body, "</main>\n</body>\n</html>\n");
}

void
page_history_cols(Sheet *t)
{
    sheet_col(t, _("When"));
    sheet_col(t, _("Who"));
    sheet_col(t, _("What"));
    sheet_col(t, _("Old"));
    sheet_col(t, _("New"));
}

void
page_history_row(Sheet *t, const AuditEntry *e, size_t nSkip)
{
    char zWhen[STR_TIME_LOCAL_BYTES];
    str_time_local(e->zAt, zWhen, sizeof zWhen);
    sheet_text(t, zWhen);
    sheet_text(t, e->zActor);
    Buf what = BUF_INIT;
    history_describe(&what, e->zEntity, e->zKey, nSkip, e->zField);
    sheet_text(t, buf_str(&what));
    buf_release(&what);
    Buf value = BUF_INIT;
    sheet_text(t, history_value_list(&value, e->zEntity, e->zField, e->zOld));
    sheet_text(t, history_value_list(&value, e->zEntity, e->zField, e->zNew));
    buf_release(&value);
}

void
page_hidden(Buf *b, const char *zName, const char *zValue)
{
    HTML_LIT(b, "<input type=\"hidden\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" value=\"");
    esc_html(b, zValue);
    HTML_LIT(b, "\"/>");
}

void
page_plan_field(const Req *r, Buf *b)
{
    if (page_plan_code(r)) {
        page_hidden(b, "plan", page_plan_code(r));
    }
}

void
page_entry_form_start(Buf *b, const Req *r, const char *zPrefix,
                      const char *zCode, const char *zWhat)
{
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    Buf e = BUF_INIT;
    buf_puts(&e, zPrefix);
    url_encode(&e, zCode);
    buf_putc(&e, '/');
    buf_puts(&e, zWhat);
    esc_html(b, buf_str(&e));
    buf_release(&e);
    HTML_LIT(b, "\">");
    page_csrf_field(r, b);
    page_plan_field(r, b);
}

void
page_activity_form_start(Buf *b, const Req *r, const char *zCode,
                         const char *zWhat, const char *zRound, int iVersion)
{
    page_entry_form_start(b, r, "/activity/", zCode, zWhat);
    page_hidden(b, "round", zRound);
    buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
               iVersion);
}

void
page_csrf_field(const Req *r, Buf *b)
{
    HTML_LIT(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    esc_html(b, r->bAuthed ? r->ses.zCsrf : "");
    HTML_LIT(b, "\"/>");
}

void
page_redirect_saved(Req *r, Resp *w, const char *zPrefix, const char *zSaved)
{
    Buf loc = BUF_INIT;
    buf_puts(&loc, zPrefix);
    url_encode(&loc, r->azParam[0]);
    buf_puts(&loc, "?saved=");
    url_encode(&loc, zSaved);
    if (page_plan_code(r)) {
        buf_puts(&loc, "&plan=");
        url_encode(&loc, page_plan_code(r));
    }
    resp_redirect(w, buf_str(&loc));
    buf_release(&loc);
}

void
page_notice(Buf *b, const char *zKind, const char *zText)
{
    HTML_LIT(b, "<p class=\"notice ");
    esc_html(b, zKind);
    HTML_LIT(b, "\" role=\"");
    esc_html(b, strcmp(zKind, "error") == 0 ? "alert" : "status");
    HTML_LIT(b, "\">");
    esc_html(b, zText);
    HTML_LIT(b, "</p>\n");
}

const Model *
page_load_model(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    if (!r->pView) {
        r->pView = readmodel_acquire(
            r->s, r->bAnon ? READ_PUBLISHED : READ_FULL, r->iDataVersion, &err);
        if (!r->pView) {
            web_fail(r, w, &err);
            return NULL;
        }
    }
    return readmodel_model(r->pView);
}

/* The page of a database without a plan: where to go from here (an
** officer or admin imports one in the browser; anyone else logs in as
** one). */
static void
page_no_plan(const Req *r, Resp *w)
{
    resp_reset_body(w);
    w->status = 404;
    page_frame(r, w, _("Not found"), "", 1);
    Buf *b = &w->body;
    page_notice(b, "error", _("The database holds no plan yet."));
    int bEditor = r->bAuthed && (r->ses.user.eRole == ROLE_ADMIN ||
                                 r->ses.user.eRole == ROLE_ME_OFFICER);
    HTML_LIT(b, "<p>");
    if (bEditor) {
        HTML_LIT(b, "<a class=\"button\" href=\"/admin/import\">");
        HTML_TR(b, "Import a plan");
        HTML_LIT(b, "</a>");
    } else if (!r->bAuthed) {
        HTML_TR(b, "An administrator or M&E officer imports the plan.");
        HTML_LIT(b, " <a href=\"/login?next=/admin/import\">");
        HTML_TR(b, "Log in");
        HTML_LIT(b, "</a>");
    } else {
        HTML_TR(b, "An administrator or M&E officer imports the plan.");
    }
    HTML_LIT(b, "</p>\n");
    page_end(r, w);
}

const Plan *
page_load(Req *r, Resp *w, const Model **pm)
{
    const Model *m = page_load_model(r, w);
    if (!m) {
        return NULL;
    }
    *pm = m;
    const char *zPlan = page_plan_code(r);
    if (zPlan) {
        const Plan *p = model_find_plan(m, zPlan);
        if (!p) {
            web_error(r, w, 404, _("There is no such plan."));
        }
        return p;
    }
    if (m->nPlan == 0) {
        page_no_plan(r, w);
        return NULL;
    }
    return &m->aPlan[0];
}

void
page_link(Buf *b, const char *zPrefix, const char *zKey, const char *zSuffix,
          const char *zText)
{
    HTML_LIT(b, "<a href=\"");
    Buf e = BUF_INIT;
    buf_puts(&e, zPrefix);
    url_encode(&e, zKey);
    buf_puts(&e, zSuffix);
    esc_html(b, buf_str(&e));
    buf_release(&e);
    HTML_LIT(b, "\">");
    esc_html(b, zText);
    HTML_LIT(b, "</a>");
}

char *
page_plan_query(const Model *m, const Plan *p)
{
    Buf q = BUF_INIT;
    buf_puts(&q, "");
    if (m->nPlan > 0 && p != &m->aPlan[0]) {
        buf_puts(&q, "?plan=");
        url_encode(&q, p->zCode);
    }
    return buf_detach(&q);
}

void
page_link_activity(Buf *b, const char *zCode, const char *zPlanQ)
{
    page_link(b, "/activity/", zCode, zPlanQ, zCode);
}

void
page_link_org(Buf *b, const char *zAcronym, const char *zPlanQ)
{
    page_link(b, "/org/", zAcronym, zPlanQ, zAcronym);
}

void
page_link_round(Buf *b, const Round *rd, const char *zPlanQ)
{
    page_link(b, "/round/", rd->zCode, zPlanQ, rd->zTitle);
}

void
page_link_round_report(Buf *b, const Round *rd, const char *zPlanQ,
                       const char *zText)
{
    Buf suffix = BUF_INIT;
    buf_puts(&suffix, "/report");
    buf_puts(&suffix, zPlanQ);
    page_link(b, "/round/", rd->zCode, buf_str(&suffix), zText);
    buf_release(&suffix);
}

void
page_rating(Buf *b, Rating e)
{
    HTML_LIT(b, "<span class=\"rating r-");
    esc_html(b, rating_key(e));
    HTML_LIT(b, "\">");
    esc_html(b, rating_label(e));
    HTML_LIT(b, "</span>");
}

void
page_date_words(Buf *b, const char *zIso)
{
    char z[STR_TIME_LOCAL_BYTES];
    str_date_format(zIso, 1, z, sizeof z);
    esc_html(b, z);
}

void
page_due_when(Buf *b, const char *zToday, const char *zDue, int bOverdue)
{
    long n = str_date_days(zDue) - str_date_days(zToday);
    if (n == 0) {
        HTML_TR(b, "today");
    } else if (n == 1) {
        HTML_TR(b, "tomorrow");
    } else if (n > 1) {
        buf_printf(b, ngettext("in %ld day", "in %ld days", (unsigned long)n),
                   n);
    } else if (bOverdue) {
        buf_printf(
            b,
            ngettext("%ld day overdue", "%ld days overdue", (unsigned long)-n),
            -n);
    } else {
        buf_printf(
            b, ngettext("%ld day ago", "%ld days ago", (unsigned long)-n), -n);
    }
}

char *
page_rating_class(Rating e)
{
    Buf c = BUF_INIT;
    buf_puts(&c, "rating r-");
    buf_puts(&c, rating_key(e));
    return buf_detach(&c);
}

void
page_sheet_rating(Sheet *t, Rating e)
{
    char *zClass = page_rating_class(e);
    sheet_badge(t, rating_label(e), zClass);
    free(zClass);
}

void
page_input(Buf *b, const char *zName, const char *zLabel, const char *zValue,
           const char *zType, unsigned mFlags)
{
    HTML_LIT(b, "<label for=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</label><input id=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" type=\"");
    esc_html(b, zType ? zType : "text");
    HTML_LIT(b, "\"");
    if (mFlags & PAGE_INPUT_COUNT) {
        HTML_LIT(b, " min=\"0\" inputmode=\"numeric\"");
    }
    if (mFlags & PAGE_INPUT_LIST) {
        HTML_LIT(b, " list=\"");
        esc_html(b, zName);
        HTML_LIT(b, "_list\"");
    }
    if (mFlags & PAGE_INPUT_REQUIRED) {
        HTML_LIT(b, " required=\"required\"");
    }
    HTML_LIT(b, " value=\"");
    esc_html(b, zValue ? zValue : "");
    HTML_LIT(b, "\"/>");
}

void
page_option(Buf *b, const char *zValue, const char *zLabel, int bSelected)
{
    HTML_LIT(b, "<option value=\"");
    esc_html(b, zValue);
    HTML_LIT(b, "\"");
    if (bSelected) {
        HTML_LIT(b, " selected=\"selected\"");
    }
    HTML_LIT(b, ">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</option>");
}

void
page_select_code(Buf *b, const char *zId, const char *zName, CodeKind k,
                 const char *zSelKey)
{
    size_t n;
    const CodeName *a = code_table(k, &n);
    HTML_LIT(b, "<select id=\"");
    esc_html(b, zId);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    for (size_t i = 0; i < n; i++) {
        page_option(b, a[i].zKey, _(a[i].zLabel), str_eq(a[i].zKey, zSelKey));
    }
    HTML_LIT(b, "</select>");
}

void
page_select_org(Buf *b, const Model *m, const char *zId, const char *zName,
                const char *zNone, const char *zSel)
{
    HTML_LIT(b, "<select id=\"");
    esc_html(b, zId);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\"><option value=\"\">");
    esc_html(b, zNone);
    HTML_LIT(b, "</option>");
    Buf label = BUF_INIT;
    for (size_t i = 0; i < m->nOrg; i++) {
        const Org *o = &m->aOrg[i];
        const char *zOrgName = org_name(o, i18n_current());
        buf_reset(&label);
        buf_puts(&label, o->zAcronym);
        if (!str_eq(zOrgName, o->zAcronym)) {
            buf_printf(&label, " \xE2\x80\x94 %s", zOrgName);
        }
        page_option(b, o->zAcronym, buf_str(&label), str_eq(o->zAcronym, zSel));
    }
    buf_release(&label);
    HTML_LIT(b, "</select>");
}

char *
page_self(const Req *r)
{
    static const char *const azKeep[] = {
        "plan", "q", "year", "round", "org", "period", "kind", "province"
    };
    Buf b = BUF_INIT;
    buf_puts(&b, r->zRawPath);
    const char *zSep = "?";
    for (size_t i = 0; i < sizeof azKeep / sizeof azKeep[0]; i++) {
        const char *z = params_get(&r->query, azKeep[i]);
        if (z && *z) {
            buf_printf(&b, "%s%s=", zSep, azKeep[i]);
            url_encode(&b, z);
            zSep = "&";
        }
    }
    return buf_detach(&b);
}

void
page_sheet(Buf *b, const Sheet *t, const char *zSelf)
{
    sheet_render_html(t, zSelf, b);
}

int
page_download(const Req *r, Resp *w, const char *const *azId,
              PageSheetBuild xBuild, const void *arg, const char *zStem)
{
    const char *zFormat = req_query(r, "format");
    if (!*zFormat) {
        return 0;
    }
    SheetFormat e;
    if (sheet_format_parse(zFormat, &e) || e == SHEET_HTML) {
        web_error(r, w, 400,
                  _("Tables download as CSV or XLSX only "
                    "(format=csv or format=xlsx)."));
        return 1;
    }
    const char *zWant = req_query(r, "table");
    const char *zId = NULL;
    for (size_t i = 0; azId[i] && !zId; i++) {
        zId = !*zWant || str_eq(zWant, azId[i]) ? azId[i] : NULL;
    }
    if (!zId) {
        web_error(r, w, 404, _("This page has no table of that name."));
        return 1;
    }
    Sheet t;
    sheet_init(&t, zId, NULL);
    xBuild(arg, zId, &t);
    AppErr err = APPERR_INIT;
    resp_reset_body(w);
    if (sheet_render(&t, e, &w->body, &err)) {
        sheet_release(&t);
        web_fail(r, w, &err);
        return 1;
    }
    sheet_release(&t);
    w->zType = sheet_format_mime(e);
    page_attachment(w, zStem, zId, sheet_format_ext(e));
    return 1;
}

void
page_attachment(Resp *w, const char *zStem, const char *zId, const char *zExt)
{
    /* The file name from codes: only characters no header or file system
    ** minds; anything else becomes '_'. */
    Buf name = BUF_INIT;
    buf_puts(&name, "attachment; filename=\"");
    size_t n0 = name.n;
    buf_puts(&name, zStem);
    if (zId) {
        buf_putc(&name, '-');
        buf_puts(&name, zId);
    }
    for (size_t i = n0; i < name.n; i++) {
        char c = name.z[i];
        int bOk = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '-' || c == '.';
        name.z[i] = (char)(bOk ? c : '_');
    }
    buf_printf(&name, ".%s\"", zExt);
    free(w->zDisposition);
    w->zDisposition = buf_detach(&name);
}

int
page_user_links(const Req *r, const Node *n)
{
    return r->bAuthed && rules_node_links_org(n, r->ses.user.zOrg);
}

const char *
page_plan_code(const Req *r)
{
    if (!r) {
        return NULL;
    }
    const char *z = params_get(&r->query, "plan");
    if (!z || !*z) {
        z = params_get(&r->form, "plan");
    }
    return z && *z ? z : NULL;
}

Actor
page_actor(const Req *r)
{
    Actor a = { "web", ROLE_VIEWER, NULL };
    if (r->bAuthed) {
        a.zName = r->ses.user.zName;
        a.eRole = r->ses.user.eRole;
        a.zOrg = r->ses.user.zOrg;
    }
    return a;
}

static sem_t slowWork;
static pthread_once_t slowOnce = PTHREAD_ONCE_INIT;

static void
slow_init(void)
{
    (void)sem_init(&slowWork, 0, WEB_SLOW_WORK);
}

sem_t *
web_slow_work(void)
{
    (void)pthread_once(&slowOnce, slow_init);
    return &slowWork;
}
