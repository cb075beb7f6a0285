# pg-lib.sh — helpers of the shell tests that run on PostgreSQL (sourced
# after tests/cli/lib.sh or tests/http/lib.sh).  ctest runs those tests
# through tests/pg-env.sh, which sets LMPMON_TEST_PG_URL (the test server's
# maintenance database, scripts/pg-test-server) and PGPASSFILE.
[ -n "${LMPMON_TEST_PG_URL:-}" ] || { echo "no PostgreSQL test server (LMPMON_TEST_PG_URL)" >&2; exit 1; }
PG_ADMIN=$LMPMON_TEST_PG_URL
# The databases this test made, to drop at its end (an absolute path: a
# test may change directory).
PG_DBLIST=$(pwd)/pg-databases.txt

# pg_newdb NAME: a new empty database for this test; prints its URL.  It
# is dropped when the test exits.
pg_newdb() {
    pg_name="lmpmon_${1}_$$"
    psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" \
        >/dev/null 2>&1
    psql "$PG_ADMIN" -qAt -c "CREATE DATABASE $pg_name" >/dev/null ||
        { echo "cannot create database $pg_name" >&2; exit 1; }
    echo "$pg_name" >>"$PG_DBLIST"
    echo "${PG_ADMIN%/*}/$pg_name"
}

# pg_sql URL SQL: run SQL on the database URL (as another program would).
pg_sql() {
    psql "$1" -qAt -v ON_ERROR_STOP=1 -c "$2"
}

pg_dropdbs() {
    [ -f "$PG_DBLIST" ] || return 0
    while read -r pg_name; do
        psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $pg_name WITH (FORCE)" >/dev/null 2>&1
    done <"$PG_DBLIST"
    rm -f "$PG_DBLIST"
}
trap pg_dropdbs EXIT
