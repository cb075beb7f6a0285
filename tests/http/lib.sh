# Shared helpers of the HTTP tests: a database with the Cambodian sample, an
# open 2018 round and one user per role; a real 'lmpmon serve' on an
# ephemeral port; curl with one cookie jar per user.
#   sh t_x.sh LMPMON SOURCE_DIR SCRATCH_DIR
set -u
LMPMON=$1
SRC=$2
SCRATCH=$3
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
cd "$SCRATCH" || exit 1
unset LMPMON_DB
# No deadline or budget reminders from the servers the tests start: what
# they would tell depends on the day the suite runs (web/reminder.h).
# t_reminders.sh turns them on for its own server.
export LMPMON_REMIND=off
nfail=0
# The databases: db NAME, db_sql NAME SQL, db_cp, db_rm (SQLite or
# PostgreSQL, as LMPMON_TEST_BACKEND says).
. "$SRC/tests/backend.sh"
PASS=secret-pass-1

fail() {
    echo "FAIL: $*" >&2
    nfail=$((nfail + 1))
}

# make_db DBARG: fill the database DBARG (a --db value, e.g. "$(db d)"):
# sample, open round 2018, users admin, officer, molvt (a MOLVT reporter),
# ilo (an ILO reporter), cases (case officer), viewer.
make_db() {
    "$LMPMON" --db "$1" init --sample cambodia-lmp-2015-2018 >/dev/null &&
    "$LMPMON" --db "$1" round open 2018 --title "2018 review" --as-of 2018-11-30 >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add admin --role admin >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add officer --role me_officer >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add officer2 --role me_officer >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add molvt --role reporter --org MOLVT >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add ilo --role reporter --org ILO >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add cases --role case_officer >/dev/null &&
    echo "$PASS" | "$LMPMON" --db "$1" user add viewer --role viewer >/dev/null ||
        { echo "cannot make the test database" >&2; exit 1; }
}

# start_server DBARG [OPTIONS...]: serve on a free port; sets BASE and SPID.
start_server() {
    db=$1
    shift
    # Empty it first: the server's own '>serve.out' happens after the fork,
    # so the loop below could otherwise read the address of the server
    # stopped before this one and talk to a closed port.
    : >serve.out
    "$LMPMON" --db "$db" serve --listen 127.0.0.1:0 "$@" >serve.out 2>>serve.err &
    SPID=$!
    i=0
    while ! grep -q 'http://' serve.out 2>/dev/null; do
        i=$((i + 1))
        [ $i -gt 100 ] && { echo "server did not start: $(cat serve.err)" >&2; exit 1; }
        sleep 0.05
    done
    BASE=$(sed -n 's|.*\(http://127.0.0.1:[0-9]*\)/.*|\1|p' serve.out)
}

stop_server() {
    kill "$SPID" 2>/dev/null
    wait "$SPID" 2>/dev/null
}

# login USER: a cookie jar USER.jar holding a session.
login() {
    rm -f "$1.jar"
    curl -s -c "$1.jar" "$BASE/login" >/dev/null
    t=$(awk '/lmpmon_csrf/ { print $7 }' "$1.jar")
    code=$(curl -s -b "$1.jar" -c "$1.jar" -o /dev/null -w '%{http_code}' \
        --data-urlencode "csrf=$t" --data-urlencode "username=$1" \
        --data-urlencode "password=$PASS" "$BASE/login")
    [ "$code" = 303 ] || fail "login of $1 answered $code"
}

# csrf_of USER PATH: the CSRF token in the forms of PATH, for USER.
csrf_of() {
    curl -s -b "$1.jar" "$BASE$2" | grep -o 'name="csrf" value="[^"]*"' |
        head -1 | sed 's/.*value="//; s/"$//'
}

# post USER PATH DATA...: POST as USER with the user's CSRF token; prints
# the status.  DATA are curl --data-urlencode arguments.
post() {
    u=$1
    path=$2
    shift 2
    tok=""
    [ "$u" != anon ] && tok=$(csrf_of "$u" /plan)
    # Each DATA argument becomes --data-urlencode DATA.
    n=$#
    set -- "$@" --data-urlencode "csrf=$tok"
    while [ $n -gt 0 ]; do
        set -- "$@" --data-urlencode "$1"
        shift
        n=$((n - 1))
    done
    if [ "$u" = anon ]; then
        curl -s -o post.body -w '%{http_code}' "$@" "$BASE$path"
    else
        curl -s -b "$u.jar" -o post.body -w '%{http_code}' "$@" "$BASE$path"
    fi
}

# version_of USER PATH FORM-ACTION: the version field of the form posting
# to FORM-ACTION on PATH.
version_of() {
    curl -s -b "$1.jar" "$BASE$2" | sed 's/>/>\
/g' | awk -v a="action=\"$3\"" '
        index($0, a) { on = 1 }
        on && /name="version"/ { match($0, /value="[0-9]+"/);
            print substr($0, RSTART + 7, RLENGTH - 8); exit }'
}

finish() {
    stop_server
    if [ "$nfail" -ne 0 ]; then
        echo "$nfail expectation(s) failed" >&2
        exit 1
    fi
    echo ok
    exit 0
}
