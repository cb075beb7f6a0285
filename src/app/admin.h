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

/* Add organisation zAcronym, or correct the name, Khmer name, kind and
** parent of an existing one (its aliases are kept).  zName "" keeps the
** old name (or uses the acronym for a new one); zNameKm "" or NULL keeps
** the old Khmer name (none for a new one); zParent "" or NULL: none. */
int admin_org_save(Store *s, const Actor *who, const char *zAcronym,
                   const char *zName, const char *zNameKm, OrgKind eKind,
                   const char *zParent, AppErr *err);

#endif
