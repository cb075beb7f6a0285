/*
** store_audit.c — the audit and version policy of every put, written once
** above the backends.
**
** A put reads the stored row (xRowGet: its columns as text), compares each
** audited column, as the entity's field table below says, with the new
** value, writes one audit row per changed field (store_audit_append()), then asks the
** backend to INSERT or UPDATE the row (xRowPut).  Sub-rows (an org's
** aliases, a plan's levels, a node's organisations) are compared as one
** joined text, audited once and replaced as a whole (xSubGet, xSubPut).
** Nothing is written when nothing changed.
**
** Versions: the put compares the version the writer read with the stored
** one before anything is written (a stale form fails early and writes no
** audit row), and the backend repeats the guard in the UPDATE itself
** ("... AND version = $n", zero rows → conflict), because under
** PostgreSQL's READ COMMITTED another transaction may commit between our
** read and our write.  A backend only runs SQL; adding one is translating
** its queries, not copying these rules (docs/ARCHITECTURE.md, "The store").
*/
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "../base/buf.h"
#include "../base/str.h"
#include "../base/banned.h"

/* How a column shows in the audit trail. */
typedef enum AuditHow {
    AUDIT_TEXT = 0, /* old -> new, as stored */
    AUDIT_YESNO,    /* a flag stored "0"/"1", shown "no"/"yes" */
    AUDIT_SECRET,   /* compared, shown as "changed" without either value */
    AUDIT_MONEY,    /* an amount stored in minor units, shown in major
                    ** units with two decimals ("84600.00") */
    AUDIT_NONE      /* neither audited nor a change: read only, or fixed
                    ** once created (a rule of the entity checks it) */
} AuditHow;

typedef struct AuditField {
    const char *zName; /* the audit row's field: "title" */
    AuditHow eHow;
} AuditField;

/* One audit row written when a row is created. */
typedef struct AuditCreate {
    const char *zField; /* NULL for the headline row (always written); a
                        ** named one is left out when its value is NULL */
    int iCol;           /* the column whose new value it shows */
} AuditCreate;

typedef enum VersionRule {
    VERSION_NONE = 0, /* the entity has no version */
    VERSION_GIVEN,    /* checked when the writer gives one (> 0); 0 writes
                      ** unconditionally (imports hold the write lock from
                      ** their first read) */
    VERSION_ALWAYS    /* always checked; 0 means "there was none" */
} VersionRule;

typedef struct Entity {
    const char *zName;                 /* the audit rows' entity */
    int nKey;                          /* key parts, none NULL */
    int nCol;                          /* columns */
    AuditField aField[STORE_NCOL_MAX]; /* per column, in column order */
    AuditCreate aCreate[3];            /* the rows of a creation */
    int nCreate;
    VersionRule eVersion;
} Entity;

/* The field tables: what is audited of each entity, and how. */
static const Entity aEntity[STORE_ENTITY_COUNT] = {
    [STORE_ORG] = {
        .zName = "org", .nKey = 1, .nCol = STORE_ORG_NCOL,
        .aField = {
            [STORE_ORG_NAME] = { "name", AUDIT_TEXT },
            [STORE_ORG_KIND] = { "kind", AUDIT_TEXT },
            [STORE_ORG_PARENT] = { "parent", AUDIT_TEXT },
            [STORE_ORG_NAME_KM] = { "name_km", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_ORG_NAME } }, .nCreate = 1,
    },
    [STORE_PLAN] = {
        .zName = "plan", .nKey = 1, .nCol = STORE_PLAN_NCOL,
        .aField = {
            [STORE_PLAN_TITLE] = { "title", AUDIT_TEXT },
            [STORE_PLAN_HAS_NODES] = { "has_nodes", AUDIT_NONE },
            [STORE_PLAN_TITLE_KM] = { "title_km", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_PLAN_TITLE } }, .nCreate = 1,
    },
    [STORE_ROUND] = {
        .zName = "round", .nKey = 2, .nCol = STORE_ROUND_NCOL,
        .aField = {
            [STORE_ROUND_TITLE] = { "title", AUDIT_TEXT },
            [STORE_ROUND_AS_OF] = { "as_of", AUDIT_TEXT },
            [STORE_ROUND_STATE] = { "state", AUDIT_TEXT },
            [STORE_ROUND_DUE] = { "due", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_ROUND_TITLE } }, .nCreate = 1,
    },
    [STORE_NODE] = {
        .zName = "node", .nKey = 2, .nCol = STORE_NODE_NCOL,
        .aField = {
            [STORE_NODE_TEXT] = { "text", AUDIT_TEXT },
            [STORE_NODE_INDICATOR] = { "indicator", AUDIT_TEXT },
            [STORE_NODE_PARENT] = { "parent", AUDIT_TEXT },
            [STORE_NODE_DEPTH] = { "depth", AUDIT_NONE },
            [STORE_NODE_TEXT_KM] = { "text_km", AUDIT_TEXT },
            [STORE_NODE_INDICATOR_KM] = { "indicator_km", AUDIT_TEXT },
            [STORE_NODE_PREDECESSOR] = { "predecessor", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_NODE_TEXT },
            { "indicator", STORE_NODE_INDICATOR },
            { "predecessor", STORE_NODE_PREDECESSOR },
        },
        .nCreate = 3,
    },
    [STORE_ASSESSMENT] = {
        .zName = "assessment", .nKey = 3, .nCol = STORE_ASSESSMENT_NCOL,
        .aField = {
            [STORE_ASSESSMENT_ACTION_POINT] = { "action_point", AUDIT_TEXT },
            [STORE_ASSESSMENT_PROGRESS] = { "progress", AUDIT_TEXT },
            [STORE_ASSESSMENT_RATING] = { "rating", AUDIT_TEXT },
            [STORE_ASSESSMENT_STATE] = { "state", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_ASSESSMENT_RATING } }, .nCreate = 1,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_STATEMENT] = {
        .zName = "statement", .nKey = 4, .nCol = STORE_STATEMENT_NCOL,
        .aField = {
            [STORE_STATEMENT_TEXT] = { "text", AUDIT_TEXT },
            [STORE_STATEMENT_PROPOSED_RATING] = { "proposed_rating",
                                                  AUDIT_TEXT },
            [STORE_STATEMENT_STATE] = { "state", AUDIT_TEXT },
            [STORE_STATEMENT_COMMENT] = { "comment", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_STATEMENT_STATE },
            { "text", STORE_STATEMENT_TEXT },
        },
        .nCreate = 2,
        .eVersion = VERSION_ALWAYS,
    },
    [STORE_USER] = {
        .zName = "user", .nKey = 1, .nCol = STORE_USER_NCOL,
        .aField = {
            [STORE_USER_ROLE] = { "role", AUDIT_TEXT },
            [STORE_USER_ORG] = { "org", AUDIT_TEXT },
            [STORE_USER_DISABLED] = { "disabled", AUDIT_YESNO },
            /* The hash itself stays out of the audit trail. */
            [STORE_USER_PW_HASH] = { "password", AUDIT_SECRET },
            [STORE_USER_EMAIL] = { "email", AUDIT_TEXT },
            [STORE_USER_MAIL] = { "mail", AUDIT_YESNO },
            [STORE_USER_LANG] = { "language", AUDIT_TEXT },
        },
        .aCreate = { { "role", STORE_USER_ROLE } }, .nCreate = 1,
    },
    [STORE_GROUP] = {
        .zName = "rec_group", .nKey = 3, .nCol = STORE_GROUP_NCOL,
        .aField = {
            [STORE_GROUP_NAME] = { "name", AUDIT_NONE },
        },
        .aCreate = { { NULL, STORE_GROUP_NAME } }, .nCreate = 1,
    },
    [STORE_REC] = {
        .zName = "recommendation", .nKey = 3, .nCol = STORE_REC_NCOL,
        .aField = {
            [STORE_REC_TEXT] = { "text", AUDIT_TEXT },
            [STORE_REC_GROUP] = { "group", AUDIT_TEXT },
            [STORE_REC_PRIORITY] = { "priority", AUDIT_YESNO },
            [STORE_REC_SOURCE] = { "source", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_REC_TEXT } }, .nCreate = 1,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_FOLLOWUP] = {
        .zName = "followup", .nKey = 4, .nCol = STORE_FOLLOWUP_NCOL,
        .aField = {
            [STORE_FOLLOWUP_STATUS] = { "status", AUDIT_TEXT },
            [STORE_FOLLOWUP_EVIDENCE] = { "evidence", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_FOLLOWUP_STATUS },
            { "evidence", STORE_FOLLOWUP_EVIDENCE },
        },
        .nCreate = 2,
        .eVersion = VERSION_ALWAYS,
    },
    [STORE_OUTREACH] = {
        .zName = "outreach", .nKey = 2, .nCol = STORE_OUTREACH_NCOL,
        .aField = {
            [STORE_OUTREACH_TO] = { "date_to", AUDIT_TEXT },
            [STORE_OUTREACH_KIND] = { "kind", AUDIT_TEXT },
            [STORE_OUTREACH_STATUS] = { "status", AUDIT_TEXT },
            [STORE_OUTREACH_PLAN] = { "plan", AUDIT_TEXT },
            [STORE_OUTREACH_WOMEN] = { "women", AUDIT_TEXT },
            [STORE_OUTREACH_MEN] = { "men", AUDIT_TEXT },
            [STORE_OUTREACH_UNKNOWN] = { "unknown", AUDIT_TEXT },
            [STORE_OUTREACH_TOTAL] = { "total", AUDIT_TEXT },
            [STORE_OUTREACH_CURRENCY] = { "currency", AUDIT_TEXT },
            [STORE_OUTREACH_REQUESTED] = { "requested", AUDIT_MONEY },
            [STORE_OUTREACH_ORDERED] = { "ordered", AUDIT_MONEY },
            [STORE_OUTREACH_PURPOSE] = { "purpose", AUDIT_TEXT },
            [STORE_OUTREACH_ATTENDEES] = { "attendees", AUDIT_TEXT },
            [STORE_OUTREACH_NOTES] = { "notes", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_OUTREACH_KIND },
            { "total", STORE_OUTREACH_TOTAL },
        },
        .nCreate = 2,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_MEDIA] = {
        .zName = "media", .nKey = 2, .nCol = STORE_MEDIA_NCOL,
        .aField = {
            [STORE_MEDIA_OUTLET] = { "outlet", AUDIT_TEXT },
            [STORE_MEDIA_LINK] = { "link", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_MEDIA_OUTLET } }, .nCreate = 1,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_STAT] = {
        .zName = "stat", .nKey = 6, .nCol = STORE_STAT_NCOL,
        .aField = {
            [STORE_STAT_VALUE] = { "value", AUDIT_TEXT },
            [STORE_STAT_NOTE] = { "note", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_STAT_VALUE } }, .nCreate = 1,
        .eVersion = VERSION_GIVEN,
    },
    /* A revision's definition is what its values were reported against:
    ** an amendment is a new row, so a change here is a correction. */
    [STORE_INDICATOR] = {
        .zName = "indicator", .nKey = 3, .nCol = STORE_INDICATOR_NCOL,
        .aField = {
            [STORE_INDICATOR_NODE] = { "goal", AUDIT_TEXT },
            [STORE_INDICATOR_DEFINITION] = { "definition", AUDIT_TEXT },
            [STORE_INDICATOR_UNIT] = { "unit", AUDIT_TEXT },
            [STORE_INDICATOR_DIRECTION] = { "direction", AUDIT_TEXT },
            [STORE_INDICATOR_BASELINE] = { "baseline", AUDIT_TEXT },
            [STORE_INDICATOR_BASELINE_YEAR] = { "baseline_year", AUDIT_TEXT },
            [STORE_INDICATOR_TARGETS] = { "targets", AUDIT_TEXT },
            [STORE_INDICATOR_DISAGG] = { "disaggregation", AUDIT_TEXT },
            [STORE_INDICATOR_VERIFICATION] = { "verification", AUDIT_TEXT },
            [STORE_INDICATOR_ORG] = { "org", AUDIT_TEXT },
            [STORE_INDICATOR_COMPUTED] = { "computed", AUDIT_YESNO },
            [STORE_INDICATOR_EFFECTIVE] = { "effective", AUDIT_TEXT },
            [STORE_INDICATOR_REASON] = { "reason", AUDIT_TEXT },
            [STORE_INDICATOR_COMPUTED_FROM] = { "computed_from", AUDIT_TEXT },
            [STORE_INDICATOR_DEFINITION_KM] = { "definition_km", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_INDICATOR_DEFINITION },
            { "reason", STORE_INDICATOR_REASON },
        },
        .nCreate = 2,
    },
    [STORE_IND_VALUE] = {
        .zName = "ind_value", .nKey = 6, .nCol = STORE_IND_VALUE_NCOL,
        .aField = {
            [STORE_IND_VALUE_VALUE] = { "value", AUDIT_TEXT },
            [STORE_IND_VALUE_NUM] = { "numerator", AUDIT_TEXT },
            [STORE_IND_VALUE_DEN] = { "denominator", AUDIT_TEXT },
            [STORE_IND_VALUE_SOURCE] = { "source", AUDIT_TEXT },
            [STORE_IND_VALUE_STATE] = { "state", AUDIT_TEXT },
            [STORE_IND_VALUE_NOTE] = { "note", AUDIT_TEXT },
        },
        .aCreate = { { NULL, STORE_IND_VALUE_VALUE } }, .nCreate = 1,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_FUND_COST] = {
        .zName = "fund_cost", .nKey = 3, .nCol = STORE_FUND_COST_NCOL,
        .aField = {
            [STORE_FUND_COST_AMOUNT] = { "amount", AUDIT_MONEY },
            [STORE_FUND_COST_CURRENCY] = { "currency", AUDIT_TEXT },
            [STORE_FUND_COST_NOTE] = { "note", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_FUND_COST_AMOUNT },
            { "currency", STORE_FUND_COST_CURRENCY },
        },
        .nCreate = 2,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_FUND_LINE] = {
        .zName = "fund_line", .nKey = 4, .nCol = STORE_FUND_LINE_NCOL,
        .aField = {
            [STORE_FUND_LINE_KIND] = { "source_kind", AUDIT_TEXT },
            [STORE_FUND_LINE_ORG] = { "org", AUDIT_TEXT },
            [STORE_FUND_LINE_LABEL] = { "label", AUDIT_TEXT },
            [STORE_FUND_LINE_AMOUNT] = { "amount", AUDIT_MONEY },
            [STORE_FUND_LINE_CURRENCY] = { "currency", AUDIT_TEXT },
            [STORE_FUND_LINE_STATUS] = { "status", AUDIT_TEXT },
            [STORE_FUND_LINE_NOTE] = { "note", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_FUND_LINE_AMOUNT },
            { "currency", STORE_FUND_LINE_CURRENCY },
        },
        .nCreate = 2,
        .eVersion = VERSION_GIVEN,
    },
    [STORE_ROUND_EXT] = {
        .zName = "extension", .nKey = 3, .nCol = STORE_ROUND_EXT_NCOL,
        .aField = {
            [STORE_ROUND_EXT_DUE] = { "due", AUDIT_TEXT },
            [STORE_ROUND_EXT_REASON] = { "reason", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_ROUND_EXT_DUE },
            { "reason", STORE_ROUND_EXT_REASON },
        },
        .nCreate = 2,
        .eVersion = VERSION_ALWAYS,
    },
    [STORE_CHAPTER] = {
        .zName = "chapter", .nKey = 3, .nCol = STORE_CHAPTER_NCOL,
        .aField = {
            [STORE_CHAPTER_TEXT] = { "text", AUDIT_TEXT },
            [STORE_CHAPTER_TEXT_KM] = { "text_km", AUDIT_TEXT },
        },
        .aCreate = {
            { NULL, STORE_CHAPTER_TEXT },
            { "text_km", STORE_CHAPTER_TEXT_KM },
        },
        .nCreate = 2,
        .eVersion = VERSION_ALWAYS,
    },
};

/* Sub-rows: audited as one field, their items joined. */
typedef struct Sub {
    const char *zField; /* the audit row's field: "aliases" */
    int nCol;           /* texts per item; a second one is a flag shown as
                        ** "*" after the first ("goal*": has indicators) */
    const char *zSep;   /* between items */
} Sub;

static const Sub aSub[STORE_SUB_COUNT] = {
    [STORE_SUB_ALIAS] = { "aliases", 1, "; " },
    [STORE_SUB_LEVEL] = { "levels", 2, " > " },
    [STORE_SUB_RESPONSIBLE] = { "responsible", 1, "; " },
    [STORE_SUB_CONTRIBUTING] = { "contributing", 1, "; " },
    [STORE_SUB_REC_NODE] = { "concerns", 1, "; " },
    [STORE_SUB_REC_ORG] = { "asked", 1, "; " },
    [STORE_SUB_OUTREACH_PLACE] = { "places", 1, "; " },
    [STORE_SUB_OUTREACH_ORG] = { "organisations", 1, "; " },
    [STORE_SUB_OUTREACH_NODE] = { "activities", 1, "; " },
};

/* ---- the generic put --------------------------------------------------- */

/* A stored row as read, with what the put needs to write it back. */
typedef struct Row {
    StoreEntity e;
    const Entity *pE;
    const char *const *azKey;    /* borrowed from the caller */
    char *azOld[STORE_NCOL_MAX]; /* the stored columns (owned) */
    int version;                 /* stored version, 0 if none */
    int bFound;                  /* the row exists */
    int iMissing;                /* key part naming a missing owner, or -1 */
} Row;

static void
row_release(Row *r)
{
    for (int i = 0; i < STORE_NCOL_MAX; i++) {
        free(r->azOld[i]);
        r->azOld[i] = NULL;
    }
}

/* Read the row e named by azKey into *r (release it with row_release()
** whatever this returns). */
static int
row_read(Store *s, StoreEntity e, const char *const *azKey, Row *r, AppErr *err)
{
    memset(r, 0, sizeof *r);
    r->e = e;
    r->pE = &aEntity[e];
    r->azKey = azKey;
    for (int i = 0; i < r->pE->nKey; i++) {
        /* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult): nKey keys for e */
        assert(azKey[i] != NULL);
    }
    r->iMissing = -1;
    return s->pMethods->xRowGet(s, e, azKey, r->azOld, &r->version, &r->bFound,
                                &r->iMissing, err);
}

/* Whether the row e named by azKey exists, in *pbFound; *piMissing as
** in Row. */
static int
row_exists(Store *s, StoreEntity e, const char *const *azKey, int *pbFound,
           int *piMissing, AppErr *err)
{
    if (s->pMethods->xRowExists) {
        *pbFound = 0;
        *piMissing = -1;
        return s->pMethods->xRowExists(s, e, azKey, pbFound, piMissing, err);
    }
    Row r;
    int rc = row_read(s, e, azKey, &r, err);
    *pbFound = r.bFound;
    *piMissing = r.iMissing;
    row_release(&r);
    return rc;
}

/* A column's text as the audit trail shows it; zBuf holds a text made
** for it (LIMIT_AMOUNT_TEXT bytes). */
#define LIMIT_AMOUNT_TEXT 32

static const char *
field_text(AuditHow eHow, const char *z, char *zBuf)
{
    if (eHow == AUDIT_YESNO) {
        return z && strtol(z, NULL, 10) != 0 ? "yes" : "no";
    }
    if (eHow == AUDIT_MONEY && z) {
        long long v = strtoll(z, NULL, 10);
        (void)snprintf(zBuf, LIMIT_AMOUNT_TEXT, "%s%lld.%02lld",
                       v < 0 ? "-" : "", (v < 0 ? -v : v) / 100,
                       (v < 0 ? -v : v) % 100);
        return zBuf;
    }
    return z;
}

static int
audit_add(Store *s, const char *zAction, const Row *r, const char *zKey,
          const char *zField, const char *zOld, const char *zNew, AppErr *err)
{
    return store_audit_append(s, zAction, r->pE->zName, zKey, zField, zOld,
                              zNew, err);
}

/* A flag of row_write() beside STORE_BUMP: a creation without its audit
** rows, which the caller records in the activity's (store.c, "assessments
** created with their activity"). */
#define ROW_CREATE_FOLDED 0x100u

/* What row_write() returns besides 0 and -1: nothing was written. */
#define ROW_STALE 1 /* the stored version is not the one the writer read */
#define ROW_LOST                                                               \
 2 /* the write met a row changed (UPDATE) or one already
                    ** there (INSERT): someone else wrote meanwhile */

/* Audit the differences between r (as read) and azNew, then insert or
** update the row; see the file's comment.  iVersion is the version the
** writer read (see VersionRule); STORE_BUMP in flags writes (and bumps the
** version) even when no field changed. */
static int
row_write(Store *s, const Row *r, const char *zKey, const char *const *azNew,
          int iVersion, unsigned flags, AppErr *err)
{
    const Entity *pE = r->pE;
    int stored = r->bFound ? r->version : 0;
    if ((pE->eVersion == VERSION_ALWAYS ||
         (pE->eVersion == VERSION_GIVEN && iVersion > 0)) &&
        iVersion != stored) {
        return ROW_STALE;
    }
    int bWrite = !r->bFound || (flags & STORE_BUMP) != 0;
    if (!r->bFound && !(flags & ROW_CREATE_FOLDED)) {
        for (int i = 0; i < pE->nCreate; i++) {
            const AuditCreate *c = &pE->aCreate[i];
            char zBuf[LIMIT_AMOUNT_TEXT];
            /* An amount shows in major units, as its updates do. */
            const char *zShown =
                pE->aField[c->iCol].eHow == AUDIT_MONEY
                    ? field_text(AUDIT_MONEY, azNew[c->iCol], zBuf)
                    : azNew[c->iCol];
            if ((c->zField == NULL || azNew[c->iCol] != NULL) &&
                audit_add(s, "create", r, zKey, c->zField, NULL, zShown, err)) {
                return -1;
            }
        }
    }
    for (int i = 0; r->bFound && i < pE->nCol; i++) {
        const AuditField *f = &pE->aField[i];
        if (f->eHow == AUDIT_NONE) {
            continue;
        }
        char zOldBuf[LIMIT_AMOUNT_TEXT], zNewBuf[LIMIT_AMOUNT_TEXT];
        const char *zOld = field_text(f->eHow, r->azOld[i], zOldBuf);
        const char *zNew = field_text(f->eHow, azNew[i], zNewBuf);
        if (str_eq(zOld, zNew)) {
            continue;
        }
        bWrite = 1;
        if (f->eHow == AUDIT_SECRET
                ? audit_add(s, "update", r, zKey, f->zName, NULL, "changed",
                            err)
                : audit_add(s, "update", r, zKey, f->zName, zOld ? zOld : "",
                            zNew ? zNew : "", err)) {
            return -1;
        }
    }
    if (!bWrite) {
        return 0;
    }
    int bDone = 0;
    if (s->pMethods->xRowPut(s, r->e, r->azKey, azNew, !r->bFound,
                             pE->eVersion == VERSION_NONE ? 0 : iVersion,
                             &bDone, err)) {
        return -1;
    }
    return bDone ? 0 : ROW_LOST;
}

/* The sub-rows of one kind, old and new, as the audit trail shows them. */
typedef struct SubDiff {
    Buf old;      /* joined stored items */
    Buf neu;      /* joined new items */
    int bChanged; /* they differ */
} SubDiff;

static void
sub_join(const Sub *k, const char *const *azItem, size_t nItem, Buf *b)
{
    for (size_t i = 0; i < nItem; i++) {
        const char *const *az = &azItem[i * (size_t)k->nCol];
        buf_printf(b, "%s%s%s", i ? k->zSep : "", az[0],
                   k->nCol > 1 && !str_eq(az[1], "0") ? "*" : "");
    }
}

/* Compare the stored sub-rows eSub of r (none when r is new) with
** azItem[0 .. nItem items).  Release d with sub_release(). */
static int
sub_diff(Store *s, const Row *r, StoreSub eSub, const char *const *azItem,
         size_t nItem, SubDiff *d, AppErr *err)
{
    const Sub *k = &aSub[eSub];
    d->old = (Buf)BUF_INIT;
    d->neu = (Buf)BUF_INIT;
    d->bChanged = 0;
    if (r->bFound) {
        char **azOld = NULL;
        size_t nOld = 0;
        int rc = s->pMethods->xSubGet(s, eSub, r->azKey, &azOld, &nOld, err);
        sub_join(k, (const char *const *)azOld, nOld, &d->old);
        for (size_t i = 0; i < nOld * (size_t)k->nCol; i++) {
            free(azOld[i]);
        }
        free(azOld);
        if (rc) {
            return -1;
        }
    }
    sub_join(k, azItem, nItem, &d->neu);
    d->bChanged = !str_eq(buf_str(&d->old), buf_str(&d->neu));
    return 0;
}

static void
sub_release(SubDiff *d)
{
    buf_release(&d->old);
    buf_release(&d->neu);
}

/* Audit the change d of r's sub-rows eSub (one row) and replace them. */
static int
sub_replace(Store *s, const Row *r, const char *zKey, StoreSub eSub,
            const SubDiff *d, const char *const *azItem, size_t nItem,
            AppErr *err)
{
    return audit_add(s, "update", r, zKey, aSub[eSub].zField, buf_str(&d->old),
                     buf_str(&d->neu), err) ||
           s->pMethods->xSubPut(s, eSub, r->azKey, azItem, nItem, err);
}

/* Compare, audit and replace in one step, for sub-rows without a rule. */
static int
sub_put(Store *s, const Row *r, const char *zKey, StoreSub eSub,
        const char *const *azItem, size_t nItem, AppErr *err)
{
    SubDiff d;
    int rc = sub_diff(s, r, eSub, azItem, nItem, &d, err);
    if (rc == 0 && d.bChanged) {
        rc = sub_replace(s, r, zKey, eSub, &d, azItem, nItem, err);
    }
    sub_release(&d);
    return rc;
}

/* A conflict with a row written meanwhile, for entities without a message
** of their own (only a concurrent writer at READ COMMITTED meets one). */
static int
row_conflict(const Row *r, const char *zKey, AppErr *err)
{
    return apperr_set(err, APPERR_CONFLICT,
                      "%s '%s' was changed by someone "
                      "else meanwhile; nothing was saved: try again",
                      r->pE->zName, zKey);
}

/* ---- the entities -------------------------------------------------------- */

int
store_org_put(Store *s, const Org *o, AppErr *err)
{
    if (o->zParent) {
        const char *azParent[] = { o->zParent };
        int bFound = 0, iMissing = -1;
        if (row_exists(s, STORE_ORG, azParent, &bFound, &iMissing, err)) {
            return -1;
        }
        if (!bFound) {
            apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'",
                       o->zParent);
            return apperr_prefix(err, "organisation '%s'", o->zAcronym);
        }
    }
    const char *azKey[] = { o->zAcronym };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_ORG_NAME] = o->zName,
        [STORE_ORG_KIND] = org_kind_name(o->eKind),
        [STORE_ORG_PARENT] = o->zParent,
        [STORE_ORG_NAME_KM] = o->zNameKm,
    };
    Row r;
    int rc = row_read(s, STORE_ORG, azKey, &r, err);
    if (rc == 0) {
        rc = row_write(s, &r, o->zAcronym, azNew, 0, 0, err);
    }
    if (rc > 0) {
        rc = row_conflict(&r, o->zAcronym, err);
    }
    if (rc == 0) {
        rc = sub_put(s, &r, o->zAcronym, STORE_SUB_ALIAS,
                     (const char *const *)o->azAlias, o->nAlias, err);
    }
    row_release(&r);
    return rc;
}

/* az[0..n) joined with '/' into zBuf (nBuf bytes), cut to fit as
** snprintf() would: the keys of an import's hottest puts, without parsing
** a format 50,000 times. */
static void
key_join(char *zBuf, size_t nBuf, const char *const *az, int n)
{
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && k + 1 < nBuf) {
            zBuf[k++] = '/';
        }
        /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): azKey[] holds two codes */
        size_t m = strlen(az[i]);
        if (m > nBuf - 1 - k) {
            m = nBuf - 1 - k;
        }
        memcpy(zBuf + k, az[i], m);
        k += m;
    }
    zBuf[k] = '\0';
}

/* Plan, round and node codes are joined with '/' into the audit trail's
** keys ("plan/4.8/2017"), where a key's history includes the keys below
** it: a code holding '/' would read as another record's ("4/8" as round 8
** of activity 4).  Refused where they are written. */
static int
code_check(const char *zWhat, const char *zCode, AppErr *err)
{
    if (zCode && strchr(zCode, '/')) {
        return apperr_set(err, APPERR_INPUT,
                          "%s code '%s' holds '/', which "
                          "separates the parts of a record's address; use "
                          "another character (such as '.' or '-')",
                          zWhat, zCode);
    }
    return 0;
}

int
store_plan_put(Store *s, const Plan *p, AppErr *err)
{
    if (code_check("plan", p->zCode, err)) {
        return -1;
    }
    const char *azKey[] = { p->zCode };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_PLAN_TITLE] = p->zTitle,
        [STORE_PLAN_TITLE_KM] = p->zTitleKm,
    };
    const char *azLevel[2 * LIMIT_PLAN_LEVELS];
    for (long i = 0; i < p->nLevel; i++) {
        azLevel[2 * i] = p->aLevel[i].zName;
        azLevel[2 * i + 1] = p->aLevel[i].bIndicator ? "1" : "0";
    }
    Row r;
    SubDiff d = { BUF_INIT, BUF_INIT, 0 };
    int rc = row_read(s, STORE_PLAN, azKey, &r, err);
    if (rc == 0) {
        rc = row_write(s, &r, p->zCode, azNew, 0, 0, err);
    }
    if (rc > 0) {
        rc = row_conflict(&r, p->zCode, err);
    }
    if (rc == 0) {
        rc = sub_diff(s, &r, STORE_SUB_LEVEL, azLevel, (size_t)p->nLevel, &d,
                      err);
    }
    if (rc == 0 && d.bChanged) {
        /* Nodes sit at a level by its index: renumbering under them would
        ** change what they are. */
        if (r.bFound && str_eq(r.azOld[STORE_PLAN_HAS_NODES], "1")) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            "plan '%s' has the levels '%s', not '%s' ('*' "
                            "marks a level with indicators)",
                            p->zCode, buf_str(&d.old), buf_str(&d.neu));
        } else {
            rc = sub_replace(s, &r, p->zCode, STORE_SUB_LEVEL, &d, azLevel,
                             (size_t)p->nLevel, err);
        }
    }
    sub_release(&d);
    row_release(&r);
    return rc;
}

int
store_plan_exists(Store *s, const char *zCode, int *pbFound, AppErr *err)
{
    const char *azKey[] = { zCode };
    int iMissing = -1;
    *pbFound = 0;
    return row_exists(s, STORE_PLAN, azKey, pbFound, &iMissing, err) ? -1 : 0;
}

int
store_round_put(Store *s, const char *zPlan, const Round *rd, AppErr *err)
{
    if (code_check("round", rd->zCode, err)) {
        return -1;
    }
    const char *azKey[] = { zPlan, rd->zCode };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_ROUND_TITLE] = rd->zTitle,
        [STORE_ROUND_AS_OF] = rd->zAsOf,
        [STORE_ROUND_STATE] = round_state_name(rd->eState),
    };
    char zKey[2 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/round/%s", zPlan, rd->zCode);
    Row r;
    int rc = row_read(s, STORE_ROUND, azKey, &r, err);
    if (rc == 0 && r.iMissing == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    if (rc == 0) {
        /* The due date is store_round_due_put()'s alone. */
        azNew[STORE_ROUND_DUE] = r.bFound ? r.azOld[STORE_ROUND_DUE] : NULL;
        rc = row_write(s, &r, zKey, azNew, 0, 0, err);
    }
    if (rc > 0) {
        rc = row_conflict(&r, zKey, err);
    }
    row_release(&r);
    return rc;
}

/* Replace node r's organisations in one role (eSub) with azOrg[0..nOrg)
** if they differ; each must exist. */
static int
links_put(Store *s, const Row *r, const char *zKey, StoreSub eSub, char **azOrg,
          size_t nOrg, AppErr *err)
{
    SubDiff d;
    int rc = sub_diff(s, r, eSub, (const char *const *)azOrg, nOrg, &d, err);
    for (size_t i = 0; rc == 0 && d.bChanged && i < nOrg; i++) {
        const char *azOrgKey[] = { azOrg[i] };
        int bFound = 0, iMissing = -1;
        rc = row_exists(s, STORE_ORG, azOrgKey, &bFound, &iMissing, err);
        if (rc == 0 && !bFound) {
            rc = apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'",
                            azOrg[i]);
        }
    }
    if (rc == 0 && d.bChanged) {
        rc = sub_replace(s, r, zKey, eSub, &d, (const char *const *)azOrg, nOrg,
                         err);
    }
    sub_release(&d);
    return rc;
}

/* Check the predecessor of node n of p (n->zPredPlan set): a node of
** another plan, which exists; its key "plan/code" into zPred (nPred
** bytes).  The messages name the predecessor; the caller says where. */
static int
pred_check(Store *s, const Plan *p, const Node *n, char *zPred, size_t nPred,
           AppErr *err)
{
    if (!n->zPredCode || !*n->zPredCode || !*n->zPredPlan) {
        return apperr_set(err, APPERR_INPUT,
                          "predecessor: needs a plan and a code");
    }
    if (str_eq(n->zPredPlan, p->zCode)) {
        return apperr_set(err, APPERR_INPUT,
                          "predecessor '%s' of plan '%s': it must be a node "
                          "of another plan",
                          n->zPredCode, p->zCode);
    }
    if (code_check("plan", n->zPredPlan, err) ||
        code_check("predecessor", n->zPredCode, err)) {
        return -1;
    }
    const char *azPred[] = { n->zPredPlan, n->zPredCode };
    int bFound = 0, iMissing = -1;
    if (row_exists(s, STORE_NODE, azPred, &bFound, &iMissing, err)) {
        return -1;
    }
    if (iMissing == 0) {
        return apperr_set(err, APPERR_NOTFOUND,
                          "predecessor '%s': there is no plan '%s'",
                          n->zPredCode, n->zPredPlan);
    }
    if (!bFound) {
        return apperr_set(err, APPERR_NOTFOUND,
                          "predecessor: there is no node '%s' in plan '%s'",
                          n->zPredCode, n->zPredPlan);
    }
    key_join(zPred, nPred, azPred, 2);
    return 0;
}

int
store_node_put(Store *s, const Plan *p, long iNode, int bLinks, AppErr *err)
{
    const Node *n = &p->aNode[iNode];
    if (code_check(p->aLevel[n->iLevel].zName, n->zCode, err)) {
        return -1;
    }
    const char *zParent = n->iParent >= 0 ? p->aNode[n->iParent].zCode : NULL;
    int bFound = 0, iMissing = -1;
    if (zParent) {
        const char *azParent[] = { p->zCode, zParent };
        if (row_exists(s, STORE_NODE, azParent, &bFound, &iMissing, err)) {
            return -1;
        }
        if (iMissing == 0) {
            return apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", p->zCode);
        }
        if (!bFound) {
            return apperr_set(err, APPERR_NOTFOUND,
                              "%s '%s' of %s '%s' does not exist",
                              p->aLevel[n->iLevel - 1].zName, zParent,
                              p->aLevel[n->iLevel].zName, n->zCode);
        }
    }
    char zPred[2 * LIMIT_CODE_BYTES + 8];
    if (n->zPredPlan && pred_check(s, p, n, zPred, sizeof zPred, err)) {
        return -1;
    }
    char zDepth[16];
    (void)snprintf(zDepth, sizeof zDepth, "%d", n->iLevel);
    const char *azKey[] = { p->zCode, n->zCode };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_NODE_TEXT] = n->zText,
        [STORE_NODE_INDICATOR] = n->zIndicator,
        [STORE_NODE_PARENT] = zParent,
        [STORE_NODE_DEPTH] = zDepth,
        [STORE_NODE_TEXT_KM] = n->zTextKm,
        [STORE_NODE_INDICATOR_KM] = n->zIndicatorKm,
        [STORE_NODE_PREDECESSOR] = n->zPredPlan ? zPred : NULL,
    };
    char zKey[2 * LIMIT_CODE_BYTES + 8];
    key_join(zKey, sizeof zKey, azKey, 2);
    Row r;
    int rc = row_read(s, STORE_NODE, azKey, &r, err);
    if (rc == 0 && r.iMissing == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", p->zCode);
    }
    if (rc == 0 && r.bFound && !n->zPredPlan) {
        /* A node given without a predecessor (an annex, a file of one
        ** plan) keeps the one it has: only a new one replaces it. */
        azNew[STORE_NODE_PREDECESSOR] = r.azOld[STORE_NODE_PREDECESSOR];
    }
    /* A node keeps its level: what was a goal cannot become an activity. */
    long depth = r.bFound ? strtol(r.azOld[STORE_NODE_DEPTH], NULL, 10) : 0;
    if (rc == 0 && r.bFound && depth != n->iLevel) {
        rc = apperr_set(
            err, APPERR_CONFLICT, "'%s' is %s %s in plan '%s', not %s %s",
            n->zCode, "a",
            p->aLevel[depth >= 0 && depth < p->nLevel ? depth : 0].zName,
            p->zCode, "a", p->aLevel[n->iLevel].zName);
    }
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, 0, 0, err);
    }
    if (rc > 0) {
        rc = row_conflict(&r, zKey, err);
    }
    if (rc == 0 && !r.bFound) {
        store_audit_fold_begin(s, zKey);
    }
    if (rc == 0 && bLinks) {
        rc = links_put(s, &r, zKey, STORE_SUB_RESPONSIBLE, n->azResp, n->nResp,
                       err) ||
             links_put(s, &r, zKey, STORE_SUB_CONTRIBUTING, n->azContrib,
                       n->nContrib, err);
    }
    row_release(&r);
    return rc ? -1 : 0;
}

int
store_assessment_put(Store *s, const char *zPlan, const char *zNode,
                     const Assessment *a, unsigned flags, AppErr *err)
{
    const char *azKey[] = { zPlan, zNode, a->zRound };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_ASSESSMENT_ACTION_POINT] =
            a->zActionPoint ? a->zActionPoint : "",
        [STORE_ASSESSMENT_PROGRESS] = a->zProgress ? a->zProgress : "",
        [STORE_ASSESSMENT_RATING] = rating_key(a->eRating),
        [STORE_ASSESSMENT_STATE] = assess_state_name(a->eState),
    };
    char zKey[3 * LIMIT_CODE_BYTES + 8];
    key_join(zKey, sizeof zKey, azKey, 3);
    Row r;
    int rc = row_read(s, STORE_ASSESSMENT, azKey, &r, err);
    if (rc == 0 && r.iMissing == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    } else if (rc == 0 && r.iMissing == 1) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no activity '%s' in plan '%s'",
                        zNode, zPlan);
    } else if (rc == 0 && r.iMissing == 2) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no round '%s' in plan '%s'",
                        a->zRound, zPlan);
    }
    int bFold = rc == 0 && !r.bFound && store_audit_fold_has(s, zPlan, zNode);
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, a->iVersion,
                       flags | (bFold ? ROW_CREATE_FOLDED : 0), err);
    }
    if (rc == 0 && bFold) {
        store_audit_fold_add(s, a->zRound, azNew[STORE_ASSESSMENT_RATING]);
    }
    if (rc == ROW_STALE) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "the assessment of %s in round %s was changed by "
                        "someone else since you opened it; your text is kept "
                        "below: compare and save again",
                        zNode, a->zRound);
    } else if (rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "the assessment of %s in round %s was changed by "
                        "someone else meanwhile; your text is kept below: "
                        "compare and save again",
                        zNode, a->zRound);
    }
    row_release(&r);
    return rc;
}

int
store_statement_put(Store *s, const char *zPlan, const char *zNode,
                    const char *zRound, const Statement *stm, AppErr *err)
{
    const char *azKey[] = { zPlan, zNode, zRound, stm->zOrg };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_STATEMENT_TEXT] = stm->zText ? stm->zText : "",
        [STORE_STATEMENT_PROPOSED_RATING] = rating_key(stm->eProposed),
        [STORE_STATEMENT_STATE] = stmt_state_name(stm->eState),
        [STORE_STATEMENT_COMMENT] = stm->zComment ? stm->zComment : "",
    };
    char zKey[4 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/%s/%s/%s", zPlan, zNode, zRound,
                   stm->zOrg);
    Row r;
    int rc = row_read(s, STORE_STATEMENT, azKey, &r, err);
    if (rc == 0 && r.iMissing == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    } else if (rc == 0 && (r.iMissing == 1 || r.iMissing == 2)) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        "activity '%s' is not part of "
                        "round '%s'",
                        zNode, zRound);
    } else if (rc == 0 && r.iMissing == 3) {
        rc =
            apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'", stm->zOrg);
    }
    /* The version is always checked: 0 means "there was no statement when
    ** the form was built", and a plain INSERT that meets one is a
    ** conflict too. */
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, stm->iVersion, 0, err);
    }
    if (rc == ROW_STALE) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "%s's statement on %s was changed by someone else "
                        "since you opened it; your text is kept below: "
                        "compare and save again",
                        stm->zOrg, zNode);
    } else if (rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "%s's statement on %s was %s by "
                        "someone else meanwhile; your text is kept below: "
                        "compare and save again",
                        stm->zOrg, zNode, r.bFound ? "changed" : "written");
    }
    row_release(&r);
    return rc;
}

int
store_user_put(Store *s, const User *u, int bCreate, AppErr *err)
{
    if (u->zOrg) {
        const char *azOrg[] = { u->zOrg };
        int bFound = 0, iMissing = -1;
        if (row_exists(s, STORE_ORG, azOrg, &bFound, &iMissing, err)) {
            return -1;
        }
        if (!bFound) {
            return apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'",
                              u->zOrg);
        }
    }
    const char *azKey[] = { u->zName };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_USER_ROLE] = role_name(u->eRole),
        [STORE_USER_ORG] = u->zOrg,
        [STORE_USER_DISABLED] = u->bDisabled ? "1" : "0",
        [STORE_USER_PW_HASH] = u->zHash,
        [STORE_USER_EMAIL] = u->zEmail && *u->zEmail ? u->zEmail : NULL,
        [STORE_USER_MAIL] = u->bMail ? "1" : "0",
        [STORE_USER_LANG] = u->zLang ? u->zLang : "",
    };
    char zKey[LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "user/%s", u->zName);
    Row r;
    int rc = row_read(s, STORE_USER, azKey, &r, err);
    if (rc == 0 && bCreate && r.bFound) {
        rc = apperr_set(err, APPERR_CONFLICT, "user '%s' exists already",
                        u->zName);
    } else if (rc == 0 && !bCreate && !r.bFound) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no user '%s'", u->zName);
    }
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, 0, 0, err);
    }
    if (rc > 0 && bCreate) {
        rc = apperr_set(err, APPERR_CONFLICT, "user '%s' exists already",
                        u->zName);
    } else if (rc > 0) {
        rc = row_conflict(&r, zKey, err);
    }
    row_release(&r);
    return rc;
}

/* ---- recommendations ----------------------------------------------------- */

/* APPERR_NOTFOUND unless round zRound of plan zPlan exists. */
static int
round_must_exist(Store *s, const char *zPlan, const char *zRound, AppErr *err)
{
    const char *azKey[] = { zPlan, zRound };
    int bFound = 0, iMissing = -1;
    if (row_exists(s, STORE_ROUND, azKey, &bFound, &iMissing, err)) {
        return -1;
    }
    if (iMissing == 0) {
        return apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", zPlan);
    }
    if (!bFound) {
        return apperr_set(err, APPERR_NOTFOUND, "no round '%s' in plan '%s'",
                          zRound, zPlan);
    }
    return 0;
}

int
store_rec_group_put(Store *s, const char *zPlan, const char *zRound,
                    const char *zName, AppErr *err)
{
    if (round_must_exist(s, zPlan, zRound, err)) {
        return -1;
    }
    const char *azKey[] = { zPlan, zRound, zName };
    const char *azNew[STORE_NCOL_MAX] = { [STORE_GROUP_NAME] = zName };
    char zKey[4 * LIMIT_CODE_BYTES + 16];
    (void)snprintf(zKey, sizeof zKey, "%s/round/%s/group/%s", zPlan, zRound,
                   zName);
    Row r;
    int rc = row_read(s, STORE_GROUP, azKey, &r, err);
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, 0, 0, err);
    }
    if (rc > 0) {
        rc = row_conflict(&r, zKey, err);
    }
    row_release(&r);
    return rc;
}

/* The check of one item of a recommendation's sub-rows: a node of the
** plan, or an organisation. */
static int
rec_item_must_exist(Store *s, const char *zPlan, StoreSub eSub,
                    const char *zItem, AppErr *err)
{
    int bFound = 0, iMissing = -1;
    if (eSub == STORE_SUB_REC_NODE) {
        const char *azKey[] = { zPlan, zItem };
        if (row_exists(s, STORE_NODE, azKey, &bFound, &iMissing, err)) {
            return -1;
        }
        return bFound ? 0
                      : apperr_set(err, APPERR_NOTFOUND,
                                   "no goal or activity '%s' in plan '%s'",
                                   zItem, zPlan);
    }
    const char *azKey[] = { zItem };
    if (row_exists(s, STORE_ORG, azKey, &bFound, &iMissing, err)) {
        return -1;
    }
    return bFound ? 0
                  : apperr_set(err, APPERR_NOTFOUND, "no organisation '%s'",
                               zItem);
}

int
store_rec_put(Store *s, const char *zPlan, const Rec *rc0, AppErr *err)
{
    if (code_check("recommendation", rc0->zCode, err) ||
        round_must_exist(s, zPlan, rc0->zRound, err)) {
        return -1;
    }
    if (rc0->zGroup) {
        const char *azGroup[] = { zPlan, rc0->zRound, rc0->zGroup };
        int bFound = 0, iMissing = -1;
        if (row_exists(s, STORE_GROUP, azGroup, &bFound, &iMissing, err)) {
            return -1;
        }
        if (!bFound) {
            return apperr_set(err, APPERR_NOTFOUND,
                              "no discussion group '%s' in round %s",
                              rc0->zGroup, rc0->zRound);
        }
    }
    const char *azKey[] = { zPlan, rc0->zRound, rc0->zCode };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_REC_TEXT] = rc0->zText ? rc0->zText : "",
        [STORE_REC_GROUP] = rc0->zGroup,
        [STORE_REC_PRIORITY] = rc0->bPriority ? "1" : "0",
        [STORE_REC_SOURCE] = rc0->zSource ? rc0->zSource : "",
    };
    char zKey[3 * LIMIT_CODE_BYTES + 16];
    (void)snprintf(zKey, sizeof zKey, "%s/round/%s/rec/%s", zPlan, rc0->zRound,
                   rc0->zCode);
    const StoreSub aKind[2] = { STORE_SUB_REC_NODE, STORE_SUB_REC_ORG };
    char **aaz[2] = { rc0->azNode, rc0->azOrg };
    size_t an[2] = { rc0->nNode, rc0->nOrg };
    SubDiff d[2] = { { BUF_INIT, BUF_INIT, 0 }, { BUF_INIT, BUF_INIT, 0 } };
    Row r;
    int rc = row_read(s, STORE_REC, azKey, &r, err);
    for (int k = 0; rc == 0 && k < 2; k++) {
        rc = sub_diff(s, &r, aKind[k], (const char *const *)aaz[k], an[k],
                      &d[k], err);
        for (size_t i = 0; rc == 0 && d[k].bChanged && i < an[k]; i++) {
            rc = rec_item_must_exist(s, zPlan, aKind[k], aaz[k][i], err);
        }
    }
    /* A change of nodes or organisations only is a change of the
    ** recommendation too: its version moves, so a form opened before
    ** cannot write the old lists back. */
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, rc0->iVersion,
                       d[0].bChanged || d[1].bChanged ? STORE_BUMP : 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "recommendation %s of round %s was changed by someone "
                        "else since you opened it; your text is kept below: "
                        "compare and save again",
                        rc0->zCode, rc0->zRound);
    }
    for (int k = 0; rc == 0 && k < 2; k++) {
        if (d[k].bChanged) {
            rc = sub_replace(s, &r, zKey, aKind[k], &d[k],
                             (const char *const *)aaz[k], an[k], err);
        }
    }
    sub_release(&d[0]);
    sub_release(&d[1]);
    row_release(&r);
    return rc ? -1 : 0;
}

int
store_followup_put(Store *s, const char *zPlan, const char *zRound,
                   const char *zCode, const RecFollowup *f, AppErr *err)
{
    if (round_must_exist(s, zPlan, f->zRound, err)) {
        return -1;
    }
    const char *azRec[] = { zPlan, zRound, zCode };
    int bFound = 0, iMissing = -1;
    if (row_exists(s, STORE_REC, azRec, &bFound, &iMissing, err)) {
        return -1;
    }
    if (!bFound) {
        return apperr_set(err, APPERR_NOTFOUND,
                          "no recommendation '%s' in round %s", zCode, zRound);
    }
    const char *azKey[] = { zPlan, zRound, zCode, f->zRound };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_FOLLOWUP_STATUS] = rec_status_name(f->eStatus),
        [STORE_FOLLOWUP_EVIDENCE] = f->zEvidence ? f->zEvidence : "",
    };
    char zKey[4 * LIMIT_CODE_BYTES + 16];
    (void)snprintf(zKey, sizeof zKey, "%s/round/%s/rec/%s/%s", zPlan, zRound,
                   zCode, f->zRound);
    Row r;
    int rc = row_read(s, STORE_FOLLOWUP, azKey, &r, err);
    if (rc == 0) {
        rc = row_write(s, &r, zKey, azNew, f->iVersion, 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "the %s follow-up of recommendation %s was %s by "
                        "someone else since you opened it; your text is kept "
                        "below: compare and save again",
                        f->zRound, zCode, r.bFound ? "changed" : "written");
    }
    row_release(&r);
    return rc ? -1 : 0;
}

/* ---- outreach, media, statistics ------------------------------------- */

/* Read, compare, audit and write the row e named by azKey (zKey in the
** audit trail) at version iVersion (VERSION_GIVEN), for entities without
** rules of their own; *pr holds the row as read (release it whatever
** this returns). */
static int
row_put_plain(Store *s, StoreEntity e, const char *const *azKey,
              const char *zKey, const char *const *azNew, int iVersion, Row *pr,
              AppErr *err)
{
    int rc = row_read(s, e, azKey, pr, err);
    if (rc == 0) {
        rc = row_write(s, pr, zKey, azNew, iVersion, 0, err);
    }
    return rc > 0 ? row_conflict(pr, zKey, err) : rc;
}

/* Delete the row e named by azKey (zKey in the audit trail) if it is
** still at version iVersion (0: any), with one "delete" audit row showing
** its headline column as it was. */
static int
row_delete_plain(Store *s, StoreEntity e, const char *const *azKey,
                 const char *zKey, int iVersion, AppErr *err)
{
    Row r;
    int rc = row_read(s, e, azKey, &r, err);
    if (rc == 0 && !r.bFound) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        "%s '%s' is not there (deleted meanwhile?)",
                        r.pE->zName, zKey);
    } else if (rc == 0 && iVersion > 0 && iVersion != r.version) {
        rc = row_conflict(&r, zKey, err);
    } else if (rc == 0) {
        char zBuf[LIMIT_AMOUNT_TEXT];
        int iCol = r.pE->aCreate[0].iCol;
        int bDone = 0;
        rc = audit_add(s, "delete", &r, zKey, NULL,
                       field_text(r.pE->aField[iCol].eHow, r.azOld[iCol], zBuf),
                       NULL, err) ||
             s->pMethods->xOutreachDelete(s, e, azKey, iVersion, &bDone, err);
        if (rc == 0 && !bDone) {
            rc = row_conflict(&r, zKey, err);
        }
    }
    row_release(&r);
    return rc ? -1 : 0;
}

/* A count or amount as a row's text: NULL when not given. */
static const char *
count_text(int64_t v, char *zBuf)
{
    if (v == OUTREACH_NONE) {
        return NULL;
    }
    (void)snprintf(zBuf, LIMIT_AMOUNT_TEXT, "%lld", (long long)v);
    return zBuf;
}

/* Whether each of azItem[0..n) exists as entity e, keyed by zOwner (when
** not NULL) and the item; APPERR_NOTFOUND naming the first that does
** not. */
static int
items_exist(Store *s, StoreEntity e, const char *zOwner, char **azItem,
            size_t n, const char *zWhat, AppErr *err)
{
    for (size_t i = 0; i < n; i++) {
        const char *azOne[] = { zOwner ? zOwner : azItem[i], azItem[i] };
        int bFound = 0, iMissing = -1;
        if (row_exists(s, e, azOne, &bFound, &iMissing, err)) {
            return -1;
        }
        if (!bFound) {
            return apperr_set(err, APPERR_NOTFOUND, "no %s '%s'", zWhat,
                              azItem[i]);
        }
    }
    return 0;
}

int
store_outreach_put(Store *s, const Outreach *o, AppErr *err)
{
    char azNum[6][LIMIT_AMOUNT_TEXT];
    const char *azKey[] = { o->zFrom, o->zTitle };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_OUTREACH_TO] = o->zTo,
        [STORE_OUTREACH_KIND] =
            code_table(CODE_OUTREACH_KIND, &(size_t){ 0 })[o->eKind].zKey,
        [STORE_OUTREACH_STATUS] =
            code_table(CODE_OUTREACH_STATUS, &(size_t){ 0 })[o->eStatus].zKey,
        [STORE_OUTREACH_PLAN] = o->zPlan,
        [STORE_OUTREACH_WOMEN] = count_text(o->n.women, azNum[0]),
        [STORE_OUTREACH_MEN] = count_text(o->n.men, azNum[1]),
        [STORE_OUTREACH_UNKNOWN] = count_text(o->n.unknown, azNum[2]),
        [STORE_OUTREACH_TOTAL] = count_text(o->n.total, azNum[3]),
        [STORE_OUTREACH_CURRENCY] = o->zCurrency,
        [STORE_OUTREACH_REQUESTED] = count_text(o->requested, azNum[4]),
        [STORE_OUTREACH_ORDERED] = count_text(o->ordered, azNum[5]),
        [STORE_OUTREACH_PURPOSE] = o->zPurpose,
        [STORE_OUTREACH_ATTENDEES] = o->zAttendees,
        [STORE_OUTREACH_NOTES] = o->zNotes,
    };
    Buf key = BUF_INIT;
    buf_printf(&key, "outreach/%s/%s", o->zFrom, o->zTitle);
    int rc = 0;
    if (o->zPlan) {
        const char *azPlan[] = { o->zPlan };
        int bFound = 0, iMissing = -1;
        rc = row_exists(s, STORE_PLAN, azPlan, &bFound, &iMissing, err);
        if (rc == 0 && !bFound) {
            rc = apperr_set(err, APPERR_NOTFOUND, "no plan '%s'", o->zPlan);
        }
    }
    if (rc == 0) {
        rc = items_exist(s, STORE_ORG, NULL, o->azOrg, o->nOrg, "organisation",
                         err) ||
                     items_exist(s, STORE_NODE, o->zPlan, o->azActivity,
                                 o->nActivity, "activity", err)
                 ? -1
                 : 0;
    }
    Row r;
    memset(&r, 0, sizeof r);
    if (rc == 0) {
        rc = row_put_plain(s, STORE_OUTREACH, azKey, buf_str(&key), azNew,
                           o->iVersion, &r, err);
    }
    if (rc == 0) {
        /* Lists compare with what the row held (nothing when new). */
        rc = sub_put(s, &r, buf_str(&key), STORE_SUB_OUTREACH_PLACE,
                     (const char *const *)o->azPlace, o->nPlace, err) ||
             sub_put(s, &r, buf_str(&key), STORE_SUB_OUTREACH_ORG,
                     (const char *const *)o->azOrg, o->nOrg, err) ||
             sub_put(s, &r, buf_str(&key), STORE_SUB_OUTREACH_NODE,
                     (const char *const *)o->azActivity, o->nActivity, err);
    }
    row_release(&r);
    buf_release(&key);
    return rc ? -1 : 0;
}

int
store_media_put(Store *s, const Media *m, AppErr *err)
{
    const char *azKey[] = { m->zDate, m->zTitle };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_MEDIA_OUTLET] = m->zOutlet,
        [STORE_MEDIA_LINK] = m->zLink,
    };
    Buf key = BUF_INIT;
    buf_printf(&key, "media/%s/%s", m->zDate, m->zTitle);
    Row r;
    int rc = row_put_plain(s, STORE_MEDIA, azKey, buf_str(&key), azNew,
                           m->iVersion, &r, err);
    row_release(&r);
    buf_release(&key);
    return rc;
}

int
store_stat_put(Store *s, const StatObs *o, AppErr *err)
{
    char zValue[LIMIT_AMOUNT_TEXT];
    const char *zMeasure =
        code_table(CODE_STAT_MEASURE, &(size_t){ 0 })[o->eMeasure].zKey;
    const char *zChannel =
        code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[o->eChannel].zKey;
    const char *zSex = code_table(CODE_STAT_SEX, &(size_t){ 0 })[o->eSex].zKey;
    const char *azKey[] = { zMeasure, o->zDest,   zChannel,
                            zSex,     o->zPeriod, o->zSource };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_STAT_VALUE] = count_text(o->value, zValue),
        [STORE_STAT_NOTE] = o->zNote,
    };
    Buf key = BUF_INIT;
    buf_printf(&key, "stat/%s/%s/%s/%s/%s/%s", zMeasure, o->zDest, zChannel,
               zSex, o->zPeriod, o->zSource);
    Row r;
    int rc = row_put_plain(s, STORE_STAT, azKey, buf_str(&key), azNew,
                           o->iVersion, &r, err);
    row_release(&r);
    buf_release(&key);
    return rc;
}

int
store_outreach_delete(Store *s, const Outreach *o, AppErr *err)
{
    const char *azKey[] = { o->zFrom, o->zTitle };
    Buf key = BUF_INIT;
    buf_printf(&key, "outreach/%s/%s", o->zFrom, o->zTitle);
    int rc = row_delete_plain(s, STORE_OUTREACH, azKey, buf_str(&key),
                              o->iVersion, err);
    buf_release(&key);
    return rc;
}

int
store_media_delete(Store *s, const Media *m, AppErr *err)
{
    const char *azKey[] = { m->zDate, m->zTitle };
    Buf key = BUF_INIT;
    buf_printf(&key, "media/%s/%s", m->zDate, m->zTitle);
    int rc = row_delete_plain(s, STORE_MEDIA, azKey, buf_str(&key), m->iVersion,
                              err);
    buf_release(&key);
    return rc;
}

int
store_stat_delete(Store *s, const StatObs *o, AppErr *err)
{
    const char *zMeasure =
        code_table(CODE_STAT_MEASURE, &(size_t){ 0 })[o->eMeasure].zKey;
    const char *zChannel =
        code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[o->eChannel].zKey;
    const char *zSex = code_table(CODE_STAT_SEX, &(size_t){ 0 })[o->eSex].zKey;
    const char *azKey[] = { zMeasure, o->zDest,   zChannel,
                            zSex,     o->zPeriod, o->zSource };
    Buf key = BUF_INIT;
    buf_printf(&key, "stat/%s/%s/%s/%s/%s/%s", zMeasure, o->zDest, zChannel,
               zSex, o->zPeriod, o->zSource);
    int rc =
        row_delete_plain(s, STORE_STAT, azKey, buf_str(&key), o->iVersion, err);
    buf_release(&key);
    return rc;
}

/* ---- indicators and their values ------------------------------------- */

/* Whether the row e azKey exists; APPERR_NOTFOUND "no WHAT 'zName'". */
static int
must_exist(Store *s, StoreEntity e, const char *const *azKey, const char *zWhat,
           const char *zName, AppErr *err)
{
    int bFound = 0, iMissing = -1;
    if (row_exists(s, e, azKey, &bFound, &iMissing, err)) {
        return -1;
    }
    if (!bFound) {
        return apperr_set(err, APPERR_NOTFOUND, "no %s '%s'", zWhat, zName);
    }
    return 0;
}

int
store_indicator_put(Store *s, const Indicator *p, AppErr *err)
{
    char zRev[16], zBase[48], zBaseYear[16];
    (void)snprintf(zRev, sizeof zRev, "%d", p->iRev);
    ind_number_text(p->baseline, zBase, sizeof zBase);
    (void)snprintf(zBaseYear, sizeof zBaseYear, "%d", p->baselineYear);
    char *zTargets = ind_targets_text(p);
    char *zDims = ind_dims_text(p->mDim);
    char *zFrom = p->bComputed && p->mOutreach ? ind_computed_text(p) : NULL;
    const char *azKey[] = { p->zPlan, p->zCode, zRev };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_INDICATOR_NODE] = p->zNode,
        [STORE_INDICATOR_DEFINITION] = p->zDefinition,
        [STORE_INDICATOR_UNIT] =
            code_table(CODE_IND_UNIT, &(size_t){ 0 })[p->eUnit].zKey,
        [STORE_INDICATOR_DIRECTION] =
            code_table(CODE_IND_DIRECTION, &(size_t){ 0 })[p->eDir].zKey,
        [STORE_INDICATOR_BASELINE] = p->bBaseline ? zBase : NULL,
        [STORE_INDICATOR_BASELINE_YEAR] = p->bBaseline ? zBaseYear : NULL,
        [STORE_INDICATOR_TARGETS] = zTargets,
        [STORE_INDICATOR_DISAGG] = zDims,
        [STORE_INDICATOR_VERIFICATION] = p->zVerification,
        [STORE_INDICATOR_ORG] = p->zOrg,
        [STORE_INDICATOR_COMPUTED] = p->bComputed ? "1" : "0",
        [STORE_INDICATOR_EFFECTIVE] = p->zEffective,
        [STORE_INDICATOR_REASON] = p->zReason,
        [STORE_INDICATOR_COMPUTED_FROM] = zFrom,
        [STORE_INDICATOR_DEFINITION_KM] = p->zDefinitionKm,
    };
    const char *azPlan[] = { p->zPlan };
    const char *azNode[] = { p->zPlan, p->zNode };
    const char *azOrg[] = { p->zOrg };
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/indicator/%s/%s", p->zPlan, p->zCode, zRev);
    Row r;
    memset(&r, 0, sizeof r);
    int rc = must_exist(s, STORE_PLAN, azPlan, "plan", p->zPlan, err) ||
                     must_exist(s, STORE_NODE, azNode, "goal", p->zNode, err) ||
                     (p->zOrg && must_exist(s, STORE_ORG, azOrg, "organisation",
                                            p->zOrg, err))
                 ? -1
                 : 0;
    if (rc == 0) {
        rc = row_read(s, STORE_INDICATOR, azKey, &r, err);
    }
    if (rc == 0 && r.bFound && !p->zDefinitionKm) {
        /* An indicator given without its Khmer (a file without the
        ** column) keeps the Khmer it has. */
        azNew[STORE_INDICATOR_DEFINITION_KM] =
            r.azOld[STORE_INDICATOR_DEFINITION_KM];
    }
    if (rc == 0) {
        rc = row_write(s, &r, buf_str(&key), azNew, 0, 0, err);
        rc = rc > 0 ? row_conflict(&r, buf_str(&key), err) : rc;
    }
    row_release(&r);
    buf_release(&key);
    free(zTargets);
    free(zDims);
    free(zFrom);
    return rc ? -1 : 0;
}

int
store_ind_value_put(Store *s, const char *zPlan, const IndValue *v,
                    int iVersion, AppErr *err)
{
    char zRev[16], zValue[48], zNum[24], zDen[24];
    (void)snprintf(zRev, sizeof zRev, "%d", v->iRev);
    ind_number_text(v->value, zValue, sizeof zValue);
    (void)snprintf(zNum, sizeof zNum, "%lld", (long long)v->num);
    (void)snprintf(zDen, sizeof zDen, "%lld", (long long)v->den);
    const char *zSex = code_table(CODE_STAT_SEX, &(size_t){ 0 })[v->eSex].zKey;
    Buf cell = BUF_INIT;
    if (v->eDim != IND_DIM_COUNT) {
        buf_printf(&cell, "%s:%s",
                   code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zKey,
                   v->zDimCode);
    }
    const char *azKey[] = { zPlan,      v->zCode, zRev,
                            v->zPeriod, zSex,     buf_str(&cell) };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_IND_VALUE_VALUE] = zValue,
        [STORE_IND_VALUE_NUM] = v->num >= 0 ? zNum : NULL,
        [STORE_IND_VALUE_DEN] = v->den >= 0 ? zDen : NULL,
        [STORE_IND_VALUE_SOURCE] = v->zSource,
        [STORE_IND_VALUE_STATE] =
            code_table(CODE_IND_VALUE_STATE, &(size_t){ 0 })[v->eState].zKey,
        [STORE_IND_VALUE_NOTE] = v->zNote,
    };
    const char *azInd[] = { zPlan, v->zCode, zRev };
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/indicator/%s/%s/value/%s/%s/%s", zPlan, v->zCode, zRev,
               v->zPeriod, zSex, buf_str(&cell));
    Row r;
    memset(&r, 0, sizeof r);
    int rc = 0;
    int bFound = 0, iMissing = -1;
    if (row_exists(s, STORE_INDICATOR, azInd, &bFound, &iMissing, err)) {
        rc = -1;
    } else if (!bFound) {
        rc = apperr_set(err, APPERR_NOTFOUND,
                        "no revision %s of indicator '%s'", zRev, v->zCode);
    }
    if (rc == 0) {
        rc = row_read(s, STORE_IND_VALUE, azKey, &r, err);
    }
    if (rc == 0) {
        rc = row_write(s, &r, buf_str(&key), azNew, iVersion, 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "the %s value of indicator %s was changed by someone "
                        "else since you opened it: compare and save again",
                        v->zPeriod, v->zCode);
    }
    row_release(&r);
    buf_release(&key);
    buf_release(&cell);
    return rc ? -1 : 0;
}

/* ---- costs and funding ------------------------------------------------ */

/* The round and the node of a cost or line must exist. */
static int
fund_owner_exist(Store *s, const char *zPlan, const char *zRound,
                 const char *zNode, AppErr *err)
{
    const char *azNode[] = { zPlan, zNode };
    return round_must_exist(s, zPlan, zRound, err) ||
                   must_exist(s, STORE_NODE, azNode, "activity", zNode, err)
               ? -1
               : 0;
}

int
store_fund_cost_put(Store *s, const char *zPlan, const FundCost *c, AppErr *err)
{
    char zAmount[LIMIT_AMOUNT_TEXT];
    (void)snprintf(zAmount, sizeof zAmount, "%lld", (long long)c->amount);
    const char *azKey[] = { zPlan, c->zRound, c->zNode };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_FUND_COST_AMOUNT] = zAmount,
        [STORE_FUND_COST_CURRENCY] = c->zCurrency,
        [STORE_FUND_COST_NOTE] = c->zNote,
    };
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/round/%s/cost/%s", zPlan, c->zRound, c->zNode);
    Row r;
    memset(&r, 0, sizeof r);
    int rc = fund_owner_exist(s, zPlan, c->zRound, c->zNode, err);
    if (rc == 0) {
        rc = row_read(s, STORE_FUND_COST, azKey, &r, err);
    }
    if (rc == 0) {
        rc = row_write(s, &r, buf_str(&key), azNew, c->iVersion, 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "the cost of activity %s in round %s was changed by "
                        "someone else since you opened it; what you typed is "
                        "kept below: compare and save again",
                        c->zNode, c->zRound);
    }
    row_release(&r);
    buf_release(&key);
    return rc ? -1 : 0;
}

int
store_fund_line_put(Store *s, const char *zPlan, const FundLine *l, AppErr *err)
{
    char zLine[16], zAmount[LIMIT_AMOUNT_TEXT];
    (void)snprintf(zLine, sizeof zLine, "%d", l->iLine);
    (void)snprintf(zAmount, sizeof zAmount, "%lld", (long long)l->amount);
    const char *azKey[] = { zPlan, l->zRound, l->zNode, zLine };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_FUND_LINE_KIND] =
            code_table(CODE_FUND_KIND, &(size_t){ 0 })[l->eKind].zKey,
        [STORE_FUND_LINE_ORG] = l->zOrg,
        [STORE_FUND_LINE_LABEL] = l->zLabel,
        [STORE_FUND_LINE_AMOUNT] = zAmount,
        [STORE_FUND_LINE_CURRENCY] = l->zCurrency,
        [STORE_FUND_LINE_STATUS] =
            code_table(CODE_FUND_STATUS, &(size_t){ 0 })[l->eStatus].zKey,
        [STORE_FUND_LINE_NOTE] = l->zNote,
    };
    const char *azOrg[] = { l->zOrg };
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/round/%s/funding/%s/%s", zPlan, l->zRound, l->zNode,
               zLine);
    Row r;
    memset(&r, 0, sizeof r);
    int rc = fund_owner_exist(s, zPlan, l->zRound, l->zNode, err) ||
                     (l->zOrg && must_exist(s, STORE_ORG, azOrg, "organisation",
                                            l->zOrg, err))
                 ? -1
                 : 0;
    if (rc == 0) {
        rc = row_read(s, STORE_FUND_LINE, azKey, &r, err);
    }
    if (rc == 0) {
        rc = row_write(s, &r, buf_str(&key), azNew, l->iVersion, 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "funding line %d of activity %s in round %s was "
                        "changed by someone else since you opened it; what "
                        "you typed is kept below: compare and save again",
                        l->iLine, l->zNode, l->zRound);
    }
    row_release(&r);
    buf_release(&key);
    return rc ? -1 : 0;
}

/* ---- due dates and extensions -------------------------------------------- */

/* Set column iCol of the stored row of e named by azKey (zKey in the
** audit trail) to zNew, the other columns as they are: one audited
** change.  APPERR_NOTFOUND when there is no such row. */
static int
row_put_column(Store *s, StoreEntity e, const char *const *azKey,
               const char *zKey, int iCol, const char *zNew, AppErr *err)
{
    Row r;
    int rc = row_read(s, e, azKey, &r, err);
    if (rc == 0 && !r.bFound) {
        rc = apperr_set(err, APPERR_NOTFOUND, "no %s '%s'", aEntity[e].zName,
                        zKey);
    }
    if (rc == 0) {
        const char *azNew[STORE_NCOL_MAX];
        for (int i = 0; i < STORE_NCOL_MAX; i++) {
            azNew[i] = r.azOld[i];
        }
        azNew[iCol] = zNew;
        rc = row_write(s, &r, zKey, azNew, 0, 0, err);
    }
    if (rc > 0) {
        rc = row_conflict(&r, zKey, err);
    }
    row_release(&r);
    return rc;
}

int
store_round_due_put(Store *s, const char *zPlan, const char *zRound,
                    const char *zDue, AppErr *err)
{
    const char *azKey[] = { zPlan, zRound };
    char zKey[2 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/round/%s", zPlan, zRound);
    return round_must_exist(s, zPlan, zRound, err) ||
                   row_put_column(s, STORE_ROUND, azKey, zKey, STORE_ROUND_DUE,
                                  zDue, err)
               ? -1
               : 0;
}

int
store_round_ext_put(Store *s, const char *zPlan, const char *zRound,
                    const RoundExt *e, AppErr *err)
{
    const char *azKey[] = { zPlan, zRound, e->zOrg };
    const char *azOrg[] = { e->zOrg };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_ROUND_EXT_DUE] = e->zDue,
        [STORE_ROUND_EXT_REASON] = e->zReason,
    };
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/round/%s/extension/%s", zPlan, zRound, e->zOrg);
    Row r;
    memset(&r, 0, sizeof r);
    int rc =
        round_must_exist(s, zPlan, zRound, err) ||
                must_exist(s, STORE_ORG, azOrg, "organisation", e->zOrg, err)
            ? -1
            : 0;
    if (rc == 0) {
        rc = row_read(s, STORE_ROUND_EXT, azKey, &r, err);
    }
    if (rc == 0) {
        rc = row_write(s, &r, buf_str(&key), azNew, e->iVersion, 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "the extension of %s in round %s was changed by "
                        "someone else since you opened it; nothing was saved: "
                        "look at it again",
                        e->zOrg, zRound);
    }
    row_release(&r);
    buf_release(&key);
    return rc ? -1 : 0;
}

int
store_field_put(Store *s, StoreEntity e, const char *const *azKey, int iCol,
                const char *zNew, AppErr *err)
{
    /* Entities without a version, whose rows read back as they are
    ** written (the caller guards against a stale form). */
    assert(e == STORE_ORG || e == STORE_PLAN || e == STORE_NODE ||
           e == STORE_INDICATOR);
    assert(iCol >= 0 && iCol < aEntity[e].nCol);
    char zKey[3 * LIMIT_CODE_BYTES + 16];
    if (e == STORE_INDICATOR) {
        /* As store_indicator_put() keys its audit rows. */
        (void)snprintf(zKey, sizeof zKey, "%s/indicator/%s/%s", azKey[0],
                       azKey[1], azKey[2]);
    } else {
        key_join(zKey, sizeof zKey, azKey, aEntity[e].nKey);
    }
    return row_put_column(s, e, azKey, zKey, iCol, zNew && *zNew ? zNew : NULL,
                          err);
}

/* ---- the review's chapters ----------------------------------------------- */

int
store_round_chapter_put(Store *s, const char *zPlan, const char *zRound,
                        const RoundChapter *c, AppErr *err)
{
    const char *zKind = chapter_kind_name(c->eKind);
    const char *azKey[] = { zPlan, zRound, zKind };
    const char *azNew[STORE_NCOL_MAX] = {
        [STORE_CHAPTER_TEXT] = c->zText ? c->zText : "",
        [STORE_CHAPTER_TEXT_KM] = c->zTextKm && *c->zTextKm ? c->zTextKm : NULL,
    };
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/round/%s/chapter/%s", zPlan, zRound, zKind);
    Row r;
    memset(&r, 0, sizeof r);
    int rc = round_must_exist(s, zPlan, zRound, err);
    if (rc == 0) {
        rc = row_read(s, STORE_CHAPTER, azKey, &r, err);
    }
    if (rc == 0) {
        rc = row_write(s, &r, buf_str(&key), azNew, c->iVersion, 0, err);
    }
    if (rc == ROW_STALE || rc == ROW_LOST) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        "chapter '%s' of round %s was saved by someone else "
                        "since you opened it; your text is kept: compare and "
                        "save again",
                        zKind, zRound);
    }
    row_release(&r);
    buf_release(&key);
    return rc ? -1 : 0;
}
