package org.studentsupport.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.studentsupport.referral.ReferralCalls.createDraft;
import static org.studentsupport.referral.ReferralCalls.draft;
import static org.studentsupport.referral.ReferralCalls.etag;
import static org.studentsupport.referral.ReferralCalls.send;

@QuarkusTest
@TestSecurity(user = "coord-gate", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ConsentGateTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ConsentGateTest.SCHOOL)})
class ConsentGateTest {

    static final String DISTRICT = "dst-ref-gate";
    static final String SCHOOL = "sch-ref-gate";
    static final List<String> SHARED = List.of("identity", "demographics", "contact");

    @Inject
    ReferralFixtures fixtures;

    UUID student;
    UUID parent;
    UUID organization;
    UUID service;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aStudentAParentAndAProvider() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        student = fixtures.student(school, "Maria", "Lopez", today.minusYears(12));
        parent = fixtures.contact(student, "Ana", "Lopez", "parent", true);
        organization = fixtures.organization("Gate Mentoring");
        service = fixtures.service(organization, "Gate mentoring program");
    }

    private UUID consent(UUID org, List<String> purposes, List<String> categories, LocalDate expires, LocalDate revoked) {
        return fixtures.consent(student, parent, org, purposes, categories, today.minusDays(30), expires, revoked);
    }

    private UUID goodConsent() {
        return consent(organization, List.of("mentoring"), List.of("identity", "demographics", "contact", "review-needs"),
                today.plusYears(1), null);
    }

    @Test
    void aDraftDisclosesNothing() {
        UUID referral = createDraft(student, draft(service, goodConsent(), SHARED));
        assertEquals(0, fixtures.disclosures(referral));
        given().get("/api/v1/students/" + student + "/disclosures").then().statusCode(200)
                .body("disclosures.totalItems", equalTo(0));
    }

    @Test
    void sendingWithACoveringConsentWritesExactlyOneDisclosureEntry() {
        UUID consent = goodConsent();
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        send(referral, etag(referral)).then().statusCode(200)
                .body("status", equalTo("requested"))
                .body("requestedAt", org.hamcrest.Matchers.notNullValue())
                .body("history", hasSize(1))
                .body("history[0].from", equalTo("draft")).body("history[0].to", equalTo("requested"))
                .body("history[0].actor", equalTo("coord-gate"));
        assertEquals(1, fixtures.disclosures(referral));
        given().get("/api/v1/students/" + student + "/disclosures").then().statusCode(200)
                .body("studentName", equalTo("Maria Lopez"))
                .body("explanation", containsString("99.32"))
                .body("disclosures.totalItems", equalTo(1))
                .body("disclosures.items[0].partyOrganizationId", equalTo(organization.toString()))
                .body("disclosures.items[0].partyName", equalTo("Gate Mentoring"))
                .body("disclosures.items[0].legitimateInterest", equalTo("mentoring"))
                .body("disclosures.items[0].dataCategories", equalTo(SHARED))
                .body("disclosures.items[0].basis", equalTo("consent"))
                .body("disclosures.items[0].consentId", equalTo(consent.toString()))
                .body("disclosures.items[0].threat", nullValue())
                .body("disclosures.items[0].official", equalTo("coord-gate"))
                .body("disclosures.items[0].referralId", equalTo(referral.toString()));
    }

    @Test
    void theDisclosureRecordCannotBeChangedByTheApplication() {
        UUID referral = createDraft(student, draft(service, goodConsent(), SHARED));
        send(referral, etag(referral)).then().statusCode(200);
        PersistenceException refused = assertThrows(PersistenceException.class, () -> fixtures.tamperWithDisclosure(referral));
        assertEquals("42501", sqlState(refused), "permission denied for the application's role");
        given().get("/api/v1/students/" + student + "/disclosures").then()
                .body("disclosures.items[0].partyName", equalTo("Gate Mentoring"));
    }

    @Test
    void sendingWithoutConsentIsRefusedAndNamesWhatIsMissing() {
        UUID referral = createDraft(student, draft(service, null, SHARED));
        refused(referral, "/consentId", "no consent is named");
    }

    @Test
    void anExpiredConsentDoesNotCover() {
        UUID consent = consent(organization, List.of("mentoring"), SHARED, today.minusDays(1), null);
        refused(createDraft(student, draft(service, consent, SHARED)), "/consentId", "expired on " + today.minusDays(1));
    }

    @Test
    void aRevokedConsentDoesNotCover() {
        UUID consent = consent(organization, List.of("mentoring"), SHARED, today.plusYears(1), today.minusDays(2));
        refused(createDraft(student, draft(service, consent, SHARED)), "/consentId", "was revoked on " + today.minusDays(2));
    }

    @Test
    void aConsentForAnotherOrganizationDoesNotCover() {
        UUID other = fixtures.organization("Someone Else");
        UUID consent = consent(other, List.of("mentoring"), SHARED, today.plusYears(1), null);
        refused(createDraft(student, draft(service, consent, SHARED)), "/consentId", "does not name organization " + organization);
    }

    @Test
    void aConsentForAnotherPurposeDoesNotCover() {
        UUID consent = consent(organization, List.of("tutoring"), SHARED, today.plusYears(1), null);
        refused(createDraft(student, draft(service, consent, SHARED)), "/purpose", "does not cover the purpose 'mentoring'");
    }

    @Test
    void aConsentMissingADataCategoryDoesNotCover() {
        UUID consent = consent(organization, List.of("mentoring"), List.of("identity", "demographics"), today.plusYears(1), null);
        refused(createDraft(student, draft(service, consent, SHARED)), "/sharedCategories", "[contact]");
    }

    @Test
    void aConsentToAClassOfPartiesCoversAnyDirectoryProvider() {
        UUID consent = consent(null, List.of("mentoring"), SHARED, today.plusYears(1), null);
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        send(referral, etag(referral)).then().statusCode(200).body("status", equalTo("requested"));
        assertEquals(1, fixtures.disclosures(referral));
    }

    @Test
    void theEmergencyExceptionDisclosesWithoutConsentAndRecordsTheThreat() {
        Map<String, Object> body = new HashMap<>(draft(service, null, SHARED));
        body.put("emergency", Map.of("threat", "Student described a specific plan to harm himself tonight",
                "partiesInformed", "mother; school nurse; crisis team"));
        UUID referral = createDraft(student, body);
        send(referral, etag(referral)).then().statusCode(200).body("status", equalTo("requested"))
                .body("emergency.threat", containsString("specific plan"));
        assertEquals(1, fixtures.disclosures(referral));
        given().get("/api/v1/students/" + student + "/disclosures").then()
                .body("disclosures.items[0].basis", equalTo("health-or-safety-emergency"))
                .body("disclosures.items[0].consentId", nullValue())
                .body("disclosures.items[0].threat", containsString("specific plan"))
                .body("disclosures.items[0].partiesInformed", equalTo("mother; school nurse; crisis team"));
    }

    @Test
    void anEmergencyWithoutTheThreatIsInvalid() {
        Map<String, Object> body = new HashMap<>(draft(service, null, SHARED));
        body.put("emergency", Map.of("partiesInformed", "mother"));
        ReferralCalls.create(student, body).then().statusCode(400)
                .body("errors.pointer", hasItem("/emergency/threat"));
        assertEquals(0, fixtures.referralsOf(student));
    }

    @Test
    void revokingAConsentFlagsTheOpenReferralsRelyingOnIt() {
        UUID consent = goodConsent();
        UUID sent = createDraft(student, draft(service, consent, SHARED));
        send(sent, etag(sent)).then().statusCode(200);
        String consentTag = given().get("/api/v1/consents/" + consent).then().statusCode(200)
                .body("state", equalTo("in-force"))
                .body("openReferralIds", hasItem(sent.toString())).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", consentTag).body(Map.of("note", "Mother phoned"))
                .post("/api/v1/consents/" + consent + "/revocation").then().statusCode(200)
                .body("state", equalTo("revoked"))
                .body("revokedBy", equalTo("coord-gate"))
                .body("openReferralIds", equalTo(List.of(sent.toString())));
        given().get("/api/v1/referrals/" + sent).then().body("consentRevoked", equalTo(true));
        given().get("/api/v1/referrals").then().statusCode(200)
                .body("items.find { it.id == '" + sent + "' }.consentRevoked", equalTo(true));
        // the past disclosure stays; a new referral on the revoked consent cannot be sent
        assertEquals(1, fixtures.disclosures(sent));
        refused(createDraft(student, draft(service, consent, SHARED)), "/consentId", "was revoked on " + today);
    }

    @Test
    void aConsentIsRecordedWithItsSignerMethodCategoriesPurposeRecipientAndExpiry() {
        Map<String, Object> body = consentBody();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/students/" + student + "/consents").then()
                .statusCode(201)
                .body("signerContactId", equalTo(parent.toString()))
                .body("signerName", equalTo("Ana Lopez"))
                .body("method", equalTo("electronic"))
                .body("dataCategories", equalTo(List.of("identity", "contact")))
                .body("purposes", equalTo(List.of("mentoring")))
                .body("recipientOrganizationId", equalTo(organization.toString()))
                .body("state", equalTo("in-force"));
        given().contentType(ContentType.JSON).queryParam("studentId", student).queryParam("serviceId", service)
                .get("/api/v1/referral-form").then().statusCode(200)
                .body("consents", hasSize(1))
                .body("familyContacts[0].name", equalTo("Ana Lopez"))
                .body("urgencyLevels.code", equalTo(List.of("routine", "soon", "urgent")));
    }

    @Test
    void onlyAContactAllowedToSignMaySign() {
        UUID aunt = fixtures.contact(student, "Rosa", "Diaz", "relative", false);
        Map<String, Object> body = consentBody();
        body.put("signerContactId", aunt.toString());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/students/" + student + "/consents").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/signerContactId"))
                .body("errors[0].message", containsString("may not sign"));
    }

    @Test
    void aStudentSignsOnlyAt18OrOlder() {
        Map<String, Object> body = consentBody();
        body.remove("signerContactId");
        body.put("signedByStudent", true);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/students/" + student + "/consents").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/signedByStudent"));
        UUID adult = fixtures.student(fixtures.school(DISTRICT, SCHOOL), "Leo", "Grant", today.minusYears(18).minusDays(3));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/students/" + adult + "/consents").then()
                .statusCode(201).body("signedByStudent", equalTo(true)).body("signerName", equalTo("Leo Grant"));
    }

    @Test
    void unknownDataCategoriesAreRejectedByPointer() {
        Map<String, Object> body = consentBody();
        body.put("dataCategories", List.of("identity", "everything"));
        body.put("purposes", List.of("mentoring", "anything"));
        // the same vocabulary error a referral draft gets: a broken rule (422), by pointer
        given().contentType(ContentType.JSON).body(body).post("/api/v1/students/" + student + "/consents").then()
                .statusCode(422).body("type", equalTo("urn:student-support:problem:unprocessable"))
                .body("errors.pointer", equalTo(List.of("/dataCategories/1", "/purposes/1")));
        Map<String, Object> referral = new HashMap<>(draft(service, null, List.of("identity", "everything")));
        ReferralCalls.create(student, referral).then().statusCode(422)
                .body("type", equalTo("urn:student-support:problem:unprocessable"))
                .body("errors.pointer", hasItem("/sharedCategories/1"));
    }

    private Map<String, Object> consentBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("signerContactId", parent.toString());
        body.put("signedOn", today.minusDays(1).toString());
        body.put("method", "electronic");
        body.put("electronicSignerIdentity", "signed in the family portal, account verified by SMS code");
        body.put("dataCategories", List.of("identity", "contact"));
        body.put("purposes", List.of("mentoring"));
        body.put("recipientOrganizationId", organization.toString());
        body.put("expiresOn", today.plusYears(1).toString());
        return body;
    }

    private void refused(UUID referral, String pointer, String message) {
        String before = etag(referral);
        send(referral, before).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:student-support:problem:consent-required"))
                .body("errors.pointer", hasItem(pointer))
                .body("errors.find { it.pointer == '" + pointer + "' }.message", containsString(message));
        assertEquals(0, fixtures.disclosures(referral));
        given().get("/api/v1/referrals/" + referral).then().body("status", equalTo("draft")).body("history", hasSize(0));
        assertEquals(before, etag(referral));
    }

    /** The SQLSTATE of the first SQL exception in the chain. */
    static String sqlState(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
