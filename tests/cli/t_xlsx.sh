# Spreadsheets: cases exported as .xlsx come back identical; a workbook
# written by another program (shared strings with rich text and phonetic
# runs, sparse cells, a custom date format, an absolute sheet path,
# namespace prefixes, _xHHHH_ escapes) is read right; a file that is not a
# spreadsheet is refused clearly.  A plan's annex table as a workbook is
# imported as its CSV would be, its messages naming the sheet's rows.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db a)" init --sample cambodia-lmp-2015-2018 >/dev/null
"$LMPMON" sample complaints --cases 200 --seed 5 --out s.csv
"$LMPMON" --db "$(db a)" case import s.csv >/dev/null || fail "csv import"
run --db "$(db a)" case export --out s.xlsx
expect_status 0
unzip -l s.xlsx >/dev/null 2>&1 || fail "the export is not a zip archive"
"$LMPMON" --db "$(db b)" init >/dev/null
"$LMPMON" --db "$(db b)" import "$SAMPLE/plan.json" >/dev/null
run --db "$(db b)" case import s.xlsx
expect_status 0
expect_out "imported 200 cases"
"$LMPMON" --db "$(db a)" case export --out a.csv
"$LMPMON" --db "$(db b)" case export --out b.csv
cmp -s a.csv b.csv || fail "cases changed on the way through a spreadsheet"

# A workbook as another program writes it.
mkdir -p w/_rels w/xl/_rels w/xl/ws
cat >w/'[Content_Types].xml' <<'XML'
<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
XML
cat >w/xl/workbook.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Register" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>
XML
cat >w/xl/_rels/workbook.xml.rels <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/ws/data.xml"/></Relationships>
XML
cat >w/xl/styles.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="[$-409]d\-mmm\-yy;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="4"/></cellXfs></styleSheet>
XML
cat >w/xl/sharedStrings.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>case_no</t></si><si><t>lodged_on</t></si><si><t>sex</t></si><si><t>province</t></si><si><t>compensation_ordered</t></si><si><r><t>Prey</t></r><r><t xml:space="preserve"> Veng</t></r><rPh><t>ignored</t></rPh></si><si><t>W</t></si><si><t>Kampong_x0020_Cham</t></si></sst>
XML
cat >w/xl/ws/data.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>XL-1</t></is></c><c r="B2" s="1"><v>45306</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>5</v></c><c r="E2" s="2"><v>1200.5</v></c></row>
<row r="4"><c r="A4" t="str"><v>XL-2</v></c><c r="B4" s="1"><v>45307</v></c><c r="D4" t="s"><v>7</v></c></row>
</sheetData></worksheet>
XML
(cd w && zip -q -r ../other.xlsx '[Content_Types].xml' _rels xl) || fail "zip"
"$LMPMON" --db "$(db c)" init >/dev/null
"$LMPMON" --db "$(db c)" import "$SAMPLE/plan.json" >/dev/null
run --db "$(db c)" case import other.xlsx
expect_status 0
expect_out "imported 2 cases"
"$LMPMON" --db "$(db c)" case export --out c.csv
grep -q '^XL-1,2024-01-15,,female,unknown,,Prey Veng,,unknown,0.00,1200.50,0.00,USD' c.csv ||
    fail "XL-1 read wrongly: $(grep '^XL-1' c.csv)"
grep -q '^XL-2,2024-01-16,,unknown,unknown,,Kampong Cham,' c.csv ||
    fail "XL-2 read wrongly: $(grep '^XL-2' c.csv)"

# The complaints report as a spreadsheet reads back as its CSV.
run --db "$(db a)" report complaints --out r.xlsx
expect_status 0
"$LMPMON" --db "$(db a)" report complaints --format csv --out r.csv
mkdir -p rx && (cd rx && unzip -q ../r.xlsx) || fail "unzip"
grep -q '<t>pct_satisfied_within_3_months</t>' rx/xl/worksheets/sheet1.xml || fail "xlsx report header"
n=$(grep -o '<row ' rx/xl/worksheets/sheet1.xml | wc -l)
[ "$n" = "$(grep -c . r.csv)" ] || fail "xlsx report has $n rows, CSV $(grep -c . r.csv)"

# Not a spreadsheet; a spreadsheet with a bad cell.
printf 'hello' >fake.xlsx
run --db "$(db c)" case import fake.xlsx
expect_status 1
expect_err "cannot import 'fake.xlsx': not a spreadsheet"
sed -i 's|<v>45307</v>|<v>oops</v>|; s|s="1"><v>oops|t="e"><v>#DIV/0!|' w/xl/ws/data.xml
rm -f bad.xlsx
(cd w && zip -q -r ../bad.xlsx '[Content_Types].xml' _rels xl)
run --db "$(db c)" case import bad.xlsx
expect_status 1
expect_err "cell B4 holds the error #DIV/0!"

# An annex table as a workbook's first sheet: read as its CSV, the sheet's
# rows the lines of the messages.
"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null
python3 - "$SAMPLE/annex.csv" <<'PY' || fail "cannot write the annex rows"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[:4]
rows[2][rows[0].index("activity")] = "Changed in a workbook"
csv.writer(open("few.csv", "w", newline="")).writerows(rows)
rows[1][rows[0].index("2016:rating")] = "On track?"
csv.writer(open("badrow.csv", "w", newline="")).writerows(rows)
PY
python3 "$SRC/tests/cli/csv_to_xlsx.py" few.csv annex.xlsx || fail "csv_to_xlsx"
python3 "$SRC/tests/cli/csv_to_xlsx.py" badrow.csv badannex.xlsx || fail "csv_to_xlsx"
run --db "$(db d)" import --dry-run annex.xlsx
expect_status 0
expect_out "would import 'annex.xlsx': 1 change (1 text) in 1 activity"
run --db "$(db d)" import badannex.xlsx
expect_status 1
expect_err "cannot import 'badannex.xlsx': line 2, column 14 (2016:rating): unknown rating 'On track?'"
cp annex.xlsx annex.data
run --db "$(db d)" import --format xlsx annex.data
expect_status 0
expect_out "imported 'annex.data': 1 change (1 text) in 1 activity"
run --db "$(db d)" import fake.xlsx
expect_status 1
expect_err "cannot import 'fake.xlsx': not a spreadsheet"

finish
