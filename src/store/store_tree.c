/*
** store_tree.c — putting a plan's rows in order (see store_tree.h).
*/
#include <stdlib.h>
#include <string.h>

#include "store_tree.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Position of round zCode in p's sorted rounds (nRound if absent). */
static size_t
tree_round_pos(const Plan *p, const char *zCode)
{
    for (size_t k = 0; k < p->nRound; k++) {
        if (str_eq(p->aRound[k].zCode, zCode)) {
            return k;
        }
    }
    return p->nRound;
}

/* Sort n's assessments into p's round order (insertion sort: a node has
** one assessment per round, a handful). */
void
store_tree_sort_assessments(const Plan *p, Node *n)
{
    for (size_t i = 1; i < n->nAssess; i++) {
        Assessment x = n->aAssess[i];
        size_t pos = tree_round_pos(p, x.zRound);
        size_t j = i;
        while (j > 0 && tree_round_pos(p, n->aAssess[j - 1].zRound) > pos) {
            n->aAssess[j] = n->aAssess[j - 1];
            j--;
        }
        n->aAssess[j] = x;
    }
}

int
store_tree_node_cmp(const void *a, const void *b)
{
    const StoreNodeRow *x = a, *y = b;
    if (x->parentId != y->parentId) {
        return x->parentId < y->parentId ? -1 : 1;
    }
    return x->position < y->position ? -1 : x->position > y->position;
}

int
store_tree_id_cmp(const void *a, const void *b)
{
    const StoreIdIndex *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

long
store_tree_index_of(const StoreIdIndex *a, size_t n, long long id)
{
    StoreIdIndex key = { id, -1 };
    const StoreIdIndex *p = bsearch(&key, a, n, sizeof *a, store_tree_id_cmp);
    return p ? p->i : -1;
}

/* Append rows[lo..hi) (siblings, sorted) and their subtrees in pre-order. */
void
store_tree_emit(Plan *p, StoreNodeRow *aRow, size_t nRow, size_t lo, size_t hi,
                long iParent, StoreIdIndex *aMap)
{
    for (size_t k = lo; k < hi; k++) {
        StoreNodeRow *r = &aRow[k];
        long iSelf = (long)p->nNode;
        Node *n = plan_add_node(p);
        n->zCode = r->zCode;
        n->zText = r->zText;
        n->zIndicator = r->zIndicator;
        n->zTextKm = r->zTextKm;
        n->zIndicatorKm = r->zIndicatorKm;
        if (r->zPred) {
            /* Codes hold no '/' (store_audit.c refuses them). */
            const char *zSlash = strchr(r->zPred, '/');
            if (zSlash) {
                n->zPredPlan = xstrndup(r->zPred, (size_t)(zSlash - r->zPred));
                n->zPredCode = xstrdup(zSlash + 1);
            }
            free(r->zPred);
            r->zPred = NULL;
        }
        n->iLevel = r->depth;
        n->iParent = iParent;
        r->zCode = r->zText = r->zIndicator = NULL;
        r->zTextKm = r->zIndicatorKm = NULL;
        aMap[iSelf].id = r->id;
        aMap[iSelf].i = iSelf;
        /* Children of r form one run in the sorted rows. */
        StoreNodeRow key = {
            0, r->id, -1, 0, NULL, NULL, NULL, NULL, NULL, NULL
        };
        size_t a = 0, b = nRow;
        while (a < b) {
            size_t mid = (a + b) / 2;
            if (store_tree_node_cmp(&aRow[mid], &key) < 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        size_t end = a;
        while (end < nRow && aRow[end].parentId == r->id) {
            end++;
        }
        if (end > a) {
            store_tree_emit(p, aRow, nRow, a, end, iSelf, aMap);
        }
    }
}

int
store_tree_link_cmp(const void *pa, const void *pb)
{
    const StoreLinkRow *a = pa, *b = pb;
    if (a->iNode != b->iNode) {
        return a->iNode < b->iNode ? -1 : 1;
    }
    if (a->bResponsible != b->bResponsible) {
        return a->bResponsible ? -1 : 1;
    }
    return a->position < b->position ? -1 : a->position > b->position;
}

const char **
store_tree_scope_rounds(const StoreScope *scope, const Plan *p, size_t *pn)
{
    *pn = 0;
    if (!scope->azRound || scope->zNode) {
        return NULL;
    }
    const char **azRound = xcalloc(2 * scope->nRound + 1, sizeof *azRound);
    for (size_t r = 0; r < p->nRound; r++) {
        int bWant = 0;
        for (size_t k = 0; k < scope->nRound && !bWant; k++) {
            bWant = str_eq(p->aRound[r].zCode, scope->azRound[k]) ||
                    (scope->bRoundBefore && r + 1 < p->nRound &&
                     str_eq(p->aRound[r + 1].zCode, scope->azRound[k]));
        }
        if (bWant) {
            azRound[(*pn)++] = p->aRound[r].zCode;
        }
    }
    return azRound;
}
