/*
** gazetteer.c — Cambodia's provinces, the countries of ISO 3166-1 and the
** spellings people use for them (see gazetteer.h).
**
** The provinces' codes are ISO 3166-2:KH (KH-1 to KH-25: Phnom Penh is
** KH-12, Tboung Khmum, created in 2013, KH-25).  Their variants are the
** romanisations found in government, NGO and UN documents: the older
** French-style "Kompong", the UNGEGN "Kampong", joined or split words
** (folding removes spaces, so "Siemreap" needs no entry of its own), and
** the old or town names still used for a province ("Sihanoukville",
** "Kampong Som").  Countries come from iso-codes (gazetteer_countries.c);
** aAlias adds what people write that ISO does not list.
*/
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "gazetteer_int.h"
#include "names.h"
#include "../base/buf.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/banned.h"

typedef struct Province {
    const char *zCode;
    const char *zName;
    const char *zKhmer;
    const char *azVariant[4]; /* other spellings, NULL when fewer */
} Province;

static const Province aProvince[] = {
    { "KH-1",
      "Banteay Meanchey",
      "បន្ទាយមានជ័យ",
      { "Banteay Mean Chey", "Banteay Mean Chay" } },
    { "KH-2", "Battambang", "បាត់ដំបង", { "Batdambang", "Battambong" } },
    { "KH-3", "Kampong Cham", "កំពង់ចាម", { "Kompong Cham", "Kampong Chaam" } },
    { "KH-4",
      "Kampong Chhnang",
      "កំពង់ឆ្នាំង",
      { "Kompong Chhnang", "Kampong Chnang" } },
    { "KH-5", "Kampong Speu", "កំពង់ស្ពឺ", { "Kompong Speu", "Kampong Spueu" } },
    { "KH-6", "Kampong Thom", "កំពង់ធំ", { "Kompong Thom", "Kampong Thum" } },
    { "KH-7", "Kampot", "កំពត", { "Kampaot" } },
    { "KH-8", "Kandal", "កណ្ដាល", { "Kandaal" } },
    { "KH-9", "Koh Kong", "កោះកុង", { "Kaoh Kong", "Koh Kung" } },
    { "KH-10", "Kratie", "ក្រចេះ", { "Kracheh", "Kratié" } },
    { "KH-11",
      "Mondulkiri",
      "មណ្ឌលគិរី",
      { "Mondol Kiri", "Mondolkiri", "Mondul Kiri" } },
    { "KH-12",
      "Phnom Penh",
      "ភ្នំពេញ",
      { "Phnum Penh", "Phnom Penh Capital", "Phnom Penh City" } },
    { "KH-13", "Preah Vihear", "ព្រះវិហារ", { "Preah Vihéar", "Preahvihear" } },
    { "KH-14", "Prey Veng", "ព្រៃវែង", { "Prey Vêng" } },
    { "KH-15", "Pursat", "ពោធិ៍សាត់", { "Pouthisat", "Posat" } },
    { "KH-16",
      "Ratanakiri",
      "រតនគិរី",
      { "Rotanak Kiri", "Ratanak Kiri", "Rattanakiri", "Ratanakkiri" } },
    { "KH-17", "Siem Reap", "សៀមរាប", { "Siem Riep", "Siem Reab" } },
    { "KH-18",
      "Preah Sihanouk",
      "ព្រះសីហនុ",
      { "Sihanoukville", "Kampong Som", "Kompong Som", "Sihanouk" } },
    { "KH-19", "Stung Treng", "ស្ទឹងត្រែង", { "Stueng Traeng", "Steung Treng" } },
    { "KH-20", "Svay Rieng", "ស្វាយរៀង", { "Svayrieng" } },
    { "KH-21", "Takeo", "តាកែវ", { "Takev", "Takéo" } },
    { "KH-22",
      "Oddar Meanchey",
      "ឧត្ដរមានជ័យ",
      { "Otdar Mean Chey", "Oddar Mean Chey", "Otdar Meanchey" } },
    { "KH-23", "Kep", "កែប", { "Kaeb", "Krong Kep" } },
    { "KH-24", "Pailin", "ប៉ៃលិន", { "Krong Pailin", "Pailin City" } },
    { "KH-25", "Tboung Khmum", "ត្បូងឃ្មុំ", { "Tbong Khmum", "Tboung Khmom" } },
};

#define N_PROVINCE (sizeof aProvince / sizeof aProvince[0])

/* What people write for countries that ISO's names do not cover. */
static const struct {
    const char *zCode;
    const char *zAlias;
} aAlias[] = {
    { "KR", "Korea" },
    { "KR", "Rep. of Korea" },
    { "KR", "ROK" },
    { "LA", "Lao" },
    { "LA", "Lao P.D.R." },
    { "MM", "Burma" },
    { "GB", "UK" },
    { "GB", "Great Britain" },
    { "US", "USA" },
    { "US", "United States of America" },
    { "AE", "UAE" },
    { "TW", "Taiwan (China)" },
    { "HK", "Hong Kong SAR" },
    { "MO", "Macau" },
    { "CN", "PRC" },
    { "SA", "KSA" },
    { "CZ", "Czech Republic" },
    { "TR", "Turkey" },
};

/* Spellings rank: codes first (an alias must not shadow a code), then
** names, then variants. */
enum { GAZ_RANK_CODE = 0, GAZ_RANK_NAME = 1, GAZ_RANK_VARIANT = 2 };

struct Gazetteer {
    NameIndex *apIndex[GAZ_KIND_COUNT];
};

size_t
gaz_count(GazKind k)
{
    return k == GAZ_PROVINCE ? N_PROVINCE : nGazCountry;
}

GazPlace
gaz_place(GazKind k, size_t i)
{
    if (k == GAZ_PROVINCE) {
        return (GazPlace){ aProvince[i].zCode, aProvince[i].zName,
                           aProvince[i].zKhmer };
    }
    return (GazPlace){ aGazCountry[i].zCode, aGazCountry[i].zName, NULL };
}

int
gaz_find_code(GazKind k, const char *zCode, GazPlace *p)
{
    if (!zCode) {
        return 0;
    }
    if (k == GAZ_COUNTRY) {
        /* Countries are in code order: every row of an export asks. */
        size_t lo = 0, hi = nGazCountry;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(aGazCountry[mid].zCode, zCode);
            if (c == 0) {
                *p = gaz_place(k, mid);
                return 1;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 0;
    }
    if (strncmp(zCode, "KH-", 3) != 0) {
        return 0;
    }
    for (size_t i = 0; i < N_PROVINCE; i++) {
        if (strcmp(aProvince[i].zCode, zCode) == 0) {
            *p = gaz_place(k, i);
            return 1;
        }
    }
    return 0;
}

const char *
gaz_label(const char *zCode)
{
    GazPlace p;
    for (int k = 0; k < GAZ_KIND_COUNT; k++) {
        if (gaz_find_code((GazKind)k, zCode, &p)) {
            return p.zName;
        }
    }
    return NULL;
}

const char *
gaz_show(const char *zStored, I18nLang eLang)
{
    GazPlace p;
    if (!zStored) {
        return "";
    }
    for (int k = 0; k < GAZ_KIND_COUNT; k++) {
        if (gaz_find_code((GazKind)k, zStored, &p)) {
            return eLang == I18N_KM && p.zKhmer ? p.zKhmer : p.zName;
        }
    }
    return zStored;
}

const char *
gaz_kind_noun(GazKind k)
{
    return k == GAZ_PROVINCE ? "province" : "country";
}

Gazetteer *
gaz_new(void)
{
    Gazetteer *g = xcalloc(1, sizeof *g);
    NameIndex *pProv = names_new(str_fold_name);
    for (size_t i = 0; i < N_PROVINCE; i++) {
        const Province *p = &aProvince[i];
        names_add_code(pProv, p->zCode, i, GAZ_RANK_CODE);
        names_add(pProv, p->zName, i, GAZ_RANK_NAME);
        names_add(pProv, p->zKhmer, i, GAZ_RANK_NAME);
        for (size_t v = 0; v < 4; v++) {
            names_add(pProv, p->azVariant[v], i, GAZ_RANK_VARIANT);
        }
    }
    NameIndex *pCountry = names_new(str_fold_name);
    for (size_t i = 0; i < nGazCountry; i++) {
        const GazCountry *c = &aGazCountry[i];
        names_add_code(pCountry, c->zCode, i, GAZ_RANK_CODE);
        names_add_code(pCountry, c->zAlpha3, i, GAZ_RANK_CODE);
        names_add(pCountry, c->zName, i, GAZ_RANK_NAME);
        for (size_t v = 0; v < 3; v++) {
            names_add(pCountry, c->azOther[v], i, GAZ_RANK_NAME);
        }
    }
    for (size_t a = 0; a < sizeof aAlias / sizeof aAlias[0]; a++) {
        for (size_t i = 0; i < nGazCountry; i++) {
            if (strcmp(aGazCountry[i].zCode, aAlias[a].zCode) == 0) {
                names_add(pCountry, aAlias[a].zAlias, i, GAZ_RANK_VARIANT);
            }
        }
    }
    g->apIndex[GAZ_PROVINCE] = pProv;
    g->apIndex[GAZ_COUNTRY] = pCountry;
    return g;
}

void
gaz_free(Gazetteer *g)
{
    if (!g) {
        return;
    }
    for (int k = 0; k < GAZ_KIND_COUNT; k++) {
        names_free(g->apIndex[k]);
    }
    free(g);
}

/* The place of kind k named z, or -1. */
static long
gaz_find(const Gazetteer *g, GazKind k, const char *z)
{
    return z && *z ? names_find(g->apIndex[k], z) : -1;
}

void
gaz_suggest(const Gazetteer *g, GazKind k, const char *z, size_t nMax, Buf *b)
{
    names_suggest(g->apIndex[k], z, nMax, b);
}

/* Fill err for the unknown name z, suggesting from the kinds k0 .. k1. */
static int
gaz_unknown(const Gazetteer *g, GazKind k0, GazKind k1, const char *zNoun,
            const char *z, AppErr *err)
{
    Buf b = BUF_INIT;
    for (int k = (int)k0; k <= (int)k1; k++) {
        Buf one = BUF_INIT;
        gaz_suggest(g, (GazKind)k, z, 3, &one);
        if (one.n > 0) {
            buf_printf(&b, "%s%s", b.n ? ", " : "", buf_str(&one));
        }
        buf_release(&one);
    }
    if (b.n > 0) {
        apperr_set(err, APPERR_INPUT, "unknown %s '%s' (closest: %s)", zNoun, z,
                   buf_str(&b));
    } else {
        apperr_set(err, APPERR_INPUT, "unknown %s '%s'", zNoun, z);
    }
    buf_release(&b);
    return -1;
}

int
gaz_resolve(const Gazetteer *g, GazKind k, const char *z, const char **pzCode,
            AppErr *err)
{
    long i = gaz_find(g, k, z);
    if (i < 0) {
        return gaz_unknown(g, k, k, gaz_kind_noun(k), z ? z : "", err);
    }
    *pzCode = gaz_place(k, (size_t)i).zCode;
    return 0;
}

const char *
gaz_code_of(const Gazetteer *g, GazKind k, const char *z)
{
    long i = gaz_find(g, k, z);
    return i < 0 ? NULL : gaz_place(k, (size_t)i).zCode;
}

int
gaz_resolve_place(const Gazetteer *g, const char *z, const char **pzCode,
                  AppErr *err)
{
    for (int k = 0; k < GAZ_KIND_COUNT; k++) {
        long i = gaz_find(g, (GazKind)k, z);
        if (i >= 0) {
            *pzCode = gaz_place((GazKind)k, (size_t)i).zCode;
            return 0;
        }
    }
    return gaz_unknown(g, GAZ_PROVINCE, GAZ_COUNTRY, "place", z ? z : "", err);
}
