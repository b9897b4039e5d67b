package org.studentsupport.received;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.review.ReviewDomain;
import org.studentsupport.review.ReviewFixtures;
import org.studentsupport.support.Keycloak;
import org.studentsupport.support.TestFixtures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole line with real tokens from the real Keycloak, as the demo users walk it: a need recorded in
 * the whole-class review → services for the student, saying they meet it → consent → referral draft →
 * sent → the provider accepts and starts → the student's services received list it with its category
 * and need → the reports count it (minimum cell size 10: twelve students of one class, tier 2, all with
 * the need; the walked one by referral, ten by school-based supports, one without any: the gap list).
 */
@QuarkusTest
class NeedToServiceWalkTest {

    static final String DISTRICT = "dst-riverton";
    static final UUID MENTORING = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01");
    static final String NEED = "peer-relationships";

    @Inject
    TestFixtures shared;

    @Inject
    ReviewFixtures reviews;

    @Inject
    ReferralFixtures referrals;

    @Inject
    AgroalDataSource db;

    @Test
    void aNeedFromTheReviewBecomesAServiceReceivedAndTheReportsCountIt() throws SQLException {
        UUID elm = shared.school(DISTRICT, "sch-elm", "Elm Street Elementary School");
        UUID year = reviews.schoolYear(DISTRICT, ReviewFixtures.unique("yr-walk"));
        // the school year around today, so that a service started today runs in it whenever the test runs
        execute("UPDATE academic_session SET start_date = current_date - 120, end_date = current_date + 120 WHERE id = '" + year + "'");
        UUID fall = reviews.fall(year);
        UUID classId = reviews.classSection(elm, year, "Walk homeroom");
        UUID walked = referrals.student(elm, "Ana", "Walker", LocalDate.now().minusYears(10));
        reviews.enroll(classId, walked, null, null);
        List<UUID> others = reviews.enrolledStudents(classId, elm, "04", 11);
        List<UUID> all = new ArrayList<>(List.of(walked));
        all.addAll(others);
        reviews.finalReview(classId, fall, all, Collections.nCopies(12, "2"), ReviewDomain.SOCIAL_EMOTIONAL,
                Collections.nCopies(12, List.of(NEED)), Collections.nCopies(12, List.of()));
        UUID mother = referrals.contact(walked, "Rosa", "Walker", "parent", true);
        referrals.organization(MENTORING, "Mentoring Alliance");
        UUID service = referrals.service(MENTORING, ReviewFixtures.unique("Walk Mentoring"));
        // the service's term is a mentoring term under the early-intervention category (the default maps the need to mentoring)
        UUID root = UUID.randomUUID();
        UUID term = UUID.randomUUID();
        execute("INSERT INTO dir_taxonomy_term (id, code, name) VALUES ('" + root + "', 'early-intervention', 'Early intervention')");
        execute("INSERT INTO dir_taxonomy_term (id, parent_id, code, name) VALUES ('" + term + "', '" + root + "', 'mentoring', 'Mentoring')");
        execute("INSERT INTO dir_attribute (id, link_id, taxonomy_term_id) VALUES ('" + UUID.randomUUID() + "', '" + service + "', '" + term + "')");
        // one location 1.1 km from the school
        UUID location = UUID.randomUUID();
        execute("INSERT INTO dir_location (id, organization_id, name, latitude, longitude) VALUES ('" + location + "', '" + MENTORING
                + "', 'Mentoring office', 42.11, -72.6)");
        execute("INSERT INTO dir_service_at_location (id, service_id, location_id) VALUES ('" + UUID.randomUUID() + "', '" + service
                + "', '" + location + "')");

        String coordinator = Keycloak.token("coord.elm");
        String provider = Keycloak.token("provider.mentoring");

        // services for this student: the service is there, and says it meets the review's need
        JsonPath matching = given().auth().oauth2(coordinator).queryParam("size", 200)
                .get("/api/v1/students/{id}/matching-services", walked).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(NEED), matching.getList("items.find { it.serviceId == '" + service + "' }.why.needs"));

        // consent, draft, send
        Map<String, Object> consent = new HashMap<>();
        consent.put("signerContactId", mother.toString());
        consent.put("signedOn", LocalDate.now().toString());
        consent.put("method", "electronic");
        consent.put("electronicSignerIdentity", "family portal account, verified by SMS code");
        consent.put("dataCategories", List.of("identity", "review-needs"));
        consent.put("purposes", List.of("mentoring"));
        consent.put("recipientOrganizationId", MENTORING.toString());
        consent.put("expiresOn", LocalDate.now().plusMonths(6).toString());
        String consentId = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(consent)
                .post("/api/v1/students/{id}/consents", walked).then().statusCode(201).extract().path("id");
        Map<String, Object> draft = new HashMap<>();
        draft.put("serviceId", service.toString());
        draft.put("reasonCodes", List.of(NEED));
        draft.put("urgency", "routine");
        draft.put("purpose", "mentoring");
        draft.put("sharedCategories", List.of("identity", "review-needs"));
        draft.put("consentId", consentId);
        var created = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(draft)
                .post("/api/v1/students/{id}/referrals", walked).then().statusCode(201).extract();
        String referral = created.path("id");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(Map.of())
                .post("/api/v1/referrals/{id}/send", referral).then().statusCode(200).body("status", equalTo("requested"));

        // sent but not started: no service received yet, but the sent referral meets the need (not on the gap list)
        given().auth().oauth2(coordinator).get("/api/v1/students/{id}/services-received", walked).then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth().oauth2(coordinator).queryParam("periodId", fall).queryParam("schoolId", elm).queryParam("size", 200)
                .get("/api/v1/service-reports/unmet-needs/students").then().statusCode(200)
                .body("totalItems", equalTo(11)).body("items.studentId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(walked.toString())));

        // the provider accepts and starts
        move(provider, referral, Map.of("to", "accepted"));
        move(provider, referral, Map.of("to", "in-progress", "firstServiceOn", LocalDate.now().toString()));

        JsonPath received = given().auth().oauth2(coordinator).get("/api/v1/students/{id}/services-received", walked)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, received.getInt("totalItems"));
        assertEquals("community", received.getString("items[0].kind"));
        assertEquals(referral, received.getString("items[0].referralId"));
        assertEquals("early-intervention", received.getString("items[0].category"));
        assertEquals(List.of(NEED), received.getList("items[0].needs"));
        assertEquals("in-progress", received.getString("items[0].status"));
        assertEquals(LocalDate.now().toString(), received.getString("items[0].startedOn"));
        assertNull(received.get("items[0].endedOn"));
        // the organization's name as the directory holds it (the demo data may have named it first)
        assertEquals(matching.getString("items.find { it.serviceId == '" + service + "' }.organizationName"),
                received.getString("items[0].organizationName"));
        assertNotNull(received.getString("items[0].organizationName"));

        // ten classmates get a school-based support from a plan; the last gets nothing
        for (UUID other : others.subList(0, 10)) {
            given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body(Map.of("concerns", "Struggles with peers", "needs", List.of(NEED), "supports", List.of(Map.of(
                            "category", "early-intervention", "description", "Lunch group with the school counselor", "needs", List.of(NEED)))))
                    .post("/api/v1/students/{id}/individual-reviews", other).then().statusCode(201);
        }
        given().auth().oauth2(coordinator).get("/api/v1/students/{id}/services-received", others.get(0)).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].kind", equalTo("school"))
                .body("items[0].category", equalTo("early-intervention")).body("items[0].status", equalTo("open"))
                .body("items[0].name", equalTo("Lunch group with the school counselor"));

        // services per student by tier and category
        JsonPath byTier = given().auth().oauth2(coordinator).queryParam("periodId", fall).queryParam("schoolId", elm)
                .get("/api/v1/service-reports/by-tier").then().statusCode(200).extract().jsonPath();
        assertEquals(10, byTier.getInt("minCellCount"));
        assertEquals(12, byTier.getInt("rows.find { it.tier == '2' }.students.count"));
        assertEquals(11, byTier.getInt("rows.find { it.tier == '2' }.studentsWithService.count"));
        assertEquals(11, byTier.getInt("rows.find { it.tier == '2' }.services.count"));
        assertEquals(0.9167, byTier.getDouble("rows.find { it.tier == '2' }.shareWithService"), 0.0001);
        assertEquals(11, byTier.getInt("rows.find { it.tier == '2' }.byCategory.find { it.category == 'early-intervention' }.services.count"));
        assertEquals(true, byTier.getBoolean("rows.find { it.tier == '2' }.byCategory.find { it.category == 'intensive' }.services.suppressed"));
        assertEquals(true, byTier.getBoolean("rows.find { it.tier == '3' }.students.suppressed"));
        assertNull(byTier.get("rows.find { it.tier == '3' }.servicesPerStudent"));
        assertEquals(12, byTier.getInt("allTiers.students.count"));

        // the share of students with a service
        given().auth().oauth2(coordinator).queryParam("periodId", fall).queryParam("schoolId", elm)
                .get("/api/v1/service-reports/reach").then().statusCode(200)
                .body("schools[0].schoolId", equalTo(elm.toString()))
                .body("schools[0].students.count", equalTo(12)).body("schools[0].studentsWithService.count", equalTo(11))
                .body("total.share", equalTo(0.9167f));

        // needs without a service: counted (one student: suppressed), and the gap list names the student
        given().auth().oauth2(coordinator).queryParam("periodId", fall).queryParam("schoolId", elm)
                .get("/api/v1/service-reports/unmet-needs").then().statusCode(200)
                .body("needs[0].code", equalTo(NEED)).body("needs[0].students.count", equalTo(12))
                .body("needs[0].unmet.suppressed", equalTo(true)).body("studentsWithUnmetNeeds.suppressed", equalTo(true));
        UUID gap = others.get(10);
        given().auth().oauth2(coordinator).queryParam("periodId", fall).queryParam("schoolId", elm)
                .get("/api/v1/service-reports/unmet-needs/students").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].studentId", equalTo(gap.toString()))
                .body("items[0].tier", equalTo("2")).body("items[0].unmetNeeds", equalTo(List.of(NEED)))
                .body("items[0].schoolName", equalTo(given().auth().oauth2(coordinator).get("/api/v1/schools/{id}", elm)
                        .then().statusCode(200).extract().path("name")));
        assertTrue(one("SELECT count(*) FROM audit_event WHERE object_type = 'unmet-needs-students' AND '" + gap
                + "' = ANY(student_ids)") >= 1, "the gap list is audited as a read of the student it names");

        // another coordinator's school sees none of it
        given().auth().oauth2(Keycloak.token("coord.harbor")).get("/api/v1/students/{id}/services-received", walked)
                .then().statusCode(404);
    }

    private void move(String token, String referral, Map<String, Object> body) {
        String etag = given().auth().oauth2(token).get("/api/v1/provider/referrals/{id}", referral).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/referrals/{id}/transitions", referral).then().statusCode(200).body("status", equalTo(body.get("to")));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long one(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
