package org.studentsupport.student;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A support source for tests: gives the students a test marks a tier, and leaves every other student alone. */
@ApplicationScoped
public class MarkedStudentsSupport implements StudentSupportSource {

    static final Set<UUID> MARKED = ConcurrentHashMap.newKeySet();

    @Override
    public StudentSupportSummary contribute(UUID studentId, StudentSupportSummary summary) {
        if (!MARKED.contains(studentId)) {
            return summary;
        }
        return new StudentSupportSummary(new StudentSupportSummary.CurrentTier("2", null, "test period", Instant.parse("2026-10-01T00:00:00Z")),
                summary.latestByDomain(), summary.reviewsByPeriod(), summary.openPlan(), summary.referrals());
    }
}
