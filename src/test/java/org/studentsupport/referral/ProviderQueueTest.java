package org.studentsupport.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.studentsupport.referral.ReferralCalls.move;

/** Providers see only what was sent to their own organization, and only the minimum necessary. */
@QuarkusTest
@TestSecurity(user = "prov-a", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ProviderQueueTest.ORG_A))
class ProviderQueueTest {

    static final String ORG_A = "7a1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5a0a";
    static final String ORG_B = "7a1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b0b";

    @Inject
    ReferralFixtures fixtures;

    UUID student;
    UUID parent;
    UUID serviceA;
    UUID serviceB;
    UUID consent;

    @BeforeEach
    void referralsToTwoProviders() {
        UUID school = fixtures.school("dst-ref-queue", "sch-ref-queue");
        student = fixtures.student(school, "Jamal", "Washington", LocalDate.now().minusYears(13).minusDays(10));
        parent = fixtures.contact(student, "Denise", "Carter", "parent", true);
        serviceA = fixtures.service(fixtures.organization(UUID.fromString(ORG_A), "Provider A"), "A mentoring");
        serviceB = fixtures.service(fixtures.organization(UUID.fromString(ORG_B), "Provider B"), "B mentoring");
        consent = fixtures.consent(student, parent, null, List.of("mentoring"), List.of("identity", "demographics", "contact"),
                LocalDate.now().minusDays(3), LocalDate.now().plusYears(1), null);
    }

    private UUID sentTo(UUID service, List<String> shared) {
        return fixtures.referral(student, service, consent, shared, List.of(parent), ReferralStatus.REQUESTED);
    }

    @Test
    void theProviderSeesOnlyTheMinimumNecessaryAndTheRedisclosureNotice() {
        UUID referral = sentTo(serviceA, List.of("identity", "demographics", "contact"));
        String body = given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .body("studentFirstName", equalTo("Jamal"))
                .body("studentLastInitial", equalTo("W"))
                .body("grade", equalTo("07"))
                .body("language", equalTo("es"))
                .body("age", equalTo(13))
                .body("sharedNotes", equalTo("Shared: likes drawing"))
                .body("familyContacts", hasSize(1))
                .body("familyContacts[0].givenName", equalTo("Denise"))
                .body("familyContacts[0].phone", equalTo("+1 413 555 0100"))
                .body("redisclosureNotice", containsString("99.33"))
                .body("allowedNextStatuses", equalTo(List.of("accepted", "rejected")))
                .body("internalNotes", nullValue())
                .body("reasonText", nullValue())
                .body("acceptedAt", nullValue())
                .body("closedAt", nullValue())
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("INTERNAL"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("Washington"), "no family name of the student");
    }

    @Test
    void withoutTheContactCategoryTheFamilysDetailsStayAtSchool() {
        UUID referral = sentTo(serviceA, List.of("identity"));
        given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .body("familyContacts", hasSize(0)).body("grade", nullValue()).body("age", nullValue());
    }

    @Test
    void theQueueListsOnlyReferralsSentToTheProvidersOrganization() {
        UUID mine = sentTo(serviceA, List.of("identity"));
        UUID theirs = sentTo(serviceB, List.of("identity"));
        UUID draft = fixtures.referral(student, serviceA, consent, List.of("identity"));
        List<String> ids = given().queryParam("size", 200).get("/api/v1/provider/referrals").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains(mine.toString()));
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(theirs.toString()));
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(draft.toString()));
        given().get("/api/v1/provider/referrals").then().body("items.internalNotes", not(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.notNullValue())));
    }

    @Test
    @TestSecurity(user = "prov-b", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG_B))
    void providerBGets404ForProviderAsReferralAndCannotMoveIt() {
        UUID referral = sentTo(serviceA, List.of("identity"));
        given().get("/api/v1/provider/referrals/" + referral).then().statusCode(404)
                .body("type", equalTo("urn:student-support:problem:not-found"));
        move(referral, "\"1\"", Map.of("to", "accepted")).then().statusCode(404);
        given().get("/api/v1/referrals/" + referral + "/fhir").then().statusCode(404);
        assertEquals(1, fixtures.transitions(referral));
    }

    @Test
    void aDraftHasNotLeftTheSchoolSoTheProviderCannotSeeIt() {
        UUID draft = fixtures.referral(student, serviceA, consent, List.of("identity"));
        given().get("/api/v1/provider/referrals/" + draft).then().statusCode(404);
    }

    @Test
    void providersCannotUseTheSchoolsEndpoints() {
        UUID referral = sentTo(serviceA, List.of("identity"));
        given().get("/api/v1/referrals/" + referral).then().statusCode(403);
        given().get("/api/v1/referrals").then().statusCode(403);
        given().get("/api/v1/students/" + student + "/disclosures").then().statusCode(403);
    }

    @Test
    void theProviderSeesWhenItAcceptedAndWhenTheReferralClosed() {
        UUID referral = sentTo(serviceA, List.of("identity"));
        move(referral, ReferralCalls.providerEtag(referral), Map.of("to", "accepted")).then().statusCode(200);
        String accepted = given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .body("acceptedAt", org.hamcrest.Matchers.notNullValue()).body("closedAt", nullValue())
                .extract().path("acceptedAt");
        move(referral, ReferralCalls.providerEtag(referral), Map.of("to", "failed", "reasonCode", "unable-to-contact"))
                .then().statusCode(200);
        given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("acceptedAt", equalTo(accepted))
                .body("closedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theProviderCannotCancelOnlyTheSchoolCan() {
        UUID referral = sentTo(serviceA, List.of("identity"));
        move(referral, ReferralCalls.providerEtag(referral), Map.of("to", "cancelled", "reasonText", "no")).then().statusCode(409)
                .body("currentStatus", equalTo("requested"))
                .body("allowedStatuses", equalTo(List.of("accepted", "rejected")));
    }

    @Test
    void theProviderGetsTheReferralAsFhirTaskAndServiceRequestWithoutInternalNotes() {
        UUID referral = sentTo(serviceA, List.of("identity"));
        String body = given().get("/api/v1/referrals/" + referral + "/fhir").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("collection"))
                .body("entry.resource.resourceType", equalTo(List.of("Task", "ServiceRequest", "Patient", "Organization",
                        "Organization", "Consent")))
                .body("entry[0].resource.status", equalTo("requested"))
                .body("entry[0].resource.intent", equalTo("order"))
                .body("entry[0].resource.focus.reference", equalTo("ServiceRequest/" + referral))
                .body("entry[0].resource.for.reference", not(equalTo("Patient/" + student)))
                .body("entry[0].resource.owner.reference", equalTo("Organization/" + ORG_A))
                .body("entry[1].fullUrl", org.hamcrest.Matchers.endsWith("/fhir/ServiceRequest/" + referral))
                .body("entry[1].resource.resourceType", equalTo("ServiceRequest"))
                .body("entry[1].resource.status", equalTo("active"))
                .body("entry[1].resource.note[0].text", equalTo("Shared: likes drawing"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("INTERNAL"));
        org.junit.jupiter.api.Assertions.assertFalse(body.contains(student.toString()), "no internal student id");
        org.studentsupport.fhir.FhirValidation.assertValid(body);
    }
}
