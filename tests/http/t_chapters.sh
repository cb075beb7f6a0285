# The review's chapters in the web application (docs/chapters.md): the
# round's page lists them for the M&E officer, with a download; each has
# an editor (help on the Markdown subset, English and Khmer texts, the
# version it showed); a save shows the text as the report will, the
# history says who changed what; a preview shows the text typed and saves
# nothing; a stale form is refused with 409, names
# who saved meanwhile and keeps the text typed; a reporter and a viewer
# are refused (403) and get no list; hostile text is escaped in the
# preview and the report, which shows the chapters in order; a published
# round offers no form and refuses a save (409).
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login officer
login officer2
login molvt
login viewer

# The round's page: the list, for editors only.
curl -s -b officer.jar "$BASE/round/2018" >round.html
grep -q '<section class="card" id="chapters"><h2>Chapters</h2>' round.html || fail "no chapters section"
grep -q '<a href="/round/2018/chapter/findings">Findings</a>' round.html ||
    fail "the list does not lead to the findings' editor"
grep -q '<caption>0 of the review&#39;s chapters are written</caption>\|<caption>0 of the review.s chapters are written</caption>' round.html ||
    fail "the list's caption: $(grep -o '<caption>[^<]*' round.html | head -3)"
curl -s -b viewer.jar "$BASE/round/2018" | grep -q 'id="chapters"' && fail "a viewer sees the chapters' list"
curl -s -b molvt.jar "$BASE/round/2018" | grep -q 'id="chapters"' && fail "a reporter sees the chapters' list"

# The editor: help, both texts, the version shown.
curl -s -b officer.jar "$BASE/round/2018/chapter/findings" >ed.html
grep -q '<form class="card entry" method="post" action="/round/2018/chapter/findings">' ed.html ||
    fail "no editor form"
grep -q '<textarea id="text" name="text"' ed.html || fail "no English text"
grep -q '<textarea id="text_km" name="text_km" lang="km"' ed.html || fail "no Khmer text"
grep -q 'How to write: a small part of Markdown' ed.html || fail "no help on the subset"
[ "$(version_of officer /round/2018/chapter/findings /round/2018/chapter/findings)" = 0 ] ||
    fail "a new chapter's version is not 0"
code=$(curl -s -o /dev/null -w '%{http_code}' -b officer.jar "$BASE/round/2018/chapter/annex")
[ "$code" = 404 ] || fail "an unknown chapter: $code"

# A preview shows the text typed as the report will, and saves nothing.
code=$(post officer /round/2018/chapter/findings version=0 action=preview 'text=A **draft**.' text_km=)
[ "$code" = 200 ] || fail "preview: $code"
grep -qF '<p>A <strong>draft</strong>.</p>' post.body || fail "the preview does not show the text typed"
grep -qF '>A **draft**.</textarea>' post.body || fail "the preview loses the text typed"
[ "$(db_sql d "SELECT count(*) FROM round_chapter")" = 0 ] || fail "a preview was saved"

# Saved, with hostile text: shown as text in the preview.
code=$(post officer /round/2018/chapter/findings version=0 \
    'text=Stakeholders had **significant awareness** of the LMP <script>alert(1)</script>.

- One [link](https://www.ilo.org)
- A [bad one](javascript:alert(2))' 'text_km=ការយល់ដឹង')
[ "$code" = 303 ] || fail "save: $code $(head -c 300 post.body)"
curl -s -b officer.jar "$BASE/round/2018/chapter/findings?saved=1" >saved.html
grep -q 'class="notice ok"' saved.html || fail "no word that it was saved"
grep -qF '<p>Stakeholders had <strong>significant awareness</strong> of the LMP &lt;script&gt;alert(1)&lt;/script&gt;.</p>' saved.html ||
    fail "the preview: $(grep -o 'Stakeholders.\{0,160\}' saved.html | tail -1)"
grep -qF '<li>One <a href="https://www.ilo.org">link</a></li>' saved.html || fail "the preview's link"
grep -qF '<li>A [bad one](javascript:alert(2))</li>' saved.html || fail "the bad link is not text"
grep -q '<script>\|href="javascript' saved.html && fail "the chapter's text became markup"
grep -qF '<div lang="km"><p>ការយល់ដឹង</p>' saved.html || fail "the Khmer preview"
grep -q 'Saved by officer on ' saved.html || fail "who saved it"
# The history: the creation, then the Khmer text's change by officer2.
v=$(version_of officer2 /round/2018/chapter/findings /round/2018/chapter/findings)
[ "$v" = 1 ] || fail "version after the first save: $v"
code=$(post officer2 /round/2018/chapter/findings version=1 \
    'text=Stakeholders had **significant awareness** of the LMP.' 'text_km=ការយល់ដឹងច្រើន')
[ "$code" = 303 ] || fail "second save: $code"
curl -s -b officer.jar "$BASE/round/2018/chapter/findings?table=history&format=csv" | tr -d '\r' >hist.csv
head -1 hist.csv | grep -q '^When,Who,What,Old,New$' || fail "history header: $(head -1 hist.csv)"
grep -q ",officer2,Chapter 'Findings': Khmer text,ការយល់ដឹង,ការយល់ដឹងច្រើន$" hist.csv ||
    fail "the history lacks the Khmer change: $(cat hist.csv)"
grep -q ",officer,Chapter 'Findings': written," hist.csv || fail "the history lacks the creation: $(cat hist.csv)"

# A stale form (version 1, saved since as 2): 409, who and when, the text
# kept, the form now at the stored version.
code=$(post officer /round/2018/chapter/findings version=1 'text=My other findings' text_km=)
[ "$code" = 409 ] || fail "a stale save answered $code"
grep -q "chapter &#39;Findings&#39; of round 2018 was saved by officer2 on \|chapter 'Findings' of round 2018 was saved by officer2 on " post.body ||
    fail "the conflict does not name who saved: $(grep -o 'notice error[^<]*' post.body)"
grep -q '>My other findings</textarea>' post.body || fail "the typed text is lost"
grep -q 'name="version" value="2"' post.body || fail "the form is not at the stored version"
[ "$(db_sql d "SELECT text FROM round_chapter WHERE kind = 'findings'")" = \
  "Stakeholders had **significant awareness** of the LMP." ] || fail "a stale save overwrote the chapter"
# A text outside the subset's limits: 400, the line named.
code=$(post officer /round/2018/chapter/findings version=2 "$(printf 'text=ok\n\nbad \001')")
[ "$code" = 400 ] || fail "a control character answered $code"
grep -q 'line 3, column 5: a control character' post.body || fail "the refusal does not name the line"

# Refused: a reporter, a viewer (the router), nothing written.
code=$(post molvt /round/2018/chapter/introduction version=0 'text=Mine')
[ "$code" = 403 ] || fail "a reporter's save answered $code"
code=$(post viewer /round/2018/chapter/introduction version=0 'text=Mine')
[ "$code" = 403 ] || fail "a viewer's save answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -b molvt.jar "$BASE/round/2018/chapter/introduction")
[ "$code" = 403 ] || fail "a reporter's editor answered $code"
[ "$(db_sql d "SELECT count(*) FROM round_chapter WHERE kind = 'introduction'")" = 0 ] ||
    fail "a refused save was written"

# The report: chapters at their places, escaped.
code=$(post officer /round/2018/chapter/introduction version=0 'text=This review updates the progress.')
[ "$code" = 303 ] || fail "introduction: $code"
code=$(post officer /round/2018/chapter/challenges version=0 'text=Donor *dependence*.')
[ "$code" = 303 ] || fail "challenges: $code"
curl -s -b viewer.jar "$BASE/round/2018/report" >report.html
python3 -c 'import sys
s = open("report.html", encoding="utf-8").read()
at = -1
for t in ("id=\"chapter-introduction\"", "class=\"method\"", "id=\"chapter-findings\"",
          "id=\"status\"", "id=\"chapter-challenges\"", "id=\"annex\""):
    i = s.find(t)
    assert i > at, (t, i, at)
    at = i' || fail "the report's chapters are not in order"
grep -qF 'Donor <em>dependence</em>.' report.html || fail "italic in the report"
# The round's list says what is written.
curl -s -b officer.jar "$BASE/round/2018?table=chapters&format=csv" | tr -d '\r' >chapters.csv
head -1 chapters.csv | grep -q '^Chapter,Where in the report,English text,Khmer text,Last saved,By$' ||
    fail "the list's header: $(head -1 chapters.csv)"
grep -q '^Findings,Before Figure 1,7 words,1 word,.*,officer2$' chapters.csv ||
    fail "the list's findings: $(grep '^Findings' chapters.csv)"

# Published: no form, and a save is refused.
"$LMPMON" --db "$(db d)" round close 2018 --yes >/dev/null 2>&1
"$LMPMON" --db "$(db d)" round publish 2018 --yes >/dev/null 2>&1
curl -s -b officer.jar "$BASE/round/2018/chapter/findings" >pub.html
grep -q 'action="/round/2018/chapter/findings"' pub.html && fail "a published round's chapter offers a form"
grep -q 'is published and locked: its chapters change only after' pub.html || fail "no word why"
code=$(post officer /round/2018/chapter/findings version=2 'text=Late')
[ "$code" = 409 ] || fail "a published round's save answered $code"
finish
