/*
** routes.c — every address the web application answers, with who may use
** it and whether it changes state (CSRF and origin checked).  Anything not
** listed here is a 404; a role not listed on a route gets 403.
*/
#include "router.h"
#include "pages.h"

#define ALL WEB_ANY_USER
#define PUB (WEB_ANY_USER | WEB_PUBLIC)
#define EDIT WEB_EDITORS
#define ADMIN ROLE_BIT(ROLE_ADMIN)
#define REPORT (ROLE_BIT(ROLE_REPORTER) | WEB_EDITORS)
#define CASES (ROLE_BIT(ROLE_CASE_OFFICER) | ROLE_BIT(ROLE_ADMIN))

const Route aRoute[] = {
    /* method  path                      who       csrf handler */
    { "GET",  "/static/app.css",         WEB_OPEN, 0, asset_css },
    { "GET",  "/static/app.js",          WEB_OPEN, 0, asset_js },
    { "GET",  "/login",                  WEB_OPEN, 0, page_login_form },
    { "POST", "/login",                  WEB_OPEN, 1, page_login },
    { "POST", "/logout",                 ALL,      1, page_logout },
    { "GET",  "/",                       PUB,      0, page_dashboard },
    { "GET",  "/plan",                   PUB,      0, page_plan },
    { "GET",  "/activity/{}",            PUB,      0, page_activity },
    { "POST", "/activity/{}/statement",  REPORT,   1, page_statement_post },
    { "POST", "/activity/{}/review",     EDIT,     1, page_review_post },
    { "GET",  "/org/{}",                 PUB,      0, page_org },
    { "GET",  "/rounds",                 PUB,      0, page_rounds },
    { "GET",  "/round/{}",               PUB,      0, page_round },
    { "GET",  "/round/{}/report",        PUB,      0, page_round_report },
    { "GET",  "/complaints",             PUB,      0, page_complaints },
    { "GET",  "/cases",                  CASES,    0, page_cases },
    { "GET",  "/cases/new",              CASES,    0, page_case_new },
    { "POST", "/cases",                  CASES,    1, page_case_create },
    { "GET",  "/case/{}",                CASES,    0, page_case },
    { "POST", "/case/{}/stage",          CASES,    1, page_case_stage },
    { "POST", "/case/{}/payment",        CASES,    1, page_case_payment },
    { "POST", "/case/{}/details",        CASES,    1, page_case_details },
    { "GET",  "/admin",                  EDIT,     0, page_admin },
    { "POST", "/admin/user",             ADMIN,    1, page_admin_user_post },
    { "POST", "/admin/round",            EDIT,     1, page_admin_round_post },
    { "POST", "/admin/org",              ADMIN,    1, page_admin_org_post },
    { "GET",  "/api/me",                 ALL,      0, api_me },
    { "GET",  "/api/plan",               PUB,      0, api_plan },
    { "GET",  "/api/activity/{}",        PUB,      0, api_activity },
    { "GET",  "/api/round/{}/summary",   PUB,      0, api_round_summary },
    { "GET",  "/api/checks",             ALL,      0, api_checks },
    { "POST", "/api/activity/{}/statement", REPORT, 1, api_statement_post },
    { NULL, NULL, 0, 0, NULL },
};
