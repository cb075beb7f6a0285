/*
** annex_csv.c — reading and writing the annex CSV layout (see annex_csv.h).
**
** The header drives everything: level columns come in groups
** "<level>_code", "<level>" [, "<level>_km"] [, "<level>_indicator"
** [, "<level>_indicator_km"]] (the Khmer of a text), the last group being
** the activities; then "responsible", "contributing"; then round groups;
** "lmpmon:revision" (an export's last column) may stand anywhere.  Each
** row is checked cell by cell, so a mistake is reported where it is.
*/
#include <stdlib.h>
#include <string.h>

#include "annex_csv.h"
#include "csv.h"
#include "../base/base.h"
#include "../base/banned.h"

/* What a header column means. */
typedef enum ColKind {
    COL_LEVEL_CODE,
    COL_LEVEL_TEXT,
    COL_LEVEL_INDICATOR,
    COL_LEVEL_TEXT_KM,
    COL_LEVEL_INDICATOR_KM,
    COL_RESPONSIBLE,
    COL_CONTRIBUTING,
    COL_ROUND_ACTION,
    COL_ROUND_PROGRESS,
    COL_ROUND_RATING,
    COL_REVISION
} ColKind;

typedef struct Col {
    ColKind eKind;
    int iLevel; /* for level columns */
    int iRound; /* for round columns: index into the plan's rounds */
} Col;

static int
annex_valid_name(const char *z)
{
    if (!(*z >= 'a' && *z <= 'z')) {
        return 0;
    }
    for (; *z; z++) {
        if (!((*z >= 'a' && *z <= 'z') || (*z >= '0' && *z <= '9') ||
              *z == '_')) {
            return 0;
        }
    }
    return 1;
}

static int
annex_ends_with(const char *z, const char *zSuffix, size_t *pnStem)
{
    size_t n = strlen(z), m = strlen(zSuffix);
    if (n > m && strcmp(z + n - m, zSuffix) == 0) {
        *pnStem = n - m;
        return 1;
    }
    return 0;
}

/* Classify the header into aCol; fills the plan's levels and rounds. */
static int
annex_read_header(const char *zFile, CsvRecord *h, Plan *p, Col *aCol,
                  AnnexCols *pCols, AppErr *err)
{
    int bSeenResp = 0, bSeenContrib = 0;
    for (size_t k = 0; k < h->nField; k++) {
        const char *z = h->azField[k];
        int iCol = (int)k + 1;
        for (size_t j = 0; j < k; j++) {
            if (strcmp(h->azField[j], z) == 0) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': line 1, column %d: "
                                  "duplicate column '%s' (also column %zu)",
                                  zFile, iCol, z, j + 1);
            }
        }
        if (strcmp(z, ANNEX_REVISION_COLUMN) == 0) {
            aCol[k].eKind = COL_REVISION;
            pCols->iRevision = iCol;
            continue;
        }
        const char *zColon = strchr(z, ':');
        size_t nStem = 0;
        if (zColon) {
            size_t nRound = (size_t)(zColon - z);
            const char *zPart = zColon + 1;
            ColKind e;
            if (strcmp(zPart, "action_point") == 0) {
                e = COL_ROUND_ACTION;
            } else if (strcmp(zPart, "progress") == 0) {
                e = COL_ROUND_PROGRESS;
            } else if (strcmp(zPart, "rating") == 0) {
                e = COL_ROUND_RATING;
            } else {
                return apperr_set(
                    err, APPERR_INPUT,
                    "cannot import '%s': line 1, column %d: "
                    "unknown column '%s' (a round has the columns "
                    "'R:action_point', 'R:progress', 'R:rating')",
                    zFile, iCol, z);
            }
            if (nRound == 0 || nRound >= LIMIT_CODE_BYTES) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': line 1, column %d: "
                                  "column '%s' needs a round code of 1 to %u "
                                  "bytes before ':'",
                                  zFile, iCol, z, LIMIT_CODE_BYTES - 1);
            }
            char *zRound = xstrndup(z, nRound);
            Round *r = plan_find_round(p, zRound);
            if (!r) {
                r = plan_add_round(p);
                r->zCode = zRound;
            } else {
                free(zRound);
            }
            aCol[k].eKind = e;
            aCol[k].iRound = (int)(r - p->aRound);
            continue;
        }
        if (strcmp(z, "responsible") == 0 || strcmp(z, "contributing") == 0) {
            int bResp = z[0] == 'r';
            aCol[k].eKind = bResp ? COL_RESPONSIBLE : COL_CONTRIBUTING;
            if (bResp) {
                bSeenResp = 1;
                pCols->iResp = iCol;
            } else {
                bSeenContrib = 1;
                pCols->iContrib = iCol;
            }
            continue;
        }
        if (bSeenResp || bSeenContrib || p->nRound) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': line 1, column %d: unknown "
                              "column '%s' (plan levels come before "
                              "'responsible')",
                              zFile, iCol, z);
        }
        /* A level column. */
        if (annex_ends_with(z, "_code", &nStem)) {
            char *zLevel = xstrndup(z, nStem);
            if (!annex_valid_name(zLevel) ||
                p->nLevel >= (int)LIMIT_PLAN_LEVELS) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line 1, column %d: unknown "
                           "column '%s'%s",
                           zFile, iCol, z,
                           p->nLevel >= (int)LIMIT_PLAN_LEVELS
                               ? " (more levels than LIMIT_PLAN_LEVELS)"
                               : " (a level name is lower-case letters, digits "
                                 "and '_')");
                free(zLevel);
                return -1;
            }
            if (plan_find_level(p, zLevel) >= 0) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line 1, column %d: level '%s' "
                           "appears twice",
                           zFile, iCol, zLevel);
                free(zLevel);
                return -1;
            }
            p->aLevel[p->nLevel].zName = zLevel;
            pCols->aiCode[p->nLevel] = iCol;
            aCol[k].eKind = COL_LEVEL_CODE;
            aCol[k].iLevel = p->nLevel++;
            continue;
        }
        int iLevel = p->nLevel - 1;
        const char *zLevel = iLevel >= 0 ? p->aLevel[iLevel].zName : "";
        size_t nLevel = strlen(zLevel);
        if (iLevel >= 0 && strcmp(z, zLevel) == 0) {
            aCol[k].eKind = COL_LEVEL_TEXT;
            aCol[k].iLevel = iLevel;
            pCols->aiText[iLevel] = iCol;
            continue;
        }
        if (iLevel >= 0 && strncmp(z, zLevel, nLevel) == 0 &&
            strcmp(z + nLevel, "_indicator") == 0) {
            aCol[k].eKind = COL_LEVEL_INDICATOR;
            aCol[k].iLevel = iLevel;
            pCols->aiIndicator[iLevel] = iCol;
            p->aLevel[iLevel].bIndicator = 1;
            continue;
        }
        if (iLevel >= 0 && strncmp(z, zLevel, nLevel) == 0 &&
            (strcmp(z + nLevel, "_km") == 0 ||
             (strcmp(z + nLevel, "_indicator_km") == 0 &&
              pCols->aiIndicator[iLevel]))) {
            int bInd = z[nLevel + 1] == 'i';
            aCol[k].eKind = bInd ? COL_LEVEL_INDICATOR_KM : COL_LEVEL_TEXT_KM;
            aCol[k].iLevel = iLevel;
            if (bInd) {
                pCols->aiIndicatorKm[iLevel] = iCol;
            } else {
                pCols->aiTextKm[iLevel] = iCol;
            }
            continue;
        }
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line 1, column %d: unknown "
                          "column '%s'%s%s%s",
                          zFile, iCol, z, iLevel >= 0 ? " (after '" : "",
                          iLevel >= 0 ? p->aLevel[iLevel].zName : "",
                          iLevel >= 0 ? "_code' come its text column, named "
                                        "after the level, and optionally "
                                        "'<level>_km', '<level>_indicator' "
                                        "and '<level>_indicator_km')"
                                      : "");
    }
    /* Every level needs its text column; every round its three. */
    for (int l = 0; l < p->nLevel; l++) {
        int bText = 0;
        for (size_t k = 0; k < h->nField; k++) {
            bText |= aCol[k].eKind == COL_LEVEL_TEXT && aCol[k].iLevel == l;
        }
        if (!bText) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': line 1: missing column '%s'",
                              zFile, p->aLevel[l].zName);
        }
    }
    if (p->nLevel == 0) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line 1: missing columns for the "
                          "plan levels (e.g. 'goal_code', 'goal', "
                          "'activity_code', 'activity')",
                          zFile);
    }
    if (!bSeenResp || !bSeenContrib) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line 1: missing column '%s'",
                          zFile, bSeenResp ? "contributing" : "responsible");
    }
    static const char *const azPart[] = { "action_point", "progress",
                                          "rating" };
    for (size_t r = 0; r < p->nRound; r++) {
        for (int part = 0; part < 3; part++) {
            int bFound = 0;
            for (size_t k = 0; k < h->nField; k++) {
                bFound |= aCol[k].eKind == (ColKind)(COL_ROUND_ACTION + part) &&
                          aCol[k].iRound == (int)r &&
                          strchr(h->azField[k], ':');
            }
            if (!bFound) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': line 1: missing column "
                                  "'%s:%s'",
                                  zFile, p->aRound[r].zCode, azPart[part]);
            }
        }
    }
    pCols->aiRound = xcalloc(p->nRound ? 3 * p->nRound : 1, sizeof(int));
    for (size_t k = 0; k < h->nField; k++) {
        if (aCol[k].eKind >= COL_ROUND_ACTION &&
            aCol[k].eKind <= COL_ROUND_RATING) {
            pCols->aiRound[3 * (size_t)aCol[k].iRound +
                           (size_t)(aCol[k].eKind - COL_ROUND_ACTION)] =
                (int)k + 1;
        }
    }
    return 0;
}

void
annex_cols_release(AnnexCols *cols)
{
    for (size_t i = 0; i < cols->nRevision; i++) {
        free(cols->azRevision[i]);
    }
    free(cols->azRevision);
    free(cols->aiRound);
    memset(cols, 0, sizeof *cols);
}

/* Remember zRev (trimmed; NULL or empty: none) as the revision of node
** iNode, the plan's newest. */
static void
annex_note_revision(AnnexCols *cols, size_t iNode, const char *zRev)
{
    xgrow((void **)&cols->azRevision, &cols->nRevisionAlloc, iNode,
          sizeof *cols->azRevision);
    while (cols->nRevision <= iNode) {
        cols->azRevision[cols->nRevision++] = NULL;
    }
    char *z = zRev ? str_trim(zRev) : NULL;
    if (z && !*z) {
        free(z);
        z = NULL;
    }
    cols->azRevision[iNode] = z;
}

/* Index of the node with code zCode among p's nodes, or -1. */
static long
annex_find(Plan *p, const char *zCode)
{
    return plan_find_node(p, zCode);
}

int
annex_csv_read(const char *zFile, const char *z, size_t n, const char *zPlan,
               Model *m, AnnexCols *pCols, AppErr *err)
{
    CsvReader r;
    CsvRecord header = { 0 }, rec = { 0 };
    Col *aCol = NULL;
    int rc = -1;
    annex_cols_release(pCols);
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup(zPlan);

    csv_reader_init(&r, z, n);
    int got = csv_read_header(&r, &header, zFile, "annex-csv.md", err);
    if (got <= 0) {
        goto out;
    }
    if (header.nField > LIMIT_IMPORT_COLUMNS) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': line 1: %zu columns, more than %u "
                   "(LIMIT_IMPORT_COLUMNS)",
                   zFile, header.nField, LIMIT_IMPORT_COLUMNS);
        goto out;
    }
    /* Every field goes through the export's formula guard once (the
    ** header's in csv_read_header()): codes and round names come back as
    ** written. */
    for (size_t k = 0; k < header.nField; k++) {
        if (utf8_invalid_at(header.azField[k], strlen(header.azField[k])) >=
            0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line 1, column %zu: invalid UTF-8 "
                       "(save the file as UTF-8)",
                       zFile, k + 1);
            goto out;
        }
    }
    aCol = xcalloc(header.nField, sizeof *aCol);
    if (annex_read_header(zFile, &header, p, aCol, pCols, err)) {
        goto out;
    }
    int iLeaf = plan_leaf_level(p);
    size_t nRow = 0;
    for (;;) {
        got = csv_read_record(&r, &rec, err);
        if (got < 0) {
            apperr_prefix(err, "cannot import '%s'", zFile);
            goto out;
        }
        if (got == 0) {
            break;
        }
        if (++nRow > LIMIT_IMPORT_ROWS) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line %d: more than %u rows "
                       "(LIMIT_IMPORT_ROWS); split the file",
                       zFile, rec.iLine, LIMIT_IMPORT_ROWS);
            goto out;
        }
        if (rec.nField != header.nField) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line %d: %zu fields, but the "
                       "header has %zu columns",
                       zFile, rec.iLine, rec.nField, header.nField);
            goto out;
        }
        csv_record_unguard(&rec);
        /* Cell checks common to all columns. */
        for (size_t k = 0; k < rec.nField; k++) {
            const char *zF = rec.azField[k];
            if (utf8_invalid_at(zF, strlen(zF)) >= 0) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, column %zu (%s): "
                           "invalid UTF-8 (save the file as UTF-8)",
                           zFile, rec.aiLine[k], k + 1, header.azField[k]);
                goto out;
            }
            if ((aCol[k].eKind == COL_LEVEL_CODE) &&
                strlen(zF) >= LIMIT_CODE_BYTES) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, column %zu (%s): code "
                           "longer than %u bytes (LIMIT_CODE_BYTES)",
                           zFile, rec.aiLine[k], k + 1, header.azField[k],
                           LIMIT_CODE_BYTES - 1);
                goto out;
            }
        }
        const char *zRev =
            pCols->iRevision ? rec.azField[pCols->iRevision - 1] : NULL;
        /* Walk the levels top-down, creating or checking each node. */
        long iParent = -1;
        Node *leaf = NULL;
        for (int l = 0; l <= iLeaf; l++) {
            size_t kCode = 0, kText = 0, kInd = 0, kTextKm = 0, kIndKm = 0;
            int bInd = 0, bTextKm = 0, bIndKm = 0;
            for (size_t k = 0; k < header.nField; k++) {
                if (aCol[k].iLevel != l) {
                    continue;
                }
                if (aCol[k].eKind == COL_LEVEL_CODE) {
                    kCode = k;
                } else if (aCol[k].eKind == COL_LEVEL_TEXT) {
                    kText = k;
                } else if (aCol[k].eKind == COL_LEVEL_INDICATOR) {
                    kInd = k;
                    bInd = 1;
                } else if (aCol[k].eKind == COL_LEVEL_TEXT_KM) {
                    kTextKm = k;
                    bTextKm = 1;
                } else if (aCol[k].eKind == COL_LEVEL_INDICATOR_KM) {
                    kIndKm = k;
                    bIndKm = 1;
                }
            }
            char *zCode = str_trim(rec.azField[kCode]);
            const char *zText = rec.azField[kText];
            const char *zInd = bInd ? rec.azField[kInd] : "";
            const char *zTextKm = bTextKm ? rec.azField[kTextKm] : "";
            const char *zIndKm = bIndKm ? rec.azField[kIndKm] : "";
            if (!*zCode) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, column %zu (%s): "
                           "empty %s code",
                           zFile, rec.aiLine[kCode], kCode + 1,
                           header.azField[kCode], p->aLevel[l].zName);
                free(zCode);
                goto out;
            }
            long i = annex_find(p, zCode);
            if (l == iLeaf && i >= 0) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, column %zu (%s): "
                           "duplicate %s code '%s' (first on line %d)",
                           zFile, rec.aiLine[kCode], kCode + 1,
                           header.azField[kCode], p->aLevel[l].zName, zCode,
                           p->aNode[i].iLine);
                free(zCode);
                goto out;
            }
            if (i >= 0) {
                Node *o = &p->aNode[i];
                const char *zWhy = NULL;
                size_t kWhy = kCode;
                if (o->iLevel != l) {
                    zWhy = "is used at another level";
                } else if (o->iParent != iParent) {
                    zWhy = "is placed under another parent";
                } else if (*zText && o->zText && strcmp(o->zText, zText) != 0) {
                    zWhy = "has a different text";
                    kWhy = kText;
                } else if (*zInd && o->zIndicator &&
                           strcmp(o->zIndicator, zInd) != 0) {
                    zWhy = "has a different indicator";
                    kWhy = kInd;
                } else if (*zTextKm && o->zTextKm &&
                           strcmp(o->zTextKm, zTextKm) != 0) {
                    zWhy = "has a different Khmer text";
                    kWhy = kTextKm;
                } else if (*zIndKm && o->zIndicatorKm &&
                           strcmp(o->zIndicatorKm, zIndKm) != 0) {
                    zWhy = "has a different Khmer indicator";
                    kWhy = kIndKm;
                }
                if (zWhy) {
                    apperr_set(err, APPERR_INPUT,
                               "cannot import '%s': line %d, column %zu (%s): "
                               "%s '%s' %s on line %d",
                               zFile, rec.aiLine[kWhy], kWhy + 1,
                               header.azField[kWhy], p->aLevel[l].zName, zCode,
                               zWhy, o->iLine);
                    free(zCode);
                    goto out;
                }
                if (!o->zText && *zText) {
                    o->zText = xstrdup(zText);
                }
                if (!o->zIndicator && *zInd) {
                    o->zIndicator = xstrdup(zInd);
                }
                if (!o->zTextKm && *zTextKm) {
                    o->zTextKm = xstrdup(zTextKm);
                }
                if (!o->zIndicatorKm && *zIndKm) {
                    o->zIndicatorKm = xstrdup(zIndKm);
                }
                free(zCode);
                iParent = i;
                continue;
            }
            Node *nd = plan_add_node(p);
            nd->zCode = zCode;
            nd->iLevel = l;
            nd->iParent = iParent;
            nd->iLine = rec.iLine;
            nd->zText = *zText ? xstrdup(zText) : NULL;
            nd->zIndicator = *zInd ? xstrdup(zInd) : NULL;
            nd->zTextKm = *zTextKm ? xstrdup(zTextKm) : NULL;
            nd->zIndicatorKm = *zIndKm ? xstrdup(zIndKm) : NULL;
            iParent = (long)(p->nNode - 1);
            annex_note_revision(pCols, p->nNode - 1, zRev);
            if (l == iLeaf) {
                leaf = nd;
            }
        }
        /* Organisations and rounds of the leaf. */
        for (size_t k = 0; k < header.nField; k++) {
            const char *zF = rec.azField[k];
            if (aCol[k].eKind == COL_RESPONSIBLE) {
                strv_split(zF, ";", &leaf->azResp, &leaf->nResp);
            } else if (aCol[k].eKind == COL_CONTRIBUTING) {
                strv_split(zF, ";", &leaf->azContrib, &leaf->nContrib);
            }
        }
        for (size_t rd = 0; rd < p->nRound; rd++) {
            const char *azPart[3] = { "", "", "" };
            size_t kRating = 0;
            for (size_t k = 0; k < header.nField; k++) {
                if (aCol[k].eKind >= COL_ROUND_ACTION &&
                    aCol[k].eKind <= COL_ROUND_RATING &&
                    aCol[k].iRound == (int)rd) {
                    azPart[aCol[k].eKind - COL_ROUND_ACTION] = rec.azField[k];
                    if (aCol[k].eKind == COL_ROUND_RATING) {
                        kRating = k;
                    }
                }
            }
            Rating eRating;
            if (rating_parse(azPart[2], &eRating)) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, column %zu (%s): "
                           "unknown rating '%s' (accepted: %s)",
                           zFile, rec.aiLine[kRating], kRating + 1,
                           header.azField[kRating], azPart[2], RATING_ACCEPTED);
                goto out;
            }
            if (!*azPart[0] && !*azPart[1] && !*azPart[2]) {
                continue; /* the activity is not in this round */
            }
            Assessment *a = node_add_assessment(leaf);
            a->zRound = xstrdup(p->aRound[rd].zCode);
            a->zActionPoint = xstrdup(azPart[0]);
            a->zProgress = xstrdup(azPart[1]);
            a->eRating = eRating;
            a->eState = ASSESS_APPROVED;
        }
    }
    rc = 0;
out:
    csv_record_release(&header);
    csv_record_release(&rec);
    free(header.azField);
    free(header.aiLine);
    free(rec.azField);
    free(rec.aiLine);
    free(aCol);
    return rc;
}

/* Which levels of p have a text, or an indicator, written in Khmer: the
** export has their "_km" columns, and only theirs. */
typedef struct AnnexKm {
    int abText[LIMIT_PLAN_LEVELS];
    int abIndicator[LIMIT_PLAN_LEVELS];
} AnnexKm;

/* Append one row's cells for node n (a leaf) of plan p. */
static void
annex_write_row(const Plan *p, const AnnexKm *km, long iNode,
                const char *zRevision, Buf *b)
{
    const Node *n = &p->aNode[iNode];
    for (int l = 0; l < p->nLevel; l++) {
        long i = plan_ancestor_at(p, iNode, l);
        const Node *a = i >= 0 ? &p->aNode[i] : NULL;
        if (l > 0) {
            buf_putc(b, ',');
        }
        csv_write_field(b, a ? a->zCode : "");
        buf_putc(b, ',');
        csv_write_field(b, a && a->zText ? a->zText : "");
        if (km->abText[l]) {
            buf_putc(b, ',');
            csv_write_field(b, a && a->zTextKm ? a->zTextKm : "");
        }
        if (p->aLevel[l].bIndicator) {
            buf_putc(b, ',');
            csv_write_field(b, a && a->zIndicator ? a->zIndicator : "");
            if (km->abIndicator[l]) {
                buf_putc(b, ',');
                csv_write_field(b, a && a->zIndicatorKm ? a->zIndicatorKm : "");
            }
        }
    }
    Buf names = BUF_INIT;
    for (size_t k = 0; k < n->nResp; k++) {
        buf_printf(&names, "%s%s", k ? "; " : "", n->azResp[k]);
    }
    buf_putc(b, ',');
    csv_write_field(b, buf_str(&names));
    buf_reset(&names);
    for (size_t k = 0; k < n->nContrib; k++) {
        buf_printf(&names, "%s%s", k ? "; " : "", n->azContrib[k]);
    }
    buf_putc(b, ',');
    csv_write_field(b, buf_str(&names));
    buf_release(&names);
    for (size_t r = 0; r < p->nRound; r++) {
        const Assessment *a = node_find_assessment(n, p->aRound[r].zCode);
        buf_putc(b, ',');
        csv_write_field(b, a ? a->zActionPoint : "");
        buf_putc(b, ',');
        csv_write_field(b, a ? a->zProgress : "");
        buf_putc(b, ',');
        csv_write_field(b, a ? rating_name(a->eRating) : "");
    }
    if (zRevision) {
        buf_putc(b, ',');
        csv_write_field(b, zRevision);
    }
    buf_puts(b, "\r\n");
}

void
annex_csv_write(const Plan *p, const char *zRevision, Buf *b)
{
    AnnexKm km;
    memset(&km, 0, sizeof km);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        km.abText[n->iLevel] |= n->zTextKm && *n->zTextKm;
        km.abIndicator[n->iLevel] |= n->zIndicatorKm && *n->zIndicatorKm;
    }
    buf_puts(b, "\xEF\xBB\xBF");
    for (int l = 0; l < p->nLevel; l++) {
        const char *zL = p->aLevel[l].zName;
        buf_printf(b, "%s%s_code,%s", l ? "," : "", zL, zL);
        if (km.abText[l]) {
            buf_printf(b, ",%s_km", zL);
        }
        if (p->aLevel[l].bIndicator) {
            buf_printf(b, ",%s_indicator", zL);
            if (km.abIndicator[l]) {
                buf_printf(b, ",%s_indicator_km", zL);
            }
        }
    }
    buf_puts(b, ",responsible,contributing");
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zR = p->aRound[r].zCode;
        buf_puts(b, ",");
        Buf col = BUF_INIT;
        buf_printf(&col, "%s:action_point", zR);
        csv_write_field(b, buf_str(&col));
        buf_reset(&col);
        buf_printf(&col, "%s:progress", zR);
        buf_putc(b, ',');
        csv_write_field(b, buf_str(&col));
        buf_reset(&col);
        buf_printf(&col, "%s:rating", zR);
        buf_putc(b, ',');
        csv_write_field(b, buf_str(&col));
        buf_release(&col);
    }
    if (zRevision) {
        buf_puts(b, "," ANNEX_REVISION_COLUMN);
    }
    buf_puts(b, "\r\n");
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        if (p->aNode[i].iLevel == iLeaf) {
            annex_write_row(p, &km, (long)i, zRevision, b);
        }
    }
}
