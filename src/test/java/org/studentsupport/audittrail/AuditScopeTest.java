package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit events are scoped by whose record they concern, not by who the actor was. */
@QuarkusTest
class AuditScopeTest {

    static final String DISTRICT = "dst-scope-own";
    static final String OTHER = "dst-scope-other";

    @Inject
    TestFixtures fixtures;
    @Inject
    AgroalDataSource dataSource;

    UUID student;

    @BeforeEach
    void aStudentOfTheDistrict() {
        student = fixtures.student(DISTRICT, "sch-scope-own", "stu-scope-own", "Sam", "Scope");
    }

    @Test
    @TestSecurity(user = "coord-scope-other", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = OTHER), @SecurityAttribute(key = "school_ids", value = "sch-scope-other")})
    void anEventRecordsTheDistrictAndSchoolOfTheStudentItConcernsNotTheActors() throws SQLException {
        String requestId = "scope-foreign-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/api/v1/students/{id}", student).then().statusCode(404);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT actor_district, subject_district, subject_school, outcome FROM audit_event WHERE request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "the refused read is audited");
                assertEquals(OTHER, rs.getString(1));
                assertEquals(DISTRICT, rs.getString(2));
                assertEquals("sch-scope-own", rs.getString(3));
                assertEquals("denied", rs.getString(4));
            }
        }
    }

    @Test
    @TestSecurity(user = "super-scope-own", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void theOwningDistrictsSupervisorFindsAnotherDistrictsActorsAccessToItsStudent() throws SQLException {
        String object = "provider-read-" + UUID.randomUUID();
        insertEvent(object, OTHER, student);
        given().get("/api/v1/audit/students/{id}/access", student).then().statusCode(200)
                .body("items.objectId", hasItem(object))
                .body("items.find { it.objectId == '" + object + "' }.subjectDistrict", equalTo(DISTRICT));
        given().queryParam("objectId", object).get("/api/v1/audit/events").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].actorSubject", equalTo("provider-elsewhere"));
        String csv = given().queryParam("studentId", student).get("/api/v1/audit/events.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(object), csv);
    }

    @Test
    @TestSecurity(user = "super-scope-other", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = OTHER))
    void aSupervisorDoesNotSeeTheirOwnDistrictsActorsAccessToAnotherDistrictsStudent() throws SQLException {
        String object = "own-actor-read-" + UUID.randomUUID();
        insertEvent(object, OTHER, student);
        given().queryParam("objectId", object).get("/api/v1/audit/events").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().queryParam("studentId", student).get("/api/v1/audit/events").then().statusCode(200)
                .body("items.objectId", not(hasItem(object)));
        String csv = given().queryParam("objectId", object).get("/api/v1/audit/events.csv").then().statusCode(200)
                .extract().asString();
        assertFalse(csv.contains(object), csv);
    }

    @Test
    @TestSecurity(user = "provider-scope", roles = "provider", attributes = @SecurityAttribute(key = "district_id", value = OTHER))
    void aRefusalCarriesTheStudentNamedInThePath() throws Exception {
        String requestId = "scope-refused-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/api/v1/students/{id}", student).then().statusCode(403);
        String[] row = awaitEvent(requestId);
        assertEquals("{" + student + "}", row[0]);
        assertEquals(DISTRICT, row[1]);
        assertEquals("student", row[2]);
        assertEquals(student.toString(), row[3]);
    }

    @Test
    @TestSecurity(user = "coord-scope-query", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-scope-own")})
    void aRefusalCarriesTheStudentNamedInTheQuery() throws Exception {
        String requestId = "scope-refused-query-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).queryParam("studentId", student).get("/api/v1/audit/events")
                .then().statusCode(403);
        String[] row = awaitEvent(requestId);
        assertEquals("{" + student + "}", row[0]);
        assertEquals(DISTRICT, row[1]);
    }

    @Test
    @TestSecurity(user = "super-scope-none", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorDoesNotSeeEventsThatConcernNoDistrict() throws SQLException {
        String object = "no-district-" + UUID.randomUUID();
        insertEvent(object, DISTRICT, null);
        given().queryParam("objectId", object).get("/api/v1/audit/events").then().statusCode(200)
                .body("totalItems", equalTo(0)).body("items", empty());
    }

    @Test
    @TestSecurity(user = "auditor-scope", roles = "auditor")
    void anAuditorSeesEventsOfEveryDistrictAndOfNone() throws SQLException {
        String none = "auditor-none-" + UUID.randomUUID();
        String own = "auditor-own-" + UUID.randomUUID();
        insertEvent(none, null, null);
        insertEvent(own, OTHER, student);
        given().queryParam("objectId", none).get("/api/v1/audit/events").then().statusCode(200).body("totalItems", equalTo(1));
        given().queryParam("objectId", own).get("/api/v1/audit/events").then().statusCode(200).body("totalItems", equalTo(1));
        given().get("/api/v1/audit/students/{id}/access", student).then().statusCode(200)
                .body("items.objectId", hasItem(own));
    }

    @Test
    @TestSecurity(user = "admin-scope", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = OTHER))
    void anAdministratorSeesEventsThatConcernNoDistrictButNotAnotherDistricts() throws SQLException {
        String none = "admin-none-" + UUID.randomUUID();
        String foreign = "admin-foreign-" + UUID.randomUUID();
        insertEvent(none, null, null);
        insertEvent(foreign, OTHER, student);
        given().queryParam("objectId", none).get("/api/v1/audit/events").then().statusCode(200).body("totalItems", equalTo(1));
        given().queryParam("objectId", foreign).get("/api/v1/audit/events").then().statusCode(200).body("totalItems", equalTo(0));
    }

    /** An event as the application writes one: the database derives whose record it concerns from the student. */
    private void insertEvent(String objectId, String actorDistrict, UUID concerned) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO audit_event (id, action, outcome, actor_subject, actor_district, object_type, object_id, student_ids)"
                        + " VALUES (?, 'read', 'success', 'provider-elsewhere', ?, 'referral', ?, ?)")) {
            st.setObject(1, UUID.randomUUID());
            st.setString(2, actorDistrict);
            st.setString(3, objectId);
            st.setArray(4, c.createArrayOf("uuid", concerned == null ? new UUID[0] : new UUID[]{concerned}));
            st.executeUpdate();
        }
    }

    private String[] awaitEvent(String requestId) throws Exception {
        for (int i = 0; i < 50; i++) {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                    "SELECT student_ids::text, subject_district, object_type, object_id FROM audit_event WHERE request_id = ?")) {
                st.setString(1, requestId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit event for request " + requestId);
    }
}
