# The indicators page: each indicator against the year's target with a
# progress bar and its numbers beside it, the computed goal-10 figure from
# the register by sex for case officers, and for viewers and the public
# no sex whose cases are fewer than 5 (the total minus the other sex would
# give it back); goal 12 computed from the outreach events; downloadable
# as CSV.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
cat >cases.csv <<'CSV'
case_no,lodged_on,resolved_on,sex,assisting_org,province,satisfied,stage
K1,2018-01-10,2018-02-10,female,LSCW,Prey Veng,yes,resolved
K2,2018-01-10,2018-02-10,female,LSCW,Prey Veng,yes,resolved
K3,2018-01-10,2018-06-10,female,LSCW,Prey Veng,yes,resolved
K4,2018-01-10,2018-02-10,female,LSCW,Prey Veng,no,resolved
K5,2018-01-10,,female,LSCW,Prey Veng,unknown,lodged
K6,2018-01-10,2018-02-10,male,LSCW,Kandal,yes,resolved
CSV
"$LMPMON" --db "$(db d)" case import cases.csv >/dev/null || fail "case import"
"$LMPMON" --db "$(db d)" indicator add T1 --goal 12 --unit count --definition "# informed <in person>" \
    --baseline 100 --baseline-year 2016 --targets "2018=300" >/dev/null || fail "indicator add"
printf 'indicator,period,value\nT1,2018,250\n' >v.csv
"$LMPMON" --db "$(db d)" value import v.csv >/dev/null || fail "value import"
start_server "$(db d)" --public
login cases
login viewer

curl -s -b cases.jar "$BASE/indicators?year=2018" >c.html
# K1, K2, K6 resolved to satisfaction within 3 months of 6: women 2 of 5,
# men 1 of 1 (K3 too late, K4 not satisfied, K5 open).
grep -q '50.0%.*(2018, 3 of 6)' c.html || fail "the case officer lacks goal 10's total"
grep -q '40.0%.*(2018, 2 of 5)' c.html || fail "the case officer lacks goal 10's women"
grep -q '100.0%.*(2018, 1 of 1)' c.html || fail "the case officer lacks goal 10's men"
# T1: (250 - 100) / (300 - 100) = 75% of the way: a bar of 150 of 200.
grep -q '<rect width="150" height="14"' c.html || fail "no progress bar of 75%"
grep -q '75% of the way' c.html || fail "the bar's numbers are not written beside it"
grep -q '# informed &lt;in person&gt;' c.html || fail "a definition is not escaped"

curl -s -b viewer.jar "$BASE/indicators?year=2018" >v.html
grep -q '50.0%.*(2018, 3 of 6)' v.html || fail "the viewer lacks goal 10's total"
grep -q '1 of 1' v.html && fail "the viewer sees a sex of 1 case"
grep -q '2 of 5' v.html && fail "the viewer sees what the total minus 1 case gives"
curl -s "$BASE/indicators?year=2018" >p.html
grep -q '1 of 1' p.html && fail "the public sees a sex of 1 case"

code=$(curl -s -o t.csv -w '%{http_code}' -b cases.jar "$BASE/indicators?year=2018&format=csv")
[ "$code" = 200 ] || fail "the CSV download answered $code"
grep -q '^T1,1,12,# informed <in person>,Total,Count,Increase,100,2016,300,2018,250,,75%,no,' t.csv ||
    fail "the CSV lacks T1's row: $(cat t.csv)"
code=$(curl -s -o bad.out -w '%{http_code}' "$BASE/indicators?year=20x8")
[ "$code" = 400 ] || fail "a bad year answered $code"
# Every page's menu leads to the indicators, and a logged-in user's to the
# quarterly briefing too (an anonymous reader of a public server is not
# let into the briefing, so it is not offered).
curl -s -b viewer.jar "$BASE/" >menu.html
grep -q '<a href="/indicators">' menu.html || fail "the menu has no link to the indicators"
grep -q '<a href="/briefing">' menu.html || fail "the menu has no link to the briefing"
curl -s "$BASE/" >anon.html
grep -q '<a href="/indicators">' anon.html || fail "a public reader's menu has no link to the indicators"
grep -q '<a href="/briefing">' anon.html && fail "a public reader is offered the briefing"

# Goal 12 is computed from the sample's counselling and dissemination
# events (the MRCs' counselling ending in 2019): the page says so, and
# its figures, counted from the outreach export, are shown to a viewer
# too (no suppression: they are no complaints).
"$LMPMON" --db "$(db d)" outreach export --out events.csv || fail "outreach export"
want=$(python3 -c 'import csv, sys
n = 0
for e in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if e["status"] == "held" and e["kind"] in ("counselling", "dissemination") and (e["date_to"] or e["date"])[:4] == "2019" and e["total"]:
        n += int(e["total"])
print(n)' events.csv)
curl -s -b viewer.jar "$BASE/indicators?year=2019" >o.html
grep -q 'computed from outreach (Counselling, Dissemination)' o.html ||
    fail "the page does not say goal 12 is computed from outreach"
grep -q "<td>$want <span class=\"small\">(2019)" o.html || fail "goal 12's total from the outreach events ($want) is not shown to the viewer"
stop_server

finish
