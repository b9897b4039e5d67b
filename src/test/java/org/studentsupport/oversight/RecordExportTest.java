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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** The record export holds every part of what the service keeps on a student, and is itself audited. */
@QuarkusTest
class RecordExportTest {

    static final String DISTRICT = "dst-export";

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
            st.execute("INSERT INTO enrollment (id, sourced_id, class_id, student_id, begin_date)"
                    + " VALUES (gen_random_uuid(), 'enr-export', 'e0000000-0000-4000-8000-000000000002', " + s + ", '2026-08-25')");
            st.execute("INSERT INTO family_contact (id, sourced_id, given_name, family_name)"
                    + " VALUES ('e0000000-0000-4000-8000-000000000003', 'par-export', 'Pat', 'Export')");
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
            st.execute("INSERT INTO isr_goal (id, review_id, text, status, position)"
                    + " VALUES (gen_random_uuid(), 'e0000000-0000-4000-8000-000000000007', 'attend every day', 'open', 0)");
            st.execute("INSERT INTO dir_organization (id, name) VALUES ('e0000000-0000-4000-8000-000000000008', 'Export Helpers')");
            st.execute("INSERT INTO dir_service (id, organization_id, name) VALUES ('e0000000-0000-4000-8000-000000000009',"
                    + " 'e0000000-0000-4000-8000-000000000008', 'Tutoring')");
            st.execute("INSERT INTO consent (id, student_id, signer_contact_id, signed_on, method, paper_scan_reference,"
                    + " data_categories, purposes, recipient_class, expires_on, created_by) VALUES"
                    + " ('e0000000-0000-4000-8000-00000000000a', " + s + ", 'e0000000-0000-4000-8000-000000000003', '2026-09-01',"
                    + " 'paper', 'scan-1', 'identity', 'support-services', 'community-providers', '2027-06-30', 'coord')");
            st.execute("INSERT INTO referral (id, student_id, school_id, service_id, organization_id, status, purpose, reason_codes,"
                    + " urgency, shared_categories, author, requested_at, consent_id) SELECT 'e0000000-0000-4000-8000-00000000000b',"
                    + " id, school_id, 'e0000000-0000-4000-8000-000000000009', 'e0000000-0000-4000-8000-000000000008', 'requested',"
                    + " 'support-services', 'academic.reading', 'routine', 'identity', 'coord', now(),"
                    + " 'e0000000-0000-4000-8000-00000000000a' FROM student WHERE id = " + s);
            st.execute("INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor, actor_side, at)"
                    + " VALUES (gen_random_uuid(), 'e0000000-0000-4000-8000-00000000000b', 'draft', 'requested', 'coord', 'school', now())");
            st.execute("INSERT INTO disclosure (id, student_id, referral_id, party_organization_id, party_name, legitimate_interest,"
                    + " data_categories, basis, consent_id, disclosed_at, official, snapshot) VALUES (gen_random_uuid(), " + s + ","
                    + " 'e0000000-0000-4000-8000-00000000000b', 'e0000000-0000-4000-8000-000000000008', 'Export Helpers',"
                    + " 'support-services', 'identity', 'consent', 'e0000000-0000-4000-8000-00000000000a', now(), 'coord',"
                    + " '{\"categories\": [\"identity\"], \"studentFirstName\": \"Esme\"}')");
        }
    }

    @Test
    @TestSecurity(user = "super-export", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void theExportHoldsEveryPartAndIsAuditedAsAnExport() {
        given().get("/api/v1/student-records/{id}", student).then().statusCode(200);
        given().get("/api/v1/student-records/{id}", student).then().statusCode(200)
                .body("studentId", equalTo(student.toString()))
                .body("student.given_name", equalTo("Esme"))
                .body("student.school_sourced_id", equalTo("sch-export"))
                .body("enrollments.sourced_id", hasItem("enr-export"))
                .body("familyContacts.sourced_id", hasItem("par-export"))
                .body("familyContacts[0].may_sign_consent", equalTo(true))
                .body("wholeClassReviews[0].tier", equalTo("2"))
                .body("wholeClassReviews[0].period_name", equalTo("2026-27 fall"))
                .body("wholeClassReviews[0].domains[0].needs", equalTo("reading"))
                .body("individualReviews[0].concerns", equalTo("attendance"))
                .body("individualReviews[0].goals", hasSize(1))
                .body("consents[0].id", equalTo("e0000000-0000-4000-8000-00000000000a"))
                .body("referrals[0].history[0].to_status", equalTo("requested"))
                .body("disclosures[0].party_name", equalTo("Export Helpers"))
                .body("accessReport.action", hasItem("export"))
                .body("accessReport.object_type", hasItem("student-record"))
                .body("accessReportTruncated", equalTo(false));
    }

    @Test
    @TestSecurity(user = "coord-export-2", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = "sch-export-2")})
    void aCoordinatorOfAnotherSchoolCannotExportTheRecord() {
        given().get("/api/v1/student-records/{id}", student).then().statusCode(404);
        given().get("/api/v1/student-records/{id}", other).then().statusCode(200)
                .body("student.given_name", equalTo("Otto")).body("referrals", hasSize(0));
    }

    @Test
    @TestSecurity(user = "prov-export", roles = "provider", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void providersAndAdministratorsCannotExportRecords() {
        given().get("/api/v1/student-records/{id}", student).then().statusCode(403);
    }
}
