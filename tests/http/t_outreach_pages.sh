# /outreach and /statistics: the public reads the briefing's events,
# upcoming events, media and migration statistics, each table downloadable;
# a reporter records an event of its own organisation and is refused (403)
# one of another; a total that is not women + men is refused naming the
# field, the form shown again with what was typed; a form saved after
# someone else's change is refused (409); the M&E officer records a
# statistics figure, whose sums are checked; deletes are audited.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)" --public
login molvt
login ilo
login officer
login viewer

# ---- the public reads -------------------------------------------------
code=$(curl -s -o pub.html -w '%{http_code}' "$BASE/outreach?period=2019Q3")
[ "$code" = 200 ] || fail "the public's /outreach answered $code"
grep -qF 'Joint ILO and UN Women training session on gender and statistics' pub.html ||
    fail "the quarter's training is not listed"
grep -qF '12 September 2019 – 13 September 2019' pub.html || fail "the training's days are not in words"
grep -qF '<td>Training</td>' pub.html || fail "the kind is not in words"
grep -qF '<td class="n">27</td><td class="n">16</td><td class="n">43</td>' pub.html ||
    fail "the training's women, men and total are not shown"
# Partner results began in 2017: not in 2019Q3's list, whose totals row
# adds the quarter's events only (11 + 27 women, 39 + 16 men; the forum's
# total computed as 50).
grep -qF 'Dispute resolutions overseen by LSCW' pub.html && fail "an event of 2017 is in 2019Q3"
grep -qF '<td>Total</td><td></td><td></td><td></td><td></td><td></td><td class="n">38</td><td class="n">55</td><td class="n">93</td>' pub.html ||
    fail "the totals row is wrong: $(grep -o '<td>Total</td>.\{0,200\}' pub.html)"
grep -q 'href="/outreach/[0-9]' pub.html && fail "the public is offered the event forms"
grep -qF 'Record an event' pub.html && fail "the public is offered to record an event"
# Upcoming events and media are their own tables (the next quarter's).
curl -s "$BASE/outreach?period=2019Q4" >q4.html
grep -qF 'Meeting to finalize the Code of Conduct' q4.html || fail "an upcoming event is not listed"
grep -qF 'Study visit from Lao PDR to MRCs' q4.html || fail "the study visit is not listed"
grep -qF 'Phnom Penh, Prey Veng, Kampong Cham' q4.html || fail "the places are not named"
# Filters: by kind, organisation and province.
curl -s "$BASE/outreach?kind=counselling&province=KH-14" >pv.html
grep -qF 'MRC Prey Veng: labour migration counselling' pv.html || fail "Prey Veng's counselling is not listed"
grep -qF 'MRC Kampong Cham' pv.html && fail "the province filter keeps Kampong Cham"
curl -s "$BASE/outreach?org=LSCW" >lscw.html
grep -qF 'Dispute resolutions overseen by LSCW' lscw.html || fail "LSCW's result is not listed"
grep -qF 'Joint ILO and UN Women training' lscw.html && fail "the organisation filter keeps ILO's"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/outreach?period=Q3-2019")
[ "$code" = 400 ] || fail "a malformed period answered $code"
# Downloads parse and hold the page's rows.
for t in events upcoming media; do
    curl -s -D h.txt -o "$t.csv" "$BASE/outreach?period=2019Q3&table=$t&format=csv"
    grep -qi "filename=\"outreach-$t.csv\"" h.txt || fail "$t is not a CSV download"
    curl -s -o "$t.xlsx" "$BASE/outreach?period=2019Q3&table=$t&format=xlsx"
done
python3 - <<'PY' || fail "the downloads do not hold the page's rows"
import csv, zipfile, sys
rows = list(csv.reader(open("events.csv", encoding="utf-8-sig")))
assert rows[0][:3] == ["Date", "Title", "Kind"], rows[0]
tr = [r for r in rows if r[1].startswith("Joint ILO")][0]
assert tr[6:9] == ["27", "16", "43"], tr
assert rows[-1][0] == "Total" and rows[-1][6:9] == ["38", "55", "93"], rows[-1]
media = list(csv.reader(open("media.csv", encoding="utf-8-sig")))
assert len(media) > 1, media
for f in ("events.xlsx", "media.xlsx"):
    zipfile.ZipFile(f).read("xl/worksheets/sheet1.xml")
PY
code=$(curl -s -o stats.html -w '%{http_code}' "$BASE/statistics")
[ "$code" = 200 ] || fail "the public's /statistics answered $code"
grep -qF '<td class="n">129680</td><td class="n">181610</td><td class="n">311290</td>' stats.html ||
    fail "the MOU stock in Thailand is not one row of women, men and total"
grep -qF '>Thailand<' stats.html || fail "the destination is not named"
curl -s -o stats.csv "$BASE/statistics?format=csv"
python3 - <<'PY' || fail "the statistics download does not parse"
import csv
rows = list(csv.reader(open("stats.csv", encoding="utf-8-sig")))
assert rows[0][:4] == ["Measure", "Destination", "Channel", "Reference date"], rows[0]
assert any(r[1] == "Thailand" and r[6] == "311290" for r in rows), rows
PY
# The navigation and the briefing lead there.
grep -qF '<a href="/outreach">' pub.html || fail "the navigation has no link to /outreach"
grep -qF '<a href="/statistics">' pub.html || fail "the navigation has no link to /statistics"
curl -s -b officer.jar "$BASE/briefing?quarter=2019Q3" | grep -qF 'href="/outreach?period=2019Q3"' ||
    fail "the briefing does not lead to the quarter's events"
curl -s -b officer.jar "$BASE/briefing" | grep -qF 'href="/outreach"' ||
    fail "the briefing's form does not lead to the events"

# ---- a reporter records its own organisation's events ------------------
code=$(curl -s -b molvt.jar -o new.html -w '%{http_code}' "$BASE/outreach/new")
[ "$code" = 200 ] || fail "the reporter's form answered $code"
grep -qF '<option value="MOLVT" selected' new.html || fail "the reporter's organisation is not preselected"
code=$(post molvt /outreach date=2019-08-20 "title=Pre-departure orientation" kind=training \
    status=held "places=prey veng" org=MOLVT activities=4.8 women=12 men=9 total=21 notes=first)
[ "$code" = 303 ] || fail "the reporter's event answered $code: $(head -c 300 post.body)"
[ "$(db_sql d "SELECT women, men, total FROM outreach WHERE title = 'Pre-departure orientation'")" = "12|9|21" ] ||
    fail "the event is not stored"
[ "$(db_sql d "SELECT p.code FROM outreach_place p JOIN outreach o ON o.id = p.outreach_id WHERE o.title = 'Pre-departure orientation'")" = KH-14 ] ||
    fail "the place typed is not stored by its code"
curl -s -b molvt.jar "$BASE/outreach?period=2019Q3" >mine.html
grep -qF 'Pre-departure orientation' mine.html || fail "the reporter's event is not listed"
grep -qF 'href="/activity/4.8?plan=cambodia-lmp-2015-2018">4.8</a>' mine.html ||
    fail "the linked activity is not a link"
id=$(db_sql d "SELECT id FROM outreach WHERE title = 'Pre-departure orientation'")
grep -qF "href=\"/outreach/$id\"" mine.html || fail "the reporter cannot open its own event"
# Another organisation's event: refused, nothing written.
code=$(post molvt /outreach date=2019-08-21 "title=Not ours" kind=meeting status=held org=ILO total=5)
[ "$code" = 403 ] || fail "another organisation's event answered $code"
grep -qF 'records only events MOLVT held or took part in' post.body || fail "the refusal does not say why"
[ "$(db_sql d "SELECT count(*) FROM outreach WHERE title = 'Not ours'")" = 0 ] || fail "the refused event was stored"
ilo_id=$(db_sql d "SELECT id FROM outreach WHERE title LIKE 'Joint ILO%'")
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' "$BASE/outreach/$ilo_id")
[ "$code" = 403 ] || fail "the reporter opened ILO's event: $code"
v=$(version_of ilo "/outreach/$ilo_id" "/outreach/$ilo_id")
code=$(post molvt "/outreach/$ilo_id" date=2019-09-12 "title=Taken over" kind=training status=held org=MOLVT \
    total=1 "version=$v")
[ "$code" = 403 ] || fail "the reporter changed ILO's event into its own: $code"
code=$(post molvt "/outreach/$ilo_id/delete" "version=$v")
[ "$code" = 403 ] || fail "the reporter deleted ILO's event: $code"

# ---- a total that is not women + men ------------------------------------
code=$(post molvt /outreach date=2019-08-22 "title=Village meeting" kind=meeting status=held org=MOLVT \
    women=10 men=5 total=20 "notes=kept when refused")
[ "$code" = 400 ] || fail "a wrong total answered $code"
grep -qF 'total: 20 is not women + men (10 + 5 = 15)' post.body || fail "the refusal does not name the total"
grep -qF 'value="Village meeting"' post.body || fail "the title typed is lost"
grep -qF 'kept when refused</textarea>' post.body || fail "the notes typed are lost"
# With a count of unknown sex, it holds.
code=$(post molvt /outreach date=2019-08-22 "title=Village meeting" kind=meeting status=held org=MOLVT \
    women=10 men=5 unknown=5 total=20)
[ "$code" = 303 ] || fail "a total explained by unknown sex answered $code: $(head -c 300 post.body)"
# An unknown place is refused with the closest names.
code=$(post molvt /outreach date=2019-08-23 "title=Somewhere" kind=meeting status=held org=MOLVT \
    "places=Prey Vengg" total=3)
[ "$code" = 400 ] || fail "an unknown place answered $code"
grep -q 'places: .*Prey Veng' post.body || fail "the unknown place's refusal does not suggest Prey Veng"

# ---- a stale form ------------------------------------------------------
v=$(version_of molvt "/outreach/$id" "/outreach/$id")
[ -n "$v" ] || fail "the event's form has no version"
code=$(post officer "/outreach/$id" date=2019-08-20 "title=Pre-departure orientation" kind=training \
    status=held "places=Prey Veng" org=MOLVT activities=4.8 women=13 men=9 total=22 "version=$v")
[ "$code" = 303 ] || fail "the officer's change answered $code: $(head -c 300 post.body)"
code=$(post molvt "/outreach/$id" date=2019-08-20 "title=Pre-departure orientation" kind=training \
    status=held org=MOLVT women=1 men=1 total=2 "version=$v")
[ "$code" = 409 ] || fail "a stale form answered $code"
grep -qF 'was changed by someone else' post.body || fail "the stale form is not told why"
[ "$(db_sql d "SELECT women FROM outreach WHERE id = $id")" = 13 ] || fail "the stale form overwrote the change"
code=$(post molvt "/outreach/$id/delete" "version=$v")
[ "$code" = 409 ] || fail "a stale delete answered $code"
# A change of title keeps one event; a delete at the current version goes.
v=$(version_of molvt "/outreach/$id" "/outreach/$id")
code=$(post molvt "/outreach/$id" date=2019-08-20 "title=Pre-departure orientation (Prey Veng)" \
    kind=training status=held org=MOLVT women=13 men=9 total=22 "version=$v")
[ "$code" = 303 ] || fail "a new title answered $code: $(head -c 300 post.body)"
[ "$(db_sql d "SELECT count(*) FROM outreach WHERE title LIKE 'Pre-departure orientation%'")" = 1 ] ||
    fail "a new title left two events"
id=$(db_sql d "SELECT id FROM outreach WHERE title = 'Pre-departure orientation (Prey Veng)'")
v=$(version_of molvt "/outreach/$id" "/outreach/$id")
code=$(post molvt "/outreach/$id/delete" "version=$v")
[ "$code" = 303 ] || fail "the delete answered $code"
[ "$(db_sql d "SELECT count(*) FROM outreach WHERE id = $id")" = 0 ] || fail "the event is still there"
db_sql d "SELECT action, key FROM audit WHERE entity = 'outreach' ORDER BY id" >audit.txt
grep -q 'delete.*Pre-departure orientation (Prey Veng)' audit.txt || fail "the delete is not audited: $(tail -3 audit.txt)"

# ---- the officer records a statistics figure ---------------------------
code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/statistics/new")
[ "$code" = 403 ] || fail "the viewer's statistics form answered $code"
code=$(post molvt /statistics measure=stock destination=Malaysia channel=other period=2019-06 \
    source=MOFA total=100)
[ "$code" = 403 ] || fail "a reporter's figure answered $code"
code=$(post officer /statistics measure=stock "destination=Saudi Arabia" channel=mou period=2019-06 \
    "source=EPS Center" women=10 men=20 total=31)
[ "$code" = 400 ] || fail "a figure that does not add up answered $code"
grep -qF 'total 31 is not women + men (10 + 20 = 30)' post.body || fail "the sums' refusal is not shown"
grep -qF 'value="EPS Center"' post.body || fail "the source typed is lost"
code=$(post officer /statistics measure=stock "destination=Saudi Arabia" channel=mou period=2019-06 \
    "source=EPS Center" women=10 men=20 total=30)
[ "$code" = 303 ] || fail "the officer's figure answered $code: $(head -c 300 post.body)"
[ "$(db_sql d "SELECT sex, value FROM stat_obs WHERE destination = 'SA' ORDER BY sex")" = "men|20
total|30
women|10" ] || fail "the figure is not stored by sex"
curl -s "$BASE/statistics" | grep -qF '<td class="n">10</td><td class="n">20</td><td class="n">30</td>' ||
    fail "the new figure is not listed"
code=$(post officer /statistics measure=stock "destination=Saudi Arabia" channel=mou period=2019-06 \
    "source=EPS Center" total=30)
[ "$code" = 409 ] || fail "recording the same figure again answered $code"
kid=$(db_sql d "SELECT id FROM stat_obs WHERE destination = 'SA' AND sex = 'total'")
code=$(curl -s -b officer.jar -o fig.html -w '%{http_code}' "$BASE/statistics/$kid")
[ "$code" = 200 ] || fail "the figure's form answered $code"
vw=$(sed -n 's/.*name="v_women" value="\([0-9]*\)".*/\1/p' fig.html)
vm=$(sed -n 's/.*name="v_men" value="\([0-9]*\)".*/\1/p' fig.html)
vt=$(sed -n 's/.*name="v_total" value="\([0-9]*\)".*/\1/p' fig.html)
code=$(post officer "/statistics/$kid" measure=stock destination=SA channel=mou period=2019-06 \
    "source=EPS Center" women=11 men=20 total=31 "v_women=$vw" "v_men=$vm" "v_total=$vt")
[ "$code" = 303 ] || fail "the figure's change answered $code: $(head -c 300 post.body)"
code=$(post officer "/statistics/$kid" measure=stock destination=SA channel=mou period=2019-06 \
    "source=EPS Center" women=12 men=20 total=32 "v_women=$vw" "v_men=$vm" "v_total=$vt")
[ "$code" = 409 ] || fail "a stale figure form answered $code"
[ "$(db_sql d "SELECT value FROM stat_obs WHERE id = $kid")" = 31 ] || fail "the stale figure form overwrote"
v=$(version_of officer "/statistics/$kid" "/statistics/$kid/delete")
code=$(post officer "/statistics/$kid/delete" "version=$v")
[ "$code" = 303 ] || fail "the figure's delete answered $code"
[ "$(db_sql d "SELECT count(*) FROM stat_obs WHERE destination = 'SA'")" = 0 ] || fail "the figure is still there"

# ---- media ---------------------------------------------------------------
code=$(post officer /media date=2019-09-30 "title=Migrants return home" outlet=Kiripost link=ftp://x)
[ "$code" = 400 ] || fail "a link that is no web address answered $code"
grep -qF 'link: ' post.body || fail "the link's refusal does not name it"
code=$(post officer /media date=2019-09-30 "title=Migrants return home" outlet=Kiripost \
    link=https://example.org/a)
[ "$code" = 303 ] || fail "the officer's article answered $code: $(head -c 300 post.body)"
curl -s "$BASE/outreach?period=2019Q3" | grep -qF 'Migrants return home' || fail "the article is not listed"
code=$(post molvt /media date=2019-09-30 "title=Reporter news" outlet=X)
[ "$code" = 403 ] || fail "a reporter's article answered $code"

finish
