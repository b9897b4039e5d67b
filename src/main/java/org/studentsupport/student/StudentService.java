package org.studentsupport.student;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.database.ReadOnlyReads;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Finding students, a student's profile, and the local fields of family contacts, always within the caller's scope. */
@ApplicationScoped
public class StudentService {

    private final SchoolScope schools;
    private final StudentScope students;
    private final CallerScope caller;
    private final StudentEnrollments enrollments;
    private final Instance<StudentSupportSource> sources;
    private final ScopedLookup lookup;

    public StudentService(SchoolScope schools, StudentScope students, CallerScope caller, StudentEnrollments enrollments,
                          Instance<StudentSupportSource> sources, ScopedLookup lookup) {
        this.schools = schools;
        this.students = students;
        this.caller = caller;
        this.enrollments = enrollments;
        this.sources = sources;
        this.lookup = lookup;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    @Transactional
    public Page<StudentSummaryView> search(String namePrefix, String grade, UUID schoolId, boolean includeInactive, PageRequest page) {
        // The scope filter keeps students outside the caller's schools out of both queries.
        StringBuilder where = new StringBuilder(" from Student s where true");
        Map<String, Object> params = new HashMap<>();
        if (schoolId != null) {
            schools.require(schoolId, "School " + schoolId);
            where.append(" and s.school.id = :school");
            params.put("school", schoolId);
        }
        if (namePrefix != null && !namePrefix.isBlank()) {
            where.append(" and (lower(s.familyName) like :p escape '\\' or lower(s.givenName) like :p escape '\\'"
                    + " or lower(s.preferredName) like :p escape '\\')");
            params.put("p", namePrefix.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (grade != null && !grade.isBlank()) {
            where.append(" and s.grade = :g");
            params.put("g", grade.strip());
        }
        if (!includeInactive) {
            where.append(" and s.active");
        }
        var query = em().createQuery("select s" + where + " order by s.familyName, s.givenName, s.id", Student.class);
        var count = em().createQuery("select count(s)" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Student> found = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found.stream().map(StudentSummaryView::from).toList(), page, count.getSingleResult());
    }

    @Transactional
    public StudentProfileView profile(UUID id) {
        return ReadOnlyReads.of(em(), () -> {
            Student student = students.require(id);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<StudentContactView> contacts = em().createQuery("select l from StudentContact l join fetch l.contact c "
                            + "where l.student.id = :s order by l.maySignConsent desc, c.familyName, c.givenName, c.id", StudentContact.class)
                    .setParameter("s", id).setMaxResults(50).getResultList().stream().map(StudentContactView::from).toList();
            return StudentProfileView.from(student, enrollments.enrollmentsOf(id, today), contacts, support(id));
        });
    }

    /**
     * The support part of the profile, from every {@link StudentSupportSource} in a stable order (by bean class).
     * Administrators manage rosters but do not see case notes: for them it stays empty.
     */
    private StudentSupportSummary support(UUID studentId) {
        StudentSupportSummary summary = StudentSupportSummary.empty();
        if (!caller.isCoordinator() && !caller.isSupervisor()) {
            return summary;
        }
        var ordered = ((InjectableInstance<StudentSupportSource>) sources).handlesStream()
                .sorted(Comparator.comparing(h -> h.getBean().getBeanClass().getName())).toList();
        for (var handle : ordered) {
            summary = handle.get().contribute(studentId, summary);
        }
        return summary;
    }

    /** A family contact, visible when one of its students is (the scope filter decides). */
    @Transactional
    public FamilyContact contact(UUID id) {
        return lookup.require(FamilyContact.class, id, "Family contact " + id);
    }

    /** The students of a contact whom the caller may see (for the audit record). */
    @Transactional
    public List<UUID> visibleStudentsOf(UUID contactId) {
        return em().createQuery("select l.student.id from StudentContact l where l.contact.id = :c", UUID.class)
                .setParameter("c", contactId).getResultList();
    }

    /** Sets the local fields, when the client's precondition holds for the version read here. */
    @Transactional
    public FamilyContact updatePreferences(UUID id, VersionCheck ifMatch, UpdateContactPreferencesRequest request) {
        FamilyContact contact = contact(id);
        ifMatch.require(contact.version);
        contact.preferredContactMethod = request.preferredContactMethod();
        contact.contactNotes = request.contactNotes();
        em().flush();
        return contact;
    }
}
