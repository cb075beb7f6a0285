# The complaints reports kept ready in a PostgreSQL database
# (kept.inc.sh).
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/pg-lib.sh"
DB=$(pg_newdb kept)
DB2=$(pg_newdb kept2)
DB3=$(pg_newdb kept3)
sql() { pg_sql "$DB" "$1"; }
. "$SRC/tests/cli/kept.inc.sh"
finish
