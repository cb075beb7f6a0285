/*
** cases_sample.c — the synthetic caseload generator (see cases_sample.h).
**
** splitmix64 (sample_rng.h) drives every draw, so the output depends only
** on the seed and the count.  Each case first picks its assisting body (one of the three
** the briefing describes, in their proportions), which sets the channel,
** the province, the share of women, the chance of resolution and the
** compensation scale; the rest is drawn from shares stated below.
*/
#include <string.h>

#include "cases_sample.h"
#include "cases_csv.h"
#include "sample_rng.h"
#include "csv.h"
#include "../base/base.h"
#include "../core/cases.h"
#include "../base/banned.h"

/* The assisting bodies of the briefing. */
static const struct {
    const char *zOrg, *zChannel;
    const char *azProvince[3];
    double aProvinceW[3];
    double weight;      /* cases in the briefing */
    double women;       /* share of women */
    double resolved;    /* share reaching resolution */
    double requestMean; /* USD requested per case */
    double orderShare;  /* ordered / requested */
} aBody[] = {
    { "LSCW",
      "ngo",
      { "Phnom Penh", "Battambang", "Banteay Meanchey" },
      { 0.4, 0.3, 0.3 },
      67,
      23.0 / 67,
      0.80,
      1900,
      0.665 },
    { "MRC",
      "mrc",
      { "Kampong Cham", "Kampong Cham", "Kampong Cham" },
      { 1, 0, 0 },
      45,
      22.0 / 45,
      0.75,
      11500.0 / 45,
      6755.0 / 11500 },
    { "MRC",
      "mrc",
      { "Prey Veng", "Prey Veng", "Prey Veng" },
      { 1, 0, 0 },
      194,
      93.0 / 194,
      0.97,
      300,
      0.6 },
};

/* Migrant stocks by destination (seeds/002): Thailand MOU + verified +
** seasonal + one-stop, Malaysia, Korea, Japan, Singapore; share of women. */
static const char *const azDest[] = { "Thailand", "Republic of Korea",
                                      "Malaysia", "Japan", "Singapore" };
static const double aDestW[] = { 713318, 43571, 5995, 2383, 400 };
static const double aDestWomen[] = { 0.43, 0.19, 0.77, 0.61, 1.0 };

static const char *const azAge[] = { "18-24", "25-34", "35-44", "45+" };
static const double aAgeW[] = { 35, 40, 18, 7 };
static const char *const azSector[] = { "agriculture",   "construction",
                                        "manufacturing", "fishing",
                                        "domestic work", "services" };
static const double aSectorW[] = { 30, 30, 20, 8, 7, 5 };
static const char *const azAgency[] = { "",         "",         "Agency A",
                                        "Agency B", "Agency C", "Agency D" };
/* Chance of each complaint type (several may apply). */
static const double aTypeP[TYPE_COUNT] = { 0.55, 0.30, 0.15, 0.08,
                                           0.05, 0.01, 0.05 };

void
cases_sample_write(long nCases, uint64_t seed, Buf *b)
{
    Rng r = { seed * 0x2545F4914F6CDD1DuLL + 1 };
    for (int k = 0; azCaseColumn[k]; k++) {
        buf_printf(b, "%s%s", k ? "," : "", azCaseColumn[k]);
    }
    buf_puts(b, "\r\n");
    double aBodyW[3] = { aBody[0].weight, aBody[1].weight, aBody[2].weight };
    /* The briefing's period: April 2017 to July 2019. */
    const long dayFrom = 17257; /* 2017-04-01 */
    const long daySpan = 852;   /* to 2019-07-31 */
    for (long i = 0; i < nCases; i++) {
        int iBody = rng_pick(&r, aBodyW, 3);
        int iDest = rng_pick(&r, aDestW, 5);
        double women = (aBody[iBody].women + aDestWomen[iDest]) / 2;
        const char *zSex = rng_unit(&r) < women ? "female" : "male";
        if (iDest == 4) {
            zSex = "female"; /* Singapore: women only in the briefing */
        }
        char zLodged[11], zResolved[11] = "";
        long lodged = dayFrom + (long)(rng_unit(&r) * (double)daySpan);
        str_date_from_days(lodged, zLodged);
        const char *zStage;
        double u = rng_unit(&r);
        double res = aBody[iBody].resolved;
        if (u < res) {
            zStage = "resolved";
        } else if (u < res + (1 - res) * 0.3) {
            zStage = "conciliation";
        } else if (u < res + (1 - res) * 0.5) {
            zStage = "court";
        } else if (u < res + (1 - res) * 0.7) {
            zStage = "withdrawn";
        } else if (u < res + (1 - res) * 0.85) {
            zStage = "closed_unresolved";
        } else {
            zStage = "lodged";
        }
        if (strcmp(zStage, "lodged") != 0 &&
            strcmp(zStage, "conciliation") != 0) {
            /* Days to the final stage: mostly weeks, a long tail. */
            double x = rng_unit(&r);
            long days = (long)(10 + 170 * x * x * (0.5 + rng_unit(&r)));
            str_date_from_days(lodged + days, zResolved);
        }
        int bResolved = strcmp(zStage, "resolved") == 0;
        const char *zSatisfied = "unknown";
        if (bResolved) {
            double s = rng_unit(&r);
            zSatisfied = s < 0.70 ? "yes" : s < 0.90 ? "no" : "unknown";
        }
        int64_t requested = (int64_t)(aBody[iBody].requestMean * 100 *
                                      (0.3 + 1.4 * rng_unit(&r)));
        int64_t ordered =
            bResolved ? (int64_t)((double)requested * aBody[iBody].orderShare *
                                  (0.6 + 0.8 * rng_unit(&r)))
                      : 0;
        if (ordered > requested) {
            ordered = requested;
        }
        double p = rng_unit(&r);
        /* Whether awarded compensation is received is what the 2017 review
        ** could not tell: half paid in full, a quarter in part, a quarter
        ** not at all. */
        int64_t paid = p < 0.5 ? ordered : p < 0.75 ? ordered / 2 : 0;
        Buf types = BUF_INIT;
        for (int t = 0; t < TYPE_COUNT; t++) {
            if (rng_unit(&r) < aTypeP[t]) {
                buf_printf(&types, "%s%s", types.n ? "; " : "",
                           case_type_name((CaseType)t));
            }
        }
        if (types.n == 0) {
            buf_puts(&types, "unpaid_wages");
        }
        const char *zProvince =
            aBody[iBody].azProvince[rng_pick(&r, aBody[iBody].aProvinceW, 3)];
        const char *zLegal = rng_unit(&r) < 0.55 ? "irregular" : "regular";
        /* case_no,lodged_on,resolved_on,sex,legal_status,destination,
        ** province,assisting_org,satisfied,requested,ordered,paid,currency,
        ** channel,age_band,sector,recruitment_agency,complaint_types,stage,
        ** outcome */
        buf_printf(b, "C-%08ld,%s,%s,%s,%s,", i + 1, zLodged, zResolved, zSex,
                   zLegal);
        csv_write_field(b, azDest[iDest]);
        buf_putc(b, ',');
        csv_write_field(b, zProvince);
        buf_printf(b, ",%s,%s,", aBody[iBody].zOrg, zSatisfied);
        case_amount_format(b, requested);
        buf_putc(b, ',');
        case_amount_format(b, ordered);
        buf_putc(b, ',');
        case_amount_format(b, paid);
        buf_printf(b, ",USD,%s,%s,", aBody[iBody].zChannel,
                   azAge[rng_pick(&r, aAgeW, 4)]);
        csv_write_field(b, azSector[rng_pick(&r, aSectorW, 6)]);
        buf_putc(b, ',');
        csv_write_field(b, azAgency[(int)(rng_unit(&r) * 6)]);
        buf_putc(b, ',');
        csv_write_field(b, buf_str(&types));
        buf_printf(b, ",%s,%s\r\n", zStage,
                   bResolved ? (ordered ? "compensation ordered"
                                        : "settled without compensation")
                             : "");
        buf_release(&types);
    }
}
