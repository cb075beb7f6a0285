# The sample's July–September 2019 briefing (data/cambodia-lmp-2015-2018/
# NOTES.md): what lmpmon gives back for it — every statistics figure with
# its split by sex, source and reference month, every count of people
# "(W27: M16)", every amount, every article, every upcoming event's date —
# is found in the seed's own text, and nothing of the seed's figures is
# missing from lmpmon.  The numbers come from the seed, never from this
# script: a figure mistyped in the sample fails here.
. "$(dirname "$0")/lib.sh"

seed=${LMPMON_SEEDS:-$SRC/../shared/seeds}/002_24000979c6d65a07.txt
if [ ! -r "$seed" ]; then
    echo "SKIP: the seed briefing is not at $seed (set LMPMON_SEEDS)"
    finish
    exit 0
fi

run --db "$(db s)" init --sample cambodia-lmp-2015-2018
expect_status 0
"$LMPMON" --db "$(db s)" stats export --out stats.csv || fail "stats export"
"$LMPMON" --db "$(db s)" outreach export --out outreach.csv || fail "outreach export"
"$LMPMON" --db "$(db s)" media export --out media.csv || fail "media export"
COLUMNS=200 "$LMPMON" --db "$(db s)" stats list >stats.txt || fail "stats list"
COLUMNS=200 "$LMPMON" --db "$(db s)" outreach list --quarter 2019Q3 >q3.txt || fail "outreach list"

python3 - "$seed" >check.txt 2>&1 <<'PY' || fail "figures not in the seed:
$(cat check.txt)"
import csv, re, sys

seed = open(sys.argv[1], encoding="utf-8").read()
# The seed is a PDF's text: words split over lines and runs of spaces.
# Compared without any white space, as one string.
flat = re.sub(r"\s+", "", seed)
months = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
bad = []

def n(v):  # 311290 -> "311,290", as the seed prints numbers
    return "{:,}".format(int(float(v)))

def rows(name):
    with open(name, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))

# Statistics: each figure (women, men, total of one destination, channel,
# period and source) is "TOTAL ... (Women= W / Men= M)" in the seed, its
# source is printed, and so is its month "(May 2018)" / "(August, 2019)".
figs = {}
for r in rows("stats.csv"):
    key = (r["destination"], r["channel"], r["period"], r["source"])
    figs.setdefault(key, {})[r["sex"]] = r["value"]
seen_totals = set()
for (dest, channel, period, source), v in figs.items():
    t, w, m = v.get("total"), v.get("women"), v.get("men")
    pat = re.escape(n(t)) + r"[^()]{0,70}\(Women=" + re.escape(n(w)) + \
        "/Men=" + re.escape(n(m)) + r"\)"
    if not re.search(pat, flat):
        bad.append("figure %s %s: %s (W %s / M %s)" % (dest, channel, t, w, m))
    if re.sub(r"\s+", "", source) not in flat:
        bad.append("source '%s'" % source)
    y, mo = period.split("-")
    if not re.search(r"\(" + months[int(mo) - 1] + ",?" + y + r"\)", flat):
        bad.append("reference month %s of %s %s" % (period, dest, channel))
    seen_totals.add(n(t))
# And the other way: every "(Women= W / Men= M)" of the seed is in lmpmon.
for total in re.findall(r"([\d,]+)[^()\d]{0,70}\(Women=[\d,]+/Men=[\d,]+\)", flat):
    if total not in seen_totals:
        bad.append("the seed's figure %s is not in the sample" % total)

# Events: counts by sex as the seed prints them, "(W27: M16)"; a total
# with women only as "TOTAL ... (including WOMEN"; a total alone as
# itself; amounts after a "$".
seen_splits = set()
for r in rows("outreach.csv"):
    w, m, t = r["women"], r["men"], r["total"]
    if w and m:
        split = "(W%s:M%s)" % (w, m)
        seen_splits.add(split)
        if split not in flat:
            bad.append("event '%s': %s" % (r["title"], split))
    elif w:
        if not re.search(re.escape(n(t)) + r"[^()]{0,40}\(including" + re.escape(n(w)), flat):
            bad.append("event '%s': %s including %s women" % (r["title"], t, w))
    elif t and n(t) not in flat:
        bad.append("event '%s': total %s" % (r["title"], t))
    for col in ("requested", "ordered"):
        if r[col] and not re.search(r"\$" + re.escape(n(r[col])) + r"(?!\d)", flat):
            bad.append("event '%s': %s %s" % (r["title"], col, r[col]))
    if r["status"] == "planned":
        y, mo, d = r["date"].split("-")
        when = str(int(d))
        if r["date_to"]:
            when += "-" + str(int(r["date_to"].split("-")[2]))
        if when + months[int(mo) - 1] not in flat:
            bad.append("upcoming event '%s' on %s" % (r["title"], when))
for split in re.findall(r"\(W\d+:M\d+\)", flat):
    if split not in seen_splits:
        bad.append("the seed's %s is not in the sample" % split)

# Media: every title, outlet and link, and the day of each.
for r in rows("media.csv"):
    for col in ("title", "outlet", "link"):
        if re.sub(r"\s+", "", r[col]) not in flat:
            bad.append("article %s: %s" % (col, r[col]))
    y, mo, d = r["date"].split("-")
    if str(int(d)) + months[int(mo) - 1] not in flat:
        bad.append("article date %s" % r["date"])

print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# What people read says it the seed's way.
grep -q "43 (W27: M16)" q3.txt || fail "the training's count is not shown as the seed prints it"
grep -q "Republic of Korea" stats.txt || fail "Korea is not shown by its name"
[ "$(grep -c "Stock" stats.txt)" = 24 ] || fail "not 24 figures in the list"
finish
