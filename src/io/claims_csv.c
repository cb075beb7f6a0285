/*
** claims_csv.c — the claims file: one printed statement per row.
*/
#include <stdlib.h>
#include <string.h>

#include "claims_csv.h"
#include "csv.h"
#include "../base/base.h"
#include "../base/banned.h"

static const char *const azClaimCol[] = {
    "claim",       "round",   "group", "statuses", "numerator",
    "denominator", "percent", "since", "sentence",
};
#define N_CLAIM_COL (sizeof azClaimCol / sizeof azClaimCol[0])

/* Parse an optional integer cell; empty gives CLAIM_NOT_PRINTED. */
static int
claims_number(const char *z, long *pOut)
{
    char *zT = str_trim(z);
    int rc = 0;
    if (!*zT) {
        *pOut = CLAIM_NOT_PRINTED;
    } else {
        rc = str_to_long(zT[0] == '+' ? zT + 1 : zT, -100000, 100000, pOut);
    }
    free(zT);
    return rc;
}

int
claims_csv_read(const char *zFile, const char *z, size_t n, Claim **paOut,
                size_t *pnOut, AppErr *err)
{
    CsvReader r;
    CsvRecord rec = { 0 };
    Claim *a = NULL;
    size_t nClaim = 0, nAlloc = 0;
    int aiCol[N_CLAIM_COL];
    int rc = -1;
    csv_reader_init(&r, z, n);
    int got = csv_read_record(&r, &rec, err);
    if (got <= 0) {
        if (got == 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': the file "
                       "is empty",
                       zFile);
        } else {
            apperr_prefix(err, "cannot read claims '%s'", zFile);
        }
        goto out;
    }
    for (size_t c = 0; c < N_CLAIM_COL; c++) {
        aiCol[c] = -1;
        for (size_t k = 0; k < rec.nField; k++) {
            if (strcmp(rec.azField[k], azClaimCol[c]) == 0) {
                aiCol[c] = (int)k;
            }
        }
        if (aiCol[c] < 0 && strcmp(azClaimCol[c], "since") != 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': line 1: "
                       "missing column '%s'",
                       zFile, azClaimCol[c]);
            goto out;
        }
    }
    for (size_t k = 0; k < rec.nField; k++) {
        int bKnown = 0;
        for (size_t c = 0; c < N_CLAIM_COL; c++) {
            bKnown |= strcmp(rec.azField[k], azClaimCol[c]) == 0;
        }
        if (!bKnown) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': line 1, "
                       "column %zu: unknown column '%s'",
                       zFile, k + 1, rec.azField[k]);
            goto out;
        }
    }
    size_t nHeader = rec.nField;
    while ((got = csv_read_record(&r, &rec, err)) > 0) {
        if (rec.nField != nHeader) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': line %d: "
                       "%zu fields, but the header has %zu columns",
                       zFile, rec.iLine, rec.nField, nHeader);
            goto out;
        }
        if (nClaim >= LIMIT_IMPORT_ROWS) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': line %d: "
                       "more than %u rows (LIMIT_IMPORT_ROWS)",
                       zFile, rec.iLine, LIMIT_IMPORT_ROWS);
            goto out;
        }
        xgrow((void **)&a, &nAlloc, nClaim, sizeof *a);
        Claim *c = &a[nClaim++];
        c->iLine = rec.iLine;
#define CELL(i) (aiCol[i] >= 0 ? rec.azField[aiCol[i]] : "")
        c->zId = str_trim(CELL(0));
        c->zRound = str_trim(CELL(1));
        c->zGroup = str_trim(CELL(2));
        c->zStatuses = str_trim(CELL(3));
        c->zSentence = xstrdup(CELL(8));
        char *zSince = str_trim(CELL(7));
        c->zSince = *zSince ? zSince : (free(zSince), NULL);
        const char *azNum[3] = { CELL(4), CELL(5), CELL(6) };
        long *apNum[3] = { &c->num, &c->den, &c->pct };
#undef CELL
        for (int k = 0; k < 3; k++) {
            if (claims_number(azNum[k], apNum[k])) {
                apperr_set(err, APPERR_INPUT,
                           "cannot read claims '%s': line "
                           "%d, column %d (%s): '%s' is not a whole number",
                           zFile, rec.iLine, aiCol[4 + k] + 1,
                           azClaimCol[4 + k], azNum[k]);
                goto out;
            }
        }
        if (!*c->zRound || !*c->zGroup) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': line %d, "
                       "column %d (%s): empty",
                       zFile, rec.iLine,
                       !*c->zRound ? aiCol[1] + 1 : aiCol[2] + 1,
                       !*c->zRound ? "round" : "group");
            goto out;
        }
        if (review_mask_parse(c->zStatuses, &c->mask)) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read claims '%s': line %d, "
                       "column %d (statuses): unknown statuses '%s' (accepted: "
                       "on_target, progressing, not_on_target, not_rated, "
                       "joined by '+')",
                       zFile, rec.iLine, aiCol[3] + 1, c->zStatuses);
            goto out;
        }
    }
    if (got < 0) {
        apperr_prefix(err, "cannot read claims '%s'", zFile);
        goto out;
    }
    rc = 0;
out:
    csv_record_release(&rec);
    free(rec.azField);
    free(rec.aiLine);
    if (rc) {
        for (size_t i = 0; i < nClaim; i++) {
            claim_release(&a[i]);
        }
        free(a);
        a = NULL;
        nClaim = 0;
    }
    *paOut = a;
    *pnOut = nClaim;
    return rc;
}
