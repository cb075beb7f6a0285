# 'lmpmon report review' in every format, on the Cambodian sample, against
# golden files; the HTML must be well-formed and the SVG parse as XML.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

for f in html md csv json svg; do
    run --db "$(db s)" report review --round 2017 --compare 2016 --format "$f"
    expect_status 0
    expect_golden "report_2017_vs_2016.$f"
    cp out.txt "report.$f"
done

# Well-formed: the HTML is written as polyglot (XML-parsable) HTML5.
xmllint --noout report.html 2>xml.err || fail "HTML is not well-formed: $(head -5 xml.err)"
xmllint --noout report.svg 2>xml.err || fail "SVG does not parse: $(head -5 xml.err)"
# Self-contained: nothing is fetched.
grep -qiE '(src|href)="(https?:)?//' report.html && fail "the HTML refers to an outside resource"
grep -q '<script' report.html && fail "the HTML has a script"
grep -q '@page annex{size:A4 landscape' report.html || fail "no landscape print page for the annex"
# Every chart is followed by a table with the same numbers and has a
# text alternative.
[ "$(grep -c '<svg' report.html)" = 2 ] || fail "expected two charts"
[ "$(grep -c '<desc id=' report.html)" = 2 ] || fail "charts lack a text alternative"
grep -q '<caption>Activities by status and area, 2017 progress review</caption>' report.html ||
    fail "no table behind the 2017 chart"

# The CSV has the documented header and one row per round and group.
head -1 report.csv | grep -qx 'round,level,code,name,on_target,progressing,not_on_target,not_rated,total.' ||
    fail "CSV header: $(head -1 report.csv)"
[ "$(grep -c '^2017,' report.csv)" = 7 ] || fail "expected 6 areas + all for 2017"
grep -q '^2017,all,,All activities,6,73,24,0,103' report.csv || fail "overall 2017 row"

# The sentence of the issue, generated.
grep -qF 'In the international framework 83 per cent of the activities (10 out of 12) are progressing or on target.' report.md ||
    fail "the international framework sentence is missing"

# The comparison in the review's words, with every figure's count (the
# 2017 review wrote "14 per cent not on target, a 15 per cent decrease
# from 2016" and "a 10 per cent decrease in activities not on target and
# a commensurate increase of 10 per cent of activities progressing").
grep -qF 'In the institutional framework 14 per cent of the activities (3 out of 22) are now not on target, 15 percentage points fewer than in 2016 (29 per cent, 5 out of 17).' report.md ||
    fail "the institutional framework's change is missing: $(grep 'institutional' report.md | head -3)"
grep -qF 'Overall, compared with 2016, 11 percentage points fewer activities are not on target (23 per cent, 24 out of 103, against 34 per cent, 32 out of 94), and 10 points more are progressing (71 per cent, 73 out of 103, against 61 per cent, 57 out of 94).' report.md ||
    fail "the overall change is missing: $(grep 'Overall, compared' report.md)"
# An area whose share not on target did not move gets no sentence.
grep -q 'In the international framework [0-9]* per cent of the activities ([0-9]* out of [0-9]*) are now not on target' report.md &&
    fail "a change sentence for an area that did not change"

# Every figure those sentences print, as a claims file: 'check --claims'
# recounts each by its own path, and each sentence is printed as listed.
run --db "$(db s)" report review --round 2017 --compare 2016 --format claims --out figures.csv
expect_status 0
n=$(($(wc -l <figures.csv) - 1))
[ "$n" -ge 20 ] || fail "only $n figures listed"
run --db "$(db s)" check --claims figures.csv
expect_status 0
grep -q "^$n claims: $n hold, 0 wrong_percent, 0 wrong_count, 0 wrong_denominator" out.txt ||
    fail "the report's own figures do not all hold: $(tail -3 out.txt)"
python3 - figures.csv report.md <<'PY' || fail "a listed sentence is not in the report"
import csv, sys
md = open(sys.argv[2], encoding="utf-8").read()
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")):
    if row["sentence"] not in md:
        sys.exit("not printed: " + row["sentence"])
PY
# A figure changed by one is caught (the check is not a formality).
sed 's/^s1,2017,A1,on_target+progressing,10,12,83,/s1,2017,A1,on_target+progressing,10,12,84,/' figures.csv >bad.csv
cmp -s figures.csv bad.csv && fail "the tampering did not change the file"
run --db "$(db s)" check --claims bad.csv
grep -q '^s1 *wrong_percent' out.txt || fail "a wrong figure held: $(grep '^s1' out.txt)"

# Another level; --out picks the format from the extension.
run --db "$(db s)" report review --round 2016 --level goal --out goals.csv
expect_status 0
[ "$(grep -c '^2016,goal,' goals.csv)" = 17 ] || fail "expected 17 goal rows"
run --db "$(db s)" report review --round 2017 --level activity
expect_status 2
expect_err "no level 'activity' to group by (levels: area, section, goal)"
run --db "$(db s)" report review --round 2019
expect_status 1
expect_err "no round '2019'"
run --db "$(db s)" report review
expect_status 2
expect_err "which round?"

# Data is escaped: a narrative with markup comes out as text.
"$LMPMON" --db "$(db x)" init >/dev/null
cat >x.json <<'JSON'
{"lmpmon": 1, "organisations": [{"acronym": "A&B <org>", "kind": "ngo"}],
 "plans": [{"code": "x", "title": "<script>alert(1)</script>",
  "levels": [{"name": "area"}, {"name": "activity"}],
  "rounds": [{"code": "r1", "title": "Round \"one\"", "state": "open"}],
  "nodes": [{"code": "1", "level": "area", "text": "Area <b>bold</b>",
   "children": [{"code": "1.1", "level": "activity", "text": "x' onmouseover='y",
    "responsible": ["A&B <org>"],
    "assessments": [{"round": "r1", "progress": "<img src=x onerror=alert(1)>\n\nnext | cell", "rating": "Progressing"}]}]}]}]}
JSON
"$LMPMON" --db "$(db x)" import x.json >/dev/null || fail "x.json"
"$LMPMON" --db "$(db x)" report review --round r1 --out x.html
"$LMPMON" --db "$(db x)" report review --round r1 --out x.svg
"$LMPMON" --db "$(db x)" report review --round r1 --out x.md
xmllint --noout x.html 2>xml.err || fail "hostile data broke the HTML: $(head -3 xml.err)"
xmllint --noout x.svg 2>xml.err || fail "hostile data broke the SVG: $(head -3 xml.err)"
grep -q '<script>' x.html && fail "a <script> from the data reached the HTML"
grep -q '<img' x.html && fail "an <img> from the data reached the HTML"
grep -qF '&lt;img src=x onerror=alert(1)&gt;</p><p>next | cell' x.html || fail "narrative not escaped as text"
grep -qF 'next \| cell' x.md || fail "pipe not escaped in Markdown"

# Markdown: codes, level and round names are data too, escaped wherever
# they land (headings, table cells, list items); a level name is
# capitalised as text, not byte by byte (which made 'área' invalid UTF-8
# and 'Area' '!rea').
cat >h.json <<'JSON'
{"lmpmon": 1, "organisations": [{"acronym": "MOLVT"}],
 "plans": [{"code": "h", "title": "# Hostile *plan*",
 "levels": [{"name": "área", "indicator": true}, {"name": "Area|x"}],
 "rounds": [{"code": "r1|*x*", "title": "Round 1", "state": "open"},
            {"code": "r2", "title": "Round 2", "state": "open"}],
 "nodes": [{"code": "*A*|1", "level": "área", "text": "[link](http://evil.example) &amp;", "indicator": "~~struck~~",
   "children": [
    {"code": "[1](http:e)", "level": "Area|x", "text": "`code` _em_\n# heading", "responsible": ["MOLVT"],
     "assessments": [{"round": "r1|*x*", "action_point": "a|b", "progress": "1. item", "rating": "Progressing"},
                     {"round": "r2", "action_point": "x", "progress": "y", "rating": "On Target"}]},
    {"code": "- 2", "level": "Area|x", "text": "plain", "responsible": ["MOLVT"],
     "assessments": [{"round": "r1|*x*", "action_point": "p", "progress": "q", "rating": "Not on Target"}]}]}]}]}
JSON
"$LMPMON" --db "$(db h)" init >/dev/null
"$LMPMON" --db "$(db h)" import h.json >/dev/null 2>&1 || fail "h.json"
run --db "$(db h)" report review --plan h --round r2 --compare 'r1|*x*' --format md
expect_status 0
iconv -f UTF-8 -t UTF-8 out.txt >/dev/null 2>&1 || fail "the Markdown is not valid UTF-8"
expect_out '| Área | On Target |'
expect_out '### Área \*A\*\|1: \[link\](http://evil.example) \&amp;'
expect_out '## Status of activities by área (r1\|\*x\*)'
expect_out '## Changes from r1\|\*x\* to r2'
expect_out '- \[1\](http:e) \`code\` \_em\_<br># heading (Progressing → On Target)'
expect_out '| \[1\](http:e) \`code\` \_em\_<br># heading | MOLVT |  | a\|b | 1. item |'
expect_out '| r1\|\*x\* action point | r1\|\*x\* progress |'
expect_out 'Indicator: \~\~struck\~\~'
expect_out '\# Hostile \*plan\*'
# Nothing from the data is left unescaped: no '[', '*', '_', '`' or '~'
# without a backslash, but for the report's own bold list titles.
grep -v '^\*\*' out.txt | grep -nE '(^|[^\\])[][*_`~]' >raw.txt &&
    fail "unescaped Markdown from the data: $(head -3 raw.txt)"
# Every row of a table has as many cell separators as the table's header.
awk 'BEGIN { want = -1 } !/^\|/ { want = -1; next }
    { n = 0; for (i = 1; i <= length($0); i++) {
        c = substr($0, i, 1); if (c == "\\") i++; else if (c == "|") n++ }
      if (want < 0) want = n; else if (n != want) { print NR ": " $0; bad = 1 } }
    END { exit bad }' out.txt >cells.txt || fail "a table row has the wrong number of cells: $(head -3 cells.txt)"

# The terminal's view of an activity capitalises level names the same way.
run --db "$(db h)" show activity '[1](http:e)' --plan h
expect_status 0
iconv -f UTF-8 -t UTF-8 out.txt >/dev/null 2>&1 || fail "'show activity' wrote invalid UTF-8"
expect_out 'Área *A*|1: [link](http://evil.example) &amp;'

# A round still collecting has no claims file: its shares are of the
# activities rated so far, a claims file's of all of them.
"$LMPMON" --db "$(db s)" round open 2018 --title "2018 review" >/dev/null || fail "round open"
run --db "$(db s)" report review --round 2018 --compare 2017 --format claims
expect_status 1
expect_err "round '2018' is still collecting"

finish
