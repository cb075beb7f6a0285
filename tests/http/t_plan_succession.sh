# Plan succession in the browser: an M&E officer creates the next plan
# from the sample on the admin page (a confirmation first, nothing written
# before it), each node linked to its predecessor; bad input is refused
# with its reason and writes nothing; a reporter may not; the new plan's
# activity page and API show the old plan's ratings by round with the
# plan named, and the old activity links to its successor.
. "$(dirname "$0")/lib.sh"

OLD=cambodia-lmp-2015-2018
NEW=cambodia-lmp-2019-2023
make_db "$(db d)"
start_server "$(db d)"
for u in officer molvt viewer; do login $u; done

state() {
    db_sql d "SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM node),
        (SELECT count(*) FROM audit)"
}
before=$(state)

# The admin page lists the plans and offers the form.
curl -s -b officer.jar "$BASE/admin" >admin.html
grep -q 'action="/admin/plan"' admin.html || fail "the admin page has no form to create a plan"
grep -q 'Create the next plan from an earlier one' admin.html || fail "the plan form has no heading"
grep -q "<option value=\"$OLD\" selected=\"selected\">" admin.html ||
    fail "the form does not offer the current plan to follow"

# The first post asks for confirmation and writes nothing.
code=$(post officer /admin/plan from=$OLD code=$NEW "plan_title=Policy on Labour Migration 2019-2023")
[ "$code" = 200 ] || fail "the first post: expected the confirmation (200), got $code"
grep -q "The plan $NEW will be created from Policy on Labour Migration" post.body ||
    fail "the confirmation does not say what will be created: $(grep -o '<p>[^<]*' post.body | head -3)"
grep -q '134 nodes' post.body || fail "the confirmation does not count the nodes"
grep -q 'name="confirm" value="yes"' post.body || fail "the confirmation has no confirming form"
[ "$(state)" = "$before" ] || fail "asking for confirmation wrote to the database"

# Bad input: the reason, the form kept, nothing written.
code=$(post officer /admin/plan from=no-such-plan code=x confirm=yes)
[ "$code" = 404 ] || fail "unknown plan: expected 404, got $code"
grep -q "no plan &#39;no-such-plan&#39;\|no plan 'no-such-plan'" post.body ||
    fail "unknown plan: the page does not name it"
code=$(post officer /admin/plan from=$OLD code=$OLD)
[ "$code" = 400 ] || fail "the old plan's own code: expected 400, got $code"
code=$(post officer /admin/plan from=$OLD "code=two words" "plan_title=Kept title")
[ "$code" = 400 ] || fail "a code with a space: expected 400, got $code"
grep -q 'is not a code' post.body || fail "a bad code: no reason given"
grep -q 'value="Kept title"' post.body || fail "a refused form lost the title typed"
code=$(post molvt /admin/plan from=$OLD code=$NEW confirm=yes)
[ "$code" = 403 ] || fail "a reporter creating a plan: expected 403, got $code"
[ "$(state)" = "$before" ] || fail "a refused post wrote to the database"

# Confirmed: created, linked, and back to the new plan's admin page.
code=$(post officer /admin/plan from=$OLD code=$NEW "plan_title=Policy on Labour Migration 2019-2023" confirm=yes)
[ "$code" = 303 ] || fail "the confirmed post: expected 303, got $code $(head -c 300 post.body)"
links=$(db_sql d "SELECT count(*) FROM node n JOIN plan p ON p.id = n.plan_id
    JOIN node o ON o.id = n.predecessor_id JOIN plan q ON q.id = o.plan_id
    WHERE p.code = '$NEW' AND q.code = '$OLD' AND o.code = n.code")
[ "$links" = 134 ] || fail "expected 134 nodes linked to their namesakes, got $links"
title=$(db_sql d "SELECT title FROM plan WHERE code = '$NEW'")
[ "$title" = "Policy on Labour Migration 2019-2023" ] || fail "the new plan's title: '$title'"
rounds=$(db_sql d "SELECT count(*) FROM round r JOIN plan p ON p.id = r.plan_id WHERE p.code = '$NEW'")
[ "$rounds" = 0 ] || fail "rounds were copied into the new plan: $rounds"
curl -s -b officer.jar "$BASE/admin?done=plan_created&plan=$NEW" >done.html
grep -q 'Plan created from the one it follows' done.html || fail "no notice after creating the plan"
grep -q ">$OLD</td>" done.html || fail "the plans table does not say which plan the new one follows"

# The same code again: a conflict, nothing written.
after=$(state)
code=$(post officer /admin/plan from=$OLD code=$NEW confirm=yes)
[ "$code" = 409 ] || fail "an existing code: expected 409, got $code"
grep -q 'already' post.body || fail "an existing code: no reason given"
[ "$(state)" = "$after" ] || fail "a refused plan wrote to the database"

# History across plans: the new activity shows the old plan's rounds.
curl -s -b viewer.jar "$BASE/activity/1.1?plan=$NEW" >new-11.html
grep -q 'Before this plan' new-11.html || fail "the new plan's activity does not show its history"
grep -q "2017 (plan Policy on Labour Migration for Cambodia 2015" new-11.html ||
    fail "the history does not name the 2017 round and its plan"
grep -q "href=\"/activity/1.1\"" new-11.html || fail "the history does not link the predecessor"
rating=$(db_sql d "SELECT a.rating FROM assessment a JOIN node n ON n.id = a.node_id
    JOIN round r ON r.id = a.round_id JOIN plan p ON p.id = n.plan_id
    WHERE p.code = '$OLD' AND n.code = '1.1' AND r.code = '2017'")
case $rating in
progressing) grep -q '2017 (plan [^<]*): <span class="rating r-progressing"' new-11.html ||
    fail "the 2017 rating is not shown as the old plan has it" ;;
*) fail "the sample's 1.1 is no longer progressing in 2017 ($rating): fix this test" ;;
esac
curl -s -b viewer.jar "$BASE/activity/1.1" >old-11.html
grep -q 'After this plan' old-11.html || fail "the old activity does not link to its successor"
grep -q "href=\"/activity/1.1?plan=$NEW\"" old-11.html || fail "no link to the successor's page"

# The API says the same.
curl -s -b viewer.jar "$BASE/api/activity/1.1?plan=$NEW" >api.json
python3 - api.json "$OLD" <<'PY' || fail "the API's succession is wrong: $(head -c 400 api.json)"
import json, sys
o = json.load(open(sys.argv[1]))
p = o["predecessor"]
assert p["plan"] == sys.argv[2] and p["code"] == "1.1", p
rounds = [(r["plan"], r["round"], r["rating"]) for r in p["rounds"]]
assert rounds[:2] == [(sys.argv[2], "2016", rounds[0][2]), (sys.argv[2], "2017", "progressing")], rounds
assert o["successor"] is None, o["successor"]
PY
curl -s -b viewer.jar "$BASE/api/activity/1.1" >api-old.json
python3 - api-old.json "$NEW" <<'PY' || fail "the old activity's API has no successor: $(head -c 400 api-old.json)"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["successor"] == {"plan": sys.argv[2], "code": "1.1"}, o["successor"]
assert o["predecessor"] is None
PY

finish
