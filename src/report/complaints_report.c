/*
** complaints_report.c — rendering the complaints report (see
** complaints_report.h).  Percentages are whole numbers rounded half away
** from zero and come with their counts.
*/
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "complaints_report.h"
#include "escape.h"
#include "print.h"
#include "../base/base.h"
#include "../core/review.h"
#include "../core/gazetteer.h"
#include "../io/csv.h"
#include "../io/xlsx_write.h"
#include "../base/i18n.h"
#include "../base/banned.h"

#define CSV_HEADER                                                             \
 "dimension,value,cases,resolved,within_3_months,"                             \
 "satisfied_within_3_months,pct_within_3_months,"                              \
 "pct_satisfied_within_3_months,compensation_ordered,compensation_paid\r\n"

/* What a row of dimension d is called: a province's or destination's
** name in language e for its code (gaz_show()), another value as it is. */
static const char *
cell_name(int d, const CaseCell *c, I18nLang e)
{
    return d == DIM_PROVINCE || d == DIM_DESTINATION ? gaz_show(c->zValue, e)
                                                     : c->zValue;
}

/* The k-th row of a dimension as shown (case_shown_build()): the cells
** shown, then the merged "other groups"; NULL past the end.  *pbHidden:
** the row is shown without figures. */
static const CaseCell *
shown_row(const CaseShown *sh, size_t k, int *pbHidden)
{
    *pbHidden = 0;
    if (k < sh->nCell) {
        return sh->apCell[k];
    }
    if (k == sh->nCell && sh->nMerged) {
        *pbHidden = sh->bOtherHidden;
        return &sh->other;
    }
    return NULL;
}

void
complaints_render_csv(const ComplaintsView *v, Buf *b)
{
    buf_puts(b, CSV_HEADER);
    for (int d = 0; d < DIM_COUNT; d++) {
        CaseShown sh;
        case_shown_build(v->r, (CaseDim)d, v->bSuppress, &sh);
        const CaseCell *c;
        int bHidden;
        for (size_t i = 0; (c = shown_row(&sh, i, &bHidden)) != NULL; i++) {
            csv_write_field(b, case_dim_name((CaseDim)d));
            buf_putc(b, ',');
            csv_write_field(b, cell_name(d, c, I18N_EN));
            if (bHidden) {
                buf_puts(b, ",,,,,,,,\r\n"); /* too few cases: suppressed */
                continue;
            }
            buf_printf(b, ",%ld,%ld,%ld,%ld,%ld,%ld,", c->nCases, c->nResolved,
                       c->nWithin3, c->nSatisfiedWithin3,
                       review_pct(c->nWithin3, c->nCases),
                       review_pct(c->nSatisfiedWithin3, c->nCases));
            case_amount_format(b, c->ordered);
            buf_putc(b, ',');
            case_amount_format(b, c->paid);
            buf_puts(b, "\r\n");
        }
        case_shown_release(&sh);
    }
}

static json_t *
amount_json(int64_t minor)
{
    Buf t = BUF_INIT;
    case_amount_format(&t, minor);
    json_t *j = json_string(buf_str(&t));
    buf_release(&t);
    return j;
}

void
complaints_render_json(const ComplaintsView *v, Buf *b)
{
    json_t *root = json_object();
    json_object_set_new(root, "period", json_string(v->zPeriod));
    json_object_set_new(root, "currency", json_string(v->r->zCurrency));
    json_object_set_new(root, "denominator",
                        json_string("cases lodged in the period"));
    json_object_set_new(root, "within_3_months",
                        json_string("resolved no later than the same day three "
                                    "calendar months after lodging (31 January "
                                    "-> 30 April)"));
    json_object_set_new(root, "suppressed_below",
                        v->bSuppress ? json_integer(CASE_SUPPRESS_BELOW)
                                     : json_null());
    json_object_set_new(root, "other_currency_cases",
                        json_integer(v->r->nMixed));
    json_t *rows = json_array();
    for (int d = 0; d < DIM_COUNT; d++) {
        CaseShown sh;
        case_shown_build(v->r, (CaseDim)d, v->bSuppress, &sh);
        const CaseCell *c;
        int bHidden;
        for (size_t i = 0; (c = shown_row(&sh, i, &bHidden)) != NULL; i++) {
            json_t *o = json_object();
            json_object_set_new(o, "dimension",
                                json_string(case_dim_name((CaseDim)d)));
            json_object_set_new(o, "value",
                                json_string(cell_name(d, c, I18N_EN)));
            if (cell_name(d, c, I18N_EN) != c->zValue) {
                json_object_set_new(o, "code", json_string(c->zValue));
            }
            if (c == &sh.other) {
                json_object_set_new(o, "groups",
                                    json_integer((json_int_t)sh.nMerged));
            }
            if (bHidden) {
                json_object_set_new(o, "suppressed", json_true());
                json_array_append_new(rows, o);
                continue;
            }
            json_object_set_new(o, "cases", json_integer(c->nCases));
            json_object_set_new(o, "resolved", json_integer(c->nResolved));
            json_object_set_new(o, "within_3_months",
                                json_integer(c->nWithin3));
            json_object_set_new(o, "satisfied_within_3_months",
                                json_integer(c->nSatisfiedWithin3));
            json_object_set_new(
                o, "pct_within_3_months",
                json_integer(review_pct(c->nWithin3, c->nCases)));
            json_object_set_new(
                o, "pct_satisfied_within_3_months",
                json_integer(review_pct(c->nSatisfiedWithin3, c->nCases)));
            long med = case_cell_median_days(c);
            json_object_set_new(o, "median_days_to_resolution",
                                med < 0 ? json_null() : json_integer(med));
            json_object_set_new(o, "referred_to_court",
                                json_integer(c->nCourt));
            json_object_set_new(o, "compensation_requested",
                                amount_json(c->requested));
            json_object_set_new(o, "compensation_ordered",
                                amount_json(c->ordered));
            json_object_set_new(o, "compensation_paid", amount_json(c->paid));
            json_object_set_new(
                o, "pct_ordered_paid",
                json_integer(review_pct((long)c->paid, (long)c->ordered)));
            json_array_append_new(rows, o);
        }
        case_shown_release(&sh);
    }
    json_object_set_new(root, "rows", rows);
    char *z = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    buf_puts(b, z ? z : "{}");
    buf_putc(b, '\n');
    free(z);
    json_decref(root);
}

void
complaints_indicator_sentence(const ComplaintsView *v, CaseDim d,
                              const char *zValue, Buf *b)
{
    if (case_goal10_figure(v->r, d, zValue, v->bSuppress, b)) {
        buf_puts(b, _(" of the cases"));
    }
}

static void
html_amount(Buf *b, const char *zCur, int64_t v)
{
    HTML_LIT(b, "<td class=\"n\">");
    case_amount_format(b, v);
    buf_putc(b, ' ');
    esc_html(b, zCur);
    HTML_LIT(b, "</td>");
}

void
complaints_render_html(const ComplaintsView *v, Buf *b)
{
    const CaseReport *r = v->r;
    HTML_LIT(b, "<section class=\"complaints\">\n<p class=\"method\">");
    HTML_TR(b, "Cases lodged in");
    HTML_LIT(b, " ");
    esc_html(b, v->zPeriod);
    HTML_LIT(b, ". ");
    HTML_TR(b, "\"Within 3 months\" means resolved no later than the same day "
               "three calendar months after lodging (lodged 31 January, "
               "resolved by 30 April). Shares are of the cases lodged.");
    HTML_LIT(b, " ");
    if (v->bSuppress) {
        buf_printf(b,
                   _("Groups of fewer than %d cases are not shown, nor "
                     "the smallest others where a small group could be worked "
                     "out from them; they are counted together as \"other "
                     "groups\" (how many in brackets). "),
                   CASE_SUPPRESS_BELOW);
    }
    if (r->nMixed) {
        buf_printf(b, _("%ld cases in other currencies than "), r->nMixed);
        esc_html(b, r->zCurrency);
        HTML_LIT(b, " ");
        HTML_TR(b, "are left out of the sums.");
        HTML_LIT(b, " ");
    }
    HTML_LIT(b, "</p>\n");
    for (int d = 0; d < DIM_COUNT; d++) {
        if (r->anCell[d] == 0) {
            continue;
        }
        HTML_LIT(b, "<table>\n<caption>");
        esc_html(b, d == DIM_ALL ? _("All cases") : _("By "));
        if (d != DIM_ALL) {
            esc_html(b, _(case_dim_name((CaseDim)d)));
        }
        HTML_LIT(
            b,
            "</caption>\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">");
        HTML_TR(b, "Cases");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Resolved");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Within 3 months");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Satisfied within 3 months (goal 10)");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Median days");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "To court");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Requested");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Ordered");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Paid");
        HTML_LIT(b, "</th><th scope=\"col\">");
        HTML_TR(b, "Paid of ordered");
        HTML_LIT(b, "</th></tr></thead><tbody>\n");
        CaseShown sh;
        case_shown_build(r, (CaseDim)d, v->bSuppress, &sh);
        const CaseCell *c;
        int bHidden;
        for (size_t i = 0; (c = shown_row(&sh, i, &bHidden)) != NULL; i++) {
            HTML_LIT(b, "<tr><th scope=\"row\">");
            esc_html(b, cell_name(d, c, i18n_current()));
            if (c == &sh.other) {
                buf_printf(b, " (%zu)", sh.nMerged);
            }
            HTML_LIT(b, "</th>");
            if (bHidden) {
                HTML_LIT(b, "<td colspan=\"10\">");
                buf_printf(b, _("fewer than %d cases"), CASE_SUPPRESS_BELOW);
                HTML_LIT(b, "</td></tr>\n");
                continue;
            }
            long med = case_cell_median_days(c);
            buf_printf(b,
                       "<td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
                       "<td class=\"n\">%ld%% (%ld)</td><td class=\"n\">%ld%% "
                       "(%ld)</td><td class=\"n\">",
                       c->nCases, c->nResolved,
                       review_pct(c->nWithin3, c->nCases), c->nWithin3,
                       review_pct(c->nSatisfiedWithin3, c->nCases),
                       c->nSatisfiedWithin3);
            if (med >= 0) {
                buf_printf(b, "%ld", med);
            }
            buf_printf(b, "</td><td class=\"n\">%ld</td>", c->nCourt);
            html_amount(b, r->zCurrency, c->requested);
            html_amount(b, r->zCurrency, c->ordered);
            html_amount(b, r->zCurrency, c->paid);
            buf_printf(b, "<td class=\"n\">%ld%%</td></tr>\n",
                       review_pct((long)c->paid, (long)c->ordered));
        }
        case_shown_release(&sh);
        HTML_LIT(b, "</tbody></table>\n");
    }
    HTML_LIT(b, "</section>\n");
}

void
complaints_render_html_page(const ComplaintsView *v, Buf *b)
{
    Buf t = BUF_INIT;
    HTML_LIT(b, "<!DOCTYPE html>\n<html lang=\"");
    esc_html(b, i18n_lang_code(i18n_current()));
    HTML_LIT(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>");
    buf_printf(&t, _("Complaints mechanism, %s"), v->zPeriod);
    esc_html(b, buf_str(&t));
    buf_reset(&t);
    HTML_LIT(b, "</title>\n<style>body{font-family:sans-serif;max-width:70em;"
                "margin:2em auto;padding:0 1em}table{border-collapse:collapse;"
                "width:100%;margin:1em 0}th,td{border:1px solid #999;padding:"
                ".3em .5em;text-align:left}td.n{text-align:right}caption{"
                "text-align:left;font-weight:bold}.method{background:#f3f3f3;"
                "padding:.5em 1em}@page{size:A4 landscape;margin:12mm}</style>"
                "\n</head>\n<body>\n<h1>");
    buf_printf(&t,
               _("Complaints mechanism for migrant workers: cases and "
                 "compensation, %s"),
               v->zPeriod);
    esc_html(b, buf_str(&t));
    buf_release(&t);
    HTML_LIT(b, "</h1>\n");
    complaints_render_html(v, b);
    HTML_LIT(b, "</body>\n</html>\n");
}

/* The rows of the spreadsheet of v, into x. */
static void
complaints_xlsx_rows(const ComplaintsView *v, XlsxOut *x)
{
    static const char *const azHead[] = {
        "dimension",
        "value",
        "cases",
        "resolved",
        "within_3_months",
        "satisfied_within_3_months",
        "pct_within_3_months",
        "pct_satisfied_within_3_months",
        "compensation_ordered",
        "compensation_paid",
    };
    for (size_t k = 0; k < sizeof azHead / sizeof azHead[0]; k++) {
        xlsx_out_header(x, azHead[k]);
    }
    xlsx_out_row(x);
    for (int d = 0; d < DIM_COUNT; d++) {
        CaseShown sh;
        case_shown_build(v->r, (CaseDim)d, v->bSuppress, &sh);
        const CaseCell *c;
        int bHidden;
        for (size_t i = 0; (c = shown_row(&sh, i, &bHidden)) != NULL; i++) {
            xlsx_out_text(x, case_dim_name((CaseDim)d));
            xlsx_out_text(x, cell_name(d, c, I18N_EN));
            if (!bHidden) {
                xlsx_out_number(x, (double)c->nCases);
                xlsx_out_number(x, (double)c->nResolved);
                xlsx_out_number(x, (double)c->nWithin3);
                xlsx_out_number(x, (double)c->nSatisfiedWithin3);
                xlsx_out_number(x, (double)review_pct(c->nWithin3, c->nCases));
                xlsx_out_number(
                    x, (double)review_pct(c->nSatisfiedWithin3, c->nCases));
                xlsx_out_amount(x, c->ordered);
                xlsx_out_amount(x, c->paid);
            }
            xlsx_out_row(x);
        }
        case_shown_release(&sh);
    }
}

int
complaints_render_xlsx(const ComplaintsView *v, const char *zPath, AppErr *err)
{
    XlsxOut *x = xlsx_out_new(zPath, "complaints", err);
    if (!x) {
        return -1;
    }
    complaints_xlsx_rows(v, x);
    return xlsx_out_close(x, err);
}

int
complaints_render_xlsx_buf(const ComplaintsView *v, Buf *b, AppErr *err)
{
    XlsxOut *x = xlsx_out_new_mem("complaints", err);
    if (!x) {
        return -1;
    }
    complaints_xlsx_rows(v, x);
    return xlsx_out_take(x, b, err);
}

/* ---- PDF and Word ---------------------------------------------------------- */

/* The method, as the HTML's opening paragraph says it, as plain text. */
static void
complaints_print_method(const ComplaintsView *v, Buf *b)
{
    buf_printf(b, "%s %s. ", _("Cases lodged in"), v->zPeriod);
    buf_puts(b, _("\"Within 3 months\" means resolved no later than the same "
                  "day three calendar months after lodging (lodged 31 "
                  "January, resolved by 30 April). Shares are of the cases "
                  "lodged."));
    if (v->bSuppress) {
        buf_putc(b, ' ');
        buf_printf(b,
                   _("Groups of fewer than %d cases are not shown, nor "
                     "the smallest others where a small group could be worked "
                     "out from them; they are counted together as \"other "
                     "groups\" (how many in brackets). "),
                   CASE_SUPPRESS_BELOW);
    }
    if (v->r->nMixed) {
        buf_putc(b, ' ');
        buf_printf(b, _("%ld cases in other currencies than "), v->r->nMixed);
        buf_printf(b, "%s %s", v->r->zCurrency, _("are left out of the sums."));
    }
}

/* The table of dimension d as the HTML shows it: the rows case_shown_build()
** lets through, a hidden one with no figure. */
static void
complaints_print_table(const ComplaintsView *v, int d, Sheet *t)
{
    const CaseReport *r = v->r;
    static const char *const azHead[] = {
        N_("Cases"),
        N_("Resolved"),
        N_("Within 3 months"),
        N_("Satisfied within 3 months (goal 10)"),
        N_("Median days"),
        N_("To court"),
        N_("Requested"),
        N_("Ordered"),
        N_("Paid"),
        N_("Paid of ordered"),
    };
    /* The HTML's first column has no heading; on paper its width comes
    ** from one. */
    sheet_col(t, _("Group"));
    for (size_t k = 0; k < sizeof azHead / sizeof azHead[0]; k++) {
        sheet_col(t, _(azHead[k]));
    }
    CaseShown sh;
    case_shown_build(r, (CaseDim)d, v->bSuppress, &sh);
    const CaseCell *c;
    int bHidden;
    Buf x = BUF_INIT;
    for (size_t i = 0; (c = shown_row(&sh, i, &bHidden)) != NULL; i++) {
        buf_reset(&x);
        buf_puts(&x, cell_name(d, c, i18n_current()));
        if (c == &sh.other) {
            buf_printf(&x, " (%zu)", sh.nMerged);
        }
        sheet_text(t, buf_str(&x));
        if (bHidden) {
            buf_reset(&x);
            buf_printf(&x, _("fewer than %d cases"), CASE_SUPPRESS_BELOW);
            sheet_text(t, buf_str(&x));
            for (size_t k = 1; k < sizeof azHead / sizeof azHead[0]; k++) {
                sheet_text(t, "");
            }
            continue;
        }
        sheet_num(t, c->nCases);
        sheet_num(t, c->nResolved);
        buf_reset(&x);
        buf_printf(&x, "%ld%% (%ld)", review_pct(c->nWithin3, c->nCases),
                   c->nWithin3);
        sheet_text(t, buf_str(&x));
        buf_reset(&x);
        buf_printf(&x, "%ld%% (%ld)",
                   review_pct(c->nSatisfiedWithin3, c->nCases),
                   c->nSatisfiedWithin3);
        sheet_text(t, buf_str(&x));
        long med = case_cell_median_days(c);
        buf_reset(&x);
        if (med >= 0) {
            buf_printf(&x, "%ld", med);
        }
        sheet_text(t, buf_str(&x));
        sheet_num(t, c->nCourt);
        const int64_t aAmount[] = { c->requested, c->ordered, c->paid };
        for (int k = 0; k < 3; k++) {
            buf_reset(&x);
            case_amount_format(&x, aAmount[k]);
            buf_printf(&x, " %s", r->zCurrency);
            sheet_text(t, buf_str(&x));
        }
        buf_reset(&x);
        buf_printf(&x, "%ld%%", review_pct((long)c->paid, (long)c->ordered));
        sheet_text(t, buf_str(&x));
    }
    buf_release(&x);
    case_shown_release(&sh);
}

int
complaints_render_print(const ComplaintsView *v, int bDocx, Buf *b, AppErr *err)
{
    Buf title = BUF_INIT, method = BUF_INIT, h = BUF_INIT;
    buf_printf(&title, _("Complaints mechanism%s%s"), ", ", v->zPeriod);
    complaints_print_method(v, &method);
    SheetDocParts x = { 0 };
    for (int d = 0; d < DIM_COUNT; d++) {
        if (v->r->anCell[d] == 0) {
            continue;
        }
        buf_reset(&h);
        buf_puts(&h, d == DIM_ALL ? _("All cases") : _("By "));
        if (d != DIM_ALL) {
            buf_puts(&h, _(case_dim_name((CaseDim)d)));
        }
        sheet_doc_part(&x, 2, buf_str(&h), NULL);
        complaints_print_table(v, d, sheet_doc_table(&x, "complaints"));
    }
    SheetDocSpec spec = {
        .zPlan = _("Complaints"),
        .zTitle = buf_str(&title),
        /* TRANSLATORS: follows "Generated on DATE by lmpmon from the data: "
        ** on the cover. */
        .zCoverNote = _("the cases of the complaints register lodged in the "
                        "period."),
        .zIntro = buf_str(&method),
    };
    spec.aPart = sheet_doc_parts(&x, &spec.nPart);
    int rc = sheet_render_print(&spec, bDocx, b, err);
    sheet_doc_parts_release(&x);
    buf_release(&title);
    buf_release(&method);
    buf_release(&h);
    return rc;
}
