/*
** fuzz_recs_csv.c — the recommendations reader (io/recs_csv.c), what
** 'lmpmon recs import FILE' parses before it looks at the database.
**
** On success every recommendation has a round, a code without '/' and a
** text, a line it was read from, and no two share round and code; on
** failure the message names the file.  The file is released either way,
** as the import does.
*/
#include "fuzz.h"
#include "io/recs_csv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    RecsFile f;
    AppErr err = APPERR_INIT;
    memset(&f, 0, sizeof f);
    if (recs_csv_read("fuzz.csv", (const char *)aData, nData, &f, &err) == 0) {
        const RecSet *s = &f.set;
        for (size_t i = 0; i < s->nRec; i++) {
            const Rec *r = &s->aRec[i];
            FUZZ_CHECK(r->zRound && r->zRound[0] && r->zCode && r->zCode[0]);
            FUZZ_CHECK(strchr(r->zCode, '/') == NULL);
            FUZZ_CHECK(r->zText && r->zText[0]);
            FUZZ_CHECK(f.aiLine[i] >= 2);
            for (size_t j = 0; j < i; j++) {
                FUZZ_CHECK(strcmp(s->aRec[j].zRound, r->zRound) != 0 ||
                           strcmp(s->aRec[j].zCode, r->zCode) != 0);
            }
        }
    } else {
        FUZZ_CHECK(err.code != APPERR_OK && strstr(err.zMsg, "fuzz.csv"));
    }
    recs_file_release(&f);
    return 0;
}
