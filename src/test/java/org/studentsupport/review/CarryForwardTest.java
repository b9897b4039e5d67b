package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Starting the spring review from the fall one: tiers and codes carried forward, marked until confirmed. */
@QuarkusTest
@TestSecurity(user = "coord-carry", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = CarryForwardTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = CarryForwardTest.SCHOOL)})
class CarryForwardTest {

    static final String DISTRICT = "dst-rev-carry";
    static final String SCHOOL = "sch-rev-carry";
    static final String PROBLEM = "application/problem+json";

    @Inject
    ReviewFixtures fixtures;

    UUID fall;
    UUID spring;
    UUID springHomeroom;
    UUID fallHomeroom;
    UUID ada;
    UUID ben;
    UUID cal;
    UUID dee;
    String retired;

    /**
     * Fall: Ada (tier 2, reading need, math-talent strength) and Ben (tier 3, housing and a code retired
     * since) reviewed in the fall homeroom. Spring: Ada, Ben and Cal (new, never reviewed) in the spring
     * homeroom; Dee in it too but designated to be reviewed in math.
     */
    @BeforeEach
    void aFallReviewAndASpringHomeroom() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-carry-2027");
        UUID fallTerm = fixtures.term(year, ReviewFixtures.unique("term-rev-carry-fall"));
        UUID springTerm = fixtures.springTerm(year, ReviewFixtures.unique("term-rev-carry-spring"));
        fall = fixtures.fall(year);
        spring = fixtures.spring(year);
        fallHomeroom = fixtures.homeroom(school, fallTerm, "Homeroom 2B fall");
        springHomeroom = fixtures.homeroom(school, springTerm, "Homeroom 2B spring", fixtures.teacher("Lindqvist"));
        UUID springMath = fixtures.classSection(school, springTerm, "Math 2 spring");
        ada = fixtures.student(school, "02", "Able");
        ben = fixtures.student(school, "02", "Baker");
        cal = fixtures.student(school, "02", "Carter");
        dee = fixtures.student(school, "02", "Dixon");
        for (UUID s : List.of(ada, ben)) {
            fixtures.enroll(fallHomeroom, s, null, null);
        }
        for (UUID s : List.of(ada, ben, cal, dee)) {
            fixtures.enroll(springHomeroom, s, null, null);
        }
        fixtures.enroll(springMath, dee, null, null);
        retired = "cf-retired-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.retire(ReviewDomain.FAMILY, retired);
        fixtures.finalReview(fallHomeroom, fall, List.of(ada), List.of("2"), ReviewDomain.ACADEMIC,
                List.of(List.of("reading")), List.of(List.of("math-talent")));
        fixtures.finalReview(fixtures.homeroom(school, fallTerm, "Homeroom 2C fall"), fall, List.of(ben), List.of("3"),
                ReviewDomain.FAMILY, List.of(List.of("housing", retired)), null);
        given().contentType(ContentType.JSON).body(Map.of("classId", springMath.toString()))
                .put("/api/v1/review-periods/" + spring + "/students/" + dee + "/reviewing-class").then().statusCode(200);
    }

    private String path(UUID classId, UUID periodId) {
        return "/api/v1/classes/" + classId + "/reviews/" + periodId;
    }

    @Test
    void theSpringDraftStartsFromTheFallFinalEntriesMarkedAsCarriedForward() {
        JsonPath result = given().post(path(springHomeroom, spring) + "/carry-forward").then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("fromPeriodId", equalTo(fall.toString()))
                .body("fromPeriodName", equalTo("2026-27 fall"))
                .body("carried", equalTo(List.of(ada.toString(), ben.toString())))
                .body("notCarried", hasSize(1))
                .body("notCarried[0].studentId", equalTo(cal.toString()))
                .body("notCarried[0].reason", equalTo("no-previous-final-entry"))
                .body("dropped", hasSize(1))
                .body("dropped[0].studentId", equalTo(ben.toString()))
                .body("dropped[0].domain", equalTo("family"))
                .body("dropped[0].kind", equalTo("need"))
                .body("dropped[0].code", equalTo(retired))
                .body("review.status", equalTo("draft"))
                .body("review.reviewedOn", equalTo("2027-02-01"))
                .body("review.entries", hasSize(2))
                .body("review.entries[0].studentId", equalTo(ada.toString()))
                .body("review.entries[0].tier", equalTo("2"))
                .body("review.entries[0].carriedForward", equalTo(true))
                .body("review.entries[0].domains.academic.needs", equalTo(List.of("reading")))
                .body("review.entries[0].domains.academic.strengths", equalTo(List.of("math-talent")))
                .body("review.entries[1].tier", equalTo("3"))
                .body("review.entries[1].domains.family.needs", equalTo(List.of("housing")))
                .extract().jsonPath();
        assertEquals(2, fixtures.entries(springHomeroom));
        String etag = given().get(path(springHomeroom, spring)).then().statusCode(200)
                .body("entries.carriedForward", equalTo(List.of(true, true))).extract().header("ETag");
        assertEquals(List.of(ada.toString(), ben.toString()), result.getList("carried"));

        // finalizing with unconfirmed entries: 422 naming each, nothing changes
        // Cal has no entry; Dee is reviewed in math (designated), so the homeroom does not need her
        given().header("If-Match", etag).post(path(springHomeroom, spring) + "/finalize").then().statusCode(422).contentType(PROBLEM)
                .body("errors.pointer", equalTo(List.of("/entries", "/entries/0/carriedForward", "/entries/1/carriedForward")))
                .body("errors[0].message", containsString(cal.toString()))
                .body("errors[1].message", containsString(ada.toString()));
        assertEquals("draft", fixtures.status(springHomeroom));
    }

    @Test
    void aSaveConfirmsCarriedEntriesUnlessSentBackMarkedAndThenTheReviewFinalizes() {
        String etag = given().post(path(springHomeroom, spring) + "/carry-forward").then().statusCode(201).extract().header("ETag");
        // Ada kept marked (sent back as read), Ben confirmed with a new tier, Cal added
        List<Object> entries = new ArrayList<>();
        entries.add(Map.of("studentId", ada.toString(), "tier", "2", "carriedForward", true,
                "domains", Map.of("academic", Map.of("needs", List.of("reading")))));
        entries.add(Map.of("studentId", ben.toString(), "tier", "2"));
        entries.add(Map.of("studentId", cal.toString(), "tier", "1"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("reviewedOn", "2027-02-10", "entries", entries));
        etag = given().contentType(ContentType.JSON).header("If-Match", etag).body(body).put(path(springHomeroom, spring))
                .then().statusCode(200)
                .body("entries.carriedForward", equalTo(List.of(true, false, false)))
                .body("entries[1].tier", equalTo("2"))
                .extract().header("ETag");
        given().header("If-Match", etag).post(path(springHomeroom, spring) + "/finalize").then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/entries/0/carriedForward"))
                .body("errors[0].message", containsString(ada.toString()));

        // only an entry held as carried forward can stay marked: Cal's cannot; nothing is written
        List<Object> wrong = new ArrayList<>(entries);
        wrong.set(2, Map.of("studentId", cal.toString(), "tier", "1", "carriedForward", true));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("reviewedOn", "2027-02-10", "entries", wrong))
                .put(path(springHomeroom, spring)).then().statusCode(422).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/entries/2/carriedForward"));
        given().get(path(springHomeroom, spring)).then().header("ETag", equalTo(etag));

        entries.set(0, Map.of("studentId", ada.toString(), "tier", "1"));
        etag = given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("reviewedOn", "2027-02-10", "entries", entries))
                .put(path(springHomeroom, spring)).then().statusCode(200)
                .body("entries.carriedForward", equalTo(List.of(false, false, false))).extract().header("ETag");
        // Dee's reviewing class is math: the three entries are enough
        given().header("If-Match", etag).post(path(springHomeroom, spring) + "/finalize").then().statusCode(200)
                .body("status", equalTo("final"))
                .body("entries.tier", equalTo(List.of("1", "2", "1")));
        assertEquals("final", fixtures.status(springHomeroom));
    }

    @Test
    void carryingForwardAgainAddsOnlyStudentsNotYetInTheDraftAndNeedsIfMatch() {
        String etag = given().contentType(ContentType.JSON).body(Map.of("reviewedOn", "2027-02-10", "entries", List.of(
                        Map.of("studentId", ada.toString(), "tier", "1"))))
                .put(path(springHomeroom, spring)).then().statusCode(201).extract().header("ETag");
        given().post(path(springHomeroom, spring) + "/carry-forward").then().statusCode(428);
        given().header("If-Match", etag).post(path(springHomeroom, spring) + "/carry-forward").then().statusCode(200)
                .body("carried", equalTo(List.of(ben.toString())))
                .body("notCarried.studentId", equalTo(List.of(ada.toString(), cal.toString())))
                .body("notCarried.reason", equalTo(List.of("already-in-draft", "no-previous-final-entry")))
                .body("review.entries.studentId", equalTo(List.of(ada.toString(), ben.toString())))
                .body("review.entries.tier", equalTo(List.of("1", "3")))
                .body("review.entries.carriedForward", equalTo(List.of(false, true)));
        given().header("If-Match", etag).post(path(springHomeroom, spring) + "/carry-forward").then().statusCode(412);
        assertEquals(2, fixtures.entries(springHomeroom));
    }

    @Test
    void theFirstPeriodHasNothingToCarryForwardAndAFinalReviewIsAConflict() {
        String etag = given().get(path(fallHomeroom, fall)).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).post(path(fallHomeroom, fall) + "/carry-forward").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("amendment"));
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-carry-2027");
        UUID lonely = fixtures.homeroom(school, year, "Homeroom never reviewed");
        given().post(path(lonely, fall) + "/carry-forward").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].parameter", equalTo("periodId"));
        assertEquals(0, fixtures.reviews(lonely));
        assertNull(fixtures.status(lonely));
    }
}
