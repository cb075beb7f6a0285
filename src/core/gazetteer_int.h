/*
** gazetteer_int.h — the gazetteer's tables, shared by gazetteer.c and the
** generated gazetteer_countries.c.
*/
#ifndef LMPMON_GAZETTEER_INT_H
#define LMPMON_GAZETTEER_INT_H

#include <stddef.h>

/* A country of ISO 3166-1. */
typedef struct GazCountry {
    const char *zCode;      /* alpha-2: "TH" */
    const char *zAlpha3;    /* "THA" */
    const char *zName;      /* English short name, as lmpmon shows it */
    const char *azOther[3]; /* ISO's other names, NULL when fewer */
} GazCountry;

extern const GazCountry aGazCountry[]; /* by code */
extern const size_t nGazCountry;

#endif
