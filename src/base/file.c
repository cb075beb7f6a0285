/*
** file.c — see file.h.
*/
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "file.h"
#include "banned.h"

int
file_is_special(const char *zPath)
{
    struct stat sb;
    return zPath && stat(zPath, &sb) == 0 && !S_ISREG(sb.st_mode);
}

int
file_copy_into(const char *zFrom, const char *zTo)
{
    FILE *in = fopen(zFrom, "rb");
    if (!in) {
        return -1;
    }
    FILE *out = fopen(zTo, "wb");
    if (!out) {
        int e = errno;
        (void)fclose(in);
        errno = e;
        return -1;
    }
    char a[65536];
    size_t n;
    int bOk = 1;
    while (bOk && (n = fread(a, 1, sizeof a, in)) > 0) {
        bOk = fwrite(a, 1, n, out) == n;
    }
    bOk = !ferror(in) && bOk;
    int e = errno;
    (void)fclose(in);
    bOk = fclose(out) == 0 && bOk;
    if (!bOk) {
        errno = e ? e : EIO;
        return -1;
    }
    return 0;
}
