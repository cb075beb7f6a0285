/*
** cases_csv.c — importing and exporting complaints cases as CSV.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases_csv.h"
#include "../base/secret.h"
#include "csv.h"
#include "xlsx_write.h"
#include "../base/base.h"
#include "../core/orgdir.h"
#include "../core/funding.h"
#include "../base/banned.h"

/* Export order: the columns first, then the rest. */
const char *const azCaseColumn[] = {
    "case_no",
    "lodged_on",
    "resolved_on",
    "sex",
    "legal_status",
    "destination",
    "province",
    "assisting_org",
    "satisfied",
    "compensation_requested",
    "compensation_ordered",
    "compensation_paid",
    "currency",
    "channel",
    "age_band",
    "sector",
    "recruitment_agency",
    "complaint_types",
    "stage",
    "outcome",
    NULL,
};

/* Personal columns, after the others, only with bPersonal. */
static const char *const azPersonColumn[] = { "complainant_name", "phone",
                                              "id_document", NULL };

enum {
    C_CASE_NO,
    C_LODGED,
    C_RESOLVED,
    C_SEX,
    C_LEGAL,
    C_DEST,
    C_PROVINCE,
    C_ORG,
    C_SATISFIED,
    C_REQUESTED,
    C_ORDERED,
    C_PAID,
    C_CURRENCY,
    C_CHANNEL,
    C_AGE,
    C_SECTOR,
    C_AGENCY,
    C_TYPES,
    C_STAGE,
    C_OUTCOME,
    C_NAME,
    C_PHONE,
    C_IDDOC,
    C_COUNT
};

/* Resolved assisting-organisation names, so a million rows do not fold
** and scan the directory each: raw name -> acronym.  Places the same way:
** as written -> gazetteer code (place_code()). */
typedef struct OrgMemo {
    char **azRaw;
    char **azAcr;
    size_t n;
} OrgMemo;

static const char *
org_memo_get(OrgMemo *m, const char *z)
{
    for (size_t i = 0; i < m->n; i++) {
        if (strcmp(m->azRaw[i], z) == 0) {
            return m->azAcr[i];
        }
    }
    return NULL;
}

static void
org_memo_put(OrgMemo *m, const char *zRaw, const char *zAcr)
{
    m->azRaw = xreallocarray(m->azRaw, m->n + 1, sizeof *m->azRaw);
    m->azAcr = xreallocarray(m->azAcr, m->n + 1, sizeof *m->azAcr);
    m->azRaw[m->n] = xstrdup(zRaw);
    m->azAcr[m->n] = xstrdup(zAcr);
    m->n++;
}

static void
org_memo_release(OrgMemo *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->azRaw[i]);
        free(m->azAcr[i]);
    }
    free(m->azRaw);
    free(m->azAcr);
}

/* The code of the place of kind k written z (case_place_code()), through
** the memo m of the spellings met so far (at most 256 of them are kept:
** a file writes a few dozen). */
static int
place_code(OrgMemo *m, const Gazetteer *g, GazKind k, const char *z,
           char zCode[GAZ_CODE_BYTES], AppErr *err)
{
    const char *zKnown = org_memo_get(m, z);
    if (zKnown) {
        (void)snprintf(zCode, GAZ_CODE_BYTES, "%s", zKnown);
        return 0;
    }
    if (case_place_code(g, k, z, zCode, err)) {
        return -1;
    }
    if (m->n < 256) {
        org_memo_put(m, z, zCode);
    }
    return 0;
}

int
cases_csv_import(Store *s, const char *zFile, const char *z, size_t n,
                 int bCreateOrgs, CaseImportStats *stats, AppErr *err)
{
    CsvReader r;
    CsvRecord rec = { 0 };
    int aiCol[C_COUNT];
    Model m = MODEL_INIT;
    OrgDir *dir = NULL;
    Gazetteer *gaz = NULL;
    OrgMemo aPlaceMemo[2] = { { NULL, NULL, 0 }, { NULL, NULL, 0 } };
    OrgMemo memo = { NULL, NULL, 0 };
    /* The kept complaints reports (app/complaints.h) and those of the cases
    ** this file adds: when the file only adds cases, their merge is kept
    ** as the reports of the new register, so the next report needs no
    ** count of it. */
    CaseReportSet base, added;
    case_report_set_init(&base);
    case_report_set_init(&added);
    int bKeep = 0;
    long nBefore = 0;
    int rc = -1;
    memset(stats, 0, sizeof *stats);
    for (int k = 0; k < C_COUNT; k++) {
        aiCol[k] = -1;
    }
    csv_reader_init(&r, z, n);
    int got = csv_read_header(&r, &rec, zFile, "cases-csv.md", err);
    if (got <= 0) {
        goto out_nostore;
    }
    size_t nHeader = rec.nField;
    for (size_t k = 0; k < rec.nField; k++) {
        const char *zH = rec.azField[k];
        int iFound = -1;
        for (int c = 0; azCaseColumn[c] && iFound < 0; c++) {
            iFound = strcmp(zH, azCaseColumn[c]) == 0 ? c : -1;
        }
        for (int c = 0; azPersonColumn[c] && iFound < 0; c++) {
            iFound = strcmp(zH, azPersonColumn[c]) == 0 ? C_NAME + c : -1;
        }
        if (iFound < 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line 1, column "
                       "%zu: unknown column '%s' (see docs/formats/"
                       "cases-csv.md)",
                       zFile, k + 1, zH);
            goto out_nostore;
        }
        if (aiCol[iFound] >= 0) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line 1, column "
                       "%zu: duplicate column '%s' (also column %d)",
                       zFile, k + 1, zH, aiCol[iFound] + 1);
            goto out_nostore;
        }
        aiCol[iFound] = (int)k;
    }
    if (aiCol[C_CASE_NO] < 0 || aiCol[C_LODGED] < 0) {
        apperr_set(err, APPERR_INPUT,
                   "cannot import '%s': line 1: missing "
                   "column '%s'",
                   zFile, aiCol[C_CASE_NO] < 0 ? "case_no" : "lodged_on");
        goto out_nostore;
    }
    if (store_begin(s, err)) {
        goto out_nostore;
    }
    /* The organisation directory only: no plan is named "". */
    if (store_load(s, "", &m, err) && err->code != APPERR_NOTFOUND) {
        goto out;
    }
    err->code = APPERR_OK;
    {
        long gen = -1, keptGen = -1;
        char *zKept = NULL;
        if (store_audit_latest(s, "cases", &gen, err) ||
            store_case_count(s, &nBefore, err) ||
            store_kept_get(s, STORE_KEPT_COMPLAINTS, &keptGen, &zKept, err)) {
            free(zKept);
            goto out;
        }
        bKeep = nBefore == 0 || (zKept && keptGen == gen &&
                                 case_report_set_read(&base, zKept) == 0);
        free(zKept);
        if (nBefore == 0) {
            case_report_set_release(&base);
            case_report_set_init(&base);
        }
    }
    dir = orgdir_new(&m);
    gaz = gaz_new();
    int bPersonal =
        aiCol[C_NAME] >= 0 || aiCol[C_PHONE] >= 0 || aiCol[C_IDDOC] >= 0;
    for (;;) {
        got = csv_read_record(&r, &rec, err);
        if (got < 0) {
            apperr_prefix(err, "cannot import '%s'", zFile);
            goto out;
        }
        if (got == 0) {
            break;
        }
        if (rec.nField != nHeader) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line %d: %zu "
                       "fields, but the header has %zu columns",
                       zFile, rec.iLine, rec.nField, nHeader);
            goto out;
        }
        if (stats->nCases >= LIMIT_IMPORT_CASES) {
            apperr_set(err, APPERR_INPUT,
                       "cannot import '%s': line %d: more "
                       "than %ld cases in one file (LIMIT_IMPORT_CASES)",
                       zFile, rec.iLine, LIMIT_IMPORT_CASES);
            goto out;
        }
#define CELL(k) (aiCol[k] >= 0 ? csv_unguard(rec.azField[aiCol[k]]) : "")
#define BAD(k, ...)                                                            \
 do {                                                                          \
  apperr_set(err, APPERR_INPUT, __VA_ARGS__);                                  \
  apperr_prefix(err, "cannot import '%s': line %d, column %d (%s)", zFile,     \
                aiCol[k] >= 0 ? rec.aiLine[aiCol[k]] : rec.iLine,              \
                aiCol[k] + 1,                                                  \
                k < C_NAME ? azCaseColumn[k] : azPersonColumn[k - C_NAME]);    \
  goto out;                                                                    \
 } while (0)
/* As BAD(), for err set already. */
#define BAD_AS_SET(k)                                                          \
 do {                                                                          \
  apperr_prefix(err, "cannot import '%s': line %d, column %d (%s)", zFile,     \
                aiCol[k] >= 0 ? rec.aiLine[aiCol[k]] : rec.iLine,              \
                aiCol[k] + 1,                                                  \
                (k) < C_NAME ? azCaseColumn[k] : azPersonColumn[(k)-C_NAME]);  \
  goto out;                                                                    \
 } while (0)
        for (size_t k = 0; k < rec.nField; k++) {
            if (utf8_invalid_at(rec.azField[k], strlen(rec.azField[k])) >= 0) {
                apperr_set(err, APPERR_INPUT,
                           "cannot import '%s': line %d, "
                           "column %zu: invalid UTF-8 (save the file as UTF-8)",
                           zFile, rec.aiLine[k], k + 1);
                goto out;
            }
        }
        Case c;
        memset(&c, 0, sizeof c);
        c.zCaseNo = (char *)CELL(C_CASE_NO);
        if (!*c.zCaseNo || strlen(c.zCaseNo) >= LIMIT_CODE_BYTES) {
            BAD(C_CASE_NO, "a case number has 1 to %u characters",
                LIMIT_CODE_BYTES - 1);
        }
        const char *zLodged = CELL(C_LODGED);
        if (!str_is_date(zLodged)) {
            BAD(C_LODGED, "'%s' is not a date written YYYY-MM-DD", zLodged);
        }
        memcpy(c.zLodged, zLodged, 11);
        const char *zResolved = CELL(C_RESOLVED);
        if (*zResolved) {
            if (!str_is_date(zResolved)) {
                BAD(C_RESOLVED, "'%s' is not a date written YYYY-MM-DD",
                    zResolved);
            }
            if (strcmp(zResolved, zLodged) < 0) {
                BAD(C_RESOLVED, "resolved on %s, before it was lodged (%s)",
                    zResolved, zLodged);
            }
            memcpy(c.zResolved, zResolved, 11);
        }
        if (case_sex_parse(CELL(C_SEX), &c.eSex)) {
            BAD(C_SEX, "unknown value '%s' (accepted: " CASE_SEX_ACCEPTED ")",
                CELL(C_SEX));
        }
        if (case_legal_parse(CELL(C_LEGAL), &c.eLegal)) {
            BAD(C_LEGAL,
                "unknown value '%s' (accepted: " CASE_LEGAL_ACCEPTED ")",
                CELL(C_LEGAL));
        }
        if (case_satisfied_parse(CELL(C_SATISFIED), &c.eSatisfied)) {
            BAD(C_SATISFIED,
                "unknown value '%s' (accepted: " CASE_SATISFIED_ACCEPTED ")",
                CELL(C_SATISFIED));
        }
        if (case_channel_parse(CELL(C_CHANNEL), &c.eChannel)) {
            BAD(C_CHANNEL,
                "unknown value '%s' (accepted: " CASE_CHANNEL_ACCEPTED ")",
                CELL(C_CHANNEL));
        }
        if (case_types_parse(CELL(C_TYPES), &c.types)) {
            BAD(C_TYPES,
                "unknown complaint type in '%s' (accepted, separated "
                "by ';': " CASE_TYPE_ACCEPTED ")",
                CELL(C_TYPES));
        }
        const char *zStage = CELL(C_STAGE);
        if (!*zStage) {
            zStage = *zResolved ? "resolved" : "lodged";
        }
        if (case_stage_parse(zStage, &c.eStage)) {
            BAD(C_STAGE,
                "unknown value '%s' (accepted: " CASE_STAGE_ACCEPTED ")",
                zStage);
        }
        if (c.eStage == STAGE_RESOLVED && !*zResolved) {
            BAD(C_STAGE, "the case is resolved but has no resolved_on date");
        }
        static const int aiAmt[3] = { C_REQUESTED, C_ORDERED, C_PAID };
        int64_t *apAmt[3] = { &c.requested, &c.ordered, &c.paid };
        for (int k = 0; k < 3; k++) {
            if (case_amount_parse(CELL(aiAmt[k]), apAmt[k])) {
                BAD(aiAmt[k],
                    "'%s' is not an amount (digits with at most two "
                    "decimals after a point, no thousands separators)",
                    CELL(aiAmt[k]));
            }
        }
        const char *zCur = CELL(C_CURRENCY);
        if (!*zCur) {
            zCur = "USD";
        }
        if (!money_currency_ok(zCur)) {
            BAD(C_CURRENCY, "'%s' is not a currency code such as USD or KHR",
                zCur);
        }
        memcpy(c.zCurrency, zCur, 4);
        const char *zOrg = CELL(C_ORG);
        if (*zOrg) {
            const char *zAcr = org_memo_get(&memo, zOrg);
            if (!zAcr) {
                const Org *o = orgdir_resolve(dir, zOrg);
                if (!o && bCreateOrgs) {
                    if (strlen(zOrg) >= LIMIT_CODE_BYTES) {
                        BAD(C_ORG,
                            "organisation name '%s' is too long to "
                            "become an acronym",
                            zOrg);
                    }
                    Org neu = { (char *)zOrg, (char *)zOrg, ORG_OTHER,
                                NULL,         NULL,         0,
                                NULL };
                    if (store_org_put(s, &neu, err)) {
                        goto out;
                    }
                    stats->nCreatedOrgs++;
                    org_memo_put(&memo, zOrg, zOrg);
                    zAcr = org_memo_get(&memo, zOrg);
                } else if (!o) {
                    Buf sug = BUF_INIT;
                    orgdir_suggest(dir, zOrg, 3, &sug);
                    apperr_set(err, APPERR_INPUT,
                               "unknown organisation "
                               "'%s'%s%s%s",
                               zOrg, sug.n ? " (did you mean " : "",
                               buf_str(&sug),
                               sug.n ? "? or use --create-orgs)"
                                     : " (add it to the "
                                       "directory, or use "
                                       "--create-orgs)");
                    buf_release(&sug);
                    apperr_prefix(err,
                                  "cannot import '%s': line %d, column "
                                  "%d (assisting_org)",
                                  zFile, rec.aiLine[aiCol[C_ORG]],
                                  aiCol[C_ORG] + 1);
                    goto out;
                } else {
                    org_memo_put(&memo, zOrg, o->zAcronym);
                    zAcr = org_memo_get(&memo, zOrg);
                }
            }
            c.zAssistingOrg = (char *)zAcr;
        }
        /* Places are stored by code (core/gazetteer.h). */
        char zProvince[GAZ_CODE_BYTES], zDest[GAZ_CODE_BYTES];
        if (place_code(&aPlaceMemo[0], gaz, GAZ_PROVINCE, CELL(C_PROVINCE),
                       zProvince, err)) {
            BAD_AS_SET(C_PROVINCE);
        }
        c.zProvince = zProvince;
        if (place_code(&aPlaceMemo[1], gaz, GAZ_COUNTRY, CELL(C_DEST), zDest,
                       err)) {
            BAD_AS_SET(C_DEST);
        }
        c.zDestination = zDest;
        c.zAgeBand = (char *)CELL(C_AGE);
        c.zSector = (char *)CELL(C_SECTOR);
        c.zAgency = (char *)CELL(C_AGENCY);
        c.zOutcome = (char *)CELL(C_OUTCOME);
        CasePerson who = { (char *)CELL(C_NAME), (char *)CELL(C_PHONE),
                           (char *)CELL(C_IDDOC) };
#undef CELL
#undef BAD
#undef BAD_AS_SET
        if (store_case_put(s, &c, bPersonal ? &who : NULL, err)) {
            /* No line: the backend may have been writing cases held back
            ** from earlier lines (store.h); it names a case it can. */
            apperr_prefix(err, "cannot import '%s'", zFile);
            goto out;
        }
        if (bKeep) {
            case_report_set_add_year(&added, &c);
        }
        stats->nCases++;
    }
    {
        Buf what = BUF_INIT;
        buf_printf(&what, "%ld cases from %s", stats->nCases, zFile);
        int r2 = store_audit(s, "case", "cases", "import", buf_str(&what), err);
        buf_release(&what);
        if (r2) {
            goto out;
        }
    }
    if (bKeep) {
        /* Only additions (as many more cases as lines), in one currency
        ** with the kept ones: the merge is what a count would give. */
        long nAfter = 0, gen = -1;
        if (store_case_count(s, &nAfter, err) ||
            store_audit_latest(s, "cases", &gen, err)) {
            goto out;
        }
        if (nAfter - nBefore == stats->nCases &&
            case_report_set_total(&added) == 0 &&
            case_report_set_merge(&base, &added) == 0) {
            Buf b = BUF_INIT;
            buf_init(&b, 0);
            case_report_set_write(&base, &b);
            int r2 = !buf_failed(&b) && store_kept_put(s, STORE_KEPT_COMPLAINTS,
                                                       gen, buf_str(&b), err);
            buf_release(&b);
            if (r2) {
                goto out;
            }
        }
    }
    rc = store_commit(s, err);
    if (rc) {
        apperr_prefix(err, "cannot import '%s'", zFile);
    }
out:
    if (rc) {
        store_rollback(s);
    }
out_nostore:
    case_report_set_release(&base);
    case_report_set_release(&added);
    org_memo_release(&memo);
    orgdir_free(dir);
    gaz_free(gaz);
    org_memo_release(&aPlaceMemo[0]);
    org_memo_release(&aPlaceMemo[1]);
    model_release(&m);
    csv_record_release(&rec);
    free(rec.azField);
    free(rec.aiLine);
    return rc;
}

/* ---- export ---------------------------------------------------------------- */

typedef struct ExportCtx {
    Buf *b;
    int bPersonal;
} ExportCtx;

static void
export_field(Buf *b, const char *z, int bFirst)
{
    if (!bFirst) {
        buf_putc(b, ',');
    }
    csv_write_field(b, z ? z : "");
}

static void
export_amount(Buf *b, int64_t v)
{
    buf_putc(b, ',');
    case_amount_format(b, v);
}

static int
export_one(void *pArg, const Case *c, const CasePerson *who)
{
    ExportCtx *x = pArg;
    Buf *b = x->b;
    export_field(b, c->zCaseNo, 1);
    export_field(b, c->zLodged, 0);
    export_field(b, c->zResolved, 0);
    export_field(b, case_sex_name(c->eSex), 0);
    export_field(b, case_legal_name(c->eLegal), 0);
    /* Places by their English names, which an import resolves back to
    ** the same codes (a file's other values are English keys too). */
    export_field(b, gaz_show(c->zDestination, I18N_EN), 0);
    export_field(b, gaz_show(c->zProvince, I18N_EN), 0);
    export_field(b, c->zAssistingOrg, 0);
    export_field(b, case_satisfied_name(c->eSatisfied), 0);
    export_amount(b, c->requested);
    export_amount(b, c->ordered);
    export_amount(b, c->paid);
    export_field(b, c->zCurrency, 0);
    export_field(b, case_channel_name(c->eChannel), 0);
    export_field(b, c->zAgeBand, 0);
    export_field(b, c->zSector, 0);
    export_field(b, c->zAgency, 0);
    Buf types = BUF_INIT;
    for (int t = 0; t < TYPE_COUNT; t++) {
        if (c->types & (1u << t)) {
            buf_printf(&types, "%s%s", types.n ? "; " : "",
                       case_type_name((CaseType)t));
        }
    }
    export_field(b, buf_str(&types), 0);
    buf_release(&types);
    export_field(b, case_stage_name(c->eStage), 0);
    export_field(b, c->zOutcome, 0);
    if (x->bPersonal) {
        export_field(b, who ? who->zName : "", 0);
        export_field(b, who ? who->zPhone : "", 0);
        export_field(b, who ? who->zIdDocument : "", 0);
    }
    buf_puts(b, "\r\n");
    return buf_failed(b);
}

int
cases_csv_export(Store *s, const char *zFrom, const char *zTo, int bPersonal,
                 Buf *b, AppErr *err)
{
    buf_puts(b, "\xEF\xBB\xBF");
    for (int k = 0; azCaseColumn[k]; k++) {
        buf_printf(b, "%s%s", k ? "," : "", azCaseColumn[k]);
    }
    for (int k = 0; bPersonal && azPersonColumn[k]; k++) {
        buf_printf(b, ",%s", azPersonColumn[k]);
    }
    buf_puts(b, "\r\n");
    ExportCtx x = { b, bPersonal };
    if (store_case_scan(s, zFrom, zTo, bPersonal, export_one, &x, err)) {
        return -1;
    }
    if (buf_failed(b)) {
        return apperr_set(err, APPERR_INPUT,
                          "the export is larger than "
                          "LIMIT_BUF_BYTES: export a year at a time (--year)");
    }
    return 0;
}

typedef struct DigestCtx {
    ExportCtx x; /* one line at a time into x.b */
    SecretDigest *d;
    long n;
} DigestCtx;

static int
digest_one(void *pArg, const Case *c, const CasePerson *who)
{
    DigestCtx *g = pArg;
    buf_reset(g->x.b);
    int rc = export_one(&g->x, c, who);
    secret_digest_add(g->d, g->x.b->z, g->x.b->n);
    g->n++;
    return rc;
}

int
cases_csv_digest(Store *s, int bPersonal, char zHex[SECRET_HASH_HEX],
                 long *pnCases, AppErr *err)
{
    Buf line = BUF_INIT;
    DigestCtx g = { { &line, bPersonal }, secret_digest_new(), 0 };
    int rc = store_case_scan(s, NULL, NULL, bPersonal, digest_one, &g, err);
    secret_digest_end(g.d, zHex);
    buf_release(&line);
    *pnCases = g.n;
    return rc;
}

/* ---- export as a spreadsheet --------------------------------------------- */

static int
xlsx_one(void *pArg, const Case *c, const CasePerson *who)
{
    XlsxOut *x = pArg;
    xlsx_out_text(x, c->zCaseNo);
    xlsx_out_date(x, c->zLodged);
    xlsx_out_date(x, c->zResolved);
    xlsx_out_text(x, case_sex_name(c->eSex));
    xlsx_out_text(x, case_legal_name(c->eLegal));
    xlsx_out_text(x, gaz_show(c->zDestination, I18N_EN));
    xlsx_out_text(x, gaz_show(c->zProvince, I18N_EN));
    xlsx_out_text(x, c->zAssistingOrg);
    xlsx_out_text(x, case_satisfied_name(c->eSatisfied));
    xlsx_out_amount(x, c->requested);
    xlsx_out_amount(x, c->ordered);
    xlsx_out_amount(x, c->paid);
    xlsx_out_text(x, c->zCurrency);
    xlsx_out_text(x, case_channel_name(c->eChannel));
    xlsx_out_text(x, c->zAgeBand);
    xlsx_out_text(x, c->zSector);
    xlsx_out_text(x, c->zAgency);
    Buf types = BUF_INIT;
    for (int t = 0; t < TYPE_COUNT; t++) {
        if (c->types & (1u << t)) {
            buf_printf(&types, "%s%s", types.n ? "; " : "",
                       case_type_name((CaseType)t));
        }
    }
    xlsx_out_text(x, buf_str(&types));
    buf_release(&types);
    xlsx_out_text(x, case_stage_name(c->eStage));
    xlsx_out_text(x, c->zOutcome);
    if (who) {
        xlsx_out_text(x, who->zName);
        xlsx_out_text(x, who->zPhone);
        xlsx_out_text(x, who->zIdDocument);
    }
    xlsx_out_row(x);
    return 0;
}

int
cases_xlsx_export(Store *s, const char *zFrom, const char *zTo, int bPersonal,
                  const char *zPath, AppErr *err)
{
    XlsxOut *x = xlsx_out_new(zPath, "cases", err);
    if (!x) {
        return -1;
    }
    for (int k = 0; azCaseColumn[k]; k++) {
        xlsx_out_header(x, azCaseColumn[k]);
    }
    for (int k = 0; bPersonal && azPersonColumn[k]; k++) {
        xlsx_out_header(x, azPersonColumn[k]);
    }
    xlsx_out_row(x);
    int rc = store_case_scan(s, zFrom, zTo, bPersonal, xlsx_one, x, err);
    AppErr err2 = APPERR_INIT;
    if (xlsx_out_close(x, rc ? &err2 : err)) {
        rc = -1;
    }
    return rc;
}
