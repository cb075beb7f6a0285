# E-mail notifications (issue 11): 'serve --smtp' sends each notification
# to its recipient's address through a local SMTP sink the test starts
# (tests/http/smtp_sink.py, an unprivileged process on a free loopback
# port): the right recipient, a subject naming the activity and round, a
# link under --base-url, in the recipient's language; a user who turned
# e-mail off gets none; the SMTP password never reaches the log.  With
# the SMTP server down, pages are still answered, the e-mail is marked
# failed and tried again, and it goes out once the server is back.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
"$LMPMON" --db "$(db d)" user email officer officer@example.org >/dev/null &&
    "$LMPMON" --db "$(db d)" user email officer2 officer2@example.org --no-mail >/dev/null &&
    "$LMPMON" --db "$(db d)" user email molvt molvt@example.org --language km >/dev/null ||
    fail "cannot set the addresses"
run_out=$("$LMPMON" --db "$(db d)" user email molvt "not an address" 2>&1) &&
    fail "a bad address was accepted by the CLI"
echo "$run_out" | grep -q "is not an e-mail address" || fail "the CLI does not say why: $run_out"

mkdir mail
SINK_PID=""
# start_sink [PORT]: the SMTP sink, on PORT or a free port (SINK_PORT).
start_sink() {
    : >sink.out
    python3 "$SRC/tests/http/smtp_sink.py" mail ${1:-} >sink.out 2>>sink.err &
    SINK_PID=$!
    i=0
    while [ ! -s sink.out ]; do
        i=$((i + 1))
        [ $i -gt 100 ] && { echo "the SMTP sink did not start: $(cat sink.err)" >&2; exit 1; }
        sleep 0.05
    done
    SINK_PORT=$(cat sink.out)
}
stop_sink() {
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
    SINK_PID=""
}
# wait_for TEST...: until the shell test holds, at most 40 s.
wait_for() {
    i=0
    while ! eval "$*"; do
        i=$((i + 1))
        [ $i -gt 400 ] && return 1
        sleep 0.1
    done
}
mails() { ls mail | grep -c '\.eml$'; }
# mail_state USER KIND: the e-mail state and attempts of USER's newest
# notification of KIND.
mail_state() {
    db_sql d "SELECT x.mail || ' ' || x.mail_tries FROM notification x
        JOIN account u ON u.id = x.recipient_id
        WHERE u.name = '$1' AND x.kind = '$2' ORDER BY x.id DESC LIMIT 1"
}

start_sink
export LMPMON_MAIL_RETRY_SECONDS=1
start_server "$(db d)" --smtp "smtp://lmpmon:s3cret-Pw0rd@127.0.0.1:$SINK_PORT" \
    --base-url https://lmpmon.example.org/
for u in molvt officer; do login "$u"; done

# A submission: one e-mail, to the officer who wants them.
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=progressing "text=MOLVT met border officials.")
[ "$code" = 303 ] || fail "MOLVT's submission: $code"
wait_for '[ "$(mail_state officer submitted)" = "sent 1" ]' ||
    fail "the officer's e-mail was not sent: $(mail_state officer submitted); $(cat serve.err | tail -3)"
[ "$(mails)" = 1 ] || fail "$(mails) e-mails for one submission (officer2 turned e-mail off)"
[ "$(mail_state officer2 submitted)" = "none 0" ] ||
    fail "officer2 turned e-mail off, yet: $(mail_state officer2 submitted)"
python3 - mail/1.eml >mail1.txt <<'PY' || fail "the e-mail cannot be read"
import email, email.header, sys
raw = open(sys.argv[1], "rb").read()
m = email.message_from_bytes(raw)
print("rcpt", m["X-Rcpt-To"])
print("to", m["To"])
print("subject", str(email.header.make_header(email.header.decode_header(m["Subject"]))))
print(m.get_payload(decode=True).decode("utf-8"))
PY
grep -q '^rcpt <officer@example.org>$' mail1.txt || fail "the envelope's recipient: $(head -3 mail1.txt)"
grep -q '^to <officer@example.org>$' mail1.txt || fail "the To header: $(head -3 mail1.txt)"
grep -q '^subject \[lmpmon\] MOLVT submitted its statement on activity 4.8 (2018 review)$' mail1.txt ||
    fail "the subject: $(grep subject mail1.txt)"
grep -q 'https://lmpmon.example.org/activity/4.8?round=2018' mail1.txt ||
    fail "the e-mail does not link to the activity under --base-url: $(cat mail1.txt)"
curl -s -b officer.jar "$BASE/inbox" | grep -q '>E-mail sent<' ||
    fail "the inbox does not say the e-mail was sent"

# A return, to MOLVT's reporter, who reads Khmer.
v=$(version_of officer /activity/4.8 "/activity/4.8/statement/MOLVT/review")
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v" \
    action=return "comment=How many officials?")
[ "$code" = 303 ] || fail "the return: $code"
wait_for '[ "$(mails)" = 2 ]' || fail "MOLVT's reporter got no e-mail of the return"
python3 -c 'import email, email.header, sys
m = email.message_from_bytes(open("mail/2.eml", "rb").read())
print(m["X-Rcpt-To"])
print(str(email.header.make_header(email.header.decode_header(m["Subject"]))))' >mail2.txt
grep -q '^Date: [A-Z][a-z][a-z], [0-9][0-9] [A-Z][a-z][a-z] 20[0-9][0-9] ' mail/2.eml ||
    fail "the Date header is not in RFC 5322's English: $(grep '^Date' mail/2.eml)"
grep -q '^<molvt@example.org>$' mail2.txt || fail "the return's e-mail went to $(head -1 mail2.txt)"
grep -q 'ត្រូវបានបញ្ជូនត្រឡប់ដោយ officer' mail2.txt ||
    fail "the return's subject is not in Khmer: $(tail -1 mail2.txt)"

# The SMTP server goes away: the resubmission's e-mail fails, is tried
# again, and pages are answered meanwhile.
stop_sink
code=$(post molvt /activity/4.8/statement round=2018 version=2 action=submit \
    rating=progressing "text=MOLVT trained 120 officials.")
[ "$code" = 303 ] || fail "the resubmission with the SMTP server down: $code"
wait_for '[ "$(mail_state officer resubmitted | cut -d" " -f2)" -ge 2 ]' ||
    fail "the failed e-mail was not tried again: $(mail_state officer resubmitted)"
[ "$(mail_state officer resubmitted | cut -d' ' -f1)" = failed ] ||
    fail "the e-mail is not marked failed: $(mail_state officer resubmitted)"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/plan")
[ "$code" = 200 ] || fail "a page while the SMTP server is down: $code"
grep -q 'e-mail: notification [0-9]* to officer failed (attempt 1 of 5)' serve.err ||
    fail "the failure is not logged: $(tail -3 serve.err)"
curl -s -b officer.jar "$BASE/inbox" | grep -q 'MOLVT resubmitted its statement on activity 4.8' ||
    fail "the inbox lacks the notification whose e-mail failed"
# Back: the next attempt delivers it.
start_sink "$SINK_PORT"
wait_for '[ "$(mail_state officer resubmitted | cut -d" " -f1)" = sent ]' ||
    fail "the e-mail was not sent once the SMTP server was back: $(mail_state officer resubmitted)"
[ "$(mails)" = 3 ] || fail "$(mails) e-mails after the server came back"
grep -q 's3cret-Pw0rd' serve.err serve.out && fail "the SMTP password is in the server's log"
grep -q 'smtp://127.0.0.1:' serve.err || fail "the log does not say where e-mail goes"

# An e-mail left unsent for days (no --smtp then) is not sent now: it is
# marked failed and stays in the inbox.
db_sql d "INSERT INTO notification(recipient_id, kind, plan, round, actor, at, mail, mail_next)
    SELECT id, 'round_opened', 'cambodia-lmp-2015-2018', '2017', 'x', '2018-01-01T00:00:00Z',
    'pending', '2018-01-01T00:00:00Z' FROM account WHERE name = 'officer'" >/dev/null ||
    fail "cannot add an old notification"
wait_for '[ "$(mail_state officer round_opened)" = "failed 0" ]' ||
    fail "the stale e-mail: $(mail_state officer round_opened)"
[ "$(mails)" = 3 ] || fail "a stale e-mail was sent"
grep -q 'e-mail: notification [0-9]* to officer is too old to send' serve.err ||
    fail "the stale e-mail is not logged"

# Options refused before the server starts.
out=$("$LMPMON" --db "$(db d)" serve --smtp "http://x:secret99@host" 2>&1) && fail "an http:// SMTP URL was taken"
echo "$out" | grep -q "smtp:// or smtps://" || fail "a bad --smtp is not explained: $out"
echo "$out" | grep -q secret99 && fail "the refusal of --smtp shows the password"
out=$("$LMPMON" --db "$(db d)" serve --smtp smtp://h --smtp-from "a b" 2>&1) && fail "a bad --smtp-from was taken"
stop_sink
finish
