# The reports other than the review in Khmer (LANG=km_KH.UTF-8): every
# label the English report shows from the catalogue (po/km.po) is Khmer,
# checked as tests/http/t_i18n.sh checks the pages (i18n_check.py: a
# catalogue string the Khmer report shows as often as the English one is
# untranslated; data such as plan titles excepted); the files programs
# read (JSON) stay English, byte for byte.
# The Khmer comes from the catalogue, never from this test.
. "$(dirname "$0")/lib.sh"

CHECK=$SRC/tests/http/i18n_check.py
PO=$SRC/po/km.po
# km ID: the Khmer of msgid ID in po/km.po.
km() {
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import i18n_check as c; print(c.read_po(sys.argv[2]).get(sys.argv[3], ""))' \
        "$SRC/tests/http" "$PO" "$1"
}
# as_html CSV: the cells of a CSV as the text nodes of an HTML table, for
# i18n_check.py.
as_html() {
    python3 -c 'import csv, html, sys
print("<table>")
for row in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    print("<tr>" + "".join("<td>%s</td>" % html.escape(c) for c in row) + "</tr>")
print("</table>")' "$1"
}
# same_labels NAME EN KM: no catalogue string of EN is left English in KM.
same_labels() {
    python3 "$CHECK" "$PO" "$2" "$3" data.json >left.txt ||
        fail "the $1 in Khmer still shows in English: $(cat left.txt)"
}

unset LANGUAGE LC_ALL LC_MESSAGES
"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
"$LMPMON" --db "$(db s)" export --format json --out data.json || fail "export"
en() { LANG=C "$LMPMON" --db "$(db s)" "$@"; }
kh() { LANG=km_KH.UTF-8 "$LMPMON" --db "$(db s)" "$@"; }

# The indicators report: the table (CSV) and the text, Khmer labels; the
# JSON English.
en report indicators --year 2017 --format csv >ind_en.csv || fail "indicators csv"
kh report indicators --year 2017 --format csv >ind_km.csv || fail "Khmer indicators csv"
as_html ind_en.csv >ind_en.html
as_html ind_km.csv >ind_km.html
same_labels "indicators table" ind_en.html ind_km.html
grep -qF "$(km "Progress to target")" ind_km.csv || fail "the Khmer indicators table lacks its heading"
kh report indicators --year 2017 >ind_km.txt || fail "Khmer indicators text"
grep -qF "$(km "Indicators: progress against the targets of %d" | sed 's/%d/2017/')" ind_km.txt ||
    fail "the Khmer indicators text lacks its title: $(head -1 ind_km.txt)"
grep -q 'not reported\|of the way' ind_km.txt && fail "the Khmer indicators text keeps English words"
en report indicators --year 2017 --format json >ind_en.json || fail "indicators json"
kh report indicators --year 2017 --format json >ind_km.json || fail "Khmer indicators json"
cmp -s ind_en.json ind_km.json || fail "the indicators JSON differs in Khmer: $(diff ind_en.json ind_km.json | head -4)"

# The coordination report: the HTML and the Markdown in Khmer (sentences,
# headings, tables), the date in Khmer words; the CSV and JSON English.
for f in html md csv json; do
    en report coordination --round 2017 --format $f >co_en.$f || fail "coordination $f"
    kh report coordination --round 2017 --format $f >co_km.$f || fail "Khmer coordination $f"
done
same_labels "coordination report (HTML)" co_en.html co_km.html
grep -q '<html lang="km">' co_km.html || fail "the Khmer coordination HTML is not lang=km"
for f in csv json; do
    cmp -s co_en.$f co_km.$f || fail "the coordination $f differs in Khmer: $(diff co_en.$f co_km.$f | head -4)"
done
KM_SHARE=$(km "%ld per cent (%zu out of %zu)" | sed 's/ *%ld //; s/ (.*//')
grep -q 'per cent\|Summary\|Responsibility\|The review' co_km.md &&
    fail "the Khmer coordination Markdown keeps English: $(grep -m2 'per cent\|Summary\|Responsibility\|The review' co_km.md)"
grep -qF "$(km "Coordination: %s" | sed 's/%s.*//')" co_km.md || fail "the Khmer coordination Markdown lacks its title"
# The sentences keep the English report's numbers: the summary's first.
n_en=$(grep -m1 '^- Of the' co_en.md | grep -o '[0-9][0-9]*' | tr '\n' ' ')
n_km=$(sed -n '/^## /,$p' co_km.md | grep -m1 '^- ' | grep -o '[0-9][0-9]*' | tr '\n' ' ')
[ -n "$n_en" ] && [ "$n_en" = "$n_km" ] ||
    fail "the Khmer summary's first sentence has other numbers: '$n_km' (English: '$n_en')"

# The action plan: its HTML and its PDF in Khmer (title, introduction,
# column headings).
en report action-plan --round 2017 --format html >ap_en.html || fail "action plan html"
kh report action-plan --round 2017 --format html >ap_km.html || fail "Khmer action plan html"
same_labels "action plan (HTML)" ap_en.html ap_km.html
grep -q '<html lang="km">' ap_km.html || fail "the Khmer action plan HTML is not lang=km"
kh report action-plan --round 2017 --format pdf --out ap_km.pdf || fail "Khmer action plan pdf"
pdftotext ap_km.pdf ap_km.txt || fail "pdftotext"
for s in "Action plan: %s" "Priorities of earlier reviews, not done"; do
    w=$(km "$s" | sed 's/ *%s.*//')
    [ -n "$w" ] || fail "po/km.po lacks '$s'"
    # pdftotext may reorder Khmer vowels: compare without spaces, first
    # word only.
    grep -qF -- "$(printf '%s' "$w" | cut -d' ' -f1 | cut -c1-9)" ap_km.txt ||
        fail "the Khmer action plan PDF lacks '$w'"
done
grep -q 'Action plan:\|Priorities of earlier' ap_km.txt && fail "the Khmer action plan PDF keeps English"

# The quarterly briefing (the sample's July-September 2019): HTML and
# Markdown in Khmer, the quarter's months in Khmer; the CSV and JSON
# English.
for f in html md csv json; do
    en report briefing --quarter 2019Q3 --format $f >br_en.$f || fail "briefing $f"
    kh report briefing --quarter 2019Q3 --format $f >br_km.$f || fail "Khmer briefing $f"
done
same_labels "briefing (HTML)" br_en.html br_km.html
grep -q '<html lang="km">' br_km.html || fail "the Khmer briefing HTML is not lang=km"
for f in csv json; do
    cmp -s br_en.$f br_km.$f || fail "the briefing $f differs in Khmer: $(diff br_en.$f br_km.$f | head -4)"
done
grep -qF "$(km "Quarterly briefing: %s" | sed 's/%s.*//')$(km July)" br_km.md ||
    fail "the Khmer briefing's title is not Khmer with Khmer months: $(head -1 br_km.md)"
grep -q 'July\|September\|People reached\|Main programme' br_km.md &&
    fail "the Khmer briefing keeps English: $(grep -m2 'July\|September\|People reached\|Main programme' br_km.md)"
kh report briefing --quarter 2019Q3 --format pdf --out br_km.pdf || fail "Khmer briefing pdf"
pdftotext br_km.pdf br_km.txt || fail "pdftotext briefing"
grep -q 'Main programme activities\|Quarterly briefing' br_km.txt && fail "the Khmer briefing PDF keeps English"

# The complaints report as a document: its title and lang in Khmer.
en report complaints --format html >cp_en.html || fail "complaints html"
kh report complaints --format html >cp_km.html || fail "Khmer complaints html"
same_labels "complaints report (HTML)" cp_en.html cp_km.html
grep -q '<html lang="km">' cp_km.html || fail "the Khmer complaints HTML is not lang=km"

finish
