/*
** cases_places.h — how the complaints register's places would resolve
** through the gazetteer: the report that comes before storing cases'
** destinations and provinces by code.
**
** Cases keep the destination and province as the case officer typed them
** ("Thailand", "Thailande", "Kompong Cham", "Siemreap "), which the
** complaints report counts as different places.  Storing them by code
** (core/gazetteer.h) must refuse nothing silently, so this lists every
** distinct value with its number of cases and the code it resolves to, or
** the closest names when it resolves to none, for people to correct
** first ('lmpmon case places').  Reads only.
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
