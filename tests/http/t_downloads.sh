# Downloads everywhere (issue 11): every table of every page has links to
# download it as CSV and XLSX, answered as attachments that hold exactly
# the table's headings and cells (tests/http/sheets.py compares them);
# CSV cells that look like formulas are guarded; the review report comes
# in every format the CLI makes, and the coordination report has its page.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add lscw --role case_officer --org LSCW >/dev/null
printf '%s\n%s\n' 'case_no,lodged_on,sex,assisting_org' 'LSCW-1,2018-03-01,female,LSCW' >c.csv
"$LMPMON" --db "$(db d)" case import c.csv >/dev/null || fail "case import"
start_server "$(db d)" --public
for u in admin officer molvt lscw; do login "$u"; done
SHEETS="python3 $SRC/tests/http/sheets.py"

# An organisation whose name a spreadsheet would run as a formula.
code=$(post admin /admin/org acronym=EVIL kind=ngo 'name==HYPERLINK("http://evil.example","x")')
[ "$code" = 303 ] || fail "adding the organisation answered $code"
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=progressing "text=MOLVT trained officials.")

# check_page USER PATH: every table of the page downloads as itself.
ntables=0
check_page() {
    u=$1
    curl -s -b "$u.jar" "$BASE$2" >page.html
    $SHEETS list page.html >tables.txt || fail "$2: the page's tables cannot be read"
    [ -s tables.txt ] || fail "$2: no table"
    while read -r id hcsv hxlsx; do
        if [ "$hcsv" = NOLINK ]; then
            fail "$2: table $id has no download links"
            continue
        fi
        ntables=$((ntables + 1))
        for f in csv xlsx; do
            eval "h=\$h$f"
            curl -s -b "$u.jar" -D head.txt -o "t.$f" "$BASE$h"
            grep -q '^HTTP/1.1 200' head.txt || fail "$h: $(head -1 head.txt)"
            grep -qi '^Content-Disposition: attachment; filename="[A-Za-z0-9._-]*'"$id"'\.'"$f"'"' head.txt ||
                fail "$h: not an attachment named after the table: $(grep -i disposition head.txt)"
        done
        grep -qi '^Content-Type: text/csv; charset=utf-8' head.txt 2>/dev/null
        head -c 2 t.xlsx | grep -q PK || fail "$hxlsx: not an XLSX (zip) file"
        $SHEETS check page.html "$id" t.csv t.xlsx >diff.txt || fail "$2 table $id: $(cat diff.txt)"
    done <tables.txt
}

for p in / /rounds /round/2018 /round/2017 /activity/4.8 /org/MOLVT /admin; do
    check_page admin "$p"
done
check_page officer /admin
check_page lscw /cases
check_page lscw /case/LSCW-1
[ "$ntables" -ge 16 ] || fail "only $ntables tables were downloaded"
# The plan's activities (a tree on the page) and the complaints report's
# table download too.
curl -s -b officer.jar "$BASE/plan" | grep -q 'href="/plan?table=activities&amp;format=csv"' ||
    fail "the plan page has no download of its activities"
curl -s -b officer.jar -D head.txt -o plan.csv "$BASE/plan?q=border&table=activities&format=csv"
head -1 plan.csv | grep -q '^Code,Activity,Latest rating,Rated in,Responsible,Partners' || fail "the plan's CSV header: $(head -1 plan.csv)"
grep -q '^4.8,' plan.csv || fail "the plan's CSV lacks the activity found"
[ "$(wc -l <plan.csv)" -lt 20 ] || fail "the plan's CSV ignores the search"
curl -s -b officer.jar -D head.txt -o cmp.csv "$BASE/complaints?format=csv"
grep -qi 'Content-Disposition: attachment; filename="complaints-all.csv"' head.txt || fail "the complaints CSV is not an attachment"
head -1 cmp.csv | grep -q '^dimension,value,cases' || fail "the complaints CSV: $(head -1 cmp.csv)"
curl -s -b officer.jar -o cmp.xlsx "$BASE/complaints?format=xlsx"
head -c 2 cmp.xlsx | grep -q PK || fail "the complaints XLSX is not a zip"

# Formulas are guarded in the CSV, and are text in the XLSX.
curl -s -b admin.jar -o orgs.csv "$BASE/admin?table=orgs&format=csv"
grep -q "^EVIL,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",NGO," orgs.csv ||
    fail "the formula is not guarded: $(grep EVIL orgs.csv)"
curl -s -b admin.jar -o orgs.xlsx "$BASE/admin?table=orgs&format=xlsx"
unzip -p orgs.xlsx xl/worksheets/sheet1.xml | grep -q '<f>' && fail "the XLSX holds a formula"
# Unknown format or table; tables that are not for the public.
code=$(curl -s -b officer.jar -o e.html -w '%{http_code}' "$BASE/rounds?format=pdf")
[ "$code" = 400 ] || fail "a table as PDF answered $code"
grep -q '<header class="top">' e.html || fail "the 400 page lost the site's frame"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/rounds?table=nope&format=csv")
[ "$code" = 404 ] || fail "an unknown table answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/activity/4.8?table=history&format=csv")
[ "$code" = 404 ] || fail "the public downloaded an activity's history ($code)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2017?table=findings&format=csv")
[ "$code" = 404 ] || fail "the public downloaded the findings ($code)"
code=$(curl -s -o pub.csv -w '%{http_code}' "$BASE/round/2017?table=activities&format=csv")
[ "$code" = 200 ] || fail "the public cannot download a published round's activities ($code)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2018?table=activities&format=csv")
[ "$code" = 404 ] || fail "the public downloaded an open round ($code)"

# --- the review report in every format the CLI makes ------------------
curl -s -b officer.jar "$BASE/round/2017/report" >rep.html
for f in md csv json svg pdf docx; do
    grep -q "href=\"/round/2017/report?format=$f\"" rep.html || fail "the report page has no $f link"
done
curl -s -b officer.jar "$BASE/round/2017" >round.html
grep -q 'href="/round/2017/report?format=pdf">PDF</a>' round.html || fail "the round page does not offer the PDF"
grep -q 'href="/round/2017/coordination">The coordination report</a>' round.html ||
    fail "the round page does not link to the coordination report"
for f in html md csv json svg pdf docx; do
    code=$(curl -s -b officer.jar -D head.txt -o "rep.$f" -w '%{http_code}' "$BASE/round/2017/report?format=$f")
    [ "$code" = 200 ] || fail "the review report as $f answered $code"
    "$LMPMON" --db "$(db d)" report review --round 2017 --compare 2016 --format "$f" --out "cli.$f" 2>/dev/null ||
        fail "the CLI's $f"
    case $f in
    html) grep -q '<h1>2017 progress review</h1>' rep.html || fail "the HTML report" ;;
    pdf) head -c 5 rep.pdf | grep -q '%PDF-' || fail "the PDF is not a PDF" ;;
    docx) unzip -l rep.docx | grep -q word/document.xml || fail "the DOCX is not a Word file" ;;
    *) cmp -s "rep.$f" "cli.$f" || fail "the web's $f differs from the CLI's: $(diff "rep.$f" "cli.$f" | head -5)" ;;
    esac
    if [ "$f" != html ]; then
        grep -qi "^Content-Disposition: attachment; filename=\"review-2017.$f\"" head.txt ||
            fail "the $f report is not an attachment: $(grep -i disposition head.txt)"
    fi
done
grep -qi '^Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document' head.txt ||
    fail "the DOCX's type: $(grep -i content-type head.txt)"
code=$(curl -s -b officer.jar -o e.html -w '%{http_code}' "$BASE/round/2017/report?format=odt")
[ "$code" = 400 ] || fail "an unknown report format answered $code"
grep -q 'html, md, csv, json, svg, pdf, docx or claims' e.html || fail "the refusal does not list the formats"

# --- the coordination report --------------------------------------------
code=$(curl -s -b officer.jar -o co.html -w '%{http_code}' "$BASE/round/2017/coordination")
[ "$code" = 200 ] || fail "the coordination report answered $code"
grep -q '<h1>Coordination: 2017 progress review</h1>' co.html || fail "the coordination report's page"
for f in md csv json; do
    curl -s -b officer.jar -D head.txt -o "co.$f" "$BASE/round/2017/coordination?format=$f"
    "$LMPMON" --db "$(db d)" report coordination --round 2017 --format "$f" --out "clico.$f" || fail "the CLI's coordination $f"
    cmp -s "co.$f" "clico.$f" || fail "the web's coordination $f differs from the CLI's"
    grep -qi "^Content-Disposition: attachment; filename=\"coordination-2017.$f\"" head.txt ||
        fail "the coordination $f is not an attachment"
done
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/round/2017/coordination?format=odt")
[ "$code" = 400 ] || fail "a coordination report in an unknown format answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2017/coordination")
[ "$code" = 200 ] || fail "the public cannot read a published round's coordination report ($code)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2018/coordination")
[ "$code" = 404 ] || fail "the public read an open round's coordination report ($code)"
echo "$ntables tables downloaded"
finish
