/*
** import.c — resolving parsed files against the store, merging them with
** what changed since their export, and writing them (see import.h).
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
#include "xlsx_read.h"
#include "annex_csv.h"
#include "merge.h"
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
    } else if (str_eq(z, "xlsx")) {
        *pOut = IMPORT_XLSX;
    } else {
        return -1;
    }
    return 0;
}

/* A file that cannot be read: what a user can act on in the message,
** the system's words (errno) in the detail only. */
static int
import_read_fail(AppErr *err, const char *zPath, int e)
{
    apperr_set(err, APPERR_IO, "cannot read '%s'%s", zPath,
               e == ENOENT   ? ": there is no such file"
               : e == EACCES ? ": permission denied"
                             : "");
    return apperr_detail(err, "%s: %s", zPath, strerror(e));
}

int
import_read_file(const char *zPath, char **pz, size_t *pn, AppErr *err)
{
    FILE *f = fopen(zPath, "rb");
    if (!f) {
        return import_read_fail(err, zPath, errno);
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
                          "(LIMIT_IMPORT_FILE_BYTES)",
                          zPath, LIMIT_IMPORT_FILE_BYTES);
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
import_map_file(const char *zPath, size_t nLimit, MappedFile *f, AppErr *err)
{
    f->z = "";
    f->n = 0;
    f->pMap = NULL;
    int fd = open(zPath, O_RDONLY);
    if (fd < 0) {
        return import_read_fail(err, zPath, errno);
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        (void)close(fd);
        return apperr_set(err, APPERR_IO, "cannot read '%s': not a file",
                          zPath);
    }
    if ((unsigned long long)sb.st_size > nLimit) {
        (void)close(fd);
        return apperr_set(err, APPERR_INPUT,
                          "cannot import '%s': larger than "
                          "%zu bytes",
                          zPath, nLimit);
    }
    size_t n = (size_t)sb.st_size;
    if (n > 0) {
        void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            (void)close(fd);
            return import_read_fail(err, zPath, errno);
        }
        (void)madvise(p, n, MADV_SEQUENTIAL);
        f->pMap = p;
        f->z = p;
        f->n = n;
    }
    (void)close(fd);
    return 0;
}

void
import_unmap_file(MappedFile *f)
{
    if (f->pMap) {
        (void)munmap(f->pMap, f->n);
    }
    f->z = "";
    f->n = 0;
    f->pMap = NULL;
}

/* State shared by the steps of one import. */
typedef struct Importer {
    Store *s;
    const ImportOpts *opts;
    ImportStats *stats;
    Model before; /* the database when the import began: what is locked */
    Model db;     /* the database now, inside the transaction */
    OrgDir *dir;  /* names of db's organisations */
    /* The file being imported, for the merge (see io/merge.h). */
    Merge *mg;       /* the audit trail since its revisions; NULL: none */
    long iFileRev;   /* JSON: the revision's N; 0: the file cannot merge */
    long *aiNodeRev; /* CSV: per node of its plan, the N of the row that
                    ** gave it (0: cannot merge); NULL for JSON */
    size_t nNodeRev;
    const AnnexCols *cols; /* CSV: where the cells are, for messages */
    size_t nRowBare;       /* CSV: rows of stored activities with no revision */
    size_t nRowForeign; /* CSV: ... with a revision this database never had */
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

/* Replace each name in a[0..*pn) by its organisation's acronym, once.
** zWhere prefixes messages ("line 4, column 9 (responsible)"). */
static int
imp_resolve_names(Importer *im, const char *zFile, const char *zWhere, char **a,
                  size_t *pn, AppErr *err)
{
    for (size_t i = 0; i < *pn; i++) {
        const Org *o = orgdir_resolve(im->dir, a[i]);
        if (!o && im->opts->bCreateOrgs) {
            if (strlen(a[i]) >= LIMIT_CODE_BYTES) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': %s: organisation name "
                                  "'%s' is too long to become an acronym "
                                  "(LIMIT_CODE_BYTES)",
                                  zFile, zWhere, a[i]);
            }
            Org neu = { a[i], a[i], ORG_OTHER, NULL, NULL, 0, NULL };
            if (store_org_put(im->s, &neu, err)) {
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
            apperr_set(
                err, APPERR_INPUT,
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
    /* A body named twice ("MOI; Ministry of Interior") is one link: the
    ** store keeps one, and a list that kept both would differ from the
    ** stored one at every import. */
    size_t nKept = 0;
    for (size_t i = 0; i < *pn; i++) {
        int bDup = 0;
        for (size_t k = 0; k < nKept && !bDup; k++) {
            bDup = strcmp(a[k], a[i]) == 0;
        }
        if (bDup) {
            free(a[i]);
        } else {
            a[nKept++] = a[i];
        }
    }
    *pn = nKept;
    return 0;
}

/* Refuse a change to an assessment of a round published before the import.
** bp is the plan as it was before (NULL if new), iBefore the node's index
** in it (-1 if new). */
static int
imp_check_lock(const char *zFile, const char *zWhere, const Plan *p,
               const Plan *bp, long iBefore, const Node *n, const Assessment *a,
               AppErr *err)
{
    const Round *br = bp ? plan_find_round(bp, a->zRound) : NULL;
    if (!br || br->eState != ROUND_PUBLISHED) {
        return 0;
    }
    const Assessment *old =
        iBefore >= 0 ? node_find_assessment(&bp->aNode[iBefore], a->zRound)
                     : NULL;
    if (old && str_eq(old->zActionPoint, a->zActionPoint) &&
        str_eq(old->zProgress, a->zProgress) && old->eRating == a->eRating) {
        return 0;
    }
    return apperr_set(err, APPERR_CONFLICT,
                      "cannot import '%s': %s: round '%s' of plan '%s' is "
                      "published and locked; the file would change activity "
                      "'%s'",
                      zFile, zWhere, a->zRound, p->zCode, n->zCode);
}

/* ---- merging a file with what changed since its export ------------------
**
** Each cell a file holds for something the database has is merged
** (merge_cell()) before it is put: where the user did not change it, the
** file's value is replaced by the database's, so the put writes nothing
** for it; a cell changed on both sides is recorded as a conflict, and from
** the first one on nothing more is put (the import fails at the end of
** the file, listing them all). */

/* How a field's value reads in a message: a rating as the annex writes
** it, anything else as it is. */
static const char *
imp_shown(const char *zField, const char *z)
{
    if (str_eq(zField, "rating")) {
        for (int r = 0; r < RATING_COUNT; r++) {
            if (str_eq(z, rating_key((Rating)r))) {
                return rating_name((Rating)r);
            }
        }
    }
    return z ? z : "";
}

/* Record a conflict of the cell zWhere (field zField). */
static void
imp_conflict(Importer *im, const char *zWhere, const char *zField,
             const char *zFile, const char *zDb, const MergeCell *c)
{
    Buf *b = &im->stats->conflicts;
    im->stats->nConflict++;
    buf_printf(b, "%s: changed in the file to ", zWhere);
    merge_quote(b, imp_shown(zField, zFile));
    buf_puts(b, " and in the database to ");
    merge_quote(b, imp_shown(zField, zDb));
    char zWhen[STR_TIME_LOCAL_BYTES];
    str_time_local(c->pBy && c->pBy->zAt ? c->pBy->zAt : "an unknown time",
                   zWhen, sizeof zWhen);
    buf_printf(b, " (by %s at %s) since the export\n",
               c->pBy && c->pBy->zActor ? c->pBy->zActor : "someone", zWhen);
}

/* Merge the text *pz (heap, may be NULL) the file has for field zField of
** zEntity/zKey with zDb: keep the database's when the user did not change
** it; record a conflict.  zWhere names the cell. */
static void
imp_merge_text(Importer *im, long iRev, const char *zEntity, const char *zKey,
               const char *zField, char **pz, const char *zDb,
               const char *zEmpty, const char *zWhere)
{
    MergeCell c;
    merge_cell(im->mg, iRev, zEntity, zKey, zField, *pz, zDb, zEmpty, &c);
    if (c.eHow == MERGE_KEEP_DB) {
        free(*pz);
        *pz = zDb ? xstrdup(zDb) : NULL;
    } else if (c.eHow == MERGE_CONFLICT) {
        imp_conflict(im, zWhere, zField, *pz, zDb, &c);
    }
}

/* The same for a Khmer field (core/model.h model_text()): one the file
** leaves out or empty keeps the database's, since files written before
** the Khmer fields existed, and annexes without their columns, must not
** erase them; one the file gives merges as the English does. */
static void
imp_merge_km(Importer *im, long iRev, const char *zEntity, const char *zKey,
             const char *zField, char **pz, const char *zDb, const char *zWhere)
{
    if (!*pz || !**pz) {
        free(*pz);
        *pz = zDb ? xstrdup(zDb) : NULL;
        return;
    }
    imp_merge_text(im, iRev, zEntity, zKey, zField, pz, zDb, "", zWhere);
}

/* The same for a value from a list of keys (a rating, a state): *pi
** indexes azKey, iDb the database's value. */
static void
imp_merge_key(Importer *im, long iRev, const char *zEntity, const char *zKey,
              const char *zField, int *pi, int iDb, const char *zFileKey,
              const char *zDbKey, const char *zEmpty, const char *zWhere)
{
    MergeCell c;
    merge_cell(im->mg, iRev, zEntity, zKey, zField, zFileKey, zDbKey, zEmpty,
               &c);
    if (c.eHow == MERGE_KEEP_DB) {
        *pi = iDb;
    } else if (c.eHow == MERGE_CONFLICT) {
        imp_conflict(im, zWhere, zField, zFileKey, zDbKey, &c);
    }
}

/* The same for a list of acronyms or aliases, compared joined with "; "
** as the audit trail writes them. */
static void
imp_merge_list(Importer *im, long iRev, const char *zEntity, const char *zKey,
               const char *zField, char ***pa, size_t *pn, char *const *aDb,
               size_t nDb, const char *zWhere)
{
    Buf file = BUF_INIT, db = BUF_INIT;
    for (size_t i = 0; i < *pn; i++) {
        buf_printf(&file, "%s%s", i ? "; " : "", (*pa)[i]);
    }
    for (size_t i = 0; i < nDb; i++) {
        buf_printf(&db, "%s%s", i ? "; " : "", aDb[i]);
    }
    MergeCell c;
    merge_cell(im->mg, iRev, zEntity, zKey, zField, buf_str(&file),
               buf_str(&db), "", &c);
    if (c.eHow == MERGE_KEEP_DB) {
        for (size_t i = 0; i < *pn; i++) {
            free((*pa)[i]);
        }
        free(*pa);
        *pa = NULL;
        *pn = 0;
        for (size_t i = 0; i < nDb; i++) {
            strv_push(pa, pn, aDb[i]);
        }
    } else if (c.eHow == MERGE_CONFLICT) {
        imp_conflict(im, zWhere, zField, buf_str(&file), buf_str(&db), &c);
    }
    buf_release(&file);
    buf_release(&db);
}

/* Where cell iCol (named zCol) of node n of p is: a CSV line and column,
** or for JSON the plan and node. */
static const char *
imp_where(Importer *im, Buf *b, const Plan *p, const Node *n, int iCol,
          const char *zCol)
{
    buf_reset(b);
    if (im->cols) {
        buf_printf(b, "line %d, column %d (%s), %s %s", n->iLine, iCol, zCol,
                   p->aLevel[n->iLevel].zName, n->zCode);
    } else {
        buf_printf(b, "plan '%s', %s '%s': %s", p->zCode,
                   p->aLevel[n->iLevel].zName, n->zCode, zCol);
    }
    return buf_str(b);
}

/* The revision of node i of p as the file gives it. */
static long
imp_node_rev(const Importer *im, size_t i)
{
    if (im->aiNodeRev) {
        return i < im->nNodeRev ? im->aiNodeRev[i] : 0;
    }
    return im->iFileRev;
}

/* Merge node i of p (its names resolved) with d, the database's node:
** text, indicator, parent and, with bLinks, its organisations. */
static int
imp_merge_node(Importer *im, const char *zFile, Plan *p, size_t i,
               const Plan *dbp, const Node *d, int bLinks, AppErr *err)
{
    Node *n = &p->aNode[i];
    long iRev = imp_node_rev(im, i);
    const AnnexCols *cols = im->cols;
    int l = n->iLevel;
    char zKey[2 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/%s", p->zCode, n->zCode);
    Buf where = BUF_INIT, col = BUF_INIT;
    int rc = 0;
    imp_merge_text(im, iRev, "node", zKey, "text", &n->zText, d->zText, "",
                   imp_where(im, &where, p, n, cols ? cols->aiText[l] : 0,
                             p->aLevel[l].zName));
    buf_printf(&col, "%s_km", p->aLevel[l].zName);
    imp_merge_km(im, iRev, "node", zKey, "text_km", &n->zTextKm, d->zTextKm,
                 imp_where(im, &where, p, n, cols ? cols->aiTextKm[l] : 0,
                           buf_str(&col)));
    if (p->aLevel[l].bIndicator) {
        buf_reset(&col);
        buf_printf(&col, "%s_indicator", p->aLevel[l].zName);
        imp_merge_text(im, iRev, "node", zKey, "indicator", &n->zIndicator,
                       d->zIndicator, "",
                       imp_where(im, &where, p, n,
                                 cols ? cols->aiIndicator[l] : 0,
                                 buf_str(&col)));
        buf_puts(&col, "_km");
        imp_merge_km(im, iRev, "node", zKey, "indicator_km", &n->zIndicatorKm,
                     d->zIndicatorKm,
                     imp_where(im, &where, p, n,
                               cols ? cols->aiIndicatorKm[l] : 0,
                               buf_str(&col)));
    } else {
        imp_merge_km(im, iRev, "node", zKey, "indicator_km", &n->zIndicatorKm,
                     d->zIndicatorKm, "");
    }
    if (bLinks) {
        imp_merge_list(
            im, iRev, "node", zKey, "responsible", &n->azResp, &n->nResp,
            d->azResp, d->nResp,
            imp_where(im, &where, p, n, cols ? cols->iResp : 0, "responsible"));
        imp_merge_list(im, iRev, "node", zKey, "contributing", &n->azContrib,
                       &n->nContrib, d->azContrib, d->nContrib,
                       imp_where(im, &where, p, n, cols ? cols->iContrib : 0,
                                 "contributing"));
    }
    /* The parent: a move is a change like any other. */
    if (l > 0) {
        const char *zDbParent =
            d->iParent >= 0 ? dbp->aNode[d->iParent].zCode : NULL;
        char *zParent =
            n->iParent >= 0 ? xstrdup(p->aNode[n->iParent].zCode) : NULL;
        buf_reset(&col);
        buf_printf(&col, "%s_code", p->aLevel[l - 1].zName);
        imp_merge_text(
            im, iRev, "node", zKey, "parent", &zParent, zDbParent, "",
            imp_where(im, &where, p, n, cols ? cols->aiCode[l - 1] : 0,
                      buf_str(&col)));
        long iNew = zParent ? plan_find_node(p, zParent) : -1;
        if (!str_eq(zParent,
                    n->iParent >= 0 ? p->aNode[n->iParent].zCode : NULL)) {
            /* The database moved it since the export, the user did not:
            ** keep it where the database has it, if the file names that
            ** parent (else the file is too old to say where it is). */
            if (iNew < 0) {
                rc = apperr_set(err, APPERR_CONFLICT,
                                "cannot import '%s': %s: moved in the "
                                "database under %s '%s' since the export, "
                                "which the file does not have; nothing was "
                                "imported (export again)",
                                zFile, buf_str(&where), p->aLevel[l - 1].zName,
                                zParent ? zParent : "");
            } else {
                n->iParent = iNew;
            }
        }
        free(zParent);
    }
    buf_release(&where);
    buf_release(&col);
    return rc;
}

/* Merge assessment a of node i of p with old, the database's (NULL when it
** has none: then every field reads empty).  bState: the file carries the
** workflow state (JSON; the annex does not). */
static void
imp_merge_assessment(Importer *im, const Plan *p, size_t i, Assessment *a,
                     const Assessment *old, int bState)
{
    const Node *n = &p->aNode[i];
    long iRev = imp_node_rev(im, i);
    char zKey[3 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/%s/%s", p->zCode, n->zCode,
                   a->zRound);
    long r = -1;
    if (im->cols) {
        const Round *rd = plan_find_round(p, a->zRound);
        r = rd ? rd - p->aRound : -1;
    }
    static const char *const azPart[] = { "action_point", "progress", "rating",
                                          "state" };
    Buf where = BUF_INIT, col = BUF_INIT;
    for (int k = 0; k < 4; k++) {
        if (k == 3 && !bState) {
            break;
        }
        buf_reset(&col);
        buf_printf(&col, "%s:%s", a->zRound, azPart[k]);
        int iCol = r >= 0 && k < 3 ? im->cols->aiRound[3 * r + k] : 0;
        const char *zWhere = imp_where(im, &where, p, n, iCol, buf_str(&col));
        if (k == 0) {
            imp_merge_text(im, iRev, "assessment", zKey, azPart[k],
                           &a->zActionPoint, old ? old->zActionPoint : NULL, "",
                           zWhere);
        } else if (k == 1) {
            imp_merge_text(im, iRev, "assessment", zKey, azPart[k],
                           &a->zProgress, old ? old->zProgress : NULL, "",
                           zWhere);
        } else if (k == 2) {
            Rating eDb = old ? old->eRating : RATING_NONE;
            int e = (int)a->eRating;
            imp_merge_key(im, iRev, "assessment", zKey, azPart[k], &e, (int)eDb,
                          rating_key(a->eRating), rating_key(eDb),
                          rating_key(RATING_NONE), zWhere);
            a->eRating = (Rating)e;
        } else if (old) {
            /* A state is never empty: a new assessment has none to keep. */
            int e = (int)a->eState;
            imp_merge_key(im, iRev, "assessment", zKey, azPart[k], &e,
                          (int)old->eState, assess_state_name(a->eState),
                          assess_state_name(old->eState), "", zWhere);
            a->eState = (AssessState)e;
        }
    }
    buf_release(&where);
    buf_release(&col);
}

/* Merge organisation o of a JSON file (organisations[i]) with the
** database's. */
static void
imp_merge_org(Importer *im, size_t i, Org *o)
{
    const Org *d = model_find_org(&im->db, o->zAcronym);
    if (!d) {
        return;
    }
    Buf where = BUF_INIT;
    buf_printf(&where, "organisations[%zu] '%s': name_km", i, o->zAcronym);
    imp_merge_km(im, im->iFileRev, "org", o->zAcronym, "name_km", &o->zNameKm,
                 d->zNameKm, buf_str(&where));
    if (!im->mg) {
        buf_release(&where);
        return;
    }
    static const char *const azField[] = { "name", "kind", "parent",
                                           "aliases" };
    for (int k = 0; k < 4; k++) {
        buf_reset(&where);
        buf_printf(&where, "organisations[%zu] '%s': %s", i, o->zAcronym,
                   azField[k]);
        if (k == 0) {
            imp_merge_text(im, im->iFileRev, "org", o->zAcronym, azField[k],
                           &o->zName, d->zName, "", buf_str(&where));
        } else if (k == 1) {
            int e = (int)o->eKind;
            imp_merge_key(im, im->iFileRev, "org", o->zAcronym, azField[k], &e,
                          (int)d->eKind, org_kind_name(o->eKind),
                          org_kind_name(d->eKind), "", buf_str(&where));
            o->eKind = (OrgKind)e;
        } else if (k == 2) {
            imp_merge_text(im, im->iFileRev, "org", o->zAcronym, azField[k],
                           &o->zParent, d->zParent, "", buf_str(&where));
        } else {
            imp_merge_list(im, im->iFileRev, "org", o->zAcronym, azField[k],
                           &o->azAlias, &o->nAlias, d->azAlias, d->nAlias,
                           buf_str(&where));
        }
    }
    buf_release(&where);
}

/* Merge round rd of plan p (JSON plans[i]) with the database's. */
static void
imp_merge_round(Importer *im, size_t i, const Plan *p, Round *rd)
{
    const Plan *dbp = model_find_plan(&im->db, p->zCode);
    const Round *d = dbp ? plan_find_round(dbp, rd->zCode) : NULL;
    if (!d || !im->mg) {
        return;
    }
    char zKey[2 * LIMIT_CODE_BYTES + 8];
    (void)snprintf(zKey, sizeof zKey, "%s/round/%s", p->zCode, rd->zCode);
    Buf where = BUF_INIT;
    if (rd->zTitle) { /* else a default, "Review CODE" */
        buf_printf(&where, "plans[%zu], round '%s': title", i, rd->zCode);
        imp_merge_text(im, im->iFileRev, "round", zKey, "title", &rd->zTitle,
                       d->zTitle, "", buf_str(&where));
        buf_reset(&where);
    }
    buf_printf(&where, "plans[%zu], round '%s': as_of", i, rd->zCode);
    imp_merge_text(im, im->iFileRev, "round", zKey, "as_of", &rd->zAsOf,
                   d->zAsOf, "", buf_str(&where));
    buf_reset(&where);
    buf_printf(&where, "plans[%zu], round '%s': state", i, rd->zCode);
    int e = (int)rd->eState;
    imp_merge_key(im, im->iFileRev, "round", zKey, "state", &e, (int)d->eState,
                  round_state_name(rd->eState), round_state_name(d->eState), "",
                  buf_str(&where));
    rd->eState = (RoundState)e;
    buf_release(&where);
}

/* Check the revision z of a cell (CSV line iLine, or the JSON file) and
** return its N in *piRev (0: cannot merge). */
static int
imp_add_revision(Importer *im, const char *zFile, const char *z, int iLine,
                 long *piRev, AppErr *err)
{
    int rc = merge_add_revision(im->mg, im->s, z, piRev, err);
    if (rc == -2) {
        Buf where = BUF_INIT;
        if (im->cols) {
            buf_printf(&where, "line %d, column %d (%s)", iLine,
                       im->cols->iRevision, ANNEX_REVISION_COLUMN);
        } else {
            buf_puts(&where, "revision");
        }
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': %s: '%s' is not a revision lmpmon "
                   "wrote (keep what the export wrote there; without it, "
                   "the file is written as it is)",
                   zFile, buf_str(&where), z);
        buf_release(&where);
        return -1;
    }
    return rc ? apperr_prefix(err, "cannot import '%s'", zFile) : 0;
}

/* Prepare the merge of a CSV file: the revision of each node's row, and
** the audit trail of its plan since the oldest. */
static int
imp_merge_begin_csv(Importer *im, const char *zFile, const Plan *p,
                    const AnnexCols *cols, AppErr *err)
{
    im->cols = cols;
    if (!cols->iRevision) {
        buf_printf(&im->stats->notes,
                   "'%s' does not say when it was exported (no column "
                   "'%s'): every cell it holds was written as it is, over "
                   "any change made in the database meanwhile\n",
                   zFile, ANNEX_REVISION_COLUMN);
        return 0;
    }
    im->mg = merge_new();
    im->nNodeRev = p->nNode;
    im->aiNodeRev = xcalloc(p->nNode ? p->nNode : 1, sizeof *im->aiNodeRev);
    for (size_t i = 0; i < p->nNode && i < cols->nRevision; i++) {
        if (cols->azRevision[i] &&
            imp_add_revision(im, zFile, cols->azRevision[i], p->aNode[i].iLine,
                             &im->aiNodeRev[i], err)) {
            return -1;
        }
    }
    if (merge_load(im->mg, im->s, p->zCode, err)) {
        return apperr_prefix(err, "cannot import '%s'", zFile);
    }
    return 0;
}

/* Prepare the merge of a JSON file with revision zRevision (or none). */
static int
imp_merge_begin_json(Importer *im, const char *zFile, const char *zRevision,
                     AppErr *err)
{
    if (!zRevision) {
        buf_printf(&im->stats->notes,
                   "'%s' does not say when it was exported (no \"revision\"): "
                   "every value it holds was written as it is, over any "
                   "change made in the database meanwhile\n",
                   zFile);
        return 0;
    }
    im->mg = merge_new();
    if (imp_add_revision(im, zFile, zRevision, 0, &im->iFileRev, err)) {
        return -1;
    }
    if (im->iFileRev == 0) {
        buf_printf(&im->stats->notes,
                   "'%s' was exported from another database (its revision "
                   "'%s' is not in this one's history): every value it holds "
                   "was written as it is\n",
                   zFile, zRevision);
    }
    if (merge_load(im->mg, im->s, NULL, err)) {
        return apperr_prefix(err, "cannot import '%s'", zFile);
    }
    return 0;
}

/* End a file's merge: the notes on its rows, the conflicts as the error. */
static int
imp_merge_end(Importer *im, const char *zFile, int rc, AppErr *err)
{
    ImportStats *st = im->stats;
    if (zFile && im->nRowBare) {
        buf_printf(&st->notes,
                   "'%s': %zu row%s of an activity in the database %s no "
                   "revision (column '%s' empty): %s cells were written as "
                   "they are\n",
                   zFile, im->nRowBare, im->nRowBare == 1 ? "" : "s",
                   im->nRowBare == 1 ? "has" : "have", ANNEX_REVISION_COLUMN,
                   im->nRowBare == 1 ? "its" : "their");
    }
    if (zFile && im->nRowForeign) {
        buf_printf(&st->notes,
                   "'%s': %zu row%s came from another database (%s revision "
                   "is not in this one's history): %s cells were written as "
                   "they are\n",
                   zFile, im->nRowForeign, im->nRowForeign == 1 ? "" : "s",
                   im->nRowForeign == 1 ? "its" : "their",
                   im->nRowForeign == 1 ? "its" : "their");
    }
    if (rc == -2 && !st->nConflict) {
        rc = apperr_set(err, APPERR_INTERNAL,
                        "cannot import '%s': stopped "
                        "for conflicts, but none was recorded",
                        zFile);
    }
    if ((rc == 0 || rc == -2) && st->nConflict && zFile) {
        const char *z = buf_str(&st->conflicts);
        const char *zEnd = strchr(z, '\n');
        int nFirst = zEnd ? (int)(zEnd - z) : (int)strlen(z);
        if (st->nConflict == 1) {
            rc = apperr_set(err, APPERR_CONFLICT,
                            "cannot import '%s': %.*s; nothing was imported "
                            "(to keep the database's value, put it in the "
                            "file; to replace it, export again and make the "
                            "change there)",
                            zFile, nFirst, z);
        } else {
            rc = apperr_set(err, APPERR_CONFLICT,
                            "cannot import '%s': %.*s; nothing was imported: "
                            "%zu cells were changed both in the file and in "
                            "the database, all listed below",
                            zFile, nFirst, z, st->nConflict);
        }
    }
    merge_free(im->mg);
    im->mg = NULL;
    free(im->aiNodeRev);
    im->aiNodeRev = NULL;
    im->nNodeRev = 0;
    im->iFileRev = 0;
    im->cols = NULL;
    im->nRowBare = im->nRowForeign = 0;
    return rc;
}

/* Put the organisations of in, parents before children.  Returns -2 (err
** unset) when merging them found conflicts. */
static int
imp_put_orgs(Importer *im, const char *zFile, Model *in, AppErr *err)
{
    for (size_t i = 0; i < in->nOrg; i++) {
        imp_merge_org(im, i, &in->aOrg[i]);
    }
    if (im->stats->nConflict) {
        return -2;
    }
    size_t iCycle;
    Buf cycle = BUF_INIT;
    if (orgdir_find_parent_cycle(&im->db, in, &iCycle, &cycle)) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': organisations[%zu] "
                   "'%s': parent '%s' makes a cycle of parents: %s",
                   zFile, iCycle, in->aOrg[iCycle].zAcronym,
                   in->aOrg[iCycle].zParent, buf_str(&cycle));
        buf_release(&cycle);
        return -1;
    }
    buf_release(&cycle);
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
            int bParentReady =
                !o->zParent || model_find_org(&im->db, o->zParent);
            for (size_t k = 0; k < in->nOrg && !bParentReady; k++) {
                bParentReady =
                    abDone[k] && str_eq(in->aOrg[k].zAcronym, o->zParent);
            }
            if (!bParentReady) {
                continue;
            }
            if (store_org_put(im->s, o, err)) {
                rc = apperr_prefix(
                    err, "cannot import '%s': organisations[%zu]", zFile, i);
            }
            abDone[i] = 1;
            nDone++;
        }
        if (rc == 0 && nDone == nBefore) {
            for (size_t i = 0; i < in->nOrg; i++) {
                if (!abDone[i]) {
                    rc = apperr_set(err, APPERR_INPUT,
                                    "cannot import '%s': organisations[%zu] "
                                    "'%s': unknown parent '%s'",
                                    zFile, i, in->aOrg[i].zAcronym,
                                    in->aOrg[i].zParent);
                    break;
                }
            }
        }
    }
    free(abDone);
    return rc ? rc : (in->nOrg ? imp_reload(im, err) : 0);
}

/* Merge and write the nodes and assessments of plan p (already
** resolved) against db's plan and the plan before the import.  Nodes are
** found by code with plan_find_node(), which keeps its own index, so a
** plan of thousands of activities costs no scan per row.  After a
** conflict it goes on merging, to find them all, but writes nothing more;
** then it returns -2 (err unset). */
static int
imp_put_nodes(Importer *im, const char *zFile, Plan *p, int bCsv,
              const AnnexCols *cols, AppErr *err)
{
    Plan *dbp = model_find_plan(&im->db, p->zCode);
    Plan *bp = model_find_plan(&im->before, p->zCode);
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
                    "create it)",
                    zFile, n->iLine, cols->aiCode[n->iLevel],
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
            if (!n->zTextKm && d->zTextKm) {
                n->zTextKm = xstrdup(d->zTextKm);
            }
            if (!n->zIndicatorKm && d->zIndicatorKm) {
                n->zIndicatorKm = xstrdup(d->zIndicatorKm);
            }
            if (n->iLevel != iLeaf) {
                continue; /* an ancestor named by code: nothing to write */
            }
        }
        char zCol[400];
        if (bCsv) {
            (void)snprintf(zCol, sizeof zCol,
                           "line %d, column %d (responsible)", n->iLine,
                           cols->iResp);
        } else {
            (void)snprintf(zCol, sizeof zCol,
                           "plan '%.64s', node '%.64s': "
                           "responsible",
                           p->zCode, n->zCode);
        }
        if (imp_resolve_names(im, zFile, zCol, n->azResp, &n->nResp, err)) {
            return -1;
        }
        if (bCsv) {
            (void)snprintf(zCol, sizeof zCol,
                           "line %d, column %d (contributing)", n->iLine,
                           cols->iContrib);
        } else {
            (void)snprintf(zCol, sizeof zCol,
                           "plan '%.64s', node '%.64s': "
                           "contributing",
                           p->zCode, n->zCode);
        }
        if (imp_resolve_names(im, zFile, zCol, n->azContrib, &n->nContrib,
                              err)) {
            return -1;
        }
        int bLinks = !bCsv || n->iLevel == iLeaf;
        const Node *d = iDb >= 0 ? &dbp->aNode[iDb] : NULL;
        if (d && imp_merge_node(im, zFile, p, i, dbp, d, bLinks, err)) {
            return -1;
        }
        if (bCsv && n->iLevel == iLeaf && d && imp_node_rev(im, i) == 0 &&
            cols->iRevision) {
            /* A row of a stored activity that cannot merge. */
            if (i < cols->nRevision && cols->azRevision[i]) {
                im->nRowForeign++;
            } else {
                im->nRowBare++;
            }
        }
        /* What changed: the node's puts write audit rows, which the
        ** observer counts (imp_count_change()). */
        size_t nBefore = im->stats->nChange;
        if (!im->stats->nConflict &&
            store_node_put(im->s, p, (long)i, bLinks, err)) {
            return apperr_prefix(err, "cannot import '%s': %s", zFile, zWhere);
        }
        long iBefore = bp ? plan_find_node(bp, n->zCode) : -1;
        for (size_t k = 0; k < n->nAssess; k++) {
            Assessment *a = &n->aAssess[k];
            const Round *r = plan_find_round(p, a->zRound);
            if (!r && !(dbp && plan_find_round(dbp, a->zRound))) {
                return apperr_set(err, APPERR_INPUT,
                                  "cannot import '%s': %s: assessment for "
                                  "unknown round '%s'",
                                  zFile, zWhere, a->zRound);
            }
            const Assessment *old =
                d ? node_find_assessment(d, a->zRound) : NULL;
            if (bCsv && old) {
                /* CSV carries no workflow state: keep the stored one. */
                a->eState = old->eState;
            }
            if (d) {
                imp_merge_assessment(im, p, i, a, old, !bCsv);
            }
            if (im->stats->nConflict) {
                continue;
            }
            /* The import holds the write lock since it read the database:
            ** nothing can have changed in between, so no version guard. */
            a->iVersion = 0;
            if (imp_check_lock(zFile, zWhere, p, bp, iBefore, n, a, err) ||
                store_assessment_put(im->s, p->zCode, n->zCode, a, 0, err)) {
                return err->code == APPERR_CONFLICT &&
                               strstr(err->zMsg, "locked")
                           ? -1
                           : apperr_prefix(err, "cannot import '%s': %s", zFile,
                                           zWhere);
            }
        }
        if (!im->stats->nConflict) {
            if (im->stats->nChange > nBefore) {
                if (n->iLevel == iLeaf) {
                    im->stats->nActivity++;
                } else {
                    im->stats->nOtherNode++;
                }
            }
        }
    }
    return im->stats->nConflict ? -2 : 0;
}

/* Refuse changing a round that was published before the import. */
static int
imp_check_round(Importer *im, const char *zFile, const Plan *p, const Round *r,
                AppErr *err)
{
    const Plan *bp = model_find_plan(&im->before, p->zCode);
    const Round *br = bp ? plan_find_round(bp, r->zCode) : NULL;
    if (br && br->eState == ROUND_PUBLISHED &&
        (!str_eq(br->zTitle, r->zTitle) || !str_eq(br->zAsOf, r->zAsOf) ||
         br->eState != r->eState)) {
        return apperr_set(err, APPERR_CONFLICT,
                          "cannot import '%s': round '%s' of plan '%s' is "
                          "published and locked",
                          zFile, r->zCode, p->zCode);
    }
    return 0;
}

/* Write the chapters the file gives round rd (its text replaces the
** stored one; a Khmer text left out keeps the stored one), each at the
** version stored now: the import holds the write lock since it read
** dbp. */
static int
imp_put_chapters(Importer *im, const Plan *p, const Plan *dbp, const Round *rd,
                 AppErr *err)
{
    const Round *dbr = dbp ? plan_find_round(dbp, rd->zCode) : NULL;
    for (size_t k = 0; k < rd->nChapter; k++) {
        RoundChapter c = rd->aChapter[k];
        const RoundChapter *old = dbr ? round_chapter(dbr, c.eKind) : NULL;
        c.iVersion = old ? old->iVersion : 0;
        if (!c.zTextKm && old) {
            c.zTextKm = old->zTextKm;
        }
        if (store_round_chapter_put(im->s, p->zCode, rd->zCode, &c, err)) {
            return -1;
        }
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
                p->zTitle =
                    xstrdup(dbp && dbp->zTitle ? dbp->zTitle : p->zCode);
            } else if (dbp && im->mg) {
                Buf where = BUF_INIT;
                buf_printf(&where, "plans[%zu]: title", i);
                imp_merge_text(im, im->iFileRev, "plan", p->zCode, "title",
                               &p->zTitle, dbp->zTitle, "", buf_str(&where));
                buf_release(&where);
            }
            if (dbp) {
                Buf where = BUF_INIT;
                buf_printf(&where, "plans[%zu]: title_km", i);
                imp_merge_km(im, im->iFileRev, "plan", p->zCode, "title_km",
                             &p->zTitleKm, dbp->zTitleKm, buf_str(&where));
                buf_release(&where);
            }
        }
        for (size_t r = 0; r < p->nRound; r++) {
            imp_merge_round(im, i, p, &p->aRound[r]);
        }
        if (im->stats->nConflict) {
            return -2;
        }
        if (p->nLevel > 0) {
            if (store_plan_put(im->s, p, err)) {
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
                store_round_put(im->s, p->zCode, rd, err) ||
                imp_put_chapters(im, p, dbp, rd, err)) {
                return err->code == APPERR_CONFLICT
                           ? -1
                           : apperr_prefix(err,
                                           "cannot import '%s': plans[%zu]",
                                           zFile, i);
            }
        }
        if (imp_reload(im, err)) {
            return -1;
        }
        int rc = imp_put_nodes(im, zFile, p, 0, NULL, err);
        if (rc) {
            return rc;
        }
    }
    return 0;
}

static int
imp_apply_csv(Importer *im, const char *zFile, Model *in, const AnnexCols *cols,
              AppErr *err)
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
            apperr_set(
                err, APPERR_INPUT,
                "cannot import '%s': line 1: the columns give the levels "
                "%s, but plan '%s' has the levels %s",
                zFile, buf_str(&have), p->zCode, buf_str(&want));
        }
        buf_release(&want);
        buf_release(&have);
        if (!bSame) {
            return -1;
        }
        p->zTitle = xstrdup(dbp->zTitle);
    } else {
        p->zTitle = xstrdup(p->zCode);
        if (store_plan_put(im->s, p, err)) {
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
        if (store_round_put(im->s, p->zCode, rd, err)) {
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
    if (zDot && (strcmp(zDot, ".xlsx") == 0 || strcmp(zDot, ".XLSX") == 0)) {
        return IMPORT_XLSX;
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

/* What each audit row an import wrote changed. */
static ImportChange
imp_change_kind(const char *zAction, const char *zEntity, const char *zField)
{
    int bNew = str_eq(zAction, "create") && !zField;
    const char *z = zField ? zField : "";
    if (str_eq(zEntity, "org")) {
        return bNew ? IMPORT_NEW_ORG : IMPORT_ORG_DETAIL;
    }
    if (str_eq(zEntity, "plan")) {
        return bNew ? IMPORT_NEW_PLAN : IMPORT_PLAN_DETAIL;
    }
    if (str_eq(zEntity, "round")) {
        return bNew ? IMPORT_NEW_ROUND : IMPORT_ROUND_DETAIL;
    }
    if (str_eq(zEntity, "node")) {
        static const struct {
            const char *zField;
            ImportChange e;
        } aNode[] = { { "text", IMPORT_NODE_TEXT },
                      { "indicator", IMPORT_NODE_INDICATOR },
                      { "parent", IMPORT_NODE_PARENT },
                      { "responsible", IMPORT_NODE_RESPONSIBLE },
                      { "contributing", IMPORT_NODE_CONTRIBUTING },
                      { "predecessor", IMPORT_NODE_PREDECESSOR } };

        for (size_t i = 0; i < sizeof aNode / sizeof aNode[0] && !bNew; i++) {
            if (strcmp(z, aNode[i].zField) == 0) {
                return aNode[i].e;
            }
        }
        return bNew ? IMPORT_NEW_NODE : IMPORT_OTHER;
    }
    if (str_eq(zEntity, "assessment")) {
        if (bNew) {
            return IMPORT_NEW_ASSESSMENT;
        }
        return strcmp(z, "action_point") == 0 ? IMPORT_ACTION_POINT
               : strcmp(z, "progress") == 0   ? IMPORT_PROGRESS
               : strcmp(z, "rating") == 0     ? IMPORT_RATING
               : strcmp(z, "state") == 0      ? IMPORT_ASSESS_STATE
                                              : IMPORT_OTHER;
    }
    return IMPORT_OTHER;
}

/* Count what the import writes, as the store writes its audit rows
** (store_set_audit_observer()); reading them back before the commit cost
** a twentieth of a national plan's import. */
static void
imp_count_change(void *pArg, const char *zAction, const char *zEntity,
                 const char *zField)
{
    ImportStats *stats = pArg;
    stats->nChange++;
    stats->anChange[imp_change_kind(zAction, zEntity, zField)]++;
}

void
import_stats_release(ImportStats *stats)
{
    buf_release(&stats->notes);
    buf_release(&stats->conflicts);
}

void
import_stats_describe(const ImportStats *st, Buf *b)
{
    static const char *const azName[IMPORT_CHANGE_COUNT][2] = {
        [IMPORT_NEW_ORG] = { "new organisation", "new organisations" },
        [IMPORT_ORG_DETAIL] = { "organisation detail", "organisation details" },
        [IMPORT_NEW_PLAN] = { "new plan", "new plans" },
        [IMPORT_PLAN_DETAIL] = { "plan detail", "plan details" },
        [IMPORT_NEW_ROUND] = { "new round", "new rounds" },
        [IMPORT_ROUND_DETAIL] = { "round detail", "round details" },
        [IMPORT_NEW_NODE] = { "new plan node", "new plan nodes" },
        [IMPORT_NODE_TEXT] = { "text", "texts" },
        [IMPORT_NODE_INDICATOR] = { "indicator", "indicators" },
        [IMPORT_NODE_PARENT] = { "move", "moves" },
        [IMPORT_NODE_RESPONSIBLE] = { "responsible", "responsible" },
        [IMPORT_NODE_CONTRIBUTING] = { "contributing", "contributing" },
        [IMPORT_NODE_PREDECESSOR] = { "predecessor", "predecessors" },
        [IMPORT_NEW_ASSESSMENT] = { "new assessment", "new assessments" },
        [IMPORT_ACTION_POINT] = { "action point", "action points" },
        [IMPORT_PROGRESS] = { "progress", "progress" },
        [IMPORT_RATING] = { "rating", "ratings" },
        [IMPORT_ASSESS_STATE] = { "workflow state", "workflow states" },
        [IMPORT_OTHER] = { "other", "other" },
    };
    if (st->nChange == 0) {
        buf_puts(b, "no changes");
        return;
    }
    buf_printf(b, "%zu change%s (", st->nChange, st->nChange == 1 ? "" : "s");
    const char *zSep = "";
    for (int k = 0; k < IMPORT_CHANGE_COUNT; k++) {
        if (st->anChange[k]) {
            buf_printf(b, "%s%zu %s", zSep, st->anChange[k],
                       azName[k][st->anChange[k] != 1]);
            zSep = ", ";
        }
    }
    buf_putc(b, ')');
    if (st->nActivity) {
        buf_printf(b, " in %zu activit%s", st->nActivity,
                   st->nActivity == 1 ? "y" : "ies");
    }
    if (st->nOtherNode) {
        buf_printf(b, "%s %zu %splan node%s", st->nActivity ? " and" : " in",
                   st->nOtherNode, st->nActivity ? "other " : "",
                   st->nOtherNode == 1 ? "" : "s");
    }
}

int
import_run(Store *s, const ImportInput *aIn, size_t nIn, const ImportOpts *opts,
           ImportStats *stats, AppErr *err)
{
    Importer im;
    memset(&im, 0, sizeof im);
    im.s = s;
    im.opts = opts;
    im.stats = stats;
    memset(stats, 0, sizeof *stats);
    buf_init(&stats->notes, 0);
    buf_init(&stats->conflicts, 0);
    if (store_begin(s, err)) {
        return -1;
    }
    int rc = -1;
    /* Everything is read under the write lock: a concurrent import waits
    ** for this one to commit, then merges against what it wrote. */
    if (store_data_version(s, &stats->iDataVersion, err)) {
        goto out;
    }
    if (opts->bAtVersion && stats->iDataVersion != opts->iVersion) {
        apperr_set(err, APPERR_CONFLICT,
                   "nothing was imported: the data changed since the "
                   "preview; look at the new preview before importing");
        goto out;
    }
    if (store_load(s, NULL, &im.before, err) || imp_reload(&im, err)) {
        goto out;
    }
    store_set_audit_observer(s, imp_count_change, stats);
    for (size_t i = 0; i < nIn; i++) {
        const ImportInput *in = &aIn[i];
        Model m = MODEL_INIT;
        AnnexCols cols;
        memset(&cols, 0, sizeof cols);
        char *zRevision = NULL;
        Buf sheet = BUF_INIT;
        int r;
        switch (imp_format_of(in)) {
        case IMPORT_JSON:
            r = model_json_read(in->zName, in->z, in->n, &m, &zRevision, err);
            if (r == 0) {
                r = imp_merge_begin_json(&im, in->zName, zRevision, err);
            }
            if (r == 0) {
                r = imp_apply_json(&im, in->zName, &m, err);
            }
            break;
        case IMPORT_XLSX:
        case IMPORT_CSV: {
            /* A spreadsheet's first sheet is an annex table: it becomes
            ** CSV text, then goes through the same checks; messages then
            ** name the sheet's row as the line. */
            const char *z = in->z;
            size_t n = in->n;
            const char *zPlan = NULL;
            r = imp_csv_plan(&im, in->zName, &zPlan, err);
            if (r == 0 && imp_format_of(in) == IMPORT_XLSX) {
                buf_init(&sheet, LIMIT_IMPORT_FILE_BYTES);
                r = xlsx_to_csv_mem(in->zName, in->z, in->n, &sheet, err);
                z = buf_str(&sheet);
                n = sheet.n;
            }
            if (r == 0) {
                r = annex_csv_read(in->zName, z, n, zPlan, &m, &cols, err);
            }
            if (r == 0) {
                r = imp_merge_begin_csv(&im, in->zName, &m.aPlan[0], &cols,
                                        err);
            }
            if (r == 0) {
                r = imp_apply_csv(&im, in->zName, &m, &cols, err);
            }
            break;
        }
        default:
            r = apperr_set(err, APPERR_USAGE,
                           "cannot import '%s': unknown format (name the file "
                           "*.csv, *.xlsx or *.json, or give --format "
                           "csv|xlsx|json)",
                           in->zName);
        }
        r = imp_merge_end(&im, in->zName, r, err);
        buf_release(&sheet);
        free(zRevision);
        annex_cols_release(&cols);
        model_release(&m);
        if (r) {
            goto out;
        }
    }
    /* A dry run went all the way, audit rows and conflicts included, so
    ** what it counted is what the import would change. */
    rc = im.opts->bDryRun ? 0 : store_commit(s, err);
    if (im.opts->bDryRun) {
        store_rollback(s);
    }
out:
    store_set_audit_observer(s, NULL, NULL);
    if (rc) {
        store_rollback(s);
    }
    imp_merge_end(&im, NULL, 0, NULL);
    orgdir_free(im.dir);
    model_release(&im.db);
    model_release(&im.before);
    return rc;
}

int
import_is_xlsx(const char *zFormat, const char *zFile)
{
    size_t n = zFile ? strlen(zFile) : 0;
    return zFormat ? strcmp(zFormat, "xlsx") == 0
                   : n > 5 && strcmp(zFile + n - 5, ".xlsx") == 0;
}

int
import_table_text(const char *zPath, int bXlsx, Buf *pCsv, MappedFile *pMf,
                  const char **pz, size_t *pn, AppErr *err)
{
    if (bXlsx) {
        /* A spreadsheet becomes CSV text, then goes through the same
        ** checks; messages then name the sheet's row as the line. */
        buf_init(pCsv, LIMIT_IMPORT_FILE_BYTES);
        if (xlsx_to_csv(zPath, pCsv, err)) {
            return -1;
        }
        *pz = buf_str(pCsv);
        *pn = pCsv->n;
        return 0;
    }
    if (import_map_file(zPath, LIMIT_IMPORT_FILE_BYTES, pMf, err)) {
        return -1;
    }
    *pz = pMf->z;
    *pn = pMf->n;
    return 0;
}
