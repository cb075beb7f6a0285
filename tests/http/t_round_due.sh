# Due dates in the web application, on a pinned day (LMPMON_NOW): the JSON
# API gives the round's due date and per organisation its due date,
# whether it is overdue and the resubmitted and accepted counts; the round
# page says when the round is due in words and marks "overdue" on the
# right organisations only (MOLVT owes statements; MOH has an extension;
# MOP submitted everything); the officer sets the due date and grants an
# extension from the page, a stale page is refused with 409 and keeps what
# was typed, a date that does not exist and an extension without a reason
# are refused with 400 saying why; a reporter's tasks and the officer's
# dashboard say it too.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
"$LMPMON" --db "$(db d)" round due 2018 2018-12-15 >/dev/null || fail "due date"
"$LMPMON" --db "$(db d)" round extend 2018 MOH 2019-01-15 --reason "new minister" >/dev/null ||
    fail "MOH's extension"
db_sql d "INSERT INTO statement(assessment_id, org_id, text, proposed_rating,
      state, comment, version)
    SELECT a.id, o.id, 'Done.', 'progressing', 'submitted', '', 1
    FROM node_org l JOIN org o ON o.id = l.org_id JOIN node n ON n.id = l.node_id
    JOIN assessment a ON a.node_id = n.id JOIN round r ON r.id = a.round_id
    WHERE r.code = '2018' AND l.role = 'responsible' AND o.acronym = 'MOP'" ||
    fail "MOP's statement"

# The day after the due date (10:00 in Phnom Penh).
export LMPMON_NOW=2018-12-16T03:00:00Z LMPMON_TZ=Asia/Phnom_Penh
start_server "$(db d)"
login officer
login molvt
login viewer

# The API.
curl -s -b viewer.jar "$BASE/api/round/2018/collection" >api.json
python3 - <<'EOF' || fail "the collection's JSON: $(head -c 300 api.json)"
import json
d = json.load(open("api.json"))
assert d["due"] == "2018-12-15", d["due"]
o = {x["org"]: x for x in d["organisations"]}
for k in ("org", "linked", "not_started", "draft", "submitted", "resubmitted",
          "returned", "accepted", "overdue", "due", "outstanding", "responsible"):
    assert k in o["MOLVT"], k
assert o["MOLVT"]["overdue"] is True and o["MOLVT"]["due"] == "2018-12-15"
assert o["MOH"]["overdue"] is False and o["MOH"]["due"] == "2019-01-15"
assert o["MOP"]["overdue"] is False and o["MOP"]["submitted"] == 1
assert o["MOLVT"]["linked"] == o["MOLVT"]["responsible"] + o["MOLVT"]["partner"]
# Overdue ones first.
flags = [x["overdue"] for x in d["organisations"]]
assert flags == sorted(flags, reverse=True), flags
EOF

# The round page: when, in words, and the overdue organisations marked.
curl -s -b officer.jar "$BASE/round/2018" >round.html
grep -q 'Due <strong>15 December 2018</strong>, 1 day overdue: <strong class="badge overdue">' round.html ||
    fail "the round page does not say when it was due: $(grep -o 'round-due.\{0,200\}' round.html)"
# row ORG: organisation ORG's row of the table by organisation.
row() { sed 's|</tr>|</tr>\n|g' round.html | grep "<th scope=\"row\"><a href=\"/org/$1\">"; }
row MOLVT | grep -q '<td class="d">2018-12-15</td><td><span class="badge overdue">overdue</span></td>' ||
    fail "MOLVT is not marked overdue: $(row MOLVT | tail -c 200)"
row MOH | grep -q 'overdue' && fail "MOH, with its extension, is marked overdue"
row MOH | grep -q '<td class="d">2019-01-15</td>' || fail "MOH's extended date is not shown"
row MOP | grep -q 'overdue' && fail "MOP, who submitted everything, is marked overdue"
grep -q '<caption>1 organisation has an extension</caption>' round.html ||
    fail "the extensions are not listed"
grep -q '<td>new minister</td>' round.html || fail "the extension's reason is not shown"
# The table downloads with the same columns.
curl -s -b officer.jar "$BASE/round/2018?table=organisations&format=csv" | tr -d '\r' >orgs.csv
head -1 orgs.csv | grep -q '^Organisation,Name,Due,Overdue,' || fail "CSV header: $(head -1 orgs.csv)"
grep -q '^MOLVT,[^,]*,2018-12-15,overdue,' orgs.csv || fail "CSV: $(grep '^MOLVT,' orgs.csv)"
# The list of rounds gives each one's due date.
curl -s -b viewer.jar "$BASE/rounds?table=rounds&format=csv" | tr -d '\r' >rounds.csv
head -1 rounds.csv | grep -q '^Round,As of,State,Due,' || fail "the rounds' header: $(head -1 rounds.csv)"
grep -q '^2018 review,2018-11-30,Open,2018-12-15,' rounds.csv || fail "the rounds list: $(grep '^2018' rounds.csv)"
# A viewer reads it all but gets no form.
curl -s -b viewer.jar "$BASE/round/2018" >viewer.html
grep -q 'action="/round/2018/due"' viewer.html && fail "a viewer is offered the due-date form"
grep -q 'action="/round/2018/due"' round.html || fail "the officer has no due-date form"
grep -q '<select id="org" name="org">' round.html || fail "the extension's organisation is not picked from the directory"

# A reporter's tasks: its due date and that it is overdue, at the top.
curl -s -b molvt.jar "$BASE/org/MOLVT" >org.html
grep -q '2018 review: due <strong>15 December 2018</strong>, <strong class="badge overdue">1 day overdue</strong>' org.html ||
    fail "MOLVT's tasks do not say it is overdue: $(grep -o 'round-due.\{0,200\}' org.html)"
# Each row it owes says so; its partners' rows, which it does not owe, not.
curl -s -b molvt.jar "$BASE/org/MOLVT?table=tasks&format=csv" | tr -d '\r' >tasks.csv
[ "$(grep -c ',Responsible,"Not begun, overdue"$' tasks.csv)" -gt 0 ] ||
    fail "MOLVT's owed rows do not say overdue: $(sed -n 2,4p tasks.csv)"
grep -q ',Contributing partner,"Not begun, overdue"$' tasks.csv &&
    fail "a partner's row is marked overdue: $(grep "Contributing partner" tasks.csv | head -2)"
grep -q '<strong class="badge overdue">Not begun, overdue</strong>\|class="badge overdue">Not begun, overdue<' org.html ||
    fail "the overdue rows are not a badge on the page"
curl -s -b viewer.jar "$BASE/org/MOH" | grep -q '(extended), in 30 days' ||
    fail "MOH's page does not give its extended date"
# The officer's dashboard counts the overdue organisations.
n=$(python3 -c 'import json; print(sum(o["overdue"] for o in json.load(open("api.json"))["organisations"]))')
curl -s -b officer.jar "$BASE/" | grep -q "2018 review</a>: <strong class=\"badge overdue\">$n organisations are overdue</strong>" ||
    fail "the dashboard does not count the $n overdue organisations"

# Closing asks first, the overdue organisations among what is still open.
code=$(post officer /admin/round round=2018 state=closed)
[ "$code" = 200 ] || fail "closing without confirmation: $code"
grep -q '<li class="open">[0-9]* organisations are overdue: MOLVT, ' post.body ||
    fail "the checklist does not list the overdue organisations: $(grep -o 'overdue.\{0,80\}' post.body | head -2)"
curl -s -b viewer.jar "$BASE/api/round/2018/collection" | grep -q '"state": "open"' ||
    fail "the round was closed without confirmation"

# The officer moves the due date; a second page still showing the old one
# is refused (409) and keeps what was typed.
code=$(post officer /round/2018/due was=2018-12-15 due=2018-12-20)
[ "$code" = 303 ] || fail "moving the due date: $code"
code=$(post officer /round/2018/due was=2018-12-15 due=2018-12-22)
[ "$code" = 409 ] || fail "a stale due date: $code"
grep -q 'changed by someone else to 2018-12-20' post.body || fail "the conflict is not explained"
grep -q 'id="due" name="due" type="date" value="2018-12-22"' post.body || fail "the typed date is lost"
code=$(post officer /round/2018/due was=2018-12-20 due=2018-02-30)
[ "$code" = 400 ] || fail "a date that does not exist: $code"
grep -q "due date &#39;2018-02-30&#39; is not a date" post.body || fail "the bad date is not named"
curl -s -b officer.jar "$BASE/round/2018" | grep -q 'Due <strong>20 December 2018</strong>, in 4 days.' ||
    fail "the new due date is not shown in words"
# MOLVT is no longer overdue.
curl -s -b viewer.jar "$BASE/api/round/2018/collection" | tr -d ' \n' |
    grep -q '"org":"MOLVT",[^}]*"overdue":false' || fail "MOLVT is still overdue"

# Extensions: a reason is needed; granted, then a second grant from a page
# that showed none is refused.
code=$(post officer /round/2018/extension org=MOLVT due=2019-01-31 reason= action=save)
[ "$code" = 400 ] || fail "an extension without a reason: $code"
grep -q 'an extension needs a reason' post.body || fail "no reason asked for"
code=$(post officer /round/2018/extension org=MOLVT due=2019-01-31 "reason=provincial data late" action=save)
[ "$code" = 303 ] || fail "MOLVT's extension: $code"
code=$(post officer /round/2018/extension org=MOLVT due=2019-02-28 reason=again action=save version-MOLVT=0)
[ "$code" = 409 ] || fail "a second grant from a stale page: $code"
code=$(post officer /round/2018/extension org=MOH action=remove version-MOH=1)
[ "$code" = 303 ] || fail "removing MOH's extension: $code"
curl -s -b viewer.jar "$BASE/api/round/2018/collection" | tr -d ' \n' >api2.json
grep -q '"org":"MOH",[^}]*"due":"2018-12-20"' api2.json || fail "MOH keeps its removed extension"
grep -q '"org":"MOLVT",[^}]*"due":"2019-01-31"' api2.json || fail "MOLVT's extension is not its due date"
# A reporter may not set either.
[ "$(post molvt /round/2018/due was=2018-12-20 due=2019-12-31)" = 403 ] || fail "a reporter set the due date"
finish
