/*
** api.c — the JSON API: the same data and the same permissions as the
** pages (the route table guards both).  docs/api.md describes it.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pages.h"
#include "page.h"
#include "router.h"
#include "web_limits.h"
#include "../base/base.h"
#include "../core/checks.h"
#include "../io/model_json.h"
#include "../report/collection.h"
#include "../report/review_report.h"
#include "../app/funding.h"
#include "../app/indicators.h"
#include "../app/workflow.h"
#include "../base/i18n.h"
#include "../base/banned.h"

void
api_send(Resp *w, int status, json_t *j)
{
    w->status = status;
    w->zType = "application/json; charset=utf-8";
    char *z = json_dumps(j, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    resp_reset_body(w);
    buf_puts(&w->body, z ? z : "null");
    buf_putc(&w->body, '\n');
    free(z);
    json_decref(j);
}

static void
api_error(Resp *w, int status, const char *zMsg)
{
    api_send(w, status, json_pack("{s:s}", "error", zMsg));
}

/* page_load, answering errors as JSON. */
static const Plan *
api_load(Req *r, Resp *w, const Model **m)
{
    const Plan *p = page_load(r, w, m);
    if (!p) {
        api_error(w, w->status, _("no plan, or the data cannot be read"));
    }
    return p;
}

/* ** PAGE: /api/me */
int
api_me(Req *r, Resp *w)
{
    const User *u = &r->ses.user;
    api_send(w, 200,
             json_pack("{s:s,s:s,s:s?,s:s}", "name", u->zName, "role",
                       role_name(u->eRole), "org", u->zOrg, "csrf",
                       r->ses.zCsrf));
    return 0;
}

/* ** PAGE: /api/plan */
int
api_plan(Req *r, Resp *w)
{
    const Model *m = NULL;
    if (!api_load(r, w, &m)) {
        return 0;
    }
    w->zType = "application/json; charset=utf-8";
    resp_reset_body(w);
    model_json_write(m, &w->body);
    return 0;
}

/* One statement as the API gives it: its thread and versions only when
** they were loaded for the reader (workflow_activity_threads()). */
static json_t *
api_statement_json(const Actor *who, const Statement *st)
{
    json_t *o =
        json_pack("{s:s,s:s,s:s,s:s,s:i}", "org", st->zOrg, "text", st->zText,
                  "proposed_rating", rating_key(st->eProposed), "state",
                  stmt_state_name(st->eState), "version", st->iVersion);
    if (!rules_statement_may_read(who, st->zOrg)) {
        return o;
    }
    json_t *av = json_array();
    for (size_t i = 0; i < st->nVer; i++) {
        const StmtVersion *v = &st->aVer[i];
        json_array_append_new(av, json_pack("{s:i,s:s,s:s,s:s,s:s,s:s}",
                                            "version", v->iVersion, "text",
                                            v->zText, "proposed_rating",
                                            rating_key(v->eProposed), "state",
                                            stmt_state_name(v->eState), "by",
                                            v->zBy, "at", v->zAt));
    }
    json_object_set_new(o, "versions", av);
    json_t *ac = json_array();
    for (size_t i = 0; i < st->nComment; i++) {
        const StmtComment *c = &st->aComment[i];
        json_array_append_new(
            ac, json_pack("{s:s,s:s,s:s,s:s,s:i}", "author", c->zAuthor, "role",
                          role_name(c->eRole), "at", c->zAt, "text", c->zText,
                          "version", c->iStmtVersion));
    }
    json_object_set_new(o, "comments", ac);
    json_t *af = json_array();
    for (size_t i = 0; i < st->nAttach; i++) {
        const StmtAttachment *f = &st->aAttach[i];
        json_array_append_new(
            af, json_pack("{s:I,s:s,s:s,s:I,s:s,s:s}", "id", (json_int_t)f->iId,
                          "name", f->zName, "type", f->zType, "size",
                          (json_int_t)f->nBytes, "by", f->zBy, "at", f->zAt));
    }
    json_object_set_new(o, "attachments", af);
    return o;
}

/* Plan succession on o, the activity n of p: "predecessor" (its plan and
** code, and "rounds": the ratings of it and its own predecessors by
** round, earliest first) and "successor" (plan and code), each null when
** there is none.  The rounds are those of the shared model: a public
** reader's are the published ones. */
static void
api_succession(const Model *m, const Plan *p, const Node *n, json_t *o)
{
    const Plan *pp;
    const Node *q = model_find_predecessor(m, n, &pp);
    json_t *pred = json_null();
    if (q) {
        pred = json_pack("{s:s,s:s,s:s}", "plan", pp->zCode, "plan_title",
                         pp->zTitle, "code", q->zCode);
        PredRound *a;
        size_t nA = model_predecessor_rounds(m, n, &a);
        json_t *arr = json_array();
        for (size_t k = 0; k < nA; k++) {
            json_array_append_new(
                arr, json_pack("{s:s,s:s,s:s,s:s,s:s}", "plan", a[k].p->zCode,
                               "code", a[k].n->zCode, "round", a[k].rd->zCode,
                               "rating", rating_key(a[k].a->eRating), "state",
                               assess_state_name(a[k].a->eState)));
        }
        free(a);
        json_object_set_new(pred, "rounds", arr);
    }
    json_object_set_new(o, "predecessor", pred);
    q = model_find_successor(m, p, n, &pp);
    json_object_set_new(
        o, "successor",
        q ? json_pack("{s:s,s:s}", "plan", pp->zCode, "code", q->zCode)
          : json_null());
}

/* ** PAGE: /api/activity/{} */
int
api_activity(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = api_load(r, w, &m);
    if (!p) {
        return 0;
    }
    long i = plan_lookup_node(p, r->azParam[0]);
    if (i < 0 || p->aNode[i].iLevel != plan_leaf_level(p)) {
        api_error(w, 404, _("no such activity"));
        return 0;
    }
    /* The statements with their threads, read now, as this reader may see
    ** them (the shared model holds no threads). */
    Actor who = page_actor(r);
    Model tm = MODEL_INIT;
    Node *n = NULL;
    AppErr err = APPERR_INIT;
    if (workflow_activity_threads(r->s, &who, p->zCode, p->aNode[i].zCode, &tm,
                                  &n, &err) ||
        !n) {
        if (!n && err.code == 0) {
            apperr_set(&err, APPERR_NOTFOUND, _("no such activity"));
        }
        web_fail_status(r, w, &err);
        api_error(w, w->status, err.zMsg);
        model_release(&tm);
        return 0;
    }
    json_t *o = json_pack("{s:s,s:s,s:s}", "plan", p->zCode, "code", n->zCode,
                          "text", n->zText);
    if (n->zTextKm) {
        json_object_set_new(o, "text_km", json_string(n->zTextKm));
    }
    json_t *a = json_array();
    for (size_t k = 0; k < n->nResp; k++) {
        json_array_append_new(a, json_string(n->azResp[k]));
    }
    json_object_set_new(o, "responsible", a);
    a = json_array();
    for (size_t k = 0; k < n->nContrib; k++) {
        json_array_append_new(a, json_string(n->azContrib[k]));
    }
    json_object_set_new(o, "contributing", a);
    json_t *rounds = json_array();
    Buf draft = BUF_INIT;
    for (size_t k = 0; k < n->nAssess; k++) {
        const Assessment *x = &n->aAssess[k];
        /* Only the rounds this reader sees (the shared model's plan holds
        ** those: a public visitor sees published rounds only). */
        const Round *rd = plan_find_round(p, x->zRound);
        if (!rd) {
            continue;
        }
        /* The officer's unapproved narrative is the officers' (null). */
        const char *zProgress =
            rules_narrative_may_read(&who, rd, x) ? x->zProgress : NULL;
        json_t *ro =
            json_pack("{s:s,s:s,s:s?,s:s,s:s,s:i}", "round", x->zRound,
                      "action_point", x->zActionPoint, "progress", zProgress,
                      "rating", rating_key(x->eRating), "state",
                      assess_state_name(x->eState), "version", x->iVersion);
        json_t *stmts = json_array();
        /* Anonymous readers never see statements (docs/api.md). */
        for (size_t s = 0; !r->bAnon && s < x->nStmt; s++) {
            json_array_append_new(stmts,
                                  api_statement_json(&who, &x->aStmt[s]));
        }
        json_object_set_new(ro, "statements", stmts);
        buf_reset(&draft);
        if (!r->bAnon) {
            workflow_narrative_draft(x, 0, &draft);
        }
        json_object_set_new(ro, "narrative_draft",
                            json_string(buf_str(&draft)));
        json_array_append_new(rounds, ro);
    }
    buf_release(&draft);
    json_object_set_new(o, "assessments", rounds);
    api_succession(m, p, &p->aNode[i], o);
    model_release(&tm);
    api_send(w, 200, o);
    return 0;
}

/* ** PAGE: /api/round/{}/summary */
int
api_round_summary(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = api_load(r, w, &m);
    if (!p) {
        return 0;
    }
    const char *zCompare = params_get(&r->query, "compare");
    const char *zLevel = params_get(&r->query, "level");
    ReviewReport rep;
    AppErr err = APPERR_INIT;
    if (review_report_build(p, r->azParam[0], zCompare, zLevel, &rep, &err)) {
        web_fail_status(r, w, &err);
        api_error(w, w->status, err.zMsg);
    } else {
        w->zType = "application/json; charset=utf-8";
        resp_reset_body(w);
        review_render_json(&rep, &w->body);
        review_report_release(&rep);
    }
    return 0;
}

/* ** PAGE: /api/round/{}/collection */
int
api_round_collection(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = api_load(r, w, &m);
    if (!p) {
        return 0;
    }
    const Round *rd = plan_find_round(p, r->azParam[0]);
    if (!rd) {
        api_error(w, 404, "no such round");
        return 0;
    }
    w->zType = "application/json; charset=utf-8";
    resp_reset_body(w);
    char zToday[11];
    str_today_local(zToday);
    collection_json(m, p, rd, zToday, &w->body);
    return 0;
}

/* ** PAGE: /api/checks */
int
api_checks(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = api_load(r, w, &m);
    if (!p) {
        return 0;
    }
    const char *zRound = params_get(&r->query, "round");
    if (zRound && !plan_find_round(p, zRound)) {
        api_error(w, 404, _("no such round"));
        return 0;
    }
    Findings f = { 0 };
    checks_run(m, p, zRound, &f);
    json_t *arr = json_array();
    for (size_t i = 0; i < f.n; i++) {
        json_array_append_new(
            arr, json_pack("{s:s,s:s,s:s?,s:s?,s:s}", "rule", f.a[i].zRule,
                           "severity", check_severity_name(f.a[i].eSeverity),
                           "activity", f.a[i].zActivity, "round", f.a[i].zRound,
                           "message", f.a[i].zMessage));
    }
    findings_release(&f);
    api_send(w, 200, arr);
    return 0;
}

/* The request's body as one flat JSON object into *pIn (NULL, with *pErr
** saying why, when it does not parse: the caller answers).  Anything nested
** is refused first, before jansson recurses into it (the rule of every
** JSON reader: model_json_depth_at()): then this answers 400 and returns
** -1. */
static int
api_flat_body(const Req *r, Resp *w, json_t **pIn, json_error_t *pErr)
{
    int iLine = 0, iCol = 0;
    if (model_json_depth_at(r->zBody, r->nBody, 1, &iLine, &iCol)) {
        Buf m = BUF_INIT;
        buf_printf(&m,
                   _("expected one flat JSON object; line %d, column %d "
                     "nests deeper"),
                   iLine, iCol);
        api_error(w, 400, buf_str(&m));
        buf_release(&m);
        return -1;
    }
    *pIn = json_loadb(r->zBody, r->nBody, JSON_REJECT_DUPLICATES, pErr);
    return 0;
}

/* A JSON body's "version" as a use case takes it: 0 to 2^30, else
** APPERR_INPUT. */
static int
api_version(json_int_t version, AppErr *err)
{
    return version < 0 || version > (1 << 30)
               ? apperr_set(err, APPERR_INPUT, _("bad version"))
               : 0;
}

/* The answer of a write through the API: {"ok": true}, or the use case's
** refusal with its status; the body it read is given back. */
static int
api_done(Req *r, Resp *w, int rc, AppErr *err, json_t *in)
{
    if (rc) {
        web_fail_status(r, w, err);
        api_error(w, w->status, err->zMsg);
    } else {
        api_send(w, 200, json_pack("{s:b}", "ok", 1));
    }
    json_decref(in);
    return 0;
}

/* The rating whose key ("on_target", "not_rated") z is: 0, or
** APPERR_INPUT. */
static int
api_rating(const char *z, Rating *pOut, AppErr *err)
{
    for (int k = 0; k < RATING_COUNT; k++) {
        if (str_eq(z, rating_key((Rating)k))) {
            *pOut = (Rating)k;
            return 0;
        }
    }
    return apperr_set(err, APPERR_INPUT, _("unknown rating"));
}

/* ** PAGE: /api/activity/{}/statement (POST) */
int
api_statement_post(Req *r, Resp *w)
{
    json_error_t jerr;
    json_t *in = NULL;
    if (api_flat_body(r, w, &in, &jerr)) {
        return 0;
    }
    const char *zRound = NULL, *zText = NULL, *zRating = "not_rated";
    const char *zAction = "save";
    json_int_t version = 0;
    Rating eRating = RATING_NONE;
    AppErr err = APPERR_INIT;
    int rc;
    if (!in ||
        json_unpack_ex(in, &jerr, JSON_STRICT, "{s:s,s:s,s?s,s?s,s?I}", "round",
                       &zRound, "text", &zText, "rating", &zRating, "action",
                       &zAction, "version", &version)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("expected {\"round\", \"text\", \"rating\", "
                          "\"action\": \"save\"|\"submit\", \"version\"}"));
    } else {
        rc = api_rating(zRating, &eRating, &err) || api_version(version, &err);
    }
    if (rc == 0) {
        Actor who = page_actor(r);
        StatementEdit e = { page_plan_code(r),
                            r->azParam[0],
                            zRound,
                            zText,
                            eRating,
                            (int)version,
                            strcmp(zAction, "submit") == 0 ? WF_SUBMIT
                                                           : WF_SAVE };
        rc = workflow_save_statement(r->s, &who, &e, &err);
    }
    return api_done(r, w, rc, &err, in);
}

/* ** PAGE: /api/activity/{}/statement/{}/review (POST) */
int
api_statement_review_post(Req *r, Resp *w)
{
    json_error_t jerr;
    json_t *in = NULL;
    if (api_flat_body(r, w, &in, &jerr)) {
        return 0;
    }
    const char *zRound = NULL, *zAction = NULL, *zComment = "";
    json_int_t version = 0;
    StmtAction eAct = STMT_ACT_ACCEPT;
    AppErr err = APPERR_INIT;
    int rc;
    if (!in ||
        json_unpack_ex(in, &jerr, JSON_STRICT, "{s:s,s:s,s?s,s?I}", "round",
                       &zRound, "action", &zAction, "comment", &zComment,
                       "version", &version) ||
        (!str_eq(zAction, "accept") && !str_eq(zAction, "return") &&
         !str_eq(zAction, "comment"))) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("expected {\"round\", \"action\": \"accept\"|"
                          "\"return\"|\"comment\", \"comment\", "
                          "\"version\"}"));
    } else {
        eAct = str_eq(zAction, "accept")   ? STMT_ACT_ACCEPT
               : str_eq(zAction, "return") ? STMT_ACT_RETURN
                                           : STMT_ACT_COMMENT;
        rc = api_version(version, &err);
    }
    if (rc == 0) {
        Actor who = page_actor(r);
        StmtReviewEdit e = { page_plan_code(r), r->azParam[0], zRound,
                             r->azParam[1],     eAct,          zComment,
                             (int)version };
        rc = workflow_review_statement(r->s, &who, &e, &err);
    }
    return api_done(r, w, rc, &err, in);
}

/* ** PAGE: /api/activity/{}/assessment (POST) */
int
api_assessment_post(Req *r, Resp *w)
{
    json_error_t jerr;
    json_t *in = NULL;
    if (api_flat_body(r, w, &in, &jerr)) {
        return 0;
    }
    const char *zRound = NULL, *zProgress = NULL, *zRating = NULL;
    const char *zAction = "save";
    json_int_t version = 0;
    Rating eRating = RATING_NONE;
    AppErr err = APPERR_INIT;
    int rc;
    if (!in ||
        json_unpack_ex(in, &jerr, JSON_STRICT, "{s:s,s:s,s:s,s?s,s:I}", "round",
                       &zRound, "progress", &zProgress, "rating", &zRating,
                       "action", &zAction, "version", &version) ||
        (!str_eq(zAction, "save") && !str_eq(zAction, "approve"))) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("expected {\"round\", \"progress\", \"rating\", "
                          "\"action\": \"save\"|\"approve\", \"version\"}"));
    } else {
        rc = api_rating(zRating, &eRating, &err) || api_version(version, &err);
    }
    if (rc == 0) {
        Actor who = page_actor(r);
        ReviewEdit e = { page_plan_code(r),
                         r->azParam[0],
                         zRound,
                         zProgress,
                         eRating,
                         (int)version,
                         str_eq(zAction, "approve") ? WF_APPROVE : WF_SAVE,
                         "" };
        rc = workflow_review(r->s, &who, &e, &err);
    }
    return api_done(r, w, rc, &err, in);
}

/* ** PAGE: /api/round/{}/funding */
int
api_round_funding(Req *r, Resp *w)
{
    const Model *m = NULL;
    const Plan *p = api_load(r, w, &m);
    if (!p) {
        return 0;
    }
    const Round *rd = plan_find_round(p, r->azParam[0]);
    FundSet f;
    memset(&f, 0, sizeof f);
    AppErr err = APPERR_INIT;
    if (!rd) {
        api_error(w, 404, _("no such round"));
    } else if (app_fund_list(r->s, p->zCode, rd->zCode, &f, &err)) {
        web_fail_status(r, w, &err);
        api_error(w, w->status, err.zMsg);
    } else {
        json_t *aCost = json_array(), *aLine = json_array();
        json_t *aTotal = json_array();
        for (size_t i = 0; i < f.nCost; i++) {
            const FundCost *c = &f.aCost[i];
            json_array_append_new(
                aCost, json_pack("{s:s,s:I,s:s,s:s?,s:i}", "activity", c->zNode,
                                 "amount_minor", (json_int_t)c->amount,
                                 "currency", c->zCurrency, "note", c->zNote,
                                 "version", c->iVersion));
        }
        for (size_t i = 0; i < f.nLine; i++) {
            const FundLine *l = &f.aLine[i];
            json_array_append_new(
                aLine,
                json_pack(
                    "{s:s,s:i,s:s,s:s?,s:s?,s:I,s:s,s:s,s:s?,s:i}", "activity",
                    l->zNode, "line", l->iLine, "source_kind",
                    code_table(CODE_FUND_KIND, &(size_t){ 0 })[l->eKind].zKey,
                    "org", l->zOrg, "label", l->zLabel, "amount_minor",
                    (json_int_t)l->amount, "currency", l->zCurrency, "status",
                    code_table(CODE_FUND_STATUS, &(size_t){ 0 })[l->eStatus]
                        .zKey,
                    "note", l->zNote, "version", l->iVersion));
        }
        FundTotals tot = { 0 };
        int iLeaf = plan_leaf_level(p);
        for (size_t i = 0; i < p->nNode; i++) {
            if (p->aNode[i].iLevel == iLeaf) {
                fund_totals_add_activity(&tot, &f, rd->zCode,
                                         p->aNode[i].zCode);
            }
        }
        for (size_t k = 0; k < tot.n; k++) {
            const FundTotal *x = &tot.a[k];
            json_array_append_new(
                aTotal,
                json_pack("{s:s,s:I,s:I,s:I,s:I,s:o,s:I,s:I}", "currency",
                          x->zCurrency, "cost", (json_int_t)x->cost, "secured",
                          (json_int_t)x->secured, "pledged",
                          (json_int_t)x->pledged, "asked", (json_int_t)x->asked,
                          "gap", x->nGap ? json_integer(x->gap) : json_null(),
                          "activities_gap_counted", (json_int_t)x->nGap,
                          "activities_gap_not_computable",
                          (json_int_t)x->nNoGap));
        }
        fund_totals_release(&tot);
        api_send(w, 200,
                 json_pack("{s:s,s:o,s:o,s:o}", "round", rd->zCode, "costs",
                           aCost, "lines", aLine, "totals", aTotal));
    }
    fund_set_release(&f);
    return 0;
}

/* The figures of cell zKey ("women", "men", "total") of a values body:
** "KEY", "KEY_numerator", "KEY_denominator".  1 and v when given, 0 when
** none is, -1 and err naming the field. */
static int
api_ind_cell(json_t *in, const char *zKey, int eSex, IndValue *v, AppErr *err)
{
    char zNum[32], zDen[32];
    (void)snprintf(zNum, sizeof zNum, "%s_numerator", zKey);
    (void)snprintf(zDen, sizeof zDen, "%s_denominator", zKey);
    json_t *jV = json_object_get(in, zKey), *jN = json_object_get(in, zNum),
           *jD = json_object_get(in, zDen);
    if (!jV && !jN && !jD) {
        return 0;
    }
    ind_value_init(v);
    v->eSex = eSex;
    if ((jV && !json_is_number(jV)) || (jN && !json_is_integer(jN)) ||
        (jD && !json_is_integer(jD))) {
        return apperr_set(err, APPERR_INPUT,
                          "%s: value, numerator and denominator are numbers",
                          zKey);
    }
    v->num = jN ? (int64_t)json_integer_value(jN) : -1;
    v->den = jD ? (int64_t)json_integer_value(jD) : -1;
    /* Without a value, the use case takes it from the counts. */
    v->value = jV ? json_number_value(jV) : NAN;
    return 1;
}

/* ** PAGE: /api/indicator/{}/values (POST) */
int
api_indicator_values_post(Req *r, Resp *w)
{
    json_error_t jerr;
    json_t *in = NULL;
    if (api_flat_body(r, w, &in, &jerr)) {
        return 0;
    }
    const char *zPeriod = NULL, *zStamp = NULL, *zAction = "save";
    const char *zSource = NULL, *zReason = NULL;
    json_int_t iRev = 0;
    AppErr err = APPERR_INIT;
    int rc = 0;
    IndValue *aCell = xcalloc(3, sizeof *aCell);
    size_t nCell = 0;
    static const int aeSex[] = { STAT_WOMEN, STAT_MEN, STAT_TOTAL };
    if (!in ||
        json_unpack_ex(in, &jerr, 0, "{s:s,s:s,s?s,s?s,s?s,s?I}", "period",
                       &zPeriod, "stamp", &zStamp, "action", &zAction, "source",
                       &zSource, "reason", &zReason, "revision", &iRev)) {
        rc = apperr_set(&err, APPERR_INPUT,
                        _("expected {\"period\", \"stamp\", \"action\": "
                          "\"save\"|\"submit\"|\"validate\"|\"return\", "
                          "\"women\", \"men\", \"total\", \"source\"}"));
    }
    const char *zKey;
    void *iter = in ? json_object_iter(in) : NULL;
    for (; rc == 0 && iter; iter = json_object_iter_next(in, iter)) {
        zKey = json_object_iter_key(iter);
        static const char *const azKnown[] = { "period",
                                               "stamp",
                                               "action",
                                               "source",
                                               "reason",
                                               "revision",
                                               "women",
                                               "men",
                                               "total",
                                               "women_numerator",
                                               "women_denominator",
                                               "men_numerator",
                                               "men_denominator",
                                               "total_numerator",
                                               "total_denominator",
                                               NULL };
        size_t k = 0;
        while (azKnown[k] && !str_eq(azKnown[k], zKey)) {
            k++;
        }
        if (!azKnown[k] && strncmp(zKey, "by:", 3) != 0) {
            rc = apperr_set(&err, APPERR_INPUT, "%s: unknown field", zKey);
        }
    }
    Actor who = page_actor(r);
    if (rc == 0 && (str_eq(zAction, "validate") || str_eq(zAction, "return"))) {
        IndReview e = { .zPlan = page_plan_code(r),
                        .zCode = r->azParam[0],
                        .iRev = (int)iRev,
                        .zPeriod = zPeriod,
                        .eState = str_eq(zAction, "validate")
                                      ? IND_VALUE_VALIDATED
                                      : IND_VALUE_RETURNED,
                        .zReason = zReason,
                        .zStamp = zStamp };
        rc = app_ind_values_review(r->s, &who, &e, &err);
        free(aCell);
        return api_done(r, w, rc, &err, in);
    }
    if (rc == 0 && !str_eq(zAction, "save") && !str_eq(zAction, "submit")) {
        rc = apperr_set(&err, APPERR_INPUT,
                        "action: save, submit, validate or return");
    }
    for (size_t k = 0; rc == 0 && k < sizeof aeSex / sizeof aeSex[0]; k++) {
        int got = api_ind_cell(
            in, code_table(CODE_STAT_SEX, &(size_t){ 0 })[aeSex[k]].zKey,
            aeSex[k], &aCell[nCell], &err);
        if (got < 0) {
            ind_value_release(&aCell[nCell]);
            rc = -1;
        }
        nCell += got > 0;
    }
    /* The other breakdowns: "by:DIMENSION:PLACE:SEX": a figure. */
    iter = in && rc == 0 ? json_object_iter(in) : NULL;
    for (; rc == 0 && iter; iter = json_object_iter_next(in, iter)) {
        zKey = json_object_iter_key(iter);
        if (strncmp(zKey, "by:", 3) != 0) {
            continue;
        }
        const char *zDim = zKey + 3, *zPlace = strchr(zDim, ':');
        const char *zSex = zPlace ? strrchr(zPlace + 1, ':') : NULL;
        char zD[32];
        int eDim = -1, eSex = -1;
        if (zPlace && (size_t)(zPlace - zDim) < sizeof zD) {
            memcpy(zD, zDim, (size_t)(zPlace - zDim));
            zD[zPlace - zDim] = 0;
            eDim = code_index(CODE_IND_DIM, zD);
        }
        if (zSex) {
            eSex = code_index(CODE_STAT_SEX, zSex + 1);
        }
        json_t *jV = json_object_iter_value(iter);
        if (eDim < 0 || eDim == IND_DIM_SEX || eSex < 0 || zSex == zPlace + 1 ||
            !json_is_number(jV)) {
            rc = apperr_set(&err, APPERR_INPUT,
                            "%s: expected \"by:DIMENSION:PLACE:SEX\": a "
                            "number",
                            zKey);
            break;
        }
        aCell = xreallocarray(aCell, nCell + 1, sizeof *aCell);
        IndValue *v = &aCell[nCell++];
        ind_value_init(v);
        v->eDim = (IndDim)eDim;
        v->eSex = eSex;
        v->zDimCode = xstrndup(zPlace + 1, (size_t)(zSex - zPlace - 1));
        v->value = json_number_value(jV);
    }
    if (rc == 0) {
        IndEntry e = { .zPlan = page_plan_code(r),
                       .zCode = r->azParam[0],
                       .zPeriod = zPeriod,
                       .aCell = aCell,
                       .nCell = nCell,
                       .zSource = zSource,
                       .eState = str_eq(zAction, "submit") ? IND_VALUE_SUBMITTED
                                                           : IND_VALUE_DRAFT,
                       .zStamp = zStamp };
        rc = app_ind_values_put(r->s, &who, &e, &err);
    }
    for (size_t k = 0; k < nCell; k++) {
        ind_value_release(&aCell[k]);
    }
    free(aCell);
    return api_done(r, w, rc, &err, in);
}
