/*
** cmd_copy.c — 'copy': move a whole installation between databases,
** SQLite or PostgreSQL either way (app/copy.h does the copying and the
** verification; here are the two databases' opening and what is printed).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../app/copy.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* Open zDb as given by the user: a password in a URL goes to PGPASSWORD
** for this connection only (the two databases may have different ones),
** and *pzShown is the name without it.  The destination (bCreate) may be
** missing or empty: it is created, and *pbCreated says a file was made. */
static Store *
copy_open(const CliCtx *ctx, const char *zDb, int bCreate, char **pzShown,
          int *pbCreated, AppErr *err)
{
    const char *zEnv = getenv("PGPASSWORD");
    char *zSaved = zEnv ? xstrdup(zEnv) : NULL;
    *pzShown = store_db_conceal(zDb);
    Store *s = store_open(*pzShown, STORE_OPEN_EXISTING, ctx->zActor, err);
    if (!s && bCreate && err->code == APPERR_NOTFOUND) {
        *err = (AppErr)APPERR_INIT;
        s = store_open(*pzShown, STORE_OPEN_CREATE, ctx->zActor, err);
        *pbCreated = s && !store_is_url(*pzShown);
    }
    /* Back to the caller's environment: the next connection finds its own
    ** password (or none) there, never this one's. */
    if (zSaved) {
        (void)setenv("PGPASSWORD", zSaved, 1);
        free(zSaved);
    } else {
        (void)unsetenv("PGPASSWORD");
    }
    return s;
}

/* Remove the SQLite file a failed copy created, with its WAL files. */
static void
copy_remove_created(const char *zPath)
{
    static const char *const azSuffix[] = { "", "-wal", "-shm", "-journal" };
    for (size_t i = 0; i < sizeof azSuffix / sizeof azSuffix[0]; i++) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s%s", zPath, azSuffix[i]);
        (void)unlink(buf_str(&b));
        buf_release(&b);
    }
}

/* ** COMMAND: copy */
int
cmd_copy(CliCtx *ctx)
{
    const char *zFrom = NULL, *zTo = NULL;
    CliOpt aOpt[] = { { "from", 1, &zFrom, NULL },
                      { "to", 1, &zTo, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("copy takes no arguments (--from SRC "
                                      "--to DST)"));
    }
    if (!zFrom || !*zFrom || !zTo || !*zTo) {
        return cli_usage_error(ctx,
                               _("copy needs --from SRC and --to DST (an "
                                 "SQLite file or a postgresql:// URL each)"));
    }
    AppErr err = APPERR_INIT;
    char *zFromShown = NULL, *zToShown = NULL;
    Store *from = NULL, *to = NULL;
    int bCreated = 0, rc = CLI_FAIL;
    from = copy_open(ctx, zFrom, 0, &zFromShown, &bCreated, &err);
    if (!from) {
        rc = cli_fail(&err);
        goto out;
    }
    to = copy_open(ctx, zTo, 1, &zToShown, &bCreated, &err);
    if (!to) {
        rc = cli_fail(&err);
        goto out;
    }
    if (strcmp(zFromShown, zToShown) == 0) {
        rc = cli_usage_error(ctx, _("--from and --to name the same database"));
        goto out;
    }
    CopyReport rep;
    if (copy_installation(from, to, zFromShown, &rep, &err)) {
        rc = cli_fail(&err);
        goto out;
    }
    Buf b = BUF_INIT;
    buf_printf(&b, "copied %s to %s:\n", zFromShown, zToShown);
    for (int t = 0; t < STORE_TABLE_COUNT; t++) {
        buf_printf(&b, "  %-15s %ld\n", store_table_name((StoreTable)t),
                   rep.anRow[t]);
    }
    buf_printf(&b,
               "verified: every table reads back the same, and so do "
               "the export (%.12s) and the %ld cases with personal details "
               "(%.12s); sessions were not copied\n",
               rep.zExport, rep.nCases, rep.zCases);
    rc = cli_write_output(NULL, buf_str(&b), b.n, &err) ? cli_fail(&err)
                                                        : CLI_OK;
    buf_release(&b);
out:
    store_close(from);
    store_close(to);
    if (rc != CLI_OK && bCreated) {
        copy_remove_created(zToShown);
    }
    free(zFromShown);
    free(zToShown);
    return rc;
}
