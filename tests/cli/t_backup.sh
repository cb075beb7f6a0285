# Backups and restores: a backup restores to the same data byte for byte;
# one taken while an import writes holds that import whole or not at all;
# a restore refuses what is not a good lmpmon database, and a database in
# use, and says so without the engine's words; the server's scheduled
# backups are written and only the newest N kept.
. "$(dirname "$0")/lib.sh"

# no_engine_text: the last run's stderr is lmpmon's own words, one line
# each, printable: no SQLite message, no raw bytes from a damaged file.
no_engine_text() {
    if grep -qiE 'sqlite|malformed|disk image|SQL logic|syntax error' err.txt; then
        fail "the engine's words reached the user: $(cat err.txt)"
    fi
    if LC_ALL=C grep -q '[^[:print:]]' err.txt; then
        fail "unprintable bytes in the message: $(cat -v err.txt)"
    fi
    if grep -v '^lmpmon: ' err.txt | grep -q .; then
        fail "a line that is not lmpmon's: $(cat err.txt)"
    fi
}

# export_all DB OUT: both export formats of DB into OUT.csv and OUT.json.
export_all() {
    "$LMPMON" --db "$1" export --out "$2.csv" &&
        "$LMPMON" --db "$1" export --format json --out "$2.json" ||
        fail "cannot export $1"
}

"$LMPMON" --db s.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
export_all s.db s

# --- backup, then restore into a new database: the same bytes ------------
run --db s.db backup --to b.db
expect_status 0
expect_out "backed up 's.db' to 'b.db'"
[ -f b.db ] || fail "no b.db"
[ -e b.db.tmp ] && fail "b.db.tmp left behind"
[ "$(sqlite3 b.db 'PRAGMA integrity_check')" = ok ] || fail "b.db fails the integrity check"
# One self-contained file, which opens on read-only media too.
[ "$(sqlite3 b.db 'PRAGMA journal_mode')" = delete ] || fail "b.db is not in rollback-journal mode"
run --db b.db plan list
expect_status 0
expect_out "cambodia-lmp-2015-2018"

run --db r.db restore --from b.db
expect_status 0
expect_out "restored 'r.db' from 'b.db'"
export_all r.db r
cmp -s s.csv r.csv || fail "the CSV export of the restored database differs"
cmp -s s.json r.json || fail "the JSON export of the restored database differs"
[ "$(sqlite3 r.db 'PRAGMA journal_mode')" = wal ] || fail "the restored database is not in WAL mode"

# An existing file is not overwritten without --force.
cp b.db b-copy.db
"$LMPMON" --db s.db round open 2018 >/dev/null || fail "round open"
run --db s.db backup --to b.db
expect_status 1
expect_err "cannot back up to 'b.db': the file exists (give --force to replace it)"
cmp -s b.db b-copy.db || fail "a refused backup changed b.db"
run --db s.db backup --to b2.db --force
expect_status 0
run --db s.db backup --to s.db --force
expect_status 2
expect_err "it is the database itself"
run --db s.db backup --to no/such/dir/b.db
expect_status 1
expect_err "cannot back up to 'no/such/dir/b.db': its directory is missing or read-only"
run --db s.db backup
expect_status 2
expect_err "where to? (--to FILE)"

# Restoring in place brings the old state back (the open round goes).
run --db s.db restore --from b.db
expect_status 0
export_all s.db s2
cmp -s s.csv s2.csv && cmp -s s.json s2.json || fail "restore in place did not bring the backup's data back"

# --- what a restore refuses: nothing changes, and it says why -------------
"$LMPMON" --db s.db round open 2018 >/dev/null || fail "round open"
export_all s.db before
# refused FILE TEXT: restoring s.db from FILE fails with TEXT, changing nothing.
refused() {
    run --db s.db restore --from "$1"
    expect_status 1
    expect_err "$2"
    expect_err "nothing was changed"
    no_engine_text
    export_all s.db now
    cmp -s before.csv now.csv && cmp -s before.json now.json ||
        fail "a refused restore from $1 changed the database"
}
echo "these are notes, not a database" >notes.txt
refused notes.txt "cannot restore: 'notes.txt' is not an lmpmon database"
sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
refused other.db "cannot restore: 'other.db' is not an lmpmon database"
refused missing.db "cannot restore: no file 'missing.db'"
# Garbage over pages inside the file: the integrity check finds it.
cp b.db garbled.db
dd if=/dev/urandom of=garbled.db bs=4096 seek=12 count=4 conv=notrunc 2>/dev/null
refused garbled.db "cannot restore from 'garbled.db': it is damaged"
# Cut short: pages the schema names are gone.
cp b.db cut.db
truncate -s 60000 cut.db
refused cut.db "cannot restore from 'cut.db': it is damaged"
# The schema's own text garbled.
cp b.db schema.db
off=$(grep -boa "CREATE TABLE" schema.db | sed -n 3p | cut -d: -f1)
printf '\377\376\001GARBAGE' | dd of=schema.db bs=1 seek=$((off + 3)) conv=notrunc 2>/dev/null
refused schema.db "cannot restore from 'schema.db': it is damaged"
# From a newer lmpmon.
cp b.db newer.db
sqlite3 newer.db "PRAGMA user_version = 999"
refused newer.db "was written by a newer lmpmon"
run --db s.db restore --from s.db
expect_status 2
expect_err "cannot restore 's.db' from itself"
# A target that is not an lmpmon database is not replaced.
echo "someone's notes" >target.txt
run --db target.txt restore --from b.db
expect_status 1
expect_err "cannot restore into 'target.txt': it is not an lmpmon database"
[ "$(cat target.txt)" = "someone's notes" ] || fail "a refused restore changed target.txt"
# A missing target beside a journal of an earlier database: the journal
# would be played into the restored one.
echo "frames" >gone.db-wal
run --db gone.db restore --from b.db
expect_status 1
expect_err "'gone.db-wal' is left from an earlier database"
[ -e gone.db ] && fail "gone.db was created"

# --- a database in use is not replaced -----------------------------------
"$LMPMON" --db s.db serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
spid=$!
i=0
while ! grep -q 'http://' serve.out 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt 100 ] && { fail "server did not start: $(cat serve.err)"; break; }
    sleep 0.05
done
refused b.db "cannot restore into 's.db': it is in use (a running 'lmpmon serve'"
# A backup is taken all the same.
run --db s.db backup --to while-serving.db
expect_status 0
kill "$spid"
wait "$spid"
# ... nor is one another process writes to (holding the write lock).
hold_lock s.db "BEGIN IMMEDIATE; UPDATE round SET title = title;" \
    "BEGIN IMMEDIATE; ROLLBACK;"
refused b.db "cannot restore into 's.db': it is in use"
run --db s.db backup --to while-locked.db
expect_status 0
release_lock
run --db s.db restore --from while-serving.db
expect_status 0

# --- an older lmpmon's backup restores and is brought up to date ---------
cp b.db v1.db
sqlite3 v1.db "DROP TABLE round_chapter; DROP INDEX node_predecessor; ALTER TABLE node DROP COLUMN predecessor_id;
  ALTER TABLE plan DROP COLUMN title_km; ALTER TABLE org DROP COLUMN name_km;
  ALTER TABLE node DROP COLUMN text_km; ALTER TABLE node DROP COLUMN indicator_km;
  DROP TABLE statement_attachment; DROP TABLE notification; DROP TABLE round_extension; ALTER TABLE round DROP COLUMN due;
  DROP TABLE fund_line; DROP TABLE fund_cost;
  DROP TABLE statement_version; DROP TABLE statement_comment; DROP TABLE ind_value; DROP TABLE indicator; DROP INDEX node_plan_position;
  DROP TABLE case_payment; DROP TABLE case_event;
  DROP TABLE case_person; DROP TABLE complaint_case;
  DROP TABLE statement; DROP TABLE session; DROP TABLE account;
  DROP TABLE kept; DROP TABLE rec_followup; DROP TABLE rec_org; DROP TABLE rec_node;
  DROP TABLE recommendation; DROP TABLE rec_group;
  DROP TABLE outreach_node; DROP TABLE outreach_org;
  DROP TABLE outreach_place; DROP TABLE outreach; DROP TABLE media;
  DROP TABLE stat_obs;
  ALTER TABLE assessment DROP COLUMN version; PRAGMA user_version = 1;" ||
    fail "could not make a version 1 database"
run --db old.db restore --from v1.db
expect_status 0
want=$("$LMPMON" --version | sed 's/.*schema version \([0-9]*\).*/\1/')
[ "$(sqlite3 old.db 'PRAGMA user_version')" = "$want" ] || fail "the restored database is not migrated to version $want"
[ "$(sqlite3 v1.db 'PRAGMA user_version')" = 1 ] || fail "restoring changed the backup itself"
export_all old.db old
cmp -s s.csv old.csv || fail "the restored version 1 database holds other data"

# --- backups taken while an import writes --------------------------------
# Each holds the import whole or not at all, passes the integrity check and
# restores.
"$LMPMON" sample plan --activities 3000 --orgs 200 --rounds 6 --seed 7 --out big >/dev/null ||
    fail "sample plan"
"$LMPMON" --db w.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample w.db"
before=$(sqlite3 w.db "SELECT count(*) FROM node; SELECT count(*) FROM assessment" | tr '\n' ' ')
"$LMPMON" --db w.db import --plan big big/plan.json big/annex.csv >import.out 2>import.err &
ipid=$!
k=0
while kill -0 "$ipid" 2>/dev/null && [ $k -lt 40 ]; do
    "$LMPMON" --db w.db backup --to "w$k.db" >/dev/null 2>"w$k.err" ||
        fail "backup $k during the import: $(cat "w$k.err")"
    k=$((k + 1))
    sleep 0.1
done
wait "$ipid" || fail "the import failed: $(cat import.err)"
# One more, of what it wrote.
"$LMPMON" --db w.db backup --to "w$k.db" >/dev/null 2>"w$k.err" || fail "backup after the import"
k=$((k + 1))
after=$(sqlite3 w.db "SELECT count(*) FROM node; SELECT count(*) FROM assessment" | tr '\n' ' ')
[ $k -ge 1 ] || fail "no backup was taken during the import"
j=0
while [ $j -lt $k ]; do
    [ "$(sqlite3 "w$j.db" 'PRAGMA integrity_check')" = ok ] || fail "w$j.db fails the integrity check"
    got=$(sqlite3 "w$j.db" "SELECT count(*) FROM node; SELECT count(*) FROM assessment" | tr '\n' ' ')
    if [ "$got" != "$after" ] && [ "$got" != "$before" ]; then
        fail "w$j.db holds part of the import: nodes, assessments $got (before: $before, after: $after)"
    fi
    j=$((j + 1))
done
last=$((k - 1))
run --db wr.db restore --from "w$last.db"
expect_status 0
"$LMPMON" --db wr.db plan list >/dev/null || fail "the restored w$last.db does not open"

# --- the server's scheduled backups --------------------------------------
# Every 2 s (the unit s is for tests), the newest 3 kept, while commands
# write; other files in the directory are left alone.
"$LMPMON" --db w.db --busy-timeout 20000 round open 2018 --plan cambodia-lmp-2015-2018 >/dev/null ||
    fail "round open on w.db"
mkdir bk
echo "keep me" >bk/notes.txt
cp b.db bk/lmpmon-manual.db
"$LMPMON" --db w.db serve --listen 127.0.0.1:0 --quiet --backup-every 2s --keep 3 \
    --backup-dir bk >serve2.out 2>serve2.err &
spid=$!
# Writes while it runs: the round closed and opened again, one
# transaction each.
i=0
while [ $i -lt 16 ]; do
    "$LMPMON" --db w.db --busy-timeout 20000 round close 2018 --yes --plan cambodia-lmp-2015-2018 >/dev/null &&
        "$LMPMON" --db w.db --busy-timeout 20000 round open 2018 --plan cambodia-lmp-2015-2018 >/dev/null ||
        fail "a write while the server backs up"
    sleep 0.4
    i=$((i + 1))
done
kill "$spid"
wait "$spid"
nwritten=$(grep -c 'lmpmon: backup written: ' serve2.err)
[ "$nwritten" -ge 4 ] || fail "expected at least 4 scheduled backups in about 8 s, got $nwritten: $(cat serve2.err)"
grep -q 'backup failed' serve2.err && fail "a scheduled backup failed: $(cat serve2.err)"
grep -q '1 older removed, the newest 3 kept' serve2.err || fail "no old backup was removed: $(cat serve2.err)"
nkept=$(ls bk | grep -c '^lmpmon-[0-9-]*T[0-9]*\.db$')
[ "$nkept" = 3 ] || fail "expected the newest 3 backups kept, found $nkept: $(ls bk)"
[ "$(cat bk/notes.txt)" = "keep me" ] && [ -f bk/lmpmon-manual.db ] ||
    fail "pruning touched files that are not scheduled backups: $(ls bk)"
ls bk | grep -q '\.tmp' && fail "a temporary file was left: $(ls bk)"
for f in bk/lmpmon-2*.db; do
    [ "$(sqlite3 "$f" 'PRAGMA integrity_check')" = ok ] || fail "$f fails the integrity check"
done
newest=$(ls bk/lmpmon-2*.db | tail -1)
run --db sched.db restore --from "$newest"
expect_status 0
"$LMPMON" --db sched.db round list --plan cambodia-lmp-2015-2018 >/dev/null ||
    fail "the restored scheduled backup does not read"

# A directory that cannot be made: the failure is logged, the server
# serves on.
"$LMPMON" --db s.db serve --listen 127.0.0.1:0 --quiet --backup-every 2s \
    --backup-dir no/such/dir >serve3.out 2>serve3.err &
spid=$!
i=0
while ! grep -q 'backup failed' serve3.err 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt 100 ] && { fail "no failure logged: $(cat serve3.err)"; break; }
    sleep 0.05
done
grep -q "backup failed: cannot create the directory 'no/such/dir'" serve3.err ||
    fail "the failure does not say why: $(cat serve3.err)"
base=$(sed -n 's|.*\(http://127.0.0.1:[0-9]*\)/.*|\1|p' serve3.out)
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/login")
[ "$code" = 200 ] || fail "the server does not serve after a failed backup: $code"
kill -0 "$spid" 2>/dev/null || fail "the server stopped after a failed backup"
kill "$spid"
wait "$spid"

finish
