# What people write in both languages (issue 13): an activity's, an
# area's and a goal's indicator text in Khmer come from the annex CSV's
# "_km" columns, a plan's title and an organisation's name in Khmer from
# the JSON's "title_km" and "name_km"; the review report and the pages
# show them to a reader of Khmer and the English to a reader of English,
# and the English where no Khmer was written; exports carry them and an
# import of the export into another database gives the same data; an
# annex without the columns leaves them as they are.
. "$(dirname "$0")/lib.sh"

AREA_KM="ក្របខ័ណ្ឌអន្តរជាតិ"
ACT_KM="សិក្សាពីភាពសមស្របនៃការផ្តល់សច្ចាប័នលើស្តង់ដារអន្តរជាតិ"
IND_KM="ចំនួនស្តង់ដារអន្តរជាតិដែលបានផ្តល់សច្ចាប័ន"
PLAN_KM="គោលនយោបាយស្តីពីចំណាកស្រុកពលកម្មសម្រាប់កម្ពុជា"
MOLVT_KM="ក្រសួងការងារ និងបណ្តុះបណ្តាលវិជ្ជាជីវៈ"

make_db "$(db d)"
"$LMPMON" --db "$(db d)" export --out plain.csv || fail "export csv"
# The annex with three "_km" columns: area A1, goal 1's indicator and
# activity 1.1 in Khmer; every other cell of them empty.
python3 - "$AREA_KM" "$IND_KM" "$ACT_KM" <<'PY' || fail "making km.csv"
import csv, sys
area, ind, act = sys.argv[1:4]
rows = list(csv.reader(open("plain.csv", encoding="utf-8-sig", newline="")))
head = rows[0]
out = []
for i, r in enumerate(rows):
    d = dict(zip(head, r))
    new = []
    for h, v in zip(head, r):
        new.append(v)
        if h in ("area", "goal_indicator", "activity"):
            if i == 0:
                new.append(h + "_km")
            elif h == "area":
                new.append(area if d["area_code"] == "A1" else "")
            elif h == "goal_indicator":
                new.append(ind if d["goal_code"] == "1" else "")
            else:
                new.append(act if d["activity_code"] == "1.1" else "")
    out.append(new)
with open("km.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(out)
PY
"$LMPMON" --db "$(db d)" import km.csv >imp.txt 2>&1 || fail "import km.csv: $(cat imp.txt)"
# The plan's title and MOLVT's name in Khmer through the JSON.
"$LMPMON" --db "$(db d)" export --format json --out plain.json || fail "export json"
python3 - "$PLAN_KM" "$MOLVT_KM" <<'PY' || fail "making km.json"
import json, sys
d = json.load(open("plain.json", encoding="utf-8"))
d["plans"][0]["title_km"] = sys.argv[1]
for o in d["organisations"]:
    if o["acronym"] == "MOLVT":
        o["name_km"] = sys.argv[2]
json.dump(d, open("km.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
"$LMPMON" --db "$(db d)" import km.json >imp.txt 2>&1 || fail "import km.json: $(cat imp.txt)"

# The review report: Khmer to a reader of Khmer, English to one of
# English, English where nothing was written in Khmer (activity 1.2).
review() {
    "$LMPMON" --db "$(db d)" report review --round 2017 --compare 2016 "$@"
}
unset LANGUAGE LC_ALL LC_MESSAGES
LANG=km_KH.UTF-8 review --format md >km.md || fail "Khmer md"
LANG=C review --format md >en.md || fail "English md"
LANG=km_KH.UTF-8 review --format html >km.html || fail "Khmer html"
for s in "$ACT_KM" "$IND_KM" "$AREA_KM" "$PLAN_KM"; do
    grep -qF -- "$s" km.md || fail "the Khmer report lacks '$s'"
    grep -qF -- "$s" km.html || fail "the Khmer HTML report lacks '$s'"
    grep -qF -- "$s" en.md && fail "the English report shows '$s'"
done
grep -qF -- "1.2 Promote awareness and train" km.md ||
    fail "activity 1.2 (no Khmer) is not in English in the Khmer report"
grep -qF -- "1.1 Study the suitability" en.md || fail "the English report lost 1.1's English"
# The per-area sentence names the area as written in Khmer.
grep '^- ' km.md | grep -F -- "$AREA_KM" | grep -q ' 83 ' ||
    fail "no Khmer area in the sentence: $(grep '^- .* 83 ' km.md | head -2)"
# The files programs read stay English.
LANG=km_KH.UTF-8 review --format csv >km.csv.out || fail "Khmer csv"
grep -qF -- "$ACT_KM" km.csv.out && fail "the report's CSV is not English"

# The exports carry the Khmer; another database importing them holds the
# same data (the JSON the same but for the revision it names).
"$LMPMON" --db "$(db d)" export --out d.csv || fail "export d.csv"
head -1 d.csv | grep -q ',area,area_km,.*,goal_indicator,goal_indicator_km,.*,activity,activity_km,' ||
    fail "the annex export lacks the _km columns: $(head -1 d.csv)"
grep -qF -- "$ACT_KM" d.csv || fail "the annex export lacks 1.1's Khmer"
"$LMPMON" --db "$(db d)" export --format json --out d.json || fail "export d.json"
for s in '"title_km"' '"name_km"' '"text_km"' '"indicator_km"'; do
    grep -qF -- "$s" d.json || fail "the JSON export lacks $s"
done
"$LMPMON" --db "$(db e)" init >/dev/null || fail "init e"
"$LMPMON" --db "$(db e)" import d.json >imp.txt 2>&1 || fail "import d.json into e: $(cat imp.txt)"
"$LMPMON" --db "$(db e)" export --format json --out e.json || fail "export e.json"
python3 -c 'import json, sys
a, b = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
for x in (a, b): x.pop("revision", None)
sys.exit(a != b)' d.json e.json || fail "the JSON round trip changed the data"
# An annex without the columns (exported before they were written)
# leaves the Khmer as it is.
"$LMPMON" --db "$(db d)" import plain.csv >imp.txt 2>&1 || fail "import plain.csv: $(cat imp.txt)"
"$LMPMON" --db "$(db d)" export --out d2.csv || fail "export d2.csv"
cmp -s d.csv d2.csv || grep -qF -- "$ACT_KM" d2.csv ||
    fail "an annex without the Khmer columns erased the Khmer"

# The pages: the plan, the activity, the organisation.
start_server "$(db d)" --public
page() { # LANG PATH
    curl -s -H "Accept-Language: $1" -o page.html "$BASE$2"
}
page km /plan
for s in "$ACT_KM" "$IND_KM" "$AREA_KM"; do
    grep -qF -- "$s" page.html || fail "/plan in Khmer lacks '$s'"
done
grep -qF -- "Promote awareness and train" page.html || fail "/plan in Khmer lacks 1.2 in English"
page en /plan
grep -qF -- "$ACT_KM" page.html && fail "/plan in English shows 1.1's Khmer"
grep -qF -- "Study the suitability" page.html || fail "/plan in English lacks 1.1"
# A search finds an activity by its Khmer words too.
curl -s -G -H "Accept-Language: en" --data-urlencode "q=ភាពសមស្រប" -o page.html "$BASE/plan"
grep -qF -- "Study the suitability" page.html || fail "the plan's search does not look in the Khmer"
page km /org/MOLVT
grep -qF -- "$MOLVT_KM" page.html || fail "/org/MOLVT in Khmer lacks its Khmer name"
page en /org/MOLVT
grep -qF -- "$MOLVT_KM" page.html && fail "/org/MOLVT in English shows the Khmer name"
page km /
grep -qF -- "$PLAN_KM" page.html || fail "the dashboard in Khmer lacks the plan's Khmer title"
# The JSON API gives the Khmer beside the English.
curl -s -o api.json "$BASE/api/activity/1.1"
python3 -c 'import json, sys
d = json.load(open("api.json", encoding="utf-8"))
sys.exit(d.get("text_km") != sys.argv[1] or not d["text"].startswith("Study"))' "$ACT_KM" ||
    fail "/api/activity/1.1 lacks text_km: $(head -c 300 api.json)"
# The administrator writes an organisation's Khmer name on the form; a
# correction that leaves it empty keeps it.
login admin
code=$(post admin /admin/org acronym=ILO "name=International Labour Organization" \
    "name_km=អង្គការពលកម្មអន្តរជាតិ" kind=un_agency)
[ "$code" = 303 ] || fail "saving ILO's Khmer name answered $code: $(cat post.body)"
code=$(post admin /admin/org acronym=MOLVT name= name_km= kind=government)
[ "$code" = 303 ] || fail "correcting MOLVT answered $code: $(cat post.body)"
page km /org/ILO
grep -qF -- "អង្គការពលកម្មអន្តរជាតិ" page.html || fail "/org/ILO in Khmer lacks the name written on the form"
page km /org/MOLVT
grep -qF -- "$MOLVT_KM" page.html || fail "a correction without a Khmer name erased MOLVT's"
stop_server

finish
