/*
** page_view.c — the pages that show: dashboard, plan, activity,
** organisation, rounds, round, the review and coordination reports,
** complaints.
**
** Each page reads the process's shared snapshot (page_load: anonymous
** readers see only published rounds); the parts that depend on the data
** only are rendered once per snapshot (readmodel_fragment), so every
** number is counted from the data as it is now (core/review.c) and
** counted again after any change, never stored.  Every table is a Sheet
** (report/sheet.h) built by one function per page, which both draws it
** and answers its download (?table=ID&format=csv|xlsx): what is
** downloaded is what is shown.  Codes show as their labels (codes.h).
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
#include "../core/coordination.h"
#include "../core/review.h"
#include "../report/complaints_report.h"
#include "../report/coordination_report.h"
#include "../report/escape.h"
#include "../report/collection.h"
#include "../report/review_report.h"
#include "../report/sheet.h"
#include "../app/funding.h"
#include "../app/casework.h"
#include "../app/readmodel.h"
#include "../app/recommendations.h"
#include "../app/workflow.h"
#include "../base/i18n.h"
#include "../base/banned.h"

void view_goal10(Req *r, Buf *b);
static int view_suppress(const Req *r);

/* The latest round with assessments, and the one before it. */
static void
view_latest_rounds(const Plan *p, const Round **pLatest, const Round **pPrev)
{
    *pLatest = *pPrev = NULL;
    for (size_t r = p->nRound; r-- > 0;) {
        int bAny = 0;
        for (size_t i = 0; i < p->nNode && !bAny; i++) {
            bAny =
                node_find_assessment(&p->aNode[i], p->aRound[r].zCode) != NULL;
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

/* The address of an activity, organisation or round page of the plan
** zPlanQ names (page_plan_query()); heap. */
static char *
view_href(const char *zPrefix, const char *zCode, const char *zSuffix,
          const char *zPlanQ)
{
    Buf h = BUF_INIT;
    buf_puts(&h, zPrefix);
    url_encode(&h, zCode);
    buf_puts(&h, zSuffix);
    buf_puts(&h, zPlanQ);
    return buf_detach(&h);
}

/* ---- collection -------------------------------------------------------- */

/* The collection of round rd: activities and statements by workflow
** state, with the totals (sheet "collection"). */
static void
view_collection_sheet(const Plan *p, const Round *rd, Sheet *t)
{
    ReviewProgress g;
    review_progress(p, rd, &g);
    sheet_caption(t, _("Collection in %s"), rd->zTitle);
    t->bRowHeads = 1;
    sheet_col(t, "");
    /* Statements go through one state more than activities (resubmitted)
    ** and end accepted where an activity ends approved: one column each,
    ** an activity's cell empty where it has no such state. */
    sheet_col(t, stmt_state_label(STMT_DRAFT));
    sheet_col(t, stmt_state_label(STMT_SUBMITTED));
    sheet_col(t, stmt_state_label(STMT_RETURNED));
    sheet_col(t, stmt_state_label(STMT_RESUBMITTED));
    sheet_col(t, _("Accepted / approved"));
    sheet_col(t, _("Total"));
    sheet_col(t, _("Rated"));
    sheet_text(t, _("Activities"));
    sheet_num(t, (long)g.anAssess[ASSESS_DRAFT]);
    sheet_num(t, (long)g.anAssess[ASSESS_SUBMITTED]);
    sheet_num(t, (long)g.anAssess[ASSESS_RETURNED]);
    sheet_text(t, "");
    sheet_num(t, (long)g.anAssess[ASSESS_APPROVED]);
    sheet_num(t, (long)g.nAssessed);
    sheet_num(t, (long)g.nRated);
    sheet_text(t, _("Statements"));
    size_t nStmt = 0;
    for (int s = 0; s < STMT_STATE_COUNT; s++) {
        sheet_num(t, (long)g.anStmt[s]);
        nStmt += g.anStmt[s];
    }
    sheet_num(t, (long)nStmt);
    sheet_text(t, "");
}

/* The collection of round rd in words and as a table. */
static void
view_collection(const Plan *p, const Round *rd, const char *zSelf, Buf *b)
{
    ReviewProgress g;
    review_progress(p, rd, &g);
    Buf s = BUF_INIT;
    review_progress_sentence(&g, &s);
    HTML_LIT(b, "<p class=\"progress\">");
    esc_html(b, buf_str(&s));
    HTML_LIT(b, "</p>\n");
    buf_release(&s);
    Sheet t;
    sheet_init(&t, "collection", NULL);
    view_collection_sheet(p, rd, &t);
    page_sheet(b, &t, zSelf);
    sheet_release(&t);
}

/* ---- dashboard --------------------------------------------------------- */

/* "What changed since R": the change of each share in points, per group,
** of report rep (sheet "changes"). */
static void
view_changes_sheet(const ReviewReport *rep, Sheet *t)
{
    Buf cap = BUF_INIT;
    buf_printf(&cap, _("Change since %s, in percentage points"),
               rep->pCompare->zTitle);
    if (rep->bRatedOnly) {
        buf_puts(&cap, _(" (the same activities, rated so far)"));
    }
    free(t->zCaption);
    t->zCaption = buf_detach(&cap);
    t->bRowHeads = 1;
    static const Rating aR[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                 RATING_NOT_ON_TARGET, RATING_NONE };
    Buf h = BUF_INIT;
    utf8_capitalise(&h, level_label(rep->p->aLevel[rep->iLevel].zName));
    sheet_col(t, buf_str(&h));
    buf_release(&h);
    for (int k = 0; k < 4; k++) {
        sheet_col(t, rating_label(aR[k]));
    }
    for (size_t g = 0; g <= rep->now.nGroup; g++) {
        const ReviewGroup *now =
            g < rep->now.nGroup ? &rep->now.aGroup[g] : &rep->now.all;
        const ReviewGroup *old = review_group(&rep->before, now->iNode);
        sheet_text(t, review_group_name(rep, now->iNode));
        for (int k = 0; k < 4; k++) {
            if (old) {
                long pp =
                    review_pp_change(&old->c, &now->c, REVIEW_MASK(aR[k]));
                Buf v = BUF_INIT;
                buf_printf(&v, "%+ld", pp);
                sheet_num_text(t, (double)pp, buf_str(&v));
                buf_release(&v);
            } else {
                sheet_text(t, "new");
            }
        }
    }
}

/* The rounds the dashboard shows of plan p: the latest with assessments
** (*pNow) and the one it is compared with (*pBefore, or NULL).  While
** the latest collects and nothing is rated yet, there is nothing to
** count in it: the dashboard shows the round before on its own. */
static void
view_dashboard_rounds(const Plan *p, const Round **pNow, const Round **pBefore,
                      ReviewProgress *g)
{
    const Round *latest, *prev;
    view_latest_rounds(p, &latest, &prev);
    memset(g, 0, sizeof *g);
    if (latest) {
        review_progress(p, latest, g);
    }
    if (latest && g->bCollecting && g->nRated == 0) {
        *pNow = prev;
        *pBefore = NULL;
    } else {
        *pNow = latest;
        *pBefore = prev;
    }
}

/* What the dashboard's tables are built from: the plan. */
typedef struct ViewDash {
    const Plan *p;
    const char *zSelf;
    const char *zToday; /* YYYY-MM-DD, the installation's */
} ViewDash;

static void view_waiting_sheet(const Plan *p, const char *zPlanQ, Sheet *t);

/* The open round of p whose collection the dashboard shows (the first). */
static const Round *
view_open_round(const Plan *p)
{
    for (size_t k = 0; k < p->nRound; k++) {
        if (p->aRound[k].eState == ROUND_OPEN) {
            return &p->aRound[k];
        }
    }
    return NULL;
}

static void
view_dashboard_sheet(const void *arg, const char *zId, Sheet *t)
{
    const ViewDash *x = arg;
    if (strcmp(zId, "waiting") == 0) {
        view_waiting_sheet(x->p, "", t);
        return;
    }
    if (strcmp(zId, "collection") == 0) {
        const Round *rd = view_open_round(x->p);
        if (rd) {
            view_collection_sheet(x->p, rd, t);
        } else {
            sheet_col(t, _("No round is open"));
        }
        return;
    }
    const Round *now, *before;
    ReviewProgress g;
    view_dashboard_rounds(x->p, &now, &before, &g);
    ReviewReport rep;
    AppErr err = APPERR_INIT;
    if (now && before &&
        review_report_build(x->p, now->zCode, before->zCode, NULL, &rep,
                            &err) == 0) {
        view_changes_sheet(&rep, t);
        review_report_release(&rep);
    } else {
        sheet_col(t, _("Nothing to compare"));
    }
}

static const char *const azDashSheet[] = { "changes", "collection", NULL };
/* An officer's dashboard has the queue of statements to review too. */
static const char *const azDashSheetEditor[] = { "changes", "collection",
                                                 "waiting", NULL };

/* The statements waiting for the officer's review, oldest first (sheet
** "waiting"): since when, activity, organisation, state, round. */
static void
view_waiting_sheet(const Plan *p, const char *zPlanQ, Sheet *t)
{
    sheet_col(t, _("Waiting since"));
    sheet_col(t, _("Activity"));
    sheet_col(t, _("Organisation"));
    sheet_col(t, _("State"));
    sheet_col(t, _("Round"));
    size_t n = 0;
    ReviewWaiting *a = review_waiting(p, &n);
    for (size_t i = 0; i < n; i++) {
        const Node *nd = &p->aNode[a[i].iNode];
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(a[i].pStmt->zUpdatedAt ? a[i].pStmt->zUpdatedAt : "",
                       zWhen, sizeof zWhen);
        sheet_text(t, zWhen);
        char *zHref = view_href("/activity/", nd->zCode, "", zPlanQ);
        sheet_link(t, nd->zCode, zHref);
        free(zHref);
        sheet_text(t, a[i].pStmt->zOrg);
        sheet_badge(t, stmt_state_label(a[i].pStmt->eState),
                    a[i].pStmt->eState == STMT_RESUBMITTED
                        ? "badge s-resubmitted"
                        : "badge s-submitted");
        sheet_text(t, a[i].pRound->zTitle);
    }
    sheet_caption(t,
                  ngettext("%zu statement waiting for review",
                           "%zu statements waiting for review", n),
                  n);
    free(a);
}

/* The chart and sentences of report rep's round, titled. */
static void
view_dashboard_chart(const ReviewReport *rep, const ReviewSummary *s,
                     const char *zQ, Buf *b)
{
    const Round *rd = s->pRound;
    HTML_LIT(b, "<section><h2>");
    page_link_round(b, rd, zQ);
    HTML_LIT(b, " <span class=\"small\">(");
    esc_html(b, round_state_label(rd->eState));
    HTML_LIT(b, ")</span></h2>");
    Buf title = BUF_INIT;
    buf_puts(&title, rd->zTitle);
    if (rep->bRatedOnly) {
        size_t n = rep->now.all.c.nTotal;
        if (s == &rep->now) {
            buf_printf(&title,
                       ngettext(": the %zu activity rated so far",
                                ": the %zu activities rated so far", n),
                       n);
        } else {
            buf_printf(&title,
                       ngettext(": the same %zu activity",
                                ": the same %zu activities", n),
                       n);
        }
    }
    /* On a phone the chart keeps a legible size and scrolls in its box. */
    HTML_LIT(b, "<div class=\"chart-wrap\">");
    review_chart_svg(rep, s, buf_str(&title), b);
    HTML_LIT(b, "</div>");
    buf_release(&title);
    HTML_LIT(b, "</section>");
}

/* The dashboard's part that depends on the data only: charts and
** sentences of the two latest rounds, the changes, the data-quality count
** (arg: ViewDash).  Rendered once per snapshot.  While the latest round
** collects, it says how far collection is and compares only what has
** been rated (core's review_rated_only()). */
static void
view_dashboard_review(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewDash *x = arg;
    const Plan *p = x->p;
    const Round *latest, *prev;
    view_latest_rounds(p, &latest, &prev);
    if (!latest) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "No round has been assessed yet.");
        HTML_LIT(b, "</p>");
        return;
    }
    char *zQ = page_plan_query(readmodel_model(rm), p);
    const Round *now, *before;
    ReviewProgress g;
    view_dashboard_rounds(p, &now, &before, &g);
    if (g.bCollecting) {
        HTML_LIT(b, "<p class=\"progress lead\">");
        page_link_round(b, latest, zQ);
        HTML_LIT(b, " ");
        HTML_TR(b, "is collecting:");
        HTML_LIT(b, " <strong>");
        buf_printf(b,
                   ngettext("%zu of %zu activity rated so far",
                            "%zu of %zu activities rated so far", g.nAssessed),
                   g.nRated, g.nAssessed);
        HTML_LIT(b, "</strong>.");
        if (g.nRated == 0) {
            HTML_LIT(b, " ");
            HTML_TR(b, "Nothing is counted or compared until ratings come in.");
            if (now) {
                HTML_LIT(b, " ");
                HTML_TR(b, "Below: the round before it, as it stands.");
            }
        } else {
            HTML_LIT(b, " ");
            HTML_TR(
                b,
                "The shares and changes below count only those, and compare them with the same activities in the round before.");
        }
        HTML_LIT(b, "</p>\n");
    }
    ReviewReport rep;
    AppErr err = APPERR_INIT;
    if (now && review_report_build(p, now->zCode, before ? before->zCode : NULL,
                                   NULL, &rep, &err) == 0) {
        HTML_LIT(b, "<div class=\"rounds\">");
        view_dashboard_chart(&rep, &rep.now, zQ, b);
        if (before) {
            view_dashboard_chart(&rep, &rep.before, zQ, b);
        }
        HTML_LIT(b, "</div>\n<ul>");
        for (size_t i = 0; i < rep.nSentence; i++) {
            HTML_LIT(b, "<li>");
            esc_html(b, rep.azSentence[i]);
            HTML_LIT(b, "</li>");
        }
        HTML_LIT(b, "</ul>\n");
        if (before) {
            HTML_LIT(b, "<h2>");
            HTML_TR(b, "What changed since");
            HTML_LIT(b, " ");
            esc_html(b, before->zTitle);
            HTML_LIT(b, "</h2>");
            Sheet t;
            sheet_init(&t, "changes", NULL);
            view_changes_sheet(&rep, &t);
            page_sheet(b, &t, x->zSelf);
            sheet_release(&t);
            HTML_LIT(b, "<p>");
            buf_printf(b,
                       _("Activities rated higher: %zu; lower: %zu; new "
                         "in this round: %zu."),
                       rep.changes.nUp, rep.changes.nDown, rep.changes.nNew);
            HTML_LIT(b, "</p>\n");
        }
        review_report_release(&rep);
    }
    const Findings *f = readmodel_findings(rm, p, latest->zCode);
    size_t an[3] = { 0, 0, 0 };
    for (size_t i = 0; i < f->n; i++) {
        an[f->a[i].eSeverity]++;
    }
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Data quality");
    HTML_LIT(b, "</h2><p>");
    buf_printf(b, _("%zu errors, %zu warnings, %zu notes in "), an[0], an[1],
               an[2]);
    page_link_round(b, latest, zQ);
    HTML_LIT(b, ".</p>\n");
    free(zQ);
}

/* The collection state of the plan's open rounds (arg: ViewDash). */
static void
view_dashboard_open(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewDash *x = arg;
    const Plan *p = x->p;
    char *zQ = page_plan_query(readmodel_model(rm), p);
    for (size_t k = 0; k < p->nRound; k++) {
        if (p->aRound[k].eState == ROUND_OPEN) {
            HTML_LIT(b, "<h2>");
            HTML_TR(b, "Open round:");
            HTML_LIT(b, " ");
            page_link_round(b, &p->aRound[k], zQ);
            HTML_LIT(b, "</h2>");
            view_collection(p, &p->aRound[k], x->zSelf, b);
        }
    }
    free(zQ);
}

/* The officer's queue: "Waiting for my review" (arg: ViewDash). */
static void
view_dashboard_waiting(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewDash *x = arg;
    char *zQ = page_plan_query(readmodel_model(rm), x->p);
    const Round *open = view_open_round(x->p);
    if (open && open->zDue) {
        /* Whom to chase: overdue organisations in the open round. */
        size_t n = review_round_overdue(x->p, open, x->zToday);
        HTML_LIT(b, "<p class=\"round-due lead\">");
        page_link_round(b, open, zQ);
        HTML_LIT(b, ": ");
        if (n) {
            HTML_LIT(b, "<strong class=\"badge overdue\">");
            buf_printf(b,
                       ngettext("%zu organisation is overdue",
                                "%zu organisations are overdue", n),
                       n);
            HTML_LIT(b, "</strong>");
        } else {
            HTML_TR(b, "no organisation is overdue");
        }
        HTML_LIT(b, " (");
        HTML_TR(b, "due");
        HTML_LIT(b, " ");
        page_date_words(b, open->zDue);
        HTML_LIT(b, ").</p>\n");
    }
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Waiting for my review");
    HTML_LIT(b, "</h2>");
    Sheet t;
    sheet_init(&t, "waiting", NULL);
    view_waiting_sheet(x->p, zQ, &t);
    page_sheet(b, &t, x->zSelf);
    sheet_release(&t);
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
    char *zSelf = page_self(r);
    char zToday[11];
    str_today_local(zToday);
    ViewDash x = { p, zSelf, zToday };
    int bEditor = r->bAuthed && (r->ses.user.eRole == ROLE_ME_OFFICER ||
                                 r->ses.user.eRole == ROLE_ADMIN);
    if (page_download(r, w, bEditor ? azDashSheetEditor : azDashSheet,
                      view_dashboard_sheet, &x, "dashboard")) {
        free(zSelf);
        return 0;
    }
    page_begin(r, w, plan_title(p, i18n_current()));
    Buf *b = &w->body;
    if (m->nPlan > 1) {
        /* Several plans: say which one this is and reach the others. */
        HTML_LIT(b, "<p class=\"small\">");
        HTML_TR(b, "Plans in this database:");
        HTML_LIT(b, " ");
        for (size_t i = 0; i < m->nPlan; i++) {
            buf_puts(b, i ? " \xC2\xB7 " : "");
            if (&m->aPlan[i] == p) {
                HTML_LIT(b, "<strong>");
                esc_html(b, plan_title(p, i18n_current()));
                HTML_LIT(b, "</strong>");
            } else {
                page_link(b, "/?plan=", m->aPlan[i].zCode, "",
                          plan_title(&m->aPlan[i], i18n_current()));
            }
        }
        HTML_LIT(b, "</p>\n");
    }
    Buf key = BUF_INIT;
    if (bEditor) {
        /* Who is overdue changes with the day as well as the data. */
        buf_printf(&key, "dashboard/%s/waiting/%s", p->zCode, zToday);
        page_fragment(r, w, buf_str(&key), view_dashboard_waiting, &x);
        buf_reset(&key);
    }
    buf_printf(&key, "dashboard/%s", p->zCode);
    page_fragment(r, w, buf_str(&key), view_dashboard_review, &x);
    view_goal10(r, b);
    buf_puts(&key, "/open");
    page_fragment(r, w, buf_str(&key), view_dashboard_open, &x);
    buf_release(&key);
    free(zSelf);
    page_end(r, w);
    return 0;
}

/* ---- plan -------------------------------------------------------------- */

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
    /* The words are looked for in the text in both languages. */
    for (int k = 0; k < 2 && !bMatch; k++) {
        const char *zIn = k == 0 ? n->zText : n->zTextKm;
        if (!zIn) {
            continue;
        }
        char *zText = str_fold(zIn);
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
    const char *zPlanQ; /* page_plan_query() */
} ViewPlan;

/* The activities the plan page finds, as a table (sheet "activities"):
** code, text, latest rating with its round, responsible bodies,
** partners. */
static void
view_plan_sheet(const void *arg, const char *zId, Sheet *t)
{
    const ViewPlan *x = arg;
    const Plan *p = x->p;
    int iLeaf = plan_leaf_level(p);
    sheet_col(t, _("Code"));
    sheet_col(t, _("Activity"));
    sheet_col(t, _("Latest rating"));
    sheet_col(t, _("Rated in"));
    sheet_col(t, _("Responsible"));
    sheet_col(t, _("Partners"));
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf || !view_matches(p, i, x->zFoldQ)) {
            continue;
        }
        char *zHref = view_href("/activity/", n->zCode, "", x->zPlanQ);
        sheet_link(t, n->zCode, zHref);
        free(zHref);
        sheet_text(t, node_text(n, i18n_current()));
        const Round *rd;
        const Assessment *a = review_latest_rated(p, n, &rd);
        page_sheet_rating(t, a ? a->eRating : RATING_NONE);
        sheet_text(t, rd ? rd->zTitle : "");
        Buf o = BUF_INIT;
        for (size_t k = 0; k < n->nResp; k++) {
            buf_printf(&o, "%s%s", k ? ", " : "", n->azResp[k]);
        }
        sheet_text(t, buf_str(&o));
        buf_reset(&o);
        for (size_t k = 0; k < n->nContrib; k++) {
            buf_printf(&o, "%s%s", k ? ", " : "", n->azContrib[k]);
        }
        sheet_text(t, buf_str(&o));
        buf_release(&o);
    }
}

static const char *const azPlanSheet[] = { "activities", NULL };

/* The plan tree with each activity's latest rated assessment (and its
** round: an open round's "not rated" says nothing yet), the leaves
** matching the search and their ancestors; from the data only (kept per
** snapshot). */
static void
view_plan_tree(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewPlan *x = arg;
    const Plan *p = x->p;
    const char *zFoldQ = x->zFoldQ;
    const char *zQ = x->zPlanQ;
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
        HTML_LIT(b, "<p>");
        buf_printf(
            b, ngettext("%zu activity found.", "%zu activities found.", nHits),
            nHits);
        HTML_LIT(b, "</p>");
    }
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
            esc_html(b, node_text(n, i18n_current()));
            const Round *rd;
            const Assessment *a = review_latest_rated(p, n, &rd);
            buf_putc(b, ' ');
            page_rating(b, a ? a->eRating : RATING_NONE);
            if (rd) {
                HTML_LIT(b, " <span class=\"small\">");
                esc_html(b, rd->zTitle);
                HTML_LIT(b, "</span>");
            }
            HTML_LIT(b, "<div class=\"small\">");
            HTML_TR(b, "Responsible:");
            HTML_LIT(b, " ");
            for (size_t k = 0; k < n->nResp; k++) {
                buf_puts(b, k ? ", " : "");
                page_link_org(b, n->azResp[k], zQ);
            }
            esc_html(b, n->nResp ? "" : _("none"));
            HTML_TR(b, "; partners:");
            HTML_LIT(b, " ");
            for (size_t k = 0; k < n->nContrib; k++) {
                buf_puts(b, k ? ", " : "");
                page_link_org(b, n->azContrib[k], zQ);
            }
            esc_html(b, n->nContrib ? "" : _("none"));
            HTML_LIT(b, "</div></li>");
        } else {
            HTML_LIT(b, "<strong>");
            esc_html(b, level_label(p->aLevel[n->iLevel].zName));
            buf_putc(b, ' ');
            esc_html(b, n->zCode);
            HTML_LIT(b, "</strong> ");
            esc_html(b, node_text(n, i18n_current()));
            const char *zInd = node_indicator(n, i18n_current());
            if (zInd) {
                HTML_LIT(b, "<div class=\"small\">");
                HTML_TR(b, "Indicator:");
                HTML_LIT(b, " ");
                esc_html(b, zInd);
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
    (void)rm;
}

/* Links to download what a page shows as a list, as the table zId. */
static void
view_download_links(Buf *b, const char *zSelf, const char *zId,
                    const char *zWhat)
{
    Buf h = BUF_INIT;
    HTML_LIT(b, "<p class=\"downloads small\">");
    HTML_TR(b, "Download");
    HTML_LIT(b, " ");
    esc_html(b, zWhat);
    HTML_LIT(b, ": <a download=\"\" href=\"");
    buf_printf(&h, "%s%stable=", zSelf, strchr(zSelf, '?') ? "&" : "?");
    buf_puts(&h, zId);
    size_t n = h.n;
    buf_puts(&h, "&format=csv");
    esc_html(b, buf_str(&h));
    HTML_LIT(b, "\">");
    HTML_TR(b, "CSV");
    HTML_LIT(b, "</a> \xC2\xB7 <a download=\"\" href=\"");
    buf_truncate(&h, n);
    buf_puts(&h, "&format=xlsx");
    esc_html(b, buf_str(&h));
    HTML_LIT(b, "\">");
    HTML_TR(b, "XLSX");
    HTML_LIT(b, "</a></p>\n");
    buf_release(&h);
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
    const char *zQ = req_query(r, "q");
    char *zFoldQ = str_fold(zQ);
    char *zPlanQ = page_plan_query(m, p);
    ViewPlan x = { p, zFoldQ, zPlanQ };
    char *zSelf = page_self(r);
    if (page_download(r, w, azPlanSheet, view_plan_sheet, &x, "plan")) {
        goto out;
    }
    page_begin(r, w, _("Plan"));
    Buf *b = &w->body;
    HTML_LIT(
        b,
        "<form method=\"get\" action=\"/plan\" role=\"search\"><label for=\"q\">");
    HTML_TR(b, "Search by code or words");
    HTML_LIT(b, "</label><input id=\"q\" name=\"q\" value=\"");
    esc_html(b, zQ);
    HTML_LIT(b, "\"/> <button type=\"submit\">");
    HTML_TR(b, "Search");
    HTML_LIT(b, "</button></form>\n");
    HTML_LIT(b, "<p class=\"small\">");
    HTML_TR(
        b, "Each activity shows its latest rating and the round that gave it.");
    if (r->bAuthed && (r->ses.user.eRole == ROLE_ME_OFFICER ||
                       r->ses.user.eRole == ROLE_ADMIN)) {
        /* The M&E officer writes the plan's Khmer beside its English. */
        Buf h = BUF_INIT;
        buf_printf(&h, "/plan/khmer%s", zPlanQ);
        HTML_LIT(b, " <a href=\"");
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\">");
        buf_release(&h);
        HTML_TR(b, "Edit the Khmer texts of the plan and the organisations");
        HTML_LIT(b, "</a>");
    }
    HTML_LIT(b, "</p>\n");
    view_download_links(b, zSelf, "activities",
                        *zFoldQ ? _("these activities") : _("the activities"));
    Buf key = BUF_INIT;
    buf_printf(&key, "plan/%s/q=%s", p->zCode, zFoldQ);
    page_fragment(r, w, buf_str(&key), view_plan_tree, &x);
    buf_release(&key);
    page_end(r, w);
out:
    free(zSelf);
    free(zPlanQ);
    free(zFoldQ);
    return 0;
}

/* ---- organisation ------------------------------------------------------ */

/* Which organisation view_org_tasks() shows, in which plan. */
typedef struct ViewOrg {
    const Plan *p;
    const Org *o;
    const char *zPlanQ;
    const char *zSelf;
    const char *zToday; /* YYYY-MM-DD, the installation's */
} ViewOrg;

/* The open round of p, or NULL. */
static const Round *
view_org_open(const Plan *p)
{
    const Round *open = NULL;
    for (size_t k = 0; k < p->nRound; k++) {
        if (p->aRound[k].eState == ROUND_OPEN) {
            open = &p->aRound[k];
        }
    }
    return open;
}

/* One of an organisation's tasks: a linked activity and what its
** statement in the open round needs. */
typedef struct ViewTask {
    size_t iNode;
    int iRole; /* LinkRole */
    ReviewNeed eNeed;
} ViewTask;

/* Most urgent first (review_need()), then in plan order. */
static int
view_task_cmp(const void *pa, const void *pb)
{
    const ViewTask *a = pa, *b = pb;
    if (a->eNeed != b->eNeed) {
        return a->eNeed < b->eNeed ? -1 : 1;
    }
    return a->iNode < b->iNode ? -1 : a->iNode > b->iNode;
}

/* An organisation's tasks with the open round's statements (sheet
** "tasks"), what needs it first: returned, not begun, drafts, then the
** rest; anNeed[NEED_COUNT] counts them (all NEED_NONE without an open
** round). */
static void
view_org_tasks_sheet(const ViewOrg *x, Sheet *t, size_t anNeed[NEED_COUNT])
{
    const Plan *p = x->p;
    const Org *o = x->o;
    const Round *open = view_org_open(p);
    sheet_col(t, _("Activity"));
    sheet_col(t, _("Title"));
    sheet_col(t, _("Role"));
    Buf h = BUF_INIT;
    if (open) {
        buf_printf(&h, _("Statement in %s"), open->zTitle);
        sheet_col(t, buf_str(&h));
    }
    buf_release(&h);
    memset(anNeed, 0, NEED_COUNT * sizeof *anNeed);
    char zToday[11];
    str_today_local(zToday);
    ViewTask *aTask = NULL;
    size_t nTask = 0, nAlloc = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        int iRole = -1;
        for (size_t k = 0; k < n->nResp && iRole < 0; k++) {
            iRole = str_eq(n->azResp[k], o->zAcronym) ? LINK_RESPONSIBLE : -1;
        }
        for (size_t k = 0; k < n->nContrib && iRole < 0; k++) {
            iRole =
                str_eq(n->azContrib[k], o->zAcronym) ? LINK_CONTRIBUTING : -1;
        }
        if (iRole < 0) {
            continue;
        }
        const Assessment *a =
            open ? node_find_assessment(n, open->zCode) : NULL;
        xgrow((void **)&aTask, &nAlloc, nTask, sizeof *aTask);
        aTask[nTask++] = (ViewTask){
            i, iRole,
            review_need(a, a ? assessment_find_statement(a, o->zAcronym) : NULL)
        };
        anNeed[aTask[nTask - 1].eNeed]++;
    }
    if (open && nTask) {
        qsort(aTask, nTask, sizeof *aTask, view_task_cmp);
    }
    for (size_t k = 0; k < nTask; k++) {
        const Node *n = &p->aNode[aTask[k].iNode];
        char *zHref = view_href("/activity/", n->zCode, "", x->zPlanQ);
        sheet_link(t, n->zCode, zHref);
        free(zHref);
        sheet_text_clip(t, node_text(n, i18n_current()), 80);
        sheet_text(t, link_role_label((LinkRole)aTask[k].iRole));
        if (!open) {
            continue;
        }
        const Assessment *a = node_find_assessment(n, open->zCode);
        const Statement *st =
            a ? assessment_find_statement(a, o->zAcronym) : NULL;
        ReviewNeed e = aTask[k].eNeed;
        if (review_task_overdue(open, o->zAcronym,
                                aTask[k].iRole == LINK_RESPONSIBLE, e,
                                zToday)) {
            Buf w = BUF_INIT;
            buf_printf(&w, _("%s, overdue"), review_need_label(e));
            sheet_badge(t, buf_str(&w), "badge overdue");
            buf_release(&w);
        } else if (e == NEED_NOT_BEGUN) {
            sheet_badge(t, review_need_label(e), "badge due");
        } else if (e == NEED_RETURNED && st) {
            /* The officer's comments are the organisation's only: they
            ** are in the statement's thread on the activity page, not on
            ** this page, which anyone may read. */
            sheet_badge(t, review_need_label(e), "badge returned");
        } else {
            sheet_text(t, review_need_label(e));
        }
    }
    free(aTask);
}

static void
view_org_sheet(const void *arg, const char *zId, Sheet *t)
{
    size_t anNeed[NEED_COUNT];
    view_org_tasks_sheet(arg, t, anNeed);
    (void)zId;
}

static const char *const azOrgSheet[] = { "tasks", NULL };

/* When the organisation's statements in the open round are due, in words,
** and whether it is overdue: what its reporters see first. */
static void
view_org_due(const ViewOrg *x, Buf *b)
{
    const Round *open = view_org_open(x->p);
    if (!open) {
        return;
    }
    size_t n = 0;
    ReviewOrgProgress *a = review_org_progress(x->p, open, x->zToday, &n);
    const ReviewOrgProgress *o = NULL;
    for (size_t i = 0; i < n && !o; i++) {
        o = str_eq(a[i].zOrg, x->o->zAcronym) ? &a[i] : NULL;
    }
    if (o && o->zDue) {
        const RoundExt *e = review_org_ext(open, o->zOrg);
        HTML_LIT(b, "<p class=\"round-due lead\">");
        esc_html(b, open->zTitle);
        HTML_LIT(b, ": ");
        HTML_TR(b, "due");
        HTML_LIT(b, " <strong>");
        page_date_words(b, o->zDue);
        HTML_LIT(b, "</strong>");
        if (e && e->zDue) {
            HTML_LIT(b, " (");
            HTML_TR(b, "extended");
            HTML_LIT(b, ")");
        }
        HTML_LIT(b, ", ");
        if (o->bOverdue) {
            HTML_LIT(b, "<strong class=\"badge overdue\">");
            page_due_when(b, x->zToday, o->zDue, 1);
            HTML_LIT(b, "</strong>");
        } else {
            page_due_when(b, x->zToday, o->zDue, 0);
        }
        HTML_LIT(b, " \xE2\x80\x94 ");
        if (o->nOwedOpen) {
            buf_printf(b,
                       ngettext("%zu statement still owed",
                                "%zu statements still owed", o->nOwedOpen),
                       o->nOwedOpen);
        } else {
            HTML_TR(b, "nothing more is owed");
        }
        HTML_LIT(b, ".</p>\n");
    }
    free(a);
}

/* An organisation's kind, parent and tasks; from the data only (kept per
** snapshot). */
static void
view_org_tasks(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewOrg *x = arg;
    const Org *o = x->o;
    HTML_LIT(b, "<p>");
    esc_html(b, org_kind_label(o->eKind));
    if (o->zParent) {
        HTML_TR(b, ", part of");
        HTML_LIT(b, " ");
        page_link_org(b, o->zParent, x->zPlanQ);
    }
    HTML_LIT(b, "</p>\n");
    view_org_due(x, b);
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Tasks");
    HTML_LIT(b, "</h2>");
    Sheet t;
    sheet_init(&t, "tasks", NULL);
    size_t anNeed[NEED_COUNT];
    view_org_tasks_sheet(x, &t, anNeed);
    size_t nTasks = 0;
    for (int e = 0; e < NEED_COUNT; e++) {
        nTasks += anNeed[e];
    }
    /* The counts first: what is waiting, then the table in that order. */
    HTML_LIT(b, "<p class=\"counts\">");
    buf_printf(b, ngettext("%zu activity", "%zu activities", nTasks), nTasks);
    const Round *open = view_org_open(x->p);
    if (open) {
        HTML_LIT(b, " \xE2\x80\x94 ");
        esc_html(b, open->zTitle);
        HTML_LIT(b, ":");
        int bFirst = 1;
        for (int e = 0; e < NEED_COUNT; e++) {
            if (anNeed[e] == 0) {
                continue;
            }
            if (!bFirst) {
                HTML_LIT(b, " \xC2\xB7");
            }
            bFirst = 0;
            buf_printf(b, " %zu ", anNeed[e]);
            esc_html(b, review_need_label((ReviewNeed)e));
        }
    }
    HTML_LIT(b, "</p>\n");
    page_sheet(b, &t, x->zSelf);
    sheet_release(&t);
    (void)rm;
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
        web_error(r, w, 404, _("There is no such organisation."));
        return 0;
    }
    char *zPlanQ = page_plan_query(m, p);
    char *zSelf = page_self(r);
    char zToday[11];
    str_today_local(zToday);
    ViewOrg x = { p, o, zPlanQ, zSelf, zToday };
    if (!page_download(r, w, azOrgSheet, view_org_sheet, &x, o->zAcronym)) {
        Buf title = BUF_INIT;
        buf_printf(&title, "%s — %s", o->zAcronym, org_name(o, i18n_current()));
        page_begin(r, w, buf_str(&title));
        buf_release(&title);
        Buf key = BUF_INIT;
        /* Overdue or not changes with the day as well as the data. */
        buf_printf(&key, "org/%s/%s/%s", p->zCode, o->zAcronym, zToday);
        page_fragment(r, w, buf_str(&key), view_org_tasks, &x);
        buf_release(&key);
        page_end(r, w);
    }
    free(zSelf);
    free(zPlanQ);
    return 0;
}

/* ---- rounds ------------------------------------------------------------ */

/* What the rounds' tables are built from. */
typedef struct ViewRounds {
    const Plan *p;
    const char *zPlanQ;
    const char *zSelf;
} ViewRounds;

/* The plan's rounds with their counts, newest first (sheet "rounds"). */
static void
view_rounds_sheet(const void *arg, const char *zId, Sheet *t)
{
    const ViewRounds *x = arg;
    const Plan *p = x->p;
    sheet_col(t, _("Round"));
    sheet_col(t, _("As of"));
    sheet_col(t, _("State"));
    sheet_col(t, _("Due"));
    sheet_col(t, _("Activities"));
    sheet_col(t, _("Rated"));
    sheet_col(t, _("Report"));
    for (size_t k = p->nRound; k-- > 0;) {
        const Round *rd = &p->aRound[k];
        ReviewProgress g;
        review_progress(p, rd, &g);
        char *zHref = view_href("/round/", rd->zCode, "", x->zPlanQ);
        sheet_link(t, rd->zTitle, zHref);
        free(zHref);
        sheet_text(t, rd->zAsOf ? rd->zAsOf : "");
        sheet_text(t, round_state_label(rd->eState));
        sheet_text(t, rd->zDue ? rd->zDue : "");
        sheet_num(t, (long)g.nAssessed);
        sheet_num(t, (long)g.nRated);
        zHref = view_href("/round/", rd->zCode, "/report", x->zPlanQ);
        sheet_link(t, _("Review report"), zHref);
        free(zHref);
    }
}

static const char *const azRoundsSheet[] = { "rounds", NULL };

static void
view_rounds_table(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewRounds *x = arg;
    Sheet t;
    sheet_init(&t, "rounds", NULL);
    view_rounds_sheet(x, "rounds", &t);
    page_sheet(b, &t, x->zSelf);
    sheet_release(&t);
    (void)rm;
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
    char *zPlanQ = page_plan_query(m, p);
    char *zSelf = page_self(r);
    ViewRounds x = { p, zPlanQ, zSelf };
    if (!page_download(r, w, azRoundsSheet, view_rounds_sheet, &x, "rounds")) {
        page_begin(r, w, _("Review rounds"));
        Buf key = BUF_INIT;
        buf_printf(&key, "rounds/%s", p->zCode);
        page_fragment(r, w, buf_str(&key), view_rounds_table, &x);
        buf_release(&key);
        page_end(r, w);
    }
    free(zSelf);
    free(zPlanQ);
    return 0;
}

/* ---- round ------------------------------------------------------------- */

/* Load the model and find the round named in the path; on failure the
** error page is in w and NULL is returned. */
static const Round *
view_load_round(Req *r, Resp *w, const Model **m, const Plan **pp)
{
    *pp = page_load(r, w, m);
    if (!*pp) {
        return NULL;
    }
    const Round *rd = plan_find_round(*pp, r->azParam[0]);
    if (!rd) {
        web_error(r, w, 404, _("There is no such round."));
    }
    return rd;
}

/* Which round view_round_body() shows. */
typedef struct ViewRound {
    ReadModel *rm;
    const Plan *p;
    const Round *rd;
    const char *zToday; /* YYYY-MM-DD, the installation's: who is overdue */
    int bFindings;      /* with the data-quality findings (not for the
                        ** public) */
    const char *zPlanQ;
    const char *zSelf;
} ViewRound;

/* The address of organisation zOrg's page, keeping the plan (arg: the
** "?plan=" query of the page, or ""). */
static void
view_org_href(Buf *pHref, const char *zOrg, const void *arg)
{
    buf_puts(pHref, "/org/");
    url_encode(pHref, zOrg);
    buf_puts(pHref, (const char *)arg); /* an address: the sheet escapes it */
}

/* The round's activities (sheet "activities"). */
static void
view_round_activities(const ViewRound *x, Sheet *t)
{
    const Plan *p = x->p;
    const Round *rd = x->rd;
    sheet_col(t, _("Activity"));
    sheet_col(t, _("Title"));
    sheet_col(t, _("Responsible"));
    sheet_col(t, _("Rating"));
    sheet_col(t, _("State"));
    sheet_col(t, _("Statements"));
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (n->iLevel != iLeaf || !a) {
            continue;
        }
        char *zHref = view_href("/activity/", n->zCode, "", x->zPlanQ);
        sheet_link(t, n->zCode, zHref);
        free(zHref);
        sheet_text_clip(t, node_text(n, i18n_current()), 80);
        Buf v = BUF_INIT;
        for (size_t k = 0; k < n->nResp; k++) {
            buf_printf(&v, "%s%s", k ? ", " : "", n->azResp[k]);
        }
        sheet_text(t, buf_str(&v));
        page_sheet_rating(t, a->eRating);
        sheet_text(t, review_assessment_status(rd, a, NULL));
        buf_reset(&v);
        for (size_t k = 0; k < a->nStmt; k++) {
            buf_printf(&v, "%s%s: %s", k ? ", " : "", a->aStmt[k].zOrg,
                       stmt_state_label(a->aStmt[k].eState));
        }
        sheet_text(t, buf_str(&v));
        buf_release(&v);
    }
}

/* The round's data-quality findings (sheet "findings"). */
static void
view_round_findings(const ViewRound *x, Sheet *t)
{
    const Findings *f = readmodel_findings(x->rm, x->p, x->rd->zCode);
    sheet_caption(t, _("%zu findings"), f->n);
    sheet_col(t, _("Severity"));
    sheet_col(t, _("Rule"));
    sheet_col(t, _("Activity"));
    sheet_col(t, _("Finding"));
    for (size_t i = 0; i < f->n; i++) {
        static const char *const azSev[] = { "badge sev-error",
                                             "badge sev-warning",
                                             "badge sev-info" };
        sheet_badge(t, check_severity_label(f->a[i].eSeverity),
                    azSev[f->a[i].eSeverity]);
        sheet_text(t, check_rule_label(f->a[i].zRule));
        if (f->a[i].zActivity) {
            char *zHref =
                view_href("/activity/", f->a[i].zActivity, "", x->zPlanQ);
            sheet_link(t, f->a[i].zActivity, zHref);
            free(zHref);
        } else {
            sheet_text(t, "");
        }
        sheet_text(t, f->a[i].zMessage);
    }
}

/* The round's extensions (sheet "extensions"): organisation, its due
** date, why, who granted it and when; removed ones are left out. */
static void
view_round_extensions(const ViewRound *x, Sheet *t)
{
    const Round *rd = x->rd;
    sheet_col(t, _("Organisation"));
    sheet_col(t, _("Due"));
    sheet_col(t, _("Reason"));
    sheet_col(t, _("Granted by"));
    sheet_col(t, _("When"));
    size_t n = 0;
    for (size_t i = 0; i < rd->nExt; i++) {
        const RoundExt *e = &rd->aExt[i];
        if (!e->zDue) {
            continue;
        }
        n++;
        Buf href = BUF_INIT;
        view_org_href(&href, e->zOrg, x->zPlanQ);
        sheet_link(t, e->zOrg, buf_str(&href));
        buf_release(&href);
        sheet_text(t, e->zDue);
        sheet_text(t, e->zReason ? e->zReason : "");
        sheet_text(t, e->zBy ? e->zBy : "");
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(e->zAt ? e->zAt : "", zWhen, sizeof zWhen);
        sheet_text(t, zWhen);
    }
    sheet_caption(t,
                  ngettext("%zu organisation has an extension",
                           "%zu organisations have an extension", n),
                  n);
}

static void
view_round_sheet(const void *arg, const char *zId, Sheet *t)
{
    const ViewRound *x = arg;
    if (strcmp(zId, "extensions") == 0) {
        view_round_extensions(x, t);
    } else if (strcmp(zId, "collection") == 0) {
        view_collection_sheet(x->p, x->rd, t);
    } else if (strcmp(zId, "organisations") == 0) {
        sheet_release(t);
        collection_sheet(readmodel_model(x->rm), x->p, x->rd, x->zToday,
                         "organisations", view_org_href, x->zPlanQ, t);
    } else if (strcmp(zId, "findings") == 0) {
        view_round_findings(x, t);
    } else if (strcmp(zId, "chapters") == 0) {
        page_round_chapters_sheet(x->rd, x->zPlanQ, t);
    } else {
        view_round_activities(x, t);
    }
}

static const char *const azRoundSheet[] = {
    "activities", "collection", "organisations", "extensions", "findings",
    "chapters",   NULL
};
static const char *const azRoundSheetPublic[] = { "activities", "collection",
                                                  NULL };

/* When round x->rd is due, in words: "Due 31 January 2019, in 5 days.",
** or, open and past its date, how many days overdue and how many
** organisations still owe statements. */
static void
view_round_due(const ViewRound *x, Buf *b)
{
    const Round *rd = x->rd;
    HTML_LIT(b, "<p class=\"round-due\">");
    if (!rd->zDue) {
        HTML_TR(b, "No due date.");
        HTML_LIT(b, "</p>\n");
        return;
    }
    size_t nOverdue = review_round_overdue(x->p, rd, x->zToday);
    HTML_TR(b, "Due");
    HTML_LIT(b, " <strong>");
    page_date_words(b, rd->zDue);
    HTML_LIT(b, "</strong>, ");
    page_due_when(b, x->zToday, rd->zDue, rd->eState == ROUND_OPEN);
    if (nOverdue) {
        HTML_LIT(b, ": <strong class=\"badge overdue\">");
        buf_printf(b,
                   ngettext("%zu organisation is overdue",
                            "%zu organisations are overdue", nOverdue),
                   nOverdue);
        HTML_LIT(b, "</strong>");
    }
    HTML_LIT(b, ".</p>\n");
}

/* The head of a round's page: its state, when it is due, its reports;
** from the data and the day only (kept per snapshot and day). */
static void
view_round_head(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewRound *x = arg;
    const Round *rd = x->rd;
    HTML_LIT(b, "<p>");
    esc_html(b, round_state_label(rd->eState));
    if (rd->zAsOf) {
        HTML_TR(b, ", as of");
        HTML_LIT(b, " ");
        esc_html(b, rd->zAsOf);
    }
    HTML_LIT(b, "</p>\n");
    view_round_due(x, b);
    HTML_LIT(b, "<p class=\"reports\">");
    page_link_round_report(b, rd, x->zPlanQ, _("The review report"));
    HTML_LIT(b, " (");
    for (const ReportFormat *f = aReviewFormat; f->zName; f++) {
        if (!review_format_offered(f, rd)) {
            continue;
        }
        Buf h = BUF_INIT;
        buf_printf(&h, "/report%s%sformat=%s", x->zPlanQ,
                   *x->zPlanQ ? "&" : "?", f->zName);
        buf_puts(b, f == aReviewFormat ? "" : " \xC2\xB7 ");
        page_link(b, "/round/", rd->zCode, buf_str(&h), _(f->zLabel));
        buf_release(&h);
    }
    HTML_LIT(b, ") \xC2\xB7 ");
    Buf h = BUF_INIT;
    buf_printf(&h, "/coordination%s", x->zPlanQ);
    page_link(b, "/round/", rd->zCode, buf_str(&h),
              _("The coordination report"));
    buf_reset(&h);
    buf_printf(&h, "/recommendations%s", x->zPlanQ);
    HTML_LIT(b, " \xC2\xB7 ");
    page_link(b, "/round/", rd->zCode, buf_str(&h),
              _("Recommendations and priorities"));
    buf_reset(&h);
    buf_printf(&h, "/action-plan%s", x->zPlanQ);
    HTML_LIT(b, " \xC2\xB7 ");
    page_link(b, "/round/", rd->zCode, buf_str(&h), _("Action plan"));
    buf_release(&h);
    HTML_LIT(b, "</p>\n");
    (void)rm;
}

/* The rest of the round's page: collection, by organisation, extensions,
** activities and findings; from the data only (kept per snapshot). */
static void
view_round_body(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewRound *x = arg;
    const Round *rd = x->rd;
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Collection");
    HTML_LIT(b, "</h2>");
    view_collection(x->p, rd, x->zSelf, b);
    if (x->bFindings) {
        /* Statements are not in a public reader's view: no counts of
        ** them to show. */
        HTML_LIT(b, "<h2>");
        HTML_TR(b, "By organisation");
        HTML_LIT(b, "</h2>");
        Sheet o;
        collection_sheet(readmodel_model(x->rm), x->p, rd, x->zToday,
                         "organisations", view_org_href, x->zPlanQ, &o);
        page_sheet(b, &o, x->zSelf);
        sheet_release(&o);
        HTML_LIT(b, "<h2 id=\"extensions\">");
        HTML_TR(b, "Extensions");
        HTML_LIT(b, "</h2>");
        sheet_init(&o, "extensions", NULL);
        view_round_extensions(x, &o);
        page_sheet(b, &o, x->zSelf);
        sheet_release(&o);
    }
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Activities");
    HTML_LIT(b, "</h2>");
    Sheet t;
    sheet_init(&t, "activities", NULL);
    view_round_activities(x, &t);
    page_sheet(b, &t, x->zSelf);
    sheet_release(&t);
    if (x->bFindings) {
        HTML_LIT(b, "<h2>");
        HTML_TR(b, "Data-quality findings");
        HTML_LIT(b, "</h2>");
        sheet_init(&t, "findings", NULL);
        view_round_findings(x, &t);
        page_sheet(b, &t, x->zSelf);
        sheet_release(&t);
    }
    (void)rm;
}

/* The hidden fields every due-date form starts with: the CSRF token and a
** second plan's code. */
static void
view_due_form_start(const Req *r, Buf *b, const Round *rd, const char *zWhat,
                    const char *zPlanQ, const Plan *p)
{
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    Buf action = BUF_INIT;
    buf_puts(&action, "/round/");
    url_encode(&action, rd->zCode);
    buf_puts(&action, zWhat);
    esc_html(b, buf_str(&action));
    buf_release(&action);
    HTML_LIT(b, "\">");
    page_csrf_field(r, b);
    if (*zPlanQ) {
        page_hidden(b, "plan", p->zCode);
    }
}

/* The M&E officer's forms on a round's page: its due date, and an
** organisation's extension (picked from the directory).  After a refused
** post (bKeep) they show what was sent; each carries what the page
** showed (the due date, the extensions' versions) so a change meanwhile
** is refused. */
static void
view_round_due_forms(const Req *r, Buf *b, const Model *m, const Plan *p,
                     const Round *rd, const char *zPlanQ, const char *zKind)
{
    int bKeepDue = str_eq(zKind, "due");
    int bKeepExt = str_eq(zKind, "extension");
    /* Folded away unless a refused post brings the user back to it. */
    if (bKeepDue || bKeepExt) {
        HTML_LIT(b, "<details class=\"forms\" open=\"open\"><summary>");
    } else {
        HTML_LIT(b, "<details class=\"forms\"><summary>");
    }
    HTML_TR(b, "Set the due date or give an organisation more time");
    HTML_LIT(b, "</summary>");
    view_due_form_start(r, b, rd, "/due", zPlanQ, p);
    HTML_LIT(b, "<h3>");
    HTML_TR(b, "Due date");
    HTML_LIT(b, "</h3><input type=\"hidden\" name=\"was\" value=\"");
    esc_html(b, bKeepDue ? req_form(r, "was") : rd->zDue ? rd->zDue : "");
    HTML_LIT(b, "\"/><label for=\"due\">");
    HTML_TR(b, "Statements are due by (empty: no due date)");
    HTML_LIT(b, "</label><input id=\"due\" name=\"due\" type=\"date\" "
                "value=\"");
    esc_html(b, bKeepDue ? req_form(r, "due") : rd->zDue ? rd->zDue : "");
    HTML_LIT(b, "\"/><div><button type=\"submit\">");
    HTML_TR(b, "Save the due date");
    HTML_LIT(b, "</button></div></form>");

    view_due_form_start(r, b, rd, "/extension", zPlanQ, p);
    HTML_LIT(b, "<h3>");
    HTML_TR(b, "Give an organisation more time");
    HTML_LIT(b, "</h3>");
    for (size_t i = 0; i < rd->nExt; i++) {
        HTML_LIT(b, "<input type=\"hidden\" name=\"version-");
        esc_html(b, rd->aExt[i].zOrg);
        HTML_LIT(b, "\" value=\"");
        buf_printf(b, "%d", rd->aExt[i].iVersion);
        HTML_LIT(b, "\"/>");
    }
    HTML_LIT(b, "<label for=\"org\">");
    HTML_TR(b, "Organisation");
    HTML_LIT(b, "</label>");
    page_select_org(b, m, "org", "org", _("(choose one)"),
                    bKeepExt ? req_form(r, "org") : "");
    HTML_LIT(b, "<label for=\"ext_due\">");
    HTML_TR(b, "Its new due date");
    HTML_LIT(b, "</label><input id=\"ext_due\" name=\"due\" type=\"date\" "
                "value=\"");
    esc_html(b, bKeepExt ? req_form(r, "due") : "");
    HTML_LIT(b, "\"/><label for=\"reason\">");
    HTML_TR(b, "Reason");
    HTML_LIT(b, "</label><input id=\"reason\" name=\"reason\" value=\"");
    esc_html(b, bKeepExt ? req_form(r, "reason") : "");
    HTML_LIT(b, "\"/><div><button type=\"submit\" name=\"action\" "
                "value=\"save\">");
    HTML_TR(b, "Grant or change the extension");
    HTML_LIT(b, "</button> <button type=\"submit\" name=\"action\" "
                "value=\"remove\">");
    HTML_TR(b, "Remove the extension");
    HTML_LIT(b, "</button></div></form></details>\n");
}

/* Round r->azParam[0]'s page, with zNotice (NULL: none) of kind zKind:
** "ok", or after a refused post "due" or "extension" (the form it came
** from, which keeps what was typed). */
static void
view_round_render(Req *r, Resp *w, const char *zNotice, const char *zKind)
{
    const Model *m = NULL;
    const Plan *p;
    const Round *rd = view_load_round(r, w, &m, &p);
    if (!rd) {
        return;
    }
    char *zPlanQ = page_plan_query(m, p);
    char *zSelf = page_self(r);
    char zToday[11];
    str_today_local(zToday);
    ViewRound x = { r->pView, p, rd, zToday, !r->bAnon, zPlanQ, zSelf };
    Buf stem = BUF_INIT;
    buf_printf(&stem, "round-%s", rd->zCode);
    if (zNotice ||
        !page_download(r, w, x.bFindings ? azRoundSheet : azRoundSheetPublic,
                       view_round_sheet, &x, buf_str(&stem))) {
        page_begin(r, w, rd->zTitle);
        if (zNotice) {
            page_notice(&w->body, str_eq(zKind, "ok") ? "ok" : "error",
                        zNotice);
        }
        Buf key = BUF_INIT;
        /* Who is overdue changes with the day as well as the data. */
        buf_printf(&key, "round/%s/%s/%d/%s/head", p->zCode, rd->zCode,
                   x.bFindings, zToday);
        page_fragment(r, w, buf_str(&key), view_round_head, &x);
        Actor who = page_actor(r);
        if (r->bAuthed && rules_round_may_schedule(&who, rd, NULL) == 0) {
            view_round_due_forms(r, &w->body, m, p, rd, zPlanQ, zKind);
        }
        if (r->bAuthed && rules_is_editor(&who)) {
            page_round_chapters_section(r, &w->body, rd, zPlanQ, zSelf);
        }
        buf_reset(&key);
        buf_printf(&key, "round/%s/%s/%d/%s", p->zCode, rd->zCode, x.bFindings,
                   zToday);
        page_fragment(r, w, buf_str(&key), view_round_body, &x);
        buf_release(&key);
        page_end(r, w);
    }
    buf_release(&stem);
    free(zSelf);
    free(zPlanQ);
}

/* ** PAGE: /round/{} */
int
page_round(Req *r, Resp *w)
{
    view_round_render(r, w, *req_query(r, "saved") ? _("Saved.") : NULL, "ok");
    return 0;
}

/* After a due-date write: back to the round's page saying so, or the page
** again with the message and what was typed (zForm: which form). */
static void
view_round_finish(Req *r, Resp *w, int rc, const AppErr *err, const char *zForm)
{
    if (rc == 0) {
        page_redirect_saved(r, w, "/round/", "1");
        return;
    }
    resp_reset_body(w);
    view_round_render(r, w, err->zMsg, zForm);
    if (w->status == 200) {
        web_fail_status(r, w, err);
    }
}

/* ** PAGE: /round/{}/due (POST) */
int
page_round_due_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    int rc =
        workflow_set_round_due(r->s, &who, page_plan_code(r), r->azParam[0],
                               req_form(r, "due"), req_form(r, "was"), &err);
    view_round_finish(r, w, rc, &err, "due");
    return 0;
}

/* ** PAGE: /round/{}/extension (POST) */
int
page_round_extension_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    const char *zOrg = req_form(r, "org");
    int bRemove = str_eq(req_form(r, "action"), "remove");
    Buf field = BUF_INIT;
    buf_printf(&field, "version-%.64s", zOrg);
    const char *zVersion = req_form(r, buf_str(&field));
    long v = 0;
    int rc;
    if (*zVersion && str_to_long(zVersion, 0, 1L << 30, &v)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is damaged: reload "
                          "the page"));
    } else if (!*zOrg) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("choose the organisation from the list"));
    } else {
        rc = workflow_extend(r->s, &who, page_plan_code(r), r->azParam[0], zOrg,
                             bRemove ? NULL : req_form(r, "due"),
                             req_form(r, "reason"), (int)v, &err);
    }
    buf_release(&field);
    view_round_finish(r, w, rc, &err, "extension");
    return 0;
}

/* ---- the review report ------------------------------------------------- */

/* What view_round_report() renders. */
typedef struct ViewReport {
    Store *s; /* for the complaints figure of the round's year */
    const Plan *p;
    const Round *rd;
    const char *zPrev;   /* the round compared with, or NULL */
    int bSuppress;       /* small complaint groups hidden */
    const char *zFormat; /* aReviewFormat's name */
    const char *zSelf;   /* the report page's address */
} ViewReport;

/* Print formats are drawn one at a time: Pango's and fontconfig's caches
** are shared by the process. */
static pthread_mutex_t printMu = PTHREAD_MUTEX_INITIALIZER;

/* The whole review report of a round in format x->zFormat ("" when it
** cannot be made).  The complaints register is audited too, so a new case
** moves the data version like any other change: kept per snapshot. */
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
    if (review_report_build(x->p, x->rd->zCode, x->zPrev, NULL, &rep, &err) ==
        0) {
        rep.zGoal10 = goal10.n ? buf_str(&goal10) : NULL;
        rep.zSelf = x->zSelf;
        /* The recommendations the review made and the follow-ups recorded
        ** in the round: of the round only, so a published report shows
        ** nothing of rounds not published. */
        Model mRecs = MODEL_INIT;
        Plan *pRecs = NULL;
        RecSet recs;
        AppErr errRecs = APPERR_INIT;
        if (app_recs_read(x->s, x->p->zCode, &mRecs, &pRecs, &recs, &errRecs) ==
            0) {
            review_report_set_recs(&rep, &recs);
            rec_set_release(&recs);
        }
        model_release(&mRecs);
        char **azAmend = NULL;
        size_t nAmend = 0;
        if (workflow_round_amendments(x->s, x->p->zCode, x->rd->zCode, &azAmend,
                                      &nAmend, &errRecs) == 0) {
            review_report_set_amendments(&rep, azAmend, nAmend);
        }
        strv_free(azAmend, nAmend);
        const ReportFormat *f = report_format_find(aReviewFormat, x->zFormat);
        if (f && f->bPrint) {
            (void)pthread_mutex_lock(&printMu);
        }
        if (review_render(&rep, x->zFormat, b, &err)) {
            buf_reset(b);
        }
        if (f && f->bPrint) {
            (void)pthread_mutex_unlock(&printMu);
        }
        review_report_release(&rep);
    }
    (void)sem_post(web_slow_work());
    buf_release(&goal10);
    (void)rm;
}

/* The format a report page is asked for (?format=, "html" when none), in
** *ppFmt; 0, or -1 with a 400 page in w listing table a's formats. */
static int
view_report_format(const Req *r, Resp *w, const ReportFormat *a,
                   const ReportFormat **ppFmt)
{
    const char *zFmt = req_query(r, "format");
    *ppFmt = report_format_find(a, *zFmt ? zFmt : "html");
    if (!*ppFmt) {
        Buf msg = BUF_INIT;
        Buf list = BUF_INIT;
        report_format_list(a, &list);
        buf_printf(&msg, _("This report is made in %s only."), buf_str(&list));
        buf_release(&list);
        web_error(r, w, 400, buf_str(&msg));
        buf_release(&msg);
        return -1;
    }
    return 0;
}

/* ** PAGE: /round/{}/report */
int
page_round_report(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p;
    const Round *rd = view_load_round(r, w, &m, &p);
    const ReportFormat *f;
    if (!rd || view_report_format(r, w, aReviewFormat, &f)) {
        return 0;
    }
    /* Compared with the round before it, as the CLI's --compare would. */
    const char *zPrev = NULL;
    for (size_t k = 0; k < p->nRound; k++) {
        if (&p->aRound[k] == rd && k > 0) {
            zPrev = p->aRound[k - 1].zCode;
        }
    }
    char *zSelf = page_self(r);
    ViewReport x = { r->s, p, rd, zPrev, view_suppress(r), f->zName, zSelf };
    Buf key = BUF_INIT;
    buf_printf(&key, "report/%s/%s/%d/%s", p->zCode, rd->zCode, x.bSuppress,
               f->zName);
    if (f->bPrint) {
        /* A PDF or Word file is made each time, outside the snapshot's
        ** lock: drawing one takes long enough to hold up every page. */
        view_round_report(r->pView, &x, &w->body);
    } else {
        page_fragment(r, w, buf_str(&key), view_round_report, &x);
    }
    buf_release(&key);
    free(zSelf);
    if (resp_length(w) == 0) {
        web_error(r, w, 404, _("The report cannot be made for this round."));
        return 0;
    }
    w->zType = f->zMime;
    if (strcmp(f->zName, "html") != 0) {
        Buf stem = BUF_INIT;
        buf_printf(&stem, "review-%s", rd->zCode);
        page_attachment(w, buf_str(&stem), NULL, f->zName);
        buf_release(&stem);
    }
    return 0;
}

/* ---- the coordination report ------------------------------------------ */

/* What view_coordination() renders. */
typedef struct ViewCoord {
    const Model *m;
    const Plan *p;
    const Round *rd;
    const char *zFormat;
    const FundSet *pFund; /* the round's funding, read for this request */
    const char *zSelf;    /* the page's address, for its downloads */
} ViewCoord;

static void
view_coordination(ReadModel *rm, const void *arg, Buf *b)
{
    const ViewCoord *x = arg;
    AppErr err = APPERR_INIT;
    (void)sem_wait(web_slow_work());
    if (coordination_report(x->m, x->p, x->rd->zCode, x->pFund, x->zFormat,
                            x->zSelf, b, &err)) {
        buf_reset(b);
    }
    (void)sem_post(web_slow_work());
    (void)rm;
}

/* ** PAGE: /round/{}/coordination */
int
page_round_coordination(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p;
    const Round *rd = view_load_round(r, w, &m, &p);
    const ReportFormat *f;
    if (!rd || view_report_format(r, w, aCoordinationFormat, &f)) {
        return 0;
    }
    /* The round's funding, read on the request's connection (the read
    ** model keeps each plan's by activity, for activity pages); a change
    ** moves the data version, so the kept fragment is made again. */
    FundSet fund;
    AppErr err = APPERR_INIT;
    if (app_fund_list(r->s, p->zCode, rd->zCode, &fund, &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    /* The page's own address, whatever the query asked: the kept HTML is
    ** the same for every request of this plan and round. */
    Buf self = BUF_INIT;
    buf_puts(&self, "/round/");
    url_encode(&self, rd->zCode);
    buf_puts(&self, "/coordination");
    if (page_plan_code(r)) {
        buf_puts(&self, "?plan=");
        url_encode(&self, page_plan_code(r));
    }
    ViewCoord x = { m, p, rd, f->zName, &fund, buf_str(&self) };
    if (f->bPrint) {
        /* A PDF or Word file is made each time, outside the snapshot's
        ** lock, one drawing at a time (as the review's). */
        (void)pthread_mutex_lock(&printMu);
        view_coordination(r->pView, &x, &w->body);
        (void)pthread_mutex_unlock(&printMu);
    } else {
        Buf key = BUF_INIT;
        buf_printf(&key, "coordination/%s/%s/%s", p->zCode, rd->zCode,
                   f->zName);
        page_fragment(r, w, buf_str(&key), view_coordination, &x);
        buf_release(&key);
    }
    fund_set_release(&fund);
    buf_release(&self);
    if (resp_length(w) == 0) {
        web_error(r, w, 404,
                  _("The coordination report cannot be made for "
                    "this round."));
        return 0;
    }
    w->zType = f->zMime;
    if (strcmp(f->zName, "html") != 0) {
        Buf stem = BUF_INIT;
        buf_printf(&stem, "coordination-%s", rd->zCode);
        page_attachment(w, buf_str(&stem), NULL, f->zName);
        buf_release(&stem);
    }
    return 0;
}

/* ---- complaints -------------------------------------------------------- */

/* Viewers and the public see no cell of fewer than CASE_SUPPRESS_BELOW
** cases; those who handle cases see all. */
static int
view_suppress(const Req *r)
{
    Actor who = page_actor(r);
    return !rules_sees_small_cells(&who);
}

static void
view_complaints_form(Buf *b, const char *zYear)
{
    HTML_LIT(
        b, "<form method=\"get\" action=\"/complaints\"><label for=\"year\">");
    HTML_TR(b, "Year lodged");
    HTML_LIT(b, "</label><input id=\"year\" name=\"year\" value=\"");
    esc_html(b, zYear);
    HTML_LIT(b, "\"/> <button type=\"submit\">");
    HTML_TR(b, "Show");
    HTML_LIT(b, "</button></form>\n");
}

typedef struct ViewRender {
    Buf *b;
    int bSuppress;
    const char *zPeriod;
    SheetFormat eFormat; /* the page (HTML), or its download */
    AppErr *err;
    int rc;
    const ReportFormat *pPrint; /* or the report as PDF or Word */
} ViewRender;

static void
view_render_report(const CaseReport *rep, void *pArg)
{
    ViewRender *x = pArg;
    ComplaintsView v = { rep, x->zPeriod, x->bSuppress };
    if (x->pPrint) {
        x->rc = complaints_render_print(&v, str_eq(x->pPrint->zName, "docx"),
                                        x->b, x->err);
        return;
    }
    switch (x->eFormat) {
    case SHEET_CSV:
        complaints_render_csv(&v, x->b);
        break;
    case SHEET_XLSX:
        x->rc = complaints_render_xlsx_buf(&v, x->b, x->err);
        break;
    default:
        complaints_render_html(&v, x->b);
    }
}

/* ** PAGE: /complaints */
int
page_complaints(Req *r, Resp *w)
{
    const char *zYear = req_query(r, "year");
    long y = 0;
    if (*zYear && str_to_long(zYear, 1900, 9999, &y)) {
        web_error(r, w, 400, _("The year is not a year."));
        return 0;
    }
    SheetFormat e = SHEET_HTML;
    const ReportFormat *pPrint =
        report_format_find(aPrintFormat, req_query(r, "format"));
    if (!pPrint && sheet_format_parse(req_query(r, "format"), &e)) {
        web_error(r, w, 400,
                  _("The complaints report downloads as CSV, XLSX, PDF or "
                    "Word only (format=csv, xlsx, pdf or docx)."));
        return 0;
    }
    AppErr err = APPERR_INIT;
    ViewRender x = {
        &w->body, view_suppress(r), y ? zYear : _("all years"), e, &err, 0,
        pPrint
    };
    if (pPrint) {
        /* The report as a document, with what this visitor may see. */
        if (complaints_cache_use(y, view_render_report, &x)) {
            web_error(r, w, 404,
                      _("There are no complaints cases for this "
                        "period."));
        } else if (x.rc) {
            web_fail(r, w, &err);
        } else {
            w->zType = pPrint->zMime;
            Buf stem = BUF_INIT;
            buf_printf(&stem, "complaints-%s", y ? zYear : "all");
            page_attachment(w, buf_str(&stem), NULL, pPrint->zName);
            buf_release(&stem);
        }
        return 0;
    }
    if (e != SHEET_HTML) {
        /* The report's table of every dimension, as the CLI writes it. */
        if (complaints_cache_use(y, view_render_report, &x)) {
            web_error(r, w, 404,
                      _("There are no complaints cases for this "
                        "period."));
        } else if (x.rc) {
            web_fail(r, w, &err);
        } else {
            w->zType = sheet_format_mime(e);
            Buf stem = BUF_INIT;
            buf_printf(&stem, "complaints-%s", y ? zYear : "all");
            page_attachment(w, buf_str(&stem), NULL, sheet_format_ext(e));
            buf_release(&stem);
        }
        return 0;
    }
    Buf t = BUF_INIT;
    buf_printf(&t, _("Complaints mechanism%s%s"), y ? ", " : "",
               y ? zYear : "");
    page_begin(r, w, buf_str(&t));
    buf_release(&t);
    Buf *b = &w->body;
    view_complaints_form(b, zYear);
    /* From the server's background-made reports: never a scan here. */
    size_t nBefore = b->n;
    if (complaints_cache_use(y, view_render_report, &x)) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "No complaints cases");
        HTML_LIT(b, " ");
        if (y) {
            HTML_TR(b, "lodged in");
            HTML_LIT(b, " ");
            esc_html(b, zYear);
        } else {
            HTML_TR(
                b,
                "yet (import them with 'lmpmon case import', or open one under Cases)");
        }
        HTML_LIT(b, ".</p>\n");
    } else if (b->n > nBefore) {
        char *zSelf = page_self(r);
        view_download_links(b, zSelf, "all", _("the report's table"));
        report_format_links(aPrintFormat, zSelf, b);
        free(zSelf);
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
    ComplaintsView v = { rep, _("all years"), x->bSuppress };
    Buf s = BUF_INIT;
    buf_printf(&s, "%s: ", x->zPeriod);
    s.z[0] =
        (char)(s.z[0] >= 'a' && s.z[0] <= 'z' ? s.z[0] - 'a' + 'A' : s.z[0]);
    complaints_indicator_sentence(&v, DIM_ALL, "all", &s);
    buf_puts(&s, _("; women: "));
    complaints_indicator_sentence(&v, DIM_SEX, "female", &s);
    buf_puts(&s, _("; men: "));
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
    HTML_LIT(b, "<h2>");
    HTML_TR(
        b,
        "Goal 10: complaints resolved to the complainant's satisfaction within 3 months");
    HTML_LIT(b, "</h2>");
    Buf zy = BUF_INIT;
    buf_printf(&zy, _("cases lodged in %ld"), y);
    ViewRender x = { b,   view_suppress(r), buf_str(&zy), SHEET_HTML, NULL, 0,
                     NULL };
    (void)complaints_cache_use(y, view_goal10_line, &x);
    x.zPeriod = _("all cases");
    (void)complaints_cache_use(0, view_goal10_line, &x);
    buf_release(&zy);
    HTML_LIT(b, "<p><a href=\"/complaints\">");
    HTML_TR(b, "The complaints report");
    HTML_LIT(b, "</a></p>\n");
}
