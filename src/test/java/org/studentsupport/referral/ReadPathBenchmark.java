package org.studentsupport.referral;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.ConcurrentGets;
import org.studentsupport.audit.AuditSwitch;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The main reads against the cheapest authenticated call of the same run: audited {@code GET} of a student's
 * profile and of a referral with its history, for a student with a handful of referrals and for one with
 * 40,000, at 8 concurrent clients, each read alternating with the baseline {@code GET /api/v1/me} (token check,
 * no database). Run: {@code ./mvnw verify -Pbenchmark -Dtest=ReadPathBenchmark} ({@code -Dbench.requests=} per
 * client and round, {@code -Dbench.referrals=} the long history). Each read is also run with the audit switched
 * off, to show what the audit insert and its commit cost; the target is for the audited reads.
 */
@QuarkusTest
@Tag("benchmark")
class ReadPathBenchmark {

    static final int CLIENTS = 8;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("bench.requests", 300);
    static final int ROUNDS = 3;
    static final int LONG_HISTORY = Integer.getInteger("bench.referrals", 40_000);
    static final String DISTRICT = "dst-bench-read";
    static final String SCHOOL = "sch-bench-read";
    static final List<String> SHARED = List.of("identity", "demographics", "contact");

    @Inject
    ReferralFixtures fixtures;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSwitch auditSwitch;

    @TestHTTPResource("/")
    URL base;

    @Test
    @TestSecurity(user = "coord-bench-read", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = SCHOOL)})
    void auditedReadsAgainstTheTrivialAuthenticatedEndpoint() throws Exception {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID service = fixtures.service(fixtures.organization("Bench read provider"), "Bench read mentoring");
        List<UUID> services = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            services.add(fixtures.service(fixtures.organization("Bench read provider " + i), "Bench read service " + i));
        }
        UUID normal = fixtures.student(school, "Nora", "Normal", LocalDate.now().minusYears(12));
        UUID heavy = fixtures.student(school, "Hugo", "Heavy", LocalDate.now().minusYears(12));
        UUID normalReferral = referralWithHistory(normal, service);
        for (int i = 0; i < 4; i++) {
            fixtures.referral(normal, services.get(i), null, SHARED, i % 2 == 0 ? new ReferralStatus[] {ReferralStatus.REQUESTED}
                    : new ReferralStatus[] {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                    ReferralStatus.COMPLETED});
        }
        UUID heavyReferral = referralWithHistory(heavy, service);
        fixtures.bulkReferrals(heavy, services, LONG_HISTORY);
        analyze();

        String root = base.toString();
        URI baseline = URI.create(root + "api/v1/me");
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        String baselineName = "GET /api/v1/me (baseline)";
        Map<String, URI> reads = new LinkedHashMap<>();
        reads.put("GET student profile, 5 referrals", URI.create(root + "api/v1/students/" + normal));
        reads.put("GET student profile, " + (LONG_HISTORY + 1) + " referrals", URI.create(root + "api/v1/students/" + heavy));
        reads.put("GET referral, student with 5 referrals", URI.create(root + "api/v1/referrals/" + normalReferral));
        reads.put("GET referral, student with " + (LONG_HISTORY + 1) + " referrals", URI.create(root + "api/v1/referrals/" + heavyReferral));

        Map<String, Result> results = new LinkedHashMap<>();
        results.put(baselineName, new Result());
        reads.keySet().forEach(name -> {
            results.put(name, new Result());
            results.put(name + " [audit off]", new Result());
        });
        ConcurrentGets.run(client, baseline, CLIENTS, 50);
        for (URI uri : reads.values()) {
            ConcurrentGets.run(client, uri, CLIENTS, 50);
        }
        long auditBefore = auditEvents();
        long audited = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Each read is measured right after a baseline run, so that both see the same machine.
            for (Map.Entry<String, URI> read : reads.entrySet()) {
                results.get(baselineName).add(ConcurrentGets.run(client, baseline, CLIENTS, REQUESTS_PER_CLIENT));
                results.get(read.getKey()).add(ConcurrentGets.run(client, read.getValue(), CLIENTS, REQUESTS_PER_CLIENT));
                audited += (long) CLIENTS * REQUESTS_PER_CLIENT;
                // The same read without its audit event: what the insert and the commit cost (for the figures only).
                auditSwitch.set(false);
                try {
                    results.get(read.getKey() + " [audit off]")
                            .add(ConcurrentGets.run(client, read.getValue(), CLIENTS, REQUESTS_PER_CLIENT));
                } finally {
                    auditSwitch.set(true);
                }
            }
        }
        long written = auditEvents() - auditBefore;

        Result reference = results.get(baselineName);
        System.out.printf("%n[benchmark] audited reads against the trivial authenticated endpoint, %d concurrent clients, "
                + "%d requests per client and run, %d rounds; %s%n", CLIENTS, REQUESTS_PER_CLIENT, ROUNDS, LocalDate.now());
        System.out.printf("[benchmark]   audit events written by the measured reads: %d of %d%n", written, audited);
        System.out.printf("[benchmark]   %-70s %9s %8s %8s %8s %9s%n", "call", "req/s", "p50 ms", "p95 ms", "p99 ms", "vs base");
        for (Map.Entry<String, Result> entry : results.entrySet()) {
            Result r = entry.getValue();
            System.out.printf("[benchmark]   %-70s %9.0f %8.1f %8.1f %8.1f %9.2f%n", entry.getKey(), r.rps(), r.pct(50), r.pct(95),
                    r.pct(99), r.rps() / reference.rps());
        }
        System.out.printf("[benchmark]   target: every read at least 0.50 of the baseline's throughput and p99 under 25 ms%n");
        for (String name : reads.keySet()) {
            Result r = results.get(name);
            System.out.printf("[benchmark]   %-70s %s%n", name, r.rps() / reference.rps() >= 0.5 && r.pct(99) < 25 ? "met" : "NOT MET");
        }
        System.out.println();
    }

    private UUID referralWithHistory(UUID student, UUID service) {
        UUID parent = fixtures.contact(student, "Pat", "Parent", "parent", true);
        UUID consent = fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, LocalDate.now().minusDays(3),
                LocalDate.now().plusYears(1), null);
        return fixtures.referral(student, service, consent, SHARED, List.of(parent), ReferralStatus.REQUESTED,
                ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
    }

    /** As the schema owner, so that the planner has the statistics a settled database has. */
    private static void analyze() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
             Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE referral");
        }
    }

    private long auditEvents() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM audit_event WHERE actor_subject = 'coord-bench-read'"
                     + " AND action = 'read' AND outcome = 'success'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static final class Result {
        private long requests;
        private double seconds;
        private final List<Long> latencies = new ArrayList<>();

        void add(ConcurrentGets.Round round) {
            requests += round.requests();
            seconds += round.seconds();
            latencies.addAll(round.latencies());
        }

        double rps() {
            return requests / seconds;
        }

        double pct(int percentile) {
            return ConcurrentGets.percentileMillis(latencies, percentile);
        }
    }
}
