# lmpmon report briefing --quarter Q: the quarterly programme briefing.
# On the shipped sample, the 2019Q3 briefing prints the seed briefing's
# figures (shared/seeds/002): every figure the report prints is found in
# the seed's own text, and every figure of the seed is in the report.  The
# numbers come from the seed and from lmpmon's own exports, never from this
# script.  Also: an empty quarter says so, a malformed quarter is refused
# naming it, --org keeps what the organisation took part in, the
# complaints register counts the cases resolved in the quarter, every
# format parses, and the PDF holds the briefing's figures.
. "$(dirname "$0")/lib.sh"

run --db "$(db s)" init --sample cambodia-lmp-2015-2018
expect_status 0

# ---- every format parses ----------------------------------------------------
for f in md csv json html; do
    run --db "$(db s)" report briefing --quarter 2019Q3 --format "$f"
    expect_status 0
    cp out.txt "q3.$f"
done
python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' \
    q3.json || fail "the JSON does not parse"
python3 - q3.csv q3.json <<'PY' || fail "the CSV does not parse or differs from the JSON"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
j = json.load(open(sys.argv[2], encoding="utf-8"))
for sec in ("activities", "partner_results", "complaints_register",
            "at_a_glance", "upcoming", "media"):
    n = sum(1 for r in rows if r["section"] == sec)
    if n != len(j[sec]):
        sys.exit("section %s: %d CSV rows, %d in the JSON" % (sec, n, len(j[sec])))
    for r, o in zip([r for r in rows if r["section"] == sec], j[sec]):
        for k, v in o.items():
            if str(r[k]) != str(v) and not (k in ("requested", "ordered", "paid")
                                            and float(r[k]) == v):
                sys.exit("section %s, %s: CSV %r, JSON %r" % (sec, k, r[k], v))
PY
# Well formed as XML (every element closed), and as HTML apart from the
# HTML5 elements libxml2's HTML 4 parser does not know.
xmllint --noout q3.html 2>xmllint.txt || fail "the HTML is not well formed: $(head -5 xmllint.txt)"
xmllint --html --noout q3.html 2>&1 | grep 'error' | grep -Ev 'Tag (header|section) invalid' >xmllint.txt
[ ! -s xmllint.txt ] || fail "xmllint --html: $(head -5 xmllint.txt)"
run --db "$(db s)" report briefing --quarter 2019Q3 --out b.html
expect_status 0
cmp -s b.html q3.html || fail "--out b.html is not the HTML briefing"

# The same quarter written the other way.
run --db "$(db s)" report briefing --quarter 2019-Q3 --format md
cmp -s out.txt q3.md || fail "2019-Q3 is not the same briefing as 2019Q3"

# ---- the seed's figures -------------------------------------------------------
seed=${LMPMON_SEEDS:-$SRC/../shared/seeds}/002_24000979c6d65a07.txt
if [ ! -r "$seed" ]; then
    echo "SKIP: the seed briefing is not at $seed (set LMPMON_SEEDS)"
else
    python3 - "$seed" q3.md >check.txt 2>&1 <<'PY' || fail "the briefing and the seed differ:
$(cat check.txt)"
import re, sys

seed = open(sys.argv[1], encoding="utf-8").read()
md = open(sys.argv[2], encoding="utf-8").read()
# The seed is a PDF's text: compared without white space, dashes as '-'.
def flat(z):
    return re.sub(r"\s+", "", z).replace("\u2013", "-").replace("\u2019", "'")
fseed = flat(seed)
bad = []

# The report's tables: {section title: [{heading: cell}]}.
tables, title, head = {}, None, None
for line in md.splitlines():
    if line.startswith("## "):
        title, head = line[3:], None
        tables[title] = []
    elif line.startswith("|") and title:
        cells = [c.strip().replace("\\", "") for c in line.strip("|").split(" | ")]
        if head is None:
            head = cells
        elif not set(line) <= set("|-"):
            tables[title].append(dict(zip(head, cells)))
def section(prefix):
    for t, rows in tables.items():
        if t.startswith(prefix):
            return rows
    bad.append("no section '%s'" % prefix)
    return []

num = r"\d{1,3}(?:,\d{3})*"
def in_seed(n):  # a number of the seed, whole: "3,776" not inside "13,776"
    return re.search(r"(?<![\d,])" + re.escape(n) + r"(?![\d]|,\d)", fseed)

# People reached: "43 (W27: M16)" is "43 (W27: M16)" in the seed, or the
# split alone where the seed prints no total (the total is then the sum
# of the split, which the report adds); "11,182 (including 7,308 women)";
# a total alone.
printed = set()
for rows in (section("Main programme activities"), section("Partner results")):
    for r in rows:
        z = r["People reached"]
        if not z:
            continue
        m = re.fullmatch(r"(%s) \(W(%s): M(%s)\)" % (num, num, num), z)
        i = re.fullmatch(r"(%s) \(including (%s) women\)" % (num, num), z)
        if m:
            t, w, mm = m.groups()
            split = "(W%s:M%s)" % (w, mm)
            printed.add(split)
            if split not in fseed:
                bad.append("%s: %s is not in the seed" % (r.get("Activity") or r["Result"], split))
            elif flat(t) + split not in fseed and not (
                    re.search(r"(?<![\d,])" + re.escape(split), fseed) and
                    int(t.replace(",", "")) == int(w.replace(",", "")) + int(mm.replace(",", ""))):
                bad.append("total %s of %s" % (t, split))
        elif i:
            t, w = i.groups()
            printed.add("including" + w)
            if not re.search(re.escape(t) + r"[^()]{0,40}\(including" + re.escape(w), fseed):
                bad.append("%s including %s women is not in the seed" % (t, w))
        elif re.fullmatch(num, z):
            printed.add(z)
            if not in_seed(z):
                bad.append("%s is not in the seed" % z)
        else:
            bad.append("people reached written unlike the seed: %r" % z)
    for r in rows:
        for a in re.findall(num, r.get("Compensation", "")):
            printed.add("$" + a)
            if not re.search(r"\$" + re.escape(a) + r"(?![\d]|,\d)", fseed):
                bad.append("amount %s is not in the seed" % a)

# When: "30 July" is "On 30 July", "12–13 September" "From 12 to 13
# September", "July" "In July", "April 2017 – July 2019" as printed.
def when_in_seed(z):
    f = flat(z)
    m = re.fullmatch(r"(\d+)-(\d+)(\w+)", f)
    alt = m and (m.group(1) + "to" + m.group(2) + m.group(3))
    return f in fseed or (alt and alt in fseed)
for t in ("Main programme activities", "Upcoming", "Media"):
    for r in section(t):
        if not when_in_seed(r["Date"]):
            bad.append("%s: date %s is not in the seed" % (t, r["Date"]))
for r in section("Partner results"):
    if "(" + flat(r["Period"]) + ")" not in fseed:
        bad.append("partner results' period %s is not in the seed" % r["Period"])

# At a glance: "311,290 (Women = 129,680 / Men = 181,610)", its source and
# its month, as the seed prints them.
glance_totals = set()
months = "January February March April May June July August September October November December".split()
for r in section("At a glance"):
    m = re.fullmatch(r"(%s) \(Women = (%s) / Men = (%s)\)" % (num, num, num), r["Figure"])
    if not m:
        bad.append("figure written unlike the seed: %r" % r["Figure"])
        continue
    t, w, mm = m.groups()
    glance_totals.add(t)
    if not re.search(re.escape(t) + r"[^()]{0,70}\(Women=" + re.escape(w) +
                     "/Men=" + re.escape(mm) + r"\)", fseed):
        bad.append("figure %s of %s is not in the seed" % (r["Figure"], r["Destination"]))
    if flat(r["Source"]) not in fseed:
        bad.append("source %r" % r["Source"])
    mo, y = r["Reference date"].split()
    if not re.search(r"\(" + mo + ",?" + y + r"\)", fseed):
        bad.append("reference date %s of %s" % (r["Reference date"], r["Destination"]))
    if flat(r["Destination"]) not in fseed:
        bad.append("destination %s" % r["Destination"])

# Media: titles, outlets and links as printed.
for r in section("Media"):
    for col in ("Title", "Media source", "Link"):
        if flat(r[col]) not in fseed:
            bad.append("article %s %r" % (col, r[col]))

# And the other way: every figure of the seed is in the report.
fmd = flat(md)
for split in re.findall(r"\(W\d+:M\d+\)", fseed):
    if split not in printed:
        bad.append("the seed's %s is not in the report" % split)
for t in re.findall(r"(%s)[^()\d]{0,70}\(Women=[\d,]+/Men=[\d,]+\)" % num, fseed):
    if t not in glance_totals:
        bad.append("the seed's figure %s is not at a glance" % t)
for a in re.findall(r"\$(%s)" % num, fseed):
    if "$" + a not in printed:
        bad.append("the seed's amount %s is not in the report" % a)
for w in re.findall(r"\(including(%s)" % num, fseed):
    if "including" + w not in printed:
        bad.append("the seed's 'including %s' is not in the report" % w)
# Every number of the partners' highlights, printed as a token.
hl = seed[seed.index("Highlights include"):seed.index("Upcoming activities")]
tokens = set(re.findall(r"(?<![\w,])\d[\d,]*\d|(?<![\w,])\d", md))
for n in re.findall(r"(?<![\w,])\d[\d,]*\d|(?<![\w,])\d", hl):
    if n not in tokens:
        bad.append("the highlights' %s is not in the report" % n)
# The dates of the upcoming events and of the articles.
up = seed[seed.index("Upcoming activities and key dates"):]
dates = [flat(r["Date"]) for t in ("Upcoming", "Media") for r in section(t)]
for d in re.findall(r"(\d+(?:-\d+)?)\s*\n?\s*(October|November|December|August|September)\s", up):
    if d[0] + d[1] not in dates:
        bad.append("the seed's date %s %s is not in the report" % d)
for d in re.findall(r"(?:On|From)\s+(\d+)(?:\s+to\s+\d+)?\s+(July|August|September)", seed):
    if not any(x.startswith(d[0]) and x.endswith(d[1]) for x in
               (flat(r["Date"]) for r in section("Main programme activities"))):
        bad.append("the seed's activity of %s %s is not in the report" % d)
if "InJuly" in fseed and "July" not in [r["Date"] for r in section("Main programme activities")]:
    bad.append("the seed's activity of July is not in the report")

print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
fi

# ---- an empty quarter, a bad quarter -------------------------------------------
run --db "$(db s)" report briefing --quarter 2015Q1 --format md
expect_status 0
expect_out "Nothing is recorded for this quarter"
run --db "$(db s)" report briefing --quarter 2015Q1 --format json
python3 -c 'import json,sys; j=json.load(open("out.txt")); sys.exit(0 if j["empty"] and not j["activities"] else 1)' ||
    fail "the empty quarter's JSON is not empty"
for q in 2019Q5 2019-3 19Q3 2019Q3x Q32019 ""; do
    run --db "$(db s)" report briefing --quarter "$q"
    expect_status 2
    expect_err "'$q' is not a quarter"
done
run --db "$(db s)" report briefing
expect_status 2
expect_err "which quarter?"

# ---- the PDF ---------------------------------------------------------------------
# Printed as the action plan is: the title, every section's heading, and
# every figure of the briefing's JSON (counts of people, stocks, amounts,
# titles of events and articles) in the PDF's text.
run --db "$(db s)" report briefing --quarter 2019Q3 --format pdf --out q3.pdf
expect_status 0
pdfinfo q3.pdf >info.txt 2>&1 || fail "the briefing PDF does not open: $(cat info.txt)"
grep -q '^Title:.*Quarterly briefing: July – September 2019' info.txt ||
    fail "the PDF's title: $(grep Title info.txt)"
pdftotext q3.pdf q3.txt || fail "pdftotext"
python3 - q3.json q3.txt <<'PY' || fail "the PDF lacks figures of the briefing:
$(cat out.txt)"
import json, re, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
flat = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
miss = []
def need(z):
    if re.sub(r"\s+", "", z) not in flat:
        miss.append(z)
for h in ("Main programme activities", "Partner results", "At a glance",
          "Upcoming activities (October – December 2019)", "Media coverage"):
    need(h)
for sec in ("activities", "partner_results", "complaints_register",
            "at_a_glance", "upcoming", "media"):
    for r in j[sec]:
        for k in ("women", "men", "total", "ordered", "requested"):
            if k in r:
                need("{:,}".format(int(r[k])))
        for k in ("title", "source", "outlet"):
            if k in r:
                need(r[k])
n = sum(len(j[s]) for s in ("activities", "partner_results", "at_a_glance",
                            "upcoming", "media"))
if n < 20:
    miss.append("only %d records: the sample's briefing is not there" % n)
print("\n".join(miss))
sys.exit(1 if miss else 0)
PY
# Headers repeat on the pages a table runs over: every page that holds a
# row of the statistics (their sources) has the table's heading row.
pages=$(sed -n 's/^Pages: *//p' info.txt)
n=0
for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" q3.pdf page.txt
    if grep -q 'Ministry of Labour' page.txt; then
        n=$((n + 1))
        grep -q 'Reference date' page.txt || fail "page $p holds statistics without the table's header"
    fi
done
[ "$n" -ge 2 ] || fail "the statistics no longer run over two pages ($n): this test needs a table that does"
run --db "$(db s)" report briefing --quarter 2015Q1 --format pdf --out empty.pdf
expect_status 0
pdftotext empty.pdf - | tr -s ' \n' ' ' | grep -q "Nothing is recorded for this quarter" ||
    fail "the empty quarter's PDF does not say so"

# ---- one organisation ----------------------------------------------------------
# With --org, the events are those of the full briefing that name it.
run --db "$(db s)" report briefing --quarter 2019Q3 --org "Legal Support for Children and Women" --format json
expect_status 0
cp out.txt org.json
python3 - q3.json org.json <<'PY' || fail "--org does not keep the organisation's events"
import json, sys
full, org = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:])
if org["organisation"] != "LSCW":
    sys.exit("organisation %r" % org["organisation"])
for sec in ("activities", "partner_results", "upcoming"):
    want = [e["title"] for e in full[sec]
            if "LSCW" in e.get("organisations", "").split("; ")]
    got = [e["title"] for e in org[sec]]
    if want != got:
        sys.exit("%s: %r, expected %r" % (sec, got, want))
if not org["partner_results"] or org["at_a_glance"] != full["at_a_glance"]:
    sys.exit("no partner result, or the statistics changed")
PY
run --db "$(db s)" report briefing --quarter 2019Q3 --org LSWC
expect_status 1
expect_err "no organisation 'LSWC'"
expect_err "LSCW"

# ---- the complaints register ---------------------------------------------------
# Cases resolved in the quarter count, by assisting organisation and sex,
# with their compensation; the expected counts are the file's, by python.
cat >cases.csv <<'EOF'
case_no,lodged_on,resolved_on,sex,assisting_org,compensation_requested,compensation_ordered,compensation_paid,stage
B-1,2019-05-02,2019-07-15,female,LSCW,1000,800,500,
B-2,2019-06-10,2019-09-30,male,LSCW,2000.50,1500,0,
B-3,2019-07-01,2019-08-01,female,MRC,300,300,300,
B-4,2019-07-03,2019-10-01,female,LSCW,100,100,0,
B-5,2019-01-03,2019-06-30,male,MRC,100,100,100,
B-6,2019-08-03,,female,LSCW,0,0,0,
B-7,2019-08-03,2019-09-03,unknown,LSCW,0,0,0,withdrawn
EOF
run --db "$(db s)" case import cases.csv
expect_status 0
run --db "$(db s)" report briefing --quarter 2019Q3 --format json
expect_status 0
python3 - cases.csv out.txt <<'PY' || fail "the complaints register's cases are not counted"
import csv, json, sys
from decimal import Decimal
want = {}
for r in csv.DictReader(open(sys.argv[1])):
    stage = r["stage"] or ("resolved" if r["resolved_on"] else "lodged")
    if stage != "resolved" or not ("2019-07-01" <= r["resolved_on"] <= "2019-09-30"):
        continue
    w = want.setdefault(r["assisting_org"], dict(total=0, women=0, men=0, unknown=0,
                                                  requested=Decimal(0), ordered=Decimal(0), paid=Decimal(0)))
    w["total"] += 1
    w[{"female": "women", "male": "men"}.get(r["sex"], "unknown")] += 1
    for k in ("requested", "ordered", "paid"):
        w[k] += Decimal(r["compensation_" + k])
got = {o["organisations"]: o for o in json.load(open(sys.argv[2]))["complaints_register"]}
if set(got) != set(want):
    sys.exit("organisations %r, expected %r" % (sorted(got), sorted(want)))
for org, w in want.items():
    for k, v in w.items():
        if Decimal(str(got[org].get(k, 0))) != v:
            sys.exit("%s %s: %r, expected %s" % (org, k, got[org].get(k), v))
PY
run --db "$(db s)" report briefing --quarter 2019Q3 --format md
expect_out "## Complaints register"
grep -q "^| LSCW | 2 | 1 | 1 | 0 |" out.txt || fail "the register's table: $(grep LSCW out.txt | head -3)"
finish
