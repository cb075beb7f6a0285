/*
** cmd_report.c — 'report review', 'report coordination' and 'check'
** (data-quality findings and the verification of a report's printed
** figures).  'report complaints' is in cmd_cases.c.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "../base/base.h"
#include "../core/checks.h"
#include "../core/claims.h"
#include "../core/coordination.h"
#include "../io/claims_csv.h"
#include "../io/import.h"
#include "../report/briefing_report.h"
#include "../report/coordination_report.h"
#include "../report/print.h"
#include "../report/review_report.h"
#include "../app/briefing.h"
#include "../app/casework.h"
#include "../app/recommendations.h"
#include "../app/funding.h"
#include "../base/i18n.h"
#include "../app/workflow.h"
#include "../base/banned.h"

/* Load the model and pick the plan (zPlan, or the only one). */
static Plan *
report_load(const CliCtx *ctx, const char *zPlan, const char *const *azRound,
            size_t nRound, int bRoundBefore, Model *m)
{
    Store *s = cli_open_store(ctx);
    if (!s) {
        return NULL;
    }
    AppErr err = APPERR_INIT;
    int rc = nRound ? store_load_rounds(s, zPlan, azRound, nRound, bRoundBefore,
                                        m, &err)
                    : store_load(s, zPlan, m, &err);
    store_close(s);
    if (rc) {
        (void)cli_fail(&err);
        return NULL;
    }
    if (zPlan) {
        return model_find_plan(m, zPlan);
    }
    if (m->nPlan != 1) {
        (void)fprintf(stderr,
                      "lmpmon: the database holds %zu plans; choose one "
                      "with --plan CODE\n",
                      m->nPlan);
        return NULL;
    }
    return &m->aPlan[0];
}

/* The format from --format, else from the --out file's extension. */
static const char *
report_format(const char *zFormat, const char *zOut, const char *zDefault)
{
    if (zFormat) {
        return zFormat;
    }
    const char *zDot = zOut ? strrchr(zOut, '.') : NULL;
    static const char *const az[] = { "html", "md",   "csv", "json", "svg",
                                      "txt",  "xlsx", "pdf", "docx" };
    for (size_t i = 0; zDot && i < sizeof az / sizeof az[0]; i++) {
        if (strcmp(zDot + 1, az[i]) == 0) {
            return strcmp(az[i], "txt") == 0 ? "text" : az[i];
        }
    }
    return zDefault;
}

/* 'report coordination': who is responsible for what in round zRound and
** whether the review's explanations of slow progress hold
** (core/coordination.h), in format zFmt (report/coordination_report.h's
** table: html, md, csv, json, pdf or docx). */
static int
report_coordination(const CliCtx *ctx, const char *zRound, const char *zPlan,
                    const char *zFmt, const char *zOut)
{
    if (!report_format_find(aCoordinationFormat, zFmt)) {
        Buf names = BUF_INIT;
        report_format_list(aCoordinationFormat, &names);
        int rc = cli_usage_error(ctx,
                                 _("unknown format '%s' for the "
                                   "coordination report (%s)"),
                                 zFmt, buf_str(&names));
        buf_release(&names);
        return rc;
    }
    if (!zRound) {
        return cli_usage_error(ctx, _("which round? (--round CODE)"));
    }
    /* Only the round's assessments are needed: the silent rule, too, looks
    ** at the round alone. */
    const char *azRound[] = { zRound };
    Model m = MODEL_INIT;
    Plan *p = report_load(ctx, zPlan, azRound, 1, 0, &m);
    if (!p) {
        model_release(&m);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    /* The round's funding, for the comparisons by funding source. */
    FundSet fund;
    Store *s = cli_open_store(ctx);
    if (!s || app_fund_list(s, p->zCode, zRound, &fund, &err)) {
        store_close(s);
        model_release(&m);
        return s ? cli_fail(&err) : CLI_FAIL;
    }
    store_close(s);
    Buf b = BUF_INIT;
    int rc = CLI_OK;
    int rcMake =
        coordination_report(&m, p, zRound, &fund, zFmt, NULL, &b, &err);
    fund_set_release(&fund);
    /* The CLI prints once and exits: a PDF's fonts go (print.h). */
    if (report_format_find(aCoordinationFormat, zFmt)->bPrint) {
        review_print_release_fonts();
    }
    /* NOLINTNEXTLINE(bugprone-branch-clone): each step fails the same way */
    if (rcMake) {
        rc = cli_fail(&err);
    } else if (buf_failed(&b)) {
        apperr_set(&err, APPERR_INPUT,
                   _("the coordination report of round '%s' "
                     "is larger than %zu bytes"),
                   zRound, b.nMax);
        rc = cli_fail(&err);
    } else if (cli_write_output(zOut, buf_str(&b), b.n, &err)) {
        rc = cli_fail(&err);
    }
    buf_release(&b);
    model_release(&m);
    return rc;
}

/* 'report briefing': the quarterly programme briefing of zQuarter
** (core/briefing.h), for organisation zOrg or the whole programme, in
** format zFmt (report/briefing_report.h: html, md, csv, json, pdf or
** docx). */
static int
report_briefing(const CliCtx *ctx, const char *zQuarter, const char *zOrg,
                const char *zFmt, const char *zOut)
{
    AppErr err = APPERR_INIT;
    BriefQuarter q;
    if (!report_format_need(aBriefingFormat, zFmt, "briefing", &err)) {
        return cli_usage_error(ctx, "%s", err.zMsg);
    }
    if (!zQuarter) {
        return cli_usage_error(ctx, "which quarter? (--quarter 2019Q3)");
    }
    if (briefing_quarter_parse(zQuarter, &q, &err)) {
        return cli_usage_error(ctx, "%s", err.zMsg);
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    BriefingData d;
    Buf b = BUF_INIT;
    int rc = CLI_OK;
    int rcRender = app_briefing_read(s, &q, zOrg, 1, &d, &err) ||
                   briefing_render(&d.b, zFmt, &b, &err);
    /* The CLI prints once and exits: a PDF's fonts go (print.h). */
    if (report_format_find(aBriefingFormat, zFmt)->bPrint) {
        review_print_release_fonts();
    }
    /* NOLINTNEXTLINE(bugprone-branch-clone): each step fails the same way */
    if (rcRender) {
        rc = cli_fail(&err);
    } else if (buf_failed(&b)) {
        apperr_set(&err, APPERR_INPUT,
                   "the briefing of %s is larger than %zu bytes", q.zCode,
                   b.nMax);
        rc = cli_fail(&err);
    } else if (cli_write_output(zOut, buf_str(&b), b.n, &err)) {
        rc = cli_fail(&err);
    }
    buf_release(&b);
    app_briefing_release(&d);
    store_close(s);
    return rc;
}

/* ** COMMAND: report */
int
cmd_report(CliCtx *ctx)
{
    const char *zRound = NULL, *zCompare = NULL, *zLevel = NULL;
    const char *zFormat = NULL, *zOut = NULL, *zPlan = NULL, *zYear = NULL;
    const char *zQuarter = NULL, *zOrg = NULL;
    int bSuppress = 0;
    CliOpt aOpt[] = { { "round", 1, &zRound, NULL },
                      { "year", 1, &zYear, NULL },
                      { "suppress", 0, NULL, &bSuppress },
                      { "compare", 1, &zCompare, NULL },
                      { "level", 1, &zLevel, NULL },
                      { "format", 1, &zFormat, NULL },
                      { "out", 1, &zOut, NULL },
                      { "plan", 1, &zPlan, NULL },
                      { "quarter", 1, &zQuarter, NULL },
                      { "org", 1, &zOrg, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    int bReview = nPos == 1 && strcmp(azPos[0], "review") == 0;
    int bComplaints = nPos == 1 && strcmp(azPos[0], "complaints") == 0;
    int bCoordination = nPos == 1 && strcmp(azPos[0], "coordination") == 0;
    int bActionPlan = nPos == 1 && strcmp(azPos[0], "action-plan") == 0;
    int bIndicators = nPos == 1 && strcmp(azPos[0], "indicators") == 0;
    int bBriefing = nPos == 1 && strcmp(azPos[0], "briefing") == 0;
    free(azPos);
    if (bIndicators) {
        return cmd_report_indicators(ctx, zYear, zPlan, zFormat, zOut);
    }
    if (bBriefing) {
        if (zRound || zCompare || zLevel || zYear || bSuppress || zPlan) {
            return cli_usage_error(ctx, "report briefing takes --quarter "
                                        "(required), --org, --format and "
                                        "--out only");
        }
        return report_briefing(ctx, zQuarter, zOrg,
                               report_format(zFormat, zOut, "html"), zOut);
    }
    if (zQuarter || zOrg) {
        return cli_usage_error(ctx, "--quarter and --org are for 'report "
                                    "briefing'");
    }
    if (bActionPlan) {
        if (zCompare || zLevel || zYear || bSuppress || !zRound) {
            return cli_usage_error(ctx, "report action-plan takes --round "
                                        "(required), --plan, --format and "
                                        "--out only");
        }
        return cmd_report_action_plan(
            ctx, zRound, zPlan, report_format(zFormat, zOut, "csv"), zOut);
    }
    if (bComplaints) {
        return cmd_report_complaints(
            ctx, zYear, report_format(zFormat, zOut, "html"), zOut, bSuppress);
    }
    if (bCoordination) {
        if (zCompare || zLevel || zYear || bSuppress) {
            return cli_usage_error(ctx, _("report coordination takes --round, "
                                          "--plan, --format and --out only"));
        }
        return report_coordination(ctx, zRound, zPlan,
                                   report_format(zFormat, zOut, "html"), zOut);
    }
    if (!bReview) {
        return cli_usage_error(ctx,
                               _("report what? ('report review --round R', "
                                 "'report coordination --round R' or 'report "
                                 "complaints')"));
    }
    if (!zRound) {
        return cli_usage_error(ctx, _("which round? (--round CODE)"));
    }
    const char *zFmt = report_format(zFormat, zOut, "html");
    const ReportFormat *pFmt = report_format_find(aReviewFormat, zFmt);
    if (!pFmt) {
        Buf names = BUF_INIT;
        report_format_list(aReviewFormat, &names);
        int rc = cli_usage_error(ctx, _("unknown format '%s' (%s)"), zFmt,
                                 buf_str(&names));
        buf_release(&names);
        return rc;
    }
    /* The review reads the round and the one it is compared with only. */
    const char *azRound[] = { zRound, zCompare };
    Model m = MODEL_INIT;
    Plan *p = report_load(ctx, zPlan, azRound, zCompare ? 2 : 1, 0, &m);
    if (!p) {
        model_release(&m);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    ReviewReport r;
    if (review_report_build(p, zRound, zCompare, zLevel, &r, &err)) {
        model_release(&m);
        return cli_fail(&err);
    }
    /* The complaints indicator of the round's year, when there are cases. */
    Buf goal10 = BUF_INIT;
    Store *s = cli_open_store(ctx);
    if (s) {
        (void)casework_goal10_of_year(s, r.pRound->zAsOf, 0, &goal10, &err);
    }
    /* The recommendations the review made and the follow-ups recorded in
    ** its round (app/recommendations.h). */
    Model mRecs = MODEL_INIT;
    Plan *pRecs = NULL;
    RecSet recs;
    memset(&recs, 0, sizeof recs);
    AppErr errRecs = APPERR_INIT;
    if (s && app_recs_read(s, p->zCode, &mRecs, &pRecs, &recs, &errRecs) == 0) {
        review_report_set_recs(&r, &recs);
    }
    /* Corrections made after publication (app/workflow.h). */
    char **azAmend = NULL;
    size_t nAmend = 0;
    if (s && workflow_round_amendments(s, p->zCode, zRound, &azAmend, &nAmend,
                                       &errRecs) == 0) {
        review_report_set_amendments(&r, azAmend, nAmend);
    }
    strv_free(azAmend, nAmend);
    rec_set_release(&recs);
    model_release(&mRecs);
    store_close(s);
    if (goal10.n) {
        r.zGoal10 = buf_str(&goal10);
    }
    Buf b = BUF_INIT;
    int rc = review_render(&r, zFmt, &b, &err) ? CLI_FAIL : CLI_OK;
    if (pFmt->bPrint) {
        review_print_release_fonts();
    }
    if (rc != CLI_OK || cli_write_output(zOut, buf_str(&b), b.n, &err)) {
        rc = cli_fail(&err);
    }
    buf_release(&b);
    buf_release(&goal10);
    review_report_release(&r);
    model_release(&m);
    return rc;
}

/* Print findings as text lines or a JSON array. */
static void
check_print_findings(const Findings *f, int bJson, Buf *b)
{
    if (bJson) {
        json_t *arr = json_array();
        for (size_t i = 0; i < f->n; i++) {
            const Finding *x = &f->a[i];
            json_t *o = json_object();
            json_object_set_new(o, "rule", json_string(x->zRule));
            json_object_set_new(o, "severity",
                                json_string(check_severity_name(x->eSeverity)));
            json_object_set_new(o, "activity",
                                x->zActivity ? json_string(x->zActivity)
                                             : json_null());
            json_object_set_new(
                o, "round", x->zRound ? json_string(x->zRound) : json_null());
            json_object_set_new(o, "message", json_string(x->zMessage));
            json_array_append_new(arr, o);
        }
        char *z = json_dumps(arr, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        buf_puts(b, z ? z : "[]");
        buf_putc(b, '\n');
        free(z);
        json_decref(arr);
        return;
    }
    size_t an[3] = { 0, 0, 0 };
    for (size_t i = 0; i < f->n; i++) {
        const Finding *x = &f->a[i];
        an[x->eSeverity]++;
        buf_printf(b, "%-7s %-32s %-6s %-5s %s\n",
                   check_severity_name(x->eSeverity), x->zRule,
                   x->zActivity ? x->zActivity : "-",
                   x->zRound ? x->zRound : "-", x->zMessage);
    }
    buf_printf(b, "%zu finding%s: %zu error%s, %zu warning%s, %zu info\n", f->n,
               f->n == 1 ? "" : "s", an[0], an[0] == 1 ? "" : "s", an[1],
               an[1] == 1 ? "" : "s", an[2]);
}

static json_t *
check_json_figures(long num, long den, long pct)
{
    json_t *o = json_object();
    json_object_set_new(o, "numerator",
                        num == CLAIM_NOT_PRINTED ? json_null()
                                                 : json_integer(num));
    json_object_set_new(o, "denominator",
                        den == CLAIM_NOT_PRINTED ? json_null()
                                                 : json_integer(den));
    json_object_set_new(o, "percent",
                        pct == CLAIM_NOT_PRINTED ? json_null()
                                                 : json_integer(pct));
    return o;
}

static void
check_text_figures(Buf *b, long num, long den, long pct, int bChange)
{
    if (bChange) {
        if (pct == CLAIM_NOT_PRINTED) {
            buf_puts(b, "no change given");
        } else {
            buf_printf(b, "%+ld points", pct);
        }
        return;
    }
    if (pct != CLAIM_NOT_PRINTED) {
        buf_printf(b, "%ld%%", pct);
    }
    if (num != CLAIM_NOT_PRINTED || den != CLAIM_NOT_PRINTED) {
        buf_puts(b, pct != CLAIM_NOT_PRINTED ? " (" : "(");
        if (num != CLAIM_NOT_PRINTED) {
            buf_printf(b, "%ld", num);
        } else {
            buf_puts(b, "?");
        }
        if (den != CLAIM_NOT_PRINTED) {
            buf_printf(b, " of %ld", den);
        }
        buf_putc(b, ')');
    }
}

/* Evaluate the claims file zFile against p and print the verdicts. */
static int
check_claims(const Plan *p, const char *zFile, int bJson, Buf *b)
{
    AppErr err = APPERR_INIT;
    char *z = NULL;
    size_t n = 0;
    Claim *a = NULL;
    size_t nClaim = 0;
    if (import_read_file(zFile, &z, &n, &err) ||
        claims_csv_read(zFile, z, n, &a, &nClaim, &err)) {
        free(z);
        return cli_fail(&err);
    }
    free(z);
    ClaimResult *aRes = xcalloc(nClaim ? nClaim : 1, sizeof *aRes);
    for (size_t i = 0; i < nClaim; i++) {
        if (claim_evaluate(p, &a[i], &aRes[i], &err)) {
            apperr_prefix(&err, "cannot check claims '%s'", zFile);
            for (size_t k = 0; k < nClaim; k++) {
                claim_release(&a[k]);
            }
            free(a);
            free(aRes);
            return cli_fail(&err);
        }
    }
    json_t *arr = bJson ? json_array() : NULL;
    size_t anStatus[4] = { 0, 0, 0, 0 };
    for (size_t i = 0; i < nClaim; i++) {
        const Claim *c = &a[i];
        const ClaimResult *res = &aRes[i];
        anStatus[res->eStatus]++;
        long computedPct = c->zSince ? res->pct - res->pctSince : res->pct;
        if (bJson) {
            json_t *o = json_object();
            json_object_set_new(o, "claim", json_string(c->zId));
            json_object_set_new(o, "round", json_string(c->zRound));
            json_object_set_new(o, "group", json_string(res->zGroupName));
            json_object_set_new(o, "statuses", json_string(c->zStatuses));
            json_object_set_new(
                o, "since", c->zSince ? json_string(c->zSince) : json_null());
            json_object_set_new(o, "status",
                                json_string(claim_status_name(res->eStatus)));
            json_object_set_new(o, "printed",
                                check_json_figures(c->num, c->den, c->pct));
            json_object_set_new(
                o, "computed",
                c->zSince ? check_json_figures(CLAIM_NOT_PRINTED,
                                               CLAIM_NOT_PRINTED, computedPct)
                          : check_json_figures(res->num, res->den, res->pct));
            json_object_set_new(o, "sentence", json_string(c->zSentence));
            json_array_append_new(arr, o);
            continue;
        }
        buf_printf(b, "%-6s %-17s %s, %s", c->zId,
                   claim_status_name(res->eStatus), res->zGroupName, c->zRound);
        if (c->zSince) {
            buf_printf(b, " since %s", c->zSince);
        }
        buf_printf(b, ", %s: printed ", c->zStatuses);
        check_text_figures(b, c->num, c->den, c->pct, c->zSince != NULL);
        buf_puts(b, "; the data gives ");
        if (c->zSince) {
            buf_printf(b,
                       "%+ld points (%ld%% (%ld of %ld) -> %ld%% (%ld of %ld))",
                       computedPct, res->pctSince, res->numSince, res->denSince,
                       res->pct, res->num, res->den);
        } else {
            check_text_figures(b, res->num, res->den, res->pct, 0);
        }
        buf_putc(b, '\n');
        if (*c->zSentence) {
            buf_printf(b, "       \"%s\"\n", c->zSentence);
        }
    }
    if (bJson) {
        char *zj = json_dumps(arr, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        buf_puts(b, zj ? zj : "[]");
        buf_putc(b, '\n');
        free(zj);
        json_decref(arr);
    } else {
        buf_printf(b,
                   "%zu claims: %zu hold, %zu wrong_percent, %zu wrong_count, "
                   "%zu wrong_denominator\n",
                   nClaim, anStatus[0], anStatus[1], anStatus[2], anStatus[3]);
    }
    for (size_t k = 0; k < nClaim; k++) {
        claim_release(&a[k]);
    }
    free(a);
    free(aRes);
    return CLI_OK;
}

/* ** COMMAND: check */
int
cmd_check(CliCtx *ctx)
{
    const char *zRound = NULL, *zFormat = "text", *zPlan = NULL;
    const char *zClaims = NULL;
    CliOpt aOpt[] = { { "round", 1, &zRound, NULL },
                      { "format", 1, &zFormat, NULL },
                      { "plan", 1, &zPlan, NULL },
                      { "claims", 1, &zClaims, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("check takes no arguments"));
    }
    int bJson = strcmp(zFormat, "json") == 0;
    if (!bJson && strcmp(zFormat, "text") != 0) {
        return cli_usage_error(ctx, _("unknown format '%s' (text or json)"),
                               zFormat);
    }
    /* The rules look at one round and compare it with the round before
    ** (stale narratives); claims name their own rounds. */
    const char *azRound[] = { zRound };
    Model m = MODEL_INIT;
    Plan *p =
        report_load(ctx, zPlan, azRound, zRound && !zClaims ? 1 : 0, 1, &m);
    if (!p) {
        model_release(&m);
        return CLI_FAIL;
    }
    if (zRound && !plan_find_round(p, zRound)) {
        (void)fprintf(stderr, "lmpmon: no round '%s' in plan '%s'\n", zRound,
                      p->zCode);
        model_release(&m);
        return CLI_FAIL;
    }
    Buf b = BUF_INIT;
    int rc = CLI_OK;
    if (zClaims) {
        rc = check_claims(p, zClaims, bJson, &b);
    } else {
        Findings f = { 0 };
        checks_run(&m, p, zRound, &f);
        check_print_findings(&f, bJson, &b);
        findings_release(&f);
    }
    if (rc == CLI_OK) {
        (void)fwrite(buf_str(&b), 1, b.n, stdout);
    }
    buf_release(&b);
    model_release(&m);
    return rc;
}
