package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestSecurity(user = "coord-progress", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ReviewProgressTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ReviewProgressTest.SCHOOL)})
class ReviewProgressTest {

    static final String DISTRICT = "dst-rev-progress";
    static final String SCHOOL = "sch-rev-progress";

    @Inject
    ReviewFixtures fixtures;

    @Test
    void progressCountsTheReviewingClassesOfTheRosterAndTheShareOfItsStudentsReviewed() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-progress-2027");
        UUID term = fixtures.term(year, "term-rev-progress-fall");
        UUID period = fixtures.fall(year);
        UUID lastYear = fixtures.schoolYear(DISTRICT, "yr-rev-progress-old");

        UUID finalClass = fixtures.homeroom(school, term, "A final");
        List<UUID> reviewed = fixtures.enrolledStudents(finalClass, school, "03", 3);
        fixtures.finalReview(finalClass, period, reviewed, List.of("1", "2", "1"), null, null, null);

        UUID draftClass = fixtures.homeroom(school, term, "B draft");
        List<UUID> drafted = fixtures.enrolledStudents(draftClass, school, "03", 2);
        given().contentType(ContentType.JSON).body(Map.of("entries", List.of(
                        ClassReviewTest.entry(drafted.get(0), "1", null), ClassReviewTest.entry(drafted.get(1), "2", null))))
                .put("/api/v1/classes/" + draftClass + "/reviews/" + period).then().statusCode(201);

        UUID openClass = fixtures.homeroom(school, year, "C not started");
        fixtures.enrolledStudents(openClass, school, "03", 2);
        UUID gone = fixtures.student(school, "03");
        fixtures.enroll(openClass, gone, LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 31));

        // a scheduled class is nobody's reviewing class: not counted; its students count once
        UUID math = fixtures.classSection(school, term, "D math");
        fixtures.enroll(math, reviewed.get(0), null, null);
        UUID unassigned = fixtures.student(school, "03");
        fixtures.enroll(math, unassigned, null, null);

        UUID oldClass = fixtures.homeroom(school, lastYear, "Z last year");
        fixtures.enrolledStudents(oldClass, school, "03", 4);

        String base = "/api/v1/review-periods/" + period + "/schools/" + school;
        given().get(base + "/progress").then().statusCode(200)
                .body("classes", equalTo(3))
                .body("classesNotStarted", equalTo(1))
                .body("classesDraft", equalTo(1))
                .body("classesFinal", equalTo(1))
                .body("studentsEnrolled", equalTo(8))
                .body("studentsReviewed", equalTo(3))
                .body("studentsUnassigned", equalTo(1))
                .body("reviewedShare", equalTo(0.375f));
        given().get(base + "/classes").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.title", equalTo(List.of("A final", "B draft", "C not started")))
                .body("items.status", equalTo(List.of("final", "draft", "not-started")))
                .body("items.rosterStudents", equalTo(List.of(3, 2, 2)));
        given().queryParam("status", "not-started").get(base + "/classes").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].classId", equalTo(openClass.toString()));
        given().queryParam("status", "done").get(base + "/classes").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "coord-progress-terms", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = "dst-rev-progress-terms"),
            @SecurityAttribute(key = "school_ids", value = "sch-rev-progress-terms")})
    void theFallProgressIgnoresTheSpringTermsClassesAndTheSpringProgressTheFalls() {
        UUID school = fixtures.school("dst-rev-progress-terms", "sch-rev-progress-terms");
        UUID year = fixtures.schoolYear("dst-rev-progress-terms", "yr-rev-progress-terms-2027");
        UUID fallTerm = fixtures.term(year, "term-rev-progress-terms-fall");
        UUID springTerm = fixtures.springTerm(year, "term-rev-progress-terms-spring");
        UUID fall = fixtures.fall(year);
        UUID spring = fixtures.spring(year);

        UUID fallHomeroom = fixtures.homeroom(school, fallTerm, "Homeroom 4A fall");
        List<UUID> students = fixtures.enrolledStudents(fallHomeroom, school, "04", 4);
        fixtures.finalReview(fallHomeroom, fall, students, List.of("1", "1", "2", "3"), null, null, null);
        UUID springHomeroom = fixtures.homeroom(school, springTerm, "Homeroom 4A spring");
        UUID springMath = fixtures.classSection(school, springTerm, "Math 4 spring");
        for (UUID student : students) {
            fixtures.enroll(springHomeroom, student, null, null);
            fixtures.enroll(springMath, student, null, null);
        }
        UUID newcomer = fixtures.student(school, "04");
        fixtures.enroll(springHomeroom, newcomer, LocalDate.of(2027, 1, 21), null);

        given().get("/api/v1/review-periods/" + fall + "/schools/" + school + "/progress").then().statusCode(200)
                .body("classes", equalTo(1))
                .body("classesNotStarted", equalTo(0))
                .body("classesFinal", equalTo(1))
                .body("studentsEnrolled", equalTo(4))
                .body("studentsReviewed", equalTo(4))
                .body("studentsUnassigned", equalTo(0))
                .body("reviewedShare", equalTo(1.0f));
        given().get("/api/v1/review-periods/" + fall + "/schools/" + school + "/classes").then().statusCode(200)
                .body("items.title", equalTo(List.of("Homeroom 4A fall")));
        given().get("/api/v1/review-periods/" + spring + "/schools/" + school + "/progress").then().statusCode(200)
                .body("classes", equalTo(1))
                .body("classesNotStarted", equalTo(1))
                .body("classesFinal", equalTo(0))
                .body("studentsEnrolled", equalTo(5))
                .body("studentsReviewed", equalTo(0))
                .body("reviewedShare", equalTo(0.0f));
        given().get("/api/v1/review-periods/" + spring + "/schools/" + school + "/classes").then().statusCode(200)
                .body("items.title", equalTo(List.of("Homeroom 4A spring")))
                .body("items.rosterStudents", equalTo(List.of(5)));
    }

    @Test
    void progressOfAnotherSchoolIsNotFound() {
        UUID other = fixtures.school(DISTRICT, "sch-rev-progress-other");
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-progress-2027");
        UUID period = fixtures.fall(year);
        given().get("/api/v1/review-periods/" + period + "/schools/" + other + "/progress").then().statusCode(404);
    }
}
