/*
** page_cases.c — the complaints register in the browser: case officers
** list, open and follow their organisation's cases; admins see all.
**
** A case officer's account names an organisation; the pages and every
** write check that the case is assisted by it (404 otherwise, so other
** organisations' case numbers are not even confirmed to exist).  Personal
** details appear only here, where only case officers and admins can come.
**
** Each organisation numbers its own cases, so a case's address is
** /case/NUMBER?org=ORG (org=- for a case no organisation assists; see
** casework_which()).  /case/NUMBER alone still works where it names one
** case: always for a case officer, for an admin while no other
** organisation has the number; otherwise the admin chooses whose.
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "complaints_cache.h"
#include "../base/base.h"
#include "../report/escape.h"
#include "../report/sheet.h"
#include "../app/casework.h"
#include "../base/i18n.h"
#include "../core/gazetteer.h"
#include "../base/banned.h"

/* The organisation the user's case work is limited to; NULL for admins. */
static const char *
cases_scope(const Req *r)
{
    return r->ses.user.eRole == ROLE_ADMIN
               ? NULL
               : (r->ses.user.zOrg ? r->ses.user.zOrg : "");
}

/* The org= that names organisation zOrg (NULL or "": none). */
static const char *
cases_org_param(const char *zOrg)
{
    return zOrg && *zOrg ? zOrg : CASE_ORG_NONE;
}

/* Append the address of case zCaseNo of organisation zOrg (NULL or "":
** none) for the user of r: with its org= for an admin, who sees every
** organisation's numbers; a case officer's numbers are its own. */
static void
cases_href(Buf *b, const Req *r, const char *zOrg, const char *zCaseNo)
{
    buf_puts(b, "/case/");
    url_encode(b, zCaseNo);
    if (r->ses.user.eRole == ROLE_ADMIN) {
        buf_puts(b, "?org=");
        url_encode(b, cases_org_param(zOrg));
    }
}

/* The organisation a request names its case by: the form's org (the case
** page's forms carry it), else the address's. */
static const char *
cases_req_org(const Req *r)
{
    const char *z = req_form(r, "org");
    return *z ? z : req_query(r, "org");
}

/* What the cases sheet lists: the organisation the user's case work is
** limited to, through the request's connection; the sheet being filled. */
typedef struct CasesList {
    const Req *r;
    const char *zScope;
    Sheet *t;
} CasesList;

/* One case as a row of the cases sheet (an admin's names whose it is). */
static int
cases_row(void *pArg, const Case *c, const CasePerson *who)
{
    const CasesList *x = pArg;
    Sheet *t = x->t;
    Buf h = BUF_INIT;
    cases_href(&h, x->r, c->zAssistingOrg, c->zCaseNo);
    sheet_link(t, c->zCaseNo, buf_str(&h));
    buf_release(&h);
    if (!x->zScope) {
        sheet_text(t, c->zAssistingOrg ? c->zAssistingOrg : "");
    }
    sheet_text(t, c->zLodged);
    sheet_text(t, case_sex_label(c->eSex));
    sheet_text(t, gaz_show(c->zDestination, i18n_current()));
    sheet_text(t, case_stage_label(c->eStage));
    Buf a = BUF_INIT;
    case_amount_format(&a, c->ordered);
    sheet_num_text(t, (double)c->ordered / 100.0, buf_str(&a));
    buf_reset(&a);
    case_amount_format(&a, c->paid);
    sheet_num_text(t, (double)c->paid / 100.0, buf_str(&a));
    buf_release(&a);
    return 0;
}

/* The 200 latest cases in the user's scope (sheet "cases"). */
static void
cases_sheet(const void *arg, const char *zId, Sheet *t)
{
    CasesList x = *(const CasesList *)arg;
    x.t = t;
    free(t->zCaption);
    t->zCaption = xstrdup(_("The 200 latest cases"));
    sheet_col(t, _("Case"));
    if (!x.zScope) {
        sheet_col(t, _("Assisting"));
    }
    sheet_col(t, _("Lodged"));
    sheet_col(t, _("Sex"));
    sheet_col(t, _("Destination"));
    sheet_col(t, _("Stage"));
    sheet_col(t, _("Ordered"));
    sheet_col(t, _("Paid"));
    AppErr err = APPERR_INIT;
    (void)store_case_list(x.r->s, x.zScope, 200, cases_row, &x, &err);
}

static const char *const azCasesSheet[] = { "cases", NULL };

/* ** PAGE: /cases */
int
page_cases(Req *r, Resp *w)
{
    const char *zScope = cases_scope(r);
    CasesList x = { r, zScope, NULL };
    if ((!zScope || *zScope) &&
        page_download(r, w, azCasesSheet, cases_sheet, &x, "cases")) {
        return 0;
    }
    page_begin(r, w,
               zScope && *zScope ? _("Cases of my organisation") : _("Cases"));
    Buf *b = &w->body;
    if (zScope && !*zScope) {
        page_notice(b, "error",
                    _("Your account belongs to no organisation: ask "
                      "an administrator to set one."));
        page_end(r, w);
        return 0;
    }
    HTML_LIT(b, "<p><a href=\"/cases/new\">");
    HTML_TR(b, "Open a new case");
    HTML_LIT(b, "</a> \xC2\xB7 <a href=\"/complaints\">");
    HTML_TR(b, "The complaints report");
    HTML_LIT(b, "</a></p>");
    Sheet t;
    sheet_init(&t, "cases", NULL);
    cases_sheet(&x, "cases", &t);
    char *zSelf = page_self(r);
    page_sheet(b, &t, zSelf);
    free(zSelf);
    sheet_release(&t);
    page_end(r, w);
    return 0;
}

/* The label of a key of each select's kind (core/cases.h). */
static const char *
cases_label_channel(const char *z)
{
    CaseChannel e;
    return case_channel_parse(z, &e) ? z : case_channel_label(e);
}

static const char *
cases_label_sex(const char *z)
{
    CaseSex e;
    return case_sex_parse(z, &e) ? z : case_sex_label(e);
}

static const char *
cases_label_legal(const char *z)
{
    CaseLegal e;
    return case_legal_parse(z, &e) ? z : case_legal_label(e);
}

static const char *
cases_label_stage(const char *z)
{
    CaseStage e;
    return case_stage_parse(z, &e) ? z : case_stage_label(e);
}

static const char *
cases_label_satisfied(const char *z)
{
    CaseSatisfied e;
    return case_satisfied_parse(z, &e) ? z : case_satisfied_label(e);
}

/* A select of the keys az[0..n): each option's value the key, its text
** the key's label (xLabel). */
static void
cases_select(Buf *b, const char *zName, const char *const *az, int n,
             const char *zSel, const char *(*xLabel)(const char *))
{
    HTML_LIT(b, "<select id=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\" name=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    for (int i = 0; i < n; i++) {
        page_option(b, az[i], xLabel(az[i]), str_eq(az[i], zSel));
    }
    HTML_LIT(b, "</select>");
}

/* A labelled input of the case forms; the places offer the gazetteer's
** names (cases_place_list()). */
static void
cases_input(Buf *b, const char *zName, const char *zLabel, const char *zValue,
            const char *zType)
{
    page_input(b, zName, zLabel, zValue, zType,
               str_eq(zName, "province") || str_eq(zName, "destination")
                   ? PAGE_INPUT_LIST
                   : 0);
}

/* The gazetteer's places of kind k as a list the input named zName
** offers (any usual spelling is accepted: casework_create() resolves). */
static void
cases_place_list(Buf *b, const char *zName, GazKind k)
{
    HTML_LIT(b, "<datalist id=\"");
    esc_html(b, zName);
    HTML_LIT(b, "_list\">");
    for (size_t i = 0; i < gaz_count(k); i++) {
        HTML_LIT(b, "<option value=\"");
        esc_html(b, gaz_show(gaz_place(k, i).zCode, i18n_current()));
        HTML_LIT(b, "\"/>");
    }
    HTML_LIT(b, "</datalist>");
}

static const char *const azSexW[] = { "female", "male", "unknown" };
static const char *const azLegalW[] = { "irregular", "regular", "unknown" };
static const char *const azChannelW[] = { "mrc", "pdolvt",  "hotline",
                                          "ngo", "embassy", "other" };
static const char *const azStageW[] = { "conciliation", "resolved", "court",
                                        "withdrawn", "closed_unresolved" };
static const char *const azSatisfiedW[] = { "unknown", "yes", "no" };

static void
cases_new_form(Req *r, Resp *w, const char *zError)
{
    page_begin(r, w, _("Open a case"));
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    HTML_LIT(b,
             "<form class=\"card entry\" method=\"post\" action=\"/cases\">");
    page_csrf_field(r, b);
    cases_input(b, "case_no", _("Case number"), req_form(r, "case_no"), "text");
    cases_input(b, "lodged_on", _("Lodged on (YYYY-MM-DD)"),
                req_form(r, "lodged_on"), "date");
    HTML_LIT(b, "<label for=\"channel\">");
    HTML_TR(b, "Channel");
    HTML_LIT(b, "</label>");
    cases_select(b, "channel", azChannelW, 6, req_form(r, "channel"),
                 cases_label_channel);
    HTML_LIT(b, "<label for=\"sex\">");
    HTML_TR(b, "Complainant's sex");
    HTML_LIT(b, "</label>");
    cases_select(b, "sex", azSexW, 3, req_form(r, "sex"), cases_label_sex);
    HTML_LIT(b, "<label for=\"legal_status\">");
    HTML_TR(b, "Legal status");
    HTML_LIT(b, "</label>");
    cases_select(b, "legal_status", azLegalW, 3, req_form(r, "legal_status"),
                 cases_label_legal);
    cases_input(b, "age_band", _("Age band"), req_form(r, "age_band"), "text");
    cases_input(b, "province", _("Province"), req_form(r, "province"), "text");
    cases_place_list(b, "province", GAZ_PROVINCE);
    cases_input(b, "destination", _("Destination country"),
                req_form(r, "destination"), "text");
    cases_place_list(b, "destination", GAZ_COUNTRY);
    cases_input(b, "sector", _("Sector"), req_form(r, "sector"), "text");
    cases_input(b, "agency", _("Recruitment agency"), req_form(r, "agency"),
                "text");
    HTML_LIT(b, "<fieldset><legend>");
    HTML_TR(b, "Complaint types");
    HTML_LIT(b, "</legend>");
    for (int t = 0; t < TYPE_COUNT; t++) {
        HTML_LIT(b, "<label><input type=\"checkbox\" name=\"type\" value=\"");
        esc_html(b, case_type_name((CaseType)t));
        HTML_LIT(b, "\"/> ");
        esc_html(b, case_type_label((CaseType)t));
        HTML_LIT(b, "</label>");
    }
    HTML_LIT(b, "</fieldset>");
    cases_input(b, "requested", _("Compensation requested (e.g. 1200.00)"),
                req_form(r, "requested"), "text");
    cases_input(b, "currency", _("Currency"),
                *req_form(r, "currency") ? req_form(r, "currency") : "USD",
                "text");
    HTML_LIT(b, "<h3>");
    HTML_TR(b, "Personal details (seen by case officers only)");
    HTML_LIT(b, "</h3>");
    cases_input(b, "name", _("Name"), req_form(r, "name"), "text");
    cases_input(b, "phone", _("Phone"), req_form(r, "phone"), "text");
    cases_input(b, "id_document", _("Identity document"),
                req_form(r, "id_document"), "text");
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Open the case");
    HTML_LIT(b, "</button></div></form>\n");
    page_end(r, w);
}

/* ** PAGE: /cases/new */
int
page_case_new(Req *r, Resp *w)
{
    cases_new_form(r, w, NULL);
    return 0;
}

/* ** PAGE: /cases (POST) */
int
page_case_create(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    /* Heap copies of the form's fields: a Case owns its strings. */
    Case c;
    memset(&c, 0, sizeof c);
    CasePerson who;
    memset(&who, 0, sizeof who);
    int rc = 0;
    const char *zLodged = req_form(r, "lodged_on");
    if (!str_is_date(zLodged)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the date lodged is not a date "
                          "written YYYY-MM-DD"));
    } else if (case_sex_parse(req_form(r, "sex"), &c.eSex) ||
               case_legal_parse(req_form(r, "legal_status"), &c.eLegal) ||
               case_channel_parse(req_form(r, "channel"), &c.eChannel)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("choose sex, legal status and "
                          "channel from the lists"));
    } else if (case_amount_parse(req_form(r, "requested"), &c.requested)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the amount requested is not an "
                          "amount (digits, at most two decimals)"));
    } else {
        const char *zCur = req_form(r, "currency");
        if (strlen(zCur) != 3) {
            rc = apperr_set(&err, APPERR_INPUT,
                            _("the currency is a three-letter "
                              "code such as USD"));
        } else {
            memcpy(c.zCurrency, zCur, 4);
        }
    }
    for (size_t i = 0; rc == 0 && i < r->form.n; i++) {
        if (strcmp(r->form.azKey[i], "type") == 0) {
            unsigned t;
            if (case_types_parse(r->form.azVal[i], &t)) {
                rc =
                    apperr_set(&err, APPERR_INPUT, _("unknown complaint type"));
            }
            c.types |= t;
        }
    }
    if (rc == 0) {
        c.zCaseNo = xstrdup(req_form(r, "case_no"));
        memcpy(c.zLodged, zLodged, 11);
        c.eStage = STAGE_LODGED;
        c.eSatisfied = SATISFIED_UNKNOWN;
        c.zAssistingOrg = NULL; /* casework_create: the officer's own */
        c.zProvince = xstrdup(req_form(r, "province"));
        c.zAgeBand = xstrdup(req_form(r, "age_band"));
        c.zDestination = xstrdup(req_form(r, "destination"));
        c.zSector = xstrdup(req_form(r, "sector"));
        c.zAgency = xstrdup(req_form(r, "agency"));
        c.zOutcome = xstrdup("");
        who.zName = xstrdup(req_form(r, "name"));
        who.zPhone = xstrdup(req_form(r, "phone"));
        who.zIdDocument = xstrdup(req_form(r, "id_document"));
        Actor actor = page_actor(r);
        rc = casework_create(r->s, &actor, &c, &who, &err);
    }
    if (rc) {
        cases_new_form(r, w, err.zMsg);
        web_fail_status(r, w, &err);
    } else {
        complaints_cache_poke();
        Buf loc = BUF_INIT;
        cases_href(&loc, r, c.zAssistingOrg, c.zCaseNo);
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
    }
    case_release(&c);
    case_person_release(&who);
    return 0;
}

/* Render the case page, with a notice; after a refused save the user's
** entries stay in the forms. */
/* A case as page_cases' sheets see it. */
typedef struct CaseShow {
    const CaseFile *f;
    const CasePerson *who;
} CaseShow;

/* The case's facts, one per row (sheet "case"). */
static void
case_sheet(const void *arg, const char *zId, Sheet *t)
{
    const CaseShow *x = arg;
    const Case *c = &x->f->c;
    t->bRowHeads = 1;
    sheet_col(t, _("Field"));
    sheet_col(t, _("Value"));
    Buf v = BUF_INIT;
    sheet_text(t, _("Lodged"));
    buf_printf(&v, "%s (%s)", c->zLodged, case_channel_label(c->eChannel));
    sheet_text(t, buf_str(&v));
    sheet_text(t, _("Assisting"));
    sheet_text(t, c->zAssistingOrg ? c->zAssistingOrg : "");
    sheet_text(t, _("Complainant"));
    buf_reset(&v);
    buf_printf(&v, "%s, %s", case_sex_label(c->eSex),
               case_legal_label(c->eLegal));
    if (*c->zAgeBand) {
        buf_printf(&v, ", %s", c->zAgeBand);
    }
    buf_printf(&v, "; %s \xE2\x86\x92 %s",
               gaz_show(c->zProvince, i18n_current()),
               gaz_show(c->zDestination, i18n_current()));
    sheet_text(t, buf_str(&v));
    sheet_text(t, _("Personal details"));
    buf_reset(&v);
    buf_printf(&v, "%s %s %s", x->who->zName ? x->who->zName : "",
               x->who->zPhone ? x->who->zPhone : "",
               x->who->zIdDocument ? x->who->zIdDocument : "");
    sheet_text(t, buf_str(&v));
    sheet_text(t, _("Complaint"));
    buf_reset(&v);
    for (int k = 0, n = 0; k < TYPE_COUNT; k++) {
        if (c->types & (1u << k)) {
            buf_printf(&v, "%s%s", n++ ? ", " : "",
                       case_type_label((CaseType)k));
        }
    }
    sheet_text(t, buf_str(&v));
    sheet_text(t, _("Stage"));
    buf_reset(&v);
    buf_puts(&v, case_stage_label(c->eStage));
    if (*c->zResolved) {
        buf_printf(&v, _(" on %s"), c->zResolved);
        if (c->eStage == STAGE_RESOLVED) {
            char zBy[11];
            case_three_months_after(c->zLodged, zBy);
            buf_puts(&v, strcmp(c->zResolved, zBy) <= 0
                             ? _(" (within 3 months)")
                             : _(" (after 3 months)"));
        }
    }
    buf_printf(&v, _("; satisfied: %s"), case_satisfied_label(c->eSatisfied));
    sheet_text(t, buf_str(&v));
    sheet_text(t, _("Compensation"));
    buf_reset(&v);
    case_amount_format(&v, c->requested);
    buf_puts(&v, " requested, ");
    case_amount_format(&v, c->ordered);
    buf_puts(&v, " ordered, ");
    case_amount_format(&v, c->paid);
    buf_printf(&v, _(" paid (%s)"), c->zCurrency);
    sheet_text(t, buf_str(&v));
    buf_release(&v);
}

static const char *const azCaseSheet[] = { "case", NULL };

/* An admin's number that several organisations have: whose, as links. */
static void
case_choose(Req *r, Resp *w, const AppErr *err, char **azOrg, size_t nOrg)
{
    Buf title = BUF_INIT;
    buf_printf(&title, _("Case %s"), r->azParam[0]);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    w->status = 300; /* Multiple Choices */
    Buf *b = &w->body;
    page_notice(b, "error", err->zMsg);
    HTML_LIT(b, "<ul>");
    for (size_t i = 0; i < nOrg; i++) {
        Buf h = BUF_INIT;
        cases_href(&h, r, azOrg[i], r->azParam[0]);
        HTML_LIT(b, "<li><a href=\"");
        esc_html(b, buf_str(&h));
        HTML_LIT(b, "\">");
        if (*azOrg[i]) {
            esc_html(b, azOrg[i]);
        } else {
            HTML_TR(b, "no assisting organisation");
        }
        HTML_LIT(b, "</a></li>");
        buf_release(&h);
    }
    HTML_LIT(b, "</ul>\n");
    page_end(r, w);
}

/* The hidden field that names the case's organisation in its forms. */
static void
cases_org_field(Buf *b, const Case *c)
{
    HTML_LIT(b, "<input type=\"hidden\" name=\"org\" value=\"");
    esc_html(b, cases_org_param(c->zAssistingOrg));
    HTML_LIT(b, "\"/>");
}

static void
case_render(Req *r, Resp *w, const char *zNotice, const char *zKind)
{
    CaseFile f;
    CasePerson who;
    AppErr err = APPERR_INIT;
    Actor actor = page_actor(r);
    char **azOrg = NULL;
    size_t nOrg = 0;
    if (casework_get(r->s, &actor, cases_req_org(r), r->azParam[0], &f, &who,
                     &azOrg, &nOrg, &err)) {
        if (nOrg > 1) {
            case_choose(r, w, &err, azOrg, nOrg);
        } else if (err.code == APPERR_NOTFOUND) {
            web_error(r, w, 404, _("There is no such case."));
        } else {
            web_fail(r, w, &err);
        }
        for (size_t i = 0; i < nOrg; i++) {
            free(azOrg[i]);
        }
        free(azOrg);
        return;
    }
    CaseShow dl = { &f, &who };
    if (!zNotice &&
        page_download(r, w, azCaseSheet, case_sheet, &dl, f.c.zCaseNo)) {
        case_file_release(&f);
        case_person_release(&who);
        return;
    }
    Buf title = BUF_INIT;
    buf_printf(&title, _("Case %s"), f.c.zCaseNo);
    page_begin(r, w, buf_str(&title));
    buf_release(&title);
    Buf *b = &w->body;
    int bKeep = zNotice && strcmp(zKind, "error") == 0;
    if (zNotice) {
        page_notice(b, zKind, zNotice);
    }
    CaseShow cs = { &f, &who };
    Sheet t;
    sheet_init(&t, "case", NULL);
    case_sheet(&cs, "case", &t);
    char *zSelf = page_self(r);
    page_sheet(b, &t, zSelf);
    free(zSelf);
    sheet_release(&t);
    HTML_LIT(b, "<h2>");
    HTML_TR(b, "Timeline");
    HTML_LIT(b, "</h2><ol>");
    for (size_t i = 0; i < f.nEvent; i++) {
        HTML_LIT(b, "<li>");
        esc_html(b, f.aEvent[i].zOn);
        buf_puts(b, ": ");
        esc_html(b, case_stage_label(f.aEvent[i].eStage));
        if (*f.aEvent[i].zNote) {
            buf_puts(b, " \xE2\x80\x94 ");
            esc_html(b, f.aEvent[i].zNote);
        }
        HTML_LIT(b, " <span class=\"small\">(");
        esc_html(b, f.aEvent[i].zActor);
        HTML_LIT(b, ")</span></li>");
    }
    for (size_t i = 0; i < f.nPayment; i++) {
        HTML_LIT(b, "<li>");
        esc_html(b, f.aPayment[i].zOn);
        HTML_LIT(b, ": ");
        HTML_TR(b, "payment received");
        HTML_LIT(b, ", ");
        case_amount_format(b, f.aPayment[i].amount);
        buf_putc(b, ' ');
        esc_html(b, f.c.zCurrency);
        HTML_LIT(b, " <span class=\"small\">(");
        esc_html(b, f.aPayment[i].zActor);
        HTML_LIT(b, ")</span></li>");
    }
    HTML_LIT(b, "</ol>\n");
    /* Forms: a stage, a payment, the details. */
    Buf action = BUF_INIT;
    buf_puts(&action, "/case/");
    url_encode(&action, f.c.zCaseNo);
    size_t nBase = action.n;
    buf_puts(&action, "/stage");
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    esc_html(b, buf_str(&action));
    HTML_LIT(b, "\"><h3>");
    HTML_TR(b, "Record a stage");
    HTML_LIT(b, "</h3>");
    page_csrf_field(r, b);
    cases_org_field(b, &f.c);
    buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
               f.iVersion);
    HTML_LIT(b, "<label for=\"stage\">");
    HTML_TR(b, "Stage reached");
    HTML_LIT(b, "</label>");
    cases_select(b, "stage", azStageW, 5, bKeep ? req_form(r, "stage") : "",
                 cases_label_stage);
    cases_input(b, "on", _("On (YYYY-MM-DD)"), bKeep ? req_form(r, "on") : "",
                "date");
    cases_input(b, "note", _("Note"), bKeep ? req_form(r, "note") : "", "text");
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Record the stage");
    HTML_LIT(b, "</button></div></form>");
    buf_truncate(&action, nBase);
    buf_puts(&action, "/payment");
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    esc_html(b, buf_str(&action));
    HTML_LIT(b, "\"><h3>");
    HTML_TR(b, "Record a payment received");
    HTML_LIT(b, "</h3>");
    page_csrf_field(r, b);
    cases_org_field(b, &f.c);
    cases_input(b, "paid_on", _("Paid on (YYYY-MM-DD)"),
                bKeep ? req_form(r, "paid_on") : "", "date");
    cases_input(b, "amount", _("Amount"), bKeep ? req_form(r, "amount") : "",
                "text");
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Record the payment");
    HTML_LIT(b, "</button></div></form>");
    buf_truncate(&action, nBase);
    buf_puts(&action, "/details");
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    esc_html(b, buf_str(&action));
    HTML_LIT(b, "\"><h3>");
    HTML_TR(b, "Outcome and compensation");
    HTML_LIT(b, "</h3>");
    page_csrf_field(r, b);
    cases_org_field(b, &f.c);
    buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
               f.iVersion);
    HTML_LIT(b, "<label for=\"satisfied\">");
    HTML_TR(b, "Complainant satisfied");
    HTML_LIT(b, "</label>");
    cases_select(b, "satisfied", azSatisfiedW, 3,
                 bKeep ? req_form(r, "satisfied")
                       : case_satisfied_name(f.c.eSatisfied),
                 cases_label_satisfied);
    cases_input(b, "outcome", _("Outcome"),
                bKeep ? req_form(r, "outcome") : f.c.zOutcome, "text");
    Buf amt = BUF_INIT;
    case_amount_format(&amt, f.c.requested);
    cases_input(b, "requested", _("Compensation requested"),
                bKeep ? req_form(r, "requested") : buf_str(&amt), "text");
    buf_reset(&amt);
    case_amount_format(&amt, f.c.ordered);
    cases_input(b, "ordered", _("Compensation ordered"),
                bKeep ? req_form(r, "ordered") : buf_str(&amt), "text");
    buf_release(&amt);
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Save");
    HTML_LIT(b, "</button></div></form>\n");
    buf_release(&action);
    page_end(r, w);
    case_file_release(&f);
    case_person_release(&who);
}

/* ** PAGE: /case/{} */
int
page_case(Req *r, Resp *w)
{
    const char *zDone = req_query(r, "saved");
    case_render(r, w, *zDone ? "Saved." : NULL, "ok");
    return 0;
}

static void
case_finish(Req *r, Resp *w, int rc, const AppErr *err)
{
    if (rc == 0) {
        complaints_cache_poke();
        Buf loc = BUF_INIT;
        buf_puts(&loc, "/case/");
        url_encode(&loc, r->azParam[0]);
        buf_puts(&loc, "?saved=1");
        if (r->ses.user.eRole == ROLE_ADMIN && *cases_req_org(r)) {
            buf_puts(&loc, "&org=");
            url_encode(&loc, cases_req_org(r));
        }
        resp_redirect(w, buf_str(&loc));
        buf_release(&loc);
        return;
    }
    if (err->code == APPERR_NOTFOUND) {
        web_error(r, w, 404, _("There is no such case."));
        return;
    }
    resp_reset_body(w);
    case_render(r, w, err->zMsg, "error");
    if (w->status == 200) {
        web_fail_status(r, w, err);
    }
}

static int
case_version(const Req *r)
{
    long v = 0;
    return str_to_long(req_form(r, "version"), 0, 1L << 30, &v) ? -1 : (int)v;
}

/* ** PAGE: /case/{}/stage (POST) */
int
page_case_stage(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    CaseStage e;
    int rc;
    if (case_stage_parse(req_form(r, "stage"), &e) || case_version(r) < 0) {
        rc = apperr_set(&err, APPERR_INPUT, _("choose a stage from the list"));
    } else {
        Actor who = page_actor(r);
        rc = casework_stage(r->s, &who, cases_req_org(r), r->azParam[0], e,
                            req_form(r, "on"), req_form(r, "note"),
                            case_version(r), &err);
    }
    case_finish(r, w, rc, &err);
    return 0;
}

/* ** PAGE: /case/{}/payment (POST) */
int
page_case_payment(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    int64_t amount;
    int rc;
    if (case_amount_parse(req_form(r, "amount"), &amount)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("the amount is not an amount "
                          "(digits, at most two decimals)"));
    } else {
        Actor who = page_actor(r);
        rc = casework_payment(r->s, &who, cases_req_org(r), r->azParam[0],
                              req_form(r, "paid_on"), amount, &err);
    }
    case_finish(r, w, rc, &err);
    return 0;
}

/* ** PAGE: /case/{}/details (POST) */
int
page_case_details(Req *r, Resp *w)
{
    AppErr err = APPERR_INIT;
    CaseSatisfied eS;
    int64_t requested, ordered;
    int rc;
    if (case_satisfied_parse(req_form(r, "satisfied"), &eS) ||
        case_amount_parse(req_form(r, "requested"), &requested) ||
        case_amount_parse(req_form(r, "ordered"), &ordered) ||
        case_version(r) < 0) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("check the amounts (digits, at most "
                          "two decimals) and the choice of satisfaction"));
    } else {
        Actor who = page_actor(r);
        rc = casework_details(r->s, &who, cases_req_org(r), r->azParam[0], eS,
                              req_form(r, "outcome"), requested, ordered,
                              case_version(r), &err);
    }
    case_finish(r, w, rc, &err);
    return 0;
}
