# 'lmpmon report review' in Khmer (LANG=km_KH.UTF-8): the Markdown, HTML,
# PDF and DOCX say the review's sentences in Khmer with the English
# report's figures, keep none of the English fixed texts, set Khmer in an
# embedded Khmer font; the English report, and the CSV and JSON in either
# language, stay as their golden files say.
# The Khmer comes from the catalogue (po/km.po), never from this test.
. "$(dirname "$0")/lib.sh"

# km ID: the Khmer of msgid ID in po/km.po.
km() {
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import i18n_check as c; print(c.read_po(sys.argv[2]).get(sys.argv[3], ""))' \
        "$SRC/tests/http" "$SRC/po/km.po" "$1"
}
# fill TEMPLATE N...: the printf template with its %ld/%zu/%s in order.
fill() {
    python3 -c 'import re, sys
args = iter(sys.argv[2:])
print(re.sub(r"%(ld|zu|s)", lambda m: next(args), sys.argv[1]))' "$@"
}
KM_OVERALL=$(km "Overall, %ld per cent of the activities (%zu out of %zu) are progressing or on target, and %ld per cent (%zu out of %zu) are on target (completed).")
KM_IN=$(km "In %s %ld per cent of the activities (%zu out of %zu) are progressing or on target.")
KM_PAGE=$(km "page %d of %d")
[ -n "$KM_OVERALL" ] && [ -n "$KM_IN" ] && [ -n "$KM_PAGE" ] ||
    fail "po/km.po lacks the review's sentences"

unset LANGUAGE LC_ALL LC_MESSAGES
"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
review() {
    "$LMPMON" --db "$(db s)" report review --round 2017 --compare 2016 "$@"
}

# The English report is unchanged: byte for byte its golden files.
for f in md html; do
    LANG=C review --format $f >en.$f || fail "English $f"
    cmp -s en.$f "$GOLDEN/report_2017_vs_2016.$f" ||
        fail "the English $f differs from golden/report_2017_vs_2016.$f"
done
# Files that programs read stay English in Khmer too: the CSV and the
# JSON (its sentences included) are the English report's, byte for byte.
for f in csv json; do
    LANG=km_KH.UTF-8 review --format $f >km.$f || fail "Khmer $f"
    cmp -s km.$f "$GOLDEN/report_2017_vs_2016.$f" ||
        fail "the $f in Khmer differs from golden/report_2017_vs_2016.$f: $(diff "$GOLDEN/report_2017_vs_2016.$f" km.$f | head -5)"
done
LANG=km_KH.UTF-8 review --format md >km.md || fail "Khmer md"
LANG=km_KH.UTF-8 review --format html >km.html || fail "Khmer html"
LANG=km_KH.UTF-8 review --format pdf --out km.pdf || fail "Khmer pdf"
LANG=km_KH.UTF-8 review --format docx --out km.docx || fail "Khmer docx"

# The sentences: one per area and the overall one, each with the English
# report's numbers in the same order; the overall one word for word the
# catalogue's with those numbers.
sed '/^## Changes from/q' en.md | grep '^- In \|^- Overall' | sed 's/^- //' >en_sent.txt
[ "$(wc -l <en_sent.txt)" = 7 ] || fail "expected 7 English sentences"
in_prefix=$(printf '%s' "$KM_IN" | sed 's/ *%s.*//')
overall_prefix=$(printf '%s' "$KM_OVERALL" | sed 's/ *%ld.*//')
km_status=$(awk '/^## / { n++ } n <= 1' km.md)
printf '%s\n' "$km_status" | grep -F -- "- $in_prefix " | sed 's/^- //' >km_sent.txt
printf '%s\n' "$km_status" | grep -F -- "- $overall_prefix " | sed 's/^- //' >>km_sent.txt
[ "$(wc -l <km_sent.txt)" = 7 ] ||
    fail "expected 7 Khmer sentences in the Markdown, got: $(cat km_sent.txt)"
# The numbers of a sentence, on one line (not the area codes: none there).
numbers() { grep -o '[0-9][0-9]*' | tr '\n' ' '; }
i=0
while IFS= read -r en; do
    i=$((i + 1))
    kmline=$(sed -n "${i}p" km_sent.txt)
    [ "$(printf '%s' "$en" | numbers)" = "$(printf '%s' "$kmline" | numbers)" ] ||
        fail "Khmer sentence $i has other numbers: '$kmline' (English: '$en')"
done <en_sent.txt
set -- $(grep '^Overall' en_sent.txt | numbers)
[ $# = 6 ] || fail "the English overall sentence has $# numbers, not 6"
want=$(fill "$KM_OVERALL" "$@")
grep -qxF -- "- $want" km.md || fail "the Markdown lacks: $want"
grep -qF -- "<li>$want</li>" km.html || fail "the HTML lacks: $want"
grep -q '<html lang="km">' km.html || fail "the Khmer HTML is not lang=km"
# The comparison's sentences: as many in Khmer, each with the English
# one's numbers in the same order.
awk '/^## Changes from/ { on = 1; next } /^\| / { on = 0 } on && /^- / { sub(/^- /, ""); print }' en.md >en_chg.txt
[ "$(wc -l <en_chg.txt)" = 5 ] || fail "expected 5 English change sentences: $(cat en_chg.txt)"
KM_CHG_HEAD=$(km "Changes from %s to %s" | sed 's/ *%s.*//')
awk -v h="## $KM_CHG_HEAD" 'index($0, h) == 1 { on = 1; next } /^\| / { on = 0 } on && /^- / { sub(/^- /, ""); print }' km.md >km_chg.txt
[ "$(wc -l <km_chg.txt)" = 5 ] || fail "expected 5 Khmer change sentences, got: $(cat km_chg.txt)"
i=0
while IFS= read -r en; do
    i=$((i + 1))
    kmline=$(sed -n "${i}p" km_chg.txt)
    [ "$(printf '%s' "$en" | numbers)" = "$(printf '%s' "$kmline" | numbers)" ] ||
        fail "Khmer change sentence $i has other numbers: '$kmline' (English: '$en')"
done <en_chg.txt
# The areas are named as written in Khmer sentences (no English article).
grep -qF -- "$(fill "$KM_IN" "International Framework" 83 10 12)" km.md ||
    fail "no Khmer sentence for International Framework: $(head -1 km_sent.txt)"

# No English fixed text of the report remains (these are no data words).
cat >english.txt <<'EOF'
per cent
Overall,
Status of activities by
Changes from
Rated higher
Rated lower
New in this round
Annex: activities
Progressing or on target
Each activity is rated
Shares are of
The table below gives
Change in percentage points
Generated on
Compared with the
As of
not in this round
Figure 1:
Table 1:
Indicator:
All activities
Number of activities
page 2 of
On Target
Not on Target
Not rated
EOF
pdftotext -layout km.pdf km.txt || fail "pdftotext"
rm -rf dx && mkdir dx && (cd dx && unzip -q ../km.docx) || fail "the DOCX is not a zip"
for f in km.md km.html km.txt dx/word/document.xml dx/word/footer1.xml; do
    while IFS= read -r s; do
        grep -qF -- "$s" "$f" && fail "the Khmer $f still says '$s'"
    done <english.txt
done

# The PDF: the sentences' figures in Khmer words ("83 <per cent> (10 ..."),
# pdftotext reorders Khmer vowels, so the numbers and the word for per
# cent only), "page N of M" in Khmer on every page but the cover, and an
# embedded Khmer font.
KM_PCT=$(printf '%s' "$KM_IN" | sed 's/.*%ld \([^ ]*\) .*/\1/')
tr '\n' ' ' <km.txt | tr -s ' ' >flat.txt
while IFS= read -r en; do
    set -- $(printf '%s' "$en" | numbers)
    grep -qF -- "$1 $KM_PCT ($2 " flat.txt || fail "the PDF lacks '$1 $KM_PCT ($2' ($en)"
done <en_sent.txt
pages=$(pdfinfo km.pdf | awk '/^Pages:/ {print $2}')
# The issue's limit holds in Khmer too (its lines are taller than
# English ones, and its words longer).
[ "${pages:-99}" -le 30 ] || fail "the sample review in Khmer has $pages pages (at most 30)"
[ "$(grep -c "$(fill "$KM_PAGE" | sed 's/%d/[0-9]*/; s/%d/'"$pages"'/')\$" km.txt)" = $((pages - 1)) ] ||
    fail "expected '$KM_PAGE' on every page but the cover"
pdffonts km.pdf >fonts.txt
grep -q 'KhmerOS' fonts.txt || fail "no Khmer font in the PDF: $(cat fonts.txt)"
awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' fonts.txt ||
    fail "a font is not embedded: $(cat fonts.txt)"

# The DOCX: well-formed throughout, the sentence in Khmer, the footer's
# words Khmer around its page fields.
for x in $(find dx -name '*.xml' -o -name '*.rels'); do
    xmllint --noout "$x" 2>/dev/null || fail "$x is not well-formed XML"
done
grep -qF -- "$want" dx/word/document.xml || fail "the DOCX lacks: $want"
# The zero-width spaces the PDF puts between Khmer words for its line
# breaks stay out of the Word file (Word breaks Khmer itself) and out of
# the PDF's text.
zwsp=$(printf '\342\200\213')
grep -qF -- "$zwsp" dx/word/document.xml && fail "the DOCX carries U+200B"
grep -qF -- "$zwsp" km.txt && fail "the PDF's text carries U+200B"
grep -qF -- "$(printf '%s' "$KM_PAGE" | sed 's/ *%d.*//')" dx/word/footer1.xml ||
    fail "the DOCX footer is not Khmer: $(cat dx/word/footer1.xml)"

finish
