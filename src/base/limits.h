/*
** limits.h — every size limit of lmpmon, named in one place.
**
** Inputs come from files and (later) HTTP requests written by people we do
** not control; each bound here keeps one input from exhausting memory or
** producing output nobody can read.  Error messages quote these names so a
** user can find the limit.
*/
#ifndef LMPMON_LIMITS_H
#define LMPMON_LIMITS_H

/* Largest file any import reads (CSV, JSON). */
#define LIMIT_IMPORT_FILE_BYTES (64u << 20) /* MiB */

/* Largest single CSV field or JSON string: a narrative is a few KB. */
#define LIMIT_FIELD_BYTES (32u << 10) /* KiB */

/* Most data rows in one imported CSV file. */
#define LIMIT_IMPORT_ROWS 100000u

/* Largest complaints-case file: a national register over years, read
** through a memory map rather than into memory. */
#define LIMIT_CASE_FILE_BYTES (4uLL * 1024u * 1024u * 1024u)

/* Most complaints cases in one imported file (a national register over
** many years stays far below). */
#define LIMIT_IMPORT_CASES 10000000L

/* Most columns in one imported CSV file. */
#define LIMIT_IMPORT_COLUMNS 512u

/* Most fields and bytes in one CSV record, checked while it is read: a
** line of a million commas is refused before its fields are kept (each
** costs some 20 bytes of bookkeeping).  Above LIMIT_IMPORT_COLUMNS, so a
** header that is too wide is still refused by name. */
#define LIMIT_CSV_FIELDS       1000u
#define LIMIT_CSV_RECORD_BYTES (4u << 20) /* MiB */

/* Most levels in a plan's tree (area, section, goal, activity = 4). */
#define LIMIT_PLAN_LEVELS 8u

/* Longest code of a plan node, round, plan or organisation acronym. */
#define LIMIT_CODE_BYTES 64u

/* Default largest Buf: texts we build (exports, reports) stay below this. */
#define LIMIT_BUF_BYTES (256u << 20) /* MiB */

/* Most times one repeatable command-line option may be given. */
#define LIMIT_OPTION_REPEATS 16u

/* Spreadsheets (.xlsx) are zip archives of XML parts: each part is
** streamed through the XML parser, its declared and its actually inflated
** size both held to these limits, so a small file that unpacks to
** gigabytes is refused after reading at most the limit.  The sheet: a
** register of half a million cases takes about 250 MiB. */
#define LIMIT_XLSX_SHEET_BYTES (256u << 20) /* MiB */

/* The shared string table: text only, a fraction of the sheet. */
#define LIMIT_XLSX_STRINGS_BYTES (64u << 20) /* MiB */

/* Every other part read (workbook, relationships, styles). */
#define LIMIT_XLSX_PART_BYTES (16u << 20) /* MiB */

/* Most shared strings (at least 16 bytes of XML each). */
#define LIMIT_XLSX_STRINGS 4000000u

/* The CSV text a sheet becomes: one shared string can be referenced by
** every cell, so the parts' sizes alone do not bound it. */
#define LIMIT_XLSX_TEXT_BYTES (128u << 20) /* MiB */

/* The last column (XFD) and row of a spreadsheet, as Excel has them. */
#define LIMIT_XLSX_COLUMNS 16384u
#define LIMIT_XLSX_ROWS    1048576u

/* Deepest JSON nesting accepted on import (jansson's own cap is 2048). */
#define LIMIT_JSON_DEPTH 64u

/* How long a write waits for another writer (an import, a publish) before
** giving up with "busy", by default: the global option --busy-timeout and
** $LMPMON_BUSY_TIMEOUT override it, for every command and the server.  Long enough for an ordinary import of a
** plan, short enough that a web user gets an answer. */
#define LIMIT_DB_BUSY_MS 5000

/* Rendered page fragments the shared read model keeps per snapshot: all of
** the sample's pages take a few hundred KiB; a 5,000-activity plan's
** activity pages about 30 MiB. */
#define LIMIT_READ_MEMO_BYTES (48u << 20) /* MiB */

/* Most scheduled backups 'serve --keep' keeps: a year of daily ones. */
#define LIMIT_BACKUPS_KEPT 366

/* Longest e-mail address an account may have (RFC 5321's path limit). */
#define LIMIT_EMAIL_BYTES 254u

/* Notifications: most an inbox page or GET /api/inbox shows (the newest),
** most e-mails the sender takes in one pass, how often it tries one
** before giving up, and how long a taken e-mail is its alone (another
** server process on the database leaves it alone meanwhile). */
#define LIMIT_INBOX_ROWS         200
#define LIMIT_MAIL_BATCH         20
#define LIMIT_MAIL_TRIES         5
#define LIMIT_MAIL_LEASE_SECONDS 600

/* An e-mail still unsent this long after what it tells of is not sent (a
** server started with --smtp after days without would otherwise send a
** backlog of stale news); the inbox keeps the notification. */
#define LIMIT_MAIL_STALE_SECONDS (2L * 24 * 3600)

/* How long an administrator's password-reset link stays valid (it also
** ends at its first use: base/secret.h). */
#define LIMIT_RESET_SECONDS (24L * 3600)

/* The header counts a user's unread notifications up to this many ("99+"
** beyond): the count stays cheap however many pile up. */
#define LIMIT_INBOX_UNREAD_COUNTED 100

/* Files attached to one statement as evidence (core/attach.h): each at
** most LIMIT_ATTACH_BYTES, at most LIMIT_ATTACH_PER_STATEMENT of them, a
** name of at most LIMIT_ATTACH_NAME_BYTES; of an office document's zip
** archive, at most LIMIT_ATTACH_ZIP_ENTRIES entries are looked at.  Here,
** not in web/web_limits.h, because core's rules and the use case check
** them; the web's upload limit (LIMIT_UPLOAD_BYTES) is above them. */
#define LIMIT_ATTACH_BYTES         (10u << 20) /* MiB */
#define LIMIT_ATTACH_PER_STATEMENT 10u
#define LIMIT_ATTACH_NAME_BYTES    200u
#define LIMIT_ATTACH_ZIP_ENTRIES   10000u

/* A review chapter's text (core/chapter.h md_parse()): at most
** LIMIT_CHAPTER_BYTES in all (the 2017 review's longest chapter is 4 KB),
** lines of at most LIMIT_CHAPTER_LINE_BYTES, at most LIMIT_CHAPTER_BLOCKS
** paragraphs, headings and list items, link addresses of at most
** LIMIT_CHAPTER_HREF_BYTES.  Inline bold, italic and links nest at most
** three deep by construction (one flag each). */
#define LIMIT_CHAPTER_BYTES      (64u << 10)
#define LIMIT_CHAPTER_LINE_BYTES (8u << 10)
#define LIMIT_CHAPTER_BLOCKS     1000u
#define LIMIT_CHAPTER_HREF_BYTES 2048u

#endif
