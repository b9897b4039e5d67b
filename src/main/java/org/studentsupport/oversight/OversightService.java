package org.studentsupport.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.referral.ReferralFigures;
import org.studentsupport.school.SchoolScope;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Follow-through reports over referrals, always within the schools the caller may see (a
 * supervisor's district, a coordinator's schools). The figures come from the referral feature
 * ({@link ReferralFigures}); this class scopes them and shapes the reports.
 */
@ApplicationScoped
public class OversightService {

    /** The most rows a CSV export of a list holds. */
    public static final int MAX_EXPORT_ROWS = 100_000;

    private final ReferralFigures figures;
    private final SchoolScope scope;

    public OversightService(ReferralFigures figures, SchoolScope scope) {
        this.figures = figures;
        this.scope = scope;
    }

    @Transactional
    public FollowThroughReport followThrough(ReportRange range) {
        List<FollowThroughRow> rows = figures.followThrough(scope.visibleSchoolIds(), range.from(), range.to(),
                        ReferralFigures.Grouping.of(range.groupBy())).stream()
                .map(g -> new FollowThroughRow(range.groupBy(), g.groupId(), g.groupName(), g.requested(), StatusCounts.of(g.byStatus()),
                        g.overdue(), g.medianDaysToAccept(), g.p90DaysToAccept(), g.medianDaysToFirstService(),
                        g.p90DaysToFirstService(), g.medianDaysToClose(), g.p90DaysToClose(), g.closed(),
                        g.closed() == 0 ? null : (double) g.closedWithOutcome() / g.closed()))
                .toList();
        return new FollowThroughReport(range.from(), range.to(), range.groupBy(), rows);
    }

    /** Open referrals past their follow-up date, the longest overdue first. */
    @Transactional
    public Page<StalledReferral> overdue(PageRequest page) {
        return figures.overdue(scope.visibleSchoolIds(), page).map(OversightService::aged);
    }

    /** Open referrals with no transition for at least {@code days} days, the longest quiet first. */
    @Transactional
    public Page<StalledReferral> stalled(int days, PageRequest page) {
        return figures.stalled(scope.visibleSchoolIds(), days, page).map(OversightService::aged);
    }

    private static StalledReferral aged(ReferralFigures.OpenReferral r) {
        LocalDate today = LocalDate.now();
        Instant last = r.lastTransitionAt();
        LocalDate due = r.followUpDue();
        return new StalledReferral(r.referralId(), r.studentId(), r.schoolId(), r.schoolName(), r.organizationId(),
                r.organizationName(), r.status().code(), r.coordinator(), last,
                last == null ? 0 : (int) Duration.between(last, Instant.now()).toDays(),
                due, due == null || !due.isBefore(today) ? 0 : (int) ChronoUnit.DAYS.between(due, today));
    }
}
