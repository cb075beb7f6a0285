/*
** annex_csv.h — the annex CSV layout: one row per activity.
**
** The layout of docs/formats/annex-csv.md, the table every review annex
** has: the activity's place in the plan (per level a code column, a text
** column and optionally an indicator column, named after the level, each
** text optionally followed by its Khmer, "<column>_km"), the
** activity code and text, "responsible" and "contributing" (names separated
** by ';'), then per review round R the columns "R:action_point",
** "R:progress" and "R:rating"; an export adds "lmpmon:revision", the
** revision of the database each row was exported from (io/merge.h), so an
** import can tell which cells the user changed.
*/
#ifndef LMPMON_ANNEX_CSV_H
#define LMPMON_ANNEX_CSV_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/model.h"

/* The column an export adds: the revision each row was exported from. */
#define ANNEX_REVISION_COLUMN "lmpmon:revision"

/* Where things are in the file just read, for messages given later (when
** names are resolved against the database or cells merged), and the
** revision of each row. */
typedef struct AnnexCols {
    int aiCode[LIMIT_PLAN_LEVELS]; /* 1-based column of each level's code */
    int aiText[LIMIT_PLAN_LEVELS]; /* ... of its text */
    int aiIndicator[LIMIT_PLAN_LEVELS];   /* ... of its indicator, 0: none */
    int aiTextKm[LIMIT_PLAN_LEVELS];      /* ... of its text in Khmer */
    int aiIndicatorKm[LIMIT_PLAN_LEVELS]; /* ... of its indicator in Khmer */
    int iResp;                            /* column of "responsible" */
    int iContrib;                         /* column of "contributing" */
    int iRevision;     /* column of "lmpmon:revision", 0: none */
    int *aiRound;      /* per round of the plan read, 3 columns:
                                   ** action point, progress, rating */
    char **azRevision; /* per node of the plan read (index as in
                                   ** aNode): the revision in the row that
                                   ** gave the node, NULL when empty */
    size_t nRevision, nRevisionAlloc;
} AnnexCols;

/* Free what cols holds; it becomes empty.  Accepts an empty one. */
void annex_cols_release(AnnexCols *cols);

/* Parse the CSV z[0..n) named zFile into m as one plan with code zPlan
** (levels from the header; nodes in file order; organisation names as
** written, not yet resolved; round codes only).  A node given by its code
** alone has zText NULL: the import must find it in the database.  *pCols
** must be zeroed or hold an earlier read (which is released first);
** release it with annex_cols_release() after the read, whether it failed
** or not.  The revisions are taken as written (the
** import checks them against the database).
** Returns 0, or -1 with err naming file, line, column and field. */
int annex_csv_read(const char *zFile, const char *z, size_t n,
                   const char *zPlan, Model *m, AnnexCols *pCols, AppErr *err);

/* Append plan p in the annex layout to b: UTF-8 with a byte-order mark
** (spreadsheets need it to read UTF-8), one row per leaf node, the plan's
** rounds as columns; with zRevision (merge_export_load()), a last column
** "lmpmon:revision" holding it in every row. */
void annex_csv_write(const Plan *p, const char *zRevision, Buf *b);

#endif
