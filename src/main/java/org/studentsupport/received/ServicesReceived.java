package org.studentsupport.received;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A student's services received, read from the {@code service_received} view (migration V85) on the
 * primary, so that a coordinator sees a referral count as soon as the provider starts it. Access
 * follows the student: outside the caller's schools it is 404.
 */
@ApplicationScoped
public class ServicesReceived {

    static final String COLUMNS = "v.id, v.kind, v.category, v.need_codes, v.name, v.service_id, v.organization_name, v.referral_id,"
            + " v.individual_review_id, v.status, v.started_on, v.ended_on";

    private final EntityManager em;
    private final StudentScope students;

    public ServicesReceived(EntityManager em, StudentScope students) {
        this.em = em;
        this.students = students;
    }

    /** The student's services, the latest started first. */
    @Transactional
    public Page<ServiceReceivedView> forStudent(UUID studentId, PageRequest page) {
        Student student = students.require(studentId);
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM service_received v WHERE v.student_id = :s")
                .setParameter("s", student.id).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM service_received v WHERE v.student_id = :s"
                        + " ORDER BY v.started_on DESC NULLS LAST, v.id")
                .setParameter("s", student.id).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(rows.stream().map(ServicesReceived::view).toList(), page, total);
    }

    static ServiceReceivedView view(Object[] r) {
        return new ServiceReceivedView((UUID) r[0], (String) r[1], (String) r[2], codes((String) r[3]), (String) r[4], (UUID) r[5],
                (String) r[6], (UUID) r[7], (UUID) r[8], (String) r[9], date(r[10]), date(r[11]));
    }

    static List<String> codes(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
