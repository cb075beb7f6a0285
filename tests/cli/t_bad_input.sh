# Every kind of bad import file is refused with a message naming file, line,
# column and field, exit status 1, and the database exactly as it was.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
# A second, open plan to import CSV rows into without touching the
# published sample rounds.
cat >open.json <<'JSON'
{"lmpmon": 1, "plans": [{"code": "p", "title": "Test plan",
 "levels": [{"name": "goal", "indicator": true}, {"name": "activity"}],
 "rounds": [{"code": "2018", "title": "2018 review", "state": "open"}]}]}
JSON
run --db "$(db d)" import open.json
expect_status 0
before=$(db_state d)

H='goal_code,goal,goal_indicator,activity_code,activity,responsible,contributing,2018:action_point,2018:progress,2018:rating'
good='1,Goal one,Indicator one,1.1,Activity one,MOLVT,ILO,Do it,Done a bit,Progressing'

# check NAME EXPECTED-TEXT: import NAME.csv into plan p, expect refusal.
check() {
    run --db "$(db d)" import --plan p "$1"
    expect_status 1
    expect_err "$2"
    [ "$before" = "$(db_state d)" ] || fail "$1 changed the database"
}

printf '%s\n%s\n' "$H" "$good" >ok.csv
# (sanity: the good file imports into a copy)
db_cp d copy
"$LMPMON" --db "$(db copy)" import --plan p ok.csv >/dev/null || fail "the good file was refused"

printf '%s\n' "goal_code,goal,goal_indicator,activity_code,activity,responsible,2018:action_point,2018:progress,2018:rating" "1,G,I,1.1,A,MOLVT,x,y,Progressing" >missing_col.csv
check missing_col.csv "cannot import 'missing_col.csv': line 1: missing column 'contributing'"

printf '%s\n%s\n' "goal_code,goal,goal_indicator,activity_code,activity,responsible,contributing,2018:action_point,2018:progress" "1,G,I,1.1,A,MOLVT,ILO,x,y" >missing_round_col.csv
check missing_round_col.csv "line 1: missing column '2018:rating'"

# A file that is not there: said in words, not in the system's.
run --db "$(db d)" import --plan p no-such-file.csv
expect_status 1
expect_err "cannot read 'no-such-file.csv': there is no such file"
grep -q "No such file or directory" err.txt && fail "errno text reached the user"

# '/' joins codes in the audit trail's keys: a code holding one is refused.
printf '%s\n%s\n' "$H" '1,Goal one,Indicator one,1/1,Activity one,MOLVT,ILO,Do it,Done,Progressing' >slash_code.csv
check slash_code.csv "cannot import 'slash_code.csv': line 2: activity code '1/1' holds '/'"
printf '%s\n%s\n' "$H" '1/2,Goal one,Indicator one,1.1,Activity one,MOLVT,ILO,Do it,Done,Progressing' >slash_goal.csv
check slash_goal.csv "line 2: goal code '1/2' holds '/'"

printf '%s\n%s\n' "$H,responsible" "$good,MOLVT" >dup_col.csv
check dup_col.csv "line 1, column 11: duplicate column 'responsible' (also column 6)"

printf '%s\n%s\n' "$H,colour" "$good,red" >unknown_col.csv
check unknown_col.csv "line 1, column 11: unknown column 'colour'"

printf '%s\n%s\n' "$H" "1,Goal one,Indicator one,1.1,Activity one,MOLVT,ILO,Do it,Done,On track?" >bad_rating.csv
check bad_rating.csv "cannot import 'bad_rating.csv': line 2, column 10 (2018:rating): unknown rating 'On track?' (accepted: 'On Target', 'Progressing', 'Not on Target' or empty)"

printf '%s\n%s\n%s\n' "$H" "$good" "1,Goal one,Indicator one,1.1,Again,MOLVT,ILO,x,y,Progressing" >dup_code.csv
check dup_code.csv "line 3, column 4 (activity_code): duplicate activity code '1.1' (first on line 2)"

printf '%s\n%s\n' "$H" "9,,,9.1,Orphan,MOLVT,ILO,x,y,Progressing" >no_goal.csv
check no_goal.csv "line 2, column 1 (goal_code): goal '9' does not exist, so 9.1 cannot be placed under it"

printf '%s\n1,Goal one,Indicator one,1.1,Activit\377 one,MOLVT,ILO,x,y,Progressing\n' "$H" >bad_utf8.csv
check bad_utf8.csv "line 2, column 5 (activity): invalid UTF-8"

printf '%s\n1,Goal one,Indicator one,1.1,"Activity one,MOLVT,ILO,x,y,Progressing\n' "$H" >unterminated.csv
check unterminated.csv "line 2, column 5: quoted field not closed before the end of the file"

: >empty.csv
check empty.csv "cannot import 'empty.csv': the file is empty"

printf '%s\n%s\n' "$H" "1,Goal one,Indicator one,1.1,Activity one,MOLVT" >short_row.csv
check short_row.csv "line 2: 6 fields, but the header has 10 columns"

# A field longer than LIMIT_FIELD_BYTES (32 KiB).
{
    printf '%s\n1,Goal one,Indicator one,1.1,' "$H"
    head -c 40000 /dev/zero | tr '\0' 'x'
    printf ',MOLVT,ILO,x,y,Progressing\n'
} >long_field.csv
check long_field.csv "line 2, column 5: field longer than 32768 bytes (LIMIT_FIELD_BYTES)"

# More rows than LIMIT_IMPORT_ROWS (100000).
awk -v h="$H" 'BEGIN { print h; for (i = 1; i <= 100001; i++) printf "1,Goal one,Indicator one,1.%d,Activity,MOLVT,ILO,x,y,Progressing\n", i }' >many_rows.csv
check many_rows.csv "line 100002: more than 100000 rows (LIMIT_IMPORT_ROWS)"

# A record of more than LIMIT_CSV_RECORD_BYTES (4 MiB), in fields of 30,000.
x30k=$(head -c 30000 /dev/zero | tr '\0' x)
{
    printf '%s\n1,Goal one,Indicator one,1.1,Activity' "$H"
    i=0
    while [ $i -lt 150 ]; do printf ',%s' "$x30k"; i=$((i + 1)); done
    printf '\n'
} >long_record.csv
check long_record.csv "cannot import 'long_record.csv': line 2, column 145: record longer than 4194304 bytes (LIMIT_CSV_RECORD_BYTES)"

# A 30 MB line of commas in a case file: refused at field 1001, in bounded
# memory (it took 653 MB when every field was kept first).
{ printf 'case_no,lodged_on\n'; head -c 30000000 /dev/zero | tr '\0' ','; printf '\n'; } >commas.csv
run_bounded 100 --db "$(db d)" case import commas.csv
expect_status 1
expect_err "cannot import 'commas.csv': line 2, column 1001: more than 1000 fields in one record (LIMIT_CSV_FIELDS)"
[ "$before" = "$(db_state d)" ] || fail "commas.csv changed the database"
echo "commas.csv: peak ${peak_kb:-?} KB"

# An unknown organisation, with suggestions.
printf '%s\n%s\n' "$H" "1,Goal one,Indicator one,1.1,Activity one,MOLVT; MOFA,ILO,x,y,Progressing" >unknown_org.csv
check unknown_org.csv "line 2, column 6 (responsible): unknown organisation 'MOFA' (did you mean "
expect_err "'MOFA&IC'"

# JSON of the wrong shape.
printf '{"lmpmon": 1, "plans": [{"code": "p", "rounds": [{"code": 2018}]}]}' >shape.json
run --db "$(db d)" import shape.json
expect_status 1
expect_err "cannot import 'shape.json': plans[0].rounds[0].code: expected a string"
printf '[1, 2, 3]' >array.json
run --db "$(db d)" import array.json
expect_status 1
expect_err "top level: expected an object"
printf '{"lmpmon": 1, "plans": [}' >syntax.json
run --db "$(db d)" import syntax.json
expect_status 1
expect_err "cannot import 'syntax.json': line 1, column 25"
# 100,000 nested arrays: refused at the bracket past LIMIT_JSON_DEPTH, not
# at jansson's own cap of 2048 after recursing that deep.
awk 'BEGIN { printf "{\"lmpmon\": 1, \"plans\": "; for (i = 0; i < 100000; i++) printf "["
             for (i = 0; i < 100000; i++) printf "]"; print "}" }' >deep.json
run_bounded 50 --db "$(db d)" import deep.json
expect_status 1
expect_err "cannot import 'deep.json': line 1, column 87: nested deeper than 64 levels (LIMIT_JSON_DEPTH)"
printf '{"lmpmon": 1, "organisations": [{"acronym": "X", "kind": "club"}]}' >kind.json
run --db "$(db d)" import kind.json
expect_status 1
expect_err "organisations[0].kind: unknown kind 'club'"
[ "$before" = "$(db_state d)" ] || fail "a bad JSON file changed the database"

# Organisations' parents form a tree: a cycle is refused, naming the
# organisations on it, whether it lies within the file or closes through
# the database (before, X's parent Y and Y's parent X were accepted, and
# the JSON export could then not be imported: neither parent came first).
printf '{"lmpmon": 1, "organisations": [{"acronym": "QA"}, {"acronym": "QB", "parent": "QC"}, {"acronym": "QC", "parent": "QB"}]}' >cycle.json
run --db "$(db d)" import cycle.json
expect_status 1
expect_err "cannot import 'cycle.json': organisations[1] 'QB': parent 'QC' makes a cycle of parents: QB → QC → QB"
[ "$before" = "$(db_state d)" ] || fail "cycle.json changed the database"
db_cp d orgs
printf '{"lmpmon": 1, "organisations": [{"acronym": "QX"}, {"acronym": "QY", "parent": "QX"}]}' >tree.json
run --db "$(db orgs)" import tree.json
expect_status 0
orgs_before=$(db_state orgs)
printf '{"lmpmon": 1, "organisations": [{"acronym": "QX", "parent": "QY"}]}' >close.json
run --db "$(db orgs)" import close.json
expect_status 1
expect_err "cannot import 'close.json': organisations[0] 'QX': parent 'QY' makes a cycle of parents: QX → QY → QX"
[ "$orgs_before" = "$(db_state orgs)" ] || fail "close.json changed the database"
printf '{"lmpmon": 1, "organisations": [{"acronym": "QX", "parent": "QX"}]}' >self.json
run --db "$(db orgs)" import self.json
expect_status 1
expect_err "organisations[0] 'QX': parent 'QX' makes a cycle of parents: QX → QX"
[ "$orgs_before" = "$(db_state orgs)" ] || fail "self.json changed the database"
# The directory still goes out and back in.
"$LMPMON" --db "$(db orgs)" export --format json --out orgs.json
"$LMPMON" --db "$(db fresh)" init >/dev/null
run --db "$(db fresh)" import orgs.json
expect_status 0

# Two files in one import: the second is bad, so the first is not kept either.
run --db "$(db d)" import --plan p ok.csv bad_rating.csv
expect_status 1
expect_err "bad_rating.csv"
[ "$before" = "$(db_state d)" ] || fail "a failed two-file import kept the first file"

# A published round is locked.
sed 's/,Progressing/,Not on Target/' "$SAMPLE/annex.csv" >changed.csv
db_cp d locked
run --db "$(db locked)" import changed.csv --plan cambodia-lmp-2015-2018
expect_status 1
expect_err "is published and locked"

# Accepted without fuss: BOM, CRLF, quoted commas, quotes and newlines,
# rating spellings of real reviews.
printf '\357\273\277%s\r\n1,Goal one,Indicator one,1.1,"Activity, with ""quotes""\r\nand a new line",MOLVT,ILO,x,y,on-track\r\n1,Goal one,Indicator one,1.2,Two,MOFAIC,ILO,x,y,  NOT ON TARGET \r\n' "$H" >friendly.csv
run --db "$(db copy)" import --plan p friendly.csv
expect_status 0
"$LMPMON" --db "$(db copy)" export --plan p --out friendly.out.csv
grep -q '"Activity, with ""quotes""' friendly.out.csv || fail "quoted field lost"
grep -q ',MOFA&IC,ILO,x,y,Not on Target' friendly.out.csv || fail "alias or rating not normalised"
grep -q ',On Target' friendly.out.csv || fail "on-track not read as On Target"

# Cells that spreadsheets would run as formulas are exported guarded and
# come back unchanged on import.
printf '%s\n%s\n' "$H" '1,Goal one,Indicator one,1.3,"=HYPERLINK(""x"")",MOLVT,ILO,+1,-2,' >formula.csv
run --db "$(db copy)" import --plan p formula.csv
expect_status 0
"$LMPMON" --db "$(db copy)" export --plan p --out formula.out.csv
grep -qF '"'"'"'=HYPERLINK(""x"")"' formula.out.csv || fail "formula not guarded: $(grep 1.3 formula.out.csv)"
grep -qF "'+1,'-2" formula.out.csv || fail "+/- cells not guarded"
db_cp copy copy2
run --db "$(db copy2)" import --plan p formula.out.csv
"$LMPMON" --db "$(db copy2)" export --plan p --out formula.out2.csv
cmp -s formula.out.csv formula.out2.csv || fail "guarded cells did not round-trip"

# Export and import are exact inverses for every text, whatever it starts
# with: a formula sign after TAB or CR (which spreadsheets strip), texts
# with apostrophes of their own before a formula sign or not, codes too.
# The plan goes JSON -> database -> CSV -> another database, whose JSON
# export must equal the first's.
cat >tricky.json <<'JSON'
{"lmpmon": 1, "plans": [{"code": "t", "title": "Tricky",
 "levels": [{"name": "goal", "indicator": true}, {"name": "activity"}],
 "rounds": [{"code": "2018", "title": "2018 review", "state": "open"}],
 "nodes": [{"code": "1", "level": "goal", "text": "''=1+1", "indicator": "\t=cmd|' /C calc'!A0",
   "children": [
    {"code": "1.1", "level": "activity", "text": "'=x", "responsible": ["MOLVT"],
     "assessments": [{"round": "2018", "action_point": "\r=1", "progress": "'''-5", "rating": "Progressing"}]},
    {"code": "-1.2", "level": "activity", "text": "@SUM(A1)", "responsible": ["MOLVT"],
     "assessments": [{"round": "2018", "action_point": "'\t=1", "progress": "'-' marks a missing value"}]},
    {"code": "'=1.3", "level": "activity", "text": "''", "responsible": ["MOLVT"],
     "assessments": [{"round": "2018", "action_point": "+1", "progress": "''+1", "rating": "On Target"}]}]}]}]}
JSON
db_cp d tricky1
run --db "$(db tricky1)" import tricky.json
expect_status 0
"$LMPMON" --db "$(db tricky1)" export --plan t --out tricky.csv
grep -qF "'	=cmd" tricky.csv || fail "a TAB before '=' not guarded: $(cat tricky.csv)"
grep -qF "\"'$(printf '\r')=1\"" tricky.csv || fail "a CR before '=' not guarded"
grep -qF ",''=x," tricky.csv || fail "'=x not written ''=x"
grep -q "$(printf ',[\t\r=+@-]')" tricky.csv && fail "a cell starts like a formula: $(cat tricky.csv)"
db_cp d tricky2
# (the CSV does not hold the titles)
sed -n '1,3p' tricky.json | sed '3s/,$/}]}/' >skeleton.json
"$LMPMON" --db "$(db tricky2)" import skeleton.json >/dev/null 2>&1 || fail "skeleton"
run --db "$(db tricky2)" import --plan t tricky.csv
expect_status 0
"$LMPMON" --db "$(db tricky1)" export --format json | grep -v '"revision"' >tricky1.json
"$LMPMON" --db "$(db tricky2)" export --format json | grep -v '"revision"' >tricky2.json
diff tricky1.json tricky2.json >tricky.diff || fail "texts changed on the way through CSV: $(cat tricky.diff)"

finish
