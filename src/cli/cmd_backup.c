/*
** cmd_backup.c — 'backup' and 'restore': a copy of the database taken
** while it is in use, and putting one back.
**
** The copying is the store's (store_backup(), store_restore(): SQLite's
** online backup API behind the store interface); here are the options,
** the checks a restore makes before it replaces anything, and what is
** printed.  The server's scheduled backups are web/backup_timer.c's.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* Seconds since *t0 on the monotonic clock. */
static double
backup_seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The size of file zPath for people ("424 KiB", "28.3 MiB") into z. */
static void
backup_size_text(const char *zPath, char *z, size_t n)
{
    struct stat sb;
    if (stat(zPath, &sb) != 0) {
        (void)snprintf(z, n, "?");
    } else if (sb.st_size < 1024L * 1024) {
        (void)snprintf(z, n, "%ld KiB", ((long)sb.st_size + 1023) / 1024);
    } else {
        (void)snprintf(z, n, "%.1f MiB", (double)sb.st_size / 1048576.0);
    }
}

/* ** COMMAND: backup */
int
cmd_backup(CliCtx *ctx)
{
    const char *zTo = NULL;
    int bForce = 0;
    CliOpt aOpt[] = { { "to", 1, &zTo, NULL },
                      { "force", 0, NULL, &bForce },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("backup takes no arguments (the file "
                                      "goes after --to)"));
    }
    if (!zTo || !*zTo) {
        return cli_usage_error(ctx, _("where to? (--to FILE)"));
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = CLI_OK;
    if (store_backup(s, zTo, bForce ? STORE_BACKUP_FORCE : 0, &err)) {
        rc = cli_fail(&err);
    } else {
        char zSize[32];
        backup_size_text(zTo, zSize, sizeof zSize);
        printf("backed up '%s' to '%s' (%s in %.2f s)\n", ctx->zDb, zTo, zSize,
               backup_seconds_since(&t0));
    }
    store_close(s);
    return rc;
}

/* Print err as "cannot restore ...: <what>; nothing was changed", its
** detail kept for LMPMON_DEBUG; returns the exit code. */
static int
restore_fail(const char *zContext, const AppErr *err)
{
    AppErr e = *err;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s: %s%s", zContext, err->zMsg,
               strstr(err->zMsg, "nothing was changed")
                   ? ""
                   : "; nothing was changed");
    /* Too long a message is cut: it stays one line all the same. */
    (void)snprintf(e.zMsg, sizeof e.zMsg, "%.*s", (int)sizeof e.zMsg - 1,
                   buf_str(&b));
    buf_release(&b);
    return cli_fail(&e);
}

/* ** COMMAND: restore */
int
cmd_restore(CliCtx *ctx)
{
    const char *zFrom = NULL;
    CliOpt aOpt[] = { { "from", 1, &zFrom, NULL }, { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    free(azPos);
    if (nPos) {
        return cli_usage_error(ctx, _("restore takes no arguments (the backup "
                                      "goes after --from)"));
    }
    if (!zFrom || !*zFrom) {
        return cli_usage_error(ctx, _("from which backup? (--from FILE)"));
    }
    AppErr err = APPERR_INIT;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* Read only: checking a backup must not change it (no migration). */
    Store *b = store_open(zFrom, STORE_OPEN_READ_ONLY, ctx->zActor, &err);
    if (!b && err.code != APPERR_DB) {
        return restore_fail("cannot restore", &err); /* it names the file */
    }
    if (b && store_check(b, &err) == 0) {
        err.code = APPERR_OK;
    } else {
        store_close(b);
        Buf ctxt = BUF_INIT;
        buf_printf(&ctxt, "cannot restore from '%s'", zFrom);
        if (err.code == APPERR_DB) {
            /* The store's words advise restoring "the database" from a
            ** backup, which is what failed: the specifics stay in the
            ** detail. */
            (void)snprintf(err.zMsg, sizeof err.zMsg,
                           "it is damaged (it "
                           "fails the integrity check)");
        }
        int rc = restore_fail(buf_str(&ctxt), &err);
        buf_release(&ctxt);
        return rc;
    }
    if (store_restore(b, ctx->zDb, &err)) {
        store_close(b);
        return cli_fail(&err);
    }
    store_close(b);
    /* Opening it brings a backup of an older lmpmon to our schema now,
    ** while the user is watching, rather than at the server's start. */
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    store_close(s);
    char zSize[32];
    backup_size_text(ctx->zDb, zSize, sizeof zSize);
    printf("restored '%s' from '%s' (%s in %.2f s)\n", ctx->zDb, zFrom, zSize,
           backup_seconds_since(&t0));
    return CLI_OK;
}
