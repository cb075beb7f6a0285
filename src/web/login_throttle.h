/*
** login_throttle.h — how fast anyone may guess passwords.
**
** Every failed login counts against the client's address and against the
** user name tried.  The first LIMIT_LOGIN_FREE_FAILURES of each cost
** nothing (typos); each later one opens a back-off window of 1, 2, 4 ...
** seconds (at most LIMIT_LOGIN_BACKOFF_MAX_SECONDS) in which every login
** from that address, or for that name, is refused at once, without
** looking at the password: page_auth.c answers 429 with Retry-After.
** Nothing here sleeps: a handler that waits holds one of the server's few
** threads, and eight failing logins in parallel would stall every user.
**
** Failures are forgotten only with time (LIMIT_LOGIN_FORGET_SECONDS
** without a new one).  A successful login forgets nothing: otherwise
** whoever has one account could log in with it between guesses and guess
** at everyone else's at full speed from the same address.
**
** An address may also have at most LIMIT_LOGIN_CONCURRENT_PER_CLIENT
** logins being checked at once, so it cannot run many guesses in parallel
** before the first failures open a window (or take every password-hashing
** slot, base/secret.c).
**
** The state is one table for the process (LIMIT_LOGIN_THROTTLE_KEYS
** addresses and names; the longest quiet one gives way), behind a mutex.
** Time is passed in, in milliseconds of a monotonic clock, so
** tests/unit/test_login_throttle.c can play it.
*/
#ifndef LMPMON_LOGIN_THROTTLE_H
#define LMPMON_LOGIN_THROTTLE_H

/* The answer to a login attempt. */
typedef enum LoginVerdict {
    LOGIN_GO = 0,       /* check the password, then login_throttle_end() */
    LOGIN_WAIT_ADDRESS, /* the address is in its back-off window */
    LOGIN_WAIT_USER,    /* the user name is in its back-off window */
    LOGIN_WAIT_BUSY     /* the address has logins being checked already */
} LoginVerdict;

/* May a login for user name zUser from client address zAddr be checked
** now (msNow)?  LOGIN_GO counts it as running from zAddr until
** login_throttle_end(); any other verdict sets *pnWaitSeconds (at least
** 1) to the seconds after which to try again, for Retry-After.  zUser may
** be anything the client sent; only its first 64 bytes count. */
LoginVerdict login_throttle_begin(const char *zAddr, const char *zUser,
                                  long long msNow, int *pnWaitSeconds);

/* The attempt that login_throttle_begin() let go has ended: it failed
** (bFailed: counts against zAddr and zUser, and may open their windows)
** or succeeded (counts nothing, forgets nothing).  Call exactly once per
** LOGIN_GO, with the same zAddr and zUser.  Returns the seconds of the
** longer window the failure opened (0: none), for the log. */
int login_throttle_end(const char *zAddr, const char *zUser, int bFailed,
                       long long msNow);

/* Milliseconds of the monotonic clock: msNow for the calls above. */
long long login_throttle_now(void);

#endif
