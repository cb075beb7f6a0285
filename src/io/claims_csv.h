/*
** claims_csv.h — reading a claims file (docs/formats/claims-csv.md).
*/
#ifndef LMPMON_CLAIMS_CSV_H
#define LMPMON_CLAIMS_CSV_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../core/claims.h"

/* Parse z[0..n) named zFile into a heap array of claims (*paOut, *pnOut;
** free each with claim_release() and the array with free()).  Returns 0 or
** -1 with err naming file, line, column and field. */
int claims_csv_read(const char *zFile, const char *z, size_t n, Claim **paOut,
                    size_t *pnOut, AppErr *err);

#endif
