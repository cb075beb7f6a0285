/*
** model_json.h — the whole model as JSON (docs/formats/model-json.md).
**
**   { "lmpmon": 1, "revision": "1234@2026-03-04T10:15:00Z",
**     "organisations": [ { "acronym", "name", "kind", "parent", "aliases" } ],
**     "plans": [ { "code", "title", "levels": [ {"name", "indicator"} ],
**                  "rounds": [ {"code", "title", "as_of", "state"} ],
**                  "nodes": [ {"code", "level", "text", "indicator",
**                              "responsible", "contributing",
**                              "assessments": [ {"round", "action_point",
**                                  "progress", "rating", "state"} ],
**                              "children": [ ... ] } ] } ] }
**
** Every key but "lmpmon" is optional, so a file may carry only the
** organisation directory, or a plan's levels and rounds without its nodes.
*/
#ifndef LMPMON_MODEL_JSON_H
#define LMPMON_MODEL_JSON_H

#include "../base/apperr.h"
#include "../base/buf.h"
#include "../core/model.h"

/* The version written in "lmpmon"; files from a newer one are refused. */
#define MODEL_JSON_VERSION 1

/* Parse z[0..n) named zFile into the empty model m; *pzRevision (when not
** NULL) gets a heap copy of "revision", what an export recorded (see
** io/merge.h), or NULL.  Syntax errors, and nesting deeper than
** LIMIT_JSON_DEPTH, name line and column; shape errors
** name the JSON path of the value ("plans[0].nodes[2].code").  Returns 0
** or -1 with err filled (then *pzRevision is NULL). */
int model_json_read(const char *zFile, const char *z, size_t n, Model *m,
                    char **pzRevision, AppErr *err);

/* Where the JSON text z[0..n) first nests arrays and objects deeper than
** nMax: returns 1 and the 1-based line and column (in characters, as
** jansson counts them) of the bracket one level too deep, or 0 when it
** never does.  Scans without building anything (strings and their escapes
** skipped; the rest need not be valid JSON), so a file of 100,000 nested
** arrays is refused before a parser recurses into it. */
int model_json_depth_at(const char *z, size_t n, unsigned nMax, int *piLine,
                        int *piCol);

/* Append m as indented JSON (UTF-8, keys in a fixed order) to b. */
void model_json_write(const Model *m, Buf *b);

/* The first key of JSON object o that is not one of azKnown
** (NULL-terminated), or NULL: every JSON reader refuses what it does not
** know (model JSON, DHIS2). */
struct json_t;
const char *json_unknown_key(struct json_t *o, const char *const *azKnown);

/* The same with "revision": zRevision after "lmpmon" (when not NULL): what
** an export writes (merge_export_load()). */
void model_json_write_revision(const Model *m, const char *zRevision, Buf *b);

#endif
