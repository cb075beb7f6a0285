/*
** page_view.c — the pages that show: dashboard, plan, activity,
** organisation, rounds, round, report.
**
** Each page reads the process's shared snapshot (page_load: anonymous
** readers see only published rounds); the parts that depend on the data
** only are rendered once per snapshot (readmodel_fragment), so every
** number is counted from the data as it is now (core/review.c) and
** counted again after any change, never stored.
*/
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "web.h"
#include "complaints_cache.h"
#include "../base/base.h"
#include "../core/checks.h"
#include "../core/review.h"
#include "../report/complaints_report.h"
#include "../report/escape.h"
#include "../report/review_report.h"
#include "../app/casework.h"
#include "../app/readmodel.h"
#include "../base/banned.h"

void view_goal10(Req *r, Buf *b);
static int view_suppress(const Req *r);

/* Index of the latest round with assessments, and the one before it. */
static void
view_latest_rounds(const Plan *p, const Round **pLatest, const Round **pPrev)
{
    *pLatest = *pPrev = NULL;
    for (size_t r = p->nRound; r-- > 0;) {
        int bAny = 0;
        for (size_t i = 0; i < p->nNode && !bAny; i++) {
            bAny = node_find_assessment(&p->aNode[i], p->aRound[r].zCode) != NULL;
        }
        if (!bAny) {
            continue;
        }
        if (!*pLatest) {
            *pLatest = &p->aRound[r];
        } else if (!*pPrev) {
            *pPrev = &p->aRound[r];
        }
    }
}

/* Collection status of an open round: assessments and statements by state. */
static void
view_collection(const Plan *p, const Round *rd, Buf *b)
{
    size_t anAssess[ASSESS_STATE_COUNT] = { 0 }, anStmt[ASSESS_STATE_COUNT] = { 0 };
    size_t nMissing = 0, nActivities = 0;
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (n->iLevel != iLeaf || !a) {
            continue;
        }
        nActivities++;
        anAssess[a->eState]++;
        for (size_t k = 0; k < a->nStmt; k++) {
            anStmt[a->aStmt[k].eState]++;
        }
        for (size_t k = 0; k < n->nResp; k++) {
            const Statement *st = assessment_find_statement(a, n->azResp[k]);
            nMissing += !st || st->eState == ASSESS_DRAFT;
        }
    }
    HTML_LIT(b, "<table><caption>Collection in ");
    esc_html(b, rd->zTitle);
    buf_printf(b, "</caption><thead><tr><th scope=\"col\"></th><th scope=\"col\">"
               "draft</th><th scope=\"col\">submitted</th><th scope=\"col\">"
               "returned</th><th scope=\"col\">approved</th></tr></thead><tbody>"
               "<tr><th scope=\"row\">Activities (%zu)</th>", nActivities);
    for (int s = 0; s < ASSESS_STATE_COUNT; s++) {
        buf_printf(b, "<td class=\"n\">%zu</td>", anAssess[s]);
    }
    HTML_LIT(b, "</tr><tr><th scope=\"row\">Statements</th>");
    for (int s = 0; s < ASSESS_STATE_COUNT; s++) {
        buf_printf(b, "<td class=\"n\">%zu</td>", anStmt[s]);
    }
    buf_printf(b, "</tr></tbody></table><p>%zu ", nMissing);
    esc_html(b, nMissing == 1 ? "statement" : "statements");
    HTML_LIT(b, " of responsible bodies still missing.</p>\n");
}

/* The dashboard's part that depends on the data only: charts and
** sentences of the two latest rounds, the changes, the data-quality count
** (arg: the plan).  Rendered once per snapshot. */
static void
view_dashboard_review(ReadModel *rm, const void *arg, Buf *b)
{
    const Plan *p = arg;
    const Round *latest, *prev;
    view_latest_rounds(p, &latest, &prev);
    if (!latest) {
        HTML_LIT(b, "<p>No round has been assessed yet.</p>");
        return;
    }
    char *zQ = page_plan_query(readmodel_model(rm), p);
    ReviewReport rep;
    AppErr err = APPERR_INIT;
    if (review_report_build(p, latest->zCode, prev ? prev->zCode : NULL,
                            NULL, &rep, &err) == 0) {
        HTML_LIT(b, "<div class=\"rounds\"><section><h2>");
        page_link_round(b, latest, zQ);
        HTML_LIT(b, " <span class=\"small\">(");
        esc_html(b, round_state_name(latest->eState));
        HTML_LIT(b, ")</span></h2>");
        review_chart_svg(&rep, &rep.now, latest->zTitle, b);
        HTML_LIT(b, "</section>");
        if (prev) {
            HTML_LIT(b, "<section><h2>");
            page_link_round(b, prev, zQ);
            HTML_LIT(b, " <span class=\"small\">(");
            esc_html(b, round_state_name(prev->eState));
            HTML_LIT(b, ")</span></h2>");
            review_chart_svg(&rep, &rep.before, prev->zTitle, b);
            HTML_LIT(b, "</section>");
        }
        HTML_LIT(b, "</div>\n<ul>");
        for (size_t i = 0; i < rep.nSentence; i++) {
            HTML_LIT(b, "<li>");
            esc_html(b, rep.azSentence[i]);
            HTML_LIT(b, "</li>");
        }
        HTML_LIT(b, "</ul>\n");
        if (prev) {
            HTML_LIT(b, "<h2>What changed since ");
            esc_html(b, prev->zCode);
            HTML_LIT(b, "</h2><table><thead><tr><th scope=\"col\">Area</th>"
                        "<th scope=\"col\">On Target</th><th scope=\"col\">"
                        "Progressing</th><th scope=\"col\">Not on Target"
                        "</th><th scope=\"col\">Not rated</th></tr></thead>"
                        "<tbody>");
            for (size_t g = 0; g <= rep.now.nGroup; g++) {
                const ReviewGroup *now = g < rep.now.nGroup ? &rep.now.aGroup[g]
                                                            : &rep.now.all;
                const ReviewGroup *old = review_group(&rep.before, now->iNode);
                HTML_LIT(b, "<tr><th scope=\"row\">");
                esc_html(b, review_group_name(&rep, now->iNode));
                HTML_LIT(b, "</th>");
                static const Rating aR[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                             RATING_NOT_ON_TARGET, RATING_NONE };
                for (int k = 0; k < 4; k++) {
                    if (old) {
                        buf_printf(b, "<td class=\"n\">%+ld pts</td>",
                                   review_pp_change(&old->c, &now->c,
                                                    REVIEW_MASK(aR[k])));
                    } else {
                        HTML_LIT(b, "<td class=\"n\">new</td>");
                    }
                }
                HTML_LIT(b, "</tr>");
            }
            buf_printf(b, "</tbody></table><p>Activities rated higher: "
                       "%zu; lower: %zu; new in this round: %zu.</p>\n",
                       rep.changes.nUp, rep.changes.nDown,
                       rep.changes.nNew);
        }
        review_report_release(&rep);
    }
    const Findings *f = readmodel_findings(rm, p, latest->zCode);
    size_t an[3] = { 0, 0, 0 };
    for (size_t i = 0; i < f->n; i++) {
        an[f->a[i].eSeverity]++;
    }
    HTML_LIT(b, "<h2>Data quality</h2><p>");
    buf_printf(b, "%zu errors, %zu warnings, %zu notes in ", an[0], an[1],
               an[2]);
    page_link_round(b, latest, zQ);
    HTML_LIT(b, ".</p>\n");
    free(zQ);
}

/* The collection state of the plan's open rounds (arg: the plan). */
static void
view_dashboard_open(ReadModel *rm, const void *arg, Buf *b)
{
    const Plan *p = arg;
    char *zQ = page_plan_query(readmodel_model(rm), p);
    for (size_t k = 0; k < p->nRound; k++) {
        if (p->aRound[k].eState == ROUND_OPEN) {
            HTML_LIT(b, "<h2>Open round: ");
            page_link_round(b, &p->aRound[k], zQ);
            HTML_LIT(b, "</h2>");
            view_collection(p, &p->aRound[k], b);
        }
    }
    free(zQ);
}

/* ** PAGE: / */
int
page_dashboard(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return 0;
    }
    page_begin(r, w, p->zTitle);
    Buf *b = &w->body;
    if (m->nPlan > 1) {
        /* Several plans: say which one this is and reach the others. */
        HTML_LIT(b, "<p class=\"small\">Plans in this database: ");
        for (size_t i = 0; i < m->nPlan; i++) {
            buf_puts(b, i ? " \xC2\xB7 " : "");
            if (&m->aPlan[i] == p) {
                HTML_LIT(b, "<strong>");
                esc_html(b, p->zTitle);
                HTML_LIT(b, "</strong>");
            } else {
                page_link(b, "/?plan=", m->aPlan[i].zCode, "",
                          m->aPlan[i].zTitle);
            }
        }
        HTML_LIT(b, "</p>\n");
    }
    Buf key = BUF_INIT;
    buf_printf(&key, "dashboard/%s", p->zCode);
    readmodel_fragment(r->pView, buf_str(&key), view_dashboard_review, p, b);
    view_goal10(r, b);
    buf_puts(&key, "/open");
    readmodel_fragment(r->pView, buf_str(&key), view_dashboard_open, p, b);
    buf_release(&key);
    page_end(r, w);
    return 0;
}

static int
view_matches(const Plan *p, size_t i, const char *zFoldQ)
{
    const Node *n = &p->aNode[i];
    if (!*zFoldQ) {
        return 1;
    }
    char *zCode = str_fold(n->zCode);
    int bMatch = strcmp(zCode, zFoldQ) == 0;
    free(zCode);
    if (!bMatch) {
        char *zText = str_fold(n->zText);
        bMatch = 1;
        const char *q = zFoldQ;
        while (*q && bMatch) {
            const char *e = strchr(q, ' ');
            size_t len = e ? (size_t)(e - q) : strlen(q);
            char *zWord = xstrndup(q, len);
            bMatch = strstr(zText, zWord) != NULL;
            free(zWord);
            q += len;
            while (*q == ' ') {
                q++;
            }
        }
        free(zText);
    }
    return bMatch;
}

/* What the plan tree shows: the plan and the folded search words. */
typedef struct ViewPlan {
    const Plan *p;
    const char *zFoldQ;
} ViewPlan;

/* The plan tree with the latest ratings, the leaves matching the search
** and their ancestors; from the data only (kept per snapshot). */
static void
view_plan_tree(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewPlan *x = arg;
    const Plan *p = x->p;
    const char *zFoldQ = x->zFoldQ;
    char *zQ = page_plan_query(readmodel_model(rm), p);
    int iLeaf = plan_leaf_level(p);
    /* Mark matching leaves and their ancestors. */
    char *abShow = xcalloc(p->nNode ? p->nNode : 1, 1);
    size_t nHits = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        if (p->aNode[i].iLevel == iLeaf && view_matches(p, i, zFoldQ)) {
            nHits++;
            for (long k = (long)i; k >= 0; k = p->aNode[k].iParent) {
                abShow[k] = 1;
            }
        }
    }
    if (*zFoldQ) {
        buf_printf(b, "<p>%zu ", nHits);
        esc_html(b, nHits == 1 ? "activity" : "activities");
        HTML_LIT(b, " found.</p>");
    }
    const Round *latest, *prev;
    view_latest_rounds(p, &latest, &prev);
    HTML_LIT(b, "<div class=\"tree\"><ul>");
    int depth = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (!abShow[i]) {
            continue;
        }
        while (depth > n->iLevel) {
            HTML_LIT(b, "</ul></li>");
            depth--;
        }
        HTML_LIT(b, "<li>");
        if (n->iLevel == iLeaf) {
            page_link_activity(b, n->zCode, zQ);
            buf_putc(b, ' ');
            esc_html(b, n->zText);
            const Assessment *a = latest ? node_find_assessment(n, latest->zCode)
                                         : NULL;
            if (a) {
                buf_putc(b, ' ');
                page_rating(b, a->eRating);
            }
            HTML_LIT(b, "<div class=\"small\">Responsible: ");
            for (size_t k = 0; k < n->nResp; k++) {
                buf_puts(b, k ? ", " : "");
                page_link_org(b, n->azResp[k], zQ);
            }
            buf_puts(b, n->nResp ? "" : "none");
            HTML_LIT(b, "; partners: ");
            for (size_t k = 0; k < n->nContrib; k++) {
                buf_puts(b, k ? ", " : "");
                page_link_org(b, n->azContrib[k], zQ);
            }
            buf_puts(b, n->nContrib ? "" : "none");
            HTML_LIT(b, "</div></li>");
        } else {
            HTML_LIT(b, "<strong>");
            esc_html(b, p->aLevel[n->iLevel].zName);
            buf_putc(b, ' ');
            esc_html(b, n->zCode);
            HTML_LIT(b, "</strong> ");
            esc_html(b, n->zText);
            if (n->zIndicator) {
                HTML_LIT(b, "<div class=\"small\">Indicator: ");
                esc_html(b, n->zIndicator);
                HTML_LIT(b, "</div>");
            }
            HTML_LIT(b, "<ul>");
            depth = n->iLevel + 1;
        }
    }
    while (depth > 0) {
        HTML_LIT(b, "</ul></li>");
        depth--;
    }
    HTML_LIT(b, "</ul></div>\n");
    free(abShow);
    free(zQ);
}

/* ** PAGE: /plan */
int
page_plan(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return 0;
    }
    page_begin(r, w, "Plan");
    Buf *b = &w->body;
    const char *zQ = req_query(r, "q");
    HTML_LIT(b, "<form method=\"get\" action=\"/plan\" role=\"search\">"
                "<label for=\"q\">Search by code or words</label><input "
                "id=\"q\" name=\"q\" value=\"");
    esc_html(b, zQ);
    HTML_LIT(b, "\"/> <button type=\"submit\">Search</button></form>\n");
    char *zFoldQ = str_fold(zQ);
    ViewPlan x = { p, zFoldQ };
    Buf key = BUF_INIT;
    buf_printf(&key, "plan/%s/q=%s", p->zCode, zFoldQ);
    readmodel_fragment(r->pView, buf_str(&key), view_plan_tree, &x, b);
    buf_release(&key);
    free(zFoldQ);
    page_end(r, w);
    return 0;
}

/* Which organisation view_org_tasks() shows, in which plan. */
typedef struct ViewOrg {
    const Plan *p;
    const Org *o;
} ViewOrg;

/* An organisation's kind, parent and tasks with the open round's
** statements; from the data only (kept per snapshot). */
static void
view_org_tasks(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewOrg *x = arg;
    const Plan *p = x->p;
    const Org *o = x->o;
    char *zQ = page_plan_query(readmodel_model(rm), p);
    HTML_LIT(b, "<p>");
    esc_html(b, org_kind_name(o->eKind));
    if (o->zParent) {
        HTML_LIT(b, ", part of ");
        page_link_org(b, o->zParent, zQ);
    }
    HTML_LIT(b, "</p>");
    const Round *open = NULL;
    for (size_t k = 0; k < p->nRound; k++) {
        if (p->aRound[k].eState == ROUND_OPEN) {
            open = &p->aRound[k];
        }
    }
    HTML_LIT(b, "<h2>Tasks</h2><table><thead><tr><th scope=\"col\">Activity"
                "</th><th scope=\"col\">Role</th>");
    if (open) {
        HTML_LIT(b, "<th scope=\"col\">Statement in ");
        esc_html(b, open->zCode);
        HTML_LIT(b, "</th>");
    }
    HTML_LIT(b, "</tr></thead><tbody>");
    size_t nTasks = 0, nDue = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const char *zRole = NULL;
        for (size_t k = 0; k < n->nResp && !zRole; k++) {
            zRole = str_eq(n->azResp[k], o->zAcronym) ? "responsible" : NULL;
        }
        for (size_t k = 0; k < n->nContrib && !zRole; k++) {
            zRole = str_eq(n->azContrib[k], o->zAcronym) ? "contributing" : NULL;
        }
        if (!zRole) {
            continue;
        }
        nTasks++;
        HTML_LIT(b, "<tr><td>");
        page_link_activity(b, n->zCode, zQ);
        buf_putc(b, ' ');
        esc_html(b, n->zText);
        HTML_LIT(b, "</td><td>");
        esc_html(b, zRole);
        HTML_LIT(b, "</td>");
        if (open) {
            const Assessment *a = node_find_assessment(n, open->zCode);
            const Statement *st = a ? assessment_find_statement(a, o->zAcronym)
                                    : NULL;
            HTML_LIT(b, "<td>");
            if (!a) {
                HTML_LIT(b, "not in this round");
            } else if (!st) {
                HTML_LIT(b, "<strong>due</strong>");
                nDue++;
            } else {
                esc_html(b, assess_state_name(st->eState));
                if (st->eState == ASSESS_RETURNED && *st->zComment) {
                    HTML_LIT(b, ": ");
                    esc_html(b, st->zComment);
                }
                nDue += st->eState == ASSESS_DRAFT || st->eState == ASSESS_RETURNED;
            }
            HTML_LIT(b, "</td>");
        }
        HTML_LIT(b, "</tr>");
    }
    HTML_LIT(b, "</tbody></table>");
    buf_printf(b, "<p>%zu activities", nTasks);
    if (open) {
        buf_printf(b, "; %zu ", nDue);
        esc_html(b, nDue == 1 ? "statement" : "statements");
        HTML_LIT(b, " due in the open round");
    }
    HTML_LIT(b, ".</p>\n");
    free(zQ);
}

/* ** PAGE: /org/{} */
int
page_org(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return 0;
    }
    const Org *o = model_find_org(m, r->azParam[0]);
    if (!o) {
        web_error(w, 404, "There is no such organisation.");
        return 0;
    }
    Buf title = BUF_INIT;
    buf_printf(&title, "%s — %s", o->zAcronym, o->zName);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    ViewOrg x = { p, o };
    Buf key = BUF_INIT;
    buf_printf(&key, "org/%s/%s", p->zCode, o->zAcronym);
    readmodel_fragment(r->pView, buf_str(&key), view_org_tasks, &x, &w->body);
    buf_release(&key);
    page_end(r, w);
    return 0;
}

/* The plan's rounds with their counts (arg: the plan); kept per snapshot. */
static void
view_rounds_table(ReadModel *rm, const void *arg, Buf *b)
{
    const Plan *p = arg;
    char *zQ = page_plan_query(readmodel_model(rm), p);
    HTML_LIT(b, "<table><thead><tr><th scope=\"col\">Round</th><th "
                "scope=\"col\">As of</th><th scope=\"col\">State</th><th "
                "scope=\"col\">Activities</th><th scope=\"col\">Report</th>"
                "</tr></thead><tbody>");
    for (size_t k = p->nRound; k-- > 0;) {
        const Round *rd = &p->aRound[k];
        size_t n = 0;
        for (size_t i = 0; i < p->nNode; i++) {
            n += node_find_assessment(&p->aNode[i], rd->zCode) != NULL;
        }
        HTML_LIT(b, "<tr><td>");
        page_link_round(b, rd, zQ);
        HTML_LIT(b, "</td><td>");
        esc_html(b, rd->zAsOf ? rd->zAsOf : "");
        HTML_LIT(b, "</td><td>");
        esc_html(b, round_state_name(rd->eState));
        buf_printf(b, "</td><td class=\"n\">%zu</td><td>", n);
        page_link_round_report(b, rd, zQ, "report");
        HTML_LIT(b, "</td></tr>");
    }
    HTML_LIT(b, "</tbody></table>\n");
    free(zQ);
}

/* ** PAGE: /rounds */
int
page_rounds(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return 0;
    }
    page_begin(r, w, "Review rounds");
    Buf key = BUF_INIT;
    buf_printf(&key, "rounds/%s", p->zCode);
    readmodel_fragment(r->pView, buf_str(&key), view_rounds_table, p,
                       &w->body);
    buf_release(&key);
    page_end(r, w);
    return 0;
}

/* Load the model and find the round named in the path; on failure the
** error page is in w and NULL is returned (m still needs releasing). */
static const Round *
view_load_round(Req *r, Resp *w, const Model **m, const Plan **pp)
{
    *pp = page_load(r, w, m);
    if (!*pp) {
        return NULL;
    }
    const Round *rd = plan_find_round(*pp, r->azParam[0]);
    if (!rd) {
        web_error(w, 404, "There is no such round.");
    }
    return rd;
}

/* Which round view_round_body() shows. */
typedef struct ViewRound {
    const Plan *p;
    const Round *rd;
    int bFindings;   /* with the data-quality findings (not for the public) */
} ViewRound;

/* A round's state, collection, activities and findings; from the data
** only (kept per snapshot). */
static void
view_round_body(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewRound *x = arg;
    const Plan *p = x->p;
    const Round *rd = x->rd;
    char *zQ = page_plan_query(readmodel_model(rm), p);
    HTML_LIT(b, "<p>");
    esc_html(b, round_state_name(rd->eState));
    if (rd->zAsOf) {
        HTML_LIT(b, ", as of ");
        esc_html(b, rd->zAsOf);
    }
    HTML_LIT(b, " \xC2\xB7 ");
    page_link_round_report(b, rd, zQ, "the review report");
    HTML_LIT(b, "</p>\n");
    view_collection(p, rd, b);
    HTML_LIT(b, "<h2>Activities</h2><table><thead><tr><th scope=\"col\">"
                "Activity</th><th scope=\"col\">Rating</th><th scope=\"col\">"
                "State</th><th scope=\"col\">Statements</th></tr></thead>"
                "<tbody>");
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (n->iLevel != iLeaf || !a) {
            continue;
        }
        HTML_LIT(b, "<tr><td>");
        page_link_activity(b, n->zCode, zQ);
        HTML_LIT(b, "</td><td>");
        page_rating(b, a->eRating);
        HTML_LIT(b, "</td><td>");
        esc_html(b, assess_state_name(a->eState));
        HTML_LIT(b, "</td><td>");
        for (size_t k = 0; k < a->nStmt; k++) {
            buf_puts(b, k ? ", " : "");
            esc_html(b, a->aStmt[k].zOrg);
            buf_puts(b, ": ");
            esc_html(b, assess_state_name(a->aStmt[k].eState));
        }
        HTML_LIT(b, "</td></tr>");
    }
    HTML_LIT(b, "</tbody></table>\n");
    if (x->bFindings) {
        const Findings *pf = readmodel_findings(rm, p, rd->zCode);
        const Findings f = *pf;
        buf_printf(b, "<h2>Data-quality findings (%zu)</h2><table><thead><tr>"
                   "<th scope=\"col\">Severity</th><th scope=\"col\">Rule</th>"
                   "<th scope=\"col\">Activity</th><th scope=\"col\">Finding"
                   "</th></tr></thead><tbody>", f.n);
        for (size_t i = 0; i < f.n; i++) {
            HTML_LIT(b, "<tr><td>");
            esc_html(b, check_severity_name(f.a[i].eSeverity));
            HTML_LIT(b, "</td><td>");
            esc_html(b, f.a[i].zRule);
            HTML_LIT(b, "</td><td>");
            if (f.a[i].zActivity) {
                page_link_activity(b, f.a[i].zActivity, zQ);
            }
            HTML_LIT(b, "</td><td>");
            esc_html(b, f.a[i].zMessage);
            HTML_LIT(b, "</td></tr>");
        }
        HTML_LIT(b, "</tbody></table>\n");
    }
    free(zQ);
}

/* ** PAGE: /round/{} */
int
page_round(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p;
    const Round *rd = view_load_round(r, w, &m, &p);
    if (!rd) {
        return 0;
    }
    page_begin(r, w, rd->zTitle);
    ViewRound x = { p, rd, !r->bAnon };
    Buf key = BUF_INIT;
    buf_printf(&key, "round/%s/%s/%d", p->zCode, rd->zCode, x.bFindings);
    readmodel_fragment(r->pView, buf_str(&key), view_round_body, &x,
                       &w->body);
    buf_release(&key);
    page_end(r, w);
    return 0;
}

/* What view_round_report() renders. */
typedef struct ViewReport {
    Store *s;            /* for the complaints figure of the round's year */
    const Plan *p;
    const Round *rd;
    const char *zPrev;   /* the round compared with, or NULL */
    int bSuppress;       /* small complaint groups hidden */
} ViewReport;

/* The whole review report of a round as one HTML document ("" when it
** cannot be made).  Kept per snapshot: the complaints register is audited
** too, so a new case moves the data version like any other change. */
static void
view_round_report(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewReport *x = arg;
    ReviewReport rep;
    AppErr err = APPERR_INIT;
    Buf goal10 = BUF_INIT;
    /* Making a report is the slow work: at most WEB_SLOW_WORK at once, so
    ** a crowd asking for new reports leaves threads for everyone else. */
    (void)sem_wait(web_slow_work());
    (void)casework_goal10_of_year(x->s, x->rd->zAsOf, x->bSuppress, &goal10,
                                  &err);
    if (review_report_build(x->p, x->rd->zCode, x->zPrev, NULL, &rep,
                            &err) == 0) {
        rep.zGoal10 = goal10.n ? buf_str(&goal10) : NULL;
        review_render_html(&rep, b);
        review_report_release(&rep);
    }
    (void)sem_post(web_slow_work());
    buf_release(&goal10);
}

/* ** PAGE: /round/{}/report */
int
page_round_report(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p;
    const Round *rd = view_load_round(r, w, &m, &p);
    if (!rd) {
        return 0;
    }
    /* Compared with the round before it, as the CLI's --compare would. */
    const char *zPrev = NULL;
    for (size_t k = 0; k < p->nRound; k++) {
        if (&p->aRound[k] == rd && k > 0) {
            zPrev = p->aRound[k - 1].zCode;
        }
    }
    ViewReport x = { r->s, p, rd, zPrev, view_suppress(r) };
    Buf key = BUF_INIT;
    buf_printf(&key, "report/%s/%s/%d", p->zCode, rd->zCode, x.bSuppress);
    readmodel_fragment(r->pView, buf_str(&key), view_round_report, &x,
                       &w->body);
    buf_release(&key);
    if (w->body.n == 0) {
        web_error(w, 404, "The report cannot be made for this round.");
    } else {
        w->zType = "text/html; charset=utf-8";
    }
    return 0;
}

/* Viewers and the public see no cell of fewer than CASE_SUPPRESS_BELOW
** cases; those who handle cases see all. */
static int
view_suppress(const Req *r)
{
    if (!r->bAuthed) {
        return 1;
    }
    Role e = r->ses.user.eRole;
    return !(e == ROLE_ADMIN || e == ROLE_ME_OFFICER || e == ROLE_CASE_OFFICER);
}

static void
view_complaints_form(Buf *b, const char *zYear)
{
    HTML_LIT(b, "<form method=\"get\" action=\"/complaints\"><label "
                "for=\"year\">Year lodged</label><input id=\"year\" "
                "name=\"year\" value=\"");
    esc_html(b, zYear);
    HTML_LIT(b, "\"/> <button type=\"submit\">Show</button></form>\n");
}

typedef struct ViewRender {
    Buf *b;
    int bSuppress;
    const char *zPeriod;
} ViewRender;

static void
view_render_report(const CaseReport *rep, void *pArg)
{
    ViewRender *x = pArg;
    ComplaintsView v = { rep, x->zPeriod, x->bSuppress };
    complaints_render_html(&v, x->b);
}

/* ** PAGE: /complaints */
int
page_complaints(Req *r, Resp *w)
{
    const char *zYear = req_query(r, "year");
    long y = 0;
    if (*zYear && str_to_long(zYear, 1900, 9999, &y)) {
        web_error(w, 400, "The year is not a year.");
        return 0;
    }
    Buf t = BUF_INIT;
    buf_printf(&t, "Complaints mechanism%s%s", y ? ", " : "", y ? zYear : "");
    page_begin(r, w, buf_str(&t));
    buf_release(&t);
    Buf *b = &w->body;
    view_complaints_form(b, zYear);
    /* From the server's background-made reports: never a scan here. */
    ViewRender x = { b, view_suppress(r), y ? zYear : "all years" };
    if (complaints_cache_use(y, view_render_report, &x)) {
        HTML_LIT(b, "<p>No complaints cases ");
        if (y) {
            HTML_LIT(b, "lodged in ");
            esc_html(b, zYear);
        } else {
            HTML_LIT(b, "yet (import them with 'lmpmon case import', or open "
                        "one under Cases)");
        }
        HTML_LIT(b, ".</p>\n");
    }
    page_end(r, w);
    return 0;
}

/* The goal-10 line of the dashboard, from the server's background-made
** report of all cases. */
static void
view_goal10_line(const CaseReport *rep, void *pArg)
{
    ViewRender *x = pArg;
    ComplaintsView v = { rep, "all years", x->bSuppress };
    Buf s = BUF_INIT;
    buf_printf(&s, "%s: ", x->zPeriod);
    s.z[0] = (char)(s.z[0] >= 'a' && s.z[0] <= 'z' ? s.z[0] - 'a' + 'A' : s.z[0]);
    complaints_indicator_sentence(&v, DIM_ALL, "all", &s);
    buf_puts(&s, "; women: ");
    complaints_indicator_sentence(&v, DIM_SEX, "female", &s);
    buf_puts(&s, "; men: ");
    complaints_indicator_sentence(&v, DIM_SEX, "male", &s);
    buf_puts(&s, ".");
    HTML_LIT(x->b, "<p>");
    esc_html(x->b, buf_str(&s));
    HTML_LIT(x->b, "</p>\n");
    buf_release(&s);
}

void
view_goal10(Req *r, Buf *b)
{
    /* The latest year with cases, then all years. */
    long y = complaints_cache_latest_year();
    if (y == 0) {
        return;
    }
    HTML_LIT(b, "<h2>Goal 10: complaints resolved to the complainant's "
                "satisfaction within 3 months</h2>");
    Buf zy = BUF_INIT;
    buf_printf(&zy, "cases lodged in %ld", y);
    ViewRender x = { b, view_suppress(r), buf_str(&zy) };
    (void)complaints_cache_use(y, view_goal10_line, &x);
    x.zPeriod = "all cases";
    (void)complaints_cache_use(0, view_goal10_line, &x);
    buf_release(&zy);
    HTML_LIT(b, "<p><a href=\"/complaints\">The complaints report</a></p>\n");
}
