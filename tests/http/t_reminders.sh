# Deadline reminders (issue 11): the reporters of an organisation that
# still owes statements in an open round are told when they are due within
# three days and when they are overdue — by 'lmpmon round remind' (cron)
# and by the server on its own — once per due date however often it runs,
# and never an organisation that has handed everything in (MOP here) or
# has a later extension (MOH).  An extension that passes reminds again.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add mop --role reporter --org MOP >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$(db d)" user add moh --role reporter --org MOH >/dev/null ||
    fail "cannot add the reporters"
"$LMPMON" --db "$(db d)" round due 2018 2018-12-15 >/dev/null || fail "due date"
"$LMPMON" --db "$(db d)" round extend 2018 MOH 2019-01-15 --reason "new minister" >/dev/null ||
    fail "MOH's extension"
db_sql d "INSERT INTO statement(assessment_id, org_id, text, proposed_rating,
      state, comment, version)
    SELECT a.id, o.id, 'Done.', 'progressing', 'submitted', '', 1
    FROM node_org l JOIN org o ON o.id = l.org_id JOIN node n ON n.id = l.node_id
    JOIN assessment a ON a.node_id = n.id JOIN round r ON r.id = a.round_id
    WHERE r.code = '2018' AND l.role = 'responsible' AND o.acronym = 'MOP'" ||
    fail "MOP's statements"
export LMPMON_TZ=Asia/Phnom_Penh
# told USER KIND: how many notifications of KIND USER has.
told() {
    db_sql d "SELECT count(*) FROM notification x JOIN account u
        ON u.id = x.recipient_id WHERE u.name = '$1' AND x.kind = '$2'"
}
# Organisations owing statements in 2018 but MOH (extended) and MOP (done)
# that have a reporter to tell (an organisation without one has nobody).
db_sql d "SELECT DISTINCT o.acronym FROM account u JOIN org o ON o.id = u.org_id
    WHERE u.role = 'reporter'" >reporting.txt
owing=$("$LMPMON" --db "$(db d)" round status 2018 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
has = set(open("reporting.txt").read().split())
print(sum(1 for o in d["organisations"]
          if o["org"] in has and o["org"] not in ("MOH", "MOP") and
             o["responsible"] > 0))')
[ "$owing" -ge 1 ] || fail "MOLVT at least owes statements: $owing"

# Four days before: nothing.  Three days before, at 09:00 in Phnom Penh:
# every organisation owing statements that has a reporter, once.
out=$(LMPMON_NOW=2018-12-11T02:00:00Z "$LMPMON" --db "$(db d)" round remind) ||
    fail "round remind: $out"
echo "$out" | grep -q "nobody to remind" || fail "four days before the due date: $out"
out=$(LMPMON_NOW=2018-12-12T02:00:00Z "$LMPMON" --db "$(db d)" round remind) ||
    fail "round remind: $out"
echo "$out" | grep -qx "reminded $owing organisations\{0,1\} (statements due soon or overdue, or the budget calendar)" ||
    fail "three days before: '$out', expected $owing organisations"
[ "$(told molvt due_soon)" = 1 ] || fail "MOLVT's reporter got $(told molvt due_soon) due-soon reminders"
[ "$(told mop due_soon)" = 0 ] || fail "MOP handed everything in, yet was reminded"
[ "$(told moh due_soon)" = 0 ] || fail "MOH has an extension, yet was reminded"
[ "$(told officer due_soon)" = 0 ] || fail "the officer got a reporter's reminder"
out=$(LMPMON_NOW=2018-12-14T02:00:00Z "$LMPMON" --db "$(db d)" round remind)
echo "$out" | grep -q "nobody to remind" || fail "a second run the day before: $out"

# The server reminds on its own the day after the due date: MOLVT sees it
# in its inbox, in words, once however many turns the server takes.
LMPMON_NOW=2018-12-16T03:00:00Z LMPMON_REMIND=on LMPMON_REMIND_SECONDS=1 start_server "$(db d)"
i=0
while [ "$(told molvt overdue)" != 1 ]; do
    i=$((i + 1))
    [ $i -gt 100 ] && fail "the server did not remind MOLVT: $(tail -3 serve.err)"
    sleep 0.1
done
login molvt
curl -s -b molvt.jar "$BASE/inbox" >inbox.html
grep -q "MOLVT&#39;s statements for 2018 review are overdue\|MOLVT's statements for 2018 review are overdue" inbox.html ||
    fail "MOLVT's inbox does not say its statements are overdue: $(grep -o 'overdue[^<]*' inbox.html | head -3)"
grep -q "reminders: $owing organisation(s) told" serve.err ||
    fail "the server's log does not say whom it reminded: $(grep reminders serve.err)"
# Three more turns: still one reminder each.
n0=$(grep -c "reminders:" serve.err)
sleep 3.5
[ "$(told molvt overdue)" = 1 ] || fail "MOLVT was told $(told molvt overdue) times it is overdue"
[ "$(grep -c 'reminders:' serve.err)" = "$n0" ] ||
    fail "later turns reminded again: $(grep reminders serve.err)"
stop_server

# MOH's extension passes: MOH is reminded of it.
out=$(LMPMON_NOW=2019-01-16T03:00:00Z "$LMPMON" --db "$(db d)" round remind) ||
    fail "round remind: $out"
[ "$(told moh overdue)" = 1 ] || fail "MOH's extension passed without a reminder ($out)"
[ "$(told molvt overdue)" = 1 ] || fail "MOLVT was reminded twice of one due date"
# Moving the round's due date withdraws the reminders of the old one, for
# every organisation but those whose own extension still holds (MOH's):
# MOLVT's inbox no longer says "overdue"; it is reminded of the new date
# when that passes.
"$LMPMON" --db "$(db d)" round due 2018 2019-01-31 >/dev/null || fail "moving the due date"
[ "$(told molvt overdue)" = 0 ] || fail "MOLVT keeps an overdue notice after the due date moved"
[ "$(told molvt due_soon)" = 0 ] || fail "MOLVT keeps a due-soon notice of the old date"
[ "$(told moh overdue)" = 1 ] || fail "moving the round's date withdrew MOH's reminder of its own extension"
out=$(LMPMON_NOW=2019-02-02T03:00:00Z "$LMPMON" --db "$(db d)" round remind) || fail "round remind: $out"
[ "$(told molvt overdue)" = 1 ] || fail "MOLVT was not reminded of the new due date ($out)"
# So does an extension, for its organisation only.
"$LMPMON" --db "$(db d)" round extend 2018 MOLVT 2019-02-15 --reason "Flooding" >/dev/null ||
    fail "extending MOLVT"
[ "$(told molvt overdue)" = 0 ] || fail "MOLVT keeps an overdue notice after its extension"
[ "$(told moh overdue)" = 1 ] || fail "MOLVT's extension withdrew MOH's reminder"
# A closed round reminds nobody.
"$LMPMON" --db "$(db d)" round close 2018 --yes >/dev/null || fail "closing"
out=$(LMPMON_NOW=2019-01-20T03:00:00Z "$LMPMON" --db "$(db d)" round remind)
echo "$out" | grep -q "nobody to remind" || fail "a closed round reminded: $out"

# The budget calendar (issue 15): in the 30 days before budget planning
# closes (1 July by default), the reporters of each organisation
# responsible for activities of the round being planned (2018, closed, not
# published) that have no estimated cost are reminded, once; MOH, whose
# activities all have a cost, is not.
db_sql d "SELECT n.code FROM node n JOIN node_org l ON l.node_id = n.id
    JOIN org o ON o.id = l.org_id WHERE o.acronym = 'MOH' AND l.role = 'responsible'" >moh.txt
[ -s moh.txt ] || fail "MOH is responsible for nothing in the sample"
{ echo 'round,activity,line,source_kind,source,amount,currency,status,note'
  while read -r code; do echo "2018,$code,,cost,,1000,USD,,estimate"; done <moh.txt; } >moh-costs.csv
"$LMPMON" --db "$(db d)" funding import moh-costs.csv >/dev/null || fail "MOH's costs"
out=$(LMPMON_NOW=2019-05-20T02:00:00Z "$LMPMON" --db "$(db d)" round remind)
[ "$(told molvt budget)" = 0 ] || fail "reminded of the budget 42 days before it closes ($out)"
out=$(LMPMON_NOW=2019-06-05T02:00:00Z "$LMPMON" --db "$(db d)" round remind) || fail "budget remind: $out"
[ "$(told molvt budget)" = 1 ] || fail "MOLVT was not reminded of the budget: $out"
[ "$(told moh budget)" = 0 ] || fail "MOH has every cost, yet was reminded of the budget"
[ "$(told officer budget)" = 0 ] || fail "the officer got a reporter's budget reminder"
out=$(LMPMON_NOW=2019-06-20T02:00:00Z "$LMPMON" --db "$(db d)" round remind)
echo "$out" | grep -q "nobody to remind" || fail "the budget reminder came twice: $out"
[ "$(told molvt budget)" = 1 ] || fail "MOLVT was reminded of the budget twice"
# The inbox says it in words and links to the resources page.
LMPMON_NOW=2019-06-21T03:00:00Z start_server "$(db d)"
login molvt
curl -s -b molvt.jar "$BASE/inbox" >inbox2.html
grep -q "budget planning closes soon: enter the estimated cost and funding of MOLVT" inbox2.html ||
    fail "the inbox does not tell of the budget: $(grep -o 'budget[^<]*' inbox2.html | head -2)"
grep -q 'href="/resources?round=2018' inbox2.html || fail "the budget reminder does not link to the resources page"
stop_server
# Another calendar: budget planning closing at the end of the year.
out=$("$LMPMON" --db "$(db d)" round remind --budget-close 13-01 2>&1) &&
    fail "a day that does not exist was taken: $out"
echo "$out" | grep -q "MM-DD" || fail "the refusal does not say what is wanted: $out"
out=$(LMPMON_NOW=2019-12-10T02:00:00Z "$LMPMON" --db "$(db d)" round remind --budget-close 12-31) ||
    fail "budget remind, December: $out"
[ "$(told molvt budget)" = 2 ] || fail "no reminder before a budget closing on 31 December: $out"
finish
