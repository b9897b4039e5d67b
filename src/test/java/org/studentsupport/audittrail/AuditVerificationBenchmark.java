package org.studentsupport.audittrail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints how long sealing and verifying 1,000,000 audit events take.
 * Run: {@code ./mvnw verify -Pbenchmark -Dtest=AuditVerificationBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class AuditVerificationBenchmark {

    static final int EVENTS = Integer.getInteger("bench.audit.events", 1_000_000);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSealer sealer;
    @ConfigProperty(name = "studentsupport.audit.checkpoint-key")
    String key;

    @Test
    void sealAndVerifyAMillionEvents() throws Exception {
        sealer.sealPending();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO audit_event (id, occurred_at, action, outcome, actor_subject, actor_username, actor_roles,"
                    + " actor_district, actor_scope, source_address, request_id, operation, object_type, object_id, student_ids)"
                    + " SELECT gen_random_uuid(), now() + n * interval '1 millisecond', 'read', 'success',"
                    + " 'subject-' || (n % 50), 'user' || (n % 50), 'coordinator', 'dst-bench', 'schools:sch-bench',"
                    + " '127.0.0.1', 'req-' || n, 'StudentResource.profile', 'student', gen_random_uuid()::text,"
                    + " ARRAY[gen_random_uuid()] FROM generate_series(1, " + EVENTS + ") AS n");
        }
        double insertSeconds = (System.nanoTime() - t0) / 1e9;

        // The scheduled sealer works alongside; wait until every event has its seal.
        long t1 = System.nanoTime();
        long sealed;
        do {
            sealer.sealPending();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event e WHERE NOT EXISTS"
                         + " (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)")) {
                rs.next();
                sealed = rs.getLong(1);
            }
        } while (sealed > 0);
        double sealSeconds = (System.nanoTime() - t1) / 1e9;

        long t2 = System.nanoTime();
        AuditVerifier.Result result;
        try (Connection c = dataSource.getConnection()) {
            result = AuditVerifier.verify(c, key, new AuditVerifier.Request(1, Long.MAX_VALUE, java.time.Duration.ofMinutes(5), null));
        }
        double verifySeconds = (System.nanoTime() - t2) / 1e9;

        System.out.printf("%n[benchmark] audit trail, %,d events%n", EVENTS);
        System.out.printf("[benchmark]   insert (SQL, for setup):  %.1f s%n", insertSeconds);
        System.out.printf("[benchmark]   seal into the chain:      %.1f s (%,.0f events/s)%n", sealSeconds, EVENTS / sealSeconds);
        System.out.printf("[benchmark]   verify the whole trail:   %.1f s (%,.0f events/s), %,d events checked, intact=%s, checkpoints=%d%n%n",
                verifySeconds, result.checkedEvents() / verifySeconds, result.checkedEvents(), result.intact(),
                result.checkpointsChecked());
        assertTrue(result.intact(), "the benchmark trail verifies");
    }
}
