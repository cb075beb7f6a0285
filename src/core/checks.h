/*
** checks.h — data-quality rules over a plan's review rounds.
**
** Each rule is one entry of the table in checks.c: a name, a severity, a
** one-line description and a function that looks at the plan (and the
** organisation directory) and adds findings.  A new rule is one function
** and one table entry.  Pure logic; no I/O.
*/
#ifndef LMPMON_CHECKS_H
#define LMPMON_CHECKS_H

#include <stddef.h>

#include "model.h"

typedef enum CheckSeverity {
    CHECK_ERROR = 0, /* the data contradicts itself */
    CHECK_WARNING,   /* something a reader of the report will miss */
    CHECK_INFO       /* worth a look */
} CheckSeverity;

typedef struct Finding {
    const char *zRule; /* rule name (static) */
    CheckSeverity eSeverity;
    char *zActivity; /* activity code, or NULL for a finding about an
                           ** organisation or the round */
    char *zRound;    /* round code, or NULL */
    char *zMessage;  /* one line */
    char *zOrg;      /* acronym of the organisation a finding about
                           ** one is about, or NULL */
} Finding;

typedef struct Findings {
    Finding *a;
    size_t n, nAlloc;
} Findings;

/* One run of the rules: the plan, the directory, the round, and what the
** rules share so that each is computed once per run (checks.c). */
typedef struct CheckRun CheckRun;

typedef struct CheckRule {
    const char *zName;
    CheckSeverity eSeverity;
    const char *zLabel; /* what pages show: "Missing rating" */
    const char *zDescription;
    /* Add findings for the run's round of its plan. */
    void (*xCheck)(CheckRun *c, Findings *out);
} CheckRule;

/* The rules, terminated by an entry with zName NULL. */
extern const CheckRule aCheckRule[];

/* Run every rule on plan p for round zRound (all rounds when NULL),
** appending to out.  Findings come rule by rule, in plan order. */
void checks_run(const Model *m, const Plan *p, const char *zRound,
                Findings *out);

/* Run only the rule named zRule, as checks_run() would.  Returns 0, or -1
** (adding nothing) when aCheckRule has no such rule.  For analyses that
** take a rule's notion as it is (coordination.c: silent_responsible_org)
** instead of re-implementing it. */
int checks_run_rule(const Model *m, const Plan *p, const char *zRound,
                    const char *zRule, Findings *out);

void findings_release(Findings *f);

/* The severity's key ("error", "warning", "info") and label ("Error",
** "Warning", "Note"). */
const char *check_severity_name(CheckSeverity e);
const char *check_severity_label(CheckSeverity e);

/* The label of rule zRule ("Missing rating"), or zRule itself when there
** is no such rule.  Static or zRule. */
const char *check_rule_label(const char *zRule);

#endif
