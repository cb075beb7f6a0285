/*
** gazetteer.h — the places lmpmon knows: Cambodia's provinces and the
** countries migrants go to, stored by code, found by any usual spelling.
**
** Cases, outreach events and migration statistics all name places, and
** people write them many ways: "Prey Veng ", "prey veng", "PreyVeng";
** "Kompong Cham"; "Sihanoukville" for Preah Sihanouk; "Korea", "South
** Korea" and "Republic of Korea"; "Thaïland".  The database holds codes
** only — ISO 3166-2:KH for provinces ("KH-14"), ISO 3166-1 alpha-2 for
** countries ("TH") — and every importer resolves through here, so one
** spelling table serves them all.  A name nobody knows is refused with the
** closest known ones, as organisation names are (names.c does the
** matching for both).  No I/O: the tables are compiled in.
*/
#ifndef LMPMON_GAZETTEER_H
#define LMPMON_GAZETTEER_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/i18n.h"

typedef enum GazKind {
    GAZ_PROVINCE = 0, /* a province of Cambodia (or the capital) */
    GAZ_COUNTRY,      /* a country of ISO 3166-1 */
    GAZ_KIND_COUNT
} GazKind;

/* Room for a code with its NUL ("KH-25", "TH"). */
#define GAZ_CODE_BYTES 8

/* What the gazetteer holds of a place. */
typedef struct GazPlace {
    const char *zCode;  /* "KH-14", "TH" */
    const char *zName;  /* English: "Prey Veng", "Thailand" */
    const char *zKhmer; /* Khmer name, or NULL (countries) */
} GazPlace;

/* The places of kind k, by index (0 .. gaz_count(k)), in code order for
** countries and in the order of their ISO numbers for provinces. */
size_t gaz_count(GazKind k);
GazPlace gaz_place(GazKind k, size_t i);

/* The place of kind k whose code is exactly zCode ("KH-14", "TH"): 1 and
** *p filled, or 0.  Allocates nothing. */
int gaz_find_code(GazKind k, const char *zCode, GazPlace *p);

/* The English name of the province or country zCode, or NULL when it is
** neither: what pages and reports show instead of the code. */
const char *gaz_label(const char *zCode);

/* What pages, reports and exports show for a stored place: the name of
** the province or country whose code is zStored, in Khmer to a reader of
** Khmer where the gazetteer has it (provinces), else in English; zStored
** itself when it is no code (a case's value from before places were
** stored by code that named no known place: 'lmpmon case places' lists
** them); "" for NULL.  Allocates nothing. */
const char *gaz_show(const char *zStored, I18nLang eLang);

/* An index of every spelling, for resolving names.  Built once per use
** (an import); read-only afterwards, so threads may share one. */
typedef struct Gazetteer Gazetteer;
Gazetteer *gaz_new(void);
void gaz_free(Gazetteer *g);

/* The code (static storage) of the place of kind k named z: its code, its
** English or Khmer name or a usual variant, compared ignoring case,
** spaces, punctuation and diacritics.  Unknown: -1 and err (APPERR_INPUT)
** says "unknown province 'X'" with the closest known names. */
int gaz_resolve(const Gazetteer *g, GazKind k, const char *z,
                const char **pzCode, AppErr *err);

/* The code (static storage) of the place of kind k named z, or NULL when
** z names none: gaz_resolve() without a message (a migration's step). */
const char *gaz_code_of(const Gazetteer *g, GazKind k, const char *z);

/* As gaz_resolve(), for a place that may be either: a province first (an
** event in Kampong Cham), else a country (a meeting in Bangkok's
** country).  The message of an unknown one suggests from both. */
int gaz_resolve_place(const Gazetteer *g, const char *z, const char **pzCode,
                      AppErr *err);

/* Append to b up to nMax names of kind k closest to z, quoted and
** separated by ", ", one per place; nothing when none is close. */
#include "../base/buf.h"
void gaz_suggest(const Gazetteer *g, GazKind k, const char *z, size_t nMax,
                 Buf *b);

/* The name of kind k for messages: "province", "country". */
const char *gaz_kind_noun(GazKind k);

#endif
