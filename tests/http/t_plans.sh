# Several plans in one database: importing a second plan, whose code sorts
# before the first one's, changes nothing that existing links show; ?plan=
# shows the other plan; the dashboard lists both; a statement on the second
# plan lands in the second plan and the redirect stays there.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login viewer
curl -s -b viewer.jar "$BASE/" >before.html
curl -s -b viewer.jar "$BASE/activity/4.8" >before-48.html

"$LMPMON" sample plan --activities 12 --orgs 8 --rounds 2 --seed 3 --out second >/dev/null ||
    fail "cannot generate the second plan"
sed 's/synthetic-lmp/a-second-plan/' second/plan.json >second/plan2.json
"$LMPMON" --db "$(db d)" import --plan a-second-plan second/plan2.json second/annex.csv >/dev/null ||
    fail "cannot import the second plan"

curl -s -b viewer.jar "$BASE/" >after.html
grep -q 'Policy on Labour Migration' after.html || fail "the dashboard no longer shows the first plan"
grep -q 'Plans in this database' after.html || fail "the dashboard does not list the plans"
grep -q 'href="/?plan=a-second-plan"' after.html || fail "no link to the second plan"
curl -s -b viewer.jar "$BASE/activity/4.8" >after-48.html
cmp -s before-48.html after-48.html || fail "activity 4.8 changed when another plan was imported"

curl -s -b viewer.jar "$BASE/?plan=a-second-plan" >second.html
grep -q 'Synthetic labour migration plan' second.html || fail "?plan= does not show the second plan"
# Links inside the second plan's pages stay in it; the first plan's keep
# their plain form (what a bookmark made before the import shows).
grep -q 'href="/round/[^"?]*?plan=a-second-plan"' second.html ||
    fail "the second plan's dashboard links its rounds without ?plan="
grep -q 'href="/plan?plan=a-second-plan"' second.html ||
    fail "the menu of a second-plan page leaves the plan"
curl -s -b viewer.jar "$BASE/plan?plan=a-second-plan" >second-plan.html
grep -q 'href="/activity/1.2?plan=a-second-plan"' second-plan.html ||
    fail "the second plan's tree links its activities without ?plan="
grep -q 'href="/org/[^"?]*?plan=a-second-plan"' second-plan.html ||
    fail "the second plan's tree links organisations without ?plan="
if grep -q 'href="/activity/[^"?]*"' second-plan.html; then
    fail "a link in the second plan's tree leaves the plan"
fi
curl -s -b viewer.jar "$BASE/rounds?plan=a-second-plan" |
    grep -q 'href="/round/[^"?]*/report?plan=a-second-plan"' ||
    fail "the second plan's rounds link their reports without ?plan="
grep -q 'href="/activity/4.8"' after.html || curl -s -b viewer.jar "$BASE/plan" |
    grep -q 'href="/activity/4.8"' || fail "the first plan's links changed form"
code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/?plan=no-such-plan")
[ "$code" = 404 ] || fail "unknown plan: expected 404, got $code"

# A reporter's statement on the second plan, named by the form.
"$LMPMON" --db "$(db d)" round open 2030 --plan a-second-plan --title "2030 review" >/dev/null ||
    fail "cannot open a round in the second plan"
org=$("$LMPMON" --db "$(db d)" show activity 1.2 --plan a-second-plan |
    sed -n 's/^Responsible: *\([A-Za-z0-9-]*\).*/\1/p')
[ -n "$org" ] || fail "cannot find the responsible organisation of 1.2"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add rep2 --role reporter --org "$org" >/dev/null
login rep2
code=$(post rep2 /activity/1.2/statement plan=a-second-plan round=2030 version=0 \
    action=save rating=progressing "text=Second plan statement")
[ "$code" = 303 ] || fail "statement on the second plan: $code $(head -c 300 post.body)"
curl -s -b rep2.jar "$BASE/activity/1.2?plan=a-second-plan" | grep -q 'Second plan statement' ||
    fail "the statement is not on the second plan's activity"
curl -s -b rep2.jar "$BASE/activity/1.2" | grep -q 'Second plan statement' &&
    fail "the statement shows on the first plan's activity 1.2"
finish
