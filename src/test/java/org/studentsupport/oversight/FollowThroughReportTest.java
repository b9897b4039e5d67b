package org.studentsupport.oversight;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Follow-through figures on a hand-made set of referrals, with the exact values worked out by hand. */
@QuarkusTest
class FollowThroughReportTest {

    static final String DISTRICT = "dst-ovs";
    static final String RANGE = "?from=2026-08-01&to=2026-10-31";

    @Inject
    TestFixtures fixtures;
    @Inject
    AgroalDataSource dataSource;

    static UUID p1 = UUID.fromString("0a5e0000-0000-4000-8000-000000000001");
    static UUID p2 = UUID.fromString("0a5e0000-0000-4000-8000-000000000002");
    static UUID r1 = UUID.fromString("0a5e0000-0000-4000-8000-0000000000a1");
    static UUID r4 = UUID.fromString("0a5e0000-0000-4000-8000-0000000000a4");

    @BeforeEach
    void referrals() throws SQLException {
        UUID studentA = fixtures.student(DISTRICT, "sch-ovs-a", "stu-ovs-a", "Ann", "Ovs");
        UUID studentB = fixtures.student(DISTRICT, "sch-ovs-b", "stu-ovs-b", "Ben", "Ovs");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (st.executeQuery("SELECT 1 FROM referral WHERE id = '" + r1 + "'").next()) {
                return;
            }
            st.execute("INSERT INTO dir_organization (id, name) VALUES ('" + p1 + "', 'Provider One'), ('" + p2 + "', 'Provider Two')");
            st.execute("INSERT INTO dir_service (id, organization_id, name) VALUES ('" + p1 + "', '" + p1 + "', 'Service One'),"
                    + " ('" + p2 + "', '" + p2 + "', 'Service Two')");
            // id, student, provider, author, status, requested, accepted, first service, closed, reason, due
            referral(c, r1, studentA, p1, "coord-a", "in-progress", "2026-09-01T08:00:00Z", "2026-09-03T08:00:00Z", "2026-09-08", null, null, "2099-01-01");
            referral(c, id(2), studentA, p1, "coord-a", "completed", "2026-09-01T08:00:00Z", "2026-09-05T08:00:00Z", "2026-09-11", "2026-10-01T08:00:00Z", "goals-met", null);
            referral(c, id(3), studentA, p2, "coord-b", "rejected", "2026-09-02T08:00:00Z", null, null, "2026-09-04T08:00:00Z", "no-capacity", null);
            referral(c, r4, studentA, p2, "coord-b", "requested", "2026-09-10T08:00:00Z", null, null, null, null, "2026-09-17");
            referral(c, id(5), studentB, p1, "coord-b", "cancelled", "2026-09-15T08:00:00Z", null, null, "2026-09-20T08:00:00Z", null, null);
            // referral from outside the range: counted nowhere
            referral(c, id(6), studentB, p1, "coord-b", "requested", "2026-03-01T08:00:00Z", null, null, null, null, "2099-01-01");
            transition(c, r1, "draft", "requested", "2026-09-01T08:00:00Z");
            transition(c, r1, "requested", "accepted", "2026-09-03T08:00:00Z");
            transition(c, r1, "accepted", "in-progress", "2026-09-08T08:00:00Z");
            transition(c, r4, "draft", "requested", "2026-09-10T08:00:00Z");
            transition(c, id(6), "draft", "requested", Instant.now().toString());
        }
    }

    @Test
    @TestSecurity(user = "super-ovs", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void followThroughBySchoolHasTheHandComputedFigures() {
        given().get("/api/v1/oversight/referrals/follow-through" + RANGE + "&groupBy=school").then().statusCode(200)
                .body("rows.groupName", contains("School sch-ovs-a", "School sch-ovs-b"))
                .body("rows[0].requested", equalTo(4))
                .body("rows[0].byStatus.in-progress", equalTo(1)).body("rows[0].byStatus.completed", equalTo(1))
                .body("rows[0].byStatus.rejected", equalTo(1)).body("rows[0].byStatus.requested", equalTo(1))
                .body("rows[0].byStatus.accepted", equalTo(0))
                .body("rows[0].overdue", equalTo(1))
                .body("rows[0].medianDaysToAccept", equalTo(3.0f)).body("rows[0].p90DaysToAccept", equalTo(3.8f))
                .body("rows[0].medianDaysToFirstService", equalTo(8.5f)).body("rows[0].p90DaysToFirstService", equalTo(9.7f))
                .body("rows[0].medianDaysToClose", equalTo(16.0f)).body("rows[0].p90DaysToClose", equalTo(27.2f))
                .body("rows[0].closed", equalTo(2)).body("rows[0].closedWithOutcomeShare", equalTo(1.0f))
                .body("rows[1].requested", equalTo(1)).body("rows[1].byStatus.cancelled", equalTo(1))
                .body("rows[1].medianDaysToAccept", nullValue())
                .body("rows[1].medianDaysToClose", equalTo(5.0f))
                .body("rows[1].closed", equalTo(1)).body("rows[1].closedWithOutcomeShare", equalTo(0.0f));
    }

    @Test
    @TestSecurity(user = "super-ovs", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void followThroughByProviderAndByCoordinator() {
        given().get("/api/v1/oversight/referrals/follow-through" + RANGE + "&groupBy=provider").then().statusCode(200)
                .body("rows.groupName", contains("Provider One", "Provider Two"))
                .body("rows.requested", contains(3, 2))
                .body("rows.overdue", contains(0, 1));
        given().get("/api/v1/oversight/referrals/follow-through" + RANGE + "&groupBy=coordinator").then().statusCode(200)
                .body("rows.groupId", contains("coord-a", "coord-b"))
                .body("rows.requested", contains(2, 3));
        given().get("/api/v1/oversight/referrals/follow-through?groupBy=district").then().statusCode(400)
                .body("errors[0].parameter", equalTo("groupBy"));
    }

    @Test
    @TestSecurity(user = "coord-ovs-b", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-ovs-b")})
    void aCoordinatorSeesOnlyTheirSchools() {
        given().get("/api/v1/oversight/referrals/follow-through" + RANGE).then().statusCode(200)
                .body("rows.groupName", contains("School sch-ovs-b"));
        given().get("/api/v1/oversight/referrals/overdue").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    @TestSecurity(user = "super-ovs", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void overdueAndStalledListsNameTheReferralsWithTheirAge() {
        long overdueDays = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2026-09-17"), LocalDate.now());
        given().get("/api/v1/oversight/referrals/overdue").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].referralId", equalTo(r4.toString()))
                .body("items[0].organizationName", equalTo("Provider Two"))
                .body("items[0].daysOverdue", equalTo((int) overdueDays));
        given().get("/api/v1/oversight/referrals/stalled?days=14").then().statusCode(200)
                .body("items.referralId", contains(r1.toString(), r4.toString()))
                .body("items[0].status", equalTo("in-progress"));
        String csv = given().get("/api/v1/oversight/referrals/stalled.csv?days=14").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(3, csv.split("\r\n").length, csv);
        String report = given().get("/api/v1/oversight/referrals/follow-through.csv" + RANGE).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(report.contains("School sch-ovs-a,4,1,0,1,1,0,1,0,0,1,3.0,3.8,8.5,9.7,16.0,27.2,2,1.0"), report);
    }

    private static UUID id(int n) {
        return UUID.fromString("0a5e0000-0000-4000-8000-0000000000a" + n);
    }

    private static void referral(Connection c, UUID id, UUID student, UUID provider, String author, String status,
                                 String requested, String accepted, String firstService, String closed, String reason,
                                 String due) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO referral (id, student_id, school_id, service_id,"
                + " organization_id, status, purpose, reason_codes, urgency, shared_categories, author, requested_at,"
                + " accepted_at, first_service_on, closed_at, status_reason_code, follow_up_due)"
                + " SELECT ?, s.id, s.school_id, ?, ?, ?, 'support-services', 'reading', 'routine', 'identity', ?, ?, ?, ?, ?, ?, ?"
                + " FROM student s WHERE s.id = ?")) {
            st.setObject(1, id);
            st.setObject(2, provider);
            st.setObject(3, provider);
            st.setString(4, status);
            st.setString(5, author);
            st.setTimestamp(6, ts(requested));
            st.setTimestamp(7, ts(accepted));
            st.setObject(8, firstService == null ? null : LocalDate.parse(firstService));
            st.setTimestamp(9, ts(closed));
            st.setString(10, reason);
            st.setObject(11, due == null ? null : LocalDate.parse(due));
            st.setObject(12, student);
            st.executeUpdate();
        }
    }

    private static void transition(Connection c, UUID referral, String from, String to, String at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO referral_transition (id, referral_id, from_status, to_status,"
                + " actor, actor_side, at) VALUES (?, ?, ?, ?, 'someone', 'school', ?)")) {
            st.setObject(1, UUID.randomUUID());
            st.setObject(2, referral);
            st.setString(3, from);
            st.setString(4, to);
            st.setTimestamp(5, ts(at));
            st.executeUpdate();
        }
    }

    private static Timestamp ts(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
