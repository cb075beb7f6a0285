# The review loop end to end over HTTP: a reporter submits, the officer
# returns it with a comment, the reporter resubmits a better text; the
# officer's approve from a form built before the resubmission is refused
# (409, the officer's text kept on the form) and, reloaded, approves the
# resubmitted text, which the activity page and the round's summary show.
# Then the round is published and a review post changes nothing.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login molvt
login officer

# api_2018: a2018.json, the 2018 assessment of 4.8 (the last one in
# /api/activity/4.8) with its statements, as the officer reads it.
api_2018() {
    curl -s -b officer.jar "$BASE/api/activity/4.8" |
        awk '/"round": "2018"/ { on = 1 } on' >a2018.json
}

THIN="MOLVT held a meeting on border data."
BETTER="MOLVT trained 120 MOI officials at four border crossings in 2018."
NARRATIVE="Officer: 120 officials trained at four crossings (MOLVT)."

code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=on_target "text=$THIN")
[ "$code" = 303 ] || fail "first submission: $code"

# The officer opens the review page.
v1=$(version_of officer /activity/4.8 /activity/4.8/review)
[ -n "$v1" ] || fail "no version in the review form"
code=$(post officer /activity/4.8/review round=2018 "version=$v1" \
    action=return rating=not_rated progress= "comment=Please give numbers")
[ "$code" = 303 ] || fail "return: $code $(head -c 300 post.body)"
# The page the officer lands on after the return carries a newer version.
v2=$(version_of officer /activity/4.8 /activity/4.8/review)
[ -n "$v2" ] && [ "$v2" != "$v1" ] || fail "the return did not give a new version ($v1 -> $v2)"
curl -s -b molvt.jar "$BASE/activity/4.8" | grep -q 'Please give numbers' ||
    fail "the reporter does not see the officer's comment"

# The reporter resubmits a better text, with the version its form shows.
sv=$(version_of molvt /activity/4.8 /activity/4.8/statement)
[ -n "$sv" ] && [ "$sv" != 0 ] || fail "no statement version on the reporter's form: '$sv'"
code=$(post molvt /activity/4.8/statement round=2018 "version=$sv" \
    action=submit rating=on_target "text=$BETTER")
[ "$code" = 303 ] || fail "resubmission: $code $(head -c 300 post.body)"

# The officer approves from the forms built before the resubmission.
for v in "$v1" "$v2"; do
    code=$(post officer /activity/4.8/review round=2018 "version=$v" \
        action=approve rating=on_target "progress=$NARRATIVE")
    [ "$code" = 409 ] || fail "approve with the stale version $v: expected 409, got $code"
    grep -q 'changed by someone else' post.body || fail "no clear conflict message"
    grep -q "$NARRATIVE" post.body || fail "the officer's text is not kept on the form"
done
api_2018
grep -q '"state": "approved"' a2018.json && fail "a stale form approved: $(cat a2018.json)"
grep -q "$NARRATIVE" a2018.json && fail "the stale narrative was saved"
curl -s -b officer.jar "$BASE/api/round/2018/summary" >s0.json
grep -q '"on_target": 1' s0.json && fail "the summary counts a rating that was refused"

# Reloaded, the form shows the resubmitted text and a fresh version.
curl -s -b officer.jar "$BASE/activity/4.8" >review.html
grep -q "$BETTER" review.html || fail "the review form is not pre-filled with the resubmitted text"
v3=$(version_of officer /activity/4.8 /activity/4.8/review)
[ -n "$v3" ] && [ "$v3" != "$v2" ] || fail "the resubmission did not give a new version ($v2 -> $v3)"
code=$(post officer /activity/4.8/review round=2018 "version=$v3" \
    action=approve rating=on_target "progress=$NARRATIVE")
[ "$code" = 303 ] || fail "approve with the fresh version: $code $(head -c 300 post.body)"

# What everyone sees now.
# What the page shows, without its history of edits (which keeps old texts).
curl -s -b molvt.jar "$BASE/activity/4.8" | sed "s/<h2>History of edits.*//" >after.html
grep -q "$NARRATIVE" after.html || fail "the activity page lacks the approved narrative"
grep -q "$BETTER" after.html || fail "the activity page lacks the resubmitted statement"
grep -q "$THIN" after.html && fail "the activity page still shows the first text"
grep -q 'Accepted: this statement is final' after.html ||
    fail "the reporter's page does not say the statement is accepted"
api_2018
grep -q '"state": "approved"' a2018.json || fail "the assessment is not approved: $(cat a2018.json)"
grep -q '"rating": "on_target"' a2018.json || fail "the approved rating is not on_target"
grep -q "\"text\": \"$BETTER\"" a2018.json || fail "the API's statement is not the resubmitted text"
grep -q "\"progress\": \"$NARRATIVE\"" a2018.json || fail "the API's narrative is not the officer's"
curl -s -b officer.jar "$BASE/api/round/2018/summary" >s1.json
grep -q '"on_target": 1' s1.json || fail "the summary does not count the approved rating: $(head -c 400 s1.json)"

# The published round is locked.
for s in closed published; do
    code=$(post officer /admin/round round=2018 state=$s confirm=yes)
    [ "$code" = 303 ] || fail "round 2018 to $s: $code"
done
# Published, the round counts every activity, rated or not (while it was
# open it counted only the rated one).
curl -s -b officer.jar "$BASE/api/round/2018/summary" >s1.json
grep -q '"rated_only": false' s1.json || fail "the published round still counts only what is rated"
curl -s -b officer.jar "$BASE/api/activity/4.8" >pub0.json
v4=$(awk '/"round": "2018"/ { on = 1 } on && /"version"/ { gsub(/[^0-9]/, ""); print; exit }' pub0.json)
[ -n "$v4" ] || fail "no version of the published assessment"
code=$(post officer /activity/4.8/review round=2018 "version=$v4" \
    action=save rating=not_on_target "progress=Rewritten after publication")
[ "$code" = 409 ] || fail "review in a published round: expected 409, got $code"
grep -q 'published and locked' post.body || fail "the refusal does not say the round is published"
code=$(post officer /activity/4.8/review round=2018 "version=$v4" \
    action=return rating=not_on_target progress=x "comment=reopen this")
[ "$code" = 409 ] || fail "return in a published round: expected 409, got $code"
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=not_on_target "text=Late statement")
[ "$code" = 409 ] || fail "statement in a published round: expected 409, got $code"
curl -s -b officer.jar "$BASE/api/activity/4.8" >pub1.json
cmp -s pub0.json pub1.json || fail "the published activity changed: $(diff pub0.json pub1.json | head -20)"
curl -s -b officer.jar "$BASE/api/round/2018/summary" >s2.json
cmp -s s1.json s2.json || fail "the published round's summary changed"

finish
