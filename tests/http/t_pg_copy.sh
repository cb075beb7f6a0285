# 'lmpmon copy' moves a whole installation SQLite -> PostgreSQL -> SQLite:
# an installation that has been used (accounts with passwords and
# sessions, statements and reviews, text written in Khmer too, cases with personal details, a
# timeline and payments, imported cases, the audit trail of all of it)
# comes back with identical exports (JSON, CSV, cases with personal
# details), audit trail and accounts, and every table row for row; the
# sessions stay behind (their users log in again, with the same
# password).  A destination holding data is refused and left as it was;
# a password in a URL is never shown.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/pg-lib.sh"
export LMPMON_NOW=2026-01-01T00:00:00Z

# As tests/cli/lib.sh's: run lmpmon, then check its status and output.
run() {
    "$LMPMON" "$@" >out.txt 2>err.txt
    status=$?
}
expect_status() {
    [ "$status" -eq "$1" ] || fail "expected exit $1, got $status; stderr: $(cat err.txt)"
}
expect_out() {
    grep -qF -- "$1" out.txt || fail "stdout lacks '$1'; got: $(head -c 600 out.txt)"
}
expect_err() {
    grep -qF -- "$1" err.txt || fail "stderr lacks '$1'; got: $(cat err.txt)"
}

# An installation in use.
make_db a.db
echo "$PASS" | "$LMPMON" --db a.db user add lscw --role case_officer --org LSCW >/dev/null ||
    fail "case officer"
start_server a.db
login molvt
login officer
login lscw
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=save \
    rating=on_target "text=Trained 40 officials; tab	and \\backslash")
[ "$code" = 303 ] || fail "draft: $code"
# A file attached to the draft, every byte value in it (schema 13).
{ printf '\211PNG\r\n\032\n'; awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }'; } >ev.png
tok=$(csrf_of molvt /activity/4.8)
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' -F "csrf=$tok" -F round=2018 \
    -F "file=@ev.png" "$BASE/activity/4.8/attachments")
[ "$code" = 303 ] || fail "attachment: $code"
code=$(post molvt /activity/4.8/statement round=2018 version=1 action=submit \
    rating=on_target "text=Trained 40 officials; tab	and \\backslash")
[ "$code" = 303 ] || fail "statement: $code"
# A return with a comment and a resubmission: the thread and both versions
# must travel too (schema 11).
v=$(version_of officer /activity/4.8 /activity/4.8/statement/MOLVT/review)
code=$(post officer /activity/4.8/statement/MOLVT/review round=2018 "version=$v" \
    action=return "comment=Where?	tab and \\backslash")
[ "$code" = 303 ] || fail "statement return: $code"
v=$(version_of molvt /activity/4.8 /activity/4.8/statement)
code=$(post molvt /activity/4.8/statement round=2018 "version=$v" action=submit \
    rating=on_target "text=Trained 40 officials at Poipet; tab	and \\backslash")
[ "$code" = 303 ] || fail "resubmission: $code"
v=$(version_of officer /activity/4.8 /activity/4.8/review)
code=$(post officer /activity/4.8/review round=2018 "version=$v" action=approve \
    rating=on_target "progress=Approved, with a line
break")
[ "$code" = 303 ] || fail "review: $code $(head -c 300 post.body)"
code=$(post lscw /cases case_no=L-1 lodged_on=2019-01-31 channel=ngo sex=female \
    legal_status=irregular province=Takeo destination=Thailand type=unpaid_wages \
    requested=1200 currency=USD "name=Sok Chea" phone=012345678 id_document=N0123)
[ "$code" = 303 ] || fail "case: $code $(head -c 300 post.body)"
v=$(curl -s -b lscw.jar "$BASE/case/L-1" | grep -o 'name="version" value="[0-9]*"' | head -1 | tr -dc 0-9)
code=$(post lscw /case/L-1/stage stage=resolved on=2019-04-30 "version=$v" note=settled)
[ "$code" = 303 ] || fail "stage: $code"
code=$(post lscw /case/L-1/payment paid_on=2019-05-20 amount=450.5)
[ "$code" = 303 ] || fail "payment: $code"
stop_server
"$LMPMON" sample complaints --cases 300 --seed 5 --out gen.csv >/dev/null
awk 'BEGIN { FS = OFS = "," } { sub(/\r$/, "") }
     NR == 1 { print $0, "complainant_name", "phone", "id_document"; next }
     { print $0, (NR % 3 ? "" : "Name " NR), "", "" }' gen.csv >cases.csv
"$LMPMON" --db a.db case import cases.csv --create-orgs >/dev/null || fail "case import"
"$LMPMON" --db a.db recommendation import "$SRC/data/cambodia-lmp-2015-2018/recommendations-2017.csv" \
    >/dev/null || fail "recommendation import"
"$LMPMON" --db a.db recommendation follow-up 2017 C1 --in 2018 --status in_progress \
    --evidence "a note" >/dev/null || fail "follow-up"
"$LMPMON" --db a.db indicator amend G4 --reason "costed" --targets "2018=84600.5" \
    >/dev/null || fail "indicator amend"
printf 'indicator,period,sex,value,source\nG11,2018,women,3,s\nG11,2018,men,4,s\nG11,2018,total,7,s\n' >v.csv
"$LMPMON" --db a.db value import v.csv >/dev/null || fail "value import"
printf '%s\n' 'round,activity,line,source_kind,source,amount,currency,status,note' \
    '2018,4.8,,cost,,12500.05,USD,,estimate' '2018,4.8,1,partner,ILO,4000000,KHR,pledged,' >fund.csv
"$LMPMON" --db a.db funding import fund.csv >/dev/null || fail "funding import"
"$LMPMON" --db a.db round due 2018 2018-12-15 >/dev/null || fail "due date"
"$LMPMON" --db a.db round extend 2018 MOH 2019-01-15 --reason "new minister" >/dev/null ||
    fail "extension"
# A chapter of the review, in both languages (schema 25).
printf '## Funding\n\nDonor *dependence* remains.\n' |
    "$LMPMON" --db a.db round chapter 2018 challenges --file - >/dev/null || fail "chapter"
printf 'ការពឹងផ្អែក\n' |
    "$LMPMON" --db a.db round chapter 2018 challenges --lang km --file - >/dev/null || fail "chapter km"
[ "$(sqlite3 a.db "SELECT count(*) FROM session")" -gt 0 ] || fail "no sessions to leave behind"
# Text written in Khmer too (schema 17).
sqlite3 a.db "UPDATE plan SET title_km = 'ផែនការ';
  UPDATE org SET name_km = 'ក្រសួងការងារ' WHERE acronym = 'MOLVT';
  UPDATE node SET text_km = 'សកម្មភាព', indicator_km = NULL WHERE code = '4.8';
  UPDATE node SET indicator_km = 'សូចនាករ' WHERE code = '4'" || fail "Khmer fields"

# fingerprint DB TAG: what a user or an auditor can get out of DB.
fingerprint() {
    "$LMPMON" --db "$1" export --format json --out "$2.json" || fail "export json $2"
    "$LMPMON" --db "$1" export --format csv --out "$2.csv" || fail "export csv $2"
    "$LMPMON" --db "$1" case export --with-personal --out "$2-cases.csv" || fail "case export $2"
    "$LMPMON" --db "$1" show activity 4.8 --history >"$2-history.txt" || fail "history $2"
    "$LMPMON" --db "$1" user list >"$2-users.txt" || fail "user list $2"
    "$LMPMON" --db "$1" report complaints --format csv >"$2-report.csv" || fail "report $2"
    "$LMPMON" --db "$1" recommendation export >"$2-recs.csv" || fail "recommendations $2"
    { "$LMPMON" --db "$1" indicator show G4 && "$LMPMON" --db "$1" value export; } \
        >"$2-ind.txt" || fail "indicators $2"
    "$LMPMON" --db "$1" funding export >"$2-fund.csv" || fail "funding $2"
    "$LMPMON" --db "$1" round chapters 2018 >"$2-chapters.txt" || fail "chapters $2"
    LMPMON_NOW=2018-12-16T00:00:00Z "$LMPMON" --db "$1" round status 2018 --format csv |
        tr -d '\r' >"$2-due.csv" || fail "round status $2"
}
# sqlite_rows DB: every copied table of an SQLite file, row by row.
sqlite_rows() {
    for t in plan plan_level org org_alias node node_org round assessment \
        account statement audit complaint_case case_person case_event case_payment \
        rec_group recommendation rec_node rec_org rec_followup indicator ind_value \
        statement_comment statement_version fund_cost fund_line round_extension notification statement_attachment \
        round_chapter; do
        echo "== $t"
        sqlite3 "$1" "SELECT * FROM $t" | sort
    done
}

PG=$(pg_newdb copy)
pw=$(sed -n 's/^[^:]*:[^:]*:[^:]*:[^:]*:\(.*\)$/\1/p' "$PGPASSFILE" | head -1)
PGPW="postgresql://lmpmon:$pw@${PG#postgresql://lmpmon@}"
run copy --from a.db --to "$PGPW"
expect_status 0
expect_out "verified"
expect_out "audit"
grep -qF "$pw" out.txt err.txt && fail "copy showed the password"
run copy --from "$PG" --to b.db
expect_status 0

fingerprint a.db a
fingerprint "$PG" p
fingerprint b.db b
for f in .json .csv -cases.csv -history.txt -users.txt -report.csv -recs.csv -ind.txt -fund.csv \
    -due.csv -chapters.txt; do
    cmp -s "a$f" "p$f" || fail "SQLite and its PostgreSQL copy differ in $f: $(diff "a$f" "p$f" | head -4)"
    cmp -s "a$f" "b$f" || fail "the round trip changed $f: $(diff "a$f" "b$f" | head -4)"
done
grep -q "Sok Chea" b-cases.csv || fail "personal details lost"
grep -q "In progress,2018,a note" b-recs.csv || fail "a recommendation's follow-up lost"
grep -q "Approved, with a line" b.json || fail "the review's narrative lost"
for k in '"title_km": "ផែនការ"' '"name_km": "ក្រសួងការងារ"' '"text_km": "សកម្មភាព"' \
    '"indicator_km": "សូចនាករ"'; do
    grep -qF -- "$k" b.json || fail "the Khmer field $k was lost on the way"
done
[ "$(sqlite3 b.db "SELECT count(*) FROM statement_comment WHERE text LIKE 'Where?%backslash'")" = 1 ] ||
    fail "the statement's comment was lost on the way"
[ "$(sqlite3 b.db "SELECT count(*) FROM statement_version")" = 2 ] ||
    fail "the statement's versions were lost on the way"
[ "$(sqlite3 b.db "SELECT name, size FROM statement_attachment")" = "ev.png|264" ] ||
    fail "the statement's attachment was lost on the way: $(sqlite3 b.db 'SELECT name, size FROM statement_attachment')"
sqlite_rows a.db >a-rows.txt
sqlite_rows b.db >b-rows.txt
cmp -s a-rows.txt b-rows.txt || fail "the round trip changed rows: $(diff a-rows.txt b-rows.txt | head -6)"
grep -q "settled" b-rows.txt || fail "the case's timeline is missing"
grep -q '^MOH,[^,]*,2019-01-15,,' b-due.csv || fail "MOH's extension is missing: $(grep '^MOH,' b-due.csv)"
grep -q '^MOLVT,[^,]*,2018-12-15,overdue,' b-due.csv || fail "the round's due date is missing"
grep -q "2018=84600.5" b-ind.txt b-rows.txt || fail "the amended indicator is missing"
grep -q "^G11,1,2018,women,,,3," b-ind.txt || fail "an indicator's value is missing"
grep -q "45050" b-rows.txt || fail "the payment is missing"
grep -q "^2018,4.8,1,partner,ILO,4000000.00,KHR,pledged," b-fund.csv || fail "a funding line is missing"
grep -q "Donor \*dependence\* remains" b.json && grep -q "ការពឹងផ្អែក" b.json ||
    fail "the chapter is missing after the round trip"
# The audit trail on PostgreSQL: the same rows with the same ids.
sqlite3 -separator '|' a.db "SELECT id, at, actor, action, entity, key, field, old, new FROM audit ORDER BY id" >a-audit.txt
pg_sql "$PG" "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
    actor, action, entity, key, field, old, new FROM audit ORDER BY id" >p-audit.txt
cmp -s a-audit.txt p-audit.txt || fail "the audit trail differs on PostgreSQL: $(diff a-audit.txt p-audit.txt | head -4)"
[ "$(pg_sql "$PG" "SELECT count(*) FROM session")" = 0 ] || fail "sessions were copied to PostgreSQL"
[ "$(sqlite3 b.db "SELECT count(*) FROM session")" = 0 ] || fail "sessions were copied back"

# New rows in the copies take new ids (the ids' counters were moved on):
# cases, their audit rows, an account, on both copies.
for db in "$PG" b.db; do
    m=$("$LMPMON" --db "$db" export --format json | sed -n 's/.*"revision": "\([0-9]*\)@.*/\1/p')
    printf 'case_no,lodged_on,sex\nNEW-1,2019-03-01,male\n' >one.csv
    "$LMPMON" --db "$db" case import one.csv >/dev/null || fail "a new case in the copy $db"
    echo "$PASS" | "$LMPMON" --db "$db" user add newcomer --role viewer >/dev/null ||
        fail "a new account in the copy $db"
    n=$("$LMPMON" --db "$db" export --format json | sed -n 's/.*"revision": "\([0-9]*\)@.*/\1/p')
    [ -n "$m" ] && [ "$n" -gt "$m" ] || fail "the copy $db's revision did not move on ($m, then $n)"
done

# On the PostgreSQL copy, the old session is gone and the password works.
start_server "$PG"
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' "$BASE/api/activity/4.8")
[ "$code" != 200 ] || fail "a session from before the copy was accepted"
login molvt
code=$(curl -s -b molvt.jar -o /dev/null -w '%{http_code}' "$BASE/api/activity/4.8")
[ "$code" = 200 ] || fail "logged in again on the copy: $code"
curl -s -b molvt.jar "$BASE/activity/4.8" | grep -q "Trained 40 officials" ||
    fail "the copied statement does not show after logging in"
stop_server

# A destination holding data is refused, whatever it is, and unchanged.
before=$(pg_sql "$PG" "SELECT count(*), max(id) FROM audit")
run copy --from b.db --to "$PG"
expect_status 1
expect_err "already holds data"
[ "$(pg_sql "$PG" "SELECT count(*), max(id) FROM audit")" = "$before" ] || fail "a refused copy changed PostgreSQL"
cp b.db b-before.db
run copy --from a.db --to b.db
expect_status 1
expect_err "already holds data"
cmp -s b.db b-before.db || fail "a refused copy changed the SQLite file"
# A copy that does not read back as its source is not committed: here a
# trigger on the destination changes what is written.
BAD=$(pg_newdb copybad)
"$LMPMON" --db "$BAD" init >/dev/null || fail "init bad"
pg_sql "$BAD" "CREATE FUNCTION meddle() RETURNS trigger LANGUAGE plpgsql AS
    'BEGIN NEW.outcome := NEW.outcome || ''!''; RETURN NEW; END';
    CREATE TRIGGER meddle BEFORE INSERT ON complaint_case
    FOR EACH ROW EXECUTE FUNCTION meddle()" >/dev/null
run copy --from a.db --to "$BAD"
expect_status 1
expect_err "does not read back as the source: complaint_case differs; nothing was written"
[ "$(pg_sql "$BAD" "SELECT (SELECT count(*) FROM plan) + (SELECT count(*) FROM audit)
    + (SELECT count(*) FROM complaint_case)")" = 0 ] || fail "a copy that failed its check left rows"
# An initialised, empty database is a fine destination; the same one twice
# is not.
"$LMPMON" --db c.db init >/dev/null
run copy --from a.db --to c.db
expect_status 0
run copy --from a.db --to a.db
expect_status 2

finish
