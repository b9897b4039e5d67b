package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.roster.ClassSection;
import org.studentsupport.student.StudentSupportSource;
import org.studentsupport.student.StudentSupportSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contributes the review side of a student's profile, one entry as one unit: per review period the
 * student's one current entry (draft or final) with its class, review, tier and all four domains;
 * and, from the latest finalized entry (latest period start first), the current tier with that same
 * entry's domains. Domains are never put together from different reviews.
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
        List<Object[]> rows = em.createQuery("""
                        select e, r, p, c from ClassReviewEntry e, ClassReview r, ReviewPeriod p, ClassSection c
                        where e.reviewId = r.id and r.period = p and c.id = r.classId and e.studentId = :s and e.current = true
                        order by p.startDate desc, p.id, e.secondInPeriod, r.createdAt, r.id""", Object[].class)
                .setParameter("s", studentId).getResultList();
        if (rows.isEmpty()) {
            return summary;
        }
        // the one entry of each period: the earliest review's, as the once-per-period rule counts it
        Map<UUID, Object[]> byPeriod = new LinkedHashMap<>();
        rows.forEach(row -> byPeriod.putIfAbsent(((ReviewPeriod) row[2]).id, row));
        List<UUID> entryIds = byPeriod.values().stream().map(row -> ((ClassReviewEntry) row[0]).id).toList();
        Map<UUID, List<ClassReviewDomain>> domainsByEntry = new HashMap<>();
        em.createQuery("from ClassReviewDomain d where d.entryId in :ids", ClassReviewDomain.class)
                .setParameter("ids", entryIds).getResultList()
                .forEach(d -> domainsByEntry.computeIfAbsent(d.entryId, k -> new ArrayList<>()).add(d));

        List<StudentSupportSummary.PeriodReview> periods = new ArrayList<>();
        StudentSupportSummary.CurrentTier tier = null;
        List<StudentSupportSummary.DomainReview> latestDomains = List.of();
        for (Object[] row : byPeriod.values()) {
            ClassReviewEntry entry = (ClassReviewEntry) row[0];
            ClassReview review = (ClassReview) row[1];
            ReviewPeriod period = (ReviewPeriod) row[2];
            ClassSection section = (ClassSection) row[3];
            List<ClassReviewDomain> domains = domainsByEntry.getOrDefault(entry.id, List.of());
            List<StudentSupportSummary.DomainReview> all = new ArrayList<>();
            List<StudentSupportSummary.DomainReview> recorded = new ArrayList<>();
            for (ReviewDomain domain : ReviewDomain.values()) {
                ClassReviewDomain d = domains.stream().filter(x -> domain.code().equals(x.domain)).findFirst().orElse(null);
                StudentSupportSummary.DomainReview view = new StudentSupportSummary.DomainReview(domain.code(),
                        d == null ? List.of() : d.strengthCodes(), d == null ? List.of() : d.needCodes(), review.finalizedAt);
                all.add(view);
                if (d != null) {
                    recorded.add(view);
                }
            }
            periods.add(new StudentSupportSummary.PeriodReview(period.id, period.name, period.startDate, review.id, section.id,
                    section.title, review.status, entry.tier, entry.interests, entry.needsIndividualReview, entry.carriedForward,
                    review.finalizedAt, all));
            if (tier == null && review.isFinal() && entry.tier != null) {
                tier = new StudentSupportSummary.CurrentTier(entry.tier, period.id, period.name, review.finalizedAt);
                latestDomains = recorded;
            }
        }
        return new StudentSupportSummary(tier, latestDomains, periods, summary.openPlan(), summary.referrals());
    }
}
