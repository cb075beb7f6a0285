/*
** model_json.c — JSON reading and writing of the model (see model_json.h).
**
** jansson parses (strict UTF-8, no NUL, duplicate keys refused, exact
** integers); this file only walks the tree, checking each value's type and
** naming the path of the first one that is wrong.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model_json.h"
#include "../base/base.h"
#include "../base/banned.h"

/* Context for shape errors: the file and the path of the current value. */
typedef struct JCtx {
    const char *zFile;
    Buf path;
    AppErr *err;
} JCtx;

static int jfail(JCtx *c, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
jfail(JCtx *c, const char *zFmt, ...)
{
    char zMsg[512];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zMsg, sizeof zMsg, zFmt, ap);
    va_end(ap);
    return apperr_set(c->err, APPERR_INPUT, "cannot import '%s': %s: %s",
                      c->zFile, c->path.n ? buf_str(&c->path) : "top level",
                      zMsg);
}

/* Push ".key" or "[i]" on the path; returns the old length to pop to. */
static size_t
jpush_key(JCtx *c, const char *zKey)
{
    size_t n = c->path.n;
    buf_printf(&c->path, "%s%s", n ? "." : "", zKey);
    return n;
}

static size_t
jpush_index(JCtx *c, size_t i)
{
    size_t n = c->path.n;
    buf_printf(&c->path, "[%zu]", i);
    return n;
}

const char *
json_unknown_key(json_t *o, const char *const *azKnown)
{
    const char *zKey;
    json_t *v;
    json_object_foreach(o, zKey, v)
    {
        int bKnown = 0;
        for (const char *const *p = azKnown; *p; p++) {
            bKnown |= strcmp(*p, zKey) == 0;
        }
        if (!bKnown) {
            return zKey;
        }
    }
    return NULL;
}

/* Refuse keys of object o not in the NULL-terminated azKnown. */
static int
jcheck_keys(JCtx *c, json_t *o, const char *const *azKnown)
{
    const char *zKey = json_unknown_key(o, azKnown);
    if (!zKey) {
        return 0;
    }
    size_t n = jpush_key(c, zKey);
    int rc = jfail(c, "unknown key '%s'", zKey);
    buf_truncate(&c->path, n);
    return rc;
}

/* String member zKey of o: *pz gets a copy, or NULL when absent/null.
** bRequired refuses absence; nMax bounds the length. */
static int
jstring(JCtx *c, json_t *o, const char *zKey, int bRequired, size_t nMax,
        char **pz)
{
    json_t *v = json_object_get(o, zKey);
    *pz = NULL;
    size_t n = jpush_key(c, zKey);
    int rc = 0;
    if (!v || json_is_null(v)) {
        if (bRequired) {
            rc = jfail(c, "%s is required", "a string");
        }
    } else if (!json_is_string(v)) {
        rc = jfail(c, "expected %s", "a string");
    } else if (json_string_length(v) > nMax) {
        char zLim[64];
        (void)snprintf(zLim, sizeof zLim, "%zu bytes", nMax);
        rc = jfail(c, "longer than %s", zLim);
    } else if (bRequired && json_string_length(v) == 0) {
        rc = jfail(c, "%s must not be empty", "the string");
    } else {
        *pz = xstrdup(json_string_value(v));
    }
    buf_truncate(&c->path, n);
    return rc;
}

/* Array member zKey of o (absent gives an empty array). */
static int
jarray(JCtx *c, json_t *o, const char *zKey, json_t **pa)
{
    json_t *v = json_object_get(o, zKey);
    *pa = NULL;
    if (!v || json_is_null(v)) {
        return 0;
    }
    if (!json_is_array(v)) {
        size_t n = jpush_key(c, zKey);
        int rc = jfail(c, "expected %s", "an array");
        buf_truncate(&c->path, n);
        return rc;
    }
    *pa = v;
    return 0;
}

/* A list of strings (names), appended to *pa. */
static int
jstrings(JCtx *c, json_t *o, const char *zKey, char ***pa, size_t *pn)
{
    json_t *a;
    if (jarray(c, o, zKey, &a)) {
        return -1;
    }
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        if (!json_is_string(v) || json_string_length(v) == 0 ||
            json_string_length(v) > LIMIT_FIELD_BYTES) {
            size_t n0 = jpush_key(c, zKey);
            jpush_index(c, i);
            int rc = jfail(c, "expected %s", "a non-empty string");
            buf_truncate(&c->path, n0);
            return rc;
        }
        strv_push(pa, pn, json_string_value(v));
    }
    return 0;
}

static int
jread_org(JCtx *c, json_t *o, Model *m)
{
    static const char *const azKey[] = { "acronym", "name",   "name_km",
                                         "kind",    "parent", "aliases",
                                         NULL };
    if (!json_is_object(o)) {
        return jfail(c, "expected %s", "an object");
    }
    if (jcheck_keys(c, o, azKey)) {
        return -1;
    }
    Org *g = model_add_org(m);
    char *zKind = NULL;
    if (jstring(c, o, "acronym", 1, LIMIT_CODE_BYTES, &g->zAcronym) ||
        jstring(c, o, "name", 0, LIMIT_FIELD_BYTES, &g->zName) ||
        jstring(c, o, "name_km", 0, LIMIT_FIELD_BYTES, &g->zNameKm) ||
        jstring(c, o, "kind", 0, LIMIT_CODE_BYTES, &zKind) ||
        jstring(c, o, "parent", 0, LIMIT_CODE_BYTES, &g->zParent) ||
        jstrings(c, o, "aliases", &g->azAlias, &g->nAlias)) {
        free(zKind);
        return -1;
    }
    if (!g->zName) {
        g->zName = xstrdup(g->zAcronym);
    }
    g->eKind = ORG_OTHER;
    if (zKind && org_kind_parse(zKind, &g->eKind)) {
        size_t n = jpush_key(c, "kind");
        jfail(c, "unknown kind '%s' (accepted: " ORG_KIND_ACCEPTED ")", zKind);
        buf_truncate(&c->path, n);
        free(zKind);
        return -1;
    }
    free(zKind);
    return 0;
}

static int
jread_assessment(JCtx *c, json_t *o, Node *nd)
{
    static const char *const azKey[] = { "round",  "action_point", "progress",
                                         "rating", "state",        NULL };
    if (!json_is_object(o)) {
        return jfail(c, "expected %s", "an object");
    }
    if (jcheck_keys(c, o, azKey)) {
        return -1;
    }
    Assessment *a = node_add_assessment(nd);
    char *zRating = NULL, *zState = NULL;
    int rc = -1;
    if (jstring(c, o, "round", 1, LIMIT_CODE_BYTES, &a->zRound) ||
        jstring(c, o, "action_point", 0, LIMIT_FIELD_BYTES, &a->zActionPoint) ||
        jstring(c, o, "progress", 0, LIMIT_FIELD_BYTES, &a->zProgress) ||
        jstring(c, o, "rating", 0, LIMIT_CODE_BYTES, &zRating) ||
        jstring(c, o, "state", 0, LIMIT_CODE_BYTES, &zState)) {
        goto out;
    }
    if (!a->zActionPoint) {
        a->zActionPoint = xstrdup("");
    }
    if (!a->zProgress) {
        a->zProgress = xstrdup("");
    }
    if (rating_parse(zRating, &a->eRating)) {
        size_t n = jpush_key(c, "rating");
        jfail(c, "unknown rating '%s' (accepted: " RATING_ACCEPTED ")",
              zRating);
        buf_truncate(&c->path, n);
        goto out;
    }
    a->eState = ASSESS_APPROVED;
    if (zState && assess_state_parse(zState, &a->eState)) {
        size_t n = jpush_key(c, "state");
        jfail(c, "unknown state '%s' (accepted: " ASSESS_STATE_ACCEPTED ")",
              zState);
        buf_truncate(&c->path, n);
        goto out;
    }
    rc = 0;
out:
    free(zRating);
    free(zState);
    return rc;
}

/* A node's "predecessor": {"plan": ..., "code": ...}, the node of an
** earlier plan it carries on (absent or null: none). */
static int
jread_pred(JCtx *c, json_t *o, Node *nd)
{
    static const char *const azKey[] = { "plan", "code", NULL };
    json_t *v = json_object_get(o, "predecessor");
    if (!v || json_is_null(v)) {
        return 0;
    }
    size_t n = jpush_key(c, "predecessor");
    int rc;
    if (!json_is_object(v)) {
        rc = jfail(c, "expected %s", "an object");
    } else {
        rc = jcheck_keys(c, v, azKey) ||
             jstring(c, v, "plan", 1, LIMIT_CODE_BYTES - 1, &nd->zPredPlan) ||
             jstring(c, v, "code", 1, LIMIT_CODE_BYTES - 1, &nd->zPredCode);
    }
    buf_truncate(&c->path, n);
    return rc ? -1 : 0;
}

static int
jread_node(JCtx *c, json_t *o, Plan *p, long iParent, unsigned depth)
{
    static const char *const azKey[] = {
        "code",        "level",        "text",        "text_km",
        "indicator",   "indicator_km", "responsible", "contributing",
        "assessments", "children",     "predecessor", NULL
    };
    if (!json_is_object(o)) {
        return jfail(c, "expected %s", "an object");
    }
    if (depth >= LIMIT_PLAN_LEVELS) {
        return jfail(c, "%s", "nodes nested deeper than LIMIT_PLAN_LEVELS");
    }
    if (jcheck_keys(c, o, azKey)) {
        return -1;
    }
    long iSelf = (long)p->nNode;
    Node *nd = plan_add_node(p);
    nd->iParent = iParent;
    char *zLevel = NULL;
    if (jstring(c, o, "code", 1, LIMIT_CODE_BYTES - 1, &nd->zCode) ||
        jstring(c, o, "level", 1, LIMIT_CODE_BYTES, &zLevel) ||
        jstring(c, o, "text", 1, LIMIT_FIELD_BYTES, &nd->zText) ||
        jstring(c, o, "indicator", 0, LIMIT_FIELD_BYTES, &nd->zIndicator) ||
        jstring(c, o, "text_km", 0, LIMIT_FIELD_BYTES, &nd->zTextKm) ||
        jstring(c, o, "indicator_km", 0, LIMIT_FIELD_BYTES,
                &nd->zIndicatorKm) ||
        jstrings(c, o, "responsible", &nd->azResp, &nd->nResp) ||
        jstrings(c, o, "contributing", &nd->azContrib, &nd->nContrib)) {
        free(zLevel);
        return -1;
    }
    nd->iLevel = plan_find_level(p, zLevel);
    int iExpect = iParent >= 0 ? p->aNode[iParent].iLevel + 1 : 0;
    if (nd->iLevel != iExpect) {
        size_t n = jpush_key(c, "level");
        if (nd->iLevel < 0) {
            jfail(c, "level '%s' is not one of the plan's levels", zLevel);
        } else {
            jfail(c,
                  "a '%s' node cannot stand here (levels go one step down "
                  "the plan's list of levels)",
                  zLevel);
        }
        buf_truncate(&c->path, n);
        free(zLevel);
        return -1;
    }
    free(zLevel);
    if (jread_pred(c, o, &p->aNode[iSelf])) {
        return -1;
    }
    for (size_t k = 0; k < (size_t)iSelf; k++) {
        /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): set above, or jfail() failed */
        if (strcmp(p->aNode[k].zCode, nd->zCode) == 0) {
            size_t n = jpush_key(c, "code");
            int rc = jfail(c, "duplicate code '%s'", nd->zCode);
            buf_truncate(&c->path, n);
            return rc;
        }
    }
    json_t *a;
    size_t i;
    json_t *v;
    if (jarray(c, o, "assessments", &a)) {
        return -1;
    }
    json_array_foreach(a, i, v)
    {
        size_t n0 = jpush_key(c, "assessments");
        jpush_index(c, i);
        /* nd may move when children are added; index it afresh. */
        if (jread_assessment(c, v, &p->aNode[iSelf])) {
            return -1;
        }
        buf_truncate(&c->path, n0);
    }
    if (jarray(c, o, "children", &a)) {
        return -1;
    }
    json_array_foreach(a, i, v)
    {
        size_t n0 = jpush_key(c, "children");
        jpush_index(c, i);
        if (jread_node(c, v, p, iSelf, depth + 1)) {
            return -1;
        }
        buf_truncate(&c->path, n0);
    }
    return 0;
}

/* The chapters of round r (rounds[i].chapters): each a known kind, once,
** with a text the Markdown subset accepts (core/chapter.h). */
static int
jread_chapters(JCtx *c, json_t *o, Round *r)
{
    static const char *const azKey[] = { "kind", "text", "text_km", NULL };
    json_t *a, *v;
    size_t i;
    if (jarray(c, o, "chapters", &a)) {
        return -1;
    }
    json_array_foreach(a, i, v)
    {
        size_t n0 = jpush_key(c, "chapters");
        jpush_index(c, i);
        if (!json_is_object(v)) {
            return jfail(c, "expected %s", "an object");
        }
        char *zKind = NULL;
        if (jcheck_keys(c, v, azKey) ||
            jstring(c, v, "kind", 1, LIMIT_CODE_BYTES, &zKind)) {
            return -1;
        }
        ChapterKind e;
        int bBad = chapter_kind_parse(zKind, &e) != 0;
        free(zKind);
        if (bBad) {
            jpush_key(c, "kind");
            return jfail(c, "%s",
                         "unknown chapter (introduction, methodology, "
                         "limitations, findings, good_practices, "
                         "challenges, recommendations, priorities)");
        }
        if (round_chapter(r, e)) {
            return jfail(c, "chapter '%s' appears twice", chapter_kind_name(e));
        }
        RoundChapter *ch = round_add_chapter(r);
        ch->eKind = e;
        if (jstring(c, v, "text", 0, LIMIT_CHAPTER_BYTES, &ch->zText) ||
            jstring(c, v, "text_km", 0, LIMIT_CHAPTER_BYTES, &ch->zTextKm)) {
            return -1;
        }
        if (!ch->zText) {
            ch->zText = xstrdup("");
        }
        for (int k = 0; k < 2; k++) {
            const char *z = k ? ch->zTextKm : ch->zText;
            MdDoc d;
            AppErr e2 = APPERR_INIT;
            if (z && md_parse(z, &d, &e2)) {
                jpush_key(c, k ? "text_km" : "text");
                return jfail(c, "%s", e2.zMsg);
            }
            md_doc_release(&d);
        }
        buf_truncate(&c->path, n0);
    }
    return 0;
}

static int
jread_plan(JCtx *c, json_t *o, Model *m)
{
    static const char *const azKey[] = { "code",   "title",  "title_km",
                                         "levels", "rounds", "nodes",
                                         NULL };
    static const char *const azLevelKey[] = { "name", "indicator", NULL };
    static const char *const azRoundKey[] = { "code",  "title",    "as_of",
                                              "state", "chapters", NULL };
    if (!json_is_object(o)) {
        return jfail(c, "expected %s", "an object");
    }
    if (jcheck_keys(c, o, azKey)) {
        return -1;
    }
    Plan *p = model_add_plan(m);
    if (jstring(c, o, "code", 1, LIMIT_CODE_BYTES - 1, &p->zCode) ||
        jstring(c, o, "title", 0, LIMIT_FIELD_BYTES, &p->zTitle) ||
        jstring(c, o, "title_km", 0, LIMIT_FIELD_BYTES, &p->zTitleKm)) {
        return -1;
    }
    json_t *a, *v;
    size_t i;
    if (jarray(c, o, "levels", &a)) {
        return -1;
    }
    json_array_foreach(a, i, v)
    {
        size_t n0 = jpush_key(c, "levels");
        jpush_index(c, i);
        if (!json_is_object(v)) {
            return jfail(c, "expected %s", "an object");
        }
        if (i >= LIMIT_PLAN_LEVELS) {
            return jfail(c, "%s", "more levels than LIMIT_PLAN_LEVELS");
        }
        if (jcheck_keys(c, v, azLevelKey) ||
            jstring(c, v, "name", 1, LIMIT_CODE_BYTES, &p->aLevel[i].zName)) {
            return -1;
        }
        p->nLevel = (int)i + 1;
        json_t *ind = json_object_get(v, "indicator");
        if (ind && !json_is_boolean(ind)) {
            jpush_key(c, "indicator");
            return jfail(c, "expected %s", "true or false");
        }
        p->aLevel[i].bIndicator = json_is_true(ind);
        for (size_t k = 0; k < i; k++) {
            if (strcmp(p->aLevel[k].zName, p->aLevel[i].zName) == 0) {
                return jfail(c, "level '%s' appears twice", p->aLevel[i].zName);
            }
        }
        buf_truncate(&c->path, n0);
    }
    if (jarray(c, o, "rounds", &a)) {
        return -1;
    }
    json_array_foreach(a, i, v)
    {
        size_t n0 = jpush_key(c, "rounds");
        jpush_index(c, i);
        if (!json_is_object(v)) {
            return jfail(c, "expected %s", "an object");
        }
        Round *r = plan_add_round(p);
        char *zState = NULL;
        if (jcheck_keys(c, v, azRoundKey) ||
            jstring(c, v, "code", 1, LIMIT_CODE_BYTES - 1, &r->zCode) ||
            jstring(c, v, "title", 0, LIMIT_FIELD_BYTES, &r->zTitle) ||
            jstring(c, v, "as_of", 0, LIMIT_CODE_BYTES, &r->zAsOf) ||
            jstring(c, v, "state", 0, LIMIT_CODE_BYTES, &zState)) {
            free(zState);
            return -1;
        }
        if (r->zAsOf && !str_is_date(r->zAsOf)) {
            jpush_key(c, "as_of");
            free(zState);
            return jfail(c, "'%s' is not a date written YYYY-MM-DD", r->zAsOf);
        }
        r->eState = ROUND_DRAFT;
        if (zState && round_state_parse(zState, &r->eState)) {
            jpush_key(c, "state");
            jfail(c, "unknown state '%s' (accepted: " ROUND_STATE_ACCEPTED ")",
                  zState);
            free(zState);
            return -1;
        }
        free(zState);
        if (jread_chapters(c, v, r)) {
            return -1;
        }
        for (size_t k = 0; k + 1 < p->nRound; k++) {
            /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): set above, or jfail() failed */
            if (strcmp(p->aRound[k].zCode, r->zCode) == 0) {
                return jfail(c, "duplicate round code '%s'", r->zCode);
            }
        }
        buf_truncate(&c->path, n0);
    }
    if (jarray(c, o, "nodes", &a)) {
        return -1;
    }
    if (a && json_array_size(a) && p->nLevel == 0) {
        jpush_key(c, "levels");
        return jfail(c, "%s", "a plan with nodes needs its levels");
    }
    json_array_foreach(a, i, v)
    {
        size_t n0 = jpush_key(c, "nodes");
        jpush_index(c, i);
        if (jread_node(c, v, p, -1, 0)) {
            return -1;
        }
        buf_truncate(&c->path, n0);
    }
    return 0;
}

int
model_json_depth_at(const char *z, size_t n, unsigned nMax, int *piLine,
                    int *piCol)
{
    unsigned depth = 0;
    int iLine = 1, iCol = 0, bString = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)z[i];
        if (c == '\n') {
            iLine++;
            iCol = 0;
            continue;
        }
        if ((c & 0xC0) != 0x80) {
            iCol++; /* the first byte of a character */
        }
        if (bString) {
            if (c == '\\') {
                i += i + 1 < n && z[i + 1] != '\n'; /* its escaped byte */
                iCol++;
            } else if (c == '"') {
                bString = 0;
            }
        } else if (c == '"') {
            bString = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > nMax) {
                *piLine = iLine;
                *piCol = iCol;
                return 1;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return 0;
}

int
model_json_read(const char *zFile, const char *z, size_t n, Model *m,
                char **pzRevision, AppErr *err)
{
    if (pzRevision) {
        *pzRevision = NULL;
    }
    /* jansson recurses once per level, up to its own cap of 2048: ours,
    ** far below, is checked before it starts. */
    int iLine, iCol;
    if (model_json_depth_at(z, n, LIMIT_JSON_DEPTH, &iLine, &iCol)) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line %d, column %d: nested "
                          "deeper than %u levels (LIMIT_JSON_DEPTH)",
                          zFile, iLine, iCol, LIMIT_JSON_DEPTH);
    }
    json_error_t jerr;
    json_t *root = json_loadb(z, n, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': line %d, column %d: %s", zFile,
                          jerr.line, jerr.column, jerr.text);
    }
    JCtx c = { zFile, BUF_INIT, err };
    static const char *const azKey[] = { "lmpmon", "revision", "organisations",
                                         "plans", NULL };
    int rc = -1;
    json_t *a, *v;
    size_t i;
    if (!json_is_object(root)) {
        jfail(&c, "expected %s", "an object with the key \"lmpmon\"");
        goto out;
    }
    json_t *ver = json_object_get(root, "lmpmon");
    if (!json_is_integer(ver)) {
        jpush_key(&c, "lmpmon");
        jfail(&c, "%s", "missing or not a number: this is not an lmpmon file");
        goto out;
    }
    if (json_integer_value(ver) > MODEL_JSON_VERSION) {
        jpush_key(&c, "lmpmon");
        jfail(&c,
              "format version %lld is newer than this lmpmon reads (%d): "
              "upgrade lmpmon",
              (long long)json_integer_value(ver), MODEL_JSON_VERSION);
        goto out;
    }
    if (json_integer_value(ver) < 1) {
        jpush_key(&c, "lmpmon");
        jfail(&c, "%s", "format version must be 1 or more");
        goto out;
    }
    char *zRevision = NULL;
    if (jcheck_keys(&c, root, azKey) ||
        jstring(&c, root, "revision", 0, 64, &zRevision)) {
        goto out;
    }
    if (pzRevision) {
        *pzRevision = zRevision;
    } else {
        free(zRevision);
    }
    if (jarray(&c, root, "organisations", &a)) {
        goto out;
    }
    json_array_foreach(a, i, v)
    {
        jpush_key(&c, "organisations");
        jpush_index(&c, i);
        if (jread_org(&c, v, m)) {
            goto out;
        }
        buf_reset(&c.path);
    }
    if (jarray(&c, root, "plans", &a)) {
        goto out;
    }
    json_array_foreach(a, i, v)
    {
        jpush_key(&c, "plans");
        jpush_index(&c, i);
        if (jread_plan(&c, v, m)) {
            goto out;
        }
        buf_reset(&c.path);
    }
    rc = 0;
out:
    if (rc && pzRevision) {
        free(*pzRevision);
        *pzRevision = NULL;
    }
    buf_release(&c.path);
    json_decref(root);
    return rc;
}

/* ---- writing -------------------------------------------------------------- */

static json_t *
jstr_or_null(const char *z)
{
    return z ? json_string(z) : json_null();
}

static json_t *
jstrv(char **a, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(arr, json_string(a[i]));
    }
    return arr;
}

/* The node at index *pi and its subtree; advances *pi past them. */
static json_t *
jwrite_node(const Plan *p, size_t *pi)
{
    size_t iSelf = (*pi)++;
    const Node *n = &p->aNode[iSelf];
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(n->zCode));
    json_object_set_new(o, "level", json_string(p->aLevel[n->iLevel].zName));
    json_object_set_new(o, "text", json_string(n->zText ? n->zText : ""));
    if (n->zTextKm) {
        json_object_set_new(o, "text_km", json_string(n->zTextKm));
    }
    if (n->zIndicator) {
        json_object_set_new(o, "indicator", json_string(n->zIndicator));
    }
    if (n->zIndicatorKm) {
        json_object_set_new(o, "indicator_km", json_string(n->zIndicatorKm));
    }
    if (n->zPredPlan && n->zPredCode) {
        json_t *po = json_object();
        json_object_set_new(po, "plan", json_string(n->zPredPlan));
        json_object_set_new(po, "code", json_string(n->zPredCode));
        json_object_set_new(o, "predecessor", po);
    }
    if (n->nResp || n->nContrib) {
        json_object_set_new(o, "responsible", jstrv(n->azResp, n->nResp));
        json_object_set_new(o, "contributing",
                            jstrv(n->azContrib, n->nContrib));
    }
    if (n->nAssess) {
        json_t *arr = json_array();
        for (size_t k = 0; k < n->nAssess; k++) {
            const Assessment *a = &n->aAssess[k];
            json_t *ao = json_object();
            json_object_set_new(ao, "round", json_string(a->zRound));
            json_object_set_new(
                ao, "action_point",
                json_string(a->zActionPoint ? a->zActionPoint : ""));
            json_object_set_new(ao, "progress",
                                json_string(a->zProgress ? a->zProgress : ""));
            json_object_set_new(ao, "rating",
                                json_string(rating_name(a->eRating)));
            json_object_set_new(ao, "state",
                                json_string(assess_state_name(a->eState)));
            json_array_append_new(arr, ao);
        }
        json_object_set_new(o, "assessments", arr);
    }
    json_t *kids = NULL;
    while (*pi < p->nNode && p->aNode[*pi].iParent == (long)iSelf) {
        if (!kids) {
            kids = json_array();
        }
        json_array_append_new(kids, jwrite_node(p, pi));
    }
    if (kids) {
        json_object_set_new(o, "children", kids);
    }
    return o;
}

void
model_json_write(const Model *m, Buf *b)
{
    model_json_write_revision(m, NULL, b);
}

void
model_json_write_revision(const Model *m, const char *zRevision, Buf *b)
{
    json_t *root = json_object();
    json_object_set_new(root, "lmpmon", json_integer(MODEL_JSON_VERSION));
    if (zRevision) {
        json_object_set_new(root, "revision", json_string(zRevision));
    }
    json_t *orgs = json_array();
    for (size_t i = 0; i < m->nOrg; i++) {
        const Org *g = &m->aOrg[i];
        json_t *o = json_object();
        json_object_set_new(o, "acronym", json_string(g->zAcronym));
        json_object_set_new(o, "name", json_string(g->zName));
        if (g->zNameKm) {
            json_object_set_new(o, "name_km", json_string(g->zNameKm));
        }
        json_object_set_new(o, "kind", json_string(org_kind_name(g->eKind)));
        json_object_set_new(o, "parent", jstr_or_null(g->zParent));
        json_object_set_new(o, "aliases", jstrv(g->azAlias, g->nAlias));
        json_array_append_new(orgs, o);
    }
    json_object_set_new(root, "organisations", orgs);
    json_t *plans = json_array();
    for (size_t i = 0; i < m->nPlan; i++) {
        const Plan *p = &m->aPlan[i];
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(p->zCode));
        json_object_set_new(o, "title",
                            json_string(p->zTitle ? p->zTitle : ""));
        if (p->zTitleKm) {
            json_object_set_new(o, "title_km", json_string(p->zTitleKm));
        }
        json_t *lv = json_array();
        for (int l = 0; l < p->nLevel; l++) {
            json_t *lo = json_object();
            json_object_set_new(lo, "name", json_string(p->aLevel[l].zName));
            json_object_set_new(lo, "indicator",
                                json_boolean(p->aLevel[l].bIndicator));
            json_array_append_new(lv, lo);
        }
        json_object_set_new(o, "levels", lv);
        json_t *rounds = json_array();
        for (size_t r = 0; r < p->nRound; r++) {
            const Round *rd = &p->aRound[r];
            json_t *ro = json_object();
            json_object_set_new(ro, "code", json_string(rd->zCode));
            json_object_set_new(ro, "title",
                                json_string(rd->zTitle ? rd->zTitle : ""));
            json_object_set_new(ro, "as_of", jstr_or_null(rd->zAsOf));
            json_object_set_new(ro, "state",
                                json_string(round_state_name(rd->eState)));
            json_t *ca = json_array();
            for (int k = 0; k < CHAPTER_KIND_COUNT; k++) {
                const RoundChapter *ch = round_chapter(rd, (ChapterKind)k);
                if (!ch) {
                    continue;
                }
                json_t *co = json_object();
                json_object_set_new(co, "kind",
                                    json_string(chapter_kind_name(ch->eKind)));
                json_object_set_new(co, "text",
                                    json_string(ch->zText ? ch->zText : ""));
                if (ch->zTextKm) {
                    json_object_set_new(co, "text_km",
                                        json_string(ch->zTextKm));
                }
                json_array_append_new(ca, co);
            }
            if (json_array_size(ca)) {
                json_object_set_new(ro, "chapters", ca);
            } else {
                json_decref(ca);
            }
            json_array_append_new(rounds, ro);
        }
        json_object_set_new(o, "rounds", rounds);
        json_t *nodes = json_array();
        size_t k = 0;
        while (k < p->nNode) {
            json_array_append_new(nodes, jwrite_node(p, &k));
        }
        json_object_set_new(o, "nodes", nodes);
        json_array_append_new(plans, o);
    }
    json_object_set_new(root, "plans", plans);
    char *z = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    if (z) {
        buf_puts(b, z);
        buf_putc(b, '\n');
        free(z);
    }
    json_decref(root);
}
