/*
** diff.h — what changed between two texts, word by word, for the
** officer's view of a resubmitted statement (its last two versions).
**
** The texts are cut into words, each with the white space that follows
** it; the longest common subsequence of the words (compared without that
** white space) is kept, the rest is deleted (from the old text) or
** inserted (from the new one).  Example: "trained 40 officers" →
** "trained 55 officers in May" is: same "trained ", deleted "40 ",
** inserted "55 ", same "officers ", inserted "in May" (deletions before
** insertions where both could come first).  No I/O; the caller renders the pieces.
*/
#ifndef LMPMON_DIFF_H
#define LMPMON_DIFF_H

#include <stddef.h>

typedef enum DiffKind {
    DIFF_SAME = 0, /* in both texts */
    DIFF_DEL,      /* only in the old text */
    DIFF_INS       /* only in the new text */
} DiffKind;

/* One piece of the comparison: n bytes at z, inside the old text (DEL)
** or the new one (SAME, INS). */
typedef struct DiffPiece {
    DiffKind eKind;
    const char *z;
    size_t n;
} DiffPiece;

/* Compare zOld with zNew word by word into *paOut (allocated; free() it;
** its pieces point into the two texts, so they must outlive it), *pnOut
** pieces in reading order, adjacent pieces of one kind joined.  Texts
** too long to compare word by word (more than DIFF_MAX_CELLS pairs of
** words) come back as the old text deleted and the new one inserted. */
#define DIFF_MAX_CELLS 4000000u
void diff_words(const char *zOld, const char *zNew, DiffPiece **paOut,
                size_t *pnOut);

#endif
