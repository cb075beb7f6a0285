# A database written by an older lmpmon (schema version 1, and version 4
# with a statement) is migrated on open, keeping its data; the migration is
# one transaction.
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
# Version 5 rebuilt assessments and statements with OR checks (an IN list
# made SQLite build a temporary table per insert): nothing of the old
# tables' checks is left, no row refers to a missing one, the file is sound.
sqlite3 old.db ".schema assessment" | grep -q " IN *(" && fail "assessment keeps its IN checks"
sqlite3 old.db ".schema statement" | grep -q " IN *(" && fail "statement keeps its IN checks"
[ "$(sqlite3 old.db 'PRAGMA foreign_key_check')" = "" ] || fail "dangling rows after migration"
[ "$(sqlite3 old.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after migration"
sqlite3 old.db "UPDATE assessment SET rating = 'bogus' WHERE id = (SELECT min(id) FROM assessment)" 2>&1 |
    grep -q "CHECK constraint failed" || fail "a rating outside the list was accepted after migration"

# From version 4, with a statement: the rebuild keeps every column of it.
"$LMPMON" --db v4.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample v4"
sqlite3 v4.db "INSERT INTO statement(assessment_id, org_id, text, proposed_rating,
    state, comment, version, updated_by, updated_at)
  VALUES((SELECT min(id) FROM assessment), (SELECT min(id) FROM org),
    'Trained 40 officials', 'progressing', 'submitted', 'ok', 3, 'sok',
    '2017-10-01T08:00:00Z'); PRAGMA user_version = 4;" || fail "could not make a version 4 database"
before=$(sqlite3 v4.db "SELECT * FROM statement; SELECT count(*), sum(version) FROM assessment")
run --db v4.db export --format json --out v4.json
expect_status 0
after=$(sqlite3 v4.db "SELECT * FROM statement; SELECT count(*), sum(version) FROM assessment")
[ "$before" = "$after" ] || fail "the migration from version 4 changed statements or assessments"
[ "$(sqlite3 v4.db 'PRAGMA user_version')" = "$want" ] || fail "version 4 not migrated"

finish
