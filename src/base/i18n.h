/*
** i18n.h — the languages people read lmpmon in: English and Khmer.
**
** Every string a person reads is written in English in the source and
** goes through gettext (glibc's libintl): _("...") where it is used,
** N_("...") where it only sits in a table and is translated when shown,
** ngettext() for counts.  xgettext extracts them into po/lmpmon.pot (the
** CMake target 'pot'); translators fill po/km.po (docs/translate.md);
** msgfmt compiles it into LOCALEDIR/km/LC_MESSAGES/lmpmon.mo.
**
** The command line reads the language of the user's environment (LANG,
** LC_ALL, LC_MESSAGES, LANGUAGE).  The web server serves many languages at
** once: it makes one locale_t per language at start (i18n_init_server)
** and switches the request's thread to the chosen one with i18n_use()
** (uselocale), never setlocale(), which would change every thread.  Only
** messages (LC_MESSAGES) and dates (LC_TIME) follow the language: numbers
** keep the C format everywhere, so files and numbers in pages read alike.
*/
#ifndef LMPMON_I18N_H
#define LMPMON_I18N_H

#include <libintl.h>

#include "apperr.h"

#define I18N_DOMAIN "lmpmon"

/* A string to translate: _ where it is shown, N_ where it is only stored
** (a table of labels; the code showing it calls _() on it). */
#define _(z)  gettext(z)
#define N_(z) z

/* The languages the application is translated into.  I18N_EN is the
** language of the source: it needs no catalogue. */
typedef enum I18nLang { I18N_EN = 0, I18N_KM = 1, I18N_COUNT } I18nLang;

/* The command line: messages and dates in the language of the
** environment (setlocale of LC_MESSAGES and LC_TIME only), the catalogue
** found next to the binary (i18n_localedir).  Never fails: without a
** locale or catalogue the messages stay English. */
void i18n_init_cli(void);

/* The web server: a locale object for every language, made once before
** the server's threads start.  Fails (-1, err naming what to install)
** when a language's locale is not generated on this machine or the
** catalogue of a translated language is not found. */
int i18n_init_server(AppErr *err);

/* The language of a code as people and browsers write it ("km",
** "km-KH", "km_KH.UTF-8", "en", "EN-gb"), or -1 for another. */
int i18n_lang_parse(const char *z);

/* The language an Accept-Language header prefers among ours (the highest
** q, the first of equal ones; "q=0" excludes), or -1 for none of ours. */
int i18n_lang_accept(const char *zHeader);

/* "en", "km". */
const char *i18n_lang_code(I18nLang e);

/* The language's own name, as a speaker of it reads it ("English",
** "ខ្មែរ"): what a language switch shows, never translated. */
const char *i18n_lang_name(I18nLang e);

/* Switch the calling thread to language e (i18n_init_server first);
** returns the language it had, for i18n_use() back at the end of the
** request.  The command line (no i18n_init_server) may switch to English
** and back to its environment's language. */
I18nLang i18n_use(I18nLang e);

/* The calling thread's language (the CLI's: that of the environment). */
I18nLang i18n_current(void);

/* The directory holding the catalogues: $LMPMON_LOCALEDIR, else
** "locale" beside the binary (the build tree), else "../share/locale"
** from the binary's directory (an installed prefix: bin/lmpmon,
** share/locale/km/LC_MESSAGES/lmpmon.mo).  Heap. */
char *i18n_localedir(void);

#endif
