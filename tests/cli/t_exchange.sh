# Statistics exchange (issue 14): the figures as SDMX-CSV 2.0 parse back
# (python3's csv module) to the observations of 'stats export' one by
# one, periods converted by this script itself; indicator values go out
# as SDMX-CSV; a DHIS2 dataValueSet exported through a mapping imports
# into a fresh database and exports to the same JSON, and every bad file
# is refused naming the dataValue's index and field, with nothing written.
. "$(dirname "$0")/lib.sh"

run --db "$(db s)" init --sample cambodia-lmp-2015-2018
expect_status 0

# --- SDMX-CSV of the statistics --------------------------------------------
# The sample's figures, and a few with a quarter, ranges and a note.
cat >more.csv <<'CSV'
measure,destination,channel,sex,period,source,value,note
flow,Thailand,mou,women,2019Q3,Test office,120,
flow,Thailand,mou,men,2019Q3,Test office,80,
flow,Thailand,mou,total,2019Q3,Test office,200,"a note, with a comma"
stock,Malaysia,one_stop,total,2017-04/2019-07,Test office,5000,
stock,Korea,seasonal,total,2019-08-05/2019-08-31,Test office,17,
flow,Japan,nationality_verification,women,2018/2019Q2,Test office,33,
CSV
run --db "$(db s)" stats import more.csv
expect_status 0
"$LMPMON" --db "$(db s)" stats export --out stats.csv || fail "stats export"
run --db "$(db s)" stats export --format sdmx-csv --out stats-sdmx.csv
expect_status 0
run --db "$(db s)" outreach export --format sdmx-csv
expect_status 2
expect_err "unknown format 'sdmx-csv'"
python3 - stats.csv stats-sdmx.csv >check.txt 2>&1 <<'PY' || fail "SDMX-CSV is not the figures: $(cat check.txt)"
import calendar, csv, datetime, sys
plain = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
head, body = rows[0], rows[1:]
# SDMX-CSV 2.0: STRUCTURE, STRUCTURE_ID, ACTION first, then the components.
assert head[:3] == ["STRUCTURE", "STRUCTURE_ID", "ACTION"], head
assert head[3:] == ["DESTINATION", "CHANNEL", "SEX", "TIME_PERIOD", "OBS_VALUE",
                    "SOURCE", "REF_DATE", "OBS_COMMENT"], head
assert all(len(r) == len(head) for r in body)
sdmx = [dict(zip(head, r)) for r in body]
assert len(sdmx) == len(plain) and len(plain) > 10, (len(sdmx), len(plain))
flows = {"stock": "LMPMON:DF_MIGRANT_STOCK(1.0)", "flow": "LMPMON:DF_MIGRANT_FLOW(1.0)"}
sexes = {"women": "F", "men": "M", "total": "_T"}
channels = {"mou": "MOU", "nationality_verification": "NV", "seasonal": "SEASONAL",
            "one_stop": "ONE_STOP", "other": "_T"}
def bounds(p):
    if len(p) == 4:
        y = int(p); return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    if "Q" in p:
        y, q = int(p[:4]), int(p[5])
        m = 3 * q
        return datetime.date(y, m - 2, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])
    if len(p) == 7:
        y, m = int(p[:4]), int(p[5:])
        return datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])
    d = datetime.date.fromisoformat(p); return d, d
def time_period(p):
    if "/" not in p:
        return p[:4] + "-Q" + p[5] if "Q" in p else p
    a, b = bounds(p.split("/")[0])[0], bounds(p.split("/")[1])[1]
    if a.day == 1 and (b + datetime.timedelta(days=1)).day == 1:
        return "%s/P%dM" % (a.isoformat(), (b.year - a.year) * 12 + b.month - a.month + 1)
    return "%s/P%dD" % (a.isoformat(), (b - a).days + 1)
names = {}
for i, (p, s) in enumerate(zip(plain, sdmx)):
    assert s["STRUCTURE"] == "dataflow" and s["ACTION"] == "I", s
    assert s["STRUCTURE_ID"] == flows[p["measure"]], (i, p, s)
    assert s["SEX"] == sexes[p["sex"]], (i, p, s)
    assert s["CHANNEL"] == channels[p["channel"]], (i, p, s)
    assert s["OBS_VALUE"] == p["value"] and s["SOURCE"] == p["source"], (i, p, s)
    assert s["REF_DATE"] == p["period"], (i, p, s)
    assert s["TIME_PERIOD"] == time_period(p["period"]), (i, p, s)
    assert s["OBS_COMMENT"] == p["note"], (i, p, s)
    # One code per destination name and one name per code.
    assert names.setdefault(s["DESTINATION"], p["destination"]) == p["destination"], (i, p, s)
assert len(set(names.values())) == len(names)
assert names["TH"] == "Thailand" and names["JP"] == "Japan" and names["MY"] == "Malaysia", names
got = {s["TIME_PERIOD"] for s in sdmx}
for want in ("2019-Q3", "2017-04-01/P28M", "2019-08-05/P27D", "2018-01-01/P18M"):
    assert want in got, (want, sorted(got))
PY

# --- indicators with values by sex, province and destination -------------
add_indicators() {
    "$LMPMON" --db "$1" indicator add T1 --goal 12 --unit count \
        --definition "# of people informed" --disaggregation sex >/dev/null &&
    "$LMPMON" --db "$1" indicator add T2 --goal 12 --unit count \
        --definition "# of people informed by province" \
        --disaggregation sex,province >/dev/null &&
    "$LMPMON" --db "$1" indicator add T3 --goal 13 --unit percentage \
        --definition "% of migrants with a contract" \
        --disaggregation destination >/dev/null
}
add_indicators "$(db s)" || fail "indicator add"
cat >values.csv <<'CSV'
indicator,period,sex,dimension,code,value,source
T1,2018,women,,,130,MOLVT
T1,2018,men,,,90,MOLVT
T1,2018,total,,,220,MOLVT
T1,2019Q3,total,,,41,
T2,2018,total,province,Prey Veng,75,PDoLVT
T2,2018,women,province,KH-12,11,PDoLVT
T3,2018,total,destination,Thailand,45.5,survey
T3,2019,total,destination,Korea,61.25,survey
CSV
run --db "$(db s)" value import values.csv
expect_status 0
run --db "$(db s)" value export --format sdmx-csv --out values-sdmx.csv
expect_status 0
python3 - values-sdmx.csv >check.txt 2>&1 <<'PY' || fail "values SDMX-CSV: $(cat check.txt)"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert list(rows[0]) == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REVISION",
    "REF_AREA", "SEX", "DESTINATION", "CHANNEL", "SECTOR", "TIME_PERIOD", "OBS_VALUE",
    "UNIT_MEASURE", "NUMERATOR", "DENOMINATOR", "SOURCE", "VALUE_STATE"], list(rows[0])
key = lambda r: (r["INDICATOR"], r["TIME_PERIOD"], r["SEX"], r["REF_AREA"], r["DESTINATION"])
got = {key(r): r for r in rows if r["INDICATOR"].startswith("T")}
want = {
    ("T1", "2018", "F", "KH", "_Z"): "130", ("T1", "2018", "M", "KH", "_Z"): "90",
    ("T1", "2018", "_T", "KH", "_Z"): "220", ("T1", "2019-Q3", "_T", "KH", "_Z"): "41",
    ("T2", "2018", "_T", "KH-14", "_Z"): "75", ("T2", "2018", "F", "KH-12", "_Z"): "11",
    ("T3", "2018", "_T", "KH", "TH"): "45.5", ("T3", "2019", "_T", "KH", "KR"): "61.25",
}
assert set(got) == set(want), sorted(got)
for k, v in want.items():
    r = got[k]
    assert r["OBS_VALUE"] == v and r["STRUCTURE_ID"] == "LMPMON:DF_IND_VALUE(1.0)", r
    assert r["UNIT_MEASURE"] == ("PT" if k[0] == "T3" else "NUMBER"), r
    assert r["VALUE_STATE"] == "DRAFT" and r["REVISION"] == "1", r
assert got[("T3", "2018", "_T", "KH", "TH")]["SOURCE"] == "survey"
PY

# --- DHIS2: export, import into a fresh database, export again ------------
cat >map.json <<'JSON'
{
  "lmpmon": "dhis2-mapping",
  "dataSet": "pBOMPrpg1QX",
  "attributeOptionCombo": "HllvX50cXC0",
  "dataElements": [
    { "indicator": "T1", "id": "fbfJHSPpUQD" },
    { "indicator": "T2", "id": "cYeuwXTCPkU" },
    { "indicator": "T3", "id": "Jtf34kNZhzP" }
  ],
  "categoryOptionCombos": [
    { "sex": "total", "id": "bRowv6yZOF2" },
    { "sex": "women", "id": "Prlt0C1RF0s" },
    { "sex": "men", "id": "V6L425pT3A0" },
    { "sex": "total", "dimension": "destination", "code": "TH", "id": "psbwp3CQEhs" },
    { "sex": "total", "dimension": "destination", "code": "KR", "id": "hEFKSsPV5et" }
  ],
  "orgUnits": [
    { "place": "KH", "id": "ImspTQPwCqd" },
    { "place": "KH-14", "id": "O6uvpzGd5pu" },
    { "place": "KH-12", "id": "fdc6uOvgoji" }
  ]
}
JSON
run --db "$(db s)" value export --format dhis2 --mapping map.json --out out1.json
expect_status 0
python3 - out1.json >check.txt 2>&1 <<'PY' || fail "dataValueSet: $(cat check.txt)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["dataSet"] == "pBOMPrpg1QX", d
vals = d["dataValues"]
assert len(vals) == 8, vals
want = {"dataElement": "cYeuwXTCPkU", "period": "2018", "orgUnit": "O6uvpzGd5pu",
        "categoryOptionCombo": "bRowv6yZOF2", "attributeOptionCombo": "HllvX50cXC0",
        "value": "75", "comment": "PDoLVT"}
assert want in vals, vals
assert {"dataElement": "Jtf34kNZhzP", "period": "2018", "orgUnit": "ImspTQPwCqd",
        "categoryOptionCombo": "psbwp3CQEhs", "attributeOptionCombo": "HllvX50cXC0",
        "value": "45.5", "comment": "survey"} in vals, vals
PY
run --db "$(db f)" init --sample cambodia-lmp-2015-2018
expect_status 0
add_indicators "$(db f)" || fail "indicator add (fresh)"
"$LMPMON" --db "$(db f)" value export >before.csv
run --db "$(db f)" value import out1.json --format dhis2
expect_status 2
expect_err "--mapping"
run --db "$(db f)" value import out1.json --format dhis2 --mapping map.json
expect_status 0
expect_out "8 values in 'out1.json': 8 new or changed"
run --db "$(db f)" value export --format dhis2 --mapping map.json --out out2.json
expect_status 0
cmp -s out1.json out2.json || fail "DHIS2 round trip differs: $(diff out1.json out2.json | head -20)"
"$LMPMON" --db "$(db s)" value export | grep '^T' >a.csv
"$LMPMON" --db "$(db f)" value export | grep '^T' >b.csv
cmp -s a.csv b.csv || fail "imported values differ: $(diff a.csv b.csv)"
# A mapping says the format.
run --db "$(db f)" value import out1.json --mapping map.json
expect_status 0
expect_out "8 unchanged"
run --db "$(db f)" value export --format sdmx-csv --mapping map.json
expect_status 2
expect_err "--mapping goes with --format dhis2"

# --- bad files: refused by index and field, nothing written ---------------
"$LMPMON" --db "$(db f)" value export >state0.csv
# bad NAME 'dataValues JSON' 'expected message'
bad() {
    printf '{ "dataValues": [\n  { "dataElement": "fbfJHSPpUQD", "period": "2020", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "Prlt0C1RF0s", "value": "5" },\n  %s\n] }\n' "$2" >"$1.json"
    run --db "$(db f)" value import "$1.json" --format dhis2 --mapping map.json
    expect_status 1
    expect_err "$3"
    "$LMPMON" --db "$(db f)" value export >state1.csv
    cmp -s state0.csv state1.csv || fail "$1: a refused file wrote values"
}
V='"dataElement": "fbfJHSPpUQD", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "V6L425pT3A0"'
bad unknown-de '{ "dataElement": "xxxxxxxxxx1", "period": "2020", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "V6L425pT3A0", "value": "3" }' \
    "cannot import 'unknown-de.json': dataValues[1] (dataElement): 'xxxxxxxxxx1' is not a data element of the mapping"
bad bad-uid '{ "dataElement": "fbfJHSPpUQD", "orgUnit": "nope", "categoryOptionCombo": "V6L425pT3A0", "period": "2020", "value": "3" }' \
    "dataValues[1] (orgUnit): 'nope' is not a DHIS2 identifier"
bad month "{ $V, \"period\": \"202007\", \"value\": \"3\" }" \
    "dataValues[1] (period): '202007' is a month"
bad week "{ $V, \"period\": \"2020W3\", \"value\": \"3\" }" \
    "dataValues[1] (period): '2020W3' is not a DHIS2 period"
bad quarter "{ $V, \"period\": \"2020Q5\", \"value\": \"3\" }" \
    "dataValues[1] (period)"
bad nan "{ $V, \"period\": \"2020\", \"value\": \"three\" }" \
    "dataValues[1] (value): 'three' is not a number"
bad no-value "{ $V, \"period\": \"2020\" }" \
    "dataValues[1] (value): needed"
bad no-ou '{ "dataElement": "fbfJHSPpUQD", "period": "2020", "categoryOptionCombo": "V6L425pT3A0", "value": "3" }' \
    "dataValues[1] (orgUnit): needed"
bad unmapped-ou '{ "dataElement": "fbfJHSPpUQD", "orgUnit": "AAAAAAAAAAA", "categoryOptionCombo": "V6L425pT3A0", "period": "2020", "value": "3" }' \
    "dataValues[1] (orgUnit): 'AAAAAAAAAAA' is not an organisation unit of the mapping"
bad unmapped-coc '{ "dataElement": "fbfJHSPpUQD", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "AAAAAAAAAAA", "period": "2020", "value": "3" }' \
    "dataValues[1] (categoryOptionCombo): 'AAAAAAAAAAA' is not a category option combination of the mapping"
bad unknown-key "{ $V, \"period\": \"2020\", \"value\": \"3\", \"colour\": \"red\" }" \
    "dataValues[1] (colour): unknown key"
bad deleted "{ $V, \"period\": \"2020\", \"value\": \"3\", \"deleted\": true }" \
    "dataValues[1] (deleted)"
bad fraction "{ $V, \"period\": \"2020\", \"value\": \"2.5\" }" \
    "dataValues[1] (value)"
bad twice '{ "dataElement": "fbfJHSPpUQD", "period": "2020", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "Prlt0C1RF0s", "value": "6" }' \
    "dataValues[1]: the same indicator, period, sex and breakdown as an earlier one"
bad province-twice '{ "dataElement": "cYeuwXTCPkU", "period": "2020", "orgUnit": "O6uvpzGd5pu", "categoryOptionCombo": "psbwp3CQEhs", "value": "6" }' \
    "dataValues[1] (categoryOptionCombo): a value has one breakdown besides sex"
# Men of 2018 that no longer add up with the stored women and total.
bad sums '{ "dataElement": "fbfJHSPpUQD", "period": "2018", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "V6L425pT3A0", "value": "91", "comment": "MOLVT" }' \
    "dataValues[1] (value): indicator T1, 2018: total"
# The computed goal-10 indicator is lmpmon's: a mapping may name it, an
# import may not type it over.
python3 -c 'import json
m = json.load(open("map.json"))
m["dataElements"].append({"indicator": "G10", "id": "Gq1ZqZ0x1aA"})
json.dump(m, open("map-g10.json", "w"))'
printf '{ "dataValues": [ { "dataElement": "Gq1ZqZ0x1aA", "period": "2018", "orgUnit": "ImspTQPwCqd", "categoryOptionCombo": "bRowv6yZOF2", "value": "50" } ] }' >computed.json
run --db "$(db f)" value import computed.json --format dhis2 --mapping map-g10.json
expect_status 1
expect_err "cannot import 'computed.json': dataValues[0] (dataElement): indicator 'G10' is computed by lmpmon"
printf '{ "dataValues": [' >deep.json
for i in $(seq 1 80); do printf '[' >>deep.json; done
run --db "$(db f)" value import deep.json --format dhis2 --mapping map.json
expect_status 1
expect_err "nested deeper than"
printf '{ "dataValues": [ { "dataElement": ' >broken.json
run --db "$(db f)" value import broken.json --format dhis2 --mapping map.json
expect_status 1
expect_err "cannot import 'broken.json': line 1"
"$LMPMON" --db "$(db f)" value export >state1.csv
cmp -s state0.csv state1.csv || fail "a refused file wrote values"

# --- a bad mapping, and one that lacks what an export needs ---------------
sed 's/"fbfJHSPpUQD"/"fbf-HSPpUQD"/' map.json >badmap.json
run --db "$(db s)" value export --format dhis2 --mapping badmap.json
expect_status 1
expect_err "cannot read mapping 'badmap.json': dataElements[0] (id): 'fbf-HSPpUQD' is not a DHIS2 identifier"
sed 's/"code": "KR"/"code": "XX"/' map.json >badmap.json
run --db "$(db s)" value export --format dhis2 --mapping badmap.json
expect_status 1
expect_err "categoryOptionCombos[4] (code): 'XX' is not a country"
# drop_from_map LIST KEY VALUE: map.json without that list's entries of KEY VALUE.
drop_from_map() {
    python3 -c 'import json, sys
m = json.load(open("map.json"))
m[sys.argv[1]] = [e for e in m[sys.argv[1]] if e.get(sys.argv[2]) != sys.argv[3]]
json.dump(m, open("partmap.json", "w"), indent=2)' "$@"
}
drop_from_map categoryOptionCombos code KR
run --db "$(db s)" value export --format dhis2 --mapping partmap.json
expect_status 1
expect_err "cannot export indicator T3, 2019, total: the mapping 'partmap.json' has no categoryOptionCombo for sex total and destination code"
drop_from_map dataElements indicator T3
run --db "$(db s)" value export --format dhis2 --mapping partmap.json
expect_status 0
expect_err "2 values of indicators the mapping does not name were left out"

# The example mapping shipped with the sample reads, and maps the sample's
# goal indicators.
run --db "$(db f)" value export --format dhis2 \
    --mapping "$SRC/data/cambodia-lmp-2015-2018/dhis2-mapping.json"
expect_status 0
expect_err "8 values of indicators the mapping does not name were left out"

finish
