package org.studentsupport.roster;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.student.EnrollmentView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Every enrollment of one student, past and present (the profile shows only the newest). */
@ApplicationScoped
public class EnrollmentHistory {

    @Transactional
    public List<EnrollmentView> of(UUID studentId, LocalDate today) {
        return Panache.getEntityManager().createQuery("select e from Enrollment e join fetch e.classSection c"
                        + " join fetch c.session se where e.student.id = :s order by se.startDate, c.title, e.id", Enrollment.class)
                .setParameter("s", studentId).getResultList().stream().map(e -> RosterService.enrollmentView(e, today)).toList();
    }
}
