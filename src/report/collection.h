/*
** collection.h — how far the collection of a round has come, per
** organisation (core's review_org_progress()): the officer's list of whom
** to chase, as a table (the round page, `lmpmon round status`, CSV and
** XLSX downloads) and as JSON (GET /api/round/R/collection).
*/
#ifndef LMPMON_COLLECTION_H
#define LMPMON_COLLECTION_H

#include "sheet.h"
#include "../core/model.h"

/* Appends to b the address an organisation's acronym links to. */
typedef void (*CollectionHref)(Buf *b, const char *zOrg, const void *arg);

/* The table of round rd of p on day zToday (YYYY-MM-DD, the
** installation's; NULL: nobody is overdue): organisation, its name (from
** m's directory), its due date, "overdue" (or ""), activities it is
** responsible for, partner on, statements not begun, draft, submitted,
** returned, resubmitted, accepted, and what it still has to do;
** overdue ones first, then those with most outstanding.  With xHref the
** acronym links where xHref(arg) says (HTML).  t is initialised here as
** table zId. */
void collection_sheet(const Model *m, const Plan *p, const Round *rd,
                      const char *zToday, const char *zId, CollectionHref xHref,
                      const void *arg, Sheet *t);

/* The same as a JSON object appended to b: {"plan", "round", "title",
** "state", "due", "assessed", "rated", "owed", "reported", "missing",
** "organisations": [{"org", "name", "responsible", "partner", "linked",
** "not_started", "draft", "submitted", "returned", "resubmitted",
** "accepted", "outstanding", "due", "overdue"}]} ("due": a date or
** null). */
void collection_json(const Model *m, const Plan *p, const Round *rd,
                     const char *zToday, Buf *b);

#endif
