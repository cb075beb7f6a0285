/*
** apperr.c — filling AppErr (see apperr.h).
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "apperr.h"
#include "utf8.h"
#include "banned.h"

/* The definitions themselves, not apperr.h's note to the analyzer. */
#undef apperr_set
#undef apperr_detail
#undef apperr_prefix

int
apperr_set(AppErr *err, AppErrCode code, const char *zFmt, ...)
{
    if (!err) {
        return -1;
    }
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(err->zMsg, sizeof err->zMsg, zFmt, ap);
    va_end(ap);
    err->code = code;
    err->zDetail[0] = 0;
    return -1;
}

/* Replace control characters and bytes that are not UTF-8 in z by '?':
** a detail can quote the engine quoting a damaged file (its schema text,
** raw bytes), and a log line must stay one readable line. */
static void
apperr_make_printable(char *z)
{
    size_t n = strlen(z), i = 0;
    while (i < n) {
        long bad = utf8_invalid_at(z + i, n - i);
        size_t end = bad < 0 ? n : i + (size_t)bad;
        for (size_t k = i; k < end; k++) {
            if ((unsigned char)z[k] < 0x20 || z[k] == 0x7f) {
                z[k] = '?';
            }
        }
        if (bad < 0) {
            break;
        }
        z[end] = '?';
        i = end + 1;
    }
}

int
apperr_detail(AppErr *err, const char *zFmt, ...)
{
    if (!err) {
        return -1;
    }
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(err->zDetail, sizeof err->zDetail, zFmt, ap);
    va_end(ap);
    apperr_make_printable(err->zDetail);
    return -1;
}

int
apperr_prefix(AppErr *err, const char *zFmt, ...)
{
    if (!err) {
        return -1;
    }
    char zPre[512];
    char zOld[sizeof err->zMsg];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zPre, sizeof zPre, zFmt, ap);
    va_end(ap);
    memcpy(zOld, err->zMsg, sizeof zOld);
    /* Truncation is acceptable: the message stays one readable line. */
    size_t nPre = strnlen(zPre, sizeof zPre);
    size_t nRoom = sizeof err->zMsg - 1;
    size_t k = nPre < nRoom ? nPre : nRoom;
    memcpy(err->zMsg, zPre, k);
    if (k + 2 <= nRoom) {
        memcpy(err->zMsg + k, ": ", 2);
        k += 2;
    }
    size_t nOld = strnlen(zOld, sizeof zOld);
    size_t nCopy = nOld < nRoom - k ? nOld : nRoom - k;
    memcpy(err->zMsg + k, zOld, nCopy);
    err->zMsg[k + nCopy] = 0;
    return -1;
}
