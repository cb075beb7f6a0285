/*
** cases_sample.h — a synthetic complaints caseload for demos and benchmarks.
*/
#ifndef LMPMON_CASES_SAMPLE_H
#define LMPMON_CASES_SAMPLE_H

#include <stdint.h>

#include "../base/buf.h"

/* Append nCases synthetic cases as cases CSV (docs/formats/cases-csv.md)
** to b.  The same seed gives the same caseload, byte for byte.  The
** proportions follow the ILO TRIANGLE in ASEAN briefing of July-September
** 2019 (seeds/002): LSCW's 67 dispute resolutions (23 women, 44 men, USD
** 84,600 granted), the Kampong Cham MRC's 45 cases (22 women; USD 6,755
** ordered of 11,500 requested) and the Prey Veng MRC's 194 (93 women,
** all resolved); destinations in proportion to the migrant stocks it
** gives (Thailand, Republic of Korea, Malaysia, Japan, Singapore). */
void cases_sample_write(long nCases, uint64_t seed, Buf *b);

#endif
