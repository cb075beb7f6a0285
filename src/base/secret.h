/*
** secret.h — passwords, tokens and comparisons, on libsodium.
**
** Passwords are stored only as argon2id strings (crypto_pwhash_str, 64 MiB,
** INTERACTIVE limits).  Hashing is slow on purpose, so at most
** SECRET_MAX_HASHING run at once: a burst of logins waits instead of
** exhausting memory or every server thread.  Session tokens are 32 random
** bytes; the database keeps only their BLAKE2b hash.
*/
#ifndef LMPMON_SECRET_H
#define LMPMON_SECRET_H

#include <stddef.h>

#include "apperr.h"

#define SECRET_MAX_HASHING 2
#define SECRET_TOKEN_CHARS 44 /* base64url of 32 bytes, NUL included */
#define SECRET_HASH_HEX    65 /* 32-byte hash in hex, NUL included */

/* Initialise libsodium once; -1 if it cannot be used. */
int secret_init(void);

/* argon2id string of zPassword into *pzHash (heap; caller frees).
** Refuses passwords shorter than 8 or longer than 1024 bytes. */
int secret_hash_password(const char *zPassword, char **pzHash, AppErr *err);

/* 0 if zPassword matches zHash, -1 otherwise. */
int secret_verify_password(const char *zHash, const char *zPassword);

/* A new random token, base64url without padding, into z. */
void secret_new_token(char z[SECRET_TOKEN_CHARS]);

/* Hex BLAKE2b-256 of zToken into z. */
void secret_hash_token(const char *zToken, char z[SECRET_HASH_HEX]);

/* Password-reset tokens: "U.T.M" — U the account's name in base64url, T
** the end of its validity (seconds since the epoch, decimal), M base64url
** of a BLAKE2b-256 MAC over the name and T, keyed by a hash of the
** account's current password hash.  Nothing is stored: a new password
** changes the key, so a link once used (or issued before the password
** last changed) no longer verifies — one-time by construction — and only
** who can read the password hashes could forge one.  secret_reset_token()
** returns a heap string; secret_reset_parse() gives the account's name
** (heap) and T, -1 when the token is not of this shape (or longer than
** SECRET_RESET_MAX); secret_reset_verify() is 0 when M is right for
** zPwHash, compared in constant time. */
#define SECRET_RESET_MAX 512
char *secret_reset_token(const char *zUser, const char *zPwHash, long tUntil);
int secret_reset_parse(const char *zToken, char **pzUser, long *ptUntil);
int secret_reset_verify(const char *zToken, const char *zPwHash);

/* A valid argon2id string of a random password, made once: checking a
** password against it for an unknown user costs what a real check costs,
** so response time does not tell which user names exist. */
const char *secret_dummy_hash(void);

/* Constant-time comparison of two strings; 1 when equal. */
int secret_equal(const char *a, const char *b);

/* The Content-Security-Policy source of an inline <style> or <script>
** whose text is z: "'sha256-BASE64'" into zOut (at least 56 bytes). */
#define SECRET_CSP_HASH_CHARS 56
void secret_csp_hash(const char *z, char zOut[SECRET_CSP_HASH_CHARS]);

/* A BLAKE2b-256 digest of bytes fed in pieces, for comparing large texts
** (two databases' exports) without holding them: secret_digest_new()
** (allocates), secret_digest_add() any number of times, then
** secret_digest_end() writes the hex digest and frees d. */
typedef struct SecretDigest SecretDigest;
SecretDigest *secret_digest_new(void);
void secret_digest_add(SecretDigest *d, const void *p, size_t n);
void secret_digest_end(SecretDigest *d, char zHex[SECRET_HASH_HEX]);

/* Bytes as text and back (standard base64 with padding): how a
** statement's attachment is kept in a text column.  secret_base64()
** returns a heap string of p[0..n); secret_unbase64() decodes z into a
** heap buffer *pp of *pn bytes (caller frees) and returns 0, or -1 for
** text that is not base64 (nothing allocated). */
char *secret_base64(const void *p, size_t n);
int secret_unbase64(const char *z, unsigned char **pp, size_t *pn);

#endif
