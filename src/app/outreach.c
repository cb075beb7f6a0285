/*
** outreach.c (app) — outreach events, media articles and statistics
** figures entered one at a time (see outreach.h).  Names (places,
** organisations, activities) are resolved here, inside the write
** transaction, against the directory and plan read under the same lock;
** core decides who may write and whether the record holds; the store's
** puts audit and write conditionally on the version the form showed.
*/
#include <stdlib.h>
#include <string.h>

#include "outreach.h"
#include "app.h"
#include "../core/gazetteer.h"
#include "../core/orgdir.h"
#include "../core/recommend.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

static void
events_free(Outreach *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        outreach_release(&a[i]);
    }
    free(a);
}

static void
media_free(Media *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        media_release(&a[i]);
    }
    free(a);
}

static void
stats_free(StatObs *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        stat_obs_release(&a[i]);
    }
    free(a);
}

int
app_outreach_read(Store *s, const char *zFrom, const char *zTo, OutreachData *d,
                  AppErr *err)
{
    memset(d, 0, sizeof *d);
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_outreach_list(s, zFrom, zTo, &d->aEv, &d->nEv, err) ||
             store_media_list(s, zFrom, zTo, &d->aMedia, &d->nMedia, err) ||
             store_stat_list(s, &d->aStat, &d->nStat, err);
    store_end_read(s);
    return rc ? -1 : 0;
}

int
app_outreach_get(Store *s, long long id, Outreach *o, int *pbFound, AppErr *err)
{
    outreach_init(o);
    *pbFound = 0;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_outreach_get(s, id, o, pbFound, err);
    store_end_read(s);
    return rc;
}

int
app_stat_read(Store *s, OutreachData *d, AppErr *err)
{
    memset(d, 0, sizeof *d);
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_stat_list(s, &d->aStat, &d->nStat, err);
    store_end_read(s);
    return rc;
}

void
app_outreach_data_release(OutreachData *d)
{
    events_free(d->aEv, d->nEv);
    media_free(d->aMedia, d->nMedia);
    stats_free(d->aStat, d->nStat);
    memset(d, 0, sizeof *d);
}

/* ---- events ------------------------------------------------------------ */

/* What an event's use case reads inside its write transaction: the
** model (directory and plans) and the stored event it changes. */
typedef struct EvTxn {
    Model m;
    Outreach old; /* the stored event (id > 0), else empty */
} EvTxn;

static int
ev_txn_begin(Store *s, const Actor *who, EvTxn *t, AppErr *err)
{
    memset(t, 0, sizeof *t);
    t->m = (Model)MODEL_INIT;
    outreach_init(&t->old);
    return app_begin(s, who, err) || store_load(s, NULL, &t->m, err) ? -1 : 0;
}

static int
ev_txn_end(Store *s, int rc, EvTxn *t, AppErr *err)
{
    rc = app_end(s, rc ? -1 : 0, err);
    outreach_release(&t->old);
    model_release(&t->m);
    return rc;
}

/* Read the stored event id into t->old: NULL with err when it is gone or
** no longer at version iVersion (> 0). */
static const Outreach *
ev_find(Store *s, EvTxn *t, long long id, int iVersion, AppErr *err)
{
    int bFound = 0;
    if (store_outreach_get(s, id, &t->old, &bFound, err)) {
        return NULL;
    }
    if (!bFound) {
        apperr_set(err, APPERR_NOTFOUND,
                   _("this event is no longer recorded: someone deleted it"));
        return NULL;
    }
    if (iVersion > 0 && t->old.iVersion != iVersion) {
        apperr_set(err, APPERR_CONFLICT,
                   _("the event '%s' was changed by someone else since "
                     "you opened it; nothing was saved: look at it "
                     "again"),
                   t->old.zTitle);
        return NULL;
    }
    return &t->old;
}

/* Replace each of *paz[0..n) by the code or acronym it names. */
static int
ev_resolve_places(char **az, size_t n, AppErr *err)
{
    Gazetteer *g = gaz_new();
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const char *zCode = NULL;
        if (gaz_resolve_place(g, az[i], &zCode, err)) {
            apperr_prefix(err, _("places"));
            rc = -1;
        } else {
            free(az[i]);
            az[i] = xstrdup(zCode);
        }
    }
    gaz_free(g);
    return rc;
}

static int
ev_resolve_orgs(const Model *m, char **az, size_t n, AppErr *err)
{
    OrgDir *d = orgdir_new(m);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const Org *o = orgdir_resolve(d, az[i]);
        if (!o) {
            Buf sug = BUF_INIT;
            orgdir_suggest(d, az[i], 3, &sug);
            rc = apperr_set(err, APPERR_INPUT,
                            _("organisations: no organisation '%s'%s%s%s"),
                            az[i], sug.n ? " (" : "", buf_str(&sug),
                            sug.n ? ")" : "");
            buf_release(&sug);
        } else {
            free(az[i]);
            az[i] = xstrdup(o->zAcronym);
        }
    }
    orgdir_free(d);
    return rc;
}

/* The plan of o's activities (o->zPlan, or the first plan's code filled
** in) and each activity in it. */
static int
ev_resolve_activities(Model *m, Outreach *o, AppErr *err)
{
    if (o->nActivity == 0) {
        free(o->zPlan);
        o->zPlan = NULL;
        return 0;
    }
    Plan *p = app_plan(m, o->zPlan, err);
    if (!p) {
        return apperr_prefix(err, _("activities"));
    }
    if (!o->zPlan) {
        o->zPlan = xstrdup(p->zCode);
    }
    for (size_t i = 0; i < o->nActivity; i++) {
        if (plan_find_node(p, o->azActivity[i]) < 0) {
            Buf sug = BUF_INIT;
            rec_suggest_node(p, o->azActivity[i], 3, &sug);
            int rc = apperr_set(err, APPERR_INPUT,
                                _("activities: no activity '%s' in the plan "
                                  "%s%s%s%s"),
                                o->azActivity[i], p->zCode, sug.n ? " (" : "",
                                buf_str(&sug), sug.n ? ")" : "");
            buf_release(&sug);
            return rc;
        }
    }
    return 0;
}

/* Whether another stored event than iSkip (an id, 0: none) has o's first
** day and title (the events of that day are read). */
static int
ev_key_taken(Store *s, const Outreach *o, long long iSkip, AppErr *err)
{
    Outreach *a = NULL;
    size_t n = 0;
    int rc = store_outreach_list(s, o->zFrom, o->zFrom, &a, &n, err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (a[i].id != iSkip && str_eq(a[i].zTitle, o->zTitle)) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            _("title: an event '%s' on %s is recorded "
                              "already"),
                            o->zTitle, o->zFrom);
        }
    }
    events_free(a, n);
    return rc;
}

int
app_outreach_save(Store *s, const Actor *who, Outreach *o, AppErr *err)
{
    EvTxn t;
    int rc = ev_txn_begin(s, who, &t, err);
    rc = rc || ev_resolve_places(o->azPlace, o->nPlace, err) ||
         ev_resolve_orgs(&t.m, o->azOrg, o->nOrg, err) ||
         ev_resolve_activities(&t.m, o, err) || outreach_check(o, err) ||
         outreach_may_write(who, o, err);
    const Outreach *pOld = NULL;
    if (rc == 0 && o->id > 0) {
        pOld = ev_find(s, &t, o->id, o->iVersion, err);
        rc = !pOld || outreach_may_write(who, pOld, err);
    }
    rc = rc || ev_key_taken(s, o, o->id, err);
    if (rc == 0 && pOld &&
        (!str_eq(pOld->zFrom, o->zFrom) || !str_eq(pOld->zTitle, o->zTitle))) {
        /* The key changed: the old row goes, the new one is added. */
        rc = store_outreach_delete(s, pOld, err);
        o->iVersion = 0;
    }
    rc = rc || store_outreach_put(s, o, err);
    return ev_txn_end(s, rc, &t, err);
}

int
app_outreach_delete(Store *s, const Actor *who, long long id, int iVersion,
                    AppErr *err)
{
    EvTxn t;
    int rc = ev_txn_begin(s, who, &t, err);
    const Outreach *pOld = rc ? NULL : ev_find(s, &t, id, iVersion, err);
    rc = rc || !pOld || outreach_may_write(who, pOld, err) ||
         store_outreach_delete(s, pOld, err);
    return ev_txn_end(s, rc, &t, err);
}

/* ---- media ------------------------------------------------------------- */

/* The stored article id at version iVersion among a[0..n), or NULL with
** err. */
static const Media *
media_find(const Media *a, size_t n, long long id, int iVersion, AppErr *err)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i].id != id) {
            continue;
        }
        if (iVersion > 0 && a[i].iVersion != iVersion) {
            apperr_set(err, APPERR_CONFLICT,
                       _("the article '%s' was changed by someone else since "
                         "you opened it; nothing was saved: look at it "
                         "again"),
                       a[i].zTitle);
            return NULL;
        }
        return &a[i];
    }
    apperr_set(err, APPERR_NOTFOUND,
               _("this article is no longer recorded: someone deleted it"));
    return NULL;
}

static int
media_check(const Media *m, AppErr *err)
{
    if (!m->zDate || !str_is_date(m->zDate)) {
        return apperr_set(err, APPERR_INPUT,
                          _("date: '%s' is not a date (YYYY-MM-DD)"),
                          m->zDate ? m->zDate : "");
    }
    if (!m->zTitle || !*m->zTitle) {
        return apperr_set(err, APPERR_INPUT, _("title: missing"));
    }
    if (!m->zOutlet || !*m->zOutlet) {
        return apperr_set(err, APPERR_INPUT, _("outlet: missing"));
    }
    if (m->zLink && strncmp(m->zLink, "https://", 8) != 0 &&
        strncmp(m->zLink, "http://", 7) != 0) {
        return apperr_set(err, APPERR_INPUT,
                          _("link: '%s' is not a web address (https://...)"),
                          m->zLink);
    }
    return 0;
}

int
app_media_save(Store *s, const Actor *who, Media *m, AppErr *err)
{
    Media *a = NULL;
    size_t n = 0;
    if (outreach_may_write_media(who, err) || media_check(m, err) ||
        app_begin(s, who, err)) {
        return -1;
    }
    int rc = store_media_list(s, NULL, NULL, &a, &n, err);
    const Media *pOld = NULL;
    if (rc == 0 && m->id > 0) {
        pOld = media_find(a, n, m->id, m->iVersion, err);
        rc = pOld ? 0 : -1;
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (a[i].id != m->id && str_eq(a[i].zDate, m->zDate) &&
            str_eq(a[i].zTitle, m->zTitle)) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            _("title: an article '%s' of %s is recorded "
                              "already"),
                            m->zTitle, m->zDate);
        }
    }
    if (rc == 0 && pOld &&
        (!str_eq(pOld->zDate, m->zDate) || !str_eq(pOld->zTitle, m->zTitle))) {
        rc = store_media_delete(s, pOld, err);
        m->iVersion = 0;
    }
    rc = rc || store_media_put(s, m, err);
    rc = app_end(s, rc ? -1 : 0, err);
    media_free(a, n);
    return rc;
}

int
app_media_delete(Store *s, const Actor *who, long long id, int iVersion,
                 AppErr *err)
{
    Media *a = NULL;
    size_t n = 0;
    if (outreach_may_write_media(who, err) || app_begin(s, who, err)) {
        return -1;
    }
    int rc = store_media_list(s, NULL, NULL, &a, &n, err);
    const Media *pOld = rc ? NULL : media_find(a, n, id, iVersion, err);
    rc = rc || !pOld || store_media_delete(s, pOld, err);
    rc = app_end(s, rc ? -1 : 0, err);
    media_free(a, n);
    return rc;
}

/* ---- statistics -------------------------------------------------------- */

/* Whether a and b are the same figure (all but the sex). */
static int
stat_same(const StatObs *a, const StatObs *b)
{
    return a->eMeasure == b->eMeasure && str_eq(a->zDest, b->zDest) &&
           a->eChannel == b->eChannel && str_eq(a->zPeriod, b->zPeriod) &&
           str_eq(a->zSource, b->zSource);
}

static const char *const azSexField[STAT_SEX_COUNT] = {
    [STAT_WOMEN] = "women",
    [STAT_MEN] = "men",
    [STAT_TOTAL] = "total",
};

int
app_stat_save(Store *s, const Actor *who, StatEntry *e, AppErr *err)
{
    StatObs *k = &e->key;
    if (stat_may_write(who, err)) {
        return -1;
    }
    const char *zCode = NULL;
    Gazetteer *g = gaz_new();
    int rc = gaz_resolve(g, GAZ_COUNTRY, k->zDest ? k->zDest : "", &zCode, err);
    gaz_free(g);
    if (rc) {
        return apperr_prefix(err, _("destination"));
    }
    if (outreach_check_period(k->zPeriod, err)) {
        return apperr_prefix(err, _("reference date"));
    }
    if (!k->zSource || !*k->zSource) {
        return apperr_set(err, APPERR_INPUT, _("source: missing"));
    }
    int bAny = 0;
    for (int i = 0; i < STAT_SEX_COUNT; i++) {
        if (e->aValue[i] != OUTREACH_NONE && e->aValue[i] < 0) {
            return apperr_set(err, APPERR_INPUT,
                              _("%s: a count cannot be negative"),
                              azSexField[i]);
        }
        bAny |= e->aValue[i] != OUTREACH_NONE || e->aVersion[i] > 0;
    }
    if (!bAny) {
        return apperr_set(err, APPERR_INPUT,
                          _("total: give the total, or women and men"));
    }
    char zDest[GAZ_CODE_BYTES] = { 0 };
    memcpy(zDest, zCode, strnlen(zCode, sizeof zDest - 1));
    StatObs key = *k;
    key.zDest = zDest;
    StatObs *a = NULL;
    size_t n = 0;
    if (app_begin(s, who, err)) {
        return -1;
    }
    rc = store_stat_list(s, &a, &n, err);
    /* The figure as it would be: what is stored of it, with the form's
    ** sexes in place of theirs. */
    StatObs aNew[STAT_SEX_COUNT + 1];
    const StatObs *apOld[STAT_SEX_COUNT] = { 0 };
    size_t nNew = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (stat_same(&a[i], &key)) {
            apOld[a[i].eSex] = &a[i];
        }
    }
    for (int i = 0; rc == 0 && i < STAT_SEX_COUNT; i++) {
        const StatObs *pOld = apOld[i];
        int iShown = e->aVersion[i];
        if (pOld && iShown == 0) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            _("%s: this figure is recorded already: open it "
                              "from the list to change it"),
                            azSexField[i]);
        } else if (!pOld && iShown > 0) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            _("%s: this figure was deleted by someone else "
                              "since you opened it; nothing was saved"),
                            azSexField[i]);
        } else if (pOld && pOld->iVersion != iShown) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            _("%s: this figure was changed by someone else "
                              "since you opened it; nothing was saved: look "
                              "at it again"),
                            azSexField[i]);
        } else if (e->aValue[i] != OUTREACH_NONE) {
            aNew[nNew] = key;
            aNew[nNew].eSex = (StatSex)i;
            aNew[nNew].value = e->aValue[i];
            aNew[nNew].iVersion = iShown;
            nNew++;
        }
    }
    size_t iBad = 0;
    rc = rc || stat_check_sums(aNew, nNew, &iBad, err);
    for (size_t i = 0; rc == 0 && i < nNew; i++) {
        rc = store_stat_put(s, &aNew[i], err);
    }
    for (int i = 0; rc == 0 && i < STAT_SEX_COUNT; i++) {
        if (apOld[i] && e->aValue[i] == OUTREACH_NONE) {
            rc = store_stat_delete(s, apOld[i], err);
        }
    }
    rc = app_end(s, rc ? -1 : 0, err);
    stats_free(a, n);
    return rc;
}

int
app_stat_delete(Store *s, const Actor *who, long long id, int iVersion,
                AppErr *err)
{
    StatObs *a = NULL;
    size_t n = 0;
    if (stat_may_write(who, err) || app_begin(s, who, err)) {
        return -1;
    }
    int rc = store_stat_list(s, &a, &n, err);
    const StatObs *pOne = NULL;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (a[i].id == id) {
            pOne = &a[i];
        }
    }
    if (rc == 0 && !pOne) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        _("this figure is no longer recorded: someone "
                          "deleted it"));
    } else if (rc == 0 && pOne->iVersion != iVersion) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        _("%s: this figure was changed by someone else "
                          "since you opened it; nothing was saved: look "
                          "at it again"),
                        azSexField[pOne->eSex]);
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (stat_same(&a[i], pOne)) {
            rc = store_stat_delete(s, &a[i], err);
        }
    }
    rc = app_end(s, rc ? -1 : 0, err);
    stats_free(a, n);
    return rc;
}
