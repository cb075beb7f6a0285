/*
** page_chapter.c — the review's chapters on the web (core/chapter.h,
** docs/chapters.md): the list on a round's page, for the M&E officer and
** administrators, and each chapter's editor with a short help on the
** Markdown subset, the English and Khmer texts, the saved text as the
** report shows it, and its history.
**
** Saving is app's workflow_save_chapter(), as for 'lmpmon round chapter':
** the form carries the version it showed, so a save by someone else in
** between is refused (409) with the user's text kept in the form.
** Readers see the chapters in the review report itself.
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../app/workflow.h"
#include "../core/history.h"
#include "../report/escape.h"
#include "../report/review_report.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The address of chapter e of round rd's editor, keeping the plan. */
static void
chapter_href(Buf *h, const Round *rd, ChapterKind e, const char *zPlanQ)
{
    buf_puts(h, "/round/");
    url_encode(h, rd->zCode);
    buf_puts(h, "/chapter/");
    buf_puts(h, chapter_kind_name(e));
    buf_puts(h, zPlanQ ? zPlanQ : "");
}

/* Where chapter e goes in the report, in words. */
static const char *
chapter_place_words(ChapterKind e)
{
    switch (chapter_kind_place(e)) {
    case CHAPTER_AT_OPENING:
        return _("Opening, before the note on method");
    case CHAPTER_AT_FIGURES:
        return _("Before Figure 1");
    default:
        return _("After the figures, before the annex");
    }
}

/* One text's cell of the list: "120 words", or "not written". */
static void
chapter_words_cell(Sheet *t, const char *z)
{
    size_t n = chapter_word_count(z);
    if (!n) {
        sheet_text(t, _("not written"));
        return;
    }
    Buf c = BUF_INIT;
    buf_printf(&c, ngettext("%zu word", "%zu words", n), n);
    sheet_text(t, buf_str(&c));
    buf_release(&c);
}

void
page_round_chapters_sheet(const Round *rd, const char *zPlanQ, Sheet *t)
{
    sheet_col(t, _("Chapter"));
    sheet_col(t, _("Where in the report"));
    sheet_col(t, _("English text"));
    sheet_col(t, _("Khmer text"));
    sheet_col(t, _("Last saved"));
    sheet_col(t, _("By"));
    size_t n = 0;
    for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
        ChapterKind e = (ChapterKind)k;
        const RoundChapter *c = round_chapter(rd, e);
        Buf href = BUF_INIT;
        chapter_href(&href, rd, e, zPlanQ);
        sheet_link(t, chapter_kind_label(e), buf_str(&href));
        buf_release(&href);
        sheet_text(t, chapter_place_words(e));
        chapter_words_cell(t, c ? c->zText : NULL);
        chapter_words_cell(t, c ? c->zTextKm : NULL);
        char zWhen[STR_TIME_LOCAL_BYTES] = "";
        if (c && c->zAt) {
            str_time_local(c->zAt, zWhen, sizeof zWhen);
        }
        sheet_text(t, zWhen);
        sheet_text(t, c && c->zBy ? c->zBy : "");
        n += c &&
             (chapter_word_count(c->zText) || chapter_word_count(c->zTextKm));
    }
    sheet_caption(t,
                  ngettext("%zu of the review's chapters is written",
                           "%zu of the review's chapters are written", n),
                  n);
}

void
page_round_chapters_section(const Req *r, Buf *b, const Round *rd,
                            const char *zPlanQ, const char *zSelf)
{
    HTML_LIT(b, "<section class=\"card\" id=\"chapters\"><h2>");
    HTML_TR(b, "Chapters");
    HTML_LIT(b, "</h2><p>");
    HTML_TR(b, "The review's own text: write each chapter here, in English "
               "and in Khmer; the report places it among the figures and "
               "tables it generates.");
    HTML_LIT(b, "</p>");
    Sheet t;
    sheet_init(&t, "chapters", NULL);
    page_round_chapters_sheet(rd, zPlanQ, &t);
    page_sheet(b, &t, zSelf);
    sheet_release(&t);
    (void)r;
    HTML_LIT(b, "</section>\n");
}

/* ---- one chapter ------------------------------------------------------------ */

/* What the editor's history sheet needs. */
typedef struct ChapterPage {
    Store *s;
    const Plan *p;
    const Round *rd;
    ChapterKind e;
} ChapterPage;

static const char *const azChapterSheet[] = { "history", NULL };

/* The chapter's history, newest first, in words (sheet "history"). */
static void
chapter_history_sheet(const void *arg, const char *zId, Sheet *t)
{
    const ChapterPage *x = arg;
    (void)zId;
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/round/%s/chapter/%s", x->p->zCode, x->rd->zCode,
               chapter_kind_name(x->e));
    page_history_cols(t);
    AuditEntry *ae = NULL;
    size_t nAe = 0;
    AppErr err = APPERR_INIT;
    if (store_audit_list(x->s, buf_str(&key), &ae, &nAe, &err) == 0) {
        sheet_caption(t, ngettext("%zu change", "%zu changes", nAe), nAe);
        for (size_t i = nAe; i-- > 0;) {
            page_history_row(t, &ae[i], 0);
        }
        audit_free(ae, nAe);
    }
    buf_release(&key);
}

/* The short help on the subset beside the editor. */
static void
chapter_help(Buf *b)
{
    HTML_LIT(b, "<details class=\"help\"><summary>");
    HTML_TR(b, "How to write: a small part of Markdown");
    HTML_LIT(b, "</summary><table><tbody><tr><td><code>## Funding</code>"
                "</td><td>");
    HTML_TR(b, "a sub-heading (### a smaller one)");
    HTML_LIT(b, "</td></tr><tr><td><code>- item</code></td><td>");
    HTML_TR(b, "a bulleted list");
    HTML_LIT(b, "</td></tr><tr><td><code>1. item</code></td><td>");
    HTML_TR(b, "a numbered list");
    HTML_LIT(b, "</td></tr><tr><td><code>**bold**</code> "
                "<code>*italic*</code></td><td>");
    HTML_TR(b, "bold, italic");
    HTML_LIT(b, "</td></tr><tr><td><code>[ILO](https://www.ilo.org)</code>"
                "</td><td>");
    HTML_TR(b, "a link (http, https or mailto)");
    HTML_LIT(b, "</td></tr></tbody></table><p>");
    HTML_TR(b, "A blank line starts a new paragraph; a line ending in two "
               "spaces breaks the line. Anything else, HTML included, is "
               "shown as you type it.");
    HTML_LIT(b, "</p></details>");
}

/* Chapter r->azParam[1] of round r->azParam[0], with zNotice (NULL: none)
** of kind zKind ("ok", "error", "conflict", "preview": the form keeps what
** was sent; after a conflict at the version now stored, so that saving
** again writes over it knowingly; a preview shows the texts sent, not
** saved, where the saved ones are otherwise). */
static void
chapter_render(Req *r, Resp *w, const char *zNotice, const char *zKind)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return;
    }
    const Round *rd = plan_find_round(p, r->azParam[0]);
    ChapterKind e = CHAPTER_INTRODUCTION;
    if (!rd) {
        web_error(r, w, 404, _("There is no such round."));
        return;
    }
    /* The address names a chapter by its key exactly. */
    if (chapter_kind_parse(r->azParam[1], &e) ||
        !str_eq(chapter_kind_name(e), r->azParam[1])) {
        web_error(r, w, 404, _("There is no such chapter."));
        return;
    }
    const RoundChapter *c = round_chapter(rd, e);
    ChapterPage x = { r->s, p, rd, e };
    Buf stem = BUF_INIT;
    buf_printf(&stem, "chapter-%s-%s", rd->zCode, chapter_kind_name(e));
    if (!zNotice && page_download(r, w, azChapterSheet, chapter_history_sheet,
                                  &x, buf_str(&stem))) {
        buf_release(&stem);
        return;
    }
    buf_release(&stem);
    char *zPlanQ = page_plan_query(m, p);
    Buf title = BUF_INIT;
    /* TRANSLATORS: %1$s a chapter's heading, %2$s a round's title. */
    buf_printf(&title, _("%s \xE2\x80\x94 %s"), chapter_kind_label(e),
               rd->zTitle);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(
            b, str_eq(zKind, "ok") || str_eq(zKind, "preview") ? "ok" : "error",
            zNotice);
    }
    HTML_LIT(b, "<p>");
    page_link_round(b, rd, zPlanQ);
    HTML_LIT(b, " \xC2\xB7 ");
    page_link_round_report(b, rd, zPlanQ, _("The review report"));
    HTML_LIT(b, " \xC2\xB7 <a href=\"#history\">");
    HTML_TR(b, "History");
    HTML_LIT(b, "</a></p><p>");
    HTML_TR(b, "In the report:");
    HTML_LIT(b, " ");
    esc_html(b, chapter_place_words(e));
    HTML_LIT(b, "</p>\n");

    Actor who = page_actor(r);
    AppErr why = APPERR_INIT;
    int bKeep = zNotice && !str_eq(zKind, "ok");
    if (rules_chapter_may_write(&who, rd, &why)) {
        HTML_LIT(b, "<p>");
        esc_html(b, why.zMsg);
        HTML_LIT(b, "</p>\n");
    } else {
        HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
        Buf action = BUF_INIT;
        chapter_href(&action, rd, e, "");
        esc_html(b, buf_str(&action));
        buf_release(&action);
        HTML_LIT(b, "\">");
        page_csrf_field(r, b);
        if (*zPlanQ) {
            page_hidden(b, "plan", p->zCode);
        }
        HTML_LIT(b, "<input type=\"hidden\" name=\"version\" value=\"");
        if (bKeep && !str_eq(zKind, "conflict")) {
            esc_html(b, req_form(r, "version"));
        } else {
            buf_printf(b, "%d", c ? c->iVersion : 0);
        }
        HTML_LIT(b, "\"/>");
        chapter_help(b);
        HTML_LIT(b, "<label for=\"text\">");
        HTML_TR(b, "English text");
        HTML_LIT(b, "</label><textarea id=\"text\" name=\"text\" rows=\"14\">");
        esc_html(b, bKeep ? req_form(r, "text") : c ? c->zText : "");
        HTML_LIT(b, "</textarea><label for=\"text_km\">");
        HTML_TR(b, "Khmer (where it is empty, the Khmer report shows the "
                   "English)");
        HTML_LIT(b, "</label><textarea id=\"text_km\" name=\"text_km\" "
                    "lang=\"km\" rows=\"10\">");
        esc_html(b, bKeep             ? req_form(r, "text_km")
                    : c && c->zTextKm ? c->zTextKm
                                      : "");
        HTML_LIT(b, "</textarea><div><button type=\"submit\">");
        HTML_TR(b, "Save");
        HTML_LIT(b, "</button> <button type=\"submit\" name=\"action\" "
                    "value=\"preview\">");
        HTML_TR(b, "Preview");
        HTML_LIT(b, "</button></div></form>\n");
    }

    /* The saved text, as the report shows it; or the text sent, for a
    ** preview. */
    int bPreview = str_eq(zKind, "preview");
    HTML_LIT(b, "<section class=\"card preview\" id=\"preview\"><h2>");
    if (bPreview) {
        HTML_TR(b, "Preview: as the report will show it, not saved yet");
    } else {
        HTML_TR(b, "As the report shows it");
    }
    HTML_LIT(b, "</h2>");
    if (!bPreview && c && c->zAt) {
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(c->zAt, zWhen, sizeof zWhen);
        Buf saved = BUF_INIT;
        /* TRANSLATORS: %1$s an account, %2$s a date and time. */
        buf_printf(&saved, _("Saved by %s on %s."), c->zBy ? c->zBy : "",
                   zWhen);
        HTML_LIT(b, "<p>");
        esc_html(b, buf_str(&saved));
        HTML_LIT(b, "</p>");
        buf_release(&saved);
    }
    for (int k = 0; k < 2; k++) {
        const char *z = bPreview ? req_form(r, k ? "text_km" : "text")
                        : !c     ? NULL
                        : k      ? c->zTextKm
                                 : c->zText;
        HTML_LIT(b, "<h3>");
        if (k) {
            HTML_TR(b, "Khmer text");
        } else {
            HTML_TR(b, "English text");
        }
        HTML_LIT(b, "</h3>");
        if (z && *z) {
            if (k) {
                HTML_LIT(b, "<div lang=\"km\">");
            } else {
                HTML_LIT(b, "<div>");
            }
            review_chapter_body_html(z, b);
            HTML_LIT(b, "</div>");
        } else {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "Not written.");
            HTML_LIT(b, "</p>");
        }
    }
    HTML_LIT(b, "</section>\n<section id=\"history\"><h2>");
    HTML_TR(b, "History");
    HTML_LIT(b, "</h2>");
    Sheet t;
    sheet_init(&t, "history", NULL);
    chapter_history_sheet(&x, "history", &t);
    char *zSelf = page_self(r);
    page_sheet(b, &t, zSelf);
    free(zSelf);
    sheet_release(&t);
    HTML_LIT(b, "</section>\n");
    page_end(r, w);
    free(zPlanQ);
}

/* ** PAGE: /round/{}/chapter/{} */
int
page_round_chapter(Req *r, Resp *w)
{
    chapter_render(r, w, *req_query(r, "saved") ? _("Saved.") : NULL, "ok");
    return 0;
}

/* ** PAGE: /round/{}/chapter/{} (POST) */
int
page_round_chapter_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    ChapterKind e = CHAPTER_INTRODUCTION;
    long v = 0;
    int rc;
    if (chapter_kind_parse(r->azParam[1], &e)) {
        web_error(r, w, 404, _("There is no such chapter."));
        return 0;
    }
    if (str_eq(req_form(r, "action"), "preview")) {
        /* Nothing is written: the page again, the texts kept and shown. */
        chapter_render(r, w, _("Preview only: nothing is saved yet."),
                       "preview");
        return 0;
    }
    if (str_to_long(req_form(r, "version"), 0, 1L << 30, &v)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is damaged: reload the page"));
    } else {
        Actor who = page_actor(r);
        rc = workflow_save_chapter(r->s, &who, page_plan_code(r), r->azParam[0],
                                   e, req_form(r, "text"),
                                   req_form(r, "text_km"), (int)v, &err);
    }
    if (rc == 0) {
        Buf loc = BUF_INIT;
        buf_puts(&loc, "/round/");
        url_encode(&loc, r->azParam[0]);
        buf_puts(&loc, "/chapter/");
        buf_puts(&loc, chapter_kind_name(e));
        buf_puts(&loc, "?saved=1");
        if (page_plan_code(r)) {
            buf_puts(&loc, "&plan=");
            url_encode(&loc, page_plan_code(r));
        }
        buf_puts(&loc, "#preview");
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
        return 0;
    }
    if (err.code == APPERR_NOTFOUND) {
        web_fail(r, w, &err);
        return 0;
    }
    resp_reset_body(w);
    chapter_render(r, w, err.zMsg,
                   err.code == APPERR_CONFLICT ? "conflict" : "error");
    if (w->status == 200) {
        web_fail_status(r, w, &err);
    }
    return 0;
}
