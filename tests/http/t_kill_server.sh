# The server killed (SIGKILL: no shutdown, no last commit) while reporters
# save statements: an SQLite database passes SQLite's integrity check,
# every save the server acknowledged (303) is in the audit trail, each
# stored statement is the last acknowledged one of its writer or a later
# one whose answer the kill cut off, never an older one, and a new server
# on the same database starts and serves the saves.  On both backends.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login molvt
login ilo

# writer USER ORG: loop over ORG's activities of 2018, saving "kill USER
# seq S" as the statement, until the file 'stop' exists; one line per
# answer in USER.log: "S|STATUS|CODE|TEXT".
writer() {
    u=$1
    org=$2
    db_sql d "SELECT n.code FROM node_org l JOIN org o ON o.id = l.org_id
        JOIN node n ON n.id = l.node_id WHERE o.acronym = '$org'
        AND n.depth = 3 ORDER BY n.id LIMIT 6" >"$u.codes"
    tok=$(csrf_of "$u" /plan)
    s=0
    : >"$u.log"
    while [ ! -e stop ]; do
        code=$(sed -n "$((s % $(wc -l <"$u.codes") + 1))p" "$u.codes")
        v=$(version_of "$u" "/activity/$code" "/activity/$code/statement")
        [ -n "$v" ] || break # the server is gone
        text="kill $u seq $s"
        st=$(curl -s -m 10 -b "$u.jar" -o /dev/null -w '%{http_code}' \
            --data-urlencode "csrf=$tok" --data-urlencode round=2018 \
            --data-urlencode "version=$v" --data-urlencode action=save \
            --data-urlencode rating=progressing --data-urlencode "text=$text" \
            "$BASE/activity/$code/statement" || true)
        echo "$s|$st|$code|$text" >>"$u.log"
        s=$((s + 1))
    done
}

rm -f stop
writer molvt MOLVT &
w1=$!
writer ilo ILO &
w2=$!
# Let them write, then kill the server in the middle of it.
i=0
while [ $i -lt 100 ] && [ "$(cat molvt.log ilo.log 2>/dev/null | grep -c '|303|')" -lt 10 ]; do
    sleep 0.1
    i=$((i + 1))
done
kill -KILL "$SPID"
wait "$SPID" 2>/dev/null
SPID=""
touch stop
wait "$w1" "$w2"

acked=$(cat molvt.log ilo.log | grep -c '|303|')
[ "$acked" -ge 10 ] || fail "only $acked saves were acknowledged before the kill"

# The file as the kill left it (WAL and all): whole.  (PostgreSQL's own
# recovery is not lmpmon's to check; what was acknowledged is, below.)
if [ "$LMPMON_TEST_BACKEND" = sqlite ]; then
    [ "$(db_sql d 'PRAGMA integrity_check')" = ok ] ||
        fail "integrity_check after the kill: $(db_sql d 'PRAGMA integrity_check' | head -3)"
fi

# Every acknowledged save was committed.
db_sql d "SELECT new FROM audit WHERE entity = 'statement' AND new LIKE 'kill %'" |
    sort -u >audit.txt
cat molvt.log ilo.log | awk -F'|' '$2 == 303 { print $4 }' | sort -u >acked.txt
lost=$(comm -23 acked.txt audit.txt)
[ -z "$lost" ] || fail "acknowledged saves missing from the audit trail: $(echo "$lost" | head -3)"

# Each stored statement: the last acknowledged save of its activity or a
# later one (sent, then cut off by the kill), never an older one.
for u in molvt ilo; do
    org=$(echo "$u" | tr a-z A-Z)
    for code in $(cat "$u.codes"); do
        last=$(awk -F'|' -v c="$code" '$2 == 303 && $3 == c { s = $1 } END { print s }' "$u.log")
        [ -n "$last" ] || continue
        got=$(db_sql d "SELECT s.text FROM statement s JOIN org o ON o.id = s.org_id
            JOIN assessment a ON a.id = s.assessment_id JOIN node n ON n.id = a.node_id
            JOIN round r ON r.id = a.round_id
            WHERE o.acronym = '$org' AND n.code = '$code' AND r.code = '2018'")
        seq=${got##* seq }
        case "$got" in
        "kill $u seq "*) [ "$seq" -ge "$last" ] ||
            fail "$org on $code holds seq $seq, older than the acknowledged seq $last" ;;
        *) fail "$org on $code holds '$got', not its acknowledged save (seq $last)" ;;
        esac
    done
done

# A new server on the same file starts and shows the saves.
start_server "$(db d)"
login molvt
code=$(head -n 1 molvt.codes)
last=$(awk -F'|' -v c="$code" '$2 == 303 && $3 == c { t = $4 } END { print t }' molvt.log)
if [ -n "$last" ]; then
    curl -s -b molvt.jar "$BASE/activity/$code" >act.html
    grep -q "kill molvt seq" act.html || fail "the restarted server does not show MOLVT's saves on $code"
fi
[ "$(curl -s -o /dev/null -w '%{http_code}' -b molvt.jar "$BASE/plan")" = 200 ] ||
    fail "the restarted server does not serve /plan"

finish
