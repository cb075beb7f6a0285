/*
** review_doc.c — what the printable review says, in order (review_doc.h).
**
** The wording follows the HTML report (review_html.c) so a reader finds
** the same document in every format; the numbers come from the built
** ReviewReport (counted once in review_report.c and core/review.c).
*/
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "review_doc.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* The statuses in the order the report lists them, with their labels. */
static const struct {
    Rating e;
    const char *zLabel;
} aDocStatus[] = {
    { RATING_ON_TARGET, N_("On Target") },
    { RATING_PROGRESSING, N_("Progressing") },
    { RATING_NOT_ON_TARGET, N_("Not on Target") },
    { RATING_NONE, N_("Not rated") },
};

#define DOC_NSTATUS 4

/* ---- Building blocks ------------------------------------------------------ */

static DocBlock *
doc_add(ReviewDoc *d, DocKind e)
{
    xgrow((void **)&d->aBlock, &d->nBlockAlloc, d->nBlock, sizeof *d->aBlock);
    DocBlock *b = &d->aBlock[d->nBlock++];
    memset(b, 0, sizeof *b);
    b->e = e;
    return b;
}

static DocBlock *doc_text(ReviewDoc *d, DocKind e, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));

static DocBlock *
doc_text(ReviewDoc *d, DocKind e, const char *zFmt, ...)
{
    Buf b = BUF_INIT;
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(&b, zFmt, ap);
    va_end(ap);
    DocBlock *p = doc_add(d, e);
    p->zText = buf_detach(&b);
    return p;
}

static void
doc_heading(ReviewDoc *d, int iLevel, const char *z)
{
    DocBlock *p = doc_text(d, DOC_HEADING, "%s", z);
    p->iLevel = iLevel;
    p->bToc = iLevel <= 2;
}

/* A table of nCol columns with widths aWidth (shares) and, where aRight
** has a 1, right-aligned columns; one header row. */
static DocTable *
doc_table(ReviewDoc *d, size_t nCol, const double *aWidth,
          const unsigned char *aRight)
{
    assert(nCol <= sizeof((DocTable *)0)->aWidth / sizeof(double));
    DocTable *t = xcalloc(1, sizeof *t);
    t->nCol = nCol;
    t->nHead = 1;
    for (size_t i = 0; i < nCol; i++) {
        t->aWidth[i] = aWidth[i];
        t->aRight[i] = aRight ? aRight[i] : 0;
    }
    doc_add(d, DOC_TABLE)->pTable = t;
    return t;
}

/* Append a cell; a row begins every nCol cells. */
static void doc_cell(DocTable *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
doc_cell(DocTable *t, const char *zFmt, ...)
{
    if (t->nCell % t->nCol == 0) {
        xgrow((void **)&t->aBold, &t->nRowAlloc, t->nRow, 1);
        t->aBold[t->nRow++] = 0;
    }
    Buf b = BUF_INIT;
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(&b, zFmt, ap);
    va_end(ap);
    xgrow((void **)&t->azCell, &t->nCellAlloc, t->nCell, sizeof(char *));
    t->azCell[t->nCell++] = buf_detach(&b);
}

const char *
doc_table_cell(const DocTable *t, size_t iRow, size_t iCol)
{
    size_t i = iRow * t->nCol + iCol;
    return i < t->nCell ? t->azCell[i] : "";
}

/* ---- The parts of the review ---------------------------------------------- */

static const char *
doc_rating_label(const Assessment *a)
{
    if (!a) {
        return _("not in this round");
    }
    return a->eRating == RATING_NONE ? _("not rated")
                                     : rating_label(a->eRating);
}

/* "Area" from "area". */
static void
doc_level_cap(const ReviewReport *r, int iLevel, Buf *b)
{
    const char *z = level_label(r->p->aLevel[iLevel].zName);
    buf_putc(b, (char)(*z >= 'a' && *z <= 'z' ? *z - 'a' + 'A' : *z));
    buf_puts(b, z + 1);
}

static void
doc_pct(DocTable *t, size_t n, size_t nTotal)
{
    doc_cell(t, _("%ld%% (%zu of %zu)"), review_pct((long)n, (long)nTotal), n,
             nTotal);
}

/* The counts of one round by group: the table behind its figure. */
static void
doc_counts_table(ReviewDoc *d, const ReviewSummary *s, int iTable)
{
    const ReviewReport *r = d->r;
    doc_text(d, DOC_CAPTION, _("Table %d: Activities by status and %s, %s"),
             iTable, level_label(r->p->aLevel[r->iLevel].zName),
             s->pRound->zTitle);
    static const double aW[] = { 0.22, 0.156, 0.156, 0.156, 0.156, 0.156 };
    static const unsigned char aR[] = { 0, 1, 1, 1, 1, 1 };
    DocTable *t = doc_table(d, 6, aW, aR);
    Buf level = BUF_INIT;
    doc_level_cap(r, r->iLevel, &level);
    doc_cell(t, "%s", buf_str(&level));
    buf_release(&level);
    for (int k = 0; k < DOC_NSTATUS; k++) {
        doc_cell(t, "%s", _(aDocStatus[k].zLabel));
    }
    doc_cell(t, "%s", _("Progressing or on target"));
    for (size_t g = 0; g <= s->nGroup; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        if (gr->iNode >= 0) {
            doc_cell(t, "%s %s", r->p->aNode[gr->iNode].zCode,
                     review_group_name(r, gr->iNode));
        } else {
            doc_cell(t, "%s", review_group_name(r, gr->iNode));
            t->aBold[t->nRow - 1] = 1;
        }
        for (int k = 0; k < DOC_NSTATUS; k++) {
            doc_pct(t, gr->c.an[aDocStatus[k].e], gr->c.nTotal);
        }
        doc_pct(t, review_count(&gr->c, REVIEW_MASK_POSITIVE), gr->c.nTotal);
    }
}

static void
doc_figure(ReviewDoc *d, const ReviewSummary *s, int iFigure)
{
    const ReviewReport *r = d->r;
    DocBlock *p = doc_text(
        d, DOC_FIGURE, _("Figure %d: Status of activities by %s, %s"), iFigure,
        level_label(r->p->aLevel[r->iLevel].zName), s->pRound->zTitle);
    p->pSum = s;
    p->iFigure = iFigure;
}

static void
doc_change_list(ReviewDoc *d, const char *zTitle, const long *a, size_t n)
{
    const ReviewReport *r = d->r;
    Buf h = BUF_INIT;
    buf_printf(&h, "%s (%zu)", zTitle, n);
    doc_heading(d, 2, buf_str(&h));
    buf_release(&h);
    if (n == 0) {
        doc_text(d, DOC_PARA, "%s", _("None."));
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const Node *nd = &r->p->aNode[a[i]];
        const Assessment *a0 = node_find_assessment(nd, r->pCompare->zCode);
        const Assessment *a1 = node_find_assessment(nd, r->pRound->zCode);
        if (a0 && a1) {
            doc_text(d, DOC_BULLET, "%s %s (%s \xE2\x86\x92 %s)", nd->zCode,
                     node_text(nd, i18n_current()), doc_rating_label(a0),
                     doc_rating_label(a1));
        } else {
            doc_text(d, DOC_BULLET, "%s %s", nd->zCode,
                     node_text(nd, i18n_current()));
        }
    }
}

static void
doc_comparison(ReviewDoc *d)
{
    const ReviewReport *r = d->r;
    Buf h = BUF_INIT;
    buf_printf(&h, _("Changes from %s to %s"), r->pCompare->zCode,
               r->pRound->zCode);
    doc_heading(d, 1, buf_str(&h));
    buf_release(&h);
    doc_text(d, DOC_PARA, "%s",
             _("The change of each share in percentage points: the difference "
               "of the rounded percentages printed above. The action plan "
               "changes between rounds (see the lists below), so the "
               "comparison is not always like for like."));
    for (size_t i = 0; i < r->nChange; i++) {
        doc_text(d, DOC_BULLET, "%s", r->azChange[i]);
    }
    doc_text(d, DOC_CAPTION,
             _("Table 3: Change in percentage points, %s to %s"),
             r->pCompare->zCode, r->pRound->zCode);
    static const double aW[] = { 0.34, 0.13, 0.13, 0.13, 0.13, 0.14 };
    static const unsigned char aR[] = { 0, 1, 1, 1, 1, 1 };
    DocTable *t = doc_table(d, 6, aW, aR);
    doc_cell(t, "%s", _("Group"));
    for (int k = 0; k < DOC_NSTATUS; k++) {
        doc_cell(t, "%s", _(aDocStatus[k].zLabel));
    }
    doc_cell(t, "%s", _("Activities"));
    for (size_t g = 0; g <= r->now.nGroup; g++) {
        const ReviewGroup *now =
            g < r->now.nGroup ? &r->now.aGroup[g] : &r->now.all;
        const ReviewGroup *old = review_group(&r->before, now->iNode);
        doc_cell(t, "%s", review_group_name(r, now->iNode));
        t->aBold[t->nRow - 1] = now->iNode < 0;
        for (int k = 0; k < DOC_NSTATUS; k++) {
            if (old) {
                doc_cell(t, "%+ld",
                         review_pp_change(&old->c, &now->c,
                                          REVIEW_MASK(aDocStatus[k].e)));
            } else {
                doc_cell(t, "%s", _("new"));
            }
        }
        doc_cell(t, "%zu \xE2\x86\x92 %zu", old ? old->c.nTotal : 0,
                 now->c.nTotal);
    }
    const ReviewChanges *c = &r->changes;
    doc_change_list(d, _("Rated higher"), c->aUp, c->nUp);
    doc_change_list(d, _("Rated lower"), c->aDown, c->nDown);
    doc_change_list(d, _("New in this round"), c->aNew, c->nNew);
    doc_change_list(d, _("Action point reworded between the rounds"),
                    c->aReworded, c->nReworded);
}

/* The annex's column c of round zR (review_annex_column()). */
static void
doc_annex_head(DocTable *t, int c, const char *zR)
{
    Buf b = BUF_INIT;
    review_annex_column(&b, c, zR);
    doc_cell(t, "%s", buf_str(&b));
    buf_release(&b);
}

/* Organisation acronyms joined by ", ". */
static void
doc_orgs(DocTable *t, char *const *az, size_t n)
{
    Buf b = BUF_INIT;
    for (size_t k = 0; k < n; k++) {
        buf_puts(&b, k ? ", " : "");
        buf_puts(&b, az[k]);
    }
    doc_cell(t, "%s", buf_str(&b));
    buf_release(&b);
}

/* The annex: every activity of the round (and of the round compared with)
** under its area, section and goal, with the round's action point,
** progress narrative and rating.  With --compare the earlier rating is
** given beside the new one; the earlier narratives are in the earlier
** round's own review, and printing them too would double the annex. */
static void
doc_annex(ReviewDoc *d)
{
    const ReviewReport *r = d->r;
    const Plan *p = r->p;
    int iLeaf = plan_leaf_level(p);
    doc_add(d, DOC_LANDSCAPE);
    doc_heading(d, 1,
                _("Annex: activities, responsible bodies, partners and "
                  "progress"));
    DocTable *t = NULL;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        if (n->iLevel < iLeaf) {
            t = NULL;
            Buf h = BUF_INIT;
            doc_level_cap(r, n->iLevel, &h);
            buf_printf(&h, " %s: %s", n->zCode, node_text(n, i18n_current()));
            doc_heading(d, n->iLevel + 2 > 4 ? 4 : n->iLevel + 2, buf_str(&h));
            buf_release(&h);
            const char *zInd = node_indicator(n, i18n_current());
            if (zInd) {
                const char *zLabel = _("Indicator:");
                doc_text(d, DOC_LABEL, "%s %s", zLabel, zInd)->nBold =
                    strlen(zLabel);
            }
            continue;
        }
        const Assessment *a = node_find_assessment(n, r->pRound->zCode);
        const Assessment *a0 =
            r->pCompare ? node_find_assessment(n, r->pCompare->zCode) : NULL;
        if (!a && !a0) {
            continue;
        }
        if (!t) {
            if (r->pCompare) {
                static const double aW[] = { 0.19,  0.08,  0.085, 0.21,
                                             0.305, 0.065, 0.065 };
                t = doc_table(d, 7, aW, NULL);
            } else {
                static const double aW[] = { 0.19, 0.08, 0.085,
                                             0.23, 0.35, 0.065 };
                t = doc_table(d, 6, aW, NULL);
            }
            t->bSmall = 1;
            doc_cell(t, "%s", _("Activity"));
            doc_cell(t, "%s", _("Responsible"));
            doc_cell(t, "%s", _("Partners"));
            doc_annex_head(t, 0, r->pRound->zCode);
            doc_annex_head(t, 1, r->pRound->zCode);
            if (r->pCompare) {
                doc_annex_head(t, 2, r->pCompare->zCode);
            }
            doc_annex_head(t, 2, r->pRound->zCode);
        }
        doc_cell(t, "%s %s", n->zCode, node_text(n, i18n_current()));
        doc_orgs(t, n->azResp, n->nResp);
        doc_orgs(t, n->azContrib, n->nContrib);
        doc_cell(t, "%s", a && a->zActionPoint ? a->zActionPoint : "");
        doc_cell(t, "%s", a && a->zProgress ? a->zProgress : "");
        if (r->pCompare) {
            doc_cell(t, "%s", doc_rating_label(a0));
        }
        doc_cell(t, "%s", doc_rating_label(a));
    }
}

/* Keep the runs of md block k on p, if any is more than plain text. */
static void
doc_runs(DocBlock *p, const MdBlock *k)
{
    int bAny = 0;
    for (size_t i = 0; i < k->nRun; i++) {
        bAny |= k->aRun[i].fl != 0;
    }
    if (!bAny) {
        return;
    }
    p->aRun = xcalloc(k->nRun, sizeof *p->aRun);
    p->nRun = k->nRun;
    for (size_t i = 0; i < k->nRun; i++) {
        p->aRun[i] = k->aRun[i];
        p->aRun[i].zHref = k->aRun[i].zHref ? xstrdup(k->aRun[i].zHref) : NULL;
    }
}

/* The chapters of the round that go at place e (core/chapter.h), each
** under its heading, in the reader's language: a chapter heading for each,
** its ## and ### as the levels below. */
static void
doc_chapters(ReviewDoc *d, ChapterPlace e)
{
    const Round *rd = d->r->pRound;
    for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
        const RoundChapter *c = round_chapter(rd, (ChapterKind)k);
        const char *z = c ? chapter_text(c, i18n_current()) : "";
        if (chapter_kind_place((ChapterKind)k) != e || !*z) {
            continue;
        }
        doc_heading(d, 1, chapter_kind_label((ChapterKind)k));
        MdDoc md;
        AppErr err = APPERR_INIT;
        if (md_parse(z, &md, &err)) {
            /* Saved before a limit changed: shown as written. */
            doc_text(d, DOC_PARA, "%s", z);
            continue;
        }
        int iList = 0;
        for (size_t i = 0; i < md.nBlock; i++) {
            const MdBlock *k2 = &md.aBlock[i];
            DocBlock *p;
            switch (k2->e) {
            case MD_HEADING:
                doc_heading(d, k2->iLevel, k2->zText);
                break;
            case MD_PARA:
                doc_runs(doc_text(d, DOC_PARA, "%s", k2->zText), k2);
                break;
            case MD_ITEM:
                p = doc_text(d, k2->bOrdered ? DOC_NUMBERED : DOC_BULLET, "%s",
                             k2->zText);
                if (k2->bOrdered) {
                    if (k2->iList != iList) {
                        d->nList++;
                        iList = k2->iList;
                    }
                    p->iNumber = k2->iNumber;
                    p->iList = d->nList;
                }
                doc_runs(p, k2);
                break;
            }
        }
        md_doc_release(&md);
    }
}

void
review_doc_build(const ReviewReport *r, ReviewDoc *d)
{
    memset(d, 0, sizeof *d);
    d->r = r;
    d->zPlan = plan_title(r->p, i18n_current());
    d->zTitle = r->pRound->zTitle;
    d->zAsOf = r->pRound->zAsOf;
    d->zCompare = r->pCompare ? r->pCompare->zTitle : NULL;
    d->zCoverNote = _("every number is counted from the ratings recorded for "
                      "the round.");
    char zNow[32];
    str_now_utc(zNow, sizeof zNow);
    memcpy(d->zGenerated, zNow, 10);
    d->zGenerated[10] = 0;

    for (size_t i = 0; i < r->nAmend; i++) {
        doc_text(d, DOC_NOTE, "%s", r->azAmend[i]);
    }
    doc_chapters(d, CHAPTER_AT_OPENING);
    Buf h = BUF_INIT;
    review_method_note(r, &h);
    doc_text(d, DOC_NOTE, "%s", buf_str(&h));
    buf_reset(&h);
    doc_chapters(d, CHAPTER_AT_FIGURES);
    buf_printf(&h, _("Status of activities by %s"),
               level_label(r->p->aLevel[r->iLevel].zName));
    doc_heading(d, 1, buf_str(&h));
    buf_release(&h);
    doc_figure(d, &r->now, 1);
    doc_counts_table(d, &r->now, 1);
    for (size_t i = 0; i < r->nSentence; i++) {
        doc_text(d, DOC_BULLET, "%s", r->azSentence[i]);
    }
    if (r->zGoal10) {
        doc_text(d, DOC_PARA, "%s", r->zGoal10);
    }
    for (int k = 0; k < 2; k++) {
        size_t n = k ? r->nFollow : r->nRec;
        if (n) {
            doc_heading(d, 2,
                        k ? _("Follow-up of earlier recommendations")
                          : _("Recommendations and priorities"));
        }
        for (size_t i = 0; i < n; i++) {
            doc_text(d, DOC_BULLET, "%s", k ? r->azFollow[i] : r->azRec[i]);
        }
    }
    if (r->pCompare) {
        doc_figure(d, &r->before, 2);
        doc_counts_table(d, &r->before, 2);
        doc_comparison(d);
    }
    doc_chapters(d, CHAPTER_AT_CLOSING);
    doc_annex(d);
}

/* The most columns a printed table has (DocTable's widths). */
#define DOC_MAX_COL (sizeof((DocTable *)0)->aWidth / sizeof(double))

/* The text of row iRow's cell of column iCol of t, never NULL. */
static const char *
doc_sheet_text(const Sheet *t, size_t iRow, size_t iCol)
{
    const char *z = t->aCell[iRow * t->nCol + iCol].zText;
    return z ? z : "";
}

/* Table t as a printed table of d, its header on every page. */
static void
doc_sheet_table(ReviewDoc *d, const Sheet *t)
{
    /* The columns printed: not the HTML-only ones (forms' buttons); past
    ** DOC_MAX_COL, the last printed column holds the rest too. */
    size_t *aiCol = xcalloc(t->nCol ? t->nCol : 1, sizeof *aiCol);
    size_t n = 0;
    for (size_t c = 0; c < t->nCol; c++) {
        if (!t->abHtmlOnly || !t->abHtmlOnly[c]) {
            aiCol[n++] = c;
        }
    }
    size_t nOut = n > DOC_MAX_COL ? DOC_MAX_COL : n;
    int bFold = n > nOut;
    size_t nRow = sheet_rows(t);
    /* Widths after the cells' mean length, at least the heading's longest
    ** word, each between 5 and 60 characters' worth: a code column stays
    ** narrow, texts share. */
    double aLen[DOC_MAX_COL] = { 0 }, total = 0;
    double aW[DOC_MAX_COL];
    unsigned char aRight[DOC_MAX_COL] = { 0 };
    for (size_t o = 0; o < nOut; o++) {
        for (size_t k = o; k < (o + 1 == nOut ? n : o + 1); k++) {
            double len = (double)strlen(t->azHead[aiCol[k]]);
            for (size_t i = 0; i < nRow; i++) {
                len += (double)strlen(doc_sheet_text(t, i, aiCol[k])) /
                       (double)nRow;
            }
            aLen[o] += len;
            double word = 0;
            for (const char *q = t->azHead[aiCol[k]]; *q; q++) {
                word = *q == ' ' ? 0 : word + 1;
                aLen[o] = word + 3 > aLen[o] ? word + 3 : aLen[o];
            }
        }
        aLen[o] = aLen[o] < 5 ? 5 : aLen[o] > 60 ? 60 : aLen[o];
        total += aLen[o];
        aRight[o] =
            !(bFold && o + 1 == nOut) && nRow && t->aCell[aiCol[o]].bNum;
    }
    for (size_t o = 0; o < nOut; o++) {
        aW[o] = aLen[o] / total;
    }
    if (nOut) {
        DocTable *dt = doc_table(d, nOut, aW, aRight);
        dt->bSmall = 1;
        for (size_t o = 0; o < nOut; o++) {
            Buf h = BUF_INIT;
            for (size_t k = o; k < (o + 1 == nOut ? n : o + 1); k++) {
                buf_puts(&h, k > o ? "; " : "");
                buf_puts(&h, t->azHead[aiCol[k]]);
            }
            doc_cell(dt, "%s", buf_str(&h));
            buf_release(&h);
        }
        for (size_t i = 0; i < nRow; i++) {
            for (size_t o = 0; o + 1 < nOut; o++) {
                doc_cell(dt, "%s", doc_sheet_text(t, i, aiCol[o]));
            }
            Buf last = BUF_INIT;
            for (size_t k = nOut - 1; k < n; k++) {
                const char *z = doc_sheet_text(t, i, aiCol[k]);
                if (!bFold) {
                    buf_puts(&last, z);
                } else if (*z) {
                    buf_printf(&last, "%s%s: %s", last.n ? "; " : "",
                               t->azHead[aiCol[k]], z);
                }
            }
            doc_cell(dt, "%s", buf_str(&last));
            buf_release(&last);
        }
    }
    free(aiCol);
}

void
sheet_doc_build(const SheetDocSpec *s, ReviewDoc *d)
{
    memset(d, 0, sizeof *d);
    d->zPlan = s->zPlan;
    d->zTitle = s->zTitle;
    d->zAsOf = s->zAsOf;
    d->zCoverNote = s->zCoverNote;
    char zNow[32];
    str_now_utc(zNow, sizeof zNow);
    memcpy(d->zGenerated, zNow, 10);
    d->zGenerated[10] = 0;
    doc_add(d, DOC_LANDSCAPE);
    doc_heading(d, 1, s->zTitle);
    if (s->zIntro) {
        doc_text(d, DOC_PARA, "%s", s->zIntro);
    }
    if (s->t) {
        doc_sheet_table(d, s->t);
    }
    for (size_t i = 0; i < s->nPart; i++) {
        const SheetDocPart *p = &s->aPart[i];
        if (p->zHeading) {
            doc_heading(d, p->iLevel ? p->iLevel : 2, p->zHeading);
        }
        if (p->zText) {
            doc_text(d, DOC_PARA, "%s", p->zText);
        }
        for (size_t k = 0; k < p->nItem; k++) {
            doc_text(d, DOC_BULLET, "%s", p->azItem[k]);
        }
        if (p->t && sheet_rows(p->t)) {
            doc_sheet_table(d, p->t);
        }
    }
}

int
review_doc_cover_line(const ReviewDoc *d, int k, Buf *b)
{
    char zDate[STR_TIME_LOCAL_BYTES];
    if (k == 0 && d->zAsOf) {
        str_date_format(d->zAsOf, 0, zDate, sizeof zDate);
        buf_printf(b, _("As of %s"), zDate);
        return 1;
    }
    if (k == 1 && d->zCompare) {
        /* TRANSLATORS: %s is the title of a round ("2016 progress
        ** review"). */
        buf_printf(b, _("Compared with the %s"), d->zCompare);
        return 1;
    }
    if (k == 2) {
        str_date_format(d->zGenerated, 0, zDate, sizeof zDate);
        /* TRANSLATORS: %1$s is a date, %2$s where the numbers come from
        ** ("every number is counted from the ratings ..."). */
        buf_printf(b, _("Generated on %s by lmpmon from the data: %s"), zDate,
                   d->zCoverNote);
        return 1;
    }
    return 0;
}

void
review_doc_release(ReviewDoc *d)
{
    for (size_t i = 0; i < d->nBlock; i++) {
        DocBlock *b = &d->aBlock[i];
        free(b->zText);
        for (size_t k = 0; k < b->nRun; k++) {
            free(b->aRun[k].zHref);
        }
        free(b->aRun);
        if (b->pTable) {
            for (size_t k = 0; k < b->pTable->nCell; k++) {
                free(b->pTable->azCell[k]);
            }
            free(b->pTable->azCell);
            free(b->pTable->aBold);
            free(b->pTable);
        }
    }
    free(d->aBlock);
    memset(d, 0, sizeof *d);
}

void
review_doc_chart_desc(const ReviewReport *r, const ReviewSummary *s, Buf *b)
{
    for (size_t g = 0; g <= s->nGroup; g++) {
        const ReviewGroup *gr = g < s->nGroup ? &s->aGroup[g] : &s->all;
        buf_puts(b, review_group_name(r, gr->iNode));
        buf_printf(b, _(": %zu activities"), gr->c.nTotal);
        for (int k = 0; k < DOC_NSTATUS; k++) {
            buf_printf(b, ", %zu %s", gr->c.an[aDocStatus[k].e],
                       _(aDocStatus[k].zLabel));
        }
        buf_puts(b, g < s->nGroup ? ". " : ".");
    }
}
