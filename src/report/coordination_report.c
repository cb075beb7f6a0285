/*
** coordination_report.c — the coordination report in HTML (with an SVG
** heat map), Markdown, CSV and JSON (see coordination_report.h).
**
** The sentences are written once, as plain text (rep_summary,
** rep_compare_sentence, rep_verdict_sentence), and every format escapes
** them for its context.  Nothing is counted here that core/coordination.c
** has not counted, except what a format lays out per row.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "coordination_report.h"
#include "escape.h"
#include "../base/base.h"
#include "../core/review.h"
#include "print.h"
#include "review_report.h"
#include "../core/texts.h"
#include "../io/csv.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* ---- shared pieces ---------------------------------------------------------- */

/* Sentences built as plain text, each owned. */
typedef struct Sentences {
    char **az;
    size_t n, nAlloc;
} Sentences;

static void
sentences_push(Sentences *s, Buf *b)
{
    xgrow((void **)&s->az, &s->nAlloc, s->n, sizeof *s->az);
    s->az[s->n++] = buf_detach(b);
}

static void
sentences_release(Sentences *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->az[i]);
    }
    free(s->az);
    memset(s, 0, sizeof *s);
}

/* The kind of an organisation in words; "not in the directory" for an
** acronym the directory does not know. */
static const char *
rep_kind_label(const Org *g)
{
    /* TRANSLATORS: kinds of organisations, in lower case, as a table's
    ** cells of the coordination report say them. */
    static const char *const az[ORG_KIND_COUNT] = {
        N_("government"),     N_("development partner"),
        N_("UN agency"),      N_("NGO"),
        N_("trade union"),    N_("employers"),
        N_("private sector"), N_("other"),
    };
    if (!g) {
        return _("not in the directory");
    }
    return _((unsigned)g->eKind < ORG_KIND_COUNT ? az[g->eKind] : "other");
}

static const Node *
rep_node(const Coordination *c, const CoordActivity *a)
{
    return &c->p->aNode[a->iNode];
}

static const char *
rep_area_code(const Coordination *c, long iArea)
{
    return iArea < 0 ? "" : c->p->aNode[c->aArea[iArea].iNode].zCode;
}

static const char *
rep_area_name(const Coordination *c, long iArea)
{
    return iArea < 0
               ? ""
               : node_text(&c->p->aNode[c->aArea[iArea].iNode], i18n_current());
}

/* The name of the plan's first level ("area"), for headings. */
static const char *
rep_area_level(const Coordination *c)
{
    return level_label(c->p->nLevel > 1 ? c->p->aLevel[0].zName : "area");
}

/* "77 per cent (60 out of 78)". */
static void
rep_share(Buf *b, size_t n, size_t nOf)
{
    buf_printf(b, _("%ld per cent (%zu out of %zu)"),
               review_pct((long)n, (long)nOf), n, nOf);
}

/* "77 per cent of the activities (60 out of 78)", the review's way of
** starting a sentence with a share. */
static void
rep_share_of(Buf *b, size_t n, size_t nOf)
{
    buf_printf(b, _("%ld per cent of the activities (%zu out of %zu)"),
               review_pct((long)n, (long)nOf), n, nOf);
}

/* "77% (60 of 78)", for table cells; "none" for a share of nothing. */
static void
rep_cell_share(Buf *b, size_t n, size_t nOf)
{
    if (nOf == 0) {
        buf_puts(b, _("none"));
        return;
    }
    buf_printf(b, _("%ld%% (%zu of %zu)"), review_pct((long)n, (long)nOf), n,
               nOf);
}

/* z with its first letter in capitals (z is one of our ASCII literals). */
static void
rep_capitalised(Buf *b, const char *z)
{
    if (*z >= 'a' && *z <= 'z') {
        buf_putc(b, (char)(*z - 'a' + 'A'));
        z++;
    }
    buf_puts(b, z);
}

/* The distinct acronyms of az[0..n), in order: az[k] if it is the first of
** its spelling. */
static int
rep_first_of(char *const *az, size_t k)
{
    for (size_t j = 0; j < k; j++) {
        if (str_eq(az[j], az[k])) {
            return 0;
        }
    }
    return 1;
}

/* "MOLVT, MOI" (distinct, in the plan's order), or "none". */
static void
rep_bodies(Buf *b, char *const *az, size_t n)
{
    size_t nOut = 0;
    for (size_t k = 0; k < n; k++) {
        if (rep_first_of(az, k)) {
            buf_printf(b, "%s%s", nOut++ ? ", " : "", az[k]);
        }
    }
    if (!nOut) {
        buf_puts(b, _("none"));
    }
}

static const char *
rep_verdict_label(const CoordResult *r)
{
    switch (r->eVerdict) {
    case COORD_WITHIN_CHANCE:
        return _("within chance");
    case COORD_FIRST_HIGHER:
        return r->bAsClaimed ? _("higher, as the review says")
                             : _("higher, against the review");
    case COORD_FIRST_LOWER:
        return r->bAsClaimed ? _("lower, as the review says")
                             : _("lower, against the review");
    default:
        return _("too few to say");
    }
}

/* "Activities with several responsible bodies are progressing or on
** target in 77 per cent of cases (60 out of 78); activities led by one
** government body in 80 per cent (20 out of 25)." */
static void
rep_compare_sentence(const CoordResult *r, Buf *b)
{
    const CoordTest *t = r->pTest;
    Buf first = BUF_INIT, second = BUF_INIT;
    rep_capitalised(&first, _(t->zFirst));
    rep_share(&second, r->second.n, r->second.nOf);
    /* TRANSLATORS: the first group (capitalised), what is counted ("are
    ** progressing or on target"), its share, the second group and its
    ** share ("77 per cent (60 out of 78)"). */
    buf_printf(b,
               _("%s %s in %ld per cent of cases (%zu out of %zu); %s in %s."),
               buf_str(&first), _(t->zMeasure),
               review_pct((long)r->first.n, (long)r->first.nOf), r->first.n,
               r->first.nOf, _(t->zSecond), buf_str(&second));
    buf_release(&first);
    buf_release(&second);
}

/* The verdict in words, with the numbers it rests on. */
static void
rep_verdict_sentence(const CoordResult *r, Buf *b)
{
    long d = r->diffPp < 0 ? -r->diffPp : r->diffPp;
    switch (r->eVerdict) {
    case COORD_TOO_FEW:
        buf_printf(b,
                   _("With %zu and %zu activities in the two groups, the "
                     "numbers are too small to say anything (the rule asks "
                     "for at least %d in each)."),
                   r->first.nOf, r->second.nOf, COORD_MIN_GROUP);
        break;
    case COORD_WITHIN_CHANCE:
        buf_printf(b,
                   ngettext("The difference, %ld point, is within what chance "
                            "would give (up to %ld points here): the data "
                            "neither supports nor contradicts the review's "
                            "explanation.",
                            "The difference, %ld points, is within what "
                            "chance would give (up to %ld points here): the "
                            "data neither supports nor contradicts the "
                            "review's explanation.",
                            (unsigned long)d),
                   d, r->marginPp);
        break;
    default:
        buf_printf(b,
                   r->bAsClaimed
                       ? ngettext("The difference, %ld point, is more than "
                                  "chance would give (%ld points here) and "
                                  "goes the way the review's explanation "
                                  "says.",
                                  "The difference, %ld points, is more than "
                                  "chance would give (%ld points here) and "
                                  "goes the way the review's explanation "
                                  "says.",
                                  (unsigned long)d)
                       : ngettext("The difference, %ld point, is more than "
                                  "chance would give (%ld points here) and "
                                  "goes against the review's explanation.",
                                  "The difference, %ld points, is more than "
                                  "chance would give (%ld points here) and "
                                  "goes against the review's explanation.",
                                  (unsigned long)d),
                   d, r->marginPp);
    }
}

/* The review's words as a sentence: 'The review: “...”.' */
static void
rep_claim_sentence(const CoordTest *t, Buf *b)
{
    buf_printf(b, _("The review: \xE2\x80\x9C%s\xE2\x80\x9D."), _(t->zClaim));
}

/* The organisation responsible for the most activities (aOrg is sorted
** so), or NULL when nobody is responsible for any. */
static const CoordOrg *
rep_top_org(const Coordination *c)
{
    return c->nOrg && c->aOrg[0].nResp ? &c->aOrg[0] : NULL;
}

/* The summary: what the round's responsibilities look like, in the
** review's style. */
static void
rep_summary(const Coordination *c, Sentences *s)
{
    Buf b = BUF_INIT;
    size_t n = c->nAct;
    if (n == 0) {
        buf_printf(&b, _("No activity was assessed in round %s."),
                   c->pRound->zCode);
        sentences_push(s, &b);
        return;
    }
    Buf a1 = BUF_INIT, a2 = BUF_INIT, a3 = BUF_INIT, a4 = BUF_INIT;
    rep_share(&a1, c->anLead[COORD_LEAD_ONE_GOVERNMENT], n);
    rep_share(&a2, c->anLead[COORD_LEAD_SEVERAL], n);
    rep_share(&a3, c->anLead[COORD_LEAD_ONE_OTHER], n);
    rep_share(&a4, c->anLead[COORD_LEAD_NONE], n);
    /* TRANSLATORS: each of the last four %s is a share: "77 per cent (60
    ** out of 78)". */
    buf_printf(&b,
               _("Of the %zu activities of round %s, %s are led by one "
                 "government body, %s by several responsible bodies, %s by "
                 "one body of another kind, and %s have no responsible "
                 "body."),
               n, c->pRound->zCode, buf_str(&a1), buf_str(&a2), buf_str(&a3),
               buf_str(&a4));
    sentences_push(s, &b);

    size_t nMany = 0;
    for (size_t i = 0; i < n; i++) {
        nMany += c->aAct[i].nResp >= COORD_MANY_RESPONSIBLE;
    }
    buf_reset(&a1);
    rep_share_of(&a1, nMany, n);
    /* TRANSLATORS: %s is "77 per cent of the activities (60 out of 78)". */
    buf_printf(&b, _("%s have %d or more responsible bodies."), buf_str(&a1),
               COORD_MANY_RESPONSIBLE);
    sentences_push(s, &b);

    buf_reset(&a1);
    rep_share_of(&a1, c->nSupport, n);
    buf_printf(&b,
               _("%s have a development partner or UN agency among their "
                 "responsible or contributing bodies."),
               buf_str(&a1));
    sentences_push(s, &b);

    size_t nResp = 0, nOnly = 0;
    for (size_t o = 0; o < c->nOrg; o++) {
        nResp += c->aOrg[o].nResp > 0;
        nOnly += c->aOrg[o].nResp == 0;
    }
    /* Two counts, each with its own plural: two pieces. */
    buf_printf(&b,
               ngettext("%zu organisation is responsible for at least one "
                        "activity of the round",
                        "%zu organisations are responsible for at least one "
                        "activity of the round",
                        nResp),
               nResp);
    buf_printf(&b,
               ngettext(", and %zu more only contributes.",
                        ", and %zu more only contribute.", nOnly),
               nOnly);
    sentences_push(s, &b);

    const CoordOrg *g = rep_top_org(c);
    if (g) {
        buf_reset(&a1);
        buf_reset(&a2);
        rep_share_of(&a1, g->nResp, n);
        rep_share(&a2,
                  g->anRating[RATING_PROGRESSING] +
                      g->anRating[RATING_ON_TARGET],
                  g->nResp);
        /* TRANSLATORS: an organisation's acronym, a share of the
        ** activities, two counts and a share ("77 per cent (60 out of
        ** 78)"). */
        buf_printf(&b,
                   _("%s is responsible for the most: %s; %zu of its %zu "
                     "were reported in the round, and %s are progressing or "
                     "on target."),
                   g->zAcronym, buf_str(&a1), g->nRespReported, g->nResp,
                   buf_str(&a2));
        sentences_push(s, &b);
    }

    if (c->nArea) {
        size_t nLeast = 0;
        for (size_t a = 0; a < c->nArea; a++) {
            nLeast += c->aArea[a].bLeastProgressing != 0;
        }
        buf_reset(&a1);
        buf_reset(&a2);
        rep_share(&a1, c->nPositive, n);
        size_t k = 0;
        for (size_t a = 0; a < c->nArea; a++) {
            const CoordArea *r = &c->aArea[a];
            if (!r->bLeastProgressing) {
                continue;
            }
            buf_puts(&a2, k == 0 ? "" : k + 1 == nLeast ? _(", and ") : ", ");
            /* TRANSLATORS: an area and its share progressing or on
            ** target: "Labour Market Information, with 50 per cent (3 out
            ** of 6)". */
            buf_printf(&a2, _("%s, with %ld per cent (%zu out of %zu)"),
                       rep_area_name(c, (long)a),
                       review_pct((long)r->nPositive, (long)r->nAct),
                       r->nPositive, r->nAct);
            k++;
        }
        /* TRANSLATORS: the plan's first level ("area"; English adds an
        ** "s": write %s alone where the language needs no plural), the
        ** share of all activities progressing or on target, then the
        ** areas with theirs. */
        buf_printf(&b,
                   !nLeast ? _("The least progressing %ss, below the %s of "
                               "all activities progressing or on target, are "
                               "none.")
                   : nLeast == 1
                       ? _("The least progressing %ss, below the %s of all "
                           "activities progressing or on target, is %s.")
                       : _("The least progressing %ss, below the %s of all "
                           "activities progressing or on target, are %s."),
                   rep_area_level(c), buf_str(&a1), buf_str(&a2));
        sentences_push(s, &b);
    }

    size_t nAcross = 0, nIn = 0;
    for (size_t k = 0; k < c->nOverlap; k++) {
        nAcross += c->aOverlap[k].bAcrossOrgs != 0;
        nIn += c->aOverlap[k].nAct;
    }
    if (c->nOverlap) {
        buf_printf(&b,
                   ngettext("%zu wording appears under more than one activity "
                            "code (%zu activities); %zu of them under "
                            "different responsible bodies.",
                            "%zu wordings appear under more than one "
                            "activity code (%zu activities); %zu of them "
                            "under different responsible bodies.",
                            c->nOverlap),
                   c->nOverlap, nIn, nAcross);
    } else {
        buf_puts(&b,
                 _("No wording appears under more than one activity code."));
    }
    sentences_push(s, &b);

    if (c->silent.n) {
        buf_reset(&a1);
        for (size_t f = 0; f < c->silent.n; f++) {
            buf_printf(&a1, "%s%s", f ? ", " : "",
                       c->silent.a[f].zOrg ? c->silent.a[f].zOrg : "?");
        }
        /* TRANSLATORS: the last %s lists the organisations' acronyms. */
        buf_printf(&b,
                   ngettext("%zu organisation responsible for activities of "
                            "the round is silent in it (lmpmon's rule "
                            "silent_responsible_org): %s.",
                            "%zu organisations responsible for activities "
                            "of the round are silent in it (lmpmon's rule "
                            "silent_responsible_org): %s.",
                            c->silent.n),
                   c->silent.n, buf_str(&a1));
    } else {
        buf_puts(&b, _("No responsible organisation is silent in the round "
                       "(lmpmon's rule silent_responsible_org)."));
    }
    sentences_push(s, &b);
    buf_release(&b);
    buf_release(&a1);
    buf_release(&a2);
    buf_release(&a3);
    buf_release(&a4);
}

/* The method, in words, for the top of the HTML and Markdown. */
static void
rep_method(const Coordination *c, Buf *b)
{
    buf_printf(b,
               _("Every activity assessed in round %s counts, rated or not, "
                 "as in the review: each share names the activities it is "
                 "of, is rounded to whole per cent, half away from zero, and "
                 "is printed with its counts."),
               c->pRound->zCode);
    buf_putc(b, ' ');
    buf_puts(b, c->bStatements
                    ? _("The round collected statements: an organisation "
                        "reported on an activity when its own statement is "
                        "submitted or approved.")
                    : _("The round was imported from a report, with one "
                        "progress narrative per activity: an activity with a "
                        "narrative counts as reported for every body on it."));
    buf_putc(b, ' ');
    /* TRANSLATORS: the second %s is the plan's first level ("area";
    ** English adds an "s"). */
    buf_printf(b,
               _("An activity is led by one government body when it has "
                 "exactly one responsible body and that body is of kind "
                 "government; several means two or more; many, %d or more. "
                 "Supported means a development partner or UN agency is "
                 "among the responsible or contributing bodies. The least "
                 "progressing %ss are those whose share progressing or on "
                 "target is below that of all activities. Two activities "
                 "share a wording when the round's action point (or, when the "
                 "round gives none, the activity's text) is the same once "
                 "case, punctuation and spacing are set aside. A comparison "
                 "of two shares says nothing when a group has fewer than %d "
                 "activities; otherwise the shares differ when the "
                 "difference is more than %d standard errors of a difference "
                 "of two proportions (pooled), and are within what chance "
                 "gives when not. Generated by lmpmon from the data."),
               COORD_MANY_RESPONSIBLE, rep_area_level(c), COORD_MIN_GROUP,
               COORD_CHANCE_SE);
}

/* " — as of 31 December 2017": the round's date in the reader's
** language (str_date_format(): ISO in English). */
static void
rep_as_of(const Coordination *c, Buf *b)
{
    char zDate[64];
    str_date_format(c->pRound->zAsOf, 0, zDate, sizeof zDate);
    buf_puts(b, " \xE2\x80\x94 ");
    buf_printf(b, _("as of %s"), zDate);
}

/* "(responsible: MOLVT, MOI)", or "(responsible: none)". */
static void
rep_responsible(Buf *b, const Node *n)
{
    Buf x = BUF_INIT;
    rep_bodies(&x, n->azResp, n->nResp);
    buf_printf(b, _("(responsible: %s)"), buf_str(&x));
    buf_release(&x);
}

/* A list's heading: "Activities with many responsible bodies (3 or more):
** 4 of 94". */
static void
rep_list_heading(const Coordination *c, const CoordList *l, size_t n, Buf *b)
{
    if (str_eq(l->zName, "many_responsible")) {
        /* TRANSLATORS: the list's title, the least number of bodies, then
        ** how many of the round's activities are in it. */
        buf_printf(b, _("%s (%d or more): %zu of %zu"), _(l->zTitle),
                   COORD_MANY_RESPONSIBLE, n, c->nAct);
    } else {
        buf_printf(b, _("%s: %zu of %zu"), _(l->zTitle), n, c->nAct);
    }
}

/* "One wording under several activity codes: 3 groups". */
static void
rep_overlap_heading(const Coordination *c, Buf *b)
{
    buf_printf(b,
               ngettext("One wording under several activity codes: %zu group",
                        "One wording under several activity codes: %zu "
                        "groups",
                        c->nOverlap),
               c->nOverlap);
}

/* The heading cells of the table of organisations (HTML: th cells; else
** Markdown cells; with t, t's columns instead), in the reader's
** language. */
static void
rep_org_heads(Buf *b, int bHtml, Sheet *t)
{
    static const char zReported[] = N_("reported");
    static const char *const az[] = {
        N_("Organisation"),
        N_("Kind"),
        N_("Responsible"),
        N_("of which reported"),
        N_("Contributing"),
        N_("of which reported"),
        NULL, /* the ratings */
        N_("Progressing or on target"),
        N_("Silent"),
    };
    static const Rating aR[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                 RATING_NOT_ON_TARGET, RATING_NONE };
    for (size_t k = 0; k < sizeof az / sizeof az[0]; k++) {
        for (size_t q = 0; q < (az[k] ? 1 : 4); q++) {
            /* Markdown's narrower table says only "reported". */
            const char *z = !az[k]                         ? rating_label(aR[q])
                            : !bHtml && (k == 3 || k == 5) ? _(zReported)
                                                           : _(az[k]);
            if (t) {
                sheet_col(t, z);
            } else if (bHtml) {
                HTML_LIT(b, "<th scope=\"col\">");
                esc_html(b, z);
                HTML_LIT(b, "</th>");
            } else {
                buf_puts(b, k || q ? " | " : "| ");
                esc_md_cell(b, z);
            }
        }
    }
    if (!bHtml && !t) {
        buf_puts(b, " |\n");
    }
}

/* The organisations of c by acronym, for per-link lookups. */
typedef struct RepOrgIdx {
    TextAt *a;
    size_t n;
} RepOrgIdx;

static void
rep_org_idx_build(const Coordination *c, RepOrgIdx *x)
{
    const char **az = xcalloc(c->nOrg ? c->nOrg : 1, sizeof *az);
    for (size_t o = 0; o < c->nOrg; o++) {
        az[o] = c->aOrg[o].zAcronym;
    }
    x->a = texts_sort(az, c->nOrg);
    x->n = c->nOrg;
    free(az);
}

static const CoordOrg *
rep_org_find(const Coordination *c, const RepOrgIdx *x, const char *z)
{
    size_t k = texts_lower_bound(x->a, x->n, z);
    return k < x->n ? &c->aOrg[x->a[k].i] : NULL;
}

/* ---- CSV ---------------------------------------------------------------------- */

/* One row: the activity's columns, with role, organisation, kind and
** reported as given. */
static void
rep_csv_row(const Coordination *c, const CoordActivity *a, const char *zRole,
            const CoordOrg *g, int bReported, Buf *b)
{
    const Node *n = rep_node(c, a);
    csv_write_field(b, c->pRound->zCode);
    buf_putc(b, ',');
    csv_write_field(b, rep_area_code(c, a->iArea));
    buf_putc(b, ',');
    csv_write_field(b, rep_area_name(c, a->iArea));
    buf_putc(b, ',');
    csv_write_field(b, n->zCode);
    buf_printf(b, ",%s,", zRole);
    csv_write_field(b, g ? g->zAcronym : "");
    buf_putc(b, ',');
    if (g) {
        csv_write_field(b, g->pOrg ? org_kind_name(g->pOrg->eKind) : "unknown");
    }
    buf_printf(b, ",%zu,%s,%s,%s,%s,%s,", a->nResp, coord_lead_key(a->eLead),
               a->bSupport ? "yes" : "no", rating_key(a->pA->eRating),
               bReported ? "yes" : "no",
               a->iArea >= 0 && c->aArea[a->iArea].bLeastProgressing ? "yes"
                                                                     : "no");
    if (a->iOverlap >= 0) {
        const CoordOverlap *o = &c->aOverlap[a->iOverlap];
        csv_write_field(b, rep_node(c, &c->aAct[o->aiAct[0]])->zCode);
    }
    buf_puts(b, "\r\n");
}

void
coordination_render_csv(const Coordination *c, Buf *b)
{
    /* Files that programs read stay English whatever the reader's
    ** language. */
    I18nLang ePrev = i18n_use(I18N_EN);
    buf_puts(b, COORDINATION_CSV_HEADER "\r\n");
    RepOrgIdx x;
    rep_org_idx_build(c, &x);
    for (size_t i = 0; i < c->nAct; i++) {
        const CoordActivity *a = &c->aAct[i];
        const Node *n = rep_node(c, a);
        rep_csv_row(c, a, "activity", NULL, a->bNarrative, b);
        for (size_t k = 0; k < n->nResp; k++) {
            if (rep_first_of(n->azResp, k)) {
                rep_csv_row(c, a, "responsible",
                            rep_org_find(c, &x, n->azResp[k]),
                            coordination_reported(c, a, n->azResp[k]), b);
            }
        }
        for (size_t k = 0; k < n->nContrib; k++) {
            if (rep_first_of(n->azContrib, k)) {
                rep_csv_row(c, a, "contributing",
                            rep_org_find(c, &x, n->azContrib[k]),
                            coordination_reported(c, a, n->azContrib[k]), b);
            }
        }
    }
    free(x.a);
    (void)i18n_use(ePrev);
}

/* ---- JSON --------------------------------------------------------------------- */

static json_t *
rep_json_share(size_t n, size_t nOf)
{
    json_t *o = json_object();
    json_object_set_new(o, "count", json_integer((json_int_t)n));
    json_object_set_new(o, "of", json_integer((json_int_t)nOf));
    json_object_set_new(o, "percent",
                        json_integer(review_pct((long)n, (long)nOf)));
    return o;
}

static json_t *
rep_json_codes(const Coordination *c, const CoordList *l)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->nAct; i++) {
        if (l->xHas(&c->aAct[i])) {
            json_array_append_new(arr,
                                  json_string(rep_node(c, &c->aAct[i])->zCode));
        }
    }
    return arr;
}

static json_t *
rep_json_result(const Coordination *c, const CoordResult *r)
{
    json_t *o = json_object();
    if (r->iArea >= 0) {
        json_object_set_new(o, "area", json_string(rep_area_code(c, r->iArea)));
    }
    json_object_set_new(o, "first", rep_json_share(r->first.n, r->first.nOf));
    json_object_set_new(o, "second",
                        rep_json_share(r->second.n, r->second.nOf));
    json_object_set_new(o, "in_neither", json_integer((json_int_t)r->nNeither));
    json_object_set_new(o, "difference_points", json_integer(r->diffPp));
    if (r->eVerdict == COORD_TOO_FEW) {
        json_object_set_new(o, "chance_margin_points", json_null());
    } else {
        json_object_set_new(o, "chance_margin_points",
                            json_integer(r->marginPp));
    }
    json_object_set_new(o, "verdict",
                        json_string(coord_verdict_key(r->eVerdict)));
    json_object_set_new(o, "as_the_review_says", json_boolean(r->bAsClaimed));
    return o;
}

void
coordination_render_json(const Coordination *c, Buf *b)
{
    /* Files that programs read stay English whatever the reader's
    ** language. */
    I18nLang ePrev = i18n_use(I18N_EN);
    json_t *root = json_object();
    json_object_set_new(root, "plan", json_string(c->p->zCode));
    json_object_set_new(root, "round", json_string(c->pRound->zCode));
    json_object_set_new(
        root, "round_title",
        json_string(c->pRound->zTitle ? c->pRound->zTitle : c->pRound->zCode));
    json_object_set_new(root, "activities", json_integer((json_int_t)c->nAct));
    json_object_set_new(root, "denominator", json_string(REVIEW_DENOMINATOR));
    json_object_set_new(root, "rounding",
                        json_string("integer per cent, half away from zero"));
    json_object_set_new(root, "statements_collected",
                        json_boolean(c->bStatements));
    json_t *th = json_object();
    json_object_set_new(th, "many_responsible",
                        json_integer(COORD_MANY_RESPONSIBLE));
    json_object_set_new(th, "min_group", json_integer(COORD_MIN_GROUP));
    json_object_set_new(th, "chance_standard_errors",
                        json_integer(COORD_CHANCE_SE));
    json_object_set_new(root, "thresholds", th);

    json_t *tot = json_object();
    json_object_set_new(tot, "progressing_or_on_target",
                        rep_json_share(c->nPositive, c->nAct));
    json_t *lead = json_object();
    for (int e = 0; e < COORD_LEAD_COUNT; e++) {
        json_object_set_new(lead, coord_lead_key((CoordLead)e),
                            json_integer((json_int_t)c->anLead[e]));
    }
    json_object_set_new(tot, "lead", lead);
    json_object_set_new(tot, "supported", rep_json_share(c->nSupport, c->nAct));
    json_object_set_new(root, "totals", tot);

    Sentences s = { 0 };
    rep_summary(c, &s);
    json_t *sent = json_array();
    for (size_t i = 0; i < s.n; i++) {
        json_array_append_new(sent, json_string(s.az[i]));
    }
    sentences_release(&s);
    json_object_set_new(root, "sentences", sent);

    json_t *orgs = json_array();
    for (size_t k = 0; k < c->nOrg; k++) {
        const CoordOrg *g = &c->aOrg[k];
        json_t *o = json_object();
        json_object_set_new(o, "acronym", json_string(g->zAcronym));
        json_object_set_new(
            o, "name", g->pOrg ? json_string(g->pOrg->zName) : json_null());
        json_object_set_new(o, "kind",
                            g->pOrg ? json_string(org_kind_name(g->pOrg->eKind))
                                    : json_null());
        json_object_set_new(o, "responsible",
                            json_integer((json_int_t)g->nResp));
        json_object_set_new(o, "responsible_reported",
                            json_integer((json_int_t)g->nRespReported));
        json_object_set_new(o, "contributing",
                            json_integer((json_int_t)g->nContrib));
        json_object_set_new(o, "contributing_reported",
                            json_integer((json_int_t)g->nContribReported));
        json_t *rt = json_object();
        static const Rating aOrder[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                         RATING_NOT_ON_TARGET, RATING_NONE };
        for (size_t q = 0; q < 4; q++) {
            json_object_set_new(
                rt, rating_key(aOrder[q]),
                json_integer((json_int_t)g->anRating[aOrder[q]]));
        }
        json_object_set_new(o, "ratings", rt);
        json_object_set_new(o, "progressing_or_on_target",
                            rep_json_share(g->anRating[RATING_PROGRESSING] +
                                               g->anRating[RATING_ON_TARGET],
                                           g->nResp));
        json_object_set_new(o, "silent", json_boolean(g->bSilent));
        json_t *ba = json_object();
        for (size_t a = 0; a < c->nArea; a++) {
            json_object_set_new(ba, rep_area_code(c, (long)a),
                                json_integer((json_int_t)g->anArea[a]));
        }
        json_object_set_new(o, "responsible_by_area", ba);
        json_array_append_new(orgs, o);
    }
    json_object_set_new(root, "organisations", orgs);

    json_t *lists = json_object();
    for (const CoordList *l = aCoordList; l->zName; l++) {
        json_object_set_new(lists, l->zName, rep_json_codes(c, l));
    }
    json_object_set_new(root, "activities_listed", lists);

    json_t *ov = json_array();
    for (size_t k = 0; k < c->nOverlap; k++) {
        const CoordOverlap *g = &c->aOverlap[k];
        json_t *o = json_object();
        json_t *acts = json_array();
        for (size_t q = 0; q < g->nAct; q++) {
            const CoordActivity *a = &c->aAct[g->aiAct[q]];
            const Node *n = rep_node(c, a);
            json_t *x = json_object();
            json_object_set_new(x, "code", json_string(n->zCode));
            json_t *resp = json_array();
            for (size_t r = 0; r < n->nResp; r++) {
                if (rep_first_of(n->azResp, r)) {
                    json_array_append_new(resp, json_string(n->azResp[r]));
                }
            }
            json_object_set_new(x, "responsible", resp);
            json_object_set_new(x, "wording", json_string(a->zWording));
            json_array_append_new(acts, x);
        }
        json_object_set_new(o, "activities", acts);
        json_object_set_new(o, "across_organisations",
                            json_boolean(g->bAcrossOrgs));
        json_array_append_new(ov, o);
    }
    json_object_set_new(root, "same_wording", ov);

    json_t *areas = json_array();
    for (size_t a = 0; a < c->nArea; a++) {
        const CoordArea *r = &c->aArea[a];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(rep_area_code(c, (long)a)));
        json_object_set_new(o, "name", json_string(rep_area_name(c, (long)a)));
        json_object_set_new(o, "activities", json_integer((json_int_t)r->nAct));
        json_object_set_new(o, "progressing_or_on_target",
                            rep_json_share(r->nPositive, r->nAct));
        json_t *ld = json_object();
        for (int e = 0; e < COORD_LEAD_COUNT; e++) {
            json_object_set_new(ld, coord_lead_key((CoordLead)e),
                                json_integer((json_int_t)r->anLead[e]));
        }
        json_object_set_new(o, "lead", ld);
        json_object_set_new(o, "supported",
                            rep_json_share(r->nSupport, r->nAct));
        json_object_set_new(o, "least_progressing",
                            json_boolean(r->bLeastProgressing));
        json_array_append_new(areas, o);
    }
    json_object_set_new(root, "areas", areas);

    json_t *tests = json_array();
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        const CoordResult *r = coordination_result(c, t, -1);
        json_t *o = rep_json_result(c, r);
        json_object_set_new(o, "name", json_string(t->zName));
        json_object_set_new(o, "claim", json_string(t->zClaim));
        json_object_set_new(o, "first_group", json_string(t->zFirst));
        json_object_set_new(o, "second_group", json_string(t->zSecond));
        json_object_set_new(o, "measure", json_string(t->zMeasure));
        Buf x = BUF_INIT;
        rep_compare_sentence(r, &x);
        buf_putc(&x, ' ');
        rep_verdict_sentence(r, &x);
        json_object_set_new(o, "sentence", json_string(buf_str(&x)));
        buf_release(&x);
        if (t->bByArea) {
            json_t *ba = json_array();
            for (size_t a = 0; a < c->nArea; a++) {
                json_array_append_new(
                    ba, rep_json_result(c, coordination_result(c, t, (long)a)));
            }
            json_object_set_new(o, "by_area", ba);
        }
        json_array_append_new(tests, o);
    }
    json_object_set_new(root, "explanations", tests);

    json_t *silent = json_array();
    for (size_t f = 0; f < c->silent.n; f++) {
        json_t *o = json_object();
        json_object_set_new(o, "organisation",
                            c->silent.a[f].zOrg
                                ? json_string(c->silent.a[f].zOrg)
                                : json_null());
        json_object_set_new(o, "message", json_string(c->silent.a[f].zMessage));
        json_array_append_new(silent, o);
    }
    json_object_set_new(root, "silent", silent);

    char *z = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    if (z) {
        buf_puts(b, z);
        buf_putc(b, '\n');
        free(z);
    }
    json_decref(root);
    (void)i18n_use(ePrev);
}

/* ---- HTML ---------------------------------------------------------------------- */

/* The review report's stylesheet (review_html_css()) comes first, in a
** <style> of its own; these are only the rules the analysis adds. */
static const char zCss[] =
    "blockquote{margin:.5em 2em;font-style:italic}"
    "#organisations table,#explanations table{font-size:.85em}";

static void
rep_html_td_n(Buf *b, size_t n)
{
    buf_printf(b, "<td class=\"n\">%zu</td>", n);
}

static void
rep_html_td_share(Buf *b, size_t n, size_t nOf)
{
    HTML_LIT(b, "<td class=\"n\">");
    rep_cell_share(b, n, nOf);
    HTML_LIT(b, "</td>");
}

static void
rep_html_area_th(const Coordination *c, long a, Buf *b)
{
    HTML_LIT(b, "<th scope=\"row\">");
    esc_html(b, rep_area_code(c, a));
    buf_putc(b, ' ');
    esc_html(b, rep_area_name(c, a));
    HTML_LIT(b, "</th>");
}

static void
rep_html_explanations(const Coordination *c, Buf *b)
{
    HTML_LIT(b, "<section id=\"explanations\">\n<h2>");
    HTML_TR(b, "The review's explanations, tested");
    HTML_LIT(b, "</h2>\n");
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        const CoordResult *r = coordination_result(c, t, -1);
        Buf x = BUF_INIT;
        HTML_LIT(b, "<section id=\"test-");
        esc_html(b, t->zName);
        HTML_LIT(b, "\">\n<h3>");
        esc_html(b, _(t->zTitle));
        HTML_LIT(b, "</h3>\n<blockquote><p>");
        esc_html(b, _(t->zClaim));
        HTML_LIT(b, "</p></blockquote>\n<p>");
        rep_compare_sentence(r, &x);
        esc_html(b, buf_str(&x));
        buf_reset(&x);
        buf_putc(b, ' ');
        rep_verdict_sentence(r, &x);
        esc_html(b, buf_str(&x));
        buf_release(&x);
        HTML_LIT(b, "</p>\n");
        if (t->bByArea && c->nArea) {
            HTML_LIT(b, "<table>\n<caption>");
            x = (Buf)BUF_INIT;
            /* TRANSLATORS: "By area: share that are progressing or on
            ** target". */
            buf_printf(&x, _("By %s: share that %s"), rep_area_level(c),
                       _(t->zMeasure));
            esc_html(b, buf_str(&x));
            buf_release(&x);
            HTML_LIT(b, "</caption>\n<thead><tr><th scope=\"col\">");
            x = (Buf)BUF_INIT;
            utf8_capitalise(&x, rep_area_level(c));
            esc_html(b, buf_str(&x));
            buf_release(&x);
            HTML_LIT(b, "</th><th scope=\"col\">");
            x = (Buf)BUF_INIT;
            rep_capitalised(&x, _(t->zFirst));
            esc_html(b, buf_str(&x));
            buf_release(&x);
            HTML_LIT(b, "</th><th scope=\"col\">");
            x = (Buf)BUF_INIT;
            rep_capitalised(&x, _(t->zSecond));
            esc_html(b, buf_str(&x));
            buf_release(&x);
            HTML_LIT(b, "</th><th scope=\"col\">");
            HTML_TR(b, "Difference (points)");
            HTML_LIT(b, "</th><th scope=\"col\">");
            HTML_TR(b, "Verdict");
            HTML_LIT(b, "</th></tr></thead>\n<tbody>\n");
            for (size_t a = 0; a < c->nArea; a++) {
                const CoordResult *ra = coordination_result(c, t, (long)a);
                HTML_LIT(b, "<tr>");
                rep_html_area_th(c, (long)a, b);
                rep_html_td_share(b, ra->first.n, ra->first.nOf);
                rep_html_td_share(b, ra->second.n, ra->second.nOf);
                buf_printf(b, "<td class=\"n\">%+ld</td><td>", ra->diffPp);
                esc_html(b, rep_verdict_label(ra));
                HTML_LIT(b, "</td></tr>\n");
            }
            HTML_LIT(b, "</tbody></table>\n");
        }
        HTML_LIT(b, "</section>\n");
    }
    /* The areas, whose shares the last two comparisons rest on. */
    if (c->nArea) {
        HTML_LIT(b, "<table>\n<caption>");
        Buf x = BUF_INIT;
        buf_printf(&x, _("Activities by %s: progress, who leads them, support"),
                   rep_area_level(c));
        esc_html(b, buf_str(&x));
        buf_reset(&x);
        HTML_LIT(b, "</caption>\n<thead><tr><th scope=\"col\">");
        utf8_capitalise(&x, rep_area_level(c));
        esc_html(b, buf_str(&x));
        buf_release(&x);
        static const char *const azHead[] = {
            N_("Activities"),
            N_("Progressing or on target"),
            N_("Several responsible bodies"),
            N_("One government body"),
            N_("Supported by a development partner or UN agency"),
            N_("Least progressing"),
        };
        for (size_t k = 0; k < sizeof azHead / sizeof azHead[0]; k++) {
            HTML_LIT(b, "</th><th scope=\"col\">");
            esc_html(b, _(azHead[k]));
        }
        HTML_LIT(b, "</th></tr></thead>\n<tbody>\n");
        for (size_t a = 0; a < c->nArea; a++) {
            const CoordArea *r = &c->aArea[a];
            HTML_LIT(b, "<tr>");
            rep_html_area_th(c, (long)a, b);
            rep_html_td_n(b, r->nAct);
            rep_html_td_share(b, r->nPositive, r->nAct);
            rep_html_td_share(b, r->anLead[COORD_LEAD_SEVERAL], r->nAct);
            rep_html_td_share(b, r->anLead[COORD_LEAD_ONE_GOVERNMENT], r->nAct);
            rep_html_td_share(b, r->nSupport, r->nAct);
            HTML_LIT(b, "<td>");
            esc_html(b, r->bLeastProgressing ? _("yes") : _("no"));
            HTML_LIT(b, "</td></tr>\n");
        }
        HTML_LIT(b, "<tr><th scope=\"row\">");
        HTML_TR(b, "All activities");
        HTML_LIT(b, "</th>");
        rep_html_td_n(b, c->nAct);
        rep_html_td_share(b, c->nPositive, c->nAct);
        rep_html_td_share(b, c->anLead[COORD_LEAD_SEVERAL], c->nAct);
        rep_html_td_share(b, c->anLead[COORD_LEAD_ONE_GOVERNMENT], c->nAct);
        rep_html_td_share(b, c->nSupport, c->nAct);
        HTML_LIT(b, "<td></td></tr>\n</tbody></table>\n");
    }
    HTML_LIT(b, "</section>\n");
}

static void
rep_html_orgs(const Coordination *c, Buf *b)
{
    HTML_LIT(b, "<section id=\"organisations\">\n<h2>");
    HTML_TR(b, "Organisations");
    HTML_LIT(b, "</h2>\n<p>");
    Buf t = BUF_INIT;
    buf_printf(&t,
               _("Per organisation, the activities of round %s it is "
                 "responsible for and contributes to, how many of those were "
                 "reported, and the ratings of those it is responsible for; "
                 "shares are of the activities it is responsible for."),
               c->pRound->zCode);
    esc_html(b, buf_str(&t));
    buf_reset(&t);
    HTML_LIT(b, "</p>\n<table>\n<caption>");
    buf_printf(&t, _("Activities per organisation, %s"), c->pRound->zCode);
    esc_html(b, buf_str(&t));
    buf_release(&t);
    HTML_LIT(b, "</caption>\n<thead><tr>");
    rep_org_heads(b, 1, NULL);
    HTML_LIT(b, "</tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < c->nOrg; k++) {
        const CoordOrg *g = &c->aOrg[k];
        HTML_LIT(b, "<tr><th scope=\"row\">");
        if (g->pOrg && !str_eq(g->pOrg->zName, g->zAcronym)) {
            HTML_LIT(b, "<abbr title=\"");
            esc_html(b, org_name(g->pOrg, i18n_current()));
            HTML_LIT(b, "\">");
            esc_html(b, g->zAcronym);
            HTML_LIT(b, "</abbr>");
        } else {
            esc_html(b, g->zAcronym);
        }
        HTML_LIT(b, "</th><td>");
        esc_html(b, rep_kind_label(g->pOrg));
        HTML_LIT(b, "</td>");
        rep_html_td_n(b, g->nResp);
        rep_html_td_n(b, g->nRespReported);
        rep_html_td_n(b, g->nContrib);
        rep_html_td_n(b, g->nContribReported);
        rep_html_td_n(b, g->anRating[RATING_ON_TARGET]);
        rep_html_td_n(b, g->anRating[RATING_PROGRESSING]);
        rep_html_td_n(b, g->anRating[RATING_NOT_ON_TARGET]);
        rep_html_td_n(b, g->anRating[RATING_NONE]);
        if (g->nResp) {
            rep_html_td_share(b,
                              g->anRating[RATING_PROGRESSING] +
                                  g->anRating[RATING_ON_TARGET],
                              g->nResp);
        } else {
            HTML_LIT(b, "<td></td>");
        }
        HTML_LIT(b, "<td>");
        esc_html(b, g->bSilent ? _("yes") : "");
        HTML_LIT(b, "</td></tr>\n");
    }
    HTML_LIT(b, "</tbody></table>\n</section>\n");
}

/* One activity as a list item: code, text, responsible bodies. */
static void
rep_html_activity_li(const Coordination *c, const CoordActivity *a, Buf *b)
{
    const Node *n = rep_node(c, a);
    Buf x = BUF_INIT;
    HTML_LIT(b, "<li>");
    esc_html(b, n->zCode);
    buf_putc(b, ' ');
    esc_html(b, node_text(n, i18n_current()));
    buf_putc(b, ' ');
    rep_responsible(&x, n);
    esc_html(b, buf_str(&x));
    buf_release(&x);
    HTML_LIT(b, "</li>\n");
}

static void
rep_html_lists(const Coordination *c, Buf *b)
{
    HTML_LIT(b, "<section id=\"responsibility\">\n<h2>");
    HTML_TR(b, "Responsibility");
    HTML_LIT(b, "</h2>\n");
    for (const CoordList *l = aCoordList; l->zName; l++) {
        if (str_eq(l->zName, "same_wording")) {
            continue; /* the groups below say more */
        }
        size_t n = coordination_list_count(c, l);
        HTML_LIT(b, "<h3 id=\"list-");
        esc_html(b, l->zName);
        HTML_LIT(b, "\">");
        Buf h = BUF_INIT;
        rep_list_heading(c, l, n, &h);
        esc_html(b, buf_str(&h));
        buf_release(&h);
        HTML_LIT(b, "</h3>\n");
        if (!n) {
            HTML_LIT(b, "<p>");
            HTML_TR(b, "None.");
            HTML_LIT(b, "</p>\n");
            continue;
        }
        HTML_LIT(b, "<ul>\n");
        for (size_t i = 0; i < c->nAct; i++) {
            if (l->xHas(&c->aAct[i])) {
                rep_html_activity_li(c, &c->aAct[i], b);
            }
        }
        HTML_LIT(b, "</ul>\n");
    }
    HTML_LIT(b, "<h3 id=\"list-same_wording\">");
    Buf h = BUF_INIT;
    rep_overlap_heading(c, &h);
    esc_html(b, buf_str(&h));
    buf_release(&h);
    HTML_LIT(b, "</h3>\n");
    if (!c->nOverlap) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "None.");
        HTML_LIT(b, "</p>\n");
    }
    for (size_t k = 0; k < c->nOverlap; k++) {
        const CoordOverlap *o = &c->aOverlap[k];
        HTML_LIT(b, "<p>");
        esc_html(b, o->bAcrossOrgs ? _("Under different responsible bodies:")
                                   : _("Under the same responsible bodies:"));
        HTML_LIT(b, " \xE2\x80\x9C");
        esc_html(b, c->aAct[o->aiAct[0]].zWording);
        HTML_LIT(b, "\xE2\x80\x9D</p>\n<ul>\n");
        for (size_t q = 0; q < o->nAct; q++) {
            rep_html_activity_li(c, &c->aAct[o->aiAct[q]], b);
        }
        HTML_LIT(b, "</ul>\n");
    }
    HTML_LIT(b, "</section>\n");
}

static void
rep_html_silent(const Coordination *c, Buf *b)
{
    HTML_LIT(b, "<section id=\"silent\">\n<h2>");
    HTML_TR(b, "Responsible but silent");
    HTML_LIT(b, "</h2>\n<p>");
    HTML_TR(b, "As lmpmon's data-quality rule silent_responsible_org decides");
    HTML_LIT(b, " (<code>lmpmon check</code>): ");
    esc_html(b, c->bStatements
                    ? _("a responsible organisation that gave no statement in "
                        "the round.")
                    : _("for a round imported from a report, a responsible "
                        "government body that no narrative of its activities "
                        "mentions."));
    HTML_LIT(b, "</p>\n");
    if (!c->silent.n) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "None.");
        HTML_LIT(b, "</p>\n");
    } else {
        HTML_LIT(b, "<ul>\n");
        for (size_t f = 0; f < c->silent.n; f++) {
            HTML_LIT(b, "<li>");
            esc_html(b, c->silent.a[f].zMessage);
            HTML_LIT(b, "</li>\n");
        }
        HTML_LIT(b, "</ul>\n");
    }
    HTML_LIT(b, "</section>\n");
}

/* Fill of a heat-map cell of n out of a largest nMax: white for 0, then
** from light to dark blue, so that lightness alone tells the order. */
static void
rep_heat_fill(size_t n, size_t nMax, char *z, size_t nz, int *pbDark)
{
    static const unsigned aLight[3] = { 0xde, 0xeb, 0xf7 };
    static const unsigned aDark[3] = { 0x08, 0x30, 0x6b };
    if (n == 0 || nMax == 0) {
        (void)snprintf(z, nz, "#ffffff");
        *pbDark = 0;
        return;
    }
    double t = nMax > 1 ? (double)(n - 1) / (double)(nMax - 1) : 1.0;
    unsigned rgb[3];
    for (int k = 0; k < 3; k++) {
        rgb[k] = (unsigned)((double)aLight[k] +
                            t * ((double)aDark[k] - (double)aLight[k]) + 0.5);
    }
    (void)snprintf(z, nz, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    /* White text where it contrasts more than black: relative luminance
    ** (WCAG) below 0.179. */
    double aLin[3];
    for (int k = 0; k < 3; k++) {
        double v = (double)rgb[k] / 255.0;
        aLin[k] = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    *pbDark = 0.2126 * aLin[0] + 0.7152 * aLin[1] + 0.0722 * aLin[2] < 0.179;
}

/* The heat map draws at most this many organisations (those responsible
** for the most activities: aOrg's order); the table behind it has all. */
#define REP_HEAT_ROWS 40

/* The number of organisations responsible for at least one activity. */
static size_t
rep_responsible_orgs(const Coordination *c)
{
    size_t n = 0;
    for (size_t k = 0; k < c->nOrg; k++) {
        n += c->aOrg[k].nResp > 0;
    }
    return n;
}

static void
rep_heatmap_svg(const Coordination *c, const char *zTitle, Buf *b)
{
    size_t nRow = rep_responsible_orgs(c), nMax = 0;
    nRow = nRow > REP_HEAT_ROWS ? REP_HEAT_ROWS : nRow;
    /* aOrg puts the responsible ones first, most responsible first. */
    for (size_t k = 0; k < nRow; k++) {
        for (size_t a = 0; a < c->nArea; a++) {
            nMax = c->aOrg[k].anArea[a] > nMax ? c->aOrg[k].anArea[a] : nMax;
        }
    }
    const int wLabel = 240, wCell = 64, hRow = 22, top = 56;
    int width = wLabel + (int)c->nArea * wCell + 70;
    int height = top + (int)nRow * hRow + 30;
    buf_printf(
        b,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d "
        "%d\" width=\"%d\" height=\"%d\" role=\"img\" "
        "aria-labelledby=\"coord-t1 coord-d1\" font-family=\"sans-serif\" "
        "font-size=\"12\">\n<title id=\"coord-t1\">",
        width, height, width, height);
    esc_html(b, zTitle);
    HTML_LIT(b, "</title>\n<desc id=\"coord-d1\">");
    for (size_t k = 0; k < nRow; k++) {
        const CoordOrg *g = &c->aOrg[k];
        esc_html(b, g->zAcronym);
        buf_printf(b, ": %zu", g->nResp);
        for (size_t a = 0; a < c->nArea; a++) {
            buf_puts(b, a ? ", " : " (");
            esc_html(b, rep_area_code(c, (long)a));
            buf_printf(b, " %zu", g->anArea[a]);
        }
        buf_puts(b, c->nArea ? "). " : ". ");
    }
    HTML_LIT(b, "</desc>\n<text x=\"0\" y=\"16\" font-size=\"14\" "
                "font-weight=\"bold\">");
    esc_html(b, zTitle);
    HTML_LIT(b, "</text>\n");
    for (size_t a = 0; a < c->nArea; a++) {
        buf_printf(b,
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                   "font-weight=\"bold\"><title>",
                   wLabel + (int)a * wCell + wCell / 2, top - 8);
        esc_html(b, rep_area_name(c, (long)a));
        HTML_LIT(b, "</title>");
        esc_html(b, rep_area_code(c, (long)a));
        HTML_LIT(b, "</text>\n");
    }
    buf_printf(b,
               "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
               "font-weight=\"bold\">",
               wLabel + (int)c->nArea * wCell + 30, top - 8);
    HTML_TR(b, "All");
    HTML_LIT(b, "</text>\n");
    for (size_t k = 0; k < nRow; k++) {
        const CoordOrg *g = &c->aOrg[k];
        int y = top + (int)k * hRow;
        Buf label = BUF_INIT;
        utf8_pad(&label, g->zAcronym, 34);
        while (label.n && label.z[label.n - 1] == ' ') {
            buf_truncate(&label, label.n - 1);
        }
        buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
                   wLabel - 8, y + 15);
        esc_html(b, buf_str(&label));
        HTML_LIT(b, "</text>\n");
        buf_release(&label);
        for (size_t a = 0; a < c->nArea; a++) {
            char zFill[8];
            int bDark;
            size_t n = g->anArea[a];
            rep_heat_fill(n, nMax, zFill, sizeof zFill, &bDark);
            int x = wLabel + (int)a * wCell;
            buf_printf(b,
                       "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                       "fill=\"%s\" stroke=\"#999999\"><title>",
                       x, y, wCell, hRow, zFill);
            esc_html(b, g->zAcronym);
            buf_puts(b, ", ");
            esc_html(b, rep_area_code(c, (long)a));
            buf_printf(b,
                       ": %zu</title></rect>\n<text x=\"%d\" y=\"%d\" "
                       "text-anchor=\"middle\" fill=\"%s\">%zu</text>\n",
                       n, x + wCell / 2, y + 15,
                       bDark ? "#ffffff"
                       : n   ? "#000000"
                             : "#767676",
                       n);
        }
        buf_printf(b,
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                   "font-weight=\"bold\">%zu</text>\n",
                   wLabel + (int)c->nArea * wCell + 30, y + 15, g->nResp);
    }
    buf_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#444444\">", 0,
               top + (int)nRow * hRow + 20);
    HTML_TR(b, "Activities each organisation is responsible for; darker is "
               "more.");
    if (nRow < rep_responsible_orgs(c)) {
        Buf t = BUF_INIT;
        buf_putc(&t, ' ');
        buf_printf(&t,
                   _("The %zu responsible for the most of the %zu; the "
                     "table lists all."),
                   nRow, rep_responsible_orgs(c));
        esc_html(b, buf_str(&t));
        buf_release(&t);
    }
    HTML_LIT(b, "</text>\n");
    HTML_LIT(b, "</svg>\n");
}

static void
rep_html_matrix(const Coordination *c, Buf *b)
{
    Buf t = BUF_INIT;
    buf_printf(&t, _("Responsible activities by organisation and %s"),
               rep_area_level(c));
    HTML_LIT(b, "<section id=\"matrix\">\n<h2>");
    esc_html(b, buf_str(&t));
    HTML_LIT(b, "</h2>\n");
    if (!c->nArea) {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "The plan has no level above its activities.");
        HTML_LIT(b, "</p>\n</section>\n");
        buf_release(&t);
        return;
    }
    Buf fig = BUF_INIT;
    buf_printf(&fig,
               _("Figure 1: Activities each organisation is responsible "
                 "for, by %s, round %s"),
               rep_area_level(c), c->pRound->zCode);
    HTML_LIT(b, "<figure>\n");
    rep_heatmap_svg(c, buf_str(&fig), b);
    HTML_LIT(b, "<figcaption>");
    esc_html(b, buf_str(&fig));
    HTML_LIT(b, ". ");
    HTML_TR(b, "The table below gives the same numbers.");
    HTML_LIT(b, "</figcaption>\n</figure>\n<table>\n<caption>");
    esc_html(b, buf_str(&t));
    HTML_LIT(b, "</caption>\n<thead><tr><th scope=\"col\">");
    HTML_TR(b, "Organisation");
    HTML_LIT(b, "</th>");
    for (size_t a = 0; a < c->nArea; a++) {
        HTML_LIT(b, "<th scope=\"col\"><abbr title=\"");
        esc_html(b, rep_area_name(c, (long)a));
        HTML_LIT(b, "\">");
        esc_html(b, rep_area_code(c, (long)a));
        HTML_LIT(b, "</abbr></th>");
    }
    HTML_LIT(b, "<th scope=\"col\">");
    HTML_TR(b, "All");
    HTML_LIT(b, "</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < c->nOrg; k++) {
        const CoordOrg *g = &c->aOrg[k];
        if (!g->nResp) {
            continue;
        }
        HTML_LIT(b, "<tr><th scope=\"row\">");
        esc_html(b, g->zAcronym);
        HTML_LIT(b, "</th>");
        for (size_t a = 0; a < c->nArea; a++) {
            rep_html_td_n(b, g->anArea[a]);
        }
        rep_html_td_n(b, g->nResp);
        HTML_LIT(b, "</tr>\n");
    }
    HTML_LIT(b, "</tbody></table>\n</section>\n");
    buf_release(&t);
    buf_release(&fig);
}

/* The HTML, with the downloads' links from zSelf when not NULL. */
static void
rep_render_html(const Coordination *c, const char *zSelf, Buf *b)
{
    const char *zTitle =
        c->pRound->zTitle ? c->pRound->zTitle : c->pRound->zCode;
    const char *zPlan = plan_title(c->p, i18n_current());
    Buf h = BUF_INIT;
    buf_printf(&h, _("Coordination: %s"), zTitle);
    HTML_LIT(b, "<!DOCTYPE html>\n<html lang=\"");
    esc_html(b, i18n_lang_code(i18n_current()));
    HTML_LIT(b, "\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta "
                "name=\"viewport\" content=\"width=device-width, "
                "initial-scale=1\"/>\n<title>");
    esc_html(b, buf_str(&h));
    buf_puts(b, " \xE2\x80\x94 ");
    esc_html(b, zPlan);
    HTML_LIT(b, "</title>\n<style>");
    buf_puts(b, review_html_css());
    HTML_LIT(b, "</style>\n<style>");
    buf_puts(b, zCss);
    HTML_LIT(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc_html(b, buf_str(&h));
    buf_release(&h);
    HTML_LIT(b, "</h1>\n<p>");
    esc_html(b, zPlan);
    if (c->pRound->zAsOf) {
        Buf d = BUF_INIT;
        rep_as_of(c, &d);
        esc_html(b, buf_str(&d));
        buf_release(&d);
    }
    HTML_LIT(b, "</p>\n");
    if (zSelf) {
        report_format_links(aCoordinationFormat, zSelf, b);
    }
    HTML_LIT(b, "</header>\n<p class=\"method\">");
    Buf x = BUF_INIT;
    rep_method(c, &x);
    esc_html(b, buf_str(&x));
    buf_release(&x);
    HTML_LIT(b, "</p>\n<section id=\"summary\">\n<h2>");
    HTML_TR(b, "Summary");
    HTML_LIT(b, "</h2>\n<ul class=\"sentences\">\n");
    Sentences s = { 0 };
    rep_summary(c, &s);
    for (size_t i = 0; i < s.n; i++) {
        HTML_LIT(b, "<li>");
        esc_html(b, s.az[i]);
        HTML_LIT(b, "</li>\n");
    }
    sentences_release(&s);
    HTML_LIT(b, "</ul>\n</section>\n");
    rep_html_explanations(c, b);
    rep_html_orgs(c, b);
    rep_html_lists(c, b);
    rep_html_silent(c, b);
    rep_html_matrix(c, b);
    HTML_LIT(b, "</body>\n</html>\n");
}

void
coordination_render_html(const Coordination *c, Buf *b)
{
    rep_render_html(c, NULL, b);
}

/* ---- Markdown --------------------------------------------------------------------- */

static void
rep_md_share(Buf *b, size_t n, size_t nOf)
{
    buf_putc(b, ' ');
    rep_cell_share(b, n, nOf);
    buf_puts(b, " |");
}

static void
rep_md_activity(const Coordination *c, const CoordActivity *a, Buf *b)
{
    const Node *n = rep_node(c, a);
    Buf x = BUF_INIT;
    buf_puts(b, "- ");
    esc_md_line(b, n->zCode);
    buf_putc(b, ' ');
    esc_md_text(b, node_text(n, i18n_current()));
    buf_putc(b, ' ');
    rep_responsible(&x, n);
    esc_md_text(b, buf_str(&x));
    buf_release(&x);
    buf_putc(b, '\n');
}

void
coordination_render_md(const Coordination *c, Buf *b)
{
    const char *zTitle =
        c->pRound->zTitle ? c->pRound->zTitle : c->pRound->zCode;
    Buf x = BUF_INIT;
    buf_puts(b, "# ");
    buf_printf(&x, _("Coordination: %s"), zTitle);
    esc_md_text(b, buf_str(&x));
    buf_reset(&x);
    buf_puts(b, "\n\n");
    esc_md_line(b, plan_title(c->p, i18n_current()));
    if (c->pRound->zAsOf) {
        rep_as_of(c, &x);
        esc_md_text(b, buf_str(&x));
        buf_reset(&x);
    }
    buf_puts(b, "\n\n");
    rep_method(c, &x);
    esc_md_line(b, buf_str(&x));
    buf_reset(&x);
    buf_puts(b, "\n\n## ");
    esc_md_text(b, _("Summary"));
    buf_puts(b, "\n\n");
    Sentences s = { 0 };
    rep_summary(c, &s);
    for (size_t i = 0; i < s.n; i++) {
        buf_puts(b, "- ");
        esc_md_line(b, s.az[i]);
        buf_putc(b, '\n');
    }
    sentences_release(&s);

    buf_puts(b, "\n## ");
    esc_md_text(b, _("The review's explanations, tested"));
    buf_putc(b, '\n');
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        const CoordResult *r = coordination_result(c, t, -1);
        buf_puts(b, "\n### ");
        esc_md_text(b, _(t->zTitle));
        buf_puts(b, "\n\n");
        rep_claim_sentence(t, &x);
        esc_md_line(b, buf_str(&x));
        buf_reset(&x);
        buf_puts(b, "\n\n");
        rep_compare_sentence(r, &x);
        buf_putc(&x, ' ');
        rep_verdict_sentence(r, &x);
        esc_md_line(b, buf_str(&x));
        buf_reset(&x);
        buf_putc(b, '\n');
        if (t->bByArea && c->nArea) {
            buf_puts(b, "\n| ");
            utf8_capitalise(&x, rep_area_level(c));
            esc_md_cell(b, buf_str(&x));
            buf_reset(&x);
            buf_puts(b, " | ");
            rep_capitalised(&x, _(t->zFirst));
            esc_md_cell(b, buf_str(&x));
            buf_reset(&x);
            buf_puts(b, " | ");
            rep_capitalised(&x, _(t->zSecond));
            esc_md_cell(b, buf_str(&x));
            buf_reset(&x);
            buf_puts(b, " | ");
            esc_md_cell(b, _("Difference (points)"));
            buf_puts(b, " | ");
            esc_md_cell(b, _("Verdict"));
            buf_puts(b, " |\n|---|---:|---:|---:|---|\n");
            for (size_t a = 0; a < c->nArea; a++) {
                const CoordResult *ra = coordination_result(c, t, (long)a);
                buf_puts(b, "| ");
                esc_md_cell(b, rep_area_code(c, (long)a));
                buf_putc(b, ' ');
                esc_md_cell(b, rep_area_name(c, (long)a));
                buf_puts(b, " |");
                rep_md_share(b, ra->first.n, ra->first.nOf);
                rep_md_share(b, ra->second.n, ra->second.nOf);
                buf_printf(b, " %+ld | ", ra->diffPp);
                esc_md_cell(b, rep_verdict_label(ra));
                buf_puts(b, " |\n");
            }
        }
    }
    if (c->nArea) {
        buf_puts(b, "\n### ");
        buf_printf(&x, _("Activities by %s"), rep_area_level(c));
        esc_md_text(b, buf_str(&x));
        buf_reset(&x);
        buf_puts(b, "\n\n| ");
        utf8_capitalise(&x, rep_area_level(c));
        esc_md_cell(b, buf_str(&x));
        buf_reset(&x);
        static const char *const azHead[] = {
            N_("Activities"),
            N_("Progressing or on target"),
            N_("Several responsible bodies"),
            N_("One government body"),
            N_("Supported"),
            N_("Least progressing"),
        };
        for (size_t k = 0; k < sizeof azHead / sizeof azHead[0]; k++) {
            buf_puts(b, " | ");
            esc_md_cell(b, _(azHead[k]));
        }
        buf_puts(b, " |\n|---|---:|---:|---:|---:|---:|---|\n");
        for (size_t a = 0; a < c->nArea; a++) {
            const CoordArea *r = &c->aArea[a];
            buf_puts(b, "| ");
            esc_md_cell(b, rep_area_code(c, (long)a));
            buf_putc(b, ' ');
            esc_md_cell(b, rep_area_name(c, (long)a));
            buf_printf(b, " | %zu |", r->nAct);
            rep_md_share(b, r->nPositive, r->nAct);
            rep_md_share(b, r->anLead[COORD_LEAD_SEVERAL], r->nAct);
            rep_md_share(b, r->anLead[COORD_LEAD_ONE_GOVERNMENT], r->nAct);
            rep_md_share(b, r->nSupport, r->nAct);
            buf_printf(b, " %s |\n", r->bLeastProgressing ? _("yes") : _("no"));
        }
        buf_puts(b, "| ");
        esc_md_cell(b, _("All activities"));
        buf_printf(b, " | %zu |", c->nAct);
        rep_md_share(b, c->nPositive, c->nAct);
        rep_md_share(b, c->anLead[COORD_LEAD_SEVERAL], c->nAct);
        rep_md_share(b, c->anLead[COORD_LEAD_ONE_GOVERNMENT], c->nAct);
        rep_md_share(b, c->nSupport, c->nAct);
        buf_puts(b, "  |\n");
    }

    buf_puts(b, "\n## ");
    esc_md_text(b, _("Organisations"));
    buf_puts(b, "\n\n");
    esc_md_line(b, _("Shares are of the activities each organisation is "
                     "responsible for."));
    buf_puts(b, "\n\n");
    rep_org_heads(b, 0, NULL);
    buf_puts(b, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (size_t k = 0; k < c->nOrg; k++) {
        const CoordOrg *g = &c->aOrg[k];
        buf_puts(b, "| ");
        esc_md_cell(b, g->zAcronym);
        buf_puts(b, " | ");
        esc_md_cell(b, rep_kind_label(g->pOrg));
        buf_printf(b, " | %zu | %zu | %zu | %zu | %zu | %zu | %zu | %zu |",
                   g->nResp, g->nRespReported, g->nContrib, g->nContribReported,
                   g->anRating[RATING_ON_TARGET],
                   g->anRating[RATING_PROGRESSING],
                   g->anRating[RATING_NOT_ON_TARGET], g->anRating[RATING_NONE]);
        if (g->nResp) {
            rep_md_share(b,
                         g->anRating[RATING_PROGRESSING] +
                             g->anRating[RATING_ON_TARGET],
                         g->nResp);
        } else {
            buf_puts(b, "  |");
        }
        buf_printf(b, " %s |\n", g->bSilent ? _("yes") : "");
    }

    buf_puts(b, "\n## ");
    esc_md_text(b, _("Responsibility"));
    buf_putc(b, '\n');
    for (const CoordList *l = aCoordList; l->zName; l++) {
        if (str_eq(l->zName, "same_wording")) {
            continue; /* the groups below say more */
        }
        size_t n = coordination_list_count(c, l);
        buf_puts(b, "\n### ");
        rep_list_heading(c, l, n, &x);
        esc_md_text(b, buf_str(&x));
        buf_reset(&x);
        buf_puts(b, "\n\n");
        if (!n) {
            esc_md_line(b, _("None."));
            buf_putc(b, '\n');
        }
        for (size_t i = 0; i < c->nAct; i++) {
            if (l->xHas(&c->aAct[i])) {
                rep_md_activity(c, &c->aAct[i], b);
            }
        }
    }
    buf_puts(b, "\n### ");
    rep_overlap_heading(c, &x);
    esc_md_text(b, buf_str(&x));
    buf_reset(&x);
    buf_putc(b, '\n');
    if (!c->nOverlap) {
        buf_putc(b, '\n');
        esc_md_line(b, _("None."));
        buf_putc(b, '\n');
    }
    for (size_t k = 0; k < c->nOverlap; k++) {
        const CoordOverlap *o = &c->aOverlap[k];
        buf_putc(b, '\n');
        esc_md_text(b, o->bAcrossOrgs
                           ? _("Under different responsible bodies:")
                           : _("Under the same responsible bodies:"));
        buf_puts(b, " \xE2\x80\x9C");
        esc_md_text(b, c->aAct[o->aiAct[0]].zWording);
        buf_puts(b, "\xE2\x80\x9D\n\n");
        for (size_t q = 0; q < o->nAct; q++) {
            rep_md_activity(c, &c->aAct[o->aiAct[q]], b);
        }
    }

    buf_puts(b, "\n## ");
    esc_md_text(b, _("Responsible but silent"));
    buf_puts(b, "\n\n");
    esc_md_text(b, _("As lmpmon's data-quality rule silent_responsible_org "
                     "decides"));
    buf_puts(b, " (`lmpmon check`).\n\n");
    if (!c->silent.n) {
        esc_md_line(b, _("None."));
        buf_putc(b, '\n');
    }
    for (size_t f = 0; f < c->silent.n; f++) {
        buf_puts(b, "- ");
        esc_md_line(b, c->silent.a[f].zMessage);
        buf_putc(b, '\n');
    }

    if (c->nArea) {
        buf_puts(b, "\n## ");
        buf_printf(&x, _("Responsible activities by organisation and %s"),
                   rep_area_level(c));
        esc_md_text(b, buf_str(&x));
        buf_reset(&x);
        buf_puts(b, "\n\n| ");
        esc_md_cell(b, _("Organisation"));
        buf_puts(b, " |");
        for (size_t a = 0; a < c->nArea; a++) {
            buf_putc(b, ' ');
            esc_md_cell(b, rep_area_code(c, (long)a));
            buf_puts(b, " |");
        }
        buf_putc(b, ' ');
        esc_md_cell(b, _("All"));
        buf_puts(b, " |\n|---|");
        for (size_t a = 0; a <= c->nArea; a++) {
            buf_puts(b, "---:|");
        }
        buf_putc(b, '\n');
        for (size_t k = 0; k < c->nOrg; k++) {
            const CoordOrg *g = &c->aOrg[k];
            if (!g->nResp) {
                continue;
            }
            buf_puts(b, "| ");
            esc_md_cell(b, g->zAcronym);
            buf_puts(b, " |");
            for (size_t a = 0; a < c->nArea; a++) {
                buf_printf(b, " %zu |", g->anArea[a]);
            }
            buf_printf(b, " %zu |\n", g->nResp);
        }
    }
    buf_release(&x);
}

/* ---- PDF and Word ------------------------------------------------------------ */

/* A table of shares by area of test t (the HTML's), in x's last part. */
static void
rep_print_test_table(const Coordination *c, const CoordTest *t,
                     SheetDocParts *x)
{
    Sheet *s = sheet_doc_table(x, "test");
    Buf h = BUF_INIT;
    utf8_capitalise(&h, rep_area_level(c));
    sheet_col(s, buf_str(&h));
    buf_reset(&h);
    rep_capitalised(&h, _(t->zFirst));
    sheet_col(s, buf_str(&h));
    buf_reset(&h);
    rep_capitalised(&h, _(t->zSecond));
    sheet_col(s, buf_str(&h));
    buf_reset(&h);
    sheet_col(s, _("Difference (points)"));
    sheet_col(s, _("Verdict"));
    for (size_t a = 0; a < c->nArea; a++) {
        const CoordResult *ra = coordination_result(c, t, (long)a);
        buf_printf(&h, "%s %s", rep_area_code(c, (long)a),
                   rep_area_name(c, (long)a));
        sheet_text(s, buf_str(&h));
        buf_reset(&h);
        rep_cell_share(&h, ra->first.n, ra->first.nOf);
        sheet_text(s, buf_str(&h));
        buf_reset(&h);
        rep_cell_share(&h, ra->second.n, ra->second.nOf);
        sheet_text(s, buf_str(&h));
        buf_reset(&h);
        buf_printf(&h, "%+ld", ra->diffPp);
        sheet_num_text(s, (double)ra->diffPp, buf_str(&h));
        buf_reset(&h);
        sheet_text(s, rep_verdict_label(ra));
    }
    buf_release(&h);
}

/* The row of the areas' table (rep_html_explanations()'s) for area a, or
** for all activities when a is negative. */
static void
rep_print_area_row(const Coordination *c, long a, Sheet *s)
{
    Buf h = BUF_INIT;
    const CoordArea *r = a >= 0 ? &c->aArea[a] : NULL;
    if (r) {
        buf_printf(&h, "%s %s", rep_area_code(c, a), rep_area_name(c, a));
    } else {
        buf_puts(&h, _("All activities"));
    }
    sheet_text(s, buf_str(&h));
    size_t nAct = r ? r->nAct : c->nAct;
    sheet_num(s, (long)nAct);
    size_t an[4] = {
        r ? r->nPositive : c->nPositive,
        r ? r->anLead[COORD_LEAD_SEVERAL] : c->anLead[COORD_LEAD_SEVERAL],
        r ? r->anLead[COORD_LEAD_ONE_GOVERNMENT]
          : c->anLead[COORD_LEAD_ONE_GOVERNMENT],
        r ? r->nSupport : c->nSupport,
    };
    for (int k = 0; k < 4; k++) {
        buf_reset(&h);
        rep_cell_share(&h, an[k], nAct);
        sheet_text(s, buf_str(&h));
    }
    sheet_text(s, !r ? "" : r->bLeastProgressing ? _("yes") : _("no"));
    buf_release(&h);
}

/* The explanations tested, as rep_html_explanations() shows them. */
static void
rep_print_explanations(const Coordination *c, SheetDocParts *x)
{
    Buf h = BUF_INIT;
    sheet_doc_part(x, 2, _("The review's explanations, tested"), NULL);
    for (const CoordTest *t = aCoordTest; t->zName; t++) {
        const CoordResult *r = coordination_result(c, t, -1);
        rep_claim_sentence(t, &h);
        buf_putc(&h, ' ');
        rep_compare_sentence(r, &h);
        buf_putc(&h, ' ');
        rep_verdict_sentence(r, &h);
        sheet_doc_part(x, 3, _(t->zTitle), buf_str(&h));
        buf_reset(&h);
        if (t->bByArea && c->nArea) {
            rep_print_test_table(c, t, x);
        }
    }
    if (c->nArea) {
        buf_printf(&h, _("Activities by %s: progress, who leads them, support"),
                   rep_area_level(c));
        sheet_doc_part(x, 3, buf_str(&h), NULL);
        buf_reset(&h);
        Sheet *s = sheet_doc_table(x, "areas");
        utf8_capitalise(&h, rep_area_level(c));
        sheet_col(s, buf_str(&h));
        static const char *const azHead[] = {
            N_("Activities"),
            N_("Progressing or on target"),
            N_("Several responsible bodies"),
            N_("One government body"),
            N_("Supported by a development partner or UN agency"),
            N_("Least progressing"),
        };
        for (size_t k = 0; k < sizeof azHead / sizeof azHead[0]; k++) {
            sheet_col(s, _(azHead[k]));
        }
        for (size_t a = 0; a < c->nArea; a++) {
            rep_print_area_row(c, (long)a, s);
        }
        rep_print_area_row(c, -1, s);
    }
    buf_release(&h);
}

/* The organisations' table, as rep_html_orgs() shows it. */
static void
rep_print_orgs(const Coordination *c, SheetDocParts *x)
{
    Buf h = BUF_INIT;
    buf_printf(&h,
               _("Per organisation, the activities of round %s it is "
                 "responsible for and contributes to, how many of those were "
                 "reported, and the ratings of those it is responsible for; "
                 "shares are of the activities it is responsible for."),
               c->pRound->zCode);
    sheet_doc_part(x, 2, _("Organisations"), buf_str(&h));
    Sheet *s = sheet_doc_table(x, "organisations");
    rep_org_heads(NULL, 1, s);
    for (size_t k = 0; k < c->nOrg; k++) {
        const CoordOrg *g = &c->aOrg[k];
        sheet_text(s, g->zAcronym);
        sheet_text(s, rep_kind_label(g->pOrg));
        size_t an[] = { g->nResp,
                        g->nRespReported,
                        g->nContrib,
                        g->nContribReported,
                        g->anRating[RATING_ON_TARGET],
                        g->anRating[RATING_PROGRESSING],
                        g->anRating[RATING_NOT_ON_TARGET],
                        g->anRating[RATING_NONE] };
        for (size_t q = 0; q < sizeof an / sizeof an[0]; q++) {
            sheet_num(s, (long)an[q]);
        }
        buf_reset(&h);
        if (g->nResp) {
            rep_cell_share(&h,
                           g->anRating[RATING_PROGRESSING] +
                               g->anRating[RATING_ON_TARGET],
                           g->nResp);
        }
        sheet_text(s, buf_str(&h));
        sheet_text(s, g->bSilent ? _("yes") : "");
    }
    buf_release(&h);
}

/* One activity as a list item: code, text, responsible bodies. */
static void
rep_print_activity(const Coordination *c, const CoordActivity *a,
                   SheetDocParts *x)
{
    const Node *n = rep_node(c, a);
    Buf h = BUF_INIT;
    buf_printf(&h, "%s %s ", n->zCode, node_text(n, i18n_current()));
    rep_responsible(&h, n);
    sheet_doc_item(x, buf_str(&h));
    buf_release(&h);
}

/* The lists of activities and the silent organisations, as
** rep_html_lists() and rep_html_silent() show them. */
static void
rep_print_lists(const Coordination *c, SheetDocParts *x)
{
    Buf h = BUF_INIT;
    sheet_doc_part(x, 2, _("Responsibility"), NULL);
    for (const CoordList *l = aCoordList; l->zName; l++) {
        if (str_eq(l->zName, "same_wording")) {
            continue; /* the groups below say more */
        }
        size_t n = coordination_list_count(c, l);
        rep_list_heading(c, l, n, &h);
        sheet_doc_part(x, 3, buf_str(&h), n ? NULL : _("None."));
        buf_reset(&h);
        for (size_t i = 0; i < c->nAct; i++) {
            if (l->xHas(&c->aAct[i])) {
                rep_print_activity(c, &c->aAct[i], x);
            }
        }
    }
    rep_overlap_heading(c, &h);
    sheet_doc_part(x, 3, buf_str(&h), c->nOverlap ? NULL : _("None."));
    buf_reset(&h);
    for (size_t k = 0; k < c->nOverlap; k++) {
        const CoordOverlap *o = &c->aOverlap[k];
        buf_printf(&h, "%s \xE2\x80\x9C%s\xE2\x80\x9D",
                   o->bAcrossOrgs ? _("Under different responsible bodies:")
                                  : _("Under the same responsible bodies:"),
                   c->aAct[o->aiAct[0]].zWording);
        sheet_doc_part(x, 0, NULL, buf_str(&h));
        buf_reset(&h);
        for (size_t q = 0; q < o->nAct; q++) {
            rep_print_activity(c, &c->aAct[o->aiAct[q]], x);
        }
    }
    buf_printf(&h, "%s (lmpmon check): %s",
               _("As lmpmon's data-quality rule silent_responsible_org "
                 "decides"),
               c->bStatements
                   ? _("a responsible organisation that gave no statement in "
                       "the round.")
                   : _("for a round imported from a report, a responsible "
                       "government body that no narrative of its activities "
                       "mentions."));
    sheet_doc_part(x, 2, _("Responsible but silent"), buf_str(&h));
    if (!c->silent.n) {
        sheet_doc_part(x, 0, NULL, _("None."));
    }
    for (size_t f = 0; f < c->silent.n; f++) {
        sheet_doc_item(x, c->silent.a[f].zMessage);
    }
    buf_release(&h);
}

/* The matrix of responsible activities by organisation and area (the
** numbers of the HTML's heat map). */
static void
rep_print_matrix(const Coordination *c, SheetDocParts *x)
{
    Buf h = BUF_INIT;
    buf_printf(&h, _("Responsible activities by organisation and %s"),
               rep_area_level(c));
    sheet_doc_part(x, 2, buf_str(&h),
                   c->nArea ? NULL
                            : _("The plan has no level above its "
                                "activities."));
    buf_release(&h);
    if (!c->nArea) {
        return;
    }
    Sheet *s = sheet_doc_table(x, "matrix");
    sheet_col(s, _("Organisation"));
    for (size_t a = 0; a < c->nArea; a++) {
        sheet_col(s, rep_area_code(c, (long)a));
    }
    sheet_col(s, _("All"));
    for (size_t k = 0; k < c->nOrg; k++) {
        const CoordOrg *g = &c->aOrg[k];
        if (!g->nResp) {
            continue;
        }
        sheet_text(s, g->zAcronym);
        for (size_t a = 0; a < c->nArea; a++) {
            sheet_num(s, (long)g->anArea[a]);
        }
        sheet_num(s, (long)g->nResp);
    }
}

/* The coordination report as a printed document (print.h): its method,
** summary, explanations, organisations, lists and matrix, each as the
** HTML says them.  0, or -1 with err when the printing module fails. */
static int
rep_render_print(const Coordination *c, int bDocx, Buf *b, AppErr *err)
{
    const char *zTitle =
        c->pRound->zTitle ? c->pRound->zTitle : c->pRound->zCode;
    Buf title = BUF_INIT, method = BUF_INIT;
    buf_printf(&title, _("Coordination: %s"), zTitle);
    rep_method(c, &method);
    SheetDocParts x = { 0 };
    sheet_doc_part(&x, 2, _("Summary"), NULL);
    Sentences s = { 0 };
    rep_summary(c, &s);
    for (size_t i = 0; i < s.n; i++) {
        sheet_doc_item(&x, s.az[i]);
    }
    sentences_release(&s);
    rep_print_explanations(c, &x);
    rep_print_orgs(c, &x);
    rep_print_lists(c, &x);
    rep_print_matrix(c, &x);
    SheetDocSpec spec = {
        .zPlan = plan_title(c->p, i18n_current()),
        .zTitle = buf_str(&title),
        .zAsOf = c->pRound->zAsOf,
        /* TRANSLATORS: follows "Generated on DATE by lmpmon from the data: "
        ** on the cover. */
        .zCoverNote = _("the responsible and contributing organisations "
                        "of the round's activities, their ratings and "
                        "whether they reported."),
        .zIntro = buf_str(&method),
    };
    spec.aPart = sheet_doc_parts(&x, &spec.nPart);
    int rc = sheet_render_print(&spec, bDocx, b, err);
    sheet_doc_parts_release(&x);
    buf_release(&title);
    buf_release(&method);
    return rc;
}

const ReportFormat aCoordinationFormat[] = {
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
coordination_render(const Coordination *c, const char *zFormat, Buf *b,
                    AppErr *err)
{
    const ReportFormat *f = report_format_need(aCoordinationFormat, zFormat,
                                               "coordination report", err);
    if (!f) {
        return -1;
    }
    if (f->bPrint) {
        return rep_render_print(c, str_eq(f->zName, "docx"), b, err);
    }
    switch (f - aCoordinationFormat) {
    case 0:
        coordination_render_html(c, b);
        break;
    case 1:
        coordination_render_md(c, b);
        break;
    case 2:
        coordination_render_csv(c, b);
        break;
    default:
        coordination_render_json(c, b);
    }
    return 0;
}

int
coordination_report(const Model *m, const Plan *p, const char *zRound,
                    const FundSet *pFund, const char *zFormat,
                    const char *zSelf, Buf *b, AppErr *err)
{
    const ReportFormat *f = report_format_need(aCoordinationFormat, zFormat,
                                               "coordination report", err);
    if (!f) {
        return -1;
    }
    int bData = str_eq(f->zName, "csv") || str_eq(f->zName, "json");
    I18nLang ePrev = bData ? i18n_use(I18N_EN) : i18n_current();
    Coordination c;
    int rc = coordination_build_funded(m, p, zRound, pFund, &c, err);
    if (rc == 0) {
        if (zSelf && str_eq(f->zName, "html")) {
            rep_render_html(&c, zSelf, b);
        } else {
            rc = coordination_render(&c, zFormat, b, err);
        }
        coordination_release(&c);
    }
    (void)i18n_use(ePrev);
    return rc;
}

const char *
coordination_html_css(void)
{
    return zCss;
}
