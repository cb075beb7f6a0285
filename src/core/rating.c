/*
** rating.c — parsing and naming ratings (see rating.h).
*/
#include <stdlib.h>
#include <string.h>

#include "rating.h"
#include "../base/str.h"
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

const char *
rating_name(Rating r)
{
    switch (r) {
    case RATING_ON_TARGET:
        return "On Target";
    case RATING_PROGRESSING:
        return "Progressing";
    case RATING_NOT_ON_TARGET:
        return "Not on Target";
    default:
        return "";
    }
}

const char *
rating_key(Rating r)
{
    switch (r) {
    case RATING_ON_TARGET:
        return "on_target";
    case RATING_PROGRESSING:
        return "progressing";
    case RATING_NOT_ON_TARGET:
        return "not_on_target";
    default:
        return "not_rated";
    }
}
