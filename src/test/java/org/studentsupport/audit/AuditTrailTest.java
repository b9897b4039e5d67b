package org.studentsupport.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.audittrail.AuditSealer;
import org.studentsupport.support.Keycloak;
import org.studentsupport.support.LogCapture;
import org.studentsupport.support.TestFixtures;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditTrailTest {

    static final String DISTRICT = "dst-audit";

    @Inject
    TestFixtures fixtures;
    @Inject
    AgroalDataSource appDataSource;
    @Inject
    AuditSealer sealer;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    UUID studentA;
    UUID studentB;

    @BeforeEach
    void twoSchools() {
        studentA = fixtures.student(DISTRICT, "sch-audit-a", "stu-audit-a", "Ada", "Audit");
        studentB = fixtures.student(DISTRICT, "sch-audit-b", "stu-audit-b", "Bea", "Audit");
    }

    @Test
    @TestSecurity(user = "coord-audit-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-audit-a")})
    void auditedReadWritesAnEventWithTheDomainFields() throws SQLException {
        String requestId = "audit-read-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/test-support/audit-probe/{id}", studentA).then().statusCode(200);
        Map<String, Object> event = eventByRequestId(requestId);
        assertEquals("read", event.get("action"));
        assertEquals("success", event.get("outcome"));
        assertEquals("coord-audit-a", event.get("actor_subject"));
        assertEquals("coordinator", event.get("actor_roles"));
        assertEquals(DISTRICT, event.get("actor_district"));
        assertEquals("schools:sch-audit-a", event.get("actor_scope"));
        assertEquals("student", event.get("object_type"));
        assertEquals(studentA.toString(), event.get("object_id"));
        assertEquals(List.of(studentA.toString()), event.get("student_ids"));
        assertEquals("AuditProbeResource.read", event.get("operation"));
        assertNotNull(event.get("source_address"));
    }

    @Test
    @TestSecurity(user = "coord-audit-a", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-audit-a")})
    void readingAStudentOutsideTheScopeIsAuditedAsDenied() throws SQLException {
        String requestId = "audit-scope-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/test-support/audit-probe/{id}", studentB).then().statusCode(404);
        Map<String, Object> event = eventByRequestId(requestId);
        assertEquals("denied", event.get("outcome"));
        assertEquals(404, event.get("http_status"));
        assertEquals(List.of(studentB.toString()), event.get("student_ids"));
    }

    @Test
    @TestSecurity(user = "provider-audit", roles = "provider", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aRoleThatMayNotReadIsAuditedAsDenied() throws Exception {
        String requestId = "audit-role-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/test-support/audit-probe/{id}", studentA).then().statusCode(403);
        Map<String, Object> event = awaitEventByRequestId(requestId);
        assertEquals("read", event.get("action"));
        assertEquals("denied", event.get("outcome"));
        assertEquals(403, event.get("http_status"));
        assertEquals("provider-audit", event.get("actor_subject"));
    }

    @Test
    void aRefusedTokenIsAuditedAsAFailedSignIn() throws Exception {
        String requestId = "audit-login-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).auth().oauth2("forged.token.value")
                .get("/test-support/audit-probe/{id}", studentA).then().statusCode(401);
        Map<String, Object> event = awaitEventByRequestId(requestId);
        assertEquals("login-failure", event.get("action"));
        assertEquals("denied", event.get("outcome"));
        assertEquals(null, event.get("actor_subject"));
    }

    @Test
    void theApplicationRoleCannotChangeOrRemoveAuditRows() throws SQLException {
        try (Connection app = appDataSource.getConnection(); Statement st = app.createStatement()) {
            for (String sql : List.of("UPDATE audit_event SET outcome = 'success'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "UPDATE audit_seal SET chain_hash = 'x'", "DELETE FROM audit_seal",
                    "DELETE FROM audit_checkpoint")) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    @TestSecurity(user = "super-audit", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void verificationFindsAlteredDeletedAndReorderedEvents() throws SQLException {
        for (int i = 0; i < 3; i++) {
            given().get("/test-support/audit-probe/{id}", studentA).then().statusCode(200);
        }
        sealer.sealPending();
        given().contentType("application/json").body("{}").post("/api/v1/audit/verifications")
                .then().statusCode(200).body("intact", equalTo(true));
        long last = lastPosition();
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword)) {
            UUID altered = eventAt(owner, last - 1);
            exec(owner, "UPDATE audit_event SET object_id = 'someone-else' WHERE id = '" + altered + "'");
            assertFirstFailure(last - 1, altered, "altered");
            exec(owner, "UPDATE audit_event SET object_id = '" + studentA + "' WHERE id = '" + altered + "'");

            UUID deleted = eventAt(owner, last - 2);
            exec(owner, "CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE id = '" + deleted + "'");
            exec(owner, "DELETE FROM audit_event WHERE id = '" + deleted + "'");
            assertFirstFailure(last - 2, deleted, "deleted");
            // The database stamps every insert; putting the deleted row back as it was needs the stamp off.
            exec(owner, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_stamp");
            exec(owner, "INSERT INTO audit_event SELECT * FROM kept");
            exec(owner, "ALTER TABLE audit_event ENABLE TRIGGER audit_event_stamp");

            exec(owner, "UPDATE audit_seal SET position = -1 WHERE position = " + last);
            exec(owner, "UPDATE audit_seal SET position = " + last + " WHERE position = " + (last - 1));
            exec(owner, "UPDATE audit_seal SET position = " + (last - 1) + " WHERE position = -1");
            given().contentType("application/json").body("{}").post("/api/v1/audit/verifications")
                    .then().statusCode(200).body("intact", equalTo(false))
                    .body("firstFailure.position", equalTo((int) (last - 1)))
                    .body("firstFailure.reason", startsWith("the event does not match"));
            exec(owner, "UPDATE audit_seal SET position = -1 WHERE position = " + last);
            exec(owner, "UPDATE audit_seal SET position = " + last + " WHERE position = " + (last - 1));
            exec(owner, "UPDATE audit_seal SET position = " + (last - 1) + " WHERE position = -1");
        }
        given().contentType("application/json").body("{\"fromPosition\": 1}").post("/api/v1/audit/verifications")
                .then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    @TestSecurity(user = "super-audit", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void supervisorsSearchExportAndReportAccessByStudent() {
        given().get("/test-support/audit-probe/{id}", studentB).then().statusCode(200);
        given().queryParam("studentId", studentB).queryParam("action", "read").get("/api/v1/audit/events")
                .then().statusCode(200)
                .body("items.actorSubject", hasItem("super-audit"))
                .body("items.objectId", hasItem(studentB.toString()));
        String csv = given().queryParam("studentId", studentB).get("/api/v1/audit/events.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("id,occurred_at,action,outcome"), csv);
        assertTrue(csv.contains(studentB.toString()), csv);
        given().get("/api/v1/audit/students/{id}/access", studentB).then().statusCode(200)
                .body("items.operation", hasItem("AuditProbeResource.read"));
    }

    @Test
    void noStudentNameNoteTextOrTokenReachesTheAuditTrailOrTheLog() throws Exception {
        fixtures.school("dst-riverton", "sch-elm", "Elm Street Elementary School");
        UUID elmStudent = fixtures.student("dst-riverton", "sch-elm", "stu-audit-pii", "Zebulon", "Quixotic");
        String token = Keycloak.token("coord.elm");
        List<ExtLogRecord> records;
        try (LogCapture logs = LogCapture.start()) {
            given().auth().oauth2(token).queryParam("q", "Zebulon Quixotic private note")
                    .get("/test-support/audit-probe/{id}", elmStudent).then().statusCode(200);
            given().auth().oauth2(token + "x").queryParam("q", "Zebulon").get("/test-support/audit-probe/{id}", elmStudent)
                    .then().statusCode(401);
            Thread.sleep(500);
            sealer.sealPending();
            records = logs.records();
        }
        List<String> leaks = new ArrayList<>();
        try (Connection app = appDataSource.getConnection(); Statement st = app.createStatement();
             ResultSet rs = st.executeQuery("SELECT row_to_json(e)::text FROM audit_event e")) {
            while (rs.next()) {
                String row = rs.getString(1);
                if (row.contains("Zebulon") || row.contains("Quixotic") || row.contains("private note") || row.contains(token)) {
                    leaks.add(row);
                }
            }
        }
        for (ExtLogRecord record : records) {
            String line = record.getFormattedMessage() + " " + record.getMdcCopy();
            if (line.contains("Zebulon") || line.contains("Quixotic") || line.contains(token.substring(0, 40))) {
                leaks.add(line);
            }
        }
        assertEquals(List.of(), leaks);
    }

    private void assertFirstFailure(long position, UUID eventId, String what) {
        given().contentType("application/json").body("{}").post("/api/v1/audit/verifications")
                .then().statusCode(200).body("intact", equalTo(false))
                .body("firstFailure.position", equalTo((int) position))
                .body("firstFailure.eventId", equalTo(eventId.toString()));
    }

    private long lastPosition() throws SQLException {
        try (Connection app = appDataSource.getConnection(); Statement st = app.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(position) FROM audit_seal")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static UUID eventAt(Connection c, long position) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT event_id FROM audit_seal WHERE position = " + position)) {
            assertTrue(rs.next(), "no seal at " + position);
            return rs.getObject(1, UUID.class);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Map<String, Object> awaitEventByRequestId(String requestId) throws Exception {
        for (int i = 0; i < 50; i++) {
            Map<String, Object> event = findEvent(requestId);
            if (event != null) {
                return event;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit event for request " + requestId);
    }

    private Map<String, Object> eventByRequestId(String requestId) throws SQLException {
        Map<String, Object> event = findEvent(requestId);
        assertNotNull(event, "no audit event for request " + requestId);
        return event;
    }

    private Map<String, Object> findEvent(String requestId) throws SQLException {
        try (Connection app = appDataSource.getConnection();
             PreparedStatement st = app.prepareStatement("SELECT * FROM audit_event WHERE request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof Array array) {
                        value = java.util.Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
                    }
                    row.put(rs.getMetaData().getColumnName(i), value);
                }
                assertFalse(rs.next(), "one event per request");
                return row;
            }
        }
    }
}
