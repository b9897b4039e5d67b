package org.studentsupport.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.audit.AuditEvent;
import org.studentsupport.review.ReviewFixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestSecurity(user = "coord-isr", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = IndividualReviewTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = IndividualReviewTest.SCHOOL)})
class IndividualReviewTest {

    static final String DISTRICT = "dst-plan-isr";
    static final String SCHOOL = "sch-plan-isr";

    @Inject
    ReviewFixtures fixtures;

    @Inject
    IndividualReviewService service;

    UUID studentId;
    UUID serviceId;

    @BeforeEach
    void aStudentAndADirectoryService() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        studentId = fixtures.student(school, "06");
        serviceId = fixtures.directoryService("Youth mentoring");
    }

    private Map<String, Object> plan(UUID service) {
        return Map.of(
                "concerns", "Frequent absences since October; withdrawn in class",
                "team", List.of(Map.of("role", "coordinator"), Map.of("role", "teacher"),
                        Map.of("role", "family", "name", "Ms. Rivera (grandmother)", "outside", true)),
                "goals", List.of(Map.of("text", "Attend at least 4 days a week", "targetDate", "2027-01-31"),
                        Map.of("text", "Join one after-school activity", "targetDate", "2026-12-15")),
                "supports", List.of(Map.of("category", "early-intervention", "description", "Weekly mentoring",
                                "serviceId", service.toString()),
                        Map.of("category", "prevention-enrichment", "description", "After-school art club")));
    }

    private String open() {
        return given().contentType(ContentType.JSON).body(plan(serviceId))
                .post("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(201).extract().header("ETag");
    }

    @Test
    void aCoordinatorOpensAnIndividualReviewWithItsPlan() {
        given().contentType(ContentType.JSON).body(plan(serviceId))
                .post("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(201)
                .header("Location", containsString("/api/v1/individual-reviews/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("open"))
                .body("studentId", equalTo(studentId.toString()))
                .body("openedBy", equalTo("coord-isr"))
                .body("team", hasSize(3))
                .body("team[2].role", equalTo("family")).body("team[2].name", equalTo("Ms. Rivera (grandmother)"))
                .body("team[2].outside", equalTo(true))
                .body("goals", hasSize(2))
                .body("goals[0].status", equalTo("open"))
                .body("goals[0].targetDate", equalTo("2027-01-31"))
                .body("supports[0].category", equalTo("early-intervention"))
                .body("supports[0].serviceId", equalTo(serviceId.toString()))
                .body("supports[0].referralId", nullValue())
                .body("supports[1].serviceId", nullValue());
        given().get("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].goals", equalTo(2)).body("items[0].supports", equalTo(2));
    }

    @Test
    void aStudentHasAtMostOneOpenPlan() {
        open();
        given().contentType(ContentType.JSON).body(plan(serviceId))
                .post("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(409);
        assertEquals(1, fixtures.individualReviews(studentId));
    }

    @Test
    void anUnknownDirectoryServiceIsRejectedAndNothingIsWritten() {
        given().contentType(ContentType.JSON).body(plan(UUID.randomUUID()))
                .post("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/supports/0/serviceId"));
        given().contentType(ContentType.JSON).body(Map.of("concerns", "x", "supports", List.of(Map.of("category", "crisis", "description", "x"))))
                .post("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/supports/0/category"));
        assertEquals(0, fixtures.individualReviews(studentId));
    }

    @Test
    void goalsGetDatedProgressNotesAndStatusesUnderIfMatch() {
        String etag = open();
        String path = given().get("/api/v1/students/" + studentId + "/individual-reviews").then().extract().path("items[0].id");
        String base = "/api/v1/individual-reviews/" + path;
        String goalId = given().get(base).then().statusCode(200).header("ETag", equalTo(etag)).extract().path("goals[0].id");
        String afterNote = given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("notedOn", "2026-11-20", "text", "Attended 3 of 5 days this week"))
                .post(base + "/goals/" + goalId + "/progress-notes").then().statusCode(200)
                .body("goals[0].progressNotes", hasSize(1))
                .body("goals[0].progressNotes[0].notedOn", equalTo("2026-11-20"))
                .body("goals[0].progressNotes[0].author", equalTo("coord-isr"))
                .extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("text", "Attend at least 4 days a week", "status", "met"))
                .put(base + "/goals/" + goalId).then().statusCode(412);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Attend at least 4 days a week", "status", "met"))
                .put(base + "/goals/" + goalId).then().statusCode(428);
        String afterGoal = given().contentType(ContentType.JSON).header("If-Match", afterNote)
                .body(Map.of("text", "Attend at least 4 days a week", "targetDate", "2027-01-31", "status", "met"))
                .put(base + "/goals/" + goalId).then().statusCode(200)
                .body("goals[0].status", equalTo("met"))
                .body("goals[0].progressNotes", hasSize(1))
                .extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", afterGoal)
                .body(Map.of("text", "Read with a buddy twice a week", "targetDate", "2027-03-01"))
                .post(base + "/goals").then().statusCode(200).body("goals", hasSize(3)).body("goals[2].status", equalTo("open"));
    }

    @Test
    void aClosedPlanIsReadOnlyAndANewOneMayBeOpened() {
        String etag = open();
        String id = given().get("/api/v1/students/" + studentId + "/individual-reviews").then().extract().path("items[0].id");
        String base = "/api/v1/individual-reviews/" + id;
        String closed = given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("note", "Goals met"))
                .post(base + "/close").then().statusCode(200)
                .body("status", equalTo("closed")).body("closedBy", equalTo("coord-isr")).body("closingNote", equalTo("Goals met"))
                .extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", closed)
                .body(Map.of("category", "intensive", "description", "Counseling"))
                .post(base + "/supports").then().statusCode(409);
        open();
        assertEquals(2, fixtures.individualReviews(studentId));
    }

    @Test
    void aPlannedSupportIsLinkedToTheReferralItBecame() {
        open();
        String id = given().get("/api/v1/students/" + studentId + "/individual-reviews").then().extract().path("items[0].id");
        String supportId = given().get("/api/v1/individual-reviews/" + id).then().extract().path("supports[0].id");
        UUID referral = UUID.randomUUID();
        service.linkReferral(UUID.fromString(supportId), referral);
        given().get("/api/v1/individual-reviews/" + id).then().body("supports[0].referralId", equalTo(referral.toString()));
    }

    @Test
    void aStudentOfAnotherSchoolIsNotFound() {
        UUID other = fixtures.school(DISTRICT, "sch-plan-isr-other");
        UUID stranger = fixtures.student(other, "06");
        given().contentType(ContentType.JSON).body(plan(serviceId))
                .post("/api/v1/students/" + stranger + "/individual-reviews").then().statusCode(404);
        given().get("/api/v1/students/" + stranger + "/individual-reviews").then().statusCode(404);
        assertEquals(0, fixtures.individualReviews(stranger));
    }

    @Test
    void aPlanOfAnotherSchoolIsNotFoundAndTheRefusalIsAuditedAsDenied() {
        UUID other = fixtures.school(DISTRICT, "sch-plan-isr-other");
        UUID stranger = fixtures.student(other, "06");
        UUID plan = fixtures.individualReview(stranger);
        String refused = "isr-other-" + UUID.randomUUID();
        given().header("X-Request-Id", refused).get("/api/v1/individual-reviews/" + plan).then().statusCode(404)
                .body("detail", equalTo("Individual review " + plan + " was not found"));
        AuditEvent event = fixtures.auditEvent(refused);
        assertEquals("denied", event.outcome);
        assertEquals(404, event.httpStatus);
        assertEquals("individual-review", event.objectType);
        assertEquals(plan.toString(), event.objectId);
        assertArrayEquals(new UUID[0], event.studentIds, "the refused caller's event names no student of the other school");

        UUID unknown = UUID.randomUUID();
        String missing = "isr-unknown-" + UUID.randomUUID();
        given().header("X-Request-Id", missing).get("/api/v1/individual-reviews/" + unknown).then().statusCode(404);
        assertEquals("error", fixtures.auditEvent(missing).outcome);
    }

    @Test
    @TestSecurity(user = "super-isr", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorReadsButCannotOpenPlans() {
        given().contentType(ContentType.JSON).body(plan(serviceId))
                .post("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(403);
        given().get("/api/v1/students/" + studentId + "/individual-reviews").then().statusCode(200).body("totalItems", equalTo(0));
    }
}
