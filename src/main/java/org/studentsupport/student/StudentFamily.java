package org.studentsupport.student;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Every family contact of one student, without the profile's cap. */
@ApplicationScoped
public class StudentFamily {

    @Transactional
    public List<StudentContactView> contactsOf(UUID studentId) {
        return Panache.getEntityManager().createQuery("select l from StudentContact l join fetch l.contact c "
                        + "where l.student.id = :s order by l.maySignConsent desc, c.familyName, c.givenName, c.id", StudentContact.class)
                .setParameter("s", studentId).getResultList().stream().map(StudentContactView::from).toList();
    }
}
