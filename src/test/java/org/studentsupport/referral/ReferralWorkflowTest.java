package org.studentsupport.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.studentsupport.referral.ReferralCalls.createDraft;
import static org.studentsupport.referral.ReferralCalls.draft;
import static org.studentsupport.referral.ReferralCalls.etag;
import static org.studentsupport.referral.ReferralCalls.move;
import static org.studentsupport.referral.ReferralCalls.send;

/** The workflow over HTTP, from the school's side and from the provider's. */
@QuarkusTest
@TestSecurity(user = "coord-flow", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ReferralWorkflowTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ReferralWorkflowTest.SCHOOL)})
class ReferralWorkflowTest {

    static final String DISTRICT = "dst-ref-flow";
    static final String SCHOOL = "sch-ref-flow";
    static final String PROVIDER = "7a1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5f01";
    static final List<String> SHARED = List.of("identity", "demographics");

    @Inject
    ReferralFixtures fixtures;

    UUID student;
    UUID service;
    UUID otherService;
    UUID consent;

    @BeforeEach
    void aStudentWithConsentAndAProvider() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        student = fixtures.student(school, "Sam", "Okafor", LocalDate.now().minusYears(10));
        UUID parent = fixtures.contact(student, "Grace", "Okafor", "guardian", true);
        UUID organization = fixtures.organization(UUID.fromString(PROVIDER), "Flow Counseling");
        service = fixtures.service(organization, "Family counseling");
        otherService = fixtures.service(fixtures.organization("Other Counseling"), "Youth counseling");
        consent = fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, LocalDate.now().minusDays(5),
                LocalDate.now().plusYears(1), null);
    }

    UUID requested() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        send(referral, etag(referral)).then().statusCode(200);
        return referral;
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheCurrentAndAllowedStatuses() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        move(referral, etag(referral), Map.of("to", "completed", "reasonCode", "goals-met")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:student-support:problem:illegal-transition"))
                .body("currentStatus", equalTo("draft"))
                .body("requestedStatus", equalTo("completed"))
                .body("allowedStatuses", equalTo(List.of("requested", "cancelled", "entered-in-error")))
                .body("detail", containsString("'draft'"));
        assertEquals(0, fixtures.transitions(referral));
    }

    @Test
    void theSchoolCannotMakeTheProvidersMoves() {
        UUID referral = requested();
        move(referral, etag(referral), Map.of("to", "accepted")).then().statusCode(409)
                .body("type", equalTo("urn:student-support:problem:illegal-transition"))
                .body("currentStatus", equalTo("requested"))
                .body("allowedStatuses", equalTo(List.of("cancelled")));
    }

    @Test
    void movesNeedIfMatchAndTheCurrentTag() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        given().contentType(ContentType.JSON).body(Map.of("to", "cancelled", "reasonText", "no longer needed"))
                .post("/api/v1/referrals/" + referral + "/transitions").then().statusCode(428);
        move(referral, "\"99\"", Map.of("to", "cancelled", "reasonText", "no longer needed")).then().statusCode(412);
        assertEquals(0, fixtures.transitions(referral));
    }

    @Test
    void cancellingNeedsAReasonAndKeepsIt() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        move(referral, etag(referral), Map.of("to", "cancelled")).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/reasonText"));
        move(referral, etag(referral), Map.of("to", "cancelled", "reasonText", "family moved", "note", "called twice"))
                .then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("statusReasonText", equalTo("family moved"))
                .body("allowedNextStatuses", hasSize(0))
                .body("followUpDue", equalTo(null))
                .body("history[0].note", equalTo("called twice"));
        move(referral, etag(referral), Map.of("to", "requested")).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/to"));
    }

    @Test
    @TestSecurity(user = "prov-flow", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = PROVIDER))
    void theProviderWalksTheReferralToCompletionAndEveryMoveIsKept() {
        UUID referral = fixtures.referral(student, service, consent, SHARED, ReferralStatus.REQUESTED);
        String tag = ReferralCalls.providerEtag(referral);
        tag = move(referral, tag, Map.of("to", "accepted")).then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("allowedNextStatuses", equalTo(List.of("in-progress", "on-hold", "failed")))
                .body("followUpDue", equalTo(LocalDate.now().plusDays(14).toString()))
                .extract().header("ETag");
        tag = move(referral, tag, Map.of("to", "in-progress")).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/firstServiceOn")).extract().header("ETag");
        tag = ReferralCalls.providerEtag(referral);
        tag = move(referral, tag, Map.of("to", "in-progress", "firstServiceOn", LocalDate.now().toString())).then()
                .statusCode(200).body("firstServiceOn", equalTo(LocalDate.now().toString())).extract().header("ETag");
        tag = move(referral, tag, Map.of("to", "on-hold", "reasonText", "waitlisted for group")).then().statusCode(200)
                .extract().header("ETag");
        tag = move(referral, tag, Map.of("to", "cancelled", "reasonText", "x")).then().statusCode(409)
                .body("allowedStatuses", equalTo(List.of("in-progress", "failed"))).extract().header("ETag");
        tag = ReferralCalls.providerEtag(referral);
        tag = move(referral, tag, Map.of("to", "in-progress", "firstServiceOn", LocalDate.now().toString())).then()
                .statusCode(200).extract().header("ETag");
        move(referral, tag, Map.of("to", "completed", "reasonCode", "goals-met")).then().statusCode(200)
                .body("status", equalTo("completed")).body("statusReasonCode", equalTo("goals-met"));
        assertEquals(6, fixtures.transitions(referral));
        assertEquals(List.of("requested:school", "accepted:provider", "in-progress:provider", "on-hold:provider",
                "in-progress:provider", "completed:provider"), fixtures.history(referral));
    }

    @Test
    @TestSecurity(user = "prov-flow", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = PROVIDER))
    void twoConcurrentMovesOneWinsTheOtherGets412() throws Exception {
        UUID referral = fixtures.referral(student, service, consent, SHARED, ReferralStatus.REQUESTED);
        String tag = ReferralCalls.providerEtag(referral);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("to", "accepted"),
                    Map.of("to", "rejected", "reasonCode", "no-capacity"))) {
                results.add(pool.submit(() -> {
                    start.await();
                    Response response = move(referral, tag, body);
                    return response.statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, fixtures.transitions(referral)); // requested + the one winning move
    }

    @Test
    @TestSecurity(user = "prov-flow", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = PROVIDER))
    void aRejectionNeedsAReasonCodeAndTextForOther() {
        UUID referral = fixtures.referral(student, service, consent, SHARED, ReferralStatus.REQUESTED);
        String tag = ReferralCalls.providerEtag(referral);
        move(referral, tag, Map.of("to", "rejected")).then().statusCode(422).body("errors[0].pointer", equalTo("/reasonCode"));
        move(referral, tag, Map.of("to", "rejected", "reasonCode", "other")).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/reasonText"));
        move(referral, tag, Map.of("to", "rejected", "reasonCode", "other", "reasonText", "age limit 8-12")).then()
                .statusCode(200).body("status", equalTo("rejected"));
    }

    @Test
    void aRejectedReferralIsReroutedToAnotherServiceLinkedBothWays() {
        UUID referral = fixtures.referral(student, service, consent, SHARED, ReferralStatus.REQUESTED, ReferralStatus.REJECTED);
        given().contentType(ContentType.JSON).header("If-Match", etag(referral)).body(Map.of("serviceId", service.toString()))
                .post("/api/v1/referrals/" + referral + "/reroute").then().statusCode(422);
        String newId = given().contentType(ContentType.JSON).header("If-Match", etag(referral))
                .body(Map.of("serviceId", otherService.toString()))
                .post("/api/v1/referrals/" + referral + "/reroute").then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("serviceId", equalTo(otherService.toString()))
                .body("reroutedFromId", equalTo(referral.toString()))
                .body("consentId", equalTo(consent.toString()))
                .body("reasonCodes", equalTo(List.of("anxiety")))
                .extract().path("id");
        given().get("/api/v1/referrals/" + referral).then().body("reroutedToId", equalTo(newId)).body("status", equalTo("rejected"));
        given().contentType(ContentType.JSON).header("If-Match", etag(referral)).body(Map.of("serviceId", otherService.toString()))
                .post("/api/v1/referrals/" + referral + "/reroute").then().statusCode(409);
        // the consent names every community provider, so the new draft can be sent as is
        send(UUID.fromString(newId), etag(UUID.fromString(newId))).then().statusCode(200).body("status", equalTo("requested"));
    }

    @Test
    void sendingNeedsNoNote() {
        UUID referral = createDraft(student, draft(service, consent, SHARED));
        given().contentType(ContentType.JSON).header("If-Match", etag(referral)).post("/api/v1/referrals/" + referral + "/send").then().statusCode(200)
                .body("status", equalTo("requested"));
        assertEquals(1, fixtures.disclosures(referral));
    }

    @Test
    void onlyARejectedReferralCanBeRerouted() {
        UUID referral = requested();
        given().contentType(ContentType.JSON).header("If-Match", etag(referral)).body(Map.of("serviceId", otherService.toString()))
                .post("/api/v1/referrals/" + referral + "/reroute").then().statusCode(409)
                .body("type", equalTo("urn:student-support:problem:conflict"))
                .body("currentStatus", equalTo("requested"));
    }

    @Test
    void theFollowThroughListPutsOverdueReferralsFirstThenTheRestClosedOnesIncluded() {
        UUID onTime = requested();
        UUID late = requested();
        fixtures.followUpDue(late, LocalDate.now().minusDays(3));
        UUID closed = createDraft(student, draft(service, consent, SHARED));
        move(closed, etag(closed), Map.of("to", "entered-in-error")).then().statusCode(200);
        List<String> ids = given().queryParam("studentId", student).get("/api/v1/referrals").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items[0].overdue", equalTo(true))
                .body("items[1].overdue", equalTo(false))
                .body("items[2].status", equalTo("entered-in-error"))
                .extract().jsonPath().getList("items.id", String.class);
        assertEquals(List.of(late.toString(), onTime.toString(), closed.toString()), ids);
        given().queryParam("studentId", student).queryParam("status", "requested").get("/api/v1/referrals").then()
                .body("items.id", equalTo(List.of(late.toString(), onTime.toString())));
    }

    @Test
    void theRequestedFollowUpIsFiveSchoolDaysLater() {
        UUID referral = requested();
        given().get("/api/v1/referrals/" + referral).then()
                .body("followUpDue", equalTo(FollowUp.plusSchoolDays(LocalDate.now(), 5).toString()));
        assertEquals(LocalDate.of(2026, 11, 27), FollowUp.plusSchoolDays(LocalDate.of(2026, 11, 20), 5)); // Fri → next Fri
    }
}
