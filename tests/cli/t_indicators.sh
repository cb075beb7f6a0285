# The plan's indicators: the sample's seventeen goal indicators read back
# with the plan's own definitions; an indicator added and amended keeps
# its old values under the old definition; every bad values file is
# refused whole, naming line and field; the computed goal-10 indicator
# cannot be typed over; and 'report indicators' gives figures this script
# recomputes itself from the values and the register (python3), never
# from lmpmon's output.
. "$(dirname "$0")/lib.sh"

run --db "$(db s)" init --sample cambodia-lmp-2015-2018
expect_status 0

# --- the sample: one indicator per goal, in the plan's words ---------------
"$LMPMON" --db "$(db s)" indicator list >list.txt || fail "indicator list"
[ "$(grep -c ' goal ' list.txt)" = 17 ] || fail "the sample should hold 17 goal indicators: $(cat list.txt)"
SEED=$SRC/../shared/seeds/000_f2247faf10ca0de4.txt
if [ -f "$SEED" ]; then
    for i in $(seq 1 17); do
        "$LMPMON" --db "$(db s)" indicator show "G$i" | sed -n 's/^  definition: *//p'
    done >defs.txt
    python3 - "$SEED" defs.txt >check.txt 2>&1 <<'PY' || fail "definitions not in the seed: $(cat check.txt)"
import re, sys
fold = lambda s: re.sub(r"\s+", " ", s).strip()
seed = fold(open(sys.argv[1], encoding="utf-8").read())
defs = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
assert len(defs) == 17, defs
missing = [d for d in defs if fold(d) not in seed]
if missing:
    print("\n".join(missing))
    sys.exit(1)
PY
else
    echo "SKIP: the seed is not beside the source ($SEED)"
fi
run --db "$(db s)" indicator show G10
expect_out "computed from the complaints register"
expect_out "by:           sex"

# --- add, values, amend: the old values stay under the old definition ----
run --db "$(db s)" indicator add T1 --goal 12 --unit count \
    --definition "# of people informed on safe migration" \
    --baseline 100 --baseline-year 2015 --targets "2017=300;2018=500" \
    --disaggregation sex
expect_status 0
run --db "$(db s)" indicator add T1 --goal 12 --unit count --definition "again"
expect_status 1
expect_err "exists already"
cat >v1.csv <<'CSV'
indicator,period,sex,value,source
T1,2017,women,130,MOLVT
T1,2017,men,90,MOLVT
T1,2017,total,220,MOLVT
T1,2017Q2,total,150,MOLVT
CSV
run --db "$(db s)" value import v1.csv
expect_status 0
run --db "$(db s)" indicator amend T1 --definition "# of women and men informed in person" \
    --targets "2018=400" --effective 2018-01-01
expect_status 2
expect_err "--reason"
run --db "$(db s)" indicator amend T1 --definition "# of women and men informed in person" \
    --targets "2018=400" --effective 2018-01-01 --reason "2017 review: leaflets no longer counted"
expect_status 0
printf 'indicator,period,sex,value,source\nT1,2018,total,310,MOLVT\n' >v2.csv
run --db "$(db s)" value import v2.csv
expect_status 0
run --db "$(db s)" indicator show T1
python3 - out.txt <<'PY' || fail "values not under their definitions: $(cat out.txt)"
import sys
text = open(sys.argv[1]).read()
r1, r2 = text.split("T1 revision 2")
assert "T1 revision 1" in r1 and "# of people informed on safe migration" in r1
assert "value 2017    Women  130" in r1 and "value 2017    Total  220" in r1, r1
assert "2018" not in r1.split("definition")[1].split("target")[0]
assert "# of women and men informed in person" in r2
assert "value 2018    Total  310" in r2 and "2017 review" in r2, r2
assert "value 2017" not in r2
PY
"$LMPMON" --db "$(db s)" value export --out values.csv || fail "value export"
grep -q '^T1,1,2017,women,,,130,,,MOLVT,draft,# of people informed on safe migration' values.csv ||
    fail "the export lost a value's definition: $(cat values.csv)"

# --- bad files: each refused whole, with its line and field ---------------
before=$(db_sql s "SELECT count(*) FROM ind_value; SELECT count(*) FROM audit")
bad() { # NAME EXPECTED-TEXT BODY (printf's format: \n ends lines)
    printf "$3" >"$1"
    run --db "$(db s)" value import "$1"
    expect_status 1
    expect_err "$2"
}
bad computed.csv "'computed.csv': line 3, column 1 (indicator): indicator 'G10' is computed" \
    'indicator,period,sex,value\nT1,2019,total,5\nG10,2017,total,50\n'
bad unknown.csv "line 3, column 1 (indicator): unknown indicator 'T9' (closest: 'G9', 'T1'" \
    'indicator,period,sex,value\nT1,2019,total,5\nT9,2017,total,5\n'
bad pct.csv "line 2, column 4 (value): value: 150 is not a percentage between 0 and 100" \
    'indicator,period,sex,value\nG3,2017,total,150\n'
bad whole.csv "line 2, column 4 (value): value: 5.5 is not a whole count" \
    'indicator,period,sex,value\nT1,2019,total,5.5\n'
bad period.csv "line 2, column 2 (period): period: '2019-05' is not a year" \
    'indicator,period,sex,value\nT1,2019-05,total,5\n'
bad sums.csv "line 4 (value): indicator T1, 2019: total: 12 is not women + men (5 + 6)" \
    'indicator,period,sex,value\nT1,2019,women,5\nT1,2019,men,6\nT1,2019,total,12\n'
bad sex.csv "line 2, column 3 (sex): sex: indicator 'G1' is not broken down by sex" \
    'indicator,period,sex,value\nG1,2019,women,5\n'
bad sexcode.csv "line 2, column 3 (sex): unknown value 'female-ish'" \
    'indicator,period,sex,value\nT1,2019,female-ish,5\n'
bad place.csv "line 2, column 5 (code): unknown province 'Prey Vang' (closest: 'Prey Veng')" \
    'indicator,period,sex,dimension,code,value\nT1,2019,total,province,Prey Vang,5\n'
bad column.csv "line 1, column 5: unknown column 'colour'" \
    'indicator,period,sex,value,colour\nT1,2019,total,5,red\n'
bad twice.csv "line 3: the same indicator, period, sex and breakdown as an earlier line" \
    'indicator,period,value\nT1,2019,5\nT1,2019,6\n'
bad rev.csv "line 2, column 5 (revision): indicator T1 has no revision 7 (newest: 2)" \
    'indicator,period,sex,value,revision\nT1,2019,total,5,7\n'
[ "$(db_sql s "SELECT count(*) FROM ind_value; SELECT count(*) FROM audit")" = "$before" ] ||
    fail "a refused file wrote something"
run --db "$(db s)" indicator add T2 --goal 99 --unit count --definition "x"
expect_status 1
expect_err "no goal '99'"
run --db "$(db s)" indicator add T2 --goal 12 --unit percent --definition "x"
expect_status 2

# --- the report, recomputed here from the values and the register --------
"$LMPMON" sample complaints --cases 300 --seed 5 --out cases.csv >/dev/null || fail "sample complaints"
"$LMPMON" --db "$(db s)" case import cases.csv --create-orgs >/dev/null || fail "case import"
for y in 2017 2018; do
    "$LMPMON" --db "$(db s)" report indicators --year $y --format json --out r$y.json ||
        fail "report indicators $y"
done
"$LMPMON" --db "$(db s)" report indicators --year 2017 --format csv --out r2017.csv || fail "csv report"
"$LMPMON" --db "$(db s)" report indicators --year 2017 >r2017.txt || fail "text report"
grep -q "^G10 (goal 10, revision 1)" r2017.txt || fail "the text report lacks G10"
python3 - cases.csv r2017.json r2018.json r2017.csv <<'PY' >check.txt 2>&1 || fail "report: $(cat check.txt)"
import calendar, csv, datetime, json, sys

def three_months_after(d):
    y, m = d.year, d.month + 3
    if m > 12:
        y, m = y + 1, m - 12
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))

want = {}
for c in csv.DictReader(open(sys.argv[1])):
    lodged = datetime.date.fromisoformat(c["lodged_on"])
    ok = (c["stage"] == "resolved" and c["resolved_on"] and
          datetime.date.fromisoformat(c["resolved_on"]) <= three_months_after(lodged)
          and c["satisfied"] == "yes")
    for sex in ("Total", {"female": "Women", "male": "Men"}.get(c["sex"])):
        if sex:
            n = want.setdefault((lodged.year, sex), [0, 0])
            n[0] += ok
            n[1] += 1

for y, f in ((2017, sys.argv[2]), (2018, sys.argv[3])):
    rows = json.load(open(f))["indicators"]
    g10 = {r["sex"]: r for r in rows if r["indicator"] == "G10"}
    assert set(g10) == {"Total", "Women", "Men"}, g10
    for sex, r in g10.items():
        num, den = want[(y, sex)]
        assert (r["numerator"], r["denominator"]) == (num, den), (y, sex, r, num, den)
        assert abs(r["value"] - 100.0 * num / den) < 1e-9, (y, sex, r)
    t1 = {r["sex"]: r for r in rows if r["indicator"] == "T1"}
    if y == 2017:
        # Revision 1's values: the year's own figure, not the quarter's.
        assert t1["Total"]["revision"] == 1 and t1["Total"]["value"] == 220, t1
        assert t1["Women"]["value"] == 130 and t1["Men"]["value"] == 90, t1
        share = (220 - 100) / (300 - 100)
        assert abs(t1["Total"]["progress"] - share) < 1e-9, t1
        assert t1["Total"]["met"] is False
    else:
        # Revision 2 from 2018: target 400, baseline kept at 100.
        assert t1["Total"]["revision"] == 2 and t1["Total"]["value"] == 310, t1
        assert abs(t1["Total"]["progress"] - (310 - 100) / (400 - 100)) < 1e-9, t1
        assert t1["Women"]["value"] is None and t1["Women"]["progress"] is None
    # Every goal indicator of the plan is in the report.
    assert {r["indicator"] for r in rows} >= {"G%d" % i for i in range(1, 18)}

table = list(csv.DictReader(open(sys.argv[4])))
tot = [r for r in table if r["Indicator"] == "T1" and r["Sex"] == "Total"][0]
assert tot["Value"] == "220" and tot["Progress to target"] == "%.0f%%" % 60, tot
g = [r for r in table if r["Indicator"] == "G10" and r["Sex"] == "Women"][0]
num, den = want[(2017, "Women")]
assert g["Count behind it"] == "%d of %d" % (num, den), g
PY

# --- outreach totals, computed ---------------------------------------------
# The sample's goal 12 ("# of women and men who are provided with ...
# information on safe migration") counts the people reached by the held
# counselling and dissemination events: its values are the sums of the
# outreach export's counts, by the year each event ended, never typed.
"$LMPMON" --db "$(db o)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample o"
run --db "$(db o)" indicator show G12
expect_out "computed from outreach (Counselling, Dissemination)"
cat >more.csv <<'CSV'
date,title,kind,status,women,men,total
2019-11-05,Pre-departure counselling in Prey Veng,counselling,held,30,20,50
2019-12-01,Safe migration radio spot,dissemination,planned,,,
2019-10-01,Training of labour inspectors,training,held,5,7,12
2020-02-03,Village meeting on safe migration,dissemination,held,12,8,20
CSV
run --db "$(db o)" outreach import more.csv
expect_status 0
"$LMPMON" --db "$(db o)" outreach export --out events.csv || fail "outreach export"
COLUMNS=200 run --db "$(db o)" report indicators --year 2019 --format json
expect_status 0
cp out.txt ind2019.json
"$LMPMON" --db "$(db o)" report indicators --year 2020 --format json >ind2020.json || fail "report 2020"
python3 - events.csv ind2019.json ind2020.json <<'PY' || fail "the computed outreach totals:
$(cat check.txt)"
import csv, json, sys
want = {}
for e in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if e["status"] != "held" or e["kind"] not in ("counselling", "dissemination"):
        continue
    year = int((e["date_to"] or e["date"])[:4])
    parts = [e[k] for k in ("women", "men", "unknown") if e[k]]
    total = int(e["total"]) if e["total"] else (sum(map(int, parts)) if parts else None)
    for sex, v in (("Total", total), ("Women", e["women"]), ("Men", e["men"])):
        if v not in (None, ""):
            want[(year, sex)] = want.get((year, sex), 0) + int(v)
bad = []
for year, path in ((2019, sys.argv[2]), (2020, sys.argv[3])):
    j = json.load(open(path, encoding="utf-8"))
    rows = [r for r in j["indicators"] if r["indicator"] == "G12"]
    for r in rows:
        if r["computed"] != "computed from outreach (Counselling, Dissemination)":
            bad.append("G12 says %r" % r["computed"])
        key = (year, r["sex"])
        got = r["value"]
        if want.get(key) != (None if got is None else int(got)):
            bad.append("%s: lmpmon %s, the events %s" % (key, got, want.get(key)))
        if got is not None and r["source"] != "computed from outreach (lmpmon)":
            bad.append("%s: source %r" % (key, r["source"]))
    if not rows:
        bad.append("no G12 in %d" % year)
if (2019, "Men") not in want or (2020, "Total") not in want:
    bad.append("the test's events are not counted: %r" % want)
open("check.txt", "w").write("\n".join(bad))
sys.exit(1 if bad else 0)
PY
COLUMNS=200 run --db "$(db o)" report indicators --year 2019
expect_out "computed from outreach (Counselling, Dissemination)"
run --db "$(db o)" indicator list
grep "^G12" out.txt | grep -q "(computed from outreach)" || fail "the list does not say G12 is computed"

# Its values cannot be imported, nor an indicator made with an unknown kind.
before=$(db_state o)
printf 'indicator,period,sex,value\nG11,2019,total,5\nG12,2019,women,40\n' >typed.csv
run --db "$(db o)" value import typed.csv
expect_status 1
expect_err "'typed.csv': line 3, column 1 (indicator): indicator 'G12' is computed by lmpmon from the outreach events: its values cannot be typed over"
run --db "$(db o)" indicator add T7 --goal 12 --unit count --definition "people met" \
    --computed-from "outreach:gossip"
expect_status 2
expect_err "--computed-from: 'outreach:gossip' is not complaints or outreach:KIND;KIND"
printf 'code,goal,definition,unit,computed\nT8,12,people met,count,outreach:counselling;gossip\n' >ind.csv
run --db "$(db o)" indicator import ind.csv
expect_status 1
expect_err "line 2, column 5 (computed): 'outreach:counselling;gossip' is not no, yes (the complaints register) or outreach:KIND;KIND"
[ "$(db_state o)" = "$before" ] || fail "a refused import or add wrote something"
# One added from the command line, amended, stays computed from its kinds.
run --db "$(db o)" indicator add T9 --goal 11 --unit count --definition "people trained" \
    --computed-from "outreach:training" --disaggregation sex
expect_status 0
run --db "$(db o)" indicator amend T9 --reason "reworded" --definition "people trained (all)"
expect_status 0
run --db "$(db o)" indicator show T9
expect_out "T9 revision 2 (goal 11), computed from outreach (Training)"
# The sample's training of September 2019 (W27: M16) and this file's (W5: M7).
expect_out "value 2019    Men    23 [Validated] computed from outreach (lmpmon)"
finish
