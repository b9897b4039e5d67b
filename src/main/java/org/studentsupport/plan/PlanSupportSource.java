package org.studentsupport.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.student.StudentSupportSource;
import org.studentsupport.student.StudentSupportSummary;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/** Contributes the student's open plan to the profile. */
@ApplicationScoped
public class PlanSupportSource implements StudentSupportSource {

    private final IndividualReviewRepository reviews;

    public PlanSupportSource(IndividualReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    @Transactional
    public StudentSupportSummary contribute(UUID studentId, StudentSupportSummary summary) {
        StudentSupportSummary.OpenPlan plan = reviews.openOf(studentId).map(r -> new StudentSupportSummary.OpenPlan(r.id,
                (int) r.goals.stream().filter(g -> Goal.OPEN.equals(g.status)).count(),
                r.supports.size(),
                r.goals.stream().filter(g -> Goal.OPEN.equals(g.status)).map(g -> g.targetDate).filter(Objects::nonNull)
                        .min(Comparator.<LocalDate>naturalOrder()).orElse(null),
                planNeeds(r))).orElse(null);
        return new StudentSupportSummary(summary.currentTier(), summary.latestByDomain(), summary.reviewsByPeriod(), plan, summary.referrals());
    }

    private static java.util.List<String> planNeeds(IndividualReview review) {
        java.util.Set<String> needs = new java.util.LinkedHashSet<>(review.needCodes);
        review.supports.forEach(s -> needs.addAll(s.needCodes));
        return java.util.List.copyOf(needs);
    }
}
