# The same sample in SQLite and in PostgreSQL gives the same bytes: exports
# (JSON, CSV), the review report (CSV, HTML), the checks with and without
# the printed claims, the rounds and the audit trail.  Then PostgreSQL's own
# promises: a JSON round trip, a database that is not lmpmon's or is from a
# newer lmpmon is refused and left as it was, a wrong password is said so
# without showing it, and backups are left to pg_dump.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/pg-lib.sh"

# pg_dump_of URL: the database's whole content, as pg_dump writes it
# (without the random key of its \restrict lines).
pg_dump_of() {
    pg_dump "$1" | grep -v '^\\\(un\)\{0,1\}restrict '
}

PG=$(pg_newdb parity)
run --db sq.db init --sample cambodia-lmp-2015-2018
expect_status 0
run --db "$PG" init --sample cambodia-lmp-2015-2018
expect_status 0
expect_out "with the sample 'cambodia-lmp-2015-2018'"

# same_output NAME ARGS...: lmpmon ARGS on both databases, byte for byte
# (stdout, stderr and exit status).
same_output() {
    name=$1
    shift
    "$LMPMON" --db sq.db "$@" >"sq-$name.out" 2>"sq-$name.err"
    echo "exit $?" >>"sq-$name.err"
    "$LMPMON" --db "$PG" "$@" >"pg-$name.out" 2>"pg-$name.err"
    echo "exit $?" >>"pg-$name.err"
    [ -s "sq-$name.out" ] || fail "$name: no output on SQLite: $(cat "sq-$name.err")"
    cmp -s "sq-$name.out" "pg-$name.out" ||
        fail "$name differs between SQLite and PostgreSQL: $(diff "sq-$name.out" "pg-$name.out" | head -8)"
    cmp -s "sq-$name.err" "pg-$name.err" ||
        fail "$name: messages or status differ: $(cat "pg-$name.err")"
}

same_output json export --format json
same_output csv export --format csv
same_output review-csv report review --round 2017 --compare 2016 --format csv
same_output review-html report review --round 2017 --compare 2016 --format html
same_output check check
same_output claims check --claims "$SAMPLE/claims-2017.csv"
same_output rounds round list
same_output orgs org list
same_output history show activity 4.8 --history
same_output round-2017 show round 2017
# The 2019 briefing's outreach, media and statistics the sample holds, and
# a re-import of each export (nothing changes on either).
same_output outreach outreach export
same_output outreach-q3 outreach list --quarter 2019Q3
same_output media media export
same_output stats stats export
same_output stats-list stats list
"$LMPMON" --db sq.db stats export --out st.csv
same_output stats-again stats import st.csv
# Complaints cases: a synthetic caseload imported into both, exported with
# personal details and reported on.
"$LMPMON" sample complaints --cases 400 --seed 7 --out cases.csv >/dev/null || fail "sample complaints"
same_output case-import case import cases.csv --create-orgs
same_output case-export case export --with-personal
same_output complaints report complaints --format csv
same_output complaints-2018 report complaints --year 2018 --format json
# Recommendations: the sample's imported into both, a bad file refused
# alike, a follow-up recorded, then listed, exported and drafted into the
# next round's action points the same way.
same_output recs-import recommendation import "$SAMPLE/recommendations-2017.csv"
printf 'round,code,group,text,concerns,asked,priority,source\n2017,X,,t,,MOLTV,no,s\n' >bad-recs.csv
"$LMPMON" --db sq.db recommendation import bad-recs.csv 2>sq-bad-recs.err
"$LMPMON" --db "$PG" recommendation import bad-recs.csv 2>pg-bad-recs.err
cmp -s sq-bad-recs.err pg-bad-recs.err || fail "a bad recommendations file is refused differently"
same_output recs-round round open 2018 --title "2018 review" --as-of 2018-11-30
same_output recs-follow recommendation follow-up 2017 C1 --in 2018 --status in_progress --evidence note
same_output recs-list recommendation list
same_output recs-export recommendation export
same_output recs-draft export --format csv
same_output recs-history show round 2018

# Indicators: the sample's, one added and amended, values imported (a bad
# file refused the same way), listed, shown, exported and reported alike.
same_output ind-list indicator list
same_output ind-add indicator add T1 --goal 12 --unit amount --definition "# informed" \
    --baseline 10 --baseline-year 2015 --targets "2017=30.5;2018=50" --disaggregation sex
printf 'indicator,period,sex,value,source\nT1,2017,women,12,s\nT1,2017,men,8,s\nT1,2017,total,20,s\nT1,2017Q3,total,15,s\n' >ind-v.csv
same_output ind-values value import ind-v.csv
same_output ind-amend indicator amend T1 --definition "# informed in person" --reason "review" --effective 2018-01-01
printf 'indicator,period,sex,value\nT1,2018,women,5\nT1,2018,men,6\nT1,2018,total,12\n' >ind-bad.csv
"$LMPMON" --db sq.db value import ind-bad.csv 2>sq-ind-bad.err
"$LMPMON" --db "$PG" value import ind-bad.csv 2>pg-ind-bad.err
[ -s sq-ind-bad.err ] && cmp -s sq-ind-bad.err pg-ind-bad.err ||
    fail "a bad values file is refused differently: $(cat pg-ind-bad.err)"
same_output ind-show indicator show T1
same_output ind-export value export
same_output ind-report report indicators --year 2017 --format json

# An import refused after writing part of itself (its second file is bad)
# leaves no trace on either backend: the next change's audit rows take the
# ids the refused ones had, so the revision in every later export is the
# same on both.
"$LMPMON" --db sq.db export --format csv --out two.csv
python3 - two.csv <<'PY' || fail "making ok.csv and bad.csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
p, r = h.index("2018:progress"), h.index("2018:rating")
rows[1][p] = "changed for the parity test"
csv.writer(open("ok.csv", "w", newline="")).writerows(rows[:2])
rows[1][r] = "Splendid"
csv.writer(open("bad.csv", "w", newline="")).writerows(rows[:2])
PY
"$LMPMON" --db sq.db import --plan cambodia-lmp-2015-2018 ok.csv bad.csv 2>sq-refused.err
"$LMPMON" --db "$PG" import --plan cambodia-lmp-2015-2018 ok.csv bad.csv 2>pg-refused.err
grep -q "unknown rating 'Splendid'" sq-refused.err && cmp -s sq-refused.err pg-refused.err ||
    fail "ok.csv with bad.csv is refused differently: $(cat sq-refused.err pg-refused.err)"
same_output after-refused import --plan cambodia-lmp-2015-2018 ok.csv
same_output csv-after-refused export --format csv

# A JSON round trip on PostgreSQL: what is exported imports into an empty
# database and exports again byte for byte.
PG2=$(pg_newdb roundtrip)
run --db "$PG2" init
expect_status 0
cp pg-json.out pg.json
run --db "$PG2" import pg.json
expect_status 0
"$LMPMON" --db "$PG2" export --format json --out rt.json
"$LMPMON" --db "$PG2" export --format csv --out rt.csv
# Without the revision (the newest audit row): the sample's outreach and
# statistics have audit rows of their own that the JSON does not carry.
norev() { sed 's/[0-9][0-9]*@2026-01-01T00:00:00Z/REV/g' "$1"; }
[ "$(norev pg-json.out)" = "$(norev rt.json)" ] ||
    fail "JSON export differs after a JSON round trip on PostgreSQL"
[ "$(norev pg-csv.out)" = "$(norev rt.csv)" ] ||
    fail "CSV export differs after a JSON round trip on PostgreSQL"
# Importing it again changes nothing, not even the audit trail.
before=$(pg_sql "$PG2" "SELECT count(*), max(id) FROM audit")
run --db "$PG2" import pg.json
expect_status 0
expect_out "no changes"
[ "$(pg_sql "$PG2" "SELECT count(*), max(id) FROM audit")" = "$before" ] ||
    fail "a second import of the same file wrote to the audit trail"

# Another program's database: refused, whatever the command, untouched.
OTHER=$(pg_newdb other)
pg_sql "$OTHER" "CREATE TABLE customer(id integer PRIMARY KEY, name text);
    INSERT INTO customer VALUES (1, 'Sok')"
pg_dump_of "$OTHER" >other-before.sql || fail "pg_dump"
run --db "$OTHER" export --format json
expect_status 1
expect_err "is not an lmpmon database"
run --db "$OTHER" init
expect_status 1
expect_err "another program's tables"
run --db "$OTHER" import "$SAMPLE/plan.json"
expect_status 1
pg_dump_of "$OTHER" >other-after.sql
cmp -s other-before.sql other-after.sql || fail "a refused database was changed"

# A database of a newer lmpmon: refused, untouched.
NEWER=$(pg_newdb newer)
"$LMPMON" --db "$NEWER" init >/dev/null || fail "init newer"
pg_sql "$NEWER" "UPDATE schema_version SET version = 999"
pg_dump_of "$NEWER" >newer-before.sql
run --db "$NEWER" export --format json
expect_status 1
expect_err "newer lmpmon (schema version 999"
run --db "$NEWER" import "$SAMPLE/plan.json"
expect_status 1
pg_dump_of "$NEWER" >newer-after.sql
cmp -s newer-before.sql newer-after.sql || fail "a database of a newer lmpmon was changed"

# An empty database is not one yet, and a missing one is named.
EMPTY=$(pg_newdb empty)
run --db "$EMPTY" export --format json
expect_status 1
expect_err "holds no lmpmon data"
[ "$(pg_sql "$EMPTY" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] ||
    fail "opening an empty database created tables"
run --db "${PG_ADMIN%/*}/lmpmon_nowhere_$$" export --format json
expect_status 1
expect_err "no database postgresql://"
expect_err "lmpmon_nowhere_$$"

# A wrong password: said so, naming the user and the database, never the
# password (in the URL, or in its query string).
hostpart=${PG_ADMIN#postgresql://}
hostpart=${hostpart#*@}
hostpart=${hostpart%/*}
run --db "postgresql://lmpmon:Wrong-Pw-77@$hostpart/${PG#*/*/*/}" export --format json
expect_status 1
expect_err "refused the password of user 'lmpmon'"
grep -q "Wrong-Pw-77" err.txt out.txt && fail "the password was shown: $(cat err.txt)"
run --db "postgresql://lmpmon@$hostpart/${PG#*/*/*/}?password=Wrong-Pw-78" show plan
expect_status 1
expect_err "refused the password"
grep -q "Wrong-Pw-78" err.txt out.txt && fail "the password was shown: $(cat err.txt)"
# The right one in the URL works, and the banner of 'init' does not show it.
pw=$(sed -n 's/^[^:]*:[^:]*:[^:]*:[^:]*:\(.*\)$/\1/p' "$PGPASSFILE" | head -1)
PW_DB=$(pg_newdb password)
run --db "postgresql://lmpmon:$pw@$hostpart/${PW_DB#*/*/*/}" init
expect_status 0
grep -qF "$pw" out.txt err.txt && fail "init printed the password"

# libpq's parameters after '?' reach it (docs/deploy.md's URLs): a
# connect timeout and no TLS work; TLS demanded of a server without it is
# refused, saying so, without the password.
run --db "$PG?connect_timeout=5&sslmode=disable" show plan
expect_status 0
run --db "postgresql://lmpmon:Secret-Pw-80@$hostpart/${PG#*/*/*/}?sslmode=require" show plan
expect_status 1
expect_err "does not offer TLS"
grep -q "Secret-Pw-80" err.txt out.txt && fail "the password was shown: $(cat err.txt)"

# Backups are pg_dump's.
run --db "$PG" backup --to never.db
expect_status 2
expect_err "pg_dump"
[ -e never.db ] && fail "a backup file was written"
# A server on PostgreSQL with scheduled backups is refused at once, before
# it listens, pointing to pg_dump (and never showing a password).
run --db "$PG" serve --listen 127.0.0.1:0 --backup-every 24h
expect_status 2
expect_err "pg_dump"
expect_err "docs/deploy.md"
run --db "postgresql://lmpmon:Secret-Pw-79@$hostpart/${PG#*/*/*/}" serve --listen 127.0.0.1:0 --backup-every 1h --keep 3
expect_status 2
expect_err "pg_dump"
grep -q "Secret-Pw-79" err.txt out.txt && fail "the password was shown: $(cat err.txt)"

finish
