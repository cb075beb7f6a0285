# Importing a plan in the browser (issue 11, "Getting started in the
# browser"): on a new database the admin logs in, is led from the empty
# dashboard to /admin/import, uploads the sample's plan and annex, sees what
# the import would create (nothing written yet), confirms, and the dashboard
# shows the plan.  A malformed file is refused with its line and column as
# the CLI says them; files over LIMIT_UPLOAD_BYTES get a 413; viewers,
# reporters, anonymous visitors and posts without the CSRF token are
# refused; a confirmation after the data changed imports nothing, says why
# and previews again; an annex as XLSX is read like its CSV.
. "$(dirname "$0")/lib.sh"

SAMPLE=$SRC/data/cambodia-lmp-2015-2018
"$LMPMON" --db "$(db e)" init >/dev/null || fail "init"
for u in admin:admin officer:me_officer viewer:viewer; do
    echo "$PASS" | "$LMPMON" --db "$(db e)" user add "${u%%:*}" --role "${u#*:}" >/dev/null ||
        fail "user ${u%%:*}"
done
start_server "$(db e)"
for u in admin officer viewer; do login "$u"; done

# token USER: the CSRF token of USER's forms (from the import page, which
# works without a plan).
token() {
    curl -s -b "$1.jar" "$BASE/admin/import" | grep -o 'name="csrf" value="[^"]*"' |
        head -1 | sed 's/.*value="//; s/"$//'
}
# upload USER FILE...: post the files to /admin/import with USER's token;
# prints the status, the page in up.html.
upload() {
    u=$1
    shift
    tok=$(token "$u")
    for f in "$@"; do set -- "$@" -F "file=@$f"; shift; done
    curl -s -b "$u.jar" -o up.html -w '%{http_code}' -F "csrf=$tok" "$@" "$BASE/admin/import"
}
# field NAME FILE: the value of the hidden input NAME in FILE.
field() {
    grep -o "name=\"$1\" value=\"[^\"]*\"" "$2" | head -1 | sed 's/.*value="//; s/"$//'
}
# confirm USER PAGE [ACTION]: confirm (or cancel) the preview in PAGE;
# prints the status, the page in done.html.
confirm() {
    curl -s -b "$1.jar" -o done.html -w '%{http_code}' \
        --data-urlencode "csrf=$(token "$1")" --data-urlencode "id=$(field id "$2")" \
        --data-urlencode "action=${3:-import}" "$BASE/admin/import/confirm"
}

# --- an empty database leads the officer to the import -----------------
code=$(curl -s -b admin.jar -o e.html -w '%{http_code}' "$BASE/")
[ "$code" = 404 ] || fail "the dashboard of an empty database answered $code"
grep -q 'The database holds no plan yet' e.html || fail "the empty dashboard does not say why"
grep -q 'href="/admin/import">Import a plan</a>' e.html || fail "the empty dashboard does not lead to the import"
grep -q "lmpmon import" e.html && fail "the empty dashboard sends a browser user to the command line"
code=$(curl -s -b viewer.jar -o e.html -w '%{http_code}' "$BASE/plan")
grep -q 'href="/admin/import"' e.html && fail "a viewer is offered the import"
code=$(curl -s -b admin.jar -o a.html -w '%{http_code}' "$BASE/admin")
[ "$code" = 200 ] || fail "the admin page of an empty database answered $code"
grep -q 'href="/admin/import"' a.html || fail "the admin page does not link to the import"
grep -q 'action="/admin/user"' a.html || fail "the admin page of an empty database cannot add users"
code=$(curl -s -b officer.jar -o a.html -w '%{http_code}' "$BASE/admin/import")
[ "$code" = 200 ] && grep -q 'enctype="multipart/form-data"' a.html ||
    fail "the officer's import page ($code) has no upload form"

# --- preview, then confirm ----------------------------------------------
code=$(upload admin "$SAMPLE/plan.json" "$SAMPLE/annex.csv")
[ "$code" = 200 ] || fail "the preview answered $code: $(grep -o 'notice[^<]*' up.html)"
cp up.html preview1.html
grep -q "would import files &#39;plan.json&#39;, &#39;annex.csv&#39;: .* 1 new plan, .* 134 new plan nodes.* in 103 activities and 31 other plan nodes; nothing was written yet" up.html ||
    fail "the preview does not say what the import would create: $(grep -o '<p class="summary">[^<]*' up.html)"
grep -q '<td>New plans</td><td class="n">1</td>' up.html || fail "the preview's table lacks the new plan"
grep -q '<td>New assessments</td><td class="n">197</td>' up.html || fail "the preview's table lacks the assessments"
grep -q "&#39;annex.csv&#39; does not say when it was exported" up.html ||
    fail "the preview lacks the note about a file without a revision"
code=$(curl -s -b admin.jar -o /dev/null -w '%{http_code}' "$BASE/")
[ "$code" = 404 ] || fail "the preview wrote something: the dashboard answered $code"
# Another user cannot confirm the admin's preview.
code=$(confirm officer preview1.html)
[ "$code" = 410 ] || fail "another user's confirmation answered $code"
code=$(confirm admin preview1.html)
[ "$code" = 200 ] || fail "the confirmation answered $code: $(grep -o 'notice[^<]*' done.html)"
grep -q "imported files &#39;plan.json&#39;, &#39;annex.csv&#39;: 627 changes" done.html ||
    fail "the confirmation does not say what was imported"
curl -s -b viewer.jar -o d.html "$BASE/"
grep -q '<h1>Policy on Labour Migration for Cambodia 2015–2018</h1>' d.html ||
    fail "the dashboard does not show the imported plan"
grep -q '(10 out of 12) are progressing or on target' d.html || fail "the dashboard lacks the imported ratings"
[ "$(db_sql e "SELECT count(*) FROM audit WHERE actor = 'admin'")" -gt 500 ] ||
    fail "the import's audit rows do not name the admin"
# A preview is used once.
code=$(confirm admin preview1.html)
[ "$code" = 410 ] && grep -q 'expired or was already used' done.html ||
    fail "a used preview answered $code"

# --- a malformed file: the CLI's message, nothing kept -------------------
python3 - "$SAMPLE/annex.csv" <<'PY' || fail "cannot write bad.csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
rows[3][rows[0].index("2016:rating")] = "On track?"
csv.writer(open("bad.csv", "w", newline=""), lineterminator="\r\n").writerows(rows)
PY
cmp -s bad.csv "$SAMPLE/annex.csv" && fail "the malformed file is not malformed"
code=$(upload officer bad.csv)
[ "$code" = 400 ] || fail "a malformed annex answered $code"
cli=$("$LMPMON" --db "$(db e)" import --dry-run bad.csv 2>&1 | sed 's/^lmpmon: //')
case $cli in *"line "*", column "*) ;; *) fail "the CLI's message has no line and column: $cli" ;; esac
html=$(printf '%s' "$cli" | sed "s/'/\&#39;/g")
grep -qF "$html" up.html || fail "the page does not give the CLI's message '$cli'"
grep -q 'name="id"' up.html && fail "a refused file can still be confirmed"

# --- limits, roles, CSRF -------------------------------------------------
head -c $((32 * 1024 * 1024 + 1)) /dev/zero >big.csv
code=$(upload admin big.csv)
[ "$code" = 413 ] || fail "a file over LIMIT_UPLOAD_BYTES answered $code"
grep -q 'at most 32 MB' up.html || fail "the 413 does not say the limit"
# Who may not upload is refused before the body is read: a 401 or 403,
# not the 413 of a body too large.
code=$(curl -s -o /dev/null -w '%{http_code}' -F "file=@big.csv" "$BASE/admin/import")
[ "$code" = 401 ] || fail "an anonymous upload over the limit answered $code"
code=$(upload viewer big.csv)
[ "$code" = 403 ] || fail "a viewer's upload over the limit answered $code"
rm -f big.csv
code=$(upload viewer "$SAMPLE/plan.json")
[ "$code" = 403 ] || fail "a viewer's upload answered $code"
echo "$PASS" | "$LMPMON" --db "$(db e)" user add molvt --role reporter --org MOLVT >/dev/null
login molvt
code=$(upload molvt "$SAMPLE/plan.json")
[ "$code" = 403 ] || fail "a reporter's upload answered $code"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' "$BASE/admin/import")
[ "$code" = 403 ] || fail "a reporter's import page answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -F "file=@$SAMPLE/plan.json" "$BASE/admin/import")
[ "$code" = 401 ] || fail "an anonymous upload answered $code"
code=$(curl -s -b admin.jar -o up.html -w '%{http_code}' -F "file=@$SAMPLE/plan.json" "$BASE/admin/import")
[ "$code" = 403 ] && grep -q 'did not come from this site' up.html ||
    fail "an upload without the CSRF token answered $code"

# --- the data changed between preview and confirmation ------------------
sed 's/Study the suitability of ratification/NEW TEXT FROM THE BROWSER TEST/' "$SAMPLE/annex.csv" >changed.csv
cmp -s changed.csv "$SAMPLE/annex.csv" && fail "changed.csv is the sample (the sed found nothing)"
code=$(upload officer changed.csv)
[ "$code" = 200 ] && grep -q 'would import &#39;changed.csv&#39;: 1 change (1 text) in 1 activity' up.html ||
    fail "the change's preview ($code): $(grep -o '<p class="summary">[^<]*\|notice[^<]*' up.html)"
cp up.html preview2.html
"$LMPMON" --db "$(db e)" round open 2018 --title "2018 review" >/dev/null || fail "round open"
code=$(confirm officer preview2.html)
[ "$code" = 409 ] || fail "a confirmation after a change answered $code"
grep -q 'Nothing was imported: the data changed since the preview' done.html ||
    fail "the refused confirmation does not say why"
grep -q 'would import &#39;changed.csv&#39;: 1 change (1 text)' done.html ||
    fail "the refused confirmation does not preview again"
"$LMPMON" --db "$(db e)" export --out now.csv
grep -q 'NEW TEXT FROM THE BROWSER TEST' now.csv && fail "the confirmation imported after the data changed"
cp done.html preview3.html
code=$(confirm officer preview3.html)
[ "$code" = 200 ] || fail "confirming the new preview answered $code"
"$LMPMON" --db "$(db e)" export --out now.csv
grep -q 'NEW TEXT FROM THE BROWSER TEST' now.csv || fail "the confirmed change is not in the database"
# Cancelling forgets the files.
code=$(upload officer "$SAMPLE/annex.csv")
cp up.html preview4.html
code=$(confirm officer preview4.html cancel)
[ "$code" = 303 ] || fail "cancel answered $code"
code=$(confirm officer preview4.html)
[ "$code" = 410 ] || fail "a cancelled preview could still be confirmed ($code)"

# --- an annex as XLSX ----------------------------------------------------
# The first rows of the annex as imported, activity 1.2's wording changed,
# as a workbook of inline strings.
python3 - changed.csv <<'PY' || fail "cannot write the annex rows"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[:4]
rows[2][rows[0].index("activity")] = "CHANGED THROUGH A WORKBOOK"
csv.writer(open("few.csv", "w", newline="")).writerows(rows)
PY
python3 "$SRC/tests/cli/csv_to_xlsx.py" few.csv annex.xlsx || fail "csv_to_xlsx"
code=$(upload admin annex.xlsx)
[ "$code" = 200 ] && grep -q 'would import &#39;annex.xlsx&#39;: 1 change (1 text) in 1 activity' up.html ||
    fail "the workbook's preview ($code): $(grep -o '<p class="summary">[^<]*\|notice[^<]*' up.html)"
printf 'not a zip' >fake.xlsx
code=$(upload admin fake.xlsx)
[ "$code" = 400 ] && grep -q 'cannot import &#39;fake.xlsx&#39;: not a spreadsheet' up.html ||
    fail "a file named .xlsx that is none answered $code"
finish
