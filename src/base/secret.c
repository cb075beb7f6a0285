/*
** secret.c — libsodium wrappers (see secret.h).
*/
#include <pthread.h>
#include <stdio.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "secret.h"
#include "xalloc.h"
#include "banned.h"

static pthread_once_t secretOnce = PTHREAD_ONCE_INIT;
static int secretReady = -1;
/* Bounds concurrent argon2id runs across all threads of the process. */
static sem_t secretHashing;

static void
secret_init_once(void)
{
    if (sodium_init() >= 0 &&
        sem_init(&secretHashing, 0, SECRET_MAX_HASHING) == 0) {
        secretReady = 0;
    }
}

int
secret_init(void)
{
    (void)pthread_once(&secretOnce, secret_init_once);
    return secretReady;
}

int
secret_hash_password(const char *zPassword, char **pzHash, AppErr *err)
{
    size_t n = strlen(zPassword);
    if (n < 8) {
        return apperr_set(err, APPERR_INPUT,
                          "password too short: use at least 8 characters");
    }
    if (n > 1024) {
        return apperr_set(err, APPERR_INPUT, "password longer than 1024 bytes");
    }
    if (secret_init()) {
        return apperr_set(err, APPERR_INTERNAL, "libsodium cannot start");
    }
    char zOut[crypto_pwhash_STRBYTES];
    (void)sem_wait(&secretHashing);
    int rc = crypto_pwhash_str(zOut, zPassword, n,
                               crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    (void)sem_post(&secretHashing);
    if (rc != 0) {
        return apperr_set(err, APPERR_INTERNAL,
                          "out of memory while hashing the password");
    }
    *pzHash = xstrdup(zOut);
    return 0;
}

int
secret_verify_password(const char *zHash, const char *zPassword)
{
    if (secret_init() || !zHash || !zPassword) {
        return -1;
    }
    (void)sem_wait(&secretHashing);
    int rc = crypto_pwhash_str_verify(zHash, zPassword, strlen(zPassword));
    (void)sem_post(&secretHashing);
    return rc == 0 ? 0 : -1;
}

void
secret_new_token(char z[SECRET_TOKEN_CHARS])
{
    unsigned char a[32];
    (void)secret_init();
    randombytes_buf(a, sizeof a);
    (void)sodium_bin2base64(z, SECRET_TOKEN_CHARS, a, sizeof a,
                            sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
secret_hash_token(const char *zToken, char z[SECRET_HASH_HEX])
{
    unsigned char a[32];
    (void)secret_init();
    crypto_generichash(a, sizeof a, (const unsigned char *)zToken,
                       strlen(zToken), NULL, 0);
    (void)sodium_bin2hex(z, SECRET_HASH_HEX, a, sizeof a);
}

/* The MAC of a reset token for zUser until tUntil, keyed by zPwHash. */
static void
secret_reset_mac(const char *zUser, long tUntil, const char *zPwHash,
                 unsigned char mac[32])
{
    unsigned char key[32];
    crypto_generichash(key, sizeof key, (const unsigned char *)zPwHash,
                       strlen(zPwHash), NULL, 0);
    char zMsg[64];
    (void)snprintf(zMsg, sizeof zMsg, "lmpmon-reset:%ld:", tUntil);
    crypto_generichash_state st;
    crypto_generichash_init(&st, key, sizeof key, 32);
    crypto_generichash_update(&st, (const unsigned char *)zMsg, strlen(zMsg));
    crypto_generichash_update(&st, (const unsigned char *)zUser, strlen(zUser));
    crypto_generichash_final(&st, mac, 32);
    sodium_memzero(key, sizeof key);
}

char *
secret_reset_token(const char *zUser, const char *zPwHash, long tUntil)
{
    (void)secret_init();
    size_t nUser = strlen(zUser);
    size_t nB64 = sodium_base64_ENCODED_LEN(
        nUser, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *zName = xmalloc(nB64);
    (void)sodium_bin2base64(zName, nB64, (const unsigned char *)zUser, nUser,
                            sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    unsigned char mac[32];
    secret_reset_mac(zUser, tUntil, zPwHash, mac);
    char zMac[SECRET_TOKEN_CHARS];
    (void)sodium_bin2base64(zMac, sizeof zMac, mac, sizeof mac,
                            sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    size_t n = strlen(zName) + strlen(zMac) + 32;
    char *z = xmalloc(n);
    (void)snprintf(z, n, "%s.%ld.%s", zName, tUntil, zMac);
    free(zName);
    return z;
}

int
secret_reset_parse(const char *zToken, char **pzUser, long *ptUntil)
{
    *pzUser = NULL;
    const char *zDot1 = zToken ? strchr(zToken, '.') : NULL;
    const char *zDot2 = zDot1 ? strchr(zDot1 + 1, '.') : NULL;
    if (!zDot2 || strlen(zToken) > SECRET_RESET_MAX || zDot1 == zToken ||
        strchr(zDot2 + 1, '.')) {
        return -1;
    }
    long t = 0;
    for (const char *p = zDot1 + 1; p < zDot2; p++) {
        if (*p < '0' || *p > '9' || t > 100000000000L) {
            return -1;
        }
        t = t * 10 + (*p - '0');
    }
    (void)secret_init();
    size_t nIn = (size_t)(zDot1 - zToken);
    unsigned char *a = xmalloc(nIn + 1);
    size_t nOut = 0;
    if (zDot2 == zDot1 + 1 ||
        sodium_base642bin(a, nIn, zToken, nIn, NULL, &nOut, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        nOut == 0 || memchr(a, 0, nOut)) {
        free(a);
        return -1;
    }
    a[nOut] = 0;
    *pzUser = (char *)a;
    *ptUntil = t;
    return 0;
}

int
secret_reset_verify(const char *zToken, const char *zPwHash)
{
    char *zUser = NULL;
    long t = 0;
    if (secret_reset_parse(zToken, &zUser, &t)) {
        return -1;
    }
    unsigned char mac[32], got[32];
    secret_reset_mac(zUser, t, zPwHash, mac);
    free(zUser);
    const char *zMac = strrchr(zToken, '.') + 1;
    size_t nGot = 0;
    if (sodium_base642bin(got, sizeof got, zMac, strlen(zMac), NULL, &nGot,
                          NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        nGot != sizeof got) {
        return -1;
    }
    return sodium_memcmp(mac, got, sizeof mac) == 0 ? 0 : -1;
}

static pthread_once_t dummyOnce = PTHREAD_ONCE_INIT;
static char zDummyHash[crypto_pwhash_STRBYTES];

static void
secret_dummy_once(void)
{
    char zPw[SECRET_TOKEN_CHARS];
    secret_new_token(zPw);
    if (crypto_pwhash_str(zDummyHash, zPw, strlen(zPw),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        zDummyHash[0] = 0;
    }
}

const char *
secret_dummy_hash(void)
{
    (void)secret_init();
    (void)pthread_once(&dummyOnce, secret_dummy_once);
    return zDummyHash;
}

int
secret_equal(const char *a, const char *b)
{
    if (!a || !b) {
        return 0;
    }
    size_t n = strlen(a);
    if (n != strlen(b)) {
        return 0;
    }
    return sodium_memcmp(a, b, n) == 0;
}

void
secret_csp_hash(const char *z, char zOut[SECRET_CSP_HASH_CHARS])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    (void)crypto_hash_sha256(h, (const unsigned char *)z, strlen(z));
    char zB64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
                                        sodium_base64_VARIANT_ORIGINAL)];
    (void)sodium_bin2base64(zB64, sizeof zB64, h, sizeof h,
                            sodium_base64_VARIANT_ORIGINAL);
    (void)snprintf(zOut, SECRET_CSP_HASH_CHARS, "'sha256-%s'", zB64);
}

struct SecretDigest {
    crypto_generichash_state st;
};

SecretDigest *
secret_digest_new(void)
{
    (void)secret_init();
    /* The state wants 64-byte alignment, more than malloc() promises. */
    size_t n = (sizeof(SecretDigest) + 63) / 64 * 64;
    SecretDigest *d = aligned_alloc(64, n);
    if (!d) {
        abort(); /* as xmalloc: memory exhausted */
    }
    (void)crypto_generichash_init(&d->st, NULL, 0, 32);
    return d;
}

void
secret_digest_add(SecretDigest *d, const void *p, size_t n)
{
    (void)crypto_generichash_update(&d->st, p, n);
}

void
secret_digest_end(SecretDigest *d, char zHex[SECRET_HASH_HEX])
{
    unsigned char h[32];
    (void)crypto_generichash_final(&d->st, h, sizeof h);
    (void)sodium_bin2hex(zHex, SECRET_HASH_HEX, h, sizeof h);
    free(d);
}

char *
secret_base64(const void *p, size_t n)
{
    size_t nOut = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *z = xmalloc(nOut);
    (void)sodium_bin2base64(z, nOut, p, n, sodium_base64_VARIANT_ORIGINAL);
    return z;
}

int
secret_unbase64(const char *z, unsigned char **pp, size_t *pn)
{
    size_t nz = strlen(z);
    size_t nMax = nz / 4 * 3 + 3;
    unsigned char *p = xmalloc(nMax);
    size_t n = 0;
    if (sodium_base642bin(p, nMax, z, nz, NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        free(p);
        return -1;
    }
    *pp = p;
    *pn = n;
    return 0;
}
