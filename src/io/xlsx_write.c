/*
** xlsx_write.c — the streaming spreadsheet writer (see xlsx_write.h).
**
** libxlsxwriter's constant_memory mode writes each row as it is finished
** and stores strings inline (tech-choices.md, 3.1).  Dates are real date
** cells (serial numbers with a date format) so spreadsheets sort and
** filter them; amounts are numbers with two decimals.
*/
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "xlsx_write.h"
#include "../base/base.h"
#include "../base/file.h"
#include "../base/banned.h"

struct XlsxOut {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *fBold, *fDate, *fAmount;
    char *zPath, *zTmp;
    lxw_row_t row;
    lxw_col_t col;
};

/* Open x's workbook on x->zTmp; 0, or -1 with err (x freed). */
static int
xlsx_out_open(XlsxOut *x, const char *zSheet, AppErr *err)
{
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
    x->wb = workbook_new_opt(x->zTmp, &opt);
    if (!x->wb) {
        apperr_set(err, APPERR_IO, "cannot write '%s'",
                   x->zPath ? x->zPath : x->zTmp);
        if (!x->zPath) {
            (void)unlink(x->zTmp);
        }
        free(x->zPath);
        free(x->zTmp);
        free(x);
        return -1;
    }
    x->ws = workbook_add_worksheet(x->wb, zSheet);
    x->fBold = workbook_add_format(x->wb);
    format_set_bold(x->fBold);
    x->fDate = workbook_add_format(x->wb);
    format_set_num_format(x->fDate, "yyyy-mm-dd");
    x->fAmount = workbook_add_format(x->wb);
    format_set_num_format(x->fAmount, "0.00");
    return 0;
}

XlsxOut *
xlsx_out_new(const char *zPath, const char *zSheet, AppErr *err)
{
    XlsxOut *x = xcalloc(1, sizeof *x);
    x->zPath = xstrdup(zPath);
    Buf t = BUF_INIT;
    buf_printf(&t, "%s.tmp.%ld", zPath, (long)getpid());
    x->zTmp = buf_detach(&t);
    return xlsx_out_open(x, zSheet, err) ? NULL : x;
}

XlsxOut *
xlsx_out_new_mem(const char *zSheet, AppErr *err)
{
    const char *zDir = getenv("TMPDIR");
    Buf t = BUF_INIT;
    buf_printf(&t, "%s/lmpmon-xlsx-XXXXXX", zDir && *zDir ? zDir : "/tmp");
    char *zTmp = buf_detach(&t);
    int fd = mkstemp(zTmp);
    if (fd < 0) {
        apperr_set(err, APPERR_IO, "cannot make a temporary file in '%s'",
                   zDir && *zDir ? zDir : "/tmp");
        free(zTmp);
        return NULL;
    }
    (void)close(fd);
    XlsxOut *x = xcalloc(1, sizeof *x);
    x->zTmp = zTmp;
    return xlsx_out_open(x, zSheet, err) ? NULL : x;
}

int
xlsx_out_take(XlsxOut *x, Buf *b, AppErr *err)
{
    lxw_error e = workbook_close(x->wb);
    int rc = 0;
    if (e != LXW_NO_ERROR) {
        apperr_set(err, APPERR_IO, "cannot write a spreadsheet");
        rc = apperr_detail(err, "libxlsxwriter: %s", lxw_strerror(e));
    } else {
        int fd = open(x->zTmp, O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) {
            rc = apperr_set(err, APPERR_IO, "cannot read back '%s'", x->zTmp);
        } else {
            size_t nWas = b->n;
            char aChunk[16384];
            ssize_t nRead;
            while ((nRead = read(fd, aChunk, sizeof aChunk)) > 0) {
                buf_append(b, aChunk, (size_t)nRead);
            }
            if (nRead < 0 || buf_failed(b)) {
                buf_truncate(b, nWas);
                rc = apperr_set(err, APPERR_IO, "cannot read back '%s'",
                                x->zTmp);
            }
        }
        if (fd >= 0) {
            (void)close(fd);
        }
    }
    (void)unlink(x->zTmp);
    free(x->zTmp);
    free(x);
    return rc;
}

void
xlsx_out_header(XlsxOut *x, const char *z)
{
    (void)worksheet_write_string(x->ws, x->row, x->col++, z, x->fBold);
}

void
xlsx_out_text(XlsxOut *x, const char *z)
{
    if (z && *z) {
        (void)worksheet_write_string(x->ws, x->row, x->col, z, NULL);
    }
    x->col++;
}

void
xlsx_out_number(XlsxOut *x, double v)
{
    (void)worksheet_write_number(x->ws, x->row, x->col++, v, NULL);
}

void
xlsx_out_date(XlsxOut *x, const char *zIso)
{
    if (zIso && str_is_date(zIso)) {
        lxw_datetime dt = { 0, 0, 0, 0, 0, 0 };
        dt.year = (zIso[0] - '0') * 1000 + (zIso[1] - '0') * 100 +
                  (zIso[2] - '0') * 10 + (zIso[3] - '0');
        dt.month = (zIso[5] - '0') * 10 + (zIso[6] - '0');
        dt.day = (zIso[8] - '0') * 10 + (zIso[9] - '0');
        (void)worksheet_write_datetime(x->ws, x->row, x->col, &dt, x->fDate);
    }
    x->col++;
}

void
xlsx_out_amount(XlsxOut *x, int64_t minor)
{
    (void)worksheet_write_number(x->ws, x->row, x->col++, (double)minor / 100.0,
                                 x->fAmount);
}

void
xlsx_out_row(XlsxOut *x)
{
    x->row++;
    x->col = 0;
}

int
xlsx_out_close(XlsxOut *x, AppErr *err)
{
    lxw_error e = workbook_close(x->wb);
    int rc = 0;
    if (e != LXW_NO_ERROR) {
        apperr_set(err, APPERR_IO, "cannot write '%s'", x->zPath);
        rc = apperr_detail(err, "libxlsxwriter: %s", lxw_strerror(e));
        (void)unlink(x->zTmp);
    } else if (file_is_special(x->zPath)) {
        /* A device or a pipe is written into, never renamed over. */
        if (file_copy_into(x->zTmp, x->zPath)) {
            rc = apperr_set(err, APPERR_IO, "cannot write '%s'", x->zPath);
            apperr_detail(err, "%s: %s", x->zPath, strerror(errno));
        }
        (void)unlink(x->zTmp);
    } else if (rename(x->zTmp, x->zPath) != 0) {
        rc = apperr_set(err, APPERR_IO, "cannot write '%s'", x->zPath);
        (void)unlink(x->zTmp);
    }
    free(x->zPath);
    free(x->zTmp);
    free(x);
    return rc;
}
