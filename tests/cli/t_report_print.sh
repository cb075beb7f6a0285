# The reports other than the review as PDF and Word (print.h's document
# of parts): the coordination report, the indicators report, the
# complaints report and the quarterly briefing.  Each PDF is A4 with its
# title, embedded fonts and the report's own sentences and figures, as
# its Markdown or CSV has them; each DOCX is a zip whose document.xml is
# well-formed and holds the same figures; the complaints report prints
# no figure of a group its suppressed CSV hides; a Khmer PDF has Khmer
# text.  (The review's PDF and the LibreOffice check: t_report_pdf.sh.)
. "$(dirname "$0")/lib.sh"

unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C
"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

# pdf_ok FILE TITLE: an A4 PDF of one page or more titled TITLE, its fonts
# embedded; its text without spaces (lines break anywhere, after a
# hyphen too), footers and running headers in FILE.flat.
pdf_ok() {
    head -c 5 "$1" | grep -q '^%PDF-' || fail "$1 is not a PDF"
    pdfinfo "$1" >info.txt 2>&1 || fail "pdfinfo cannot read $1: $(cat info.txt)"
    pages=$(awk '/^Pages:/ {print $2}' info.txt)
    [ "${pages:-0}" -gt 0 ] || fail "$1 has no pages"
    grep -q "^Title: *$2" info.txt || fail "$1 is not titled '$2': $(grep Title info.txt)"
    grep -q '^Page size: *595.* x 841.* (A4)' info.txt || fail "$1 is not A4"
    pdffonts "$1" >fonts.txt
    [ "$(awk 'NR > 2' fonts.txt | wc -l)" -gt 0 ] || fail "$1 has no fonts"
    awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' fonts.txt ||
        fail "a font of $1 is not embedded: $(cat fonts.txt)"
    # Without the footers and running headers, which may cut an item.
    pdftotext "$1" - | awk -v t="$2" '
        /^page [0-9]+ of [0-9]+$/ { next }
        /^\f/ { skip = 1; next }
        skip && $0 == "" { next }
        skip && index($0, t) == 1 { skip = 0; next }
        { skip = 0; print }' | tr -d ' \n' >"$1.flat"
}
# docx_ok FILE: a zip whose every XML part is well-formed; the text of
# word/document.xml without spaces in FILE.flat.
docx_ok() {
    rm -rf dx && mkdir dx && (cd dx && unzip -q "../$1") || fail "$1 is not a zip"
    for part in $(cd dx && find . -name '*.xml' -o -name '*.rels'); do
        xmllint --noout "dx/$part" 2>xml.err || fail "$1: part $part is not well-formed: $(head -3 xml.err)"
    done
    grep -q '<w:tblHeader/>' dx/word/document.xml || fail "$1: no repeated table header row"
    sed 's/<\/w:p>/ /g; s/<[^>]*>//g' dx/word/document.xml |
        sed 's/&amp;/\&/g; s/&#39;/'"'"'/g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g' |
        tr -d ' \n' >"$1.flat"
}
# has FILE TEXT WHAT: the flattened FILE holds TEXT (spaces aside).
has() {
    grep -qF -- "$(printf '%s' "$2" | tr -d ' ')" "$1.flat" || fail "$1 lacks $3: $2"
}

# ---- The coordination report -----------------------------------------------
run --db "$(db s)" report coordination --round 2017 --format md
expect_status 0
cp out.txt c.md
run --db "$(db s)" report coordination --round 2017 --format pdf --out c.pdf
expect_status 0
pdf_ok c.pdf 'Coordination: 2017 progress review'
run --db "$(db s)" report coordination --round 2017 --out c.docx
expect_status 0
docx_ok c.docx
# Every summary sentence, the explanations' verdicts and the silent
# organisations, as the Markdown says them.
grep '^- ' c.md | sed 's/^- //; s/\\//g' >c.items
[ "$(wc -l <c.items)" -ge 20 ] || fail "expected 20 or more list items in the Markdown: $(wc -l <c.items)"
grep '^The review: \|^Activities .* in [0-9]* per cent of cases' c.md | sed 's/\\//g' >c.paras
[ "$(wc -l <c.paras)" -ge 10 ] || fail "expected the explanations in the Markdown"
for f in c.pdf c.docx; do
    while IFS= read -r s; do has "$f" "$s" "an item of the Markdown"; done <c.items
    while IFS= read -r s; do has "$f" "$s" "an explanation of the Markdown"; done <c.paras
done
# The organisations' and the areas' table rows: the figures as the
# Markdown's table cells give them ("MOLVT ... 91 ... 75% (68 of 91)").
grep '^| MOLVT |' c.md | head -1 | awk -F' [|] ' '{print $3 "|" $4 "|" $11}' >c.row
IFS='|' read -r nresp nrep share <c.row
[ -n "$share" ] || fail "no MOLVT row in the Markdown"
pdftotext -layout c.pdf c.txt
grep -Eq "^MOLVT +government +$nresp +$nrep " c.txt || fail "the PDF's table lacks MOLVT with $nresp responsible, $nrep reported"
has c.pdf "$share" "MOLVT's share progressing or on target"
has c.docx "$share" "MOLVT's share progressing or on target"
grep '^| All activities |' c.md | awk -F' [|] ' '{print $3}' >c.all
has c.pdf "$(cat c.all)" "the share of all activities progressing or on target"
# LibreOffice opens the Word file (bullets, third-level headings, folded
# tables): converted, its text holds the summary.  LibreOffice is slow:
# once, on SQLite only (the document does not depend on the backend).
if [ "${LMPMON_TEST_BACKEND:-sqlite}" != pg ]; then
    export HOME="$SCRATCH/home"
    mkdir -p "$HOME"
    soffice --headless --convert-to pdf --outdir lo c.docx >lo.log 2>&1 ||
        fail "LibreOffice cannot convert c.docx: $(tail -3 lo.log)"
    pdftotext lo/c.pdf - 2>/dev/null | tr -d ' \n' >lo.flat
    head -1 c.items | tr -d ' ' >first.item
    grep -qF -- "$(cat first.item)" lo.flat || fail "LibreOffice's c.docx lacks: $(head -1 c.items)"
fi
# An unknown format names the new ones.
run --db "$(db s)" report coordination --round 2017 --format odt
expect_status 2
expect_err "html, md, csv, json, pdf or docx"

# ---- The indicators report -------------------------------------------------
"$LMPMON" --db "$(db s)" indicator add T1 --goal 12 --unit count \
    --definition "# of people informed on safe migration" \
    --baseline 100 --baseline-year 2015 --targets "2017=300;2018=500" \
    --disaggregation sex >/dev/null || fail "indicator add"
cat >v1.csv <<'CSV'
indicator,period,sex,value,source
T1,2017,women,130,MOLVT
T1,2017,men,90,MOLVT
T1,2017,total,220,MOLVT
CSV
"$LMPMON" --db "$(db s)" value import v1.csv >/dev/null || fail "value import"
run --db "$(db s)" report indicators --year 2017 --format csv --out i.csv
expect_status 0
run --db "$(db s)" report indicators --year 2017 --format pdf --out i.pdf
expect_status 0
pdf_ok i.pdf 'Indicators: progress against the targets of 2017'
run --db "$(db s)" report indicators --year 2017 --format docx --out i.docx
expect_status 0
docx_ok i.docx
# Each row of the CSV with a value: its indicator, sex, value, target and
# progress, on one line of the PDF's table.
python3 - i.csv >i.rows <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    # A cell the CSV guards against formulas ("'-5%") as people read it.
    r = {k: v[1:] if v[:2] == "'-" else v for k, v in r.items()}
    if r["Progress to target"]:
        print("|".join([r["Indicator"], r["Sex"], r["Baseline"], r["Target"],
                        r["Value"], r["Progress to target"], r["Target met"]]))
PY
[ "$(wc -l <i.rows)" = 3 ] || fail "expected 3 CSV rows with progress: $(cat i.rows)"
pdftotext -layout i.pdf i.txt
while IFS='|' read -r code sex base target value prog met; do
    grep -Eq "^$code +.* $sex +$base [(]2015[)] +$target +$value +$prog +$met\$" i.txt ||
        fail "the PDF has no row '$code $sex $base $target $value $prog $met': $(grep "^$code " i.txt)"
    has i.docx "$value" "T1's value $value"
    has i.docx "$prog" "T1's progress $prog"
done <i.rows
has i.pdf "# of people informed on safe migration" "T1's definition"
run --db "$(db s)" report indicators --year 2017 --format odt
expect_status 2
expect_err "text, csv, json, pdf or docx"

# ---- The complaints report -------------------------------------------------
"$LMPMON" --db "$(db s)" sample complaints --out cases.csv >/dev/null || fail "sample complaints"
"$LMPMON" --db "$(db s)" case import cases.csv >/dev/null || fail "case import"
run --db "$(db s)" report complaints --year 2018 --format csv --out all.csv
expect_status 0
run --db "$(db s)" report complaints --year 2018 --suppress --format csv --out shown.csv
expect_status 0
run --db "$(db s)" report complaints --year 2018 --suppress --format pdf --out k.pdf
expect_status 0
pdf_ok k.pdf 'Complaints mechanism, 2018'
run --db "$(db s)" report complaints --year 2018 --suppress --format docx --out k.docx
expect_status 0
docx_ok k.docx
# Each group the suppressed CSV shows, with its figures, on its line of
# the PDF (a long name wraps: its start): "Prey Veng 72 71 58% (42) 42% (30)".
pdftotext -layout k.pdf k.txt
tr -d '\r' <shown.csv | awk -F, 'NR > 1 && $3 != "" {
    print substr($2, 1, 6) "|" $3 "|" $4 "|" $7 "% [(]" $5 "[)]|" $8 "% [(]" $6 "[)]|" $9 " " $10
}' >k.rows
[ "$(wc -l <k.rows)" -ge 10 ] || fail "expected 10 or more groups shown: $(cat k.rows)"
while IFS='|' read -r name cases resolved within satisfied amounts; do
    grep -Eq "^$name.* +$cases +$resolved +$within +$satisfied " k.txt ||
        fail "the PDF has no line '$name $cases $resolved $within $satisfied'"
    set -- $amounts
    has k.pdf "Ordered: $1" "the compensation ordered of $name"
    has k.pdf "Paid: $2" "the compensation paid of $name"
    has k.docx "$1" "the compensation ordered of $name"
done <k.rows
# What the suppressed CSV hides (a group of fewer than 5 cases, or one
# that would give it away), the PDF and the DOCX never print: none of
# their counts on a line of their own.
tr -d '\r' <all.csv | awk -F, 'NR > 1 {print $1 "," $2}' | sort >all.keys
tr -d '\r' <shown.csv | awk -F, 'NR > 1 && $3 != "" {print $1 "," $2}' | sort >shown.keys
comm -23 all.keys shown.keys >hidden.keys
[ -s hidden.keys ] || fail "the sample's 2018 hides no group: the test cannot see suppression"
while IFS=, read -r dim value; do
    grep -F "$dim,$value," all.csv | tr -d '\r' | awk -F, '{print $3 "|" $4 "|" $9}' >h.row
    IFS='|' read -r cases resolved ordered <h.row
    if grep -Eq "^$value +$cases +$resolved " k.txt; then
        fail "the PDF prints the hidden group $dim $value ($cases cases)"
    fi
    has_not=$(printf '%s' "Ordered:${ordered}USD" | tr -d ' ')
    if grep -qF -- "$has_not" k.pdf.flat || grep -qF -- "${ordered}USD" k.docx.flat; then
        fail "the printed report gives the hidden group $dim $value's compensation $ordered"
    fi
done <hidden.keys

# ---- The briefing as Word (its PDF: t_briefing.sh) -------------------------
run --db "$(db s)" report briefing --quarter 2019Q3 --format json --out q3.json
expect_status 0
run --db "$(db s)" report briefing --quarter 2019Q3 --format docx --out q3.docx
expect_status 0
docx_ok q3.docx
# Every section's heading and every figure and title of the JSON.
python3 - q3.json q3.docx.flat <<'PY' >q3.miss || fail "the briefing's DOCX lacks: $(cat q3.miss)"
import json, re, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
flat = open(sys.argv[2], encoding="utf-8").read()
miss = []
def need(z):
    if re.sub(r"\s+", "", z) not in flat:
        miss.append(z)
for h in ("Quarterly briefing: July – September 2019", "Main programme activities",
          "Partner results", "At a glance", "Media coverage"):
    need(h)
n = 0
for sec in ("activities", "partner_results", "complaints_register",
            "at_a_glance", "upcoming", "media"):
    for r in j[sec]:
        n += 1
        for k in ("women", "men", "total", "ordered", "requested"):
            if k in r:
                need("{:,}".format(int(r[k])))
        for k in ("title", "source", "outlet"):
            if k in r:
                need(r[k])
if n < 20:
    miss.append("only %d records: the sample's briefing is not there" % n)
print("\n".join(miss))
sys.exit(1 if miss else 0)
PY
run --db "$(db s)" report briefing --quarter 2019Q3 --format odt
expect_status 2
expect_err "pdf or docx"

# ---- In Khmer: a Khmer font, Khmer words -----------------------------------
LANG=km_KH.UTF-8 "$LMPMON" --db "$(db s)" report coordination --round 2017 --format pdf --out ck.pdf ||
    fail "the Khmer coordination PDF"
pdffonts ck.pdf | grep -q KhmerOS || fail "no Khmer font in the Khmer PDF: $(pdffonts ck.pdf)"
# The summary's heading as the catalogue writes it.
summary_km=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import i18n_check as c; print(c.read_po(sys.argv[2]).get("Summary", ""))' \
    "$SRC/tests/http" "$SRC/po/km.po")
[ -n "$summary_km" ] || fail "po/km.po has no Khmer for 'Summary'"
pdftotext ck.pdf ck.txt
grep -qF -- "$summary_km" ck.txt || fail "the Khmer PDF lacks '$summary_km'"
grep -q 'Summary' ck.txt && fail "the Khmer PDF still says 'Summary'"

[ "$nfail" -eq 0 ] || exit 1
