/*
** page_edit.c — the activity page with its entry forms, the POST handlers
** of the workflow, and the admin page.
**
** Forms carry the version of what they edit; a save against a newer
** version is refused by the store (409) and the page is shown again with
** the user's own text in the form, so nothing typed is lost.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/secret.h"
#include "../report/escape.h"
#include "../app/workflow.h"
#include "../app/admin.h"
#include "../app/readmodel.h"
#include "../base/banned.h"

static void
edit_rating_select(Buf *b, const char *zName, Rating eSel)
{
    static const Rating aR[] = { RATING_NONE, RATING_ON_TARGET,
                                 RATING_PROGRESSING, RATING_NOT_ON_TARGET };
    HTML_LIT(b, "<select id=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    for (int k = 0; k < 4; k++) {
        HTML_LIT(b, "<option value=\"");
        esc_html(b, rating_key(aR[k]));
        HTML_LIT(b, "\"");
        if (aR[k] == eSel) {
            HTML_LIT(b, " selected=\"selected\"");
        }
        HTML_LIT(b, ">");
        esc_html(b, aR[k] == RATING_NONE ? "not rated" : rating_name(aR[k]));
        HTML_LIT(b, "</option>");
    }
    HTML_LIT(b, "</select>");
}

static Rating
edit_rating_of(const char *z)
{
    for (int r = 0; r < RATING_COUNT; r++) {
        if (str_eq(z, rating_key((Rating)r))) {
            return (Rating)r;
        }
    }
    return RATING_NONE;
}

static void
edit_form_start(Buf *b, const Req *r, const char *zCode, const char *zWhat,
                const char *zRound, int iVersion)
{
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"/activity/");
    Buf e = BUF_INIT;
    url_encode(&e, zCode);
    esc_html(b, buf_str(&e));
    buf_release(&e);
    buf_putc(b, '/');
    esc_html(b, zWhat);
    HTML_LIT(b, "\">");
    page_csrf_field(r, b);
    if (page_plan_code(r)) {
        HTML_LIT(b, "<input type=\"hidden\" name=\"plan\" value=\"");
        esc_html(b, page_plan_code(r));
        HTML_LIT(b, "\"/>");
    }
    HTML_LIT(b, "<input type=\"hidden\" name=\"round\" value=\"");
    esc_html(b, zRound);
    buf_printf(b, "\"/><input type=\"hidden\" name=\"version\" value=\"%d\"/>",
               iVersion);
}

/* The statement form of the user's organisation in open round rd. */
static void
edit_statement_form(Req *r, Buf *b, const Node *n, const Round *rd,
                    const Assessment *a, int bKeepPosted)
{
    const char *zOrg = r->ses.user.zOrg;
    const Statement *st = assessment_find_statement(a, zOrg);
    HTML_LIT(b, "<h3>Statement of ");
    esc_html(b, zOrg);
    HTML_LIT(b, " for ");
    esc_html(b, rd->zTitle);
    HTML_LIT(b, "</h3>");
    if (st && st->eState == ASSESS_APPROVED) {
        HTML_LIT(b, "<p>Approved: this statement is final.</p>");
        return;
    }
    if (st && st->eState == ASSESS_RETURNED) {
        HTML_LIT(b, "<p class=\"notice error\">Returned by the M&amp;E officer: ");
        esc_html(b, st->zComment);
        HTML_LIT(b, "</p>");
    }
    const char *zText = bKeepPosted ? req_form(r, "text") : st ? st->zText : "";
    Rating eR = bKeepPosted ? edit_rating_of(req_form(r, "rating"))
                            : st ? st->eProposed : RATING_NONE;
    edit_form_start(b, r, n->zCode, "statement", rd->zCode,
                    st ? st->iVersion : 0);
    HTML_LIT(b, "<label for=\"text\">What ");
    esc_html(b, zOrg);
    HTML_LIT(b, " did on this activity</label><textarea id=\"text\" "
                "name=\"text\">");
    esc_html(b, zText);
    HTML_LIT(b, "</textarea><label for=\"rating\">Proposed rating</label>");
    edit_rating_select(b, "rating", eR);
    HTML_LIT(b, "<div><button type=\"submit\" name=\"action\" value=\"save\">"
                "Save draft</button><button type=\"submit\" name=\"action\" "
                "value=\"submit\">Submit to the M&amp;E officer</button></div>"
                "</form>\n");
}

/* The M&E officer's form: narrative (pre-filled with the statements when
** empty), rating, approve or return. */
static void
edit_review_form(Req *r, Buf *b, const Node *n, const Round *rd,
                 const Assessment *a, int bKeepPosted)
{
    HTML_LIT(b, "<h3>Review for ");
    esc_html(b, rd->zTitle);
    HTML_LIT(b, "</h3>");
    Buf merged = BUF_INIT;
    if (!*a->zProgress) {
        for (size_t k = 0; k < a->nStmt; k++) {
            if (a->aStmt[k].eState == ASSESS_DRAFT || !*a->aStmt[k].zText) {
                continue;
            }
            buf_printf(&merged, "%s%s: %s", merged.n ? "\n\n" : "",
                       a->aStmt[k].zOrg, a->aStmt[k].zText);
        }
    }
    const char *zText = bKeepPosted ? req_form(r, "progress")
                        : *a->zProgress ? a->zProgress
                                        : buf_str(&merged);
    Rating eR = bKeepPosted ? edit_rating_of(req_form(r, "rating")) : a->eRating;
    edit_form_start(b, r, n->zCode, "review", rd->zCode, a->iVersion);
    HTML_LIT(b, "<label for=\"progress\">Progress narrative</label><textarea "
                "id=\"progress\" name=\"progress\">");
    esc_html(b, zText);
    HTML_LIT(b, "</textarea><label for=\"rating\">Rating</label>");
    edit_rating_select(b, "rating", eR);
    HTML_LIT(b, "<label for=\"comment\">Comment to the organisations (needed to "
                "return)</label><input id=\"comment\" name=\"comment\" value=\"");
    esc_html(b, bKeepPosted ? req_form(r, "comment") : "");
    HTML_LIT(b, "\"/><div><button type=\"submit\" name=\"action\" "
                "value=\"save\">Save</button><button type=\"submit\" "
                "name=\"action\" value=\"approve\">Approve</button><button "
                "type=\"submit\" name=\"action\" value=\"return\">Return"
                "</button></div></form>\n");
    buf_release(&merged);
}

/* Which activity edit_activity_body() shows. */
typedef struct EditActivity {
    const Plan *p;
    long iNode;
} EditActivity;

/* The activity page's part that depends on the data only: text, place in
** the plan, organisations, each round's assessment and statements.
** Rendered once per snapshot (app/readmodel.h). */
static void
edit_activity_body(ReadModel *rm, const void *arg, Buf *b)
{
    const EditActivity *x = arg;
    const Plan *p = x->p;
    long iNode = x->iNode;
    const Node *n = &p->aNode[iNode];
    char *zQ = page_plan_query(readmodel_model(rm), p);
    HTML_LIT(b, "<p class=\"lead\">");
    esc_html(b, n->zText);
    HTML_LIT(b, "</p><p class=\"small\">");
    for (int l = 0; l < n->iLevel; l++) {
        long ia = plan_ancestor_at(p, iNode, l);
        if (ia < 0) {
            continue;
        }
        esc_html(b, p->aLevel[l].zName);
        buf_putc(b, ' ');
        esc_html(b, p->aNode[ia].zCode);
        buf_puts(b, ": ");
        esc_html(b, p->aNode[ia].zText);
        if (p->aNode[ia].zIndicator) {
            HTML_LIT(b, " \xE2\x80\x94 indicator: ");
            esc_html(b, p->aNode[ia].zIndicator);
        }
        HTML_LIT(b, "<br/>");
    }
    HTML_LIT(b, "</p><p>Responsible: ");
    for (size_t k = 0; k < n->nResp; k++) {
        buf_puts(b, k ? ", " : "");
        page_link_org(b, n->azResp[k], zQ);
    }
    buf_puts(b, n->nResp ? "" : "none");
    HTML_LIT(b, " \xC2\xB7 Partners: ");
    for (size_t k = 0; k < n->nContrib; k++) {
        buf_puts(b, k ? ", " : "");
        page_link_org(b, n->azContrib[k], zQ);
    }
    buf_puts(b, n->nContrib ? "" : "none");
    HTML_LIT(b, "</p>\n<div class=\"rounds\">");
    for (size_t k = p->nRound; k-- > 0;) {
        const Round *rd = &p->aRound[k];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (!a) {
            continue;
        }
        HTML_LIT(b, "<section class=\"card\"><h2>");
        esc_html(b, rd->zTitle);
        HTML_LIT(b, "</h2><p>");
        page_rating(b, a->eRating);
        HTML_LIT(b, " <span class=\"small\">");
        esc_html(b, assess_state_name(a->eState));
        HTML_LIT(b, "</span></p><h3>Action point</h3><p>");
        esc_html_paragraphs(b, *a->zActionPoint ? a->zActionPoint : "(none)");
        HTML_LIT(b, "</p><h3>Progress</h3><p>");
        esc_html_paragraphs(b, *a->zProgress ? a->zProgress : "(none yet)");
        HTML_LIT(b, "</p>");
        for (size_t s = 0; s < a->nStmt; s++) {
            const Statement *st = &a->aStmt[s];
            HTML_LIT(b, "<div class=\"small\"><strong>");
            esc_html(b, st->zOrg);
            HTML_LIT(b, "</strong> (");
            esc_html(b, assess_state_name(st->eState));
            HTML_LIT(b, ", proposes ");
            esc_html(b, st->eProposed == RATING_NONE ? "no rating"
                                                      : rating_name(st->eProposed));
            HTML_LIT(b, "): ");
            esc_html_paragraphs(b, st->zText);
            if (*st->zComment) {
                HTML_LIT(b, " \xE2\x80\x94 comment: ");
                esc_html(b, st->zComment);
            }
            HTML_LIT(b, "</div>");
        }
        HTML_LIT(b, "</section>");
    }
    HTML_LIT(b, "</div>\n");
    free(zQ);
}

/* Whose history edit_history() shows, read through which connection. */
typedef struct EditHistory {
    Store *s;
    const Plan *p;
    const Node *n;
} EditHistory;

/* The activity's history of edits, newest first.  Kept per snapshot like
** the page's other data-only parts: every edit moves the data version, so
** the next request after an edit renders it again. */
static void
edit_history(ReadModel *rm, const void *arg, Buf *b)
{
    const EditHistory *x = arg;
    AuditEntry *ae = NULL;
    size_t nAe = 0;
    AppErr err = APPERR_INIT;
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/%s", x->p->zCode, x->n->zCode);
    if (store_audit_list(x->s, buf_str(&key), &ae, &nAe, &err) == 0) {
        buf_printf(b, "<h2>History of edits (%zu)</h2><table><thead><tr>"
                   "<th scope=\"col\">When</th><th scope=\"col\">Who</th>"
                   "<th scope=\"col\">What</th><th scope=\"col\">Old</th>"
                   "<th scope=\"col\">New</th></tr></thead><tbody>", nAe);
        for (size_t i = nAe; i-- > 0;) {
            char zWhen[STR_TIME_LOCAL_BYTES];
            str_time_local(ae[i].zAt, zWhen, sizeof zWhen);
            HTML_LIT(b, "<tr><td>");
            esc_html(b, zWhen);
            HTML_LIT(b, "</td><td>");
            esc_html(b, ae[i].zActor);
            HTML_LIT(b, "</td><td>");
            esc_html(b, ae[i].zKey + key.n);
            buf_putc(b, ' ');
            esc_html(b, ae[i].zField ? ae[i].zField : ae[i].zAction);
            HTML_LIT(b, "</td><td>");
            esc_html(b, ae[i].zOld ? ae[i].zOld : "");
            HTML_LIT(b, "</td><td>");
            esc_html(b, ae[i].zNew ? ae[i].zNew : "");
            HTML_LIT(b, "</td></tr>");
        }
        HTML_LIT(b, "</tbody></table>\n");
        audit_free(ae, nAe);
    }
    buf_release(&key);
}

void
page_activity_render(Req *r, Resp *w, const char *zNotice,
                     const char *zNoticeKind)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return;
    }
    long iNode = plan_lookup_node(p, r->azParam[0]);
    if (iNode < 0 || p->aNode[iNode].iLevel != plan_leaf_level(p)) {
        web_error(w, 404, "There is no such activity.");
        return;
    }
    const Node *n = &p->aNode[iNode];
    Buf title = BUF_INIT;
    buf_printf(&title, "%s %s", p->aLevel[n->iLevel].zName, n->zCode);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, zNoticeKind, zNotice);
    }
    EditActivity x = { p, iNode };
    Buf memo = BUF_INIT;
    buf_printf(&memo, "activity/%s/%s", p->zCode, n->zCode);
    readmodel_fragment(r->pView, buf_str(&memo), edit_activity_body, &x, b);
    buf_release(&memo);
    /* Entry forms for open (and, for officers, closed) rounds. */
    int bKeep = zNotice && strcmp(zNoticeKind, "error") == 0;
    for (size_t k = 0; k < p->nRound && r->bAuthed; k++) {
        const Round *rd = &p->aRound[k];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (!a) {
            continue;
        }
        int bPostedHere = bKeep && str_eq(req_form(r, "round"), rd->zCode);
        Role role = r->ses.user.eRole;
        if (rd->eState == ROUND_OPEN && role == ROLE_REPORTER &&
            page_user_links(r, n)) {
            edit_statement_form(r, b, n, rd, a, bPostedHere);
        }
        if ((rd->eState == ROUND_OPEN || rd->eState == ROUND_CLOSED) &&
            (role == ROLE_ME_OFFICER || role == ROLE_ADMIN)) {
            edit_review_form(r, b, n, rd, a, bPostedHere);
        }
    }
    if (!r->bAnon) {
        EditHistory h = { r->s, p, n };
        Buf hkey = BUF_INIT;
        buf_printf(&hkey, "history/%s/%s", p->zCode, n->zCode);
        readmodel_fragment(r->pView, buf_str(&hkey), edit_history, &h, b);
        buf_release(&hkey);
    }
    page_end(r, w);
}

/* ** PAGE: /activity/{} */
int
page_activity(Req *r, Resp *w)
{
    static const struct {
        const char *zKey, *zText;
    } aSaved[] = { { "saved", "Draft saved." },
                   { "submitted", "Statement submitted to the M&E officer." },
                   { "save", "Saved." },
                   { "approve", "Approved." },
                   { "return", "Returned to the organisations with your "
                               "comment." } };
    const char *zSaved = req_query(r, "saved");
    const char *zNotice = NULL;
    for (size_t i = 0; i < sizeof aSaved / sizeof aSaved[0]; i++) {
        if (strcmp(zSaved, aSaved[i].zKey) == 0) {
            zNotice = aSaved[i].zText;
        }
    }
    page_activity_render(r, w, zNotice, "ok");
    return 0;
}

/* After a POST: redirect on success, or show the form again with the
** error and the user's text (status 409 for a conflict, 400 otherwise). */
static void
edit_finish(Req *r, Resp *w, int rc, const AppErr *err, const char *zOk)
{
    if (rc == 0) {
        Buf loc = BUF_INIT;
        buf_puts(&loc, "/activity/");
        url_encode(&loc, r->azParam[0]);
        buf_printf(&loc, "?saved=%s", zOk);
        if (page_plan_code(r)) {
            buf_puts(&loc, "&plan=");
            url_encode(&loc, page_plan_code(r));
        }
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
        return;
    }
    buf_reset(&w->body);
    page_activity_render(r, w, err->zMsg, "error");
    if (w->status == 200) {
        web_fail_status(r, w, err);
    }
}

static int
edit_version(const Req *r)
{
    long v = 0;
    if (str_to_long(req_form(r, "version"), 0, 1L << 30, &v)) {
        return -1;
    }
    return (int)v;
}

/* ** PAGE: /activity/{}/statement (POST) */
int
page_statement_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    const char *zAction = req_form(r, "action");
    int iVersion = edit_version(r);
    int rc;
    if (iVersion < 0 || (!str_eq(zAction, "save") &&
                         !str_eq(zAction, "submit"))) {
        rc = apperr_set(&err, APPERR_INPUT, "the form is incomplete; reload the "
                        "page");
    } else {
        Actor who = page_actor(r);
        StatementEdit e = { page_plan_code(r), r->azParam[0],
                            req_form(r, "round"), req_form(r, "text"),
                            edit_rating_of(req_form(r, "rating")), iVersion,
                            str_eq(zAction, "submit") ? WF_SUBMIT : WF_SAVE };
        rc = workflow_save_statement(r->s, &who, &e, &err);
    }
    if (rc && err.code == APPERR_FORBIDDEN) {
        web_fail(r, w, &err);
        return 0;
    }
    edit_finish(r, w, rc, &err, str_eq(zAction, "submit") ? "submitted" : "saved");
    return 0;
}

/* ** PAGE: /activity/{}/review (POST) */
int
page_review_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    const char *zAction = req_form(r, "action");
    WorkflowAction e = str_eq(zAction, "approve")  ? WF_APPROVE
                       : str_eq(zAction, "return") ? WF_RETURN
                                                   : WF_SAVE;
    int iVersion = edit_version(r);
    int rc;
    if (iVersion <= 0) {
        rc = apperr_set(&err, APPERR_INPUT, "the form is incomplete; reload the "
                        "page");
    } else {
        Actor who = page_actor(r);
        ReviewEdit re = { page_plan_code(r), r->azParam[0],
                          req_form(r, "round"), req_form(r, "progress"),
                          edit_rating_of(req_form(r, "rating")), iVersion, e,
                          req_form(r, "comment") };
        rc = workflow_review(r->s, &who, &re, &err);
    }
    edit_finish(r, w, rc, &err, e == WF_APPROVE  ? "approve"
                                : e == WF_RETURN ? "return"
                                                 : "save");
    return 0;
}

/* What /admin?done=KEY says after an action: fixed texts, so a link to
** the admin page cannot make it show a message of the linker's choosing.
** An unknown key shows nothing. */
static const struct {
    const char *zKey;
    const char *zText;
} aAdminDone[] = {
    { "user_added", "User added." },
    { "user_disabled", "User disabled." },
    { "user_enabled", "User enabled." },
    { "org_saved", "Organisation saved." },
    { "round_updated", "Round updated." },
};

static const char *
admin_done_text(const char *zKey)
{
    for (size_t i = 0; i < sizeof aAdminDone / sizeof aAdminDone[0]; i++) {
        if (str_eq(zKey, aAdminDone[i].zKey)) {
            return aAdminDone[i].zText;
        }
    }
    return NULL;
}

/* ** PAGE: /admin */
int
page_admin(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return 0;
    }
    page_begin(r, w, "Administration");
    Buf *b = &w->body;
    const char *zDone = admin_done_text(req_query(r, "done"));
    if (zDone) {
        page_notice(b, "ok", zDone);
    }
    HTML_LIT(b, "<h2>Review rounds</h2><table><thead><tr><th scope=\"col\">"
                "Round</th><th scope=\"col\">State</th><th scope=\"col\">"
                "Change</th></tr></thead><tbody>");
    for (size_t k = 0; k < p->nRound; k++) {
        const Round *rd = &p->aRound[k];
        HTML_LIT(b, "<tr><td>");
        esc_html(b, rd->zCode);
        buf_putc(b, ' ');
        esc_html(b, rd->zTitle);
        HTML_LIT(b, "</td><td>");
        esc_html(b, round_state_name(rd->eState));
        HTML_LIT(b, "</td><td>");
        /* The buttons are core's table of moves: what is offered is what
        ** the use case accepts. */
        for (size_t i = 0; i < nRoundMove; i++) {
            if (aRoundMove[i].eFrom != rd->eState) {
                continue;
            }
            HTML_LIT(b, "<form method=\"post\" action=\"/admin/round\">");
            page_csrf_field(r, b);
            HTML_LIT(b, "<input type=\"hidden\" name=\"round\" value=\"");
            esc_html(b, rd->zCode);
            HTML_LIT(b, "\"/><input type=\"hidden\" name=\"state\" value=\"");
            esc_html(b, round_state_name(aRoundMove[i].eTo));
            HTML_LIT(b, "\"/><button type=\"submit\">");
            esc_html(b, aRoundMove[i].zVerb);
            HTML_LIT(b, "</button></form>");
        }
        if (rd->eState == ROUND_PUBLISHED) {
            HTML_LIT(b, "locked");
        }
        HTML_LIT(b, "</td></tr>");
    }
    HTML_LIT(b, "</tbody></table><form class=\"card\" method=\"post\" "
                "action=\"/admin/round\">");
    page_csrf_field(r, b);
    HTML_LIT(b, "<input type=\"hidden\" name=\"state\" value=\"new\"/>"
                "<label for=\"round\">Open a new round: code</label><input "
                "id=\"round\" name=\"round\" required=\"required\"/><label "
                "for=\"title\">Title</label><input id=\"title\" name=\"title\"/>"
                "<label for=\"as_of\">As of (YYYY-MM-DD)</label><input "
                "id=\"as_of\" name=\"as_of\"/><div><button type=\"submit\">Open"
                "</button></div></form>\n");
    if (r->ses.user.eRole == ROLE_ADMIN) {
        User *aU = NULL;
        size_t nU = 0;
        AppErr err = APPERR_INIT;
        if (store_user_list(r->s, &aU, &nU, &err) == 0) {
            HTML_LIT(b, "<h2>Users</h2><table><thead><tr><th scope=\"col\">Name"
                        "</th><th scope=\"col\">Role</th><th scope=\"col\">"
                        "Organisation</th><th scope=\"col\">State</th></tr>"
                        "</thead><tbody>");
            for (size_t i = 0; i < nU; i++) {
                HTML_LIT(b, "<tr><td>");
                esc_html(b, aU[i].zName);
                HTML_LIT(b, "</td><td>");
                esc_html(b, role_name(aU[i].eRole));
                HTML_LIT(b, "</td><td>");
                esc_html(b, aU[i].zOrg ? aU[i].zOrg : "");
                HTML_LIT(b, "</td><td><form method=\"post\" "
                            "action=\"/admin/user\">");
                page_csrf_field(r, b);
                HTML_LIT(b, "<input type=\"hidden\" name=\"name\" value=\"");
                esc_html(b, aU[i].zName);
                HTML_LIT(b, "\"/>");
                esc_html(b, aU[i].bDisabled ? "disabled " : "active ");
                if (aU[i].bDisabled) {
                    HTML_LIT(b, "<button type=\"submit\" name=\"action\" "
                                "value=\"enable\">enable</button>");
                } else {
                    HTML_LIT(b, "<button type=\"submit\" name=\"action\" "
                                "value=\"disable\">disable</button>");
                }
                HTML_LIT(b, "</form></td></tr>");
                user_release(&aU[i]);
            }
            free(aU);
            HTML_LIT(b, "</tbody></table>");
        }
        HTML_LIT(b, "<form class=\"card\" method=\"post\" action=\"/admin/user\">");
        page_csrf_field(r, b);
        HTML_LIT(b, "<label for=\"name\">New user: name</label><input id=\"name\" "
                    "name=\"name\" required=\"required\"/><label for=\"role\">"
                    "Role</label><select id=\"role\" name=\"role\">");
        for (int k = 0; k < ROLE_COUNT; k++) {
            HTML_LIT(b, "<option>");
            esc_html(b, role_name((Role)k));
            HTML_LIT(b, "</option>");
        }
        HTML_LIT(b, "</select><label for=\"org\">Organisation (acronym)</label>"
                    "<input id=\"org\" name=\"org\"/><label for=\"password\">"
                    "Password (8 characters or more)</label><input "
                    "id=\"password\" name=\"password\" type=\"password\" "
                    "autocomplete=\"new-password\" required=\"required\"/><div>"
                    "<button type=\"submit\" name=\"action\" value=\"add\">"
                    "Add user</button></div></form>\n");
        HTML_LIT(b, "<h2>Organisations</h2><p>");
        buf_printf(b, "%zu organisations in the directory. ", m->nOrg);
        HTML_LIT(b, "Add one, or correct one by giving its acronym:</p><form "
                    "class=\"card\" method=\"post\" action=\"/admin/org\">");
        page_csrf_field(r, b);
        HTML_LIT(b, "<label for=\"acronym\">Acronym</label><input "
                    "id=\"acronym\" name=\"acronym\" required=\"required\"/>"
                    "<label for=\"oname\">Full name</label><input id=\"oname\" "
                    "name=\"name\"/><label for=\"kind\">Kind</label><select "
                    "id=\"kind\" name=\"kind\">");
        for (int k = 0; k < ORG_KIND_COUNT; k++) {
            HTML_LIT(b, "<option>");
            esc_html(b, org_kind_name((OrgKind)k));
            HTML_LIT(b, "</option>");
        }
        HTML_LIT(b, "</select><label for=\"parent\">Part of (acronym)</label>"
                    "<input id=\"parent\" name=\"parent\"/><div><button "
                    "type=\"submit\">Save organisation</button></div></form>\n");
    }
    page_end(r, w);
    return 0;
}

/* After an admin POST: the error page, or back to the admin page (of the
** plan the form named) with the notice of aAdminDone[] keyed zDone. */
static void
admin_done(const Req *r, Resp *w, int rc, const AppErr *err, const char *zDone)
{
    if (rc) {
        web_fail(r, w, err);
        return;
    }
    assert(admin_done_text(zDone));
    Buf loc = BUF_INIT;
    buf_puts(&loc, "/admin?done=");
    url_encode(&loc, zDone);
    if (page_plan_code(r)) {
        buf_puts(&loc, "&plan=");
        url_encode(&loc, page_plan_code(r));
    }
    resp_redirect(w, buf_str(&loc));
    buf_release(&loc);
}

/* ** PAGE: /admin/user (POST) */
int
page_admin_user_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    const char *zName = req_form(r, "name");
    const char *zAction = req_form(r, "action");
    int rc;
    if (str_eq(zAction, "disable") || str_eq(zAction, "enable")) {
        rc = admin_user_set_disabled(r->s, &who, zName, zAction[0] == 'd',
                                     &err);
        admin_done(r, w, rc, &err, zAction[0] == 'd' ? "user_disabled"
                                                    : "user_enabled");
        return 0;
    }
    Role eRole;
    char *zHash = NULL;
    if (role_parse(req_form(r, "role"), &eRole)) {
        rc = apperr_set(&err, APPERR_INPUT, "unknown role (accepted: "
                        ROLE_ACCEPTED ")");
    } else if (secret_hash_password(req_form(r, "password"), &zHash, &err)) {
        rc = -1;
    } else {
        rc = admin_user_add(r->s, &who, zName, eRole, req_form(r, "org"),
                            zHash, &err);
    }
    free(zHash);
    admin_done(r, w, rc, &err, "user_added");
    return 0;
}

/* ** PAGE: /admin/org (POST) */
int
page_admin_org_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    OrgKind eKind;
    int rc;
    if (org_kind_parse(req_form(r, "kind"), &eKind)) {
        rc = apperr_set(&err, APPERR_INPUT, "unknown kind (accepted: "
                        ORG_KIND_ACCEPTED ")");
    } else {
        rc = admin_org_save(r->s, &who, req_form(r, "acronym"),
                            req_form(r, "name"), eKind, req_form(r, "parent"),
                            &err);
    }
    admin_done(r, w, rc, &err, "org_saved");
    return 0;
}

/* ** PAGE: /admin/round (POST) */
int
page_admin_round_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    const char *zState = req_form(r, "state");
    const char *zRound = req_form(r, "round");
    int rc;
    RoundState e;
    if (str_eq(zState, "new") || str_eq(zState, "open")) {
        rc = workflow_open_round(r->s, &who, page_plan_code(r), zRound,
                                 req_form(r, "title"), req_form(r, "as_of"),
                                 str_eq(zState, "new"), &err);
    } else if (round_state_parse(zState, &e)) {
        rc = apperr_set(&err, APPERR_INPUT, "unknown state");
    } else {
        rc = workflow_set_round_state(r->s, &who, page_plan_code(r), zRound, e,
                                      &err);
    }
    admin_done(r, w, rc, &err, "round_updated");
    return 0;
}
