# Every write lands in the audit trail: who (--as or the login name), when,
# what, old -> new; 'show activity --history' shows it.
. "$(dirname "$0")/lib.sh"

cat >plan.json <<'JSON'
{"lmpmon": 1,
 "organisations": [{"acronym": "MOLVT", "name": "Ministry of Labour and Vocational Training", "kind": "government"},
                   {"acronym": "ILO", "name": "International Labour Organization", "kind": "un_agency"}],
 "plans": [{"code": "p", "title": "Test plan",
   "levels": [{"name": "goal", "indicator": true}, {"name": "activity"}],
   "rounds": [{"code": "2018", "title": "2018 review", "as_of": "2018-11-30", "state": "open"}]}]}
JSON
H='goal_code,goal,goal_indicator,activity_code,activity,responsible,contributing,2018:action_point,2018:progress,2018:rating'
printf '%s\n%s\n' "$H" '1,Goal one,Indicator one,1.1,Activity one,MOLVT,ILO,Do it,Started,Progressing' >v1.csv
printf '%s\n%s\n' "$H" '1,Goal one,Indicator one,1.1,Activity one,MOLVT,ILO,Do it,Finished,On Target' >v2.csv

"$LMPMON" --db "$(db a)" init >/dev/null
LMPMON_NOW=2026-01-01T08:00:00Z "$LMPMON" --db "$(db a)" import plan.json v1.csv >/dev/null || fail "first import"
# --as names the person making the change.
LMPMON_NOW=2026-02-01T09:30:00Z "$LMPMON" --db "$(db a)" --as alice import v2.csv >/dev/null || fail "second import"

run --db "$(db a)" show activity 1.1 --history
expect_status 0
# In words, as the activity page's history: no codes ("on_target").
expect_out "2026-01-01 08:00 UTC  tester  Activity: created: Activity one"
expect_out "2026-02-01 09:30 UTC  alice  2018 assessment: progress narrative: Started"
expect_out "2026-02-01 09:30 UTC  alice  2018 assessment: rating: Progressing → On"
grep -q "on_target\|progressing" out.txt && fail "the history shows codes: $(cat out.txt)"

# Times are stored in UTC and shown in the installation's time zone.
run --db "$(db a)" --timezone Asia/Phnom_Penh show activity 1.1 --history
expect_status 0
expect_out "2026-01-01 15:00 +07  tester  Activity: created: Activity one"
LMPMON_TZ=Europe/Zurich "$LMPMON" --db "$(db a)" show activity 1.1 --history |
    grep -q "2026-02-01 10:30 CET  alice  2018 assessment: progress narrative" ||
    fail "LMPMON_TZ does not set the time zone"
# (UTC text in SQLite, a timestamptz in PostgreSQL: the same instant.)
[ "$(db_sql a "SELECT CASE WHEN min(at) = '2026-01-01T08:00:00Z' THEN 1 ELSE 0 END FROM audit")" = 1 ] ||
    fail "stored times are no longer UTC"
run --db "$(db a)" --timezone Mars/Olympus show activity 1.1 --history
expect_status 2
expect_err "unknown time zone 'Mars/Olympus'"
run --db "$(db a)" --timezone ../../../etc/passwd show activity 1.1
expect_status 2

# The audit table holds the same, one row per changed field.
n=$(db_sql a "SELECT count(*) FROM audit WHERE actor = 'alice'")
[ "$n" = 2 ] || fail "expected 2 audit rows by alice, got $n"

# A failed import writes no audit rows either.
before=$(db_sql a "SELECT count(*) FROM audit")
printf '%s\n%s\n' "$H" '1,Goal one,Indicator one,1.1,Activity one,MOLVT,NOBODY,x,y,' >bad.csv
"$LMPMON" --db "$(db a)" --as mallory import bad.csv >/dev/null 2>&1 && fail "bad.csv was accepted"
[ "$before" = "$(db_sql a "SELECT count(*) FROM audit")" ] || fail "a failed import left audit rows"

finish
