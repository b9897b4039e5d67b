package org.studentsupport.received;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.referral.ReferralStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What counts as a service received, and with which category: a referral once it started (whatever
 * came after), never one that did not; a planned support the school gives itself, never one that names
 * a directory service; a directory service's category from its taxonomy (the most intensive), or the
 * planned support's when the referral came from one.
 */
@QuarkusTest
@TestSecurity(user = "coord-rules", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ServiceReceivedRulesTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ServiceReceivedRulesTest.SCHOOL)})
class ServiceReceivedRulesTest {

    static final String DISTRICT = "dst-received-rules";
    static final String SCHOOL = "sch-received-rules";

    @Inject
    ReferralFixtures fixtures;

    @Inject
    AgroalDataSource db;

    @Test
    void startedReferralsAndSchoolSupportsCountEachWithItsCategory() throws SQLException {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        UUID student = fixtures.student(school, "Lee", "Rules", LocalDate.now().minusYears(12));
        UUID organization = fixtures.organization("Rules Youth Services");
        UUID both = fixtures.service(organization, "Rules Counseling and Mentoring");
        UUID plain = fixtures.service(organization, "Rules Drop-in");
        // one service under two categories (the most intensive wins), one under none
        UUID intensive = term("intensive", null);
        UUID early = term("early-intervention", null);
        attach(both, term("rules-counseling", intensive));
        attach(both, term("rules-mentoring", early));
        attach(plain, term("rules-drop-in", null));

        fixtures.referral(student, both, null, List.of("identity"), ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED);
        fixtures.referral(student, both, null, List.of("identity"), ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                ReferralStatus.FAILED);
        UUID paused = fixtures.referral(student, both, null, List.of("identity"), ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD);
        UUID completed = fixtures.referral(student, plain, null, List.of("identity"), ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED);

        String plan = given().contentType(ContentType.JSON).body(Map.of("concerns", "Worries a lot", "supports", List.of(
                        Map.of("category", "prevention-enrichment", "description", "Chess club", "needs", List.of("engagement")),
                        Map.of("category", "early-intervention", "description", "Mentoring", "serviceId", both.toString()))))
                .post("/api/v1/students/{id}/individual-reviews", student).then().statusCode(201).extract().path("id");

        JsonPath list = given().get("/api/v1/students/{id}/services-received", student).then().statusCode(200).extract().jsonPath();
        assertEquals(3, list.getInt("totalItems"), list.prettify());
        assertEquals("intensive", list.getString("items.find { it.referralId == '" + paused + "' }.category"));
        assertEquals("on-hold", list.getString("items.find { it.referralId == '" + paused + "' }.status"));
        assertEquals(List.of("anxiety"), list.getList("items.find { it.referralId == '" + paused + "' }.needs"));
        assertNull(list.get("items.find { it.referralId == '" + completed + "' }.category"), "no category in its taxonomy");
        assertEquals(LocalDate.now().toString(), list.getString("items.find { it.referralId == '" + completed + "' }.endedOn"));
        assertEquals("school", list.getString("items.find { it.name == 'Chess club' }.kind"));
        assertEquals("prevention-enrichment", list.getString("items.find { it.name == 'Chess club' }.category"));
        assertEquals(List.of("engagement"), list.getList("items.find { it.name == 'Chess club' }.needs"));
        assertEquals(plan, list.getString("items.find { it.name == 'Chess club' }.individualReviewId"));

        // the planned support that named the directory service becomes the paused referral: the plan's category wins
        execute("UPDATE isr_support SET referral_id = '" + paused + "' WHERE review_id = '" + plan + "' AND description = 'Mentoring'");
        list = given().get("/api/v1/students/{id}/services-received", student).then().statusCode(200).extract().jsonPath();
        assertEquals(3, list.getInt("totalItems"));
        assertEquals("early-intervention", list.getString("items.find { it.referralId == '" + paused + "' }.category"));
        assertEquals(plan, list.getString("items.find { it.referralId == '" + paused + "' }.individualReviewId"));
    }

    private UUID term(String code, UUID parent) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO dir_taxonomy_term (id, parent_id, code, name) VALUES ('" + id + "', "
                + (parent == null ? "NULL" : "'" + parent + "'") + ", '" + code + "', '" + code + "')");
        return id;
    }

    private void attach(UUID service, UUID term) throws SQLException {
        execute("INSERT INTO dir_attribute (id, link_id, taxonomy_term_id) VALUES ('" + UUID.randomUUID() + "', '" + service + "', '"
                + term + "')");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
