# 'lmpmon report coordination' on the Cambodian sample: every count per
# organisation, per lead and per area equals what the sqlite3 shell
# counts in the same database (tables node_org, assessment, org, node);
# the silent organisations are those 'lmpmon check' finds; the HTML is
# well-formed, the JSON parses, the CSV has the documented header and
# gives the same counts; a round with statements counts what each body
# submitted; data is escaped.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

for f in html md csv json; do
    run --db "$(db s)" report coordination --round 2017 --format "$f"
    expect_status 0
    cp out.txt "c.$f"
done
# The format also follows --out's extension.
run --db "$(db s)" report coordination --round 2017 --out o.csv
expect_status 0
cmp -s o.csv c.csv || fail "--out o.csv did not write the CSV"

xmllint --noout c.html 2>xml.err || fail "HTML is not well-formed: $(head -5 xml.err)"
python3 -m json.tool c.json >/dev/null 2>json.err || fail "JSON does not parse: $(head -5 json.err)"
[ "$(head -1 c.csv | tr -d '\r')" = "round,area_code,area,activity,role,organisation,org_kind,responsible_bodies,lead,supported,rating,reported,least_progressing_area,same_wording_group" ] ||
    fail "CSV header: $(head -1 c.csv)"
grep -qxF "$(head -1 c.csv | tr -d '\r')" "$SRC/docs/formats/coordination.md" ||
    fail "the CSV header is not the one docs/formats/coordination.md documents"
grep -qiE '(src|href)="(https?:)?//' c.html && fail "the HTML refers to an outside resource"
grep -q '<script' c.html && fail "the HTML has a script"
# One heat map, with a title, a text alternative and a table behind it.
[ "$(grep -c '<svg' c.html)" = 1 ] || fail "expected one chart"
grep -q '<title id="coord-t1">Figure 1: Activities each organisation is responsible for, by area, round 2017</title>' c.html ||
    fail "the heat map has no title"
grep -q '<desc id="coord-d1">MOLVT: 91 (A1 12, A2 17, A3 13, A4 27, A5 11, A6 11)' c.html ||
    fail "the heat map's text alternative"
grep -q '<caption>Responsible activities by organisation and area</caption>' c.html ||
    fail "no table behind the heat map"

# ---- per organisation: the report against SQL ------------------------------
# Responsible, reported of those, contributing, reported of those, and the
# ratings of the responsible ones.  The sample's rounds come from a report
# (no statements): an activity with a narrative counts as reported.
# Blanks are space, tab, line feed and carriage return (written out: the
# two engines name characters differently).
ws=$(printf ' \t\n\r.')
ws=${ws%.}
db_sql s "
SELECT o.acronym,
  count(*) FILTER (WHERE l.role = 'responsible'),
  count(*) FILTER (WHERE l.role = 'responsible' AND trim(a.progress, '$ws') <> ''),
  count(*) FILTER (WHERE l.role = 'contributing'),
  count(*) FILTER (WHERE l.role = 'contributing' AND trim(a.progress, '$ws') <> ''),
  count(*) FILTER (WHERE l.role = 'responsible' AND a.rating = 'on_target'),
  count(*) FILTER (WHERE l.role = 'responsible' AND a.rating = 'progressing'),
  count(*) FILTER (WHERE l.role = 'responsible' AND a.rating = 'not_on_target'),
  count(*) FILTER (WHERE l.role = 'responsible' AND a.rating = 'not_rated')
FROM node_org l
JOIN org o ON o.id = l.org_id
JOIN assessment a ON a.node_id = l.node_id
JOIN round r ON r.id = a.round_id AND r.code = '2017'
GROUP BY o.acronym;" | LC_ALL=C sort >sql_orgs.txt
[ "$(wc -l <sql_orgs.txt)" -ge 30 ] || fail "SQL found too few organisations: $(cat sql_orgs.txt)"
python3 - c.json >json_orgs.txt <<'PY' || fail "reading the JSON's organisations"
import json, sys
d = json.load(open(sys.argv[1]))
rows = []
for o in d["organisations"]:
    r = o["ratings"]
    rows.append("|".join(str(x) for x in [
        o["acronym"], o["responsible"], o["responsible_reported"],
        o["contributing"], o["contributing_reported"], r["on_target"],
        r["progressing"], r["not_on_target"], r["not_rated"]]))
for line in sorted(rows):
    print(line)
PY
LC_ALL=C sort -o json_orgs.txt json_orgs.txt
diff -u sql_orgs.txt json_orgs.txt >diff.txt || fail "per-organisation counts differ from SQL:\n$(head -20 diff.txt)"
# The CSV's rows give the same counts.
python3 - c.csv >csv_orgs.txt <<'PY' || fail "reading the CSV"
import csv, sys, collections
n = collections.defaultdict(lambda: [0] * 8)
keys = ["on_target", "progressing", "not_on_target", "not_rated"]
for row in csv.DictReader(open(sys.argv[1], newline="")):
    g, role = row["organisation"], row["role"]
    if role == "responsible":
        n[g][0] += 1
        n[g][1] += row["reported"] == "yes"
        n[g][4 + keys.index(row["rating"])] += 1
    elif role == "contributing":
        n[g][2] += 1
        n[g][3] += row["reported"] == "yes"
for g in sorted(n):
    print("|".join([g] + [str(x) for x in n[g]]))
PY
LC_ALL=C sort -o csv_orgs.txt csv_orgs.txt
diff -u sql_orgs.txt csv_orgs.txt >diff.txt || fail "the CSV's counts differ from SQL:\n$(head -20 diff.txt)"
# MOLVT, as the report says it.
grep -qx 'MOLVT|91|89|0|0|6|62|23|0' sql_orgs.txt || fail "MOLVT in SQL: $(grep '^MOLVT|' sql_orgs.txt)"
grep -qF 'MOLVT is responsible for the most: 88 per cent of the activities (91 out of 103); 89 of its 91 were reported in the round, and 75 per cent (68 out of 91) are progressing or on target.' c.md ||
    fail "the MOLVT sentence"

# ---- per organisation and area: the matrix against SQL ----------------------
db_sql s "
WITH RECURSIVE up(id, anc) AS (
  SELECT id, id FROM node
  UNION ALL SELECT up.id, n.parent_id FROM up JOIN node n ON n.id = up.anc
  WHERE n.parent_id IS NOT NULL)
SELECT o.acronym, area.code, count(*)
FROM node_org l
JOIN org o ON o.id = l.org_id
JOIN assessment a ON a.node_id = l.node_id
JOIN round r ON r.id = a.round_id AND r.code = '2017'
JOIN up ON up.id = l.node_id
JOIN node area ON area.id = up.anc AND area.depth = 0
WHERE l.role = 'responsible'
GROUP BY o.acronym, area.code;" | LC_ALL=C sort >sql_matrix.txt
python3 - c.json >json_matrix.txt <<'PY' || fail "reading the JSON's matrix"
import json, sys
d = json.load(open(sys.argv[1]))
rows = [f"{o['acronym']}|{a}|{n}" for o in d["organisations"]
        for a, n in o["responsible_by_area"].items() if n]
for line in sorted(rows):
    print(line)
PY
LC_ALL=C sort -o json_matrix.txt json_matrix.txt
diff -u sql_matrix.txt json_matrix.txt >diff.txt || fail "the matrix differs from SQL:\n$(head -20 diff.txt)"

# ---- activities: who leads, support, the explanations -----------------------
# Per activity of 2017: distinct responsible bodies, government ones among
# them, a development partner or UN agency among all its bodies, positive.
db_sql s "
SELECT n.code,
  (SELECT count(*) FROM node_org l WHERE l.node_id = n.id AND l.role = 'responsible'),
  (SELECT count(*) FROM node_org l JOIN org o ON o.id = l.org_id
    WHERE l.node_id = n.id AND l.role = 'responsible' AND o.kind = 'government'),
  CASE WHEN EXISTS (SELECT 1 FROM node_org l JOIN org o ON o.id = l.org_id
    WHERE l.node_id = n.id AND o.kind IN ('development_partner', 'un_agency'))
    THEN 1 ELSE 0 END,
  CASE WHEN a.rating IN ('progressing', 'on_target') THEN 1 ELSE 0 END
FROM assessment a JOIN node n ON n.id = a.node_id
JOIN round r ON r.id = a.round_id AND r.code = '2017';" >sql_acts.txt
[ "$(wc -l <sql_acts.txt)" = 103 ] || fail "expected 103 activities in 2017"
# several_bodies: several (>= 2) against one government body.
sev=$(awk -F'|' '$2 >= 2' sql_acts.txt | wc -l)
sevpos=$(awk -F'|' '$2 >= 2 && $5 == 1' sql_acts.txt | wc -l)
gov=$(awk -F'|' '$2 == 1 && $3 == 1' sql_acts.txt | wc -l)
govpos=$(awk -F'|' '$2 == 1 && $3 == 1 && $5 == 1' sql_acts.txt | wc -l)
none=$(awk -F'|' '$2 == 0' sql_acts.txt | wc -l)
many=$(awk -F'|' '$2 >= 4' sql_acts.txt | wc -l)
# partner_support: without against with.
wo=$(awk -F'|' '$4 == 0' sql_acts.txt | wc -l)
wopos=$(awk -F'|' '$4 == 0 && $5 == 1' sql_acts.txt | wc -l)
wi=$(awk -F'|' '$4 == 1' sql_acts.txt | wc -l)
wipos=$(awk -F'|' '$4 == 1 && $5 == 1' sql_acts.txt | wc -l)
python3 - c.json "$sev" "$sevpos" "$gov" "$govpos" "$none" "$many" "$wo" "$wopos" "$wi" "$wipos" <<'PY' >check.txt 2>&1 || fail "the explanations differ from SQL: $(cat check.txt)"
import json, sys
d = json.load(open(sys.argv[1]))
sev, sevpos, gov, govpos, none, many, wo, wopos, wi, wipos = map(int, sys.argv[2:])
t = {x["name"]: x for x in d["explanations"]}
def share(s, n, of):
    assert (s["count"], s["of"]) == (n, of), (s, n, of)
share(t["several_bodies"]["first"], sevpos, sev)
share(t["several_bodies"]["second"], govpos, gov)
share(t["partner_support"]["first"], wopos, wo)
share(t["partner_support"]["second"], wipos, wi)
assert d["totals"]["lead"]["several"] == sev
assert d["totals"]["lead"]["one_government"] == gov
assert d["totals"]["lead"]["none"] == none
assert len(d["activities_listed"]["no_responsible"]) == none
assert len(d["activities_listed"]["many_responsible"]) == many
assert d["activities"] == 103
PY
# The sample's answers (docs/formats/coordination.md quotes them).
grep -qF 'Activities with several responsible bodies are progressing or on target in 73 per cent of cases (57 out of 78); activities led by one government body in 80 per cent (12 out of 15). The difference, 7 points, is within what chance would give (up to 25 points here): the data neither supports nor contradicts the review' c.md ||
    fail "the several-bodies sentence"
grep -qF 'Activities in the least progressing areas are supported by a development partner or UN agency in 28 per cent of cases (7 out of 25); activities in the other areas in 67 per cent (52 out of 78). The difference, 39 points, is more than chance would give (23 points here) and goes the way the review' c.md ||
    fail "the support-where-least-progress sentence"
# Within an area the groups are too small, and the report says so.
grep -qF '| A6 Return and Reintegration | 40% (4 of 10) | 100% (2 of 2) | -60 | too few to say |' c.md ||
    fail "the by-area row of return and reintegration"
# Same wording under different codes: 7.4's 2017 action point is 7.7's text.
python3 - c.json <<'PY' >check.txt 2>&1 || fail "same wording: $(cat check.txt)"
import json, sys
d = json.load(open(sys.argv[1]))
groups = [[a["code"] for a in g["activities"]] for g in d["same_wording"]]
assert ["7.4", "7.7"] in groups, groups
assert all(g["across_organisations"] for g in d["same_wording"])
PY

# ---- silent organisations: the check's rule, as it is -----------------------
run --db "$(db s)" check --round 2017 --format json
expect_status 0
python3 - out.txt c.json <<'PY' >check.txt 2>&1 || fail "silent organisations differ from 'lmpmon check': $(cat check.txt)"
import json, sys
check = [f["message"] for f in json.load(open(sys.argv[1]))
         if f["rule"] == "silent_responsible_org"]
report = [s["message"] for s in json.load(open(sys.argv[2]))["silent"]]
assert check and check == report, (check, report)
PY

# ---- a round with statements ----------------------------------------------
"$LMPMON" --db "$(db t)" init >/dev/null || fail "t.db"
cat >t.json <<'JSON'
{"lmpmon": 1, "organisations": [{"acronym": "MOLVT", "kind": "government"},
  {"acronym": "MOI", "kind": "government"}, {"acronym": "ILO", "kind": "un_agency"}],
 "plans": [{"code": "t", "title": "T", "levels": [{"name": "area"}, {"name": "activity"}],
  "rounds": [{"code": "r1", "title": "Round one", "state": "open"}],
  "nodes": [{"code": "A", "level": "area", "text": "Area A", "children": [
   {"code": "1", "level": "activity", "text": "One", "responsible": ["MOLVT", "MOI"],
    "contributing": ["ILO"], "assessments": [{"round": "r1", "progress": "done", "rating": "Progressing"}]},
   {"code": "2", "level": "activity", "text": "Two", "responsible": ["MOLVT"],
    "assessments": [{"round": "r1", "progress": "", "rating": "Not on Target"}]}]}]}]}
JSON
"$LMPMON" --db "$(db t)" import t.json >/dev/null || fail "t.json"
# MOLVT submitted on 1 and approved on 2; MOI has a draft on 1; ILO
# submitted on 1.
db_sql t "
INSERT INTO statement(assessment_id, org_id, text, proposed_rating, state)
SELECT a.id, o.id, 'x', 'progressing', s.state
FROM (SELECT '1' AS code, 'MOLVT' AS org, 'submitted' AS state
      UNION ALL SELECT '2', 'MOLVT', 'accepted'
      UNION ALL SELECT '1', 'MOI', 'draft'
      UNION ALL SELECT '1', 'ILO', 'submitted') s
JOIN node n ON n.code = s.code JOIN assessment a ON a.node_id = n.id
JOIN org o ON o.acronym = s.org;" || fail "statements"
run --db "$(db t)" report coordination --round r1 --format json
expect_status 0
python3 - out.txt <<'PY' >check.txt 2>&1 || fail "statements: $(cat check.txt)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["statements_collected"] is True
o = {x["acronym"]: x for x in d["organisations"]}
# MOLVT: 2 of 2 (submitted, approved); MOI: 0 of 1 (a draft), and silent;
# ILO: contributes to 1 and submitted.
assert (o["MOLVT"]["responsible"], o["MOLVT"]["responsible_reported"]) == (2, 2), o["MOLVT"]
assert (o["MOI"]["responsible"], o["MOI"]["responsible_reported"]) == (1, 0), o["MOI"]
assert o["MOI"]["silent"] and not o["MOLVT"]["silent"]
assert (o["ILO"]["contributing"], o["ILO"]["contributing_reported"]) == (1, 1), o["ILO"]
PY

# ---- usage and errors -------------------------------------------------------
run --db "$(db s)" report coordination
expect_status 2
expect_err "which round?"
run --db "$(db s)" report coordination --round 2017 --format svg
expect_status 2
expect_err "unknown format 'svg' for the coordination report (html, md, csv, json, pdf or docx)"
run --db "$(db s)" report coordination --round 2030
expect_status 1
expect_err "no round '2030' in plan 'cambodia-lmp-2015-2018'"
run --db "$(db s)" report coordination --round 2017 --level goal
expect_status 2
expect_err "report coordination takes --round, --plan, --format and --out only"
run --db "$(db s)" report
expect_status 2
expect_err "'report coordination --round R'"

# ---- data is escaped --------------------------------------------------------
"$LMPMON" --db "$(db x)" init >/dev/null
cat >x.json <<'JSON'
{"lmpmon": 1, "organisations": [{"acronym": "A&B <org>", "name": "\"quoted\" <b>", "kind": "un_agency"}],
 "plans": [{"code": "x", "title": "<script>alert(1)</script>",
  "levels": [{"name": "area"}, {"name": "activity"}],
  "rounds": [{"code": "r1", "title": "Round \"one\"", "state": "open"}],
  "nodes": [{"code": "1", "level": "area", "text": "=Area <b>bold</b>",
   "children": [{"code": "1.1", "level": "activity", "text": "x' onmouseover='y",
    "responsible": ["A&B <org>"],
    "assessments": [{"round": "r1", "action_point": "<img src=x>", "progress": "p", "rating": "Progressing"}]},
    {"code": "1.2", "level": "activity", "text": "other", "responsible": ["A&B <org>"],
    "assessments": [{"round": "r1", "action_point": "<IMG src=x>.", "progress": "", "rating": ""}]}]}]}]}
JSON
"$LMPMON" --db "$(db x)" import x.json >/dev/null || fail "x.json"
for f in html md csv json; do
    "$LMPMON" --db "$(db x)" report coordination --round r1 --out "x.$f" || fail "x.$f"
done
xmllint --noout x.html 2>xml.err || fail "hostile data broke the HTML: $(head -3 xml.err)"
grep -q '<script>' x.html && fail "a <script> from the data reached the HTML"
grep -qi '<img' x.html && fail "an <img> from the data reached the HTML"
grep -qF 'A&amp;B &lt;org&gt;' x.html || fail "an acronym is not escaped in the HTML"
python3 -m json.tool x.json >/dev/null || fail "hostile data broke the JSON"
# A text that starts like a formula is guarded (csv_write_field).
grep -qF "r1,1,'=Area <b>bold</b>,1.1,activity," x.csv || fail "CSV row: $(sed -n 2p x.csv)"
grep -qF '&lt;img src=x>' x.md || fail "markup not escaped in the Markdown"

finish
