/*
** annex_csv.h — the annex CSV layout: one row per activity.
**
** The layout of docs/formats/annex-csv.md, the table every review annex
** has: the activity's place in the plan (per level a code column, a text
** column and optionally an indicator column, named after the level), the
** activity code and text, "responsible" and "contributing" (names separated
** by ';'), then per review round R the columns "R:action_point",
** "R:progress" and "R:rating".
*/
#ifndef LMPMON_ANNEX_CSV_H
#define LMPMON_ANNEX_CSV_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/model.h"

/* Where things are in the file just read, for messages given later (when
** names are resolved against the database). */
typedef struct AnnexCols {
    int aiCode[LIMIT_PLAN_LEVELS]; /* 1-based column of each level's code */
    int iResp;                     /* column of "responsible" */
    int iContrib;                  /* column of "contributing" */
} AnnexCols;

/* Parse the CSV z[0..n) named zFile into m as one plan with code zPlan
** (levels from the header; nodes in file order; organisation names as
** written, not yet resolved; round codes only).  A node given by its code
** alone has zText NULL: the import must find it in the database.
** Returns 0, or -1 with err naming file, line, column and field. */
int annex_csv_read(const char *zFile, const char *z, size_t n,
                   const char *zPlan, Model *m, AnnexCols *pCols, AppErr *err);

/* Append plan p in the annex layout to b: UTF-8 with a byte-order mark
** (spreadsheets need it to read UTF-8), one row per leaf node, the plan's
** rounds as columns. */
void annex_csv_write(const Plan *p, Buf *b);

#endif
