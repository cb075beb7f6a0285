# One indicator's page and its figures entered on the web: MOLVT's
# reporter (the responsible organisation) enters women, men and the
# total of a year and submits them, the M&E officer returns them with a
# reason and validates the correction; another organisation's reporter is
# refused (403), a form drawn before someone else's write is refused with
# a conflict (409), bad numbers and a total that is not women + men are
# refused naming the field with the input kept, a computed indicator
# offers no form and refuses a post; an amended indicator keeps its old
# definition and values on the page; the tables download as CSV.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
"$LMPMON" --db "$(db d)" indicator add W1 --goal 11 --unit count \
    --definition "# of women and men trained <abroad>" --org MOLVT --disaggregation sex \
    --baseline 100 --baseline-year 2016 --targets "2018=300;2019=400" \
    --verification "MOLVT training records" >/dev/null || fail "indicator add W1"
"$LMPMON" --db "$(db d)" indicator add P1 --goal 3 --unit percentage \
    --definition "% of MOUs discussed" --org MOLVT --targets "2018=50" >/dev/null ||
    fail "indicator add P1"
start_server "$(db d)" --public
login molvt
login ilo
login officer
login viewer

# stamp_of USER PATH: the stamp of the entry form on PATH.
stamp_of() {
    curl -s -b "$1.jar" "$BASE$2" | grep -o 'name="stamp" value="[^"]*"' | head -1 |
        sed 's/.*value="//; s/"$//' | sed 's/&quot;/"/g'
}

# The list leads to the page; the page says what the indicator is.
curl -s -b viewer.jar "$BASE/indicators?year=2018" | grep -q '<a href="/indicator/W1">W1</a>' ||
    fail "the indicators list does not link W1's page"
curl -s -b viewer.jar "$BASE/indicator/W1" >v.html
grep -q '# of women and men trained &lt;abroad&gt;' v.html || fail "the page lacks the escaped definition"
grep -q 'MOLVT training records' v.html || fail "the page lacks the means of verification"
grep -q '2018: 300; 2019: 400' v.html || fail "the page lacks the targets per year"
grep -q 'href="/org/MOLVT"' v.html || fail "the page lacks the responsible organisation"
grep -q 'name="value_women"' v.html && fail "a viewer is offered the entry form"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/indicator/NOPE")
[ "$code" = 404 ] || fail "an unknown indicator answered $code"

# MOLVT's reporter sees the form for 2018 and submits its figures.
curl -s -b molvt.jar "$BASE/indicator/W1?period=2018" >m.html
grep -q 'name="value_women"' m.html || fail "MOLVT's reporter has no entry form"
stamp=$(stamp_of molvt "/indicator/W1?period=2018")
[ -n "$stamp" ] || fail "the form has no stamp"
# Bad numbers are refused naming the field, the input kept.
code=$(post molvt /indicator/W1/values period=2018 "stamp=$stamp" action=submit \
    value_women=12x value_men=10 value_total=22 source=records)
[ "$code" = 400 ] || fail "a value that is no number answered $code"
grep -q "women: value: &#39;12x&#39; is not a number\|women: value: '12x' is not a number" post.body ||
    fail "the refusal does not name the women's value: $(grep -o 'notice error[^<]*' post.body)"
grep -q 'name="value_women"[^>]*value="12x"' post.body || fail "the refused input is not kept"
code=$(post molvt /indicator/W1/values period=2018 "stamp=$stamp" action=submit \
    value_women=12.5 value_men=10 value_total=22.5)
[ "$code" = 400 ] || fail "a count of 12.5 answered $code"
grep -q 'women: value: 12.5 is not a whole count' post.body || fail "12.5 women is not refused as a count"
# Women + men must be the total.
code=$(post molvt /indicator/W1/values period=2018 "stamp=$stamp" action=submit \
    value_women=120 value_men=100 value_total=230 source=records)
[ "$code" = 400 ] || fail "women + men != total answered $code"
grep -q 'total: 230 is not women + men (120 + 100)' post.body || fail "the sum refusal is not said"
grep -q 'name="value_total"[^>]*value="230"' post.body || fail "the refused total is not kept"
# Another organisation's reporter: 403, nothing written.
code=$(post ilo /indicator/W1/values period=2018 "stamp=$stamp" action=submit \
    value_women=120 value_men=100 value_total=220)
[ "$code" = 403 ] || fail "ILO's reporter entering MOLVT's figures answered $code"
grep -q 'reported by MOLVT' post.body || fail "the 403 does not say who reports W1"
# Refused for who it is before anything about the form: a stale stamp and
# a figure that breaks the rules are still 403.
code=$(post ilo /indicator/W1/values period=2018 stamp=rev=9 action=submit value_total=2.5)
[ "$code" = 403 ] || fail "ILO's reporter with a stale form answered $code"
# Right: saved as submitted, then shown with its state in words.
code=$(post molvt /indicator/W1/values period=2018 "stamp=$stamp" action=submit \
    value_women=120 value_men=100 value_total=220 "source=MOLVT records")
[ "$code" = 303 ] || fail "MOLVT's submission answered $code: $(grep -o 'notice error[^<]*' post.body)"
curl -s -b viewer.jar "$BASE/indicator/W1" >v2.html
grep -q '<td>2018</td><td class="n">1</td><td>Women</td><td></td><td class="n">120</td><td>MOLVT records</td><td>Submitted</td>' v2.html ||
    fail "the values table lacks women's submitted 120"
# Progress: (220 - 100) / (300 - 100) = 60% of the way.
grep -q '60% of the way' v2.html || fail "the progress against 2018's target is not shown"
grep -q '<rect width="120" height="14"' v2.html || fail "no progress bar of 60%"

# A submitted value is the officer's now: the reporter is refused.
stamp2=$(stamp_of officer "/indicator/W1?period=2018")
code=$(post molvt /indicator/W1/values period=2018 "stamp=$stamp2" action=save \
    value_women=121 value_men=100 value_total=221)
[ "$code" = 403 ] || fail "the reporter changing a submitted value answered $code"
# A form drawn before the submission is stale: 409, and nothing written.
code=$(post officer /indicator/W1/values period=2018 "stamp=$stamp" action=save \
    value_women=1 value_men=1 value_total=2)
[ "$code" = 409 ] || fail "a stale form answered $code"
grep -q 'changed by someone else since you opened the form' post.body || fail "the conflict is not said"
# The form comes back with the officer's figures and the stamp of what the
# page now shows, so that sent again after a look it would be taken.
grep -q 'name="value_total"[^>]*value="2"' post.body || fail "the conflict does not keep the figures"
grep -qF "name=\"stamp\" value=\"$stamp2\"" post.body ||
    fail "the conflict's form does not carry the current stamp"
# The officer returns them: a return needs its reason.
grep -q 'value="validate"' "$(curl -s -b officer.jar "$BASE/indicator/W1?period=2018" >o.html; echo o.html)" ||
    fail "the officer has no review form"
code=$(post officer /indicator/W1/review period=2018 rev=1 "stamp=$stamp2" action=return reason=)
[ "$code" = 400 ] || fail "a return without a reason answered $code"
grep -q 'reason: say why' post.body || fail "the missing reason is not named"
code=$(post officer /indicator/W1/review period=2018 rev=1 "stamp=$stamp2" action=return \
    "reason=the men's figure counts staff")
[ "$code" = 303 ] || fail "the return answered $code: $(grep -o 'notice error[^<]*' post.body)"
curl -s -b molvt.jar "$BASE/indicator/W1?period=2018" >m2.html
grep -q "Returned: the men&#39;s figure counts staff\|Returned: the men's figure counts staff" m2.html ||
    fail "the returned state and its reason are not shown"
# The reporter corrects and submits again; the officer validates.
stamp3=$(stamp_of molvt "/indicator/W1?period=2018")
code=$(post molvt /indicator/W1/values period=2018 "stamp=$stamp3" action=submit \
    value_women=120 value_men=90 value_total=210 "source=MOLVT records")
[ "$code" = 303 ] || fail "the corrected submission answered $code"
stamp4=$(stamp_of officer "/indicator/W1?period=2018")
code=$(post officer /indicator/W1/review period=2018 rev=1 "stamp=$stamp4" action=validate)
[ "$code" = 303 ] || fail "the validation answered $code"
curl -s "$BASE/indicator/W1" >p.html
grep -q '<td>Men</td><td></td><td class="n">90</td><td>MOLVT records</td><td>Validated</td>' p.html ||
    fail "the public page lacks men's validated 90"
# Validated: no review form, and a second validation is refused.
code=$(post officer /indicator/W1/review period=2018 rev=1 "stamp=$stamp4" action=validate)
[ "$code" = 409 ] || fail "validating again with the old form answered $code"

# A percentage from its counts: 3 of 4 is 75%.
stampP=$(stamp_of molvt "/indicator/P1?period=2018")
code=$(post molvt /indicator/P1/values period=2018 "stamp=$stampP" action=save \
    value_total= num_total=3 den_total=4)
[ "$code" = 303 ] || fail "a percentage from its counts answered $code: $(grep -o 'notice error[^<]*' post.body)"
curl -s -b molvt.jar "$BASE/indicator/P1" | grep -q '<td class="n">75.0</td><td class="n">3</td><td class="n">4</td>' ||
    fail "75% (3 of 4) is not shown"

# The register's figures by sex are held back from viewers as on
# /indicators: the man of 1 case is not shown, the total of 2 is not
# either (below 5 cases), the officer sees all.
printf '%s\n' case_no,lodged_on,resolved_on,sex,assisting_org,satisfied,stage \
    K1,2018-01-10,2018-02-10,female,LSCW,yes,resolved K2,2018-01-10,2018-02-10,male,LSCW,yes,resolved \
    >cases.csv
"$LMPMON" --db "$(db d)" case import cases.csv >/dev/null || fail "case import"
curl -s -b viewer.jar "$BASE/indicator/G10?format=csv" >g10v.csv
grep -q '^2018,' g10v.csv && fail "a viewer sees the register's figures of 2 cases: $(cat g10v.csv)"
curl -s -b officer.jar "$BASE/indicator/G10?format=csv" >g10o.csv
grep -q '^2018,1,Men,,100.0,1,1,' g10o.csv || fail "the officer lacks the register's men: $(cat g10o.csv)"

# Breakdowns other than sex: a line per place, any usual spelling, each
# place's women + men = total; the page names the places.
"$LMPMON" --db "$(db d)" indicator add B1 --goal 11 --unit count --definition "By place" \
    --org MOLVT --disaggregation sex,province >/dev/null || fail "indicator add B1"
curl -s -b molvt.jar "$BASE/indicator/B1?period=2018" >b.html
grep -q 'name="by_province"' b.html || fail "B1's form has no place for its provinces"
stampB=$(stamp_of molvt "/indicator/B1?period=2018")
code=$(post molvt /indicator/B1/values period=2018 "stamp=$stampB" action=save \
    "by_province=prey veng : 40, 25, 65
Kandal: 10, 5, 16")
[ "$code" = 400 ] || fail "a province whose total is not women + men answered $code"
grep -q 'province Kandal: total: 16 is not women + men (10 + 5)' post.body ||
    fail "the refusal does not name the province: $(grep -o 'notice error[^<]*' post.body)"
grep -q 'Kandal: 10, 5, 16</textarea>' post.body || fail "the refused lines are not kept"
code=$(post molvt /indicator/B1/values period=2018 "stamp=$stampB" action=save \
    "by_province=Atlantis: 1")
[ "$code" = 400 ] || fail "an unknown province answered $code"
grep -q "unknown province" post.body || fail "an unknown province is not said"
code=$(post molvt /indicator/B1/values period=2018 "stamp=$stampB" action=save \
    value_women=50 value_men=30 value_total=80 "by_province=prey veng : 40, 25, 65
Kandal: 10, 5, 15")
[ "$code" = 303 ] || fail "B1's figures by province answered $code: $(grep -o 'notice error[^<]*' post.body)"
curl -s -b molvt.jar "$BASE/indicator/B1?period=2018" >b2.html
grep -q '<td>Women</td><td>Province: Prey Veng</td><td class="n">40</td>' b2.html ||
    fail "the page does not name Prey Veng's women"
grep -q 'Prey Veng: 40, 25, 65' b2.html || fail "the form does not hold Prey Veng's figures again"
# Left out, a stored place is refused: values are corrected, not removed.
stampB2=$(stamp_of molvt "/indicator/B1?period=2018")
code=$(post molvt /indicator/B1/values period=2018 "stamp=$stampB2" action=save \
    value_women=50 value_men=30 value_total=80 "by_province=Kandal: 10, 5, 15")
[ "$code" = 400 ] || fail "leaving Prey Veng out answered $code"
grep -q 'province Prey Veng [a-z]*: a figure was entered before' post.body ||
    fail "leaving a place out is not said: $(grep -o 'notice error[^<]*' post.body)"

# Computed indicators: no form, and a post is refused.
curl -s -b officer.jar "$BASE/indicator/G10?period=2018" >g.html
grep -q 'name="value_total"' g.html && fail "a computed indicator offers an entry form"
grep -q 'cannot be typed over' g.html || fail "the computed indicator's page does not say why"
code=$(post officer /indicator/G10/values period=2018 stamp=rev=1 action=save value_total=50)
[ "$code" = 403 ] || fail "typing over a computed indicator answered $code"
grep -q 'computed by lmpmon' post.body || fail "the refusal does not say the indicator is computed"

# Amended: the page shows the new definition and keeps the old with its
# values.
"$LMPMON" --db "$(db d)" indicator amend W1 --definition "# of migrant workers trained" \
    --reason "the 2019 review" --effective 2019-01-01 >/dev/null || fail "indicator amend"
curl -s -b viewer.jar "$BASE/indicator/W1" >a.html
grep -q '# of migrant workers trained' a.html || fail "the amended definition is not shown"
grep -q 'Earlier revisions' a.html || fail "the earlier revision is not shown"
grep -q 'the 2019 review' a.html || fail "the amendment's reason is not shown"
grep -q '2018, Men: 90 (Validated)' a.html || fail "the old revision's values are not reachable"

# The API: the indicator, its values with their states, the stamp each
# period's write must carry; a write with it, then the same stale.
curl -s -b molvt.jar "$BASE/api/indicator/P1" >p1.json
python3 - p1.json <<'PY' || fail "GET /api/indicator/P1 is not as documented: $(cat p1.json)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["code"] == "P1" and d["revision"] == 1, d
assert d["revisions"][0]["unit"] == "percentage" and d["revisions"][0]["org"] == "MOLVT", d
v = d["values"][0]
assert (v["period"], v["sex"], v["value"], v["numerator"], v["denominator"], v["state"]) == \
    ("2018", "total", 75, 3, 4, "draft"), v
assert d["stamps"]["2018"].startswith("rev=1;total,="), d["stamps"]
assert d["new_period_stamp"] == "rev=1", d
PY
stampA=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["stamps"]["2018"])' p1.json)
tok=$(csrf_of molvt /plan)
api_post() {
    curl -s -b molvt.jar -o api.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
        -H 'Content-Type: application/json' -d "$1" "$BASE/api/indicator/P1/values"
}
code=$(api_post "{\"period\": \"2018\", \"stamp\": \"$stampA\", \"action\": \"submit\", \"total_numerator\": 1, \"total_denominator\": 2}")
[ "$code" = 200 ] || fail "the API submission answered $code: $(cat api.body)"
code=$(api_post "{\"period\": \"2018\", \"stamp\": \"$stampA\", \"action\": \"save\", \"total\": 10}")
[ "$code" = 409 ] || fail "the API write with a stale stamp answered $code: $(cat api.body)"
code=$(api_post "{\"period\": \"2019\", \"stamp\": \"rev=1\", \"total\": 120}")
[ "$code" = 400 ] || fail "a percentage of 120 through the API answered $code"
grep -q 'total: value: 120 is not a percentage' api.body || fail "the API refusal does not name the field: $(cat api.body)"
curl -s "$BASE/api/indicator/P1" | grep -q '"state": "submitted"' || fail "the API submission is not stored"
# A breakdown through the API: "by:DIMENSION:PLACE:SEX", any usual spelling.
code=$(curl -s -b molvt.jar -o api.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
    -H 'Content-Type: application/json' \
    -d '{"period": "2019", "stamp": "rev=1", "by:province:takeo:women": 1, "by:province:takeo:men": 2, "by:province:takeo:total": 3}' \
    "$BASE/api/indicator/B1/values")
[ "$code" = 200 ] || fail "a breakdown through the API answered $code: $(cat api.body)"
curl -s "$BASE/api/indicator/B1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
v = [v for v in d["values"] if v["period"] == "2019" and v["sex"] == "total"]
assert v and v[0]["dimension"] == "province" and v[0]["code"].startswith("KH-") and v[0]["value"] == 3, v' ||
    fail "the API breakdown is not stored by the province's code"

# The tables download.
code=$(curl -s -o w.csv -w '%{http_code}' -b viewer.jar "$BASE/indicator/W1?format=csv")
[ "$code" = 200 ] || fail "the values download answered $code"
grep -q '^2018,1,Total,,210,MOLVT records,Validated' w.csv || fail "the CSV lacks the total: $(cat w.csv)"
code=$(curl -s -o pr.csv -w '%{http_code}' -b viewer.jar "$BASE/indicator/W1?table=progress&format=csv")
[ "$code" = 200 ] || fail "the progress download answered $code"
grep -q '^2018,Total,210,300,' pr.csv || fail "the progress CSV lacks 2018: $(cat pr.csv)"

finish
