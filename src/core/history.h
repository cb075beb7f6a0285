/*
** history.h — how an entry of the audit trail reads to people.
**
** The audit trail (store/store_audit.c) names what changed by entity, key
** and field: ("statement", "plan/4.8/2018/MOLVT", "state"), old
** "submitted", new "approved".  A page shows it as "2018 statement of
** MOLVT: state", "Submitted" → "Approved": the key's parts said in words,
** the field's name as a phrase, and a value that is a code (a rating, a
** state, a kind, a role) as its label (codes.h).  Pure text; no I/O.
*/
#ifndef LMPMON_HISTORY_H
#define LMPMON_HISTORY_H

#include <stddef.h>

#include "../base/buf.h"

/* Append what an audit row changed, in words, to b: zEntity and zKey as
** the row has them, nSkip the bytes of zKey the reader already knows (on
** an activity's page, the length of "plan/4.8"), zField the changed field
** or NULL for the row of a creation.  "2018 statement of MOLVT: state",
** "2018 assessment: created", "Activity: responsible bodies".  An entity
** or field it does not know is shown as it is. */
void history_describe(Buf *b, const char *zEntity, const char *zKey,
                      size_t nSkip, const char *zField);

/* A value of zEntity's field zField (NULL: the creation row's headline
** value) as people read it: the label of a code ("not_rated" → "Not
** rated", "me_officer" → "M&E officer"); any other value is returned as
** it is.  NULL stays NULL.  Static, or zValue itself. */
const char *history_value(const char *zEntity, const char *zField,
                          const char *zValue);

/* history_value() for any field, lists included: an activity's
** "assessments" row ("2016: on_target; 2017: progressing", the
** assessments created with it) reads "2016: On target; 2017:
** Progressing", made in tmp; anything else as history_value(). */
const char *history_value_list(Buf *tmp, const char *zEntity,
                               const char *zField, const char *zValue);

#endif
