package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each student is reviewed once per period, in one class, even when two coordinators save at the same moment. */
@QuarkusTest
@TestSecurity(user = "coord-once", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = OneReviewPerPeriodTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = OneReviewPerPeriodTest.SCHOOL)})
class OneReviewPerPeriodTest {

    static final String DISTRICT = "dst-rev-once";
    static final String SCHOOL = "sch-rev-once";

    @Inject
    ReviewFixtures fixtures;

    @Test
    void aStudentReviewedInAnotherClassOfThePeriodIsAConflictNamingThatReview() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-once-2027");
        UUID fall = fixtures.fall(year);
        UUID spring = fixtures.spring(year);
        UUID homeroom = fixtures.classSection(school, year, "Homeroom 4B");
        UUID math = fixtures.classSection(school, year, "Math 4");
        UUID student = fixtures.student(school, "04");
        UUID other = fixtures.student(school, "04");
        fixtures.enroll(homeroom, student, null, null);
        fixtures.enroll(math, student, null, null);
        fixtures.enroll(math, other, null, null);

        String reviewId = save(homeroom, fall, List.of(student)).then().statusCode(201).extract().path("id");
        save(math, fall, List.of(other, student)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Student " + student + " is already reviewed"))
                .body("detail", containsString(reviewId))
                .body("existingReviewId", equalTo(reviewId))
                .body("existingClassId", equalTo(homeroom.toString()))
                .body("studentId", equalTo(student.toString()));
        assertEquals(0, fixtures.reviews(math));
        // another period is another review
        save(math, spring, List.of(other, student)).then().statusCode(201);
    }

    @Test
    void twoFirstSavesOfTheSameStudentAtOnceGiveOneReviewAndOneConflict() throws Exception {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-once-2027");
        UUID fall = fixtures.fall(year);
        for (int round = 0; round < 3; round++) {
            UUID a = fixtures.classSection(school, year, "Race A " + round);
            UUID b = fixtures.classSection(school, year, "Race B " + round);
            UUID student = fixtures.student(school, "05");
            fixtures.enroll(a, student, null, null);
            fixtures.enroll(b, student, null, null);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> saves = new ArrayList<>();
            for (UUID c : List.of(a, b)) {
                saves.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return save(c, fall, List.of(student)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> s : saves) {
                statuses.add(s.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409), statuses, "round " + round);
            assertEquals(1, fixtures.reviews(a) + fixtures.reviews(b), "round " + round);
        }
    }

    private static io.restassured.response.Response save(UUID classId, UUID periodId, List<UUID> students) {
        List<Object> entries = students.stream().map(s -> (Object) Map.of("studentId", s.toString(), "tier", "1")).toList();
        return given().contentType(ContentType.JSON).body(Map.of("reviewedOn", "2026-10-05", "entries", entries))
                .put("/api/v1/classes/" + classId + "/reviews/" + periodId);
    }
}
