/*
** cmd_outreach.c — outreach events, media coverage and migration
** statistics from the command line: 'outreach', 'media' and 'stats', each
** import|export|list (docs/formats/outreach-csv.md).  One handler serves
** the three: they differ only in the kind of file (io/outreach_csv.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "term.h"
#include "../base/base.h"
#include "../core/briefing.h"
#include "../io/import.h"
#include "../io/outreach_csv.h"
#include "../io/sdmx_csv.h"
#include "../io/xlsx_read.h"
#include "../base/banned.h"

static int
outreach_import_file(CliCtx *ctx, OutreachFile k, const char *zFile, int bXlsx)
{
    AppErr err = APPERR_INIT;
    Buf csv = BUF_INIT;
    MappedFile mf = { "", 0, NULL };
    const char *z;
    size_t n;
    int rc = CLI_OK;
    Store *s = NULL;
    if (import_table_text(zFile, bXlsx, &csv, &mf, &z, &n, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    s = cli_open_store(ctx);
    if (!s) {
        rc = CLI_FAIL;
        goto out;
    }
    Buf note = BUF_INIT;
    buf_printf(&note, "an import of %s from '%s'", outreach_file_noun(k),
               zFile);
    store_set_writer_note(s, buf_str(&note));
    buf_release(&note);
    OutreachImportStats st;
    if (outreach_csv_import(s, k, zFile, z, n, &st, &err)) {
        rc = cli_fail(&err);
    } else if (st.nWritten == 0) {
        printf("%ld %s in '%s': no changes\n", st.nRows, outreach_file_noun(k),
               zFile);
    } else {
        printf("%ld %s in '%s': %ld new or changed, %ld unchanged "
               "(%ld changes)\n",
               st.nRows, outreach_file_noun(k), zFile, st.nWritten,
               st.nRows - st.nWritten, st.nChanges);
    }
out:
    store_close(s);
    import_unmap_file(&mf);
    buf_release(&csv);
    return rc;
}

/* The one handler of 'outreach', 'media' and 'stats'. */
static int
outreach_command(CliCtx *ctx, OutreachFile k)
{
    const char *zFormat = NULL, *zOut = NULL, *zQuarter = NULL;
    const char *zFrom = NULL, *zTo = NULL;
    CliOpt aOpt[] = {
        { "format", 1, &zFormat, NULL },   { "out", 1, &zOut, NULL },
        { "quarter", 1, &zQuarter, NULL }, { "from", 1, &zFrom, NULL },
        { "to", 1, &zTo, NULL },           { NULL, 0, NULL, NULL }
    };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zSub = nPos ? azPos[0] : "";
    int rc = CLI_OK;
    AppErr err = APPERR_INIT;
    Store *s = NULL;
    /* The quarter as the briefing reads it (core/briefing.h). */
    BriefQuarter q;
    if (zQuarter && briefing_quarter_parse(zQuarter, &q, &err)) {
        rc = cli_usage_error(ctx, "%s", err.zMsg);
        goto out;
    }
    if (zQuarter) {
        zFrom = q.zFrom;
        zTo = q.zTo;
    }
    if ((zFrom && !str_is_date(zFrom)) || (zTo && !str_is_date(zTo))) {
        rc = cli_usage_error(ctx, "--from and --to want dates (YYYY-MM-DD)");
        goto out;
    }
    if (k == OUTREACH_FILE_STATS && (zFrom || zTo)) {
        rc = cli_usage_error(ctx, "statistics are not chosen by date");
        goto out;
    }
    if (!zFormat && import_is_xlsx(NULL, zOut)) {
        zFormat = "xlsx";
    }
    int bXlsx = zFormat && strcmp(zFormat, "xlsx") == 0;
    /* Statistics go out in SDMX-CSV too (io/sdmx_csv.h). */
    int bSdmx = zFormat && strcmp(zFormat, "sdmx-csv") == 0 &&
                k == OUTREACH_FILE_STATS && strcmp(zSub, "export") == 0;
    if (zFormat && !bXlsx && !bSdmx && strcmp(zFormat, "csv") != 0) {
        rc = cli_usage_error(
            ctx, "unknown format '%s' (csv or xlsx%s)", zFormat,
            k == OUTREACH_FILE_STATS ? "; an export also sdmx-csv" : "");
        goto out;
    }
    if (strcmp(zSub, "import") == 0 && nPos == 2) {
        rc = outreach_import_file(
            ctx, k, azPos[1],
            bXlsx || (!zFormat && import_is_xlsx(NULL, azPos[1])));
    } else if (strcmp(zSub, "export") == 0 && nPos == 1) {
        s = cli_open_store(ctx);
        Buf b = BUF_INIT;
        buf_init(&b, LIMIT_IMPORT_FILE_BYTES);
        if (!s) {
            rc = CLI_FAIL;
        } else if (bSdmx) {
            if (sdmx_stats_export(s, &b, &err) ||
                cli_write_output(zOut, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
        } else if (bXlsx && !zOut) {
            rc = cli_usage_error(ctx, "an xlsx export needs --out FILE.xlsx");
        } else if (bXlsx) {
            if (outreach_xlsx_export(s, k, zFrom, zTo, zOut, &err)) {
                rc = cli_fail(&err);
            }
        } else if (outreach_csv_export(s, k, zFrom, zTo, &b, &err) ||
                   cli_write_output(zOut, buf_str(&b), b.n, &err)) {
            rc = cli_fail(&err);
        }
        buf_release(&b);
    } else if (strcmp(zSub, "list") == 0 && nPos == 1) {
        s = cli_open_store(ctx);
        OutreachTable ot;
        if (!s) {
            rc = CLI_FAIL;
        } else if (outreach_table(s, k, zFrom, zTo, &ot, &err)) {
            rc = cli_fail(&err);
        } else {
            Table t;
            table_init(&t, ot.nCol, ot.azHead);
            for (size_t i = 0; i < ot.nRow; i++) {
                table_add(&t, (const char *const *)&ot.azCell[i * ot.nCol]);
            }
            Buf b = BUF_INIT;
            if (ot.nRow == 0) {
                buf_printf(&b, "no %s\n", outreach_file_noun(k));
            } else {
                table_render(&t, term_width(), &b);
            }
            (void)fwrite(buf_str(&b), 1, b.n, stdout);
            buf_release(&b);
            table_release(&t);
            outreach_table_release(&ot);
        }
    } else {
        rc = cli_usage_error(ctx,
                             "%s import FILE, %s export [--out FILE], or "
                             "%s list",
                             ctx->argv[0], ctx->argv[0], ctx->argv[0]);
    }
out:
    store_close(s);
    free(azPos);
    return rc;
}

/* ** COMMAND: outreach */
int
cmd_outreach(CliCtx *ctx)
{
    return outreach_command(ctx, OUTREACH_FILE_EVENTS);
}

/* ** COMMAND: media */
int
cmd_media(CliCtx *ctx)
{
    return outreach_command(ctx, OUTREACH_FILE_MEDIA);
}

/* ** COMMAND: stats */
int
cmd_stats(CliCtx *ctx)
{
    return outreach_command(ctx, OUTREACH_FILE_STATS);
}
