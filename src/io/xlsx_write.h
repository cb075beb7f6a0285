/*
** xlsx_write.h — spreadsheets written with libxlsxwriter.
**
** A small table writer over libxlsxwriter so callers think in header,
** text, number, date and amount cells.  The workbook is written to a
** temporary file next to the target and renamed into place when complete,
** so a reader never sees half a file.  Rows stream out (constant memory),
** so a million-row sheet does not sit in memory.
*/
#ifndef LMPMON_XLSX_WRITE_H
#define LMPMON_XLSX_WRITE_H

#include <stdint.h>

#include "../base/apperr.h"

typedef struct XlsxOut XlsxOut;

/* Start a workbook for zPath with one sheet named zSheet; NULL + err. */
XlsxOut *xlsx_out_new(const char *zPath, const char *zSheet, AppErr *err);

/* Cells of the current row, left to right; xlsx_out_row() ends the row. */
void xlsx_out_header(XlsxOut *x, const char *z); /* bold */
void xlsx_out_text(XlsxOut *x, const char *z);
void xlsx_out_number(XlsxOut *x, double v);
void xlsx_out_date(XlsxOut *x, const char *zIso); /* YYYY-MM-DD or "" */
void xlsx_out_amount(XlsxOut *x, int64_t minor);  /* 0.00 format */
void xlsx_out_row(XlsxOut *x);

/* Finish: write the file and rename it into place.  0 or -1 with err;
** frees x either way.  Not for a workbook of xlsx_out_new_mem(). */
int xlsx_out_close(XlsxOut *x, AppErr *err);

/* Start a workbook to be handed over as bytes (a download): written to a
** new temporary file of the system's ($TMPDIR, else /tmp), which
** xlsx_out_take() reads back and removes.  NULL + err. */
#include "../base/buf.h"
XlsxOut *xlsx_out_new_mem(const char *zSheet, AppErr *err);

/* Finish a workbook of xlsx_out_new_mem(): append the whole file to b and
** remove it.  0, or -1 with err (nothing appended); frees x either way. */
int xlsx_out_take(XlsxOut *x, Buf *b, AppErr *err);

#endif
