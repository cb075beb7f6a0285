/*
** plan_sample.h — a synthetic plan of any size, for scale tests and
** benchmarks.
**
** The Cambodian sample has 103 activities, 69 organisations and two
** rounds; a national plan monitored for a decade may have 5,000
** activities, 500 organisations and 10 rounds.  This generator makes such
** a plan, shaped like the sample (area > section > goal (with indicator)
** > activity), as the two files an import takes: plan.json (the
** organisation directory, the plan's levels and its rounds) and annex.csv
** (every activity with its assessments in every round).  The same seed
** and sizes give the same bytes.
**
** What the text looks like, so the data-quality checks and the review
** report have something real to find: narratives of one to four sentences
** naming the bodies that did the work, a few carried forward ("No new
** information.", or last round's text word for word), a few empty, a few
** shared by several activities of a goal, a few contradicting their
** rating; ratings mostly Progressing, improving from round to round;
** responsible bodies mostly government, contributing ones mostly NGOs,
** partners and UN agencies; names in the annex mostly acronyms, sometimes
** an alias or the full name, as reviews write them.
*/
#ifndef LMPMON_PLAN_SAMPLE_H
#define LMPMON_PLAN_SAMPLE_H

#include <stdint.h>

#include "../base/buf.h"
#include "../core/model.h"

/* Bounds of the sizes: what one annex file may hold (LIMIT_IMPORT_ROWS
** rows; three columns per round within LIMIT_IMPORT_COLUMNS). */
#define PLAN_SAMPLE_MAX_ACTIVITIES ((long)LIMIT_IMPORT_ROWS)
#define PLAN_SAMPLE_MAX_ORGS       100000L
#define PLAN_SAMPLE_MAX_ROUNDS     100L
/* Activities times rounds: an assessment takes about 340 bytes of annex,
** so more would not fit LIMIT_IMPORT_FILE_BYTES anyway, and refusing
** before generating spares building gigabytes to find out. */
#define PLAN_SAMPLE_MAX_ASSESSMENTS 150000L

/* The plan's code in the generated files. */
#define PLAN_SAMPLE_CODE "synthetic-lmp"

typedef struct PlanSampleSize {
    long nActivity; /* activities (leaf nodes), 1..PLAN_SAMPLE_MAX_ACTIVITIES */
    long nOrg;      /* organisations, 1..PLAN_SAMPLE_MAX_ORGS */
    long nRound;    /* review rounds, 1..PLAN_SAMPLE_MAX_ROUNDS */
    uint64_t seed;  /* same seed and sizes, same plan */
} PlanSampleSize;

/* Fill the empty model m with the synthetic directory and one plan (code
** PLAN_SAMPLE_CODE) with its nodes and assessments; the annex names of
** organisations (acronym, alias or full name) are left as written, as a
** parsed annex would have them.  Sizes must be within the bounds (assert),
** the assessments too.
** m owns everything; release with model_release(). */
void plan_sample_build(const PlanSampleSize *z, Model *m);

/* Generate as plan_sample_build() does and append plan.json to pJson and
** annex.csv to pCsv.  The caller checks buf_failed() on each: a buffer
** initialised with a maximum (LIMIT_IMPORT_FILE_BYTES) fails when the
** file would be too large to import. */
void plan_sample_write(const PlanSampleSize *z, Buf *pJson, Buf *pCsv);

#endif
