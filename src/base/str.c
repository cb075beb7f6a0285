/*
** str.c — string helpers (see str.h).
*/
#include <errno.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <stdio.h>

#include "str.h"
#include "xalloc.h"
#include "i18n.h"
#include "banned.h"

int
str_eq(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static int
str_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* What str_fold() makes of each byte: 0 for a separator (white space,
** '-', '_'), else the byte lower-cased (ASCII only; UTF-8 bytes stay).
** A table, because the checks fold every narrative of two rounds: a
** national plan's megabytes, where six comparisons per byte showed. */
static unsigned char aFold[256];
static pthread_once_t foldOnce = PTHREAD_ONCE_INIT;

static void
fold_table_init(void)
{
    for (int c = 0; c < 256; c++) {
        aFold[c] = (unsigned char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        if (str_is_space((char)c) || c == '-' || c == '_') {
            aFold[c] = 0;
        }
    }
}

char *
str_fold(const char *z)
{
    (void)pthread_once(&foldOnce, fold_table_init);
    size_t n = strlen(z);
    char *out = xmalloc(n + 1);
    size_t j = 0;
    int pendingSpace = 0;
    const unsigned char *p = (const unsigned char *)z;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = aFold[p[i]];
        if (c == 0) {
            pendingSpace = j > 0;
            continue;
        }
        if (pendingSpace) {
            out[j++] = ' ';
            pendingSpace = 0;
        }
        out[j++] = (char)c;
    }
    out[j] = 0;
    return out;
}

/* Base letters of U+00C0 .. U+017F, lower-cased; '.' drops the character
** (the signs x and ÷). */
static const char zLatinBase[] =
    "aaaaaaaceeeeiiiidnooooo.ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo.ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkk"
    "llllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

char *
str_fold_name(const char *z)
{
    _Static_assert(sizeof zLatinBase == 0x180 - 0xC0 + 1,
                   "one base letter per code point");
    size_t n = strlen(z);
    char *out = xmalloc(n + 1);
    size_t j = 0;
    const unsigned char *p = (const unsigned char *)z;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out[j++] = (char)c;
            } else if (c >= 'A' && c <= 'Z') {
                out[j++] = (char)(c - 'A' + 'a');
            }
            i++;
            continue;
        }
        size_t nSeq = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + nSeq > n) {
            nSeq = n - i;
        }
        unsigned cp = 0;
        if (nSeq == 2) {
            cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
        } else if (nSeq == 3) {
            cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) |
                 (p[i + 2] & 0x3Fu);
        }
        if (cp >= 0xC0 && cp < 0x180) {
            if (zLatinBase[cp - 0xC0] != '.') {
                out[j++] = zLatinBase[cp - 0xC0];
            }
        } else if (!((cp >= 0x80 && cp < 0xC0) ||
                     (cp >= 0x2000 && cp < 0x2070) || cp == 0xFEFF)) {
            memcpy(out + j, p + i, nSeq);
            j += nSeq;
        }
        i += nSeq;
    }
    out[j] = 0;
    return out;
}

int
str_key_index(const char *const *az, int n, const char *z)
{
    for (int i = 0; z && i < n; i++) {
        if (strcmp(z, az[i]) == 0) {
            return i;
        }
    }
    char *f = str_fold(z ? z : "");
    for (char *p = f; *p; p++) {
        if (*p == ' ') {
            *p = '_';
        }
    }
    int found = -1;
    for (int i = 0; i < n && found < 0; i++) {
        if (strcmp(f, az[i]) == 0) {
            found = i;
        }
    }
    free(f);
    return found;
}

char *
str_trim(const char *z)
{
    size_t n = strlen(z);
    size_t i = 0;
    while (i < n && str_is_space(z[i])) {
        i++;
    }
    while (n > i && str_is_space(z[n - 1])) {
        n--;
    }
    return xstrndup(z + i, n - i);
}

size_t
str_distance(const char *a, const char *b, size_t nCap)
{
    size_t na = strlen(a), nb = strlen(b);
    if ((na > nb ? na - nb : nb - na) > nCap) {
        return nCap + 1;
    }
    size_t *row = xcalloc(nb + 1, sizeof *row);
    for (size_t j = 0; j <= nb; j++) {
        row[j] = j;
    }
    size_t result = 0;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        size_t rowMin = row[0];
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v) {
                v = up + 1;
            }
            if (row[j - 1] + 1 < v) {
                v = row[j - 1] + 1;
            }
            row[j] = v;
            diag = up;
            if (v < rowMin) {
                rowMin = v;
            }
        }
        if (rowMin > nCap) {
            free(row);
            return nCap + 1;
        }
    }
    result = row[nb];
    free(row);
    return result > nCap ? nCap + 1 : result;
}

int
str_to_long(const char *z, long lo, long hi, long *pOut)
{
    if (!z || !*z) {
        return -1;
    }
    char *end = NULL;
    errno = 0;
    long v = strtol(z, &end, 10);
    if (errno || *end || v < lo || v > hi) {
        return -1;
    }
    *pOut = v;
    return 0;
}

int
str_month_days(int y, int m)
{
    static const int aDays[12] = { 31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31 };
    int bLeap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && bLeap ? 29 : aDays[m - 1];
}

int
str_is_date(const char *z)
{
    if (!z || strlen(z) != 10 || z[4] != '-' || z[7] != '-') {
        return 0;
    }
    for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (z[i] < '0' || z[i] > '9')) {
            return 0;
        }
    }
    int y = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 +
            (z[3] - '0');
    int m = (z[5] - '0') * 10 + (z[6] - '0');
    int d = (z[8] - '0') * 10 + (z[9] - '0');
    return y >= 1900 && m >= 1 && m <= 12 && d >= 1 &&
           d <= str_month_days(y, m);
}

/* Howard Hinnant's days_from_civil and civil_from_days. */
long
str_civil_days(int yIn, int m, int d)
{
    long y = yIn;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long
str_date_days(const char *z)
{
    return str_civil_days((z[0] - '0') * 1000 + (z[1] - '0') * 100 +
                              (z[2] - '0') * 10 + (z[3] - '0'),
                          (z[5] - '0') * 10 + (z[6] - '0'),
                          (z[8] - '0') * 10 + (z[9] - '0'));
}

void
str_date_from_days(long days, char z[11])
{
    long zd = days + 719468;
    long era = (zd >= 0 ? zd : zd - 146096) / 146097;
    long doe = zd - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    z[0] = (char)('0' + y / 1000 % 10);
    z[1] = (char)('0' + y / 100 % 10);
    z[2] = (char)('0' + y / 10 % 10);
    z[3] = (char)('0' + y % 10);
    z[4] = '-';
    z[5] = (char)('0' + m / 10);
    z[6] = (char)('0' + m % 10);
    z[7] = '-';
    z[8] = (char)('0' + d / 10);
    z[9] = (char)('0' + d % 10);
    z[10] = 0;
}

int
str_parse_utc(const char *z, time_t *pt)
{
    int y, mo, d, h, mi, sec;
    char cZ = 0;
    if (!z ||
        /* NOLINTNEXTLINE(cert-err34-c): fixed widths cannot overflow */
        sscanf(z, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec,
               &cZ) != 7 ||
        cZ != 'Z') {
        return -1;
    }
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    time_t t = timegm(&tm);
    if (t == (time_t)-1) {
        return -1;
    }
    *pt = t;
    return 0;
}

time_t
str_clock_now(void)
{
    time_t t;
    if (str_parse_utc(getenv("LMPMON_NOW"), &t) == 0) {
        return t;
    }
    return time(NULL);
}

void
str_now_utc(char *z, size_t n)
{
    const char *zFixed = getenv("LMPMON_NOW");
    if (zFixed && *zFixed) {
        (void)snprintf(z, n, "%s", zFixed);
        return;
    }
    time_t t = str_clock_now();
    struct tm tm;
    (void)gmtime_r(&t, &tm);
    (void)strftime(z, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
str_today_local(char z[11])
{
    time_t t = str_clock_now();
    struct tm local;
    if (!localtime_r(&t, &local) || strftime(z, 11, "%Y-%m-%d", &local) == 0) {
        (void)snprintf(z, 11, "1970-01-01");
    }
}

void
str_time_local(const char *zIso, char *z, size_t n)
{
    time_t t;
    struct tm local;
    /* TRANSLATORS: a date and time as strftime() writes it (%B is the
    ** month's name in the reader's language, %Z the time zone); keep %H:%M
    ** and %Z. */
    if (str_parse_utc(zIso, &t) || !localtime_r(&t, &local) ||
        strftime(z, n, _("%Y-%m-%d %H:%M %Z"), &local) == 0) {
        (void)snprintf(z, n, "%s", zIso ? zIso : "");
    }
}

void
str_time_local_at(time_t t, char *z, size_t n)
{
    char zIso[32];
    struct tm tm;
    (void)gmtime_r(&t, &tm);
    (void)strftime(zIso, sizeof zIso, "%Y-%m-%dT%H:%M:%SZ", &tm);
    str_time_local(zIso, z, n);
}

void
str_date_format(const char *zIso, int bWords, char *z, size_t n)
{
    if (n == 0) {
        return;
    }
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!zIso || !str_is_date(zIso)) {
        (void)snprintf(z, n, "%s", zIso ? zIso : "");
        return;
    }
    /* A valid date: its digits are where YYYY-MM-DD puts them. */
#define STR_DIGIT(i) (zIso[i] - '0')
    tm.tm_year = STR_DIGIT(0) * 1000 + STR_DIGIT(1) * 100 + STR_DIGIT(2) * 10 +
                 STR_DIGIT(3) - 1900;
    tm.tm_mon = STR_DIGIT(5) * 10 + STR_DIGIT(6) - 1;
    tm.tm_mday = STR_DIGIT(8) * 10 + STR_DIGIT(9);
#undef STR_DIGIT
    tm.tm_hour = 12;
    /* TRANSLATORS: dates as strftime() writes them: "31 January 2019" (%-d
    ** the day without a leading zero, %B the month's name, %Y the year),
    ** and a date on a printed report's cover ("2019-01-31"). */
    if (strftime(z, n, bWords ? _("%-d %B %Y") : _("%Y-%m-%d"), &tm) == 0) {
        (void)snprintf(z, n, "%s", zIso);
    }
}
