/*
** apperr.h — expected failures, reported to the caller.
**
** Functions that can fail for reasons a user can fix (bad input, a missing
** file, a refused database) return a negative value and fill a caller-owned
** AppErr.  Only the cli (and later the web router) prints it or turns it into
** an exit status.  Messages follow git's style: lower-case, no final period,
** failure first, subject quoted.
*/
#ifndef LMPMON_APPERR_H
#define LMPMON_APPERR_H

typedef enum AppErrCode {
    APPERR_OK = 0,
    APPERR_INPUT,     /* the user's data is wrong: fix the file */
    APPERR_NOTFOUND,  /* a named thing does not exist */
    APPERR_CONFLICT,  /* exists already, or changed under us */
    APPERR_FORBIDDEN, /* the actor may not do this (role, organisation) */
    APPERR_IO,        /* file system trouble */
    APPERR_DB,        /* the database refused or failed (detail in zDetail) */
    APPERR_BUSY,      /* another writer held the database too long: retry */
    APPERR_USAGE,     /* wrong command line */
    APPERR_INTERNAL   /* a bug worth reporting */
} AppErrCode;

typedef struct AppErr {
    AppErrCode code;   /* APPERR_OK while nothing failed */
    char zMsg[1024];   /* one line, safe to show to users */
    char zDetail[512]; /* for the log only: engine text, errno; may be "" */
} AppErr;

#define APPERR_INIT                                                            \
 {                                                                             \
  APPERR_OK, { 0 },                                                            \
  {                                                                            \
   0                                                                           \
  }                                                                            \
 }

/* Record a failure: code and printf-formatted message.  Always returns -1
** so callers can write `return apperr_set(err, ...);`.  err may be NULL. */
int apperr_set(AppErr *err, AppErrCode code, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record what the log needs to diagnose the failure already in err (the
** database engine's own text, an errno string).  Users never see it: the
** web router and the CLI write it to the log.  Control characters and
** bytes that are not UTF-8 become '?', so it stays one line.  Returns -1. */
int apperr_detail(AppErr *err, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Put "zPrefix: " before the message already in err (for context such as
** the file name).  Returns -1. */
int apperr_prefix(AppErr *err, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* clang-tidy's analyzer reads one file at a time: without seeing that
** these three always return -1 it follows paths on which a recorded
** failure returned 0, and reports the null pointers of those paths. */
#ifdef __clang_analyzer__
# define apperr_set(...)    (apperr_set(__VA_ARGS__), -1)
# define apperr_detail(...) (apperr_detail(__VA_ARGS__), -1)
# define apperr_prefix(...) (apperr_prefix(__VA_ARGS__), -1)
#endif

#endif
