package org.studentsupport.referral;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.SqlStatements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the main calls cost in SQL: the statements Hibernate prepares for one request (the audit insert,
 * one statement on the raw connection, comes on top). A student with a long history costs the same
 * number of statements as one with three referrals, and every count stays within its bound.
 */
@QuarkusTest
class ReadPathStatementsTest {

    static final String DISTRICT = "dst-sql-count";
    static final String SCHOOL = "sch-sql-count";
    static final String PROVIDER = "5d0c8e51-7a4f-4c6b-9f3e-2b1a0c9d8e7f";
    static final int MANY = 2_000;
    static final List<String> SHARED = List.of("identity", "demographics", "contact");

    /** The most statements each call may cost (Hibernate's; the audit insert is one more). */
    static final Map<String, Integer> BOUND = Map.of(
            "GET student profile", 12,
            "GET referral", 8,
            "provider accept", 12,
            "provider start", 12,
            "provider complete", 12,
            "provider queue of 20", 8,
            "draft create", 12,
            "draft send", 16);

    static final Map<String, Map<String, Integer>> COUNTS = new TreeMap<>();
    static final Map<String, List<String>> STATEMENTS = new TreeMap<>();

    @Inject
    ReferralFixtures fixtures;
    @Inject
    AgroalDataSource dataSource;

    record World(UUID school, UUID few, UUID many, UUID service, UUID consentFew, UUID consentMany, UUID parentFew, UUID parentMany) {
    }

    static World world;

    @BeforeEach
    void studentsWithShortAndLongHistories() {
        if (world != null) {
            return;
        }
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID org = fixtures.organization(UUID.fromString(PROVIDER), "Counting provider");
        UUID service = fixtures.service(org, "Counting mentoring");
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            others.add(fixtures.service(fixtures.organization("Counting other " + i), "Counting other service " + i));
        }
        UUID few = fixtures.student(school, "Ana", "Few", LocalDate.now().minusYears(12));
        UUID many = fixtures.student(school, "Ben", "Many", LocalDate.now().minusYears(12));
        UUID parentFew = fixtures.contact(few, "Carla", "Few", "parent", true);
        UUID parentMany = fixtures.contact(many, "Dora", "Many", "parent", true);
        UUID consentFew = consent(few, parentFew);
        UUID consentMany = consent(many, parentMany);
        for (int i = 0; i < 3; i++) {
            fixtures.referral(few, others.get(i), consentFew, SHARED, List.of(parentFew), ReferralStatus.REQUESTED);
        }
        fixtures.bulkReferrals(many, others, MANY);
        world = new World(school, few, many, service, consentFew, consentMany, parentFew, parentMany);
    }

    private UUID consent(UUID student, UUID parent) {
        return fixtures.consent(student, parent, null, List.of("mentoring"), SHARED, LocalDate.now().minusDays(3),
                LocalDate.now().plusYears(1), null);
    }

    @Test
    @TestSecurity(user = "coord-sql-count", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = SCHOOL)})
    void theProfileAndAReferralCostTheSameForAnyHistory() {
        for (UUID student : List.of(world.few(), world.many())) {
            String size = size(student);
            int expected = (int) Math.min(ReferralSupportSource.LIMIT, fixtures.referralsOf(student));
            count("GET student profile", size, id -> given().header("X-Request-Id", id).get("/api/v1/students/" + student))
                    .then().statusCode(200).body("support.referrals", hasSize(expected));
            UUID referral = fixtures.referral(student, world.service(), consent(student), SHARED, List.of(parent(student)),
                    ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);
            count("GET referral", size, id -> given().header("X-Request-Id", id).get("/api/v1/referrals/" + referral))
                    .then().statusCode(200).body("history", hasSize(3)).body("status", equalTo("in-progress"));
        }
        assertSameForBothSizes("GET student profile", "GET referral");
        assertTheProfileTakesItsReferralsFromTheIndex();
    }

    /** The profile's referral query, as Hibernate sent it, is planned as an index scan in order that stops at the limit. */
    private void assertTheProfileTakesItsReferralsFromTheIndex() {
        String sql = STATEMENTS.get("GET student profile, " + MANY + " referrals").stream()
                .filter(s -> s.contains("from referral r1_0 join")).findFirst().orElseThrow();
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement explain = c.prepareStatement("explain " + sql)) {
            // the scope filter (restricted to the school), the student, the limit
            explain.setBoolean(1, false);
            explain.setString(2, "{" + world.school() + "}");
            explain.setString(3, "");
            explain.setObject(4, world.many());
            explain.setInt(5, ReferralSupportSource.LIMIT);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
        assertTrue(plan.toString().contains("referral_student_open_idx"), plan.toString());
        assertFalse(plan.toString().contains("Sort"), plan.toString());
    }

    @Test
    @TestSecurity(user = "prov-sql-count", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = PROVIDER))
    void aProviderMoveCostsTheSameForAnyHistory() {
        for (UUID student : List.of(world.few(), world.many())) {
            String size = size(student);
            UUID referral = fixtures.referral(student, world.service(), consent(student), SHARED, List.of(parent(student)),
                    ReferralStatus.REQUESTED);
            String tag = ReferralCalls.providerEtag(referral);
            tag = move("provider accept", size, referral, tag, Map.of("to", "accepted"));
            tag = move("provider start", size, referral, tag, Map.of("to", "in-progress", "firstServiceOn", LocalDate.now().toString()));
            move("provider complete", size, referral, tag, Map.of("to", "completed", "reasonCode", "goals-met"));
            assertEquals("completed:goals-met", fixtures.state(referral));
        }
        assertSameForBothSizes("provider accept", "provider start", "provider complete");
    }

    @Test
    @TestSecurity(user = "prov-sql-count", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = PROVIDER))
    void aProviderQueuePageCostsAFixedNumberOfStatements() {
        for (int i = 0; i < 20; i++) {
            UUID student = i % 2 == 0 ? world.few() : world.many();
            fixtures.referral(student, world.service(), consent(student), SHARED, List.of(parent(student)), ReferralStatus.REQUESTED);
        }
        count("provider queue of 20", "3 referrals", id -> given().header("X-Request-Id", id)
                .get("/api/v1/provider/referrals?status=requested&size=20"))
                .then().statusCode(200).body("items", hasSize(20)).body("items[0].status", equalTo("requested"))
                .body("items.dataDisclosedAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue()));
        int statements = COUNTS.get("provider queue of 20").get("3 referrals");
        // the count, the page, its associations in batches and the page's latest disclosures in one query: not one per referral
        assertTrue(statements <= BOUND.get("provider queue of 20"), "the queue's page of 20 costs " + statements + " statements: "
                + String.join("\n", STATEMENTS.get("provider queue of 20, 3 referrals")));
    }

    private String move(String call, String size, UUID referral, String tag, Map<String, Object> body) {
        return count(call, size, id -> given().header("X-Request-Id", id).contentType(ContentType.JSON).header("If-Match", tag)
                .body(body).post("/api/v1/referrals/" + referral + "/transitions"))
                .then().statusCode(200).body("status", equalTo(body.get("to"))).extract().header("ETag");
    }

    @Test
    @TestSecurity(user = "coord-sql-count", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = SCHOOL)})
    void writingAndSendingADraftCostTheSameForAnyHistory() {
        for (UUID student : List.of(world.few(), world.many())) {
            String size = size(student);
            Map<String, Object> draft = ReferralCalls.draft(world.service(), consent(student), SHARED);
            draft.put("familyContactIds", List.of(parent(student).toString()));
            Response created = count("draft create", size, id -> given().header("X-Request-Id", id).contentType(ContentType.JSON)
                    .body(draft).post("/api/v1/students/" + student + "/referrals"));
            created.then().statusCode(201).body("status", equalTo("draft")).body("history", hasSize(0));
            UUID referral = UUID.fromString(created.path("id"));
            count("draft send", size, id -> given().header("X-Request-Id", id).contentType(ContentType.JSON)
                    .header("If-Match", created.header("ETag")).body(Map.of()).post("/api/v1/referrals/" + referral + "/send"))
                    .then().statusCode(200).body("status", equalTo("requested")).body("history", hasSize(1));
            assertEquals(1, fixtures.disclosures(referral));
        }
        assertSameForBothSizes("draft create", "draft send");
    }

    private String size(UUID student) {
        return student.equals(world.few()) ? "3 referrals" : MANY + " referrals";
    }

    private UUID consent(UUID student) {
        return student.equals(world.few()) ? world.consentFew() : world.consentMany();
    }

    private UUID parent(UUID student) {
        return student.equals(world.few()) ? world.parentFew() : world.parentMany();
    }

    private static Response count(String call, String size, Function<String, Response> request) {
        String id = SqlStatements.newRequestId();
        Response response = request.apply(id);
        List<String> statements = SqlStatements.of(id);
        COUNTS.computeIfAbsent(call, k -> new TreeMap<>()).put(size, statements.size());
        STATEMENTS.put(call + ", " + size, statements);
        if (Boolean.getBoolean("sql.count.verbose")) {
            System.out.printf("[sql] %s, %s: %d%n", call, size, statements.size());
            statements.forEach(s -> System.out.println("[sql]     " + s.substring(0, Math.min(s.length(), 150))));
        }
        return response;
    }

    private static void assertSameForBothSizes(String... calls) {
        for (String call : calls) {
            Map<String, Integer> bySize = COUNTS.get(call);
            assertEquals(bySize.get("3 referrals"), bySize.get(MANY + " referrals"), call + ": " + bySize);
            assertTrue(bySize.get("3 referrals") <= BOUND.get(call), call + " costs " + bySize + " statements, bound " + BOUND.get(call));
        }
    }

    @AfterAll
    static void print() {
        System.out.println("[sql] statements per request (Hibernate's; plus the audit insert):");
        COUNTS.forEach((call, bySize) -> System.out.printf("[sql]   %-20s %s%n", call, bySize));
    }
}
