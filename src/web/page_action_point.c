/*
** page_action_point.c — the action-point editor: the M&E officer words and
** agrees an activity's action point for a round, the action plan's
** (/round/{}/action-plan) row by row.
**
** Opening a round drafts each action point from last year's and the
** priorities of earlier reviews that concern it (app/workflow.c); the
** officer turns the draft into the year's wording here, as the command
** line does by exporting the annex and importing it back.  What is saved
** is the agreed action point the action plan prints.  The write is
** app_action_point_put() (app/recommendations.h), version-guarded: a
** form opened before another change (another edit, a statement
** submitted) is a 409 that shows what is stored now and keeps what was
** typed.
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../app/recommendations.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* The activity and round a request names, from the shared read model. */
typedef struct ApTarget {
    const Plan *p;
    const Round *rd;
    const Node *n;
    const Assessment *a; /* n's in rd */
} ApTarget;

/* Find the round (azParam[0]) and activity (azParam[1]) of r; on failure
** the error page is drawn and -1 returned. */
static int
ap_target(Req *r, Resp *w, ApTarget *x)
{
    const Model *m = NULL;
    memset(x, 0, sizeof *x);
    x->p = page_load(r, w, &m);
    if (!x->p) {
        return -1;
    }
    x->rd = plan_find_round(x->p, r->azParam[0]);
    long i = plan_lookup_node(x->p, r->azParam[1]);
    x->n = i >= 0 ? &x->p->aNode[i] : NULL;
    x->a = x->n && x->rd ? node_find_assessment(x->n, x->rd->zCode) : NULL;
    if (!x->rd) {
        web_error(r, w, 404, _("There is no such round."));
        return -1;
    }
    if (!x->a) {
        web_error(r, w, 404, _("This activity is not part of the round."));
        return -1;
    }
    return 0;
}

/* The address of the action plan of round zRound ("?plan=" kept), or with
** zCode its editor of activity zCode. */
static void
ap_href(const Req *r, Buf *h, const char *zRound, const char *zCode)
{
    buf_puts(h, "/round/");
    url_encode(h, zRound);
    buf_puts(h, "/action-plan");
    if (zCode) {
        buf_putc(h, '/');
        url_encode(h, zCode);
    }
    if (page_plan_code(r)) {
        buf_puts(h, "?plan=");
        url_encode(h, page_plan_code(r));
    }
}

/* The editor of x's action point, with a notice (NULL: none); bKeep: the
** form holds what was posted (a refused save), and what is stored now
** shows above it. */
static void
ap_render(Req *r, Resp *w, const ApTarget *x, const char *zNotice, int bKeep)
{
    const Node *n = x->n;
    const Round *rd = x->rd;
    /* The priorities beside it, as the action plan shows them. */
    Model mr = MODEL_INIT;
    Plan *pr = NULL;
    RecSet set;
    AppErr err = APPERR_INIT;
    if (app_recs_read(r->s, x->p->zCode, &mr, &pr, &set, &err)) {
        web_fail(r, w, &err);
        model_release(&mr);
        return;
    }
    Buf t = BUF_INIT, prio = BUF_INIT, h = BUF_INIT;
    (void)rec_priorities_for(x->p, n, &set, rd->zCode, &prio);
    buf_printf(&t, _("Action point of %s: %s"), n->zCode, rd->zTitle);
    page_begin(r, w, buf_str(&t));
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, "error", zNotice);
    }
    HTML_LIT(b, "<p class=\"lead\">");
    esc_html(b, n->zText);
    HTML_LIT(b, "</p><p class=\"small\">");
    HTML_TR(b, "Responsible:");
    HTML_LIT(b, " ");
    for (size_t k = 0; k < n->nResp; k++) {
        esc_html(b, k ? ", " : "");
        esc_html(b, n->azResp[k]);
    }
    esc_html(b, n->nResp ? "" : _("none"));
    HTML_LIT(b, "</p>\n");
    if (bKeep) {
        HTML_LIT(b, "<section class=\"card\"><h2>");
        HTML_TR(b, "The action point as it is now");
        HTML_LIT(b, "</h2><p>");
        esc_html_paragraphs(b, *x->a->zActionPoint ? x->a->zActionPoint
                                                   : _("(none)"));
        HTML_LIT(b, "</p></section>\n");
    }
    HTML_LIT(b, "<section class=\"card\"><h2>");
    HTML_TR(b, "Priorities of earlier reviews that concern it, not done");
    HTML_LIT(b, "</h2><p>");
    esc_html_paragraphs(b, prio.n ? buf_str(&prio) : _("None."));
    HTML_LIT(b, "</p></section>\n");
    if (rd->eState == ROUND_PUBLISHED) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "The round is published: its action points are final.");
        HTML_LIT(b, "</p>");
    } else {
        ap_href(r, &h, rd->zCode, n->zCode);
        HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\">");
        page_csrf_field(r, b);
        /* The version read now: after a conflict, saving again is a
        ** choice made seeing what is stored. */
        buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
                   x->a->iVersion);
        HTML_LIT(b, "<label for=\"action_point\">");
        HTML_TR(b, "Action point, as agreed for the round");
        HTML_LIT(b, "</label><p class=\"small\">");
        HTML_TR(b, "A new round's draft is last year's action point followed "
                   "by the priorities that concern it: work them into the "
                   "wording. What you save is what the action plan prints.");
        HTML_LIT(b, "</p><textarea id=\"action_point\" name=\"action_point\" "
                    "rows=\"10\">");
        esc_html(b, bKeep ? req_form(r, "action_point") : x->a->zActionPoint);
        HTML_LIT(b, "</textarea><div><button type=\"submit\">");
        HTML_TR(b, "Save the agreed action point");
        HTML_LIT(b, "</button></div></form>\n");
    }
    buf_reset(&h);
    ap_href(r, &h, rd->zCode, NULL);
    HTML_LIT(b, "<p><a href=\"");
    esc_html(b, buf_str(&h));
    HTML_LIT(b, "\">");
    HTML_TR(b, "Back to the action plan");
    HTML_LIT(b, "</a> \xC2\xB7 ");
    /* Who changed the wording, when, old -> new: the activity's history. */
    buf_reset(&h);
    buf_puts(&h, "/activity/");
    url_encode(&h, n->zCode);
    if (page_plan_code(r)) {
        buf_puts(&h, "?plan=");
        url_encode(&h, page_plan_code(r));
    }
    HTML_LIT(b, "<a href=\"");
    esc_html(b, buf_str(&h));
    HTML_LIT(b, "\">");
    HTML_TR(b, "The activity, with its history of edits");
    HTML_LIT(b, "</a></p>\n");
    page_end(r, w);
    buf_release(&t);
    buf_release(&prio);
    buf_release(&h);
    rec_set_release(&set);
    model_release(&mr);
}

/* ** PAGE: /round/{}/action-plan/{} */
int
page_round_action_point(Req *r, Resp *w)
{
    ApTarget x;
    if (ap_target(r, w, &x) == 0) {
        ap_render(r, w, &x, NULL, 0);
    }
    return 0;
}

/* ** PAGE: /round/{}/action-plan/{} (POST) */
int
page_round_action_point_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    long v = 0;
    int rc;
    if (str_to_long(req_form(r, "version"), 1, 1L << 30, &v)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete: reload the page and save "
                          "again"));
    } else {
        Actor who = page_actor(r);
        rc = app_action_point_put(r->s, &who, page_plan_code(r), r->azParam[0],
                                  r->azParam[1], req_form(r, "action_point"),
                                  (int)v, &err);
    }
    if (rc == 0) {
        /* Back to the action plan, at the row saved. */
        Buf loc = BUF_INIT;
        ap_href(r, &loc, r->azParam[0], NULL);
        buf_puts(&loc, page_plan_code(r) ? "&saved=" : "?saved=");
        url_encode(&loc, r->azParam[1]);
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
        return 0;
    }
    /* Refused: the editor again, from the data as it is now, with the
    ** reason and what was typed. */
    ApTarget x;
    if (ap_target(r, w, &x) == 0) {
        ap_render(r, w, &x, err.zMsg, 1);
        web_fail_status(r, w, &err);
    }
    return 0;
}
