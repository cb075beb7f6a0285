/*
** page_funding.c — what activities cost and who pays for them, on the
** web: the activity page's resources part and its forms, and the plan's
** /resources page with totals per currency by area, goal and source (see
** page_funding.h).  Reads per request through app/funding.c; writes only
** through app_fund_put().
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "page_funding.h"
#include "router.h"
#include "../base/base.h"
#include "../app/funding.h"
#include "../core/cases.h"
#include "../report/action_plan.h"
#include "../report/escape.h"
#include "../base/banned.h"

static const char *
kind_label(FundKind e)
{
    return _(code_table(CODE_FUND_KIND, &(size_t){ 0 })[e].zLabel);
}

static const char *
status_label(FundStatus e)
{
    return _(code_table(CODE_FUND_STATUS, &(size_t){ 0 })[e].zLabel);
}

static void
sheet_money(Sheet *t, int64_t v)
{
    /* Plain "12500.05": the text is written as it is into CSV, so no
    ** thousands separators. */
    Buf b = BUF_INIT;
    case_amount_format(&b, v);
    sheet_num_text(t, (double)v / 100.0, buf_str(&b));
    buf_release(&b);
}

void
funding_activity_sheet(const Plan *p, const Node *n, const FundSet *f, Sheet *t)
{
    sheet_col(t, _("Round"));
    sheet_col(t, _("Line"));
    sheet_col(t, _("Source kind"));
    sheet_col(t, _("Source"));
    sheet_col(t, _("Amount"));
    sheet_col(t, _("Currency"));
    sheet_col(t, _("Funding status"));
    sheet_col(t, _("Note"));
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zRound = p->aRound[r].zCode;
        const FundCost *c = fund_set_cost(f, zRound, n->zCode);
        if (c) {
            sheet_text(t, zRound);
            sheet_text(t, "");
            sheet_text(t, _("Estimated cost"));
            sheet_text(t, "");
            sheet_money(t, c->amount);
            sheet_text(t, c->zCurrency);
            sheet_text(t, "");
            sheet_text(t, c->zNote ? c->zNote : "");
        }
        for (size_t k = 0; k < f->nLine; k++) {
            const FundLine *l = &f->aLine[k];
            if (!fund_line_of(l, zRound, n->zCode)) {
                continue;
            }
            sheet_text(t, zRound);
            sheet_num(t, l->iLine);
            sheet_text(t, kind_label(l->eKind));
            sheet_text(t, fund_line_source(l));
            sheet_money(t, l->amount);
            sheet_text(t, l->zCurrency);
            sheet_text(t, status_label(l->eStatus));
            sheet_text(t, l->zNote ? l->zNote : "");
        }
    }
}

/* A posted field when bKeep, else zStored. */
static const char *
kept(const Req *r, int bKeep, const char *zField, const char *zStored)
{
    return bKeep ? req_form(r, zField) : zStored ? zStored : "";
}

static void
form_start(const Req *r, Buf *b, const Node *n, const Round *rd,
           const char *zWhat, int iLine, int iVersion)
{
    page_activity_form_start(b, r, n->zCode, "funding", rd->zCode, iVersion);
    if (iLine > 0) {
        buf_printf(b, "<input type=\"hidden\" name=\"line\" value=\"%d\"/>",
                   iLine);
    }
    HTML_LIT(b, "<input type=\"hidden\" name=\"what\" value=\"");
    esc_html(b, zWhat);
    HTML_LIT(b, "\"/>");
}

/* An input: label, then the field named zName (id zId) holding z. */
static void
form_input(Buf *b, const char *zId, const char *zName, const char *zLabel,
           const char *z)
{
    HTML_LIT(b, "<label for=\"");
    esc_html(b, zId);
    HTML_LIT(b, "\">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</label><input id=\"");
    esc_html(b, zId);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" value=\"");
    esc_html(b, z);
    HTML_LIT(b, "\"/>");
}

static void
amount_text(int64_t v, Buf *b)
{
    buf_reset(b);
    case_amount_format(b, v);
}

/* The cost form of round rd. */
static void
cost_form(const Req *r, Buf *b, const Node *n, const Round *rd,
          const FundCost *c, int bKeep)
{
    Buf amt = BUF_INIT, id = BUF_INIT;
    if (c) {
        amount_text(c->amount, &amt);
    }
    form_start(r, b, n, rd, "cost", 0, c ? c->iVersion : 0);
    HTML_LIT(b, "<h4>");
    HTML_TR(b, "Estimated cost");
    HTML_LIT(b, "</h4>");
    buf_puts(&id, "cost-amount-");
    buf_puts(&id, rd->zCode);
    form_input(b, buf_str(&id), "amount", _("Amount"),
               kept(r, bKeep, "amount", buf_str(&amt)));
    buf_reset(&id);
    buf_puts(&id, "cost-currency-");
    buf_puts(&id, rd->zCode);
    form_input(b, buf_str(&id), "currency", _("Currency (ISO 4217)"),
               kept(r, bKeep, "currency", c ? c->zCurrency : "USD"));
    buf_reset(&id);
    buf_puts(&id, "cost-note-");
    buf_puts(&id, rd->zCode);
    form_input(b, buf_str(&id), "note", _("Note"),
               kept(r, bKeep, "note", c ? c->zNote : NULL));
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Save the cost");
    HTML_LIT(b, "</button></div></form>\n");
    buf_release(&amt);
    buf_release(&id);
}

/* "z-LINE-ROUND" in id: a form field's id, unique on the page. */
static const char *
field_id(Buf *id, const char *z, int iLine, const char *zRound)
{
    buf_reset(id);
    buf_puts(id, z);
    buf_printf(id, "-%d-", iLine);
    buf_puts(id, zRound);
    return buf_str(id);
}

/* The form of funding line iLine of round rd (l: the stored line, or
** NULL for a new one). */
static void
line_form(const Req *r, Buf *b, const Model *m, const Node *n, const Round *rd,
          int iLine, const FundLine *l, int bKeep)
{
    Buf amt = BUF_INIT, id = BUF_INIT;
    if (l) {
        amount_text(l->amount, &amt);
    }
    form_start(r, b, n, rd, "line", iLine, l ? l->iVersion : 0);
    HTML_LIT(b, "<h4>");
    if (l) {
        HTML_TR(b, "Funding line");
        buf_printf(b, " %d", iLine);
    } else {
        HTML_TR(b, "New funding line");
    }
    HTML_LIT(b, "</h4>");
#define ID(z) field_id(&id, z, iLine, rd->zCode)
    const char *zKind =
        l ? code_table(CODE_FUND_KIND, &(size_t){ 0 })[l->eKind].zKey : NULL;
    const char *zStatus =
        l ? code_table(CODE_FUND_STATUS, &(size_t){ 0 })[l->eStatus].zKey
          : NULL;
    HTML_LIT(b, "<label for=\"");
    esc_html(b, ID("kind"));
    HTML_LIT(b, "\">");
    HTML_TR(b, "Source kind");
    HTML_LIT(b, "</label>");
    page_select_code(b, ID("kind"), "source_kind", CODE_FUND_KIND,
                     bKeep ? req_form(r, "source_kind") : zKind);
    HTML_LIT(b, "<label for=\"");
    esc_html(b, ID("org"));
    HTML_LIT(b, "\">");
    HTML_TR(b, "Development partner");
    HTML_LIT(b, "</label>");
    page_select_org(b, m, ID("org"), "org", _("(not a partner)"),
                    bKeep ? req_form(r, "org")
                    : l   ? l->zOrg
                          : NULL);
    form_input(b, ID("label"), "label", _("Budget line or other source"),
               kept(r, bKeep, "label", l ? l->zLabel : NULL));
    form_input(b, ID("amount"), "amount", _("Amount"),
               kept(r, bKeep, "amount", buf_str(&amt)));
    form_input(b, ID("currency"), "currency", _("Currency (ISO 4217)"),
               kept(r, bKeep, "currency", l ? l->zCurrency : "USD"));
    HTML_LIT(b, "<label for=\"");
    esc_html(b, ID("status"));
    HTML_LIT(b, "\">");
    HTML_TR(b, "Funding status");
    HTML_LIT(b, "</label>");
    page_select_code(b, ID("status"), "status", CODE_FUND_STATUS,
                     bKeep ? req_form(r, "status") : zStatus);
    form_input(b, ID("note"), "note", _("Note"),
               kept(r, bKeep, "note", l ? l->zNote : NULL));
#undef ID
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Save the funding line");
    HTML_LIT(b, "</button></div></form>\n");
    buf_release(&amt);
    buf_release(&id);
}

/* The sums of activity n in round zRound, one part per currency. */
static void
money_summary(Buf *b, const FundSet *f, const char *zRound, const Node *n)
{
    static const char *const azWhat[4] = { N_("Estimated cost"), N_("Secured"),
                                           N_("Pledged"), N_("Gap") };
    HTML_LIT(b, "<ul class=\"small\">");
    for (int k = 0; k < 4; k++) {
        Buf v = BUF_INIT;
        action_plan_money(f, zRound, n->zCode, k, &v);
        HTML_LIT(b, "<li>");
        esc_html(b, _(azWhat[k]));
        HTML_LIT(b, ": ");
        if (v.n) {
            esc_html_paragraphs(b, buf_str(&v));
        } else {
            HTML_TR(b, "none");
        }
        HTML_LIT(b, "</li>");
        buf_release(&v);
    }
    HTML_LIT(b, "</ul>");
}

void
funding_activity_section(const Req *r, Buf *b, const Model *m, const Plan *p,
                         const Node *n, const FundSet *f, int bKeep)
{
    HTML_LIT(b, "<section class=\"card\" id=\"resources\"><h2>");
    HTML_TR(b, "Resources");
    HTML_LIT(b, "</h2>");
    size_t nShown = 0;
    for (size_t k = p->nRound; k-- > 0;) {
        const Round *rd = &p->aRound[k];
        if (!fund_set_has(f, rd->zCode, n->zCode)) {
            continue;
        }
        HTML_LIT(b, "<h3>");
        esc_html(b, rd->zTitle);
        HTML_LIT(b, "</h3>");
        money_summary(b, f, rd->zCode, n);
        nShown++;
    }
    if (nShown == 0) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "No cost or funding is recorded for this activity.");
        HTML_LIT(b, "</p>");
    } else {
        Sheet t;
        sheet_init(&t, "funding", NULL);
        funding_activity_sheet(p, n, f, &t);
        char *zSelf = page_self(r);
        page_sheet(b, &t, zSelf);
        free(zSelf);
        sheet_release(&t);
    }
    /* The forms where core's rule lets this user record (fund_may_record()). */
    Actor who = page_actor(r);
    if (r->bAuthed) {
        for (size_t k = 0; k < p->nRound; k++) {
            const Round *rd = &p->aRound[k];
            AppErr ignored = APPERR_INIT;
            if (!node_find_assessment(n, rd->zCode) ||
                fund_may_record(&who, rd, &ignored)) {
                continue;
            }
            int bHere = bKeep && str_eq(req_form(r, "round"), rd->zCode);
            int bCost = bHere && str_eq(req_form(r, "what"), "cost");
            long iPosted = 0;
            if (bHere && str_eq(req_form(r, "what"), "line")) {
                (void)str_to_long(req_form(r, "line"), 0, 9999, &iPosted);
            }
            HTML_LIT(b, "<h3>");
            HTML_TR(b, "Record funding for");
            HTML_LIT(b, " ");
            esc_html(b, rd->zTitle);
            HTML_LIT(b, "</h3>");
            cost_form(r, b, n, rd, fund_set_cost(f, rd->zCode, n->zCode),
                      bCost);
            int iNext = 1;
            for (size_t i = 0; i < f->nLine; i++) {
                const FundLine *l = &f->aLine[i];
                if (!fund_line_of(l, rd->zCode, n->zCode)) {
                    continue;
                }
                line_form(r, b, m, n, rd, l->iLine, l, iPosted == l->iLine);
                iNext = l->iLine >= iNext ? l->iLine + 1 : iNext;
            }
            line_form(r, b, m, n, rd, iNext, NULL, iPosted == iNext);
        }
    }
    HTML_LIT(b, "</section>\n");
}

int
funding_form_put(Req *r, AppErr *err)
{
    long iVersion = 0, iLine = 0;
    const char *zWhat = req_form(r, "what");
    int bCost = str_eq(zWhat, "cost");
    if (str_to_long(req_form(r, "version"), 0, 1L << 30, &iVersion) ||
        (!bCost && !str_eq(zWhat, "line")) ||
        (!bCost && str_to_long(req_form(r, "line"), 1, 9999, &iLine))) {
        return apperr_set(err, APPERR_INPUT,
                          _("the form is incomplete; reload the page"));
    }
    int64_t amount = 0;
    if (money_amount_parse(req_form(r, "amount"), &amount, err)) {
        return apperr_prefix(err, "amount");
    }
    const char *zCur = req_form(r, "currency");
    const char *zNote = req_form(r, "note");
    Actor who = page_actor(r);
    char zCurrency[4] = "";
    if (strlen(zCur) == 3) {
        memcpy(zCurrency, zCur, 4);
    } else if (*zCur) {
        return apperr_set(err, APPERR_INPUT,
                          "currency: '%s' is not an ISO 4217 code such as "
                          "USD or KHR",
                          zCur);
    }
    if (bCost) {
        FundCost c = { .zRound = (char *)(uintptr_t)req_form(r, "round"),
                       .zNode = (char *)(uintptr_t)r->azParam[0],
                       .amount = amount,
                       .zNote = *zNote ? (char *)(uintptr_t)zNote : NULL,
                       .iVersion = (int)iVersion };
        memcpy(c.zCurrency, zCurrency, 4);
        return app_fund_put(r->s, &who, page_plan_code(r), &c, NULL, err);
    }
    int eKind = code_index(CODE_FUND_KIND, req_form(r, "source_kind"));
    int eStatus = code_index(CODE_FUND_STATUS, req_form(r, "status"));
    if (eKind < 0 || eStatus < 0) {
        return apperr_set(err, APPERR_INPUT,
                          _("the form is incomplete; reload the page"));
    }
    const char *zOrg = req_form(r, "org");
    const char *zLabel = req_form(r, "label");
    FundLine l = { .zRound = (char *)(uintptr_t)req_form(r, "round"),
                   .zNode = (char *)(uintptr_t)r->azParam[0],
                   .iLine = (int)iLine,
                   .eKind = (FundKind)eKind,
                   .zOrg =
                       eKind == FUND_PARTNER && *zOrg ? xstrdup(zOrg) : NULL,
                   .zLabel = *zLabel ? (char *)(uintptr_t)zLabel : NULL,
                   .amount = amount,
                   .eStatus = (FundStatus)eStatus,
                   .zNote = *zNote ? (char *)(uintptr_t)zNote : NULL,
                   .iVersion = (int)iVersion };
    memcpy(l.zCurrency, zCurrency, 4);
    int rc = app_fund_put(r->s, &who, page_plan_code(r), NULL, &l, err);
    free(l.zOrg);
    return rc;
}

/* ---- /resources ------------------------------------------------------- */

/* What the resources page shows: a round's money in plan p. */
typedef struct Resources {
    const Plan *p;
    const Round *rd;
    const FundSet *f;
} Resources;

static void
total_cols(Sheet *t)
{
    sheet_col(t, _("Currency"));
    sheet_col(t, _("Estimated cost"));
    sheet_col(t, _("Secured"));
    sheet_col(t, _("Pledged"));
    sheet_col(t, _("Gap"));
    sheet_col(t, _("Activities whose gap is counted"));
    sheet_col(t, _("Activities whose gap cannot be computed"));
}

static void
total_row(Sheet *t, const FundTotal *x)
{
    sheet_text(t, x->zCurrency);
    sheet_money(t, x->cost);
    sheet_money(t, x->secured);
    sheet_money(t, x->pledged);
    if (x->nGap) {
        sheet_money(t, x->gap);
    } else {
        sheet_text(t, _("cannot be computed"));
    }
    sheet_num(t, x->nGap);
    sheet_num(t, x->nNoGap);
}

/* Totals per currency of the activities under each node of level
** iLevel (the activities themselves when it is theirs). */
static void
resources_by_level(const Resources *x, int iLevel, Sheet *t)
{
    const Plan *p = x->p;
    sheet_col(t, level_label(p->aLevel[iLevel].zName));
    total_cols(t);
    FundTotals *aTot = xcalloc(p->nNode ? p->nNode : 1, sizeof *aTot);
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        if (p->aNode[i].iLevel != iLeaf) {
            continue;
        }
        long g = (long)i;
        while (g >= 0 && p->aNode[g].iLevel > iLevel) {
            g = p->aNode[g].iParent;
        }
        if (g >= 0 && p->aNode[g].iLevel == iLevel) {
            fund_totals_add_activity(&aTot[g], x->f, x->rd->zCode,
                                     p->aNode[i].zCode);
        }
    }
    Buf name = BUF_INIT;
    for (size_t g = 0; g < p->nNode; g++) {
        for (size_t k = 0; k < aTot[g].n; k++) {
            buf_reset(&name);
            buf_puts(&name, p->aNode[g].zCode);
            buf_puts(&name, " ");
            buf_puts(&name, p->aNode[g].zText);
            sheet_text_clip(t, buf_str(&name), 80);
            total_row(t, &aTot[g].a[k]);
        }
        fund_totals_release(&aTot[g]);
    }
    buf_release(&name);
    free(aTot);
}

/* One row per source and currency: what it secured, pledged, and was
** asked without covering. */
static void
resources_by_source(const Resources *x, Sheet *t)
{
    sheet_col(t, _("Source kind"));
    sheet_col(t, _("Source"));
    sheet_col(t, _("Currency"));
    sheet_col(t, _("Secured"));
    sheet_col(t, _("Pledged"));
    sheet_col(t, _("Gap"));
    sheet_col(t, _("Lines"));
    const FundSet *f = x->f;
    char *abDone = xcalloc(f->nLine ? f->nLine : 1, 1);
    for (size_t i = 0; i < f->nLine; i++) {
        const FundLine *l = &f->aLine[i];
        if (abDone[i] || !str_eq(l->zRound, x->rd->zCode)) {
            continue;
        }
        const char *zSource = fund_line_source(l);
        FundTotals tot = { 0 };
        long nLine = 0;
        for (size_t j = i; j < f->nLine; j++) {
            const FundLine *o = &f->aLine[j];
            const char *zO = fund_line_source(o);
            if (!abDone[j] && str_eq(o->zRound, l->zRound) &&
                o->eKind == l->eKind && str_eq(zO, zSource) &&
                str_eq(o->zCurrency, l->zCurrency)) {
                fund_totals_add_line(&tot, o);
                abDone[j] = 1;
                nLine++;
            }
        }
        sheet_text(t, kind_label(l->eKind));
        sheet_text(t, zSource);
        sheet_text(t, l->zCurrency);
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): line i itself was added */
        sheet_money(t, tot.a[0].secured);
        sheet_money(t, tot.a[0].pledged);
        sheet_money(t, tot.a[0].asked);
        sheet_num(t, nLine);
        fund_totals_release(&tot);
    }
    free(abDone);
}

/* The whole round: totals per currency of every activity. */
static void
resources_total(const Resources *x, Sheet *t)
{
    total_cols(t);
    FundTotals tot = { 0 };
    int iLeaf = plan_leaf_level(x->p);
    for (size_t i = 0; i < x->p->nNode; i++) {
        if (x->p->aNode[i].iLevel == iLeaf) {
            fund_totals_add_activity(&tot, x->f, x->rd->zCode,
                                     x->p->aNode[i].zCode);
        }
    }
    for (size_t k = 0; k < tot.n; k++) {
        total_row(t, &tot.a[k]);
    }
    fund_totals_release(&tot);
}

static const char *const azResSheet[] = { "total", "by_area", "by_goal",
                                          "by_source", NULL };

static void
resources_sheet(const void *arg, const char *zId, Sheet *t)
{
    const Resources *x = arg;
    int iLeaf = plan_leaf_level(x->p);
    if (str_eq(zId, "by_area")) {
        resources_by_level(x, 0, t);
    } else if (str_eq(zId, "by_goal")) {
        resources_by_level(x, iLeaf > 0 ? iLeaf - 1 : 0, t);
    } else if (str_eq(zId, "by_source")) {
        resources_by_source(x, t);
    } else {
        resources_total(x, t);
    }
}

/* ** PAGE: /resources */
int
page_resources(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return 0;
    }
    const char *zRound = req_query(r, "round");
    const Round *rd = *zRound         ? plan_find_round(p, zRound)
                      : p->nRound > 0 ? &p->aRound[p->nRound - 1]
                                      : NULL;
    if (!rd) {
        web_error(r, w, 404, _("There is no such round."));
        return 0;
    }
    FundSet f;
    AppErr err = APPERR_INIT;
    if (app_fund_list(r->s, p->zCode, rd->zCode, &f, &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    Resources x = { p, rd, &f };
    Buf stem = BUF_INIT;
    buf_puts(&stem, "resources-");
    buf_puts(&stem, rd->zCode);
    if (!page_download(r, w, azResSheet, resources_sheet, &x, buf_str(&stem))) {
        Buf title = BUF_INIT;
        buf_puts(&title, _("Resources"));
        buf_puts(&title, ": ");
        buf_puts(&title, rd->zTitle);
        page_begin(r, w, buf_str(&title));
        buf_release(&title);
        Buf *b = &w->body;
        HTML_LIT(b, "<p>");
        HTML_TR(b, "What the activities of the round's action plan cost "
                   "and who pays for them. Amounts in different currencies "
                   "are never added: each table has one line per currency. "
                   "An activity's gap (cost minus secured and pledged) is "
                   "counted only when its cost and all its funding are in "
                   "one currency.");
        HTML_LIT(b, "</p><p class=\"small\">");
        for (size_t k = 0; k < p->nRound; k++) {
            HTML_LIT(b, "<a href=\"/resources?round=");
            Buf e = BUF_INIT;
            url_encode(&e, p->aRound[k].zCode);
            esc_html(b, buf_str(&e));
            buf_release(&e);
            HTML_LIT(b, "\">");
            esc_html(b, p->aRound[k].zTitle);
            HTML_LIT(b, "</a> ");
        }
        HTML_LIT(b, "</p>");
        static const char *const azHead[] = { N_("Totals"), N_("By area"),
                                              N_("By goal"), N_("By source") };
        char *zSelf = page_self(r);
        for (size_t i = 0; azResSheet[i]; i++) {
            Sheet t;
            sheet_init(&t, azResSheet[i], NULL);
            resources_sheet(&x, azResSheet[i], &t);
            HTML_LIT(b, "<h2>");
            esc_html(b, _(azHead[i]));
            HTML_LIT(b, "</h2>");
            if (t.nCell == 0) {
                HTML_LIT(b, "<p>");
                HTML_TR(b, "No cost or funding is recorded for this round.");
                HTML_LIT(b, "</p>");
            } else {
                page_sheet(b, &t, zSelf);
            }
            sheet_release(&t);
        }
        free(zSelf);
        page_end(r, w);
    }
    buf_release(&stem);
    fund_set_release(&f);
    return 0;
}
