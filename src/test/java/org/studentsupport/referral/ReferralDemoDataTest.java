package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo seed on a district of its own: every status, overdue ones, a revoked consent, an emergency; idempotent. */
@QuarkusTest
class ReferralDemoDataTest {

    static final String DISTRICT = "dst-ref-demo";

    @Inject
    ReferralFixtures fixtures;

    @Inject
    ReferralDemoData demo;

    @Test
    void theDemoSeedCoversEveryStatusOnceAndOnlyOnce() {
        UUID mentoring = fixtures.organization("Demo mentoring");
        UUID counseling = fixtures.organization("Demo counseling");
        fixtures.service(mentoring, "Mentoring");
        fixtures.service(counseling, "Counseling");
        assertEquals(0, demo.seed(DISTRICT, mentoring, counseling), "skips without students");
        UUID school = fixtures.school(DISTRICT, "sch-ref-demo");
        for (int i = 0; i < 8; i++) {
            UUID student = fixtures.student(school, "Demo" + i, "Student", LocalDate.now().minusYears(8 + i));
            fixtures.contact(student, "Parent" + i, "Student", "parent", true);
        }
        assertEquals(14, demo.seed(DISTRICT, mentoring, counseling));
        assertEquals(0, demo.seed(DISTRICT, mentoring, counseling), "idempotent");
        List<String> statuses = statuses();
        for (ReferralStatus status : ReferralStatus.values()) {
            assertTrue(statuses.contains(status.code()), status.code());
        }
        assertTrue(count("select count(r) from Referral r where r.followUpDue < current_date and r.student.school.district.sourcedId = '"
                + DISTRICT + "'") >= 3);
        assertEquals(1, count("select count(d) from Disclosure d where d.basis = 'health-or-safety-emergency' and d.studentId in "
                + "(select s.id from Student s where s.school.district.sourcedId = '" + DISTRICT + "')"));
        assertEquals(1, count("select count(c) from Consent c where c.revokedOn is not null and c.student.school.district.sourcedId = '"
                + DISTRICT + "'"));
    }

    @Transactional
    List<String> statuses() {
        return Panache.getEntityManager().createQuery("select distinct r.status from Referral r where r.student.school.district.sourcedId = :d",
                ReferralStatus.class).setParameter("d", DISTRICT).getResultList().stream().map(ReferralStatus::code).toList();
    }

    @Transactional
    long count(String query) {
        return Panache.getEntityManager().createQuery(query, Long.class).getSingleResult();
    }
}
