# 'lmpmon init' and how a database is chosen, opened and refused.
. "$(dirname "$0")/lib.sh"

# The default database is ./lmpmon.db.
run init
expect_status 0
[ -f lmpmon.db ] || fail "init did not create ./lmpmon.db"

# LMPMON_DB is used when --db is absent; --db wins over it.
LMPMON_DB=env.db "$LMPMON" init >/dev/null 2>&1 || fail "init with LMPMON_DB failed"
[ -f env.db ] || fail "LMPMON_DB was not used"
LMPMON_DB=env2.db "$LMPMON" --db flag.db init >/dev/null 2>&1
[ -f flag.db ] && [ ! -f env2.db ] || fail "--db did not win over LMPMON_DB"

# An existing file is never overwritten.
cp lmpmon.db before.db
run init
expect_status 1
expect_err "already exists"
cmp -s lmpmon.db before.db || fail "init changed an existing database"

# A missing database is reported, not created.
run --db missing.db plan list
expect_status 1
expect_err "no database 'missing.db'"
[ ! -f missing.db ] || fail "a missing database was created"

# A file that is not a database is refused and left untouched.
printf 'hello, not a database\n' >notes.txt
cp notes.txt notes.orig
run --db notes.txt plan list
expect_status 1
expect_err "'notes.txt' is not an lmpmon database"
cmp -s notes.txt notes.orig || fail "a non-database file was modified"

# An SQLite database of another program is refused and left untouched.
sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp other.db other.orig
run --db other.db import "$SAMPLE/plan.json"
expect_status 1
expect_err "'other.db' is not an lmpmon database"
cmp -s other.db other.orig || fail "another program's database was modified"

# An empty file is not a database either.
: >empty.db
run --db empty.db plan list
expect_status 1
expect_err "is not an lmpmon database"

# A database from a newer lmpmon is refused with a clear message.
"$LMPMON" --db newer.db init >/dev/null
sqlite3 newer.db "PRAGMA user_version = 999;"
run --db newer.db plan list
expect_status 1
expect_err "newer lmpmon"

# The shipped sample, embedded in the binary, works from any directory.
mkdir -p elsewhere && cd elsewhere
run --db s.db init --sample cambodia-lmp-2015-2018
expect_status 0
run --db s.db plan list
expect_out "cambodia-lmp-2015-2018"
run --db t.db init --sample nosuch
expect_status 2
expect_err "no sample 'nosuch'"
expect_err "cambodia-lmp-2015-2018"
[ ! -f t.db ] || fail "a failed sample import left a database behind"
cd ..

finish
