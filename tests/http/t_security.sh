# CSRF tokens, origins, size limits, headers, escaping of every text field,
# error pages that do not echo the request.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login molvt
login officer
login admin

# --- CSRF ---
data="round=2018&version=0&action=save&rating=progressing&text=csrf-test"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -d "$data" "$BASE/activity/1.1/statement")
[ "$code" = 403 ] || fail "missing CSRF token: expected 403, got $code"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -d "$data&csrf=wrong" "$BASE/activity/1.1/statement")
[ "$code" = 403 ] || fail "wrong CSRF token: expected 403, got $code"
other=$(csrf_of officer /plan)
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -d "$data&csrf=$other" "$BASE/activity/1.1/statement")
[ "$code" = 403 ] || fail "another session's CSRF token: expected 403, got $code"
mine=$(csrf_of molvt /plan)
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -H 'Sec-Fetch-Site: cross-site' \
    -d "$data&csrf=$mine" "$BASE/activity/1.1/statement")
[ "$code" = 403 ] || fail "cross-site request with a valid token: expected 403, got $code"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -H 'Origin: http://evil.example' \
    -d "$data&csrf=$mine" "$BASE/activity/1.1/statement")
[ "$code" = 403 ] || fail "foreign Origin with a valid token: expected 403, got $code"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -H 'Sec-Fetch-Site: same-origin' \
    -d "$data&csrf=$mine" "$BASE/activity/1.1/statement")
[ "$code" = 303 ] || fail "same-origin request with a valid token: expected 303, got $code"
# The login form needs its token too.
code=$(curl -s -o /dev/null -w '%{http_code}' -d "username=admin&password=$PASS" "$BASE/login")
[ "$code" = 403 ] || fail "login without token: expected 403, got $code"

# --- sizes ---
head -c 300000 /dev/zero | tr '\0' 'a' >big.txt
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' --data-urlencode "text@big.txt" \
    -d "csrf=$mine&round=2018" "$BASE/activity/1.1/statement")
[ "$code" = 413 ] || fail "oversized body: expected 413, got $code"
big=$(head -c 40000 /dev/zero | tr '\0' 'b')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $big" "$BASE/login")
case $code in 4*) ;; *) fail "oversized header: expected a 4xx, got $code" ;; esac
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")
[ "$code" = 200 ] || fail "the server did not survive the oversized header ($code)"
# A body sent in chunks (no Content-Length) that outgrows the limit: 413,
# not a connection closed without an answer.
code=$(curl -s -o e.html -w '%{http_code}' -b molvt.jar -H 'Transfer-Encoding: chunked' \
    --data-binary @big.txt "$BASE/activity/1.1/statement")
[ "$code" = 413 ] || fail "oversized chunked body: expected 413, got '$code'"
grep -q 'larger than the server accepts' e.html || fail "the chunked 413 does not say why"
# A chunked body within the limit is read as any other.
rm -f c.jar
curl -s -c c.jar "$BASE/login" >/dev/null
printf 'csrf=%s&username=viewer&password=%s' "$(awk '/lmpmon_csrf/ { print $7 }' c.jar)" \
    "$PASS" >chunked.txt
code=$(curl -s -o /dev/null -w '%{http_code}' -b c.jar -H 'Transfer-Encoding: chunked' \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @chunked.txt \
    "$BASE/login")
[ "$code" = 303 ] || fail "a login form sent in chunks answered $code"
# A thousand query arguments (more than the connection's memory holds as
# MHD's records), and four thousand empty ones: 400, not silence.
q=$(seq 1000 | sed 's/^/a&=1/' | paste -sd '&' -)
code=$(curl -s -o e.html -w '%{http_code}' "$BASE/login?$q")
[ "$code" = 400 ] || fail "1,000 query arguments: expected 400, got '$code'"
grep -q 'more fields than the server accepts' e.html || fail "the 400 does not say why"
q=$(seq 4000 | sed 's/^.*$/a/' | paste -sd '&' -)
code=$(curl -s -o /dev/null -w '%{http_code}' -b molvt.jar "$BASE/plan?$q")
[ "$code" = 400 ] || fail "4,000 empty query arguments: expected 400, got '$code'"
q=$(seq 64 | sed 's/^/a&=1/' | paste -sd '&' -)
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login?$q")
[ "$code" = 200 ] || fail "64 query arguments (LIMIT_FORM_FIELDS) answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login?a=%FF")
[ "$code" = 400 ] || fail "a query argument that is not UTF-8 answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")
[ "$code" = 200 ] || fail "the server did not survive the long queries ($code)"

# --- escaping: a hostile text in every field comes back as text ---
X='<script>alert(1)</script><img src=x onerror=alert(2)>"'"'"'&'
code=$(post molvt /activity/1.2/statement round=2018 version=0 action=submit \
    rating=progressing "text=$X")
[ "$code" = 303 ] || fail "statement with markup: $code"
v=$(version_of officer /activity/1.2 /activity/1.2/review)
code=$(post officer /activity/1.2/review round=2018 "version=$v" action=return \
    rating=progressing "progress=$X" "comment=$X")
[ "$code" = 303 ] || fail "review with markup: $code $(head -c 300 post.body)"
code=$(post admin /admin/user "name=u$X" role=viewer password=long-enough-pw)
code=$(post admin /admin/org "acronym=O<b>x" kind=ngo "name=$X")
[ "$code" = 303 ] || fail "organisation with markup: $code"
code=$(post admin /admin/round round=2019 state=new "title=$X" as_of=2019-11-30)
[ "$code" = 303 ] || fail "new round with markup in the title: $code"
for u in officer molvt admin; do
    for path in /activity/1.2 /round/2018 /round/2019 /rounds /admin /org/MOLVT /org/O%3Cb%3Ex / /plan /round/2019/report; do
        curl -s -b $u.jar "$BASE$path" >page.html
        if grep -q '<script>alert\|<img src=x\|O<b>x' page.html; then
            fail "$u $path: markup from the data reached the page"
        fi
    done
done
# JSON carries the text as data, typed so no browser runs it as HTML.
curl -s -D h.txt -o /dev/null -b admin.jar "$BASE/api/plan"
grep -qi '^Content-Type: application/json' h.txt || fail "API not served as JSON"
grep -qi '^X-Content-Type-Options: nosniff' h.txt || fail "API without nosniff"
curl -s -b officer.jar "$BASE/activity/1.2" | grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' ||
    fail "the statement is not shown escaped"

# --- headers on every response ---
for path in / /login /no/such /static/app.css; do
    curl -s -D h.txt -o /dev/null -b admin.jar "$BASE$path"
    grep -qi "^Content-Security-Policy: .*frame-ancestors 'none'" h.txt || fail "$path: no CSP"
    grep -i "^Content-Security-Policy:" h.txt | grep -q "script-src 'self';" || fail "$path: CSP allows more scripts"
    grep -qi "^X-Content-Type-Options: nosniff" h.txt || fail "$path: no nosniff"
done
curl -s -D h.txt -o /dev/null -b admin.jar "$BASE/plan"
grep -qi "^Cache-Control: no-store" h.txt || fail "logged-in page is cacheable"
rm -f y.jar
curl -s -D h.txt -c y.jar -o /dev/null "$BASE/login"
grep -i "^Set-Cookie: lmpmon_csrf=" h.txt | grep -q "HttpOnly; SameSite=Lax" || fail "csrf cookie flags"
curl -s -D h.txt -o /dev/null -b y.jar -d "csrf=$(awk '/lmpmon_csrf/ { print $7 }' y.jar)&username=admin&password=$PASS" "$BASE/login"
grep -i "^Set-Cookie: lmpmon_session=" h.txt | grep -q "HttpOnly; SameSite=Lax" || fail "session cookie flags"
# Only a hash of the session token is stored.
tok=$(grep -i "^Set-Cookie: lmpmon_session=" h.txt | sed 's/.*lmpmon_session=//; s/;.*//')
[ -n "$tok" ] || fail "no session token"
n=$(db_sql d "SELECT count(*) FROM session WHERE token_hash = '$tok'")
[ "$n" = 0 ] || fail "the session token is stored in clear"

# --- error pages do not echo the request ---
curl -s -b admin.jar "$BASE/no-such-%3Cscript%3Eabc" >e.html
grep -q 'no-such\|<script>abc\|&lt;script' e.html && fail "404 page echoes the path"
grep -q 'class="top"' e.html || fail "the 404 page lost the site's header"
grep -q 'admin (Administrator)' e.html || fail "the 404 page does not show who is logged in"
curl -s -b admin.jar "$BASE/activity/%3Cb%3Eq" >e.html
grep -q '<b>q' e.html && fail "unknown activity page echoes the code"

# --- the admin page's notices are the server's own words ---
curl -s -b admin.jar "$BASE/admin?msg=Security+update%3A+enter+your+password+at+evil.example" >a.html
grep -q 'evil.example' a.html && fail "/admin?msg= shows the link's text"
curl -s -b admin.jar "$BASE/admin?done=Enter+your+password+at+evil.example" >a.html
grep -q 'class="notice' a.html && fail "/admin?done= with an unknown key shows a notice"
curl -s -D h.txt -o /dev/null -b admin.jar \
    --data-urlencode "csrf=$(csrf_of admin /plan)" -d name=noticed \
    -d role=viewer -d password=long-enough-pw -d action=add "$BASE/admin/user"
loc=$(sed -n 's/^Location: //Ip' h.txt | tr -d '\r')
[ "$loc" = "/admin?done=user_added" ] || fail "adding a user redirected to '$loc'"
curl -s -b admin.jar "$BASE$loc" | grep -q 'class="notice ok" role="status">User added.' ||
    fail "the admin page does not confirm the new user"

# --- after logging in, the user stays on this site ---
# login_next NEXT: log in as viewer with the form field next=NEXT; prints
# the Location answered.
login_next() {
    rm -f r.jar
    curl -s -c r.jar "$BASE/login" >/dev/null
    curl -s -D h.txt -o /dev/null -b r.jar \
        --data-urlencode "csrf=$(awk '/lmpmon_csrf/ { print $7 }' r.jar)" \
        -d username=viewer --data-urlencode "password=$PASS" \
        --data-urlencode "next=$1" "$BASE/login"
    sed -n 's/^Location: //Ip' h.txt | tr -d '\r'
}
tab=$(printf '\t')
for next in "/$tab/evil.example" "//evil.example" "/\\evil.example" \
    "https://evil.example/"; do
    loc=$(login_next "$next")
    [ "$loc" = / ] || fail "login with next='$next' redirected to '$loc'"
done
loc=$(login_next "/round/2018/report?compare=2017")
[ "$loc" = "/round/2018/report?compare=2017" ] ||
    fail "login lost a local next page: '$loc'"
# The link's own next (MHD decodes %09 to a tab) never reaches the form.
curl -s "$BASE/login?next=/%09/evil.example" | grep -q 'name="next" value="/"' ||
    fail "the login form keeps a next page on another site"

# The JSON API takes one flat object: deep nesting is refused at once with
# its place, and nothing is saved.
tok=$(csrf_of molvt /plan)
deep=$(python3 -c 'print("{\"round\": \"2018\", \"text\": " + "[" * 20000 + "]" * 20000 + "}")')
code=$(curl -s -b molvt.jar -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
    -H 'Content-Type: application/json' --data-binary "$deep" "$BASE/api/activity/4.8/statement")
[ "$code" = 400 ] || fail "deeply nested JSON: expected 400, got $code"
grep -q 'line 1, column 27 nests deeper' post.body || fail "nested JSON: no place given: $(head -c 200 post.body)"
code=$(curl -s -b molvt.jar -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
    -H 'Content-Type: application/json' \
    -d '{"round": "2018", "text": "flat is fine", "action": "save", "version": 0}' \
    "$BASE/api/activity/4.8/statement")
[ "$code" = 200 ] || [ "$code" = 201 ] || fail "a flat statement object: $code $(head -c 200 post.body)"

finish
