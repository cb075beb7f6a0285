/*
** outreach_csv.c — outreach events, media coverage and statistics
** figures in and out of CSV and XLSX files (see outreach_csv.h and
** docs/formats/outreach-csv.md).
**
** Each file kind is a table of columns (aCol below: name, label, whether
** required).  Reading maps the header onto it, then turns each row into
** a record: codes through code_index() (keys or labels), places through
** the gazetteer, organisations through the directory, each cell checked
** and the first bad one named with its line, column and field.  The
** record's own rules are core's (outreach_check(), stat_check_sums()).
** Writing goes through the puts, which compare with what is stored, so
** an unchanged record writes nothing; the audit trail's newest id before
** and after each put tells whether it wrote.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outreach_csv.h"
#include "csv.h"
#include "xlsx_write.h"
#include "../base/base.h"
#include "../core/cases.h"
#include "../core/gazetteer.h"
#include "../core/orgdir.h"
#include "../core/funding.h"
#include "../base/banned.h"

typedef CsvColumn Col;

/* The columns of each kind, in the order exports write them. */
enum {
    EV_DATE = 0,
    EV_DATE_TO,
    EV_TITLE,
    EV_KIND,
    EV_STATUS,
    EV_PLACES,
    EV_ORGS,
    EV_PLAN,
    EV_ACTIVITIES,
    EV_WOMEN,
    EV_MEN,
    EV_UNKNOWN,
    EV_TOTAL,
    EV_CURRENCY,
    EV_REQUESTED,
    EV_ORDERED,
    EV_PURPOSE,
    EV_ATTENDEES,
    EV_NOTES,
    EV_NCOL
};

static const Col aEventCol[EV_NCOL + 1] = {
    [EV_DATE] = { "date", 1 },
    [EV_DATE_TO] = { "date_to", 0 },
    [EV_TITLE] = { "title", 1 },
    [EV_KIND] = { "kind", 1 },
    [EV_STATUS] = { "status", 0 },
    [EV_PLACES] = { "places", 0 },
    [EV_ORGS] = { "organisations", 0 },
    [EV_PLAN] = { "plan", 0 },
    [EV_ACTIVITIES] = { "activities", 0 },
    [EV_WOMEN] = { "women", 0 },
    [EV_MEN] = { "men", 0 },
    [EV_UNKNOWN] = { "unknown", 0 },
    [EV_TOTAL] = { "total", 0 },
    [EV_CURRENCY] = { "currency", 0 },
    [EV_REQUESTED] = { "requested", 0 },
    [EV_ORDERED] = { "ordered", 0 },
    [EV_PURPOSE] = { "purpose", 0 },
    [EV_ATTENDEES] = { "attendees", 0 },
    [EV_NOTES] = { "notes", 0 },
};

enum { MD_DATE = 0, MD_TITLE, MD_OUTLET, MD_LINK, MD_NCOL };

static const Col aMediaCol[MD_NCOL + 1] = {
    [MD_DATE] = { "date", 1 },
    [MD_TITLE] = { "title", 1 },
    [MD_OUTLET] = { "outlet", 1 },
    [MD_LINK] = { "link", 0 },
};

enum {
    ST_MEASURE = 0,
    ST_DEST,
    ST_CHANNEL,
    ST_SEX,
    ST_PERIOD,
    ST_SOURCE,
    ST_VALUE,
    ST_NOTE,
    ST_NCOL
};

static const Col aStatCol[ST_NCOL + 1] = {
    [ST_MEASURE] = { "measure", 1 }, [ST_DEST] = { "destination", 1 },
    [ST_CHANNEL] = { "channel", 1 }, [ST_SEX] = { "sex", 1 },
    [ST_PERIOD] = { "period", 1 },   [ST_SOURCE] = { "source", 1 },
    [ST_VALUE] = { "value", 1 },     [ST_NOTE] = { "note", 0 },
};

static const struct {
    const Col *aCol;
    int nCol;
    const char *zNoun; /* "events" */
} aKind[OUTREACH_FILE_COUNT] = {
    [OUTREACH_FILE_EVENTS] = { aEventCol, EV_NCOL, "events" },
    [OUTREACH_FILE_MEDIA] = { aMediaCol, MD_NCOL, "articles" },
    [OUTREACH_FILE_STATS] = { aStatCol, ST_NCOL, "figures" },
};

const char *
outreach_file_noun(OutreachFile k)
{
    return aKind[k].zNoun;
}

/* ---- reading ------------------------------------------------------------ */

/* One import: the file, its header's map, the row being read, and what
** resolves names. */
typedef struct Reader {
    OutreachFile k;
    const char *zFile;
    int aiCol[EV_NCOL]; /* file column of each of the kind's columns, -1 */
    CsvRecord rec;
    Gazetteer *pGaz;
    Model m; /* the organisations and plans, for names */
    OrgDir *pDir;
    AppErr *err;
} Reader;

/* The cell of column c in the current row ("" when the file lacks it). */
static const char *
cell(const Reader *r, int c)
{
    int i = r->aiCol[c];
    return i >= 0 ? r->rec.azField[i] : "";
}

/* Fill err for a bad cell of column c: "cannot import 'F': line L, column
** N (field): ...".  Returns -1. */
static int bad(Reader *r, int c, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(Reader *r, int c, const char *zFmt, ...)
{
    char zMsg[768];
    va_list ap;
    va_start(ap, zFmt);
    (void)vsnprintf(zMsg, sizeof zMsg, zFmt, ap);
    va_end(ap);
    return csv_cell_error(r->zFile, &r->rec, r->aiCol, aKind[r->k].aCol, c,
                          zMsg, r->err);
}

/* As bad(), with the message core or the gazetteer left in err. */
static int
bad_err(Reader *r, int c)
{
    char zMsg[sizeof r->err->zMsg];
    memcpy(zMsg, r->err->zMsg, sizeof zMsg);
    return bad(r, c, "%s", zMsg);
}

/* A copy of the cell, or NULL when it is empty. */
static char *
cell_dup(const Reader *r, int c)
{
    const char *z = cell(r, c);
    return *z ? xstrdup(z) : NULL;
}

/* The code of column c's cell among kind ck's (keys or labels); an empty
** cell is iDefault, or refused when iDefault < 0. */
static int
cell_code(Reader *r, int c, CodeKind ck, int iDefault, int *pOut)
{
    const char *z = cell(r, c);
    if (!*z && iDefault >= 0) {
        *pOut = iDefault;
        return 0;
    }
    int i = code_index(ck, z);
    if (i < 0) {
        size_t n;
        const CodeName *a = code_table(ck, &n);
        Buf b = BUF_INIT;
        for (size_t j = 0; j < n; j++) {
            buf_printf(&b, "%s%s", j ? ", " : "", a[j].zKey);
        }
        int rc = bad(r, c, "'%s' is none of %s", z, buf_str(&b));
        buf_release(&b);
        return rc;
    }
    *pOut = i;
    return 0;
}

/* A count of people or a figure: digits only, OUTREACH_NONE when empty. */
static int
cell_count(Reader *r, int c, int64_t *pOut)
{
    const char *z = cell(r, c);
    long v;
    *pOut = OUTREACH_NONE;
    if (!*z) {
        return 0;
    }
    if (str_to_long(z, 0, 999999999999L, &v)) {
        return bad(r, c, "'%s' is not a whole number%s", z,
                   strchr(z, ',') ? " (write 311290, not 311,290)" : "");
    }
    *pOut = v;
    return 0;
}

/* An amount in major units ("84600", "6755.50") as minor units. */
static int
cell_amount(Reader *r, int c, int64_t *pOut)
{
    const char *z = cell(r, c);
    *pOut = OUTREACH_NONE;
    if (*z && case_amount_parse(z, pOut)) {
        return bad(r, c, "'%s' is not an amount such as 84600 or 6755.50", z);
    }
    return 0;
}

static int
cell_date(Reader *r, int c, char **pz)
{
    const char *z = cell(r, c);
    *pz = NULL;
    if (*z && !str_is_date(z)) {
        return bad(r, c, "'%s' is not a date (YYYY-MM-DD)", z);
    }
    *pz = cell_dup(r, c);
    return 0;
}

/* Replace each name of the list cell c by the code it resolves to. */
static int
cell_places(Reader *r, int c, char ***paz, size_t *pn)
{
    strv_split(cell(r, c), ";", paz, pn);
    for (size_t i = 0; i < *pn; i++) {
        const char *zCode;
        if (gaz_resolve_place(r->pGaz, (*paz)[i], &zCode, r->err)) {
            return bad_err(r, c);
        }
        free((*paz)[i]);
        (*paz)[i] = xstrdup(zCode);
    }
    return 0;
}

static int
cell_orgs(Reader *r, int c, char ***paz, size_t *pn)
{
    strv_split(cell(r, c), ";", paz, pn);
    for (size_t i = 0; i < *pn; i++) {
        const Org *o = orgdir_resolve(r->pDir, (*paz)[i]);
        if (!o) {
            Buf sug = BUF_INIT;
            orgdir_suggest(r->pDir, (*paz)[i], 3, &sug);
            int rc = bad(r, c, "unknown organisation '%s'%s%s%s", (*paz)[i],
                         sug.n ? " (closest: " : " (add it to the directory)",
                         buf_str(&sug), sug.n ? ")" : "");
            buf_release(&sug);
            return rc;
        }
        free((*paz)[i]);
        (*paz)[i] = xstrdup(o->zAcronym);
    }
    return 0;
}

static int
read_event(Reader *r, Outreach *o)
{
    int iKind = 0, iStatus = 0;
    if (cell_date(r, EV_DATE, &o->zFrom) || cell_date(r, EV_DATE_TO, &o->zTo) ||
        cell_code(r, EV_KIND, CODE_OUTREACH_KIND, -1, &iKind) ||
        cell_code(r, EV_STATUS, CODE_OUTREACH_STATUS, OUTREACH_HELD,
                  &iStatus) ||
        cell_places(r, EV_PLACES, &o->azPlace, &o->nPlace) ||
        cell_orgs(r, EV_ORGS, &o->azOrg, &o->nOrg) ||
        cell_count(r, EV_WOMEN, &o->n.women) ||
        cell_count(r, EV_MEN, &o->n.men) ||
        cell_count(r, EV_UNKNOWN, &o->n.unknown) ||
        cell_count(r, EV_TOTAL, &o->n.total) ||
        cell_amount(r, EV_REQUESTED, &o->requested) ||
        cell_amount(r, EV_ORDERED, &o->ordered)) {
        return -1;
    }
    if (!o->zFrom) {
        return bad(r, EV_DATE, "missing");
    }
    o->eKind = (OutreachKind)iKind;
    o->eStatus = (OutreachStatus)iStatus;
    o->zTitle = cell_dup(r, EV_TITLE);
    o->zPlan = cell_dup(r, EV_PLAN);
    strv_split(cell(r, EV_ACTIVITIES), ";", &o->azActivity, &o->nActivity);
    o->zCurrency = cell_dup(r, EV_CURRENCY);
    o->zPurpose = cell_dup(r, EV_PURPOSE);
    o->zAttendees = cell_dup(r, EV_ATTENDEES);
    o->zNotes = cell_dup(r, EV_NOTES);
    if (o->zCurrency && !money_currency_ok(o->zCurrency)) {
        return bad(r, EV_CURRENCY,
                   "'%s' is not a currency code such as USD or KHR",
                   o->zCurrency);
    }
    if (o->zPlan) {
        Plan *p = NULL;
        for (size_t i = 0; i < r->m.nPlan && !p; i++) {
            p = strcmp(r->m.aPlan[i].zCode, o->zPlan) == 0 ? &r->m.aPlan[i]
                                                           : NULL;
        }
        if (!p) {
            return bad(r, EV_PLAN, "no plan '%s'", o->zPlan);
        }
        for (size_t i = 0; i < o->nActivity; i++) {
            if (plan_find_node(p, o->azActivity[i]) < 0) {
                return bad(r, EV_ACTIVITIES, "no activity '%s' in plan '%s'",
                           o->azActivity[i], o->zPlan);
            }
        }
    }
    if (outreach_check(o, r->err)) {
        /* core names the field first ("total: ..."): report it there. */
        static const struct {
            const char *zPrefix;
            int c;
        } aField[] = {
            { "date_to", EV_DATE_TO },   { "date", EV_DATE },
            { "title", EV_TITLE },       { "plan", EV_PLAN },
            { "currency", EV_CURRENCY }, { "status", EV_STATUS },
            { "women", EV_WOMEN },       { "men", EV_MEN },
            { "unknown", EV_UNKNOWN },   { "total", EV_TOTAL },
        };

        int c = EV_TOTAL;
        for (size_t i = 0; i < sizeof aField / sizeof aField[0]; i++) {
            size_t n = strlen(aField[i].zPrefix);
            if (strncmp(r->err->zMsg, aField[i].zPrefix, n) == 0 &&
                r->err->zMsg[n] == ':') {
                c = aField[i].c;
                break;
            }
        }
        const char *zColon = strchr(r->err->zMsg, ':');
        char zMsg[sizeof r->err->zMsg];
        (void)snprintf(zMsg, sizeof zMsg, "%s",
                       zColon ? zColon + 2 : r->err->zMsg);
        return bad(r, c, "%s", zMsg);
    }
    return 0;
}

static int
read_media(Reader *r, Media *md)
{
    if (cell_date(r, MD_DATE, &md->zDate)) {
        return -1;
    }
    if (!md->zDate) {
        return bad(r, MD_DATE, "missing");
    }
    md->zTitle = cell_dup(r, MD_TITLE);
    md->zOutlet = cell_dup(r, MD_OUTLET);
    md->zLink = cell_dup(r, MD_LINK);
    if (!md->zTitle) {
        return bad(r, MD_TITLE, "missing");
    }
    if (!md->zOutlet) {
        return bad(r, MD_OUTLET, "missing");
    }
    return 0;
}

static int
read_stat(Reader *r, StatObs *so)
{
    int iMeasure = 0, iChannel = 0, iSex = 0;
    const char *zCode;
    if (cell_code(r, ST_MEASURE, CODE_STAT_MEASURE, -1, &iMeasure) ||
        cell_code(r, ST_CHANNEL, CODE_STAT_CHANNEL, -1, &iChannel) ||
        cell_code(r, ST_SEX, CODE_STAT_SEX, -1, &iSex) ||
        cell_count(r, ST_VALUE, &so->value)) {
        return -1;
    }
    so->eMeasure = (StatMeasure)iMeasure;
    so->eChannel = (StatChannel)iChannel;
    so->eSex = (StatSex)iSex;
    if (gaz_resolve(r->pGaz, GAZ_COUNTRY, cell(r, ST_DEST), &zCode, r->err)) {
        return bad_err(r, ST_DEST);
    }
    so->zDest = xstrdup(zCode);
    if (outreach_check_period(cell(r, ST_PERIOD), r->err)) {
        return bad_err(r, ST_PERIOD);
    }
    so->zPeriod = cell_dup(r, ST_PERIOD);
    so->zSource = cell_dup(r, ST_SOURCE);
    so->zNote = cell_dup(r, ST_NOTE);
    if (!so->zSource) {
        return bad(r, ST_SOURCE, "missing: say where the figure comes from");
    }
    if (so->value == OUTREACH_NONE) {
        return bad(r, ST_VALUE, "missing");
    }
    return 0;
}

/* Map the header record onto the kind's columns. */
static int
read_header(Reader *r)
{
    for (int c = 0; c < EV_NCOL; c++) {
        r->aiCol[c] = -1; /* the widest kind's columns */
    }
    return csv_header_map(r->zFile, &r->rec, aKind[r->k].aCol, aKind[r->k].nCol,
                          aKind[r->k].zNoun, r->aiCol, r->err);
}

/* The key of each row read, with its line: two rows of one key in a file
** would have the second silently replace the first. */
typedef struct RowKey {
    char *zKey;
    int iLine;
} RowKey;

static int
rowkey_cmp(const void *pA, const void *pB)
{
    const RowKey *a = pA, *b = pB;
    int c = strcmp(a->zKey, b->zKey);
    return c ? c : a->iLine - b->iLine;
}

/* The current row's key as text (its key columns as read, joined by a
** character no cell holds once trimmed of control characters: US). */
static char *
row_key(const Reader *r)
{
    static const int aiEvent[] = { EV_DATE, EV_TITLE, -1 };
    static const int aiMedia[] = { MD_DATE, MD_TITLE, -1 };
    static const int aiStat[] = { ST_MEASURE, ST_DEST,   ST_CHANNEL, ST_SEX,
                                  ST_PERIOD,  ST_SOURCE, -1 };
    const int *ai = r->k == OUTREACH_FILE_EVENTS  ? aiEvent
                    : r->k == OUTREACH_FILE_MEDIA ? aiMedia
                                                  : aiStat;
    Buf b = BUF_INIT;
    for (int i = 0; ai[i] >= 0; i++) {
        buf_printf(&b, "%s\x1f", cell(r, ai[i]));
    }
    return buf_detach(&b);
}

/* A figure the file holds, with its line (for the sums checked last). */
typedef struct FileStat {
    StatObs o;
    int iLine;
} FileStat;

/* Put one record read from the current row; *pbWrote says whether it
** wrote anything. */
static int
put_row(Reader *r, Store *s, FileStat **paStat, size_t *pnStat,
        size_t *pnStatAlloc, int *pbWrote)
{
    long vBefore = 0, vAfter = 0;
    int rc = store_data_version(s, &vBefore, r->err);
    if (rc == 0 && r->k == OUTREACH_FILE_EVENTS) {
        Outreach o;
        outreach_init(&o);
        rc = read_event(r, &o) || store_outreach_put(s, &o, r->err) ? -1 : 0;
        outreach_release(&o);
    } else if (rc == 0 && r->k == OUTREACH_FILE_MEDIA) {
        Media md = { 0 };
        rc = read_media(r, &md) || store_media_put(s, &md, r->err) ? -1 : 0;
        media_release(&md);
    } else if (rc == 0) {
        /* Figures are kept: the sums of one figure are checked across
        ** rows once the file is read. */
        StatObs so = { 0 };
        rc = read_stat(r, &so) || store_stat_put(s, &so, r->err) ? -1 : 0;
        if (rc == 0) {
            xgrow((void **)paStat, pnStatAlloc, *pnStat, sizeof **paStat);
            (*paStat)[(*pnStat)++] = (FileStat){ so, r->rec.iLine };
        } else {
            stat_obs_release(&so);
        }
    }
    if (rc == 0) {
        rc = store_data_version(s, &vAfter, r->err);
    }
    *pbWrote = vAfter != vBefore;
    return rc;
}

int
outreach_csv_import(Store *s, OutreachFile k, const char *zFile, const char *z,
                    size_t n, OutreachImportStats *stats, AppErr *err)
{
    Reader r;
    memset(&r, 0, sizeof r);
    r.k = k;
    r.zFile = zFile;
    r.err = err;
    memset(stats, 0, sizeof *stats);
    CsvReader in;
    csv_reader_init(&in, z, n);
    FileStat *aStat = NULL;
    RowKey *aKey = NULL;
    size_t nKeyAlloc = 0;
    size_t nStat = 0, nStatAlloc = 0;
    long vStart = 0, vEnd = 0;
    int rc = -1, bBegun = 0;
    int got = csv_read_header(&in, &r.rec, zFile, "outreach-csv.md", err);
    if (got <= 0 || read_header(&r)) {
        goto out;
    }
    size_t nHeader = r.rec.nField;
    /* Read inside the transaction what the names resolve against. */
    if (store_begin(s, err)) {
        goto out;
    }
    bBegun = 1;
    if (store_load(s, NULL, &r.m, err) || store_data_version(s, &vStart, err)) {
        goto out;
    }
    r.pDir = orgdir_new(&r.m);
    r.pGaz = gaz_new();
    while ((got = csv_read_row(&in, &r.rec, zFile, nHeader, stats->nRows,
                               err)) > 0) {
        int bWrote = 0;
        if (put_row(&r, s, &aStat, &nStat, &nStatAlloc, &bWrote)) {
            if (strncmp(err->zMsg, "cannot import", 13) != 0) {
                apperr_prefix(err, "cannot import '%s': line %d", zFile,
                              r.rec.iLine);
            }
            goto out;
        }
        xgrow((void **)&aKey, &nKeyAlloc, (size_t)stats->nRows, sizeof *aKey);
        aKey[stats->nRows].zKey = row_key(&r);
        aKey[stats->nRows].iLine = r.rec.iLine;
        stats->nRows++;
        stats->nWritten += bWrote;
    }
    if (got < 0) {
        goto out;
    }
    /* Keys are compared as read: codes and places written two ways
    ** ("TH", "Thailand") are caught by the database's figures below. */
    if (stats->nRows) {
        /* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): aKey holds stats->nRows keys */
        qsort(aKey, (size_t)stats->nRows, sizeof *aKey, rowkey_cmp);
    }
    for (long i = 1; i < stats->nRows; i++) {
        if (strcmp(aKey[i].zKey, aKey[i - 1].zKey) == 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line %d: the same %s as line %d "
                       "(%s)",
                       zFile, aKey[i].iLine,
                       k == OUTREACH_FILE_STATS ? "figure" : "date and title",
                       aKey[i - 1].iLine,
                       k == OUTREACH_FILE_STATS
                           ? "measure, destination, channel, sex, period and "
                             "source"
                           : "one record each");
            goto out;
        }
    }
    if (k == OUTREACH_FILE_STATS) {
        /* The file's figures with what the database holds: one figure's
        ** women, men and total may come from several files. */
        StatObs *aAll = NULL;
        size_t nAll = 0, iBad = 0;
        if (store_stat_list(s, &aAll, &nAll, err)) {
            goto out;
        }
        int bBad = stat_check_sums(aAll, nAll, &iBad, err) != 0;
        /* Name the file's row of that figure: the one found wrong, else
        ** another sex of it (the total may be the database's). */
        int iLine = 0, iSame = 0;
        for (size_t i = 0; bBad && i < nStat && !iLine; i++) {
            const StatObs *a = &aStat[i].o, *b = &aAll[iBad];
            if (stat_obs_cmp(a, b) == 0) {
                iLine = aStat[i].iLine;
            } else if (!iSame && a->eMeasure == b->eMeasure &&
                       a->eChannel == b->eChannel &&
                       strcmp(a->zDest, b->zDest) == 0 &&
                       strcmp(a->zPeriod, b->zPeriod) == 0 &&
                       strcmp(a->zSource, b->zSource) == 0) {
                iSame = aStat[i].iLine;
            }
        }
        iLine = iLine ? iLine : iSame;
        for (size_t i = 0; i < nAll; i++) {
            stat_obs_release(&aAll[i]);
        }
        free(aAll);
        if (bBad) {
            if (iLine) {
                /* core says "value: ...": the column is the value's. */
                const char *zMsg = strncmp(err->zMsg, "value: ", 7) == 0
                                       ? err->zMsg + 7
                                       : err->zMsg;
                char zCopy[sizeof err->zMsg];
                (void)snprintf(zCopy, sizeof zCopy, "%s", zMsg);
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, column %d (value): "
                           "%s",
                           zFile, iLine, r.aiCol[ST_VALUE] + 1, zCopy);
            } else {
                apperr_prefix(err, "cannot import '%s'", zFile);
            }
            goto out;
        }
    }
    if (store_data_version(s, &vEnd, err)) {
        goto out;
    }
    stats->nChanges = vEnd - vStart;
    rc = store_commit(s, err);
    bBegun = 0;
    if (rc) {
        apperr_prefix(err, "cannot import '%s'", zFile);
    }
out:
    if (bBegun) {
        store_rollback(s);
    }
    for (size_t i = 0; i < nStat; i++) {
        stat_obs_release(&aStat[i].o);
    }
    free(aStat);
    for (long i = 0; aKey && i < stats->nRows; i++) {
        free(aKey[i].zKey);
    }
    free(aKey);
    gaz_free(r.pGaz);
    orgdir_free(r.pDir);
    model_release(&r.m);
    csv_record_release(&r.rec);
    return rc;
}

/* ---- writing ------------------------------------------------------------- */

/* The rows of kind k as text cells: for files (bLabels 0: what an import
** reads back) or for people (bLabels 1). */
typedef struct Rows {
    size_t nCol;
    char **azCell; /* nRow * nCol, NULL for empty */
    size_t nRow, nAlloc;
} Rows;

static void
rows_release(Rows *t)
{
    for (size_t i = 0; i < t->nRow * t->nCol; i++) {
        free(t->azCell[i]);
    }
    free(t->azCell);
    memset(t, 0, sizeof *t);
}

/* Room for one more row; its cells, all NULL. */
static char **
rows_add(Rows *t)
{
    size_t nCell = t->nRow * t->nCol;
    size_t nAlloc = t->nAlloc;
    for (size_t i = 0; i < t->nCol; i++) {
        xgrow((void **)&t->azCell, &nAlloc, nCell + i, sizeof *t->azCell);
    }
    t->nAlloc = nAlloc;
    char **az = &t->azCell[nCell];
    for (size_t i = 0; i < t->nCol; i++) {
        az[i] = NULL;
    }
    t->nRow++;
    return az;
}

static char *
dup_or_null(const char *z)
{
    return z && *z ? xstrdup(z) : NULL;
}

static char *
count_text(int64_t v)
{
    if (v == OUTREACH_NONE) {
        return NULL;
    }
    char z[32];
    (void)snprintf(z, sizeof z, "%lld", (long long)v);
    return xstrdup(z);
}

static char *
amount_text(int64_t v)
{
    if (v == OUTREACH_NONE) {
        return NULL;
    }
    Buf b = BUF_INIT;
    case_amount_format(&b, v);
    return buf_detach(&b);
}

/* Items joined with "; ": codes as they are, or places by name. */
static char *
join(char **az, size_t n, int bPlaceNames)
{
    if (n == 0) {
        return NULL;
    }
    Buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const char *zName = bPlaceNames ? gaz_label(az[i]) : NULL;
        buf_printf(&b, "%s%s", i ? "; " : "", zName ? zName : az[i]);
    }
    return buf_detach(&b);
}

static const char *
code_text(CodeKind k, int i, int bLabel)
{
    size_t n;
    const CodeName *a = code_table(k, &n);
    return (size_t)i < n ? (bLabel ? a[i].zLabel : a[i].zKey) : "";
}

/* "43 (W27: M16)", "3776", "11182 (W7308)", "46 (W27: M16: unknown 3)". */
static char *
people_text(const SexCounts *c)
{
    if (c->total == OUTREACH_NONE) {
        return NULL;
    }
    Buf b = BUF_INIT;
    buf_printf(&b, "%lld", (long long)c->total);
    const char *zSep = " (";
    if (c->women != OUTREACH_NONE) {
        buf_printf(&b, "%sW%lld", zSep, (long long)c->women);
        zSep = ": ";
    }
    if (c->men != OUTREACH_NONE) {
        buf_printf(&b, "%sM%lld", zSep, (long long)c->men);
        zSep = ": ";
    }
    if (c->unknown != OUTREACH_NONE) {
        buf_printf(&b, "%sunknown %lld", zSep, (long long)c->unknown);
        zSep = ": ";
    }
    if (zSep[0] == ':') {
        buf_putc(&b, ')');
    }
    return buf_detach(&b);
}

static int
rows_events(Store *s, const char *zFrom, const char *zTo, int bLabels, Rows *t,
            AppErr *err)
{
    Outreach *a = NULL;
    size_t n = 0;
    if (store_outreach_list(s, zFrom, zTo, &a, &n, err)) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const Outreach *o = &a[i];
        char **az = rows_add(t);
        if (bLabels) {
            Buf when = BUF_INIT;
            buf_printf(&when, "%s%s%s", o->zFrom, o->zTo ? " to " : "",
                       o->zTo ? o->zTo : "");
            az[0] = buf_detach(&when);
            az[1] = dup_or_null(o->zTitle);
            az[2] = dup_or_null(code_text(CODE_OUTREACH_KIND, o->eKind, 1));
            az[3] = dup_or_null(code_text(CODE_OUTREACH_STATUS, o->eStatus, 1));
            az[4] = join(o->azPlace, o->nPlace, 1);
            az[5] = join(o->azOrg, o->nOrg, 0);
            az[6] = people_text(&o->n);
            if (o->ordered != OUTREACH_NONE || o->requested != OUTREACH_NONE) {
                Buf b = BUF_INIT;
                if (o->ordered != OUTREACH_NONE) {
                    buf_printf(&b, "%s ", o->zCurrency);
                    case_amount_format(&b, o->ordered);
                    buf_puts(&b, " ordered");
                }
                if (o->requested != OUTREACH_NONE) {
                    buf_printf(&b, "%s%s ",
                               o->ordered != OUTREACH_NONE ? ", " : "",
                               o->zCurrency);
                    case_amount_format(&b, o->requested);
                    buf_puts(&b, " requested");
                }
                az[7] = buf_detach(&b);
            }
            continue;
        }
        az[EV_DATE] = dup_or_null(o->zFrom);
        az[EV_DATE_TO] = dup_or_null(o->zTo);
        az[EV_TITLE] = dup_or_null(o->zTitle);
        az[EV_KIND] = dup_or_null(code_text(CODE_OUTREACH_KIND, o->eKind, 0));
        az[EV_STATUS] =
            dup_or_null(code_text(CODE_OUTREACH_STATUS, o->eStatus, 0));
        az[EV_PLACES] = join(o->azPlace, o->nPlace, 1);
        az[EV_ORGS] = join(o->azOrg, o->nOrg, 0);
        az[EV_PLAN] = dup_or_null(o->zPlan);
        az[EV_ACTIVITIES] = join(o->azActivity, o->nActivity, 0);
        az[EV_WOMEN] = count_text(o->n.women);
        az[EV_MEN] = count_text(o->n.men);
        az[EV_UNKNOWN] = count_text(o->n.unknown);
        az[EV_TOTAL] = count_text(o->n.total);
        az[EV_CURRENCY] = dup_or_null(o->zCurrency);
        az[EV_REQUESTED] = amount_text(o->requested);
        az[EV_ORDERED] = amount_text(o->ordered);
        az[EV_PURPOSE] = dup_or_null(o->zPurpose);
        az[EV_ATTENDEES] = dup_or_null(o->zAttendees);
        az[EV_NOTES] = dup_or_null(o->zNotes);
    }
    for (size_t i = 0; i < n; i++) {
        outreach_release(&a[i]);
    }
    free(a);
    return 0;
}

static int
rows_media(Store *s, const char *zFrom, const char *zTo, Rows *t, AppErr *err)
{
    Media *a = NULL;
    size_t n = 0;
    if (store_media_list(s, zFrom, zTo, &a, &n, err)) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char **az = rows_add(t);
        az[MD_DATE] = dup_or_null(a[i].zDate);
        az[MD_TITLE] = dup_or_null(a[i].zTitle);
        az[MD_OUTLET] = dup_or_null(a[i].zOutlet);
        az[MD_LINK] = dup_or_null(a[i].zLink);
        media_release(&a[i]);
    }
    free(a);
    return 0;
}

static int
rows_stats(Store *s, int bLabels, Rows *t, AppErr *err)
{
    StatObs *a = NULL;
    size_t n = 0;
    if (store_stat_list(s, &a, &n, err)) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const StatObs *o = &a[i];
        char **az = rows_add(t);
        const char *zDest = gaz_label(o->zDest);
        az[ST_MEASURE] =
            dup_or_null(code_text(CODE_STAT_MEASURE, o->eMeasure, bLabels));
        az[ST_DEST] = dup_or_null(zDest ? zDest : o->zDest);
        az[ST_CHANNEL] =
            dup_or_null(code_text(CODE_STAT_CHANNEL, o->eChannel, bLabels));
        az[ST_SEX] = dup_or_null(code_text(CODE_STAT_SEX, o->eSex, bLabels));
        az[ST_PERIOD] = dup_or_null(o->zPeriod);
        az[ST_SOURCE] = dup_or_null(o->zSource);
        az[ST_VALUE] = count_text(o->value);
        az[ST_NOTE] = dup_or_null(o->zNote);
        stat_obs_release(&a[i]);
    }
    free(a);
    return 0;
}

/* The headings of the events' table for people. */
static const char *azEventListHead[] = {
    "Date",   "Title",         "Kind",           "Status",
    "Places", "Organisations", "People reached", "Compensation",
};
#define N_EVENT_LIST_COL (sizeof azEventListHead / sizeof azEventListHead[0])

/* The rows of kind k in one read transaction. */
static int
rows_read(Store *s, OutreachFile k, const char *zFrom, const char *zTo,
          int bLabels, Rows *t, AppErr *err)
{
    memset(t, 0, sizeof *t);
    t->nCol = k == OUTREACH_FILE_EVENTS && bLabels ? N_EVENT_LIST_COL
                                                   : (size_t)aKind[k].nCol;
    if (store_begin_read(s, err)) {
        return -1;
    }
    int rc = k == OUTREACH_FILE_EVENTS
                 ? rows_events(s, zFrom, zTo, bLabels, t, err)
             : k == OUTREACH_FILE_MEDIA ? rows_media(s, zFrom, zTo, t, err)
                                        : rows_stats(s, bLabels, t, err);
    store_end_read(s);
    if (rc) {
        rows_release(t);
    }
    return rc;
}

int
outreach_csv_export(Store *s, OutreachFile k, const char *zFrom,
                    const char *zTo, Buf *b, AppErr *err)
{
    Rows t;
    if (rows_read(s, k, zFrom, zTo, 0, &t, err)) {
        return -1;
    }
    /* A byte-order mark, so spreadsheet programs read UTF-8 as UTF-8. */
    buf_puts(b, "\xEF\xBB\xBF");
    for (size_t c = 0; c < t.nCol; c++) {
        if (c) {
            buf_putc(b, ',');
        }
        csv_write_field(b, aKind[k].aCol[c].zName);
    }
    buf_puts(b, "\r\n");
    for (size_t i = 0; i < t.nRow; i++) {
        for (size_t c = 0; c < t.nCol; c++) {
            if (c) {
                buf_putc(b, ',');
            }
            const char *z = t.azCell[i * t.nCol + c];
            csv_write_field(b, z ? z : "");
        }
        buf_puts(b, "\r\n");
    }
    rows_release(&t);
    if (buf_failed(b)) {
        return apperr_set(err, APPERR_INPUT,
                          "the export is larger than %u bytes",
                          LIMIT_BUF_BYTES);
    }
    return 0;
}

/* Whether column c of kind k holds a date, a count or an amount. */
static int
col_type(OutreachFile k, int c)
{
    if (k == OUTREACH_FILE_EVENTS) {
        return c == EV_DATE || c == EV_DATE_TO        ? 'd'
               : c >= EV_WOMEN && c <= EV_TOTAL       ? 'n'
               : c == EV_REQUESTED || c == EV_ORDERED ? 'a'
                                                      : 't';
    }
    if (k == OUTREACH_FILE_MEDIA) {
        return c == MD_DATE ? 'd' : 't';
    }
    return c == ST_VALUE ? 'n' : 't';
}

int
outreach_xlsx_export(Store *s, OutreachFile k, const char *zFrom,
                     const char *zTo, const char *zPath, AppErr *err)
{
    Rows t;
    if (rows_read(s, k, zFrom, zTo, 0, &t, err)) {
        return -1;
    }
    XlsxOut *x = xlsx_out_new(zPath, aKind[k].zNoun, err);
    if (!x) {
        rows_release(&t);
        return -1;
    }
    for (size_t c = 0; c < t.nCol; c++) {
        xlsx_out_header(x, aKind[k].aCol[c].zName);
    }
    xlsx_out_row(x);
    for (size_t i = 0; i < t.nRow; i++) {
        for (size_t c = 0; c < t.nCol; c++) {
            const char *z = t.azCell[i * t.nCol + c];
            int ty = col_type(k, (int)c);
            int64_t v = 0;
            if (!z) {
                xlsx_out_text(x, "");
            } else if (ty == 'd') {
                xlsx_out_date(x, z);
            } else if (ty == 'n') {
                xlsx_out_number(x, strtod(z, NULL));
            } else if (ty == 'a' && case_amount_parse(z, &v) == 0) {
                xlsx_out_amount(x, v);
            } else {
                xlsx_out_text(x, z);
            }
        }
        xlsx_out_row(x);
    }
    rows_release(&t);
    return xlsx_out_close(x, err);
}

int
outreach_table(Store *s, OutreachFile k, const char *zFrom, const char *zTo,
               OutreachTable *t, AppErr *err)
{
    static const char *azMediaHead[MD_NCOL] = { "Date", "Title", "Media source",
                                                "Link" };
    static const char *azStatHead[ST_NCOL] = {
        "Measure", "Destination", "Channel", "Sex", "Reference date or period",
        "Source",  "Value",       "Note"
    };
    memset(t, 0, sizeof *t);
    Rows r;
    if (rows_read(s, k, zFrom, zTo, 1, &r, err)) {
        return -1;
    }
    if (k == OUTREACH_FILE_EVENTS) {
        t->azHead = azEventListHead;
    } else {
        t->azHead = k == OUTREACH_FILE_MEDIA ? azMediaHead : azStatHead;
    }
    t->nCol = r.nCol;
    t->azCell = r.azCell;
    t->nRow = r.nRow;
    return 0;
}

void
outreach_table_release(OutreachTable *t)
{
    for (size_t i = 0; i < t->nRow * t->nCol; i++) {
        free(t->azCell[i]);
    }
    free(t->azCell);
    memset(t, 0, sizeof *t);
}
