/*
** fund_csv.c — reading and writing the costs and funding table (see
** fund_csv.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fund_csv.h"
#include "csv.h"
#include "../core/cases.h"
#include "../base/base.h"
#include "../base/banned.h"

const char *const azFundColumn[FUND_NCOL] = {
    [FUND_COL_ROUND] = "round",       [FUND_COL_ACTIVITY] = "activity",
    [FUND_COL_LINE] = "line",         [FUND_COL_KIND] = "source_kind",
    [FUND_COL_SOURCE] = "source",     [FUND_COL_AMOUNT] = "amount",
    [FUND_COL_CURRENCY] = "currency", [FUND_COL_STATUS] = "status",
    [FUND_COL_NOTE] = "note",
};

static const CsvColumn aCol[FUND_NCOL] = {
    [FUND_COL_ROUND] = { "round", 1 },
    [FUND_COL_ACTIVITY] = { "activity", 1 },
    [FUND_COL_LINE] = { "line", 1 },
    [FUND_COL_KIND] = { "source_kind", 1 },
    [FUND_COL_SOURCE] = { "source", 1 },
    [FUND_COL_AMOUNT] = { "amount", 1 },
    [FUND_COL_CURRENCY] = { "currency", 1 },
    [FUND_COL_STATUS] = { "status", 1 },
    [FUND_COL_NOTE] = { "note", 0 },
};

void
fund_file_release(FundFile *f)
{
    fund_set_release(&f->set);
    free(f->aiCostLine);
    free(f->aiLineLine);
    f->aiCostLine = f->aiLineLine = NULL;
}

typedef struct Reader {
    const char *zFile;
    CsvRecord rec;
    int aiCol[FUND_NCOL]; /* 0-based, -1 when absent */
    AppErr *err;
} Reader;

static int bad(Reader *r, int c, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "cannot import 'F': line L, column N (field): ...".  Returns -1. */
static int
bad(Reader *r, int c, const char *zFmt, ...)
{
    char zMsg[768];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zMsg, sizeof zMsg, zFmt, ap);
    va_end(ap);
    return csv_cell_error(r->zFile, &r->rec, r->aiCol, aCol, c, zMsg, r->err);
}

/* Cell c trimmed (allocated), "" when the file lacks the column. */
static char *
cell(Reader *r, int c)
{
    return str_trim(r->aiCol[c] >= 0 ? r->rec.azField[r->aiCol[c]] : "");
}

static char *
null_if_empty(char *z)
{
    if (!*z) {
        free(z);
        return NULL;
    }
    return z;
}

/* Amount and currency of a row into *pAmount and zCur; -1 after bad(). */
static int
read_money(Reader *r, int64_t *pAmount, char zCur[4])
{
    char *zAmount = cell(r, FUND_COL_AMOUNT);
    char *zC = cell(r, FUND_COL_CURRENCY);
    AppErr e = APPERR_INIT;
    int rc = 0;
    if (money_amount_parse(zAmount, pAmount, &e)) {
        rc = bad(r, FUND_COL_AMOUNT, "%s", e.zMsg);
    } else if (!*zC) {
        rc = bad(r, FUND_COL_CURRENCY, "missing");
    } else if (!money_currency_ok(zC)) {
        rc =
            bad(r, FUND_COL_CURRENCY,
                "'%s' is not an ISO 4217 currency code such as USD or KHR", zC);
    } else {
        memcpy(zCur, zC, 4);
    }
    free(zAmount);
    free(zC);
    return rc;
}

/* Read one data row into f; -1 after bad(). */
static int
read_row(Reader *r, FundFile *f, size_t *pnCost, size_t *pnLine)
{
    FundSet *s = &f->set;
    char *zRound = cell(r, FUND_COL_ROUND);
    char *zNode = cell(r, FUND_COL_ACTIVITY);
    char *zKind = cell(r, FUND_COL_KIND);
    char *zLine = cell(r, FUND_COL_LINE);
    char *zSource = cell(r, FUND_COL_SOURCE);
    char *zStatus = cell(r, FUND_COL_STATUS);
    char *zNote = null_if_empty(cell(r, FUND_COL_NOTE));
    int rc = 0;
    int64_t amount = 0;
    char zCur[4] = "";
    int iKind = -1, iStatus = -1;
    long iLine = 0;
    if (!*zRound || !*zNode) {
        rc = bad(r, *zRound ? FUND_COL_ACTIVITY : FUND_COL_ROUND, "empty");
        goto out;
    }
    int bCost = str_eq(zKind, "cost");
    if (!bCost && (iKind = code_index(CODE_FUND_KIND, zKind)) < 0) {
        rc = bad(r, FUND_COL_KIND, "'%s' is not one of cost, %s", zKind,
                 FUND_KIND_ACCEPTED);
        goto out;
    }
    if (read_money(r, &amount, zCur)) {
        rc = -1;
        goto out;
    }
    if (bCost) {
        if (*zLine || *zSource || *zStatus) {
            rc = bad(r,
                     *zLine     ? FUND_COL_LINE
                     : *zSource ? FUND_COL_SOURCE
                                : FUND_COL_STATUS,
                     "a cost row has no line, source or status");
            goto out;
        }
        for (size_t i = 0; i < s->nCost; i++) {
            if (str_eq(s->aCost[i].zRound, zRound) &&
                str_eq(s->aCost[i].zNode, zNode)) {
                rc = bad(r, FUND_COL_ACTIVITY,
                         "the cost of %s in round %s is also on line %d", zNode,
                         zRound, f->aiCostLine[i]);
                goto out;
            }
        }
        xgrow((void **)&s->aCost, pnCost, s->nCost, sizeof *s->aCost);
        f->aiCostLine = xreallocarray(f->aiCostLine, s->nCost + 1, sizeof(int));
        f->aiCostLine[s->nCost] = r->rec.iLine;
        FundCost *c = &s->aCost[s->nCost++];
        memset(c, 0, sizeof *c);
        c->zRound = zRound;
        c->zNode = zNode;
        c->amount = amount;
        memcpy(c->zCurrency, zCur, 4);
        c->zNote = zNote;
        zRound = zNode = zNote = NULL;
        goto out;
    }
    char *zEnd = NULL;
    iLine = strtol(zLine, &zEnd, 10);
    if (!*zLine || *zEnd || iLine < 1 || iLine > 9999) {
        rc = bad(r, FUND_COL_LINE,
                 "'%s' is not a line number (1, 2, ... within the activity)",
                 zLine);
        goto out;
    }
    if ((iStatus = code_index(CODE_FUND_STATUS, zStatus)) < 0) {
        rc = bad(r, FUND_COL_STATUS, "'%s' is not one of %s", zStatus,
                 FUND_STATUS_ACCEPTED);
        goto out;
    }
    if (!*zSource) {
        rc = bad(r, FUND_COL_SOURCE,
                 iKind == FUND_PARTNER
                     ? "missing: the development partner"
                     : "missing: the budget line or the source, in words");
        goto out;
    }
    for (size_t i = 0; i < s->nLine; i++) {
        if (str_eq(s->aLine[i].zRound, zRound) &&
            str_eq(s->aLine[i].zNode, zNode) && s->aLine[i].iLine == iLine) {
            rc = bad(r, FUND_COL_LINE,
                     "line %ld of %s in round %s is also on line %d", iLine,
                     zNode, zRound, f->aiLineLine[i]);
            goto out;
        }
    }
    xgrow((void **)&s->aLine, pnLine, s->nLine, sizeof *s->aLine);
    f->aiLineLine = xreallocarray(f->aiLineLine, s->nLine + 1, sizeof(int));
    f->aiLineLine[s->nLine] = r->rec.iLine;
    FundLine *l = &s->aLine[s->nLine++];
    memset(l, 0, sizeof *l);
    l->zRound = zRound;
    l->zNode = zNode;
    l->iLine = (int)iLine;
    l->eKind = (FundKind)iKind;
    l->eStatus = (FundStatus)iStatus;
    if (iKind == FUND_PARTNER) {
        l->zOrg = zSource;
    } else {
        l->zLabel = zSource;
    }
    l->amount = amount;
    memcpy(l->zCurrency, zCur, 4);
    l->zNote = zNote;
    zRound = zNode = zSource = zNote = NULL;
out:
    free(zRound);
    free(zNode);
    free(zKind);
    free(zLine);
    free(zSource);
    free(zStatus);
    free(zNote);
    return rc;
}

int
fund_csv_read(const char *zFile, const char *z, size_t n, FundFile *f,
              AppErr *err)
{
    CsvReader in;
    Reader r;
    memset(f, 0, sizeof *f);
    memset(&r, 0, sizeof r);
    f->zFile = zFile;
    r.zFile = zFile;
    r.err = err;
    csv_reader_init(&in, z, n);
    int rc = -1;
    int got = csv_read_header(&in, &r.rec, zFile, "funding-csv.md", err);
    if (got <= 0) {
        goto out;
    }
    if (csv_header_map(zFile, &r.rec, aCol, FUND_NCOL, "funding", r.aiCol,
                       err)) {
        goto out;
    }
    for (int c = 0; c < FUND_NCOL; c++) {
        f->aiCol[c] = r.aiCol[c] + 1;
    }
    size_t nHeader = r.rec.nField, nCost = 0, nLine = 0;
    long nRow = 0;
    while ((got = csv_read_row(&in, &r.rec, zFile, nHeader, nRow, err)) > 0) {
        nRow++;
        if (read_row(&r, f, &nCost, &nLine)) {
            goto out;
        }
    }
    rc = got < 0 ? -1 : 0;
out:
    csv_record_release(&r.rec);
    return rc;
}

void
fund_cell(const FundCost *pc, const FundLine *pl, int c, Buf *b)
{
    switch (c) {
    case FUND_COL_ROUND:
        buf_puts(b, pc ? pc->zRound : pl->zRound);
        break;
    case FUND_COL_ACTIVITY:
        buf_puts(b, pc ? pc->zNode : pl->zNode);
        break;
    case FUND_COL_LINE:
        if (pl) {
            buf_printf(b, "%d", pl->iLine);
        }
        break;
    case FUND_COL_KIND:
        buf_puts(
            b, pc ? "cost"
                  : code_table(CODE_FUND_KIND, &(size_t){ 0 })[pl->eKind].zKey);
        break;
    case FUND_COL_SOURCE:
        if (pl) {
            buf_puts(b, fund_line_source(pl));
        }
        break;
    case FUND_COL_AMOUNT:
        case_amount_format(b, pc ? pc->amount : pl->amount);
        break;
    case FUND_COL_CURRENCY:
        buf_puts(b, pc ? pc->zCurrency : pl->zCurrency);
        break;
    case FUND_COL_STATUS:
        if (pl) {
            buf_puts(
                b,
                code_table(CODE_FUND_STATUS, &(size_t){ 0 })[pl->eStatus].zKey);
        }
        break;
    default: {
        const char *zNote = pc ? pc->zNote : pl->zNote;
        buf_puts(b, zNote ? zNote : "");
        break;
    }
    }
}

static void
write_row(const FundCost *pc, const FundLine *pl, Buf *cell, Buf *b)
{
    for (int c = 0; c < FUND_NCOL; c++) {
        buf_reset(cell);
        fund_cell(pc, pl, c, cell);
        buf_puts(b, c ? "," : "");
        csv_write_field(b, buf_str(cell));
    }
    buf_puts(b, "\r\n");
}

void
fund_csv_write(const FundSet *s, const char *zRound, Buf *b)
{
    Buf cell = BUF_INIT;
    for (int c = 0; c < FUND_NCOL; c++) {
        buf_puts(b, c ? "," : "");
        csv_write_field(b, azFundColumn[c]);
    }
    buf_puts(b, "\r\n");
    /* Each cost, then its activity's lines; then the lines of activities
    ** without a cost. */
    for (size_t i = 0; i < s->nCost; i++) {
        const FundCost *pc = &s->aCost[i];
        if (zRound && !str_eq(pc->zRound, zRound)) {
            continue;
        }
        write_row(pc, NULL, &cell, b);
        for (size_t k = 0; k < s->nLine; k++) {
            const FundLine *pl = &s->aLine[k];
            if (fund_line_of(pl, pc->zRound, pc->zNode)) {
                write_row(NULL, pl, &cell, b);
            }
        }
    }
    for (size_t k = 0; k < s->nLine; k++) {
        const FundLine *pl = &s->aLine[k];
        if ((!zRound || str_eq(pl->zRound, zRound)) &&
            !fund_set_cost(s, pl->zRound, pl->zNode)) {
            write_row(NULL, pl, &cell, b);
        }
    }
    buf_release(&cell);
}
