# A changed password or a disabled account logs the account out of every
# browser: the old cookie is treated as no login at all (someone who knew
# the old password keeps no session).  Other accounts stay logged in.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login molvt
login ilo
login admin

# me USER: the status of /api/me with USER's cookie jar.
me() {
    curl -s -o /dev/null -w '%{http_code}' -b "$1.jar" "$BASE/api/me"
}

[ "$(me molvt)" = 200 ] || fail "molvt is not logged in to begin with"
echo "new-secret-pass-2" | "$LMPMON" --db "$(db d)" user passwd molvt >/dev/null ||
    fail "user passwd failed"
code=$(me molvt)
[ "$code" = 401 ] || fail "after 'user passwd', the old session answered $code, not 401"
code=$(curl -s -o /dev/null -w '%{http_code}' -b molvt.jar "$BASE/plan")
[ "$code" = 303 ] || fail "after 'user passwd', a page answered $code, not a redirect to log in"
[ "$(me ilo)" = 200 ] || fail "another account's session ended with molvt's password"
# The new password logs in.
PASS=new-secret-pass-2 login molvt
[ "$(me molvt)" = 200 ] || fail "the new password does not log in"

# Disabled on the admin page: the user's browser is logged out at once.
code=$(post admin /admin/user name=ilo action=disable confirm=yes)
[ "$code" = 303 ] || fail "disabling ilo answered $code"
[ "$(me ilo)" = 401 ] || fail "a disabled account's session still works"
n=$(db_sql d "SELECT count(*) FROM session s JOIN account u ON u.id = s.user_id WHERE u.name = 'ilo'")
[ "$n" = 0 ] || fail "the disabled account keeps $n session(s) in the database"
[ "$(me admin)" = 200 ] || fail "the admin was logged out by disabling ilo"

finish
