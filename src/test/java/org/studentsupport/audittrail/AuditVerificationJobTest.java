package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A verification asked to run in the background is a job: accepted with its Location, run by the
 * instance that claims it, stored with the same result a waiting caller would get, and run again when
 * the instance that held it stopped.
 */
@QuarkusTest
@TestSecurity(user = "auditor-jobs", roles = "auditor")
class AuditVerificationJobTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSealer sealer;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.flyway.username")
    String ownerUser;
    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    long end;

    @BeforeEach
    void aSealedChain() throws SQLException {
        try (Connection app = dataSource.getConnection(); Statement st = app.createStatement()) {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                st.execute("INSERT INTO audit_event (id, action, outcome, object_type, object_id)"
                        + " VALUES ('" + id + "', 'read', 'success', 'verification-job-probe', '" + id + "')");
            }
        }
        sealer.sealPending();
        end = single("SELECT max(position) FROM audit_seal");
    }

    @Test
    void aJobIsAcceptedWithItsLocationAndEndsWithTheResultAWaitingCallerGets() {
        String body = "{\"fromPosition\": 1, \"toPosition\": " + end + "}";
        var waited = given().contentType("application/json").body(body).post("/api/v1/audit/verifications")
                .then().statusCode(200).body("intact", equalTo(true)).extract();

        ExtractableResponse<Response> accepted = given().contentType("application/json").header("Prefer", "respond-async, wait=1")
                .body(body).post("/api/v1/audit/verifications")
                .then().statusCode(202).header("Retry-After", "5")
                .body("state", equalTo("queued")).body("requestedBy", equalTo("auditor-jobs"))
                .body("fromPosition", equalTo(1)).body("toPosition", equalTo((int) end)).extract();
        String id = accepted.path("id");
        assertTrue(accepted.header("Location").endsWith("/api/v1/audit/verifications/" + id), accepted.header("Location"));

        var done = awaitFinished(id);
        assertEquals("done", done.path("state"));
        assertEquals(Boolean.TRUE, done.path("result.intact"));
        assertEquals((int) end, (int) done.path("result.checkedEvents"));
        assertEquals((int) waited.path("checkedEvents"), (int) done.path("result.checkedEvents"));
        assertEquals((int) waited.path("checkpointsChecked"), (int) done.path("result.checkpointsChecked"));
        assertEquals(1, (int) done.path("attempts"));
        assertEquals(null, done.header("Retry-After"), "no Retry-After once the job is done");
        given().queryParam("size", 100).get("/api/v1/audit/verifications").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void aJobReportsTamperingAtItsPosition() throws SQLException {
        try (Connection owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
             Statement st = owner.createStatement()) {
            UUID altered = uuid(st, "SELECT event_id FROM audit_seal WHERE position = " + (end - 1));
            String objectId = text(st, "SELECT object_id FROM audit_event WHERE id = '" + altered + "'");
            st.execute("UPDATE audit_event SET object_id = 'someone-else' WHERE id = '" + altered + "'");
            try {
                String id = given().contentType("application/json").header("Prefer", "respond-async")
                        .body("{\"toPosition\": " + end + "}").post("/api/v1/audit/verifications")
                        .then().statusCode(202).extract().path("id");
                var done = awaitFinished(id);
                assertEquals(Boolean.FALSE, done.path("result.intact"));
                assertEquals((int) (end - 1), (int) done.path("result.firstFailure.position"));
                assertEquals(altered.toString(), done.path("result.firstFailure.eventId"));
                assertTrue(done.<String>path("result.firstFailure.reason").startsWith("the event does not match its seal"));
            } finally {
                st.execute("UPDATE audit_event SET object_id = " + (objectId == null ? "NULL" : "'" + objectId + "'")
                        + " WHERE id = '" + altered + "'");
            }
        }
    }

    @Test
    void aJobWhoseInstanceStoppedIsRunAgain() throws SQLException {
        UUID lost = UUID.randomUUID();
        try (Connection app = dataSource.getConnection(); Statement st = app.createStatement()) {
            st.execute("INSERT INTO audit_verification (id, requested_by, to_position, state, attempts, started_at, lease_until)"
                    + " VALUES ('" + lost + "', 'auditor-jobs', " + end + ", 'running', 1, now() - interval '5 minutes',"
                    + " now() - interval '1 minute')");
        }
        var done = awaitFinished(lost.toString());
        assertEquals("done", done.path("state"));
        assertEquals(2, (int) done.path("attempts"));
        assertEquals(Boolean.TRUE, done.path("result.intact"));
        assertEquals((int) end, (int) done.path("result.lastPosition"));
    }

    @Test
    void aRangeOutsideTheChainIsRefusedBeforeAnyJobIsQueued() throws SQLException {
        long before = single("SELECT count(*) FROM audit_verification");
        given().contentType("application/json").header("Prefer", "respond-async")
                .body("{\"fromPosition\": " + (end + 1000) + "}").post("/api/v1/audit/verifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/fromPosition"));
        assertEquals(before, single("SELECT count(*) FROM audit_verification"));
        given().get("/api/v1/audit/verifications/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "coord-jobs", roles = "coordinator")
    void onlyThoseWhoMayVerifySeeTheJobs() {
        given().get("/api/v1/audit/verifications").then().statusCode(403);
        given().contentType("application/json").header("Prefer", "respond-async").body("{}")
                .post("/api/v1/audit/verifications").then().statusCode(403);
    }

    @Test
    void respondAsyncIsReadAmongOtherPreferences() {
        assertTrue(AuditResource.respondAsync("respond-async"));
        assertTrue(AuditResource.respondAsync("return=minimal, Respond-Async; x=1"));
        assertFalse(AuditResource.respondAsync("return=minimal"));
        assertFalse(AuditResource.respondAsync("respond-asynchronously"));
        assertFalse(AuditResource.respondAsync(null));
    }

    private ExtractableResponse<Response> awaitFinished(String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            var job = given().get("/api/v1/audit/verifications/{id}", id).then().statusCode(200)
                    .body("id", equalTo(id)).extract();
            String state = job.path("state");
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            assertEquals("5", job.header("Retry-After"), "a queued or running job says when to ask again");
            assertTrue(System.nanoTime() < deadline, "the job " + id + " did not finish: " + state);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection app = dataSource.getConnection(); Statement st = app.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static UUID uuid(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
