package org.studentsupport.roster;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input is refused with a clear report, and nothing at all is written. */
@QuarkusTest
@TestSecurity(user = "admin-bad", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = RosterImportRejectionTest.DISTRICT))
class RosterImportRejectionTest {

    static final String DISTRICT = "dst-imp-bad";
    static final String P = "bad-";

    @Inject
    Db db;

    @Test
    void theUnchangedBaseBundleWouldImport() {
        JsonPath job = ImportCalls.importAndWait(Bundles.zip(HandBundle.files(DISTRICT, P)), true);
        assertEquals("succeeded", job.getString("status"), job.prettify());
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        files.put("users.csv", ((String) files.get("users.csv")).replace("Chen", "Ch\u00e9n").getBytes(StandardCharsets.ISO_8859_1));
        assertRejected(files, "users.csv", null, "not valid UTF-8");
    }

    @Test
    void aByteOrderMarkIsFine() {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        files.put("orgs.csv", "\uFEFF" + files.get("orgs.csv"));
        JsonPath job = ImportCalls.importAndWait(Bundles.zip(files), true);
        assertEquals("succeeded", job.getString("status"), job.prettify());
    }

    @Test
    void aMissingRequiredColumnIsRejected() {
        assertRejected(edit("classes.csv", csv -> csv.replace(",termSourcedIds,", ",terms,")), "classes.csv", "termSourcedIds",
                "Required column 'termSourcedIds' is missing");
    }

    @Test
    void anUnknownSourcedIdReferenceIsRejected() {
        assertRejected(edit("enrollments.csv", csv -> csv.replace(P + "enr-3,,," + P + "cls-b", P + "enr-3,,," + P + "cls-nope")),
                "enrollments.csv", "classSourcedId", "unknown class '" + P + "cls-nope'");
    }

    @Test
    void aDuplicateKeyIsRejected() {
        assertRejected(edit("enrollments.csv", csv -> csv.replace(P + "enr-2,", P + "enr-1,")), "enrollments.csv", "sourcedId",
                "Duplicate sourcedId '" + P + "enr-1' (first on line 2)");
    }

    @Test
    void aClassTypeThatIsNotOneRostersIsRejected() {
        assertRejected(edit("classes.csv", csv -> csv.replace(",3B,scheduled,", ",3B,lecture,")), "classes.csv", "classType",
                "classType 'lecture' is not one of homeroom, scheduled (or an ext: value)");
    }

    @Test
    void anImpossibleDateIsRejected() {
        assertRejected(edit("demographics.csv", csv -> csv.replace("2017-11-30", "2017-02-30")), "demographics.csv", "birthDate",
                "'2017-02-30' is not a real date");
    }

    @Test
    void anEndBeforeItsStartIsRejected() {
        assertRejected(edit("academicSessions.csv", csv -> csv.replace("2026-08-26,2027-01-22", "2026-08-26,2025-01-22")),
                "academicSessions.csv", "endDate", "endDate 2025-01-22 is before startDate 2026-08-26");
    }

    @Test
    void aFormulaInANameIsRejected() {
        assertRejected(edit("users.csv", csv -> csv.replace(",Cara,", ",=cmd|' /C calc'!A0,")), "users.csv", "givenName",
                "starts like a spreadsheet formula");
    }

    @Test
    void aZipBombIsRejected() {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        files.put("padding.csv", new byte[20 * 1024 * 1024]);
        assertRejected(files, null, null, "looks like a zip bomb");
    }

    @Test
    void somethingThatIsNotAZipIsRejected() {
        Map<String, Object> before = db.rosterCounts();
        JsonPath job = ImportCalls.importAndWait("sourcedId,status\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("rejected", job.getString("status"));
        assertEquals("The upload is not a readable zip archive", job.getString("problems[0].message"));
        assertEquals(before, db.rosterCounts());
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedAtOnce() {
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        new Random(7).nextBytes(large);
        Map<String, Object> before = db.rosterCounts();
        long jobs = (long) db.value("SELECT count(*) FROM roster_import");
        given().contentType("application/zip").body(large).post("/api/v1/roster-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:student-support:problem:payload-too-large"))
                .body("detail", containsString("larger than 5242880 bytes"));
        assertEquals(before, db.rosterCounts());
        assertEquals(jobs, db.value("SELECT count(*) FROM roster_import"), "no job is recorded for a refused upload");
    }

    @Test
    void everyProblemOfABundleIsReportedAtOnce() {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        files.put("users.csv", ((String) files.get("users.csv")).replace(",Cara,", ",@SUM(A1),").replace(",Ben,", ",,"));
        files.put("demographics.csv", ((String) files.get("demographics.csv")).replace("2018-03-04", "2018-13-01"));
        JsonPath job = ImportCalls.importAndWait(Bundles.zip(files));
        assertEquals("rejected", job.getString("status"));
        assertEquals(3, job.getInt("problemCount"), job.prettify());
        List<String> where = job.getList("problems.collect { it.file + ':' + it.line + ':' + it.column }");
        assertEquals(List.of("users.csv:3:givenName", "users.csv:4:givenName", "demographics.csv:2:birthDate"), where);
        given().queryParam("size", 2).get("/api/v1/roster-imports/" + job.getString("id") + "/problems")
                .then().statusCode(200).body("totalItems", equalTo(3)).body("items[1].line", equalTo(4));
    }

    private Map<String, Object> edit(String file, UnaryOperator<String> change) {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        String before = (String) files.get(file);
        String after = change.apply(before);
        assertTrue(!before.equals(after), "the edit must change " + file);
        files.put(file, after);
        return files;
    }

    private void assertRejected(Map<String, ?> files, String file, String column, String message) {
        Map<String, Object> before = db.rosterCounts();

        JsonPath job = ImportCalls.importAndWait(Bundles.zip(files));

        assertEquals("rejected", job.getString("status"), job.prettify());
        assertTrue(job.getInt("problemCount") >= 1);
        assertEquals(file, job.getString("problems[0].file"), job.prettify());
        assertEquals(column, job.getString("problems[0].column"), job.prettify());
        assertTrue(job.getString("problems[0].message").contains(message), job.prettify());
        assertTrue(job.getString("message").contains("nothing was written"));
        assertEquals(before, db.rosterCounts(), "a rejected import writes nothing");
        assertEquals(null, db.value("SELECT id FROM district WHERE sourced_id = ?", DISTRICT));
    }
}
