package org.studentsupport.matching;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.review.ReviewDomain;
import org.studentsupport.review.ReviewFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** From a need recorded for a student to the directory services that meet it, ranked, each saying why. */
@QuarkusTest
class MatchingServicesTest {

    static final String DISTRICT = "dst-match";
    static final String SCHOOL = "sch-match";
    static final String P = "mt";

    @Inject
    ReviewFixtures fixtures;

    @Inject
    AgroalDataSource db;

    @Test
    @TestSecurity(user = "admin-match", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void anAdministratorMapsANeedToTermsOfTheDirectoryOnly() {
        fixtures.school(DISTRICT, SCHOOL);
        directory();
        given().contentType(ContentType.JSON).body(Map.of("termCodes", List.of(P + "-counseling")))
                .put("/api/v1/need-mappings/mood").then().statusCode(200)
                .body("needCode", equalTo("mood")).body("termCodes", equalTo(List.of(P + "-counseling"))).body("source", equalTo("district"));
        given().contentType(ContentType.JSON).body(Map.of("termCodes", List.of(P + "-counseling", "no-such-term")))
                .put("/api/v1/need-mappings/mood").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/termCodes/1"))
                .body("errors[0].message", containsString("'no-such-term' is not a taxonomy term code"));
        given().contentType(ContentType.JSON).body(Map.of("termCodes", List.of(P + "-counseling")))
                .put("/api/v1/need-mappings/empathy").then().statusCode(422)
                .body("errors[0].parameter", equalTo("needCode"))
                .body("errors[0].message", equalTo("'empathy' is a strength code, not a need"));
        assertEquals(P + "-counseling", one("SELECT m.term_codes FROM need_mapping m JOIN district d ON d.id = m.district_id"
                + " WHERE d.sourced_id = '" + DISTRICT + "' AND m.need_code = 'mood'"));
        JsonPath page = given().queryParam("size", 200).get("/api/v1/need-mappings").then().statusCode(200).extract().jsonPath();
        assertEquals("district", page.getString("items.find { it.needCode == 'mood' }.source"));
        assertEquals(List.of("tutoring"), page.getList("items.find { it.needCode == 'reading' }.termCodes"));
        assertEquals("default", page.getString("items.find { it.needCode == 'reading' }.source"));
    }

    @Test
    @TestSecurity(user = "coord-match", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = SCHOOL)})
    void servicesForTheStudentAreRankedByNeedsMetCapacityLanguageCostAndDistanceEachSayingWhy() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        directory();
        mapInDistrict("anxiety", P + "-counseling");
        mapInDistrict("housing", P + "-family");
        execute("UPDATE school SET latitude = 42.10, longitude = -72.58 WHERE id = '" + school + "'");
        UUID year = fixtures.schoolYear(DISTRICT, "yr-match-2027");
        UUID period = fixtures.fall(year);
        UUID classId = fixtures.classSection(school, year, "Match homeroom");
        UUID student = fixtures.enrolledStudents(classId, school, "04", 1).get(0);
        execute("UPDATE student SET birth_date = DATE '2017-03-01', preferred_language = 'es-MX' WHERE id = '" + student + "'");
        fixtures.finalReview(classId, period, List.of(student), List.of("3"), ReviewDomain.SOCIAL_EMOTIONAL,
                List.of(List.of("anxiety")), List.of(List.of()));
        given().contentType(ContentType.JSON).body(Map.of("concerns", "Moves often", "needs", List.of("housing")))
                .post("/api/v1/students/" + student + "/individual-reviews").then().statusCode(201);

        // directory search by need: the district's mapping decides which terms meet it
        given().queryParam("need", "anxiety").queryParam("sort", "name").get("/api/v1/directory/search").then().statusCode(200)
                .body("items.serviceName", equalTo(List.of(P + " Calm Counseling", P + " Counseling Plus", P + " Teen Counseling")))
                .body("items[0].match.needs", equalTo(List.of("anxiety")));
        given().queryParam("need", "teleportation").get("/api/v1/directory/search").then().statusCode(400)
                .body("errors[0].parameter", equalTo("need"));

        JsonPath found = given().get("/api/v1/students/" + student + "/matching-services").then().statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        assertEquals(List.of(P + " Calm Counseling", P + " Housing Help", P + " Counseling Plus"), found.getList("items.serviceName"));
        // Calm Counseling: one need, Spanish, free, accepting, 1.1 km away
        assertEquals(List.of("anxiety"), found.getList("items[0].why.needs"));
        assertEquals("es", found.getString("items[0].why.language"));
        assertEquals(true, found.getBoolean("items[0].why.free"));
        assertEquals("accepting", found.getString("items[0].why.capacity"));
        assertEquals(1.11, found.getDouble("items[0].why.distanceKm"), 0.01);
        assertEquals(9, found.getInt("items[0].why.age"));
        assertEquals(10 + 3 + 2 + 2 + (3 - 1.11 / 5), found.getDouble("items[0].score"), 0.01);
        // Housing Help meets the plan's need, on a waitlist
        assertEquals(List.of("housing"), found.getList("items[1].why.needs"));
        assertEquals("waitlist", found.getString("items[1].why.capacity"));
        // Counseling Plus: no Spanish, costs, full
        assertEquals(null, found.getString("items[2].why.language"));
        assertEquals(false, found.getBoolean("items[2].why.free"));
        assertEquals(10 - 3 + (3 - 1.11 / 5), found.getDouble("items[2].score"), 0.01);
        // the too-young-for-it service is not offered
        given().get("/api/v1/students/" + student + "/matching-services").then()
                .body("items.serviceName", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(P + " Teen Counseling")));
        // the referral form suggests the same, and the student's needs first
        given().queryParam("studentId", student).get("/api/v1/referral-form").then().statusCode(200)
                .body("suggestedServices.serviceName", equalTo(List.of(P + " Calm Counseling", P + " Housing Help", P + " Counseling Plus")))
                .body("suggestedNeedCodes[0].code", equalTo("anxiety"))
                .body("suggestedNeedCodes[1].code", equalTo("housing"));
        // each of the two reads above is audited as a read of the student
        assertEquals("2", one("SELECT count(*) FROM audit_event WHERE object_type = 'matching-services' AND '" + student + "' = ANY(student_ids)"));
        // a student of another school is not found
        UUID other = fixtures.student(fixtures.school(DISTRICT, "sch-match-other"), "05");
        given().get("/api/v1/students/" + other + "/matching-services").then().statusCode(404);
    }

    /** Services of this test's own taxonomy terms, at one location 1.1 km north of the school. */
    void directory() {
        execute("INSERT INTO dir_organization (id, name) VALUES ('" + id("org") + "', '" + P + " Riverside Services') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_taxonomy_term (id, code, name) VALUES ('" + id("t1") + "', '" + P + "-counseling', '" + P
                + " Counseling'), ('" + id("t2") + "', '" + P + "-family', '" + P + " Family help') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_location (id, organization_id, name, latitude, longitude) VALUES ('" + id("loc") + "', '" + id("org")
                + "', 'Office', 42.11, -72.58) ON CONFLICT DO NOTHING");
        service("s1", "Calm Counseling", "t1", 5, 14, "accepting", "es", 0);
        service("s2", "Counseling Plus", "t1", 5, 18, "full", "en", 40);
        service("s3", "Housing Help", "t2", 0, 99, "waitlist", "es", 0);
        service("s4", "Teen Counseling", "t1", 13, 18, "accepting", "es", 0);
    }

    private void service(String key, String name, String term, int minAge, int maxAge, String capacity, String language, int cost) {
        UUID s = id(key);
        execute("INSERT INTO dir_service (id, organization_id, name, minimum_age, maximum_age, capacity_status) VALUES ('" + s + "', '"
                + id("org") + "', '" + P + " " + name + "', " + minAge + ", " + maxAge + ", '" + capacity + "') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_service_at_location (id, service_id, location_id) VALUES ('" + id(key + "sal") + "', '" + s + "', '"
                + id("loc") + "') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_attribute (id, link_id, taxonomy_term_id) VALUES ('" + id(key + "attr") + "', '" + s + "', '" + id(term)
                + "') ON CONFLICT DO NOTHING");
        execute("INSERT INTO dir_language (id, service_id, code) VALUES ('" + id(key + "lang") + "', '" + s + "', '" + language
                + "') ON CONFLICT DO NOTHING");
        if (cost > 0) {
            execute("INSERT INTO dir_cost_option (id, service_id, amount) VALUES ('" + id(key + "cost") + "', '" + s + "', " + cost
                    + ") ON CONFLICT DO NOTHING");
        }
    }

    private void mapInDistrict(String need, String term) {
        execute("INSERT INTO need_mapping (id, district_id, need_code, term_codes) SELECT gen_random_uuid(), d.id, '" + need + "', '"
                + term + "' FROM district d WHERE d.sourced_id = '" + DISTRICT + "'"
                + " ON CONFLICT (district_id, need_code) DO UPDATE SET term_codes = EXCLUDED.term_codes");
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes((P + "-" + key).getBytes());
    }

    private void execute(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String one(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
