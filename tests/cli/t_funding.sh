# 'lmpmon funding': costs and funding lines per activity and round in
# integer minor units with their currency.  Amounts survive CSV and XLSX
# round trips exactly; USD and KHR are never added (two totals); bad
# cells are refused naming file, line, column and field, writing nothing;
# an unchanged file says no changes; a published round's funding is
# final; the action plan shows cost, secured, pledged and gap.
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
"$LMPMON" --db "$(db s)" round open 2018 --title "2018 review" --as-of 2018-12-31 >/dev/null ||
    fail "round 2018"

# Synthetic figures (the seeds carry none): amounts with cents, USD and
# KHR, every source kind and status.
cat >f.csv <<'CSV'
round,activity,line,source_kind,source,amount,currency,status,note
2018,1.1,,cost,,12500.05,USD,,estimate
2018,1.1,1,government,MOLVT budget line 31,5000,USD,secured,
2018,1.1,2,partner,International Labour Organization,2500.5,USD,pledged,
2018,1.1,3,other,Private foundation,999.99,USD,gap,
2018,1.2,,cost,,40000000,KHR,,
2018,1.2,1,government,MOLVT budget line 12,10000000,KHR,secured,
2018,1.2,2,partner,IOM,20000000,KHR,pledged,
2018,2.1,,cost,,1000,USD,,
2018,2.1,1,partner,ILO,400000,KHR,secured,
CSV
run --db "$(db s)" funding import f.csv
expect_status 0
expect_out "3 costs and 6 funding lines in 'f.csv'"
[ "$(db_sql s "SELECT amount FROM fund_cost c JOIN node n ON n.id = c.node_id WHERE n.code = '1.1'")" = 1250005 ] ||
    fail "12500.05 is not 1250005 minor units"
[ "$(db_sql s "SELECT o.acronym FROM fund_line f JOIN org o ON o.id = f.org_id WHERE f.line = 2 AND f.amount = 250050")" = ILO ] ||
    fail "the partner is not stored by its acronym"

# Re-importing the same file changes nothing, and says so.
before=$(db_sql s "SELECT count(*) FROM audit")
run --db "$(db s)" funding import f.csv
expect_status 0
expect_out "no changes"
[ "$(db_sql s "SELECT count(*) FROM audit")" = "$before" ] || fail "an unchanged import wrote audit rows"

# Mixed currencies: one total per currency, never added.  1.1's gap is
# 12500.05 - 5000 - 2500.50 = 4999.55 USD (the gap line does not count);
# 1.2's is 40,000,000 - 30,000,000 KHR; 1.3's cannot be computed (USD
# cost, KHR funding).
run --db "$(db s)" funding list --round 2018
expect_status 0
expect_out "gap: USD 4,999.55"
expect_out "gap: KHR 10,000,000.00"
expect_out "gap: cannot be computed: funding in another currency than the cost"
expect_out "total USD: cost 13,500.05, secured 5,000.00, pledged 2,500.50, gap 4,999.55 (of 1 activities; 1 more whose gap cannot be computed)"
expect_out "total KHR: cost 40,000,000.00, secured 10,400,000.00, pledged 20,000,000.00, gap 10,000,000.00 (of 1 activities; 1 more whose gap cannot be computed)"
grep -q "53,500\|40,013" out.txt 2>/dev/null && fail "currencies were added"

# CSV round trip: export, import into a fresh database, export again.
run --db "$(db s)" funding export --out a.csv
expect_status 0
grep -q '^2018,1.1,,cost,,12500.05,USD,,estimate' a.csv || fail "the cost's amount changed on export"
grep -q '^2018,1.1,2,partner,ILO,2500.50,USD,pledged,' a.csv || fail "a line's amount changed on export"
"$LMPMON" --db "$(db s2)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample 2"
"$LMPMON" --db "$(db s2)" round open 2018 --title "2018 review" --as-of 2018-12-31 >/dev/null
run --db "$(db s2)" funding import a.csv
expect_status 0
"$LMPMON" --db "$(db s2)" funding export --out b.csv
cmp -s a.csv b.csv || fail "the csv round trip changed the funding"
# XLSX round trip.
run --db "$(db s)" funding export --out f.xlsx
expect_status 0
"$LMPMON" --db "$(db s3)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample 3"
"$LMPMON" --db "$(db s3)" round open 2018 --title "2018 review" --as-of 2018-12-31 >/dev/null
run --db "$(db s3)" funding import f.xlsx
expect_status 0
"$LMPMON" --db "$(db s3)" funding export --out c.csv
cmp -s a.csv c.csv || fail "the xlsx round trip changed the funding"
[ "$(db_sql s3 "SELECT sum(amount) FROM fund_line WHERE currency = 'USD'")" = 850049 ] ||
    fail "minor units changed in the xlsx round trip"

# Bad cells: refused whole, naming file, line, column and field.
bad() { # ROW EXPECTED-MESSAGE
    printf 'round,activity,line,source_kind,source,amount,currency,status,note\n2018,1.2,9,other,new row,1,USD,gap,\n%s\n' "$1" >bad.csv
    before=$(db_sql s "SELECT count(*) FROM audit")
    run --db "$(db s)" funding import bad.csv
    expect_status 1
    expect_err "$2"
    [ "$(db_sql s "SELECT count(*) FROM audit")" = "$before" ] || fail "a refused file wrote something ($1)"
}
bad "2018,1.1,1,government,MOLVT budget line 31,5000,US\$,secured," \
    "cannot import 'bad.csv': line 3, column 7 (currency): 'US\$' is not an ISO 4217 currency code"
bad "2018,1.1,1,government,MOLVT budget line 31,5000,XYZ,secured," \
    "line 3, column 7 (currency): 'XYZ' is not an ISO 4217"
bad "2018,1.1,1,government,MOLVT budget line 31,-5000,USD,secured," \
    "line 3, column 6 (amount): '-5000' is negative"
bad "2018,1.1,1,government,MOLVT budget line 31,5'000,USD,secured," \
    "line 3, column 6 (amount): '5'000' is not an amount"
bad "2018,9.99,1,government,MOLVT budget line 31,5000,USD,secured," \
    "line 3, column 2 (activity): unknown activity '9.99' (closest: '9.9'"
bad "2018,1,1,government,MOLVT budget line 31,5000,USD,secured," \
    "line 3, column 2 (activity): '1' is of level 'goal', not 'activity'"
bad "2018,1.1,1,partner,ILOO,5000,USD,secured," \
    "line 3, column 5 (source): unknown organisation 'ILOO' (closest: 'ILO'"
bad "2018,1.1,1,partner,,5000,USD,secured," \
    "line 3, column 5 (source): missing: the development partner"
bad "2018,1.1,1,donor,ILO,5000,USD,secured," \
    "line 3, column 4 (source_kind): 'donor' is not one of cost, government, partner, other"
bad "2018,1.1,1,partner,ILO,5000,USD,promised," \
    "line 3, column 8 (status): 'promised' is not one of secured, pledged, gap"
bad "2019,1.1,1,partner,ILO,5000,USD,secured," \
    "line 3, column 1 (round): unknown round '2019'"
bad "2017,1.1,1,partner,ILO,5000,USD,secured," \
    "line 3, column 1 (round): round 2017 is published"
bad "2018,1.2,9,other,again,1,USD,gap," \
    "line 3, column 3 (line): line 9 of 1.2 in round 2018 is also on line 2"

# The action plan carries the money, per currency.
run --db "$(db s)" report action-plan --round 2018 --format csv --out ap.csv
expect_status 0
head -1 ap.csv | grep -q "Estimated cost,Secured,Pledged,Gap" || fail "no funding columns in the action plan"
grep -q '^1.1,.*USD 12,500.05.*USD 5,000.00.*USD 2,500.50.*USD 4,999.55' ap.csv ||
    fail "activity 1.1's money is not in the action plan"
grep -q '^2.1,.*cannot be computed' ap.csv || fail "2.1 gap is not said to be uncomputable"

# The sample's synthetic example (loaded by make demo) imports into a
# fresh 2018 round, says it is synthetic, and keeps USD and KHR apart.
"$LMPMON" --db "$(db s4)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample 4"
"$LMPMON" --db "$(db s4)" round open 2018 --title "2018 review" --as-of 2018-11-30 >/dev/null
run --db "$(db s4)" funding import "$SAMPLE/funding-2018-synthetic.csv"
expect_status 0
expect_out "3 costs and 6 funding lines"
[ "$(grep -vc 'synthetic example' "$SAMPLE/funding-2018-synthetic.csv")" = 1 ] ||
    fail "a row of the sample's funding does not say it is synthetic"
run --db "$(db s4)" funding list
expect_out "total USD: cost 20,000.00"
expect_out "total KHR: cost 20,000,000.00"

# The coordination analysis compares by funding source: 1.2 is paid mainly
# by partners (20M of 30M KHR), 1.1 mainly by the government (5000 of
# 7500.50 USD), 2.1 mixes currencies and is told neither; too few to say
# anything, and the report says so.
run --db "$(db s)" report coordination --round 2018 --format json --out co.json
expect_status 0
python3 - co.json <<'PY' || fail "the coordination analysis does not count funding sources"
import json, sys
d = json.load(open(sys.argv[1]))
t = {x["name"]: x for x in d["explanations"] if "area" not in x or x.get("area") is None}
pf = t["partner_funding"]
assert (pf["first"]["of"], pf["second"]["of"]) == (1, 1), pf
assert pf["verdict"] == "too_few", pf["verdict"]
un = t["unfunded"]
assert (un["first"]["of"], un["second"]["of"]) == (0, 2), un
assert un["verdict"] == "too_few", un["verdict"]
PY
finish
