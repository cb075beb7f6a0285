/*
** review_chapters.c — the review's chapters (core/chapter.h) in the HTML
** and Markdown reports (review_report.h).
**
** Both render the parsed text, never the text as typed: in HTML every
** byte of it goes through esc_html() and the only markup is the literal
** tags of the subset's blocks and runs; in Markdown it is escaped again
** (esc_md_text()), so a chapter cannot add HTML or anything the subset
** does not have to a file someone renders elsewhere.  The printed formats
** take the same tree through review_doc.c.
*/
#include <stdlib.h>
#include <string.h>

#include "review_report.h"
#include "escape.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The text of r's round's chapter e for the reader, "" when not written. */
static const char *
chapter_for_reader(const ReviewReport *r, ChapterKind e)
{
    const RoundChapter *c = round_chapter(r->pRound, e);
    return c ? chapter_text(c, i18n_current()) : "";
}

/* ---- HTML ------------------------------------------------------------------ */

/* n bytes of z as HTML text, a line break as <br>. */
static void
chapter_html_text(Buf *b, const char *z, size_t n)
{
    char *zCopy = xstrndup(z, n);
    char *p = zCopy;
    for (char *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        *nl = 0;
        esc_html(b, p);
        HTML_LIT(b, "<br>");
    }
    esc_html(b, p);
    free(zCopy);
}

/* The runs of block k as HTML. */
static void
chapter_html_runs(Buf *b, const MdBlock *k)
{
    for (size_t i = 0; i < k->nRun; i++) {
        const MdRun *u = &k->aRun[i];
        if (u->fl & MD_RUN_LINK) {
            HTML_LIT(b, "<a href=\"");
            esc_html(b, u->zHref);
            HTML_LIT(b, "\">");
        }
        if (u->fl & MD_RUN_BOLD) {
            HTML_LIT(b, "<strong>");
        }
        if (u->fl & MD_RUN_ITALIC) {
            HTML_LIT(b, "<em>");
        }
        chapter_html_text(b, k->zText + u->i, u->n);
        if (u->fl & MD_RUN_ITALIC) {
            HTML_LIT(b, "</em>");
        }
        if (u->fl & MD_RUN_BOLD) {
            HTML_LIT(b, "</strong>");
        }
        if (u->fl & MD_RUN_LINK) {
            HTML_LIT(b, "</a>");
        }
    }
}

void
review_chapter_body_html(const char *z, Buf *b)
{
    MdDoc d;
    AppErr err = APPERR_INIT;
    if (md_parse(z, &d, &err)) {
        /* Saved before a limit changed: shown as written. */
        HTML_LIT(b, "<p>");
        esc_html_paragraphs(b, z);
        HTML_LIT(b, "</p>\n");
        return;
    }
    for (size_t i = 0; i < d.nBlock; i++) {
        const MdBlock *p = &d.aBlock[i];
        const MdBlock *pPrev = i ? &d.aBlock[i - 1] : NULL;
        const MdBlock *pNext = i + 1 < d.nBlock ? &d.aBlock[i + 1] : NULL;
        switch (p->e) {
        case MD_HEADING:
            buf_printf(b, "<h%d>", p->iLevel + 1);
            chapter_html_text(b, p->zText, strlen(p->zText));
            buf_printf(b, "</h%d>\n", p->iLevel + 1);
            break;
        case MD_PARA:
            HTML_LIT(b, "<p>");
            chapter_html_runs(b, p);
            HTML_LIT(b, "</p>\n");
            break;
        case MD_ITEM:
            if (!pPrev || pPrev->iList != p->iList) {
                if (!p->bOrdered) {
                    HTML_LIT(b, "<ul>\n");
                } else if (p->iNumber == 1) {
                    HTML_LIT(b, "<ol>\n");
                } else {
                    buf_printf(b, "<ol start=\"%ld\">\n", p->iNumber);
                }
            }
            HTML_LIT(b, "<li>");
            chapter_html_runs(b, p);
            HTML_LIT(b, "</li>\n");
            if (!pNext || pNext->iList != p->iList) {
                if (p->bOrdered) {
                    HTML_LIT(b, "</ol>\n");
                } else {
                    HTML_LIT(b, "</ul>\n");
                }
            }
            break;
        }
    }
    md_doc_release(&d);
}

void
review_chapters_html(const ReviewReport *r, ChapterPlace e, Buf *b)
{
    for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
        const char *z = chapter_for_reader(r, (ChapterKind)k);
        if (chapter_kind_place((ChapterKind)k) != e || !*z) {
            continue;
        }
        HTML_LIT(b, "<section class=\"chapter\" id=\"chapter-");
        buf_puts(b, chapter_kind_name((ChapterKind)k)); /* a literal key */
        HTML_LIT(b, "\">\n<h2>");
        esc_html(b, chapter_kind_label((ChapterKind)k));
        HTML_LIT(b, "</h2>\n");
        review_chapter_body_html(z, b);
        HTML_LIT(b, "</section>\n");
    }
}

/* ---- Markdown -------------------------------------------------------------- */

/* The runs of block k as Markdown, escaped again; the first run begins a
** line (esc_md_line()). */
static void
chapter_md_runs(Buf *b, const MdBlock *k)
{
    for (size_t i = 0; i < k->nRun; i++) {
        const MdRun *u = &k->aRun[i];
        char *z = xstrndup(k->zText + u->i, u->n);
        int bLinkStart = (u->fl & MD_RUN_LINK) &&
                         (i == 0 || !(k->aRun[i - 1].fl & MD_RUN_LINK) ||
                          strcmp(k->aRun[i - 1].zHref, u->zHref) != 0);
        int bLinkEnd =
            (u->fl & MD_RUN_LINK) &&
            (i + 1 == k->nRun || !(k->aRun[i + 1].fl & MD_RUN_LINK) ||
             strcmp(k->aRun[i + 1].zHref, u->zHref) != 0);
        buf_puts(b, bLinkStart ? "[" : "");
        buf_puts(b, u->fl & MD_RUN_BOLD ? "**" : "");
        buf_puts(b, u->fl & MD_RUN_ITALIC ? "*" : "");
        if (i == 0 && !bLinkStart && !(u->fl & (MD_RUN_BOLD | MD_RUN_ITALIC))) {
            esc_md_line(b, z);
        } else {
            esc_md_text(b, z);
        }
        buf_puts(b, u->fl & MD_RUN_ITALIC ? "*" : "");
        buf_puts(b, u->fl & MD_RUN_BOLD ? "**" : "");
        if (bLinkEnd) {
            /* The address as the parser took it (no space, no bracket);
            ** what Markdown would read otherwise, percent-encoded. */
            buf_puts(b, "](");
            for (const char *c = u->zHref; *c; c++) {
                if (strchr("<>\\`", *c)) {
                    buf_printf(b, "%%%02X", (unsigned char)*c);
                } else {
                    buf_putc(b, *c);
                }
            }
            buf_putc(b, ')');
        }
        free(z);
    }
}

void
review_chapters_md(const ReviewReport *r, ChapterPlace e, Buf *b)
{
    for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
        const char *z = chapter_for_reader(r, (ChapterKind)k);
        if (chapter_kind_place((ChapterKind)k) != e || !*z) {
            continue;
        }
        buf_puts(b, "\n## ");
        esc_md_text(b, chapter_kind_label((ChapterKind)k));
        buf_puts(b, "\n");
        MdDoc d;
        AppErr err = APPERR_INIT;
        if (md_parse(z, &d, &err)) {
            buf_puts(b, "\n");
            esc_md_line(b, z);
            buf_puts(b, "\n\n");
            continue;
        }
        for (size_t i = 0; i < d.nBlock; i++) {
            const MdBlock *p = &d.aBlock[i];
            const MdBlock *pPrev = i ? &d.aBlock[i - 1] : NULL;
            if (p->e != MD_ITEM || !pPrev || pPrev->iList != p->iList) {
                buf_putc(b, '\n');
            }
            switch (p->e) {
            case MD_HEADING:
                /* One level below the chapter's "##". */
                buf_puts(b, p->iLevel == 2 ? "### " : "#### ");
                esc_md_text(b, p->zText);
                break;
            case MD_PARA:
                chapter_md_runs(b, p);
                break;
            case MD_ITEM:
                if (p->bOrdered) {
                    buf_printf(b, "%ld. ", p->iNumber);
                } else {
                    buf_puts(b, "- ");
                }
                chapter_md_runs(b, p);
                break;
            }
            buf_putc(b, '\n');
        }
        md_doc_release(&d);
        buf_putc(b, '\n'); /* what follows is a paragraph of its own */
    }
}
