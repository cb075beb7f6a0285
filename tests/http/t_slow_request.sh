# Slowloris: a request must be complete within its deadline
# (LIMIT_REQUEST_TOTAL_SECONDS, shortened to 3 s here with
# LMPMON_REQUEST_SECONDS) however steadily it trickles in; MHD's timeout
# alone counts only time without traffic, so one header line every second
# kept a connection slot forever.
#  - headers trickled in, a line a second: the connection is closed after
#    about 3 s, and the log says why;
#  - a body trickled in, a byte a second: the same;
#  - a request that is slow but complete within the deadline is answered;
#  - files go to their route on a slow line: an upload has the longer
#    LIMIT_UPLOAD_TOTAL_SECONDS (shortened in proportion, to 60 s), so one
#    trickling in for 5 s is answered, not closed;
#  - the server goes on answering everyone else.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
LMPMON_REQUEST_SECONDS=3
export LMPMON_REQUEST_SECONDS
start_server "$(db d)"
unset LMPMON_REQUEST_SECONDS
port=${BASE##*:}

# seconds LINE: the seconds in a line of slow.pl's.
seconds() {
    echo "$1" | sed 's/.* after //'
}

perl "$SRC/tests/http/slow.pl" "$port" header 1 20 >h.txt &
p1=$!
perl "$SRC/tests/http/slow.pl" "$port" body 1 20 >b.txt &
p2=$!
perl "$SRC/tests/http/slow.pl" "$port" header 0.5 3 >ok.txt &
p3=$!
login admin
perl "$SRC/tests/http/slow.pl" "$port" upload 0.5 10 \
    "lmpmon_session=$(awk '/lmpmon_session/ { print $7 }' admin.jar)" >up.txt &
p4=$!
sleep 1
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/login")
[ "$code" = 200 ] || fail "another client was not served while slow ones trickled ($code)"
wait "$p1" "$p2" "$p3" "$p4"

for f in h.txt b.txt; do
    what=$([ $f = h.txt ] && echo "headers" || echo "a body")
    line=$(cat $f)
    case $line in
    "closed after "*)
        t=$(seconds "$line")
        awk -v t="$t" 'BEGIN { exit !(t >= 2.5 && t < 8) }' ||
            fail "$what trickled in was closed after $t s, not about 3 s"
        ;;
    *) fail "$what trickled in for 20 s was not closed: '$line'" ;;
    esac
done
grep -q '^answered 200 ' ok.txt || fail "a slow request complete in 1.5 s was not answered: '$(cat ok.txt)'"
# The admin's: once it is all in, the router reads it (400: its bytes are
# no multipart body), having waited for it past the 3 s of other requests.
grep -q '^answered 400 ' up.txt || fail "an upload trickling in for 5 s was not answered: '$(cat up.txt)'"
n=$(grep -c "closed a connection from 127.0.0.1: its request was not complete after 3 s" serve.err)
[ "$n" = 2 ] || fail "the log shows $n closed slow requests, not 2"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")
[ "$code" = 200 ] || fail "the server did not go on after the slow clients ($code)"

finish
