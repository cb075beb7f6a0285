/*
** xlsx_read.c — the spreadsheet reader (see xlsx_read.h).
**
** Each XML part is streamed from the archive into expat in chunks, never
** held whole; element names are compared without their namespace prefix.
** The sheet's cells are collected row by row and written out as CSV, which
** the importers already validate cell by cell.
**
** A spreadsheet comes from people we do not control, and a zip archive
** can claim one size and inflate to another: every part is held to a
** named limit (limits.h) both by the size its directory entry declares and
** by the bytes actually inflated, and the CSV text the sheet becomes is
** counted as it grows (one shared string referenced by every cell is a
** bomb the parts' sizes do not show).  Cell references are parsed with
** the last column (XFD) and row of a spreadsheet as bounds, so no
** reference can make us allocate a row of billions of cells.
*/
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "xlsx_read.h"
#include "csv.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Bytes read from the archive at a time. */
#define XLSX_CHUNK_BYTES (64u << 10) /* KiB */

/* What every parser's user data starts with: how a handler stops the
** parse with a message (the caller adds the file name). */
typedef struct XmlPart {
    XML_Parser xp;     /* the parser running, for XML_StopParser */
    const char *zWhat; /* the part, for messages: "sheet" */
    AppErr *err;       /* where the message goes */
    int bFailed;       /* a handler refused the part */
} XmlPart;

static void xml_fail(XmlPart *x, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Stop the parse of x's part with a message; the first one is kept. */
static void
xml_fail(XmlPart *x, const char *zFmt, ...)
{
    if (x->bFailed) {
        return;
    }
    char zMsg[512];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zMsg, sizeof zMsg, zFmt, ap);
    va_end(ap);
    apperr_set(x->err, APPERR_INPUT, "%s", zMsg);
    x->bFailed = 1;
    (void)XML_StopParser(x->xp, XML_FALSE);
}

static const char *
local_name(const char *z)
{
    const char *c = strrchr(z, ':');
    return c ? c + 1 : z;
}

static const char *
attr(const char **aAttr, const char *zName)
{
    for (int i = 0; aAttr[i]; i += 2) {
        if (strcmp(local_name(aAttr[i]), zName) == 0) {
            return aAttr[i + 1];
        }
    }
    return NULL;
}

/* OOXML parts never have a document type; refusing one keeps entity
** expansion (the "billion laughs") out entirely. */
static void XMLCALL
xml_doctype(void *ud, const char *zName, const char *zSys, const char *zPub,
            int bInternal)
{
    (void)zName, (void)zSys, (void)zPub, (void)bInternal;
    XmlPart *x = ud;
    xml_fail(x,
             "%s, line %lu: a document type declaration, which "
             "spreadsheets never have",
             x->zWhat, (unsigned long)XML_GetCurrentLineNumber(x->xp));
}

/* Stream the part zName of the archive through expat with the given
** handlers and user data x (a struct starting with an XmlPart).  The part
** may unpack to at most nMax bytes (the limit zLimit), checked against its
** directory entry before reading and against the bytes inflated while
** reading.  An absent part is an error if bRequired, else skipped.
** Returns 0 or -1 with err naming the file and the part (zWhat: "sheet"). */
static int
xml_parse_part(zip_t *za, const char *zName, int bRequired, size_t nMax,
               const char *zLimit, const char *zWhat, XmlPart *x,
               XML_StartElementHandler xStart, XML_EndElementHandler xEnd,
               XML_CharacterDataHandler xText, const char *zFile, AppErr *err)
{
    zip_stat_t st;
    if (zip_stat(za, zName, 0, &st) != 0) {
        if (bRequired) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': not a "
                              "spreadsheet (no %s inside)",
                              zFile, zName);
        }
        return 0;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > nMax) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': the "
                          "workbook's %s unpacks to more than %zu MiB (%s)",
                          zFile, zWhat, nMax >> 20, zLimit);
    }
    zip_file_t *zf = zip_fopen(za, zName, 0);
    if (!zf) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': cannot "
                          "read %s",
                          zFile, zName);
    }
    XML_Parser p = XML_ParserCreate(NULL);
    if (!p) {
        abort(); /* out of memory, as xmalloc() would */
    }
    x->xp = p;
    x->zWhat = zWhat;
    x->err = err;
    x->bFailed = 0;
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, xStart, xEnd);
    XML_SetCharacterDataHandler(p, xText);
    XML_SetStartDoctypeDeclHandler(p, xml_doctype);
    char *aChunk = xmalloc(XLSX_CHUNK_BYTES);
    size_t nTotal = 0;
    int rc = 0;
    for (;;) {
        zip_int64_t n = zip_fread(zf, aChunk, XLSX_CHUNK_BYTES);
        if (n < 0) {
            rc = apperr_set(err, APPERR_INPUT,
                            "cannot import '%s': %s is "
                            "damaged",
                            zFile, zName);
            break;
        }
        /* The directory entry may lie: count what comes out. */
        nTotal += (size_t)n;
        if (nTotal > nMax) {
            rc = apperr_set(err, APPERR_INPUT,
                            "cannot import '%s': the "
                            "workbook's %s unpacks to more than %zu MiB (%s)",
                            zFile, zWhat, nMax >> 20, zLimit);
            break;
        }
        if (XML_Parse(p, aChunk, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (x->bFailed) {
                rc = apperr_prefix(err, "cannot import '%s'", zFile);
            } else {
                rc = apperr_set(err, APPERR_INPUT,
                                "cannot import '%s': %s: "
                                "%s at line %lu",
                                zFile, zWhat,
                                XML_ErrorString(XML_GetErrorCode(p)),
                                (unsigned long)XML_GetCurrentLineNumber(p));
            }
            break;
        }
        if (n == 0) {
            break;
        }
    }
    if (rc == 0 && x->bFailed) {
        rc = apperr_prefix(err, "cannot import '%s'", zFile);
    }
    free(aChunk);
    XML_ParserFree(p);
    x->xp = NULL;
    zip_fclose(zf);
    return rc;
}

/* Undo the _xHHHH_ escapes of OOXML strings, in place. */
static void
unescape_x(Buf *b)
{
    size_t j = 0;
    for (size_t i = 0; i < b->n;) {
        if (b->z[i] == '_' && i + 6 < b->n && b->z[i + 1] == 'x' &&
            b->z[i + 6] == '_') {
            unsigned v = 0;
            int bHex = 1;
            for (int k = 2; k < 6; k++) {
                char c = b->z[i + k];
                int h = (c >= '0' && c <= '9')   ? c - '0'
                        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                 : -1;
                bHex &= h >= 0;
                v = v * 16 + (unsigned)(h < 0 ? 0 : h);
            }
            if (bHex && v < 0x80 && v != 0) {
                b->z[j++] = (char)v;
                i += 7;
                continue;
            }
        }
        b->z[j++] = b->z[i++];
    }
    buf_truncate(b, j);
}

/* ---- workbook, relationships, styles, shared strings ------------------- */

typedef struct Book {
    XmlPart part;       /* first: the parser's user data */
    char *zSheetRid;    /* r:id of the first sheet */
    char *zSheetTarget; /* its part */
    int b1904;
    int *aXfDate; /* per cellXfs index: shows a date */
    size_t nXf, nXfAlloc;
    int aCustomDate[512]; /* custom numFmtId (164..) -> date? -1 unknown */
    int bInCellXfs;
    Buf strs;        /* shared strings, each NUL-terminated */
    uint32_t *aiStr; /* offset of each shared string in strs */
    size_t nStr, nStrAlloc;
    Buf cur; /* text of the current <si> */
    int bInSi, bInT, bInRph;
} Book;

/* Shared string i (i < bk->nStr). */
static const char *
book_string(const Book *bk, size_t i)
{
    return bk->strs.z + bk->aiStr[i];
}

static void XMLCALL
wb_start(void *ud, const char *zEl, const char **aAttr)
{
    Book *bk = ud;
    const char *z = local_name(zEl);
    if (strcmp(z, "sheet") == 0 && !bk->zSheetRid) {
        const char *zId = attr(aAttr, "id");
        bk->zSheetRid = zId ? xstrdup(zId) : NULL;
    } else if (strcmp(z, "workbookPr") == 0) {
        const char *zD = attr(aAttr, "date1904");
        bk->b1904 = zD && (strcmp(zD, "1") == 0 || strcmp(zD, "true") == 0);
    }
}

static void XMLCALL
rels_start(void *ud, const char *zEl, const char **aAttr)
{
    Book *bk = ud;
    if (strcmp(local_name(zEl), "Relationship") == 0 && bk->zSheetRid &&
        !bk->zSheetTarget) {
        const char *zId = attr(aAttr, "Id");
        const char *zT = attr(aAttr, "Target");
        if (zId && zT && strcmp(zId, bk->zSheetRid) == 0) {
            /* Absolute ("/xl/worksheets/x.xml") or relative to xl/. */
            Buf t = BUF_INIT;
            if (zT[0] == '/') {
                buf_puts(&t, zT + 1);
            } else {
                buf_printf(&t, "xl/%s", zT);
            }
            bk->zSheetTarget = buf_detach(&t);
        }
    }
}

int
xlsx_format_is_date(int numFmtId, const char *zFormatCode)
{
    if ((numFmtId >= 14 && numFmtId <= 22) ||
        (numFmtId >= 45 && numFmtId <= 47) ||
        (numFmtId >= 27 && numFmtId <= 36) ||
        (numFmtId >= 50 && numFmtId <= 58)) {
        return 1;
    }
    if (!zFormatCode) {
        return 0;
    }
    /* A custom format is a date if it has d, m, y, h or s outside quotes,
    ** escapes and [...] sections ([h] elapsed time counts as time). */
    int bQuote = 0;
    for (const char *p = zFormatCode; *p; p++) {
        if (*p == '"') {
            bQuote = !bQuote;
        } else if (bQuote) {
            continue;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1]) {
                p++;
            }
        } else if (*p == '[') {
            const char *e = strchr(p, ']');
            if (!e) {
                break;
            }
            if (e - p == 2 && strchr("hHmMsS", p[1])) {
                return 1;
            }
            p = e;
        } else if (strchr("dDmMyYhHsS", *p)) {
            return 1;
        } else if (*p == ';') {
            break; /* only the first section decides */
        }
    }
    return 0;
}

static void XMLCALL
styles_start(void *ud, const char *zEl, const char **aAttr)
{
    Book *bk = ud;
    const char *z = local_name(zEl);
    if (strcmp(z, "numFmt") == 0) {
        const char *zId = attr(aAttr, "numFmtId");
        long id;
        if (zId && str_to_long(zId, 0, 100000, &id) == 0 && id >= 164 &&
            id < 164 + 512) {
            bk->aCustomDate[id - 164] =
                xlsx_format_is_date((int)id, attr(aAttr, "formatCode"));
        }
    } else if (strcmp(z, "cellXfs") == 0) {
        bk->bInCellXfs = 1;
    } else if (strcmp(z, "xf") == 0 && bk->bInCellXfs) {
        const char *zId = attr(aAttr, "numFmtId");
        long id = 0;
        if (zId) {
            (void)str_to_long(zId, 0, 100000, &id);
        }
        int bDate = id >= 164 && id < 164 + 512
                        ? bk->aCustomDate[id - 164] == 1
                        : xlsx_format_is_date((int)id, NULL);
        xgrow((void **)&bk->aXfDate, &bk->nXfAlloc, bk->nXf,
              sizeof *bk->aXfDate);
        bk->aXfDate[bk->nXf++] = bDate;
    }
}

static void XMLCALL
styles_end(void *ud, const char *zEl)
{
    Book *bk = ud;
    if (strcmp(local_name(zEl), "cellXfs") == 0) {
        bk->bInCellXfs = 0;
    }
}

static void XMLCALL
sst_start(void *ud, const char *zEl, const char **aAttr)
{
    Book *bk = ud;
    const char *z = local_name(zEl);
    if (strcmp(z, "si") == 0) {
        bk->bInSi = 1;
        buf_reset(&bk->cur);
    } else if (strcmp(z, "rPh") == 0) {
        bk->bInRph = 1;
    } else if (strcmp(z, "t") == 0 && bk->bInSi && !bk->bInRph) {
        bk->bInT = 1;
    }
}

static void XMLCALL
sst_end(void *ud, const char *zEl)
{
    Book *bk = ud;
    const char *z = local_name(zEl);
    if (bk->part.bFailed) {
        return;
    }
    if (strcmp(z, "t") == 0) {
        bk->bInT = 0;
    } else if (strcmp(z, "rPh") == 0) {
        bk->bInRph = 0;
    } else if (strcmp(z, "si") == 0) {
        bk->bInSi = 0;
        if (buf_failed(&bk->cur)) {
            xml_fail(&bk->part,
                     "shared string %zu: longer than %u bytes "
                     "(LIMIT_FIELD_BYTES)",
                     bk->nStr, LIMIT_FIELD_BYTES);
            return;
        }
        if (bk->nStr >= LIMIT_XLSX_STRINGS) {
            xml_fail(&bk->part,
                     "more than %u shared strings "
                     "(LIMIT_XLSX_STRINGS)",
                     LIMIT_XLSX_STRINGS);
            return;
        }
        unescape_x(&bk->cur);
        xgrow((void **)&bk->aiStr, &bk->nStrAlloc, bk->nStr, sizeof *bk->aiStr);
        /* strs holds at most the part's text plus a NUL per string. */
        bk->aiStr[bk->nStr++] = (uint32_t)bk->strs.n;
        buf_append(&bk->strs, bk->cur.z ? bk->cur.z : "", bk->cur.n);
        buf_putc(&bk->strs, 0);
    }
}

static void XMLCALL
sst_text(void *ud, const char *z, int n)
{
    Book *bk = ud;
    if (bk->bInT) {
        buf_append(&bk->cur, z, (size_t)n);
    }
}

/* ---- the sheet ------------------------------------------------------------ */

typedef struct Sheet {
    XmlPart part; /* first: the parser's user data */
    Book *bk;
    Buf *out;         /* CSV */
    size_t nOutStart; /* out's length before the sheet */
    size_t nText;     /* CSV bytes of the sheet so far, written or in
                        ** azCell: held to LIMIT_XLSX_TEXT_BYTES */
    char **azCell;    /* cells of the current row, by column */
    size_t nCell, nCellAlloc;
    long iRow;      /* 1-based row number of the current row */
    long iLastRow;  /* last row written */
    size_t nWidth;  /* cells of the first (header) row: shorter rows
                        ** are padded, as spreadsheets drop empty cells */
    size_t iCol;    /* column of the current cell */
    char zType[16]; /* t attribute */
    int iStyle;
    int bInV, bInT, bInIs;
    Buf val;
    char zRef[24]; /* the current cell, for messages: "B7" */
} Sheet;

/* The number the leading digits of z spell, or LIMIT_XLSX_ROWS + 1 when
** it is larger: no row number can overflow. */
static long
digits_capped(const char *z)
{
    long r = 0;
    for (; *z >= '0' && *z <= '9'; z++) {
        if (r <= (long)LIMIT_XLSX_ROWS) {
            r = r * 10 + (*z - '0');
        }
    }
    return r <= (long)LIMIT_XLSX_ROWS ? r : (long)LIMIT_XLSX_ROWS + 1;
}

int
xlsx_parse_ref(const char *zRef, long *piCol, long *piRow)
{
    long c = 0, r;
    const char *z = zRef;
    *piCol = -1;
    *piRow = 0;
    /* Stop counting past the limit, so no reference can overflow. */
    for (; *z >= 'A' && *z <= 'Z'; z++) {
        if (c <= (long)LIMIT_XLSX_COLUMNS) {
            c = c * 26 + (*z - 'A' + 1);
        }
    }
    if (z == zRef) {
        return 0;
    }
    if (c > (long)LIMIT_XLSX_COLUMNS) {
        return XLSX_REF_BAD_COLUMN;
    }
    *piCol = c - 1;
    r = digits_capped(z);
    if (r > (long)LIMIT_XLSX_ROWS) {
        return XLSX_REF_BAD_ROW;
    }
    *piRow = r;
    return 0;
}

/* The name of column iCol (0-based): "A", "AB", "XFD". */
static void
col_name(size_t iCol, char z[8])
{
    char aRev[8];
    int n = 0;
    for (size_t c = iCol + 1; c > 0 && n < 7; c = (c - 1) / 26) {
        aRev[n++] = (char)('A' + (c - 1) % 26);
    }
    for (int k = 0; k < n; k++) {
        z[k] = aRev[n - 1 - k];
    }
    z[n] = 0;
}

static void
sheet_flush_row(Sheet *s)
{
    /* Rows left out of the sheet (sparse) are simply absent here; empty
    ** trailing cells come back as empty fields up to the header's width. */
    if (s->nWidth == 0) {
        s->nWidth = s->nCell;
    }
    if (s->nCell && s->nCell < s->nWidth) {
        xgrow((void **)&s->azCell, &s->nCellAlloc, s->nWidth - 1,
              sizeof *s->azCell);
        s->nCell = s->nWidth;
    }
    for (size_t k = 0; k < s->nCell; k++) {
        if (k) {
            buf_putc(s->out, ',');
        }
        csv_write_field(s->out, s->azCell[k] ? s->azCell[k] : "");
        free(s->azCell[k]);
        s->azCell[k] = NULL;
    }
    if (s->nCell) {
        buf_puts(s->out, "\r\n");
    }
    s->nCell = 0;
    s->iLastRow = s->iRow;
    /* Now exact: what the row's cells were counted at, plus padding. */
    s->nText = s->out->n - s->nOutStart;
    if (s->nText > LIMIT_XLSX_TEXT_BYTES) {
        xml_fail(&s->part,
                 "row %ld: the sheet comes to more than %u MiB of "
                 "text (LIMIT_XLSX_TEXT_BYTES)",
                 s->iRow, LIMIT_XLSX_TEXT_BYTES >> 20);
    }
}

static void XMLCALL
sheet_start(void *ud, const char *zEl, const char **aAttr)
{
    Sheet *s = ud;
    const char *z = local_name(zEl);
    if (s->part.bFailed) {
        return;
    }
    if (strcmp(z, "row") == 0) {
        const char *zR = attr(aAttr, "r");
        long r = zR && *zR && zR[strspn(zR, "0123456789")] == 0
                     ? digits_capped(zR)
                     : 0;
        s->iRow = r > 0 ? r : s->iLastRow + 1;
        if (s->iRow > (long)LIMIT_XLSX_ROWS) {
            char zRow[24];
            if (zR) {
                (void)snprintf(zRow, sizeof zRow, "%.20s", zR);
            } else {
                (void)snprintf(zRow, sizeof zRow, "%ld", s->iRow);
            }
            xml_fail(&s->part,
                     "row %s: beyond row %u, the last row of a "
                     "spreadsheet (LIMIT_XLSX_ROWS)",
                     zRow, LIMIT_XLSX_ROWS);
            return;
        }
        s->iCol = 0;
    } else if (strcmp(z, "c") == 0) {
        const char *zR = attr(aAttr, "r");
        const char *zT = attr(aAttr, "t");
        const char *zS = attr(aAttr, "s");
        long col = -1, row = 0;
        int e = zR ? xlsx_parse_ref(zR, &col, &row) : 0;
        if (col >= 0) {
            s->iCol = (size_t)col;
        }
        if (zR) {
            (void)snprintf(s->zRef, sizeof s->zRef, "%.20s", zR);
        } else {
            char zCol[8];
            col_name(s->iCol, zCol);
            (void)snprintf(s->zRef, sizeof s->zRef, "%s%ld", zCol, s->iRow);
        }
        if (e == XLSX_REF_BAD_COLUMN || s->iCol >= LIMIT_XLSX_COLUMNS) {
            xml_fail(&s->part,
                     "cell %s: column beyond XFD, the last "
                     "column of a spreadsheet (LIMIT_XLSX_COLUMNS)",
                     s->zRef);
            return;
        }
        if (e == XLSX_REF_BAD_ROW) {
            xml_fail(&s->part,
                     "cell %s: row beyond %u, the last row of a "
                     "spreadsheet (LIMIT_XLSX_ROWS)",
                     s->zRef, LIMIT_XLSX_ROWS);
            return;
        }
        (void)snprintf(s->zType, sizeof s->zType, "%s", zT ? zT : "n");
        long st = 0;
        s->iStyle = zS && str_to_long(zS, 0, 1000000, &st) == 0 ? (int)st : 0;
        buf_reset(&s->val);
    } else if (strcmp(z, "v") == 0) {
        s->bInV = 1;
    } else if (strcmp(z, "is") == 0) {
        s->bInIs = 1;
    } else if (strcmp(z, "t") == 0 && s->bInIs) {
        s->bInT = 1;
    }
}

/* Numbers as a person writes them: 1200, 1200.5, 0.25. */
static void
number_text(double v, Buf *b)
{
    if (fabs(v) < 1e15 && v == floor(v)) {
        buf_printf(b, "%.0f", v);
    } else if (fabs(v * 100 - round(v * 100)) < 1e-6) {
        buf_printf(b, "%.2f", v);
        while (b->n && b->z[b->n - 1] == '0') {
            buf_truncate(b, b->n - 1);
        }
    } else {
        buf_printf(b, "%.15g", v);
    }
}

static void XMLCALL
sheet_end(void *ud, const char *zEl)
{
    Sheet *s = ud;
    const char *z = local_name(zEl);
    if (s->part.bFailed) {
        return;
    }
    if (strcmp(z, "v") == 0) {
        s->bInV = 0;
    } else if (strcmp(z, "t") == 0) {
        s->bInT = 0;
    } else if (strcmp(z, "is") == 0) {
        s->bInIs = 0;
    } else if (strcmp(z, "c") == 0) {
        Buf cell = BUF_INIT;
        const char *zV = buf_str(&s->val);
        if (buf_failed(&s->val)) {
            xml_fail(&s->part,
                     "cell %s: text longer than %u bytes "
                     "(LIMIT_FIELD_BYTES)",
                     s->zRef, LIMIT_FIELD_BYTES);
            return;
        }
        if (strcmp(s->zType, "s") == 0) {
            long i;
            if (str_to_long(zV, 0, (long)s->bk->nStr - 1, &i)) {
                xml_fail(&s->part,
                         "cell %s: shared string %.20s does not "
                         "exist",
                         s->zRef, zV);
                return;
            }
            buf_puts(&cell, book_string(s->bk, (size_t)i));
        } else if (strcmp(s->zType, "inlineStr") == 0 ||
                   strcmp(s->zType, "str") == 0) {
            buf_puts(&cell, zV);
            unescape_x(&cell);
        } else if (strcmp(s->zType, "b") == 0) {
            buf_puts(&cell, strcmp(zV, "1") == 0 ? "yes" : "no");
        } else if (strcmp(s->zType, "e") == 0) {
            xml_fail(&s->part, "cell %s holds the error %.40s", s->zRef, zV);
            return;
        } else if (strcmp(s->zType, "d") == 0) {
            buf_append(&cell, zV, strlen(zV) >= 10 ? 10 : strlen(zV));
        } else if (*zV) {
            char *end;
            double v = strtod(zV, &end);
            int bDate = s->iStyle >= 0 && (size_t)s->iStyle < s->bk->nXf &&
                        s->bk->aXfDate[s->iStyle];
            char zDate[11];
            if (bDate && xlsx_serial_to_date(v, s->bk->b1904, zDate) == 0) {
                buf_puts(&cell, zDate);
            } else {
                number_text(v, &cell);
            }
        }
        /* Count the cell before keeping it: the text a sheet expands to
        ** is bounded, not only its XML. */
        s->nText += csv_field_size(buf_str(&cell)) + 1;
        if (s->nText > LIMIT_XLSX_TEXT_BYTES) {
            buf_release(&cell);
            xml_fail(&s->part,
                     "cell %s: the sheet comes to more than %u MiB "
                     "of text (LIMIT_XLSX_TEXT_BYTES)",
                     s->zRef, LIMIT_XLSX_TEXT_BYTES >> 20);
            return;
        }
        xgrow((void **)&s->azCell, &s->nCellAlloc, s->iCol, sizeof *s->azCell);
        if (s->iCol >= s->nCell) {
            s->nCell = s->iCol + 1;
        }
        free(s->azCell[s->iCol]);
        s->azCell[s->iCol] = buf_detach(&cell);
        s->iCol++;
    } else if (strcmp(z, "row") == 0) {
        sheet_flush_row(s);
    }
}

static void XMLCALL
sheet_text(void *ud, const char *z, int n)
{
    Sheet *s = ud;
    if (s->bInV || (s->bInIs && s->bInT)) {
        buf_append(&s->val, z, (size_t)n);
    }
}

int
xlsx_serial_to_date(double v, int b1904, char z[11])
{
    if (!(v >= 1 && v < 2958466)) {
        return -1;
    }
    long serial = (long)floor(v);
    long days; /* since 1970-01-01 */
    if (b1904) {
        days = serial - 24107;
    } else {
        /* Excel's 1900 system counts a 29 February 1900 that never was. */
        if (serial == 60) {
            return -1;
        }
        days = serial < 60 ? serial - 25568 : serial - 25569;
    }
    /* Serials stop at 9999-12-31 (2958465): four-digit years. */
    str_date_from_days(days, z);
    return 0;
}

/* The first sheet of the open workbook za (closed here) as CSV; zPath
** names it in messages. */
static int
xlsx_zip_to_csv(zip_t *za, const char *zPath, Buf *b, AppErr *err)
{
    Book bk;
    memset(&bk, 0, sizeof bk);
    for (int i = 0; i < 512; i++) {
        bk.aCustomDate[i] = -1;
    }
    buf_init(&bk.cur, LIMIT_FIELD_BYTES);
    buf_init(&bk.strs, (size_t)LIMIT_XLSX_STRINGS_BYTES + LIMIT_XLSX_STRINGS);
    Sheet sh;
    memset(&sh, 0, sizeof sh);
    buf_init(&sh.val, LIMIT_FIELD_BYTES);
    int rc = -1;
    if (xml_parse_part(za, "xl/workbook.xml", 1, LIMIT_XLSX_PART_BYTES,
                       "LIMIT_XLSX_PART_BYTES", "workbook part", &bk.part,
                       wb_start, NULL, NULL, zPath, err) ||
        xml_parse_part(za, "xl/_rels/workbook.xml.rels", 1,
                       LIMIT_XLSX_PART_BYTES, "LIMIT_XLSX_PART_BYTES",
                       "relationship list", &bk.part, rels_start, NULL, NULL,
                       zPath, err)) {
        goto out;
    }
    if (!bk.zSheetTarget) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': the workbook has no "
                   "sheet",
                   zPath);
        goto out;
    }
    if (xml_parse_part(za, "xl/styles.xml", 0, LIMIT_XLSX_PART_BYTES,
                       "LIMIT_XLSX_PART_BYTES", "style sheet", &bk.part,
                       styles_start, styles_end, NULL, zPath, err) ||
        xml_parse_part(za, "xl/sharedStrings.xml", 0, LIMIT_XLSX_STRINGS_BYTES,
                       "LIMIT_XLSX_STRINGS_BYTES", "shared string table",
                       &bk.part, sst_start, sst_end, sst_text, zPath, err)) {
        goto out;
    }
    /* Part sizes bound it already; this is the backstop. */
    if (buf_failed(&bk.strs)) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': the shared strings "
                   "come to more than %u MiB (LIMIT_XLSX_STRINGS_BYTES)",
                   zPath, LIMIT_XLSX_STRINGS_BYTES >> 20);
        goto out;
    }
    sh.bk = &bk;
    sh.out = b;
    sh.nOutStart = b->n;
    if (xml_parse_part(za, bk.zSheetTarget, 1, LIMIT_XLSX_SHEET_BYTES,
                       "LIMIT_XLSX_SHEET_BYTES", "sheet", &sh.part, sheet_start,
                       sheet_end, sheet_text, zPath, err)) {
        goto out;
    }
    if (buf_failed(b)) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': the sheet's text "
                   "is too large to import at once",
                   zPath);
        goto out;
    }
    rc = 0;
out:
    zip_close(za);
    free(bk.zSheetRid);
    free(bk.zSheetTarget);
    free(bk.aXfDate);
    free(bk.aiStr);
    buf_release(&bk.strs);
    buf_release(&bk.cur);
    for (size_t k = 0; k < sh.nCellAlloc; k++) {
        free(sh.azCell ? sh.azCell[k] : NULL);
    }
    free(sh.azCell);
    buf_release(&sh.val);
    return rc;
}

/* "not a spreadsheet" for zPath. */
static int
xlsx_not_zip(const char *zPath, AppErr *err)
{
    return apperr_set(err, APPERR_INPUT,
                      "cannot import '%s': not a "
                      "spreadsheet (.xlsx is a zip archive)",
                      zPath);
}

int
xlsx_to_csv(const char *zPath, Buf *b, AppErr *err)
{
    int ze = 0;
    zip_t *za = zip_open(zPath, ZIP_RDONLY, &ze);
    if (!za) {
        return xlsx_not_zip(zPath, err);
    }
    return xlsx_zip_to_csv(za, zPath, b, err);
}

int
xlsx_to_csv_mem(const char *zName, const void *p, size_t n, Buf *b, AppErr *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    /* libzip reads the bytes where they are (freep 0: not its to free). */
    zip_source_t *src = zip_source_buffer_create(n ? p : "", n, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        zip_source_free(src);
        return xlsx_not_zip(zName, err);
    }
    return xlsx_zip_to_csv(za, zName, b, err);
}
