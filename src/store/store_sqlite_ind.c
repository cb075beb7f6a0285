/*
** store_sqlite_ind.c — indicators and their values in SQLite (schema 10):
** their rows for the puts (store_audit.c decides what is audited; see
** store.h, "rows") and the rows store_indicator_list() assembles.  SQL
** only; the PostgreSQL translation is store_pg_ind.c.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* The indicator revision named by $1 (plan), $2 (code), $3 (revision). */
#define SQ_IND_ID                                                              \
 "(SELECT i.id FROM indicator i JOIN plan p ON p.id = i.plan_id"               \
 " WHERE p.code = $1 AND i.code = $2 AND i.rev = $3)"

int
sq_ind_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
               char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    if (e == STORE_INDICATOR) {
        if (SQ_PREPARE(
                S,
                "SELECT n.code, i.definition, i.unit, i.direction,"
                " i.baseline, i.baseline_year, i.targets, i.disagg,"
                " i.verification, o.acronym, i.computed, i.effective,"
                " i.reason, i.computed_from, i.definition_km FROM indicator i"
                " JOIN plan p ON p.id = i.plan_id"
                " JOIN node n ON n.id = i.node_id"
                " LEFT JOIN org o ON o.id = i.org_id"
                " WHERE p.code = $1 AND i.code = $2 AND i.rev = $3",
                &st, err)) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
        }
        return sq_row_read(S, st, STORE_INDICATOR_NCOL, azOld, NULL, pbFound,
                           err, "reading an indicator");
    }
    assert(e == STORE_IND_VALUE);
    if (SQ_PREPARE(S,
                   "SELECT value, num, den, source, state, note, version"
                   " FROM ind_value WHERE indicator_id = " SQ_IND_ID
                   " AND period = $4 AND sex = $5 AND cell = $6",
                   &st, err)) {
        return -1;
    }
    for (int i = 0; i < 6; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    return sq_row_read(S, st, STORE_IND_VALUE_NCOL, azOld, pVersion, pbFound,
                       err, "reading an indicator's value");
}

int
sq_ind_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
               const char *const *az, int bInsert, int iVersion, int *pbDone,
               AppErr *err)
{
    sqlite3_stmt *st;
    if (e == STORE_INDICATOR) {
        if (bInsert
                ? SQ_PREPARE(S,
                             "INSERT INTO indicator(plan_id, code, rev,"
                             " node_id, definition, unit, direction, baseline,"
                             " baseline_year, targets, disagg, verification,"
                             " org_id, computed, effective, reason,"
                             " computed_from, definition_km)"
                             " SELECT p.id, $2, $3, n.id, $5, $6, $7, $8, $9,"
                             " $10, $11, $12,"
                             " (SELECT id FROM org WHERE acronym = $13),"
                             " $14, $15, $16, $17, $18 FROM plan p"
                             " JOIN node n ON n.plan_id = p.id AND n.code = $4"
                             " WHERE p.code = $1",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE indicator SET node_id = (SELECT n.id"
                             "  FROM node n JOIN plan p ON p.id = n.plan_id"
                             "  WHERE p.code = $1 AND n.code = $4),"
                             " definition = $5, unit = $6, direction = $7,"
                             " baseline = $8, baseline_year = $9,"
                             " targets = $10, disagg = $11,"
                             " verification = $12, org_id = (SELECT id"
                             "  FROM org WHERE acronym = $13),"
                             " computed = $14, effective = $15, reason = $16,"
                             " computed_from = $17, definition_km = $18"
                             " WHERE id = " SQ_IND_ID,
                             &st, err)) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
        }
        for (int i = 0; i < STORE_INDICATOR_NCOL; i++) {
            sq_bind_text(st, i + 4, az[i]);
        }
        return sq_row_write(S, st, pbDone, err, "writing an indicator");
    }
    assert(e == STORE_IND_VALUE);
    if (bInsert ? SQ_PREPARE(S,
                             "INSERT INTO ind_value(indicator_id, period, sex,"
                             " cell, value, num, den, source, state, note)"
                             " VALUES(" SQ_IND_ID ", $4, $5, $6, $7, $8, $9,"
                             " $10, $11, $12)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE ind_value SET value = $7, num = $8,"
                             " den = $9, source = $10, state = $11,"
                             " note = $12, version = version + 1"
                             " WHERE indicator_id = " SQ_IND_ID
                             " AND period = $4 AND sex = $5 AND cell = $6"
                             " AND ($13 = 0 OR version = $13)",
                             &st, err)) {
        return -1;
    }
    for (int i = 0; i < 6; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    for (int i = 0; i < STORE_IND_VALUE_NCOL; i++) {
        sq_bind_text(st, i + 7, az[i]);
    }
    if (!bInsert) {
        sqlite3_bind_int(st, 13, iVersion);
    }
    return sq_row_write(S, st, pbDone, err, "writing an indicator's value");
}

int
sq_ind_scan(Store *s, const char *zPlan, StoreIndPart part, StoreRowVisitor fn,
            void *pArg, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    int rc;
    if (part == STORE_IND_PART_INDICATOR) {
        rc = SQ_PREPARE(S,
                        "SELECT p.code, i.code, i.rev, n.code, i.definition,"
                        " i.unit, i.direction, i.baseline, i.baseline_year,"
                        " i.targets, i.disagg, i.verification, o.acronym,"
                        " i.computed, i.effective, i.reason, i.computed_from,"
                        " i.definition_km"
                        " FROM indicator i"
                        " JOIN plan p ON p.id = i.plan_id"
                        " JOIN node n ON n.id = i.node_id"
                        " LEFT JOIN org o ON o.id = i.org_id"
                        " WHERE $1 IS NULL OR p.code = $1"
                        " ORDER BY p.code, i.code, i.rev",
                        &st, err);
    } else {
        rc = SQ_PREPARE(S,
                        "SELECT p.code, i.code, i.rev, v.period, v.sex,"
                        " v.cell, v.value, v.num, v.den, v.source, v.state,"
                        " v.note, v.version FROM ind_value v"
                        " JOIN indicator i ON i.id = v.indicator_id"
                        " JOIN plan p ON p.id = i.plan_id"
                        " WHERE $1 IS NULL OR p.code = $1"
                        " ORDER BY p.code, i.code, i.rev, v.period, v.sex,"
                        " v.cell",
                        &st, err);
    }
    if (rc) {
        return -1;
    }
    sq_bind_text(st, 1, zPlan);
    return sq_visit_rows(S, st, fn, pArg, err, "reading indicators");
}
