# import -> export -> import -> export gives byte-identical exports, in both
# formats, starting from the shipped sample.
. "$(dirname "$0")/lib.sh"

run --db a.db init --sample cambodia-lmp-2015-2018
expect_status 0
run --db a.db export --format csv --out a.csv
expect_status 0
run --db a.db export --format json --out a.json
expect_status 0

# JSON carries everything: organisations, plan, rounds, states.
"$LMPMON" --db b.db init >/dev/null
run --db b.db import a.json
expect_status 0
"$LMPMON" --db b.db export --format json --out b.json
"$LMPMON" --db b.db export --format csv --out b.csv
cmp -s a.json b.json || fail "JSON export differs after a JSON round trip"
cmp -s a.csv b.csv || fail "CSV export differs after a JSON round trip"

# CSV with the directory and the rounds (plan.json) in one import: the
# rounds are published, so they can only be filled in the same transaction.
"$LMPMON" --db c.db init >/dev/null
run --db c.db import "$SAMPLE/plan.json" a.csv
expect_status 0
"$LMPMON" --db c.db export --format csv --out c.csv
cmp -s a.csv c.csv || fail "CSV export differs after a CSV round trip"

# Importing the same file again changes nothing, not even the audit trail.
before=$(db_state c.db)
run --db c.db import a.csv
expect_status 0
[ "$before" = "$(db_state c.db)" ] || fail "re-importing the same CSV changed the database"

# The shipped annex, imported with lmpmon's own names, exports to the
# same rows: every activity and assessment survives.
rows_in=$(sqlite3 a.db "SELECT count(*) FROM node WHERE depth = 3")
[ "$rows_in" = 103 ] || fail "expected 103 activities, got $rows_in"
lines=$(grep -c '^A[0-9],' a.csv)
[ "$lines" = 103 ] || fail "expected 103 CSV rows starting with an area code, got $lines"

# Exported CSV has a BOM (for spreadsheets) and guards formula-like cells.
head -c 3 a.csv | od -An -tx1 | grep -q "ef bb bf" || fail "CSV export lacks the UTF-8 BOM"

finish
