/*
** csv.h — RFC 4180 CSV reading and writing.
**
** Hand-written rather than libcsv, which keeps the UTF-8 byte-order mark
** and trims spaces (reference/tech-choices.md, section 4).  The reader
** accepts what spreadsheets write: a BOM, CRLF or LF line ends, quoted
** fields with commas, quotes ("") and newlines.  It refuses, with the line
** and column, an unterminated quoted field, a stray quote, a field longer
** than LIMIT_FIELD_BYTES, and a record of more than LIMIT_CSV_FIELDS fields
** or LIMIT_CSV_RECORD_BYTES bytes (checked as it is read, so one record
** never costs more memory than that).  Completely empty lines are skipped.
*/
#ifndef LMPMON_CSV_H
#define LMPMON_CSV_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"

typedef struct CsvRecord {
    char **azField; /* NUL-terminated fields, pointing into data */
    int *aiLine;    /* line on which each field starts */
    size_t nField;
    size_t nAlloc;
    int iLine;     /* line on which the record starts */
    Buf data;      /* the record's fields, NUL-separated; reused */
    size_t *aiOff; /* field offsets in data while reading */
} CsvRecord;

typedef struct CsvReader {
    const char *z; /* the whole input (not owned) */
    size_t n;
    size_t i;  /* next byte to read */
    int iLine; /* current line, 1-based */
} CsvReader;

/* Start reading z[0..n); skips a UTF-8 byte-order mark. */
void csv_reader_init(CsvReader *r, const char *z, size_t n);

/* Read the next record into rec (its previous fields are replaced; the
** memory is reused, so reading a million rows allocates almost nothing).
** Returns 1 for a record, 0 at the end of input, -1 on a syntax error
** (err names line and column; the caller adds the file name). */
int csv_read_record(CsvReader *r, CsvRecord *rec, AppErr *err);

/* Free everything rec holds; rec is empty (all zero) and can be reused. */
void csv_record_release(CsvRecord *rec);

/* Append z as one CSV field to b: quoted when it holds a comma, quote, CR,
** LF or leading/trailing space.  A field starting like a formula ('=',
** '+', '-', '@', TAB or CR) gets a leading apostrophe so spreadsheet
** programs show it as text instead of running it; so does one starting
** with apostrophes followed by those ("'=x" is written "''=x"), which
** makes csv_unguard() the exact inverse for every text. */
void csv_write_field(Buf *b, const char *z);

/* The number of bytes csv_write_field(b, z) appends. */
size_t csv_field_size(const char *z);

/* Undo csv_write_field()'s guard: if z is apostrophes followed by a
** formula start ("'=...", "''-..."), z without its first apostrophe; else
** z itself.  Apply it once to each field read. */
const char *csv_unguard(const char *z);

/* csv_unguard() every field of rec, in place (call it once per record). */
void csv_record_unguard(CsvRecord *rec);

/* A column a table file may have: its name in the header, and whether a
** file must have it. */
typedef struct CsvColumn {
    const char *zName; /* "date" */
    int bRequired;
} CsvColumn;

/* Map header rec of zFile onto the columns aCol[0..nCol): aiCol[c] is the
** file's column of aCol[c], -1 when the file lacks it.  Refuses, naming
** file, line 1 and column: an unknown column (listing those of zNoun, the
** kind of file), a column twice, a required column missing. */
int csv_header_map(const char *zFile, const CsvRecord *rec,
                   const CsvColumn *aCol, int nCol, const char *zNoun,
                   int *aiCol, AppErr *err);

/* Fill err for a bad cell of column c (of aCol, mapped by aiCol) in data
** row rec of zFile: "cannot import 'F': line L, column N (NAME): MSG", or
** "line L (NAME)" when the file lacks the column (a rule needs it).
** Returns -1. */
int csv_cell_error(const char *zFile, const CsvRecord *rec, const int *aiCol,
                   const CsvColumn *aCol, int c, const char *zMsg, AppErr *err);

/* Read the header line of table file zFile (documented in
** docs/formats/zDoc) into rec, unguarded: 1; or, naming the file, 0 with
** err when the file is empty, -1 with err when it cannot be read. */
int csv_read_header(CsvReader *r, CsvRecord *rec, const char *zFile,
                    const char *zDoc, AppErr *err);

/* Read the next data row of zFile into rec, unguarded and checked as
** csv_record_check() (the nRow-th after a header of nHeader columns): 1;
** 0 at the end of the file; -1 with err naming file, line and column. */
int csv_read_row(CsvReader *r, CsvRecord *rec, const char *zFile,
                 size_t nHeader, long nRow, AppErr *err);

/* Check data row rec of zFile, the nRow-th (0-based) after a header of
** nHeader columns, as every table import does: as many fields as the
** header, at most LIMIT_IMPORT_ROWS rows, valid UTF-8 in every field.
** 0, or -1 with err naming file, line and column. */
int csv_record_check(const char *zFile, const CsvRecord *rec, size_t nHeader,
                     long nRow, AppErr *err);

#endif
