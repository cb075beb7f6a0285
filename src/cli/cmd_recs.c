/*
** cmd_recs.c — a review's recommendations and priorities from the command
** line: 'recommendation import|export|list|follow-up'.  Parses, calls the
** use cases of app/recommendations.c, prints.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../base/base.h"
#include "../app/recommendations.h"
#include "../io/import.h"
#include "../io/recs_csv.h"
#include "../io/xlsx_read.h"
#include "../io/xlsx_write.h"
#include "../report/action_plan.h"
#include "../base/banned.h"

/* 'recommendation import FILE': the file (CSV, or XLSX converted to CSV
** text so the same checks name the sheet's row as the line) whole. */
static int
recs_import(CliCtx *ctx, const char *zFile, const char *zFormat,
            const char *zPlan)
{
    AppErr err = APPERR_INIT;
    Buf text = BUF_INIT;
    RecsFile f;
    memset(&f, 0, sizeof f);
    Store *s = NULL;
    int rc = CLI_OK;
    /* CSV, or XLSX as CSV text: the same checks name the sheet's row. */
    MappedFile mf = { "", 0, NULL };
    const char *z = NULL;
    size_t n = 0;
    rc = import_table_text(zFile, import_is_xlsx(zFormat, zFile), &text, &mf,
                           &z, &n, &err);
    if (rc == 0) {
        rc = recs_csv_read(zFile, z, n, &f, &err);
    }
    if (rc == 0 && !(s = cli_open_store(ctx))) {
        rc = CLI_FAIL;
        goto out;
    }
    Actor who = cli_actor(ctx);
    if (rc == 0) {
        rc = app_recs_import(s, &who, zPlan, &f, &err);
    }
    if (rc) {
        rc = cli_fail(&err);
    } else {
        printf("imported %zu recommendations\n", f.set.nRec);
    }
out:
    recs_file_release(&f);
    import_unmap_file(&mf);
    buf_release(&text);
    store_close(s);
    return rc;
}

static int
recs_xlsx_write(const Plan *p, const RecSet *set, const char *zRound,
                const char *zOut, AppErr *err)
{
    XlsxOut *x = xlsx_out_new(zOut, "recommendations", err);
    if (!x) {
        return -1;
    }
    Buf cell = BUF_INIT;
    for (size_t i = 0; i < nRecsColumn; i++) {
        xlsx_out_header(x, azRecsColumn[i]);
    }
    xlsx_out_row(x);
    for (size_t k = 0; k < set->nRec; k++) {
        if (zRound && !str_eq(set->aRec[k].zRound, zRound)) {
            continue;
        }
        for (size_t i = 0; i < nRecsColumn; i++) {
            buf_reset(&cell);
            recs_cell(p, &set->aRec[k], i, &cell);
            xlsx_out_text(x, buf_str(&cell));
        }
        xlsx_out_row(x);
    }
    buf_release(&cell);
    return xlsx_out_close(x, err);
}

/* Print the recommendations for people: grouped by round and group, each
** with its priority, the nodes and organisations, and its latest status. */
static void
recs_print(const Plan *p, const RecSet *set, const char *zRound, Buf *b)
{
    const char *zLastRound = NULL, *zLastGroup = NULL;
    size_t nShown = 0;
    for (size_t k = 0; k < set->nRec; k++) {
        const Rec *r = &set->aRec[k];
        if (zRound && !str_eq(r->zRound, zRound)) {
            continue;
        }
        if (!str_eq(r->zRound, zLastRound)) {
            buf_printf(b, "%sRound %s\n", nShown ? "\n" : "", r->zRound);
            zLastGroup = NULL;
        }
        if (!str_eq(r->zGroup ? r->zGroup : "", zLastGroup)) {
            buf_printf(b, "  %s\n",
                       r->zGroup ? r->zGroup : "(no discussion group)");
        }
        zLastRound = r->zRound;
        zLastGroup = r->zGroup ? r->zGroup : "";
        const RecFollowup *fu = rec_latest_followup(p, r);
        buf_printf(b, "    %s%s  %s\n", r->zCode,
                   r->bPriority ? " (priority)" : "", r->zText);
        Buf cell = BUF_INIT;
        recs_cell(p, r, 4, &cell);
        if (cell.n) {
            buf_printf(b, "       concerns: %s\n", buf_str(&cell));
        }
        buf_reset(&cell);
        recs_cell(p, r, 5, &cell);
        if (cell.n) {
            buf_printf(b, "       asked: %s\n", buf_str(&cell));
        }
        buf_release(&cell);
        if (fu) {
            buf_printf(b, "       status: %s in %s%s%s\n",
                       rec_status_label(fu->eStatus), fu->zRound,
                       *fu->zEvidence ? ": " : "", fu->zEvidence);
        } else {
            buf_printf(b, "       status: %s\n",
                       rec_status_label(REC_NOT_STARTED));
        }
        nShown++;
    }
    if (nShown == 0) {
        buf_printf(b, "no recommendations%s%s\n", zRound ? " in round " : "",
                   zRound ? zRound : "");
    }
}

/* 'recommendation follow-up ROUND CODE --in ROUND --status S'. */
static int
recs_follow_up(CliCtx *ctx, Store *s, const char *zPlan, const char *zRound,
               const char *zCode, const char *zIn, const char *zStatus,
               const char *zEvidence)
{
    AppErr err = APPERR_INIT;
    RecFollowup f;
    memset(&f, 0, sizeof f);
    if (!zIn || !zStatus) {
        return cli_usage_error(ctx, "follow-up needs --in ROUND and --status");
    }
    if (rec_status_parse(zStatus, &f.eStatus)) {
        return cli_usage_error(ctx, "unknown status '%s' (accepted: %s)",
                               zStatus, REC_STATUS_ACCEPTED);
    }
    f.zRound = (char *)(uintptr_t)zIn;
    f.zEvidence = (char *)(uintptr_t)(zEvidence ? zEvidence : "");
    /* The version the user would have seen: the stored one, read just
    ** before (the use case checks it again under its lock). */
    Model m = { 0 };
    Plan *p = NULL;
    RecSet set;
    int rc = app_recs_read(s, zPlan, &m, &p, &set, &err);
    const Rec *r = rc ? NULL : rec_set_find(&set, zRound, zCode);
    const RecFollowup *old = r ? rec_find_followup(r, zIn) : NULL;
    f.iVersion = old ? old->iVersion : 0;
    Actor who = cli_actor(ctx);
    if (rc == 0 && !r) {
        rc = apperr_set(&err, APPERR_NOTFOUND,
                        "no recommendation '%s' in round %s", zCode, zRound);
    }
    if (rc == 0) {
        rc = app_followup_put(s, &who, zPlan, zRound, zCode, &f, &err);
    }
    rec_set_release(&set);
    model_release(&m);
    if (rc) {
        return cli_fail(&err);
    }
    printf("recommendation %s of round %s: %s in %s\n", zCode, zRound,
           rec_status_label(f.eStatus), zIn);
    return CLI_OK;
}

/* ** COMMAND: recommendation */
int
cmd_recommendation(CliCtx *ctx)
{
    const char *zFormat = NULL, *zOut = NULL, *zRound = NULL, *zPlan = NULL;
    const char *zIn = NULL, *zStatus = NULL, *zEvidence = NULL;
    CliOpt aOpt[] = { { "format", 1, &zFormat, NULL },
                      { "out", 1, &zOut, NULL },
                      { "round", 1, &zRound, NULL },
                      { "plan", 1, &zPlan, NULL },
                      { "in", 1, &zIn, NULL },
                      { "status", 1, &zStatus, NULL },
                      { "evidence", 1, &zEvidence, NULL },
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
        rc = recs_import(ctx, azPos[1], zFormat, zPlan);
    } else if ((strcmp(zSub, "export") == 0 || strcmp(zSub, "list") == 0 ||
                strcmp(zSub, "follow-up") == 0) &&
               nPos == (strcmp(zSub, "follow-up") == 0 ? 3u : 1u)) {
        AppErr err = APPERR_INIT;
        Store *s = cli_open_store(ctx);
        Model m = { 0 };
        Plan *p = NULL;
        RecSet set;
        memset(&set, 0, sizeof set);
        Buf b = BUF_INIT;
        int bXlsx = import_is_xlsx(zFormat, zOut);
        if (!s) {
            rc = CLI_FAIL;
        } else if (strcmp(zSub, "follow-up") == 0) {
            rc = recs_follow_up(ctx, s, zPlan, azPos[1], azPos[2], zIn, zStatus,
                                zEvidence);
        } else if (bXlsx && !zOut) {
            rc = cli_usage_error(ctx, "an xlsx export needs --out FILE.xlsx");
        } else if (app_recs_read(s, zPlan, &m, &p, &set, &err)) {
            rc = cli_fail(&err);
        } else if (zRound && !plan_find_round(p, zRound)) {
            apperr_set(&err, APPERR_NOTFOUND, "no round '%s'", zRound);
            rc = cli_fail(&err);
        } else if (strcmp(zSub, "list") == 0) {
            recs_print(p, &set, zRound, &b);
            if (cli_write_output(NULL, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
        } else if (bXlsx) {
            rc = recs_xlsx_write(p, &set, zRound, zOut, &err) ? cli_fail(&err)
                                                              : CLI_OK;
        } else {
            recs_csv_write(p, &set, zRound, &b);
            if (cli_write_output(zOut, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
        }
        buf_release(&b);
        rec_set_release(&set);
        model_release(&m);
        store_close(s);
    } else {
        rc = cli_usage_error(ctx, "recommendation import FILE, export, list, "
                                  "or follow-up ROUND CODE --in ROUND "
                                  "--status S");
    }
    free(azPos);
    return rc;
}

/* 'report action-plan --round R': the round's action plan
** (report/action_plan.h) as CSV, XLSX (needs --out) or a printable HTML
** page. */
int
cmd_report_action_plan(CliCtx *ctx, const char *zRound, const char *zPlan,
                       const char *zFormat, const char *zOut)
{
    SheetFormat e = SHEET_HTML;
    int bPdf = strcmp(zFormat, "pdf") == 0,
        bDocx = strcmp(zFormat, "docx") == 0;
    if (!bPdf && !bDocx && sheet_format_parse(zFormat, &e)) {
        return cli_usage_error(ctx,
                               "unknown format '%s' for the action plan "
                               "(csv, xlsx, html, pdf or docx)",
                               zFormat);
    }
    if (e == SHEET_XLSX && !zOut) {
        return cli_usage_error(ctx,
                               "an xlsx action plan needs --out FILE.xlsx");
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Model m = MODEL_INIT;
    Plan *p = NULL;
    const Round *rd = NULL;
    RecSet set;
    FundSet fund;
    Buf b = BUF_INIT;
    Sheet t;
    sheet_init(&t, "action_plan", NULL);
    int rc =
        app_action_plan_read(s, zPlan, zRound, &m, &p, &rd, &set, &fund, &err);
    if (rc == 0) {
        action_plan_sheet(p, rd, &set, &fund, &t);
        if (bPdf || bDocx) {
            rc = action_plan_render_print(p, rd, &t, bDocx, &b, &err);
            /* The CLI prints once and exits: fonts go (print.h). */
            review_print_release_fonts();
        } else if (e == SHEET_HTML) {
            action_plan_render_html(p, rd, &t, &b);
        } else {
            rc = sheet_render(&t, e, &b, &err);
        }
    }
    if (rc == 0) {
        rc = cli_write_output(zOut, buf_str(&b), b.n, &err);
    }
    rc = rc ? cli_fail(&err) : CLI_OK;
    sheet_release(&t);
    buf_release(&b);
    rec_set_release(&set);
    fund_set_release(&fund);
    model_release(&m);
    store_close(s);
    return rc;
}
