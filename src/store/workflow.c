/*
** workflow.c — round states and progress entry (see workflow.h).
*/
#include <stdlib.h>
#include <string.h>

#include "workflow.h"
#include "../base/base.h"
#include "../base/banned.h"

static int
wf_begin(Store *s, AppErr *err)
{
    return store_begin(s, err);
}

static int
wf_end(Store *s, int rc, AppErr *err)
{
    if (rc == 0) {
        return store_commit(s, err);
    }
    store_rollback(s);
    return rc;
}

int
workflow_open_round(Store *s, const Plan *p, const char *zRound,
                    const char *zTitle, const char *zAsOf, AppErr *err)
{
    const Round *old = plan_find_round(p, zRound);
    if (old && old->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT, "round '%s' is published and "
                          "locked", zRound);
    }
    if (!*zRound || strlen(zRound) >= LIMIT_CODE_BYTES) {
        return apperr_set(err, APPERR_INPUT, "a round needs a code of 1 to %u "
                          "bytes", LIMIT_CODE_BYTES - 1);
    }
    if (zAsOf && *zAsOf && !str_is_date(zAsOf)) {
        return apperr_set(err, APPERR_INPUT, "'%s' is not a date written "
                          "YYYY-MM-DD", zAsOf);
    }
    if (wf_begin(s, err)) {
        return -1;
    }
    Round r = { (char *)zRound, NULL, NULL, ROUND_OPEN };
    Buf title = BUF_INIT;
    if (zTitle && *zTitle) {
        buf_puts(&title, zTitle);
    } else if (old) {
        buf_puts(&title, old->zTitle);
    } else {
        buf_printf(&title, "%s review", zRound);
    }
    r.zTitle = (char *)buf_str(&title);
    r.zAsOf = (char *)(zAsOf && *zAsOf ? zAsOf : old ? old->zAsOf : NULL);
    int rc = store_put_round(s, p->zCode, &r, err);
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; rc == 0 && i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf || node_find_assessment(n, zRound)) {
            continue;
        }
        /* The latest earlier wording of the action point. */
        const char *zAction = n->zText;
        for (size_t k = 0; k < p->nRound; k++) {
            const Assessment *a = node_find_assessment(n, p->aRound[k].zCode);
            if (a && *a->zActionPoint && !str_eq(p->aRound[k].zCode, zRound)) {
                zAction = a->zActionPoint;
            }
        }
        Assessment a;
        memset(&a, 0, sizeof a);
        a.zRound = (char *)zRound;
        a.zActionPoint = (char *)zAction;
        a.zProgress = (char *)"";
        a.eRating = RATING_NONE;
        a.eState = ASSESS_DRAFT;
        rc = store_put_assessment(s, p->zCode, n->zCode, &a, err);
    }
    buf_release(&title);
    return wf_end(s, rc, err);
}

int
workflow_set_round_state(Store *s, const Plan *p, const char *zRound,
                         RoundState eState, AppErr *err)
{
    const Round *old = plan_find_round(p, zRound);
    if (!old) {
        return apperr_set(err, APPERR_NOTFOUND, "no round '%s'", zRound);
    }
    if (old->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT, "round '%s' is published and "
                          "locked", zRound);
    }
    int bOk = (old->eState == ROUND_DRAFT && eState == ROUND_OPEN) ||
              (old->eState == ROUND_OPEN && eState == ROUND_CLOSED) ||
              (old->eState == ROUND_CLOSED &&
               (eState == ROUND_OPEN || eState == ROUND_PUBLISHED)) ||
              old->eState == eState;
    if (!bOk) {
        return apperr_set(err, APPERR_CONFLICT, "round '%s' cannot go from %s "
                          "to %s (draft → open → closed → published)", zRound,
                          round_state_name(old->eState),
                          round_state_name(eState));
    }
    if (wf_begin(s, err)) {
        return -1;
    }
    Round r = *old;
    r.eState = eState;
    return wf_end(s, store_put_round(s, p->zCode, &r, err), err);
}

/* The assessment of zNode in zRound, with their node; errors name them. */
static const Assessment *
wf_find(const Plan *p, const char *zNode, const char *zRound,
        const Node **pNode, const Round **pRound, AppErr *err)
{
    long i = plan_find_node(p, zNode);
    *pRound = plan_find_round(p, zRound);
    if (i < 0 || p->aNode[i].iLevel != plan_leaf_level(p)) {
        apperr_set(err, APPERR_NOTFOUND, "no activity '%s'", zNode);
        return NULL;
    }
    if (!*pRound) {
        apperr_set(err, APPERR_NOTFOUND, "no round '%s'", zRound);
        return NULL;
    }
    *pNode = &p->aNode[i];
    const Assessment *a = node_find_assessment(*pNode, zRound);
    if (!a) {
        apperr_set(err, APPERR_NOTFOUND, "activity '%s' is not part of round "
                   "'%s'", zNode, zRound);
    }
    return a;
}

int
workflow_save_statement(Store *s, const Plan *p, const char *zNode,
                        const char *zRound, const char *zOrg,
                        const char *zText, Rating eProposed, int iVersion,
                        WorkflowAction eAction, AppErr *err)
{
    const Node *n;
    const Round *rd;
    const Assessment *a = wf_find(p, zNode, zRound, &n, &rd, err);
    if (!a) {
        return -1;
    }
    if (rd->eState != ROUND_OPEN) {
        return apperr_set(err, APPERR_CONFLICT, "round '%s' is %s: statements "
                          "can be entered only while it is open", zRound,
                          round_state_name(rd->eState));
    }
    int bLinked = 0;
    for (size_t k = 0; k < n->nResp; k++) {
        bLinked |= str_eq(n->azResp[k], zOrg);
    }
    for (size_t k = 0; k < n->nContrib; k++) {
        bLinked |= str_eq(n->azContrib[k], zOrg);
    }
    if (!bLinked) {
        return apperr_set(err, APPERR_CONFLICT, "%s is neither responsible for "
                          "nor contributing to activity %s", zOrg, zNode);
    }
    const Statement *old = assessment_find_statement(a, zOrg);
    if (old && old->eState == ASSESS_APPROVED) {
        return apperr_set(err, APPERR_CONFLICT, "%s's statement on %s is "
                          "approved and can no longer change", zOrg, zNode);
    }
    if (strlen(zText) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT, "the statement is longer than %u "
                          "bytes (LIMIT_FIELD_BYTES)", LIMIT_FIELD_BYTES);
    }
    Statement st;
    memset(&st, 0, sizeof st);
    st.zOrg = (char *)zOrg;
    st.zText = (char *)zText;
    st.eProposed = eProposed;
    st.eState = eAction == WF_SUBMIT ? ASSESS_SUBMITTED : ASSESS_DRAFT;
    st.zComment = old ? old->zComment : (char *)"";
    /* The form of a statement that did not exist yet carries version 0. */
    st.iVersion = iVersion > 0 ? iVersion : (old ? old->iVersion : 0);
    if (iVersion == 0 && old) {
        return apperr_set(err, APPERR_CONFLICT,
                          "%s's statement on %s was written by someone else "
                          "since you opened the page; your text is kept below: "
                          "compare and save again", zOrg, zNode);
    }
    if (wf_begin(s, err)) {
        return -1;
    }
    int rc = store_put_statement(s, p->zCode, zNode, zRound, &st, err);
    if (rc == 0 && eAction == WF_SUBMIT && a->eState == ASSESS_DRAFT) {
        Assessment na = *a;
        na.eState = ASSESS_SUBMITTED;
        na.iVersion = 0;
        rc = store_put_assessment(s, p->zCode, zNode, &na, err);
    }
    return wf_end(s, rc, err);
}

int
workflow_review(Store *s, const Plan *p, const char *zNode, const char *zRound,
                const char *zProgress, Rating eRating, int iVersion,
                WorkflowAction eAction, const char *zComment, AppErr *err)
{
    const Node *n;
    const Round *rd;
    const Assessment *a = wf_find(p, zNode, zRound, &n, &rd, err);
    if (!a) {
        return -1;
    }
    if (rd->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT, "round '%s' is published and "
                          "locked", zRound);
    }
    if (rd->eState == ROUND_DRAFT) {
        return apperr_set(err, APPERR_CONFLICT, "round '%s' is not open yet",
                          zRound);
    }
    if (strlen(zProgress) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT, "the narrative is longer than %u "
                          "bytes (LIMIT_FIELD_BYTES)", LIMIT_FIELD_BYTES);
    }
    if (eAction == WF_RETURN && !*zComment) {
        return apperr_set(err, APPERR_INPUT, "say what to change: a return "
                          "needs a comment");
    }
    if (eAction == WF_APPROVE && eRating == RATING_NONE) {
        return apperr_set(err, APPERR_INPUT, "set a rating before approving");
    }
    if (wf_begin(s, err)) {
        return -1;
    }
    Assessment na = *a;
    na.zProgress = (char *)zProgress;
    na.eRating = eRating;
    na.iVersion = iVersion > 0 ? iVersion : a->iVersion;
    if (eAction == WF_APPROVE) {
        na.eState = ASSESS_APPROVED;
    } else if (eAction == WF_RETURN) {
        na.eState = ASSESS_RETURNED;
    }
    int rc = store_put_assessment(s, p->zCode, zNode, &na, err);
    for (size_t k = 0; rc == 0 && k < a->nStmt; k++) {
        const Statement *old = &a->aStmt[k];
        if (old->eState != ASSESS_SUBMITTED ||
            (eAction != WF_APPROVE && eAction != WF_RETURN)) {
            continue;
        }
        Statement st = *old;
        st.eState = eAction == WF_APPROVE ? ASSESS_APPROVED : ASSESS_RETURNED;
        st.zComment = (char *)(eAction == WF_RETURN ? zComment : "");
        st.iVersion = 0;
        rc = store_put_statement(s, p->zCode, zNode, zRound, &st, err);
    }
    return wf_end(s, rc, err);
}
