/*
** history.c — the audit trail in words (see history.h).
**
** The entity and field names are those of store/store_audit.c's field
** tables (aEntity, aSub); a new audited field that this table lacks
** still shows, by its own name.
*/
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "chapter.h"
#include "codes.h"
#include "../base/str.h"
#include "../base/xalloc.h"
#include "../base/i18n.h"
#include "../base/banned.h"

/* A field of an entity (NULL: of any entity) as a phrase, and the code
** kind its values are in (CODE_KIND_COUNT: free text). */
static const struct {
    const char *zEntity;
    const char *zField;
    const char *zLabel;
    CodeKind eKind;
} aHistoryField[] = {
    { "assessment", NULL, N_("created with rating"), CODE_RATING },
    { "assessment", "rating", N_("rating"), CODE_RATING },
    { "assessment", "state", N_("narrative status"), CODE_ASSESS_STATE },
    { "assessment", "action_point", N_("action point"), CODE_KIND_COUNT },
    { "assessment", "progress", N_("progress narrative"), CODE_KIND_COUNT },
    { "statement", NULL, N_("created as"), CODE_STMT_STATE },
    { "statement", "state", N_("status"), CODE_STMT_STATE },
    { "statement", "proposed_rating", N_("proposed rating"), CODE_RATING },
    { "statement", "text", N_("text"), CODE_KIND_COUNT },
    { "statement", "comment", N_("comment"), CODE_KIND_COUNT },
    { "statement", "attachment", N_("file attached"), CODE_KIND_COUNT },
    { "statement", "attachment_removed", N_("file removed"), CODE_KIND_COUNT },
    { "round", "state", N_("status"), CODE_ROUND_STATE },
    { "round", "as_of", N_("as of"), CODE_KIND_COUNT },
    { "org", "kind", N_("kind"), CODE_ORG_KIND },
    { "user", "role", N_("role"), CODE_ROLE },
    { "user", "org", N_("organisation"), CODE_KIND_COUNT },
    { "node", "text", N_("wording"), CODE_KIND_COUNT },
    /* The review's chapters (core/chapter.h). */
    { "chapter", NULL, N_("written"), CODE_KIND_COUNT },
    { "chapter", "text", N_("English text"), CODE_KIND_COUNT },
    { "chapter", "text_km", N_("Khmer text"), CODE_KIND_COUNT },
    /* The assessments created with the activity (store.c): the value is
    ** a list, each item's rating a code (history_value_list()). */
    { "node", "assessments", N_("created with ratings"), CODE_RATING },
    /* Outreach events, media coverage, statistics (core/outreach.h). */
    { "outreach", NULL, N_("created as"), CODE_OUTREACH_KIND },
    { "outreach", "kind", N_("kind"), CODE_OUTREACH_KIND },
    { "outreach", "status", N_("status"), CODE_OUTREACH_STATUS },
    { "outreach", "date_to", N_("last day"), CODE_KIND_COUNT },
    { "outreach", "unknown", N_("of unknown sex"), CODE_KIND_COUNT },
    { "outreach", "requested", N_("compensation requested"), CODE_KIND_COUNT },
    { "outreach", "ordered", N_("compensation ordered"), CODE_KIND_COUNT },
    { "media", NULL, N_("created in"), CODE_KIND_COUNT },
    { "stat", NULL, N_("created with the value"), CODE_KIND_COUNT },
    { NULL, "responsible", N_("responsible bodies"), CODE_KIND_COUNT },
    { NULL, "contributing", N_("partners"), CODE_KIND_COUNT },
    { NULL, NULL, N_("created"), CODE_KIND_COUNT },
};

/* The row of aHistoryField for zEntity's zField, or -1. */
static int
history_field(const char *zEntity, const char *zField)
{
    int n = (int)(sizeof aHistoryField / sizeof aHistoryField[0]);
    for (int i = 0; i < n; i++) {
        if ((!aHistoryField[i].zEntity ||
             str_eq(aHistoryField[i].zEntity, zEntity)) &&
            (zField ? aHistoryField[i].zField &&
                          strcmp(aHistoryField[i].zField, zField) == 0
                    : aHistoryField[i].zField == NULL)) {
            return i;
        }
    }
    return -1;
}

/* The key's part i after nSkip bytes (parts separated by '/', the first
** one empty when the rest starts with '/'), as a length and a start. */
static const char *
history_part(const char *zKey, int i, size_t *pn)
{
    const char *z = zKey;
    for (; i > 0 && z; i--) {
        z = strchr(z, '/');
        z = z ? z + 1 : NULL;
    }
    if (!z) {
        *pn = 0;
        return "";
    }
    const char *e = strchr(z, '/');
    *pn = e ? (size_t)(e - z) : strlen(z);
    return z;
}

void
history_describe(Buf *b, const char *zEntity, const char *zKey, size_t nSkip,
                 const char *zField)
{
    size_t nKey = zKey ? strlen(zKey) : 0;
    const char *zRest = zKey && nSkip <= nKey ? zKey + nSkip : "";
    /* What the rest of the key names: "/2018" an assessment's round,
    ** "/2018/MOLVT" a statement's round and organisation; "" the thing
    ** the page is about.  On a page that knows nothing (nSkip 0) the
    ** whole key is shown. */
    size_t n1, n2;
    const char *z1 = history_part(zRest, 1, &n1);
    const char *z2 = history_part(zRest, 2, &n2);
    if (str_eq(zEntity, "statement") && *zRest == '/') {
        buf_printf(b, _("%.*s statement of %.*s"), (int)n1, z1, (int)n2, z2);
    } else if (str_eq(zEntity, "assessment") && *zRest == '/') {
        buf_printf(b, _("%.*s assessment"), (int)n1, z1);
    } else if (str_eq(zEntity, "node") && !*zRest) {
        buf_puts(b, _("Activity"));
    } else if (str_eq(zEntity, "chapter") && zKey && strrchr(zKey, '/')) {
        /* "PLAN/round/ROUND/chapter/KIND": the chapter by its heading. */
        ChapterKind e;
        const char *zKind = strrchr(zKey, '/') + 1;
        /* TRANSLATORS: %s is a chapter's heading ("Findings"). */
        buf_printf(b, _("Chapter '%s'"),
                   chapter_kind_parse(zKind, &e) ? zKind
                                                 : chapter_kind_label(e));
    } else {
        buf_puts(b, zEntity ? zEntity : "");
        if (*zRest) {
            buf_printf(b, " %s", zRest);
        }
    }
    buf_puts(b, ": ");
    int i = history_field(zEntity, zField);
    buf_puts(b, i >= 0 ? _(aHistoryField[i].zLabel) : zField);
}

const char *
history_value(const char *zEntity, const char *zField, const char *zValue)
{
    int i = history_field(zEntity, zField);
    if (!zValue || i < 0 || aHistoryField[i].eKind == CODE_KIND_COUNT) {
        return zValue;
    }
    const char *zLabel = code_label(aHistoryField[i].eKind, zValue);
    /* A statement approved before schema 11 reads as it was then. */
    if (zLabel == zValue && aHistoryField[i].eKind == CODE_STMT_STATE) {
        zLabel = code_label(CODE_ASSESS_STATE, zValue);
    }
    return zLabel;
}

const char *
history_value_list(Buf *tmp, const char *zEntity, const char *zField,
                   const char *zValue)
{
    if (!zValue || !str_eq(zEntity, "node") || !str_eq(zField, "assessments")) {
        return history_value(zEntity, zField, zValue);
    }
    /* "ROUND: key; ROUND: key": a round code may hold anything but '/',
    ** so each item is cut at its last ": " before the next "; ". */
    buf_reset(tmp);
    const char *z = zValue;
    while (*z) {
        const char *zEnd = strstr(z, "; ");
        size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
        const char *zColon = NULL;
        for (const char *p = z; p + 1 < z + n; p++) {
            if (p[0] == ':' && p[1] == ' ') {
                zColon = p;
            }
        }
        if (tmp->n > 0) {
            buf_puts(tmp, "; ");
        }
        if (zColon) {
            char *zKey = xstrndup(zColon + 2, n - (size_t)(zColon + 2 - z));
            buf_printf(tmp, "%.*s: %s", (int)(zColon - z), z,
                       code_label(CODE_RATING, zKey));
            free(zKey);
        } else {
            buf_append(tmp, z, n);
        }
        z += n;
        if (*z) {
            z += 2;
        }
    }
    return buf_str(tmp);
}
