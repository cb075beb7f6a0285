/*
** print.c — finding and loading the printing module (print.h says why).
*/
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print.h"
#include "../base/base.h"
#include "../base/banned.h"

#define PRINT_MODULE "lmpmon-print.so"

typedef int (*PrintRenderFn)(const ReviewReport *, Buf *, AppErr *);

/* What the one load found, set once (pthread_once) and read after. */
static struct {
    pthread_once_t once;
    void *pHandle; /* NULL: not loaded */
    PrintRenderFn xPdf, xDocx;
    void (*xRelease)(void);
    char zWhere[PATH_MAX]; /* where it was looked for last */
    char zWhy[512];        /* dlopen()'s or dlsym()'s message */
} g = { PTHREAD_ONCE_INIT, NULL, NULL, NULL, NULL, "", "" };

/* Try zDir/zRel/PRINT_MODULE; 1 when it loaded with its entry points. */
static int
print_try(const char *zDir, const char *zRel)
{
    int n = snprintf(g.zWhere, sizeof g.zWhere, "%s/%s%s", zDir, zRel,
                     PRINT_MODULE);
    if (n < 0 || (size_t)n >= sizeof g.zWhere || access(g.zWhere, F_OK)) {
        return 0;
    }
    void *h = dlopen(g.zWhere, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        (void)snprintf(g.zWhy, sizeof g.zWhy, "%s", dlerror());
        return 0;
    }
    /* POSIX's way from a data pointer to a function pointer. */
    *(void **)&g.xPdf = dlsym(h, "print_review_pdf");
    *(void **)&g.xDocx = dlsym(h, "print_review_docx");
    *(void **)&g.xRelease = dlsym(h, "print_release_fonts");
    if (!g.xPdf || !g.xDocx || !g.xRelease) {
        (void)snprintf(g.zWhy, sizeof g.zWhy, "%s",
                       "its entry points are missing");
        dlclose(h);
        return 0;
    }
    g.pHandle = h;
    return 1;
}

static void
print_load(void)
{
    const char *zEnv = getenv("LMPMON_MODULE_DIR");
    if (zEnv && *zEnv && print_try(zEnv, "")) {
        return;
    }
    char zExe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", zExe, sizeof zExe - 1);
    if (n <= 0) {
        return;
    }
    zExe[n] = '\0';
    char *zSlash = strrchr(zExe, '/');
    if (!zSlash) {
        return;
    }
    *zSlash = '\0';
    if (!print_try(zExe, "")) {
        (void)print_try(zExe, "../lib/lmpmon/");
    }
}

/* Load the module once; 0, or -1 with err saying what is missing. */
static int
print_module(const char *zWhat, AppErr *err)
{
    (void)pthread_once(&g.once, print_load);
    if (g.pHandle) {
        return 0;
    }
    apperr_set(err, APPERR_INTERNAL,
               "cannot write %s: this installation lacks its printing "
               "module (%s, installed beside the lmpmon program or in "
               "../lib/lmpmon/ from it)",
               zWhat, PRINT_MODULE);
    apperr_detail(err, "%s%s%s", g.zWhere, g.zWhy[0] ? ": " : "", g.zWhy);
    return -1;
}

int
review_render_pdf(const ReviewReport *r, Buf *b, AppErr *err)
{
    return print_module("a PDF", err) ? -1 : g.xPdf(r, b, err);
}

int
review_render_docx(const ReviewReport *r, Buf *b, AppErr *err)
{
    return print_module("a Word document", err) ? -1 : g.xDocx(r, b, err);
}

void
review_print_release_fonts(void)
{
    /* Only a loaded module has fonts to release; the once-flag is read
    ** after every drawing thread has stopped (print.h). */
    if (g.pHandle) {
        g.xRelease();
    }
}
