# Notifications (issue 11): a submission tells the M&E officers, not the
# reporters; returning MOLVT's statement tells MOLVT's reporter only, not
# NCCT's nor ILO's; a round published tells every reporter and officer.
# Each user reads only their own inbox (page, header count, API), marks
# one or all read, and cannot mark another's; the account page keeps an
# e-mail address (a bad one is refused with the reason, what was typed
# kept) and an administrator sets a user's.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add ncct --role reporter --org NCCT >/dev/null ||
    fail "cannot add NCCT's reporter"
start_server "$(db d)"
for u in molvt ncct ilo officer officer2 admin viewer; do login "$u"; done

# inbox USER: USER's notifications as "kind|org|activity|read" lines.
inbox() {
    curl -s -b "$1.jar" "$BASE/api/inbox" >"inbox-$1.json"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
for n in d["notifications"]:
    print("%s|%s|%s|%s" % (n["kind"], n["org"], n["activity"],
                           "read" if n["read_at"] else "unread"))' "inbox-$1.json"
}

code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=progressing "text=MOLVT met border officials.")
[ "$code" = 303 ] || fail "MOLVT's submission: $code"
code=$(post ncct /activity/4.8/statement round=2018 version=0 action=save \
    rating=on_target "text=NCCT draft")
[ "$code" = 303 ] || fail "NCCT's draft: $code"

# Submitted: both officers, nobody else; a draft tells nobody.
for u in officer officer2; do
    [ "$(inbox $u)" = "submitted|MOLVT|4.8|unread" ] ||
        fail "$u's inbox after MOLVT's submission: $(inbox $u)"
done
for u in molvt ncct ilo admin viewer; do
    [ -z "$(inbox $u)" ] || fail "$u was told of MOLVT's submission: $(inbox $u)"
done
curl -s -b officer.jar "$BASE/inbox" >officer-inbox.html
grep -q 'MOLVT submitted its statement on activity 4.8 (2018 review)' officer-inbox.html ||
    fail "the officer's inbox page does not say what MOLVT did"
grep -q 'href="/activity/4.8?round=2018' officer-inbox.html ||
    fail "the notification does not link to the activity"
grep -q '>Unread<' officer-inbox.html || fail "an unread notification is not marked so in words"
curl -s -b officer.jar "$BASE/plan" | grep -q 'Inbox (1 unread)' ||
    fail "the header does not count the officer's unread notification"
curl -s -b molvt.jar "$BASE/plan" | grep -q 'unread)' &&
    fail "the header counts notifications MOLVT does not have"

# Returned: MOLVT's reporter alone.
v=$(version_of officer /activity/4.8 "/activity/4.8/statement/MOLVT/review")
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v" \
    action=return "comment=How many officials?")
[ "$code" = 303 ] || fail "the return: $code"
[ "$(inbox molvt)" = "returned|MOLVT|4.8|unread" ] || fail "MOLVT's inbox after the return: $(inbox molvt)"
for u in ncct ilo viewer admin officer2; do
    inbox $u | grep -q returned && fail "$u was told of MOLVT's return"
done
curl -s -b molvt.jar "$BASE/inbox" | grep -q "MOLVT&#39;s statement on activity 4.8 (2018 review) was returned by officer\|MOLVT's statement on activity 4.8 (2018 review) was returned by officer" ||
    fail "MOLVT's inbox page does not say who returned it"
curl -s -b ncct.jar "$BASE/inbox" | grep -q 'returned' && fail "NCCT's inbox page shows MOLVT's return"
# Resubmitted: the officers again, as a resubmission.
code=$(post molvt /activity/4.8/statement round=2018 version=2 action=submit \
    rating=progressing "text=MOLVT trained 120 officials.")
[ "$code" = 303 ] || fail "MOLVT's resubmission: $code $(head -c 300 post.body)"
inbox officer | head -1 | grep -q '^resubmitted|MOLVT|4.8|unread$' ||
    fail "the officer was not told of the resubmission: $(inbox officer)"

# Mark read: one, only one's own; then all.
id=$(python3 -c 'import json; print(json.load(open("inbox-officer.json"))["notifications"][0]["id"])')
code=$(post ilo /inbox/read "id=$id")
[ "$code" = 303 ] || fail "marking a notification of another: $code"
inbox officer | head -1 | grep -q 'unread$' || fail "ILO's reporter marked the officer's notification read"
code=$(post officer /inbox/read "id=$id")
[ "$code" = 303 ] || fail "marking one read: $code"
[ "$(inbox officer | sed -n 1p | cut -d'|' -f4)" = read ] &&
    [ "$(inbox officer | sed -n 2p | cut -d'|' -f4)" = unread ] ||
    fail "marking one read: $(inbox officer)"
code=$(post officer /inbox/read "id=bogus")
[ "$code" = 400 ] || fail "a bogus id: $code"
code=$(post officer /inbox/read "id=all")
[ "$code" = 303 ] || fail "marking all read: $code"
inbox officer | grep -q unread && fail "not all marked read: $(inbox officer)"
curl -s -b officer.jar "$BASE/plan" | grep -q 'unread)' && fail "the header still counts unread notifications"
curl -s -b officer.jar -o /dev/null -w '%{http_code}' --data "id=all" "$BASE/inbox/read" | grep -q 403 ||
    fail "marking read without the CSRF token is not refused"

# Accepted, then the round published: everyone who reports or reviews.
v=$(version_of officer /activity/4.8 "/activity/4.8/statement/MOLVT/review")
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v" action=accept comment=)
[ "$code" = 303 ] || fail "the accept: $code"
inbox molvt | head -1 | grep -q '^accepted|MOLVT|4.8|unread$' || fail "MOLVT not told of the accept"
"$LMPMON" --db "$(db d)" round close 2018 --yes >/dev/null 2>&1 &&
    "$LMPMON" --db "$(db d)" round publish 2018 --yes >/dev/null 2>&1 || fail "publishing"
for u in molvt ncct ilo officer officer2; do
    inbox $u | head -1 | grep -q '^round_published|||unread$' ||
        fail "$u not told of the publication: $(inbox $u | head -1)"
done
for u in viewer admin; do
    inbox $u | grep -q round_published && fail "$u was told of the publication"
done

# However many pile up, the header counts to 99 and then says so.
db_sql d "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 120)
    INSERT INTO notification(recipient_id, kind, plan, round, actor, at, mail)
    SELECT (SELECT id FROM account WHERE name = 'viewer'), 'round_opened', 'p', '2018',
    'x', '2018-01-01T00:00:00Z', 'none' FROM c" >/dev/null || fail "cannot add 120 notifications"
# Written behind lmpmon's back: announced as lmpmon announces its own
# commits on PostgreSQL, where a server keeps sessions until told
# (web/change_watch.h).
# A server hears of it within a second (asynchronously: ask until then).
[ "${LMPMON_TEST_BACKEND:-}" = pg ] && db_sql d "NOTIFY lmpmon_change" >/dev/null
t0=$(date +%s%N)
until curl -s -b viewer.jar "$BASE/plan" | grep -q 'Inbox (99+ unread)'; do
    [ $(($(date +%s%N) - t0)) -gt 1000000000 ] && {
        fail "the header does not say 99+ for 120 unread"
        break
    }
    sleep 0.05
done
curl -s -b viewer.jar "$BASE/api/inbox" >big.json
[ "$(python3 -c 'import json; print(json.load(open("big.json"))["unread"])')" = 120 ] ||
    fail "the API does not count the 120 unread notifications"

# The inbox downloads as the page shows it.
curl -s -b molvt.jar "$BASE/inbox?table=inbox&format=csv" | tr -d '\r' >inbox.csv
grep -q '^When,What,Notification,State,E-mail$' inbox.csv || fail "the inbox's CSV header: $(head -1 inbox.csv)"
grep -q 'Round published,2018 review was published,Unread,No e-mail' inbox.csv ||
    fail "the inbox's CSV rows: $(cat inbox.csv)"

# The account page: an e-mail address, refused when it is not one.
code=$(post molvt /account "email=not an address" mail=1 lang=)
[ "$code" = 400 ] || fail "a bad e-mail address: $code"
grep -q "is not an e-mail address lmpmon can send to" post.body || fail "the refusal does not say why"
grep -q 'value="not an address"' post.body || fail "the refused form lost what was typed"
code=$(post molvt /account "email=focal.point@molvt.example" mail=1 lang=km)
[ "$code" = 303 ] || fail "saving the address: $code"
curl -s -b molvt.jar "$BASE/account" | grep -q 'value="focal.point@molvt.example"' ||
    fail "the account page does not show the address saved"
[ "$(db_sql d "SELECT email, lang FROM account WHERE name = 'molvt'")" = "focal.point@molvt.example|km" ] ||
    fail "the address is not stored: $(db_sql d "SELECT email, lang FROM account WHERE name = 'molvt'")"
[ "$(db_sql d "SELECT new FROM audit WHERE key = 'user/molvt' AND field = 'email'")" = focal.point@molvt.example ] ||
    fail "the new address is not in the audit trail"
# An administrator sets another's; a reporter cannot.
code=$(post admin /admin/user name=ilo action=email "email=ilo@ilo.example")
[ "$code" = 303 ] || fail "the admin setting ILO's address: $code"
[ "$(db_sql d "SELECT email FROM account WHERE name = 'ilo'")" = "ilo@ilo.example" ] ||
    fail "the admin's address for ILO is not stored"
curl -s -b admin.jar "$BASE/admin" | grep -q 'ilo@ilo.example' || fail "the admin page does not show the address"
code=$(post molvt /admin/user name=ilo action=email "email=x@y.example")
[ "$code" = 403 ] || fail "a reporter setting another's address: $code"
finish
