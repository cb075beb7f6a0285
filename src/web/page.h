/*
** page.h — what every page shares: layout, navigation, CSRF field,
** loading the model the viewer may see.
*/
#ifndef LMPMON_PAGE_H
#define LMPMON_PAGE_H

#include "http.h"
#include "../app/readmodel.h"
#include "../report/sheet.h"

/* Cookie names: "__Host-" prefixed when cookies are Secure (TLS). */
const char *page_session_cookie(const Req *r);
const char *page_csrf_cookie(const Req *r);

/* Start an HTML page: head, header with navigation and the user's name
** and logout button.  zTitle is data (escaped). */
void page_begin(const Req *r, Resp *w, const char *zTitle);
void page_end(const Req *r, Resp *w);

/* w's body becomes an error page titled zTitle with the message zMessage
** in the site's frame (header, navigation, who is logged in; r NULL: none
** known), never echoing the request.  The status is the caller's
** (web_error() in router.c picks title and status). */
void page_error(const Req *r, Resp *w, const char *zTitle,
                const char *zMessage);

/* The hidden CSRF input of a form. */
void page_csrf_field(const Req *r, Buf *b);

/* A history table (audit rows in words): its columns When, Who, What,
** Old, New; then one row per audit row e, newest first as the caller
** walks them, its key described after its first nSkip bytes (the part the
** page is about: core/history.h history_describe()). */
void page_history_cols(Sheet *t);
void page_history_row(Sheet *t, const AuditEntry *e, size_t nSkip);

/* A hidden input zName holding zValue (both escaped). */
void page_hidden(Buf *b, const char *zName, const char *zValue);

/* The hidden field "plan" of a form on a page of a plan named by ?plan=
** (page_plan_code()); nothing on the first plan's pages. */
void page_plan_field(const Req *r, Buf *b);

/* Open an entry form (class "card entry") posting to zPrefix + zCode
** (URL-encoded) + "/" + zWhat ("/indicator/", "G11", "values"), with the
** CSRF token and the plan (page_plan_field()).  The caller adds its own
** fields and closes it. */
void page_entry_form_start(Buf *b, const Req *r, const char *zPrefix,
                           const char *zCode, const char *zWhat);

/* Open an entry form of activity zCode posting to /activity/CODE/zWhat,
** with its hidden fields: the CSRF token, the plan (a second plan's), the
** round and the version the form shows.  The caller adds its own fields
** and closes it. */
void page_activity_form_start(Buf *b, const Req *r, const char *zCode,
                              const char *zWhat, const char *zRound,
                              int iVersion);

/* A message box: zKind "error" or "ok". */
void page_notice(Buf *b, const char *zKind, const char *zText);

/* After a write that succeeded: redirect to zPrefix + the record's code
** (the request's first path parameter) + "?saved=" zSaved, keeping the
** plan asked for (the page then says what was saved). */
void page_redirect_saved(Req *r, Resp *w, const char *zPrefix,
                         const char *zSaved);

/* The request's view of the data: the process's shared read model
** (app/readmodel.h), held in r->pView until the router releases it after
** the handler, so *pm and the plan returned stay valid for the whole
** request and must not be changed or freed.  Picks the plan (?plan=, else
** the first).  Anonymous readers see published rounds only.  On failure
** fills w with an error page and returns NULL; a database without a plan
** is a 404 that leads an officer to /admin/import. */
const Plan *page_load(Req *r, Resp *w, const Model **pm);

/* page_load() without choosing a plan: the model, which may hold none (the
** admin pages of a new database).  NULL with w an error page on failure. */
const Model *page_load_model(Req *r, Resp *w);

/* Append the fragment zKey of the request's snapshot to w's body
** (readmodel_fragment(): rendered once per snapshot), sent from where the
** snapshot keeps it instead of copied into every response: the response
** holds the snapshot until it is sent. */
void page_fragment(Req *r, Resp *w, const char *zKey, ReadRender xRender,
                   const void *arg);

/* <a href="PREFIX + url-encoded KEY + SUFFIX">TEXT</a>, all escaped. */
void page_link(Buf *b, const char *zPrefix, const char *zKey,
               const char *zSuffix, const char *zText);

/* What keeps a link on plan p: "" for the model's first plan (the one a
** link without ?plan= shows), "?plan=CODE" for any other.  Heap; the
** links below take it as zPlanQ, so that following a link inside a
** second plan's pages stays in that plan. */
char *page_plan_query(const Model *m, const Plan *p);

/* A link to an activity / organisation / round of the plan zPlanQ names
** (codes escaped). */
void page_link_activity(Buf *b, const char *zCode, const char *zPlanQ);
void page_link_org(Buf *b, const char *zAcronym, const char *zPlanQ);
void page_link_round(Buf *b, const Round *rd, const char *zPlanQ);
/* The review report of round rd, the link reading zText. */
void page_link_round_report(Buf *b, const Round *rd, const char *zPlanQ,
                            const char *zText);

/* The date zIso (YYYY-MM-DD) as people read it, escaped: "31 January
** 2019", the month in the reader's language; other text as it is. */
void page_date_words(Buf *b, const char *zIso);

/* When zDue is seen from zToday (both YYYY-MM-DD), in words: "today",
** "tomorrow", "in 5 days", "3 days overdue" (bOverdue) or "3 days ago". */
void page_due_when(Buf *b, const char *zToday, const char *zDue, int bOverdue);

/* The rating as a small coloured label (its words: rating_label()). */
void page_rating(Buf *b, Rating e);

/* The class of a rating's badge ("rating r-on_target"); heap. */
char *page_rating_class(Rating e);

/* The next cell of t: rating e as a badge. */
void page_sheet_rating(Sheet *t, Rating e);

/* What page_input() adds to an <input>. */
enum {
    PAGE_INPUT_REQUIRED = 1, /* required="required" */
    PAGE_INPUT_COUNT = 2,    /* min="0" inputmode="numeric": a count */
    PAGE_INPUT_LIST = 4      /* list="NAME_list": the <datalist> of that id
                             ** offers the usual values */
};

/* A labelled <input>: the label zLabel, id and name zName, type zType
** (NULL: text), value zValue (NULL: empty), all escaped, with what
** mFlags asks for. */
void page_input(Buf *b, const char *zName, const char *zLabel,
                const char *zValue, const char *zType, unsigned mFlags);

/* One <option> of a <select>: value zValue, text zLabel, selected when
** bSelected; both escaped. */
void page_option(Buf *b, const char *zValue, const char *zLabel, int bSelected);

/* A <select> of the codes of kind k (codes.h): each option's value the
** key, its text the label; zSelKey (a key, or NULL) selected. */
void page_select_code(Buf *b, const char *zId, const char *zName, CodeKind k,
                      const char *zSelKey);

/* A <select> of the organisations of m's directory (value the acronym,
** text "ACRONYM — Full name"), first an option "" reading zNone; zSel
** selected. */
void page_select_org(Buf *b, const Model *m, const char *zId, const char *zName,
                     const char *zNone, const char *zSel);

/* The page's own address: its path as sent and the query parameters that
** choose what it shows (plan, q, year, round), re-encoded; nothing else of the
** request.  Heap. */
char *page_self(const Req *r);

/* Sheet t as HTML with links to download it from zSelf (page_self(); NULL:
** no links). */
void page_sheet(Buf *b, const Sheet *t, const char *zSelf);

/* Builds table zId of a page into t (initialised, empty) from the page's
** own arg. */
typedef void (*PageSheetBuild)(const void *arg, const char *zId, Sheet *t);

/* Answer a download if the request asks for one (?format=csv|xlsx): the
** table ?table= names (one of azId, NULL-terminated; the first when none
** is named) built by xBuild, as an attachment named ZSTEM-ID.EXT.
** Returns 1 when w is filled (the download, or 400 for another format,
** 404 for a table the page lacks), 0 when the request is an ordinary
** view. */
int page_download(const Req *r, Resp *w, const char *const *azId,
                  PageSheetBuild xBuild, const void *arg, const char *zStem);

/* Content-Disposition of w: an attachment named ZSTEM[-ID].EXT, with any
** character but letters, digits, '-' and '.' written '_'. */
void page_attachment(Resp *w, const char *zStem, const char *zId,
                     const char *zExt);

/* The semaphore bounding slow pages (reports) to WEB_SLOW_WORK at once. */
#include <semaphore.h>
sem_t *web_slow_work(void);

/* May this user write this organisation's statement on node n? */
int page_user_links(const Req *r, const Node *n);

/* The logged-in user as the actor of a use case (app/); an anonymous
** visitor is a viewer named "web". */
Actor page_actor(const Req *r);

/* The plan the request names (?plan= or a form field "plan"), or NULL for
** the first plan. */
const char *page_plan_code(const Req *r);

#endif
