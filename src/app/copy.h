/*
** copy.h — moving a whole installation from one database to another,
** SQLite or PostgreSQL either way ('lmpmon copy').
**
** Everything is copied with its ids (plans, organisations, rounds,
** assessments, statements, the audit trail, accounts with their password
** hashes, cases with personal details, their timelines and payments);
** sessions are not (their users log in again).  The destination must hold
** no data.  The copy is one write transaction on the destination, read
** from one snapshot of the source, and is verified before it commits:
** every table read back from the destination equals the source's, and so
** do the export (as 'export --format json' writes it) and the cases'
** export with personal details.
*/
#ifndef LMPMON_APP_COPY_H
#define LMPMON_APP_COPY_H

#include "../base/secret.h"
#include "../store/store.h"

typedef struct CopyReport {
    long anRow[STORE_TABLE_COUNT]; /* rows copied, per table */
    char zExport[SECRET_HASH_HEX]; /* digest of the JSON export (both) */
    char zCases[SECRET_HASH_HEX];  /* digest of the cases' export (both) */
    long nCases;
} CopyReport;

/* Copy everything of from into to (see above).  Errors, with nothing
** written: to holds data (APPERR_CONFLICT, naming a table), a read or a
** write fails, the verification finds a difference (APPERR_DB, naming
** what differs).  zFrom names the source in to's writer note. */
int copy_installation(Store *from, Store *to, const char *zFrom,
                      CopyReport *rep, AppErr *err);

#endif
