/*
** replay.c — run a harness over its corpus without libFuzzer.
**
**     fuzz_NAME DIR|FILE...
**
** Every regular file of each directory (in name order, so a failure is
** repeatable) and every file named is given once to
** LLVMFuzzerTestOneInput(), in a heap buffer of exactly its size so
** AddressSanitizer sees a read past the end.  A crash, sanitizer report or
** failed FUZZ_CHECK ends the program with the input's name on stderr;
** otherwise it prints how many inputs ran and exits 0.  No input at all
** is a failure: an empty or misnamed corpus must not pass as a test.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Read the whole file zPath; NULL (with a message) when it cannot. */
static uint8_t *
replay_read(const char *zPath, size_t *pn)
{
    FILE *in = fopen(zPath, "rb");
    if (!in) {
        (void)fprintf(stderr, "replay: cannot open '%s': %s\n", zPath,
                      strerror(errno));
        return NULL;
    }
    uint8_t *a = NULL;
    size_t n = 0;
    struct stat sb;
    if (fstat(fileno(in), &sb) == 0 && sb.st_size >= 0) {
        n = (size_t)sb.st_size;
        a = malloc(n ? n : 1);
        if (a && fread(a, 1, n, in) != n) {
            free(a);
            a = NULL;
        }
    }
    (void)fclose(in);
    if (!a) {
        (void)fprintf(stderr, "replay: cannot read '%s'\n", zPath);
    }
    *pn = n;
    return a;
}

/* Run one file; 0, or -1 when it could not be read. */
static int
replay_one(const char *zPath)
{
    size_t n = 0;
    uint8_t *a = replay_read(zPath, &n);
    if (!a) {
        return -1;
    }
    /* Named first, so a crash report can be traced to its input. */
    (void)fprintf(stderr, "replay: %s\n", zPath);
    (void)LLVMFuzzerTestOneInput(a, n);
    free(a);
    return 0;
}

static int
replay_cmp(const void *p, const void *q)
{
    return strcmp(*(char *const *)p, *(char *const *)q);
}

/* Run every regular file of directory zDir; the count, or -1. */
static long
replay_dir(const char *zDir)
{
    DIR *d = opendir(zDir);
    if (!d) {
        (void)fprintf(stderr, "replay: cannot open '%s': %s\n", zDir,
                      strerror(errno));
        return -1;
    }
    char **azName = NULL;
    size_t nName = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char **azNew = realloc(azName, (nName + 1) * sizeof *azName);
        size_t nPath = strlen(zDir) + strlen(e->d_name) + 2;
        char *zPath = malloc(nPath);
        if (!azNew || !zPath) {
            abort();
        }
        azName = azNew;
        (void)snprintf(zPath, nPath, "%s/%s", zDir, e->d_name);
        azName[nName++] = zPath;
    }
    (void)closedir(d);
    if (nName) {
        qsort(azName, nName, sizeof *azName, replay_cmp);
    }
    long nRun = 0;
    for (size_t i = 0; i < nName; i++) {
        struct stat sb;
        if (stat(azName[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
            if (replay_one(azName[i])) {
                nRun = -1;
                break;
            }
            nRun++;
        }
    }
    for (size_t i = 0; i < nName; i++) {
        free(azName[i]);
    }
    free(azName);
    return nRun;
}

int
main(int argc, char **argv)
{
    long nRun = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        long n;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            n = replay_dir(argv[i]);
        } else {
            n = replay_one(argv[i]) ? -1 : 1;
        }
        if (n < 0) {
            return 1;
        }
        nRun += n;
    }
    if (nRun == 0) {
        (void)fprintf(stderr, "replay: no input (usage: %s DIR|FILE...)\n",
                      argv[0]);
        return 1;
    }
    (void)printf("%s: %ld inputs replayed, no failure\n", argv[0], nRun);
    return 0;
}
