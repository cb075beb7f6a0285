/*
** cli.c — command dispatch, option parsing and shared CLI helpers.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <pwd.h>

#include "cli.h"
#include "../base/base.h"
#include "../base/file.h"
#include "../base/i18n.h"
#include "../store/store_pg.h"
#include "../base/banned.h"

#ifndef LMPMON_VERSION
# define LMPMON_VERSION "0.0.0"
#endif

typedef struct CliCommand {
    const char *zName;
    int (*xRun)(CliCtx *);
    const char *zSummary;
    const char *zUsage; /* full --help text after the "usage:" line */
} CliCommand;

static const CliCommand aCommand[] = {
    /* ** COMMAND: init */
    { "init", cmd_init, N_("create a database"),
      "lmpmon init [--sample NAME]\n\n"
      "Create a new, empty lmpmon database at --db (default ./lmpmon.db).\n"
      "An existing file is never overwritten.\n\n"
      "  --sample NAME  fill it with a shipped sample (see 'lmpmon init\n"
      "                 --sample list')\n" },
    /* ** COMMAND: import */
    { "import", cmd_import, N_("import plans, organisations and review rounds"),
      "lmpmon import [--format csv|json] [--plan CODE] [--create-orgs]\n"
      "              [--dry-run] FILE...\n\n"
      "Import files in one transaction: if any row of any file is wrong,\n"
      "nothing is written and the error names file, line, column and field.\n"
      "Imports create and update; they never delete.\n\n"
      "A file lmpmon exported records the revision it was exported from:\n"
      "only the cells changed in the file since are written, the others keep\n"
      "what the database holds now, and a cell changed both in the file and\n"
      "in the database refuses the import, naming it.  A file without one\n"
      "is written as it is.\n\n"
      "  --format F     csv (the annex layout, docs/formats/annex-csv.md) or\n"
      "                 json (the whole model, docs/formats/model-json.md);\n"
      "                 default: from the file name's extension\n"
      "  --plan CODE    the plan a CSV file belongs to (created if new);\n"
      "                 default: the only plan in the database\n"
      "  --create-orgs  create organisations the directory does not know\n"
      "                 instead of refusing the file\n"
      "  --dry-run      check everything and say what the import would\n"
      "                 change, writing nothing\n" },
    /* ** COMMAND: export */
    { "export", cmd_export, N_("export plans and review rounds"),
      "lmpmon export [--format csv|json] [--plan CODE] [--out FILE]\n\n"
      "Write the data in an importable format; importing an export and\n"
      "exporting again gives the same bytes.  The file records the\n"
      "database's revision, so that importing it after editing merges.\n\n"
      "  --format F  csv (one plan in the annex layout; default) or json\n"
      "              (organisations and plans)\n"
      "  --plan CODE the plan to export; default: the only plan (csv) or\n"
      "              all plans (json)\n"
      "  --out FILE  write to FILE (replaced whole, never half-written);\n"
      "              default: standard output\n" },
    /* ** COMMAND: show */
    { "show", cmd_show, N_("show a plan, activity, organisation or round"),
      "lmpmon show plan [CODE]\n"
      "       lmpmon show activity CODE [--plan CODE] [--history]\n"
      "       lmpmon show org NAME\n"
      "       lmpmon show round CODE [--plan CODE]\n\n"
      "Print a readable view fitted to the terminal's width.  An organisation\n"
      "may be named by acronym, full name or alias.  --history adds the\n"
      "activity's audit trail: who changed what, when, old -> new.\n" },
    /* ** COMMAND: report */
    { "report", cmd_report,
      N_("generate the review, coordination, complaints or briefing report"),
      "lmpmon report review --round R [--compare R0] [--level LEVEL]\n"
      "       [--format html|md|csv|json|svg|pdf|docx|claims] [--out FILE]\n"
      "       [--plan CODE]\n"
      "       lmpmon report coordination --round R\n"
      "       [--format html|md|csv|json|pdf|docx] [--out FILE] [--plan CODE]\n"
      "       lmpmon report complaints [--year Y]\n"
      "       [--format html|csv|json|xlsx|pdf|docx] [--out FILE] [--suppress]\n"
      "       lmpmon report action-plan --round R\n"
      "       [--format csv|xlsx|html|pdf|docx]\n"
      "       [--out FILE] [--plan CODE]\n"
      "       lmpmon report briefing --quarter Q [--org ORG]\n"
      "       [--format html|md|csv|json|pdf|docx] [--out FILE]\n\n"
      "The action plan of round R: each activity with its responsible and\n"
      "contributing organisations, its action point in R and the priorities\n"
      "of earlier reviews that concern it and are not done\n"
      "(docs/formats/recommendations-csv.md).\n\n"
      "lmpmon report indicators --year Y [--format text|csv|json|pdf|docx]\n"
      "[--out FILE] gives each indicator's value of year Y against its\n"
      "target: the share of the way from baseline to target, by sex where it\n"
      "asks for it.\n\n"
      "The coordination report says, for round R, which organisation is\n"
      "responsible for and contributes to which activities, how many of them\n"
      "were reported and how they are rated; the activities with no or many\n"
      "responsible bodies and one wording under several codes; the\n"
      "responsible organisations that stayed silent; responsible activities\n"
      "per organisation and area; and tests the review's explanations of slow\n"
      "progress (several responsible bodies, development partner support)\n"
      "with the counts behind them.  Its CSV holds the rows every figure is\n"
      "counted from (docs/formats/coordination.md).\n\n"
      "The briefing of quarter Q (2019Q3) gives the activities held in it\n"
      "with the people reached \"43 (W27: M16)\", the partner results over\n"
      "a period ending in it, the complaints register's cases resolved in it,\n"
      "the latest migration statistics with their sources, the events planned\n"
      "for the next quarter and the media coverage; --org keeps what that\n"
      "organisation took part in (docs/formats/briefing.md).\n\n"
      "The complaints report gives cases lodged and resolved, the share\n"
      "resolved within 3 months and to the complainant's satisfaction (the\n"
      "goal-10 indicator) by sex, province, destination, assisting body and\n"
      "complaint type, median days, referrals to court and compensation;\n"
      "--suppress hides groups of fewer than 5 cases, as viewers see it.\n\n"
      "Count the activities of round R by status per area (or LEVEL) and\n"
      "overall, with charts, sentences in the review's style and the annex.\n"
      "Shares are of all activities assessed in the round; percentages are\n"
      "whole numbers rounded half away from zero, printed with their counts.\n\n"
      "  --compare R0  add round R0: changes in percentage points, activities\n"
      "                rated up or down, new ones, reworded action points\n"
      "  --level L     group by another level of the plan (e.g. goal)\n"
      "  --format F    html (one self-contained file, printable), md, csv,\n"
      "                json, svg (the chart alone), pdf (A4: cover, contents,\n"
      "                page N of M, the annex on landscape pages) or docx\n"
      "                (the same for Word); default: from --out's\n"
      "                extension, else html\n"
      "  --out FILE    write to FILE instead of standard output\n" },
    /* ** COMMAND: check */
    { "check", cmd_check,
      N_("find data-quality problems; verify printed figures"),
      "lmpmon check [--round R] [--format text|json] [--plan CODE]\n"
      "       lmpmon check --claims FILE [--format text|json]\n\n"
      "Without --claims: list data-quality findings (rule, severity, activity,\n"
      "round, reason): missing ratings, narratives that contradict their\n"
      "rating, carried-forward text, one narrative under differently rated\n"
      "activities, activities nobody is responsible for, silent responsible\n"
      "bodies, duplicated action points.\n\n"
      "With --claims FILE (docs/formats/claims-csv.md): check each figure a\n"
      "report prints against the data: holds, wrong_percent, wrong_count or\n"
      "wrong_denominator, with the figure the data gives.\n\n"
      "The exit status is 0 whenever the check ran, whatever it found.\n" },
    /* ** COMMAND: plan */
    { "plan", cmd_plan, N_("list plans; create a plan from the one it follows"),
      "lmpmon plan list\n"
      "       lmpmon plan new CODE --from PLAN [--title T]\n\n"
      "'plan new' creates plan CODE from plan PLAN (the 2019-2023 policy\n"
      "after the 2015-2018 one): the same levels and nodes, with their codes,\n"
      "texts, indicators and organisations, each node linked to its\n"
      "predecessor in PLAN so that an activity's history runs across plans\n"
      "('show activity'); no rounds, no assessments.  Import the new plan's\n"
      "annex into it to reword, add or move activities.  --title defaults\n"
      "to CODE.\n" },
    /* ** COMMAND: org */
    { "org", cmd_org, N_("list organisations"), "lmpmon org list\n" },
    /* ** COMMAND: round */
    { "round", cmd_round,
      N_("list review rounds; open, close, publish one, set due dates"),
      "lmpmon round list [--plan CODE]\n"
      "       lmpmon round status CODE [--plan CODE] [--format text|csv|json]\n"
      "       lmpmon round open CODE [--title T] [--as-of YYYY-MM-DD]\n"
      "                                  [--due YYYY-MM-DD]\n"
      "       lmpmon round due CODE YYYY-MM-DD|none\n"
      "       lmpmon round extend CODE ORG YYYY-MM-DD --reason TEXT\n"
      "       lmpmon round extend CODE ORG --remove [--reason TEXT]\n"
      "       lmpmon round remind [--budget-close MM-DD]\n"
      "       lmpmon round close CODE [--yes]\n"
      "       lmpmon round publish CODE [--yes]\n"
      "       lmpmon round correct CODE --reason TEXT\n"
      "       lmpmon round chapter CODE KIND [--lang en|km] --file FILE|-\n"
      "       lmpmon round chapters CODE\n\n"
      "A round goes draft -> open -> closed -> published; a closed round may\n"
      "reopen; a published round is locked, but an administrator may reopen it\n"
      "for a correction (correct, saying what and why: back to closed; its\n"
      "report then says it was amended, when, by whom and why).  Opening a new round gives every\n"
      "activity a draft assessment whose action point is the latest wording.\n"
      "A round may have a due date (due, or open --due; 'none' clears it) and\n"
      "an organisation an extension to a later one (extend, with the reason;\n"
      "--remove takes it back).  An organisation is overdue when the round is\n"
      "open, today (in the installation's time zone) is past its due date and\n"
      "it still owes a statement on an activity it is responsible for.\n"
      "Remind tells the reporters of every organisation that still owes\n"
      "statements in an open round that they are due within 3 days, or\n"
      "overdue, once per due date (the server does it every hour; run it from\n"
      "cron where no server runs), and in the 30 days before the budget\n"
      "calendar's closing day (--budget-close, default 07-01) the reporters\n"
      "of organisations whose activities have no estimated cost yet.\n"
      "Closing or publishing prints what is still open (activities not rated\n"
      "or not approved, statements never submitted, data-quality errors,\n"
      "overdue organisations) and refuses, exit 1, unless --yes.  Status shows\n"
      "the collection of a round per organisation: the activities it is\n"
      "responsible for or a partner on, its statements by state (draft,\n"
      "submitted, returned, resubmitted after a return, accepted), what it\n"
      "still has to do (statements owed and not begun, drafts, returned ones),\n"
      "its due date and whether it is overdue; overdue ones first, then those\n"
      "with most to do.\n"
      "Statements are accepted or returned one by one in the web application\n"
      "or its API (docs/api.md).\n"
      "Chapter saves the text of one of the review's chapters (introduction,\n"
      "methodology, limitations, findings, good_practices, challenges,\n"
      "recommendations, priorities) from FILE ('-': standard input), in\n"
      "English or, with --lang km, in Khmer, written in the Markdown subset\n"
      "of docs/chapters.md; the report places it among the generated parts.\n"
      "Chapters lists them with who saved each last.  A published round's\n"
      "chapters change only after 'round correct'.\n" },
    /* ** COMMAND: user */
    { "user", cmd_user, N_("manage user accounts"),
      "lmpmon user add NAME --role ROLE [--org ORG]\n"
      "       lmpmon user passwd NAME\n"
      "       lmpmon user reset NAME [--base-url URL]\n"
      "       lmpmon user disable NAME | enable NAME\n"
      "       lmpmon user list\n"
      "       lmpmon user email NAME [ADDRESS] [--no-mail] [--language en|km]\n\n"
      "Roles: admin, me_officer, reporter (needs --org: it reports for that\n"
      "organisation), case_officer, viewer.  The password is read from standard\n"
      "input when it is not a terminal, else prompted twice.  Passwords are\n"
      "stored as argon2id hashes only.  'user email' sets the address the\n"
      "account's notifications are e-mailed to (none without ADDRESS; never\n"
      "with --no-mail) and their language (default: the server's).  'user\n"
      "reset' prints a one-time link (/reset/..., after --base-url, the\n"
      "address people reach the server at) with which the user chooses a new\n"
      "password within a day; the administrator's page makes the same.\n" },
    /* ** COMMAND: case */
    { "case", cmd_case, N_("import and export complaints cases"),
      "lmpmon case import FILE [--create-orgs]\n"
      "       lmpmon case export [--format csv|xlsx] [--year Y] [--with-personal]\n"
      "       [--out FILE]\n"
      "       lmpmon case show NUMBER [--org ORG] [--with-personal]\n"
      "       lmpmon case places\n\n"
      "Cases as CSV (docs/formats/cases-csv.md).  An import is one transaction:\n"
      "the first bad cell (line, column, reason) refuses the whole file.\n"
      "Assisting organisations resolve through the directory.  Export writes\n"
      "amounts in major units with two decimals; --with-personal adds the\n"
      "complainant's name, phone and identity document.\n\n"
      "show: one case with its timeline and payments.  Each assisting\n"
      "organisation numbers its own cases: where several have NUMBER,\n"
      "--org ORG says whose (- for the case no organisation assists); an\n"
      "import matches stored cases by organisation and number.\n\n"
      "Provinces and destinations are stored by gazetteer code: an import\n"
      "resolves any usual spelling and refuses an unknown place with the\n"
      "closest names; export writes their English names.\n\n"
      "places: each destination and province the cases hold, with its\n"
      "number of cases and the place the gazetteer makes of it (ISO code\n"
      "and name), or the closest names when it makes none: values kept as\n"
      "typed from before places were codes, to correct.\n" },
    /* ** COMMAND: outreach */
    { "outreach", cmd_outreach, "import, export and list outreach events",
      "lmpmon outreach import FILE\n"
      "       lmpmon outreach export [--format csv|xlsx] [--quarter Q | --from D\n"
      "       --to D] [--out FILE]\n"
      "       lmpmon outreach list [--quarter Q | --from D --to D]\n\n"
      "Trainings, meetings, counselling, dissemination, consultations,\n"
      "workshops, legal assistance: held or planned, with places, organisations,\n"
      "linked activities and the people reached by sex\n"
      "(docs/formats/outreach-csv.md).  An import is one transaction: the\n"
      "first bad cell (line, column, reason) refuses the whole file; places\n"
      "resolve through the gazetteer, organisations through the directory.\n"
      "Importing the same file again changes nothing and says so.\n\n"
      "  --quarter Q  events whose first day is in quarter Q (2019Q3)\n"
      "  --from D, --to D  events whose first day is in [D, D]\n"
      "  --format F   csv or xlsx (default: from --out's name, else csv)\n"
      "  --out FILE   write to FILE (replaced whole); default: standard output\n" },
    /* ** COMMAND: media */
    { "media", cmd_media, "import, export and list media coverage",
      "lmpmon media import FILE\n"
      "       lmpmon media export [--format csv|xlsx] [--quarter Q | --from D\n"
      "       --to D] [--out FILE]\n"
      "       lmpmon media list [--quarter Q | --from D --to D]\n\n"
      "Articles about labour migration: date, title, outlet, link\n"
      "(docs/formats/outreach-csv.md); imported and exported as outreach is.\n" },
    /* ** COMMAND: stats */
    { "stats", cmd_stats, "import, export and list migration statistics",
      "lmpmon stats import FILE\n"
      "       lmpmon stats export [--format csv|xlsx|sdmx-csv] [--out FILE]\n"
      "       lmpmon stats list\n\n"
      "Migrant stocks and flows by destination country, channel (MOU,\n"
      "nationality verification, seasonal, one-stop service registration,\n"
      "other) and sex, with their source and reference date or period, one\n"
      "figure a row (docs/formats/outreach-csv.md).  Destinations resolve\n"
      "through the gazetteer; a figure's women, men and total must add up.\n"
      "Importing the same file again changes nothing and says so.  sdmx-csv\n"
      "exports SDMX-CSV 2.0 (docs/formats/sdmx-csv.md).\n" },
    /* ** COMMAND: sample */
    { "sample", cmd_sample, N_("generate a synthetic caseload or plan"),
      "lmpmon sample complaints [--cases N] [--seed S] [--out FILE]\n"
      "       lmpmon sample plan [--activities N] [--orgs N] [--rounds N]\n"
      "       [--seed S] --out DIR\n\n"
      "complaints: write N synthetic cases (default 300) as cases CSV, with\n"
      "proportions from the 2019 TRIANGLE in ASEAN briefing.  Import it with\n"
      "'lmpmon case import'.\n\n"
      "plan: write DIR/plan.json (organisations, the plan's levels and\n"
      "rounds) and DIR/annex.csv (every activity, assessed in every round)\n"
      "for a plan of N activities (default 5000), organisations (500) and\n"
      "yearly rounds (10), shaped like the Cambodian sample.  Import them\n"
      "with 'lmpmon import DIR/plan.json DIR/annex.csv'.\n\n"
      "The same seed gives the same bytes.\n" },
    /* ** COMMAND: backup */
    { "backup", cmd_backup, N_("copy the database, even while it is in use"),
      "lmpmon backup --to FILE [--force]\n\n"
      "Write a copy of the database to FILE: one consistent state, taken\n"
      "while the server and imports go on writing (a change is in it whole\n"
      "or not at all).  The copy is checked (SQLite's integrity check) and\n"
      "written to FILE.tmp first, then renamed, so FILE is never a partial\n"
      "copy.  FILE is an lmpmon database itself: 'lmpmon --db FILE show plan'\n"
      "reads it.  'serve --backup-every' makes backups on a schedule.\n\n"
      "  --to FILE  where to write the copy\n"
      "  --force    replace FILE if it exists (else it is refused)\n" },
    /* ** COMMAND: restore */
    { "restore", cmd_restore, N_("replace the database by a backup"),
      "lmpmon restore --from FILE\n\n"
      "Replace the database (--db) by the backup FILE, in one step: a crash\n"
      "leaves the old database.  FILE must be an lmpmon database of this\n"
      "lmpmon's schema or an older one (migrated when restored), and pass\n"
      "SQLite's integrity check; the database must not be in use: stop\n"
      "'lmpmon serve' first.  A missing database is created.  Everything\n"
      "changed since the backup is lost: back up the database first when\n"
      "in doubt.\n\n"
      "  --from FILE  the backup to restore\n" },
    /* ** COMMAND: copy */
    { "copy", cmd_copy, N_("move a whole installation to another database"),
      "lmpmon copy --from SRC --to DST\n\n"
      "Copy everything in the database SRC into DST, each an SQLite file or a\n"
      "postgresql:// URL, either way: plans, organisations, rounds,\n"
      "assessments, statements, recommendations and their follow-up, the\n"
      "audit trail with its ids, accounts with\n"
      "their passwords, cases with personal details, their timelines and\n"
      "payments.  Sessions are not copied: everyone logs in again.  DST must\n"
      "hold no data: a missing file or an empty PostgreSQL database is\n"
      "created; a database holding anything is refused.  The copy is one\n"
      "transaction, read from one state of SRC, and is checked before it is\n"
      "committed: every table, the export and the cases with personal\n"
      "details must read back from DST as from SRC.  Stop the servers on\n"
      "SRC first, or what they write meanwhile stays behind.\n\n"
      "  --from SRC  the installation to copy (unchanged)\n"
      "  --to DST    where to copy it\n" },
    /* ** COMMAND: routes */
    { "routes", cmd_routes, N_("list the web application's addresses"),
      "lmpmon routes\n\n"
      "Print every address the web application answers, one a line: the\n"
      "method, the path ({} is one part of the address, such as an activity\n"
      "code), who may use it (role names; 'public': anonymous readers when\n"
      "the server runs with --public; 'open': no login), and 'csrf' when it\n"
      "changes something (it then needs the form's token).  For the IT staff\n"
      "putting a proxy in front of the server, and for the permission test.\n" },
    /* ** COMMAND: serve */
    { "serve", cmd_serve, N_("run the web application"),
      "lmpmon serve [--listen HOST:PORT] [--public] [--secure-cookies] [--quiet]\n"
      "             [--trusted-proxy ADDR]...\n"
      "             [--backup-every INTERVAL [--keep N] [--backup-dir DIR]]\n"
      "             [--language en|km]\n"
      "             [--smtp URL [--smtp-from ADDR]] [--base-url URL]\n"
      "             [--budget-close MM-DD]\n\n"
      "Serve the database to browsers until Ctrl-C or SIGTERM (requests in\n"
      "flight are finished first).  Logs one line per request to standard\n"
      "error.\n\n"
      "  --listen A      address and port (default 127.0.0.1:8080; port 0\n"
      "                  picks a free one, printed at start).  On a\n"
      "                  loopback address, without --public or\n"
      "                  --trusted-proxy, only requests addressed to\n"
      "                  localhost, 127.x.x.x or [::1] are answered (421\n"
      "                  otherwise), so no other site's page can reach the\n"
      "                  server through the browser (DNS rebinding)\n"
      "  --public        anonymous visitors may read published rounds\n"
      "  --secure-cookies  mark cookies Secure (behind a TLS proxy)\n"
      "  --quiet         no access log\n"
      "  --trusted-proxy ADDR  a reverse proxy in front of lmpmon (an IPv4\n"
      "                  or IPv6 address; give it once per proxy).  For\n"
      "                  connections from it, the client is the right-most\n"
      "                  address in X-Forwarded-For that is not a trusted\n"
      "                  proxy; it is what the log shows and what failed\n"
      "                  logins are throttled by.  From other peers the\n"
      "                  header is ignored.  A trusted proxy is exempt from\n"
      "                  the limit of 32 connections per client address.\n"
      "  --backup-every INTERVAL  back the database up every INTERVAL (a\n"
      "                  number and d, h or m: 24h, 7d, 30m), as 'lmpmon\n"
      "                  backup' does, into files named by the local date\n"
      "                  and time (lmpmon-2026-11-29T0300.db); the first at\n"
      "                  start unless the newest is younger than INTERVAL.\n"
      "                  Each backup and failure is logged; a failure never\n"
      "                  stops the server.  SQLite only: a PostgreSQL\n"
      "                  database is backed up with pg_dump\n"
      "                  (docs/deploy.md), and the option is refused\n"
      "  --keep N        keep the newest N of those backups, remove older\n"
      "                  ones (default 14; other files are never touched)\n"
      "  --backup-dir DIR  where they go (default: DB-backups beside the\n"
      "                  database DB, created when missing)\n"
      "  --language L    en or km: the language of pages for a visitor who\n"
      "                  chose none with the switch and whose browser asks\n"
      "                  for neither (default: $LMPMON_LANG, else en).  The\n"
      "                  server refuses to start when the locales\n"
      "                  en_US.UTF-8 and km_KH.UTF-8 or the Khmer catalogue\n"
      "                  are missing (scripts/install-deps)\n"
      "  --smtp URL      e-mail notifications through this SMTP server\n"
      "                  (smtp://host:port, smtps://user:password@host:465;\n"
      "                  smtp:// upgrades to TLS when the server offers it).\n"
      "                  A thread of the server sends them to the users who\n"
      "                  gave an address and did not turn e-mail off; a\n"
      "                  failure is logged and tried again later (5 times).\n"
      "                  The password is never logged.  Default:\n"
      "                  $LMPMON_SMTP, else no e-mail\n"
      "  --smtp-from ADDR  the sender's address (default lmpmon@ the\n"
      "                  --base-url's host, else lmpmon@localhost)\n"
      "  --base-url URL  the address people reach this server at\n"
      "                  (https://lmpmon.example.gov.kh): e-mails link to\n"
      "                  its pages (default: the --listen address)\n"
      "  --budget-close MM-DD  the day national budget planning closes\n"
      "                  (default 07-01): in the 30 days before it, the\n"
      "                  reporters of organisations responsible for\n"
      "                  activities without an estimated cost in the round\n"
      "                  being planned are reminded, once a year.  Due-date\n"
      "                  reminders (3 days before and after a round's due\n"
      "                  date) are sent every hour as well\n" },
    /* ** COMMAND: recommendation */
    { "recommendation", cmd_recommendation,
      "a review's recommendations, priorities and their follow-up",
      "lmpmon recommendation import FILE [--plan P]\n"
      "       lmpmon recommendation export [--round R] [--format csv|xlsx]\n"
      "       [--out FILE]\n"
      "       lmpmon recommendation list [--round R]\n"
      "       lmpmon recommendation follow-up ROUND CODE --in ROUND\n"
      "       --status S [--evidence TEXT]\n\n"
      "The recommendations a review made, by its workshop's discussion\n"
      "groups, which of them became priorities of the next action plan, the\n"
      "plan codes they concern and the organisations asked to act\n"
      "(docs/formats/recommendations-csv.md).  An import (CSV or XLSX) is one\n"
      "transaction: the first bad cell (line, column, reason; unknown names\n"
      "with the closest known ones) refuses the whole file.  follow-up\n"
      "records how far recommendation CODE of round ROUND got, in the later\n"
      "round --in: not_started, in_progress, done or dropped, with the\n"
      "evidence.  The M&E officer's work: the web has the same forms.\n" },
    /* ** COMMAND: funding */
    { "funding", cmd_funding,
      "what activities cost and who pays for them, per round",
      "lmpmon funding import FILE [--plan P]\n"
      "       lmpmon funding export [--round R] [--format csv|xlsx]\n"
      "       [--out FILE]\n"
      "       lmpmon funding list [--round R]\n\n"
      "Each activity's estimated cost in a round (the year whose action plan\n"
      "it is) and its funding lines: the source (a government budget line,\n"
      "a development partner from the directory, another source), the\n"
      "amount and currency (ISO 4217), and whether it is secured, pledged or\n"
      "a gap (docs/formats/funding-csv.md).  An import (CSV or XLSX) is one\n"
      "transaction: the first bad cell (line, column, reason; unknown names\n"
      "with the closest known ones) refuses the whole file; a file that\n"
      "changes nothing says so.  list shows each activity's gap (cost -\n"
      "secured - pledged) and each round's totals, one line per currency:\n"
      "amounts in different currencies are never added.  The M&E officer's\n"
      "work.\n" },
    /* ** COMMAND: indicator */
    { "indicator", cmd_indicator, "the plan's indicators and their revisions",
      "lmpmon indicator list [--plan P]\n"
      "       lmpmon indicator show CODE\n"
      "       lmpmon indicator add CODE --goal G --definition TEXT --unit U\n"
      "       [--direction D] [--baseline V --baseline-year Y]\n"
      "       [--targets 2017=50;2018=60] [--disaggregation sex,province]\n"
      "       [--verification TEXT] [--org ORG]\n"
      "       [--computed | --computed-from outreach:KIND;KIND]\n"
      "       lmpmon indicator amend CODE --reason TEXT [--effective DATE]\n"
      "       [the options of add to change]\n"
      "       lmpmon indicator import FILE [--plan P]\n\n"
      "Each goal's indicators: unit count, percentage or amount; direction\n"
      "increase, decrease or maintain; baseline, targets per year, the\n"
      "breakdowns its values need, means of verification, responsible\n"
      "organisation.  amend writes a new revision and keeps the old one with\n"
      "the values reported against it (show lists both).  A computed\n"
      "indicator's values come from lmpmon's own data and cannot be typed\n"
      "over: --computed, the complaints register; --computed-from\n"
      "outreach:counselling;dissemination, the people reached by the held\n"
      "outreach events of those kinds, by sex (docs/formats/indicators-csv.md).\n" },
    /* ** COMMAND: value */
    { "value", cmd_value, "import and export the indicators' values",
      "lmpmon value import FILE [--plan P]\n"
      "       lmpmon value import FILE.json --format dhis2 --mapping MAP.json\n"
      "       lmpmon value export [--format csv|sdmx-csv|dhis2] [--mapping\n"
      "       MAP.json] [--out FILE] [--plan P]\n\n"
      "Values per year (2017) or quarter (2017Q3), by sex and one other\n"
      "breakdown (a province or destination through the gazetteer), with\n"
      "their source and state (draft, submitted, returned, validated).  An\n"
      "import (CSV or XLSX) is one transaction: the first bad cell (line,\n"
      "column, field; unknown codes with the closest) refuses the whole\n"
      "file, as do women + men not adding up to the total\n"
      "(docs/formats/indicators-csv.md).  SDMX-CSV 2.0 for statistical\n"
      "offices (docs/formats/sdmx-csv.md); DHIS2 dataValueSets through a\n"
      "mapping of UIDs, imported with the same checks, a bad value named\n"
      "by index and field (docs/formats/dhis2.md).\n" },
};

#define N_COMMAND (sizeof aCommand / sizeof aCommand[0])

static const char zGlobalHelp[] =
    "global options (before or after the command):\n"
    "  --db PATH   the database (default: $LMPMON_DB, else ./lmpmon.db): an\n"
    "              SQLite file, or postgresql://USER@HOST[:PORT]/DB for a\n"
    "              PostgreSQL database (password from ~/.pgpass, PGPASSFILE\n"
    "              or PGPASSWORD; libpq's PG* variables and ?sslmode=...)\n"
    "  --as NAME   who is making changes, for the audit trail (default:\n"
    "              the login name)\n"
    "  --busy-timeout MS\n"
    "              how long a change waits for another writer (an import,\n"
    "              a publish) before giving up, in milliseconds (default:\n"
    "              $LMPMON_BUSY_TIMEOUT, else 5000); the server answers 503\n"
    "              with Retry-After after it\n"
    "  --timezone ZONE\n"
    "              the time zone times are shown in, e.g. Asia/Phnom_Penh\n"
    "              (default: $LMPMON_TZ, else the machine's); stored times\n"
    "              stay in UTC\n"
    "  --help      help for lmpmon or for a command\n"
    "  --version   print the version\n";

static void
cli_print_help(void)
{
    printf(_("lmpmon %s — monitoring and evaluation of labour migration "
             "policy\n\nusage: lmpmon [--db PATH] [--as NAME] COMMAND "
             "[ARGS]\n\ncommands:\n"),
           LMPMON_VERSION);
    for (size_t i = 0; i < N_COMMAND; i++) {
        printf("  %-8s %s\n", aCommand[i].zName, _(aCommand[i].zSummary));
    }
    /* The options' text stays English: it names options, variables and
    ** formats, which do not change with the language. */
    printf("\n%s\n", zGlobalHelp);
    printf(_("'lmpmon COMMAND --help' tells more.\n"));
}

static const CliCommand *
cli_find(const char *zName)
{
    for (size_t i = 0; i < N_COMMAND; i++) {
        if (strcmp(aCommand[i].zName, zName) == 0) {
            return &aCommand[i];
        }
    }
    return NULL;
}

Actor
cli_actor(const CliCtx *ctx)
{
    Actor a = { ctx->zActor, ROLE_ADMIN, NULL };
    return a;
}

int
cli_fail(const AppErr *err)
{
    (void)fprintf(stderr, "lmpmon: %s\n",
                  err->zMsg[0] ? err->zMsg : _("unknown error"));
    /* The engine's own words help whoever debugs, not whoever reads the
    ** message: only on request. */
    const char *zDebug = getenv("LMPMON_DEBUG");
    if (err->zDetail[0] && zDebug && *zDebug) {
        (void)fprintf(stderr, "lmpmon: detail: %s\n", err->zDetail);
    }
    return err->code == APPERR_USAGE ? CLI_USAGE : CLI_FAIL;
}

int
cli_usage_error(const CliCtx *ctx, const char *zFmt, ...)
{
    va_list ap;
    va_start(ap, zFmt);
    (void)fputs("lmpmon: ", stderr);
    (void)vfprintf(stderr, zFmt, ap);
    va_end(ap);
    (void)fputc('\n', stderr);
    (void)fprintf(stderr, _("(see 'lmpmon %s --help')\n"), ctx->argv[0]);
    return CLI_USAGE;
}

int
cli_parse(const CliCtx *ctx, const CliOpt *aOpt, char ***pazPos, size_t *pnPos)
{
    char **azPos = xcalloc((size_t)ctx->argc + 1, sizeof *azPos);
    size_t nPos = 0;
    int bNoMoreOpts = 0;
    for (int i = 1; i < ctx->argc; i++) {
        char *z = ctx->argv[i];
        if (bNoMoreOpts || z[0] != '-' || z[1] == 0) {
            azPos[nPos++] = z;
            continue;
        }
        if (strcmp(z, "--") == 0) {
            bNoMoreOpts = 1;
            continue;
        }
        const char *zName = z + (z[1] == '-' ? 2 : 1);
        const char *zEq = strchr(zName, '=');
        size_t nName = zEq ? (size_t)(zEq - zName) : strlen(zName);
        const CliOpt *o = NULL;
        for (const CliOpt *p = aOpt; p && p->zName; p++) {
            if (strlen(p->zName) == nName &&
                strncmp(p->zName, zName, nName) == 0) {
                o = p;
            }
        }
        if (!o) {
            free(azPos);
            cli_usage_error(ctx, _("unknown option '%s'"), z);
            return -1;
        }
        if (o->bArg) {
            const char *zVal;
            if (zEq) {
                zVal = zEq + 1;
            } else if (i + 1 < ctx->argc) {
                zVal = ctx->argv[++i];
            } else {
                free(azPos);
                cli_usage_error(ctx, _("option '--%s' needs a value"),
                                o->zName);
                return -1;
            }
            if (!o->pbSet) {
                *o->pzVal = zVal; /* a single value: the last one given wins */
            } else if (*o->pbSet < (int)LIMIT_OPTION_REPEATS) {
                o->pzVal[(*o->pbSet)++] = zVal;
            } else {
                free(azPos);
                cli_usage_error(ctx,
                                _("option '--%s' given more than %u times"),
                                o->zName, LIMIT_OPTION_REPEATS);
                return -1;
            }
        } else {
            if (zEq) {
                free(azPos);
                cli_usage_error(ctx, _("option '--%s' takes no value"),
                                o->zName);
                return -1;
            }
            *o->pbSet = 1;
        }
    }
    *pazPos = azPos;
    *pnPos = nPos;
    return 0;
}

Store *
cli_open_store(const CliCtx *ctx)
{
    AppErr err = APPERR_INIT;
    Store *s = store_open(ctx->zDb, STORE_OPEN_EXISTING, ctx->zActor, &err);
    if (!s) {
        (void)cli_fail(&err);
    }
    return s;
}

int
cli_write_output(const char *zOut, const char *z, size_t n, AppErr *err)
{
    if (!zOut || strcmp(zOut, "-") == 0) {
        if (fwrite(z, 1, n, stdout) != n || fflush(stdout) != 0) {
            apperr_set(err, APPERR_IO, _("cannot write the output"));
            return apperr_detail(err, "stdout: %s", strerror(errno));
        }
        return 0;
    }
    if (file_is_special(zOut)) {
        /* A device or a pipe (/dev/null, /dev/stdout): written as it is,
        ** never replaced by a renamed file. */
        FILE *f = fopen(zOut, "wb");
        int bOk = f && fwrite(z, 1, n, f) == n;
        int e = errno;
        bOk = f && fclose(f) == 0 && bOk;
        if (!bOk) {
            apperr_set(err, APPERR_IO, _("cannot write '%s'"), zOut);
            return apperr_detail(err, "%s: %s", zOut, strerror(e));
        }
        return 0;
    }
    Buf tmp = BUF_INIT;
    buf_printf(&tmp, "%s.tmp.%ld", zOut, (long)getpid());
    FILE *f = fopen(buf_str(&tmp), "wb");
    int rc = 0;
    if (!f) {
        rc = apperr_set(err, APPERR_IO,
                        _("cannot write '%s' (is its directory "
                          "there and writable?)"),
                        zOut);
        apperr_detail(err, "%s: %s", buf_str(&tmp), strerror(errno));
    } else {
        int bOk = fwrite(z, 1, n, f) == n;
        bOk &= fflush(f) == 0 && fsync(fileno(f)) == 0;
        bOk &= fclose(f) == 0;
        if (!bOk || rename(buf_str(&tmp), zOut) != 0) {
            rc = apperr_set(err, APPERR_IO,
                            _("cannot write '%s' (is the disk "
                              "full?)"),
                            zOut);
            apperr_detail(err, "%s: %s", zOut, strerror(errno));
            (void)unlink(buf_str(&tmp));
        }
    }
    buf_release(&tmp);
    return rc;
}

/* Remove a global option (--db X, --db=X, --as X) from argv wherever it
** stands; returns -1 when its value is missing. */
static int
cli_take_global(int *pArgc, char **argv, const char *zOpt, const char **pzVal)
{
    size_t nOpt = strlen(zOpt);
    for (int i = 1; i < *pArgc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            break;
        }
        int nTake = 0;
        if (strcmp(argv[i], zOpt) == 0) {
            if (i + 1 >= *pArgc) {
                return -1;
            }
            *pzVal = argv[i + 1];
            nTake = 2;
        } else if (strncmp(argv[i], zOpt, nOpt) == 0 && argv[i][nOpt] == '=') {
            *pzVal = argv[i] + nOpt + 1;
            nTake = 1;
        }
        if (nTake) {
            memmove(&argv[i], &argv[i + nTake],
                    (size_t)(*pArgc - i - nTake + 1) * sizeof *argv);
            *pArgc -= nTake;
            i--;
        }
    }
    return 0;
}

static const char *
cli_login_name(void)
{
    const char *z = getenv("USER");
    if (z && *z) {
        return z;
    }
    struct passwd *pw = getpwuid(getuid());
    return pw ? pw->pw_name : "unknown";
}

/* Show times in zone zZone (a name of the tz database: "Asia/Phnom_Penh",
** "UTC"); NULL or empty keeps the machine's.  Set once at start-up, before
** any thread runs: the C library reads TZ. */
static int
cli_set_timezone(const char *zZone)
{
    if (!zZone || !*zZone) {
        return 0;
    }
    /* A name, not a path or a POSIX rule: it must be a zone file. */
    Buf path = BUF_INIT;
    buf_printf(&path, "/usr/share/zoneinfo/%s", zZone);
    struct stat sb;
    int bOk = strstr(zZone, "..") == NULL && zZone[0] != '/' &&
              stat(buf_str(&path), &sb) == 0 && S_ISREG(sb.st_mode);
    buf_release(&path);
    if (!bOk) {
        (void)fprintf(stderr,
                      "lmpmon: unknown time zone '%s' (a name like "
                      "Asia/Phnom_Penh, Europe/Zurich or UTC)\n",
                      zZone);
        return -1;
    }
    (void)setenv("TZ", zZone, 1);
    tzset();
    return 0;
}

static int cli_dispatch(CliCtx *pCtx, int argc, char **argv);

int
cli_main(int argc, char **argv)
{
    CliCtx ctx = { NULL, NULL, 0, NULL };
    const char *zBusy = NULL, *zZone = NULL;
    i18n_init_cli();
    if (cli_take_global(&argc, argv, "--db", &ctx.zDb) ||
        cli_take_global(&argc, argv, "--as", &ctx.zActor) ||
        cli_take_global(&argc, argv, "--busy-timeout", &zBusy) ||
        cli_take_global(&argc, argv, "--timezone", &zZone)) {
        (void)fputs("lmpmon: options --db, --as, --busy-timeout and "
                    "--timezone need a value\n",
                    stderr);
        return CLI_USAGE;
    }
    if (cli_set_timezone(zZone ? zZone : getenv("LMPMON_TZ"))) {
        return CLI_USAGE;
    }
    if (!zBusy) {
        zBusy = getenv("LMPMON_BUSY_TIMEOUT");
    }
    if (zBusy && *zBusy) {
        long ms = 0;
        if (str_to_long(zBusy, 0, 3600L * 1000, &ms)) {
            (void)fprintf(stderr,
                          "lmpmon: --busy-timeout takes milliseconds "
                          "from 0 to 3600000, not '%s'\n",
                          zBusy);
            return CLI_USAGE;
        }
        store_set_default_busy_ms((int)ms);
    }
    if (!ctx.zDb) {
        const char *zEnv = getenv("LMPMON_DB");
        ctx.zDb = zEnv && *zEnv ? zEnv : "lmpmon.db";
    }
    /* A password in a PostgreSQL URL moves to the environment here, so
    ** that no message, log line or banner can ever show it. */
    char *zDbShown = store_db_conceal(ctx.zDb);
    ctx.zDb = zDbShown;
    int rc = cli_dispatch(&ctx, argc, argv);
    free(zDbShown);
    return rc;
}

/* The command line after the global options: help, version, a command. */
static int
cli_dispatch(CliCtx *pCtx, int argc, char **argv)
{
    CliCtx ctx = *pCtx;
    if (!ctx.zActor) {
        ctx.zActor = cli_login_name();
    }
    if (argc < 2) {
        cli_print_help();
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        const CliCommand *c = argc > 2 ? cli_find(argv[2]) : NULL;
        if (c) {
            printf("usage: %s\n%s", c->zUsage, zGlobalHelp);
        } else {
            cli_print_help();
        }
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("lmpmon %s (schema version %d, %d on PostgreSQL)\n",
               LMPMON_VERSION, store_schema_version(),
               store_pg_schema_version());
        return CLI_OK;
    }
    const CliCommand *c = cli_find(argv[1]);
    if (!c) {
        (void)fprintf(stderr,
                      _("lmpmon: unknown command '%s' (see 'lmpmon "
                        "--help')\n"),
                      argv[1]);
        return CLI_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: %s\n%s", c->zUsage, zGlobalHelp);
            return CLI_OK;
        }
        if (strcmp(argv[i], "--") == 0) {
            break;
        }
    }
    ctx.argc = argc - 1;
    ctx.argv = argv + 1;
    return c->xRun(&ctx);
}
