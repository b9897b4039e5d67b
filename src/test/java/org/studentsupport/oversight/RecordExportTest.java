package org.studentsupport.oversight;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.TestFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The record export holds everything the database holds on a student, in words a family reads, as JSON
 * and as a printable page with the same content; it is audited as an export.
 */
@QuarkusTest
class RecordExportTest {

    static final String DISTRICT = "dst-export";
    static final String SUPERVISOR = "super-export";

    @Inject
    TestFixtures fixtures;
    @Inject
    AgroalDataSource dataSource;

    UUID student;
    UUID other;

    @BeforeEach
    void aStudentWithSomethingInEveryPart() throws SQLException {
        student = fixtures.student(DISTRICT, "sch-export", "stu-export", "Esme", "Export");
        other = fixtures.student(DISTRICT, "sch-export-2", "stu-export-2", "Otto", "Other");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (st.executeQuery("SELECT 1 FROM enrollment WHERE sourced_id = 'enr-export'").next()) {
                return;
            }
            String s = "'" + student + "'";
            st.execute("INSERT INTO academic_session (id, sourced_id, district_id, title, type, school_year, start_date, end_date)"
                    + " SELECT 'e0000000-0000-4000-8000-000000000001', 'ses-export', d.id, '2026-27', 'schoolYear', 2027,"
                    + " '2026-08-25', '2027-06-20' FROM district d WHERE d.sourced_id = '" + DISTRICT + "'");
            st.execute("INSERT INTO class_section (id, sourced_id, school_id, session_id, title)"
                    + " SELECT 'e0000000-0000-4000-8000-000000000002', 'cls-export', school_id, 'e0000000-0000-4000-8000-000000000001',"
                    + " 'Grade 4 A' FROM student WHERE id = " + s);
            st.execute("INSERT INTO class_section (id, sourced_id, school_id, session_id, title)"
                    + " SELECT 'e0000000-0000-4000-8000-000000000012', 'cls-export-art', school_id,"
                    + " 'e0000000-0000-4000-8000-000000000001', 'Art club' FROM student WHERE id = " + s);
            st.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date)"
                    + " VALUES (gen_random_uuid(), 'enr-export', 'e0000000-0000-4000-8000-000000000002', " + s + ", '2026-08-25')");
            st.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date, end_date) VALUES (gen_random_uuid(),"
                    + " 'enr-export-art', 'e0000000-0000-4000-8000-000000000012', " + s + ", '2026-08-25', '2026-10-01')");
            st.execute("INSERT INTO family_contact (id, sourced_id, given_name, family_name, contact_notes)"
                    + " VALUES ('e0000000-0000-4000-8000-000000000003', 'par-export', 'Pat', 'Export', '<b>call after 5</b>')");
            st.execute("INSERT INTO student_contact (student_id, contact_id, relationship, may_sign_consent)"
                    + " VALUES (" + s + ", 'e0000000-0000-4000-8000-000000000003', 'parent', true)");
            st.execute("INSERT INTO review_period (id, district_id, school_year_id, name, kind, start_date, end_date)"
                    + " SELECT 'e0000000-0000-4000-8000-000000000004', d.id, 'e0000000-0000-4000-8000-000000000001',"
                    + " '2026-27 fall', 'fall', '2026-09-01', '2026-11-30' FROM district d WHERE d.sourced_id = '" + DISTRICT + "'");
            st.execute("INSERT INTO class_review (id, class_id, period_id, school_id, status, coordinator_subject, reviewed_on)"
                    + " SELECT 'e0000000-0000-4000-8000-000000000005', 'e0000000-0000-4000-8000-000000000002',"
                    + " 'e0000000-0000-4000-8000-000000000004', school_id, 'draft', 'coord', '2026-10-01' FROM student WHERE id = " + s);
            st.execute("INSERT INTO class_review_entry (id, review_id, student_id, tier, position)"
                    + " VALUES ('e0000000-0000-4000-8000-000000000006', 'e0000000-0000-4000-8000-000000000005', " + s + ", '2', 0)");
            st.execute("INSERT INTO class_review_domain (id, entry_id, domain, needs)"
                    + " VALUES (gen_random_uuid(), 'e0000000-0000-4000-8000-000000000006', 'academic', 'reading')");
            st.execute("INSERT INTO individual_review (id, student_id, status, concerns, opened_by, opened_at)"
                    + " VALUES ('e0000000-0000-4000-8000-000000000007', " + s + ", 'open', 'attendance', 'coord', now())");
            st.execute("INSERT INTO isr_team_member (id, review_id, role, name, position)"
                    + " VALUES (gen_random_uuid(), 'e0000000-0000-4000-8000-000000000007', 'teacher', 'Ms Tutor', 0)");
            st.execute("INSERT INTO isr_goal (id, review_id, text, status, position)"
                    + " VALUES ('e0000000-0000-4000-8000-000000000010', 'e0000000-0000-4000-8000-000000000007', 'attend every day', 'open', 0)");
            st.execute("INSERT INTO isr_goal_note (id, goal_id, noted_on, text, author) VALUES (gen_random_uuid(),"
                    + " 'e0000000-0000-4000-8000-000000000010', '2026-10-15', 'four days of five', 'coord')");
            st.execute("INSERT INTO dir_organization (id, name) VALUES ('e0000000-0000-4000-8000-000000000008', 'Export Helpers')");
            st.execute("INSERT INTO dir_service (id, organization_id, name) VALUES ('e0000000-0000-4000-8000-000000000009',"
                    + " 'e0000000-0000-4000-8000-000000000008', 'Tutoring')");
            st.execute("INSERT INTO dir_service (id, organization_id, name) VALUES ('e0000000-0000-4000-8000-000000000011',"
                    + " 'e0000000-0000-4000-8000-000000000008', 'Mentoring Club')");
            st.execute("INSERT INTO isr_support (id, review_id, category, description, directory_service_id, position) VALUES"
                    + " (gen_random_uuid(), 'e0000000-0000-4000-8000-000000000007', 'early-intervention', 'reading help',"
                    + " 'e0000000-0000-4000-8000-000000000009', 0)");
            st.execute("INSERT INTO consent (id, student_id, signer_contact_id, signed_on, method, paper_scan_reference,"
                    + " data_categories, purposes, recipient_class, expires_on, created_by) VALUES"
                    + " ('e0000000-0000-4000-8000-00000000000a', " + s + ", 'e0000000-0000-4000-8000-000000000003', '2026-09-01',"
                    + " 'paper', 'scan-1', 'identity', 'tutoring', 'community-providers', '2027-06-30', 'coord')");
            st.execute("INSERT INTO referral (id, student_id, school_id, service_id, organization_id, status, purpose, reason_codes,"
                    + " urgency, shared_categories, author, requested_at, consent_id) SELECT 'e0000000-0000-4000-8000-00000000000b',"
                    + " id, school_id, 'e0000000-0000-4000-8000-000000000009', 'e0000000-0000-4000-8000-000000000008', 'requested',"
                    + " 'tutoring', 'reading', 'routine', 'identity', 'coord', now(),"
                    + " 'e0000000-0000-4000-8000-00000000000a' FROM student WHERE id = " + s);
            st.execute("INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor, actor_side, at)"
                    + " VALUES (gen_random_uuid(), 'e0000000-0000-4000-8000-00000000000b', 'draft', 'requested', 'coord', 'school', now())");
            st.execute("INSERT INTO referral (id, student_id, school_id, service_id, organization_id, status, purpose, reason_codes,"
                    + " urgency, shared_categories, author) SELECT 'e0000000-0000-4000-8000-00000000000c', id, school_id,"
                    + " 'e0000000-0000-4000-8000-000000000011', 'e0000000-0000-4000-8000-000000000008', 'draft', 'mentoring',"
                    + " 'reading', 'soon', 'identity', 'coord' FROM student WHERE id = " + s);
            st.execute("INSERT INTO disclosure (id, student_id, referral_id, party_organization_id, party_name, legitimate_interest,"
                    + " data_categories, basis, consent_id, disclosed_at, official, snapshot) VALUES (gen_random_uuid(), " + s + ","
                    + " 'e0000000-0000-4000-8000-00000000000b', 'e0000000-0000-4000-8000-000000000008', 'Export Helpers',"
                    + " 'tutoring', 'identity', 'consent', 'e0000000-0000-4000-8000-00000000000a', now(), 'coord',"
                    + " '{\"categories\": [\"identity\"], \"studentFirstName\": \"Esme\"}')");
        }
    }

    @Test
    @TestSecurity(user = SUPERVISOR, roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void theExportHoldsWhatTheDatabaseHoldsOnTheStudent() throws SQLException {
        given().get("/api/v1/student-records/{id}", student).then().statusCode(200);
        JsonPath record = given().accept("application/json").get("/api/v1/student-records/{id}", student).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        long eventsNow = count("SELECT count(*) FROM audit_event WHERE student_ids @> ARRAY[CAST(? AS uuid)]");

        assertThat(record.getString("studentId"), equalTo(student.toString()));
        assertThat(record.getString("studentName"), equalTo("Esme Export"));
        assertThat(record.getString("producedAt"), endsWith("Z"));
        assertThat(record.getString("student.givenName"), equalTo(one("SELECT given_name FROM student WHERE id = ?")));
        assertThat(record.getString("student.school"), equalTo(
                one("SELECT sc.name FROM student s JOIN school sc ON sc.id = s.school_id WHERE s.id = ?")));

        sameItems(record.getList("enrollments.className"), strings(
                "SELECT c.title FROM enrollment e JOIN class_section c ON c.id = e.class_id WHERE e.student_id = ?"));
        assertThat(record.getList("enrollments.endDate"), hasItem("2026-10-01"));
        sameItems(record.getList("familyContacts.familyName"), strings(
                "SELECT f.family_name FROM student_contact l JOIN family_contact f ON f.id = l.contact_id WHERE l.student_id = ?"));

        assertThat(record.getList("classReviews"), hasSize((int) count("SELECT count(*) FROM class_review_entry WHERE student_id = ?")));
        assertThat(record.getString("classReviews[0].tier"), equalTo("2 – Moderate needs"));
        assertThat(record.getString("classReviews[0].reviewStatus"), equalTo("Draft"));
        assertThat(record.getString("classReviews[0].domains[0].domain"), equalTo("Academic"));
        assertThat(record.getList("classReviews[0].domains[0].needs"), contains(readingLabel()));

        assertThat(record.getList("individualReviews"), hasSize((int) count("SELECT count(*) FROM individual_review WHERE student_id = ?")));
        sameItems(record.getList("individualReviews[0].goals.text"), strings(
                "SELECT g.text FROM isr_goal g JOIN individual_review i ON i.id = g.review_id WHERE i.student_id = ?"));
        assertThat(record.getList("individualReviews[0].goals[0].progressNotes.text"), contains("four days of five"));
        assertThat(record.getList("individualReviews[0].team.name"), contains("Ms Tutor"));
        assertThat(record.getString("individualReviews[0].supports[0].category"), equalTo("Early intervention"));
        assertThat(record.getString("individualReviews[0].supports[0].service"), equalTo("Tutoring"));

        assertThat(record.getList("consents"), hasSize((int) count("SELECT count(*) FROM consent WHERE student_id = ?")));
        assertThat(record.getList("consents[0].purposes"), contains("tutoring and academic support"));
        assertThat(record.getList("consents[0].records"), contains("the student's first name and last initial"));
        assertThat(record.getString("consents[0].recipient"),
                equalTo("any community provider organization in the district's provider directory"));
        assertThat(record.getString("consents[0].signedOn"), equalTo("2026-09-01"));
        assertThat(record.getString("consents[0].signedBy"), equalTo("Pat Export"));

        sameItems(record.getList("referrals.service"), strings(
                "SELECT s.name FROM referral r JOIN dir_service s ON s.id = r.service_id WHERE r.student_id = ?"));
        assertThat(record.getList("referrals.status"), containsInAnyOrder("Sent to the provider, awaiting an answer", "Draft, not sent"));
        assertThat(record.getList("referrals.history").stream().mapToInt(h -> ((List<?>) h).size()).sum(), equalTo((int) count(
                "SELECT count(*) FROM referral_transition t JOIN referral r ON r.id = t.referral_id WHERE r.student_id = ?")));
        assertThat(record.getList("referrals.reasons.flatten()"), everyItem(equalTo(readingLabel())));
        assertThat(record.getList("referrals.basis"), hasItem("Written consent signed 2026-09-01"));

        sameItems(record.getList("disclosures.party"), strings(
                "SELECT party_name FROM disclosure WHERE student_id = ?"));
        assertThat(record.getString("disclosures[0].basis"), equalTo("Written consent of the family"));
        assertThat(record.getString("disclosures[0].consentSignedOn"), equalTo("2026-09-01"));
        assertThat(record.getList("disclosures[0].recordsDisclosed"), contains("the student's first name and last initial"));
        // what was sent is the snapshot kept with the entry, word for word
        assertThat(record.getString("disclosures[0].dataSent.studentFirstName"), equalTo("Esme"));
        assertThat(record.getList("disclosures[0].dataSent.categories"), contains("identity"));
        // no internal names: the access report says what was touched in words, not which class did it
        assertThat(record.getList("accessReport.events"), not(empty()));
        assertThat(record.prettify(), not(containsString("Resource.")));

        // The export's own event is written after the document was read.
        assertThat(record.getLong("accessReport.totalEvents"), equalTo(eventsNow - 1));
        assertThat(record.getList("accessReport.events"), hasSize((int) (eventsNow - 1)));
        assertThat(record.getBoolean("accessReport.truncated"), equalTo(false));
        assertThat(record.getList("accessReport.events.action"), hasItem("export"));
        assertThat(record.getList("accessReport.events.user"), hasItem(SUPERVISOR));
    }

    @Test
    @TestSecurity(user = SUPERVISOR, roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void theExportCarriesNoInternalColumns() {
        String json = given().get("/api/v1/student-records/{id}", student).then().statusCode(200).extract().asString();
        for (String internal : List.of("\"version\"", "\"id\"", "_id\"", "given_name", "sourcedId", "chain", "requestId",
                "sourceAddress", "e0000000-0000-4000-8000-00000000000b")) {
            assertThat(json, not(containsString(internal)));
        }
    }

    @Test
    @TestSecurity(user = SUPERVISOR, roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void thePrintablePageShowsTheSameItemsEscaped() throws SQLException {
        String page = given().accept("text/html").get("/api/v1/student-records/{id}", student).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; style-src 'unsafe-inline'")).extract().asString();
        assertThat(page, startsWith("<!DOCTYPE html>"));
        containsAll(page, "<title>Student record of Esme Export</title>", "@media print");
        for (String service : strings("SELECT s.name FROM referral r JOIN dir_service s ON s.id = r.service_id WHERE r.student_id = ?")) {
            assertThat(page, containsString("<h3>" + service + " at Export Helpers</h3>"));
        }
        for (String party : strings("SELECT party_name FROM disclosure WHERE student_id = ?")) {
            assertThat(page, containsString("<td>" + party + "</td>"));
        }
        assertThat(page, containsString("studentFirstName: Esme"));
        for (String title : strings("SELECT c.title FROM enrollment e JOIN class_section c ON c.id = e.class_id WHERE e.student_id = ?")) {
            assertThat(page, containsString("<td>" + title + "</td>"));
        }
        containsAll(page, "2 – Moderate needs", readingLabel(), "attend every day", "four days of five",
                "tutoring and academic support", "Written consent signed 2026-09-01", "Signed 2026-09-01 by Pat Export",
                "&lt;b&gt;call after 5&lt;/b&gt;");
        assertThat(page, not(containsString("<b>call after 5</b>")));
        assertThat(page, not(containsString("null")));
    }

    @Test
    @TestSecurity(user = SUPERVISOR, roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void everyExportIsAuditedAsAnExportOfTheStudentsRecord() throws SQLException {
        long before = count("SELECT count(*) FROM audit_event WHERE action = 'export' AND object_type = 'student-record'"
                + " AND object_id = CAST(? AS text)");
        given().accept("application/json").get("/api/v1/student-records/{id}", student).then().statusCode(200);
        given().accept("text/html").get("/api/v1/student-records/{id}", student).then().statusCode(200);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'export' AND object_type = 'student-record'"
                + " AND object_id = CAST(? AS text)"), equalTo(before + 2));
    }

    @Test
    @TestSecurity(user = "coord-export-2", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-export-2")})
    void aCoordinatorOfAnotherSchoolCannotExportTheRecord() {
        given().get("/api/v1/student-records/{id}", student).then().statusCode(404);
        given().accept("text/html").get("/api/v1/student-records/{id}", student).then().statusCode(404);
        given().get("/api/v1/student-records/{id}", other).then().statusCode(200)
                .body("student.givenName", equalTo("Otto")).body("referrals", hasSize(0)).body("disclosures", hasSize(0));
    }

    @Test
    @TestSecurity(user = "prov-export", roles = "provider", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void providersAndAdministratorsCannotExportRecords() {
        given().get("/api/v1/student-records/{id}", student).then().statusCode(403);
    }

    private static void sameItems(List<?> actual, List<String> expected) {
        assertThat(actual, containsInAnyOrder(expected.toArray()));
    }

    private static void containsAll(String text, String... parts) {
        for (String part : parts) {
            assertThat(text, containsString(part));
        }
    }

    /** The code list's label of the need the seed records (the demo code list may have named it first). */
    private String readingLabel() throws SQLException {
        return one("SELECT labels ->> 'en' FROM vocabulary_code WHERE district_id IS NULL AND code = 'reading' AND CAST(? AS text) IS NOT NULL");
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(one(sql));
    }

    private String one(String sql) throws SQLException {
        List<String> values = strings(sql);
        assertThat(values, hasSize(1));
        return values.get(0);
    }

    /** The first column of every row, with the student's id as the one parameter. */
    private List<String> strings(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, student);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = st.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
