# The role x route matrix, walked from the route table itself: every route
# 'lmpmon routes' lists must be in this test's own matrix (and the other
# way round), and for every route and every role (and no login) the server
# must allow what the matrix allows — "allowed" meaning the handler did
# its work (2xx or 3xx), not merely "not 401/403" — and refuse the rest
# before any handler runs (401/403, or a redirect to the login page for an
# anonymous reader of a page).  Every route that changes state needs its
# CSRF token: the same request without it is refused (403).
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add lscw --role case_officer --org LSCW >/dev/null
# Whose password the reset routes set (a fresh link for each request).
echo "$PASS" | "$LMPMON" --db "$(db d)" user add resetme --role viewer >/dev/null
printf '%s\n%s\n' 'case_no,lodged_on,sex,assisting_org' 'LSCW-1,2018-03-01,female,LSCW' >c.csv
"$LMPMON" --db "$(db d)" case import c.csv >/dev/null || fail "case import"
"$LMPMON" --db "$(db d)" recommendation import "$SRC/data/cambodia-lmp-2015-2018/recommendations-2017.csv" \
    >/dev/null || fail "recommendation import"
# An indicator MOLVT reports on, for the routes of its figures.
"$LMPMON" --db "$(db d)" indicator add M1 --goal 11 --unit count --definition "Matrix" \
    --org MOLVT >/dev/null || fail "indicator add"
# An event MOLVT took part in (the reporter's to change), an article and
# a statistics figure of the sample.
OID=$(db_sql d "SELECT id FROM outreach WHERE title LIKE 'Meeting to finalize the Code%'")
MID=$(db_sql d "SELECT min(id) FROM media")
SID=$(db_sql d "SELECT min(id) FROM stat_obs WHERE sex = 'total'")
start_server "$(db d)" --public
USERS="admin officer molvt lscw viewer"
for u in $USERS; do login "$u"; done
# Two files on MOLVT's draft statement on 4.8: the first to download, the
# second to remove.
printf '%%PDF-1.4\n' >m.pdf
post molvt /activity/4.8/statement round=2018 version=0 action=save text=files rating=progressing >/dev/null
tok=$(csrf_of molvt /activity/4.8)
curl -s -b molvt.jar -o /dev/null -F "csrf=$tok" -F round=2018 -F file=@m.pdf -F file=@m.pdf \
    "$BASE/activity/4.8/attachments"

# The matrix: method, route, who may use it (roles by the names 'lmpmon
# routes' prints; 'public': anonymous readers with --public; 'open': no
# login at all).  Written here, not read from the code.
cat >matrix.txt <<'EOF'
GET /static/app.css open
GET /static/app.js open
GET /login open
POST /login open
POST /logout admin,me_officer,reporter,case_officer,viewer
GET /reset/{} open
POST /reset/{} open
GET /language open
GET / admin,me_officer,reporter,case_officer,viewer,public
GET /plan admin,me_officer,reporter,case_officer,viewer,public
GET /plan/khmer admin,me_officer
GET /activity/{} admin,me_officer,reporter,case_officer,viewer,public
POST /activity/{}/statement reporter
POST /activity/{}/review admin,me_officer
POST /activity/{}/funding admin,me_officer
POST /activity/{}/attachments reporter
GET /activity/{}/attachment/{} admin,me_officer,reporter
POST /activity/{}/attachment/{}/remove reporter
GET /org/{} admin,me_officer,reporter,case_officer,viewer,public
GET /rounds admin,me_officer,reporter,case_officer,viewer,public
GET /round/{} admin,me_officer,reporter,case_officer,viewer,public
POST /round/{}/due admin,me_officer
POST /round/{}/extension admin,me_officer
GET /round/{}/chapter/{} admin,me_officer
POST /round/{}/chapter/{} admin,me_officer
GET /round/{}/report admin,me_officer,reporter,case_officer,viewer,public
GET /round/{}/coordination admin,me_officer,reporter,case_officer,viewer,public
GET /complaints admin,me_officer,reporter,case_officer,viewer,public
GET /briefing admin,me_officer,reporter,case_officer,viewer
GET /cases admin,case_officer
GET /cases/new admin,case_officer
POST /cases admin,case_officer
GET /case/{} admin,case_officer
POST /case/{}/stage admin,case_officer
POST /case/{}/payment admin,case_officer
POST /case/{}/details admin,case_officer
GET /admin admin,me_officer
POST /admin/user admin
POST /admin/round admin,me_officer
POST /admin/org admin
POST /admin/plan admin,me_officer
POST /plan/khmer admin,me_officer
GET /inbox admin,me_officer,reporter,case_officer,viewer
POST /inbox/read admin,me_officer,reporter,case_officer,viewer
GET /account admin,me_officer,reporter,case_officer,viewer
POST /account admin,me_officer,reporter,case_officer,viewer
GET /api/inbox admin,me_officer,reporter,case_officer,viewer
GET /admin/import admin,me_officer
POST /admin/import admin,me_officer
POST /admin/import/confirm admin,me_officer
GET /api/me admin,me_officer,reporter,case_officer,viewer
GET /api/plan admin,me_officer,reporter,case_officer,viewer,public
GET /api/activity/{} admin,me_officer,reporter,case_officer,viewer,public
GET /api/round/{}/summary admin,me_officer,reporter,case_officer,viewer,public
GET /api/round/{}/collection admin,me_officer,reporter,case_officer,viewer
GET /api/checks admin,me_officer,reporter,case_officer,viewer
POST /api/activity/{}/statement reporter
POST /api/activity/{}/assessment admin,me_officer
POST /activity/{}/statement/{}/review admin,me_officer,reporter
POST /api/activity/{}/statement/{}/review admin,me_officer,reporter
GET /round/{}/recommendations admin,me_officer,reporter,case_officer,viewer,public
POST /round/{}/recommendations admin,me_officer
GET /round/{}/recommendation/{} admin,me_officer,reporter,case_officer,viewer,public
POST /round/{}/recommendation/{} admin,me_officer
POST /round/{}/recommendation/{}/follow-up admin,me_officer
GET /api/round/{}/recommendations admin,me_officer,reporter,case_officer,viewer,public
GET /round/{}/action-plan admin,me_officer,reporter,case_officer,viewer,public
GET /round/{}/action-plan/{} admin,me_officer
POST /round/{}/action-plan/{} admin,me_officer
GET /indicators admin,me_officer,reporter,case_officer,viewer,public
GET /indicator/{} admin,me_officer,reporter,case_officer,viewer,public
POST /indicator/{}/values admin,me_officer,reporter
POST /indicator/{}/review admin,me_officer
GET /api/indicator/{} admin,me_officer,reporter,case_officer,viewer,public
POST /api/indicator/{}/values admin,me_officer,reporter
GET /resources admin,me_officer,reporter,case_officer,viewer,public
GET /api/round/{}/funding admin,me_officer,reporter,case_officer,viewer,public
GET /outreach admin,me_officer,reporter,case_officer,viewer,public
GET /outreach/new admin,me_officer,reporter
POST /outreach admin,me_officer,reporter
GET /outreach/{} admin,me_officer,reporter
POST /outreach/{} admin,me_officer,reporter
POST /outreach/{}/delete admin,me_officer,reporter
GET /media/new admin,me_officer
POST /media admin,me_officer
GET /media/{} admin,me_officer
POST /media/{} admin,me_officer
POST /media/{}/delete admin,me_officer
GET /statistics admin,me_officer,reporter,case_officer,viewer,public
GET /statistics/new admin,me_officer
POST /statistics admin,me_officer
GET /statistics/{} admin,me_officer
POST /statistics/{} admin,me_officer
POST /statistics/{}/delete admin,me_officer
EOF

# The route table as the server has it: the same routes, the same people,
# and 'csrf' exactly on the routes that are not GET.
"$LMPMON" routes >routes.txt || fail "lmpmon routes"
awk '{ print $1, $2, $3 }' routes.txt | sort >have.txt
sort matrix.txt >want.txt
diff want.txt have.txt >routes.diff ||
    fail "the route table and the test's matrix differ (< test, > server):\n$(cat routes.diff)"
awk '($1 == "GET") != ($4 != "csrf") { print }' routes.txt >csrf.bad
[ -s csrf.bad ] && fail "CSRF is not exactly on the routes that change state:\n$(cat csrf.bad)"

role_of() {
    case $1 in
    admin) echo admin ;; officer) echo me_officer ;; molvt) echo reporter ;;
    lscw) echo case_officer ;; viewer) echo viewer ;; anon) echo public ;;
    esac
}

# A concrete address for a route.
address() {
    case $1 in
    /activity/{}/statement) echo /activity/1.1/statement ;;
    /activity/{}/statement/{}/review) echo /activity/1.1/statement/MOLVT/review ;;
    /api/activity/{}/statement/{}/review) echo /api/activity/1.1/statement/MOLVT/review ;;
    /api/activity/{}/statement) echo /api/activity/1.2/statement ;;
    # The open round: a published one's due date is locked.
    /round/{}/due) echo /round/2018/due ;;
    /round/{}/extension) echo /round/2018/extension ;;
    /round/{}/chapter/{}) echo /round/2018/chapter/findings ;;
    /round/{}/action-plan/{}) echo /round/2018/action-plan/4.8 ;;
    /language) echo '/language?lang=en&next=/' ;;
    /reset/{}) "$LMPMON" --db "$(db d)" user reset resetme 2>/dev/null ;;
    /activity/{}/attachment/{}) echo /activity/4.8/attachment/1 ;;
    /activity/{}/attachment/{}/remove) echo /activity/4.8/attachment/2/remove ;;
    /indicator/{}) echo /indicator/M1 ;;
    /indicator/{}/values) echo /indicator/M1/values ;;
    /indicator/{}/review) echo /indicator/M1/review ;;
    /api/indicator/{}) echo /api/indicator/M1 ;;
    /api/indicator/{}/values) echo /api/indicator/M1/values ;;
    /outreach/{}) echo "/outreach/$OID" ;;
    /outreach/{}/delete) echo "/outreach/$OID/delete" ;;
    /media/{}) echo "/media/$MID" ;;
    /media/{}/delete) echo "/media/$MID/delete" ;;
    /statistics/{}) echo "/statistics/$SID" ;;
    /statistics/{}/delete) echo "/statistics/$SID/delete" ;;
    *) echo "$1" | sed 's|/activity/{}|/activity/4.8|; s|/org/{}|/org/MOLVT|;
        s|/round/{}|/round/2017|; s|/case/{}|/case/LSCW-1|;
        s|/recommendation/{}|/recommendation/C1|' ;;
    esac
}

# post_as USER PATH DATA...: a form post with USER's token; code in $code.
post_as() {
    code=$(post "$@")
}

# The form data that does the route's work for user u (version numbers read
# from the page, as a browser would).
do_post() {
    u=$1
    route=$2
    path=$(address "$route")
    case $route in
    /login)
        # As a browser: the login form's page gives the token.
        rm -f l.jar
        curl -s -c l.jar "$BASE/login" >/dev/null
        t=$(awk '/lmpmon_csrf/ { print $7 }' l.jar)
        code=$(curl -s -b l.jar -o post.body -w '%{http_code}' --data-urlencode "csrf=$t" \
            --data-urlencode username=viewer --data-urlencode "password=$PASS" "$BASE/login") ;;
    /reset/{})
        # As a browser: the form's page gives the token.
        rm -f r.jar
        curl -s -c r.jar "$BASE$path" >/dev/null
        t=$(awk '/lmpmon_csrf/ { print $7 }' r.jar)
        code=$(curl -s -b r.jar -o post.body -w '%{http_code}' --data-urlencode "csrf=$t" \
            --data-urlencode "password=matrix-$u-pw" --data-urlencode "again=matrix-$u-pw" \
            "$BASE$path") ;;
    /activity/{}/statement)
        post_as "$u" "$path" round=2018 version=0 action=save text="matrix $u" rating=progressing ;;
    /activity/{}/review)
        v=$(version_of "$u" /activity/4.8 /activity/4.8/review)
        post_as "$u" "$path" round=2018 "version=${v:-0}" action=save progress="by $u" rating=progressing ;;
    /activity/{}/funding)
        # A new line for each user: its number from the name's length.
        post_as "$u" "$path" round=2018 what=line "line=${#u}" version=0 source_kind=other \
            "label=Matrix $u" amount=1 currency=USD status=gap ;;
    /cases)
        post_as "$u" /cases "case_no=M-$u" lodged_on=2018-05-01 sex=female channel=ngo \
            legal_status=unknown currency=USD ;;
    /case/{}/stage)
        v=$(version_of "$u" /case/LSCW-1 /case/LSCW-1/stage)
        post_as "$u" "$path" stage=conciliation on=2018-03-05 "version=${v:-0}" ;;
    /case/{}/payment)
        v=$(version_of "$u" /case/LSCW-1 /case/LSCW-1/payment)
        post_as "$u" "$path" paid_on=2018-04-01 amount=10 "version=${v:-0}" ;;
    /case/{}/details)
        v=$(version_of "$u" /case/LSCW-1 /case/LSCW-1/details)
        post_as "$u" "$path" satisfied=yes outcome=settled requested=10 ordered=10 \
            "version=${v:-0}" ;;
    /round/{}/due)
        # The due date the page shows, as a browser sends it back.
        was=$(curl -s -b "$u.jar" "$BASE/round/2018" |
            sed -n 's/.*name="was" value="\([0-9-]*\)".*/\1/p' | head -1)
        post_as "$u" "$path" "was=$was" "due=2018-12-1${#u}" ;;
    /round/{}/extension)
        v=$(curl -s -b "$u.jar" "$BASE/round/2018" |
            sed -n 's/.*name="version-ILO" value="\([0-9]*\)".*/\1/p' | head -1)
        post_as "$u" "$path" org=ILO "version-ILO=${v:-0}" "due=2019-01-1${#u}" \
            "reason=matrix $u" action=save ;;
    /round/{}/chapter/{})
        v=$(version_of "$u" /round/2018/chapter/findings /round/2018/chapter/findings)
        post_as "$u" "$path" "version=${v:-0}" "text=matrix $u" ;;
    /admin/user) post_as "$u" /admin/user "name=m_$u" role=viewer password=long-enough-pw action=add ;;
    /admin/round) post_as "$u" /admin/round "round=M$u" state=new "title=Matrix $u" ;;
    /admin/org) post_as "$u" /admin/org "acronym=M_$u" kind=ngo "name=Org of $u" ;;
    /admin/plan)
        post_as "$u" /admin/plan from=cambodia-lmp-2015-2018 "code=next-$u" \
            "plan_title=Next plan of $u" confirm=yes ;;
    /plan/khmer)
        # A node of each user's own (4.5, 4.7), so no save is stale.
        post_as "$u" /plan/khmer what=node "code=4.${#u}" "km=matrix $u" was= ;;
    /logout) post_as "$u" /logout ;;
    /inbox/read) post_as "$u" /inbox/read id=all ;;
    /account) post_as "$u" /account "email=$u@example.org" mail=1 lang= ;;
    /activity/{}/attachments)
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        code=$(curl -s -b "$u.jar" -o post.body -w '%{http_code}' -F "csrf=$tok" \
            -F round=2018 -F file=@m.pdf "$BASE$path") ;;
    /activity/{}/attachment/{}/remove) post_as "$u" "$path" round=2018 ;;
    /admin/import)
        # Files, as the browser sends them: a preview.
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        code=$(curl -s -b "$u.jar" -o post.body -w '%{http_code}' -F "csrf=$tok" \
            -F "file=@$SRC/data/cambodia-lmp-2015-2018/plan.json" "$BASE$path") ;;
    /admin/import/confirm)
        # Cancelling a preview of the user's own (none for those refused).
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        curl -s -b "$u.jar" -o preview.body -F "csrf=$tok" \
            -F "file=@$SRC/data/cambodia-lmp-2015-2018/plan.json" "$BASE/admin/import"
        id=$(grep -o 'name="id" value="[^"]*"' preview.body | sed 's/.*value="//; s/"$//')
        post_as "$u" "$path" "id=$id" action=cancel ;;
    /round/{}/action-plan/{})
        v=$(version_of "$u" "$path" "$path")
        post_as "$u" "$path" "version=${v:-1}" "action_point=Worded by $u" ;;
    /round/{}/recommendations)
        post_as "$u" "$path" "code=M-$u" "text=Matrix $u" group=Policy priority=yes ;;
    /round/{}/recommendation/{})
        v=$(version_of "$u" "$path" "$path")
        post_as "$u" "$path" "version=${v:-0}" "text=Edited by $u" concerns=7.8 asked=ACRA ;;
    /round/{}/recommendation/{}/follow-up)
        v=$(curl -s -b "$u.jar" "$BASE/round/2017/recommendation/C1" |
            sed -n 's/.*name="version-2018" value="\([0-9]*\)".*/\1/p' | head -1)
        post_as "$u" "$path" in=2018 status=in_progress "evidence=by $u" "version-2018=${v:-0}" ;;
    /activity/{}/statement/{}/review)
        # A comment: MOLVT's reporter on its own statement (saved above),
        # the officers on anyone's.
        post_as "$u" "$path" round=2018 version=0 action=comment "comment=matrix $u" ;;
    /api/activity/{}/statement/{}/review)
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        code=$(curl -s -b "$u.jar" -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
            -H 'Content-Type: application/json' \
            -d "{\"round\": \"2018\", \"action\": \"comment\", \"comment\": \"api $u\"}" \
            "$BASE$path") ;;
    /api/activity/{}/assessment)
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        v=$(curl -s -b "$u.jar" "$BASE/api/activity/4.8" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print([a["version"] for a in d["assessments"] if a["round"] == "2018"][0])')
        code=$(curl -s -b "$u.jar" -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
            -H 'Content-Type: application/json' \
            -d "{\"round\": \"2018\", \"progress\": \"api $u\", \"rating\": \"progressing\", \"action\": \"save\", \"version\": $v}" \
            "$BASE$path") ;;
    /api/activity/{}/statement)
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        code=$(curl -s -b "$u.jar" -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
            -H 'Content-Type: application/json' \
            -d "{\"round\": \"2018\", \"text\": \"api $u\", \"action\": \"save\", \"version\": 0}" \
            "$BASE$path") ;;
    /indicator/{}/values)
        # A year of the user's own (the stamp as the page draws it).
        case $u in admin) y=2011 ;; officer) y=2012 ;; molvt) y=2013 ;; *) y=2014 ;; esac
        s=$(curl -s -b "$u.jar" "$BASE/indicator/M1?period=$y" |
            sed -n 's/.*name="stamp" value="\([^"]*\)".*/\1/p' | head -1)
        post_as "$u" "$path" "period=$y" "stamp=${s:-rev=1}" action=submit value_total=5 ;;
    /indicator/{}/review)
        # The officer submits a year of the user's own; the user validates.
        y=202${#u}
        (post officer /indicator/M1/values "period=$y" stamp=rev=1 action=submit \
            value_total=5) >/dev/null
        s=$(curl -s -b officer.jar "$BASE/indicator/M1?period=$y" |
            sed -n 's/.*name="stamp" value="\([^"]*\)".*/\1/p' | head -1)
        post_as "$u" "$path" "period=$y" rev=1 "stamp=$s" action=validate ;;
    /api/indicator/{}/values)
        # A new year of the user's own: its stamp names the revision only.
        case $u in admin) y=2031 ;; officer) y=2032 ;; molvt) y=2033 ;; *) y=2034 ;; esac
        tok=""
        [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
        code=$(curl -s -b "$u.jar" -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
            -H 'Content-Type: application/json' \
            -d "{\"period\": \"$y\", \"stamp\": \"rev=1\", \"action\": \"submit\", \"total\": 5}" \
            "$BASE$path") ;;
    /outreach)
        post_as "$u" /outreach date=2019-08-01 "title=Matrix $u" kind=meeting status=held \
            org=MOLVT total=3 ;;
    /outreach/{})
        # The stored event as its form shows it, with another purpose.
        v=$(version_of "$u" "$path" "$path")
        post_as "$u" "$path" "version=${v:-1}" date=2019-10-29 \
            "title=Meeting to finalize the Code of Conduct for Cambodian Private Recruitment Agencies" \
            kind=meeting status=planned org=ACRA "org_more=MAC; MOLVT; IOM" "places=Phnom Penh" \
            "purpose=Worded by $u" ;;
    /outreach/{}/delete)
        # An event of the user's own making (none for those refused).
        post_as "$u" /outreach date=2019-08-02 "title=Gone $u" kind=meeting status=held \
            org=MOLVT total=1
        id=$(db_sql d "SELECT id FROM outreach WHERE title = 'Gone $u'")
        post_as "$u" "/outreach/${id:-$OID}/delete" version=1 ;;
    /media) post_as "$u" /media date=2019-09-02 "title=Matrix $u" outlet=Paper ;;
    /media/{})
        v=$(version_of "$u" "$path" "$path")
        post_as "$u" "$path" "version=${v:-1}" \
            "date=$(db_sql d "SELECT published_on FROM media WHERE id = $MID")" \
            "title=$(db_sql d "SELECT title FROM media WHERE id = $MID")" "outlet=Outlet of $u" ;;
    /media/{}/delete)
        post_as "$u" /media date=2019-09-03 "title=Gone $u" outlet=Paper
        id=$(db_sql d "SELECT id FROM media WHERE title = 'Gone $u'")
        post_as "$u" "/media/${id:-$MID}/delete" version=1 ;;
    /statistics)
        post_as "$u" /statistics measure=flow destination=Japan channel=other period=2019Q3 \
            "source=Matrix $u" total=5 ;;
    /statistics/{})
        # The figure's form sent back as it stands, with a note.
        curl -s -b "$u.jar" "$BASE$path" >fig.body
        set -- measure destination channel period source women men total v_women v_men v_total
        for f; do
            set -- "$@" "$f=$(sed -n "s/.*name=\"$f\"[^>]*value=\"\([^\"]*\)\".*/\1/p" fig.body | head -1)"
            shift
        done
        post_as "$u" "$path" "$@" "note=by $u" ;;
    /statistics/{}/delete)
        post_as "$u" /statistics measure=flow destination=Japan channel=other period=2019Q2 \
            "source=Gone $u" total=5
        id=$(db_sql d "SELECT id FROM stat_obs WHERE source = 'Gone $u'")
        post_as "$u" "/statistics/${id:-$SID}/delete" version=1 ;;
    *) fail "no request is written for POST $route: add one to do_post"; code=000 ;;
    esac
}

# check USER METHOD ROUTE WHO
check() {
    u=$1
    method=$2
    route=$3
    who=$4
    role=$(role_of "$u")
    case ",$who," in
    *,open,* | *,"$role",*) allowed=1 ;;
    *) allowed=0 ;;
    esac
    path=$(address "$route")
    if [ "$method" = GET ]; then
        if [ "$u" = anon ]; then
            code=$(curl -s -o get.body -D get.head -w '%{http_code}' "$BASE$path")
        else
            code=$(curl -s -b "$u.jar" -o get.body -D get.head -w '%{http_code}' "$BASE$path")
        fi
    else
        do_post "$u" "$route"
    fi
    if [ $allowed = 1 ]; then
        case $code in
        2?? | 3??)
            if [ "$code" = 303 ] && grep -qi '^location: /login' get.head 2>/dev/null &&
                [ "$method" = GET ]; then
                fail "$u $method $path: sent to the login page, but the matrix allows it"
            fi ;;
        *) fail "$u $method $path: allowed, but answered $code: $(head -c 200 post.body 2>/dev/null)" ;;
        esac
    else
        case $code in
        401 | 403) ;;
        303)
            [ "$u" = anon ] && [ "$method" = GET ] && grep -qi '^location: /login' get.head ||
                fail "$u $method $path: refused by the matrix, but answered 303" ;;
        *) fail "$u $method $path: refused by the matrix, but answered $code" ;;
        esac
    fi
    rm -f get.head
}

n=0
while read -r method route who; do
    [ "$route" = /logout ] && continue  # last: it ends the session
    for u in anon $USERS; do
        check "$u" "$method" "$route" "$who"
        n=$((n + 1))
    done
done <matrix.txt

# Without its token, every state-changing route is refused (for a user it
# allows), and nothing runs.
while read -r method route who; do
    [ "$method" = GET ] && continue
    [ "$route" = /login ] && continue
    for u in $USERS; do
        role=$(role_of "$u")
        case ",$who," in *,"$role",*) ;; *) continue ;; esac
        code=$(curl -s -b "$u.jar" -o nocsrf.body -w '%{http_code}' -d "x=1" \
            "$BASE$(address "$route")")
        [ "$code" = 403 ] || fail "$u POST $route without a token: expected 403, got $code"
        break
    done
done <matrix.txt
code=$(curl -s -o /dev/null -w '%{http_code}' -d "username=viewer&password=$PASS" "$BASE/login")
[ "$code" = 403 ] || fail "a login without the form's token: expected 403, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -d "password=x12345678&again=x12345678" \
    "$BASE$(address '/reset/{}')")
[ "$code" = 403 ] || fail "a password reset without the form's token: expected 403, got $code"

for u in anon $USERS; do
    check "$u" POST /logout "$(awk '$2 == "/logout" { print $3 }' matrix.txt)"
    n=$((n + 1))
done
echo "$n role x route requests"
finish
