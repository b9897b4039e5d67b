package org.studentsupport.roster;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;
import org.studentsupport.student.EnrollmentView;
import org.studentsupport.student.StudentEnrollments;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads of the roster: sessions, the classes of a school, a class and its roster on a date. Always within the caller's scope. */
@ApplicationScoped
public class RosterService implements StudentEnrollments {

    private final SchoolScope schools;
    private final ScopedLookup lookup;
    private final CallerScope caller;

    public RosterService(SchoolScope schools, ScopedLookup lookup, CallerScope caller) {
        this.schools = schools;
        this.lookup = lookup;
        this.caller = caller;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    @Transactional
    public Page<AcademicSessionView> sessions(PageRequest page) {
        String district = caller.districtId().orElse(null);
        if (district == null) {
            return Page.of(List.of(), page, 0);
        }
        List<AcademicSession> sessions = em().createQuery("select s from AcademicSession s left join fetch s.parent "
                        + "where s.district.sourcedId = :d and s.active order by s.startDate, s.type, s.id", AcademicSession.class)
                .setParameter("d", district).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em().createQuery("select count(s) from AcademicSession s where s.district.sourcedId = :d and s.active", Long.class)
                .setParameter("d", district).getSingleResult();
        return Page.of(sessions.stream().map(AcademicSessionView::from).toList(), page, total);
    }

    @Transactional
    public Page<ClassView> classesOfSchool(UUID schoolId, UUID sessionId, PageRequest page) {
        schools.require(schoolId, "School " + schoolId);
        String filter = " from ClassSection c where c.school.id = :school and c.active"
                + (sessionId == null ? "" : " and (c.session.id = :session or c.session.parent.id = :session)");
        var query = em().createQuery("select c" + filter + " order by c.title, c.id", ClassSection.class).setParameter("school", schoolId);
        var count = em().createQuery("select count(c)" + filter, Long.class).setParameter("school", schoolId);
        if (sessionId != null) {
            query.setParameter("session", sessionId);
            count.setParameter("session", sessionId);
        }
        List<ClassSection> classes = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(classes.stream().map(ClassView::from).toList(), page, count.getSingleResult());
    }

    @Transactional
    public ClassView getClass(UUID id) {
        return ClassView.from(require(id));
    }

    ClassSection require(UUID id) {
        return lookup.require(ClassSection.class, id, "Class " + id);
    }

    /** The students enrolled in a class on a date, by name. */
    @Transactional
    public Page<RosterEntryView> roster(UUID classId, LocalDate on, PageRequest page) {
        require(classId);
        String filter = " from Enrollment e join e.student s where e.classSection.id = :c and s.active "
                + "and (e.beginDate is null or e.beginDate <= :d) and (e.endDate is null or e.endDate >= :d)";
        List<Enrollment> enrollments = em().createQuery("select e" + filter + " order by s.familyName, s.givenName, s.id", Enrollment.class)
                .setParameter("c", classId).setParameter("d", on).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em().createQuery("select count(e)" + filter, Long.class).setParameter("c", classId).setParameter("d", on).getSingleResult();
        return Page.of(enrollments.stream().map(RosterEntryView::from).toList(), page, total);
    }

    /** A student's enrollments, newest session first (for the student's profile; the caller has checked the scope). */
    @Transactional
    @Override
    public List<EnrollmentView> enrollmentsOf(UUID studentId, LocalDate today) {
        return em().createQuery("select e from Enrollment e join fetch e.classSection c join fetch c.session se "
                        + "where e.student.id = :s order by se.startDate desc, c.title, e.id", Enrollment.class)
                .setParameter("s", studentId).setMaxResults(EnrollmentView.MAX_ON_PROFILE).getResultList()
                .stream().map(e -> enrollmentView(e, today)).toList();
    }

    static EnrollmentView enrollmentView(Enrollment e, LocalDate today) {
        ClassSection c = e.classSection;
        return new EnrollmentView(e.id, c.id, c.title, c.classCode, c.school.id, c.session.id, c.session.title,
                e.beginDate, e.endDate, e.activeOn(today) && c.active);
    }
}
