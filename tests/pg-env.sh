# pg-env.sh COMMAND [ARG...] — run COMMAND with the PostgreSQL test
# server's settings (LMPMON_TEST_PG_URL, PGPASSFILE) in its environment;
# the server is the one $LMPMON_PG_STATE records (ctest's fixture
# pg_server starts it).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
eval "$(sh "$here/scripts/pg-test-server" env)"
exec "$@"
