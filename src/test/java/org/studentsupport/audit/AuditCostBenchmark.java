package org.studentsupport.audit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        run(client, profile, 100);
        double[] on = new double[3];
        double[] off = new double[3];
        List<Long> onLatencies = new ArrayList<>();
        List<Long> offLatencies = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            auditSwitch.set(true);
            add(on, run(client, profile, REQUESTS_PER_CLIENT), onLatencies);
            auditSwitch.set(false);
            add(off, run(client, profile, REQUESTS_PER_CLIENT), offLatencies);
        }
        auditSwitch.set(true);
        double onRps = on[0] / on[1];
        double offRps = off[0] / off[1];
        System.out.printf("%n[benchmark] student profile reads, %d concurrent clients, %d requests per client and round, 2 rounds%n",
                CLIENTS, REQUESTS_PER_CLIENT);
        System.out.printf("[benchmark]   audit on:  %.0f req/s, p50 %.1f ms, p95 %.1f ms%n", onRps, pct(onLatencies, 50), pct(onLatencies, 95));
        System.out.printf("[benchmark]   audit off: %.0f req/s, p50 %.1f ms, p95 %.1f ms%n", offRps, pct(offLatencies, 50), pct(offLatencies, 95));
        System.out.printf("[benchmark]   audited / unaudited throughput: %.2f (target at least 0.70)%n%n", onRps / offRps);
    }

    private record Round(long requests, double seconds, List<Long> latencies) {
    }

    private static void add(double[] totals, Round round, List<Long> latencies) {
        totals[0] += round.requests();
        totals[1] += round.seconds();
        latencies.addAll(round.latencies());
    }

    private static Round run(HttpClient client, URI uri, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    assertEquals(200, response.statusCode(), response.body());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Round((long) CLIENTS * perClient, seconds, latencies);
    }

    private static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
