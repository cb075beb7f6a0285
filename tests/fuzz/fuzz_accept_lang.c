/*
** fuzz_accept_lang.c — the Accept-Language header and the language
** cookie (base/i18n.c), read on every request to choose its language.
**
** The server gets both as C strings, so the input is one (up to its first
** NUL).  The answer is always one of our languages or -1, and parsing the
** header never reads past its end.
*/
#include "fuzz.h"
#include "base/i18n.h"

int
LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData)
{
    char *z = fuzz_cstr(aData, nData);
    int e = i18n_lang_accept(z);
    FUZZ_CHECK(e >= -1 && e < I18N_COUNT);
    e = i18n_lang_parse(z);
    FUZZ_CHECK(e >= -1 && e < I18N_COUNT);
    if (e >= 0) {
        /* A code alone is accepted as a header too. */
        FUZZ_CHECK(i18n_lang_accept(i18n_lang_code((I18nLang)e)) == e);
    }
    free(z);
    return 0;
}
