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
action_plan_sheet(const Plan *p, const Round *rd, const RecSet *s, Sheet *t)
{
    Buf head = BUF_INIT, v = BUF_INIT;
    sheet_col(t, _("Activity"));
    sheet_col(t, "Wording");
    sheet_col(t, _("Responsible"));
    sheet_col(t, "Contributing");
    buf_printf(&head, "Action point %s", rd->zCode);
    sheet_col(t, buf_str(&head));
    sheet_col(t, "Priorities of earlier reviews, not done");
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (n->iLevel != iLeaf || !a) {
            continue;
        }
        sheet_text(t, n->zCode);
        sheet_text(t, n->zText);
        action_plan_orgs(t, n->azResp, n->nResp, &v);
        action_plan_orgs(t, n->azContrib, n->nContrib, &v);
        /* The wording the officer agrees, without the draft's lines. */
        buf_reset(&v);
        buf_append(&v, a->zActionPoint, rec_draft_wording_len(a->zActionPoint));
        sheet_text(t, buf_str(&v));
        buf_reset(&v);
        (void)rec_priorities_for(p, n, s, rd->zCode, &v);
        sheet_text(t, buf_str(&v));
    }
    buf_release(&head);
    buf_release(&v);
}

void
action_plan_render_html(const Plan *p, const Round *rd, const Sheet *t, Buf *b)
{
    HTML_LIT(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
                "charset=\"utf-8\"/>\n<meta name=\"viewport\" "
                "content=\"width=device-width, initial-scale=1\"/>\n<title>"
                "Action plan: ");
    esc_html(b, rd->zTitle);
    HTML_LIT(b, "</title>\n</head>\n<body>\n<h1>Action plan: ");
    esc_html(b, rd->zTitle);
    HTML_LIT(b, "</h1>\n<p>");
    esc_html(b, p->zTitle);
    HTML_LIT(b, "</p>\n");
    sheet_render_html(t, NULL, b);
    HTML_LIT(b, "</body>\n</html>\n");
}
