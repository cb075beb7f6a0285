# Plan succession: 'plan new CODE --from PLAN' makes the next plan from the
# sample (same nodes, texts and organisations, each linked to its
# predecessor, no rounds); the links survive a JSON export and import, a
# 'copy' and an annex import into the new plan; 'show activity' gives the
# old plan's ratings by round, with the plan named, and the old activity
# names its successor; bad input says what is wrong and writes nothing.
. "$(dirname "$0")/lib.sh"

OLD=cambodia-lmp-2015-2018
NEW=cambodia-lmp-2019-2023
run --db "$(db a)" init --sample $OLD
expect_status 0

state() {
    db_sql "$1" "SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM node),
        (SELECT count(*) FROM audit)"
}
# The links of plan NEW to its namesakes in OLD.
links() {
    db_sql "$1" "SELECT count(*) FROM node n JOIN plan p ON p.id = n.plan_id
        JOIN node o ON o.id = n.predecessor_id JOIN plan q ON q.id = o.plan_id
        WHERE p.code = '$NEW' AND q.code = '$OLD' AND o.code = n.code"
}

# Bad input: the reason, exit 1, nothing written.
before=$(state a)
run --db "$(db a)" plan new $NEW --from no-such-plan
expect_status 1
expect_err "no plan 'no-such-plan'"
run --db "$(db a)" plan new $OLD --from $OLD
expect_status 1
expect_err "the new plan needs a code of its own, not '$OLD'"
run --db "$(db a)" plan new "two words" --from $OLD
expect_status 1
expect_err "plan code 'two words' is not a code"
run --db "$(db a)" plan new $NEW
expect_status 2
expect_err "plan new CODE --from PLAN"
[ "$(state a)" = "$before" ] || fail "a refused 'plan new' wrote to the database"

run --db "$(db a)" plan new $NEW --from $OLD --title "Policy on Labour Migration 2019-2023"
expect_status 0
expect_out "created plan $NEW from $OLD: 134 nodes, each linked to its predecessor"
[ "$(links a)" = 134 ] || fail "expected 134 nodes linked to their namesakes, got $(links a)"
n=$(db_sql a "SELECT count(*) FROM round r JOIN plan p ON p.id = r.plan_id WHERE p.code = '$NEW'")
[ "$n" = 0 ] || fail "rounds were copied into the new plan: $n"
n=$(db_sql a "SELECT p.code, count(*) FROM node_org l JOIN node n ON n.id = l.node_id
    JOIN plan p ON p.id = n.plan_id GROUP BY p.code ORDER BY p.code" | cut -d'|' -f2)
set -- $n
[ $# = 2 ] && [ "$1" = "$2" ] && [ "$1" -gt 100 ] ||
    fail "the organisations were not carried (links per plan: $(echo $n))"
# Audited as the node's other fields.
n=$(db_sql a "SELECT new FROM audit WHERE entity = 'node' AND key = '$NEW/4.8' AND field = 'predecessor'")
[ "$n" = "$OLD/4.8" ] || fail "the audit trail has no predecessor of 4.8: '$n'"

# The same code again: a conflict, nothing written.
after=$(state a)
run --db "$(db a)" plan new $NEW --from $OLD
expect_status 1
expect_err "there is a plan '$NEW' already"
[ "$(state a)" = "$after" ] || fail "a refused 'plan new' wrote to the database"

# History across plans.
run --db "$(db a)" show activity 1.1 --plan $NEW
expect_status 0
expect_out "== Before this plan: activity 1.1 of plan $OLD"
expect_out "2016 (plan $OLD): "
expect_out "2017 (plan $OLD): Progressing"
run --db "$(db a)" show activity 1.1 --plan $OLD
expect_out "Carried on in plan $NEW as activity 1.1."

# The annex of the new plan edits it as usual and keeps the links.
"$LMPMON" --db "$(db a)" export --plan $NEW --format csv --out new.csv ||
    fail "cannot export the new plan"
sed 's/engage a consultant to study/commission a study of/' new.csv >new2.csv
run --db "$(db a)" import --plan $NEW new2.csv
expect_status 0
expect_out "1 change (1 text)"
[ "$(links a)" = 134 ] || fail "an annex import lost links: $(links a) left"

# JSON export -> import keeps them; the export names them.
"$LMPMON" --db "$(db a)" export --format json --out a.json || fail "cannot export JSON"
grep -q '"predecessor"' a.json || fail "the JSON export has no predecessor"
"$LMPMON" --db "$(db b)" init >/dev/null
run --db "$(db b)" import a.json
expect_status 0
expect_out "134 predecessors"
[ "$(links b)" = 134 ] || fail "a JSON round trip kept $(links b) links of 134"
"$LMPMON" --db "$(db b)" export --format json --out b.json
sed '/"revision"/d' a.json >a.norev
sed '/"revision"/d' b.json >b.norev
cmp -s a.norev b.norev || fail "the JSON export differs after a round trip"

# A predecessor that does not exist: the file is refused, nothing written.
# (Only a predecessor names a plan with the key "plan".)
sed "s/\"plan\": \"$OLD\",/\"plan\": \"no-such-plan\",/" a.json >bad.json
"$LMPMON" --db "$(db c)" init >/dev/null
before=$(state c)
run --db "$(db c)" import bad.json
expect_status 1
expect_err "plan '$NEW', node 'A1': predecessor 'A1': there is no plan 'no-such-plan'"
[ "$(state c)" = "$before" ] || fail "a refused import wrote to the database"

# 'lmpmon copy' carries them, into a file whatever the source.
rm -f copy.db
run copy --from "$(db a)" --to copy.db
expect_status 0
n=$(sqlite3 copy.db "SELECT count(predecessor_id) FROM node")
[ "$n" = 134 ] || fail "the copy kept $n links of 134"
# And back from the file (on PostgreSQL: into PostgreSQL).
run copy --from copy.db --to "$(db e)"
expect_status 0
[ "$(links e)" = 134 ] || fail "the copy back kept $(links e) links of 134"

# The new plan's first round goes on from the old plan: each activity's
# draft action point is its predecessor's latest, with the open
# priorities of the old plan's reviews that concern it (7.8: C1).
"$LMPMON" --db "$(db a)" recommendation import "$SRC/data/cambodia-lmp-2015-2018/recommendations-2017.csv" \
    >/dev/null || fail "recommendation import"
"$LMPMON" --db "$(db a)" round open 2019 --plan $NEW >/dev/null || fail "open the new plan's round"
run --db "$(db a)" export --format json
expect_status 0
python3 - out.txt "$OLD" "$NEW" <<'PY' || fail "the first round's action points do not go on from the old plan"
import json, sys
d = json.load(open(sys.argv[1]))
plans = {p["code"]: p for p in d["plans"]}
def nodes(p):
    for n in p["nodes"]:
        yield from walk(n)
def walk(n):
    yield n
    for c in n.get("children", []):
        yield from walk(c)
old = {n["code"]: n for n in nodes(plans[sys.argv[2]])}
new = {n["code"]: n for n in nodes(plans[sys.argv[3]])}
def ap(n, r):
    return [a for a in n.get("assessments", []) if a["round"] == r]
o = [a["action_point"] for a in ap(old["7.8"], "2017")][0]
a = ap(new["7.8"], "2019")[0]["action_point"]
assert a.startswith(o.split("\n\n")[0][:60]), (o[:80], a[:80])
assert "Priority of the 2017 progress review (C1" in a, a
PY
finish
