/*
** routes.c — every address the web application answers, with who may use
** it.  Anything not listed here is a 404; a role not listed on a route gets
** 403; any method but GET changes state, and the router checks its CSRF
** token and origin (route_changes_state()).
*/
#include "router.h"
#include "pages.h"

#define ALL    WEB_ANY_USER
#define PUB    (WEB_ANY_USER | WEB_PUBLIC)
#define EDIT   WEB_EDITORS
#define ADMIN  ROLE_BIT(ROLE_ADMIN)
#define REPORT ROLE_BIT(ROLE_REPORTER) /* the use case checks the link */
#define CASES  (ROLE_BIT(ROLE_CASE_OFFICER) | ROLE_BIT(ROLE_ADMIN))

const Route aRoute[] = {
    /* method  path                      who       handler */
    { "GET", "/static/app.css", WEB_OPEN, asset_css },
    { "GET", "/static/app.js", WEB_OPEN, asset_js },
    { "GET", "/login", WEB_OPEN, page_login_form },
    { "POST", "/login", WEB_OPEN, page_login },
    { "POST", "/logout", ALL, page_logout },
    { "GET", "/reset/{}", WEB_OPEN, page_reset_form },
    { "POST", "/reset/{}", WEB_OPEN, page_reset_post },
    { "GET", "/language", WEB_OPEN, page_language },
    { "GET", "/", PUB, page_dashboard },
    { "GET", "/plan", PUB, page_plan },
    { "GET", "/plan/khmer", EDIT, page_plan_khmer },
    { "POST", "/plan/khmer", EDIT, page_plan_khmer_post },
    { "GET", "/activity/{}", PUB, page_activity },
    { "POST", "/activity/{}/statement", REPORT, page_statement_post },
    { "POST", "/activity/{}/review", EDIT, page_review_post },
    { "POST", "/activity/{}/funding", EDIT, page_funding_post },
    /* Evidence: the organisation's reporter attaches and removes files
    ** (the use case checks the link and the statement's state); who may
    ** read the statement downloads them (checked there too). */
    { "POST", "/activity/{}/attachments", REPORT | WEB_UPLOAD,
      page_attachments_post },
    { "GET", "/activity/{}/attachment/{}", EDIT | REPORT, page_attachment_get },
    { "POST", "/activity/{}/attachment/{}/remove", REPORT,
      page_attachment_remove_post },
    { "GET", "/org/{}", PUB, page_org },
    { "GET", "/rounds", PUB, page_rounds },
    { "GET", "/round/{}", PUB, page_round },
    { "POST", "/round/{}/due", EDIT, page_round_due_post },
    { "POST", "/round/{}/extension", EDIT, page_round_extension_post },
    { "GET", "/round/{}/chapter/{}", EDIT, page_round_chapter },
    { "POST", "/round/{}/chapter/{}", EDIT, page_round_chapter_post },
    { "GET", "/round/{}/report", PUB, page_round_report },
    { "GET", "/round/{}/coordination", PUB, page_round_coordination },
    { "GET", "/complaints", PUB, page_complaints },
    { "GET", "/briefing", ALL, page_briefing },
    { "GET", "/cases", CASES, page_cases },
    { "GET", "/cases/new", CASES, page_case_new },
    { "POST", "/cases", CASES, page_case_create },
    { "GET", "/case/{}", CASES, page_case },
    { "POST", "/case/{}/stage", CASES, page_case_stage },
    { "POST", "/case/{}/payment", CASES, page_case_payment },
    { "POST", "/case/{}/details", CASES, page_case_details },
    { "GET", "/admin", EDIT, page_admin },
    { "POST", "/admin/user", ADMIN, page_admin_user_post },
    { "POST", "/admin/round", EDIT, page_admin_round_post },
    { "POST", "/admin/org", ADMIN, page_admin_org_post },
    { "POST", "/admin/plan", EDIT, page_admin_plan_post },
    { "GET", "/inbox", ALL, page_inbox },
    { "POST", "/inbox/read", ALL, page_inbox_read_post },
    { "GET", "/account", ALL, page_account },
    { "POST", "/account", ALL, page_account_post },
    { "GET", "/api/inbox", ALL, api_inbox },
    { "GET", "/admin/import", EDIT, page_admin_import },
    { "POST", "/admin/import", EDIT | WEB_UPLOAD, page_admin_import_post },
    { "POST", "/admin/import/confirm", EDIT, page_admin_import_confirm },
    { "GET", "/api/me", ALL, api_me },
    { "GET", "/api/plan", PUB, api_plan },
    { "GET", "/api/activity/{}", PUB, api_activity },
    { "GET", "/api/round/{}/summary", PUB, api_round_summary },
    { "GET", "/api/round/{}/collection", ALL, api_round_collection },
    { "GET", "/api/checks", ALL, api_checks },
    { "POST", "/api/activity/{}/statement", REPORT, api_statement_post },
    /* Officers accept or return; the organisation's reporter comments
    ** (the use case checks which). */
    { "POST", "/api/activity/{}/statement/{}/review", EDIT | REPORT,
      api_statement_review_post },
    { "POST", "/api/activity/{}/assessment", EDIT, api_assessment_post },
    { "POST", "/activity/{}/statement/{}/review", EDIT | REPORT,
      page_statement_review_post },
    { "GET", "/round/{}/recommendations", PUB, page_round_recommendations },
    { "POST", "/round/{}/recommendations", EDIT,
      page_round_recommendations_post },
    { "GET", "/round/{}/recommendation/{}", PUB, page_round_recommendation },
    { "POST", "/round/{}/recommendation/{}", EDIT,
      page_round_recommendation_post },
    { "POST", "/round/{}/recommendation/{}/follow-up", EDIT,
      page_round_followup_post },
    { "GET", "/api/round/{}/recommendations", PUB, api_round_recommendations },
    { "GET", "/round/{}/action-plan", PUB, page_round_action_plan },
    { "GET", "/round/{}/action-plan/{}", EDIT, page_round_action_point },
    { "POST", "/round/{}/action-plan/{}", EDIT, page_round_action_point_post },
    { "GET", "/resources", PUB, page_resources },
    { "GET", "/api/round/{}/funding", PUB, api_round_funding },
    { "GET", "/indicators", PUB, page_indicators },
    { "GET", "/indicator/{}", PUB, page_indicator },
    /* The responsible organisation's reporters and the officers enter a
    ** period's figures (the use case checks which); officers review. */
    { "POST", "/indicator/{}/values", EDIT | REPORT,
      page_indicator_values_post },
    { "POST", "/indicator/{}/review", EDIT, page_indicator_review_post },
    { "GET", "/api/indicator/{}", PUB, api_indicator },
    /* Entering as the form does, and (officers only: the use case) the
    ** review. */
    { "POST", "/api/indicator/{}/values", EDIT | REPORT,
      api_indicator_values_post },
    /* Outreach: a reporter writes its organisation's events (the use
    ** case checks which), the officers any; media and statistics are the
    ** officers'. */
    { "GET", "/outreach", PUB, page_outreach },
    { "GET", "/outreach/new", EDIT | REPORT, page_outreach_new },
    { "POST", "/outreach", EDIT | REPORT, page_outreach_create },
    { "GET", "/outreach/{}", EDIT | REPORT, page_outreach_event },
    { "POST", "/outreach/{}", EDIT | REPORT, page_outreach_event_post },
    { "POST", "/outreach/{}/delete", EDIT | REPORT, page_outreach_delete_post },
    { "GET", "/media/new", EDIT, page_media_new },
    { "POST", "/media", EDIT, page_media_create },
    { "GET", "/media/{}", EDIT, page_media },
    { "POST", "/media/{}", EDIT, page_media_post },
    { "POST", "/media/{}/delete", EDIT, page_media_delete_post },
    { "GET", "/statistics", PUB, page_statistics },
    { "GET", "/statistics/new", EDIT, page_statistics_new },
    { "POST", "/statistics", EDIT, page_statistics_create },
    { "GET", "/statistics/{}", EDIT, page_statistics_figure },
    { "POST", "/statistics/{}", EDIT, page_statistics_figure_post },
    { "POST", "/statistics/{}/delete", EDIT, page_statistics_delete_post },
    { NULL, NULL, 0, NULL },
};
