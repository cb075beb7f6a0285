/*
** rules.c — the workflow's rules (see rules.h).
*/
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "../base/base.h"
#include "attach.h"
#include "../base/utf8.h"
#include "../base/i18n.h"
#include "../base/banned.h"

const RoundMove aRoundMove[] = {
    { ROUND_DRAFT, ROUND_OPEN, N_("open"), N_("Open"), NULL },
    { ROUND_OPEN, ROUND_CLOSED, N_("close"), N_("Close"),
      N_("Closing ends collection: reporters can no longer save or submit "
         "statements. It can be reopened while it is not published.") },
    { ROUND_CLOSED, ROUND_OPEN, N_("reopen"), N_("Reopen"), NULL },
    { ROUND_CLOSED, ROUND_PUBLISHED, N_("publish"), N_("Publish"),
      N_("Publishing locks the round: nobody can change its ratings, "
         "narratives or statements afterwards, and its report is shown to "
         "everyone who may read published rounds. Only an administrator can "
         "reopen it, for a correction that the report will then show.") },
    /* rules_round_may_correct(): an administrator's, with a reason. */
    { ROUND_PUBLISHED, ROUND_CLOSED, N_("reopen for a correction"),
      N_("Reopen for a correction"),
      N_("The round goes back to closed: the M&E officer can correct its "
         "ratings and narratives, and publishes it again. Its report then "
         "says it was amended after publication, when, by whom and why.") },
};
const size_t nRoundMove = sizeof aRoundMove / sizeof aRoundMove[0];

const RoundMove *
rules_round_move(RoundState eFrom, RoundState eTo)
{
    for (size_t i = 0; i < nRoundMove; i++) {
        if (aRoundMove[i].eFrom == eFrom && aRoundMove[i].eTo == eTo) {
            return &aRoundMove[i];
        }
    }
    return NULL;
}

int
rules_is_editor(const Actor *who)
{
    return who->eRole == ROLE_ADMIN || who->eRole == ROLE_ME_OFFICER;
}

int
rules_sees_small_cells(const Actor *who)
{
    return rules_is_editor(who) || who->eRole == ROLE_CASE_OFFICER;
}

int
rules_translation_may(const Actor *who, const char *zStored, const char *zWas,
                      const char *zNew, AppErr *err)
{
    if (!rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and administrators edit the "
                            "Khmer texts"));
    }
    size_t n = zNew ? strlen(zNew) : 0;
    if (n > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the Khmer text is too long: at most %u bytes"),
                          (unsigned)LIMIT_FIELD_BYTES);
    }
    if (n && utf8_invalid_at(zNew, n) >= 0) {
        return apperr_set(err, APPERR_INPUT,
                          _("the Khmer text is not valid UTF-8"));
    }
    if (!str_eq(zStored ? zStored : "", zWas ? zWas : "")) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("someone changed this Khmer text since you "
                            "opened the page, and nothing was saved: it now "
                            "reads \xE2\x80\x9C%s\xE2\x80\x9D"),
                          zStored && *zStored ? zStored : _("(none)"));
    }
    return 0;
}

int
rules_plan_may_succeed(const Actor *who, const char *zFrom, const char *zCode,
                       int bExists, AppErr *err)
{
    if (!rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and administrators create "
                            "plans"));
    }
    if (!zCode || !*zCode) {
        return apperr_set(err, APPERR_INPUT, _("the new plan needs a code"));
    }
    if (strlen(zCode) >= LIMIT_CODE_BYTES || strpbrk(zCode, "/ \t\r\n")) {
        return apperr_set(err, APPERR_INPUT,
                          _("plan code '%s' is not a code: at most %u "
                            "characters, no spaces and no '/'"),
                          zCode, (unsigned)(LIMIT_CODE_BYTES - 1));
    }
    if (str_eq(zCode, zFrom)) {
        return apperr_set(err, APPERR_INPUT,
                          _("the new plan needs a code of its own, not "
                            "'%s' (the plan it follows)"),
                          zCode);
    }
    if (bExists) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("there is a plan '%s' already; choose another "
                            "code"),
                          zCode);
    }
    return 0;
}

int
rules_round_may_move(const Actor *who, const Round *r, RoundState eTo,
                     AppErr *err)
{
    if (!rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and "
                            "administrators open, close and publish rounds"));
    }
    if (!r) {
        return 0; /* a new round: the caller creates it */
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is published and locked: an "
                            "administrator may reopen it for a correction, "
                            "saying why"),
                          r->zCode);
    }
    if (r->eState == eTo || rules_round_move(r->eState, eTo)) {
        return 0;
    }
    return apperr_set(err, APPERR_CONFLICT,
                      _("round '%s' cannot go from %s to "
                        "%s (draft → open → closed → published; a closed round "
                        "may reopen)"),
                      r->zCode, round_state_name(r->eState),
                      round_state_name(eTo));
}

int
rules_round_may_correct(const Actor *who, const Round *r, const char *zReason,
                        AppErr *err)
{
    if (who->eRole != ROLE_ADMIN) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only an administrator reopens a published round "
                            "for a correction"));
    }
    if (r->eState != ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is not published: there is nothing "
                            "to reopen for a correction"),
                          r->zCode);
    }
    char *zTrim = zReason ? str_trim(zReason) : NULL;
    int bEmpty = !zTrim || !*zTrim;
    free(zTrim);
    if (bEmpty) {
        return apperr_set(err, APPERR_INPUT,
                          _("say what is corrected: the published report "
                            "will show it"));
    }
    if (strlen(zReason) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the reason is longer than %u bytes "
                            "(LIMIT_FIELD_BYTES)"),
                          LIMIT_FIELD_BYTES);
    }
    return 0;
}

int
rules_round_may_schedule(const Actor *who, const Round *r, AppErr *err)
{
    if (!rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and administrators set due "
                            "dates and extensions"));
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is published and locked: its due "
                            "date and extensions no longer change"),
                          r->zCode);
    }
    return 0;
}

int
rules_chapter_may_write(const Actor *who, const Round *r, AppErr *err)
{
    if (!rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and administrators write the "
                            "review's chapters"));
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is published and locked: its chapters "
                            "change only after an administrator reopens it "
                            "for a correction"),
                          r->zCode);
    }
    return 0;
}

int
rules_due_check(const char *zDue, AppErr *err)
{
    if (zDue && *zDue && !str_is_date(zDue)) {
        return apperr_set(err, APPERR_INPUT,
                          _("due date '%s' is not a date written YYYY-MM-DD "
                            "(for example 2019-01-31)"),
                          zDue);
    }
    return 0;
}

int
rules_extension_may(const Actor *who, const Model *m, const Round *r,
                    const char *zOrg, const char *zDue, const char *zReason,
                    AppErr *err)
{
    if (rules_round_may_schedule(who, r, err)) {
        return -1;
    }
    if (!zOrg || !*zOrg || !model_find_org(m, zOrg)) {
        return apperr_set(err, APPERR_NOTFOUND,
                          _("no organisation '%s' in the directory"),
                          zOrg ? zOrg : "");
    }
    if (!zDue) {
        const RoundExt *e = NULL;
        for (size_t i = 0; i < r->nExt && !e; i++) {
            e = str_eq(r->aExt[i].zOrg, zOrg) && r->aExt[i].zDue ? &r->aExt[i]
                                                                 : NULL;
        }
        return e ? 0
                 : apperr_set(err, APPERR_NOTFOUND,
                              _("%s has no extension in round '%s' to remove"),
                              zOrg, r->zCode);
    }
    if (!*zDue) {
        return apperr_set(err, APPERR_INPUT,
                          _("an extension needs its new due date"));
    }
    if (rules_due_check(zDue, err)) {
        return -1;
    }
    size_t nSpace = zReason ? strspn(zReason, " \t\r\n") : 0;
    if (!zReason || !zReason[nSpace]) {
        return apperr_set(err, APPERR_INPUT,
                          _("an extension needs a reason: why %s may report "
                            "later"),
                          zOrg);
    }
    if (strlen(zReason) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT, _("the reason is too long"));
    }
    return 0;
}

int
rules_node_links_org(const Node *n, const char *zOrg)
{
    if (!zOrg || !*zOrg) {
        return 0;
    }
    for (size_t k = 0; k < n->nResp; k++) {
        if (str_eq(n->azResp[k], zOrg)) {
            return 1;
        }
    }
    for (size_t k = 0; k < n->nContrib; k++) {
        if (str_eq(n->azContrib[k], zOrg)) {
            return 1;
        }
    }
    return 0;
}

int
rules_statement_may_write(const Actor *who, const Node *n, const Round *r,
                          const Statement *old, const char *zText, int iVersion,
                          AppErr *err)
{
    if (who->eRole != ROLE_REPORTER) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only reporters write their "
                            "organisation's statements"));
    }
    if (!who->zOrg || !*who->zOrg) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("your account belongs to no "
                            "organisation, so it cannot write statements"));
    }
    if (!rules_node_links_org(n, who->zOrg)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("%s is not linked to this "
                            "activity (%s): only its responsible bodies and "
                            "partners report on it"),
                          who->zOrg, n->zCode);
    }
    if (r->eState != ROUND_OPEN) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is %s: statements "
                            "can be entered only while it is open"),
                          r->zCode, round_state_name(r->eState));
    }
    if (old && old->eState == STMT_ACCEPTED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("%s's statement on %s is "
                            "accepted and can no longer change"),
                          who->zOrg, n->zCode);
    }
    if (strlen(zText) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the statement is longer than %u "
                            "bytes (LIMIT_FIELD_BYTES)"),
                          LIMIT_FIELD_BYTES);
    }
    if (iVersion != (old ? old->iVersion : 0)) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("%s's statement on %s was changed by someone else "
                            "(%s) since you opened the page; your text is kept "
                            "below: compare and save again"),
                          who->zOrg, n->zCode,
                          old && old->zUpdatedBy ? old->zUpdatedBy
                                                 : "another user");
    }
    return 0;
}

int
rules_review_may(const Actor *who, const char *zNode, const Round *r,
                 const Assessment *a, int iVersion, WorkflowAction e,
                 const char *zProgress, Rating eRating, const char *zComment,
                 AppErr *err)
{
    if (!rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only M&E officers and "
                            "administrators review statements"));
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is published and "
                            "locked"),
                          r->zCode);
    }
    if (r->eState == ROUND_DRAFT) {
        return apperr_set(err, APPERR_CONFLICT, _("round '%s' is not open yet"),
                          r->zCode);
    }
    if (strlen(zProgress) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the narrative is longer than %u "
                            "bytes (LIMIT_FIELD_BYTES)"),
                          LIMIT_FIELD_BYTES);
    }
    if (strlen(zComment) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the comment is longer than %u "
                            "bytes (LIMIT_FIELD_BYTES)"),
                          LIMIT_FIELD_BYTES);
    }
    if (e == WF_RETURN && !*zComment) {
        return apperr_set(err, APPERR_INPUT,
                          _("say what to change: a return "
                            "needs a comment"));
    }
    if (e == WF_APPROVE && eRating == RATING_NONE) {
        return apperr_set(err, APPERR_INPUT,
                          _("set a rating before approving"));
    }
    if (iVersion != a->iVersion) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("the assessment of %s in round %s was changed by "
                            "someone else since you opened it (a statement may "
                            "have been submitted); your text is kept below: "
                            "compare and save again"),
                          zNode, r->zCode);
    }
    size_t iVer = 0;
    const Statement *stOld =
        e == WF_APPROVE ? rules_narrative_replaced(a, zProgress, &iVer) : NULL;
    if (stOld) {
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(stOld->aVer[iVer].zAt, zWhen, sizeof zWhen);
        return apperr_set(err, APPERR_CONFLICT,
                          _("the narrative keeps the text %s submitted on %s, "
                            "which %s has replaced since; nothing was "
                            "approved: take the statement as it is now into "
                            "the narrative and approve again"),
                          stOld->zOrg, zWhen, stOld->zOrg);
    }
    return 0;
}

AssessState
rules_state_after_submit(AssessState eNow)
{
    /* Even an approved activity waits for the officer again: a partner's
    ** new statement may change the narrative or the rating. */
    (void)eNow;
    return ASSESS_SUBMITTED;
}

StmtState
rules_statement_after_write(int bOld, StmtState eOld, WorkflowAction e)
{
    int bReturned = bOld && (eOld == STMT_RETURNED || eOld == STMT_RESUBMITTED);
    if (e == WF_SUBMIT) {
        return bReturned ? STMT_RESUBMITTED : STMT_SUBMITTED;
    }
    /* The officer's return still stands while the answer is redrafted. */
    return bReturned ? STMT_RETURNED : STMT_DRAFT;
}

int
rules_statement_waiting(const Statement *st)
{
    return st &&
           (st->eState == STMT_SUBMITTED || st->eState == STMT_RESUBMITTED);
}

const Statement *
rules_narrative_replaced(const Assessment *a, const char *zNarrative,
                         size_t *piVer)
{
    if (!a || !zNarrative || !*zNarrative) {
        return NULL;
    }
    for (size_t k = 0; k < a->nStmt; k++) {
        const Statement *st = &a->aStmt[k];
        for (size_t j = 0; j < st->nVer; j++) {
            const char *zOld = st->aVer[j].zText;
            const char *zNow = st->zText ? st->zText : "";
            if (!zOld || !*zOld || str_eq(zOld, zNow) || strstr(zNow, zOld) ||
                !strstr(zNarrative, zOld)) {
                continue;
            }
            if (piVer) {
                *piVer = j;
            }
            return st;
        }
    }
    return NULL;
}

int
rules_narrative_may_read(const Actor *who, const Round *r, const Assessment *a)
{
    return rules_is_editor(who) || a->eState == ASSESS_APPROVED ||
           r->eState == ROUND_PUBLISHED;
}

int
rules_statement_may_read(const Actor *who, const char *zOrg)
{
    if (rules_is_editor(who)) {
        return 1;
    }
    return who->eRole == ROLE_REPORTER && who->zOrg && zOrg &&
           str_eq(who->zOrg, zOrg);
}

int
rules_statement_may_review(const Actor *who, const Node *n, const Round *r,
                           const Statement *st, int iVersion, StmtAction e,
                           const char *zComment, AppErr *err)
{
    if (e == STMT_ACT_COMMENT ? !rules_statement_may_read(who, st->zOrg)
                              : !rules_is_editor(who)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          e == STMT_ACT_COMMENT
                              ? _("only M&E officers and the organisation's "
                                  "reporters comment on its statement")
                              : _("only M&E officers and administrators "
                                  "accept or return statements"));
    }
    if (r->eState == ROUND_PUBLISHED) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is published and locked"), r->zCode);
    }
    if (r->eState == ROUND_DRAFT) {
        return apperr_set(err, APPERR_CONFLICT, _("round '%s' is not open yet"),
                          r->zCode);
    }
    if (strlen(zComment) > LIMIT_FIELD_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("the comment is longer than %u "
                            "bytes (LIMIT_FIELD_BYTES)"),
                          LIMIT_FIELD_BYTES);
    }
    if ((e == STMT_ACT_RETURN || e == STMT_ACT_COMMENT) && !*zComment) {
        return apperr_set(err, APPERR_INPUT,
                          e == STMT_ACT_RETURN
                              ? _("say what to change: a return needs a "
                                  "comment")
                              : _("the comment is empty"));
    }
    if (e == STMT_ACT_COMMENT) {
        return 0; /* a comment changes no text: no version to guard */
    }
    if (iVersion != st->iVersion) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("%s's statement on %s was changed since you "
                            "opened the page (now version %d, you saw %d); "
                            "your comment is kept below: read it again and "
                            "decide"),
                          st->zOrg, n->zCode, st->iVersion, iVersion);
    }
    if (!rules_statement_waiting(st)) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("%s's statement on %s is %s: only a submitted or "
                            "resubmitted statement is accepted or returned"),
                          st->zOrg, n->zCode, stmt_state_label(st->eState));
    }
    return 0;
}

StmtState
rules_statement_after_review(StmtState eNow, StmtAction e)
{
    switch (e) {
    case STMT_ACT_ACCEPT:
        return STMT_ACCEPTED;
    case STMT_ACT_RETURN:
        return STMT_RETURNED;
    default:
        return eNow;
    }
}

/* Is st being written by its reporter: a draft, or returned to it? */
static int
rules_statement_in_writing(const Statement *st)
{
    return st->eState == STMT_DRAFT || st->eState == STMT_RETURNED;
}

int
rules_attachment_may_add(const Actor *who, const Node *n, const Round *r,
                         const Statement *st, const char *zName,
                         const char *zType, size_t nBytes, AppErr *err)
{
    if (who->eRole != ROLE_REPORTER || !who->zOrg ||
        !rules_node_links_org(n, who->zOrg)) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only the reporters of the organisations linked "
                            "to %s attach files to their statements"),
                          n->zCode);
    }
    if (r->eState != ROUND_OPEN) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("round '%s' is not open: files can be attached "
                            "only while it is"),
                          r->zCode);
    }
    if (!st) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("save %s's statement on %s as a draft first, "
                            "then attach files to it"),
                          who->zOrg, n->zCode);
    }
    if (!rules_statement_in_writing(st)) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("%s's statement on %s is %s: files can be "
                            "attached only while it is a draft or returned "
                            "to you"),
                          who->zOrg, n->zCode, stmt_state_label(st->eState));
    }
    if (st->nAttach >= LIMIT_ATTACH_PER_STATEMENT) {
        return apperr_set(err, APPERR_INPUT,
                          _("a statement holds at most %u files "
                            "(LIMIT_ATTACH_PER_STATEMENT): remove one first"),
                          LIMIT_ATTACH_PER_STATEMENT);
    }
    if (!*zName || strlen(zName) > LIMIT_ATTACH_NAME_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("a file's name must be 1 to %u bytes long "
                            "(LIMIT_ATTACH_NAME_BYTES)"),
                          LIMIT_ATTACH_NAME_BYTES);
    }
    if (nBytes == 0 || nBytes > LIMIT_ATTACH_BYTES) {
        return apperr_set(err, APPERR_INPUT,
                          _("cannot attach '%s': a file must hold 1 byte to "
                            "%u MB (LIMIT_ATTACH_BYTES)"),
                          zName, LIMIT_ATTACH_BYTES >> 20);
    }
    if (!zType) {
        return apperr_set(err, APPERR_INPUT,
                          _("cannot attach '%s': by its content it is not a "
                            "%s file"),
                          zName, attach_types_accepted());
    }
    return 0;
}

int
rules_attachment_may_delete(const Actor *who, const Round *r,
                            const Statement *st, const StmtAttachment *f,
                            AppErr *err)
{
    if (!f->zBy || strcmp(f->zBy, who->zName) != 0) {
        return apperr_set(err, APPERR_FORBIDDEN,
                          _("only %s, who attached '%s', can remove it"),
                          f->zBy ? f->zBy : "?", f->zName);
    }
    if (r->eState != ROUND_OPEN || !rules_statement_in_writing(st)) {
        return apperr_set(err, APPERR_CONFLICT,
                          _("'%s' can no longer be removed: the statement "
                            "is %s"),
                          f->zName,
                          r->eState != ROUND_OPEN
                              ? _("in a round that is not open")
                              : stmt_state_label(st->eState));
    }
    return 0;
}
