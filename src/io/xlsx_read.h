/*
** xlsx_read.h — reading the first sheet of a spreadsheet (.xlsx).
**
** No maintained C reader is packaged in Debian 12, so this is our own, on
** libzip and expat (reference/tech-choices.md, 3.2): shared strings
** (including rich text, without phonetic runs), inline strings, numbers,
** booleans, formula results, dates recognised by their number format
** (built-in and custom, 1900 and 1904 date systems), sparse cells, absolute
** or relative sheet paths, any namespace prefix.  Bounded: each part's
** unpacked size, declared and actually inflated (LIMIT_XLSX_SHEET_BYTES,
** LIMIT_XLSX_STRINGS_BYTES, LIMIT_XLSX_PART_BYTES), the CSV text the sheet
** becomes (LIMIT_XLSX_TEXT_BYTES), each cell's text (LIMIT_FIELD_BYTES)
** and cell references (column XFD, row 1,048,576) are held to limits.h.
*/
#ifndef LMPMON_XLSX_READ_H
#define LMPMON_XLSX_READ_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"

/* Convert the first sheet of the .xlsx file zPath into CSV text appended
** to b (one CSV record per sheet row, empty cells as empty fields; dates
** as YYYY-MM-DD; numbers as written by a person: 1200, 1200.5).  Returns 0
** or -1 with err naming the file and, for bad cells, the cell (B7); a
** workbook beyond a limit is refused having read at most that limit. */
int xlsx_to_csv(const char *zPath, Buf *b, AppErr *err);

/* xlsx_to_csv() of the workbook held in p[0..n) (not copied; it must stay
** until this returns), named zName in messages: an uploaded file. */
int xlsx_to_csv_mem(const char *zName, const void *p, size_t n, Buf *b,
                    AppErr *err);

/* What xlsx_parse_ref() finds wrong with a cell reference. */
enum {
    XLSX_REF_BAD_COLUMN = -1, /* beyond XFD (LIMIT_XLSX_COLUMNS) */
    XLSX_REF_BAD_ROW = -2     /* beyond LIMIT_XLSX_ROWS */
};

/* Exposed for tests: parse a cell reference such as "AB12" into its
** 0-based column *piCol and 1-based row *piRow (0 when it has no digits).
** Without leading capital letters it is no reference: *piCol = -1 and 0
** is returned.  Returns 0, or XLSX_REF_BAD_COLUMN / XLSX_REF_BAD_ROW for a
** column or row no spreadsheet has; never overflows, however long zRef. */
int xlsx_parse_ref(const char *zRef, long *piCol, long *piRow);

/* Exposed for tests: the date YYYY-MM-DD of serial day number v in the
** 1900 (b1904 = 0) or 1904 date system; -1 if out of range. */
int xlsx_serial_to_date(double v, int b1904, char z[11]);

/* Exposed for tests: whether an Excel number format shows a date. */
int xlsx_format_is_date(int numFmtId, const char *zFormatCode);

#endif
