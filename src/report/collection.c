/*
** collection.c — a round's collection per organisation as a table and as
** JSON (collection.h).  Counting is core's (review.c); this file only
** lays the counts out.
*/
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "collection.h"
#include "../core/review.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The directory's name of zOrg, or "" when it has none. */
static const char *
collection_org_name(const Model *m, const char *zOrg)
{
    const Org *o = model_find_org(m, zOrg);
    return o && o->zName ? o->zName : "";
}

void
collection_sheet(const Model *m, const Plan *p, const Round *rd,
                 const char *zToday, const char *zId, CollectionHref xHref,
                 const void *arg, Sheet *t)
{
    sheet_init(t, zId, NULL);
    /* Whether it is overdue comes right after the name: a wide table
    ** scrolls inside its box, and the officer chases by this column. */
    static const char *const azHead[] = {
        N_("Organisation"), N_("Name"),     N_("Due"),         N_("Overdue"),
        N_("Responsible"),  N_("Partner"),  N_("Not begun"),   N_("Draft"),
        N_("Submitted"),    N_("Returned"), N_("Resubmitted"), N_("Accepted"),
        N_("To do")
    };
    for (size_t i = 0; i < sizeof azHead / sizeof azHead[0]; i++) {
        sheet_col(t, _(azHead[i]));
    }
    t->bRowHeads = 1;
    size_t n = 0;
    ReviewOrgProgress *a = review_org_progress(p, rd, zToday, &n);
    Buf href = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const ReviewOrgProgress *o = &a[i];
        if (xHref) {
            buf_reset(&href);
            xHref(&href, o->zOrg, arg);
            sheet_link(t, o->zOrg, buf_str(&href));
        } else {
            sheet_text(t, o->zOrg);
        }
        sheet_text(t, collection_org_name(m, o->zOrg));
        sheet_text(t, o->zDue ? o->zDue : "");
        /* The word, not only a colour, says it. */
        if (o->bOverdue) {
            sheet_badge(t, _("overdue"), "badge overdue");
        } else {
            sheet_text(t, "");
        }
        sheet_num(t, (long)o->nResponsible);
        sheet_num(t, (long)o->nPartner);
        sheet_num(t, (long)o->nNotStarted);
        sheet_num(t, (long)o->anStmt[STMT_DRAFT]);
        sheet_num(t, (long)o->anStmt[STMT_SUBMITTED]);
        sheet_num(t, (long)o->anStmt[STMT_RETURNED]);
        sheet_num(t, (long)o->anStmt[STMT_RESUBMITTED]);
        sheet_num(t, (long)o->anStmt[STMT_ACCEPTED]);
        sheet_num(t, (long)review_org_outstanding(o));
    }
    buf_release(&href);
    free(a);
}

static json_t *
collection_count(size_t n)
{
    return json_integer((json_int_t)n);
}

void
collection_json(const Model *m, const Plan *p, const Round *rd,
                const char *zToday, Buf *b)
{
    ReviewProgress g;
    review_progress(p, rd, &g);
    json_t *root = json_object();
    json_object_set_new(root, "plan", json_string(p->zCode));
    json_object_set_new(root, "round", json_string(rd->zCode));
    json_object_set_new(root, "title",
                        json_string(rd->zTitle ? rd->zTitle : ""));
    json_object_set_new(root, "state",
                        json_string(round_state_name(rd->eState)));
    json_object_set_new(root, "due",
                        rd->zDue ? json_string(rd->zDue) : json_null());
    json_object_set_new(root, "assessed", collection_count(g.nAssessed));
    json_object_set_new(root, "rated", collection_count(g.nRated));
    json_object_set_new(root, "owed", collection_count(g.nExpected));
    json_object_set_new(root, "reported", collection_count(g.nReported));
    json_object_set_new(root, "missing", collection_count(g.nMissing));
    json_t *arr = json_array();
    size_t n = 0;
    ReviewOrgProgress *a = review_org_progress(p, rd, zToday, &n);
    for (size_t i = 0; i < n; i++) {
        const ReviewOrgProgress *o = &a[i];
        json_t *e = json_object();
        json_object_set_new(e, "org", json_string(o->zOrg));
        json_object_set_new(e, "name",
                            json_string(collection_org_name(m, o->zOrg)));
        json_object_set_new(e, "responsible",
                            collection_count(o->nResponsible));
        json_object_set_new(e, "partner", collection_count(o->nPartner));
        json_object_set_new(e, "linked",
                            collection_count(o->nResponsible + o->nPartner));
        json_object_set_new(e, "not_started", collection_count(o->nNotStarted));
        /* Each state apart: a resubmitted statement waits for the
        ** officer again, an accepted one is done. */
        json_object_set_new(e, "draft",
                            collection_count(o->anStmt[STMT_DRAFT]));
        json_object_set_new(e, "submitted",
                            collection_count(o->anStmt[STMT_SUBMITTED]));
        json_object_set_new(e, "returned",
                            collection_count(o->anStmt[STMT_RETURNED]));
        json_object_set_new(e, "resubmitted",
                            collection_count(o->anStmt[STMT_RESUBMITTED]));
        json_object_set_new(e, "accepted",
                            collection_count(o->anStmt[STMT_ACCEPTED]));
        json_object_set_new(e, "outstanding",
                            collection_count(review_org_outstanding(o)));
        json_object_set_new(e, "due",
                            o->zDue ? json_string(o->zDue) : json_null());
        json_object_set_new(e, "overdue", json_boolean(o->bOverdue));
        json_array_append_new(arr, e);
    }
    free(a);
    json_object_set_new(root, "organisations", arr);
    char *z = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    buf_puts(b, z ? z : "null");
    buf_putc(b, '\n');
    free(z);
    json_decref(root);
}
