/*
** briefing_report.c — the quarterly briefing in HTML, Markdown, CSV and
** JSON (see briefing_report.h).
**
** The six sections people read (activities, partner results, complaints
** register, at a glance, upcoming events, media) are built once as tables
** of plain-text cells (brief_sections()), and HTML and Markdown lay them
** out with their own escaping; CSV and JSON write the records' values.
** Nothing is selected or counted here: core/briefing.c did it.
*/
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "briefing_report.h"
#include "escape.h"
#include "print.h"
#include "sheet.h"
#include "../base/base.h"
#include "../core/codes.h"
#include "../core/gazetteer.h"
#include "../io/csv.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* ---- words for codes ---------------------------------------------------- */

static const char *
code_at(CodeKind k, int i, int bLabel)
{
    size_t n;
    const CodeName *a = code_table(k, &n);
    return (size_t)i < n ? (bLabel ? _(a[i].zLabel) : a[i].zKey) : "";
}

/* A gazetteer code by its name ("KH-3" -> "Kampong Cham"). */
static const char *
place_name(const char *zCode)
{
    const char *z = gaz_label(zCode);
    return z ? z : zCode;
}

/* "Phnom Penh, Prey Veng" from the codes, or "" */
static void
places_text(Buf *b, const Outreach *o)
{
    for (size_t i = 0; i < o->nPlace; i++) {
        buf_printf(b, "%s%s", i ? ", " : "", place_name(o->azPlace[i]));
    }
}

static void
orgs_text(Buf *b, const Outreach *o, const char *zSep)
{
    for (size_t i = 0; i < o->nOrg; i++) {
        buf_printf(b, "%s%s", i ? zSep : "", o->azOrg[i]);
    }
}

/* "USD 6,755 ordered, USD 11,500 requested", or "". */
static void
compensation_text(Buf *b, const char *zCur, int64_t ordered, int64_t requested,
                  int64_t paid)
{
    const char *zSep = "";
    const char *zC = zCur && zCur[0] && !str_eq(zCur, "*") ? zCur : "";
    if (zCur && str_eq(zCur, "*")) {
        buf_puts(b, _("(several currencies)"));
        buf_putc(b, ' ');
    }
    /* TRANSLATORS: an amount of compensation, "USD 6,755 ordered": the
    ** currency and the amount, then what was done with it. */
    if (ordered != OUTREACH_NONE) {
        buf_printf(b, "%s%s ", zSep, zC);
        briefing_amount(b, ordered);
        buf_puts(b, _(" ordered"));
        zSep = ", ";
    }
    if (requested != OUTREACH_NONE) {
        buf_printf(b, "%s%s ", zSep, zC);
        briefing_amount(b, requested);
        buf_puts(b, _(" requested"));
        zSep = ", ";
    }
    if (paid != OUTREACH_NONE) {
        buf_printf(b, "%s%s ", zSep, zC);
        briefing_amount(b, paid);
        buf_puts(b, _(" paid"));
    }
}

/* "311,290 (Women = 129,680 / Men = 181,610)", as the seed prints it. */
static void
figure_text(Buf *b, const BriefFigure *f)
{
    if (f->total != OUTREACH_NONE) {
        briefing_number(b, f->total);
    }
    if (f->women == OUTREACH_NONE && f->men == OUTREACH_NONE) {
        return;
    }
    buf_puts(b, f->total != OUTREACH_NONE ? " (" : "(");
    if (f->women != OUTREACH_NONE) {
        buf_puts(b, _("Women = "));
        briefing_number(b, f->women);
    }
    if (f->men != OUTREACH_NONE) {
        buf_puts(b, f->women != OUTREACH_NONE ? " / " : "");
        buf_puts(b, _("Men = "));
        briefing_number(b, f->men);
    }
    buf_putc(b, ')');
}

/* "MOU migrants" (the figure's note) or the channel's label, with the
** measure when it is a flow. */
static void
figure_what(Buf *b, const BriefFigure *f)
{
    const StatObs *s = f->pFirst;
    if (f->zNote) {
        buf_puts(b, f->zNote);
    } else {
        buf_puts(b, code_at(CODE_STAT_CHANNEL, (int)s->eChannel, 1));
    }
    if (s->eMeasure == STAT_FLOW) {
        buf_puts(b, _(" (flow)"));
    }
}

/* ---- the sections as plain text ----------------------------------------- */

enum {
    SEC_ACTIVITY,
    SEC_RESULT,
    SEC_CASES,
    SEC_GLANCE,
    SEC_UPCOMING,
    SEC_MEDIA,
    SEC_COUNT
};

typedef struct BriefSection {
    const char *zId;    /* HTML id and the CSV's/JSON's section name */
    const char *zTitle; /* heading */
    const char *zEmpty; /* said when it has no row */
    size_t nCol;
    const char *const *azHead;
    char **azCell; /* nRow * nCol, owned */
    size_t nRow;
} BriefSection;

/* The headings (translated where shown: _(azHead[c])). */
static const char *const azActHead[] = { N_("Date"),   N_("Activity"),
                                         N_("Kind"),   N_("Organisations"),
                                         N_("Places"), N_("People reached") };
static const char *const azResHead[] = {
    N_("Period"), N_("Result"),         N_("Organisations"),
    N_("Places"), N_("People reached"), N_("Compensation")
};
static const char *const azCasesHead[] = { N_("Assisting organisation"),
                                           N_("Cases resolved"),
                                           N_("Women"),
                                           N_("Men"),
                                           N_("Sex unknown"),
                                           N_("Compensation") };
static const char *const azGlanceHead[] = { N_("Destination"), N_("Migrants"),
                                            N_("Figure"), N_("Source"),
                                            N_("Reference date") };
static const char *const azUpHead[] = { N_("Date"), N_("Event"), N_("Location"),
                                        N_("Attendees"), N_("Purpose") };
static const char *const azMediaHead[] = { N_("Date"), N_("Title"),
                                           N_("Media source"), N_("Link") };

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static char **
section_row(BriefSection *s, size_t *pnAlloc)
{
    size_t nCell = (s->nRow + 1) * s->nCol;
    if (nCell > *pnAlloc) {
        size_t n = *pnAlloc ? *pnAlloc * 2 : s->nCol * 8;
        while (n < nCell) {
            n *= 2;
        }
        s->azCell = xreallocarray(s->azCell, n, sizeof *s->azCell);
        *pnAlloc = n;
    }
    char **az = &s->azCell[s->nRow++ * s->nCol];
    memset(az, 0, s->nCol * sizeof *az);
    return az;
}

static void
section_init(BriefSection *s, const char *zId, const char *zTitle,
             const char *zEmpty, const char *const *azHead, size_t nCol)
{
    memset(s, 0, sizeof *s);
    s->zId = zId;
    s->zTitle = _(zTitle);
    s->zEmpty = _(zEmpty);
    s->azHead = azHead;
    s->nCol = nCol;
}

static char *
cell_str(const char *z)
{
    return xstrdup(z ? z : "");
}

/* The cells of an event's date, places, organisations and counts. */
static void
event_cells(const Outreach *o, char **azWhen, char **azPlaces, char **azOrgs,
            char **azPeople)
{
    Buf x = BUF_INIT;
    briefing_when(&x, o->zFrom, o->zTo);
    *azWhen = buf_detach(&x);
    places_text(&x, o);
    *azPlaces = buf_detach(&x);
    if (azOrgs) {
        orgs_text(&x, o, ", ");
        *azOrgs = buf_detach(&x);
    }
    if (azPeople) {
        briefing_people(&x, &o->n);
        *azPeople = buf_detach(&x);
    }
    buf_release(&x);
}

static const char zCasesLeftOut[] =
    N_("Not shown here: the complaints register's cases are shown to case "
       "officers, M&E officers and administrators.");

static void
brief_sections(const Briefing *b, BriefSection a[SEC_COUNT])
{
    Buf x = BUF_INIT;
    size_t nAlloc;

    section_init(&a[SEC_ACTIVITY], "activities",
                 N_("Main programme activities"),
                 N_("No activity was recorded in the quarter."), azActHead,
                 N_OF(azActHead));
    nAlloc = 0;
    for (size_t i = 0; i < b->nActivity; i++) {
        const Outreach *o = b->apActivity[i];
        char **az = section_row(&a[SEC_ACTIVITY], &nAlloc);
        event_cells(o, &az[0], &az[4], &az[3], &az[5]);
        az[1] = cell_str(o->zTitle);
        az[2] = cell_str(code_at(CODE_OUTREACH_KIND, (int)o->eKind, 1));
    }

    section_init(&a[SEC_RESULT], "partner_results", N_("Partner results"),
                 N_("No partner reported results over a period ending in the "
                    "quarter."),
                 azResHead, N_OF(azResHead));
    nAlloc = 0;
    for (size_t i = 0; i < b->nResult; i++) {
        const Outreach *o = b->apResult[i];
        char **az = section_row(&a[SEC_RESULT], &nAlloc);
        event_cells(o, &az[0], &az[3], &az[2], &az[4]);
        az[1] = cell_str(o->zTitle);
        compensation_text(&x, o->zCurrency, o->ordered, o->requested,
                          OUTREACH_NONE);
        az[5] = buf_detach(&x);
    }

    section_init(&a[SEC_CASES], "complaints_register",
                 N_("Complaints register: cases resolved in the quarter"),
                 N_("No case of the complaints register was resolved in the "
                    "quarter."),
                 azCasesHead, N_OF(azCasesHead));
    nAlloc = 0;
    if (!b->bCases) {
        a[SEC_CASES].zEmpty = _(zCasesLeftOut);
    }
    for (size_t i = 0; i < b->nCases; i++) {
        const BriefCases *k = &b->aCases[i];
        char **az = section_row(&a[SEC_CASES], &nAlloc);
        az[0] = cell_str(k->zOrg[0] ? k->zOrg : _("no assisting organisation"));
        long an[] = { k->nResolved, k->nWomen, k->nMen, k->nUnknown };
        for (size_t c = 0; c < N_OF(an); c++) {
            briefing_number(&x, an[c]);
            az[1 + c] = buf_detach(&x);
        }
        if (k->zCurrency[0]) {
            compensation_text(&x, k->zCurrency, k->ordered, k->requested,
                              k->paid);
        }
        az[5] = buf_detach(&x);
    }

    section_init(&a[SEC_GLANCE], "at_a_glance", N_("At a glance"),
                 N_("No migration statistics were known by the quarter's "
                    "end."),
                 azGlanceHead, N_OF(azGlanceHead));
    nAlloc = 0;
    for (size_t i = 0; i < b->nFigure; i++) {
        const BriefFigure *f = &b->aFigure[i];
        char **az = section_row(&a[SEC_GLANCE], &nAlloc);
        az[0] = cell_str(place_name(f->pFirst->zDest));
        figure_what(&x, f);
        az[1] = buf_detach(&x);
        figure_text(&x, f);
        az[2] = buf_detach(&x);
        az[3] = cell_str(f->pFirst->zSource);
        briefing_period(&x, f->pFirst->zPeriod);
        az[4] = buf_detach(&x);
    }

    section_init(&a[SEC_UPCOMING], "upcoming", N_("Upcoming activities"),
                 N_("No event is planned for the next quarter."), azUpHead,
                 N_OF(azUpHead));
    nAlloc = 0;
    for (size_t i = 0; i < b->nUpcoming; i++) {
        const Outreach *o = b->apUpcoming[i];
        char **az = section_row(&a[SEC_UPCOMING], &nAlloc);
        event_cells(o, &az[0], &az[2], NULL, NULL);
        az[1] = cell_str(o->zTitle);
        if (o->zAttendees) {
            az[3] = cell_str(o->zAttendees);
        } else {
            orgs_text(&x, o, ", ");
            az[3] = buf_detach(&x);
        }
        az[4] = cell_str(o->zPurpose);
    }

    section_init(&a[SEC_MEDIA], "media", N_("Media coverage"),
                 N_("No media coverage was recorded in the quarter."),
                 azMediaHead, N_OF(azMediaHead));
    nAlloc = 0;
    for (size_t i = 0; i < b->nMedia; i++) {
        const Media *m = b->apMedia[i];
        char **az = section_row(&a[SEC_MEDIA], &nAlloc);
        briefing_when(&x, m->zDate, NULL);
        az[0] = buf_detach(&x);
        az[1] = cell_str(m->zTitle);
        az[2] = cell_str(m->zOutlet);
        az[3] = cell_str(m->zLink);
    }
    buf_release(&x);
}

static void
brief_sections_release(BriefSection a[SEC_COUNT])
{
    for (int s = 0; s < SEC_COUNT; s++) {
        for (size_t i = 0; i < a[s].nRow * a[s].nCol; i++) {
            free(a[s].azCell[i]);
        }
        free(a[s].azCell);
    }
}

/* "Cambodia (July – September 2019)" and, with an organisation, whose. */
static void
brief_title(const Briefing *b, Buf *x)
{
    Buf q = BUF_INIT;
    briefing_quarter_label(&b->q, 0, &q);
    buf_printf(x, _("Quarterly briefing: %s"), buf_str(&q));
    buf_release(&q);
    if (b->zOrg) {
        buf_printf(x, " \xE2\x80\x94 %s", b->zOrg);
    }
}

static const char zEmptyQuarter[] =
    N_("Nothing is recorded for this quarter: no activity, partner result, "
       "resolved case, statistics figure, upcoming event or article.");

/* "Upcoming activities (October – December 2019)". */
static void
brief_section_heading(const Briefing *b, const BriefSection *t, int s, Buf *x)
{
    buf_puts(x, t->zTitle);
    if (s == SEC_UPCOMING) {
        buf_puts(x, " (");
        briefing_quarter_label(&b->q, 1, x);
        buf_putc(x, ')');
    }
}

/* ---- HTML ---------------------------------------------------------------- */

static const char zCss[] =
    "#at_a_glance td:nth-child(3),#complaints_register td{white-space:nowrap}"
    "p.empty{font-style:italic}";

/* The HTML; with zSelf (the page's address up to its query: the web), a
** line of links to the other formats' downloads after the heading. */
static void
brief_render_html_at(const Briefing *b, const char *zSelf, Buf *out)
{
    BriefSection a[SEC_COUNT];
    Buf x = BUF_INIT;
    brief_sections(b, a);
    brief_title(b, &x);
    HTML_LIT(out, "<!DOCTYPE html>\n<html lang=\"");
    esc_html(out, i18n_lang_code(i18n_current()));
    HTML_LIT(out, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta "
                  "name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\"/>\n<title>");
    esc_html(out, buf_str(&x));
    HTML_LIT(out, "</title>\n<style>");
    buf_puts(out, review_html_css());
    HTML_LIT(out, "</style>\n<style>");
    buf_puts(out, zCss);
    HTML_LIT(out, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc_html(out, buf_str(&x));
    HTML_LIT(out, "</h1>\n</header>\n");
    if (zSelf) {
        HTML_LIT(out, "<p class=\"downloads\">");
        HTML_TR(out, "Download:");
        for (const ReportFormat *f = aBriefingFormat + 1; f->zName; f++) {
            HTML_LIT(out, " <a href=\"");
            esc_html(out, zSelf);
            HTML_LIT(out, "&amp;format=");
            esc_html(out, f->zName);
            HTML_LIT(out, "\">");
            esc_html(out, f->zLabel);
            HTML_LIT(out, "</a>");
        }
        /* The records behind it, on the web's own pages. */
        HTML_LIT(out, " \xC2\xB7 <a href=\"/outreach?period=");
        esc_html(out, b->q.zCode);
        HTML_LIT(out, "\">Outreach and events of the quarter</a> \xC2\xB7 "
                      "<a href=\"/statistics\">Migration statistics</a>");
        HTML_LIT(out, "</p>\n");
    }
    HTML_LIT(out, "<p class=\"method\">");
    buf_reset(&x);
    briefing_method(b, &x);
    esc_html(out, buf_str(&x));
    HTML_LIT(out, "</p>\n");
    if (briefing_is_empty(b)) {
        HTML_LIT(out, "<p class=\"empty\">");
        esc_html(out, _(zEmptyQuarter));
        HTML_LIT(out, "</p>\n");
    }
    for (int s = 0; s < SEC_COUNT; s++) {
        const BriefSection *t = &a[s];
        HTML_LIT(out, "<section id=\"");
        esc_html(out, t->zId);
        HTML_LIT(out, "\">\n<h2>");
        buf_reset(&x);
        brief_section_heading(b, t, s, &x);
        esc_html(out, buf_str(&x));
        HTML_LIT(out, "</h2>\n");
        if (!t->nRow) {
            HTML_LIT(out, "<p class=\"empty\">");
            esc_html(out, t->zEmpty);
            HTML_LIT(out, "</p>\n</section>\n");
            continue;
        }
        HTML_LIT(out, "<table>\n<thead><tr>");
        for (size_t c = 0; c < t->nCol; c++) {
            HTML_LIT(out, "<th scope=\"col\">");
            esc_html(out, _(t->azHead[c]));
            HTML_LIT(out, "</th>");
        }
        HTML_LIT(out, "</tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < t->nRow; i++) {
            HTML_LIT(out, "<tr>");
            for (size_t c = 0; c < t->nCol; c++) {
                const char *z = t->azCell[i * t->nCol + c];
                HTML_LIT(out, "<td>");
                if (s == SEC_MEDIA && c == 3 && z[0]) {
                    HTML_LIT(out, "<a href=\"");
                    esc_html(out, z);
                    HTML_LIT(out, "\">");
                    esc_html(out, z);
                    HTML_LIT(out, "</a>");
                } else {
                    esc_html(out, z);
                }
                HTML_LIT(out, "</td>");
            }
            HTML_LIT(out, "</tr>\n");
        }
        HTML_LIT(out, "</tbody></table>\n</section>\n");
    }
    HTML_LIT(out, "</body>\n</html>\n");
    buf_release(&x);
    brief_sections_release(a);
}

static void
brief_render_html(const Briefing *b, Buf *out)
{
    brief_render_html_at(b, NULL, out);
}

void
briefing_render_page(const Briefing *b, const char *zSelf, Buf *out)
{
    brief_render_html_at(b, zSelf, out);
}

/* ---- Markdown -------------------------------------------------------------- */

static void
brief_render_md(const Briefing *b, Buf *out)
{
    BriefSection a[SEC_COUNT];
    Buf x = BUF_INIT;
    brief_sections(b, a);
    buf_puts(out, "# ");
    brief_title(b, &x);
    esc_md_text(out, buf_str(&x));
    buf_puts(out, "\n\n");
    buf_reset(&x);
    briefing_method(b, &x);
    esc_md_line(out, buf_str(&x));
    buf_puts(out, "\n");
    if (briefing_is_empty(b)) {
        buf_puts(out, "\n");
        esc_md_line(out, _(zEmptyQuarter));
        buf_puts(out, "\n");
    }
    for (int s = 0; s < SEC_COUNT; s++) {
        const BriefSection *t = &a[s];
        buf_puts(out, "\n## ");
        buf_reset(&x);
        brief_section_heading(b, t, s, &x);
        esc_md_text(out, buf_str(&x));
        buf_puts(out, "\n\n");
        if (!t->nRow) {
            esc_md_line(out, t->zEmpty);
            buf_putc(out, '\n');
            continue;
        }
        buf_putc(out, '|');
        for (size_t c = 0; c < t->nCol; c++) {
            buf_putc(out, ' ');
            esc_md_cell(out, _(t->azHead[c]));
            buf_puts(out, " |");
        }
        buf_puts(out, "\n|");
        for (size_t c = 0; c < t->nCol; c++) {
            buf_puts(out, "---|");
        }
        buf_putc(out, '\n');
        for (size_t i = 0; i < t->nRow; i++) {
            buf_putc(out, '|');
            for (size_t c = 0; c < t->nCol; c++) {
                buf_putc(out, ' ');
                esc_md_cell(out, t->azCell[i * t->nCol + c]);
                buf_puts(out, " |");
            }
            buf_putc(out, '\n');
        }
    }
    buf_release(&x);
    brief_sections_release(a);
}

/* ---- CSV and JSON: the records' values ---------------------------------- */

/* The columns of BRIEFING_CSV_HEADER, in order. */
enum {
    BC_QUARTER,
    BC_SECTION,
    BC_DATE,
    BC_DATE_TO,
    BC_TITLE,
    BC_KIND,
    BC_PLACES,
    BC_ORGS,
    BC_WOMEN,
    BC_MEN,
    BC_UNKNOWN,
    BC_TOTAL,
    BC_CURRENCY,
    BC_REQUESTED,
    BC_ORDERED,
    BC_PAID,
    BC_PURPOSE,
    BC_ATTENDEES,
    BC_DEST,
    BC_CHANNEL,
    BC_MEASURE,
    BC_PERIOD,
    BC_SOURCE,
    BC_OUTLET,
    BC_LINK,
    BC_NOTE,
    BC_NCOL
};

/* One record as named values: strings or numbers (a count or amount of
** OUTREACH_NONE is absent). */
typedef struct BriefRec {
    const char *az[BC_NCOL];
    int64_t an[BC_NCOL]; /* counts; amounts in minor units */
    int abAmount[BC_NCOL];
    int abNum[BC_NCOL];
} BriefRec;

static void
rec_init(BriefRec *r, const Briefing *b, const char *zSection)
{
    memset(r, 0, sizeof *r);
    r->az[BC_QUARTER] = b->q.zCode;
    r->az[BC_SECTION] = zSection;
}

static void
rec_num(BriefRec *r, int c, int64_t v, int bAmount)
{
    if (v != OUTREACH_NONE) {
        r->an[c] = v;
        r->abNum[c] = 1;
        r->abAmount[c] = bAmount;
    }
}

/* An event's values; zPlaces and zOrgs are "; "-joined, owned by the
** caller. */
static void
rec_event(BriefRec *r, const Outreach *o, const char *zPlaces,
          const char *zOrgs)
{
    r->az[BC_DATE] = o->zFrom;
    r->az[BC_DATE_TO] = o->zTo;
    r->az[BC_TITLE] = o->zTitle;
    r->az[BC_KIND] = code_at(CODE_OUTREACH_KIND, (int)o->eKind, 0);
    r->az[BC_PLACES] = zPlaces;
    r->az[BC_ORGS] = zOrgs;
    rec_num(r, BC_WOMEN, o->n.women, 0);
    rec_num(r, BC_MEN, o->n.men, 0);
    rec_num(r, BC_UNKNOWN, o->n.unknown, 0);
    rec_num(r, BC_TOTAL, o->n.total, 0);
    r->az[BC_CURRENCY] = o->zCurrency;
    rec_num(r, BC_REQUESTED, o->requested, 1);
    rec_num(r, BC_ORDERED, o->ordered, 1);
    r->az[BC_PURPOSE] = o->zPurpose;
    r->az[BC_ATTENDEES] = o->zAttendees;
    r->az[BC_NOTE] = o->zNotes;
}

typedef void (*RecFn)(void *pArg, const BriefRec *r);

/* Call fn for every record of the briefing, section by section. */
static void
brief_records(const Briefing *b, RecFn fn, void *pArg)
{
    static const char *const azEvSection[] = { "activities", "partner_results",
                                               "upcoming" };
    const Outreach *const *aap[] = { b->apActivity, b->apResult,
                                     b->apUpcoming };
    size_t an[] = { b->nActivity, b->nResult, b->nUpcoming };
    Buf places = BUF_INIT, orgs = BUF_INIT;
    BriefRec r;
    for (int k = 0; k < 3; k++) {
        /* Upcoming events come after the figures, as in the seed. */
        if (k == 2) {
            for (size_t i = 0; i < b->nCases; i++) {
                const BriefCases *c = &b->aCases[i];
                rec_init(&r, b, "complaints_register");
                r.az[BC_ORGS] = c->zOrg;
                rec_num(&r, BC_TOTAL, c->nResolved, 0);
                rec_num(&r, BC_WOMEN, c->nWomen, 0);
                rec_num(&r, BC_MEN, c->nMen, 0);
                rec_num(&r, BC_UNKNOWN, c->nUnknown, 0);
                if (c->zCurrency[0]) {
                    r.az[BC_CURRENCY] = c->zCurrency;
                    rec_num(&r, BC_REQUESTED, c->requested, 1);
                    rec_num(&r, BC_ORDERED, c->ordered, 1);
                    rec_num(&r, BC_PAID, c->paid, 1);
                }
                r.az[BC_DATE] = b->q.zFrom;
                r.az[BC_DATE_TO] = b->q.zTo;
                fn(pArg, &r);
            }
            for (size_t i = 0; i < b->nFigure; i++) {
                const BriefFigure *f = &b->aFigure[i];
                const StatObs *s = f->pFirst;
                rec_init(&r, b, "at_a_glance");
                r.az[BC_DEST] = place_name(s->zDest);
                r.az[BC_CHANNEL] =
                    code_at(CODE_STAT_CHANNEL, (int)s->eChannel, 0);
                r.az[BC_MEASURE] =
                    code_at(CODE_STAT_MEASURE, (int)s->eMeasure, 0);
                r.az[BC_PERIOD] = s->zPeriod;
                r.az[BC_SOURCE] = s->zSource;
                r.az[BC_NOTE] = f->zNote;
                rec_num(&r, BC_WOMEN, f->women, 0);
                rec_num(&r, BC_MEN, f->men, 0);
                rec_num(&r, BC_TOTAL, f->total, 0);
                fn(pArg, &r);
            }
        }
        for (size_t i = 0; i < an[k]; i++) {
            const Outreach *o = aap[k][i];
            buf_reset(&places);
            buf_reset(&orgs);
            for (size_t p = 0; p < o->nPlace; p++) {
                buf_printf(&places, "%s%s", p ? "; " : "",
                           place_name(o->azPlace[p]));
            }
            orgs_text(&orgs, o, "; ");
            rec_init(&r, b, azEvSection[k]);
            rec_event(&r, o, buf_str(&places), buf_str(&orgs));
            fn(pArg, &r);
        }
    }
    for (size_t i = 0; i < b->nMedia; i++) {
        rec_init(&r, b, "media");
        r.az[BC_DATE] = b->apMedia[i]->zDate;
        r.az[BC_TITLE] = b->apMedia[i]->zTitle;
        r.az[BC_OUTLET] = b->apMedia[i]->zOutlet;
        r.az[BC_LINK] = b->apMedia[i]->zLink;
        fn(pArg, &r);
    }
    buf_release(&places);
    buf_release(&orgs);
}

static const char *const azCsvCol[BC_NCOL] = {
    "quarter", "section", "date",          "date_to",     "title",
    "kind",    "places",  "organisations", "women",       "men",
    "unknown", "total",   "currency",      "requested",   "ordered",
    "paid",    "purpose", "attendees",     "destination", "channel",
    "measure", "period",  "source",        "outlet",      "link",
    "note",
};

static void
csv_rec(void *pArg, const BriefRec *r)
{
    Buf *out = pArg;
    Buf x = BUF_INIT;
    for (int c = 0; c < BC_NCOL; c++) {
        if (c) {
            buf_putc(out, ',');
        }
        if (r->abNum[c] && r->abAmount[c]) {
            case_amount_format(&x, r->an[c]);
            csv_write_field(out, buf_str(&x));
            buf_reset(&x);
        } else if (r->abNum[c]) {
            buf_printf(out, "%lld", (long long)r->an[c]);
        } else {
            csv_write_field(out, r->az[c] ? r->az[c] : "");
        }
    }
    buf_puts(out, "\r\n");
    buf_release(&x);
}

static void
brief_render_csv(const Briefing *b, Buf *out)
{
    for (int c = 0; c < BC_NCOL; c++) {
        buf_printf(out, "%s%s", c ? "," : "", azCsvCol[c]);
    }
    buf_puts(out, "\r\n");
    brief_records(b, csv_rec, out);
}

typedef struct JsonSections {
    json_t *root;
} JsonSections;

static void
json_rec(void *pArg, const BriefRec *r)
{
    JsonSections *j = pArg;
    json_t *a = json_object_get(j->root, r->az[BC_SECTION]);
    json_t *o = json_object();
    for (int c = BC_DATE; c < BC_NCOL; c++) {
        if (r->abNum[c]) {
            json_object_set_new(o, azCsvCol[c],
                                r->abAmount[c]
                                    ? json_real((double)r->an[c] / 100.0)
                                    : json_integer((json_int_t)r->an[c]));
        } else if (r->az[c] && r->az[c][0]) {
            json_object_set_new(o, azCsvCol[c], json_string(r->az[c]));
        }
    }
    json_array_append_new(a, o);
}

static void
brief_render_json(const Briefing *b, Buf *out)
{
    JsonSections j;
    Buf x = BUF_INIT;
    j.root = json_object();
    json_object_set_new(j.root, "quarter", json_string(b->q.zCode));
    json_object_set_new(j.root, "from", json_string(b->q.zFrom));
    json_object_set_new(j.root, "to", json_string(b->q.zTo));
    json_object_set_new(j.root, "label", json_string(b->q.zLabel));
    json_object_set_new(j.root, "organisation",
                        b->zOrg ? json_string(b->zOrg) : json_null());
    briefing_method(b, &x);
    json_object_set_new(j.root, "method", json_string(buf_str(&x)));
    json_object_set_new(j.root, "empty", json_boolean(briefing_is_empty(b)));
    json_object_set_new(j.root, "complaints_register_shown",
                        json_boolean(b->bCases));
    static const char *const azSec[] = {
        "activities",  "partner_results", "complaints_register",
        "at_a_glance", "upcoming",        "media"
    };
    for (size_t s = 0; s < N_OF(azSec); s++) {
        json_object_set_new(j.root, azSec[s], json_array());
    }
    brief_records(b, json_rec, &j);
    char *z = json_dumps(j.root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    if (z) {
        buf_puts(out, z);
        buf_putc(out, '\n');
        free(z);
    }
    json_decref(j.root);
    buf_release(&x);
}

/* ---- formats ------------------------------------------------------------- */

/* ---- PDF and Word ----------------------------------------------------------- */

/* The briefing printed as the action plan is (print.h): a cover with the
** title and how the figures were made, then each section with its
** heading and its table (the header repeated on every page), or what an
** empty one says; a Word document when bDocx, else a PDF.  0, or -1 with
** err when the printing module fails. */
static int
brief_render_print(const Briefing *b, int bDocx, Buf *out, AppErr *err)
{
    BriefSection a[SEC_COUNT];
    Sheet at[SEC_COUNT];
    SheetDocPart aPart[SEC_COUNT];
    Buf title = BUF_INIT, method = BUF_INIT, up = BUF_INIT;
    brief_sections(b, a);
    brief_title(b, &title);
    briefing_method(b, &method);
    for (int k = 0; k < SEC_COUNT; k++) {
        const BriefSection *t = &a[k];
        sheet_init(&at[k], t->zId, NULL);
        for (size_t c = 0; c < t->nCol; c++) {
            sheet_col(&at[k], _(t->azHead[c]));
        }
        for (size_t i = 0; i < t->nRow * t->nCol; i++) {
            sheet_text(&at[k], t->azCell[i]);
        }
        const char *zHeading = t->zTitle;
        if (k == SEC_UPCOMING) {
            brief_section_heading(b, t, k, &up);
            zHeading = buf_str(&up);
        }
        aPart[k] = (SheetDocPart){ .zHeading = zHeading,
                                   .zText = t->nRow ? NULL : t->zEmpty,
                                   .t = &at[k] };
    }
    SheetDocSpec spec = {
        .zPlan = b->zOrg ? b->zOrg : _("Programme briefing"),
        .zTitle = buf_str(&title),
        .zAsOf = NULL,
        .zCoverNote = _("the programme's activities, outreach, migration "
                        "statistics, upcoming events and media of the "
                        "quarter, and the complaints register's cases."),
        .zIntro = briefing_is_empty(b) ? _(zEmptyQuarter) : buf_str(&method),
        .t = NULL,
        .aPart = aPart,
        .nPart = SEC_COUNT,
    };
    int rc = sheet_render_print(&spec, bDocx, out, err);
    for (int k = 0; k < SEC_COUNT; k++) {
        sheet_release(&at[k]);
    }
    buf_release(&title);
    buf_release(&method);
    buf_release(&up);
    brief_sections_release(a);
    return rc;
}

const ReportFormat aBriefingFormat[] = {
    { "html", "text/html; charset=utf-8", "HTML", 0 },
    { "md", "text/markdown; charset=utf-8", "Markdown", 0 },
    { "csv", "text/csv; charset=utf-8", "CSV", 0 },
    { "json", "application/json; charset=utf-8", "JSON", 0 },
    { "pdf", "application/pdf", "PDF", 1 },
    { "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml."
      "document",
      N_("Word"), 1 },
    { NULL, NULL, NULL, 0 },
};

int
briefing_render(const Briefing *b, const char *zFormat, Buf *out, AppErr *err)
{
    const ReportFormat *f =
        report_format_need(aBriefingFormat, zFormat, "briefing", err);
    if (!f) {
        return -1;
    }
    if (f->bPrint) {
        return brief_render_print(b, str_eq(f->zName, "docx"), out, err);
    }
    /* In aBriefingFormat's order.  The CSV and JSON, which programs read,
    ** are written in English whatever the reader's language. */
    static void (*const axRender[])(const Briefing *, Buf *) = {
        brief_render_html, brief_render_md, brief_render_csv, brief_render_json
    };
    int bData = f - aBriefingFormat >= 2;
    I18nLang ePrev = bData ? i18n_use(I18N_EN) : i18n_current();
    axRender[f - aBriefingFormat](b, out);
    (void)i18n_use(ePrev);
    return 0;
}

const char *
briefing_html_css(void)
{
    return zCss;
}
