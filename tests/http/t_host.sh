# DNS rebinding: a page on another site can point its own name at
# 127.0.0.1 and have the visitor's browser talk to a server on loopback as
# if it were that site.  A server listening on loopback (without --public
# or --trusted-proxy) answers only requests addressed to this machine
# (Host localhost, 127.x.x.x or [::1], any port); others get 421 and a
# plain message that does not repeat the name.  --public and
# --trusted-proxy serve any name.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login admin
port=${BASE##*:}

# curl picks the cookies by the Host it sends: give the session by hand.
cookie="lmpmon_session=$(awk '/lmpmon_session/ { print $7 }' admin.jar)"

# status HOST PATH: the status of the admin's GET PATH sent with Host: HOST.
status() {
    curl -s -o host.html -w '%{http_code}' -H "Cookie: $cookie" -H "Host: $1" "$BASE$2"
}

for h in "127.0.0.1:$port" "localhost:$port" "LOCALHOST" "[::1]:$port" "127.0.0.1"; do
    code=$(status "$h" /plan)
    [ "$code" = 200 ] || fail "Host $h answered $code"
done
for h in "evil.example:$port" "evil.example" "localhost.evil.example:$port" \
    "127.0.0.1.nip.io:$port"; do
    code=$(status "$h" /plan)
    [ "$code" = 421 ] || fail "Host $h answered $code, not 421"
    grep -q 'answers only to addresses of this computer' host.html ||
        fail "the 421 page does not say why"
    grep -q 'evil\|nip\.io' host.html && fail "the 421 page repeats the Host"
    grep -q 'Lao People\|Plan' host.html && fail "the 421 page shows data"
done
# A change with a valid session and token through a foreign name does not
# happen either.
tok=$(csrf_of admin /plan)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H "Host: evil.example:$port" \
    --data-urlencode "csrf=$tok" -d round=2031 -d state=new -d title=rebound \
    "$BASE/admin/round")
[ "$code" = 421 ] || fail "a POST with Host evil.example answered $code"
"$LMPMON" --db "$(db d)" round list 2>/dev/null | grep -q 2031 && fail "the POST through a foreign Host opened a round"
# The API too.
code=$(status "evil.example:$port" /api/me)
[ "$code" = 421 ] || fail "/api/me with Host evil.example answered $code"
grep -q '"GET /plan" 421' serve.err || fail "the refusal is not in the access log"
stop_server

# --public and --trusted-proxy: reached under names of the operator's
# choosing; every Host is served.
for opt in --public "--trusted-proxy 127.0.0.1"; do
    # shellcheck disable=SC2086
    start_server "$(db d)" $opt
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: monitoring.example.org" "$BASE/login")
    [ "$code" = 200 ] || fail "with $opt, Host monitoring.example.org answered $code"
    stop_server
done

finish
