/*
** cmd_web.c — 'serve', the 'user' commands, and moving review rounds
** through their states from the command line.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/secret.h"
#include "../app/workflow.h"
#include "../app/admin.h"
#include "../app/inbox.h"
#include "../web/web.h"
#include "../core/checks.h"
#include "../core/review.h"
#include "../core/funding.h"
#include "../base/banned.h"

/* Parse an interval of --backup-every: a whole number and a unit, d
** (days), h, m or s (seconds: for tests), from 1 s to 366 days.  0, or -1
** when z is none of these. */
static int
serve_parse_interval(const char *z, long *pnSec)
{
    size_t n = strlen(z);
    if (n < 2 || n > 16) {
        return -1;
    }
    long nUnit;
    switch (z[n - 1]) {
    case 'd':
        nUnit = 86400;
        break;
    case 'h':
        nUnit = 3600;
        break;
    case 'm':
        nUnit = 60;
        break;
    case 's':
        nUnit = 1;
        break;
    default:
        return -1;
    }
    char zNum[16];
    (void)snprintf(zNum, sizeof zNum, "%.*s", (int)(n - 1), z);
    long v;
    if (str_to_long(zNum, 1, 366L * 86400 / nUnit, &v)) {
        return -1;
    }
    *pnSec = v * nUnit;
    return 0;
}

/* ** COMMAND: routes */
int
cmd_routes(CliCtx *ctx)
{
    char **azPos;
    size_t nPos;
    CliOpt aOpt[] = { { NULL, 0, NULL, NULL } };
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("routes takes no arguments"));
    }
    Buf b = BUF_INIT;
    web_describe_routes(&b);
    (void)fwrite(buf_str(&b), 1, b.n, stdout);
    buf_release(&b);
    return CLI_OK;
}

/* ** COMMAND: serve */
int
cmd_serve(CliCtx *ctx)
{
    const char *zListen = "127.0.0.1:8080";
    const char *azProxy[LIMIT_OPTION_REPEATS];
    const char *zEvery = NULL, *zKeep = NULL, *zBackupDir = NULL;
    const char *zLanguage = NULL;
    const char *zSmtp = NULL, *zSmtpFrom = NULL, *zBaseUrl = NULL;
    const char *zBudgetClose = NULL;
    int bPublic = 0, bSecure = 0, bQuiet = 0, nProxy = 0;
    CliOpt aOpt[] = { { "listen", 1, &zListen, NULL },
                      { "public", 0, NULL, &bPublic },
                      { "secure-cookies", 0, NULL, &bSecure },
                      { "quiet", 0, NULL, &bQuiet },
                      { "trusted-proxy", 1, azProxy, &nProxy },
                      { "backup-every", 1, &zEvery, NULL },
                      { "keep", 1, &zKeep, NULL },
                      { "backup-dir", 1, &zBackupDir, NULL },
                      { "language", 1, &zLanguage, NULL },
                      { "smtp", 1, &zSmtp, NULL },
                      { "smtp-from", 1, &zSmtpFrom, NULL },
                      { "base-url", 1, &zBaseUrl, NULL },
                      { "budget-close", 1, &zBudgetClose, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("serve takes no arguments"));
    }
    if (zBudgetClose && !fund_budget_close_ok(zBudgetClose)) {
        return cli_usage_error(ctx,
                               _("--budget-close takes a day of the year, "
                                 "MM-DD (07-01), not '%s'"),
                               zBudgetClose);
    }
    const char *zSmtpEnv = getenv("LMPMON_SMTP");
    if (!zSmtp && zSmtpEnv && *zSmtpEnv) {
        zSmtp = zSmtpEnv;
    }
    AppErr errSmtp = APPERR_INIT;
    if (zSmtp && mailer_check_url(zSmtp, &errSmtp)) {
        return cli_usage_error(ctx, "%s", errSmtp.zMsg);
    }
    if (zSmtpFrom && !notify_email_ok(zSmtpFrom)) {
        return cli_usage_error(ctx,
                               _("--smtp-from takes an e-mail address "
                                 "(name@domain), not '%s'"),
                               zSmtpFrom);
    }
    if ((zSmtpFrom && !zSmtp)) {
        return cli_usage_error(ctx, _("--smtp-from goes with --smtp"));
    }
    if (zBaseUrl && strncmp(zBaseUrl, "http://", 7) != 0 &&
        strncmp(zBaseUrl, "https://", 8) != 0) {
        return cli_usage_error(ctx,
                               _("--base-url takes the address people reach "
                                 "the server at, http:// or https://, not "
                                 "'%s'"),
                               zBaseUrl);
    }
    /* The language of a visitor who chose none and whose browser asks for
    ** none of ours: --language, else LMPMON_LANG, else English. */
    if (!zLanguage) {
        zLanguage = getenv("LMPMON_LANG");
    }
    int eLang = zLanguage && *zLanguage ? i18n_lang_parse(zLanguage) : 0;
    if (eLang < 0) {
        return cli_usage_error(ctx,
                               _("--language (or LMPMON_LANG) takes en or km, "
                                 "not '%s'"),
                               zLanguage);
    }
    WebConfig cfg = { .zDb = ctx->zDb,
                      .zListen = zListen,
                      .bPublic = bPublic,
                      .bSecureCookie = bSecure,
                      .bQuiet = bQuiet,
                      .nBackupKeep = 14,
                      .zBackupDir = zBackupDir,
                      .eLang = eLang,
                      .zSmtp = zSmtp,
                      .zSmtpFrom = zSmtpFrom,
                      .zBaseUrl = zBaseUrl,
                      .zBudgetClose = zBudgetClose };
    if (!zEvery && (zKeep || zBackupDir)) {
        return cli_usage_error(ctx, _("--keep and --backup-dir go with "
                                      "--backup-every"));
    }
    if (zEvery && store_is_url(ctx->zDb)) {
        /* The schedule copies an SQLite file; PostgreSQL has its own tools,
        ** and a server that started would only log a failure a day. */
        return cli_usage_error(ctx,
                               _("--backup-every backs up SQLite "
                                 "databases: back up a PostgreSQL database "
                                 "with pg_dump instead (for example "
                                 "'pg_dump -Fc -f lmpmon.dump DBNAME' from a "
                                 "systemd timer or cron; docs/deploy.md)"));
    }
    if (zEvery && serve_parse_interval(zEvery, &cfg.nBackupSeconds)) {
        return cli_usage_error(ctx,
                               _("--backup-every takes a number and a unit "
                                 "(d, h or m), e.g. 24h, not '%s'"),
                               zEvery);
    }
    long nKeep = cfg.nBackupKeep;
    if (zKeep && str_to_long(zKeep, 1, LIMIT_BACKUPS_KEPT, &nKeep)) {
        return cli_usage_error(ctx,
                               _("--keep takes a number of backups from 1 "
                                 "to %d, not '%s'"),
                               LIMIT_BACKUPS_KEPT, zKeep);
    }
    cfg.nBackupKeep = (int)nKeep;
    /* Tests shorten the request deadline; nothing lengthens it. */
    long nDeadline = 0;
    if (str_to_long(getenv("LMPMON_REQUEST_SECONDS"), 1,
                    LIMIT_REQUEST_TOTAL_SECONDS, &nDeadline) == 0) {
        cfg.nRequestSeconds = (unsigned)nDeadline;
    }
    AppErr err = APPERR_INIT;
    for (int i = 0; i < nProxy; i++) {
        if (proxy_list_add(&cfg.proxies, azProxy[i], &err)) {
            return cli_usage_error(ctx, "%s", err.zMsg);
        }
    }
    /* Check the database now, not at the first request. */
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    store_close(s);
    if (web_serve(&cfg, &err)) {
        return cli_fail(&err);
    }
    return CLI_OK;
}

/* Read a password: from standard input when it is not a terminal (one
** line), else prompted twice without echo.  Heap string or NULL. */
static char *
user_read_password(void)
{
    char zLine[1100];
    if (!isatty(STDIN_FILENO)) {
        if (!fgets(zLine, sizeof zLine, stdin)) {
            return NULL;
        }
        zLine[strcspn(zLine, "\r\n")] = 0;
        return xstrdup(zLine);
    }
    struct termios old, quiet;
    (void)tcgetattr(STDIN_FILENO, &old);
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    char *zFirst = NULL;
    for (int k = 0; k < 2; k++) {
        (void)fputs(k ? "Again: " : "Password: ", stderr);
        (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        char *z = fgets(zLine, sizeof zLine, stdin);
        (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        (void)fputc('\n', stderr);
        if (!z) {
            free(zFirst);
            return NULL;
        }
        zLine[strcspn(zLine, "\r\n")] = 0;
        if (k == 0) {
            zFirst = xstrdup(zLine);
        } else if (strcmp(zFirst, zLine) != 0) {
            (void)fputs("lmpmon: the two passwords differ\n", stderr);
            free(zFirst);
            return NULL;
        }
    }
    return zFirst;
}

/* ** COMMAND: user */
int
cmd_user(CliCtx *ctx)
{
    const char *zRole = NULL, *zOrg = NULL, *zLang = NULL, *zBase = NULL;
    int bNoMail = 0;
    CliOpt aOpt[] = {
        { "role", 1, &zRole, NULL },      { "org", 1, &zOrg, NULL },
        { "no-mail", 0, NULL, &bNoMail }, { "language", 1, &zLang, NULL },
        { "base-url", 1, &zBase, NULL },  { NULL, 0, NULL, NULL }
    };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    const char *zSub = nPos ? azPos[0] : "";
    const char *zName = nPos > 1 ? azPos[1] : NULL;
    int bList = strcmp(zSub, "list") == 0 && nPos == 1;
    int bNamed = nPos == 2 &&
                 (strcmp(zSub, "add") == 0 || strcmp(zSub, "passwd") == 0 ||
                  strcmp(zSub, "disable") == 0 || strcmp(zSub, "enable") == 0 ||
                  strcmp(zSub, "reset") == 0);
    int bEmail = strcmp(zSub, "email") == 0 && (nPos == 2 || nPos == 3);
    if (!bList && !bNamed && !bEmail) {
        free(azPos);
        return cli_usage_error(
            ctx, _("user add NAME --role ROLE [--org ORG], "
                   "user passwd NAME, user reset NAME [--base-url URL], "
                   "user disable NAME, user list, "
                   "user email NAME [ADDRESS] [--no-mail] [--language "
                   "en|km]"));
    }
    Role eRole = ROLE_VIEWER;
    if (strcmp(zSub, "add") == 0) {
        if (!zRole) {
            free(azPos);
            return cli_usage_error(ctx, _("which role? (--role: %s)"),
                                   ROLE_ACCEPTED);
        }
        if (role_parse(zRole, &eRole)) {
            free(azPos);
            return cli_usage_error(ctx, _("unknown role '%s' (accepted: %s)"),
                                   zRole, ROLE_ACCEPTED);
        }
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(azPos);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    int rc = CLI_OK;
    if (bList) {
        User *a = NULL;
        size_t n = 0;
        if (store_user_list(s, &a, &n, &err)) {
            rc = cli_fail(&err);
        } else {
            for (size_t i = 0; i < n; i++) {
                printf("%-20s %-13s %-12s %s\n", a[i].zName,
                       role_name(a[i].eRole), a[i].zOrg ? a[i].zOrg : "-",
                       a[i].bDisabled ? "disabled" : "active");
                user_release(&a[i]);
            }
            free(a);
        }
        goto out;
    }
    Actor who = cli_actor(ctx);
    int r;
    if (bEmail) {
        r = inbox_set_email(s, &who, zName, nPos == 3 ? azPos[2] : "", !bNoMail,
                            zLang ? zLang : "", &err);
    } else if (strcmp(zSub, "disable") == 0 || strcmp(zSub, "enable") == 0) {
        r = admin_user_set_disabled(s, &who, zName, zSub[0] == 'd', &err);
    } else if (strcmp(zSub, "reset") == 0) {
        char *zToken = NULL;
        long tUntil = 0;
        r = admin_user_reset_token(s, &who, zName, &zToken, &tUntil, &err);
        if (r == 0) {
            /* The link alone on standard output (for a script to send);
            ** what it is, on standard error. */
            size_t n = zBase ? strlen(zBase) : 0;
            while (n && zBase[n - 1] == '/') {
                n--;
            }
            printf("%.*s/reset/%s\n", (int)n, zBase ? zBase : "", zToken);
            char zWhen[STR_TIME_LOCAL_BYTES];
            str_time_local_at((time_t)tUntil, zWhen, sizeof zWhen);
            (void)fprintf(stderr,
                          _("lmpmon: a one-time link for %s to choose a new "
                            "password, until %s: give it to them yourself\n"),
                          zName, zWhen);
            free(zToken);
            goto out;
        }
    } else {
        char *zPw = user_read_password();
        char *zHash = NULL;
        if (!zPw) {
            apperr_set(&err, APPERR_INPUT, _("no password given"));
            r = -1;
        } else if (secret_hash_password(zPw, &zHash, &err)) {
            r = -1;
        } else if (strcmp(zSub, "add") == 0) {
            r = admin_user_add(s, &who, zName, eRole, zOrg, zHash, &err);
        } else {
            r = admin_user_set_password(s, &who, zName, zHash, &err);
        }
        free(zPw);
        free(zHash);
    }
    if (r) {
        rc = cli_fail(&err);
    } else {
        printf("%s %s\n", strcmp(zSub, "add") == 0 ? "added" : "updated",
               zName);
    }
out:
    store_close(s);
    free(azPos);
    return rc;
}

/* 'round open|close|publish CODE'; called by cmd_round for those words. */
/* Before closing or publishing round zRound: core's checklist on stderr;
** 0 when nothing is open or bYes, else -1 (nothing done). */
static int
round_checklist_passes(Store *s, const char *zPlan, const char *zRound,
                       const char *zVerb, int bYes)
{
    const char *azRound[] = { zRound };
    Model m = MODEL_INIT;
    AppErr err = APPERR_INIT;
    if (store_load_rounds(s, zPlan, azRound, 1, 1, &m, &err) || m.nPlan == 0) {
        model_release(&m);
        return 0; /* the use case says what is wrong */
    }
    const Plan *p = &m.aPlan[0];
    const Round *rd = plan_find_round(p, zRound);
    int rc = 0;
    if (rd) {
        Findings f = { 0 };
        checks_run(&m, p, zRound, &f);
        size_t nErr = 0;
        for (size_t i = 0; i < f.n; i++) {
            nErr += f.a[i].eSeverity == CHECK_ERROR;
        }
        findings_release(&f);
        ReviewCheckItem a[REVIEW_CHECKLIST_ITEMS];
        char zToday[11];
        str_today_local(zToday);
        int nOpen = review_round_checklist(p, rd, nErr, zToday, a);
        if (nOpen && !bYes) {
            (void)fprintf(stderr, "lmpmon: ");
            (void)fprintf(stderr,
                          zVerb[0] == 'c'
                              ? _("round %s is not closed; before you go on:")
                              : _("round %s is not published; before you go "
                                  "on:"),
                          zRound);
            (void)fprintf(stderr, "\n");
            for (int i = 0; i < REVIEW_CHECKLIST_ITEMS; i++) {
                (void)fprintf(stderr, "  %s %s\n", a[i].bOpen ? "-" : "+",
                              a[i].zText);
            }
            (void)fprintf(stderr, "lmpmon: %s\n",
                          zVerb[0] == 'c'
                              ? _("give --yes to close it all the same")
                              : _("give --yes to publish it all the same"));
            rc = -1;
        }
    }
    model_release(&m);
    return rc;
}

int
cmd_round_state(CliCtx *ctx, const char *zVerb, const char *zRound,
                const char *zPlan, const char *zTitle, const char *zAsOf,
                const char *zDue, int bYes)
{
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Model m = MODEL_INIT;
    int rc = CLI_OK;
    /* With several plans, a round is ambiguous without --plan. */
    if (!zPlan && store_load_node(s, NULL, "", &m, &err) == 0 && m.nPlan > 1) {
        apperr_set(&err, APPERR_USAGE,
                   _("the database holds %zu plans; choose "
                     "one with --plan CODE"),
                   m.nPlan);
        rc = cli_fail(&err);
        goto out;
    }
    if (zDue && strcmp(zVerb, "open") != 0) {
        rc = cli_usage_error(ctx, "--due goes with round open (or use round "
                                  "due CODE YYYY-MM-DD)");
        goto out;
    }
    if (strcmp(zVerb, "open") != 0 &&
        round_checklist_passes(s, zPlan, zRound, zVerb, bYes)) {
        rc = CLI_FAIL;
        goto out;
    }
    Actor who = cli_actor(ctx);
    int r;
    if (strcmp(zVerb, "open") == 0) {
        r = workflow_open_round(s, &who, zPlan, zRound, zTitle, zAsOf, zDue, 0,
                                &err);
    } else {
        r = workflow_set_round_state(
            s, &who, zPlan, zRound,
            strcmp(zVerb, "close") == 0 ? ROUND_CLOSED : ROUND_PUBLISHED, &err);
    }
    if (r) {
        rc = cli_fail(&err);
    } else if (zDue && *zDue) {
        printf("round %s is open, due %s\n", zRound, zDue);
    } else {
        printf("round %s is %s\n", zRound,
               strcmp(zVerb, "open") == 0    ? "open"
               : strcmp(zVerb, "close") == 0 ? "closed"
                                             : "published");
    }
out:
    model_release(&m);
    store_close(s);
    return rc;
}

/* ** COMMAND: round due */
int
cmd_round_due(CliCtx *ctx)
{
    const char *zPlan = NULL;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL }, { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    if (nPos != 3) {
        free(azPos);
        return cli_usage_error(ctx, "round due CODE YYYY-MM-DD|none");
    }
    const char *zRound = azPos[1];
    const char *zDue = str_eq(azPos[2], "none") ? NULL : azPos[2];
    int rc = CLI_OK;
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(azPos);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Actor who = cli_actor(ctx);
    if (workflow_set_round_due(s, &who, zPlan, zRound, zDue, NULL, &err)) {
        rc = cli_fail(&err);
    } else if (zDue) {
        printf("round %s is due %s\n", zRound, zDue);
    } else {
        printf("round %s has no due date\n", zRound);
    }
    store_close(s);
    free(azPos);
    return rc;
}

/* ** COMMAND: round correct */
int
cmd_round_correct(CliCtx *ctx)
{
    const char *zPlan = NULL, *zReason = NULL;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL },
                      { "reason", 1, &zReason, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    if (nPos != 2) {
        free(azPos);
        return cli_usage_error(ctx, "round correct CODE --reason TEXT");
    }
    const char *zRound = azPos[1];
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(azPos);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Actor who = cli_actor(ctx);
    int rc = CLI_OK;
    if (workflow_correct_round(s, &who, zPlan, zRound, zReason, &err)) {
        rc = cli_fail(&err);
    } else {
        printf(_("round %s is reopened for a correction (closed); publish it "
                 "again when it is corrected\n"),
               zRound);
    }
    store_close(s);
    free(azPos);
    return rc;
}

/* ** COMMAND: round remind */
int
cmd_round_remind(CliCtx *ctx)
{
    const char *zBudgetClose = FUND_BUDGET_CLOSE;
    CliOpt aOpt[] = { { "budget-close", 1, &zBudgetClose, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos != 1) {
        return cli_usage_error(ctx, "round remind [--budget-close MM-DD]");
    }
    if (!fund_budget_close_ok(zBudgetClose)) {
        return cli_usage_error(ctx,
                               _("--budget-close takes a day of the year, "
                                 "MM-DD (07-01), not '%s'"),
                               zBudgetClose);
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Actor who = cli_actor(ctx);
    char zToday[11];
    str_today_local(zToday);
    size_t nTold = 0;
    int rc = CLI_OK;
    if (inbox_remind(s, &who, zToday, zBudgetClose, &nTold, &err)) {
        rc = cli_fail(&err);
    } else if (nTold) {
        printf(ngettext("reminded %zu organisation (statements due soon or "
                        "overdue, or the budget calendar)\n",
                        "reminded %zu organisations (statements due soon or "
                        "overdue, or the budget calendar)\n",
                        nTold),
               nTold);
    } else {
        printf("%s\n", _("nobody to remind: no organisation is due soon, "
                         "overdue or missing costs before the budget closes "
                         "that was not reminded already"));
    }
    store_close(s);
    return rc;
}

/* ** COMMAND: round extend */
int
cmd_round_extend(CliCtx *ctx)
{
    const char *zPlan = NULL, *zReason = NULL;
    int bRemove = 0;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL },
                      { "reason", 1, &zReason, NULL },
                      { "remove", 0, NULL, &bRemove },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    if (nPos != (bRemove ? 3u : 4u)) {
        free(azPos);
        return cli_usage_error(ctx, "round extend CODE ORG YYYY-MM-DD "
                                    "--reason TEXT | round extend CODE ORG "
                                    "--remove");
    }
    const char *zRound = azPos[1], *zOrg = azPos[2];
    const char *zDue = bRemove ? NULL : azPos[3];
    int rc = CLI_OK;
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(azPos);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Actor who = cli_actor(ctx);
    if (workflow_extend(s, &who, zPlan, zRound, zOrg, zDue, zReason, -1,
                        &err)) {
        rc = cli_fail(&err);
    } else if (zDue) {
        printf("%s is due %s in round %s\n", zOrg, zDue, zRound);
    } else {
        printf("%s's extension in round %s is removed\n", zOrg, zRound);
    }
    store_close(s);
    free(azPos);
    return rc;
}
