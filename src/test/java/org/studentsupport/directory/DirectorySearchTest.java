package org.studentsupport.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Referral search on a hand-made directory: exact result sets and order. */
@QuarkusTest
@TestSecurity(user = "coord-dsearch", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = "dst-dsearch"),
        @SecurityAttribute(key = "school_ids", value = "sch-dsearch")})
class DirectorySearchTest {

    @Inject
    TestFixtures fixtures;

    @Inject
    DirectoryFixtures directory;

    @BeforeEach
    void directory() {
        directory.importJson(SearchDirectory.json());
    }

    private static ValidatableResponse search(String query) {
        return given().get("/api/v1/directory/search?lat=" + SearchDirectory.LAT + "&lon=" + SearchDirectory.LON + "&" + query)
                .then().statusCode(200);
    }

    @Test
    void wordsFindNamesDescriptionsAndTermsNearestFirst() {
        search("q=tutoring&radiusKm=10&sort=distance")
                .body("items.serviceName", contains("After-school Tutoring Club", "Math Tutoring en Español", "Family Counseling Center"))
                .body("items[0].match.distanceKm", equalTo(0.5f))
                .body("items[1].match.distanceKm", equalTo(2.0f))
                .body("items[0].match.terms", contains("Tutoring"))
                .body("totalItems", equalTo(3));
    }

    @Test
    void theFullReferralQuestionFindsExactlyTheServiceThatFits() {
        // "after-school tutoring in Spanish for a 9-year-old, within 5 km, free, taking new clients"
        search("q=tutoring&term=srch-tutoring&language=es&age=9&radiusKm=5&free=true&accepting=true")
                .body("items.serviceName", contains("After-school Tutoring Club"))
                .body("items[0].match.languages", contains("es"))
                .body("items[0].match.terms", contains("Tutoring"))
                .body("items[0].match.capacity", equalTo("accepting"))
                .body("items[0].match.age", equalTo(9))
                .body("items[0].organizationName", equalTo("Search Test Providers"));
    }

    @Test
    void freeOnlyLeavesOutServicesWithACost() {
        search("free=true&radiusKm=10")
                .body("items.serviceName", contains("After-school Tutoring Club", "Teen Mentoring Circle", "Family Counseling Center"));
    }

    @Test
    void openOnAWeekdayUsesTheSchedules() {
        search("openOn=TU&radiusKm=50").body("items.serviceName", contains("Math Tutoring en Español"));
        search("openOn=MO&radiusKm=50")
                .body("items.serviceName", contains("After-school Tutoring Club", "Family Counseling Center", "Faraway Tutoring"));
    }

    @Test
    void languageAndAgeNarrowTheResults() {
        search("language=pt&radiusKm=50").body("items.serviceName", contains("Family Counseling Center"))
                .body("items[0].match.languages", contains("pt"));
        search("age=14&radiusKm=10")
                .body("items.serviceName", contains("Teen Mentoring Circle", "Math Tutoring en Español", "Family Counseling Center"));
    }

    @Test
    void acceptingLeavesOutWaitlistedServicesAndRelevanceRanksNamesFirst() {
        directory.setCapacity(SearchDirectory.id("mentoring"), "waitlist");
        try {
            search("accepting=true&radiusKm=10")
                    .body("items.serviceName", contains("After-school Tutoring Club", "Math Tutoring en Español", "Family Counseling Center"));
        } finally {
            directory.setCapacity(SearchDirectory.id("mentoring"), "accepting");
        }
        given().queryParam("q", "family counseling").queryParam("lat", SearchDirectory.LAT).queryParam("lon", SearchDirectory.LON)
                .queryParam("radiusKm", 50).get("/api/v1/directory/search").then().statusCode(200)
                .body("items.serviceName", contains("Family Counseling Center"))
                .body("items[0].match.rank", org.hamcrest.Matchers.greaterThan(0f));
    }

    @Test
    void aSchoolOrAStudentGiveThePointAndTheAge() {
        UUID school = fixtures.school("dst-dsearch", "sch-dsearch", "Search Test School");
        directory.placeSchool(school, SearchDirectory.LAT, SearchDirectory.LON);
        UUID student = directory.student(school, "stu-dsearch-9", 9);
        given().get("/api/v1/directory/search?schoolId=" + school + "&studentId=" + student
                        + "&term=srch-tutoring&language=es&radiusKm=5&free=true&accepting=true")
                .then().statusCode(200)
                .body("items.serviceName", contains("After-school Tutoring Club"))
                .body("items[0].match.age", equalTo(9));

        UUID otherSchool = fixtures.school("dst-dsearch", "sch-dsearch-other", "Other School");
        UUID stranger = directory.student(otherSchool, "stu-dsearch-other", 9);
        given().get("/api/v1/directory/search?studentId=" + stranger).then().statusCode(404);
        given().get("/api/v1/directory/search?schoolId=" + otherSchool).then().statusCode(404);
    }

    @Test
    void withoutAPointThereIsNoDistanceAndNameOrderApplies() {
        given().get("/api/v1/directory/search?term=srch-mentoring").then().statusCode(200)
                .body("items.serviceName", contains("Teen Mentoring Circle"))
                .body("items[0].match.distanceKm", nullValue());
    }

    @Test
    void badSearchesAreRefusedWithProblems() {
        String longText = "a".repeat(10_000);
        given().get("/api/v1/directory/search?q=" + longText).then().statusCode(400)
                .contentType("application/problem+json").body("errors.parameter", hasItem("q"));
        given().get("/api/v1/directory/search?lat=95&lon=10").then().statusCode(400).body("errors.parameter", hasItem("lat"));
        given().get("/api/v1/directory/search?lat=10").then().statusCode(400);
        given().get("/api/v1/directory/search?term=no-such-term").then().statusCode(400)
                .body("errors[0].message", equalTo("unknown taxonomy term: no-such-term"));
        given().get("/api/v1/directory/search?size=201").then().statusCode(400);
        given().get("/api/v1/directory/search?sort=distance").then().statusCode(400);
        given().get("/hsds/services?search=" + longText).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "provider-dsearch", roles = "provider")
    void providersCannotSearchForReferrals() {
        given().get("/api/v1/directory/search?q=tutoring").then().statusCode(403);
    }

    @Test
    void pagesAreStable() {
        search("radiusKm=50&sort=distance&size=2&page=2")
                .body("items.serviceName", contains("Math Tutoring en Español", "Family Counseling Center"))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("page", equalTo(2));
    }
}
