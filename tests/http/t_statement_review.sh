# Statements are the unit of review (issue 11): the officer returns
# MOLVT's statement on 4.8 alone — NCCT's keeps its state and text and
# NCCT never reads MOLVT's comment, on any page or through the API; the
# thread keeps every comment with who and when; a resubmission is
# 'resubmitted' (the officer sees what changed) and is then accepted; an
# accept from a page read before a resubmission is a 409 that writes
# nothing and keeps the typed comment; the officer's dashboard lists what
# waits for review, oldest first; the activity's narrative is approved
# through the API, never while it keeps replaced text.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add ncct --role reporter --org NCCT >/dev/null ||
    fail "cannot add NCCT's reporter"
start_server "$(db d)"
for u in molvt ncct officer; do login "$u"; done

# stmt_version USER ORG: the version in ORG's statement form on 4.8.
stmt_version() {
    version_of "$1" /activity/4.8 "/activity/4.8/statement/$2/review"
}
# api_stmt USER ORG KEY: KEY of ORG's 2018 statement on 4.8, as USER reads
# the API (JSON), or "absent".
api_stmt() {
    curl -s -b "$1.jar" "$BASE/api/activity/4.8" >api.json
    python3 -c 'import json, sys
d = json.load(open("api.json"))
r = [a for a in d["assessments"] if a["round"] == "2018"][0]
s = [x for x in r["statements"] if x["org"] == sys.argv[1]]
print(json.dumps(s[0][sys.argv[2]]) if s else "absent")' "$2" "$3"
}

MOLVT1="MOLVT met border officials."
MOLVT2="MOLVT trained 120 border officials at four crossings."
NCCT1="NCCT funded the training materials."
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=progressing "text=$MOLVT1")
[ "$code" = 303 ] || fail "MOLVT's submission: $code"
code=$(post ncct /activity/4.8/statement round=2018 version=0 action=submit \
    rating=on_target "text=$NCCT1")
[ "$code" = 303 ] || fail "NCCT's submission: $code"

# The officer's queue: both, oldest first, with the activity.
curl -s -b officer.jar "$BASE/" >dash.html
grep -q 'Waiting for my review' dash.html || fail "no review queue on the officer's dashboard"
curl -s -b officer.jar "$BASE/?table=waiting&format=csv" | tr -d '\r' >waiting.csv
[ "$(sed -n '2p' waiting.csv | cut -d, -f2,3)" = "4.8,MOLVT" ] &&
    [ "$(sed -n '3p' waiting.csv | cut -d, -f2,3)" = "4.8,NCCT" ] ||
    fail "the queue is not MOLVT then NCCT: $(cat waiting.csv)"
curl -s -b molvt.jar "$BASE/" | grep -q 'Waiting for my review' &&
    fail "a reporter's dashboard shows the officer's queue"

# A return without a comment is refused, and changes nothing.
v=$(stmt_version officer MOLVT)
[ -n "$v" ] || fail "no Accept / Return form for MOLVT's statement"
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v" \
    action=return comment=)
[ "$code" = 400 ] || fail "a return without a comment: $code"
[ "$(api_stmt officer MOLVT state)" = '"submitted"' ] || fail "the refused return changed MOLVT's state"

# The return of MOLVT's statement.
ncct_before=$(db_sql d "SELECT s.text, s.state, s.version FROM statement s
    JOIN org o ON o.id = s.org_id WHERE o.acronym = 'NCCT'")
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v" \
    action=return "comment=How many officials, and where?")
[ "$code" = 303 ] || fail "the return of MOLVT's statement: $code $(head -c 300 post.body)"
[ "$(api_stmt officer MOLVT state)" = '"returned"' ] || fail "MOLVT's statement is not returned"
[ "$(db_sql d "SELECT s.text, s.state, s.version FROM statement s
    JOIN org o ON o.id = s.org_id WHERE o.acronym = 'NCCT'")" = "$ncct_before" ] ||
    fail "returning MOLVT's statement changed NCCT's"
[ "$(api_stmt officer NCCT state)" = '"submitted"' ] || fail "NCCT's statement is not still submitted"

# Each reader's card says where its own stands: MOLVT's is returned (its
# turn), NCCT's waits for review, the officer's waits for review.
curl -s -b molvt.jar "$BASE/activity/4.8" | grep -q '<h2>2018 review</h2><p>.*<span class="small">Returned</span>' ||
    fail "MOLVT's card does not say its statement is returned"
curl -s -b ncct.jar "$BASE/activity/4.8" | grep -q '<h2>2018 review</h2><p>.*<span class="small">Waiting for review</span>' ||
    fail "NCCT's card does not say its statement waits for review"
# MOLVT reads the comment; NCCT does not, anywhere it can look.
curl -s -b molvt.jar "$BASE/activity/4.8" | grep -q 'How many officials, and where?' ||
    fail "MOLVT's reporter does not see the comment on its statement"
for path in /activity/4.8 /api/activity/4.8 /org/MOLVT /org/NCCT / \
    "/activity/4.8?table=history&format=csv"; do
    curl -s -b ncct.jar "$BASE$path" | grep -q 'How many officials' &&
        fail "NCCT reads MOLVT's comment on $path"
done
[ "$(api_stmt ncct MOLVT state)" = absent ] || fail "NCCT's reporter reads MOLVT's statement through the API"
curl -s -b ncct.jar "$BASE/activity/4.8" | grep -q "$MOLVT1" &&
    fail "NCCT's reporter reads MOLVT's statement on the activity page"
curl -s -b ncct.jar "$BASE/activity/4.8" | grep -q "$NCCT1" ||
    fail "NCCT's reporter does not read its own statement"
[ "$(api_stmt ncct NCCT comments)" = '[]' ] || fail "NCCT's own thread: $(api_stmt ncct NCCT comments)"

# MOLVT replies, then resubmits a better text: 'resubmitted'.
code=$(post molvt /activity/4.8/statement/MOLVT/review round=2018 version=0 \
    action=comment "comment=Figures follow in the new text.")
[ "$code" = 303 ] || fail "MOLVT's reply: $code"
code=$(post ncct /activity/4.8/statement/MOLVT/review round=2018 version=0 \
    action=comment "comment=NCCT butting in")
[ "$code" = 403 ] || fail "NCCT commented on MOLVT's statement: $code"
vs=$(version_of molvt /activity/4.8 /activity/4.8/statement)
# The officer's page as it is before the resubmission.
v_stale=$(stmt_version officer MOLVT)
code=$(post molvt /activity/4.8/statement round=2018 "version=$vs" action=submit \
    rating=on_target "text=$MOLVT2")
[ "$code" = 303 ] || fail "MOLVT's resubmission: $code"
[ "$(api_stmt officer MOLVT state)" = '"resubmitted"' ] || fail "the resubmission is not 'resubmitted'"
api_stmt officer MOLVT versions >versions.json
python3 -c 'import json
v = json.load(open("versions.json"))
assert [x["text"] for x in v] == ["MOLVT met border officials.",
    "MOLVT trained 120 border officials at four crossings."], v
assert v[1]["state"] == "resubmitted" and v[1]["by"] == "molvt", v' ||
    fail "the versions are not both texts: $(cat versions.json)"
# What changed, word by word, on the officer's page.
curl -s -b officer.jar "$BASE/activity/4.8" >officer.html
grep -q 'MOLVT <del>met </del><ins>trained 120 </ins>border ' officer.html ||
    fail "the officer's page does not show what went and what came: $(grep -o '<p class="diff">.*</p>' officer.html | head -1)"

# The stale accept: 409, nothing written, the typed comment kept.
comments_before=$(db_sql d "SELECT count(*) FROM statement_comment")
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v_stale" \
    action=accept "comment=Stale but typed with care")
[ "$code" = 409 ] || fail "an accept of a replaced text: $code"
grep -q 'Stale but typed with care' post.body || fail "the 409 page lost the typed comment"
[ "$(api_stmt officer MOLVT state)" = '"resubmitted"' ] || fail "the stale accept changed the state"
[ "$(db_sql d "SELECT count(*) FROM statement_comment")" = "$comments_before" ] ||
    fail "the stale accept wrote a comment"

# The same through the API: stale version refused, then accepted.
tok=$(csrf_of officer /plan)
api_review() { # api_review VERSION ACTION COMMENT: the status
    curl -s -b officer.jar -o api.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
        -H 'Content-Type: application/json' \
        -d "{\"round\": \"2018\", \"action\": \"$2\", \"comment\": \"$3\", \"version\": $1}" \
        "$BASE/api/activity/4.8/statement/MOLVT/review"
}
[ "$(api_review "$v_stale" accept '')" = 409 ] || fail "the API accepted a replaced text: $(cat api.body)"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"round": "2018", "action": "accept", "version": 1}' \
    "$BASE/api/activity/4.8/statement/MOLVT/review")
[ "$code" = 403 ] || fail "an API review without the CSRF token: $code"
v_now=$(api_stmt officer MOLVT version)
[ "$(api_review "$v_now" accept 'Thank you')" = 200 ] || fail "the API accept: $(cat api.body)"
[ "$(api_stmt officer MOLVT state)" = '"accepted"' ] || fail "MOLVT's statement is not accepted"
[ "$(api_stmt officer NCCT state)" = '"submitted"' ] || fail "accepting MOLVT's changed NCCT's"

# The thread: every comment, in order, with who, role and when.
api_stmt molvt MOLVT comments >thread.json
python3 -c 'import json
c = json.load(open("thread.json"))
assert [(x["author"], x["role"], x["text"]) for x in c] == [
    ("officer", "me_officer", "How many officials, and where?"),
    ("molvt", "reporter", "Figures follow in the new text."),
    ("officer", "me_officer", "Thank you")], c
assert all(x["at"].endswith("Z") and len(x["at"]) == 20 for x in c), c' ||
    fail "the thread: $(cat thread.json)"
# The narrative draft is the accepted text, never the replaced one.
curl -s -b officer.jar "$BASE/api/activity/4.8" >api.json
python3 -c 'import json, sys
r = [a for a in json.load(open("api.json"))["assessments"] if a["round"] == "2018"][0]
# The text names MOLVT first: no "MOLVT: MOLVT ..." prefix.
assert r["narrative_draft"] == sys.argv[1], r["narrative_draft"]' "$MOLVT2" ||
    fail "the narrative draft is not the accepted text"

# The history says it in words; the collection counts each state apart.
curl -s -b officer.jar "$BASE/activity/4.8?table=history&format=csv" >h.csv
grep -q '2018 statement of MOLVT: status,Resubmitted,Accepted' h.csv ||
    fail "the history lacks the acceptance in words: $(head -5 h.csv)"
grep -q '2018 statement of MOLVT: comment,,Thank you' h.csv || fail "the history lacks the comment"
curl -s -b officer.jar "$BASE/api/round/2018/collection" >coll.json
python3 -c 'import json
o = {x["org"]: x for x in json.load(open("coll.json"))["organisations"]}
assert o["MOLVT"]["accepted"] == 1 and o["MOLVT"]["submitted"] == 0, o["MOLVT"]
assert o["NCCT"]["submitted"] == 1 and o["NCCT"]["resubmitted"] == 0, o["NCCT"]' ||
    fail "the collection's counts: $(head -c 600 coll.json)"
# The activity's assessment through the API: approving a narrative that
# keeps MOLVT's replaced first text is a 409 naming it, and nothing
# changes; a reporter may not; the narrative with the text as it is now
# is approved (and accepts NCCT's waiting statement with it).
api_assess() { # api_assess USER ACTION NARRATIVE: the status
    a_tok=$(csrf_of "$1" /plan)
    a_v=$(curl -s -b "$1.jar" "$BASE/api/activity/4.8" | python3 -c 'import json, sys
print([a for a in json.load(sys.stdin)["assessments"] if a["round"] == "2018"][0]["version"])')
    python3 -c 'import json, sys
print(json.dumps({"round": "2018", "progress": sys.argv[1], "rating": "progressing",
                  "action": sys.argv[2], "version": int(sys.argv[3])}))' "$3" "$2" "$a_v" >assess.json
    curl -s -b "$1.jar" -o api.body -w '%{http_code}' -H "X-CSRF-Token: $a_tok" \
        -H 'Content-Type: application/json' --data-binary @assess.json \
        "$BASE/api/activity/4.8/assessment"
}
# The officer's saved draft is the officers' until approved: MOLVT's
# reporter reads neither it (it quotes NCCT) nor its history.
[ "$(api_assess officer save "Draft: NCCT funded the training.")" = 200 ] ||
    fail "the officer's draft: $(cat api.body)"
curl -s -b molvt.jar "$BASE/api/activity/4.8" | python3 -c 'import json, sys
r = [a for a in json.load(sys.stdin)["assessments"] if a["round"] == "2018"][0]
assert r["progress"] is None, r["progress"]' || fail "a reporter reads the unapproved narrative in the API"
curl -s -b molvt.jar "$BASE/activity/4.8" >m48.html
grep -q "NCCT funded the training" m48.html && fail "a reporter reads the unapproved narrative on the page"
grep -q "narrative shows once it is approved" m48.html || fail "the reporter is not told why there is no narrative"
curl -s -b officer.jar "$BASE/activity/4.8" | grep -q "NCCT funded the training" ||
    fail "the officer does not see the saved draft"
[ "$(api_assess officer approve "Border work. $MOLVT1")" = 409 ] ||
    fail "the API approved a narrative with replaced text: $(cat api.body)"
grep -q "keeps the text MOLVT submitted on .*, which MOLVT has replaced since" api.body ||
    fail "the refusal does not say why: $(cat api.body)"
[ "$(api_stmt officer NCCT state)" = '"submitted"' ] || fail "the refused approve accepted NCCT's"
[ "$(api_assess molvt save "MOLVT's own narrative")" = 403 ] || fail "a reporter saved the narrative"
[ "$(api_assess officer approve "Border work. $MOLVT2")" = 200 ] ||
    fail "the API approve of the current text: $(cat api.body)"
curl -s -b officer.jar "$BASE/api/activity/4.8" >api.json
python3 -c 'import json, sys
r = [a for a in json.load(open("api.json"))["assessments"] if a["round"] == "2018"][0]
assert r["state"] == "approved" and r["progress"] == "Border work. " + sys.argv[1], r
assert [s["state"] for s in r["statements"] if s["org"] == "NCCT"] == ["accepted"], r' "$MOLVT2" ||
    fail "the approved assessment: $(head -c 400 api.json)"
# Where each activity stands, in words: approved now; every activity of the
# published 2017 round "Published" (imported, never "Draft"); the heading
# names the activity with its text.
curl -s -b officer.jar "$BASE/activity/4.8" >a48.html
grep -q '<h2>2018 review</h2><p>.*<span class="small">Approved</span>' a48.html ||
    fail "the 2018 card does not say Approved: $(grep -o '<h2>2018 review</h2>.\{0,200\}' a48.html)"
grep -q '<h1>Activity 4.8: ' a48.html || fail "the heading: $(grep -o '<h1>[^<]*' a48.html)"
curl -s -b officer.jar "$BASE/round/2017?table=activities&format=csv" | tr -d '\r' >r2017.csv
n=$(($(wc -l <r2017.csv) - 1))
[ "$n" -gt 90 ] && [ "$(grep -c ',Published,' r2017.csv)" = "$n" ] ||
    fail "the published round's activities: $(cut -d, -f5 r2017.csv | sort | uniq -c | head)"
# The report page leads back to the round.
curl -s -b officer.jar "$BASE/round/2018/report" | grep -q '<a href="/round/2018">← Back to the round</a>' ||
    fail "the report page has no way back to the round"
finish
