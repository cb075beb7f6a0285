/*
** review_report.c — building the review report and its text formats
** (Markdown, CSV, JSON).  HTML and SVG are in review_html.c.
*/
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "review_report.h"
#include "escape.h"
#include "../core/claims.h"
#include "../base/base.h"
#include "../io/csv.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The statuses in the order reports list them. */
static const Rating aStatusOrder[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                       RATING_NOT_ON_TARGET, RATING_NONE };

const char *
review_group_name(const ReviewReport *r, long iNode)
{
    return iNode < 0 ? _("All activities")
                     : node_text(&r->p->aNode[iNode], i18n_current());
}

/* English article heuristic for a group name (see review_group_phrase). */
static int
review_wants_article(const char *z)
{
    const char *zSecond = strchr(z, ' ');
    size_t n = strlen(z);
    if (n > 0 && (z[n - 1] == 's' || z[n - 1] == 'S')) {
        return 0;
    }
    if (zSecond && (strncmp(zSecond, " of ", 4) == 0)) {
        return 1;
    }
    if (zSecond && (strncmp(zSecond, " and ", 5) == 0 ||
                    strncmp(zSecond, " in ", 4) == 0)) {
        return 0;
    }
    return 1;
}

void
review_group_phrase(const ReviewReport *r, long iNode, Buf *b)
{
    if (iNode < 0) {
        buf_puts(b, _("all activities"));
        return;
    }
    const Node *n = &r->p->aNode[iNode];
    const Level *l = &r->p->aLevel[n->iLevel];
    if (l->bIndicator || strlen(n->zText) > 60) {
        buf_printf(b, "%s %s", l->zName, n->zCode);
        return;
    }
    /* Other languages than English name the group as it is written: the
    ** lower case and the article below are English grammar. */
    if (i18n_current() != I18N_EN) {
        buf_puts(b, node_text(n, i18n_current()));
        return;
    }
    /* "International Framework" -> "the international framework"; words
    ** in capitals or with digits (acronyms: "ASEAN", "MOLVT") stay.  The
    ** article follows the review's usage: none before a plural ("support
    ** services") or a mass noun phrase ("migration in ...", "return and
    ** reintegration"), "the" otherwise. */
    if (review_wants_article(n->zText)) {
        buf_puts(b, "the ");
    }
    const char *z = n->zText;
    while (*z) {
        const char *e = z;
        while (*e && *e != ' ') {
            e++;
        }
        int bAcronym = 0, nUpper = 0;
        for (const char *q = z; q < e; q++) {
            nUpper += *q >= 'A' && *q <= 'Z';
            bAcronym |= *q >= '0' && *q <= '9';
        }
        bAcronym |= nUpper > 1;
        for (const char *q = z; q < e; q++) {
            char c = *q;
            if (!bAcronym && c >= 'A' && c <= 'Z') {
                c = (char)(c - 'A' + 'a');
            }
            buf_putc(b, c);
        }
        while (*e == ' ') {
            buf_putc(b, ' ');
            e++;
        }
        z = e;
    }
}

/* "83 per cent of the activities (10 out of 12) are progressing or on
** target" for one group; while the round collects, "of the activities
** rated so far". */
static char *
review_sentence(const ReviewReport *r, const ReviewGroup *g)
{
    Buf b = BUF_INIT;
    size_t nPos = review_count(&g->c, REVIEW_MASK_POSITIVE);
    long pct = review_pct((long)nPos, (long)g->c.nTotal);
    if (g->iNode < 0) {
        size_t nDone = g->c.an[RATING_ON_TARGET];
        long pctDone = review_pct((long)nDone, (long)g->c.nTotal);
        if (r->bRatedOnly && g->c.nTotal == 0) {
            buf_printf(&b,
                       _("No activity has been rated yet (0 of %zu "
                         "activities in the round)."),
                       r->progress.nAssessed);
            return buf_detach(&b);
        }
        if (r->bRatedOnly) {
            buf_printf(&b,
                       ngettext("So far %zu of %zu activities has been rated.",
                                "So far %zu of %zu activities have been rated.",
                                r->progress.nRated),
                       r->progress.nRated, r->progress.nAssessed);
            buf_putc(&b, ' ');
            buf_printf(&b,
                       _("Overall, %ld per cent of the activities rated so "
                         "far (%zu out of %zu) are progressing or on target, "
                         "and %ld per cent (%zu out of %zu) are on target "
                         "(completed)."),
                       pct, nPos, g->c.nTotal, pctDone, nDone, g->c.nTotal);
        } else {
            buf_printf(&b,
                       _("Overall, %ld per cent of the activities (%zu out of "
                         "%zu) are progressing or on target, and %ld per cent "
                         "(%zu out of %zu) are on target (completed)."),
                       pct, nPos, g->c.nTotal, pctDone, nDone, g->c.nTotal);
        }
    } else {
        Buf group = BUF_INIT;
        review_group_phrase(r, g->iNode, &group);
        /* TRANSLATORS: %s is an area of the plan ("the international
        ** framework" in English; other languages get its name as written). */
        buf_printf(&b,
                   r->bRatedOnly
                       ? _("In %s %ld per cent of the activities rated so far "
                           "(%zu out of %zu) are progressing or on target.")
                       : _("In %s %ld per cent of the activities (%zu out of "
                           "%zu) are progressing or on target."),
                   buf_str(&group), pct, nPos, g->c.nTotal);
        buf_release(&group);
    }
    return buf_detach(&b);
}

/* The share of mask in c as printed: *pn of c->nTotal, whole per cent. */
static long
review_share(const StatusCount *c, unsigned mask, size_t *pn)
{
    *pn = review_count(c, mask);
    return review_pct((long)*pn, (long)c->nTotal);
}

#define REVIEW_MASK_NOT  REVIEW_MASK(RATING_NOT_ON_TARGET)
#define REVIEW_MASK_PROG REVIEW_MASK(RATING_PROGRESSING)

/* Whether the change sentences speak of group now (of r->now), and the
** same group of the earlier round into *pOld: a closed round compared
** with another (an open one counts only what is rated so far, and the
** table says how that moved), a group in both, and for a group (not the
** whole) a share not on target that moved. */
static int
review_change_shown(const ReviewReport *r, const ReviewGroup *now,
                    const ReviewGroup **pOld)
{
    *pOld = r->pCompare && !r->bRatedOnly ? review_group(&r->before, now->iNode)
                                          : NULL;
    return *pOld && (*pOld)->c.nTotal > 0 && now->c.nTotal > 0 &&
           (now->iNode < 0 ||
            review_pp_change(&(*pOld)->c, &now->c, REVIEW_MASK_NOT) != 0);
}

/* One clause of the overall change: how the share of mask (not on
** target or progressing) moved, with both rounds' figures. */
static void
review_change_clause(const StatusCount *c0, const StatusCount *c1,
                     unsigned mask, Buf *b)
{
    size_t n0, n1;
    long p0 = review_share(c0, mask, &n0), p1 = review_share(c1, mask, &n1);
    long d = p1 - p0;
    unsigned long nd = (unsigned long)(d < 0 ? -d : d);
    int bNot = mask == REVIEW_MASK_NOT;
    if (d == 0) {
        buf_printf(b,
                   bNot ? _("the same share of activities is not on target "
                            "(%ld per cent, %zu out of %zu, against %ld per "
                            "cent, %zu out of %zu)")
                        : _("the same share is progressing (%ld per cent, "
                            "%zu out of %zu, against %ld per cent, %zu out "
                            "of %zu)"),
                   p1, n1, c1->nTotal, p0, n0, c0->nTotal);
        return;
    }
    if (bNot) {
        buf_printf(
            b,
            d < 0 ? ngettext("%lu percentage point fewer activities are "
                             "not on target (%ld per cent, %zu out of %zu, "
                             "against %ld per cent, %zu out of %zu)",
                             "%lu percentage points fewer activities are "
                             "not on target (%ld per cent, %zu out of %zu, "
                             "against %ld per cent, %zu out of %zu)",
                             nd)
                  : ngettext("%lu percentage point more activities are "
                             "not on target (%ld per cent, %zu out of %zu, "
                             "against %ld per cent, %zu out of %zu)",
                             "%lu percentage points more activities are "
                             "not on target (%ld per cent, %zu out of %zu, "
                             "against %ld per cent, %zu out of %zu)",
                             nd),
            nd, p1, n1, c1->nTotal, p0, n0, c0->nTotal);
    } else {
        buf_printf(b,
                   d < 0
                       ? ngettext("%lu point fewer are progressing (%ld per "
                                  "cent, %zu out of %zu, against %ld per cent, "
                                  "%zu out of %zu)",
                                  "%lu points fewer are progressing (%ld per "
                                  "cent, %zu out of %zu, against %ld per cent, "
                                  "%zu out of %zu)",
                                  nd)
                       : ngettext("%lu point more are progressing (%ld per "
                                  "cent, %zu out of %zu, against %ld per cent, "
                                  "%zu out of %zu)",
                                  "%lu points more are progressing (%ld per "
                                  "cent, %zu out of %zu, against %ld per cent, "
                                  "%zu out of %zu)",
                                  nd),
                   nd, p1, n1, c1->nTotal, p0, n0, c0->nTotal);
    }
}

/* The change of group now since old in the review's words: "In the
** institutional framework 14 per cent of the activities (3 out of 22) are
** now not on target, 15 percentage points fewer than in 2016 (29 per
** cent, 5 out of 17)."; for the whole plan how the shares not on target
** and progressing moved. */
static char *
review_change_sentence(const ReviewReport *r, const ReviewGroup *now,
                       const ReviewGroup *old)
{
    Buf b = BUF_INIT;
    const char *zSince = r->pCompare->zCode;
    if (now->iNode < 0) {
        Buf c1 = BUF_INIT, c2 = BUF_INIT;
        review_change_clause(&old->c, &now->c, REVIEW_MASK_NOT, &c1);
        review_change_clause(&old->c, &now->c, REVIEW_MASK_PROG, &c2);
        /* TRANSLATORS: "Overall, compared with 2016, 11 percentage points
        ** fewer activities are not on target (...), and 10 points more
        ** are progressing (...)." */
        buf_printf(&b, _("Overall, compared with %s, %s, and %s."), zSince,
                   buf_str(&c1), buf_str(&c2));
        buf_release(&c1);
        buf_release(&c2);
        return buf_detach(&b);
    }
    size_t n0, n1;
    long p0 = review_share(&old->c, REVIEW_MASK_NOT, &n0);
    long p1 = review_share(&now->c, REVIEW_MASK_NOT, &n1);
    long d = p1 - p0;
    unsigned long nd = (unsigned long)(d < 0 ? -d : d);
    Buf group = BUF_INIT;
    review_group_phrase(r, now->iNode, &group);
    buf_printf(&b,
               d < 0 ? ngettext("In %s %ld per cent of the activities (%zu out "
                                "of %zu) are now not on target, %lu "
                                "percentage point fewer than in %s (%ld per "
                                "cent, %zu out of %zu).",
                                "In %s %ld per cent of the activities (%zu out "
                                "of %zu) are now not on target, %lu "
                                "percentage points fewer than in %s (%ld per "
                                "cent, %zu out of %zu).",
                                nd)
                     : ngettext("In %s %ld per cent of the activities (%zu out "
                                "of %zu) are now not on target, %lu "
                                "percentage point more than in %s (%ld per "
                                "cent, %zu out of %zu).",
                                "In %s %ld per cent of the activities (%zu out "
                                "of %zu) are now not on target, %lu "
                                "percentage points more than in %s (%ld per "
                                "cent, %zu out of %zu).",
                                nd),
               buf_str(&group), p1, n1, now->c.nTotal, nd, zSince, p0, n0,
               old->c.nTotal);
    buf_release(&group);
    return buf_detach(&b);
}

/* r's change sentences, in the current language, into a new array of
** r->nChange. */
static char **
review_changes_write(const ReviewReport *r)
{
    char **az = xcalloc(r->now.nGroup + 2, sizeof *az); /* NULL-ended */
    size_t n = 0;
    for (size_t g = 0; g <= r->now.nGroup; g++) {
        const ReviewGroup *now =
            g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
        const ReviewGroup *old;
        if (review_change_shown(r, now, &old)) {
            az[n++] = review_change_sentence(r, now, old);
        }
    }
    return az;
}

/* Append a figure of r (see ReviewFigure). */
static void
review_figure_add(ReviewReport *r, size_t *pnAlloc, ReviewFigure f)
{
    xgrow((void **)&r->aFigure, pnAlloc, r->nFigure, sizeof *r->aFigure);
    r->aFigure[r->nFigure++] = f;
}

/* Add the share of mask in group g of round zRound as printed (count,
** total, per cent). */
static void
review_figure_share(ReviewReport *r, size_t *pnAlloc, const char *zRound,
                    const ReviewGroup *g, unsigned mask, const char *zSentence)
{
    size_t n;
    long pct = review_share(&g->c, mask, &n);
    review_figure_add(r, pnAlloc,
                      (ReviewFigure){ zRound, g->iNode, mask, (long)n,
                                      (long)g->c.nTotal, pct, NULL,
                                      zSentence });
}

/* Every figure the sentences print, each with its English sentence: the
** claims a reader could check.  Built after the sentences, in their
** order, from the same counts; none while the round collects (its shares
** are of the rated activities, a claims file's of all). */
static void
review_figures_build(ReviewReport *r)
{
    if (r->bRatedOnly) {
        return;
    }
    size_t nAlloc = 0;
    char **azS = r->azSentenceEn ? r->azSentenceEn : r->azSentence;
    const char *zNow = r->pRound->zCode;
    for (size_t g = 0; g <= r->now.nGroup; g++) {
        const ReviewGroup *now =
            g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
        review_figure_share(r, &nAlloc, zNow, now, REVIEW_MASK_POSITIVE,
                            azS[g]);
        if (now->iNode < 0) {
            review_figure_share(r, &nAlloc, zNow, now,
                                REVIEW_MASK(RATING_ON_TARGET), azS[g]);
        }
    }
    char **azC = r->azChangeEn ? r->azChangeEn : r->azChange;
    size_t k = 0;
    for (size_t g = 0; g <= r->now.nGroup; g++) {
        const ReviewGroup *now =
            g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
        const ReviewGroup *old;
        if (!review_change_shown(r, now, &old)) {
            continue;
        }
        const char *zS = azC[k++];
        const char *zThen = r->pCompare->zCode;
        for (int i = 0; i < (now->iNode < 0 ? 2 : 1); i++) {
            unsigned m = i ? REVIEW_MASK_PROG : REVIEW_MASK_NOT;
            review_figure_share(r, &nAlloc, zNow, now, m, zS);
            review_figure_share(r, &nAlloc, zThen, old, m, zS);
            review_figure_add(
                r, &nAlloc,
                (ReviewFigure){
                    zNow, now->iNode, m, CLAIM_NOT_PRINTED, CLAIM_NOT_PRINTED,
                    review_pp_change(&old->c, &now->c, m), zThen, zS });
        }
    }
}

int
review_report_build(const Plan *p, const char *zRound, const char *zCompare,
                    const char *zLevel, ReviewReport *r, AppErr *err)
{
    memset(r, 0, sizeof *r);
    r->p = p;
    int iLeaf = plan_leaf_level(p);
    r->iLevel = 0;
    if (zLevel) {
        r->iLevel = plan_find_level(p, zLevel);
        if (r->iLevel < 0 || r->iLevel >= iLeaf) {
            Buf names = BUF_INIT;
            for (int l = 0; l < iLeaf; l++) {
                buf_printf(&names, "%s%s", l ? ", " : "",
                           level_label(p->aLevel[l].zName));
            }
            apperr_set(err, APPERR_USAGE,
                       "plan '%s' has no level '%s' to "
                       "group by (levels: %s)",
                       p->zCode, zLevel, buf_str(&names));
            buf_release(&names);
            return -1;
        }
    }
    if (iLeaf < 1) {
        return apperr_set(err, APPERR_INPUT,
                          "plan '%s' has no level above its "
                          "activities to group by",
                          p->zCode);
    }
    const Round *rd = plan_find_round(p, zRound);
    if (!rd) {
        return apperr_set(err, APPERR_NOTFOUND, "no round '%s' in plan '%s'",
                          zRound, p->zCode);
    }
    r->bRatedOnly = review_rated_only(rd);
    r->zDenominator =
        r->bRatedOnly ? REVIEW_DENOMINATOR_RATED : REVIEW_DENOMINATOR;
    review_progress(p, rd, &r->progress);
    const char *zAmong = r->bRatedOnly ? zRound : NULL;
    (void)review_summarise_among(p, zRound, r->iLevel, zAmong, &r->now);
    r->pRound = r->now.pRound;
    if (zCompare) {
        if (review_summarise_among(p, zCompare, r->iLevel, zAmong,
                                   &r->before)) {
            review_summary_release(&r->now);
            return apperr_set(err, APPERR_NOTFOUND,
                              "no round '%s' in plan "
                              "'%s'",
                              zCompare, p->zCode);
        }
        r->pCompare = r->before.pRound;
        review_changes(p, zCompare, zRound, &r->changes);
    }
    r->azSentence = xcalloc(r->now.nGroup + 1, sizeof *r->azSentence);
    for (size_t g = 0; g < r->now.nGroup; g++) {
        r->azSentence[r->nSentence++] = review_sentence(r, &r->now.aGroup[g]);
    }
    r->azSentence[r->nSentence++] = review_sentence(r, &r->now.all);
    r->azChange = review_changes_write(r);
    while (r->azChange[r->nChange]) {
        r->nChange++;
    }
    /* Files stay English whatever the reader's language: the JSON's
    ** sentences too. */
    if (i18n_current() != I18N_EN) {
        I18nLang ePrev = i18n_use(I18N_EN);
        if (i18n_current() == I18N_EN) {
            r->azSentenceEn = xcalloc(r->nSentence, sizeof *r->azSentenceEn);
            for (size_t g = 0; g <= r->now.nGroup; g++) {
                r->azSentenceEn[g] = review_sentence(
                    r, g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all);
            }
            r->azChangeEn = review_changes_write(r);
        }
        (void)i18n_use(ePrev);
    }
    review_figures_build(r);
    return 0;
}

void
review_progress_sentence(const ReviewProgress *g, Buf *b)
{
    /* Whole sentences for the translators; English picks "is"/"are" by
    ** the statements given and the noun's number by those owed. */
    unsigned long nOwed = (unsigned long)g->nExpected;
    int bOne = g->nReported == 1;
    if (g->bCollecting) {
        buf_printf(b,
                   ngettext("%zu of %zu activity rated so far",
                            "%zu of %zu activities rated so far", g->nAssessed),
                   g->nRated, g->nAssessed);
    } else {
        buf_printf(b,
                   ngettext("%zu of %zu activity rated",
                            "%zu of %zu activities rated", g->nAssessed),
                   g->nRated, g->nAssessed);
    }
    if (g->nExpected == 0) {
        buf_puts(b, ".");
    } else if (g->bCollecting) {
        buf_printf(b,
                   bOne ? ngettext("; %zu of %zu statement owed by the "
                                   "responsible bodies is in, %zu not yet.",
                                   "; %zu of %zu statements owed by the "
                                   "responsible bodies is in, %zu not yet.",
                                   nOwed)
                        : ngettext("; %zu of %zu statement owed by the "
                                   "responsible bodies are in, %zu not yet.",
                                   "; %zu of %zu statements owed by the "
                                   "responsible bodies are in, %zu not yet.",
                                   nOwed),
                   g->nReported, g->nExpected, g->nMissing);
    } else {
        buf_printf(b,
                   bOne ? ngettext("; %zu of %zu statement owed by the "
                                   "responsible bodies was given.",
                                   "; %zu of %zu statements owed by the "
                                   "responsible bodies was given.",
                                   nOwed)
                        : ngettext("; %zu of %zu statement owed by the "
                                   "responsible bodies were given.",
                                   "; %zu of %zu statements owed by the "
                                   "responsible bodies were given.",
                                   nOwed),
                   g->nReported, g->nExpected);
    }
}

void
review_report_release(ReviewReport *r)
{
    for (size_t i = 0; i < r->nSentence; i++) {
        free(r->azSentence[i]);
        free(r->azSentenceEn ? r->azSentenceEn[i] : NULL);
    }
    free(r->azSentence);
    free(r->azSentenceEn);
    for (size_t i = 0; i < r->nChange; i++) {
        free(r->azChange[i]);
        free(r->azChangeEn ? r->azChangeEn[i] : NULL);
    }
    free(r->azChange);
    free(r->azChangeEn);
    free(r->aFigure);
    for (size_t i = 0; i < r->nRec; i++) {
        free(r->azRec[i]);
    }
    free(r->azRec);
    for (size_t i = 0; i < r->nFollow; i++) {
        free(r->azFollow[i]);
    }
    free(r->azFollow);
    for (size_t i = 0; i < r->nAmend; i++) {
        free(r->azAmend[i]);
    }
    free(r->azAmend);
    review_summary_release(&r->now);
    if (r->pCompare) {
        review_summary_release(&r->before);
        review_changes_release(&r->changes);
    }
    memset(r, 0, sizeof *r);
}

void
review_report_set_amendments(ReviewReport *r, char *const *az, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        strv_push(&r->azAmend, &r->nAmend, az[i]);
    }
}

void
review_report_set_recs(ReviewReport *r, const RecSet *s)
{
    const char *zRound = r->pRound->zCode;
    Buf line = BUF_INIT;
    for (size_t i = 0; i < s->nRec; i++) {
        const Rec *rec = &s->aRec[i];
        buf_reset(&line);
        if (str_eq(rec->zRound, zRound)) {
            buf_printf(&line, "%s", rec->zCode);
            if (rec->zGroup || rec->bPriority) {
                buf_printf(&line, " (%s%s%s)", rec->zGroup ? rec->zGroup : "",
                           rec->zGroup && rec->bPriority ? "; " : "",
                           rec->bPriority ? "priority" : "");
            }
            buf_printf(&line, ": %s", rec->zText);
            strv_push(&r->azRec, &r->nRec, buf_str(&line));
        }
        const RecFollowup *f = rec_find_followup(rec, zRound);
        if (f) {
            buf_reset(&line);
            buf_printf(&line, "%s of %s: %s", rec->zCode, rec->zRound,
                       rec_status_label(f->eStatus));
            if (*f->zEvidence) {
                buf_printf(&line, ". %s", f->zEvidence);
            }
            strv_push(&r->azFollow, &r->nFollow, buf_str(&line));
        }
    }
    buf_release(&line);
}

/* ---- CSV ------------------------------------------------------------------ */

static void
review_csv_group(const ReviewReport *r, const ReviewSummary *s,
                 const ReviewGroup *g, Buf *b)
{
    csv_write_field(b, s->pRound->zCode);
    buf_putc(b, ',');
    if (g->iNode < 0) {
        buf_puts(b, "all,,");
        csv_write_field(b, "All activities");
    } else {
        const Node *n = &r->p->aNode[g->iNode];
        csv_write_field(b, r->p->aLevel[n->iLevel].zName);
        buf_putc(b, ',');
        csv_write_field(b, n->zCode);
        buf_putc(b, ',');
        csv_write_field(b, n->zText);
    }
    buf_printf(b, ",%zu,%zu,%zu,%zu,%zu\r\n", g->c.an[RATING_ON_TARGET],
               g->c.an[RATING_PROGRESSING], g->c.an[RATING_NOT_ON_TARGET],
               g->c.an[RATING_NONE], g->c.nTotal);
}

void
review_render_csv(const ReviewReport *r, Buf *b)
{
    buf_puts(b, "round,level,code,name,on_target,progressing,not_on_target,"
                "not_rated,total\r\n");
    const ReviewSummary *aS[2];
    size_t nS = 0;
    if (r->pCompare) {
        aS[nS++] = &r->before;
    }
    aS[nS++] = &r->now;
    for (size_t k = 0; k < nS; k++) {
        for (size_t g = 0; g < aS[k]->nGroup; g++) {
            review_csv_group(r, aS[k], &aS[k]->aGroup[g], b);
        }
        review_csv_group(r, aS[k], &aS[k]->all, b);
    }
}

/* ---- JSON ----------------------------------------------------------------- */

static json_t *
review_json_group(const ReviewReport *r, const ReviewGroup *g)
{
    json_t *o = json_object();
    if (g->iNode < 0) {
        json_object_set_new(o, "level", json_string("all"));
        json_object_set_new(o, "code", json_null());
        json_object_set_new(o, "name", json_string("All activities"));
    } else {
        const Node *n = &r->p->aNode[g->iNode];
        json_object_set_new(o, "level",
                            json_string(r->p->aLevel[n->iLevel].zName));
        json_object_set_new(o, "code", json_string(n->zCode));
        json_object_set_new(o, "name", json_string(n->zText));
    }
    json_t *pct = json_object();
    for (size_t k = 0; k < 4; k++) {
        Rating e = aStatusOrder[k];
        json_object_set_new(o, rating_key(e),
                            json_integer((json_int_t)g->c.an[e]));
        json_object_set_new(
            pct, rating_key(e),
            json_integer(review_pct((long)g->c.an[e], (long)g->c.nTotal)));
    }
    json_object_set_new(o, "total", json_integer((json_int_t)g->c.nTotal));
    json_object_set_new(
        pct, "progressing_or_on_target",
        json_integer(review_pct((long)review_count(&g->c, REVIEW_MASK_POSITIVE),
                                (long)g->c.nTotal)));
    json_object_set_new(o, "percent", pct);
    return o;
}

static json_t *
review_json_summary(const ReviewReport *r, const ReviewSummary *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "round", json_string(s->pRound->zCode));
    json_object_set_new(o, "title", json_string(s->pRound->zTitle));
    json_object_set_new(o, "as_of",
                        s->pRound->zAsOf ? json_string(s->pRound->zAsOf)
                                         : json_null());
    json_t *groups = json_array();
    for (size_t g = 0; g < s->nGroup; g++) {
        json_array_append_new(groups, review_json_group(r, &s->aGroup[g]));
    }
    json_object_set_new(o, "groups", groups);
    json_object_set_new(o, "all", review_json_group(r, &s->all));
    return o;
}

static json_t *
review_json_codes(const ReviewReport *r, const long *a, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(arr, json_string(r->p->aNode[a[i]].zCode));
    }
    return arr;
}

void
review_render_json(const ReviewReport *r, Buf *b)
{
    json_t *root = json_object();
    json_object_set_new(root, "plan", json_string(r->p->zCode));
    json_object_set_new(root, "level",
                        json_string(r->p->aLevel[r->iLevel].zName));
    json_object_set_new(root, "denominator", json_string(r->zDenominator));
    json_object_set_new(root, "rated_only", json_boolean(r->bRatedOnly));
    json_object_set_new(root, "activities_assessed",
                        json_integer((json_int_t)r->progress.nAssessed));
    json_object_set_new(root, "activities_rated",
                        json_integer((json_int_t)r->progress.nRated));
    json_object_set_new(root, "rounding",
                        json_string("integer per cent, half away from zero"));
    json_t *rounds = json_array();
    if (r->pCompare) {
        json_array_append_new(rounds, review_json_summary(r, &r->before));
    }
    json_array_append_new(rounds, review_json_summary(r, &r->now));
    json_object_set_new(root, "rounds", rounds);
    json_t *sent = json_array();
    char **az = r->azSentenceEn ? r->azSentenceEn : r->azSentence;
    for (size_t i = 0; i < r->nSentence; i++) {
        json_array_append_new(sent, json_string(az[i]));
    }
    json_object_set_new(root, "sentences", sent);
    if (r->pCompare) {
        json_t *chg = json_array();
        char **azC = r->azChangeEn ? r->azChangeEn : r->azChange;
        for (size_t i = 0; i < r->nChange; i++) {
            json_array_append_new(chg, json_string(azC[i]));
        }
        json_object_set_new(root, "change_sentences", chg);
    }
    if (r->zGoal10) {
        json_object_set_new(root, "complaints_indicator",
                            json_string(r->zGoal10));
    }
    if (r->nAmend) {
        json_t *aAmend = json_array();
        for (size_t i = 0; i < r->nAmend; i++) {
            json_array_append_new(aAmend, json_string(r->azAmend[i]));
        }
        json_object_set_new(root, "amendments", aAmend);
    }
    if (r->nRec || r->nFollow) {
        json_t *aRec = json_array(), *aFollow = json_array();
        for (size_t i = 0; i < r->nRec; i++) {
            json_array_append_new(aRec, json_string(r->azRec[i]));
        }
        for (size_t i = 0; i < r->nFollow; i++) {
            json_array_append_new(aFollow, json_string(r->azFollow[i]));
        }
        json_object_set_new(root, "recommendations", aRec);
        json_object_set_new(root, "followups", aFollow);
    }
    /* The chapters as written, in the review's order: a file carries the
    ** text, not a rendering of it. */
    json_t *aChapter = json_array();
    for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
        const RoundChapter *c = round_chapter(r->pRound, (ChapterKind)k);
        if (!c || (!*c->zText && !(c->zTextKm && *c->zTextKm))) {
            continue;
        }
        json_t *o = json_object();
        json_object_set_new(o, "kind",
                            json_string(chapter_kind_name((ChapterKind)k)));
        json_object_set_new(o, "text", json_string(c->zText));
        if (c->zTextKm && *c->zTextKm) {
            json_object_set_new(o, "text_km", json_string(c->zTextKm));
        }
        json_array_append_new(aChapter, o);
    }
    if (json_array_size(aChapter)) {
        json_object_set_new(root, "chapters", aChapter);
    } else {
        json_decref(aChapter);
    }
    if (r->pCompare) {
        json_t *cmp = json_object();
        json_object_set_new(cmp, "from", json_string(r->pCompare->zCode));
        json_object_set_new(cmp, "to", json_string(r->pRound->zCode));
        json_t *groups = json_array();
        for (size_t g = 0; g <= r->now.nGroup; g++) {
            const ReviewGroup *now =
                g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
            const ReviewGroup *old = review_group(&r->before, now->iNode);
            if (!old) {
                continue;
            }
            json_t *o = json_object();
            json_object_set_new(
                o, "code",
                now->iNode < 0 ? json_null()
                               : json_string(r->p->aNode[now->iNode].zCode));
            /* Files stay English whatever the reader's language (as the
            ** "All activities" row of the summary above). */
            json_object_set_new(
                o, "name",
                json_string(now->iNode < 0 ? "All activities"
                                           : review_group_name(r, now->iNode)));
            json_t *pp = json_object();
            for (size_t k = 0; k < 4; k++) {
                Rating e = aStatusOrder[k];
                json_object_set_new(pp, rating_key(e),
                                    json_integer(review_pp_change(
                                        &old->c, &now->c, REVIEW_MASK(e))));
            }
            json_object_set_new(o, "change_pp", pp);
            json_array_append_new(groups, o);
        }
        json_object_set_new(cmp, "groups", groups);
        json_object_set_new(
            cmp, "rated_up",
            review_json_codes(r, r->changes.aUp, r->changes.nUp));
        json_object_set_new(
            cmp, "rated_down",
            review_json_codes(r, r->changes.aDown, r->changes.nDown));
        json_object_set_new(
            cmp, "new", review_json_codes(r, r->changes.aNew, r->changes.nNew));
        json_object_set_new(
            cmp, "reworded",
            review_json_codes(r, r->changes.aReworded, r->changes.nReworded));
        json_object_set_new(root, "comparison", cmp);
    }
    char *z = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    if (z) {
        buf_puts(b, z);
        buf_putc(b, '\n');
        free(z);
    }
    json_decref(root);
}

/* ---- Markdown ------------------------------------------------------------- */

/* A rating as the report's text writes it: its label, "not rated". */
static const char *
review_rating_words(Rating e)
{
    return e == RATING_NONE ? _("not rated") : rating_label(e);
}

static void
review_md_pct(Buf *b, size_t n, size_t total)
{
    buf_putc(b, ' ');
    /* TRANSLATORS: a share with its count: "83% (10 of 12)". */
    buf_printf(b, _("%ld%% (%zu of %zu)"), review_pct((long)n, (long)total), n,
               total);
    buf_puts(b, " |");
}

const char *
review_denominator_words(const ReviewReport *r)
{
    /* The words of REVIEW_DENOMINATOR(_RATED) (core/review.h). */
    return r->bRatedOnly ? _("the activities rated so far in the round, which "
                             "is still collecting")
                         : _("all activities assessed in the round, rated or "
                             "not");
}

/* The Markdown annex's column c (0-2) of round zR: "2017 action point". */
static void
review_md_annex_column(Buf *b, int c, const char *zR)
{
    /* TRANSLATORS: columns of the annex; %s is a round ("2017"). */
    if (c == 0) {
        buf_printf(b, _("%s action point"), zR);
    } else if (c == 1) {
        buf_printf(b, _("%s progress"), zR);
    } else {
        buf_printf(b, _("%s rating"), zR);
    }
}

void
review_annex_column(Buf *b, int c, const char *zR)
{
    /* TRANSLATORS: columns of the annex; %s is a round ("2017"). */
    if (c == 0) {
        buf_printf(b, _("Action point %s"), zR);
    } else if (c == 1) {
        buf_printf(b, _("Progress %s"), zR);
    } else {
        buf_printf(b, _("Rating %s"), zR);
    }
}

void
review_method_note(const ReviewReport *r, Buf *b)
{
    buf_printf(b,
               _("Each activity is rated On Target (completed), Progressing "
                 "(work is underway) or Not on Target (no evidence that work "
                 "is underway). Shares are of %s; percentages are rounded to "
                 "whole numbers, half away from zero, and printed with their "
                 "counts. Generated by lmpmon from the data."),
               review_denominator_words(r));
}

/* Append zFmt (a translated sentence holding one %s) with the Markdown
** text of zArg in its place (a macro: the format stays checked). */
#define REVIEW_MD_PRINTF1(b, zFmt, zArg)                                       \
 do {                                                                          \
  Buf t_ = BUF_INIT;                                                           \
  esc_md_text(&t_, (zArg));                                                    \
  buf_printf((b), (zFmt), buf_str(&t_));                                       \
  buf_release(&t_);                                                            \
 } while (0)

/* Append level name zName capitalised ("area" -> "Area", "área" ->
** "Área"), through the Markdown encoder x. */
static void
review_md_level(Buf *b, const char *zName, void (*x)(Buf *, const char *))
{
    Buf t = BUF_INIT;
    utf8_capitalise(&t, zName);
    x(b, buf_str(&t));
    buf_release(&t);
}

static void
review_md_table(const ReviewReport *r, const ReviewSummary *s, Buf *b)
{
    buf_puts(b, "| ");
    review_md_level(b, level_label(r->p->aLevel[r->iLevel].zName), esc_md_cell);
    for (size_t k = 0; k < 4; k++) {
        buf_puts(b, " | ");
        esc_md_cell(b, rating_label(aStatusOrder[k]));
    }
    buf_puts(b, " | ");
    esc_md_cell(b, _("Progressing or on target"));
    buf_puts(b, " |\n|---|---:|---:|---:|---:|---:|\n");
    for (size_t g = 0; g <= s->nGroup; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        buf_puts(b, "| ");
        if (gr->iNode >= 0) {
            esc_md_cell(b, r->p->aNode[gr->iNode].zCode);
            buf_puts(b, " ");
        }
        esc_md_cell(b, review_group_name(r, gr->iNode));
        buf_puts(b, " |");
        for (size_t k = 0; k < 4; k++) {
            review_md_pct(b, gr->c.an[aStatusOrder[k]], gr->c.nTotal);
        }
        review_md_pct(b, review_count(&gr->c, REVIEW_MASK_POSITIVE),
                      gr->c.nTotal);
        buf_putc(b, '\n');
    }
}

static void
review_md_list(const ReviewReport *r, const char *zTitle, const long *a,
               size_t n, Buf *b)
{
    buf_printf(b, "\n**%s** (%zu)", zTitle, n);
    if (n == 0) {
        buf_puts(b, ": ");
        buf_puts(b, _("none"));
        buf_putc(b, '\n');
        return;
    }
    buf_puts(b, "\n\n");
    for (size_t i = 0; i < n; i++) {
        const Node *nd = &r->p->aNode[a[i]];
        const Assessment *a0 = node_find_assessment(nd, r->pCompare->zCode);
        const Assessment *a1 = node_find_assessment(nd, r->pRound->zCode);
        buf_puts(b, "- ");
        esc_md_line(b, nd->zCode);
        buf_putc(b, ' ');
        esc_md_text(b, node_text(nd, i18n_current()));
        if (a0 && a1) {
            buf_printf(b, " (%s → %s)", review_rating_words(a0->eRating),
                       review_rating_words(a1->eRating));
        }
        buf_putc(b, '\n');
    }
}

/* "## Status of activities by area (2017)" with data escaped. */
static void
review_md_heading(Buf *b, const char *zLevel, const char *zRound)
{
    Buf l = BUF_INIT, rd = BUF_INIT;
    esc_md_text(&l, zLevel);
    esc_md_text(&rd, zRound);
    buf_puts(b, "\n## ");
    /* TRANSLATORS: %1$s is a level of the plan ("area"), %2$s a round. */
    buf_printf(b, _("Status of activities by %s (%s)"), buf_str(&l),
               buf_str(&rd));
    buf_puts(b, "\n\n");
    buf_release(&l);
    buf_release(&rd);
}

/* The section on recommendations, when r has one. */
static void
review_md_recs(const ReviewReport *r, Buf *b)
{
    const char *const azHead[2] = { _("Recommendations and priorities"),
                                    _("Follow-up of earlier recommendations") };
    char **aaz[2] = { r->azRec, r->azFollow };
    size_t an[2] = { r->nRec, r->nFollow };
    for (int k = 0; k < 2; k++) {
        if (an[k]) {
            buf_printf(b, "\n## %s\n\n", azHead[k]);
        }
        for (size_t i = 0; i < an[k]; i++) {
            buf_puts(b, "- ");
            esc_md_line(b, aaz[k][i]);
            buf_putc(b, '\n');
        }
    }
}

void
review_render_md(const ReviewReport *r, Buf *b)
{
    const Plan *p = r->p;
    buf_puts(b, "# ");
    esc_md_text(b, r->pRound->zTitle);
    buf_puts(b, "\n\n");
    esc_md_line(b, plan_title(p, i18n_current()));
    if (r->pRound->zAsOf) {
        buf_puts(b, " — ");
        REVIEW_MD_PRINTF1(b, _("as of %s"), r->pRound->zAsOf);
    }
    buf_puts(b, "\n\n");
    for (size_t i = 0; i < r->nAmend; i++) {
        buf_puts(b, "> ");
        esc_md_line(b, r->azAmend[i]);
        buf_puts(b, "\n\n");
    }
    review_chapters_md(r, CHAPTER_AT_OPENING, b);
    buf_printf(b,
               _("Shares are of %s; percentages are rounded to whole "
                 "numbers, half away from zero. On Target means completed."),
               review_denominator_words(r));
    buf_putc(b, '\n');
    review_chapters_md(r, CHAPTER_AT_FIGURES, b);
    review_md_heading(b, level_label(p->aLevel[r->iLevel].zName),
                      r->pRound->zCode);
    review_md_table(r, &r->now, b);
    buf_putc(b, '\n');
    for (size_t i = 0; i < r->nSentence; i++) {
        buf_puts(b, "- ");
        esc_md_line(b, r->azSentence[i]);
        buf_putc(b, '\n');
    }
    if (r->zGoal10) {
        buf_puts(b, "\n");
        esc_md_line(b, r->zGoal10);
        buf_puts(b, "\n");
    }
    review_md_recs(r, b);
    if (r->pCompare) {
        review_md_heading(b, level_label(p->aLevel[r->iLevel].zName),
                          r->pCompare->zCode);
        review_md_table(r, &r->before, b);
        Buf c0 = BUF_INIT, c1 = BUF_INIT;
        esc_md_text(&c0, r->pCompare->zCode);
        esc_md_text(&c1, r->pRound->zCode);
        buf_puts(b, "\n## ");
        buf_printf(b, _("Changes from %s to %s"), buf_str(&c0), buf_str(&c1));
        buf_release(&c0);
        buf_release(&c1);
        buf_puts(b, "\n\n");
        buf_puts(b, _("Change of each share in percentage points (the "
                      "difference of the rounded percentages)."));
        buf_puts(b, "\n\n");
        for (size_t i = 0; i < r->nChange; i++) {
            buf_puts(b, "- ");
            esc_md_line(b, r->azChange[i]);
            buf_putc(b, '\n');
        }
        buf_puts(b, r->nChange ? "\n| " : "| ");
        esc_md_cell(b, _("Group"));
        for (size_t k = 0; k < 4; k++) {
            buf_puts(b, " | ");
            esc_md_cell(b, rating_label(aStatusOrder[k]));
        }
        buf_puts(b, " |\n|---|---:|---:|---:|---:|\n");
        for (size_t g = 0; g <= r->now.nGroup; g++) {
            const ReviewGroup *now =
                g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
            const ReviewGroup *old = review_group(&r->before, now->iNode);
            buf_puts(b, "| ");
            esc_md_cell(b, review_group_name(r, now->iNode));
            buf_puts(b, " |");
            for (size_t k = 0; k < 4; k++) {
                if (old) {
                    buf_printf(b, " %+ld |",
                               review_pp_change(&old->c, &now->c,
                                                REVIEW_MASK(aStatusOrder[k])));
                } else {
                    buf_printf(b, " %s |", _("new"));
                }
            }
            buf_putc(b, '\n');
        }
        review_md_list(r, _("Rated higher"), r->changes.aUp, r->changes.nUp, b);
        review_md_list(r, _("Rated lower"), r->changes.aDown, r->changes.nDown,
                       b);
        review_md_list(r, _("New in this round"), r->changes.aNew,
                       r->changes.nNew, b);
        review_md_list(r, _("Action point reworded (not like for like)"),
                       r->changes.aReworded, r->changes.nReworded, b);
    }
    review_chapters_md(r, CHAPTER_AT_CLOSING, b);
    /* The annex. */
    buf_printf(b, "\n## %s\n", _("Annex: activities"));
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel < iLeaf) {
            buf_printf(b, "\n%.*s ", n->iLevel + 3, "######");
            review_md_level(b, level_label(p->aLevel[n->iLevel].zName),
                            esc_md_text);
            buf_putc(b, ' ');
            esc_md_text(b, n->zCode);
            buf_puts(b, ": ");
            esc_md_text(b, node_text(n, i18n_current()));
            buf_putc(b, '\n');
            const char *zInd = node_indicator(n, i18n_current());
            if (zInd) {
                buf_putc(b, '\n');
                REVIEW_MD_PRINTF1(b, _("Indicator: %s"), zInd);
                buf_putc(b, '\n');
            }
            if (i + 1 < p->nNode && p->aNode[i + 1].iLevel == iLeaf) {
                buf_puts(b, "\n|");
                const char *const azHead[] = { _("Activity"), _("Responsible"),
                                               _("Partners") };
                for (int c = 0; c < 3; c++) {
                    buf_putc(b, ' ');
                    esc_md_cell(b, azHead[c]);
                    buf_puts(b, " |");
                }
                for (int k = r->pCompare ? 0 : 1; k < 2; k++) {
                    const char *zR =
                        k == 0 ? r->pCompare->zCode : r->pRound->zCode;
                    for (int c = 0; c < 3; c++) {
                        Buf t = BUF_INIT;
                        review_md_annex_column(&t, c, zR);
                        buf_putc(b, ' ');
                        esc_md_cell(b, buf_str(&t));
                        buf_puts(b, " |");
                        buf_release(&t);
                    }
                }
                buf_puts(b, "\n|---|---|---|");
                for (int k = r->pCompare ? 0 : 1; k < 2; k++) {
                    buf_puts(b, "---|---|---|");
                }
                buf_putc(b, '\n');
            }
            continue;
        }
        if (!node_find_assessment(n, r->pRound->zCode) &&
            !(r->pCompare && node_find_assessment(n, r->pCompare->zCode))) {
            continue;
        }
        buf_puts(b, "| ");
        esc_md_cell(b, n->zCode);
        buf_putc(b, ' ');
        esc_md_cell(b, node_text(n, i18n_current()));
        buf_puts(b, " | ");
        for (size_t k = 0; k < n->nResp; k++) {
            buf_puts(b, k ? ", " : "");
            esc_md_cell(b, n->azResp[k]);
        }
        buf_puts(b, " | ");
        for (size_t k = 0; k < n->nContrib; k++) {
            buf_puts(b, k ? ", " : "");
            esc_md_cell(b, n->azContrib[k]);
        }
        buf_puts(b, " |");
        for (int k = r->pCompare ? 0 : 1; k < 2; k++) {
            const char *zR = k == 0 ? r->pCompare->zCode : r->pRound->zCode;
            const Assessment *a = node_find_assessment(n, zR);
            buf_puts(b, " ");
            esc_md_cell(b, a ? a->zActionPoint : "");
            buf_puts(b, " | ");
            esc_md_cell(b, a ? a->zProgress : "");
            buf_puts(b, " | ");
            esc_md_cell(b, a && a->eRating != RATING_NONE
                               ? rating_label(a->eRating)
                               : "");
            buf_puts(b, " |");
        }
        buf_putc(b, '\n');
    }
}

int
review_render_claims(const ReviewReport *r, Buf *b, AppErr *err)
{
    if (r->bRatedOnly) {
        return apperr_set(err, APPERR_INPUT,
                          _("round '%s' is still collecting: its shares are "
                            "of the activities rated so far, and a claims "
                            "file's are of all activities; make the figures "
                            "once the round is closed"),
                          r->pRound->zCode);
    }
    buf_puts(b, "claim,round,group,statuses,numerator,denominator,percent,"
                "since,sentence\r\n");
    static const Rating aOrder[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                     RATING_NOT_ON_TARGET, RATING_NONE };
    for (size_t i = 0; i < r->nFigure; i++) {
        const ReviewFigure *f = &r->aFigure[i];
        buf_printf(b, "s%zu,", i + 1);
        csv_write_field(b, f->zRound);
        buf_putc(b, ',');
        csv_write_field(b, f->iNode < 0 ? "all" : r->p->aNode[f->iNode].zCode);
        buf_putc(b, ',');
        const char *zSep = "";
        for (size_t k = 0; k < sizeof aOrder / sizeof aOrder[0]; k++) {
            if (f->mask & REVIEW_MASK(aOrder[k])) {
                buf_printf(b, "%s%s", zSep, rating_key(aOrder[k]));
                zSep = "+";
            }
        }
        const long az[] = { f->num, f->den, f->pct };
        for (size_t k = 0; k < 3; k++) {
            buf_putc(b, ',');
            if (az[k] != CLAIM_NOT_PRINTED) {
                buf_printf(b, "%ld", az[k]);
            }
        }
        buf_putc(b, ',');
        csv_write_field(b, f->zSince ? f->zSince : "");
        buf_putc(b, ',');
        csv_write_field(b, f->zSentence);
        buf_puts(b, "\r\n");
    }
    return 0;
}
