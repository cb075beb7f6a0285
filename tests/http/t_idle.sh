# When every connection slot (LIMIT_CONNECTIONS, 256) is held by an idle
# keep-alive connection, a new visitor is still served: above
# LIMIT_CONNECTIONS_BUSY the idle ones are closed after
# LIMIT_IDLE_SECONDS_BUSY (5 s) instead of LIMIT_REQUEST_SECONDS (30 s).
# The connections come from a trusted proxy, as behind nginx, so the
# per-client limit does not stop them first.
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)" --trusted-proxy 127.0.0.1 --quiet
# 256 connections, one request each, all kept open; then one more asks and
# waits at most 25 s: before the 30 s idle timeout could free a slot.
perl "$SRC/tests/http/conns.pl" "${BASE##*:}" 256 127.0.0.1 - 1 late >conns.txt ||
    fail "conns.pl failed"
n=$(grep -cx 200 conns.txt)
[ "$n" = 256 ] || fail "the server did not hold 256 connections: $n served"
grep -qx 'late 200' conns.txt ||
    fail "a new visitor was not served while idle connections held every slot: $(grep late conns.txt)"
held=$(sed -n 's/^held //p' conns.txt)
[ "${held:-256}" -lt 256 ] || fail "no idle connection was closed to make room"

finish
