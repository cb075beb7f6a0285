/*
** page_indicators.c — GET /indicators?year=Y: each indicator of the plan
** against its target of the year, by sex where it asks for it, with a
** progress bar (SVG) and its numbers written beside it, downloadable as
** CSV or XLSX (the table of 'lmpmon report indicators').
**
** The rows are core's (ind_report_rows()) over app/indicators.c's read,
** which counts the computed indicators: goal 10 from the complaints
** register, those of outreach totals from the outreach events (each says
** which).  Viewers and the public see no figure of the register by sex
** whose women or men are fewer than CASE_SUPPRESS_BELOW cases, as on the
** complaints page: the total minus one sex would give the other back.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../app/indicators.h"
#include "../core/cases.h"
#include "../report/escape.h"
#include "../report/indicators_report.h"
#include "../base/banned.h"

typedef struct IndPage {
    const IndReportRow *a;
    size_t n;
    int year;
} IndPage;

static const char *const azIndSheet[] = { "indicators", NULL };

static void
ind_page_sheet(const void *arg, const char *zId, Sheet *t)
{
    const IndPage *x = arg;
    (void)zId;
    ind_report_sheet(x->a, x->n, x->year, t);
}

/* Whether row i may be shown to this reader (see the file's comment). */
static int
ind_row_shown(const Req *r, const IndReportRow *a, size_t n, size_t i)
{
    Role e = r->bAuthed ? r->ses.user.eRole : ROLE_VIEWER;
    if (e == ROLE_ADMIN || e == ROLE_ME_OFFICER || e == ROLE_CASE_OFFICER ||
        !a[i].p->bComputed || a[i].p->mOutreach) {
        return 1;
    }
    for (size_t j = 0; j < n; j++) {
        if (a[j].p == a[i].p && a[j].eSex != STAT_TOTAL && a[j].v &&
            a[j].v->den < CASE_SUPPRESS_BELOW) {
            return a[i].eSex == STAT_TOTAL && a[i].v &&
                   a[i].v->den >= CASE_SUPPRESS_BELOW;
        }
    }
    return !a[i].v || a[i].v->den >= CASE_SUPPRESS_BELOW;
}

/* The progress bar of row x: a track and the share of the way done (0 to
** 1 drawn; more or less is written beside it), then the numbers. */
static void
ind_page_bar(Buf *b, const IndReportRow *x)
{
    double share = x->prog.share < 0   ? 0
                   : x->prog.share > 1 ? 1
                                       : x->prog.share;
    HTML_LIT(b, "<svg width=\"200\" height=\"14\" role=\"img\" "
                "aria-label=\"");
    HTML_TR(b, "progress to target");
    HTML_LIT(b, "\"><rect width=\"200\" height=\"14\" fill=\"#e5e5e5\"/>");
    buf_printf(b, "<rect width=\"%d\" height=\"14\" fill=\"",
               (int)lround(200 * share));
    buf_puts(b, x->prog.bMet ? "#2e7d32" : "#1565c0");
    HTML_LIT(b, "\"/></svg> ");
}

/* ** PAGE: /indicators */
int
page_indicators(Req *r, Resp *w)
{
    const char *zYear = req_query(r, "year");
    long y = 0;
    if (*zYear && str_to_long(zYear, 1900, 2200, &y)) {
        web_error(r, w, 400, _("The year is not a year."));
        return 0;
    }
    AppErr err = APPERR_INIT;
    IndData d;
    if (app_indicators_read(r->s, page_plan_code(r), &d, &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    if (!y) {
        /* The latest year anything was reported for, else the first
        ** year with a target. */
        for (size_t i = 0; i < d.nV; i++) {
            long yv = strtol(d.aV[i].zPeriod, NULL, 10);
            y = yv > y ? yv : y;
        }
        for (size_t i = 0; !y && i < d.n; i++) {
            y = d.a[i].nTarget ? d.a[i].aTarget[0].year : 0;
        }
    }
    IndReportRow *aAll = NULL;
    size_t nAll = y ? ind_report_rows(d.a, d.n, d.aV, d.nV, (int)y, &aAll) : 0;
    IndReportRow *a = xcalloc(nAll + 1, sizeof *a);
    size_t n = 0;
    for (size_t i = 0; i < nAll; i++) {
        if (ind_row_shown(r, aAll, nAll, i)) {
            a[n++] = aAll[i];
        }
    }
    IndPage x = { a, n, (int)y };
    Buf stem = BUF_INIT;
    buf_printf(&stem, "indicators-%ld", y);
    if (!page_download(r, w, azIndSheet, ind_page_sheet, &x, buf_str(&stem))) {
        page_begin(r, w, _("Indicators"));
        Buf *b = &w->body;
        HTML_LIT(b, "<form method=\"get\" action=\"/indicators\"><label "
                    "for=\"year\">");
        HTML_TR(b, "Year");
        HTML_LIT(b, "</label><input id=\"year\" name=\"year\" value=\"");
        if (y) {
            buf_printf(b, "%ld", y);
        }
        HTML_LIT(b, "\"/> <button type=\"submit\">");
        HTML_TR(b, "Show");
        HTML_LIT(b, "</button></form>\n");
        if (n == 0) {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "No indicators yet (add them with 'lmpmon indicator "
                       "add' or 'lmpmon indicator import').");
            HTML_LIT(b, "</p>");
        }
        for (size_t i = 0; i < n; i++) {
            const IndReportRow *p = &a[i];
            char zNum[64];
            if (i == 0 || p->p != a[i - 1].p) {
                if (i) {
                    HTML_LIT(b, "</tbody></table></section>\n");
                }
                HTML_LIT(b, "<section class=\"card\"><h2>");
                esc_html(b, p->p->zCode);
                HTML_LIT(b, " <span class=\"small\">");
                Buf t = BUF_INIT;
                buf_printf(&t, _("goal %s, revision %d"), p->p->zNode,
                           p->p->iRev);
                esc_html(b, buf_str(&t));
                buf_release(&t);
                char *zFrom = ind_computed_label(p->p);
                if (zFrom) {
                    HTML_LIT(b, ", ");
                    esc_html(b, zFrom);
                    free(zFrom);
                }
                HTML_LIT(b, "</span></h2><p>");
                esc_html(b, ind_definition(p->p, i18n_current()));
                HTML_LIT(b, "</p><p class=\"small\">");
                esc_html(
                    b, _(code_table(CODE_IND_UNIT, &(size_t){ 0 })[p->p->eUnit]
                             .zLabel));
                HTML_LIT(b, ", ");
                esc_html(b, _(code_table(CODE_IND_DIRECTION,
                                         &(size_t){ 0 })[p->p->eDir]
                                  .zLabel));
                Buf t2 = BUF_INIT;
                if (p->p->bBaseline) {
                    ind_format_value(p->p->eUnit, p->p->baseline, zNum,
                                     sizeof zNum);
                    buf_printf(&t2, _("; baseline %s (%d)"), zNum,
                               p->p->baselineYear);
                }
                if (p->t) {
                    ind_format_value(p->p->eUnit, p->t->value, zNum,
                                     sizeof zNum);
                }
                buf_printf(&t2, _("; target %d: %s"), (int)y,
                           p->t ? zNum : _("none"));
                esc_html(b, buf_str(&t2));
                buf_release(&t2);
                HTML_LIT(b, "</p><table><thead><tr><th scope=\"col\">");
                HTML_TR(b, "Sex");
                HTML_LIT(b, "</th><th scope=\"col\">");
                HTML_TR(b, "Value");
                HTML_LIT(b, "</th><th scope=\"col\">");
                HTML_TR(b, "Progress to target");
                HTML_LIT(b, "</th></tr></thead><tbody>");
            }
            HTML_LIT(b, "<tr><th scope=\"row\">");
            esc_html(
                b,
                _(code_table(CODE_STAT_SEX, &(size_t){ 0 })[p->eSex].zLabel));
            HTML_LIT(b, "</th><td>");
            if (p->v) {
                ind_format_value(p->p->eUnit, p->v->value, zNum, sizeof zNum);
                esc_html(b, zNum);
                if (p->p->eUnit == IND_UNIT_PERCENT) {
                    HTML_LIT(b, "%");
                }
                HTML_LIT(b, " <span class=\"small\">(");
                esc_html(b, p->v->zPeriod);
                if (p->v->den > 0) {
                    HTML_LIT(b, ", ");
                    buf_printf(b, _("%lld of %lld"), (long long)p->v->num,
                               (long long)p->v->den);
                }
                HTML_LIT(b, ")</span>");
            } else {
                HTML_TR(b, "not reported");
            }
            HTML_LIT(b, "</td><td>");
            if (p->bProgress) {
                ind_page_bar(b, p);
                buf_printf(b,
                           p->prog.bMet ? _("%.0f%% of the way, target met")
                                        : _("%.0f%% of the way"),
                           round(100 * p->prog.share));
            } else if (p->v && p->t) {
                HTML_TR(b, "no baseline");
            }
            HTML_LIT(b, "</td></tr>");
        }
        if (n) {
            HTML_LIT(b, "</tbody></table></section>\n");
            char *zSelf = page_self(r);
            HTML_LIT(b, "<p class=\"small\">");
            HTML_TR(b, "Download the table:");
            HTML_LIT(b, " <a href=\"");
            Buf href = BUF_INIT;
            buf_printf(&href, "%s%sformat=csv", zSelf,
                       strchr(zSelf, '?') ? "&" : "?");
            esc_html(b, buf_str(&href));
            HTML_LIT(b, "\">CSV</a>, <a href=\"");
            buf_reset(&href);
            buf_printf(&href, "%s%sformat=xlsx", zSelf,
                       strchr(zSelf, '?') ? "&" : "?");
            esc_html(b, buf_str(&href));
            HTML_LIT(b, "\">XLSX</a></p>\n");
            buf_release(&href);
            free(zSelf);
        }
        page_end(r, w);
    }
    buf_release(&stem);
    free(aAll);
    free(a);
    app_indicators_release(&d);
    return 0;
}
