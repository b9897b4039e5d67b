package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every referral of one student in every status, each with its whole history: the referral part of
 * the student's record. The scope filter keeps it to what the caller may see.
 */
@ApplicationScoped
public class ReferralRecord {

    @Transactional
    public List<ReferralView> ofStudent(UUID studentId) {
        var em = Panache.getEntityManager();
        List<Referral> referrals = em.createQuery("select r from Referral r where r.student.id = :s order by r.createdAt, r.id",
                Referral.class).setParameter("s", studentId).getResultList();
        if (referrals.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TransitionView>> histories = new HashMap<>();
        em.createQuery("select t from ReferralTransition t where t.referral.id in :ids order by t.at, t.id", ReferralTransition.class)
                .setParameter("ids", referrals.stream().map(r -> r.id).toList()).getResultList()
                .forEach(t -> histories.computeIfAbsent(t.referral.id, k -> new ArrayList<>()).add(TransitionView.from(t)));
        LocalDate today = LocalDate.now();
        return referrals.stream()
                .map(r -> ReferralView.from(r, Set.of(), histories.getOrDefault(r.id, List.of()), today)).toList();
    }
}
