/*
** schema_sqlite.c — the migrations (see schema_sqlite.h).
**
** STRICT tables make SQLite refuse a value of the wrong type, as
** PostgreSQL will.  Ratings and states are stored as their machine keys
** (rating_key(), round_state_name(), ...) so the database reads well in the
** sqlite3 shell.
*/
#include "schema_sqlite.h"

const char *const azSchemaMigration[] = {
    /* 1: plan, organisations, rounds, assessments, audit trail. */
    "CREATE TABLE plan("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE plan_level("
    "  plan_id INTEGER NOT NULL REFERENCES plan(id),"
    "  depth INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  has_indicator INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY(plan_id, depth),"
    "  UNIQUE(plan_id, name)"
    ") STRICT;"
    "CREATE TABLE org("
    "  id INTEGER PRIMARY KEY,"
    "  acronym TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  parent_id INTEGER REFERENCES org(id)"
    ") STRICT;"
    "CREATE TABLE org_alias("
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  alias TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(org_id, alias)"
    ") STRICT;"
    "CREATE TABLE node("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plan(id),"
    "  parent_id INTEGER REFERENCES node(id),"
    "  depth INTEGER NOT NULL,"
    "  code TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  indicator TEXT,"
    "  position INTEGER NOT NULL,"
    "  UNIQUE(plan_id, code)"
    ") STRICT;"
    "CREATE INDEX node_parent ON node(parent_id);"
    "CREATE TABLE node_org("
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  role TEXT NOT NULL CHECK(role IN ('responsible','contributing')),"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(node_id, role, org_id)"
    ") STRICT;"
    "CREATE INDEX node_org_org ON node_org(org_id);"
    "CREATE TABLE round("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plan(id),"
    "  code TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  as_of TEXT,"
    "  state TEXT NOT NULL"
    "    CHECK(state IN ('draft','open','closed','published')),"
    "  UNIQUE(plan_id, code)"
    ") STRICT;"
    "CREATE TABLE assessment("
    "  id INTEGER PRIMARY KEY,"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  action_point TEXT NOT NULL DEFAULT '',"
    "  progress TEXT NOT NULL DEFAULT '',"
    "  rating TEXT NOT NULL CHECK(rating IN"
    "    ('on_target','progressing','not_on_target','not_rated')),"
    "  state TEXT NOT NULL"
    "    CHECK(state IN ('draft','submitted','returned','approved')),"
    "  UNIQUE(node_id, round_id)"
    ") STRICT;"
    "CREATE INDEX assessment_round ON assessment(round_id);"
    "CREATE TABLE audit("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  action TEXT NOT NULL,"
    "  entity TEXT NOT NULL,"
    "  key TEXT NOT NULL,"
    "  field TEXT,"
    "  old TEXT,"
    "  new TEXT"
    ") STRICT;"
    "CREATE INDEX audit_key ON audit(key);",

    /* 2: accounts, sessions, organisations' statements, versions that
    ** guard concurrent edits. */
    "CREATE TABLE user("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL CHECK(role IN"
    "    ('admin','me_officer','reporter','case_officer','viewer')),"
    "  org_id INTEGER REFERENCES org(id),"
    "  pw_hash TEXT NOT NULL,"
    "  disabled INTEGER NOT NULL DEFAULT 0,"
    "  created TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE session("
    "  token_hash TEXT PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES user(id),"
    "  csrf TEXT NOT NULL,"
    "  created INTEGER NOT NULL,"
    "  last_seen INTEGER NOT NULL"
    ") STRICT;"
    "CREATE TABLE statement("
    "  id INTEGER PRIMARY KEY,"
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  text TEXT NOT NULL DEFAULT '',"
    "  proposed_rating TEXT NOT NULL CHECK(proposed_rating IN"
    "    ('on_target','progressing','not_on_target','not_rated')),"
    "  state TEXT NOT NULL"
    "    CHECK(state IN ('draft','submitted','returned','approved')),"
    "  comment TEXT NOT NULL DEFAULT '',"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  updated_by TEXT,"
    "  updated_at TEXT,"
    "  UNIQUE(assessment_id, org_id)"
    ") STRICT;"
    "ALTER TABLE assessment ADD COLUMN version INTEGER NOT NULL DEFAULT 1;",

    /* 3: the complaints mechanism's cases; personal details apart.  The
    ** checks use OR, not IN (...): SQLite builds a temporary index for an
    ** IN list on every insert, which a million-case import feels. */
    "CREATE TABLE complaint_case("
    "  id INTEGER PRIMARY KEY,"
    "  case_no TEXT NOT NULL UNIQUE,"
    "  lodged_on TEXT NOT NULL,"
    "  resolved_on TEXT NOT NULL DEFAULT '',"
    "  channel TEXT NOT NULL CHECK(channel = 'mrc' OR channel = 'pdolvt' OR channel = 'hotline' OR channel = 'ngo' OR channel = 'embassy' OR channel = 'other'),"
    "  assisting_org TEXT NOT NULL DEFAULT '',"
    "  province TEXT NOT NULL DEFAULT '',"
    "  sex TEXT NOT NULL CHECK(sex = 'female' OR sex = 'male' OR sex = 'unknown'),"
    "  age_band TEXT NOT NULL DEFAULT '',"
    "  legal_status TEXT NOT NULL"
    "    CHECK(legal_status = 'regular' OR legal_status = 'irregular' OR legal_status = 'unknown'),"
    "  destination TEXT NOT NULL DEFAULT '',"
    "  sector TEXT NOT NULL DEFAULT '',"
    "  agency TEXT NOT NULL DEFAULT '',"
    "  types INTEGER NOT NULL DEFAULT 0,"
    "  stage TEXT NOT NULL CHECK(stage = 'lodged' OR stage = 'conciliation' OR stage = 'resolved' OR stage = 'court' OR stage = 'withdrawn' OR stage = 'closed_unresolved'),"
    "  outcome TEXT NOT NULL DEFAULT '',"
    "  satisfied TEXT NOT NULL CHECK(satisfied = 'yes' OR satisfied = 'no' OR satisfied = 'unknown'),"
    "  currency TEXT NOT NULL,"
    "  requested INTEGER NOT NULL DEFAULT 0,"
    "  ordered INTEGER NOT NULL DEFAULT 0,"
    "  paid INTEGER NOT NULL DEFAULT 0,"
    "  version INTEGER NOT NULL DEFAULT 1"
    ") STRICT;"
    "CREATE TABLE case_person("
    "  case_id INTEGER PRIMARY KEY REFERENCES complaint_case(id),"
    "  name TEXT NOT NULL DEFAULT '',"
    "  phone TEXT NOT NULL DEFAULT '',"
    "  id_document TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    /* The case's timeline: each stage reached, with its date. */
    "CREATE TABLE case_event("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES complaint_case(id),"
    "  stage TEXT NOT NULL,"
    "  on_date TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  actor TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX case_event_case ON case_event(case_id);"
    /* Compensation actually received, payment by payment; the case's
    ** paid column is their sum. */
    "CREATE TABLE case_payment("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES complaint_case(id),"
    "  paid_on TEXT NOT NULL,"
    "  amount INTEGER NOT NULL CHECK(amount > 0),"
    "  actor TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX case_payment_case ON case_payment(case_id);",
    /* 4: a new node goes after the plan's last one; without this index
    ** finding the last position read every node of the plan, so importing
    ** a plan cost the square of its size. */
    "CREATE INDEX node_plan_position ON node(plan_id, position);",
    /* 5: assessments and statements rebuilt with their checks written
    ** with OR (see 3): with IN (...) every insert built and dropped a
    ** temporary table, and importing a national plan spent half its time
    ** in the allocator.  sq_migrate() turns foreign keys off around the
    ** migrations, as SQLite's table-rebuild procedure asks. */
    "CREATE TABLE assessment_new("
    "  id INTEGER PRIMARY KEY,"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  action_point TEXT NOT NULL DEFAULT '',"
    "  progress TEXT NOT NULL DEFAULT '',"
    "  rating TEXT NOT NULL CHECK(rating = 'on_target' OR"
    "    rating = 'progressing' OR rating = 'not_on_target' OR"
    "    rating = 'not_rated'),"
    "  state TEXT NOT NULL CHECK(state = 'draft' OR state = 'submitted' OR"
    "    state = 'returned' OR state = 'approved'),"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(node_id, round_id)"
    ") STRICT;"
    "INSERT INTO assessment_new(id, node_id, round_id, action_point,"
    "  progress, rating, state, version)"
    "  SELECT id, node_id, round_id, action_point, progress, rating, state,"
    "  version FROM assessment;"
    "DROP TABLE assessment;"
    "ALTER TABLE assessment_new RENAME TO assessment;"
    "CREATE INDEX assessment_round ON assessment(round_id);"
    "CREATE TABLE statement_new("
    "  id INTEGER PRIMARY KEY,"
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  text TEXT NOT NULL DEFAULT '',"
    "  proposed_rating TEXT NOT NULL CHECK(proposed_rating = 'on_target' OR"
    "    proposed_rating = 'progressing' OR"
    "    proposed_rating = 'not_on_target' OR proposed_rating = 'not_rated'),"
    "  state TEXT NOT NULL CHECK(state = 'draft' OR state = 'submitted' OR"
    "    state = 'returned' OR state = 'approved'),"
    "  comment TEXT NOT NULL DEFAULT '',"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  updated_by TEXT,"
    "  updated_at TEXT,"
    "  UNIQUE(assessment_id, org_id)"
    ") STRICT;"
    "INSERT INTO statement_new SELECT id, assessment_id, org_id, text,"
    "  proposed_rating, state, comment, version, updated_by, updated_at"
    "  FROM statement;"
    "DROP TABLE statement;"
    "ALTER TABLE statement_new RENAME TO statement;",
    /* 6: the accounts' table is 'account', as in PostgreSQL, where 'user'
    ** is a reserved word.  SQLite (since 3.26) rewrites the reference of
    ** session.user_id to the new name. */
    "ALTER TABLE user RENAME TO account;",
    /* 7: what is kept ready (store_kept_get()): the complaints reports of
    ** the current cases, so a report needs no count of the register. */
    "CREATE TABLE kept("
    "  name TEXT PRIMARY KEY,"
    "  gen INTEGER NOT NULL,"
    "  body TEXT NOT NULL"
    ") STRICT;",
    /* 8: a review's recommendations (core/recommend.h): the workshop's
    ** discussion groups, each recommendation with the plan nodes it
    ** concerns and the organisations it asks to act, and its follow-up in
    ** later rounds.  Self-contained, so it can take another number when
    ** merged beside other migrations. */
    "CREATE TABLE rec_group("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  name TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  UNIQUE(round_id, name)"
    ") STRICT;"
    "CREATE TABLE recommendation("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  code TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  group_id INTEGER REFERENCES rec_group(id),"
    "  priority INTEGER NOT NULL DEFAULT 0 CHECK(priority = 0 OR priority = 1),"
    "  source TEXT NOT NULL DEFAULT '',"
    "  position INTEGER NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(round_id, code)"
    ") STRICT;"
    "CREATE TABLE rec_node("
    "  rec_id INTEGER NOT NULL REFERENCES recommendation(id),"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(rec_id, node_id)"
    ") STRICT;"
    "CREATE INDEX rec_node_node ON rec_node(node_id);"
    "CREATE TABLE rec_org("
    "  rec_id INTEGER NOT NULL REFERENCES recommendation(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(rec_id, org_id)"
    ") STRICT;"
    "CREATE TABLE rec_followup("
    "  id INTEGER PRIMARY KEY,"
    "  rec_id INTEGER NOT NULL REFERENCES recommendation(id),"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  status TEXT NOT NULL CHECK(status = 'not_started' OR"
    "    status = 'in_progress' OR status = 'done' OR status = 'dropped'),"
    "  evidence TEXT NOT NULL DEFAULT '',"
    "  recorded_by TEXT NOT NULL,"
    "  recorded_at TEXT NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(rec_id, round_id)"
    ") STRICT;",
    /* 9: outreach events, media coverage and migration statistics (the
    ** quarterly briefing's figures: core/outreach.h).  Places are
    ** gazetteer codes; counts by sex and amounts (minor units) are NULL
    ** when not given.  One self-contained entry: another branch may add a
    ** migration at the same time, and this one renumbers cleanly. */
    "CREATE TABLE outreach("
    "  id INTEGER PRIMARY KEY,"
    "  held_from TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  held_to TEXT,"
    "  kind TEXT NOT NULL CHECK(kind = 'training' OR kind = 'meeting' OR"
    "    kind = 'counselling' OR kind = 'dissemination' OR"
    "    kind = 'consultation' OR kind = 'workshop' OR"
    "    kind = 'legal_assistance' OR kind = 'other'),"
    "  status TEXT NOT NULL CHECK(status = 'held' OR status = 'planned'),"
    "  plan_id INTEGER REFERENCES plan(id),"
    "  women INTEGER CHECK(women >= 0),"
    "  men INTEGER CHECK(men >= 0),"
    "  unknown INTEGER CHECK(unknown >= 0),"
    "  total INTEGER CHECK(total >= 0),"
    "  currency TEXT,"
    "  requested INTEGER CHECK(requested >= 0),"
    "  ordered INTEGER CHECK(ordered >= 0),"
    "  purpose TEXT,"
    "  attendees TEXT,"
    "  notes TEXT,"
    "  UNIQUE(held_from, title)"
    ") STRICT;"
    "CREATE TABLE outreach_place("
    "  outreach_id INTEGER NOT NULL REFERENCES outreach(id),"
    "  code TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(outreach_id, code)"
    ") STRICT;"
    "CREATE INDEX outreach_place_code ON outreach_place(code);"
    "CREATE TABLE outreach_org("
    "  outreach_id INTEGER NOT NULL REFERENCES outreach(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(outreach_id, org_id)"
    ") STRICT;"
    "CREATE TABLE outreach_node("
    "  outreach_id INTEGER NOT NULL REFERENCES outreach(id),"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY(outreach_id, node_id)"
    ") STRICT;"
    "CREATE TABLE media("
    "  id INTEGER PRIMARY KEY,"
    "  published_on TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  outlet TEXT NOT NULL,"
    "  link TEXT,"
    "  UNIQUE(published_on, title)"
    ") STRICT;"
    "CREATE TABLE stat_obs("
    "  id INTEGER PRIMARY KEY,"
    "  measure TEXT NOT NULL CHECK(measure = 'stock' OR measure = 'flow'),"
    "  destination TEXT NOT NULL,"
    "  channel TEXT NOT NULL CHECK(channel = 'mou' OR"
    "    channel = 'nationality_verification' OR channel = 'seasonal' OR"
    "    channel = 'one_stop' OR channel = 'other'),"
    "  sex TEXT NOT NULL CHECK(sex = 'women' OR sex = 'men' OR"
    "    sex = 'total'),"
    "  period TEXT NOT NULL,"
    "  source TEXT NOT NULL,"
    "  value INTEGER NOT NULL CHECK(value >= 0),"
    "  note TEXT,"
    "  UNIQUE(measure, destination, channel, sex, period, source)"
    ") STRICT;",
    /* 10: the plan's indicators as records (core/indicator.h).  A row is
    ** one revision: an amendment adds a row (rev + 1, effective from a
    ** date or round, with its reason), so values keep the definition
    ** they were reported against.  Numbers are canonical decimal text
    ** ("45.25", "50"), written by the store, so a re-put compares equal
    ** and both backends read back the same bytes; targets are
    ** "2017=50;2018=60", disaggregations "sex,province". */
    "CREATE TABLE indicator("
    "  id INTEGER PRIMARY KEY,"
    "  plan_id INTEGER NOT NULL REFERENCES plan(id),"
    "  code TEXT NOT NULL,"
    "  rev INTEGER NOT NULL CHECK(rev >= 1),"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  definition TEXT NOT NULL,"
    "  unit TEXT NOT NULL CHECK(unit = 'count' OR unit = 'percentage' OR"
    "    unit = 'amount'),"
    "  direction TEXT NOT NULL CHECK(direction = 'increase' OR"
    "    direction = 'decrease' OR direction = 'maintain'),"
    "  baseline TEXT,"
    "  baseline_year INTEGER,"
    "  targets TEXT NOT NULL DEFAULT '',"
    "  disagg TEXT NOT NULL DEFAULT '',"
    "  verification TEXT,"
    "  org_id INTEGER REFERENCES org(id),"
    "  computed INTEGER NOT NULL DEFAULT 0 CHECK(computed = 0 OR"
    "    computed = 1),"
    "  effective TEXT,"
    "  reason TEXT,"
    "  UNIQUE(plan_id, code, rev)"
    ") STRICT;"
    "CREATE TABLE ind_value("
    "  id INTEGER PRIMARY KEY,"
    "  indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
    "  period TEXT NOT NULL,"
    "  sex TEXT NOT NULL CHECK(sex = 'women' OR sex = 'men' OR"
    "    sex = 'total'),"
    "  cell TEXT NOT NULL DEFAULT '',"
    "  value TEXT NOT NULL CHECK(CAST(value AS REAL) >= 0),"
    "  num INTEGER CHECK(num >= 0),"
    "  den INTEGER CHECK(den > 0),"
    "  source TEXT,"
    "  state TEXT NOT NULL CHECK(state = 'draft' OR state = 'submitted' OR"
    "    state = 'returned' OR state = 'validated'),"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(indicator_id, period, sex, cell)"
    ") STRICT;",
    /* 11: statements are reviewed one by one (core/model.h StmtState):
    ** draft → submitted → returned → resubmitted → accepted, 'approved'
    ** becoming 'accepted'.  Every comment of a statement's thread is kept
    ** (statement_comment), and every submitted text (statement_version),
    ** so the officer sees what changed.  The one comment a statement held
    ** becomes the first of its thread, with who wrote it and when as the
    ** audit trail has them; the column stays, always "".  Statements
    ** submitted, returned or approved keep their text as one version. */
    "CREATE TABLE statement_new("
    "  id INTEGER PRIMARY KEY,"
    "  assessment_id INTEGER NOT NULL REFERENCES assessment(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  text TEXT NOT NULL DEFAULT '',"
    "  proposed_rating TEXT NOT NULL CHECK(proposed_rating = 'on_target' OR"
    "    proposed_rating = 'progressing' OR"
    "    proposed_rating = 'not_on_target' OR proposed_rating = 'not_rated'),"
    "  state TEXT NOT NULL CHECK(state = 'draft' OR state = 'submitted' OR"
    "    state = 'returned' OR state = 'resubmitted' OR state = 'accepted'),"
    "  comment TEXT NOT NULL DEFAULT '',"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  updated_by TEXT,"
    "  updated_at TEXT,"
    "  UNIQUE(assessment_id, org_id)"
    ") STRICT;"
    "INSERT INTO statement_new SELECT id, assessment_id, org_id, text,"
    "  proposed_rating,"
    "  CASE state WHEN 'approved' THEN 'accepted' ELSE state END,"
    "  comment, version, updated_by, updated_at FROM statement;"
    "DROP TABLE statement;"
    "ALTER TABLE statement_new RENAME TO statement;"
    "CREATE TABLE statement_comment("
    "  id INTEGER PRIMARY KEY,"
    "  statement_id INTEGER NOT NULL REFERENCES statement(id),"
    "  stmt_version INTEGER NOT NULL,"
    "  author TEXT NOT NULL,"
    "  role TEXT NOT NULL CHECK(role = 'admin' OR role = 'me_officer' OR"
    "    role = 'reporter' OR role = 'case_officer' OR role = 'viewer'),"
    "  at TEXT NOT NULL,"
    "  text TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX statement_comment_statement"
    "  ON statement_comment(statement_id);"
    "CREATE TABLE statement_version("
    "  id INTEGER PRIMARY KEY,"
    "  statement_id INTEGER NOT NULL REFERENCES statement(id),"
    "  version INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  proposed_rating TEXT NOT NULL CHECK(proposed_rating = 'on_target' OR"
    "    proposed_rating = 'progressing' OR"
    "    proposed_rating = 'not_on_target' OR proposed_rating = 'not_rated'),"
    "  state TEXT NOT NULL CHECK(state = 'draft' OR state = 'submitted' OR"
    "    state = 'returned' OR state = 'resubmitted' OR state = 'accepted'),"
    "  submitted_by TEXT NOT NULL,"
    "  submitted_at TEXT NOT NULL,"
    "  UNIQUE(statement_id, version)"
    ") STRICT;"
    "INSERT INTO statement_comment(statement_id, stmt_version, author, role,"
    "  at, text)"
    "  SELECT s.id, s.version,"
    "  coalesce(au.actor, s.updated_by, ''), 'me_officer',"
    "  coalesce(au.at, s.updated_at, ''), s.comment"
    "  FROM statement s"
    "  JOIN assessment a ON a.id = s.assessment_id"
    "  JOIN node n ON n.id = a.node_id"
    "  JOIN plan p ON p.id = n.plan_id"
    "  JOIN round r ON r.id = a.round_id"
    "  JOIN org o ON o.id = s.org_id"
    "  LEFT JOIN audit au ON au.id = (SELECT max(x.id) FROM audit x"
    "    WHERE x.entity = 'statement' AND x.field = 'comment'"
    "    AND x.new = s.comment"
    "    AND x.key = p.code || '/' || n.code || '/' || r.code || '/'"
    "      || o.acronym)"
    "  WHERE s.comment <> '' ORDER BY s.id;"
    "INSERT INTO statement_version(statement_id, version, text,"
    "  proposed_rating, state, submitted_by, submitted_at)"
    "  SELECT id, version, text, proposed_rating, state,"
    "  coalesce(updated_by, ''), coalesce(updated_at, '') FROM statement"
    "  WHERE state <> 'draft' ORDER BY id;"
    "UPDATE statement SET comment = '' WHERE comment <> '';",
    /* 12: what an activity of a round's action plan costs and who pays
    ** for it (core/funding.h).  Amounts are integer minor units with
    ** their ISO 4217 currency; a funding line is numbered within its
    ** activity and round, and names a development partner (org_id) or a
    ** budget line or other source (label). */
    "CREATE TABLE fund_cost("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  amount INTEGER NOT NULL CHECK(amount >= 0),"
    "  currency TEXT NOT NULL CHECK(length(currency) = 3),"
    "  note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(round_id, node_id)"
    ") STRICT;"
    "CREATE TABLE fund_line("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  line INTEGER NOT NULL CHECK(line >= 1),"
    "  kind TEXT NOT NULL CHECK(kind = 'government' OR kind = 'partner' OR"
    "    kind = 'other'),"
    "  org_id INTEGER REFERENCES org(id),"
    "  label TEXT,"
    "  amount INTEGER NOT NULL CHECK(amount >= 0),"
    "  currency TEXT NOT NULL CHECK(length(currency) = 3),"
    "  status TEXT NOT NULL CHECK(status = 'secured' OR status = 'pledged'"
    "    OR status = 'gap'),"
    "  note TEXT,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  CHECK((kind = 'partner') = (org_id IS NOT NULL)),"
    "  UNIQUE(round_id, node_id, line)"
    ") STRICT;",
    /* 13: a round's due date (NULL: none) and the extensions granted to
    ** organisations (core/review.h review_org_due()).  An extension whose
    ** due is NULL was removed: the row keeps its version and the audit
    ** trail its history. */
    "ALTER TABLE round ADD COLUMN due TEXT;"
    "CREATE TABLE round_extension("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  org_id INTEGER NOT NULL REFERENCES org(id),"
    "  due TEXT,"
    "  reason TEXT NOT NULL,"
    "  granted_by TEXT NOT NULL,"
    "  granted_at TEXT NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(round_id, org_id)"
    ") STRICT;",
    /* 14: notifications (core/notify.h): one row per recipient of each
    ** thing that happened, written in the transaction that made it happen,
    ** with its e-mail's state (mail_next: when the sender should try; NULL
    ** when there is nothing more to send).  Rounds, activities and
    ** organisations are named by code, as the audit trail names them: a
    ** notification tells of a moment and needs no row to stay.  An account
    ** gets an e-mail address, whether it wants e-mail, and the language of
    ** its e-mails ("": the installation's). */
    "ALTER TABLE account ADD COLUMN email TEXT;"
    "ALTER TABLE account ADD COLUMN mail INTEGER NOT NULL DEFAULT 1"
    "  CHECK(mail = 0 OR mail = 1);"
    "ALTER TABLE account ADD COLUMN lang TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE notification("
    "  id INTEGER PRIMARY KEY,"
    "  recipient_id INTEGER NOT NULL REFERENCES account(id),"
    "  kind TEXT NOT NULL CHECK(kind = 'submitted' OR kind = 'resubmitted'"
    "    OR kind = 'returned' OR kind = 'accepted' OR kind = 'round_opened'"
    "    OR kind = 'round_published' OR kind = 'due_soon'"
    "    OR kind = 'overdue'),"
    "  plan TEXT NOT NULL,"
    "  round TEXT NOT NULL,"
    "  node TEXT NOT NULL DEFAULT '',"
    "  org TEXT NOT NULL DEFAULT '',"
    "  actor TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  read_at TEXT,"
    "  mail TEXT NOT NULL CHECK(mail = 'none' OR mail = 'pending'"
    "    OR mail = 'sent' OR mail = 'failed'),"
    "  mail_tries INTEGER NOT NULL DEFAULT 0,"
    "  mail_next TEXT"
    ") STRICT;"
    "CREATE INDEX notification_inbox ON notification(recipient_id, id);"
    "CREATE INDEX notification_unread ON notification(recipient_id)"
    "  WHERE read_at IS NULL;"
    "CREATE INDEX notification_mail ON notification(mail_next)"
    "  WHERE mail_next IS NOT NULL;",
    /* 15: files a reporter attaches to its statement as evidence
    ** (core/attach.h), kept in the database like everything else: the
    ** type found from the content, the size, who and when, and the bytes
    ** as base64 text, which every backend and 'lmpmon copy' carry as they
    ** carry any text. */
    "CREATE TABLE statement_attachment("
    "  id INTEGER PRIMARY KEY,"
    "  statement_id INTEGER NOT NULL REFERENCES statement(id),"
    "  name TEXT NOT NULL CHECK(length(name) > 0),"
    "  type TEXT NOT NULL,"
    "  size INTEGER NOT NULL CHECK(size > 0),"
    "  data TEXT NOT NULL,"
    "  added_by TEXT NOT NULL,"
    "  added_at TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX statement_attachment_statement"
    "  ON statement_attachment(statement_id);",
    /* 16: each assisting organisation numbers its own cases: a case number
    ** is unique per organisation (cases no organisation assists, '', are
    ** unique among themselves), so two NGOs may both have "2018/001".
    ** The key leads with the number, so an admin's search by number alone
    ** uses it too.  Lists by organisation, newest first, walk the index
    ** (assisting_org, id).  The table is rebuilt to drop the column's
    ** UNIQUE, as in 5; unique before means unique per organisation now. */
    "CREATE TABLE complaint_case_new("
    "  id INTEGER PRIMARY KEY,"
    "  case_no TEXT NOT NULL,"
    "  lodged_on TEXT NOT NULL,"
    "  resolved_on TEXT NOT NULL DEFAULT '',"
    "  channel TEXT NOT NULL CHECK(channel = 'mrc' OR channel = 'pdolvt' OR channel = 'hotline' OR channel = 'ngo' OR channel = 'embassy' OR channel = 'other'),"
    "  assisting_org TEXT NOT NULL DEFAULT '',"
    "  province TEXT NOT NULL DEFAULT '',"
    "  sex TEXT NOT NULL CHECK(sex = 'female' OR sex = 'male' OR sex = 'unknown'),"
    "  age_band TEXT NOT NULL DEFAULT '',"
    "  legal_status TEXT NOT NULL"
    "    CHECK(legal_status = 'regular' OR legal_status = 'irregular' OR legal_status = 'unknown'),"
    "  destination TEXT NOT NULL DEFAULT '',"
    "  sector TEXT NOT NULL DEFAULT '',"
    "  agency TEXT NOT NULL DEFAULT '',"
    "  types INTEGER NOT NULL DEFAULT 0,"
    "  stage TEXT NOT NULL CHECK(stage = 'lodged' OR stage = 'conciliation' OR stage = 'resolved' OR stage = 'court' OR stage = 'withdrawn' OR stage = 'closed_unresolved'),"
    "  outcome TEXT NOT NULL DEFAULT '',"
    "  satisfied TEXT NOT NULL CHECK(satisfied = 'yes' OR satisfied = 'no' OR satisfied = 'unknown'),"
    "  currency TEXT NOT NULL,"
    "  requested INTEGER NOT NULL DEFAULT 0,"
    "  ordered INTEGER NOT NULL DEFAULT 0,"
    "  paid INTEGER NOT NULL DEFAULT 0,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(case_no, assisting_org)"
    ") STRICT;"
    "INSERT INTO complaint_case_new(id, case_no, lodged_on, resolved_on,"
    "  channel, assisting_org, province, sex, age_band, legal_status,"
    "  destination, sector, agency, types, stage, outcome, satisfied,"
    "  currency, requested, ordered, paid, version)"
    "  SELECT id, case_no, lodged_on, resolved_on, channel, assisting_org,"
    "  province, sex, age_band, legal_status, destination, sector, agency,"
    "  types, stage, outcome, satisfied, currency, requested, ordered, paid,"
    "  version FROM complaint_case;"
    "DROP TABLE complaint_case;"
    "ALTER TABLE complaint_case_new RENAME TO complaint_case;"
    "CREATE INDEX complaint_case_org ON complaint_case(assisting_org, id);",
    /* 17: what people write in both languages has a Khmer field beside
    ** the English one (core/model.h model_text()): the plan's title, an
    ** organisation's name, a node's text and its indicator.  NULL: not
    ** written in Khmer; readers of Khmer then see the English. */
    "ALTER TABLE plan ADD COLUMN title_km TEXT;"
    "ALTER TABLE org ADD COLUMN name_km TEXT;"
    "ALTER TABLE node ADD COLUMN text_km TEXT;"
    "ALTER TABLE node ADD COLUMN indicator_km TEXT;",
    /* 18: plan succession: the node of an earlier plan a node carries on
    ** (NULL: none), so an activity's history runs across plans.  Deferred,
    ** so that 'lmpmon copy' may write the nodes in id order whichever
    ** plan came first. */
    "ALTER TABLE node ADD COLUMN predecessor_id INTEGER"
    "  REFERENCES node(id) DEFERRABLE INITIALLY DEFERRED;"
    "CREATE INDEX node_predecessor ON node(predecessor_id)"
    "  WHERE predecessor_id IS NOT NULL;",
    /* 19: a case's province and destination are stored as gazetteer codes
    ** (core/gazetteer.h: "KH-14", "TH"), no longer as typed.  The values
    ** that resolve are converted through temp.lmpmon_place, which the
    ** migration's runner fills from the gazetteer before this runs (SQL
    ** cannot fold "PreyVeng" or "Thaïland" as it does); those that do not
    ** are kept as they were, and 'lmpmon case places' lists them.  The
    ** kept complaints reports counted the old values: they go. */
    "UPDATE complaint_case SET province = (SELECT p.code FROM"
    "  temp.lmpmon_place p WHERE p.kind = 'province'"
    "  AND p.value = complaint_case.province)"
    "  WHERE province IN (SELECT value FROM temp.lmpmon_place"
    "  WHERE kind = 'province');"
    "UPDATE complaint_case SET destination = (SELECT p.code FROM"
    "  temp.lmpmon_place p WHERE p.kind = 'country'"
    "  AND p.value = complaint_case.destination)"
    "  WHERE destination IN (SELECT value FROM temp.lmpmon_place"
    "  WHERE kind = 'country');"
    "DELETE FROM kept;",
    /* 20: an indicator lmpmon computes says from what (core/indicator.h
    ** ind_computed_text()): NULL for the complaints register, as every
    ** computed one was; "outreach:counselling;dissemination" for the
    ** people reached by the held outreach events of those kinds. */
    "ALTER TABLE indicator ADD COLUMN computed_from TEXT;",
    /* 21: a notification may remind of the budget calendar (core/notify.h
    ** NOTE_BUDGET): the kind's CHECK gains 'budget'.  SQLite changes a
    ** CHECK only by making the table again. */
    "CREATE TABLE notification_new("
    "  id INTEGER PRIMARY KEY,"
    "  recipient_id INTEGER NOT NULL REFERENCES account(id),"
    "  kind TEXT NOT NULL CHECK(kind = 'submitted' OR kind = 'resubmitted'"
    "    OR kind = 'returned' OR kind = 'accepted' OR kind = 'round_opened'"
    "    OR kind = 'round_published' OR kind = 'due_soon'"
    "    OR kind = 'overdue' OR kind = 'budget'),"
    "  plan TEXT NOT NULL,"
    "  round TEXT NOT NULL,"
    "  node TEXT NOT NULL DEFAULT '',"
    "  org TEXT NOT NULL DEFAULT '',"
    "  actor TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  read_at TEXT,"
    "  mail TEXT NOT NULL CHECK(mail = 'none' OR mail = 'pending'"
    "    OR mail = 'sent' OR mail = 'failed'),"
    "  mail_tries INTEGER NOT NULL DEFAULT 0,"
    "  mail_next TEXT"
    ") STRICT;"
    "INSERT INTO notification_new(id, recipient_id, kind, plan, round, node,"
    "  org, actor, at, read_at, mail, mail_tries, mail_next)"
    "  SELECT id, recipient_id, kind, plan, round, node, org, actor, at,"
    "  read_at, mail, mail_tries, mail_next FROM notification;"
    "DROP TABLE notification;"
    "ALTER TABLE notification_new RENAME TO notification;"
    "CREATE INDEX notification_inbox ON notification(recipient_id, id);"
    "CREATE INDEX notification_unread ON notification(recipient_id)"
    "  WHERE read_at IS NULL;"
    "CREATE INDEX notification_mail ON notification(mail_next)"
    "  WHERE mail_next IS NOT NULL;",
    /* 22: an indicator's value returned by the M&E officer keeps the
    ** reason beside it (core/indicator.h IndValue.zNote), for the
    ** reporter who corrects it; NULL in any other state. */
    "ALTER TABLE ind_value ADD COLUMN note TEXT;",
    /* 23: an indicator's definition in Khmer (core/indicator.h
    ** ind_definition()), NULL: not written in Khmer.  Translating it is an
    ** audited edit of the revision it translates, never a revision. */
    "ALTER TABLE indicator ADD COLUMN definition_km TEXT;",
    /* 24: outreach events, media articles and statistics figures are
    ** written from web forms (app/outreach.h): each row gets a version,
    ** so a form saved after another change is refused, not written over
    ** it. */
    "ALTER TABLE outreach ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
    "ALTER TABLE media ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
    "ALTER TABLE stat_obs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;",
    /* 25: the review's chapters a round has (core/chapter.h): the English
    ** text (Markdown subset), the Khmer one if written (NULL: none), who
    ** wrote it last and when, versioned; the audit trail keeps the
    ** history ("PLAN/round/ROUND/chapter/KIND"). */
    "CREATE TABLE round_chapter("
    "  id INTEGER PRIMARY KEY,"
    "  round_id INTEGER NOT NULL REFERENCES round(id),"
    "  kind TEXT NOT NULL CHECK(kind IN ('introduction', 'methodology',"
    "    'limitations', 'findings', 'good_practices', 'challenges',"
    "    'recommendations', 'priorities')),"
    "  text TEXT NOT NULL,"
    "  text_km TEXT,"
    "  written_by TEXT NOT NULL,"
    "  written_at TEXT NOT NULL,"
    "  version INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE(round_id, kind)"
    ") STRICT;",
};

const int nSchemaMigration =
    (int)(sizeof azSchemaMigration / sizeof azSchemaMigration[0]);
