# The complaints reports kept ready in an SQLite database (kept.inc.sh).
. "$(dirname "$0")/lib.sh"
DB=k.db
DB2=k2.db
DB3=k3.db
sql() { sqlite3 "$DB" "$1"; }
. "$SRC/tests/cli/kept.inc.sh"
finish
