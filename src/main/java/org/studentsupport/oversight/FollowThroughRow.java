package org.studentsupport.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One group (a school, a coordinator or a provider) of a follow-through report. */
@Schema(name = "FollowThroughRow")
public record FollowThroughRow(
        @Schema(description = "school, coordinator or provider", maxLength = 20) String groupBy,
        @Schema(description = "Id of the school or organization, or the coordinator's subject", maxLength = 255) String groupId,
        @Schema(maxLength = 255) String groupName,
        @Schema(description = "Referrals requested in the range", minimum = "0", maximum = "2147483647", format = "int32") int requested,
        @Schema(description = "Referrals by current status") StatusCounts byStatus,
        @Schema(description = "Open referrals past their follow-up date", minimum = "0", maximum = "2147483647", format = "int32") int overdue,
        @Schema(description = "Median days from requested to accepted") Double medianDaysToAccept,
        @Schema(description = "90th percentile of days from requested to accepted") Double p90DaysToAccept,
        @Schema(description = "Median days from requested to the first service") Double medianDaysToFirstService,
        @Schema(description = "90th percentile of days from requested to the first service") Double p90DaysToFirstService,
        @Schema(description = "Median days from requested to closed") Double medianDaysToClose,
        @Schema(description = "90th percentile of days from requested to closed") Double p90DaysToClose,
        @Schema(description = "Closed referrals (rejected, completed, failed, cancelled)", minimum = "0", maximum = "2147483647", format = "int32") int closed,
        @Schema(description = "Share of closed referrals with a recorded outcome or reason, 0..1") Double closedWithOutcomeShare) {
}
