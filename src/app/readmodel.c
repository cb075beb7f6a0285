/*
** readmodel.c — the shared read model (see readmodel.h).
**
** Locking: gMu guards the current snapshot per view and reference counts;
** gLoadMu lets one thread load while the others wait for its result
** instead of loading the same data again; each snapshot's mu guards what
** is derived from it (findings, fragments), computed at most once.
*/
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "readmodel.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* One remembered fragment, in an open-addressing table keyed by name. */
typedef struct Memo {
    char *zKey; /* NULL: empty slot */
    char *z;    /* the rendered bytes */
    size_t n;
} Memo;

/* The findings of one round of one plan. */
typedef struct MemoFindings {
    const Plan *p;
    char *zRound;
    int eLang; /* the language of the messages (i18n_current()) */
    Findings f;
} MemoFindings;

struct ReadModel {
    Model m;            /* read-only once published to readers */
    FundSet *aFund;     /* per plan of m (same index): costs and funding,
                        ** by activity (rm_fund_by_node()) */
    long iVersion;      /* store_data_version() it was loaded at */
    int nRef;           /* guarded by gMu */
    pthread_mutex_t mu; /* guards the memos below; recursive */
    Memo *aMemo;        /* power-of-two table */
    size_t nMemoSlot, nMemo, nMemoBytes;
    MemoFindings *aFind;
    size_t nFind, nFindAlloc;
};

static pthread_mutex_t gMu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t gLoadMu = PTHREAD_MUTEX_INITIALIZER;
static ReadModel *aCur[READ_VIEW_COUNT];

/* Drop what an anonymous reader may not see: rounds not published, and
** statements (internal to the collection). */
static void
rm_only_published(Plan *p)
{
    for (size_t i = 0; i < p->nNode; i++) {
        Node *n = &p->aNode[i];
        size_t k = 0;
        for (size_t j = 0; j < n->nAssess; j++) {
            const Round *rd = plan_find_round(p, n->aAssess[j].zRound);
            if (rd && rd->eState == ROUND_PUBLISHED) {
                n->aAssess[k++] = n->aAssess[j];
            } else {
                assessment_release(&n->aAssess[j]);
            }
        }
        n->nAssess = k;
        for (size_t j = 0; j < n->nAssess; j++) {
            assessment_release_statements(&n->aAssess[j]);
        }
    }
    size_t k = 0;
    for (size_t r = 0; r < p->nRound; r++) {
        if (p->aRound[r].eState == ROUND_PUBLISHED) {
            p->aRound[k++] = p->aRound[r];
        } else {
            round_release(&p->aRound[r]);
        }
    }
    p->nRound = k;
}

static void
rm_free(ReadModel *rm)
{
    if (!rm) {
        return;
    }
    for (size_t i = 0; rm->aFund && i < rm->m.nPlan; i++) {
        fund_set_release(&rm->aFund[i]);
    }
    free(rm->aFund);
    model_release(&rm->m);
    for (size_t i = 0; i < rm->nMemoSlot; i++) {
        free(rm->aMemo[i].zKey);
        free(rm->aMemo[i].z);
    }
    free(rm->aMemo);
    for (size_t i = 0; i < rm->nFind; i++) {
        free(rm->aFind[i].zRound);
        findings_release(&rm->aFind[i].f);
    }
    free(rm->aFind);
    (void)pthread_mutex_destroy(&rm->mu);
    free(rm);
}

/* Order f's costs and lines by activity, keeping each activity's in the
** order they came (by round, then line): readmodel_funding() then finds
** one activity's by binary search, whatever the plan's size. */
typedef struct FundOrder {
    const char *zNode;
    size_t i;
} FundOrder;

static int
rm_fund_order_cmp(const void *a, const void *b)
{
    const FundOrder *x = a, *y = b;
    int c = strcmp(x->zNode, y->zNode);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Permute the n elements of nSize bytes at a (node code at byte nOff) into
** that order. */
static void
rm_fund_sort(void *a, size_t n, size_t nSize, size_t nOff)
{
    if (n < 2) {
        return;
    }
    FundOrder *ao = xcalloc(n, sizeof *ao);
    for (size_t i = 0; i < n; i++) {
        ao[i].zNode = *(const char *const *)((char *)a + i * nSize + nOff);
        ao[i].i = i;
    }
    qsort(ao, n, sizeof *ao, rm_fund_order_cmp);
    char *tmp = xcalloc(n, nSize);
    for (size_t i = 0; i < n; i++) {
        memcpy(tmp + i * nSize, (char *)a + ao[i].i * nSize, nSize);
    }
    memcpy(a, tmp, n * nSize);
    free(tmp);
    free(ao);
}

static void
rm_fund_by_node(FundSet *f)
{
    rm_fund_sort(f->aCost, f->nCost, sizeof *f->aCost,
                 offsetof(FundCost, zNode));
    rm_fund_sort(f->aLine, f->nLine, sizeof *f->aLine,
                 offsetof(FundLine, zNode));
}

/* Drop one reference; the caller holds gMu. */
static void
rm_unref_locked(ReadModel *rm, ReadModel **pFree)
{
    if (rm && --rm->nRef == 0) {
        *pFree = rm;
    }
}

void
readmodel_release(ReadModel *rm)
{
    ReadModel *pFree = NULL;
    if (!rm) {
        return;
    }
    (void)pthread_mutex_lock(&gMu);
    rm_unref_locked(rm, &pFree);
    (void)pthread_mutex_unlock(&gMu);
    rm_free(pFree);
}

/* The current snapshot of eView if it is at iVersion, with a reference
** for the caller; NULL otherwise. */
static ReadModel *
rm_take_current(ReadView eView, long iVersion)
{
    (void)pthread_mutex_lock(&gMu);
    ReadModel *rm = aCur[eView];
    if (rm && rm->iVersion == iVersion) {
        rm->nRef++;
    } else {
        rm = NULL;
    }
    (void)pthread_mutex_unlock(&gMu);
    return rm;
}

ReadModel *
readmodel_acquire(Store *s, ReadView eView, long iVersion, AppErr *err)
{
    /* One query on its own is atomic: no transaction is needed to learn
    ** whether the current snapshot still holds, which is almost always. */
    if (iVersion < 0 && store_data_version(s, &iVersion, err)) {
        return NULL;
    }
    ReadModel *rm = rm_take_current(eView, iVersion);
    if (rm) {
        return rm;
    }
    (void)pthread_mutex_lock(&gLoadMu);
    /* The load and its version come from one read transaction, so the
    ** snapshot is consistent and labelled with the state it shows. */
    if (store_begin_read(s, err) || store_data_version(s, &iVersion, err)) {
        store_end_read(s);
        (void)pthread_mutex_unlock(&gLoadMu);
        return NULL;
    }
    /* Another thread may have loaded this version while we waited. */
    rm = rm_take_current(eView, iVersion);
    if (!rm) {
        rm = xcalloc(1, sizeof *rm);
        /* Recursive: a fragment's renderer asks for the findings. */
        pthread_mutexattr_t attr;
        (void)pthread_mutexattr_init(&attr);
        (void)pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
        (void)pthread_mutex_init(&rm->mu, &attr);
        (void)pthread_mutexattr_destroy(&attr);
        rm->iVersion = iVersion;
        int rc = store_load(s, NULL, &rm->m, err);
        /* Costs and funding go with the snapshot: an activity's page shows
        ** its own, and reading them per page was a fifth of its cost. */
        if (rc == 0) {
            rm->aFund =
                xcalloc(rm->m.nPlan ? rm->m.nPlan : 1, sizeof *rm->aFund);
        }
        for (size_t i = 0; rc == 0 && i < rm->m.nPlan; i++) {
            rc = store_fund_list(s, rm->m.aPlan[i].zCode, NULL, &rm->aFund[i],
                                 err);
            if (rc == 0) {
                rm_fund_by_node(&rm->aFund[i]);
            }
        }
        if (rc) {
            rm_free(rm);
            rm = NULL;
        } else {
            /* store_load() indexed every plan's codes whole, so the
            ** threads sharing it only read the index (model.h). */
            for (size_t i = 0; i < rm->m.nPlan && eView == READ_PUBLISHED;
                 i++) {
                rm_only_published(&rm->m.aPlan[i]);
            }
            ReadModel *pFree = NULL;
            (void)pthread_mutex_lock(&gMu);
            rm_unref_locked(aCur[eView], &pFree);
            aCur[eView] = rm;
            rm->nRef = 2; /* the process's and the caller's */
            (void)pthread_mutex_unlock(&gMu);
            rm_free(pFree);
        }
    }
    store_end_read(s);
    (void)pthread_mutex_unlock(&gLoadMu);
    return rm;
}

const Model *
readmodel_model(const ReadModel *rm)
{
    return &rm->m;
}

/* The first of a[0..n) (elements of nSize bytes whose node code is at
** byte offset nOff) with node code zNode or after it. */
static size_t
rm_fund_lower(const void *a, size_t n, size_t nSize, size_t nOff,
              const char *zNode)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *z =
            *(const char *const *)((const char *)a + mid * nSize + nOff);
        if (strcmp(z, zNode) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

FundSet
readmodel_funding(const ReadModel *rm, const Plan *p, const char *zNode)
{
    FundSet v = { NULL, 0, NULL, 0 };
    if (!rm->aFund || p < rm->m.aPlan || p >= rm->m.aPlan + rm->m.nPlan) {
        return v;
    }
    const FundSet *f = &rm->aFund[p - rm->m.aPlan];
    size_t c0 = rm_fund_lower(f->aCost, f->nCost, sizeof *f->aCost,
                              offsetof(FundCost, zNode), zNode);
    size_t c1 = c0;
    while (c1 < f->nCost && str_eq(f->aCost[c1].zNode, zNode)) {
        c1++;
    }
    size_t l0 = rm_fund_lower(f->aLine, f->nLine, sizeof *f->aLine,
                              offsetof(FundLine, zNode), zNode);
    size_t l1 = l0;
    while (l1 < f->nLine && str_eq(f->aLine[l1].zNode, zNode)) {
        l1++;
    }
    v.aCost = f->aCost + c0;
    v.nCost = c1 - c0;
    v.aLine = f->aLine + l0;
    v.nLine = l1 - l0;
    return v;
}

long
readmodel_version(const ReadModel *rm)
{
    return rm->iVersion;
}

const Findings *
readmodel_findings(ReadModel *rm, const Plan *p, const char *zRound)
{
    (void)pthread_mutex_lock(&rm->mu);
    MemoFindings *mf = NULL;
    for (size_t i = 0; i < rm->nFind && !mf; i++) {
        if (rm->aFind[i].p == p && str_eq(rm->aFind[i].zRound, zRound) &&
            rm->aFind[i].eLang == (int)i18n_current()) {
            mf = &rm->aFind[i];
        }
    }
    if (!mf) {
        xgrow((void **)&rm->aFind, &rm->nFindAlloc, rm->nFind,
              sizeof *rm->aFind);
        mf = &rm->aFind[rm->nFind++];
        memset(mf, 0, sizeof *mf);
        mf->p = p;
        mf->zRound = xstrdup(zRound);
        mf->eLang = (int)i18n_current();
        checks_run(&rm->m, p, zRound, &mf->f);
    }
    (void)pthread_mutex_unlock(&rm->mu);
    return &mf->f;
}

static uint64_t
rm_hash(const char *z)
{
    uint64_t h = 1469598103934665603uLL; /* FNV-1a */
    for (; *z; z++) {
        h = (h ^ (unsigned char)*z) * 1099511628211uLL;
    }
    return h;
}

/* The slot for zKey: its entry, or the empty slot where it would go. */
static Memo *
rm_memo_slot(Memo *a, size_t nSlot, const char *zKey)
{
    size_t i = (size_t)rm_hash(zKey) & (nSlot - 1);
    while (a[i].zKey && !str_eq(a[i].zKey, zKey)) {
        i = (i + 1) & (nSlot - 1);
    }
    return &a[i];
}

/* Keep the table at most half full. */
static void
rm_memo_grow(ReadModel *rm)
{
    if (2 * (rm->nMemo + 1) <= rm->nMemoSlot) {
        return;
    }
    size_t nNew = rm->nMemoSlot ? 2 * rm->nMemoSlot : 64;
    Memo *aNew = xcalloc(nNew, sizeof *aNew);
    for (size_t i = 0; i < rm->nMemoSlot; i++) {
        if (rm->aMemo[i].zKey) {
            *rm_memo_slot(aNew, nNew, rm->aMemo[i].zKey) = rm->aMemo[i];
        }
    }
    free(rm->aMemo);
    rm->aMemo = aNew;
    rm->nMemoSlot = nNew;
}

/* The kept fragment zKey (*pn bytes), rendered and kept on first use; NULL
** when it cannot be kept, rendered into b instead.  The caller holds
** rm->mu: a second request for the same fragment waits for the first
** instead of doing the same work.  A kept fragment's text never moves
** (the table holds pointers to it) until the snapshot is freed. */
static const char *
rm_fragment_locked(ReadModel *rm, const char *zKey, ReadRender xRender,
                   const void *arg, Buf *b, size_t *pn)
{
    Memo *e =
        rm->nMemoSlot ? rm_memo_slot(rm->aMemo, rm->nMemoSlot, zKey) : NULL;
    if (e && e->zKey) {
        *pn = e->n;
        return e->z;
    }
    Buf frag = BUF_INIT;
    xRender(rm, arg, &frag);
    if (frag.bOverflow || rm->nMemoBytes + frag.n > LIMIT_READ_MEMO_BYTES) {
        buf_append(b, buf_str(&frag), frag.n);
        buf_release(&frag);
        return NULL;
    }
    rm_memo_grow(rm);
    e = rm_memo_slot(rm->aMemo, rm->nMemoSlot, zKey);
    e->zKey = xstrdup(zKey);
    e->n = frag.n;
    e->z = xmalloc(frag.n + 1);
    memcpy(e->z, buf_str(&frag), frag.n + 1);
    rm->nMemo++;
    rm->nMemoBytes += e->n;
    buf_release(&frag);
    *pn = e->n;
    return e->z;
}

/* The key of fragment zKeyAsked as kept: a fragment is written in the
** request's language, so the language is part of what it shows. */
static void
rm_fragment_key(const char *zKeyAsked, Buf *pKey)
{
    buf_printf(pKey, "%s:%s", i18n_lang_code(i18n_current()), zKeyAsked);
}

void
readmodel_fragment(ReadModel *rm, const char *zKeyAsked, ReadRender xRender,
                   const void *arg, Buf *b)
{
    Buf key = BUF_INIT;
    rm_fragment_key(zKeyAsked, &key);
    (void)pthread_mutex_lock(&rm->mu);
    size_t n = 0;
    const char *z = rm_fragment_locked(rm, buf_str(&key), xRender, arg, b, &n);
    if (z) {
        buf_append(b, z, n);
    }
    (void)pthread_mutex_unlock(&rm->mu);
    buf_release(&key);
}

const char *
readmodel_fragment_ref(ReadModel *rm, const char *zKeyAsked, ReadRender xRender,
                       const void *arg, Buf *b, size_t *pn)
{
    Buf key = BUF_INIT;
    rm_fragment_key(zKeyAsked, &key);
    (void)pthread_mutex_lock(&rm->mu);
    const char *z = rm_fragment_locked(rm, buf_str(&key), xRender, arg, b, pn);
    (void)pthread_mutex_unlock(&rm->mu);
    buf_release(&key);
    return z;
}

void
readmodel_hold(ReadModel *rm)
{
    (void)pthread_mutex_lock(&gMu);
    rm->nRef++;
    (void)pthread_mutex_unlock(&gMu);
}

void
readmodel_reset(void)
{
    ReadModel *aFree[READ_VIEW_COUNT] = { NULL };
    (void)pthread_mutex_lock(&gMu);
    for (int v = 0; v < READ_VIEW_COUNT; v++) {
        rm_unref_locked(aCur[v], &aFree[v]);
        aCur[v] = NULL;
    }
    (void)pthread_mutex_unlock(&gMu);
    for (int v = 0; v < READ_VIEW_COUNT; v++) {
        rm_free(aFree[v]);
    }
}
