# The synthetic plan ('lmpmon sample plan'): the same seed gives the same
# bytes, another seed others; the two files import into a new database;
# every activity is assessed in every round and has 1-3 responsible and
# 0-4 contributing bodies; the rounds are listed with their activities;
# the checks run on it; sizes out of bounds are usage errors.
. "$(dirname "$0")/lib.sh"

run sample plan --activities 60 --orgs 40 --rounds 3 --seed 9 --out a
expect_status 0
"$LMPMON" sample plan --activities 60 --orgs 40 --rounds 3 --seed 9 --out b ||
    fail "second sample"
"$LMPMON" sample plan --activities 60 --orgs 40 --rounds 3 --seed 10 --out c ||
    fail "third sample"
for f in plan.json annex.csv; do
    [ -s a/$f ] || fail "no $f written"
    cmp -s a/$f b/$f || fail "the same seed gave different $f"
done
cmp -s a/annex.csv c/annex.csv && fail "different seeds gave the same annex"

# One annex row per activity (every row's activity code looks like G.K).
rows=$(grep -c '^A[0-9]*,' a/annex.csv)
[ "$rows" = 60 ] || fail "annex.csv has $rows activity rows, expected 60"

run --db "$(db p)" init
expect_status 0
run --db "$(db p)" import a/plan.json a/annex.csv
expect_status 0
# The summary counts what changed: in a new database, all of it.
expect_out "imported 2 files: "
expect_out "(40 new organisations, "
expect_out ", 180 new assessments) in 60 activities and 10 other plan nodes"

# 'round list': three rounds, each with the 60 activities assessed.
run --db "$(db p)" round list
expect_status 0
n=$(grep -c '^synthetic-lmp ' out.txt)
[ "$n" = 3 ] || fail "round list shows $n rounds of the plan, expected 3: $(cat out.txt)"
bad=$(awk '$1 == "synthetic-lmp" && $5 != 60' out.txt)
[ -z "$bad" ] || fail "rounds without 60 activities assessed: $bad"
grep -q '^synthetic-lmp  *2025 .*closed' out.txt ||
    fail "the latest round (2025) should be closed: $(cat out.txt)"
grep -q '^synthetic-lmp  *2023 .*published' out.txt ||
    fail "earlier rounds should be published: $(cat out.txt)"

# Links: 1 to 3 responsible, 0 to 4 contributing, for every activity.
links=$(db_sql p "
  SELECT min(r), max(r), min(c), max(c) FROM (
    SELECT n.id,
      (SELECT count(*) FROM node_org l WHERE l.node_id = n.id
         AND l.role = 'responsible') AS r,
      (SELECT count(*) FROM node_org l WHERE l.node_id = n.id
         AND l.role = 'contributing') AS c
    FROM node n WHERE n.depth = 3) AS links")
case "$links" in
1\|[123]\|0\|[01234]) ;;
*) fail "responsible/contributing counts out of range: $links" ;;
esac
# Organisations have kinds, some a parent, some aliases.
kinds=$(db_sql p "SELECT count(DISTINCT kind) FROM org")
[ "$kinds" -ge 5 ] || fail "only $kinds kinds of organisation"
[ "$(db_sql p 'SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM org WHERE parent_id IS NOT NULL')" = 1 ] ||
    fail "no organisation has a parent"
[ "$(db_sql p 'SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM org_alias')" = 1 ] ||
    fail "no organisation has an alias"

# The checks run and find the carried-forward narratives the generator
# writes on purpose.
run --db "$(db p)" check
expect_status 0
expect_out "stale_narrative"
expect_out "findings:"

# Out of bounds, or options of the other sample: usage errors.
run sample plan --activities 0 --out d
expect_status 2
expect_err "--activities wants 1 to"
run sample plan --rounds 101 --out d
expect_status 2
run sample plan --activities 5
expect_status 2
expect_err "needs --out DIR"
run sample plan --cases 5 --out d
expect_status 2
run sample plan --activities 100000 --rounds 100 --out d
expect_status 2
expect_err "more than the 150000 assessments"
[ -e d ] && fail "a refused sample created its directory"

finish
