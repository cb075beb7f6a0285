/*
** cmd_indicator.c — the plan's indicators from the command line:
** 'indicator list|show|add|amend|import', 'value import|export' and
** 'report indicators --year Y' (docs/formats/indicators-csv.md).
**
** Adding and amending are app/indicators.c's use cases; imports are
** io/indicators_csv.c's, one transaction a file; the report's rows are
** core's (ind_report_rows()), laid out by report/indicators_report.c.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../app/indicators.h"
#include "../base/base.h"
#include "../io/dhis2_json.h"
#include "../io/import.h"
#include "../io/indicators_csv.h"
#include "../io/sdmx_csv.h"
#include "../report/indicators_report.h"
#include "../report/print.h"
#include "../base/banned.h"

/* The options of 'indicator add' and 'amend'. */
typedef struct IndOpts {
    const char *zPlan, *zGoal, *zDefinition, *zUnit, *zDirection;
    const char *zBaseline, *zBaselineYear, *zTargets, *zDisagg;
    const char *zVerification, *zOrg, *zEffective, *zReason;
    const char *zComputedFrom;
    int bComputed;
} IndOpts;

/* Replace *pz by a copy of z when z is given (an option on the command
** line); keep it otherwise. */
static void
set_text(char **pz, const char *z)
{
    if (z) {
        free(*pz);
        *pz = xstrdup(z);
    }
}

/* Apply the options given in o to p (a copy of the newest revision when
** amending); 0, or a usage error's exit code. */
static int
ind_apply(CliCtx *ctx, const IndOpts *o, Indicator *p)
{
    int e;
    set_text(&p->zNode, o->zGoal);
    set_text(&p->zDefinition, o->zDefinition);
    if (o->zUnit) {
        if ((e = code_index(CODE_IND_UNIT, o->zUnit)) < 0) {
            return cli_usage_error(ctx,
                                   "unknown unit '%s' (count, "
                                   "percentage or amount)",
                                   o->zUnit);
        }
        p->eUnit = (IndUnit)e;
    }
    if (o->zDirection) {
        if ((e = code_index(CODE_IND_DIRECTION, o->zDirection)) < 0) {
            return cli_usage_error(ctx,
                                   "unknown direction '%s' (increase, "
                                   "decrease or maintain)",
                                   o->zDirection);
        }
        p->eDir = (IndDirection)e;
    }
    if (o->zBaseline) {
        long y;
        if (ind_number_parse(o->zBaseline, &p->baseline)) {
            return cli_usage_error(ctx, "--baseline: '%s' is not a number",
                                   o->zBaseline);
        }
        if (!o->zBaselineYear ||
            str_to_long(o->zBaselineYear, 1900, 2200, &y)) {
            return cli_usage_error(ctx, "--baseline needs --baseline-year "
                                        "YEAR");
        }
        p->bBaseline = 1;
        p->baselineYear = (int)y;
    }
    if (o->zTargets && ind_targets_parse(p, o->zTargets)) {
        return cli_usage_error(ctx,
                               "--targets: '%s' is not targets by year "
                               "(2017=50;2018=60)",
                               o->zTargets);
    }
    if (o->zDisagg && ind_dims_parse(o->zDisagg, &p->mDim)) {
        return cli_usage_error(ctx,
                               "--disaggregation: '%s' (sex, province, "
                               "destination, channel, sector, joined "
                               "by ',')",
                               o->zDisagg);
    }
    set_text(&p->zVerification, o->zVerification);
    set_text(&p->zOrg, o->zOrg);
    set_text(&p->zEffective, o->zEffective);
    set_text(&p->zReason, o->zReason);
    if (o->bComputed) {
        p->bComputed = 1;
    }
    if (o->zComputedFrom && ind_computed_parse(o->zComputedFrom, p)) {
        return cli_usage_error(ctx,
                               "--computed-from: '%s' is not complaints or "
                               "outreach:KIND;KIND (training, meeting, "
                               "counselling, dissemination, consultation, "
                               "workshop, legal_assistance, other)",
                               o->zComputedFrom);
    }
    return 0;
}

/* Print revision p with the values reported against it. */
static void
ind_print(const Indicator *p, const IndValue *aV, size_t nV, Buf *b)
{
    char z[64];
    char *zFrom = ind_computed_label(p);
    buf_printf(b, "%s revision %d (goal %s)%s%s\n", p->zCode, p->iRev, p->zNode,
               zFrom ? ", " : "", zFrom ? zFrom : "");
    free(zFrom);
    buf_printf(b, "  definition:   %s\n", p->zDefinition);
    buf_printf(
        b, "  unit:         %s, %s\n",
        code_label(CODE_IND_UNIT,
                   code_table(CODE_IND_UNIT, &(size_t){ 0 })[p->eUnit].zKey),
        code_table(CODE_IND_DIRECTION, &(size_t){ 0 })[p->eDir].zLabel);
    if (p->bBaseline) {
        ind_format_value(p->eUnit, p->baseline, z, sizeof z);
        buf_printf(b, "  baseline:     %s (%d)\n", z, p->baselineYear);
    }
    for (size_t i = 0; i < p->nTarget; i++) {
        ind_format_value(p->eUnit, p->aTarget[i].value, z, sizeof z);
        buf_printf(b, "  target %d:  %s\n", p->aTarget[i].year, z);
    }
    if (p->mDim) {
        char *zDims = ind_dims_text(p->mDim);
        buf_printf(b, "  by:           %s\n", zDims);
        free(zDims);
    }
    if (p->zVerification) {
        buf_printf(b, "  verification: %s\n", p->zVerification);
    }
    if (p->zOrg) {
        buf_printf(b, "  responsible:  %s\n", p->zOrg);
    }
    if (p->iRev > 1) {
        buf_printf(b, "  amended:      from %s: %s\n",
                   p->zEffective ? p->zEffective : "(no date)",
                   p->zReason ? p->zReason : "");
    }
    for (size_t i = 0; i < nV; i++) {
        const IndValue *v = &aV[i];
        if (strcmp(v->zCode, p->zCode) != 0 || v->iRev != p->iRev) {
            continue;
        }
        ind_format_value(p->eUnit, v->value, z, sizeof z);
        buf_printf(b, "  value %-7s %-6s", v->zPeriod,
                   code_table(CODE_STAT_SEX, &(size_t){ 0 })[v->eSex].zLabel);
        if (v->eDim != IND_DIM_COUNT) {
            buf_printf(b, " %s %s",
                       code_table(CODE_IND_DIM, &(size_t){ 0 })[v->eDim].zLabel,
                       v->zDimCode);
        }
        buf_printf(b, " %s%s", z, p->eUnit == IND_UNIT_PERCENT ? "%" : "");
        if (v->den > 0) {
            buf_printf(b, " (%lld of %lld)", (long long)v->num,
                       (long long)v->den);
        }
        buf_printf(
            b, " [%s]%s%s\n",
            code_table(CODE_IND_VALUE_STATE, &(size_t){ 0 })[v->eState].zLabel,
            v->zSource ? " " : "", v->zSource ? v->zSource : "");
    }
}

/* Read a CSV or XLSX file and import it as kind k. */
static int
ind_import_file(CliCtx *ctx, IndFileKind k, const char *zFile,
                const char *zPlan)
{
    AppErr err = APPERR_INIT;
    Buf csv = BUF_INIT;
    MappedFile mf = { "", 0, NULL };
    const char *z;
    size_t n = 0;
    int rc = CLI_OK;
    Store *s = NULL;
    int bXlsx = import_is_xlsx(NULL, zFile);
    if (import_table_text(zFile, bXlsx, &csv, &mf, &z, &n, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    s = cli_open_store(ctx);
    if (!s) {
        rc = CLI_FAIL;
        goto out;
    }
    IndImportStats st;
    const char *zNoun = k == IND_FILE_INDICATORS ? "indicators" : "values";
    Actor who = cli_actor(ctx);
    if (ind_csv_import(s, &who, k, zPlan, zFile, z, n, &st, &err)) {
        rc = cli_fail(&err);
    } else {
        printf("%ld %s in '%s': %ld new or changed, %ld unchanged\n", st.nRows,
               zNoun, zFile, st.nWritten, st.nRows - st.nWritten);
    }
out:
    store_close(s);
    import_unmap_file(&mf);
    buf_release(&csv);
    return rc;
}

/* 'indicator add|amend CODE ...' */
static int
ind_write(CliCtx *ctx, Store *s, int bAmend, const char *zCode,
          const IndOpts *o)
{
    AppErr err = APPERR_INIT;
    Indicator p;
    indicator_init(&p);
    IndData d;
    memset(&d, 0, sizeof d);
    int rc = CLI_OK;
    const Indicator *pOld = NULL;
    if (bAmend) {
        /* The newest revision as the user sees it now: the use case
        ** checks under its lock that it still is. */
        if (app_indicators_read(s, o->zPlan, &d, &err)) {
            rc = cli_fail(&err);
            goto out;
        }
        pOld = ind_find(d.a, d.n, zCode, 0);
        if (!pOld) {
            apperr_set(&err, APPERR_NOTFOUND, "no indicator '%s'", zCode);
            rc = cli_fail(&err);
            goto out;
        }
        if (!o->zReason) {
            rc = cli_usage_error(ctx, "an amendment says why: --reason TEXT");
            goto out;
        }
        p.zPlan = xstrdup(d.zPlan);
        p.zCode = xstrdup(zCode);
        p.iRev = pOld->iRev + 1;
        p.zNode = xstrdup(pOld->zNode);
        p.zDefinition = xstrdup(pOld->zDefinition);
        p.eUnit = pOld->eUnit;
        p.eDir = pOld->eDir;
        p.bBaseline = pOld->bBaseline;
        p.baseline = pOld->baseline;
        p.baselineYear = pOld->baselineYear;
        if (pOld->nTarget) {
            p.aTarget = xcalloc(pOld->nTarget, sizeof *p.aTarget);
            memcpy(p.aTarget, pOld->aTarget, pOld->nTarget * sizeof *p.aTarget);
            p.nTarget = pOld->nTarget;
        }
        p.mDim = pOld->mDim;
        p.zVerification =
            pOld->zVerification ? xstrdup(pOld->zVerification) : NULL;
        p.zOrg = pOld->zOrg ? xstrdup(pOld->zOrg) : NULL;
        p.bComputed = pOld->bComputed;
        p.mOutreach = pOld->mOutreach;
    } else {
        if (!o->zGoal || !o->zDefinition || !o->zUnit) {
            rc = cli_usage_error(ctx, "indicator add needs --goal, "
                                      "--definition and --unit");
            goto out;
        }
        p.zPlan = o->zPlan ? xstrdup(o->zPlan) : NULL;
        p.zCode = xstrdup(zCode);
    }
    if ((rc = ind_apply(ctx, o, &p)) != 0) {
        goto out;
    }
    if (pOld && pOld->zDefinitionKm &&
        str_eq(p.zDefinition, pOld->zDefinition)) {
        /* The definition's Khmer carries over while the definition does;
        ** a new definition needs its own. */
        p.zDefinitionKm = xstrdup(pOld->zDefinitionKm);
    }
    Actor who = cli_actor(ctx);
    if (bAmend ? app_indicator_amend(s, &who, &p, &err)
               : app_indicator_add(s, &who, &p, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    printf("indicator %s: revision %d %s\n", p.zCode, p.iRev,
           bAmend ? "amended" : "added");
out:
    indicator_release(&p);
    app_indicators_release(&d);
    return rc;
}

/* ** COMMAND: indicator */
int
cmd_indicator(CliCtx *ctx)
{
    IndOpts o;
    memset(&o, 0, sizeof o);
    CliOpt aOpt[] = { { "plan", 1, &o.zPlan, NULL },
                      { "goal", 1, &o.zGoal, NULL },
                      { "definition", 1, &o.zDefinition, NULL },
                      { "unit", 1, &o.zUnit, NULL },
                      { "direction", 1, &o.zDirection, NULL },
                      { "baseline", 1, &o.zBaseline, NULL },
                      { "baseline-year", 1, &o.zBaselineYear, NULL },
                      { "targets", 1, &o.zTargets, NULL },
                      { "disaggregation", 1, &o.zDisagg, NULL },
                      { "verification", 1, &o.zVerification, NULL },
                      { "org", 1, &o.zOrg, NULL },
                      { "effective", 1, &o.zEffective, NULL },
                      { "reason", 1, &o.zReason, NULL },
                      { "computed", 0, NULL, &o.bComputed },
                      { "computed-from", 1, &o.zComputedFrom, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos = NULL;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zSub = nPos ? azPos[0] : "";
    const char *zArg = nPos > 1 ? azPos[1] : NULL;
    int rc = CLI_OK;
    int bList = strcmp(zSub, "list") == 0 && nPos == 1;
    int bShow = strcmp(zSub, "show") == 0 && nPos == 2;
    int bAdd = strcmp(zSub, "add") == 0 && nPos == 2;
    int bAmend = strcmp(zSub, "amend") == 0 && nPos == 2;
    int bImport = strcmp(zSub, "import") == 0 && nPos == 2;
    if (bImport) {
        rc = ind_import_file(ctx, IND_FILE_INDICATORS, zArg, o.zPlan);
    } else if (bList || bShow || bAdd || bAmend) {
        Store *s = cli_open_store(ctx);
        AppErr err = APPERR_INIT;
        IndData d;
        Buf b = BUF_INIT;
        if (!s) {
            rc = CLI_FAIL;
        } else if (bAdd || bAmend) {
            rc = ind_write(ctx, s, bAmend, zArg, &o);
        } else if (app_indicators_read(s, o.zPlan, &d, &err)) {
            rc = cli_fail(&err);
        } else {
            for (size_t i = 0; i < d.n; i++) {
                const Indicator *p = &d.a[i];
                int bNewest =
                    i + 1 == d.n || strcmp(d.a[i + 1].zCode, p->zCode) != 0;
                if (bList && bNewest) {
                    buf_printf(
                        &b, "%-8s goal %-4s rev %d  %-10s %s%s\n", p->zCode,
                        p->zNode, p->iRev,
                        code_table(CODE_IND_UNIT, &(size_t){ 0 })[p->eUnit]
                            .zLabel,
                        p->zDefinition,
                        !p->bComputed  ? ""
                        : p->mOutreach ? " (computed from outreach)"
                                       : " (computed from the complaints "
                                         "register)");
                } else if (bShow && strcmp(p->zCode, zArg) == 0) {
                    ind_print(p, d.aV, d.nV, &b);
                }
            }
            if (bShow && !ind_find(d.a, d.n, zArg, 0)) {
                apperr_set(&err, APPERR_NOTFOUND, "no indicator '%s'", zArg);
                rc = cli_fail(&err);
            }
            if (cli_write_output(NULL, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
            app_indicators_release(&d);
        }
        buf_release(&b);
        store_close(s);
    } else {
        rc = cli_usage_error(ctx, "indicator list | show CODE | add CODE | "
                                  "amend CODE | import FILE");
    }
    free(azPos);
    return rc;
}

/* Read the DHIS2 mapping file zMap into *m (empty first); 0, or an exit
** code after the message. */
static int
dhis2_map_load(CliCtx *ctx, const char *zMap, Dhis2Map *m)
{
    AppErr err = APPERR_INIT;
    char *z = NULL;
    size_t n = 0;
    if (!zMap) {
        return cli_usage_error(ctx, "--format dhis2 needs --mapping FILE.json "
                                    "(docs/formats/dhis2.md)");
    }
    int rc = CLI_OK;
    if (import_read_file(zMap, &z, &n, &err) ||
        dhis2_map_read(zMap, z, n, m, &err)) {
        rc = cli_fail(&err);
    }
    free(z);
    return rc;
}

/* 'value import FILE.json --format dhis2 --mapping MAP.json' */
static int
value_import_dhis2(CliCtx *ctx, const char *zFile, const char *zMap,
                   const char *zPlan)
{
    AppErr err = APPERR_INIT;
    Dhis2Map m;
    memset(&m, 0, sizeof m);
    char *z = NULL;
    size_t n = 0;
    Store *s = NULL;
    int rc = dhis2_map_load(ctx, zMap, &m);
    if (rc != CLI_OK) {
        goto out;
    }
    if (import_read_file(zFile, &z, &n, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    s = cli_open_store(ctx);
    if (!s) {
        rc = CLI_FAIL;
        goto out;
    }
    IndImportStats st;
    Actor who = cli_actor(ctx);
    if (dhis2_values_import(s, &who, zPlan, zFile, z, n, &m, &st, &err)) {
        rc = cli_fail(&err);
    } else {
        printf("%ld values in '%s': %ld new or changed, %ld unchanged\n",
               st.nRows, zFile, st.nWritten, st.nRows - st.nWritten);
    }
out:
    store_close(s);
    free(z);
    dhis2_map_release(&m);
    return rc;
}

/* 'value export --format csv|sdmx-csv|dhis2' of d's values into b. */
static int
value_export(CliCtx *ctx, const IndData *d, const char *zFormat,
             const char *zMap, Buf *b)
{
    /* The stored values only: computed ones are the register's. */
    size_t nStored = d->nV - d->nComputed;
    if (strcmp(zFormat, "csv") == 0) {
        ind_values_csv_write(d->a, d->n, d->aV, nStored, b);
        return CLI_OK;
    }
    if (strcmp(zFormat, "sdmx-csv") == 0) {
        /* A publication: the computed figures too. */
        sdmx_values_write(d->a, d->n, d->aV, d->nV, b);
        return CLI_OK;
    }
    Dhis2Map m;
    memset(&m, 0, sizeof m);
    int rc = dhis2_map_load(ctx, zMap, &m);
    AppErr err = APPERR_INIT;
    size_t nSkipped = 0;
    if (rc == CLI_OK && dhis2_values_write(&m, d->a, d->n, d->aV, nStored, b,
                                           &nSkipped, &err)) {
        rc = cli_fail(&err);
    }
    if (rc == CLI_OK && nSkipped) {
        (void)fprintf(stderr,
                      "lmpmon: %zu values of indicators the mapping does not "
                      "name were left out\n",
                      nSkipped);
    }
    dhis2_map_release(&m);
    return rc;
}

/* ** COMMAND: value */
int
cmd_value(CliCtx *ctx)
{
    const char *zPlan = NULL, *zOut = NULL, *zFormat = NULL, *zMap = NULL;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL },
                      { "out", 1, &zOut, NULL },
                      { "format", 1, &zFormat, NULL },
                      { "mapping", 1, &zMap, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos = NULL;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zSub = nPos ? azPos[0] : "";
    int rc = CLI_OK;
    int bImport = strcmp(zSub, "import") == 0 && nPos == 2;
    int bExport = strcmp(zSub, "export") == 0 && nPos == 1;
    /* A mapping is DHIS2's. */
    if (zMap && !zFormat) {
        zFormat = "dhis2";
    }
    if (zMap && strcmp(zFormat, "dhis2") != 0) {
        rc = cli_usage_error(ctx, "--mapping goes with --format dhis2");
    } else if (zFormat && strcmp(zFormat, "csv") != 0 &&
               strcmp(zFormat, "dhis2") != 0 &&
               (strcmp(zFormat, "sdmx-csv") != 0 || bImport)) {
        rc = cli_usage_error(ctx,
                             "unknown format '%s' (csv or dhis2; an export "
                             "also sdmx-csv)",
                             zFormat);
    } else if (bImport && zFormat && strcmp(zFormat, "dhis2") == 0) {
        rc = value_import_dhis2(ctx, azPos[1], zMap, zPlan);
    } else if (bImport) {
        rc = ind_import_file(ctx, IND_FILE_VALUES, azPos[1], zPlan);
    } else if (bExport) {
        Store *s = cli_open_store(ctx);
        AppErr err = APPERR_INIT;
        IndData d;
        Buf b = BUF_INIT;
        if (!s) {
            rc = CLI_FAIL;
        } else if (app_indicators_read(s, zPlan, &d, &err)) {
            rc = cli_fail(&err);
        } else {
            rc = value_export(ctx, &d, zFormat ? zFormat : "csv", zMap, &b);
            if (rc == CLI_OK &&
                cli_write_output(zOut, buf_str(&b), b.n, &err)) {
                rc = cli_fail(&err);
            }
            app_indicators_release(&d);
        }
        buf_release(&b);
        store_close(s);
    } else {
        rc = cli_usage_error(ctx, "value import FILE [--format dhis2 --mapping "
                                  "MAP.json] | export [--format csv|sdmx-csv|"
                                  "dhis2] [--out FILE]");
    }
    free(azPos);
    return rc;
}

int
cmd_report_indicators(CliCtx *ctx, const char *zYear, const char *zPlan,
                      const char *zFormat, const char *zOut)
{
    long y;
    if (!zYear || str_to_long(zYear, 1900, 2200, &y)) {
        return cli_usage_error(ctx, "report indicators needs --year YEAR");
    }
    const char *zFmt = zFormat ? zFormat : "text";
    int bPrint = report_format_find(aPrintFormat, zFmt) != NULL;
    if (strcmp(zFmt, "text") != 0 && strcmp(zFmt, "csv") != 0 &&
        strcmp(zFmt, "json") != 0 && !bPrint) {
        return cli_usage_error(
            ctx, "unknown format '%s' (text, csv, json, pdf or docx)", zFmt);
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    IndData d;
    int rc = CLI_OK;
    if (app_indicators_read(s, zPlan, &d, &err)) {
        store_close(s);
        return cli_fail(&err);
    }
    IndReportRow *aRow = NULL;
    size_t nRow = ind_report_rows(d.a, d.n, d.aV, d.nV, (int)y, &aRow);
    Buf b = BUF_INIT;
    if (strcmp(zFmt, "csv") == 0) {
        Sheet t;
        ind_report_sheet(aRow, nRow, (int)y, &t);
        sheet_render_csv(&t, &b);
        sheet_release(&t);
    } else if (strcmp(zFmt, "json") == 0) {
        ind_report_json(aRow, nRow, (int)y, &b);
    } else if (bPrint) {
        if (ind_report_print(aRow, nRow, (int)y, strcmp(zFmt, "docx") == 0, &b,
                             &err)) {
            rc = cli_fail(&err);
        }
        /* The CLI prints once and exits: the fonts go (print.h). */
        review_print_release_fonts();
    } else {
        ind_report_text(aRow, nRow, (int)y, &b);
    }
    if (rc == CLI_OK && cli_write_output(zOut, buf_str(&b), b.n, &err)) {
        rc = cli_fail(&err);
    }
    buf_release(&b);
    free(aRow);
    app_indicators_release(&d);
    store_close(s);
    return rc;
}
