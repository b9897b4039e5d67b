package org.studentsupport.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.studentsupport.directory.hsds.HsdsStore;
import org.studentsupport.domain.PageRequest;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Referral search over 20,000 generated services (40 taxonomy terms, 10 languages, points over a
 * metro area): p50/p95 of a combined search at 4 concurrent clients through the API, beside the
 * same SQL run directly over JDBC, in the same run. Prints figures; asserts nothing about time.
 *
 * <pre>./mvnw -B verify -Pbenchmark -Dtest=DirectorySearchBenchmark</pre>
 */
@QuarkusTest
@Tag("benchmark")
@TestSecurity(user = "coord-bench", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = "dst-bench"), @SecurityAttribute(key = "school_ids", value = "sch-bench")})
class DirectorySearchBenchmark {

    static final int SERVICES = 20_000;
    static final int CLIENTS = 4;
    static final int WARMUP = 200;
    static final int REQUESTS_PER_CLIENT = 250;
    static final String QUERY = "q=tutoring&term=bench-tutoring&language=es&age=10&lat=42.15&lon=-72.58&radiusKm=5"
            + "&accepting=true&sort=distance&size=20";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DirectorySearch search;

    @TestHTTPResource("/api/v1/directory/search")
    URL endpoint;

    @Test
    void combinedSearchAtFourClientsThroughTheApiAndDirectly() throws Exception {
        long start = System.nanoTime();
        generate();
        System.out.printf("%nDirectory benchmark: generated %,d services in %.1f s%n", SERVICES, (System.nanoTime() - start) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(endpoint + "?" + QUERY);
        Callable<Integer> api = () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body().length();
        };
        DirectorySearchParams params = new DirectorySearchParams();
        params.q = "tutoring";
        params.terms = List.of("bench-tutoring");
        params.languages = List.of("es");
        params.age = 10;
        params.lat = 42.15;
        params.lon = -72.58;
        params.radiusKm = 5;
        params.accepting = true;
        params.sort = DirectorySearchCriteria.Sort.distance;
        DirectorySearch.Query query = DirectorySearch.sql(search.resolve(params.toCriteria()), new PageRequest(1, 20));
        Callable<Integer> raw = () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(query.sql())) {
                HsdsStore.bind(c, s, query.params());
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        };
        System.out.println("Directory benchmark: results per page " + raw.call() + "; API body bytes " + api.call());
        explain(query);

        List<Long> rawTimes = run(raw);
        List<Long> apiTimes = run(api);
        double rawP50 = percentile(rawTimes, 50), rawP95 = percentile(rawTimes, 95);
        double apiP50 = percentile(apiTimes, 50), apiP95 = percentile(apiTimes, 95);
        System.out.printf("Directory benchmark: %d clients x %d requests, combined search (text+term+language+age+distance+accepting)%n",
                CLIENTS, REQUESTS_PER_CLIENT);
        System.out.printf("  raw SQL (JDBC)  p50 %6.2f ms  p95 %6.2f ms%n", rawP50, rawP95);
        System.out.printf("  API (HTTP)      p50 %6.2f ms  p95 %6.2f ms%n", apiP50, apiP95);
        System.out.printf("  API / raw       p50 %6.2fx   p95 %6.2fx%n%n", apiP50 / rawP50, apiP95 / rawP95);
    }

    private List<Long> run(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> warm = new ArrayList<>();
            for (int i = 0; i < WARMUP; i++) {
                warm.add(pool.submit(call));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        long t = System.nanoTime();
                        call.call();
                        times.add(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
            return times;
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private void explain(DirectorySearch.Query query) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + query.sql())) {
            HsdsStore.bind(c, s, query.params());
            try (ResultSet rs = s.executeQuery()) {
                StringBuilder plan = new StringBuilder("Directory benchmark: EXPLAIN ANALYZE of the search\n");
                while (rs.next()) {
                    plan.append("  ").append(rs.getString(1)).append('\n');
                }
                System.out.print(plan);
            }
        }
    }

    /** 2,000 organizations and 20,000 services with realistic text, in plain SQL (seeded, so every run is the same). */
    private void generate() throws Exception {
        String terms = "ARRAY['Tutoring','Mentoring','After-school program','Summer camp','Sports league','Arts and music',"
                + "'Reading support','Math support','Homework help','Social skills group','Family counseling','Individual counseling',"
                + "'Group therapy','Crisis intervention','Substance use prevention','Health screening','Dental care','Vision care',"
                + "'Immunizations','Food pantry','Weekend meals','Clothing bank','Housing assistance','Utility assistance',"
                + "'Legal aid','Parenting classes','English classes','College preparation','Job readiness','Youth employment',"
                + "'Violence intervention','Bullying prevention','Grief support','Early childhood','Special education advocacy',"
                + "'Transportation','Coding club','Science club','Nature program','Wellness coaching']";
        String[] sql = {
                "SELECT setseed(0.42)",
                "INSERT INTO dir_taxonomy (id, name, extra) VALUES ('00000000-0000-4000-8000-0000000be000', 'Benchmark taxonomy',"
                        + " '{\"description\": \"Benchmark terms\"}') ON CONFLICT DO NOTHING",
                "INSERT INTO dir_taxonomy_term (id, taxonomy_id, code, name, extra) SELECT"
                        + " ('00000000-0000-4000-8000-0000001be' || lpad(i::text, 3, '0'))::uuid, '00000000-0000-4000-8000-0000000be000',"
                        + " 'bench-' || lower(regexp_replace((" + terms + ")[i], '[^A-Za-z]+', '-', 'g')), (" + terms + ")[i],"
                        + " '{\"description\": \"Benchmark term\"}' FROM generate_series(1, 40) i ON CONFLICT DO NOTHING",
                "INSERT INTO dir_organization (id, name, description) SELECT"
                        + " ('00000000-0000-4000-8001-' || lpad(i::text, 12, '0'))::uuid, 'Bench Provider ' || i,"
                        + " 'Community organization number ' || i FROM generate_series(1, 2000) i ON CONFLICT DO NOTHING",
                "INSERT INTO dir_service (id, organization_id, name, description, status, minimum_age, maximum_age, capacity_status)"
                        + " SELECT ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8001-' || lpad((1 + i % 2000)::text, 12, '0'))::uuid,"
                        + " (ARRAY['Neighborhood','Community','Family','Youth','Riverside','Downtown','Northside','Hillside'])[1 + i % 8] || ' '"
                        + " || (" + terms + ")[1 + i % 40],"
                        + " (ARRAY['Free weekly sessions for children and teens','Small groups led by trained staff and volunteers',"
                        + "'Bilingual staff help families find the right support','Drop-in hours after school and on weekends',"
                        + "'Licensed professionals work with students and parents','Program run with local schools and libraries'])[1 + (i * 7) % 6]"
                        + " || ', focused on ' || lower((" + terms + ")[1 + (i * 13) % 40]) || '.',"
                        + " CASE WHEN i % 5 = 0 THEN 'inactive' ELSE 'active' END,"
                        + " (ARRAY[0, 5, 8, 11, 14])[1 + i % 5], (ARRAY[0, 5, 8, 11, 14])[1 + i % 5] + (ARRAY[4, 6, 8, 10, 80])[1 + (i / 5) % 5],"
                        + " (ARRAY['accepting','accepting','accepting','waitlist','full'])[1 + (i / 3) % 5]"
                        + " FROM generate_series(1, " + SERVICES + ") i ON CONFLICT DO NOTHING",
                "INSERT INTO dir_location (id, organization_id, name, latitude, longitude) SELECT"
                        + " ('00000000-0000-4000-8003-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8001-' || lpad((1 + i % 2000)::text, 12, '0'))::uuid, 'Site ' || i,"
                        + " 42.0 + random() * 0.3, -72.75 + random() * 0.35 FROM generate_series(1, " + SERVICES + ") i ON CONFLICT DO NOTHING",
                "INSERT INTO dir_service_at_location (id, service_id, location_id) SELECT"
                        + " ('00000000-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8003-' || lpad(i::text, 12, '0'))::uuid FROM generate_series(1, " + SERVICES + ") i ON CONFLICT DO NOTHING",
                "INSERT INTO dir_attribute (id, link_id, taxonomy_term_id) SELECT"
                        + " ('00000000-0000-4000-800' || (5 + k) || '-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8000-0000001be' || lpad((1 + floor(random() * 40))::int::text, 3, '0'))::uuid"
                        + " FROM generate_series(1, " + SERVICES + ") i, generate_series(0, 1) k ON CONFLICT DO NOTHING",
                "INSERT INTO dir_language (id, service_id, code) SELECT"
                        + " ('00000000-0000-4000-81' || k || '0-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid,"
                        + " (ARRAY['en','es','pt','vi','ht','zh','ar','so','ru','fr'])[1 + floor(random() * 10)::int]"
                        + " FROM generate_series(1, " + SERVICES + ") i, generate_series(0, 2) k WHERE k = 0 OR (i + k) % 3 = 0 ON CONFLICT DO NOTHING",
                "INSERT INTO dir_cost_option (id, service_id, amount) SELECT ('00000000-0000-4000-8009-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid, 25 FROM generate_series(1, " + SERVICES + ") i"
                        + " WHERE i % 3 = 0 ON CONFLICT DO NOTHING",
                "INSERT INTO dir_schedule (id, service_id, byday) SELECT ('00000000-0000-4000-800a-' || lpad(i::text, 12, '0'))::uuid,"
                        + " ('00000000-0000-4000-8002-' || lpad(i::text, 12, '0'))::uuid, (ARRAY['MO,WE','TU,TH','FR','MO,TU,WE,TH,FR','SA'])[1 + i % 5]"
                        + " FROM generate_series(1, " + SERVICES + ") i ON CONFLICT DO NOTHING",
                "SELECT dir_refresh_search(ARRAY(SELECT id FROM dir_service WHERE id::text LIKE '00000000-0000-4000-8002-%'))",
                "ANALYZE"};
        // As the schema owner, so that ANALYZE gives the planner the statistics a settled database has.
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (Connection c = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
