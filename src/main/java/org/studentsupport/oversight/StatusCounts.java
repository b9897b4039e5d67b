package org.studentsupport.oversight;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.referral.ReferralStatus;

import java.util.Map;

/**
 * Referrals by current status: one member per status of {@link ReferralStatus#SENT} (a test checks
 * the members against it).
 */
@Schema(name = "StatusCounts")
public record StatusCounts(
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int requested,
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int accepted,
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int rejected,
        @JsonProperty("in-progress") @Schema(minimum = "0", maximum = "2147483647", format = "int32") int inProgress,
        @JsonProperty("on-hold") @Schema(minimum = "0", maximum = "2147483647", format = "int32") int onHold,
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int completed,
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int failed,
        @Schema(minimum = "0", maximum = "2147483647", format = "int32") int cancelled) {

    static StatusCounts of(Map<ReferralStatus, Integer> counts) {
        return new StatusCounts(counts.getOrDefault(ReferralStatus.REQUESTED, 0), counts.getOrDefault(ReferralStatus.ACCEPTED, 0),
                counts.getOrDefault(ReferralStatus.REJECTED, 0), counts.getOrDefault(ReferralStatus.IN_PROGRESS, 0),
                counts.getOrDefault(ReferralStatus.ON_HOLD, 0), counts.getOrDefault(ReferralStatus.COMPLETED, 0),
                counts.getOrDefault(ReferralStatus.FAILED, 0), counts.getOrDefault(ReferralStatus.CANCELLED, 0));
    }

    /** The count of one status. */
    public int count(ReferralStatus status) {
        return switch (status) {
            case REQUESTED -> requested;
            case ACCEPTED -> accepted;
            case REJECTED -> rejected;
            case IN_PROGRESS -> inProgress;
            case ON_HOLD -> onHold;
            case COMPLETED -> completed;
            case FAILED -> failed;
            case CANCELLED -> cancelled;
            case DRAFT, ENTERED_IN_ERROR -> throw new IllegalArgumentException("a sent referral is never " + status.code());
        };
    }
}
