# Failed logins are throttled by refusing at once (429 Too Many Requests
# with Retry-After), never by making a request wait in the server:
#  - after a few failures from one address the next login is refused, and
#    the page says how long to wait;
#  - eight failing logins in parallel from that address get 429s, and a
#    logged-in user's requests meanwhile answer within 1 s (a handler that
#    slept held the server's threads for seconds);
#  - a successful login does not reset the address's count: guessing right
#    after it is refused again at once, and so is the right password until
#    Retry-After has passed.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login admin

# attempt USER PASSWORD: one login with a fresh form; prints the status,
# leaves the headers in a.h and the page in a.html.
attempt() {
    rm -f a.jar
    curl -s -c a.jar "$BASE/login" >/dev/null
    curl -s -D a.h -o a.html -w '%{http_code}' -b a.jar \
        --data-urlencode "csrf=$(awk '/lmpmon_csrf/ { print $7 }' a.jar)" \
        --data-urlencode "username=$1" --data-urlencode "password=$2" \
        "$BASE/login"
}

# retry_after: the Retry-After of the last attempt.
retry_after() {
    sed -n 's/^Retry-After: //Ip' a.h | tr -d '\r'
}

# ---- one after the other --------------------------------------------------
n=0
code=401
while [ "$code" = 401 ] && [ $n -lt 8 ]; do
    n=$((n + 1))
    code=$(attempt "nobody$n" "guess$n")
done
[ "$code" = 429 ] || fail "after $n failed logins from one address: $code, not 429"
[ "$n" -ge 3 ] || fail "refused after only $((n - 1)) failed login(s): a typo must not lock anyone out"
retry=$(retry_after)
case $retry in
[1-9] | [1-9][0-9]) ;;
*) fail "the 429 has no Retry-After in seconds: '$retry'"; retry=1 ;;
esac
grep -q "Too many failed sign-ins from your address; try again in $retry second" a.html ||
    fail "the 429 page does not say how long to wait"
grep -q 'name="password"' a.html || fail "the 429 page has no login form"
sleep "$retry"

# ---- in parallel ------------------------------------------------------------
# Eight failing logins, started 50 ms apart so that they reach all of the
# server's threads (a thread busy in a handler accepts no new connection);
# meanwhile the admin asks for a page four times at once, every 0.4 s for
# 2.4 s: every answer must come within 1 s.
for i in 1 2 3 4 5 6 7 8; do
    rm -f "p$i.jar"
    curl -s -c "p$i.jar" "$BASE/login" >/dev/null
done
pids=""
for i in 1 2 3 4 5 6 7 8; do
    curl -s -o /dev/null -w '%{http_code}\n' -b "p$i.jar" \
        --data-urlencode "csrf=$(awk '/lmpmon_csrf/ { print $7 }' "p$i.jar")" \
        --data-urlencode "username=parallel$i" --data-urlencode "password=guess$i" \
        "$BASE/login" >"p$i.code" &
    pids="$pids $!"
    sleep 0.05
done
for k in 1 2 3 4 5 6; do
    sleep 0.4
    for j in 1 2 3 4; do
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b admin.jar \
            "$BASE/api/me" >"me$k$j.txt" &
        pids="$pids $!"
    done
done
# shellcheck disable=SC2086
wait $pids
cat me??.txt >me.txt
grep -qv '^200 ' me.txt &&
    fail "the logged-in requests during the failing logins answered $(cut -d' ' -f1 me.txt | tr '\n' ' ')"
slowest=$(sort -k2 -n me.txt | tail -n 1 | cut -d' ' -f2)
awk -v t="$slowest" 'BEGIN { exit !(t < 1.0) }' ||
    fail "failing logins from one address delayed a logged-in user's request by $slowest s"
n429=$(cat p?.code | grep -c '^429$')
n401=$(cat p?.code | grep -c '^401$')
[ "$n429" -ge 6 ] ||
    fail "eight parallel failing logins got $n429 429s: $(cat p?.code | tr '\n' ' ')"
[ $((n429 + n401)) = 8 ] || fail "parallel failing logins answered $(cat p?.code | tr '\n' ' ')"

# ---- after a successful login -----------------------------------------------
code=$(attempt viewer "$PASS")
if [ "$code" = 429 ]; then
    sleep "$(retry_after)"
    code=$(attempt viewer "$PASS")
fi
[ "$code" = 303 ] || fail "the right password after Retry-After answered $code"
# The address's failures stay counted: one more and it is held back again.
code=$(attempt nobody-after "guess-after")
[ "$code" = 401 ] || fail "a failed login after waiting answered $code"
code=$(attempt nobody-later "guess-later")
[ "$code" = 429 ] || fail "guessing right after a successful login is not throttled ($code)"
code=$(attempt viewer "$PASS")
[ "$code" = 429 ] || fail "the right password inside the back-off window answered $code"
grep -q "failed login for 'nobody-after' from 127.0.0.1; further logins refused for [0-9]* s" serve.err ||
    fail "the log does not say the address is held back"

finish
