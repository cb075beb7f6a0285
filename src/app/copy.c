/*
** copy.c — moving a whole installation between databases (see copy.h).
**
** The store copies the tables (store_copy()); here are the transactions,
** the refusal of a destination holding data, and the verification: a
** digest of each table as every backend reads it (the same texts whatever
** the engine), of the export and of the cases' export, on both sides,
** before the destination commits.
*/
#include <stdlib.h>
#include <string.h>

#include "copy.h"
#include "../base/base.h"
#include "../io/cases_csv.h"
#include "../io/model_json.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* What is compared: per table its rows and their digest; the exports. */
typedef struct CopyPrint {
    long anRow[STORE_TABLE_COUNT];
    char azTable[STORE_TABLE_COUNT][SECRET_HASH_HEX];
    char zExport[SECRET_HASH_HEX];
    char zCases[SECRET_HASH_HEX];
    long nCases;
} CopyPrint;

typedef struct TableDigest {
    SecretDigest *d;
    long n;
} TableDigest;

/* Each value with its length (NULL as -1), so no two rows read alike. */
static int
copy_digest_row(void *pArg, const char *const *azVal, int nVal)
{
    TableDigest *g = pArg;
    for (int i = 0; i < nVal; i++) {
        long long n = azVal[i] ? (long long)strlen(azVal[i]) : -1;
        secret_digest_add(g->d, &n, sizeof n);
        if (azVal[i]) {
            secret_digest_add(g->d, azVal[i], (size_t)n);
        }
    }
    g->n++;
    return 0;
}

/* The fingerprint of s, inside its open transaction. */
static int
copy_print(Store *s, CopyPrint *p, AppErr *err)
{
    memset(p, 0, sizeof *p);
    for (int t = 0; t < STORE_TABLE_COUNT; t++) {
        TableDigest g = { secret_digest_new(), 0 };
        int rc = store_table_scan(s, (StoreTable)t, copy_digest_row, &g, err);
        secret_digest_end(g.d, p->azTable[t]);
        if (rc) {
            return -1;
        }
        p->anRow[t] = g.n;
    }
    /* The export as 'export --format json' writes it (merge_export_load()
    ** in this transaction). */
    long v = 0;
    AuditEntry *a = NULL;
    long *aiId = NULL;
    size_t n = 0;
    Model m = MODEL_INIT;
    int rc = store_data_version(s, &v, err);
    if (rc == 0 && v > 0) {
        rc = store_audit_rows(s, v, v, NULL, &a, &aiId, &n, err);
    }
    if (rc == 0) {
        rc = store_load(s, NULL, &m, err);
        if (rc && err->code == APPERR_NOTFOUND) {
            err->code = APPERR_OK; /* no plan: the organisations only */
            rc = store_load(s, "", &m, err);
            if (rc && err->code == APPERR_NOTFOUND) {
                err->code = APPERR_OK;
                rc = 0;
            }
        }
    }
    if (rc == 0) {
        Buf rev = BUF_INIT, b = BUF_INIT;
        buf_init(&b, 0);
        if (n == 1) {
            buf_printf(&rev, "%ld@%s", v, a[0].zAt);
        }
        model_json_write_revision(&m, n == 1 ? buf_str(&rev) : NULL, &b);
        SecretDigest *d = secret_digest_new();
        secret_digest_add(d, b.z ? b.z : "", b.n);
        secret_digest_end(d, p->zExport);
        rc = buf_failed(&b) ? apperr_set(err, APPERR_INTERNAL,
                                         _("the export is too large to verify"))
                            : 0;
        buf_release(&b);
        buf_release(&rev);
    }
    model_release(&m);
    audit_free(a, n);
    free(aiId);
    return rc ? -1 : cases_csv_digest(s, 1, p->zCases, &p->nCases, err);
}

/* The first difference between the fingerprints, or NULL. */
static const char *
copy_differs(const CopyPrint *a, const CopyPrint *b)
{
    for (int t = 0; t < STORE_TABLE_COUNT; t++) {
        if (a->anRow[t] != b->anRow[t] ||
            strcmp(a->azTable[t], b->azTable[t]) != 0) {
            return store_table_name((StoreTable)t);
        }
    }
    if (strcmp(a->zExport, b->zExport) != 0) {
        return "the export";
    }
    if (a->nCases != b->nCases || strcmp(a->zCases, b->zCases) != 0) {
        return "the cases' export";
    }
    return NULL;
}

int
copy_installation(Store *from, Store *to, const char *zFrom, CopyReport *rep,
                  AppErr *err)
{
    memset(rep, 0, sizeof *rep);
    CopyPrint *pa = xcalloc(2, sizeof *pa), *pb = pa + 1;
    Buf note = BUF_INIT;
    buf_printf(&note, "a copy from '%s'", zFrom);
    store_set_writer_note(to, buf_str(&note));
    buf_release(&note);
    int rc = -1, bRead = 0, bWrite = 0;
    if (store_begin_read(from, err)) {
        goto out;
    }
    bRead = 1;
    if (store_begin(to, err)) {
        goto out;
    }
    bWrite = 1;
    /* Only into a database holding nothing: a copy never merges. */
    for (int t = 0; t < STORE_TABLE_COUNT; t++) {
        long n = 0;
        if (store_table_count(to, (StoreTable)t, &n, err)) {
            goto out;
        }
        if (n > 0) {
            apperr_set(err, APPERR_CONFLICT,
                       _("the destination already holds "
                         "data (table %s is not empty): copy only into a new "
                         "or empty database; nothing was written"),
                       store_table_name((StoreTable)t));
            goto out;
        }
    }
    if (store_copy(from, to, rep->anRow, err) || copy_print(from, pa, err) ||
        copy_print(to, pb, err)) {
        goto out;
    }
    const char *zWhat = copy_differs(pa, pb);
    if (zWhat) {
        apperr_set(err, APPERR_DB,
                   _("the copy does not read back as the "
                     "source: %s differs; nothing was written"),
                   zWhat);
        goto out;
    }
    memcpy(rep->zExport, pa->zExport, sizeof rep->zExport);
    memcpy(rep->zCases, pa->zCases, sizeof rep->zCases);
    rep->nCases = pa->nCases;
    bWrite = 0;
    rc = store_commit(to, err);
out:
    if (bWrite) {
        store_rollback(to);
    }
    if (bRead) {
        store_end_read(from);
    }
    store_set_writer_note(to, NULL);
    free(pa);
    return rc;
}
