/*
** rating.h — the status an activity is given in a review round.
**
** The Cambodian review defines them: "On Target" where the activity has been
** completed, "Progressing" where work is underway, "Not on Target" where no
** evidence of work could be found.  An activity may also be not rated.
** Reviews spell them many ways ("On-Track", "Not on target"); rating_parse()
** accepts those and nothing else.
*/
#ifndef LMPMON_RATING_H
#define LMPMON_RATING_H

#include "codes.h"

typedef enum Rating {
    RATING_NONE = 0,      /* not rated */
    RATING_NOT_ON_TARGET, /* no evidence the activity is underway */
    RATING_PROGRESSING,   /* work underway */
    RATING_ON_TARGET,     /* completed */
    RATING_COUNT
} Rating;

/* What error messages list as the accepted spellings. */
#define RATING_ACCEPTED "'On Target', 'Progressing', 'Not on Target' or empty"

/* Parse z (any case and spacing; "On-Track" and "on track" mean On Target).
** Empty or all white space is RATING_NONE.  0 on success, -1 if z is not a
** rating. */
int rating_parse(const char *z, Rating *pOut);

/* Canonical display name: "On Target", "Progressing", "Not on Target", or
** "" for RATING_NONE.  Static string. */
const char *rating_name(Rating r);

/* Machine key: "on_target", "progressing", "not_on_target", "not_rated". */
const char *rating_key(Rating r);

/* What pages show: rating_name(), and "Not rated" for RATING_NONE. */
const char *rating_label(Rating r);

/* The ratings' keys and labels, indexed by Rating (codes.h). */
extern const CodeName aRatingCode[RATING_COUNT];

#endif
