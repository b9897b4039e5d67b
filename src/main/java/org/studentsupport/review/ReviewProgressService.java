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

/**
 * Per school and period, from the period's review roster ({@link ReviewRosterService}): the classes
 * to review (every reviewing class of the roster, and every class of the school holding a review of
 * the period) not started, draft or final, and the share of the roster's students reviewed. Classes
 * of other terms that nobody is reviewed in are not counted.
 */
@ApplicationScoped
public class ReviewProgressService {

    public static final String NOT_STARTED = "not-started";

    /** The classes to review, with their review of the period and how many roster students they are the reviewing class of. */
    private static final String CLASSES = ReviewRosterService.ROSTER + """
            , to_review AS (
                SELECT class_id FROM roster WHERE class_id IS NOT NULL
                UNION SELECT class_id FROM class_review WHERE school_id = :school AND period_id = :period
            )
            SELECT c.id, c.title, coalesce(r.status, 'not-started') AS status, r.id AS review_id, r.updated_at,
                   (SELECT count(*) FROM roster x WHERE x.class_id = c.id) AS students
            FROM to_review t JOIN class_section c ON c.id = t.class_id
            LEFT JOIN class_review r ON r.class_id = c.id AND r.period_id = :period
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
        for (Object row : ReviewRosterService.bind(em.createNativeQuery("SELECT y.status FROM (" + CLASSES + ") y"), period, schoolId, today)
                .getResultList()) {
            switch ((String) row) {
                case ClassReview.DRAFT -> draft++;
                case ClassReview.FINAL -> done++;
                default -> notStarted++;
            }
        }
        Object[] students = (Object[]) ReviewRosterService.bind(em.createNativeQuery(ReviewRosterService.ROSTER + """
                        SELECT count(*), count(*) FILTER (WHERE status = 'final' AND tier IS NOT NULL),
                               count(*) FILTER (WHERE status = 'unassigned')
                        FROM roster"""), period, schoolId, today).getSingleResult();
        int onRoster = ((Number) students[0]).intValue();
        int reviewed = ((Number) students[1]).intValue();
        int unassigned = ((Number) students[2]).intValue();
        double share = onRoster == 0 ? 0 : BigDecimal.valueOf(reviewed).divide(BigDecimal.valueOf(onRoster), 3, RoundingMode.HALF_UP).doubleValue();
        return new ReviewProgressView(schoolId, periodId, period.referenceDate(today), notStarted + draft + done, notStarted, draft, done,
                onRoster, reviewed, unassigned, share);
    }

    @Transactional
    public Page<ClassProgressView> classes(UUID periodId, UUID schoolId, String status, LocalDate today, PageRequest page) {
        schools.require(schoolId, "School " + schoolId);
        ReviewPeriod period = periods.get(periodId);
        String filter = status == null ? "" : " WHERE y.status = :status";
        Query list = ReviewRosterService.bind(em.createNativeQuery("SELECT y.id, y.title, y.status, y.review_id, y.updated_at, y.students FROM ("
                + CLASSES + ") y" + filter + " ORDER BY y.title, y.id"), period, schoolId, today);
        Query total = ReviewRosterService.bind(em.createNativeQuery("SELECT count(*) FROM (" + CLASSES + ") y" + filter), period, schoolId, today);
        if (status != null) {
            list.setParameter("status", status);
            total.setParameter("status", status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<ClassProgressView> items = rows.stream().map(r -> new ClassProgressView((UUID) r[0], (String) r[1], (String) r[2],
                (UUID) r[3], instant(r[4]), ((Number) r[5]).intValue())).toList();
        return Page.of(items, page, count(total));
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
