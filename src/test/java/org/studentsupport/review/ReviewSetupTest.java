package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Review periods, the tier scale and the code list: administrators configure, the district reads. */
@QuarkusTest
class ReviewSetupTest {

    static final String DISTRICT = "dst-rev-setup";

    @Inject
    ReviewFixtures fixtures;

    private static Map<String, Object> period(UUID year, String name, String start, String end) {
        return Map.of("schoolYearId", year.toString(), "name", name, "kind", "fall", "startDate", start, "endDate", end);
    }

    @Test
    @TestSecurity(user = "admin-setup", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void anAdministratorConfiguresReviewPeriodsOfASchoolYear() {
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-setup-2027");
        String id = given().contentType(ContentType.JSON).body(period(year, "setup fall", "2026-09-01", "2026-12-15"))
                .post("/api/v1/review-periods").then().statusCode(201)
                .body("name", equalTo("setup fall")).body("kind", equalTo("fall"))
                .body("schoolYearId", equalTo(year.toString())).body("schoolYearTitle", equalTo("2026-27"))
                .extract().path("id");
        String etag = given().get("/api/v1/review-periods/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(period(year, "setup fall", "2026-09-01", "2026-12-20"))
                .put("/api/v1/review-periods/" + id).then().statusCode(200).body("endDate", equalTo("2026-12-20"));
        given().contentType(ContentType.JSON).body(period(year, "setup fall", "2026-09-01", "2026-12-15"))
                .post("/api/v1/review-periods").then().statusCode(409);
        given().contentType(ContentType.JSON).body(period(year, "setup late", "2027-06-01", "2027-07-15"))
                .post("/api/v1/review-periods").then().statusCode(422).body("errors[0].pointer", equalTo("/endDate"));
        given().contentType(ContentType.JSON).body(period(year, "setup backwards", "2026-12-01", "2026-11-01"))
                .post("/api/v1/review-periods").then().statusCode(400).body("errors[0].pointer", equalTo("/endDate"));
        UUID term = fixtures.term(year, "term-rev-setup");
        given().contentType(ContentType.JSON).body(period(term, "setup term", "2026-09-01", "2026-10-01"))
                .post("/api/v1/review-periods").then().statusCode(422).body("errors[0].pointer", equalTo("/schoolYearId"));
        given().queryParam("schoolYearId", year.toString()).get("/api/v1/review-periods").then().statusCode(200)
                .body("items.name", hasItem("setup fall"));
    }

    @Test
    @TestSecurity(user = "coord-setup", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-rev-setup")})
    void coordinatorsReadPeriodsTiersAndCodesButCannotChangeThem() {
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-setup-2027");
        UUID period = fixtures.period(year, "setup spring", "spring", java.time.LocalDate.of(2027, 2, 1), java.time.LocalDate.of(2027, 5, 1));
        given().get("/api/v1/review-periods").then().statusCode(200).body("items.name", hasItem("setup spring"));
        given().get("/api/v1/review-periods/" + period).then().statusCode(200).body("kind", equalTo("spring"));
        given().get("/api/v1/review-tiers").then().statusCode(200)
                .body("tiers.code", equalTo(List.of("1", "2", "3")))
                .body("tiers[2].label", equalTo("Intensive needs"));
        given().queryParam("domain", "health").queryParam("size", 200).get("/api/v1/vocabulary-codes").then().statusCode(200)
                .body("items.code", hasItem("dental")).body("items.domain", everyItemIs("health"));
        given().contentType(ContentType.JSON).body(period(year, "x", "2026-09-01", "2026-10-01"))
                .post("/api/v1/review-periods").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("kind", "need", "domain", "health", "code", "sleep", "labels", Map.of("en", "Sleep")))
                .post("/api/v1/vocabulary-codes").then().statusCode(403);
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    @TestSecurity(user = "coord-elsewhere", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = "dst-rev-setup-other"), @SecurityAttribute(key = "school_ids", value = "x")})
    void aPeriodOfAnotherDistrictIsNotFound() {
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-setup-2027");
        UUID period = fixtures.period(year, "setup spring", "spring", java.time.LocalDate.of(2027, 2, 1), java.time.LocalDate.of(2027, 5, 1));
        given().get("/api/v1/review-periods/" + period).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "coord-codes", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-rev-setup")})
    void aRetiredCodeCannotBeUsedInANewEntry() {
        UUID school = fixtures.school(DISTRICT, "sch-rev-setup");
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-setup-2027");
        UUID period = fixtures.fall(year);
        UUID classId = fixtures.classSection(school, year, "Setup class");
        UUID student = fixtures.enrolledStudents(classId, school, "02", 1).get(0);
        fixtures.retire(ReviewDomain.HEALTH, "setup-retired");
        given().contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(ClassReviewTest.entry(student, "1",
                        Map.of("health", Map.of("needs", List.of("dental", "setup-retired")))))))
                .put("/api/v1/classes/" + classId + "/reviews/" + period).then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/entries/0/domains/health/needs/1"));
    }
}
