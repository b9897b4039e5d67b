package org.studentsupport.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the web pages, English first; the Spanish texts are in {@code messages/msg_es.properties}.
 * The pages' script reads the texts it needs from the page (element {@code #texts}), never from code.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    @Message("Student support")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("Provider inbox")
    String nav_inbox();

    @Message("Class reviews")
    String nav_reviews();

    @Message("New referral")
    String nav_refer();

    @Message("Oversight")
    String nav_oversight();

    @Message("Student")
    String nav_student();

    @Message("Your session")
    String session_label();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Signed in as")
    String signed_in_as();

    @Message("Role")
    String role_label();

    @Message("Coordinator")
    String role_coordinator();

    @Message("Supervisor")
    String role_supervisor();

    @Message("Provider")
    String role_provider();

    @Message("Administrator")
    String role_admin();

    @Message("Auditor")
    String role_auditor();

    @Message("No role")
    String role_none();

    @Message("Session renewed at")
    String session_renewed();

    @Message("Language")
    String language();

    @Message("Change language")
    String language_change();

    @Message("English")
    String lang_en();

    @Message("Español")
    String lang_es();

    @Message("Signing you in…")
    String status_signing_in();

    @Message("You are signed out. Sign in to continue.")
    String status_signed_out();

    @Message("Sign-in did not complete. Please sign in again.")
    String status_sign_in_failed();

    @Message("Loading…")
    String status_loading();

    @Message("Saved.")
    String status_saved();

    @Message("The request could not be completed.")
    String status_error();

    @Message("Your role does not give access to this page.")
    String status_no_access();

    @Message("This page needs JavaScript to sign in and load data.")
    String script_required();

    @Message("Student support")
    String home_title();

    @Message("Reviews, referrals and follow-through for the students you serve. Choose the page for your work:")
    String home_intro();

    @Message("Coordinators: review every student of a class, look up a student, write and send referrals.")
    String home_coordinator();

    @Message("Providers: answer the referrals sent to your organization.")
    String home_provider();

    @Message("Supervisors: follow-through figures, overdue and stalled referrals, audit search.")
    String home_supervisor();

    @Message("Find a student")
    String student_search();

    @Message("Name or student number")
    String student_search_label();

    @Message("Search")
    String student_search_submit();

    @Message("No student found.")
    String student_search_none();

    @Message("Student")
    String col_student();

    @Message("Grade")
    String col_grade();

    @Message("School")
    String col_school();

    @Message("Status")
    String col_status();

    @Message("Service")
    String col_service();

    @Message("Urgency")
    String col_urgency();

    @Message("Follow-up due")
    String col_due();

    @Message("Requested")
    String col_requested();

    @Message("Actions")
    String col_actions();

    @Message("Provider inbox")
    String inbox_title();

    @Message("Filters")
    String inbox_filters();

    @Message("Status")
    String inbox_status_filter();

    @Message("Open (requested, accepted, in progress, on hold)")
    String inbox_status_open();

    @Message("All statuses")
    String inbox_status_all();

    @Message("Show")
    String inbox_apply();

    @Message("No referrals match.")
    String inbox_empty();

    @Message("Open")
    String inbox_open();

    @Message("Referral")
    String inbox_referral();

    @Message("Redisclosure notice (34 CFR 99.33)")
    String inbox_notice();

    @Message("Purpose")
    String inbox_purpose();

    @Message("Needs")
    String inbox_needs();

    @Message("Notes from the school")
    String inbox_notes();

    @Message("Family contacts")
    String inbox_contacts();

    @Message("Language")
    String inbox_language();

    @Message("Age")
    String inbox_age();

    @Message("Next steps")
    String inbox_allowed();

    @Message("Accept")
    String accept();

    @Message("Reject")
    String reject();

    @Message("Start service")
    String start();

    @Message("Complete")
    String complete();

    @Message("Reason for rejecting")
    String reject_reason();

    @Message("Reason in words")
    String reason_text();

    @Message("Date of first service")
    String first_service_on();

    @Message("Outcome")
    String outcome();

    @Message("Note")
    String note();

    @Message("Choose…")
    String choose();

    @Message("No capacity")
    String reason_no_capacity();

    @Message("Not eligible")
    String reason_not_eligible();

    @Message("Out of service area")
    String reason_out_of_service_area();

    @Message("Unable to contact the family")
    String reason_unable_to_contact_family();

    @Message("Other")
    String reason_other();

    @Message("Goals met")
    String outcome_goals_met();

    @Message("Goals partially met")
    String outcome_partially_met();

    @Message("Goals not met")
    String outcome_not_met();

    @Message("Draft")
    String status_draft();

    @Message("Requested")
    String status_requested();

    @Message("Accepted")
    String status_accepted();

    @Message("Rejected")
    String status_rejected();

    @Message("In progress")
    String status_in_progress();

    @Message("On hold")
    String status_on_hold();

    @Message("Completed")
    String status_completed();

    @Message("Failed")
    String status_failed();

    @Message("Cancelled")
    String status_cancelled();

    @Message("Entered in error")
    String status_entered_in_error();

    @Message("Moved to")
    String moved_to();

    @Message("Someone else changed this meanwhile; the latest version is shown. Check it and try again.")
    String conflict_changed();

    @Message("Previous")
    String page_previous();

    @Message("Next")
    String page_next();

    @Message("Page")
    String page_of();

    @Message("Choose a referral in the list to see it.")
    String inbox_detail_none();

    @Message("Shared data")
    String inbox_shared();

    @Message("Data disclosed on")
    String inbox_disclosed_at();

    @Message("Consent withdrawn")
    String inbox_consent_withdrawn();

    @Message("Whole-class reviews")
    String reviews_title();

    @Message("Class and period")
    String rv_pick();

    @Message("School")
    String rv_school();

    @Message("Review period")
    String rv_period();

    @Message("Show classes")
    String rv_show();

    @Message("Review progress")
    String rv_progress();

    @Message("Classes")
    String rv_classes();

    @Message("Finalized")
    String rv_classes_final();

    @Message("Draft")
    String rv_classes_draft();

    @Message("Not started")
    String rv_classes_not_started();

    @Message("Students reviewed")
    String rv_students_reviewed();

    @Message("Class")
    String rv_class();

    @Message("Review this class")
    String rv_review();

    @Message("Not started")
    String rv_status_not_started();

    @Message("Draft")
    String rv_status_draft();

    @Message("Final")
    String rv_status_final();

    @Message("Review grid")
    String rv_grid();

    @Message("One row per student. Arrow up and down move between rows in the same column. Codes are separated by commas.")
    String rv_grid_hint();

    @Message("Tier")
    String rv_tier();

    @Message("needs")
    String rv_needs();

    @Message("Academic")
    String rv_domain_academic();

    @Message("Social-emotional")
    String rv_domain_social_emotional();

    @Message("Health")
    String rv_domain_health();

    @Message("Family")
    String rv_domain_family();

    @Message("Individual review")
    String rv_isr();

    @Message("Save draft")
    String rv_save();

    @Message("Finalize")
    String rv_finalize();

    @Message("Save amendment")
    String rv_amend();

    @Message("Reason for the amendment")
    String rv_amend_reason();

    @Message("Reload the review")
    String rv_reload();

    @Message("Draft saved.")
    String rv_saved();

    @Message("Review finalized.")
    String rv_finalized();

    @Message("Amendment saved.")
    String rv_amended();

    @Message("Not saved: someone else saved this review after you opened it (412 Precondition Failed). Your changes are still in the grid. Reload the review to see the other changes, then enter yours again.")
    String rv_conflict();

    @Message("Nothing changed.")
    String rv_nothing_changed();

    @Message("Open the student's page")
    String rv_open_student();

    @Message("Student")
    String student_title();

    @Message("Profile")
    String st_profile();

    @Message("Name")
    String st_name();

    @Message("Birth date")
    String st_birth_date();

    @Message("Preferred language")
    String st_language();

    @Message("Current tier")
    String st_tier();

    @Message("Strengths and needs (latest review)")
    String st_needs();

    @Message("Domain")
    String st_domain();

    @Message("Strengths")
    String st_strengths();

    @Message("Individual reviews and plans")
    String st_plans();

    @Message("Opened")
    String st_opened();

    @Message("Goals")
    String st_goals();

    @Message("Supports")
    String st_supports();

    @Message("Referrals")
    String st_referrals();

    @Message("Consents")
    String st_consents();

    @Message("Signed by")
    String st_signer();

    @Message("Signed on")
    String st_signed_on();

    @Message("Purposes")
    String st_purposes();

    @Message("Data categories")
    String st_categories();

    @Message("Expires")
    String st_expires();

    @Message("State")
    String st_state();

    @Message("None.")
    String st_none();

    @Message("Refer this student")
    String st_refer();

    @Message("Follow-through oversight")
    String oversight_title();

    @Message("Follow-through figures")
    String ov_figures();

    @Message("From")
    String ov_from();

    @Message("To")
    String ov_to();

    @Message("Group by")
    String ov_group_by();

    @Message("School")
    String ov_group_school();

    @Message("Coordinator")
    String ov_group_coordinator();

    @Message("Provider")
    String ov_group_provider();

    @Message("Show figures")
    String ov_show();

    @Message("Group")
    String ov_group();

    @Message("Requested")
    String ov_requested();

    @Message("Closed")
    String ov_closed();

    @Message("Overdue")
    String ov_overdue();

    @Message("Days to accept (median)")
    String ov_accept_days();

    @Message("Days to first service (median)")
    String ov_first_service_days();

    @Message("Days to close (median)")
    String ov_close_days();

    @Message("Closed with an outcome")
    String ov_outcome_share();

    @Message("Requested and overdue referrals per group")
    String ov_chart();

    @Message("Median days to accept, to first service and to close per group")
    String ov_chart_times();

    @Message("Download CSV")
    String ov_download();

    @Message("Overdue referrals")
    String ov_overdue_list();

    @Message("Stalled referrals")
    String ov_stalled_list();

    @Message("No change for at least (days)")
    String ov_stalled_days();

    @Message("Days overdue")
    String ov_days_overdue();

    @Message("Days without change")
    String ov_days_idle();

    @Message("Provider")
    String ov_organization();

    @Message("Audit search")
    String ov_audit();

    @Message("Student id")
    String ov_audit_student();

    @Message("Actor (user name or subject)")
    String ov_audit_actor();

    @Message("Action")
    String ov_audit_action();

    @Message("Any")
    String ov_audit_any();

    @Message("Search the audit trail")
    String ov_audit_search();

    @Message("Time")
    String ov_time();

    @Message("Actor")
    String ov_actor();

    @Message("Action")
    String ov_action();

    @Message("Outcome")
    String ov_outcome_col();

    @Message("Object")
    String ov_object();

    @Message("Access report of a student")
    String ov_access();

    @Message("Show who accessed the record")
    String ov_access_show();

    @Message("New referral")
    String refer_title();

    @Message("1. Student")
    String rf_step_student();

    @Message("2. Needs")
    String rf_step_needs();

    @Message("3. Matching services")
    String rf_step_services();

    @Message("4. Family consent and what is shared")
    String rf_step_consent();

    @Message("5. Draft and send")
    String rf_step_send();

    @Message("Student name")
    String rf_student_name();

    @Message("Find")
    String rf_find();

    @Message("Choose the student")
    String rf_choose_student();

    @Message("Needs (choose one or more)")
    String rf_need_codes();

    @Message("Other need codes, separated by commas")
    String rf_more_codes();

    @Message("Why, in words (seen inside the school only)")
    String rf_reason_text();

    @Message("Search words")
    String rf_words();

    @Message("Find matching services")
    String rf_find_services();

    @Message("Choose a service")
    String rf_choose_service();

    @Message("Why it matched")
    String rf_why();

    @Message("Capacity")
    String rf_capacity();



    @Message("Terms")
    String rf_terms();



    @Message("No service matches. Change the words or the needs.")
    String rf_no_services();

    @Message("Consent relied on")
    String rf_consent();

    @Message("No consent in force covers this provider. Record the family's signed consent first.")
    String rf_no_consent();

    @Message("Purpose of the disclosure")
    String rf_purpose();

    @Message("Data shared with the provider")
    String rf_categories();

    @Message("Family members included")
    String rf_contacts();

    @Message("Urgency")
    String rf_urgency();

    @Message("What the provider should know")
    String rf_shared_notes();

    @Message("Notes for the school only")
    String rf_internal_notes();

    @Message("Save draft")
    String rf_save_draft();

    @Message("Send to the provider")
    String rf_send();

    @Message("Draft saved. Nothing has left the school yet.")
    String rf_draft_saved();

    @Message("Sent. The disclosure is recorded.")
    String rf_sent();

    @Message("Not sent: the consent does not cover this referral. See the notes next to the fields.")
    String rf_refused();

    @Message("Record the family's signed consent")
    String rf_record();

    @Message("The consent covers the purpose and the data chosen below, for the chosen service's organization.")
    String rf_record_hint();

    @Message("Signed by")
    String rf_signer();

    @Message("Date on the signature")
    String rf_signed_on();

    @Message("Where the signed paper form is kept")
    String rf_scan();

    @Message("Last day in force")
    String rf_expires();

    @Message("Record the consent")
    String rf_record_button();

    @Message("Consent recorded.")
    String rf_recorded();
}
