package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * The identifier each provider organization knows a student by: random, made the first time the
 * provider is shown the student, and the same ever after (so its platform can match its records),
 * different for every provider and never the internal student id.
 */
@ApplicationScoped
public class ReferralPseudonyms {

    private final EntityManager em;

    public ReferralPseudonyms(EntityManager em) {
        this.em = em;
    }

    /** The pseudonym of the referral's student for the referral's provider (made on first use). */
    UUID of(Referral referral) {
        em.createNativeQuery("INSERT INTO provider_pseudonym (organization_id, student_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, referral.organizationId).setParameter(2, referral.student.id).executeUpdate();
        return (UUID) em.createNativeQuery("SELECT pseudonym FROM provider_pseudonym WHERE organization_id = ?1 AND student_id = ?2")
                .setParameter(1, referral.organizationId).setParameter(2, referral.student.id).getSingleResult();
    }
}
