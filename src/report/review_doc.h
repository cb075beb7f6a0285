/*
** review_doc.h — the printable review as a list of blocks.
**
** The PDF (review_pdf.c) and the Word document (review_docx.c) print the
** same document: a cover, the contents, the status by area with its two
** figures and tables, the sentences, the comparison and the changes, and
** the annex on landscape pages, with the review's chapters that the M&E
** officer wrote (core/chapter.h) at their places among them, from their
** parsed text: sub-headings, paragraphs, bulleted and numbered items whose
** runs say what is bold, italic or a link.  review_doc_build() decides once what is
** said and in which order — headings, paragraphs, bullet items, tables
** with their column widths, figures — from a built ReviewReport, without
** counting anything itself; each renderer only lays the blocks out.
**
**     ReviewDoc d;
**     review_doc_build(&r, &d);       // r: a built ReviewReport
**     ... d.aBlock[0 .. d.nBlock) ...
**     review_doc_release(&d);
*/
#ifndef LMPMON_REVIEW_DOC_H
#define LMPMON_REVIEW_DOC_H

#include <stddef.h>

#include "print.h"
#include "review_report.h"

typedef enum DocKind {
    DOC_HEADING,  /* zText at iLevel 1 (chapter) .. 4 */
    DOC_PARA,     /* running text; the first nBold bytes in bold */
    DOC_NOTE,     /* a boxed remark (the method) */
    DOC_BULLET,   /* one item of a bulleted list */
    DOC_NUMBERED, /* one item of a numbered list: iNumber, iList */
    DOC_CAPTION,  /* a table's caption; kept with the table */
    DOC_LABEL,    /* text about what follows, kept with it (an
                    ** indicator); the first nBold bytes in bold */
    DOC_TABLE,    /* pTable */
    DOC_FIGURE,   /* the chart of pSum, titled zText */
    DOC_LANDSCAPE /* what follows is on landscape pages (the annex) */
} DocKind;

/* A table with fixed column widths; its first nHead rows are the header,
** repeated on every page it runs over. */
typedef struct DocTable {
    size_t nCol;
    double aWidth[8];        /* share of the text width, summing to 1 */
    unsigned char aRight[8]; /* 1: the column is right-aligned (numbers) */
    size_t nHead;            /* header rows */
    char **azCell;           /* nRow * nCol cells, row by row; owned */
    size_t nCell, nCellAlloc;
    unsigned char *aBold; /* per row: 1 for a total row */
    size_t nRow, nRowAlloc;
    int bSmall; /* the annex: smaller type */
} DocTable;

typedef struct DocBlock {
    DocKind e;
    int iLevel;                /* DOC_HEADING: 1..4 */
    int bToc;                  /* DOC_HEADING: listed in the contents */
    char *zText;               /* text, or the figure's title; owned */
    size_t nBold;              /* DOC_PARA: leading bytes in bold */
    DocTable *pTable;          /* DOC_TABLE; owned */
    const ReviewSummary *pSum; /* DOC_FIGURE: the counts drawn */
    int iFigure;               /* DOC_FIGURE: its number, from 1 */
    long iNumber;              /* DOC_NUMBERED: the number shown */
    int iList;                 /* DOC_NUMBERED: its list, counted in the
                               ** document from 1 (Word numbers each list
                               ** on its own) */
    MdRun *aRun;               /* DOC_PARA, DOC_BULLET, DOC_NUMBERED of a
                               ** chapter: the runs of zText that are bold,
                               ** italic or a link (core/chapter.h); owned;
                               ** NULL: plain text (and nBold) */
    size_t nRun;
} DocBlock;

typedef struct ReviewDoc {
    const ReviewReport *r;  /* what the document shows (its figures); not
                           ** owned; NULL for a table's document */
    const char *zPlan;      /* plan title */
    const char *zTitle;     /* round title */
    const char *zAsOf;      /* "as of" date, or NULL */
    const char *zCompare;   /* title of the round compared with, or NULL */
    const char *zCoverNote; /* the cover's word on where it comes from */
    char zGenerated[11];    /* YYYY-MM-DD (LMPMON_NOW in tests) */
    DocBlock *aBlock;
    size_t nBlock, nBlockAlloc;
    int nList; /* numbered lists so far (DocBlock.iList) */
} ReviewDoc;

/* Lay out the review report r as blocks into d.  Allocates (aborts on
** exhaustion, like every allocation here); r and its plan must outlive d.
** Free with review_doc_release(). */
void review_doc_build(const ReviewReport *r, ReviewDoc *d);

/* Lay out the table document s (print.h) as blocks into d; s and its
** table must outlive d.  Free with review_doc_release(). */
void sheet_doc_build(const SheetDocSpec *s, ReviewDoc *d);
void review_doc_release(ReviewDoc *d);

/* Line k of the cover, in the reader's language, appended to b: 0 "As of
** DATE", 1 "Compared with the ROUND", 2 "Generated on DATE by lmpmon from
** the data: NOTE".  0 when d has no such line (no date, no comparison). */
int review_doc_cover_line(const ReviewDoc *d, int k, Buf *b);

/* Cell (iRow, iCol) of t, never NULL. */
const char *doc_table_cell(const DocTable *t, size_t iRow, size_t iCol);

/* The text describing the chart of s in words, as the SVG's <desc> does
** ("International Framework: 12 activities, 2 On Target, ..."), for a
** picture's alternative text.  Appends to b. */
void review_doc_chart_desc(const ReviewReport *r, const ReviewSummary *s,
                           Buf *b);

#endif
