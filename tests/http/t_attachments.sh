# Evidence (issue 11): a reporter attaches files to its organisation's
# statement — PDF, PNG, JPEG, Word, Excel, OpenDocument text, recognised by
# their content, not their names — within LIMIT_ATTACH_BYTES and
# LIMIT_ATTACH_PER_STATEMENT; they are listed on the statement, downloaded
# (as attachments, nosniff) only by those who may read the statement,
# removed only by who attached them while the statement is a draft; every
# change is in the audit trail.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add molvt2 --role reporter --org MOLVT >/dev/null
start_server "$(db d)"
for u in admin officer molvt molvt2 ilo viewer; do login "$u"; done

# attach USER FILE...: post the files to 4.8's statement of round 2018;
# prints the status, the answer in att.html.
attach() {
    u=$1
    shift
    tok=$(csrf_of "$u" /activity/4.8)
    for f in "$@"; do set -- "$@" -F "file=@$f"; shift; done
    curl -s -b "$u.jar" -o att.html -w '%{http_code}' -F "csrf=$tok" -F round=2018 \
        -F attach=1 "$@" "$BASE/activity/4.8/attachments"
}
# ids: the attachment ids listed on 4.8 for molvt, in order.
ids() {
    curl -s -b molvt.jar "$BASE/activity/4.8" |
        grep -o 'href="/activity/4.8/attachment/[0-9]*"' | sed 's/.*attachment\///; s/"$//'
}
notice() {
    grep -o 'class="notice error"[^<]*' att.html | head -1
}

# --- files of every kind, by content --------------------------------------
printf '%%PDF-1.4\n%%\342\343\n1 0 obj <<>> endobj\n%%%%EOF\n' >report.pdf
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >photo.png
printf '\377\330\377\340\000\020JFIF\000' >photo.jpg
python3 - <<'PY' || fail "cannot write the office files"
import zipfile
def office(name, entries):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for e in entries:
            z.writestr(e, "<x/>")
office("list.docx", ["[Content_Types].xml", "word/document.xml"])
office("macro.docx", ["[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"])
office("plain.docx", ["readme.txt"])
with zipfile.ZipFile("minutes.odt", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", "<x/>", zipfile.ZIP_DEFLATED)
PY
printf 'a,b\n1,2\n' >t.csv
python3 "$SRC/tests/cli/csv_to_xlsx.py" t.csv counts.xlsx || fail "csv_to_xlsx"
printf 'MZ\220\000 a program' >setup.pdf
printf '<html><script>alert(1)</script></html>' >page.png

# Before the statement exists: save a draft first.
curl -s -b molvt.jar "$BASE/activity/4.8" | grep -q 'Save the statement as a draft to attach files' ||
    fail "the reporter's page does not say how to attach files"
code=$(attach molvt report.pdf)
[ "$code" = 409 ] && notice | grep -q 'as a draft first' ||
    fail "a file before any statement answered $code: $(notice)"
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=save "text=Trained 120 officials" rating=progressing)
[ "$code" = 303 ] || fail "saving the draft answered $code"

cp photo.png "រូបថត.png"
code=$(attach molvt report.pdf "រូបថត.png" photo.jpg list.docx counts.xlsx minutes.odt)
[ "$code" = 303 ] || fail "six good files answered $code: $(notice)"
curl -s -b molvt.jar -o page.html "$BASE/activity/4.8"
for x in "report.pdf</a> <span class=\"small\">(PDF document" "រូបថត.png</a> <span class=\"small\">(PNG image" \
    "photo.jpg</a> <span class=\"small\">(JPEG image" "list.docx</a> <span class=\"small\">(Word document" \
    "counts.xlsx</a> <span class=\"small\">(Excel workbook" "minutes.odt</a> <span class=\"small\">(OpenDocument text"; do
    grep -qF "$x" page.html || fail "the statement does not list '$x'"
done
grep -q 'report.pdf</a> <span class="small">(PDF document, 1 KB, molvt, ' page.html ||
    fail "a file's size and who attached it are not shown"

# Refused whatever their names say.
for f in setup.pdf page.png macro.docx plain.docx t.csv; do
    code=$(attach molvt "$f")
    [ "$code" = 400 ] && notice | grep -q "cannot attach &#39;$f&#39;: by its content it is not a PDF, PNG, JPEG" ||
        fail "$f answered $code: $(notice)"
done
{ printf '%%PDF-'; head -c $((10 * 1024 * 1024)) /dev/zero; } >big.pdf
code=$(attach molvt big.pdf)
[ "$code" = 400 ] && notice | grep -q 'a file must hold 1 byte to 10 MB (LIMIT_ATTACH_BYTES)' ||
    fail "a file over LIMIT_ATTACH_BYTES answered $code: $(notice)"
rm -f big.pdf
[ "$(ids | wc -l)" = 6 ] || fail "a refused file was kept: $(ids | wc -l) files"
# At most ten files.
code=$(attach molvt report.pdf report.pdf report.pdf report.pdf)
[ "$code" = 303 ] || fail "files 7 to 10 answered $code: $(notice)"
code=$(attach molvt report.pdf)
[ "$code" = 400 ] && notice | grep -q 'at most 10 files (LIMIT_ATTACH_PER_STATEMENT)' ||
    fail "an eleventh file answered $code: $(notice)"
[ "$(ids | wc -l)" = 10 ] || fail "the statement holds $(ids | wc -l) files, not 10"

# Nobody else attaches to MOLVT's statement.
code=$(attach ilo report.pdf)
[ "$code" = 403 ] || fail "ILO's reporter attached to MOLVT's statement ($code)"
code=$(attach officer report.pdf)
[ "$code" = 403 ] || fail "the officer attached to MOLVT's statement ($code)"
code=$(curl -s -o /dev/null -w '%{http_code}' -F round=2018 -F "file=@report.pdf" "$BASE/activity/4.8/attachments")
[ "$code" = 401 ] || fail "an anonymous upload answered $code"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -F round=2018 -F "file=@report.pdf" \
    "$BASE/activity/4.8/attachments")
[ "$code" = 403 ] || fail "an upload without the CSRF token answered $code"

# --- who may download ------------------------------------------------------
first=$(ids | head -1)
for u in molvt molvt2 officer admin; do
    code=$(curl -s -b "$u.jar" -o dl.bin -D dl.head -w '%{http_code}' "$BASE/activity/4.8/attachment/$first")
    [ "$code" = 200 ] || fail "$u downloading the PDF answered $code"
    cmp -s dl.bin report.pdf || fail "$u's download is not the file attached"
done
grep -qi "^content-disposition: attachment; filename=\"report.pdf\"; filename\*=UTF-8''report.pdf" dl.head || fail "the download is not an attachment: $(cat dl.head)"
grep -qi '^x-content-type-options: nosniff' dl.head || fail "the download lacks nosniff"
grep -qi '^content-type: application/pdf' dl.head || fail "the download's type is not the content's"
second=$(ids | sed -n 2p)
curl -s -b officer.jar -o /dev/null -D dl.head "$BASE/activity/4.8/attachment/$second"
grep -qi "^content-disposition: attachment; filename=\"_*.png\"; filename\*=UTF-8''%E1%9E%9A%E1%9E%BC%E1%9E%94%E1%9E%90%E1%9E%8F.png" dl.head ||
    fail "a Khmer file name is not kept for the download: $(grep -i disposition dl.head)"
for u in ilo viewer; do
    code=$(curl -s -b "$u.jar" -o dl.bin -w '%{http_code}' "$BASE/activity/4.8/attachment/$first")
    [ "$code" = 403 ] || fail "$u downloaded MOLVT's file ($code)"
    cmp -s dl.bin report.pdf && fail "$u got the file's bytes"
done
code=$(curl -s -o dl.bin -w '%{http_code}' "$BASE/activity/4.8/attachment/$first")
[ "$code" = 303 ] || fail "an anonymous download answered $code"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/activity/1.1/attachment/$first")
[ "$code" = 404 ] || fail "the file answered $code under another activity's address"
curl -s -b ilo.jar "$BASE/activity/4.8" | grep -q 'attachment/' && fail "ILO's page links MOLVT's files"
curl -s -b officer.jar "$BASE/activity/4.8" | grep -q "href=\"/activity/4.8/attachment/$first\"" ||
    fail "the officer's page does not list MOLVT's files"

# --- removing ----------------------------------------------------------------
last=$(ids | tail -1)
tok=$(csrf_of molvt2 /activity/4.8)
code=$(curl -s -b molvt2.jar -o att.html -w '%{http_code}' --data-urlencode "csrf=$tok" -d round=2018 -d attach=1 \
    "$BASE/activity/4.8/attachment/$last/remove")
[ "$code" = 403 ] || fail "another MOLVT reporter removed molvt's file ($code)"
grep -q "attachment/$last/remove" att.html && fail "the refusal offers the Remove button"
tok=$(csrf_of molvt /activity/4.8)
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$tok" -d round=2018 -d attach=1 \
    "$BASE/activity/4.8/attachment/$last/remove")
[ "$code" = 303 ] || fail "removing one's own file answered $code"
ids | grep -qx "$last" && fail "the removed file is still listed"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/activity/4.8/attachment/$last")
[ "$code" = 404 ] || fail "the removed file still downloads ($code)"
# Submitted: nothing is added or removed any more.
code=$(post molvt /activity/4.8/statement round=2018 version=1 action=submit "text=Trained 120 officials" rating=progressing)
[ "$code" = 303 ] || fail "submitting answered $code"
code=$(attach molvt photo.png)
[ "$code" = 409 ] && notice | grep -q 'only while it is a draft or returned' ||
    fail "a file on a submitted statement answered $code: $(notice)"
code=$(curl -s -b molvt.jar -o att.html -w '%{http_code}' --data-urlencode "csrf=$tok" -d round=2018 -d attach=1 \
    "$BASE/activity/4.8/attachment/$first/remove")
[ "$code" = 409 ] || fail "removing from a submitted statement answered $code"
grep -q "attachment/$first/remove" att.html && fail "a submitted statement still offers Remove"

# --- the JSON API lists them with the statement ---------------------------
curl -s -b officer.jar "$BASE/api/activity/4.8" >api.json
python3 - <<'PY' || fail "the API does not list MOLVT's files: $(head -c 400 api.json)"
import json
a = json.load(open("api.json"))
st = [s for x in a["assessments"] if x["round"] == "2018" for s in x["statements"] if s["org"] == "MOLVT"][0]
f = st["attachments"]
assert len(f) == 9, len(f)
assert f[0]["name"] == "report.pdf" and f[0]["type"] == "application/pdf" and f[0]["by"] == "molvt", f[0]
assert f[1]["type"] == "image/png" and f[0]["size"] > 0
PY
curl -s -b ilo.jar "$BASE/api/activity/4.8" | grep -q 'report.pdf' && fail "ILO's API answer names MOLVT's files"

# --- the audit trail ---------------------------------------------------------
n=$(db_sql d "SELECT count(*) FROM audit WHERE entity = 'statement' AND field = 'attachment' AND actor = 'molvt'")
[ "$n" = 10 ] || fail "$n audit rows for the ten files attached"
n=$(db_sql d "SELECT count(*) FROM audit WHERE field = 'attachment_removed' AND new = 'report.pdf'")
[ "$n" = 1 ] || fail "$n audit rows for the file removed"
curl -s -b officer.jar "$BASE/activity/4.8" | grep -q 'file attached' || fail "the history does not say a file was attached"
finish
