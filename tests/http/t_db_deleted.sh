# The database file deleted while the server runs: a save is refused with
# a message saying so, never acknowledged into the deleted file.  A worker
# thread that has the file open refuses the write ("deleted or replaced",
# the file's name only in the log); one that opens it now finds no
# database.  Either way the user is told and the log says why.
. "$(dirname "$0")/lib.sh"

make_db d.db
start_server d.db
login molvt
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=save \
    rating=on_target "text=Before the file went")
[ "$code" = 303 ] || fail "save before: $code"

mv d.db gone.db
i=0
while [ $i -lt 8 ]; do
    code=$(post molvt /activity/4.8/statement round=2018 version=1 action=save \
        rating=on_target "text=After the file went $i")
    # 500 from the save itself; 403 when the form's page (the CSRF token)
    # could not be read either.  Never a 303: nothing is acknowledged.
    case $code in
    500)
        grep -q 'deleted or replaced\|cannot be opened' post.body ||
            fail "refusal $i does not say why: $(grep -o '<main>.*' post.body | head -c 300)"
        ;;
    403) ;;
    *) fail "save $i after the file was deleted: expected a refusal, got $code" ;;
    esac
    grep -q 'd\.db' post.body && fail "refusal $i shows the server's file name"
    i=$((i + 1))
done
grep -q "is no longer the file opened\|no database 'd.db'" serve.err ||
    fail "the log does not say what happened to the file"
[ "$(sqlite3 gone.db "SELECT count(*) FROM statement WHERE text LIKE 'After%'")" = 0 ] ||
    fail "a save went into the deleted file"
finish
