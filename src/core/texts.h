/*
** texts.h — finding equal texts by sorting once, and the folding that
** decides when two wordings count as the same.
**
** What compares texts across activities — checks.c's duplicate action
** points and shared narratives, coordination.c's overlapping action points
** — must stay near-linear: plans run to thousands of activities, so texts
** are sorted once and equal ones sit side by side, instead of every pair
** being compared.  Pure computation; no I/O.
*/
#ifndef LMPMON_TEXTS_H
#define LMPMON_TEXTS_H

#include <stddef.h>

/* A text with an index, for grouping equal texts (or finding one). */
typedef struct TextAt {
    const char *z; /* the text (not owned); NULL is stored as "" */
    size_t i;      /* its index in the caller's array */
} TextAt;

/* az[0..n) with their indexes, sorted by text (strcmp), then index: equal
** texts side by side, each run in the caller's order.  NULL texts sort as
** "".  Returns a heap array of n elements (at least one allocated) the
** caller frees; the texts are not copied and must outlive it. */
TextAt *texts_sort(const char *const *az, size_t n);

/* Index of the first element of the sorted a[0..n) whose text is z (NULL
** reads as ""), or n if none.  Binary search; allocates nothing. */
size_t texts_lower_bound(const TextAt *a, size_t n, const char *z);

/* For each of az[0..n), the index of the first text (in the caller's
** order) equal to it: texts that are equal share that index.  Returns a
** heap array of n elements the caller frees. */
size_t *texts_first_equal(const char *const *az, size_t n);

/* z folded so that wordings differing only in case, punctuation and
** spacing compare equal: ASCII letters lower-cased, ASCII letters and
** digits and non-ASCII characters kept, everything else — ASCII
** punctuation and white space, the no-break space and Unicode's general
** punctuation (U+2000 to U+206F: dashes such as the '‐' of "sub‐regional",
** curly quotes, the ellipsis) — a word break; words joined by one space,
** none at either end.  "Establish a multi-stakeholder committee." and
** "establish a multi stakeholder  committee" fold alike.  NULL folds as
** "".  Returns a heap string the caller frees. */
char *texts_fold_words(const char *z);

#endif
