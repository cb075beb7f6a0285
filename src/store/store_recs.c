/*
** store_recs.c — a plan's recommendations read back whole
** (store_rec_list()), above the backends.
**
** A backend returns each part (groups, recommendations, their nodes,
** organisations and follow-ups) as rows of text in round order
** (xRecScan); this file assembles them into core's RecSet once for every
** backend, so a backend only runs its five SELECTs.
*/
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

/* What the visitors share: the set being filled, the part being read,
** and the last recommendation matched (parts come in the same order, so
** the next row's is usually that one or the next). */
typedef struct RecFill {
    RecSet *out;
    StoreRecPart part;
    size_t iHint;
} RecFill;

static char *
dup_or_null(const char *z)
{
    return z ? xstrdup(z) : NULL;
}

/* The recommendation of round azVal[0], code azVal[1], or NULL. */
static Rec *
fill_find(RecFill *x, const char *const *azVal)
{
    RecSet *s = x->out;
    for (size_t k = 0; k < s->nRec; k++) {
        size_t i = (x->iHint + k) % s->nRec;
        if (str_eq(s->aRec[i].zRound, azVal[0]) &&
            str_eq(s->aRec[i].zCode, azVal[1])) {
            x->iHint = i;
            return &s->aRec[i];
        }
    }
    return NULL;
}

static int
rec_fill_row(void *pArg, const char *const *azVal, int nVal)
{
    RecFill *x = pArg;
    RecSet *s = x->out;
    Rec *r;
    (void)nVal;
    switch (x->part) {
    case STORE_REC_PART_GROUP: {
        s->aGroup = xreallocarray(s->aGroup, s->nGroup + 1, sizeof *s->aGroup);
        RecGroup *g = &s->aGroup[s->nGroup++];
        g->zRound = xstrdup(azVal[0]);
        g->zName = xstrdup(azVal[1]);
        break;
    }
    case STORE_REC_PART_REC:
        s->aRec = xreallocarray(s->aRec, s->nRec + 1, sizeof *s->aRec);
        r = &s->aRec[s->nRec++];
        memset(r, 0, sizeof *r);
        r->zRound = xstrdup(azVal[0]);
        r->zCode = xstrdup(azVal[1]);
        r->zText = xstrdup(azVal[2] ? azVal[2] : "");
        r->zGroup = dup_or_null(azVal[3]);
        r->bPriority = str_eq(azVal[4], "1");
        r->zSource = xstrdup(azVal[5] ? azVal[5] : "");
        r->iVersion = azVal[6] ? (int)strtol(azVal[6], NULL, 10) : 0;
        break;
    case STORE_REC_PART_NODE:
    case STORE_REC_PART_ORG:
        r = fill_find(x, azVal);
        if (r && x->part == STORE_REC_PART_NODE) {
            strv_push(&r->azNode, &r->nNode, azVal[2]);
        } else if (r) {
            strv_push(&r->azOrg, &r->nOrg, azVal[2]);
        }
        break;
    case STORE_REC_PART_FOLLOWUP: {
        r = fill_find(x, azVal);
        if (!r) {
            break;
        }
        r->aFollow =
            xreallocarray(r->aFollow, r->nFollow + 1, sizeof *r->aFollow);
        RecFollowup *f = &r->aFollow[r->nFollow++];
        f->zRound = xstrdup(azVal[2]);
        if (rec_status_parse(azVal[3], &f->eStatus)) {
            f->eStatus = REC_NOT_STARTED;
        }
        f->zEvidence = xstrdup(azVal[4] ? azVal[4] : "");
        f->zBy = dup_or_null(azVal[5]);
        f->zAt = dup_or_null(azVal[6]);
        f->iVersion = azVal[7] ? (int)strtol(azVal[7], NULL, 10) : 0;
        break;
    }
    default:
        break;
    }
    return 0;
}

int
store_rec_list(Store *s, const char *zPlan, RecSet *out, AppErr *err)
{
    memset(out, 0, sizeof *out);
    RecFill x = { out, STORE_REC_PART_GROUP, 0 };
    for (int k = 0; k < STORE_REC_PART_COUNT; k++) {
        x.part = (StoreRecPart)k;
        if (s->pMethods->xRecScan(s, zPlan, x.part, rec_fill_row, &x, err)) {
            rec_set_release(out);
            return -1;
        }
    }
    return 0;
}
