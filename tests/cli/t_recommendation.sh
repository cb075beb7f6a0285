# 'lmpmon recommendation': the 2017 review's recommendations and the
# workshop's priorities as the sample ships them, checked against the
# review's own text; import refusals that name file, line, column and field
# and write nothing; export and re-import; follow-ups only in later rounds.
. "$(dirname "$0")/lib.sh"

SEED=$SRC/../shared/seeds/000_f2247faf10ca0de4.txt
RECS=$SAMPLE/recommendations-2017.csv

"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
run --db "$(db s)" recommendation import "$RECS"
expect_status 0
expect_out "imported"

# Every recommendation loaded is the review's own words: its text, read
# back from the database, occurs in the seed (white space as one space).
if [ -f "$SEED" ]; then
    tr -s ' \n\r\t' '    ' <"$SEED" | tr -s ' ' >seed.txt
    run --db "$(db s)" recommendation export --round 2017 --out back.csv
    expect_status 0
    python3 - back.csv seed.txt <<'PY' || fail "a recommendation is not the seed's text"
import csv, sys
seed = open(sys.argv[2], encoding="utf-8").read()
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows, "no recommendations loaded"
missing = [r["code"] for r in rows if r["text"] not in seed]
groups = sorted({r["group"] for r in rows if r["group"]})
# The five discussion groups the seed names, each with its priorities.
for g in groups:
    assert r"discussion groups" in seed
bad = [g for g in groups if g.split()[0] not in seed]
assert not missing, "not in the seed: %s" % missing
assert not bad, "groups not in the seed: %s" % bad
assert len(groups) == 5, groups
assert all(r["priority"] == "yes" for r in rows if r["group"]), "a group's item is not a priority"
PY
else
    echo "SKIP: the seed is not beside the source ($SEED)"
fi

# The list shows groups, priorities, nodes and the organisations asked.
run --db "$(db s)" recommendation list --round 2017
expect_status 0
expect_out "Cost of migration"
expect_out "C1 (priority)"
expect_out "asked: ACRA; MRC; MOLVT"
expect_out "status: Not started"

# Importing the same file again changes nothing.
before=$(db_sql s "SELECT count(*) FROM audit")
run --db "$(db s)" recommendation import "$RECS"
expect_status 0
[ "$(db_sql s "SELECT count(*) FROM audit")" = "$before" ] || fail "a repeated import wrote"

# Export as XLSX and import it back: the same recommendations.
run --db "$(db s)" recommendation export --out r.xlsx
expect_status 0
"$LMPMON" --db "$(db s2)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample 2"
run --db "$(db s2)" recommendation import r.xlsx
expect_status 0
"$LMPMON" --db "$(db s)" recommendation export >a.csv
"$LMPMON" --db "$(db s2)" recommendation export >b.csv
cmp -s a.csv b.csv || fail "the xlsx round trip changed the recommendations"

# Bad input: file, line, column and field named; nothing written.
bad() { # NAME CONTENT EXPECTED-MESSAGE-PART...
    name=$1 content=$2
    shift 2
    printf '%s\n' "$content" >"$name"
    before=$(db_sql s2 "SELECT count(*) FROM audit")
    run --db "$(db s2)" recommendation import "$name"
    expect_status 1
    for part in "$@"; do expect_err "$part"; done
    [ "$(db_sql s2 "SELECT count(*) FROM audit")" = "$before" ] || fail "$name: something was written"
}
H="round,code,group,text,concerns,asked,priority,source"
bad col.csv "round,code,grup,text,concerns,asked,priority,source" "'col.csv'" "line 1, column 3" "unknown column 'grup'"
bad org.csv "$H
2017,N1,Policy,New one,,,no,x
2017,N2,Policy,Another,,MOLTV,no,x" "'org.csv'" "line 3, column 6 (asked)" "unknown organisation 'MOLTV'" "closest: 'MOLVT'"
bad node.csv "$H
2017,N1,,Text,4.1; 4.99,,no,x" "'node.csv'" "line 2, column 5 (concerns)" "unknown goal or activity '4.99'" "closest:"
bad round.csv "$H
2019,N1,,Text,,,no,x" "line 2, column 1 (round)" "unknown round '2019'"
bad prio.csv "$H
2017,N1,,Text,,,maybe,x" "line 2, column 7 (priority)" "'maybe' is not yes or no"
bad dup.csv "$H
2017,N1,,Text,,,no,x
2017,N1,,Other,,,no,x" "line 3, column 2 (code)" "also on line 2"
bad empty.csv "$H
2017,N1,,,,,no,x" "line 2, column 4 (text): empty"

# Follow-ups: only in a later round, with a known status, then listed.
"$LMPMON" --db "$(db s)" round open 2018 --title "2018 review" --as-of 2018-11-30 >/dev/null
run --db "$(db s)" recommendation follow-up 2017 C1 --in 2017 --status done
expect_status 1
expect_err "later round"
run --db "$(db s)" recommendation follow-up 2017 C1 --in 2018 --status finished
expect_status 2
expect_err "unknown status 'finished'"
run --db "$(db s)" recommendation follow-up 2017 C1 --in 2018 --status in_progress --evidence "ACRA drafted a note"
expect_status 0
run --db "$(db s)" recommendation list --round 2017
expect_out "status: In progress in 2018: ACRA drafted a note"
run --db "$(db s)" recommendation export --round 2017
expect_out "In progress,2018,ACRA drafted a note"

# The review report of 2017 lists the recommendations its review made; the
# 2018 report, the follow-ups recorded in 2018 (and 2017's none of them).
run --db "$(db s)" report review --round 2017 --format md
expect_out "## Recommendations and priorities"
expect_out "- C1 (Cost of migration; priority): relevant stakeholders such as ACRA"
grep -q "Follow-up of earlier" out.txt && fail "the 2017 report shows follow-ups of later rounds"
run --db "$(db s)" report review --round 2018 --format json
expect_out '"C1 of 2017: In progress. ACRA drafted a note"'

# Next year's action plan: round 2018, opened after the import, drafted
# each activity's action point from 2017's and the 2017 priorities that
# concern it (C1 names 7.7 and 7.8; S5 names 11.7; R4, not a priority,
# names 7.8 too and is left out), read here from the annex export.
action_point() { # DB ROUND ACTIVITY
    "$LMPMON" --db "$1" export --format csv | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["activity_code"] == sys.argv[2]:
        print(r[sys.argv[1] + ":action_point"])' "$2" "$3"
}
c1=$(grep '^2017,C1,' "$RECS" | cut -d, -f4-5 | sed 's/^"//')
s5=$(grep '^2017,S5,' "$RECS" | cut -d, -f4)
r4="Clarify policy around costs of migration"
ap=$(action_point "$(db s)" 2018 7.8)
case $ap in *"Priority of the 2017 progress review (C1, Cost of migration): relevant stakeholders such as ACRA"*) ;;
    *) fail "7.8's 2018 draft lacks priority C1: $ap" ;; esac
case $ap in *"$r4"*) fail "7.8's 2018 draft carries R4, which is no priority" ;; esac
# It starts from 2017's action point, or the activity's wording where 2017
# has none (as in this annex).
base=$(action_point "$(db s)" 2017 7.8)
[ -n "$base" ] || base=$("$LMPMON" --db "$(db s)" export --format csv | python3 -c '
import csv, sys
print([r["activity"] for r in csv.DictReader(sys.stdin) if r["activity_code"] == "7.8"][0])')
[ -n "$base" ] || fail "no wording for 7.8"
case $ap in "$base"*) ;; *) fail "7.8's 2018 draft does not start from its wording: $ap" ;; esac
case $(action_point "$(db s)" 2018 7.7) in *"(C1, "*) ;; *) fail "7.7's 2018 draft lacks C1" ;; esac
case $(action_point "$(db s)" 2018 11.7) in *"$s5"*) ;; *) fail "11.7's 2018 draft lacks S5 ($s5)" ;; esac
case $(action_point "$(db s)" 2018 3.1) in *Priority*) fail "3.1 carries a priority nobody set for it" ;; esac
[ -n "$c1" ] || fail "C1 not found in the sample"

# The round's action plan: the action point as agreed (the draft's lines
# apart) and, beside it, the priorities concerning it, in CSV, XLSX, HTML.
run --db "$(db s)" report action-plan --round 2018 --out ap.csv
expect_status 0
python3 - ap.csv "$base" <<'PY' || fail "the action plan's row of 7.8 is wrong"
import csv, sys
rows = {r["Activity"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
r = rows["7.8"]
assert r["Action point 2018"] == sys.argv[2], r["Action point 2018"]
assert "(C1, Cost of migration)" in r["Priorities of earlier reviews, not done"], r
assert "MOLVT" in r["Responsible"]
assert rows["3.1"]["Priorities of earlier reviews, not done"] == ""
PY
run --db "$(db s)" report action-plan --round 2018 --out ap.xlsx
expect_status 0
head -c 2 ap.xlsx | grep -q PK || fail "no xlsx action plan"
run --db "$(db s)" report action-plan --round 2018 --format html
expect_out "<h1>Action plan: 2018 review</h1>"
# As a document: a cover, the table on landscape pages with its header on
# each, the action points and priorities as in the CSV; Word the same,
# well-formed, opened by LibreOffice.
run --db "$(db s)" report action-plan --round 2018 --format pdf --out ap.pdf
expect_status 0
pdfinfo ap.pdf >ap.info || fail "the action plan PDF does not open"
grep -q "^Title: *Action plan: 2018 review" ap.info || fail "the PDF's title: $(grep Title ap.info)"
pdftotext -layout ap.pdf ap.txt
grep -q "Action plan: 2018 review" ap.txt || fail "no title in the PDF"
pdftotext ap.pdf - | tr -s ' \n' '  ' | grep -q "(C1, Cost of migration)" ||
    fail "the PDF lacks the priority beside 7.8"
[ "$(grep -c "Priorities of earlier" ap.txt)" -ge 3 ] ||
    fail "the table's header is not on every page ($(grep -c "Priorities of earlier" ap.txt))"
run --db "$(db s)" report action-plan --round 2018 --format docx --out ap.docx
expect_status 0
rm -rf apx && mkdir apx && (cd apx && unzip -q ../ap.docx) || fail "the Word action plan is not a zip"
xmllint --noout apx/word/document.xml || fail "its document.xml is not well-formed"
grep -q "Cost of migration" apx/word/document.xml || fail "the Word action plan lacks the priority"
run --db "$(db s)" report action-plan --round 2018 --format odt
expect_status 2
expect_err "unknown format 'odt' for the action plan (csv, xlsx, html, pdf or docx)"
run --db "$(db s)" report action-plan --round 2099
expect_status 1
expect_err "no round '2099'"

# A status carried across two rounds: S5 done in 2018 is not carried into
# 2019's draft; C1, in progress in 2018, is, with its status; C1's status
# stays "in progress in 2018" until 2019 records another.
run --db "$(db s)" recommendation follow-up 2017 S5 --in 2018 --status done
expect_status 0
"$LMPMON" --db "$(db s)" round open 2019 --title "2019 review" --as-of 2019-11-30 >/dev/null
case $(action_point "$(db s)" 2019 11.7) in *"(S5, "*) fail "S5, done in 2018, is carried into 2019" ;; esac
case $(action_point "$(db s)" 2019 7.8) in *"(C1, Cost of migration)"*"[In progress in 2018]"*) ;;
    *) fail "7.8's 2019 draft lacks C1 with its 2018 status: $(action_point "$(db s)" 2019 7.8)" ;; esac
run --db "$(db s)" recommendation list --round 2017
expect_out "status: In progress in 2018"
run --db "$(db s)" recommendation follow-up 2017 C1 --in 2019 --status done --evidence "policy note adopted"
expect_status 0
run --db "$(db s)" recommendation list --round 2017
expect_out "status: Done in 2019: policy note adopted"
finish
