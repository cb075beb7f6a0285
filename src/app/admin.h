/*
** admin.h — the administrator's use cases: accounts and the organisation
** directory.  Each owns its transaction and checks its rules inside it;
** the CLI (`lmpmon user`, `lmpmon org`) and the admin page call these.
*/
#ifndef LMPMON_ADMIN_H
#define LMPMON_ADMIN_H

#include "../store/store.h"

/* Create account zName with role eRole, organisation zOrg (NULL or "" for
** none; a reporter needs one, and it must be in the directory) and the
** password's argon2id string zHash.  The name must be new. */
int admin_user_add(Store *s, const Actor *who, const char *zName, Role eRole,
                   const char *zOrg, const char *zHash, AppErr *err);

/* Disable (bDisabled) or enable account zName; nobody disables their own
** account, so an installation keeps an administrator who can log in.
** Disabling ends the account's sessions. */
int admin_user_set_disabled(Store *s, const Actor *who, const char *zName,
                            int bDisabled, AppErr *err);

/* Replace account zName's password hash and end the account's sessions
** (every browser logged in as zName must log in again). */
int admin_user_set_password(Store *s, const Actor *who, const char *zName,
                            const char *zHash, AppErr *err);

/* A one-time link for account zName to choose a new password, issued by
** an administrator (a user who forgot theirs has nobody else to ask): the
** token (base/secret.h secret_reset_token(), heap) for "/reset/TOKEN",
** valid LIMIT_RESET_SECONDS and until the password changes; *ptUntil its
** end.  The account must exist and be enabled. */
int admin_user_reset_token(Store *s, const Actor *who, const char *zName,
                           char **pzToken, long *ptUntil, AppErr *err);

/* The account a reset token is for, when the token still holds (it
** parses, has not expired, the account exists, is enabled and its
** password has not changed since): 0 and *pzUser (heap); else -1 with
** one message for every reason (APPERR_NOTFOUND), so that a link tells
** nothing but that it no longer works. */
int admin_reset_user(Store *s, const char *zToken, char **pzUser, AppErr *err);

/* Set the password of the account reset token zToken is for to zHash (the
** argon2id string of the new password, made by the caller: hashing is
** slow and is done outside the transaction), if the token still holds
** (admin_reset_user(), checked again inside the transaction); ends the
** account's sessions.  Audited as the account's own change. */
int admin_reset_password(Store *s, const char *zToken, const char *zHash,
                         AppErr *err);

/* Add organisation zAcronym, or correct the name, Khmer name, kind and
** parent of an existing one (its aliases are kept).  zName "" keeps the
** old name (or uses the acronym for a new one); zNameKm "" or NULL keeps
** the old Khmer name (none for a new one); zParent "" or NULL: none. */
int admin_org_save(Store *s, const Actor *who, const char *zAcronym,
                   const char *zName, const char *zNameKm, OrgKind eKind,
                   const char *zParent, AppErr *err);

#endif
