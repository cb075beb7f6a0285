/*
** rating.c — parsing and naming ratings (see rating.h).
*/
#include <stdlib.h>
#include <string.h>

#include "rating.h"
#include "../base/str.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* Folded spellings (str_fold: lower case, '-' and runs of space as one
** space) seen in real reviews, and what they mean. */
static const struct {
    const char *zFolded;
    Rating e;
} aSpelling[] = {
    { "on target", RATING_ON_TARGET },
    { "on track", RATING_ON_TARGET },
    { "ontrack", RATING_ON_TARGET },
    { "ontarget", RATING_ON_TARGET },
    { "completed", RATING_ON_TARGET },
    { "progressing", RATING_PROGRESSING },
    { "in progress", RATING_PROGRESSING },
    { "not on target", RATING_NOT_ON_TARGET },
    { "not on track", RATING_NOT_ON_TARGET },
    { "not rated", RATING_NONE },
};

int
rating_parse(const char *z, Rating *pOut)
{
    char *zFold = str_fold(z ? z : "");
    int rc = -1;
    if (zFold[0] == 0) {
        *pOut = RATING_NONE;
        rc = 0;
    }
    for (size_t i = 0; rc && i < sizeof aSpelling / sizeof aSpelling[0]; i++) {
        if (strcmp(zFold, aSpelling[i].zFolded) == 0) {
            *pOut = aSpelling[i].e;
            rc = 0;
        }
    }
    free(zFold);
    return rc;
}

const CodeName aRatingCode[RATING_COUNT] = {
    [RATING_NONE] = { "not_rated", N_("Not rated") },
    [RATING_NOT_ON_TARGET] = { "not_on_target", N_("Not on Target") },
    [RATING_PROGRESSING] = { "progressing", N_("Progressing") },
    [RATING_ON_TARGET] = { "on_target", N_("On Target") },
};

const char *
rating_name(Rating r)
{
    /* The English label, whatever the reader's language: files carry
    ** it (annex CSV, model JSON) and imports read it back. */
    return (unsigned)r < RATING_COUNT && r != RATING_NONE
               ? aRatingCode[r].zLabel
               : "";
}

const char *
rating_key(Rating r)
{
    return aRatingCode[(unsigned)r < RATING_COUNT ? r : RATING_NONE].zKey;
}

const char *
rating_label(Rating r)
{
    return _(aRatingCode[(unsigned)r < RATING_COUNT ? r : RATING_NONE].zLabel);
}
