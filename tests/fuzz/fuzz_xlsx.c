/*
** fuzz_xlsx.c — the spreadsheet reader (io/xlsx_read.c): zip, then XML.
**
** xlsx_to_csv() reads a file, so each input becomes a temporary file,
** removed afterwards.  Two kinds of input:
**
**   - bytes starting with "PK": a zip archive, written as it is (real
**     .xlsx files, and what the fuzzer makes of them: damaged archives);
**
**   - anything else: parts in text, each after a line "== NAME", put into
**     a fresh uncompressed archive.  Random bytes rarely make a valid zip
**     (checksums, offsets), so this is how the fuzzer reaches the XML
**     handlers of the workbook, relationships, styles, shared strings and
**     sheet:
**
**         == xl/workbook.xml
**         <workbook><sheets><sheet r:id="rId1"/></sheets></workbook>
**         == xl/_rels/workbook.xml.rels
**         ...
**
** What the reader writes is CSV for the importers: it must read back
** without a syntax error.
*/
#include <unistd.h>

#include <zip.h>

#include "fuzz.h"
#include "io/csv.h"
#include "io/xlsx_read.h"

/* Write the parts of the text a[0..n) as a zip archive to zPath.  Parts
** the archive refuses (a name given twice) are left out. */
static void
xlsx_write_parts(const char *zPath, const uint8_t *a, size_t n)
{
    int ze = 0;
    zip_t *za = zip_open(zPath, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    FUZZ_CHECK(za != NULL);
    const char *z = (const char *)a, *zEnd = z + n;
    /* Find each "== NAME" line: at the start, or after a newline. */
    const char *p = z;
    while (p < zEnd) {
        if (zEnd - p < 3 || memcmp(p, "== ", 3) != 0) {
            const char *nl = memchr(p, '\n', (size_t)(zEnd - p));
            p = nl ? nl + 1 : zEnd;
            continue;
        }
        const char *zName = p + 3;
        const char *nl = memchr(zName, '\n', (size_t)(zEnd - zName));
        const char *zBody = nl ? nl + 1 : zEnd;
        /* The body runs to the next header line, without its newline. */
        const char *q = zBody;
        const char *zBodyEnd = zEnd;
        while (q < zEnd) {
            const char *nl2 = memchr(q, '\n', (size_t)(zEnd - q));
            if (!nl2) {
                break;
            }
            if (zEnd - (nl2 + 1) >= 3 && memcmp(nl2 + 1, "== ", 3) == 0) {
                zBodyEnd = nl2;
                break;
            }
            q = nl2 + 1;
        }
        char *zPart = fuzz_cstr((const uint8_t *)zName,
                                (size_t)((nl ? nl : zEnd) - zName));
        zip_source_t *src =
            zip_source_buffer(za, zBody, (zip_uint64_t)(zBodyEnd - zBody), 0);
        FUZZ_CHECK(src != NULL);
        zip_int64_t i = zPart[0] ? zip_file_add(za, zPart, src, 0) : -1;
        if (i < 0) {
            zip_source_free(src);
        } else {
            (void)zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE,
                                           0);
        }
        free(zPart);
        p = zBodyEnd < zEnd ? zBodyEnd + 1 : zEnd;
    }
    /* The buffers must live until here: libzip reads them on close.  An
    ** archive without entries is not written at all. */
    if (zip_close(za) != 0) {
        zip_discard(za);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    const char *zDir = getenv("TMPDIR");
    char zPath[4096];
    (void)snprintf(zPath, sizeof zPath, "%s/lmpmon-fuzz-XXXXXX",
                   zDir && *zDir ? zDir : "/tmp");
    int fd = mkstemp(zPath);
    FUZZ_CHECK(fd >= 0);
    if (nData >= 2 && aData[0] == 'P' && aData[1] == 'K') {
        FUZZ_CHECK(write(fd, aData, nData) == (ssize_t)nData);
        (void)close(fd);
    } else {
        (void)close(fd);
        xlsx_write_parts(zPath, aData, nData);
    }
    Buf b = BUF_INIT;
    AppErr err = APPERR_INIT;
    if (xlsx_to_csv(zPath, &b, &err) == 0) {
        CsvReader r;
        CsvRecord rec = { 0 };
        int got;
        csv_reader_init(&r, b.z, b.n);
        while ((got = csv_read_record(&r, &rec, &err)) > 0) {
        }
        if (got < 0) {
            (void)fprintf(stderr, "csv: %s\n", err.zMsg);
        }
        FUZZ_CHECK(got == 0);
        csv_record_release(&rec);
    } else {
        FUZZ_CHECK(err.code != APPERR_OK && err.zMsg[0]);
    }
    buf_release(&b);
    (void)unlink(zPath);
    return 0;
}
