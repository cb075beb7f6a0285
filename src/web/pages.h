/*
** pages.h — the handlers the route table (routes.c) points to.
*/
#ifndef LMPMON_PAGES_H
#define LMPMON_PAGES_H

#include <jansson.h>

#include "http.h"
#include "../report/sheet.h"

/* page_auth.c */
int page_login_form(Req *r, Resp *w);
int page_login(Req *r, Resp *w);
int page_logout(Req *r, Resp *w);
int page_language(Req *r, Resp *w);

/* page_view.c */
int page_dashboard(Req *r, Resp *w);
int page_plan(Req *r, Resp *w);
/* page_texts.c */
int page_plan_khmer(Req *r, Resp *w);
int page_plan_khmer_post(Req *r, Resp *w);
int page_activity(Req *r, Resp *w);
int page_org(Req *r, Resp *w);
int page_rounds(Req *r, Resp *w);
int page_round(Req *r, Resp *w);
int page_round_due_post(Req *r, Resp *w);
int page_round_extension_post(Req *r, Resp *w);
/* The review's chapters (page_chapter.c): each chapter's editor, and
** the list on a round's page (page_view.c calls these two). */
int page_round_chapter(Req *r, Resp *w);
int page_round_chapter_post(Req *r, Resp *w);
void page_round_chapters_section(const Req *r, Buf *b, const Round *rd,
                                 const char *zPlanQ, const char *zSelf);
void page_round_chapters_sheet(const Round *rd, const char *zPlanQ, Sheet *t);
int page_round_report(Req *r, Resp *w);
int page_round_coordination(Req *r, Resp *w);
int page_complaints(Req *r, Resp *w);

/* page_edit.c */
int page_statement_post(Req *r, Resp *w);
int page_statement_review_post(Req *r, Resp *w);
int page_review_post(Req *r, Resp *w);
int page_funding_post(Req *r, Resp *w);
int page_attachments_post(Req *r, Resp *w);
int page_attachment_get(Req *r, Resp *w);
int page_attachment_remove_post(Req *r, Resp *w);
int page_admin(Req *r, Resp *w);
int page_admin_user_post(Req *r, Resp *w);
int page_admin_round_post(Req *r, Resp *w);
int page_admin_org_post(Req *r, Resp *w);
int page_admin_plan_post(Req *r, Resp *w);
int page_round_action_point(Req *r, Resp *w);
int page_round_action_point_post(Req *r, Resp *w);

/* page_inbox.c */
int page_inbox(Req *r, Resp *w);
int page_inbox_read_post(Req *r, Resp *w);
int api_inbox(Req *r, Resp *w);
int page_account(Req *r, Resp *w);
int page_account_post(Req *r, Resp *w);
/* page_import.c */
int page_admin_import(Req *r, Resp *w);
int page_admin_import_post(Req *r, Resp *w);
int page_admin_import_confirm(Req *r, Resp *w);

/* page_cases.c */
int page_cases(Req *r, Resp *w);
int page_case_new(Req *r, Resp *w);
int page_case_create(Req *r, Resp *w);
int page_case(Req *r, Resp *w);
int page_case_stage(Req *r, Resp *w);
int page_case_payment(Req *r, Resp *w);
int page_case_details(Req *r, Resp *w);

/* api.c */
int api_plan(Req *r, Resp *w);
int api_activity(Req *r, Resp *w);
int api_round_summary(Req *r, Resp *w);
int api_round_collection(Req *r, Resp *w);

/* Answer w with j as JSON and status (takes j's reference): the one way
** an API call writes its body. */
void api_send(Resp *w, int status, json_t *j);
int api_checks(Req *r, Resp *w);
int api_statement_post(Req *r, Resp *w);
int api_statement_review_post(Req *r, Resp *w);
int api_assessment_post(Req *r, Resp *w);
int page_reset_form(Req *r, Resp *w);
int page_reset_post(Req *r, Resp *w);
int api_me(Req *r, Resp *w);

/* page_plan.c */
int page_round_recommendations(Req *r, Resp *w);
int page_round_recommendations_post(Req *r, Resp *w);
int page_round_recommendation(Req *r, Resp *w);
int page_round_recommendation_post(Req *r, Resp *w);
int page_round_followup_post(Req *r, Resp *w);
int api_round_recommendations(Req *r, Resp *w);
int page_round_action_plan(Req *r, Resp *w);
int page_resources(Req *r, Resp *w);
int api_round_funding(Req *r, Resp *w);
int page_indicators(Req *r, Resp *w);
int page_indicator(Req *r, Resp *w);
int page_indicator_values_post(Req *r, Resp *w);
int page_indicator_review_post(Req *r, Resp *w);
int api_indicator(Req *r, Resp *w);
int api_indicator_values_post(Req *r, Resp *w);

/* page_briefing.c */
int page_briefing(Req *r, Resp *w);

/* page_outreach.c */
int page_outreach(Req *r, Resp *w);
int page_outreach_new(Req *r, Resp *w);
int page_outreach_create(Req *r, Resp *w);
int page_outreach_event(Req *r, Resp *w);
int page_outreach_event_post(Req *r, Resp *w);
int page_outreach_delete_post(Req *r, Resp *w);
int page_media_new(Req *r, Resp *w);
int page_media_create(Req *r, Resp *w);
int page_media(Req *r, Resp *w);
int page_media_post(Req *r, Resp *w);
int page_media_delete_post(Req *r, Resp *w);
int page_statistics(Req *r, Resp *w);
int page_statistics_new(Req *r, Resp *w);
int page_statistics_create(Req *r, Resp *w);
int page_statistics_figure(Req *r, Resp *w);
int page_statistics_figure_post(Req *r, Resp *w);
int page_statistics_delete_post(Req *r, Resp *w);

/* assets.c */
int asset_css(Req *r, Resp *w);
int asset_js(Req *r, Resp *w);

/* page_activity: render the activity page with a notice and, after a
** refused save, the user's own text kept in the form. */
void page_activity_render(Req *r, Resp *w, const char *zNotice,
                          const char *zNoticeKind);

#endif
