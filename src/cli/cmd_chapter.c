/*
** cmd_chapter.c — 'round chapter' and 'round chapters': the review's
** chapters (core/chapter.h, docs/chapters.md) from the command line.
**
** Saving is app's workflow_save_chapter(), the use case the web's form
** calls; this file only reads the text and prints what happened.
*/
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "term.h"
#include "../base/base.h"
#include "../base/i18n.h"
#include "../app/app.h"
#include "../app/workflow.h"
#include "../io/import.h"
#include "../base/banned.h"

/* The text of file zFile ("-": standard input) into *pz; 0, or -1 with
** err.  Read up to one byte past the chapter's limit, so that the use
** case names the line where a longer text goes over it. */
static int
chapter_read(const char *zFile, char **pz, AppErr *err)
{
    assert(zFile != NULL); /* --file is required (cmd_round_chapter()) */
    size_t n = 0;
    if (strcmp(zFile, "-") == 0) {
        Buf b = BUF_INIT;
        buf_init(&b, LIMIT_CHAPTER_BYTES + 1);
        char chunk[4096];
        size_t k;
        while (!buf_failed(&b) && (k = fread(chunk, 1, sizeof chunk, stdin))) {
            buf_append(&b, chunk, k);
        }
        if (ferror(stdin)) {
            buf_release(&b);
            return apperr_set(err, APPERR_IO,
                              _("cannot read the standard "
                                "input"));
        }
        if (buf_failed(&b)) {
            buf_release(&b);
            return apperr_set(err, APPERR_INPUT,
                              _("the chapter is longer than %u bytes"),
                              LIMIT_CHAPTER_BYTES);
        }
        n = b.n;
        *pz = buf_detach(&b);
    } else if (import_read_file(zFile, pz, &n, err)) {
        return -1;
    }
    if (memchr(*pz, 0, n)) {
        free(*pz);
        *pz = NULL;
        return apperr_set(err, APPERR_INPUT,
                          _("cannot read '%s': it holds a NUL byte, it is not "
                            "a text file"),
                          zFile);
    }
    return 0;
}

/* ** COMMAND: round chapter */
int
cmd_round_chapter(CliCtx *ctx)
{
    const char *zPlan = NULL, *zLang = NULL, *zFile = NULL;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL },
                      { "lang", 1, &zLang, NULL },
                      { "file", 1, &zFile, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    int rc = CLI_OK;
    ChapterKind eKind = CHAPTER_INTRODUCTION;
    int eLang = zLang ? i18n_lang_parse(zLang) : (int)I18N_EN;
    if (nPos != 3 || !zFile) {
        rc = cli_usage_error(ctx, "round chapter CODE KIND [--lang en|km] "
                                  "--file FILE|-");
    } else if (chapter_kind_parse(azPos[2], &eKind)) {
        rc = cli_usage_error(ctx,
                             _("unknown chapter '%s' (introduction, "
                               "methodology, limitations, findings, "
                               "good_practices, challenges, recommendations, "
                               "priorities)"),
                             azPos[2]);
    } else if (eLang < 0) {
        rc = cli_usage_error(ctx, _("unknown language '%s' (en or km)"), zLang);
    }
    if (rc != CLI_OK) {
        free(azPos);
        return rc;
    }
    const char *zRound = azPos[1];
    AppErr err = APPERR_INIT;
    char *zText = NULL;
    if (chapter_read(zFile, &zText, &err)) {
        free(azPos);
        return cli_fail(&err);
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(zText);
        free(azPos);
        return CLI_FAIL;
    }
    Actor who = cli_actor(ctx);
    int bKm = eLang == I18N_KM;
    if (workflow_save_chapter(s, &who, zPlan, zRound, eKind, bKm ? NULL : zText,
                              bKm ? zText : NULL, -1, &err)) {
        rc = cli_fail(&err);
    } else {
        /* TRANSLATORS: %1$s a chapter's heading, %2$s a language, %3$s a
        ** round's code. */
        printf(_("chapter '%s' (%s) of round %s is saved\n"),
               chapter_kind_label(eKind),
               bKm ? _("Khmer text") : _("English text"), zRound);
    }
    store_close(s);
    free(zText);
    free(azPos);
    return rc;
}

/* ** COMMAND: round chapters */
int
cmd_round_chapters(CliCtx *ctx)
{
    const char *zPlan = NULL;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL }, { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    if (nPos != 2) {
        free(azPos);
        return cli_usage_error(ctx, "round chapters CODE");
    }
    const char *zRound = azPos[1];
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(azPos);
        return CLI_FAIL;
    }
    Model m = MODEL_INIT;
    AppErr err = APPERR_INIT;
    const char *azRound[] = { zRound };
    int rc = store_load_rounds(s, zPlan, azRound, 1, 0, &m, &err);
    store_close(s);
    const Plan *p = rc ? NULL : app_plan(&m, zPlan, &err);
    const Round *rd = p ? plan_find_round(p, zRound) : NULL;
    if (p && !rd) {
        apperr_set(&err, APPERR_NOTFOUND, _("no round '%s'"), zRound);
    }
    if (!rd) {
        model_release(&m);
        free(azPos);
        return cli_fail(&err);
    }
    const char *azHead[] = { _("chapter"),      _("key"),
                             _("English text"), _("Khmer text"),
                             _("last saved"),   _("by"),
                             _("version") };
    Table t;
    table_init(&t, 7, azHead);
    for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
        const RoundChapter *c = round_chapter(rd, (ChapterKind)k);
        char zEn[48], zKm[48], zVer[16], zWhen[STR_TIME_LOCAL_BYTES];
        size_t nEn = chapter_word_count(c ? c->zText : NULL);
        size_t nKm = chapter_word_count(c ? c->zTextKm : NULL);
        (void)snprintf(zEn, sizeof zEn, ngettext("%zu word", "%zu words", nEn),
                       nEn);
        (void)snprintf(zKm, sizeof zKm, ngettext("%zu word", "%zu words", nKm),
                       nKm);
        (void)snprintf(zVer, sizeof zVer, "%d", c ? c->iVersion : 0);
        if (c && c->zAt) {
            str_time_local(c->zAt, zWhen, sizeof zWhen);
        }
        const char *azRow[7] = {
            chapter_kind_label((ChapterKind)k),
            chapter_kind_name((ChapterKind)k),
            c && c->zText && *c->zText ? zEn : "-",
            c && c->zTextKm && *c->zTextKm ? zKm : "-",
            c && c->zAt ? zWhen : _("not written"),
            c && c->zBy ? c->zBy : "-",
            zVer,
        };
        table_add(&t, azRow);
    }
    Buf b = BUF_INIT;
    table_render(&t, term_width(), &b);
    table_release(&t);
    (void)fwrite(buf_str(&b), 1, b.n, stdout);
    buf_release(&b);
    model_release(&m);
    free(azPos);
    return CLI_OK;
}
