# The complaints reports kept ready in the database (app/complaints.h),
# on either backend.
#
# A report read from what is kept must be the report counted from the
# cases, byte for byte, in every format and year.  What is kept is used
# only while it is of the register's current generation: an import that
# only adds cases (in the currency summed) merges them in; one that
# changes stored cases, repeats a case or adds another currency leaves it
# behind, and the next report counts again.
. "$(dirname "$0")/lib.sh"
# The database in use (a name for db), and the two other registers.
DB=k
DB2=k2
DB3=k3
sql() { db_sql "$DB" "$1"; }

"$LMPMON" sample complaints --cases 3000 --seed 11 --out gen.csv >/dev/null || fail "sample"
sed '2,$ s/^C-/N-/' gen.csv | head -1001 >new.csv
sed '2,$ s/^C-/K-/; 2,$ s/,USD,/,KHR,/' gen.csv | head -201 >khr.csv
{ sed '2,$ s/^C-/D-/' gen.csv | head -21; sed -n '2p' gen.csv | sed 's/^C-/D-/'; } >twice.csv

kept_gen() { sql "SELECT coalesce(max(gen), -1) FROM kept WHERE name = 'complaints'"; }
cases_gen() { sql "SELECT coalesce(max(id), 0) FROM audit WHERE key = 'cases'"; }
expect_current() {
    [ "$(kept_gen)" = "$(cases_gen)" ] ||
        fail "$1: nothing current kept (kept $(kept_gen), register $(cases_gen))"
}
expect_stale() {
    [ "$(kept_gen)" -lt "$(cases_gen)" ] ||
        fail "$1: kept reports still current (kept $(kept_gen), register $(cases_gen))"
}
import() {
    run --db "$(db "$DB")" case import "$1" --create-orgs
    expect_status 0
}

# reports TAG: every report into TAG-*.out.
reports() {
    "$LMPMON" --db "$(db "$DB")" report complaints --format csv >"$1-all.out" 2>&1 || fail "report ($1)"
    "$LMPMON" --db "$(db "$DB")" report complaints --format json >"$1-json.out" 2>&1
    "$LMPMON" --db "$(db "$DB")" report complaints --format html --suppress >"$1-html.out" 2>&1
    for y in 2016 2017 2018 2019 2020; do
        "$LMPMON" --db "$(db "$DB")" report complaints --year "$y" --format csv >"$1-$y.out" 2>&1
    done
}

# same_as_counted STEP: the reports equal those counted afresh (what is
# kept put out of date for a moment, then back).
same_as_counted() {
    reports "$1-kept"
    sql "UPDATE kept SET gen = -gen - 1" >/dev/null
    reports "$1-counted"
    sql "UPDATE kept SET gen = -gen - 1" >/dev/null
    for f in all json html 2016 2017 2018 2019 2020; do
        cmp -s "$1-kept-$f.out" "$1-counted-$f.out" ||
            fail "$1: the kept report ($f) differs from the counted one: $(diff "$1-kept-$f.out" "$1-counted-$f.out" | head -6)"
    done
}

"$LMPMON" --db "$(db "$DB")" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init"
# An import into an empty register keeps the reports of its cases.
import gen.csv
expect_current first
same_as_counted first
grep -q '^all,all,3000,' first-kept-all.out || fail "not 3000 cases: $(head -2 first-kept-all.out)"
# New cases are merged in.
import new.csv
expect_current merged
same_as_counted merged
grep -q '^all,all,4000,' merged-kept-all.out || fail "not 4000 cases: $(head -2 merged-kept-all.out)"
# The report is what is kept, not a count: a made-up kept set shows.
sql "UPDATE kept SET name = 'saved'" >/dev/null
sql "INSERT INTO kept(name, gen, body) VALUES ('complaints', $(cases_gen), 'lmpmon case report set 1
report 0 USD 0
cell 0 7 7 7 7 0 0 0 0 all
hist 30:7
end
')" >/dev/null
reports madeup
grep -q '^all,all,7,7,7,7,' madeup-all.out || fail "the kept reports were not used: $(head -2 madeup-all.out)"
sql "DELETE FROM kept WHERE name = 'complaints'" >/dev/null
sql "UPDATE kept SET name = 'complaints'" >/dev/null
# Kept reports that cannot be read are counted again.
sql "UPDATE kept SET body = 'lmpmon case report set 1
report 0 USD 0
garbage'" >/dev/null
reports garbled
cmp -s garbled-all.out merged-counted-all.out || fail "unreadable kept reports were used: $(head -2 garbled-all.out)"
# Cases in another currency are not merged: the sums are in the first
# case's currency, and KHR would be counted as mixed, not summed.
sql "UPDATE kept SET gen = -gen - 1" >/dev/null
reports tmp
import khr.csv
expect_stale "another currency"
reports khr
grep -q '^all,all,4200,' khr-all.out || fail "not 4200 cases: $(head -2 khr-all.out)"

# Other registers: stored cases imported again, or a case twice in one
# file, leave the kept reports behind (counting again is the only way to
# know what the changed cases counted for before).
for step in again twice; do
    if [ $step = again ]; then DB=$DB2; else DB=$DB3; fi
    "$LMPMON" --db "$(db "$DB")" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init $step"
    import gen.csv
    expect_current "$step: first"
    if [ $step = again ]; then
        import new.csv
        expect_current "$step: merged"
        import new.csv
        want=4000
    else
        import twice.csv
        want=3020
    fi
    expect_stale $step
    same_as_counted $step
    grep -q "^all,all,$want," $step-counted-all.out || fail "$step: not $want cases: $(head -2 $step-counted-all.out)"
done
finish
