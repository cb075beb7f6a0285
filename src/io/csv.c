/*
** csv.c — RFC 4180 reader and writer (see csv.h).
*/
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "../base/limits.h"
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
    for (size_t k = 0; k < rec->nField; k++) {
        free(rec->azField[k]);
    }
    rec->nField = 0;
}

static void
csv_push(CsvRecord *rec, Buf *field, int iLine)
{
    if (rec->nField == rec->nAlloc) {
        size_t n = rec->nAlloc ? rec->nAlloc * 2 : 16;
        rec->azField = xreallocarray(rec->azField, n, sizeof *rec->azField);
        rec->aiLine = xreallocarray(rec->aiLine, n, sizeof *rec->aiLine);
        rec->nAlloc = n;
    }
    rec->aiLine[rec->nField] = iLine;
    rec->azField[rec->nField++] = buf_detach(field);
}

int
csv_read_record(CsvReader *r, CsvRecord *rec, AppErr *err)
{
    csv_record_release(rec);
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
    Buf field = BUF_INIT;
    buf_init(&field, LIMIT_FIELD_BYTES);
    int rc = 1;
    for (;;) {
        int iFieldLine = r->iLine;
        size_t iCol = rec->nField + 1;
        if (r->i < r->n && r->z[r->i] == '"') {
            /* Quoted field. */
            r->i++;
            for (;;) {
                if (r->i >= r->n) {
                    rc = apperr_set(err, APPERR_INPUT,
                                    "line %d, column %zu: quoted field not "
                                    "closed before the end of the file",
                                    iFieldLine, iCol);
                    goto out;
                }
                char c = r->z[r->i++];
                if (c == '"') {
                    if (r->i < r->n && r->z[r->i] == '"') {
                        buf_putc(&field, '"');
                        r->i++;
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    r->iLine++;
                }
                buf_putc(&field, c);
            }
            if (r->i < r->n && r->z[r->i] != ',' && r->z[r->i] != '\n' &&
                r->z[r->i] != '\r') {
                rc = apperr_set(err, APPERR_INPUT,
                                "line %d, column %zu: unexpected text after "
                                "the closing quote of a field",
                                r->iLine, iCol);
                goto out;
            }
        } else {
            while (r->i < r->n && r->z[r->i] != ',' && r->z[r->i] != '\n' &&
                   r->z[r->i] != '\r') {
                if (r->z[r->i] == '"') {
                    rc = apperr_set(err, APPERR_INPUT,
                                    "line %d, column %zu: a quote inside an "
                                    "unquoted field (quote the whole field and "
                                    "double the quote)",
                                    r->iLine, iCol);
                    goto out;
                }
                buf_putc(&field, r->z[r->i++]);
            }
        }
        if (buf_failed(&field)) {
            rc = apperr_set(err, APPERR_INPUT,
                            "line %d, column %zu: field longer than %u bytes "
                            "(LIMIT_FIELD_BYTES)",
                            iFieldLine, iCol, LIMIT_FIELD_BYTES);
            goto out;
        }
        csv_push(rec, &field, iFieldLine);
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
out:
    buf_release(&field);
    return rc;
}

void
csv_write_field(Buf *b, const char *z)
{
    size_t n = strlen(z);
    /* A text that already starts with the guard ("'=") gets one more
    ** apostrophe, so csv_unguard() gives it back unchanged. */
    int bGuard = n > 0 && (strchr("=+-@", z[0]) ||
                           (z[0] == '\'' && z[1] && strchr("=+-@", z[1])));
    int bQuote = strpbrk(z, ",\"\r\n") != NULL ||
                 (n > 0 && (z[0] == ' ' || z[n - 1] == ' '));
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

const char *
csv_unguard(const char *z)
{
    if (z[0] == '\'' && z[1] &&
        (strchr("=+-@", z[1]) || (z[1] == '\'' && z[2] && strchr("=+-@", z[2])))) {
        return z + 1;
    }
    return z;
}
