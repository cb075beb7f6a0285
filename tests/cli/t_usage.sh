# Exit codes, --help and --version of every command.
. "$(dirname "$0")/lib.sh"

run --version
expect_status 0
expect_out "lmpmon "
expect_out "schema version"

run --help
expect_status 0
cp out.txt help.txt
for c in init import export show plan org round; do
    grep -qF "  $c " help.txt || fail "--help does not list '$c'"
    run "$c" --help
    expect_status 0
    expect_out "usage: lmpmon"
done

run
expect_status 2

run frobnicate
expect_status 2
expect_err "unknown command 'frobnicate'"

run import
expect_status 2
expect_err "no file to import"

run export --format xml
expect_status 2
expect_err "unknown format 'xml'"

run show
expect_status 2

run show plan --bogus
expect_status 2
expect_err "unknown option '--bogus'"

run init --sample
expect_status 2
expect_err "needs a value"

run --db
expect_status 2

finish
