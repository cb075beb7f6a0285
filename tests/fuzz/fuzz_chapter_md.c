/*
** fuzz_chapter_md.c — the Markdown subset of the review's chapters
** (core/chapter.h md_parse()), which reads what an M&E officer typed:
** either a refusal with a message naming a line, or a tree whose every
** block has valid UTF-8 text that its runs cover exactly, links only to
** http, https and mailto addresses, headings of level 2 or 3.
*/
#include "fuzz.h"
#include "base/utf8.h"
#include "core/chapter.h"

#include <strings.h>

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    char *z = fuzz_cstr(aData, nData);
    MdDoc d;
    AppErr err = APPERR_INIT;
    if (md_parse(z, &d, &err)) {
        FUZZ_CHECK(d.nBlock == 0);
        FUZZ_CHECK(strncmp(err.zMsg, "line ", 5) == 0 ||
                   strstr(err.zMsg, "longer than"));
    }
    for (size_t i = 0; i < d.nBlock; i++) {
        const MdBlock *b = &d.aBlock[i];
        size_t n = strlen(b->zText), at = 0;
        FUZZ_CHECK(n > 0);
        FUZZ_CHECK(utf8_invalid_at(b->zText, n) < 0);
        FUZZ_CHECK(b->e != MD_HEADING || b->iLevel == 2 || b->iLevel == 3);
        for (size_t k = 0; k < b->nRun; k++) {
            const MdRun *r = &b->aRun[k];
            FUZZ_CHECK(r->i == at && r->n > 0);
            at += r->n;
            FUZZ_CHECK(!(r->fl & MD_RUN_LINK) ||
                       strncasecmp(r->zHref, "http://", 7) == 0 ||
                       strncasecmp(r->zHref, "https://", 8) == 0 ||
                       strncasecmp(r->zHref, "mailto:", 7) == 0);
        }
        FUZZ_CHECK(at == n);
    }
    md_doc_release(&d);
    free(z);
    return 0;
}
