/*
** cli.h — the command line: a table of commands, options, exit codes.
**
** Every command is one entry of the table in cli.c: its name, a one-line
** summary, its usage text and its handler.  Handlers get a CliCtx with the
** global options already taken out of argv.  Only this layer prints
** errors and chooses exit codes (0 ok, 1 failure, 2 usage).
*/
#ifndef LMPMON_CLI_H
#define LMPMON_CLI_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../store/store.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef struct CliCtx {
    const char *zDb;    /* --db, $LMPMON_DB, or "./lmpmon.db" */
    const char *zActor; /* --as, or the login name */
    int argc;           /* the command's own arguments (argv[0] = name) */
    char **argv;
} CliCtx;

/* One option a command accepts.  An option that takes a value and also
** has pbSet may be given more than once (e.g. 'serve --trusted-proxy A
** --trusted-proxy B'): pzVal is then an array of LIMIT_OPTION_REPEATS
** entries that receives the values in order, and *pbSet counts them. */
typedef struct CliOpt {
    const char *zName;  /* without "--" */
    int bArg;           /* takes a value */
    const char **pzVal; /* where the value goes (bArg) */
    int *pbSet;         /* set to 1 when given (!bArg); value count (bArg) */
} CliOpt;

/* Parse ctx's argv against aOpt (terminated by a NULL name); positional
** arguments go to *pazPos / *pnPos (pointers into argv).  Returns 0, or
** prints a usage error and returns -1 (unknown option, missing value, a
** repeatable option given more than LIMIT_OPTION_REPEATS times). */
int cli_parse(const CliCtx *ctx, const CliOpt *aOpt, char ***pazPos,
              size_t *pnPos);

/* Print "lmpmon: " + err's message to stderr; returns the exit code for
** it (CLI_USAGE for APPERR_USAGE, else CLI_FAIL). */
/* The actor of a use case run from the command line: the --as or login
** name, with the administrator's rights (whoever can run the binary on
** the database file can change it anyway). */
Actor cli_actor(const CliCtx *ctx);

int cli_fail(const AppErr *err);

/* Print a usage error for the current command; returns CLI_USAGE. */
int cli_usage_error(const CliCtx *ctx, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Open the database named by ctx (which must exist); NULL after printing
** the error. */
Store *cli_open_store(const CliCtx *ctx);

/* Write z[0..n) to the file zOut atomically (temporary file + rename), or
** to stdout when zOut is NULL or "-".  Returns 0 or -1 with err. */
int cli_write_output(const char *zOut, const char *z, size_t n, AppErr *err);

/* Entry point from main(). */
int cli_main(int argc, char **argv);

/* Command handlers (cmd_data.c, cmd_show.c, cmd_report.c, cmd_web.c,
** cmd_backup.c, cmd_copy.c). */
int cmd_init(CliCtx *ctx);
int cmd_import(CliCtx *ctx);
int cmd_export(CliCtx *ctx);
int cmd_show(CliCtx *ctx);
int cmd_plan(CliCtx *ctx);
int cmd_org(CliCtx *ctx);
int cmd_round(CliCtx *ctx);
int cmd_report(CliCtx *ctx);
int cmd_check(CliCtx *ctx);
int cmd_serve(CliCtx *ctx);
int cmd_routes(CliCtx *ctx);
int cmd_case(CliCtx *ctx);
int cmd_indicator(CliCtx *ctx);
int cmd_value(CliCtx *ctx);
/* 'report indicators --year Y' (cmd_indicator.c). */
int cmd_report_indicators(CliCtx *ctx, const char *zYear, const char *zPlan,
                          const char *zFormat, const char *zOut);
int cmd_outreach(CliCtx *ctx); /* cmd_outreach.c */
int cmd_media(CliCtx *ctx);
int cmd_stats(CliCtx *ctx);
int cmd_sample(CliCtx *ctx);
int cmd_report_complaints(CliCtx *ctx, const char *zYear, const char *zFormat,
                          const char *zOut, int bSuppress);
int cmd_user(CliCtx *ctx);
int cmd_backup(CliCtx *ctx);
int cmd_restore(CliCtx *ctx);
int cmd_copy(CliCtx *ctx);
int cmd_recommendation(CliCtx *ctx);
int cmd_funding(CliCtx *ctx);
/* 'report action-plan' (cmd_recs.c; called by cmd_report). */
int cmd_report_action_plan(CliCtx *ctx, const char *zRound, const char *zPlan,
                           const char *zFormat, const char *zOut);
int cmd_round_state(CliCtx *ctx, const char *zVerb, const char *zRound,
                    const char *zPlan, const char *zTitle, const char *zAsOf,
                    const char *zDue, int bYes);
/* 'round due CODE DATE|none' and 'round extend CODE ORG DATE --reason T'
** (cmd_web.c; called by cmd_round). */
int cmd_round_due(CliCtx *ctx);
int cmd_round_extend(CliCtx *ctx);
int cmd_round_remind(CliCtx *ctx);
int cmd_round_correct(CliCtx *ctx);
/* 'round chapter CODE KIND --file F' and 'round chapters CODE'
** (cmd_chapter.c; called by cmd_round). */
int cmd_round_chapter(CliCtx *ctx);
int cmd_round_chapters(CliCtx *ctx);

#endif
