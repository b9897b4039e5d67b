package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.student.StudentContact;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /**
     * The student's links to the family members named on the referral, as the record holds them now:
     * read only to take a disclosure's snapshot, never to show the provider.
     */
    List<StudentContact> familyMembers(Referral referral) {
        if (referral.familyContactIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select sc from StudentContact sc where sc.student.id = :s "
                        + "and sc.contact.id in :c order by sc.contact.familyName, sc.contact.id", StudentContact.class)
                .setParameter("s", referral.student.id).setParameter("c", referral.familyContactIds).getResultList();
    }
}
