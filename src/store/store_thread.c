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
