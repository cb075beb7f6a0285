/*
** print.h — the review as a printed document (PDF and Word), drawn by the
** printing module.
**
** Pango, cairo and fontconfig bring some thirty shared libraries: loading
** them at every start took half of the start-up of every command (5 of
** 10 ms), while only the PDF and Word outputs use them.  So the code
** that draws (review_pdf.c, paginate.c, review_docx.c) is a module of its
** own, lmpmon-print.so, linked against them and loaded (base/module.h)
** the first time a PDF or a Word file is asked for.  The module calls
** the program's own functions (buffers, the report), which the program
** exports (ENABLE_EXPORTS); what only printing uses (review_doc.c,
** ooxml.c) is compiled into the module alone.
*/
#ifndef LMPMON_PRINT_H
#define LMPMON_PRINT_H

#include "review_report.h"
#include "sheet.h"

/* A table printed as a document of its own (an action plan): a cover
** naming zPlan, zTitle and, if not NULL, zAsOf, with zCoverNote after
** "Generated on DATE by lmpmon from the data: "; the introduction zIntro
** (or NULL); then table t on landscape pages, its header on every page.
** Columns beyond the eighth are folded into the eighth, each as
** "Heading: value"; widths follow the cells' lengths. */
/* A document of several tables (the quarterly briefing) lists them as
** parts instead of t: each a heading, a paragraph if not NULL (what an
** empty table says) and its table if not NULL and not empty, printed as
** t is.  A report of sentences and tables (the coordination report) also
** gives a part bulleted items, printed after the paragraph and before the
** table; a heading at iLevel 3 (under the part before; 0 means 2, a
** section in the contents); or no heading (NULL: the part goes on the
** one before). */
typedef struct SheetDocPart {
    const char *zHeading;
    const char *zText;
    const Sheet *t;
    char *const *azItem; /* nItem bullets, or NULL */
    size_t nItem;
    int iLevel;
} SheetDocPart;

typedef struct SheetDocSpec {
    const char *zPlan;
    const char *zTitle;
    const char *zAsOf;
    const char *zCoverNote;
    const char *zIntro;
    const Sheet *t;
    const SheetDocPart *aPart; /* after t (or instead of it: t NULL) */
    size_t nPart;
} SheetDocSpec;

/* The parts of a report's document, built one after the other, owning
** their texts, items and tables:
**
**     SheetDocParts x = { 0 };
**     sheet_doc_part(&x, 2, _("Summary"), NULL);
**     sheet_doc_item(&x, zSentence);        // a bullet of that part
**     Sheet *t = sheet_doc_table(&x, "orgs"); // its table, to fill
**     spec.aPart = sheet_doc_parts(&x, &spec.nPart);
**     ... sheet_render_pdf(&spec, b, err) ...
**     sheet_doc_parts_release(&x);
*/
typedef struct SheetDocParts {
    SheetDocPart *aPart;
    size_t nPart, nPartAlloc;
    size_t *aiItem; /* per part: its first item in azItem */
    char **azText;  /* headings and paragraphs */
    size_t nText, nTextAlloc;
    char **azItem; /* items, each part's together */
    size_t nItem, nItemAlloc;
    Sheet **apSheet;
    size_t nSheet, nSheetAlloc;
} SheetDocParts;

/* A new part: heading zHeading at iLevel (SheetDocPart's) or NULL, then
** paragraph zText or NULL (both copied). */
void sheet_doc_part(SheetDocParts *x, int iLevel, const char *zHeading,
                    const char *zText);

/* A bullet z (copied) of the last part. */
void sheet_doc_item(SheetDocParts *x, const char *z);

/* The table of the last part, named zId (static), empty: the caller adds
** its columns and cells. */
Sheet *sheet_doc_table(SheetDocParts *x, const char *zId);

/* The parts built, *pn of them, for SheetDocSpec's aPart; valid until
** the next part is added or x is released. */
const SheetDocPart *sheet_doc_parts(SheetDocParts *x, size_t *pn);
void sheet_doc_parts_release(SheetDocParts *x);

/* The whole review r as an A4 PDF, appended to b.  Returns 0, or -1 with
** err when the printing module cannot be loaded or cairo fails (out of
** memory, a font it cannot embed).  Safe from several threads. */
int review_render_pdf(const ReviewReport *r, Buf *b, AppErr *err);

/* The whole review r as a Word document (.docx), appended to b.  Returns
** 0, or -1 with err when the module cannot be loaded or the package
** cannot be written. */
int review_render_docx(const ReviewReport *r, Buf *b, AppErr *err);

/* Release the font caches of Pango, cairo and fontconfig, which live for
** the whole process otherwise, if the module was loaded.  For a process
** that prints and exits (the CLI), so that leak checkers see nothing left;
** never while another thread may be drawing. */
void review_print_release_fonts(void);

/* The document s describes as an A4 PDF or a Word document, appended to
** b; 0, or -1 with err as for the review. */
int sheet_render_pdf(const SheetDocSpec *s, Buf *b, AppErr *err);
int sheet_render_docx(const SheetDocSpec *s, Buf *b, AppErr *err);
/* One of the two: a Word document when bDocx, else a PDF. */
int sheet_render_print(const SheetDocSpec *s, int bDocx, Buf *b, AppErr *err);

#endif
