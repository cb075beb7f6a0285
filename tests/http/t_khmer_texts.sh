# The Khmer texts on the web (issue 13): the M&E officer writes the Khmer
# of the plan's title, of a goal's text and indicator and of an
# organisation's name beside the English on /plan/khmer; a reader of
# Khmer then sees it, a reader of English the English; each save is one
# audit row; a form opened before another save is a 409 that keeps what
# was typed and says what is stored now, writing nothing; an empty text
# removes the Khmer; reporters and viewers get neither the page nor the
# write; the tables download with English and Khmer side by side.  An
# indicator's definition in Khmer is an audited edit of its latest
# revision, never a new revision; an amendment keeps it while the
# definition stays and drops it with a new definition.
. "$(dirname "$0")/lib.sh"

GOAL_KM="ពង្រឹងក្របខ័ណ្ឌច្បាប់"
IND_KM="ចំនួនច្បាប់ដែលបានអនុម័ត"
PLAN_KM="គោលនយោបាយស្តីពីចំណាកស្រុកពលកម្ម"
MOLVT_KM="ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ"
OTHER_KM="អត្ថបទផ្សេង"

make_db "$(db d)"
start_server "$(db d)"
for u in officer officer2 admin molvt viewer; do login $u; done

text_km() { # text_km CODE: node CODE's Khmer text as stored
    db_sql d "SELECT coalesce(text_km, '') FROM node WHERE code = '$1'"
}
audits() { # audits FIELD: audit rows of that field
    db_sql d "SELECT count(*) FROM audit WHERE field = '$1'"
}
# was_of USER WHAT CODE: the Khmer the form of WHAT CODE was made from.
was_of() {
    curl -s -b "$1.jar" "$BASE/plan/khmer" | sed 's/<form/\n<form/g' |
        grep "name=\"what\" value=\"$2\"/><input type=\"hidden\" name=\"code\" value=\"$3\"" |
        sed -n 's/.*name="was" value="\([^"]*\)".*/\1/p' | head -1
}

# The page: linked from the plan for the officer only, a form per text.
curl -s -b officer.jar "$BASE/plan" >plan.html
grep -q 'href="/plan/khmer"' plan.html || fail "/plan does not link the Khmer texts for the officer"
curl -s -b viewer.jar "$BASE/plan" | grep -q 'href="/plan/khmer"' &&
    fail "/plan links the Khmer texts for a viewer"
curl -s -b officer.jar "$BASE/plan/khmer" >texts.html
grep -q 'id="km-node-1"' texts.html || fail "/plan/khmer has no form for goal 1"
grep -q 'id="km-indicator-1"' texts.html || fail "/plan/khmer has no form for goal 1's indicator"
grep -q 'id="km-org-MOLVT"' texts.html || fail "/plan/khmer has no form for MOLVT"
grep -q 'id="km-plan-' texts.html || fail "/plan/khmer has no form for the plan's title"
for u in viewer molvt; do
    code=$(curl -s -b $u.jar -o /dev/null -w '%{http_code}' "$BASE/plan/khmer")
    [ "$code" = 403 ] || fail "$u opening /plan/khmer: expected 403, got $code"
done
code=$(post molvt /plan/khmer what=node code=1 "km=$GOAL_KM" was=)
[ "$code" = 403 ] || fail "a reporter saving a Khmer text: expected 403, got $code"
[ -z "$(text_km 1)" ] || fail "a reporter's Khmer text was stored"

# Saving: goal 1, its indicator, the plan's title, MOLVT's name.
n0=$(audits text_km)
code=$(post officer /plan/khmer what=node code=1 "km=$GOAL_KM" "was=$(was_of officer node 1)")
[ "$code" = 303 ] || fail "saving goal 1's Khmer: expected 303, got $code $(cat post.body)"
[ "$(text_km 1)" = "$GOAL_KM" ] || fail "goal 1's Khmer is not stored: $(text_km 1)"
[ "$(audits text_km)" = $((n0 + 1)) ] || fail "saving goal 1's Khmer wrote $(($(audits text_km) - n0)) audit rows, not 1"
by=$(db_sql d "SELECT actor FROM audit WHERE field = 'text_km' ORDER BY id DESC LIMIT 1")
[ "$by" = officer ] || fail "the audit row names '$by', not the officer"
code=$(post officer /plan/khmer what=indicator code=1 "km=$IND_KM" was=)
[ "$code" = 303 ] || fail "saving goal 1's indicator in Khmer: got $code $(cat post.body)"
code=$(post officer /plan/khmer what=plan code=x "km=$PLAN_KM" was=)
[ "$code" = 303 ] || fail "saving the plan's Khmer title: got $code $(cat post.body)"
code=$(post officer /plan/khmer what=org code=MOLVT "km=$MOLVT_KM" was=)
[ "$code" = 303 ] || fail "saving MOLVT's Khmer name: got $code $(cat post.body)"
[ "$(db_sql d "SELECT name_km FROM org WHERE acronym = 'MOLVT'")" = "$MOLVT_KM" ] ||
    fail "MOLVT's Khmer name is not stored"

# Readers: Khmer to Khmer, English to English.
curl -s -b viewer.jar -H 'Accept-Language: km' "$BASE/plan" >km.html
curl -s -b viewer.jar -H 'Accept-Language: en' "$BASE/plan" >en.html
for s in "$GOAL_KM" "$IND_KM"; do
    grep -qF -- "$s" km.html || fail "/plan in Khmer lacks '$s'"
    grep -qF -- "$s" en.html && fail "/plan in English shows '$s'"
done
curl -s -b viewer.jar -H 'Accept-Language: km' "$BASE/" | grep -qF -- "$PLAN_KM" ||
    fail "the dashboard in Khmer lacks the plan's Khmer title"
curl -s -b viewer.jar -H 'Accept-Language: en' "$BASE/" | grep -qF -- "$PLAN_KM" &&
    fail "the dashboard in English shows the plan's Khmer title"
curl -s -b viewer.jar -H 'Accept-Language: km' "$BASE/org/MOLVT" | grep -qF -- "$MOLVT_KM" ||
    fail "/org/MOLVT in Khmer lacks its Khmer name"

# A stale form: officer2's form was made before the officer's save.
stale=$(was_of officer2 node 2)
code=$(post officer /plan/khmer what=node code=2 "km=$OTHER_KM" "was=$stale")
[ "$code" = 303 ] || fail "saving goal 2's Khmer: got $code"
n1=$(audits text_km)
code=$(post officer2 /plan/khmer what=node code=2 "km=Mine" "was=$stale")
[ "$code" = 409 ] || fail "a stale form: expected 409, got $code"
grep -q 'someone changed this Khmer text' post.body || fail "the 409 does not say why"
grep -qF -- "$OTHER_KM" post.body || fail "the 409 does not show what is stored now"
grep -q '>Mine</textarea>' post.body || fail "the 409 lost what officer2 typed"
[ "$(text_km 2)" = "$OTHER_KM" ] || fail "the stale form overwrote goal 2's Khmer"
[ "$(audits text_km)" = "$n1" ] || fail "the refused save wrote an audit row"
# Saving again from the page the 409 showed is a choice made seeing it.
code=$(post officer2 /plan/khmer what=node code=2 "km=Mine" "was=$OTHER_KM")
[ "$code" = 303 ] || fail "saving again after the conflict: got $code"

# Refusals: an unknown node, a node without an indicator, a bad kind.
code=$(post officer /plan/khmer what=node code=no-such km=x was=)
[ "$code" = 404 ] || fail "an unknown node: expected 404, got $code"
code=$(post officer /plan/khmer what=indicator code=1.1 km=x was=)
[ "$code" = 400 ] || fail "an activity's indicator: expected 400, got $code"
grep -q '1.1 has no indicator' post.body || fail "no reason for the indicator refusal"
code=$(post officer /plan/khmer what=round code=1 km=x was=)
[ "$code" = 400 ] || fail "an unknown kind: expected 400, got $code"

# An empty text removes the Khmer: readers of Khmer see the English again.
code=$(post officer /plan/khmer what=node code=1 km= "was=$GOAL_KM")
[ "$code" = 303 ] || fail "removing goal 1's Khmer: got $code"
[ "$(db_sql d "SELECT count(*) FROM node WHERE code = '1' AND text_km IS NULL")" = 1 ] ||
    fail "an empty Khmer text is not stored as none"

# The download: English and Khmer side by side.
curl -s -b officer.jar "$BASE/plan/khmer?format=csv&table=orgs" >orgs.csv
grep -F "MOLVT," orgs.csv | grep -qF -- "$MOLVT_KM" ||
    fail "the CSV download lacks MOLVT's Khmer name: $(grep MOLVT orgs.csv)"
grep -q '<form\|<textarea' orgs.csv && fail "the forms reach the CSV download"
# An indicator's definition: Khmer on the Khmer /indicators page, the same
# revision, one audit row.
DEF_KM="ចំនួនស្តង់ដារអន្តរជាតិដែលបានផ្តល់សច្ចាប័ន"
revs() { db_sql d "SELECT count(*) FROM indicator WHERE code = 'G1'"; }
[ "$(revs)" = 1 ] || fail "G1 has $(revs) revisions before the test"
grep -q 'id="km-definition-G1"' texts.html || fail "/plan/khmer has no form for G1's definition"
code=$(post officer /plan/khmer what=definition code=G1 "km=$DEF_KM" was=)
[ "$code" = 303 ] || fail "saving G1's Khmer definition: got $code $(cat post.body)"
[ "$(revs)" = 1 ] || fail "a translation made a new revision of G1"
[ "$(audits definition_km)" = 1 ] || fail "the Khmer definition wrote $(audits definition_km) audit rows, not 1"
curl -s -b viewer.jar -H 'Accept-Language: km' "$BASE/indicators?year=2017" | grep -qF -- "$DEF_KM" ||
    fail "/indicators in Khmer lacks G1's Khmer definition"
curl -s -b viewer.jar -H 'Accept-Language: en' "$BASE/indicators?year=2017" | grep -qF -- "$DEF_KM" &&
    fail "/indicators in English shows G1's Khmer definition"
code=$(post officer /plan/khmer what=definition code=G99 km=x was=)
[ "$code" = 404 ] || fail "an unknown indicator: expected 404, got $code"
# Amended without a new definition, the Khmer carries over; with one, it
# does not (the Khmer of another definition would be wrong).
"$LMPMON" --db "$(db d)" indicator amend G1 --reason "verified" --verification "annual report" \
    >/dev/null || fail "amending G1"
[ "$(db_sql d "SELECT definition_km FROM indicator WHERE code = 'G1' AND rev = 2")" = "$DEF_KM" ] ||
    fail "G1's second revision lost the Khmer of an unchanged definition"
"$LMPMON" --db "$(db d)" indicator amend G1 --reason "reworded" --definition "# of conventions ratified" \
    >/dev/null || fail "amending G1's definition"
[ -z "$(db_sql d "SELECT definition_km FROM indicator WHERE code = 'G1' AND rev = 3")" ] ||
    fail "G1's third revision kept the Khmer of another definition"

finish
