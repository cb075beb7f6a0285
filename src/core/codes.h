/*
** codes.h — the codes the data is written in, and the words people read.
**
** Every enumeration of the domain (roles, ratings, round and workflow
** states, organisation kinds, link roles) has one table of CodeName,
** indexed by the enum's value: the key that files, forms, URLs, the API
** and the database use ("me_officer", "not_rated"), and the label pages
** show ("M&E officer", "Not rated").  A page never shows a key, and a
** select box offers the table's rows in order, so what a form sends is
** what the parser accepts.  Pure data; no I/O.
*/
#ifndef LMPMON_CODES_H
#define LMPMON_CODES_H

#include <stddef.h>

typedef struct CodeName {
    const char *zKey;   /* what is stored and sent: "me_officer" */
    const char *zLabel; /* what people read: "M&E officer" */
} CodeName;

typedef enum CodeKind {
    CODE_ROLE = 0,        /* Role (model.h) */
    CODE_RATING,          /* Rating (rating.h) */
    CODE_ROUND_STATE,     /* RoundState */
    CODE_ASSESS_STATE,    /* AssessState: assessments */
    CODE_STMT_STATE,      /* StmtState: organisations' statements */
    CODE_ORG_KIND,        /* OrgKind */
    CODE_LINK_ROLE,       /* LinkRole */
    CODE_REC_STATUS,      /* RecStatus (recommend.h) */
    CODE_OUTREACH_KIND,   /* OutreachKind (outreach.h) */
    CODE_OUTREACH_STATUS, /* OutreachStatus */
    CODE_STAT_MEASURE,    /* StatMeasure */
    CODE_STAT_CHANNEL,    /* StatChannel */
    CODE_STAT_SEX,        /* StatSex */
    CODE_IND_UNIT,        /* IndUnit (indicator.h) */
    CODE_IND_DIRECTION,   /* IndDirection */
    CODE_IND_DIM,         /* IndDim */
    CODE_IND_VALUE_STATE, /* IndValueState */
    CODE_FUND_KIND,       /* FundKind (funding.h) */
    CODE_FUND_STATUS,     /* FundStatus */
    CODE_NOTE_KIND,       /* NoteKind (notify.h) */
    CODE_NOTE_MAIL,       /* NoteMail */
    CODE_CHAPTER_KIND,    /* ChapterKind (chapter.h) */
    CODE_KIND_COUNT
} CodeKind;

/* The table of kind k, in enum order; its length in *pn.  Static. */
const CodeName *code_table(CodeKind k, size_t *pn);

/* The index of z among kind k's codes, or -1: its key exactly, else z
** folded (str_fold, spaces as '_') against the keys, else z folded
** against the folded labels ("M&E officer" finds me_officer). */
int code_index(CodeKind k, const char *z);

/* The label of key zKey of kind k, or zKey itself when it is none of them
** (free text passes through).  Static or zKey. */
const char *code_label(CodeKind k, const char *zKey);

#endif
