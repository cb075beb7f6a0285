# Hostile spreadsheets are refused early, naming file and cell, within
# bounded memory, and leave the database as it was: a sheet that unpacks
# to gigabytes (declared, or hidden behind a lying zip directory), one
# shared string referenced by every cell, cell references beyond the last
# column (XFD) or row (1,048,576) of a spreadsheet, including ones that
# would overflow a long, over-long cell text, and a DOCTYPE.
. "$(dirname "$0")/lib.sh"

MK="python3 $SRC/tests/cli/mkxlsx.py"
"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
before=$(db_state d)

# refuse FILE MB TEXT: case import of FILE fails with TEXT within MB of
# memory, and the database is unchanged.
refuse() {
    run_bounded "$2" --db "$(db d)" case import "$1"
    expect_status 1
    expect_err "$3"
    [ "$before" = "$(db_state d)" ] || fail "$1 changed the database"
    echo "$1: peak ${peak_kb:-?} KB"
}

# A sheet of 300 MiB of blanks in a file of 300 KB: refused by the size its
# directory entry declares, before inflating anything.
$MK sheet-bomb sheet.xlsx 300 || fail "mkxlsx"
[ "$(wc -c <sheet.xlsx)" -lt 2000000 ] || fail "the bomb is not small"
refuse sheet.xlsx 100 "cannot import 'sheet.xlsx': the workbook's sheet unpacks to more than 256 MiB (LIMIT_XLSX_SHEET_BYTES)"

# The same, but the directory says 1,000 bytes: refused by counting the
# bytes inflated, having read no more than the limit.
$MK lying-bomb lying.xlsx 300 || fail "mkxlsx"
refuse lying.xlsx 100 "cannot import 'lying.xlsx': the workbook's sheet unpacks to more than 256 MiB (LIMIT_XLSX_SHEET_BYTES)"

# One 28 KiB shared string referenced by 75,000 cells is 2 GiB of text
# from a 10 KB file: refused at the cell where the text passes the limit.
$MK sst-bomb strings.xlsx 28 75000 || fail "mkxlsx"
refuse strings.xlsx 300 "the sheet comes to more than 128 MiB of text (LIMIT_XLSX_TEXT_BYTES)"
expect_err "cannot import 'strings.xlsx': cell A"

# Cell references beyond the sheet: FXSHRXW is column 2,147,483,647 (a
# 17 GB row), the Z run overflows a 64-bit long.
$MK cell col.xlsx FXSHRXW2 || fail "mkxlsx"
refuse col.xlsx 50 "cannot import 'col.xlsx': cell FXSHRXW2: column beyond XFD, the last column of a spreadsheet (LIMIT_XLSX_COLUMNS)"
$MK cell zzz.xlsx ZZZZZZZZZZZZZZ1 || fail "mkxlsx"
refuse zzz.xlsx 50 "cannot import 'zzz.xlsx': cell ZZZZZZZZZZZZZZ1: column beyond XFD"
$MK cell xfe.xlsx XFE2 || fail "mkxlsx"
refuse xfe.xlsx 50 "cell XFE2: column beyond XFD"
$MK cell row.xlsx A1048577 || fail "mkxlsx"
refuse row.xlsx 50 "cannot import 'row.xlsx': cell A1048577: row beyond 1048576, the last row of a spreadsheet (LIMIT_XLSX_ROWS)"
$MK row rowattr.xlsx 99999999999999999999999 || fail "mkxlsx"
refuse rowattr.xlsx 50 "cannot import 'rowattr.xlsx': row 99999999999999999999: beyond row 1048576"
# The last column itself is a column: the row is refused by the CSV
# checks for its width, not for the reference.
$MK cell xfd.xlsx XFD2 || fail "mkxlsx"
refuse xfd.xlsx 50 "cannot import 'xfd.xlsx': line 2, column 1001: more than 1000 fields in one record (LIMIT_CSV_FIELDS)"

# Texts longer than LIMIT_FIELD_BYTES, shared or inline, are refused rather
# than cut short.
$MK sst-bomb long.xlsx 40 10 || fail "mkxlsx"
refuse long.xlsx 50 "cannot import 'long.xlsx': shared string 0: longer than 32768 bytes (LIMIT_FIELD_BYTES)"
$MK inline inline.xlsx 40 || fail "mkxlsx"
refuse inline.xlsx 50 "cannot import 'inline.xlsx': cell A2: text longer than 32768 bytes (LIMIT_FIELD_BYTES)"

# Spreadsheets have no DOCTYPE; one could declare entities.
$MK doctype doctype.xlsx || fail "mkxlsx"
refuse doctype.xlsx 50 "cannot import 'doctype.xlsx': sheet, line 1: a document type declaration, which spreadsheets never have"

finish
