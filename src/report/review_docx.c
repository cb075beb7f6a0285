/*
** review_docx.c — the review report as a Word document (review_print.h).
**
** The blocks of review_doc.h written as WordprocessingML: headings in the
** built-in styles "heading 1".."heading 4" (Word's navigation pane and
** contents field use them), real tables with fixed column widths whose
** header rows repeat on every page (w:tblHeader) and whose rows do not
** break across pages (w:cantSplit), the figures as PNG pictures drawn by
** the same cairo code as the PDF's, "page N of M" in the footer from PAGE
** and NUMPAGES fields, and the annex in a landscape section.  The contents
** lists the headings with PAGEREF fields to bookmarks on them, which Word
** and LibreOffice compute as they lay the pages out.
**
** Lengths: twips (1/20 point) for pages and tables, EMU (1/12700 point)
** for pictures.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_print.h"
#include "review_doc.h"
#include "ooxml.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../base/banned.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R                                                                   \
 "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_WP                                                                  \
 "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define REL_TYPE                                                               \
 "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

#define DOCX_SANS   "DejaVu Sans"
#define DOCX_SERIF  "DejaVu Serif"
#define DOCX_NARROW "DejaVu Sans Condensed"
#define DOCX_KHMER  "Khmer OS Siemreap"

/* A4 in twips, and the text widths of the two orientations. */
#define DOCX_A4_SHORT 11906
#define DOCX_A4_LONG  16838
#define DOCX_MARGIN_P 1247 /* 22 mm */
#define DOCX_MARGIN_L 680  /* 12 mm */
#define DOCX_TEXT_P   (DOCX_A4_SHORT - 2 * DOCX_MARGIN_P)
#define DOCX_TEXT_L   (DOCX_A4_LONG - 2 * DOCX_MARGIN_L)

#define DOCX_EMU_PER_PT   12700L
#define DOCX_FIG_WIDTH_PT 460.0 /* the figures' width on the page */
#define DOCX_FIG_DPI      200

/* ---- Small helpers -------------------------------------------------------- */

static void
docx_part(Ooxml *o, const char *zPath, Buf *b)
{
    ooxml_add(o, zPath, buf_str(b), b->n);
    buf_reset(b);
}

/* <w:pStyle w:val="..."/> etc. are written often. */
static void
docx_pstyle(Xml *x, const char *zStyle)
{
    XML_LEAF1(x, "w:pStyle", "w:val", zStyle);
}

/* A run of n bytes of z with the flags fl of core/chapter.h: bold,
** italic, a link's underline and colour.  Line breaks become <w:br/>. */
static void
docx_run_fl(Xml *x, const char *z, size_t n, unsigned fl)
{
    XML_OPEN(x, "w:r");
    if (fl & (MD_RUN_BOLD | MD_RUN_ITALIC | MD_RUN_LINK)) {
        XML_OPEN(x, "w:rPr");
        if (fl & MD_RUN_BOLD) {
            XML_LEAF(x, "w:b");
        }
        if (fl & MD_RUN_ITALIC) {
            XML_LEAF(x, "w:i");
        }
        if (fl & MD_RUN_LINK) {
            XML_LEAF1(x, "w:color", "w:val", "1A4F8B");
            XML_LEAF1(x, "w:u", "w:val", "single");
        }
        xml_close(x);
    }
    size_t i = 0;
    for (;;) {
        const char *nl = memchr(z + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - z) : n;
        char *zPart = xstrndup(z + i, e - i);
        XML_OPEN(x, "w:t");
        XML_ATTR(x, "xml:space", "preserve");
        xml_text(x, zPart);
        xml_close(x);
        free(zPart);
        if (!nl) {
            break;
        }
        XML_LEAF(x, "w:br");
        i = e + 1;
    }
    xml_close(x);
}

/* A run of text; bold when bBold. */
static void
docx_run(Xml *x, const char *z, size_t n, int bBold)
{
    docx_run_fl(x, z, n, bBold ? MD_RUN_BOLD : 0);
}

/* A chapter's paragraph or list item p in style zStyle (NULL: Normal), its
** runs bold, italic or links: a link is a HYPERLINK field, which needs no
** relationship of the package, around the runs of its text. */
static void
docx_para_runs(Xml *x, const char *zStyle, const DocBlock *p)
{
    XML_OPEN(x, "w:p");
    if (zStyle) {
        XML_OPEN(x, "w:pPr");
        docx_pstyle(x, zStyle);
        if (p->e == DOC_NUMBERED) {
            XML_OPEN(x, "w:numPr");
            XML_LEAF1(x, "w:ilvl", "w:val", "0");
            XML_OPEN(x, "w:numId");
            XML_ATTR_LONG(x, "w:val", 1 + (long)p->iList);
            xml_close(x);
            xml_close(x);
        }
        xml_close(x);
    }
    const char *zHref = NULL;
    for (size_t k = 0; k < p->nRun; k++) {
        const MdRun *u = &p->aRun[k];
        const char *zThis = u->fl & MD_RUN_LINK ? u->zHref : NULL;
        if (zHref && (!zThis || strcmp(zThis, zHref) != 0)) {
            xml_close(x); /* w:fldSimple */
            zHref = NULL;
        }
        if (zThis && !zHref) {
            Buf instr = BUF_INIT;
            buf_puts(&instr, " HYPERLINK \"");
            for (const char *c = zThis; *c; c++) {
                if (*c == '"' || *c == '\\') {
                    buf_printf(&instr, "%%%02X", (unsigned char)*c);
                } else {
                    buf_putc(&instr, *c);
                }
            }
            buf_puts(&instr, "\" ");
            XML_OPEN(x, "w:fldSimple");
            XML_ATTR(x, "w:instr", buf_str(&instr));
            buf_release(&instr);
            zHref = zThis;
        }
        docx_run_fl(x, p->zText + u->i, u->n, u->fl);
    }
    if (zHref) {
        xml_close(x);
    }
    xml_close(x);
}

/* A paragraph of style zStyle (NULL: Normal) holding z, the first nBold
** bytes bold; right-aligned when bRight. */
static void
docx_para(Xml *x, const char *zStyle, const char *z, size_t nBold, int bRight,
          int bAllBold)
{
    XML_OPEN(x, "w:p");
    if (zStyle || bRight) {
        XML_OPEN(x, "w:pPr");
        if (zStyle) {
            docx_pstyle(x, zStyle);
        }
        if (bRight) {
            XML_LEAF1(x, "w:jc", "w:val", "right");
        }
        xml_close(x);
    }
    size_t n = strlen(z);
    if (bAllBold) {
        nBold = n;
    }
    if (nBold > n) {
        nBold = n;
    }
    if (nBold) {
        docx_run(x, z, nBold, 1);
    }
    if (n > nBold) {
        docx_run(x, z + nBold, n - nBold, 0);
    }
    xml_close(x);
}

/* Paragraphs of z: a blank line separates paragraphs. */
static void
docx_paras(Xml *x, const char *zStyle, const char *z, int bRight, int bBold)
{
    const char *p = z;
    do {
        const char *e = strstr(p, "\n\n");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *zPara = xstrndup(p, n);
        docx_para(x, zStyle, zPara, 0, bRight, bBold);
        free(zPara);
        if (!e) {
            break;
        }
        p = e;
        while (*p == '\n') {
            p++;
        }
    } while (*p);
}

static void
docx_page_break(Xml *x)
{
    XML_OPEN(x, "w:p");
    XML_OPEN(x, "w:r");
    XML_LEAF1(x, "w:br", "w:type", "page");
    xml_close(x);
    xml_close(x);
}

/* ---- The fixed parts ------------------------------------------------------ */

static void
docx_content_types(Ooxml *o, Buf *b)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "Types");
    XML_ATTR(&x, "xmlns",
             "http://schemas.openxmlformats.org/package/2006/content-types");
    static const char *const azDefault[][2] = {
        { "rels", "application/vnd.openxmlformats-package.relationships+xml" },
        { "xml", "application/xml" },
        { "png", "image/png" },
    };
    for (size_t i = 0; i < sizeof azDefault / sizeof azDefault[0]; i++) {
        XML_OPEN(&x, "Default");
        XML_ATTR(&x, "Extension", azDefault[i][0]);
        XML_ATTR(&x, "ContentType", azDefault[i][1]);
        xml_close(&x);
    }
#define WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
    static const char *const azOverride[][2] = {
        { "/word/document.xml", WML "document.main+xml" },
        { "/word/styles.xml", WML "styles+xml" },
        { "/word/settings.xml", WML "settings+xml" },
        { "/word/numbering.xml", WML "numbering+xml" },
        { "/word/header1.xml", WML "header+xml" },
        { "/word/header2.xml", WML "header+xml" },
        { "/word/footer1.xml", WML "footer+xml" },
        { "/docProps/core.xml",
          "application/vnd.openxmlformats-package.core-properties+xml" },
        { "/docProps/app.xml", "application/vnd.openxmlformats-"
                               "officedocument.extended-properties+xml" },
    };
#undef WML
    for (size_t i = 0; i < sizeof azOverride / sizeof azOverride[0]; i++) {
        XML_OPEN(&x, "Override");
        XML_ATTR(&x, "PartName", azOverride[i][0]);
        XML_ATTR(&x, "ContentType", azOverride[i][1]);
        xml_close(&x);
    }
    xml_end(&x);
    docx_part(o, "[Content_Types].xml", b);
}

static void
docx_rel(Xml *x, const char *zId, const char *zType, const char *zTarget)
{
    XML_OPEN(x, "Relationship");
    XML_ATTR(x, "Id", zId);
    XML_ATTR(x, "Type", zType);
    XML_ATTR(x, "Target", zTarget);
    xml_close(x);
}

static void
docx_rels(Ooxml *o, Buf *b, int nFigure)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "Relationships");
    XML_ATTR(&x, "xmlns", NS_REL);
    docx_rel(&x, "rId1", REL_TYPE "officeDocument", "word/document.xml");
    docx_rel(&x, "rId2",
             "http://schemas.openxmlformats.org/package/2006/"
             "relationships/metadata/core-properties",
             "docProps/core.xml");
    docx_rel(&x, "rId3", REL_TYPE "extended-properties", "docProps/app.xml");
    xml_end(&x);
    docx_part(o, "_rels/.rels", b);

    xml_begin(&x, b);
    XML_OPEN(&x, "Relationships");
    XML_ATTR(&x, "xmlns", NS_REL);
    docx_rel(&x, "rIdStyles", REL_TYPE "styles", "styles.xml");
    docx_rel(&x, "rIdSettings", REL_TYPE "settings", "settings.xml");
    docx_rel(&x, "rIdNumbering", REL_TYPE "numbering", "numbering.xml");
    docx_rel(&x, "rIdHeader1", REL_TYPE "header", "header1.xml");
    docx_rel(&x, "rIdHeader2", REL_TYPE "header", "header2.xml");
    docx_rel(&x, "rIdFooter1", REL_TYPE "footer", "footer1.xml");
    for (int i = 1; i <= nFigure; i++) {
        char zId[32], zTarget[64];
        (void)snprintf(zId, sizeof zId, "rIdFigure%d", i);
        (void)snprintf(zTarget, sizeof zTarget, "media/figure%d.png", i);
        docx_rel(&x, zId, REL_TYPE "image", zTarget);
    }
    xml_end(&x);
    docx_part(o, "word/_rels/document.xml.rels", b);
}

/* Fonts of a run: Latin from zLatin, Khmer (a complex script) from the
** Khmer font. */
static void
docx_fonts(Xml *x, const char *zLatin)
{
    XML_OPEN(x, "w:rFonts");
    XML_ATTR(x, "w:ascii", zLatin);
    XML_ATTR(x, "w:hAnsi", zLatin);
    XML_ATTR(x, "w:eastAsia", zLatin);
    XML_ATTR(x, "w:cs", DOCX_KHMER);
    xml_close(x);
}

static void
docx_size(Xml *x, long nHalfPoints)
{
    XML_OPEN(x, "w:sz");
    XML_ATTR_LONG(x, "w:val", nHalfPoints);
    xml_close(x);
    XML_OPEN(x, "w:szCs");
    XML_ATTR_LONG(x, "w:val", nHalfPoints);
    xml_close(x);
}

/* One paragraph style. */
typedef struct DocxStyle {
    const char *zId, *zName;
    const char *zFont; /* NULL: the default (serif) */
    long nSize;        /* half-points; 0: the default */
    int bBold, bItalic;
    long nBefore, nAfter; /* twips; -1: the default */
    int iOutline;         /* heading level 1..4, 0 for none */
    int bKeepNext;
    const char *zShade; /* background fill, or NULL */
    long nIndent;       /* left indent, twips */
    int bBullet;        /* numbered with the bullet list */
    int bLeader;        /* a dotted tab to the right margin (contents) */
} DocxStyle;

static const DocxStyle aDocxStyle[] = {
    { "Heading1", "heading 1", DOCX_SANS, 30, 1, 0, 360, 160, 1, 1, NULL, 0, 0,
      0 },
    { "Heading2", "heading 2", DOCX_SANS, 24, 1, 0, 240, 100, 2, 1, NULL, 0, 0,
      0 },
    { "Heading3", "heading 3", DOCX_SANS, 21, 1, 0, 180, 80, 3, 1, NULL, 0, 0,
      0 },
    { "Heading4", "heading 4", DOCX_SANS, 18, 1, 0, 140, 60, 4, 1, NULL, 0, 0,
      0 },
    { "Title", "Title", DOCX_SERIF, 56, 1, 0, 2400, 240, 0, 0, NULL, 0, 0, 0 },
    { "Subtitle", "Subtitle", DOCX_SERIF, 30, 0, 0, 0, 200, 0, 0, NULL, 0, 0,
      0 },
    { "CoverLine", "Cover Line", DOCX_SANS, 22, 0, 0, 0, 80, 0, 0, NULL, 0, 0,
      0 },
    { "Caption", "caption", DOCX_SANS, 17, 1, 0, 160, 60, 0, 1, NULL, 0, 0, 0 },
    { "Label", "Label", NULL, 0, 0, 0, -1, -1, 0, 1, NULL, 0, 0, 0 },
    { "Note", "Note", NULL, 19, 0, 1, 80, 240, 0, 0, "F0F0F0", 0, 0, 0 },
    { "ListBullet", "List Bullet", NULL, 0, 0, 0, 0, 80, 0, 0, NULL, 0, 1, 0 },
    /* Numbered per paragraph: each list has its own w:num (docx_numbering()). */
    { "ListNumber", "List Number", NULL, 0, 0, 0, 0, 80, 0, 0, NULL, 0, 0, 0 },
    { "TableText", "Table Text", DOCX_NARROW, 16, 0, 0, 0, 0, 0, 0, NULL, 0, 0,
      0 },
    { "AnnexText", "Annex Text", DOCX_NARROW, 15, 0, 0, 0, 40, 0, 0, NULL, 0, 0,
      0 },
    { "TOCHeading", "TOC Heading", DOCX_SANS, 30, 1, 0, 0, 200, 0, 0, NULL, 0,
      0, 0 },
    { "TOC1", "toc 1", DOCX_SANS, 21, 1, 0, 120, 40, 0, 0, NULL, 0, 0, 1 },
    { "TOC2", "toc 2", DOCX_SANS, 20, 0, 0, 0, 40, 0, 0, NULL, 320, 0, 1 },
    { "Header", "header", DOCX_SANS, 15, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0 },
    { "Footer", "footer", DOCX_SANS, 15, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0 },
};

static void
docx_styles(Ooxml *o, Buf *b)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "w:styles");
    XML_ATTR(&x, "xmlns:w", NS_W);
    XML_OPEN(&x, "w:docDefaults");
    XML_OPEN(&x, "w:rPrDefault");
    XML_OPEN(&x, "w:rPr");
    docx_fonts(&x, DOCX_SERIF);
    docx_size(&x, 20);
    XML_OPEN(&x, "w:lang");
    XML_ATTR(&x, "w:val", "en-GB");
    XML_ATTR(&x, "w:bidi", "km-KH");
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    XML_OPEN(&x, "w:pPrDefault");
    XML_OPEN(&x, "w:pPr");
    XML_OPEN(&x, "w:spacing");
    XML_ATTR(&x, "w:after", "120");
    XML_ATTR(&x, "w:line", "264");
    XML_ATTR(&x, "w:lineRule", "auto");
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);

    XML_OPEN(&x, "w:style");
    XML_ATTR(&x, "w:type", "paragraph");
    XML_ATTR(&x, "w:default", "1");
    XML_ATTR(&x, "w:styleId", "Normal");
    XML_LEAF1(&x, "w:name", "w:val", "Normal");
    XML_LEAF(&x, "w:qFormat");
    xml_close(&x);
    for (size_t i = 0; i < sizeof aDocxStyle / sizeof aDocxStyle[0]; i++) {
        const DocxStyle *s = &aDocxStyle[i];
        XML_OPEN(&x, "w:style");
        XML_ATTR(&x, "w:type", "paragraph");
        XML_ATTR(&x, "w:styleId", s->zId);
        XML_LEAF1(&x, "w:name", "w:val", s->zName);
        XML_LEAF1(&x, "w:basedOn", "w:val", "Normal");
        XML_LEAF1(&x, "w:next", "w:val", "Normal");
        if (s->iOutline) {
            XML_LEAF(&x, "w:qFormat");
        }
        XML_OPEN(&x, "w:pPr");
        if (s->bKeepNext || s->iOutline) {
            XML_LEAF(&x, "w:keepNext");
            XML_LEAF(&x, "w:keepLines");
        }
        if (s->bBullet) {
            XML_OPEN(&x, "w:numPr");
            XML_LEAF1(&x, "w:numId", "w:val", "1");
            xml_close(&x);
        }
        if (s->zShade) {
            XML_OPEN(&x, "w:shd");
            XML_ATTR(&x, "w:val", "clear");
            XML_ATTR(&x, "w:color", "auto");
            XML_ATTR(&x, "w:fill", s->zShade);
            xml_close(&x);
        }
        if (s->bLeader) {
            XML_OPEN(&x, "w:tabs");
            XML_OPEN(&x, "w:tab");
            XML_ATTR(&x, "w:val", "right");
            XML_ATTR(&x, "w:leader", "dot");
            XML_ATTR_LONG(&x, "w:pos", DOCX_TEXT_P);
            xml_close(&x);
            xml_close(&x);
        }
        if (s->nBefore >= 0) {
            XML_OPEN(&x, "w:spacing");
            XML_ATTR_LONG(&x, "w:before", s->nBefore);
            XML_ATTR_LONG(&x, "w:after", s->nAfter);
            xml_close(&x);
        }
        if (s->nIndent) {
            XML_OPEN(&x, "w:ind");
            XML_ATTR_LONG(&x, "w:left", s->nIndent);
            xml_close(&x);
        }
        if (s->iOutline) {
            XML_OPEN(&x, "w:outlineLvl");
            XML_ATTR_LONG(&x, "w:val", s->iOutline - 1);
            xml_close(&x);
        }
        xml_close(&x);
        XML_OPEN(&x, "w:rPr");
        if (s->zFont) {
            docx_fonts(&x, s->zFont);
        }
        if (s->bBold) {
            XML_LEAF(&x, "w:b");
        }
        if (s->bItalic) {
            XML_LEAF(&x, "w:i");
        }
        if (s->nSize) {
            docx_size(&x, s->nSize);
        }
        xml_close(&x);
        xml_close(&x);
    }
    /* The tables' grid: thin grey lines, a little room in the cells. */
    XML_OPEN(&x, "w:style");
    XML_ATTR(&x, "w:type", "table");
    XML_ATTR(&x, "w:styleId", "ReportTable");
    XML_LEAF1(&x, "w:name", "w:val", "Report Table");
    XML_OPEN(&x, "w:tblPr");
    XML_OPEN(&x, "w:tblBorders");
    static const char *const azSide[] = { "w:top",   "w:left",    "w:bottom",
                                          "w:right", "w:insideH", "w:insideV" };
    for (size_t i = 0; i < 6; i++) {
        xml_open_(&x, azSide[i]);
        XML_ATTR(&x, "w:val", "single");
        XML_ATTR(&x, "w:sz", "4");
        XML_ATTR(&x, "w:space", "0");
        XML_ATTR(&x, "w:color", "737373");
        xml_close(&x);
    }
    xml_close(&x);
    XML_OPEN(&x, "w:tblCellMar");
    XML_OPEN(&x, "w:left");
    XML_ATTR(&x, "w:w", "60");
    XML_ATTR(&x, "w:type", "dxa");
    xml_close(&x);
    XML_OPEN(&x, "w:right");
    XML_ATTR(&x, "w:w", "60");
    XML_ATTR(&x, "w:type", "dxa");
    xml_close(&x);
    xml_end(&x);
    docx_part(o, "word/styles.xml", b);
}

/* The numbering: 1 the bullets; 2 and on the chapters' numbered lists of
** d, each counting from its first item's number (numId 1 + iList). */
static void
docx_numbering(Ooxml *o, Buf *b, const ReviewDoc *d)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "w:numbering");
    XML_ATTR(&x, "xmlns:w", NS_W);
    XML_OPEN(&x, "w:abstractNum");
    XML_ATTR(&x, "w:abstractNumId", "1");
    XML_LEAF1(&x, "w:multiLevelType", "w:val", "singleLevel");
    XML_OPEN(&x, "w:lvl");
    XML_ATTR(&x, "w:ilvl", "0");
    XML_LEAF1(&x, "w:start", "w:val", "1");
    XML_LEAF1(&x, "w:numFmt", "w:val", "decimal");
    XML_LEAF1(&x, "w:lvlText", "w:val", "%1.");
    XML_LEAF1(&x, "w:lvlJc", "w:val", "left");
    XML_OPEN(&x, "w:pPr");
    XML_OPEN(&x, "w:ind");
    XML_ATTR(&x, "w:left", "420");
    XML_ATTR(&x, "w:hanging", "360");
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    XML_OPEN(&x, "w:abstractNum");
    XML_ATTR(&x, "w:abstractNumId", "0");
    XML_LEAF1(&x, "w:multiLevelType", "w:val", "singleLevel");
    XML_OPEN(&x, "w:lvl");
    XML_ATTR(&x, "w:ilvl", "0");
    XML_LEAF1(&x, "w:start", "w:val", "1");
    XML_LEAF1(&x, "w:numFmt", "w:val", "bullet");
    XML_LEAF1(&x, "w:lvlText", "w:val", "\xE2\x80\xA2");
    XML_LEAF1(&x, "w:lvlJc", "w:val", "left");
    XML_OPEN(&x, "w:pPr");
    XML_OPEN(&x, "w:ind");
    XML_ATTR(&x, "w:left", "360");
    XML_ATTR(&x, "w:hanging", "240");
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    XML_OPEN(&x, "w:num");
    XML_ATTR(&x, "w:numId", "1");
    XML_LEAF1(&x, "w:abstractNumId", "w:val", "0");
    xml_close(&x);
    int iList = 0;
    for (size_t i = 0; i < d->nBlock; i++) {
        const DocBlock *p = &d->aBlock[i];
        if (p->e != DOC_NUMBERED || p->iList == iList) {
            continue;
        }
        iList = p->iList;
        XML_OPEN(&x, "w:num");
        XML_ATTR_LONG(&x, "w:numId", 1 + (long)iList);
        XML_LEAF1(&x, "w:abstractNumId", "w:val", "1");
        XML_OPEN(&x, "w:lvlOverride");
        XML_ATTR(&x, "w:ilvl", "0");
        XML_OPEN(&x, "w:startOverride");
        XML_ATTR_LONG(&x, "w:val", p->iNumber);
        xml_close(&x);
        xml_close(&x);
        xml_close(&x);
    }
    xml_end(&x);
    docx_part(o, "word/numbering.xml", b);
}

static void
docx_settings(Ooxml *o, Buf *b)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "w:settings");
    XML_ATTR(&x, "xmlns:w", NS_W);
    /* Word fills in the contents' page numbers and the fields on opening. */
    XML_LEAF1(&x, "w:updateFields", "w:val", "true");
    XML_LEAF1(&x, "w:defaultTabStop", "w:val", "720");
    xml_end(&x);
    docx_part(o, "word/settings.xml", b);
}

/* The running header: plan at the left, round at the right margin. */
static void
docx_header(Ooxml *o, Buf *b, const ReviewDoc *d, const char *zPath,
            long nWidth)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "w:hdr");
    XML_ATTR(&x, "xmlns:w", NS_W);
    XML_OPEN(&x, "w:p");
    XML_OPEN(&x, "w:pPr");
    docx_pstyle(&x, "Header");
    XML_OPEN(&x, "w:pBdr");
    XML_OPEN(&x, "w:bottom");
    XML_ATTR(&x, "w:val", "single");
    XML_ATTR(&x, "w:sz", "4");
    XML_ATTR(&x, "w:space", "4");
    XML_ATTR(&x, "w:color", "999999");
    xml_close(&x);
    xml_close(&x);
    XML_OPEN(&x, "w:tabs");
    XML_OPEN(&x, "w:tab");
    XML_ATTR(&x, "w:val", "right");
    XML_ATTR_LONG(&x, "w:pos", nWidth);
    xml_close(&x);
    xml_close(&x);
    xml_close(&x);
    docx_run(&x, d->zPlan, strlen(d->zPlan), 0);
    XML_OPEN(&x, "w:r");
    XML_LEAF(&x, "w:tab");
    xml_close(&x);
    docx_run(&x, d->zTitle, strlen(d->zTitle), 0);
    xml_end(&x);
    docx_part(o, zPath, b);
}

static void
docx_field(Xml *x, const char *zInstr, const char *zShown)
{
    XML_OPEN(x, "w:fldSimple");
    XML_ATTR(x, "w:instr", zInstr);
    docx_run(x, zShown, strlen(zShown), 0);
    xml_close(x);
}

static void
docx_footer(Ooxml *o, Buf *b)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "w:ftr");
    XML_ATTR(&x, "xmlns:w", NS_W);
    XML_OPEN(&x, "w:p");
    XML_OPEN(&x, "w:pPr");
    docx_pstyle(&x, "Footer");
    XML_LEAF1(&x, "w:jc", "w:val", "center");
    xml_close(&x);
    /* "page N of M" as the reader's language writes it, the numbers as
    ** fields: the text around each %d, in order. */
    const char *z = _("page %d of %d");
    const char *const azField[] = { " PAGE ", " NUMPAGES " };
    for (int k = 0; k < 3; k++) {
        const char *e = k < 2 ? strstr(z, "%d") : NULL;
        size_t n = e ? (size_t)(e - z) : strlen(z);
        if (n) {
            docx_run(&x, z, n, 0);
        }
        if (!e) {
            break;
        }
        docx_field(&x, azField[k], "1");
        z = e + 2;
    }
    xml_end(&x);
    docx_part(o, "word/footer1.xml", b);
}

static void
docx_props(Ooxml *o, Buf *b, const ReviewDoc *d)
{
    Xml x;
    xml_begin(&x, b);
    XML_OPEN(&x, "cp:coreProperties");
    XML_ATTR(&x, "xmlns:cp",
             "http://schemas.openxmlformats.org/package/2006/"
             "metadata/core-properties");
    XML_ATTR(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    XML_ATTR(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
    XML_ATTR(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    XML_OPEN(&x, "dc:title");
    Buf t = BUF_INIT;
    buf_printf(&t, "%s \xE2\x80\x94 %s", d->zTitle, d->zPlan);
    xml_text(&x, buf_str(&t));
    buf_release(&t);
    xml_close(&x);
    XML_OPEN(&x, "dc:creator");
    xml_text(&x, "lmpmon");
    xml_close(&x);
    XML_OPEN(&x, "dcterms:created");
    XML_ATTR(&x, "xsi:type", "dcterms:W3CDTF");
    char zNow[32];
    str_now_utc(zNow, sizeof zNow);
    xml_text(&x, zNow);
    xml_end(&x);
    docx_part(o, "docProps/core.xml", b);

    xml_begin(&x, b);
    XML_OPEN(&x, "Properties");
    XML_ATTR(&x, "xmlns",
             "http://schemas.openxmlformats.org/officeDocument/"
             "2006/extended-properties");
    XML_OPEN(&x, "Application");
    xml_text(&x, "lmpmon");
    xml_end(&x);
    docx_part(o, "docProps/app.xml", b);
}

/* ---- The body ------------------------------------------------------------- */

/* A section's properties: A4 in the orientation, its margins, the running
** header (not on the cover: bTitlePage) and footer. */
static void
docx_section(Xml *x, int bLandscape, int bTitlePage)
{
    XML_OPEN(x, "w:sectPr");
    XML_OPEN(x, "w:headerReference");
    XML_ATTR(x, "w:type", "default");
    XML_ATTR(x, "r:id", bLandscape ? "rIdHeader2" : "rIdHeader1");
    xml_close(x);
    XML_OPEN(x, "w:footerReference");
    XML_ATTR(x, "w:type", "default");
    XML_ATTR(x, "r:id", "rIdFooter1");
    xml_close(x);
    XML_OPEN(x, "w:pgSz");
    XML_ATTR_LONG(x, "w:w", bLandscape ? DOCX_A4_LONG : DOCX_A4_SHORT);
    XML_ATTR_LONG(x, "w:h", bLandscape ? DOCX_A4_SHORT : DOCX_A4_LONG);
    if (bLandscape) {
        XML_ATTR(x, "w:orient", "landscape");
    }
    xml_close(x);
    long m = bLandscape ? DOCX_MARGIN_L : DOCX_MARGIN_P;
    XML_OPEN(x, "w:pgMar");
    XML_ATTR_LONG(x, "w:top", bLandscape ? 964 : 1418);
    XML_ATTR_LONG(x, "w:right", m);
    XML_ATTR_LONG(x, "w:bottom", bLandscape ? 850 : 1247);
    XML_ATTR_LONG(x, "w:left", m);
    XML_ATTR_LONG(x, "w:header", bLandscape ? 454 : 709);
    XML_ATTR_LONG(x, "w:footer", bLandscape ? 397 : 624);
    XML_ATTR(x, "w:gutter", "0");
    xml_close(x);
    if (bTitlePage) {
        XML_LEAF(x, "w:titlePg");
    }
    xml_close(x);
}

static void
docx_table(Xml *x, const DocTable *t, long nWidth)
{
    XML_OPEN(x, "w:tbl");
    XML_OPEN(x, "w:tblPr");
    XML_LEAF1(x, "w:tblStyle", "w:val", "ReportTable");
    XML_OPEN(x, "w:tblW");
    XML_ATTR_LONG(x, "w:w", nWidth);
    XML_ATTR(x, "w:type", "dxa");
    xml_close(x);
    XML_LEAF1(x, "w:tblLayout", "w:type", "fixed");
    XML_OPEN(x, "w:tblLook");
    XML_ATTR(x, "w:val", "0420");
    XML_ATTR(x, "w:firstRow", "1");
    XML_ATTR(x, "w:lastRow", "0");
    XML_ATTR(x, "w:firstColumn", "0");
    XML_ATTR(x, "w:lastColumn", "0");
    XML_ATTR(x, "w:noHBand", "1");
    XML_ATTR(x, "w:noVBand", "1");
    xml_close(x);
    xml_close(x);
    long aW[8];
    XML_OPEN(x, "w:tblGrid");
    for (size_t c = 0; c < t->nCol; c++) {
        aW[c] = (long)(t->aWidth[c] * (double)nWidth);
        XML_OPEN(x, "w:gridCol");
        XML_ATTR_LONG(x, "w:w", aW[c]);
        xml_close(x);
    }
    xml_close(x);
    const char *zStyle = t->bSmall ? "AnnexText" : "TableText";
    for (size_t r = 0; r < t->nRow; r++) {
        int bHead = r < t->nHead;
        XML_OPEN(x, "w:tr");
        XML_OPEN(x, "w:trPr");
        /* A row stays on one page; Word and LibreOffice still break one
        ** taller than a page. */
        XML_LEAF(x, "w:cantSplit");
        if (bHead) {
            XML_LEAF(x, "w:tblHeader");
        }
        xml_close(x);
        for (size_t c = 0; c < t->nCol; c++) {
            XML_OPEN(x, "w:tc");
            XML_OPEN(x, "w:tcPr");
            XML_OPEN(x, "w:tcW");
            XML_ATTR_LONG(x, "w:w", aW[c]);
            XML_ATTR(x, "w:type", "dxa");
            xml_close(x);
            if (bHead) {
                XML_OPEN(x, "w:shd");
                XML_ATTR(x, "w:val", "clear");
                XML_ATTR(x, "w:color", "auto");
                XML_ATTR(x, "w:fill", "DCE3ED");
                xml_close(x);
            }
            xml_close(x);
            docx_paras(x, zStyle, doc_table_cell(t, r, c), t->aRight[c],
                       bHead || t->aBold[r]);
            xml_close(x);
        }
        xml_close(x);
    }
    xml_close(x);
}

/* The figure iFigure as an inline picture nW x nH points. */
static void
docx_picture(Xml *x, const DocBlock *b, const ReviewReport *r, double w,
             double h)
{
    char zId[32], zName[32];
    (void)snprintf(zId, sizeof zId, "rIdFigure%d", b->iFigure);
    (void)snprintf(zName, sizeof zName, "figure%d.png", b->iFigure);
    Buf desc = BUF_INIT;
    review_doc_chart_desc(r, b->pSum, &desc);
    long cx = (long)(w * DOCX_EMU_PER_PT), cy = (long)(h * DOCX_EMU_PER_PT);
    XML_OPEN(x, "w:p");
    XML_OPEN(x, "w:pPr");
    XML_LEAF(x, "w:keepLines");
    xml_close(x);
    XML_OPEN(x, "w:r");
    XML_OPEN(x, "w:drawing");
    XML_OPEN(x, "wp:inline");
    XML_ATTR(x, "distT", "0");
    XML_ATTR(x, "distB", "0");
    XML_ATTR(x, "distL", "0");
    XML_ATTR(x, "distR", "0");
    XML_OPEN(x, "wp:extent");
    XML_ATTR_LONG(x, "cx", cx);
    XML_ATTR_LONG(x, "cy", cy);
    xml_close(x);
    XML_OPEN(x, "wp:docPr");
    XML_ATTR_LONG(x, "id", b->iFigure);
    XML_ATTR(x, "name", b->zText);
    XML_ATTR(x, "descr", buf_str(&desc));
    xml_close(x);
    XML_OPEN(x, "wp:cNvGraphicFramePr");
    XML_OPEN(x, "a:graphicFrameLocks");
    XML_ATTR(x, "xmlns:a", NS_A);
    XML_ATTR(x, "noChangeAspect", "1");
    xml_close(x);
    xml_close(x);
    XML_OPEN(x, "a:graphic");
    XML_ATTR(x, "xmlns:a", NS_A);
    XML_OPEN(x, "a:graphicData");
    XML_ATTR(x, "uri", NS_PIC);
    XML_OPEN(x, "pic:pic");
    XML_ATTR(x, "xmlns:pic", NS_PIC);
    XML_OPEN(x, "pic:nvPicPr");
    XML_OPEN(x, "pic:cNvPr");
    XML_ATTR_LONG(x, "id", b->iFigure);
    XML_ATTR(x, "name", zName);
    XML_ATTR(x, "descr", buf_str(&desc));
    xml_close(x);
    XML_LEAF(x, "pic:cNvPicPr");
    xml_close(x);
    XML_OPEN(x, "pic:blipFill");
    XML_LEAF1(x, "a:blip", "r:embed", zId);
    XML_OPEN(x, "a:stretch");
    XML_LEAF(x, "a:fillRect");
    xml_close(x);
    xml_close(x);
    XML_OPEN(x, "pic:spPr");
    XML_OPEN(x, "a:xfrm");
    XML_OPEN(x, "a:off");
    XML_ATTR(x, "x", "0");
    XML_ATTR(x, "y", "0");
    xml_close(x);
    XML_OPEN(x, "a:ext");
    XML_ATTR_LONG(x, "cx", cx);
    XML_ATTR_LONG(x, "cy", cy);
    xml_close(x);
    xml_close(x);
    XML_OPEN(x, "a:prstGeom");
    XML_ATTR(x, "prst", "rect");
    XML_LEAF(x, "a:avLst");
    xml_close(x);
    xml_close(x); /* pic:spPr */
    xml_close(x); /* pic:pic */
    xml_close(x); /* a:graphicData */
    xml_close(x); /* a:graphic */
    xml_close(x); /* wp:inline */
    xml_close(x); /* w:drawing */
    xml_close(x); /* w:r */
    xml_close(x); /* w:p */
    buf_release(&desc);
}

/* The contents: headings 1 and 2, each with a PAGEREF field to its
** bookmark.  Not a TOC field: LibreOffice keeps a TOC field's text as it
** was written, but computes PAGEREF fields as it lays the pages out, and
** so does Word. */
static void
docx_contents(Xml *x, const ReviewDoc *d)
{
    docx_para(x, "TOCHeading", _("Contents"), 0, 0, 0);
    for (size_t i = 0; i < d->nBlock; i++) {
        const DocBlock *b = &d->aBlock[i];
        if (b->e != DOC_HEADING || !b->bToc) {
            continue;
        }
        char zRef[64];
        (void)snprintf(zRef, sizeof zRef, " PAGEREF _Toc%zu \\h ", i);
        XML_OPEN(x, "w:p");
        XML_OPEN(x, "w:pPr");
        docx_pstyle(x, b->iLevel == 1 ? "TOC1" : "TOC2");
        xml_close(x);
        docx_run(x, b->zText, strlen(b->zText), 0);
        XML_OPEN(x, "w:r");
        XML_LEAF(x, "w:tab");
        xml_close(x);
        docx_field(x, zRef, "0");
        xml_close(x);
    }
}

/* Block i, a heading, with the bookmark the contents refers to. */
static void
docx_heading(Xml *x, const DocBlock *p, size_t i)
{
    static const char *const azH[] = { "Heading1", "Heading2", "Heading3",
                                       "Heading4" };
    int k = p->iLevel < 1 ? 0 : p->iLevel > 4 ? 3 : p->iLevel - 1;
    XML_OPEN(x, "w:p");
    XML_OPEN(x, "w:pPr");
    docx_pstyle(x, azH[k]);
    xml_close(x);
    char zName[32];
    (void)snprintf(zName, sizeof zName, "_Toc%zu", i);
    if (p->bToc) {
        XML_OPEN(x, "w:bookmarkStart");
        XML_ATTR_LONG(x, "w:id", (long)i);
        XML_ATTR(x, "w:name", zName);
        xml_close(x);
    }
    docx_run(x, p->zText, strlen(p->zText), 0);
    if (p->bToc) {
        XML_OPEN(x, "w:bookmarkEnd");
        XML_ATTR_LONG(x, "w:id", (long)i);
        xml_close(x);
    }
    xml_close(x);
}

static void
docx_cover(Xml *x, const ReviewDoc *d)
{
    docx_para(x, "Title", d->zTitle, 0, 0, 0);
    docx_para(x, "Subtitle", d->zPlan, 0, 0, 0);
    Buf b = BUF_INIT;
    for (int k = 0; k < 3; k++) {
        if (review_doc_cover_line(d, k, &b)) {
            docx_para(x, "CoverLine", buf_str(&b), 0, 0, 0);
        }
        buf_reset(&b);
    }
    buf_release(&b);
}

/* Document d as a Word document appended to out. */
static int
docx_write(const ReviewDoc *pd, Buf *out, AppErr *err)
{
    const ReviewDoc d = *pd; /* read only */
    const ReviewReport *r = d.r;
    Ooxml *o = ooxml_new(err);
    if (!o) {
        return -1;
    }
    Buf b = BUF_INIT;
    int nFigure = 0, rc = 0;
    /* The pictures first: the document needs their heights. */
    double aH[8] = { 0 };
    for (size_t i = 0; i < d.nBlock && rc == 0; i++) {
        const DocBlock *p = &d.aBlock[i];
        if (p->e != DOC_FIGURE || p->iFigure > 8) {
            continue;
        }
        char zPath[64];
        (void)snprintf(zPath, sizeof zPath, "word/media/figure%d.png",
                       p->iFigure);
        rc = review_chart_png(r, p->pSum, NULL, DOCX_FIG_WIDTH_PT, DOCX_FIG_DPI,
                              &b, &aH[p->iFigure - 1], err);
        docx_part(o, zPath, &b);
        nFigure = p->iFigure > nFigure ? p->iFigure : nFigure;
    }
    if (rc) {
        Buf none = BUF_INIT;
        (void)ooxml_finish(o, &none, err);
        buf_release(&none);
        buf_release(&b);
        return -1;
    }
    docx_content_types(o, &b);
    docx_rels(o, &b, nFigure);
    docx_styles(o, &b);
    docx_numbering(o, &b, &d);
    docx_settings(o, &b);
    docx_header(o, &b, &d, "word/header1.xml", DOCX_TEXT_P);
    docx_header(o, &b, &d, "word/header2.xml", DOCX_TEXT_L);
    docx_footer(o, &b);
    docx_props(o, &b, &d);

    Xml x;
    xml_begin(&x, &b);
    XML_OPEN(&x, "w:document");
    XML_ATTR(&x, "xmlns:w", NS_W);
    XML_ATTR(&x, "xmlns:r", NS_R);
    XML_ATTR(&x, "xmlns:wp", NS_WP);
    XML_ATTR(&x, "xmlns:a", NS_A);
    XML_ATTR(&x, "xmlns:pic", NS_PIC);
    XML_OPEN(&x, "w:body");
    docx_cover(&x, &d);
    docx_page_break(&x);
    docx_contents(&x, &d);
    docx_page_break(&x);
    int bLandscape = 0;
    for (size_t i = 0; i < d.nBlock; i++) {
        const DocBlock *p = &d.aBlock[i];
        switch (p->e) {
        case DOC_HEADING:
            docx_heading(&x, p, i);
            break;
        case DOC_PARA:
            if (p->aRun) {
                docx_para_runs(&x, NULL, p);
            } else {
                docx_para(&x, NULL, p->zText, p->nBold, 0, 0);
            }
            break;
        case DOC_LABEL:
            docx_para(&x, "Label", p->zText, p->nBold, 0, 0);
            break;
        case DOC_NOTE:
            docx_para(&x, "Note", p->zText, 0, 0, 0);
            break;
        case DOC_BULLET:
            if (p->aRun) {
                docx_para_runs(&x, "ListBullet", p);
            } else {
                docx_para(&x, "ListBullet", p->zText, 0, 0, 0);
            }
            break;
        case DOC_NUMBERED: {
            /* docx_para_runs() writes the list's numbering: plain text
            ** goes as one run. */
            MdRun one = { 0, strlen(p->zText), 0, NULL };
            DocBlock q = *p;
            if (!q.aRun) {
                q.aRun = &one;
                q.nRun = one.n ? 1 : 0;
            }
            docx_para_runs(&x, "ListNumber", &q);
            break;
        }
        case DOC_CAPTION:
            docx_para(&x, "Caption", p->zText, 0, 0, 0);
            break;
        case DOC_TABLE:
            docx_table(&x, p->pTable, bLandscape ? DOCX_TEXT_L : DOCX_TEXT_P);
            /* Two tables in a row would merge into one: part them. */
            docx_para(&x, NULL, "", 0, 0, 0);
            break;
        case DOC_FIGURE:
            docx_para(&x, "Caption", p->zText, 0, 0, 0);
            if (p->iFigure <= 8) {
                docx_picture(&x, p, r, DOCX_FIG_WIDTH_PT, aH[p->iFigure - 1]);
            }
            break;
        case DOC_LANDSCAPE:
            /* The portrait section ends with this paragraph. */
            XML_OPEN(&x, "w:p");
            XML_OPEN(&x, "w:pPr");
            docx_section(&x, 0, 1);
            xml_close(&x);
            xml_close(&x);
            bLandscape = 1;
            break;
        }
    }
    docx_section(&x, bLandscape, !bLandscape);
    xml_end(&x);
    docx_part(o, "word/document.xml", &b);
    buf_release(&b);
    rc = ooxml_finish(o, out, err);
    return rc;
}

int
print_review_docx(const ReviewReport *r, Buf *out, AppErr *err)
{
    ReviewDoc d;
    review_doc_build(r, &d);
    int rc = docx_write(&d, out, err);
    review_doc_release(&d);
    return rc;
}

int
print_sheet_docx(const SheetDocSpec *spec, Buf *out, AppErr *err)
{
    ReviewDoc d;
    sheet_doc_build(spec, &d);
    int rc = docx_write(&d, out, err);
    review_doc_release(&d);
    return rc;
}
