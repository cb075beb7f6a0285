# 'lmpmon report review --format pdf|docx': the printable review.  The
# sample's PDF fits in 30 A4 pages, holds every per-area sentence and
# every count of the CSV, embeds its fonts, never ends a page on a heading
# and repeats the annex's table header on each landscape page; Khmer text
# is set in a Khmer font.  The DOCX is well-formed, opens in LibreOffice
# and holds the same figures.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
run --db "$(db s)" report review --round 2017 --compare 2016 --format md
cp out.txt r.md
run --db "$(db s)" report review --round 2017 --compare 2016 --format csv
cp out.txt r.csv

# ---- The PDF ---------------------------------------------------------------
run --db "$(db s)" report review --round 2017 --compare 2016 --format pdf --out r.pdf
expect_status 0
# --out's extension picks the format too.
run --db "$(db s)" report review --round 2017 --out r2.pdf
expect_status 0
head -c 5 r2.pdf | grep -q '^%PDF-' || fail "--out x.pdf is not a PDF"

pdfinfo r.pdf >info.txt 2>&1 || fail "pdfinfo cannot read the PDF: $(cat info.txt)"
pages=$(awk '/^Pages:/ {print $2}' info.txt)
[ "${pages:-99}" -le 30 ] || fail "the sample review has $pages pages (at most 30)"
grep -q '^Page size: *595.* x 841.* (A4)' info.txt || fail "not A4: $(grep size info.txt)"
grep -q '^Title: *2017 progress review' info.txt || fail "no title in the PDF's metadata"
# Portrait pages, then the annex on landscape ones.
pdfinfo -f 1 -l "$pages" r.pdf >sizes.txt
grep -q "^Page *3 size: *595.* x 841" sizes.txt || fail "page 3 is not portrait A4"
grep -q "^Page *$pages size: *841.* x 595" sizes.txt || fail "the last (annex) page is not landscape A4"

# Every page but the cover says which page it is, of how many.
pdftotext -layout r.pdf r.txt
[ "$(grep -c "page [0-9]* of $pages\$" r.txt)" = $((pages - 1)) ] ||
    fail "expected 'page N of $pages' on every page but the cover"
# The contents gives the page of each chapter: the annex starts where it says.
annex_page=$(grep -m1 '^ *Annex: activities' r.txt | awk '{print $NF}')
pdftotext -layout -f "$annex_page" -l "$annex_page" r.pdf p.txt
grep -q '^ *Annex: activities, responsible bodies' p.txt ||
    fail "the contents puts the annex on page $annex_page, but it is not there"
grep -q 'Policy on Labour Migration for Cambodia' p.txt || fail "no running header"

# Every per-area sentence, with its figures, as the Markdown has it.
tr '\n' ' ' <r.txt | tr -s ' ' >flat.txt
grep '^- In \|^- Overall' r.md | sed 's/^- //' >sentences.txt
[ "$(wc -l <sentences.txt)" = 12 ] || fail "expected 12 sentences in the Markdown (7 of status, 5 of change)"
while IFS= read -r s; do
    grep -qF -- "$s" flat.txt || fail "the PDF lacks: $s"
done <sentences.txt
# Every count of the CSV, on its table row: "17% (2 of 12)" for each status
# and "progressing or on target", percentages rounded half away from zero.
tr -d '\r' <r.csv | awk -F, 'NR > 1 {
    pos = $5 + $6; t = $9
    row = ""
    split($5 "," $6 "," $7 "," $8 "," pos, n, ",")
    for (k = 1; k <= 5; k++)
        row = row sprintf("%d%% (%d of %d) +", t ? int(100 * n[k] / t + 0.5) : 0, n[k], t)
    print $1 "|" row
}' >rows.txt
[ "$(wc -l <rows.txt)" = 14 ] || fail "expected 14 CSV rows (7 per round)"
while IFS='|' read -r round row; do
    pat=$(printf '%s' "$row" | sed 's/ +$//; s/(/[(]/g; s/)/[)]/g')
    grep -Eq -- "$pat" r.txt || fail "no table row with $row (round $round)"
done <rows.txt

# The fonts are embedded (cairo subsets them): DejaVu for Latin text.
pdffonts r.pdf >fonts.txt
grep -q DejaVuSans fonts.txt || fail "no DejaVu Sans: $(cat fonts.txt)"
awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' fonts.txt ||
    fail "a font is not embedded: $(cat fonts.txt)"

# The headings (the DOCX names them by style: the same blocks as the PDF).
run --db "$(db s)" report review --round 2017 --compare 2016 --format docx --out r.docx
expect_status 0
rm -rf dx && mkdir dx && (cd dx && unzip -q ../r.docx) || fail "the DOCX is not a zip"
xmllint --xpath '//*[local-name()="p"][*[local-name()="pPr"]/*[local-name()="pStyle"][starts-with(@*[local-name()="val"],"Heading")]]' \
    dx/word/document.xml 2>/dev/null | sed 's/<\/w:p>/\n/g; s/<[^>]*>//g' |
    sed 's/&amp;/\&/g; s/&#39;/'"'"'/g; s/&quot;/"/g' | tr -s ' ' | grep . >headings.txt
[ "$(wc -l <headings.txt)" -ge 30 ] || fail "expected 30 or more headings, got $(wc -l <headings.txt)"
grep -qx 'Changes from 2016 to 2017' headings.txt || fail "headings.txt: $(head -3 headings.txt)"
# No page ends with a heading: after a heading's line on a page comes
# something that is not the heading itself (the footer aside).
n=3
while [ "$n" -le "$pages" ]; do
    pdftotext -layout -f "$n" -l "$n" r.pdf - |
        grep -v "page $n of $pages\$" | sed 's/^ *//; s/ *$//' | tr -s ' ' | grep . >page.txt
    awk -v page="$n" '
        FNR == NR { h[++nh] = $0; next }
        { line[++nl] = $0 }
        END {
            for (i = 2; i <= nl; i++)
                for (k = 1; k <= nh; k++) {
                    if (index(h[k], line[i]) != 1) continue
                    rest = 0
                    for (j = i + 1; j <= nl; j++)
                        if (index(h[k], line[j]) == 0) rest = 1
                    if (!rest) { print "page " page " ends with the heading: " h[k]; exit 1 }
                }
        }' headings.txt page.txt || fail "$(cat page.txt | tail -3)"
    n=$((n + 1))
done
# Each landscape (annex) page repeats the table header above its rows.
n=$annex_page
while [ "$n" -le "$pages" ]; do
    pdftotext -layout -f "$n" -l "$n" r.pdf page.txt
    grep -q 'Activity *Responsible *Partners *Action point 2017 *Progress 2017 *Rating *Rating' page.txt ||
        fail "annex page $n has no table header"
    n=$((n + 1))
done

# ---- The DOCX --------------------------------------------------------------
for part in $(cd dx && find . -name '*.xml' -o -name '*.rels'); do
    xmllint --noout "dx/$part" 2>xml.err || fail "DOCX part $part is not well-formed: $(head -3 xml.err)"
done
grep -q '<w:tblHeader/>' dx/word/document.xml || fail "no repeated table header row"
grep -q 'w:orient="landscape"' dx/word/document.xml || fail "no landscape section"
grep -q 'w:styleId="Heading1"' dx/word/styles.xml || fail "no Heading 1 style"
grep -q 'NUMPAGES' dx/word/footer1.xml || fail "no page count in the footer"
[ -s dx/word/media/figure1.png ] && [ -s dx/word/media/figure2.png ] || fail "figures missing"
head -c 8 dx/word/media/figure1.png | grep -q PNG || fail "figure 1 is not a PNG"

# LibreOffice opens it: converted to PDF, the text holds the figures.
export HOME="$SCRATCH/home"
mkdir -p "$HOME"
soffice --headless --convert-to pdf --outdir lo r.docx >lo.log 2>&1 ||
    fail "LibreOffice cannot convert the DOCX: $(tail -3 lo.log)"
[ -s lo/r.pdf ] || fail "LibreOffice wrote no PDF: $(tail -3 lo.log)"
pdftotext -layout lo/r.pdf lo.txt
tr '\n' ' ' <lo.txt | tr -s ' ' >loflat.txt
while IFS= read -r s; do
    grep -qF -- "$s" loflat.txt || fail "the DOCX lacks: $s"
done <sentences.txt
while IFS='|' read -r round row; do
    pat=$(printf '%s' "$row" | sed 's/ +$//; s/(/[(]/g; s/)/[)]/g')
    grep -Eq -- "$pat" lo.txt || fail "the DOCX has no table row with $row (round $round)"
done <rows.txt
grep -q 'Figure 1: Status of activities by area, 2017 progress review' lo.txt ||
    fail "the DOCX lacks figure 1's caption"
[ "$(pdfimages -list lo/r.pdf | awk 'NR > 2 && $3 == "image"' | wc -l)" -ge 2 ] ||
    fail "the converted DOCX lacks the two figures: $(pdfimages -list lo/r.pdf)"
# Its contents has page numbers (PAGEREF fields), the annex's among them.
grep -Eq 'Annex: activities, responsible bodies, partners and progress\.*[0-9]+' lo.txt ||
    fail "the DOCX's contents has no page numbers"

# ---- Khmer, and a row taller than a page -----------------------------------
"$LMPMON" --db "$(db k)" init >/dev/null
long=$(i=0; while [ $i -lt 160 ]; do printf 'The provincial working group met and reported progress on item %d. ' $i; i=$((i + 1)); done)
cat >k.json <<JSON
{"lmpmon": 1, "organisations": [{"acronym": "MOLVT", "name": "ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ", "kind": "government"}],
 "plans": [{"code": "km", "title": "ផែនការសកម្មភាព Labour migration",
  "levels": [{"name": "area"}, {"name": "activity"}],
  "rounds": [{"code": "r1", "title": "Review 2024", "state": "open", "as_of": "2024-06-30"}],
  "nodes": [{"code": "1", "level": "area", "text": "ក្របខ័ណ្ឌអន្តរជាតិ",
   "children": [
    {"code": "1.1", "level": "activity", "text": "Train labour inspectors",
     "responsible": ["MOLVT"],
     "assessments": [{"round": "r1", "progress": "របាយការណ៍វឌ្ឍនភាព ប្រចាំឆ្នាំ <b>A&B</b> 'q'", "rating": "Progressing"}]},
    {"code": "1.2", "level": "activity", "text": "Report every province",
     "responsible": ["MOLVT"],
     "assessments": [{"round": "r1", "progress": "$long END-OF-NARRATIVE", "rating": "On Target"}]}]}]}]}
JSON
"$LMPMON" --db "$(db k)" import k.json >import.txt 2>&1 || fail "k.json: $(cat import.txt)"
run --db "$(db k)" report review --round r1 --out k.pdf
expect_status 0
pdffonts k.pdf >kfonts.txt
grep -q 'KhmerOS' kfonts.txt || fail "no Khmer font in the PDF: $(cat kfonts.txt)"
pdftotext k.pdf k.txt
grep -q 'ក្របខ័ណ្ឌ' k.txt || fail "the Khmer area name is not in the PDF's text"
grep -q 'END-OF-NARRATIVE' k.txt || fail "the end of a row taller than a page is lost"
kpages=$(pdfinfo k.pdf | awk '/^Pages:/ {print $2}')
# The tall row runs over several landscape pages, each with the header.
[ "$(grep -c 'page [0-9]* of' k.txt)" -ge 1 ] || fail "no footer in k.pdf"
n=$(pdftotext -layout k.pdf - | grep -c 'Activity *Responsible *Partners')
[ "$n" -ge 2 ] || fail "a row taller than a page: the header is not repeated ($n)"
[ "$kpages" -ge 5 ] || fail "expected the long narrative over several pages ($kpages)"
run --db "$(db k)" report review --round r1 --format docx --out k.docx
expect_status 0
# Markup in the data stays text: every part still parses.
rm -rf kx && mkdir kx && (cd kx && unzip -q ../k.docx) || fail "k.docx is not a zip"
for part in $(cd kx && find . -name '*.xml' -o -name '*.rels'); do
    xmllint --noout "kx/$part" 2>xml.err || fail "k.docx part $part: $(head -3 xml.err)"
done
grep -qF '&lt;b&gt;A&amp;B&lt;/b&gt;' kx/word/document.xml || fail "markup in a narrative is not escaped"
grep -qF '<b>A&B</b>' k.txt || fail "the PDF does not show a narrative's markup as text"
soffice --headless --convert-to pdf --outdir lo k.docx >lo.log 2>&1 || fail "k.docx: $(tail -3 lo.log)"
pdffonts lo/k.pdf | grep -q 'KhmerOS' || fail "the DOCX does not set Khmer in a Khmer font"

# The drawing is a module loaded on first use (src/report/print.h): a
# program copied without it still runs every other command, and asked for
# a PDF or a Word file says what is missing, in words, writing nothing.
mkdir -p alone && cp "$LMPMON" alone/lmpmon
# On PostgreSQL the program needs that module beside it (only printing's
# is missing here).
if [ "$LMPMON_TEST_BACKEND" = pg ]; then
    cp "$(dirname "$LMPMON")/lmpmon-pg.so" alone/
fi
LMPMON_MODULE_DIR= ./alone/lmpmon --db "$(db s)" report review --round 2017 --compare 2016 --format csv >alone.csv ||
    fail "lmpmon without its printing module cannot write a CSV"
cmp -s alone.csv r.csv || fail "lmpmon without its printing module writes another CSV"
for fmt in pdf docx; do
    LMPMON_MODULE_DIR= ./alone/lmpmon --db "$(db s)" report review --round 2017 --format $fmt \
        --out alone.$fmt >alone.out 2>alone.err && fail "a $fmt was written without the printing module"
    grep -q "lacks its printing module (lmpmon-print.so" alone.err ||
        fail "no word of the missing printing module for $fmt: $(cat alone.err)"
    grep -qi "dlopen\|cannot open shared object" alone.err && fail "loader text reached the user: $(cat alone.err)"
    [ ! -e alone.$fmt ] || fail "a half-written alone.$fmt was left"
done
# PostgreSQL is a module too (src/store/store_pg.h): without it a
# postgresql:// database is refused in words, and no libpq is loaded by a
# program that never opens one.
rm -f alone/lmpmon-pg.so
LMPMON_MODULE_DIR= ./alone/lmpmon --db postgresql://nobody@127.0.0.1:9/none round list \
    >alone.out 2>alone.err && fail "a PostgreSQL database opened without its module"
grep -q "cannot open a PostgreSQL database: this installation lacks its PostgreSQL module (lmpmon-pg.so" alone.err ||
    fail "no word of the missing PostgreSQL module: $(cat alone.err)"
grep -qi "dlopen\|cannot open shared object" alone.err && fail "loader text reached the user: $(cat alone.err)"
if ldd "$LMPMON" | grep -q 'libpq\|libpango\|libcairo'; then
    fail "lmpmon itself loads libpq, Pango or cairo: $(ldd "$LMPMON" | grep 'libpq\|pango\|cairo')"
fi
ldd "$(dirname "$LMPMON")/lmpmon-pg.so" | grep -q libpq || fail "lmpmon-pg.so does not bring libpq"
# LMPMON_MODULE_DIR names where the module is (an installation elsewhere).
LMPMON_MODULE_DIR=$(dirname "$LMPMON") ./alone/lmpmon --db "$(db s)" report review --round 2017 \
    --format pdf --out alone.pdf || fail "LMPMON_MODULE_DIR does not find the printing module"
head -c 5 alone.pdf | grep -q '^%PDF-' || fail "the PDF through LMPMON_MODULE_DIR is not a PDF"

# A format that does not exist is named in the error.
run --db "$(db s)" report review --round 2017 --format odt
expect_status 2
expect_err "unknown format 'odt' (html, md, csv, json, svg, pdf, docx or claims)"

finish
