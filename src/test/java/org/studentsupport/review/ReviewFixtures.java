package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditEvent;
import org.studentsupport.roster.AcademicSession;
import org.studentsupport.roster.ClassSection;
import org.studentsupport.roster.Enrollment;
import org.studentsupport.roster.Teacher;
import org.studentsupport.school.School;
import org.studentsupport.student.Student;
import org.studentsupport.support.TestFixtures;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.VocabularyCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Roster and review rows for the review tests, persisted directly (no roster import here). */
@ApplicationScoped
public class ReviewFixtures {

    private final EntityManager em;
    private final TestFixtures shared;

    public ReviewFixtures(EntityManager em, TestFixtures shared) {
        this.em = em;
        this.shared = shared;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID districtId(String sourcedId) {
        return shared.district(sourcedId).id;
    }

    public UUID school(String district, String sourcedId) {
        return shared.school(district, sourcedId, "School " + sourcedId);
    }

    /** The 2026-27 school year of a district (OneRoster counts it as 2027). */
    @Transactional
    public UUID schoolYear(String district, String sourcedId) {
        List<AcademicSession> found = em.createQuery("from AcademicSession s where s.sourcedId = :s", AcademicSession.class)
                .setParameter("s", sourcedId).getResultList();
        if (!found.isEmpty()) {
            return found.get(0).id;
        }
        AcademicSession year = new AcademicSession(sourcedId, shared.district(district));
        year.title = "2026-27";
        year.type = AcademicSession.SCHOOL_YEAR;
        year.schoolYear = 2027;
        year.startDate = LocalDate.of(2026, 8, 15);
        year.endDate = LocalDate.of(2027, 6, 30);
        em.persist(year);
        return year.id;
    }

    @Transactional
    public UUID term(UUID yearId, String sourcedId) {
        AcademicSession year = em.find(AcademicSession.class, yearId);
        AcademicSession term = new AcademicSession(sourcedId, year.district);
        term.parent = year;
        term.title = "Fall term";
        term.type = AcademicSession.TERM;
        term.schoolYear = 2027;
        term.startDate = LocalDate.of(2026, 8, 15);
        term.endDate = LocalDate.of(2027, 1, 20);
        em.persist(term);
        return term.id;
    }

    /** A spring term of the year, after the fixture's fall term. */
    @Transactional
    public UUID springTerm(UUID yearId, String sourcedId) {
        AcademicSession year = em.find(AcademicSession.class, yearId);
        AcademicSession term = new AcademicSession(sourcedId, year.district);
        term.parent = year;
        term.title = "Spring term";
        term.type = AcademicSession.TERM;
        term.schoolYear = 2027;
        term.startDate = LocalDate.of(2027, 1, 21);
        term.endDate = LocalDate.of(2027, 6, 30);
        em.persist(term);
        return term.id;
    }

    @Transactional
    public UUID period(UUID yearId, String name, String kind, LocalDate start, LocalDate end) {
        AcademicSession year = em.find(AcademicSession.class, yearId);
        List<ReviewPeriod> found = em.createQuery("from ReviewPeriod p where p.schoolYear.id = :y and p.name = :n", ReviewPeriod.class)
                .setParameter("y", yearId).setParameter("n", name).getResultList();
        if (!found.isEmpty()) {
            return found.get(0).id;
        }
        ReviewPeriod period = new ReviewPeriod(year.district, year);
        period.name = name;
        period.kind = kind;
        period.startDate = start;
        period.endDate = end;
        em.persist(period);
        return period.id;
    }

    public UUID fall(UUID yearId) {
        return period(yearId, "2026-27 fall", ReviewPeriod.FALL, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20));
    }

    public UUID spring(UUID yearId) {
        return period(yearId, "2026-27 spring", ReviewPeriod.SPRING, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 5, 31));
    }

    @Transactional
    public UUID teacher(String familyName) {
        Teacher teacher = new Teacher(unique("tch"));
        teacher.givenName = "Pat";
        teacher.familyName = familyName;
        em.persist(teacher);
        return teacher.id;
    }

    @Transactional
    public UUID classSection(UUID schoolId, UUID sessionId, String title, UUID... teacherIds) {
        ClassSection section = new ClassSection(unique("cls"), em.find(School.class, schoolId),
                em.find(AcademicSession.class, sessionId), title);
        for (UUID t : teacherIds) {
            section.teachers.add(em.find(Teacher.class, t));
        }
        em.persist(section);
        return section.id;
    }

    /** A class of OneRoster classType homeroom. */
    @Transactional
    public UUID homeroom(UUID schoolId, UUID sessionId, String title, UUID... teacherIds) {
        UUID id = classSection(schoolId, sessionId, title, teacherIds);
        em.find(ClassSection.class, id).classType = ClassSection.HOMEROOM;
        return id;
    }

    /** A student with a family name, for tests that read a roster in name order. */
    @Transactional
    public UUID student(UUID schoolId, String grade, String familyName) {
        Student student = new Student(unique("stu"), em.find(School.class, schoolId), "Sam", familyName);
        student.grade = grade;
        em.persist(student);
        return student.id;
    }

    /** The class a student is designated to be reviewed in, read from the table. */
    @Transactional
    public UUID designation(UUID periodId, UUID studentId) {
        List<?> found = em.createNativeQuery("SELECT class_id FROM review_designation WHERE period_id = :p AND student_id = :s")
                .setParameter("p", periodId).setParameter("s", studentId).getResultList();
        return found.isEmpty() ? null : (UUID) found.get(0);
    }

    @Transactional
    public UUID student(UUID schoolId, String grade) {
        Student student = new Student(unique("stu"), em.find(School.class, schoolId), "Sam", "Student");
        student.grade = grade;
        em.persist(student);
        return student.id;
    }

    @Transactional
    public void enroll(UUID classId, UUID studentId, LocalDate begin, LocalDate end) {
        Enrollment enrollment = new Enrollment(unique("enr"), em.find(ClassSection.class, classId), em.find(Student.class, studentId));
        enrollment.beginDate = begin;
        enrollment.endDate = end;
        em.persist(enrollment);
    }

    /** A class with {@code size} students of a grade, all enrolled without end. */
    public List<UUID> enrolledStudents(UUID classId, UUID schoolId, String grade, int size) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID s = student(schoolId, grade);
            enroll(classId, s, null, null);
            ids.add(s);
        }
        return ids;
    }

    /** Writes a finalized review directly: one entry per student with the given tier and need codes. */
    @Transactional
    public UUID finalReview(UUID classId, UUID periodId, List<UUID> students, List<String> tiers,
                            ReviewDomain domain, List<List<String>> needs, List<List<String>> strengths) {
        ClassSection section = em.find(ClassSection.class, classId);
        ClassReview review = new ClassReview(classId, em.find(ReviewPeriod.class, periodId), section.school.id);
        review.saveDraft("fixture", null, LocalDate.of(2026, 10, 1));
        em.persist(review);
        List<ClassReviewEntry> entries = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            ClassReviewEntry entry = new ClassReviewEntry(review.id, students.get(i), i);
            entry.tier = tiers.get(i);
            entries.add(entry);
            em.persist(entry);
            if (domain != null) {
                em.persist(new ClassReviewDomain(entry.id, domain,
                        strengths == null ? List.of() : strengths.get(i), needs == null ? List.of() : needs.get(i), null));
            }
        }
        review.finalizeBy("fixture", entries, students);
        return review.id;
    }

    @Transactional
    public long reviews(UUID classId) {
        return em.createQuery("select count(r) from ClassReview r where r.classId = :c", Long.class)
                .setParameter("c", classId).getSingleResult();
    }

    @Transactional
    public long entries(UUID classId) {
        return em.createQuery("select count(e) from ClassReviewEntry e, ClassReview r where e.reviewId = r.id and r.classId = :c", Long.class)
                .setParameter("c", classId).getSingleResult();
    }

    /** The stored entry id of each student in the class's review. */
    @Transactional
    public Map<UUID, UUID> entryIds(UUID classId) {
        Map<UUID, UUID> ids = new java.util.HashMap<>();
        em.createQuery("select e.studentId, e.id from ClassReviewEntry e, ClassReview r where e.reviewId = r.id and r.classId = :c",
                        Object[].class)
                .setParameter("c", classId).getResultList().forEach(row -> ids.put((UUID) row[0], (UUID) row[1]));
        return ids;
    }

    @Transactional
    public long domains(UUID classId) {
        return em.createQuery("select count(d) from ClassReviewDomain d, ClassReviewEntry e, ClassReview r "
                        + "where d.entryId = e.id and e.reviewId = r.id and r.classId = :c", Long.class)
                .setParameter("c", classId).getSingleResult();
    }

    @Transactional
    public long amendments(UUID classId) {
        return em.createQuery("select count(a) from ClassReviewAmendment a, ClassReview r where a.reviewId = r.id and r.classId = :c", Long.class)
                .setParameter("c", classId).getSingleResult();
    }

    @Transactional
    public String status(UUID classId) {
        return em.createQuery("select r.status from ClassReview r where r.classId = :c", String.class)
                .setParameter("c", classId).getResultStream().findFirst().orElse(null);
    }

    /** A code that exists but is retired. */
    @Transactional
    public void retire(ReviewDomain domain, String code) {
        List<VocabularyCode> found = em.createQuery("from VocabularyCode c where c.domain = :d and c.code = :c", VocabularyCode.class)
                .setParameter("d", domain.code()).setParameter("c", code).getResultList();
        VocabularyCode reviewCode = found.isEmpty()
                ? new VocabularyCode(null, CodeKind.NEED, domain.code(), code, java.util.Map.of("en", "Retired " + code)) : found.get(0);
        reviewCode.active = false;
        if (found.isEmpty()) {
            em.persist(reviewCode);
        }
    }

    /** A service of the provider directory, with its organization. */
    @Transactional
    public UUID directoryService(String name) {
        org.studentsupport.directory.Organization org = new org.studentsupport.directory.Organization(UUID.randomUUID(), "Org of " + name);
        em.persist(org);
        org.studentsupport.directory.ProviderService service =
                new org.studentsupport.directory.ProviderService(UUID.randomUUID(), org, name);
        em.persist(service);
        return service.id;
    }

    @Transactional
    public long individualReviews(UUID studentId) {
        return em.createQuery("select count(r) from IndividualReview r where r.studentId = :s", Long.class)
                .setParameter("s", studentId).getSingleResult();
    }

    /** An open individual review of the student, written directly. */
    @Transactional
    public UUID individualReview(UUID studentId) {
        org.studentsupport.plan.IndividualReview review =
                new org.studentsupport.plan.IndividualReview(studentId, "Fixture concerns", "fixture");
        em.persist(review);
        return review.id;
    }

    /** The audit event of one request, by its X-Request-Id. */
    @Transactional
    public AuditEvent auditEvent(String requestId) {
        return em.createQuery("select e from AuditEvent e where e.requestId = :r", AuditEvent.class)
                .setParameter("r", requestId).getSingleResult();
    }
}
