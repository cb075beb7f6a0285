/*
** store_sqlite_fund.c — costs and funding lines in SQLite (schema 11):
** their rows for the puts (store_audit.c decides what is audited; see
** store.h, "rows") and the rows store_fund_list() assembles.  SQL only;
** the PostgreSQL translation is store_pg_fund.c.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The round named by $1 (plan) and $2 (round), the node by $1 and $3. */
#define SQ_FUND_ROUND                                                          \
 "(SELECT d.id FROM round d JOIN plan p ON p.id = d.plan_id"                   \
 " WHERE p.code = $1 AND d.code = $2)"
#define SQ_FUND_NODE                                                           \
 "(SELECT n.id FROM node n JOIN plan p ON p.id = n.plan_id"                    \
 " WHERE p.code = $1 AND n.code = $3)"
#define SQ_ROUND_ORDER(d) d ".as_of IS NULL, " d ".as_of, " d ".code"

int
sq_fund_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
                char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    if (e == STORE_FUND_COST) {
        if (SQ_PREPARE(S,
                       "SELECT amount, currency, note, version FROM fund_cost"
                       " WHERE round_id = " SQ_FUND_ROUND
                       " AND node_id = " SQ_FUND_NODE,
                       &st, err)) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
        }
        return sq_row_read(S, st, STORE_FUND_COST_NCOL, azOld, pVersion,
                           pbFound, err, "reading an activity's cost");
    }
    assert(e == STORE_FUND_LINE);
    if (SQ_PREPARE(S,
                   "SELECT f.kind, o.acronym, f.label, f.amount, f.currency,"
                   " f.status, f.note, f.version FROM fund_line f"
                   " LEFT JOIN org o ON o.id = f.org_id"
                   " WHERE f.round_id = " SQ_FUND_ROUND
                   " AND f.node_id = " SQ_FUND_NODE " AND f.line = $4",
                   &st, err)) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    sq_bind_int(st, 4, (int)strtol(azKey[3], NULL, 10));
    return sq_row_read(S, st, STORE_FUND_LINE_NCOL, azOld, pVersion, pbFound,
                       err, "reading a funding line");
}

int
sq_fund_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
                const char *const *az, int bInsert, int iVersion, int *pbDone,
                AppErr *err)
{
    sqlite3_stmt *st;
    if (e == STORE_FUND_COST) {
        if (bInsert ? SQ_PREPARE(S,
                                 "INSERT INTO fund_cost(round_id, node_id,"
                                 " amount, currency, note)"
                                 " VALUES(" SQ_FUND_ROUND ", " SQ_FUND_NODE
                                 ", $4, $5, $6)",
                                 &st, err)
                    : SQ_PREPARE(S,
                                 "UPDATE fund_cost SET amount = $4,"
                                 " currency = $5, note = $6,"
                                 " version = version + 1"
                                 " WHERE round_id = " SQ_FUND_ROUND
                                 " AND node_id = " SQ_FUND_NODE
                                 " AND ($7 = 0 OR version = $7)",
                                 &st, err)) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
        }
        sq_bind_int(st, 4, strtoll(az[STORE_FUND_COST_AMOUNT], NULL, 10));
        sq_bind_text(st, 5, az[STORE_FUND_COST_CURRENCY]);
        sq_bind_text(st, 6, az[STORE_FUND_COST_NOTE]);
        if (!bInsert) {
            sq_bind_int(st, 7, iVersion);
        }
        return sq_row_write(S, st, pbDone, err, "writing an activity's cost");
    }
    assert(e == STORE_FUND_LINE);
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO fund_line(round_id, node_id, line,"
                             " kind, org_id, label, amount, currency, status,"
                             " note) VALUES(" SQ_FUND_ROUND ", " SQ_FUND_NODE
                             ", $4, $5, (SELECT id FROM org WHERE acronym ="
                             " $6), $7, $8, $9, $10, $11)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE fund_line SET kind = $5, org_id = (SELECT"
                             " id FROM org WHERE acronym = $6), label = $7,"
                             " amount = $8, currency = $9, status = $10,"
                             " note = $11, version = version + 1"
                             " WHERE round_id = " SQ_FUND_ROUND
                             " AND node_id = " SQ_FUND_NODE " AND line = $4"
                             " AND ($12 = 0 OR version = $12)",
                             &st, err)) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    sq_bind_int(st, 4, (int)strtol(azKey[3], NULL, 10));
    sq_bind_text(st, 5, az[STORE_FUND_LINE_KIND]);
    sq_bind_text(st, 6, az[STORE_FUND_LINE_ORG]);
    sq_bind_text(st, 7, az[STORE_FUND_LINE_LABEL]);
    sq_bind_int(st, 8, strtoll(az[STORE_FUND_LINE_AMOUNT], NULL, 10));
    sq_bind_text(st, 9, az[STORE_FUND_LINE_CURRENCY]);
    sq_bind_text(st, 10, az[STORE_FUND_LINE_STATUS]);
    sq_bind_text(st, 11, az[STORE_FUND_LINE_NOTE]);
    if (!bInsert) {
        sq_bind_int(st, 12, iVersion);
    }
    return sq_row_write(S, st, pbDone, err, "writing a funding line");
}

int
sq_fund_scan(Store *s, const char *zPlan, const char *zRound,
             StoreFundPart part, StoreRowVisitor fn, void *pArg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    int rc;
    if (part == STORE_FUND_PART_COST) {
        rc = SQ_PREPARE(S,
                        "SELECT p.code, d.code, n.code, c.amount, c.currency,"
                        " c.note, c.version FROM fund_cost c"
                        " JOIN round d ON d.id = c.round_id"
                        " JOIN plan p ON p.id = d.plan_id"
                        " JOIN node n ON n.id = c.node_id"
                        " WHERE p.code = $1 AND ($2 IS NULL OR d.code = $2)"
                        " ORDER BY " SQ_ROUND_ORDER("d") ", n.code",
                        &st, err);
    } else {
        rc = SQ_PREPARE(S,
                        "SELECT p.code, d.code, n.code, f.line, f.kind,"
                        " o.acronym, f.label, f.amount, f.currency, f.status,"
                        " f.note, f.version FROM fund_line f"
                        " JOIN round d ON d.id = f.round_id"
                        " JOIN plan p ON p.id = d.plan_id"
                        " JOIN node n ON n.id = f.node_id"
                        " LEFT JOIN org o ON o.id = f.org_id"
                        " WHERE p.code = $1 AND ($2 IS NULL OR d.code = $2)"
                        " ORDER BY " SQ_ROUND_ORDER("d") ", n.code, f.line",
                        &st, err);
    }
    if (rc) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    sq_bind_text(st, 2, zRound);
    return sq_visit_rows(S, st, fn, pArg, err, "reading funding");
}
