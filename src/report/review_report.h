/*
** review_report.h — the annual review report, generated from the data.
**
** review_report_build() counts a round (and optionally an earlier one to
** compare with) at a chosen level of the plan and writes the sentences in
** the review's style; the render functions turn that into HTML (one
** self-contained file with inline CSS and SVG), Markdown, CSV, JSON or the
** SVG chart alone.  Every number printed is computed here, from the model
** given, at the moment of rendering.
*/
#ifndef LMPMON_REVIEW_REPORT_H
#define LMPMON_REVIEW_REPORT_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/recommend.h"
#include "../core/review.h"

/* One figure a sentence of the report prints, as a claims file names it
** (docs/formats/claims-csv.md): 'report review --format claims' writes
** them, so that 'lmpmon check --claims' can check every printed figure
** against the data. */
typedef struct ReviewFigure {
    const char *zRound;    /* the round it speaks of (r's) */
    long iNode;            /* the group: a node index, -1 for all */
    unsigned mask;         /* what it counts (REVIEW_MASK()) */
    long num, den, pct;    /* as printed; CLAIM_NOT_PRINTED where not */
    const char *zSince;    /* a change since this round (pct in points),
                           ** or NULL for a share */
    const char *zSentence; /* the English sentence that prints it (r's) */
} ReviewFigure;

typedef struct ReviewReport {
    const Plan *p;
    const Round *pRound;   /* the round reported */
    const Round *pCompare; /* the round compared with, or NULL */
    int iLevel;            /* grouping level */
    ReviewSummary now;
    ReviewSummary before;  /* valid when pCompare */
    ReviewChanges changes; /* valid when pCompare */
    char **azSentence;     /* one per group of now, then the overall one */
    size_t nSentence;
    char **azSentenceEn; /* the same in English (the JSON's), NULL when
                              ** azSentence is English */
    char **azChange;     /* with pCompare and a closed round: the change of
                       ** each group whose share not on target moved, then
                       ** the overall change ("In the institutional
                       ** framework 14 per cent ... 15 percentage points
                       ** fewer than in 2016 ...") */
    size_t nChange;
    char **azChangeEn;     /* the same in English, NULL when azChange is */
    ReviewFigure *aFigure; /* every figure of the sentences above */
    size_t nFigure;
    const char *zGoal10;      /* the complaints indicator sentence for the
                              ** round's year, set by the caller, or NULL */
    int bRatedOnly;           /* the round is still collecting: now (and
                              ** before) count only the activities rated
                              ** in it (core's review_rated_only()) */
    ReviewProgress progress;  /* how far the round's collection is */
    const char *zDenominator; /* what the shares are of, in words */
    const char *zSelf;        /* the HTML's own address on the web, whose
                              ** ?format= gives the other formats (links
                              ** at its top), or NULL (a file: none) */
    char **azRec;             /* the recommendations this review made, one line
                     ** each (review_report_set_recs()), or none */
    size_t nRec;
    char **azFollow; /* the follow-ups recorded in this round of earlier
                     ** recommendations, one line each */
    size_t nFollow;
    char **azAmend; /* corrections made after publication, one sentence
                    ** each (review_report_set_amendments()), or none */
    size_t nAmend;
} ReviewReport;

/* Give r the corrections made after its round was published (app's
** workflow_round_amendments()), copied: every format says, under the
** title, that the review was amended, when, by whom and why. */
void review_report_set_amendments(ReviewReport *r, char *const *az, size_t n);

/* Give r the section on recommendations (core/recommend.h) from s, the
** plan's: those the round's review made ("C1 (Cost of migration;
** priority): text"), and how far earlier ones got as recorded in this
** round ("C1 of 2017: In progress. ACRA drafted a note"); a report of
** another round tells nothing of later follow-ups.  No section when both
** are empty.  The lines are r's (review_report_release()). */
void review_report_set_recs(ReviewReport *r, const RecSet *s);

/* Build the report of round zRound of p at level zLevel (a level name of
** the plan, or NULL for the top level), compared with zCompare when not
** NULL.  A round still collecting (review_rated_only()) counts only its
** rated activities, and the round compared with only those same
** activities, so no share falls because ratings have not come in yet; its
** sentences say so ("rated so far").  Returns 0 or -1 with err (unknown round or level).  p must
** outlive the report. */
int review_report_build(const Plan *p, const char *zRound, const char *zCompare,
                        const char *zLevel, ReviewReport *r, AppErr *err);
void review_report_release(ReviewReport *r);

/* A format a report is made in: the CLI's --format NAME and the web's
** ?format=NAME. */
typedef struct ReportFormat {
    const char *zName;  /* "pdf" */
    const char *zMime;  /* its Content-Type */
    const char *zLabel; /* what people call it: "PDF", "Word" */
    int bPrint;         /* drawn with Pango and cairo (review_print.h) */
} ReportFormat;

/* The review report's formats, ended by a NULL name: html, md, csv,
** json, svg, pdf, docx, claims. */
extern const ReportFormat aReviewFormat[];

/* The printed formats alone, ended by a NULL name: pdf and docx (for the
** reports whose other downloads are their tables': indicators,
** complaints). */
extern const ReportFormat aPrintFormat[];

/* Whether the review of round rd can be made in format f (a review
** format): the claims file only once the round no longer collects
** (review_render_claims()).  Pages offer only these. */
int review_format_offered(const ReportFormat *f, const Round *rd);

/* The format named zName in table a, or NULL. */
const ReportFormat *report_format_find(const ReportFormat *a,
                                       const char *zName);

/* "html, md, csv or json": the names of table a, for messages. */
void report_format_list(const ReportFormat *a, Buf *b);

/* The paragraph of a report's web page offering its downloads: "This
** report as Markdown · CSV · ... · PDF · Word", each format of table a but
** HTML linked as zSelf (the page's address, its query included, not yet
** escaped) with format=NAME added. */
void report_format_links(const ReportFormat *a, const char *zSelf, Buf *b);

/* The format named zFormat in table a, or NULL with err (APPERR_USAGE):
** "unknown format 'x' for the WHAT (html, md, csv or json)". */
const ReportFormat *report_format_need(const ReportFormat *a,
                                       const char *zFormat, const char *zWhat,
                                       AppErr *err);

/* Render r in the format named zFormat (aReviewFormat) into b.  0, or -1
** with err: an unknown format (APPERR_USAGE, listing the formats), or
** a PDF or DOCX that cannot be made.  For the print formats the caller
** releases the fonts if it wants (review_print_release_fonts()). */
int review_render(const ReviewReport *r, const char *zFormat, Buf *b,
                  AppErr *err);

/* The chapters of r's round that go at place e (core/chapter.h), in the
** reader's language (the Khmer text, else the English), appended to b:
** as HTML sections (<section class="chapter" id="chapter-KEY">, the text
** escaped, its runs as <strong>, <em> and <a>), or as Markdown rendered
** again from the parsed text and escaped, so nothing of it becomes HTML
** or anything the subset does not have (review_chapters.c). */
void review_chapters_html(const ReviewReport *r, ChapterPlace e, Buf *b);
void review_chapters_md(const ReviewReport *r, ChapterPlace e, Buf *b);
/* The body of one chapter's text z (its blocks, without the chapter's
** heading) as review_chapters_html() writes it: the web's preview. */
void review_chapter_body_html(const char *z, Buf *b);

/* Renderers: append the whole document to b. */
void review_render_html(const ReviewReport *r, Buf *b);
/* The stylesheet review_render_html() puts inline in its <style> (the web
** allows exactly it in the Content-Security-Policy, by its hash). */
const char *review_html_css(void);
void review_render_md(const ReviewReport *r, Buf *b);
void review_render_csv(const ReviewReport *r, Buf *b);
void review_render_json(const ReviewReport *r, Buf *b);
void review_render_svg(const ReviewReport *r, Buf *b);
/* Every figure r's sentences print as a claims file
** (docs/formats/claims-csv.md; ReviewFigure), for 'lmpmon check
** --claims'.  -1 with err for a round still collecting. */
int review_render_claims(const ReviewReport *r, Buf *b, AppErr *err);

/* The stacked bar chart of summary s as one <svg> element (no XML
** declaration), for embedding; zTitle is its title. */
void review_chart_svg(const ReviewReport *r, const ReviewSummary *s,
                      const char *zTitle, Buf *b);

/* How far a round's collection is, in words, appended to b.  While it
** collects: "31 of 103 activities rated so far; 12 of 150 statements owed
** by the responsible bodies are in, 138 not yet."; once closed: "103 of
** 103 activities rated; 45 of 150 statements owed by the responsible
** bodies were given." (never "missing": collection is over). */
void review_progress_sentence(const ReviewProgress *g, Buf *b);

/* Name a group in running text: "the international framework" for an
** area, "goal 4" for a level with indicators or a long text, "all
** activities" for the whole plan.  Appends to b.  English grammar
** (lower case, article) in English only: another language (i18n_current())
** gets the group's text as written. */
void review_group_phrase(const ReviewReport *r, long iNode, Buf *b);

/* What the shares are of (core/review.h's REVIEW_DENOMINATOR or
** REVIEW_DENOMINATOR_RATED), in the reader's language. */
const char *review_denominator_words(const ReviewReport *r);

/* The note on method every format of the review begins with ("Each
** activity is rated On Target (completed), ..."), appended to b. */
void review_method_note(const ReviewReport *r, Buf *b);

/* The annex's column c of round zR: 0 "Action point 2017", 1 "Progress
** 2017", 2 "Rating 2017", appended to b. */
void review_annex_column(Buf *b, int c, const char *zR);

/* Display name of a group: its text, or "All activities". */
const char *review_group_name(const ReviewReport *r, long iNode);

#endif
