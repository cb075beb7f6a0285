# Behind a reverse proxy: with --trusted-proxy the access log and the
# failed-login throttle see the address the proxy forwards; without it, or
# from any other peer, X-Forwarded-For is ignored so nobody can choose the
# address lmpmon logs.  A trusted proxy may hold more connections than the
# per-client limit, other peers may not.  A bad --trusted-proxy is a usage
# error.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"

# served_32 FROM XFF-PREFIX WHAT: 40 connections from FROM held together
# must see exactly 32 served (LIMIT_CONNECTIONS_PER_CLIENT).  The server
# counts a connection until it has noticed the client closing it, which
# may be a moment after an earlier curl or run: retry while fewer than 32
# are served, but a run serving more fails.
served_32() {
    i=0
    while :; do
        perl "$SRC/tests/http/conns.pl" "${BASE##*:}" 40 "$1" "$2" >conns.txt ||
            fail "conns.pl failed"
        n=$(grep -cx 200 conns.txt)
        [ "$n" = 32 ] && return
        i=$((i + 1))
        if [ "$n" -gt 32 ] || [ $i -ge 50 ]; then
            fail "$3: $n of 40 connections served, want 32"
            return
        fi
        sleep 0.1
    done
}

# A bad value: exit 2, and the message names it.
for bad in not-an-address 10.0.0.0/8 127.0.0.1:80; do
    "$LMPMON" --db "$(db d)" serve --listen 127.0.0.1:0 --trusted-proxy 127.0.0.1 \
        --trusted-proxy "$bad" >bad.out 2>bad.err
    st=$?
    [ "$st" = 2 ] || fail "--trusted-proxy '$bad' exited $st, want 2"
    grep -qF "'$bad'" bad.err || fail "the message does not name '$bad': $(cat bad.err)"
    grep -q "http://" bad.out && fail "the server started with --trusted-proxy '$bad'"
done
# More proxies than LIMIT_OPTION_REPEATS (16): a usage error, not a crash.
set --
for i in $(seq 1 17); do set -- "$@" --trusted-proxy "10.0.0.$i"; done
"$LMPMON" --db "$(db d)" serve --listen 127.0.0.1:0 "$@" >bad.out 2>bad.err
st=$?
[ "$st" = 2 ] || fail "17 trusted proxies exited $st, want 2"
grep -q "more than 16 times" bad.err || fail "unclear message for 17 proxies: $(cat bad.err)"
# Even without a database: the command line is checked first.
"$LMPMON" --db "$(db missing)" serve --trusted-proxy nope >bad.out 2>bad.err
st=$?
[ "$st" = 2 ] || fail "--trusted-proxy nope without a database exited $st, want 2"

# Without --trusted-proxy the header is the client's own word: ignored.
start_server "$(db d)"
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.7" "$BASE/login"
grep -q ' 127.0.0.1 "GET /login" 200' serve.err ||
    fail "without --trusted-proxy the log does not show the peer: $(cat serve.err)"
grep -q '203.0.113.7' serve.err && fail "without --trusted-proxy X-Forwarded-For reached the log"
# ... and one address gets LIMIT_CONNECTIONS_PER_CLIENT (32) connections.
served_32 127.0.0.1 198.51.100 "without --trusted-proxy, from one address"
grep -q '198\.51\.100' serve.err && fail "without --trusted-proxy X-Forwarded-For reached the log"
stop_server
: >serve.err

# The proxy is 127.0.0.1 (and an IPv6 one further up the chain).
start_server "$(db d)" --trusted-proxy 127.0.0.1 --trusted-proxy 2001:db8::10
curl -s -o /dev/null -H "X-Forwarded-For: 6.6.6.6, 203.0.113.7" "$BASE/login"
grep -q ' 203.0.113.7 "GET /login" 200' serve.err ||
    fail "the log does not show the forwarded client: $(cat serve.err)"
grep -q '6.6.6.6' serve.err && fail "the log took an address the client wrote itself"
# A chain through a second trusted proxy, IPv6 clients.
curl -s -o /dev/null -H "X-Forwarded-For: 2001:DB8::7, 2001:db8::10" "$BASE/static/app.css"
grep -q ' 2001:db8::7 "GET /static/app.css" 200' serve.err ||
    fail "an IPv6 client behind two proxies is not logged: $(tail -1 serve.err)"
# A proxy that adds a second header instead of appending: the last one counts.
curl -s -o /dev/null -H "X-Forwarded-For: 6.6.6.6" \
    -H "X-Forwarded-For: 198.51.100.4" "$BASE/login"
tail -n 1 serve.err | grep -q ' 198.51.100.4 "GET /login" 200' ||
    fail "with two X-Forwarded-For headers the wrong one counts: $(tail -1 serve.err)"
# Garbage where the client should be: the peer, not the client's words.
curl -s -o /dev/null -H "X-Forwarded-For: 6.6.6.6, unknown" "$BASE/login"
tail -n 1 serve.err | grep -q ' 127.0.0.1 "GET /login" 200' ||
    fail "a malformed X-Forwarded-For did not fall back to the peer: $(tail -1 serve.err)"
# No header from the proxy: the proxy.
curl -s -o /dev/null "$BASE/login"
tail -n 1 serve.err | grep -q ' 127.0.0.1 "GET /login" 200' ||
    fail "without X-Forwarded-For the proxy is not logged: $(tail -1 serve.err)"

# 40 keep-alive connections at once from the proxy, one per user: all are
# served, twice each (without --trusted-proxy the 33rd would be refused,
# see above), and the log names each user.
port=${BASE##*:}
perl "$SRC/tests/http/conns.pl" "$port" 40 127.0.0.1 198.51.100 2 >conns.txt ||
    fail "conns.pl failed"
n=$(grep -cx '200 200' conns.txt)
[ "$n" = 40 ] || fail "40 connections through the proxy: $n served, $(grep -c closed conns.txt) refused"
n=$(grep -o ' 198\.51\.100\.[0-9]* "GET /login" 200' serve.err | sort -u | wc -l)
[ "$n" = 40 ] || fail "the log shows $n of the 40 forwarded addresses"

# Failed logins are throttled and logged by the forwarded client.
login_as() { # login_as XFF USER PASSWORD: prints the status
    rm -f x.jar
    curl -s -c x.jar -H "X-Forwarded-For: $1" "$BASE/login" >/dev/null
    t=$(awk '/lmpmon_csrf/ { print $7 }' x.jar)
    curl -s -b x.jar -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $1" \
        --data-urlencode "csrf=$t" --data-urlencode "username=$2" \
        --data-urlencode "password=$3" "$BASE/login"
}
code=$(login_as 192.0.2.99 viewer wrong-password)
[ "$code" = 401 ] || fail "a wrong password answered $code"
grep -q "failed login for 'viewer' from 192.0.2.99" serve.err ||
    fail "the failed login does not name the forwarded client: $(grep 'failed login' serve.err)"
code=$(login_as 192.0.2.98 viewer "$PASS")
[ "$code" = 303 ] || fail "a right password behind the proxy answered $code"
stop_server
: >serve.err

# A trusted proxy elsewhere: this peer (127.0.0.1) is not it, so its header
# is ignored.
start_server "$(db d)" --trusted-proxy 127.0.0.2
curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.7" "$BASE/login"
tail -n 1 serve.err | grep -q ' 127.0.0.1 "GET /login" 200' ||
    fail "a client that is not the proxy chose its logged address: $(tail -1 serve.err)"
# From 127.0.0.2 (the proxy; all of 127/8 is loopback on Linux) it counts.
curl -s -o /dev/null --interface 127.0.0.2 -H "X-Forwarded-For: 203.0.113.8" \
    "$BASE/login"
tail -n 1 serve.err | grep -q ' 203.0.113.8 "GET /login" 200' ||
    fail "the header from the proxy at 127.0.0.2 was not used: $(tail -1 serve.err)"
# The per-client limit still holds for peers that are not the proxy: lmpmon
# keeps it itself now.  Held open together, 32 of 40 are served ...
port=${BASE##*:}
served_32 127.0.0.1 - "from 127.0.0.1, not the proxy"
grep -q "refused a connection from 127.0.0.1: .*LIMIT_CONNECTIONS_PER_CLIENT" serve.err ||
    fail "the refusal is not logged"
# ... while the proxy may open 40 ...
perl "$SRC/tests/http/conns.pl" "$port" 40 127.0.0.2 192.0.2 >conns.txt || fail "conns.pl failed"
n=$(grep -cx 200 conns.txt)
[ "$n" = 40 ] || fail "40 connections from the proxy 127.0.0.2: $n served, want 40"
# ... and closed connections give their count back: 32 again.
served_32 127.0.0.1 - "after the earlier ones closed, from 127.0.0.1"

finish
