/*
** briefing.c (app) — the quarterly briefing's records, read in one
** transaction (see briefing.h).
*/
#include <stdlib.h>
#include <string.h>

#include "briefing.h"
#include "../base/base.h"
#include "../core/orgdir.h"
#include "../base/banned.h"

/* Resolve zName through the directory into d->zOrg. */
static int
brief_org(Store *s, const char *zName, BriefingData *d, AppErr *err)
{
    Model m = MODEL_INIT;
    int rc = store_load(s, NULL, &m, err);
    if (rc == 0) {
        OrgDir *dir = orgdir_new(&m);
        const Org *o = orgdir_resolve(dir, zName);
        if (o) {
            d->zOrg = xstrdup(o->zAcronym);
        } else {
            Buf sug = BUF_INIT;
            orgdir_suggest(dir, zName, 3, &sug);
            rc = apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'%s%s%s",
                            zName, sug.n ? " (did you mean " : "",
                            buf_str(&sug), sug.n ? "?)" : "");
            buf_release(&sug);
        }
        orgdir_free(dir);
    }
    model_release(&m);
    return rc;
}

static int
brief_case(void *pArg, const Case *c, const CasePerson *who)
{
    (void)who;
    briefing_add_case(pArg, c);
    return 0;
}

int
app_briefing_read(Store *s, const BriefQuarter *q, const char *zOrg, int bCases,
                  BriefingData *d, AppErr *err)
{
    memset(d, 0, sizeof *d);
    if (store_begin_read(s, err)) {
        return -1;
    }
    /* Events of any date: a partner result began before the quarter. */
    int rc =
        (zOrg && brief_org(s, zOrg, d, err)) ||
        store_outreach_list(s, NULL, NULL, &d->aEv, &d->nEv, err) ||
        store_media_list(s, q->zFrom, q->zTo, &d->aMedia, &d->nMedia, err) ||
        store_stat_list(s, &d->aStat, &d->nStat, err);
    briefing_init(&d->b, q, d->zOrg);
    if (rc == 0) {
        briefing_select(&d->b, d->aEv, d->nEv, d->aMedia, d->nMedia, d->aStat,
                        d->nStat);
        /* A case resolved in the quarter was lodged before its end. */
        d->b.bCases = bCases;
        rc = bCases
                 ? store_case_scan(s, NULL, q->zTo, 0, brief_case, &d->b, err)
                 : 0;
    }
    store_end_read(s);
    return rc ? -1 : 0;
}

void
app_briefing_release(BriefingData *d)
{
    briefing_release(&d->b);
    for (size_t i = 0; i < d->nEv; i++) {
        outreach_release(&d->aEv[i]);
    }
    free(d->aEv);
    for (size_t i = 0; i < d->nMedia; i++) {
        media_release(&d->aMedia[i]);
    }
    free(d->aMedia);
    for (size_t i = 0; i < d->nStat; i++) {
        stat_obs_release(&d->aStat[i]);
    }
    free(d->aStat);
    free(d->zOrg);
    memset(d, 0, sizeof *d);
}
