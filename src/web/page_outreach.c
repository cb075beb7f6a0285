/*
** page_outreach.c — outreach events, upcoming events and media coverage
** (/outreach, /outreach/new, /outreach/ID, /media/...) and migration
** statistics (/statistics, /statistics/new, /statistics/ID) in the
** browser.
**
** Everyone who may read the site reads the lists, by period (a quarter or
** a year: the events whose first day falls in it), kind, organisation and
** province, each table downloadable as CSV or XLSX.  A reporter records
** and changes the events of its own organisation, the M&E officer and
** administrators any event, media article and statistics figure: the
** rules are core's (outreach_may_write(), stat_may_write()), the writes
** app/outreach.h's, with the version the form showed (a form saved after
** someone else's change is refused with 409 and shown again).  A refused
** form is shown again with what was typed and the message, which names
** the field first ("total: ...").
*/
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "../app/outreach.h"
#include "../base/base.h"
#include "../core/briefing.h"
#include "../core/gazetteer.h"
#include "../core/rules.h"
#include "../report/escape.h"
#include "../report/sheet.h"
#include "../base/banned.h"

/* ---- shared ------------------------------------------------------------ */

/* The label of code zKey of kind k, in the reader's language. */
static const char *
out_label(CodeKind k, int i)
{
    size_t n;
    const CodeName *a = code_table(k, &n);
    return i >= 0 && (size_t)i < n ? _(a[i].zLabel) : "";
}

/* The stored row id named by the address's parameter, or 0. */
static long long
out_id(const Req *r)
{
    long v = 0;
    if (r->nParam < 1 || str_to_long(r->azParam[0], 1, 2147483647L, &v)) {
        return 0;
    }
    return v;
}

/* A count typed in field zName ("" : not given) into *pv. */
static int
out_count(const char *zName, const char *z, int64_t *pv, AppErr *err)
{
    long v;
    if (!*z) {
        *pv = OUTREACH_NONE;
        return 0;
    }
    if (str_to_long(z, 0, 2000000000L, &v)) {
        return apperr_set(err, APPERR_INPUT,
                          _("%s: '%s' is not a whole number of people"), zName,
                          z);
    }
    *pv = v;
    return 0;
}

/* A heap copy of z, NULL when empty. */
static char *
out_dup(const char *z)
{
    return *z ? xstrdup(z) : NULL;
}

/* "a, b, c" of az[0..n) into the text out (not a page: escaped later). */
static void
out_join(Buf *out, char *const *az, size_t n, const char *zSep)
{
    for (size_t i = 0; i < n; i++) {
        buf_printf(out, "%s%s", i ? zSep : "", az[i]);
    }
}

/* A date (YYYY-MM-DD) or a period as people read them, into the text
** out. */
static void
out_dates(Buf *out, const char *zFrom, const char *zTo)
{
    char z[STR_TIME_LOCAL_BYTES];
    str_date_format(zFrom, 1, z, sizeof z);
    buf_puts(out, z);
    if (zTo && !str_eq(zTo, zFrom)) {
        str_date_format(zTo, 1, z, sizeof z);
        buf_printf(out, " \xE2\x80\x93 %s", z);
    }
}

/* A labelled input of the entry forms; a number input is a count. */
static void
out_input(Buf *b, const char *zName, const char *zLabel, const char *zValue,
          const char *zType)
{
    page_input(b, zName, zLabel, zValue, zType,
               str_eq(zType, "number") ? PAGE_INPUT_COUNT : 0);
}

static void
out_label_for(Buf *b, const char *zName, const char *zLabel)
{
    HTML_LIT(b, "<label for=\"");
    esc_html(b, zName);
    HTML_LIT(b, "\">");
    esc_html(b, zLabel);
    HTML_LIT(b, "</label>");
}

/* The gazetteer's places of kind k as a list the inputs offer (any usual
** spelling is accepted: the use case resolves). */
static void
out_place_list(Buf *b, const char *zId, GazKind k)
{
    HTML_LIT(b, "<datalist id=\"");
    esc_html(b, zId);
    HTML_LIT(b, "\">");
    for (size_t i = 0; i < gaz_count(k); i++) {
        HTML_LIT(b, "<option value=\"");
        esc_html(b, gaz_show(gaz_place(k, i).zCode, i18n_current()));
        HTML_LIT(b, "\"/>");
    }
    HTML_LIT(b, "</datalist>");
}

/* The hidden version field and CSRF token of an entry form posting to
** zAction. */
static void
out_form_begin(Buf *b, const Req *r, const char *zAction, int iVersion)
{
    HTML_LIT(b, "<form class=\"card entry\" method=\"post\" action=\"");
    esc_html(b, zAction);
    HTML_LIT(b, "\">");
    page_csrf_field(r, b);
    buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
               iVersion);
}

/* A form with one button posting the version to zAction (a delete). */
static void
out_delete_form(Buf *b, const Req *r, const char *zAction, int iVersion,
                const char *zButton)
{
    HTML_LIT(b, "<form class=\"card\" method=\"post\" action=\"");
    esc_html(b, zAction);
    HTML_LIT(b, "\">");
    page_csrf_field(r, b);
    buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%d\"/>",
               iVersion);
    HTML_LIT(b, "<button type=\"submit\" class=\"danger\">");
    esc_html(b, zButton);
    HTML_LIT(b, "</button></form>\n");
}

/* The version a form sent (0: none, as for a new record). */
static int
out_version(const Req *r)
{
    long v = 0;
    return str_to_long(req_form(r, "version"), 0, 2147483647L, &v) ? 0 : (int)v;
}

/* A record's save or delete through the use case of its kind. */
typedef int (*OutSave)(Req *r, Resp *w, long long id);
typedef int (*OutDelete)(Store *s, const Actor *who, long long id, int iVersion,
                         AppErr *err);

/* POST /KIND/{id}: save record id through xSave; an id that is none is
** zNoSuch (404). */
static int
out_post_id(Req *r, Resp *w, OutSave xSave, const char *zNoSuch)
{
    long long id = out_id(r);
    if (!id) {
        web_error(r, w, 404, zNoSuch);
        return 0;
    }
    return xSave(r, w, id);
}

/* POST /KIND/{id}/delete: delete through xDelete at the form's version,
** then back to zBack. */
static int
out_delete(Req *r, Resp *w, OutDelete xDelete, const char *zBack)
{
    AppErr err = APPERR_INIT;
    Actor who = page_actor(r);
    if (xDelete(r->s, &who, out_id(r), out_version(r), &err)) {
        web_fail(r, w, &err);
        return 0;
    }
    resp_redirect(w, zBack);
    return 0;
}

/* ---- /outreach --------------------------------------------------------- */

/* What the list shows: the records read, the filters, the reader. */
typedef struct OutList {
    const Req *r;
    Actor who;
    OutreachData d;
    int eKind;          /* -1: any */
    const char *zOrg;   /* "": any */
    const char *zPlace; /* a province's code, "": any */
} OutList;

/* Whether event o passes the list's filters. */
static int
out_shown(const OutList *x, const Outreach *o, OutreachStatus e)
{
    if (o->eStatus != e || (x->eKind >= 0 && (int)o->eKind != x->eKind)) {
        return 0;
    }
    int bOrg = !*x->zOrg, bPlace = !*x->zPlace;
    for (size_t i = 0; !bOrg && i < o->nOrg; i++) {
        bOrg = str_eq(o->azOrg[i], x->zOrg);
    }
    for (size_t i = 0; !bPlace && i < o->nPlace; i++) {
        bPlace = str_eq(o->azPlace[i], x->zPlace);
    }
    return bOrg && bPlace;
}

/* The cells of an event's title (a link to its form when the reader may
** change it), places, organisations and activities (links). */
static void
out_event_cells(const OutList *x, Sheet *t, const Outreach *o)
{
    Buf v = BUF_INIT;
    out_dates(&v, o->zFrom, o->zTo);
    sheet_text(t, buf_str(&v));
    AppErr err = APPERR_INIT;
    if (x->r->bAuthed && outreach_may_write(&x->who, o, &err) == 0) {
        buf_reset(&v);
        buf_printf(&v, "/outreach/%lld", o->id);
        sheet_link(t, o->zTitle, buf_str(&v));
    } else {
        sheet_text(t, o->zTitle);
    }
    sheet_text(t, out_label(CODE_OUTREACH_KIND, (int)o->eKind));
    buf_reset(&v);
    for (size_t i = 0; i < o->nPlace; i++) {
        buf_printf(&v, "%s%s", i ? ", " : "",
                   gaz_show(o->azPlace[i], i18n_current()));
    }
    sheet_text(t, buf_str(&v));
    buf_reset(&v);
    out_join(&v, o->azOrg, o->nOrg, ", ");
    sheet_text(t, buf_str(&v));
    buf_release(&v);
}

static void
out_activity_cell(Sheet *t, const Outreach *o)
{
    Buf text = BUF_INIT, html = BUF_INIT;
    for (size_t i = 0; i < o->nActivity; i++) {
        buf_printf(&text, "%s%s", i ? ", " : "", o->azActivity[i]);
        Buf href = BUF_INIT;
        buf_puts(&href, "/activity/");
        url_encode(&href, o->azActivity[i]);
        if (o->zPlan) {
            buf_puts(&href, "?plan=");
            url_encode(&href, o->zPlan);
        }
        if (i) {
            HTML_LIT(&html, ", ");
        }
        HTML_LIT(&html, "<a href=\"");
        esc_html(&html, buf_str(&href));
        HTML_LIT(&html, "\">");
        esc_html(&html, o->azActivity[i]);
        HTML_LIT(&html, "</a>");
        buf_release(&href);
    }
    sheet_text_markup(t, buf_str(&text), buf_str(&html));
    buf_release(&text);
    buf_release(&html);
}

static void
out_count_cell(Sheet *t, int64_t v)
{
    if (v == OUTREACH_NONE) {
        sheet_text(t, "");
    } else {
        sheet_num(t, (long)v);
    }
}

/* The events held (sheet "events", with a totals row), the upcoming ones
** (sheet "upcoming") and the media articles (sheet "media"). */
static void
out_sheet(const void *arg, const char *zId, Sheet *t)
{
    const OutList *x = arg;
    if (str_eq(zId, "media")) {
        sheet_caption(t, "%s", _("Media coverage"));
        sheet_col(t, _("Date"));
        sheet_col(t, _("Title"));
        sheet_col(t, _("Outlet"));
        sheet_col(t, _("Link"));
        int bEdit = x->r->bAuthed && rules_is_editor(&x->who);
        for (size_t i = 0; i < x->d.nMedia; i++) {
            const Media *m = &x->d.aMedia[i];
            char z[STR_TIME_LOCAL_BYTES];
            str_date_format(m->zDate, 1, z, sizeof z);
            sheet_text(t, z);
            if (bEdit) {
                Buf h = BUF_INIT;
                buf_printf(&h, "/media/%lld", m->id);
                sheet_link(t, m->zTitle, buf_str(&h));
                buf_release(&h);
            } else {
                sheet_text(t, m->zTitle);
            }
            sheet_text(t, m->zOutlet);
            sheet_text(t, m->zLink ? m->zLink : "");
        }
        return;
    }
    int bUpcoming = str_eq(zId, "upcoming");
    sheet_caption(t, "%s", bUpcoming ? _("Upcoming events") : _("Events held"));
    sheet_col(t, _("Date"));
    sheet_col(t, _("Title"));
    sheet_col(t, _("Kind"));
    sheet_col(t, _("Places"));
    sheet_col(t, _("Organisations"));
    sheet_col(t, _("Activities"));
    if (bUpcoming) {
        sheet_col(t, _("Purpose"));
        sheet_col(t, _("Attendees"));
    } else {
        sheet_col(t, _("Women"));
        sheet_col(t, _("Men"));
        sheet_col(t, _("Total"));
        sheet_col(t, _("Notes"));
    }
    int64_t nWomen = 0, nMen = 0, nTotal = 0;
    size_t nRow = 0;
    for (size_t i = 0; i < x->d.nEv; i++) {
        const Outreach *o = &x->d.aEv[i];
        if (!out_shown(x, o, bUpcoming ? OUTREACH_PLANNED : OUTREACH_HELD)) {
            continue;
        }
        nRow++;
        out_event_cells(x, t, o);
        out_activity_cell(t, o);
        if (bUpcoming) {
            sheet_text(t, o->zPurpose ? o->zPurpose : "");
            sheet_text(t, o->zAttendees ? o->zAttendees : "");
            continue;
        }
        out_count_cell(t, o->n.women);
        out_count_cell(t, o->n.men);
        out_count_cell(t, o->n.total);
        sheet_text_clip(t, o->zNotes ? o->zNotes : "", 80);
        nWomen += o->n.women == OUTREACH_NONE ? 0 : o->n.women;
        nMen += o->n.men == OUTREACH_NONE ? 0 : o->n.men;
        nTotal += o->n.total == OUTREACH_NONE ? 0 : o->n.total;
    }
    if (!bUpcoming && nRow > 0) {
        sheet_text(t, _("Total"));
        for (int k = 0; k < 5; k++) {
            sheet_text(t, "");
        }
        sheet_num(t, (long)nWomen);
        sheet_num(t, (long)nMen);
        sheet_num(t, (long)nTotal);
        sheet_text(t, "");
    }
}

static const char *const azOutSheet[] = { "events", "upcoming", "media", NULL };

/* The first and last day of period z (a quarter "2019Q3" or a year
** "2019") into zFrom, zTo; -1 when it is neither. */
static int
out_period(const char *z, char zFrom[11], char zTo[11])
{
    long y;
    if (strlen(z) == 4 && str_to_long(z, 1900, 2999, &y) == 0) {
        memcpy(zFrom, z, 4);
        memcpy(zFrom + 4, "-01-01", 7);
        memcpy(zTo, z, 4);
        memcpy(zTo + 4, "-12-31", 7);
        return 0;
    }
    BriefQuarter q;
    AppErr err = APPERR_INIT;
    if (briefing_quarter_parse(z, &q, &err)) {
        return -1;
    }
    memcpy(zFrom, q.zFrom, 11);
    memcpy(zTo, q.zTo, 11);
    return 0;
}

/* ** PAGE: /outreach */
int
page_outreach(Req *r, Resp *w)
{
    const char *zPeriod = req_query(r, "period");
    char zFrom[11] = "", zTo[11] = "";
    if (*zPeriod && out_period(zPeriod, zFrom, zTo)) {
        web_error(r, w, 400,
                  _("The period is a quarter, as 2019Q3, or a year, as "
                    "2019."));
        return 0;
    }
    OutList x;
    memset(&x, 0, sizeof x);
    x.r = r;
    x.who = page_actor(r);
    x.eKind = *req_query(r, "kind")
                  ? code_index(CODE_OUTREACH_KIND, req_query(r, "kind"))
                  : -1;
    x.zOrg = req_query(r, "org");
    x.zPlace = req_query(r, "province");
    AppErr err = APPERR_INIT;
    if (app_outreach_read(r->s, *zFrom ? zFrom : NULL, *zTo ? zTo : NULL, &x.d,
                          &err)) {
        app_outreach_data_release(&x.d);
        web_fail(r, w, &err);
        return 0;
    }
    if (page_download(r, w, azOutSheet, out_sheet, &x, "outreach")) {
        app_outreach_data_release(&x.d);
        return 0;
    }
    const Model *m = page_load_model(r, w);
    if (!m) {
        app_outreach_data_release(&x.d);
        return 0;
    }
    page_begin(r, w, _("Outreach and events"));
    Buf *b = &w->body;
    const char *zSaved = req_query(r, "saved");
    if (str_eq(zSaved, "event")) {
        page_notice(b, "ok", _("The event is saved."));
    } else if (str_eq(zSaved, "deleted")) {
        page_notice(b, "ok", _("The record is deleted."));
    } else if (str_eq(zSaved, "media")) {
        page_notice(b, "ok", _("The article is saved."));
    }
    HTML_LIT(b, "<form class=\"filters\" method=\"get\" action=\"/outreach\">");
    out_input(b, "period", _("Quarter or year (such as 2019Q3)"), zPeriod,
              "text");
    out_label_for(b, "kind", _("Kind"));
    HTML_LIT(b, "<select id=\"kind\" name=\"kind\">");
    page_option(b, "", _("Any kind"), x.eKind < 0);
    size_t nKind;
    const CodeName *aKind = code_table(CODE_OUTREACH_KIND, &nKind);
    for (size_t i = 0; i < nKind; i++) {
        page_option(b, aKind[i].zKey, _(aKind[i].zLabel), x.eKind == (int)i);
    }
    HTML_LIT(b, "</select>");
    out_label_for(b, "org", _("Organisation"));
    page_select_org(b, m, "org", "org", _("Any organisation"), x.zOrg);
    out_label_for(b, "province", _("Province"));
    HTML_LIT(b, "<select id=\"province\" name=\"province\">");
    page_option(b, "", _("Any province"), !*x.zPlace);
    for (size_t i = 0; i < gaz_count(GAZ_PROVINCE); i++) {
        const char *zCode = gaz_place(GAZ_PROVINCE, i).zCode;
        page_option(b, zCode, gaz_show(zCode, i18n_current()),
                    str_eq(zCode, x.zPlace));
    }
    HTML_LIT(b, "</select> <button type=\"submit\">");
    HTML_TR(b, "Show");
    HTML_LIT(b, "</button></form>\n<p>");
    Role e = r->ses.user.eRole;
    if (r->bAuthed && (e == ROLE_REPORTER || rules_is_editor(&x.who))) {
        HTML_LIT(b, "<a class=\"button\" href=\"/outreach/new\">");
        HTML_TR(b, "Record an event");
        HTML_LIT(b, "</a> ");
    }
    if (r->bAuthed && rules_is_editor(&x.who)) {
        HTML_LIT(b, "<a class=\"button\" href=\"/media/new\">");
        HTML_TR(b, "Record an article");
        HTML_LIT(b, "</a> ");
    }
    HTML_LIT(b, "<a href=\"/statistics\">");
    HTML_TR(b, "Migration statistics");
    HTML_LIT(b, "</a>");
    if (r->bAuthed) {
        HTML_LIT(b, " \xC2\xB7 <a href=\"/briefing\">");
        HTML_TR(b, "Quarterly briefing");
        HTML_LIT(b, "</a>");
    }
    HTML_LIT(b, "</p>\n");
    char *zSelf = page_self(r);
    for (size_t i = 0; azOutSheet[i]; i++) {
        Sheet t;
        sheet_init(&t, azOutSheet[i], NULL);
        out_sheet(&x, azOutSheet[i], &t);
        HTML_LIT(b, "<section>");
        if (sheet_rows(&t) == 0) {
            HTML_LIT(b, "<h2>");
            esc_html(b, t.zCaption);
            HTML_LIT(b, "</h2><p>");
            HTML_TR(b, "None recorded for these choices.");
            HTML_LIT(b, "</p>");
        } else {
            page_sheet(b, &t, zSelf);
        }
        HTML_LIT(b, "</section>\n");
        sheet_release(&t);
    }
    free(zSelf);
    page_end(r, w);
    app_outreach_data_release(&x.d);
    return 0;
}

/* ---- the event form ---------------------------------------------------- */

/* The fields of the event form, as text: from the stored event (to
** change it) or as typed (shown again after a refusal). */
enum {
    EVF_DATE = 0,
    EVF_DATE_TO,
    EVF_TITLE,
    EVF_KIND,
    EVF_STATUS,
    EVF_PLACES,
    EVF_ORG,
    EVF_ORG_MORE,
    EVF_ACTIVITIES,
    EVF_WOMEN,
    EVF_MEN,
    EVF_UNKNOWN,
    EVF_TOTAL,
    EVF_PURPOSE,
    EVF_ATTENDEES,
    EVF_NOTES,
    EVF_PLAN, /* the plan of the activities: a hidden field */
    EVF_COUNT
};

static const char *const azEvField[EVF_COUNT] = {
    "date",  "date_to",  "title",      "kind",  "status", "places",
    "org",   "org_more", "activities", "women", "men",    "unknown",
    "total", "purpose",  "attendees",  "notes", "plan",
};

typedef struct EvForm {
    char *az[EVF_COUNT]; /* heap, never NULL */
} EvForm;

static void
ev_form_release(EvForm *f)
{
    for (int i = 0; i < EVF_COUNT; i++) {
        free(f->az[i]);
    }
}

static void
ev_form_from_req(const Req *r, EvForm *f)
{
    for (int i = 0; i < EVF_COUNT; i++) {
        f->az[i] = xstrdup(req_form(r, azEvField[i]));
    }
}

static char *
ev_count_text(int64_t v)
{
    Buf b = BUF_INIT;
    if (v != OUTREACH_NONE) {
        buf_printf(&b, "%lld", (long long)v);
    }
    return buf_detach(&b);
}

static void
ev_form_from_event(const Outreach *o, EvForm *f)
{
    Buf b = BUF_INIT;
    f->az[EVF_DATE] = xstrdup(o->zFrom);
    f->az[EVF_DATE_TO] = xstrdup(o->zTo ? o->zTo : "");
    f->az[EVF_TITLE] = xstrdup(o->zTitle);
    f->az[EVF_KIND] =
        xstrdup(code_table(CODE_OUTREACH_KIND, &(size_t){ 0 })[o->eKind].zKey);
    f->az[EVF_STATUS] = xstrdup(
        code_table(CODE_OUTREACH_STATUS, &(size_t){ 0 })[o->eStatus].zKey);
    for (size_t i = 0; i < o->nPlace; i++) {
        buf_printf(&b, "%s%s", i ? "; " : "", gaz_show(o->azPlace[i], I18N_EN));
    }
    f->az[EVF_PLACES] = buf_detach(&b);
    f->az[EVF_ORG] = xstrdup(o->nOrg ? o->azOrg[0] : "");
    b = (Buf)BUF_INIT;
    out_join(&b, o->nOrg > 1 ? o->azOrg + 1 : NULL,
             o->nOrg > 1 ? o->nOrg - 1 : 0, "; ");
    f->az[EVF_ORG_MORE] = buf_detach(&b);
    b = (Buf)BUF_INIT;
    out_join(&b, o->azActivity, o->nActivity, "; ");
    f->az[EVF_ACTIVITIES] = buf_detach(&b);
    f->az[EVF_WOMEN] = ev_count_text(o->n.women);
    f->az[EVF_MEN] = ev_count_text(o->n.men);
    f->az[EVF_UNKNOWN] = ev_count_text(o->n.unknown);
    f->az[EVF_TOTAL] = ev_count_text(o->n.total);
    f->az[EVF_PURPOSE] = xstrdup(o->zPurpose ? o->zPurpose : "");
    f->az[EVF_ATTENDEES] = xstrdup(o->zAttendees ? o->zAttendees : "");
    f->az[EVF_NOTES] = xstrdup(o->zNotes ? o->zNotes : "");
    f->az[EVF_PLAN] = xstrdup(o->zPlan ? o->zPlan : "");
}

/* The event form: a new event (id 0) or event id at iVersion, with its
** fields f and a refusal's message zError (or NULL). */
static void
ev_form_page(Req *r, Resp *w, const Model *m, long long id, int iVersion,
             const EvForm *f, const char *zError)
{
    page_begin(r, w, id ? _("Change an event") : _("Record an event"));
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    Buf action = BUF_INIT;
    if (id) {
        buf_printf(&action, "/outreach/%lld", id);
    } else {
        buf_puts(&action, "/outreach");
    }
    out_form_begin(b, r, buf_str(&action), iVersion);
    if (*f->az[EVF_PLAN]) {
        /* The activities are codes of this plan (page_plan_code()). */
        page_hidden(b, "plan", f->az[EVF_PLAN]);
    }
    out_input(b, "date", _("Date, or first day"), f->az[EVF_DATE], "date");
    out_input(b, "date_to", _("Last day (of an event over several days)"),
              f->az[EVF_DATE_TO], "date");
    out_input(b, "title", _("Title"), f->az[EVF_TITLE], "text");
    out_label_for(b, "kind", _("Kind"));
    page_select_code(b, "kind", "kind", CODE_OUTREACH_KIND, f->az[EVF_KIND]);
    out_label_for(b, "status", _("Held or planned"));
    page_select_code(b, "status", "status", CODE_OUTREACH_STATUS,
                     f->az[EVF_STATUS]);
    out_input(b, "places",
              _("Places: provinces or countries, separated by ';'"),
              f->az[EVF_PLACES], "text");
    out_label_for(b, "org", _("Organisation"));
    page_select_org(b, m, "org", "org", _("None"), f->az[EVF_ORG]);
    out_input(b, "org_more",
              _("Other organisations taking part, separated by ';'"),
              f->az[EVF_ORG_MORE], "text");
    out_input(b, "activities",
              _("Linked plan activities: codes such as 4.10, separated by "
                "';'"),
              f->az[EVF_ACTIVITIES], "text");
    HTML_LIT(b, "<fieldset><legend>");
    HTML_TR(b, "People reached (leave empty for a planned event)");
    HTML_LIT(b, "</legend>");
    out_input(b, "women", _("Women"), f->az[EVF_WOMEN], "number");
    out_input(b, "men", _("Men"), f->az[EVF_MEN], "number");
    out_input(b, "unknown", _("Sex not known"), f->az[EVF_UNKNOWN], "number");
    out_input(b, "total", _("Total"), f->az[EVF_TOTAL], "number");
    HTML_LIT(b, "</fieldset>");
    out_input(b, "purpose", _("Purpose"), f->az[EVF_PURPOSE], "text");
    out_input(b, "attendees", _("Attendees"), f->az[EVF_ATTENDEES], "text");
    out_label_for(b, "notes", _("Notes"));
    HTML_LIT(b, "<textarea id=\"notes\" name=\"notes\" rows=\"3\">");
    esc_html(b, f->az[EVF_NOTES]);
    HTML_LIT(b, "</textarea><div><button type=\"submit\">");
    HTML_TR(b, "Save");
    HTML_LIT(b, "</button> <a href=\"/outreach\">");
    HTML_TR(b, "Back to the list");
    HTML_LIT(b, "</a></div></form>\n");
    if (id) {
        buf_puts(&action, "/delete");
        out_delete_form(b, r, buf_str(&action), iVersion,
                        _("Delete this event"));
    }
    buf_release(&action);
    page_end(r, w);
}

/* The stored event id, as the reader may change it: NULL with w an error
** page (404: none; 403: another organisation's). */
static const Outreach *
ev_load(Req *r, Resp *w, long long id, Outreach *o)
{
    AppErr err = APPERR_INIT;
    int bFound = 0;
    if (app_outreach_get(r->s, id, o, &bFound, &err)) {
        web_fail(r, w, &err);
        return NULL;
    }
    if (!bFound) {
        web_error(r, w, 404, _("There is no such event."));
        return NULL;
    }
    Actor who = page_actor(r);
    if (outreach_may_write(&who, o, &err)) {
        web_fail(r, w, &err);
        return NULL;
    }
    return o;
}

/* ** PAGE: /outreach/new */
int
page_outreach_new(Req *r, Resp *w)
{
    const Model *m = page_load_model(r, w);
    if (!m) {
        return 0;
    }
    EvForm f;
    memset(&f, 0, sizeof f);
    for (int i = 0; i < EVF_COUNT; i++) {
        f.az[i] = xstrdup("");
    }
    free(f.az[EVF_PLAN]);
    f.az[EVF_PLAN] = xstrdup(page_plan_code(r) ? page_plan_code(r) : "");
    /* A reporter records its own organisation's events. */
    if (r->ses.user.zOrg) {
        free(f.az[EVF_ORG]);
        f.az[EVF_ORG] = xstrdup(r->ses.user.zOrg);
    }
    ev_form_page(r, w, m, 0, 0, &f, NULL);
    ev_form_release(&f);
    return 0;
}

/* ** PAGE: /outreach/{id} */
int
page_outreach_event(Req *r, Resp *w)
{
    Outreach ev;
    const Outreach *o = ev_load(r, w, out_id(r), &ev);
    const Model *m = o ? page_load_model(r, w) : NULL;
    if (m) {
        EvForm f;
        memset(&f, 0, sizeof f);
        ev_form_from_event(o, &f);
        ev_form_page(r, w, m, o->id, o->iVersion, &f, NULL);
        ev_form_release(&f);
    }
    outreach_release(&ev);
    return 0;
}

/* The event the form r describes into *o (owned), -1 and err on a field
** the page itself cannot read. */
static int
ev_parse(const Req *r, Outreach *o, AppErr *err)
{
    outreach_init(o);
    o->zFrom = xstrdup(req_form(r, "date"));
    o->zTo = out_dup(req_form(r, "date_to"));
    char *zTitle = str_trim(req_form(r, "title"));
    o->zTitle = zTitle;
    int eKind = code_index(CODE_OUTREACH_KIND, req_form(r, "kind"));
    int eStatus = code_index(CODE_OUTREACH_STATUS, req_form(r, "status"));
    if (eKind < 0) {
        return apperr_set(err, APPERR_INPUT, _("kind: choose one of the list"));
    }
    if (eStatus < 0) {
        return apperr_set(err, APPERR_INPUT,
                          _("status: choose held or planned"));
    }
    o->eKind = (OutreachKind)eKind;
    o->eStatus = (OutreachStatus)eStatus;
    strv_split(req_form(r, "places"), ";", &o->azPlace, &o->nPlace);
    Buf orgs = BUF_INIT;
    buf_printf(&orgs, "%s;%s", req_form(r, "org"), req_form(r, "org_more"));
    strv_split(buf_str(&orgs), ";", &o->azOrg, &o->nOrg);
    buf_release(&orgs);
    strv_split(req_form(r, "activities"), ";, ", &o->azActivity, &o->nActivity);
    o->zPlan = out_dup(page_plan_code(r) ? page_plan_code(r) : "");
    o->zPurpose = out_dup(req_form(r, "purpose"));
    o->zAttendees = out_dup(req_form(r, "attendees"));
    o->zNotes = out_dup(req_form(r, "notes"));
    return out_count("women", req_form(r, "women"), &o->n.women, err) ||
                   out_count("men", req_form(r, "men"), &o->n.men, err) ||
                   out_count("unknown", req_form(r, "unknown"), &o->n.unknown,
                             err) ||
                   out_count("total", req_form(r, "total"), &o->n.total, err)
               ? -1
               : 0;
}

/* Save the event of the form (id 0: a new one). */
static int
ev_save(Req *r, Resp *w, long long id)
{
    AppErr err = APPERR_INIT;
    Outreach o;
    int rc = ev_parse(r, &o, &err);
    o.id = id;
    o.iVersion = out_version(r);
    if (rc == 0) {
        Actor who = page_actor(r);
        rc = app_outreach_save(r->s, &who, &o, &err);
    }
    outreach_release(&o);
    if (rc == 0) {
        resp_redirect(w, "/outreach?saved=event");
        return 0;
    }
    const Model *m = page_load_model(r, w);
    if (!m) {
        return 0;
    }
    EvForm f;
    ev_form_from_req(r, &f);
    ev_form_page(r, w, m, id, out_version(r), &f, err.zMsg);
    ev_form_release(&f);
    web_fail_status(r, w, &err);
    return 0;
}

/* ** PAGE: /outreach (POST) */
int
page_outreach_create(Req *r, Resp *w)
{
    return ev_save(r, w, 0);
}

/* ** PAGE: /outreach/{id} (POST) */
int
page_outreach_event_post(Req *r, Resp *w)
{
    return out_post_id(r, w, ev_save, _("There is no such event."));
}

/* ** PAGE: /outreach/{id}/delete */
int
page_outreach_delete_post(Req *r, Resp *w)
{
    return out_delete(r, w, app_outreach_delete, "/outreach?saved=deleted");
}

/* ---- media ------------------------------------------------------------- */

static void
media_form_page(Req *r, Resp *w, long long id, int iVersion,
                const char *const *az, const char *zError)
{
    page_begin(r, w, id ? _("Change an article") : _("Record an article"));
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    Buf action = BUF_INIT;
    if (id) {
        buf_printf(&action, "/media/%lld", id);
    } else {
        buf_puts(&action, "/media");
    }
    out_form_begin(b, r, buf_str(&action), iVersion);
    out_input(b, "date", _("Date"), az[0], "date");
    out_input(b, "title", _("Title"), az[1], "text");
    out_input(b, "outlet", _("Outlet"), az[2], "text");
    out_input(b, "link", _("Link (https://...)"), az[3], "url");
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Save");
    HTML_LIT(b, "</button> <a href=\"/outreach\">");
    HTML_TR(b, "Back to the list");
    HTML_LIT(b, "</a></div></form>\n");
    if (id) {
        buf_puts(&action, "/delete");
        out_delete_form(b, r, buf_str(&action), iVersion,
                        _("Delete this article"));
    }
    buf_release(&action);
    page_end(r, w);
}

/* ** PAGE: /media/new */
int
page_media_new(Req *r, Resp *w)
{
    const char *az[] = { "", "", "", "" };
    media_form_page(r, w, 0, 0, az, NULL);
    return 0;
}

/* ** PAGE: /media/{id} */
int
page_media(Req *r, Resp *w)
{
    OutreachData d;
    AppErr err = APPERR_INIT;
    long long id = out_id(r);
    if (app_outreach_read(r->s, NULL, NULL, &d, &err)) {
        web_fail(r, w, &err);
        app_outreach_data_release(&d);
        return 0;
    }
    const Media *m = NULL;
    for (size_t i = 0; i < d.nMedia; i++) {
        m = d.aMedia[i].id == id ? &d.aMedia[i] : m;
    }
    if (!m) {
        web_error(r, w, 404, _("There is no such article."));
    } else {
        const char *az[] = { m->zDate, m->zTitle, m->zOutlet,
                             m->zLink ? m->zLink : "" };
        media_form_page(r, w, m->id, m->iVersion, az, NULL);
    }
    app_outreach_data_release(&d);
    return 0;
}

static int
media_save(Req *r, Resp *w, long long id)
{
    AppErr err = APPERR_INIT;
    Media m = { 0 };
    m.zDate = xstrdup(req_form(r, "date"));
    m.zTitle = str_trim(req_form(r, "title"));
    m.zOutlet = str_trim(req_form(r, "outlet"));
    m.zLink = out_dup(req_form(r, "link"));
    m.id = id;
    m.iVersion = out_version(r);
    Actor who = page_actor(r);
    int rc = app_media_save(r->s, &who, &m, &err);
    media_release(&m);
    if (rc == 0) {
        resp_redirect(w, "/outreach?saved=media");
        return 0;
    }
    const char *az[] = { req_form(r, "date"), req_form(r, "title"),
                         req_form(r, "outlet"), req_form(r, "link") };
    media_form_page(r, w, id, out_version(r), az, err.zMsg);
    web_fail_status(r, w, &err);
    return 0;
}

/* ** PAGE: /media (POST) */
int
page_media_create(Req *r, Resp *w)
{
    return media_save(r, w, 0);
}

/* ** PAGE: /media/{id} (POST) */
int
page_media_post(Req *r, Resp *w)
{
    return out_post_id(r, w, media_save, _("There is no such article."));
}

/* ** PAGE: /media/{id}/delete */
int
page_media_delete_post(Req *r, Resp *w)
{
    return out_delete(r, w, app_media_delete, "/outreach?saved=deleted");
}

/* ---- /statistics ------------------------------------------------------- */

/* The figures grouped: one row per measure, destination, channel,
** reference period and source, with its women, men and total. */
typedef struct StatRow {
    const StatObs *ap[STAT_SEX_COUNT]; /* NULL where not given */
    const StatObs *p;                  /* any of them: the key */
} StatRow;

typedef struct StatList {
    const Req *r;
    Actor who;
    StatRow *a;
    size_t n;
} StatList;

static int
stat_same_row(const StatObs *a, const StatObs *b)
{
    return a->eMeasure == b->eMeasure && str_eq(a->zDest, b->zDest) &&
           a->eChannel == b->eChannel && str_eq(a->zPeriod, b->zPeriod) &&
           str_eq(a->zSource, b->zSource);
}

/* Group a[0..n) (in stat_obs_cmp() order) into rows; heap. */
static StatRow *
stat_rows(const StatObs *a, size_t n, size_t *pn)
{
    StatRow *aRow = xcalloc(n ? n : 1, sizeof *aRow);
    size_t nRow = 0;
    for (size_t i = 0; i < n; i++) {
        if (nRow == 0 || !stat_same_row(aRow[nRow - 1].p, &a[i])) {
            aRow[nRow++].p = &a[i];
        }
        aRow[nRow - 1].ap[a[i].eSex] = &a[i];
    }
    *pn = nRow;
    return aRow;
}

static void
stat_sheet(const void *arg, const char *zId, Sheet *t)
{
    const StatList *x = arg;
    (void)zId;
    sheet_caption(t, "%s",
                  _("Migrants by destination and channel, with the source "
                    "of each figure"));
    sheet_col(t, _("Measure"));
    sheet_col(t, _("Destination"));
    sheet_col(t, _("Channel"));
    sheet_col(t, _("Reference date"));
    sheet_col(t, _("Women"));
    sheet_col(t, _("Men"));
    sheet_col(t, _("Total"));
    sheet_col(t, _("Source"));
    sheet_col(t, _("Note"));
    AppErr err = APPERR_INIT;
    int bEdit = x->r->bAuthed && stat_may_write(&x->who, &err) == 0;
    for (size_t i = 0; i < x->n; i++) {
        const StatRow *w = &x->a[i];
        sheet_text(t, out_label(CODE_STAT_MEASURE, (int)w->p->eMeasure));
        const char *zDest = gaz_show(w->p->zDest, i18n_current());
        if (bEdit) {
            Buf h = BUF_INIT;
            buf_printf(&h, "/statistics/%lld", w->p->id);
            sheet_link(t, zDest, buf_str(&h));
            buf_release(&h);
        } else {
            sheet_text(t, zDest);
        }
        sheet_text(t, out_label(CODE_STAT_CHANNEL, (int)w->p->eChannel));
        char z[STR_TIME_LOCAL_BYTES];
        str_date_format(w->p->zPeriod, 1, z, sizeof z);
        sheet_text(t, z);
        for (int k = 0; k < STAT_SEX_COUNT; k++) {
            out_count_cell(t, w->ap[k] ? w->ap[k]->value : OUTREACH_NONE);
        }
        sheet_text(t, w->p->zSource);
        Buf note = BUF_INIT;
        for (int k = 0; k < STAT_SEX_COUNT; k++) {
            if (w->ap[k] && w->ap[k]->zNote) {
                buf_printf(&note, "%s%s", note.n ? "; " : "", w->ap[k]->zNote);
            }
        }
        sheet_text(t, buf_str(&note));
        buf_release(&note);
    }
}

static const char *const azStatSheet[] = { "statistics", NULL };

/* ** PAGE: /statistics */
int
page_statistics(Req *r, Resp *w)
{
    OutreachData d;
    AppErr err = APPERR_INIT;
    if (app_stat_read(r->s, &d, &err)) {
        app_outreach_data_release(&d);
        web_fail(r, w, &err);
        return 0;
    }
    StatList x = { r, page_actor(r), NULL, 0 };
    x.a = stat_rows(d.aStat, d.nStat, &x.n);
    if (!page_download(r, w, azStatSheet, stat_sheet, &x, "statistics")) {
        page_begin(r, w, _("Migration statistics"));
        Buf *b = &w->body;
        const char *zSaved = req_query(r, "saved");
        if (str_eq(zSaved, "figure")) {
            page_notice(b, "ok", _("The figure is saved."));
        } else if (str_eq(zSaved, "deleted")) {
            page_notice(b, "ok", _("The figure is deleted."));
        }
        HTML_LIT(b, "<p>");
        if (r->bAuthed && stat_may_write(&x.who, &err) == 0) {
            HTML_LIT(b, "<a class=\"button\" href=\"/statistics/new\">");
            HTML_TR(b, "Record a figure");
            HTML_LIT(b, "</a> ");
        }
        HTML_LIT(b, "<a href=\"/outreach\">");
        HTML_TR(b, "Outreach and events");
        HTML_LIT(b, "</a></p>\n");
        if (x.n == 0) {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "No figures yet.");
            HTML_LIT(b, "</p>");
        } else {
            Sheet t;
            sheet_init(&t, "statistics", NULL);
            stat_sheet(&x, "statistics", &t);
            char *zSelf = page_self(r);
            page_sheet(b, &t, zSelf);
            free(zSelf);
            sheet_release(&t);
        }
        page_end(r, w);
    }
    free(x.a);
    app_outreach_data_release(&d);
    return 0;
}

/* The figure form's fields. */
enum {
    STF_MEASURE = 0,
    STF_DEST,
    STF_CHANNEL,
    STF_PERIOD,
    STF_SOURCE,
    STF_WOMEN,
    STF_MEN,
    STF_TOTAL,
    STF_NOTE,
    STF_COUNT
};

static const char *const azStatField[STF_COUNT] = {
    "measure", "destination", "channel", "period", "source",
    "women",   "men",         "total",   "note",
};
static const char *const azStatVersion[STAT_SEX_COUNT] = {
    [STAT_WOMEN] = "v_women",
    [STAT_MEN] = "v_men",
    [STAT_TOTAL] = "v_total",
};

/* The figure form: new (id 0) or the figure of row id; az its fields,
** aVersion each sex's version shown. */
static void
stat_form_page(Req *r, Resp *w, long long id, const char *const *az,
               const int *aVersion, int iRowVersion, const char *zError)
{
    page_begin(r, w, id ? _("Change a figure") : _("Record a figure"));
    Buf *b = &w->body;
    if (zError) {
        page_notice(b, "error", zError);
    }
    Buf action = BUF_INIT;
    if (id) {
        buf_printf(&action, "/statistics/%lld", id);
    } else {
        buf_puts(&action, "/statistics");
    }
    out_form_begin(b, r, buf_str(&action), iRowVersion);
    for (int k = 0; k < STAT_SEX_COUNT; k++) {
        HTML_LIT(b, "<input type=\"hidden\" name=\"");
        esc_html(b, azStatVersion[k]);
        buf_printf(b, "\" value=\"%d\"/>", aVersion[k]);
    }
    if (id) {
        /* What names the figure stays: another one is a new figure. */
        HTML_LIT(b, "<p>");
        esc_html(b, out_label(CODE_STAT_MEASURE,
                              code_index(CODE_STAT_MEASURE, az[STF_MEASURE])));
        HTML_LIT(b, " \xC2\xB7 ");
        esc_html(b, gaz_show(az[STF_DEST], i18n_current()));
        HTML_LIT(b, " \xC2\xB7 ");
        esc_html(b, out_label(CODE_STAT_CHANNEL,
                              code_index(CODE_STAT_CHANNEL, az[STF_CHANNEL])));
        HTML_LIT(b, " \xC2\xB7 ");
        esc_html(b, az[STF_PERIOD]);
        HTML_LIT(b, " \xC2\xB7 ");
        esc_html(b, az[STF_SOURCE]);
        HTML_LIT(b, "</p>");
        for (int i = STF_MEASURE; i <= STF_SOURCE; i++) {
            HTML_LIT(b, "<input type=\"hidden\" name=\"");
            esc_html(b, azStatField[i]);
            HTML_LIT(b, "\" value=\"");
            esc_html(b, az[i]);
            HTML_LIT(b, "\"/>");
        }
    } else {
        out_label_for(b, "measure", _("Measure"));
        page_select_code(b, "measure", "measure", CODE_STAT_MEASURE,
                         az[STF_MEASURE]);
        HTML_LIT(b, "<label for=\"destination\">");
        HTML_TR(b, "Destination country");
        HTML_LIT(b, "</label><input id=\"destination\" name=\"destination\" "
                    "list=\"countries\" value=\"");
        esc_html(b, az[STF_DEST]);
        HTML_LIT(b, "\"/>");
        out_place_list(b, "countries", GAZ_COUNTRY);
        out_label_for(b, "channel", _("Channel"));
        page_select_code(b, "channel", "channel", CODE_STAT_CHANNEL,
                         az[STF_CHANNEL]);
        out_input(b, "period",
                  _("Reference date or period (2019-08-31, 2018-05, 2019Q3, "
                    "2017)"),
                  az[STF_PERIOD], "text");
        out_input(b, "source", _("Source"), az[STF_SOURCE], "text");
    }
    HTML_LIT(b, "<fieldset><legend>");
    HTML_TR(b, "Migrants (leave empty what the source does not give)");
    HTML_LIT(b, "</legend>");
    out_input(b, "women", _("Women"), az[STF_WOMEN], "number");
    out_input(b, "men", _("Men"), az[STF_MEN], "number");
    out_input(b, "total", _("Total"), az[STF_TOTAL], "number");
    HTML_LIT(b, "</fieldset>");
    out_input(b, "note", _("Note"), az[STF_NOTE], "text");
    HTML_LIT(b, "<div><button type=\"submit\">");
    HTML_TR(b, "Save");
    HTML_LIT(b, "</button> <a href=\"/statistics\">");
    HTML_TR(b, "Back to the list");
    HTML_LIT(b, "</a></div></form>\n");
    if (id) {
        buf_puts(&action, "/delete");
        out_delete_form(b, r, buf_str(&action), iRowVersion,
                        _("Delete this figure"));
    }
    buf_release(&action);
    page_end(r, w);
}

/* ** PAGE: /statistics/new */
int
page_statistics_new(Req *r, Resp *w)
{
    const char *az[STF_COUNT] = { "stock", "", "mou", "", "", "", "", "", "" };
    const int aVersion[STAT_SEX_COUNT] = { 0 };
    stat_form_page(r, w, 0, az, aVersion, 0, NULL);
    return 0;
}

/* The figure (all its sexes) of stored row id in d: 0 and *pRow, or -1. */
static int
stat_find(const OutreachData *d, long long id, StatRow *pRow)
{
    memset(pRow, 0, sizeof *pRow);
    const StatObs *p = NULL;
    for (size_t i = 0; i < d->nStat; i++) {
        p = d->aStat[i].id == id ? &d->aStat[i] : p;
    }
    if (!p) {
        return -1;
    }
    pRow->p = p;
    for (size_t i = 0; i < d->nStat; i++) {
        if (stat_same_row(p, &d->aStat[i])) {
            pRow->ap[d->aStat[i].eSex] = &d->aStat[i];
        }
    }
    return 0;
}

/* The row id's form: the delete button's version is that row's. */
static void
stat_form_of_row(Req *r, Resp *w, long long id, const StatRow *x)
{
    char azNum[STAT_SEX_COUNT][24];
    const char *az[STF_COUNT];
    az[STF_MEASURE] =
        code_table(CODE_STAT_MEASURE, &(size_t){ 0 })[x->p->eMeasure].zKey;
    az[STF_DEST] = x->p->zDest;
    az[STF_CHANNEL] =
        code_table(CODE_STAT_CHANNEL, &(size_t){ 0 })[x->p->eChannel].zKey;
    az[STF_PERIOD] = x->p->zPeriod;
    az[STF_SOURCE] = x->p->zSource;
    az[STF_NOTE] = "";
    int aVersion[STAT_SEX_COUNT] = { 0 };
    for (int k = 0; k < STAT_SEX_COUNT; k++) {
        azNum[k][0] = 0;
        if (x->ap[k]) {
            Buf n = BUF_INIT;
            buf_printf(&n, "%lld", (long long)x->ap[k]->value);
            memcpy(azNum[k], buf_str(&n), n.n + 1 < 24 ? n.n + 1 : 24);
            azNum[k][23] = 0;
            buf_release(&n);
            aVersion[k] = x->ap[k]->iVersion;
            if (x->ap[k]->zNote) {
                az[STF_NOTE] = x->ap[k]->zNote;
            }
        }
        az[STF_WOMEN + k] = azNum[k];
    }
    stat_form_page(r, w, id, az, aVersion, x->p->iVersion, NULL);
}

/* ** PAGE: /statistics/{id} */
int
page_statistics_figure(Req *r, Resp *w)
{
    OutreachData d;
    AppErr err = APPERR_INIT;
    if (app_stat_read(r->s, &d, &err)) {
        web_fail(r, w, &err);
    } else {
        StatRow x;
        if (stat_find(&d, out_id(r), &x)) {
            web_error(r, w, 404, _("There is no such figure."));
        } else {
            stat_form_of_row(r, w, out_id(r), &x);
        }
    }
    app_outreach_data_release(&d);
    return 0;
}

static int
stat_save(Req *r, Resp *w, long long id)
{
    AppErr err = APPERR_INIT;
    StatEntry e;
    memset(&e, 0, sizeof e);
    int rc = 0;
    int eMeasure = code_index(CODE_STAT_MEASURE, req_form(r, "measure"));
    int eChannel = code_index(CODE_STAT_CHANNEL, req_form(r, "channel"));
    if (eMeasure < 0 || eChannel < 0) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("measure: choose the measure and the channel from "
                          "the lists"));
    }
    e.key.eMeasure = (StatMeasure)(eMeasure < 0 ? 0 : eMeasure);
    e.key.eChannel = (StatChannel)(eChannel < 0 ? 0 : eChannel);
    char *zDest = str_trim(req_form(r, "destination"));
    char *zPeriod = str_trim(req_form(r, "period"));
    char *zSource = str_trim(req_form(r, "source"));
    char *zNote = str_trim(req_form(r, "note"));
    e.key.zDest = zDest;
    e.key.zPeriod = zPeriod;
    e.key.zSource = zSource;
    e.key.zNote = *zNote ? zNote : NULL;
    for (int k = 0; rc == 0 && k < STAT_SEX_COUNT; k++) {
        long v = 0;
        rc = out_count(azStatField[STF_WOMEN + k],
                       req_form(r, azStatField[STF_WOMEN + k]), &e.aValue[k],
                       &err);
        e.aVersion[k] =
            str_to_long(req_form(r, azStatVersion[k]), 0, 2147483647L, &v)
                ? 0
                : (int)v;
    }
    if (rc == 0) {
        Actor who = page_actor(r);
        rc = app_stat_save(r->s, &who, &e, &err);
    }
    free(zDest);
    free(zPeriod);
    free(zSource);
    free(zNote);
    if (rc == 0) {
        resp_redirect(w, "/statistics?saved=figure");
        return 0;
    }
    const char *az[STF_COUNT];
    for (int i = 0; i < STF_COUNT; i++) {
        az[i] = req_form(r, azStatField[i]);
    }
    int aVersion[STAT_SEX_COUNT];
    for (int k = 0; k < STAT_SEX_COUNT; k++) {
        aVersion[k] = e.aVersion[k];
    }
    stat_form_page(r, w, id, az, aVersion, out_version(r), err.zMsg);
    web_fail_status(r, w, &err);
    return 0;
}

/* ** PAGE: /statistics (POST) */
int
page_statistics_create(Req *r, Resp *w)
{
    return stat_save(r, w, 0);
}

/* ** PAGE: /statistics/{id} (POST) */
int
page_statistics_figure_post(Req *r, Resp *w)
{
    return out_post_id(r, w, stat_save, _("There is no such figure."));
}

/* ** PAGE: /statistics/{id}/delete */
int
page_statistics_delete_post(Req *r, Resp *w)
{
    return out_delete(r, w, app_stat_delete, "/statistics?saved=deleted");
}
