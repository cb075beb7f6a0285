/*
** module.h — the program's optional parts, loaded on first use.
**
** Some of lmpmon's work needs big libraries that most commands never use:
** drawing PDF and Word files (Pango, cairo, fontconfig: some thirty shared
** libraries) and talking to PostgreSQL (libpq with its TLS, Kerberos and
** LDAP: a dozen).  Linked into the program, every command loaded them all
** at start — most of a short command's time.  So each is a module, a
** shared object of its own (lmpmon-print.so, lmpmon-pg.so), opened with
** dlopen() the first time it is needed.  A module calls the program's
** own functions, which the program exports.
**
** A module is looked for in $LMPMON_MODULE_DIR, then beside the program
** (the build tree), then in ../lib/lmpmon/ from it (an installed prefix:
** cmake --install).  Without it everything else works, and what needs it
** says which file is missing.
*/
#ifndef LMPMON_MODULE_H
#define LMPMON_MODULE_H

#include <limits.h>
#include <pthread.h>

#include "apperr.h"

typedef struct Module {
    const char *zFile;          /* "lmpmon-pg.so" */
    const char *zLabel;         /* "PostgreSQL module" */
    const char *const *azEntry; /* its entry points, NULL-ended */
    void **apEntry;             /* their addresses once loaded */
    pthread_mutex_t mutex;      /* one load, from any thread */
    int bTried;                 /* looked for already */
    void *pHandle;              /* NULL: not loaded */
    char zWhere[PATH_MAX];      /* where it was looked for last */
    char zWhy[512];             /* dlopen()'s message, if any */
} Module;

/* clang-format off */
#define MODULE_INIT(FILE, LABEL, ENTRIES, ADDRESSES) \
    { FILE, LABEL, ENTRIES, ADDRESSES, PTHREAD_MUTEX_INITIALIZER, 0, NULL, \
      "", "" }
/* clang-format on */

/* Load m once (later calls answer from the first): 0 when it is loaded
** with every entry point (m->apEntry[i] the address of azEntry[i]),
** else -1 with err saying "cannot <zWhat>: this installation lacks its
** <label> (<file>, installed beside the lmpmon program ...)"
** (where it was looked for, and why it failed, go to the detail). */
int module_load(Module *m, const char *zWhat, AppErr *err);

/* Whether m was loaded (without trying to). */
int module_loaded(Module *m);

#endif
