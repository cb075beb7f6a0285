/*
** store_copy.c — copying a whole installation from one database to
** another, whatever their backends (see store.h, "copying a whole
** installation"): the tables and their columns as every backend reads and
** writes them, and the copy itself, table by table.
**
** A backend reads a table with one literal SELECT and writes it with one
** literal INSERT (SQLite) or COPY (PostgreSQL) per table, in the column
** order below; the values travel as text in one form (store.h), so each
** backend translates only its own differences (PostgreSQL's BOOLEAN, DATE
** and timestamptz columns, SQLite's "" for a case not resolved).
*/
#include <assert.h>

#include "store.h"
#include "../base/base.h"
#include "../base/banned.h"

static const struct {
    const char *zName;
    const char *azCol[24];
} aTable[STORE_TABLE_COUNT] = {
    [STORE_TABLE_PLAN] = { "plan", { "id", "code", "title", "title_km" } },
    [STORE_TABLE_PLAN_LEVEL] = { "plan_level",
                                 { "plan_id", "depth", "name",
                                   "has_indicator" } },
    [STORE_TABLE_ORG] = { "org",
                          { "id", "acronym", "name", "kind", "parent_id",
                            "name_km" } },
    [STORE_TABLE_ORG_ALIAS] = { "org_alias",
                                { "org_id", "alias", "position" } },
    [STORE_TABLE_NODE] = { "node",
                           { "id", "plan_id", "parent_id", "depth", "code",
                             "text", "indicator", "position", "text_km",
                             "indicator_km", "predecessor_id" } },
    [STORE_TABLE_NODE_ORG] = { "node_org",
                               { "node_id", "org_id", "role", "position" } },
    [STORE_TABLE_ROUND] = { "round",
                            { "id", "plan_id", "code", "title", "as_of",
                              "state", "due" } },
    [STORE_TABLE_ASSESSMENT] = { "assessment",
                                 { "id", "node_id", "round_id", "action_point",
                                   "progress", "rating", "state", "version" } },
    [STORE_TABLE_ACCOUNT] = { "account",
                              { "id", "name", "role", "org_id", "pw_hash",
                                "disabled", "created", "email", "mail",
                                "lang" } },
    [STORE_TABLE_STATEMENT] = { "statement",
                                { "id", "assessment_id", "org_id", "text",
                                  "proposed_rating", "state", "comment",
                                  "version", "updated_by", "updated_at" } },
    [STORE_TABLE_AUDIT] = { "audit",
                            { "id", "at", "actor", "action", "entity", "key",
                              "field", "old", "new" } },
    [STORE_TABLE_CASE] = { "complaint_case",
                           { "id",           "case_no",     "lodged_on",
                             "resolved_on",  "channel",     "assisting_org",
                             "province",     "sex",         "age_band",
                             "legal_status", "destination", "sector",
                             "agency",       "types",       "stage",
                             "outcome",      "satisfied",   "currency",
                             "requested",    "ordered",     "paid",
                             "version" } },
    [STORE_TABLE_CASE_PERSON] = { "case_person",
                                  { "case_id", "name", "phone",
                                    "id_document" } },
    [STORE_TABLE_CASE_EVENT] = { "case_event",
                                 { "id", "case_id", "stage", "on_date", "note",
                                   "actor" } },
    [STORE_TABLE_CASE_PAYMENT] = { "case_payment",
                                   { "id", "case_id", "paid_on", "amount",
                                     "actor" } },
    [STORE_TABLE_REC_GROUP] = { "rec_group",
                                { "id", "round_id", "name", "position" } },
    [STORE_TABLE_RECOMMENDATION] = { "recommendation",
                                     { "id", "round_id", "code", "text",
                                       "group_id", "priority", "source",
                                       "position", "version" } },
    [STORE_TABLE_REC_NODE] = { "rec_node",
                               { "rec_id", "node_id", "position" } },
    [STORE_TABLE_REC_ORG] = { "rec_org", { "rec_id", "org_id", "position" } },
    [STORE_TABLE_REC_FOLLOWUP] = { "rec_followup",
                                   { "id", "rec_id", "round_id", "status",
                                     "evidence", "recorded_by", "recorded_at",
                                     "version" } },
    [STORE_TABLE_OUTREACH] = { "outreach",
                               { "id", "held_from", "title", "held_to", "kind",
                                 "status", "plan_id", "women", "men", "unknown",
                                 "total", "currency", "requested", "ordered",
                                 "purpose", "attendees", "notes", "version" } },
    [STORE_TABLE_OUTREACH_PLACE] = { "outreach_place",
                                     { "outreach_id", "code", "position" } },
    [STORE_TABLE_OUTREACH_ORG] = { "outreach_org",
                                   { "outreach_id", "org_id", "position" } },
    [STORE_TABLE_OUTREACH_NODE] = { "outreach_node",
                                    { "outreach_id", "node_id", "position" } },
    [STORE_TABLE_MEDIA] = { "media",
                            { "id", "published_on", "title", "outlet", "link",
                              "version" } },
    [STORE_TABLE_STAT_OBS] = { "stat_obs",
                               { "id", "measure", "destination", "channel",
                                 "sex", "period", "source", "value", "note",
                                 "version" } },
    [STORE_TABLE_INDICATOR] = { "indicator",
                                { "id", "plan_id", "code", "rev", "node_id",
                                  "definition", "unit", "direction", "baseline",
                                  "baseline_year", "targets", "disagg",
                                  "verification", "org_id", "computed",
                                  "effective", "reason", "computed_from",
                                  "definition_km" } },
    [STORE_TABLE_IND_VALUE] = { "ind_value",
                                { "id", "indicator_id", "period", "sex", "cell",
                                  "value", "num", "den", "source", "state",
                                  "version", "note" } },
    [STORE_TABLE_STMT_COMMENT] = { "statement_comment",
                                   { "id", "statement_id", "stmt_version",
                                     "author", "role", "at", "text" } },
    [STORE_TABLE_STMT_VERSION] = { "statement_version",
                                   { "id", "statement_id", "version", "text",
                                     "proposed_rating", "state", "submitted_by",
                                     "submitted_at" } },
    [STORE_TABLE_FUND_COST] = { "fund_cost",
                                { "id", "round_id", "node_id", "amount",
                                  "currency", "note", "version" } },
    [STORE_TABLE_FUND_LINE] = { "fund_line",
                                { "id", "round_id", "node_id", "line", "kind",
                                  "org_id", "label", "amount", "currency",
                                  "status", "note", "version" } },
    [STORE_TABLE_ROUND_EXT] = { "round_extension",
                                { "id", "round_id", "org_id", "due", "reason",
                                  "granted_by", "granted_at", "version" } },
    [STORE_TABLE_NOTIFICATION] = { "notification",
                                   { "id", "recipient_id", "kind", "plan",
                                     "round", "node", "org", "actor", "at",
                                     "read_at", "mail", "mail_tries",
                                     "mail_next" } },
    [STORE_TABLE_STMT_ATTACHMENT] = { "statement_attachment",
                                      { "id", "statement_id", "name", "type",
                                        "size", "data", "added_by",
                                        "added_at" } },
    [STORE_TABLE_ROUND_CHAPTER] = { "round_chapter",
                                    { "id", "round_id", "kind", "text",
                                      "text_km", "written_by", "written_at",
                                      "version" } },
};

const char *
store_table_name(StoreTable t)
{
    assert(t >= 0 && t < STORE_TABLE_COUNT);
    return aTable[t].zName;
}

int
store_table_ncol(StoreTable t)
{
    assert(t >= 0 && t < STORE_TABLE_COUNT);
    int n = 0;
    while (n < 24 && aTable[t].azCol[n]) {
        n++;
    }
    return n;
}

const char *
store_table_column(StoreTable t, int i)
{
    assert(i >= 0 && i < store_table_ncol(t));
    return aTable[t].azCol[i];
}

int
store_table_scan(Store *s, StoreTable t, StoreRowVisitor fn, void *pArg,
                 AppErr *err)
{
    return s->pMethods->xTableScan(s, t, fn, pArg, err);
}

int
store_table_put(Store *s, StoreTable t, const char *const *azVal, AppErr *err)
{
    return s->pMethods->xTablePut(s, t, azVal, err);
}

int
store_table_end(Store *s, StoreTable t, AppErr *err)
{
    return s->pMethods->xTableEnd(s, t, err);
}

int
store_table_count(Store *s, StoreTable t, long *pn, AppErr *err)
{
    return s->pMethods->xTableCount(s, t, pn, err);
}

typedef struct CopyCtx {
    Store *to;
    StoreTable t;
    long n; /* rows written */
    int rc;
    AppErr *err;
} CopyCtx;

static int
copy_row(void *pArg, const char *const *azVal, int nVal)
{
    CopyCtx *x = pArg;
    assert(nVal == store_table_ncol(x->t));
    (void)nVal;
    x->rc = store_table_put(x->to, x->t, azVal, x->err);
    x->n += x->rc == 0;
    return x->rc;
}

int
store_copy(Store *from, Store *to, long anRow[STORE_TABLE_COUNT], AppErr *err)
{
    for (int t = 0; t < STORE_TABLE_COUNT; t++) {
        CopyCtx x = { to, (StoreTable)t, 0, 0, err };
        if (store_table_scan(from, (StoreTable)t, copy_row, &x, err) || x.rc ||
            store_table_end(to, (StoreTable)t, err)) {
            return apperr_prefix(err, "cannot copy table '%s'",
                                 aTable[t].zName);
        }
        anRow[t] = x.n;
    }
    return 0;
}
