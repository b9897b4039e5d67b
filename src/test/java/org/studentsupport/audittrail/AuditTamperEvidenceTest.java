package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.LogCapture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of tampering with the audit trail is reported, at its position. Tampering happens as
 * the schema owner while holding the sealer's lock (so no sealing run sees a half-tampered chain),
 * is verified on the same connection, and is undone before the lock is released.
 */
@QuarkusTest
class AuditTamperEvidenceTest {

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
    @ConfigProperty(name = "studentsupport.audit.checkpoint-key")
    String key;

    Connection owner;

    @BeforeEach
    void aSealedTrailWithSeveralCheckpoints() throws SQLException {
        for (int run = 0; run < 3; run++) {
            insertEvents(2);
            sealer.sealPending();
        }
        owner = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");
        assertTrue(verify(null).intact(), "the trail verifies before tampering: " + verify(null).firstFailure());
    }

    @AfterEach
    void intactAgain() throws SQLException {
        try {
            assertTrue(verify(null).intact(), "the test undid its tampering: " + verify(null).firstFailure());
        } finally {
            exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
            owner.close();
        }
    }

    @Test
    void deletingACheckpointInTheMiddleIsReportedAtItsPosition() throws SQLException {
        List<Long> checkpoints = longs("SELECT position FROM audit_checkpoint ORDER BY position DESC LIMIT 2");
        long middle = checkpoints.get(1);
        exec("CREATE TEMP TABLE kept_checkpoint AS SELECT * FROM audit_checkpoint WHERE position = " + middle);
        exec("DELETE FROM audit_checkpoint WHERE position = " + middle);
        assertFailure(verify(null), middle, "the checkpoint at this position is missing");
        exec("INSERT INTO audit_checkpoint SELECT * FROM kept_checkpoint");
    }

    @Test
    void deletingTheNewestCheckpointIsReportedWhereTheSealsStopBeingCovered() throws SQLException {
        List<Long> checkpoints = longs("SELECT position FROM audit_checkpoint ORDER BY position DESC LIMIT 2");
        exec("CREATE TEMP TABLE kept_checkpoint AS SELECT * FROM audit_checkpoint WHERE position = " + checkpoints.get(0));
        exec("DELETE FROM audit_checkpoint WHERE position = " + checkpoints.get(0));
        assertFailure(verify(null), checkpoints.get(1) + 1, "the seals from this position on are not covered");
        exec("INSERT INTO audit_checkpoint SELECT * FROM kept_checkpoint");
    }

    @Test
    void deletingTheNewestEventsWithTheirSealsAndCheckpointsIsReportedAsTruncation() throws SQLException {
        List<Long> checkpoints = longs("SELECT position FROM audit_checkpoint ORDER BY position DESC LIMIT 2");
        long kept = checkpoints.get(1);
        long end = checkpoints.get(0);
        PublishedCheckpoint published = published(end);
        exec("CREATE TEMP TABLE kept_event AS SELECT e.* FROM audit_event e JOIN audit_seal s ON s.event_id = e.id WHERE s.position > " + kept);
        exec("CREATE TEMP TABLE kept_seal AS SELECT * FROM audit_seal WHERE position > " + kept);
        exec("CREATE TEMP TABLE kept_checkpoint AS SELECT * FROM audit_checkpoint WHERE position > " + kept);
        exec("DELETE FROM audit_checkpoint WHERE position > " + kept);
        exec("DELETE FROM audit_seal WHERE position > " + kept);
        exec("DELETE FROM audit_event WHERE id IN (SELECT id FROM kept_event)");

        assertFailure(verify(null), kept + 1, "the chain ends at position " + kept);
        // Whoever also winds the position sequence back is still caught by the published checkpoint.
        exec("SELECT setval('audit_seal_position', " + kept + ")");
        assertTrue(verify(null).intact(), "without the published checkpoint the shortened chain looks whole");
        assertFailure(verify(published), kept + 1, "the chain ends at position " + kept + " but a checkpoint at position " + end);

        exec("SELECT setval('audit_seal_position', " + end + ")");
        exec("ALTER TABLE audit_event DISABLE TRIGGER audit_event_stamp");
        exec("INSERT INTO audit_event SELECT * FROM kept_event");
        exec("ALTER TABLE audit_event ENABLE TRIGGER audit_event_stamp");
        exec("INSERT INTO audit_seal SELECT * FROM kept_seal");
        exec("INSERT INTO audit_checkpoint SELECT * FROM kept_checkpoint");
        AuditVerifier.Result whole = verify(published);
        assertTrue(whole.intact(), String.valueOf(whole.firstFailure()));
        assertEquals(end, whole.publishedPosition());
    }

    @Test
    void anEventInsertedIntoTheSealedPartOfTheOrderIsReportedWhereItBelongs() throws SQLException {
        long position = longs("SELECT max(position) - 2 FROM audit_seal").get(0);
        String[] order = strings("SELECT e.txid::text, e.seq FROM audit_seal s JOIN audit_event e ON e.id = s.event_id"
                + " WHERE s.position = " + position);
        UUID inserted = UUID.randomUUID();
        exec("ALTER TABLE audit_event DISABLE TRIGGER audit_event_stamp");
        exec("INSERT INTO audit_event (id, occurred_at, action, outcome, student_ids, txid, seq) VALUES ('" + inserted
                + "', now(), 'read', 'success', '{}', '" + order[0] + "', " + (Long.parseLong(order[1]) - 1) + ")");
        exec("ALTER TABLE audit_event ENABLE TRIGGER audit_event_stamp");
        AuditVerifier.Result result = verify(null);
        assertFailure(result, position, "an event in the sealed part of the order has no seal");
        assertEquals(inserted, result.firstFailure().eventId());
        exec("DELETE FROM audit_event WHERE id = '" + inserted + "'");
    }

    @Test
    void aBackDatedEventWithoutASealIsReportedOnceOlderThanTheSealingLag() throws SQLException {
        long end = longs("SELECT max(position) FROM audit_seal").get(0);
        UUID inserted = UUID.randomUUID();
        exec("ALTER TABLE audit_event DISABLE TRIGGER audit_event_stamp");
        exec("INSERT INTO audit_event (id, occurred_at, action, outcome, student_ids, txid, seq) VALUES ('" + inserted
                + "', now() - interval '1 day', 'read', 'success', '{}', '999999999999', nextval('audit_event_seq'))");
        exec("ALTER TABLE audit_event ENABLE TRIGGER audit_event_stamp");
        AuditVerifier.Result result = verify(null);
        assertFailure(result, end + 1, "an event older than the sealing lag has no seal");
        assertEquals(inserted, result.firstFailure().eventId());
        exec("DELETE FROM audit_event WHERE id = '" + inserted + "'");
    }

    @Test
    void theSealerUsesAgainThePositionsOfARunThatDidNotCommit() throws SQLException {
        long end = longs("SELECT max(position) FROM audit_seal").get(0);
        // a sealing run that took positions and was cut off before its commit: the sequence moved on, nothing was sealed
        try (Connection app = appDataSource.getConnection(); Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("SELECT nextval('audit_seal_position') FROM generate_series(1, 3)");
            app.rollback();
        }
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        List<ExtLogRecord> records;
        try (LogCapture logs = LogCapture.start()) {
            insertEvents(2);
            sealer.sealPending();
            records = logs.records();
        }
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");

        assertEquals(List.of(end + 1, end + 2), longs("SELECT position FROM audit_seal WHERE position > " + end + " ORDER BY position"),
                "the new seals take the positions the cut-off run never sealed");
        assertTrue(records.stream().anyMatch(r -> r.getLevel().getName().equals("WARN") && r.getFormattedMessage().contains(
                "Audit chain positions " + (end + 1) + ".." + (end + 3) + " were handed out to a sealing run that did not commit")),
                "the reuse is logged");
        assertEquals(List.of(end + 2), longs("SELECT committed_to FROM audit_seal_commit"));
        // the third position left over is used by the next run, and the chain verifies
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        insertEvents(1);
        sealer.sealPending();
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");
        assertEquals(List.of(end + 3), longs("SELECT max(position) FROM audit_seal"));
        assertTrue(verify(null).intact(), "no gap: " + verify(null).firstFailure());
    }

    @Test
    void theSealerNeverReusesTheSealedPositionsOfDeletedSeals() throws SQLException {
        long end = longs("SELECT max(position) FROM audit_seal").get(0);
        UUID newest = UUID.fromString(strings("SELECT event_id FROM audit_seal WHERE position = " + end)[0]);
        exec("CREATE TEMP TABLE kept_seal AS SELECT * FROM audit_seal WHERE position = " + end);
        exec("CREATE TEMP TABLE kept_checkpoint AS SELECT * FROM audit_checkpoint WHERE position = " + end);
        exec("DELETE FROM audit_checkpoint WHERE position = " + end);
        exec("DELETE FROM audit_seal WHERE position = " + end);
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        insertEvents(1);
        sealer.sealPending();
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");

        assertEquals(List.of(), longs("SELECT position FROM audit_seal WHERE position = " + end));
        assertEquals(List.of(end + 1), longs("SELECT position FROM audit_seal WHERE event_id = '" + newest + "'"),
                "the unsealed event is sealed at the next position, not at the deleted one");
        assertFailure(verify(null), end, "the seals of positions " + end + ".." + end + " are missing");

        exec("DELETE FROM audit_checkpoint WHERE position > " + end);
        exec("DELETE FROM audit_seal WHERE position > " + end);
        exec("INSERT INTO audit_seal SELECT * FROM kept_seal");
        exec("INSERT INTO audit_checkpoint SELECT * FROM kept_checkpoint");
        exec("SELECT setval('audit_seal_position', " + end + ")");
    }

    @Test
    void theApplicationCannotBackDateAnEventAndEveryEventItWritesIsSealed() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection app = appDataSource.getConnection(); Statement st = app.createStatement()) {
            st.execute("INSERT INTO audit_event (id, occurred_at, action, outcome, student_ids, seq) VALUES ('" + id
                    + "', '2001-01-01T00:00:00Z', 'read', 'success', '{}', 1)");
        }
        String[] row = strings("SELECT occurred_at > now() - interval '1 minute', seq <> 1 FROM audit_event WHERE id = '" + id + "'");
        assertEquals("t", row[0], "the database sets the time");
        assertEquals("t", row[1], "the database sets the sealing order");
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        sealer.sealPending();
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");
        assertEquals(1, longs("SELECT count(*) FROM audit_seal WHERE event_id = '" + id + "'").get(0));
    }

    @Test
    void anEventOfATransactionThatCommitsLateIsSealedAfterItNotSkipped() throws Exception {
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        try (Connection slow = appDataSource.getConnection()) {
            slow.setAutoCommit(false);
            insertEvent(slow, early);
            try (Connection quick = appDataSource.getConnection()) {
                insertEvent(quick, late);
            }
            sealer.sealPending();
            assertEquals(0, longs("SELECT count(*) FROM audit_seal WHERE event_id = '" + late + "'").get(0),
                    "an event is not sealed while a transaction that began stamping before it is still open");
            assertTrue(sealer.lag().compareTo(Duration.ZERO) >= 0);
            slow.commit();
        }
        sealer.sealPending();
        List<Long> early1 = longs("SELECT position FROM audit_seal WHERE event_id = '" + early + "'");
        List<Long> late1 = longs("SELECT position FROM audit_seal WHERE event_id = '" + late + "'");
        assertEquals(1, early1.size());
        assertEquals(1, late1.size());
        assertTrue(early1.get(0) < late1.get(0), "sealed in the order the database stamped them");
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");
    }

    @Test
    @TestSecurity(user = "super-tamper", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = "dst-tamper"))
    void verificationComparesTheLatestCheckpointPublishedInTheLog() throws SQLException {
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        List<ExtLogRecord> records;
        try (LogCapture logs = LogCapture.start()) {
            insertEvents(1);
            sealer.sealPending();
            records = logs.records();
        }
        StringBuilder log = new StringBuilder();
        records.forEach(r -> log.append(r.getFormattedMessage()).append('\n'));
        PublishedCheckpoint latest = PublishedCheckpoint.latestIn(log.toString()).orElseThrow();
        given().contentType("application/json").body(body(latest.position(), latest.chainHash(), latest.signature()))
                .post("/api/v1/audit/verifications").then().statusCode(200)
                .body("intact", equalTo(true)).body("publishedCheckpointPosition", equalTo((int) latest.position()));
        long beyond = latest.position() + 5;
        given().contentType("application/json").body(body(beyond, latest.chainHash(), latest.signature()))
                .post("/api/v1/audit/verifications").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstFailure.reason", startsWith("the chain ends at position"));
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");
    }

    @Test
    @TestSecurity(user = "super-tamper", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = "dst-tamper"))
    void verifyingARangeOutsideTheChainIsRefusedWithAFieldError() throws SQLException {
        exec("SELECT pg_advisory_unlock(" + AuditVerifier.SEAL_LOCK + ")");
        long checkpoints = longs("SELECT count(*) FROM audit_checkpoint").get(0);
        given().contentType("application/json").body("{\"fromPosition\": 9000000000000}")
                .post("/api/v1/audit/verifications").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.pointer", hasItem("/fromPosition"));
        given().contentType("application/json").body("{\"fromPosition\": 2, \"toPosition\": 1}")
                .post("/api/v1/audit/verifications").then().statusCode(400)
                .body("errors.pointer", hasItem("/toPosition"));
        given().contentType("application/json").body("{\"publishedCheckpoint\": {\"position\": 1, \"chainHash\": \"x\", \"signature\": \"y\"}}")
                .post("/api/v1/audit/verifications").then().statusCode(400);
        assertEquals(checkpoints, longs("SELECT count(*) FROM audit_checkpoint").get(0), "nothing was sealed by a refused request");
        exec("SELECT pg_advisory_lock(" + AuditVerifier.SEAL_LOCK + ")");
    }

    @Test
    void theSealersLagIsAMetricAndItsStateIsPartOfReadiness() {
        given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("audit_seal_lag_seconds"));
        given().get("/q/health/ready").then().body("checks.find { it.name == 'audit-sealer' }.status", equalTo("UP"));
        assertFalse(sealer.stalled());
    }

    private static String body(long position, String chain, String signature) {
        return "{\"publishedCheckpoint\": {\"position\": " + position + ", \"chainHash\": \"" + chain
                + "\", \"signature\": \"" + signature + "\"}}";
    }

    private PublishedCheckpoint published(long position) throws SQLException {
        String[] row = strings("SELECT chain_hash, signature FROM audit_checkpoint WHERE position = " + position);
        return new PublishedCheckpoint(position, row[0], row[1]);
    }

    private AuditVerifier.Result verify(PublishedCheckpoint published) throws SQLException {
        return AuditVerifier.verify(owner, key, new AuditVerifier.Request(1, Long.MAX_VALUE, Duration.ofMinutes(5), published));
    }

    private static void assertFailure(AuditVerifier.Result result, long position, String reason) {
        assertFalse(result.intact(), "tampering is reported");
        assertNotNull(result.firstFailure());
        assertEquals(position, result.firstFailure().position(), result.firstFailure().reason());
        assertTrue(result.firstFailure().reason().startsWith(reason), result.firstFailure().reason());
    }

    private void insertEvents(int count) throws SQLException {
        try (Connection app = appDataSource.getConnection()) {
            for (int i = 0; i < count; i++) {
                insertEvent(app, UUID.randomUUID());
            }
        }
    }

    private static void insertEvent(Connection c, UUID id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_event (id, action, outcome, object_type, object_id)"
                + " VALUES (?, 'read', 'success', 'tamper-probe', ?)")) {
            st.setObject(1, id);
            st.setString(2, id.toString());
            st.executeUpdate();
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = owner.createStatement()) {
            st.execute(sql);
        }
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement st = owner.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private String[] strings(String sql) throws SQLException {
        try (Statement st = owner.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            String[] row = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getString(i + 1);
            }
            assertNull(rs.next() ? "more than one row" : null, sql);
            return row;
        }
    }
}
