/*
** cmd_cases.c — the complaints register from the command line: 'case
** import|export', 'report complaints', 'sample complaints'; and 'sample
** plan', the synthetic plan for scale tests, which shares the command.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "term.h"
#include "../core/gazetteer.h"
#include "../base/base.h"
#include "../app/casework.h"
#include "../app/complaints.h"
#include "../io/cases_csv.h"
#include "../io/cases_places.h"
#include "../io/cases_sample.h"
#include "../io/import.h"
#include "../io/plan_sample.h"
#include "../io/xlsx_read.h"
#include "../report/complaints_report.h"
#include "../report/print.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* "--year Y" as a lodging period [Y-01-01, Y-12-31]; 0 ok, -1 bad. */
static int
case_year_range(const char *zYear, char zFrom[11], char zTo[11])
{
    long y;
    if (str_to_long(zYear, 1900, 9999, &y)) {
        return -1;
    }
    case_year_bounds(y, zFrom, zTo);
    return 0;
}

/* Tell writers kept waiting that a case import holds the database. */
static void
cases_note_import(Store *s, const char *zFile)
{
    if (s) {
        Buf note = BUF_INIT;
        buf_printf(&note, "an import of cases from '%s'", zFile);
        store_set_writer_note(s, buf_str(&note));
        buf_release(&note);
    }
}

/* 'case places': each distinct destination and province of the register
** and what the gazetteer makes of it (io/cases_places.h): codes, and the
** values kept as typed from before places were codes. */
static int
case_places_print(Store *s)
{
    AppErr err = APPERR_INIT;
    CasePlace *a = NULL;
    size_t n = 0;
    if (cases_places(s, &a, &n, &err)) {
        return cli_fail(&err);
    }
    static const char *azHead[] = { "field", "as stored", "cases", "place" };
    Table t;
    table_init(&t, 4, azHead);
    long nBad = 0, nBadCases = 0;
    for (size_t i = 0; i < n; i++) {
        char zCases[24];
        (void)snprintf(zCases, sizeof zCases, "%ld", a[i].nCases);
        Buf place = BUF_INIT;
        if (a[i].zCode) {
            buf_printf(&place, "%s %s", a[i].zCode, gaz_label(a[i].zCode));
        } else {
            buf_printf(&place, "unresolved%s%s%s",
                       *a[i].zClosest ? " (closest: " : "", a[i].zClosest,
                       *a[i].zClosest ? ")" : "");
            nBad++;
            nBadCases += a[i].nCases;
        }
        const char *azRow[4] = { a[i].zField, a[i].zValue, zCases,
                                 buf_str(&place) };
        table_add(&t, azRow);
        buf_release(&place);
    }
    Buf b = BUF_INIT;
    if (n == 0) {
        buf_puts(&b, "no destination or province in the register\n");
    } else {
        table_render(&t, term_width(), &b);
        if (nBad) {
            buf_printf(&b,
                       "%ld of %zu values (in %ld cases) name no place the "
                       "gazetteer knows: they are kept as written until the "
                       "cases are imported again with a place it knows\n",
                       nBad, n, nBadCases);
        } else {
            buf_printf(&b, "all %zu values name a place the gazetteer knows\n",
                       n);
        }
    }
    (void)fwrite(buf_str(&b), 1, b.n, stdout);
    buf_release(&b);
    table_release(&t);
    cases_places_free(a, n);
    return CLI_OK;
}

/* 'case show NUMBER [--org ORG]': one case, its timeline and payments
** (personal details with bPersonal).  The number names a case of one
** organisation; where several organisations have it, --org says whose
** (casework_which(); "-" for no organisation). */
static int
case_show_print(Store *s, const Actor *who, const char *zOrg,
                const char *zCaseNo, int bPersonal)
{
    AppErr err = APPERR_INIT;
    CaseFile f;
    CasePerson p;
    char **azOrg = NULL;
    size_t nOrg = 0;
    if (store_begin_read(s, &err)) {
        return cli_fail(&err);
    }
    int rc = casework_get(s, who, zOrg, zCaseNo, &f, &p, &azOrg, &nOrg, &err);
    store_end_read(s);
    if (rc) {
        if (nOrg > 1) {
            Buf b = BUF_INIT;
            for (size_t i = 0; i < nOrg; i++) {
                buf_printf(&b, "%s--org %s", i ? ", " : "",
                           *azOrg[i] ? azOrg[i] : CASE_ORG_NONE);
                free(azOrg[i]);
            }
            free(azOrg);
            apperr_set(&err, APPERR_CONFLICT,
                       _("several organisations have a case numbered %s: "
                         "name one with %s"),
                       zCaseNo, buf_str(&b));
            buf_release(&b);
        }
        return cli_fail(&err);
    }
    const Case *c = &f.c;
    Buf b = BUF_INIT;
    buf_printf(&b, "case %s\n", c->zCaseNo);
    buf_printf(&b, "assisting_org  %s\n",
               c->zAssistingOrg ? c->zAssistingOrg : "");
    buf_printf(&b, "lodged_on      %s (%s)\n", c->zLodged,
               case_channel_name(c->eChannel));
    buf_printf(&b, "complainant    %s, %s", case_sex_name(c->eSex),
               case_legal_name(c->eLegal));
    if (*c->zAgeBand) {
        buf_printf(&b, ", %s", c->zAgeBand);
    }
    buf_printf(&b, "; %s -> %s\n", gaz_show(c->zProvince, i18n_current()),
               gaz_show(c->zDestination, i18n_current()));
    if (bPersonal) {
        buf_printf(&b, "personal       %s; %s; %s\n", p.zName ? p.zName : "",
                   p.zPhone ? p.zPhone : "",
                   p.zIdDocument ? p.zIdDocument : "");
    }
    buf_printf(&b, "stage          %s%s%s; satisfied %s\n",
               case_stage_name(c->eStage), *c->zResolved ? " on " : "",
               c->zResolved, case_satisfied_name(c->eSatisfied));
    buf_printf(&b, "outcome        %s\n", c->zOutcome);
    buf_puts(&b, "compensation   ");
    case_amount_format(&b, c->requested);
    buf_puts(&b, " requested, ");
    case_amount_format(&b, c->ordered);
    buf_puts(&b, " ordered, ");
    case_amount_format(&b, c->paid);
    buf_printf(&b, " paid (%s)\n", c->zCurrency);
    for (size_t i = 0; i < f.nEvent; i++) {
        const CaseEvent *e = &f.aEvent[i];
        buf_printf(&b, "  %s %s%s%s (%s)\n", e->zOn, case_stage_name(e->eStage),
                   *e->zNote ? ": " : "", e->zNote, e->zActor);
    }
    for (size_t i = 0; i < f.nPayment; i++) {
        buf_printf(&b, "  %s payment ", f.aPayment[i].zOn);
        case_amount_format(&b, f.aPayment[i].amount);
        buf_printf(&b, " %s (%s)\n", c->zCurrency, f.aPayment[i].zActor);
    }
    (void)fwrite(buf_str(&b), 1, b.n, stdout);
    buf_release(&b);
    case_file_release(&f);
    case_person_release(&p);
    return CLI_OK;
}

/* ** COMMAND: case */
int
cmd_case(CliCtx *ctx)
{
    const char *zFormat = NULL, *zOut = NULL, *zYear = NULL, *zOrg = NULL;
    int bCreateOrgs = 0, bPersonal = 0;
    CliOpt aOpt[] = { { "format", 1, &zFormat, NULL },
                      { "org", 1, &zOrg, NULL },
                      { "out", 1, &zOut, NULL },
                      { "year", 1, &zYear, NULL },
                      { "create-orgs", 0, NULL, &bCreateOrgs },
                      { "with-personal", 0, NULL, &bPersonal },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zSub = nPos ? azPos[0] : "";
    int rc = CLI_OK;
    AppErr err = APPERR_INIT;
    Store *s = NULL;
    char zFrom[11], zTo[11];
    if (zYear && case_year_range(zYear, zFrom, zTo)) {
        rc = cli_usage_error(ctx, _("--year wants a year such as 2018"));
        goto out;
    }
    if (!zFormat && zOut && strlen(zOut) > 5 &&
        strcmp(zOut + strlen(zOut) - 5, ".xlsx") == 0) {
        zFormat = "xlsx";
    }
    int bXlsx = zFormat && strcmp(zFormat, "xlsx") == 0;
    if (zFormat && !bXlsx && strcmp(zFormat, "csv") != 0) {
        rc = cli_usage_error(ctx, _("unknown format '%s' (csv or xlsx)"),
                             zFormat);
        goto out;
    }
    size_t nName = nPos == 2 ? strlen(azPos[1]) : 0;
    if (strcmp(zSub, "import") == 0 && nPos == 2 &&
        ((zFormat && bXlsx) || (!zFormat && nName > 5 &&
                                strcmp(azPos[1] + nName - 5, ".xlsx") == 0))) {
        /* A spreadsheet becomes CSV text, then goes through the same
        ** checks; messages then name the sheet's row as the line. */
        Buf csv = BUF_INIT;
        buf_init(&csv, (size_t)1 << 31);
        s = cli_open_store(ctx);
        cases_note_import(s, azPos[1]);
        CaseImportStats st;
        /* NOLINTNEXTLINE(bugprone-branch-clone): each step fails the same way */
        if (xlsx_to_csv(azPos[1], &csv, &err)) {
            rc = cli_fail(&err);
        } else if (!s) {
            rc = CLI_FAIL;
        } else if (cases_csv_import(s, azPos[1], buf_str(&csv), csv.n,
                                    bCreateOrgs, &st, &err)) {
            rc = cli_fail(&err);
        } else {
            printf("imported %ld cases\n", st.nCases);
        }
        buf_release(&csv);
    } else if (strcmp(zSub, "import") == 0 && nPos == 2) {
        MappedFile mf;
        if (import_map_file(azPos[1], LIMIT_CASE_FILE_BYTES, &mf, &err)) {
            rc = cli_fail(&err);
            goto out;
        }
        s = cli_open_store(ctx);
        cases_note_import(s, azPos[1]);
        CaseImportStats st;
        if (!s) {
            rc = CLI_FAIL;
        } else if (cases_csv_import(s, azPos[1], mf.z, mf.n, bCreateOrgs, &st,
                                    &err)) {
            rc = cli_fail(&err);
        } else {
            printf("imported %ld cases", st.nCases);
            if (st.nCreatedOrgs) {
                printf(" (%ld new organisations created)", st.nCreatedOrgs);
            }
            printf("\n");
        }
        import_unmap_file(&mf);
    } else if (strcmp(zSub, "export") == 0 && nPos == 1 && bXlsx) {
        s = cli_open_store(ctx);
        if (!zOut) {
            rc =
                cli_usage_error(ctx, _("an xlsx export needs --out FILE.xlsx"));
        } else if (!s) {
            rc = CLI_FAIL;
        } else if (cases_xlsx_export(s, zYear ? zFrom : NULL,
                                     zYear ? zTo : NULL, bPersonal, zOut,
                                     &err)) {
            rc = cli_fail(&err);
        }
    } else if (strcmp(zSub, "export") == 0 && nPos == 1) {
        s = cli_open_store(ctx);
        Buf b = BUF_INIT;
        if (!s) {
            rc = CLI_FAIL;
        } else if (cases_csv_export(s, zYear ? zFrom : NULL, zYear ? zTo : NULL,
                                    bPersonal, &b, &err) ||
                   cli_write_output(zOut, buf_str(&b), b.n, &err)) {
            rc = cli_fail(&err);
        }
        buf_release(&b);
    } else if (strcmp(zSub, "places") == 0 && nPos == 1) {
        s = cli_open_store(ctx);
        rc = s ? case_places_print(s) : CLI_FAIL;
    } else if (strcmp(zSub, "show") == 0 && nPos == 2) {
        s = cli_open_store(ctx);
        Actor who = cli_actor(ctx);
        rc = s ? case_show_print(s, &who, zOrg, azPos[1], bPersonal) : CLI_FAIL;
    } else {
        rc = cli_usage_error(ctx, "case import FILE, case export [--year Y] "
                                  "[--with-personal] [--out FILE], case show "
                                  "NUMBER [--org ORG] [--with-personal], or "
                                  "case places");
    }
out:
    store_close(s);
    free(azPos);
    return rc;
}

/* 'report complaints' (called by cmd_report). */
int
cmd_report_complaints(CliCtx *ctx, const char *zYear, const char *zFormat,
                      const char *zOut, int bSuppress)
{
    char zFrom[11], zTo[11];
    if (zYear && case_year_range(zYear, zFrom, zTo)) {
        return cli_usage_error(ctx, _("--year wants a year such as 2018"));
    }
    int iFmt = -1;
    static const char *const azFmt[] = { "html", "csv", "json",
                                         "xlsx", "pdf", "docx" };
    for (int i = 0; i < 6; i++) {
        if (strcmp(zFormat, azFmt[i]) == 0) {
            iFmt = i;
        }
    }
    if (iFmt < 0) {
        return cli_usage_error(ctx,
                               _("unknown format '%s' for the complaints "
                                 "report (html, csv, json, xlsx, pdf or "
                                 "docx)"),
                               zFormat);
    }
    if (iFmt == 3 && !zOut) {
        return cli_usage_error(ctx, _("an xlsx report needs --out FILE.xlsx"));
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    /* The reports kept ready when current (app/complaints.h), else the
    ** register counted once for all years. */
    CaseReportSet set;
    case_report_set_init(&set);
    long gen = 0, year = 0;
    if (zYear && str_to_long(zYear, 1, 9999, &year)) {
        year = 0;
    }
    CaseReport empty;
    case_report_init(&empty);
    int rc = CLI_OK;
    if (complaints_set_load(s, 0, &set, &gen, &err)) {
        rc = cli_fail(&err);
    } else {
        case_report_set_finish(&set);
        const CaseReport *pr = case_report_set_get(&set, zYear ? year : 0);
        ComplaintsView v = { pr ? pr : &empty, zYear ? zYear : "all years",
                             bSuppress };
        Buf b = BUF_INIT;
        if (iFmt == 3) {
            if (complaints_render_xlsx(&v, zOut, &err)) {
                rc = cli_fail(&err);
            }
        } else if (iFmt >= 4) {
            if (complaints_render_print(&v, iFmt == 5, &b, &err)) {
                rc = cli_fail(&err);
            }
            /* The CLI prints once and exits: the fonts go (print.h). */
            review_print_release_fonts();
        } else if (iFmt == 0) {
            complaints_render_html_page(&v, &b);
        } else if (iFmt == 1) {
            complaints_render_csv(&v, &b);
        } else {
            complaints_render_json(&v, &b);
        }
        if (iFmt != 3 && rc == CLI_OK &&
            cli_write_output(zOut, buf_str(&b), b.n, &err)) {
            rc = cli_fail(&err);
        }
        buf_release(&b);
    }
    case_report_set_release(&set);
    store_close(s);
    return rc;
}

/* 'sample plan': plan.json and annex.csv into zDir (created if missing). */
static int
sample_plan(CliCtx *ctx, const char *zAct, const char *zOrgs,
            const char *zRounds, const char *zSeed, const char *zDir)
{
    PlanSampleSize z;
    long seed;
    if (str_to_long(zAct, 1, PLAN_SAMPLE_MAX_ACTIVITIES, &z.nActivity) ||
        str_to_long(zOrgs, 1, PLAN_SAMPLE_MAX_ORGS, &z.nOrg) ||
        str_to_long(zRounds, 1, PLAN_SAMPLE_MAX_ROUNDS, &z.nRound) ||
        str_to_long(zSeed, 0, 1L << 62, &seed)) {
        return cli_usage_error(
            ctx,
            _("--activities wants 1 to %ld, --orgs 1 to "
              "%ld, --rounds 1 to %ld, --seed a non-negative "
              "whole number"),
            PLAN_SAMPLE_MAX_ACTIVITIES, PLAN_SAMPLE_MAX_ORGS,
            PLAN_SAMPLE_MAX_ROUNDS);
    }
    if (z.nActivity * z.nRound > PLAN_SAMPLE_MAX_ASSESSMENTS) {
        return cli_usage_error(ctx,
                               _("%ld activities in %ld rounds are more "
                                 "than the %ld assessments one annex file can "
                                 "hold (LIMIT_IMPORT_FILE_BYTES)"),
                               z.nActivity, z.nRound,
                               PLAN_SAMPLE_MAX_ASSESSMENTS);
    }
    if (!zDir) {
        return cli_usage_error(ctx, _("sample plan needs --out DIR"));
    }
    z.seed = (uint64_t)seed;
    AppErr err = APPERR_INIT;
    if (mkdir(zDir, 0777) != 0 && errno != EEXIST) {
        apperr_set(&err, APPERR_IO,
                   _("cannot create the directory '%s': "
                     "check that its parent exists and is writable"),
                   zDir);
        apperr_detail(&err, "mkdir: %s", strerror(errno));
        return cli_fail(&err);
    }
    /* Capped at what one import takes: a plan that could not be imported
    ** is no use as a sample. */
    Buf json = BUF_INIT, csv = BUF_INIT, path = BUF_INIT;
    buf_init(&json, LIMIT_IMPORT_FILE_BYTES);
    buf_init(&csv, LIMIT_IMPORT_FILE_BYTES);
    plan_sample_write(&z, &json, &csv);
    int rc = CLI_OK;
    if (buf_failed(&json) || buf_failed(&csv)) {
        apperr_set(&err, APPERR_INPUT,
                   _("cannot write the sample: a file would "
                     "be larger than %u bytes (LIMIT_IMPORT_FILE_BYTES); ask "
                     "for fewer activities or rounds"),
                   LIMIT_IMPORT_FILE_BYTES);
        rc = cli_fail(&err);
        goto out;
    }
    buf_printf(&path, "%s/plan.json", zDir);
    if (cli_write_output(buf_str(&path), buf_str(&json), json.n, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    buf_reset(&path);
    buf_printf(&path, "%s/annex.csv", zDir);
    if (cli_write_output(buf_str(&path), buf_str(&csv), csv.n, &err)) {
        rc = cli_fail(&err);
    }
out:
    buf_release(&json);
    buf_release(&csv);
    buf_release(&path);
    return rc;
}

/* ** COMMAND: sample */
int
cmd_sample(CliCtx *ctx)
{
    const char *zCases = NULL, *zSeed = "1", *zOut = NULL;
    const char *zAct = NULL, *zOrgs = NULL, *zRounds = NULL;
    CliOpt aOpt[] = {
        { "cases", 1, &zCases, NULL }, { "activities", 1, &zAct, NULL },
        { "orgs", 1, &zOrgs, NULL },   { "rounds", 1, &zRounds, NULL },
        { "seed", 1, &zSeed, NULL },   { "out", 1, &zOut, NULL },
        { NULL, 0, NULL, NULL }
    };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zWhat = nPos == 1 ? azPos[0] : "";
    int bComplaints = strcmp(zWhat, "complaints") == 0;
    int bPlan = strcmp(zWhat, "plan") == 0;
    free(azPos);
    /* An option of the other kind of sample is a mistake worth saying:
    ** "--activities" would otherwise be ignored silently. */
    if ((bComplaints && (zAct || zOrgs || zRounds)) || (bPlan && zCases)) {
        bComplaints = bPlan = 0;
    }
    if (bPlan) {
        return sample_plan(ctx, zAct ? zAct : "5000", zOrgs ? zOrgs : "500",
                           zRounds ? zRounds : "10", zSeed, zOut);
    }
    if (!bComplaints) {
        return cli_usage_error(
            ctx, _("sample complaints [--cases N] [--seed S] "
                   "[--out FILE], or sample plan [--activities N] "
                   "[--orgs N] [--rounds N] [--seed S] --out DIR"));
    }
    long nCases, seed;
    if (str_to_long(zCases ? zCases : "300", 0, LIMIT_IMPORT_CASES, &nCases) ||
        str_to_long(zSeed, 0, 1L << 62, &seed)) {
        return cli_usage_error(ctx,
                               _("--cases wants 0 to %ld, --seed a "
                                 "non-negative whole number"),
                               LIMIT_IMPORT_CASES);
    }
    Buf b = BUF_INIT;
    buf_init(&b, (size_t)1 << 31);
    cases_sample_write(nCases, (uint64_t)seed, &b);
    AppErr err = APPERR_INIT;
    int rc = CLI_OK;
    if (buf_failed(&b)) {
        apperr_set(&err, APPERR_INPUT, _("too many cases for one file"));
        rc = cli_fail(&err);
    } else if (cli_write_output(zOut, buf_str(&b), b.n, &err)) {
        rc = cli_fail(&err);
    }
    buf_release(&b);
    return rc;
}
