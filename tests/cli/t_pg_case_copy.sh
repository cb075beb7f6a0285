# Case imports into PostgreSQL go through COPY in batches (store_pg_copy.c)
# and must give what SQLite's row-by-row upserts give: the same cases in
# the same order with the same personal details, whatever the file holds —
# more than one batch, cases already stored, a case twice in one file,
# fields that COPY's text format must escape.  A failure anywhere leaves
# nothing of the import, even when the server finds it after lmpmon has
# moved on.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/pg-lib.sh"

PG=$(pg_newdb casecopy)
"$LMPMON" --db sq.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init sq"
"$LMPMON" --db "$PG" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init pg"

# both NAME ARGS...: lmpmon ARGS on both databases: same output, same status.
both() {
    name=$1
    shift
    "$LMPMON" --db sq.db "$@" >"sq-$name.out" 2>"sq-$name.err"
    echo "exit $?" >>"sq-$name.err"
    "$LMPMON" --db "$PG" "$@" >"pg-$name.out" 2>"pg-$name.err"
    echo "exit $?" >>"pg-$name.err"
    cmp -s "sq-$name.out" "pg-$name.out" ||
        fail "$name differs between SQLite and PostgreSQL: $(diff "sq-$name.out" "pg-$name.out" | head -6)"
    cmp -s "sq-$name.err" "pg-$name.err" ||
        fail "$name: messages or status differ: $(diff "sq-$name.err" "pg-$name.err" | head -6)"
}

# same_cases STEP: every case with its personal details, and the report.
same_cases() {
    both "$1-export" case export --with-personal
    both "$1-report" report complaints --format csv
}

# 120,000 cases: three batches of COPY (50,000 each).  Every seventh has
# personal details; some hold a backslash, a tab, a quote or a line break,
# which COPY's text format escapes.
"$LMPMON" sample complaints --cases 120000 --seed 3 --out crlf.csv >/dev/null || fail "sample"
tr -d '\r' <crlf.csv >gen.csv
awk 'BEGIN { FS = OFS = "," }
     NR == 1 { print $0, "complainant_name", "phone", "id_document"; next }
     NR % 7 == 0 { print $0, "Person " NR, "+855 " NR, "ID\\" NR; next }
     NR % 1000 == 0 { print $0, "\"Tab\there\"", "\"line\nbreak\"", "\"say \"\"hi\"\"\""; next }
     { print $0, "", "", "" }' gen.csv >a.csv
both import-a case import a.csv --create-orgs
expect_count() {
    [ "$(pg_sql "$PG" "SELECT count(*) FROM complaint_case")" = "$1" ] ||
        fail "PostgreSQL holds $(pg_sql "$PG" "SELECT count(*) FROM complaint_case") cases, not $1"
}
expect_count 120000
same_cases a
grep -q 'Person 7,.*,ID\\7' pg-a-export.out || fail "a backslash was lost: $(grep -m1 C-00000006 pg-a-export.out)"

# A second file: 600 cases stored already (changed), 600 new ones, a new
# case put twice and a stored one put twice (the later line wins, as in
# SQLite), some with personal details.
{
    head -1 a.csv
    sed -n '2,601p' a.csv | sed 's/,[^,]*,[^,]*,[^,]*$/,"Name, changed",012,X/'
    sed -n '2,601p' gen.csv | sed 's/^C-/N-/; s/$/,,,/'
    sed -n '2p' gen.csv | sed 's/^C-/T-/; s/$/,First,1,A/'
    sed -n '3p' a.csv
    sed -n '2p' gen.csv | sed 's/^C-/T-/; s/,[^,]*$/,second outcome/; s/$/,Second,2,B/'
    sed -n '3p' a.csv | sed 's/,[^,]*,[^,]*,[^,]*$/,Again,3,C/'
} >b.csv
both import-b case import b.csv --create-orgs
expect_count 120601
same_cases b
grep -q '^T-00000001,.*second outcome,Second,2,B' pg-b-export.out ||
    fail "the later of two lines of a new case did not win: $(grep '^T-' pg-b-export.out)"
grep -q '^C-00000002,.*,Again,3,C' pg-b-export.out ||
    fail "the later of two lines of a stored case did not win: $(grep '^C-00000002,' pg-b-export.out)"
# Put twice in one file: version 2 in both, as row by row.
[ "$(pg_sql "$PG" "SELECT version FROM complaint_case WHERE case_no = 'T-00000001'")" = \
  "$(sqlite3 sq.db "SELECT version FROM complaint_case WHERE case_no = 'T-00000001'")" ] ||
    fail "a case put twice has another version on PostgreSQL"

# A bad line at the end of a file of new cases: nothing of it is stored.
{ sed 's/^C-/E-/' gen.csv | head -3000; sed -n '2p' gen.csv | sed 's/^C-/E-/; s/,20[0-9][0-9]-[0-9-]*,/,2018-02-30,/'; } >bad.csv
both import-bad case import bad.csv --create-orgs
expect_count 120601

# The server refuses a row lmpmon passed (a constraint added behind its
# back): found while the COPY streams, reported as lmpmon's own message
# without the engine's text, and nothing of the import is stored.
pg_sql "$PG" "ALTER TABLE complaint_case ADD CONSTRAINT no_z99 CHECK (case_no <> 'Z-00002999')"
sed '2,$ s/^C-/Z-/' gen.csv | head -5000 >z.csv
run --db "$PG" case import z.csv --create-orgs
expect_status 1
expect_err "nothing was changed"
expect_err "cannot import 'z.csv': case 'Z-00002999': "
grep -q "no_z99\|violates" err.txt && fail "the engine's text was shown: $(cat err.txt)"
expect_count 120601
[ "$(pg_sql "$PG" "SELECT count(*) FROM audit WHERE key = 'cases'")" = 2 ] ||
    fail "a failed import left an audit row"
pg_sql "$PG" "ALTER TABLE complaint_case DROP CONSTRAINT no_z99"
run --db "$PG" case import z.csv --create-orgs
expect_status 0
expect_count 125600

finish
