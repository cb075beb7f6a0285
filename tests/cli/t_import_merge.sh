# Imports that merge: an exported file records the database's revision, and
# importing it writes only the cells its user changed since; a cell changed
# both in the file and in the database is a conflict that refuses the whole
# import, naming line, column, activity, both values and who changed the
# database.  Re-importing an unchanged export changes nothing; a hand-made
# file (no revision) is written as it is, as before, and says so.
. "$(dirname "$0")/lib.sh"

cat >plan.json <<'JSON'
{"lmpmon": 1,
 "organisations": [{"acronym": "MOLVT", "name": "Ministry of Labour and Vocational Training", "kind": "government"},
                   {"acronym": "ILO", "name": "International Labour Organization", "kind": "un_agency"}],
 "plans": [{"code": "p", "title": "Test plan",
   "levels": [{"name": "goal", "indicator": true}, {"name": "activity"}],
   "rounds": [{"code": "2018", "title": "2018 review", "as_of": "2018-11-30", "state": "open"}]}]}
JSON
# Columns: 1 goal_code ... 4 activity_code, 5 activity, 6 responsible,
# 7 contributing, 8 2018:action_point, 9 2018:progress, 10 2018:rating,
# and in exports 11 lmpmon:revision.  Lines 2, 3, 4: activities 1.1-1.3.
H='goal_code,goal,goal_indicator,activity_code,activity,responsible,contributing,2018:action_point,2018:progress,2018:rating'
printf '%s\n' "$H" \
    '1,Goal one,Indicator one,1.1,Activity one,MOLVT,ILO,Do one,Started one,Progressing' \
    '1,Goal one,Indicator one,1.2,Activity two,MOLVT,,Do two,Started two,Progressing' \
    '1,Goal one,Indicator one,1.3,Activity three,ILO,MOLVT,Do three,Started three,Not on Target' \
    >v1.csv

"$LMPMON" --db "$(db m)" init >/dev/null
run --db "$(db m)" import plan.json v1.csv
expect_status 0
# Hand-made files: written as they are, and the import says so.
expect_err "note: 'v1.csv' does not say when it was exported (no column 'lmpmon:revision'): every cell it holds was written as it is"
expect_err "note: 'plan.json' does not say when it was exported"

# progress P: the 2018 progress of activity P as stored.
progress() {
    db_sql m "SELECT a.progress FROM assessment a JOIN node n ON n.id = a.node_id
        WHERE n.code = '$1'"
}

# alice CHANGES...: alice exports, edits with sed and imports, a month on.
alice() {
    "$LMPMON" --db "$(db m)" export --out alice.csv || fail "alice's export"
    sed "$1" alice.csv >alice2.csv
    LMPMON_NOW=2026-02-01T09:30:00Z "$LMPMON" --db "$(db m)" --as alice import alice2.csv \
        >alice.out 2>&1 || fail "alice's import: $(cat alice.out)"
}

# --- 1. Different cells: both changes kept, one change counted ----------
run --db "$(db m)" export --out e.csv
expect_status 0
head -1 e.csv | grep -q ',lmpmon:revision' || fail "the export has no revision column: $(head -1 e.csv)"
alice 's/Started two/Alice two/'
[ "$(progress 1.2)" = "Alice two" ] || fail "alice's change is missing"
sed 's/Started one/Bob one/' e.csv >bob.csv
run --db "$(db m)" --as bob import bob.csv
expect_status 0
expect_out "imported 'bob.csv': 1 change (1 progress) in 1 activity"
[ "$(progress 1.1)" = "Bob one" ] || fail "bob's change was not written: $(progress 1.1)"
[ "$(progress 1.2)" = "Alice two" ] ||
    fail "bob's file wrote back the old value of a cell he did not change: $(progress 1.2)"
# No note: the file merged.
grep -q "note:" err.txt && fail "a merged file got a note: $(cat err.txt)"

# --- 2. The same cell in both: refused whole, nothing written ------------
run --db "$(db m)" export --out f.csv
alice 's/,Not on Target,/,On Target,/'
sed -e 's/,Not on Target,/,Progressing,/' -e 's/Bob one/Bob again/' f.csv >conflict.csv
before=$(db_state m)
run --db "$(db m)" --as bob import conflict.csv
expect_status 1
expect_err "cannot import 'conflict.csv': line 4, column 10 (2018:rating), activity 1.3: changed in the file to 'Progressing' and in the database to 'On Target' (by alice at 2026-02-01 09:30 UTC) since the export; nothing was imported"
[ "$before" = "$(db_state m)" ] || fail "a refused import changed the database"
[ "$(progress 1.1)" = "Bob one" ] || fail "the refused file's other change was written"

# Several conflicts: all listed.
alice 's/Alice two/Alice two again/'
sed -e 's/,Not on Target,/,Progressing,/' -e 's/Alice two/Bob two/' f.csv >conflict2.csv
before=$(db_state m)
run --db "$(db m)" --as bob import conflict2.csv
expect_status 1
expect_err "2 cells were changed both in the file and in the database, all listed below"
expect_err "  line 3, column 9 (2018:progress), activity 1.2: changed in the file to 'Bob two' and in the database to 'Alice two again' (by alice at 2026-02-01 09:30 UTC) since the export"
expect_err "  line 4, column 10 (2018:rating), activity 1.3: changed in the file to 'Progressing' and in the database to 'On Target' (by alice at"
[ "$before" = "$(db_state m)" ] || fail "a refused import changed the database"

# Both changed a cell the same way: nothing to do, no conflict.
sed 's/,Not on Target,/,On Target,/' f.csv >same.csv
run --db "$(db m)" import same.csv
expect_status 0
expect_out "imported 'same.csv': no changes"

# --- 3. Re-importing an unchanged export: no changes ---------------------
run --db "$(db m)" export --out g.csv
before=$(db_state m)
run --db "$(db m)" import g.csv
expect_status 0
expect_out "imported 'g.csv': no changes"
[ "$before" = "$(db_state m)" ] || fail "re-importing an unchanged export changed the database"
# An older export, unchanged, neither: it keeps what others wrote since.
run --db "$(db m)" import e.csv
expect_status 0
expect_out "imported 'e.csv': no changes"
[ "$before" = "$(db_state m)" ] || fail "re-importing an old export changed the database"

# --- 4. JSON exports merge the same way ----------------------------------
run --db "$(db m)" export --format json --out j.json
grep -q '"revision": "' j.json || fail "the JSON export has no revision"
alice 's/Bob one/Alice one/'
sed 's/Started three/Json three/' j.json >j2.json
run --db "$(db m)" import j2.json
expect_status 0
expect_out "imported 'j2.json': 1 change (1 progress) in 1 activity"
[ "$(progress 1.1)" = "Alice one" ] || fail "the JSON import wrote back an old value"
[ "$(progress 1.3)" = "Json three" ] || fail "the JSON change was not written"
sed 's/"Bob one"/"Json one"/' j.json >j3.json
run --db "$(db m)" import j3.json
expect_status 1
expect_err "cannot import 'j3.json': plan 'p', activity '1.1': 2018:progress: changed in the file to 'Json one' and in the database to 'Alice one' (by alice at"

# --- 5. Hand-made file: today's behaviour, with the note -----------------
before_bare=$(progress 1.1)
run --db "$(db m)" import v1.csv
expect_status 0
expect_err "note: 'v1.csv' does not say when it was exported (no column 'lmpmon:revision')"
expect_out "imported 'v1.csv': "
[ "$(progress 1.1)" = "Started one" ] ||
    fail "a hand-made file was not written as it is: $(progress 1.1) (was $before_bare)"

# A row whose revision was emptied is written as it is, and said so.
run --db "$(db m)" export --out h.csv
alice 's/Started two/Alice two/'
awk -F, -v OFS=, 'NR == 3 { sub(/[0-9]+@[^,]*$/, "") } { print }' h.csv >bare.csv
run --db "$(db m)" import bare.csv
expect_status 0
expect_err "note: 'bare.csv': 1 row of an activity in the database has no revision (column 'lmpmon:revision' empty): its cells were written as they are"
[ "$(progress 1.2)" = "Started two" ] || fail "the bare row was not written as it is"

# A revision this database never had (another database): written as it
# is, and said so; a mangled one is refused.
LMPMON_NOW=2025-06-01T00:00:00Z "$LMPMON" --db "$(db other)" init >/dev/null
LMPMON_NOW=2025-06-01T00:00:00Z "$LMPMON" --db "$(db other)" import plan.json v1.csv >/dev/null 2>&1
sed 's/Started one/Moved one/' g.csv >moved.csv
run --db "$(db other)" import moved.csv
expect_status 0
expect_err "note: 'moved.csv': 3 rows came from another database (their revision is not in this one's history): their cells were written as they are"
sed 's/,[0-9]*@\([^,]*\)$/,yesterday/' g.csv >mangled.csv
run --db "$(db m)" import mangled.csv
expect_status 1
expect_err "cannot import 'mangled.csv': line 2, column 11 (lmpmon:revision): 'yesterday' is not a revision lmpmon wrote"

finish
