# A forgotten password (issue 11: "the admin can issue a one-time
# password-reset link"): the administrator makes a link on the admin page
# (or with 'lmpmon user reset'), the user opens it without logging in,
# types a new password twice and logs in with it; the old password and the
# user's sessions end; the link works once, not after a day, not after the
# password changed, not for a disabled account, not when tampered with —
# each time the same message; nobody but an administrator makes one.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
# login_code USER PASSWORD: the status of a login (303: logged in).
login_code() {
    rm -f try.jar
    curl -s -c try.jar "$BASE/login" >/dev/null
    t=$(awk '/lmpmon_csrf/ { print $7 }' try.jar)
    curl -s -b try.jar -c try.jar -o /dev/null -w '%{http_code}' \
        --data-urlencode "csrf=$t" --data-urlencode "username=$1" \
        --data-urlencode "password=$2" "$BASE/login"
}
start_server "$(db d)" --base-url https://lmpmon.example.org/
login admin
login molvt
login officer

# The admin page's button gives the link, under --base-url.
code=$(post admin /admin/user name=molvt action=reset)
[ "$code" = 200 ] || fail "the password link: $code"
link=$(grep -o 'value="https://lmpmon.example.org/reset/[^"]*"' post.body | sed 's/^value="//; s/"$//')
[ -n "$link" ] || fail "no link on the page: $(grep -o '<main.*' post.body | head -c 400)"
grep -q "Give this link to molvt yourself" post.body || fail "the page does not say what to do with it"
path=${link#https://lmpmon.example.org}
# A reporter or an officer may not make one.
[ "$(post officer /admin/user name=molvt action=reset)" = 403 ] || fail "an officer made a link"
[ "$(post molvt /admin/user name=admin action=reset)" = 403 ] || fail "a reporter made a link"

# The user, not logged in, opens it and sets a new password.
rm -f anon.jar
curl -s -c anon.jar "$BASE$path" >reset.html
grep -q 'A new password for molvt' reset.html || fail "the reset form: $(head -c 400 reset.html)"
# set_password PASS AGAIN: the status of the reset form's POST (each
# answer's form brings a new token, as the login form's does).
set_password() {
    tok=$(awk '/lmpmon_csrf/ { print $7 }' anon.jar)
    curl -s -b anon.jar -c anon.jar -o post.body -D post.head -w '%{http_code}' \
        --data-urlencode "csrf=$tok" --data-urlencode "password=$1" \
        --data-urlencode "again=$2" "$BASE$path"
}
[ "$(set_password 'new-Pass-1' 'new-Pass-2')" = 400 ] || fail "two different passwords were accepted"
grep -q "the two passwords differ" post.body || fail "the refusal does not say why"
[ "$(set_password short short)" = 400 ] || fail "a short password was accepted"
[ "$(set_password 'new-Pass-1' 'new-Pass-1')" = 303 ] || fail "the new password: $(cat post.body | head -c 300)"
grep -qi '^location: /login?msg=password_set' post.head || fail "not sent to the login page: $(cat post.head)"
curl -s "$BASE/login?msg=password_set" | grep -q "Your new password is set" || fail "the login page does not say so"

# The old session is over, the old password refused, the new one works.
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' "$BASE/inbox")
[ "$code" = 401 ] || [ "$code" = 303 ] || fail "molvt's old session still works: $code"
code=$(login_code molvt "$PASS")
[ "$code" = 401 ] || fail "the old password still logs in: $code"
[ "$(login_code molvt 'new-Pass-1')" = 303 ] || fail "the new password does not log in"
db_sql d "SELECT count(*) FROM audit WHERE entity = 'user' AND key = 'user/molvt' AND field = 'password' AND actor = 'molvt'" >audit.txt
[ "$(cat audit.txt)" -ge 1 ] || fail "the change is not in the audit trail as molvt's own"

# Used once: the link says it no longer works (and nothing else).
code=$(curl -s -o gone.html -w '%{http_code}' "$BASE$path")
[ "$code" = 404 ] || fail "a used link: $code"
grep -q "this password link no longer works" gone.html || fail "a used link does not say it no longer works"
# Tampered: another name, the same MAC.
other=$(printf '%s' admin | base64 | tr '+/' '-_' | tr -d '=')
forged="/reset/$other.${path#/reset/*.}"
code=$(curl -s -o forged.html -w '%{http_code}' "$BASE$forged")
[ "$code" = 404 ] || fail "a forged link: $code"
grep -q "this password link no longer works" forged.html || fail "a forged link says something else"
for bad in /reset/x /reset/..x "/reset/$(head -c 700 /dev/zero | tr '\0' a)"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$bad")
    [ "$code" = 404 ] || fail "a malformed link '$bad' answered $code"
done
stop_server

# The CLI's link; expired after a day; refused for a disabled account.
link=$("$LMPMON" --db "$(db d)" user reset ilo --base-url http://x.example 2>cli.err) ||
    fail "user reset: $(cat cli.err)"
grep -q "a one-time link for ilo" cli.err || fail "the CLI does not say what the link is: $(cat cli.err)"
path=${link#http://x.example}
LMPMON_NOW=$(date -u -d '+25 hours' +%Y-%m-%dT%H:%M:%SZ) start_server "$(db d)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
[ "$code" = 404 ] || fail "a link a day old still works: $code"
stop_server
start_server "$(db d)"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")" = 200 ] || fail "the CLI's link does not work"
"$LMPMON" --db "$(db d)" user disable ilo >/dev/null || fail "disable ilo"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")" = 404 ] || fail "a disabled account's link works"
out=$("$LMPMON" --db "$(db d)" user reset ilo 2>&1) && fail "a link for a disabled account was made"
echo "$out" | grep -q "is disabled" || fail "the refusal does not say why: $out"
finish
