# The workflow end to end over HTTP: a reporter submits, the officer merges
# and approves, the dashboard shows it; two officers saving the same
# assessment: the later save is refused and keeps its text; published
# rounds are locked; --public shows published rounds only.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login molvt
login officer
login officer2

curl -s -b officer.jar "$BASE/" >before.html
grep -q '2018 review' before.html || fail "dashboard does not show the open round"

code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=on_target "text=MOLVT trained 120 border officials in 2018.")
[ "$code" = 303 ] || fail "submit: $code"
curl -s -b molvt.jar "$BASE/org/MOLVT" | grep -q 'Submitted' || fail "MOLVT's task list lacks the submitted statement"

# The officer's form is pre-filled with the statement.
curl -s -b officer.jar "$BASE/activity/4.8" | grep -q '>MOLVT trained 120 border officials' ||
    fail "the review form is not pre-filled with the statement"
v=$(version_of officer /activity/4.8 /activity/4.8/review)
[ -n "$v" ] || fail "no version in the review form"
# Two officers open the same form; the first saves, the second is refused.
code=$(post officer /activity/4.8/review round=2018 "version=$v" action=approve \
    rating=on_target "progress=Training delivered to 120 officials.")
[ "$code" = 303 ] || fail "approve: $code $(head -c 300 post.body)"
code=$(post officer2 /activity/4.8/review round=2018 "version=$v" action=save \
    rating=progressing "progress=My competing text that must not be lost")
[ "$code" = 409 ] || fail "second save: expected 409, got $code"
grep -q 'changed by someone else' post.body || fail "no clear conflict message"
grep -q 'My competing text that must not be lost' post.body || fail "the refused text is not kept on the form"

# The dashboard changed: 2018 now has one activity On Target.
curl -s -b officer.jar "$BASE/api/round/2018/summary" >s.json
grep -q '"on_target": 1' s.json || fail "summary does not count the approved rating: $(head -c 400 s.json)"
curl -s -b officer.jar "$BASE/" >after.html
cmp -s before.html after.html && fail "the dashboard did not change"
# The history shows who did it.
curl -s -b officer.jar "$BASE/activity/4.8" | grep -q '<td>officer</td>' || fail "history lacks the officer's change"

# Reporters cannot touch an approved statement.
code=$(post molvt /activity/4.8/statement round=2018 version=1 action=save \
    rating=progressing text=late)
[ "$code" = 409 ] || fail "edit of an approved statement: expected 409, got $code"

# Return with a comment reaches the reporter.
code=$(post molvt /activity/1.1/statement round=2018 version=0 action=submit rating=progressing text=thin)
v=$(version_of officer /activity/1.1 /activity/1.1/review)
code=$(post officer /activity/1.1/review round=2018 "version=$v" action=return \
    rating=progressing progress=x "comment=Please give numbers")
[ "$code" = 303 ] || fail "return: $code"
curl -s -b molvt.jar "$BASE/activity/1.1" | grep -q 'Please give numbers' || fail "the reporter does not see the comment"

# Published rounds are locked.
for s in closed published; do
    code=$(post officer /admin/round round=2018 state=$s confirm=yes)
    [ "$code" = 303 ] || fail "round 2018 to $s: $code"
done
v=$(curl -s -b officer.jar "$BASE/api/activity/4.8" | grep -o '"version": [0-9]*' | tail -1 | grep -o '[0-9]*')
code=$(post officer /activity/4.8/review round=2018 "version=$v" action=save rating=progressing progress=y)
[ "$code" = 409 ] || fail "edit in a published round: expected 409, got $code"
code=$(post officer /admin/round round=2018 state=open)
[ "$code" = 409 ] || fail "reopening a published round: expected 409, got $code"

# --public: anonymous visitors read published rounds only.
stop_server
"$LMPMON" --db "$(db d)" round open 2019 >/dev/null
start_server "$(db d)" --public
code=$(curl -s -o page.html -w '%{http_code}' "$BASE/")
[ "$code" = 200 ] || fail "public dashboard: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2019")
[ "$code" = 404 ] || fail "public view of an open round: expected 404, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/round/2017/report")
[ "$code" = 200 ] || fail "public report of a published round: $code"
curl -s "$BASE/api/activity/4.8" | grep -q '"2019"' && fail "the API shows an open round to the public"
curl -s "$BASE/api/activity/4.8" | grep -q '"statements": \[\]' || fail "statements visible to the public"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/admin")
[ "$code" = 303 ] || fail "public /admin: expected a redirect to login, got $code"

finish
