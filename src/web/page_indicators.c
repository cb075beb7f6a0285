/*
** page_indicators.c — GET /indicators?year=Y: each indicator of the plan
** against its target of the year, by sex where it asks for it, with a
** progress bar (SVG) and its numbers written beside it, downloadable as
** CSV or XLSX (the table of 'lmpmon report indicators').
**
** GET /indicator/CODE?period=P: one indicator — its definition and
** earlier revisions (with their reasons and the values entered against
** them), its values per period with their state, its progress against
** each year's target, and the forms: the responsible organisation's
** reporters (and the M&E officer) enter period P's figures and save or
** submit them (POST /indicator/CODE/values), the M&E officer validates or
** returns submitted ones (POST /indicator/CODE/review).  Writes go only
** through app/indicators.c; a refused one shows the page again with the
** user's input and the message.  GET /api/indicator/CODE gives the same
** as JSON (docs/api.md), with what each period's form would carry.
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

#include <jansson.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../app/indicators.h"
#include "../core/rules.h"
#include "../core/gazetteer.h"
#include "../report/escape.h"
#include "../report/indicators_report.h"
#include "../report/review_report.h"
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
    Actor who = page_actor(r);
    if (rules_sees_small_cells(&who)) {
        return 1;
    }
    int bSexSmall = 0;
    for (size_t j = 0; j < n; j++) {
        bSexSmall |= a[j].p == a[i].p && ind_value_small(a[j].p, a[j].v);
    }
    return ind_value_public(a[i].p, a[i].v, a[i].eSex, bSexSmall);
}

/* What the bar of row w says in words, into c (not escaped): "60% of the
** way", ", target met" when it is. */
static void
ind_progress_words(Buf *c, const IndReportRow *w)
{
    buf_printf(c,
               w->prog.bMet ? _("%.0f%% of the way, target met")
                            : _("%.0f%% of the way"),
               round(100 * w->prog.share));
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
    const char *zFmt = req_query(r, "format");
    const ReportFormat *pPrint = report_format_find(aPrintFormat, zFmt);
    if (pPrint) {
        /* The table as a document: the rows this visitor sees. */
        if (ind_report_print(a, n, (int)y, str_eq(zFmt, "docx"), &w->body,
                             &err)) {
            web_fail(r, w, &err);
        } else {
            w->zType = pPrint->zMime;
            page_attachment(w, buf_str(&stem), NULL, zFmt);
        }
    } else if (!page_download(r, w, azIndSheet, ind_page_sheet, &x,
                              buf_str(&stem))) {
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
                page_link(b, "/indicator/", p->p->zCode, "", p->p->zCode);
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
                Buf c = BUF_INIT;
                ind_progress_words(&c, p);
                esc_html(b, buf_str(&c));
                buf_release(&c);
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
            report_format_links(aPrintFormat, zSelf, b);
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

/* ---- /indicator/CODE ---------------------------------------------------- */

/* The sexes of a period's cells, in the order the form shows them. */
static const int aeFormSex[] = { STAT_WOMEN, STAT_MEN, STAT_TOTAL };

/* What one indicator's page shows. */
typedef struct OnePage {
    const Req *r;
    const IndData *d;
    size_t iFirst, iLast; /* d->a[iFirst..iLast]: the code's revisions */
    IndReportRow *aRow;   /* progress rows, every target year */
    size_t nRow;
    int *aYear; /* the year of each of aRow */
} OnePage;

static const char *
sex_label(int eSex)
{
    return _(code_table(CODE_STAT_SEX, &(size_t){ 0 })[eSex].zLabel);
}

static const char *
state_label(IndValueState e)
{
    return _(code_table(CODE_IND_VALUE_STATE, &(size_t){ 0 })[e].zLabel);
}

/* What a value's breakdown code is called: a province's or a country's
** name, a channel's label, a sector as entered. */
static const char *
dim_code_label(const IndValue *v)
{
    const char *z = v->zDimCode ? v->zDimCode : "";
    if (v->eDim == IND_DIM_PROVINCE || v->eDim == IND_DIM_DESTINATION) {
        return gaz_show(z, i18n_current());
    }
    if (v->eDim == IND_DIM_CHANNEL) {
        int e = code_index(CODE_STAT_CHANNEL, z);
        return e < 0
                   ? z
                   : _(code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[e].zLabel);
    }
    return z;
}

/* Whether value i of d may be shown to this reader: the register's
** figures by sex are held back as on /indicators (ind_row_shown()). */
static int
ind_value_shown(const Req *r, const IndData *d, const Indicator *p, size_t i)
{
    Actor who = page_actor(r);
    if (rules_sees_small_cells(&who)) {
        return 1;
    }
    const IndValue *v = &d->aV[i];
    int bSexSmall = 0;
    for (size_t j = 0; j < d->nV; j++) {
        const IndValue *o = &d->aV[j];
        bSexSmall |= str_eq(o->zCode, v->zCode) &&
                     str_eq(o->zPeriod, v->zPeriod) && ind_value_small(p, o);
    }
    return ind_value_public(p, v, v->eSex, bSexSmall);
}

/* The values table: every value of every revision of the code. */
static void
one_values_sheet(const OnePage *x, Sheet *t)
{
    const IndData *d = x->d;
    const Indicator *pNew = &d->a[x->iLast];
    sheet_col(t, _("Period"));
    sheet_col(t, _("Revision"));
    sheet_col(t, _("Sex"));
    sheet_col(t, _("Breakdown"));
    sheet_col(t, _("Value"));
    if (pNew->eUnit == IND_UNIT_PERCENT) {
        sheet_col(t, _("Numerator"));
        sheet_col(t, _("Denominator"));
    }
    sheet_col(t, _("Source"));
    sheet_col(t, _("State"));
    for (size_t i = 0; i < d->nV; i++) {
        const IndValue *v = &d->aV[i];
        const Indicator *p = NULL;
        for (size_t k = x->iFirst; k <= x->iLast; k++) {
            p = d->a[k].iRev == v->iRev ? &d->a[k] : p;
        }
        if (!str_eq(v->zCode, pNew->zCode) || !p ||
            !ind_value_shown(x->r, d, p, i)) {
            continue;
        }
        char zNum[64];
        sheet_text(t, v->zPeriod);
        sheet_num(t, v->iRev);
        sheet_text(t, sex_label(v->eSex));
        if (v->eDim != IND_DIM_COUNT) {
            Buf c = BUF_INIT;
            buf_printf(
                &c, "%s: %s",
                _(code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zLabel),
                dim_code_label(v));
            sheet_text(t, buf_str(&c));
            buf_release(&c);
        } else {
            sheet_text(t, "");
        }
        ind_format_value(p->eUnit, v->value, zNum, sizeof zNum);
        sheet_num_text(t, v->value, zNum);
        if (pNew->eUnit == IND_UNIT_PERCENT) {
            if (v->den > 0) {
                sheet_num(t, (long)v->num);
                sheet_num(t, (long)v->den);
            } else {
                sheet_text(t, "");
                sheet_text(t, "");
            }
        }
        sheet_text(t, v->zSource ? v->zSource : "");
        if (i >= d->nV - d->nComputed) {
            sheet_text(t, _("Computed by lmpmon"));
        } else if (v->eState == IND_VALUE_RETURNED && v->zNote) {
            Buf c = BUF_INIT;
            buf_printf(&c, _("Returned: %s"), v->zNote);
            sheet_text(t, buf_str(&c));
            buf_release(&c);
        } else {
            sheet_text(t, state_label(v->eState));
        }
    }
}

/* The progress table: each target year, each sex, against the target. */
static void
one_progress_sheet(const OnePage *x, Sheet *t)
{
    sheet_col(t, _("Year"));
    sheet_col(t, _("Sex"));
    sheet_col(t, _("Value"));
    sheet_col(t, _("Target"));
    sheet_col(t, _("Progress to target"));
    for (size_t i = 0; i < x->nRow; i++) {
        const IndReportRow *w = &x->aRow[i];
        char zNum[64];
        sheet_num(t, x->aYear[i]);
        sheet_text(t, sex_label(w->eSex));
        if (w->v) {
            ind_format_value(w->p->eUnit, w->v->value, zNum, sizeof zNum);
            sheet_num_text(t, w->v->value, zNum);
        } else {
            sheet_text(t, _("not reported"));
        }
        if (w->t) {
            ind_format_value(w->p->eUnit, w->t->value, zNum, sizeof zNum);
            sheet_num_text(t, w->t->value, zNum);
        } else {
            sheet_text(t, "");
        }
        if (w->bProgress) {
            Buf c = BUF_INIT;
            ind_progress_words(&c, w);
            sheet_text(t, buf_str(&c));
            buf_release(&c);
        } else {
            sheet_text(t, "");
        }
    }
}

static const char *const azOneSheet[] = { "values", "progress", NULL };

static void
one_page_sheet(const void *arg, const char *zId, Sheet *t)
{
    if (str_eq(zId, "progress")) {
        one_progress_sheet(arg, t);
    } else {
        one_values_sheet(arg, t);
    }
}

/* A row of the facts list: label and text (escaped). */
static void
fact(Buf *b, const char *zLabel, const char *z)
{
    HTML_LIT(b, "<dt>");
    esc_html(b, zLabel);
    HTML_LIT(b, "</dt><dd>");
    esc_html(b, z);
    HTML_LIT(b, "</dd>");
}

/* The facts of revision p: unit, direction, baseline, targets,
** breakdowns, verification, organisation. */
static void
one_facts(Buf *b, const Indicator *p)
{
    char zNum[64];
    Buf t = BUF_INIT;
    HTML_LIT(b, "<dl class=\"facts\">");
    fact(b, _("Goal"), p->zNode);
    fact(b, _("Unit"),
         _(code_table(CODE_IND_UNIT, &(size_t){ 0 })[p->eUnit].zLabel));
    fact(b, _("Direction"),
         _(code_table(CODE_IND_DIRECTION, &(size_t){ 0 })[p->eDir].zLabel));
    if (p->bBaseline) {
        ind_format_value(p->eUnit, p->baseline, zNum, sizeof zNum);
        buf_printf(&t, "%s (%d)", zNum, p->baselineYear);
        fact(b, _("Baseline"), buf_str(&t));
    } else {
        fact(b, _("Baseline"), _("none"));
    }
    buf_reset(&t);
    for (size_t i = 0; i < p->nTarget; i++) {
        ind_format_value(p->eUnit, p->aTarget[i].value, zNum, sizeof zNum);
        buf_printf(&t, "%s%d: %s", i ? "; " : "", p->aTarget[i].year, zNum);
    }
    fact(b, _("Targets"), p->nTarget ? buf_str(&t) : _("none"));
    buf_reset(&t);
    for (int k = 0; k < IND_DIM_COUNT; k++) {
        if (p->mDim & (1u << k)) {
            buf_printf(&t, "%s%s", t.n ? ", " : "",
                       _(code_table(CODE_IND_DIM, &(size_t){ 0 })[k].zLabel));
        }
    }
    fact(b, _("Disaggregated by"), p->mDim ? buf_str(&t) : _("none"));
    fact(b, _("Means of verification"),
         p->zVerification ? p->zVerification : _("none"));
    HTML_LIT(b, "<dt>");
    HTML_TR(b, "Responsible organisation");
    HTML_LIT(b, "</dt><dd>");
    if (p->zOrg) {
        page_link_org(b, p->zOrg, "");
    } else {
        HTML_TR(b, "the M&E officer");
    }
    HTML_LIT(b, "</dd>");
    char *zFrom = ind_computed_label(p);
    if (zFrom) {
        fact(b, _("Values"), zFrom);
        free(zFrom);
    }
    HTML_LIT(b, "</dl>");
    buf_release(&t);
}

/* The period the page's forms are for: the form's (a refused post), else
** ?period=, else the latest one with a value of the newest revision,
** else the newest revision's last target year. */
static void
one_period(const Req *r, const OnePage *x, int bKeep, char *z, size_t n)
{
    const char *zAsked = bKeep ? req_form(r, "period") : req_query(r, "period");
    const Indicator *p = &x->d->a[x->iLast];
    z[0] = 0;
    if (*zAsked && ind_check_period(zAsked, NULL, NULL) == 0) {
        (void)snprintf(z, n, "%s", zAsked);
        return;
    }
    for (size_t i = 0; i < x->d->nV; i++) {
        const IndValue *v = &x->d->aV[i];
        if (str_eq(v->zCode, p->zCode) && v->iRev == p->iRev &&
            strcmp(v->zPeriod, z) > 0) {
            (void)snprintf(z, n, "%s", v->zPeriod);
        }
    }
    if (!z[0] && p->nTarget) {
        (void)snprintf(z, n, "%d", p->aTarget[p->nTarget - 1].year);
    }
}

/* The stored value of cell eSex (no other breakdown) of period zPeriod of
** revision p, with its index in *pi; NULL when none. */
static const IndValue *
one_cell(const IndData *d, const Indicator *p, const char *zPeriod, int eSex,
         size_t *pi)
{
    for (size_t i = 0; i < d->nV - d->nComputed; i++) {
        const IndValue *v = &d->aV[i];
        if (str_eq(v->zCode, p->zCode) && v->iRev == p->iRev &&
            str_eq(v->zPeriod, zPeriod) && v->eSex == eSex &&
            v->eDim == IND_DIM_COUNT) {
            if (pi) {
                *pi = i;
            }
            return v;
        }
    }
    return NULL;
}

/* The state of period zPeriod of revision p: that of its first stored
** cell, IND_VALUE_STATE_COUNT when nothing is stored. */
static int
one_period_state(const IndData *d, const Indicator *p, const char *zPeriod)
{
    for (size_t i = 0; i < d->nV - d->nComputed; i++) {
        const IndValue *v = &d->aV[i];
        if (str_eq(v->zCode, p->zCode) && v->iRev == p->iRev &&
            str_eq(v->zPeriod, zPeriod)) {
            return (int)v->eState;
        }
    }
    return IND_VALUE_STATE_COUNT;
}

/* Open a form posting to /indicator/CODE/zWhat with the CSRF token, the
** plan, the period and the stamp of what it shows. */
static void
one_form_start(Buf *b, const Req *r, const char *zCode, const char *zWhat,
               const char *zPeriod, const char *zStamp)
{
    page_entry_form_start(b, r, "/indicator/", zCode, zWhat);
    page_hidden(b, "period", zPeriod);
    page_hidden(b, "stamp", zStamp);
}

/* An input of the entry form: label, then field zName holding z. */
static void
one_input(Buf *b, const char *zName, const char *zLabel, const char *z)
{
    HTML_LIT(b, "<label for=\"ind-");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</label><input id=\"ind-");
    esc_html(b, zName);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" inputmode=\"decimal\" value=\"");
    esc_html(b, z);
    HTML_LIT(b, "\"/>");
}

/* The text of the breakdown eDim of period zPeriod of revision p as its
** textarea holds it: one line per place (or channel, or sector), "Prey
** Veng: 40, 25, 65" (women, men, total) when p is broken down by sex,
** else "Prey Veng: 65"; a figure not entered is left empty. */
static void
one_breakdown_text(Buf *t, const IndData *d, const Indicator *p,
                   const char *zPeriod, IndDim eDim)
{
    int bSex = (p->mDim & (1u << IND_DIM_SEX)) != 0;
    size_t nStored = d->nV - d->nComputed;
    for (size_t i = 0; i < nStored; i++) {
        const IndValue *v = &d->aV[i];
        if (!str_eq(v->zCode, p->zCode) || v->iRev != p->iRev ||
            !str_eq(v->zPeriod, zPeriod) || v->eDim != eDim) {
            continue;
        }
        /* Once per place: its first cell in the store's order. */
        size_t j = 0;
        while (j < i &&
               !(str_eq(d->aV[j].zCode, p->zCode) && d->aV[j].iRev == p->iRev &&
                 str_eq(d->aV[j].zPeriod, zPeriod) && d->aV[j].eDim == eDim &&
                 str_eq(d->aV[j].zDimCode, v->zDimCode))) {
            j++;
        }
        if (j < i) {
            continue;
        }
        buf_printf(t, "%s:", dim_code_label(v));
        for (size_t k = 0; k < sizeof aeFormSex / sizeof aeFormSex[0]; k++) {
            if (!bSex && aeFormSex[k] != STAT_TOTAL) {
                continue;
            }
            const IndValue *c = NULL;
            for (size_t m = 0; m < nStored; m++) {
                const IndValue *o = &d->aV[m];
                if (str_eq(o->zCode, p->zCode) && o->iRev == p->iRev &&
                    str_eq(o->zPeriod, zPeriod) && o->eDim == eDim &&
                    str_eq(o->zDimCode, v->zDimCode) &&
                    o->eSex == aeFormSex[k]) {
                    c = o;
                }
            }
            char z[64] = "";
            if (c) {
                ind_number_text(c->value, z, sizeof z);
            }
            buf_printf(t, "%s%s%s", k && bSex ? "," : "", *z ? " " : "", z);
        }
        buf_putc(t, '\n');
    }
}

/* The entry form's breakdowns other than sex: a textarea per breakdown
** the indicator asks for, named by_KEY, holding the period's figures
** (one_breakdown_text()), or the posted text when bKeep. */
static void
one_breakdowns(Buf *b, const Req *r, const IndData *d, const Indicator *p,
               const char *zPeriod, int bKeep)
{
    int bSex = (p->mDim & (1u << IND_DIM_SEX)) != 0;
    for (int k = IND_DIM_SEX + 1; k < IND_DIM_COUNT; k++) {
        if (!(p->mDim & (1u << k))) {
            continue;
        }
        const char *zKey = code_table(CODE_IND_DIM, &(size_t){ 0 })[k].zKey;
        Buf name = BUF_INIT, t = BUF_INIT;
        buf_printf(&name, "by_%s", zKey);
        HTML_LIT(b, "<label for=\"ind-");
        esc_html(b, buf_str(&name));
        HTML_LIT(b, "\">");
        buf_printf(&t,
                   bSex ? _("By %s: one line each, as 'Prey Veng: women, men, "
                            "total'")
                        : _("By %s: one line each, as 'Prey Veng: total'"),
                   _(code_table(CODE_IND_DIM, &(size_t){ 0 })[k].zLabel));
        esc_html(b, buf_str(&t));
        HTML_LIT(b, "</label><textarea id=\"ind-");
        esc_html(b, buf_str(&name));
        HTML_LIT(b, "\" name=\"");
        esc_html(b, buf_str(&name));
        HTML_LIT(b, "\" rows=\"4\">");
        buf_reset(&t);
        if (bKeep) {
            buf_puts(&t, req_form(r, buf_str(&name)));
        } else {
            one_breakdown_text(&t, d, p, zPeriod, (IndDim)k);
        }
        esc_html(b, buf_str(&t));
        HTML_LIT(b, "</textarea>");
        buf_release(&name);
        buf_release(&t);
    }
}

/* The entry form of period zPeriod of revision p, and the officer's
** review form when its values are submitted. */
static void
one_forms(Buf *b, const Req *r, const OnePage *x, const char *zPeriod,
          int bKeep)
{
    const IndData *d = x->d;
    const Indicator *p = &d->a[x->iLast];
    Actor who = page_actor(r);
    AppErr ignored = APPERR_INIT;
    int eOld = one_period_state(d, p, zPeriod);
    char *zStamp = app_ind_period_stamp(p, d->aV, d->aVersion,
                                        d->nV - d->nComputed, zPeriod);
    /* A refused form comes back with the user's figures and the stamp of
    ** what the page now shows (after a conflict, the other's values are
    ** in the table above it), as the activity page's forms do. */
    /* Which period: a form of its own, so the entry form's stamp is
    ** always that of the period it shows. */
    HTML_LIT(b, "<section class=\"card\" id=\"enter\"><h2>");
    HTML_TR(b, "Figures of a period");
    HTML_LIT(b, "</h2><form method=\"get\" action=\"/indicator/");
    Buf e = BUF_INIT;
    url_encode(&e, p->zCode);
    esc_html(b, buf_str(&e));
    buf_release(&e);
    HTML_LIT(b, "#enter\">");
    page_plan_field(r, b);
    HTML_LIT(b, "<label for=\"ind-period\">");
    HTML_TR(b, "Period (a year such as 2018, or a quarter such as 2018Q3)");
    HTML_LIT(b, "</label><input id=\"ind-period\" name=\"period\" value=\"");
    esc_html(b, zPeriod);
    HTML_LIT(b, "\"/> <button type=\"submit\">");
    HTML_TR(b, "Open");
    HTML_LIT(b, "</button></form>");
    if (!*zPeriod) {
        HTML_LIT(b, "</section>\n");
        free(zStamp);
        return;
    }
    HTML_LIT(b, "<p>");
    esc_html(b, zPeriod);
    HTML_LIT(b, ": ");
    if (eOld == IND_VALUE_STATE_COUNT) {
        HTML_TR(b, "nothing entered yet");
    } else {
        esc_html(b, state_label((IndValueState)eOld));
    }
    HTML_LIT(b, "</p>");
    if (p->bComputed) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "lmpmon computes this indicator's values: they cannot be "
                   "typed over.");
        HTML_LIT(b, "</p>");
    } else if (r->bAuthed &&
               ind_value_may_write(&who, p, eOld, IND_VALUE_SUBMITTED,
                                   &ignored) == 0) {
        one_form_start(b, r, p->zCode, "values", zPeriod, zStamp);
        int bSex = (p->mDim & (1u << IND_DIM_SEX)) != 0;
        int bPct = p->eUnit == IND_UNIT_PERCENT;
        HTML_LIT(b, "<div class=\"fields\">");
        for (size_t k = 0; k < sizeof aeFormSex / sizeof aeFormSex[0]; k++) {
            int eSex = aeFormSex[k];
            if (!bSex && eSex != STAT_TOTAL) {
                continue;
            }
            const char *zKey =
                code_table(CODE_STAT_SEX, &(size_t){ 0 })[eSex].zKey;
            const IndValue *v = one_cell(d, p, zPeriod, eSex, NULL);
            char zVal[64] = "", zN[32] = "", zD[32] = "";
            if (v) {
                ind_number_text(v->value, zVal, sizeof zVal);
                if (v->den > 0) {
                    (void)snprintf(zN, sizeof zN, "%lld", (long long)v->num);
                    (void)snprintf(zD, sizeof zD, "%lld", (long long)v->den);
                }
            }
            Buf name = BUF_INIT, label = BUF_INIT;
            buf_printf(&name, "value_%s", zKey);
            buf_puts(&label, sex_label(eSex));
            one_input(b, buf_str(&name),
                      bPct ? (buf_printf(&label, " (%%)"), buf_str(&label))
                           : buf_str(&label),
                      bKeep ? req_form(r, buf_str(&name)) : zVal);
            if (bPct) {
                buf_reset(&name);
                buf_reset(&label);
                buf_printf(&name, "num_%s", zKey);
                buf_printf(&label, _("%s: numerator"), sex_label(eSex));
                one_input(b, buf_str(&name), buf_str(&label),
                          bKeep ? req_form(r, buf_str(&name)) : zN);
                buf_reset(&name);
                buf_reset(&label);
                buf_printf(&name, "den_%s", zKey);
                buf_printf(&label, _("%s: denominator"), sex_label(eSex));
                one_input(b, buf_str(&name), buf_str(&label),
                          bKeep ? req_form(r, buf_str(&name)) : zD);
            }
            buf_release(&name);
            buf_release(&label);
        }
        one_breakdowns(b, r, d, p, zPeriod, bKeep);
        const IndValue *pAny = one_cell(d, p, zPeriod, STAT_TOTAL, NULL);
        HTML_LIT(b, "<label for=\"ind-source\">");
        HTML_TR(b, "Source");
        HTML_LIT(b, "</label><input id=\"ind-source\" name=\"source\" "
                    "value=\"");
        esc_html(b, bKeep                   ? req_form(r, "source")
                    : pAny && pAny->zSource ? pAny->zSource
                                            : "");
        HTML_LIT(b, "\"/></div><p class=\"small\">");
        if (bPct) {
            HTML_TR(b, "A percentage may be left empty when its numerator "
                       "and denominator are given.");
            HTML_LIT(b, " ");
        }
        if (bSex) {
            HTML_TR(b, "Women and men add up to the total.");
        }
        HTML_LIT(b, "</p><div><button type=\"submit\" name=\"action\" "
                    "value=\"save\">");
        HTML_TR(b, "Save as draft");
        HTML_LIT(b, "</button> <button type=\"submit\" name=\"action\" "
                    "value=\"submit\">");
        HTML_TR(b, "Submit to the M&E officer");
        HTML_LIT(b, "</button></div></form>\n");
    } else if (r->bAuthed) {
        HTML_LIT(b, "<p class=\"small\">");
        HTML_TR(b, "The responsible organisation's reporters enter these "
                   "figures.");
        HTML_LIT(b, "</p>");
    }
    if (eOld == IND_VALUE_SUBMITTED && r->bAuthed &&
        ind_value_may_review(&who, p, IND_VALUE_SUBMITTED, IND_VALUE_VALIDATED,
                             NULL, &ignored) == 0) {
        one_form_start(b, r, p->zCode, "review", zPeriod, zStamp);
        buf_printf(b, "<input type=\"hidden\" name=\"rev\" value=\"%d\"/>",
                   p->iRev);
        HTML_LIT(b, "<label for=\"ind-reason\">");
        HTML_TR(b, "Reason, when you return the figures");
        HTML_LIT(b, "</label><textarea id=\"ind-reason\" name=\"reason\">");
        esc_html(b, bKeep ? req_form(r, "reason") : "");
        HTML_LIT(b, "</textarea><div><button type=\"submit\" name=\"action\" "
                    "value=\"validate\">");
        HTML_TR(b, "Validate");
        HTML_LIT(b, "</button> <button type=\"submit\" name=\"action\" "
                    "value=\"return\">");
        HTML_TR(b, "Return to the reporter");
        HTML_LIT(b, "</button></div></form>\n");
    }
    HTML_LIT(b, "</section>\n");
    free(zStamp);
}

/* The progress chart: a bar per target year and sex. */
static void
one_chart(Buf *b, const OnePage *x)
{
    HTML_LIT(b, "<div class=\"table-wrap\" tabindex=\"0\"><table "
                "id=\"t-progress\"><thead><tr><th scope=\"col\">");
    HTML_TR(b, "Year");
    HTML_LIT(b, "</th><th scope=\"col\">");
    HTML_TR(b, "Sex");
    HTML_LIT(b, "</th><th scope=\"col\">");
    HTML_TR(b, "Value");
    HTML_LIT(b, "</th><th scope=\"col\">");
    HTML_TR(b, "Target");
    HTML_LIT(b, "</th><th scope=\"col\">");
    HTML_TR(b, "Progress to target");
    HTML_LIT(b, "</th></tr></thead><tbody>");
    for (size_t i = 0; i < x->nRow; i++) {
        const IndReportRow *w = &x->aRow[i];
        char zNum[64];
        buf_printf(b, "<tr><td>%d</td><td>", x->aYear[i]);
        esc_html(b, sex_label(w->eSex));
        HTML_LIT(b, "</td><td>");
        if (w->v) {
            ind_format_value(w->p->eUnit, w->v->value, zNum, sizeof zNum);
            esc_html(b, zNum);
        } else {
            HTML_TR(b, "not reported");
        }
        HTML_LIT(b, "</td><td>");
        if (w->t) {
            ind_format_value(w->p->eUnit, w->t->value, zNum, sizeof zNum);
            esc_html(b, zNum);
        }
        HTML_LIT(b, "</td><td>");
        if (w->bProgress) {
            ind_page_bar(b, w);
            Buf c = BUF_INIT;
            ind_progress_words(&c, w);
            esc_html(b, buf_str(&c));
            buf_release(&c);
        } else if (w->v && w->t) {
            HTML_TR(b, "no baseline");
        }
        HTML_LIT(b, "</td></tr>");
    }
    HTML_LIT(b, "</tbody></table></div>");
}

/* The earlier revisions: each with its definition, and the reason and
** date of the amendment that followed it. */
static void
one_revisions(Buf *b, const OnePage *x)
{
    const IndData *d = x->d;
    if (x->iFirst == x->iLast) {
        return;
    }
    HTML_LIT(b, "<section class=\"card\"><h2>");
    HTML_TR(b, "Earlier revisions");
    HTML_LIT(b, "</h2>");
    for (size_t k = x->iLast; k-- > x->iFirst;) {
        const Indicator *p = &d->a[k], *pNext = &d->a[k + 1];
        HTML_LIT(b, "<h3>");
        Buf t = BUF_INIT;
        buf_printf(&t, _("Revision %d"), p->iRev);
        esc_html(b, buf_str(&t));
        buf_release(&t);
        HTML_LIT(b, "</h3><p>");
        esc_html(b, p->zDefinition);
        HTML_LIT(b, "</p><p class=\"small\">");
        HTML_TR(b, "Amended by the next revision");
        if (pNext->zEffective) {
            HTML_LIT(b, " (");
            page_date_words(b, pNext->zEffective);
            HTML_LIT(b, ")");
        }
        HTML_LIT(b, ": ");
        esc_html(b, pNext->zReason ? pNext->zReason : "");
        HTML_LIT(b, "</p>");
        one_facts(b, p);
        HTML_LIT(b, "<ul class=\"small\">");
        size_t nShown = 0;
        for (size_t i = 0; i < d->nV; i++) {
            const IndValue *v = &d->aV[i];
            if (!str_eq(v->zCode, p->zCode) || v->iRev != p->iRev ||
                !ind_value_shown(x->r, d, p, i)) {
                continue;
            }
            char zNum[64];
            ind_format_value(p->eUnit, v->value, zNum, sizeof zNum);
            HTML_LIT(b, "<li>");
            esc_html(b, v->zPeriod);
            HTML_LIT(b, ", ");
            esc_html(b, sex_label(v->eSex));
            if (v->eDim != IND_DIM_COUNT) {
                HTML_LIT(b, ", ");
                esc_html(b, dim_code_label(v));
            }
            HTML_LIT(b, ": ");
            esc_html(b, zNum);
            HTML_LIT(b, " (");
            esc_html(b, state_label(v->eState));
            HTML_LIT(b, ")</li>");
            nShown++;
        }
        if (nShown == 0) {
            HTML_LIT(b, "<li>");
            HTML_TR(b, "No values were entered against it.");
            HTML_LIT(b, "</li>");
        }
        HTML_LIT(b, "</ul>");
    }
    HTML_LIT(b, "</section>\n");
}

/* What ?saved= says after a write: fixed texts, so a link cannot make
** the page say what its author likes. */
static const char *
one_saved_text(const char *zKey)
{
    static const struct {
        const char *zKey, *zText;
    } a[] = {
        { "draft", N_("The figures are saved as a draft.") },
        { "submitted", N_("The figures are submitted to the M&E officer.") },
        { "validated", N_("The figures are validated.") },
        { "returned", N_("The figures are returned to the reporter.") },
    };

    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
        if (str_eq(zKey, a[i].zKey)) {
            return _(a[i].zText);
        }
    }
    return NULL;
}

/* The page of indicator r->azParam[0]; zMsg (a refused post's message,
** the user's input kept) shown above the forms, or NULL. */
static void
one_render(Req *r, Resp *w, const AppErr *pErr)
{
    AppErr err = APPERR_INIT;
    IndData d;
    if (app_indicators_read(r->s, page_plan_code(r), &d, &err)) {
        web_fail(r, w, &err);
        return;
    }
    OnePage x;
    memset(&x, 0, sizeof x);
    x.r = r;
    x.d = &d;
    int bFound = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (str_eq(d.a[i].zCode, r->azParam[0])) {
            x.iFirst = bFound ? x.iFirst : i;
            x.iLast = i;
            bFound = 1;
        }
    }
    if (!bFound) {
        app_indicators_release(&d);
        web_error(r, w, 404, _("There is no such indicator."));
        return;
    }
    const Indicator *p = &d.a[x.iLast];
    /* Progress in every year with a target, only the readable rows. */
    for (size_t k = 0; k < p->nTarget; k++) {
        IndReportRow *a = NULL;
        size_t n = ind_report_rows(&d.a[x.iFirst], x.iLast - x.iFirst + 1, d.aV,
                                   d.nV, p->aTarget[k].year, &a);
        for (size_t i = 0; i < n; i++) {
            if (!ind_row_shown(r, a, n, i)) {
                continue;
            }
            x.aRow = xreallocarray(x.aRow, x.nRow + 1, sizeof *x.aRow);
            x.aYear = xreallocarray(x.aYear, x.nRow + 1, sizeof *x.aYear);
            x.aRow[x.nRow] = a[i];
            x.aYear[x.nRow++] = p->aTarget[k].year;
        }
        free(a);
    }
    Buf stem = BUF_INIT;
    buf_puts(&stem, "indicator-");
    buf_puts(&stem, p->zCode);
    if (pErr ||
        !page_download(r, w, azOneSheet, one_page_sheet, &x, buf_str(&stem))) {
        Buf title = BUF_INIT;
        buf_printf(&title, _("Indicator %s"), p->zCode);
        page_begin(r, w, buf_str(&title));
        buf_release(&title);
        Buf *b = &w->body;
        const char *zSaved = one_saved_text(req_query(r, "saved"));
        if (pErr) {
            page_notice(b, "error", pErr->zMsg);
        } else if (zSaved) {
            page_notice(b, "ok", zSaved);
        }
        HTML_LIT(b, "<section class=\"card\"><p>");
        esc_html(b, p->zDefinition);
        HTML_LIT(b, "</p><p class=\"small\">");
        Buf t = BUF_INIT;
        buf_printf(&t, _("Revision %d"), p->iRev);
        esc_html(b, buf_str(&t));
        buf_release(&t);
        if (p->zEffective) {
            HTML_LIT(b, ", ");
            HTML_TR(b, "in effect from");
            HTML_LIT(b, " ");
            page_date_words(b, p->zEffective);
        }
        if (p->zReason) {
            HTML_LIT(b, ": ");
            esc_html(b, p->zReason);
        }
        HTML_LIT(b, "</p>");
        one_facts(b, p);
        HTML_LIT(b, "</section>\n<section class=\"card\"><h2>");
        HTML_TR(b, "Progress against targets");
        HTML_LIT(b, "</h2>");
        char *zSelf = page_self(r);
        if (x.nRow) {
            one_chart(b, &x);
            Buf href = BUF_INIT;
            HTML_LIT(b, "<p class=\"small\">");
            HTML_TR(b, "Download the table:");
            HTML_LIT(b, " <a href=\"");
            buf_printf(&href, "%s%stable=progress&format=csv", zSelf,
                       strchr(zSelf, '?') ? "&" : "?");
            esc_html(b, buf_str(&href));
            HTML_LIT(b, "\">CSV</a>, <a href=\"");
            buf_reset(&href);
            buf_printf(&href, "%s%stable=progress&format=xlsx", zSelf,
                       strchr(zSelf, '?') ? "&" : "?");
            esc_html(b, buf_str(&href));
            HTML_LIT(b, "\">XLSX</a></p>");
            buf_release(&href);
        } else {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "The indicator has no targets.");
            HTML_LIT(b, "</p>");
        }
        HTML_LIT(b, "</section>\n<section class=\"card\"><h2>");
        HTML_TR(b, "Values");
        HTML_LIT(b, "</h2>");
        Sheet s;
        sheet_init(&s, "values", NULL);
        one_values_sheet(&x, &s);
        if (sheet_rows(&s)) {
            page_sheet(b, &s, zSelf);
        } else {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "No values yet.");
            HTML_LIT(b, "</p>");
        }
        sheet_release(&s);
        free(zSelf);
        HTML_LIT(b, "</section>\n");
        char zPeriod[16];
        one_period(r, &x, pErr != NULL, zPeriod, sizeof zPeriod);
        one_forms(b, r, &x, zPeriod, pErr != NULL);
        one_revisions(b, &x);
        page_end(r, w);
        if (pErr) {
            web_fail_status(r, w, pErr);
        }
    }
    buf_release(&stem);
    free(x.aRow);
    free(x.aYear);
    app_indicators_release(&d);
}

/* ** PAGE: /indicator/{} */
int
page_indicator(Req *r, Resp *w)
{
    one_render(r, w, NULL);
    return 0;
}

/* Read the figures of cell zKey ("women", "men", "total") from the form
** into v: 1 when entered, 0 when all its fields are empty, -1 and err
** naming the field. */
static int
form_cell(const Req *r, const char *zKey, int eSex, IndValue *v, AppErr *err)
{
    Buf name = BUF_INIT;
    buf_printf(&name, "value_%s", zKey);
    const char *zVal = req_form(r, buf_str(&name));
    buf_reset(&name);
    buf_printf(&name, "num_%s", zKey);
    const char *zNum = req_form(r, buf_str(&name));
    buf_reset(&name);
    buf_printf(&name, "den_%s", zKey);
    const char *zDen = req_form(r, buf_str(&name));
    buf_release(&name);
    const char *zLabel = code_table(CODE_STAT_SEX, &(size_t){ 0 })[eSex].zKey;
    if (!*zVal && !*zNum && !*zDen) {
        return 0;
    }
    ind_value_init(v);
    v->eSex = eSex;
    long n = 0;
    if (*zNum && str_to_long(zNum, 0, 1L << 40, &n)) {
        return apperr_set(err, APPERR_INPUT,
                          "%s: numerator: '%s' is not a whole number", zLabel,
                          zNum);
    }
    v->num = *zNum ? n : -1;
    if (*zDen && str_to_long(zDen, 0, 1L << 40, &n)) {
        return apperr_set(err, APPERR_INPUT,
                          "%s: denominator: '%s' is not a whole number", zLabel,
                          zDen);
    }
    v->den = *zDen ? n : -1;
    if (*zVal && ind_number_parse(zVal, &v->value)) {
        return apperr_set(err, APPERR_INPUT,
                          "%s: value: '%s' is not a number such as 45 or "
                          "12.5",
                          zLabel, zVal);
    }
    if (!*zVal) {
        v->value = NAN; /* the use case takes it from the counts */
    }
    return 1;
}

/* z without its leading and trailing white space, cut in place. */
static char *
trim_in_place(char *z)
{
    while (*z == ' ' || *z == '\t' || *z == '\r') {
        z++;
    }
    size_t n = strlen(z);
    while (n > 0 && (z[n - 1] == ' ' || z[n - 1] == '\t' || z[n - 1] == '\r')) {
        z[--n] = 0;
    }
    return z;
}

/* Append to *paCell the cells of the textarea by_KEY of breakdown eDim
** (one_breakdown_text()'s lines: "PLACE: total" or "PLACE: women, men,
** total", a figure left empty not entered); the place is resolved by the
** use case.  0, or -1 and err naming the breakdown, line and field. */
static int
form_breakdown(const Req *r, IndDim eDim, IndValue **paCell, size_t *pnCell,
               AppErr *err)
{
    const char *zKey = code_table(CODE_IND_DIM, &(size_t){ 0 })[eDim].zKey;
    Buf name = BUF_INIT;
    buf_printf(&name, "by_%s", zKey);
    const char *z = req_form(r, buf_str(&name));
    buf_release(&name);
    int rc = 0, iLine = 0;
    char *zCopy = NULL;
    while (rc == 0 && *z) {
        const char *zEnd = strchr(z, '\n');
        size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
        free(zCopy);
        zCopy = xstrndup(z, n);
        z += n + (zEnd != NULL);
        iLine++;
        char *zLine = trim_in_place(zCopy);
        if (!*zLine) {
            continue;
        }
        char *zColon = strrchr(zLine, ':');
        if (!zColon) {
            rc = apperr_set(err, APPERR_INPUT,
                            "%s, line %d: '%s' is not 'place: figures'", zKey,
                            iLine, zLine);
            break;
        }
        *zColon = 0;
        zLine = trim_in_place(zLine);
        /* The figures: one (total) or three (women, men, total). */
        char *azFig[3] = { NULL, NULL, NULL };
        size_t nFig = 0;
        for (char *zF = zColon + 1; zF && nFig < 4;) {
            char *zComma = strchr(zF, ',');
            if (zComma) {
                *zComma = 0;
            }
            if (nFig < 3) {
                azFig[nFig] = trim_in_place(zF);
            }
            nFig++;
            zF = zComma ? zComma + 1 : NULL;
        }
        if (nFig != 1 && nFig != 3) {
            rc = apperr_set(err, APPERR_INPUT,
                            "%s, line %d: give the total, or women, men and "
                            "total",
                            zKey, iLine);
            break;
        }
        for (size_t k = 0; rc == 0 && k < nFig; k++) {
            int eSex = nFig == 1 ? STAT_TOTAL : aeFormSex[k];
            double x = 0;
            if (!*azFig[k]) {
                continue;
            }
            if (ind_number_parse(azFig[k], &x)) {
                rc = apperr_set(
                    err, APPERR_INPUT,
                    "%s, line %d: %s: '%s' is not a number such as 45 or 12.5",
                    zKey, iLine,
                    code_table(CODE_STAT_SEX, &(size_t){ 0 })[eSex].zKey,
                    azFig[k]);
                break;
            }
            *paCell = xreallocarray(*paCell, *pnCell + 1, sizeof **paCell);
            IndValue *v = &(*paCell)[(*pnCell)++];
            ind_value_init(v);
            v->eSex = eSex;
            v->eDim = eDim;
            v->zDimCode = xstrdup(zLine);
            v->value = x;
        }
    }
    free(zCopy);
    return rc;
}

/* After a refused post: the forbidden is an error page, the rest the
** page again with the input and the message. */
static void
one_refused(Req *r, Resp *w, const AppErr *err)
{
    if (err->code == APPERR_FORBIDDEN) {
        web_fail(r, w, err);
        return;
    }
    resp_reset_body(w);
    one_render(r, w, err);
}

/* ** PAGE: /indicator/{}/values (POST) */
int
page_indicator_values_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    const char *zAction = req_form(r, "action");
    IndValue *aCell = xcalloc(3, sizeof *aCell);
    size_t nCell = 0;
    int rc = 0;
    if (!str_eq(zAction, "save") && !str_eq(zAction, "submit")) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete; reload the page"));
    }
    for (size_t k = 0; rc == 0 && k < sizeof aeFormSex / sizeof aeFormSex[0];
         k++) {
        int eSex = aeFormSex[k];
        const char *zKey = code_table(CODE_STAT_SEX, &(size_t){ 0 })[eSex].zKey;
        int got = form_cell(r, zKey, eSex, &aCell[nCell], &err);
        if (got < 0) {
            ind_value_release(&aCell[nCell]);
            rc = -1;
        }
        nCell += got > 0;
    }
    for (int k = IND_DIM_SEX + 1; rc == 0 && k < IND_DIM_COUNT; k++) {
        rc = form_breakdown(r, (IndDim)k, &aCell, &nCell, &err);
    }
    if (rc == 0) {
        Actor who = page_actor(r);
        IndEntry e = { .zPlan = page_plan_code(r),
                       .zCode = r->azParam[0],
                       .zPeriod = req_form(r, "period"),
                       .aCell = aCell,
                       .nCell = nCell,
                       .zSource = req_form(r, "source"),
                       .eState = str_eq(zAction, "submit") ? IND_VALUE_SUBMITTED
                                                           : IND_VALUE_DRAFT,
                       .zStamp = req_form(r, "stamp") };
        rc = app_ind_values_put(r->s, &who, &e, &err);
    }
    for (size_t k = 0; k < nCell; k++) {
        ind_value_release(&aCell[k]);
    }
    free(aCell);
    if (rc) {
        one_refused(r, w, &err);
    } else {
        page_redirect_saved(r, w, "/indicator/",
                            str_eq(zAction, "submit") ? "submitted" : "draft");
    }
    return 0;
}

/* ** PAGE: /indicator/{}/review (POST) */
int
page_indicator_review_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    const char *zAction = req_form(r, "action");
    long iRev = 0;
    int rc = 0;
    if ((!str_eq(zAction, "validate") && !str_eq(zAction, "return")) ||
        str_to_long(req_form(r, "rev"), 1, 100000, &iRev)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete; reload the page"));
    } else {
        Actor who = page_actor(r);
        IndReview e = { .zPlan = page_plan_code(r),
                        .zCode = r->azParam[0],
                        .iRev = (int)iRev,
                        .zPeriod = req_form(r, "period"),
                        .eState = str_eq(zAction, "validate")
                                      ? IND_VALUE_VALIDATED
                                      : IND_VALUE_RETURNED,
                        .zReason = req_form(r, "reason"),
                        .zStamp = req_form(r, "stamp") };
        rc = app_ind_values_review(r->s, &who, &e, &err);
    }
    if (rc) {
        one_refused(r, w, &err);
    } else {
        page_redirect_saved(r, w, "/indicator/",
                            str_eq(zAction, "validate") ? "validated"
                                                        : "returned");
    }
    return 0;
}

/* A number of a value as JSON: an integer when it is whole. */
static json_t *
api_number(double x)
{
    char z[48];
    ind_number_text(x, z, sizeof z);
    return strchr(z, '.') ? json_real(x) : json_integer((json_int_t)x);
}

/* ** PAGE: /api/indicator/{} */
int
api_indicator(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    IndData d;
    if (app_indicators_read(r->s, page_plan_code(r), &d, &err)) {
        web_fail_status(r, w, &err);
        api_send(w, w->status, json_pack("{s:s}", "error", err.zMsg));
        return 0;
    }
    const Indicator *pNew = NULL;
    json_t *aRev = json_array(), *aVal = json_array(), *oStamp = json_object();
    for (size_t i = 0; i < d.n; i++) {
        const Indicator *p = &d.a[i];
        if (!str_eq(p->zCode, r->azParam[0])) {
            continue;
        }
        pNew = p;
        json_t *aT = json_array(), *aDim = json_array();
        for (size_t k = 0; k < p->nTarget; k++) {
            json_array_append_new(
                aT, json_pack("{s:i,s:o}", "year", p->aTarget[k].year, "value",
                              api_number(p->aTarget[k].value)));
        }
        for (int k = 0; k < IND_DIM_COUNT; k++) {
            if (p->mDim & (1u << k)) {
                json_array_append_new(
                    aDim,
                    json_string(
                        code_table(CODE_IND_DIM, &(size_t){ 0 })[k].zKey));
            }
        }
        char *zFrom = p->bComputed ? ind_computed_text(p) : NULL;
        json_array_append_new(
            aRev,
            json_pack(
                "{s:i,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:s?,s:s?,s:s?,s:s?,"
                "s:s?}",
                "revision", p->iRev, "goal", p->zNode, "definition",
                p->zDefinition, "unit",
                code_table(CODE_IND_UNIT, &(size_t){ 0 })[p->eUnit].zKey,
                "direction",
                code_table(CODE_IND_DIRECTION, &(size_t){ 0 })[p->eDir].zKey,
                "baseline",
                p->bBaseline ? api_number(p->baseline) : json_null(),
                "baseline_year",
                p->bBaseline ? json_integer(p->baselineYear) : json_null(),
                "targets", aT, "disaggregation", aDim, "verification",
                p->zVerification, "org", p->zOrg, "computed", zFrom,
                "effective", p->zEffective, "reason", p->zReason));
        free(zFrom);
    }
    if (!pNew) {
        json_decref(aRev);
        json_decref(aVal);
        json_decref(oStamp);
        app_indicators_release(&d);
        api_send(w, 404,
                 json_pack("{s:s}", "error", _("There is no such indicator.")));
        return 0;
    }
    for (size_t i = 0; i < d.nV; i++) {
        const IndValue *v = &d.aV[i];
        const Indicator *p = NULL;
        for (size_t k = 0; k < d.n; k++) {
            p = str_eq(d.a[k].zCode, v->zCode) && d.a[k].iRev == v->iRev
                    ? &d.a[k]
                    : p;
        }
        if (!p || !str_eq(v->zCode, pNew->zCode) ||
            !ind_value_shown(r, &d, p, i)) {
            continue;
        }
        int bComputed = i >= d.nV - d.nComputed;
        json_array_append_new(
            aVal,
            json_pack(
                "{s:i,s:s,s:s,s:s?,s:s?,s:o,s:o,s:o,s:s?,s:s,s:s?,s:b}",
                "revision", v->iRev, "period", v->zPeriod, "sex",
                code_table(CODE_STAT_SEX, &(size_t){ 0 })[v->eSex].zKey,
                "dimension",
                v->eDim == IND_DIM_COUNT
                    ? NULL
                    : code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zKey,
                "code", v->zDimCode, "value", api_number(v->value), "numerator",
                v->den > 0 ? json_integer(v->num) : json_null(), "denominator",
                v->den > 0 ? json_integer(v->den) : json_null(), "source",
                v->zSource, "state",
                code_table(CODE_IND_VALUE_STATE, &(size_t){ 0 })[v->eState]
                    .zKey,
                "note", v->zNote, "computed", bComputed));
        if (!bComputed && v->iRev == pNew->iRev &&
            !json_object_get(oStamp, v->zPeriod)) {
            char *z = app_ind_period_stamp(pNew, d.aV, d.aVersion,
                                           d.nV - d.nComputed, v->zPeriod);
            json_object_set_new(oStamp, v->zPeriod, json_string(z));
            free(z);
        }
    }
    Buf fresh = BUF_INIT;
    buf_printf(&fresh, "rev=%d", pNew->iRev);
    api_send(w, 200,
             json_pack("{s:s,s:s,s:i,s:o,s:o,s:o,s:s}", "plan", d.zPlan, "code",
                       pNew->zCode, "revision", pNew->iRev, "revisions", aRev,
                       "values", aVal, "stamps", oStamp, "new_period_stamp",
                       buf_str(&fresh)));
    buf_release(&fresh);
    app_indicators_release(&d);
    return 0;
}
