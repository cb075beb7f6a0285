# 'lmpmon import --dry-run': everything an import checks and counts, then
# nothing written.  On a new database it says what the files would create;
# on the same database after the real import, with the same counts, and
# then "no changes"; a bad file and a conflicting one are refused with the
# real import's messages; the database never moves.
. "$(dirname "$0")/lib.sh"

run --db "$(db d)" init
expect_status 0
before=$(db_state d)
run --db "$(db d)" import --dry-run "$SAMPLE/plan.json" "$SAMPLE/annex.csv"
expect_status 0
expect_out "would import 2 files: 627 changes (69 new organisations,"
expect_out "197 new assessments) in 103 activities and 31 other plan nodes; nothing was written (--dry-run)"
[ "$(db_state d)" = "$before" ] || fail "a dry run changed the database"

# The real import counts the same changes.
run --db "$(db d)" import "$SAMPLE/plan.json" "$SAMPLE/annex.csv"
expect_status 0
expect_out "imported 2 files: 627 changes (69 new organisations,"
after=$(db_state d)
run --db "$(db d)" import --dry-run "$SAMPLE/annex.csv"
expect_status 0
expect_out "no changes; nothing was written (--dry-run)"

# An export changed in one cell of the open round: the dry run counts
# that one change; a rating no one knows is refused as the import would.
run --db "$(db d)" round open 2018
expect_status 0
run --db "$(db d)" export --out e.csv
expect_status 0
after=$(db_state d)
python3 - <<'PY'
import csv
with open("e.csv", newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
head = rows[0]
def write(name, rows):
    with open(name, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)
rows[1][head.index("2018:progress")] = "Dry run: started in March"
write("e2.csv", rows)
rows[2][head.index("2018:rating")] = "Excellent"
write("bad.csv", rows)
PY
run --db "$(db d)" import --dry-run e2.csv
expect_status 0
expect_out "1 change (1 progress) in 1 activity; nothing was written (--dry-run)"
[ "$(db_state d)" = "$after" ] || fail "a dry run of an edit changed the database"
run --db "$(db d)" import --dry-run bad.csv
expect_status 1
expect_err "cannot import 'bad.csv': line "
expect_err "(2018:rating): unknown rating 'Excellent'"
[ "$(db_state d)" = "$after" ] || fail "a refused dry run changed the database"

finish
