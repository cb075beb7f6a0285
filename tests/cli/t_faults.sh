# Database faults: a read-only file, a read-only directory, a missing
# file, a locked database, a damaged file and a full disk each give an
# lmpmon message that says what is wrong (never the engine's words or
# raw bytes from the file), a non-zero exit, no crash, and leave the
# database as it was.
#
# The permission cases run as an unprivileged user (root ignores file
# modes: as root they run under setpriv as 'nobody'); the full and
# read-only file systems need a tmpfs mount, so root, in a private mount
# namespace (this script runs itself again under 'unshare -m').
. "$(dirname "$0")/lib.sh"

# quiet_fault: the last run failed cleanly: exit 1 (not a signal: no
# crash), and stderr is lmpmon's own printable words.
quiet_fault() {
    [ "$status" -eq 1 ] || fail "expected exit 1, got $status; stderr: $(cat -v err.txt)"
    if grep -qiE 'malformed|disk image|SQL logic|syntax error|unable to open|database is locked|readonly database|not a database|disk I/O|database or disk is full|no such table|sqlite [0-9]|detail:' err.txt; then
        fail "the engine's words reached the user: $(cat -v err.txt)"
    fi
    if LC_ALL=C grep -q '[^[:print:]]' err.txt; then
        fail "unprintable bytes in the message: $(cat -v err.txt)"
    fi
    if grep -v '^lmpmon: ' err.txt | grep -q .; then
        fail "a line that is not lmpmon's: $(cat -v err.txt)"
    fi
    [ -s err.txt ] || fail "no message at all"
}

# state DB: what DB holds (export and audit trail), to compare.
state() {
    "$LMPMON" --db "$1" export --format json 2>&1
    sqlite3 "$1" "SELECT count(*), max(id) FROM audit"
}

# --- full and read-only file systems (root, in a mount namespace) --------
if [ "${4:-}" = in-namespace ]; then
    mkdir mnt
    mount -t tmpfs -o size=3m tmpfs mnt || { fail "cannot mount a tmpfs"; finish; }
    "$LMPMON" --db mnt/f.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample on tmpfs"
    state mnt/f.db >before.txt
    "$LMPMON" sample plan --activities 2000 --orgs 100 --rounds 4 --seed 5 --out big >/dev/null ||
        fail "sample plan"
    # An import that needs more room than there is.
    run --db mnt/f.db import --plan big big/plan.json big/annex.csv
    quiet_fault
    expect_err "the disk is full"
    expect_err "nothing was changed"
    [ "$(sqlite3 mnt/f.db 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged after the disk filled up"
    state mnt/f.db >after.txt
    cmp -s before.txt after.txt || fail "the database changed although the import failed"
    # A backup onto the full disk: no backup, no half file.  The filler
    # leaves 64 KiB: room to open the database (its WAL index), not to copy
    # it, whatever the sample's size.
    avail=$(df -B1 --output=avail mnt | tail -n 1)
    head -c $((avail - 65536)) /dev/zero >mnt/filler 2>/dev/null
    run --db mnt/f.db backup --to mnt/b.db
    quiet_fault
    expect_err "cannot back up to 'mnt/b.db': the disk is full"
    [ -e mnt/b.db ] && fail "a backup was left on the full disk"
    [ -e mnt/b.db.tmp ] && fail "a temporary file was left on the full disk"
    # No room at all: SQLite cannot even make its WAL index.
    cat /dev/zero >mnt/filler2 2>/dev/null
    run --db mnt/f.db round open 2018
    quiet_fault
    expect_err "the disk is full"
    rm -f mnt/filler mnt/filler2
    [ "$(sqlite3 mnt/f.db 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged after the disk was full"
    state mnt/f.db >after.txt
    cmp -s before.txt after.txt || fail "the database changed while the disk was full"
    run --db mnt/f.db round open 2018
    expect_status 0
    # A read-only file system: reading would need SQLite's WAL files.
    mount -o remount,ro mnt || fail "cannot remount read-only"
    run --db mnt/f.db plan list
    quiet_fault
    expect_err "cannot open database 'mnt/f.db': its directory is read-only"
    run --db mnt/new.db init
    quiet_fault
    expect_err "cannot create database 'mnt/new.db': its directory is missing or read-only"
    run --db mnt/f.db backup --to mnt/b.db
    quiet_fault
    umount mnt
    finish
fi

"$LMPMON" --db s.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
"$LMPMON" --db s.db backup --to b.db >/dev/null || fail "backup"

# --- a missing file ------------------------------------------------------
for cmd in "plan list" "export" "show plan" "round open 2018" "check" \
    "report review --round 2017" "user list" "case export" "backup --to x.db" \
    "serve --listen 127.0.0.1:0"; do
    # shellcheck disable=SC2086
    run --db missing.db $cmd
    quiet_fault
    expect_err "no database 'missing.db' (create one with 'lmpmon init', or give --db PATH)"
    [ -e missing.db ] && fail "'$cmd' created missing.db"
done

# --- a locked database ---------------------------------------------------
# Another process holds the write lock: writes wait the busy timeout and
# give up saying so; reads and backups go on (WAL).
state s.db >before.txt
hold_lock s.db "BEGIN IMMEDIATE; UPDATE round SET title = title;" \
    "BEGIN IMMEDIATE; ROLLBACK;"
run --db s.db --busy-timeout 300 round open 2018
quiet_fault
expect_err "the database is busy with another change"
expect_err "try again in a moment"
run --db s.db --busy-timeout 300 plan list
expect_status 0
run --db s.db backup --to locked.db
expect_status 0
release_lock
state s.db >after.txt
cmp -s before.txt after.txt || fail "the refused write changed the database"
# An exclusive lock (what a restore holds) stops readers too.
hold_lock s.db "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM org;" \
    "SELECT count(*) FROM org;"
run --db s.db --busy-timeout 300 plan list
quiet_fault
expect_err "the database is busy"
release_lock
run --db s.db round open 2018
expect_status 0

# --- damaged files -------------------------------------------------------
# Garbage comes from the lmpmon binary itself: raw bytes, the same on
# every run of one build.
garbage() { # garbage FILE PAGE COUNT: COUNT pages of garbage from PAGE on
    dd if="$LMPMON" of="$1" bs=4096 skip=20 seek="$2" count="$3" conv=notrunc 2>/dev/null
}
npage=$(($(wc -c <b.db) / 4096))
cp b.db header.db
dd if="$LMPMON" of=header.db bs=1 skip=5000 count=100 conv=notrunc 2>/dev/null
cp b.db pages.db
p=2
while [ $p -lt "$npage" ]; do
    garbage pages.db $p 1
    p=$((p + 3))
done
cp b.db zeros.db
dd if=/dev/zero of=zeros.db bs=4096 seek=1 count=12 conv=notrunc 2>/dev/null
cp b.db cut.db
truncate -s $((npage * 4096 * 2 / 5)) cut.db
cp b.db schema.db
off=$(grep -boa "CREATE TABLE" schema.db | sed -n 3p | cut -d: -f1)
printf '\377\376\001GARBAGE' | dd of=schema.db bs=1 seek=$((off + 3)) conv=notrunc 2>/dev/null
for db in header pages zeros cut schema; do
    for cmd in "plan list" "export" "show plan" "round list" "check" \
        "report review --round 2017 --format csv" "round open 2018" \
        "backup --to $db-backup.db"; do
        cp $db.db d.db
        # shellcheck disable=SC2086
        run --db d.db $cmd
        quiet_fault
        if [ $db = header ]; then
            expect_err "'d.db' is not an lmpmon database"
        else
            expect_err "damaged"
        fi
    done
    [ -e $db-backup.db ] && fail "a damaged database ($db) was backed up"
done
# The advice works: the damaged database is restored from the backup.
cp pages.db d.db
run --db d.db restore --from b.db
expect_status 0
[ "$(sqlite3 d.db 'PRAGMA integrity_check')" = ok ] || fail "the restored database is damaged"

# --- read-only file and directory (as an unprivileged user) --------------
can_drop=1
if [ "$(id -u)" != 0 ]; then
    as_user() { "$@"; }
elif command -v setpriv >/dev/null 2>&1; then
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
    can_drop=0
    echo "SKIP: read-only file and directory: running as root without setpriv"
fi
if [ $can_drop = 1 ]; then
    # Copies of s.db, a WAL database (a backup is one file, in rollback
    # mode, and reads without creating anything).
    mkdir u
    cp s.db u/ro.db
    mkdir u/rodir
    cp s.db u/rodir/s.db
    [ "$(id -u)" = 0 ] && chown -R 65534:65534 u
    chmod 444 u/ro.db
    chmod 555 u/rodir
    urun() { as_user "$LMPMON" "$@" >out.txt 2>err.txt; status=$?; }
    state u/ro.db >before.txt
    # Read-only file: reading works, writing says why not.
    urun --db u/ro.db plan list
    expect_status 0
    urun --db u/ro.db round close 2018 --yes
    quiet_fault
    expect_err "the database is read-only (its file, its directory or the file system)"
    expect_err "nothing was changed"
    urun --db u/ro.db backup --to u/ro-backup.db
    expect_status 0
    urun --db u/ro.db restore --from b.db
    quiet_fault
    expect_err "cannot restore into 'u/ro.db': it is read-only"
    state u/ro.db >after.txt
    cmp -s before.txt after.txt || fail "the read-only database changed"
    # Read-only directory: SQLite cannot make its WAL files beside it.
    urun --db u/rodir/s.db plan list
    quiet_fault
    expect_err "cannot open database 'u/rodir/s.db': its directory is read-only"
    urun --db u/rodir/new.db init
    quiet_fault
    expect_err "cannot create database 'u/rodir/new.db': its directory is missing or read-only"
    urun --db u/ro.db backup --to u/rodir/b.db
    quiet_fault
    expect_err "cannot back up to 'u/rodir/b.db': its directory is missing or read-only"
    # A file nobody may read.
    cp b.db u/secret.db
    [ "$(id -u)" = 0 ] && chown 65534 u/secret.db
    chmod 000 u/secret.db
    urun --db u/secret.db plan list
    quiet_fault
    expect_err "cannot open database 'u/secret.db': you may not read it"
    chmod -R u+w u
fi

# --- the root-only part, in its own mount namespace ----------------------
if [ "$(id -u)" != 0 ]; then
    echo "SKIP: full and read-only file systems: not root (mounting a tmpfs needs root)"
elif ! unshare -m true 2>/dev/null; then
    echo "SKIP: full and read-only file systems: cannot make a mount namespace"
else
    unshare -m sh "$0" "$LMPMON" "$SRC" "$SCRATCH/ns" in-namespace >ns.out 2>ns.err ||
        fail "in the mount namespace: $(cat ns.err)"
fi

finish
