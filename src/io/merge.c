/*
** merge.c — export revisions and the three-way merge of imported cells
** (see merge.h).
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "../base/base.h"
#include "../base/banned.h"

int
merge_export_load(Store *s, const char *zPlan, Model *m, char **pzRevision,
                  AppErr *err)
{
    *pzRevision = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    long v = 0;
    AuditEntry *a = NULL;
    long *aiId = NULL;
    size_t n = 0;
    int rc = store_data_version(s, &v, err);
    if (rc == 0 && v > 0) {
        rc = store_audit_rows(s, v, v, NULL, &a, &aiId, &n, err);
    }
    if (rc == 0) {
        rc = store_load(s, zPlan, m, err);
    }
    store_end_read(s);
    if (rc == 0 && n == 1) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%ld@%s", v, a[0].zAt);
        *pzRevision = buf_detach(&b);
    }
    if (rc) {
        model_release(m);
    }
    audit_free(a, n);
    free(aiId);
    return rc;
}

int
merge_revision_parse(const char *z, long *piRev, char *zAt, size_t nAt)
{
    const char *zSep = z ? strchr(z, '@') : NULL;
    if (!zSep || zSep == z || zSep - z > 19 || !zSep[1] ||
        strlen(zSep + 1) >= nAt) {
        return -1;
    }
    char zNum[20];
    memcpy(zNum, z, (size_t)(zSep - z));
    zNum[zSep - z] = 0;
    if (str_to_long(zNum, 1, LONG_MAX, piRev)) {
        return -1;
    }
    for (const char *p = zSep + 1; *p; p++) {
        if ((unsigned char)*p <= ' ') {
            return -1;
        }
    }
    memcpy(zAt, zSep + 1, strlen(zSep + 1) + 1);
    return 0;
}

/* A revision already checked. */
typedef struct MergeRev {
    char *z;   /* as the file wrote it */
    long iRev; /* its N, or 0 when this database never had it */
} MergeRev;

struct Merge {
    MergeRev *aRev; /* revisions checked, in the order first seen */
    size_t nRev, nRevAlloc;
    long iMin;        /* smallest valid N; 0 when none */
    AuditEntry *aRow; /* audit rows after iMin, by id */
    long *aiId;       /* their ids */
    size_t nRow;
    struct MergeRef *aRef; /* aRow by entity, key, field, id */
};

Merge *
merge_new(void)
{
    return xcalloc(1, sizeof(Merge));
}

void
merge_free(Merge *mg)
{
    if (!mg) {
        return;
    }
    for (size_t i = 0; i < mg->nRev; i++) {
        free(mg->aRev[i].z);
    }
    free(mg->aRev);
    audit_free(mg->aRow, mg->nRow);
    free(mg->aiId);
    free(mg->aRef);
    free(mg);
}

int
merge_add_revision(Merge *mg, Store *s, const char *z, long *piRev, AppErr *err)
{
    /* Files hold one revision in every row, or a few: look back first. */
    for (size_t i = mg->nRev; i-- > 0;) {
        if (strcmp(mg->aRev[i].z, z) == 0) {
            *piRev = mg->aRev[i].iRev;
            return 0;
        }
    }
    long iRev = 0;
    char zAt[MERGE_REVISION_BYTES];
    if (merge_revision_parse(z, &iRev, zAt, sizeof zAt)) {
        return -2;
    }
    AuditEntry *a = NULL;
    long *aiId = NULL;
    size_t n = 0;
    if (store_audit_rows(s, iRev, iRev, NULL, &a, &aiId, &n, err)) {
        return -1;
    }
    /* Row N written at the time the export saw: this database's history
    ** up to N is the one the file was exported from.  Anything else (a
    ** copy that went its own way, a restored backup, another database)
    ** gives no base to merge against. */
    if (n != 1 || !str_eq(a[0].zAt, zAt)) {
        iRev = 0;
    }
    audit_free(a, n);
    free(aiId);
    xgrow((void **)&mg->aRev, &mg->nRevAlloc, mg->nRev, sizeof *mg->aRev);
    mg->aRev[mg->nRev].z = xstrdup(z);
    mg->aRev[mg->nRev].iRev = iRev;
    mg->nRev++;
    if (iRev > 0 && (mg->iMin == 0 || iRev < mg->iMin)) {
        mg->iMin = iRev;
    }
    *piRev = iRev;
    return 0;
}

/* One audit row in the merge's index. */
typedef struct MergeRef {
    const char *zEntity, *zKey; /* the audited thing */
    const char *zField;         /* "" for a row without a field (a create) */
    long id;
    const AuditEntry *e;
} MergeRef;

static int
merge_ref_cmp_key(const MergeRef *x, const char *zEntity, const char *zKey,
                  const char *zField, long id)
{
    int c = strcmp(x->zEntity, zEntity);
    if (c == 0) {
        c = strcmp(x->zKey, zKey);
    }
    if (c == 0) {
        c = strcmp(x->zField, zField);
    }
    if (c == 0) {
        c = x->id < id ? -1 : x->id > id;
    }
    return c;
}

static int
merge_ref_cmp(const void *a, const void *b)
{
    const MergeRef *y = b;
    return merge_ref_cmp_key(a, y->zEntity, y->zKey, y->zField, y->id);
}

int
merge_load(Merge *mg, Store *s, const char *zKeyPrefix, AppErr *err)
{
    if (mg->iMin == 0) {
        return 0;
    }
    if (store_audit_rows(s, mg->iMin + 1, 0, zKeyPrefix, &mg->aRow, &mg->aiId,
                         &mg->nRow, err)) {
        return -1;
    }
    mg->aRef = xcalloc(mg->nRow ? mg->nRow : 1, sizeof *mg->aRef);
    for (size_t i = 0; i < mg->nRow; i++) {
        const AuditEntry *e = &mg->aRow[i];
        mg->aRef[i].zEntity = e->zEntity ? e->zEntity : "";
        mg->aRef[i].zKey = e->zKey ? e->zKey : "";
        mg->aRef[i].zField = e->zField ? e->zField : "";
        mg->aRef[i].id = mg->aiId[i];
        mg->aRef[i].e = e;
    }
    qsort(mg->aRef, mg->nRow, sizeof *mg->aRef, merge_ref_cmp);
    return 0;
}

/* The first position in aRef at or after (entity, key, field, id); nRow
** when none. */
static size_t
merge_lower_bound(const Merge *mg, const char *zEntity, const char *zKey,
                  const char *zField, long id)
{
    size_t lo = 0, hi = mg->nRow;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (merge_ref_cmp_key(&mg->aRef[mid], zEntity, zKey, zField, id) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The row at position k of aRef if it is of (entity, key, field). */
static const AuditEntry *
merge_row_at(const Merge *mg, size_t k, const char *zEntity, const char *zKey,
             const char *zField)
{
    if (k >= mg->nRow) {
        return NULL;
    }
    const MergeRef *r = &mg->aRef[k];
    return strcmp(r->zEntity, zEntity) == 0 && strcmp(r->zKey, zKey) == 0 &&
                   strcmp(r->zField, zField) == 0
               ? r->e
               : NULL;
}

/* The creation row of (entity, key) after revision iRev, or NULL. */
static const AuditEntry *
merge_created(const Merge *mg, long iRev, const char *zEntity, const char *zKey)
{
    size_t k = merge_lower_bound(mg, zEntity, zKey, "", iRev + 1);
    const AuditEntry *p = merge_row_at(mg, k, zEntity, zKey, "");
    while (p && !str_eq(p->zAction, "create")) {
        p = merge_row_at(mg, ++k, zEntity, zKey, "");
    }
    return p;
}

void
merge_cell(const Merge *mg, long iRev, const char *zEntity, const char *zKey,
           const char *zField, const char *zFile, const char *zDb,
           const char *zEmpty, MergeCell *out)
{
    out->zBase = NULL;
    out->pBy = NULL;
    if (str_eq(zFile, zDb)) {
        out->eHow = MERGE_SAME;
        return;
    }
    if (iRev <= 0 || !mg) {
        out->eHow = MERGE_TAKE_FILE;
        return;
    }
    /* Created since the export: the file could only show it empty.  An
    ** assessment created with its activity has no row of its own (the
    ** activity's row holds it, store.c): the activity's creation is its
    ** creation. */
    const AuditEntry *pCreate = merge_created(mg, iRev, zEntity, zKey);
    const char *zSlash = strrchr(zKey, '/');
    if (!pCreate && str_eq(zEntity, "assessment") && zSlash) {
        char *zOwner = xstrndup(zKey, (size_t)(zSlash - zKey));
        pCreate = merge_created(mg, iRev, "node", zOwner);
        free(zOwner);
    }
    size_t k = merge_lower_bound(mg, zEntity, zKey, zField, iRev + 1);
    const AuditEntry *pFirst = merge_row_at(mg, k, zEntity, zKey, zField);
    const AuditEntry *pLast = pFirst;
    while (pLast && merge_row_at(mg, k + 1, zEntity, zKey, zField)) {
        pLast = merge_row_at(mg, ++k, zEntity, zKey, zField);
    }
    if (pCreate) {
        out->zBase = zEmpty;
    } else if (pFirst) {
        out->zBase = pFirst->zOld ? pFirst->zOld : "";
    } else {
        out->zBase = zDb ? zDb : "";
    }
    out->pBy = pLast ? pLast : pCreate;
    if (str_eq(zFile, out->zBase)) {
        out->eHow = MERGE_KEEP_DB;
    } else if (str_eq(zDb, out->zBase)) {
        out->eHow = MERGE_TAKE_FILE;
    } else {
        out->eHow = MERGE_CONFLICT;
    }
}

void
merge_quote(Buf *b, const char *z)
{
    enum { MAX_BYTES = 60 };

    buf_putc(b, '\'');
    size_t n = 0;
    for (const char *p = z ? z : ""; *p; p++, n++) {
        unsigned char c = (unsigned char)*p;
        /* Cut at a character boundary: never before a continuation byte. */
        if (n >= MAX_BYTES && (c & 0xc0) != 0x80) {
            buf_puts(b, "\xe2\x80\xa6"); /* … */
            break;
        }
        buf_putc(b, (char)(c < ' ' ? ' ' : c));
    }
    buf_putc(b, '\'');
}
