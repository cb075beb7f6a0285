/*
** backup_timer.c — the server's scheduled backups (see backup_timer.h).
**
** One thread (ticker.h) makes a backup when one is due.  The backup opens its own
** connection for the copy and closes it afterwards: between backups the
** thread holds nothing.
*/
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "backup_timer.h"
#include "ticker.h"
#include "http.h"
#include "web.h"
#include "../base/base.h"
#include "../store/store.h"
#include "../base/banned.h"

static struct {
    Ticker ticker;
    char *zDb;   /* the database */
    char *zDir;  /* where backups go */
    long nEvery; /* seconds between backups */
    int nKeep;   /* how many backups to keep */
} timer;

/* Whether z is the name of a scheduled backup:
** "lmpmon-YYYY-MM-DDTHHMM.db" or "lmpmon-YYYY-MM-DDTHHMMSS.db", followed
** by zTail (a store_backup() temporary: ".tmp", ".tmp-journal"). */
static int
timer_is_backup_name(const char *z, const char *zTail)
{
    static const char zPattern[] = "lmpmon-dddd-dd-ddTdddd";
    for (size_t i = 0; i < sizeof zPattern - 1; i++) {
        int bOk = zPattern[i] == 'd' ? (z[i] >= '0' && z[i] <= '9')
                                     : z[i] == zPattern[i];
        if (!bOk) {
            return 0;
        }
    }
    const char *p = z + sizeof zPattern - 1;
    if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') {
        p += 2;
    }
    return strncmp(p, ".db", 3) == 0 && strcmp(p + 3, zTail) == 0;
}

static int
timer_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the backups in the directory, sorted oldest first (their
** names sort so: '.' sorts before the digits of the seconds).  *pazName
** allocated: free each and the array. */
static void
timer_list(char ***pazName, size_t *pnName)
{
    *pazName = NULL;
    *pnName = 0;
    DIR *d = opendir(timer.zDir);
    if (!d) {
        return;
    }
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (timer_is_backup_name(e->d_name, "")) {
            strv_push(pazName, pnName, e->d_name);
        }
    }
    (void)closedir(d);
    if (*pnName > 1) {
        qsort(*pazName, *pnName, sizeof **pazName, timer_name_cmp);
    }
}

static void
timer_names_free(char **azName, size_t nName)
{
    for (size_t i = 0; i < nName; i++) {
        free(azName[i]);
    }
    free(azName);
}

/* Remove all but the newest timer.nKeep backups, and what interrupted ones
** left (this thread writes the only backups here, and is not writing
** one now).  Returns how many backups were removed. */
static int
timer_prune(void)
{
    char **azName;
    size_t nName;
    timer_list(&azName, &nName);
    int nRemoved = 0;
    for (size_t i = 0; i + (size_t)timer.nKeep < nName; i++) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s/%s", timer.zDir, azName[i]);
        if (unlink(buf_str(&b)) == 0) {
            nRemoved++;
        } else {
            web_log("backup: cannot remove the old backup '%s' [%s]",
                    buf_str(&b), strerror(errno));
        }
        buf_release(&b);
    }
    timer_names_free(azName, nName);
    DIR *d = opendir(timer.zDir);
    const struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (timer_is_backup_name(e->d_name, ".tmp") ||
            timer_is_backup_name(e->d_name, ".tmp-journal")) {
            Buf b = BUF_INIT;
            buf_printf(&b, "%s/%s", timer.zDir, e->d_name);
            (void)unlink(buf_str(&b));
            buf_release(&b);
        }
    }
    if (d) {
        (void)closedir(d);
    }
    return nRemoved;
}

/* The path of a backup made at t into b: with seconds when asked, or
** when the minute's name is taken (a restart within the minute). */
static void
timer_path(time_t t, int bSeconds, Buf *b)
{
    struct tm tm;
    char zWhen[32];
    (void)localtime_r(&t, &tm);
    for (int k = bSeconds; k < 2; k++) {
        (void)strftime(zWhen, sizeof zWhen,
                       k ? "%Y-%m-%dT%H%M%S" : "%Y-%m-%dT%H%M", &tm);
        buf_reset(b);
        buf_printf(b, "%s/lmpmon-%s.db", timer.zDir, zWhen);
        if (access(buf_str(b), F_OK) != 0) {
            break;
        }
    }
}

/* Make one backup and prune; log what happened.  The next one is due an
** interval after this one was (at once if this one took longer). */
static long
timer_backup_once(void *arg)
{
    (void)arg;
    if (mkdir(timer.zDir, 0750) != 0 && errno != EEXIST) {
        web_log("backup failed: cannot create the directory '%s'; the next "
                "attempt is in %ld s [%s]",
                timer.zDir, timer.nEvery, strerror(errno));
        return timer.nEvery;
    }
    Buf path = BUF_INIT;
    timer_path(time(NULL), timer.nEvery < 60, &path);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    AppErr err = APPERR_INIT;
    Store *s = store_open(timer.zDb, STORE_OPEN_EXISTING, "backup", &err);
    int rc = s ? store_backup(s, buf_str(&path), 0, &err) : -1;
    store_close(s);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc) {
        web_log("backup failed: %s; the next attempt is in %ld s%s%s%s",
                err.zMsg, timer.nEvery, err.zDetail[0] ? " [" : "", err.zDetail,
                err.zDetail[0] ? "]" : "");
    } else {
        struct stat sb;
        long nBytes = stat(buf_str(&path), &sb) == 0 ? (long)sb.st_size : -1;
        int nRemoved = timer_prune();
        web_log("backup written: '%s' (%ld bytes in %.2f s); %d older "
                "removed, the newest %d kept",
                buf_str(&path), nBytes,
                (double)(t1.tv_sec - t0.tv_sec) +
                    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
                nRemoved, timer.nKeep);
    }
    buf_release(&path);
    return timer.nEvery - (long)(t1.tv_sec - t0.tv_sec);
}

/* Seconds until the next backup is due: an interval after the newest one
** in the directory (by its file's time), at once when there is none or
** that is past. */
static long
timer_first_delay(void)
{
    char **azName;
    size_t nName;
    timer_list(&azName, &nName);
    long nDelay = 0;
    if (nName) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s/%s", timer.zDir, azName[nName - 1]);
        struct stat sb;
        if (stat(buf_str(&b), &sb) == 0) {
            long nAge = (long)(time(NULL) - sb.st_mtime);
            nDelay = nAge >= 0 && nAge < timer.nEvery ? timer.nEvery - nAge : 0;
        }
        buf_release(&b);
    }
    timer_names_free(azName, nName);
    return nDelay;
}

int
backup_timer_start(const WebConfig *cfg, AppErr *err)
{
    if (cfg->nBackupSeconds <= 0) {
        return 0;
    }
    if (timer.ticker.bRunning) {
        return apperr_set(err, APPERR_INTERNAL, "backups started twice");
    }
    timer.zDb = xstrdup(cfg->zDb);
    if (cfg->zBackupDir) {
        timer.zDir = xstrdup(cfg->zBackupDir);
    } else {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s-backups", cfg->zDb);
        timer.zDir = xstrdup(buf_str(&b));
        buf_release(&b);
    }
    timer.nEvery = cfg->nBackupSeconds;
    timer.nKeep = cfg->nBackupKeep > 0 ? cfg->nBackupKeep : 1;
    long nFirst = timer_first_delay();
    if (ticker_start(&timer.ticker, nFirst, timer_backup_once, NULL)) {
        return apperr_set(err, APPERR_INTERNAL, "cannot start a thread");
    }
    web_log("backups every %ld s into '%s', the newest %d kept; the next "
            "in %ld s",
            timer.nEvery, timer.zDir, timer.nKeep, nFirst);
    return 0;
}

void
backup_timer_stop(void)
{
    ticker_stop(&timer.ticker);
    free(timer.zDb);
    free(timer.zDir);
    timer.zDb = NULL;
    timer.zDir = NULL;
}
