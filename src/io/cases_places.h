/*
** cases_places.h — the complaints register's places against the
** gazetteer.
**
** Cases store the destination and province as gazetteer codes
** (core/gazetteer.h); before schema 18 (PostgreSQL 13) they kept them as
** the case officer typed them ("Thailande", "Kompong Cham", "Siemreap "),
** and the migration converted those that name a place.  The others are
** kept as typed, never dropped: this lists every distinct value with its
** number of cases and the code it is or resolves to, or the closest names
** when it resolves to none, for people to correct ('lmpmon case
** places').  Reads only.
*/
#ifndef LMPMON_CASES_PLACES_H
#define LMPMON_CASES_PLACES_H

#include "../store/store.h"

typedef struct CasePlace {
    const char *zField; /* "destination" or "province" (static) */
    char *zValue;       /* as stored */
    long nCases;
    const char *zCode; /* what it resolves to (static), NULL: unresolved */
    char *zClosest;    /* for an unresolved one: "'Prey Veng', ..." or "" */
} CasePlace;

/* Every distinct non-empty destination and province of the register, by
** field then value, in one read transaction.  *pa is allocated: free it
** with cases_places_free(). */
int cases_places(Store *s, CasePlace **pa, size_t *pn, AppErr *err);
void cases_places_free(CasePlace *a, size_t n);

#endif
