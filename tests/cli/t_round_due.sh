# A round's due date and the organisations' extensions from the command
# line: set, cleared and refused (a date that does not exist, a published
# round); an extension needs a reason and an organisation of the
# directory; who is overdue on a pinned day (LMPMON_NOW, in the
# installation's time zone): nobody on the due date itself, the day after
# everyone who still owes a statement, except the one with an extension
# and the one that submitted everything; 'round status' shows the due
# dates and the overdue column; closing lists the overdue organisations
# and refuses without --yes.
. "$(dirname "$0")/lib.sh"
# Before the due date unless a step pins another day.
export LMPMON_NOW=2018-12-01T00:00:00Z

"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
run --db "$(db d)" round open 2018 --due 2018-12-15
expect_status 0
expect_out "round 2018 is open, due 2018-12-15"

# Refused: a date that does not exist, a word, --due without open.
run --db "$(db d)" round due 2018 2018-02-30
expect_status 1
expect_err "due date '2018-02-30' is not a date written YYYY-MM-DD"
run --db "$(db d)" round due 2018 soon
expect_status 1
expect_err "due date 'soon' is not a date"
run --db "$(db d)" round due 2099 2018-12-20
expect_status 1
expect_err "no round '2099'"
run --db "$(db d)" round close 2018 --due 2018-12-20
expect_status 2
run --db "$(db d)" round status 2018
expect_out "Due 2018-12-15."

# Cleared, then set again: each change in the audit trail.
run --db "$(db d)" round due 2018 none
expect_status 0
expect_out "round 2018 has no due date"
run --db "$(db d)" round status 2018
expect_out "No due date."
run --db "$(db d)" round due 2018 2018-12-15
expect_status 0
expect_out "round 2018 is due 2018-12-15"
[ "$(db_sql d "SELECT count(*) FROM audit WHERE entity = 'round'
    AND key LIKE '%/round/2018' AND field = 'due'")" = 3 ] ||
    fail "the due date's changes are not audited one row each"
[ "$(db_sql d "SELECT old || '>' || new FROM audit WHERE entity = 'round'
    AND field = 'due' ORDER BY id DESC LIMIT 1")" = ">2018-12-15" ] ||
    fail "the last change of the due date is not in the audit trail"

# An import of the plan and its rounds leaves the due date alone.
"$LMPMON" --db "$(db d)" export --format json --out plan.json || fail "export"
"$LMPMON" --db "$(db d)" import plan.json >/dev/null || fail "import"
run --db "$(db d)" round status 2018
expect_out "Due 2018-12-15."

# Extensions: a reason and a known organisation are required.
run --db "$(db d)" round extend 2018 MOH 2019-01-15
expect_status 1
expect_err "an extension needs a reason"
run --db "$(db d)" round extend 2018 NOPE 2019-01-15 --reason "flood"
expect_status 1
expect_err "no organisation 'NOPE' in the directory"
run --db "$(db d)" round extend 2018 "Ministry of Healht" 2019-01-15 --reason "flood"
expect_status 1
expect_err "no organisation 'Ministry of Healht' in the directory (closest: 'Ministry of Health'"
run --db "$(db d)" round extend 2018 MOH 2019-01-15x --reason "flood"
expect_status 1
expect_err "due date '2019-01-15x' is not a date"
run --db "$(db d)" round extend 2018 MOH --remove
expect_status 1
expect_err "MOH has no extension in round '2018' to remove"
run --db "$(db d)" round extend 2018 "Ministry of Health" 2019-01-15 --reason "new minister"
expect_status 0
expect_out "Ministry of Health is due 2019-01-15 in round 2018"
[ "$(db_sql d "SELECT count(*) FROM audit WHERE entity = 'extension'
    AND key LIKE '%/round/2018/extension/MOH'")" = 2 ] ||
    fail "the extension's creation is not audited (date and reason)"

# MOP submits its statement on the one activity it is responsible for.
db_sql d "INSERT INTO statement(assessment_id, org_id, text, proposed_rating,
      state, comment, version)
    SELECT a.id, o.id, 'Done.', 'progressing', 'submitted', '', 1
    FROM node_org l JOIN org o ON o.id = l.org_id JOIN node n ON n.id = l.node_id
    JOIN assessment a ON a.node_id = n.id JOIN round r ON r.id = a.round_id
    WHERE r.code = '2018' AND l.role = 'responsible' AND o.acronym = 'MOP'" ||
    fail "MOP's statement"

# row ORG: organisation ORG's row of the CSV collection in status.csv.
row() { grep "^$1," status.csv; }
status_csv() {
    LMPMON_NOW=$1 "$LMPMON" --db "$(db d)" round status 2018 --format csv |
        tr -d '\r' >status.csv || fail "round status --format csv"
}

# On the due date itself nobody is overdue.
status_csv 2018-12-15T10:00:00Z
grep -q ',overdue,' status.csv && fail "overdue on the due date: $(grep ',overdue,' status.csv | head -2)"
row MOLVT | grep -q ',2018-12-15,,' || fail "MOLVT's due date: $(row MOLVT)"
row MOH | grep -q ',2019-01-15,,' || fail "MOH's extension is not its due date: $(row MOH)"

# The day after: MOLVT and MOAFF owe statements and are overdue; MOH has
# its extension; MOP submitted everything.
status_csv 2018-12-16T10:00:00Z
row MOLVT | grep -q ',2018-12-15,overdue,' || fail "MOLVT is not overdue: $(row MOLVT)"
row MOAFF | grep -q ',2018-12-15,overdue,' || fail "MOAFF is not overdue: $(row MOAFF)"
row MOH | grep -q ',2019-01-15,,' || fail "MOH is overdue despite its extension: $(row MOH)"
row MOP | grep -q ',2018-12-15,,' || fail "MOP submitted everything and is overdue: $(row MOP)"
# Overdue ones first.
tail -n 1 status.csv | grep -q ',overdue,' && fail "an overdue organisation comes last"
# The JSON says the same.
LMPMON_NOW=2018-12-16T10:00:00Z "$LMPMON" --db "$(db d)" round status 2018 --format json >status.json
tr -d ' \n' <status.json | grep -q '"org":"MOP",.*"due":"2018-12-15","overdue":false' ||
    fail "the JSON does not say MOP is not overdue"
tr -d ' \n' <status.json | grep -q '"state":"open","due":"2018-12-15"' ||
    fail "the JSON lacks the round's due date"

# The text: the due date, how many are overdue, the columns.
LMPMON_NOW=2018-12-16T10:00:00Z run --db "$(db d)" round status 2018
expect_out "Due 2018-12-15; "
expect_out " overdue on 2018-12-16."
expect_out "Due         Overdue"
grep '^MOH ' out.txt | grep -q '2019-01-15 *$' || fail "round status: MOH $(grep '^MOH ' out.txt)"
grep '^MOLVT ' out.txt | grep -q '2018-12-15  overdue$' || fail "round status: MOLVT $(grep '^MOLVT ' out.txt)"

# Today is the installation's: 18:00 UTC on the 15th is the 16th in Phnom Penh.
LMPMON_TZ=Asia/Phnom_Penh status_csv 2018-12-15T18:00:00Z
row MOLVT | grep -q ',overdue,' || fail "the day is not the installation's: $(row MOLVT)"

# After the extension's date MOH is overdue too; removed, the round's date.
status_csv 2019-01-16T10:00:00Z
row MOH | grep -q ',2019-01-15,overdue,' || fail "MOH is not overdue after its extension: $(row MOH)"
run --db "$(db d)" round extend 2018 MOH --remove --reason "minister back"
expect_status 0
expect_out "MOH's extension in round 2018 is removed"
status_csv 2018-12-16T10:00:00Z
row MOH | grep -q ',2018-12-15,overdue,' || fail "MOH without its extension: $(row MOH)"

# Closing lists the overdue organisations and refuses without --yes.
LMPMON_NOW=2018-12-16T10:00:00Z run --db "$(db d)" round close 2018
expect_status 1
expect_err "organisations are overdue: MOLVT, "
LMPMON_NOW=2018-12-16T10:00:00Z run --db "$(db d)" round close 2018 --yes
expect_status 0
# Closed, collection is over: nobody is overdue.
status_csv 2018-12-16T10:00:00Z
grep -q ',overdue,' status.csv && fail "overdue in a closed round"

# Published: locked.
"$LMPMON" --db "$(db d)" round publish 2018 --yes >/dev/null || fail "publish"
run --db "$(db d)" round due 2018 2019-01-31
expect_status 1
expect_err "round '2018' is published and locked"
run --db "$(db d)" round extend 2018 MOLVT 2019-01-31 --reason late
expect_status 1
expect_err "round '2018' is published and locked"
finish
