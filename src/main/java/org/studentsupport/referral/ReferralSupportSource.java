package org.studentsupport.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.student.StudentSupportSource;
import org.studentsupport.student.StudentSupportSummary;
import org.studentsupport.student.StudentSupportSummary.ReferralSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The student profile's referrals: open ones first (soonest follow-up first), then the closed, newest first. */
@ApplicationScoped
public class ReferralSupportSource implements StudentSupportSource {

    static final int LIMIT = 200;

    private final ReferralRepository referrals;

    public ReferralSupportSource(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    @Transactional
    public StudentSupportSummary contribute(UUID studentId, StudentSupportSummary summary) {
        LocalDate today = LocalDate.now();
        List<ReferralSummary> items = referrals.find("student.id = ?1 order by case when status in ?2 then 0 else 1 end, "
                        + "followUpDue asc nulls last, createdAt desc, id", studentId, List.copyOf(ReferralStatus.OPEN))
                .page(0, LIMIT).list().stream()
                .map(r -> new ReferralSummary(r.id, r.service.name, r.service.organization.name, r.status.code(), r.followUpDue,
                        FollowUp.isOverdue(r.status, r.followUpDue, today)))
                .toList();
        return new StudentSupportSummary(summary.currentTier(), summary.latestByDomain(), summary.reviewsByPeriod(), summary.openPlan(), items);
    }
}
