# Case work over HTTP: who may use the case pages, scoping to the case
# officer's organisation, escaping, version conflicts, date rules.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add lscw --role case_officer --org LSCW >/dev/null
echo "$PASS" | "$LMPMON" --db "$(db d)" user add mrc --role case_officer --org MRC >/dev/null
start_server "$(db d)"
for u in lscw mrc admin viewer molvt officer; do login $u; done

X='<script>alert(1)</script>'
# The form offers the gazetteer's places, in the reader's language.
curl -s -b lscw.jar "$BASE/cases/new" >new.html
grep -q '<input id="province" name="province" type="text" list="province_list"' new.html ||
    fail "the province input offers no list"
grep -q '<option value="Prey Veng"/>' new.html || fail "the provinces' list lacks Prey Veng"
grep -q '<option value="Thailand"/>' new.html || fail "the countries' list lacks Thailand"
curl -s -b lscw.jar -H 'Accept-Language: km' "$BASE/cases/new" | grep -q '<option value="ព្រៃវែង"/>' ||
    fail "the provinces' list is not in Khmer for a reader of Khmer"
# Places are stored by gazetteer code: one it does not know is refused with
# the closest names, the entries kept in the form, escaped.
code=$(post lscw /cases case_no=L-1 lodged_on=2019-01-31 channel=ngo sex=female \
    legal_status=irregular "province=$X" destination=Thailand requested=1200 currency=USD)
[ "$code" = 400 ] || fail "an unknown province: expected 400, got $code"
grep -q '<script>alert' post.body && fail "markup from a refused case reached the page"
grep -qF 'unknown province &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;' post.body ||
    fail "the unknown province is not named: $(grep -o 'unknown[^<]*' post.body | head -1)"
code=$(post lscw /cases case_no=L-1 lodged_on=2019-01-31 channel=ngo sex=female \
    legal_status=irregular province=Thaïland destination=Thailand requested=1200 currency=USD)
[ "$code" = 400 ] || fail "a country for a province: expected 400, got $code"
grep -qF 'unknown province &#39;Thaïland&#39;' post.body || fail "the country as province is not refused"
grep -qF 'value="Thaïland"' post.body || fail "the refused province is not kept in the form"
[ "$(db_sql d "SELECT count(*) FROM complaint_case")" = 0 ] || fail "a refused case was stored"
code=$(post lscw /cases case_no=L-1 lodged_on=2019-01-31 channel=ngo sex=female \
    legal_status=irregular "province=kompong  cham" destination=thaïland type=unpaid_wages \
    type=deception requested=1200 currency=USD "name=$X")
[ "$code" = 303 ] || fail "case officer opening a case: $code $(head -c 300 post.body)"
[ "$(db_sql d "SELECT province, destination FROM complaint_case")" = "KH-3|TH" ] ||
    fail "the case's places are not stored by code: $(db_sql d "SELECT province, destination FROM complaint_case")"
curl -s -b lscw.jar "$BASE/case/L-1" >c.html
grep -q '<script>alert' c.html && fail "markup from a case reached the page"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' c.html || fail "the name is not shown escaped"
grep -qF 'Kampong Cham → Thailand' c.html || fail "the case page does not name its places"
curl -s -b lscw.jar -H 'Accept-Language: km' "$BASE/case/L-1" | grep -qF 'កំពង់ចាម' ||
    fail "the case page does not name the province in Khmer to a reader of Khmer"
curl -s -b lscw.jar "$BASE/cases" | grep -q '>Thailand<' || fail "the cases list does not name the destination"
grep -q 'Unpaid wages, Deception' c.html || fail "complaint types not recorded"

# Who may: case officers and admins; nobody else, not even the M&E officer.
for u in viewer molvt officer; do
    code=$(curl -s -b $u.jar -o /dev/null -w '%{http_code}' "$BASE/cases")
    [ "$code" = 403 ] || fail "$u GET /cases: expected 403, got $code"
    code=$(post $u /case/L-1/stage stage=conciliation on=2019-02-01 version=0)
    [ "$code" = 403 ] || fail "$u POST a stage: expected 403, got $code"
done
code=$(curl -s -b admin.jar -o /dev/null -w '%{http_code}' "$BASE/case/L-1")
[ "$code" = 200 ] || fail "admin reading a case: $code"

# Scope: another organisation's case officer does not see the case at all.
code=$(curl -s -b mrc.jar -o /dev/null -w '%{http_code}' "$BASE/case/L-1")
[ "$code" = 404 ] || fail "MRC officer reading LSCW's case: expected 404, got $code"
code=$(post mrc /case/L-1/payment paid_on=2019-05-01 amount=10)
[ "$code" = 404 ] || fail "MRC officer paying on LSCW's case: expected 404, got $code"
curl -s -b mrc.jar "$BASE/cases" | grep -q 'L-1' && fail "MRC's case list shows LSCW's case"

# Dates: no stage before lodging or before the last step.
v=$(curl -s -b lscw.jar "$BASE/case/L-1" | grep -o 'name="version" value="[0-9]*"' | head -1 | grep -o '[0-9]*$\|[0-9]*"' | tr -d '"')
code=$(post lscw /case/L-1/stage stage=conciliation on=2019-01-01 "version=$v")
[ "$code" = 400 ] || fail "a stage before lodging: expected 400, got $code"
grep -q 'before the case was lodged' post.body || fail "no reason for the refused date"
code=$(post lscw /case/L-1/stage stage=resolved on=2019-04-30 "version=$v" note=ok)
[ "$code" = 303 ] || fail "resolving: $code $(head -c 300 post.body)"
# A second save from the same (old) form is refused and keeps the entry.
code=$(post lscw /case/L-1/details satisfied=yes outcome=kept-text requested=1200 ordered=900 "version=$v")
[ "$code" = 409 ] || fail "stale details form: expected 409, got $code"
grep -q 'value="kept-text"' post.body || fail "the refused entry is not kept"
code=$(post lscw /case/L-1/payment paid_on=2019-05-20 amount=450.5)
[ "$code" = 303 ] || fail "payment: $code"
"$LMPMON" --db "$(db d)" case export | grep -q '^L-1,2019-01-31,2019-04-30,female,irregular,Thailand,.*,LSCW,unknown,1200.00,0.00,450.50,USD' ||
    fail "the exported case: $("$LMPMON" --db "$(db d)" case export | grep '^L-1')"
# The audit trail has the case's steps, under its organisation and number.
n=$(db_sql d "SELECT count(*) FROM audit WHERE key = 'case/LSCW/L-1'")
[ "$n" -ge 3 ] || fail "expected the case's steps in the audit trail, got $n rows"

# Each organisation numbers its own cases: MRC opens an L-1 of its own (no
# 409 telling it that LSCW has one), and each officer sees only its own.
code=$(post mrc /cases case_no=L-1 lodged_on=2019-03-01 channel=mrc sex=male \
    legal_status=regular province=Takeo destination=Malaysia requested=10 currency=USD name=Dara)
[ "$code" = 303 ] || fail "MRC opening its own L-1: expected 303, got $code $(head -c 300 post.body)"
curl -s -b mrc.jar "$BASE/case/L-1" >m.html
grep -q 'Malaysia' m.html || fail "MRC's L-1 does not show MRC's case"
grep -q 'Thailand\|kept-text\|alert' m.html && fail "MRC's L-1 shows LSCW's case"
curl -s -b lscw.jar "$BASE/case/L-1" | grep -q 'Malaysia' && fail "LSCW's L-1 shows MRC's case"
[ "$(curl -s -b mrc.jar "$BASE/cases" | grep -o 'href="/case/L-1[?"]' | wc -l)" = 1 ] ||
    fail "MRC's list does not hold exactly its own L-1"
# Naming the other organisation answers as for a case nobody has.
for p in "/case/L-1?org=LSCW" "/case/NOPE" "/case/NOPE?org=LSCW"; do
    code=$(curl -s -b mrc.jar -o other.html -w '%{http_code}' "$BASE$p")
    [ "$code" = 404 ] || fail "MRC GET $p: expected 404, got $code"
    grep -q 'Thailand\|LSCW' other.html && fail "MRC GET $p tells of LSCW's case"
done
code=$(post mrc "/case/L-1/payment?org=LSCW" paid_on=2019-05-01 amount=10)
[ "$code" = 404 ] || fail "MRC paying on LSCW's L-1 by name: expected 404, got $code"
# Opening L-1 again in one's own organisation is still refused.
code=$(post mrc /cases case_no=L-1 lodged_on=2019-03-02 channel=mrc sex=male \
    legal_status=regular requested=0 currency=USD)
[ "$code" = 409 ] || fail "MRC opening L-1 twice: expected 409, got $code"
# The admin sees both, told apart: the list names the organisation and
# links each by it; the number alone asks whose.
curl -s -b admin.jar "$BASE/cases" >a.html
grep -q 'href="/case/L-1?org=LSCW"' a.html || fail "the admin's list does not link LSCW's L-1"
grep -q 'href="/case/L-1?org=MRC"' a.html || fail "the admin's list does not link MRC's L-1"
code=$(curl -s -b admin.jar -o a.html -w '%{http_code}' "$BASE/case/L-1")
[ "$code" = 300 ] || fail "admin GET /case/L-1 with two L-1: expected 300, got $code"
grep -q 'several organisations have a case numbered L-1' a.html || fail "the admin is not told why"
grep -q 'href="/case/L-1?org=MRC"' a.html || fail "the admin is not offered MRC's L-1"
code=$(curl -s -b admin.jar -o a.html -w '%{http_code}' "$BASE/case/L-1?org=MRC")
[ "$code" = 200 ] || fail "admin GET MRC's L-1: $code"
grep -q 'Dara' a.html || fail "the admin does not see MRC's L-1"
grep -q 'name="org" value="MRC"' a.html || fail "MRC's L-1's forms do not name MRC"
# A stage the admin records on MRC's L-1 reaches MRC's only.
v=$(curl -s -b admin.jar "$BASE/case/L-1?org=MRC" | grep -o 'name="version" value="[0-9]*"' | head -1 | tr -dc 0-9)
code=$(post admin /case/L-1/stage org=MRC stage=court on=2019-03-05 "version=$v")
[ "$code" = 303 ] || fail "admin recording a stage on MRC's L-1: $code $(head -c 300 post.body)"
"$LMPMON" --db "$(db d)" case export >e.csv
grep -q '^L-1,2019-03-01,2019-03-05,male,.*,MRC,.*,court,' e.csv || fail "MRC's L-1 after the admin's stage: $(grep '^L-1' e.csv)"
grep -q '^L-1,2019-01-31,2019-04-30,.*,LSCW,.*,resolved,' e.csv || fail "LSCW's L-1 changed: $(grep '^L-1' e.csv)"

finish
