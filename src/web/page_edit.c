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
#include "../app/succession.h"
#include "../app/inbox.h"
#include "../app/readmodel.h"
#include "../core/attach.h"
#include "../core/diff.h"
#include "../app/funding.h"
#include "page_funding.h"
#include "../core/history.h"
#include "../core/review.h"
#include "../base/utf8.h"
#include "web.h"
#include "../core/rules.h"
#include "../report/sheet.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static void
edit_rating_select(Buf *b, const char *zName, Rating eSel)
{
    page_select_code(b, zName, zName, CODE_RATING, rating_key(eSel));
}

static Rating
edit_rating_of(const char *z)
{
    int i = code_index(CODE_RATING, z);
    return i < 0 ? RATING_NONE : (Rating)i;
}

/* A statement's state as a badge: its label, in words. */
static void
edit_stmt_badge(Buf *b, StmtState e)
{
    HTML_LIT(b, "<span class=\"badge s-");
    esc_html(b, stmt_state_name(e));
    HTML_LIT(b, "\">");
    esc_html(b, stmt_state_label(e));
    HTML_LIT(b, "</span>");
}

/* A statement's comment thread, oldest first: who (role), when, what. */
static void
edit_thread(Buf *b, const Statement *st)
{
    HTML_LIT(b, "<div class=\"thread\"><h4>");
    HTML_TR(b, "Comments");
    HTML_LIT(b, "</h4>");
    if (!st || !st->nComment) {
        HTML_LIT(b, "<p class=\"small\">");
        HTML_TR(b, "No comments yet.");
        HTML_LIT(b, "</p></div>");
        return;
    }
    HTML_LIT(b, "<ol class=\"comments\">");
    for (size_t i = 0; i < st->nComment; i++) {
        const StmtComment *c = &st->aComment[i];
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(c->zAt, zWhen, sizeof zWhen);
        HTML_LIT(b, "<li><span class=\"small\"><strong>");
        esc_html(b, c->zAuthor);
        HTML_LIT(b, "</strong> (");
        esc_html(b, role_label(c->eRole));
        HTML_LIT(b, ") ");
        esc_html(b, zWhen);
        HTML_LIT(b, "</span><br/>");
        esc_html_paragraphs(b, c->zText);
        HTML_LIT(b, "</li>");
    }
    HTML_LIT(b, "</ol></div>");
}

/* The start of a form that acts on organisation zOrg's statement. */
static void
edit_stmt_form_start(Buf *b, const Req *r, const Node *n, const Round *rd,
                     const Statement *st)
{
    Buf what = BUF_INIT;
    buf_puts(&what, "statement/");
    url_encode(&what, st->zOrg);
    buf_puts(&what, "/review");
    page_activity_form_start(b, r, n->zCode, buf_str(&what), rd->zCode,
                             st->iVersion);
    buf_release(&what);
}

/* The comment box of a statement's form, with what the user typed when
** the form was refused. */
static void
edit_stmt_comment_box(Req *r, Buf *b, const Statement *st, int bKeepPosted,
                      const char *zLabel)
{
    Buf id = BUF_INIT;
    buf_puts(&id, "comment-");
    url_encode(&id, st->zOrg);
    HTML_LIT(b, "<label for=\"");
    esc_html(b, buf_str(&id));
    HTML_LIT(b, "\">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</label><textarea class=\"short\" id=\"");
    esc_html(b, buf_str(&id));
    HTML_LIT(b, "\" name=\"comment\">");
    esc_html(b, bKeepPosted ? req_form(r, "comment") : "");
    HTML_LIT(b, "</textarea>");
    buf_release(&id);
}

/* Was the refused form being shown again about zOrg's statement?  The
** form names it in "org"; a statement's review address in its path
** (/activity/CODE/statement/ORG/review). */
static int
edit_posted_for(Req *r, int bKeepPosted, const char *zOrg)
{
    const char *zPosted = req_form(r, "org");
    if (!*zPosted && r->nParam > 1) {
        zPosted = r->azParam[1];
    }
    return bKeepPosted && str_eq(zPosted, zOrg);
}

static void edit_attachments(const Req *r, Buf *b, const Node *n,
                             const Round *rd, const Statement *st);

/* The statement form of the user's organisation in open round rd; ta is
** the assessment with threads (NULL when they could not be read). */
static void
edit_statement_form(Req *r, Buf *b, const Node *n, const Round *rd,
                    const Assessment *a, const Assessment *ta, int bKeepPosted)
{
    const char *zOrg = r->ses.user.zOrg;
    const Statement *st = assessment_find_statement(a, zOrg);
    const Statement *tst = ta ? assessment_find_statement(ta, zOrg) : NULL;
    HTML_LIT(b, "<h3>");
    HTML_TR(b, "Statement of");
    HTML_LIT(b, " ");
    esc_html(b, zOrg);
    HTML_LIT(b, " ");
    HTML_TR(b, "for");
    HTML_LIT(b, " ");
    esc_html(b, rd->zTitle);
    HTML_LIT(b, "</h3>");
    if (st) {
        HTML_LIT(b, "<p>");
        edit_stmt_badge(b, st->eState);
        HTML_LIT(b, "</p>");
    }
    if (st && st->eState != STMT_DRAFT) {
        edit_thread(b, tst);
        edit_stmt_form_start(b, r, n, rd, st);
        HTML_LIT(b, "<input type=\"hidden\" name=\"org\" value=\"");
        esc_html(b, st->zOrg);
        HTML_LIT(b, "\"/>");
        edit_stmt_comment_box(r, b, st, edit_posted_for(r, bKeepPosted, zOrg),
                              _("Reply to the M&E officer"));
        HTML_LIT(b, "<div><button type=\"submit\" name=\"action\" "
                    "value=\"comment\">");
        HTML_TR(b, "Send the reply");
        HTML_LIT(b, "</button></div></form>\n");
    }
    if (st && st->eState == STMT_ACCEPTED) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "Accepted: this statement is final.");
        HTML_LIT(b, "</p>");
        edit_attachments(r, b, n, rd, tst);
        return;
    }
    if (st && st->eState == STMT_RETURNED) {
        HTML_LIT(b, "<p class=\"notice error\">");
        HTML_TR(b, "Returned by the M&E officer: see the comments above, "
                   "change the statement and submit it again.");
        HTML_LIT(b, "</p>");
    }
    /* A reply refused keeps its text in the reply box, not here. */
    if (bKeepPosted && *req_form(r, "org")) {
        bKeepPosted = 0;
    }
    const char *zText = bKeepPosted ? req_form(r, "text") : st ? st->zText : "";
    Rating eR = bKeepPosted ? edit_rating_of(req_form(r, "rating"))
                : st        ? st->eProposed
                            : RATING_NONE;
    page_activity_form_start(b, r, n->zCode, "statement", rd->zCode,
                             st ? st->iVersion : 0);
    HTML_LIT(b, "<label for=\"text\">");
    HTML_TR(b, "What");
    HTML_LIT(b, " ");
    esc_html(b, zOrg);
    HTML_LIT(b, " ");
    HTML_TR(b, "did on this activity");
    HTML_LIT(b, "</label><textarea id=\"text\" name=\"text\">");
    esc_html(b, zText);
    HTML_LIT(b, "</textarea><label for=\"rating\">");
    HTML_TR(b, "Proposed rating");
    HTML_LIT(b, "</label>");
    edit_rating_select(b, "rating", eR);
    HTML_LIT(b, "<div><button type=\"submit\" name=\"action\" value=\"save\">");
    HTML_TR(b, "Save draft");
    HTML_LIT(b, "</button><button type=\"submit\" name=\"action\" "
                "value=\"submit\">");
    HTML_TR(b, "Submit to the M&E officer");
    HTML_LIT(b, "</button></div></form>\n");
    edit_attachments(r, b, n, rd, tst);
}

/* The address of attachment f of activity zCode: /activity/CODE/
** attachment/ID, then zTail, into e (text, escaped where it is shown). */
static void
edit_attach_addr(Buf *e, const Req *r, const char *zCode,
                 const StmtAttachment *f, const char *zTail)
{
    buf_puts(e, "/activity/");
    url_encode(e, zCode);
    buf_printf(e, "/attachment/%ld%s", f->iId, zTail);
    if (page_plan_code(r)) {
        buf_puts(e, "?plan=");
        url_encode(e, page_plan_code(r));
    }
}

/* The files attached to statement st (with threads: NULL when unread) of
** activity n in round rd: each a download link with its kind, size, who
** and when, and a Remove button where core's rule allows it; then, for the
** organisation's reporter while it may attach, the upload form. */
static void
edit_attachments(const Req *r, Buf *b, const Node *n, const Round *rd,
                 const Statement *st)
{
    Actor who = page_actor(r);
    AppErr e = APPERR_INIT;
    int bMayAdd = st && who.eRole == ROLE_REPORTER &&
                  str_eq(who.zOrg, st->zOrg) &&
                  rules_attachment_may_add(&who, n, rd, st, "file",
                                           "application/pdf", 1, &e) == 0;
    if (!st && who.eRole == ROLE_REPORTER && rd->eState == ROUND_OPEN) {
        HTML_LIT(b, "<p class=\"small\">");
        HTML_TR(b, "Save the statement as a draft to attach files to it "
                   "(reports, photos, lists of participants).");
        HTML_LIT(b, "</p>\n");
        return;
    }
    if ((!st || !st->nAttach) && !bMayAdd) {
        return;
    }
    HTML_LIT(b, "<div class=\"attachments\"><h4>");
    HTML_TR(b, "Attached files");
    HTML_LIT(b, "</h4>");
    if (!st->nAttach) {
        HTML_LIT(b, "<p class=\"small\">");
        HTML_TR(b, "None yet.");
        HTML_LIT(b, "</p>");
    } else {
        HTML_LIT(b, "<ul>");
    }
    for (size_t i = 0; i < st->nAttach; i++) {
        const StmtAttachment *f = &st->aAttach[i];
        Buf addr = BUF_INIT;
        edit_attach_addr(&addr, r, n->zCode, f, "");
        HTML_LIT(b, "<li><a download=\"\" href=\"");
        esc_html(b, buf_str(&addr));
        HTML_LIT(b, "\">");
        esc_html(b, f->zName);
        HTML_LIT(b, "</a> <span class=\"small\">(");
        esc_html(b, attach_type_label(f->zType));
        if (f->nBytes < 1024L * 1024L) {
            buf_printf(b, ", %ld KB", (f->nBytes + 1023) / 1024);
        } else {
            buf_printf(b, ", %.1f MB", (double)f->nBytes / (1024.0 * 1024.0));
        }
        char zAt[64];
        str_time_local(f->zAt, zAt, sizeof zAt);
        HTML_LIT(b, ", ");
        esc_html(b, f->zBy);
        HTML_LIT(b, ", ");
        esc_html(b, zAt);
        HTML_LIT(b, ")</span>");
        if (rules_attachment_may_delete(&who, rd, st, f, &e) == 0) {
            buf_reset(&addr);
            edit_attach_addr(&addr, r, n->zCode, f, "/remove");
            HTML_LIT(b, " <form class=\"inline\" method=\"post\" action=\"");
            esc_html(b, buf_str(&addr));
            HTML_LIT(b, "\">");
            page_csrf_field(r, b);
            HTML_LIT(b, "<input type=\"hidden\" name=\"round\" value=\"");
            esc_html(b, rd->zCode);
            HTML_LIT(b, "\"/><input type=\"hidden\" name=\"attach\" "
                        "value=\"1\"/><button type=\"submit\">");
            HTML_TR(b, "Remove");
            HTML_LIT(b, "</button></form>");
        }
        HTML_LIT(b, "</li>");
        buf_release(&addr);
    }
    if (st->nAttach) {
        HTML_LIT(b, "</ul>");
    }
    if (bMayAdd) {
        HTML_LIT(b, "<form class=\"entry attach\" method=\"post\" "
                    "enctype=\"multipart/form-data\" action=\"/activity/");
        Buf code = BUF_INIT;
        url_encode(&code, n->zCode);
        esc_html(b, buf_str(&code));
        buf_release(&code);
        HTML_LIT(b, "/attachments\">");
        page_csrf_field(r, b);
        page_plan_field(r, b);
        HTML_LIT(b, "<input type=\"hidden\" name=\"round\" value=\"");
        esc_html(b, rd->zCode);
        HTML_LIT(b, "\"/><input type=\"hidden\" name=\"attach\" value=\"1\"/>"
                    "<label for=\"attach-file\">");
        HTML_TR(b, "Attach evidence");
        HTML_LIT(b, "</label><p class=\"small\">");
        esc_html(b, attach_types_accepted());
        buf_printf(b, "; %u MB, %u ", LIMIT_ATTACH_BYTES >> 20,
                   LIMIT_ATTACH_PER_STATEMENT);
        HTML_TR(b, "files at most");
        HTML_LIT(b, "</p><input id=\"attach-file\" name=\"file\" "
                    "type=\"file\" multiple=\"multiple\" required=\"required\" "
                    "accept=\".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt\"/>"
                    "<div><button type=\"submit\">");
        HTML_TR(b, "Attach");
        HTML_LIT(b, "</button></div></form>");
    }
    HTML_LIT(b, "</div>\n");
}

/* What changed between a statement's last two submitted versions, as
** <del>/<ins> over core's word comparison. */
static void
edit_version_diff(Buf *b, const Statement *st)
{
    if (st->nVer < 2) {
        return;
    }
    const StmtVersion *v0 = &st->aVer[st->nVer - 2];
    const StmtVersion *v1 = &st->aVer[st->nVer - 1];
    HTML_LIT(b, "<p class=\"small\">");
    HTML_TR(b, "What changed since the version submitted before:");
    HTML_LIT(b, "</p><p class=\"diff\">");
    DiffPiece *a = NULL;
    size_t n = 0;
    diff_words(v0->zText, v1->zText, &a, &n);
    for (size_t i = 0; i < n; i++) {
        Buf piece = BUF_INIT;
        buf_append(&piece, a[i].z, a[i].n);
        if (a[i].eKind == DIFF_DEL) {
            HTML_LIT(b, "<del>");
        } else if (a[i].eKind == DIFF_INS) {
            HTML_LIT(b, "<ins>");
        }
        esc_html(b, buf_str(&piece));
        if (a[i].eKind == DIFF_DEL) {
            HTML_LIT(b, "</del>");
        } else if (a[i].eKind == DIFF_INS) {
            HTML_LIT(b, "</ins>");
        }
        buf_release(&piece);
    }
    free(a);
    HTML_LIT(b, "</p>");
    if (v0->eProposed != v1->eProposed) {
        HTML_LIT(b, "<p class=\"small\">");
        HTML_TR(b, "Proposed rating was");
        HTML_LIT(b, " ");
        esc_html(b, rating_label(v0->eProposed));
        HTML_LIT(b, "</p>");
    }
}

/* The officer's view of each organisation's statement in round rd: state,
** proposed rating, text, what changed, thread, and Accept / Return. */
static void
edit_statements_review(Req *r, Buf *b, const Node *n, const Round *rd,
                       const Assessment *ta, int bKeepPosted)
{
    HTML_LIT(b, "<h3>");
    HTML_TR(b, "Statements for");
    HTML_LIT(b, " ");
    esc_html(b, rd->zTitle);
    HTML_LIT(b, "</h3>");
    if (!ta || !ta->nStmt) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "No organisation has written a statement yet.");
        HTML_LIT(b, "</p>");
        return;
    }
    for (size_t k = 0; k < ta->nStmt; k++) {
        const Statement *st = &ta->aStmt[k];
        HTML_LIT(b, "<section class=\"card stmt\"><h4>");
        esc_html(b, st->zOrg);
        HTML_LIT(b, " ");
        edit_stmt_badge(b, st->eState);
        HTML_LIT(b, "</h4><p class=\"small\">");
        HTML_TR(b, "Proposed rating:");
        HTML_LIT(b, " ");
        page_rating(b, st->eProposed);
        /* How often and when it was handed in (its version number counts
        ** every save: bookkeeping, not shown). */
        if (st->nVer) {
            char zWhen[STR_TIME_LOCAL_BYTES];
            str_time_local(st->aVer[st->nVer - 1].zAt, zWhen, sizeof zWhen);
            Buf v = BUF_INIT;
            if (st->nVer == 1) {
                buf_printf(&v, _("submitted on %s"), zWhen);
            } else {
                buf_printf(&v,
                           ngettext("submitted %zu time, the last on %s",
                                    "submitted %zu times, the last on %s",
                                    st->nVer),
                           st->nVer, zWhen);
            }
            HTML_LIT(b, " \xC2\xB7 ");
            esc_html(b, buf_str(&v));
            buf_release(&v);
        }
        HTML_LIT(b, "</p><div class=\"stmt-text\">");
        esc_html_paragraphs(b, *st->zText ? st->zText : _("(empty)"));
        HTML_LIT(b, "</div>");
        edit_version_diff(b, st);
        edit_attachments(r, b, n, rd, st);
        edit_thread(b, st);
        if (rd->eState != ROUND_PUBLISHED && st->eState != STMT_DRAFT) {
            edit_stmt_form_start(b, r, n, rd, st);
            HTML_LIT(b, "<input type=\"hidden\" name=\"org\" value=\"");
            esc_html(b, st->zOrg);
            HTML_LIT(b, "\"/>");
            edit_stmt_comment_box(
                r, b, st, edit_posted_for(r, bKeepPosted, st->zOrg),
                _("Comment to this organisation (needed to return)"));
            HTML_LIT(b, "<div>");
            if (rules_statement_waiting(st)) {
                HTML_LIT(b, "<button type=\"submit\" name=\"action\" "
                            "value=\"accept\">");
                HTML_TR(b, "Accept");
                HTML_LIT(b, "</button><button type=\"submit\" "
                            "name=\"action\" value=\"return\">");
                HTML_TR(b, "Return");
                HTML_LIT(b, "</button>");
            }
            HTML_LIT(b, "<button type=\"submit\" name=\"action\" "
                        "value=\"comment\">");
            HTML_TR(b, "Comment only");
            HTML_LIT(b, "</button></div></form>");
        }
        HTML_LIT(b, "</section>\n");
    }
}

/* A saved narrative that keeps the text of statement st's version iVer,
** which its organisation has replaced since: said, and shown to copy
** from, above the narrative composed again. */
static void
edit_replaced_notice(Buf *b, const Assessment *a, const Statement *st,
                     size_t iVer)
{
    char zWhen[STR_TIME_LOCAL_BYTES];
    str_time_local(st->aVer[iVer].zAt, zWhen, sizeof zWhen);
    HTML_LIT(b, "<div class=\"notice warning\" role=\"alert\"><p>");
    Buf t = BUF_INIT;
    buf_printf(&t,
               _("The saved narrative keeps the text %s submitted on %s, "
                 "which %s has replaced since. The narrative below is "
                 "composed again from the statements as they are now; the "
                 "saved one is here to copy from."),
               st->zOrg, zWhen, st->zOrg);
    esc_html(b, buf_str(&t));
    buf_release(&t);
    HTML_LIT(b, "</p><details><summary>");
    HTML_TR(b, "The saved narrative");
    HTML_LIT(b, "</summary><div class=\"stmt-text saved-narrative\">");
    esc_html(b, a->zProgress);
    HTML_LIT(b, "</div></details></div>");
}

/* The M&E officer's form: narrative (pre-filled with the statements when
** empty, or when the saved one keeps a statement's text its organisation
** has replaced: ta, the assessment with the statements' versions), rating,
** save or approve. */
static void
edit_review_form(Req *r, Buf *b, const Node *n, const Round *rd,
                 const Assessment *a, const Assessment *ta, int bKeepPosted)
{
    HTML_LIT(b, "<h3>");
    Buf h = BUF_INIT;
    buf_printf(&h, _("The activity's narrative and rating in the %s"),
               rd->zTitle);
    esc_html(b, buf_str(&h));
    buf_release(&h);
    HTML_LIT(b, "</h3>");
    size_t iVer = 0;
    const Statement *stOld =
        bKeepPosted ? NULL : rules_narrative_replaced(ta, a->zProgress, &iVer);
    if (stOld) {
        edit_replaced_notice(b, a, stOld, iVer);
    }
    Buf merged = BUF_INIT;
    if (!*a->zProgress || stOld) {
        workflow_narrative_draft(a, 1, &merged);
    }
    const char *zText = bKeepPosted               ? req_form(r, "progress")
                        : *a->zProgress && !stOld ? a->zProgress
                                                  : buf_str(&merged);
    Rating eR =
        bKeepPosted ? edit_rating_of(req_form(r, "rating")) : a->eRating;
    page_activity_form_start(b, r, n->zCode, "review", rd->zCode, a->iVersion);
    HTML_LIT(b, "<label for=\"progress\">");
    HTML_TR(b, "Progress narrative");
    HTML_LIT(b, "</label><textarea id=\"progress\" name=\"progress\">");
    esc_html(b, zText);
    HTML_LIT(b, "</textarea><label for=\"rating\">");
    HTML_TR(b, "Rating");
    HTML_LIT(b, "</label>");
    edit_rating_select(b, "rating", eR);
    /* Returns go to one organisation's statement at a time (the
    ** statements' forms above): this form saves or approves the
    ** activity's own narrative and rating. */
    HTML_LIT(b, "<div><button type=\"submit\" name=\"action\" value=\"save\">");
    HTML_TR(b, "Save draft");
    HTML_LIT(
        b,
        "</button><button type=\"submit\" name=\"action\" value=\"approve\">");
    HTML_TR(b, "Approve narrative and rating");
    HTML_LIT(b, "</button></div></form>\n");
    buf_release(&merged);
}

/* A link to activity n of plan pp reading zText (_()). */
static void
edit_link_node(Buf *b, const Model *m, const Plan *pp, const Node *n,
               const char *zText)
{
    char *zQ = page_plan_query(m, pp);
    page_link(b, "/activity/", n->zCode, zQ, zText);
    free(zQ);
}

/* Plan succession on the activity page: the history of the node this one
** carries on from an earlier plan (its ratings by round, with the plan
** named) and the plan that carries it on. */
static void
edit_succession(const Model *m, const Plan *p, const Node *n, Buf *b)
{
    const Plan *pp;
    const Node *q = model_find_predecessor(m, n, &pp);
    Buf t = BUF_INIT;
    if (q) {
        HTML_LIT(b, "<section class=\"card succession\"><h2>");
        HTML_TR(b, "Before this plan");
        HTML_LIT(b, "</h2><p>");
        buf_printf(&t, _("This activity carries on %s %s of the plan %s."),
                   level_label(pp->aLevel[q->iLevel].zName), q->zCode,
                   plan_title(pp, i18n_current()));
        esc_html(b, buf_str(&t));
        HTML_LIT(b, " ");
        edit_link_node(b, m, pp, q, _("Open it"));
        HTML_LIT(b, "</p>");
        PredRound *a;
        size_t nA = model_predecessor_rounds(m, n, &a);
        HTML_LIT(b, "<ul class=\"history\">");
        for (size_t k = 0; k < nA; k++) {
            buf_reset(&t);
            buf_printf(&t, _("%s (plan %s):"), a[k].rd->zCode,
                       plan_title(a[k].p, i18n_current()));
            HTML_LIT(b, "<li>");
            esc_html(b, buf_str(&t));
            HTML_LIT(b, " ");
            page_rating(b, a[k].a->eRating);
            HTML_LIT(b, "</li>");
        }
        HTML_LIT(b, "</ul>");
        if (nA == 0) {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "It was not assessed in any round you may read.");
            HTML_LIT(b, "</p>");
        }
        free(a);
        HTML_LIT(b, "</section>\n");
    }
    q = model_find_successor(m, p, n, &pp);
    if (q) {
        HTML_LIT(b, "<section class=\"card succession\"><h2>");
        HTML_TR(b, "After this plan");
        HTML_LIT(b, "</h2><p>");
        buf_reset(&t);
        buf_printf(&t, _("The plan %s carries this activity on as %s %s."),
                   plan_title(pp, i18n_current()),
                   level_label(pp->aLevel[q->iLevel].zName), q->zCode);
        esc_html(b, buf_str(&t));
        HTML_LIT(b, " ");
        edit_link_node(b, m, pp, q, _("Open it"));
        HTML_LIT(b, "</p></section>\n");
    }
    buf_release(&t);
}

/* How wide (in columns) an activity page's heading shows its text. */
#define EDIT_TITLE_WIDTH 90

/* Which activity edit_activity_body() shows. */
typedef struct EditActivity {
    const Plan *p;
    long iNode;
    const char *zOnlyOrg; /* a reporter's organisation: only its own
                          ** statements show; NULL: every one */
    int bLead;            /* the heading clipped the text: show it whole */
    Actor who;            /* the reader (rules_narrative_may_read()) */
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
    if (x->bLead) {
        HTML_LIT(b, "<p class=\"lead\">");
        esc_html(b, node_text(n, i18n_current()));
        HTML_LIT(b, "</p>");
    }
    HTML_LIT(b, "<p class=\"small\">");
    for (int l = 0; l < n->iLevel; l++) {
        long ia = plan_ancestor_at(p, iNode, l);
        if (ia < 0) {
            continue;
        }
        esc_html(b, level_label(p->aLevel[l].zName));
        buf_putc(b, ' ');
        esc_html(b, p->aNode[ia].zCode);
        buf_puts(b, ": ");
        esc_html(b, node_text(&p->aNode[ia], i18n_current()));
        const char *zInd = node_indicator(&p->aNode[ia], i18n_current());
        if (zInd) {
            HTML_LIT(b, " ");
            HTML_TR(b, "\xE2\x80\x94 indicator:");
            HTML_LIT(b, " ");
            esc_html(b, zInd);
        }
        HTML_LIT(b, "<br/>");
    }
    HTML_LIT(b, "</p><p>");
    HTML_TR(b, "Responsible:");
    HTML_LIT(b, " ");
    for (size_t k = 0; k < n->nResp; k++) {
        buf_puts(b, k ? ", " : "");
        page_link_org(b, n->azResp[k], zQ);
    }
    esc_html(b, n->nResp ? "" : _("none"));
    HTML_LIT(b, " ");
    HTML_TR(b, "\xC2\xB7 Partners:");
    HTML_LIT(b, " ");
    for (size_t k = 0; k < n->nContrib; k++) {
        buf_puts(b, k ? ", " : "");
        page_link_org(b, n->azContrib[k], zQ);
    }
    esc_html(b, n->nContrib ? "" : _("none"));
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
        esc_html(b, review_assessment_status(rd, a, x->zOnlyOrg));
        HTML_LIT(b, "</span></p><h3>");
        HTML_TR(b, "Action point");
        HTML_LIT(b, "</h3><p>");
        esc_html_paragraphs(b,
                            *a->zActionPoint ? a->zActionPoint : _("(none)"));
        HTML_LIT(b, "</p><h3>");
        HTML_TR(b, "Progress");
        HTML_LIT(b, "</h3><p>");
        if (!rules_narrative_may_read(&x->who, rd, a)) {
            esc_html(b, _("(the M&E officer's narrative shows once it is "
                          "approved)"));
        } else {
            esc_html_paragraphs(b,
                                *a->zProgress ? a->zProgress : _("(none yet)"));
        }
        HTML_LIT(b, "</p>");
        for (size_t s = 0; s < a->nStmt; s++) {
            const Statement *st = &a->aStmt[s];
            if (x->zOnlyOrg && !str_eq(st->zOrg, x->zOnlyOrg)) {
                continue; /* a reporter reads its own organisation's */
            }
            HTML_LIT(b, "<div class=\"small\"><strong>");
            esc_html(b, st->zOrg);
            HTML_LIT(b, "</strong> (");
            esc_html(b, stmt_state_label(st->eState));
            HTML_TR(b, ", proposes");
            HTML_LIT(b, " ");
            esc_html(b, st->eProposed == RATING_NONE
                            ? _("no rating")
                            : rating_label(st->eProposed));
            HTML_LIT(b, "): ");
            esc_html_paragraphs(b, st->zText);
            HTML_LIT(b, "</div>");
        }
        HTML_LIT(b, "</section>");
    }
    HTML_LIT(b, "</div>\n");
    edit_succession(readmodel_model(rm), p, n, b);
    free(zQ);
}

/* Whose history edit_history() shows, read through which connection. */
typedef struct EditHistory {
    Store *s;
    const Plan *p;
    const Node *n;
    Actor who; /* the reader: whose statements' comments it may read */
} EditHistory;

/* May who read audit row e?  The narrative's edits are the officers'
** (rules_narrative_may_read(): drafts until approved, and the history
** holds the drafts); a statement's edits are as the statement:
** a reporter reads only its own organisation's; a comment is its
** organisation's and the officers' only (core/rules.h), like the thread
** it is in; every other edit is shown. */
static int
edit_history_may_read(const Actor *who, const AuditEntry *e)
{
    if (str_eq(e->zEntity, "assessment")) {
        /* The narrative's drafts are the officers' (as on the card). */
        return !e->zField || !str_eq(e->zField, "progress") ||
               rules_is_editor(who);
    }
    if (!str_eq(e->zEntity, "statement")) {
        return 1;
    }
    const char *zOrg = e->zKey ? strrchr(e->zKey, '/') : NULL;
    if (zOrg && rules_statement_may_read(who, zOrg + 1)) {
        return 1;
    }
    if (who->eRole == ROLE_REPORTER) {
        return 0; /* another organisation's statement */
    }
    return !e->zField || !str_eq(e->zField, "comment");
}

/* The activity's history of edits, newest first, in words (sheet
** "history"): "2018 statement of MOLVT: state", "Submitted" → "Approved". */
static void
edit_history_sheet(const void *arg, const char *zId, Sheet *t)
{
    const EditHistory *x = arg;
    AuditEntry *ae = NULL;
    size_t nAe = 0;
    AppErr err = APPERR_INIT;
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/%s", x->p->zCode, x->n->zCode);
    page_history_cols(t);
    if (store_audit_list(x->s, buf_str(&key), &ae, &nAe, &err) == 0) {
        size_t nKeep = 0;
        for (size_t i = 0; i < nAe; i++) {
            nKeep += edit_history_may_read(&x->who, &ae[i]);
        }
        sheet_caption(t, ngettext("%zu edit", "%zu edits", nKeep), nKeep);
        for (size_t i = nAe; i-- > 0;) {
            if (!edit_history_may_read(&x->who, &ae[i])) {
                continue;
            }
            page_history_row(t, &ae[i], key.n);
        }
        audit_free(ae, nAe);
    }
    buf_release(&key);
}

/* What edit_history() draws: the history and the page's address. */
typedef struct EditHistoryPage {
    EditHistory h;
    const char *zSelf;
} EditHistoryPage;

/* The activity's history as a table.  Kept per snapshot like the page's
** other data-only parts: every edit moves the data version, so the next
** request after an edit renders it again. */
static void
edit_history(ReadModel *rm, const void *arg, Buf *b)
{
    const EditHistoryPage *x = arg;
    Sheet t;
    sheet_init(&t, "history", NULL);
    edit_history_sheet(&x->h, "history", &t);
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "History of edits");
    HTML_LIT(b, "</h2>");
    page_sheet(b, &t, x->zSelf);
    sheet_release(&t);
    (void)rm;
}

static const char *const azActivitySheet[] = { "history", "funding", NULL };
static const char *const azAnonSheet[] = { "funding", NULL };

/* What the activity page's tables are built from. */
typedef struct EditSheets {
    EditHistory h;
    const FundSet *f;
} EditSheets;

/* The activity page's tables: its history of edits, its funding. */
static void
edit_activity_sheet(const void *arg, const char *zId, Sheet *t)
{
    const EditSheets *x = arg;
    if (str_eq(zId, "funding")) {
        funding_activity_sheet(x->h.p, x->h.n, x->f, t);
    } else {
        edit_history_sheet(&x->h, zId, t);
    }
}

/* The entry forms round rd shows this user on activity n: a reporter its
** organisation's statement while the round is open, if the organisation is
** linked to the activity; the M&E officer and the administrator the
** review while it is open or closed; anyone else none. */
#define EDIT_FORM_STATEMENT 0x1u
#define EDIT_FORM_REVIEW    0x2u

static unsigned
edit_forms_of(const Req *r, const Node *n, const Round *rd)
{
    if (!r->bAuthed || !node_find_assessment(n, rd->zCode)) {
        return 0;
    }
    Role role = r->ses.user.eRole;
    if (role == ROLE_REPORTER) {
        return rd->eState == ROUND_OPEN && page_user_links(r, n)
                   ? EDIT_FORM_STATEMENT
                   : 0;
    }
    if (role == ROLE_ME_OFFICER || role == ROLE_ADMIN) {
        return rd->eState == ROUND_OPEN || rd->eState == ROUND_CLOSED
                   ? EDIT_FORM_REVIEW
                   : 0;
    }
    return 0;
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
        web_error(r, w, 404, _("There is no such activity."));
        return;
    }
    const Node *n = &p->aNode[iNode];
    /* Costs and funding come with the shared read model's snapshot. */
    const FundSet fundView = readmodel_funding(r->pView, p, n->zCode);
    const FundSet *fund = &fundView;
    EditSheets hd = { { r->s, p, n, page_actor(r) }, fund };
    Buf stem = BUF_INIT;
    buf_printf(&stem, "activity-%s", n->zCode);
    int bDownload =
        !zNotice &&
        page_download(r, w, r->bAnon ? azAnonSheet : azActivitySheet,
                      edit_activity_sheet, &hd, buf_str(&stem));
    buf_release(&stem);
    if (bDownload) {
        return;
    }
    /* "Activity 2.3: Raise awareness of …": the level, the code and the
    ** text, clipped on a phone's three lines (the full text follows as
    ** the lead when clipped). */
    Buf title = BUF_INIT;
    utf8_capitalise(&title, level_label(p->aLevel[n->iLevel].zName));
    buf_printf(&title, " %s: ", n->zCode);
    const char *zText = node_text(n, i18n_current());
    int bClipped = utf8_width(zText, strlen(zText)) > EDIT_TITLE_WIDTH;
    utf8_clip_words(&title, zText, EDIT_TITLE_WIDTH);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, zNoticeKind, zNotice);
    }
    /* A reporter reads only its own organisation's statements (core's
    ** rules_statement_may_read()): its page is kept apart. */
    Actor who = page_actor(r);
    const char *zOnly = NULL;
    if (r->bAuthed && who.eRole == ROLE_REPORTER) {
        zOnly = who.zOrg ? who.zOrg : "";
    }
    EditActivity x = { p, iNode, zOnly, bClipped, who };
    Buf memo = BUF_INIT;
    buf_printf(&memo, "activity/%s/%s", p->zCode, n->zCode);
    if (zOnly) {
        buf_printf(&memo, "/org:%s", zOnly);
    }
    /* Kept apart for those who read the officer's unapproved narrative
    ** (rules_narrative_may_read() decides by role and the data only). */
    if (r->bAuthed && rules_is_editor(&who)) {
        buf_puts(&memo, "/editor");
    }
    page_fragment(r, w, buf_str(&memo), edit_activity_body, &x);
    buf_release(&memo);
    /* Entry forms for open (and, for officers, closed) rounds, with the
    ** statements' threads as this user may read them, read now. */
    int bRefused = zNotice && strcmp(zNoticeKind, "error") == 0;
    /* Only the funding forms post "what": keep what the refused one
    ** posted in that form, not in the others. */
    int bFundPost = *req_form(r, "what") != '\0';
    /* Nor does a refused file keep anything in the statement's form. */
    int bKeep = bRefused && !bFundPost && !*req_form(r, "attach");
    Model tm = MODEL_INIT;
    Node *tn = NULL;
    /* Only the forms show threads: a viewer's page reads none. */
    int bForms = 0;
    for (size_t k = 0; k < p->nRound && !bForms; k++) {
        bForms = edit_forms_of(r, n, &p->aRound[k]) != 0;
    }
    if (bForms) {
        AppErr terr = APPERR_INIT;
        if (workflow_activity_threads(r->s, &who, p->zCode, n->zCode, &tm, &tn,
                                      &terr)) {
            tn = NULL; /* the forms still work; the threads are missing */
        }
    }
    for (size_t k = 0; k < p->nRound && r->bAuthed; k++) {
        const Round *rd = &p->aRound[k];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (!a) {
            continue;
        }
        int bPostedHere = bKeep && str_eq(req_form(r, "round"), rd->zCode);
        unsigned forms = edit_forms_of(r, n, rd);
        const Assessment *ta = tn ? node_find_assessment(tn, rd->zCode) : NULL;
        if (forms & EDIT_FORM_STATEMENT) {
            edit_statement_form(r, b, n, rd, a, ta, bPostedHere);
        }
        if (forms & EDIT_FORM_REVIEW) {
            edit_statements_review(r, b, n, rd, ta, bPostedHere);
            /* A refused statement form keeps its comment there only. */
            edit_review_form(r, b, n, rd, a, ta,
                             bPostedHere && !*req_form(r, "org"));
        }
    }
    model_release(&tm);
    funding_activity_section(r, b, m, p, n, fund, bRefused && bFundPost);
    if (!r->bAnon) {
        char *zSelf = page_self(r);
        EditHistoryPage h = { { r->s, p, n, who }, zSelf };
        Buf hkey = BUF_INIT;
        /* Kept per kind of reader: what it shows depends on whose
        ** statements' comments the reader may see. */
        buf_printf(&hkey, "history/%s/%s/", p->zCode, n->zCode);
        if (rules_is_editor(&who)) {
            buf_puts(&hkey, "*"); /* an officer: every organisation's */
        } else if (who.eRole == ROLE_REPORTER && who.zOrg) {
            buf_printf(&hkey, "org:%s", who.zOrg);
        } else {
            buf_puts(&hkey, "-");
        }
        page_fragment(r, w, buf_str(&hkey), edit_history, &h);
        buf_release(&hkey);
        free(zSelf);
    }
    page_end(r, w);
}

/* ** PAGE: /activity/{} */
int
page_activity(Req *r, Resp *w)
{
    static const struct {
        const char *zKey, *zText;
    } aSaved[] = { { "saved", N_("Draft saved.") },
                   { "submitted",
                     N_("Statement submitted to the M&E officer.") },
                   { "save", N_("Saved.") },
                   { "funding", N_("Funding saved.") },
                   { "approve", N_("Approved.") },
                   { "return", N_("Returned to the organisations with your "
                                  "comment.") },
                   { "accepted", N_("Statement accepted.") },
                   { "returned", N_("Statement returned with your comment.") },
                   { "commented", N_("Comment added.") },
                   { "attached", N_("File attached.") },
                   { "removed", N_("File removed.") } };

    const char *zSaved = req_query(r, "saved");
    const char *zNotice = NULL;
    for (size_t i = 0; i < sizeof aSaved / sizeof aSaved[0]; i++) {
        if (strcmp(zSaved, aSaved[i].zKey) == 0) {
            zNotice = _(aSaved[i].zText);
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
        page_redirect_saved(r, w, "/activity/", zOk);
        return;
    }
    resp_reset_body(w);
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
    if (iVersion < 0 ||
        (!str_eq(zAction, "save") && !str_eq(zAction, "submit"))) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete; reload the "
                          "page"));
    } else {
        Actor who = page_actor(r);
        StatementEdit e = { page_plan_code(r),
                            r->azParam[0],
                            req_form(r, "round"),
                            req_form(r, "text"),
                            edit_rating_of(req_form(r, "rating")),
                            iVersion,
                            str_eq(zAction, "submit") ? WF_SUBMIT : WF_SAVE };
        rc = workflow_save_statement(r->s, &who, &e, &err);
    }
    if (rc && err.code == APPERR_FORBIDDEN) {
        web_fail(r, w, &err);
        return 0;
    }
    edit_finish(r, w, rc, &err,
                str_eq(zAction, "submit") ? "submitted" : "saved");
    return 0;
}

/* ** PAGE: /activity/{}/statement/{}/review (POST) */
int
page_statement_review_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    const char *zAction = req_form(r, "action");
    int iVersion = edit_version(r);
    int rc;
    if (iVersion < 0 ||
        (!str_eq(zAction, "accept") && !str_eq(zAction, "return") &&
         !str_eq(zAction, "comment"))) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete; reload the "
                          "page"));
    } else {
        Actor who = page_actor(r);
        StmtReviewEdit e = { page_plan_code(r),
                             r->azParam[0],
                             req_form(r, "round"),
                             r->azParam[1],
                             str_eq(zAction, "accept")   ? STMT_ACT_ACCEPT
                             : str_eq(zAction, "return") ? STMT_ACT_RETURN
                                                         : STMT_ACT_COMMENT,
                             req_form(r, "comment"),
                             iVersion };
        rc = workflow_review_statement(r->s, &who, &e, &err);
    }
    if (rc && err.code == APPERR_FORBIDDEN) {
        web_fail(r, w, &err);
        return 0;
    }
    edit_finish(r, w, rc, &err,
                str_eq(zAction, "accept")   ? "accepted"
                : str_eq(zAction, "return") ? "returned"
                                            : "commented");
    return 0;
}

/* ** PAGE: /activity/{}/attachments (POST) */
int
page_attachments_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    int rc = 0, nFile = 0;
    for (int i = 0; i < r->nUpload && rc == 0; i++) {
        const WebUpload *u = &r->aUpload[i];
        if (!str_eq(u->zField, "file") || (!u->zFile[0] && u->n == 0)) {
            continue; /* an empty file input */
        }
        AttachEdit e = { page_plan_code(r), r->azParam[0], req_form(r, "round"),
                         u->zFile,          u->z,          u->n };
        rc = workflow_attach(r->s, &who, &e, &err);
        nFile++;
    }
    if (rc == 0 && nFile == 0) {
        rc = apperr_set(&err, APPERR_INPUT, _("choose a file to attach"));
    }
    if (rc && err.code == APPERR_FORBIDDEN) {
        web_fail(r, w, &err);
        return 0;
    }
    edit_finish(r, w, rc, &err, "attached");
    return 0;
}

/* The attachment id of the request's path (its second parameter), or -1. */
static long
edit_attach_id(const Req *r)
{
    long iId = -1;
    if (r->nParam < 2 || str_to_long(r->azParam[1], 1, 1L << 62, &iId)) {
        return -1;
    }
    return iId;
}

/* ** PAGE: /activity/{}/attachment/{} */
int
page_attachment_get(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    long iId = edit_attach_id(r);
    if (iId < 0) {
        web_error(r, w, 404, _("There is no such file."));
        return 0;
    }
    Actor who = page_actor(r);
    StoreAttachFile f;
    memset(&f, 0, sizeof f);
    if (workflow_attachment_read(r->s, &who, r->azParam[0], iId, &f, &err)) {
        web_fail(r, w, &err);
        store_attach_file_release(&f);
        return 0;
    }
    /* The bytes as they were attached, never shown inline: the type is
    ** the one found from the content (a static string of core/attach.c),
    ** the server adds nosniff to every answer. */
    resp_reset_body(w);
    w->zType = attach_type_of(f.pData, f.nData);
    if (!w->zType) {
        w->zType = "application/octet-stream";
    }
    buf_append(&w->body, (const char *)f.pData, f.nData);
    Buf d = BUF_INIT;
    buf_puts(&d, "attachment; filename=\"");
    for (const char *p = f.zName; *p; p++) {
        /* Letters, digits, '-', '_', '.' as they are: the header stays
        ** plain ASCII and a name cannot break out of its quotes. */
        char c = *p;
        int bOk = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        buf_putc(&d, (char)(bOk ? c : '_'));
    }
    /* The name as it was, Khmer included, for browsers that read RFC
    ** 6266's filename* (all of today's); the plain one for the rest. */
    buf_puts(&d, "\"; filename*=UTF-8''");
    url_encode(&d, f.zName);
    free(w->zDisposition);
    w->zDisposition = buf_detach(&d);
    store_attach_file_release(&f);
    return 0;
}

/* ** PAGE: /activity/{}/attachment/{}/remove (POST) */
int
page_attachment_remove_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    long iId = edit_attach_id(r);
    int rc;
    if (iId < 0) {
        rc = apperr_set(&err, APPERR_NOTFOUND, _("There is no such file."));
    } else {
        Actor who = page_actor(r);
        rc = workflow_attachment_remove(r->s, &who, r->azParam[0], iId, &err);
    }
    if (rc && (err.code == APPERR_FORBIDDEN || err.code == APPERR_NOTFOUND)) {
        web_fail(r, w, &err);
        return 0;
    }
    edit_finish(r, w, rc, &err, "removed");
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
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete; reload the "
                          "page"));
    } else {
        Actor who = page_actor(r);
        ReviewEdit re = { page_plan_code(r),
                          r->azParam[0],
                          req_form(r, "round"),
                          req_form(r, "progress"),
                          edit_rating_of(req_form(r, "rating")),
                          iVersion,
                          e,
                          req_form(r, "comment") };
        rc = workflow_review(r->s, &who, &re, &err);
    }
    edit_finish(r, w, rc, &err,
                e == WF_APPROVE  ? "approve"
                : e == WF_RETURN ? "return"
                                 : "save");
    return 0;
}

/* ** PAGE: /activity/{}/funding (POST) */
int
page_funding_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    int rc = funding_form_put(r, &err);
    if (rc && err.code == APPERR_FORBIDDEN) {
        web_fail(r, w, &err);
        return 0;
    }
    edit_finish(r, w, rc, &err, "funding");
    return 0;
}

/* What /admin?done=KEY says after an action: fixed texts, so a link to
** the admin page cannot make it show a message of the linker's choosing.
** An unknown key shows nothing. */
static const struct {
    const char *zKey;
    const char *zText;
} aAdminDone[] = {
    { "user_added", N_("User added.") },
    { "user_disabled", N_("User disabled.") },
    { "user_enabled", N_("User enabled.") },
    { "user_email", N_("E-mail address saved.") },
    { "org_saved", N_("Organisation saved.") },
    { "round_updated", N_("Round updated.") },
    { "plan_created",
      N_("Plan created from the one it follows. Import its annex to reword, "
         "add or move activities.") },
};

static const char *
admin_done_text(const char *zKey)
{
    for (size_t i = 0; i < sizeof aAdminDone / sizeof aAdminDone[0]; i++) {
        if (str_eq(zKey, aAdminDone[i].zKey)) {
            return _(aAdminDone[i].zText);
        }
    }
    return NULL;
}

/* Which admin form a refused post came from: it is shown again with what
** the user typed (never the password). */
typedef enum AdminForm {
    ADMIN_FORM_NONE = 0,
    ADMIN_FORM_ROUND,
    ADMIN_FORM_USER,
    ADMIN_FORM_ORG,
    ADMIN_FORM_PLAN
} AdminForm;

/* What the admin page's tables are built from. */
typedef struct AdminPage {
    const Req *r;
    const Plan *p;
    const Model *m;
} AdminPage;

/* The rounds with their state and the moves core's table allows (sheet
** "rounds"; the buttons are HTML only). */
static void
admin_rounds_sheet(const void *arg, const char *zId, Sheet *t)
{
    const AdminPage *x = arg;
    const Plan *p = x->p;
    sheet_col(t, _("Round"));
    sheet_col(t, _("Title"));
    sheet_col(t, _("State"));
    sheet_col(t, _("Activities"));
    sheet_col(t, _("Rated"));
    sheet_col_html(t, _("Change"));
    for (size_t k = 0; k < p->nRound; k++) {
        const Round *rd = &p->aRound[k];
        ReviewProgress g;
        review_progress(p, rd, &g);
        sheet_text(t, rd->zCode);
        sheet_text(t, rd->zTitle);
        sheet_text(t, round_state_label(rd->eState));
        sheet_num(t, (long)g.nAssessed);
        sheet_num(t, (long)g.nRated);
        /* The buttons are core's table of moves: what is offered is what
        ** the use case accepts.  A move with a warning asks first. */
        Buf f = BUF_INIT;
        Actor who = page_actor(x->r);
        AppErr ignored = APPERR_INIT;
        /* A published round's correction is an administrator's. */
        int bMayCorrect = rd->eState == ROUND_PUBLISHED &&
                          rules_round_may_correct(&who, rd, "-", &ignored) == 0;
        for (size_t i = 0; i < nRoundMove; i++) {
            if (aRoundMove[i].eFrom != rd->eState ||
                (rd->eState == ROUND_PUBLISHED && !bMayCorrect)) {
                continue;
            }
            HTML_LIT(&f, "<form class=\"inline\" method=\"post\" "
                         "action=\"/admin/round\">");
            page_csrf_field(x->r, &f);
            page_plan_field(x->r, &f);
            HTML_LIT(&f, "<input type=\"hidden\" name=\"round\" value=\"");
            esc_html(&f, rd->zCode);
            HTML_LIT(&f, "\"/><input type=\"hidden\" name=\"state\" value=\"");
            esc_html(&f, round_state_name(aRoundMove[i].eTo));
            HTML_LIT(&f, "\"/><button type=\"submit\">");
            esc_html(&f, _(aRoundMove[i].zLabel));
            esc_html(&f, aRoundMove[i].zWarning ? "\xE2\x80\xA6" : "");
            HTML_LIT(&f, "</button></form>");
        }
        if (rd->eState == ROUND_PUBLISHED && !bMayCorrect) {
            HTML_TR(&f, "Locked");
        }
        sheet_markup(t, buf_str(&f));
        buf_release(&f);
    }
}

/* The accounts (sheet "users"; enable and disable are HTML only). */
static void
admin_users_sheet(const void *arg, const char *zId, Sheet *t)
{
    const AdminPage *x = arg;
    sheet_col(t, _("Name"));
    sheet_col(t, _("Role"));
    sheet_col(t, _("Organisation"));
    sheet_col(t, _("State"));
    sheet_col(t, _("E-mail"));
    sheet_col_html(t, _("Change"));
    User *aU = NULL;
    size_t nU = 0;
    AppErr err = APPERR_INIT;
    if (store_user_list(x->r->s, &aU, &nU, &err)) {
        return;
    }
    for (size_t i = 0; i < nU; i++) {
        sheet_text(t, aU[i].zName);
        sheet_text(t, role_label(aU[i].eRole));
        sheet_text(t, aU[i].zOrg ? aU[i].zOrg : "");
        sheet_text(t, aU[i].bDisabled ? _("Disabled") : _("Active"));
        if (!aU[i].zEmail) {
            sheet_text(t, "");
        } else if (aU[i].bMail) {
            sheet_text(t, aU[i].zEmail);
        } else {
            Buf e = BUF_INIT;
            buf_printf(&e, _("%s (e-mail turned off)"), aU[i].zEmail);
            sheet_text(t, buf_str(&e));
            buf_release(&e);
        }
        Buf f = BUF_INIT;
        HTML_LIT(&f, "<form class=\"inline\" method=\"post\" "
                     "action=\"/admin/user\">");
        page_csrf_field(x->r, &f);
        HTML_LIT(&f, "<input type=\"hidden\" name=\"name\" value=\"");
        esc_html(&f, aU[i].zName);
        HTML_LIT(&f, "\"/>");
        if (aU[i].bDisabled) {
            HTML_LIT(
                &f,
                "<button type=\"submit\" name=\"action\" value=\"enable\">");
            HTML_TR(&f, "Enable\xE2\x80\xA6");
            HTML_LIT(&f, "</button>");
        } else {
            HTML_LIT(
                &f,
                "<button type=\"submit\" name=\"action\" value=\"disable\">");
            HTML_TR(&f, "Disable\xE2\x80\xA6");
            HTML_LIT(&f, "</button><button type=\"submit\" name=\"action\" "
                         "value=\"reset\">");
            HTML_TR(&f, "Password link");
            HTML_LIT(&f, "</button>");
        }
        HTML_LIT(&f, "</form>");
        /* The address notifications are e-mailed to (its owner sets it
        ** too, on /account). */
        HTML_LIT(&f, "<form class=\"inline\" method=\"post\" "
                     "action=\"/admin/user\">");
        page_csrf_field(x->r, &f);
        HTML_LIT(&f, "<input type=\"hidden\" name=\"name\" value=\"");
        esc_html(&f, aU[i].zName);
        HTML_LIT(&f, "\"/><input type=\"email\" name=\"email\" "
                     "aria-label=\"");
        HTML_TR(&f, "E-mail address");
        HTML_LIT(&f, "\" placeholder=\"");
        HTML_TR(&f, "E-mail address");
        HTML_LIT(&f, "\" value=\"");
        esc_html(&f, aU[i].zEmail ? aU[i].zEmail : "");
        HTML_LIT(&f, "\"/><button type=\"submit\" name=\"action\" "
                     "value=\"email\">");
        HTML_TR(&f, "Set e-mail");
        HTML_LIT(&f, "</button></form>");
        sheet_markup(t, buf_str(&f));
        buf_release(&f);
        user_release(&aU[i]);
    }
    free(aU);
}

/* The organisation directory (sheet "orgs"). */
static void
admin_orgs_sheet(const void *arg, const char *zId, Sheet *t)
{
    const AdminPage *x = arg;
    sheet_col(t, _("Acronym"));
    sheet_col(t, _("Name"));
    sheet_col(t, _("Kind"));
    sheet_col(t, _("Part of"));
    for (size_t i = 0; i < x->m->nOrg; i++) {
        const Org *o = &x->m->aOrg[i];
        Buf h = BUF_INIT;
        buf_puts(&h, "/org/");
        url_encode(&h, o->zAcronym);
        sheet_link(t, o->zAcronym, buf_str(&h));
        buf_release(&h);
        sheet_text(t, org_name(o, i18n_current()));
        sheet_text(t, org_kind_label(o->eKind));
        sheet_text(t, o->zParent ? o->zParent : "");
    }
}

/* The plan plan p follows (the plan of its nodes' predecessors), or
** NULL. */
static const char *
admin_plan_follows(const Plan *p)
{
    for (size_t i = 0; i < p->nNode; i++) {
        if (p->aNode[i].zPredPlan) {
            return p->aNode[i].zPredPlan;
        }
    }
    return NULL;
}

/* The plans (sheet "plans"): each with its activities and the plan it
** follows. */
static void
admin_plans_sheet(const void *arg, const char *zId, Sheet *t)
{
    const AdminPage *x = arg;
    sheet_col(t, _("Code"));
    sheet_col(t, _("Title"));
    sheet_col(t, _("Activities"));
    sheet_col(t, _("Follows the plan"));
    for (size_t k = 0; k < x->m->nPlan; k++) {
        const Plan *p = &x->m->aPlan[k];
        Buf h = BUF_INIT;
        buf_puts(&h, "/plan?plan=");
        url_encode(&h, p->zCode);
        sheet_link(t, p->zCode, buf_str(&h));
        buf_release(&h);
        sheet_text(t, p->zTitle);
        long nLeaf = 0;
        for (size_t i = 0; i < p->nNode; i++) {
            nLeaf += p->aNode[i].iLevel == plan_leaf_level(p);
        }
        sheet_num(t, nLeaf);
        const char *zFollows = admin_plan_follows(p);
        sheet_text(t, zFollows ? zFollows : "");
    }
}

static void
admin_sheet(const void *arg, const char *zId, Sheet *t)
{
    if (strcmp(zId, "plans") == 0) {
        admin_plans_sheet(arg, zId, t);
    } else if (strcmp(zId, "users") == 0) {
        admin_users_sheet(arg, zId, t);
    } else if (strcmp(zId, "orgs") == 0) {
        admin_orgs_sheet(arg, zId, t);
    } else {
        admin_rounds_sheet(arg, zId, t);
    }
}

/* "rounds" first: a database without a plan has none (admin_render()). */
static const char *const azAdminSheet[] = { "rounds", "plans", "users", "orgs",
                                            NULL };
static const char *const azOfficerSheet[] = { "rounds", "plans", NULL };

/* A text input of the admin forms; bRequired: it must be filled. */
static void
admin_input(Buf *b, const char *zName, const char *zLabel, const char *zValue,
            int bRequired)
{
    page_input(b, zName, zLabel, zValue, NULL,
               bRequired ? PAGE_INPUT_REQUIRED : 0);
}

/* The form that creates a plan from the one it follows (plan
** succession): the plan to follow (p unless the user chose another), the
** new code and title; bKeep fills it with what was posted. */
static void
admin_plan_form(Req *r, Buf *b, const Model *m, const Plan *p, int bKeep)
{
    const char *zFrom = bKeep ? req_form(r, "from") : p->zCode;
    HTML_LIT(b, "<form class=\"card\" method=\"post\" "
                "action=\"/admin/plan\"><h3>");
    HTML_TR(b, "Create the next plan from an earlier one");
    HTML_LIT(b, "</h3><p class=\"small\">");
    HTML_TR(b, "The new plan gets the same levels, codes, texts and "
               "organisations, each activity linked to the one it carries "
               "on, so that its history runs across plans. No rounds or "
               "assessments are copied. Import the new plan's annex "
               "afterwards to reword, add or move activities.");
    HTML_LIT(b, "</p>");
    page_csrf_field(r, b);
    page_plan_field(r, b);
    HTML_LIT(b, "<label for=\"from\">");
    HTML_TR(b, "Follows the plan");
    HTML_LIT(b, "</label><select id=\"from\" name=\"from\">");
    Buf label = BUF_INIT;
    for (size_t k = 0; k < m->nPlan; k++) {
        const Plan *q = &m->aPlan[k];
        buf_reset(&label);
        buf_printf(&label, "%s (%s)", q->zTitle, q->zCode);
        page_option(b, q->zCode, buf_str(&label), str_eq(q->zCode, zFrom));
    }
    buf_release(&label);
    HTML_LIT(b, "</select>");
    admin_input(b, "code",
                _("Code of the new plan (e.g. cambodia-lmp-2019-2023)"),
                bKeep ? req_form(r, "code") : "", 1);
    admin_input(b, "plan_title", _("Title"),
                bKeep ? req_form(r, "plan_title") : "", 0);
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Create plan\xE2\x80\xA6");
    HTML_LIT(b, "</button></div></form>\n");
}

/* The admin page, with a notice (NULL: none) and, after a refused post
** from form eKeep, that form filled with what the user typed. */
static void
admin_render(Req *r, Resp *w, const char *zNotice, const char *zKind,
             AdminForm eKeep)
{
    /* A new database has no plan: the page still works (users,
    ** organisations, importing the plan), without the rounds. */
    const Model *m = page_load_model(r, w);
    if (!m) {
        return;
    }
    const Plan *p = NULL;
    if (m->nPlan && !(p = page_load(r, w, &m))) {
        return;
    }
    int bAdmin = r->ses.user.eRole == ROLE_ADMIN;
    AdminPage x = { r, p, m };
    const char *const *azSheet = bAdmin ? azAdminSheet : azOfficerSheet;
    if (!p) {
        azSheet = bAdmin ? azAdminSheet + 1 : azOfficerSheet + 1;
    }
    if (!zNotice && azSheet[0] &&
        page_download(r, w, azSheet, admin_sheet, &x, "admin")) {
        return;
    }
    char *zSelf = page_self(r);
    page_begin(r, w, _("Administration"));
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, zKind, zNotice);
    }
    /* The form posted (kept) or empty. */
#define KEPT(F, K) (eKeep == (F) ? req_form(r, K) : "")
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Plan");
    HTML_LIT(b, "</h2><p>");
    if (!p) {
        HTML_TR(b, "The database holds no plan yet.");
        HTML_LIT(b, " ");
    }
    HTML_LIT(b, "<a href=\"/admin/import\">");
    HTML_TR(b, "Import a plan from files (JSON, annex CSV or XLSX)");
    HTML_LIT(b, "</a></p>\n");
    Sheet t;
    if (p) {
        sheet_init(&t, "plans", NULL);
        admin_plans_sheet(&x, "plans", &t);
        page_sheet(b, &t, zSelf);
        sheet_release(&t);
        admin_plan_form(r, b, m, p, eKeep == ADMIN_FORM_PLAN);
    }
    if (p) {
        HTML_LIT(b, "<h2>");
        HTML_TR(b, "Review rounds");
        HTML_LIT(b, "</h2>");
        sheet_init(&t, "rounds", NULL);
        admin_rounds_sheet(&x, "rounds", &t);
        page_sheet(b, &t, zSelf);
        sheet_release(&t);
        HTML_LIT(
            b,
            "<form class=\"card\" method=\"post\" action=\"/admin/round\"><h3>");
        HTML_TR(b, "Open a new round");
        HTML_LIT(b, "</h3>");
        page_csrf_field(r, b);
        page_plan_field(r, b);
        HTML_LIT(b, "<input type=\"hidden\" name=\"state\" value=\"new\"/>");
        admin_input(b, "round", _("Code (e.g. 2019)"),
                    KEPT(ADMIN_FORM_ROUND, "round"), 1);
        admin_input(b, "title", _("Title"), KEPT(ADMIN_FORM_ROUND, "title"), 0);
        admin_input(b, "as_of", _("As of (YYYY-MM-DD)"),
                    KEPT(ADMIN_FORM_ROUND, "as_of"), 0);
        admin_input(b, "due", _("Statements due by (YYYY-MM-DD)"),
                    KEPT(ADMIN_FORM_ROUND, "due"), 0);
        HTML_LIT(b, "<div><button type=\"submit\">");
        HTML_TR(b, "Open");
        HTML_LIT(b, "</button></div></form>\n");
    }
    if (bAdmin) {
        HTML_LIT(b, "<h2>");
        HTML_TR(b, "Users");
        HTML_LIT(b, "</h2>");
        sheet_init(&t, "users", NULL);
        admin_users_sheet(&x, "users", &t);
        page_sheet(b, &t, zSelf);
        sheet_release(&t);
        HTML_LIT(
            b,
            "<form class=\"card\" method=\"post\" action=\"/admin/user\"><h3>");
        HTML_TR(b, "Add a user");
        HTML_LIT(b, "</h3>");
        page_csrf_field(r, b);
        admin_input(b, "name", _("Name (to log in with)"),
                    KEPT(ADMIN_FORM_USER, "name"), 1);
        HTML_LIT(b, "<label for=\"role\">");
        HTML_TR(b, "Role");
        HTML_LIT(b, "</label>");
        /* The least privileged role unless the user chose another. */
        page_select_code(b, "role", "role", CODE_ROLE,
                         eKeep == ADMIN_FORM_USER ? req_form(r, "role")
                                                  : role_name(ROLE_VIEWER));
        HTML_LIT(b, "<label for=\"org\">");
        HTML_TR(b, "Organisation");
        HTML_LIT(b, "</label>");
        page_select_org(b, m, "org", "org", _("(none)"),
                        KEPT(ADMIN_FORM_USER, "org"));
        HTML_LIT(b, "<label for=\"password\">");
        HTML_TR(b, "Password (8 characters or more)");
        HTML_LIT(
            b,
            "</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required=\"required\"/><div><button type=\"submit\" name=\"action\" value=\"add\">");
        HTML_TR(b, "Add user");
        HTML_LIT(b, "</button></div></form>\n");
        HTML_LIT(b, "<h2>");
        HTML_TR(b, "Organisations");
        HTML_LIT(b, "</h2>");
        sheet_init(&t, "orgs", NULL);
        admin_orgs_sheet(&x, "orgs", &t);
        page_sheet(b, &t, zSelf);
        sheet_release(&t);
        HTML_LIT(
            b,
            "<form class=\"card\" method=\"post\" action=\"/admin/org\"><h3>");
        HTML_TR(b, "Add an organisation, or correct one by giving its acronym");
        HTML_LIT(b, "</h3>");
        page_csrf_field(r, b);
        admin_input(b, "acronym", _("Acronym"), KEPT(ADMIN_FORM_ORG, "acronym"),
                    1);
        HTML_LIT(b, "<label for=\"oname\">");
        HTML_TR(b, "Full name");
        HTML_LIT(b, "</label><input id=\"oname\" name=\"name\" value=\"");
        esc_html(b, KEPT(ADMIN_FORM_ORG, "name"));
        HTML_LIT(b, "\"/><label for=\"oname_km\">");
        HTML_TR(b, "Full name in Khmer");
        HTML_LIT(b, "</label><input id=\"oname_km\" name=\"name_km\" "
                    "lang=\"km\" value=\"");
        esc_html(b, KEPT(ADMIN_FORM_ORG, "name_km"));
        HTML_LIT(b, "\"/><label for=\"kind\">");
        HTML_TR(b, "Kind");
        HTML_LIT(b, "</label>");
        page_select_code(b, "kind", "kind", CODE_ORG_KIND,
                         KEPT(ADMIN_FORM_ORG, "kind"));
        HTML_LIT(b, "<label for=\"parent\">");
        HTML_TR(b, "Part of");
        HTML_LIT(b, "</label>");
        page_select_org(b, m, "parent", "parent", _("(none)"),
                        KEPT(ADMIN_FORM_ORG, "parent"));
        HTML_LIT(b, "<div><button type=\"submit\">");
        HTML_TR(b, "Save organisation");
        HTML_LIT(b, "</button></div></form>\n");
    }
#undef KEPT
    free(zSelf);
    page_end(r, w);
}

/* ** PAGE: /admin */
int
page_admin(Req *r, Resp *w)
{
    const char *zDone = admin_done_text(req_query(r, "done"));
    admin_render(r, w, zDone, "ok", ADMIN_FORM_NONE);
    return 0;
}

/* After an admin POST: back to the admin page (of the plan the form
** named) with the notice of aAdminDone[] keyed zDone; or, refused, the
** admin page again with the reason and form eForm as the user filled it
** (the status says why: 400, 403, 409, ...). */
static void
admin_done(Req *r, Resp *w, int rc, const AppErr *err, const char *zDone,
           AdminForm eForm)
{
    if (rc) {
        resp_reset_body(w);
        admin_render(r, w, err->zMsg, "error", eForm);
        web_fail_status(r, w, err);
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

/* The second step of an action that is hard to undo: what it will do,
** then a form that repeats the post with confirm=yes, and a way back.
** azField: the posted fields to repeat (NULL-terminated). */
static void
admin_confirm_page(Req *r, Resp *w, const char *zTitle, const char *zAction,
                   const char *const *azField, const char *zButton,
                   void (*xBody)(Req *r, Buf *b, const void *arg),
                   const void *arg)
{
    page_begin(r, w, zTitle);
    Buf *b = &w->body;
    xBody(r, b, arg);
    HTML_LIT(b, "<form class=\"card confirm\" method=\"post\" action=\"");
    esc_html(b, zAction);
    HTML_LIT(b, "\">");
    page_csrf_field(r, b);
    page_plan_field(r, b);
    for (size_t i = 0; azField[i]; i++) {
        HTML_LIT(b, "<input type=\"hidden\" name=\"");
        esc_html(b, azField[i]);
        HTML_LIT(b, "\" value=\"");
        esc_html(b, req_form(r, azField[i]));
        HTML_LIT(b, "\"/>");
    }
    HTML_LIT(b, "<input type=\"hidden\" name=\"confirm\" value=\"yes\"/>"
                "<button type=\"submit\" class=\"danger\">");
    esc_html(b, zButton);
    HTML_LIT(b, "</button> <a class=\"button\" href=\"/admin");
    if (page_plan_code(r)) {
        Buf q = BUF_INIT;
        buf_puts(&q, "?plan=");
        url_encode(&q, page_plan_code(r));
        esc_html(b, buf_str(&q));
        buf_release(&q);
    }
    HTML_LIT(b, "\">");
    HTML_TR(b, "Cancel");
    HTML_LIT(b, "</a></form>\n");
    page_end(r, w);
}

/* What disabling or enabling an account does. */
static void
admin_user_confirm_body(Req *r, Buf *b, const void *arg)
{
    const int *pbDisable = arg;
    HTML_LIT(b, "<p>");
    if (*pbDisable) {
        HTML_TR(b, "The account");
        HTML_LIT(b, " <strong>");
        esc_html(b, req_form(r, "name"));
        HTML_LIT(b, "</strong> ");
        HTML_TR(
            b,
            "will be logged out everywhere at once and cannot log in until an administrator enables it again. Nothing it wrote is changed.");
    } else {
        HTML_TR(b, "The account");
        HTML_LIT(b, " <strong>");
        esc_html(b, req_form(r, "name"));
        HTML_LIT(b, "</strong> ");
        HTML_TR(b, "will be able to log in again with its password.");
    }
    HTML_LIT(b, "</p>\n");
}

/* The one-time password link for account zName, shown to the
** administrator to pass on (nothing is sent: the user may have no
** e-mail, and who gets the link can set the password). */
static void
admin_reset_link_page(Req *r, Resp *w, const Actor *who, const char *zName)
{
    AppErr err = APPERR_INIT;
    char *zToken = NULL;
    long tUntil = 0;
    if (admin_user_reset_token(r->s, who, zName, &zToken, &tUntil, &err)) {
        admin_done(r, w, -1, &err, "", ADMIN_FORM_NONE);
        return;
    }
    Buf link = BUF_INIT;
    if (r->cfg->zBaseUrl && *r->cfg->zBaseUrl) {
        size_t n = strlen(r->cfg->zBaseUrl);
        while (n && r->cfg->zBaseUrl[n - 1] == '/') {
            n--;
        }
        buf_append(&link, r->cfg->zBaseUrl, n);
    } else if (r->zHost) {
        buf_printf(&link, "%s://%s", r->cfg->bSecureCookie ? "https" : "http",
                   r->zHost);
    }
    buf_printf(&link, "/reset/%s", zToken);
    free(zToken);
    w->bPrivate = 1;
    Buf title = BUF_INIT;
    buf_printf(&title, _("Password link for %s"), zName);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    Buf *b = &w->body;
    char zWhen[STR_TIME_LOCAL_BYTES];
    str_time_local_at((time_t)tUntil, zWhen, sizeof zWhen);
    HTML_LIT(b, "<div class=\"card\"><p>");
    Buf t1 = BUF_INIT;
    buf_printf(&t1,
               _("Give this link to %s yourself — by phone, a message or in "
                 "person. With it %s chooses a new password once, until %s; "
                 "anyone who has it can do the same, so do not post it "
                 "where others read."),
               zName, zName, zWhen);
    esc_html(b, buf_str(&t1));
    buf_release(&t1);
    HTML_LIT(b, "</p><label for=\"link\">");
    HTML_TR(b, "Link");
    HTML_LIT(b, "</label><input id=\"link\" readonly=\"readonly\" value=\"");
    esc_html(b, buf_str(&link));
    HTML_LIT(b, "\"/><p><a href=\"/admin\">");
    HTML_TR(b, "Back to administration");
    HTML_LIT(b, "</a></p></div>\n");
    buf_release(&link);
    page_end(r, w);
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
        int bDisable = zAction[0] == 'd';
        if (!str_eq(req_form(r, "confirm"), "yes")) {
            static const char *const azField[] = { "name", "action", NULL };
            Buf title = BUF_INIT;
            buf_printf(&title, "%s %s?", bDisable ? "Disable" : "Enable",
                       zName);
            admin_confirm_page(r, w, buf_str(&title), "/admin/user", azField,
                               bDisable ? "Yes, disable" : "Yes, enable",
                               admin_user_confirm_body, &bDisable);
            buf_release(&title);
            return 0;
        }
        rc = admin_user_set_disabled(r->s, &who, zName, bDisable, &err);
        admin_done(r, w, rc, &err, bDisable ? "user_disabled" : "user_enabled",
                   ADMIN_FORM_NONE);
        return 0;
    }
    if (str_eq(zAction, "reset")) {
        admin_reset_link_page(r, w, &who, zName);
        return 0;
    }
    if (str_eq(zAction, "email")) {
        rc = inbox_set_email(r->s, &who, zName, req_form(r, "email"), -1, NULL,
                             &err);
        admin_done(r, w, rc, &err, "user_email", ADMIN_FORM_NONE);
        return 0;
    }
    Role eRole;
    char *zHash = NULL;
    if (role_parse(req_form(r, "role"), &eRole)) {
        rc = apperr_set(&err, APPERR_INPUT, _("unknown role (accepted: %s)"),
                        ROLE_ACCEPTED);
    } else if (secret_hash_password(req_form(r, "password"), &zHash, &err)) {
        rc = -1;
    } else {
        rc = admin_user_add(r->s, &who, zName, eRole, req_form(r, "org"), zHash,
                            &err);
    }
    free(zHash);
    admin_done(r, w, rc, &err, "user_added", ADMIN_FORM_USER);
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
        rc = apperr_set(&err, APPERR_INPUT, _("unknown kind (accepted: %s)"),
                        ORG_KIND_ACCEPTED);
    } else {
        rc = admin_org_save(r->s, &who, req_form(r, "acronym"),
                            req_form(r, "name"), req_form(r, "name_km"), eKind,
                            req_form(r, "parent"), &err);
    }
    admin_done(r, w, rc, &err, "org_saved", ADMIN_FORM_ORG);
    return 0;
}

/* What creating a plan from another does (the confirmation's body). */
static void
admin_plan_confirm_body(Req *r, Buf *b, const void *arg)
{
    const Plan *pFrom = arg;
    size_t nLeaf = 0;
    for (size_t i = 0; i < pFrom->nNode; i++) {
        nLeaf += pFrom->aNode[i].iLevel == plan_leaf_level(pFrom);
    }
    Buf t = BUF_INIT;
    buf_printf(&t,
               ngettext("The plan %s will be created from %s: %zu node, "
                        "with its code, text and organisations, linked to "
                        "its predecessor.",
                        "The plan %s will be created from %s: %zu nodes, "
                        "with their codes, texts and organisations, each "
                        "linked to its predecessor.",
                        pFrom->nNode),
               req_form(r, "code"), pFrom->zTitle, pFrom->nNode);
    HTML_LIT(b, "<p>");
    esc_html(b, buf_str(&t));
    HTML_LIT(b, " ");
    buf_reset(&t);
    buf_printf(&t,
               ngettext("%zu of them is an activity.",
                        "%zu of them are activities.", nLeaf),
               nLeaf);
    esc_html(b, buf_str(&t));
    HTML_LIT(b, " ");
    HTML_TR(b, "No rounds or assessments are copied.");
    HTML_LIT(b, "</p>\n");
    buf_release(&t);
}

/* ** PAGE: /admin/plan (POST) */
int
page_admin_plan_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    const char *zFrom = req_form(r, "from");
    const char *zCode = req_form(r, "code");
    const char *zTitle = req_form(r, "plan_title");
    int rc;
    if (!str_eq(req_form(r, "confirm"), "yes")) {
        /* Ask only what the use case would not refuse: core's rule on the
        ** model as it stands (the use case asks again when writing). */
        const Model *m = page_load_model(r, w);
        if (!m) {
            return 0;
        }
        const Plan *pFrom = model_find_plan(m, zFrom);
        if (!pFrom) {
            rc = apperr_set(&err, APPERR_NOTFOUND,
                            _("no plan '%s' to create the new plan from"),
                            zFrom);
        } else {
            rc = rules_plan_may_succeed(
                &who, zFrom, zCode, model_find_plan(m, zCode) != NULL, &err);
        }
        if (rc) {
            admin_done(r, w, rc, &err, "plan_created", ADMIN_FORM_PLAN);
            return 0;
        }
        static const char *const azField[] = { "from", "code", "plan_title",
                                               NULL };
        Buf title = BUF_INIT;
        buf_printf(&title, _("Create the plan %s?"), zCode);
        admin_confirm_page(r, w, buf_str(&title), "/admin/plan", azField,
                           _("Yes, create the plan"), admin_plan_confirm_body,
                           pFrom);
        buf_release(&title);
        return 0;
    }
    rc = app_plan_succeed(r->s, &who, zFrom, zCode, zTitle, NULL, &err);
    if (rc) {
        admin_done(r, w, rc, &err, "plan_created", ADMIN_FORM_PLAN);
        return 0;
    }
    /* The new plan's administration page. */
    Buf loc = BUF_INIT;
    buf_puts(&loc, "/admin?done=plan_created&plan=");
    url_encode(&loc, zCode);
    resp_redirect(w, buf_str(&loc));
    buf_release(&loc);
    return 0;
}

/* A round move to confirm, and the round. */
typedef struct AdminMove {
    const RoundMove *mv;
    const Model *m;
    const Plan *p;
    const Round *rd;
} AdminMove;

/* One line of a checklist: still open (bold) or done. */
static void
admin_check_item(Buf *b, int bOpen, const char *zText)
{
    if (bOpen) {
        HTML_LIT(b, "<li class=\"open\">");
    } else {
        HTML_LIT(b, "<li class=\"done\">");
    }
    esc_html(b, zText);
    HTML_LIT(b, "</li>");
}

/* What closing or publishing a round leaves behind: the move's warning
** and core's checklist (review_round_checklist()). */
static void
admin_round_confirm_body(Req *r, Buf *b, const void *arg)
{
    const AdminMove *x = arg;
    HTML_LIT(b, "<p class=\"notice warning\" role=\"alert\">");
    esc_html(b, _(x->mv->zWarning));
    HTML_LIT(b, "</p>\n");
    const Findings *f = readmodel_findings(r->pView, x->p, x->rd->zCode);
    size_t nErr = 0;
    for (size_t i = 0; i < f->n; i++) {
        nErr += f->a[i].eSeverity == CHECK_ERROR;
    }
    ReviewCheckItem a[REVIEW_CHECKLIST_ITEMS];
    char zToday[11];
    str_today_local(zToday);
    (void)review_round_checklist(x->p, x->rd, nErr, zToday, a);
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Before you go on");
    HTML_LIT(b, "</h2><ul class=\"checklist\">");
    for (int i = 0; i < REVIEW_CHECKLIST_ITEMS; i++) {
        admin_check_item(b, a[i].bOpen, a[i].zText);
    }
    HTML_LIT(b, "</ul>\n");
    HTML_LIT(b, "<p>");
    HTML_TR(b, "The round's page lists them:");
    HTML_LIT(b, " ");
    char *zQ = page_plan_query(x->m, x->p);
    page_link_round(b, x->rd, zQ);
    free(zQ);
    HTML_LIT(b, ".</p>\n");
}

/* The confirmation of reopening published round rd for a correction: what
** it does, and the reason to give (kept when refused: zError). */
static void
admin_correct_page(Req *r, Resp *w, const RoundMove *mv, const Round *rd,
                   const char *zError)
{
    Buf title = BUF_INIT;
    buf_printf(&title, _("%s %s?"), _(mv->zLabel), rd->zTitle);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    HTML_LIT(b, "<p class=\"notice warning\" role=\"alert\">");
    esc_html(b, _(mv->zWarning));
    HTML_LIT(b, "</p>\n<form class=\"card confirm\" method=\"post\" "
                "action=\"/admin/round\">");
    page_csrf_field(r, b);
    page_plan_field(r, b);
    HTML_LIT(b, "<input type=\"hidden\" name=\"round\" value=\"");
    esc_html(b, rd->zCode);
    HTML_LIT(b, "\"/><input type=\"hidden\" name=\"state\" "
                "value=\"closed\"/><input type=\"hidden\" name=\"confirm\" "
                "value=\"yes\"/><label for=\"reason\">");
    HTML_TR(b, "What is corrected, and why (the published report shows it)");
    HTML_LIT(b, "</label><textarea id=\"reason\" name=\"reason\" "
                "required=\"required\">");
    esc_html(b, req_form(r, "reason"));
    HTML_LIT(b, "</textarea><div><button type=\"submit\" class=\"danger\">");
    Buf button = BUF_INIT;
    buf_printf(&button, _("Yes, %s"), _(mv->zVerb));
    esc_html(b, buf_str(&button));
    buf_release(&button);
    HTML_LIT(b, "</button> <a class=\"button\" href=\"/admin\">");
    HTML_TR(b, "Cancel");
    HTML_LIT(b, "</a></div></form>\n");
    page_end(r, w);
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
                                 req_form(r, "due"), str_eq(zState, "new"),
                                 &err);
    } else if (round_state_parse(zState, &e)) {
        rc = apperr_set(&err, APPERR_INPUT, _("unknown state"));
    } else {
        /* A move that is hard to undo asks first, with the checklist. */
        const Model *m = NULL;
        const Plan *p = page_load(r, w, &m);
        if (!p) {
            return 0;
        }
        const Round *rd = plan_find_round(p, zRound);
        const RoundMove *mv = rd ? rules_round_move(rd->eState, e) : NULL;
        /* A published round reopens for a correction, with its reason. */
        if (rd && rd->eState == ROUND_PUBLISHED && e == ROUND_CLOSED) {
            if (!str_eq(req_form(r, "confirm"), "yes")) {
                admin_correct_page(r, w, mv, rd, NULL);
                return 0;
            }
            rc = workflow_correct_round(r->s, &who, page_plan_code(r), zRound,
                                        req_form(r, "reason"), &err);
            if (rc && err.code == APPERR_INPUT) {
                /* Asked again, keeping what was typed. */
                web_fail_status(r, w, &err);
                admin_correct_page(r, w, mv, rd, err.zMsg);
                return 0;
            }
            admin_done(r, w, rc, &err, "round_updated", ADMIN_FORM_NONE);
            return 0;
        }
        if (mv && mv->zWarning && !str_eq(req_form(r, "confirm"), "yes")) {
            static const char *const azField[] = { "round", "state", NULL };
            Buf title = BUF_INIT;
            buf_printf(&title, _("%s %s?"), _(mv->zLabel), rd->zTitle);
            Buf button = BUF_INIT;
            buf_printf(&button, _("Yes, %s"), _(mv->zVerb));
            AdminMove am = { mv, m, p, rd };
            admin_confirm_page(r, w, buf_str(&title), "/admin/round", azField,
                               buf_str(&button), admin_round_confirm_body, &am);
            buf_release(&button);
            buf_release(&title);
            return 0;
        }
        rc = workflow_set_round_state(r->s, &who, page_plan_code(r), zRound, e,
                                      &err);
    }
    admin_done(r, w, rc, &err, "round_updated",
               str_eq(zState, "new") ? ADMIN_FORM_ROUND : ADMIN_FORM_NONE);
    return 0;
}
