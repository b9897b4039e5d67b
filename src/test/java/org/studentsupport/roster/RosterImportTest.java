package org.studentsupport.roster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestSecurity(user = "admin-imp", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = RosterImportTest.DISTRICT))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterImportTest {

    static final String DISTRICT = "dst-imp-hand";
    static final String P = "imp-";

    @Inject
    Db db;

    @Inject
    MeterRegistry registry;

    private double finished(String outcome, boolean dryRun) {
        Counter counter = registry.find("roster.imports").tags("outcome", outcome, "dry_run", Boolean.toString(dryRun)).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @Order(1)
    void aHandCheckedBundleImportsExactlyItsRecords() {
        JsonPath job = ImportCalls.importAndWait(Bundles.zip(HandBundle.files(DISTRICT, P)));

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(100, job.getInt("progressPercent"));
        assertEquals(0, job.getInt("problemCount"));
        assertEquals(counts(2, 0, 0, 0), kind(job, "schools"));
        assertEquals(counts(2, 0, 0, 0), kind(job, "academicSessions"));
        assertEquals(counts(1, 0, 0, 0), kind(job, "courses"));
        assertEquals(counts(2, 0, 0, 0), kind(job, "classes"));
        assertEquals(counts(3, 0, 0, 0), kind(job, "students"));
        assertEquals(counts(1, 0, 0, 0), kind(job, "teachers"));
        assertEquals(counts(2, 0, 0, 0), kind(job, "familyContacts"));
        assertEquals(counts(3, 0, 0, 0), kind(job, "familyLinks"));
        assertEquals(counts(0, 2, 0, 0), kind(job, "demographics"));
        assertEquals(counts(3, 0, 0, 0), kind(job, "enrollments"));
        assertEquals(counts(1, 0, 0, 0), kind(job, "classTeachers"));
        assertEquals(20, job.getLong("totals.created"));

        assertEquals("Hand District", db.value("SELECT name FROM district WHERE sourced_id = ?", DISTRICT));
        assertEquals(List.of(Map.of("sourced_id", P + "sch-a", "name", "Alder School", "identifier", "0101"),
                        Map.of("sourced_id", P + "sch-b", "name", "Birch School", "identifier", "0102")),
                db.rows("SELECT s.sourced_id, s.name, s.identifier FROM school s JOIN district d ON d.id = s.district_id "
                        + "WHERE d.sourced_id = ? ORDER BY s.sourced_id", DISTRICT));
        assertEquals(List.of(
                        row("sourced_id", P + "fall", "title", "2026-27 Fall", "type", "term", "school_year", 2027,
                                "start_date", Date.valueOf("2026-08-26"), "end_date", Date.valueOf("2027-01-22"), "parent", P + "sy"),
                        row("sourced_id", P + "sy", "title", "2026-27", "type", "schoolYear", "school_year", 2027,
                                "start_date", Date.valueOf("2026-08-26"), "end_date", Date.valueOf("2027-06-18"), "parent", null)),
                db.rows("SELECT s.sourced_id, s.title, s.type, s.school_year, s.start_date, s.end_date, p.sourced_id AS parent "
                        + "FROM academic_session s LEFT JOIN academic_session p ON p.id = s.parent_id WHERE s.sourced_id LIKE ? ORDER BY 1", P + "%"));
        assertEquals(List.of(
                        row("sourced_id", P + "cls-a", "title", "Grade 3 Homeroom", "class_code", "3A", "course_title", "English 3",
                                "grades", "03", "class_type", "homeroom", "school", P + "sch-a", "session", P + "fall", "teachers", P + "tch-1"),
                        row("sourced_id", P + "cls-b", "title", "Grade 3 Reading", "class_code", "3B", "course_title", "English 3",
                                "grades", "03", "class_type", "scheduled", "school", P + "sch-b", "session", P + "fall", "teachers", null)),
                db.rows("SELECT c.sourced_id, c.title, c.class_code, c.course_title, c.grades, c.class_type, sc.sourced_id AS school, "
                        + "se.sourced_id AS session, (SELECT string_agg(t.sourced_id, ',') FROM class_teacher ct JOIN teacher t ON t.id = ct.teacher_id "
                        + "WHERE ct.class_id = c.id) AS teachers FROM class_section c JOIN school sc ON sc.id = c.school_id "
                        + "JOIN academic_session se ON se.id = c.session_id WHERE c.sourced_id LIKE ? ORDER BY 1", P + "%"));
        assertEquals(List.of(
                        row("sourced_id", P + "stu-1", "school", P + "sch-a", "identifier", "S1001", "given_name", "Ana", "family_name", "Alvarez",
                                "preferred_name", "Annie", "birth_date", Date.valueOf("2018-03-04"), "grade", "03", "preferred_language", "es",
                                "home_language", "es", "directory_opt_out", false, "active", true),
                        row("sourced_id", P + "stu-2", "school", P + "sch-a", "identifier", "S1002", "given_name", "Ben", "family_name", "Brown",
                                "preferred_name", null, "birth_date", Date.valueOf("2017-11-30"), "grade", "03", "preferred_language", null,
                                "home_language", null, "directory_opt_out", true, "active", true),
                        row("sourced_id", P + "stu-3", "school", P + "sch-b", "identifier", "S1003", "given_name", "Cara", "family_name", "Chen",
                                "preferred_name", null, "birth_date", null, "grade", "03", "preferred_language", null,
                                "home_language", null, "directory_opt_out", false, "active", true)),
                db.rows("SELECT s.sourced_id, sc.sourced_id AS school, s.identifier, s.given_name, s.family_name, s.preferred_name, "
                        + "s.birth_date, s.grade, s.preferred_language, s.home_language, s.directory_opt_out, s.active "
                        + "FROM student s JOIN school sc ON sc.id = s.school_id WHERE s.sourced_id LIKE ? ORDER BY 1", P + "%"));
        assertEquals(List.of(
                        row("sourced_id", P + "gdn-1", "given_name", "Maria", "family_name", "Alvarez", "email", "maria@example.org",
                                "phone", "5550100", "sms", "5550101", "preferred_language", "es"),
                        row("sourced_id", P + "gdn-2", "given_name", "Sam", "family_name", "Brown", "email", null,
                                "phone", "5550200", "sms", null, "preferred_language", null)),
                db.rows("SELECT sourced_id, given_name, family_name, email, phone, sms, preferred_language FROM family_contact "
                        + "WHERE sourced_id LIKE ? ORDER BY 1", P + "%"));
        assertEquals(List.of(
                        row("student", P + "stu-1", "contact", P + "gdn-1", "relationship", "parent", "may_sign_consent", true),
                        row("student", P + "stu-1", "contact", P + "gdn-2", "relationship", "relative", "may_sign_consent", false),
                        row("student", P + "stu-2", "contact", P + "gdn-2", "relationship", "relative", "may_sign_consent", false)),
                links());
        assertEquals(List.of(
                        row("sourced_id", P + "enr-1", "class", P + "cls-a", "student", P + "stu-1", "begin_date", Date.valueOf("2026-08-26"), "end_date", null),
                        row("sourced_id", P + "enr-2", "class", P + "cls-a", "student", P + "stu-2", "begin_date", Date.valueOf("2026-08-26"),
                                "end_date", Date.valueOf("2027-01-22")),
                        row("sourced_id", P + "enr-3", "class", P + "cls-b", "student", P + "stu-3", "begin_date", null, "end_date", null)),
                enrollments());
    }

    @Test
    @Order(2)
    void reimportingTheSameBundleChangesNothing() {
        Map<String, Object> before = db.rosterCounts();

        JsonPath job = ImportCalls.importAndWait(Bundles.zip(HandBundle.files(DISTRICT, P)));

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(0, job.getLong("totals.created"));
        assertEquals(0, job.getLong("totals.updated"));
        assertEquals(0, job.getLong("totals.deleted"));
        assertEquals(22, job.getLong("totals.unchanged"), "20 created and 2 birth dates set the first time");
        assertEquals(before, db.rosterCounts());
    }

    @Test
    @Order(3)
    void aDryRunCountsTheChangesAndWritesNothing() {
        Map<String, String> files = HandBundle.files(DISTRICT, P);
        files.put("orgs.csv", files.get("orgs.csv").replace("Birch School", "Birch Lane School"));
        Map<String, Object> before = db.rosterCounts();
        double dryRuns = finished("succeeded", true);

        JsonPath job = ImportCalls.importAndWait(Bundles.zip(files), true);

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(true, job.getBoolean("dryRun"));
        // Counted right after the job's commit, on the import's own thread.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (finished("succeeded", true) == dryRuns && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(dryRuns + 1, finished("succeeded", true));
        assertEquals(counts(0, 1, 1, 0), kind(job, "schools"));
        assertEquals(before, db.rosterCounts());
        assertEquals("Birch School", db.value("SELECT name FROM school WHERE sourced_id = ?", P + "sch-b"));
    }

    @Test
    @Order(4)
    void aDeltaBundleUpdatesAndRemoves() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", Bundles.manifest(Map.of("users", "delta", "enrollments", "delta")));
        files.put("users.csv", Bundles.USERS_HEADER + "\n"
                + Bundles.user("sourcedId", P + "stu-2", "status", "active", "dateLastModified", "2026-09-01T10:00:00Z",
                "enabledUser", "true", "givenName", "Ben", "familyName", "Brown-Lee", "identifier", "S1002", "grades", "03")
                + Bundles.user("sourcedId", P + "gdn-2", "status", "tobedeleted", "dateLastModified", "2026-09-01T10:00:00Z"));
        files.put("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n"
                + P + "enr-3,tobedeleted,2026-09-01T10:00:00Z,,,,,,,\n"
                + P + "enr-5,active,2026-09-01T10:00:00Z," + P + "cls-a," + P + "sch-a," + P + "stu-3,student,,2026-09-01,\n");

        JsonPath job = ImportCalls.importAndWait(Bundles.zip(files));

        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(counts(0, 1, 0, 0), kind(job, "students"));
        assertEquals(counts(0, 0, 0, 1), kind(job, "familyContacts"));
        assertEquals(counts(0, 0, 0, 2), kind(job, "familyLinks"));
        assertEquals(counts(1, 0, 0, 1), kind(job, "enrollments"));
        assertEquals("Brown-Lee", db.value("SELECT family_name FROM student WHERE sourced_id = ?", P + "stu-2"));
        assertEquals(true, db.value("SELECT directory_opt_out FROM student WHERE sourced_id = ?", P + "stu-2"),
                "a delta row without the local metadata column keeps the value");
        assertEquals(false, db.value("SELECT active FROM family_contact WHERE sourced_id = ?", P + "gdn-2"));
        assertEquals(List.of(row("student", P + "stu-1", "contact", P + "gdn-1", "relationship", "parent", "may_sign_consent", true)), links());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<Map<String, Object>> enrollments = enrollments();
        assertEquals(4, enrollments.size());
        assertEquals(Date.valueOf(yesterday), enrollments.get(2).get("end_date"), "a removed enrollment ends yesterday");
        assertEquals(row("sourced_id", P + "enr-5", "class", P + "cls-a", "student", P + "stu-3", "begin_date", Date.valueOf("2026-09-01"),
                "end_date", null), enrollments.get(3));

        JsonPath again = ImportCalls.importAndWait(Bundles.zip(files));
        assertEquals(0, again.getLong("totals.created") + again.getLong("totals.updated") + again.getLong("totals.deleted"), again.prettify());
    }

    private List<Map<String, Object>> links() {
        return db.rows("SELECT st.sourced_id AS student, fc.sourced_id AS contact, l.relationship, l.may_sign_consent FROM student_contact l "
                + "JOIN student st ON st.id = l.student_id JOIN family_contact fc ON fc.id = l.contact_id WHERE st.sourced_id LIKE ? ORDER BY 1, 2", P + "%");
    }

    private List<Map<String, Object>> enrollments() {
        return db.rows("SELECT e.sourced_id, c.sourced_id AS class, s.sourced_id AS student, e.begin_date, e.end_date FROM enrollment e "
                + "JOIN class_section c ON c.id = e.class_id JOIN student s ON s.id = e.student_id WHERE e.sourced_id LIKE ? ORDER BY 1", P + "%");
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    static Map<String, Object> counts(long created, long updated, long unchanged, long deleted) {
        return row("created", (int) created, "updated", (int) updated, "unchanged", (int) unchanged, "deleted", (int) deleted);
    }

    static Map<String, Object> kind(JsonPath job, String kind) {
        List<Map<String, Object>> kinds = job.getList("byKind");
        return kinds.stream().filter(k -> kind.equals(k.get("kind"))).findFirst()
                .map(k -> new LinkedHashMap<>((Map<String, Object>) k.get("counts"))).map(m -> (Map<String, Object>) m)
                .orElseThrow(() -> new AssertionError("no counts for " + kind + " in " + job.prettify()));
    }
}
