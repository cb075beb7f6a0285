/*
** import.h — bringing files into the store, all or nothing.
**
** An import reads each file into a Model (annex_csv.c or model_json.c),
** resolves it against what the database already holds (organisation names
** through the directory, plan levels, rounds, parent nodes) and writes it
** with the store's puts, all inside one transaction: the first error rolls
** everything back, so a failed import leaves the database as it was.
** Import merges: it creates and updates, it never deletes.
**
** A file an export wrote records the database's revision (io/merge.h):
** then only the cells its user changed since are written, a cell changed
** both in the file and in the database since is a conflict that refuses
** the import, and the rest keep what the database holds now.  A file
** without a revision is written as it is, as imports always were.
*/
#ifndef LMPMON_IMPORT_H
#define LMPMON_IMPORT_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../store/store.h"

typedef enum ImportFormat {
    IMPORT_AUTO = 0, /* from the file name's extension */
    IMPORT_CSV,
    IMPORT_JSON,
    IMPORT_XLSX /* an annex table as a workbook's first sheet */
} ImportFormat;

typedef struct ImportInput {
    const char *zName; /* file name, for messages and the format */
    const char *z;     /* content (not owned) */
    size_t n;
    ImportFormat eFormat;
} ImportInput;

typedef struct ImportOpts {
    const char *zPlan; /* plan a CSV file goes into; NULL: the only plan */
    int bCreateOrgs;   /* create unknown organisations instead of failing */
    int bDryRun;       /* check and count everything, then roll back: what
                       ** the import would do, with nothing written */
    int bAtVersion;    /* import only if the data version is still
                       ** iVersion (a preview's stats.iDataVersion) */
    long iVersion;
} ImportOpts;

/* What an import changed, counted from the audit rows it wrote (one per
** changed field or created thing), not from what the files held: a file
** imported twice changes nothing the second time. */
typedef enum ImportChange {
    IMPORT_NEW_ORG = 0,
    IMPORT_ORG_DETAIL,
    IMPORT_NEW_PLAN,
    IMPORT_PLAN_DETAIL,
    IMPORT_NEW_ROUND,
    IMPORT_ROUND_DETAIL,
    IMPORT_NEW_NODE,
    IMPORT_NODE_TEXT,
    IMPORT_NODE_INDICATOR,
    IMPORT_NODE_PARENT,
    IMPORT_NODE_RESPONSIBLE,
    IMPORT_NODE_CONTRIBUTING,
    IMPORT_NODE_PREDECESSOR, /* plan succession: the node it carries on */
    IMPORT_NEW_ASSESSMENT,
    IMPORT_ACTION_POINT,
    IMPORT_PROGRESS,
    IMPORT_RATING,
    IMPORT_ASSESS_STATE,
    IMPORT_OTHER,
    IMPORT_CHANGE_COUNT
} ImportChange;

typedef struct ImportStats {
    size_t nChange; /* audit rows written: fields changed, things made */
    size_t anChange[IMPORT_CHANGE_COUNT]; /* the same by kind */
    size_t nActivity;   /* activities (leaf nodes) changed or created */
    size_t nOtherNode;  /* other plan nodes changed or created */
    size_t nCreatedOrg; /* organisations created by --create-orgs */
    size_t nConflict;   /* cells changed in a file and in the database */
    Buf notes;          /* one line per file (or rows) written as it is,
                         ** without merging: no revision, or another
                         ** database's */
    Buf conflicts;      /* one line per conflict (the import was refused) */
    long iDataVersion;  /* the data version the import read, inside its
                         ** transaction (store_data_version()) */
} ImportStats;

/* Free what stats holds; it stays usable.  import_run() starts with it. */
void import_stats_release(ImportStats *stats);

/* Append what an import changed to b: "3 changes (2 progress, 1 rating)
** in 2 activities", or "no changes". */
void import_stats_describe(const ImportStats *stats, Buf *b);

/* Parse a --format word ("csv", "json", "xlsx"); -1 if unknown. */
int import_format_parse(const char *z, ImportFormat *pOut);

/* Read a whole file (at most LIMIT_IMPORT_FILE_BYTES) into a heap buffer
** the caller frees.  Returns 0 or -1 with err naming the file. */
int import_read_file(const char *zPath, char **pz, size_t *pn, AppErr *err);

/* A file mapped read-only (import_map_file()). */
typedef struct MappedFile {
    const char *z; /* its n bytes, not NUL-terminated ("" when empty) */
    size_t n;
    void *pMap; /* the mapping, NULL when empty (nothing is mapped) */
} MappedFile;

/* Map a whole file read-only (at most nLimit bytes) into *f instead of
** reading it: for large case registers.  Release with import_unmap_file().
** Returns 0, or -1 with err naming the file and *f empty (nothing to
** release). */
int import_map_file(const char *zPath, size_t nLimit, MappedFile *f,
                    AppErr *err);
void import_unmap_file(MappedFile *f);

/* The text of a table file: with bXlsx the first sheet of workbook zPath
** as CSV text in *pCsv (its rows are then the messages' lines), else the
** file mapped into *pMf; *pz and *pn point at it.  Release *pCsv and
** *pMf (initialised empty by the caller) whatever this returns.  0, or
** -1 with err naming the file. */
int import_table_text(const char *zPath, int bXlsx, Buf *pCsv, MappedFile *pMf,
                      const char **pz, size_t *pn, AppErr *err);

/* Whether a table file is XLSX: as zFormat says ("xlsx"; any other: no),
** or when zFormat is NULL, by zFile's name ending in ".xlsx". */
int import_is_xlsx(const char *zFormat, const char *zFile);

/* Import the inputs in order, in one transaction of s, merging files that
** carry a revision.  stats (initialised here; release it with
** import_stats_release() either way) counts the changes and holds the
** notes.  Returns 0, or -1 with err naming file, line, column and field
** (for conflicts, the first; stats->conflicts lists them all); then
** nothing was written. */
int import_run(Store *s, const ImportInput *aIn, size_t nIn,
               const ImportOpts *opts, ImportStats *stats, AppErr *err);

#endif
