/*
** store.h — the persistent store: one interface, one backend per database.
**
** Everything above this layer reads and writes the model through a Store.
** A backend (SQLite today, PostgreSQL later) fills a StoreMethods table of
** function pointers, the way SQLite's VFS fills sqlite3_io_methods, so the
** code above never sees SQL dialects.
**
** Writes happen between store_begin() and store_commit(); store_rollback()
** undoes them all, which is how an import that fails half-way leaves the
** database exactly as it was.  Every put compares the new values with the
** stored ones and writes one audit row per changed field (who: the actor
** given at open or by store_set_actor(); when: the time of
** store_begin()).  That policy is written once, above the backends, in
** store_audit.c; a backend only runs SQL (see "rows" below).
*/
#ifndef LMPMON_STORE_H
#define LMPMON_STORE_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/model.h"
#include "../core/cases.h"
#include "../core/recommend.h"
#include "../core/outreach.h"
#include "../core/indicator.h"
#include "../core/funding.h"
#include "../core/notify.h"

typedef struct Store Store;
typedef struct RoundCount RoundCount;

/* One row of the audit trail. */
typedef struct AuditEntry {
    char *zAt;     /* UTC time, ISO 8601 */
    char *zActor;  /* who */
    char *zAction; /* "create" or "update" */
    char *zEntity; /* "org", "plan", "round", "node", "assessment" */
    char *zKey;    /* "plan/4.8/2017" */
    char *zField;  /* changed field, NULL for a create */
    char *zOld;    /* previous value, NULL for a create */
    char *zNew;    /* new value */
} AuditEntry;

/* A user account.  The password is kept only as an argon2id string. */
typedef struct User {
    long id;
    char *zName; /* login name */
    Role eRole;
    char *zOrg;  /* acronym of the user's organisation, or NULL */
    char *zHash; /* crypto_pwhash_str() output */
    int bDisabled;
    char *zCreated; /* UTC time */
    char *zEmail;   /* e-mail address, or NULL (core/notify.h) */
    int bMail;      /* e-mail me: notifications are sent to zEmail */
    char *zLang;    /* language of its e-mails ("en", "km"); "" or NULL:
                    ** the installation's */
} User;

/* user_release() frees a User's strings; user_copy() makes *dst a copy
** of src with strings of its own.  A string field added to User goes into
** both. */
void user_release(User *u);
void user_copy(User *dst, const User *src);

/* A login session.  The browser holds a random token; the database holds
** only its hash, so a copy of the database opens no session. */
typedef struct Session {
    char *zTokenHash; /* hex BLAKE2b of the token */
    long userId;
    char *zCsrf;      /* the session's CSRF secret */
    long created;     /* Unix time */
    long lastSeen;    /* Unix time */
    User user;        /* filled by store_session_get() */
    long dataVersion; /* store_data_version() as of the same read: a page
                      ** served at once needs no second query for it */
    long nUnread;     /* the user's unread notifications, same read (up
                      ** to LIMIT_INBOX_UNREAD_COUNTED): the header shows
                      ** them without a query of its own */
} Session;

void session_release(Session *ses);
/* *dst as a copy of src (its own strings). */
void session_copy(Session *dst, const Session *src);

/* A complainant's personal details, kept apart from the case. */
typedef struct CasePerson {
    char *zName;
    char *zPhone;
    char *zIdDocument;
} CasePerson;

/* Free the strings who owns; who becomes empty. */
void case_person_release(CasePerson *who);

/* The tables of an installation, in the order a copy writes them
** (whatever a row refers to comes first).  Sessions and what is kept ready
** are not among them. */
typedef enum StoreTable {
    STORE_TABLE_PLAN = 0,
    STORE_TABLE_PLAN_LEVEL,
    STORE_TABLE_ORG,
    STORE_TABLE_ORG_ALIAS,
    STORE_TABLE_NODE,
    STORE_TABLE_NODE_ORG,
    STORE_TABLE_ROUND,
    STORE_TABLE_ASSESSMENT,
    STORE_TABLE_ACCOUNT,
    STORE_TABLE_STATEMENT,
    STORE_TABLE_AUDIT,
    STORE_TABLE_CASE,
    STORE_TABLE_CASE_PERSON,
    STORE_TABLE_CASE_EVENT,
    STORE_TABLE_CASE_PAYMENT,
    STORE_TABLE_REC_GROUP,
    STORE_TABLE_RECOMMENDATION,
    STORE_TABLE_REC_NODE,
    STORE_TABLE_REC_ORG,
    STORE_TABLE_REC_FOLLOWUP,
    STORE_TABLE_OUTREACH,
    STORE_TABLE_OUTREACH_PLACE,
    STORE_TABLE_OUTREACH_ORG,
    STORE_TABLE_OUTREACH_NODE,
    STORE_TABLE_MEDIA,
    STORE_TABLE_STAT_OBS,
    STORE_TABLE_INDICATOR,
    STORE_TABLE_IND_VALUE,
    STORE_TABLE_STMT_COMMENT, /* statement_comment (schema 11) */
    STORE_TABLE_STMT_VERSION, /* statement_version (schema 11) */
    STORE_TABLE_FUND_COST,
    STORE_TABLE_FUND_LINE,
    STORE_TABLE_ROUND_EXT,       /* round_extension (schema 13) */
    STORE_TABLE_NOTIFICATION,    /* notification (schema 14) */
    STORE_TABLE_STMT_ATTACHMENT, /* statement_attachment (schema 15) */
    STORE_TABLE_ROUND_CHAPTER,   /* round_chapter (schema 25) */
    STORE_TABLE_COUNT
} StoreTable;

/* Called for each row of store_table_scan(): its nVal texts (NULL for SQL
** NULL), valid during the call; return non-zero to stop. */
typedef int (*StoreRowVisitor)(void *pArg, const char *const *azVal, int nVal);

/* Called for each case of a scan; return non-zero to stop. */
typedef int (*CaseVisitor)(void *pArg, const Case *c, const CasePerson *who);

/* ---- rows, as a backend reads and writes them ---------------------------
**
** The puts (store_audit.c) hold the policy once for every backend: compare
** the stored row with the new one, write one audit row per changed field,
** apply the version rules.  They talk to a backend in rows: a row is named
** by its key parts and holds its columns as text (NULL for SQL NULL) in the
** order of its entity's STORE_<ENTITY>_* constants below; numbers and flags
** are decimal text ("0", "1"), which SQLite's STRICT tables coerce and
** PostgreSQL's text parameters take as they are.  A backend method only
** runs SQL: it decides nothing and writes no audit row of its own. */
typedef enum StoreEntity {
    STORE_ORG = 0,    /* key: acronym */
    STORE_PLAN,       /* key: code */
    STORE_ROUND,      /* key: plan, code */
    STORE_NODE,       /* key: plan, code */
    STORE_ASSESSMENT, /* key: plan, node, round; has a version */
    STORE_STATEMENT,  /* key: plan, node, round, organisation; a version */
    STORE_USER,       /* key: name */
    STORE_GROUP,      /* key: plan, round, name: a discussion group */
    STORE_REC,        /* key: plan, round, code; has a version */
    STORE_FOLLOWUP,   /* key: plan, round, code, follow-up round; a version */
    STORE_OUTREACH,   /* key: first day, title */
    STORE_MEDIA,      /* key: date, title */
    STORE_STAT,       /* key: measure, destination, channel, sex, period,
                      ** source (outreach.h's keys and codes) */
    STORE_INDICATOR,  /* key: plan, code, revision (decimal text) */
    STORE_IND_VALUE,  /* key: plan, code, revision, period, sex, cell
                      ** ("" or "province:KH-12"); has a version */
    STORE_FUND_COST,  /* key: plan, round, node; has a version */
    STORE_FUND_LINE,  /* key: plan, round, node, line (decimal text); has
                      ** a version */
    STORE_ROUND_EXT,  /* key: plan, round, organisation; has a version */
    STORE_CHAPTER,    /* key: plan, round, chapter kind; has a version */
    STORE_ENTITY_COUNT
} StoreEntity;

/* The columns of each entity's row. */
enum {
    STORE_ORG_NAME = 0,
    STORE_ORG_KIND,   /* org_kind_name() */
    STORE_ORG_PARENT, /* the parent's acronym */
    STORE_ORG_NAME_KM,
    STORE_ORG_NCOL
};

enum {
    STORE_PLAN_TITLE = 0,
    STORE_PLAN_HAS_NODES, /* read only: "1" when the plan has nodes */
    STORE_PLAN_TITLE_KM,
    STORE_PLAN_NCOL
};

enum {
    STORE_ROUND_TITLE = 0,
    STORE_ROUND_AS_OF, /* YYYY-MM-DD */
    STORE_ROUND_STATE, /* round_state_name() */
    STORE_ROUND_DUE,   /* YYYY-MM-DD, or NULL */
    STORE_ROUND_NCOL
};

/* An organisation's extension in a round (core/model.h RoundExt). */
enum {
    STORE_ROUND_EXT_DUE = 0, /* YYYY-MM-DD, or NULL: removed */
    STORE_ROUND_EXT_REASON,
    STORE_ROUND_EXT_NCOL
};

/* A chapter of a round's review (core/chapter.h RoundChapter). */
enum {
    STORE_CHAPTER_TEXT = 0, /* English, Markdown subset */
    STORE_CHAPTER_TEXT_KM,  /* Khmer, or NULL */
    STORE_CHAPTER_NCOL
};

enum {
    STORE_NODE_TEXT = 0,
    STORE_NODE_INDICATOR,
    STORE_NODE_PARENT, /* the parent node's code */
    STORE_NODE_DEPTH,  /* the level's index; set by the INSERT only */
    STORE_NODE_TEXT_KM,
    STORE_NODE_INDICATOR_KM,
    STORE_NODE_PREDECESSOR, /* "plan/code" of the node of an earlier plan
                            ** it carries on, or NULL */
    STORE_NODE_NCOL
};

enum {
    STORE_ASSESSMENT_ACTION_POINT = 0,
    STORE_ASSESSMENT_PROGRESS,
    STORE_ASSESSMENT_RATING, /* rating_key() */
    STORE_ASSESSMENT_STATE,  /* assess_state_name() */
    STORE_ASSESSMENT_NCOL
};

enum {
    STORE_STATEMENT_TEXT = 0,
    STORE_STATEMENT_PROPOSED_RATING, /* rating_key() */
    STORE_STATEMENT_STATE,           /* stmt_state_name() */
    STORE_STATEMENT_COMMENT,
    STORE_STATEMENT_NCOL
};

enum {
    STORE_USER_ROLE = 0, /* role_name() */
    STORE_USER_ORG,      /* the organisation's acronym */
    STORE_USER_DISABLED, /* "0" or "1" */
    STORE_USER_PW_HASH,
    STORE_USER_EMAIL, /* NULL: none */
    STORE_USER_MAIL,  /* "0" or "1" */
    STORE_USER_LANG,  /* "" for the installation's */
    STORE_USER_NCOL
};

enum {
    STORE_GROUP_NAME = 0, /* the key's name again: the create row */
    STORE_GROUP_NCOL
};

enum {
    STORE_REC_TEXT = 0,
    STORE_REC_GROUP,    /* the discussion group's name, or NULL */
    STORE_REC_PRIORITY, /* "0" or "1" */
    STORE_REC_SOURCE,
    STORE_REC_NCOL
};

enum {
    STORE_FOLLOWUP_STATUS = 0, /* rec_status_name() */
    STORE_FOLLOWUP_EVIDENCE,
    STORE_FOLLOWUP_NCOL
};

/* Outreach events, media coverage, statistics (core/outreach.h): counts
** and amounts as decimal text, NULL when not given. */
enum {
    STORE_OUTREACH_TO = 0, /* last day, NULL for one day */
    STORE_OUTREACH_KIND,   /* code key (CODE_OUTREACH_KIND) */
    STORE_OUTREACH_STATUS, /* code key (CODE_OUTREACH_STATUS) */
    STORE_OUTREACH_PLAN,   /* the plan of the linked activities */
    STORE_OUTREACH_WOMEN,
    STORE_OUTREACH_MEN,
    STORE_OUTREACH_UNKNOWN,
    STORE_OUTREACH_TOTAL,
    STORE_OUTREACH_CURRENCY,
    STORE_OUTREACH_REQUESTED, /* minor units */
    STORE_OUTREACH_ORDERED,   /* minor units */
    STORE_OUTREACH_PURPOSE,
    STORE_OUTREACH_ATTENDEES,
    STORE_OUTREACH_NOTES,
    STORE_OUTREACH_NCOL
};

enum { STORE_MEDIA_OUTLET = 0, STORE_MEDIA_LINK, STORE_MEDIA_NCOL };

enum { STORE_STAT_VALUE = 0, STORE_STAT_NOTE, STORE_STAT_NCOL };

/* Indicators and their values (core/indicator.h): numbers as canonical
** text (ind_number_text()), NULL when not given. */
enum {
    STORE_INDICATOR_NODE = 0, /* the goal's node code */
    STORE_INDICATOR_DEFINITION,
    STORE_INDICATOR_UNIT,      /* code key (CODE_IND_UNIT) */
    STORE_INDICATOR_DIRECTION, /* code key (CODE_IND_DIRECTION) */
    STORE_INDICATOR_BASELINE,
    STORE_INDICATOR_BASELINE_YEAR,
    STORE_INDICATOR_TARGETS, /* ind_targets_text(): "2017=50;2018=60" */
    STORE_INDICATOR_DISAGG,  /* ind_dims_text(): "sex,province" */
    STORE_INDICATOR_VERIFICATION,
    STORE_INDICATOR_ORG,      /* the responsible organisation's acronym */
    STORE_INDICATOR_COMPUTED, /* "0" or "1" */
    STORE_INDICATOR_EFFECTIVE,
    STORE_INDICATOR_REASON,
    STORE_INDICATOR_COMPUTED_FROM, /* ind_computed_text() of one computed
                                   ** from outreach, else NULL */
    STORE_INDICATOR_DEFINITION_KM, /* the definition in Khmer, or NULL */
    STORE_INDICATOR_NCOL
};

enum {
    STORE_IND_VALUE_VALUE = 0,
    STORE_IND_VALUE_NUM, /* the count behind a percentage */
    STORE_IND_VALUE_DEN,
    STORE_IND_VALUE_SOURCE,
    STORE_IND_VALUE_STATE, /* code key (CODE_IND_VALUE_STATE) */
    STORE_IND_VALUE_NOTE,  /* why the M&E officer returned it, else NULL */
    STORE_IND_VALUE_NCOL
};

/* Costs and funding lines (core/funding.h): amounts in minor units as
** decimal text. */
enum {
    STORE_FUND_COST_AMOUNT = 0,
    STORE_FUND_COST_CURRENCY,
    STORE_FUND_COST_NOTE,
    STORE_FUND_COST_NCOL
};

enum {
    STORE_FUND_LINE_KIND = 0, /* code key (CODE_FUND_KIND) */
    STORE_FUND_LINE_ORG,      /* the partner's acronym, or NULL */
    STORE_FUND_LINE_LABEL,
    STORE_FUND_LINE_AMOUNT,
    STORE_FUND_LINE_CURRENCY,
    STORE_FUND_LINE_STATUS, /* code key (CODE_FUND_STATUS) */
    STORE_FUND_LINE_NOTE,
    STORE_FUND_LINE_NCOL
};

/* The rows of a plan's costs and funding a backend reads (xFundScan):
**   COST plan, round, node, then the STORE_FUND_COST_* columns, then the
**        version
**   LINE plan, round, node, line, then the STORE_FUND_LINE_* columns,
**        then the version
** of one round or every round, ordered by round (as-of date, then code),
** node code, line. */
typedef enum StoreFundPart {
    STORE_FUND_PART_COST = 0,
    STORE_FUND_PART_LINE,
    STORE_FUND_PART_COUNT
} StoreFundPart;

/* The rows of a plan's indicators a backend reads (xIndScan):
**   INDICATOR plan, code, rev, then the STORE_INDICATOR_* columns
**   VALUE     plan, code, rev, period, sex, cell, then the
**             STORE_IND_VALUE_* columns, then the version
** ordered by code, revision, then period, sex, cell. */
typedef enum StoreIndPart {
    STORE_IND_PART_INDICATOR = 0,
    STORE_IND_PART_VALUE,
    STORE_IND_PART_COUNT
} StoreIndPart;

#define STORE_NKEY_MAX 6  /* the most key parts of an entity */
#define STORE_NCOL_MAX 15 /* the most columns of an entity */

/* Sub-rows: lists that belong to a row and are replaced as a whole.  An
** item is one text (two for a level); the items of a list are passed as
** one flat array in their order (position). */
typedef enum StoreSub {
    STORE_SUB_ALIAS = 0,      /* an org's aliases; item: alias */
    STORE_SUB_LEVEL,          /* a plan's levels; item: name, has_indicator */
    STORE_SUB_RESPONSIBLE,    /* a node's responsible orgs; item: acronym */
    STORE_SUB_CONTRIBUTING,   /* a node's contributing orgs; item: acronym */
    STORE_SUB_REC_NODE,       /* a recommendation's nodes; item: code */
    STORE_SUB_REC_ORG,        /* the organisations it asks; item: acronym */
    STORE_SUB_OUTREACH_PLACE, /* an event's places; item: gazetteer code */
    STORE_SUB_OUTREACH_ORG,   /* an event's organisations; item: acronym */
    STORE_SUB_OUTREACH_NODE,  /* an event's activities; item: node code of
                              ** the event's plan */
    STORE_SUB_COUNT
} StoreSub;

/* What a load reads (see store_load(), store_load_node(),
** store_load_rounds()). */
typedef struct StoreScope {
    const char *zPlan;          /* NULL: every plan */
    const char *zNode;          /* NULL: every node */
    const char *const *azRound; /* assessments of these rounds only; */
    size_t nRound;              /* nRound 0: of every round */
    int bRoundBefore;           /* and of the round before each */
    int bNoOrgs;                /* without the organisation directory */
} StoreScope;

/* The parts of statements' review a backend reads (xStmtScan) for one
** activity, each ordered by round code, organisation, then as written:
**   COMMENT round, organisation, author, role_name(), at
**           (YYYY-MM-DDTHH:MM:SSZ), text, the statement's version
**   VERSION round, organisation, version, text, proposed rating_key(),
**           stmt_state_name(), submitted by, submitted at
** and what xStmtAdd writes to one statement (key: plan, node, round,
** organisation): COMMENT a comment (azVal: author, role_name(), text) on
** its current version at the transaction's time; VERSION the statement as
** it now stands (azVal: who), nothing when that version is kept already.
** *pbDone: a row was written (0 when the statement does not exist).
**   ATTACHMENT round, organisation, id, name, type, size, added by,
**           added at (YYYY-MM-DDTHH:MM:SSZ), as xStmtScan reads them (never
**           the bytes); xStmtAdd writes one (azVal: name, type, size,
**           the bytes as base64) by the store's actor at its time. */
typedef enum StoreStmtPart {
    STORE_STMT_PART_COMMENT = 0,
    STORE_STMT_PART_VERSION,
    STORE_STMT_PART_ATTACHMENT,
    STORE_STMT_PART_COUNT
} StoreStmtPart;

/* The parts of a plan's recommendations a backend reads (xRecScan), each
** ordered by round (as-of date, then code) and position, and their texts:
**   GROUP    round, name
**   REC      round, code, text, group, priority "0"/"1", source, version
**   NODE     round, code, node code
**   ORG      round, code, acronym
**   FOLLOWUP round, code, follow-up round, status, evidence, recorded by,
**            recorded at (YYYY-MM-DDTHH:MM:SSZ), version */
typedef enum StoreRecPart {
    STORE_REC_PART_GROUP = 0,
    STORE_REC_PART_REC,
    STORE_REC_PART_NODE,
    STORE_REC_PART_ORG,
    STORE_REC_PART_FOLLOWUP,
    STORE_REC_PART_COUNT
} StoreRecPart;

typedef struct StoreMethods {
    void (*xClose)(Store *);
    int (*xBegin)(Store *, AppErr *);
    int (*xCommit)(Store *, AppErr *);
    void (*xRollback)(Store *);
    void (*xSetBusyMs)(Store *, int ms);
    void (*xSetWriterNote)(Store *, const char *zWhat);
    int (*xBeginRead)(Store *, AppErr *);
    void (*xEndRead)(Store *);
    int (*xDataVersion)(Store *, long *pOut, AppErr *);
    /* store_watch(); NULL: the backend cannot tell (SQLite). */
    int (*xWatch)(Store *, int msTimeout, AppErr *);
    int (*xLoad)(Store *, const StoreScope *, Model *, AppErr *);
    /* Read the row of entity e named by azKey: its columns into azOld
    ** (STORE_NCOL_MAX slots, each set: a copy the caller frees, or NULL),
    ** its version (0 when absent or unversioned).  *pbFound says whether
    ** the row exists; when it does not because an owner named by a key
    ** part does not exist, *piMissing is that part's index (for a
    ** statement, 1 or 2 also when the activity was not assessed in the
    ** round; the parts are tried in order), else -1.  Not finding is not
    ** an error. */
    int (*xRowGet)(Store *, StoreEntity e, const char *const *azKey,
                   char **azOld, int *pVersion, int *pbFound, int *piMissing,
                   AppErr *);
    /* Whether the row of entity e named by azKey exists, *piMissing as
    ** in xRowGet: xRowGet without the columns, for a backend that can
    ** answer from what the transaction already knows (the ids of
    ** store_ids.h).  NULL: xRowGet answers. */
    int (*xRowExists)(Store *, StoreEntity e, const char *const *azKey,
                      int *pbFound, int *piMissing, AppErr *);
    /* Write the row of entity e: with bInsert an INSERT (version 1), else
    ** an UPDATE of its columns (read-only ones and the node's depth
    ** excepted) that bumps a versioned row's version and, when
    ** iVersion > 0, changes the row only if its version is still
    ** iVersion.  *pbDone is 0 when nothing was written because the row
    ** was there already (INSERT) or was not there at that version (UPDATE):
    ** the caller's conflict.  Owners and referenced rows must exist. */
    int (*xRowPut)(Store *, StoreEntity e, const char *const *azKey,
                   const char *const *azNew, int bInsert, int iVersion,
                   int *pbDone, AppErr *);
    /* The sub-rows of kind k of the row azKey, as a flat array of texts
    ** (*pazItem allocated, free each and the array; *pnItem counts
    ** items), and their replacement (delete all, insert azItem in order;
    ** a repeated item is kept once). */
    int (*xSubGet)(Store *, StoreSub k, const char *const *azKey,
                   char ***pazItem, size_t *pnItem, AppErr *);
    int (*xSubPut)(Store *, StoreSub k, const char *const *azKey,
                   const char *const *azItem, size_t nItem, AppErr *);
    /* Append one row to the audit trail (actor and time: the store's). */
    int (*xAuditAdd)(Store *, const char *zAction, const char *zEntity,
                     const char *zKey, const char *zField, const char *zOld,
                     const char *zNew, AppErr *);
    int (*xAuditList)(Store *, const char *zKeyPrefix, AuditEntry **, size_t *,
                      AppErr *);
    int (*xUserGet)(Store *, const char *zName, User *, AppErr *);
    int (*xUserList)(Store *, User **, size_t *, AppErr *);
    int (*xSessionPut)(Store *, const Session *, AppErr *);
    int (*xSessionGet)(Store *, const char *zTokenHash, Session *, AppErr *);
    int (*xSessionTouch)(Store *, const char *zTokenHash, long now, AppErr *);
    int (*xSessionDelete)(Store *, const char *zTokenHash, AppErr *);
    int (*xSessionDeleteUser)(Store *, const char *zUser, AppErr *);
    int (*xCasePut)(Store *, const Case *, const CasePerson *, AppErr *);
    int (*xCaseScan)(Store *, const char *zFrom, const char *zTo, int bPersonal,
                     CaseVisitor, void *, AppErr *);
    int (*xAuditLatest)(Store *, const char *zKey, long *pId, AppErr *);
    int (*xCaseCount)(Store *, long *pn, AppErr *);
    int (*xKeptGet)(Store *, const char *zName, long *pGen, char **pzBody,
                    AppErr *);
    int (*xKeptPut)(Store *, const char *zName, long gen, const char *zBody,
                    AppErr *);
    int (*xTableScan)(Store *, StoreTable t, StoreRowVisitor fn, void *pArg,
                      AppErr *);
    int (*xTablePut)(Store *, StoreTable t, const char *const *azVal, AppErr *);
    int (*xTableEnd)(Store *, StoreTable t, AppErr *);
    int (*xTableCount)(Store *, StoreTable t, long *pn, AppErr *);
    int (*xCaseGet)(Store *, const char *zOrg, const char *zCaseNo, CaseFile *,
                    CasePerson *, AppErr *);
    int (*xCaseOrgs)(Store *, const char *zCaseNo, char ***pazOrg, size_t *pn,
                     AppErr *);
    int (*xCaseEventAdd)(Store *, const char *zOrg, const char *zCaseNo,
                         const CaseEvent *, AppErr *);
    int (*xCasePaymentAdd)(Store *, const char *zOrg, const char *zCaseNo,
                           const CasePayment *, AppErr *);
    int (*xCaseList)(Store *, const char *zOrg, int nLimit, CaseVisitor, void *,
                     AppErr *);
    int (*xRoundList)(Store *, const char *zPlan, RoundCount **, size_t *,
                      AppErr *);
    int (*xAuditRows)(Store *, long iFrom, long iTo, const char *zKeyPrefix,
                      AuditEntry **, long **, size_t *, AppErr *);
    /* Backups (see store_backup(), store_check(), store_restore()). */
    int (*xBackup)(Store *, const char *zFile, unsigned flags, AppErr *);
    int (*xCheck)(Store *, AppErr *);
    int (*xRestore)(Store *, const char *zPath, AppErr *);
    /* The rows of one part of plan zPlan's recommendations, as texts
    ** (see store_rec_list(), which assembles them). */
    int (*xRecScan)(Store *, const char *zPlan, StoreRecPart part,
                    StoreRowVisitor fn, void *pArg, AppErr *);
    /* Outreach events, media coverage, statistics (see
    ** store_outreach_list()). */
    int (*xOutreachList)(Store *, const char *zFrom, const char *zTo,
                         long long id, Outreach **, size_t *, AppErr *);
    int (*xMediaList)(Store *, const char *zFrom, const char *zTo, Media **,
                      size_t *, AppErr *);
    int (*xStatList)(Store *, StatObs **, size_t *, AppErr *);
    /* Delete the row e (STORE_OUTREACH with its lists, STORE_MEDIA or
    ** STORE_STAT) named by azKey, only if its version is still iVersion
    ** (0: whatever it is); *pbDone 0 when no row went. */
    int (*xOutreachDelete)(Store *, StoreEntity e, const char *const *azKey,
                           int iVersion, int *pbDone, AppErr *);
    /* The rows of one part of plan zPlan's indicators (NULL: of every
    ** plan), as texts (see store_indicator_list()). */
    int (*xStmtScan)(Store *, const char *zPlan, const char *zNode,
                     StoreStmtPart part, StoreRowVisitor fn, void *pArg,
                     AppErr *);
    int (*xStmtAdd)(Store *, StoreStmtPart part, const char *const *azKey,
                    const char *const *azVal, int *pbDone, AppErr *);
    /* Attachment iId as one row: plan, node, round, organisation, name,
    ** type, the bytes as base64, added by (no row: none such); and its
    ** removal (*pbDone 0: none such). */
    int (*xAttachRead)(Store *, long iId, StoreRowVisitor fn, void *pArg,
                       AppErr *);
    int (*xAttachDelete)(Store *, long iId, int *pbDone, AppErr *);
    int (*xIndScan)(Store *, const char *zPlan, StoreIndPart part,
                    StoreRowVisitor fn, void *pArg, AppErr *);
    /* The rows of one part of plan zPlan's costs and funding, of round
    ** zRound (NULL: every round), as texts (see store_fund_list()). */
    int (*xFundScan)(Store *, const char *zPlan, const char *zRound,
                     StoreFundPart part, StoreRowVisitor fn, void *pArg,
                     AppErr *);
    /* Notifications (see store_note_add() and the others below). */
    int (*xNoteAdd)(Store *, const Note *, AppErr *);
    int (*xNoteList)(Store *, const char *zUser, int nMax, Note **, size_t *,
                     AppErr *);
    int (*xNoteRead)(Store *, const char *zUser, long id, const char *zAt,
                     long *pnChanged, AppErr *);
    int (*xNoteMailDue)(Store *, const char *zNow, int nMax, Note **, size_t *,
                        AppErr *);
    int (*xNoteTold)(Store *, NoteKind k, const char *zPlan, const char *zRound,
                     const char *zOrg, const char *zSince, int *pbTold,
                     AppErr *);
    int (*xNoteMailSet)(Store *, long id, NoteMail e, int nTries,
                        const char *zNext, AppErr *);
    int (*xNoteWithdraw)(Store *, const char *zPlan, const char *zRound,
                         const char *zOrg, AppErr *);
} StoreMethods;

/* Told of each change as the audit trail records it
** (store_set_audit_observer()). */
typedef void (*StoreAuditObserver)(void *pArg, const char *zAction,
                                   const char *zEntity, const char *zField);

/* Fields every backend shares; backends embed this first. */
struct Store {
    const StoreMethods *pMethods;
    char *zActor;                /* recorded in the audit trail */
    char zNow[32];               /* time of the current transaction */
    StoreAuditObserver xObserve; /* NULL: nobody is told */
    void *pObserveArg;
    /* The activity this transaction created last, whose assessments
    ** created right after it are recorded in one audit row of the
    ** activity (store_audit.c, "Assessments created with their
    ** activity"): its key, NULL when none, and their rounds so far. */
    char *zFoldKey;
    Buf fold;
};

typedef enum StoreOpenMode {
    STORE_OPEN_EXISTING = 0, /* the database must exist and be lmpmon's */
    STORE_OPEN_CREATE,   /* create a new database; refuse an existing file */
    STORE_OPEN_READ_ONLY /* an existing lmpmon database (a backup) as it
                             ** is: read only, an older schema not migrated */
} StoreOpenMode;

/* Current schema version this binary writes. */
int store_schema_version(void);

/* Open the database at zPath: an SQLite file, or a PostgreSQL database
** named by a postgresql:// URL (store_pg.h: the database must exist, and
** STORE_OPEN_CREATE creates the schema in it when it is empty).
** Migrates an older schema forward (not with STORE_OPEN_READ_ONLY, which
** only reads and writes nothing).  Refuses, leaving the file untouched: a
** missing file (unless creating), an existing file when creating, a file
** that is not an lmpmon database, a database from a newer lmpmon, one
** whose directory must be writable and is not (SQLite's WAL files), a
** database damaged at its start.  A file that is read-only opens; writes
** to it then fail with a message saying so.  Returns NULL and fills err
** on failure.  Caller frees with store_close(). */
Store *store_open(const char *zPath, StoreOpenMode eMode, const char *zActor,
                  AppErr *err);

/* Whether zDb names a PostgreSQL database ("postgresql://..." or
** "postgres://...") rather than an SQLite file. */
int store_is_url(const char *zDb);

/* zDb as it may be shown, logged and passed around: a PostgreSQL URL
** without its password, which goes to the environment (PGPASSWORD, where
** libpq finds it) instead; a file name as it is.  Call once at start-up,
** before any thread runs (it changes the environment).  Returns a heap
** copy the caller frees. */
char *store_db_conceal(const char *zDb);

/* Close; accepts NULL.  Rolls back an open transaction. */
void store_close(Store *s);

/* Transactions: begin one write transaction, commit or roll back. */
int store_begin(Store *s, AppErr *err);
int store_commit(Store *s, AppErr *err);
void store_rollback(Store *s);

/* A read transaction: every read between these sees one state of the
** database, so a model loaded in several queries is consistent even while
** others commit (WAL snapshot).  Not for writes. */
int store_begin_read(Store *s, AppErr *err);
void store_end_read(Store *s);

/* From now on tell fn (with pArg) of every change the audit trail records
** through this store, as it is recorded; NULL stops.  An import counts its
** changes so, instead of reading its audit rows back before it commits.
** Each assessment created with its activity is told of as its own
** creation ("create", "assessment", NULL), though the trail keeps them in
** one row of the activity.  A change told of is gone again if its
** transaction rolls back. */
void store_set_audit_observer(Store *s, StoreAuditObserver fn, void *pArg);

/* Append one row to the audit trail and tell the observer: the one way
** every put and store_audit() write it. */
int store_audit_append(Store *s, const char *zAction, const char *zEntity,
                       const char *zKey, const char *zField, const char *zOld,
                       const char *zNew, AppErr *err);

/* Assessments created with their activity, kept as one audit row of the
** activity (store.c says why): the row's field, and what the puts of
** store_audit.c call.  store_audit_fold_begin(): the activity with audit
** key zNodeKey ("plan/code") was just created.  store_audit_fold_has():
** whether assessments of zNode in zPlan go into that row.
** store_audit_fold_add(): record one, in round zRound with rating key
** zRating, instead of its own audit row. */
#define STORE_FOLD_FIELD "assessments"
void store_audit_fold_begin(Store *s, const char *zNodeKey);
int store_audit_fold_has(const Store *s, const char *zPlan, const char *zNode);
void store_audit_fold_add(Store *s, const char *zRound, const char *zRating);

/* The actor recorded in the audit trail from now on (a copy is kept). */
void store_set_actor(Store *s, const char *zActor);

/* How long a write waits for another writer before failing with
** APPERR_BUSY: for one store, or for every store opened afterwards (the
** process's setting, made once at start-up before any thread runs;
** LIMIT_DB_BUSY_MS until then). */
void store_set_busy_ms(Store *s, int ms);

/* What this store's write transactions do, in words ("an import of
** 'annex.csv'"), from now on (NULL: nothing said).  Another writer kept
** waiting past its busy timeout is then told who holds the database and
** since when, instead of only that it is busy. */
void store_set_writer_note(Store *s, const char *zWhat);
void store_set_default_busy_ms(int ms);
int store_default_busy_ms(void);

/* A number that grows with every committed change to the data (plan,
** organisations, rounds, assessments, statements, users' work, cases):
** equal numbers mean equal data, so caches key on it.  Sessions and
** logins do not move it. */
int store_data_version(Store *s, long *pOut, AppErr *err);

/* Wait on s, a connection kept for this, at most msTimeout ms for a
** change committed by any process (a data change, or a session ended):
** 1 when there was one since the last call (the first call starts
** watching and answers 1: anything may have changed before), 0 when the
** time ran out, -1 with err filled when the connection failed (open a new
** one; changes may have been missed).  What lets a server trust what it
** read until told otherwise.  APPERR_USAGE when the backend cannot tell
** (SQLite: other processes write the file unannounced). */
int store_watch(Store *s, int msTimeout, AppErr *err);

/* Load organisations and the plan zPlan (all plans when NULL, in the order
** they were created: the first plan stays first, so importing another one
** never changes what a link without ?plan= shows) into *m (which must be
** empty).  Nodes come in pre-order, rounds by as-of date; every plan's
** node codes are indexed (plan_index_codes()). */
int store_load(Store *s, const char *zPlan, Model *m, AppErr *err);

/* Load the organisations, plan zPlan's levels and rounds, and of its nodes
** only zNode (as a top-level node, with its links, assessments and
** statements): what a use case needs to check and change one activity,
** at a cost independent of the plan's size.  The plan has no node when
** zNode does not exist. */
int store_load_node(Store *s, const char *zPlan, const char *zNode, Model *m,
                    AppErr *err);

/* As store_load_node() without the organisation directory (m has no
** organisations): for reading one activity's statements on a page, whose
** cost must not grow with the directory (500 organisations were four
** fifths of an activity page). */
int store_load_activity(Store *s, const char *zPlan, const char *zNode,
                        Model *m, AppErr *err);

/* As store_load() for plan zPlan (NULL: every plan), with the assessments
** and statements of the rounds azRound[0 .. nRound) only, and with
** bRoundBefore of the round before each of them too (in as-of order; what
** the checks compare with).  Every round is listed.  For commands that
** look at one or two rounds: a national plan holds ten rounds of
** narratives, and reading them all was most of a report's cost. */
int store_load_rounds(Store *s, const char *zPlan, const char *const *azRound,
                      size_t nRound, int bRoundBefore, Model *m, AppErr *err);

/* ---- the puts (store_audit.c) ----------------------------------------------
**
** Each inserts or updates one row by its key, inside the caller's
** transaction.  Putting what is stored writes nothing; otherwise one audit
** row per changed field (old -> new; sub-rows such as aliases as one field,
** joined), or the "create" rows of a new one.  Names of things that must
** exist and do not are APPERR_NOTFOUND. */

/* An outreach event (by first day and title) with its places,
** organisations and activities (replaced as lists), which must exist:
** organisations and the plan's nodes (APPERR_NOTFOUND otherwise).  The
** caller has checked it (outreach_check()) and resolved its names.
** Versions (these three puts and deletes): o->iVersion > 0 writes only if
** the stored row is still at that version (APPERR_CONFLICT otherwise); 0
** writes whatever is there (imports, under the write lock from their
** first read). */
int store_outreach_put(Store *s, const Outreach *o, AppErr *err);

/* A media article (by date and title). */
int store_media_put(Store *s, const Media *m, AppErr *err);

/* A statistics figure (by its measure, destination, channel, sex, period
** and source: a different source is a different figure). */
int store_stat_put(Store *s, const StatObs *o, AppErr *err);

/* Delete the event o (by its key; with its lists), the article m or the
** figure o, audited as one "delete" row showing what went.  No such row:
** APPERR_NOTFOUND; another version than the one given (> 0):
** APPERR_CONFLICT. */
int store_outreach_delete(Store *s, const Outreach *o, AppErr *err);
int store_media_delete(Store *s, const Media *m, AppErr *err);
int store_stat_delete(Store *s, const StatObs *o, AppErr *err);

/* The outreach events whose first day is in [zFrom, zTo] (either NULL:
** unbounded), by first day and title; the media articles the same way;
** every statistics figure in stat_obs_cmp() order.  *pa is allocated:
** release each element (outreach_release(), media_release(),
** stat_obs_release()) and free the array. */
int store_outreach_list(Store *s, const char *zFrom, const char *zTo,
                        Outreach **pa, size_t *pn, AppErr *err);
int store_media_list(Store *s, const char *zFrom, const char *zTo, Media **pa,
                     size_t *pn, AppErr *err);

/* The stored event whose row id is id into *o (release it with
** outreach_release()), *pbFound 1; or *pbFound 0 and o empty. */
int store_outreach_get(Store *s, long long id, Outreach *o, int *pbFound,
                       AppErr *err);
int store_stat_list(Store *s, StatObs **pa, size_t *pn, AppErr *err);

/* One revision of an indicator (by plan, code and revision): written,
** audited per field, when it changed; p->zDefinitionKm NULL keeps the
** stored Khmer definition.  The plan, the goal's node and the
** organisation must exist (APPERR_NOTFOUND naming it); the caller has
** checked it (indicator_check()). */
int store_indicator_put(Store *s, const Indicator *p, AppErr *err);

/* One value (by plan, indicator, revision, period, sex and cell) of
** zPlan's indicators.  iVersion > 0: only if the stored value is still at
** that version (APPERR_CONFLICT otherwise); 0 writes whatever is there.
** The revision must exist (APPERR_NOTFOUND); the caller has checked the
** value against it (ind_value_check()). */
int store_ind_value_put(Store *s, const char *zPlan, const IndValue *v,
                        int iVersion, AppErr *err);

/* Every revision of plan zPlan's indicators (NULL: every plan's) by code
** and revision, and their values, by code, revision, period, sex, cell;
** *paVersion (when not NULL) the version of each value.  Allocated:
** release each (indicator_release(), ind_value_release()), free the
** arrays. */
int store_indicator_list(Store *s, const char *zPlan, Indicator **pa,
                         size_t *pn, IndValue **paValue, size_t *pnValue,
                         int **paVersion, AppErr *err);

/* Activity c->zNode's estimated cost in round c->zRound of plan zPlan:
** written, audited per field, when it changed.  c->iVersion > 0: only if
** the stored cost is still at that version (APPERR_CONFLICT otherwise); 0
** writes whatever is there.  The round and the activity must exist
** (APPERR_NOTFOUND); the caller has checked it (fund_cost_check()). */
int store_fund_cost_put(Store *s, const char *zPlan, const FundCost *c,
                        AppErr *err);

/* One funding line (by plan, round, activity, line), as
** store_fund_cost_put(); a partner's organisation must exist too. */
int store_fund_line_put(Store *s, const char *zPlan, const FundLine *l,
                        AppErr *err);

/* Plan zPlan's costs and funding lines of round zRound (NULL: every
** round), with their versions, into *out (fund_set_release()). */
int store_fund_list(Store *s, const char *zPlan, const char *zRound,
                    FundSet *out, AppErr *err);

/* An organisation (by acronym) with its aliases; its parent must exist. */
int store_org_put(Store *s, const Org *o, AppErr *err);

/* A plan (by code): title and levels; the levels of a plan with nodes
** cannot change (APPERR_CONFLICT). */
int store_plan_put(Store *s, const Plan *p, AppErr *err);

/* Whether plan zCode is stored: *pbFound 1 or 0.  -1 only on a database
** error. */
int store_plan_exists(Store *s, const char *zCode, int *pbFound, AppErr *err);

/* A round (by code) of plan zPlan: its title, as-of date and state.  Its
** due date stays as stored (r->zDue is not read): only
** store_round_due_put() changes it, so an import never clears it. */
int store_round_put(Store *s, const char *zPlan, const Round *r, AppErr *err);

/* Set the due date of round zRound of plan zPlan to zDue (YYYY-MM-DD, or
** NULL: none), audited as the round's field "due".  APPERR_NOTFOUND when
** the round does not exist. */
int store_round_due_put(Store *s, const char *zPlan, const char *zRound,
                        const char *zDue, AppErr *err);

/* Grant, change or remove (e->zDue NULL) organisation e->zOrg's
** extension in round zRound of plan zPlan, audited per field; the
** backend records who and when (the store's actor and time).
** e->iVersion > 0: only if the stored extension is still at that version;
** 0: only if there is none yet (APPERR_CONFLICT otherwise).  The round
** and the organisation must exist (APPERR_NOTFOUND). */
int store_round_ext_put(Store *s, const char *zPlan, const char *zRound,
                        const RoundExt *e, AppErr *err);

/* Write chapter c->eKind of round zRound of plan zPlan (its English and
** Khmer texts; an empty Khmer text is stored as none), audited per field
** as entity "chapter" under "PLAN/round/ROUND/chapter/KIND"; the backend
** records who and when (the store's actor and time).  c->iVersion > 0:
** only if the stored chapter is still at that version; 0: only if there
** is none yet (APPERR_CONFLICT otherwise, naming who saved it last and
** when).  APPERR_NOTFOUND when the round does not exist. */
int store_round_chapter_put(Store *s, const char *zPlan, const char *zRound,
                            const RoundChapter *c, AppErr *err);

/* Node p->aNode[iNode] (by code) with its text, indicator and parent
** (which must exist); with bLinks also its responsible and contributing
** organisations (which must exist).  A node keeps its level. */
int store_node_put(Store *s, const Plan *p, long iNode, int bLinks,
                   AppErr *err);

/* Set one column of a stored organisation, plan or node (e: STORE_ORG,
** STORE_PLAN or STORE_NODE; iCol one of its STORE_<ENTITY>_* columns) to
** zNew (NULL or "": none), every other column as stored; audited as a put
** (one row when the value changes, nothing written when it does not).
** What the Khmer of a name or text is set with (app/translate.h), which
** checks beforehand that the form was made from the stored value: these
** rows have no version.  APPERR_NOTFOUND when the row does not exist. */
int store_field_put(Store *s, StoreEntity e, const char *const *azKey, int iCol,
                    const char *zNew, AppErr *err);

/* Flags of store_assessment_put(). */
#define STORE_BUMP 0x1u /* bump the version even if no field changed */

/* The assessment of node zNode in round a->zRound.  When a->iVersion > 0
** the stored version must equal it, checked before writing and again in
** the UPDATE itself (else APPERR_CONFLICT: someone saved in between); use
** cases always pass the version they read.  0 (imports, which hold the
** write lock from their first read) writes unconditionally.  Every change
** bumps the version; with STORE_BUMP an unchanged one too (a statement
** submitted to it changes what its reviewer must see). */
int store_assessment_put(Store *s, const char *zPlan, const char *zNode,
                         const Assessment *a, unsigned flags, AppErr *err);

/* Organisation st->zOrg's statement on node zNode in round zRound (the
** assessment must exist).  st->iVersion is the version the writer read,
** 0 when there was no statement; it is always checked, in the SQL too
** (APPERR_CONFLICT when the row changed or appeared). */
int store_statement_put(Store *s, const char *zPlan, const char *zNode,
                        const char *zRound, const Statement *st, AppErr *err);

/* Statements' review (store_thread.c).  store_statement_threads() fills
** every statement of node n of plan zPlan (as loaded) with its comment
** thread and its submitted versions, oldest first (st->aComment,
** st->aVer; any there before are replaced).
** store_statement_comment_add() adds a comment by zAuthor (role eRole)
** to organisation zOrg's statement on zNode in zRound, written on the
** statement's current version, and audits it; APPERR_NOTFOUND when there
** is no such statement.  store_statement_version_add() keeps the
** statement as it now stands as a submitted version (again the same
** version: nothing).  Inside the caller's transaction. */
int store_statement_threads(Store *s, const char *zPlan, Node *n, AppErr *err);
int store_statement_comment_add(Store *s, const char *zPlan, const char *zNode,
                                const char *zRound, const char *zOrg,
                                const char *zAuthor, Role eRole,
                                const char *zText, AppErr *err);
int store_statement_version_add(Store *s, const char *zPlan, const char *zNode,
                                const char *zRound, const char *zOrg,
                                AppErr *err);

/* Statements' attachments (store_thread.c).  store_statement_threads()
** lists them (st->aAttach, without their bytes).
** store_attachment_add() attaches p[0..n) named zName, of media type
** zType, to organisation zOrg's statement on zNode in zRound (APPERR_
** NOTFOUND when there is none) by the store's actor, audited as the
** statement's field "attachment".  store_attachment_read() reads
** attachment iId whole into *f (release with store_attach_file_release());
** *pbFound 0 when there is none.  store_attachment_delete() removes
** attachment iId, which is f (read before, for the audit row, field
** "attachment_removed"); APPERR_NOTFOUND when it is gone.  Inside the
** caller's transaction, or none for the read. */
typedef struct StoreAttachFile {
    char *zPlan, *zNode, *zRound, *zOrg; /* whose statement */
    char *zName;                         /* as uploaded */
    char *zType;                         /* media type */
    char *zBy;                           /* who attached it */
    unsigned char *pData;                /* its bytes (heap) */
    size_t nData;
} StoreAttachFile;

int store_attachment_add(Store *s, const char *zPlan, const char *zNode,
                         const char *zRound, const char *zOrg,
                         const char *zName, const char *zType, const void *p,
                         size_t n, AppErr *err);
int store_attachment_read(Store *s, long iId, StoreAttachFile *f, int *pbFound,
                          AppErr *err);
void store_attach_file_release(StoreAttachFile *f);
int store_attachment_delete(Store *s, long iId, const StoreAttachFile *f,
                            AppErr *err);

/* An account: creates it (bCreate; the name must be new, else
** APPERR_CONFLICT) or updates role, organisation, hash and disabled flag
** of an existing one (else APPERR_NOTFOUND).  A new hash is audited as
** "changed", never as its value. */
int store_user_put(Store *s, const User *u, int bCreate, AppErr *err);

/* ---- notifications (core/notify.h) ------------------------------------
** Written by the use cases inside their transactions (app/notify.h); not
** audited and not part of the data version (reading one changes no page
** but the reader's inbox). */

/* Add notification n for account n->zUser (kind, plan, round, node, org,
** actor, at, mail state and mail_next as given; unread, no tries). */
int store_note_add(Store *s, const Note *n, AppErr *err);

/* Account zUser's newest notifications, at most nMax, newest first.
** *paOut allocated; free with note_free(). */
int store_note_list(Store *s, const char *zUser, int nMax, Note **paOut,
                    size_t *pnOut, AppErr *err);

/* Mark account zUser's notification id (0: all of them) read at zAt,
** unless read already; *pnChanged (may be NULL) counts those marked.  A
** notification of another account is never touched. */
int store_note_read(Store *s, const char *zUser, long id, const char *zAt,
                    long *pnChanged, AppErr *err);

/* Whether anyone was told (a notification of kind k about organisation
** zOrg in round zRound of plan zPlan) at or after zSince: a date
** "YYYY-MM-DD" (its first moment, UTC) or a stored time.  The deadline
** timer asks it so that servers sharing a database tell each thing once
** (writers take turns: ask inside the write transaction). */
int store_note_told(Store *s, NoteKind k, const char *zPlan, const char *zRound,
                    const char *zOrg, const char *zSince, int *pbTold,
                    AppErr *err);

/* Withdraw the deadline reminders (due soon, overdue) of round zRound of
** plan zPlan told about organisation zOrg (NULL: about every one), read
** or not, their e-mails unsent: the deadline they spoke of has moved, and
** an "overdue" left in an inbox after an extension misleads.  Reminders
** of the new deadline come in their time (store_note_told() looks from
** the new date). */
int store_note_withdraw(Store *s, const char *zPlan, const char *zRound,
                        const char *zOrg, AppErr *err);

/* At most nMax notifications whose e-mail is due (mail_next <= zNow),
** oldest first, with their recipient's address, e-mail wish and language.
** *paOut allocated; free with note_free(). */
int store_note_mail_due(Store *s, const char *zNow, int nMax, Note **paOut,
                        size_t *pnOut, AppErr *err);

/* Set notification id's e-mail state, attempts and next attempt (NULL:
** none). */
int store_note_mail_set(Store *s, long id, NoteMail e, int nTries,
                        const char *zNext, AppErr *err);

/* Audit rows whose key is zKeyPrefix or starts with zKeyPrefix + "/",
** oldest first.  *paOut is allocated; free with audit_free(). */
int store_audit_list(Store *s, const char *zKeyPrefix, AuditEntry **paOut,
                     size_t *pnOut, AppErr *err);
void audit_free(AuditEntry *a, size_t n);

/* Accounts (written with store_user_put()).  store_user_get() returns
** APPERR_NOTFOUND for an unknown name. */
int store_user_get(Store *s, const char *zName, User *u, AppErr *err);
int store_user_list(Store *s, User **paOut, size_t *pnOut, AppErr *err);

/* Sessions by token hash.  store_session_get() fills the user and the
** data version too, and returns APPERR_NOTFOUND when there is no such
** session. */
int store_session_put(Store *s, const Session *ses, AppErr *err);
int store_session_get(Store *s, const char *zTokenHash, Session *ses,
                      AppErr *err);
int store_session_touch(Store *s, const char *zTokenHash, long now,
                        AppErr *err);
int store_session_delete(Store *s, const char *zTokenHash, AppErr *err);

/* End every session of account zUser (none, or no such user: 0). */
int store_session_delete_user(Store *s, const char *zUser, AppErr *err);

/* Insert or update a case (by assisting organisation and case number: each
** organisation numbers its own cases) and, when who is not NULL, its
** personal details.  For bulk imports: call inside one transaction; the
** prepared statements are reused, and a backend may hold the case back
** and write it with others (PostgreSQL: COPY in batches) before its next
** query or at store_commit() — so a failure it causes may be reported by
** a later call or by the commit, and nothing of the transaction is kept.
** No audit row per case: the caller records the import as a whole with
** store_audit(). */
int store_case_put(Store *s, const Case *c, const CasePerson *who, AppErr *err);

/* Call fn for every case lodged between zFrom and zTo (inclusive,
** YYYY-MM-DD; NULL for no bound), in the order cases were first stored.  Personal details
** are read only when bPersonal.  The Case passed is valid during the call
** only. */
int store_case_scan(Store *s, const char *zFrom, const char *zTo, int bPersonal,
                    CaseVisitor fn, void *pArg, AppErr *err);

/* The case zCaseNo of the assisting organisation zOrg (NULL or "": of the
** cases no organisation assists) with its timeline and payments (and,
** when who is not NULL, personal details; free its strings with free()).
** APPERR_NOTFOUND for an unknown number.  Free f with case_file_release(). */
int store_case_get(Store *s, const char *zOrg, const char *zCaseNo, CaseFile *f,
                   CasePerson *who, AppErr *err);

/* The assisting organisations that have a case numbered zCaseNo ("" for
** the one no organisation assists), sorted, into *pazOrg (allocated: free
** each and the array), *pn of them (0: no such number). */
int store_case_orgs(Store *s, const char *zCaseNo, char ***pazOrg, size_t *pn,
                    AppErr *err);

/* The nLimit most recently stored cases assisted by zOrg ("": those no
** organisation assists; all cases when zOrg is NULL), newest first; a
** list of one organisation's walks the index (assisting_org, id). */
int store_case_list(Store *s, const char *zOrg, int nLimit, CaseVisitor fn,
                    void *pArg, AppErr *err);

/* Append a step to a case's timeline / a payment (the case's paid total
** grows by it).  Inside the caller's transaction; actors are the store's. */
int store_case_event_add(Store *s, const char *zOrg, const char *zCaseNo,
                         const CaseEvent *e, AppErr *err);
int store_case_payment_add(Store *s, const char *zOrg, const char *zCaseNo,
                           const CasePayment *p, AppErr *err);

/* The id of the latest audit row with key zKey (0 if none): a cheap
** "has this changed?" for caches, since every change is audited. */
int store_audit_latest(Store *s, const char *zKey, long *pId, AppErr *err);

/* The number of cases stored. */
int store_case_count(Store *s, long *pn, AppErr *err);

/* What is kept ready: a text derived from the data (the complaints
** reports of all cases: "complaints") with the generation it was made at
** (for the complaints, store_audit_latest("cases")).  A reader uses it
** only when the generation is still current; it is never audited and
** never moves the data version.  store_kept_get() gives *pzBody (free())
** or NULL when nothing is kept under zName; store_kept_put() replaces it,
** unless what is kept is of a later generation. */
int store_kept_get(Store *s, const char *zName, long *pGen, char **pzBody,
                   AppErr *err);
#define STORE_KEPT_COMPLAINTS "complaints" /* app/complaints.h */
int store_kept_put(Store *s, const char *zName, long gen, const char *zBody,
                   AppErr *err);

/* Write one audit row (action "update") in the current transaction. */
int store_audit(Store *s, const char *zEntity, const char *zKey,
                const char *zField, const char *zNew, AppErr *err);

/* One row of store_round_list(): a round with its counts. */
struct RoundCount {
    char *zPlan;
    Round r;        /* code, title, as-of, state (strings owned) */
    long nAssessed; /* activities assessed in the round */
    long nRated;    /* of which rated */
};

/* The rounds of plan zPlan (all plans when NULL; plans in creation order,
** rounds by as-of date, undated last, then code) with their counts,
** counted by the database: what 'round list' shows, without loading a
** single assessment.  APPERR_NOTFOUND for an unknown plan.  Free with
** round_count_free(). */
int store_round_list(Store *s, const char *zPlan, RoundCount **paOut,
                     size_t *pnOut, AppErr *err);
void round_count_free(RoundCount *a, size_t n);

/* The audit rows with iFrom <= id <= iTo (iTo 0: no upper bound), oldest
** first, with their ids in (*paiId)[i]; only those whose key is zKeyPrefix
** or starts with zKeyPrefix + "/" unless zKeyPrefix is NULL.  Ids are the
** data version (store_data_version()): the rows after a version are the
** changes made since, which is how an import finds what changed in the
** database after the export it reads, and what it wrote itself.  Reads
** inside the caller's transaction (a write transaction sees its own rows).
** *paOut and *paiId are allocated: free with audit_free() and free(). */
int store_audit_rows(Store *s, long iFrom, long iTo, const char *zKeyPrefix,
                     AuditEntry **paOut, long **paiId, size_t *pnOut,
                     AppErr *err);

/* ---- recommendations (store_audit.c, store.c) ---------------------------
**
** A round's discussion groups, its recommendations with the nodes they
** concern and the organisations they ask, and their follow-ups in later
** rounds (core/recommend.h).  The puts audit as the others do: keys
** "PLAN/round/ROUND/group/NAME", "PLAN/round/ROUND/rec/CODE" and
** "PLAN/round/ROUND/rec/CODE/FOLLOW-UP-ROUND", so a round's history holds
** them.  The round (and the follow-up's round) must exist
** (APPERR_NOTFOUND), as must the group, nodes and organisations named. */

/* Discussion group zName of round zRound (created once; nothing to
** update). */
int store_rec_group_put(Store *s, const char *zPlan, const char *zRound,
                        const char *zName, AppErr *err);

/* Recommendation r (by round and code) with its nodes and organisations.
** r->iVersion > 0 must be the stored version (checked, and again in the
** UPDATE: APPERR_CONFLICT); 0 writes unconditionally (imports, which hold
** the write lock from their first read). */
int store_rec_put(Store *s, const char *zPlan, const Rec *r, AppErr *err);

/* The follow-up f of recommendation zCode of round zRound.  f->iVersion is
** the version the writer read, 0 when there was none: always checked
** (APPERR_CONFLICT when it changed or appeared meanwhile).  Who and when
** are the store's actor and transaction time. */
int store_followup_put(Store *s, const char *zPlan, const char *zRound,
                       const char *zCode, const RecFollowup *f, AppErr *err);

/* Every recommendation of plan zPlan with groups, nodes, organisations and
** follow-ups, into *out (empty; free with rec_set_release()), in round
** order then the order they were first written.  Inside the caller's
** transaction (read or write). */
int store_rec_list(Store *s, const char *zPlan, RecSet *out, AppErr *err);

/* ---- copying a whole installation (store_copy.c) --------------------------
**
** 'lmpmon copy' moves an installation between databases, SQLite or
** PostgreSQL either way, table by table with every id kept: the audit
** trail's ids are the revisions that exports name.  Sessions are not
** copied (their users log in again), nor what is kept ready (counted again
** when needed). */
int store_copy(Store *from, Store *to, long anRow[STORE_TABLE_COUNT],
               AppErr *err);

/* The rows of table t, in key order, as texts in the same form from every
** backend (NULL for SQL NULL; numbers in decimal; flags "0"/"1"; dates
** YYYY-MM-DD and NULL for none, also a case's resolution, which SQLite
** keeps as ""; moments YYYY-MM-DDTHH:MM:SSZ), store_table_ncol(t) of them
** per row, in the column order of store_table_column().  The texts live
** during the call only; fn returns non-zero to stop. */
int store_table_scan(Store *s, StoreTable t, StoreRowVisitor fn, void *pArg,
                     AppErr *err);

/* Insert a row of table t as store_table_scan() gives it, inside the
** caller's write transaction; the backend may hold it back until
** store_table_end(t), which also sets the table's id counter past the
** ids written.  References are checked by the end of the transaction, so
** rows may refer to rows of the same table inserted later. */
int store_table_put(Store *s, StoreTable t, const char *const *azVal,
                    AppErr *err);
int store_table_end(Store *s, StoreTable t, AppErr *err);

/* The number of rows of table t. */
int store_table_count(Store *s, StoreTable t, long *pn, AppErr *err);

/* Table t's name, its number of columns and the name of column i. */
const char *store_table_name(StoreTable t);
int store_table_ncol(StoreTable t);
const char *store_table_column(StoreTable t, int i);

/* ---- backups -------------------------------------------------------------
**
** A backup is the whole database as one consistent state: whatever commits
** while it is taken is in it entirely or not at all, and writers are not
** held up (the SQLite backend copies a WAL snapshot with SQLite's online
** backup API).  It is an lmpmon database itself: 'lmpmon --db BACKUP ...'
** reads it.  PostgreSQL installations will use pg_dump instead. */

/* Flags of store_backup(). */
#define STORE_BACKUP_FORCE 0x1u /* replace zFile if it exists */

/* Write a copy of the database to the new file zFile: first to
** "zFile.tmp" (removed on failure; a leftover of an interrupted backup is
** replaced), then renamed, so zFile is never a partial copy.  Refuses an
** existing zFile (APPERR_CONFLICT) unless STORE_BACKUP_FORCE.  Not inside
** a transaction.  Errors: a full disk, an unwritable directory
** (APPERR_IO), a damaged database (APPERR_DB), a database held by a
** restore (APPERR_BUSY). */
int store_backup(Store *s, const char *zFile, unsigned flags, AppErr *err);

/* Check that the database is undamaged: every page, row and index (SQLite:
** PRAGMA integrity_check).  0 when it is; else APPERR_DB with a message
** for people and the first problems found in the detail.  Reads the whole
** database. */
int store_check(Store *s, AppErr *err);

/* Make the database at zPath (a file; created when missing) a copy of s's
** (a backup opened with STORE_OPEN_READ_ONLY, checked with store_check()),
** in one step: a reader sees the old database or the new one, and a crash
** leaves the old one.  Refuses, changing nothing: a zPath that anyone
** holds open (a running server, an import; APPERR_BUSY), a zPath that is
** not an lmpmon database or is too damaged to be replaced in place, a
** missing zPath beside an orphaned journal, zPath being s's own file.
** What zPath held is lost: take a backup of it first when in doubt. */
int store_restore(Store *s, const char *zPath, AppErr *err);

#endif
