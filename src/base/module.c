/*
** module.c — finding and loading the program's modules (module.h says
** why).
*/
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "module.h"
#include "banned.h"

/* Try zDir/zRel/m->zFile; 1 when it loaded with all its entry points. */
static int
module_try(Module *m, const char *zDir, const char *zRel)
{
    int n =
        snprintf(m->zWhere, sizeof m->zWhere, "%s/%s%s", zDir, zRel, m->zFile);
    if (n < 0 || (size_t)n >= sizeof m->zWhere || access(m->zWhere, F_OK)) {
        return 0;
    }
    void *h = dlopen(m->zWhere, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        (void)snprintf(m->zWhy, sizeof m->zWhy, "%s", dlerror());
        return 0;
    }
    for (size_t i = 0; m->azEntry[i]; i++) {
        m->apEntry[i] = dlsym(h, m->azEntry[i]);
        if (!m->apEntry[i]) {
            (void)snprintf(m->zWhy, sizeof m->zWhy,
                           "its entry point %s is missing", m->azEntry[i]);
            dlclose(h);
            return 0;
        }
    }
    m->pHandle = h;
    return 1;
}

static void
module_find(Module *m)
{
    const char *zEnv = getenv("LMPMON_MODULE_DIR");
    if (zEnv && *zEnv && module_try(m, zEnv, "")) {
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
    if (!module_try(m, zExe, "")) {
        (void)module_try(m, zExe, "../lib/lmpmon/");
    }
}

int
module_load(Module *m, const char *zWhat, AppErr *err)
{
    (void)pthread_mutex_lock(&m->mutex);
    if (!m->bTried) {
        module_find(m);
        m->bTried = 1;
    }
    int bLoaded = m->pHandle != NULL;
    (void)pthread_mutex_unlock(&m->mutex);
    if (bLoaded) {
        return 0;
    }
    apperr_set(err, APPERR_INTERNAL,
               "cannot %s: this installation lacks its %s (%s, installed "
               "beside the lmpmon program or in ../lib/lmpmon/ from it)",
               zWhat, m->zLabel, m->zFile);
    apperr_detail(err, "%s%s%s", m->zWhere, m->zWhy[0] ? ": " : "", m->zWhy);
    return -1;
}

int
module_loaded(Module *m)
{
    (void)pthread_mutex_lock(&m->mutex);
    int b = m->pHandle != NULL;
    (void)pthread_mutex_unlock(&m->mutex);
    return b;
}
