package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.student.StudentSupportSource;
import org.studentsupport.student.StudentSupportSummary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contributes the review side of a student's profile: the tier of the latest finalized review and,
 * per domain, the strengths and needs of the latest finalized review that recorded that domain.
 * "Latest" is by review period (latest start first), then by finalization time.
 */
@ApplicationScoped
public class ReviewSupportSource implements StudentSupportSource {

    private final EntityManager em;

    public ReviewSupportSource(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public StudentSupportSummary contribute(UUID studentId, StudentSupportSummary summary) {
        List<Object[]> entries = em.createQuery("""
                        select e, r, p from ClassReviewEntry e, ClassReview r, ReviewPeriod p
                        where e.reviewId = r.id and r.period = p and e.studentId = :s and e.current = true
                          and r.status = 'final' and e.tier is not null
                        order by p.startDate desc, r.finalizedAt desc, r.id""", Object[].class)
                .setParameter("s", studentId).getResultList();
        if (entries.isEmpty()) {
            return summary;
        }
        ClassReview latest = (ClassReview) entries.get(0)[1];
        ReviewPeriod period = (ReviewPeriod) entries.get(0)[2];
        StudentSupportSummary.CurrentTier tier = new StudentSupportSummary.CurrentTier(
                ((ClassReviewEntry) entries.get(0)[0]).tier, period.id, period.name, latest.finalizedAt);

        List<UUID> entryIds = entries.stream().map(row -> ((ClassReviewEntry) row[0]).id).toList();
        Map<UUID, List<ClassReviewDomain>> domainsByEntry = new java.util.HashMap<>();
        em.createQuery("from ClassReviewDomain d where d.entryId in :ids", ClassReviewDomain.class)
                .setParameter("ids", entryIds).getResultList()
                .forEach(d -> domainsByEntry.computeIfAbsent(d.entryId, k -> new ArrayList<>()).add(d));
        Map<ReviewDomain, StudentSupportSummary.DomainReview> latestByDomain = new EnumMap<>(ReviewDomain.class);
        for (Object[] row : entries) {
            ClassReviewEntry entry = (ClassReviewEntry) row[0];
            ClassReview review = (ClassReview) row[1];
            for (ClassReviewDomain d : domainsByEntry.getOrDefault(entry.id, List.of())) {
                ReviewDomain.of(d.domain).ifPresent(domain -> latestByDomain.putIfAbsent(domain,
                        new StudentSupportSummary.DomainReview(domain.code(), d.strengthCodes(), d.needCodes(), review.finalizedAt)));
            }
        }
        return new StudentSupportSummary(tier, List.copyOf(latestByDomain.values()), summary.openPlan(), summary.referrals());
    }
}
