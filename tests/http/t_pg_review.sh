# The server on PostgreSQL: two saves of the same statement from
# forms that showed none (version 0) give one 303 and one 409, and the
# first text stays; an officer's review from a form built before a
# resubmission is refused (409) and, reloaded, goes through.  The server
# is given its password in the URL: neither its banner nor its log shows
# it.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/pg-lib.sh"

DB=$(pg_newdb review)
make_db "$DB"
pw=$(sed -n 's/^[^:]*:[^:]*:[^:]*:[^:]*:\(.*\)$/\1/p' "$PGPASSFILE" | head -1)
[ -n "$pw" ] || fail "no password in the test server's password file"
start_server "postgresql://lmpmon:$pw@${DB#postgresql://lmpmon@}"
grep -q "serving postgresql://lmpmon@" serve.out || fail "banner: $(cat serve.out)"
login molvt
login officer
cp molvt.jar molvt-a.jar
login molvt
cp molvt.jar molvt-b.jar

# Both reporters' forms show no statement yet (version 0).
[ "$(version_of molvt /activity/4.8 /activity/4.8/statement)" = 0 ] ||
    fail "the statement form does not start at version 0"
cp molvt-a.jar molvt.jar
code_a=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=on_target "text=First reporter text")
cp molvt-b.jar molvt.jar
code_b=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=progressing "text=Second reporter text")
[ "$code_a" = 303 ] || fail "first save: $code_a $(head -c 300 post.body)"
[ "$code_b" = 409 ] || fail "second save from a stale form: expected 409, got $code_b"
grep -q "Second reporter text" post.body || fail "the refused text is not kept on the form"
curl -s -b officer.jar "$BASE/api/activity/4.8" >a.json
grep -q "First reporter text" a.json || fail "the first text is not stored"
grep -q "Second reporter text" a.json && fail "the refused text was stored"

# The officer's form, then a resubmission, then the officer's approve.
v1=$(version_of officer /activity/4.8 /activity/4.8/review)
[ -n "$v1" ] || fail "no version in the review form"
sv=$(version_of molvt /activity/4.8 /activity/4.8/statement)
code=$(post molvt /activity/4.8/statement round=2018 "version=$sv" action=submit \
    rating=on_target "text=Better text with numbers")
[ "$code" = 303 ] || fail "resubmission: $code"
code=$(post officer /activity/4.8/review round=2018 "version=$v1" action=approve \
    rating=on_target "progress=Approved narrative")
[ "$code" = 409 ] || fail "approve from a stale form: expected 409, got $code"
v2=$(version_of officer /activity/4.8 /activity/4.8/review)
code=$(post officer /activity/4.8/review round=2018 "version=$v2" action=approve \
    rating=on_target "progress=Approved narrative")
[ "$code" = 303 ] || fail "approve from a fresh form: $code $(head -c 300 post.body)"
curl -s -b officer.jar "$BASE/api/activity/4.8" >b.json
grep -q "Approved narrative" b.json || fail "the approved narrative is not stored"

stop_server
grep -qF "$pw" serve.out serve.err && fail "the server showed the password"
finish
