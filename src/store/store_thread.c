/*
** store_thread.c — statements' review threads and submitted versions
** (store.h, store_statement_threads() and the two adds), above the
** backends.
**
** A backend returns the comments and the versions of one activity's
** statements as rows of text (xStmtScan) and writes one of either
** (xStmtAdd); this file puts the rows on core's Statements and audits a
** comment, once for every backend.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "../base/secret.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

/* What the visitor fills: the activity, and which part is read. */
typedef struct ThreadFill {
    Node *n;
    StoreStmtPart part;
} ThreadFill;

static char *
thread_dup(const char *z)
{
    return xstrdup(z ? z : "");
}

/* The statement of organisation zOrg in round zRound of x->n, or NULL. */
static Statement *
thread_statement(ThreadFill *x, const char *zRound, const char *zOrg)
{
    for (size_t k = 0; k < x->n->nAssess; k++) {
        Assessment *a = &x->n->aAssess[k];
        if (!str_eq(a->zRound, zRound)) {
            continue;
        }
        for (size_t i = 0; i < a->nStmt; i++) {
            if (str_eq(a->aStmt[i].zOrg, zOrg)) {
                return &a->aStmt[i];
            }
        }
    }
    return NULL;
}

static int
thread_fill_row(void *pArg, const char *const *az, int nVal)
{
    ThreadFill *x = pArg;
    if (nVal < 7) {
        return 0;
    }
    Statement *st = thread_statement(x, az[0], az[1]);
    if (!st) {
        return 0; /* a statement of a round the load left out */
    }
    if (x->part == STORE_STMT_PART_COMMENT) {
        StmtComment *c = statement_add_comment(st);
        c->zAuthor = thread_dup(az[2]);
        if (role_parse(az[3] ? az[3] : "", &c->eRole)) {
            c->eRole = ROLE_VIEWER;
        }
        c->zAt = thread_dup(az[4]);
        c->zText = thread_dup(az[5]);
        c->iStmtVersion = az[6] ? (int)strtol(az[6], NULL, 10) : 0;
        return 0;
    }
    if (x->part == STORE_STMT_PART_ATTACHMENT) {
        if (nVal < 8) {
            return 0;
        }
        StmtAttachment *f = statement_add_attachment(st);
        f->iId = az[2] ? strtol(az[2], NULL, 10) : 0;
        f->zName = thread_dup(az[3]);
        f->zType = thread_dup(az[4]);
        f->nBytes = az[5] ? strtol(az[5], NULL, 10) : 0;
        f->zBy = thread_dup(az[6]);
        f->zAt = thread_dup(az[7]);
        return 0;
    }
    if (nVal < 8) {
        return 0;
    }
    StmtVersion *v = statement_add_version(st);
    v->iVersion = az[2] ? (int)strtol(az[2], NULL, 10) : 0;
    v->zText = thread_dup(az[3]);
    v->eProposed = RATING_NONE;
    for (int r = 0; r < RATING_COUNT; r++) {
        if (az[4] && str_eq(az[4], rating_key((Rating)r))) {
            v->eProposed = (Rating)r;
        }
    }
    if (stmt_state_parse(az[5] ? az[5] : "", &v->eState)) {
        v->eState = STMT_SUBMITTED;
    }
    v->zBy = thread_dup(az[6]);
    v->zAt = thread_dup(az[7]);
    return 0;
}

int
store_statement_threads(Store *s, const char *zPlan, Node *n, AppErr *err)
{
    for (size_t k = 0; k < n->nAssess; k++) {
        for (size_t i = 0; i < n->aAssess[k].nStmt; i++) {
            statement_release_thread(&n->aAssess[k].aStmt[i]);
        }
    }
    ThreadFill x = { n, STORE_STMT_PART_COMMENT };
    for (int k = 0; k < STORE_STMT_PART_COUNT; k++) {
        x.part = (StoreStmtPart)k;
        if (s->pMethods->xStmtScan(s, zPlan, n->zCode, x.part, thread_fill_row,
                                   &x, err)) {
            return -1;
        }
    }
    return 0;
}

int
store_statement_comment_add(Store *s, const char *zPlan, const char *zNode,
                            const char *zRound, const char *zOrg,
                            const char *zAuthor, Role eRole, const char *zText,
                            AppErr *err)
{
    const char *azKey[] = { zPlan, zNode, zRound, zOrg };
    const char *azVal[] = { zAuthor, role_name(eRole), zText };
    int bDone = 0;
    if (s->pMethods->xStmtAdd(s, STORE_STMT_PART_COMMENT, azKey, azVal, &bDone,
                              err)) {
        return -1;
    }
    if (!bDone) {
        return apperr_set(err, APPERR_NOTFOUND,
                          "%s has no statement on %s in round %s", zOrg, zNode,
                          zRound);
    }
    char zKey[4 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/%s/%s/%s", zPlan, zNode, zRound,
                   zOrg);
    return store_audit(s, "statement", zKey, "comment", zText, err);
}

int
store_statement_version_add(Store *s, const char *zPlan, const char *zNode,
                            const char *zRound, const char *zOrg, AppErr *err)
{
    const char *azKey[] = { zPlan, zNode, zRound, zOrg };
    const char *azVal[] = { "" };
    int bDone = 0;
    return s->pMethods->xStmtAdd(s, STORE_STMT_PART_VERSION, azKey, azVal,
                                 &bDone, err);
}

/* The audit key of organisation zOrg's statement on zNode in zRound. */
static void
thread_key(char *z, size_t n, const char *zPlan, const char *zNode,
           const char *zRound, const char *zOrg)
{
    (void)snprintf(z, n, "%s/%s/%s/%s", zPlan, zNode, zRound, zOrg);
}

int
store_attachment_add(Store *s, const char *zPlan, const char *zNode,
                     const char *zRound, const char *zOrg, const char *zName,
                     const char *zType, const void *p, size_t n, AppErr *err)
{
    const char *azKey[] = { zPlan, zNode, zRound, zOrg };
    char zSize[24];
    (void)snprintf(zSize, sizeof zSize, "%zu", n);
    char *zData = secret_base64(p, n);
    const char *azVal[] = { zName, zType, zSize, zData };
    int bDone = 0;
    int rc = s->pMethods->xStmtAdd(s, STORE_STMT_PART_ATTACHMENT, azKey, azVal,
                                   &bDone, err);
    free(zData);
    if (rc) {
        return -1;
    }
    if (!bDone) {
        return apperr_set(err, APPERR_NOTFOUND,
                          "%s has no statement on %s in round %s", zOrg, zNode,
                          zRound);
    }
    char zKey[4 * LIMIT_CODE_BYTES + 8];
    thread_key(zKey, sizeof zKey, zPlan, zNode, zRound, zOrg);
    return store_audit(s, "statement", zKey, "attachment", zName, err);
}

/* Fills a StoreAttachFile from xAttachRead's row. */
typedef struct AttachFill {
    StoreAttachFile *f;
    int bFound;
    int bBad; /* the bytes are not base64 */
} AttachFill;

static int
attach_fill_row(void *pArg, const char *const *az, int nVal)
{
    AttachFill *x = pArg;
    if (nVal < 8 || x->bFound) {
        return 0;
    }
    StoreAttachFile *f = x->f;
    f->zPlan = thread_dup(az[0]);
    f->zNode = thread_dup(az[1]);
    f->zRound = thread_dup(az[2]);
    f->zOrg = thread_dup(az[3]);
    f->zName = thread_dup(az[4]);
    f->zType = thread_dup(az[5]);
    f->zBy = thread_dup(az[7]);
    x->bFound = 1;
    x->bBad = secret_unbase64(az[6] ? az[6] : "", &f->pData, &f->nData) != 0;
    return 0;
}

int
store_attachment_read(Store *s, long iId, StoreAttachFile *f, int *pbFound,
                      AppErr *err)
{
    memset(f, 0, sizeof *f);
    AttachFill x = { f, 0, 0 };
    *pbFound = 0;
    if (s->pMethods->xAttachRead(s, iId, attach_fill_row, &x, err)) {
        store_attach_file_release(f);
        return -1;
    }
    if (x.bBad) {
        store_attach_file_release(f);
        return apperr_set(err, APPERR_INTERNAL,
                          "attachment %ld cannot be read back", iId);
    }
    *pbFound = x.bFound;
    return 0;
}

void
store_attach_file_release(StoreAttachFile *f)
{
    free(f->zPlan);
    free(f->zNode);
    free(f->zRound);
    free(f->zOrg);
    free(f->zName);
    free(f->zType);
    free(f->zBy);
    free(f->pData);
    memset(f, 0, sizeof *f);
}

int
store_attachment_delete(Store *s, long iId, const StoreAttachFile *f,
                        AppErr *err)
{
    int bDone = 0;
    if (s->pMethods->xAttachDelete(s, iId, &bDone, err)) {
        return -1;
    }
    if (!bDone) {
        return apperr_set(err, APPERR_NOTFOUND, "the file '%s' is gone",
                          f->zName);
    }
    char zKey[4 * LIMIT_CODE_BYTES + 8];
    thread_key(zKey, sizeof zKey, f->zPlan, f->zNode, f->zRound, f->zOrg);
    return store_audit(s, "statement", zKey, "attachment_removed", f->zName,
                       err);
}
