/*
** indicators_report.c — the indicators report of a year as a table, text
** and JSON (see indicators_report.h).
*/
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicators_report.h"
#include "print.h"
#include "../core/outreach.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The labels of codes, in the reader's language (the JSON, which
** programs read, calls these with English as the thread's language). */
static const char *
sex_label(int eSex)
{
    return _(code_table(CODE_STAT_SEX, &(size_t){ 0 })[eSex].zLabel);
}

static const char *
unit_label(IndUnit e)
{
    return _(code_table(CODE_IND_UNIT, &(size_t){ 0 })[e].zLabel);
}

static const char *
dir_label(IndDirection e)
{
    return _(code_table(CODE_IND_DIRECTION, &(size_t){ 0 })[e].zLabel);
}

/* x in unit u as the report writes it: "45.2%", "12", "84600.00". */
static void
fmt_value(IndUnit u, double x, char *z, size_t n)
{
    char zNum[48];
    ind_format_value(u, x, zNum, sizeof zNum);
    (void)snprintf(z, n, "%s%s", zNum, u == IND_UNIT_PERCENT ? "%" : "");
}

/* The texts of one row's cells, in the sheet's column order. */
enum {
    RC_CODE = 0,
    RC_REV,
    RC_GOAL,
    RC_DEFINITION,
    RC_SEX,
    RC_UNIT,
    RC_DIRECTION,
    RC_BASELINE,
    RC_BASELINE_YEAR,
    RC_TARGET,
    RC_PERIOD,
    RC_VALUE,
    RC_COUNT,
    RC_PROGRESS,
    RC_MET,
    RC_SOURCE,
    RC_NCOL
};

static const char *const azHead[RC_NCOL] = {
    N_("Indicator"),
    N_("Revision"),
    N_("Goal"),
    N_("Definition"),
    N_("Sex"),
    N_("Unit"),
    N_("Direction"),
    N_("Baseline"),
    N_("Baseline year"),
    N_("Target"),
    N_("Period"),
    N_("Value"),
    N_("Count behind it"),
    N_("Progress to target"),
    N_("Target met"),
    N_("Source"),
};

typedef struct RowText {
    char az[RC_NCOL][64];
    const char *azLong[RC_NCOL]; /* when not NULL, instead of az */
} RowText;

static void
row_text(const IndReportRow *r, RowText *t)
{
    memset(t, 0, sizeof *t);
    const Indicator *p = r->p;
    (void)snprintf(t->az[RC_REV], 64, "%d", p->iRev);
    t->azLong[RC_CODE] = p->zCode;
    t->azLong[RC_GOAL] = p->zNode;
    t->azLong[RC_DEFINITION] = ind_definition(p, i18n_current());
    t->azLong[RC_SEX] = sex_label(r->eSex);
    t->azLong[RC_UNIT] = unit_label(p->eUnit);
    t->azLong[RC_DIRECTION] = dir_label(p->eDir);
    if (p->bBaseline) {
        fmt_value(p->eUnit, p->baseline, t->az[RC_BASELINE], 64);
        (void)snprintf(t->az[RC_BASELINE_YEAR], 64, "%d", p->baselineYear);
    }
    if (r->t) {
        fmt_value(p->eUnit, r->t->value, t->az[RC_TARGET], 64);
    }
    if (r->v) {
        t->azLong[RC_PERIOD] = r->v->zPeriod;
        fmt_value(p->eUnit, r->v->value, t->az[RC_VALUE], 64);
        if (r->v->den > 0) {
            /* TRANSLATORS: the count behind a share: "12 of 40". */
            (void)snprintf(t->az[RC_COUNT], 64, _("%lld of %lld"),
                           (long long)r->v->num, (long long)r->v->den);
        }
        t->azLong[RC_SOURCE] = r->v->zSource;
    } else {
        t->azLong[RC_VALUE] = _("not reported");
    }
    if (r->bProgress) {
        (void)snprintf(t->az[RC_PROGRESS], 64, "%.0f%%",
                       round(100 * r->prog.share));
        t->azLong[RC_MET] = r->prog.bMet ? _("yes") : _("no");
    } else if (r->v && r->t) {
        t->azLong[RC_PROGRESS] = _("no baseline");
    }
}

static const char *
cell_of(const RowText *t, int c)
{
    return t->azLong[c] ? t->azLong[c] : t->az[c];
}

void
ind_report_sheet(const IndReportRow *a, size_t n, int year, Sheet *t)
{
    sheet_init(t, "indicators", NULL);
    sheet_caption(t, _("Indicators: progress against the targets of %d"), year);
    for (int c = 0; c < RC_NCOL; c++) {
        sheet_col(t, _(azHead[c]));
    }
    for (size_t i = 0; i < n; i++) {
        RowText rt;
        row_text(&a[i], &rt);
        for (int c = 0; c < RC_NCOL; c++) {
            sheet_text(t, cell_of(&rt, c));
        }
    }
}

int
ind_report_print(const IndReportRow *a, size_t n, int year, int bDocx, Buf *b,
                 AppErr *err)
{
    /* The columns people read on paper: the sheet's without the codes of
    ** revision, goal, unit and direction, the baseline with its year and
    ** the value with its count. */
    static const int aiCol[] = { RC_CODE,     RC_DEFINITION, RC_SEX,
                                 RC_BASELINE, RC_TARGET,     RC_VALUE,
                                 RC_PROGRESS, RC_MET };
    Buf title = BUF_INIT, cell = BUF_INIT;
    buf_printf(&title, _("Indicators: progress against the targets of %d"),
               year);
    SheetDocParts x = { 0 };
    sheet_doc_part(&x, 2, NULL, n ? NULL : _("no indicators yet"));
    Sheet *t = sheet_doc_table(&x, "indicators");
    for (size_t c = 0; c < sizeof aiCol / sizeof aiCol[0]; c++) {
        sheet_col(t, _(azHead[aiCol[c]]));
    }
    for (size_t i = 0; i < n; i++) {
        RowText rt;
        row_text(&a[i], &rt);
        for (size_t c = 0; c < sizeof aiCol / sizeof aiCol[0]; c++) {
            int k = aiCol[c];
            buf_reset(&cell);
            buf_puts(&cell, cell_of(&rt, k));
            if (k == RC_BASELINE && a[i].p->bBaseline) {
                buf_printf(&cell, " (%s)", rt.az[RC_BASELINE_YEAR]);
            } else if (k == RC_VALUE && rt.az[RC_COUNT][0]) {
                buf_printf(&cell, " (%s)", rt.az[RC_COUNT]);
            }
            sheet_text(t, buf_str(&cell));
        }
    }
    SheetDocSpec spec = {
        .zPlan = _("Indicators"),
        .zTitle = buf_str(&title),
        /* TRANSLATORS: follows "Generated on DATE by lmpmon from the data: "
        ** on the cover. */
        .zCoverNote = _("the indicators' values as reported for the year, "
                        "their baselines and targets."),
        .zIntro = _("Each indicator's value against the year's target, by "
                    "sex where the indicator asks for it; progress is the "
                    "share of the way from the baseline to the target."),
    };
    spec.aPart = sheet_doc_parts(&x, &spec.nPart);
    int rc = sheet_render_print(&spec, bDocx, b, err);
    sheet_doc_parts_release(&x);
    buf_release(&title);
    buf_release(&cell);
    return rc;
}

void
ind_report_text(const IndReportRow *a, size_t n, int year, Buf *b)
{
    buf_printf(b, _("Indicators: progress against the targets of %d"), year);
    buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++) {
        RowText rt;
        row_text(&a[i], &rt);
        if (i == 0 || a[i].p != a[i - 1].p) {
            buf_putc(b, '\n');
            buf_printf(b, _("%s (goal %s, revision %d): %s"), a[i].p->zCode,
                       a[i].p->zNode, a[i].p->iRev,
                       ind_definition(a[i].p, i18n_current()));
            buf_putc(b, '\n');
            buf_printf(b, "  %s, %s", unit_label(a[i].p->eUnit),
                       dir_label(a[i].p->eDir));
            char *zFrom = ind_computed_label(a[i].p);
            if (zFrom) {
                buf_printf(b, "; %s", zFrom);
                free(zFrom);
            }
            if (a[i].p->bBaseline) {
                buf_printf(b, _("; baseline %s (%d)"), rt.az[RC_BASELINE],
                           a[i].p->baselineYear);
            }
            buf_printf(b, _("; target %d: %s"), year,
                       a[i].t ? rt.az[RC_TARGET] : _("none"));
            buf_putc(b, '\n');
        }
        buf_printf(b, "  %-6s %s", sex_label(a[i].eSex),
                   cell_of(&rt, RC_VALUE));
        if (a[i].v) {
            buf_printf(b, " (%s", a[i].v->zPeriod);
            if (rt.az[RC_COUNT][0]) {
                buf_printf(b, ", %s", rt.az[RC_COUNT]);
            }
            buf_puts(b, ")");
        }
        if (a[i].bProgress) {
            buf_printf(b,
                       a[i].prog.bMet ? _(": %s of the way to the target, "
                                          "target met")
                                      : _(": %s of the way to the target"),
                       rt.az[RC_PROGRESS]);
        }
        buf_puts(b, "\n");
    }
    if (n == 0) {
        buf_putc(b, '\n');
        buf_puts(b, _("no indicators yet"));
        buf_putc(b, '\n');
    }
}

static json_t *
num_or_null(int bHave, double x)
{
    return bHave ? json_real(x) : json_null();
}

void
ind_report_json(const IndReportRow *a, size_t n, int year, Buf *b)
{
    /* Files that programs read stay English whatever the reader's
    ** language: the labels of codes too. */
    I18nLang ePrev = i18n_use(I18N_EN);
    json_t *root = json_object();
    json_t *arr = json_array();
    json_object_set_new(root, "year", json_integer(year));
    for (size_t i = 0; i < n; i++) {
        const IndReportRow *r = &a[i];
        const Indicator *p = r->p;
        json_t *o = json_object();
        json_object_set_new(o, "indicator", json_string(p->zCode));
        json_object_set_new(o, "revision", json_integer(p->iRev));
        json_object_set_new(o, "goal", json_string(p->zNode));
        json_object_set_new(o, "definition", json_string(p->zDefinition));
        json_object_set_new(o, "sex", json_string(sex_label(r->eSex)));
        json_object_set_new(o, "unit", json_string(unit_label(p->eUnit)));
        json_object_set_new(o, "direction", json_string(dir_label(p->eDir)));
        json_object_set_new(o, "baseline",
                            num_or_null(p->bBaseline, p->baseline));
        json_object_set_new(o, "baseline_year",
                            p->bBaseline ? json_integer(p->baselineYear)
                                         : json_null());
        json_object_set_new(o, "target",
                            num_or_null(r->t != NULL, r->t ? r->t->value : 0));
        json_object_set_new(o, "period",
                            r->v ? json_string(r->v->zPeriod) : json_null());
        json_object_set_new(o, "value",
                            num_or_null(r->v != NULL, r->v ? r->v->value : 0));
        json_object_set_new(o, "numerator",
                            r->v && r->v->den > 0 ? json_integer(r->v->num)
                                                  : json_null());
        json_object_set_new(o, "denominator",
                            r->v && r->v->den > 0 ? json_integer(r->v->den)
                                                  : json_null());
        json_object_set_new(o, "progress",
                            num_or_null(r->bProgress, r->prog.share));
        json_object_set_new(
            o, "met", r->bProgress ? json_boolean(r->prog.bMet) : json_null());
        json_object_set_new(o, "source",
                            r->v && r->v->zSource ? json_string(r->v->zSource)
                                                  : json_null());
        char *zFrom = ind_computed_label(r->p);
        json_object_set_new(o, "computed",
                            zFrom ? json_string(zFrom) : json_null());
        free(zFrom);
        json_array_append_new(arr, o);
    }
    json_object_set_new(root, "indicators", arr);
    char *z = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (z) {
        buf_puts(b, z);
        buf_puts(b, "\n");
        free(z);
    }
    json_decref(root);
    (void)i18n_use(ePrev);
}
