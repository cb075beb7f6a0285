/*
** admin.c — accounts and organisations (see admin.h).
*/
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "app.h"
#include "../base/base.h"
#include "../core/orgdir.h"
#include "../base/i18n.h"
#include "../base/secret.h"
#include "../base/banned.h"

static int
admin_may(const Actor *who, AppErr *err)
{
    if (who->eRole != ROLE_ADMIN) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only administrators manage "
                            "accounts and organisations"));
    }
    return 0;
}

int
admin_user_add(Store *s, const Actor *who, const char *zName, Role eRole,
               const char *zOrg, const char *zHash, AppErr *err)
{
    if (admin_may(who, err)) {
        return -1;
    }
    if (!*zName || strlen(zName) >= LIMIT_CODE_BYTES) {
        return apperr_set(err, APPERR_INPUT, _("a user name has 1 to %u bytes"),
                          LIMIT_CODE_BYTES - 1);
    }
    /* A case officer without an organisation is allowed (it sees no case
    ** until one is set); a reporter without one could never report. */
    if (eRole == ROLE_REPORTER && (!zOrg || !*zOrg)) {
        return apperr_set(err, APPERR_INPUT,
                          _("a reporter reports for an "
                            "organisation: give its acronym"));
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    User u;
    memset(&u, 0, sizeof u);
    u.zName = xstrdup(zName);
    u.eRole = eRole;
    u.zOrg = zOrg && *zOrg ? xstrdup(zOrg) : NULL;
    u.zHash = xstrdup(zHash);
    u.bMail = 1; /* e-mail, once an address is set (core/notify.h) */
    int rc = store_user_put(s, &u, 1, err);
    user_release(&u);
    return app_end(s, rc, err);
}

/* Read account zName inside the transaction; set its password hash (zHash)
** or else its disabled flag; write.  A new password or a disabled account
** ends the account's sessions in the same transaction: whoever changes a
** password because it leaked means to shut out whoever used it. */
static int
admin_user_change(Store *s, const Actor *who, const char *zName, int bDisabled,
                  const char *zHash, AppErr *err)
{
    if (admin_may(who, err) || app_begin(s, who, err)) {
        return -1;
    }
    User u;
    memset(&u, 0, sizeof u);
    int rc = store_user_get(s, zName, &u, err);
    if (rc == 0) {
        if (zHash) {
            free(u.zHash);
            u.zHash = xstrdup(zHash);
        } else {
            u.bDisabled = bDisabled;
        }
        rc = store_user_put(s, &u, 0, err);
    }
    if (rc == 0 && (zHash || bDisabled)) {
        rc = store_session_delete_user(s, zName, err);
    }
    user_release(&u);
    return app_end(s, rc, err);
}

int
admin_user_set_disabled(Store *s, const Actor *who, const char *zName,
                        int bDisabled, AppErr *err)
{
    if (admin_may(who, err)) {
        return -1;
    }
    if (bDisabled && str_eq(zName, who->zName)) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("you cannot disable your own "
                            "account"));
    }
    return admin_user_change(s, who, zName, bDisabled, NULL, err);
}

int
admin_user_set_password(Store *s, const Actor *who, const char *zName,
                        const char *zHash, AppErr *err)
{
    return admin_user_change(s, who, zName, 0, zHash, err);
}

int
admin_user_reset_token(Store *s, const Actor *who, const char *zName,
                       char **pzToken, long *ptUntil, AppErr *err)
{
    *pzToken = NULL;
    if (admin_may(who, err) || store_begin_read(s, err)) {
        return -1;
    }
    User u;
    memset(&u, 0, sizeof u);
    int rc = store_user_get(s, zName, &u, err);
    store_end_read(s);
    if (rc == 0 && u.bDisabled) {
        rc = apperr_set(err, APPERR_CONFLICT,
                        _("the account '%s' is disabled: enable it first"),
                        zName);
    }
    if (rc == 0) {
        *ptUntil = (long)str_clock_now() + LIMIT_RESET_SECONDS;
        *pzToken = secret_reset_token(u.zName, u.zHash, *ptUntil);
    }
    user_release(&u);
    return rc;
}

/* Inside a transaction: the account token zToken is for, read into *u,
** when the token still holds; else the one message. */
static int
admin_reset_check(Store *s, const char *zToken, User *u, AppErr *err)
{
    char *zUser = NULL;
    long tUntil = 0;
    AppErr ignored = APPERR_INIT;
    int bOk = secret_reset_parse(zToken, &zUser, &tUntil) == 0 &&
              tUntil >= (long)str_clock_now() &&
              store_user_get(s, zUser, u, &ignored) == 0 && !u->bDisabled &&
              secret_reset_verify(zToken, u->zHash) == 0;
    free(zUser);
    if (!bOk) {
        return apperr_set(err, APPERR_NOTFOUND,
                          _("this password link no longer works: it was "
                            "used, it is older than a day, or the password "
                            "was changed since; ask an administrator for a "
                            "new one"));
    }
    return 0;
}

int
admin_reset_user(Store *s, const char *zToken, char **pzUser, AppErr *err)
{
    *pzUser = NULL;
    if (store_begin_read(s, err)) {
        return -1;
    }
    User u;
    memset(&u, 0, sizeof u);
    int rc = admin_reset_check(s, zToken, &u, err);
    store_end_read(s);
    if (rc == 0) {
        *pzUser = xstrdup(u.zName);
    }
    user_release(&u);
    return rc;
}

int
admin_reset_password(Store *s, const char *zToken, const char *zHash,
                     AppErr *err)
{
    char *zUser = NULL;
    long tUntil = 0;
    if (secret_reset_parse(zToken, &zUser, &tUntil)) {
        zUser = xstrdup("?");
    }
    /* The account changes its own password: the audit trail says so. */
    Actor self = { zUser, ROLE_VIEWER, NULL };
    if (app_begin(s, &self, err)) {
        free(zUser);
        return -1;
    }
    User u;
    memset(&u, 0, sizeof u);
    int rc = admin_reset_check(s, zToken, &u, err);
    if (rc == 0) {
        free(u.zHash);
        u.zHash = xstrdup(zHash);
        rc = store_user_put(s, &u, 0, err);
    }
    if (rc == 0) {
        rc = store_session_delete_user(s, u.zName, err);
    }
    user_release(&u);
    rc = app_end(s, rc, err);
    free(zUser);
    return rc;
}

int
admin_org_save(Store *s, const Actor *who, const char *zAcronym,
               const char *zName, const char *zNameKm, OrgKind eKind,
               const char *zParent, AppErr *err)
{
    if (admin_may(who, err)) {
        return -1;
    }
    if (!*zAcronym || strlen(zAcronym) >= LIMIT_CODE_BYTES) {
        return apperr_set(err, APPERR_INPUT, _("an acronym has 1 to %u bytes"),
                          LIMIT_CODE_BYTES - 1);
    }
    if (strlen(zName) > LIMIT_FIELD_BYTES ||
        (zNameKm && strlen(zNameKm) > LIMIT_FIELD_BYTES)) {
        return apperr_set(err, APPERR_INPUT, _("the name is too long"));
    }
    if (app_begin(s, who, err)) {
        return -1;
    }
    /* The directory only: no plan is named "". */
    Model m = MODEL_INIT;
    int rc = store_load(s, "", &m, err);
    if (rc && err->code == APPERR_NOTFOUND) {
        rc = 0;
        err->code = APPERR_OK;
    }
    /* The organisation as the change leaves it, alone in a model of its
    ** own (copies: a model owns its strings). */
    Model upd = MODEL_INIT;
    if (rc == 0) {
        const Org *old = model_find_org(&m, zAcronym);
        Org *o = model_add_org(&upd);
        o->zAcronym = xstrdup(zAcronym);
        o->zName = xstrdup(*zName ? zName : old ? old->zName : zAcronym);
        o->zNameKm = zNameKm && *zNameKm   ? xstrdup(zNameKm)
                     : old && old->zNameKm ? xstrdup(old->zNameKm)
                                           : NULL;
        o->eKind = eKind;
        o->zParent = zParent && *zParent ? xstrdup(zParent) : NULL;
        for (size_t i = 0; old && i < old->nAlias; i++) {
            strv_push(&o->azAlias, &o->nAlias, old->azAlias[i]);
        }
        /* The directory as the change would leave it has no cycle of
        ** parents (the import's rule, in core). */
        size_t iCycle = 0;
        Buf path = BUF_INIT;
        if (orgdir_find_parent_cycle(&m, &upd, &iCycle, &path)) {
            rc = apperr_set(err, APPERR_INPUT,
                            _("%s cannot be part of %s: that "
                              "makes a cycle of parents (%s)"),
                            zAcronym, zParent, buf_str(&path));
        }
        buf_release(&path);
        if (rc == 0) {
            rc = store_org_put(s, o, err);
        }
    }
    model_release(&upd);
    model_release(&m);
    return app_end(s, rc, err);
}
