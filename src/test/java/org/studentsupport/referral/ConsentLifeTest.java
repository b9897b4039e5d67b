package org.studentsupport.referral;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentsupport.referral.ReferralCalls.createDraft;
import static org.studentsupport.referral.ReferralCalls.draft;
import static org.studentsupport.referral.ReferralCalls.etag;
import static org.studentsupport.referral.ReferralCalls.move;
import static org.studentsupport.referral.ReferralCalls.providerEtag;
import static org.studentsupport.referral.ReferralCalls.send;

/**
 * The life of a consent and what it lets the school disclose: the provider sees the data as it was
 * disclosed (a snapshot), an update is a new consent-gated disclosure, and a revoked or expired consent
 * stops every further disclosure while the provider can still close the loop.
 */
@QuarkusTest
@TestSecurity(user = "coord-life", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ConsentLifeTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ConsentLifeTest.SCHOOL)})
class ConsentLifeTest {

    static final String DISTRICT = "dst-ref-life";
    static final String SCHOOL = "sch-ref-life";
    static final String ORG = "7a1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5c0c";
    static final List<String> SHARED = List.of("identity", "demographics", "contact");

    @Inject
    ReferralFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    UUID student;
    UUID parent;
    UUID service;
    UUID consent;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aStudentAParentAConsentAndAProvider() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        student = fixtures.student(school, "Lina", "Okafor", today.minusYears(11).minusDays(20));
        parent = fixtures.contact(student, "Grace", "Okafor", "parent", true);
        service = fixtures.service(fixtures.organization(UUID.fromString(ORG), "Life Mentoring"), "Life mentoring program");
        consent = fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, today.minusDays(20), today.plusYears(1), null);
    }

    private UUID sentWithTheParent(ReferralStatus... moves) {
        return fixtures.referral(student, service, consent, SHARED, List.of(parent), moves);
    }

    private io.restassured.response.Response shareUpdate(UUID referral, String etag, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/referrals/" + referral + "/disclosures");
    }

    // ---- snapshots -------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "prov-life", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG))
    void theProviderSeesTheDataAsDisclosedNotTheLiveRecord() {
        UUID referral = sentWithTheParent(ReferralStatus.REQUESTED);
        fixtures.changeLiveRecord(student, parent, "08", "+1 413 555 0999", "sms");
        given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .body("grade", equalTo("07"))
                .body("age", equalTo(11))
                .body("familyContacts[0].phone", equalTo("+1 413 555 0100"))
                .body("familyContacts[0].preferredContactMethod", nullValue())
                .body("dataDisclosedAt", notNullValue())
                .body("consentRevoked", equalTo(false))
                .body("consentNotice", nullValue());
        given().queryParam("status", "requested").get("/api/v1/provider/referrals").then().statusCode(200)
                .body("items.find { it.id == '" + referral + "' }.familyContacts[0].phone", equalTo("+1 413 555 0100"));
    }

    @Test
    void sendingKeepsExactlyTheSharedFieldsWithTheDisclosureEntryAndTheParentsRecordShowsThem() throws Exception {
        UUID referral = createDraft(student, withParent(draft(service, consent, List.of("identity", "contact"))));
        send(referral, etag(referral)).then().statusCode(200).body("lastDisclosedAt", notNullValue());
        List<String> snapshots = fixtures.snapshots(referral);
        assertEquals(1, snapshots.size());
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshots.get(0));
        assertEquals(java.util.Set.of("categories", "studentFirstName", "studentLastInitial", "familyContacts", "sharedNotes"),
                ReferralAggregateTest.fieldNames(sent));
        assertFalse(snapshots.get(0).contains("INTERNAL"), "internal notes never leave the school");
        assertFalse(snapshots.get(0).contains("Worried since"), "nor the reason text");
        given().get("/api/v1/students/" + student + "/disclosures").then().statusCode(200)
                .body("disclosures.items[0].occasion", equalTo("referral-sent"))
                .body("disclosures.items[0].dataSent.categories", equalTo(List.of("identity", "contact")))
                .body("disclosures.items[0].dataSent.studentFirstName", equalTo("Lina"))
                .body("disclosures.items[0].dataSent.studentLastInitial", equalTo("O"))
                .body("disclosures.items[0].dataSent.grade", nullValue())
                .body("disclosures.items[0].dataSent.familyContacts[0].phone", equalTo("+1 413 555 0100"))
                .body("disclosures.items[0].dataSent.sharedNotes", equalTo("Loves soccer; best reached after 5 pm"));
    }

    @Test
    void sharingAnUpdateWritesANewDisclosureWithAFreshSnapshot() {
        UUID referral = sentWithTheParent(ReferralStatus.REQUESTED);
        fixtures.changeLiveRecord(student, parent, "08", "+1 413 555 0999", "sms");
        String before = etag(referral);
        shareUpdate(referral, before, Map.of("note", "New phone number")).then().statusCode(201)
                .header("Location", containsString("/api/v1/students/" + student + "/disclosures"))
                .body("occasion", equalTo("update-shared"))
                .body("note", equalTo("New phone number"))
                .body("basis", equalTo("consent"))
                .body("consentId", equalTo(consent.toString()))
                .body("official", equalTo("coord-life"))
                .body("dataSent.grade", equalTo("08"))
                .body("dataSent.familyContacts[0].phone", equalTo("+1 413 555 0999"))
                .body("dataSent.familyContacts[0].preferredContactMethod", equalTo("sms"));
        assertEquals(2, fixtures.disclosures(referral));
        assertFalse(before.equals(etag(referral)), "the referral records when it last disclosed");
        given().get("/api/v1/students/" + student + "/disclosures").then()
                .body("disclosures.totalItems", equalTo(2))
                .body("disclosures.items[0].occasion", equalTo("update-shared"))
                .body("disclosures.items[1].dataSent.familyContacts[0].phone", equalTo("+1 413 555 0100"));
    }

    @Test
    void anUpdateIsNotSharedForADraftOrAClosedReferralOrWithoutIfMatch() {
        UUID draft = fixtures.referral(student, service, consent, SHARED);
        shareUpdate(draft, etag(draft), Map.of()).then().statusCode(409).body("currentStatus", equalTo("draft"));
        UUID closed = sentWithTheParent(ReferralStatus.REQUESTED, ReferralStatus.CANCELLED);
        shareUpdate(closed, etag(closed), Map.of()).then().statusCode(409).body("currentStatus", equalTo("cancelled"));
        UUID open = sentWithTheParent(ReferralStatus.REQUESTED);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/referrals/" + open + "/disclosures").then().statusCode(428);
        shareUpdate(open, "\"99\"", Map.of()).then().statusCode(412);
        assertEquals(0, fixtures.disclosures(draft));
        assertEquals(1, fixtures.disclosures(closed));
        assertEquals(1, fixtures.disclosures(open));
    }

    // ---- revocation and expiry -------------------------------------------------------------------

    @Test
    void afterRevocationAnUpdateIsRefusedNamingTheGapAndNothingIsWritten() {
        UUID referral = sentWithTheParent(ReferralStatus.REQUESTED);
        fixtures.revoke(consent);
        String before = etag(referral);
        shareUpdate(referral, before, Map.of("note", "new phone")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:student-support:problem:consent-required"))
                .body("errors.pointer", hasItem("/consentId"))
                .body("errors.find { it.pointer == '/consentId' }.message", containsString("was revoked on " + today));
        assertEquals(1, fixtures.disclosures(referral));
        assertEquals(before, etag(referral));
    }

    @Test
    void anExpiredConsentStopsUpdatesAndFlagsTheReferralInTheFollowThroughList() {
        UUID referral = sentWithTheParent(ReferralStatus.REQUESTED);
        fixtures.expire(consent, today.minusDays(1));
        shareUpdate(referral, etag(referral), Map.of()).then().statusCode(422)
                .body("errors.find { it.pointer == '/consentId' }.message", containsString("expired on " + today.minusDays(1)));
        assertEquals(1, fixtures.disclosures(referral));
        given().queryParam("studentId", student).get("/api/v1/referrals").then().statusCode(200)
                .body("items.find { it.id == '" + referral + "' }.consentRevoked", equalTo(true))
                .body("items.find { it.id == '" + referral + "' }.consentRevokedOn", equalTo(today.toString()));
    }

    @Test
    void revocationIsShownOnTheSchoolSideAndReRoutingOrSendingAgainNeedsAnotherBasis() {
        UUID open = sentWithTheParent(ReferralStatus.REQUESTED);
        UUID rejected = sentWithTheParent(ReferralStatus.REQUESTED, ReferralStatus.REJECTED);
        fixtures.revoke(consent);
        given().get("/api/v1/referrals/" + open).then().statusCode(200)
                .body("consentRevoked", equalTo(true)).body("consentRevokedOn", equalTo(today.toString()));
        given().queryParam("studentId", student).get("/api/v1/referrals").then().statusCode(200)
                .body("items.find { it.id == '" + open + "' }.consentRevoked", equalTo(true))
                .body("items.find { it.id == '" + open + "' }.consentRevokedOn", equalTo(today.toString()));

        UUID other = fixtures.service(fixtures.organization("Life Tutoring"), "Life tutoring");
        long referralsBefore = fixtures.referralsOf(student);
        given().contentType(ContentType.JSON).header("If-Match", etag(rejected)).body(Map.of("serviceId", other.toString()))
                .post("/api/v1/referrals/" + rejected + "/reroute").then().statusCode(422)
                .body("type", equalTo("urn:student-support:problem:consent-required"))
                .body("errors.find { it.pointer == '/consentId' }.message", containsString("was revoked on " + today));
        assertEquals(referralsBefore, fixtures.referralsOf(student));
        given().get("/api/v1/referrals/" + rejected).then().body("reroutedToId", nullValue());

        UUID again = createDraft(student, draft(service, consent, SHARED));
        send(again, etag(again)).then().statusCode(422)
                .body("type", equalTo("urn:student-support:problem:consent-required"));
        assertEquals(0, fixtures.disclosures(again));
    }

    @Test
    @TestSecurity(user = "prov-life", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG))
    void afterRevocationTheProviderIsToldAndStillClosesTheLoop() {
        UUID referral = sentWithTheParent(ReferralStatus.REQUESTED);
        fixtures.revoke(consent);
        fixtures.changeLiveRecord(student, parent, "08", "+1 413 555 0999", "email");
        given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .body("consentRevoked", equalTo(true))
                .body("consentRevokedOn", equalTo(today.toString()))
                .body("consentNotice", containsString("withdrawn the consent"))
                .body("consentNotice", containsString("34 CFR 99.33"))
                .body("familyContacts[0].phone", equalTo("+1 413 555 0100"))
                .body("familyContacts[0].preferredContactMethod", nullValue());
        move(referral, providerEtag(referral), Map.of("to", "accepted")).then().statusCode(200).body("status", equalTo("accepted"));
        move(referral, providerEtag(referral), Map.of("to", "in-progress", "firstServiceOn", today.toString())).then()
                .statusCode(200).body("status", equalTo("in-progress"));
        move(referral, providerEtag(referral), Map.of("to", "completed", "reasonCode", "goals-met")).then()
                .statusCode(200).body("status", equalTo("completed")).body("consentRevoked", equalTo(true));
        assertEquals(List.of("requested:school", "accepted:provider", "in-progress:provider", "completed:provider"),
                fixtures.history(referral));
        assertEquals(1, fixtures.disclosures(referral), "status updates disclose nothing");
    }

    @Test
    @TestSecurity(user = "prov-life", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG))
    void theProviderQueueFiltersByStatus() {
        UUID requested = sentWithTheParent(ReferralStatus.REQUESTED);
        UUID accepted = sentWithTheParent(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED);
        List<String> onlyAccepted = given().queryParam("status", "accepted").queryParam("size", 200)
                .get("/api/v1/provider/referrals").then().statusCode(200).body("items.status", org.hamcrest.Matchers.everyItem(
                        equalTo("accepted"))).extract().jsonPath().getList("items.id", String.class);
        assertTrue(onlyAccepted.contains(accepted.toString()));
        assertFalse(onlyAccepted.contains(requested.toString()));
        List<String> both = given().queryParam("status", "accepted").queryParam("status", "requested").queryParam("size", 200)
                .get("/api/v1/provider/referrals").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertTrue(both.containsAll(List.of(accepted.toString(), requested.toString())));
        given().queryParam("status", "sent").get("/api/v1/provider/referrals").then().statusCode(400)
                .body("errors[0].parameter", containsString("status"));
    }

    // ---- the follow-through list -----------------------------------------------------------------

    @Test
    void theListAnswers404ForAStudentOutsideTheScopeAuditedAsDenied() throws SQLException {
        UUID elsewhere = fixtures.student(fixtures.school(DISTRICT, "sch-ref-life-other"), "Out", "Ofscope", today.minusYears(9));
        String requestId = "life-list-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).queryParam("studentId", elsewhere).get("/api/v1/referrals").then()
                .statusCode(404).body("type", equalTo("urn:student-support:problem:not-found"));
        assertEquals(List.of("denied", elsewhere.toString()), auditEvent(requestId));
    }

    @Test
    void theListShowsEveryStatusByDefaultAndFiltersByOneOrSeveralAndNamesTheStudentsInTheAudit() throws SQLException {
        UUID open = sentWithTheParent(ReferralStatus.REQUESTED);
        UUID completed = sentWithTheParent(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                ReferralStatus.COMPLETED);
        UUID draft = fixtures.referral(student, service, consent, SHARED);
        String requestId = "life-list-" + UUID.randomUUID();
        List<String> all = given().header("X-Request-Id", requestId).queryParam("studentId", student).get("/api/v1/referrals")
                .then().statusCode(200).body("totalItems", equalTo(3)).extract().jsonPath().getList("items.id", String.class);
        assertTrue(all.containsAll(List.of(open.toString(), completed.toString(), draft.toString())), all.toString());
        assertEquals(List.of("success", student.toString()), auditEvent(requestId));
        given().queryParam("studentId", student).queryParam("status", "completed").get("/api/v1/referrals").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(completed.toString()));
        given().queryParam("studentId", student).queryParam("status", "completed").queryParam("status", "draft")
                .get("/api/v1/referrals").then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(completed.toString(), draft.toString()));
        given().queryParam("status", "closed").get("/api/v1/referrals").then().statusCode(400);
    }

    private Map<String, Object> withParent(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put("familyContactIds", List.of(parent.toString()));
        return copy;
    }

    /** The outcome and the student ids of the audit event of a request. */
    private List<String> auditEvent(String requestId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT outcome, array_to_string(student_ids, ',') FROM audit_event WHERE request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                    found.add(rs.getString(2));
                }
                return found;
            }
        }
    }
}
