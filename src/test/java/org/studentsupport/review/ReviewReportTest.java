package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports over hand-made finalized reviews, with exact expected cells (minimum cell size 10).
 * School A, grade 03, fall → spring: 12 students 1→1, 10 students 2→1, 11 students 2→2, 3 students 3→2,
 * and one student reviewed only in the fall (tier 3). School B: 5 students of grade 05, tier 1 in the fall.
 */
@QuarkusTest
@TestSecurity(user = "coord-report", roles = "coordinator", attributes = {
        @SecurityAttribute(key = "district_id", value = ReviewReportTest.DISTRICT),
        @SecurityAttribute(key = "school_ids", value = ReviewReportTest.SCHOOL_A)})
class ReviewReportTest {

    static final String DISTRICT = "dst-rev-report";
    static final String SCHOOL_A = "sch-rev-report-a";
    static final String SCHOOL_B = "sch-rev-report-b";

    @Inject
    ReviewFixtures fixtures;

    static UUID schoolA;
    static UUID schoolB;
    static UUID yearId;
    static UUID fall;
    static UUID spring;

    @BeforeEach
    synchronized void handMadeReviews() {
        if (yearId != null) {
            return;
        }
        schoolA = fixtures.school(DISTRICT, SCHOOL_A);
        schoolB = fixtures.school(DISTRICT, SCHOOL_B);
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-report-2027");
        fall = fixtures.fall(year);
        spring = fixtures.spring(year);

        List<UUID> a = new ArrayList<>();
        List<String> fallTiers = new ArrayList<>();
        List<String> springTiers = new ArrayList<>();
        add(a, fallTiers, springTiers, 12, "1", "1");
        add(a, fallTiers, springTiers, 10, "2", "1");
        add(a, fallTiers, springTiers, 11, "2", "2");
        add(a, fallTiers, springTiers, 3, "3", "2");
        UUID fallClass = fixtures.classSection(schoolA, year, "A fall");
        UUID springClass = fixtures.classSection(schoolA, year, "A spring");
        for (int i = 0; i < a.size(); i++) {
            a.set(i, fixtures.student(schoolA, "03"));
        }
        List<UUID> springStudents = new ArrayList<>(a);
        UUID fallOnly = fixtures.student(schoolA, "03");
        List<UUID> fallStudents = new ArrayList<>(a);
        fallStudents.add(fallOnly);
        List<String> fallTiersAll = new ArrayList<>(fallTiers);
        fallTiersAll.add("3");
        // needs: reading for 15 students, math for 4; strengths: math for 10
        List<List<String>> needs = new ArrayList<>();
        List<List<String>> strengths = new ArrayList<>();
        for (int i = 0; i < fallStudents.size(); i++) {
            needs.add(i < 15 ? (i < 4 ? List.of("reading", "math") : List.of("reading")) : List.of());
            strengths.add(i >= 20 && i < 30 ? List.of("math") : List.of());
        }
        fixtures.finalReview(fallClass, fall, fallStudents, fallTiersAll, ReviewDomain.ACADEMIC, needs, strengths);
        fixtures.finalReview(springClass, spring, springStudents, springTiers, null, null, null);

        UUID classB = fixtures.classSection(schoolB, year, "B fall");
        List<UUID> b = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            b.add(fixtures.student(schoolB, "05"));
        }
        fixtures.finalReview(classB, fall, b, Collections.nCopies(5, "1"), ReviewDomain.ACADEMIC,
                Collections.nCopies(5, List.of("reading")), null);
        yearId = year;
    }

    private static void add(List<UUID> students, List<String> fallTiers, List<String> springTiers, int n, String from, String to) {
        for (int i = 0; i < n; i++) {
            students.add(null);
            fallTiers.add(from);
            springTiers.add(to);
        }
    }

    private static Map<String, Object> cells(JsonPath json) {
        Map<String, Object> cells = new HashMap<>();
        List<Map<String, Object>> list = json.getList("cells");
        list.forEach(c -> cells.put(c.get("fromTier") + "->" + c.get("toTier"), ((Map<?, ?>) c.get("students")).get("count")));
        return cells;
    }

    @Test
    void tierMovementMatrixHasExactCellsAndSuppressesSmallOnes() {
        JsonPath json = given().queryParam("schoolYearId", yearId.toString()).get("/api/v1/review-reports/tier-movement")
                .then().statusCode(200)
                .body("fallPeriodId", equalTo(fall.toString()))
                .body("springPeriodId", equalTo(spring.toString()))
                .body("minCellCount", equalTo(10))
                .body("studentsCompared.count", equalTo(36))
                .body("cells", hasSize(9))
                .body("cells[0].fromTier", equalTo("1")).body("cells[0].toTier", equalTo("1"))
                .body("cells[8].fromTier", equalTo("3")).body("cells[8].toTier", equalTo("3"))
                .extract().jsonPath();
        Map<String, Object> cells = cells(json);
        assertEquals(12, cells.get("1->1"));
        assertEquals(10, cells.get("2->1"));
        assertEquals(11, cells.get("2->2"));
        for (String suppressed : List.of("1->2", "1->3", "2->3", "3->1", "3->2", "3->3")) {
            assertNull(cells.get(suppressed), suppressed);
        }
        List<Map<String, Object>> list = json.getList("cells");
        Map<?, ?> threeToTwo = (Map<?, ?>) list.get(7).get("students");
        assertEquals(Boolean.TRUE, threeToTwo.get("suppressed"));
        assertTrue(json.getString("cells[0].students.suppressed").equals("false"));
    }

    @Test
    void tierDistributionIsBySchoolAndGradeWithinTheCoordinatorsSchools() {
        given().queryParam("periodId", fall.toString()).get("/api/v1/review-reports/tier-distribution")
                .then().statusCode(200)
                .body("rows", hasSize(3))
                .body("rows.schoolId", equalTo(List.of(schoolA.toString(), schoolA.toString(), schoolA.toString())))
                .body("rows.grade", equalTo(List.of("03", "03", "03")))
                .body("rows.tier", equalTo(List.of("1", "2", "3")))
                .body("rows.students.count", equalTo(java.util.Arrays.asList(12, 21, null)))
                .body("rows.students.suppressed", equalTo(List.of(false, false, true)));
    }

    @Test
    @TestSecurity(user = "super-report", roles = "supervisor", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aSupervisorSeesEverySchoolOfTheDistrictWithSmallSchoolsSuppressed() {
        given().queryParam("periodId", fall.toString()).get("/api/v1/review-reports/tier-distribution")
                .then().statusCode(200)
                .body("rows", hasSize(6))
                .body("rows.findAll { it.schoolId == '" + schoolB + "' }.students.count", equalTo(java.util.Arrays.asList(null, null, null)))
                .body("rows.findAll { it.schoolId == '" + schoolB + "' }.students.suppressed", equalTo(List.of(true, true, true)));
        // school B adds 5 students 1→(none): the matrix over the district is unchanged
        given().queryParam("schoolYearId", yearId.toString()).get("/api/v1/review-reports/tier-movement")
                .then().statusCode(200).body("studentsCompared.count", equalTo(36)).body("cells[0].students.count", equalTo(12));
    }

    @Test
    void frequentNeedsAndStrengthsAreCountedPerStudentAndSuppressedWhenSmall() {
        given().queryParam("periodId", fall.toString()).get("/api/v1/review-reports/frequent-codes")
                .then().statusCode(200)
                .body("needs", hasSize(2))
                .body("needs[0].domain", equalTo("academic"))
                .body("needs[0].code", equalTo("reading"))
                .body("needs[0].label", equalTo("Reading and literacy"))
                .body("needs[0].students.count", equalTo(15))
                .body("needs[1].code", equalTo("math"))
                .body("needs[1].students.count", equalTo(null))
                .body("needs[1].students.suppressed", equalTo(true))
                .body("strengths", hasSize(1))
                .body("strengths[0].code", equalTo("math"))
                .body("strengths[0].students.count", equalTo(10));
    }

    @Test
    void aSchoolOutsideTheCoordinatorsScopeIsNotFound() {
        given().queryParam("periodId", fall.toString()).queryParam("schoolId", schoolB.toString())
                .get("/api/v1/review-reports/tier-distribution").then().statusCode(404);
        given().queryParam("schoolYearId", yearId.toString()).queryParam("schoolId", schoolB.toString())
                .get("/api/v1/review-reports/tier-movement").then().statusCode(404);
    }

    @Test
    void aYearWithoutASpringPeriodCannotShowMovement() {
        UUID other = fixtures.schoolYear(DISTRICT, "yr-rev-report-other");
        fixtures.period(other, "other fall", ReviewPeriod.FALL, java.time.LocalDate.of(2026, 9, 1), java.time.LocalDate.of(2026, 10, 1));
        given().queryParam("schoolYearId", other.toString()).get("/api/v1/review-reports/tier-movement")
                .then().statusCode(422).body("errors[0].parameter", equalTo("schoolYearId"));
    }

    @Test
    void smallCellRuleSuppressesEveryCountBelowTheMinimum() {
        assertEquals(new ReportCell(null, true), ReportCell.of(0, 10));
        assertEquals(new ReportCell(null, true), ReportCell.of(9, 10));
        assertEquals(new ReportCell(10L, false), ReportCell.of(10, 10));
        assertEquals(new ReportCell(3L, false), ReportCell.of(3, 3));
    }
}
