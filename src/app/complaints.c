/*
** complaints.c — the complaints reports of the whole register, kept ready
** in the database or counted (see complaints.h).
*/
#include <stdlib.h>

#include "complaints.h"
#include "../base/base.h"
#include "../base/banned.h"

static int
complaints_count(void *pArg, const Case *c, const CasePerson *who)
{
    (void)who;
    case_report_set_add(pArg, c);
    return 0;
}

/* Keep x as the reports of generation gen, unless the register moved on
** meanwhile; every failure is quietly given up. */
static void
complaints_keep(Store *s, const CaseReportSet *x, long gen)
{
    AppErr err = APPERR_INIT;
    if (store_begin(s, &err)) {
        return;
    }
    long now = -1;
    int rc = store_audit_latest(s, "cases", &now, &err);
    if (rc == 0 && now == gen) {
        Buf b = BUF_INIT;
        buf_init(&b, 0);
        case_report_set_write(x, &b);
        rc = buf_failed(&b) ? -1
                            : store_kept_put(s, STORE_KEPT_COMPLAINTS, gen,
                                             buf_str(&b), &err);
        buf_release(&b);
    }
    if (rc == 0 && now == gen) {
        (void)store_commit(s, &err);
    } else {
        store_rollback(s);
    }
}

int
complaints_set_load(Store *s, int bKeep, CaseReportSet *x, long *pGen,
                    AppErr *err)
{
    long gen = -1, keptGen = -1;
    char *zKept = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = store_audit_latest(s, "cases", &gen, err) ||
             store_kept_get(s, STORE_KEPT_COMPLAINTS, &keptGen, &zKept, err);
    int bCounted = 0;
    if (rc == 0 &&
        !(zKept && keptGen == gen && case_report_set_read(x, zKept) == 0)) {
        /* Not kept, out of date, or not readable: count again. */
        case_report_set_release(x);
        case_report_set_init(x);
        rc = store_case_scan(s, NULL, NULL, 0, complaints_count, x, err);
        bCounted = 1;
    }
    store_end_read(s);
    free(zKept);
    if (rc) {
        return -1;
    }
    if (bCounted && bKeep) {
        complaints_keep(s, x, gen);
    }
    *pGen = gen;
    return 0;
}
