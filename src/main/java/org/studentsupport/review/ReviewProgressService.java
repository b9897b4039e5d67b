package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Per school and period: which classes are not started, draft or final, and the share of students reviewed. */
@ApplicationScoped
public class ReviewProgressService {

    public static final String NOT_STARTED = "not-started";

    /** The school's classes of the period's school year (classes of its terms included), with their review. */
    private static final String CLASSES = """
            FROM class_section c
            JOIN academic_session s ON s.id = c.session_id
            LEFT JOIN class_review r ON r.class_id = c.id AND r.period_id = :period
            WHERE c.school_id = :school AND (s.id = :year OR s.parent_id = :year)
            """;

    private static final String ENROLLED = """
            SELECT DISTINCT e.student_id FROM enrollment e
            JOIN class_section c ON c.id = e.class_id
            JOIN academic_session s ON s.id = c.session_id
            WHERE c.school_id = :school AND (s.id = :year OR s.parent_id = :year)
              AND (e.begin_date IS NULL OR e.begin_date <= :day) AND (e.end_date IS NULL OR e.end_date >= :day)
            """;

    private final EntityManager em;
    private final ReviewPeriodService periods;
    private final SchoolScope schools;

    public ReviewProgressService(EntityManager em, ReviewPeriodService periods, SchoolScope schools) {
        this.em = em;
        this.periods = periods;
        this.schools = schools;
    }

    @Transactional
    public ReviewProgressView progress(UUID periodId, UUID schoolId, LocalDate today) {
        schools.require(schoolId, "School " + schoolId);
        ReviewPeriod period = periods.get(periodId);
        int notStarted = 0;
        int draft = 0;
        int done = 0;
        for (Object row : bind(em.createNativeQuery("SELECT coalesce(r.status, '" + NOT_STARTED + "') " + CLASSES), period, schoolId)
                .getResultList()) {
            switch ((String) row) {
                case ClassReview.DRAFT -> draft++;
                case ClassReview.FINAL -> done++;
                default -> notStarted++;
            }
        }
        LocalDate day = period.referenceDate(today);
        int enrolled = count(em.createNativeQuery("SELECT count(*) FROM (" + ENROLLED + ") x")
                .setParameter("school", schoolId).setParameter("year", period.schoolYear.id).setParameter("day", day));
        int reviewed = count(bind(em.createNativeQuery("""
                        SELECT count(DISTINCT x.student_id) FROM class_review_entry x
                        JOIN class_review r ON r.id = x.review_id
                        WHERE r.school_id = :school AND r.period_id = :period AND r.status = 'final'
                          AND x.current AND x.tier IS NOT NULL AND x.student_id IN (""" + ENROLLED + ")"), period, schoolId)
                .setParameter("day", day));
        double share = enrolled == 0 ? 0 : BigDecimal.valueOf(reviewed).divide(BigDecimal.valueOf(enrolled), 3, RoundingMode.HALF_UP).doubleValue();
        return new ReviewProgressView(schoolId, periodId, day, notStarted + draft + done, notStarted, draft, done,
                enrolled, reviewed, share);
    }

    @Transactional
    public Page<ClassProgressView> classes(UUID periodId, UUID schoolId, String status, PageRequest page) {
        schools.require(schoolId, "School " + schoolId);
        ReviewPeriod period = periods.get(periodId);
        String filter = status == null ? "" : " AND coalesce(r.status, '" + NOT_STARTED + "') = :status";
        Query list = bind(em.createNativeQuery("SELECT c.id, c.title, coalesce(r.status, '" + NOT_STARTED + "'), r.id, r.updated_at "
                + CLASSES + filter + " ORDER BY c.title, c.id"), period, schoolId);
        Query total = bind(em.createNativeQuery("SELECT count(*) " + CLASSES + filter), period, schoolId);
        if (status != null) {
            list.setParameter("status", status);
            total.setParameter("status", status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<ClassProgressView> items = rows.stream().map(r -> new ClassProgressView((UUID) r[0], (String) r[1], (String) r[2],
                (UUID) r[3], instant(r[4]))).toList();
        return Page.of(items, page, count(total));
    }

    private static Query bind(Query query, ReviewPeriod period, UUID schoolId) {
        return query.setParameter("period", period.id).setParameter("school", schoolId).setParameter("year", period.schoolYear.id);
    }

    private static int count(Query query) {
        return ((Number) query.getSingleResult()).intValue();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
