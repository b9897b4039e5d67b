package org.studentsupport.deploy;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under load, as one pass/fail run against the packaged service (production profile, the
 * overlay's environment, demo data on) with real tokens: {@code ./mvnw -B verify -Pfaults}.
 * <ol>
 *   <li>kill -9 twice while four coordinators write and send referrals, retrying what was not
 *       acknowledged: every acknowledged write is in the database once, nothing half done;</li>
 *   <li>the database stopped for about 5 s under the same load: 503 problems with Retry-After (never a
 *       500), readiness DOWN then UP, recovery without a restart, no stack trace per request in the
 *       log, every acknowledged write kept once;</li>
 *   <li>resource-limit attacks beside a normal client whose latency is measured before and during
 *       them: each attack gets its documented answer, the normal client stays within a bound of its
 *       baseline, the service's memory stays under the container's limit;</li>
 *   <li>the audit chain still verifies after all of it.</li>
 * </ol>
 * Every check is a line of the summary printed at the end; the test fails if any line is FAIL.
 */
class FaultsUnderLoadIT {

    private static final Path LOG = Path.of("target/faults-under-load-it.log");
    private static final Path SUMMARY = Path.of("target/faults-under-load-summary.txt");
    private static final Path POSTGRES_DATA = Path.of("target/faults-under-load-postgres");
    private static final String MENTORING_ORGANIZATION = "3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01";
    private static final int WRITERS = 4;
    private static final Duration COMMAND_BODY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    private static final Duration MEASUREMENT = Duration.ofSeconds(15);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final long CONTAINER_LIMIT_KB = 1024 * 1024;

    private static EmbeddedPostgres postgres;
    private static int postgresPort;
    private static Process keycloak;
    private static Process service;
    private static int keycloakPort;
    private static int servicePort;
    private static Map<String, String> env;
    private static Fixture fixture;

    private final List<Check> checks = new ArrayList<>();

    /** One line of the summary. */
    record Check(String phase, String name, Verdict verdict, String figures) {
        String line() {
            return String.format("%-4s  %-9s  %-58s  %s", verdict, phase, name, figures);
        }
    }

    enum Verdict { PASS, FAIL, INFO }

    /** What the writers write: a student of the coordinator's school, a service, a consent covering it. */
    record Fixture(String studentId, String serviceId, String consentId, String needCode) {
        Map<String, Object> draft() {
            return Map.of("serviceId", serviceId, "reasonCodes", List.of(needCode), "urgency", "routine",
                    "purpose", "mentoring", "sharedCategories", List.of("identity"), "consentId", consentId);
        }
    }

    /** A referral written by a writer, as the database has it. */
    record Stored(String id, String note, String status, int disclosures, int sendTransitions) {
        boolean sent() {
            return !"draft".equals(status);
        }
    }

    record Latency(int requests, List<String> errors, double p50Millis, double p99Millis, double maxMillis) {
        String figures() {
            return String.format("%d requests, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    requests, errors.size(), p50Millis, p99Millis, maxMillis);
        }
    }

    /** An attack repeated until told to stop, and how often the service answered it as documented. */
    record Attack(String name, String documented, RawHttpCall call, Predicate<RawHttp.RawAnswer> asDocumented) {
    }

    @FunctionalInterface
    interface RawHttpCall {
        RawHttp.RawAnswer call() throws IOException;
    }

    record AttackTally(Attack attack, int tries, int documented, String example, String firstMiss) {
    }

    @BeforeAll
    static void start() throws Exception {
        deleteRecursively(POSTGRES_DATA);
        postgresPort = PackagedService.freePort();
        postgres = PackagedService.startPostgres(POSTGRES_DATA, postgresPort);
        keycloakPort = PackagedService.freePort();
        keycloak = PackagedService.startKeycloak(keycloakPort, Path.of("target/faults-under-load-it-keycloak.log"));
        servicePort = PackagedService.freePort();
        env = new HashMap<>(PackagedService.productionEnvironment(postgresPort, keycloakPort, servicePort));
        env.put("DEMO_DATA", "true");
        // Four writers as one coordinator go far past a person's allowance: the limit is not what is tested here.
        env.put("RATE_LIMIT_PER_MINUTE", "0");
        // A body trickling in is cut off after this (30 s by default), so that the attack fits the run.
        env.put("STUDENTSUPPORT_HTTP_COMMAND_BODY_TIMEOUT", COMMAND_BODY_TIMEOUT.toSeconds() + "S");
        Files.deleteIfExists(LOG);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = servicePort;
        startService();
        fixture = prepareFixture();
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        PackagedService.stop(service);
        PackagedService.stop(keycloak);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServiceKeepsItsPromisesUnderFaultsAndLoad() {
        try {
            phase("1 kill -9", this::killUnderWriteLoad);
            phase("2 db down", this::databaseRestartUnderWriteLoad);
            phase("3 limits", this::attacksBesideANormalClient);
            phase("4 audit", this::auditChainAfterTheFaults);
        } finally {
            printSummary();
        }
        assertThat(checks.stream().filter(c -> c.verdict() == Verdict.FAIL).map(Check::line))
                .as("the checks of the summary that failed").isEmpty();
    }

    @FunctionalInterface
    interface PhaseBody {
        void run(String phase) throws Exception;
    }

    private void phase(String name, PhaseBody body) {
        long started = System.nanoTime();
        try {
            ensureServiceRunning();
            body.run(name);
            checks.add(new Check(name, "phase ran to its end", Verdict.PASS, "in " + seconds(started)));
        } catch (Exception | AssertionError e) {
            checks.add(new Check(name, "phase ran to its end", Verdict.FAIL, e.toString()));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 1. kill -9 under write load

    private void killUnderWriteLoad(String phase) throws Exception {
        ReferralWriteLoad load = writeLoad("faults-kill");
        load.start(WRITERS);
        List<String> exits = new ArrayList<>();
        List<String> restarts = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            awaitMoreSends(load, 15);
            exits.add(Integer.toString(killService()));
            long restarted = System.nanoTime();
            startService();
            restarts.add(seconds(restarted));
        }
        awaitMoreSends(load, 15);
        load.finish(Duration.ofSeconds(30));
        check(phase, "service killed by SIGKILL twice (exit 137)", exits.stream().allMatch("137"::equals),
                "exit codes " + exits + ", restarted and ready in " + restarts);
        checkWrites(phase, load);
    }

    private static int killService() throws InterruptedException {
        service.destroyForcibly();
        assertThat(service.waitFor(20, TimeUnit.SECONDS)).as("the service to die").isTrue();
        return service.exitValue();
    }

    // ---------------------------------------------------------------------------------------------
    // 2. database restart under write load

    private void databaseRestartUnderWriteLoad(String phase) throws Exception {
        ReferralWriteLoad load = writeLoad("faults-db");
        load.start(WRITERS);
        awaitMoreSends(load, 15);

        long logFrom = Files.size(LOG);
        long down = System.nanoTime();
        postgres.close();
        boolean readyWentDown = awaitQuietly(() -> readiness().is(503, "DOWN"), Duration.ofSeconds(10));
        String readyWhileDown = readiness().toString();
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
        postgres = PackagedService.startPostgres(POSTGRES_DATA, postgresPort);
        long up = System.nanoTime();
        int sendsAtUp = load.acknowledgedSendCount();
        boolean readyCameBack = awaitQuietly(() -> readiness().is(200, "UP"), RECOVERY_BOUND);
        String readyAfter = seconds(up);
        boolean writesCameBack = awaitQuietly(() -> load.acknowledgedSendCount() > sendsAtUp, RECOVERY_BOUND);
        String writesAfter = seconds(up);
        long logTo = Files.size(LOG);
        awaitMoreSends(load, 15);
        load.finish(Duration.ofSeconds(30));

        checkAnswersDuringOutage(phase, load.answers(), down, up);
        check(phase, "readiness DOWN while the database is down", readyWentDown, readyWhileDown);
        check(phase, "readiness UP again, without a restart, within " + RECOVERY_BOUND.toSeconds() + " s", readyCameBack,
                "UP " + readyAfter + " after the database was back (down for " + seconds(down, up) + ")");
        check(phase, "writes acknowledged again within " + RECOVERY_BOUND.toSeconds() + " s", writesCameBack,
                "first send acknowledged " + writesAfter + " after the database was back");
        checkOutageLog(phase, logFrom, logTo, load.answers().stream().filter(a -> a.atNanos() >= down && a.atNanos() <= up).count());
        checkWrites(phase, load);
    }

    private void checkAnswersDuringOutage(String phase, List<ReferralWriteLoad.Answer> answers, long down, long up) {
        List<ReferralWriteLoad.Answer> during = answers.stream().filter(a -> a.atNanos() >= down && a.atNanos() <= up).toList();
        long unavailable = during.stream().filter(ReferralWriteLoad.Answer::isUnavailableProblem).count();
        long noAnswer = during.stream().filter(ReferralWriteLoad.Answer::noAnswer).count();
        long succeeded = during.stream().filter(a -> a.status() >= 200 && a.status() < 300).count();
        List<ReferralWriteLoad.Answer> other = during.stream().filter(a -> !a.isUnavailableProblem() && !a.noAnswer()
                && (a.status() < 200 || a.status() >= 300)).toList();
        check(phase, "while down: only 503 problem+json with Retry-After (or no answer)", other.isEmpty() && unavailable > 0,
                String.format("%d answers: %d × 503 problem, %d no answer, %d 2xx (before the stop took), %d other%s",
                        during.size(), unavailable, noAnswer, succeeded, other.size(), examples(other)));
        List<ReferralWriteLoad.Answer> errors = answers.stream().filter(a -> a.status() >= 500 && a.status() != 503).toList();
        check(phase, "no 5xx other than 503 in the whole phase", errors.isEmpty(),
                answers.size() + " answers, " + errors.size() + " other 5xx" + examples(errors));
    }

    private static String examples(List<ReferralWriteLoad.Answer> answers) {
        return answers.isEmpty() ? "" : "; e.g. " + answers.stream().limit(3).map(ReferralWriteLoad.Answer::brief)
                .collect(Collectors.joining(" | "));
    }

    /** The log from the stop of the database to the first write after it came back. */
    private void checkOutageLog(String phase, long from, long to, long requestsDuringOutage) throws IOException {
        List<String> lines = logLines(from, to);
        List<String> errors = lines.stream().filter(FaultsUnderLoadIT::isError).toList();
        List<String> warnings = lines.stream().filter(l -> l.contains("\"level\":\"WARN\"") || l.matches("^\\S+ WARN .*")).toList();
        List<String> traces = lines.stream().filter(FaultsUnderLoadIT::hasTrace).toList();
        check(phase, "log during the outage: no ERROR, no stack trace", errors.isEmpty() && traces.isEmpty(),
                String.format("%d lines: %d ERROR, %d with a stack trace, for %d requests%s", lines.size(), errors.size(),
                        traces.size(), requestsDuringOutage, errors.isEmpty() ? "" : "; first: " + shorten(errors.get(0))));
        check(phase, "log during the outage: one WARN line per outage, not per request", !warnings.isEmpty() && warnings.size() <= 2,
                warnings.size() + " WARN: " + warnings.stream().map(FaultsUnderLoadIT::message).collect(Collectors.joining(" | ")));
    }

    // ---------------------------------------------------------------------------------------------
    // 3. resource-limit attacks beside a normal client

    private void attacksBesideANormalClient(String phase) throws Exception {
        String coordinator = token("coord.elm");
        String admin = token("admin.riverton");
        // Compiled and cached first, so that the baseline is not the cold start of these paths.
        measureNormalClient(coordinator, WARM_UP);
        Latency baseline = measureNormalClient(coordinator, MEASUREMENT);

        RawHttp raw = new RawHttp(servicePort);
        List<Attack> attacks = attacks(raw, coordinator, admin);
        List<RawHttp.SlowHeaders> slowHeaders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slowHeaders.add(raw.new SlowHeaders());
        }
        AttackRunner runner = new AttackRunner(attacks, slowHeaders);
        long logFrom = Files.size(LOG);
        runner.start();
        Latency during = measureNormalClient(coordinator, MEASUREMENT);
        List<AttackTally> tallies = runner.stop();
        List<String> loud = logLines(logFrom, Files.size(LOG)).stream().filter(FaultsUnderLoadIT::isErrorOrTrace).toList();
        long stillOpen = slowHeaders.stream().filter(RawHttp.SlowHeaders::trickle).count();
        for (RawHttp.SlowHeaders connection : slowHeaders) {
            connection.close();
        }

        for (AttackTally tally : tallies) {
            check(phase, tally.attack().name() + " → " + tally.attack().documented(),
                    tally.tries() > 0 && tally.documented() == tally.tries(),
                    tally.documented() + " of " + tally.tries() + " as documented; e.g. " + tally.example()
                            + (tally.firstMiss() == null ? "" : "; miss: " + tally.firstMiss()));
        }
        int refused = tallies.stream().mapToInt(AttackTally::tries).sum();
        check(phase, "log during the attacks: no ERROR, no stack trace", loud.isEmpty(),
                loud.size() + " such lines for " + refused + " refused requests" + (loud.isEmpty() ? "" : "; first: " + shorten(loud.get(0))));
        checks.add(new Check(phase, "slow-header connections (a byte every 2 s) held open", Verdict.INFO,
                stillOpen + " of " + slowHeaders.size() + " still open after " + MEASUREMENT.toSeconds()
                        + " s (the service has no header timeout; README)"));
        check(phase, "normal client: baseline without errors", baseline.errors().isEmpty(), baseline.figures());
        double bound = Math.max(5 * baseline.p99Millis(), 500);
        check(phase, "normal client during the attacks: no errors", during.errors().isEmpty(),
                during.figures() + (during.errors().isEmpty() ? "" : "; " + during.errors().get(0)));
        check(phase, "normal client during the attacks: p99 ≤ max(5 × baseline p99, 500 ms)", during.p99Millis() <= bound,
                String.format("p99 %.1f ms during, %.1f ms baseline, bound %.1f ms", during.p99Millis(), baseline.p99Millis(), bound));
        long rssKb = residentKb(service.pid());
        check(phase, "service RSS after the attacks below the 1 GiB container limit", rssKb > 0 && rssKb < CONTAINER_LIMIT_KB,
                rssKb / 1024 + " MiB (VmRSS)");
        Readiness readiness = readiness();
        check(phase, "service still ready after the attacks", readiness.is(200, "UP"), readiness.toString());
    }

    private List<Attack> attacks(RawHttp raw, String coordinator, String admin) {
        String auth = "Bearer " + coordinator;
        String review = "/api/v1/classes/" + UUID.randomUUID() + "/reviews/" + UUID.randomUUID();
        String referrals = "/api/v1/students/" + fixture.studentId() + "/referrals";
        long fiftyMiB = 50L * 1024 * 1024;
        byte[] slowBody = "{\"serviceId\": null}".repeat(5).getBytes(StandardCharsets.UTF_8);
        byte[] nested = ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
        return List.of(
                new Attack("class-review PUT, Content-Length 50 MiB, body streamed", "413 problem before the body is read",
                        () -> raw.exchange(RawHttp.head("PUT " + review + " HTTP/1.1", Map.of("Authorization", auth,
                                "Content-Type", "application/json", "Content-Length", Long.toString(fiftyMiB))), RawHttp.zeros(fiftyMiB)),
                        a -> a.isProblem(413) && a.bodyBytesSent() < fiftyMiB),
                new Attack("referral POST, chunked body of 1 MiB (limit 512 KiB)", "413 problem",
                        () -> raw.exchange(RawHttp.head("POST " + referrals + " HTTP/1.1", Map.of("Authorization", auth,
                                "Content-Type", "application/json", "Transfer-Encoding", "chunked")), RawHttp.chunkedZeros(1024 * 1024)),
                        a -> a.isProblem(413)),
                new Attack("referral POST, body at a byte a second", "408 problem after " + COMMAND_BODY_TIMEOUT.toSeconds() + " s",
                        () -> raw.exchange(RawHttp.head("POST " + referrals + " HTTP/1.1", Map.of("Authorization", auth,
                                "Content-Type", "application/json", "Content-Length", Integer.toString(slowBody.length))),
                                RawHttp.trickle(slowBody, Duration.ofSeconds(1))),
                        a -> a.isProblem(408) && a.millis() >= COMMAND_BODY_TIMEOUT.toMillis() - 100
                                && a.millis() < COMMAND_BODY_TIMEOUT.toMillis() + 3_000),
                new Attack("GET with a request URI of 20,000 characters", "414 problem",
                        () -> raw.exchange(RawHttp.head("GET /api/v1/me?pad=" + "x".repeat(20_000) + " HTTP/1.1",
                                Map.of("Authorization", auth))),
                        a -> a.isProblem(414)),
                new Attack("GET with 20 KB of headers", "431 problem",
                        () -> raw.exchange(RawHttp.head("GET /api/v1/me HTTP/1.1", Map.of("Authorization", auth,
                                "X-Pad", "x".repeat(20_000))))
                        , a -> a.isProblem(431)),
                new Attack("HSDS JSON import nested 5,000 deep (admin)", "400 problem, not 500",
                        () -> raw.exchange(RawHttp.head("POST /api/v1/directory/imports/hsds-json HTTP/1.1", Map.of(
                                "Authorization", "Bearer " + admin, "Content-Type", "application/json",
                                "Content-Length", Integer.toString(nested.length))), (out, sent) -> {
                                    out.write(nested);
                                    sent.addAndGet(nested.length);
                                }),
                        a -> a.isProblem(400)));
    }

    /** Each attack on its own thread, again and again (a pause of 250 ms between tries), and the slow headers fed. */
    private static final class AttackRunner {
        private final List<Attack> attacks;
        private final List<RawHttp.SlowHeaders> slowHeaders;
        private final List<Thread> threads = new ArrayList<>();
        private final Map<Attack, int[]> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Attack, String> examples = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Attack, String> misses = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean stopping;

        AttackRunner(List<Attack> attacks, List<RawHttp.SlowHeaders> slowHeaders) {
            this.attacks = attacks;
            this.slowHeaders = slowHeaders;
        }

        void start() {
            for (Attack attack : attacks) {
                counts.put(attack, new int[2]);
                threads.add(daemon(() -> repeat(attack), "attack-" + attacks.indexOf(attack)));
            }
            threads.add(daemon(this::feedSlowHeaders, "slow-headers"));
        }

        List<AttackTally> stop() throws InterruptedException {
            stopping = true;
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            return attacks.stream().map(a -> new AttackTally(a, counts.get(a)[0], counts.get(a)[1], examples.get(a),
                    misses.get(a))).toList();
        }

        private void repeat(Attack attack) {
            while (!stopping) {
                RawHttp.RawAnswer answer;
                String seen;
                try {
                    answer = attack.call().call();
                    seen = answer.brief() + (answer.bodyBytesSent() > 1024 ? ", " + answer.bodyBytesSent() / 1024 + " KiB of the body sent" : "")
                            + " " + shorten(answer.body());
                } catch (IOException e) {
                    answer = null;
                    seen = "no answer: " + e;
                }
                boolean documented = answer != null && attack.asDocumented().test(answer);
                synchronized (counts.get(attack)) {
                    counts.get(attack)[0]++;
                    if (documented) {
                        counts.get(attack)[1]++;
                    }
                }
                examples.putIfAbsent(attack, seen);
                if (!documented) {
                    misses.putIfAbsent(attack, seen);
                }
                pause(250);
            }
        }

        private void feedSlowHeaders() {
            while (!stopping) {
                slowHeaders.forEach(RawHttp.SlowHeaders::trickle);
                pause(2_000);
            }
        }

        private static Thread daemon(Runnable body, String name) {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }
    }

    /** Sequential requests of a coordinator: who am I, then a student's profile, in turn. */
    private Latency measureNormalClient(String token, Duration length) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> paths = List.of("/api/v1/me", "/api/v1/students/" + fixture.studentId());
        List<Long> nanos = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            String path = paths.get(i % paths.size());
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    errors.add(path + " " + response.statusCode() + " " + shorten(response.body()));
                }
            } catch (IOException e) {
                errors.add(path + " " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            nanos.add(System.nanoTime() - started);
        }
        nanos.sort(Comparator.naturalOrder());
        return new Latency(nanos.size(), errors, percentile(nanos, 50), percentile(nanos, 99), percentile(nanos, 100));
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    // ---------------------------------------------------------------------------------------------
    // 4. the audit trail after the kills and the outage

    /** The tamper-evident chain still verifies after the service was killed in the middle of its work. */
    private void auditChainAfterTheFaults(String phase) throws IOException {
        Map<String, Object> verification = given().auth().oauth2(token("auditor.demo")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/audit/verifications").then().statusCode(200).extract().as(Map.class);
        List<String> gaps = Files.readAllLines(LOG).stream().filter(l -> l.contains("Audit chain positions")).map(FaultsUnderLoadIT::message)
                .toList();
        check(phase, "audit chain verifies intact after the kills and the outage", Boolean.TRUE.equals(verification.get("intact")),
                String.format("%s events checked (positions %s..%s), first failure %s; sealer: %s", verification.get("checkedEvents"),
                        verification.get("firstPosition"), verification.get("lastPosition"), verification.get("firstFailure"),
                        gaps.isEmpty() ? "no gap logged" : String.join(" | ", gaps)));
    }

    // ---------------------------------------------------------------------------------------------
    // What the database holds after a phase's writes

    private void checkWrites(String phase, ReferralWriteLoad load) {
        String marker = load.marker();
        Map<String, List<Stored>> byNote = storedReferrals(marker).stream().collect(Collectors.groupingBy(Stored::note));
        Map<String, String> keyed = idempotencyKeys();
        Map<String, String> created = load.acknowledgedCreates();

        check(phase, "writers settled: every key acknowledged, nothing refused",
                load.refusals().isEmpty() && created.keySet().equals(load.issuedKeys()),
                String.format("%d keys issued, %d creates and %d sends acknowledged (%d replayed, %d sends found done after a lost answer), "
                                + "%d exchanges without an answer%s", load.issuedKeys().size(), created.size(),
                        load.acknowledgedSends().size(), load.replayedCreates(), load.sentWithoutAnswer().size(),
                        load.answers().stream().filter(ReferralWriteLoad.Answer::noAnswer).count(),
                        load.refusals().isEmpty() ? "" : "; refused: " + shorten(load.refusals().get(0))));

        long present = created.entrySet().stream().filter(e -> byNote.getOrDefault(ReferralWriteLoad.internalNote(marker, e.getKey()),
                List.of()).stream().anyMatch(s -> s.id().equals(e.getValue()))).count();
        check(phase, "every acknowledged draft is in the database", present == created.size(),
                created.size() + " acknowledged, " + present + " found with the acknowledged id");

        long duplicated = byNote.values().stream().filter(l -> l.size() > 1).count();
        long keyMismatch = created.entrySet().stream().filter(e -> !e.getValue().equals(keyed.get(e.getKey()))).count();
        check(phase, "every Idempotency-Key made exactly one referral", duplicated == 0 && keyMismatch == 0
                        && byNote.size() == load.issuedKeys().size(),
                String.format("%d keys, %d referrals written by them, %d keys with more than one, %d keys not mapped to their referral",
                        load.issuedKeys().size(), byNote.values().stream().mapToInt(List::size).sum(), duplicated, keyMismatch));

        Map<String, Stored> byId = byNote.values().stream().flatMap(List::stream).collect(Collectors.toMap(Stored::id, s -> s, (a, b) -> a));
        long sendsKept = load.acknowledgedSends().stream().map(byId::get)
                .filter(s -> s != null && s.sent() && s.disclosures() == 1).count();
        check(phase, "every acknowledged send is sent, with one disclosure", sendsKept == load.acknowledgedSends().size(),
                load.acknowledgedSends().size() + " acknowledged, " + sendsKept + " sent with exactly one disclosure");

        List<Stored> halfDone = byId.values().stream().filter(s -> s.sent()
                ? s.disclosures() != 1 || s.sendTransitions() != 1 : s.disclosures() != 0 || s.sendTransitions() != 0).toList();
        long sent = byId.values().stream().filter(Stored::sent).count();
        check(phase, "nothing half done (sent ⇔ one disclosure and one send in the history)", halfDone.isEmpty(),
                String.format("%d referrals (%d sent, %d drafts), %d half done%s", byId.size(), sent, byId.size() - sent,
                        halfDone.size(), halfDone.isEmpty() ? "" : ": " + halfDone.get(0)));
    }

    private static List<Stored> storedReferrals(String marker) {
        return rows("SELECT r.id::text, r.internal_notes, r.status,"
                + " (SELECT count(*) FROM disclosure d WHERE d.referral_id = r.id),"
                + " (SELECT count(*) FROM referral_transition t WHERE t.referral_id = r.id AND t.from_status = 'draft'"
                + "  AND t.to_status = 'requested')"
                + " FROM referral r WHERE r.internal_notes LIKE ?", marker + ":%").stream()
                .map(r -> new Stored(r[0], r[1], r[2], Integer.parseInt(r[3]), Integer.parseInt(r[4]))).toList();
    }

    private static Map<String, String> idempotencyKeys() {
        return rows("SELECT idem_key, referral_id::text FROM referral_idempotency_key WHERE idem_key LIKE ?", "faults-%")
                .stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
    }

    // ---------------------------------------------------------------------------------------------
    // The service, its fixture and the checks

    private ReferralWriteLoad writeLoad(String marker) {
        String token = token("coord.elm");
        return new ReferralWriteLoad(baseUrl(), () -> token, fixture.studentId(), fixture.draft(), marker);
    }

    private static void awaitMoreSends(ReferralWriteLoad load, int more) throws InterruptedException {
        int target = load.acknowledgedSendCount() + more;
        PackagedService.await(() -> load.acknowledgedSendCount() >= target, Duration.ofSeconds(60),
                more + " more acknowledged sends (" + load.progress() + ")");
    }

    private static void startService() throws Exception {
        service = PackagedService.start(env, LOG, true);
        PackagedService.await(() -> PackagedService.status(baseUrl() + "/q/health/ready") == 200,
                Duration.ofSeconds(120), "the service to start");
    }

    private static void ensureServiceRunning() throws Exception {
        if (!service.isAlive()) {
            startService();
        }
    }

    /** A student of Elm Street with a parent who may sign, a service of the mentoring provider, and the parent's consent. */
    private static Fixture prepareFixture() {
        String[] student = rows("SELECT st.id::text, sc.contact_id::text FROM student st JOIN school s ON s.id = st.school_id"
                + " JOIN student_contact sc ON sc.student_id = st.id WHERE s.sourced_id = 'sch-elm' AND st.active"
                + " AND sc.may_sign_consent ORDER BY st.sourced_id, sc.contact_id LIMIT 1").get(0);
        String serviceId = rows("SELECT id::text FROM dir_service WHERE organization_id = ?::uuid AND status = 'active'"
                + " AND accepts_referrals AND capacity_status = 'accepting' ORDER BY id LIMIT 1", MENTORING_ORGANIZATION).get(0)[0];
        String needCode = rows("SELECT split_part(reason_codes, ',', 1) FROM referral ORDER BY id LIMIT 1").get(0)[0];
        String consentId = given().auth().oauth2(token("coord.elm")).contentType(ContentType.JSON).body(Map.of(
                        "signerContactId", student[1], "signedOn", LocalDate.now().toString(), "method", "paper",
                        "paperScanReference", "consent-forms/faults-under-load.pdf", "dataCategories", List.of("identity"),
                        "purposes", List.of("mentoring"), "recipientOrganizationId", MENTORING_ORGANIZATION,
                        "expiresOn", LocalDate.now().plusDays(180).toString()))
                .post("/api/v1/students/" + student[0] + "/consents").then().statusCode(201).extract().path("id");
        return new Fixture(student[0], serviceId, consentId, needCode);
    }

    private static String token(String user) {
        return given().baseUri("http://127.0.0.1").port(keycloakPort)
                .formParam("grant_type", "password").formParam("client_id", "student-support-web")
                .formParam("username", user).formParam("password", "demo-password")
                .post("/realms/student-support/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The readiness probe's answer; status 0 when none came. */
    record Readiness(int status, String body) {
        boolean is(int expected, String overall) {
            return status == expected && body.contains("\"status\":\"" + overall + "\"");
        }

        @Override
        public String toString() {
            return status + " " + shorten(body);
        }
    }

    private static Readiness readiness() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(8)).build(), HttpResponse.BodyHandlers.ofString());
            return new Readiness(response.statusCode(), response.body().replaceAll("\\s+", ""));
        } catch (IOException e) {
            return new Readiness(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(0, e.toString());
        }
    }

    private static boolean awaitQuietly(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        try {
            PackagedService.await(condition, timeout, "a condition");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + servicePort;
    }

    private void check(String phase, String name, boolean passed, String figures) {
        checks.add(new Check(phase, name, passed ? Verdict.PASS : Verdict.FAIL, figures));
    }

    private void printSummary() {
        List<String> lines = new ArrayList<>();
        lines.add("== Faults under load: " + checks.stream().filter(c -> c.verdict() == Verdict.PASS).count() + " passed, "
                + checks.stream().filter(c -> c.verdict() == Verdict.FAIL).count() + " failed");
        checks.stream().map(Check::line).forEach(lines::add);
        lines.forEach(System.out::println);
        try {
            Files.write(SUMMARY, lines);
        } catch (IOException e) {
            System.out.println("could not write " + SUMMARY + ": " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers

    private static List<String[]> rows(String sql, String... parameters) {
        try (Connection c = DriverManager.getConnection(PackagedService.jdbcUrl(postgres), "student_support_owner",
                PackagedService.OWNER_PASSWORD); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> logLines(long from, long to) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        String segment = new String(Arrays.copyOfRange(all, (int) from, (int) Math.min(to, all.length)), StandardCharsets.UTF_8);
        return segment.lines().filter(l -> !l.isBlank()).toList();
    }

    /** An ERROR line of the service's log (JSON in the production profile, text elsewhere). */
    private static boolean isError(String line) {
        return line.contains("\"level\":\"ERROR\"") || line.matches("^\\S+ ERROR .*");
    }

    /** A line with a stack trace: the JSON log's exception, or a frame of a text one. */
    private static boolean hasTrace(String line) {
        return line.contains("\"exception\"") || line.contains("\"stackTrace\"")
                || line.stripLeading().startsWith("at org.") || line.stripLeading().startsWith("at io.");
    }

    private static boolean isErrorOrTrace(String line) {
        return isError(line) || hasTrace(line);
    }

    private static String message(String jsonLine) {
        int at = jsonLine.indexOf("\"message\":\"");
        String message = at < 0 ? jsonLine : jsonLine.substring(at + 11, Math.max(at + 11, jsonLine.indexOf('"', at + 11)));
        String logger = jsonLine.replaceAll(".*\"loggerName\":\"([^\"]*)\".*", "$1");
        return shorten(logger + ": " + message);
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "…";
    }

    private static long residentKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String seconds(long fromNanos) {
        return seconds(fromNanos, System.nanoTime());
    }

    private static String seconds(long fromNanos, long toNanos) {
        return String.format("%.1f s", (toNanos - fromNanos) / 1e9);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
