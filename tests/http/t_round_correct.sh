# Reopening a published round for a correction (issue 11: "an admin can
# reopen a published round for a correction, with a reason that goes into
# the audit trail and a note on the published report that it was
# amended"): only an administrator, only with a reason (a refused form
# keeps it); the round goes back to closed, the officer corrects a rating,
# publishes again, and every format of the report says it was amended,
# when, by whom and why.  Also from the CLI.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
"$LMPMON" --db "$(db d)" round close 2018 --yes >/dev/null &&
    "$LMPMON" --db "$(db d)" round publish 2018 --yes >/dev/null || fail "publish 2018"
start_server "$(db d)"
login admin
login officer

# The admin page offers it to the administrator only.
curl -s -b admin.jar "$BASE/admin" | grep -q 'Reopen for a correction' ||
    fail "the admin page does not offer the correction"
curl -s -b officer.jar "$BASE/admin" | grep -q 'Reopen for a correction' &&
    fail "an officer is offered the correction"
[ "$(post officer /admin/round round=2018 state=closed confirm=yes 'reason=x')" = 403 ] ||
    fail "an officer reopened a published round"
# First the confirmation with the reason's box; without a reason, refused
# and asked again.
[ "$(post admin /admin/round round=2018 state=closed)" = 200 ] || fail "no confirmation page"
grep -q 'name="reason"' post.body || fail "the confirmation has no reason box"
[ "$(post admin /admin/round round=2018 state=closed confirm=yes 'reason=  ')" = 400 ] ||
    fail "a correction without a reason"
grep -q 'say what is corrected' post.body || fail "the refusal does not say why"
REASON="MOLVT's rating of 4.8 was typed wrong; corrected from the minutes"
[ "$(post admin /admin/round round=2018 state=closed confirm=yes "reason=$REASON")" = 303 ] ||
    fail "the correction: $(head -c 300 post.body)"
"$LMPMON" --db "$(db d)" round list | grep -q '2018 .*closed' || fail "the round is not closed again"
db_sql d "SELECT count(*) FROM audit WHERE entity = 'round' AND field = 'correction'
    AND actor = 'admin'" >n.txt
[ "$(cat n.txt)" = 1 ] || fail "the reason is not in the audit trail"

# The officer corrects and publishes again; the report says it.
v=$(version_of officer /activity/4.8 /activity/4.8/review)
code=$(post officer /activity/4.8/review round=2018 "version=$v" action=approve \
    rating=on_target "progress=Corrected narrative")
[ "$code" = 303 ] || fail "the officer's correction: $code"
"$LMPMON" --db "$(db d)" round publish 2018 --yes >/dev/null || fail "publish again"
curl -s -b officer.jar "$BASE/round/2018/report" >report.html
grep -q "Amended after publication on .* by admin: MOLVT&#39;s rating of 4.8\|Amended after publication on .* by admin: MOLVT's rating of 4.8" report.html ||
    fail "the published report does not say it was amended: $(grep -o 'amended.\{0,200\}' report.html | head -2)"
for f in md json; do
    "$LMPMON" --db "$(db d)" report review --round 2018 --format $f >report.$f || fail "report $f"
    grep -q "Amended after publication on .* by admin" report.$f || fail "the $f report does not say it was amended"
done
"$LMPMON" --db "$(db d)" report review --round 2018 --format pdf --out report.pdf || fail "report pdf"
pdftotext report.pdf - | tr '\n' ' ' | grep -q "Amended after publication" ||
    fail "the PDF does not say it was amended"

# The CLI: a reason is needed, an officer may not.
out=$("$LMPMON" --db "$(db d)" round correct 2018 2>&1) && fail "a CLI correction without a reason"
echo "$out" | grep -q "say what is corrected" || fail "the CLI refusal: $out"
"$LMPMON" --db "$(db d)" round correct 2018 --reason "A second look at 7.8" >out.txt ||
    fail "the CLI correction: $(cat out.txt)"
grep -q "reopened for a correction" out.txt || fail "the CLI does not say what it did"
out=$("$LMPMON" --db "$(db d)" round correct 2018 --reason again 2>&1) &&
    fail "a round not published was 'corrected'"
echo "$out" | grep -q "is not published" || fail "the refusal: $out"
finish
