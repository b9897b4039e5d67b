package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.roster.ClassSection;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;
import org.studentsupport.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The review roster of a period at a school: every student enrolled (on the period's reference
 * date) in a class of the period's own term, with the student's reviewing class — the class the
 * school designated for the period, else the student's homeroom of the term (the first by title
 * when there are several), else none ("unassigned") — and where the student's one entry of the
 * period stands. A student may still be reviewed in another class they are enrolled in; the roster
 * then shows that class as {@code reviewedInClassId}.
 */
@ApplicationScoped
public class ReviewRosterService {

    public static final String UNASSIGNED = "unassigned";
    public static final String NOT_REVIEWED = "not-reviewed";
    public static final String HOMEROOM = "homeroom";
    public static final String DESIGNATED = "designated";

    /** The classes of the period's own term at the school: its session is the year or a term of it, and holds the period's middle day. */
    static final String TERM_CLASSES = """
            SELECT c.id, c.title, c.class_type FROM class_section c
            JOIN academic_session s ON s.id = c.session_id
            WHERE c.school_id = :school AND c.active AND (s.id = :year OR s.parent_id = :year)
              AND s.start_date <= :middle AND s.end_date >= :middle
            """;

    /** One row per student of the roster (columns named as {@link #columns}); bind with {@link #bind}. */
    static final String ROSTER = "WITH term_class AS (" + TERM_CLASSES + """
            ), enrolled AS (
                SELECT e.student_id, e.class_id FROM enrollment e
                JOIN term_class c ON c.id = e.class_id
                JOIN student st ON st.id = e.student_id AND st.active
                WHERE (e.begin_date IS NULL OR e.begin_date <= :day) AND (e.end_date IS NULL OR e.end_date >= :day)
            ), homeroom AS (
                SELECT DISTINCT ON (e.student_id) e.student_id, c.id AS class_id FROM enrolled e
                JOIN term_class c ON c.id = e.class_id
                WHERE c.class_type = 'homeroom' ORDER BY e.student_id, c.title, c.id
            ), reviewed AS (
                SELECT x.student_id, r.id AS review_id, r.class_id, r.status, x.tier, x.carried_forward FROM class_review_entry x
                JOIN class_review r ON r.id = x.review_id
                WHERE x.period_id = :period AND x.current AND NOT x.second_in_period
            ), roster AS (
                SELECT st.id AS student_id, st.given_name, st.family_name, st.grade,
                       coalesce(d.class_id, h.class_id) AS class_id,
                       CASE WHEN d.class_id IS NOT NULL THEN 'designated' WHEN h.class_id IS NOT NULL THEN 'homeroom' END AS source,
                       CASE WHEN rv.review_id IS NOT NULL THEN rv.status
                            WHEN coalesce(d.class_id, h.class_id) IS NOT NULL THEN 'not-reviewed' ELSE 'unassigned' END AS status,
                       rv.review_id, rv.class_id AS reviewed_in, rv.tier, coalesce(rv.carried_forward, false) AS carried_forward
                FROM (SELECT DISTINCT student_id FROM enrolled) ro
                JOIN student st ON st.id = ro.student_id
                LEFT JOIN review_designation d ON d.period_id = :period AND d.student_id = ro.student_id
                LEFT JOIN homeroom h ON h.student_id = ro.student_id
                LEFT JOIN reviewed rv ON rv.student_id = ro.student_id
            )
            """;

    private final EntityManager em;
    private final ReviewPeriodService periods;
    private final SchoolScope schools;
    private final ScopedLookup lookup;
    private final CallerScope caller;
    private final AuditTrail audit;

    public ReviewRosterService(EntityManager em, ReviewPeriodService periods, SchoolScope schools, ScopedLookup lookup,
                               CallerScope caller, AuditTrail audit) {
        this.em = em;
        this.periods = periods;
        this.schools = schools;
        this.lookup = lookup;
        this.caller = caller;
        this.audit = audit;
    }

    /** The roster, ordered by family name, given name and id; {@code status} filters when given. */
    @Transactional
    public Page<ReviewRosterEntryView> roster(UUID periodId, UUID schoolId, String status, LocalDate today, PageRequest page) {
        schools.require(schoolId, "School " + schoolId);
        ReviewPeriod period = periods.get(periodId);
        String filter = status == null ? "" : " WHERE x.status = :status";
        Query list = bind(em.createNativeQuery(ROSTER + """
                SELECT x.student_id, x.given_name, x.family_name, x.grade, x.class_id, rc.title, x.source, x.status,
                       x.review_id, x.reviewed_in, vc.title, x.tier, x.carried_forward
                FROM roster x LEFT JOIN class_section rc ON rc.id = x.class_id LEFT JOIN class_section vc ON vc.id = x.reviewed_in
                """ + filter + " ORDER BY x.family_name, x.given_name, x.student_id"), period, schoolId, today);
        Query total = bind(em.createNativeQuery(ROSTER + "SELECT count(*) FROM roster x" + filter), period, schoolId, today);
        if (status != null) {
            list.setParameter("status", status);
            total.setParameter("status", status);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<ReviewRosterEntryView> items = rows.stream().map(r -> new ReviewRosterEntryView((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], (UUID) r[4], (String) r[5], (String) r[6], (String) r[7], (UUID) r[8], (UUID) r[9],
                (String) r[10], r[8] != null && r[4] != null && !r[4].equals(r[9]), (String) r[11], Boolean.TRUE.equals(r[12]))).toList();
        audit.students(items.stream().map(ReviewRosterEntryView::studentId).toList());
        return Page.of(items, page, ((Number) total.getSingleResult()).longValue());
    }

    /**
     * Designates the class a student is reviewed in during a period, replacing the homeroom (or an
     * earlier designation). The class must be of the period's own term, visible to the caller, active,
     * and the student enrolled in it at some time during the period; 422 naming {@code /classId} otherwise.
     */
    @Transactional
    public ReviewingClassView designate(UUID periodId, UUID studentId, DesignateReviewingClassRequest request) {
        ReviewPeriod period = periods.get(periodId);
        Student student = lookup.require(Student.class, studentId, "Student " + studentId);
        ClassSection section = em.find(ClassSection.class, request.classId());
        String wrong = section == null || !schools.canSee(section.school.id) ? "is not a class of your schools"
                : !section.active ? "is a class the roster has removed"
                : !ofTerm(section, period) ? "is not a class of the period's own term (the session holding " + period.middleDay() + ")"
                : !enrolledDuring(section.id, student.id, period) ? "student " + student.id + " is not enrolled in this class during the period"
                : null;
        if (wrong != null) {
            throw new RuleBrokenException("The reviewing class was not designated", List.of(Violation.atPointer("/classId", wrong)));
        }
        Instant now = Instant.now();
        em.createNativeQuery("""
                        INSERT INTO review_designation (period_id, student_id, class_id, school_id, designated_by, designated_at)
                        VALUES (:p, :s, :c, :school, :by, :at)
                        ON CONFLICT (period_id, student_id) DO UPDATE SET class_id = EXCLUDED.class_id, school_id = EXCLUDED.school_id,
                            designated_by = EXCLUDED.designated_by, designated_at = EXCLUDED.designated_at""")
                .setParameter("p", period.id).setParameter("s", student.id).setParameter("c", section.id)
                .setParameter("school", section.school.id).setParameter("by", caller.subject()).setParameter("at", now)
                .executeUpdate();
        audit.student(student.id);
        return new ReviewingClassView(period.id, student.id, section.id, section.title, DESIGNATED, caller.subject(), now);
    }

    /** Removes a designation: the student is reviewed in the homeroom again. 404 when there is none. */
    @Transactional
    public void removeDesignation(UUID periodId, UUID studentId) {
        ReviewPeriod period = periods.get(periodId);
        Student student = lookup.require(Student.class, studentId, "Student " + studentId);
        // the student is in the caller's scope (404 otherwise), and so is what the school decided about the student
        int removed = em.createNativeQuery("DELETE FROM review_designation WHERE period_id = :p AND student_id = :s")
                .setParameter("p", period.id).setParameter("s", student.id).executeUpdate();
        if (removed == 0) {
            throw new NotFoundException("Reviewing class designation of student " + studentId + " in period " + periodId);
        }
        audit.student(student.id);
    }

    /** Whether a class belongs to the period's own term. */
    static boolean ofTerm(ClassSection section, ReviewPeriod period) {
        UUID year = period.schoolYear.id;
        boolean inYear = section.session.id.equals(year) || (section.session.parent != null && section.session.parent.id.equals(year));
        LocalDate middle = period.middleDay();
        return inYear && !section.session.startDate.isAfter(middle) && !section.session.endDate.isBefore(middle);
    }

    private boolean enrolledDuring(UUID classId, UUID studentId, ReviewPeriod period) {
        return em.createQuery("select count(e) from Enrollment e where e.classSection.id = :c and e.student.id = :s "
                        + "and (e.beginDate is null or e.beginDate <= :end) and (e.endDate is null or e.endDate >= :start)", Long.class)
                .setParameter("c", classId).setParameter("s", studentId)
                .setParameter("start", period.startDate).setParameter("end", period.endDate).getSingleResult() > 0;
    }

    static Query bind(Query query, ReviewPeriod period, UUID schoolId, LocalDate today) {
        return query.setParameter("period", period.id).setParameter("school", schoolId).setParameter("year", period.schoolYear.id)
                .setParameter("middle", period.middleDay()).setParameter("day", period.referenceDate(today));
    }
}
