# An import killed with SIGKILL at any moment leaves a database that passes
# the integrity check and holds all of the files or none of them: the
# import is one transaction, and SQLite's WAL undoes what was not
# committed when the database is next opened.  24 kills at random moments
# over the import's whole run (reading, writing, committing, closing).
. "$(dirname "$0")/lib.sh"

NKILL=24

"$LMPMON" sample plan --activities 2500 --orgs 150 --rounds 5 --seed 11 --out big >/dev/null ||
    fail "sample plan"
"$LMPMON" --db base.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init"

# fingerprint DB: what an import changes, counted.
fingerprint() {
    sqlite3 "$1" "SELECT count(*) FROM org; SELECT count(*) FROM plan;
        SELECT count(*) FROM node; SELECT count(*) FROM node_org;
        SELECT count(*) FROM round; SELECT count(*) FROM assessment;
        SELECT count(*), coalesce(max(id), 0) FROM audit" | tr '\n' ' '
}

# now_ms: a clock in milliseconds.
now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

before=$(fingerprint base.db)

# The import whole, to know the state after it and how long it runs.
cp base.db whole.db
t0=$(now_ms)
"$LMPMON" --db whole.db import --plan big big/plan.json big/annex.csv >/dev/null 2>whole.err ||
    fail "the import does not run: $(cat whole.err)"
t1=$(now_ms)
after=$(fingerprint whole.db)
[ "$before" != "$after" ] || fail "the import changed nothing"
span=$((t1 - t0 + 100))

seed=${LMPMON_KILL_SEED:-$(($$ % 10000))}
echo "kill moments from seed $seed (rerun with LMPMON_KILL_SEED=$seed); import takes ${span} ms"
nall=0
nnone=0
k=0
while [ $k -lt $NKILL ]; do
    cp base.db k.db
    # Spread over [0, span): the k-th of NKILL slices, at a random point in it.
    ms=$(awk -v s="$seed" -v k="$k" -v n="$NKILL" -v t="$span" \
        'BEGIN { srand(s * 100 + k); printf "%d", (k + rand()) * t / n }')
    "$LMPMON" --db k.db import --plan big big/plan.json big/annex.csv >/dev/null 2>&1 &
    ipid=$!
    sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -9 "$ipid" 2>/dev/null
    wait "$ipid" 2>/dev/null
    ok=$(sqlite3 k.db "PRAGMA integrity_check")
    [ "$ok" = ok ] || fail "kill $k at $ms ms: integrity_check says: $ok"
    got=$(fingerprint k.db)
    if [ "$got" = "$before" ]; then
        nnone=$((nnone + 1))
    elif [ "$got" = "$after" ]; then
        nall=$((nall + 1))
    else
        fail "kill $k at $ms ms: the database holds part of the import: $got (before: $before; after: $after)"
    fi
    # And lmpmon goes on with it.
    "$LMPMON" --db k.db plan list >/dev/null 2>k.err ||
        fail "kill $k at $ms ms: the database does not open: $(cat k.err)"
    k=$((k + 1))
done
echo "$NKILL kills: $nnone left nothing, $nall the whole import"
[ $nnone -gt 0 ] || fail "no kill landed before the commit: the moments do not cover the import"

# After a kill that left nothing, the import runs again to the end.
cp base.db k.db
"$LMPMON" --db k.db import --plan big big/plan.json big/annex.csv >/dev/null 2>&1 &
ipid=$!
sleep "$(awk -v ms="$span" 'BEGIN { printf "%.3f", ms / 3000 }')"
kill -9 "$ipid" 2>/dev/null
wait "$ipid" 2>/dev/null
run --db k.db import --plan big big/plan.json big/annex.csv
expect_status 0
[ "$(fingerprint k.db)" = "$after" ] || fail "the import after a kill did not write it all"

finish
