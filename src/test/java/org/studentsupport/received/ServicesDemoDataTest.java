package org.studentsupport.received;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studentsupport.review.ReviewDomain;
import org.studentsupport.review.ReviewFixtures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo's school-based supports, seeded on a district of the test's own: who gets what, and only once. */
@QuarkusTest
class ServicesDemoDataTest {

    static final String DISTRICT = "dst-services-demo";

    @Inject
    ServicesDemoData demo;

    @Inject
    ReviewFixtures fixtures;

    @Inject
    AgroalDataSource db;

    @Test
    void studentsInTier2And3WithNeedsGetSchoolBasedSupportsAndEverySecondKeepsAGap() throws SQLException {
        assertEquals(0, demo.seed(DISTRICT), "skips without finalized reviews");
        UUID school = fixtures.school(DISTRICT, "sch-services-demo");
        UUID year = fixtures.schoolYear(DISTRICT, ReviewFixtures.unique("yr-services-demo"));
        UUID classId = fixtures.classSection(school, year, "Demo homeroom");
        List<UUID> students = new ArrayList<>(fixtures.enrolledStudents(classId, school, "03", 4));
        UUID fall = fixtures.fall(year);
        // tiers 1, 2, 3, 2: the tier-1 student gets nothing; needs in the academic domain
        fixtures.finalReview(classId, fall, students, List.of("1", "2", "3", "2"), ReviewDomain.ACADEMIC,
                List.of(List.of(), List.of("reading"), List.of("math"), List.of("reading")), null);
        int added = demo.seed(DISTRICT);
        // three students with needs, one support each for their one domain, and an enrichment club for the first
        assertEquals(4, added);
        assertEquals(0, demo.seed(DISTRICT), "idempotent");
        assertEquals(0, count("SELECT count(*) FROM service_received WHERE student_id = '" + students.get(0) + "'"));
        for (int i = 1; i < 4; i++) {
            assertEquals(i == 2 ? "math" : "reading", one("SELECT need_codes FROM service_received WHERE kind = 'school'"
                    + " AND category = 'early-intervention' AND student_id = '" + students.get(i) + "'"));
        }
        // the enrichment club goes to the first of them (by roster id)
        assertEquals(1, count("SELECT count(*) FROM service_received WHERE category = 'prevention-enrichment' AND need_codes = ''"
                + " AND student_id IN ('" + students.get(1) + "', '" + students.get(2) + "', '" + students.get(3) + "')"));
        assertEquals("reading", one("SELECT need_codes FROM individual_review WHERE student_id = '" + students.get(3) + "'"));
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(one(sql));
    }

    private String one(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
