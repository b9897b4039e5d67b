package org.studentsupport.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The district's mixed workload against a running service, with real tokens from the realm's
 * Keycloak (password grant of the demo users): coordinators opening class rosters and student
 * profiles and saving whole-class reviews; coordinators searching the directory and creating and
 * sending referrals (consent first); providers accepting, starting and completing referrals;
 * a supervisor running the oversight reports. Before it, in the same run, the baseline: a trivial
 * authenticated GET at the same concurrency. Which rows to work on comes from the database the
 * generator loaded (read once at start).
 *
 * <p>System properties: {@code load.baseUrl}, {@code load.keycloakUrl}, {@code load.jdbcUrl},
 * {@code load.seconds} (mixed phase), {@code load.baselineSeconds}, {@code load.baselinePath}.
 */
public class MixedWorkload extends Simulation {

    static final String BASE = System.getProperty("load.baseUrl", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("load.keycloakUrl", "http://127.0.0.1:8180");
    static final String JDBC = System.getProperty("load.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/student_support?user=postgres");
    static final int SECONDS = Integer.getInteger("load.seconds", 120);
    static final int BASELINE_SECONDS = Integer.getInteger("load.baselineSeconds", 30);
    static final String BASELINE_PATH = System.getProperty("load.baselinePath", "/api/v1/me");
    static final String TOKEN_URL = KEYCLOAK + "/realms/student-support/protocol/openid-connect/token";
    static final String MENTORING = "3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01";
    static final String COUNSELING = "3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b02";
    static final String TODAY = LocalDate.now().toString();

    record ReviewClass(String id, String school, List<String> students) {
    }

    record Pupil(String id, String school, String contact) {
    }

    record Service(String id, String organization, String purpose) {
    }

    final String fallPeriod;
    final ConcurrentLinkedQueue<ReviewClass> classes = new ConcurrentLinkedQueue<>();
    final Map<String, List<Pupil>> pupils = Map.of("coord.elm", new ArrayList<>(), "coord.harbor", new ArrayList<>());
    final List<Service> services = new ArrayList<>();
    final Map<String, ConcurrentLinkedQueue<String>> queues = new ConcurrentHashMap<>();
    final AtomicInteger pupilCursor = new AtomicInteger();

    public MixedWorkload() throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id FROM review_period WHERE kind = 'fall' ORDER BY start_date DESC LIMIT 1")) {
                rs.next();
                fallPeriod = rs.getString(1);
            }
            // generated homerooms of the demo schools no review has been saved for yet
            try (ResultSet rs = st.executeQuery("SELECT c.id, s.sourced_id, array_agg(e.student_id ORDER BY e.student_id)"
                    + " FROM class_section c JOIN school s ON s.id = c.school_id JOIN enrollment e ON e.class_id = c.id"
                    + " WHERE c.sourced_id LIKE 'ld-cls-%' AND s.sourced_id IN ('sch-elm', 'sch-harbor', 'sch-northgate')"
                    + " AND NOT EXISTS (SELECT 1 FROM class_review r WHERE r.class_id = c.id)"
                    + " GROUP BY c.id, s.sourced_id ORDER BY c.id")) {
                while (rs.next()) {
                    Array ids = rs.getArray(3);
                    List<String> students = new ArrayList<>();
                    for (Object id : (Object[]) ids.getArray()) {
                        students.add(id.toString());
                    }
                    classes.add(new ReviewClass(rs.getString(1), rs.getString(2), students));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT st.id, s.sourced_id, sc.contact_id FROM student st"
                    + " JOIN school s ON s.id = st.school_id JOIN student_contact sc ON sc.student_id = st.id AND sc.may_sign_consent"
                    + " WHERE st.sourced_id LIKE 'ld-stu-%' AND s.sourced_id IN ('sch-elm', 'sch-harbor', 'sch-northgate') ORDER BY st.id")) {
                while (rs.next()) {
                    pupils.get(coordinatorOf(rs.getString(2))).add(new Pupil(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, organization_id FROM dir_service WHERE organization_id IN ('"
                    + MENTORING + "', '" + COUNSELING + "') AND status = 'active' ORDER BY id")) {
                while (rs.next()) {
                    String org = rs.getString(2);
                    services.add(new Service(rs.getString(1), org, org.equals(MENTORING) ? "mentoring" : "counseling"));
                }
            }
            queues.put(MENTORING, new ConcurrentLinkedQueue<>());
            queues.put(COUNSELING, new ConcurrentLinkedQueue<>());
            try (ResultSet rs = st.executeQuery("SELECT id, organization_id FROM referral WHERE status = 'requested'"
                    + " AND organization_id IN ('" + MENTORING + "', '" + COUNSELING + "') ORDER BY id")) {
                while (rs.next()) {
                    queues.get(rs.getString(2)).add(rs.getString(1));
                }
            }
        }
        System.out.printf("workload data: %d classes to review, %d students to refer, %d provider services, queues %d/%d%n",
                classes.size(), pupils.get("coord.elm").size() + pupils.get("coord.harbor").size(), services.size(), queues.get(MENTORING).size(), queues.get(COUNSELING).size());

        for (String user : List.of("coord.elm", "coord.harbor", "provider.mentoring", "provider.counseling", "super.riverton")) {
            Tokens.of(user);
        }
        HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
                .disableCaching();

        ScenarioBuilder baseline = scenario("baseline")
                .exec(session -> session.set("user", "coord.elm"))
                .exec(login())
                .during(Duration.ofSeconds(BASELINE_SECONDS)).on(
                        exec(api("baseline " + BASELINE_PATH).get(BASELINE_PATH).check(status().is(200))));

        ScenarioBuilder reviews = scenario("coordinator: rosters, profiles, class reviews")
                .exec(session -> {
                    ReviewClass c = classes.poll();
                    if (c == null) {
                        throw new IllegalStateException("no class left to review: load a larger district");
                    }
                    return session.set("classId", c.id()).set("user", coordinatorOf(c.school()))
                            .set("students", c.students()).set("reviewBody", reviewBody(c.students()));
                })
                .exec(login())
                .exec(api("class review: read").get("/api/v1/classes/#{classId}/reviews/" + fallPeriod)
                        .check(status().in(200, 404), header("ETag").optional().saveAs("etag")))
                .during(Duration.ofSeconds(SECONDS)).on(
                        exec(refresh())
                        .exec(api("class roster").get("/api/v1/classes/#{classId}/roster").check(status().is(200)))
                        .exec(session -> {
                            List<String> students = session.getList("students");
                            return session.set("studentId", students.get((int) (Math.random() * students.size())));
                        })
                        .exec(api("student profile").get("/api/v1/students/#{studentId}").check(status().is(200)))
                        .doIfOrElse(session -> session.contains("etag")).then(
                                exec(api("class review: save").put("/api/v1/classes/#{classId}/reviews/" + fallPeriod)
                                        .header("If-Match", "#{etag}").body(StringBody("#{reviewBody}"))
                                        .check(status().is(200), header("ETag").saveAs("etag"))))
                        .orElse(
                                exec(api("class review: save").put("/api/v1/classes/#{classId}/reviews/" + fallPeriod)
                                        .body(StringBody("#{reviewBody}"))
                                        .check(status().is(201), header("ETag").saveAs("etag")))));

        ScenarioBuilder referrals = scenario("coordinator: directory search, consent, referral sent")
                .exec(session -> session.set("user", session.userId() % 2 == 1 ? "coord.elm" : "coord.harbor"))
                .exec(login())
                .during(Duration.ofSeconds(SECONDS)).on(
                        exec(refresh())
                        .exec(session -> {
                            List<Pupil> mine = pupils.get(session.getString("user"));
                            Pupil p = mine.get(Math.floorMod(pupilCursor.getAndIncrement(), mine.size()));
                            Service s = services.get((int) (Math.random() * services.size()));
                            return session.set("studentId", p.id()).set("contactId", p.contact()).set("serviceId", s.id())
                                    .set("orgId", s.organization()).set("purpose", s.purpose());
                        })
                        .exec(api("directory search").get("/api/v1/directory/search?q=#{purpose}&lat=42.11&lon=-72.58&radiusKm=10&accepting=true&size=20")
                                .check(status().is(200)))
                        .exec(api("consent: record").post("/api/v1/students/#{studentId}/consents").body(StringBody(
                                "{\"signerContactId\": \"#{contactId}\", \"signedOn\": \"" + TODAY + "\", \"method\": \"paper\","
                                        + " \"paperScanReference\": \"consent-forms/load.pdf\", \"dataCategories\": [\"identity\", \"review-needs\"],"
                                        + " \"purposes\": [\"#{purpose}\"], \"recipientOrganizationId\": \"#{orgId}\","
                                        + " \"expiresOn\": \"" + LocalDate.now().plusDays(180) + "\"}"))
                                .check(status().is(201), jsonPath("$.id").saveAs("consentId")))
                        .exec(api("referral: create draft").post("/api/v1/students/#{studentId}/referrals").body(StringBody(
                                "{\"serviceId\": \"#{serviceId}\", \"reasonCodes\": [\"engagement\"], \"urgency\": \"routine\","
                                        + " \"purpose\": \"#{purpose}\", \"sharedCategories\": [\"identity\", \"review-needs\"],"
                                        + " \"consentId\": \"#{consentId}\"}"))
                                .check(status().is(201), jsonPath("$.id").saveAs("referralId")))
                        .exec(api("referral: read").get("/api/v1/referrals/#{referralId}")
                                .check(status().is(200), header("ETag").saveAs("etag")))
                        .exec(api("referral: send").post("/api/v1/referrals/#{referralId}/send").header("If-Match", "#{etag}")
                                .body(StringBody("{}")).check(status().is(200), jsonPath("$.status").is("requested"))));

        ScenarioBuilder providers = scenario("provider: accept, start, complete")
                .exec(session -> {
                    boolean mentoring = session.userId() % 2 == 1;
                    return session.set("user", mentoring ? "provider.mentoring" : "provider.counseling")
                            .set("orgId", mentoring ? MENTORING : COUNSELING);
                })
                .exec(login())
                .during(Duration.ofSeconds(SECONDS)).on(
                        exec(refresh())
                        .exec(api("provider: queue").get("/api/v1/provider/referrals?status=requested&size=20").check(status().is(200)))
                        .exec(session -> {
                            String id = queues.get(session.getString("orgId")).poll();
                            return id == null ? session.remove("referralId") : session.set("referralId", id);
                        })
                        .doIf(session -> session.contains("referralId")).then(
                                exec(move("accept", "{\"to\": \"accepted\"}"))
                                .exec(move("start", "{\"to\": \"in-progress\", \"firstServiceOn\": \"" + TODAY + "\"}"))
                                .exec(move("complete", "{\"to\": \"completed\", \"reasonCode\": \"goals-met\"}"))));

        ScenarioBuilder supervisor = scenario("supervisor: oversight reports")
                .exec(session -> session.set("user", "super.riverton"))
                .exec(login())
                .during(Duration.ofSeconds(SECONDS)).on(
                        exec(refresh())
                        .exec(api("oversight: follow-through").get("/api/v1/oversight/referrals/follow-through?groupBy=school")
                                .check(status().is(200)))
                        .exec(api("oversight: overdue").get("/api/v1/oversight/referrals/overdue?size=50").check(status().is(200)))
                        .exec(api("oversight: stalled").get("/api/v1/oversight/referrals/stalled?days=14&size=50").check(status().is(200))));

        int users = Integer.getInteger("load.usersPerRole", 2);
        PopulationBuilder mixed = reviews.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(1)));
        setUp(baseline.injectClosed(constantConcurrentUsers(3 * users + 1).during(Duration.ofSeconds(1)))
                .andThen(mixed,
                        referrals.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(1))),
                        providers.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(1))),
                        supervisor.injectClosed(constantConcurrentUsers(1).during(Duration.ofSeconds(1)))))
                .protocols(protocol);
    }

    static String coordinatorOf(String school) {
        return school.equals("sch-elm") ? "coord.elm" : "coord.harbor";
    }

    /**
     * The session's user's current token. Tokens are taken by password grant once per user and renewed
     * every two minutes (they live five), one request at a time: the realm's brute-force protection
     * answers concurrent logins of one user with "Invalid user credentials" (401) for all but one.
     */
    static ChainBuilder login() {
        return exec(session -> session.set("token", Tokens.of(session.getString("user"))));
    }

    static ChainBuilder refresh() {
        return login();
    }

    /** A request to the service with the session's bearer token. */
    static ApiRequest api(String name) {
        return new ApiRequest(name);
    }

    /** The operation's name is also its X-Request-Id, so that the service's log (and SQL log) names the operation. */
    record ApiRequest(String name) {
        String requestId() {
            return "load-" + name.replaceAll("[^A-Za-z0-9]+", "-");
        }

        HttpRequestActionBuilder get(String url) {
            return http(name).get(url).header("Authorization", "Bearer #{token}").header("X-Request-Id", requestId());
        }

        HttpRequestActionBuilder put(String url) {
            return http(name).put(url).header("Authorization", "Bearer #{token}").header("X-Request-Id", requestId()).header("Content-Type", "application/json");
        }

        HttpRequestActionBuilder post(String url) {
            return http(name).post(url).header("Authorization", "Bearer #{token}").header("X-Request-Id", requestId()).header("Content-Type", "application/json");
        }
    }

    static ChainBuilder move(String name, String body) {
        return exec(api("provider: read").get("/api/v1/provider/referrals/#{referralId}")
                        .check(status().is(200), header("ETag").saveAs("etag")))
                .exec(api("provider: " + name).post("/api/v1/referrals/#{referralId}/transitions").header("If-Match", "#{etag}")
                        .body(StringBody(body)).check(status().is(200)));
    }

    private static final String[][] NEEDS = {{"reading", "math"}, {"peer-relationships", "anxiety"},
            {"nutrition", "dental"}, {"housing", "food-security"}};
    private static final String[] STRENGTHS = {"strong-reader", "empathy", "athletic", "engaged-family"};
    private static final String[] DOMAINS = {"academic", "socialEmotional", "health", "family"};

    /** A whole-class review: every student, tier, interests and all four domains (as a coordinator fills it). */
    static String reviewBody(List<String> students) {
        StringBuilder body = new StringBuilder("{\"reviewedOn\": \"2026-10-05\", \"entries\": [");
        for (int i = 0; i < students.size(); i++) {
            body.append(i == 0 ? "" : ", ").append("{\"studentId\": \"").append(students.get(i)).append("\", \"tier\": \"")
                    .append(1 + i % 3).append("\", \"interests\": \"soccer, drawing, robotics club\", \"needsIndividualReview\": ")
                    .append(i % 3 == 2).append(", \"domains\": {");
            for (int d = 0; d < DOMAINS.length; d++) {
                body.append(d == 0 ? "" : ", ").append('"').append(DOMAINS[d]).append("\": {\"strengths\": [\"").append(STRENGTHS[d])
                        .append("\"], \"needs\": [\"").append(NEEDS[d][i % 2]).append("\"], \"note\": \"Observed with the teacher.\"}");
            }
            body.append("}}");
        }
        return body.append("]}").toString();
    }
}
