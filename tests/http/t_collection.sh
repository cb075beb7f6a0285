# The collection of a round per organisation — whom the officer has to
# chase — the same from 'lmpmon round status' (text, CSV, JSON) and from
# GET /api/round/R/collection, its counts checked against the database
# itself: MOLVT keeps one statement as a draft and has another returned by
# the officer; what it owes is one statement per activity it is responsible
# for; what it still has to do is the owed ones not begun, the draft and
# the returned one.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login molvt
login officer
login viewer

# Two activities MOLVT is responsible for, from the database.
db_sql d "SELECT n.code FROM node_org l JOIN org o ON o.id = l.org_id
    JOIN node n ON n.id = l.node_id WHERE o.acronym = 'MOLVT'
    AND l.role = 'responsible' AND n.depth = 3 ORDER BY n.id LIMIT 2" >codes.txt
a1=$(sed -n 1p codes.txt)
a2=$(sed -n 2p codes.txt)
[ -n "$a1" ] && [ -n "$a2" ] || fail "the sample has no two activities of MOLVT"

code=$(post molvt "/activity/$a1/statement" round=2018 version=0 action=save \
    rating=progressing "text=MOLVT's draft on $a1")
[ "$code" = 303 ] || fail "draft on $a1: $code"
code=$(post molvt "/activity/$a2/statement" round=2018 version=0 action=submit \
    rating=progressing "text=MOLVT's report on $a2")
[ "$code" = 303 ] || fail "submission on $a2: $code"
v=$(version_of officer "/activity/$a2" "/activity/$a2/review")
code=$(post officer "/activity/$a2/review" round=2018 "version=$v" \
    action=return rating=not_rated progress= "comment=Numbers, please")
[ "$code" = 303 ] || fail "return of $a2: $code"

# What the database says: statements owed by responsible bodies of the
# activities assessed in 2018, and MOLVT's share.
owed_all=$(db_sql d "SELECT count(*) FROM node_org l JOIN node n ON n.id = l.node_id
    JOIN assessment a ON a.node_id = n.id JOIN round r ON r.id = a.round_id
    WHERE r.code = '2018' AND l.role = 'responsible' AND n.depth = 3")
owed=$(db_sql d "SELECT count(*) FROM node_org l JOIN org o ON o.id = l.org_id
    JOIN node n ON n.id = l.node_id JOIN assessment a ON a.node_id = n.id
    JOIN round r ON r.id = a.round_id
    WHERE r.code = '2018' AND l.role = 'responsible' AND n.depth = 3 AND o.acronym = 'MOLVT'")
[ "$owed" -ge 2 ] || fail "MOLVT owes $owed statements"

# The JSON of the command and of the API: the same document.
"$LMPMON" --db "$(db d)" round status 2018 --format json >cli.json || fail "round status --format json"
curl -s -b viewer.jar "$BASE/api/round/2018/collection" >api.json
cmp -s cli.json api.json || fail "the API and the command disagree: $(diff cli.json api.json | head -5)"
json_of() { # json_of ORG KEY: the number KEY of organisation ORG
    python3 -c 'import json,sys
d = json.load(open("cli.json"))
print([o for o in d["organisations"] if o["org"] == sys.argv[1]][0][sys.argv[2]])' "$1" "$2"
}
python3 -c 'import json; d = json.load(open("cli.json")); print(d["owed"])' >owed.txt
[ "$(cat owed.txt)" = "$owed_all" ] || fail "owed: $(cat owed.txt), the database says $owed_all"
[ "$(json_of MOLVT responsible)" = "$owed" ] || fail "MOLVT responsible for $(json_of MOLVT responsible), not $owed"
[ "$(json_of MOLVT draft)" = 1 ] || fail "MOLVT drafts: $(json_of MOLVT draft)"
[ "$(json_of MOLVT returned)" = 1 ] || fail "MOLVT returned: $(json_of MOLVT returned)"
[ "$(json_of MOLVT submitted)" = 0 ] || fail "MOLVT submitted: $(json_of MOLVT submitted)"
# Resubmitted and accepted are counted apart from submitted.
[ "$(json_of MOLVT resubmitted)" = 0 ] || fail "MOLVT resubmitted: $(json_of MOLVT resubmitted)"
[ "$(json_of MOLVT accepted)" = 0 ] || fail "MOLVT accepted: $(json_of MOLVT accepted)"
[ "$(json_of MOLVT not_started)" = $((owed - 2)) ] || fail "MOLVT not begun: $(json_of MOLVT not_started)"
[ "$(json_of MOLVT outstanding)" = "$owed" ] || fail "MOLVT to do: $(json_of MOLVT outstanding), not $owed"
# Whom to chase first: to-do never grows down the list.
python3 -c 'import json
o = [x["outstanding"] for x in json.load(open("cli.json"))["organisations"]]
assert o == sorted(o, reverse=True), o' || fail "the organisations are not in order of what they still owe"

# The text: a sentence with the round's figures, then MOLVT's row.
"$LMPMON" --db "$(db d)" round status 2018 >cli.txt || fail "round status"
grep -q "^2018 review (Open): 0 of 103 activities rated so far; 1 of $owed_all statements owed" cli.txt ||
    fail "no summary line: $(head -1 cli.txt)"
grep -q "^MOLVT  *$owed  *$((owed - 2))  *1  *0  *1  *0  *0  *$owed\$" cli.txt ||
    fail "MOLVT's row: $(grep '^MOLVT' cli.txt)"
# The CSV: the names and the partners too, a row per organisation.
"$LMPMON" --db "$(db d)" round status 2018 --format csv >cli.csv || fail "round status --format csv"
head -1 cli.csv | grep -q '^Organisation,Name,Due,Overdue,Responsible,Partner,Not begun,Draft,Submitted,Returned,Resubmitted,Accepted,To do' ||
    fail "CSV header: $(head -1 cli.csv)"
[ "$(($(wc -l <cli.csv) - 1))" = "$(python3 -c 'import json; print(len(json.load(open("cli.json"))["organisations"]))')" ] ||
    fail "the CSV and the JSON list different organisations"
grep -q '^MOLVT,Ministry of Labour and Vocational Training,' cli.csv || fail "no MOLVT row with its name"

# MOLVT's tasks, what needs it first: the returned statement, then those
# not begun, then the draft; the counts above the table.
curl -s -b molvt.jar "$BASE/org/MOLVT?table=tasks&format=csv" | tr -d '\r' >tasks.csv
sed -n 2p tasks.csv | grep -q "^$a2,.*,Returned\$" ||
    fail "the first task is not the returned $a2: $(sed -n 2p tasks.csv)"
last_nb=$(grep -n ',Not begun$' tasks.csv | tail -1 | cut -d: -f1)
draft=$(grep -n "^$a1,.*,Draft\$" tasks.csv | cut -d: -f1)
[ -n "$draft" ] && [ -n "$last_nb" ] && [ "$draft" -gt "$last_nb" ] ||
    fail "the draft on $a1 (line $draft) does not follow the statements not begun (last on line $last_nb)"
[ "$(grep -c ',Not begun$' tasks.csv)" = "$(json_of MOLVT not_started)" ] ||
    fail "tasks not begun: $(grep -c ',Not begun$' tasks.csv), the collection says $(json_of MOLVT not_started)"
curl -s -b molvt.jar "$BASE/org/MOLVT" >org.html
grep -q "— 2018 review: 1 Returned · $(json_of MOLVT not_started) Not begun · 1 Draft" org.html ||
    fail "no counts above MOLVT's tasks: $(grep -o '<p class="counts">[^<]*' org.html)"

# The round page shows the same table to the officer, MOLVT linked to its
# page, and downloads it; a public reader sees no statements, so no table.
curl -s -b officer.jar "$BASE/round/2018" >round.html
grep -q '<h2>By organisation</h2>' round.html || fail "the round page has no table by organisation"
grep -q 'href="/org/MOLVT"' round.html || fail "MOLVT is not linked to its page"
curl -s -b officer.jar "$BASE/round/2018?table=organisations&format=csv" >page.csv
cmp -s page.csv cli.csv || fail "the page's CSV differs from the command's: $(diff page.csv cli.csv | head -3)"
stop_server
start_server "$(db d)" --public
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2017?table=organisations&format=csv")" = 404 ] ||
    fail "a public reader downloads the table of statements"
curl -s "$BASE/round/2017" | grep -q 'By organisation' && fail "a public reader sees the table of statements"

# Refusals: an unknown round, a format that does not exist.
"$LMPMON" --db "$(db d)" round status 2031 >o.txt 2>e.txt
[ $? = 1 ] || fail "an unknown round did not exit 1"
grep -q "no round '2031'" e.txt || fail "unknown round: $(cat e.txt)"
"$LMPMON" --db "$(db d)" round status 2018 --format odt >o.txt 2>e.txt
[ $? = 2 ] || fail "an unknown format did not exit 2"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b viewer.jar "$BASE/api/round/2031/collection")" = 404 ] ||
    fail "the API answers an unknown round with other than 404"

finish
