/*
** page_import.c — importing a plan in the browser: upload, preview,
** confirm (issue 11, "Getting started in the browser").
**
** GET /admin/import shows a form that uploads one or more files (plan
** JSON, annex CSV, annex XLSX).  POST /admin/import (a WEB_UPLOAD route:
** multipart body up to LIMIT_UPLOAD_BYTES) runs the import as
** 'lmpmon import --dry-run' does, through the same import_run() in one
** transaction that is rolled back, and shows what it would create or
** change, the notes about files written without merging, or the error as
** the CLI gives it (file, line, column, activity code).  The uploaded
** bytes then wait in this process's memory (a Pending slot, keyed by a
** random id, owned by the user who uploaded, at most LIMIT_IMPORT_PENDING
** of them for at most LIMIT_IMPORT_PENDING_SECONDS) so that confirming
** does not upload them again.  POST /admin/import/confirm imports them for
** real, on the condition (checked by import_run() inside its transaction)
** that the data version is still the one the preview read: if anything
** changed meanwhile nothing is imported, and the user sees why and a new
** preview instead.
**
** Pending imports live in one process: behind a load balancer with several
** 'lmpmon serve' processes the confirmation must reach the process that
** made the preview, or the user is asked to upload again (never a wrong
** import).  The roles are the route table's (admin and M&E officer) and
** the CSRF check the router's, as for every POST.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page.h"
#include "pages.h"
#include "router.h"
#include "web_limits.h"
#include "../base/base.h"
#include "../base/secret.h"
#include "../io/import.h"
#include "../report/escape.h"
#include "../base/banned.h"

/* The uploaded files of one preview, waiting for the confirmation. */
typedef struct Pending {
    char zId[SECRET_TOKEN_CHARS]; /* random; "" when the slot is free */
    char *zUser;                  /* who uploaded: only they may confirm */
    time_t tMade;                 /* when (str_clock_now()) */
    long iVersion;                /* the data version the preview read */
    int bCreateOrgs;              /* the options the preview ran with */
    char *zPlan;                  /* NULL: the only plan */
    int nFile;
    char *azName[LIMIT_UPLOAD_FILES]; /* file names (heap) */
    char *azData[LIMIT_UPLOAD_FILES]; /* their bytes (heap) */
    size_t anData[LIMIT_UPLOAD_FILES];
} Pending;

static Pending aPending[LIMIT_IMPORT_PENDING];
static pthread_mutex_t pendingMutex = PTHREAD_MUTEX_INITIALIZER;

static void
pending_clear(Pending *p)
{
    free(p->zUser);
    free(p->zPlan);
    for (int i = 0; i < p->nFile; i++) {
        free(p->azName[i]);
        free(p->azData[i]);
    }
    memset(p, 0, sizeof *p);
}

/* Free the slots past their age.  Under pendingMutex. */
static void
pending_expire(time_t now)
{
    for (int i = 0; i < LIMIT_IMPORT_PENDING; i++) {
        if (aPending[i].zId[0] &&
            now - aPending[i].tMade > LIMIT_IMPORT_PENDING_SECONDS) {
            pending_clear(&aPending[i]);
        }
    }
}

/* Take *p into a slot (the oldest goes when all are taken) and give it an
** id, copied to zId.  *p is moved: the caller no longer owns what it
** held. */
static void
pending_put(Pending *p, char zId[SECRET_TOKEN_CHARS])
{
    secret_new_token(p->zId);
    memcpy(zId, p->zId, SECRET_TOKEN_CHARS);
    pthread_mutex_lock(&pendingMutex);
    pending_expire(p->tMade);
    int iSlot = 0;
    for (int i = 0; i < LIMIT_IMPORT_PENDING; i++) {
        if (!aPending[i].zId[0]) {
            iSlot = i;
            break;
        }
        if (aPending[i].tMade < aPending[iSlot].tMade) {
            iSlot = i;
        }
    }
    pending_clear(&aPending[iSlot]);
    aPending[iSlot] = *p;
    pthread_mutex_unlock(&pendingMutex);
    memset(p, 0, sizeof *p);
}

/* Take the pending import zId of user zUser out of its slot into *p.
** Returns 0, or -1 when there is none (expired, used, another user's). */
static int
pending_take(const char *zId, const char *zUser, Pending *p)
{
    int rc = -1;
    pthread_mutex_lock(&pendingMutex);
    pending_expire(str_clock_now());
    for (int i = 0; i < LIMIT_IMPORT_PENDING && *zId; i++) {
        if (aPending[i].zId[0] && secret_equal(aPending[i].zId, zId) &&
            str_eq(aPending[i].zUser, zUser)) {
            *p = aPending[i];
            memset(&aPending[i], 0, sizeof aPending[i]);
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&pendingMutex);
    return rc;
}

/* The files of p as import_run()'s inputs, into aIn. */
static void
pending_inputs(const Pending *p, ImportInput *aIn)
{
    for (int i = 0; i < p->nFile; i++) {
        aIn[i].zName = p->azName[i];
        aIn[i].z = p->azData[i];
        aIn[i].n = p->anData[i];
        aIn[i].eFormat = IMPORT_AUTO;
    }
}

/* What the store says a writer is doing (store_set_writer_note()), as the
** CLI says it. */
static void
import_writer_note(Store *s, const Pending *p)
{
    Buf note = BUF_INIT;
    if (p->nFile == 1) {
        buf_printf(&note, "an import of '%s'", p->azName[0]);
    } else {
        buf_printf(&note, "an import of %d files ('%s', ...)", p->nFile,
                   p->azName[0]);
    }
    store_set_writer_note(s, buf_str(&note));
    buf_release(&note);
}

/* Run the import of p's files: a dry run (bDryRun) or, at p's version,
** the real one.  Returns import_run()'s result; stats as it leaves them. */
static int
import_pending(Req *r, const Pending *p, int bDryRun, ImportStats *stats,
               AppErr *err)
{
    ImportInput aIn[LIMIT_UPLOAD_FILES];
    pending_inputs(p, aIn);
    ImportOpts opts = { p->zPlan, p->bCreateOrgs, bDryRun, !bDryRun,
                        p->iVersion };
    import_writer_note(r->s, p);
    int rc = import_run(r->s, aIn, (size_t)p->nFile, &opts, stats, err);
    store_set_writer_note(r->s, NULL); /* the connection serves others */
    return rc;
}

/* What an import would change, one row per kind (ImportChange). */
static const char *const azChangeLabel[IMPORT_CHANGE_COUNT] = {
    [IMPORT_NEW_ORG] = N_("New organisations"),
    [IMPORT_ORG_DETAIL] = N_("Organisation details changed"),
    [IMPORT_NEW_PLAN] = N_("New plans"),
    [IMPORT_PLAN_DETAIL] = N_("Plan details changed"),
    [IMPORT_NEW_ROUND] = N_("New review rounds"),
    [IMPORT_ROUND_DETAIL] = N_("Round details changed"),
    [IMPORT_NEW_NODE] = N_("New plan nodes (areas, goals, activities)"),
    [IMPORT_NODE_TEXT] = N_("Texts changed"),
    [IMPORT_NODE_INDICATOR] = N_("Indicators changed"),
    [IMPORT_NODE_PARENT] = N_("Nodes moved"),
    [IMPORT_NODE_RESPONSIBLE] = N_("Responsible bodies set"),
    [IMPORT_NODE_CONTRIBUTING] = N_("Contributing bodies set"),
    [IMPORT_NODE_PREDECESSOR] = N_("Links to a predecessor in an earlier plan"),
    [IMPORT_NEW_ASSESSMENT] = N_("New assessments"),
    [IMPORT_ACTION_POINT] = N_("Action points changed"),
    [IMPORT_PROGRESS] = N_("Progress narratives changed"),
    [IMPORT_RATING] = N_("Ratings changed"),
    [IMPORT_ASSESS_STATE] = N_("Workflow states changed"),
    [IMPORT_OTHER] = N_("Other changes"),
};

/* The lines of z, each as a list item. */
static void
import_lines(Buf *b, const char *z)
{
    HTML_LIT(b, "<ul>");
    while (*z) {
        const char *e = strchr(z, '\n');
        size_t n = e ? (size_t)(e - z) : strlen(z);
        char *zLine = xstrndup(z, n);
        HTML_LIT(b, "<li>");
        esc_html(b, zLine);
        HTML_LIT(b, "</li>");
        free(zLine);
        z += n + (e != NULL);
    }
    HTML_LIT(b, "</ul>\n");
}

/* The file names of p, for a sentence (text, escaped where it is shown):
** 'a.json', 'b.csv'. */
static void
import_names(Buf *pText, const Pending *p)
{
    for (int i = 0; i < p->nFile; i++) {
        buf_printf(pText, "%s'%s'", i ? ", " : "", p->azName[i]);
    }
}

/* The upload form, with the options as posted (bKeep) or as new. */
static void
import_form(Req *r, Buf *b, const Model *m, int bKeep)
{
    HTML_LIT(b, "<form class=\"card\" method=\"post\" action=\"/admin/import\" "
                "enctype=\"multipart/form-data\"><h3>");
    HTML_TR(b, "Upload the plan's files");
    HTML_LIT(b, "</h3><p>");
    HTML_TR(b, "A plan as JSON, its annex table as CSV or XLSX, or both "
               "(the plan first). Nothing is written before you have seen "
               "what the files would change and confirmed it.");
    HTML_LIT(b, "</p>");
    page_csrf_field(r, b);
    HTML_LIT(b, "<label for=\"file\">");
    HTML_TR(b, "Files");
    HTML_LIT(b, "</label><input id=\"file\" name=\"file\" type=\"file\" "
                "multiple=\"multiple\" required=\"required\" "
                "accept=\".json,.csv,.xlsx\"/>");
    if (m && m->nPlan > 1) {
        /* A table file goes into one plan: which, when there are two. */
        HTML_LIT(b, "<label for=\"plan\">");
        HTML_TR(b, "Plan of the annex table");
        HTML_LIT(b, "</label><select id=\"plan\" name=\"plan\">");
        Buf label = BUF_INIT;
        for (size_t i = 0; i < m->nPlan; i++) {
            const char *zCode = m->aPlan[i].zCode;
            buf_reset(&label);
            buf_printf(&label, "%s \xE2\x80\x94 %s", zCode, m->aPlan[i].zTitle);
            page_option(b, zCode, buf_str(&label),
                        bKeep && str_eq(req_form(r, "plan"), zCode));
        }
        buf_release(&label);
        HTML_LIT(b, "</select>");
    }
    HTML_LIT(b, "<label class=\"check\"><input type=\"checkbox\" "
                "name=\"create_orgs\" value=\"yes\"");
    if (bKeep && str_eq(req_form(r, "create_orgs"), "yes")) {
        HTML_LIT(b, " checked=\"checked\"");
    }
    HTML_LIT(b, "/> ");
    HTML_TR(b, "Add organisations the directory does not know yet");
    HTML_LIT(b, "</label><div><button type=\"submit\">");
    HTML_TR(b, "Preview the import");
    HTML_LIT(b, "</button> <a class=\"button\" href=\"/admin\">");
    HTML_TR(b, "Cancel");
    HTML_LIT(b, "</a></div></form>\n");
}

/* The import page: a notice (NULL: none), a refused import's conflicts,
** and the upload form. */
static void
import_render(Req *r, Resp *w, const char *zNotice, const char *zKind,
              const char *zConflicts, int bKeep)
{
    const Model *m = page_load_model(r, w);
    if (!m) {
        return;
    }
    resp_reset_body(w);
    page_begin(r, w, _("Import a plan"));
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, zKind, zNotice);
    }
    if (zConflicts && *zConflicts) {
        import_lines(b, zConflicts);
    }
    import_form(r, b, m, bKeep);
    page_end(r, w);
}

/* The preview of the pending import zId of nFile files named zNames
** (import_names()): what would change, the notes, and the form that
** confirms or cancels. */
static void
import_preview(Req *r, Resp *w, int nFile, const char *zNames, const char *zId,
               const ImportStats *st, const char *zNotice)
{
    resp_reset_body(w);
    page_begin(r, w, _("Import a plan: preview"));
    Buf *b = &w->body;
    if (zNotice) {
        page_notice(b, "error", zNotice);
    }
    /* The sentence the CLI prints for a dry run. */
    Buf msg = BUF_INIT;
    buf_puts(&msg, nFile == 1 ? "would import " : "would import files ");
    buf_puts(&msg, zNames);
    buf_puts(&msg, ": ");
    import_stats_describe(st, &msg);
    buf_puts(&msg, "; nothing was written yet");
    HTML_LIT(b, "<p class=\"summary\">");
    esc_html(b, buf_str(&msg));
    HTML_LIT(b, "</p>\n");
    buf_release(&msg);
    if (st->nChange) {
        /* A passing preview: not downloadable (page_sheet() without
        ** links), its numbers are in the sentence above too. */
        Sheet t;
        sheet_init(&t, "changes", NULL);
        sheet_col(&t, _("What the import would do"));
        sheet_col(&t, _("Count"));
        for (int k = 0; k < IMPORT_CHANGE_COUNT; k++) {
            if (st->anChange[k]) {
                sheet_text(&t, _(azChangeLabel[k]));
                sheet_num(&t, (long)st->anChange[k]);
            }
        }
        if (st->nActivity) {
            sheet_text(&t, _("Activities created or changed"));
            sheet_num(&t, (long)st->nActivity);
        }
        if (st->nOtherNode) {
            sheet_text(&t, _("Other plan nodes created or changed"));
            sheet_num(&t, (long)st->nOtherNode);
        }
        page_sheet(b, &t, NULL);
        sheet_release(&t);
    }
    if (st->notes.n) {
        HTML_LIT(b, "<h2>");
        HTML_TR(b, "Notes");
        HTML_LIT(b, "</h2>");
        import_lines(b, buf_str(&st->notes));
    }
    HTML_LIT(b, "<form class=\"card confirm\" method=\"post\" "
                "action=\"/admin/import/confirm\">");
    page_csrf_field(r, b);
    HTML_LIT(b, "<input type=\"hidden\" name=\"id\" value=\"");
    esc_html(b, zId);
    HTML_LIT(b, "\"/>");
    if (st->nChange) {
        HTML_LIT(b, "<button type=\"submit\" name=\"action\" "
                    "value=\"import\">");
        HTML_TR(b, "Import these files");
        HTML_LIT(b, "</button> ");
    } else {
        HTML_LIT(b, "<p>");
        HTML_TR(b, "The files hold nothing the database does not already "
                   "have.");
        HTML_LIT(b, "</p>");
    }
    HTML_LIT(b, "<button type=\"submit\" name=\"action\" value=\"cancel\">");
    HTML_TR(b, "Cancel");
    HTML_LIT(b, "</button></form>\n");
    page_end(r, w);
}

/* Keep the previewed files *p (moved) waiting for their confirmation at
** the version the preview st read, and show the preview. */
static void
import_show_pending(Req *r, Resp *w, Pending *p, const ImportStats *st,
                    const char *zNotice)
{
    p->iVersion = st->iDataVersion;
    Buf names = BUF_INIT;
    import_names(&names, p);
    int nFile = p->nFile;
    char zId[SECRET_TOKEN_CHARS];
    pending_put(p, zId); /* another request may free it from now on */
    import_preview(r, w, nFile, buf_str(&names), zId, st, zNotice);
    buf_release(&names);
}

/* ** PAGE: /admin/import */
int
page_admin_import(Req *r, Resp *w)
{
    const char *zNotice = NULL;
    if (str_eq(req_query(r, "done"), "cancelled")) {
        zNotice = _("Nothing was imported.");
    }
    import_render(r, w, zNotice, "ok", NULL, 0);
    return 0;
}

/* ** PAGE: /admin/import (POST) */
int
page_admin_import_post(Req *r, Resp *w)
{
    Pending p;
    memset(&p, 0, sizeof p);
    for (int i = 0; i < r->nUpload; i++) {
        const WebUpload *u = &r->aUpload[i];
        if (!str_eq(u->zField, "file") || (!u->zFile[0] && u->n == 0)) {
            continue; /* an empty file input */
        }
        p.azName[p.nFile] = xstrdup(u->zFile[0] ? u->zFile : "upload");
        p.azData[p.nFile] = xmalloc(u->n ? u->n : 1);
        memcpy(p.azData[p.nFile], u->z, u->n);
        p.anData[p.nFile] = u->n;
        p.nFile++;
    }
    if (p.nFile == 0) {
        import_render(r, w, _("Choose at least one file to import."), "error",
                      NULL, 1);
        w->status = 400;
        return 0;
    }
    p.zUser = xstrdup(r->ses.user.zName);
    p.tMade = str_clock_now();
    p.bCreateOrgs = str_eq(req_form(r, "create_orgs"), "yes");
    p.zPlan = *req_form(r, "plan") ? xstrdup(req_form(r, "plan")) : NULL;
    AppErr err = APPERR_INIT;
    ImportStats st;
    if (import_pending(r, &p, 1, &st, &err)) {
        import_render(r, w, err.zMsg, "error", buf_str(&st.conflicts), 1);
        web_fail_status(r, w, &err);
        import_stats_release(&st);
        pending_clear(&p);
        return 0;
    }
    import_show_pending(r, w, &p, &st, NULL);
    import_stats_release(&st);
    return 0;
}

/* ** PAGE: /admin/import/confirm (POST) */
int
page_admin_import_confirm(Req *r, Resp *w)
{
    Pending p;
    memset(&p, 0, sizeof p);
    if (pending_take(req_form(r, "id"), r->ses.user.zName, &p)) {
        import_render(r, w,
                      _("This preview has expired or was already used: "
                        "upload the files again."),
                      "error", NULL, 0);
        w->status = 410;
        return 0;
    }
    if (str_eq(req_form(r, "action"), "cancel")) {
        pending_clear(&p);
        resp_redirect(w, "/admin/import?done=cancelled");
        return 0;
    }
    AppErr err = APPERR_INIT;
    ImportStats st;
    int rc = import_pending(r, &p, 0, &st, &err);
    if (rc && err.code == APPERR_CONFLICT && st.iDataVersion != p.iVersion) {
        /* The data changed since the preview (the version check, not a
        ** conflict of cells): preview again against what is there now. */
        import_stats_release(&st);
        AppErr err2 = APPERR_INIT;
        if (import_pending(r, &p, 1, &st, &err2) == 0) {
            p.tMade = str_clock_now();
            import_show_pending(
                r, w, &p, &st,
                _("Nothing was imported: the data changed since the "
                  "preview. Here is what the files would change now; "
                  "confirm again if it is right."));
            w->status = 409;
            import_stats_release(&st);
            return 0;
        }
        err = err2;
    }
    if (rc) {
        import_render(r, w, err.zMsg, "error", buf_str(&st.conflicts), 0);
        web_fail_status(r, w, &err);
        import_stats_release(&st);
        pending_clear(&p);
        return 0;
    }
    Buf msg = BUF_INIT;
    buf_puts(&msg, p.nFile == 1 ? "imported " : "imported files ");
    import_names(&msg, &p);
    buf_puts(&msg, ": ");
    import_stats_describe(&st, &msg);
    page_begin(r, w, _("Import a plan: done"));
    Buf *b = &w->body;
    page_notice(b, "ok", buf_str(&msg));
    if (st.notes.n) {
        import_lines(b, buf_str(&st.notes));
    }
    HTML_LIT(b, "<p><a class=\"button\" href=\"/\">");
    HTML_TR(b, "Go to the dashboard");
    HTML_LIT(b, "</a> <a href=\"/plan\">");
    HTML_TR(b, "See the plan");
    HTML_LIT(b, "</a> <a href=\"/admin\">");
    HTML_TR(b, "Administration");
    HTML_LIT(b, "</a></p>\n");
    page_end(r, w);
    buf_release(&msg);
    import_stats_release(&st);
    pending_clear(&p);
    return 0;
}
