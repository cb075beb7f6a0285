# Sessions end after 2 hours idle and 12 hours in all, whatever the
# activity, on the one clock lmpmon reads (LMPMON_NOW fixes it, so the
# server is restarted at chosen times instead of waiting hours).
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"

# at TIME: (re)start the server with its clock at TIME.
at() {
    [ -n "${SPID:-}" ] && stop_server
    LMPMON_NOW=$1 start_server "$(db d)"
}
# logged_in: whether viewer's cookie still opens /plan (else: to /login).
logged_in() {
    code=$(curl -s -b viewer.jar -o /dev/null -w '%{http_code}' "$BASE/plan")
    [ "$code" = 200 ]
}

at 2026-03-01T08:00:00Z
login viewer
logged_in || fail "not logged in just after logging in"

# Idle: 1 h 59 min later still in (and the visit counts as activity).
at 2026-03-01T09:59:00Z
logged_in || fail "logged out after 1 h 59 min idle"
# 2 h 1 min after that visit: out.
at 2026-03-01T12:00:30Z
logged_in && fail "still logged in after 2 h 1 min idle"

# In all: visits every 1 h 50 min keep a session only up to 12 hours.
at 2026-03-02T08:00:00Z
login viewer
for t in 09:50 11:40 13:30 15:20 17:10 19:00; do
    at "2026-03-02T$t:00Z"
    logged_in || fail "logged out at $t though active"
done
at 2026-03-02T20:01:00Z
logged_in && fail "still logged in 12 h 1 min after logging in"
finish
