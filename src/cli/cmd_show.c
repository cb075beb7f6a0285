/*
** cmd_show.c — terminal views: 'show plan|activity|org|round' and the
** 'plan list', 'org list', 'round list' tables.
**
** Every view loads the model from the store and renders into one Buf that
** is printed at the end, so a failure never leaves half a view.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "term.h"
#include "../base/base.h"
#include "../core/orgdir.h"
#include "../core/review.h"
#include "../report/collection.h"
#include "../report/review_report.h"
#include "../app/succession.h"
#include "../base/i18n.h"
#include "../core/history.h"
#include "../base/banned.h"

/* Load the model (one plan when zPlan is set) or print why not. */
static int
show_load(const CliCtx *ctx, const char *zPlan, Model *m)
{
    Store *s = cli_open_store(ctx);
    if (!s) {
        return -1;
    }
    AppErr err = APPERR_INIT;
    int rc = store_load(s, zPlan, m, &err);
    store_close(s);
    if (rc) {
        (void)cli_fail(&err);
    }
    return rc;
}

/* The plan zPlan, or the only plan; prints why not and returns NULL. */
static Plan *
show_pick_plan(const CliCtx *ctx, Model *m, const char *zPlan)
{
    if (zPlan) {
        Plan *p = model_find_plan(m, zPlan);
        if (!p) {
            (void)fprintf(stderr, "lmpmon: no plan '%s'\n", zPlan);
        }
        return p;
    }
    if (m->nPlan == 1) {
        return &m->aPlan[0];
    }
    (void)fprintf(stderr,
                  m->nPlan ? "lmpmon: the database holds %zu plans; "
                             "choose one with --plan CODE\n"
                           : "lmpmon: the database holds %zu plans "
                             "(import one first)\n",
                  m->nPlan);
    return NULL;
}

static void
show_print(Buf *b)
{
    (void)fwrite(buf_str(b), 1, b->n, stdout);
    buf_release(b);
}

/* Rating of node n in the plan's latest round it was assessed in. */
static const Assessment *
show_latest(const Plan *p, const Node *n)
{
    for (size_t r = p->nRound; r-- > 0;) {
        const Assessment *a = node_find_assessment(n, p->aRound[r].zCode);
        if (a) {
            return a;
        }
    }
    return NULL;
}

static size_t
show_count_leaves(const Plan *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nNode; i++) {
        n += p->aNode[i].iLevel == plan_leaf_level(p);
    }
    return n;
}

/* Append the English plural of a level name ("activity" -> "activities"). */
static void
show_plural(Buf *b, const char *z)
{
    size_t n = strlen(z);
    if (n > 1 && z[n - 1] == 'y' && !strchr("aeiou", z[n - 2])) {
        buf_append(b, z, n - 1);
        buf_puts(b, "ies");
    } else {
        buf_printf(b, "%s%s", z, n && z[n - 1] == 's' ? "es" : "s");
    }
}

static void
show_list_join(Buf *b, char **a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        buf_printf(b, "%s%s", i ? ", " : "", a[i]);
    }
    if (n == 0) {
        buf_puts(b, "(none)");
    }
}

/* ** COMMAND: show plan */
static int
show_plan(const CliCtx *ctx, const char *zPlan)
{
    Model m = MODEL_INIT;
    if (show_load(ctx, zPlan, &m)) {
        return CLI_FAIL;
    }
    Plan *p = show_pick_plan(ctx, &m, zPlan);
    if (!p) {
        model_release(&m);
        return CLI_FAIL;
    }
    size_t w = term_width();
    Buf b = BUF_INIT;
    buf_printf(&b, "%s (%s)\n", p->zTitle, p->zCode);
    buf_puts(&b, "levels: ");
    for (int l = 0; l < p->nLevel; l++) {
        buf_printf(&b, "%s%s", l ? " > " : "", p->aLevel[l].zName);
    }
    buf_printf(&b, "; %zu ", show_count_leaves(p));
    show_plural(&b, p->nLevel ? p->aLevel[plan_leaf_level(p)].zName : "node");
    buf_puts(&b, "; rounds: ");
    for (size_t r = 0; r < p->nRound; r++) {
        buf_printf(&b, "%s%s", r ? ", " : "", p->aRound[r].zCode);
    }
    if (p->nRound == 0) {
        buf_puts(&b, "none");
    }
    buf_puts(&b, "\n\n");
    const char *zLatest = p->nRound ? p->aRound[p->nRound - 1].zCode : NULL;
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        size_t nIndent = 2 * (size_t)n->iLevel;
        size_t nStart = b.n;
        buf_repeat(&b, ' ', nIndent);
        buf_printf(&b, "%-5s ", n->zCode);
        size_t used = utf8_width(buf_str(&b) + nStart, b.n - nStart);
        size_t nRating = 0;
        const char *zRating = NULL;
        if (n->iLevel == plan_leaf_level(p) && zLatest) {
            const Assessment *a = show_latest(p, n);
            zRating = a ? rating_name(a->eRating) : "";
            if (!*zRating) {
                zRating = a ? "not rated" : "";
            }
            nRating = 15;
        }
        size_t room = w > used + nRating + 1 ? w - used - nRating - 1 : 10;
        utf8_pad(&b, n->zText, room);
        if (zRating) {
            buf_printf(&b, " %s", zRating);
        }
        while (b.n > 0 && b.z[b.n - 1] == ' ') {
            buf_truncate(&b, b.n - 1);
        }
        buf_putc(&b, '\n');
    }
    if (zLatest) {
        buf_printf(&b,
                   "\n(ratings: the latest round each %s was assessed in)\n",
                   p->aLevel[plan_leaf_level(p)].zName);
    }
    show_print(&b);
    model_release(&m);
    return CLI_OK;
}

/* Append the audit trail of node zCode of plan zPlan (and of its
** assessments) to b, oldest first. */
static int
show_history(const CliCtx *ctx, const char *zPlan, const char *zCode, size_t w,
             Buf *b)
{
    Store *s = cli_open_store(ctx);
    if (!s) {
        return -1;
    }
    AppErr err = APPERR_INIT;
    AuditEntry *a = NULL;
    size_t n = 0;
    Buf key = BUF_INIT;
    buf_printf(&key, "%s/%s", zPlan, zCode);
    int rc = store_audit_list(s, buf_str(&key), &a, &n, &err);
    store_close(s);
    if (rc) {
        buf_release(&key);
        return cli_fail(&err), -1;
    }
    buf_puts(b, "\n== ");
    buf_printf(b, ngettext("History (%zu change)", "History (%zu changes)", n),
               n);
    buf_puts(b, "\n");
    for (size_t i = 0; i < n; i++) {
        const AuditEntry *e = &a[i];
        /* In the words the activity page's history uses (core/history.h):
        ** "2018 statement of MOLVT: state: Submitted -> Accepted". */
        Buf line = BUF_INIT, value = BUF_INIT;
        char zWhen[STR_TIME_LOCAL_BYTES];
        str_time_local(e->zAt, zWhen, sizeof zWhen);
        buf_printf(&line, "%s  %s  ", zWhen, e->zActor);
        history_describe(&line, e->zEntity, e->zKey, key.n, e->zField);
        if (str_eq(e->zAction, "create")) {
            const char *zNew =
                history_value_list(&value, e->zEntity, e->zField, e->zNew);
            buf_printf(&line, ": %s", zNew ? zNew : "");
        } else {
            const char *zOld =
                history_value_list(&value, e->zEntity, e->zField, e->zOld);
            buf_printf(&line, ": %s \xE2\x86\x92 ",
                       zOld && *zOld ? zOld : _("(none)"));
            buf_reset(&value);
            const char *zNew =
                history_value_list(&value, e->zEntity, e->zField, e->zNew);
            buf_puts(&line, zNew && *zNew ? zNew : _("(none)"));
        }
        buf_release(&value);
        utf8_wrap(b, buf_str(&line), w - 2, "  ");
        buf_release(&line);
    }
    buf_release(&key);
    audit_free(a, n);
    return 0;
}

/* The activity's history before its plan (its predecessors' ratings by
** round, with their plan) and the plan that carries it on. */
static void
show_succession(const Model *m, const Plan *p, const Node *n, Buf *b)
{
    const Plan *pp;
    const Node *q = model_find_predecessor(m, n, &pp);
    if (q) {
        buf_printf(b, "\n== Before this plan: %s %s of plan %s\n",
                   pp->aLevel[q->iLevel].zName, q->zCode, pp->zCode);
        PredRound *a;
        size_t nA = model_predecessor_rounds(m, n, &a);
        for (size_t k = 0; k < nA; k++) {
            const char *zRating = rating_label(a[k].a->eRating);
            buf_printf(b, "%s (plan %s): %s\n", a[k].rd->zCode, a[k].p->zCode,
                       *zRating ? zRating : "not rated");
        }
        if (nA == 0) {
            buf_puts(b, "no rounds\n");
        }
        free(a);
    }
    q = model_find_successor(m, p, n, &pp);
    if (q) {
        buf_printf(b, "\nCarried on in plan %s as %s %s.\n", pp->zCode,
                   pp->aLevel[q->iLevel].zName, q->zCode);
    }
}

/* ** COMMAND: show activity */
static int
show_activity(const CliCtx *ctx, const char *zCode, const char *zPlan,
              int bHistory)
{
    Model m = MODEL_INIT;
    /* Every plan: the activity's history runs across them. */
    if (show_load(ctx, NULL, &m)) {
        return CLI_FAIL;
    }
    if (zPlan && !show_pick_plan(ctx, &m, zPlan)) {
        model_release(&m);
        return CLI_FAIL;
    }
    /* Find the code in the chosen plan, or in any plan when unique. */
    Plan *p = NULL;
    long iNode = -1;
    for (size_t k = 0; k < m.nPlan; k++) {
        if (zPlan && !str_eq(m.aPlan[k].zCode, zPlan)) {
            continue;
        }
        long i = plan_find_node(&m.aPlan[k], zCode);
        if (i >= 0) {
            if (p) {
                (void)fprintf(stderr,
                              "lmpmon: '%s' is in plans '%s' and '%s'; "
                              "choose one with --plan CODE\n",
                              zCode, p->zCode, m.aPlan[k].zCode);
                model_release(&m);
                return CLI_FAIL;
            }
            p = &m.aPlan[k];
            iNode = i;
        }
    }
    if (!p) {
        (void)fprintf(stderr, "lmpmon: no activity '%s'%s%s\n", zCode,
                      zPlan ? " in plan " : "", zPlan ? zPlan : "");
        model_release(&m);
        return CLI_FAIL;
    }
    size_t w = term_width();
    const Node *n = &p->aNode[iNode];
    Buf b = BUF_INIT;
    const char *zLevel = p->aLevel[n->iLevel].zName;
    utf8_capitalise(&b, zLevel);
    buf_printf(&b, " %s — %s\n", n->zCode, p->zTitle);
    utf8_wrap(&b, n->zText, w - 2, "  ");
    buf_putc(&b, '\n');
    for (int l = 0; l < n->iLevel; l++) {
        long ia = plan_ancestor_at(p, iNode, l);
        if (ia < 0) {
            continue;
        }
        const Node *a = &p->aNode[ia];
        Buf head = BUF_INIT;
        utf8_capitalise(&head, p->aLevel[l].zName);
        buf_printf(&head, " %s: ", a->zCode);
        buf_puts(&head, a->zText);
        utf8_wrap(&b, buf_str(&head), w, "");
        buf_release(&head);
        if (a->zIndicator) {
            Buf ind = BUF_INIT;
            buf_printf(&ind, "Indicator: %s", a->zIndicator);
            utf8_wrap(&b, buf_str(&ind), w - 2, "  ");
            buf_release(&ind);
        }
    }
    buf_puts(&b, "\nResponsible:  ");
    show_list_join(&b, n->azResp, n->nResp);
    buf_puts(&b, "\nContributing: ");
    show_list_join(&b, n->azContrib, n->nContrib);
    buf_putc(&b, '\n');
    for (size_t r = 0; r < p->nRound; r++) {
        const Round *rd = &p->aRound[r];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        buf_printf(&b, "\n== %s", rd->zTitle);
        if (rd->zAsOf) {
            buf_printf(&b, " (as of %s)", rd->zAsOf);
        }
        if (!a) {
            buf_puts(&b, "\n  not part of this round\n");
            continue;
        }
        const char *zRating = rating_name(a->eRating);
        buf_printf(&b, "\nRating: %s   [%s]\n",
                   *zRating ? zRating : "not rated",
                   assess_state_name(a->eState));
        buf_puts(&b, "Action point:\n");
        utf8_wrap(&b, *a->zActionPoint ? a->zActionPoint : "(none)", w - 2,
                  "  ");
        buf_puts(&b, "Progress:\n");
        utf8_wrap(&b, *a->zProgress ? a->zProgress : "(none)", w - 2, "  ");
    }
    show_succession(&m, p, n, &b);
    if (bHistory && show_history(ctx, p->zCode, n->zCode, w, &b)) {
        buf_release(&b);
        model_release(&m);
        return CLI_FAIL;
    }
    show_print(&b);
    model_release(&m);
    return CLI_OK;
}

/* ** COMMAND: show org */
static int
show_org(const CliCtx *ctx, const char *zName)
{
    Model m = MODEL_INIT;
    if (show_load(ctx, NULL, &m)) {
        return CLI_FAIL;
    }
    OrgDir *d = orgdir_new(&m);
    const Org *o = orgdir_resolve(d, zName);
    if (!o) {
        Buf sug = BUF_INIT;
        orgdir_suggest(d, zName, 3, &sug);
        (void)fprintf(stderr, "lmpmon: no organisation '%s'%s%s%s\n", zName,
                      sug.n ? " (did you mean " : "", buf_str(&sug),
                      sug.n ? "?)" : "");
        buf_release(&sug);
        orgdir_free(d);
        model_release(&m);
        return CLI_FAIL;
    }
    size_t w = term_width();
    Buf b = BUF_INIT;
    buf_printf(&b, "%s — %s\nkind: %s\n", o->zAcronym, o->zName,
               org_kind_name(o->eKind));
    if (o->zParent) {
        buf_printf(&b, "part of: %s\n", o->zParent);
    }
    if (o->nAlias) {
        buf_puts(&b, "also written: ");
        show_list_join(&b, o->azAlias, o->nAlias);
        buf_putc(&b, '\n');
    }
    for (size_t k = 0; k < m.nPlan; k++) {
        const Plan *p = &m.aPlan[k];
        static const char *azHead[] = { "code", "role", "rating", "activity" };
        Table t;
        table_init(&t, 4, azHead);
        for (size_t i = 0; i < p->nNode; i++) {
            const Node *n = &p->aNode[i];
            const char *zRole = NULL;
            for (size_t j = 0; j < n->nResp && !zRole; j++) {
                zRole =
                    str_eq(n->azResp[j], o->zAcronym) ? "responsible" : NULL;
            }
            for (size_t j = 0; j < n->nContrib && !zRole; j++) {
                zRole = str_eq(n->azContrib[j], o->zAcronym) ? "contributing"
                                                             : NULL;
            }
            if (!zRole) {
                continue;
            }
            const Assessment *a = show_latest(p, n);
            const char *azRow[4] = { n->zCode, zRole,
                                     a ? rating_name(a->eRating) : "",
                                     n->zText };
            table_add(&t, azRow);
        }
        if (t.nRow) {
            buf_printf(&b, "\n%s: %zu activities\n", p->zCode, t.nRow);
            table_render(&t, w, &b);
        }
        table_release(&t);
    }
    show_print(&b);
    orgdir_free(d);
    model_release(&m);
    return CLI_OK;
}

/* ** COMMAND: show round */
static int
show_round(const CliCtx *ctx, const char *zRound, const char *zPlan)
{
    Model m = MODEL_INIT;
    if (show_load(ctx, zPlan, &m)) {
        return CLI_FAIL;
    }
    Plan *p = NULL;
    Round *rd = NULL;
    for (size_t k = 0; k < m.nPlan; k++) {
        Round *r = plan_find_round(&m.aPlan[k], zRound);
        if (r && rd) {
            (void)fprintf(stderr,
                          "lmpmon: round '%s' is in plans '%s' and "
                          "'%s'; choose one with --plan CODE\n",
                          zRound, p->zCode, m.aPlan[k].zCode);
            model_release(&m);
            return CLI_FAIL;
        }
        if (r) {
            p = &m.aPlan[k];
            rd = r;
        }
    }
    if (!rd) {
        (void)fprintf(stderr, "lmpmon: no round '%s'\n", zRound);
        model_release(&m);
        return CLI_FAIL;
    }
    size_t w = term_width();
    Buf b = BUF_INIT;
    buf_printf(&b, "%s — %s (%s)\nround %s, as of %s, %s\n", rd->zTitle,
               p->zTitle, p->zCode, rd->zCode, rd->zAsOf ? rd->zAsOf : "-",
               round_state_name(rd->eState));
    size_t anCount[RATING_COUNT] = { 0 };
    size_t nAssessed = 0;
    static const char *azHead[] = { "code", "rating", "action point" };
    Table t;
    table_init(&t, 3, azHead);
    for (size_t i = 0; i < p->nNode; i++) {
        const Node *n = &p->aNode[i];
        const Assessment *a = node_find_assessment(n, rd->zCode);
        if (!a) {
            continue;
        }
        nAssessed++;
        anCount[a->eRating]++;
        const char *zRating = rating_name(a->eRating);
        const char *azRow[3] = { n->zCode, *zRating ? zRating : "not rated",
                                 *a->zActionPoint ? a->zActionPoint
                                                  : n->zText };
        table_add(&t, azRow);
    }
    buf_printf(&b, "\n%zu activities assessed:\n", nAssessed);
    static const Rating aOrder[] = { RATING_ON_TARGET, RATING_PROGRESSING,
                                     RATING_NOT_ON_TARGET, RATING_NONE };
    for (size_t k = 0; k < 4; k++) {
        Rating r = aOrder[k];
        const char *zName = r == RATING_NONE ? "not rated" : rating_name(r);
        buf_printf(&b, "  %-14s %4zu\n", zName, anCount[r]);
    }
    buf_putc(&b, '\n');
    table_render(&t, w, &b);
    table_release(&t);
    show_print(&b);
    model_release(&m);
    return CLI_OK;
}

int
cmd_show(CliCtx *ctx)
{
    const char *zPlan = NULL;
    int bHistory = 0;
    CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL },
                      { "history", 0, NULL, &bHistory },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    int rc;
    const char *zWhat = nPos ? azPos[0] : "";
    if (strcmp(zWhat, "plan") == 0 && nPos <= 2) {
        rc = show_plan(ctx, nPos == 2 ? azPos[1] : zPlan);
    } else if (strcmp(zWhat, "activity") == 0 && nPos == 2) {
        rc = show_activity(ctx, azPos[1], zPlan, bHistory);
    } else if (strcmp(zWhat, "org") == 0 && nPos == 2) {
        rc = show_org(ctx, azPos[1]);
    } else if (strcmp(zWhat, "round") == 0 && nPos == 2) {
        rc = show_round(ctx, azPos[1], zPlan);
    } else {
        rc = cli_usage_error(ctx,
                             _("show what? (plan [CODE], activity CODE, org "
                               "NAME or round CODE)"));
    }
    free(azPos);
    return rc;
}

/* Shared argument check of the 'X list' commands. */
static int
list_args(CliCtx *ctx, const char **pzPlan)
{
    CliOpt aOpt[] = { { "plan", 1, pzPlan, NULL }, { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return -1;
    }
    int bOk = nPos == 1 && strcmp(azPos[0], "list") == 0;
    free(azPos);
    if (!bOk) {
        cli_usage_error(ctx, _("the only subcommand is '%s list'"),
                        ctx->argv[0]);
        return -1;
    }
    return 0;
}

/* ** COMMAND: plan new */
static int
cmd_plan_new(CliCtx *ctx)
{
    const char *zFrom = NULL, *zTitle = NULL;
    CliOpt aOpt[] = { { "from", 1, &zFrom, NULL },
                      { "title", 1, &zTitle, NULL },
                      { NULL, 0, NULL, NULL } };
    char **azPos;
    size_t nPos;
    if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
        return CLI_USAGE;
    }
    if (nPos != 2 || !zFrom) {
        free(azPos);
        return cli_usage_error(ctx, "plan new CODE --from PLAN [--title T]");
    }
    const char *zCode = azPos[1];
    Store *s = cli_open_store(ctx);
    if (!s) {
        free(azPos);
        return CLI_FAIL;
    }
    AppErr err = APPERR_INIT;
    Actor who = cli_actor(ctx);
    size_t nNode = 0;
    int rc = CLI_OK;
    if (app_plan_succeed(s, &who, zFrom, zCode, zTitle, &nNode, &err)) {
        rc = cli_fail(&err);
    } else {
        printf("created plan %s from %s: %zu nodes, each linked to its "
               "predecessor\n",
               zCode, zFrom, nNode);
    }
    store_close(s);
    free(azPos);
    return rc;
}

/* ** COMMAND: plan list */
int
cmd_plan(CliCtx *ctx)
{
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "new") == 0) {
        return cmd_plan_new(ctx);
    }
    const char *zPlan = NULL;
    if (list_args(ctx, &zPlan)) {
        return CLI_USAGE;
    }
    Model m = MODEL_INIT;
    if (show_load(ctx, zPlan, &m)) {
        return CLI_FAIL;
    }
    static const char *azHead[] = { "code", "activities", "rounds", "title" };
    Table t;
    table_init(&t, 4, azHead);
    for (size_t k = 0; k < m.nPlan; k++) {
        const Plan *p = &m.aPlan[k];
        char zN[32], zR[32];
        (void)snprintf(zN, sizeof zN, "%zu", show_count_leaves(p));
        (void)snprintf(zR, sizeof zR, "%zu", p->nRound);
        const char *azRow[4] = { p->zCode, zN, zR, p->zTitle };
        table_add(&t, azRow);
    }
    Buf b = BUF_INIT;
    table_render(&t, term_width(), &b);
    table_release(&t);
    show_print(&b);
    model_release(&m);
    return CLI_OK;
}

/* ** COMMAND: org list */
int
cmd_org(CliCtx *ctx)
{
    const char *zPlan = NULL;
    if (list_args(ctx, &zPlan)) {
        return CLI_USAGE;
    }
    Model m = MODEL_INIT;
    if (show_load(ctx, zPlan, &m)) {
        return CLI_FAIL;
    }
    static const char *azHead[] = { "acronym", "kind", "leads", "contributes",
                                    "name" };
    Table t;
    table_init(&t, 5, azHead);
    for (size_t i = 0; i < m.nOrg; i++) {
        const Org *o = &m.aOrg[i];
        size_t nLead = 0, nContrib = 0;
        for (size_t k = 0; k < m.nPlan; k++) {
            const Plan *p = &m.aPlan[k];
            for (size_t j = 0; j < p->nNode; j++) {
                const Node *n = &p->aNode[j];
                for (size_t x = 0; x < n->nResp; x++) {
                    nLead += str_eq(n->azResp[x], o->zAcronym);
                }
                for (size_t x = 0; x < n->nContrib; x++) {
                    nContrib += str_eq(n->azContrib[x], o->zAcronym);
                }
            }
        }
        char zL[32], zC[32];
        (void)snprintf(zL, sizeof zL, "%zu", nLead);
        (void)snprintf(zC, sizeof zC, "%zu", nContrib);
        const char *azRow[5] = { o->zAcronym, org_kind_name(o->eKind), zL, zC,
                                 o->zName };
        table_add(&t, azRow);
    }
    Buf b = BUF_INIT;
    table_render(&t, term_width(), &b);
    table_release(&t);
    show_print(&b);
    model_release(&m);
    return CLI_OK;
}

/* ** COMMAND: round status */
static int
cmd_round_status(CliCtx *ctx, const char *zRound, const char *zPlan,
                 const char *zFormat)
{
    if (zFormat && strcmp(zFormat, "text") != 0 &&
        strcmp(zFormat, "csv") != 0 && strcmp(zFormat, "json") != 0) {
        return cli_usage_error(ctx, "unknown format '%s' (text, csv or json)",
                               zFormat);
    }
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    Model m = MODEL_INIT;
    AppErr err = APPERR_INIT;
    const char *azRound[] = { zRound };
    int rc = store_load_rounds(s, zPlan, azRound, 1, 0, &m, &err);
    store_close(s);
    if (rc) {
        model_release(&m);
        return cli_fail(&err);
    }
    const Plan *p = zPlan          ? model_find_plan(&m, zPlan)
                    : m.nPlan == 1 ? &m.aPlan[0]
                                   : NULL;
    const Round *rd = p ? plan_find_round(p, zRound) : NULL;
    if (!p || !rd) {
        if (!p && !zPlan && m.nPlan > 1) {
            apperr_set(&err, APPERR_USAGE,
                       "the database holds %zu plans; choose one with "
                       "--plan CODE",
                       m.nPlan);
        } else {
            apperr_set(&err, APPERR_NOTFOUND, "no round '%s'%s%s", zRound,
                       zPlan ? " in plan " : "", zPlan ? zPlan : "");
        }
        model_release(&m);
        return cli_fail(&err);
    }
    Buf b = BUF_INIT;
    char zToday[11];
    str_today_local(zToday);
    if (zFormat && strcmp(zFormat, "json") == 0) {
        collection_json(&m, p, rd, zToday, &b);
    } else {
        Sheet t;
        collection_sheet(&m, p, rd, zToday, "organisations", NULL, NULL, &t);
        if (zFormat && strcmp(zFormat, "csv") == 0) {
            rc = sheet_render(&t, SHEET_CSV, &b, &err);
        } else {
            ReviewProgress g;
            review_progress(p, rd, &g);
            buf_printf(&b, "%s (%s): ", rd->zTitle ? rd->zTitle : rd->zCode,
                       round_state_label(rd->eState));
            review_progress_sentence(&g, &b);
            buf_puts(&b, "\n");
            if (rd->zDue) {
                buf_printf(&b, "Due %s", rd->zDue);
                size_t nOverdue = review_round_overdue(p, rd, zToday);
                if (nOverdue) {
                    buf_printf(&b, "; %zu overdue on %s", nOverdue, zToday);
                }
                buf_puts(&b, ".\n");
            } else {
                buf_puts(&b, "No due date.\n");
            }

            /* An 80-column terminal holds the acronym, the counts of
            ** statements, the due date and whether it is overdue (hence
            ** the short heads; "Resubm.": resubmitted, "Subm.":
            ** submitted): the names and the partners' activities are in
            ** the CSV and the JSON. */
            static const struct {
                size_t iCol;
                const char *zHead;
            } aShow[] = { { 0, "Org" },       { 4, "Owed" },
                          { 6, "Not begun" }, { 7, "Draft" },
                          { 8, "Subm." },     { 9, "Returned" },
                          { 10, "Resubm." },  { 11, "Accepted" },
                          { 12, "To do" },    { 2, "Due" },
                          { 3, "Overdue" } };

            enum { N_SHOW = sizeof aShow / sizeof aShow[0] };

            const char *azHead[N_SHOW];
            for (size_t k = 0; k < N_SHOW; k++) {
                azHead[k] = aShow[k].zHead;
            }
            Table tt;
            table_init(&tt, N_SHOW, azHead);
            const char *azRow[N_SHOW];
            for (size_t i = 0; i + t.nCol <= t.nCell; i += t.nCol) {
                for (size_t k = 0; k < N_SHOW; k++) {
                    azRow[k] = t.aCell[i + aShow[k].iCol].zText;
                }
                table_add(&tt, azRow);
            }
            if (t.nCell == 0) {
                buf_puts(&b, "No organisation is linked to an activity "
                             "assessed in this round.\n");
            } else {
                table_render(&tt, term_width(), &b);
            }
            table_release(&tt);
        }
        sheet_release(&t);
    }
    model_release(&m);
    if (rc) {
        buf_release(&b);
        return cli_fail(&err);
    }
    show_print(&b);
    return CLI_OK;
}

/* ** COMMAND: round list */
int
cmd_round(CliCtx *ctx)
{
    const char *zPlan = NULL;
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "status") == 0) {
        const char *zFormat = NULL;
        CliOpt aOpt[] = { { "plan", 1, &zPlan, NULL },
                          { "format", 1, &zFormat, NULL },
                          { NULL, 0, NULL, NULL } };
        char **azPos;
        size_t nPos;
        if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
            return CLI_USAGE;
        }
        int rc = nPos == 2 ? cmd_round_status(ctx, azPos[1], zPlan, zFormat)
                           : cli_usage_error(ctx, "round status CODE");
        free(azPos);
        return rc;
    }
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "due") == 0) {
        return cmd_round_due(ctx);
    }
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "extend") == 0) {
        return cmd_round_extend(ctx);
    }
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "remind") == 0) {
        return cmd_round_remind(ctx);
    }
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "correct") == 0) {
        return cmd_round_correct(ctx);
    }
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "chapter") == 0) {
        return cmd_round_chapter(ctx);
    }
    if (ctx->argc >= 2 && strcmp(ctx->argv[1], "chapters") == 0) {
        return cmd_round_chapters(ctx);
    }
    if (ctx->argc >= 2 && (strcmp(ctx->argv[1], "open") == 0 ||
                           strcmp(ctx->argv[1], "close") == 0 ||
                           strcmp(ctx->argv[1], "publish") == 0)) {
        const char *zTitle = NULL, *zAsOf = NULL, *zDue = NULL;
        int bYes = 0;
        CliOpt aOpt[] = {
            { "plan", 1, &zPlan, NULL },  { "title", 1, &zTitle, NULL },
            { "as-of", 1, &zAsOf, NULL }, { "due", 1, &zDue, NULL },
            { "yes", 0, NULL, &bYes },    { NULL, 0, NULL, NULL }
        };
        char **azPos;
        size_t nPos;
        if (cli_parse(ctx, aOpt, &azPos, &nPos)) {
            return CLI_USAGE;
        }
        int rc = nPos == 2 ? cmd_round_state(ctx, azPos[0], azPos[1], zPlan,
                                             zTitle, zAsOf, zDue, bYes)
                           : cli_usage_error(ctx, _("round %s CODE"), azPos[0]);
        free(azPos);
        return rc;
    }
    if (list_args(ctx, &zPlan)) {
        return CLI_USAGE;
    }
    /* Counted by the database: a round list never loads an assessment. */
    Store *s = cli_open_store(ctx);
    if (!s) {
        return CLI_FAIL;
    }
    RoundCount *a = NULL;
    size_t n = 0;
    AppErr err = APPERR_INIT;
    if (store_round_list(s, zPlan, &a, &n, &err)) {
        store_close(s);
        return cli_fail(&err);
    }
    store_close(s);
    static const char *azHead[] = { "plan",     "round", "as of", "state",
                                    "assessed", "rated", "title" };
    Table t;
    table_init(&t, 7, azHead);
    for (size_t k = 0; k < n; k++) {
        const Round *rd = &a[k].r;
        char zA[32], zR[32];
        (void)snprintf(zA, sizeof zA, "%ld", a[k].nAssessed);
        (void)snprintf(zR, sizeof zR, "%ld", a[k].nRated);
        const char *azRow[7] = { a[k].zPlan,
                                 rd->zCode,
                                 rd->zAsOf ? rd->zAsOf : "-",
                                 round_state_name(rd->eState),
                                 zA,
                                 zR,
                                 rd->zTitle };
        table_add(&t, azRow);
    }
    round_count_free(a, n);
    Buf b = BUF_INIT;
    table_render(&t, term_width(), &b);
    table_release(&t);
    show_print(&b);
    return CLI_OK;
}
