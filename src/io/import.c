/*
** import.c — resolving parsed files against the store and writing them
** (see import.h).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "import.h"
#include "annex_csv.h"
#include "model_json.h"
#include "../base/base.h"
#include "../core/orgdir.h"
#include "../base/banned.h"

int
import_format_parse(const char *z, ImportFormat *pOut)
{
    if (str_eq(z, "csv")) {
        *pOut = IMPORT_CSV;
    } else if (str_eq(z, "json")) {
        *pOut = IMPORT_JSON;
    } else {
        return -1;
    }
    return 0;
}

int
import_read_file(const char *zPath, char **pz, size_t *pn, AppErr *err)
{
    FILE *f = fopen(zPath, "rb");
    if (!f) {
        return apperr_set(err, APPERR_IO, "cannot read '%s': %s", zPath,
                          strerror(errno));
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) == 0 && !S_ISREG(sb.st_mode)) {
        (void)fclose(f);
        return apperr_set(err, APPERR_IO, "cannot read '%s': not a file",
                          zPath);
    }
    Buf b = BUF_INIT;
    buf_init(&b, LIMIT_IMPORT_FILE_BYTES);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_append(&b, chunk, n);
        if (buf_failed(&b)) {
            break;
        }
    }
    int bReadErr = ferror(f);
    (void)fclose(f);
    if (buf_failed(&b)) {
        buf_release(&b);
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': larger than %u bytes "
                          "(LIMIT_IMPORT_FILE_BYTES)", zPath,
                          LIMIT_IMPORT_FILE_BYTES);
    }
    if (bReadErr) {
        buf_release(&b);
        return apperr_set(err, APPERR_IO, "cannot read '%s'", zPath);
    }
    *pn = b.n;
    *pz = buf_detach(&b);
    return 0;
}

int
import_map_file(const char *zPath, size_t nLimit, const char **pz, size_t *pn,
                AppErr *err)
{
    int fd = open(zPath, O_RDONLY);
    if (fd < 0) {
        return apperr_set(err, APPERR_IO, "cannot read '%s': %s", zPath,
                          strerror(errno));
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        (void)close(fd);
        return apperr_set(err, APPERR_IO, "cannot read '%s': not a file", zPath);
    }
    if ((unsigned long long)sb.st_size > nLimit) {
        (void)close(fd);
        return apperr_set(err, APPERR_INPUT, "cannot import '%s': larger than "
                          "%zu bytes", zPath, nLimit);
    }
    *pn = (size_t)sb.st_size;
    *pz = "";
    if (*pn > 0) {
        void *p = mmap(NULL, *pn, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            (void)close(fd);
            return apperr_set(err, APPERR_IO, "cannot read '%s': %s", zPath,
                              strerror(errno));
        }
        (void)madvise(p, *pn, MADV_SEQUENTIAL);
        *pz = p;
    }
    (void)close(fd);
    return 0;
}

void
import_unmap_file(const char *z, size_t n)
{
    if (n > 0) {
        (void)munmap((void *)z, n);
    }
}

/* State shared by the steps of one import. */
typedef struct Importer {
    Store *s;
    const ImportOpts *opts;
    ImportStats *stats;
    Model before;   /* the database when the import began: what is locked */
    Model db;       /* the database now, inside the transaction */
    OrgDir *dir;    /* names of db's organisations */
} Importer;

static int
imp_reload(Importer *im, AppErr *err)
{
    orgdir_free(im->dir);
    im->dir = NULL;
    model_release(&im->db);
    if (store_load(im->s, NULL, &im->db, err)) {
        return -1;
    }
    im->dir = orgdir_new(&im->db);
    return 0;
}

/* Replace each name in a[0..n) by its organisation's acronym.  zWhere
** prefixes messages ("line 4, column 9 (responsible)"). */
static int
imp_resolve_names(Importer *im, const char *zFile, const char *zWhere,
                  char **a, size_t n, AppErr *err)
{
    for (size_t i = 0; i < n; i++) {
        const Org *o = orgdir_resolve(im->dir, a[i]);
        if (!o && im->opts->bCreateOrgs) {
            if (strlen(a[i]) >= LIMIT_CODE_BYTES) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': %s: organisation name "
                                  "'%s' is too long to become an acronym "
                                  "(LIMIT_CODE_BYTES)", zFile, zWhere, a[i]);
            }
            Org neu = { a[i], a[i], ORG_OTHER, NULL, NULL, 0 };
            if (store_put_org(im->s, &neu, err)) {
                return apperr_prefix(err, "cannot import '%s'", zFile);
            }
            im->stats->nCreatedOrg++;
            /* Into db and the directory as a reload would put it, without
            ** reloading: a reload per new organisation re-read every
            ** node and assessment of the database each time, and moved
            ** the nodes under the indexes imp_put_nodes holds. */
            Org *pNew = model_add_org(&im->db);
            pNew->zAcronym = xstrdup(a[i]);
            pNew->zName = xstrdup(a[i]);
            pNew->eKind = ORG_OTHER;
            orgdir_add_org(im->dir, im->db.nOrg - 1);
            o = orgdir_resolve(im->dir, a[i]);
        }
        if (!o) {
            Buf sug = BUF_INIT;
            orgdir_suggest(im->dir, a[i], 3, &sug);
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': %s: unknown organisation '%s'%s%s%s",
                       zFile, zWhere, a[i], sug.n ? " (did you mean " : "",
                       buf_str(&sug),
                       sug.n ? "? or use --create-orgs)"
                             : " (add it to the directory, or use "
                               "--create-orgs)");
            buf_release(&sug);
            return -1;
        }
        if (strcmp(a[i], o->zAcronym) != 0) {
            free(a[i]);
            a[i] = xstrdup(o->zAcronym);
        }
    }
    return 0;
}

/* Refuse a change to an assessment of a round published before the import. */
static int
imp_check_lock(Importer *im, const char *zFile, const char *zWhere,
               const Plan *p, const Node *n, const Assessment *a, AppErr *err)
{
    const Plan *bp = model_find_plan(&im->before, p->zCode);
    const Round *br = bp ? plan_find_round(bp, a->zRound) : NULL;
    if (!br || br->eState != ROUND_PUBLISHED) {
        return 0;
    }
    long i = plan_find_node(bp, n->zCode);
    const Assessment *old = i >= 0 ? node_find_assessment(&bp->aNode[i], a->zRound)
                                   : NULL;
    if (old && str_eq(old->zActionPoint, a->zActionPoint) &&
        str_eq(old->zProgress, a->zProgress) && old->eRating == a->eRating) {
        return 0;
    }
    return apperr_set(err, APPERR_CONFLICT,
                      "cannot import '%s': %s: round '%s' of plan '%s' is "
                      "published and locked; the file would change activity "
                      "'%s'", zFile, zWhere, a->zRound, p->zCode, n->zCode);
}

/* Put the organisations of in, parents before children. */
static int
imp_put_orgs(Importer *im, const char *zFile, Model *in, AppErr *err)
{
    size_t nDone = 0;
    char *abDone = xcalloc(in->nOrg ? in->nOrg : 1, 1);
    int rc = 0;
    while (nDone < in->nOrg && rc == 0) {
        size_t nBefore = nDone;
        for (size_t i = 0; i < in->nOrg && rc == 0; i++) {
            const Org *o = &in->aOrg[i];
            if (abDone[i]) {
                continue;
            }
            int bParentReady = !o->zParent || model_find_org(&im->db, o->zParent);
            for (size_t k = 0; k < in->nOrg && !bParentReady; k++) {
                bParentReady = abDone[k] && str_eq(in->aOrg[k].zAcronym, o->zParent);
            }
            if (!bParentReady) {
                continue;
            }
            if (store_put_org(im->s, o, err)) {
                rc = apperr_prefix(err, "cannot import '%s': organisations[%zu]",
                                   zFile, i);
            }
            abDone[i] = 1;
            nDone++;
        }
        if (rc == 0 && nDone == nBefore) {
            for (size_t i = 0; i < in->nOrg; i++) {
                if (!abDone[i]) {
                    rc = apperr_set(err, APPERR_INPUT,
                                    "cannot import '%s': organisations[%zu] "
                                    "'%s': unknown parent '%s'", zFile, i,
                                    in->aOrg[i].zAcronym, in->aOrg[i].zParent);
                    break;
                }
            }
        }
    }
    free(abDone);
    im->stats->nOrg += in->nOrg;
    return rc ? rc : (in->nOrg ? imp_reload(im, err) : 0);
}

/* Write the nodes and assessments of plan p (already resolved). */
static int
imp_put_nodes(Importer *im, const char *zFile, Plan *p, int bCsv,
              const AnnexCols *cols, AppErr *err)
{
    const Plan *dbp = model_find_plan(&im->db, p->zCode);
    int iLeaf = plan_leaf_level(p);
    for (size_t i = 0; i < p->nNode; i++) {
        Node *n = &p->aNode[i];
        char zWhere[200];
        if (bCsv) {
            (void)snprintf(zWhere, sizeof zWhere, "line %d", n->iLine);
        } else {
            (void)snprintf(zWhere, sizeof zWhere, "plan '%.64s', node '%.64s'",
                           p->zCode, n->zCode);
        }
        long iDb = dbp ? plan_find_node(dbp, n->zCode) : -1;
        if (!n->zText) {
            /* Given by code alone: it must exist already. */
            if (iDb < 0) {
                long iChild = -1;
                for (size_t k = i + 1; k < p->nNode && iChild < 0; k++) {
                    if (p->aNode[k].iParent == (long)i) {
                        iChild = (long)k;
                    }
                }
                return apperr_set(
                    err, APPERR_INPUT,
                    "cannot import '%s': line %d, column %d (%s_code): %s '%s' "
                    "does not exist%s%s%s (give its text in column '%s' to "
                    "create it)", zFile, n->iLine, cols->aiCode[n->iLevel],
                    p->aLevel[n->iLevel].zName, p->aLevel[n->iLevel].zName,
                    n->zCode, iChild >= 0 ? ", so " : "",
                    iChild >= 0 ? p->aNode[iChild].zCode : "",
                    iChild >= 0 ? " cannot be placed under it" : "",
                    p->aLevel[n->iLevel].zName);
            }
            const Node *d = &dbp->aNode[iDb];
            n->zText = xstrdup(d->zText);
            if (!n->zIndicator && d->zIndicator) {
                n->zIndicator = xstrdup(d->zIndicator);
            }
            if (n->iLevel != iLeaf) {
                continue; /* an ancestor named by code: nothing to write */
            }
        }
        char zCol[400];
        if (bCsv) {
            (void)snprintf(zCol, sizeof zCol, "line %d, column %d (responsible)",
                           n->iLine, cols->iResp);
        } else {
            (void)snprintf(zCol, sizeof zCol, "plan '%.64s', node '%.64s': "
                           "responsible", p->zCode, n->zCode);
        }
        if (imp_resolve_names(im, zFile, zCol, n->azResp, n->nResp, err)) {
            return -1;
        }
        if (bCsv) {
            (void)snprintf(zCol, sizeof zCol, "line %d, column %d (contributing)",
                           n->iLine, cols->iContrib);
        } else {
            (void)snprintf(zCol, sizeof zCol, "plan '%.64s', node '%.64s': "
                           "contributing", p->zCode, n->zCode);
        }
        if (imp_resolve_names(im, zFile, zCol, n->azContrib, n->nContrib, err)) {
            return -1;
        }
        int bLinks = !bCsv || n->iLevel == iLeaf;
        if (store_put_node(im->s, p, (long)i, bLinks, err)) {
            return apperr_prefix(err, "cannot import '%s': %s", zFile, zWhere);
        }
        im->stats->nNode++;
        for (size_t k = 0; k < n->nAssess; k++) {
            Assessment *a = &n->aAssess[k];
            const Round *r = plan_find_round(p, a->zRound);
            if (!r && !(dbp && plan_find_round(dbp, a->zRound))) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': %s: assessment for "
                                  "unknown round '%s'", zFile, zWhere,
                                  a->zRound);
            }
            if (bCsv && iDb >= 0) {
                /* CSV carries no workflow state: keep the stored one. */
                const Assessment *old =
                    node_find_assessment(&dbp->aNode[iDb], a->zRound);
                if (old) {
                    a->eState = old->eState;
                }
            }
            /* The import holds the write lock since it read the database:
            ** nothing can have changed in between, so no version guard. */
            a->iVersion = 0;
            if (imp_check_lock(im, zFile, zWhere, p, n, a, err) ||
                store_put_assessment(im->s, p->zCode, n->zCode, a, 0, err)) {
                return err->code == APPERR_CONFLICT && strstr(err->zMsg, "locked")
                           ? -1
                           : apperr_prefix(err, "cannot import '%s': %s",
                                           zFile, zWhere);
            }
            im->stats->nAssess++;
        }
    }
    return 0;
}

/* Refuse changing a round that was published before the import. */
static int
imp_check_round(Importer *im, const char *zFile, const Plan *p,
                const Round *r, AppErr *err)
{
    const Plan *bp = model_find_plan(&im->before, p->zCode);
    const Round *br = bp ? plan_find_round(bp, r->zCode) : NULL;
    if (br && br->eState == ROUND_PUBLISHED &&
        (!str_eq(br->zTitle, r->zTitle) || !str_eq(br->zAsOf, r->zAsOf) ||
         br->eState != r->eState)) {
        return apperr_set(err, APPERR_CONFLICT,
                          "cannot import '%s': round '%s' of plan '%s' is "
                          "published and locked", zFile, r->zCode, p->zCode);
    }
    return 0;
}

static int
imp_apply_json(Importer *im, const char *zFile, Model *in, AppErr *err)
{
    if (imp_put_orgs(im, zFile, in, err)) {
        return -1;
    }
    for (size_t i = 0; i < in->nPlan; i++) {
        Plan *p = &in->aPlan[i];
        const Plan *dbp = model_find_plan(&im->db, p->zCode);
        if (p->nLevel > 0) {
            if (!p->zTitle) {
                p->zTitle = xstrdup(dbp && dbp->zTitle ? dbp->zTitle : p->zCode);
            }
            if (store_put_plan(im->s, p, err)) {
                return apperr_prefix(err, "cannot import '%s': plans[%zu]",
                                     zFile, i);
            }
        } else if (!dbp) {
            return apperr_set(err, APPERR_INPUT,
                              "cannot import '%s': plans[%zu]: plan '%s' does "
                              "not exist (give its \"levels\" to create it)",
                              zFile, i, p->zCode);
        } else {
            /* Only referenced: take the stored levels for messages. */
            for (int l = 0; l < dbp->nLevel; l++) {
                p->aLevel[l].zName = xstrdup(dbp->aLevel[l].zName);
                p->aLevel[l].bIndicator = dbp->aLevel[l].bIndicator;
            }
            p->nLevel = dbp->nLevel;
        }
        for (size_t r = 0; r < p->nRound; r++) {
            Round *rd = &p->aRound[r];
            if (!rd->zTitle) {
                Buf t = BUF_INIT;
                buf_printf(&t, "Review %s", rd->zCode);
                rd->zTitle = buf_detach(&t);
            }
            if (imp_check_round(im, zFile, p, rd, err) ||
                store_put_round(im->s, p->zCode, rd, err)) {
                return err->code == APPERR_CONFLICT
                           ? -1
                           : apperr_prefix(err, "cannot import '%s': plans[%zu]",
                                           zFile, i);
            }
        }
        if (imp_reload(im, err) ||
            imp_put_nodes(im, zFile, p, 0, NULL, err)) {
            return -1;
        }
    }
    return 0;
}

static int
imp_apply_csv(Importer *im, const char *zFile, Model *in,
              const AnnexCols *cols, AppErr *err)
{
    Plan *p = &in->aPlan[0];
    const Plan *dbp = model_find_plan(&im->db, p->zCode);
    if (dbp) {
        Buf want = BUF_INIT, have = BUF_INIT;
        for (int l = 0; l < p->nLevel; l++) {
            buf_printf(&have, "%s%s%s", l ? ", " : "", p->aLevel[l].zName,
                       p->aLevel[l].bIndicator ? " (with indicator)" : "");
        }
        for (int l = 0; l < dbp->nLevel; l++) {
            buf_printf(&want, "%s%s%s", l ? ", " : "", dbp->aLevel[l].zName,
                       dbp->aLevel[l].bIndicator ? " (with indicator)" : "");
        }
        int bSame = str_eq(buf_str(&want), buf_str(&have));
        if (!bSame) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line 1: the columns give the levels "
                       "%s, but plan '%s' has the levels %s", zFile,
                       buf_str(&have), p->zCode, buf_str(&want));
        }
        buf_release(&want);
        buf_release(&have);
        if (!bSame) {
            return -1;
        }
        p->zTitle = xstrdup(dbp->zTitle);
    } else {
        p->zTitle = xstrdup(p->zCode);
        if (store_put_plan(im->s, p, err)) {
            return apperr_prefix(err, "cannot import '%s'", zFile);
        }
    }
    for (size_t r = 0; r < p->nRound; r++) {
        Round *rd = &p->aRound[r];
        if (dbp && plan_find_round(dbp, rd->zCode)) {
            continue;
        }
        Buf t = BUF_INIT;
        buf_printf(&t, "Review %s", rd->zCode);
        rd->zTitle = buf_detach(&t);
        rd->eState = ROUND_OPEN;
        if (store_put_round(im->s, p->zCode, rd, err)) {
            return apperr_prefix(err, "cannot import '%s'", zFile);
        }
    }
    if (imp_reload(im, err)) {
        return -1;
    }
    return imp_put_nodes(im, zFile, p, 1, cols, err);
}

static ImportFormat
imp_format_of(const ImportInput *in)
{
    if (in->eFormat != IMPORT_AUTO) {
        return in->eFormat;
    }
    const char *zDot = strrchr(in->zName, '.');
    if (zDot && (strcmp(zDot, ".json") == 0 || strcmp(zDot, ".JSON") == 0)) {
        return IMPORT_JSON;
    }
    if (zDot && (strcmp(zDot, ".csv") == 0 || strcmp(zDot, ".CSV") == 0)) {
        return IMPORT_CSV;
    }
    return IMPORT_AUTO;
}

/* The plan a CSV file goes into: --plan, else the only one there is. */
static int
imp_csv_plan(Importer *im, const char *zFile, const char **pzPlan, AppErr *err)
{
    if (im->opts->zPlan) {
        *pzPlan = im->opts->zPlan;
        return 0;
    }
    if (im->db.nPlan == 1) {
        *pzPlan = im->db.aPlan[0].zCode;
        return 0;
    }
    return apperr_set(err, APPERR_USAGE,
                      "cannot import '%s': the database holds %zu plans; say "
                      "which one the file is for with --plan CODE",
                      zFile, im->db.nPlan);
}

int
import_run(Store *s, const ImportInput *aIn, size_t nIn,
           const ImportOpts *opts, ImportStats *stats, AppErr *err)
{
    Importer im = { s, opts, stats, MODEL_INIT, MODEL_INIT, NULL };
    memset(stats, 0, sizeof *stats);
    if (store_begin(s, err)) {
        return -1;
    }
    int rc = -1;
    if (store_load(s, NULL, &im.before, err) || imp_reload(&im, err)) {
        goto out;
    }
    for (size_t i = 0; i < nIn; i++) {
        const ImportInput *in = &aIn[i];
        Model m = MODEL_INIT;
        int r;
        switch (imp_format_of(in)) {
        case IMPORT_JSON:
            r = model_json_read(in->zName, in->z, in->n, &m, NULL, err) ||
                imp_apply_json(&im, in->zName, &m, err);
            break;
        case IMPORT_CSV: {
            const char *zPlan = NULL;
            AnnexCols cols;
            memset(&cols, 0, sizeof cols);
            r = imp_csv_plan(&im, in->zName, &zPlan, err) ||
                annex_csv_read(in->zName, in->z, in->n, zPlan, &m, &cols, err) ||
                imp_apply_csv(&im, in->zName, &m, &cols, err);
            annex_cols_release(&cols);
            break;
        }
        default:
            r = apperr_set(err, APPERR_USAGE,
                           "cannot import '%s': unknown format (name the file "
                           "*.csv or *.json, or give --format csv|json)",
                           in->zName);
        }
        model_release(&m);
        if (r) {
            goto out;
        }
    }
    rc = store_commit(s, err);
out:
    if (rc) {
        store_rollback(s);
    }
    orgdir_free(im.dir);
    model_release(&im.db);
    model_release(&im.before);
    return rc;
}
