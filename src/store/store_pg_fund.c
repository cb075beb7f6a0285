/*
** store_pg_fund.c — costs and funding lines in PostgreSQL (migration 6):
** the translation of store_sqlite_fund.c.  Parameters are text, cast
** where the column is a number; an INSERT that meets a unique key does
** nothing (ON CONFLICT DO NOTHING), which the put reads as a conflict.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

#define PG_FUND_ROUND                                                          \
 "(SELECT d.id FROM round d JOIN plan p ON p.id = d.plan_id"                   \
 " WHERE p.code = $1 AND d.code = $2)"
#define PG_FUND_NODE                                                           \
 "(SELECT n.id FROM node n JOIN plan p ON p.id = n.plan_id"                    \
 " WHERE p.code = $1 AND n.code = $3)"
#define PG_ROUND_ORDER(d) d ".as_of IS NULL, " d ".as_of, " d ".code"

int
pg_fund_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
                char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    PgArgs a = { 0 };
    for (int i = 0; i < 3; i++) {
        pg_arg_text(&a, i + 1, azKey[i]);
    }
    if (e == STORE_FUND_COST) {
        return pg_row_read(
            S,
            PG_QUERY(S,
                     "SELECT amount, currency, note, version"
                     " FROM fund_cost WHERE round_id = " PG_FUND_ROUND
                     " AND node_id = " PG_FUND_NODE,
                     &a, err, "reading an activity's cost"),
            STORE_FUND_COST_NCOL, azOld, pVersion, pbFound);
    }
    assert(e == STORE_FUND_LINE);
    pg_arg_text(&a, 4, azKey[3]);
    return pg_row_read(
        S,
        PG_QUERY(S,
                 "SELECT f.kind, o.acronym, f.label, f.amount, f.currency,"
                 " f.status, f.note, f.version FROM fund_line f"
                 " LEFT JOIN org o ON o.id = f.org_id"
                 " WHERE f.round_id = " PG_FUND_ROUND
                 " AND f.node_id = " PG_FUND_NODE " AND f.line = $4::integer",
                 &a, err, "reading a funding line"),
        STORE_FUND_LINE_NCOL, azOld, pVersion, pbFound);
}

int
pg_fund_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
                const char *const *az, int bInsert, int iVersion, int *pbDone,
                AppErr *err)
{
    PgArgs a = { 0 };
    for (int i = 0; i < 3; i++) {
        pg_arg_text(&a, i + 1, azKey[i]);
    }
    if (e == STORE_FUND_COST) {
        pg_arg_text(&a, 4, az[STORE_FUND_COST_AMOUNT]);
        pg_arg_text(&a, 5, az[STORE_FUND_COST_CURRENCY]);
        pg_arg_text(&a, 6, az[STORE_FUND_COST_NOTE]);
        if (!bInsert) {
            pg_arg_int(&a, 7, iVersion);
        }
        return pg_row_wrote(
            bInsert ? PG_QUERY(S,
                               "INSERT INTO fund_cost(round_id, node_id,"
                               " amount, currency, note)"
                               " VALUES(" PG_FUND_ROUND ", " PG_FUND_NODE
                               ", $4::bigint, $5, $6) ON CONFLICT DO NOTHING",
                               &a, err, "writing an activity's cost")
                    : PG_QUERY(S,
                               "UPDATE fund_cost SET amount = $4::bigint,"
                               " currency = $5, note = $6,"
                               " version = version + 1"
                               " WHERE round_id = " PG_FUND_ROUND
                               " AND node_id = " PG_FUND_NODE
                               " AND ($7::integer = 0"
                               "  OR version = $7::integer)",
                               &a, err, "writing an activity's cost"),
            pbDone);
    }
    assert(e == STORE_FUND_LINE);
    pg_arg_text(&a, 4, azKey[3]);
    pg_arg_text(&a, 5, az[STORE_FUND_LINE_KIND]);
    pg_arg_text(&a, 6, az[STORE_FUND_LINE_ORG]);
    pg_arg_text(&a, 7, az[STORE_FUND_LINE_LABEL]);
    pg_arg_text(&a, 8, az[STORE_FUND_LINE_AMOUNT]);
    pg_arg_text(&a, 9, az[STORE_FUND_LINE_CURRENCY]);
    pg_arg_text(&a, 10, az[STORE_FUND_LINE_STATUS]);
    pg_arg_text(&a, 11, az[STORE_FUND_LINE_NOTE]);
    if (!bInsert) {
        pg_arg_int(&a, 12, iVersion);
    }
    return pg_row_wrote(
        bInsert ? PG_QUERY(S,
                           "INSERT INTO fund_line(round_id, node_id, line,"
                           " kind, org_id, label, amount, currency, status,"
                           " note) VALUES(" PG_FUND_ROUND ", " PG_FUND_NODE
                           ", $4::integer, $5, (SELECT id FROM org WHERE"
                           " acronym = $6), $7, $8::bigint, $9, $10, $11)"
                           " ON CONFLICT DO NOTHING",
                           &a, err, "writing a funding line")
                : PG_QUERY(S,
                           "UPDATE fund_line SET kind = $5, org_id = (SELECT"
                           " id FROM org WHERE acronym = $6), label = $7,"
                           " amount = $8::bigint, currency = $9, status = $10,"
                           " note = $11, version = version + 1"
                           " WHERE round_id = " PG_FUND_ROUND
                           " AND node_id = " PG_FUND_NODE
                           " AND line = $4::integer AND ($12::integer = 0"
                           "  OR version = $12::integer)",
                           &a, err, "writing a funding line"),
        pbDone);
}

int
pg_fund_scan(Store *s, const char *zPlan, const char *zRound,
             StoreFundPart part, StoreRowVisitor fn, void *pArg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    pg_arg_text(&a, 2, zRound);
    PGresult *r;
    if (part == STORE_FUND_PART_COST) {
        r = PG_QUERY(S,
                     "SELECT p.code, d.code, n.code, c.amount, c.currency,"
                     " c.note, c.version FROM fund_cost c"
                     " JOIN round d ON d.id = c.round_id"
                     " JOIN plan p ON p.id = d.plan_id"
                     " JOIN node n ON n.id = c.node_id"
                     " WHERE p.code = $1 AND ($2::text IS NULL OR d.code = $2)"
                     " ORDER BY " PG_ROUND_ORDER("d") ", n.code",
                     &a, err, "reading funding");
    } else {
        r = PG_QUERY(S,
                     "SELECT p.code, d.code, n.code, f.line, f.kind,"
                     " o.acronym, f.label, f.amount, f.currency, f.status,"
                     " f.note, f.version FROM fund_line f"
                     " JOIN round d ON d.id = f.round_id"
                     " JOIN plan p ON p.id = d.plan_id"
                     " JOIN node n ON n.id = f.node_id"
                     " LEFT JOIN org o ON o.id = f.org_id"
                     " WHERE p.code = $1 AND ($2::text IS NULL OR d.code = $2)"
                     " ORDER BY " PG_ROUND_ORDER("d") ", n.code, f.line",
                     &a, err, "reading funding");
    }
    if (!r) {
        return -1;
    }
    pg_visit_rows(r, fn, pArg);
    return 0;
}
