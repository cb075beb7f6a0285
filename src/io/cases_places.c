/*
** cases_places.c — the complaints register's places against the
** gazetteer (see cases_places.h).
**
** One scan of the register (store_case_scan(), so a million cases are
** never in memory) tallies the distinct values in a list kept sorted, then
** each value is resolved once.
*/
#include <stdlib.h>
#include <string.h>

#include "cases_places.h"
#include "../base/base.h"
#include "../core/gazetteer.h"
#include "../base/banned.h"

typedef struct Tally {
    CasePlace *a;
    size_t n, nAlloc;
} Tally;

static int
place_cmp(const CasePlace *a, const char *zField, const char *zValue)
{
    int c = strcmp(a->zField, zField);
    return c ? c : strcmp(a->zValue, zValue);
}

static void
tally_add(Tally *t, const char *zField, const char *zValue)
{
    if (!zValue || !*zValue) {
        return;
    }
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (place_cmp(&t->a[mid], zField, zValue) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < t->n && place_cmp(&t->a[lo], zField, zValue) == 0) {
        t->a[lo].nCases++;
        return;
    }
    xgrow((void **)&t->a, &t->nAlloc, t->n, sizeof *t->a);
    memmove(&t->a[lo + 1], &t->a[lo], (t->n - lo) * sizeof *t->a);
    t->a[lo] = (CasePlace){ zField, xstrdup(zValue), 1, NULL, NULL };
    t->n++;
}

static int
tally_case(void *pArg, const Case *c, const CasePerson *who)
{
    (void)who;
    tally_add(pArg, "destination", c->zDestination);
    tally_add(pArg, "province", c->zProvince);
    return 0;
}

int
cases_places(Store *s, CasePlace **pa, size_t *pn, AppErr *err)
{
    Tally t = { NULL, 0, 0 };
    *pa = NULL;
    *pn = 0;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_case_scan(s, NULL, NULL, 0, tally_case, &t, err);
    store_end_read(s);
    if (rc) {
        cases_places_free(t.a, t.n);
        return -1;
    }
    Gazetteer *g = gaz_new();
    for (size_t i = 0; i < t.n; i++) {
        CasePlace *p = &t.a[i];
        GazKind k =
            strcmp(p->zField, "destination") == 0 ? GAZ_COUNTRY : GAZ_PROVINCE;
        AppErr e = APPERR_INIT;
        if (gaz_resolve(g, k, p->zValue, &p->zCode, &e)) {
            Buf b = BUF_INIT;
            gaz_suggest(g, k, p->zValue, 3, &b);
            p->zCode = NULL;
            p->zClosest = buf_detach(&b);
        }
    }
    gaz_free(g);
    *pa = t.a;
    *pn = t.n;
    return 0;
}

void
cases_places_free(CasePlace *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(a[i].zValue);
        free(a[i].zClosest);
    }
    free(a);
}
