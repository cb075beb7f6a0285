/*
** csv.c — RFC 4180 reader and writer (see csv.h).
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "../base/limits.h"
#include "../base/utf8.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

void
csv_reader_init(CsvReader *r, const char *z, size_t n)
{
    r->z = z;
    r->n = n;
    r->i = 0;
    r->iLine = 1;
    if (n >= 3 && memcmp(z, "\xEF\xBB\xBF", 3) == 0) {
        r->i = 3;
    }
}

void
csv_record_release(CsvRecord *rec)
{
    free(rec->azField);
    free(rec->aiLine);
    free(rec->aiOff);
    buf_release(&rec->data);
    memset(rec, 0, sizeof *rec);
}

/* End the current field: its NUL, its offset and line. */
static void
csv_end_field(CsvRecord *rec, size_t iStart, int iLine)
{
    if (rec->nField == rec->nAlloc) {
        size_t n = rec->nAlloc ? rec->nAlloc * 2 : 16;
        rec->azField = xreallocarray(rec->azField, n, sizeof *rec->azField);
        rec->aiLine = xreallocarray(rec->aiLine, n, sizeof *rec->aiLine);
        rec->aiOff = xreallocarray(rec->aiOff, n, sizeof *rec->aiOff);
        rec->nAlloc = n;
    }
    buf_putc(&rec->data, 0);
    rec->aiOff[rec->nField] = iStart;
    rec->aiLine[rec->nField] = iLine;
    rec->nField++;
}

/* Whether n more bytes of the field that began at iStart still fit its
** and the record's limits; -1 with err naming line iLine and column iCol
** if not.  Checked before appending, so a huge field is never copied.
** The record's size is that of its fields, without their NULs in d. */
static int
csv_fits(const CsvRecord *rec, size_t iStart, size_t n, int iLine, size_t iCol,
         AppErr *err)
{
    const Buf *d = &rec->data;
    if (d->n - iStart + n > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          "line %d, column %zu: field longer than %u bytes "
                          "(LIMIT_FIELD_BYTES)",
                          iLine, iCol, LIMIT_FIELD_BYTES);
    }
    if (d->n - rec->nField + n > LIMIT_CSV_RECORD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          "line %d, column %zu: record longer than %u bytes "
                          "(LIMIT_CSV_RECORD_BYTES)",
                          iLine, iCol, LIMIT_CSV_RECORD_BYTES);
    }
    return 0;
}

int
csv_read_record(CsvReader *r, CsvRecord *rec, AppErr *err)
{
    if (rec->data.nMax == 0) {
        /* The fields plus a NUL after each. */
        buf_init(&rec->data, (size_t)LIMIT_CSV_RECORD_BYTES + LIMIT_CSV_FIELDS);
    }
    buf_reset(&rec->data);
    rec->nField = 0;
    /* Skip empty lines. */
    while (r->i < r->n && (r->z[r->i] == '\n' || r->z[r->i] == '\r')) {
        if (r->z[r->i] == '\n') {
            r->iLine++;
        }
        r->i++;
    }
    if (r->i >= r->n) {
        return 0;
    }
    rec->iLine = r->iLine;
    Buf *d = &rec->data;
    for (;;) {
        int iFieldLine = r->iLine;
        size_t iCol = rec->nField + 1;
        size_t iStart = d->n;
        if (rec->nField >= LIMIT_CSV_FIELDS) {
            return apperr_set(err, APPERR_INPUT,
                              "line %d, column %zu: more than %u fields in "
                              "one record (LIMIT_CSV_FIELDS)",
                              iFieldLine, iCol, LIMIT_CSV_FIELDS);
        }
        if (r->i < r->n && r->z[r->i] == '"') {
            /* Quoted field: copy runs up to the next quote. */
            r->i++;
            for (;;) {
                const char *q =
                    r->i < r->n ? memchr(r->z + r->i, '"', r->n - r->i) : NULL;
                if (!q) {
                    return apperr_set(err, APPERR_INPUT,
                                      "line %d, column %zu: quoted field not "
                                      "closed before the end of the file",
                                      iFieldLine, iCol);
                }
                size_t nRun = (size_t)(q - (r->z + r->i));
                if (csv_fits(rec, iStart, nRun, iFieldLine, iCol, err)) {
                    return -1;
                }
                for (size_t k = 0; k < nRun; k++) {
                    r->iLine += r->z[r->i + k] == '\n';
                }
                buf_append(d, r->z + r->i, nRun);
                r->i += nRun + 1;
                if (r->i < r->n && r->z[r->i] == '"') {
                    if (csv_fits(rec, iStart, 1, iFieldLine, iCol, err)) {
                        return -1;
                    }
                    buf_putc(d, '"');
                    r->i++;
                    continue;
                }
                break;
            }
            if (r->i < r->n && r->z[r->i] != ',' && r->z[r->i] != '\n' &&
                r->z[r->i] != '\r') {
                return apperr_set(err, APPERR_INPUT,
                                  "line %d, column %zu: unexpected text after "
                                  "the closing quote of a field",
                                  r->iLine, iCol);
            }
        } else {
            size_t j = r->i;
            while (j < r->n && r->z[j] != ',' && r->z[j] != '\n' &&
                   r->z[j] != '\r' && r->z[j] != '"') {
                j++;
            }
            if (j < r->n && r->z[j] == '"') {
                return apperr_set(err, APPERR_INPUT,
                                  "line %d, column %zu: a quote inside an "
                                  "unquoted field (quote the whole field and "
                                  "double the quote)",
                                  r->iLine, iCol);
            }
            if (csv_fits(rec, iStart, j - r->i, iFieldLine, iCol, err)) {
                return -1;
            }
            buf_append(d, r->z + r->i, j - r->i);
            r->i = j;
        }
        csv_end_field(rec, iStart, iFieldLine);
        if (r->i >= r->n) {
            break;
        }
        char c = r->z[r->i++];
        if (c == ',') {
            continue;
        }
        /* End of record: CRLF, LF or a lone CR. */
        if (c == '\r' && r->i < r->n && r->z[r->i] == '\n') {
            r->i++;
        }
        r->iLine++;
        break;
    }
    /* The limits above keep the buffer within its maximum. */
    assert(!buf_failed(d));
    /* The buffer is final now: point the fields into it. */
    for (size_t k = 0; k < rec->nField; k++) {
        rec->azField[k] = d->z + rec->aiOff[k];
    }
    return 1;
}

/* The first bytes that make a spreadsheet program read a cell as a
** formula: = + - @, and TAB and CR, which some programs strip first. */
#define CSV_FORMULA_START "=+-@\t\r"

/* Whether z, after any apostrophes it starts with, starts like a formula:
** the texts csv_write_field() puts one more apostrophe before.  Counting
** the text's own apostrophes makes the guard reversible for every text:
** "=x" is written "'=x", "'=x" is written "''=x", and csv_unguard() takes
** exactly one off each. */
static int
csv_needs_guard(const char *z)
{
    while (*z == '\'') {
        z++;
    }
    return *z && strchr(CSV_FORMULA_START, *z) != NULL;
}

static int
csv_needs_quotes(const char *z, size_t n)
{
    return strpbrk(z, ",\"\r\n") != NULL ||
           (n > 0 && (z[0] == ' ' || z[n - 1] == ' '));
}

void
csv_write_field(Buf *b, const char *z)
{
    size_t n = strlen(z);
    int bGuard = csv_needs_guard(z);
    int bQuote = csv_needs_quotes(z, n);
    if (!bQuote && !bGuard) {
        buf_append(b, z, n);
        return;
    }
    if (bQuote) {
        buf_putc(b, '"');
    }
    if (bGuard) {
        buf_putc(b, '\'');
    }
    for (const char *p = z; *p; p++) {
        if (*p == '"') {
            buf_putc(b, '"');
        }
        buf_putc(b, *p);
    }
    if (bQuote) {
        buf_putc(b, '"');
    }
}

size_t
csv_field_size(const char *z)
{
    size_t n = strlen(z);
    size_t nOut = n + (size_t)csv_needs_guard(z);
    if (csv_needs_quotes(z, n)) {
        nOut += 2;
        for (const char *p = strchr(z, '"'); p; p = strchr(p + 1, '"')) {
            nOut++;
        }
    }
    return nOut;
}

const char *
csv_unguard(const char *z)
{
    return z[0] == '\'' && csv_needs_guard(z) ? z + 1 : z;
}

void
csv_record_unguard(CsvRecord *rec)
{
    for (size_t k = 0; k < rec->nField; k++) {
        if (rec->azField[k][0] == '\'' && csv_needs_guard(rec->azField[k])) {
            rec->azField[k]++;
        }
    }
}

int
csv_record_check(const char *zFile, const CsvRecord *rec, size_t nHeader,
                 long nRow, AppErr *err)
{
    if (rec->nField != nHeader) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line %d: %zu fields, but the "
                          "header has %zu columns",
                          zFile, rec->iLine, rec->nField, nHeader);
    }
    if (nRow >= (long)LIMIT_IMPORT_ROWS) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line %d: more than %u rows in "
                          "one file (LIMIT_IMPORT_ROWS)",
                          zFile, rec->iLine, LIMIT_IMPORT_ROWS);
    }
    for (size_t i = 0; i < rec->nField; i++) {
        if (utf8_invalid_at(rec->azField[i], strlen(rec->azField[i])) >= 0) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': line %d, column %zu: "
                              "invalid UTF-8 (save the file as UTF-8)",
                              zFile, rec->aiLine[i], i + 1);
        }
    }
    return 0;
}

int
csv_read_header(CsvReader *r, CsvRecord *rec, const char *zFile,
                const char *zDoc, AppErr *err)
{
    int got = csv_read_record(r, rec, err);
    if (got < 0) {
        return apperr_prefix(err, "cannot import '%s'", zFile);
    }
    if (got == 0) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': the file is empty (expected a header "
                   "line, see docs/formats/%s)",
                   zFile, zDoc);
        return 0;
    }
    csv_record_unguard(rec);
    return 1;
}

int
csv_read_row(CsvReader *r, CsvRecord *rec, const char *zFile, size_t nHeader,
             long nRow, AppErr *err)
{
    int got = csv_read_record(r, rec, err);
    if (got < 0) {
        return apperr_prefix(err, "cannot import '%s'", zFile);
    }
    if (got == 0) {
        return 0;
    }
    csv_record_unguard(rec);
    return csv_record_check(zFile, rec, nHeader, nRow, err) ? -1 : 1;
}

int
csv_header_map(const char *zFile, const CsvRecord *rec, const CsvColumn *aCol,
               int nCol, const char *zNoun, int *aiCol, AppErr *err)
{
    for (int c = 0; c < nCol; c++) {
        aiCol[c] = -1;
    }
    for (size_t i = 0; i < rec->nField; i++) {
        const char *zH = rec->azField[i];
        int c = 0;
        while (c < nCol && strcmp(zH, aCol[c].zName) != 0) {
            c++;
        }
        if (c == nCol) {
            Buf b = BUF_INIT;
            for (int j = 0; j < nCol; j++) {
                buf_printf(&b, "%s%s", j ? ", " : "", aCol[j].zName);
            }
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line 1, column %zu: unknown "
                       "column '%s' (the columns of %s are %s)",
                       zFile, i + 1, zH, zNoun, buf_str(&b));
            buf_release(&b);
            return -1;
        }
        if (aiCol[c] >= 0) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': line 1, column %zu: "
                              "duplicate column '%s' (also column %d)",
                              zFile, i + 1, zH, aiCol[c] + 1);
        }
        aiCol[c] = (int)i;
    }
    for (int c = 0; c < nCol; c++) {
        if (aCol[c].bRequired && aiCol[c] < 0) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': line 1: missing column "
                              "'%s'",
                              zFile, aCol[c].zName);
        }
    }
    return 0;
}

int
csv_cell_error(const char *zFile, const CsvRecord *rec, const int *aiCol,
               const CsvColumn *aCol, int c, const char *zMsg, AppErr *err)
{
    int i = aiCol[c];
    if (i < 0) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line %d (%s): %s", zFile,
                          rec->iLine, aCol[c].zName, zMsg);
    }
    return apperr_set(err, APPERR_INPUT,
                      "cannot import '%s': line %d, column %d (%s): %s", zFile,
                      rec->aiLine[i], i + 1, aCol[c].zName, zMsg);
}
