/*
** model.h — the plan, its organisations and review rounds, in memory.
**
** A Model is what an import file says and what an export writes: the
** organisation directory and one or more plans, each with its named levels,
** its tree of nodes (areas, sections, goals, activities, ... as the plan
** names them), its review rounds and, per activity and round, the
** assessment.  The store persists it; io reads and writes it; core only
** holds and checks it.  No I/O here.
**
** Nodes are kept in pre-order (every parent before its children, siblings
** in plan order) and point to their parent by index, which makes both tree
** printing and CSV rows a single pass.
*/
#ifndef LMPMON_MODEL_H
#define LMPMON_MODEL_H

#include <stddef.h>

#include "chapter.h"
#include "codes.h"
#include "rating.h"
#include "../base/i18n.h"
#include "../base/limits.h"

typedef enum OrgKind {
    ORG_GOVERNMENT = 0,
    ORG_DEVELOPMENT_PARTNER,
    ORG_UN_AGENCY,
    ORG_NGO,
    ORG_TRADE_UNION,
    ORG_EMPLOYERS,
    ORG_PRIVATE_SECTOR,
    ORG_OTHER,
    ORG_KIND_COUNT
} OrgKind;

typedef enum RoundState {
    ROUND_DRAFT = 0, /* being prepared by the M&E officer */
    ROUND_OPEN,      /* reporters enter progress */
    ROUND_CLOSED,    /* entry over, validation */
    ROUND_PUBLISHED, /* read-only: the published review */
    ROUND_STATE_COUNT
} RoundState;

typedef enum AssessState {
    ASSESS_DRAFT = 0,
    ASSESS_SUBMITTED,
    ASSESS_RETURNED,
    ASSESS_APPROVED,
    ASSESS_STATE_COUNT
} AssessState;

/* An organisation's statement is reviewed on its own: the officer returns
** or accepts each one.  draft → submitted → returned → resubmitted (a
** statement submitted again after a return) → accepted.  Ordered as the
** review goes, which is the order of counts and badges. */
typedef enum StmtState {
    STMT_DRAFT = 0,
    STMT_SUBMITTED,
    STMT_RETURNED,
    STMT_RESUBMITTED,
    STMT_ACCEPTED,
    STMT_STATE_COUNT
} StmtState;

typedef enum LinkRole {
    LINK_RESPONSIBLE = 0, /* leads the activity */
    LINK_CONTRIBUTING     /* a contributing partner */
} LinkRole;

/* What a user may do (the web layer's route table decides per role). */
typedef enum Role {
    ROLE_ADMIN = 0,    /* users, organisations, rounds */
    ROLE_ME_OFFICER,   /* validates ratings, publishes reports */
    ROLE_REPORTER,     /* reports on its organisation's activities */
    ROLE_CASE_OFFICER, /* complaints cases */
    ROLE_VIEWER,       /* reads */
    ROLE_COUNT
} Role;

#define ROLE_ACCEPTED "admin, me_officer, reporter, case_officer, viewer"

/* Who is doing something: every use case takes one (app/), and the rules
** (core/rules.h) decide from it.  The CLI's actor is the local operator,
** with the admin's rights; the web's is the logged-in user. */
typedef struct Actor {
    const char *zName; /* recorded in the audit trail */
    Role eRole;
    const char *zOrg; /* acronym of the actor's organisation, or NULL */
} Actor;

/* The role's key ("me_officer") and label ("M&E officer"), codes.h. */
const char *role_name(Role e);
const char *role_label(Role e);
int role_parse(const char *z, Role *pOut);

typedef struct Org {
    char *zAcronym; /* key: "MOLVT"; what links and exports use */
    char *zName;    /* full name; may equal the acronym */
    OrgKind eKind;
    char *zParent;  /* acronym of the parent organisation, or NULL */
    char **azAlias; /* other spellings that resolve to this org */
    size_t nAlias;
    char *zNameKm; /* the full name in Khmer, or NULL (model_text()) */
} Org;

/* A later due date granted to one organisation in a round.  A removed
** extension keeps its row (zDue NULL) so that its version still guards
** the next grant. */
typedef struct RoundExt {
    char *zOrg;    /* acronym */
    char *zDue;    /* YYYY-MM-DD, or NULL: removed */
    char *zReason; /* why it was granted (or removed) */
    char *zBy;     /* account that last changed it */
    char *zAt;     /* when, YYYY-MM-DDTHH:MM:SSZ */
    int iVersion;  /* guards the next change */
} RoundExt;

typedef struct Round {
    char *zCode;  /* "2017": stable key, used in CSV column names */
    char *zTitle; /* "2017 progress review" */
    char *zAsOf;  /* YYYY-MM-DD the assessment speaks of, or NULL */
    RoundState eState;
    char *zDue;     /* YYYY-MM-DD statements are due by, or NULL: none */
    RoundExt *aExt; /* extensions by organisation, sorted by acronym */
    size_t nExt;
    RoundChapter *aChapter; /* the review's chapters written so far, in no
                            ** order: find one with round_chapter() */
    size_t nChapter;
} Round;

/* One comment of a statement's thread: the officer's when returning or
** accepting, or a reporter's reply.  Every comment is kept. */
typedef struct StmtComment {
    char *zAuthor;    /* account name */
    Role eRole;       /* the author's role when writing */
    char *zAt;        /* YYYY-MM-DDTHH:MM:SSZ */
    char *zText;      /* what was said */
    int iStmtVersion; /* the statement's version it was written on */
} StmtComment;

/* The statement as it was submitted once: kept so the officer sees what
** changed between submissions. */
typedef struct StmtVersion {
    int iVersion;     /* the statement's version when submitted */
    char *zText;      /* the text submitted */
    Rating eProposed; /* the rating proposed with it */
    StmtState eState; /* submitted or resubmitted (accepted: as accepted) */
    char *zBy;        /* who submitted */
    char *zAt;        /* when, YYYY-MM-DDTHH:MM:SSZ */
} StmtVersion;

/* A file its reporter attached to a statement as evidence (a report, a
** photo, a signed list): what the statement lists; its bytes stay in the
** store until someone downloads it (store_attachment_read()). */
typedef struct StmtAttachment {
    long iId;    /* the store's id: its address */
    char *zName; /* the file's name as uploaded */
    char *zType; /* its media type, found from its content (core/attach.h) */
    long nBytes; /* its size */
    char *zBy;   /* who attached it */
    char *zAt;   /* when, YYYY-MM-DDTHH:MM:SSZ */
} StmtAttachment;

/* One organisation's own report on an activity in a round, written by its
** reporter and merged by the M&E officer into the assessment. */
typedef struct Statement {
    char *zOrg;            /* acronym */
    char *zText;           /* what the organisation reports */
    Rating eProposed;      /* the rating it proposes */
    StmtState eState;      /* draft, submitted, returned, resubmitted, ... */
    char *zComment;        /* unused since schema 11 (the thread holds
                           ** comments); kept "" */
    int iVersion;          /* bumped by every save; guards concurrent edits */
    char *zUpdatedBy;      /* who saved last */
    char *zUpdatedAt;      /* when */
    StmtComment *aComment; /* its thread, oldest first; filled only by
                           ** store_statement_threads() */
    size_t nComment;
    StmtVersion *aVer; /* its submitted versions, oldest first; ditto */
    size_t nVer;
    StmtAttachment *aAttach; /* the files attached to it, oldest first;
                             ** ditto */
    size_t nAttach;
} Statement;

typedef struct Assessment {
    char *zRound;       /* round code */
    char *zActionPoint; /* the activity as worded in that round's action plan */
    char *zProgress;    /* the progress narrative */
    Rating eRating;
    AssessState eState;
    int iVersion;     /* stored version; 0 in input means "do not check" */
    Statement *aStmt; /* the organisations' statements */
    size_t nStmt;
} Assessment;

typedef struct Node {
    char *zCode;        /* stable across years: "4.10"; unique in the plan */
    int iLevel;         /* index into Plan.aLevel */
    long iParent;       /* index into Plan.aNode, -1 for a top-level node */
    char *zText;        /* the node's text (area name, goal, activity) */
    char *zIndicator;   /* indicator text where the level has indicators */
    char *zTextKm;      /* zText in Khmer, or NULL (model_text()) */
    char *zIndicatorKm; /* zIndicator in Khmer, or NULL */
    char **azResp;      /* acronyms of responsible organisations */
    size_t nResp;
    char **azContrib; /* acronyms of contributing organisations */
    size_t nContrib;
    Assessment *aAssess; /* one per round the node was assessed in */
    size_t nAssess;
    int iLine;       /* source line for error messages, 0 if none */
    char *zPredPlan; /* the predecessor's plan: the node of an earlier
                      ** plan this one carries on (plan succession), or
                      ** NULL: none (a put keeps the stored one) */
    char *zPredCode; /* the predecessor's code in zPredPlan, or NULL */
} Node;

typedef struct Level {
    char *zName;    /* "area", "goal", "activity": lower-case key */
    int bIndicator; /* nodes of this level carry indicator text */
} Level;

typedef struct Plan {
    char *zCode; /* "cambodia-lmp-2015-2018" */
    char *zTitle;
    char *zTitleKm; /* zTitle in Khmer, or NULL (model_text()) */
    Level aLevel[LIMIT_PLAN_LEVELS];
    int nLevel; /* 0 when a plan is only referenced, not defined */
    Round *aRound;
    size_t nRound, nRoundAlloc;
    Node *aNode; /* pre-order */
    size_t nNode, nNodeAlloc;
    long *aiByCode; /* node indexes sorted by code (plan_index_codes) */
    size_t nByCode; /* nodes the index covers; stale when != nNode */
} Plan;

typedef struct Model {
    Org *aOrg;
    size_t nOrg, nOrgAlloc;
    Plan *aPlan;
    size_t nPlan, nPlanAlloc;
} Model;

#define MODEL_INIT                                                             \
 {                                                                             \
  NULL, 0, 0, NULL, 0, 0                                                       \
 }

/* Free everything m owns; m becomes empty.  Accepts an empty model. */
void model_release(Model *m);

/* Append a zeroed element and return it (owned by the model). */
Org *model_add_org(Model *m);
Plan *model_add_plan(Model *m);
Round *plan_add_round(Plan *p);
/* A new empty extension at the end of rd's (keep them sorted by org). */
RoundExt *round_add_ext(Round *rd);
/* A new empty chapter at the end of rd's (keep them in kind order). */
RoundChapter *round_add_chapter(Round *rd);
/* Round rd's chapter of kind e, or NULL when none is written. */
const RoundChapter *round_chapter(const Round *rd, ChapterKind e);
Node *plan_add_node(Plan *p);
Assessment *node_add_assessment(Node *n);
Statement *assessment_add_statement(Assessment *a);

/* Free what an assessment owns (or only its statements); it becomes empty. */
void assessment_release(Assessment *a);
void assessment_release_statements(Assessment *a);
/* Free what a statement, a round owns; it becomes empty. */
void statement_release(Statement *st);
/* Free a statement's thread, versions and attachments only; they become
** empty. */
void statement_release_thread(Statement *st);
/* Append a zeroed comment / version / attachment to st's (owned by st). */
StmtComment *statement_add_comment(Statement *st);
StmtVersion *statement_add_version(Statement *st);
StmtAttachment *statement_add_attachment(Statement *st);
void round_release(Round *r);
const Statement *assessment_find_statement(const Assessment *a,
                                           const char *zOrg);

/* Append a copy of z to a string array; free each string and the array. */
void strv_push(char ***pa, size_t *pn, const char *z);
/* Append to *pa the items of list z, separated by any byte of zSep
** (";" for "MOLVT; ILO"), each trimmed, empty ones left out (copies). */
void strv_split(const char *z, const char *zSep, char ***pa, size_t *pn);
void strv_free(char **a, size_t n);

/* Lookups: pointer or index, NULL / -1 when absent.  Codes compare exactly;
** org lookup is by acronym only (see orgdir.h for name resolution). */
Plan *model_find_plan(const Model *m, const char *zCode);
Org *model_find_org(const Model *m, const char *zAcronym);
/* Node zCode of p: plan_find_node() first brings p's code index up to date
** when many nodes were appended since it was made (a plan being built, by
** an import or a load), so it changes p; plan_lookup_node() never does
** (the index as it stands, then a scan of the nodes it does not cover),
** for a plan shared between threads or read only. */
long plan_find_node(Plan *p, const char *zCode);
long plan_lookup_node(const Plan *p, const char *zCode);
Round *plan_find_round(const Plan *p, const char *zCode);
const Assessment *node_find_assessment(const Node *n, const char *zRound);
int plan_find_level(const Plan *p, const char *zName);

/* Text people write in both languages (a plan's title, an organisation's
** name, a node's text and indicator) is kept as written in English (zEn)
** and, where someone wrote it, in Khmer (zKm).  The one to show a reader
** of language eLang: the Khmer to a reader of Khmer, else the English;
** either falls back to the other when it is NULL or empty.  Never NULL
** ("" when neither is written); points into zEn or zKm. */
const char *model_text(I18nLang eLang, const char *zEn, const char *zKm);

/* model_text() of a plan's title, an organisation's name (its acronym
** when it has none), a node's text and its indicator (NULL when it has
** none in either language). */
const char *plan_title(const Plan *p, I18nLang eLang);
const char *org_name(const Org *o, I18nLang eLang);
const char *node_text(const Node *n, I18nLang eLang);
const char *node_indicator(const Node *n, I18nLang eLang);

/* A plan level's name ("goal", the plan's key of the level) as the
** reader's language says it: the catalogue's word for the names results
** frameworks use (area, section, goal, outcome, output, activity ...),
** else the name as the plan writes it.  English reads it unchanged.
** Points into a static table, the catalogue or zName. */
const char *level_label(const char *zName);

/* Sort an index of p's nodes by code, so plan_find_node() is a binary
** search instead of a scan.  plan_find_node() remakes it itself when many
** nodes were appended since; a plan shared between threads must be
** indexed whole first, then only looked up with plan_lookup_node().
** Codes must not change and nodes must only be appended while it is in
** use. */
void plan_index_codes(Plan *p);

/* Plan succession.  Add to m a plan zCode titled zTitle made from pOld
** (not in m: the model may move): the same levels and nodes (codes,
** texts, indicators, responsible and contributing organisations), each
** node's predecessor its namesake in pOld; no rounds, no assessments.
** Returns the new plan (owned by m). */
Plan *model_add_successor(Model *m, const Plan *pOld, const char *zCode,
                          const char *zTitle);

/* The predecessor of node n (a node of another plan of m), with its plan
** in *pp; NULL when n has none or m does not hold it. */
const Node *model_find_predecessor(const Model *m, const Node *n,
                                   const Plan **pp);

/* The node of another plan of m whose predecessor is node n of plan p
** (the first, in plan order), with its plan in *pp; NULL when none. */
const Node *model_find_successor(const Model *m, const Plan *p, const Node *n,
                                 const Plan **pp);

/* One assessment of a node's predecessors: an activity's history before
** its plan, round by round. */
typedef struct PredRound {
    const Plan *p;       /* the earlier plan */
    const Node *n;       /* the predecessor in it */
    const Round *rd;     /* the round */
    const Assessment *a; /* the predecessor's assessment in rd */
} PredRound;

/* The assessments of node n's predecessors in m (its predecessor, that
** one's, ...: at most m->nPlan steps, so a loop of links ends), the
** earliest plan first, each plan's rounds in its order.  Returns their
** number; *pa is a heap array (free()) of pointers into m, NULL when
** none. */
size_t model_predecessor_rounds(const Model *m, const Node *n, PredRound **pa);

/* Index of the leaf level (the activities): nLevel - 1. */
int plan_leaf_level(const Plan *p);

/* Index of the ancestor of node i at level iLevel, or -1. */
long plan_ancestor_at(const Plan *p, long i, int iLevel);

/* Sort p's rounds by as-of date (undated last), then code. */
void plan_sort_rounds(Plan *p);

/* Names and parsing of the enums (one table each: codes.h).  *_name()
** is the key, for files, forms and messages; *_label() what pages show.
** The parse functions take a key (or a label, code_index()) and return 0
** on success, -1 for an unknown word. */
const char *org_kind_name(OrgKind e);
const char *org_kind_label(OrgKind e);
int org_kind_parse(const char *z, OrgKind *pOut);
const char *round_state_name(RoundState e);
const char *round_state_label(RoundState e);
int round_state_parse(const char *z, RoundState *pOut);
const char *assess_state_name(AssessState e);
const char *assess_state_label(AssessState e);
int assess_state_parse(const char *z, AssessState *pOut);
const char *stmt_state_name(StmtState e);
const char *stmt_state_label(StmtState e);
int stmt_state_parse(const char *z, StmtState *pOut);
const char *link_role_name(LinkRole e);
const char *link_role_label(LinkRole e);

/* The accepted words, for error messages. */
#define ORG_KIND_ACCEPTED                                                      \
 "government, development_partner, un_agency, ngo, trade_union, employers, private_sector, other"
#define ROUND_STATE_ACCEPTED  "draft, open, closed, published"
#define ASSESS_STATE_ACCEPTED "draft, submitted, returned, approved"
#define STMT_STATE_ACCEPTED   "draft, submitted, returned, resubmitted, accepted"

#endif
