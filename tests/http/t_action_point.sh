# The action-point editor: the M&E officer words an activity's action point
# for the round from the action plan's page (what the annex import does on
# the command line); the save is audited and shows on the action plan; a
# form opened before another save is a 409 that keeps the text typed and
# shows what is stored now; empty text, an activity the round does not
# assess and a published round are refused, writing nothing; reporters and
# viewers get neither the links nor the pages.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
for u in officer officer2 admin molvt viewer; do login $u; done

stored() { # stored ROUND CODE: the action point as the database has it
    db_sql d "SELECT a.action_point FROM assessment a JOIN node n ON n.id = a.node_id
        JOIN round r ON r.id = a.round_id WHERE r.code = '$1' AND n.code = '$2'"
}
audits() {
    db_sql d "SELECT count(*) FROM audit WHERE field = 'action_point'"
}
form_version() { # form_version USER PATH: the version field of the editor
    curl -s -b "$1.jar" "$BASE$2" |
        sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' | head -1
}

# The action plan links each row to its editor, for the officers only.
curl -s -b officer.jar "$BASE/round/2018/action-plan" >plan.html
grep -q 'href="/round/2018/action-plan/4.8"' plan.html ||
    fail "the action plan does not link 4.8's editor for the officer"
curl -s -b viewer.jar "$BASE/round/2018/action-plan" >plan-viewer.html
grep -q 'href="/round/2018/action-plan/4.8"' plan-viewer.html &&
    fail "a viewer is offered the action-point editor"
curl -s -b officer.jar "$BASE/round/2018/action-plan?format=csv&table=action_plan" >plan.csv
grep -q '^4.8,' plan.csv || fail "the officer's CSV download lacks 4.8: $(head -c 200 plan.csv)"
grep -q 'action-plan/4.8\|Edit' plan.csv && fail "the editor's links reach the CSV download"

# The editor: the draft in the box, the priorities beside it.
curl -s -b officer.jar "$BASE/round/2018/action-plan/4.8" >edit.html
grep -q '<textarea id="action_point" name="action_point"' edit.html ||
    fail "the editor has no action point box"
grep -q 'Priorities of earlier reviews that concern it' edit.html ||
    fail "the editor does not show the priorities"
draft=$(stored 2018 4.8)
first=$(printf '%s\n' "$draft" | head -1 | cut -c1-40)
grep -qF "$first" edit.html || fail "the editor does not hold the draft ($first)"
for u in viewer molvt; do
    code=$(curl -s -b $u.jar -o /dev/null -w '%{http_code}' "$BASE/round/2018/action-plan/4.8")
    [ "$code" = 403 ] || fail "$u opening the editor: expected 403, got $code"
done

# Refusals write nothing.
v=$(form_version officer /round/2018/action-plan/4.8)
[ -n "$v" ] || fail "the editor has no version field"
n0=$(audits)
code=$(post molvt /round/2018/action-plan/4.8 "version=$v" "action_point=By a reporter")
[ "$code" = 403 ] || fail "a reporter saving an action point: expected 403, got $code"
code=$(post officer /round/2018/action-plan/4.8 "version=$v" "action_point=   ")
[ "$code" = 400 ] || fail "an empty action point: expected 400, got $code"
grep -q 'needs a text' post.body || fail "an empty action point: no reason given"
code=$(post officer /round/2018/action-plan/no-such "version=$v" "action_point=x")
[ "$code" = 404 ] || fail "an unknown activity: expected 404, got $code"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/round/2018/action-plan/A1")
[ "$code" = 404 ] || fail "an area's action point: expected 404, got $code"
[ "$(stored 2018 4.8)" = "$draft" ] || fail "a refused save changed the action point"
[ "$(audits)" = "$n0" ] || fail "a refused save wrote to the audit trail"

# The officer agrees the wording: saved, audited, on the action plan.
code=$(post officer /round/2018/action-plan/4.8 "version=$v" \
    "action_point=Train 200 officials on the MOU by June.")
[ "$code" = 303 ] || fail "saving the action point: expected 303, got $code $(head -c 300 post.body)"
[ "$(stored 2018 4.8)" = "Train 200 officials on the MOU by June." ] ||
    fail "the action point was not saved: $(stored 2018 4.8)"
by=$(db_sql d "SELECT actor FROM audit WHERE field = 'action_point' AND key LIKE '%/4.8/2018'
    ORDER BY id DESC LIMIT 1")
[ "$by" = officer ] || fail "the audit trail does not name the officer: '$by'"
curl -s -b officer.jar "$BASE/round/2018/action-plan?saved=4.8" >saved.html
grep -q 'The action point of 4.8 is saved.' saved.html || fail "no notice after saving"
grep -q 'Train 200 officials on the MOU by June.' saved.html ||
    fail "the action plan does not show the saved action point"
curl -s -b officer.jar "$BASE/activity/4.8" >activity.html
grep -q 'Train 200 officials on the MOU by June.' activity.html ||
    fail "the activity's page does not show the saved action point"

# Two officers: the second's form, opened before the first saved again,
# is a conflict that keeps its text and shows the stored one.
v2=$(form_version officer2 /round/2018/action-plan/4.8)
v1=$(form_version officer /round/2018/action-plan/4.8)
code=$(post officer /round/2018/action-plan/4.8 "version=$v1" "action_point=First officer's wording.")
[ "$code" = 303 ] || fail "the first officer's save: expected 303, got $code"
code=$(post officer2 /round/2018/action-plan/4.8 "version=$v2" "action_point=Second officer's wording.")
[ "$code" = 409 ] || fail "a stale form: expected 409, got $code"
grep -q 'changed by someone else' post.body || fail "the conflict does not say what happened"
grep -q "<textarea id=\"action_point\" name=\"action_point\" rows=\"10\">Second officer&#39;s wording.</textarea>\|<textarea id=\"action_point\" name=\"action_point\" rows=\"10\">Second officer's wording.</textarea>" post.body ||
    fail "the conflict lost the text typed"
grep -q "First officer" post.body || fail "the conflict does not show the stored action point"
[ "$(stored 2018 4.8)" = "First officer's wording." ] ||
    fail "the stale form overwrote the action point: $(stored 2018 4.8)"
# Saving again from the refused form, seeing the stored text, is allowed.
v3=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' post.body | head -1)
code=$(post officer2 /round/2018/action-plan/4.8 "version=$v3" "action_point=Second officer's wording.")
[ "$code" = 303 ] || fail "saving again after a conflict: expected 303, got $code"

# A published round's action points are final.
curl -s -b admin.jar "$BASE/round/2017/action-plan/4.8" >pub.html
grep -q 'its action points are final' pub.html || fail "a published round's editor does not say it is final"
grep -q '<textarea id="action_point"' pub.html && fail "a published round's action point has a form"
v=$(db_sql d "SELECT a.version FROM assessment a JOIN node n ON n.id = a.node_id
    JOIN round r ON r.id = a.round_id WHERE r.code = '2017' AND n.code = '4.8'")
was=$(stored 2017 4.8)
code=$(post admin /round/2017/action-plan/4.8 "version=$v" "action_point=Rewritten history")
[ "$code" = 409 ] || fail "a published round's action point: expected 409, got $code"
[ "$(stored 2017 4.8)" = "$was" ] || fail "a published round's action point changed"

finish
