package org.studentsupport.roster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With several replicas, a job belongs to the instance holding its upload: only a job whose holder
 * stopped stamping it is failed, and an instance takes no more uploads than it can hold on disk.
 */
@QuarkusTest
@TestSecurity(user = "admin-rec", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = RosterImportRecoveryTest.DISTRICT))
class RosterImportRecoveryTest {

    static final String DISTRICT = "dst-imp-recovery";

    @Inject
    RosterImportService service;

    @Inject
    RosterImportRepository jobs;

    @Inject
    ImportLimits limits;

    @Inject
    Db db;

    @Test
    void aJobAnotherReplicaStillStampsIsLeftAloneAndOneNobodyStampsIsFailed() {
        UUID live = job(RosterImport.Status.running, Instant.now().minusSeconds(5));
        UUID queuedElsewhere = job(RosterImport.Status.queued, Instant.now());
        UUID orphan = job(RosterImport.Status.running, Instant.now().minusSeconds(limits.staleAfterSeconds() + 30));
        UUID orphanQueued = job(RosterImport.Status.queued, Instant.now().minusSeconds(limits.staleAfterSeconds() + 30));

        service.failStale();

        assertEquals("running", status(live));
        assertEquals("queued", status(queuedElsewhere));
        assertEquals("failed", status(orphan));
        assertEquals("failed", status(orphanQueued));
        assertEquals("done", db.value("SELECT phase FROM roster_import WHERE id = ?", orphan));
        assertEquals(true, ((String) db.value("SELECT message FROM roster_import WHERE id = ?", orphan)).contains("nothing was written"));
        // The next sweep leaves the live job alone again.
        service.failStale();
        assertEquals("running", status(live));
    }

    @Test
    void anInstanceHoldingAllItsUploadsRefusesTheNextBeforeReadingIt() {
        int held = limits.maxHeldUploads();
        for (int i = 0; i < held; i++) {
            assertEquals(true, service.reserveUploadSlot());
        }
        try {
            long before = (long) db.value("SELECT count(*) FROM roster_import WHERE district_sourced_id = ?", DISTRICT);
            given().contentType("application/zip").body(new byte[]{1, 2, 3}).post("/api/v1/roster-imports")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "30")
                    .body("type", equalTo("urn:student-support:problem:unavailable"))
                    .body("detail", containsString("already holds " + held + " roster imports"));
            assertEquals(before, db.value("SELECT count(*) FROM roster_import WHERE district_sourced_id = ?", DISTRICT),
                    "no job is recorded for a refused upload");
        } finally {
            for (int i = 0; i < held; i++) {
                service.releaseUploadSlot();
            }
        }
        // With the slots free again, an upload is taken (and, not being a zip, rejected by the import).
        given().contentType("application/zip").body(new byte[]{1, 2, 3}).post("/api/v1/roster-imports")
                .then().statusCode(202);
    }

    private UUID job(RosterImport.Status status, Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RosterImport job = new RosterImport(DISTRICT, "admin-rec", false, 10);
            job.status = status;
            job.heartbeatAt = heartbeat;
            jobs.persist(job);
            return job.id;
        });
    }

    private String status(UUID id) {
        return (String) db.value("SELECT status FROM roster_import WHERE id = ?", id);
    }
}
