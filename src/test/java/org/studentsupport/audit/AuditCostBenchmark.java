package org.studentsupport.audit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.ConcurrentGets;
import org.studentsupport.support.TestFixtures;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * What auditing costs: student-profile reads at 8 concurrent clients with audit on and with it
 * switched off, alternating in one run. Run: {@code ./mvnw verify -Pbenchmark -Dtest=AuditCostBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class AuditCostBenchmark {

    static final int CLIENTS = 8;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 400);

    @Inject
    TestFixtures fixtures;
    @Inject
    AuditSwitch auditSwitch;

    @TestHTTPResource("/api/v1/students/")
    URL students;

    @Test
    @TestSecurity(user = "coord-bench", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = "dst-bench-audit"), @SecurityAttribute(key = "school_ids", value = "sch-bench-audit")})
    void auditedReadsAgainstUnauditedReads() throws Exception {
        UUID student = fixtures.student("dst-bench-audit", "sch-bench-audit", "stu-bench-audit", "Bench", "Student");
        URI profile = URI.create(students + student.toString());
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        ConcurrentGets.run(client, profile, CLIENTS, 100);
        double[] on = new double[3];
        double[] off = new double[3];
        List<Long> onLatencies = new ArrayList<>();
        List<Long> offLatencies = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            auditSwitch.set(true);
            add(on, ConcurrentGets.run(client, profile, CLIENTS, REQUESTS_PER_CLIENT), onLatencies);
            auditSwitch.set(false);
            add(off, ConcurrentGets.run(client, profile, CLIENTS, REQUESTS_PER_CLIENT), offLatencies);
        }
        auditSwitch.set(true);
        double onRps = on[0] / on[1];
        double offRps = off[0] / off[1];
        System.out.printf("%n[benchmark] student profile reads, %d concurrent clients, %d requests per client and round, 2 rounds%n",
                CLIENTS, REQUESTS_PER_CLIENT);
        System.out.printf("[benchmark]   audit on:  %.0f req/s, p50 %.1f ms, p95 %.1f ms%n", onRps,
                ConcurrentGets.percentileMillis(onLatencies, 50), ConcurrentGets.percentileMillis(onLatencies, 95));
        System.out.printf("[benchmark]   audit off: %.0f req/s, p50 %.1f ms, p95 %.1f ms%n", offRps,
                ConcurrentGets.percentileMillis(offLatencies, 50), ConcurrentGets.percentileMillis(offLatencies, 95));
        System.out.printf("[benchmark]   audited / unaudited throughput: %.2f (target at least 0.70)%n%n", onRps / offRps);
    }

    private static void add(double[] totals, ConcurrentGets.Round round, List<Long> latencies) {
        totals[0] += round.requests();
        totals[1] += round.seconds();
        latencies.addAll(round.latencies());
    }
}
