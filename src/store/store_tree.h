/*
** store_tree.h — putting a plan's rows in order, for every backend's load.
**
** A backend reads a plan's nodes, links and assessments in whatever order
** its engine finds them cheapest (an ORDER BY over a national plan's
** narratives spilled to disk); these functions put them in the model's
** order: nodes in pre-order (siblings by position), links by node,
** responsible first, then position, assessments in the plan's round order.
*/
#ifndef LMPMON_STORE_TREE_H
#define LMPMON_STORE_TREE_H

#include <stddef.h>

#include "../core/model.h"

/* A node row as read, before it takes its place in pre-order. */
typedef struct StoreNodeRow {
    long long id, parentId, position;
    int depth;
    char *zCode, *zText, *zIndicator;
    char *zTextKm, *zIndicatorKm; /* NULL: not written in Khmer */
    char *zPred;                  /* the predecessor as "plan/code", or NULL */
} StoreNodeRow;

/* Maps a node id to its index in Plan.aNode. */
typedef struct StoreIdIndex {
    long long id;
    long i;
} StoreIdIndex;

/* A link as read, to be put in order: by node, responsible first, then
** by position. */
typedef struct StoreLinkRow {
    long iNode;
    int bResponsible;
    long long position;
    char *zOrg;
} StoreLinkRow;

/* qsort() comparisons: node rows by parent, then position; id index
** entries by id; links as said above. */
int store_tree_node_cmp(const void *a, const void *b);
int store_tree_id_cmp(const void *a, const void *b);
int store_tree_link_cmp(const void *a, const void *b);

/* The index in Plan.aNode of the node with this id (a sorted by id), -1
** if none. */
long store_tree_index_of(const StoreIdIndex *a, size_t n, long long id);

/* Append aRow[lo..hi) (siblings, the rows sorted with
** store_tree_node_cmp()) and their subtrees to p in pre-order under
** iParent, recording each node's id in aMap (p's node count entries).
** The rows' strings move to the nodes (set to NULL). */
void store_tree_emit(Plan *p, StoreNodeRow *aRow, size_t nRow, size_t lo,
                     size_t hi, long iParent, StoreIdIndex *aMap);

/* Sort n's assessments into p's round order (p's rounds sorted). */
void store_tree_sort_assessments(const Plan *p, Node *n);

/* The rounds of p (its rounds loaded and in order) whose assessments a
** load of scope reads: NULL when every round's (no scope->azRound, or one
** node), else a heap array of p's round codes in *pn — those scope names
** and, with bRoundBefore, the round before each in as-of order. */
#include "store.h"
const char **store_tree_scope_rounds(const StoreScope *scope, const Plan *p,
                                     size_t *pn);

#endif
