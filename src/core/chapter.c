/*
** chapter.c — the review's chapters and their Markdown subset
** (chapter.h).
**
** The parser reads a line at a time into the block being built (its
** source, the lines joined), and turns each finished block's source into
** plain text and runs in one pass (md_inline()).  No backtracking beyond
** looking for a closing delimiter on the same block, so a hostile text
** costs at most its length times the longest block's.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chapter.h"
#include "../base/buf.h"
#include "../base/i18n.h"
#include "../base/limits.h"
#include "../base/str.h"
#include "../base/utf8.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

/* ---- The chapters ---------------------------------------------------------- */

static const CodeName aChapterKind[CHAPTER_KIND_COUNT] = {
    [CHAPTER_INTRODUCTION] = { "introduction", N_("Introduction") },
    [CHAPTER_METHODOLOGY] = { "methodology", N_("Methodology") },
    [CHAPTER_LIMITATIONS] = { "limitations",
                              N_("Limitations of the methodology") },
    [CHAPTER_FINDINGS] = { "findings", N_("Findings") },
    [CHAPTER_GOOD_PRACTICES] = { "good_practices", N_("Good practices") },
    [CHAPTER_CHALLENGES] = { "challenges", N_("Challenges") },
    [CHAPTER_RECOMMENDATIONS] = { "recommendations",
                                  N_("Recommendations for future "
                                     "implementation") },
    [CHAPTER_PRIORITIES] = { "priorities",
                             N_("Priorities for the next action plan") },
};

/* Where each goes (chapter.h ChapterPlace): the 2017 review's order. */
static const ChapterPlace aChapterPlace[CHAPTER_KIND_COUNT] = {
    [CHAPTER_INTRODUCTION] = CHAPTER_AT_OPENING,
    [CHAPTER_METHODOLOGY] = CHAPTER_AT_OPENING,
    [CHAPTER_LIMITATIONS] = CHAPTER_AT_OPENING,
    [CHAPTER_FINDINGS] = CHAPTER_AT_FIGURES,
    [CHAPTER_GOOD_PRACTICES] = CHAPTER_AT_CLOSING,
    [CHAPTER_CHALLENGES] = CHAPTER_AT_CLOSING,
    [CHAPTER_RECOMMENDATIONS] = CHAPTER_AT_CLOSING,
    [CHAPTER_PRIORITIES] = CHAPTER_AT_CLOSING,
};

const CodeName *
chapter_code_table(size_t *pn)
{
    *pn = CHAPTER_KIND_COUNT;
    return aChapterKind;
}

const char *
chapter_kind_name(ChapterKind e)
{
    return (unsigned)e < CHAPTER_KIND_COUNT ? aChapterKind[e].zKey : "";
}

const char *
chapter_kind_label(ChapterKind e)
{
    return (unsigned)e < CHAPTER_KIND_COUNT ? _(aChapterKind[e].zLabel) : "";
}

int
chapter_kind_parse(const char *z, ChapterKind *pOut)
{
    int i = code_index(CODE_CHAPTER_KIND, z);
    if (i < 0) {
        return -1;
    }
    *pOut = (ChapterKind)i;
    return 0;
}

ChapterPlace
chapter_kind_place(ChapterKind e)
{
    return (unsigned)e < CHAPTER_KIND_COUNT ? aChapterPlace[e]
                                            : CHAPTER_AT_CLOSING;
}

size_t
chapter_word_count(const char *z)
{
    size_t n = 0;
    int bIn = 0;
    for (; z && *z; z++) {
        int bSpace = *z == ' ' || *z == '\n' || *z == '\t' || *z == '\r';
        n += !bSpace && !bIn;
        bIn = !bSpace;
    }
    return n;
}

const char *
chapter_text(const RoundChapter *c, I18nLang e)
{
    if (e == I18N_KM && c->zTextKm && *c->zTextKm) {
        return c->zTextKm;
    }
    return c->zText ? c->zText : "";
}

/* ---- Inline: bold, italic, links ------------------------------------------ */

/* The block's text and runs as they are built. */
typedef struct MdInline {
    Buf text;
    MdRun *aRun;
    size_t nRun, nAlloc;
    size_t iRun;       /* where the current run began in text */
    unsigned fl;       /* its flags */
    const char *zHref; /* its link (into the source), nHref bytes */
    size_t nHref;
    size_t aiNoClose[2]; /* for "*" and "**": a search from here to the
                         ** block's end found no closing delimiter, so
                         ** none from later will (keeps a text of
                         ** unclosed stars linear) */
} MdInline;

/* End the current run (if it holds text) and begin one with flags fl. */
static void
md_run_switch(MdInline *x, unsigned fl, const char *zHref, size_t nHref)
{
    if (x->text.n > x->iRun) {
        xgrow((void **)&x->aRun, &x->nAlloc, x->nRun, sizeof *x->aRun);
        MdRun *r = &x->aRun[x->nRun++];
        r->i = x->iRun;
        r->n = x->text.n - x->iRun;
        r->fl = x->fl;
        r->zHref = x->fl & MD_RUN_LINK ? xstrndup(x->zHref, x->nHref) : NULL;
    }
    x->iRun = x->text.n;
    x->fl = fl;
    x->zHref = zHref;
    x->nHref = nHref;
}

static int
md_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Whether s[i..n) holds a closing delimiter zDelim (nDelim bytes: "*" or
** "**") before iEnd, preceded by a non-space; for "*", not part of "**". */
static int
md_closes(const char *s, size_t i, size_t iEnd, const char *zDelim,
          size_t nDelim)
{
    for (size_t k = i; k + nDelim <= iEnd; k++) {
        if (s[k] == '\\') {
            k++;
            continue;
        }
        if (memcmp(s + k, zDelim, nDelim) != 0) {
            continue;
        }
        int bDouble = k + 1 < iEnd && s[k + 1] == '*';
        if (nDelim == 1 && bDouble) {
            k++;
            continue;
        }
        if (k > i && !md_space(s[k - 1])) {
            return 1;
        }
        if (nDelim == 2) {
            k++;
        }
    }
    return 0;
}

/* Whether z (n bytes) begins with one of the schemes a link may have. */
static int
md_href_ok(const char *z, size_t n)
{
    static const char *const azScheme[] = { "https://", "http://", "mailto:" };
    for (size_t k = 0; k < sizeof azScheme / sizeof azScheme[0]; k++) {
        size_t m = strlen(azScheme[k]);
        if (n > m && strncasecmp(z, azScheme[k], m) == 0) {
            return 1;
        }
    }
    return 0;
}

/* At s[i] == '[': a link "[text](address)" before iEnd?  Sets *piClose
** (the ']'), *piHref and *pnHref (the address), *piAfter (past ')').
** 0: not a link (then '[' is literal); 1: a link; -1: a link whose address
** is too long. */
static int
md_link_at(const char *s, size_t i, size_t iEnd, size_t *piClose,
           size_t *piHref, size_t *pnHref, size_t *piAfter)
{
    size_t k = i + 1;
    while (k < iEnd && s[k] != ']' && s[k] != '[') {
        k += s[k] == '\\' && k + 1 < iEnd ? 2 : 1;
    }
    if (k >= iEnd || s[k] != ']' || k == i + 1 || k + 1 >= iEnd ||
        s[k + 1] != '(') {
        return 0;
    }
    size_t h = k + 2, e = h;
    while (e < iEnd && s[e] != ')' && !md_space(s[e]) && s[e] != '(') {
        e++;
    }
    if (e >= iEnd || s[e] != ')' || !md_href_ok(s + h, e - h)) {
        return 0;
    }
    if (e - h > LIMIT_CHAPTER_HREF_BYTES) {
        return -1;
    }
    *piClose = k;
    *piHref = h;
    *pnHref = e - h;
    *piAfter = e + 1;
    return 1;
}

static int
md_punct(char c)
{
    return c && strchr("\\`*_{}[]()#+-.!<>|~", c) != NULL;
}

/* Turn the source s (n bytes) of a block into b's text and runs.  iLine
** names the block's first line in an error. */
static int
md_inline(const char *s, size_t n, MdBlock *b, long iLine, AppErr *err)
{
    MdInline x;
    memset(&x, 0, sizeof x);
    x.aiNoClose[0] = x.aiNoClose[1] = (size_t)-1;
    buf_init(&x.text, LIMIT_CHAPTER_BYTES + 1);
    size_t iLinkClose = (size_t)-1, iLinkAfter = 0;
    int rc = 0;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '\\' && i + 1 < n && md_punct(s[i + 1])) {
            buf_putc(&x.text, s[i + 1]);
            i += 2;
        } else if (i == iLinkClose) {
            md_run_switch(&x, x.fl & ~(unsigned)MD_RUN_LINK, NULL, 0);
            iLinkClose = (size_t)-1;
            i = iLinkAfter;
        } else if (c == '*') {
            size_t nDelim = i + 1 < n && s[i + 1] == '*' ? 2 : 1;
            unsigned f = nDelim == 2 ? MD_RUN_BOLD : MD_RUN_ITALIC;
            size_t iEnd = iLinkClose != (size_t)-1 ? iLinkClose : n;
            size_t *piNo = &x.aiNoClose[nDelim - 1];
            int bCloses = 0;
            if (!(x.fl & f) && i + nDelim < n && !md_space(s[i + nDelim]) &&
                !(iEnd == n && i >= *piNo)) {
                bCloses = md_closes(s, i + nDelim, iEnd,
                                    nDelim == 2 ? "**" : "*", nDelim);
                if (!bCloses && iEnd == n) {
                    *piNo = i;
                }
            }
            if ((x.fl & f) && i > 0 && !md_space(s[i - 1])) {
                md_run_switch(&x, x.fl & ~f, x.zHref, x.nHref);
            } else if (bCloses) {
                md_run_switch(&x, x.fl | f, x.zHref, x.nHref);
            } else {
                buf_append(&x.text, s + i, nDelim);
            }
            i += nDelim;
        } else if (c == '[' && !(x.fl & MD_RUN_LINK)) {
            size_t iClose, iHref, nHref, iAfter;
            int k = md_link_at(s, i, n, &iClose, &iHref, &nHref, &iAfter);
            if (k < 0) {
                rc =
                    apperr_set(err, APPERR_INPUT,
                               _("line %ld: a link's address is longer than %u "
                                 "bytes"),
                               iLine, LIMIT_CHAPTER_HREF_BYTES);
                break;
            }
            if (k > 0) {
                md_run_switch(&x, x.fl | MD_RUN_LINK, s + iHref, nHref);
                iLinkClose = iClose;
                iLinkAfter = iAfter;
            } else {
                buf_putc(&x.text, c);
            }
            i++;
        } else {
            buf_putc(&x.text, c);
            i++;
        }
    }
    md_run_switch(&x, 0, NULL, 0);
    if (rc == 0 && buf_failed(&x.text)) {
        rc = apperr_set(err, APPERR_INPUT,
                        _("line %ld: the chapter is longer than %u bytes"),
                        iLine, LIMIT_CHAPTER_BYTES);
    }
    b->zText = buf_detach(&x.text);
    b->aRun = x.aRun;
    b->nRun = x.nRun;
    return rc;
}

/* ---- Blocks ---------------------------------------------------------------- */

/* What a line is. */
typedef enum MdLine {
    LINE_BLANK,
    LINE_HEADING,
    LINE_BULLET,
    LINE_NUMBER,
    LINE_TEXT
} MdLine;

/* Classify line z (n bytes, no newline); *piBody is where its text
** begins, *piLevel a heading's level, *piNumber an item's number. */
static MdLine
md_line_kind(const char *z, size_t n, size_t *piBody, int *piLevel,
             long *piNumber)
{
    size_t i = 0;
    while (i < n && (z[i] == ' ' || z[i] == '\t')) {
        i++;
    }
    *piBody = i;
    if (i == n) {
        return LINE_BLANK;
    }
    if (i > 3) {
        return LINE_TEXT;
    }
    size_t h = i;
    while (h < n && z[h] == '#') {
        h++;
    }
    if ((h - i == 2 || h - i == 3) && (h == n || z[h] == ' ')) {
        *piLevel = (int)(h - i);
        *piBody = h;
        return LINE_HEADING;
    }
    if ((z[i] == '-' || z[i] == '*' || z[i] == '+') && i + 1 < n &&
        (z[i + 1] == ' ' || z[i + 1] == '\t')) {
        *piBody = i + 2;
        return LINE_BULLET;
    }
    size_t d = i;
    long v = 0;
    while (d < n && d - i < 9 && z[d] >= '0' && z[d] <= '9') {
        v = v * 10 + (z[d] - '0');
        d++;
    }
    if (d > i && d + 1 < n && (z[d] == '.' || z[d] == ')') &&
        (z[d + 1] == ' ' || z[d + 1] == '\t')) {
        *piNumber = v;
        *piBody = d + 2;
        return LINE_NUMBER;
    }
    return LINE_TEXT;
}

/* The parser's state between lines. */
typedef struct MdParse {
    MdDoc *d;
    Buf src;        /* the open block's source, lines joined */
    int bOpen;      /* a block is open */
    MdBlock open;   /* its kind, level, list */
    long iOpenLine; /* its first line */
    int bBreak;     /* the last line asked for a line break */
    int iList;      /* the current list (0: none) */
    int nList;      /* lists begun so far */
    int bListOrdered;
    long iNextNumber; /* the next item's number */
    int bBlank;       /* a blank line since the last item */
} MdParse;

/* Finish the open block: parse its inline source and keep it unless it
** is empty. */
static int
md_close(MdParse *p, AppErr *err)
{
    if (!p->bOpen) {
        return 0;
    }
    p->bOpen = 0;
    /* Trailing spaces and a line break nobody follows are nothing. */
    size_t nKeep = p->src.n;
    while (nKeep && md_space(p->src.z[nKeep - 1])) {
        nKeep--;
    }
    buf_truncate(&p->src, nKeep);
    MdBlock b = p->open;
    int rc = md_inline(buf_str(&p->src), p->src.n, &b, p->iOpenLine, err);
    buf_reset(&p->src);
    if (rc || !*b.zText) {
        for (size_t i = 0; i < b.nRun; i++) {
            free(b.aRun[i].zHref);
        }
        free(b.aRun);
        free(b.zText);
        return rc;
    }
    MdDoc *d = p->d;
    xgrow((void **)&d->aBlock, &d->nBlockAlloc, d->nBlock, sizeof *d->aBlock);
    d->aBlock[d->nBlock++] = b;
    return 0;
}

/* Begin a block of kind e at line iLine. */
static int
md_open(MdParse *p, MdBlockKind e, long iLine, AppErr *err)
{
    if (md_close(p, err)) {
        return -1;
    }
    if (p->d->nBlock >= LIMIT_CHAPTER_BLOCKS) {
        return apperr_set(err, APPERR_INPUT,
                          _("line %ld: more than %u paragraphs, headings and "
                            "list items"),
                          iLine, LIMIT_CHAPTER_BLOCKS);
    }
    memset(&p->open, 0, sizeof p->open);
    p->open.e = e;
    p->bOpen = 1;
    p->iOpenLine = iLine;
    p->bBreak = 0;
    return 0;
}

/* Add line z[0..n) (its text, from its body on) to the open block. */
static void
md_add_text(MdParse *p, const char *z, size_t n)
{
    /* A line ending in two spaces or a backslash breaks the line. */
    int bBreak = 0;
    if (n >= 2 && z[n - 1] == ' ' && z[n - 2] == ' ') {
        bBreak = 1;
    } else if (n >= 1 && z[n - 1] == '\\') {
        bBreak = 1;
        n--;
    }
    while (n && (z[n - 1] == ' ' || z[n - 1] == '\t')) {
        n--;
    }
    while (n && (*z == ' ' || *z == '\t')) {
        z++;
        n--;
    }
    if (p->src.n) {
        buf_putc(&p->src, p->bBreak ? '\n' : ' ');
    }
    buf_append(&p->src, z, n);
    p->bBreak = bBreak;
}

/* The 1-based line of byte offset i of z. */
static long
md_line_of(const char *z, size_t i)
{
    long iLine = 1;
    for (size_t k = 0; k < i; k++) {
        iLine += z[k] == '\n';
    }
    return iLine;
}

void
md_doc_release(MdDoc *d)
{
    for (size_t i = 0; i < d->nBlock; i++) {
        MdBlock *b = &d->aBlock[i];
        for (size_t k = 0; k < b->nRun; k++) {
            free(b->aRun[k].zHref);
        }
        free(b->aRun);
        free(b->zText);
    }
    free(d->aBlock);
    memset(d, 0, sizeof *d);
}

int
md_parse(const char *z, MdDoc *d, AppErr *err)
{
    memset(d, 0, sizeof *d);
    size_t n = strlen(z);
    if (n > LIMIT_CHAPTER_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("line %ld: the chapter is longer than %u bytes"),
                          md_line_of(z, LIMIT_CHAPTER_BYTES),
                          LIMIT_CHAPTER_BYTES);
    }
    long iBad = utf8_invalid_at(z, n);
    if (iBad >= 0) {
        return apperr_set(err, APPERR_INPUT,
                          _("line %ld: the text is not UTF-8 (byte %ld)"),
                          md_line_of(z, (size_t)iBad), iBad + 1);
    }
    MdParse p;
    memset(&p, 0, sizeof p);
    p.d = d;
    buf_init(&p.src, LIMIT_CHAPTER_BYTES + 1);
    int rc = 0;
    long iLine = 0;
    for (size_t i = 0; rc == 0 && i < n;) {
        const char *zLine = z + i;
        const char *nl = memchr(zLine, '\n', n - i);
        size_t m = nl ? (size_t)(nl - zLine) : n - i;
        i += m + (nl ? 1 : 0);
        iLine++;
        if (m && zLine[m - 1] == '\r') {
            m--;
        }
        if (m > LIMIT_CHAPTER_LINE_BYTES) {
            rc = apperr_set(err, APPERR_INPUT,
                            _("line %ld: longer than %u bytes"), iLine,
                            LIMIT_CHAPTER_LINE_BYTES);
            break;
        }
        for (size_t k = 0; k < m; k++) {
            unsigned char c = (unsigned char)zLine[k];
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                rc = apperr_set(err, APPERR_INPUT,
                                _("line %ld, column %zu: a control character "
                                  "(0x%02x)"),
                                iLine, k + 1, c);
                break;
            }
        }
        if (rc) {
            break;
        }
        size_t iBody = 0;
        int iLevel = 0;
        long iNumber = 1;
        MdLine e = md_line_kind(zLine, m, &iBody, &iLevel, &iNumber);
        switch (e) {
        case LINE_BLANK:
            rc = md_close(&p, err);
            p.bBlank = 1;
            break;
        case LINE_HEADING:
            rc = md_open(&p, MD_HEADING, iLine, err);
            p.open.iLevel = iLevel;
            p.iList = 0;
            md_add_text(&p, zLine + iBody, m - iBody);
            /* A heading is one line. */
            rc = rc ? rc : md_close(&p, err);
            break;
        case LINE_BULLET:
        case LINE_NUMBER: {
            int bOrdered = e == LINE_NUMBER;
            int bSame = p.iList && p.bListOrdered == bOrdered;
            if (!bSame) {
                /* A new list: its own number, counted from its first. */
                p.iList = ++p.nList;
                p.bListOrdered = bOrdered;
                p.iNextNumber = iNumber;
            }
            rc = md_open(&p, MD_ITEM, iLine, err);
            p.open.bOrdered = bOrdered;
            p.open.iList = p.iList;
            p.open.iNumber = bOrdered ? p.iNextNumber++ : 0;
            md_add_text(&p, zLine + iBody, m - iBody);
            p.bBlank = 0;
            break;
        }
        case LINE_TEXT:
            /* A line of text continues an open paragraph or list item
            ** (a blank line closed it). */
            if (p.bOpen) {
                md_add_text(&p, zLine + iBody, m - iBody);
            } else {
                rc = md_open(&p, MD_PARA, iLine, err);
                p.iList = 0;
                md_add_text(&p, zLine + iBody, m - iBody);
            }
            p.bBlank = 0;
            break;
        }
    }
    if (rc == 0) {
        rc = md_close(&p, err);
    }
    if (rc == 0 && buf_failed(&p.src)) {
        rc = apperr_set(err, APPERR_INPUT,
                        _("the chapter is longer than %u bytes"),
                        LIMIT_CHAPTER_BYTES);
    }
    buf_release(&p.src);
    if (rc) {
        md_doc_release(d);
        return -1;
    }
    return 0;
}
