/*
** chapter.h — the review's narrative chapters and the Markdown subset
** they are written in.
**
** The 2017 review (seeds/000) is a consultant's text around two figures:
** Introduction, Methodology, Limitations of the Methodology, Findings
** (then the Analysis of Implementation: Figures 1 and 2, the per-area
** sentences, the comparison), Good Practices, Challenges, Recommendations
** for Future Implementation, the workshop's Priorities, and Annex 1.  The
** M&E officer writes those chapters for each round in the application;
** the report places each one where the review had it around the parts
** lmpmon generates (ChapterPlace).
**
** The text is a small Markdown subset (docs/chapters.md), parsed into a
** flat list of blocks — paragraphs, sub-headings (## and ###), bullet and
** numbered list items — each holding its plain text and the runs of it
** that are bold, italic or a link.  Nothing of the text is ever markup:
** every renderer escapes the plain text for its own format.  Pure; no I/O.
**
**     MdDoc d;
**     if (md_parse(zText, &d, err) == 0) {
**         ... d.aBlock[0 .. d.nBlock) ...
**     }
**     md_doc_release(&d);
*/
#ifndef LMPMON_CHAPTER_H
#define LMPMON_CHAPTER_H

#include <stddef.h>

#include "codes.h"
#include "../base/apperr.h"
#include "../base/i18n.h"

/* The chapters, in the review's order (code table CODE_CHAPTER_KIND). */
typedef enum ChapterKind {
    CHAPTER_INTRODUCTION = 0,
    CHAPTER_METHODOLOGY,
    CHAPTER_LIMITATIONS,
    CHAPTER_FINDINGS,
    CHAPTER_GOOD_PRACTICES,
    CHAPTER_CHALLENGES,
    CHAPTER_RECOMMENDATIONS,
    CHAPTER_PRIORITIES,
    CHAPTER_KIND_COUNT
} ChapterKind;

/* Where a chapter goes among the generated parts of the report. */
typedef enum ChapterPlace {
    CHAPTER_AT_OPENING = 0, /* after the cover and contents (and a
                            ** correction's notice), before the note on
                            ** method: introduction, methodology and
                            ** its limitations */
    CHAPTER_AT_FIGURES,     /* after the note on method, right before the
                            ** status by area (Figure 1): the findings,
                            ** which the figures then bear out */
    CHAPTER_AT_CLOSING      /* after the generated status, comparison and
                            ** recommendation lists, before the annex:
                            ** good practices, challenges,
                            ** recommendations, priorities */
} ChapterPlace;

/* "introduction", "good_practices" (what is stored, sent and typed on the
** command line); "" for a value out of range. */
const char *chapter_kind_name(ChapterKind e);
/* The chapter's heading in the reader's language ("Good practices"). */
const char *chapter_kind_label(ChapterKind e);
/* The key or label z (code_index()) into *pOut; 0, or -1 when z names no
** chapter. */
int chapter_kind_parse(const char *z, ChapterKind *pOut);
ChapterPlace chapter_kind_place(ChapterKind e);
/* The code table (model.c's code_table()). */
const CodeName *chapter_code_table(size_t *pn);

/* ---- The Markdown subset -------------------------------------------------- */

typedef enum MdBlockKind {
    MD_PARA = 0, /* a paragraph */
    MD_HEADING,  /* a heading inside the chapter: iLevel 2 (##) or 3 (###) */
    MD_ITEM      /* one item of a list: bulleted, or numbered (bOrdered) */
} MdBlockKind;

enum {
    MD_RUN_BOLD = 1,   /* **text** */
    MD_RUN_ITALIC = 2, /* *text* */
    MD_RUN_LINK = 4    /* [text](https://...): zHref */
};

/* A stretch of a block's text with one set of MD_* flags. */
typedef struct MdRun {
    size_t i, n; /* bytes [i, i + n) of the block's zText */
    unsigned fl; /* MD_RUN_BOLD | MD_RUN_ITALIC | MD_RUN_LINK */
    char *zHref; /* MD_RUN_LINK: http://, https:// or mailto: address;
                   ** owned */
} MdRun;

typedef struct MdBlock {
    MdBlockKind e;
    int iLevel;   /* MD_HEADING: 2 or 3 */
    int bOrdered; /* MD_ITEM: a numbered list */
    long iNumber; /* MD_ITEM of a numbered list: the number shown */
    int iList;    /* MD_ITEM: which list (items of one list share it,
                  ** counted from 1), 0 for other blocks */
    char *zText;  /* the plain text, valid UTF-8, "\n" for a line break;
                  ** owned */
    MdRun *aRun;  /* the runs, in order, covering zText exactly */
    size_t nRun;
} MdBlock;

typedef struct MdDoc {
    MdBlock *aBlock;
    size_t nBlock, nBlockAlloc;
} MdDoc;

/* Parse z (a chapter's text) into d (filled from empty).  The subset:
**
**   - paragraphs, separated by blank lines; the lines of one are joined by
**     a space, and a line ending in two spaces or a backslash breaks there;
**   - "## Title" and "### Title" (up to three spaces before): headings;
**   - "- item", "* item", "+ item": bulleted list items; "1. item" or
**     "1) item": numbered ones (the first number is kept, the next
**     count on); a line that is none of these continues the item;
**   - inline **bold**, *italic*, [text](address) with an address of
**     http://, https:// or mailto: (no spaces), and "\*" etc. for a
**     literal character; anything else is literal text — "<b>", "# x",
**     "[x](javascript:...)" are shown as written.
**
** Refused (APPERR_INPUT, the message naming the line): a text of more
** than LIMIT_CHAPTER_BYTES, a line of more than LIMIT_CHAPTER_LINE_BYTES,
** more than LIMIT_CHAPTER_BLOCKS blocks, a link address longer than
** LIMIT_CHAPTER_HREF_BYTES, bytes that are not UTF-8, and control
** characters other than tab, carriage return and line feed.  On error d
** is empty.  Allocates; free with md_doc_release(). */
int md_parse(const char *z, MdDoc *d, AppErr *err);
void md_doc_release(MdDoc *d);

/* ---- A round's chapters --------------------------------------------------- */

/* One chapter of a round as stored (core/model.h Round.aChapter). */
typedef struct RoundChapter {
    ChapterKind eKind;
    char *zText;   /* English (Markdown subset); "" when not written */
    char *zTextKm; /* Khmer, or NULL: the Khmer report shows zText */
    char *zBy;     /* account that last changed it */
    char *zAt;     /* when, YYYY-MM-DDTHH:MM:SSZ */
    int iVersion;  /* guards the next change */
} RoundChapter;

/* The number of words of z (runs of characters other than spaces, tabs
** and line ends; NULL: 0): what the lists of chapters show. */
size_t chapter_word_count(const char *z);

/* The text of c for a reader of language e: Khmer when e is Khmer and c
** has it, else English ("" when neither). */
const char *chapter_text(const RoundChapter *c, I18nLang e);

#endif
