package org.studentsupport.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.student.StudentSupportSummary;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.studentsupport.referral.ReferralCalls.create;
import static org.studentsupport.referral.ReferralCalls.createDraft;
import static org.studentsupport.referral.ReferralCalls.draft;
import static org.studentsupport.referral.ReferralCalls.etag;

/** The API behind the referral form: drafts, merge patches, validation by pointer, idempotent submits. */
@QuarkusTest
@TestSecurity(user = "coord-form", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ReferralFormTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ReferralFormTest.SCHOOL)})
class ReferralFormTest {

    static final String DISTRICT = "dst-ref-form";
    static final String SCHOOL = "sch-ref-form";
    static final List<String> SHARED = List.of("identity", "demographics");

    @Inject
    ReferralFixtures fixtures;

    @Inject
    ReferralSupportSource supportSource;

    UUID student;
    UUID service;
    UUID consent;

    @BeforeEach
    void aStudentAndAService() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        student = fixtures.student(school, "Lily", "Chen", LocalDate.now().minusYears(9));
        UUID parent = fixtures.contact(student, "Wei", "Chen", "parent", true);
        service = fixtures.service(fixtures.organization("Form Tutors"), "Reading tutoring");
        consent = fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1), null);
    }

    @Test
    void aDraftIsCreatedWithTheCallerAsAuthorAndAFollowUpDate() {
        create(student, draft(service, consent, SHARED)).then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/api/v1/referrals/"))
                .body("status", equalTo("draft"))
                .body("author", equalTo("coord-form"))
                .body("studentName", equalTo("Lily Chen"))
                .body("organizationName", equalTo("Form Tutors"))
                .body("internalNotes", containsString("INTERNAL"))
                .body("followUpDue", equalTo(LocalDate.now().plusDays(7).toString()))
                .body("allowedNextStatuses", equalTo(List.of("requested", "cancelled", "entered-in-error")));
    }

    @Test
    void invalidFieldsAreNamedByJsonPointerAndNothingIsCreated() {
        Map<String, Object> body = new HashMap<>(draft(service, consent, SHARED));
        body.put("urgency", "yesterday");
        body.put("reasonCodes", List.of("anxiety", "Not A Code!"));
        body.remove("purpose");
        create(student, body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/urgency"))
                .body("errors.pointer", hasItem("/reasonCodes/1"))
                .body("errors.pointer", hasItem("/purpose"));
        assertEquals(0, fixtures.referralsOf(student));
    }

    @Test
    void needCodesOutsideTheNeedsVocabularyAreA422ByPointerAndNothingIsCreated() {
        Map<String, Object> body = new HashMap<>(draft(service, consent, SHARED));
        body.put("reasonCodes", List.of("anxiety", "teleportation", "leadership"));
        create(student, body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(2))
                .body("errors[0].pointer", equalTo("/reasonCodes/1"))
                .body("errors[0].message", containsString("not a code of the needs vocabulary"))
                .body("errors[1].pointer", equalTo("/reasonCodes/2"))
                .body("errors[1].message", equalTo("'leadership' is a strength code, not a need"));
        assertEquals(0, fixtures.referralsOf(student));
    }

    @Test
    void rulesOnlyTheDatabaseKnowsAreA422ByPointer() {
        Map<String, Object> body = new HashMap<>(draft(service, consent, List.of("demographics", "secrets")));
        body.put("familyContactIds", List.of(UUID.randomUUID().toString()));
        create(student, body).then().statusCode(422)
                .body("errors.pointer", hasItem("/sharedCategories/1"))
                .body("errors.pointer", hasItem("/sharedCategories"))
                .body("errors.pointer", hasItem("/familyContactIds"));
        assertEquals(0, fixtures.referralsOf(student));
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplaysTheSameReferral() {
        Map<String, Object> body = draft(service, consent, SHARED);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "form-submit-1").body(body)
                .post("/api/v1/students/" + student + "/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "form-submit-1").body(body)
                .post("/api/v1/students/" + student + "/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first));
        assertEquals(1, fixtures.referralsOf(student));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "form-submit-2").body(draft(service, consent, SHARED))
                .post("/api/v1/students/" + student + "/referrals").then().statusCode(201);
        Map<String, Object> other = new HashMap<>(draft(service, consent, SHARED));
        other.put("urgency", "urgent");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "form-submit-2").body(other)
                .post("/api/v1/students/" + student + "/referrals").then().statusCode(422)
                .body("errors[0].parameter", equalTo("Idempotency-Key"));
        assertEquals(1, fixtures.referralsOf(student));
    }

    @Test
    void aMalformedIdempotencyKeyIsRejected() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "spaces are not allowed").body(draft(service, consent, SHARED))
                .post("/api/v1/students/" + student + "/referrals").then().statusCode(400);
        assertEquals(0, fixtures.referralsOf(student));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullClears() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        given().contentType("application/merge-patch+json").header("If-Match", etag(referral))
                .body(Map.of("urgency", "urgent", "sharedNotes", "Prefers mornings"))
                .patch("/api/v1/referrals/" + referral).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("urgency", equalTo("urgent"))
                .body("sharedNotes", equalTo("Prefers mornings"))
                .body("purpose", equalTo("mentoring"))
                .body("reasonCodes", equalTo(List.of("anxiety", "reading")));
        Map<String, Object> clear = new HashMap<>();
        clear.put("internalNotes", null);
        given().contentType("application/merge-patch+json").header("If-Match", etag(referral)).body(clear)
                .patch("/api/v1/referrals/" + referral).then().statusCode(200).body("internalNotes", nullValue());
    }

    @Test
    void aPatchIsValidatedByPointerAndChangesNothingWhenInvalid() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        String tag = etag(referral);
        Map<String, Object> bad = new HashMap<>();
        bad.put("purpose", null);
        bad.put("reasonCodes", List.of("ok", "NOT OK"));
        given().contentType("application/merge-patch+json").header("If-Match", tag).body(bad)
                .patch("/api/v1/referrals/" + referral).then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("/purpose", "/reasonCodes/1")));
        given().contentType("application/merge-patch+json").header("If-Match", tag).body(Map.of("status", "accepted"))
                .patch("/api/v1/referrals/" + referral).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/status"));
        given().contentType("application/merge-patch+json").body(Map.of("urgency", "urgent"))
                .patch("/api/v1/referrals/" + referral).then().statusCode(428);
        assertEquals(tag, etag(referral));
    }

    @Test
    void onlyADraftCanBeEdited() {
        UUID sent = fixtures.referral(student, service, consent, SHARED, ReferralStatus.REQUESTED);
        given().contentType("application/merge-patch+json").header("If-Match", etag(sent)).body(Map.of("urgency", "urgent"))
                .patch("/api/v1/referrals/" + sent).then().statusCode(409).body("currentStatus", equalTo("requested"));
    }

    @Test
    @TestSecurity(user = "coord-elsewhere", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT),
            @SecurityAttribute(key = "school_ids", value = "sch-ref-form-other")})
    void aCoordinatorOfAnotherSchoolSeesNothing() {
        fixtures.school(DISTRICT, "sch-ref-form-other");
        UUID referral = fixtures.referral(student, service, consent, SHARED);
        given().get("/api/v1/referrals/" + referral).then().statusCode(404);
        create(student, draft(service, consent, SHARED)).then().statusCode(404);
        given().queryParam("studentId", student).get("/api/v1/referrals").then().statusCode(404)
                .body("type", equalTo("urn:student-support:problem:not-found"));
        assertEquals(1, fixtures.referralsOf(student));
    }

    @Test
    @TestSecurity(user = "super-form", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorReadsButCannotWrite() {
        UUID referral = fixtures.referral(student, service, consent, SHARED);
        given().get("/api/v1/referrals/" + referral).then().statusCode(200).body("allowedNextStatuses", equalTo(List.of()));
        create(student, draft(service, consent, SHARED)).then().statusCode(403);
        ReferralCalls.move(referral, etag(referral), Map.of("to", "cancelled", "reasonText", "x")).then().statusCode(403);
    }

    @Test
    void theStudentProfileGetsTheStudentsReferralsOpenOnesFirst() {
        UUID closed = fixtures.referral(student, service, consent, SHARED, ReferralStatus.CANCELLED);
        UUID open = fixtures.referral(student, service, consent, SHARED, ReferralStatus.REQUESTED);
        StudentSupportSummary summary = supportSource.contribute(student, StudentSupportSummary.empty());
        assertEquals(List.of(open, closed), summary.referrals().stream().map(StudentSupportSummary.ReferralSummary::referralId).toList());
        assertEquals("requested", summary.referrals().get(0).status());
        assertEquals("Reading tutoring", summary.referrals().get(0).serviceName());
        assertEquals(null, summary.currentTier());
    }
}
