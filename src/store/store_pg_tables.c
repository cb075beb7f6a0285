/*
** store_pg_tables.c — whole tables read and written for 'lmpmon copy'
** (store.h, "copying a whole installation"; the columns are those of
** store_copy.c, in its order): the translation of store_sqlite_tables.c.
**
** A table is read in libpq's single-row mode (a million cases are never in
** memory at once), flags as 0/1, dates as text (DateStyle ISO), moments in
** lmpmon's form (PG_TS); it is written through one COPY ... FROM STDIN
** streamed row by row and ended by pg_table_end(), which then moves the
** identity past the ids written, since COPY gave them explicitly.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

static const struct {
    const char *zSelect, *zCopy, *zCount;
    const char *zIdentity; /* moves the id counter past the ids, or NULL */
} aSql[STORE_TABLE_COUNT] = {
    [STORE_TABLE_PLAN] = { "SELECT id, code, title, title_km FROM plan ORDER BY id",
                           "COPY plan(id, code, title, title_km) FROM STDIN",
                           "SELECT count(*) FROM plan",
                           "SELECT setval(pg_get_serial_sequence('plan', 'id'),"
                           " coalesce(max(id), 0) + 1, false) FROM plan" },
    [STORE_TABLE_PLAN_LEVEL] = { "SELECT plan_id, depth, name, has_indicator::int FROM plan_level"
                                 " ORDER BY plan_id, depth",
                                 "COPY plan_level(plan_id, depth, name, has_indicator) FROM STDIN",
                                 "SELECT count(*) FROM plan_level", NULL },
    [STORE_TABLE_ORG] = { "SELECT id, acronym, name, kind, parent_id, name_km FROM org"
                          " ORDER BY id",
                          "COPY org(id, acronym, name, kind, parent_id, name_km) FROM STDIN",
                          "SELECT count(*) FROM org",
                          "SELECT setval(pg_get_serial_sequence('org', 'id'),"
                          " coalesce(max(id), 0) + 1, false) FROM org" },
    [STORE_TABLE_ORG_ALIAS] = { "SELECT org_id, alias, position FROM org_alias"
                                " ORDER BY org_id, alias",
                                "COPY org_alias(org_id, alias, position) FROM STDIN",
                                "SELECT count(*) FROM org_alias", NULL },
    [STORE_TABLE_NODE] = { "SELECT id, plan_id, parent_id, depth, code, text, indicator,"
                           " position, text_km, indicator_km, predecessor_id FROM node ORDER BY id",
                           "COPY node(id, plan_id, parent_id, depth, code, text, indicator,"
                           " position, text_km, indicator_km, predecessor_id) FROM STDIN",
                           "SELECT count(*) FROM node",
                           "SELECT setval(pg_get_serial_sequence('node', 'id'),"
                           " coalesce(max(id), 0) + 1, false) FROM node" },
    [STORE_TABLE_NODE_ORG] = { "SELECT node_id, org_id, role, position FROM node_org"
                               " ORDER BY node_id, role, org_id",
                               "COPY node_org(node_id, org_id, role, position) FROM STDIN",
                               "SELECT count(*) FROM node_org", NULL },
    [STORE_TABLE_ROUND] = { "SELECT id, plan_id, code, title, as_of::text, state, due::text"
                            " FROM round ORDER BY id",
                            "COPY round(id, plan_id, code, title, as_of, state, due) FROM STDIN",
                            "SELECT count(*) FROM round",
                            "SELECT setval(pg_get_serial_sequence('round', 'id'),"
                            " coalesce(max(id), 0) + 1, false) FROM round" },
    [STORE_TABLE_ASSESSMENT] = { "SELECT id, node_id, round_id, action_point, progress, rating, state,"
                                 " version FROM assessment ORDER BY id",
                                 "COPY assessment(id, node_id, round_id, action_point, progress,"
                                 " rating, state, version) FROM STDIN",
                                 "SELECT count(*) FROM assessment",
                                 "SELECT setval(pg_get_serial_sequence('assessment', 'id'),"
                                 " coalesce(max(id), 0) + 1, false) FROM assessment" },
    [STORE_TABLE_ACCOUNT] = { "SELECT id, name, role, org_id, pw_hash, disabled::int,"
                              " " PG_TS("created") ", email, mail::int, lang"
                                                   " FROM account ORDER BY id",
                              "COPY account(id, name, role, org_id, pw_hash, disabled, created,"
                              " email, mail, lang) FROM STDIN",
                              "SELECT count(*) FROM account",
                              "SELECT setval(pg_get_serial_sequence('account', 'id'),"
                              " coalesce(max(id), 0) + 1, false) FROM account" },
    [STORE_TABLE_STATEMENT] = { "SELECT id, assessment_id, org_id, text, proposed_rating, state,"
                                " comment, version, updated_by, " PG_TS(
                                    "updated_at") " FROM statement ORDER BY id",
                                "COPY statement(id, assessment_id, org_id, text, proposed_rating,"
                                " state, comment, version, updated_by, updated_at) FROM STDIN",
                                "SELECT count(*) FROM statement",
                                "SELECT setval(pg_get_serial_sequence('statement', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM statement" },
    [STORE_TABLE_AUDIT] = { "SELECT id, " PG_TS(
                                "at") ", actor, action, entity, key, field, old,"
                                      " new FROM audit ORDER BY id",
                            "COPY audit(id, at, actor, action, entity, key, field, old, new)"
                            " FROM STDIN",
                            "SELECT count(*) FROM audit",
                            "SELECT setval(pg_get_serial_sequence('audit', 'id'),"
                            " coalesce(max(id), 0) + 1, false) FROM audit" },
    [STORE_TABLE_CASE] = { "SELECT id, case_no, lodged_on::text, resolved_on::text, channel,"
                           " assisting_org, province, sex, age_band, legal_status, destination,"
                           " sector, agency, types, stage, outcome, satisfied, currency,"
                           " requested, ordered, paid, version FROM complaint_case ORDER BY id",
                           "COPY complaint_case(id, case_no, lodged_on, resolved_on, channel,"
                           " assisting_org, province, sex, age_band, legal_status, destination,"
                           " sector, agency, types, stage, outcome, satisfied, currency,"
                           " requested, ordered, paid, version) FROM STDIN",
                           "SELECT count(*) FROM complaint_case",
                           "SELECT setval(pg_get_serial_sequence('complaint_case', 'id'),"
                           " coalesce(max(id), 0) + 1, false) FROM complaint_case" },
    [STORE_TABLE_CASE_PERSON] = { "SELECT case_id, name, phone, id_document FROM case_person"
                                  " ORDER BY case_id",
                                  "COPY case_person(case_id, name, phone, id_document) FROM STDIN",
                                  "SELECT count(*) FROM case_person", NULL },
    [STORE_TABLE_CASE_EVENT] = { "SELECT id, case_id, stage, on_date::text, note, actor FROM case_event"
                                 " ORDER BY id",
                                 "COPY case_event(id, case_id, stage, on_date, note, actor) FROM STDIN",
                                 "SELECT count(*) FROM case_event",
                                 "SELECT setval(pg_get_serial_sequence('case_event', 'id'),"
                                 " coalesce(max(id), 0) + 1, false) FROM case_event" },
    [STORE_TABLE_CASE_PAYMENT] = { "SELECT id, case_id, paid_on::text, amount, actor FROM case_payment"
                                   " ORDER BY id",
                                   "COPY case_payment(id, case_id, paid_on, amount, actor) FROM STDIN",
                                   "SELECT count(*) FROM case_payment",
                                   "SELECT setval(pg_get_serial_sequence('case_payment', 'id'),"
                                   " coalesce(max(id), 0) + 1, false) FROM case_payment" },
    [STORE_TABLE_REC_GROUP] = { "SELECT id, round_id, name, position FROM rec_group ORDER BY id",
                                "COPY rec_group(id, round_id, name, position) FROM STDIN",
                                "SELECT count(*) FROM rec_group",
                                "SELECT setval(pg_get_serial_sequence('rec_group', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM rec_group" },
    [STORE_TABLE_RECOMMENDATION] = { "SELECT id, round_id, code, text, group_id, priority::int, source,"
                                     " position, version FROM recommendation ORDER BY id",
                                     "COPY recommendation(id, round_id, code, text, group_id,"
                                     " priority, source, position, version) FROM STDIN",
                                     "SELECT count(*) FROM recommendation",
                                     "SELECT setval(pg_get_serial_sequence('recommendation', 'id'),"
                                     " coalesce(max(id), 0) + 1, false) FROM recommendation" },
    [STORE_TABLE_REC_NODE] = { "SELECT rec_id, node_id, position FROM rec_node"
                               " ORDER BY rec_id, node_id",
                               "COPY rec_node(rec_id, node_id, position) FROM STDIN",
                               "SELECT count(*) FROM rec_node", NULL },
    [STORE_TABLE_REC_ORG] = { "SELECT rec_id, org_id, position FROM rec_org"
                              " ORDER BY rec_id, org_id",
                              "COPY rec_org(rec_id, org_id, position) FROM STDIN",
                              "SELECT count(*) FROM rec_org", NULL },
    [STORE_TABLE_REC_FOLLOWUP] = { "SELECT id, rec_id, round_id, status, evidence, recorded_by, " PG_TS(
                                       "recorded_at") ", version FROM rec_followup ORDER BY id",
                                   "COPY rec_followup(id, rec_id, round_id, status, evidence,"
                                   " recorded_by, recorded_at, version) FROM STDIN",
                                   "SELECT count(*) FROM rec_followup",
                                   "SELECT setval(pg_get_serial_sequence('rec_followup', 'id'),"
                                   " coalesce(max(id), 0) + 1, false) FROM rec_followup" },
    [STORE_TABLE_OUTREACH] = { "SELECT id, held_from::text, title, held_to::text, kind, status,"
                               " plan_id, women, men, unknown, total, currency, requested, ordered,"
                               " purpose, attendees, notes, version FROM outreach ORDER BY id",
                               "COPY outreach(id, held_from, title, held_to, kind, status, plan_id,"
                               " women, men, unknown, total, currency, requested, ordered, purpose,"
                               " attendees, notes, version) FROM STDIN",
                               "SELECT count(*) FROM outreach",
                               "SELECT setval(pg_get_serial_sequence('outreach', 'id'),"
                               " coalesce(max(id), 0) + 1, false) FROM outreach" },
    [STORE_TABLE_OUTREACH_PLACE] = { "SELECT outreach_id, code, position FROM outreach_place"
                                     " ORDER BY outreach_id, code",
                                     "COPY outreach_place(outreach_id, code, position) FROM STDIN",
                                     "SELECT count(*) FROM outreach_place",
                                     NULL },
    [STORE_TABLE_OUTREACH_ORG] = { "SELECT outreach_id, org_id, position FROM outreach_org"
                                   " ORDER BY outreach_id, org_id",
                                   "COPY outreach_org(outreach_id, org_id, position) FROM STDIN",
                                   "SELECT count(*) FROM outreach_org", NULL },
    [STORE_TABLE_OUTREACH_NODE] = { "SELECT outreach_id, node_id, position FROM outreach_node"
                                    " ORDER BY outreach_id, node_id",
                                    "COPY outreach_node(outreach_id, node_id, position) FROM STDIN",
                                    "SELECT count(*) FROM outreach_node",
                                    NULL },
    [STORE_TABLE_MEDIA] = { "SELECT id, published_on::text, title, outlet, link, version"
                            " FROM media ORDER BY id",
                            "COPY media(id, published_on, title, outlet, link, version)"
                            " FROM STDIN",
                            "SELECT count(*) FROM media",
                            "SELECT setval(pg_get_serial_sequence('media', 'id'),"
                            " coalesce(max(id), 0) + 1, false) FROM media" },
    [STORE_TABLE_STAT_OBS] = { "SELECT id, measure, destination, channel, sex, period, source, value,"
                               " note, version FROM stat_obs ORDER BY id",
                               "COPY stat_obs(id, measure, destination, channel, sex, period,"
                               " source, value, note, version) FROM STDIN",
                               "SELECT count(*) FROM stat_obs",
                               "SELECT setval(pg_get_serial_sequence('stat_obs', 'id'),"
                               " coalesce(max(id), 0) + 1, false) FROM stat_obs" },
    [STORE_TABLE_INDICATOR] = { "SELECT id, plan_id, code, rev, node_id, definition, unit, direction,"
                                " baseline, baseline_year, targets, disagg, verification, org_id,"
                                " computed, effective, reason, computed_from, definition_km FROM indicator"
                                " ORDER BY id",
                                "COPY indicator(id, plan_id, code, rev, node_id, definition, unit,"
                                " direction, baseline, baseline_year, targets, disagg, verification,"
                                " org_id, computed, effective, reason, computed_from, definition_km)"
                                " FROM STDIN",
                                "SELECT count(*) FROM indicator",
                                "SELECT setval(pg_get_serial_sequence('indicator', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM indicator" },
    [STORE_TABLE_IND_VALUE] = { "SELECT id, indicator_id, period, sex, cell, value, num, den, source,"
                                " state, version, note FROM ind_value ORDER BY id",
                                "COPY ind_value(id, indicator_id, period, sex, cell, value, num, den,"
                                " source, state, version, note) FROM STDIN",
                                "SELECT count(*) FROM ind_value",
                                "SELECT setval(pg_get_serial_sequence('ind_value', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM ind_value" },
    [STORE_TABLE_STMT_COMMENT] = { "SELECT id, statement_id, stmt_version, author, role, " PG_TS(
                                       "at") ", text FROM statement_comment ORDER BY id",
                                   "COPY statement_comment(id, statement_id, stmt_version, author,"
                                   " role, at, text) FROM STDIN",
                                   "SELECT count(*) FROM statement_comment",
                                   "SELECT setval(pg_get_serial_sequence('statement_comment', 'id'),"
                                   " coalesce(max(id), 0) + 1, false) FROM statement_comment" },
    [STORE_TABLE_STMT_VERSION] = { "SELECT id, statement_id, version, text, proposed_rating, state,"
                                   " submitted_by, " PG_TS(
                                       "submitted_at") " FROM statement_version ORDER BY id",
                                   "COPY statement_version(id, statement_id, version, text,"
                                   " proposed_rating, state, submitted_by, submitted_at) FROM STDIN",
                                   "SELECT count(*) FROM statement_version",
                                   "SELECT setval(pg_get_serial_sequence('statement_version', 'id'),"
                                   " coalesce(max(id), 0) + 1, false) FROM statement_version" },
    [STORE_TABLE_FUND_COST] = { "SELECT id, round_id, node_id, amount, currency, note, version"
                                " FROM fund_cost ORDER BY id",
                                "COPY fund_cost(id, round_id, node_id, amount, currency, note,"
                                " version) FROM STDIN",
                                "SELECT count(*) FROM fund_cost",
                                "SELECT setval(pg_get_serial_sequence('fund_cost', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM fund_cost" },
    [STORE_TABLE_FUND_LINE] = { "SELECT id, round_id, node_id, line, kind, org_id, label, amount,"
                                " currency, status, note, version FROM fund_line ORDER BY id",
                                "COPY fund_line(id, round_id, node_id, line, kind, org_id, label,"
                                " amount, currency, status, note, version) FROM STDIN",
                                "SELECT count(*) FROM fund_line",
                                "SELECT setval(pg_get_serial_sequence('fund_line', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM fund_line" },
    [STORE_TABLE_ROUND_EXT] = { "SELECT id, round_id, org_id, due::text, reason, granted_by, " PG_TS(
                                    "granted_at") ", version FROM round_extension ORDER BY id",
                                "COPY round_extension(id, round_id, org_id, due, reason, granted_by,"
                                " granted_at, version) FROM STDIN",
                                "SELECT count(*) FROM round_extension",
                                "SELECT setval(pg_get_serial_sequence('round_extension', 'id'),"
                                " coalesce(max(id), 0) + 1, false) FROM round_extension" },
    [STORE_TABLE_NOTIFICATION] = { "SELECT id, recipient_id, kind, plan, round, node, org, actor,"
                                   " " PG_TS("at") ", " PG_TS(
                                       "read_at") ", mail, mail_tries,"
                                                  " " PG_TS(
                                                      "mail_next") " FROM notification ORDER BY id",
                                   "COPY notification(id, recipient_id, kind, plan, round, node, org,"
                                   " actor, at, read_at, mail, mail_tries, mail_next) FROM STDIN",
                                   "SELECT count(*) FROM notification",
                                   "SELECT setval(pg_get_serial_sequence('notification', 'id'),"
                                   " coalesce(max(id), 0) + 1, false) FROM notification" },
    [STORE_TABLE_STMT_ATTACHMENT] = { "SELECT id, statement_id, name, type, size, data, added_by, " PG_TS(
                                          "added_at") " FROM statement_attachment ORDER BY id",
                                      "COPY statement_attachment(id, statement_id, name, type, size,"
                                      " data, added_by, added_at) FROM STDIN",
                                      "SELECT count(*) FROM statement_attachment",
                                      "SELECT setval(pg_get_serial_sequence('statement_attachment',"
                                      " 'id'), coalesce(max(id), 0) + 1, false)"
                                      " FROM statement_attachment" },
    [STORE_TABLE_ROUND_CHAPTER] = { "SELECT id, round_id, kind, text, text_km, written_by, " PG_TS(
                                        "written_at") ", version FROM round_chapter ORDER BY id",
                                    "COPY round_chapter(id, round_id, kind, text, text_km, written_by,"
                                    " written_at, version) FROM STDIN",
                                    "SELECT count(*) FROM round_chapter",
                                    "SELECT setval(pg_get_serial_sequence('round_chapter', 'id'),"
                                    " coalesce(max(id), 0) + 1, false) FROM round_chapter" },
};

int
pg_table_scan(Store *s, StoreTable t, StoreRowVisitor fn, void *pArg,
              AppErr *err)
{
    PgStore *S = (PgStore *)s;
    if (pg_copy_flush_cases(S, err)) {
        return -1;
    }
    /* Not prepared: a streamed query cannot share the statement cache's
    ** synchronous calls (as pg_case_send()). */
    if (!PQsendQuery(S->db, aSql[t].zSelect) || !PQsetSingleRowMode(S->db)) {
        return pg_fail(S, NULL, err, "reading a table");
    }
    int nCol = store_table_ncol(t);
    assert(nCol <= 24);
    const char *az[24];
    int bStop = 0, rc = 0;
    PGresult *r;
    while ((r = PQgetResult(S->db)) != NULL) {
        ExecStatusType e = PQresultStatus(r);
        if (e == PGRES_SINGLE_TUPLE && !bStop) {
            assert(PQnfields(r) == nCol);
            for (int i = 0; i < nCol; i++) {
                az[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
            }
            bStop = fn(pArg, az, nCol);
        } else if (e != PGRES_SINGLE_TUPLE && e != PGRES_TUPLES_OK && rc == 0) {
            rc = pg_fail(S, r, err, "reading a table");
        }
        PQclear(r);
    }
    return rc;
}

int
pg_table_put(Store *s, StoreTable t, const char *const *azVal, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    assert(S->bInTxn && S->bWrite);
    if (!S->bTableCopy) {
        if (pg_copy_flush(S, err)) {
            return -1;
        }
        PGresult *r = PQexec(S->db, aSql[t].zCopy);
        int bOk = PQresultStatus(r) == PGRES_COPY_IN;
        if (!bOk) {
            pg_fail(S, r, err, "writing a copied table");
        }
        PQclear(r);
        if (!bOk) {
            return -1;
        }
        S->bTableCopy = 1;
    }
    Buf b = BUF_INIT;
    int nCol = store_table_ncol(t);
    for (int i = 0; i < nCol; i++) {
        pg_copy_field(&b, azVal[i], i == 0);
    }
    buf_putc(&b, '\n');
    int rc = PQputCopyData(S->db, buf_str(&b), (int)b.n) == 1
                 ? 0
                 : pg_fail(S, NULL, err, "writing a copied table");
    buf_release(&b);
    return rc;
}

int
pg_table_end(Store *s, StoreTable t, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    if (S->bTableCopy) {
        S->bTableCopy = 0;
        (void)PQputCopyEnd(S->db, NULL);
        int rc = 0;
        PGresult *r;
        while ((r = PQgetResult(S->db)) != NULL) {
            if (PQresultStatus(r) == PGRES_COPY_IN) {
                (void)PQputCopyEnd(S->db, "lmpmon gave up");
            } else if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == 0) {
                rc = pg_fail(S, r, err, "writing a copied table");
            }
            PQclear(r);
        }
        if (rc) {
            return -1;
        }
    }
    if (!aSql[t].zIdentity) {
        return 0;
    }
    PGresult *r = PQexec(S->db, aSql[t].zIdentity);
    int bOk = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!bOk) {
        pg_fail(S, r, err, "setting a table's ids");
    }
    PQclear(r);
    return bOk ? 0 : -1;
}

int
pg_table_count(Store *s, StoreTable t, long *pn, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    if (pg_copy_flush_cases(S, err)) {
        return -1;
    }
    PGresult *r = PQexec(S->db, aSql[t].zCount);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
        pg_fail(S, r, err, "counting a table's rows");
        PQclear(r);
        return -1;
    }
    *pn = (long)pg_int(r, 0, 0);
    PQclear(r);
    return 0;
}
