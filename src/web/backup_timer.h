/*
** backup_timer.h — the server's scheduled backups ('serve --backup-every').
**
** For an office with nobody to run backups: a thread of the server writes
** a backup (store_backup(): one consistent state, checked, never a partial
** file) every interval into a directory — "DB-backups" beside the
** database DB, or --backup-dir — named by the local date and time
** ("lmpmon-2026-11-29T0300.db"; with seconds, "T030005", when the
** interval is under a minute or the minute's name is taken), and removes
** all but the newest N files so named (nothing else in the directory is
** touched).  Names sort in time order, so "newest" is by name.
**
** The first backup is made at start when the newest one in the directory
** is an interval old or more (a server switched off every evening still
** gets its daily backup), else when that one is an interval old.  Each
** backup and each failure (a full disk, a missing directory) is one line
** on standard error, the server's log; a failure never stops the server,
** and the next attempt comes an interval later.
*/
#ifndef LMPMON_BACKUP_TIMER_H
#define LMPMON_BACKUP_TIMER_H

#include "../base/apperr.h"

typedef struct WebConfig WebConfig;

/* Start the thread when cfg asks for backups (cfg->nBackupSeconds > 0);
** else do nothing.  Call with SIGINT and SIGTERM blocked, as web_serve()
** does, so that they stay with the thread that waits for them.  Fails
** only when the thread cannot be made.  Copies what it needs of cfg. */
int backup_timer_start(const WebConfig *cfg, AppErr *err);

/* Stop the thread, after the backup it may be writing; accepts being
** called when nothing was started. */
void backup_timer_stop(void);

#endif
