/*
** page_briefing.c — /briefing?quarter=2019Q3[&org=ORG][&format=...]: the
** quarterly programme briefing (core/briefing.h) for logged-in users, the
** same document 'lmpmon report briefing' writes, in HTML (a self-contained
** file, its stylesheet allowed by hash in the CSP, with links to the
** downloads) or as Markdown, CSV, JSON or PDF downloads.  Without a quarter, a form asks for one.
**
** The complaints register's part is read (a scan of the cases lodged by
** the quarter's end) only for those who see cases unsuppressed: case
** officers, M&E officers and administrators; others get the briefing
** saying it is left out.
*/
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "pages.h"
#include "router.h"
#include "../app/briefing.h"
#include "../core/rules.h"
#include "../report/briefing_report.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* The form asking for a quarter (and an organisation). */
static void
briefing_form(Req *r, Resp *w)
{
    page_begin(r, w, _("Quarterly briefing"));
    Buf *b = &w->body;
    HTML_LIT(b, "<p>The programme briefing of a quarter: the activities held, "
                "partner results, cases resolved, migration statistics, "
                "upcoming events and media coverage.</p>\n"
                "<form method=\"get\" action=\"/briefing\">"
                "<label for=\"quarter\">Quarter (such as 2019Q3)</label>"
                "<input id=\"quarter\" name=\"quarter\" required "
                "pattern=\"[0-9]{4}-?[Qq][1-4]\"/> "
                "<label for=\"org\">Organisation (leave empty for the "
                "programme)</label><input id=\"org\" name=\"org\"/> "
                "<button type=\"submit\">");
    HTML_TR(b, "Show");
    HTML_LIT(b, "</button></form>\n<p><a href=\"/outreach\">");
    HTML_TR(b, "Outreach and events");
    HTML_LIT(b, "</a> \xC2\xB7 <a href=\"/statistics\">");
    HTML_TR(b, "Migration statistics");
    HTML_LIT(b, "</a></p>\n");
    page_end(r, w);
}

/* ** PAGE: /briefing */
int
page_briefing(Req *r, Resp *w)
{
    const char *zQuarter = req_query(r, "quarter");
    const char *zOrg = req_query(r, "org");
    const char *zFmt = req_query(r, "format");
    if (!*zQuarter) {
        briefing_form(r, w);
        return 0;
    }
    const ReportFormat *f =
        report_format_find(aBriefingFormat, *zFmt ? zFmt : "html");
    if (!f) {
        Buf msg = BUF_INIT, list = BUF_INIT;
        report_format_list(aBriefingFormat, &list);
        buf_printf(&msg, _("This report is made in %s only."), buf_str(&list));
        web_error(r, w, 400, buf_str(&msg));
        buf_release(&msg);
        buf_release(&list);
        return 0;
    }
    BriefQuarter q;
    AppErr err = APPERR_INIT;
    if (briefing_quarter_parse(zQuarter, &q, &err)) {
        web_error(r, w, 400,
                  "That is not a quarter: write the year and the "
                  "quarter, as 2019Q3.");
        return 0;
    }
    Actor who = page_actor(r);
    int bCases = rules_sees_small_cells(&who);
    BriefingData d;
    Buf self = BUF_INIT;
    buf_puts(&self, "/briefing?quarter=");
    url_encode(&self, q.zCode);
    if (*zOrg) {
        buf_puts(&self, "&org=");
        url_encode(&self, zOrg);
    }
    int bHtml = strcmp(f->zName, "html") == 0;
    int rc = app_briefing_read(r->s, &q, *zOrg ? zOrg : NULL, bCases, &d, &err);
    if (rc == 0 && bHtml) {
        briefing_render_page(&d.b, buf_str(&self), &w->body);
    } else if (rc == 0) {
        rc = briefing_render(&d.b, f->zName, &w->body, &err);
    }
    buf_release(&self);
    if (rc) {
        web_fail(r, w, &err);
    } else {
        w->zType = f->zMime;
        if (strcmp(f->zName, "html") != 0) {
            Buf stem = BUF_INIT;
            buf_printf(&stem, "briefing-%s%s%s", q.zCode, d.zOrg ? "-" : "",
                       d.zOrg ? d.zOrg : "");
            page_attachment(w, buf_str(&stem), NULL, f->zName);
            buf_release(&stem);
        }
    }
    app_briefing_release(&d);
    return 0;
}
