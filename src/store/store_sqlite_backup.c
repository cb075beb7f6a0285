/*
** store_sqlite_backup.c — backup, check and restore of an SQLite database
** (store_backup(), store_check(), store_restore()).
**
** A backup is SQLite's online backup of one snapshot, checked and written
** under another name, then renamed: a reader of the backup directory never
** sees half a file.  A restore checks the backup first, then replaces the
** database's content in one transaction under an exclusive lock, which it
** cannot have while anyone else has the database open.
*/
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store_sqlite_int.h"
#include "schema_sqlite.h"
#include "../base/base.h"
#include "../base/banned.h"

/* How long a restore waits for others to let go of the database it
** replaces: a command finishing is quick; a running server never lets go,
** and its user should hear so at once. */
#define SQ_RESTORE_WAIT_MS 1000

/* Remove zFile and what SQLite may have left beside it.  Only for files
** whose names are ours ("X.tmp"). */
static void
sq_unlink_with_journals(const char *zFile)
{
    static const char *const azSuffix[] = { "", "-journal", "-wal", "-shm" };
    for (size_t i = 0; i < sizeof azSuffix / sizeof azSuffix[0]; i++) {
        Buf b = BUF_INIT;
        buf_printf(&b, "%s%s", zFile, azSuffix[i]);
        (void)unlink(buf_str(&b));
        buf_release(&b);
    }
}

/* Make a rename in zPath's directory survive a power cut (the file's own
** data SQLite has synced).  Best effort: some file systems refuse fsync on
** a directory, and the rename itself has happened. */
static void
sq_sync_dir(const char *zPath)
{
    Buf dir = BUF_INIT;
    sq_dir_of(zPath, &dir);
    int fd = open(buf_str(&dir), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd);
        (void)close(fd);
    }
    buf_release(&dir);
}

/* Whether zA and zB name the same existing file. */
static int
sq_same_file(const char *zA, const char *zB)
{
    struct stat a, b;
    return stat(zA, &a) == 0 && stat(zB, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/* PRAGMA integrity_check on connection db (S's or a copy's): 0 when it
** answers "ok", else APPERR_DB with the first problems in the detail. */
static int
sq_integrity(SqStore *S, sqlite3 *db, AppErr *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(10)", -1, &st, NULL) !=
        SQLITE_OK) {
        return sq_fail_code(S, sq_errcode(db), sqlite3_errmsg(db), err,
                            "checking the database");
    }
    Buf found = BUF_INIT;
    int nBad = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *z = (const char *)sqlite3_column_text(st, 0);
        if (!z || strcmp(z, "ok") != 0) {
            buf_printf(&found, "%s%s", nBad++ ? "; " : "", z ? z : "?");
        }
    }
    int code = rc == SQLITE_DONE ? SQLITE_OK : sq_errcode(db);
    Buf engine = BUF_INIT;
    buf_puts(&engine, code == SQLITE_OK ? "" : sqlite3_errmsg(db));
    sq_finalize(S, st);
    if (code != SQLITE_OK) {
        rc = sq_fail_code(S, code, buf_str(&engine), err,
                          "checking the database");
    } else if (nBad) {
        apperr_set(err, APPERR_DB,
                   "the database is damaged: the integrity "
                   "check found %s%d problem%s",
                   nBad >= 10 ? "at least " : "", nBad, nBad == 1 ? "" : "s");
        rc = apperr_detail(err, "integrity_check: %s", buf_str(&found));
    } else {
        rc = 0;
    }
    buf_release(&engine);
    buf_release(&found);
    return rc;
}

int
sq_check(Store *s, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    return sq_integrity(S, S->db, err);
}

/* What copying into zFile failed with, as the message says it. */
static int
sq_copy_fail(SqStore *S, int code, const char *zEngine, const char *zFile,
             AppErr *err)
{
    switch (code & 0xff) {
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
        apperr_set(err, APPERR_IO,
                   "cannot write the copy: its directory "
                   "is read-only or the disk failed (the details are in the "
                   "log)");
        return apperr_detail(err, "sqlite %d writing '%s': %s", code, zFile,
                             zEngine ? zEngine : sqlite3_errstr(code));
    default:
        return sq_fail_code(S, code, zEngine, err, "copying the database");
    }
}

/* Copy S's database into the new file zFile with SQLite's online backup
** API, then leave it in journal mode WAL (bWal: a database to use) or
** DELETE (a backup: one self-contained file, which opens even on
** read-only media such as a CD or a write-protected USB stick).  With
** bCheck, the copy must pass the integrity check, so a damaged database
** is not saved over good backups.  zFile is left behind on failure: the
** caller removes it. */
static int
sq_copy_to_file(SqStore *S, const char *zFile, int bWal, int bCheck,
                AppErr *err)
{
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(
        zFile, &dst,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        rc = sq_copy_fail(S, rc, dst ? sqlite3_errmsg(dst) : NULL, zFile, err);
        (void)sqlite3_close(dst);
        return rc;
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", S->db, "main");
    if (!b) {
        rc = sq_copy_fail(S, sq_errcode(dst), sqlite3_errmsg(dst), zFile, err);
        (void)sqlite3_close(dst);
        return rc;
    }
    /* All pages in one step: one read transaction of the source, so one
    ** snapshot, and in WAL mode no writer waits for it.  In several steps
    ** SQLite would restart the copy whenever another connection commits
    ** between two of them, and a busy server might never let it end. */
    int msWaited = 0;
    while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
           rc == SQLITE_LOCKED) {
        if (msWaited >= S->msBusy) {
            break;
        }
        (void)sqlite3_sleep(50);
        msWaited += 50;
    }
    (void)sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        rc = sq_copy_fail(S, sq_code_refine(dst, rc), NULL, zFile, err);
    } else if (bCheck && sq_integrity(S, dst, err)) {
        rc = -1;
    } else if (sqlite3_exec(dst,
                            bWal ? "PRAGMA journal_mode = WAL"
                                 : "PRAGMA journal_mode = DELETE",
                            NULL, NULL, NULL) != SQLITE_OK) {
        rc = sq_copy_fail(S, sq_errcode(dst), sqlite3_errmsg(dst), zFile, err);
    } else {
        rc = 0;
    }
    if (sqlite3_close(dst) != SQLITE_OK && rc == 0) {
        rc = apperr_set(err, APPERR_INTERNAL, "cannot close '%s'", zFile);
    }
    return rc;
}

/* Copy S's database to the new file zPath: through "zPath.tmp", renamed
** when complete (a leftover of an interrupted copy is replaced). */
static int
sq_copy_to_new_file(SqStore *S, const char *zPath, int bWal, int bCheck,
                    AppErr *err)
{
    Buf tmp = BUF_INIT;
    buf_printf(&tmp, "%s.tmp", zPath);
    sq_unlink_with_journals(buf_str(&tmp));
    int rc = sq_copy_to_file(S, buf_str(&tmp), bWal, bCheck, err);
    if (rc == 0 && rename(buf_str(&tmp), zPath) != 0) {
        rc = apperr_set(err, APPERR_IO,
                        "cannot write '%s': renaming '%s' to "
                        "it failed",
                        zPath, buf_str(&tmp));
        apperr_detail(err, "rename: %s", strerror(errno));
    }
    if (rc) {
        sq_unlink_with_journals(buf_str(&tmp));
    } else {
        sq_sync_dir(zPath);
    }
    buf_release(&tmp);
    return rc;
}

int
sq_backup(Store *s, const char *zFile, unsigned flags, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(!S->bInTxn);
    struct stat sb;
    if (stat(zFile, &sb) == 0) {
        if (sq_same_file(zFile, S->zPath)) {
            return apperr_set(err, APPERR_USAGE,
                              "cannot back up to '%s': it "
                              "is the database itself",
                              zFile);
        }
        if (!S_ISREG(sb.st_mode)) {
            return apperr_set(err, APPERR_USAGE,
                              "cannot back up to '%s': it "
                              "is not a file",
                              zFile);
        }
        if (!(flags & STORE_BACKUP_FORCE)) {
            return apperr_set(err, APPERR_CONFLICT,
                              "cannot back up to '%s': "
                              "the file exists (give --force to replace it)",
                              zFile);
        }
    }
    if (!sq_dir_writable(zFile)) {
        return apperr_set(err, APPERR_IO,
                          "cannot back up to '%s': its "
                          "directory is missing or read-only",
                          zFile);
    }
    if (sq_copy_to_new_file(S, zFile, 0, 1, err)) {
        return apperr_prefix(err, "cannot back up to '%s'", zFile);
    }
    return 0;
}

/* Replace the lmpmon database zPath, which exists, by S's, inside one
** write transaction of zPath: the backup API writes every page of it in
** that transaction, so a reader sees the old database or the new one and
** a crash rolls back to the old one.
**
** Nobody else may have it open: a server's cached model, a command's
** loaded plan would otherwise go on from data that is no longer there.
** In WAL mode every open connection keeps a shared lock on the file, idle
** or not, so the exclusive lock of locking_mode EXCLUSIVE is granted only
** when no one has it open, and it is then held until we close. */
static int
sq_restore_in_place(SqStore *S, const char *zPath, AppErr *err)
{
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(zPath, &dst,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    int code = rc;
    if (rc == SQLITE_OK && sqlite3_db_readonly(dst, "main") == 1) {
        code = SQLITE_READONLY; /* a write-protected file opens read only */
    } else if (rc == SQLITE_OK) {
        (void)sqlite3_busy_timeout(dst, SQ_RESTORE_WAIT_MS);
        if (sqlite3_exec(dst,
                         "PRAGMA locking_mode = EXCLUSIVE; "
                         "BEGIN EXCLUSIVE",
                         NULL, NULL, NULL) != SQLITE_OK) {
            code = sq_errcode(dst);
        }
    }
    int appId = 0;
    if (code == SQLITE_OK) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(dst, "PRAGMA application_id", -1, &st, NULL) !=
                SQLITE_OK ||
            sqlite3_step(st) != SQLITE_ROW) {
            code = sq_errcode(dst);
        } else {
            appId = sqlite3_column_int(st, 0);
        }
        sq_finalize(S, st);
        (void)sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL);
    }
    switch (code & 0xff) {
    case SQLITE_OK:
        if (appId == SCHEMA_APPLICATION_ID) {
            break;
        }
        /* fall through */
    case SQLITE_NOTADB:
        rc = apperr_set(err, APPERR_INPUT,
                        "cannot restore into '%s': it is "
                        "not an lmpmon database; nothing was changed (to put "
                        "the backup in its place, move it away first)",
                        zPath);
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        rc = apperr_set(err, APPERR_BUSY,
                        "cannot restore into '%s': it is in "
                        "use (a running 'lmpmon serve', an import, another "
                        "command); nothing was changed: stop it, then restore "
                        "again",
                        zPath);
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
        rc = apperr_set(err, APPERR_IO,
                        "cannot restore into '%s': it is "
                        "read-only (its file, its directory or the file "
                        "system); nothing was changed",
                        zPath);
        break;
    case SQLITE_CORRUPT:
        rc = apperr_set(err, APPERR_DB,
                        "cannot restore into '%s': it is too "
                        "damaged to be replaced in place; nothing was changed "
                        "(move it and any '%s-wal' away, then restore again)",
                        zPath, zPath);
        break;
    default:
        rc =
            sq_copy_fail(S, code, dst ? sqlite3_errmsg(dst) : NULL, zPath, err);
        apperr_prefix(err, "cannot restore into '%s'", zPath);
        break;
    }
    if (code != SQLITE_OK || appId != SCHEMA_APPLICATION_ID) {
        apperr_detail(err, "sqlite %d opening '%s' to restore: %s", code, zPath,
                      dst ? sqlite3_errmsg(dst) : "out of memory");
        (void)sqlite3_close(dst);
        return rc;
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", S->db, "main");
    rc = b ? sqlite3_backup_step(b, -1) : sq_errcode(dst);
    if (b) {
        (void)sqlite3_backup_finish(b);
    }
    if (rc == SQLITE_DONE) {
        rc = 0;
    } else {
        rc = sq_copy_fail(S, sq_code_refine(dst, rc), NULL, zPath, err);
        apperr_prefix(err, "cannot restore into '%s'", zPath);
    }
    /* The last connection checkpoints the WAL into the file and removes
    ** it. */
    if (sqlite3_close(dst) != SQLITE_OK && rc == 0) {
        rc = apperr_set(err, APPERR_INTERNAL, "cannot close '%s'", zPath);
    }
    return rc;
}

int
sq_restore(Store *s, const char *zPath, AppErr *err)
{
    SqStore *S = (SqStore *)s;
    assert(!S->bInTxn);
    struct stat sb;
    if (stat(zPath, &sb) == 0) {
        if (sq_same_file(zPath, S->zPath)) {
            return apperr_set(err, APPERR_USAGE,
                              "cannot restore '%s' from "
                              "itself",
                              zPath);
        }
        if (!S_ISREG(sb.st_mode) || sb.st_size == 0) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot restore into '%s': "
                              "it is not an lmpmon database; nothing was "
                              "changed (to put the backup in its place, move "
                              "it away first)",
                              zPath);
        }
        return sq_restore_in_place(S, zPath, err);
    }
    /* A new file.  A journal left beside it would be played into the new
    ** database when it is first opened: refuse rather than delete what
    ** may be the only copy of someone's last changes. */
    static const char *const azJournal[] = { "-wal", "-journal" };
    for (size_t i = 0; i < sizeof azJournal / sizeof azJournal[0]; i++) {
        Buf j = BUF_INIT;
        buf_printf(&j, "%s%s", zPath, azJournal[i]);
        int bLeft = stat(buf_str(&j), &sb) == 0 && sb.st_size > 0;
        if (bLeft) {
            apperr_set(err, APPERR_CONFLICT,
                       "cannot restore into '%s': '%s' "
                       "is left from an earlier database; nothing was changed "
                       "(move it away too, then restore again)",
                       zPath, buf_str(&j));
        }
        buf_release(&j);
        if (bLeft) {
            return -1;
        }
    }
    if (sq_copy_to_new_file(S, zPath, 1, 0, err)) {
        return apperr_prefix(err, "cannot restore into '%s'", zPath);
    }
    return 0;
}
