/*
** store_pg_ind.c — indicators and their values in PostgreSQL (migration
** 5): the translation of store_sqlite_ind.c.  Parameters are text, cast
** where the column is a number; an INSERT that meets a unique key does
** nothing (ON CONFLICT DO NOTHING), which the put reads as a conflict,
** since a failed statement would end the transaction.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The indicator revision named by $1 (plan), $2 (code), $3 (revision). */
#define PG_IND_ID                                                              \
 "(SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id"               \
 " WHERE p.code = $1 AND i.code = $2 AND i.rev = $3::integer)"

int
pg_ind_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
               char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    PgArgs a = { 0 };
    if (e == STORE_INDICATOR) {
        for (int i = 0; i < 3; i++) {
            pg_arg_text(&a, i + 1, azKey[i]);
        }
        return pg_row_read(
            S,
            PG_QUERY(
                S,
                "SELECT n.code, i.definition, i.unit, i.direction,"
                " i.baseline, i.baseline_year, i.targets, i.disagg,"
                " i.verification, o.acronym, i.computed, i.effective,"
                " i.reason, i.computed_from, i.definition_km FROM indicator i"
                " JOIN plan p ON p.id = i.plan_id"
                " JOIN node n ON n.id = i.node_id"
                " LEFT JOIN org o ON o.id = i.org_id"
                " WHERE p.code = $1 AND i.code = $2"
                " AND i.rev = $3::integer",
                &a, err, "reading an indicator"),
            STORE_INDICATOR_NCOL, azOld, NULL, pbFound);
    }
    assert(e == STORE_IND_VALUE);
    for (int i = 0; i < 6; i++) {
        pg_arg_text(&a, i + 1, azKey[i]);
    }
    return pg_row_read(S,
                       PG_QUERY(S,
                                "SELECT value, num, den, source, state,"
                                " note, version FROM ind_value"
                                " WHERE indicator_id = " PG_IND_ID
                                " AND period = $4 AND sex = $5 AND cell = $6",
                                &a, err, "reading an indicator's value"),
                       STORE_IND_VALUE_NCOL, azOld, pVersion, pbFound);
}

int
pg_ind_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
               const char *const *az, int bInsert, int iVersion, int *pbDone,
               AppErr *err)
{
    PgArgs a = { 0 };
    if (e == STORE_INDICATOR) {
        for (int i = 0; i < 3; i++) {
            pg_arg_text(&a, i + 1, azKey[i]);
        }
        for (int i = 0; i < STORE_INDICATOR_NCOL; i++) {
            pg_arg_text(&a, i + 4, az[i]);
        }
        return pg_row_wrote(
            bInsert
                ? PG_QUERY(S,
                           "INSERT INTO indicator(plan_id, code, rev,"
                           " node_id, definition, unit, direction, baseline,"
                           " baseline_year, targets, disagg, verification,"
                           " org_id, computed, effective, reason,"
                           " computed_from, definition_km)"
                           " SELECT p.id, $2, $3::integer, n.id, $5, $6, $7,"
                           " $8, $9::integer, $10, $11, $12,"
                           " (SELECT id FROM org WHERE acronym = $13),"
                           " $14::integer, $15, $16, $17, $18 FROM plan p"
                           " JOIN node n ON n.plan_id = p.id AND n.code = $4"
                           " WHERE p.code = $1 ON CONFLICT DO NOTHING",
                           &a, err, "writing an indicator")
                : PG_QUERY(S,
                           "UPDATE indicator SET node_id = (SELECT n.id"
                           "  FROM node n JOIN plan p ON p.id = n.plan_id"
                           "  WHERE p.code = $1 AND n.code = $4),"
                           " definition = $5, unit = $6, direction = $7,"
                           " baseline = $8, baseline_year = $9::integer,"
                           " targets = $10, disagg = $11,"
                           " verification = $12, org_id = (SELECT id"
                           "  FROM org WHERE acronym = $13),"
                           " computed = $14::integer, effective = $15,"
                           " reason = $16, computed_from = $17,"
                           " definition_km = $18"
                           " WHERE id = " PG_IND_ID,
                           &a, err, "writing an indicator"),
            pbDone);
    }
    assert(e == STORE_IND_VALUE);
    for (int i = 0; i < 6; i++) {
        pg_arg_text(&a, i + 1, azKey[i]);
    }
    for (int i = 0; i < STORE_IND_VALUE_NCOL; i++) {
        pg_arg_text(&a, i + 7, az[i]);
    }
    if (!bInsert) {
        pg_arg_int(&a, 13, iVersion);
    }
    return pg_row_wrote(
        bInsert ? PG_QUERY(S,
                           "INSERT INTO ind_value(indicator_id, period, sex,"
                           " cell, value, num, den, source, state, note)"
                           " VALUES(" PG_IND_ID ", $4, $5, $6, $7,"
                           " $8::bigint, $9::bigint, $10, $11, $12)"
                           " ON CONFLICT DO NOTHING",
                           &a, err, "writing an indicator's value")
                : PG_QUERY(S,
                           "UPDATE ind_value SET value = $7,"
                           " num = $8::bigint, den = $9::bigint,"
                           " source = $10, state = $11, note = $12,"
                           " version = version + 1"
                           " WHERE indicator_id = " PG_IND_ID
                           " AND period = $4 AND sex = $5 AND cell = $6"
                           " AND ($13::integer = 0"
                           "  OR version = $13::integer)",
                           &a, err, "writing an indicator's value"),
        pbDone);
}

int
pg_ind_scan(Store *s, const char *zPlan, StoreIndPart part, StoreRowVisitor fn,
            void *pArg, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, zPlan);
    PGresult *r;
    if (part == STORE_IND_PART_INDICATOR) {
        r = PG_QUERY(S,
                     "SELECT p.code, i.code, i.rev, n.code, i.definition,"
                     " i.unit, i.direction, i.baseline, i.baseline_year,"
                     " i.targets, i.disagg, i.verification, o.acronym,"
                     " i.computed, i.effective, i.reason, i.computed_from,"
                     " i.definition_km"
                     " FROM indicator i"
                     " JOIN plan p ON p.id = i.plan_id"
                     " JOIN node n ON n.id = i.node_id"
                     " LEFT JOIN org o ON o.id = i.org_id"
                     " WHERE $1::text IS NULL OR p.code = $1"
                     " ORDER BY p.code, i.code, i.rev",
                     &a, err, "reading indicators");
    } else {
        r = PG_QUERY(S,
                     "SELECT p.code, i.code, i.rev, v.period, v.sex,"
                     " v.cell, v.value, v.num, v.den, v.source, v.state,"
                     " v.note, v.version FROM ind_value v"
                     " JOIN indicator i ON i.id = v.indicator_id"
                     " JOIN plan p ON p.id = i.plan_id"
                     " WHERE $1::text IS NULL OR p.code = $1"
                     " ORDER BY p.code, i.code, i.rev, v.period, v.sex,"
                     " v.cell",
                     &a, err, "reading indicators");
    }
    if (!r) {
        return -1;
    }
    pg_visit_rows(r, fn, pArg);
    return 0;
}
