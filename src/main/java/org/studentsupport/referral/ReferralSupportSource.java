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
        // Columns only, no referral entities; the limit is taken in SQL along the index on
        // (student_id, open, follow_up_due, created_at desc, id), however many referrals the student has.
        List<ReferralSummary> items = referrals.getEntityManager().createQuery("select r.id, s.name, o.name, r.status, r.followUpDue"
                        + " from Referral r join r.service s join s.organization o where r.student.id = :student"
                        + " order by r.open desc, r.followUpDue asc nulls last, r.createdAt desc, r.id", Object[].class)
                .setParameter("student", studentId).setMaxResults(LIMIT).getResultList().stream()
                .map(row -> {
                    ReferralStatus status = (ReferralStatus) row[3];
                    LocalDate due = (LocalDate) row[4];
                    return new ReferralSummary((UUID) row[0], (String) row[1], (String) row[2], status.code(), due,
                            FollowUp.isOverdue(status, due, today));
                })
                .toList();
        return new StudentSupportSummary(summary.currentTier(), summary.latestByDomain(), summary.reviewsByPeriod(), summary.openPlan(), items);
    }
}
