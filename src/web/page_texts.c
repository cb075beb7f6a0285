/*
** page_texts.c — the Khmer texts of a plan and of the organisations: the
** M&E officer writes the Khmer of the plan's title, of each node's text
** and indicator (areas, goals, activities ...), of each indicator's
** definition (its latest revision's) and of each organisation's name
** beside the English, which comes with the plan (an import), the
** indicators ('lmpmon indicator') and the directory (the admin page).
**
** Each text is its own small form; the write is app_translation_put()
** (app/translate.h): the form carries the Khmer it was made from, so a
** form opened before someone else's change is a 409 that shows what is
** stored now and keeps what was typed.  The three tables download as CSV
** or XLSX with the English and the Khmer side by side, for a translator.
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/utf8.h"
#include "../app/indicators.h"
#include "../app/translate.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* What the tables are drawn from, and the one form a refused save keeps
** (what and code NULL: none). */
typedef struct TextsPage {
    const Req *r;
    const Plan *p;
    const Model *m;
    const char *zWhat;   /* the refused form's kind ("node"), or NULL */
    const char *zCode;   /* and its code */
    const IndData *pInd; /* the plan's indicators, every revision */
} TextsPage;

static const char *const azTextsSheet[] = { "texts", "orgs", "definitions",
                                            NULL };

/* The address the forms post to and the page lives at ("?plan=" kept). */
static void
texts_href(const Req *r, Buf *h)
{
    buf_puts(h, "/plan/khmer");
    if (page_plan_code(r)) {
        buf_puts(h, "?plan=");
        url_encode(h, page_plan_code(r));
    }
}

/* The form editing the Khmer zKm of e's zCode, whose English is zEn; the
** text posted instead when it is the form a refused save keeps. */
static void
texts_form(const TextsPage *x, TranslateWhat e, const char *zCode,
           const char *zEn, const char *zKm, Buf *f)
{
    const Req *r = x->r;
    const char *zWhat = translate_what_name(e);
    int bKept = x->zWhat && str_eq(x->zWhat, zWhat) && str_eq(x->zCode, zCode);
    Buf h = BUF_INIT, id = BUF_INIT;
    texts_href(r, &h);
    buf_printf(&id, "km-%s-%s", zWhat, zCode);
    HTML_LIT(f, "<form class=\"km-text\" method=\"post\" action=\"");
    esc_html(f, buf_str(&h));
    HTML_LIT(f, "\">");
    page_csrf_field(r, f);
    page_plan_field(r, f);
    HTML_LIT(f, "<input type=\"hidden\" name=\"what\" value=\"");
    esc_html(f, zWhat);
    HTML_LIT(f, "\"/><input type=\"hidden\" name=\"code\" value=\"");
    esc_html(f, zCode);
    /* The Khmer stored now: after a conflict, saving again is a choice
    ** made seeing it. */
    HTML_LIT(f, "\"/><input type=\"hidden\" name=\"was\" value=\"");
    esc_html(f, zKm ? zKm : "");
    HTML_LIT(f, "\"/><label class=\"small\" for=\"");
    esc_html(f, buf_str(&id));
    HTML_LIT(f, "\">");
    Buf label = BUF_INIT;
    buf_printf(&label, _("Khmer of \xE2\x80\x9C%s\xE2\x80\x9D"), zEn);
    buf_reset(&h);
    utf8_clip_words(&h, buf_str(&label), 60);
    esc_html(f, buf_str(&h));
    HTML_LIT(f, "</label><textarea id=\"");
    esc_html(f, buf_str(&id));
    HTML_LIT(f, "\" name=\"km\" lang=\"km\" rows=\"2\">");
    esc_html(f, bKept ? req_form(r, "km") : zKm ? zKm : "");
    HTML_LIT(f, "</textarea><button type=\"submit\">");
    HTML_TR(f, "Save");
    HTML_LIT(f, "</button></form>");
    buf_release(&label);
    buf_release(&h);
    buf_release(&id);
}

/* One row: what it is, its code, the English and the Khmer (a form in
** HTML). */
static void
texts_row(const TextsPage *x, Sheet *t, const char *zKind, TranslateWhat e,
          const char *zCode, const char *zEn, const char *zKm)
{
    Buf f = BUF_INIT;
    sheet_text(t, zKind);
    sheet_text(t, zCode);
    sheet_text(t, zEn ? zEn : "");
    texts_form(x, e, zCode, zEn ? zEn : "", zKm, &f);
    sheet_text_markup(t, zKm ? zKm : "", buf_str(&f));
    buf_release(&f);
}

/* The plan's texts (sheet "texts") or the organisations' names ("orgs"). */
static void
texts_sheet(const void *arg, const char *zId, Sheet *t)
{
    const TextsPage *x = arg;
    const Plan *p = x->p;
    int bOrgs = str_eq(zId, "orgs");
    int bDefs = str_eq(zId, "definitions");
    sheet_caption(t, "%s",
                  bOrgs   ? _("The organisations' names")
                  : bDefs ? _("The indicators' definitions (their latest "
                              "revisions: a translation is no revision)")
                          : _("The plan's title and its nodes' texts"));
    sheet_col(t, _("What"));
    sheet_col(t, bOrgs ? _("Acronym") : _("Code"));
    sheet_col(t, _("In English"));
    sheet_col(t, _("In Khmer"));
    if (bDefs) {
        /* The revisions of a code sit together, the latest last. */
        const IndData *d = x->pInd;
        for (size_t i = 0; i < d->n; i++) {
            const Indicator *q = &d->a[i];
            if (i + 1 < d->n && str_eq(d->a[i + 1].zCode, q->zCode)) {
                continue;
            }
            texts_row(x, t, _("Definition"), TRANSLATE_DEFINITION, q->zCode,
                      q->zDefinition, q->zDefinitionKm);
        }
        return;
    }
    if (bOrgs) {
        for (size_t i = 0; i < x->m->nOrg; i++) {
            const Org *o = &x->m->aOrg[i];
            texts_row(x, t, _("Organisation"), TRANSLATE_ORG, o->zAcronym,
                      o->zName, o->zNameKm);
        }
        return;
    }
    texts_row(x, t, _("Plan title"), TRANSLATE_PLAN, p->zCode, p->zTitle,
              p->zTitleKm);
    Buf kind = BUF_INIT;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        buf_reset(&kind);
        utf8_capitalise(&kind, level_label(p->aLevel[n->iLevel].zName));
        texts_row(x, t, buf_str(&kind), TRANSLATE_NODE, n->zCode, n->zText,
                  n->zTextKm);
        if (p->aLevel[n->iLevel].bIndicator ||
            (n->zIndicator && *n->zIndicator)) {
            texts_row(x, t, _("Indicator"), TRANSLATE_INDICATOR, n->zCode,
                      n->zIndicator, n->zIndicatorKm);
        }
    }
    buf_release(&kind);
}

/* The page, with a notice (NULL: none) of kind zKind ("ok", "error"). */
static void
texts_render(Req *r, Resp *w, const char *zNotice, const char *zKind,
             const char *zWhat, const char *zCode)
{
    const Model *m = NULL;
    const Plan *p = page_load(r, w, &m);
    if (!p) {
        return;
    }
    IndData d;
    AppErr err = APPERR_INIT;
    if (app_indicators_read(r->s, p->zCode, &d, &err)) {
        web_fail(r, w, &err);
        return;
    }
    TextsPage x = { r, p, m, zWhat, zCode, &d };
    if (!zNotice &&
        page_download(r, w, azTextsSheet, texts_sheet, &x, "khmer-texts")) {
        app_indicators_release(&d);
        return;
    }
    char *zSelf = page_self(r);
    page_begin(r, w, _("Khmer texts"));
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, zKind, zNotice);
    }
    HTML_LIT(b, "<p class=\"lead\">");
    esc_html(b, plan_title(p, i18n_current()));
    HTML_LIT(b, "</p><p class=\"small\">");
    HTML_TR(b, "Readers of Khmer see the Khmer of a title, a name or a text "
               "where it is written here, and the English where it is not. "
               "The English comes with the plan (an import) and with the "
               "organisations (the administration page). Saving an empty "
               "Khmer text removes it. Every change is in the audit trail.");
    HTML_LIT(b, "</p>\n");
    for (const char *const *pz = azTextsSheet; *pz; pz++) {
        Sheet t;
        sheet_init(&t, *pz, NULL);
        texts_sheet(&x, *pz, &t);
        page_sheet(b, &t, zSelf);
        sheet_release(&t);
    }
    page_end(r, w);
    free(zSelf);
    app_indicators_release(&d);
}

/* ** PAGE: /plan/khmer */
int
page_plan_khmer(Req *r, Resp *w)
{
    const char *zSaved = req_query(r, "saved");
    texts_render(r, w, *zSaved ? _("The Khmer text is saved.") : NULL, "ok",
                 NULL, NULL);
    return 0;
}

/* ** PAGE: /plan/khmer (POST) */
int
page_plan_khmer_post(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    TranslateWhat e;
    const char *zCode = req_form(r, "code");
    int rc;
    if (translate_what_parse(req_form(r, "what"), &e) || !*zCode) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the form is incomplete: reload the page and save "
                          "again"));
    } else {
        Actor who = page_actor(r);
        rc = app_translation_put(r->s, &who, page_plan_code(r), e, zCode,
                                 req_form(r, "km"), req_form(r, "was"), &err);
    }
    if (rc == 0) {
        /* Back to the page, at the text saved. */
        Buf loc = BUF_INIT;
        texts_href(r, &loc);
        buf_puts(&loc, page_plan_code(r) ? "&saved=" : "?saved=");
        url_encode(&loc, translate_what_name(e));
        buf_puts(&loc, "#km-");
        url_encode(&loc, translate_what_name(e));
        buf_putc(&loc, '-');
        url_encode(&loc, zCode);
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
        return 0;
    }
    /* Refused: the page again, from the data as it is now, with the
    ** reason and what was typed. */
    texts_render(r, w, err.zMsg, "error", req_form(r, "what"), zCode);
    web_fail_status(r, w, &err);
    return 0;
}
