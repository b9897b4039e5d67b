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
    void progressCountsClassesByStateAndTheShareOfStudentsReviewed() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-progress-2027");
        UUID term = fixtures.term(year, "term-rev-progress-fall");
        UUID period = fixtures.fall(year);
        UUID lastYear = fixtures.schoolYear(DISTRICT, "yr-rev-progress-old");

        UUID finalClass = fixtures.classSection(school, year, "A final");
        List<UUID> reviewed = fixtures.enrolledStudents(finalClass, school, "03", 3);
        fixtures.finalReview(finalClass, period, reviewed, List.of("1", "2", "1"), null, null, null);

        UUID draftClass = fixtures.classSection(school, term, "B draft");
        List<UUID> drafted = fixtures.enrolledStudents(draftClass, school, "03", 2);
        given().contentType(ContentType.JSON).body(Map.of("entries", List.of(
                        ClassReviewTest.entry(drafted.get(0), "1", null), ClassReviewTest.entry(drafted.get(1), "2", null))))
                .put("/api/v1/classes/" + draftClass + "/reviews/" + period).then().statusCode(201);

        UUID openClass = fixtures.classSection(school, year, "C not started");
        fixtures.enrolledStudents(openClass, school, "03", 2);
        UUID gone = fixtures.student(school, "03");
        fixtures.enroll(openClass, gone, LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 31));
        // a student in two classes counts once
        fixtures.enroll(openClass, reviewed.get(0), null, null);

        UUID oldClass = fixtures.classSection(school, lastYear, "Z last year");
        fixtures.enrolledStudents(oldClass, school, "03", 4);

        String base = "/api/v1/review-periods/" + period + "/schools/" + school;
        given().get(base + "/progress").then().statusCode(200)
                .body("classes", equalTo(3))
                .body("classesNotStarted", equalTo(1))
                .body("classesDraft", equalTo(1))
                .body("classesFinal", equalTo(1))
                .body("studentsEnrolled", equalTo(7))
                .body("studentsReviewed", equalTo(3))
                .body("reviewedShare", equalTo(0.429f));
        given().get(base + "/classes").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.title", equalTo(List.of("A final", "B draft", "C not started")))
                .body("items.status", equalTo(List.of("final", "draft", "not-started")));
        given().queryParam("status", "not-started").get(base + "/classes").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].classId", equalTo(openClass.toString()));
        given().queryParam("status", "done").get(base + "/classes").then().statusCode(400);
    }

    @Test
    void progressOfAnotherSchoolIsNotFound() {
        UUID other = fixtures.school(DISTRICT, "sch-rev-progress-other");
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-progress-2027");
        UUID period = fixtures.fall(year);
        given().get("/api/v1/review-periods/" + period + "/schools/" + other + "/progress").then().statusCode(404);
    }
}
