# A database written by an older lmpmon (schema version 1) is migrated on
# open, keeping its data; the migration is one transaction.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db old.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
"$LMPMON" --db old.db export --format json --out before.json
# Turn it back into a version 1 database: what versions 2 to 4 added goes.
sqlite3 old.db "DROP INDEX node_plan_position;
  DROP TABLE case_payment; DROP TABLE case_event;
  DROP TABLE case_person; DROP TABLE complaint_case;
  DROP TABLE statement; DROP TABLE session; DROP TABLE user;
  ALTER TABLE assessment DROP COLUMN version; PRAGMA user_version = 1;" ||
    fail "could not make a version 1 database"
[ "$(sqlite3 old.db 'PRAGMA user_version')" = 1 ] || fail "not at version 1"

run --db old.db export --format json --out after.json
expect_status 0
want=$("$LMPMON" --version | sed 's/.*schema version \([0-9]*\).*/\1/')
[ "$(sqlite3 old.db 'PRAGMA user_version')" = "$want" ] || fail "not migrated to version $want"
cmp -s before.json after.json || fail "the migration changed the data"
sqlite3 old.db "SELECT count(*) FROM user" >/dev/null || fail "no user table after migration"

finish
