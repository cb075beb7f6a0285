# Two 'lmpmon serve' on one PostgreSQL database, as behind a proxy that
# spreads requests over them: what one saves, the other shows within a
# second (its read model follows the database's data version, not its own
# writes); two people saving the same thing through different servers at
# the same moment get one 303 and one 409, and the saved text is the
# 303's, on both; the complaints reports each server keeps ready follow a
# change made by another process, and what one server counts it keeps in
# the database for the other.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/pg-lib.sh"

DB=$(pg_newdb twoservers)
make_db "$DB"
echo "$PASS" | "$LMPMON" --db "$DB" user add lscw --role case_officer --org LSCW >/dev/null ||
    fail "case officer"
start_server "$DB"
A=$BASE
APID=$SPID
cp serve.out a.out
start_server "$DB"
B=$BASE
[ "$A" != "$B" ] || fail "both servers at $A"

# Sessions are in the database: a login on one server works on both.
BASE=$A
login molvt
login officer
BASE=$B
login officer2
login lscw
cp molvt.jar molvt2.jar

# seen_within URL TEXT JAR: TEXT shows at URL within one second.
seen_within() {
    t0=$(date +%s%N)
    while :; do
        curl -s -b "$3" "$1" | grep -qF -- "$2" && return 0
        [ $(($(date +%s%N) - t0)) -gt 1000000000 ] && return 1
        sleep 0.05
    done
}

# B has read the activity (its read model holds it) before A saves.
curl -s -b officer2.jar "$B/activity/4.8" >before.html
grep -q "Saved through A" before.html && fail "the text is there before it is saved"
BASE=$A
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=save \
    rating=on_target "text=Saved through A")
[ "$code" = 303 ] || fail "saving through A: $code $(head -c 300 post.body)"
seen_within "$B/activity/4.8" "Saved through A" officer2.jar ||
    fail "a statement saved through A is not shown by B within a second"
seen_within "$B/api/activity/4.8" "Saved through A" officer2.jar ||
    fail "B's API does not give the statement saved through A"

# post_at DIR SERVER USER PATH DATA...: post() to SERVER in the background,
# from directory DIR (its own cookie jar and body), the status in DIR.code.
post_at() {
    d=$1 srv=$2 u=$3
    shift 3
    rm -rf "$d"
    mkdir "$d"
    cp "$u.jar" "$d/"
    (cd "$d" && BASE=$srv && post "$u" "$@" >"../$d.code") &
    POSTS="$POSTS $!"
}
POSTS=""
# wait_posts: wait for the posts started (not for the servers).
wait_posts() {
    wait $POSTS
    POSTS=""
}

K=cambodia-lmp-2015-2018/4.8/2018
# One reporter in two browsers, one on each server, saving the same
# statement from forms of the same version, ten times over: each time one
# save is taken (303) and the other refused (409), and what is stored is
# the taken one.  Nothing acknowledged is lost, nothing refused is kept.
i=1
while [ $i -le 10 ]; do
    BASE=$A
    v=$(version_of molvt /activity/4.8 /activity/4.8/statement)
    post_at ra$i "$A" molvt /activity/4.8/statement round=2018 "version=$v" \
        action=save rating=on_target "text=Round $i from A"
    post_at rb$i "$B" molvt2 /activity/4.8/statement round=2018 "version=$v" \
        action=save rating=on_target "text=Round $i from B"
    wait_posts
    codes=$(printf '%s\n%s\n' "$(cat ra$i.code)" "$(cat rb$i.code)" | sort | tr '\n' ' ')
    [ "$codes" = "303 409 " ] || fail "round $i: expected one 303 and one 409, got $codes"
    want=A
    [ "$(cat rb$i.code)" = 303 ] && want=B
    for s in "$A" "$B"; do
        curl -s -b officer.jar "$s/api/activity/4.8" >r.json
        grep -q "Round $i from $want" r.json || fail "round $i: $s does not hold the saved text (from $want)"
        other=A
        [ $want = A ] && other=B
        grep -q "Round $i from $other" r.json && fail "round $i: the refused text from $other is stored"
    done
    # The audit trail has the taken save, once, and not the refused one.
    [ "$(pg_sql "$DB" "SELECT string_agg(new, '|') FROM audit
        WHERE key = '$K/MOLVT' AND new LIKE 'Round $i from %'")" = "Round $i from $want" ] ||
        fail "round $i: the audit trail does not hold just the taken save"
    i=$((i + 1))
done

# The statement submitted, two M&E officers review the same activity at the
# same moment, one on each server: one review is taken, one refused.
BASE=$A
v=$(version_of molvt /activity/4.8 /activity/4.8/statement)
code=$(post molvt /activity/4.8/statement round=2018 "version=$v" action=submit \
    rating=on_target "text=Submitted text")
[ "$code" = 303 ] || fail "submitting: $code"
va=$(version_of officer /activity/4.8 /activity/4.8/review)
BASE=$B
vb=$(version_of officer2 /activity/4.8 /activity/4.8/review)
[ -n "$va" ] && [ "$va" = "$vb" ] || fail "the review forms differ: '$va' and '$vb'"
post_at rev-a "$A" officer /activity/4.8/review round=2018 "version=$va" \
    action=approve rating=on_target "progress=Narrative of the officer on A"
post_at rev-b "$B" officer2 /activity/4.8/review round=2018 "version=$vb" \
    action=approve rating=progressing "progress=Narrative of the officer on B"
wait_posts
codes=$(printf '%s\n%s\n' "$(cat rev-a.code)" "$(cat rev-b.code)" | sort | tr '\n' ' ')
[ "$codes" = "303 409 " ] || fail "two reviews at once: expected one 303 and one 409, got $codes"
want=A
[ "$(cat rev-b.code)" = 303 ] && want=B
other=A
[ $want = A ] && other=B
for s in "$A" "$B"; do
    curl -s -b officer.jar "$s/api/activity/4.8" >r.json
    grep -q "Narrative of the officer on $want" r.json || fail "$s does not hold the taken review (from $want)"
    grep -q "Narrative of the officer on $other" r.json && fail "$s holds the refused review (from $other)"
done
[ "$(pg_sql "$DB" "SELECT count(*) FROM audit WHERE key = '$K' AND field = 'progress'
    AND new LIKE 'Narrative of the officer on $want'")" = 1 ] ||
    fail "the taken review is not in the audit trail once: $(pg_sql "$DB" "SELECT key, field, new FROM audit WHERE key LIKE '$K%'")"
[ "$(pg_sql "$DB" "SELECT count(*) FROM audit WHERE new LIKE '%officer on $other'")" = 0 ] ||
    fail "the refused review is in the audit trail"

# What each server keeps between requests (the session, the data version)
# holds only until a change is announced (change_watch.h): a change made by
# another process, a logout through the other server and a user disabled
# from the command line all take effect on both servers within a second.
# status_at URL JAR: the HTTP status of a GET of URL with the cookies of JAR.
status_at() {
    curl -s -o /dev/null -w '%{http_code}' -b "$2" "$1"
}
# within_second CMD...: CMD succeeds within one second.
within_second() {
    t0=$(date +%s%N)
    until "$@"; do
        [ $(($(date +%s%N) - t0)) -gt 1000000000 ] && return 1
        sleep 0.05
    done
}
for s in "$A" "$B"; do
    curl -s -b officer.jar "$s/rounds" | grep -q "Opened from the command line" &&
        fail "$s shows the round before it is opened"
done
"$LMPMON" --db "$DB" round open 2019 --title "Opened from the command line" >/dev/null ||
    fail "opening a round from the command line"
for s in "$A" "$B"; do
    within_second sh -c "curl -s -b officer.jar '$s/rounds' | grep -q 'Opened from the command line'" ||
        fail "$s does not show a round opened from the command line within a second"
done
BASE=$A
login viewer
[ "$(status_at "$B/" viewer.jar)" = 200 ] || fail "B does not take the viewer's session"
cp viewer.jar viewer-kept.jar # the browser forgets the cookie; a thief would not
code=$(post viewer /logout)
[ "$code" = 303 ] || fail "logging out through A: $code"
within_second sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -b viewer-kept.jar '$B/')\" != 200 ]" ||
    fail "B still takes a session ended through A after a second"
login ilo
[ "$(status_at "$B/" ilo.jar)" = 200 ] || fail "B does not take ilo's session"
"$LMPMON" --db "$DB" user disable ilo >/dev/null || fail "disabling ilo"
within_second sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -b ilo.jar '$B/')\" != 200 ]" ||
    fail "B still takes the session of a user disabled from the command line after a second"
# Every connection of both servers ended by the database (a restart, an
# administrator): no page fails for it (each connection is made again when
# found lost), and while the watch's own connection is being made again the
# servers trust nothing they kept, so a change made meanwhile shows at once.
pg_sql "$DB" "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()" >/dev/null
sleep 0.2
for s in "$A" "$B"; do
    for k in 1 2 3 4 5 6 7 8; do
        code=$(status_at "$s/rounds" officer.jar)
        [ "$code" = 200 ] || fail "$s answers $code after its connections were ended"
    done
done
"$LMPMON" --db "$DB" round open 2020 --title "Opened after the connections were lost" >/dev/null ||
    fail "opening a second round from the command line"
for s in "$A" "$B"; do
    within_second sh -c "curl -s -b officer.jar '$s/rounds' | grep -q 'Opened after the connections were lost'" ||
        fail "$s does not show a change made after its connections were lost within a second"
done

# Complaints: a case import by another process (the CLI) shows on both
# servers' report pages; the reports one server counts, it keeps in the
# database, and the other server and the CLI take them from there.
curl -s -b lscw.jar "$A/complaints" >c0.html
printf 'case_no,lodged_on,resolved_on,sex,assisting_org,province,satisfied,stage\n' >cases.csv
for k in 1 2 3 4 5 6 7; do
    printf 'T%d,2018-01-1%d,2018-02-10,female,LSCW,Takeo,yes,resolved\n' "$k" "$k" >>cases.csv
done
"$LMPMON" --db "$DB" case import cases.csv >/dev/null || fail "case import"
gen=$(pg_sql "$DB" "SELECT max(id) FROM audit WHERE key = 'cases'")
# Seen every second: allow two.
for s in "$A" "$B"; do
    t0=$(date +%s)
    until curl -s -b lscw.jar "$s/complaints" | grep -q '<th scope="row">Takeo</th><td class="n">7</td>'; do
        [ $(($(date +%s) - t0)) -gt 2 ] && { fail "$s does not show the imported cases within 2 s"; break; }
        sleep 0.1
    done
done
# A case opened through B: A shows it, and one of them kept the counted
# reports for the new generation.
BASE=$B
code=$(post lscw /cases case_no=T8 lodged_on=2018-01-20 channel=ngo sex=male \
    legal_status=regular province=Takeo destination=Thailand type=unpaid_wages \
    requested=100 currency=USD)
[ "$code" = 303 ] || fail "opening a case through B: $code $(head -c 300 post.body)"
t0=$(date +%s)
until curl -s -b lscw.jar "$A/complaints" | grep -q '<th scope="row">Takeo</th><td class="n">8</td>'; do
    [ $(($(date +%s) - t0)) -gt 2 ] && { fail "A does not show the case opened through B within 2 s"; break; }
    sleep 0.1
done
gen=$(pg_sql "$DB" "SELECT max(id) FROM audit WHERE key = 'cases'")
t0=$(date +%s)
until [ "$(pg_sql "$DB" "SELECT gen FROM kept WHERE name = 'complaints'")" = "$gen" ]; do
    [ $(($(date +%s) - t0)) -gt 3 ] && { fail "no server kept the reports of the new generation"; break; }
    sleep 0.1
done
"$LMPMON" --db "$DB" report complaints --format csv >r.csv
grep -q '^province,Takeo,8,' r.csv || fail "the CLI's report: $(grep Takeo r.csv)"

kill "$APID" 2>/dev/null
wait "$APID" 2>/dev/null
finish
