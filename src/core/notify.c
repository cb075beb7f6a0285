/*
** notify.c — who is told what, and in which words (see notify.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify.h"
#include "../base/i18n.h"
#include "../base/limits.h"
#include "../base/str.h"
#include "../base/banned.h"

/* Whom each kind is for.  An organisation's statement moving to the
** officer (submitted, resubmitted) is the M&E officers' news: they review
** it (an administrator may review too, but administers the installation,
** and is told what every user is told of a round).  The officer's answer
** (returned, accepted) and a deadline are the organisation's reporters'
** alone: no other organisation learns of them.  A round opening or being
** published concerns everyone who reports or reviews. */
const NoteRule aNoteRule[NOTE_KIND_COUNT] = {
    [NOTE_SUBMITTED] = { NOTE_SUBMITTED, NOTE_TO_OFFICERS },
    [NOTE_RESUBMITTED] = { NOTE_RESUBMITTED, NOTE_TO_OFFICERS },
    [NOTE_RETURNED] = { NOTE_RETURNED, NOTE_TO_ORG_REPORTERS },
    [NOTE_ACCEPTED] = { NOTE_ACCEPTED, NOTE_TO_ORG_REPORTERS },
    [NOTE_ROUND_OPENED] = { NOTE_ROUND_OPENED,
                            NOTE_TO_ALL_REPORTERS | NOTE_TO_OFFICERS },
    [NOTE_ROUND_PUBLISHED] = { NOTE_ROUND_PUBLISHED,
                               NOTE_TO_ALL_REPORTERS | NOTE_TO_OFFICERS },
    [NOTE_DUE_SOON] = { NOTE_DUE_SOON, NOTE_TO_ORG_REPORTERS },
    [NOTE_OVERDUE] = { NOTE_OVERDUE, NOTE_TO_ORG_REPORTERS },
    [NOTE_BUDGET] = { NOTE_BUDGET, NOTE_TO_ORG_REPORTERS },
};

static const CodeName aNoteKind[NOTE_KIND_COUNT] = {
    [NOTE_SUBMITTED] = { "submitted", N_("Statement submitted") },
    [NOTE_RESUBMITTED] = { "resubmitted", N_("Statement resubmitted") },
    [NOTE_RETURNED] = { "returned", N_("Statement returned") },
    [NOTE_ACCEPTED] = { "accepted", N_("Statement accepted") },
    [NOTE_ROUND_OPENED] = { "round_opened", N_("Round opened") },
    [NOTE_ROUND_PUBLISHED] = { "round_published", N_("Round published") },
    [NOTE_DUE_SOON] = { "due_soon", N_("Due soon") },
    [NOTE_OVERDUE] = { "overdue", N_("Overdue") },
    [NOTE_BUDGET] = { "budget", N_("Budget planning") },
};

static const CodeName aNoteMail[NOTE_MAIL_COUNT] = {
    [NOTE_MAIL_NONE] = { "none", N_("No e-mail") },
    [NOTE_MAIL_PENDING] = { "pending", N_("E-mail waiting") },
    [NOTE_MAIL_SENT] = { "sent", N_("E-mail sent") },
    [NOTE_MAIL_FAILED] = { "failed", N_("E-mail failed") },
};

const CodeName *
note_code_table(CodeKind k, size_t *pn)
{
    if (k == CODE_NOTE_KIND) {
        *pn = NOTE_KIND_COUNT;
        return aNoteKind;
    }
    *pn = NOTE_MAIL_COUNT;
    return aNoteMail;
}

const char *
note_kind_name(NoteKind e)
{
    return (unsigned)e < NOTE_KIND_COUNT ? aNoteKind[e].zKey : "";
}

const char *
note_kind_label(NoteKind e)
{
    return (unsigned)e < NOTE_KIND_COUNT ? _(aNoteKind[e].zLabel) : "";
}

int
note_kind_parse(const char *z, NoteKind *pOut)
{
    for (int i = 0; z && i < NOTE_KIND_COUNT; i++) {
        if (strcmp(z, aNoteKind[i].zKey) == 0) {
            *pOut = (NoteKind)i;
            return 0;
        }
    }
    return -1;
}

const char *
note_mail_name(NoteMail e)
{
    return (unsigned)e < NOTE_MAIL_COUNT ? aNoteMail[e].zKey : "";
}

int
note_mail_parse(const char *z, NoteMail *pOut)
{
    for (int i = 0; z && i < NOTE_MAIL_COUNT; i++) {
        if (strcmp(z, aNoteMail[i].zKey) == 0) {
            *pOut = (NoteMail)i;
            return 0;
        }
    }
    return -1;
}

void
note_release(Note *n)
{
    if (!n) {
        return;
    }
    free(n->zUser);
    free(n->zPlan);
    free(n->zRound);
    free(n->zNode);
    free(n->zOrg);
    free(n->zActor);
    free(n->zAt);
    free(n->zReadAt);
    free(n->zMailNext);
    free(n->zEmail);
    free(n->zLang);
    free(n->zRoundTitle);
    memset(n, 0, sizeof *n);
}

void
note_free(Note *a, size_t n)
{
    for (size_t i = 0; a && i < n; i++) {
        note_release(&a[i]);
    }
    free(a);
}

int
notify_tells(NoteKind k, Role eRole, const char *zUserOrg, const char *zOrg)
{
    if ((unsigned)k >= NOTE_KIND_COUNT) {
        return 0;
    }
    unsigned to = aNoteRule[k].to;
    switch (eRole) {
    case ROLE_ME_OFFICER:
        return (to & NOTE_TO_OFFICERS) != 0;
    case ROLE_ADMIN:
        return (to & NOTE_TO_ADMINS) != 0;
    case ROLE_REPORTER:
        if (to & NOTE_TO_ALL_REPORTERS) {
            return 1;
        }
        return (to & NOTE_TO_ORG_REPORTERS) && zUserOrg && zOrg && *zOrg &&
               strcmp(zUserOrg, zOrg) == 0;
    default:
        return 0;
    }
}

int
notify_email_ok(const char *z)
{
    if (!z || !*z || strlen(z) > LIMIT_EMAIL_BYTES) {
        return 0;
    }
    const char *zAt = strchr(z, '@');
    if (!zAt || zAt == z || !zAt[1] || strchr(zAt + 1, '@')) {
        return 0;
    }
    for (const char *p = z; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c >= 0x7f || strchr("\"(),:;<>[\\]", c)) {
            return 0;
        }
    }
    /* A domain of labels: no empty one, none starting or ending a dot. */
    const char *d = zAt + 1;
    return d[0] != '.' && d[strlen(d) - 1] != '.' && !strstr(d, "..");
}

NoteMail
notify_mail_wanted(const char *zEmail, int bMail)
{
    return zEmail && *zEmail && bMail ? NOTE_MAIL_PENDING : NOTE_MAIL_NONE;
}

long
notify_mail_retry_seconds(int nTries, long nBase)
{
    if (nTries >= LIMIT_MAIL_TRIES) {
        return -1;
    }
    long n = nBase;
    for (int i = 1; i < nTries; i++) {
        n *= 2;
    }
    return n;
}

int
notify_mail_stale(const char *zAt, time_t now)
{
    time_t t;
    return zAt && str_parse_utc(zAt, &t) == 0 &&
           now - t > (time_t)LIMIT_MAIL_STALE_SECONDS;
}

void
notify_sentence(const Note *n, Buf *b)
{
    const char *zOrg = n->zOrg ? n->zOrg : "";
    const char *zNode = n->zNode ? n->zNode : "";
    const char *zActor = n->zActor ? n->zActor : "";
    /* The round by its title ("2018 progress review"); by its code when
    ** it is gone. */
    Buf round = BUF_INIT;
    if (n->zRoundTitle && *n->zRoundTitle) {
        buf_puts(&round, n->zRoundTitle);
    } else {
        buf_printf(&round, _("round %s"), n->zRound ? n->zRound : "");
    }
    const char *zRound = buf_str(&round);
    switch (n->eKind) {
    case NOTE_SUBMITTED:
        buf_printf(b, _("%s submitted its statement on activity %s (%s)"), zOrg,
                   zNode, zRound);
        break;
    case NOTE_RESUBMITTED:
        buf_printf(b, _("%s resubmitted its statement on activity %s (%s)"),
                   zOrg, zNode, zRound);
        break;
    case NOTE_RETURNED:
        buf_printf(b,
                   _("%s's statement on activity %s (%s) was returned by %s"),
                   zOrg, zNode, zRound, zActor);
        break;
    case NOTE_ACCEPTED:
        buf_printf(b,
                   _("%s's statement on activity %s (%s) was accepted by %s"),
                   zOrg, zNode, zRound, zActor);
        break;
    case NOTE_ROUND_OPENED:
        buf_printf(b, _("%s is open for statements"), zRound);
        break;
    case NOTE_ROUND_PUBLISHED:
        buf_printf(b, _("%s was published"), zRound);
        break;
    case NOTE_DUE_SOON:
        buf_printf(b, _("%s's statements for %s are due soon"), zOrg, zRound);
        break;
    case NOTE_OVERDUE:
        buf_printf(b, _("%s's statements for %s are overdue"), zOrg, zRound);
        break;
    case NOTE_BUDGET:
        buf_printf(b,
                   _("budget planning closes soon: enter the estimated cost "
                     "and funding of %s's activities for %s"),
                   zOrg, zRound);
        break;
    default:
        break;
    }
    buf_release(&round);
}

/* z percent-encoded as a URL's path segment or query value: letters,
** digits and "-._~" as they are, every other byte as %XX. */
static void
notify_url_encode(Buf *b, const char *z)
{
    static const char azHex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)z; p && *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
            buf_putc(b, (char)*p);
        } else {
            buf_putc(b, '%');
            buf_putc(b, azHex[*p >> 4]);
            buf_putc(b, azHex[*p & 15]);
        }
    }
}

void
notify_path(const Note *n, Buf *b)
{
    if (n->eKind == NOTE_BUDGET) {
        buf_puts(b, "/resources?round=");
        notify_url_encode(b, n->zRound);
    } else if (n->zNode && *n->zNode) {
        buf_puts(b, "/activity/");
        notify_url_encode(b, n->zNode);
        buf_puts(b, "?round=");
        notify_url_encode(b, n->zRound);
    } else {
        buf_puts(b, "/round/");
        notify_url_encode(b, n->zRound);
    }
    if (n->zPlan && *n->zPlan) {
        int bQuery = n->eKind == NOTE_BUDGET || (n->zNode && *n->zNode);
        buf_puts(b, bQuery ? "&plan=" : "?plan=");
        notify_url_encode(b, n->zPlan);
    }
}

void
notify_mail_text(const Note *n, const char *zWhen, const char *zBaseUrl,
                 Buf *subject, Buf *body)
{
    buf_puts(subject, "[lmpmon] ");
    notify_sentence(n, subject);
    notify_sentence(n, body);
    buf_puts(body, ".\n\n");
    buf_printf(body, _("When: %s"), zWhen);
    buf_puts(body, "\n");
    buf_printf(body, _("See: %s"), zBaseUrl ? zBaseUrl : "");
    notify_path(n, body);
    buf_puts(body, "\n\n");
    buf_puts(body, _("You receive this e-mail because your lmpmon account "
                     "asks for e-mail. Turn it off on your account page."));
    buf_puts(body, "\n");
}

int
notify_deadline(const Round *rd, const ReviewOrgProgress *o, const char *zToday,
                char zSince[11])
{
    const char *zDue = review_org_due(rd, o->zOrg);
    zSince[0] = 0;
    if (!zDue || !zToday || rd->eState != ROUND_OPEN || o->nOwedOpen == 0) {
        return -1;
    }
    if (review_org_overdue(rd, o, zToday)) {
        (void)snprintf(zSince, 11, "%s", zDue);
        return NOTE_OVERDUE;
    }
    long nDays = review_days_until(zToday, zDue);
    if (nDays < 0 || nDays > NOTIFY_DUE_SOON_DAYS) {
        return -1;
    }
    str_date_from_days(str_date_days(zDue) - NOTIFY_DUE_SOON_DAYS - 1, zSince);
    return NOTE_DUE_SOON;
}
