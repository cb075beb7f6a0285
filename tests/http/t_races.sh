# Races reproduced deterministically: a second connection holds the
# database's write lock while requests arrive, so they all wait at the
# start of their transaction and run one after the other when it is
# released.  On SQLite the sqlite3 shell holds it (BEGIN IMMEDIATE); on
# PostgreSQL psql holds the writers' advisory lock (PG_WRITER_LOCK in
# src/store/store_pg_int.h), which every write transaction takes first.
#  - Two reporters of MOLVT post the first statement on 4.8 (version 0) at
#    the same time: exactly one 303 and one 409 (never two 303), and the
#    stored statement is the one that got 303.
#  - The lock is held longer than the server's busy timeout (1.5 s here,
#    --busy-timeout): the post answers 503 with Retry-After and a message
#    without the engine's text, writes nothing, and the server keeps
#    working; a login in that spell is a 503 too, not a server error.
. "$(dirname "$0")/lib.sh"

if [ "$LMPMON_TEST_BACKEND" = pg ]; then
    LOCK_BEGIN="BEGIN; SELECT pg_advisory_xact_lock($((0x4C4D504D)));"
    LOCK_SHELL='\! touch locked'
    LOCK_TOOL="psql -qX -v ON_ERROR_STOP=1"
    ENGINE_LOG='lock timeout'
else
    command -v sqlite3 >/dev/null || { echo "sqlite3 (scripts/packages.txt) is needed" >&2; exit 1; }
    LOCK_BEGIN="BEGIN IMMEDIATE;"
    LOCK_SHELL=".shell touch locked"
    LOCK_TOOL="sqlite3 -bail"
    ENGINE_LOG='database is locked'
fi

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add molvt2 --role reporter --org MOLVT >/dev/null ||
    { echo "cannot add molvt2" >&2; exit 1; }
start_server "$(db d)" --busy-timeout 1500
login molvt
login molvt2
login officer

# hold_lock: another connection takes the write lock of database d and
# keeps it until release_lock; returns once the lock is held.
LPID=""
hold_lock() {
    rm -f locked release
    {
        echo "$LOCK_BEGIN"
        echo "$LOCK_SHELL"
        while [ ! -e release ]; do sleep 0.05; done
        echo "ROLLBACK;"
    } | $LOCK_TOOL "$(db d)" >lock.out 2>&1 &
    LPID=$!
    i=0
    while [ ! -e locked ]; do
        i=$((i + 1))
        if [ $i -gt 200 ]; then
            echo "the other connection did not take the lock: $(cat lock.out)" >&2
            touch release
            stop_server
            exit 1
        fi
        sleep 0.05
    done
}

release_lock() {
    touch release
    wait "$LPID"
    LPID=""
}

# statement_of ORG ACTIVITY: the text of ORG's 2018 statement (empty if none).
statement_of() {
    curl -s -b officer.jar "$BASE/api/activity/$2" |
        awk -v org="\"org\": \"$1\"" '
            /"round": "2018"/ { on = 1 }
            on && index($0, org) { hit = 1 }
            on && hit && /"text":/ { sub(/^ *"text": "/, ""); sub(/",$/, ""); print; exit }'
}

# post_bg USER TOKEN NAME TEXT: post the first statement on 4.8 in the
# background; the status goes to NAME.code, the page to NAME.body.
post_bg() {
    curl -s -b "$1.jar" -o "$3.body" -w '%{http_code}' \
        --data-urlencode "csrf=$2" --data-urlencode round=2018 \
        --data-urlencode version=0 --data-urlencode action=submit \
        --data-urlencode rating=on_target --data-urlencode "text=$4" \
        "$BASE/activity/4.8/statement" >"$3.code" &
}

# ---- two first statements at once ----------------------------------------

T1="Statement of the first MOLVT reporter."
T2="Statement of the second MOLVT reporter."
tok1=$(csrf_of molvt /plan)
tok2=$(csrf_of molvt2 /plan)
[ -n "$tok1" ] && [ -n "$tok2" ] || fail "no CSRF tokens"

hold_lock
post_bg molvt "$tok1" r1 "$T1"
p1=$!
post_bg molvt2 "$tok2" r2 "$T2"
p2=$!
# Both requests reach their transaction and wait for the lock.
sleep 1
kill -0 "$p1" 2>/dev/null || fail "the first post answered while the database was locked: $(cat r1.code)"
kill -0 "$p2" 2>/dev/null || fail "the second post answered while the database was locked: $(cat r2.code)"
release_lock
wait "$p1"
wait "$p2"
c1=$(cat r1.code)
c2=$(cat r2.code)
case "$c1 $c2" in
"303 409") win=$T1 lose=$T2 lbody=r2.body ;;
"409 303") win=$T2 lose=$T1 lbody=r1.body ;;
*) fail "expected one 303 and one 409, got $c1 and $c2"; win="" lose="" lbody="" ;;
esac
[ "$c1 $c2" = "303 303" ] && fail "both first statements were accepted: one overwrote the other"
got=$(statement_of MOLVT 4.8)
if [ -n "$win" ]; then
    [ "$got" = "$win" ] || fail "the stored statement is '$got', not the accepted '$win'"
    grep -q 'changed by someone else' "$lbody" || fail "the refused post does not say why"
    grep -q "$lose" "$lbody" || fail "the refused text is not kept on the form"
fi

# ---- a lock held longer than the busy timeout -------------------------------

[ -z "$(statement_of MOLVT 1.1)" ] || fail "1.1 has a MOLVT statement before the test"
tok1=$(csrf_of molvt /plan)
hold_lock
start=$(date +%s)
code=$(curl -s -D busy.head -b molvt.jar -o busy.body -w '%{http_code}' \
    --data-urlencode "csrf=$tok1" --data-urlencode round=2018 \
    --data-urlencode version=0 --data-urlencode action=submit \
    --data-urlencode rating=progressing --data-urlencode "text=Written while busy" \
    "$BASE/activity/1.1/statement")
waited=$(($(date +%s) - start))
release_lock
[ "$code" = 503 ] || fail "a post against a database locked past the busy timeout: expected 503, got $code"
[ "$waited" -ge 1 ] || fail "the post gave up after $waited s, before the busy timeout"
grep -qi '^Retry-After: [0-9]' busy.head || fail "no Retry-After header: $(cat busy.head)"
grep -qi 'try again' busy.body || fail "the busy page does not say to try again"
for w in locked sqlite 'database is locked' 'lock timeout' 'canceling statement'; do
    grep -qi "$w" busy.body && fail "the busy page shows engine text '$w'"
done
# The engine's text is in the log for the operator.
grep -q "$ENGINE_LOG" serve.err || fail "the log lacks the engine's detail: $(tail -3 serve.err)"
[ -z "$(statement_of MOLVT 1.1)" ] || fail "the refused post was written"

# A login while the database is held: on SQLite, whose one writer a
# session insert waits for too, 503 with Retry-After, not 500; on
# PostgreSQL a session is written without the writers' lock (it is no
# change of the plan's data), so the login goes through.
hold_lock
rm -f late.jar
curl -s -c late.jar -o /dev/null "$BASE/login"
ltok=$(awk '/lmpmon_csrf/ { print $7 }' late.jar)
code=$(curl -s -D login.head -b late.jar -c late.jar -o login.body -w '%{http_code}' \
    --data-urlencode "csrf=$ltok" --data-urlencode username=viewer \
    --data-urlencode "password=$PASS" "$BASE/login")
release_lock
if [ "$LMPMON_TEST_BACKEND" = pg ]; then
    [ "$code" = 303 ] || fail "a login while a writer holds PostgreSQL: expected 303, got $code"
else
    [ "$code" = 503 ] || fail "a login against a held database: expected 503, got $code"
    grep -qi '^Retry-After: [0-9]' login.head || fail "the busy login has no Retry-After"
fi
grep -qi 'locked\|lock timeout' login.body && fail "the busy login shows engine text"

# The server keeps working: the same post goes through now.
code=$(post molvt /activity/1.1/statement round=2018 version=0 action=submit \
    rating=progressing "text=Written after the wait")
[ "$code" = 303 ] || fail "the retry after the lock: expected 303, got $code"
[ "$(statement_of MOLVT 1.1)" = "Written after the wait" ] || fail "the retry was not stored"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/activity/1.1")
[ "$code" = 200 ] || fail "the activity page after the busy spell: $code"

finish
