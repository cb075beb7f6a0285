/*
** page_plan.c — a round's recommendations and priorities on the web
** (core/recommend.h): the list by discussion group with each one's status
** and the plan nodes it concerns, one recommendation with its follow-ups,
** the M&E officer's forms to add one, change one and record a follow-up,
** and the JSON read call.  Writes go through app/recommendations.c.
**
** Recommendations are read per request (app_recs_read(): five small
** queries on the request's connection), not kept in the shared read
** model: they are few, and a round's page is not a hot path.
*/
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../app/recommendations.h"
#include "../app/funding.h"
#include "../report/action_plan.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* What the pages of one round show. */
typedef struct PlanRecs {
    const Model *m;      /* the viewer's read model */
    const Plan *p;       /* the viewer's plan (read model) */
    const Plan *pRounds; /* the rounds in order, for statuses */
    const Round *rd;
    const RecSet *set;
    const Rec *rec;      /* the recommendation of its own page, or NULL */
    const FundSet *fund; /* the round's costs and funding (action plan) */
} PlanRecs;

static const char *const azRecsSheet[] = { "recommendations", NULL };
static const char *const azRecSheet[] = { "followups", NULL };
static const char *const azPlanSheet[] = { "action_plan", NULL };

/* The round's recommendations in the order people read them: those of no
** group first (the review's own), then group by group. */
static void
plan_recs_order(const PlanRecs *x, const Rec **aOut, size_t *pn)
{
    size_t n = 0;
    for (size_t g = 0; g <= x->set->nGroup; g++) {
        const RecGroup *pg = g ? &x->set->aGroup[g - 1] : NULL;
        if (pg && !str_eq(pg->zRound, x->rd->zCode)) {
            continue;
        }
        for (size_t i = 0; i < x->set->nRec; i++) {
            const Rec *r = &x->set->aRec[i];
            if (str_eq(r->zRound, x->rd->zCode) &&
                (pg ? str_eq(r->zGroup, pg->zName) : r->zGroup == NULL)) {
                aOut[n++] = r;
            }
        }
    }
    *pn = n;
}

/* The address of round zRound's recommendations (zCode NULL) or of one,
** then zTail (a literal, or NULL), into h; escaped where it is written. */
static void
plan_href(Buf *h, const char *zRound, const char *zCode, const char *zTail)
{
    buf_puts(h, "/round/");
    url_encode(h, zRound);
    buf_puts(h, zCode ? "/recommendation/" : "/recommendations");
    if (zCode) {
        url_encode(h, zCode);
    }
    buf_puts(h, zTail ? zTail : "");
}

static void
plan_recs_sheet(const void *arg, const char *zId, Sheet *t)
{
    const PlanRecs *x = arg;
    (void)zId;
    sheet_col(t, _("Group"));
    sheet_col(t, _("Code"));
    sheet_col(t, "Recommendation");
    sheet_col(t, "Priority");
    sheet_col(t, "Concerns");
    sheet_col(t, "Organisations asked");
    sheet_col(t, "Status");
    sheet_col(t, "Recorded in");
    sheet_col(t, "Evidence");
    /* NOLINTNEXTLINE(bugprone-sizeof-expression): elements are pointers */
    const Rec **a = xcalloc(x->set->nRec + 1, sizeof *a);
    size_t n = 0;
    plan_recs_order(x, a, &n);
    Buf cell = BUF_INIT, href = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const Rec *r = a[i];
        const RecFollowup *fu = rec_latest_followup(x->pRounds, r);
        sheet_text(t, r->zGroup ? r->zGroup : "Review");
        buf_reset(&href);
        plan_href(&href, r->zRound, r->zCode, NULL);
        sheet_link(t, r->zCode, buf_str(&href));
        sheet_text(t, r->zText);
        sheet_text(t, r->bPriority ? "Priority" : "");
        buf_reset(&cell);
        recs_cell(x->pRounds, r, 4, &cell);
        sheet_text(t, buf_str(&cell));
        buf_reset(&cell);
        recs_cell(x->pRounds, r, 5, &cell);
        sheet_text(t, buf_str(&cell));
        sheet_text(t, rec_status_label(fu ? fu->eStatus : REC_NOT_STARTED));
        sheet_text(t, fu ? fu->zRound : "");
        sheet_text(t, fu ? fu->zEvidence : "");
    }
    buf_release(&cell);
    buf_release(&href);
    free(a);
}

static void
plan_rec_sheet(const void *arg, const char *zId, Sheet *t)
{
    const PlanRecs *x = arg;
    (void)zId;
    sheet_col(t, "Round");
    sheet_col(t, "Status");
    sheet_col(t, "Evidence");
    sheet_col(t, "Recorded by");
    sheet_col(t, "Recorded at");
    for (size_t i = 0; i < x->rec->nFollow; i++) {
        const RecFollowup *f = &x->rec->aFollow[i];
        sheet_text(t, f->zRound);
        sheet_text(t, rec_status_label(f->eStatus));
        sheet_text(t, f->zEvidence);
        sheet_text(t, f->zBy ? f->zBy : "");
        sheet_text(t, f->zAt ? f->zAt : "");
    }
}

/* A labelled input (zType "text") or, with zType NULL, a text area. */
static void
plan_input(Buf *b, const char *zName, const char *zLabel, const char *zValue,
           const char *zType)
{
    HTML_LIT(b, "<label for=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</label>");
    if (!zType) {
        HTML_LIT(b, "<textarea rows=\"4\" id=\"");
        esc_html(b, zName);
        HTML_LIT(b, "\" name=\"");
        esc_html(b, zName);
        HTML_LIT(b, "\">");
        esc_html(b, zValue);
        HTML_LIT(b, "</textarea>");
        return;
    }
    HTML_LIT(b, "<input id=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" type=\"text\" value=\"");
    esc_html(b, zValue);
    HTML_LIT(b, "\"/>");
}

/* The form of a recommendation: empty to add one (r NULL), else r's
** fields and version; after a refused save, what the user sent. */
static void
plan_rec_form(const Req *r, Buf *b, const char *zRound, const Rec *rec,
              int bKeep)
{
    Buf action = BUF_INIT, cell = BUF_INIT;
    plan_href(&action, zRound, rec ? rec->zCode : NULL, NULL);
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    esc_html(b, buf_str(&action));
    HTML_LIT(b, "\">");
    if (rec) {
        HTML_LIT(b, "<h3>Change this recommendation</h3>");
    } else {
        HTML_LIT(b, "<h3>Add a recommendation</h3>");
    }
    page_csrf_field(r, b);
    if (rec) {
        buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
                   rec->iVersion);
    } else {
        plan_input(b, "code", "Code (R1, C1, ...)",
                   bKeep ? req_form(r, "code") : "", "text");
    }
#define KEEP(zField, zStored) (bKeep ? req_form(r, zField) : (zStored))
    plan_input(b, "text", "Recommendation, as the review words it",
               KEEP("text", rec ? rec->zText : ""), NULL);
    plan_input(b, "group", "Discussion group (empty: the review's own)",
               KEEP("group", rec && rec->zGroup ? rec->zGroup : ""), "text");
    if (rec) {
        recs_cell(NULL, rec, 4, &cell);
    }
    plan_input(b, "concerns", "Plan codes it concerns, joined by ';'",
               KEEP("concerns", buf_str(&cell)), "text");
    buf_reset(&cell);
    if (rec) {
        recs_cell(NULL, rec, 5, &cell);
    }
    plan_input(b, "asked", "Organisations asked to act, joined by ';'",
               KEEP("asked", buf_str(&cell)), "text");
    plan_input(b, "source", "Where the review writes it",
               KEEP("source", rec ? rec->zSource : ""), "text");
    const char *zPrio = KEEP("priority", rec && rec->bPriority ? "yes" : "no");
#undef KEEP
    HTML_LIT(b, "<label for=\"priority\">A priority of the next action "
                "plan</label><select id=\"priority\" name=\"priority\">"
                "<option value=\"no\">");
    HTML_TR(b, "No");
    HTML_LIT(b, "</option><option value=\"yes\"");
    if (str_eq(zPrio, "yes")) {
        HTML_LIT(b, " selected=\"selected\"");
    }
    HTML_LIT(b, ">");
    HTML_TR(b, "Yes");
    HTML_LIT(b, "</option></select>");
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Save");
    HTML_LIT(b, "</button></div></form>");
    buf_release(&action);
    buf_release(&cell);
}

/* What a page of round r->azParam[0] reads: the viewer's plan and round
** (anonymous readers: published rounds only), and the plan's
** recommendations read on the request's connection, with the plan's rounds
** (into *mr, empty; release it whatever this returns).  0, or -1 with the
** error page in w. */
static int
plan_read(Req *r, Resp *w, Model *mr, PlanRecs *x, RecSet *set)
{
    memset(x, 0, sizeof *x);
    memset(set, 0, sizeof *set);
    x->set = set;
    x->p = page_load(r, w, &x->m);
    x->rd = x->p ? plan_find_round(x->p, r->azParam[0]) : NULL;
    if (x->p && !x->rd) {
        web_error(r, w, 404, "There is no such round.");
    }
    if (!x->rd) {
        return -1;
    }
    AppErr err = APPERR_INIT;
    Plan *pr = NULL;
    if (app_recs_read(r->s, x->p->zCode, mr, &pr, set, &err)) {
        web_fail(r, w, &err);
        return -1;
    }
    x->pRounds = pr;
    return 0;
}

static void
plan_recs_render(Req *r, Resp *w, const char *zNotice, const char *zKind)
{
    Model mr = MODEL_INIT;
    RecSet set;
    PlanRecs x;
    if (plan_read(r, w, &mr, &x, &set)) {
        model_release(&mr);
        return;
    }
    const Round *rd = x.rd;
    Buf stem = BUF_INIT;
    buf_printf(&stem, "recommendations-%s", rd->zCode);
    if (zNotice || !page_download(r, w, azRecsSheet, plan_recs_sheet, &x,
                                  buf_str(&stem))) {
        Buf title = BUF_INIT;
        buf_printf(&title, "Recommendations and priorities: %s", rd->zTitle);
        page_begin(r, w, buf_str(&title));
        buf_release(&title);
        Buf *b = &w->body;
        if (zNotice) {
            page_notice(b, zKind, zNotice);
        }
        HTML_LIT(b, "<p>What the review of this round recommended, by "
                    "discussion group, which recommendations became "
                    "priorities of the next action plan, and how far each "
                    "got as recorded in later rounds.</p>");
        Sheet t;
        sheet_init(&t, "recommendations", NULL);
        plan_recs_sheet(&x, "recommendations", &t);
        char *zSelf = page_self(r);
        page_sheet(b, &t, zSelf);
        free(zSelf);
        sheet_release(&t);
        Actor who = page_actor(r);
        if (rec_may_record(&who, NULL) == 0) {
            plan_rec_form(r, b, rd->zCode, NULL,
                          zNotice && str_eq(zKind, "error"));
        }
        page_end(r, w);
    }
    buf_release(&stem);
    rec_set_release(&set);
    model_release(&mr);
}

/* ** PAGE: /round/{}/recommendations */
int
page_round_recommendations(Req *r, Resp *w)
{
    plan_recs_render(r, w, *req_query(r, "saved") ? "Saved." : NULL, "ok");
    return 0;
}

static void
plan_action_sheet(const void *arg, const char *zId, Sheet *t)
{
    const PlanRecs *x = arg;
    (void)zId;
    action_plan_sheet(x->p, x->rd, x->set, x->fund, t);
}

/* What the action plan's editor links need: the request (its ?plan=)
** and the round. */
typedef struct PlanEditLinks {
    const Req *r;
    const char *zRound;
} PlanEditLinks;

/* The action plan's HTML-only cell of activity n: a link to its editor
** (page_action_point.c). */
static void
plan_action_edit_link(const void *arg, const Node *n, Buf *b)
{
    const PlanEditLinks *e = arg;
    Buf h = BUF_INIT;
    buf_puts(&h, "/round/");
    url_encode(&h, e->zRound);
    buf_puts(&h, "/action-plan/");
    url_encode(&h, n->zCode);
    if (page_plan_code(e->r)) {
        buf_puts(&h, "?plan=");
        url_encode(&h, page_plan_code(e->r));
    }
    HTML_LIT(b, "<a href=\"");
    esc_html(b, buf_str(&h));
    HTML_LIT(b, "\">");
    HTML_TR(b, "Word\xE2\x80\xA6");
    HTML_LIT(b, "</a>");
    buf_release(&h);
}

/* ** PAGE: /round/{}/action-plan */
int
page_round_action_plan(Req *r, Resp *w)
{
    Model mr = MODEL_INIT;
    RecSet set;
    PlanRecs x;
    FundSet fund;
    memset(&fund, 0, sizeof fund);
    if (plan_read(r, w, &mr, &x, &set)) {
        model_release(&mr);
        return 0;
    }
    AppErr err = APPERR_INIT;
    if (app_fund_list(r->s, x.p->zCode, x.rd->zCode, &fund, &err)) {
        web_fail(r, w, &err);
        rec_set_release(&set);
        model_release(&mr);
        return 0;
    }
    x.fund = &fund;
    Buf stem = BUF_INIT;
    buf_printf(&stem, "action-plan-%s", x.rd->zCode);
    const char *zFmt = req_query(r, "format");
    int bPdf = strcmp(zFmt, "pdf") == 0, bDocx = strcmp(zFmt, "docx") == 0;
    if (bPdf || bDocx) {
        /* The printed document: a cover, the table on landscape pages. */
        Sheet t;
        sheet_init(&t, "action_plan", NULL);
        action_plan_sheet(x.p, x.rd, &set, &fund, &t);
        if (action_plan_render_print(x.p, x.rd, &t, bDocx, &w->body, &err)) {
            web_fail(r, w, &err);
        } else {
            w->zType = bPdf ? "application/pdf"
                            : "application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.document";
            page_attachment(w, buf_str(&stem), NULL, zFmt);
        }
        sheet_release(&t);
    } else if (!page_download(r, w, azPlanSheet, plan_action_sheet, &x,
                              buf_str(&stem))) {
        Buf title = BUF_INIT;
        buf_printf(&title, _("Action plan: %s"), x.rd->zTitle);
        page_begin(r, w, buf_str(&title));
        buf_release(&title);
        Buf *b = &w->body;
        if (*req_query(r, "saved")) {
            /* Back from the editor (page_action_point.c). */
            Buf saved = BUF_INIT;
            buf_printf(&saved, _("The action point of %s is saved."),
                       req_query(r, "saved"));
            page_notice(b, "ok", buf_str(&saved));
            buf_release(&saved);
        }
        HTML_LIT(b, "<p>Each activity of the round with its action point "
                    "and, beside it, the priorities of earlier reviews that "
                    "concern it (or its goal or area) and are not done or "
                    "dropped. Opening a round drafts its action points from "
                    "the year before and these priorities.</p><p><a "
                    "href=\"/resources?round=");
        Buf e = BUF_INIT;
        url_encode(&e, x.rd->zCode);
        esc_html(b, buf_str(&e));
        buf_release(&e);
        HTML_LIT(b, "\">");
        HTML_TR(b, "Resources of the round: totals per currency by area, "
                   "goal and source");
        HTML_LIT(b, "</a></p><p class=\"reports\">");
        HTML_TR(b, "The action plan as a document:");
        /* This address with ?format=, keeping the plan asked for. */
        Buf q = BUF_INIT;
        if (page_plan_code(r)) {
            buf_puts(&q, "plan=");
            url_encode(&q, page_plan_code(r));
            buf_puts(&q, "&");
        }
        for (int k = 0; k < 2; k++) {
            HTML_LIT(b, " <a href=\"?");
            esc_html(b, buf_str(&q));
            HTML_LIT(b, "format=");
            esc_html(b, k ? "docx" : "pdf");
            HTML_LIT(b, "\">");
            esc_html(b, k ? "Word" : "PDF");
            HTML_LIT(b, "</a>");
        }
        buf_release(&q);
        HTML_LIT(b, "</p>");
        Sheet t;
        sheet_init(&t, "action_plan", NULL);
        /* The M&E officer words each action point from here. */
        Actor who = page_actor(r);
        PlanEditLinks links = { r, x.rd->zCode };
        if (r->bAuthed && rec_may_word(&who, x.rd, NULL) == 0) {
            action_plan_sheet_html(x.p, x.rd, &set, &fund, _("Edit"),
                                   plan_action_edit_link, &links, &t);
        } else {
            action_plan_sheet(x.p, x.rd, &set, &fund, &t);
        }
        char *zSelf = page_self(r);
        page_sheet(b, &t, zSelf);
        free(zSelf);
        sheet_release(&t);
        page_end(r, w);
    }
    buf_release(&stem);
    rec_set_release(&set);
    fund_set_release(&fund);
    model_release(&mr);
    return 0;
}

/* The follow-up form of recommendation rec: the later rounds that are not
** published, each with the version of its follow-up (0: none yet). */
static void
plan_followup_form(const Req *r, Buf *b, const Plan *pRounds, const Rec *rec,
                   int bKeep)
{
    long iRec = -1;
    size_t nLater = 0;
    for (size_t i = 0; i < pRounds->nRound; i++) {
        if (str_eq(pRounds->aRound[i].zCode, rec->zRound)) {
            iRec = (long)i;
        } else if (iRec >= 0 && pRounds->aRound[i].eState != ROUND_PUBLISHED) {
            nLater++;
        }
    }
    if (nLater == 0) {
        HTML_LIT(b, "<p class=\"small\">A follow-up is recorded in a later "
                    "round that is not published; there is none yet.</p>");
        return;
    }
    Buf action = BUF_INIT;
    plan_href(&action, rec->zRound, rec->zCode, "/follow-up");
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    esc_html(b, buf_str(&action));
    HTML_LIT(b, "\"><h3>Record how far it got</h3>");
    page_csrf_field(r, b);
    HTML_LIT(b, "<label for=\"in\">In round</label>"
                "<select id=\"in\" name=\"in\">");
    for (size_t i = (size_t)iRec + 1; i < pRounds->nRound; i++) {
        const Round *rd = &pRounds->aRound[i];
        if (rd->eState == ROUND_PUBLISHED) {
            continue;
        }
        page_option(b, rd->zCode, rd->zTitle,
                    bKeep && str_eq(req_form(r, "in"), rd->zCode));
    }
    HTML_LIT(b, "</select>");
    for (size_t i = (size_t)iRec + 1; i < pRounds->nRound; i++) {
        const RecFollowup *f = rec_find_followup(rec, pRounds->aRound[i].zCode);
        HTML_LIT(b, "<input type=\"hidden\" name=\"version-");
        esc_html(b, pRounds->aRound[i].zCode);
        buf_printf(b, "\" value=\"%d\"/>", f ? f->iVersion : 0);
    }
    const RecFollowup *fu = rec_latest_followup(pRounds, rec);
    HTML_LIT(b, "<label for=\"status\">Status</label>");
    page_select_code(b, "status", "status", CODE_REC_STATUS,
                     bKeep ? req_form(r, "status")
                     : fu  ? rec_status_name(fu->eStatus)
                           : NULL);
    plan_input(b, "evidence", "Evidence",
               bKeep ? req_form(r, "evidence") : (fu ? fu->zEvidence : ""),
               NULL);
    HTML_LIT(b, "<div><button type=\"submit\">Record</button></div></form>");
    buf_release(&action);
}

static void
plan_rec_render(Req *r, Resp *w, const char *zNotice, const char *zKind)
{
    Model mr = MODEL_INIT;
    RecSet set;
    PlanRecs x;
    if (plan_read(r, w, &mr, &x, &set)) {
        model_release(&mr);
        return;
    }
    const Round *rd = x.rd;
    const Rec *rec = rec_set_find(&set, rd->zCode, r->azParam[1]);
    x.rec = rec;
    Buf stem = BUF_INIT;
    buf_printf(&stem, "recommendation-%s-%s", rd->zCode, r->azParam[1]);
    if (!rec) {
        web_error(r, w, 404, "There is no such recommendation.");
    } else if (zNotice || !page_download(r, w, azRecSheet, plan_rec_sheet, &x,
                                         buf_str(&stem))) {
        Buf title = BUF_INIT;
        buf_printf(&title, "Recommendation %s of %s", rec->zCode, rd->zTitle);
        page_begin(r, w, buf_str(&title));
        buf_release(&title);
        Buf *b = &w->body;
        if (zNotice) {
            page_notice(b, zKind, zNotice);
        }
        char *zPlanQ = page_plan_query(x.m, x.p);
        HTML_LIT(b, "<p>");
        esc_html(b, rec->zText);
        HTML_LIT(b, "</p><dl><dt>Discussion group</dt><dd>");
        esc_html(b, rec->zGroup ? rec->zGroup : "None (the review's own)");
        HTML_LIT(b, "</dd><dt>A priority of the next action plan</dt><dd>");
        esc_html(b, rec->bPriority ? _("Yes") : _("No"));
        HTML_LIT(b, "</dd><dt>Concerns</dt><dd>");
        for (size_t i = 0; i < rec->nNode; i++) {
            if (i) {
                HTML_LIT(b, ", ");
            }
            page_link_activity(b, rec->azNode[i], zPlanQ);
        }
        HTML_LIT(b, "</dd><dt>Organisations asked to act</dt><dd>");
        for (size_t i = 0; i < rec->nOrg; i++) {
            if (i) {
                HTML_LIT(b, ", ");
            }
            page_link_org(b, rec->azOrg[i], zPlanQ);
        }
        HTML_LIT(b, "</dd><dt>Source</dt><dd>");
        esc_html(b, rec->zSource);
        HTML_LIT(b, "</dd></dl><h2>Follow-up</h2>");
        free(zPlanQ);
        Sheet t;
        sheet_init(&t, "followups", NULL);
        plan_rec_sheet(&x, "followups", &t);
        char *zSelf = page_self(r);
        page_sheet(b, &t, zSelf);
        free(zSelf);
        sheet_release(&t);
        Actor who = page_actor(r);
        int bKeep = zNotice && str_eq(zKind, "error");
        if (rec_may_record(&who, NULL) == 0) {
            plan_rec_form(r, b, rd->zCode, rec, bKeep);
            plan_followup_form(r, b, x.pRounds, rec, bKeep);
        }
        HTML_LIT(b, "<p><a href=\"");
        Buf back = BUF_INIT;
        plan_href(&back, rd->zCode, NULL, NULL);
        esc_html(b, buf_str(&back));
        buf_release(&back);
        HTML_LIT(b, "\">All recommendations of this round</a></p>");
        page_end(r, w);
    }
    buf_release(&stem);
    rec_set_release(&set);
    model_release(&mr);
}

/* ** PAGE: /round/{}/recommendation/{} */
int
page_round_recommendation(Req *r, Resp *w)
{
    plan_rec_render(r, w, *req_query(r, "saved") ? "Saved." : NULL, "ok");
    return 0;
}

/* A recommendation as the form sent it (strings borrowed from r's form or
** split into r's own copies: release with rec_release()). */
static void
plan_rec_from_form(const Req *r, const char *zRound, const char *zCode,
                   Rec *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->zRound = xstrdup(zRound);
    rec->zCode = str_trim(zCode);
    rec->zText = str_trim(req_form(r, "text"));
    char *zGroup = str_trim(req_form(r, "group"));
    rec->zGroup = *zGroup ? zGroup : (free(zGroup), NULL);
    rec->zSource = str_trim(req_form(r, "source"));
    rec->bPriority = str_eq(req_form(r, "priority"), "yes");
    strv_split(req_form(r, "concerns"), ";", &rec->azNode, &rec->nNode);
    strv_split(req_form(r, "asked"), ";", &rec->azOrg, &rec->nOrg);
}

/* After a write: to the page with "Saved.", or the page again with the
** message and the user's text (status from the error: 409 a conflict). */
static void
plan_finish(Req *r, Resp *w, int rc, const AppErr *err, const char *zCode,
            void (*xRender)(Req *, Resp *, const char *, const char *))
{
    if (rc == 0) {
        Buf loc = BUF_INIT;
        plan_href(&loc, r->azParam[0], zCode, "?saved=1");
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
        return;
    }
    resp_reset_body(w);
    xRender(r, w, err->zMsg, "error");
    if (w->status == 200) {
        web_fail_status(r, w, err);
    }
}

/* ** PAGE: /round/{}/recommendations (POST) */
int
page_round_recommendations_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Rec rec;
    plan_rec_from_form(r, r->azParam[0], req_form(r, "code"), &rec);
    Actor who = page_actor(r);
    int rc = app_rec_put(r->s, &who, page_plan_code(r), &rec, 1, &err);
    plan_finish(r, w, rc, &err, NULL, plan_recs_render);
    rec_release(&rec);
    return 0;
}

/* ** PAGE: /round/{}/recommendation/{} (POST) */
int
page_round_recommendation_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Rec rec;
    long v = 0;
    plan_rec_from_form(r, r->azParam[0], r->azParam[1], &rec);
    int rc;
    if (str_to_long(req_form(r, "version"), 1, 1L << 30, &v)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        "the form is incomplete: reload "
                        "the page and save again");
    } else {
        rec.iVersion = (int)v;
        Actor who = page_actor(r);
        rc = app_rec_put(r->s, &who, page_plan_code(r), &rec, 0, &err);
    }
    plan_finish(r, w, rc, &err, r->azParam[1], plan_rec_render);
    rec_release(&rec);
    return 0;
}

/* ** PAGE: /round/{}/recommendation/{}/follow-up (POST) */
int
page_round_followup_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    RecFollowup f;
    memset(&f, 0, sizeof f);
    const char *zIn = req_form(r, "in");
    Buf field = BUF_INIT;
    buf_printf(&field, "version-%.64s", zIn);
    long v = 0;
    int rc;
    if (!*zIn || rec_status_parse(req_form(r, "status"), &f.eStatus) ||
        str_to_long(req_form(r, buf_str(&field)), 0, 1L << 30, &v)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        "choose a round and a status from the lists");
    } else {
        f.zRound = (char *)(uintptr_t)zIn;
        f.zEvidence = (char *)(uintptr_t)req_form(r, "evidence");
        f.iVersion = (int)v;
        Actor who = page_actor(r);
        rc = app_followup_put(r->s, &who, page_plan_code(r), r->azParam[0],
                              r->azParam[1], &f, &err);
    }
    buf_release(&field);
    if (rc && err.code == APPERR_NOTFOUND) {
        web_fail(r, w, &err);
        return 0;
    }
    plan_finish(r, w, rc, &err, r->azParam[1], plan_rec_render);
    return 0;
}

/* ** PAGE: /api/round/{}/recommendations */
int
api_round_recommendations(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    const Round *rd = p ? plan_find_round(p, r->azParam[0]) : NULL;
    json_t *j = NULL;
    int status = 200;
    Model mr = MODEL_INIT;
    RecSet set;
    memset(&set, 0, sizeof set);
    Plan *pr = NULL;
    AppErr err = APPERR_INIT;
    if (!rd) {
        status = 404;
        j = json_pack("{s:s}", "error", "no such round");
    } else if (app_recs_read(r->s, p->zCode, &mr, &pr, &set, &err)) {
        web_fail_status(r, w, &err);
        status = w->status;
        j = json_pack("{s:s}", "error", err.zMsg);
    } else {
        json_t *a = json_array();
        for (size_t i = 0; i < set.nRec; i++) {
            const Rec *rec = &set.aRec[i];
            if (!str_eq(rec->zRound, rd->zCode)) {
                continue;
            }
            json_t *nodes = json_array(), *orgs = json_array();
            json_t *fus = json_array();
            for (size_t k = 0; k < rec->nNode; k++) {
                json_array_append_new(nodes, json_string(rec->azNode[k]));
            }
            for (size_t k = 0; k < rec->nOrg; k++) {
                json_array_append_new(orgs, json_string(rec->azOrg[k]));
            }
            for (size_t k = 0; k < rec->nFollow; k++) {
                const RecFollowup *f = &rec->aFollow[k];
                json_array_append_new(
                    fus,
                    json_pack("{s:s,s:s,s:s,s:s?,s:s?,s:i}", "round", f->zRound,
                              "status", rec_status_name(f->eStatus), "evidence",
                              f->zEvidence, "recorded_by", f->zBy,
                              "recorded_at", f->zAt, "version", f->iVersion));
            }
            json_array_append_new(
                a, json_pack("{s:s,s:s,s:s?,s:s,s:b,s:s,s:o,s:o,s:o,s:i}",
                             "code", rec->zCode, "round", rec->zRound, "group",
                             rec->zGroup, "text", rec->zText, "priority",
                             rec->bPriority, "source", rec->zSource, "concerns",
                             nodes, "asked", orgs, "followups", fus, "version",
                             rec->iVersion));
        }
        j = json_pack("{s:s,s:o}", "round", rd->zCode, "recommendations", a);
    }
    if (!p) {
        json_decref(j);
        j = json_pack("{s:s}", "error", "no plan, or the data cannot be read");
        status = w->status;
    }
    api_send(w, status, j);
    rec_set_release(&set);
    model_release(&mr);
    return 0;
}
