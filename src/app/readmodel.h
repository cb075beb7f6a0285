/*
** readmodel.h — one read-only model per process, shared by every thread,
** rebuilt only when the data changed.
**
** Every committed change writes an audit row, so the newest audit id
** (store_data_version()) orders the database's states.  A reader asks for
** the snapshot of the current state: when the number has not moved since
** the last load it gets the same snapshot, at the cost of one indexed
** query; when it has, one thread loads the new state (inside a read
** transaction, so the model is consistent) while the others wait for it.
** A snapshot lives as long as someone holds it: a page rendering from an
** old snapshot finishes with it while new requests see the new one.
**
** What pages derive from a snapshot — data-quality findings, rendered
** fragments of pages that do not depend on who asks — is computed once per
** snapshot and kept with it, so a page costs what it shows, not what the
** database holds.
**
** Two views exist: everything (logged-in users) and published rounds only
** without statements (anonymous readers of a --public server).
*/
#ifndef LMPMON_READMODEL_H
#define LMPMON_READMODEL_H

#include "../core/checks.h"
#include "../store/store.h"

typedef struct ReadModel ReadModel;

typedef enum ReadView {
    READ_FULL = 0,  /* every round, statements included */
    READ_PUBLISHED, /* published rounds only, no statements */
    READ_VIEW_COUNT
} ReadView;

/* The snapshot of the current data in view eView, held for the caller
** until readmodel_release().  s is the caller's connection (used only to
** read the version and, when the data changed, to load).  NULL with err
** filled when the database cannot be read.  The handle is not const:
** holding, giving back and the memos below change it (under its locks);
** the data it holds is read-only (readmodel_model()).  iVersion is the
** data version the caller has just read on s (with the session: one query
** fewer per page), or -1 to read it here. */
ReadModel *readmodel_acquire(Store *s, ReadView eView, long iVersion,
                             AppErr *err);

/* Give a snapshot back; accepts NULL. */
void readmodel_release(ReadModel *rm);

/* The snapshot's model (organisations and every plan); read-only. */
const Model *readmodel_model(const ReadModel *rm);

/* Activity zNode's costs and funding lines of plan p (p of this
** snapshot's model), loaded with the snapshot: a view into it (read-only,
** never released; valid while rm is held), by round then line, found by
** binary search.  Anonymous readers' view has them too: the activity page
** shows the money of the rounds it shows. */
FundSet readmodel_funding(const ReadModel *rm, const Plan *p,
                          const char *zNode);

/* The data version the snapshot was loaded at. */
long readmodel_version(const ReadModel *rm);

/* The data-quality findings of plan p (of this snapshot) in round zRound,
** computed on first use and kept with the snapshot, once per language:
** their messages are in the thread's (i18n_current()). */
const Findings *readmodel_findings(ReadModel *rm, const Plan *p,
                                   const char *zRound);

/* Renders a fragment into b from the snapshot only (nothing about who
** asks); arg is the caller's. */
typedef void (*ReadRender)(ReadModel *rm, const void *arg, Buf *b);

/* Append to b the fragment named zKey, rendering it with xRender on first
** use and keeping it with the snapshot (up to LIMIT_READ_MEMO_BYTES per
** snapshot; past that it is rendered each time).  zKey must name
** everything the fragment depends on besides the snapshot and the
** thread's language (i18n_current(), added to the key here). */
void readmodel_fragment(ReadModel *rm, const char *zKey, ReadRender xRender,
                        const void *arg, Buf *b);

/* As readmodel_fragment(), without the copy: the kept fragment itself,
** *pn bytes, valid while rm is held (readmodel_hold()); NULL when it
** could not be kept (past LIMIT_READ_MEMO_BYTES), and then rendered into
** b instead.  A multi-megabyte page served to many readers at once is
** then one copy, not one per response in flight. */
const char *readmodel_fragment_ref(ReadModel *rm, const char *zKey,
                                   ReadRender xRender, const void *arg, Buf *b,
                                   size_t *pn);

/* One more hold on rm, given back with readmodel_release(): for what
** outlives the request that acquired it (a response still being sent). */
void readmodel_hold(ReadModel *rm);

/* Drop the snapshots the process holds (tests, shutdown); snapshots still
** held by callers live until released. */
void readmodel_reset(void);

#endif
