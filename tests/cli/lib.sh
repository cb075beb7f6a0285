# Shared helpers of the CLI black-box tests.  Each t_*.sh script is run by
# ctest as:  sh t_x.sh LMPMON SOURCE_DIR SCRATCH_DIR
# It sources this file, runs the real binary and exits non-zero on the
# first failed expectation, saying what was expected and what came.
set -u
LMPMON=$1
SRC=$2
SCRATCH=$3
GOLDEN=$SRC/tests/cli/golden
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
cd "$SCRATCH" || exit 1
# Fixed clock, width and user so outputs are repeatable.
export LMPMON_NOW=2026-01-01T00:00:00Z COLUMNS=100 USER=tester LMPMON_TZ=UTC
unset LMPMON_DB
SAMPLE=$SRC/data/cambodia-lmp-2015-2018
nfail=0
# The databases: db NAME, db_sql NAME SQL, db_cp, db_rm (SQLite or
# PostgreSQL, as LMPMON_TEST_BACKEND says).
. "$SRC/tests/backend.sh"

fail() {
    echo "FAIL: $*" >&2
    nfail=$((nfail + 1))
}

# run CMD...: run lmpmon with CMD, capturing stdout, stderr and status.
run() {
    "$LMPMON" "$@" >out.txt 2>err.txt
    status=$?
}

# expect_status N: the last run exited with N.
expect_status() {
    [ "$status" -eq "$1" ] ||
        fail "expected exit $1, got $status; stderr: $(cat err.txt)"
}

# expect_err TEXT: the last run's stderr contains TEXT (fixed string).
expect_err() {
    grep -qF -- "$1" err.txt || fail "stderr lacks '$1'; got: $(cat err.txt)"
}

# expect_out TEXT: the last run's stdout contains TEXT.
expect_out() {
    grep -qF -- "$1" out.txt || fail "stdout lacks '$1'; got: $(head -c 600 out.txt)"
}

# expect_golden NAME: stdout equals tests/cli/golden/NAME.  With
# LMPMON_UPDATE_GOLDEN=1 the golden file is written instead (review the diff).
expect_golden() {
    if [ "${LMPMON_UPDATE_GOLDEN:-}" = 1 ]; then
        cp out.txt "$GOLDEN/$1"
        return
    fi
    diff -u "$GOLDEN/$1" out.txt >diff.txt ||
        fail "output differs from golden/$1:\n$(head -40 diff.txt)"
}

# db_state NAME: a fingerprint of everything in the test database NAME
# (export + audit count).
db_state() {
    "$LMPMON" --db "$(db "$1")" export --format json 2>&1
    db_sql "$1" "SELECT count(*) FROM audit; SELECT max(id) FROM audit;"
}

# hold_lock DB SQL PROBE (SQLite only): another process (the sqlite3 shell) runs SQL on
# DB (e.g. "BEGIN IMMEDIATE; ...") and keeps what it holds until
# release_lock; returns once PROBE (SQL run with no busy wait) fails on DB,
# i.e. once the lock is held.
hold_lock() {
    rm -f lock.release
    (echo "PRAGMA busy_timeout = 10000;"; echo "$2"; while [ ! -e lock.release ]; do sleep 0.05; done; echo "ROLLBACK;") |
        sqlite3 "$1" >lock.out 2>&1 &
    lock_pid=$!
    i=0
    while sqlite3 "$1" "PRAGMA busy_timeout = 0; $3" >/dev/null 2>&1; do
        i=$((i + 1))
        [ $i -gt 200 ] && { fail "the lock on $1 was not taken: $(cat lock.out)"; break; }
        sleep 0.05
    done
}

release_lock() {
    : >lock.release
    wait "$lock_pid"
    rm -f lock.release
}

# run_bounded MB CMD...: like run, and fail if lmpmon's peak memory (its
# largest resident set, from /usr/bin/time) passed MB megabytes; the peak
# in KB is left in $peak_kb.  The run is also held to 2 GiB of address
# space, so a regression fails here instead of exhausting the machine.
# Neither applies to a sanitizer build (shadow memory and the quarantine
# dwarf ours), nor is the peak measured without /usr/bin/time (Debian
# package 'time').
run_bounded() {
    bound_mb=$1
    shift
    peak_kb=
    if grep -aq __asan_init "$LMPMON"; then
        run "$@"
        return
    fi
    if [ -x /usr/bin/time ]; then
        (ulimit -v 2097152; exec /usr/bin/time -f %M -o peak.txt "$LMPMON" "$@") \
            >out.txt 2>err.txt
        status=$?
        peak_kb=$(tail -n 1 peak.txt)
        [ "$peak_kb" -le $((bound_mb * 1024)) ] ||
            fail "$* took $peak_kb KB of memory, more than $bound_mb MB"
    else
        (ulimit -v 2097152; exec "$LMPMON" "$@") >out.txt 2>err.txt
        status=$?
    fi
}

finish() {
    if [ "$nfail" -ne 0 ]; then
        echo "$nfail expectation(s) failed" >&2
        exit 1
    fi
    echo "ok"
    exit 0
}
