/*
** cmd_data.c — the commands that create, fill and dump a database:
** init, import, export.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../base/base.h"
#include "../io/annex_csv.h"
#include "../io/import.h"
#include "../io/merge.h"
#include "../io/model_json.h"
#include "../io/outreach_csv.h"
#include "../io/indicators_csv.h"
#include "../io/samples.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The files of a sample, in import order. */
static const char *const azSampleFile[] = { "plan.json", "annex.csv" };

/* Import the embedded sample zName into s. */
static int
init_import_sample(Store *s, const char *zName, AppErr *err)
{
    ImportInput aIn[2];
    char azPath[2][256];
    for (size_t i = 0; i < 2; i++) {
        (void)snprintf(azPath[i], sizeof azPath[i], "%s/%s", zName,
                       azSampleFile[i]);
        const EmbeddedFile *f = samples_find(azPath[i]);
        if (!f) {
            Buf names = BUF_INIT;
            samples_list(&names);
            apperr_set(err, APPERR_USAGE, _("no sample '%s' (samples: %s)"),
                       zName, buf_str(&names));
            buf_release(&names);
            return -1;
        }
        aIn[i].zName = azPath[i];
        aIn[i].z = (const char *)f->aData;
        aIn[i].n = f->nData;
        aIn[i].eFormat = IMPORT_AUTO;
    }
    ImportOpts opts = { NULL, 0, 0, 0, 0 };
    ImportStats stats;
    int rc = import_run(s, aIn, 2, &opts, &stats, err);
    import_stats_release(&stats);

    /* Then what a sample may add: the quarterly briefing's events, media
    ** coverage and statistics (docs/formats/outreach-csv.md), each file
    ** its own import, as 'lmpmon outreach import' would do it. */
    static const struct {
        const char *zFile;
        OutreachFile k;
    } aExtra[] = {
        { "outreach.csv", OUTREACH_FILE_EVENTS },
        { "media.csv", OUTREACH_FILE_MEDIA },
        { "stats.csv", OUTREACH_FILE_STATS },
    };

    for (size_t i = 0; rc == 0 && i < sizeof aExtra / sizeof aExtra[0]; i++) {
        char zPath[256];
        (void)snprintf(zPath, sizeof zPath, "%s/%s", zName, aExtra[i].zFile);
        const EmbeddedFile *f = samples_find(zPath);
        OutreachImportStats st;
        if (f) {
            rc =
                outreach_csv_import(s, aExtra[i].k, zPath,
                                    (const char *)f->aData, f->nData, &st, err);
        }
    }
    /* And the goals' indicators (docs/formats/indicators-csv.md). */
    char zInd[256];
    (void)snprintf(zInd, sizeof zInd, "%s/indicators.csv", zName);
    const EmbeddedFile *pInd = samples_find(zInd);
    if (rc == 0 && pInd) {
        IndImportStats st;
        /* The sample is loaded as its administrator. */
        Actor who = { "lmpmon", ROLE_ADMIN, NULL };
        rc = ind_csv_import(s, &who, IND_FILE_INDICATORS, NULL, zInd,
                            (const char *)pInd->aData, pInd->nData, &st, err);
    }
    return rc;
}

/* ** COMMAND: init */
int
cmd_init(CliCtx *ctx)
{
    const char *zSample = NULL;
    CliOpt aOpt[] = { { "sample", 1, &zSample, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("init takes no arguments"));
    }
    if (zSample && strcmp(zSample, "list") == 0) {
        Buf names = BUF_INIT;
        samples_list(&names);
        printf("%s\n", buf_str(&names));
        buf_release(&names);
        return CLI_OK;
    }
    AppErr err = APPERR_INIT;
    Store *s = store_open(ctx->zDb, STORE_OPEN_CREATE, ctx->zActor, &err);
    if (!s) {
        return cli_fail(&err);
    }
    if (zSample && init_import_sample(s, zSample, &err)) {
        store_close(s);
        if (store_is_url(ctx->zDb)) {
            /* The schema stays: the import rolled back, and the database
            ** (made by its administrator) is lmpmon's and empty. */
            return cli_fail(&err);
        }
        /* The database was created by us a moment ago: leave no empty
        ** shell behind a failed sample import. */
        (void)unlink(ctx->zDb);
        Buf wal = BUF_INIT;
        buf_printf(&wal, "%s-wal", ctx->zDb);
        (void)unlink(buf_str(&wal));
        buf_reset(&wal);
        buf_printf(&wal, "%s-shm", ctx->zDb);
        (void)unlink(buf_str(&wal));
        buf_release(&wal);
        return cli_fail(&err);
    }
    store_close(s);
    if (zSample) {
        printf("created %s with the sample '%s'\n", ctx->zDb, zSample);
    } else {
        printf("created %s\n", ctx->zDb);
    }
    return CLI_OK;
}

/* Print each line of z to f after zPrefix. */
static void
print_lines(FILE *f, const char *zPrefix, const char *z)
{
    while (*z) {
        const char *zEnd = strchr(z, '\n');
        int n = zEnd ? (int)(zEnd - z) : (int)strlen(z);
        (void)fprintf(f, "%s%.*s\n", zPrefix, n, z);
        z += n + (zEnd != NULL);
    }
}

/* ** COMMAND: import */
int
cmd_import(CliCtx *ctx)
{
    const char *zFormat = NULL, *zPlan = NULL;
    int bCreateOrgs = 0, bDryRun = 0;
    CliOpt aOpt[] = { { "format", 1, &zFormat, NULL },
                      { "plan", 1, &zPlan, NULL },
                      { "create-orgs", 0, NULL, &bCreateOrgs },
                      { "dry-run", 0, NULL, &bDryRun },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    ImportFormat eFormat = IMPORT_AUTO;
    if (zFormat && import_format_parse(zFormat, &eFormat)) {
        free(azPos);
        return cli_usage_error(
            ctx, _("unknown format '%s' (csv, xlsx or json)"), zFormat);
    }
    if (nPos == 0) {
        free(azPos);
        return cli_usage_error(ctx, _("no file to import"));
    }
    AppErr err = APPERR_INIT;
    ImportInput *aIn = xcalloc(nPos, sizeof *aIn);
    char **azData = xcalloc(nPos, sizeof *azData);
    int rc = CLI_FAIL;
    Store *s = NULL;
    for (size_t i = 0; i < nPos; i++) {
        aIn[i].zName = azPos[i];
        aIn[i].eFormat = eFormat;
        if (import_read_file(azPos[i], &azData[i], &aIn[i].n, &err)) {
            rc = cli_fail(&err);
            goto out;
        }
        aIn[i].z = azData[i];
    }
    s = cli_open_store(ctx);
    if (!s) {
        goto out;
    }
    Buf note = BUF_INIT;
    if (nPos == 1) {
        buf_printf(&note, "an import of '%s'", azPos[0]);
    } else {
        buf_printf(&note, "an import of %zu files ('%s', ...)", nPos, azPos[0]);
    }
    store_set_writer_note(s, buf_str(&note));
    buf_release(&note);
    ImportOpts opts = { zPlan, bCreateOrgs, bDryRun, 0, 0 };
    ImportStats stats;
    if (import_run(s, aIn, nPos, &opts, &stats, &err)) {
        rc = cli_fail(&err);
        if (stats.nConflict > 1) {
            print_lines(stderr, "  ", buf_str(&stats.conflicts));
        }
        import_stats_release(&stats);
        goto out;
    }
    Buf msg = BUF_INIT;
    if (nPos == 1) {
        buf_printf(&msg, bDryRun ? "would import '%s': " : "imported '%s': ",
                   azPos[0]);
    } else {
        buf_printf(
            &msg, bDryRun ? "would import %zu files: " : "imported %zu files: ",
            nPos);
    }
    import_stats_describe(&stats, &msg);
    if (bDryRun) {
        buf_puts(&msg, "; nothing was written (--dry-run)");
    }
    printf("%s\n", buf_str(&msg));
    (void)fflush(stdout);
    /* Files written without merging say so. */
    print_lines(stderr, "lmpmon: note: ", buf_str(&stats.notes));
    buf_release(&msg);
    import_stats_release(&stats);
    rc = CLI_OK;
out:
    store_close(s);
    for (size_t i = 0; i < nPos; i++) {
        free(azData[i]);
    }
    free(azData);
    free(aIn);
    free(azPos);
    return rc;
}

/* ** COMMAND: export */
int
cmd_export(CliCtx *ctx)
{
    const char *zFormat = "csv", *zPlan = NULL, *zOut = NULL;
    CliOpt aOpt[] = { { "format", 1, &zFormat, NULL },
                      { "plan", 1, &zPlan, NULL },
                      { "out", 1, &zOut, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx,
                               _("export takes no file arguments (use --out)"));
    }
    int bJson = strcmp(zFormat, "json") == 0;
    if (!bJson && strcmp(zFormat, "csv") != 0) {
        return cli_usage_error(ctx, _("unknown format '%s' (csv or json)"),
                               zFormat);
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Model m = MODEL_INIT;
    Buf out = BUF_INIT;
    char *zRevision = NULL;
    int rc = CLI_FAIL;
    /* The model with the revision it is at, so an import of the file
    ** can tell the cells its user changed from those changed since. */
    if (merge_export_load(s, zPlan, &m, &zRevision, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    if (bJson) {
        model_json_write_revision(&m, zRevision, &out);
    } else {
        if (m.nPlan != 1) {
            apperr_set(&err, APPERR_USAGE,
                       m.nPlan
                           ? _("the database holds %zu plans; choose one with "
                               "--plan CODE")
                           : _("the database holds %zu plans: nothing to "
                               "export as CSV"),
                       m.nPlan);
            rc = cli_fail(&err);
            goto out;
        }
        annex_csv_write(&m.aPlan[0], zRevision, &out);
    }
    if (buf_failed(&out)) {
        apperr_set(&err, APPERR_INTERNAL,
                   _("export larger than LIMIT_BUF_BYTES"));
        rc = cli_fail(&err);
        goto out;
    }
    if (cli_write_output(zOut, buf_str(&out), out.n, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    rc = CLI_OK;
out:
    free(zRevision);
    buf_release(&out);
    model_release(&m);
    store_close(s);
    return rc;
}
