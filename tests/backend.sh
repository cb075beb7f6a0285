# backend.sh — which database backend the shell tests run on (sourced by
# tests/cli/lib.sh and tests/http/lib.sh, in the test's scratch directory).
#
# The same CLI and HTTP scripts run twice under ctest: once on SQLite
# (cli_*, http_*) and once on PostgreSQL (pgcli_*, pghttp_*, with
# LMPMON_TEST_BACKEND=pg, through tests/pg-env.sh).  A test never spells a
# database file: it names its databases with short words and asks these
# helpers for them.
#
#   db NAME            the --db value of the test's database NAME: the file
#                      NAME.db, or on PostgreSQL the URL of a database made
#                      empty on first use and dropped when the test exits
#   db_sql NAME [SQL]  run SQL (or stdin) on database NAME as another
#                      program would (the sqlite3 shell or psql; '|'
#                      between columns, one line per row)
#   db_cp FROM TO      TO becomes a copy of FROM (cp, or a template copy)
#   db_rm NAME         database NAME is gone; the next 'db NAME' is empty
#
# SQL a test runs must be valid on both engines.
LMPMON_TEST_BACKEND=${LMPMON_TEST_BACKEND:-sqlite}
case $LMPMON_TEST_BACKEND in
sqlite) ;;
pg)
    . "$SRC/tests/pg-lib.sh"
    ;;
*)
    echo "LMPMON_TEST_BACKEND must be sqlite or pg, not '$LMPMON_TEST_BACKEND'" >&2
    exit 2
    ;;
esac

# The PostgreSQL name of the test database NAME (one per test process).
db_pgname() {
    echo "lmpmon_t_$(printf '%s' "$1" | tr -c 'a-z0-9' '_')_$$"
}

db() {
    if [ "$LMPMON_TEST_BACKEND" = sqlite ]; then
        echo "$1.db"
        return
    fi
    db_n=$(db_pgname "$1")
    if ! grep -qx "$db_n" "$PG_DBLIST" 2>/dev/null; then
        psql "$PG_ADMIN" -qAt -c "CREATE DATABASE $db_n" >/dev/null ||
            { echo "cannot create database $db_n" >&2; exit 1; }
        echo "$db_n" >>"$PG_DBLIST"
    fi
    echo "${PG_ADMIN%/*}/$db_n"
}

db_sql() {
    if [ "$LMPMON_TEST_BACKEND" = sqlite ]; then
        if [ $# -ge 2 ]; then sqlite3 "$1.db" "$2"; else sqlite3 "$1.db"; fi
    elif [ $# -ge 2 ]; then
        # Through stdin, so every statement's result is printed, as the
        # sqlite3 shell does.
        printf '%s\n' "$2" | psql "$(db "$1")" -qAtX -v ON_ERROR_STOP=1
    else
        psql "$(db "$1")" -qAtX -v ON_ERROR_STOP=1
    fi
}

db_rm() {
    if [ "$LMPMON_TEST_BACKEND" = sqlite ]; then
        rm -f "$1.db" "$1.db-wal" "$1.db-shm" "$1.db-journal"
        return
    fi
    db_n=$(db_pgname "$1")
    psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $db_n WITH (FORCE)" >/dev/null
    if [ -f "$PG_DBLIST" ]; then
        grep -vx "$db_n" "$PG_DBLIST" >"$PG_DBLIST.new"
        mv "$PG_DBLIST.new" "$PG_DBLIST"
    fi
}

db_cp() {
    if [ "$LMPMON_TEST_BACKEND" = sqlite ]; then
        cp "$1.db" "$2.db"
        return
    fi
    db "$1" >/dev/null
    db_rm "$2"
    db_n=$(db_pgname "$2")
    psql "$PG_ADMIN" -qAt -c "CREATE DATABASE $db_n TEMPLATE $(db_pgname "$1")" >/dev/null ||
        { echo "cannot copy database $1 to $2" >&2; exit 1; }
    echo "$db_n" >>"$PG_DBLIST"
}
