# A round's recommendations on the web: the list by group with statuses and
# the nodes they concern, downloadable; the M&E officer's forms (add one,
# change one, record a follow-up) and nobody else's; two officers changing
# the same recommendation: the first save stays, the second is a conflict
# (409) that keeps its text; the JSON read call.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
"$LMPMON" --db "$(db d)" recommendation import "$SRC/data/cambodia-lmp-2015-2018/recommendations-2017.csv" \
    >/dev/null || fail "recommendation import"
start_server "$(db d)"
for u in officer officer2 viewer; do login $u; done

# The list: groups, the priority, nodes and organisations, status.
curl -s -b viewer.jar "$BASE/round/2017/recommendations" >list.html
for want in "Cost of migration" "ACRA; MRC; MOLVT" "7.7; 7.8" "Not started" \
    'href="/round/2017/recommendation/C1"' 'table=recommendations&amp;format=csv'; do
    grep -qF "$want" list.html || fail "the list lacks '$want'"
done
grep -q 'Add a recommendation' list.html && fail "a viewer is shown the form"
curl -s -b officer.jar "$BASE/round/2017/recommendations" | grep -q "Add a recommendation" ||
    fail "the officer has no form to add one"
# The round's page leads to it.
curl -s -b viewer.jar "$BASE/round/2017" | grep -q 'href="/round/2017/recommendations"' ||
    fail "the round's page has no link to its recommendations"

# Downloads: the table as shown, CSV and XLSX.
curl -s -b viewer.jar -D h.txt "$BASE/round/2017/recommendations?table=recommendations&format=csv" >r.csv
grep -q "^Group,Code,Recommendation" r.csv || fail "no CSV download: $(head -c 200 r.csv)"
[ "$(grep -c '^Cost of migration,C1,' r.csv)" = 1 ] || fail "C1 not in the download"
code=$(curl -s -b viewer.jar -o r.xlsx -w '%{http_code}' \
    "$BASE/round/2017/recommendations?table=recommendations&format=xlsx")
[ "$code" = 200 ] && head -c 2 r.xlsx | grep -q PK || fail "no XLSX download ($code)"

# Adding one: the officer's form; organisations by name, codes checked.
code=$(post officer /round/2017/recommendations code=N1 "text=Publish the action plan" \
    group=Policy concerns="4.2" "asked=Ministry of Labour and Vocational Training" priority=yes)
[ "$code" = 303 ] || fail "adding answered $code: $(head -c 300 post.body)"
curl -s -b viewer.jar "$BASE/round/2017/recommendation/N1" | grep -q "Publish the action plan" ||
    fail "the new recommendation is not shown"
code=$(post officer /round/2017/recommendations code=N2 "text=x" asked=MOLTV)
[ "$code" = 404 ] || fail "an unknown organisation answered $code"
grep -q "closest: .*MOLVT" post.body || fail "no closest name for MOLTV"
grep -q 'value="N2"' post.body || fail "the refused form lost the user's code"

# Two officers open C1; the first saves, the second is refused (409) with
# its own text kept; the first one's text stays.
v1=$(version_of officer /round/2017/recommendation/C1 /round/2017/recommendation/C1)
v2=$(version_of officer2 /round/2017/recommendation/C1 /round/2017/recommendation/C1)
[ -n "$v1" ] && [ "$v1" = "$v2" ] || fail "both officers should see one version ($v1, $v2)"
code=$(post officer /round/2017/recommendation/C1 "version=$v1" "text=First officer's wording" \
    group="Cost of migration" concerns="7.7; 7.8" asked="ACRA; MRC; MOLVT" priority=yes)
[ "$code" = 303 ] || fail "the first save answered $code: $(head -c 300 post.body)"
code=$(post officer2 /round/2017/recommendation/C1 "version=$v2" "text=Second officer's wording" \
    group="Cost of migration" priority=yes)
[ "$code" = 409 ] || fail "the second save answered $code, not 409"
grep -q "changed by someone else" post.body || fail "the conflict is not explained"
grep -q "Second officer&#39;s wording\|Second officer&#x27;s wording\|Second officer's wording" post.body ||
    fail "the second officer's text was not kept"
curl -s -b viewer.jar "$BASE/api/round/2017/recommendations" >api.json
python3 - api.json <<'PY' || fail "the JSON does not show the first officer's save"
import json, sys
d = json.load(open(sys.argv[1]))
c1 = [r for r in d["recommendations"] if r["code"] == "C1"][0]
assert c1["text"] == "First officer's wording", c1["text"]
assert c1["asked"] == ["ACRA", "MRC", "MOLVT"], c1["asked"]
assert c1["priority"] is True
n1 = [r for r in d["recommendations"] if r["code"] == "N1"][0]
assert n1["asked"] == ["MOLVT"], n1["asked"]
PY

# A follow-up in 2018, then shown as the status; a viewer cannot post one.
code=$(post viewer /round/2017/recommendation/C1/follow-up in=2018 status=done version-2018=0)
[ "$code" = 403 ] || fail "a viewer's follow-up answered $code"
code=$(post officer /round/2017/recommendation/C1/follow-up in=2018 status=in_progress \
    "evidence=ACRA drafted a note" version-2018=0)
[ "$code" = 303 ] || fail "the follow-up answered $code: $(head -c 300 post.body)"
code=$(post officer2 /round/2017/recommendation/C1/follow-up in=2018 status=dropped version-2018=0)
[ "$code" = 409 ] || fail "a follow-up from a stale form answered $code, not 409"
curl -s -b viewer.jar "$BASE/round/2017/recommendations?table=recommendations&format=csv" >r2.csv
grep -q "^Cost of migration,C1,.*,In progress,2018,ACRA drafted a note" r2.csv ||
    fail "the status is not in the list: $(grep C1 r2.csv)"
curl -s -b viewer.jar "$BASE/round/2017/recommendation/C1?table=followups&format=csv" | grep -q "^2018,In progress" ||
    fail "the follow-ups table lacks 2018"
# The review reports: 2017's lists what its review recommended, 2018's the
# follow-up recorded in 2018.
curl -s -b viewer.jar "$BASE/round/2017/report" | grep -q "C1 (Cost of migration; priority): First officer" ||
    fail "the 2017 review report lacks its recommendations"
curl -s -b viewer.jar "$BASE/round/2018/report" | grep -q "C1 of 2017: In progress. ACRA drafted a note" ||
    fail "the 2018 review report lacks the follow-up"
# The 2018 action plan: each activity's action point and the 2017
# priorities concerning it, downloadable.
curl -s -b viewer.jar "$BASE/round/2018/action-plan?table=action_plan&format=csv" >ap.csv
grep -q "^7.8,.*(C1, Cost of migration): First officer" ap.csv ||
    fail "the action plan lacks C1 beside 7.8: $(grep '^7.8,' ap.csv | head -c 300)"
curl -s -b viewer.jar "$BASE/round/2018/action-plan" | grep -q 'href="?format=pdf"' ||
    fail "the action plan page offers no PDF"
curl -s -b viewer.jar -D ap.h -o ap.pdf "$BASE/round/2018/action-plan?format=pdf"
grep -qi '^content-type: application/pdf' ap.h || fail "the action plan PDF: $(head -1 ap.h)"
grep -qi 'attachment; filename="action-plan-2018.pdf"' ap.h || fail "the PDF is not an attachment: $(grep -i disposition ap.h)"
pdftotext ap.pdf - | tr -s ' \n' '  ' | grep -q "(C1, Cost of migration)" ||
    fail "the web's action plan PDF lacks the priority"
curl -s -b viewer.jar -D ap.h -o ap.docx "$BASE/round/2018/action-plan?format=docx"
grep -qi '^content-type: application/vnd.openxmlformats' ap.h || fail "the action plan Word file: $(head -1 ap.h)"
curl -s -b viewer.jar "$BASE/round/2018" | grep -q 'href="/round/2018/action-plan"' ||
    fail "the round's page has no link to its action plan"
code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/round/2017/recommendation/ZZ")
[ "$code" = 404 ] || fail "an unknown recommendation answered $code"
finish
