/*
** names.h — an index of the names people give things, and suggestions for
** names it does not know.
**
** Organisations (orgdir.c) and places (gazetteer.c) are both written many
** ways: an acronym or a full name, "Kompong Cham" or "Kampong Cham",
** "Korea" or "Republic of Korea".  A NameIndex holds every spelling of a
** set of items (an item is an index the caller chooses), compares names
** after a fold function the caller picks (str_fold for organisations,
** str_fold_name for places), and for a name it does not know suggests the
** closest spellings, one per item.  The matching is written here once.
*/
#ifndef LMPMON_NAMES_H
#define LMPMON_NAMES_H

#include <stddef.h>

#include "../base/buf.h"

typedef struct NameIndex NameIndex;

/* How names are compared: a heap copy of the name, folded. */
typedef char *(*NameFold)(const char *z);

/* A new, empty index comparing names folded by xFold.  Free with
** names_free(). */
NameIndex *names_new(NameFold xFold);
void names_free(NameIndex *d);

/* Forget every name (the index stays usable). */
void names_clear(NameIndex *d);

/* Add the spelling z (borrowed: it must outlive the index or the next
** names_clear(); NULL or "" is ignored) of item iItem.  iRank orders
** spellings that fold alike: the lowest rank wins in names_find(), and
** among equal ranks the one added first. */
void names_add(NameIndex *d, const char *z, size_t iItem, int iRank);

/* As names_add(), for a spelling that resolves but is never suggested:
** a code ("TH", "THA") would crowd out the names people recognise, and a
** two-letter one begins half of what anyone types. */
void names_add_code(NameIndex *d, const char *z, size_t iItem, int iRank);

/* The item named z, or -1 when no spelling folds like z. */
long names_find(const NameIndex *d, const char *z);

/* Append to b up to nMax known spellings closest to z, quoted and
** separated by ", " ("'MOFA&IC', 'MOFA'"), one per item; appends nothing
** when none is close.  A spelling that begins with z (or that z begins
** with) ranks just after an exact match: people shorten names far more
** often than they misspell them. */
void names_suggest(const NameIndex *d, const char *z, size_t nMax, Buf *b);

#endif
