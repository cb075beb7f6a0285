# An output named on the command line that is not a regular file — a
# device such as /dev/null or /dev/stdout, or a pipe — is written into,
# never replaced: outputs are written to a temporary file and renamed over
# the target, and renamed over /dev/null as root that replaced the device
# with a plain file.  Tested with a named pipe (harmless if it regressed).
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

# through_pipe NAME CMD...: run CMD (whose output goes to the pipe NAME)
# while cat reads the pipe into NAME.got; NAME must still be a pipe after.
through_pipe() {
    name=$1
    shift
    rm -f "$name" "$name.got"
    mkfifo "$name" || { fail "mkfifo"; return; }
    cat "$name" >"$name.got" &
    reader=$!
    "$LMPMON" "$@" >out.txt 2>err.txt || fail "$*: $(cat err.txt)"
    wait "$reader"
    [ -p "$name" ] || fail "$*: the pipe '$name' was replaced by a file"
}

through_pipe e.fifo --db "$(db d)" export --format json --out e.fifo
grep -q '"lmpmon"' e.fifo.got || fail "export --out a pipe: nothing came through"
through_pipe c.fifo --db "$(db d)" export --format csv --out c.fifo
grep -q 'activity_code' c.fifo.got || fail "export csv --out a pipe: nothing came through"
through_pipe x.fifo --db "$(db d)" case export --format xlsx --out x.fifo
[ "$(head -c 2 x.fifo.got)" = PK ] || fail "case export xlsx --out a pipe: no workbook came through"
through_pipe r.fifo --db "$(db d)" report review --round 2017 --format md --out r.fifo
grep -q '2017' r.fifo.got || fail "report --out a pipe: nothing came through"
ls ./*.tmp* 2>/dev/null && fail "a temporary file was left behind"

# A backup is a database file: onto a pipe or a device it is refused
# (on PostgreSQL every backup is refused: pg_dump makes them).
mkfifo b.fifo
run --db "$(db d)" backup --to b.fifo --force
[ "$status" -ne 0 ] || fail "a backup onto a pipe was made"
if [ "$LMPMON_TEST_BACKEND" = pg ]; then
    expect_err "use pg_dump"
else
    expect_err "is not a file"
fi
[ -p b.fifo ] || fail "backup replaced the pipe"
finish
