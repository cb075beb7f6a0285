/*
** translate.h — the Khmer of what people write in both languages, edited
** on the web: a plan's title, an organisation's name, a node's text and
** its indicator (core/model.h model_text()).
**
** The English comes with the plan (import, succession) and the directory
** (the admin page); its Khmer is written beside it by the M&E officer.
** These rows have no version: the form carries the Khmer it was made
** from, and the use case, inside its write transaction (writers take turns
** on both backends), refuses the save when the stored Khmer is no longer
** that (core/rules.h rules_translation_may()), so a stale form is a
** conflict the user sees, never a silent overwrite.  Every change is in
** the audit trail (the entity's field: "title_km", "name_km", "text_km",
** "indicator_km", "definition_km").
*/
#ifndef LMPMON_TRANSLATE_H
#define LMPMON_TRANSLATE_H

#include "../store/store.h"

/* What a translation is of. */
typedef enum TranslateWhat {
    TRANSLATE_PLAN = 0,   /* the plan's title */
    TRANSLATE_ORG,        /* an organisation's full name */
    TRANSLATE_NODE,       /* a node's text (area, goal, activity ...) */
    TRANSLATE_INDICATOR,  /* a node's indicator text */
    TRANSLATE_DEFINITION, /* an indicator's definition (its latest
                          ** revision's: a translation is no revision) */
    TRANSLATE_COUNT
} TranslateWhat;

/* The key of e as forms write it ("plan", "org", "node", "indicator",
** "definition"). */
const char *translate_what_name(TranslateWhat e);

/* The TranslateWhat named z into *pe: 0, or -1 for another name. */
int translate_what_parse(const char *z, TranslateWhat *pe);

/* Set the Khmer of e to zNew ("": none, readers of Khmer then see the
** English): of plan zPlan's title (NULL: the first plan; zCode unused),
** of organisation zCode, of node zCode of plan zPlan, or of the
** definition of indicator zCode of plan zPlan (its latest revision, which
** the translation does not change: no new revision, an audited edit of
** the stored one, "definition_km").  zWas is the
** Khmer the form showed.  Errors: APPERR_FORBIDDEN (not an M&E officer
** or admin), APPERR_NOTFOUND (no such plan, organisation or node),
** APPERR_INPUT (too long, not UTF-8, a node without an indicator),
** APPERR_CONFLICT (the stored Khmer is no longer zWas; nothing written).
** Audited; nothing is written when the Khmer does not change. */
int app_translation_put(Store *s, const Actor *who, const char *zPlan,
                        TranslateWhat e, const char *zCode, const char *zNew,
                        const char *zWas, AppErr *err);

#endif
