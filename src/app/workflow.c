/*
** workflow.c — the review round's use cases (see workflow.h).
**
** Each function: begin, read inside the transaction, check core's rules,
** write with the versions read, end.  Nothing is checked against data read
** before the transaction began.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "workflow.h"
#include "app.h"
#include "inbox.h"
#include "../core/orgdir.h"
#include "../core/review.h"
#include "../core/attach.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* Create the draft assessments of round zRound for every activity of p
** that has none: the action point is the latest earlier wording (in the
** plan it carries on from, for the first round of a plan made from
** another), followed by the priorities of earlier reviews that concern the
** activity and are not done (core/recommend.h), for the M&E officer to
** work into next year's action point. */
/* The plan an activity carries on from (plan succession), read once for
** the round being filled: its latest action points and the priorities of
** its reviews carry over into the new plan's first round. */
typedef struct WfPred {
    char *zPlan; /* the plan read, or NULL */
    Model m;
    const Plan *p;
    RecSet recs;
} WfPred;

static void
wf_pred_release(WfPred *x)
{
    if (x->zPlan) {
        rec_set_release(&x->recs);
    }
    model_release(&x->m);
    free(x->zPlan);
    memset(x, 0, sizeof *x);
}

/* The node n carries on, in x (plan zPredPlan read into it if it is not
** the one there), or NULL. */
static const Node *
wf_pred_node(Store *s, WfPred *x, const Node *n, AppErr *err, int *pRc)
{
    if (!n->zPredPlan || !n->zPredCode) {
        return NULL;
    }
    if (!x->zPlan || !str_eq(x->zPlan, n->zPredPlan)) {
        wf_pred_release(x);
        x->m = (Model)MODEL_INIT;
        x->zPlan = xstrdup(n->zPredPlan);
        *pRc = store_load(s, n->zPredPlan, &x->m, err) ||
               store_rec_list(s, n->zPredPlan, &x->recs, err);
        x->p = *pRc ? NULL : model_find_plan(&x->m, n->zPredPlan);
    }
    long i = x->p ? plan_lookup_node(x->p, n->zPredCode) : -1;
    return i < 0 ? NULL : &x->p->aNode[i];
}

/* The latest action point of n in p's rounds but zRound, or NULL. */
static const char *
wf_latest_action(const Plan *p, const Node *n, const char *zRound)
{
    const char *zAction = NULL;
    for (size_t k = 0; k < p->nRound; k++) {
        const Assessment *a = node_find_assessment(n, p->aRound[k].zCode);
        if (a && *a->zActionPoint && !str_eq(p->aRound[k].zCode, zRound)) {
            zAction = a->zActionPoint;
        }
    }
    return zAction;
}

static int
wf_fill_round(Store *s, const Plan *p, const char *zRound, AppErr *err)
{
    int iLeaf = plan_leaf_level(p);
    RecSet recs;
    int rc = store_rec_list(s, p->zCode, &recs, err);
    WfPred pred;
    memset(&pred, 0, sizeof pred);
    Buf draft = BUF_INIT, prio = BUF_INIT;
    for (size_t i = 0; rc == 0 && i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel != iLeaf || node_find_assessment(n, zRound)) {
            continue;
        }
        const char *zAction = wf_latest_action(p, n, zRound);
        /* The first round of a plan made from another: the activity it
        ** carries on goes on from where it was, with its open priorities. */
        const Node *q = zAction ? NULL : wf_pred_node(s, &pred, n, err, &rc);
        if (rc) {
            break;
        }
        if (q) {
            zAction = wf_latest_action(pred.p, q, zRound);
        }
        if (!zAction) {
            zAction = n->zText;
        }
        buf_reset(&prio);
        buf_reset(&draft);
        buf_append(&draft, zAction, rec_draft_wording_len(zAction));
        if (rec_priorities_for(p, n, &recs, zRound, &prio) ||
            (q && rec_priorities_for(pred.p, q, &pred.recs, zRound, &prio))) {
            buf_printf(&draft, "\n\n%s", buf_str(&prio));
        }
        zAction = buf_str(&draft);
        Assessment a;
        memset(&a, 0, sizeof a);
        a.zRound = xstrdup(zRound);
        a.zActionPoint = xstrdup(zAction);
        a.zProgress = xstrdup("");
        a.eRating = RATING_NONE;
        a.eState = ASSESS_DRAFT;
        rc = store_assessment_put(s, p->zCode, n->zCode, &a, 0, err);
        assessment_release(&a);
    }
    buf_release(&draft);
    buf_release(&prio);
    rec_set_release(&recs);
    wf_pred_release(&pred);
    return rc;
}

int
workflow_open_round(Store *s, const Actor *who, const char *zPlan,
                    const char *zRound, const char *zTitle, const char *zAsOf,
                    const char *zDue, int bMustBeNew, AppErr *err)
{
    if (rules_due_check(zDue, err)) {
        return -1;
    }
    if (!*zRound || strlen(zRound) >= LIMIT_CODE_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("a round needs a code of 1 to %u "
                            "bytes"),
                          LIMIT_CODE_BYTES - 1);
    }
    if (zAsOf && *zAsOf && !str_is_date(zAsOf)) {
        return apperr_set(err, APPERR_INPUT,
                          _("'%s' is not a date written "
                            "YYYY-MM-DD"),
                          zAsOf);
    }
    if (zTitle && strlen(zTitle) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT, _("the title is too long"));
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    Buf title = BUF_INIT;
    int rc = store_load(s, zPlan, &m, err);
    Plan *p = rc ? NULL : app_plan(&m, zPlan, err);
    const Round *old = p ? plan_find_round(p, zRound) : NULL;
    if (!p) {
        rc = -1;
    } else if (bMustBeNew && old) {
        rc = apperr_set(err, APPERR_CONFLICT, _("round '%s' exists already"),
                        zRound);
    } else {
        rc = rules_round_may_move(who, old, ROUND_OPEN, err);
    }
    if (rc == 0) {
        Round r = { .zCode = xstrdup(zRound), .eState = ROUND_OPEN };
        if (zTitle && *zTitle) {
            buf_puts(&title, zTitle);
        } else if (old) {
            buf_puts(&title, old->zTitle);
        } else {
            buf_printf(&title, "%s review", zRound);
        }
        r.zTitle = buf_detach(&title);
        r.zAsOf = xstrdup(zAsOf && *zAsOf ? zAsOf : old ? old->zAsOf : NULL);
        rc = store_round_put(s, p->zCode, &r, err) ||
             (zDue && *zDue &&
              store_round_due_put(s, p->zCode, zRound, zDue, err)) ||
             wf_fill_round(s, p, zRound, err) ||
             inbox_tell(s, who, NOTE_ROUND_OPENED, p->zCode, zRound, "", "",
                        err);
        round_release(&r);
    }
    buf_release(&title);
    model_release(&m);
    return app_end(s, rc, err);
}

/* Begin who's transaction and load plan zPlan's rounds (no activity) and
** the directory inside it; *pp and *prd the plan and round zRound.
** Whatever it returns, model_release(m) and app_end(). */
static int
wf_begin_round(Store *s, const Actor *who, const char *zPlan,
               const char *zRound, Model *m, Plan **pp, const Round **prd,
               AppErr *err)
{
    *pp = NULL;
    *prd = NULL;
    if (app_begin(s, who, err)) {
        return -2; /* nothing begun */
    }
    /* Rounds only: no node is named "", so no activity is read. */
    if (store_load_node(s, zPlan, "", m, err)) {
        return -1;
    }
    *pp = app_plan(m, zPlan, err);
    if (!*pp) {
        return -1;
    }
    *prd = plan_find_round(*pp, zRound);
    if (!*prd) {
        return apperr_set(err, APPERR_NOTFOUND, _("no round '%s'"), zRound);
    }
    return 0;
}

int
workflow_set_round_state(Store *s, const Actor *who, const char *zPlan,
                         const char *zRound, RoundState eState, AppErr *err)
{
    /* Opening (or reopening) gives every activity its draft assessment:
    ** one use case does that, whichever way a round is opened. */
    if (eState == ROUND_OPEN) {
        return workflow_open_round(s, who, zPlan, zRound, NULL, NULL, NULL, 0,
                                   err);
    }
    Model m = MODEL_INIT;
    Plan *p;
    const Round *old;
    int rc = wf_begin_round(s, who, zPlan, zRound, &m, &p, &old, err);
    if (rc == -2) {
        return -1;
    }
    if (rc == 0) {
        rc = rules_round_may_move(who, old, eState, err);
    }
    if (rc == 0) {
        Round r = *old;
        r.eState = eState;
        rc = store_round_put(s, p->zCode, &r, err);
        if (rc == 0 && eState == ROUND_PUBLISHED) {
            rc = inbox_tell(s, who, NOTE_ROUND_PUBLISHED, p->zCode, zRound, "",
                            "", err);
        }
    }
    model_release(&m);
    return app_end(s, rc, err);
}

/* The audit trail's field of a correction's reason (workflow_correct_round()). */
#define WF_CORRECTION "correction"

int
workflow_correct_round(Store *s, const Actor *who, const char *zPlan,
                       const char *zRound, const char *zReason, AppErr *err)
{
    Model m = MODEL_INIT;
    Plan *p;
    const Round *old;
    int rc = wf_begin_round(s, who, zPlan, zRound, &m, &p, &old, err);
    if (rc == -2) {
        return -1;
    }
    if (rc == 0) {
        rc = rules_round_may_correct(who, old, zReason, err);
    }
    if (rc == 0) {
        Round r = *old;
        r.eState = ROUND_CLOSED;
        rc = store_round_put(s, p->zCode, &r, err);
        Buf key = BUF_INIT;
        buf_printf(&key, "%s/%s", p->zCode, zRound);
        if (rc == 0) {
            rc = store_audit_append(s, "update", "round", buf_str(&key),
                                    WF_CORRECTION, NULL, zReason, err);
        }
        buf_release(&key);
    }
    model_release(&m);
    return app_end(s, rc, err);
}

int
workflow_round_amendments(Store *s, const char *zPlan, const char *zRound,
                          char ***pazOut, size_t *pnOut, AppErr *err)
{
    *pazOut = NULL;
    *pnOut = 0;
    if (store_begin_read(s, err)) {
        return -1;
    }
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/%s", zPlan, zRound);
    AuditEntry *a = NULL;
    size_t n = 0;
    int rc = store_audit_list(s, buf_str(&key), &a, &n, err);
    store_end_read(s);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (!str_eq(a[i].zEntity, "round") ||
            !str_eq(a[i].zKey, buf_str(&key)) || !a[i].zField ||
            !str_eq(a[i].zField, WF_CORRECTION)) {
            continue;
        }
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(a[i].zAt, zWhen, sizeof zWhen);
        Buf line = BUF_INIT;
        buf_printf(&line, _("Amended after publication on %s by %s: %s"), zWhen,
                   a[i].zActor, a[i].zNew ? a[i].zNew : "");
        strv_push(pazOut, pnOut, buf_str(&line));
        buf_release(&line);
    }
    audit_free(a, n);
    buf_release(&key);
    return rc;
}

/* Whether z (a chapter's text in language zLang) is in the Markdown
** subset; APPERR_INPUT naming the chapter, the language and the line. */
static int
wf_chapter_check(const char *z, ChapterKind eKind, const char *zLang,
                 AppErr *err)
{
    MdDoc d;
    if (!z) {
        return 0;
    }
    if (md_parse(z, &d, err)) {
        /* TRANSLATORS: %1$s a chapter's heading ("Findings"), %2$s a
        ** language ("English text", "Khmer text"). */
        return apperr_prefix(err, _("cannot save chapter '%s' (%s)"),
                             chapter_kind_label(eKind), zLang);
    }
    md_doc_release(&d);
    return 0;
}

int
workflow_save_chapter(Store *s, const Actor *who, const char *zPlan,
                      const char *zRound, ChapterKind eKind, const char *zText,
                      const char *zTextKm, int iVersion, AppErr *err)
{
    if (wf_chapter_check(zText, eKind, _("English text"), err) ||
        wf_chapter_check(zTextKm, eKind, _("Khmer text"), err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    Plan *p;
    const Round *rd;
    int rc = wf_begin_round(s, who, zPlan, zRound, &m, &p, &rd, err);
    if (rc == -2) {
        return -1;
    }
    if (rc == 0) {
        rc = rules_chapter_may_write(who, rd, err);
    }
    const RoundChapter *old = rc == 0 ? round_chapter(rd, eKind) : NULL;
    int iNow = old ? old->iVersion : 0;
    if (rc == 0 && iVersion >= 0 && iVersion != iNow) {
        char zWhen[STR_TIME_LOCAL_BYTES] = "";
        if (old && old->zAt) {
            str_time_local(old->zAt, zWhen, sizeof zWhen);
        }
        /* TRANSLATORS: %1$s a chapter's heading, %2$s a round's code,
        ** %3$s an account, %4$s a date and time. */
        rc = apperr_set(err, APPERR_CONFLICT,
                        _("chapter '%s' of round %s was saved by %s on %s "
                          "since you opened it; your text is kept below: "
                          "compare and save again"),
                        chapter_kind_label(eKind), rd->zCode,
                        old && old->zBy ? old->zBy : "?", zWhen);
    }
    if (rc == 0) {
        const char *zKm = zTextKm ? zTextKm : old ? old->zTextKm : NULL;
        RoundChapter c = {
            .eKind = eKind,
            .zText = xstrdup(zText ? zText
                             : old ? old->zText
                                   : ""),
            .zTextKm = zKm ? xstrdup(zKm) : NULL,
            .iVersion = iNow,
        };
        rc = store_round_chapter_put(s, p->zCode, rd->zCode, &c, err);
        free(c.zText);
        free(c.zTextKm);
    }
    model_release(&m);
    return app_end(s, rc, err);
}

int
workflow_set_round_due(Store *s, const Actor *who, const char *zPlan,
                       const char *zRound, const char *zDue,
                       const char *zWasDue, AppErr *err)
{
    if (rules_due_check(zDue, err)) {
        return -1;
    }
    Model m = MODEL_INIT;
    Plan *p;
    const Round *rd;
    int rc = wf_begin_round(s, who, zPlan, zRound, &m, &p, &rd, err);
    if (rc == -2) {
        return -1;
    }
    if (rc == 0) {
        rc = rules_round_may_schedule(who, rd, err);
    }
    if (rc == 0 && zWasDue && !str_eq(zWasDue, rd->zDue ? rd->zDue : "")) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        _("the due date of round '%s' was changed by someone "
                          "else to %s since you opened the page; nothing was "
                          "saved: look at it again"),
                        zRound, rd->zDue ? rd->zDue : _("none"));
    }
    if (rc == 0) {
        rc = store_round_due_put(s, p->zCode, zRound,
                                 zDue && *zDue ? zDue : NULL, err);
    }
    /* The reminders of the old date go, except those of organisations
    ** whose own extension still holds. */
    if (rc == 0 && rd->nExt == 0) {
        rc = store_note_withdraw(s, p->zCode, zRound, NULL, err);
    }
    for (size_t i = 0; rc == 0 && rd->nExt && i < m.nOrg; i++) {
        const char *zOrg = m.aOrg[i].zAcronym;
        if (!review_org_ext(rd, zOrg)) {
            rc = store_note_withdraw(s, p->zCode, zRound, zOrg, err);
        }
    }
    model_release(&m);
    return app_end(s, rc, err);
}

int
workflow_extend(Store *s, const Actor *who, const char *zPlan,
                const char *zRound, const char *zOrg, const char *zDue,
                const char *zReason, int iVersion, AppErr *err)
{
    Model m = MODEL_INIT;
    Plan *p;
    const Round *rd;
    int rc = wf_begin_round(s, who, zPlan, zRound, &m, &p, &rd, err);
    if (rc == -2) {
        return -1;
    }
    if (rc == 0 && zOrg && *zOrg) {
        /* The organisation as people name it (acronym, alias or full
        ** name), kept by its acronym. */
        OrgDir *d = orgdir_new(&m);
        const Org *o = orgdir_resolve(d, zOrg);
        if (o) {
            zOrg = o->zAcronym;
        } else {
            Buf sugg = BUF_INIT;
            orgdir_suggest(d, zOrg, 3, &sugg);
            if (sugg.n) {
                rc = apperr_set(err, APPERR_NOTFOUND,
                                _("no organisation '%s' in the directory "
                                  "(closest: %s)"),
                                zOrg, buf_str(&sugg));
            }
            buf_release(&sugg);
        }
        orgdir_free(d);
    }
    if (rc == 0) {
        rc = rules_extension_may(who, &m, rd, zOrg, zDue, zReason, err);
    }
    if (rc == 0) {
        const RoundExt *old = review_org_ext(rd, zOrg);
        const char *zWhy = zReason && *zReason ? zReason
                           : old               ? old->zReason
                                               : "";
        RoundExt e = { .zOrg = xstrdup(zOrg),
                       .zDue = zDue ? xstrdup(zDue) : NULL,
                       .zReason = xstrdup(zWhy),
                       .iVersion = iVersion >= 0 ? iVersion
                                   : old         ? old->iVersion
                                                 : 0 };
        rc = store_round_ext_put(s, p->zCode, zRound, &e, err) ||
             store_note_withdraw(s, p->zCode, zRound, zOrg, err);
        free(e.zOrg);
        free(e.zDue);
        free(e.zReason);
    }
    model_release(&m);
    return app_end(s, rc, err);
}

/* One activity as a use case reads it inside its transaction. */
typedef struct WfActivity {
    Model m; /* the plan with only this activity */
    Plan *p;
    Node *n;
    const Round *rd;
    Assessment *a; /* its assessment in the round */
} WfActivity;

/* Begin who's transaction and load activity zNode with its assessment in
** zRound inside it; errors name what is missing.  Whatever it returns,
** end with wf_end(). */
static int
wf_begin(Store *s, const Actor *who, const char *zPlan, const char *zNode,
         const char *zRound, WfActivity *x, AppErr *err)
{
    memset(x, 0, sizeof *x);
    if (app_begin(s, who, err)) {
        return -1;
    }
    if (store_load_node(s, zPlan, zNode, &x->m, err)) {
        return -1;
    }
    Plan *p = app_plan(&x->m, zPlan, err);
    if (!p) {
        return -1;
    }
    if (p->nNode != 1 || p->aNode[0].iLevel != plan_leaf_level(p)) {
        return apperr_set(err, APPERR_NOTFOUND, _("no activity '%s'"), zNode);
    }
    x->rd = plan_find_round(p, zRound);
    if (!x->rd) {
        return apperr_set(err, APPERR_NOTFOUND, _("no round '%s'"), zRound);
    }
    Node *n = &p->aNode[0];
    for (size_t k = 0; k < n->nAssess; k++) {
        if (str_eq(n->aAssess[k].zRound, zRound)) {
            x->a = &n->aAssess[k];
        }
    }
    if (!x->a) {
        return apperr_set(err, APPERR_NOTFOUND,
                          _("activity '%s' is not part of "
                            "round '%s'"),
                          zNode, zRound);
    }
    x->p = p;
    x->n = n;
    return 0;
}

/* Commit (rc 0) or roll back, and free what wf_begin() loaded. */
static int
wf_end(Store *s, WfActivity *x, int rc, AppErr *err)
{
    model_release(&x->m);
    return app_end(s, rc, err);
}

int
workflow_save_statement(Store *s, const Actor *who, const StatementEdit *e,
                        AppErr *err)
{
    if (e->eAction != WF_SAVE && e->eAction != WF_SUBMIT) {
        return apperr_set(err, APPERR_INPUT,
                          _("a statement is saved or "
                            "submitted"));
    }
    WfActivity x;
    int rc = wf_begin(s, who, e->zPlan, e->zNode, e->zRound, &x, err);
    Plan *p = x.p;
    Node *n = x.n;
    const Round *rd = x.rd;
    Assessment *a = x.a;
    const Statement *old =
        rc == 0 ? assessment_find_statement(a, who->zOrg) : NULL;
    if (rc == 0) {
        rc = rules_statement_may_write(who, n, rd, old, e->zText, e->iVersion,
                                       err);
    }
    if (rc == 0) {
        Statement st;
        memset(&st, 0, sizeof st);
        st.zOrg = xstrdup(who->zOrg);
        st.zText = xstrdup(e->zText);
        st.eProposed = e->eProposed;
        st.eState = rules_statement_after_write(
            old != NULL, old ? old->eState : STMT_DRAFT, e->eAction);
        st.zComment = xstrdup(""); /* comments are the thread's */
        st.iVersion = old ? old->iVersion : 0;
        rc = store_statement_put(s, p->zCode, n->zCode, rd->zCode, &st, err);
        /* The officers hear of a submission with it. */
        if (rc == 0 && e->eAction == WF_SUBMIT) {
            rc = inbox_tell(s, who,
                            st.eState == STMT_RESUBMITTED ? NOTE_RESUBMITTED
                                                          : NOTE_SUBMITTED,
                            p->zCode, rd->zCode, n->zCode, who->zOrg, err);
        }
        statement_release(&st);
    }
    /* Each submission is kept, so the officer sees what changed. */
    if (rc == 0 && e->eAction == WF_SUBMIT) {
        rc = store_statement_version_add(s, p->zCode, n->zCode, rd->zCode,
                                         who->zOrg, err);
    }
    /* What the officer reviews changed — a statement submitted, or a
    ** submitted one taken back to draft: the activity's version moves, so a
    ** review form built before cannot approve what is no longer there. */
    if (rc == 0 && (e->eAction == WF_SUBMIT || rules_statement_waiting(old))) {
        Assessment na = *a;
        if (e->eAction == WF_SUBMIT) {
            na.eState = rules_state_after_submit(a->eState);
        }
        rc = store_assessment_put(s, p->zCode, n->zCode, &na, STORE_BUMP, err);
    }
    return wf_end(s, &x, rc, err);
}

/* One review action on statement old (as read in this transaction) of
** activity n in round rd: its comment, if any, first (written on the
** version the officer read), then its new state, conditional on that
** version (a statement resubmitted in between is a conflict, in the SQL
** too); a comment alone changes no state. */
static int
wf_statement_act(Store *s, const Actor *who, const Plan *p, const Node *n,
                 const Round *rd, const Statement *old, StmtAction eAct,
                 const char *zComment, AppErr *err)
{
    int rc = 0;
    if (*zComment) {
        rc = store_statement_comment_add(s, p->zCode, n->zCode, rd->zCode,
                                         old->zOrg, who->zName, who->eRole,
                                         zComment, err);
    }
    if (rc == 0 && eAct != STMT_ACT_COMMENT) {
        Statement st = *old;
        st.eState = rules_statement_after_review(old->eState, eAct);
        char zNone[1] = "";
        st.zComment = zNone;
        rc = store_statement_put(s, p->zCode, n->zCode, rd->zCode, &st, err);
        /* The organisation's reporters hear of the officer's answer. */
        if (rc == 0 && (eAct == STMT_ACT_ACCEPT || eAct == STMT_ACT_RETURN)) {
            rc = inbox_tell(
                s, who, eAct == STMT_ACT_ACCEPT ? NOTE_ACCEPTED : NOTE_RETURNED,
                p->zCode, rd->zCode, n->zCode, old->zOrg, err);
        }
    }
    return rc;
}

int
workflow_review(Store *s, const Actor *who, const ReviewEdit *e, AppErr *err)
{
    WfActivity x;
    int rc = wf_begin(s, who, e->zPlan, e->zNode, e->zRound, &x, err);
    Plan *p = x.p;
    Node *n = x.n;
    const Round *rd = x.rd;
    Assessment *a = x.a;
    /* Approving checks the narrative against the statements' versions. */
    if (rc == 0 && e->eAction == WF_APPROVE) {
        rc = store_statement_threads(s, p->zCode, n, err);
    }
    if (rc == 0) {
        rc = rules_review_may(who, e->zNode, rd, a, e->iVersion, e->eAction,
                              e->zProgress, e->eRating, e->zComment, err);
    }
    if (rc == 0) {
        /* The assessment as read with the officer's progress (a copy:
        ** the assessment's strings are its own). */
        Assessment na = *a;
        char *zProgress = xstrdup(e->zProgress);
        na.zProgress = zProgress;
        na.eRating = e->eRating;
        if (e->eAction == WF_APPROVE) {
            na.eState = ASSESS_APPROVED;
        } else if (e->eAction == WF_RETURN) {
            na.eState = ASSESS_RETURNED;
        }
        rc = store_assessment_put(s, p->zCode, n->zCode, &na, 0, err);
        free(zProgress);
    }
    /* Approving the activity accepts the statements waiting for the
    ** officer, as the form showed them (the assessment's version guards
    ** that); returning it returns them, the comment going to each one's
    ** thread.  workflow_review_statement() does one statement. */
    for (size_t k = 0; rc == 0 && k < a->nStmt; k++) {
        const Statement *old = &a->aStmt[k];
        if (!rules_statement_waiting(old) ||
            (e->eAction != WF_APPROVE && e->eAction != WF_RETURN)) {
            continue;
        }
        StmtAction eAct =
            e->eAction == WF_APPROVE ? STMT_ACT_ACCEPT : STMT_ACT_RETURN;
        rc = wf_statement_act(s, who, p, n, rd, old, eAct,
                              eAct == STMT_ACT_RETURN ? e->zComment : "", err);
    }
    return wf_end(s, &x, rc, err);
}

int
workflow_review_statement(Store *s, const Actor *who, const StmtReviewEdit *e,
                          AppErr *err)
{
    WfActivity x;
    int rc = wf_begin(s, who, e->zPlan, e->zNode, e->zRound, &x, err);
    const Statement *old =
        rc == 0 ? assessment_find_statement(x.a, e->zOrg) : NULL;
    if (rc == 0 && !old) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        _("%s has no statement on %s in round %s"), e->zOrg,
                        e->zNode, e->zRound);
    }
    if (rc == 0) {
        rc = rules_statement_may_review(who, x.n, x.rd, old, e->iVersion,
                                        e->eAction, e->zComment, err);
    }
    if (rc == 0) {
        rc = wf_statement_act(s, who, x.p, x.n, x.rd, old, e->eAction,
                              e->zComment, err);
    }
    if (rc == 0 && e->eAction != STMT_ACT_COMMENT) {
        /* What the activity's review form showed changed: its version
        ** moves, so it cannot approve on a stale picture. */
        rc = store_assessment_put(s, x.p->zCode, x.n->zCode, x.a, STORE_BUMP,
                                  err);
    }
    return wf_end(s, &x, rc, err);
}

int
workflow_activity_threads(Store *s, const Actor *who, const char *zPlan,
                          const char *zNode, Model *m, Node **ppNode,
                          AppErr *err)
{
    *ppNode = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_load_activity(s, zPlan, zNode, m, err);
    Plan *p = rc ? NULL : app_plan(m, zPlan, err);
    if (!p) {
        rc = -1;
    } else if (p->nNode == 1 && p->aNode[0].iLevel == plan_leaf_level(p)) {
        *ppNode = &p->aNode[0];
        rc = store_statement_threads(s, p->zCode, *ppNode, err);
    }
    store_end_read(s);
    /* What who may not see goes: another organisation's statements for a
    ** reporter, threads and versions for who reads none. */
    for (size_t k = 0; rc == 0 && *ppNode && k < (*ppNode)->nAssess; k++) {
        Assessment *a = &(*ppNode)->aAssess[k];
        size_t nKeep = 0;
        for (size_t i = 0; i < a->nStmt; i++) {
            Statement *st = &a->aStmt[i];
            if (who->eRole == ROLE_REPORTER &&
                !rules_statement_may_read(who, st->zOrg)) {
                statement_release(st);
                continue;
            }
            if (!rules_statement_may_read(who, st->zOrg)) {
                statement_release_thread(st);
            }
            a->aStmt[nKeep++] = *st;
        }
        a->nStmt = nKeep;
    }
    return rc;
}

void
workflow_narrative_draft(const Assessment *a, int bWaiting, Buf *b)
{
    size_t n0 = b->n;
    for (size_t k = 0; k < a->nStmt; k++) {
        const Statement *st = &a->aStmt[k];
        if ((st->eState != STMT_ACCEPTED &&
             !(bWaiting && rules_statement_waiting(st))) ||
            !*st->zText) {
            continue;
        }
        /* "MOLVT: text", unless the text names its organisation first
        ** already ("MOLVT trained ..."). */
        size_t nOrg = strlen(st->zOrg);
        int bNamed = strncmp(st->zText, st->zOrg, nOrg) == 0 &&
                     !isalnum((unsigned char)st->zText[nOrg]);
        buf_printf(b, "%s%s%s%s", b->n > n0 ? "\n\n" : "",
                   bNamed ? "" : st->zOrg, bNamed ? "" : ": ", st->zText);
    }
}

/* who's organisation's statement of x's activity, with its attachments
** (read inside x's transaction), or NULL when it has none. */
static const Statement *
wf_statement_files(Store *s, WfActivity *x, const char *zOrg, int *pRc,
                   AppErr *err)
{
    *pRc = store_statement_threads(s, x->p->zCode, x->n, err);
    return *pRc ? NULL : assessment_find_statement(x->a, zOrg ? zOrg : "");
}

int
workflow_attach(Store *s, const Actor *who, const AttachEdit *e, AppErr *err)
{
    WfActivity x;
    int rc = wf_begin(s, who, e->zPlan, e->zNode, e->zRound, &x, err);
    const Statement *st =
        rc == 0 ? wf_statement_files(s, &x, who->zOrg, &rc, err) : NULL;
    if (rc == 0) {
        const char *zType = attach_type_of(e->p, e->n);
        rc = rules_attachment_may_add(who, x.n, x.rd, st, e->zName, zType, e->n,
                                      err);
        if (rc == 0) {
            rc = store_attachment_add(s, x.p->zCode, x.n->zCode, x.rd->zCode,
                                      who->zOrg, e->zName, zType, e->p, e->n,
                                      err);
        }
    }
    return wf_end(s, &x, rc, err);
}

int
workflow_attachment_remove(Store *s, const Actor *who, const char *zNode,
                           long iId, AppErr *err)
{
    /* Which statement: read first for its round, then again inside the
    ** transaction, where the rules are checked on what is there now. */
    StoreAttachFile f;
    int bFound = 0;
    if (store_attachment_read(s, iId, &f, &bFound, err)) {
        return -1;
    }
    if (!bFound || !str_eq(f.zNode, zNode)) {
        store_attach_file_release(&f);
        return apperr_set(err, APPERR_NOTFOUND,
                          _("activity %s has no such attached file"), zNode);
    }
    WfActivity x;
    int rc = wf_begin(s, who, f.zPlan, f.zNode, f.zRound, &x, err);
    const Statement *st =
        rc == 0 ? wf_statement_files(s, &x, f.zOrg, &rc, err) : NULL;
    const StmtAttachment *pFile = NULL;
    for (size_t i = 0; st && i < st->nAttach; i++) {
        if (st->aAttach[i].iId == iId) {
            pFile = &st->aAttach[i];
        }
    }
    if (rc == 0 && !pFile) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        _("activity %s has no such attached file"), zNode);
    }
    if (rc == 0) {
        rc = rules_attachment_may_delete(who, x.rd, st, pFile, err);
    }
    if (rc == 0) {
        rc = store_attachment_delete(s, iId, &f, err);
    }
    store_attach_file_release(&f);
    return wf_end(s, &x, rc, err);
}

int
workflow_attachment_read(Store *s, const Actor *who, const char *zNode,
                         long iId, StoreAttachFile *f, AppErr *err)
{
    int bFound = 0;
    if (store_attachment_read(s, iId, f, &bFound, err)) {
        return -1;
    }
    if (!bFound || !str_eq(f->zNode, zNode)) {
        return apperr_set(err, APPERR_NOTFOUND,
                          _("activity %s has no such attached file"), zNode);
    }
    if (!rules_statement_may_read(who, f->zOrg)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers, administrators and %s's "
                            "reporters read %s's statements and their "
                            "files"),
                          f->zOrg, f->zOrg);
    }
    return 0;
}
