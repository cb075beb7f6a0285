# A database written by an older lmpmon (schema version 1, and version 4
# with a statement) is migrated on open, keeping its data; the migration is
# one transaction.
. "$(dirname "$0")/lib.sh"

# What version 8 added (outreach, media, statistics), dropped to make a
# database of an earlier version.
# Version 19's indicator column, version 16's Khmer columns and version
# 14's notifications and the
# accounts' e-mail columns go before
# anything else, in a command of their own (the oldest versions drop the
# accounts' table itself).  Then version 15's statements' attachments
# (they refer to statements), version 13's extensions and due dates,
# version 12's costs and funding (they refer to rounds, nodes and orgs),
# version 11's statements' threads and versions (they refer to
# statements), version 10's indicators (they refer to plans, nodes and
# orgs).  Version 25's chapters, version 24's versions of outreach rows,
# version 23's, 22's and 20's columns and version 18's links between plans
# go first of all (version 19 converted data only; 21 changed a CHECK).
drop25="DROP TABLE round_chapter;"
drop24="$drop25 ALTER TABLE outreach DROP COLUMN version; ALTER TABLE media DROP COLUMN version;
  ALTER TABLE stat_obs DROP COLUMN version;"
drop20="$drop24 ALTER TABLE indicator DROP COLUMN definition_km;
  ALTER TABLE ind_value DROP COLUMN note;
  ALTER TABLE indicator DROP COLUMN computed_from;"
drop18="$drop20 DROP INDEX node_predecessor; ALTER TABLE node DROP COLUMN predecessor_id;"
drop17="$drop18 ALTER TABLE plan DROP COLUMN title_km; ALTER TABLE org DROP COLUMN name_km;
  ALTER TABLE node DROP COLUMN text_km; ALTER TABLE node DROP COLUMN indicator_km;"
drop15="DROP TABLE statement_attachment;"
drop14="$drop17 DROP TABLE notification; ALTER TABLE account DROP COLUMN email;
  ALTER TABLE account DROP COLUMN mail; ALTER TABLE account DROP COLUMN lang;"
drop13="$drop15 DROP TABLE round_extension; ALTER TABLE round DROP COLUMN due;"
drop12="$drop13 DROP TABLE fund_line; DROP TABLE fund_cost;"
drop11="$drop12 DROP TABLE statement_version; DROP TABLE statement_comment;"
drop10="$drop11 DROP TABLE ind_value; DROP TABLE indicator;"
drop9="$drop10 DROP TABLE outreach_node; DROP TABLE outreach_org; DROP TABLE outreach_place;
    DROP TABLE outreach; DROP TABLE media; DROP TABLE stat_obs;"

"$LMPMON" --db old.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"
"$LMPMON" --db old.db export --format json --out before.json
# Turn it back into a version 1 database: what versions 2 to 4 added goes.
sqlite3 old.db "$drop14" || fail "could not undo version 14 in old.db"
sqlite3 old.db "DROP INDEX node_plan_position;
  DROP TABLE case_payment; DROP TABLE case_event;
  DROP TABLE case_person; DROP TABLE complaint_case;
  DROP TABLE statement; DROP TABLE session; DROP TABLE account;
  DROP TABLE kept; DROP TABLE rec_followup; DROP TABLE rec_org; DROP TABLE rec_node;
  DROP TABLE recommendation; DROP TABLE rec_group; $drop9
  ALTER TABLE assessment DROP COLUMN version; PRAGMA user_version = 1;" ||
    fail "could not make a version 1 database"
[ "$(sqlite3 old.db 'PRAGMA user_version')" = 1 ] || fail "not at version 1"

run --db old.db export --format json --out after.json
expect_status 0
want=$("$LMPMON" --version | sed 's/.*schema version \([0-9]*\).*/\1/')
[ "$(sqlite3 old.db 'PRAGMA user_version')" = "$want" ] || fail "not migrated to version $want"
cmp -s before.json after.json || fail "the migration changed the data"
sqlite3 old.db "SELECT count(*) FROM account" >/dev/null || fail "no account table after migration"
# Version 5 rebuilt assessments and statements with OR checks (an IN list
# made SQLite build a temporary table per insert): nothing of the old
# tables' checks is left, no row refers to a missing one, the file is sound.
sqlite3 old.db ".schema assessment" | grep -q " IN *(" && fail "assessment keeps its IN checks"
sqlite3 old.db ".schema statement" | grep -q " IN *(" && fail "statement keeps its IN checks"
[ "$(sqlite3 old.db 'PRAGMA foreign_key_check')" = "" ] || fail "dangling rows after migration"
[ "$(sqlite3 old.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after migration"
sqlite3 old.db "UPDATE assessment SET rating = 'bogus' WHERE id = (SELECT min(id) FROM assessment)" 2>&1 |
    grep -q "CHECK constraint failed" || fail "a rating outside the list was accepted after migration"

# From version 4, with a statement: the rebuild keeps every column of it.
"$LMPMON" --db v4.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample v4"
# (The table has today's checks: a version 4 database held 'approved'.)
sqlite3 v4.db "$drop14" || fail "could not undo version 14 in v4.db"
sqlite3 v4.db "PRAGMA ignore_check_constraints = ON;
  INSERT INTO statement(assessment_id, org_id, text, proposed_rating,
    state, comment, version, updated_by, updated_at)
  VALUES((SELECT min(id) FROM assessment), (SELECT min(id) FROM org),
    'Trained 40 officials', 'progressing', 'submitted', 'ok', 3, 'sok',
    '2017-10-01T08:00:00Z');
  INSERT INTO statement(assessment_id, org_id, text, proposed_rating,
    state, comment, version, updated_by, updated_at)
  VALUES((SELECT min(id) FROM assessment), (SELECT max(id) FROM org),
    'Funded the training', 'on_target', 'approved', '', 2, 'ilo',
    '2017-10-02T08:00:00Z'); ALTER TABLE account RENAME TO user;
  DROP TABLE kept; DROP TABLE rec_followup; DROP TABLE rec_org; DROP TABLE rec_node;
  DROP TABLE recommendation; DROP TABLE rec_group; $drop9 PRAGMA user_version = 4;" || fail "could not make a version 4 database"
cols="id, assessment_id, org_id, text, proposed_rating, version, updated_by, updated_at"
before=$(sqlite3 v4.db "SELECT $cols FROM statement; SELECT count(*), sum(version) FROM assessment")
run --db v4.db export --format json --out v4.json
expect_status 0
after=$(sqlite3 v4.db "SELECT $cols FROM statement; SELECT count(*), sum(version) FROM assessment")
[ "$before" = "$after" ] || fail "the migration from version 4 changed statements or assessments"
# Version 11: 'approved' is 'accepted'; the one comment is the first of the
# statement's thread (by whoever saved it last, when, on its version); each
# statement handed in is kept as one version; the old column is empty.
[ "$(sqlite3 v4.db "SELECT text, state FROM statement ORDER BY id" | tr '\n' ' ')" = \
    "Trained 40 officials|submitted Funded the training|accepted " ] ||
    fail "states after version 11: $(sqlite3 v4.db 'SELECT text, state FROM statement')"
[ "$(sqlite3 v4.db "SELECT author, role, at, text, stmt_version FROM statement_comment")" = \
    "sok|me_officer|2017-10-01T08:00:00Z|ok|3" ] ||
    fail "the comment did not move to the thread: $(sqlite3 v4.db 'SELECT * FROM statement_comment')"
[ "$(sqlite3 v4.db "SELECT count(*) FROM statement WHERE comment <> ''")" = 0 ] ||
    fail "the old comment column still holds text"
[ "$(sqlite3 v4.db "SELECT version, text, state, submitted_by FROM statement_version ORDER BY id" |
    tr '\n' ' ')" = "3|Trained 40 officials|submitted|sok 2|Funded the training|accepted|ilo " ] ||
    fail "versions after version 11: $(sqlite3 v4.db 'SELECT * FROM statement_version')"
sqlite3 v4.db "UPDATE statement SET state = 'approved'" 2>&1 | grep -q "CHECK constraint failed" ||
    fail "a statement state outside the list was accepted after version 11"
[ "$(sqlite3 v4.db 'PRAGMA user_version')" = "$want" ] || fail "version 4 not migrated"

# From version 5, with an account and its session: version 6 renames the
# table 'user' (a reserved word in PostgreSQL) to 'account', keeping both
# rows and the session's reference to its account.
"$LMPMON" --db v5.db init >/dev/null || fail "init v5"
echo "correct horse battery" | "$LMPMON" --db v5.db user add sok --role viewer >/dev/null ||
    fail "no account in v5"
sqlite3 v5.db "$drop14" || fail "could not undo version 14 in v5.db"
sqlite3 v5.db "INSERT INTO session VALUES('feed', (SELECT id FROM account WHERE name = 'sok'),
      'c', 1, 2); ALTER TABLE account RENAME TO user; DROP TABLE kept;
      DROP TABLE rec_followup; DROP TABLE rec_org; DROP TABLE rec_node;
  DROP TABLE recommendation; DROP TABLE rec_group; $drop9 PRAGMA user_version = 5;" ||
    fail "could not make a version 5 database"
run --db v5.db user list
expect_status 0
expect_out sok
[ "$(sqlite3 v5.db 'PRAGMA user_version')" = "$want" ] || fail "version 5 not migrated"
[ "$(sqlite3 v5.db "SELECT a.name FROM session s JOIN account a ON a.id = s.user_id")" = sok ] ||
    fail "the session lost its account in the migration"
sqlite3 v5.db ".schema session" | grep -q "REFERENCES \"*account" || fail "session still refers to 'user'"
[ "$(sqlite3 v5.db 'PRAGMA foreign_key_check')" = "" ] || fail "dangling rows after migration 6"

# From version 6, with cases: version 7 adds the table of what is kept
# ready; the register's reports are counted until something keeps them,
# and an import of new cases into it does not merge into nothing.
"$LMPMON" --db v6.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v6"
"$LMPMON" sample complaints --cases 50 --seed 2 --out c.csv >/dev/null
"$LMPMON" --db v6.db case import c.csv --create-orgs >/dev/null || fail "cases in v6"
"$LMPMON" --db v6.db report complaints --format csv --out r6.csv
sqlite3 v6.db "$drop14" || fail "could not undo version 14 in v6.db"
sqlite3 v6.db "DROP TABLE kept; DROP TABLE rec_followup; DROP TABLE rec_org; DROP TABLE rec_node; DROP TABLE recommendation; DROP TABLE rec_group; $drop9 PRAGMA user_version = 6;" || fail "could not make a version 6 database"
run --db v6.db report complaints --format csv --out r7.csv
expect_status 0
[ "$(sqlite3 v6.db 'PRAGMA user_version')" = "$want" ] || fail "version 6 not migrated"
cmp -s r6.csv r7.csv || fail "the report changed with the migration"
[ "$(sqlite3 v6.db 'SELECT count(*) FROM kept')" = 0 ] || fail "reports kept from nowhere"

# From version 7: version 8 adds the review's recommendations, empty; the
# data is as it was, and the sample's recommendations import into it.
"$LMPMON" --db v7.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v7"
"$LMPMON" --db v7.db export --format json --out v7-before.json
sqlite3 v7.db "$drop14" || fail "could not undo version 14 in v7.db"
sqlite3 v7.db "$(printf '%s' "$drop9 DROP TABLE rec_followup; DROP TABLE rec_org; DROP TABLE rec_node;
  DROP TABLE recommendation; DROP TABLE rec_group; PRAGMA user_version = 7;")" ||
    fail "could not make a version 7 database"
run --db v7.db export --format json --out v7-after.json
expect_status 0
[ "$(sqlite3 v7.db 'PRAGMA user_version')" = "$want" ] || fail "version 7 not migrated"
cmp -s v7-before.json v7-after.json || fail "the migration from version 7 changed the data"
[ "$(sqlite3 v7.db 'SELECT count(*) FROM recommendation')" = 0 ] || fail "recommendations from nowhere"
run --db v7.db recommendation import "$SRC/data/cambodia-lmp-2015-2018/recommendations-2017.csv"
expect_status 0
[ "$(sqlite3 v7.db 'PRAGMA foreign_key_check')" = "" ] || fail "dangling rows after migration 8"
sqlite3 v7.db ".schema rec_followup" | grep -q "CHECK(status = 'not_started' OR" ||
    fail "follow-up statuses are not checked"

# From version 8: version 9 adds outreach events, media coverage and
# statistics; a database without them gets them, empty, and takes them.
"$LMPMON" --db v8.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v8"
sqlite3 v8.db "$drop14" || fail "could not undo version 14 in v8.db"
sqlite3 v8.db "$drop9 PRAGMA user_version = 8;" ||
    fail "could not make a version 8 database"
run --db v8.db org list
expect_status 0
[ "$(sqlite3 v8.db 'PRAGMA user_version')" = "$want" ] || fail "version 8 not migrated"
sqlite3 v8.db "INSERT INTO stat_obs(measure, destination, channel, sex, period, source, value)
    VALUES('stock', 'TH', 'mou', 'total', '2018-05', 'OFWA', 311290)" ||
    fail "version 9's tables do not take a figure"
sqlite3 v8.db "INSERT INTO stat_obs(measure, destination, channel, sex, period, source, value)
    VALUES('stock', 'TH', 'bus', 'total', '2018-05', 'OFWA', 1)" 2>/dev/null &&
    fail "a channel outside the list was accepted"

# From version 9: version 10 adds indicators and their values, empty; a
# revision and a value go in, a unit outside the list does not.
"$LMPMON" --db v9.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v9"
sqlite3 v9.db "$drop14" || fail "could not undo version 14 in v9.db"
sqlite3 v9.db "$drop10 PRAGMA user_version = 9;" || fail "could not make a version 9 database"
run --db v9.db org list
expect_status 0
[ "$(sqlite3 v9.db 'PRAGMA user_version')" = "$want" ] || fail "version 9 not migrated"
[ "$(sqlite3 v9.db 'SELECT count(*) FROM indicator')" = 0 ] || fail "indicators from nowhere"
sqlite3 v9.db "INSERT INTO indicator(plan_id, code, rev, node_id, definition, unit, direction)
    SELECT p.id, 'G1.1', 1, n.id, '# ratified', 'count', 'increase'
    FROM plan p JOIN node n ON n.plan_id = p.id LIMIT 1;
  INSERT INTO ind_value(indicator_id, period, sex, value, state)
    VALUES((SELECT id FROM indicator), '2017', 'total', '3', 'draft')" ||
    fail "version 10's tables do not take an indicator and its value"
sqlite3 v9.db "INSERT INTO indicator(plan_id, code, rev, node_id, definition, unit, direction)
    SELECT p.id, 'G1.2', 1, n.id, '# ratified', 'kilos', 'increase'
    FROM plan p JOIN node n ON n.plan_id = p.id LIMIT 1" 2>/dev/null &&
    fail "a unit outside the list was accepted"

# From version 11: version 12 adds costs and funding lines, empty; a cost
# and a partner's line go in, a negative amount and a partner's line
# without its organisation do not.
"$LMPMON" --db v11.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v11"
sqlite3 v11.db "$drop14" || fail "could not undo version 14 in v11.db"
sqlite3 v11.db "$drop12 PRAGMA user_version = 11;" || fail "could not make a version 11 database"
run --db v11.db org list
expect_status 0
[ "$(sqlite3 v11.db 'PRAGMA user_version')" = "$want" ] || fail "version 11 not migrated"
[ "$(sqlite3 v11.db 'SELECT count(*) FROM fund_cost')" = 0 ] || fail "costs from nowhere"
sqlite3 v11.db "INSERT INTO fund_cost(round_id, node_id, amount, currency)
    SELECT d.id, n.id, 1250050, 'USD' FROM round d JOIN node n ON n.plan_id = d.plan_id LIMIT 1;
  INSERT INTO fund_line(round_id, node_id, line, kind, org_id, amount, currency, status)
    SELECT round_id, node_id, 1, 'partner', (SELECT min(id) FROM org), 500000, 'USD', 'pledged'
    FROM fund_cost" || fail "version 12's tables do not take a cost and a line"
sqlite3 v11.db "UPDATE fund_cost SET amount = -1" 2>/dev/null &&
    fail "a negative cost was accepted"
sqlite3 v11.db "INSERT INTO fund_line(round_id, node_id, line, kind, amount, currency, status)
    SELECT round_id, node_id, 2, 'partner', 1, 'USD', 'gap' FROM fund_cost" 2>/dev/null &&
    fail "a partner's line without its organisation was accepted"

# From version 12: version 13 adds a round's due date (none) and the
# extensions, empty; an extension goes in, a second one for the same
# organisation and round does not.
"$LMPMON" --db v12.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v12"
sqlite3 v12.db "$drop14" || fail "could not undo version 14 in v12.db"
sqlite3 v12.db "$drop13 PRAGMA user_version = 12;" || fail "could not make a version 12 database"
run --db v12.db round status 2017
expect_status 0
[ "$(sqlite3 v12.db 'PRAGMA user_version')" = "$want" ] || fail "version 12 not migrated"
[ "$(sqlite3 v12.db 'SELECT count(*) FROM round WHERE due IS NOT NULL')" = 0 ] || fail "due dates from nowhere"
[ "$(sqlite3 v12.db 'SELECT count(*) FROM round_extension')" = 0 ] || fail "extensions from nowhere"
sqlite3 v12.db "INSERT INTO round_extension(round_id, org_id, due, reason, granted_by, granted_at)
    SELECT min(id), (SELECT min(id) FROM org), '2018-02-01', 'r', 'a', '2018-01-01T00:00:00Z' FROM round" ||
    fail "version 13's table does not take an extension"
sqlite3 v12.db "INSERT INTO round_extension(round_id, org_id, due, reason, granted_by, granted_at)
    SELECT round_id, org_id, '2018-03-01', 'r', 'a', 'x' FROM round_extension" 2>/dev/null &&
    fail "two extensions of one organisation in one round were accepted"

# From version 13: version 14 adds notifications, empty, and the accounts'
# e-mail address (none), "e-mail me" (on: it waits for an address) and
# language (the installation's); a kind outside the list is refused.
"$LMPMON" --db v13.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v13"
echo "correct horse battery" | "$LMPMON" --db v13.db user add sok --role reporter --org MOLVT >/dev/null ||
    fail "no account in v13"
sqlite3 v13.db "$drop15 $drop14 PRAGMA user_version = 13;" || fail "could not make a version 13 database"
run --db v13.db user list
expect_status 0
expect_out sok
[ "$(sqlite3 v13.db 'PRAGMA user_version')" = "$want" ] || fail "version 13 not migrated"
[ "$(sqlite3 v13.db 'SELECT count(*) FROM notification')" = 0 ] || fail "notifications from nowhere"
[ "$(sqlite3 v13.db "SELECT coalesce(email, '-'), mail, lang FROM account")" = "-|1|" ] ||
    fail "the account's e-mail columns after version 14: $(sqlite3 v13.db 'SELECT * FROM account')"
sqlite3 v13.db "INSERT INTO notification(recipient_id, kind, plan, round, actor, at, mail)
    SELECT id, 'gossip', 'p', '2018', 'x', '2018-01-01T00:00:00Z', 'none' FROM account" 2>/dev/null &&
    fail "a notification of a kind outside the list was accepted"

# From version 14: version 15 adds statements' attachments, empty; a file
# goes in, an empty one does not.
"$LMPMON" --db v14.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v14"
"$LMPMON" --db v14.db round open 2018 >/dev/null || fail "round open v14"
sqlite3 v14.db "$drop17 $drop15 PRAGMA user_version = 14;" || fail "could not make a version 14 database"
run --db v14.db org list
expect_status 0
[ "$(sqlite3 v14.db 'PRAGMA user_version')" = "$want" ] || fail "version 14 not migrated"
[ "$(sqlite3 v14.db 'SELECT count(*) FROM statement_attachment')" = 0 ] || fail "attachments from nowhere"
sqlite3 v14.db "INSERT INTO statement(assessment_id, org_id, proposed_rating, state)
    SELECT min(a.id), (SELECT min(id) FROM org), 'not_rated', 'draft' FROM assessment a;
  INSERT INTO statement_attachment(statement_id, name, type, size, data, added_by, added_at)
    SELECT id, 'a.pdf', 'application/pdf', 5, 'JVBERi0=', 'molvt', '2018-11-30T00:00:00Z'
    FROM statement" || fail "version 15's table does not take a file"
sqlite3 v14.db "INSERT INTO statement_attachment(statement_id, name, type, size, data, added_by, added_at)
    SELECT id, 'b.pdf', 'application/pdf', 0, '', 'molvt', '2018-11-30T00:00:00Z'
    FROM statement" 2>/dev/null && fail "an empty file was accepted"

# From version 15: version 16 numbers cases per assisting organisation.
# A version 15 register (case numbers unique across organisations, the
# index on the organisation alone) keeps its cases, their timelines and
# personal details; afterwards MRC may have an L-1 beside LSCW's.
"$LMPMON" --db v15.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v15"
printf '%s\n' 'case_no,lodged_on,sex,assisting_org,complainant_name' \
    'L-1,2018-03-01,female,LSCW,Sokha' 'N-1,2018-03-02,male,,Dara' >v15.csv
"$LMPMON" --db v15.db case import v15.csv >/dev/null || fail "cases into v15"
"$LMPMON" --db v15.db case export --with-personal --out v15-before.csv
sqlite3 v15.db "PRAGMA foreign_keys = OFF;
  CREATE TABLE old_case AS SELECT * FROM complaint_case;
  DROP TABLE complaint_case;
  CREATE TABLE complaint_case(id INTEGER PRIMARY KEY, case_no TEXT NOT NULL UNIQUE,
    lodged_on TEXT NOT NULL, resolved_on TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL,
    assisting_org TEXT NOT NULL DEFAULT '', province TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL, age_band TEXT NOT NULL DEFAULT '', legal_status TEXT NOT NULL,
    destination TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '', types INTEGER NOT NULL DEFAULT 0, stage TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '', satisfied TEXT NOT NULL, currency TEXT NOT NULL,
    requested INTEGER NOT NULL DEFAULT 0, ordered INTEGER NOT NULL DEFAULT 0,
    paid INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL DEFAULT 1) STRICT;
  INSERT INTO complaint_case SELECT * FROM old_case; DROP TABLE old_case;
  CREATE INDEX complaint_case_org ON complaint_case(assisting_org);
  $drop17 PRAGMA user_version = 15;" || fail "could not make a version 15 database"
run --db v15.db case export --with-personal --out v15-after.csv
expect_status 0
[ "$(sqlite3 v15.db 'PRAGMA user_version')" = "$want" ] || fail "version 15 not migrated"
cmp -s v15-before.csv v15-after.csv || fail "version 16 changed the cases: $(diff v15-before.csv v15-after.csv)"
sqlite3 v15.db ".schema complaint_case" | grep -q 'UNIQUE(case_no, assisting_org)' ||
    fail "no per-organisation key after version 16: $(sqlite3 v15.db '.schema complaint_case')"
sqlite3 v15.db ".schema complaint_case" | grep -q 'complaint_case_org ON complaint_case(assisting_org, id)' ||
    fail "no index (assisting_org, id) after version 16"
[ "$(sqlite3 v15.db 'PRAGMA foreign_key_check')" = "" ] || fail "dangling rows after version 16"
printf '%s\n' 'case_no,lodged_on,sex,assisting_org' 'L-1,2018-04-01,male,MRC' >v15b.csv
run --db v15.db case import v15b.csv
expect_status 0
[ "$(sqlite3 v15.db "SELECT group_concat(assisting_org, ' ') FROM (SELECT assisting_org FROM complaint_case WHERE case_no = 'L-1' ORDER BY 1)")" = "LSCW MRC" ] ||
    fail "MRC's L-1 beside LSCW's after version 16"
# From version 16: version 17 adds the Khmer fields, empty (NULL) in
# every row, and the data reads as before.
"$LMPMON" --db v16.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v16"
"$LMPMON" --db v16.db export --format json --out v16-before.json || fail "export v16"
sqlite3 v16.db "$drop17 PRAGMA user_version = 16;" || fail "could not make a version 16 database"
run --db v16.db export --format json --out v16-after.json
expect_status 0
[ "$(sqlite3 v16.db 'PRAGMA user_version')" = "$want" ] || fail "version 16 not migrated"
[ "$(sqlite3 v16.db "SELECT count(*) FROM node WHERE text_km IS NOT NULL OR indicator_km IS NOT NULL
    UNION ALL SELECT count(*) FROM org WHERE name_km IS NOT NULL
    UNION ALL SELECT count(*) FROM plan WHERE title_km IS NOT NULL" | tr '\n' ' ')" = "0 0 0 " ] ||
    fail "Khmer fields from nowhere after version 17"
cmp -s v16-before.json v16-after.json || fail "version 17 changed the data"
# From version 17: version 18 adds a node's predecessor, none; a plan made
# from the sample then links each node to its namesake.
"$LMPMON" --db v17.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v17"
sqlite3 v17.db "$drop18 PRAGMA user_version = 17;" || fail "could not make a version 17 database"
run --db v17.db plan new next --from cambodia-lmp-2015-2018
expect_status 0
[ "$(sqlite3 v17.db 'PRAGMA user_version')" = "$want" ] || fail "version 17 not migrated"
[ "$(sqlite3 v17.db "SELECT count(predecessor_id) FROM node n JOIN plan p ON p.id = n.plan_id
    WHERE p.code = 'cambodia-lmp-2015-2018'")" = 0 ] || fail "predecessors from nowhere"
[ "$(sqlite3 v17.db "SELECT count(*) FROM node n JOIN node o ON o.id = n.predecessor_id
    WHERE o.code = n.code")" = 134 ] || fail "the new plan's nodes are not linked after version 18"
# From version 24: version 25 adds the review's chapters, none; a
# chapter goes in, a second of the same kind in the same round does not,
# nor a kind the report does not know.
"$LMPMON" --db v24.db init --sample cambodia-lmp-2015-2018 >/dev/null || fail "init v24"
sqlite3 v24.db "$drop25 PRAGMA user_version = 24;" || fail "could not make a version 24 database"
run --db v24.db round chapters 2017
expect_status 0
[ "$(sqlite3 v24.db 'PRAGMA user_version')" = "$want" ] || fail "version 24 not migrated"
[ "$(sqlite3 v24.db 'SELECT count(*) FROM round_chapter')" = 0 ] || fail "chapters from nowhere"
sqlite3 v24.db "INSERT INTO round_chapter(round_id, kind, text, written_by, written_at)
    SELECT min(id), 'findings', 'Text', 'a', '2018-01-01T00:00:00Z' FROM round" ||
    fail "version 25's table does not take a chapter"
sqlite3 v24.db "INSERT INTO round_chapter(round_id, kind, text, written_by, written_at)
    SELECT round_id, 'findings', 'Again', 'a', 'x' FROM round_chapter" 2>/dev/null &&
    fail "two findings chapters in one round were accepted"
sqlite3 v24.db "INSERT INTO round_chapter(round_id, kind, text, written_by, written_at)
    SELECT min(id), 'annex', 'x', 'a', 'x' FROM round" 2>/dev/null &&
    fail "a chapter of an unknown kind was accepted"
finish
