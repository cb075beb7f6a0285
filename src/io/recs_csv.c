/*
** recs_csv.c — reading and writing the recommendations table (see
** recs_csv.h).
*/
#include <stdlib.h>
#include <string.h>

#include "recs_csv.h"
#include "csv.h"
#include "../base/base.h"
#include "../base/banned.h"

const char *const azRecsColumn[] = {
    "round",    "code",   "group",  "text",         "concerns", "asked",
    "priority", "source", "status", "status_round", "evidence",
};
const size_t nRecsColumn = sizeof azRecsColumn / sizeof azRecsColumn[0];

/* The columns an import reads; the rest of azRecsColumn it reads past. */
#define N_RECS_IN 8

void
recs_file_release(RecsFile *f)
{
    rec_set_release(&f->set);
    free(f->aiLine);
    f->aiLine = NULL;
}

int
recs_csv_read(const char *zFile, const char *z, size_t n, RecsFile *f,
              AppErr *err)
{
    CsvReader r;
    CsvRecord rec = { 0 };
    int aiCol[N_RECS_IN];
    int rc = -1;
    memset(f, 0, sizeof *f);
    f->zFile = zFile;
    csv_reader_init(&r, z, n);
    int got = csv_read_record(&r, &rec, err);
    if (got <= 0) {
        if (got == 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': the file is empty",
                       zFile);
        } else {
            apperr_prefix(err, "cannot read recommendations '%s'", zFile);
        }
        goto out;
    }
    csv_record_unguard(&rec);
    for (size_t k = 0; k < rec.nField; k++) {
        char *zT = str_trim(rec.azField[k]);
        int iKnown = str_key_index(azRecsColumn, (int)nRecsColumn, zT);
        free(zT);
        if (iKnown < 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line 1, column "
                       "%zu: unknown column '%s' (accepted: round, code, "
                       "group, text, concerns, asked, priority, source)",
                       zFile, k + 1, rec.azField[k]);
            goto out;
        }
    }
    for (int c = 0; c < N_RECS_IN; c++) {
        aiCol[c] = -1;
        for (size_t k = 0; k < rec.nField; k++) {
            char *zT = str_trim(rec.azField[k]);
            if (str_key_index(azRecsColumn + c, 1, zT) == 0) {
                aiCol[c] = (int)k;
            }
            free(zT);
        }
        if (aiCol[c] < 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line 1: missing "
                       "column '%s'",
                       zFile, azRecsColumn[c]);
            goto out;
        }
    }
    f->iColGroup = aiCol[2] + 1;
    f->iColConcerns = aiCol[4] + 1;
    f->iColAsked = aiCol[5] + 1;
    size_t nHeader = rec.nField, nAlloc = 0, nLine = 0;
    while ((got = csv_read_record(&r, &rec, err)) > 0) {
        csv_record_unguard(&rec);
        if (rec.nField != nHeader) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line %d: %zu "
                       "fields, but the header has %zu columns",
                       zFile, rec.iLine, rec.nField, nHeader);
            goto out;
        }
        if (f->set.nRec >= LIMIT_IMPORT_ROWS) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line %d: more "
                       "than %u rows (LIMIT_IMPORT_ROWS)",
                       zFile, rec.iLine, LIMIT_IMPORT_ROWS);
            goto out;
        }
        xgrow((void **)&f->set.aRec, &nAlloc, f->set.nRec, sizeof(Rec));
        f->aiLine = xreallocarray(f->aiLine, ++nLine, sizeof(int));
        Rec *p = &f->set.aRec[f->set.nRec++];
        memset(p, 0, sizeof *p);
        f->aiLine[f->set.nRec - 1] = rec.iLine;
#define CELL(i) rec.azField[aiCol[i]]
        p->zRound = str_trim(CELL(0));
        p->zCode = str_trim(CELL(1));
        char *zGroup = str_trim(CELL(2));
        p->zGroup = *zGroup ? zGroup : (free(zGroup), NULL);
        p->zText = str_trim(CELL(3));
        strv_split(CELL(4), ";", &p->azNode, &p->nNode);
        strv_split(CELL(5), ";", &p->azOrg, &p->nOrg);
        char *zPrio = str_fold(CELL(6));
        p->zSource = str_trim(CELL(7));
#undef CELL
        int iEmpty = !*p->zRound ? 0 : !*p->zCode ? 1 : !*p->zText ? 3 : -1;
        int bYes = str_eq(zPrio, "yes") || str_eq(zPrio, "1");
        int bNo = str_eq(zPrio, "no") || str_eq(zPrio, "0") || !*zPrio;
        free(zPrio);
        if (iEmpty >= 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line %d, column "
                       "%d (%s): empty",
                       zFile, rec.iLine, aiCol[iEmpty] + 1,
                       azRecsColumn[iEmpty]);
            goto out;
        }
        if (!bYes && !bNo) {
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line %d, column "
                       "%d (priority): '%s' is not yes or no",
                       zFile, rec.iLine, aiCol[6] + 1, rec.azField[aiCol[6]]);
            goto out;
        }
        p->bPriority = bYes;
        if (strchr(p->zCode, '/') || strlen(p->zCode) > LIMIT_CODE_BYTES ||
            (p->zGroup && strlen(p->zGroup) > LIMIT_CODE_BYTES)) {
            int bCode =
                strchr(p->zCode, '/') || strlen(p->zCode) > LIMIT_CODE_BYTES;
            apperr_set(err, APPERR_INPUT,
                       "cannot read recommendations '%s': line %d, column "
                       "%d (%s): '%s' is longer than %u bytes or holds '/'",
                       zFile, rec.iLine, aiCol[bCode ? 1 : 2] + 1,
                       bCode ? "code" : "group", bCode ? p->zCode : p->zGroup,
                       LIMIT_CODE_BYTES);
            goto out;
        }
        for (size_t i = 0; i + 1 < f->set.nRec; i++) {
            if (str_eq(f->set.aRec[i].zRound, p->zRound) &&
                str_eq(f->set.aRec[i].zCode, p->zCode)) {
                apperr_set(err, APPERR_INPUT,
                           "cannot read recommendations '%s': line %d, "
                           "column %d (code): recommendation '%s' of round "
                           "%s is also on line %d",
                           zFile, rec.iLine, aiCol[1] + 1, p->zCode, p->zRound,
                           f->aiLine[i]);
                goto out;
            }
        }
    }
    if (got < 0) {
        apperr_prefix(err, "cannot read recommendations '%s'", zFile);
        goto out;
    }
    rc = 0;
out:
    csv_record_release(&rec);
    return rc;
}

static void
recs_join(char **az, size_t n, Buf *b)
{
    for (size_t i = 0; i < n; i++) {
        buf_printf(b, "%s%s", i ? "; " : "", az[i]);
    }
}

void
recs_cell(const Plan *p, const Rec *r, size_t i, Buf *b)
{
    const RecFollowup *fu = p ? rec_latest_followup(p, r) : NULL;
    switch (i) {
    case 0:
        buf_puts(b, r->zRound);
        break;
    case 1:
        buf_puts(b, r->zCode);
        break;
    case 2:
        buf_puts(b, r->zGroup ? r->zGroup : "");
        break;
    case 3:
        buf_puts(b, r->zText);
        break;
    case 4:
        recs_join(r->azNode, r->nNode, b);
        break;
    case 5:
        recs_join(r->azOrg, r->nOrg, b);
        break;
    case 6:
        buf_puts(b, r->bPriority ? "yes" : "no");
        break;
    case 7:
        buf_puts(b, r->zSource ? r->zSource : "");
        break;
    case 8:
        buf_puts(b, rec_status_label(fu ? fu->eStatus : REC_NOT_STARTED));
        break;
    case 9:
        buf_puts(b, fu ? fu->zRound : "");
        break;
    default:
        buf_puts(b, fu ? fu->zEvidence : "");
        break;
    }
}

void
recs_csv_write(const Plan *p, const RecSet *s, const char *zRound, Buf *b)
{
    Buf cell = BUF_INIT;
    for (size_t i = 0; i < nRecsColumn; i++) {
        buf_puts(b, i ? "," : "");
        csv_write_field(b, azRecsColumn[i]);
    }
    buf_puts(b, "\r\n");
    for (size_t k = 0; k < s->nRec; k++) {
        const Rec *r = &s->aRec[k];
        if (zRound && !str_eq(r->zRound, zRound)) {
            continue;
        }
        for (size_t i = 0; i < nRecsColumn; i++) {
            buf_reset(&cell);
            recs_cell(p, r, i, &cell);
            buf_puts(b, i ? "," : "");
            csv_write_field(b, buf_str(&cell));
        }
        buf_puts(b, "\r\n");
    }
    buf_release(&cell);
}
