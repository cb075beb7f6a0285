/*
** recommend.c — recommendations, their statuses and the rules about them
** (see recommend.h).
*/
#include <stdlib.h>
#include <string.h>

#include "recommend.h"
#include "../base/str.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The statuses, key then label (codes.h's CODE_REC_STATUS). */
static const CodeName aRecStatus[REC_STATUS_COUNT] = {
    [REC_NOT_STARTED] = { "not_started", "Not started" },
    [REC_IN_PROGRESS] = { "in_progress", "In progress" },
    [REC_DONE] = { "done", "Done" },
    [REC_DROPPED] = { "dropped", "Dropped" },
};

const CodeName *
rec_status_table(size_t *pn)
{
    *pn = REC_STATUS_COUNT;
    return aRecStatus;
}

const char *
rec_status_name(RecStatus e)
{
    return aRecStatus[(unsigned)e < REC_STATUS_COUNT ? e : 0].zKey;
}

const char *
rec_status_label(RecStatus e)
{
    return aRecStatus[(unsigned)e < REC_STATUS_COUNT ? e : 0].zLabel;
}

int
rec_status_parse(const char *z, RecStatus *pOut)
{
    int i = code_index(CODE_REC_STATUS, z);
    if (i < 0) {
        return -1;
    }
    *pOut = (RecStatus)i;
    return 0;
}

void
rec_release(Rec *r)
{
    free(r->zRound);
    free(r->zCode);
    free(r->zText);
    free(r->zGroup);
    free(r->zSource);
    strv_free(r->azNode, r->nNode);
    strv_free(r->azOrg, r->nOrg);
    for (size_t i = 0; i < r->nFollow; i++) {
        RecFollowup *f = &r->aFollow[i];
        free(f->zRound);
        free(f->zEvidence);
        free(f->zBy);
        free(f->zAt);
    }
    free(r->aFollow);
    memset(r, 0, sizeof *r);
}

void
rec_set_release(RecSet *s)
{
    for (size_t i = 0; i < s->nGroup; i++) {
        free(s->aGroup[i].zRound);
        free(s->aGroup[i].zName);
    }
    free(s->aGroup);
    for (size_t i = 0; i < s->nRec; i++) {
        rec_release(&s->aRec[i]);
    }
    free(s->aRec);
    memset(s, 0, sizeof *s);
}

Rec *
rec_set_find(const RecSet *s, const char *zRound, const char *zCode)
{
    for (size_t i = 0; i < s->nRec; i++) {
        if (str_eq(s->aRec[i].zRound, zRound) &&
            str_eq(s->aRec[i].zCode, zCode)) {
            return &s->aRec[i];
        }
    }
    return NULL;
}

RecFollowup *
rec_find_followup(const Rec *r, const char *zRound)
{
    for (size_t i = 0; i < r->nFollow; i++) {
        if (str_eq(r->aFollow[i].zRound, zRound)) {
            return &r->aFollow[i];
        }
    }
    return NULL;
}

/* The index of round zCode in p's round order, or -1. */
static long
round_index(const Plan *p, const char *zCode)
{
    for (size_t i = 0; i < p->nRound; i++) {
        if (str_eq(p->aRound[i].zCode, zCode)) {
            return (long)i;
        }
    }
    return -1;
}

const RecFollowup *
rec_latest_followup(const Plan *p, const Rec *r)
{
    const RecFollowup *pBest = NULL;
    long iBest = -1;
    for (size_t i = 0; i < r->nFollow; i++) {
        long k = round_index(p, r->aFollow[i].zRound);
        if (k > iBest) {
            iBest = k;
            pBest = &r->aFollow[i];
        }
    }
    return pBest;
}

int
rec_may_record(const Actor *who, AppErr *err)
{
    if (who->eRole != ROLE_ME_OFFICER && who->eRole != ROLE_ADMIN) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          "only the M&E officer records recommendations and "
                          "their follow-up");
    }
    return 0;
}

int
rec_may_word(const Actor *who, const Round *r, AppErr *err)
{
    if (who->eRole != ROLE_ME_OFFICER && who->eRole != ROLE_ADMIN) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and administrators word the "
                            "action plan"));
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is published and locked"), r->zCode);
    }
    return 0;
}

int
rec_action_point_may(const Actor *who, const char *zNode, const Round *r,
                     const Assessment *a, int iVersion, const char *zText,
                     AppErr *err)
{
    if (rec_may_word(who, r, err)) {
        return -1;
    }
    if (strspn(zText, " \t\r\n") == strlen(zText)) {
        return apperr_set(err, APPERR_INPUT,
                          _("the action point of %s needs a text"), zNode);
    }
    if (strlen(zText) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the action point is longer than %u bytes "
                            "(LIMIT_FIELD_BYTES)"),
                          LIMIT_FIELD_BYTES);
    }
    if (iVersion != a->iVersion) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("the action point of %s in round %s was changed "
                            "by someone else since you opened it (or a "
                            "statement was submitted); your text is kept "
                            "below: compare and save again"),
                          zNode, r->zCode);
    }
    return 0;
}

int
rec_may_follow_up(const Plan *p, const char *zRecRound, const Round *r,
                  AppErr *err)
{
    long iRec = round_index(p, zRecRound);
    long iThis = round_index(p, r->zCode);
    if (iRec < 0 || iThis <= iRec) {
        return apperr_set(err, APPERR_INPUT,
                          "a recommendation of round %s is followed up in a "
                          "later round, not in round %s",
                          zRecRound, r->zCode);
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          "round %s is published: its follow-ups are final",
                          r->zCode);
    }
    return 0;
}

void
rec_suggest_node(const Plan *p, const char *zCode, size_t nMax, Buf *b)
{
    /* Codes are short ("4.10"): one or two edits away is a likely slip,
    ** more is another node. */
    size_t nShown = 0;
    for (size_t dist = 1; dist <= 2 && nShown < nMax; dist++) {
        for (size_t i = 0; i < p->nNode && nShown < nMax; i++) {
            if (str_distance(zCode, p->aNode[i].zCode, 2) == dist) {
                buf_printf(b, "%s'%s'", nShown ? ", " : "", p->aNode[i].zCode);
                nShown++;
            }
        }
    }
}

/* How each priority line of a draft begins (rec_draft_wording_len()). */
#define REC_DRAFT_MARK "Priority of the "

size_t
rec_draft_wording_len(const char *z)
{
    const char *zMark = strstr(z, "\n\n" REC_DRAFT_MARK);
    return zMark ? (size_t)(zMark - z) : strlen(z);
}

/* Does r concern node n of p, directly or through a node above it? */
static int
rec_concerns(const Plan *p, const Node *n, const Rec *r)
{
    for (const Node *x = n; x;
         x = x->iParent >= 0 ? &p->aNode[x->iParent] : NULL) {
        for (size_t i = 0; i < r->nNode; i++) {
            if (str_eq(r->azNode[i], x->zCode)) {
                return 1;
            }
        }
    }
    return 0;
}

size_t
rec_priorities_for(const Plan *p, const Node *n, const RecSet *s,
                   const char *zRound, Buf *b)
{
    long iNew = round_index(p, zRound);
    if (iNew < 0) {
        iNew = (long)p->nRound;
    }
    size_t nOut = 0;
    for (size_t i = 0; i < s->nRec; i++) {
        const Rec *r = &s->aRec[i];
        long iRec = round_index(p, r->zRound);
        if (!r->bPriority || iRec < 0 || iRec >= iNew ||
            !rec_concerns(p, n, r)) {
            continue;
        }
        /* Its status as last recorded before the new round. */
        const RecFollowup *fu = NULL;
        long iFu = -1;
        for (size_t k = 0; k < r->nFollow; k++) {
            long j = round_index(p, r->aFollow[k].zRound);
            if (j < iNew && j > iFu) {
                iFu = j;
                fu = &r->aFollow[k];
            }
        }
        if (fu && (fu->eStatus == REC_DONE || fu->eStatus == REC_DROPPED)) {
            continue;
        }
        const Round *rd = &p->aRound[iRec];
        buf_printf(b, "%s" REC_DRAFT_MARK "%s (%s%s%s): %s", nOut ? "\n" : "",
                   rd->zTitle ? rd->zTitle : rd->zCode, r->zCode,
                   r->zGroup ? ", " : "", r->zGroup ? r->zGroup : "", r->zText);
        if (fu) {
            buf_printf(b, " [%s in %s]", rec_status_label(fu->eStatus),
                       fu->zRound);
        }
        nOut++;
    }
    return nOut;
}
