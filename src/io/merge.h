/*
** merge.h — what an export records, and how an import merges against it.
**
** Several people export the annex, each changes a few cells in a
** spreadsheet, and each imports it back.  Writing a whole file as it is
** would put back the old values of every cell its author did not touch,
** over what the others imported meanwhile.  So an export records the
** database's revision — the data version (the newest audit row's id,
** store_data_version()) and the time of that audit row, "1234@2026-03-04
** T10:15:00Z" — and the import compares, cell by cell:
**
**   file == database            nothing to do
**   file == value at export     the user did not change it: keep the
**                               database's (perhaps newer) value
**   database == value at export only the user changed it: write it
**   otherwise                   both changed it: a conflict, and the
**                               import is refused whole
**
** The value at export is read from the audit trail: the old value of the
** first change to that cell (entity, key, field) after the revision, empty
** when the thing was created after it, else the current value.  All of it
** runs inside the import's write transaction, so concurrent imports
** serialise and each merges against what the previous ones committed.
**
** A file without a revision (made by hand), or with one this database
** never had (exported from another database: audit row N is missing or
** was written at another time), cannot be merged: it is written as it is,
** as imports always were, and the import says so.
*/
#ifndef LMPMON_MERGE_H
#define LMPMON_MERGE_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../store/store.h"

/* The longest revision text: a 19-digit number, '@', a 20-byte time. */
#define MERGE_REVISION_BYTES 64

/* Load the model for an export (organisations and plan zPlan, all plans
** when NULL) and, in the same read transaction so the two agree, the
** database's revision: *pzRevision is a heap string ("1234@2026-...Z"),
** or NULL for a database without any change yet.  Returns 0 or -1 with
** err filled (then *m and *pzRevision are empty). */
int merge_export_load(Store *s, const char *zPlan, Model *m, char **pzRevision,
                      AppErr *err);

/* Split a revision "N@TIME" into N (> 0) and TIME (copied into zAt, of
** nAt bytes).  Returns 0, or -1 when z is not a revision lmpmon writes. */
int merge_revision_parse(const char *z, long *piRev, char *zAt, size_t nAt);

/* How one cell merges (see the top of this file). */
typedef enum MergeHow {
    MERGE_SAME = 0,  /* the file holds the database's value */
    MERGE_KEEP_DB,   /* the user did not change it; the database did */
    MERGE_TAKE_FILE, /* the user changed it (or the file cannot merge) */
    MERGE_CONFLICT   /* both changed it, to different values */
} MergeHow;

/* What merge_cell() found. */
typedef struct MergeCell {
    MergeHow eHow;
    const char *zBase;     /* the value at export (MERGE_CONFLICT, _KEEP_DB) */
    const AuditEntry *pBy; /* MERGE_CONFLICT: the database's latest change
                            ** to the cell since the export (who, when) */
} MergeCell;

/* The audit trail of one file's import since the revisions it records. */
typedef struct Merge Merge;

/* A new, empty merge (no revision yet); free with merge_free(). */
Merge *merge_new(void);
void merge_free(Merge *mg);

/* Check the revision text z against this database.  *piRev is its N when
** audit row N exists and was written at the time z gives; 0 when the
** database never had that revision (the cells it covers cannot merge).
** Remembers the smallest N for merge_load().  Returns 0, -1 on a database
** error, or -2 when z is not a revision at all (err unset: the caller
** names the cell). */
int merge_add_revision(Merge *mg, Store *s, const char *z, long *piRev,
                       AppErr *err);

/* Read the audit rows after the smallest revision added (those whose key
** is zKeyPrefix or below it; all when NULL), inside the caller's write
** transaction.  Call after the last merge_add_revision() and before the
** file's first write.  Does nothing when no revision was added. */
int merge_load(Merge *mg, Store *s, const char *zKeyPrefix, AppErr *err);

/* Merge one cell: the value zFile the file holds and zDb the database
** holds now (NULL reads as ""), as the audit trail writes them (rating
** keys, acronyms joined with "; "), of field zField of the audited thing
** zEntity/zKey, in a row exported at revision iRev (0: cannot merge).
** zEmpty is how the field reads when the thing did not exist ("" or
** "not_rated"). */
void merge_cell(const Merge *mg, long iRev, const char *zEntity,
                const char *zKey, const char *zField, const char *zFile,
                const char *zDb, const char *zEmpty, MergeCell *out);

/* Append z to b quoted for a message: in single quotes, line breaks and
** tabs as spaces, cut to about 60 columns with "…". */
void merge_quote(Buf *b, const char *z);

#endif
