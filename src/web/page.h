/*
** page.h — what every page shares: layout, navigation, CSRF field,
** loading the model the viewer may see.
*/
#ifndef LMPMON_PAGE_H
#define LMPMON_PAGE_H

#include "http.h"

/* Cookie names: "__Host-" prefixed when cookies are Secure (TLS). */
const char *page_session_cookie(const Req *r);
const char *page_csrf_cookie(const Req *r);

/* Start an HTML page: head, header with navigation and the user's name
** and logout button.  zTitle is data (escaped). */
void page_begin(Req *r, Resp *w, const char *zTitle);
void page_end(Req *r, Resp *w);

/* The hidden CSRF input of a form. */
void page_csrf_field(const Req *r, Buf *b);

/* A message box: zKind "error" or "ok". */
void page_notice(Buf *b, const char *zKind, const char *zText);

/* The request's view of the data: the process's shared read model
** (app/readmodel.h), held in r->pView until the router releases it after
** the handler, so *pm and the plan returned stay valid for the whole
** request and must not be changed or freed.  Picks the plan (?plan=, else
** the first).  Anonymous readers see published rounds only.  On failure
** fills w with an error page and returns NULL. */
const Plan *page_load(Req *r, Resp *w, const Model **pm);

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

/* The rating as a small coloured label. */
void page_rating(Buf *b, Rating e);

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
