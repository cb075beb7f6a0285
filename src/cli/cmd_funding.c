/*
** cmd_funding.c — what activities cost and who pays for them, from the
** command line: 'funding import|export|list'.  Parses, calls the use
** cases of app/funding.c, prints.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../base/base.h"
#include "../app/funding.h"
#include "../io/fund_csv.h"
#include "../io/import.h"
#include "../io/xlsx_read.h"
#include "../io/xlsx_write.h"
#include "../report/action_plan.h"
#include "../base/banned.h"

/* 'funding import FILE': the file (CSV, or XLSX converted to CSV text so
** the same checks name the sheet's row as the line) whole. */
static int
fund_import(CliCtx *ctx, const char *zFile, const char *zFormat,
            const char *zPlan)
{
    AppErr err = APPERR_INIT;
    Buf text = BUF_INIT;
    FundFile f;
    memset(&f, 0, sizeof f);
    Store *s = NULL;
    long nChanges = 0;
    int rc = 0;
    /* CSV, or XLSX as CSV text: the same checks name the sheet's row. */
    MappedFile mf = { "", 0, NULL };
    const char *z = NULL;
    size_t n = 0;
    rc = import_table_text(zFile, import_is_xlsx(zFormat, zFile), &text, &mf,
                           &z, &n, &err);
    if (rc == 0) {
        rc = fund_csv_read(zFile, z, n, &f, &err);
    }
    if (rc == 0 && !(s = cli_open_store(ctx))) {
        rc = CLI_FAIL;
        goto out;
    }
    if (rc == 0) {
        Actor who = cli_actor(ctx);
        store_set_writer_note(s, "an import of funding");
        rc = app_fund_import(s, &who, zPlan, &f, &nChanges, &err);
    }
    if (rc) {
        rc = cli_fail(&err);
    } else if (nChanges == 0) {
        printf("%zu costs and %zu funding lines in '%s': no changes\n",
               f.set.nCost, f.set.nLine, zFile);
    } else {
        printf("%zu costs and %zu funding lines in '%s': %ld changes\n",
               f.set.nCost, f.set.nLine, zFile, nChanges);
    }
out:
    fund_file_release(&f);
    import_unmap_file(&mf);
    buf_release(&text);
    store_close(s);
    return rc;
}

static void
fund_xlsx_row(XlsxOut *x, const FundCost *pc, const FundLine *pl, Buf *cell)
{
    for (int c = 0; c < FUND_NCOL; c++) {
        buf_reset(cell);
        fund_cell(pc, pl, c, cell);
        xlsx_out_text(x, buf_str(cell));
    }
    xlsx_out_row(x);
}

/* The same rows as fund_csv_write(), in the first sheet of an XLSX. */
static int
fund_xlsx_write(const FundSet *set, const char *zOut, AppErr *err)
{
    XlsxOut *x = xlsx_out_new(zOut, "funding", err);
    if (!x) {
        return -1;
    }
    Buf cell = BUF_INIT;
    for (int c = 0; c < FUND_NCOL; c++) {
        xlsx_out_header(x, azFundColumn[c]);
    }
    xlsx_out_row(x);
    for (size_t i = 0; i < set->nCost; i++) {
        const FundCost *pc = &set->aCost[i];
        fund_xlsx_row(x, pc, NULL, &cell);
        for (size_t k = 0; k < set->nLine; k++) {
            const FundLine *pl = &set->aLine[k];
            if (str_eq(pl->zRound, pc->zRound) &&
                str_eq(pl->zNode, pc->zNode)) {
                fund_xlsx_row(x, NULL, pl, &cell);
            }
        }
    }
    for (size_t k = 0; k < set->nLine; k++) {
        const FundLine *pl = &set->aLine[k];
        if (!fund_set_cost(set, pl->zRound, pl->zNode)) {
            fund_xlsx_row(x, NULL, pl, &cell);
        }
    }
    buf_release(&cell);
    return xlsx_out_close(x, err);
}

/* Print for people: per round, each activity's cost and lines, then the
** round's totals, one line per currency. */
static void
fund_print(const Plan *p, const FundSet *set, Buf *b)
{
    for (size_t r = 0; r < p->nRound; r++) {
        const char *zRound = p->aRound[r].zCode;
        FundTotals tot = { 0 };
        size_t nShown = 0;
        for (size_t i = 0; i < p->nNode; i++) {
            const char *zNode = p->aNode[i].zCode;
            const FundCost *pc = fund_set_cost(set, zRound, zNode);
            if (!fund_set_has(set, zRound, zNode)) {
                continue;
            }
            if (nShown++ == 0) {
                buf_printf(b, "Round %s\n", zRound);
            }
            buf_printf(b, "  %s  cost: ", zNode);
            if (pc) {
                buf_printf(b, "%s ", pc->zCurrency);
                money_format(b, pc->amount);
            } else {
                buf_puts(b, "not estimated");
            }
            buf_puts(b, "\n");
            for (size_t k = 0; k < set->nLine; k++) {
                const FundLine *l = &set->aLine[k];
                if (!fund_line_of(l, zRound, zNode)) {
                    continue;
                }
                buf_printf(b, "    %d. %s: %s, %s ", l->iLine,
                           code_label(CODE_FUND_KIND,
                                      code_table(CODE_FUND_KIND,
                                                 &(size_t){ 0 })[l->eKind]
                                          .zKey),
                           l->zOrg     ? l->zOrg
                           : l->zLabel ? l->zLabel
                                       : "",
                           l->zCurrency);
                money_format(b, l->amount);
                buf_printf(
                    b, " (%s)\n",
                    code_table(CODE_FUND_STATUS, &(size_t){ 0 })[l->eStatus]
                        .zLabel);
            }
            Buf gap = BUF_INIT;
            action_plan_money(set, zRound, zNode, 3, &gap);
            buf_printf(b, "    gap: %s\n", gap.n ? buf_str(&gap) : "none");
            buf_release(&gap);
            fund_totals_add_activity(&tot, set, zRound, zNode);
        }
        for (size_t k = 0; k < tot.n; k++) {
            const FundTotal *x = &tot.a[k];
            buf_printf(b, "  total %s: cost ", x->zCurrency);
            money_format(b, x->cost);
            buf_puts(b, ", secured ");
            money_format(b, x->secured);
            buf_puts(b, ", pledged ");
            money_format(b, x->pledged);
            buf_printf(b, ", gap ");
            money_format(b, x->gap);
            buf_printf(b, " (of %ld activities", x->nGap);
            if (x->nNoGap) {
                buf_printf(b, "; %ld more whose gap cannot be computed",
                           x->nNoGap);
            }
            buf_puts(b, ")\n");
        }
        fund_totals_release(&tot);
    }
    if (set->nCost == 0 && set->nLine == 0) {
        buf_puts(b, "no costs or funding recorded\n");
    }
}

/* ** COMMAND: funding */
int
cmd_funding(CliCtx *ctx)
{
    const char *zFormat = NULL, *zOut = NULL, *zRound = NULL, *zPlan = NULL;
    CliOpt aOpt[] = { { "format", 1, &zFormat, NULL },
                      { "out", 1, &zOut, NULL },
                      { "round", 1, &zRound, NULL },
                      { "plan", 1, &zPlan, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos = NULL;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zSub = nPos ? azPos[0] : "";
    int rc = CLI_OK;
    if (zFormat && strcmp(zFormat, "csv") != 0 &&
        strcmp(zFormat, "xlsx") != 0) {
        rc = cli_usage_error(ctx, "unknown format '%s' (csv or xlsx)", zFormat);
    } else if (strcmp(zSub, "import") == 0 && nPos == 2) {
        rc = fund_import(ctx, azPos[1], zFormat, zPlan);
    } else if ((strcmp(zSub, "export") == 0 || strcmp(zSub, "list") == 0) &&
               nPos == 1) {
        AppErr err = APPERR_INIT;
        Store *s = cli_open_store(ctx);
        Model m = MODEL_INIT;
        Plan *p = NULL;
        FundSet set;
        memset(&set, 0, sizeof set);
        Buf b = BUF_INIT;
        int bXlsx = import_is_xlsx(zFormat, zOut);
        if (!s) {
            rc = CLI_FAIL;
        } else if (bXlsx && !zOut) {
            rc = cli_usage_error(ctx, "an xlsx export needs --out FILE.xlsx");
        } else if (app_fund_read(s, zPlan, zRound, &m, &p, &set, &err)) {
            rc = cli_fail(&err);
        } else if (strcmp(zSub, "list") == 0) {
            fund_print(p, &set, &b);
            if (cli_write_output(NULL, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
        } else if (bXlsx) {
            rc = fund_xlsx_write(&set, zOut, &err) ? cli_fail(&err) : CLI_OK;
        } else {
            fund_csv_write(&set, NULL, &b);
            if (cli_write_output(zOut, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
        }
        buf_release(&b);
        fund_set_release(&set);
        model_release(&m);
        store_close(s);
    } else {
        rc = cli_usage_error(ctx, "funding import FILE, export or list");
    }
    free(azPos);
    return rc;
}
