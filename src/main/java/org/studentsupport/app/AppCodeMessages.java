package org.studentsupport.app;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' words for what the API says in codes: why a service matched, the directory's and the
 * consent vocabulary's codes, the review tiers, and each kind of problem and field error. English
 * first; Spanish in {@code messages/codes_es.properties}. A bundle of its own beside {@link AppMessages}:
 * with all of these in one bundle (about 340 messages), the resolver Quarkus 3.28 generates for it failed
 * bytecode verification (VerifyError) at start.
 */
@MessageBundle(value = "codes", locale = "en")
public interface AppCodeMessages {

    @Message("recorded")
    String rf_recorded_need();

    @Message("The needs recorded in the student's latest review and plan are ticked.")
    String rf_needs_recorded();

    @Message("No need is recorded for this student yet (latest review or plan): tick the needs to look for.")
    String rf_needs_none_recorded();

    @Message("Services that meet the ticked needs and admit the student's age, ranked by needs met, capacity, language, cost and distance from the school.")
    String rf_services_hint();

    @Message("Or search the directory by words")
    String rf_words_search();

    @Message("Search the directory")
    String rf_words_find();

    @Message("Found by the directory search")
    String rf_why_search();

    @Message("Meets the needs")
    String rf_why_needs();

    @Message("Age within its eligibility")
    String rf_why_age();

    @Message("Offered in the student's language")
    String rf_why_language();

    @Message("Distance from the school")
    String rf_why_distance();

    @Message("Free of charge")
    String rf_why_free();

    @Message("Does not take referrals through this system")
    String rf_why_no_referrals();

    @Message("Rank score")
    String rf_score();

    @Message("Tick at least one need to find services.")
    String rf_no_needs();

    @Message("accepting referrals")
    String capacity_accepting();

    @Message("waiting list")
    String capacity_waitlist();

    @Message("full")
    String capacity_full();

    @Message("Mentoring")
    String purpose_mentoring();

    @Message("Tutoring and academic support")
    String purpose_tutoring();

    @Message("Counseling and mental-health services")
    String purpose_counseling();

    @Message("Health services and screening")
    String purpose_health_services();

    @Message("Family assistance and basic needs")
    String purpose_family_support();

    @Message("After-school, summer, sports and arts programs")
    String purpose_enrichment();

    @Message("Crisis and violence intervention")
    String purpose_crisis_intervention();

    @Message("The student's first name and last initial")
    String category_identity();

    @Message("The family members named on the referral: names, relationship, phone, e-mail, preferred language and contact method")
    String category_contact();

    @Message("The student's grade, language and age")
    String category_demographics();

    @Message("The needs noted in the student's support review")
    String category_review_needs();

    @Message("The student's support plan and goals")
    String category_plan();

    @Message("Attendance records")
    String category_attendance();

    @Message("Grades and academic progress")
    String category_grades();

    @Message("Health information held by the school")
    String category_health();

    @Message("Discipline records")
    String category_discipline();

    @Message("Routine")
    String urgency_routine();

    @Message("Soon")
    String urgency_soon();

    @Message("Urgent")
    String urgency_urgent();

    @Message("Strengths, minimal needs")
    String tier_1();

    @Message("Moderate needs")
    String tier_2();

    @Message("Intensive needs")
    String tier_3();

    @Message("The notes next to the fields say what is wrong.")
    String problem_see_fields();

    @Message("This value is not accepted.")
    String problem_field();

    @Message("The request could not be read.")
    String problem_malformed_request();

    @Message("Some fields are not valid.")
    String problem_validation();

    @Message("Your session has ended: sign in again.")
    String problem_unauthenticated();

    @Message("Your role does not allow this.")
    String problem_forbidden();

    @Message("Not found, or not among the records you may see.")
    String problem_not_found();

    @Message("This action is not allowed here.")
    String problem_method_not_allowed();

    @Message("The answer cannot be given in the form asked for.")
    String problem_not_acceptable();

    @Message("This conflicts with what is recorded now.")
    String problem_conflict();

    @Message("The referral's workflow does not allow this step now.")
    String problem_illegal_transition();

    @Message("The request took too long to arrive.")
    String problem_request_timeout();

    @Message("Someone changed this since you opened it: reload it.")
    String problem_precondition_failed();

    @Message("The request is too large.")
    String problem_payload_too_large();

    @Message("The address is too long.")
    String problem_uri_too_long();

    @Message("This kind of content is not accepted here.")
    String problem_unsupported_media_type();

    @Message("This breaks a rule of the service.")
    String problem_unprocessable();

    @Message("No consent in force (nor a FERPA exception) covers this disclosure.")
    String problem_consent_required();

    @Message("The page must say which version it changes: reload it.")
    String problem_precondition_required();

    @Message("Too many requests: wait a moment and try again.")
    String problem_too_many_requests();

    @Message("The request headers are too large.")
    String problem_headers_too_large();

    @Message("Something went wrong on the server.")
    String problem_internal();

    @Message("The service is not available right now: try again soon.")
    String problem_unavailable();

    @Message("No consent in force covers this provider: choose or record one.")
    String problem_consent_required_consentId();

    @Message("The consent does not cover this purpose.")
    String problem_consent_required_purpose();

    @Message("The consent does not cover all of the data chosen to share.")
    String problem_consent_required_sharedCategories();

    @Message("Rely on a consent or on the emergency exception, with the threat and the parties informed.")
    String problem_consent_required_emergency();

    @Message("This service does not take referrals now.")
    String problem_unprocessable_serviceId();

    @Message("A paper consent needs the place where the signed form is kept.")
    String field_paperScanReference();

    @Message("Name the family member who signed (one who may sign consent).")
    String field_signerContactId();

    @Message("Give the signing date; it cannot be in the future.")
    String field_signedOn();

    @Message("The last day must be on or after the signing date.")
    String field_expiresOn();

    @Message("Choose a service first: the consent names its organization.")
    String field_recipientOrganizationId();

    @Message("Choose the purpose the family agreed to.")
    String field_purposes();

    @Message("Choose the data the family agreed to share.")
    String field_dataCategories();

    @Message("Choose a purpose from the list.")
    String field_purpose();

    @Message("Choose an urgency from the list.")
    String field_urgency();

    @Message("Use need codes of the needs vocabulary.")
    String field_reasonCodes();

    @Message("Choose a service.")
    String field_serviceId();

    @Message("Choose a tier of the scale.")
    String field_tier();

    @Message("Say why the final review is amended.")
    String field_reason();

    @Message("parent")
    String relationship_parent();

    @Message("guardian")
    String relationship_guardian();

    @Message("relative")
    String relationship_relative();

    @Message("other")
    String relationship_other();
}
