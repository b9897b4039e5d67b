package org.studentsupport.student;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The support side of a student's profile, contributed by the review, plan and referral features
 * through {@link StudentSupportSource} beans, so that this feature does not depend on theirs.
 */
@Schema(name = "StudentSupportSummary")
public record StudentSupportSummary(
        @Schema(description = "The tier of the latest finalized whole-class review; null when never reviewed") CurrentTier currentTier,
        @Schema(description = "The strengths and needs of that same entry, per domain recorded in it (never mixed from several reviews)",
                maxItems = 10) List<DomainReview> latestByDomain,
        @Schema(description = "Per review period (latest first), the student's one current whole-class review entry", maxItems = 100)
        List<PeriodReview> reviewsByPeriod,
        @Schema(description = "The open individual student review and plan, if any") OpenPlan openPlan,
        @Schema(description = "The student's referrals, open ones first", maxItems = 200) List<ReferralSummary> referrals) {

    public static StudentSupportSummary empty() {
        return new StudentSupportSummary(null, List.of(), List.of(), null, List.of());
    }

    @Schema(name = "CurrentTier")
    public record CurrentTier(
            @Schema(maxLength = 20) String tier,
            UUID reviewPeriodId,
            @Schema(maxLength = 100) String reviewPeriodName,
            Instant reviewedAt) {
    }

    @Schema(name = "DomainReview")
    public record DomainReview(
            @Schema(description = "academic, social-emotional, health or family", maxLength = 30) String domain,
            @Schema(maxItems = 50) List<@Size(max = 50) String> strengths,
            @Schema(maxItems = 50) List<@Size(max = 50) String> needs,
            Instant reviewedAt) {
    }

    @Schema(name = "PeriodReview", description = "A student's one entry of one review period, as one unit")
    public record PeriodReview(
            UUID reviewPeriodId,
            @Schema(maxLength = 100) String reviewPeriodName,
            LocalDate periodStart,
            UUID reviewId,
            UUID classId,
            @Schema(maxLength = 255) String classTitle,
            @Schema(enumeration = {"draft", "final"}, maxLength = 10) String status,
            @Schema(maxLength = 20) String tier,
            @Schema(maxLength = 500) String interests,
            boolean needsIndividualReview,
            @Schema(description = "True while the entry is carried forward from the previous period and not yet confirmed") boolean carriedForward,
            Instant finalizedAt,
            @Schema(description = "All four domains, in the order academic, social-emotional, health, family; empty lists where nothing is recorded",
                    maxItems = 4) List<DomainReview> domains) {
    }

    @Schema(name = "OpenPlan")
    public record OpenPlan(
            UUID individualReviewId,
            @Schema(minimum = "0", maximum = "1000", format = "int32") int openGoals,
            @Schema(minimum = "0", maximum = "1000", format = "int32") int plannedSupports,
            LocalDate nextTargetDate,
            @Schema(description = "The needs the plan and its supports address", maxItems = 100) List<@Size(max = 50) String> needs) {
    }

    @Schema(name = "ReferralSummary")
    public record ReferralSummary(
            UUID referralId,
            @Schema(maxLength = 255) String serviceName,
            @Schema(maxLength = 255) String organizationName,
            @Schema(maxLength = 30) String status,
            LocalDate followUpDue,
            boolean overdue) {
    }
}
