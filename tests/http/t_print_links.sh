# Every report page offers its printed forms beside its other downloads
# (issue 13): the coordination report, the indicators, the complaints
# report and the briefing link "PDF" and "Word"; each link answers an
# attachment with the right Content-Type and file name, a PDF whose text
# is the report's and a Word package holding the same; what a viewer's
# complaints page hides, the viewer's PDF does not print.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
cat >cases.csv <<'CSV'
case_no,lodged_on,resolved_on,sex,assisting_org,province,satisfied,stage
K1,2018-01-10,2018-02-10,female,LSCW,Prey Veng,yes,resolved
K2,2018-01-10,2018-02-10,female,LSCW,Prey Veng,yes,resolved
K3,2018-01-10,2018-06-10,female,LSCW,Prey Veng,yes,resolved
K4,2018-01-10,2018-02-10,female,LSCW,Prey Veng,no,resolved
K5,2018-01-10,,female,LSCW,Prey Veng,unknown,lodged
K6,2018-01-10,2018-02-10,male,LSCW,Kandal,yes,resolved
CSV
"$LMPMON" --db "$(db d)" case import cases.csv >/dev/null || fail "case import"
"$LMPMON" --db "$(db d)" indicator add T1 --goal 12 --unit count \
    --definition "# of people informed on safe migration" \
    --baseline 100 --baseline-year 2015 --targets "2017=300" >/dev/null || fail "indicator add"
printf '%s\n%s\n' 'indicator,period,sex,value,source' 'T1,2017,total,220,MOLVT' >v.csv
"$LMPMON" --db "$(db d)" value import v.csv >/dev/null || fail "value import"
start_server "$(db d)" --public
login officer
login cases
login viewer

DOCX='application/vnd.openxmlformats-officedocument.wordprocessingml.document'
# links PAGE: the addresses of the page's "PDF" and "Word" links, one
# a line, as "LABEL HREF" (entities decoded).
links() {
    python3 - "$1" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for href, label in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(PDF|Word)</a>', page):
    print(label, html.unescape(href))
PY
}
# fetch USER PAGE STEM WHAT: PAGE (fetched as USER) links PDF and Word;
# both answer attachments STEM.pdf and STEM.docx of the right types;
# their texts in got.pdf.txt and got.docx.txt.
fetch() {
    curl -s -b "$1.jar" "$BASE$2" >page.html
    links page.html >links.txt
    grep -q '^PDF ' links.txt || fail "$4: no PDF link on $2"
    grep -q '^Word ' links.txt || fail "$4: no Word link on $2"
    while read -r label href; do
        case $label in PDF) ext=pdf type=application/pdf ;; *) ext=docx type=$DOCX ;; esac
        case $href in /*) ;; *) href=$(dirname "$2")/$href ;; esac
        code=$(curl -s -b "$1.jar" -D h.txt -o "got.$ext" -w '%{http_code}' "$BASE$href")
        [ "$code" = 200 ] || fail "$4: the $label link $href answered $code"
        grep -qi "^Content-Type: $type" h.txt || fail "$4 $label: $(grep -i content-type h.txt)"
        grep -qi "^Content-Disposition: attachment; filename=\"$3.$ext\"" h.txt ||
            fail "$4 $label is not an attachment $3.$ext: $(grep -i disposition h.txt)"
    done <links.txt
    pdftotext got.pdf got.pdf.txt 2>/dev/null || fail "$4: the PDF does not read"
    rm -rf dx && mkdir dx && (cd dx && unzip -q ../got.docx) || fail "$4: the Word file is not a zip"
    xmllint --noout dx/word/document.xml || fail "$4: the Word document is not well-formed"
    sed 's/<[^>]*>//g' dx/word/document.xml >got.docx.txt
}

fetch officer /round/2017/coordination coordination-2017 "the coordination report"
grep -q 'Responsible but silent' got.pdf.txt || fail "the coordination PDF lacks its silent organisations"
grep -q 'Responsible but silent' got.docx.txt || fail "the coordination Word file lacks its silent organisations"
# The same document as the CLI's.
"$LMPMON" --db "$(db d)" report coordination --round 2017 --format md --out co.md
sed -n 's/^- \(Of the [0-9]* activities of round 2017\),.*/\1/p' co.md >first.txt
[ -s first.txt ] || fail "the CLI's Markdown has no summary"
tr -s ' \n' ' ' <got.pdf.txt | grep -qF "$(cat first.txt)" || fail "the coordination PDF lacks: $(cat first.txt)"

fetch officer '/indicators?year=2017' indicators-2017 "the indicators"
grep -q '# of people informed on safe migration' got.pdf.txt || fail "the indicators PDF lacks T1"
grep -q '60%' got.pdf.txt || fail "the indicators PDF lacks T1's progress (60%)"
grep -q '220' got.docx.txt || fail "the indicators Word file lacks T1's value"

fetch cases '/complaints?year=2018' complaints-2018 "the complaints report (case officer)"
grep -q 'Kandal' got.pdf.txt || fail "the case officer's PDF lacks the Kandal group"
fetch viewer '/complaints?year=2018' complaints-2018 "the complaints report (viewer)"
grep -q 'other groups (2)' got.pdf.txt || fail "the viewer's PDF lacks the merged groups"
grep -q 'Kandal' got.pdf.txt got.docx.txt && fail "the viewer's printed report names the group of 1 case"
grep -q 'Prey Veng' got.pdf.txt got.docx.txt && fail "the viewer's printed report names the group that gives it away"

fetch officer '/briefing?quarter=2019Q3' briefing-2019Q3 "the briefing"
grep -q 'Main programme activities' got.docx.txt || fail "the briefing's Word file lacks its activities"

code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/complaints?format=odt")
[ "$code" = 400 ] || fail "the complaints report in an unknown format answered $code"
finish
