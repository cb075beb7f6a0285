# Records whose code holds '/' open: a case numbered "LSCW/2018/001" is
# linked as /case/LSCW%2F2018%2F001 and that address opens it (routes match
# the path as sent and decode each parameter), and its forms post to it.
# A '/' that is a real path separator still is one.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add lscw --role case_officer --org LSCW >/dev/null
printf '%s\n%s\n' 'case_no,lodged_on,sex,assisting_org' 'LSCW/2018/001,2018-03-01,female,LSCW' >c.csv
"$LMPMON" --db "$(db d)" case import c.csv >/dev/null || fail "case import"
start_server "$(db d)"
login lscw

curl -s -b lscw.jar "$BASE/cases" >cases.html
grep -q 'href="/case/LSCW%2F2018%2F001"' cases.html || fail "the case list does not link the case"
code=$(curl -s -b lscw.jar -o case.html -w '%{http_code}' "$BASE/case/LSCW%2F2018%2F001")
[ "$code" = 200 ] || fail "the case with '/' in its number: $code"
grep -q 'LSCW/2018/001' case.html || fail "the case page does not show its number"
grep -q 'action="/case/LSCW%2F2018%2F001/stage"' case.html ||
    fail "the case page's forms do not post to the case"
# A change to it, through the form's own action.
t=$(csrf_of lscw "/case/LSCW%2F2018%2F001")
code=$(curl -s -b lscw.jar -o post.body -w '%{http_code}' --data-urlencode "csrf=$t" \
    --data-urlencode "stage=conciliation" --data-urlencode "on=2018-03-05" \
    --data-urlencode "version=1" "$BASE/case/LSCW%2F2018%2F001/stage")
[ "$code" = 303 ] || fail "a stage on the case with '/': $code $(head -c 300 post.body)"
"$LMPMON" --db "$(db d)" case export --out e.csv >/dev/null
grep -q '^LSCW/2018/001,.*conciliation' e.csv || fail "the stage did not reach the case"
# The decoded form is a different address: /case/LSCW/2018/001 is no page.
code=$(curl -s -b lscw.jar -o /dev/null -w '%{http_code}' "$BASE/case/LSCW/2018/001")
[ "$code" = 404 ] || fail "/case/LSCW/2018/001: expected 404, got $code"
# A bad escape or a NUL in a segment is no record.
code=$(curl -s -b lscw.jar -o /dev/null -w '%{http_code}' "$BASE/case/LSCW%002018")
[ "$code" = 404 ] || fail "a NUL in a segment: expected 404, got $code"
finish
