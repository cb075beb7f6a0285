/*
** review_formats.c — the formats the review report is made in, one table
** for the CLI's 'report review --format' and the web's report page: each
** name with its MIME type and what people call it, and one function that
** renders a built report in any of them.
*/
#include <string.h>

#include "review_report.h"
#include "print.h"
#include "escape.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

const ReportFormat aReviewFormat[] = {
    { "html", "text/html; charset=utf-8", "HTML", 0 },
    { "md", "text/markdown; charset=utf-8", "Markdown", 0 },
    { "csv", "text/csv; charset=utf-8", "CSV", 0 },
    { "json", "application/json; charset=utf-8", "JSON", 0 },
    { "svg", "image/svg+xml", N_("SVG chart"), 0 },
    { "pdf", "application/pdf", "PDF", 1 },
    { "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml."
      "document",
      N_("Word"), 1 },
    { "claims", "text/csv; charset=utf-8", N_("Figures to check (CSV)"), 0 },
    { NULL, NULL, NULL, 0 },
};

const ReportFormat aPrintFormat[] = {
    { "pdf", "application/pdf", "PDF", 1 },
    { "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml."
      "document",
      N_("Word"), 1 },
    { NULL, NULL, NULL, 0 },
};

int
review_format_offered(const ReportFormat *f, const Round *rd)
{
    return strcmp(f->zName, "claims") != 0 || !review_rated_only(rd);
}

const ReportFormat *
report_format_find(const ReportFormat *a, const char *zName)
{
    for (; zName && a->zName; a++) {
        if (strcmp(a->zName, zName) == 0) {
            return a;
        }
    }
    return NULL;
}

void
report_format_list(const ReportFormat *a, Buf *b)
{
    for (const ReportFormat *f = a; f->zName; f++) {
        buf_puts(b, f == a ? "" : f[1].zName ? ", " : " or ");
        buf_puts(b, f->zName);
    }
}

void
report_format_links(const ReportFormat *a, const char *zSelf, Buf *b)
{
    HTML_LIT(b, "<p class=\"formats\">");
    HTML_TR(b, "This report as");
    buf_putc(b, ' ');
    Buf h = BUF_INIT;
    int bFirst = 1;
    for (const ReportFormat *f = a; f->zName; f++) {
        if (strcmp(f->zName, "html") == 0) {
            continue;
        }
        buf_reset(&h);
        buf_printf(&h, "%s%sformat=%s", zSelf, strchr(zSelf, '?') ? "&" : "?",
                   f->zName);
        buf_puts(b, bFirst ? "" : " \xC2\xB7 ");
        bFirst = 0;
        HTML_LIT(b, "<a download=\"\" href=\"");
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\">");
        esc_html(b, _(f->zLabel));
        HTML_LIT(b, "</a>");
    }
    buf_release(&h);
    HTML_LIT(b, "</p>\n");
}

const ReportFormat *
report_format_need(const ReportFormat *a, const char *zFormat,
                   const char *zWhat, AppErr *err)
{
    const ReportFormat *f = report_format_find(a, zFormat);
    if (!f) {
        Buf names = BUF_INIT;
        report_format_list(a, &names);
        apperr_set(err, APPERR_USAGE, "unknown format '%s' for the %s (%s)",
                   zFormat ? zFormat : "", zWhat, buf_str(&names));
        buf_release(&names);
    }
    return f;
}

int
review_render(const ReviewReport *r, const char *zFormat, Buf *b, AppErr *err)
{
    const ReportFormat *f = report_format_find(aReviewFormat, zFormat);
    if (!f) {
        Buf names = BUF_INIT;
        report_format_list(aReviewFormat, &names);
        apperr_set(err, APPERR_USAGE, "unknown format '%s' (%s)",
                   zFormat ? zFormat : "", buf_str(&names));
        buf_release(&names);
        return -1;
    }
    switch (f - aReviewFormat) {
    case 0:
        review_render_html(r, b);
        return 0;
    case 1:
        review_render_md(r, b);
        return 0;
    case 2:
        review_render_csv(r, b);
        return 0;
    case 3:
        review_render_json(r, b);
        return 0;
    case 4:
        review_render_svg(r, b);
        return 0;
    case 5:
        return review_render_pdf(r, b, err);
    case 6:
        return review_render_docx(r, b, err);
    default:
        return review_render_claims(r, b, err);
    }
}
