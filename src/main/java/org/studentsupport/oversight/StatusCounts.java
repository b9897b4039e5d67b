package org.studentsupport.oversight;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** Referrals by current status. */
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

    static StatusCounts of(Map<String, Integer> counts) {
        return new StatusCounts(counts.getOrDefault("requested", 0), counts.getOrDefault("accepted", 0),
                counts.getOrDefault("rejected", 0), counts.getOrDefault("in-progress", 0), counts.getOrDefault("on-hold", 0),
                counts.getOrDefault("completed", 0), counts.getOrDefault("failed", 0), counts.getOrDefault("cancelled", 0));
    }

    /** The count of one status, by its code. */
    public int count(String status) {
        return switch (status) {
            case "requested" -> requested;
            case "accepted" -> accepted;
            case "rejected" -> rejected;
            case "in-progress" -> inProgress;
            case "on-hold" -> onHold;
            case "completed" -> completed;
            case "failed" -> failed;
            case "cancelled" -> cancelled;
            default -> throw new IllegalArgumentException(status);
        };
    }
}
