/*
** store_sqlite_tables.c — whole tables read and written for 'lmpmon copy'
** (store.h, "copying a whole installation"; the columns are those of
** store_copy.c, in its order).  One literal SELECT, INSERT and count per
** table; values are bound as text, which the STRICT tables take as the
** integers they are.  The one translation: a case not resolved is NULL in
** the copy's form and "" in SQLite's column (as_of and updated_at could
** hold "" in an old database: read as NULL too).
*/
#include <assert.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

static const struct {
    const char *zSelect, *zInsert, *zCount;
} aSql[STORE_TABLE_COUNT] = {
    [STORE_TABLE_PLAN] = { "SELECT id, code, title, title_km FROM plan ORDER BY id",
                           "INSERT INTO plan(id, code, title, title_km)"
                           " VALUES($1, $2, $3, $4)",
                           "SELECT count(*) FROM plan" },
    [STORE_TABLE_PLAN_LEVEL] = { "SELECT plan_id, depth, name, has_indicator FROM plan_level"
                                 " ORDER BY plan_id, depth",
                                 "INSERT INTO plan_level(plan_id, depth, name, has_indicator)"
                                 " VALUES($1, $2, $3, $4)",
                                 "SELECT count(*) FROM plan_level" },
    [STORE_TABLE_ORG] = { "SELECT id, acronym, name, kind, parent_id, name_km FROM org"
                          " ORDER BY id",
                          "INSERT INTO org(id, acronym, name, kind, parent_id, name_km)"
                          " VALUES($1, $2, $3, $4, $5, $6)",
                          "SELECT count(*) FROM org" },
    [STORE_TABLE_ORG_ALIAS] = { "SELECT org_id, alias, position FROM org_alias"
                                " ORDER BY org_id, alias",
                                "INSERT INTO org_alias(org_id, alias, position) VALUES($1, $2, $3)",
                                "SELECT count(*) FROM org_alias" },
    [STORE_TABLE_NODE] = { "SELECT id, plan_id, parent_id, depth, code, text, indicator,"
                           " position, text_km, indicator_km, predecessor_id FROM node ORDER BY id",
                           "INSERT INTO node(id, plan_id, parent_id, depth, code, text,"
                           " indicator, position, text_km, indicator_km, predecessor_id)"
                           " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                           "SELECT count(*) FROM node" },
    [STORE_TABLE_NODE_ORG] = { "SELECT node_id, org_id, role, position FROM node_org"
                               " ORDER BY node_id, role, org_id",
                               "INSERT INTO node_org(node_id, org_id, role, position)"
                               " VALUES($1, $2, $3, $4)",
                               "SELECT count(*) FROM node_org" },
    [STORE_TABLE_ROUND] = { "SELECT id, plan_id, code, title, nullif(as_of, ''), state,"
                            " nullif(due, '') FROM round ORDER BY id",
                            "INSERT INTO round(id, plan_id, code, title, as_of, state, due)"
                            " VALUES($1, $2, $3, $4, $5, $6, $7)",
                            "SELECT count(*) FROM round" },
    [STORE_TABLE_ASSESSMENT] = { "SELECT id, node_id, round_id, action_point, progress, rating, state,"
                                 " version FROM assessment ORDER BY id",
                                 "INSERT INTO assessment(id, node_id, round_id, action_point, progress,"
                                 " rating, state, version) VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                                 "SELECT count(*) FROM assessment" },
    [STORE_TABLE_ACCOUNT] = { "SELECT id, name, role, org_id, pw_hash, disabled, created, email,"
                              " mail, lang FROM account ORDER BY id",
                              "INSERT INTO account(id, name, role, org_id, pw_hash, disabled,"
                              " created, email, mail, lang)"
                              " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                              "SELECT count(*) FROM account" },
    [STORE_TABLE_STATEMENT] = { "SELECT id, assessment_id, org_id, text, proposed_rating, state,"
                                " comment, version, updated_by, nullif(updated_at, '')"
                                " FROM statement ORDER BY id",
                                "INSERT INTO statement(id, assessment_id, org_id, text,"
                                " proposed_rating, state, comment, version, updated_by, updated_at)"
                                " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                                "SELECT count(*) FROM statement" },
    [STORE_TABLE_AUDIT] = { "SELECT id, at, actor, action, entity, key, field, old, new"
                            " FROM audit ORDER BY id",
                            "INSERT INTO audit(id, at, actor, action, entity, key, field, old,"
                            " new) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                            "SELECT count(*) FROM audit" },
    [STORE_TABLE_CASE] = { "SELECT id, case_no, lodged_on, nullif(resolved_on, ''), channel,"
                           " assisting_org, province, sex, age_band, legal_status, destination,"
                           " sector, agency, types, stage, outcome, satisfied, currency,"
                           " requested, ordered, paid, version FROM complaint_case ORDER BY id",
                           "INSERT INTO complaint_case(id, case_no, lodged_on, resolved_on,"
                           " channel, assisting_org, province, sex, age_band, legal_status,"
                           " destination, sector, agency, types, stage, outcome, satisfied,"
                           " currency, requested, ordered, paid, version) VALUES($1, $2, $3,"
                           " coalesce($4, ''), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
                           " $16, $17, $18, $19, $20, $21, $22)",
                           "SELECT count(*) FROM complaint_case" },
    [STORE_TABLE_CASE_PERSON] = { "SELECT case_id, name, phone, id_document FROM case_person"
                                  " ORDER BY case_id",
                                  "INSERT INTO case_person(case_id, name, phone, id_document)"
                                  " VALUES($1, $2, $3, $4)",
                                  "SELECT count(*) FROM case_person" },
    [STORE_TABLE_CASE_EVENT] = { "SELECT id, case_id, stage, on_date, note, actor FROM case_event"
                                 " ORDER BY id",
                                 "INSERT INTO case_event(id, case_id, stage, on_date, note, actor)"
                                 " VALUES($1, $2, $3, $4, $5, $6)",
                                 "SELECT count(*) FROM case_event" },
    [STORE_TABLE_CASE_PAYMENT] = { "SELECT id, case_id, paid_on, amount, actor FROM case_payment"
                                   " ORDER BY id",
                                   "INSERT INTO case_payment(id, case_id, paid_on, amount, actor)"
                                   " VALUES($1, $2, $3, $4, $5)",
                                   "SELECT count(*) FROM case_payment" },
    [STORE_TABLE_REC_GROUP] = { "SELECT id, round_id, name, position FROM rec_group ORDER BY id",
                                "INSERT INTO rec_group(id, round_id, name, position)"
                                " VALUES($1, $2, $3, $4)",
                                "SELECT count(*) FROM rec_group" },
    [STORE_TABLE_RECOMMENDATION] = { "SELECT id, round_id, code, text, group_id, priority, source,"
                                     " position, version FROM recommendation ORDER BY id",
                                     "INSERT INTO recommendation(id, round_id, code, text, group_id,"
                                     " priority, source, position, version)"
                                     " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                                     "SELECT count(*) FROM recommendation" },
    [STORE_TABLE_REC_NODE] = { "SELECT rec_id, node_id, position FROM rec_node"
                               " ORDER BY rec_id, node_id",
                               "INSERT INTO rec_node(rec_id, node_id, position)"
                               " VALUES($1, $2, $3)",
                               "SELECT count(*) FROM rec_node" },
    [STORE_TABLE_REC_ORG] = { "SELECT rec_id, org_id, position FROM rec_org"
                              " ORDER BY rec_id, org_id",
                              "INSERT INTO rec_org(rec_id, org_id, position)"
                              " VALUES($1, $2, $3)",
                              "SELECT count(*) FROM rec_org" },
    [STORE_TABLE_REC_FOLLOWUP] = { "SELECT id, rec_id, round_id, status, evidence, recorded_by,"
                                   " recorded_at, version FROM rec_followup ORDER BY id",
                                   "INSERT INTO rec_followup(id, rec_id, round_id, status, evidence,"
                                   " recorded_by, recorded_at, version)"
                                   " VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                                   "SELECT count(*) FROM rec_followup" },
    [STORE_TABLE_OUTREACH] = { "SELECT id, held_from, title, held_to, kind, status, plan_id, women,"
                               " men, unknown, total, currency, requested, ordered, purpose,"
                               " attendees, notes, version FROM outreach ORDER BY id",
                               "INSERT INTO outreach(id, held_from, title, held_to, kind, status,"
                               " plan_id, women, men, unknown, total, currency, requested, ordered,"
                               " purpose, attendees, notes, version) VALUES($1, $2, $3, $4, $5, $6,"
                               " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
                               "SELECT count(*) FROM outreach" },
    [STORE_TABLE_OUTREACH_PLACE] = { "SELECT outreach_id, code, position FROM outreach_place"
                                     " ORDER BY outreach_id, code",
                                     "INSERT INTO outreach_place(outreach_id, code, position)"
                                     " VALUES($1, $2, $3)",
                                     "SELECT count(*) FROM outreach_place" },
    [STORE_TABLE_OUTREACH_ORG] = { "SELECT outreach_id, org_id, position FROM outreach_org"
                                   " ORDER BY outreach_id, org_id",
                                   "INSERT INTO outreach_org(outreach_id, org_id, position)"
                                   " VALUES($1, $2, $3)",
                                   "SELECT count(*) FROM outreach_org" },
    [STORE_TABLE_OUTREACH_NODE] = { "SELECT outreach_id, node_id, position FROM outreach_node"
                                    " ORDER BY outreach_id, node_id",
                                    "INSERT INTO outreach_node(outreach_id, node_id, position)"
                                    " VALUES($1, $2, $3)",
                                    "SELECT count(*) FROM outreach_node" },
    [STORE_TABLE_MEDIA] = { "SELECT id, published_on, title, outlet, link, version FROM media"
                            " ORDER BY id",
                            "INSERT INTO media(id, published_on, title, outlet, link, version)"
                            " VALUES($1, $2, $3, $4, $5, $6)",
                            "SELECT count(*) FROM media" },
    [STORE_TABLE_STAT_OBS] = { "SELECT id, measure, destination, channel, sex, period, source, value,"
                               " note, version FROM stat_obs ORDER BY id",
                               "INSERT INTO stat_obs(id, measure, destination, channel, sex, period,"
                               " source, value, note, version) VALUES($1, $2, $3, $4, $5, $6, $7,"
                               " $8, $9, $10)",
                               "SELECT count(*) FROM stat_obs" },
    [STORE_TABLE_INDICATOR] = { "SELECT id, plan_id, code, rev, node_id, definition, unit, direction,"
                                " baseline, baseline_year, targets, disagg, verification, org_id,"
                                " computed, effective, reason, computed_from, definition_km FROM indicator"
                                " ORDER BY id",
                                "INSERT INTO indicator(id, plan_id, code, rev, node_id, definition,"
                                " unit, direction, baseline, baseline_year, targets, disagg,"
                                " verification, org_id, computed, effective, reason, computed_from,"
                                " definition_km)"
                                " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
                                " $15, $16, $17, $18, $19)",
                                "SELECT count(*) FROM indicator" },
    [STORE_TABLE_IND_VALUE] = { "SELECT id, indicator_id, period, sex, cell, value, num, den, source,"
                                " state, version, note FROM ind_value ORDER BY id",
                                "INSERT INTO ind_value(id, indicator_id, period, sex, cell, value, num,"
                                " den, source, state, version, note) VALUES($1, $2, $3, $4, $5, $6, $7,"
                                " $8, $9, $10, $11, $12)",
                                "SELECT count(*) FROM ind_value" },
    [STORE_TABLE_STMT_COMMENT] = { "SELECT id, statement_id, stmt_version, author, role, at, text"
                                   " FROM statement_comment ORDER BY id",
                                   "INSERT INTO statement_comment(id, statement_id, stmt_version,"
                                   " author, role, at, text) VALUES($1, $2, $3, $4, $5, $6, $7)",
                                   "SELECT count(*) FROM statement_comment" },
    [STORE_TABLE_STMT_VERSION] = { "SELECT id, statement_id, version, text, proposed_rating, state,"
                                   " submitted_by, submitted_at FROM statement_version ORDER BY id",
                                   "INSERT INTO statement_version(id, statement_id, version, text,"
                                   " proposed_rating, state, submitted_by, submitted_at)"
                                   " VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                                   "SELECT count(*) FROM statement_version" },
    [STORE_TABLE_FUND_COST] = { "SELECT id, round_id, node_id, amount, currency, note, version"
                                " FROM fund_cost ORDER BY id",
                                "INSERT INTO fund_cost(id, round_id, node_id, amount, currency, note,"
                                " version) VALUES($1, $2, $3, $4, $5, $6, $7)",
                                "SELECT count(*) FROM fund_cost" },
    [STORE_TABLE_FUND_LINE] = { "SELECT id, round_id, node_id, line, kind, org_id, label, amount,"
                                " currency, status, note, version FROM fund_line ORDER BY id",
                                "INSERT INTO fund_line(id, round_id, node_id, line, kind, org_id, label,"
                                " amount, currency, status, note, version) VALUES($1, $2, $3, $4, $5,"
                                " $6, $7, $8, $9, $10, $11, $12)",
                                "SELECT count(*) FROM fund_line" },
    [STORE_TABLE_ROUND_EXT] = { "SELECT id, round_id, org_id, nullif(due, ''), reason, granted_by,"
                                " granted_at, version FROM round_extension ORDER BY id",
                                "INSERT INTO round_extension(id, round_id, org_id, due, reason,"
                                " granted_by, granted_at, version) VALUES($1, $2, $3, $4, $5, $6,"
                                " $7, $8)",
                                "SELECT count(*) FROM round_extension" },
    [STORE_TABLE_NOTIFICATION] = { "SELECT id, recipient_id, kind, plan, round, node, org, actor, at,"
                                   " read_at, mail, mail_tries, mail_next FROM notification"
                                   " ORDER BY id",
                                   "INSERT INTO notification(id, recipient_id, kind, plan, round, node,"
                                   " org, actor, at, read_at, mail, mail_tries, mail_next)"
                                   " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                                   "SELECT count(*) FROM notification" },
    [STORE_TABLE_STMT_ATTACHMENT] = { "SELECT id, statement_id, name, type, size, data, added_by,"
                                      " added_at FROM statement_attachment ORDER BY id",
                                      "INSERT INTO statement_attachment(id, statement_id, name, type,"
                                      " size, data, added_by, added_at) VALUES($1, $2, $3, $4, $5, $6,"
                                      " $7, $8)",
                                      "SELECT count(*) FROM statement_attachment" },
    [STORE_TABLE_ROUND_CHAPTER] = { "SELECT id, round_id, kind, text, text_km, written_by, written_at,"
                                    " version FROM round_chapter ORDER BY id",
                                    "INSERT INTO round_chapter(id, round_id, kind, text, text_km,"
                                    " written_by, written_at, version) VALUES($1, $2, $3, $4, $5, $6,"
                                    " $7, $8)",
                                    "SELECT count(*) FROM round_chapter" },
};

/* The statements are literals of the table above, so the statement cache
** (keyed by the literal's address) serves them as it serves SQ_PREPARE's;
** this is the one place that prepares from a table. */
static int
sq_table_prepare(SqStore *S, const char *zSql, sqlite3_stmt **pSt, AppErr *err)
{
    return sq_prepare(S, zSql, pSt, err);
}

int
sq_table_scan(Store *s, StoreTable t, StoreRowVisitor fn, void *pArg,
              AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (sq_table_prepare(S, aSql[t].zSelect, &st, err)) {
        return -1;
    }
    int nCol = store_table_ncol(t);
    assert(nCol == sqlite3_column_count(st) && nCol <= 24);
    const char *az[24];
    int rc, bStop = 0;
    while (!bStop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < nCol; i++) {
            az[i] = (const char *)sqlite3_column_text(st, i);
        }
        bStop = fn(pArg, az, nCol);
    }
    int rcOut = 0;
    if (!bStop && rc != SQLITE_DONE) {
        rcOut = sq_fail(S, err, "reading a table");
    }
    sq_finalize(S, st);
    return rcOut;
}

int
sq_table_put(Store *s, StoreTable t, const char *const *azVal, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(S->bInTxn);
    if (S->nTablePut++ == 0) {
        /* Rows may refer to rows of their own table written later (an
        ** organisation's parent): references are checked at commit. */
        (void)sqlite3_exec(S->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL,
                           NULL);
    }
    sqlite3_stmt *st;
    if (sq_table_prepare(S, aSql[t].zInsert, &st, err)) {
        return -1;
    }
    int nCol = store_table_ncol(t);
    for (int i = 0; i < nCol; i++) {
        sq_bind_text(st, i + 1, azVal[i]);
    }
    return sq_run(S, st, err, "writing a copied row");
}

int
sq_table_end(Store *s, StoreTable t, AppErr *err)
{
    (void)t;
    (void)err;
    ((SqStore *)s)->nTablePut = 0; /* ids follow the largest by themselves */
    return 0;
}

int
sq_table_count(Store *s, StoreTable t, long *pn, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    if (sq_table_prepare(S, aSql[t].zCount, &st, err)) {
        return -1;
    }
    sqlite3_int64 n = 0;
    if (sq_lookup_id(S, st, &n, err)) {
        return -1;
    }
    *pn = (long)n;
    return 0;
}
