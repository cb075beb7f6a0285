/*
** import.h — bringing files into the store, all or nothing.
**
** An import reads each file into a Model (annex_csv.c or model_json.c),
** resolves it against what the database already holds (organisation names
** through the directory, plan levels, rounds, parent nodes) and writes it
** with the store's puts, all inside one transaction: the first error rolls
** everything back, so a failed import leaves the database as it was.
** Import merges: it creates and updates, it never deletes.
*/
#ifndef LMPMON_IMPORT_H
#define LMPMON_IMPORT_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../store/store.h"

typedef enum ImportFormat {
    IMPORT_AUTO = 0, /* from the file name's extension */
    IMPORT_CSV,
    IMPORT_JSON
} ImportFormat;

typedef struct ImportInput {
    const char *zName;   /* file name, for messages and the format */
    const char *z;       /* content (not owned) */
    size_t n;
    ImportFormat eFormat;
} ImportInput;

typedef struct ImportOpts {
    const char *zPlan;   /* plan a CSV file goes into; NULL: the only plan */
    int bCreateOrgs;     /* create unknown organisations instead of failing */
} ImportOpts;

typedef struct ImportStats {
    size_t nOrg;         /* organisations in the files */
    size_t nNode;        /* plan nodes in the files */
    size_t nAssess;      /* assessments in the files */
    size_t nCreatedOrg;  /* organisations created by --create-orgs */
} ImportStats;

/* Parse a --format word ("csv", "json"); -1 if unknown. */
int import_format_parse(const char *z, ImportFormat *pOut);

/* Read a whole file (at most LIMIT_IMPORT_FILE_BYTES) into a heap buffer
** the caller frees.  Returns 0 or -1 with err naming the file. */
int import_read_file(const char *zPath, char **pz, size_t *pn, AppErr *err);

/* Map a whole file read-only (at most nLimit bytes) instead of reading it:
** for large case registers.  *pz is not NUL-terminated; release with
** import_unmap_file().  Returns 0 or -1 with err naming the file. */
int import_map_file(const char *zPath, size_t nLimit, const char **pz,
                    size_t *pn, AppErr *err);
void import_unmap_file(const char *z, size_t n);

/* Import the inputs in order, in one transaction of s.  Returns 0, or -1
** with err naming file, line, column and field; then nothing was written. */
int import_run(Store *s, const ImportInput *aIn, size_t nIn,
               const ImportOpts *opts, ImportStats *stats, AppErr *err);

#endif
