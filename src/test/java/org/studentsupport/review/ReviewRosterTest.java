package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@TestSecurity(user = "coord-roster", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ReviewRosterTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ReviewRosterTest.SCHOOL)})
class ReviewRosterTest {

    static final String DISTRICT = "dst-rev-roster";
    static final String SCHOOL = "sch-rev-roster";
    static final String PROBLEM = "application/problem+json";

    @Inject
    ReviewFixtures fixtures;

    UUID school;
    UUID fall;
    UUID homeroom;
    UUID math;
    UUID springClass;
    UUID ada;
    UUID ben;
    UUID cal;
    UUID dee;

    /** Ada, Ben and Cal in homeroom 5A and math; Dee only in math; a spring class that is of no use in the fall. */
    @BeforeEach
    void aSchoolWithAHomeroomAndAScheduledClass() {
        school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-roster-2027");
        UUID fallTerm = fixtures.term(year, ReviewFixtures.unique("term-rev-roster-fall"));
        UUID springTerm = fixtures.springTerm(year, ReviewFixtures.unique("term-rev-roster-spring"));
        fall = fixtures.fall(year);
        String run = UUID.randomUUID().toString().substring(0, 6);
        homeroom = fixtures.homeroom(school, fallTerm, "Homeroom 5A " + run);
        math = fixtures.classSection(school, fallTerm, "Math 5 " + run);
        springClass = fixtures.classSection(school, springTerm, "Science 5 spring " + run);
        ada = fixtures.student(school, "05", "Able-" + run);
        ben = fixtures.student(school, "05", "Baker-" + run);
        cal = fixtures.student(school, "05", "Carter-" + run);
        dee = fixtures.student(school, "05", "Dixon-" + run);
        for (UUID s : List.of(ada, ben, cal)) {
            fixtures.enroll(homeroom, s, null, null);
            fixtures.enroll(math, s, null, null);
        }
        fixtures.enroll(math, dee, null, null);
        fixtures.enroll(springClass, ben, null, null);
    }

    private String roster() {
        return "/api/v1/review-periods/" + fall + "/schools/" + school + "/review-roster";
    }

    private String designation(UUID student) {
        return "/api/v1/review-periods/" + fall + "/students/" + student + "/reviewing-class";
    }

    /** The roster rows of this test's students (the school is shared by the tests of this class). */
    private List<Map<String, Object>> rows(String status) {
        var request = given().queryParam("size", 100);
        if (status != null) {
            request.queryParam("status", status);
        }
        List<Map<String, Object>> all = request.get(roster()).then().statusCode(200).extract().path("items");
        List<String> mine = List.of(ada.toString(), ben.toString(), cal.toString(), dee.toString());
        return all.stream().filter(r -> mine.contains(r.get("studentId"))).toList();
    }

    @Test
    void theRosterListsEveryStudentOnceWithTheHomeroomOrUnassigned() {
        List<Map<String, Object>> rows = rows(null);
        assertEquals(List.of(ada.toString(), ben.toString(), cal.toString(), dee.toString()), rows.stream().map(r -> r.get("studentId")).toList());
        assertEquals(homeroom.toString(), rows.get(0).get("reviewingClassId"));
        assertEquals("homeroom", rows.get(0).get("reviewingClassSource"));
        assertEquals("not-reviewed", rows.get(0).get("status"));
        assertNull(rows.get(3).get("reviewingClassId"));
        assertEquals("unassigned", rows.get(3).get("status"));
        assertEquals(List.of(dee.toString()), rows("unassigned").stream().map(r -> r.get("studentId")).toList());
        given().queryParam("status", "reviewed").get(roster()).then().statusCode(400);
    }

    @Test
    void theRosterShowsWhereEachStudentWasReviewedAlsoOutsideTheReviewingClass() {
        given().contentType(ContentType.JSON).body(Map.of("reviewedOn", "2026-10-05", "entries", List.of(
                        Map.of("studentId", ada.toString(), "tier", "1"))))
                .put("/api/v1/classes/" + homeroom + "/reviews/" + fall).then().statusCode(201);
        // Cal is saved in math although the homeroom is his reviewing class: allowed, and shown
        given().contentType(ContentType.JSON).body(Map.of("reviewedOn", "2026-10-05", "entries", List.of(
                        Map.of("studentId", cal.toString(), "tier", "2"), Map.of("studentId", dee.toString(), "tier", "3"))))
                .put("/api/v1/classes/" + math + "/reviews/" + fall).then().statusCode(201);

        List<Map<String, Object>> rows = rows(null);
        assertEquals("draft", rows.get(0).get("status"));
        assertEquals(homeroom.toString(), rows.get(0).get("reviewedInClassId"));
        assertEquals(false, rows.get(0).get("reviewedElsewhere"));
        assertEquals("1", rows.get(0).get("tier"));
        assertEquals("not-reviewed", rows.get(1).get("status"));
        assertEquals("draft", rows.get(2).get("status"));
        assertEquals(homeroom.toString(), rows.get(2).get("reviewingClassId"));
        assertEquals(math.toString(), rows.get(2).get("reviewedInClassId"));
        assertEquals(true, rows.get(2).get("reviewedElsewhere"));
        // Dee has no reviewing class but an entry: no longer unassigned
        assertEquals("draft", rows.get(3).get("status"));
        assertNull(rows.get(3).get("reviewingClassId"));
        assertEquals(false, rows.get(3).get("reviewedElsewhere"));
        assertEquals(List.of(ben.toString()), rows("not-reviewed").stream().map(r -> r.get("studentId")).toList());
    }

    @Test
    void aDesignatedClassReplacesTheHomeroomUntilTheDesignationIsRemoved() {
        given().contentType(ContentType.JSON).body(Map.of("classId", math.toString())).put(designation(ben)).then().statusCode(200)
                .body("classId", equalTo(math.toString()))
                .body("source", equalTo("designated"))
                .body("designatedBy", equalTo("coord-roster"));
        given().contentType(ContentType.JSON).body(Map.of("classId", math.toString())).put(designation(dee)).then().statusCode(200);
        assertEquals(math, fixtures.designation(fall, ben));

        List<Map<String, Object>> rows = rows(null);
        assertEquals(math.toString(), rows.get(1).get("reviewingClassId"));
        assertEquals("designated", rows.get(1).get("reviewingClassSource"));
        assertEquals("not-reviewed", rows.get(3).get("status"));
        assertEquals("designated", rows.get(3).get("reviewingClassSource"));
        // the class's progress row counts the students it now reviews
        List<Map<String, Object>> classes = given().queryParam("size", 100)
                .get("/api/v1/review-periods/" + fall + "/schools/" + school + "/classes").then().statusCode(200).extract().path("items");
        assertEquals(2, classes.stream().filter(c -> math.toString().equals(c.get("classId"))).findFirst().orElseThrow().get("rosterStudents"));
        assertEquals(2, classes.stream().filter(c -> homeroom.toString().equals(c.get("classId"))).findFirst().orElseThrow().get("rosterStudents"));

        given().delete(designation(ben)).then().statusCode(204);
        assertNull(fixtures.designation(fall, ben));
        assertEquals("homeroom", rows(null).get(1).get("reviewingClassSource"));
        given().delete(designation(ben)).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aDesignationOfAClassOfAnotherTermOrNotAttendedIsRefusedAndNothingIsWritten() {
        given().contentType(ContentType.JSON).body(Map.of("classId", springClass.toString())).put(designation(ben))
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/classId"))
                .body("errors[0].message", containsString("own term"));
        given().contentType(ContentType.JSON).body(Map.of("classId", homeroom.toString())).put(designation(dee))
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/classId"))
                .body("errors[0].message", containsString("not enrolled"));
        given().contentType(ContentType.JSON).body(Map.of("classId", UUID.randomUUID().toString())).put(designation(dee))
                .then().statusCode(422).body("errors[0].pointer", equalTo("/classId"));
        given().contentType(ContentType.JSON).body(Map.of()).put(designation(dee)).then().statusCode(400);
        assertNull(fixtures.designation(fall, ben));
        assertNull(fixtures.designation(fall, dee));
        assertEquals("homeroom", rows(null).get(1).get("reviewingClassSource"));
    }

    @Test
    void aStudentOfAnotherSchoolCannotBeDesignated() {
        UUID other = fixtures.school(DISTRICT, "sch-rev-roster-other");
        UUID stranger = fixtures.student(other, "05");
        given().contentType(ContentType.JSON).body(Map.of("classId", math.toString())).put(designation(stranger))
                .then().statusCode(404).contentType(PROBLEM);
        assertNull(fixtures.designation(fall, stranger));
        given().get("/api/v1/review-periods/" + fall + "/schools/" + other + "/review-roster").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "super-roster", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorReadsTheRosterButCannotDesignate() {
        assertEquals(4, rows(null).size());
        given().contentType(ContentType.JSON).body(Map.of("classId", math.toString())).put(designation(ben)).then().statusCode(403);
        assertNull(fixtures.designation(fall, ben));
    }

    @Test
    @TestSecurity(user = "admin-roster", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void anAdministratorDesignatesButDoesNotReadTheRoster() {
        given().contentType(ContentType.JSON).body(Map.of("classId", math.toString())).put(designation(cal)).then().statusCode(200)
                .body("designatedBy", equalTo("admin-roster"));
        assertEquals(math, fixtures.designation(fall, cal));
        given().get(roster()).then().statusCode(403);
    }

    @Test
    void theRosterOfAPeriodOfAnotherDistrictIsNotFound() {
        UUID year = fixtures.schoolYear("dst-rev-roster-elsewhere", "yr-rev-roster-elsewhere");
        UUID foreign = fixtures.fall(year);
        given().get("/api/v1/review-periods/" + foreign + "/schools/" + school + "/review-roster").then().statusCode(404)
                .body("status", equalTo(404));
    }
}
