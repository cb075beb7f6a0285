/*
** store_pg_outreach.c — outreach events, media coverage and statistics
** figures in PostgreSQL (migration 3): the translation of
** store_sqlite_outreach.c.  Dates are DATE columns, read back through
** to_char() so they are YYYY-MM-DD whatever the server's DateStyle; an
** INSERT that meets a
** unique key does nothing (ON CONFLICT DO NOTHING), which the put reads
** as a conflict, since a failed statement would end the transaction.
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_int.h"
#include "../base/base.h"
#include "../base/banned.h"

/* A date column as YYYY-MM-DD whatever DateStyle says. */
#define PG_DATE(col) "to_char(" col ", 'YYYY-MM-DD')"

int
pg_outreach_row_get(PgStore *S, StoreEntity e, const char *const *azKey,
                    char **azOld, int *pVersion, int *pbFound, AppErr *err)
{
    PgArgs a = { 0 };
    switch (e) {
    case STORE_OUTREACH:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        return pg_row_read(
            S,
            PG_QUERY(
                S,
                "SELECT " PG_DATE(
                    "o.held_to") ", o.kind, o.status,"
                                 " p.code, o.women, o.men, o.unknown, o.total, o.currency,"
                                 " o.requested, o.ordered, o.purpose, o.attendees, o.notes,"
                                 " o.version"
                                 " FROM outreach o LEFT JOIN plan p ON p.id = o.plan_id"
                                 " WHERE o.held_from = $1::date AND o.title = $2",
                &a, err, "reading an outreach event"),
            STORE_OUTREACH_NCOL, azOld, pVersion, pbFound);
    case STORE_MEDIA:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT outlet, link, version FROM media"
                                    " WHERE published_on = $1::date"
                                    " AND title = $2",
                                    &a, err, "reading a media article"),
                           STORE_MEDIA_NCOL, azOld, pVersion, pbFound);
    case STORE_STAT:
        for (int i = 0; i < 6; i++) {
            pg_arg_text(&a, i + 1, azKey[i]);
        }
        return pg_row_read(S,
                           PG_QUERY(S,
                                    "SELECT value, note, version FROM stat_obs"
                                    " WHERE measure = $1 AND destination = $2"
                                    " AND channel = $3 AND sex = $4"
                                    " AND period = $5 AND source = $6",
                                    &a, err, "reading a statistics figure"),
                           STORE_STAT_NCOL, azOld, pVersion, pbFound);
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "reading an unknown entity");
}

int
pg_outreach_row_put(PgStore *S, StoreEntity e, const char *const *azKey,
                    const char *const *az, int bInsert, int iVersion,
                    int *pbDone, AppErr *err)
{
    PgArgs a = { 0 };
    switch (e) {
    case STORE_OUTREACH:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        for (int i = 0; i < STORE_OUTREACH_NCOL; i++) {
            pg_arg_text(&a, i + 3, az[i]);
        }
        if (!bInsert) {
            pg_arg_int(&a, 17, iVersion);
        }
        return pg_row_wrote(
            bInsert
                ? PG_QUERY(S,
                           "INSERT INTO outreach(held_from, title, held_to,"
                           " kind, status, plan_id, women, men, unknown,"
                           " total, currency, requested, ordered, purpose,"
                           " attendees, notes) VALUES($1::date, $2,"
                           " $3::date, $4, $5,"
                           " (SELECT id FROM plan WHERE code = $6),"
                           " $7::bigint, $8::bigint, $9::bigint, $10::bigint,"
                           " $11, $12::bigint, $13::bigint, $14, $15, $16)"
                           " ON CONFLICT DO NOTHING",
                           &a, err, "writing an outreach event")
                : PG_QUERY(S,
                           "UPDATE outreach SET held_to = $3::date, kind = $4,"
                           " status = $5, plan_id = (SELECT id FROM plan"
                           "  WHERE code = $6), women = $7::bigint,"
                           " men = $8::bigint, unknown = $9::bigint,"
                           " total = $10::bigint, currency = $11,"
                           " requested = $12::bigint, ordered = $13::bigint,"
                           " purpose = $14, attendees = $15, notes = $16,"
                           " version = version + 1"
                           " WHERE held_from = $1::date AND title = $2"
                           " AND ($17::int = 0 OR version = $17::int)",
                           &a, err, "writing an outreach event"),
            pbDone);
    case STORE_MEDIA:
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_text(&a, 3, az[STORE_MEDIA_OUTLET]);
        pg_arg_text(&a, 4, az[STORE_MEDIA_LINK]);
        if (!bInsert) {
            pg_arg_int(&a, 5, iVersion);
        }
        return pg_row_wrote(
            bInsert ? PG_QUERY(S,
                               "INSERT INTO media(published_on, title,"
                               " outlet, link) VALUES($1::date, $2, $3, $4)"
                               " ON CONFLICT DO NOTHING",
                               &a, err, "writing a media article")
                    : PG_QUERY(S,
                               "UPDATE media SET outlet = $3, link = $4,"
                               " version = version + 1"
                               " WHERE published_on = $1::date"
                               " AND title = $2"
                               " AND ($5::int = 0 OR version = $5::int)",
                               &a, err, "writing a media article"),
            pbDone);
    case STORE_STAT:
        for (int i = 0; i < 6; i++) {
            pg_arg_text(&a, i + 1, azKey[i]);
        }
        pg_arg_text(&a, 7, az[STORE_STAT_VALUE]);
        pg_arg_text(&a, 8, az[STORE_STAT_NOTE]);
        if (!bInsert) {
            pg_arg_int(&a, 9, iVersion);
        }
        return pg_row_wrote(
            bInsert ? PG_QUERY(S,
                               "INSERT INTO stat_obs(measure, destination,"
                               " channel, sex, period, source, value, note)"
                               " VALUES($1, $2, $3, $4, $5, $6, $7::bigint,"
                               " $8) ON CONFLICT DO NOTHING",
                               &a, err, "writing a statistics figure")
                    : PG_QUERY(S,
                               "UPDATE stat_obs SET value = $7::bigint,"
                               " note = $8, version = version + 1"
                               " WHERE measure = $1"
                               " AND destination = $2 AND channel = $3"
                               " AND sex = $4 AND period = $5"
                               " AND source = $6"
                               " AND ($9::int = 0 OR version = $9::int)",
                               &a, err, "writing a statistics figure"),
            pbDone);
    default:
        break;
    }
    assert(!"no such entity");
    return apperr_set(err, APPERR_INTERNAL, "writing an unknown entity");
}

PGresult *
pg_outreach_sub_query(PgStore *S, StoreSub k, const char *const *azKey,
                      AppErr *err)
{
    PgArgs a = { 0 };
    pg_arg_text(&a, 1, azKey[0]);
    pg_arg_text(&a, 2, azKey[1]);
    switch (k) {
    case STORE_SUB_OUTREACH_PLACE:
        return PG_QUERY(S,
                        "SELECT l.code FROM outreach_place l"
                        " JOIN outreach o ON o.id = l.outreach_id"
                        " WHERE o.held_from = $1::date AND o.title = $2"
                        " ORDER BY l.position",
                        &a, err, "reading an event's lists");
    case STORE_SUB_OUTREACH_ORG:
        return PG_QUERY(S,
                        "SELECT g.acronym FROM outreach_org l"
                        " JOIN outreach o ON o.id = l.outreach_id"
                        " JOIN org g ON g.id = l.org_id"
                        " WHERE o.held_from = $1::date AND o.title = $2"
                        " ORDER BY l.position",
                        &a, err, "reading an event's lists");
    default:
        assert(k == STORE_SUB_OUTREACH_NODE);
        return PG_QUERY(S,
                        "SELECT n.code FROM outreach_node l"
                        " JOIN outreach o ON o.id = l.outreach_id"
                        " JOIN node n ON n.id = l.node_id"
                        " WHERE o.held_from = $1::date AND o.title = $2"
                        " ORDER BY l.position",
                        &a, err, "reading an event's lists");
    }
}

int
pg_outreach_sub_put(PgStore *S, StoreSub k, const char *const *azKey,
                    const char *const *azItem, size_t nItem, AppErr *err)
{
    PgArgs a = { 0 };
    long long id;
    pg_arg_text(&a, 1, azKey[0]);
    pg_arg_text(&a, 2, azKey[1]);
    if (pg_lookup_id(S,
                     PG_QUERY(S,
                              "SELECT id FROM outreach"
                              " WHERE held_from = $1::date AND title = $2",
                              &a, err, "looking up an outreach event"),
                     &id)) {
        return -1;
    }
    if (id < 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no outreach event '%s'",
                          azKey[1]);
    }
    PgArgs d = { 0 };
    pg_arg_int(&d, 1, id);
    int rc =
        k == STORE_SUB_OUTREACH_PLACE
            ? PG_RUN(S, "DELETE FROM outreach_place WHERE outreach_id = $1", &d,
                     err, "replacing an event's lists")
        : k == STORE_SUB_OUTREACH_ORG
            ? PG_RUN(S, "DELETE FROM outreach_org WHERE outreach_id = $1", &d,
                     err, "replacing an event's lists")
            : PG_RUN(S, "DELETE FROM outreach_node WHERE outreach_id = $1", &d,
                     err, "replacing an event's lists");
    for (size_t i = 0; rc == 0 && i < nItem; i++) {
        PgArgs w = { 0 };
        pg_arg_int(&w, 1, id);
        pg_arg_text(&w, 2, azItem[i]);
        pg_arg_int(&w, 3, (long long)i);
        rc = k == STORE_SUB_OUTREACH_PLACE
                 ? PG_RUN(S,
                          "INSERT INTO outreach_place(outreach_id, code,"
                          " position) VALUES($1, $2, $3)"
                          " ON CONFLICT DO NOTHING",
                          &w, err, "writing an event's lists")
             : k == STORE_SUB_OUTREACH_ORG
                 ? PG_RUN(S,
                          "INSERT INTO outreach_org(outreach_id, org_id,"
                          " position) SELECT $1, id, $3 FROM org"
                          " WHERE acronym = $2 ON CONFLICT DO NOTHING",
                          &w, err, "writing an event's lists")
                 : PG_RUN(S,
                          "INSERT INTO outreach_node(outreach_id, node_id,"
                          " position) SELECT $1, n.id, $3 FROM node n"
                          " JOIN outreach o ON o.id = $1"
                          " WHERE n.plan_id = o.plan_id AND n.code = $2"
                          " ON CONFLICT DO NOTHING",
                          &w, err, "writing an event's lists");
    }
    return rc;
}

/* A count or amount field: OUTREACH_NONE for NULL. */
static int64_t
pg_count(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? OUTREACH_NONE
                                    : (int64_t)pg_int(r, row, col);
}

int
pg_outreach_list(Store *s, const char *zFrom, const char *zTo, long long id,
                 Outreach **pa, size_t *pn, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    *pa = NULL;
    *pn = 0;
    pg_arg_text(&a, 1, zFrom);
    pg_arg_text(&a, 2, zTo);
    pg_arg_int(&a, 3, id);
    PGresult *r = PG_QUERY(
        S,
        "SELECT " PG_DATE("o.held_from") ", o.title, " PG_DATE(
            "o.held_to") ", o.kind, o.status, p.code, o.women, o.men,"
                         " o.unknown, o.total, o.currency, o.requested,"
                         " o.ordered, o.purpose, o.attendees, o.notes,"
                         " o.id, o.version"
                         " FROM outreach o LEFT JOIN plan p"
                         " ON p.id = o.plan_id"
                         " WHERE ($1::date IS NULL OR o.held_from >= $1::date)"
                         " AND ($2::date IS NULL OR o.held_from <= $2::date)"
                         " AND ($3::bigint = 0 OR o.id = $3::bigint)"
                         " ORDER BY o.held_from, o.title",
        &a, err, "reading outreach events");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *pa = xcalloc(n ? n : 1, sizeof **pa);
    for (size_t i = 0; i < n; i++) {
        Outreach *o = &(*pa)[i];
        int row = (int)i;
        outreach_init(o);
        o->zFrom = pg_dup(r, row, 0);
        o->zTitle = pg_dup(r, row, 1);
        o->zTo = pg_dup(r, row, 2);
        o->eKind =
            (OutreachKind)code_index(CODE_OUTREACH_KIND, pg_text(r, row, 3));
        o->eStatus = (OutreachStatus)code_index(CODE_OUTREACH_STATUS,
                                                pg_text(r, row, 4));
        o->zPlan = pg_dup(r, row, 5);
        o->n = (SexCounts){ pg_count(r, row, 6), pg_count(r, row, 7),
                            pg_count(r, row, 8), pg_count(r, row, 9) };
        o->zCurrency = pg_dup(r, row, 10);
        o->requested = pg_count(r, row, 11);
        o->ordered = pg_count(r, row, 12);
        o->zPurpose = pg_dup(r, row, 13);
        o->zAttendees = pg_dup(r, row, 14);
        o->zNotes = pg_dup(r, row, 15);
        o->id = pg_int(r, row, 16);
        o->iVersion = (int)pg_int(r, row, 17);
    }
    *pn = n;
    PQclear(r);
    for (size_t i = 0; i < n; i++) {
        Outreach *o = &(*pa)[i];
        const char *azKey[] = { o->zFrom, o->zTitle };
        if (pg_sub_get(s, STORE_SUB_OUTREACH_PLACE, azKey, &o->azPlace,
                       &o->nPlace, err) ||
            pg_sub_get(s, STORE_SUB_OUTREACH_ORG, azKey, &o->azOrg, &o->nOrg,
                       err) ||
            pg_sub_get(s, STORE_SUB_OUTREACH_NODE, azKey, &o->azActivity,
                       &o->nActivity, err)) {
            return -1;
        }
    }
    return 0;
}

int
pg_media_list(Store *s, const char *zFrom, const char *zTo, Media **pa,
              size_t *pn, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    *pa = NULL;
    *pn = 0;
    pg_arg_text(&a, 1, zFrom);
    pg_arg_text(&a, 2, zTo);
    PGresult *r = PG_QUERY(
        S,
        "SELECT " PG_DATE("published_on") ", title, outlet, link, id, version"
                                          " FROM media"
                                          " WHERE ($1::date IS NULL"
                                          " OR published_on >= $1::date)"
                                          " AND ($2::date IS NULL"
                                          " OR published_on <= $2::date)"
                                          " ORDER BY published_on, title",
        &a, err, "reading media coverage");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *pa = xcalloc(n ? n : 1, sizeof **pa);
    for (size_t i = 0; i < n; i++) {
        Media *m = &(*pa)[i];
        m->zDate = pg_dup(r, (int)i, 0);
        m->zTitle = pg_dup(r, (int)i, 1);
        m->zOutlet = pg_dup(r, (int)i, 2);
        m->zLink = pg_dup(r, (int)i, 3);
        m->id = pg_int(r, (int)i, 4);
        m->iVersion = (int)pg_int(r, (int)i, 5);
    }
    *pn = n;
    PQclear(r);
    return 0;
}

static int
stat_cmp_qsort(const void *pA, const void *pB)
{
    return stat_obs_cmp(pA, pB);
}

int
pg_stat_list(Store *s, StatObs **pa, size_t *pn, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    *pa = NULL;
    *pn = 0;
    PGresult *r = PG_QUERY(S,
                           "SELECT measure, destination, channel, sex, period,"
                           " source, value, note, id, version"
                           " FROM stat_obs",
                           NULL, err, "reading statistics");
    if (!r) {
        return -1;
    }
    size_t n = (size_t)PQntuples(r);
    *pa = xcalloc(n ? n : 1, sizeof **pa);
    for (size_t i = 0; i < n; i++) {
        StatObs *o = &(*pa)[i];
        int row = (int)i;
        o->eMeasure =
            (StatMeasure)code_index(CODE_STAT_MEASURE, pg_text(r, row, 0));
        o->zDest = pg_dup(r, row, 1);
        o->eChannel =
            (StatChannel)code_index(CODE_STAT_CHANNEL, pg_text(r, row, 2));
        o->eSex = (StatSex)code_index(CODE_STAT_SEX, pg_text(r, row, 3));
        o->zPeriod = pg_dup(r, row, 4);
        o->zSource = pg_dup(r, row, 5);
        o->value = (int64_t)pg_int(r, row, 6);
        o->zNote = pg_dup(r, row, 7);
        o->id = pg_int(r, row, 8);
        o->iVersion = (int)pg_int(r, row, 9);
    }
    *pn = n;
    PQclear(r);
    /* Sorted in C, as in SQLite: the order of codes is core's. */
    if (n > 1) {
        qsort(*pa, n, sizeof **pa, stat_cmp_qsort);
    }
    return 0;
}

int
pg_outreach_delete(Store *s, StoreEntity e, const char *const *azKey,
                   int iVersion, int *pbDone, AppErr *err)
{
    PgStore *S = (PgStore *)s;
    PgArgs a = { 0 };
    *pbDone = 0;
    if (e == STORE_OUTREACH) {
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        /* Its lists first: they point at the row. */
        if (PG_RUN(S,
                   "DELETE FROM outreach_place WHERE outreach_id = (SELECT id"
                   " FROM outreach WHERE held_from = $1::date"
                   " AND title = $2)",
                   &a, err, "deleting an event's lists") ||
            PG_RUN(S,
                   "DELETE FROM outreach_org WHERE outreach_id = (SELECT id"
                   " FROM outreach WHERE held_from = $1::date"
                   " AND title = $2)",
                   &a, err, "deleting an event's lists") ||
            PG_RUN(S,
                   "DELETE FROM outreach_node WHERE outreach_id = (SELECT id"
                   " FROM outreach WHERE held_from = $1::date"
                   " AND title = $2)",
                   &a, err, "deleting an event's lists")) {
            return -1;
        }
        pg_arg_int(&a, 3, iVersion);
        return pg_row_wrote(PG_QUERY(S,
                                     "DELETE FROM outreach WHERE"
                                     " held_from = $1::date AND title = $2"
                                     " AND ($3::int = 0 OR version = $3::int)",
                                     &a, err, "deleting an outreach event"),
                            pbDone);
    }
    if (e == STORE_MEDIA) {
        pg_arg_text(&a, 1, azKey[0]);
        pg_arg_text(&a, 2, azKey[1]);
        pg_arg_int(&a, 3, iVersion);
        return pg_row_wrote(PG_QUERY(S,
                                     "DELETE FROM media WHERE"
                                     " published_on = $1::date AND title = $2"
                                     " AND ($3::int = 0 OR version = $3::int)",
                                     &a, err, "deleting a media article"),
                            pbDone);
    }
    assert(e == STORE_STAT);
    for (int i = 0; i < 6; i++) {
        pg_arg_text(&a, i + 1, azKey[i]);
    }
    pg_arg_int(&a, 7, iVersion);
    return pg_row_wrote(PG_QUERY(S,
                                 "DELETE FROM stat_obs WHERE measure = $1"
                                 " AND destination = $2 AND channel = $3"
                                 " AND sex = $4 AND period = $5"
                                 " AND source = $6"
                                 " AND ($7::int = 0 OR version = $7::int)",
                                 &a, err, "deleting a statistics figure"),
                        pbDone);
}
