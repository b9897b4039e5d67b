package org.studentsupport.review;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo seeding, run against a district of its own: periods, final and draft reviews, idempotent. */
@QuarkusTest
class ReviewDemoDataTest {

    static final String DISTRICT = "dst-rev-demo";

    @Inject
    ReviewFixtures fixtures;

    @Inject
    ReviewDemoData demo;

    @Inject
    EntityManager em;

    @Test
    void aDistrictWithoutClassesIsSkipped() {
        fixtures.school("dst-rev-demo-empty", "sch-rev-demo-empty");
        demo.seed("dst-rev-demo-empty");
        assertEquals(0, count("select count(p) from ReviewPeriod p where p.district.sourcedId = 'dst-rev-demo-empty'"));
    }

    @Test
    void theDemoDistrictGetsPeriodsMostlyFinalReviewsAFewDraftsAndIsSeededOnce() {
        UUID school = fixtures.school(DISTRICT, "sch-rev-demo");
        UUID year = fixtures.schoolYear(DISTRICT, "yr-rev-demo-2027");
        UUID term = fixtures.term(year, "term-rev-demo-fall");
        UUID math = fixtures.classSection(school, term, "Math 5", fixtures.teacher("Teacher math"));
        for (int c = 0; c < 7; c++) {
            UUID classId = fixtures.homeroom(school, term, "Homeroom " + c, fixtures.teacher("Teacher" + c));
            for (UUID student : fixtures.enrolledStudents(classId, school, "05", 12)) {
                fixtures.enroll(math, student, null, null);
            }
        }
        demo.seed(DISTRICT);
        demo.seed(DISTRICT);
        assertEquals(List.of("2026-27 fall", "2026-27 spring"), names());
        assertEquals(5, count("select count(r) from ClassReview r, ClassSection c where r.classId = c.id and c.school.sourcedId = 'sch-rev-demo' and r.status = 'final'"));
        assertEquals(1, count("select count(r) from ClassReview r, ClassSection c where r.classId = c.id and c.school.sourcedId = 'sch-rev-demo' and r.status = 'draft'"));
        assertEquals(60, count("select count(e) from ClassReviewEntry e, ClassReview r, ClassSection c where e.reviewId = r.id and r.classId = c.id and c.school.sourcedId = 'sch-rev-demo' and r.status = 'final' and e.tier is not null"));
        // only homerooms are reviewed, each student once in the period, strengths only from the strengths vocabulary
        assertEquals(0, count("select count(r) from ClassReview r, ClassSection c where r.classId = c.id and c.school.sourcedId = 'sch-rev-demo' and c.classType is null"));
        assertEquals(0, count("select count(e) from ClassReviewEntry e, ClassReview r, ClassSection c where e.reviewId = r.id and r.classId = c.id "
                + "and c.school.sourcedId = 'sch-rev-demo' and exists (select 1 from ClassReviewEntry o where o.studentId = e.studentId and o.id <> e.id)"));
        assertEquals(0, count("select count(d) from ClassReviewDomain d, ClassReviewEntry e, ClassReview r, ClassSection c where d.entryId = e.id "
                + "and e.reviewId = r.id and r.classId = c.id and c.school.sourcedId = 'sch-rev-demo' and exists (select 1 from VocabularyCode v "
                + "where v.code = d.strengths and v.kind <> 'strength')"));
        long plans = count("select count(i) from IndividualReview i, Student s where i.studentId = s.id and s.school.sourcedId = 'sch-rev-demo'");
        assertTrue(plans > 0 && plans <= 6, "plans: " + plans);
    }

    @Transactional
    List<String> names() {
        return em.createQuery("select p.name from ReviewPeriod p where p.district.sourcedId = :d order by p.startDate", String.class)
                .setParameter("d", DISTRICT).getResultList();
    }

    @Transactional
    long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
