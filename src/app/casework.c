/*
** casework.c — case officers' operations (see casework.h).  Each one
** begins the transaction, reads the case inside it, checks the actor's
** scope (core/cases.c) and the case's version, and writes.
*/
#include <stdlib.h>
#include <string.h>

#include "casework.h"
#include "app.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The audit key of a case: "case/ORG/NUMBER", or "case/NUMBER" for one no
** organisation assists. */
static int
cw_audit(Store *s, const Case *c, const char *zField, const char *zNew,
         AppErr *err)
{
    Buf key = BUF_INIT;
    buf_puts(&key, "case/");
    if (c->zAssistingOrg && *c->zAssistingOrg) {
        buf_printf(&key, "%s/", c->zAssistingOrg);
    }
    buf_puts(&key, c->zCaseNo);
    int rc = store_audit(s, "case", buf_str(&key), zField, zNew, err) ||
             /* The register as a whole changed: caches key on this. */
             store_audit(s, "case", "cases", "edit", buf_str(&key), err);
    buf_release(&key);
    return rc;
}

int
casework_create(Store *s, const Actor *actor, const Case *c,
                const CasePerson *who, AppErr *err)
{
    if (actor->eRole != ROLE_ADMIN && actor->eRole != ROLE_CASE_OFFICER) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only case officers record "
                            "cases"));
    }
    if (actor->eRole == ROLE_CASE_OFFICER && (!actor->zOrg || !*actor->zOrg)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("your account belongs to no "
                            "organisation, so it cannot record cases"));
    }
    if (!c->zCaseNo || !*c->zCaseNo || strlen(c->zCaseNo) >= LIMIT_CODE_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("a case number has 1 to %u "
                            "characters"),
                          LIMIT_CODE_BYTES - 1);
    }
    if (!str_is_date(c->zLodged)) {
        return apperr_set(err, APPERR_INPUT,
                          _("'%s' is not a date written "
                            "YYYY-MM-DD"),
                          c->zLodged);
    }
    /* Places are stored by code: what the officer wrote resolves through
    ** the gazetteer or is refused with the closest names. */
    char zProvince[GAZ_CODE_BYTES], zDestination[GAZ_CODE_BYTES];
    Gazetteer *g = gaz_new();
    int bBad =
        case_place_code(g, GAZ_PROVINCE, c->zProvince, zProvince, err) ||
        case_place_code(g, GAZ_COUNTRY, c->zDestination, zDestination, err);
    gaz_free(g);
    if (bBad) {
        return -1;
    }
    if (app_begin(s, actor, err)) {
        return -1;
    }
    /* A case officer records the cases its own organisation assists: the
    ** case as given, with the officer's organisation (a copy, as a Case
    ** owns its strings).  The number must be new in that organisation
    ** only: another's numbers are not the officer's business. */
    Case cScoped = *c;
    cScoped.zProvince = zProvince;
    cScoped.zDestination = zDestination;
    char *zOrg = NULL;
    if (actor->eRole == ROLE_CASE_OFFICER) {
        zOrg = xstrdup(actor->zOrg);
        cScoped.zAssistingOrg = zOrg;
    }
    CaseFile old;
    int rc = 0;
    if (store_case_get(s, cScoped.zAssistingOrg, c->zCaseNo, &old, NULL, err) ==
        0) {
        case_file_release(&old);
        rc = apperr_set(err, APPERR_CONFLICT, _("case %s exists already"),
                        c->zCaseNo);
    } else if (err->code != APPERR_NOTFOUND) {
        rc = -1;
    } else {
        err->code = APPERR_OK;
        char zNote[] = "case opened";
        CaseEvent e = { STAGE_LODGED, "", zNote, NULL };
        memcpy(e.zOn, c->zLodged, 11);
        rc = store_case_put(s, &cScoped, who, err) ||
             store_case_event_add(s, cScoped.zAssistingOrg, c->zCaseNo, &e,
                                  err) ||
             cw_audit(s, &cScoped, "opened", c->zLodged, err);
    }
    free(zOrg);
    return app_end(s, rc, err);
}

static void
cw_choices_free(char **az, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(az[i]);
    }
    free(az);
}

int
casework_which(Store *s, const Actor *who, const char *zOrg,
               const char *zCaseNo, char **pzOrg, char ***pazChoice,
               size_t *pnChoice, AppErr *err)
{
    *pzOrg = NULL;
    if (pazChoice) {
        *pazChoice = NULL;
        *pnChoice = 0;
    }
    const char *zScope = case_actor_scope(who);
    const char *zNamed = !zOrg || !*zOrg                    ? NULL
                         : strcmp(zOrg, CASE_ORG_NONE) == 0 ? ""
                                                            : zOrg;
    if (zScope) {
        /* A case officer: its own organisation's numbers, and none when
        ** its account names no organisation. */
        if (!*zScope || (zNamed && !str_eq(zNamed, zScope))) {
            return apperr_set(err, APPERR_NOTFOUND, _("no case %s"), zCaseNo);
        }
        *pzOrg = xstrdup(zScope);
        return 0;
    }
    if (zNamed) {
        *pzOrg = xstrdup(zNamed);
        return 0;
    }
    char **azOrg = NULL;
    size_t nOrg = 0;
    if (store_case_orgs(s, zCaseNo, &azOrg, &nOrg, err)) {
        return -1;
    }
    int rc = 0;
    if (nOrg == 0) {
        rc = apperr_set(err, APPERR_NOTFOUND, _("no case %s"), zCaseNo);
    } else if (nOrg == 1) {
        *pzOrg = azOrg[0];
        azOrg[0] = NULL;
    } else {
        rc = apperr_set(err, APPERR_CONFLICT,
                        _("several organisations have a case numbered "
                          "%s: choose whose"),
                        zCaseNo);
        if (pazChoice) {
            *pazChoice = azOrg;
            *pnChoice = nOrg;
            azOrg = NULL;
            nOrg = 0;
        }
    }
    cw_choices_free(azOrg, nOrg);
    return rc;
}

int
casework_get(Store *s, const Actor *who, const char *zOrg, const char *zCaseNo,
             CaseFile *f, CasePerson *pWho, char ***pazChoice, size_t *pnChoice,
             AppErr *err)
{
    memset(f, 0, sizeof *f);
    if (pWho) {
        memset(pWho, 0, sizeof *pWho);
    }
    char *zWhose = NULL;
    int rc = casework_which(s, who, zOrg, zCaseNo, &zWhose, pazChoice, pnChoice,
                            err) ||
             store_case_get(s, zWhose, zCaseNo, f, pWho, err);
    free(zWhose);
    if (rc == 0 && !case_actor_may(who, &f->c)) {
        rc = apperr_set(err, APPERR_NOTFOUND, _("no case %s"), zCaseNo);
    }
    if (rc && err->code == APPERR_NOTFOUND) {
        /* The store's "no case" in the same words as the others. */
        rc = apperr_set(err, APPERR_NOTFOUND, _("no case %s"), zCaseNo);
    }
    if (rc) {
        case_file_release(f);
        if (pWho) {
            case_person_release(pWho);
        }
    }
    return rc;
}

/* Load the case for a change, inside the transaction: it exists, who may
** work on it (a case outside its scope is "no case", as on the pages),
** its version is the one the form showed. */
static int
cw_load(Store *s, const Actor *who, const char *zOrg, const char *zCaseNo,
        int iVersion, CaseFile *f, AppErr *err)
{
    if (casework_get(s, who, zOrg, zCaseNo, f, NULL, NULL, NULL, err)) {
        return -1;
    }
    /* Payments add and never overwrite (iVersion < 0: not checked); every
    ** other change names the version its form showed. */
    if (iVersion >= 0 && iVersion != f->iVersion) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("case %s was changed by "
                            "someone else since you opened it; your entry is "
                            "kept below: check and save again"),
                          zCaseNo);
    }
    return 0;
}

int
casework_stage(Store *s, const Actor *who, const char *zOrg,
               const char *zCaseNo, CaseStage eStage, const char *zOn,
               const char *zNote, int iVersion, AppErr *err)
{
    if (!str_is_date(zOn)) {
        return apperr_set(err, APPERR_INPUT,
                          _("'%s' is not a date written "
                            "YYYY-MM-DD"),
                          zOn);
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    CaseFile f;
    int rc = cw_load(s, who, zOrg, zCaseNo, iVersion, &f, err);
    if (rc == 0 && strcmp(zOn, f.c.zLodged) < 0) {
        rc = apperr_set(err, APPERR_INPUT,
                        _("%s is before the case was lodged "
                          "(%s)"),
                        zOn, f.c.zLodged);
    }
    if (rc == 0 && f.nEvent && strcmp(zOn, f.aEvent[f.nEvent - 1].zOn) < 0) {
        rc = apperr_set(err, APPERR_INPUT,
                        _("%s is before the case's last step "
                          "(%s on %s)"),
                        zOn, case_stage_name(f.aEvent[f.nEvent - 1].eStage),
                        f.aEvent[f.nEvent - 1].zOn);
    }
    if (rc == 0) {
        f.c.eStage = eStage;
        int bFinal = eStage == STAGE_RESOLVED || eStage == STAGE_COURT ||
                     eStage == STAGE_WITHDRAWN ||
                     eStage == STAGE_CLOSED_UNRESOLVED;
        memcpy(f.c.zResolved, bFinal ? zOn : "", bFinal ? 11 : 1);
        CaseEvent e = { eStage, "", xstrdup(zNote), NULL };
        memcpy(e.zOn, zOn, 11);
        rc = store_case_put(s, &f.c, NULL, err) ||
             store_case_event_add(s, f.c.zAssistingOrg, zCaseNo, &e, err) ||
             cw_audit(s, &f.c, "stage", case_stage_name(eStage), err);
        free(e.zNote);
    }
    case_file_release(&f);
    return app_end(s, rc, err);
}

int
casework_payment(Store *s, const Actor *who, const char *zOrg,
                 const char *zCaseNo, const char *zOn, int64_t amount,
                 AppErr *err)
{
    if (!str_is_date(zOn)) {
        return apperr_set(err, APPERR_INPUT,
                          _("'%s' is not a date written "
                            "YYYY-MM-DD"),
                          zOn);
    }
    if (amount <= 0) {
        return apperr_set(err, APPERR_INPUT, _("a payment is more than zero"));
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    CaseFile f;
    int rc = cw_load(s, who, zOrg, zCaseNo, -1, &f, err);
    if (rc == 0 && strcmp(zOn, f.c.zLodged) < 0) {
        rc = apperr_set(err, APPERR_INPUT,
                        _("%s is before the case was lodged "
                          "(%s)"),
                        zOn, f.c.zLodged);
    }
    if (rc == 0) {
        CasePayment p = { "", amount, NULL };
        memcpy(p.zOn, zOn, 11);
        Buf what = BUF_INIT;
        case_amount_format(&what, amount);
        buf_printf(&what, " %s on %s", f.c.zCurrency, zOn);
        rc = store_case_payment_add(s, f.c.zAssistingOrg, zCaseNo, &p, err) ||
             cw_audit(s, &f.c, "payment", buf_str(&what), err);
        buf_release(&what);
    }
    case_file_release(&f);
    return app_end(s, rc, err);
}

int
casework_details(Store *s, const Actor *who, const char *zOrg,
                 const char *zCaseNo, CaseSatisfied eSatisfied,
                 const char *zOutcome, int64_t requested, int64_t ordered,
                 int iVersion, AppErr *err)
{
    if (strlen(zOutcome) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT, _("the outcome is too long"));
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    CaseFile f;
    int rc = cw_load(s, who, zOrg, zCaseNo, iVersion, &f, err);
    if (rc == 0) {
        f.c.eSatisfied = eSatisfied;
        free(f.c.zOutcome);
        f.c.zOutcome = xstrdup(zOutcome);
        f.c.requested = requested;
        f.c.ordered = ordered;
        Buf what = BUF_INIT;
        buf_printf(&what, "satisfied %s; ", case_satisfied_name(eSatisfied));
        case_amount_format(&what, requested);
        buf_puts(&what, " requested, ");
        case_amount_format(&what, ordered);
        buf_puts(&what, " ordered");
        rc = store_case_put(s, &f.c, NULL, err) ||
             cw_audit(s, &f.c, "details", buf_str(&what), err);
        buf_release(&what);
    }
    case_file_release(&f);
    return app_end(s, rc, err);
}

static int
cw_count(void *pArg, const Case *c, const CasePerson *who)
{
    case_report_add(pArg, c);
    return 0;
}

int
casework_goal10_sentence(Store *s, const char *zFrom, const char *zTo,
                         int bSuppress, Buf *b, AppErr *err)
{
    CaseReport r;
    case_report_init(&r);
    int rc = store_case_scan(s, zFrom, zTo, 0, cw_count, &r, err);
    if (rc == 0 && r.anCell[DIM_ALL] > 0) {
        case_report_finish(&r);
        buf_puts(b, "Goal 10: ");
        (void)case_goal10_figure(&r, DIM_ALL, "all", bSuppress, b);
        buf_puts(b, " of the complaint cases lodged were resolved to the "
                    "complainant's satisfaction within 3 months; women ");
        (void)case_goal10_figure(&r, DIM_SEX, "female", bSuppress, b);
        buf_puts(b, ", men ");
        (void)case_goal10_figure(&r, DIM_SEX, "male", bSuppress, b);
        buf_puts(b, ".");
    }
    case_report_release(&r);
    return rc;
}

int
casework_goal10_of_year(Store *s, const char *zDate, int bSuppress, Buf *b,
                        AppErr *err)
{
    if (!zDate || !str_is_date(zDate)) {
        return 0;
    }
    long y = (zDate[0] - '0') * 1000 + (zDate[1] - '0') * 100 +
             (zDate[2] - '0') * 10 + (zDate[3] - '0');
    char zFrom[11], zTo[11];
    case_year_bounds(y, zFrom, zTo);
    return casework_goal10_sentence(s, zFrom, zTo, bSuppress, b, err);
}
