/*
** action_plan.c — a round's action plan as a table (see action_plan.h).
*/
#include <stdlib.h>
#include <string.h>

#include "action_plan.h"
#include "escape.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static void
action_plan_orgs(Sheet *t, char **az, size_t n, Buf *v)
{
    buf_reset(v);
    for (size_t k = 0; k < n; k++) {
        buf_printf(v, "%s%s", k ? ", " : "", az[k]);
    }
    sheet_text(t, buf_str(v));
}

void
action_plan_money(const FundSet *f, const char *zRound, const char *zNode,
                  int iWhat, Buf *b)
{
    FundTotals tot = { 0 };
    fund_totals_add_activity(&tot, f, zRound, zNode);
    int64_t gap = 0;
    int bGap = fund_activity_gap(f, zRound, zNode, &gap);
    size_t nShown = 0;
    for (size_t k = 0; k < tot.n; k++) {
        const FundTotal *x = &tot.a[k];
        int64_t v = iWhat == 0   ? x->cost
                    : iWhat == 1 ? x->secured
                    : iWhat == 2 ? x->pledged
                                 : x->gap;
        if (iWhat == 3 ? x->nGap == 0 : v == 0) {
            continue;
        }
        buf_printf(b, "%s%s ", nShown++ ? "\n" : "", x->zCurrency);
        money_format(b, v);
    }
    if (iWhat == 3 && !bGap && tot.n > 0) {
        buf_puts(b, fund_set_cost(f, zRound, zNode)
                        ? _("cannot be computed: funding in another "
                            "currency than the cost")
                        : _("cannot be computed: no estimated cost"));
    }
    fund_totals_release(&tot);
}

void
action_plan_sheet(const Plan *p, const Round *rd, const RecSet *s,
                  const FundSet *f, Sheet *t)
{
    action_plan_sheet_html(p, rd, s, f, NULL, NULL, NULL, t);
}

void
action_plan_sheet_html(const Plan *p, const Round *rd, const RecSet *s,
                       const FundSet *f, const char *zHead,
                       void (*xRow)(const void *arg, const Node *n, Buf *b),
                       const void *arg, Sheet *t)
{
    Buf head = BUF_INIT, v = BUF_INIT;
    sheet_col(t, _("Activity"));
    sheet_col(t, _("Wording"));
    sheet_col(t, _("Responsible"));
    sheet_col(t, _("Contributing"));
    buf_printf(&head, _("Action point %s"), rd->zCode);
    sheet_col(t, buf_str(&head));
    sheet_col(t, _("Priorities of earlier reviews, not done"));
    if (f) {
        sheet_col(t, _("Estimated cost"));
        sheet_col(t, _("Secured"));
        sheet_col(t, _("Pledged"));
        sheet_col(t, _("Gap"));
    }
    if (xRow) {
        sheet_col_html(t, zHead);
    }
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (n->iLevel != iLeaf || !a) {
            continue;
        }
        sheet_text(t, n->zCode);
        sheet_text(t, node_text(n, i18n_current()));
        action_plan_orgs(t, n->azResp, n->nResp, &v);
        action_plan_orgs(t, n->azContrib, n->nContrib, &v);
        /* The wording the officer agrees, without the draft's lines. */
        buf_reset(&v);
        buf_append(&v, a->zActionPoint, rec_draft_wording_len(a->zActionPoint));
        sheet_text(t, buf_str(&v));
        buf_reset(&v);
        (void)rec_priorities_for(p, n, s, rd->zCode, &v);
        sheet_text(t, buf_str(&v));
        for (int k = 0; f && k < 4; k++) {
            buf_reset(&v);
            action_plan_money(f, rd->zCode, n->zCode, k, &v);
            sheet_text(t, buf_str(&v));
        }
        if (xRow) {
            buf_reset(&v);
            xRow(arg, n, &v);
            sheet_markup(t, buf_str(&v));
        }
    }
    buf_release(&head);
    buf_release(&v);
}

int
action_plan_render_print(const Plan *p, const Round *rd, const Sheet *t,
                         int bDocx, Buf *b, AppErr *err)
{
    Buf title = BUF_INIT;
    buf_printf(&title, _("Action plan: %s"), rd->zTitle);
    SheetDocSpec s = {
        .zPlan = plan_title(p, i18n_current()),
        .zTitle = buf_str(&title),
        .zAsOf = rd->zAsOf,
        /* TRANSLATORS: follows "Generated on DATE by lmpmon from the data: "
        ** on the cover. */
        .zCoverNote = _("the action points as recorded for the round, the "
                        "priorities of earlier reviews as they stand now."),
        .zIntro = _("Each activity of the round with its responsible and "
                    "contributing organisations, its action point and, "
                    "beside it, the priorities of earlier reviews that "
                    "concern it (or its goal or area) and are not done or "
                    "dropped; with its estimated cost and funding where they "
                    "are recorded, one line per currency."),
        .t = t,
    };
    int rc = sheet_render_print(&s, bDocx, b, err);
    buf_release(&title);
    return rc;
}

void
action_plan_render_html(const Plan *p, const Round *rd, const Sheet *t, Buf *b)
{
    Buf title = BUF_INIT;
    buf_printf(&title, _("Action plan: %s"), rd->zTitle);
    HTML_LIT(b, "<!DOCTYPE html>\n<html lang=\"");
    esc_html(b, i18n_lang_code(i18n_current()));
    HTML_LIT(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta "
                "name=\"viewport\" content=\"width=device-width, "
                "initial-scale=1\"/>\n<title>");
    esc_html(b, buf_str(&title));
    HTML_LIT(b, "</title>\n</head>\n<body>\n<h1>");
    esc_html(b, buf_str(&title));
    buf_release(&title);
    HTML_LIT(b, "</h1>\n<p>");
    esc_html(b, plan_title(p, i18n_current()));
    HTML_LIT(b, "</p>\n");
    sheet_render_html(t, NULL, b);
    HTML_LIT(b, "</body>\n</html>\n");
}
