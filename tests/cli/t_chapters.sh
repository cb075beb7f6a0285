# The review's chapters from the command line (docs/chapters.md): written
# in English from a file and in Khmer from standard input, listed with who
# saved them; refused in a published round until it is reopened for a
# correction, for an unknown chapter, and for a text outside the Markdown
# subset's limits (the line named); every save in the audit trail; the
# JSON model carries them out and back in.  The review report places
# them where the 2017 review had them around the generated parts, in
# HTML (escaped: hostile text stays text), Markdown, JSON, the PDF (its
# contents list them) and the Word document (real headings, lists, bold
# and links), and in Khmer when the chapter has a Khmer text.
. "$(dirname "$0")/lib.sh"

D=$(db d)
"$LMPMON" --db "$D" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

# The sample's rounds are published: locked until a correction.
printf 'Text\n' >intro.md
run --db "$D" round chapter 2017 introduction --file intro.md
expect_status 1
expect_err "round '2017' is published and locked: its chapters change only after an administrator reopens it for a correction"
[ "$(db_sql d "SELECT count(*) FROM round_chapter")" = 0 ] || fail "a published round's chapter was written"
"$LMPMON" --db "$D" round correct 2017 --reason "the review's chapters" >/dev/null || fail "correct"

# From the seed's review (seeds/000, "Introduction"), in English.
cat >intro.md <<'EOF'
The Royal Government of Cambodia (RGC) issued its second Policy on Labour
Migration for Cambodia (LMP) in December 2014.

This review updates the progress on the Policy since the **2016 review**.
EOF
run --db "$D" --as officer round chapter 2017 introduction --file intro.md
expect_status 0
expect_out "chapter 'Introduction' (English text) of round 2017 is saved"
printf 'សេចក្តីផ្តើម\n' >km.md
"$LMPMON" --db "$D" --as translator round chapter 2017 introduction --lang km --file - <km.md >out.txt 2>err.txt ||
    fail "Khmer from standard input: $(cat err.txt)"
grep -qF "(Khmer text)" out.txt || fail "no word of the Khmer save: $(cat out.txt)"
run --db "$D" round chapters 2017
expect_status 0
grep -q '^Introduction  *introduction  *31 words  *1 word  .* translator  *2$' out.txt ||
    fail "the list does not show the chapter: $(cat out.txt)"
grep -q '^Findings  *findings  *-  *-  *not written' out.txt || fail "an unwritten chapter: $(cat out.txt)"
# The English text is kept as written when the Khmer one is saved.
[ "$(db_sql d "SELECT text FROM round_chapter WHERE kind = 'introduction'")" = "$(cat intro.md)" ] ||
    fail "the English text changed: $(db_sql d "SELECT text FROM round_chapter")"

# Refused, nothing written: an unknown chapter, a language, a text
# outside the subset's limits, not a text file.
run --db "$D" round chapter 2017 annex --file intro.md
expect_status 2
expect_err "unknown chapter 'annex'"
run --db "$D" round chapter 2017 findings --lang fr --file intro.md
expect_status 2
expect_err "unknown language 'fr'"
printf 'Fine\n\nA bell \007 here\n' >bad.md
run --db "$D" round chapter 2017 findings --file bad.md
expect_status 1
expect_err "cannot save chapter 'Findings' (English text): line 3, column 8: a control character (0x07)"
awk 'BEGIN { for (i = 0; i < 3000; i++) print "A sentence of the review, long enough." }' >long.md
run --db "$D" round chapter 2017 findings --file long.md
expect_status 1
expect_err "the chapter is longer than 65536 bytes"
printf 'a\000b' >nul.md
run --db "$D" round chapter 2017 findings --file nul.md
expect_status 1
expect_err "it holds a NUL byte"
run --db "$D" round chapter 2017 findings --file missing.md
expect_status 1
expect_err "cannot read 'missing.md': there is no such file"
[ "$(db_sql d "SELECT count(*) FROM round_chapter")" = 1 ] || fail "a refused chapter was written"

# The audit trail: the creation and the Khmer text, by their writers.
[ "$(db_sql d "SELECT actor || ' ' || coalesce(field, '-') FROM audit WHERE entity = 'chapter' ORDER BY id" | tr '\n' ';')" = "officer -;translator text_km;" ] ||
    fail "audit: $(db_sql d "SELECT actor, field FROM audit WHERE entity = 'chapter'")"

# Out and back in with the JSON model.
"$LMPMON" --db "$D" export --format json --out m.json || fail "export"
grep -q '"kind": "introduction"' m.json || fail "the export lacks the chapter"
grep -q 'សេចក្តីផ្តើម' m.json || fail "the export lacks the Khmer text"
E=$(db e)
"$LMPMON" --db "$E" init >/dev/null || fail "init e"
run --db "$E" import m.json
expect_status 0
run --db "$E" round chapters 2017
grep -q '^Introduction  *introduction  *31 words  *1 word' out.txt || fail "imported: $(cat out.txt)"
# A file whose chapter the subset refuses is refused whole, the path named.
sed 's/"kind": "introduction"/"kind": "annex"/' m.json >bad.json
run --db "$E" import bad.json
expect_status 1
expect_err "rounds[1].chapters[0].kind: unknown chapter"

# --- in the report ----------------------------------------------------------
# From the seed's review (seeds/000): the opening of "Findings", "Good
# Practices" and "Recommendations for Future Implementation"; with text
# that must stay text.
cat >findings.md <<'END'
In contrast to 2016, stakeholders interviewed had **significant awareness**
of the LMP. See [the ILO review](https://www.ilo.org/triangle) and *Annex 1*.

### Analysis <script>alert('x')</script>

- All Ministries interviewed had some element of the LMP in their plans.
- A [bad link](javascript:alert(1)) and <img src=x onerror=alert(2)> stay text.
END
printf '%s\n' '- There was a much higher awareness of the LMP than demonstrated in 2016.' \
    '- Significant pre-departure training is being reported as being delivered by ACRA.' >good.md
printf '%s\n' '## Funding' '' '3. Increased cooperation in donor resources.' \
    '4. LMP planning should coincide with annual budget planning.' >recs.md
for k in findings:findings.md good_practices:good.md recommendations:recs.md; do
    "$LMPMON" --db "$D" round chapter 2017 "${k%%:*}" --file "${k#*:}" >/dev/null 2>err.txt ||
        fail "chapter ${k%%:*}: $(cat err.txt)"
done
review() {
    "$LMPMON" --db "$D" report review --round 2017 --compare 2016 "$@"
}
# order FILE TEXT...: each TEXT is found in FILE, each after the one before.
order() {
    f=$1
    shift
    python3 -c 'import sys
s = open(sys.argv[1], encoding="utf-8").read()
at = -1
for t in sys.argv[2:]:
    i = s.find(t, at + 1)
    if i < 0:
        sys.exit("missing after %d: %s" % (at, t))
    at = i' "$f" "$@" || fail "$f: not in the review's order: $*"
}

review --format html >r.html || fail "html"
order r.html '<section class="chapter" id="chapter-introduction">' '<p class="method">' \
    '<section class="chapter" id="chapter-findings">' '<section id="status">' \
    '<section id="comparison">' '<section class="chapter" id="chapter-good_practices">' \
    '<section class="chapter" id="chapter-recommendations">' '<section id="annex"'
grep -qF 'had <strong>significant awareness</strong> of the LMP' r.html || fail "bold in HTML"
grep -qF '<a href="https://www.ilo.org/triangle">the ILO review</a>' r.html || fail "a link in HTML"
grep -qF '<em>Annex 1</em>' r.html || fail "italic in HTML"
grep -qF '<h4>Analysis &lt;script&gt;alert(' r.html || fail "the sub-heading (###), escaped"
grep -qF 'A [bad link](javascript:alert(1)) and &lt;img src=x onerror=alert(2)&gt; stay text.' r.html ||
    fail "hostile text is not shown as text"
grep -q '<script\|<img\|href="javascript' r.html && fail "a chapter's text became markup"
grep -qF '<ol start="3">' r.html || fail "the numbered list does not start at 3"

review --format md >r.md || fail "md"
order r.md '## Introduction' 'Shares are of' '## Findings' '## Status of activities' \
    '## Good practices' '## Recommendations for future implementation' '## Annex'
grep -qF '[the ILO review](https://www.ilo.org/triangle)' r.md || fail "a link in Markdown"
grep -qF 'A \[bad link\](javascript:alert(1)) and &lt;img' r.md || fail "hostile text in Markdown"

review --format json >r.json || fail "json"
python3 -c 'import json
d = json.load(open("r.json", encoding="utf-8"))
k = [c["kind"] for c in d["chapters"]]
assert k == ["introduction", "findings", "good_practices", "recommendations"], k
assert d["chapters"][0]["text_km"].strip() == "សេចក្តីផ្តើម"' || fail "chapters in the JSON report"

review --format pdf --out r.pdf || fail "pdf"
pdftotext -layout r.pdf r.txt
# The contents (page 2) list the chapters and their sub-headings.
pdftotext -layout -f 2 -l 2 r.pdf toc.txt
order toc.txt Introduction Findings 'Status of activities' 'Good practices' \
    'Recommendations for future implementation' Funding Annex
order r.txt 'This review updates the progress' 'Each activity' 'had significant awareness' \
    'Status of activities by area' 'much higher awareness' 'Increased cooperation in donor' 'Annex:'
grep -qF "the ILO review (https://www.ilo.org/triangle)" r.txt || fail "the PDF gives no link address"
grep -q '3\. *Increased cooperation' r.txt || fail "the PDF's numbered item"
grep -qF 'Analysis <script>alert(' r.txt || fail "the PDF's sub-heading"

review --format docx --out r.docx || fail "docx"
rm -rf dx && mkdir dx && (cd dx && unzip -q ../r.docx) || fail "the DOCX is not a zip"
for part in word/document.xml word/numbering.xml word/styles.xml; do
    xmllint --noout "dx/$part" 2>xml.err || fail "$part: $(head -3 xml.err)"
done
python3 -c 'import re
s = open("dx/word/document.xml", encoding="utf-8").read()
s = s[s.find("w:val=\"Heading1\""):]  # the body, after the contents
def para(text):
    i = s.find(text)
    assert i >= 0, text
    return s[s.rfind("<w:p>", 0, i):s.find("</w:p>", i)]
assert "w:val=\"Heading1\"" in para(">Findings<"), "a chapter heading"
assert "w:val=\"Heading3\"" in para(">Analysis &lt;script&gt;"), "a sub-heading"
assert s.find(">Findings<") < s.find(">Status of activities by area<") < s.find(">Good practices<") \
    < s.find(">Annex: activities"), "the order"
assert re.search(r"<w:b/></w:rPr><w:t xml:space=\"preserve\">significant awareness<", s), "bold"
assert "HYPERLINK &quot;https://www.ilo.org/triangle&quot;" in s, "a link"
assert "javascript" not in re.sub(r"<w:t[^>]*>[^<]*</w:t>", "", s), "a link to javascript"
p = para("Increased cooperation in donor")
assert "ListNumber" in p and "<w:numId" in p, "a numbered item"
n = re.search(r"<w:numId w:val=\"(\d+)\"/>", p).group(1)
num = open("dx/word/numbering.xml", encoding="utf-8").read()
assert re.search(r"<w:num w:numId=\"%s\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>" % n, num), "starts at 3"
assert "ListBullet" in para("much higher awareness"), "a bullet"' || fail "the Word document's chapters"

# In Khmer: the introduction's Khmer text, the others' English.
LANG=km_KH.UTF-8 LANGUAGE= LC_ALL= review --format html >k.html || fail "html km"
grep -qF 'សេចក្តីផ្តើម</p>' k.html || fail "the Khmer introduction"
grep -qF 'This review updates the progress' k.html && fail "the English introduction in the Khmer report"
grep -qF 'had <strong>significant awareness</strong>' k.html || fail "no English fallback"
finish
