/*
** review_html.c — the review report as one self-contained HTML file, and
** its stacked bar charts as SVG.
**
** Nothing is fetched: CSS and SVG are inline, so the file can be mailed
** and printed as it is.  Every chart has a title, a text description and,
** in the HTML, a table with the same numbers right after it (screen
** readers and printouts in black and white lose nothing).  The colours
** differ in lightness, so they stay apart in greyscale; "not rated" is
** hatched.  All data passes through esc_html().
*/
#include <string.h>

#include "review_report.h"
#include "escape.h"
#include "palette.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The statuses in the order the bars show them; colours: palette.h. */
static const struct {
    Rating e;
    const char *zLabel;
} aSeg[] = {
    { RATING_ON_TARGET, N_("On Target") },
    { RATING_PROGRESSING, N_("Progressing") },
    { RATING_NOT_ON_TARGET, N_("Not on Target") },
    { RATING_NONE, N_("Not rated") },
};

/* The SVG fill of status k: its colour, or the hatching. */
static const char *
seg_fill(size_t k)
{
    const char *z = rating_fill(aSeg[k].e);
    return z ? z : "url(#lmp-hatch)";
}

#define N_SEG 4

void
review_chart_svg(const ReviewReport *r, const ReviewSummary *s,
                 const char *zTitle, Buf *b)
{
    const int wLabel = 290, wBar = 430, hRow = 30, top = 70;
    size_t nRow = s->nGroup + 1;
    int height = top + (int)nRow * hRow + 30;
    int width = wLabel + wBar + 60;
    /* Element ids only need to differ between the charts of one file. */
    unsigned id = s == &r->before ? 2 : 1;
    buf_printf(b,
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d "
               "%d\" width=\"%d\" height=\"%d\" role=\"img\" "
               "aria-labelledby=\"lmp-t%u lmp-d%u\" font-family=\"sans-serif\" "
               "font-size=\"12\">\n",
               width, height, width, height, id, id);
    HTML_LIT(b, "<title id=\"");
    buf_printf(b, "lmp-t%u\">", id);
    esc_html(b, zTitle);
    HTML_LIT(b, "</title>\n<desc id=\"");
    buf_printf(b, "lmp-d%u\">", id);
    /* The text alternative: every bar in words. */
    for (size_t g = 0; g < nRow; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        esc_html(b, review_group_name(r, gr->iNode));
        buf_printf(b, _(": %zu activities"), gr->c.nTotal);
        for (int k = 0; k < N_SEG; k++) {
            buf_printf(b, ", %zu %s", gr->c.an[aSeg[k].e], _(aSeg[k].zLabel));
        }
        buf_puts(b, ". ");
    }
    HTML_LIT(b, "</desc>\n<defs><pattern id=\"lmp-hatch\" width=\"6\" "
                "height=\"6\" patternUnits=\"userSpaceOnUse\" "
                "patternTransform=\"rotate(45)\"><rect width=\"6\" "
                "height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" "
                "x2=\"0\" y2=\"6\" stroke=\"#555555\" stroke-width=\"2\"/>"
                "</pattern></defs>\n");
    buf_printf(b, "<text x=\"0\" y=\"16\" font-size=\"14\" "
                  "font-weight=\"bold\">");
    esc_html(b, zTitle);
    HTML_LIT(b, "</text>\n");
    /* Legend. */
    int x = 0;
    for (int k = 0; k < N_SEG; k++) {
        buf_printf(b,
                   "<rect x=\"%d\" y=\"32\" width=\"14\" height=\"14\" "
                   "fill=\"%s\" stroke=\"#333333\"/><text x=\"%d\" y=\"44\">%s"
                   "</text>\n",
                   x, seg_fill(k), x + 20, _(aSeg[k].zLabel));
        x += 30 + (int)strlen(_(aSeg[k].zLabel)) * 7;
    }
    for (size_t g = 0; g < nRow; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        int y = top + (int)g * hRow;
        Buf label = BUF_INIT;
        if (gr->iNode >= 0 && r->p->aLevel[r->iLevel].bIndicator) {
            buf_printf(&label, "%s %s",
                       level_label(r->p->aLevel[r->iLevel].zName),
                       r->p->aNode[gr->iNode].zCode);
        } else {
            utf8_pad(&label, review_group_name(r, gr->iNode), 42);
            while (label.n && label.z[label.n - 1] == ' ') {
                buf_truncate(&label, label.n - 1);
            }
        }
        buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>",
                   wLabel - 8, y + 19,
                   gr->iNode < 0 ? " font-weight=\"bold\"" : "");
        esc_html(b, buf_str(&label));
        HTML_LIT(b, "</text>\n");
        buf_release(&label);
        double xPos = wLabel;
        for (int k = 0; k < N_SEG; k++) {
            size_t n = gr->c.an[aSeg[k].e];
            if (n == 0 || gr->c.nTotal == 0) {
                continue;
            }
            double w = (double)wBar * (double)n / (double)gr->c.nTotal;
            buf_printf(b,
                       "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                       "height=\"22\" fill=\"%s\" stroke=\"#ffffff\"><title>",
                       xPos, y + 4, w, seg_fill(k));
            esc_html(b, review_group_name(r, gr->iNode));
            buf_printf(b, ": %zu %s</title></rect>\n", n, _(aSeg[k].zLabel));
            if (w >= 18) {
                buf_printf(b,
                           "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                           "fill=\"%s\">%zu</text>\n",
                           xPos + w / 2, y + 19, rating_ink(aSeg[k].e), n);
            }
            xPos += w;
        }
        buf_printf(b, "<text x=\"%d\" y=\"%d\">%zu</text>\n", wLabel + wBar + 6,
                   y + 19, gr->c.nTotal);
    }
    buf_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#444444\">", wLabel,
               top + (int)nRow * hRow + 18);
    esc_html(b, _("Number of activities; total at the right."));
    HTML_LIT(b, "</text>\n");
    HTML_LIT(b, "</svg>\n");
}

void
review_render_svg(const ReviewReport *r, Buf *b)
{
    HTML_LIT(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    Buf t = BUF_INIT;
    buf_printf(&t, _("Status of activities by %s, %s"),
               level_label(r->p->aLevel[r->iLevel].zName), r->pRound->zTitle);
    review_chart_svg(r, &r->now, buf_str(&t), b);
    buf_release(&t);
}

static const char zCss[] =
    "body{font-family:sans-serif;line-height:1.4;margin:2em auto;"
    "max-width:60em;padding:0 1em;color:#111}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #999}"
    "table{border-collapse:collapse;margin:1em 0;width:100%}"
    "th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;"
    "text-align:left}td.n{text-align:right;white-space:nowrap}"
    "caption{text-align:left;font-weight:bold;margin-bottom:.3em}"
    "th.level{text-transform:capitalize}"
    "figure{margin:1em 0}svg{max-width:100%;height:auto}"
    ".method{background:#f3f3f3;padding:.5em 1em}"
    ".annex table{font-size:.85em}.annex td p{margin:0 0 .4em}"
    "@page{size:A4;margin:15mm}"
    "@page annex{size:A4 landscape;margin:12mm}"
    "@media print{body{margin:0;max-width:none}.annex{page:annex;"
    "break-before:page}h2,h3{break-after:avoid}tr{break-inside:avoid}"
    "a{color:inherit;text-decoration:none}}"
    "@media screen and (max-width:40em){body{margin:1em auto}"
    "table{display:block;overflow-x:auto}}";

static void
review_html_pct(Buf *b, size_t n, size_t total)
{
    HTML_LIT(b, "<td class=\"n\">");
    buf_printf(b, _("%ld%% (%zu of %zu)"), review_pct((long)n, (long)total), n,
               total);
    HTML_LIT(b, "</td>");
}

static void
review_html_table(const ReviewReport *r, const ReviewSummary *s, Buf *b)
{
    HTML_LIT(b, "<table>\n<caption>");
    Buf t = BUF_INIT;
    buf_printf(&t, _("Activities by status and %s, %s"),
               level_label(r->p->aLevel[r->iLevel].zName), s->pRound->zTitle);
    esc_html(b, buf_str(&t));
    buf_release(&t);
    HTML_LIT(b, "</caption>\n<thead><tr><th scope=\"col\" "
                "class=\"level\">");
    esc_html(b, level_label(r->p->aLevel[r->iLevel].zName));
    HTML_LIT(b, "</th>");
    for (int k = 0; k < N_SEG; k++) {
        HTML_LIT(b, "<th scope=\"col\">");
        esc_html(b, _(aSeg[k].zLabel));
        HTML_LIT(b, "</th>");
    }
    HTML_LIT(b, "<th scope=\"col\">");
    HTML_TR(b, "Progressing or on target");
    HTML_LIT(b, "</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g <= s->nGroup; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        HTML_LIT(b, "<tr><th scope=\"row\">");
        if (gr->iNode >= 0) {
            esc_html(b, r->p->aNode[gr->iNode].zCode);
            buf_putc(b, ' ');
        }
        esc_html(b, review_group_name(r, gr->iNode));
        HTML_LIT(b, "</th>");
        for (int k = 0; k < N_SEG; k++) {
            review_html_pct(b, gr->c.an[aSeg[k].e], gr->c.nTotal);
        }
        review_html_pct(b, review_count(&gr->c, REVIEW_MASK_POSITIVE),
                        gr->c.nTotal);
        HTML_LIT(b, "</tr>\n");
    }
    HTML_LIT(b, "</tbody></table>\n");
}

static void
review_html_figure(const ReviewReport *r, const ReviewSummary *s, int iFig,
                   Buf *b)
{
    Buf t = BUF_INIT;
    buf_printf(&t, _("Figure %d: Status of activities by %s, %s"), iFig,
               level_label(r->p->aLevel[r->iLevel].zName), s->pRound->zTitle);
    HTML_LIT(b, "<figure>\n");
    review_chart_svg(r, s, buf_str(&t), b);
    HTML_LIT(b, "<figcaption>");
    esc_html(b, buf_str(&t));
    HTML_LIT(b, ". ");
    HTML_TR(b, "The table below gives the same numbers.");
    HTML_LIT(b, "</figcaption>\n</figure>\n");
    buf_release(&t);
    review_html_table(r, s, b);
}

static const char *
review_rating_label(const Assessment *a)
{
    if (!a) {
        return "";
    }
    return a->eRating == RATING_NONE ? _("not rated")
                                     : rating_label(a->eRating);
}

static void
review_html_list(const ReviewReport *r, const char *zTitle, const long *a,
                 size_t n, Buf *b)
{
    HTML_LIT(b, "<h3>");
    esc_html(b, zTitle);
    buf_printf(b, " (%zu)</h3>\n", n);
    if (n == 0) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "None.");
        HTML_LIT(b, "</p>\n");
        return;
    }
    HTML_LIT(b, "<ul>\n");
    for (size_t i = 0; i < n; i++) {
        const Node *nd = &r->p->aNode[a[i]];
        const Assessment *a0 = node_find_assessment(nd, r->pCompare->zCode);
        const Assessment *a1 = node_find_assessment(nd, r->pRound->zCode);
        HTML_LIT(b, "<li><a href=\"#act-");
        esc_html(b, nd->zCode);
        HTML_LIT(b, "\">");
        esc_html(b, nd->zCode);
        HTML_LIT(b, "</a> ");
        esc_html(b, node_text(nd, i18n_current()));
        if (a0 && a1) {
            buf_puts(b, " (");
            esc_html(b, review_rating_label(a0));
            buf_puts(b, " \xE2\x86\x92 ");
            esc_html(b, review_rating_label(a1));
            buf_puts(b, ")");
        }
        HTML_LIT(b, "</li>\n");
    }
    HTML_LIT(b, "</ul>\n");
}

static void
review_html_comparison(const ReviewReport *r, Buf *b)
{
    HTML_LIT(b, "<section id=\"comparison\">\n<h2>");
    Buf t = BUF_INIT;
    buf_printf(&t, _("Changes from %s to %s"), r->pCompare->zCode,
               r->pRound->zCode);
    esc_html(b, buf_str(&t));
    buf_release(&t);
    HTML_LIT(b, "</h2>\n<p>");
    HTML_TR(b, "The change of each share in percentage points: the difference "
               "of the rounded percentages printed above. The action plan "
               "changes between rounds (see the lists below), so the "
               "comparison is not always like for like.");
    HTML_LIT(b, "</p>\n");
    if (r->nChange) {
        HTML_LIT(b, "<ul class=\"sentences\">\n");
        for (size_t i = 0; i < r->nChange; i++) {
            HTML_LIT(b, "<li>");
            esc_html(b, r->azChange[i]);
            HTML_LIT(b, "</li>\n");
        }
        HTML_LIT(b, "</ul>\n");
    }
    HTML_LIT(b, "<table>\n<caption>");
    HTML_TR(b, "Change in percentage points");
    HTML_LIT(b, "</caption>\n<thead><tr><th scope=\"col\">");
    HTML_TR(b, "Group");
    HTML_LIT(b, "</th>");
    for (int k = 0; k < N_SEG; k++) {
        HTML_LIT(b, "<th scope=\"col\">");
        esc_html(b, _(aSeg[k].zLabel));
        HTML_LIT(b, "</th>");
    }
    HTML_LIT(b, "<th scope=\"col\">");
    HTML_TR(b, "Activities");
    HTML_LIT(b, "</th></tr></thead>\n<tbody>\n");
    for (size_t g = 0; g <= r->now.nGroup; g++) {
        const ReviewGroup *now =
            g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
        const ReviewGroup *old = review_group(&r->before, now->iNode);
        HTML_LIT(b, "<tr><th scope=\"row\">");
        esc_html(b, review_group_name(r, now->iNode));
        HTML_LIT(b, "</th>");
        for (int k = 0; k < N_SEG; k++) {
            if (old) {
                buf_printf(
                    b, "<td class=\"n\">%+ld</td>",
                    review_pp_change(&old->c, &now->c, REVIEW_MASK(aSeg[k].e)));
            } else {
                HTML_LIT(b, "<td class=\"n\">");
                HTML_TR(b, "new");
                HTML_LIT(b, "</td>");
            }
        }
        buf_printf(b, "<td class=\"n\">%zu \xE2\x86\x92 %zu</td></tr>\n",
                   old ? old->c.nTotal : 0, now->c.nTotal);
    }
    HTML_LIT(b, "</tbody></table>\n");
    review_html_list(r, _("Rated higher"), r->changes.aUp, r->changes.nUp, b);
    review_html_list(r, _("Rated lower"), r->changes.aDown, r->changes.nDown,
                     b);
    review_html_list(r, _("New in this round"), r->changes.aNew,
                     r->changes.nNew, b);
    review_html_list(r, _("Action point reworded between the rounds"),
                     r->changes.aReworded, r->changes.nReworded, b);
    HTML_LIT(b, "</section>\n");
}

static void
review_html_annex(const ReviewReport *r, Buf *b)
{
    const Plan *p = r->p;
    int iLeaf = plan_leaf_level(p);
    const Round *aR[2];
    int nR = 0;
    if (r->pCompare) {
        aR[nR++] = r->pCompare;
    }
    aR[nR++] = r->pRound;
    HTML_LIT(b, "<section id=\"annex\" class=\"annex\">\n<h2>");
    HTML_TR(b, "Annex: activities, responsible bodies, partners and progress");
    HTML_LIT(b, "</h2>\n");
    int bOpen = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel < iLeaf) {
            if (bOpen) {
                HTML_LIT(b, "</tbody></table>\n");
                bOpen = 0;
            }
            int h = n->iLevel + 3 > 6 ? 6 : n->iLevel + 3;
            buf_printf(b, "<h%d>", h);
            esc_html(b, level_label(p->aLevel[n->iLevel].zName));
            buf_putc(b, ' ');
            esc_html(b, n->zCode);
            buf_puts(b, ": ");
            esc_html(b, node_text(n, i18n_current()));
            buf_printf(b, "</h%d>\n", h);
            const char *zInd = node_indicator(n, i18n_current());
            if (zInd) {
                HTML_LIT(b, "<p><strong>");
                HTML_TR(b, "Indicator:");
                HTML_LIT(b, "</strong> ");
                esc_html(b, zInd);
                HTML_LIT(b, "</p>\n");
            }
            continue;
        }
        int bIn = 0;
        for (int k = 0; k < nR; k++) {
            bIn |= node_find_assessment(n, aR[k]->zCode) != NULL;
        }
        if (!bIn) {
            continue;
        }
        if (!bOpen) {
            HTML_LIT(b, "<table>\n<thead><tr><th scope=\"col\">");
            HTML_TR(b, "Activity");
            HTML_LIT(b, "</th><th scope=\"col\">");
            HTML_TR(b, "Responsible");
            HTML_LIT(b, "</th><th scope=\"col\">");
            HTML_TR(b, "Partners");
            HTML_LIT(b, "</th>");
            for (int k = 0; k < nR; k++) {
                for (int c = 0; c < 3; c++) {
                    Buf h = BUF_INIT;
                    review_annex_column(&h, c, aR[k]->zCode);
                    HTML_LIT(b, "<th scope=\"col\">");
                    esc_html(b, buf_str(&h));
                    HTML_LIT(b, "</th>");
                    buf_release(&h);
                }
            }
            HTML_LIT(b, "</tr></thead>\n<tbody>\n");
            bOpen = 1;
        }
        HTML_LIT(b, "<tr id=\"act-");
        esc_html(b, n->zCode);
        HTML_LIT(b, "\"><th scope=\"row\">");
        esc_html(b, n->zCode);
        buf_putc(b, ' ');
        esc_html(b, node_text(n, i18n_current()));
        HTML_LIT(b, "</th><td>");
        for (size_t k = 0; k < n->nResp; k++) {
            buf_puts(b, k ? ", " : "");
            esc_html(b, n->azResp[k]);
        }
        HTML_LIT(b, "</td><td>");
        for (size_t k = 0; k < n->nContrib; k++) {
            buf_puts(b, k ? ", " : "");
            esc_html(b, n->azContrib[k]);
        }
        HTML_LIT(b, "</td>");
        for (int k = 0; k < nR; k++) {
            const Assessment *a = node_find_assessment(n, aR[k]->zCode);
            HTML_LIT(b, "<td><p>");
            esc_html_paragraphs(b, a ? a->zActionPoint : "");
            HTML_LIT(b, "</p></td><td><p>");
            esc_html_paragraphs(b, a ? a->zProgress : "");
            HTML_LIT(b, "</p></td><td>");
            esc_html(b, a ? review_rating_label(a) : _("not in this round"));
            HTML_LIT(b, "</td>");
        }
        HTML_LIT(b, "</tr>\n");
    }
    if (bOpen) {
        HTML_LIT(b, "</tbody></table>\n");
    }
    HTML_LIT(b, "</section>\n");
}

const char *
review_html_css(void)
{
    return zCss;
}

void
review_render_html(const ReviewReport *r, Buf *b)
{
    const Plan *p = r->p;
    HTML_LIT(b, "<!DOCTYPE html>\n<html lang=\"");
    buf_puts(b, i18n_lang_code(i18n_current()));
    HTML_LIT(b, "\">\n<head>\n<meta "
                "charset=\"utf-8\"/>\n<meta name=\"viewport\" "
                "content=\"width=device-width, initial-scale=1\"/>\n<title>");
    esc_html(b, r->pRound->zTitle);
    buf_puts(b, " \xE2\x80\x94 ");
    esc_html(b, plan_title(p, i18n_current()));
    HTML_LIT(b, "</title>\n<style>");
    buf_puts(b, zCss);
    HTML_LIT(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc_html(b, r->pRound->zTitle);
    HTML_LIT(b, "</h1>\n<p>");
    esc_html(b, plan_title(p, i18n_current()));
    if (r->pRound->zAsOf) {
        buf_puts(b, " \xE2\x80\x94 ");
        Buf t = BUF_INIT;
        buf_printf(&t, _("as of %s"), r->pRound->zAsOf);
        esc_html(b, buf_str(&t));
        buf_release(&t);
    }
    HTML_LIT(b, "</p>\n");
    for (size_t i = 0; i < r->nAmend; i++) {
        HTML_LIT(b, "<p class=\"amended\"><strong>");
        esc_html(b, r->azAmend[i]);
        HTML_LIT(b, "</strong></p>\n");
    }
    if (r->zSelf) {
        /* On the web: the way back to the round's page, and the same
        ** report in the other formats. */
        const char *zReport = strstr(r->zSelf, "/report");
        if (zReport) {
            /* "/round/2018/report?plan=P" → "/round/2018?plan=P". */
            Buf back = BUF_INIT;
            buf_append(&back, r->zSelf, (size_t)(zReport - r->zSelf));
            buf_puts(&back, zReport + strlen("/report"));
            HTML_LIT(b, "<p class=\"formats\"><a href=\"");
            esc_html(b, buf_str(&back));
            HTML_LIT(b, "\">");
            HTML_TR(b, "\xE2\x86\x90 Back to the round");
            HTML_LIT(b, "</a></p>\n");
            buf_release(&back);
        }
        HTML_LIT(b, "<p class=\"formats\">");
        HTML_TR(b, "This report as");
        buf_putc(b, ' ');
        for (const ReportFormat *f = aReviewFormat; f->zName; f++) {
            if (strcmp(f->zName, "html") == 0 ||
                !review_format_offered(f, r->pRound)) {
                continue;
            }
            Buf h = BUF_INIT;
            buf_puts(&h, r->zSelf);
            buf_puts(&h, strchr(r->zSelf, '?') ? "&" : "?");
            buf_puts(&h, "format=");
            buf_puts(&h, f->zName);
            buf_puts(b, f == aReviewFormat + 1 ? "" : " \xC2\xB7 ");
            HTML_LIT(b, "<a download=\"\" href=\"");
            esc_html(b, buf_str(&h));
            HTML_LIT(b, "\">");
            esc_html(b, _(f->zLabel));
            HTML_LIT(b, "</a>");
            buf_release(&h);
        }
        HTML_LIT(b, "</p>\n");
    }
    HTML_LIT(b, "</header>\n");
    review_chapters_html(r, CHAPTER_AT_OPENING, b);
    HTML_LIT(b, "<p class=\"method\">");
    Buf t = BUF_INIT;
    review_method_note(r, &t);
    esc_html(b, buf_str(&t));
    buf_reset(&t);
    HTML_LIT(b, "</p>\n");
    review_chapters_html(r, CHAPTER_AT_FIGURES, b);
    HTML_LIT(b, "<section id=\"status\">\n<h2>");
    buf_printf(&t, _("Status of activities by %s"),
               level_label(p->aLevel[r->iLevel].zName));
    esc_html(b, buf_str(&t));
    buf_release(&t);
    HTML_LIT(b, "</h2>\n");
    review_html_figure(r, &r->now, 1, b);
    HTML_LIT(b, "<ul class=\"sentences\">\n");
    for (size_t i = 0; i < r->nSentence; i++) {
        HTML_LIT(b, "<li>");
        esc_html(b, r->azSentence[i]);
        HTML_LIT(b, "</li>\n");
    }
    HTML_LIT(b, "</ul>\n");
    if (r->zGoal10) {
        HTML_LIT(b, "<p class=\"goal10\">");
        esc_html(b, r->zGoal10);
        HTML_LIT(b, "</p>\n");
    }
    for (int k = 0; k < 2; k++) {
        char **az = k ? r->azFollow : r->azRec;
        size_t n = k ? r->nFollow : r->nRec;
        if (n == 0) {
            continue;
        }
        HTML_LIT(b, "<h3>");
        if (k) {
            HTML_TR(b, "Follow-up of earlier recommendations");
        } else {
            HTML_TR(b, "Recommendations and priorities");
        }
        HTML_LIT(b, "</h3>\n<ul>");
        for (size_t i = 0; i < n; i++) {
            HTML_LIT(b, "<li>");
            esc_html(b, az[i]);
            HTML_LIT(b, "</li>\n");
        }
        HTML_LIT(b, "</ul>\n");
    }
    if (r->pCompare) {
        review_html_figure(r, &r->before, 2, b);
    }
    HTML_LIT(b, "</section>\n");
    if (r->pCompare) {
        review_html_comparison(r, b);
    }
    review_chapters_html(r, CHAPTER_AT_CLOSING, b);
    review_html_annex(r, b);
    HTML_LIT(b, "</body>\n</html>\n");
}
