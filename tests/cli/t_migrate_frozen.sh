# Databases written by earlier lmpmon versions, frozen as SQL text in
# tests/cli/data/lmpmon-v1.sql, -v2.sql, -v7.sql, -v9.sql and -v10.sql (made once from the migrations
# as they shipped, with the Cambodian sample in them), open in this lmpmon:
# migrated to the current schema on first use, in one step, with every
# plan, assessment, audit row, account and statement kept.  The reports and
# checks they give are those of a database made today from the sample.
. "$(dirname "$0")/lib.sh"

want=$("$LMPMON" --version | sed 's/.*schema version \([0-9]*\).*/\1/')
"$LMPMON" --db fresh.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "fresh sample"
"$LMPMON" --db fresh.db round open 2018 --title "2018 review" --as-of 2018-11-30 >/dev/null ||
    fail "fresh round 2018"
"$LMPMON" --db fresh.db report review --round 2017 --compare 2016 --format csv >fresh-review.csv
"$LMPMON" --db fresh.db check --round 2017 >fresh-check.txt

for v in 1 2; do
    sqlite3 v$v.db <"$SRC/tests/cli/data/lmpmon-v$v.sql" || fail "cannot build the version $v database"
    [ "$(sqlite3 v$v.db 'PRAGMA user_version')" = $v ] || fail "v$v.db is not at version $v"
    audit=$(sqlite3 v$v.db "SELECT count(*), max(id) FROM audit")
    assess=$(sqlite3 v$v.db "SELECT count(*) FROM assessment")

    run --db v$v.db export --format json --out v$v.json
    expect_status 0
    [ "$(sqlite3 v$v.db 'PRAGMA user_version')" = "$want" ] ||
        fail "version $v not migrated to $want"
    [ "$(sqlite3 v$v.db 'PRAGMA integrity_check')" = ok ] || fail "v$v: integrity_check"
    [ "$(sqlite3 v$v.db 'PRAGMA foreign_key_check')" = "" ] || fail "v$v: dangling rows"
    [ "$(sqlite3 v$v.db "SELECT count(*), max(id) FROM audit")" = "$audit" ] ||
        fail "v$v: the audit trail changed"
    [ "$(sqlite3 v$v.db "SELECT count(*) FROM assessment")" = "$assess" ] ||
        fail "v$v: assessments lost"
    run --db v$v.db report review --round 2017 --compare 2016 --format csv
    cmp -s out.txt fresh-review.csv || fail "v$v: the 2017 review differs from a fresh sample's"
    run --db v$v.db check --round 2017
    cmp -s out.txt fresh-check.txt || fail "v$v: check differs from a fresh sample's"
    run --db v$v.db show activity 4.8 --history
    expect_status 0
    expect_out "2017-12-01 09:00 UTC"
done
cmp -s v1.json v2.json || fail "versions 1 and 2 migrate to different data"

# Version 7 (the last before outreach and statistics), with cases: it
# migrates in one step, keeps its audit trail and cases as they were (but
# for their places, stored by code since schema 18), and holds the new
# tables, empty.
sqlite3 v7.db <"$SRC/tests/cli/data/lmpmon-v7.sql" || fail "cannot build the version 7 database"
[ "$(sqlite3 v7.db 'PRAGMA user_version')" = 7 ] || fail "v7.db is not at version 7"
audit=$(sqlite3 v7.db "SELECT count(*), max(id) FROM audit")
cols="id, case_no, lodged_on, resolved_on, channel, assisting_org, sex, age_band, legal_status,
    sector, agency, types, stage, outcome, satisfied, currency, requested, ordered, paid, version"
cases=$(sqlite3 v7.db "SELECT $cols FROM complaint_case ORDER BY id")
run --db v7.db report review --round 2017 --compare 2016 --format csv
expect_status 0
[ "$(sqlite3 v7.db 'PRAGMA user_version')" = "$want" ] || fail "version 7 not migrated to $want"
[ "$(sqlite3 v7.db 'PRAGMA integrity_check')" = ok ] || fail "v7: integrity_check"
[ "$(sqlite3 v7.db 'PRAGMA foreign_key_check')" = "" ] || fail "v7: dangling rows"
[ "$(sqlite3 v7.db "SELECT count(*), max(id) FROM audit")" = "$audit" ] ||
    fail "v7: the audit trail changed"
[ "$(sqlite3 v7.db "SELECT $cols FROM complaint_case ORDER BY id")" = "$cases" ] ||
    fail "v7: the cases changed"
# Their places as typed became gazetteer codes (schema 18); 'Atlantis' names
# no place and is kept as it was.
[ "$(sqlite3 v7.db "SELECT province, destination FROM complaint_case ORDER BY id" | tr '\n' ' ')" = \
    "KH-14|TH KH-3|KR KH-17|Atlantis " ] ||
    fail "v7: the places: $(sqlite3 v7.db "SELECT province, destination FROM complaint_case ORDER BY id" | tr '\n' ' ')"
cmp -s out.txt fresh-review.csv || fail "v7: the 2017 review differs from a fresh sample's"
[ "$(sqlite3 v7.db "SELECT (SELECT count(*) FROM outreach) + (SELECT count(*) FROM media)
    + (SELECT count(*) FROM stat_obs)")" = 0 ] || fail "v7: outreach or statistics from nowhere"

# Version 9 (the last before indicators), with outreach, media and
# statistics: it migrates in one step, keeps them and its audit trail, and
# holds the indicators' tables, empty.
sqlite3 v9.db <"$SRC/tests/cli/data/lmpmon-v9.sql" || fail "cannot build the version 9 database"
[ "$(sqlite3 v9.db 'PRAGMA user_version')" = 9 ] || fail "v9.db is not at version 9"
audit=$(sqlite3 v9.db "SELECT count(*), max(id) FROM audit")
# The columns version 9 had (version 24 added their rows' versions).
stat9="id, measure, destination, channel, sex, period, source, value, note"
ev9="id, held_from, title, held_to, kind, status, plan_id, women, men, unknown,
    total, currency, requested, ordered, purpose, attendees, notes"
kept9=$(sqlite3 v9.db "SELECT $stat9 FROM stat_obs ORDER BY id; SELECT $ev9 FROM outreach ORDER BY id")
run --db v9.db report review --round 2017 --compare 2016 --format csv
expect_status 0
[ "$(sqlite3 v9.db 'PRAGMA user_version')" = "$want" ] || fail "version 9 not migrated to $want"
[ "$(sqlite3 v9.db 'PRAGMA integrity_check')" = ok ] || fail "v9: integrity_check"
[ "$(sqlite3 v9.db 'PRAGMA foreign_key_check')" = "" ] || fail "v9: dangling rows"
[ "$(sqlite3 v9.db "SELECT count(*), max(id) FROM audit")" = "$audit" ] ||
    fail "v9: the audit trail changed"
[ "$(sqlite3 v9.db "SELECT $stat9 FROM stat_obs ORDER BY id; SELECT $ev9 FROM outreach ORDER BY id")" = "$kept9" ] ||
    fail "v9: outreach or statistics changed"
[ "$(sqlite3 v9.db "SELECT DISTINCT version FROM stat_obs UNION SELECT DISTINCT version FROM outreach")" = 1 ] ||
    fail "v9: the rows kept are not at version 1"
cmp -s out.txt fresh-review.csv || fail "v9: the 2017 review differs from a fresh sample's"
[ "$(sqlite3 v9.db "SELECT (SELECT count(*) FROM indicator) + (SELECT count(*) FROM ind_value)")" = 0 ] ||
    fail "v9: indicators from nowhere"

# Version 10 (the last before statements were reviewed one by one), with
# three statements on 4.8: it migrates in one step and keeps its audit
# trail; 'approved' is 'accepted'; MOLVT's one comment is the first of its
# thread, by whom and when the audit trail says; every statement handed in
# is kept as one version; the old comment column is empty.
sqlite3 v10.db <"$SRC/tests/cli/data/lmpmon-v10.sql" || fail "cannot build the version 10 database"
[ "$(sqlite3 v10.db 'PRAGMA user_version')" = 10 ] || fail "v10.db is not at version 10"
audit=$(sqlite3 v10.db "SELECT count(*), max(id) FROM audit")
texts=$(sqlite3 v10.db "SELECT id, text, proposed_rating, version FROM statement ORDER BY id")
run --db v10.db show activity 4.8 --history
expect_status 0
[ "$(sqlite3 v10.db 'PRAGMA user_version')" = "$want" ] || fail "version 10 not migrated to $want"
[ "$(sqlite3 v10.db 'PRAGMA integrity_check')" = ok ] || fail "v10: integrity_check"
[ "$(sqlite3 v10.db 'PRAGMA foreign_key_check')" = "" ] || fail "v10: dangling rows"
[ "$(sqlite3 v10.db "SELECT count(*), max(id) FROM audit")" = "$audit" ] ||
    fail "v10: the audit trail changed"
[ "$(sqlite3 v10.db "SELECT id, text, proposed_rating, version FROM statement ORDER BY id")" = "$texts" ] ||
    fail "v10: the statements' texts changed"
[ "$(sqlite3 v10.db "SELECT o.acronym, s.state FROM statement s JOIN org o ON o.id = s.org_id
    ORDER BY o.acronym" | tr '\n' ' ')" = "MOLVT|returned MOWA|submitted NCCT|accepted " ] ||
    fail "v10: states: $(sqlite3 v10.db 'SELECT state FROM statement')"
[ "$(sqlite3 v10.db "SELECT o.acronym, c.author, c.role, c.at, c.text, c.stmt_version
    FROM statement_comment c JOIN statement s ON s.id = c.statement_id
    JOIN org o ON o.id = s.org_id")" = \
    "MOLVT|officer|me_officer|2018-10-02T09:00:00Z|How many officials, and where?|2" ] ||
    fail "v10: the comment's thread: $(sqlite3 v10.db 'SELECT * FROM statement_comment')"
[ "$(sqlite3 v10.db "SELECT count(*) FROM statement WHERE comment <> ''")" = 0 ] ||
    fail "v10: the old comment column still holds text"
[ "$(sqlite3 v10.db "SELECT o.acronym, v.version, v.state FROM statement_version v
    JOIN statement s ON s.id = v.statement_id JOIN org o ON o.id = s.org_id
    ORDER BY o.acronym" | tr '\n' ' ')" = "MOLVT|2|returned MOWA|1|submitted NCCT|2|accepted " ] ||
    fail "v10: the versions: $(sqlite3 v10.db 'SELECT * FROM statement_version')"
# The history keeps the comment and the approval as they were written.
expect_out "2018 statement of MOLVT: comment"
expect_out "2018 statement of NCCT: status"
run --db v10.db round status 2018 --format json
python3 -c 'import json, sys
o = {x["org"]: x for x in json.load(open("out.txt"))["organisations"]}
assert (o["NCCT"]["accepted"], o["MOLVT"]["returned"], o["MOWA"]["submitted"]) == (1, 1, 1), o' ||
    fail "v10: the collection does not count the migrated states"

# Version 2's account and statement: the reporter is still there with its
# organisation, and its submitted statement kept every field.
run --db v2.db user list
expect_out "molvt"
expect_out "MOLVT"
[ "$(sqlite3 v2.db "SELECT text, state, version, updated_by FROM statement")" = \
    "MOLVT trained 120 officials.|submitted|2|molvt" ] || fail "v2: the statement changed"
finish
