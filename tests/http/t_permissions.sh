# The permission matrix: every role (and no login) against every route that
# writes.  "deny" means 401/403 before any handler ran; "allow" means the
# handler ran (its own answer may still refuse the data, never with 401/403).
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
for u in admin officer molvt ilo cases viewer; do login $u; done

# role route expected
check() {
    u=$1
    path=$2
    want=$3
    shift 3
    code=$(post "$u" "$path" "$@")
    case "$want:$code" in
    deny:401 | deny:403) ;;
    deny:*) fail "$u on $path: expected a refusal, got $code" ;;
    allow:401 | allow:403) fail "$u on $path: refused ($code) but should be allowed: $(head -c 300 post.body)" ;;
    esac
}

V0="version=0"
for u in anon admin officer molvt ilo cases viewer; do
    # A reporter may write statements only; MOLVT is linked to 1.1, ILO not.
    case $u in
    molvt) want=allow ;;
    *) want=deny ;;
    esac
    check $u /activity/1.1/statement $want round=2018 $V0 action=save text=x rating=progressing
    case $u in
    admin | officer) want=allow ;;
    *) want=deny ;;
    esac
    check $u /activity/1.1/review $want round=2018 version=999 action=save progress=x rating=progressing
    check $u /activity/1.1/funding $want round=2018 what=line "line=${#u}" version=0 \
        source_kind=other label=x amount=1 currency=USD status=gap
    check $u /admin/round $want round=2018 state=closed
    check $u /admin/plan $want from=cambodia-lmp-2015-2018 "code=perm-$u" confirm=yes
    check $u /round/2018/action-plan/1.1 $want version=999 "action_point=by $u"
    check $u /round/2018/due $want due=
    check $u /round/2018/extension $want org=ILO due=2019-01-31 reason=x action=save \
        "version-ILO=999"
    check $u /round/2017/recommendations $want "code=P-$u" text=x
    check $u /round/2017/recommendation/P-admin $want version=1 text=y
    check $u /round/2017/recommendation/P-admin/follow-up $want in=2018 status=done version-2018=0
    case $u in
    admin) want=allow ;;
    *) want=deny ;;
    esac
    check $u /admin/user $want name="new_$u" role=viewer password=long-enough-pw action=add
    check $u /admin/org $want acronym="ORG_$u" kind=ngo name="Org of $u"
    # Outreach: reporters write their own organisation's events (the use
    # case refuses another's, also with 403: t_outreach_pages.sh), the
    # officers any event, article and statistics figure.
    case $u in
    admin | officer | molvt | ilo) want=allow ;;
    *) want=deny ;;
    esac
    org=MOLVT
    [ $u = ilo ] && org=ILO
    check $u /outreach $want date=2019-08-01 "title=Perm $u" kind=meeting status=held "org=$org" total=1
    check $u /outreach/999999 $want date=2019-08-01 "title=Perm $u" kind=meeting status=held \
        "org=$org" total=1 version=1
    check $u /outreach/999999/delete $want version=1
    case $u in
    admin | officer) want=allow ;;
    *) want=deny ;;
    esac
    check $u /media $want date=2019-08-01 "title=Perm $u" outlet=Paper
    check $u /media/999999 $want date=2019-08-01 "title=Perm $u" outlet=Paper version=1
    check $u /media/999999/delete $want version=1
    check $u /statistics $want measure=stock destination=Japan channel=other period=2019-01 \
        "source=Perm $u" total=1
    check $u /statistics/999999 $want measure=stock destination=Japan channel=other period=2019-01 \
        "source=Perm $u" total=2 v_total=1
    check $u /statistics/999999/delete $want version=1
    case $u in
    molvt) want=allow ;;
    *) want=deny ;;
    esac
done

# A reporter on another organisation's activity is refused (403), and so is
# the JSON API with the same rule.
code=$(post ilo /activity/1.1/statement round=2018 version=0 action=submit text=x rating=progressing)
[ "$code" = 403 ] || fail "ILO reporter on 1.1: expected 403, got $code"
grep -q "not linked to this activity" post.body || fail "no reason given to the ILO reporter"
tok=$(csrf_of ilo /plan)
code=$(curl -s -b ilo.jar -o post.body -w '%{http_code}' -H "X-CSRF-Token: $tok" \
    -H 'Content-Type: application/json' \
    -d '{"round": "2018", "text": "x", "action": "submit"}' "$BASE/api/activity/1.1/statement")
[ "$code" = 403 ] || fail "ILO reporter via the API: expected 403, got $code"

# Reading pages: any logged-in role; nobody without login (redirect).
for path in / /plan /activity/4.8 /org/MOLVT /rounds /round/2017 /round/2017/report; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
    [ "$code" = 303 ] || fail "anonymous GET $path: expected a redirect to /login, got $code"
    code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE$path")
    [ "$code" = 200 ] || fail "viewer GET $path: expected 200, got $code"
done
code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/admin")
[ "$code" = 403 ] || fail "viewer GET /admin: expected 403, got $code"
code=$(curl -s -b officer.jar -o /dev/null -w '%{http_code}' "$BASE/admin")
[ "$code" = 200 ] || fail "officer GET /admin: expected 200, got $code"

# Unknown addresses are 404, known ones with the wrong method 405.
code=$(curl -s -b admin.jar -o /dev/null -w '%{http_code}' "$BASE/no/such/page")
[ "$code" = 404 ] || fail "unknown path: $code"
code=$(curl -s -b admin.jar -o /dev/null -w '%{http_code}' -X DELETE "$BASE/plan")
[ "$code" = 405 ] || fail "DELETE /plan: $code"

# Logging out ends the session on the server.
cp viewer.jar viewer-old.jar
code=$(post viewer /logout)
[ "$code" = 303 ] || fail "logout: $code"
code=$(curl -s -b viewer-old.jar -o /dev/null -w '%{http_code}' "$BASE/plan")
[ "$code" = 303 ] || fail "the old session cookie still works after logout ($code)"

# The admin disables an account on the admin page.
login admin
code=$(post admin /admin/user name=cases action=disable confirm=yes)
[ "$code" = 303 ] || fail "disable through the admin page: $code"
"$LMPMON" --db "$(db d)" user list | grep -q '^cases .*disabled' || fail "cases is not disabled"
# Organisations added on the admin page resolve like any other.
"$LMPMON" --db "$(db d)" show org ORG_admin | grep -q 'Org of admin' || fail "organisation not added"

# A disabled account cannot log in; a wrong password is refused and logged.
rm -f x.jar
curl -s -c x.jar "$BASE/login" >/dev/null
t=$(awk '/lmpmon_csrf/ { print $7 }' x.jar)
code=$(curl -s -b x.jar -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$t" \
    -d "username=cases&password=$PASS" "$BASE/login")
[ "$code" = 401 ] || fail "disabled account logged in ($code)"
code=$(curl -s -b x.jar -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$t" \
    -d "username=admin&password=wrong-password" "$BASE/login")
[ "$code" = 401 ] || fail "wrong password accepted ($code)"
grep -q "failed login for 'admin'" serve.err || fail "failed login not logged"

finish
