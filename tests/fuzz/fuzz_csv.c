/*
** fuzz_csv.c — the CSV record reader (io/csv.c), under every CSV import.
**
** Reads records until the end or an error, then checks the reader's
** promises: every record has a field, lines only grow, an error has a
** message.  A record read is written back with csv_write_field() and read
** again: the same fields must come back (after csv_unguard(), which undoes
** the writer's formula guard), so an export always re-imports as it was;
** and csv_field_size() must say what csv_write_field() wrote.
*/
#include "fuzz.h"
#include "io/csv.h"

/* Write rec as one CSV line (after a byte-order mark, as exports begin)
** and read it back; the fields must be rec's. */
static void
csv_check_round_trip(const CsvRecord *rec)
{
    /* One empty field is an empty line, which readers skip by design. */
    if (rec->nField == 1 && rec->azField[0][0] == 0) {
        return;
    }
    Buf b = BUF_INIT;
    buf_puts(&b, "\xEF\xBB\xBF");
    for (size_t k = 0; k < rec->nField; k++) {
        if (k) {
            buf_putc(&b, ',');
        }
        size_t n0 = b.n;
        csv_write_field(&b, rec->azField[k]);
        FUZZ_CHECK(b.n - n0 == csv_field_size(rec->azField[k]));
    }
    buf_puts(&b, "\r\n");
    FUZZ_CHECK(!buf_failed(&b));
    CsvReader r;
    CsvRecord again = { 0 };
    AppErr err = APPERR_INIT;
    csv_reader_init(&r, b.z, b.n);
    FUZZ_CHECK(csv_read_record(&r, &again, &err) == 1);
    FUZZ_CHECK(again.nField == rec->nField);
    for (size_t k = 0; k < rec->nField; k++) {
        FUZZ_CHECK(strcmp(csv_unguard(again.azField[k]), rec->azField[k]) == 0);
    }
    FUZZ_CHECK(csv_read_record(&r, &again, &err) == 0);
    csv_record_release(&again);
    buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    CsvReader r;
    CsvRecord rec = { 0 };
    AppErr err = APPERR_INIT;
    /* A NUL byte ends a field's C string early: no round trip then. */
    int bNul = nData && memchr(aData, 0, nData) != NULL;
    int iLast = 0;
    int got;
    csv_reader_init(&r, (const char *)aData, nData);
    while ((got = csv_read_record(&r, &rec, &err)) > 0) {
        FUZZ_CHECK(rec.nField > 0);
        FUZZ_CHECK(rec.iLine > iLast);
        for (size_t k = 0; k < rec.nField; k++) {
            FUZZ_CHECK(rec.aiLine[k] >= rec.iLine);
            FUZZ_CHECK(strlen(rec.azField[k]) <= LIMIT_FIELD_BYTES);
        }
        iLast = rec.iLine;
        if (!bNul) {
            csv_check_round_trip(&rec);
        }
    }
    FUZZ_CHECK(got == 0 || (err.code != APPERR_OK && err.zMsg[0]));
    csv_record_release(&rec);
    return 0;
}
