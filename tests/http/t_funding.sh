# An activity's costs and funding on the web: nothing shown when nothing is
# recorded; the M&E officer's forms (and nobody else's) record a cost and
# funding lines in USD and KHR; the page shows the sums per currency, never
# added, and the gap that cannot be computed; the table downloads; a
# stale form is refused (409) keeping what was typed; /resources totals per
# currency by area, goal and source, downloadable.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
for u in officer officer2 viewer molvt; do login $u; done

curl -s -b viewer.jar "$BASE/activity/1.1" >a.html
grep -q "No cost or funding is recorded for this activity." a.html || fail "no word that nothing is recorded"
grep -q "Save the funding line" a.html && fail "a viewer is shown the funding form"
curl -s -b molvt.jar "$BASE/activity/1.1" | grep -q "Save the funding line" &&
    fail "a reporter is shown the funding form"
curl -s -b officer.jar "$BASE/activity/1.1" | grep -q "Save the funding line" ||
    fail "the officer has no funding form"

code=$(post officer /activity/1.1/funding round=2018 what=cost version=0 amount=12500.05 currency=USD note=estimate)
[ "$code" = 303 ] || fail "the cost answered $code: $(head -c 300 post.body)"
code=$(post officer /activity/1.1/funding round=2018 what=line line=1 version=0 source_kind=partner \
    org=ILO amount=5000 currency=USD status=pledged)
[ "$code" = 303 ] || fail "line 1 answered $code: $(head -c 300 post.body)"
code=$(post officer /activity/1.1/funding round=2018 what=line line=2 version=0 source_kind=government \
    "label=MOLVT budget line 12" amount=4000000 currency=KHR status=secured)
[ "$code" = 303 ] || fail "line 2 answered $code: $(head -c 300 post.body)"
[ "$(db_sql d 'SELECT sum(amount) FROM fund_line')" = 400500000 ] || fail "minor units not stored"

# The page: per currency, the gap not computed (KHR funding, USD cost).
curl -s -b viewer.jar "$BASE/activity/1.1" >a.html
for want in "USD 12,500.05" "USD 5,000.00" "KHR 4,000,000.00" \
    "cannot be computed: funding in another currency than the cost" \
    'table=funding&amp;format=csv'; do
    grep -qF "$want" a.html || fail "the activity page lacks '$want'"
done
grep -q "4,005,000\|4005000" a.html && fail "USD and KHR were added"
curl -s -b viewer.jar "$BASE/activity/1.1?table=funding&format=csv" >f.csv
grep -q '^Round,Line,Source kind,Source,Amount,Currency,Funding status,Note' f.csv || fail "no funding CSV: $(head -c 200 f.csv)"
grep -q '^2018,1,Development partner,ILO,5000.00,USD,Pledged,' f.csv || fail "line 1 not in the CSV: $(cat f.csv)"
code=$(curl -s -b viewer.jar -o f.xlsx -w '%{http_code}' "$BASE/activity/1.1?table=funding&format=xlsx")
[ "$code" = 200 ] && head -c 2 f.xlsx | grep -q PK || fail "no XLSX download ($code)"

# Bad input is refused naming the field, keeping what was typed.
code=$(post officer /activity/1.1/funding round=2018 what=line line=3 version=0 source_kind=other \
    "label=Typed source" amount=-7 currency=USD status=gap)
[ "$code" = 400 ] || fail "a negative amount answered $code"
grep -q "negative" post.body || fail "the negative amount is not explained"
grep -q 'value="Typed source"' post.body || fail "the refused form lost the typed source"
code=$(post officer /activity/1.1/funding round=2018 what=line line=3 version=0 source_kind=other \
    "label=Typed source" amount=7 currency=XYZ status=gap)
[ "$code" = 400 ] || fail "an unknown currency answered $code"
grep -q "ISO 4217" post.body || fail "the unknown currency is not explained"

# Two officers open line 1; the first saves, the second is refused (409)
# with its own amount kept; the first one's stays.
vline() { curl -s -b "$1.jar" "$BASE/activity/1.1" |
    grep -o 'name="version" value="[0-9]*"/><input type="hidden" name="line" value="1"' |
    head -1 | sed 's/.*name="version" value="\([0-9]*\)".*/\1/'; }
v1=$(vline officer)
v2=$(vline officer2)
[ -n "$v1" ] && [ "$v1" = "$v2" ] || fail "both officers should see one version ($v1, $v2)"
code=$(post officer /activity/1.1/funding round=2018 what=line line=1 "version=$v1" source_kind=partner \
    org=ILO amount=6000 currency=USD status=secured)
[ "$code" = 303 ] || fail "the first save answered $code: $(head -c 300 post.body)"
code=$(post officer2 /activity/1.1/funding round=2018 what=line line=1 "version=$v2" source_kind=partner \
    org=ILO amount=7777.77 currency=USD status=pledged)
[ "$code" = 409 ] || fail "the stale save answered $code, not 409"
grep -q "changed by someone else" post.body || fail "the conflict is not explained"
grep -q 'value="7777.77"' post.body || fail "the second officer's amount was not kept"
[ "$(db_sql d 'SELECT amount FROM fund_line WHERE line = 1')" = 600000 ] ||
    fail "the first officer's save did not stay"

# /resources: totals per currency by area, goal and source.
curl -s -b viewer.jar "$BASE/resources?round=2018" >r.html
for want in "By area" "By goal" "By source" "MOLVT budget line 12" \
    'table=by_area&amp;format=csv'; do
    grep -qF "$want" r.html || fail "the resources page lacks '$want'"
done
curl -s -b viewer.jar "$BASE/resources?round=2018&table=by_source&format=csv" >s.csv
grep -q '^Development partner,ILO,USD,6000.00,0.00,0.00,1' s.csv || fail "ILO's row is wrong: $(cat s.csv)"
grep -q '^Government budget,MOLVT budget line 12,KHR,4000000.00,0.00,0.00,1' s.csv ||
    fail "the budget line's row is wrong: $(cat s.csv)"
curl -s -b viewer.jar "$BASE/resources?round=2018&table=total&format=csv" >t.csv
[ "$(grep -c '^USD,' t.csv)" = 1 ] && [ "$(grep -c '^KHR,' t.csv)" = 1 ] ||
    fail "the totals are not one line per currency: $(cat t.csv)"
# The JSON read call: minor units, one total per currency.
curl -s -b viewer.jar "$BASE/api/round/2018/funding" >api.json
python3 - api.json <<'PY' || fail "the funding JSON is wrong: $(head -c 300 api.json)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["round"] == "2018"
assert [c["amount_minor"] for c in d["costs"]] == [1250005], d["costs"]
l1 = [l for l in d["lines"] if l["line"] == 1][0]
assert (l1["org"], l1["amount_minor"], l1["status"], l1["source_kind"]) == ("ILO", 600000, "secured", "partner"), l1
t = {x["currency"]: x for x in d["totals"]}
assert sorted(t) == ["KHR", "USD"], t
assert t["USD"]["cost"] == 1250005 and t["USD"]["secured"] == 600000, t["USD"]
assert t["USD"]["gap"] is None and t["USD"]["activities_gap_not_computable"] == 1, t["USD"]
assert t["KHR"]["secured"] == 400000000 and t["KHR"]["cost"] == 0, t["KHR"]
PY
code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/resources?round=1999")
[ "$code" = 404 ] || fail "an unknown round answered $code"
finish
