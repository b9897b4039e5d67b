package org.studentsupport.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Saving a 30-student whole-class review (every domain filled) through the API at 4 concurrent
 * clients, each on its own class and carrying the ETag of its previous save: once with every entry
 * changed at each save, once with one student's tier changed (the grid's autosave); baseline: GET of
 * the same class review at the same concurrency. Prints figures; asserts none.
 * Run: ./mvnw verify -Pbenchmark -Dtest=ClassReviewSaveBenchmark
 */
@QuarkusTest
@Tag("benchmark")
@TestSecurity(user = "coord-bench", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ClassReviewSaveBenchmark.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ClassReviewSaveBenchmark.SCHOOL)})
class ClassReviewSaveBenchmark {

    static final String DISTRICT = "dst-rev-bench";
    static final String SCHOOL = "sch-rev-bench";
    static final int CLIENTS = 4;
    static final int STUDENTS = 30;
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);
    static final int MEASURED = Integer.getInteger("benchmark.requests", 400);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> CODES = Map.of(
            "academic", List.of("reading", "math", "writing", "engagement"),
            "socialEmotional", List.of("peer-relationships", "self-regulation", "anxiety", "mood"),
            "health", List.of("physical-health", "nutrition", "dental", "physical-activity"),
            "family", List.of("family-engagement", "housing", "food-security", "basic-needs"));
    private static final Map<String, List<String>> STRENGTHS = Map.of(
            "academic", List.of("strong-reader", "math-talent", "curiosity", "multilingual"),
            "socialEmotional", List.of("empathy", "resilience", "friendships", "leadership"),
            "health", List.of("athletic", "healthy-habits", "athletic", "healthy-habits"),
            "family", List.of("engaged-family", "supportive-family", "engaged-family", "supportive-family"));

    @Inject
    ReviewFixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    @Test
    void saveAThirtyStudentClassReviewAtFourConcurrentClients() throws Exception {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-bench-2027");
        UUID period = fixtures.fall(year);
        List<URI> uris = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        List<List<String>> oneChanged = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            UUID classId = fixtures.classSection(school, year, "Bench " + c, fixtures.teacher("Bench" + c));
            List<UUID> students = fixtures.enrolledStudents(classId, school, "04", STUDENTS);
            uris.add(URI.create(base.toString().replaceAll("/$", "") + "/api/v1/classes/" + classId + "/reviews/" + period));
            bodies.add(body(students, -1, "spring"));
            rewritten.add(body(students, -1, "winter"));
            List<String> variants = new ArrayList<>();
            for (int k = 0; k < STUDENTS; k++) {
                variants.add(body(students, k, "spring"));
            }
            oneChanged.add(variants);
        }
        System.out.printf("request body: %d bytes (%d entries, 4 domains each)%n", bodies.get(0).length(), STUDENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] etags = new String[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            HttpResponse<String> created = http.send(put(uris.get(c), bodies.get(c), null), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("first save: " + created.statusCode() + " " + created.body());
            }
            etags[c] = created.headers().firstValue("ETag").orElseThrow();
        }

        Result baseline = run(c -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uris.get(c)).GET().build(), HttpResponse.BodyHandlers.ofString());
            expect(r, 200);
        });
        // every save changes every entry (the notes of all 30 students alternate between two texts)
        int[] turn = new int[CLIENTS];
        Result save = run(c -> {
            String body = turn[c]++ % 2 == 0 ? rewritten.get(c) : bodies.get(c);
            HttpResponse<String> r = http.send(put(uris.get(c), body, etags[c]), HttpResponse.BodyHandlers.ofString());
            expect(r, 200);
            etags[c] = r.headers().firstValue("ETag").orElseThrow();
        });
        // what the grid's autosave sends: the whole class, with one student's tier changed since the last save
        Result autosave = run(c -> {
            int t = turn[c]++;
            String body = t % 2 == 0 ? oneChanged.get(c).get((t / 2) % STUDENTS) : bodies.get(c);
            HttpResponse<String> r = http.send(put(uris.get(c), body, etags[c]), HttpResponse.BodyHandlers.ofString());
            expect(r, 200);
            etags[c] = r.headers().firstValue("ETag").orElseThrow();
        });
        System.out.println();
        System.out.printf("%-48s %8s %8s %10s%n", "4 concurrent clients, " + MEASURED + " requests each", "p50 ms", "p95 ms", "req/s");
        System.out.printf("%-48s %8.1f %8.1f %10.0f%n", "baseline: GET the class review (30 entries)", baseline.p50, baseline.p95, baseline.throughput);
        System.out.printf("%-48s %8.1f %8.1f %10.0f%n", "PUT the 30-student review, every entry changed", save.p50, save.p95, save.throughput);
        System.out.printf("%-48s %8.1f %8.1f %10.0f%n", "PUT the 30-student review, one entry changed", autosave.p50, autosave.p95, autosave.throughput);
        System.out.printf("save/baseline at p50: every entry %.2fx, one entry %.2fx%n", save.p50 / baseline.p50, autosave.p50 / baseline.p50);
        System.out.println();
    }

    interface Call {
        void call(int client) throws Exception;
    }

    record Result(double p50, double p95, double throughput) {
    }

    private static Result run(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> warm = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                warm.add(pool.submit(() -> {
                    for (int i = 0; i < WARMUP; i++) {
                        call.call(client);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : warm) {
                f.get();
            }
            long[][] nanos = new long[CLIENTS][MEASURED];
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                tasks.add(() -> {
                    for (int i = 0; i < MEASURED; i++) {
                        long start = System.nanoTime();
                        call.call(client);
                        nanos[client][i] = System.nanoTime() - start;
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(all[all.length / 2] / 1e6, all[(int) Math.ceil(all.length * 0.95) - 1] / 1e6,
                    all.length / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpRequest put(URI uri, String body, String etag) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (etag != null) {
            builder.header("If-Match", etag);
        }
        return builder.build();
    }

    /**
     * @param changed  the student whose tier differs from the usual body (-1: none)
     * @param season   a word of every note, so that two seasons differ in every entry
     */
    private static String body(List<UUID> students, int changed, String season) throws Exception {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            Map<String, Object> domains = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> domain : CODES.entrySet()) {
                List<String> codes = domain.getValue();
                domains.put(domain.getKey(), Map.of(
                        "strengths", List.of(STRENGTHS.get(domain.getKey()).get(i % 4)),
                        "needs", List.of(codes.get((i + 1) % 4), codes.get((i + 2) % 4)),
                        "note", "Observed during the fall review with the teacher; follow up in the " + season + "."));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("studentId", students.get(i).toString());
            entry.put("tier", String.valueOf(1 + (i == changed ? i + 1 : i) % 3));
            entry.put("interests", "soccer, drawing, robotics club");
            entry.put("needsIndividualReview", i % 3 == 2);
            entry.put("domains", domains);
            entries.add(entry);
        }
        return JSON.writeValueAsString(Map.of("reviewedOn", "2026-10-05", "entries", entries));
    }
}
