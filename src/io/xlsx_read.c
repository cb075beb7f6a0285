/*
** xlsx_read.c — the spreadsheet reader (see xlsx_read.h).
**
** Each XML part is read whole (bounded) and parsed with expat; element
** names are compared without their namespace prefix.  The sheet's cells
** are collected row by row and written out as CSV, which the importers
** already validate cell by cell.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "xlsx_read.h"
#include "csv.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Largest XML part of a spreadsheet we read (uncompressed). */
#define LIMIT_XLSX_PART_BYTES (1024u * 1024u * 1024u)
/* Most shared strings. */
#define LIMIT_XLSX_STRINGS 20000000u

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

/* Read a part of the archive whole; NULL with err when absent (if
** bRequired) or too large. */
static char *
zip_part(zip_t *za, const char *zName, size_t *pn, int bRequired,
         const char *zFile, AppErr *err)
{
    zip_stat_t st;
    if (zip_stat(za, zName, 0, &st) != 0) {
        if (bRequired) {
            apperr_set(err, APPERR_INPUT, "cannot import '%s': not a "
                       "spreadsheet (no %s inside)", zFile, zName);
        }
        return NULL;
    }
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > LIMIT_XLSX_PART_BYTES) {
        apperr_set(err, APPERR_INPUT, "cannot import '%s': %s is larger than "
                   "%u bytes unpacked (LIMIT_XLSX_PART_BYTES)", zFile, zName,
                   LIMIT_XLSX_PART_BYTES);
        return NULL;
    }
    zip_file_t *zf = zip_fopen(za, zName, 0);
    if (!zf) {
        apperr_set(err, APPERR_INPUT, "cannot import '%s': cannot read %s",
                   zFile, zName);
        return NULL;
    }
    char *z = xmalloc((size_t)st.size + 1);
    zip_int64_t n = zip_fread(zf, z, st.size);
    zip_fclose(zf);
    if (n < 0 || (zip_uint64_t)n != st.size) {
        free(z);
        apperr_set(err, APPERR_INPUT, "cannot import '%s': %s is damaged",
                   zFile, zName);
        return NULL;
    }
    z[n] = 0;
    *pn = (size_t)n;
    return z;
}

/* Parse z[0..n) with the given callbacks; -1 with err on bad XML. */
static int
xml_parse(const char *z, size_t n, void *ud, XML_StartElementHandler xStart,
          XML_EndElementHandler xEnd, XML_CharacterDataHandler xText,
          const char *zFile, const char *zPart, AppErr *err)
{
    XML_Parser p = XML_ParserCreate(NULL);
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, xStart, xEnd);
    XML_SetCharacterDataHandler(p, xText);
    int rc = 0;
    if (XML_Parse(p, z, (int)n, 1) == XML_STATUS_ERROR) {
        rc = apperr_set(err, APPERR_INPUT, "cannot import '%s': %s: %s at line "
                        "%lu", zFile, zPart,
                        XML_ErrorString(XML_GetErrorCode(p)),
                        (unsigned long)XML_GetCurrentLineNumber(p));
    }
    XML_ParserFree(p);
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
                int h = (c >= '0' && c <= '9') ? c - '0'
                        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
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
    char *zSheetRid;     /* r:id of the first sheet */
    char *zSheetTarget;  /* its part */
    int b1904;
    int *aXfDate;        /* per cellXfs index: shows a date */
    size_t nXf, nXfAlloc;
    int aCustomDate[512]; /* custom numFmtId (164..) -> date? -1 unknown */
    int bInCellXfs;
    char **azStr;        /* shared strings */
    size_t nStr, nStrAlloc;
    Buf cur;             /* text of the current <si> */
    int bInSi, bInT, bInRph;
} Book;

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
    if ((numFmtId >= 14 && numFmtId <= 22) || (numFmtId >= 45 && numFmtId <= 47) ||
        (numFmtId >= 27 && numFmtId <= 36) || (numFmtId >= 50 && numFmtId <= 58)) {
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
        int bDate = id >= 164 && id < 164 + 512 ? bk->aCustomDate[id - 164] == 1
                                                : xlsx_format_is_date((int)id, NULL);
        xgrow((void **)&bk->aXfDate, &bk->nXfAlloc, bk->nXf, sizeof *bk->aXfDate);
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
    if (strcmp(z, "t") == 0) {
        bk->bInT = 0;
    } else if (strcmp(z, "rPh") == 0) {
        bk->bInRph = 0;
    } else if (strcmp(z, "si") == 0) {
        bk->bInSi = 0;
        if (bk->nStr < LIMIT_XLSX_STRINGS) {
            unescape_x(&bk->cur);
            xgrow((void **)&bk->azStr, &bk->nStrAlloc, bk->nStr,
                  sizeof *bk->azStr);
            bk->azStr[bk->nStr++] = xstrdup(buf_str(&bk->cur));
        }
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
    Book *bk;
    Buf *out;           /* CSV */
    char **azCell;      /* cells of the current row, by column */
    size_t nCell, nCellAlloc;
    long iRow;          /* 1-based row number of the current row */
    long iLastRow;      /* last row written */
    size_t nWidth;      /* cells of the first (header) row: shorter rows
                        ** are padded, as spreadsheets drop empty cells */
    size_t iCol;        /* column of the current cell */
    char zType[16];     /* t attribute */
    int iStyle;
    int bInV, bInT, bInIs;
    Buf val;
    char zRef[16];
    AppErr *err;
    int bFailed;
} Sheet;

/* Column index of a reference like "AB12" (0-based); -1 if none. */
static long
col_of_ref(const char *z)
{
    long c = 0;
    int n = 0;
    for (; *z >= 'A' && *z <= 'Z'; z++, n++) {
        c = c * 26 + (*z - 'A' + 1);
    }
    return n ? c - 1 : -1;
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
}

static void XMLCALL
sheet_start(void *ud, const char *zEl, const char **aAttr)
{
    Sheet *s = ud;
    const char *z = local_name(zEl);
    if (strcmp(z, "row") == 0) {
        const char *zR = attr(aAttr, "r");
        long r;
        s->iRow = zR && str_to_long(zR, 1, 100000000, &r) == 0 ? r
                                                                : s->iLastRow + 1;
        s->iCol = 0;
    } else if (strcmp(z, "c") == 0) {
        const char *zR = attr(aAttr, "r");
        const char *zT = attr(aAttr, "t");
        const char *zS = attr(aAttr, "s");
        long col = zR ? col_of_ref(zR) : -1;
        if (col >= 0) {
            s->iCol = (size_t)col;
        }
        (void)snprintf(s->zRef, sizeof s->zRef, "%s", zR ? zR : "?");
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
    if (s->bFailed) {
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
        if (strcmp(s->zType, "s") == 0) {
            long i;
            if (str_to_long(zV, 0, (long)s->bk->nStr - 1, &i)) {
                apperr_set(s->err, APPERR_INPUT, "cell %s: shared string %s "
                           "does not exist", s->zRef, zV);
                s->bFailed = 1;
                buf_release(&cell);
                return;
            }
            buf_puts(&cell, s->bk->azStr[i]);
        } else if (strcmp(s->zType, "inlineStr") == 0 ||
                   strcmp(s->zType, "str") == 0) {
            buf_puts(&cell, zV);
            unescape_x(&cell);
        } else if (strcmp(s->zType, "b") == 0) {
            buf_puts(&cell, strcmp(zV, "1") == 0 ? "yes" : "no");
        } else if (strcmp(s->zType, "e") == 0) {
            apperr_set(s->err, APPERR_INPUT, "cell %s holds the error %s",
                       s->zRef, zV);
            s->bFailed = 1;
            buf_release(&cell);
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

int
xlsx_to_csv(const char *zPath, Buf *b, AppErr *err)
{
    int ze = 0;
    zip_t *za = zip_open(zPath, ZIP_RDONLY, &ze);
    if (!za) {
        return apperr_set(err, APPERR_INPUT, "cannot import '%s': not a "
                          "spreadsheet (.xlsx is a zip archive)", zPath);
    }
    Book bk;
    memset(&bk, 0, sizeof bk);
    for (int i = 0; i < 512; i++) {
        bk.aCustomDate[i] = -1;
    }
    buf_init(&bk.cur, LIMIT_FIELD_BYTES);
    Sheet sh;
    memset(&sh, 0, sizeof sh);
    buf_init(&sh.val, LIMIT_FIELD_BYTES);
    int rc = -1;
    size_t n = 0;
    char *z = zip_part(za, "xl/workbook.xml", &n, 1, zPath, err);
    if (!z || xml_parse(z, n, &bk, wb_start, NULL, NULL, zPath, "workbook",
                        err)) {
        goto out;
    }
    free(z);
    z = zip_part(za, "xl/_rels/workbook.xml.rels", &n, 1, zPath, err);
    if (!z || xml_parse(z, n, &bk, rels_start, NULL, NULL, zPath,
                        "relationships", err)) {
        goto out;
    }
    free(z);
    z = NULL;
    if (!bk.zSheetTarget) {
        apperr_set(err, APPERR_INPUT, "cannot import '%s': the workbook has no "
                   "sheet", zPath);
        goto out;
    }
    z = zip_part(za, "xl/styles.xml", &n, 0, zPath, err);
    if (err->code) {
        goto out;
    }
    if (z && xml_parse(z, n, &bk, styles_start, styles_end, NULL, zPath,
                       "styles", err)) {
        goto out;
    }
    free(z);
    z = zip_part(za, "xl/sharedStrings.xml", &n, 0, zPath, err);
    if (err->code) {
        goto out;
    }
    if (z && xml_parse(z, n, &bk, sst_start, sst_end, sst_text, zPath,
                       "shared strings", err)) {
        goto out;
    }
    free(z);
    z = zip_part(za, bk.zSheetTarget, &n, 1, zPath, err);
    if (!z) {
        goto out;
    }
    sh.bk = &bk;
    sh.out = b;
    sh.err = err;
    if (xml_parse(z, n, &sh, sheet_start, sheet_end, sheet_text, zPath,
                  "sheet", err)) {
        goto out;
    }
    if (sh.bFailed) {
        apperr_prefix(err, "cannot import '%s'", zPath);
        goto out;
    }
    rc = 0;
out:
    free(z);
    zip_close(za);
    free(bk.zSheetRid);
    free(bk.zSheetTarget);
    free(bk.aXfDate);
    for (size_t i = 0; i < bk.nStr; i++) {
        free(bk.azStr[i]);
    }
    free(bk.azStr);
    buf_release(&bk.cur);
    for (size_t k = 0; k < sh.nCellAlloc; k++) {
        free(sh.azCell ? sh.azCell[k] : NULL);
    }
    free(sh.azCell);
    buf_release(&sh.val);
    return rc;
}
