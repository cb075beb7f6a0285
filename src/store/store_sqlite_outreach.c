/*
** store_sqlite_outreach.c — outreach events, media coverage and
** statistics figures in SQLite (schema 8): their rows and sub-rows for the
** puts (store_audit.c decides what is audited; see store.h, "rows") and
** the lists the commands and the briefing read.  SQL only; the PostgreSQL
** translation is store_pg_outreach.c.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_int.h"
#include "../base/base.h"
#include "../base/banned.h"

int
sq_outreach_row_get(SqStore *S, StoreEntity e, const char *const *azKey,
                    char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    sqlite3_stmt *st;
    switch (e) {
    case STORE_OUTREACH:
        if (SQ_PREPARE(S,
                       "SELECT o.held_to, o.kind, o.status, p.code, o.women,"
                       " o.men, o.unknown, o.total, o.currency, o.requested,"
                       " o.ordered, o.purpose, o.attendees, o.notes, o.version"
                       " FROM outreach o LEFT JOIN plan p ON p.id = o.plan_id"
                       " WHERE o.held_from = $1 AND o.title = $2",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        return sq_row_read(S, st, STORE_OUTREACH_NCOL, azOld, pVersion, pbFound,
                           err, "reading an outreach event");
    case STORE_MEDIA:
        if (SQ_PREPARE(S,
                       "SELECT outlet, link, version FROM media"
                       " WHERE published_on = $1 AND title = $2",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        return sq_row_read(S, st, STORE_MEDIA_NCOL, azOld, pVersion, pbFound,
                           err, "reading a media article");
    case STORE_STAT:
        if (SQ_PREPARE(
                S,
                "SELECT value, note, version FROM stat_obs WHERE measure = $1"
                " AND destination = $2 AND channel = $3 AND sex = $4"
                " AND period = $5 AND source = $6",
                &st, err)) {
            return -1;
        }
        for (int i = 0; i < 6; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
        }
        return sq_row_read(S, st, STORE_STAT_NCOL, azOld, pVersion, pbFound,
                           err, "reading a statistics figure");
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "reading an unknown entity");
}

int
sq_outreach_row_put(SqStore *S, StoreEntity e, const char *const *azKey,
                    const char *const *az, int bInsert, int iVersion,
                    int *pbDone, AppErr *err)
{
    sqlite3_stmt *st;
    switch (e) {
    case STORE_OUTREACH:
        if (bInsert
                ? SQ_PREPARE(S,
                             "INSERT INTO outreach(held_from, title, held_to,"
                             " kind, status, plan_id, women, men, unknown,"
                             " total, currency, requested, ordered, purpose,"
                             " attendees, notes) VALUES($1, $2, $3, $4, $5,"
                             " (SELECT id FROM plan WHERE code = $6), $7, $8,"
                             " $9, $10, $11, $12, $13, $14, $15, $16)",
                             &st, err)
                : SQ_PREPARE(S,
                             "UPDATE outreach SET held_to = $3, kind = $4,"
                             " status = $5, plan_id = (SELECT id FROM plan"
                             "  WHERE code = $6), women = $7, men = $8,"
                             " unknown = $9, total = $10, currency = $11,"
                             " requested = $12, ordered = $13, purpose = $14,"
                             " attendees = $15, notes = $16,"
                             " version = version + 1"
                             " WHERE held_from = $1 AND title = $2"
                             " AND ($17 = 0 OR version = $17)",
                             &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        for (int i = 0; i < STORE_OUTREACH_NCOL; i++) {
            sq_bind_text(st, i + 3, az[i]);
        }
        if (!bInsert) {
            sq_bind_int(st, 17, iVersion);
        }
        return sq_row_write(S, st, pbDone, err, "writing an outreach event");
    case STORE_MEDIA:
        if (bInsert ? SQ_PREPARE(S,
                                 "INSERT INTO media(published_on, title,"
                                 " outlet, link) VALUES($1, $2, $3, $4)",
                                 &st, err)
                    : SQ_PREPARE(S,
                                 "UPDATE media SET outlet = $3, link = $4,"
                                 " version = version + 1"
                                 " WHERE published_on = $1 AND title = $2"
                                 " AND ($5 = 0 OR version = $5)",
                                 &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        sq_bind_text(st, 3, az[STORE_MEDIA_OUTLET]);
        sq_bind_text(st, 4, az[STORE_MEDIA_LINK]);
        if (!bInsert) {
            sq_bind_int(st, 5, iVersion);
        }
        return sq_row_write(S, st, pbDone, err, "writing a media article");
    case STORE_STAT:
        if (bInsert ? SQ_PREPARE(S,
                                 "INSERT INTO stat_obs(measure, destination,"
                                 " channel, sex, period, source, value, note)"
                                 " VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                                 &st, err)
                    : SQ_PREPARE(S,
                                 "UPDATE stat_obs SET value = $7, note = $8,"
                                 " version = version + 1"
                                 " WHERE measure = $1 AND destination = $2"
                                 " AND channel = $3 AND sex = $4"
                                 " AND period = $5 AND source = $6"
                                 " AND ($9 = 0 OR version = $9)",
                                 &st, err)) {
            return -1;
        }
        for (int i = 0; i < 6; i++) {
            sq_bind_text(st, i + 1, azKey[i]);
        }
        sq_bind_text(st, 7, az[STORE_STAT_VALUE]);
        sq_bind_text(st, 8, az[STORE_STAT_NOTE]);
        if (!bInsert) {
            sq_bind_int(st, 9, iVersion);
        }
        return sq_row_write(S, st, pbDone, err, "writing a statistics figure");
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "writing an unknown entity");
}

/* The id of the event azKey (first day, title), -1 when there is none. */
static int
sq_outreach_id(SqStore *S, const char *const *azKey, sqlite3_int64 *pId,
               AppErr *err)
{
    sqlite3_stmt *st;
    if (SQ_PREPARE(S,
                   "SELECT id FROM outreach WHERE held_from = $1"
                   " AND title = $2",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, azKey[0]);
    sq_bind_text(st, 2, azKey[1]);
    return sq_lookup_id(S, st, pId, err);
}

int
sq_outreach_sub_prepare(SqStore *S, StoreSub k, const char *const *azKey,
                        sqlite3_stmt **pSt, AppErr *err)
{
    int rc;
    switch (k) {
    case STORE_SUB_OUTREACH_PLACE:
        rc = SQ_PREPARE(S,
                        "SELECT l.code FROM outreach_place l"
                        " JOIN outreach o ON o.id = l.outreach_id"
                        " WHERE o.held_from = $1 AND o.title = $2"
                        " ORDER BY l.position",
                        pSt, err);
        break;
    case STORE_SUB_OUTREACH_ORG:
        rc = SQ_PREPARE(S,
                        "SELECT g.acronym FROM outreach_org l"
                        " JOIN outreach o ON o.id = l.outreach_id"
                        " JOIN org g ON g.id = l.org_id"
                        " WHERE o.held_from = $1 AND o.title = $2"
                        " ORDER BY l.position",
                        pSt, err);
        break;
    default:
        assert(k == STORE_SUB_OUTREACH_NODE);
        rc = SQ_PREPARE(S,
                        "SELECT n.code FROM outreach_node l"
                        " JOIN outreach o ON o.id = l.outreach_id"
                        " JOIN node n ON n.id = l.node_id"
                        " WHERE o.held_from = $1 AND o.title = $2"
                        " ORDER BY l.position",
                        pSt, err);
        break;
    }
    if (rc) {
        return -1;
    }
    sq_bind_text(*pSt, 1, azKey[0]);
    sq_bind_text(*pSt, 2, azKey[1]);
    return 0;
}

int
sq_outreach_sub_put(SqStore *S, StoreSub k, const char *const *azKey,
                    const char *const *azItem, size_t nItem, AppErr *err)
{
    sqlite3_int64 id;
    sqlite3_stmt *st;
    if (sq_outreach_id(S, azKey, &id, err)) {
        return -1;
    }
    if (id < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no outreach event '%s'",
                          azKey[1]);
    }
    int rc =
        k == STORE_SUB_OUTREACH_PLACE ? SQ_PREPARE(S,
                                                   "DELETE FROM outreach_place"
                                                   " WHERE outreach_id = $1",
                                                   &st, err)
        : k == STORE_SUB_OUTREACH_ORG
            ? SQ_PREPARE(S, "DELETE FROM outreach_org WHERE outreach_id = $1",
                         &st, err)
            : SQ_PREPARE(S,
                         "DELETE FROM outreach_node"
                         " WHERE outreach_id = $1",
                         &st, err);
    if (rc) {
        return -1;
    }
    sq_bind_int(st, 1, id);
    if (sq_run(S, st, err, "replacing an event's lists")) {
        return -1;
    }
    for (size_t i = 0; i < nItem; i++) {
        rc =
            k == STORE_SUB_OUTREACH_PLACE
                ? SQ_PREPARE(S,
                             "INSERT OR IGNORE INTO outreach_place(outreach_id,"
                             " code, position) VALUES($1, $2, $3)",
                             &st, err)
            : k == STORE_SUB_OUTREACH_ORG
                ? SQ_PREPARE(S,
                             "INSERT OR IGNORE INTO outreach_org(outreach_id,"
                             " org_id, position) SELECT $1, id, $3 FROM org"
                             " WHERE acronym = $2",
                             &st, err)
                : SQ_PREPARE(S,
                             "INSERT OR IGNORE INTO outreach_node(outreach_id,"
                             " node_id, position) SELECT $1, n.id, $3"
                             " FROM node n JOIN outreach o ON o.id = $1"
                             " WHERE n.plan_id = o.plan_id AND n.code = $2",
                             &st, err);
        if (rc) {
            return -1;
        }
        sq_bind_int(st, 1, id);
        sq_bind_text(st, 2, azItem[i]);
        sq_bind_int(st, 3, (sqlite3_int64)i);
        if (sq_run(S, st, err, "writing an event's lists")) {
            return -1;
        }
    }
    return 0;
}

/* A count or amount column: OUTREACH_NONE for NULL. */
static int64_t
sq_count(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL
               ? OUTREACH_NONE
               : (int64_t)sqlite3_column_int64(st, i);
}

int
sq_outreach_list(Store *s, const char *zFrom, const char *zTo, long long id,
                 Outreach **pa, size_t *pn, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *pa = NULL;
    *pn = 0;
    if (SQ_PREPARE(S,
                   "SELECT o.held_from, o.title, o.held_to, o.kind, o.status,"
                   " p.code, o.women, o.men, o.unknown, o.total, o.currency,"
                   " o.requested, o.ordered, o.purpose, o.attendees, o.notes,"
                   " o.id, o.version"
                   " FROM outreach o LEFT JOIN plan p ON p.id = o.plan_id"
                   " WHERE ($1 IS NULL OR o.held_from >= $1)"
                   " AND ($2 IS NULL OR o.held_from <= $2)"
                   " AND ($3 = 0 OR o.id = $3)"
                   " ORDER BY o.held_from, o.title",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zFrom);
    sq_bind_text(st, 2, zTo);
    sq_bind_int(st, 3, (sqlite3_int64)id);
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)pa, &nAlloc, *pn, sizeof **pa);
        Outreach *o = &(*pa)[(*pn)++];
        outreach_init(o);
        o->zFrom = sq_col_dup(st, 0);
        o->zTitle = sq_col_dup(st, 1);
        o->zTo = sq_col_dup(st, 2);
        o->eKind = (OutreachKind)code_index(
            CODE_OUTREACH_KIND, (const char *)sqlite3_column_text(st, 3));
        o->eStatus = (OutreachStatus)code_index(
            CODE_OUTREACH_STATUS, (const char *)sqlite3_column_text(st, 4));
        o->zPlan = sq_col_dup(st, 5);
        o->n = (SexCounts){ sq_count(st, 6), sq_count(st, 7), sq_count(st, 8),
                            sq_count(st, 9) };
        o->zCurrency = sq_col_dup(st, 10);
        o->requested = sq_count(st, 11);
        o->ordered = sq_count(st, 12);
        o->zPurpose = sq_col_dup(st, 13);
        o->zAttendees = sq_col_dup(st, 14);
        o->zNotes = sq_col_dup(st, 15);
        o->id = (long long)sqlite3_column_int64(st, 16);
        o->iVersion = sqlite3_column_int(st, 17);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading outreach events");
    }
    for (size_t i = 0; i < *pn; i++) {
        Outreach *o = &(*pa)[i];
        const char *azKey[] = { o->zFrom, o->zTitle };
        if (sq_sub_get(s, STORE_SUB_OUTREACH_PLACE, azKey, &o->azPlace,
                       &o->nPlace, err) ||
            sq_sub_get(s, STORE_SUB_OUTREACH_ORG, azKey, &o->azOrg, &o->nOrg,
                       err) ||
            sq_sub_get(s, STORE_SUB_OUTREACH_NODE, azKey, &o->azActivity,
                       &o->nActivity, err)) {
            return -1;
        }
    }
    return 0;
}

int
sq_media_list(Store *s, const char *zFrom, const char *zTo, Media **pa,
              size_t *pn, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *pa = NULL;
    *pn = 0;
    if (SQ_PREPARE(S,
                   "SELECT published_on, title, outlet, link, id, version"
                   " FROM media"
                   " WHERE ($1 IS NULL OR published_on >= $1)"
                   " AND ($2 IS NULL OR published_on <= $2)"
                   " ORDER BY published_on, title",
                   &st, err)) {
        return -1;
    }
    sq_bind_text(st, 1, zFrom);
    sq_bind_text(st, 2, zTo);
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)pa, &nAlloc, *pn, sizeof **pa);
        Media *m = &(*pa)[(*pn)++];
        m->zDate = sq_col_dup(st, 0);
        m->zTitle = sq_col_dup(st, 1);
        m->zOutlet = sq_col_dup(st, 2);
        m->zLink = sq_col_dup(st, 3);
        m->id = (long long)sqlite3_column_int64(st, 4);
        m->iVersion = sqlite3_column_int(st, 5);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading media coverage");
    }
    return 0;
}

static int
stat_cmp_qsort(const void *pA, const void *pB)
{
    return stat_obs_cmp(pA, pB);
}

int
sq_stat_list(Store *s, StatObs **pa, size_t *pn, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *pa = NULL;
    *pn = 0;
    if (SQ_PREPARE(S,
                   "SELECT measure, destination, channel, sex, period, source,"
                   " value, note, id, version FROM stat_obs",
                   &st, err)) {
        return -1;
    }
    size_t nAlloc = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xgrow((void **)pa, &nAlloc, *pn, sizeof **pa);
        StatObs *o = &(*pa)[(*pn)++];
        o->eMeasure = (StatMeasure)code_index(
            CODE_STAT_MEASURE, (const char *)sqlite3_column_text(st, 0));
        o->zDest = sq_col_dup(st, 1);
        o->eChannel = (StatChannel)code_index(
            CODE_STAT_CHANNEL, (const char *)sqlite3_column_text(st, 2));
        o->eSex = (StatSex)code_index(CODE_STAT_SEX,
                                      (const char *)sqlite3_column_text(st, 3));
        o->zPeriod = sq_col_dup(st, 4);
        o->zSource = sq_col_dup(st, 5);
        o->value = (int64_t)sqlite3_column_int64(st, 6);
        o->zNote = sq_col_dup(st, 7);
        o->id = (long long)sqlite3_column_int64(st, 8);
        o->iVersion = sqlite3_column_int(st, 9);
    }
    sq_finalize(S, st);
    if (rc != SQLITE_DONE) {
        return sq_fail(S, err, "reading statistics");
    }
    /* Sorted in C: the order of codes is core's, not the alphabet's. */
    if (*pn > 1) {
        qsort(*pa, *pn, sizeof **pa, stat_cmp_qsort);
    }
    return 0;
}

int
sq_outreach_delete(Store *s, StoreEntity e, const char *const *azKey,
                   int iVersion, int *pbDone, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    sqlite3_stmt *st;
    *pbDone = 0;
    if (e == STORE_OUTREACH) {
        /* Its lists first: they point at the row. */
        for (int k = 0; k < 3; k++) {
            int rc =
                k == 0   ? SQ_PREPARE(S,
                                      "DELETE FROM outreach_place WHERE"
                                        " outreach_id = (SELECT id FROM outreach"
                                        " WHERE held_from = $1 AND title = $2)",
                                      &st, err)
                : k == 1 ? SQ_PREPARE(S,
                                      "DELETE FROM outreach_org WHERE"
                                      " outreach_id = (SELECT id FROM outreach"
                                      " WHERE held_from = $1 AND title = $2)",
                                      &st, err)
                         : SQ_PREPARE(S,
                                      "DELETE FROM outreach_node WHERE"
                                      " outreach_id = (SELECT id FROM outreach"
                                      " WHERE held_from = $1 AND title = $2)",
                                      &st, err);
            if (rc) {
                return -1;
            }
            sq_bind_text(st, 1, azKey[0]);
            sq_bind_text(st, 2, azKey[1]);
            if (sq_run(S, st, err, "deleting an event's lists")) {
                return -1;
            }
        }
        if (SQ_PREPARE(S,
                       "DELETE FROM outreach WHERE held_from = $1"
                       " AND title = $2 AND ($3 = 0 OR version = $3)",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        sq_bind_int(st, 3, iVersion);
        return sq_row_write(S, st, pbDone, err, "deleting an outreach event");
    }
    if (e == STORE_MEDIA) {
        if (SQ_PREPARE(S,
                       "DELETE FROM media WHERE published_on = $1"
                       " AND title = $2 AND ($3 = 0 OR version = $3)",
                       &st, err)) {
            return -1;
        }
        sq_bind_text(st, 1, azKey[0]);
        sq_bind_text(st, 2, azKey[1]);
        sq_bind_int(st, 3, iVersion);
        return sq_row_write(S, st, pbDone, err, "deleting a media article");
    }
    assert(e == STORE_STAT);
    if (SQ_PREPARE(S,
                   "DELETE FROM stat_obs WHERE measure = $1"
                   " AND destination = $2 AND channel = $3 AND sex = $4"
                   " AND period = $5 AND source = $6"
                   " AND ($7 = 0 OR version = $7)",
                   &st, err)) {
        return -1;
    }
    for (int i = 0; i < 6; i++) {
        sq_bind_text(st, i + 1, azKey[i]);
    }
    sq_bind_int(st, 7, iVersion);
    return sq_row_write(S, st, pbDone, err, "deleting a statistics figure");
}
