# The server itself: one access-log line per request, graceful shutdown that
# finishes the request in flight, a clear error when the port is taken.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
curl -s -o /dev/null "$BASE/login"
curl -s -o /dev/null "$BASE/static/app.css"
n=$(grep -c '"GET /login" 200' serve.err)
[ "$n" = 1 ] || fail "expected one access-log line for GET /login, got $n"
grep -q '"GET /static/app.css" 200' serve.err || fail "no log line for the stylesheet"

# Pages whose parts the shared snapshot keeps (page_fragment()) are sent
# from where they are kept, between the page's own bytes: the second
# request of a page (from the kept parts) answers the same bytes as the
# first (rendered), with a Content-Length that counts them all, and the
# access log counts the same.
login viewer
for page in /plan /round/2017 /round/2017/report /rounds /; do
    curl -s -b viewer.jar -D h1.txt -o p1.html "$BASE$page"
    curl -s -b viewer.jar -D h2.txt -o p2.html "$BASE$page"
    cmp -s p1.html p2.html || fail "$page: the kept parts answer other bytes than the first rendering"
    size=$(wc -c <p2.html)
    len=$(tr -d '\r' <h2.txt | awk 'tolower($1) == "content-length:" { print $2 }')
    [ "$len" = "$size" ] || fail "$page: Content-Length $len for $size bytes"
    tail -n 1 p2.html | grep -q '</html>' || fail "$page: the page does not end with its frame"
    grep -q "\"GET $page\" 200 $size " serve.err || fail "$page: the access log does not count $size bytes"
done

# A port in use is a clear error.
port=${BASE##*:}
"$LMPMON" --db "$(db d)" serve --listen "127.0.0.1:$port" >o2.txt 2>e2.txt
st=$?
[ "$st" = 1 ] || fail "a second server on the same port exited $st"
grep -q "cannot listen on '127.0.0.1:$port'" e2.txt || fail "unclear message: $(cat e2.txt)"

# A slow upload is in flight when SIGTERM arrives: it still gets its answer.
head -c 3000 /dev/zero | tr '\0' 'a' >body.txt
curl -s -o slow.out -w '%{http_code}' --limit-rate 1000 --data-binary @body.txt \
    "$BASE/login" >slow.code &
cpid=$!
sleep 1
kill -TERM "$SPID"
wait "$cpid"
wait "$SPID"
st=$?
[ "$(cat slow.code)" = 403 ] || fail "the request in flight got '$(cat slow.code)' instead of its answer"
[ "$st" = 0 ] || fail "the server exited $st after SIGTERM"
grep -q "lmpmon: stopped" serve.err || fail "no 'stopped' line"
# Stopping must not have skipped the quiesce step (it needs MHD_USE_ITC).
grep -q "quiesce\|requires MHD" serve.err && fail "shutdown did not stop accepting: $(grep -i quiesce serve.err)"
SPID=""

[ "$nfail" -eq 0 ] && echo ok || { echo "$nfail expectation(s) failed" >&2; exit 1; }
