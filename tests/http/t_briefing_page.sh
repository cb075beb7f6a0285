# /briefing?quarter=Q: the quarterly briefing for logged-in users — the
# same document as 'lmpmon report briefing', its inline stylesheet allowed
# by the page's Content-Security-Policy (by hash), downloads as Markdown,
# CSV and JSON, a malformed quarter refused, the complaints register's part
# shown to those who see cases and said to be left out for the others.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
printf '%s\n%s\n' 'case_no,lodged_on,resolved_on,sex,assisting_org' \
    'B-1,2019-06-01,2019-08-01,female,LSCW' >c.csv
"$LMPMON" --db "$(db d)" case import c.csv >/dev/null || fail "case import"
"$LMPMON" --db "$(db d)" report briefing --quarter 2019Q3 --out cli.html || fail "the CLI's briefing"
start_server "$(db d)"
login officer
login viewer

code=$(curl -s -D h.txt -o q3.html -w '%{http_code}' -b officer.jar "$BASE/briefing?quarter=2019Q3")
[ "$code" = 200 ] || fail "the briefing answered $code"
# The CLI's file, with the page's links to the downloads.
grep -v '^<p class="downloads">' q3.html | cmp -s - cli.html || fail "the page is not the CLI's briefing"
grep -qF '43 (W27: M16)' q3.html || fail "the training's count is not on the page"
# Every inline <style> is allowed by its hash in the CSP.
python3 - q3.html h.txt <<'PY' || fail "a stylesheet of the page is not allowed by the CSP"
import base64, hashlib, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
csp = [l for l in open(sys.argv[2], encoding="latin-1") if l.lower().startswith("content-security-policy:")][0]
for css in re.findall(r"<style>(.*?)</style>", html, re.S):
    h = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    if "'sha256-%s'" % h not in csp:
        sys.exit("no hash for a <style> of %d bytes" % len(css))
PY

# The officer sees the register's case; the viewer is told it is left out.
grep -q '<td>LSCW</td><td>1</td>' q3.html || fail "the officer does not see the resolved case"
curl -s -b viewer.jar "$BASE/briefing?quarter=2019Q3" >v.html
grep -q 'Not shown here' v.html || fail "the viewer is not told the register is left out"
grep -q '<td>LSCW</td><td>1</td>' v.html && fail "the viewer sees the register's cases"

grep -qF '<a href="/briefing?quarter=2019Q3&amp;format=pdf">PDF</a>' q3.html ||
    fail "the briefing page has no PDF link"
for f in md csv json pdf; do
    curl -s -D h.txt -o "q3.$f" -b officer.jar "$BASE/briefing?quarter=2019Q3&format=$f"
    grep -qi "^Content-Disposition: attachment; filename=\"briefing-2019Q3.$f\"" h.txt ||
        fail "format=$f is not a download: $(grep -i disposition h.txt)"
done
python3 -c 'import json,sys; json.load(open("q3.json"))' || fail "the JSON download does not parse"
grep -qi '^Content-Type: application/pdf' h.txt || fail "the PDF is not served as one"
# The PDF link's download: the officer's briefing, the register's case too.
pdftotext q3.pdf q3.pdf.txt || fail "the PDF download does not read"
grep -q 'Main programme activities' q3.pdf.txt || fail "the PDF has no activities section"
grep -q 'Complaints register' q3.pdf.txt || fail "the PDF has no register section"

code=$(curl -s -o /dev/null -w '%{http_code}' -b officer.jar "$BASE/briefing?quarter=2019Q5")
[ "$code" = 400 ] || fail "a bad quarter answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -b officer.jar "$BASE/briefing?quarter=2019Q3&org=NOSUCH")
[ "$code" = 404 ] || fail "an unknown organisation answered $code"
code=$(curl -s -o org.json -w '%{http_code}' -b officer.jar "$BASE/briefing?quarter=2019Q3&org=LSCW&format=json")
[ "$code" = 200 ] && grep -q '"organisation": "LSCW"' org.json || fail "org=LSCW answered $code"
curl -s -b officer.jar "$BASE/briefing" | grep -q 'name="quarter"' || fail "no form without a quarter"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/briefing?quarter=2019Q3")
[ "$code" = 401 ] || [ "$code" = 303 ] || fail "an anonymous reader got $code"
finish
