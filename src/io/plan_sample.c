/*
** plan_sample.c — the synthetic plan generator (see plan_sample.h).
**
** Everything is drawn from one splitmix64 stream (sample_rng.h) in a fixed
** order — directory, tree, then activity by activity and round by round —
** so the output depends only on the seed and the sizes.  Texts are put
** together from the phrase lists below, which borrow the vocabulary of the
** Cambodian plan and its 2016 and 2017 reviews (data/cambodia-lmp-2015-
** 2018): the bodies, the provinces, the documents and the way narratives
** are written.  The files are written by the ordinary writers
** (model_json_write, annex_csv_write), so they are what an export would
** be and import without surprises.
*/
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plan_sample.h"
#include "annex_csv.h"
#include "model_json.h"
#include "sample_rng.h"
#include "../base/base.h"
#include "../base/banned.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- vocabulary ---------------------------------------------------------- */

/* Text around a word: { "Union of ", " Workers" }.  (Not a printf format:
** formats are literals here, so the compiler checks every one.) */
typedef struct Affix {
    const char *zBefore, *zAfter;
} Affix;

static void
affix_put(Buf *b, const Affix *a, const char *zWord)
{
    buf_printf(b, "%s%s%s", a->zBefore, zWord, a->zAfter);
}

static const char *const azMinistry[] = {
    "Labour and Vocational Training",
    "Interior",
    "Foreign Affairs and International Cooperation",
    "Women's Affairs",
    "Social Affairs, Veterans and Youth Rehabilitation",
    "Justice",
    "Health",
    "Education, Youth and Sport",
    "Planning",
    "Economy and Finance",
    "Commerce",
    "Tourism",
    "Agriculture, Forestry and Fisheries",
    "Industry and Handicraft",
    "Rural Development",
    "Information",
    "Public Works and Transport",
    "Posts and Telecommunications",
    "Environment",
    "Culture and Fine Arts",
    "Land Management",
    "Mines and Energy",
    "Civil Service",
    "National Defence",
    "Cults and Religion",
    "Water Resources and Meteorology",
};

static const char *const azDeptTopic[] = {
    "Employment and Manpower",
    "Labour Inspection",
    "Immigration",
    "Identification",
    "Consular Affairs",
    "Vocational Training",
    "Social Security",
    "Anti-Human Trafficking and Juvenile Protection",
    "Labour Market Information",
    "Gender Equality",
    "Overseas Workers' Welfare",
    "Legal Affairs",
    "Planning and Statistics",
    "International Cooperation",
    "Occupational Safety and Health",
    "Child Labour",
    "Skills Standards",
    "Passports",
    "Border Management",
    "Labour Disputes",
};

static const struct {
    const char *zName, *zCode;
} aProvince[] = {
    { "Banteay Meanchey", "BMC" },
    { "Battambang", "BTB" },
    { "Kampong Cham", "KCM" },
    { "Kampong Chhnang", "KCH" },
    { "Kampong Speu", "KSP" },
    { "Kampong Thom", "KTM" },
    { "Kampot", "KPT" },
    { "Kandal", "KDL" },
    { "Kep", "KEP" },
    { "Koh Kong", "KKG" },
    { "Kratie", "KRT" },
    { "Mondulkiri", "MDK" },
    { "Oddar Meanchey", "OMC" },
    { "Pailin", "PLN" },
    { "Phnom Penh", "PNH" },
    { "Preah Sihanouk", "PSN" },
    { "Preah Vihear", "PVH" },
    { "Prey Veng", "PVG" },
    { "Pursat", "PST" },
    { "Ratanakiri", "RTK" },
    { "Siem Reap", "SRP" },
    { "Stung Treng", "STG" },
    { "Svay Rieng", "SVR" },
    { "Takeo", "TKO" },
    { "Tbong Khmum", "TBK" },
};

static const struct {
    const char *zName, *zAcronym;
} aMultilateral[] = {
    { "European Union", "EU" },
    { "World Bank", "WB" },
    { "Asian Development Bank", "ADB" },
    { "Association of Southeast Asian Nations Secretariat", "ASEC" },
};

static const struct {
    const char *zCountry, *zAdjective, *zIso;
} aDonor[] = {
    { "Australia", "Australian", "AUS" },
    { "Japan", "Japanese", "JPN" },
    { "the Republic of Korea", "Korean", "KOR" },
    { "Germany", "German", "DEU" },
    { "Sweden", "Swedish", "SWE" },
    { "Switzerland", "Swiss", "CHE" },
    { "the United States", "United States", "USA" },
    { "the United Kingdom", "British", "GBR" },
    { "New Zealand", "New Zealand", "NZL" },
    { "Canada", "Canadian", "CAN" },
    { "France", "French", "FRA" },
    { "the Netherlands", "Dutch", "NLD" },
    { "Norway", "Norwegian", "NOR" },
    { "Denmark", "Danish", "DNK" },
    { "Finland", "Finnish", "FIN" },
    { "Ireland", "Irish", "IRL" },
};

static const struct {
    const char *zName, *zAcronym;
} aUn[] = {
    { "International Labour Organization", "ILO" },
    { "International Organization for Migration", "IOM" },
    { "United Nations Entity for Gender Equality and the Empowerment of "
      "Women",
      "UN Women" },
    { "United Nations Children's Fund", "UNICEF" },
    { "United Nations Development Programme", "UNDP" },
    { "United Nations Population Fund", "UNFPA" },
    { "United Nations Office on Drugs and Crime", "UNODC" },
    { "Office of the United Nations High Commissioner for Refugees", "UNHCR" },
    { "World Health Organization", "WHO" },
    { "Food and Agriculture Organization of the United Nations", "FAO" },
    { "United Nations Educational, Scientific and Cultural Organization",
      "UNESCO" },
    { "Office of the High Commissioner for Human Rights", "OHCHR" },
};

static const char *const azNgoA[] = {
    "Legal", "Community",    "Migrant", "Women's", "Workers'",   "Youth",
    "Rural", "Human Rights", "Family",  "Labour",  "Children's", "Development",
};
static const char *const azNgoB[] = {
    "Support", "Rights",     "Development", "Education", "Aid",
    "Action",  "Solidarity", "Welfare",     "Advocacy",  "Empowerment",
};
static const char *const azNgoC[] = {
    "Centre",       "Network",  "Association", "Foundation",
    "Organisation", "Alliance", "Initiative",  "Project",
};

static const char *const azSector[] = {
    "Construction", "Garment",     "Agriculture",      "Fisheries",
    "Domestic",     "Hospitality", "Transport",        "Food and Beverage",
    "Rubber",       "Tourism",     "Informal Economy", "Manufacturing",
    "Textile",      "Security",    "Footwear",
};
static const Affix azUnionForm[] = {
    { "", " Workers' Federation" },
    { "Union of ", " Workers" },
    { "Confederation of ", " Workers" },
    { "", " Workers' Democratic Union" },
};
static const Affix azEmployerForm[] = {
    { "", " Employers' Association" },
    { "Federation of ", " Manufacturers" },
    { "", " Business Council" },
};
static const char *const azFirmA[] = {
    "Angkor",  "Mekong",  "Golden", "Star",  "Royal",  "Lotus",  "Tonle",
    "Sunrise", "Pacific", "Unity",  "Bayon", "Apsara", "Silver", "Diamond",
};
static const char *const azFirmB[] = {
    "Manpower",           "Recruitment",
    "Human Resources",    "Employment Services",
    "Overseas Placement",
};
static const char *const azFirmC[] = { "Co., Ltd.", "Agency", "Group" };
static const Affix azOtherForm[] = {
    { "Provincial Committee for Counter Trafficking, ", "" },
    { "", " Institute for Development Research" },
    { "Royal University of ", "" },
    { "", " Commune Council Association" },
};

/* Areas and sections of the plan. */
static const char *const azArea[] = {
    "Governance and policy",
    "International framework",
    "Protection of migrant workers",
    "Recruitment and placement",
    "Skills and employability",
    "Return and reintegration",
    "Data and research",
    "Access to justice",
    "Social protection",
    "Gender equality in labour migration",
    "Remittances and financial inclusion",
    "Counter-trafficking",
};
static const char *const azSectionTheme[] = {
    "Legal framework for", "Institutional capacity for",
    "Services for",        "Information and awareness on",
    "Cooperation on",      "Monitoring of",
};

/* Goals: a subject and what should become true of it. */
static const char *const azGoalSubject[] = {
    "Migrant workers",        "Women migrant workers",
    "Provincial authorities", "Private recruitment agencies",
    "Returning migrants",     "Employers in destination countries",
    "Labour inspectors",      "Families of migrant workers",
    "Commune councils",       "Labour attachés",
};
static const char *const azGoalOutcome[] = {
    "have access to accurate information before they leave",
    "are protected by enforceable employment contracts",
    "apply the code of conduct on ethical recruitment",
    "receive services that respond to the needs of women and men",
    "can use their skills and savings on return",
    "know where to lodge complaints and are assisted to do so",
    "are covered by social protection wherever they work",
    "cooperate under bilateral agreements that are monitored",
    "collect and share data on labour migration disaggregated by sex",
    "prevent and respond to trafficking in persons",
};
static const Affix azIndicator[] = {
    { "# of ", " trained" },
    { "% of ", " reporting satisfaction with services" },
    { "# of provinces where ", " are covered" },
    { "% of ", " reached by information campaigns" },
    { "# of cases of ", " resolved" },
};

/* Activities: a verb phrase, a place or group, a qualifier. */
static const char *const azActivity[] = {
    "Develop guidelines on the recruitment of migrant workers",
    "Review the sub-decree on sending workers abroad",
    "Strengthen the inspection of private recruitment agencies",
    "Train labour officials on international labour standards",
    "Establish migrant worker resource centres",
    "Promote safe migration through community outreach",
    "Monitor the implementation of bilateral agreements",
    "Conduct research on the situation of migrant domestic workers",
    "Disseminate information on the rights of migrant workers",
    "Expand pre-departure orientation training",
    "Support the reintegration of returning migrant workers",
    "Improve the complaints mechanism for migrant workers",
    "Coordinate the referral of victims of trafficking",
    "Publish annual statistics on labour migration",
    "Evaluate the employment contracts used by recruitment agencies",
    "Provide legal aid to migrant workers and their families",
    "Pilot skills recognition for returning migrants",
    "Update the labour migration database",
    "Harmonise procedures for issuing passports to workers",
    "Raise awareness of the risks of irregular migration",
    "Set up one-stop service centres",
    "Deploy labour attachés to destination countries",
    "Introduce financial literacy training on remittances",
    "Develop a gender strategy for labour migration",
    "Strengthen cooperation between ministries on labour migration",
    "Register migrant workers with the embassies abroad",
    "Train commune councillors to advise prospective migrants",
    "Include labour migration in the national development plan",
    "Assess the impact of migration on families left behind",
    "Extend social security coverage to migrant workers",
};
static const Affix azWhere[] = {
    { "in ", " province" },
    { "for workers from ", "" },
    { "with the ", " provincial hall" },
};
static const char *const azQualifier[] = {
    "",
    " in line with ILO standards",
    " in cooperation with social partners",
    " with a focus on women migrant workers",
    " in the main destination countries",
    " with the support of development partners",
    " for the construction sector",
    " for the fisheries sector",
    " for domestic workers",
    " through the provincial migration working group",
};

/* For narratives. */
static const char *const azDoc[] = {
    "guideline on ethical recruitment",
    "standard employment contract",
    "sub-decree on sending workers abroad",
    "prakas on recruitment agencies",
    "pre-departure training curriculum",
    "national action plan",
    "referral guideline",
    "labour migration database",
    "complaints handling manual",
    "skills recognition framework",
    "memorandum of understanding with the destination country",
    "code of conduct for recruitment agencies",
    "gender strategy",
    "reintegration policy",
};
static const char *const azWho[] = {
    "labour officials",         "provincial officers",
    "migrant workers",          "women migrant workers",
    "recruitment agency staff", "commune councillors",
    "labour inspectors",        "returnees",
    "village chiefs",           "students",
};
static const char *const azService[] = {
    "legal aid",
    "pre-departure orientation",
    "skills testing",
    "counselling",
    "referral services",
    "job placement services",
    "financial literacy training",
};
static const char *const azMonth[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};
/* Carried forward instead of a narrative (all caught by the stale rule). */
static const char *const azCarried[] = {
    "No new information.", "See last years comment.", "No update.",
    "As above.",           "no new information",
};
static const double aCarriedW[] = { 5, 3, 2, 1, 1 };

/* ---- a set of folded names: every name, alias and acronym is unique ---- */

typedef struct NameSet {
    char **a;     /* folded names; NULL marks a free slot */
    size_t nSlot; /* a power of two */
    size_t n;
} NameSet;

static uint64_t
name_hash(const char *z)
{
    uint64_t h = 0xcbf29ce484222325uLL; /* FNV-1a */
    for (; *z; z++) {
        h = (h ^ (unsigned char)*z) * 0x100000001b3uLL;
    }
    return h;
}

/* Slot of zFold: where it is, or the free slot where it would go. */
static size_t
name_slot(const NameSet *s, const char *zFold)
{
    size_t i = (size_t)name_hash(zFold) & (s->nSlot - 1);
    while (s->a[i] && strcmp(s->a[i], zFold) != 0) {
        i = (i + 1) & (s->nSlot - 1);
    }
    return i;
}

/* Add z if no name folds like it; returns 1 if added, 0 if taken. */
static int
name_claim(NameSet *s, const char *z)
{
    if (2 * (s->n + 1) > s->nSlot) {
        NameSet t = { xcalloc(s->nSlot ? 2 * s->nSlot : 64, sizeof(char *)),
                      s->nSlot ? 2 * s->nSlot : 64, s->n };
        for (size_t i = 0; i < s->nSlot; i++) {
            if (s->a[i]) {
                t.a[name_slot(&t, s->a[i])] = s->a[i];
            }
        }
        free(s->a);
        *s = t;
    }
    char *zFold = str_fold(z);
    size_t i = name_slot(s, zFold);
    if (s->a[i]) {
        free(zFold);
        return 0;
    }
    s->a[i] = zFold;
    s->n++;
    return 1;
}

static void
name_set_release(NameSet *s)
{
    for (size_t i = 0; i < s->nSlot; i++) {
        free(s->a[i]);
    }
    free(s->a);
    memset(s, 0, sizeof *s);
}

/* ---- the directory -------------------------------------------------------- */

/* Initials of the significant words of z, upper case, at most 6. */
static void
org_initials(const char *z, Buf *b)
{
    size_t nOut = 0;
    const char *p = z;
    while (*p && nOut < 6) {
        while (*p == ' ' || *p == ',') {
            p++;
        }
        const char *w = p;
        while (*p && *p != ' ' && *p != ',') {
            p++;
        }
        size_t n = (size_t)(p - w);
        if (n == 0) {
            break;
        }
        int bSmall = (n == 3 && strncmp(w, "and", 3) == 0) ||
                     (n == 2 && strncmp(w, "of", 2) == 0) ||
                     (n == 3 && strncmp(w, "for", 3) == 0) ||
                     (n == 3 && strncmp(w, "the", 3) == 0) ||
                     (n == 2 && strncmp(w, "on", 2) == 0);
        if (!bSmall && w[0] >= 'A' && w[0] <= 'Z') {
            buf_putc(b, w[0]);
            nOut++;
        }
    }
}

/* One organisation being made: its name, an acronym to try, its parent. */
typedef struct OrgDraft {
    Buf name;
    Buf acronym;
    const char *zParent; /* acronym of an organisation made before */
    const char *zAlias;  /* an alias to try, or NULL */
    Buf alias;
} OrgDraft;

/* Add the draft to m with names unique after folding: a taken name gets
** the next free " (2)", " (3)" ...; a taken acronym a digit. */
static void
org_commit(Model *m, NameSet *set, OrgDraft *d, OrgKind eKind)
{
    Buf name = BUF_INIT, acr = BUF_INIT;
    buf_puts(&name, buf_str(&d->name));
    for (int k = 2; !name_claim(set, buf_str(&name)); k++) {
        buf_reset(&name);
        buf_printf(&name, "%s (%d)", buf_str(&d->name), k);
    }
    buf_puts(&acr, buf_str(&d->acronym));
    for (int k = 2; !name_claim(set, buf_str(&acr)); k++) {
        buf_reset(&acr);
        buf_printf(&acr, "%s%d", buf_str(&d->acronym), k);
    }
    Org *o = model_add_org(m);
    o->zAcronym = buf_detach(&acr);
    o->zName = buf_detach(&name);
    o->eKind = eKind;
    o->zParent = d->zParent ? xstrdup(d->zParent) : NULL;
    if (d->zAlias && name_claim(set, d->zAlias)) {
        strv_push(&o->azAlias, &o->nAlias, d->zAlias);
    }
    buf_reset(&d->name);
    buf_reset(&d->acronym);
    buf_reset(&d->alias);
    d->zParent = NULL;
    d->zAlias = NULL;
}

/* How many organisations of each kind: largest remainders of these
** shares, at least one government body (they are the responsible ones). */
static void
org_kind_counts(long nOrg, long aCount[ORG_KIND_COUNT])
{
    static const double aShare[ORG_KIND_COUNT] = {
        0.36, 0.08, 0.04, 0.28, 0.07, 0.04, 0.10, 0.03,
    };
    long nDone = 0;
    double aRest[ORG_KIND_COUNT];
    for (int k = 0; k < ORG_KIND_COUNT; k++) {
        double x = aShare[k] * (double)nOrg;
        aCount[k] = (long)x;
        aRest[k] = x - (double)aCount[k];
        nDone += aCount[k];
    }
    while (nDone < nOrg) {
        int iBest = 0;
        for (int k = 1; k < ORG_KIND_COUNT; k++) {
            if (aRest[k] > aRest[iBest]) {
                iBest = k;
            }
        }
        aCount[iBest]++;
        aRest[iBest] = -1;
        nDone++;
    }
    if (aCount[ORG_GOVERNMENT] == 0) {
        for (int k = ORG_KIND_COUNT - 1; k > 0; k--) {
            if (aCount[k] > 0) {
                aCount[k]--;
                aCount[ORG_GOVERNMENT]++;
                break;
            }
        }
    }
}

/* The directory: government first (ministries, then their departments
** and provincial departments, which name a ministry as parent), then the
** other kinds in the order of OrgKind. */
static void
sample_orgs(Rng *r, long nOrg, Model *m)
{
    long aCount[ORG_KIND_COUNT];
    org_kind_counts(nOrg, aCount);
    NameSet set = { NULL, 0, 0 };
    OrgDraft d = { BUF_INIT, BUF_INIT, NULL, NULL, BUF_INIT };
    /* Where each list starts, so two seeds give two directories. */
    size_t iOff = (size_t)(rng_next(r) % 1000);
    /* Two thirds ministries at most, so that even a small directory has
    ** departments under a ministry (a parent). */
    long nMinistry = aCount[ORG_GOVERNMENT] * 2 / 3;
    nMinistry = nMinistry < 1                        ? 1
                : nMinistry > (long)N_OF(azMinistry) ? (long)N_OF(azMinistry)
                                                     : nMinistry;
    for (long c = 0; c < aCount[ORG_GOVERNMENT]; c++) {
        if (c < nMinistry) {
            buf_printf(&d.name, "Ministry of %s", azMinistry[c]);
            buf_puts(&d.acronym, "MO");
            org_initials(azMinistry[c], &d.acronym);
            if (rng_unit(r) < 0.4) {
                /* Reviews drop the O: "MLVT" for "MOLVT". */
                buf_putc(&d.alias, 'M');
                org_initials(azMinistry[c], &d.alias);
                d.zAlias = buf_str(&d.alias);
            }
        } else {
            size_t t = (size_t)(c - nMinistry);
            const Org *pMin = &m->aOrg[(t / 2 + iOff) % (size_t)nMinistry];
            const char *zMinName = pMin->zName + strlen("Ministry of ");
            const char *zProv =
                aProvince[(t / 2 + iOff) % N_OF(aProvince)].zName;
            const char *zProvCode =
                aProvince[(t / 2 + iOff) % N_OF(aProvince)].zCode;
            switch (t % 3) {
            case 0: {
                /* Each round of the topics under another title. */
                static const char *const azDept[] = {
                    "Department of",
                    "General Department of",
                    "Directorate of",
                    "Office of",
                };
                static const char *const azDeptAcr[] = { "D", "GD", "DIR",
                                                         "O" };
                size_t iTopic = t / 3 + iOff;
                size_t iDept = iTopic / N_OF(azDeptTopic) % N_OF(azDept);
                const char *zTopic = azDeptTopic[iTopic % N_OF(azDeptTopic)];
                buf_printf(&d.name, "%s %s", azDept[iDept], zTopic);
                buf_puts(&d.acronym, azDeptAcr[iDept]);
                org_initials(zTopic, &d.acronym);
                d.zParent = pMin->zAcronym;
                break;
            }
            case 1:
                buf_printf(&d.name, "Provincial Department of %s, %s", zMinName,
                           zProv);
                buf_puts(&d.acronym, "PD");
                org_initials(zMinName, &d.acronym);
                buf_printf(&d.acronym, "-%s", zProvCode);
                d.zParent = pMin->zAcronym;
                if (rng_unit(r) < 0.3) {
                    /* "PDOLVT Kampot" for "PDLVT-KPT". */
                    buf_puts(&d.alias, "PDO");
                    org_initials(zMinName, &d.alias);
                    buf_printf(&d.alias, " %s", zProv);
                    d.zAlias = buf_str(&d.alias);
                }
                break;
            default: {
                const char *zTopic =
                    azDeptTopic[(t / 3 + iOff + 7) % N_OF(azDeptTopic)];
                buf_printf(&d.name, "%s Provincial Committee for %s", zProv,
                           zTopic);
                buf_puts(&d.acronym, "PC");
                org_initials(zTopic, &d.acronym);
                buf_printf(&d.acronym, "-%s", zProvCode);
                break;
            }
            }
        }
        org_commit(m, &set, &d, ORG_GOVERNMENT);
    }
    for (long c = 0; c < aCount[ORG_DEVELOPMENT_PARTNER]; c++) {
        size_t t = (size_t)c;
        if (t < N_OF(aMultilateral)) {
            buf_puts(&d.name, aMultilateral[t].zName);
            buf_puts(&d.acronym, aMultilateral[t].zAcronym);
        } else {
            t -= N_OF(aMultilateral);
            size_t i = (t / 4 + iOff) % N_OF(aDonor);
            switch (t % 4) {
            case 0:
                buf_printf(&d.name, "%s Agency for Development Cooperation",
                           aDonor[i].zAdjective);
                buf_printf(&d.acronym, "%sDC", aDonor[i].zIso);
                break;
            case 1:
                buf_printf(&d.name, "Embassy of %s", aDonor[i].zCountry);
                buf_printf(&d.acronym, "EMB-%s", aDonor[i].zIso);
                break;
            case 2:
                buf_printf(&d.name, "%s Volunteer Programme",
                           aDonor[i].zAdjective);
                buf_printf(&d.acronym, "%sVP", aDonor[i].zIso);
                break;
            default:
                buf_printf(&d.name, "%s Fund for Decent Work",
                           aDonor[i].zAdjective);
                buf_printf(&d.acronym, "%sFDW", aDonor[i].zIso);
            }
        }
        org_commit(m, &set, &d, ORG_DEVELOPMENT_PARTNER);
    }
    size_t iUn0 = m->nOrg;
    for (long c = 0; c < aCount[ORG_UN_AGENCY]; c++) {
        size_t t = (size_t)c;
        if (t < N_OF(aUn)) {
            buf_puts(&d.name, aUn[t].zName);
            buf_puts(&d.acronym, aUn[t].zAcronym);
        } else {
            /* A project office under its agency. */
            const Org *pAg = &m->aOrg[iUn0 + t % N_OF(aUn)];
            const char *zProv = aProvince[(t + iOff) % N_OF(aProvince)].zName;
            buf_printf(&d.name, "%s project office, %s", pAg->zAcronym, zProv);
            buf_printf(&d.acronym, "%s-%s", pAg->zAcronym,
                       aProvince[(t + iOff) % N_OF(aProvince)].zCode);
            d.zParent = pAg->zAcronym;
        }
        org_commit(m, &set, &d, ORG_UN_AGENCY);
    }
    size_t nNgo = N_OF(azNgoA) * N_OF(azNgoB) * N_OF(azNgoC);
    for (long c = 0; c < aCount[ORG_NGO]; c++) {
        /* 7 is prime to the product of the list sizes: every combination
        ** comes once before any repeats. */
        size_t t = ((size_t)c * 7 + iOff) % nNgo;
        buf_printf(&d.name, "%s %s %s", azNgoA[t % N_OF(azNgoA)],
                   azNgoB[t / N_OF(azNgoA) % N_OF(azNgoB)],
                   azNgoC[t / N_OF(azNgoA) / N_OF(azNgoB)]);
        org_initials(buf_str(&d.name), &d.acronym);
        if (rng_unit(r) < 0.2) {
            /* The acronym written with dots: "L.S.C." */
            for (const char *p = buf_str(&d.acronym); *p; p++) {
                buf_printf(&d.alias, "%c.", *p);
            }
            d.zAlias = buf_str(&d.alias);
        }
        org_commit(m, &set, &d, ORG_NGO);
    }
    for (long c = 0; c < aCount[ORG_TRADE_UNION]; c++) {
        size_t t = (size_t)c + iOff;
        const char *zSector = azSector[t % N_OF(azSector)];
        affix_put(&d.name, &azUnionForm[t / N_OF(azSector) % N_OF(azUnionForm)],
                  zSector);
        org_initials(buf_str(&d.name), &d.acronym);
        org_commit(m, &set, &d, ORG_TRADE_UNION);
    }
    for (long c = 0; c < aCount[ORG_EMPLOYERS]; c++) {
        size_t t = (size_t)c + iOff;
        const char *zSector = azSector[t % N_OF(azSector)];
        affix_put(&d.name,
                  &azEmployerForm[t / N_OF(azSector) % N_OF(azEmployerForm)],
                  zSector);
        org_initials(buf_str(&d.name), &d.acronym);
        org_commit(m, &set, &d, ORG_EMPLOYERS);
    }
    size_t nFirm = N_OF(azFirmA) * N_OF(azFirmB) * N_OF(azFirmC);
    for (long c = 0; c < aCount[ORG_PRIVATE_SECTOR]; c++) {
        size_t t = ((size_t)c * 11 + iOff) % nFirm;
        buf_printf(&d.name, "%s %s %s", azFirmA[t % N_OF(azFirmA)],
                   azFirmB[t / N_OF(azFirmA) % N_OF(azFirmB)],
                   azFirmC[t / N_OF(azFirmA) / N_OF(azFirmB)]);
        org_initials(buf_str(&d.name), &d.acronym);
        if (rng_unit(r) < 0.3) {
            /* Agencies are known by their first word. */
            buf_printf(&d.alias, "%s %s", azFirmA[t % N_OF(azFirmA)],
                       azFirmB[t / N_OF(azFirmA) % N_OF(azFirmB)]);
            d.zAlias = buf_str(&d.alias);
        }
        org_commit(m, &set, &d, ORG_PRIVATE_SECTOR);
    }
    for (long c = 0; c < aCount[ORG_OTHER]; c++) {
        size_t t = (size_t)c + iOff;
        const char *zProv = aProvince[t % N_OF(aProvince)].zName;
        affix_put(&d.name,
                  &azOtherForm[t / N_OF(aProvince) % N_OF(azOtherForm)], zProv);
        org_initials(buf_str(&d.name), &d.acronym);
        buf_printf(&d.acronym, "-%s", aProvince[t % N_OF(aProvince)].zCode);
        org_commit(m, &set, &d, ORG_OTHER);
    }
    buf_release(&d.name);
    buf_release(&d.acronym);
    buf_release(&d.alias);
    name_set_release(&set);
}

/* ---- the plan's tree ------------------------------------------------------ */

static char *str_printf(const char *zFmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *
str_printf(const char *zFmt, ...)
{
    Buf b = BUF_INIT;
    va_list ap;
    va_start(ap, zFmt);
    buf_vprintf(&b, zFmt, ap);
    va_end(ap);
    return buf_detach(&b);
}

static Node *
sample_node(Plan *p, int iLevel, long iParent, char *zCode, char *zText)
{
    Node *n = plan_add_node(p);
    n->zCode = zCode;
    n->iLevel = iLevel;
    n->iParent = iParent;
    n->zText = zText;
    return n;
}

/* Split n items into groups of lo..hi (the last may be smaller); returns
** the number of groups, sizes in a heap array *paSize. */
static long
sample_split(Rng *r, long n, long lo, long hi, long **paSize)
{
    long nGroup = 0, nAlloc = n / lo + 1;
    long *a = xcalloc((size_t)nAlloc, sizeof *a);
    while (n > 0) {
        long k = lo + (long)(rng_next(r) % (uint64_t)(hi - lo + 1));
        a[nGroup++] = k < n ? k : n;
        n -= k;
    }
    *paSize = a;
    return nGroup;
}

/* The activity text of activity number i of nAct: a verb phrase, a place
** and a qualifier; the combinations are walked with a stride prime to
** their number so that texts repeat only in plans larger than it. */
static char *
sample_activity_text(long i, size_t iOff)
{
    size_t nA = N_OF(azActivity), nW = N_OF(azWhere) * N_OF(aProvince),
           nQ = N_OF(azQualifier);
    size_t nComb = nA * nW * nQ;
    size_t t = ((size_t)i * 7919 + iOff) % nComb;
    size_t iW = t / nA % nW;
    Buf b = BUF_INIT;
    buf_printf(&b, "%s ", azActivity[t % nA]);
    affix_put(&b, &azWhere[iW % N_OF(azWhere)],
              aProvince[iW / N_OF(azWhere)].zName);
    buf_printf(&b, "%s", azQualifier[t / nA / nW]);
    if ((size_t)i >= nComb) {
        buf_printf(&b, " (phase %zu)", (size_t)i / nComb + 1);
    }
    buf_putc(&b, '.');
    return buf_detach(&b);
}

/* Areas > sections > goals > activities: goals of 3 to 13 activities,
** sections of 2 to 8 goals, about one area per 500 activities (at most
** 12, as plans have). */
static void
sample_tree(Rng *r, const PlanSampleSize *z, Plan *p)
{
    long *aGoal, *aSection;
    long nGoal = sample_split(r, z->nActivity, 3, 13, &aGoal);
    long nSection = sample_split(r, nGoal, 2, 8, &aSection);
    long nArea = z->nActivity / 500;
    nArea = nArea < 1                    ? 1
            : nArea > (long)N_OF(azArea) ? (long)N_OF(azArea)
                                         : nArea;
    nArea = nArea > nSection ? nSection : nArea;
    size_t iOff = (size_t)(rng_next(r) % 100000);
    long iGoal = 0, iSection = 0, iAct = 0;
    for (long a = 0; a < nArea; a++) {
        long iArea = (long)p->nNode;
        const char *zArea = azArea[a];
        sample_node(p, 0, -1, str_printf("A%ld", a + 1), xstrdup(zArea));
        long sEnd = nSection * (a + 1) / nArea;
        for (; iSection < sEnd; iSection++) {
            long iSec = (long)p->nNode;
            const char *zTheme =
                azSectionTheme[(size_t)(iSection + a) % N_OF(azSectionTheme)];
            char *zT = str_printf("%s %s", zTheme, zArea);
            /* "Services for Governance ..." reads better lower-cased. */
            size_t nTheme = strlen(zTheme) + 1;
            if (zT[nTheme] >= 'A' && zT[nTheme] <= 'Z') {
                zT[nTheme] = (char)(zT[nTheme] - 'A' + 'a');
            }
            sample_node(p, 1, iArea, str_printf("S%ld", iSection + 1), zT);
            long gEnd = iGoal + aSection[iSection];
            for (; iGoal < gEnd; iGoal++) {
                size_t t = (size_t)iGoal + iOff;
                const char *zSubj = azGoalSubject[t % N_OF(azGoalSubject)];
                long iG = (long)p->nNode;
                Node *g = sample_node(
                    p, 2, iSec, str_printf("%ld", iGoal + 1),
                    str_printf("%s %s.", zSubj,
                               azGoalOutcome[t / N_OF(azGoalSubject) %
                                             N_OF(azGoalOutcome)]));
                Buf ind = BUF_INIT;
                char *zLow = xstrdup(zSubj);
                zLow[0] = (char)(zLow[0] - 'A' + 'a');
                affix_put(&ind, &azIndicator[t % N_OF(azIndicator)], zLow);
                free(zLow);
                g->zIndicator = buf_detach(&ind);
                for (long k = 0; k < aGoal[iGoal]; k++, iAct++) {
                    /* One in 200 repeats the activity before it, as plans
                    ** that grew by copy and paste do. */
                    char *zText = k > 0 && rng_next(r) % 200 == 0
                                      ? xstrdup(p->aNode[p->nNode - 1].zText)
                                      : sample_activity_text(iAct, iOff);
                    sample_node(p, 3, iG,
                                str_printf("%ld.%ld", iGoal + 1, k + 1), zText);
                }
            }
        }
    }
    free(aGoal);
    free(aSection);
}

/* ---- links and assessments ----------------------------------------------- */

/* What the activities draw on: the directory split by kind, with the
** ministries (first of the government bodies) drawn most often. */
typedef struct Pools {
    const Model *m;
    size_t *aGov, nGov;     /* indexes of government bodies */
    size_t *aOther, nOther; /* indexes of everyone else */
} Pools;

/* Index in [0, n) drawn with weight falling along the list: steeply
** (u squared) for the government bodies, where the ministries come first
** and lead most activities, gently for the others. */
static size_t
pool_draw(Rng *r, size_t n, int bSteep)
{
    double u = rng_unit(r);
    double x = bSteep ? u * u : u * (1 + u) / 2;
    size_t i = (size_t)(x * (double)n);
    return i < n ? i : n - 1;
}

/* How an organisation is written in the annex: mostly its acronym,
** sometimes an alias or its full name. */
static const char *
org_written(Rng *r, const Org *o)
{
    double u = rng_unit(r);
    if (o->nAlias && u < 0.15) {
        return o->azAlias[0];
    }
    if (u > 0.95) {
        return o->zName;
    }
    return o->zAcronym;
}

/* Link 1-3 responsible and 0-4 contributing bodies, all different;
** aiLink receives their directory indexes (responsible first). */
static void
sample_links(Rng *r, const Pools *pl, size_t iLead, Node *n, size_t *aiLink,
             size_t *pnResp, size_t *pnLink)
{
    static const double aRespW[] = { 55, 33, 12 };
    static const double aContribW[] = { 25, 30, 22, 15, 8 };
    size_t nResp = (size_t)rng_pick(r, aRespW, 3) + 1;
    size_t nContrib = (size_t)rng_pick(r, aContribW, 5);
    size_t nLink = 0;
    for (size_t k = 0; k < nResp + nContrib; k++) {
        size_t iOrg = 0;
        int bFound = 0;
        for (int tries = 0; tries < 8 && !bFound; tries++) {
            int bResp = k < nResp;
            if (k == 0 && rng_unit(r) < 0.7) {
                iOrg = iLead; /* the goal's lead ministry */
            } else if ((bResp && rng_unit(r) < 0.85) || pl->nOther == 0) {
                iOrg = pl->aGov[pool_draw(r, pl->nGov, 1)];
            } else {
                iOrg = pl->aOther[pool_draw(r, pl->nOther, 0)];
            }
            bFound = 1;
            for (size_t j = 0; j < nLink; j++) {
                bFound &= aiLink[j] != iOrg;
            }
        }
        if (!bFound) {
            continue;
        }
        aiLink[nLink++] = iOrg;
        if (k < nResp) {
            strv_push(&n->azResp, &n->nResp,
                      org_written(r, &pl->m->aOrg[iOrg]));
        } else {
            strv_push(&n->azContrib, &n->nContrib,
                      org_written(r, &pl->m->aOrg[iOrg]));
        }
    }
    *pnResp = n->nResp;
    *pnLink = nLink;
}

/* The next rating of an activity: most stay, some improve, a few slip. */
static Rating
sample_rating(Rng *r, Rating prev, int bFirst)
{
    static const Rating aR[] = { RATING_NONE, RATING_NOT_ON_TARGET,
                                 RATING_PROGRESSING, RATING_ON_TARGET };
    static const double aFirst[] = { 8, 20, 57, 15 };
    static const double aFrom[4][4] = {
        /* to: none, not on target, progressing, on target */
        { 20, 20, 50, 10 }, /* from none */
        { 6, 54, 35, 5 },   /* from not on target */
        { 4, 8, 70, 18 },   /* from progressing */
        { 3, 1, 6, 90 },    /* from on target */
    };
    return aR[rng_pick(r, bFirst ? aFirst : aFrom[prev], 4)];
}

static const char *
pick(Rng *r, const char *const *az, size_t n)
{
    return az[rng_next(r) % n];
}

/* Who did the work, as a sentence starts it and as it reads inside one:
** an acronym either way, or "The working group" / "the working group". */
typedef struct SampleVoice {
    const char *zStart, *zMid;
} SampleVoice;

/* The opening sentence for a rating that says something of its own:
** adopted or completed (On Target), not started (Not on Target).  Returns
** 0 and writes nothing for other ratings or, at times, for these. */
static int
sample_opening(Rng *r, Rating e, const SampleVoice *who, const char *zYear,
               Buf *b)
{
    const char *zDoc = pick(r, azDoc, N_OF(azDoc));
    const char *zMonth = pick(r, azMonth, N_OF(azMonth));
    const char *zProv = aProvince[rng_next(r) % N_OF(aProvince)].zName;
    if (e == RATING_ON_TARGET && rng_unit(r) < 0.6) {
        switch (rng_next(r) % 3) {
        case 0:
            buf_printf(b, "The %s was adopted in %s %s.", zDoc, zMonth, zYear);
            break;
        case 1:
            buf_printf(b,
                       "%s completed the %s in %s %s and shared it with "
                       "all provinces.",
                       who->zStart, zDoc, zMonth, zYear);
            break;
        default:
            buf_printf(b,
                       "This activity has been completed; %s held %ld "
                       "follow-up meetings in %s.",
                       who->zMid, 2 + (long)(rng_next(r) % 20), zProv);
        }
        return 1;
    }
    if (e == RATING_NOT_ON_TARGET && rng_unit(r) < 0.7) {
        switch (rng_next(r) % 4) {
        case 0:
            buf_printf(b, "No progress was reported on the %s in %s.", zDoc,
                       zYear);
            break;
        case 1:
            buf_printf(b,
                       "Funding for the %s in %s province has not been "
                       "secured.",
                       zDoc, zProv);
            break;
        case 2:
            buf_printf(b, "%s reported that work on the %s has not started.",
                       who->zStart, zDoc);
            break;
        default:
            buf_printf(b, "No evidence this is occurring in %s province.",
                       zProv);
        }
        return 1;
    }
    return 0;
}

/* Sentence number iKind (0..SAMPLE_N_SENTENCE-1) of the kinds any
** narrative may have: who did what, how many, where.  The numbers and
** names make two narratives alike only when one was copied. */
#define SAMPLE_N_SENTENCE 9

static void
sample_sentence(Rng *r, int iKind, const SampleVoice *who, const char *zOrg2,
                const char *zYear, Buf *b)
{
    long n = 2 + (long)(rng_next(r) % 300);
    long nProv = 2 + (long)(rng_next(r) % 24);
    const char *zDoc = pick(r, azDoc, N_OF(azDoc));
    const char *zWho = pick(r, azWho, N_OF(azWho));
    switch (iKind) {
    case 0:
        buf_printf(b, "%s trained %ld %s on the %s in %s.", who->zStart, n,
                   zWho, zDoc, zYear);
        break;
    case 1:
        buf_printf(b, "%s and %s held %ld consultations with %s on the %s.",
                   who->zStart, zOrg2, n % 40 + 2, zWho, zDoc);
        break;
    case 2:
        buf_printf(b,
                   "A draft %s was prepared by %s in %s and is under "
                   "review.",
                   zDoc, who->zMid, pick(r, azMonth, N_OF(azMonth)));
        break;
    case 3:
        buf_printf(b, "%ld %s received %s through %s.", n * 7, zWho,
                   pick(r, azService, N_OF(azService)), who->zMid);
        break;
    case 4:
        buf_printf(b, "%s disseminated %ld copies of the %s in %ld provinces.",
                   who->zStart, n * 10, zDoc, nProv);
        break;
    case 5:
        buf_printf(b, "Work continued on the %s; %ld provinces have started.",
                   zDoc, nProv);
        break;
    case 6:
        buf_printf(b,
                   "Coordination between %s and %ld provincial departments "
                   "remains a challenge.",
                   who->zMid, nProv);
        break;
    case 7:
        buf_printf(b,
                   "Budget constraints delayed work on the %s in %ld "
                   "provinces.",
                   zDoc, nProv);
        break;
    default:
        buf_printf(b,
                   "%s organised %ld awareness sessions reaching %ld "
                   "people.",
                   who->zStart, n % 60 + 3, n * 37);
    }
}

/* The narrative of an activity in a round: an opening for the rating,
** if any, then different kinds of sentence, one to four in all.  Returns
** a heap string. */
static char *
sample_narrative(Rng *r, const Model *m, const size_t *aiLink, size_t nLink,
                 Rating e, const char *zYear)
{
    /* Mostly the lead body is named; sometimes nobody is. */
    SampleVoice who = { "The working group", "the working group" };
    const char *zOrg2 = "partners";
    if (nLink && rng_unit(r) < 0.85) {
        who.zStart = who.zMid = m->aOrg[aiLink[0]].zAcronym;
    }
    if (nLink > 1) {
        zOrg2 = m->aOrg[aiLink[1 + rng_next(r) % (nLink - 1)]].zAcronym;
    }
    Buf b = BUF_INIT;
    static const double aLenW[] = { 15, 40, 30, 15 };
    int nSentence = rng_pick(r, aLenW, 4) + 1;
    int k = sample_opening(r, e, &who, zYear, &b);
    unsigned bUsed = 0;
    for (; k < nSentence; k++) {
        int iKind = (int)(rng_next(r) % SAMPLE_N_SENTENCE);
        while (bUsed & (1u << iKind)) {
            iKind = (iKind + 1) % SAMPLE_N_SENTENCE;
        }
        bUsed |= 1u << iKind;
        if (b.n) {
            buf_putc(&b, ' ');
        }
        sample_sentence(r, iKind, &who, zOrg2, zYear, &b);
    }
    /* A few narratives say the opposite of the rating, as some in the
    ** 2017 review do; the checks should find them. */
    double u = rng_unit(r);
    if (e == RATING_PROGRESSING && u < 0.01) {
        buf_puts(&b, " No evidence this occurring at provincial level.");
    } else if (e == RATING_NOT_ON_TARGET && u < 0.03) {
        buf_puts(&b, " The first phase was completed.");
    }
    return buf_detach(&b);
}

/* The action point of a round: the activity as worded, reworded, or
** missing from that year's action plan. */
static char *
sample_action(Rng *r, const char *zText, const char *zPrev, int bFirst)
{
    double u = rng_unit(r);
    if (bFirst) {
        return xstrdup(u < 0.85 ? zText : "");
    }
    if (u < 0.65 && zPrev && *zPrev) {
        return xstrdup(zPrev);
    }
    if (u < 0.85) {
        /* "Continue to develop guidelines ..." */
        Buf b = BUF_INIT;
        buf_printf(&b, "Continue to %c%s", zText[0] - 'A' + 'a', zText + 1);
        return buf_detach(&b);
    }
    if (u < 0.93) {
        return xstrdup(zText);
    }
    return xstrdup("");
}

/* Links and assessments of every activity in every round.  Per goal, a
** narrative is drawn for each round that some of its activities share
** (reviews paste one text under several activities). */
static void
sample_assessments(Rng *r, const Model *m, Plan *p)
{
    Pools pl = { m, xcalloc(m->nOrg + 1, sizeof(size_t)), 0,
                 xcalloc(m->nOrg + 1, sizeof(size_t)), 0 };
    for (size_t i = 0; i < m->nOrg; i++) {
        if (m->aOrg[i].eKind == ORG_GOVERNMENT) {
            pl.aGov[pl.nGov++] = i;
        } else {
            pl.aOther[pl.nOther++] = i;
        }
    }
    size_t nRound = p->nRound;
    char **azShared = xcalloc(nRound, sizeof *azShared);
    size_t *aiLink = xcalloc(8, sizeof *aiLink);
    size_t iLead = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        Node *n = &p->aNode[i];
        if (n->iLevel == 2) {
            /* A new goal: its lead ministry and its shared narratives. */
            iLead = pl.aGov[pool_draw(r, pl.nGov, 1)];
            for (size_t k = 0; k < nRound; k++) {
                free(azShared[k]);
                azShared[k] = str_printf(
                    "Under goal %s, %s coordinated the work of %ld agencies; "
                    "progress was discussed at the annual review meeting of %s.",
                    n->zCode, m->aOrg[iLead].zAcronym,
                    3 + (long)(rng_next(r) % 12), p->aRound[k].zCode);
            }
            continue;
        }
        if (n->iLevel != 3) {
            continue;
        }
        size_t nResp, nLink;
        sample_links(r, &pl, iLead, n, aiLink, &nResp, &nLink);
        Rating e = RATING_NONE;
        for (size_t k = 0; k < nRound; k++) {
            const char *zYear = p->aRound[k].zCode;
            e = sample_rating(r, e, k == 0);
            Assessment *a = node_add_assessment(n);
            a->zRound = xstrdup(zYear);
            a->eRating = e;
            a->eState = ASSESS_APPROVED;
            a->zActionPoint = sample_action(
                r, n->zText, k ? n->aAssess[k - 1].zActionPoint : NULL, k == 0);
            double u = rng_unit(r);
            const char *zPrev = k ? n->aAssess[k - 1].zProgress : "";
            if (u < 0.03) {
                a->zProgress = xstrdup("");
            } else if (u < 0.08) {
                a->zProgress = xstrdup(azCarried[rng_pick(r, aCarriedW, 5)]);
            } else if (u < 0.12 && *zPrev) {
                a->zProgress = xstrdup(zPrev); /* copied forward */
            } else if (u < 0.14) {
                a->zProgress = xstrdup(azShared[k]);
            } else {
                a->zProgress = sample_narrative(r, m, aiLink, nLink, e, zYear);
            }
            if (!*a->zActionPoint && !*a->zProgress && e == RATING_NONE) {
                /* All three empty would mean "not in this round". */
                free(a->zActionPoint);
                a->zActionPoint = xstrdup(n->zText);
            }
        }
    }
    for (size_t k = 0; k < nRound; k++) {
        free(azShared[k]);
    }
    free(azShared);
    free(aiLink);
    free(pl.aGov);
    free(pl.aOther);
}

/* ---- the whole ------------------------------------------------------------ */

void
plan_sample_build(const PlanSampleSize *z, Model *m)
{
    assert(z->nActivity >= 1 && z->nActivity <= PLAN_SAMPLE_MAX_ACTIVITIES);
    assert(z->nOrg >= 1 && z->nOrg <= PLAN_SAMPLE_MAX_ORGS);
    assert(z->nRound >= 1 && z->nRound <= PLAN_SAMPLE_MAX_ROUNDS);
    assert(z->nActivity * z->nRound <= PLAN_SAMPLE_MAX_ASSESSMENTS);
    Rng r = { z->seed * 0x2545F4914F6CDD1DuLL + 0x5851F42D4C957F2DuLL };
    sample_orgs(&r, z->nOrg, m);
    Plan *p = model_add_plan(m);
    p->zCode = xstrdup(PLAN_SAMPLE_CODE);
    p->zTitle = str_printf("Synthetic labour migration plan: %ld activities, "
                           "%ld organisations, %ld review rounds (seed %llu)",
                           z->nActivity, z->nOrg, z->nRound,
                           (unsigned long long)z->seed);
    static const char *const azLevel[] = { "area", "section", "goal",
                                           "activity" };
    for (int l = 0; l < 4; l++) {
        p->aLevel[l].zName = xstrdup(azLevel[l]);
        p->aLevel[l].bIndicator = l == 2;
    }
    p->nLevel = 4;
    /* Yearly rounds ending with last year's; all published but the
    ** latest, which is closed (being validated). */
    for (long k = 0; k < z->nRound; k++) {
        long year = 2026 - z->nRound + k;
        Round *rd = plan_add_round(p);
        rd->zCode = str_printf("%ld", year);
        rd->zTitle = str_printf("%ld progress review", year);
        rd->zAsOf = str_printf("%ld-%s", year, k % 2 ? "11-28" : "08-31");
        rd->eState = k + 1 < z->nRound ? ROUND_PUBLISHED : ROUND_CLOSED;
    }
    sample_tree(&r, z, p);
    sample_assessments(&r, m, p);
}

void
plan_sample_write(const PlanSampleSize *z, Buf *pJson, Buf *pCsv)
{
    Model m = MODEL_INIT;
    plan_sample_build(z, &m);
    /* plan.json: the directory and the plan without its nodes, as the
    ** Cambodian sample's plan.json; a view sharing m's memory. */
    Plan view = m.aPlan[0];
    view.aNode = NULL;
    view.nNode = 0;
    Model mv = m;
    mv.aPlan = &view;
    mv.nPlan = 1;
    model_json_write(&mv, pJson);
    annex_csv_write(&m.aPlan[0], NULL, pCsv);
    model_release(&m);
}
