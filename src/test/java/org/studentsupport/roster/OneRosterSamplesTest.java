package org.studentsupport.roster;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two sample bundles: a 1EdTech conformance case imports; a flawed real-world bundle is refused with a precise report. */
@QuarkusTest
@TestSecurity(user = "admin-samples", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = OneRosterSamplesTest.DISTRICT))
class OneRosterSamplesTest {

    static final String DISTRICT = "dst-imp-samples";

    @Inject
    Db db;

    @Test
    void theConformanceCaseImports() {
        JsonPath job = ImportCalls.importAndWait(Bundles.sample("1edtech-VRd118"));

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(RosterImportTest.counts(1, 0, 0, 0), RosterImportTest.kind(job, "schools"));
        assertEquals(RosterImportTest.counts(1, 0, 0, 0), RosterImportTest.kind(job, "classes"));
        assertEquals(RosterImportTest.counts(1, 0, 0, 0), RosterImportTest.kind(job, "students"));
        assertEquals(RosterImportTest.counts(1, 0, 0, 0), RosterImportTest.kind(job, "enrollments"));
        assertEquals(List.of(RosterImportTest.row("given_name", "Bruce", "family_name", "Wayne", "birth_date", Date.valueOf("2010-04-17"),
                        "school", "ORG_1", "district", DISTRICT)),
                db.rows("SELECT s.given_name, s.family_name, s.birth_date, sc.sourced_id AS school, d.sourced_id AS district FROM student s "
                        + "JOIN school sc ON sc.id = s.school_id JOIN district d ON d.id = sc.district_id WHERE s.sourced_id = 'USER_0'"));
        assertEquals(List.of(RosterImportTest.row("title", "Basic Detection", "course_title", "Crime Fighting 101", "session", "ACAD_SESS_1",
                        "enrolled", "USER_0")),
                db.rows("SELECT c.title, c.course_title, se.sourced_id AS session, st.sourced_id AS enrolled FROM class_section c "
                        + "JOIN academic_session se ON se.id = c.session_id JOIN enrollment e ON e.class_id = c.id "
                        + "JOIN student st ON st.id = e.student_id WHERE c.sourced_id = 'CLASS_001'"));
    }

    @Test
    void theFlawedBundleIsRejectedWithAPreciseReport() {
        Map<String, Object> before = db.rosterCounts();

        JsonPath job = ImportCalls.importAndWait(Bundles.sample("flawed-v1p2-full-dataset"));

        assertEquals("rejected", job.getString("status"), job.prettify());
        assertEquals(before, db.rosterCounts());
        List<String> report = job.getList("problems.collect { it.file + ':' + it.line + ':' + it.column + ': ' + it.message }");
        System.out.println("Report on the flawed bundle:\n  " + String.join("\n  ", report));
        assertContains(report, "roles.csv:1:dateLastModified: Required column 'dateLastModified' is missing from the header");
        assertTrue(job.getInt("problemCount") >= 3, job.prettify());
    }

    private static void assertContains(List<String> report, String expected) {
        assertTrue(report.contains(expected), "expected " + expected + " in " + String.join("\n", report));
    }
}
